package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// yearFigures is one year of a region's profile: did it meet its targets,
// metric by metric, and a table of every figure with its value and
// sources.
type yearFigures struct {
	app.Compo
	words.Words

	Figures model.YearFigures
}

func newYearFigures(lang i18n.Lang, y model.YearFigures, ds *model.Dataset) *yearFigures {
	return &yearFigures{Words: words.New(ds, lang), Figures: y}
}

func (y *yearFigures) Render() app.UI {
	id := "year-" + strconv.Itoa(y.Figures.Year)
	return app.Section().Class("year").Aria("labelledby", id).Body(
		app.H2().ID(id).Text(i18n.T(y.Lang, "heading.year", y.Figures.Year)),
		y.verdicts(),
		&figureTable{
			Lang:    y.Lang,
			Data:    y.Data,
			Columns: []column{colMetric, colKind, colValue, colSources},
			Rows:    recordRows(y.Data, y.Figures.Records),
		},
	)
}

// verdicts says, for each metric with a target this year, how the target
// fared against the result, with the rule beside it.
func (y *yearFigures) verdicts() app.UI {
	w := y.Words
	var lines []string
	seen := map[string]bool{}
	for _, r := range y.Figures.Records {
		if r.Kind != model.KindTarget || seen[r.Metric] {
			continue
		}
		seen[r.Metric] = true
		metric, _ := y.Data.Metric(r.Metric)
		for _, rv := range y.Data.Verdicts(r.Metric, y.Figures.Year) {
			if rv.Region.ID != r.Region {
				continue
			}
			for _, v := range rv.Verdicts {
				lines = append(lines, w.T("chart.desc.item", metric.Name.In(string(y.Lang)), w.Judgement(v)))
			}
		}
	}
	if len(lines) == 0 {
		return app.Text("")
	}
	return app.Div().Class("verdicts").Body(
		app.H3().Text(w.T("heading.verdicts")),
		app.Ul().Body(app.Range(lines).Slice(func(i int) app.UI { return app.Li().Text(lines[i]) })),
		app.P().Class("chart-rule").Text(w.Rule()),
	)
}
