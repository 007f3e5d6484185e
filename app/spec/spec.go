// Package spec is a chart as the explorer receives it: the ECharts option
// (built at build time by package chart with go-echarts), the text that
// describes it, and the figures behind it, by id. It has no dependency on
// go-echarts, so the WebAssembly app, which only draws and describes
// charts, does not carry the builder.
package spec

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gztargets/app/i18n"
)

// Chart types: which chart a spec draws, one per view of the explorer
// and a region's profile. A chart's type is not a figure's kind (target
// or actual).
const (
	ChartDistricts = "districts"
	ChartYears     = "years"
	ChartProfile   = "profile"
	ChartResults   = "results"
	ChartCascade   = "cascade"
	ChartMap       = "map"
)

// Pixel heights. Charts have fixed heights per type, so that a page can
// reserve the space before the chart is drawn; downloaded images add room
// for the title above and the credit line below.
const (
	HeightWide  = 540
	HeightSmall = 260
	TitleSpace  = 76
	CreditSpace = 40 // for a credit of one line
	// CreditLineHeight is the height of each further line of the credit.
	CreditLineHeight = 15
	// ExportWidth is the width of a downloaded image, the wide layout's,
	// whatever the width of the reader's screen: the build's SVG file and
	// the app's images are one picture, and the credit is wrapped to it.
	ExportWidth = 1120
)

// Spec is one chart: what to draw, and the figures and words behind it.
type Spec struct {
	ChartType   string    `json:"chartType"`
	Slug        string    `json:"slug"` // names files: gdp_growth-2024-districts
	Lang        i18n.Lang `json:"lang"`
	Metric      string    `json:"metric"`
	Year        int       `json:"year,omitempty"`   // the districts view's year
	Region      string    `json:"region,omitempty"` // the profile's region
	Title       string    `json:"title"`
	Subtitle    string    `json:"subtitle"`    // unit and regions without a figure
	Description string    `json:"description"` // the chart in words, for aria and captions
	// Headline and Rule, for the results view: the count of verdicts, and
	// the rule they follow.
	Headline string `json:"headline,omitempty"`
	Rule     string `json:"rule,omitempty"`
	Height   int    `json:"height"`
	// NarrowHeight, where it is not 0, is the chart's height in the
	// narrow layout (a phone): a map stacks its legend under the map, and
	// a region's chart over the years lays its years down the side.
	NarrowHeight int `json:"narrowHeight,omitempty"`
	// Option is the ECharts option for the screen. Export is a patch that
	// setOption merges over it for downloaded images: it adds the title,
	// the subtitle and the credit line, and moves the chart down between
	// them.
	Option json.RawMessage `json:"option"`
	Export json.RawMessage `json:"export"`
	// CreditLines is how many lines the credit takes in a downloaded
	// image, wrapped to its width: a chart may cite twenty sources.
	CreditLines int   `json:"creditLines,omitempty"`
	Rows        []Row `json:"rows"`
	// Missing lists the districts with no figure, shown as such, never as
	// zero.
	Missing []string `json:"missing,omitempty"`
	// Sources lists the ids of the sources of the figures shown, in
	// citation order.
	Sources []string `json:"sources,omitempty"`
}

// Row is one figure in a chart, by id. Record is empty for a region in
// Missing.
type Row struct {
	Region string `json:"region"`
	Year   int    `json:"year,omitempty"`
	Record string `json:"record,omitempty"`
	// Verdict is a target's verdict in words, in the results view.
	Verdict string `json:"verdict,omitempty"`
}

// Bundle is every chart of one language, by slug: what the app fetches
// once to switch charts without waiting.
type Bundle map[string]Spec

// ResultsSlug names the targets-against-results chart of a metric and year.
func ResultsSlug(metric string, year int) string {
	return fmt.Sprintf("%s-%d-results", metric, year)
}

// CascadeSlug names the cascade chart of a metric and year.
func CascadeSlug(metric string, year int) string {
	return fmt.Sprintf("%s-%d-cascade", metric, year)
}

// DistrictsSlug names the districts chart of a metric and year.
func DistrictsSlug(metric string, year int) string {
	return fmt.Sprintf("%s-%d-districts", metric, year)
}

// MapSlug names the map of a metric and year.
func MapSlug(metric string, year int) string {
	return fmt.Sprintf("%s-%d-map", metric, year)
}

// YearsSlug names the years chart of a metric, which covers every year.
func YearsSlug(metric string) string { return metric + "-years" }

// LegacyYearsSlug is the slug the years chart had when it compared 2023
// with 2024: embeds made then keep working under it.
func LegacyYearsSlug(metric string) string { return metric + legacyYears }

const legacyYears = "-2023-2024-years"

// IsLegacy reports whether a path is an embed of a former slug, which is
// served but not listed or precached: the chart's own path is.
func IsLegacy(path string) bool {
	return strings.HasSuffix(strings.TrimSuffix(path, ".html"), legacyYears)
}

// ProfileSlug names a region's chart of a metric.
func ProfileSlug(region, metric string) string {
	return fmt.Sprintf("%s-%s-profile", region, metric)
}

// BundlePath is the path of a language's bundle.
func BundlePath(lang i18n.Lang) string { return "/spec/" + string(lang) + ".json" }

// DatasetCSVPath is the path of every figure as CSV in a language: the
// English file keeps the address it always had, /data/targets.csv; the
// Chinese one is /data/targets-zh.csv.
func DatasetCSVPath(lang i18n.Lang) string {
	if lang == i18n.EN {
		return "/data/targets.csv"
	}
	return "/data/targets-" + string(lang) + ".csv"
}

// EmbedPath is the path of the chart's embed page, which draws the same
// option without the explorer: /embed/en/gdp_growth-2024-districts.html.
func (s Spec) EmbedPath() string { return "/embed/" + string(s.Lang) + "/" + s.Slug + ".html" }

// CSVPath is the path of the chart's figures as CSV, built with the site:
// /csv/en/gdp_growth-2024-districts.csv.
func (s Spec) CSVPath() string { return "/csv/" + string(s.Lang) + "/" + s.Slug + ".csv" }

// SVGPath is where the chart is served as an SVG file, drawn at build time
// with its title and credit line.
func (s Spec) SVGPath() string { return "/svg/" + string(s.Lang) + "/" + s.Slug + ".svg" }

// FileName names a download of the chart after its content, such as
// gdp_growth-2024-districts.csv.
func (s Spec) FileName(ext string) string { return s.Slug + "." + ext }

// BoxClass is the class list of the chart's box. The style sheet gives
// every box its height before anything is drawn (web/still.css): a chart
// of its type's usual height takes its type's box, and one of another
// height, such as the years view's small multiples, as tall as their
// rows, also a class for that height, chart--h followed by the pixels;
// a chart of another height on a phone, chart--n and its NarrowHeight.
func (s Spec) BoxClass() string {
	class := "chart chart--" + s.ChartType
	usual := HeightWide
	if s.ChartType == ChartProfile {
		usual = HeightSmall
	}
	if s.Height != usual {
		class += " chart--h" + strconv.Itoa(s.Height)
	}
	if s.NarrowHeight != 0 {
		class += " chart--n" + strconv.Itoa(s.NarrowHeight)
	}
	return class
}

// ExportHeight is the height of a downloaded image.
func (s Spec) ExportHeight() int {
	return s.Height + TitleSpace + CreditSpace + CreditLineHeight*(max(s.CreditLines, 1)-1)
}
