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
	id := "year-" + strconv.Itoa(y.Figures.Year)
	return app.Section().Class("year").Aria("labelledby", id).Body(
		app.H2().ID(id).Text(i18n.T(y.Lang, "heading.year", y.Figures.Year)),
		&figureTable{
			Lang:    y.Lang,
			Data:    y.Data,
			Columns: []column{colMetric, colKind, colValue, colSources},
			Rows:    recordRows(y.Data, y.Figures.Records),
		},
	)
}
