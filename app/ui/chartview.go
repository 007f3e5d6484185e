package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// Actions the chart component handles.
const (
	actionExport = "chart/export" // save the chart as an image
	actionShow   = "chart/show"   // draw another spec of the same kind now
)

// exportRequest asks the chart with the given slug for an image.
type exportRequest struct {
	Slug   string
	Format string // "png" or "svg"
}

// chartView owns one ECharts instance: it creates it when mounted, feeds
// it each new option in place with setOption, resizes it with the window,
// and disposes of it when dismounted. It is the only component that
// touches ECharts.
type chartView struct {
	app.Compo

	Spec  spec.Spec
	Decal bool
	Still string // the still's markup, in a pre-rendered page

	inst       app.Value
	failed     bool // ECharts could not load, and there is no still to show
	onClick    app.Func
	shown      string // the option JSON last given to ECharts
	prepainted bool   // the reader saw the chart before the app started (its still, or web/chart.js drew it): redraw it without animation
}

func newChartView(s spec.Spec, decal bool, still string) *chartView {
	return &chartView{Spec: s, Decal: decal, Still: still}
}

func (c *chartView) Render() app.UI {
	return app.Div().
		Class(c.Spec.BoxClass()).
		ID("chart-"+c.Spec.Slug).
		Role("img").
		Aria("label", attr(c.Spec.Description)).
		DataSet("slug", c.Spec.Slug).
		DataSet("decal-key", DecalPref).
		DataSet("decal-on", DecalOn).
		DataSet("msg-still-only", i18n.T(c.Spec.Lang, "chart.stillOnly")).
		Body(c.content()...)
}

// content is what the box holds until the live chart draws in it: the
// still, in a pre-rendered page, and in the app, where it has none, a word
// to the reader once ECharts could not load, rather than an empty box.
func (c *chartView) content() []app.UI {
	if c.failed && c.Still == "" {
		return []app.UI{app.P().Class("chart-notice").Text(i18n.T(c.Spec.Lang, "chart.unavailable"))}
	}
	return stillUI(c.Still)
}

// OnMount draws the chart once ECharts is there: the page loads it on the
// reader's first intent, which starts the app too, and the app can mount
// its charts first.
func (c *chartView) OnMount(ctx app.Context) {
	whenECharts(func() { ctx.Dispatch(c.mount) })
}

// mount draws the chart. A click on a region's bar opens its profile.
// Where ECharts could not load, or the page names none, the box keeps
// its still, or says so.
func (c *chartView) mount(ctx app.Context) {
	if c.inst != nil {
		return
	}
	if !echartsReady() {
		c.failed = true
		return
	}
	c.inst = chartInit(c.JSValue(), mediaMatches("(prefers-color-scheme: dark)"))
	c.onClick = chartOnClick(c.inst, func(regionID string) {
		ctx.Dispatch(func(ctx app.Context) { ctx.Navigate(districtPath(regionID, c.Spec.Lang)) })
	})
	ctx.Handle(actionExport, c.handleExport)
	ctx.Handle(actionShow, c.handleShow)
	c.prepainted = takePrepainted(c.Spec.Slug)
	taken := c.prepainted
	c.draw()
	if taken {
		// The chart replaces, in a new element, one the reader may be
		// pointing at: its tooltip stays up.
		tipAtPointer()
	}
}

// OnUpdate redraws in place when the parent passes a new spec or setting.
func (c *chartView) OnUpdate(ctx app.Context) { c.draw() }

// OnResize fits the chart to its new width. ECharts hides the tooltip
// when it resizes, and the app resizes its charts as it starts, right
// after one replaced the chart the reader points at: the tooltip comes
// back where the pointer is.
func (c *chartView) OnResize(ctx app.Context) {
	if c.inst != nil {
		chartResize(c.inst)
		tipAtPointer()
	}
}

// OnDismount frees the instance and the click callback.
func (c *chartView) OnDismount() {
	if c.inst != nil {
		chartDispose(c.inst)
		c.inst = nil
	}
	if c.onClick != nil {
		c.onClick.Release()
		c.onClick = nil
	}
}

// draw gives ECharts the current option unless it already has it.
func (c *chartView) draw() {
	key := string(c.Spec.Option)
	if c.Decal {
		key += "/decal"
	}
	if c.inst == nil || key == c.shown {
		return
	}
	c.shown = key
	chartSetOption(c.inst, string(c.Spec.Option), chartOptions{
		animate: !c.prepainted && !mediaMatches("(prefers-reduced-motion: reduce)"),
		decal:   c.Decal,
	})
	c.prepainted = false
}

// handleShow draws a new spec at once, ahead of the page that will pass it
// down. Only a chart of the same kind takes it: the explorer has one.
func (c *chartView) handleShow(ctx app.Context, a app.Action) {
	s, ok := a.Value.(spec.Spec)
	if !ok || s.ChartType != c.Spec.ChartType || s.ChartType == spec.ChartProfile {
		return
	}
	c.Spec = s
	c.draw()
}

// handleExport saves the chart as an image, with its title and credit
// line, when the request names this chart.
func (c *chartView) handleExport(ctx app.Context, a app.Action) {
	req, ok := a.Value.(exportRequest)
	if !ok || req.Slug != c.Spec.Slug || c.inst == nil {
		return
	}
	renderer := "canvas"
	if req.Format == "svg" {
		renderer = "svg"
	}
	url := chartExportURL(string(c.Spec.Option), string(c.Spec.Export), spec.ExportWidth, c.Spec.ExportHeight(), renderer, c.Decal)
	saveFile(url, c.Spec.FileName(req.Format))
}
