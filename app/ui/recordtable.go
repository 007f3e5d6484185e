package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
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

func (t *recordTable) tr(k i18n.Key, args ...any) string { return i18n.T(t.State.Lang, k, args...) }

func (t *recordTable) Render() app.UI {
	rows := sortRecords(t.Data, t.Data.Select(model.Filter{Metric: t.State.Metric, Year: t.State.Year, Region: t.State.Region}), t.State.Sort, t.State.Lang)
	if len(rows) == 0 {
		return app.P().Class("empty").Text(t.tr("table.empty"))
	}
	return app.Div().Class("table-wrap").Body(
		app.Table().Class("records").Body(
			app.Caption().Text(t.tr("table.caption", len(rows))),
			app.THead().Body(app.Tr().Body(
				t.sortHeader("region", t.tr("table.region")),
				t.sortHeader("metric", t.tr("table.metric")),
				t.sortHeader("year", t.tr("table.year")),
				app.Th().Scope("col").Text(t.tr("table.kind")),
				t.sortHeader("value", t.tr("table.value")),
				app.Th().Scope("col").Text(t.tr("table.source")),
			)),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI { return t.row(rows[i]) })),
		),
	)
}

// sortHeader is a column header whose link sorts by it, ascending first and
// descending on a second click. aria-sort tells screen readers the order.
func (t *recordTable) sortHeader(key, label string) app.UI {
	next, sort := key, "none"
	switch t.State.Sort {
	case key:
		next, sort = "-"+key, "ascending"
	case "-" + key:
		sort = "descending"
	}
	target := t.State
	target.Sort, target.LangSet = next, true
	return app.Th().Scope("col").Aria("sort", sort).Body(
		app.A().Href(href(target.URL())).Title(t.tr("control.sort", label)).Text(label),
	)
}

func (t *recordTable) row(r model.Record) app.UI {
	lang := t.State.Lang
	region, _ := t.Data.Region(r.Region)
	metric, _ := t.Data.Metric(r.Metric)
	return app.Tr().DataSet("record", r.ID).Body(
		app.Th().Scope("row").Body(app.A().Href(districtPath(r.Region, lang)).Text(region.Name.In(string(lang)))),
		app.Td().Text(metric.Name.In(string(lang))),
		app.Td().Text(yearLabel(r, lang)),
		app.Td().Text(i18n.T(lang, i18n.Key("kind."+r.Kind))),
		app.Td().Class("value").Body(valueText(r, lang)),
		app.Td().Body(newCitationList(lang, r, t.Data)),
	)
}

// valueText is a record's qualified value, its stretch goal, and a marker
// when its sources disagree.
func valueText(r model.Record, lang i18n.Lang) app.UI {
	text := i18n.Qualified(r.Value, r.Qualifier, r.Unit, lang)
	if r.Stretch != nil {
		text += " · " + i18n.T(lang, "chart.stretchMark", i18n.Value(*r.Stretch, r.Unit, lang))
	}
	if len(r.Conflict) == 0 {
		return app.Text(text)
	}
	fields := make([]string, len(r.Conflict))
	for i, f := range r.Conflict {
		fields[i] = i18n.T(lang, i18n.Key("conflict."+f))
	}
	return app.Span().Body(
		app.Text(text),
		app.Br(),
		app.Em().Class("conflict").Text(i18n.T(lang, "chart.conflict", strings.Join(fields, ", "))),
	)
}

// yearLabel is a record's year, marking half-year figures.
func yearLabel(r model.Record, lang i18n.Lang) string {
	if r.Period == model.PeriodH1 {
		return i18n.T(lang, "chart.h1", r.Year)
	}
	return i18n.T(lang, "heading.year", r.Year)
}

// sortRecords orders the table's rows by a sort key such as "value" or
// "-year"; without one, the dataset's own order (region, metric, year).
func sortRecords(ds *model.Dataset, recs []model.Record, key string, lang i18n.Lang) []model.Record {
	desc := strings.HasPrefix(key, "-")
	key = strings.TrimPrefix(key, "-")
	name := func(r model.Record) string {
		if key == "region" {
			reg, _ := ds.Region(r.Region)
			return reg.Name.In(string(lang))
		}
		m, _ := ds.Metric(r.Metric)
		return m.Name.In(string(lang))
	}
	compare := func(a, b model.Record) int {
		switch key {
		case "year":
			return cmp.Compare(a.Year, b.Year)
		case "value":
			return cmp.Compare(a.Value, b.Value)
		case "region", "metric":
			return strings.Compare(name(a), name(b))
		}
		return 0
	}
	slices.SortStableFunc(recs, func(a, b model.Record) int {
		if desc {
			return compare(b, a)
		}
		return compare(a, b)
	})
	return recs
}
