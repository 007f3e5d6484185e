package ui

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/model"
	"gztargets/app/spec"
)

// chartFigure is a chart with everything that explains it: the unit and
// the districts without a figure, the chart itself, its description, and
// its data as a table for screen readers.
type chartFigure struct {
	app.Compo

	Spec    spec.Spec
	Data    *model.Dataset
	Decal   bool
	Heading string // "h2" or "h3"; empty when the page heading names the chart
	Still   string // the still's markup, in a pre-rendered page
}

func newChartFigure(s spec.Spec, ds *model.Dataset, decal bool, heading, still string) *chartFigure {
	return &chartFigure{Spec: s, Data: ds, Decal: decal, Heading: heading, Still: still}
}

func (f *chartFigure) Render() app.UI {
	return app.Figure().Class("chart-figure").Body(
		f.heading(),
		app.If(f.Spec.Headline != "", func() app.UI { return app.P().Class("chart-headline").Text(f.Spec.Headline) }),
		app.P().Class("chart-subtitle").Text(f.Spec.Subtitle),
		newChartView(f.Spec, f.Decal, f.Still),
		app.If(f.Spec.Rule != "", func() app.UI { return app.P().Class("chart-rule").Text(f.Spec.Rule) }),
		app.FigCaption().Class("chart-description").Text(f.Spec.Description),
		f.dataTable(),
		newChartTools(f.Spec),
		f.inlineSpec(),
	)
}

// inlineSpec writes the spec into the pre-rendered page as a JSON data
// block, so that the browser draws the chart without waiting for the
// network. It closes the figure: the page draws the live chart only on
// the reader's intent, and its first paint, on a slow network, waits for
// every byte before the still (a few kilobytes compressed, about 25 ms on
// Lighthouse's mobile network). encoding/json escapes <, > and &, so the
// JSON cannot end the block early. chart.js draws it only when the page
// was rendered for its address (see mainLandmark). The app renders no
// block: it has the spec already.
func (f *chartFigure) inlineSpec() app.UI {
	if !app.IsServer {
		return app.Text("")
	}
	b, err := json.Marshal(f.Spec)
	if err != nil {
		return app.Text("")
	}
	return app.Raw(`<script type="application/json" data-spec>` + string(b) + `</script>`)
}

// dataTable is the chart's figures as a table: for screen readers only,
// except in the results view, where the verdicts are what a reader came
// for and the table shows them to everyone, and on the map, whose
// districts a keyboard reaches through the table's links.
func (f *chartFigure) dataTable() app.UI {
	if f.Spec.ChartType == spec.ChartResults || f.Spec.ChartType == spec.ChartMap {
		return app.Div().Class("verdict-table").Body(chartDataTable(f.Spec, f.Data))
	}
	table := chartDataTable(f.Spec, f.Data)
	table.Unseen = true
	return app.Div().Class("sr-only").Body(table)
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
