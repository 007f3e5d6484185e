package extract

import (
	"fmt"
	"regexp"
	"slices"
	"unicode/utf8"

	"gztargets/app/model"
	"gztargets/app/seeds"
)

// candidate is a figure found in a sentence, before its context is read.
type candidate struct {
	q        quantity
	metric   metricPhrase
	id       string
	qual     qualifier
	stretch  *quantity
	sentence span
	para     int
	// quoteStart is where the quote begins when a list puts it before
	// the metric phrase; 0 otherwise.
	quoteStart int
	// listMismatch is set when a list has more values than metrics or
	// the other way round.
	listMismatch bool
}

// findFigures drafts every figure of the text, in order.
func (d *document) findFigures() []Figure {
	var out []Figure
	for pi, p := range d.paras {
		if p.foreign {
			continue
		}
		for _, s := range p.sentences {
			for _, c := range d.candidates(pi, s) {
				if f, ok := d.figure(c); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// candidates finds the figures of one sentence: lists first, then each
// remaining quantity with the stretch goal that may follow it.
func (d *document) candidates(pi int, s span) []candidate {
	qs := findQuantities(d.text, s)
	used := make([]bool, len(qs))
	var out []candidate
	for _, g := range d.findLists(s, qs) {
		out = append(out, d.listCandidates(pi, s, qs, g, used)...)
	}
	for i := range qs {
		if used[i] {
			continue
		}
		used[i] = true
		if c, ok := d.single(pi, s, qs, i); ok {
			if j := stretchAfter(d.text, qs, i, max(c.qual.end, qs[i].end)); j >= 0 && !used[j] {
				c.stretch, used[j] = &qs[j], true
			}
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return a.q.start - b.q.start })
	return out
}

// single reads one quantity with its metric and qualifier.
func (d *document) single(pi int, s span, qs []quantity, i int) (candidate, bool) {
	q := qs[i]
	if q.points {
		d.skip(s, q, "a change in percentage points")
		return candidate{}, false
	}
	m, ok := d.metricFor(s, q)
	if !ok {
		d.skip(s, q, "no metric named")
		return candidate{}, false
	}
	id, ok := metricID(m.base, q.unit)
	if !ok {
		d.skip(s, q, "no metric of this unit")
		return candidate{}, false
	}
	ci, clauses := d.clauseAt(s, q.start)
	from := clauses[ci].start
	if m.end > from && m.end <= q.start {
		from = m.end
	}
	c := candidate{q: q, metric: m, id: id, sentence: s, para: pi}
	c.qual = qualifierOf(d.text, q, from, min(q.end+24, d.paras[pi].end))
	verb := d.text[from:min(q.start, c.qual.start)]
	if q.unit == unitPct && decline.MatchString(verb) {
		c.q.value = -c.q.value
	}
	return c, true
}

// listCandidates pairs the metrics and values of a list in order.
func (d *document) listCandidates(pi int, s span, qs []quantity, g listGroup, used []bool) []candidate {
	var out []candidate
	n := min(len(g.metrics), len(g.values))
	last := qs[g.values[len(g.values)-1]]
	shared := qualifierOf(d.text, last, last.start, min(last.end+24, d.paras[pi].end))
	for k, vi := range g.values {
		used[vi] = true
		if k >= n {
			d.skip(s, qs[vi], "more values than metrics in a list")
			continue
		}
		id, ok := metricID(g.metrics[k].base, qs[vi].unit)
		if !ok {
			d.skip(s, qs[vi], "no metric of this unit")
			continue
		}
		q := qs[vi]
		c := candidate{q: q, metric: g.metrics[k], id: id, sentence: s, para: pi, quoteStart: g.metrics[0].start}
		c.qual = qualifierOf(d.text, q, q.start, min(q.end+24, d.paras[pi].end))
		if c.qual.kind == model.QualExact && k < len(g.values)-1 {
			c.qual = shared
		}
		c.listMismatch = len(g.metrics) != len(g.values)
		out = append(out, c)
	}
	return out
}

// skip notes a quantity that is not drafted, with its clause.
func (d *document) skip(s span, q quantity, why string) {
	i, clauses := d.clauseAt(s, q.start)
	c := clauses[i]
	clause := truncateRunes(trimSpan(d.text, span{c.start, min(c.end, c.start+nearWindow)}).of(d.text), 80)
	d.note("Not drafted (%s): %q", why, clause)
}

// figure reads a candidate's context into a drafted figure; ok is false
// for parts of a year other than the whole year and its first half.
func (d *document) figure(c candidate) (Figure, bool) {
	f := Figure{Figure: seeds.Figure{Figure: model.Figure{
		Metric: c.id, Statement: model.Statement{Value: c.q.value, Qualifier: c.qual.kind},
		Unit: c.q.unit, Period: model.PeriodYear,
	}}}
	ci, clauses := d.clauseAt(c.sentence, c.q.start)
	around := span{d.back(d.contextStart(c), c.q.start, nearWindow), clauses[ci].end}
	if d.idx.partOfYear.any(around) {
		d.skip(c.sentence, c.q, "a part of a year other than the first half")
		return f, false
	}
	if d.idx.firstHalf.any(around) {
		f.Period = model.PeriodH1
	}
	if c.stretch != nil {
		v := c.stretch.value
		f.Stretch = &v
	}
	d.readRegion(&f, c)
	d.readYearAndKind(&f, c)
	d.readStage(&f, c)
	d.readQuote(&f, c)
	d.addNotes(&f, c)
	return f, true
}

// contextStart is where the text that sets a figure's period begins: its
// sentence, or the lead-in line of the list it is in. The rest of its
// clause counts too ("grew 5% in the first half").
func (d *document) contextStart(c candidate) int {
	if lead := d.leadIn(c.para); lead >= 0 && d.paras[c.para].sentences[0].start == c.sentence.start {
		return d.paras[lead].start
	}
	return c.sentence.start
}

// leadIn returns the paragraph that introduces the list paragraph pi is
// in (a line ending with a colon: 主要预期目标是：), or -1.
func (d *document) leadIn(pi int) int {
	for j := pi - 1; j >= 0 && pi-j <= 12; j-- {
		t := d.paras[j].of(d.text)
		last, _ := utf8.DecodeLastRuneInString(t)
		if last == ':' || last == '：' {
			return j
		}
		if len(t) > 600 || d.paras[j].foreign {
			return -1
		}
	}
	return -1
}

// addNotes explains readings a reviewer must check.
func (d *document) addNotes(f *Figure, c candidate) {
	var notes []string
	if c.q.trillionSlip {
		f.markUncertain(fieldValue)
		notes = append(notes, fmt.Sprintf("The text says %q; an amount in billions with that many decimals reads as a mistranslated 万亿 (trillion).", c.q.of(d.text)))
	}
	if c.qual.split {
		f.markUncertain(fieldQualifier)
		notes = append(notes, "The qualifier \"Above\" stands after the sentence's end, a machine translation's split 以上.")
	}
	if c.listMismatch {
		f.markUncertain(fieldMetric)
		notes = append(notes, "A list pairs metrics and values in order, but their counts differ.")
	}
	for i, n := range notes {
		if i > 0 {
			f.Note += " "
		}
		f.Note += n
	}
}

// baselineBefore matches the words before the starting value of a change
// (从目前的25%提升至30%, "from 25% to 30%").
var baselineBefore = regexp.MustCompile(`(?i)(?:从|由)(?:目前|现在|当前|现有|去年|上年)?的?\s*$|\bfrom\s+(?:the current\s+|now\s+)?$`)

// isBaseline reports whether q is the starting value of a change.
func (d *document) isBaseline(c candidate) bool {
	i, clauses := d.clauseAt(c.sentence, c.q.start)
	return baselineBefore.MatchString(d.text[d.back(clauses[i].start, c.q.start, nearWindow):c.q.start])
}

// baselineYear is the year of a change's starting value: one its clause
// states before it (从2022年的25%), else the year before publication
// (目前, "now": the latest full year), which is a reading.
func (d *document) baselineYear(c candidate) (int, bool) {
	i, clauses := d.clauseAt(c.sentence, c.q.start)
	ys := d.yearsIn(span{clauses[i].start, c.q.start})
	if n := len(ys); n > 0 && ys[n-1].year != 0 {
		return ys[n-1].year, true
	}
	if d.published.year == 0 {
		return 0, false
	}
	return d.published.year - 1, false
}
