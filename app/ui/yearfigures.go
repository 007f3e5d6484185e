package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// yearFigures is one year of a region's profile: a table of every figure
// with its value and sources.
type yearFigures struct {
	app.Compo

	Lang    i18n.Lang
	Figures model.YearFigures
	Data    *model.Dataset
}

func newYearFigures(lang i18n.Lang, y model.YearFigures, ds *model.Dataset) *yearFigures {
	return &yearFigures{Lang: lang, Figures: y, Data: ds}
}

func (y *yearFigures) Render() app.UI {
	t := func(k i18n.Key, args ...any) string { return i18n.T(y.Lang, k, args...) }
	id := "year-" + strconv.Itoa(y.Figures.Year)
	return app.Section().Class("year").Aria("labelledby", id).Body(
		app.H2().ID(id).Text(t("heading.year", y.Figures.Year)),
		app.Div().Class("table-wrap").Body(app.Table().Class("records").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(t("table.metric")),
				app.Th().Scope("col").Text(t("table.kind")),
				app.Th().Scope("col").Text(t("table.value")),
				app.Th().Scope("col").Text(t("table.source")),
			)),
			app.TBody().Body(app.Range(y.Figures.Records).Slice(func(i int) app.UI { return y.row(y.Figures.Records[i]) })),
		)),
	)
}

func (y *yearFigures) row(r model.Record) app.UI {
	metric, _ := y.Data.Metric(r.Metric)
	kind := i18n.T(y.Lang, i18n.Key("kind."+r.Kind))
	if r.Period == model.PeriodH1 {
		kind = i18n.T(y.Lang, "period.h1") + " · " + kind
	}
	return app.Tr().DataSet("record", r.ID).Body(
		app.Th().Scope("row").Text(metric.Name.In(string(y.Lang))),
		app.Td().Text(kind),
		app.Td().Class("value").Body(valueText(r, y.Lang)),
		app.Td().Body(newCitationList(y.Lang, r, y.Data)),
	)
}
