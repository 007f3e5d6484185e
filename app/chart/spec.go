// Package chart builds the explorer's charts from the dataset: an ECharts
// option (built with go-echarts), the figures behind it, and a text
// description for readers who cannot see it. It is pure Go; the explorer,
// the embed pages and the tests all draw from the same specs.
package chart

import (
	"encoding/json"
	"html"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// Chart kinds.
const (
	KindDistricts = "districts"
	KindYears     = "years"
	KindProfile   = "profile"
)

// Heights the chart areas reserve, in pixels. They are fixed per kind so
// that the page can reserve the space before the chart is drawn.
const (
	HeightWide  = 540
	HeightSmall = 260
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

// Spec is one chart: what to draw, and the figures and words behind it.
type Spec struct {
	Kind        string
	Slug        string // names files: gdp_growth-2024-districts
	Lang        i18n.Lang
	Metric      string
	Year        int    // the districts view's year; 0 otherwise
	Region      string // the profile's region; "" otherwise
	Title       string
	Subtitle    string // unit and regions without a figure
	Description string // the chart in words, for aria and captions
	Height      int
	// Option is the ECharts option for the screen. Export is merged over it
	// for downloaded images: it adds the title and the credit line.
	Option json.RawMessage
	Export json.RawMessage
	Rows   []Row
	// Missing lists regions with no figure, shown as such, never as zero.
	Missing []model.Region
	// Seeds lists the sources of the figures shown, in citation order.
	Seeds []string
}

// Row is one figure in a chart. Record is nil for a region in Missing.
type Row struct {
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
}

// itemTip carries a tooltip as escaped HTML: ECharts inserts formatter
// strings as markup, so every piece of data in it is escaped first.
type itemTip struct {
	Formatter string `json:"formatter"`
}

type itemStyle struct {
	Color string `json:"color,omitempty"`
}

// empty is ECharts' marker for "no value here": nothing is drawn.
const empty = "-"

// builder carries what every chart needs.
type builder struct {
	ds   *model.Dataset
	lang i18n.Lang
}

func (b builder) t(key i18n.Key, args ...any) string { return i18n.T(b.lang, key, args...) }

// regionName is the display name of a region.
func (b builder) regionName(r model.Region) string { return r.Name.In(string(b.lang)) }

// mark is a record's value as a chart label: the qualified value, the
// stretch goal, and "H1" for half-year results.
func (b builder) mark(r *model.Record) string {
	s := i18n.Mark(r.Value, r.Qualifier, r.Unit, b.lang)
	if r.Stretch != nil {
		s += " · " + b.t("chart.stretchMark", i18n.Mark(*r.Stretch, model.QualExact, r.Unit, b.lang))
	}
	if r.Period == model.PeriodH1 {
		s += b.paren(b.t("period.h1"))
	}
	return s
}

// describe is a record in words: "at least 6% (target)", 6%以上（目标）.
func (b builder) describe(r *model.Record) string {
	s := i18n.Qualified(r.Value, r.Qualifier, r.Unit, b.lang)
	if r.Stretch != nil {
		s += b.listSep() + b.t("chart.stretchMark", i18n.Value(*r.Stretch, r.Unit, b.lang))
	}
	kind := b.t(i18n.Key("kind." + r.Kind))
	if r.Period == model.PeriodH1 {
		kind = b.t("period.h1") + b.space() + kind
	}
	return s + b.paren(kind)
}

// paren writes a parenthesis as the language sets it.
func (b builder) paren(s string) string {
	if b.lang == i18n.ZH {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

// space separates words: a space in English, nothing in Chinese.
func (b builder) space() string {
	if b.lang == i18n.ZH {
		return ""
	}
	return " "
}

// listSep separates items within a sentence.
func (b builder) listSep() string {
	if b.lang == i18n.ZH {
		return "，"
	}
	return ", "
}

// tooltip is the escaped HTML shown when a reader points at a figure: the
// region, the metric and year, the value, any disagreement, and each source
// with its verbatim quote.
func (b builder) tooltip(region model.Region, metric model.Metric, r *model.Record) string {
	var sb strings.Builder
	esc := func(s string) string { return escapeTemplate(html.EscapeString(s)) }
	sb.WriteString("<strong>" + esc(b.regionName(region)) + "</strong><br>")
	sb.WriteString(esc(metric.Name.In(string(b.lang))) + " · " + esc(b.yearLabel(r)) + "<br>")
	sb.WriteString(esc(b.describe(r)))
	if len(r.Conflict) > 0 {
		sb.WriteString("<br><em>" + esc(b.conflictText(r)) + "</em>")
	}
	for _, c := range r.Sources {
		sb.WriteString("<br><q>" + esc(c.Quote) + "</q> — " + esc(b.credit(c.Seed)))
	}
	return sb.String()
}

// yearLabel is a record's year, with the half for half-year figures.
func (b builder) yearLabel(r *model.Record) string {
	if r.Period == model.PeriodH1 {
		return b.t("chart.h1", r.Year)
	}
	return b.t("heading.year", r.Year)
}

// conflictText says on what the sources of a record disagree.
func (b builder) conflictText(r *model.Record) string {
	fields := make([]string, len(r.Conflict))
	for i, f := range r.Conflict {
		fields[i] = b.t(i18n.Key("conflict." + f))
	}
	return b.t("chart.conflict", strings.Join(fields, ", "))
}

// credit names a source by outlet and date.
func (b builder) credit(seed string) string {
	s, ok := b.ds.Source(seed)
	if !ok {
		return seed
	}
	return s.Outlet.In(string(b.lang)) + ", " + i18n.Date(s.Published, b.lang)
}

// Credit is the credit line of a spec: every source it draws on.
func (s Spec) Credit(ds *model.Dataset) string {
	b := builder{ds: ds, lang: s.Lang}
	names := make([]string, len(s.Seeds))
	for i, seed := range s.Seeds {
		names[i] = b.credit(seed)
	}
	sep := "; "
	if s.Lang == i18n.ZH {
		sep = "；"
	}
	return b.t("embed.credit", strings.Join(names, sep))
}

// seedsOf lists the sources cited by the rows, in first-cited order.
func seedsOf(rows []Row) []string {
	var seeds []string
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Record == nil {
			continue
		}
		for _, c := range r.Record.Sources {
			if !seen[c.Seed] {
				seen[c.Seed] = true
				seeds = append(seeds, c.Seed)
			}
		}
	}
	return seeds
}

// escapeTemplate stops ECharts from reading braces in data as template
// variables such as {b}.
func escapeTemplate(s string) string {
	return strings.NewReplacer("{", "&#123;", "}", "&#125;").Replace(s)
}

// newBase starts a chart with the options every chart shares: aria with
// our own description, an item tooltip that stays inside the chart, and
// the palette.
func newBase(description string) *charts.Bar {
	bar := charts.NewBar()
	bar.ChartID = "chart"
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
		}),
		charts.WithColorsOpts(opts.Colors{colorTarget, colorActual, colorStretch, colorReference}),
	)
	bar.XAxisList, bar.YAxisList = nil, nil
	return bar
}

