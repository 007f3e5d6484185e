package extract

import (
	"strings"
	"unicode/utf8"

	"gztargets/app/model"
)

// readYearAndKind sets the figure's year, kind and provisional flag, which
// depend on each other: an explicit year before the publication year
// makes a result, and a result without a year is for the year before.
func (d *document) readYearAndKind(f *Figure, c candidate) {
	if d.isBaseline(c) {
		year, sure := d.baselineYear(c)
		f.Kind, f.Year = model.KindActual, year
		if !sure {
			f.markUncertain(fieldYear)
		}
		return
	}
	y, found := d.yearMention(c)
	year := 0
	if found {
		year = y.resolve(d.published.year)
		if year == 0 || y.approx || (d.inferred && y.year == 0) {
			f.markUncertain(fieldYear)
		}
	}
	kind, provisional, sure := d.kindFor(c, year, found && y.year != 0)
	f.Kind, f.Provisional = kind, provisional
	if !sure {
		f.markUncertain(fieldKind)
	}
	if !found {
		year = d.defaultYear(kind, f.Period)
		f.markUncertain(fieldYear)
	}
	f.Year = year
}

// yearMention finds the year the figure is for: the nearest year named
// before it in its sentence, else one named after it in its clause, else
// the nearest named before in its paragraph or the list's lead-in.
func (d *document) yearMention(c candidate) (yearMention, bool) {
	if ys := d.yearsIn(span{c.sentence.start, c.q.start}); len(ys) > 0 {
		return ys[len(ys)-1], true
	}
	i, clauses := d.clauseAt(c.sentence, c.q.start)
	if ys := d.yearsIn(span{c.q.end, clauses[i].end}); len(ys) > 0 {
		return ys[0], true
	}
	start := d.paras[c.para].start
	if lead := d.leadIn(c.para); lead >= 0 {
		start = d.paras[lead].start
	}
	if ys := d.yearsIn(span{start, c.sentence.start}); len(ys) > 0 {
		return ys[len(ys)-1], true
	}
	return yearMention{}, false
}

// defaultYear is the year of a figure whose text names none: goals are
// for the year of publication, results for the year before (or the same
// year, for the first half).
func (d *document) defaultYear(kind, period string) int {
	if d.published.year == 0 {
		return 0
	}
	if kind == model.KindActual && period != model.PeriodH1 {
		return d.published.year - 1
	}
	return d.published.year
}

// kindFor decides target or result: from the cues in the figure's own
// part of its sentence; else from an explicit year against the
// publication year; else from the whole sentence, then from the text
// before it in its paragraph. sure is false when it had to assume.
func (d *document) kindFor(c candidate, year int, explicit bool) (kind string, provisional, sure bool) {
	end := d.clauseEnd(c)
	if d.idx.estimate.any(span{d.back(c.sentence.start, c.q.start, nearWindow), end}) {
		return d.estimateKind(year)
	}
	if k, ok := kindOf(d.idx.kind.sum(span{d.segmentStart(c), end})); ok {
		return k, false, true
	}
	if explicit && d.published.year != 0 && year != d.published.year {
		if year < d.published.year {
			return model.KindActual, false, true
		}
		return model.KindTarget, false, true
	}
	if k, ok := kindOf(d.idx.kind.sum(c.sentence)); ok {
		return k, false, true
	}
	start := d.paras[c.para].start
	if lead := d.leadIn(c.para); lead >= 0 {
		start = d.paras[lead].start
	}
	if k, ok := kindOf(d.idx.kind.sum(span{d.back(start, c.sentence.start, farWindow), c.sentence.start})); ok {
		return k, false, true
	}
	return model.KindTarget, false, false
}

// estimateKind reads an estimate (预计, "expected"): a provisional result
// for a year that is over (or nearly, from October on); for a year still
// ahead it is a forecast, drafted as a target for the reviewer to judge.
func (d *document) estimateKind(year int) (kind string, provisional, sure bool) {
	p := d.published
	switch {
	case year == 0 || p.year == 0:
		return model.KindActual, true, false
	case year < p.year || (year == p.year && p.month >= 10):
		return model.KindActual, true, true
	}
	return model.KindTarget, false, false
}

// segmentStart is where the figure's part of its sentence begins: after
// the last semicolon before it.
func (d *document) segmentStart(c candidate) int {
	from := d.back(c.sentence.start, c.q.start, nearWindow)
	before := d.text[from:c.q.start]
	if i := strings.LastIndexAny(before, ";；"); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		return from + i + size
	}
	return from
}

// clauseEnd is where the figure's clause ends.
func (d *document) clauseEnd(c candidate) int {
	i, clauses := d.clauseAt(c.sentence, c.q.start)
	return clauses[i].end
}

// readStage sets a target's stage: from the marks in its paragraph (and
// the list's lead-in), else from those of the whole text.
func (d *document) readStage(f *Figure, c candidate) {
	if f.Kind != model.KindTarget {
		return
	}
	start := d.paras[c.para].start
	if lead := d.leadIn(c.para); lead >= 0 {
		start = d.paras[lead].start
	}
	local := span{start, d.paras[c.para].end}
	if s, ok := stageLocal(d.idx.plan.any(local), d.idx.pledge.any(local)); ok {
		f.Stage = s
		return
	}
	all := span{0, len(d.text)}
	s, ok := stageFrom(d.idx.plan.any(all), d.idx.pledge.any(all))
	f.Stage = s
	if !ok {
		f.markUncertain(fieldStage)
	}
}

// readQuote sets the quote: from the metric phrase (or the start of the
// list, or the qualifier) to the end of the number, its qualifier and its
// stretch goal, copied from the text.
func (d *document) readQuote(f *Figure, c candidate) {
	start, end := c.q.start, c.q.end
	if c.metric.end <= c.q.start || c.metric.start >= c.q.end {
		start, end = min(start, c.metric.start), max(end, c.metric.end)
	}
	if c.quoteStart > 0 {
		start = min(start, c.quoteStart)
	}
	if c.qual.end > c.qual.start {
		start, end = min(start, c.qual.start), max(end, c.qual.end)
	}
	if c.stretch != nil {
		end = max(end, c.stretch.end)
	}
	f.Quote = trimQuote(d.text[start:end])
	if len([]rune(f.Quote)) > 120 {
		f.markUncertain(fieldQuote)
	}
}

// trimQuote drops the stray marks a quote may end with (a split
// qualifier's full stop) and the white space around it.
func trimQuote(q string) string {
	for {
		t := trimSpanString(q)
		if t == q {
			return q
		}
		q = t
	}
}

// trimSpanString trims white space at both ends.
func trimSpanString(q string) string {
	s := trimSpan(q, span{0, len(q)})
	return s.of(q)
}
