package ui

import (
	"cmp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// recordTable is the table view: every figure that passes the filters,
// sortable by its column headers, each row with its sources.
type recordTable struct {
	app.Compo

	State urlstate.State
	Data  *model.Dataset
}

func newRecordTable(s urlstate.State, ds *model.Dataset) *recordTable {
	return &recordTable{State: s, Data: ds}
}

func (t *recordTable) Render() app.UI {
	recs := t.Data.Select(model.Filter{Metric: t.State.Metric, Year: t.State.Year, Region: t.State.Region})
	if len(recs) == 0 {
		return app.P().Class("empty").Text(i18n.T(t.State.Lang, "table.empty"))
	}
	state := t.State
	return &figureTable{
		Lang:     t.State.Lang,
		Data:     t.Data,
		Columns:  []column{colRegion, colMetric, colYear, colKind, colValue, colSources},
		Rows:     recordRows(t.Data, sortRecords(t.Data, recs, t.State.Sort, t.State.Lang)),
		Caption:  i18n.T(t.State.Lang, "table.caption", len(recs)),
		Sortable: &state,
	}
}

// tableTitle names the table view after its filters: "Every figure" with
// none, "Figures: GDP growth · 2024 · Liwan" with some, so that a reader
// never takes a filtered table for the whole record.
func tableTitle(s urlstate.State, ds *model.Dataset) string {
	var parts []string
	if m, ok := ds.Metric(s.Metric); ok {
		parts = append(parts, m.Name.In(string(s.Lang)))
	}
	if s.Year != 0 {
		parts = append(parts, i18n.T(s.Lang, "heading.year", s.Year))
	}
	if r, ok := ds.Region(s.Region); ok {
		parts = append(parts, r.Name.In(string(s.Lang)))
	}
	if len(parts) == 0 {
		return i18n.T(s.Lang, "heading.table")
	}
	return i18n.T(s.Lang, "heading.tableFiltered", strings.Join(parts, " · "))
}

// valueText is a record's value, its stretch goal, and a marker when its
// sources disagree.
func valueText(w words.Words, r model.Record) app.UI {
	conflict := w.Conflict(r)
	if conflict == "" {
		return app.Text(w.Value(r))
	}
	return app.Span().Body(
		app.Text(w.Value(r)),
		app.Br(),
		app.Em().Class("conflict").Text(conflict),
	)
}

// sortRecords orders the table's rows by an order such as "value" or
// "-year"; without one, the dataset's own order (region, metric, year).
func sortRecords(ds *model.Dataset, recs []model.Record, order string, lang i18n.Lang) []model.Record {
	key, desc := urlstate.SortOrder(order)
	name := func(r model.Record) string {
		if key == urlstate.SortRegion {
			// Regions sort by their English names in both languages: those
			// are the pinyin romanizations, and pinyin order is how Chinese
			// readers look districts up (code-point order of the characters
			// is no order to them), with no collation table in the wasm.
			reg, _ := ds.Region(r.Region)
			return reg.Name.In(string(i18n.EN))
		}
		m, _ := ds.Metric(r.Metric)
		return m.Name.In(string(lang))
	}
	compare := func(a, b model.Record) int {
		switch key {
		case urlstate.SortYear:
			return cmp.Compare(a.Year, b.Year)
		case urlstate.SortValue:
			// Values compare within one unit: figures are grouped by unit,
			// never 63.5 billion yuan among percentages.
			if c := strings.Compare(a.Unit, b.Unit); c != 0 {
				return c
			}
			return cmp.Compare(a.Value, b.Value)
		case urlstate.SortRegion, urlstate.SortMetric:
			return strings.Compare(name(a), name(b))
		}
		return 0
	}
	// sort.SliceStable rather than slices.SortStableFunc: each generic
	// instantiation adds its own code to the WebAssembly.
	sort.SliceStable(recs, func(i, j int) bool {
		if desc {
			return compare(recs[j], recs[i]) < 0
		}
		return compare(recs[i], recs[j]) < 0
	})
	return recs
}
