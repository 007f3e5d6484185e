package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
)

// dataTable is a chart's figures as a table: the equivalent of the chart
// for screen readers and for readers without JavaScript. Regions without
// a figure appear as "not published".
type dataTable struct {
	app.Compo

	Spec chart.Spec
	Data *model.Dataset
}

func newDataTable(spec chart.Spec, ds *model.Dataset) *dataTable {
	return &dataTable{Spec: spec, Data: ds}
}

func (d *dataTable) Render() app.UI {
	lang := d.Spec.Lang
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	return app.Table().Class("chart-data").Body(
		app.Caption().Text(t("table.data")+": "+d.Spec.Title),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(t("table.region")),
			app.Th().Scope("col").Text(t("table.year")),
			app.Th().Scope("col").Text(t("table.kind")),
			app.Th().Scope("col").Text(t("table.value")),
			app.Th().Scope("col").Text(t("table.source")),
		)),
		app.TBody().Body(app.Range(d.Spec.Rows).Slice(func(i int) app.UI { return d.row(d.Spec.Rows[i]) })),
	)
}

func (d *dataTable) row(r chart.Row) app.UI {
	lang := d.Spec.Lang
	name := app.Th().Scope("row").Text(r.Region.Name.In(string(lang)))
	if r.Record == nil {
		return app.Tr().Body(name, app.Td().Text(""), app.Td().Text(""), app.Td().Text(i18n.T(lang, "table.none")), app.Td().Text(""))
	}
	rec := *r.Record
	return app.Tr().Body(
		name,
		app.Td().Text(yearLabel(rec, lang)),
		app.Td().Text(i18n.T(lang, i18n.Key("kind."+rec.Kind))),
		app.Td().Body(valueText(rec, lang)),
		app.Td().Body(newCitationList(lang, rec, d.Data)),
	)
}
