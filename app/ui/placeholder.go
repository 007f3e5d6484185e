package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// chartPlaceholder stands where a chart cannot be drawn: no region
// published a figure (every district is then listed as such), the charts
// are still loading, or they could not be loaded. It keeps the chart's
// height, so that nothing moves when the chart arrives.
type chartPlaceholder struct {
	app.Compo

	Lang   i18n.Lang
	Status specStatus
	Metric string
	Year   int
	Data   *model.Dataset
}

func newChartPlaceholder(lang i18n.Lang, status specStatus, metric string, year int, ds *model.Dataset) *chartPlaceholder {
	return &chartPlaceholder{Lang: lang, Status: status, Metric: metric, Year: year, Data: ds}
}

func (c *chartPlaceholder) Render() app.UI {
	var message string
	switch c.Status {
	case specMissing:
		message = i18n.T(c.Lang, "chart.noneAll", c.Metric, c.Year)
	case specUnavailable:
		message = i18n.T(c.Lang, "chart.unavailable")
	default:
		message = i18n.T(c.Lang, "chart.loading")
	}
	return app.Figure().Class("chart-figure").Body(
		app.P().Class("chart-subtitle").Text(c.missing()),
		app.Div().Class("chart chart--empty").Role("status").Body(app.P().Text(message)),
	)
}

// missing lists every district as having no figure, when none published.
func (c *chartPlaceholder) missing() string {
	if c.Status != specMissing {
		return ""
	}
	var names []string
	for _, r := range c.Data.Regions {
		if r.Group == model.GroupDistrict {
			names = append(names, r.Name.In(string(c.Lang)))
		}
	}
	sep := ", "
	if c.Lang == i18n.ZH {
		sep = "、"
	}
	return i18n.T(c.Lang, "chart.none", strings.Join(names, sep))
}
