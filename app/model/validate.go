//go:build !js

package model

// Validation runs where the data is compiled or served, never in the
// browser, which decodes data validated already (see Decode): the build
// constraint keeps it out of the WebAssembly.

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Load decodes and validates a dataset. Unknown fields are rejected so that
// a contract change is noticed rather than silently dropped.
func Load(b []byte) (*Dataset, error) {
	ds, err := decode(b)
	if err != nil {
		return nil, err
	}
	if err := ds.Validate(); err != nil {
		return nil, err
	}
	return ds, nil
}

// NewDataset returns an indexed dataset of the catalog with no sources or
// records: the source records are checked against it before they are
// compiled.
func NewDataset(cat Catalog) *Dataset {
	ds := &Dataset{Schema: SchemaVersion, Catalog: cat}
	ds.buildIndex()
	return ds
}

// Problem is one broken rule of the data: the field, and what is wrong with
// it. The dataset's validation says which record it is in; the source
// records' checks say which file and figure.
type Problem struct {
	Field string
	Msg   string
}

// Error says the field and the problem: "unit: unknown unit \"usd\"".
func (p Problem) Error() string { return p.Field + ": " + p.Msg }

// problems collects the problems of one item.
type problems []Problem

// add records a problem with a field.
func (ps *problems) add(field, format string, args ...any) {
	*ps = append(*ps, Problem{Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Validate indexes the dataset and checks it: the catalog, every record
// and citation, and every searched-for entry, with the ids they refer to.
// It reports every problem it finds, each naming the item and the field.
func (ds *Dataset) Validate() error {
	if ds.Schema != SchemaVersion {
		return fmt.Errorf("dataset: schema %d, want %d", ds.Schema, SchemaVersion)
	}
	ds.buildIndex()
	var errs []error
	wrap := func(where string, ps []Problem) {
		for _, p := range ps {
			errs = append(errs, fmt.Errorf("dataset: %s%w", where, p))
		}
	}
	wrap("", ds.CatalogProblems())
	for i, s := range ds.Sources {
		if ds.index.sources[s.ID] != i {
			wrap("", []Problem{{"source", fmt.Sprintf("duplicate id %q", s.ID)}})
		}
	}
	for i, r := range ds.Records {
		wrap(fmt.Sprintf("record %d (%s): ", i, r.ID), ds.recordProblems(i, r))
		for j, c := range r.Sources {
			wrap(fmt.Sprintf("record %d (%s): source %d: ", i, r.ID, j), ds.citedProblems(c))
		}
	}
	for i, s := range ds.Searched {
		wrap(fmt.Sprintf("searched %d: ", i+1), ds.SearchProblems(s))
	}
	return errors.Join(errs...)
}

// recordProblems checks a record's id and figure, and that it has sources.
func (ds *Dataset) recordProblems(i int, r Record) []Problem {
	var ps problems
	if ds.index.records[r.ID] != i {
		ps.add("id", "duplicate id")
	}
	ps = append(ps, ds.FigureProblems(r.Figure)...)
	if len(r.Sources) == 0 {
		ps.add("sources", "none")
	}
	return ps
}

// citedProblems checks a record's citation, and that its source is known.
func (ds *Dataset) citedProblems(c Citation) []Problem {
	var ps problems
	if _, ok := ds.index.sources[c.Source]; !ok {
		ps.add("source", "unknown source %q", c.Source)
	}
	return append(ps, CitationProblems(c)...)
}

// CatalogProblems checks the catalog's own consistency: unique ids, known
// units and groups, and names in both languages.
func (ds *Dataset) CatalogProblems() []Problem {
	var ps problems
	once := func(field, id string, at, i int) {
		if id == "" {
			ps.add(field, "missing id")
		} else if at != i {
			ps.add(field, "duplicate id %q", id)
		}
	}
	for i, u := range ds.Units {
		once("unit", u.ID, ds.index.units[u.ID], i)
	}
	for i, r := range ds.Regions {
		once("region", r.ID, ds.index.regions[r.ID], i)
		if !validGroup(r.Group) {
			ps.add("region", "%q: unknown group %q", r.ID, r.Group)
		}
		if !r.Name.Bilingual() {
			ps.add("region", "%q: needs zh and en names", r.ID)
		}
	}
	for i, m := range ds.Metrics {
		once("metric", m.ID, ds.index.metrics[m.ID], i)
		if _, ok := ds.index.units[m.Unit]; !ok {
			ps.add("metric", "%q: unknown unit %q", m.ID, m.Unit)
		}
		if !m.Name.Bilingual() || !m.Description.Bilingual() {
			ps.add("metric", "%q: needs zh and en names and descriptions", m.ID)
		}
	}
	return ps
}

// FigureProblems checks a figure against the catalog: known region, metric
// and unit, a unit that fits the metric, known kind, qualifier and period,
// a stage for targets only, a range with its top, and numbers in range.
func (ds *Dataset) FigureProblems(f Figure) []Problem {
	ps := ds.slotProblems(f.Region, f.Year, f.Kind, f.Stage, f.Provisional)
	metric, metricOK := ds.Metric(f.Metric)
	if !metricOK {
		ps.add("metric", "unknown metric %q", f.Metric)
	}
	if _, ok := ds.index.units[f.Unit]; !ok {
		ps.add("unit", "unknown unit %q", f.Unit)
	} else if metricOK && metric.Unit != f.Unit {
		ps.add("unit", "%q does not fit metric %q, which is in %q", f.Unit, f.Metric, metric.Unit)
	}
	if !ValidQualifier(f.Qualifier) {
		ps.add("qualifier", "%q is not exact, at_least, above, about or range", f.Qualifier)
	}
	if !validPeriod(f.Period) {
		ps.add("period", "%q is not year or h1", f.Period)
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		ps.add("value", "not a number")
	}
	if (f.Qualifier == QualRange) != (f.Upper != nil) {
		ps.add("upper", "a range needs an upper bound, and only a range has one")
	} else if f.Upper != nil && *f.Upper <= f.Value {
		ps.add("upper", "%v is not above the value %v", *f.Upper, f.Value)
	}
	if f.Stretch != nil && SameValue(*f.Stretch, f.Value) {
		ps.add("stretch", "equals the value; leave it out when there is no separate stretch goal")
	}
	return ps
}

// slotProblems checks what a figure and a searched-for entry both name:
// a known region, a year in range, a known kind, a stage for targets only,
// and that only an actual can be provisional.
func (ds *Dataset) slotProblems(region string, year int, kind, stage string, provisional bool) problems {
	var ps problems
	if _, ok := ds.index.regions[region]; !ok {
		ps.add("region", "unknown region %q", region)
	}
	if year < 1990 || year > 2100 {
		ps.add("year", "%d is out of range", year)
	}
	if !validKind(kind) {
		ps.add("kind", "%q is not target or actual", kind)
	}
	switch kind {
	case KindTarget:
		if !validStage(stage) {
			ps.add("stage", "%q is not pledge, plan or unknown; a target needs its stage", stage)
		}
		if provisional {
			ps.add("provisional", "a target cannot be provisional; only an estimated result can")
		}
	case KindActual:
		if stage != "" {
			ps.add("stage", "an actual has no stage (%q); stages are for targets", stage)
		}
	}
	return ps
}

// IsDay reports whether s is a day of the calendar written like 2024-02-19.
func IsDay(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// CitationProblems checks what a citation says of its source's words: a
// quote, and who stated the figure and where, in both languages. Whether
// the quote is the source's own words is for the source records' checks.
func CitationProblems(c Citation) []Problem {
	var ps problems
	if strings.TrimSpace(c.Quote) == "" {
		ps.add("quote", "missing")
	}
	if c.Speaker != nil && !c.Speaker.Bilingual() {
		ps.add("speaker", "needs both zh and en")
	}
	if c.Event != nil && !c.Event.Bilingual() {
		ps.add("event", "needs both zh and en")
	}
	if c.EventDate != "" && !IsDay(c.EventDate) {
		ps.add("event_date", "%q is not a day like 2024-02-19", c.EventDate)
	}
	return ps
}

// SearchProblems checks an entry of the searched-and-not-found list: known
// region and metrics, a year in range, a stage for targets only, and the
// phrasings tried.
func (ds *Dataset) SearchProblems(s Search) []Problem {
	ps := ds.slotProblems(s.Region, s.Year, s.Kind, s.Stage, false)
	if len(s.Metrics) == 0 {
		ps.add("metrics", "names no metric")
	}
	if len(s.Queries) == 0 {
		ps.add("queries", "lists no phrasing tried")
	}
	for _, m := range s.Metrics {
		if !ds.HasMetric(m) {
			ps.add("metrics", "unknown metric %q", m)
		}
	}
	return ps
}

// Bilingual reports whether the text has both languages.
func (t Text) Bilingual() bool {
	return strings.TrimSpace(t.ZH) != "" && strings.TrimSpace(t.EN) != ""
}

// validKind reports whether k is a known kind of figure.
func validKind(k string) bool { return k == KindTarget || k == KindActual }

// ValidQualifier reports whether q is a known qualifier.
func ValidQualifier(q string) bool {
	switch q {
	case QualExact, QualAtLeast, QualAbove, QualAbout, QualRange:
		return true
	}
	return false
}

// validStage reports whether s is a known stage of a target.
func validStage(s string) bool {
	return s == StagePledge || s == StagePlan || s == StageUnknown
}

// validGroup reports whether g is a known group of regions.
func validGroup(g string) bool {
	switch g {
	case GroupDistrict, GroupCity, GroupNeighbour, GroupProvince, GroupNation:
		return true
	}
	return false
}

// validPeriod reports whether p is a known period.
func validPeriod(p string) bool { return p == PeriodYear || p == PeriodH1 }
