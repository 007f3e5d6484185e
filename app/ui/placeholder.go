package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// chartPlaceholder stands where a chart cannot be drawn: the site has no
// chart for the state (no region published a figure, or the view needs
// figures that are not there), the charts are still loading, or they could
// not be loaded. It keeps the chart's height, so that nothing moves when
// the chart arrives.
type chartPlaceholder struct {
	app.Compo

	Lang   i18n.Lang
	Status specStatus
	State  urlstate.State // the view, metric and year without a chart
	Data   *model.Dataset
}

func newChartPlaceholder(lang i18n.Lang, status specStatus, state urlstate.State, ds *model.Dataset) *chartPlaceholder {
	return &chartPlaceholder{Lang: lang, Status: status, State: state, Data: ds}
}

func (c *chartPlaceholder) Render() app.UI {
	var message string
	switch c.Status {
	case specMissing:
		message = c.why()
	case specUnavailable:
		message = i18n.T(c.Lang, "chart.unavailable")
	default:
		message = i18n.T(c.Lang, "chart.loading")
	}
	return app.Figure().Class("chart-figure").Body(
		app.P().Class("chart-subtitle").Text(c.missing()),
		app.Div().Class("chart chart--empty").Role("status").Body(
			app.P().Text(message),
			app.If(c.Status == specMissing && len(c.withFigures()) > 0, func() app.UI {
				return app.P().Body(app.A().Href(href(c.figuresURL())).Text(i18n.T(c.Lang, "chart.seeFigures", c.metricName(), c.State.Year)))
			}),
		),
	)
}

// why says why the site has no chart for the state. Where regions have
// figures for the metric and year, the view needs what they lack: a target
// and a result to judge, or the targets of the levels above the districts
// to cascade from (growth rates only). A district with a figure is never
// said to have none.
func (c *chartPlaceholder) why() string {
	name, year := c.metricName(), c.State.Year
	if len(c.withFigures()) == 0 {
		return i18n.T(c.Lang, "chart.noneAll", name, year)
	}
	switch c.State.View {
	case urlstate.ViewResults:
		return i18n.T(c.Lang, "chart.noneJudged", name, year)
	case urlstate.ViewCascade:
		if m, _ := c.Data.Metric(c.State.Metric); m.Unit != "pct" {
			return i18n.T(c.Lang, "chart.cascadeRates")
		}
		return i18n.T(c.Lang, "chart.noneCascade", name, year)
	}
	return i18n.T(c.Lang, "chart.noneDistricts", name, year)
}

// withFigures are the regions with a figure of any kind for the state's
// metric and year.
func (c *chartPlaceholder) withFigures() []model.Region {
	var out []model.Region
	for _, e := range c.Data.Compare(c.State.Metric, c.State.Year) {
		if e.Record != nil {
			out = append(out, e.Region)
		}
	}
	return out
}

// figuresURL is the districts view of the same metric and year, which
// shows every figure there is.
func (c *chartPlaceholder) figuresURL() string {
	s := c.State
	s.View = urlstate.ViewDistricts
	return s.URL()
}

func (c *chartPlaceholder) metricName() string {
	m, _ := c.Data.Metric(c.State.Metric)
	return m.Name.In(string(c.Lang))
}

// missing lists the districts without a figure of the metric and year,
// when the site has no chart for them.
func (c *chartPlaceholder) missing() string {
	if c.Status != specMissing {
		return ""
	}
	var names []string
	for _, e := range c.Data.Compare(c.State.Metric, c.State.Year) {
		if e.Record == nil && e.Region.Group == model.GroupDistrict {
			names = append(names, e.Region.Name.In(string(c.Lang)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	sep := ", "
	if c.Lang == i18n.ZH {
		sep = "、"
	}
	return i18n.T(c.Lang, "chart.none", strings.Join(names, sep))
}
