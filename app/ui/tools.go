package ui

import (
	"html"
	"path"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// Paths of the downloadable dataset and the embeds' resize script.
const (
	datasetJSONPath = "/data/targets.json"
	resizeScript    = "/web/embed-resize.js"
)

// chartTools offers a chart for reuse: an embed snippet with a preview,
// and downloads of the image, its figures and the whole dataset.
type chartTools struct {
	app.Compo

	Spec spec.Spec

	open    bool // the embed panel is open
	preview bool // the embed panel has been opened, so the preview loads
}

func newChartTools(s spec.Spec) *chartTools { return &chartTools{Spec: s} }

func (c *chartTools) t(k i18n.Key, args ...any) string { return i18n.T(c.Spec.Lang, k, args...) }

// Render offers nothing for a chart without figures: there is nothing to
// embed or download.
func (c *chartTools) Render() app.UI {
	if len(c.Spec.Sources) == 0 {
		return app.Div().Class("chart-tools")
	}
	return app.Div().Class("chart-tools").Body(
		c.downloads(),
		c.embed(),
	)
}

// downloads are the PNG button, which asks the live chart for an export,
// and plain links for the SVG file and the data.
func (c *chartTools) downloads() app.UI {
	return app.Div().Class("downloads").Role("group").Aria("label", c.t("download.label")).Body(
		app.Span().Class("downloads-label").Text(c.t("download.label")+":"),
		c.imageButton("png", c.t("download.png")),
		c.svgLink(),
		app.A().Class("download").Href(href(c.Spec.CSVPath())).Download(c.Spec.FileName("csv")).Text(c.t("download.csv")),
		app.A().Class("download").Href(href(spec.DatasetCSVPath(c.Spec.Lang))).Download("guangzhou-"+path.Base(spec.DatasetCSVPath(c.Spec.Lang))).Text(c.t("download.allCSV")),
		app.A().Class("download").Href(href(datasetJSONPath)).Download("guangzhou-targets.json").Text(c.t("download.allJSON")),
	)
}

// svgLink downloads the chart as the build drew it, with its title and
// credit line: a file, so it works before the app runs and without
// JavaScript. Once ECharts is there, the live chart draws the file when
// the build's cannot serve: with patterns on (the build draws none), and
// when the file cannot be fetched (offline, not cached).
func (c *chartTools) svgLink() app.UI {
	return app.A().Class("download").DataSet("format", "svg").Href(href(c.Spec.SVGPath())).Download(c.Spec.FileName("svg")).Text(c.t("download.svg")).
		OnClick(func(ctx app.Context, e app.Event) {
			if !echartsReady() {
				return
			}
			e.PreventDefault()
			live := func(ctx app.Context) {
				ctx.NewActionWithValue(actionExport, exportRequest{Slug: c.Spec.Slug, Format: "svg"})
			}
			if decalOn() {
				live(ctx)
				return
			}
			saveFetched(ctx, href(c.Spec.SVGPath()), c.Spec.FileName("svg"), live)
		})
}

func (c *chartTools) imageButton(format, label string) app.UI {
	return app.Button().Type("button").Class("download").DataSet("format", format).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(actionExport, exportRequest{Slug: c.Spec.Slug, Format: format})
		})
}

// OnMount reopens the embed panel if the reader opened it in the
// pre-rendered page, before the app started: the app's first render
// replaced the page with the panel closed, and the click or tap was lost.
func (c *chartTools) OnMount(ctx app.Context) {
	if takeOpenedBeforeApp(c.embedID()) {
		ctx.Dispatch(func(ctx app.Context) { c.open, c.preview = true, true })
	}
}

func (c *chartTools) embedID() string { return "embed-" + c.Spec.Slug }

// embed shows the snippet to paste, the optional resize script and a
// preview that loads only when the reader opens the panel.
func (c *chartTools) embed() app.UI {
	id := c.embedID()
	panel := app.Details().ID(id).Class("embed")
	if c.open {
		// Never Open(false): go-app pre-renders it as open="false", which
		// opens the panel, so that the reader's first click closed it.
		panel = panel.Open(true)
	}
	return panel.On("toggle", c.onToggle).Body(
		app.Summary().Text(c.t("embed.open")),
		app.P().Text(c.t("embed.intro")),
		c.snippetBox(id+"-code", c.t("embed.iframe"), 4, c.iframeSnippet()),
		c.snippetBox(id+"-script", c.t("embed.script"), 2, c.scriptSnippet()),
		app.If(c.preview, func() app.UI {
			return app.Div().Body(
				app.P().Class("embed-preview-label").Text(c.t("embed.preview")),
				app.IFrame().Class("embed-preview").Src(href(c.Spec.EmbedPath())).
					Title(attr(c.t("embed.title", c.Spec.Title))).Height(embedHeight(c.Spec)).Loading("lazy"),
			)
		}),
	)
}

func (c *chartTools) onToggle(ctx app.Context, e app.Event) {
	c.open = eventOpen(ctx)
	if c.open {
		c.preview = true
	}
}

// snippetBox is a labelled, read-only text box of code, with a button that
// copies it and a status line that says it did. The code is the box's text
// content: go-app's Textarea.Text would put it in a value attribute, which
// its server-side rendering does not escape. web/chart.js handles the
// button, so that it works in the pre-rendered page as in the app.
func (c *chartTools) snippetBox(id, label string, rows int, code string) app.UI {
	return app.Div().Class("snippet-box").Body(
		app.Label().ID(id+"-label").For(id).Text(label),
		app.Textarea().ID(id).Class("snippet").ReadOnly(true).Rows(rows).Body(app.Text(code)),
		app.Button().Type("button").Class("copy-snippet").Aria("describedby", id+"-label").
			DataSet("copy", id).DataSet("copied", c.t("embed.copied")).DataSet("failed", c.t("embed.copyFailed")).
			Text(c.t("embed.copy")),
		app.Span().Class("copy-status").Role("status"),
	)
}

// embedHeight is the iframe height the snippet proposes: the chart plus
// its title and credit line.
func embedHeight(s spec.Spec) int { return s.Height + 150 }

// absolute makes an app path absolute for pasting into another site. On
// the server the origin is unknown, so the path stays relative until the
// app starts in the browser.
func absolute(path string) string {
	if u := browserURL(); u != nil {
		return u.Scheme + "://" + u.Host + path
	}
	return path
}

func (c *chartTools) iframeSnippet() string {
	return `<iframe src="` + absolute(href(c.Spec.EmbedPath())) + `" title="` + html.EscapeString(c.t("embed.title", c.Spec.Title)) +
		`" width="100%" height="` + strconv.Itoa(embedHeight(c.Spec)) + `" style="border:0" loading="lazy" data-gz-targets-embed></iframe>`
}

func (c *chartTools) scriptSnippet() string {
	return `<script src="` + absolute(href(resizeScript)) + `" async></script>`
}
