package extract

import (
	"regexp"
	"unicode/utf8"

	"gztargets/app/model"
)

// qualifierWindow bounds, in bytes, how far before a number its
// qualifier word is looked for.
const qualifierWindow = 48

// filler is what may stand between a qualifier word and its number.
const filler = `(?:\s|达到|达|到|了|\bof\b|\bthe\b|\bRMB\b|\bCNY\b|¥)*$`

// Qualifier words before the number, anchored at it.
var qualifiersBefore = []struct {
	qualifier string
	re        *regexp.Regexp
}{
	{model.QualAtLeast, regexp.MustCompile(`(?i)(?:不低于|不少于|至少|\bno less than|\bnot less than|\bat least|\bmore than|\bover|\bupwards of)` + filler)},
	{model.QualAbove, regexp.MustCompile(`(?i)(?:超过|超出|超|突破|高于|\bexceed(?:s|ed|ing)?|\bsurpass(?:es|ed|ing)?|\babove|\bbeyond|\btop(?:s|ped)?)` + filler)},
	{model.QualAbout, regexp.MustCompile(`(?i)(?:大约|约|大概|接近|近|\babout|\baround|\bapproximately|\broughly|\bnearly|\bclose to)` + filler)},
}

// Qualifier words right after the number.
var qualifiersAfter = []struct {
	qualifier string
	re        *regexp.Regexp
}{
	{model.QualAtLeast, regexp.MustCompile(`(?i)^\s*(?:以上|及以上|之上|\bor more\b|\band above\b|\bor above\b|\bor higher\b)`)},
	{model.QualAbout, regexp.MustCompile(`(?i)^\s*(?:左右|上下|\bor so\b)`)},
	{model.QualAbove, regexp.MustCompile(`^(?:大关)?突破`)},
}

// splitAbove matches a machine translation's 以上 cut off into the next
// sentence: `growth of 5%." Above, the …`.
var splitAbove = regexp.MustCompile(`^[.。]?["”]?[.。]?\s*Above\b`)

// qualifier is how a figure's number is bounded, and where the text says so.
type qualifier struct {
	kind string
	span
	// split is set for a qualifier read across a sentence boundary.
	split bool
}

// qualifierOf reads the qualifier of q: a word right after it wins (以上,
// 左右), then one right before it, looked for after from (the end of the
// metric phrase or the clause start). limit bounds the text after it.
func qualifierOf(text string, q quantity, from, limit int) qualifier {
	after := text[q.end:max(q.end, limit)]
	for _, a := range qualifiersAfter {
		if loc := a.re.FindStringIndex(after); loc != nil {
			return qualifier{a.qualifier, span{q.end, q.end + loc[1]}, false}
		}
	}
	if loc := splitAbove.FindStringIndex(after); loc != nil {
		return qualifier{model.QualAtLeast, span{q.end, q.end + loc[1]}, true}
	}
	from = max(min(from, q.start), q.start-qualifierWindow)
	for from < q.start && !utf8.RuneStart(text[from]) {
		from++
	}
	before := text[from:q.start]
	for _, b := range qualifiersBefore {
		if loc := b.re.FindStringIndex(before); loc != nil {
			start := from + loc[0]
			return qualifier{b.qualifier, span{start, q.start}, false}
		}
	}
	return qualifier{model.QualExact, span{q.start, q.start}, false}
}

// stretchLead matches the words that introduce a stretch goal after a
// figure: 增长6.5%以上，力争达到7% / "at least 6%, striving for 7%".
var stretchLead = regexp.MustCompile(`(?i)^\s*[,，、;；]?\s*(?:并|和)?(?:力争|争取|努力|\band strive (?:for|to)|\bstrive (?:for|to)|\bstriving (?:for|to)|\baiming for)` +
	`(?:\s*(?:达到|实现|达|到|reach|achieve|hit))?\s*`)

// stretchAfter returns the index in qs of the stretch goal that follows a
// figure ending at end, or -1.
func stretchAfter(text string, qs []quantity, i, end int) int {
	if i+1 >= len(qs) || qs[i+1].unit != qs[i].unit || qs[i+1].points {
		return -1
	}
	loc := stretchLead.FindStringIndex(text[end:qs[i+1].start])
	if loc == nil || end+loc[1] != qs[i+1].start {
		return -1
	}
	return i + 1
}
