package ui

import (
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// viewControls are the explorer's controls: view, metric, year and, in the
// table, region. They are a plain GET form, so they work by keyboard and
// without JavaScript; with the app running, each change navigates at once,
// which updates the chart in place and the URL.
type viewControls struct {
	app.Compo

	State  urlstate.State
	Vocab  *model.Dataset
	Charts *Store // to draw a chart at hand before the page follows
}

func newViewControls(s urlstate.State, ds *model.Dataset, charts *Store) *viewControls {
	return &viewControls{State: s, Vocab: ds, Charts: charts}
}

func (c *viewControls) t(k i18n.Key, args ...any) string { return i18n.T(c.State.Lang, k, args...) }

// Render draws the form with autocomplete off. Until the app runs, a
// change submits the form, and a browser going Back or Forward to a page
// it loads again would otherwise restore the selects as the reader left
// them, showing the next page's choice over this page's state (and
// submitting it with the next change). With autocomplete off, each select
// shows the option its page marks as selected.
func (c *viewControls) Render() app.UI {
	return app.Form().Class("controls").Method("get").Action(href("/")).AutoComplete(false).Body(
		app.Input().Type("hidden").Name("lang").Value(string(c.State.Lang)),
		c.field("view", c.t("view.label"), c.viewOptions()),
		c.field("metric", c.t("control.metric"), c.metricOptions()),
		app.If(c.State.View != urlstate.ViewYears, func() app.UI {
			return c.field("year", c.t("control.year"), c.yearOptions())
		}),
		app.If(c.State.View == urlstate.ViewTable, func() app.UI {
			return c.field("region", c.t("control.region"), c.regionOptions())
		}),
		app.Button().Type("submit").Class("apply").Text(c.t("control.apply")),
	)
}

// field is a labelled select that navigates when changed.
func (c *viewControls) field(name, label string, options []app.UI) app.UI {
	id := "control-" + name
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(label),
		app.Select().ID(id).Name(name).OnChange(c.onChange(name)).Body(options...),
	)
}

// onChange moves to the state the reader chose. When that state's chart
// is at hand, the chart is drawn first and the rest of the page (heading,
// tables, URL) follows a frame later: the chart then changes within a
// frame or two of the choice, rather than after the whole page has been
// rendered again.
func (c *viewControls) onChange(param string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		next := urlstate.Switch(c.State, param, eventValue(ctx), c.Vocab)
		if s, status := c.Charts.peekSpec(next.Lang, StateSlug(next)); status == specFound && next.View == c.State.View {
			ctx.NewActionWithValue(actionShow, s)
			ctx.After(pageFollows, func(ctx app.Context) { ctx.Navigate(href(next.URL())) })
			return
		}
		ctx.Navigate(href(next.URL()))
	}
}

// pageFollows is how long the page waits after drawing a chart before it
// renders the rest of the new state: long enough for the browser to paint
// the chart.
const pageFollows = 20 * time.Millisecond

func (c *viewControls) viewOptions() []app.UI {
	out := make([]app.UI, len(urlstate.Views))
	for i, v := range urlstate.Views {
		out[i] = option(v, c.t(i18n.Key("view."+v)), v == c.State.View)
	}
	return out
}

// metricOptions groups the main economic metrics apart from other goals.
func (c *viewControls) metricOptions() []app.UI {
	var out []app.UI
	if c.State.View == urlstate.ViewTable {
		out = append(out, option(urlstate.All, c.t("control.all"), c.State.Metric == ""))
	}
	lang := string(c.State.Lang)
	for _, macro := range []bool{true, false} {
		var opts []app.UI
		for _, m := range c.Vocab.Metrics {
			if m.Macro == macro {
				opts = append(opts, option(m.ID, m.Name.In(lang), m.ID == c.State.Metric))
			}
		}
		label := c.t("control.macroMetrics")
		if !macro {
			label = c.t("control.otherMetrics")
		}
		out = append(out, app.OptGroup().Label(label).Body(opts...))
	}
	return out
}

// yearOptions lists the years with figures for the metric, and the
// current year even when it has none, so that the control shows the truth.
func (c *viewControls) yearOptions() []app.UI {
	var out []app.UI
	if c.State.View == urlstate.ViewTable {
		out = append(out, option(urlstate.All, c.t("control.all"), c.State.Year == 0))
	}
	years := c.Vocab.Years(c.State.Metric)
	if c.State.Year != 0 && !slices.Contains(years, c.State.Year) {
		years = append(years, c.State.Year)
		slices.Sort(years)
	}
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		out = append(out, option(strconv.Itoa(y), strconv.Itoa(y), y == c.State.Year))
	}
	return out
}

func (c *viewControls) regionOptions() []app.UI {
	out := []app.UI{option(urlstate.All, c.t("control.all"), c.State.Region == "")}
	for _, r := range c.Vocab.Regions {
		out = append(out, option(r.ID, r.Name.In(string(c.State.Lang)), r.ID == c.State.Region))
	}
	return out
}
