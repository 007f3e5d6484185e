package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/chart"
	"gztargets/app/model"
)

// chartFigure is a chart with everything that explains it: the unit and
// the districts without a figure, the chart itself, its description, and
// its data as a table for screen readers.
type chartFigure struct {
	app.Compo

	Spec    chart.Spec
	Data    *model.Dataset
	Decal   bool
	Heading string // "h2" or "h3"; empty when the page heading names the chart
}

func newChartFigure(spec chart.Spec, ds *model.Dataset, decal bool, heading string) *chartFigure {
	return &chartFigure{Spec: spec, Data: ds, Decal: decal, Heading: heading}
}

func (f *chartFigure) Render() app.UI {
	return app.Figure().Class("chart-figure").Body(
		f.heading(),
		app.P().Class("chart-subtitle").Text(f.Spec.Subtitle),
		newChartView(f.Spec, f.Decal),
		app.FigCaption().Class("chart-description").Text(f.Spec.Description),
		app.Div().Class("sr-only").Body(newDataTable(f.Spec, f.Data)),
		newChartTools(f.Spec, f.Data),
	)
}

func (f *chartFigure) heading() app.UI {
	switch f.Heading {
	case "h2":
		return app.H2().Text(f.Spec.Title)
	case "h3":
		return app.H3().Text(f.Spec.Title)
	}
	return app.Text("")
}
