package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of the input text.
type span struct{ start, end int }

// of returns the part of text that s covers.
func (s span) of(text string) string { return text[s.start:s.end] }

// contains reports whether position p lies inside s.
func (s span) contains(p int) bool { return p >= s.start && p < s.end }

// paragraph is one non-blank line of the text and its sentences.
type paragraph struct {
	span
	sentences []span
	// foreign is set for lines in a language the extractor does not read
	// (Japanese, recognised by its kana), which are left out entirely.
	foreign bool
}

// splitParagraphs cuts text into its non-blank lines. Line breaks are the
// only paragraph marks plain text reliably has.
func splitParagraphs(text string) []paragraph {
	var paras []paragraph
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s := trimSpan(text, span{start, end}); s.end > s.start {
			paras = append(paras, paragraph{span: s, sentences: splitSentences(text, s), foreign: hasKana(s.of(text))})
		}
		start = end + 1
	}
	return paras
}

// sentenceEnd matches what ends a sentence: Chinese and Western full stops,
// question and exclamation marks, with a closing quote mark that follows.
// A full stop only counts before a space or the end, so 3.5 stays whole.
var sentenceEnd = regexp.MustCompile(`[。！？!?]+[”"」』）)]?|\.[”"]?(?:\s+|$)`)

// splitSentences cuts a paragraph into sentences.
func splitSentences(text string, p span) []span {
	var out []span
	start := p.start
	for _, m := range sentenceEnd.FindAllStringIndex(p.of(text), -1) {
		end := p.start + m[1]
		if s := trimSpan(text, span{start, end}); s.end > s.start {
			out = append(out, s)
		}
		start = end
	}
	if s := trimSpan(text, span{start, p.end}); s.end > s.start {
		out = append(out, s)
	}
	return out
}

// splitClauses cuts a sentence at commas, enumeration commas, semicolons
// and colons, except a comma between digits (3,156.37).
func splitClauses(text string, s span) []span {
	var out []span
	start := s.start
	for i, r := range s.of(text) {
		p := s.start + i
		if !isClauseMark(r) || isThousandsComma(text, p, r) {
			continue
		}
		out = append(out, span{start, p})
		start = p + utf8.RuneLen(r)
	}
	return append(out, span{start, s.end})
}

// isClauseMark reports whether r separates clauses.
func isClauseMark(r rune) bool {
	return strings.ContainsRune(",，、;；:：", r)
}

// isThousandsComma reports whether the comma at p sits between digits.
func isThousandsComma(text string, p int, r rune) bool {
	if r != ',' || p == 0 || p+1 >= len(text) {
		return false
	}
	return isDigit(text[p-1]) && isDigit(text[p+1])
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// trimSpan narrows s to leave out white space at both ends.
func trimSpan(text string, s span) span {
	t := s.of(text)
	left := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
	right := len(strings.TrimRightFunc(t, unicode.IsSpace))
	if right < left {
		return span{s.start, s.start}
	}
	return span{s.start + left, s.start + right}
}

// hasKana reports whether t contains Japanese kana.
func hasKana(t string) bool {
	for _, r := range t {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}