// encode turns a go-echarts chart into option JSON. extra adds options
// go-echarts does not model (tooltip confinement, the legend's data).
// encoding/json escapes <, > and &, so the JSON is safe inside HTML.
func encode(bar *charts.Bar, extra map[string]any) json.RawMessage {
	obj := bar.JSON()
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

// mergeExport adds the export extras to an option, keeping any graphic the
// option already has.
func mergeExport(option json.RawMessage, extras map[string]any) json.RawMessage {
	var obj map[string]any
	if err := json.Unmarshal(option, &obj); err != nil {
		panic("chart: decoding option: " + err.Error())
	}
	for k, v := range extras {
		if old, ok := obj[k].([]any); ok && k == "graphic" {
			v = append(old, v.([]any)...)
		}
		obj[k] = v
	}
	b, err := json.Marshal(obj)
	if err != nil {
		panic("chart: encoding option: " + err.Error())
	}
	return b
}

// ExportHeight is the height of a downloaded image: the chart plus room for
// the title above and the credit line below.
func (s Spec) ExportHeight() int { return s.Height + titleSpace + creditSpace }

// FileName names a download of the chart after its content, such as
// gdp_growth-2024-districts.csv.
func (s Spec) FileName(ext string) string { return s.Slug + "." + ext }

// EmbedPath is the path of the chart's embed page, which draws the same
// option without the explorer: /embed/en/gdp_growth-2024-districts.html.
func (s Spec) EmbedPath() string { return "/embed/" + string(s.Lang) + "/" + s.Slug + ".html" }
