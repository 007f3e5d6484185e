package extract

import (
	"sort"
	"unicode/utf8"
)

// Bounds on how far back the context of a figure is read, in bytes. They
// keep the work linear in the length of the text, whatever its shape, and
// are far beyond what a sentence puts between a figure and its words.
const (
	nearWindow = 400  // within a sentence: the metric, the verb, the year
	farWindow  = 2000 // within a paragraph: the region, the year, the cues
)

// index holds what is found once in the whole text, looked up by position.
type index struct {
	metrics []metricPhrase
	years   []yearMention
	// lastDistrict[i] is the index of the nearest district named at or
	// before mention i, or -1.
	lastDistrict []int
	clauses      map[int][]span
	// Where the words are that say what a figure is and when.
	kind, estimate, plan, pledge, firstHalf, partOfYear, anaphor cues
}

// buildIndex finds the metric phrases, years and region names of the text.
func (d *document) buildIndex() {
	all := span{0, len(d.text)}
	d.idx.metrics = findMetrics(d.text, all)
	d.idx.years = findYears(d.text, all)
	d.idx.clauses = map[int][]span{}
	d.idx.kind = findCues(d.text, kindCues...)
	d.idx.estimate = findCues(d.text, weighted{provisional, 1})
	d.idx.plan = findCues(d.text, weighted{planMarks, 1})
	d.idx.pledge = findCues(d.text, weighted{pledgeMarks, 1})
	d.idx.firstHalf = findCues(d.text, weighted{firstHalf, 1})
	d.idx.partOfYear = findCues(d.text, weighted{partOfYear, 1})
	d.idx.anaphor = findCues(d.text, weighted{anaphor, 1})
	for _, m := range findMentions(d.text) {
		if !d.inForeign(m.start) {
			d.mentions = append(d.mentions, m)
		}
	}
	last := -1
	for i, m := range d.mentions {
		if m.level == levelDistrict {
			last = i
		}
		d.idx.lastDistrict = append(d.idx.lastDistrict, last)
	}
}

// metricsIn returns the metric phrases that lie inside s.
func (d *document) metricsIn(s span) []metricPhrase {
	ms := d.idx.metrics
	i := sort.Search(len(ms), func(i int) bool { return ms[i].start >= s.start })
	j := i
	for j < len(ms) && ms[j].end <= s.end {
		j++
	}
	return ms[i:j]
}

// yearsIn returns the year mentions that lie inside s.
func (d *document) yearsIn(s span) []yearMention {
	ys := d.idx.years
	i := sort.Search(len(ys), func(i int) bool { return ys[i].start >= s.start })
	j := i
	for j < len(ys) && ys[j].end <= s.end {
		j++
	}
	return ys[i:j]
}

// mentionsBefore returns how many region names start before p.
func (d *document) mentionsBefore(p int) int {
	return sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].start >= p })
}

// clauseAt returns the clauses of sentence s and the index of the one
// that contains position p.
func (d *document) clauseAt(s span, p int) (int, []span) {
	clauses, ok := d.idx.clauses[s.start]
	if !ok {
		clauses = splitClauses(d.text, s)
		d.idx.clauses[s.start] = clauses
	}
	i := sort.Search(len(clauses), func(i int) bool { return clauses[i].end >= p })
	return min(i, len(clauses)-1), clauses
}

// back returns the position size bytes before p, but not before limit, on
// the start of a character.
func (d *document) back(limit, p, size int) int {
	start := max(limit, p-size)
	for start < p && !utf8.RuneStart(d.text[start]) {
		start++
	}
	return start
}
