// Package words says how a figure reads, in Chinese and in English: its
// value with qualifier and stretch goal, its year and half, its kind and
// stage, a disagreement between its sources, its citations and the credit
// line. Charts, tables, embeds, CSV files and text descriptions all say a
// figure through this package, so that they say it the same way.
package words

import (
	"strings"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// Words says figures of one dataset in one language.
type Words struct {
	Lang i18n.Lang
	Data *model.Dataset
}

// New returns the words for a dataset in a language.
func New(ds *model.Dataset, lang i18n.Lang) Words { return Words{Lang: lang, Data: ds} }

// T is a message of the catalogue in the language.
func (w Words) T(key i18n.Key, args ...any) string { return i18n.T(w.Lang, key, args...) }

// Value is a record's qualified value and its stretch goal: "at least 6%,
// stretch 7%", 6%以上，力争7%.
func (w Words) Value(r model.Record) string {
	return w.stated(r.Value, r.Qualifier, r.Upper, r.Stretch, r.Unit)
}

// CitedValue is a figure as one source states it.
func (w Words) CitedValue(r model.Record, c model.Citation) string {
	return w.stated(c.Value, c.Qualifier, c.Upper, c.Stretch, r.Unit)
}

func (w Words) stated(v float64, qualifier string, upper, stretch *float64, unit string) string {
	s := i18n.Qualified(v, qualifier, unit, w.Lang)
	if qualifier == model.QualRange && upper != nil {
		s = i18n.Range(v, *upper, unit, w.Lang)
	}
	if stretch != nil {
		s += w.ListSep() + w.T("chart.stretchMark", i18n.Value(*stretch, unit, w.Lang))
	}
	return s
}

// Mark is a record's value as a short chart label: ≥6%, 6%以上; an
// estimate and a first-half figure say so. A stretch goal has a label of
// its own (StretchMark).
func (w Words) Mark(r model.Record) string {
	if r.Period == model.PeriodH1 {
		return w.bareMark(r) + w.Paren(w.T("period.h1"))
	}
	return w.YearMark(r)
}

// YearMark is Mark under a heading that names the record's year and half
// (Year), as a region's chart over the years has: 5.3%, not "5.3% (H1)"
// under "H1 2025". On a phone that half took a label past its neighbours.
func (w Words) YearMark(r model.Record) string {
	if r.Provisional {
		return w.bareMark(r) + w.Paren(w.T("mark.provisional"))
	}
	return w.bareMark(r)
}

// bareMark is a record's value with its qualifier or range.
func (w Words) bareMark(r model.Record) string {
	if r.Qualifier == model.QualRange && r.Upper != nil {
		return i18n.Range(r.Value, *r.Upper, r.Unit, w.Lang)
	}
	return i18n.Mark(r.Value, r.Qualifier, r.Unit, w.Lang)
}

// StretchMark labels a stretch goal in a chart.
func (w Words) StretchMark(r model.Record) string {
	return w.T("chart.stretchMark", i18n.Mark(*r.Stretch, model.QualExact, r.Unit, w.Lang))
}

// Year is a record's year, with the half for first-half figures: 2024,
// H1 2024, 2024年上半年. The half is said here and nowhere else.
func (w Words) Year(r model.Record) string {
	if r.Period == model.PeriodH1 {
		return w.T("chart.h1", r.Year)
	}
	return w.T("heading.year", r.Year)
}

// Kind is what a record is: a plan target, a pledged target, a result or
// an estimated result.
func (w Words) Kind(r model.Record) string {
	if r.Kind == model.KindTarget {
		return w.T(i18n.Key("kind.target." + r.Stage))
	}
	if r.Provisional {
		return w.T("kind.actual.provisional")
	}
	if r.Period == model.PeriodH1 {
		return w.T("kind.actual.h1")
	}
	return w.T("kind.actual")
}

// Describe is a record in words for a sentence: "at least 6% (plan
// target)", 6%以上（计划目标）.
func (w Words) Describe(r model.Record) string {
	return w.Value(r) + w.Paren(w.Kind(r))
}

// Conflict says on what the sources of a record disagree, or "" when they
// agree.
func (w Words) Conflict(r model.Record) string {
	if len(r.Conflict) == 0 {
		return ""
	}
	fields := make([]string, len(r.Conflict))
	for i, f := range r.Conflict {
		fields[i] = w.T(i18n.Key("conflict." + f))
	}
	return w.T("chart.conflict", strings.Join(fields, w.ListSep()))
}

// SourceCredit names a source by outlet and date ("New Express, Feb
// 2024"), and says when the text is a machine translation.
func (w Words) SourceCredit(id string) string {
	src, ok := w.Data.Source(id)
	if !ok {
		return id
	}
	s := src.Outlet.In(string(w.Lang)) + w.ListSep() + i18n.Date(src.Published, w.Lang)
	if src.Translated {
		s += w.Paren(w.T("source.translated"))
	}
	return s
}

// Citation is one citation as a line: the quote, who said it where, and
// its source.
func (w Words) Citation(c model.Citation) string {
	return "“" + c.Quote + "”" + w.QuoteCredit(c)
}

// QuoteCredit is what follows a quote in its citation: who said it where,
// and its source. A page sets it apart from the quote, which is in the
// source's language.
func (w Words) QuoteCredit(c model.Citation) string {
	s := " — "
	if a := w.Attribution(c); a != "" {
		s += a + w.ItemSep()
	}
	return s + w.SourceCredit(c.Source)
}

// Attribution says who stated a figure, at what event and when, as far as
// the source names them: "Baiyun party secretary He Jingqing, city-wide
// high-quality development conference, 19 Feb 2024". It is "" when the
// source names none of them.
func (w Words) Attribution(c model.Citation) string {
	var parts []string
	if c.Speaker != nil {
		parts = append(parts, c.Speaker.In(string(w.Lang)))
	}
	if c.Event != nil {
		parts = append(parts, c.Event.In(string(w.Lang)))
	}
	if c.EventDate != "" {
		parts = append(parts, i18n.Date(c.EventDate, w.Lang))
	}
	return strings.Join(parts, w.ListSep())
}

// Sources is every citation of a record as one line.
func (w Words) Sources(r model.Record) string {
	parts := make([]string, len(r.Sources))
	for i, c := range r.Sources {
		parts[i] = w.Citation(c)
	}
	return strings.Join(parts, w.ItemSep())
}

// Credit is the credit line under a chart: every source it draws on.
func (w Words) Credit(sourceIDs []string) string {
	names := make([]string, len(sourceIDs))
	for i, id := range sourceIDs {
		names[i] = w.SourceCredit(id)
	}
	return w.T("embed.credit", strings.Join(names, w.ItemSep()))
}

// NoFigure says that a region has no figure for a metric and year: what
// the project knows, "searched for, not found" where the searched list
// says so, never "not published".
func (w Words) NoFigure(region, metric string, year int) string {
	for _, s := range w.Data.Searched {
		if s.Region == region && s.Year == year && containsString(s.Metrics, metric) {
			return w.T("none.searched")
		}
	}
	return w.T("none.found")
}

// DistrictsTitle is the districts view's title, which says whether it
// shows targets, results or both: "GDP growth targets by district, 2024",
// 2024年各区地区生产总值增速目标.
func (w Words) DistrictsTitle(metric model.Metric, year int) string {
	targets, results := false, false
	for _, e := range w.Data.Compare(metric.ID, year) {
		if e.Record != nil {
			targets = targets || e.Record.Kind == model.KindTarget
			results = results || e.Record.Kind == model.KindActual
		}
	}
	key := i18n.Key("heading.districts")
	switch {
	case targets && !results:
		key = "heading.districtsTargets"
	case results && !targets:
		key = "heading.districtsResults"
	}
	return w.T(key, metric.Name.In(string(w.Lang)), year)
}

// DataCovers says what the data covers, for the foot of every page: how
// many sources of each kind, the years, and the day it was last updated.
func (w Words) DataCovers() string {
	web, articles := 0, 0
	for _, s := range w.Data.Sources {
		if s.URL != "" {
			web++
		} else {
			articles++
		}
	}
	years := w.YearsCovered()
	if years == "" {
		return w.T("footer.empty")
	}
	return w.T("footer.data", web, articles, years, i18n.Date(w.Data.Updated(), w.Lang))
}

// UnitName says a unit as the dataset stores values in it, in words (the
// dataset's name for it): 亿元, "100 million yuan", "%". Downloads give
// values in these units.
func (w Words) UnitName(unit string) string {
	if u, ok := w.Data.Unit(unit); ok && u.Name.In(string(w.Lang)) != "" {
		return u.Name.In(string(w.Lang))
	}
	return unit
}

// Names joins region names as a list.
func (w Words) Names(regions []model.Region) string {
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = r.Name.In(string(w.Lang))
	}
	if w.Lang == i18n.ZH {
		return strings.Join(names, "、")
	}
	return strings.Join(names, ", ")
}

// Paren writes a parenthesis as the language sets it.
func (w Words) Paren(s string) string {
	if w.Lang == i18n.ZH {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

// Space separates words: a space in English, nothing in Chinese.
func (w Words) Space() string {
	if w.Lang == i18n.ZH {
		return ""
	}
	return " "
}

// ListSep separates items within a clause: "，" or ", ".
func (w Words) ListSep() string {
	if w.Lang == i18n.ZH {
		return "，"
	}
	return ", "
}

// Listed joins items as a sentence lists them: "A, B and C", "A、B及C".
func (w Words) Listed(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	sep, and := ", ", " and "
	if w.Lang == i18n.ZH {
		sep, and = "、", "及"
	}
	return strings.Join(items[:len(items)-1], sep) + and + items[len(items)-1]
}

// ItemSep separates clauses in a list: "；" or "; ".
func (w Words) ItemSep() string {
	if w.Lang == i18n.ZH {
		return "；"
	}
	return "; "
}

// SentenceEnd closes a sentence: "。" or ". ".
func (w Words) SentenceEnd() string {
	if w.Lang == i18n.ZH {
		return "。"
	}
	return ". "
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
