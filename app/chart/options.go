// Package chart builds the explorer's charts from the dataset: an ECharts
// option (built with go-echarts), the figures behind it, and a text
// description for readers who cannot see it. It is pure Go and runs at
// build time (in the server and the static export); the explorer, the embed
// pages and the tests all draw from the specs it builds.
package chart

import (
	"encoding/json"
	"html"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// Palette: colour-blind-safe hues (after Okabe and Ito) with at least 3:1
// contrast against both the light and the dark background.
const (
	colorTarget    = "#0072B2"
	colorActual    = "#D55E00"
	colorReference = "#6E6E6E"
	colorStretch   = "#882255"
	colorConnector = "#8C8C8C"
)

// palette orders the colours of series that set none.
var palette = []string{colorTarget, colorActual, colorStretch, colorReference}

// row is one figure while a chart is built. Record is nil for a region
// with no figure.
type row struct {
	Region model.Region
	Metric model.Metric
	Year   int
	Record *model.Record
}

// item is a data item of a series. ECharts keeps the extra fields
// (regionId, recordId), which the explorer uses to open a region's profile
// and tests use to find a bar.
type item struct {
	Value        any        `json:"value"`
	Name         string     `json:"name,omitempty"`
	RegionID     string     `json:"regionId,omitempty"`
	RecordID     string     `json:"recordId,omitempty"`
	Symbol       string     `json:"symbol,omitempty"`
	SymbolRotate int        `json:"symbolRotate,omitempty"`
	Label        *itemLabel `json:"label,omitempty"`
	Tooltip      *itemTip   `json:"tooltip,omitempty"`
	ItemStyle    *itemStyle `json:"itemStyle,omitempty"`
}

type itemLabel struct {
	Show      bool   `json:"show"`
	Position  string `json:"position,omitempty"`
	Formatter string `json:"formatter"`
	Color     string `json:"color,omitempty"`
	Offset    []int  `json:"offset,omitempty"` // in pixels, to move a label off its neighbours'
}

// stretchLabel labels a stretch goal's marker: "stretch 7%", 力争7%.
func (b builder) stretchLabel(r *model.Record, position string) *itemLabel {
	return &itemLabel{Show: true, Position: position, Formatter: b.w.StretchMark(*r)}
}

// insideLabel moves a bar's label into the bar, in white, to leave the
// space past its end to the stretch goal's marker and label.
func insideLabel(it *item, position string) {
	it.Label.Position, it.Label.Color = position, "#ffffff"
}

// itemTip carries a tooltip as escaped HTML: ECharts inserts formatter
// strings as markup, so every piece of data in it is escaped first.
type itemTip struct {
	Formatter string `json:"formatter"`
}

type itemStyle struct {
	Color string `json:"color,omitempty"`
	// AreaColor fills a map's region; Decal patterns it.
	AreaColor string `json:"areaColor,omitempty"`
	Decal     any    `json:"decal,omitempty"`
}

// empty is ECharts' marker for "no value here": nothing is drawn.
const empty = "-"

// builder carries what every chart needs: the dataset, the language, and
// the words that say a figure in it.
type builder struct {
	ds   *model.Dataset
	lang i18n.Lang
	w    words.Words
}

func newBuilder(ds *model.Dataset, lang i18n.Lang) builder {
	return builder{ds: ds, lang: lang, w: words.New(ds, lang)}
}

func (b builder) t(key i18n.Key, args ...any) string { return i18n.T(b.lang, key, args...) }

// regionName is the display name of a region.
func (b builder) regionName(r model.Region) string { return r.Name.In(string(b.lang)) }

// tooltip is the escaped HTML shown when a reader points at a figure: the
// region, the metric and year, the value and kind, any disagreement, and
// each source with its verbatim quote, in bold within its sentence where
// the source's text is kept.
func (b builder) tooltip(region model.Region, metric model.Metric, r *model.Record) string {
	var sb strings.Builder
	esc := func(s string) string { return escapeTemplate(html.EscapeString(s)) }
	sb.WriteString("<strong>" + esc(b.regionName(region)) + "</strong><br>")
	sb.WriteString(esc(metric.Name.In(string(b.lang))) + " · " + esc(b.w.Year(*r)) + "<br>")
	sb.WriteString(esc(b.w.Describe(*r)))
	if c := b.w.Conflict(*r); c != "" {
		sb.WriteString("<br><em>" + esc(c) + "</em>")
	}
	for _, c := range r.Sources {
		before, quote, after := b.w.QuoteInContext(c)
		sb.WriteString("<br><q>" + esc(before) + "<b>" + esc(quote) + "</b>" + esc(after) + "</q> — " + esc(b.w.SourceCredit(c.Source)))
	}
	return sb.String()
}

// specRows turns rows into the spec's rows, by id.
func specRows(rows []row) []spec.Row {
	out := make([]spec.Row, len(rows))
	for i, r := range rows {
		out[i] = spec.Row{Region: r.Region.ID, Year: r.Year}
		if r.Record != nil {
			out[i].Record, out[i].Year = r.Record.ID, r.Record.Year
		}
	}
	return out
}

// regionIDs lists the ids of regions.
func regionIDs(regions []model.Region) []string {
	ids := make([]string, len(regions))
	for i, r := range regions {
		ids[i] = r.ID
	}
	return ids
}

// sourcesOf lists the sources cited by the rows, in first-cited order.
func sourcesOf(rows []row) []string {
	var ids []string
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Record == nil {
			continue
		}
		for _, c := range r.Record.Sources {
			if !seen[c.Source] {
				seen[c.Source] = true
				ids = append(ids, c.Source)
			}
		}
	}
	return ids
}

