package words

import (
	"strings"
	"unicode/utf8"

	"gztargets/app/model"
)

// contextRunes bounds the words shown on each side of a quote: enough to
// say what the figure is, short enough for a tooltip.
const contextRunes = 60

// clauseMarks are where a clipped context may begin or end.
const clauseMarks = " ，,；;、：:"

// QuoteInContext is a citation's quote with the words around it in its
// sentence, where the source's text is kept: before and after are "" for
// a web page, whose recorded clause is all we have. A long side is clipped
// at a clause mark, with an ellipsis, so a reader still sees the sentence
// is longer.
func (w Words) QuoteInContext(c model.Citation) (before, quote, after string) {
	i := strings.Index(c.Sentence, c.Quote)
	if c.Quote == "" || i < 0 {
		return "", c.Quote, ""
	}
	return clipBefore(c.Sentence[:i]), c.Quote, clipAfter(c.Sentence[i+len(c.Quote):])
}

// clipBefore keeps the end of the words before a quote.
func clipBefore(s string) string {
	if utf8.RuneCountInString(s) <= contextRunes {
		return s
	}
	r := []rune(s)
	kept := string(r[len(r)-contextRunes:])
	if j := strings.IndexAny(kept, clauseMarks); j >= 0 && utf8.RuneCountInString(kept[:j]) < contextRunes/2 {
		_, size := utf8.DecodeRuneInString(kept[j:])
		kept = kept[j+size:]
	}
	return "…" + strings.TrimLeft(kept, " ")
}

// clipAfter keeps the start of the words after a quote.
func clipAfter(s string) string {
	if utf8.RuneCountInString(s) <= contextRunes {
		return s
	}
	kept := string([]rune(s)[:contextRunes])
	if j := strings.LastIndexAny(kept, clauseMarks); j >= 0 && utf8.RuneCountInString(kept[:j]) > contextRunes/2 {
		kept = kept[:j]
	}
	return strings.TrimRight(kept, " ") + "…"
}
