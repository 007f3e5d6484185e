package seeds

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SentenceAround returns the whole sentence of a text around the first
// place the quote appears in it, as written: from the end of the sentence
// before (。！？, or . ! ? before a space, or a line break) to the end of its
// own. A reader sees in it what the figure is, which the shortest clause
// that states it may leave out. ok is false when the text lacks the quote.
func SentenceAround(text, quote string) (sentence string, ok bool) {
	at := strings.Index(text, quote)
	if quote == "" || at < 0 {
		return "", false
	}
	start := sentenceStart(text, at)
	end := sentenceEnd(text, at+len(quote))
	return strings.TrimSpace(text[start:end]), true
}

// sentenceStart is where the sentence holding the byte at starts.
func sentenceStart(text string, at int) int {
	for i := at; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if endsSentence(text, i-size, r) {
			return i
		}
		i -= size
	}
	return 0
}

// sentenceEnd is where the sentence holding the byte before from ends,
// after its closing mark.
func sentenceEnd(text string, from int) int {
	for i := from; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return i
		}
		if endsSentence(text, i, r) {
			return i + size
		}
		i += size
	}
	return len(text)
}

// endsSentence reports whether the rune r at byte i closes a sentence: a
// Chinese full stop, exclamation or question mark, a line break, or their
// Western forms before a space or the end of the text (so that 3.5 does
// not end one).
func endsSentence(text string, i int, r rune) bool {
	switch r {
	case '。', '！', '？', '\n':
		return true
	case '.', '!', '?':
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		return i+1 == len(text) || unicode.IsSpace(next)
	}
	return false
}
