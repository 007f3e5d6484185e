package extract

import "regexp"

// listGroup is a list of metrics sharing one verb and a list of values in
// the same order: 批发业、社零总额分别增长15%、8%以上 / "retail sales and
// exports grew by 5% and 6% respectively".
type listGroup struct {
	metrics []metricPhrase
	values  []int // indexes into the sentence's quantities
	// shared is the qualifier written once after the last value, which
	// governs every value that has none of its own.
	shared qualifier
}

// respectively matches the word that pairs two lists.
var respectively = regexp.MustCompile(`(?i)分别|\brespectively\b`)

// listJoin matches what may stand between two listed values or metrics.
var listJoin = regexp.MustCompile(`(?i)^\s*(?:以上|左右)?\s*(?:、|和|及|与|以及|,|，|\band\b|,\s*and\b)\s*(?:增长|达到?|为)?\s*$`)

// findLists returns the paired lists in sentence s, whose quantities are qs.
func (d *document) findLists(s span, qs []quantity) []listGroup {
	var out []listGroup
	for _, loc := range respectively.FindAllStringIndex(s.of(d.text), -1) {
		at := s.start + loc[0]
		var g listGroup
		if d.text[at] == 'r' || d.text[at] == 'R' {
			g = d.englishList(s, qs, at)
		} else {
			g = d.chineseList(s, qs, s.start+loc[1])
		}
		if len(g.values) >= 2 && len(g.metrics) >= 2 {
			out = append(out, g)
		}
	}
	return out
}

// chineseList reads 「M1、M2分别增长V1、V2」: values after 分别, metrics
// before it back to the clause mark that is not an enumeration comma.
func (d *document) chineseList(s span, qs []quantity, after int) listGroup {
	var g listGroup
	g.values = valueRun(d.text, qs, firstAfter(qs, after))
	g.metrics = d.metricsIn(span{d.listStart(s, after), after})
	return g
}

// englishList reads "M1 and M2 grew by V1 and V2 respectively": values
// before the word, metrics before the values.
func (d *document) englishList(s span, qs []quantity, at int) listGroup {
	text := d.text
	var g listGroup
	last := -1
	for i, q := range qs {
		if q.end <= at {
			last = i
		}
	}
	if last < 0 {
		return g
	}
	first := last
	for first > 0 && listJoin.MatchString(text[qs[first-1].end:qs[first].start]) {
		first--
	}
	g.values = valueRun(text, qs, first)
	if len(g.values) > 0 {
		g.metrics = d.metricsIn(span{d.listStart(s, qs[first].start), qs[first].start})
	}
	return g
}

// firstAfter returns the index of the first quantity at or after p, or -1.
func firstAfter(qs []quantity, p int) int {
	for i, q := range qs {
		if q.start >= p {
			return i
		}
	}
	return -1
}

// valueRun returns the run of quantities from first joined by list marks.
func valueRun(text string, qs []quantity, first int) []int {
	if first < 0 {
		return nil
	}
	run := []int{first}
	for i := first + 1; i < len(qs); i++ {
		if qs[i].unit != qs[first].unit || !listJoin.MatchString(text[qs[i-1].end:qs[i].start]) {
			break
		}
		run = append(run, i)
	}
	return run
}

// listStart returns where the list of metrics before p begins: after the
// last comma, semicolon or colon (an enumeration comma 、 does not end it).
func (d *document) listStart(s span, p int) int {
	from := d.back(s.start, p, nearWindow)
	start := from
	for i, r := range d.text[from:p] {
		if r != '、' && isClauseMark(r) && !isThousandsComma(d.text, from+i, r) {
			start = from + i + len(string(r))
		}
	}
	return start
}