// escapeTemplate stops ECharts from reading braces in data as template
// variables such as {b}.
func escapeTemplate(s string) string {
	return strings.NewReplacer("{", "&#123;", "}", "&#125;").Replace(s)
}

// newBase starts a chart with the options every chart shares: aria with
// our own description, an item tooltip that stays inside the chart, and
// the palette. It starts from a zero Bar rather than charts.NewBar, which
// attaches go-echarts' HTML renderer: we only need the option, and the
// renderer would bring Go's template engines into the WebAssembly.
func newBase(description string) *charts.Bar {
	bar := &charts.Bar{}
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
		}),
	)
	return bar
}

// encode turns a go-echarts chart into option JSON. extra adds options
// go-echarts does not model (tooltip confinement, the legend's data).
// encoding/json escapes <, > and &, so the JSON is safe inside HTML. The
// background is transparent, so that a chart sits on its page, light or
// dark, as drawn by the app or by web/chart.js; a downloaded image gets
// white from its export patch.
func encode(bar *charts.Bar, extra map[string]any) json.RawMessage {
	obj := bar.JSON()
	obj["color"] = palette
	obj["backgroundColor"] = "transparent"
	// A zero Bar does not know it has axes (NewBar would tell it), so the
	// axes are added here.
	obj["xAxis"], obj["yAxis"] = bar.XAxisList, bar.YAxisList
	// go-echarts always writes an empty toolbox; no chart has one, and the
	// site's ECharts bundle leaves the module out.
	delete(obj, "toolbox")
	for k, v := range extra {
		obj[k] = v
	}
	b, err := json.Marshal(obj)
	if err != nil {
		panic("chart: encoding option: " + err.Error())
	}
	return b
}

// tooltipOption keeps tooltips inside the chart and lets long quotes wrap.
func tooltipOption() map[string]any {
	return map[string]any{
		"show": true, "trigger": "item", "confine": true, "enterable": true,
		"className": "chart-tooltip",
	}
}

// legendOption shows a legend for the named series only.
func legendOption(names []string) map[string]any {
	return map[string]any{"show": len(names) > 1, "data": names, "top": 0, "left": 0}
}
