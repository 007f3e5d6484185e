//go:build !wasm

package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"runtime"
	"sync"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/ui"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// embedPage is the page an <iframe> snippet points at. It is rendered at
// start-up from the same chart spec as the explorer, with the chart's
// still, and loads two small scripts (chart.js draws, embed.js handles the
// flags and the height), ECharts when the reader shows intent, never the
// WebAssembly app. The option travels as a JSON data
// block rather than in an inline script, so that the page runs under a
// Content-Security-Policy without 'unsafe-inline'.
//
//go:embed embed.html
var embedHTML string

var embedTemplate = template.Must(template.New("embed").Parse(embedHTML))

// embedData is what the embed template needs.
type embedData struct {
	Spec     spec.Spec
	Data     template.JS // the chart for chart.js: JSON with <, > and & escaped, safe in a script
	Credit   string
	Explorer string
	// Canonical is the explorer's page at the site's domain, "" when the
	// domain is not known.
	Canonical string
	Notice    string
	Still     template.HTML // the chart's still, until the live chart draws
	ECharts   string
	Script    string
	Chart     string
	Style     string
	// StillStyle has the stills' rules, shared with the site's pages.
	StillStyle string
	Icon       string // so that browsers do not ask for /favicon.ico, which is not ours
	Table      []embedRow
	T          map[string]string
	DecalKey   string // the stored preference that puts patterns on the chart
	DecalOn    string // its value when they are on
}

// embedRow is a row of the embed's data table.
type embedRow struct {
	Region, Year, Kind, Value, Verdict string
	Sources                            []embedCite
}

// embedCite is one of a row's citations (words.Citation), its quote in
// its source's language, which the page marks: a Chinese quote in an
// English page is spoken, and drawn, as Chinese. Sep leads every one but
// the first.
type embedCite struct {
	Sep, Quote, Lang, Credit string
}

// renderEmbeds renders the embed page and the CSV of every chart, keyed by
// path, on every core: the server renders and compresses them all before
// it starts, some 600 pages with their charts' stills.
func renderEmbeds(ds *model.Dataset, res resolver, domain string, stills stillSet, specs []spec.Spec) (pages, csvs map[string]*asset) {
	pages, csvs = map[string]*asset{}, map[string]*asset{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	queue := make(chan spec.Spec)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for s := range queue {
				page := packedAsset(embedContentType, renderEmbed(ds, res, domain, s, stills, ""))
				csv := generatedAsset("text/csv; charset=utf-8", chart.CSV(ds, s))
				mu.Lock()
				addEmbed(pages, csvs, s, page, csv)
				mu.Unlock()
			}
		})
	}
	for _, s := range specs {
		queue <- s
	}
	close(queue)
	wg.Wait()
	return pages, csvs
}

// addEmbed files a chart's embed page and CSV under their paths.
func addEmbed(pages, csvs map[string]*asset, s spec.Spec, page, csv *asset) {
	pages[s.EmbedPath()], csvs[s.CSVPath()] = page, csv
	if s.ChartType == spec.ChartYears {
		// Embeds of the years chart made when it compared 2023 with
		// 2024 show the chart of every year, which holds the same.
		legacy := s
		legacy.Slug = spec.LegacyYearsSlug(s.Metric)
		pages[legacy.EmbedPath()] = page
	}
}

// embedContentType is the type of embed pages.
const embedContentType = "text/html; charset=utf-8"

// fallbackEmbed is the page for an embed address that does not exist, sent
// with status 404: the default chart with a notice, never a blank frame.
func fallbackEmbed(ds *model.Dataset, res resolver, domain string, stills stillSet, lang i18n.Lang) *asset {
	years := ds.Years(urlstate.DefaultMetric)
	s, _ := chart.Districts(ds, urlstate.DefaultMetric, years[len(years)-1], lang)
	page := packedAsset(embedContentType, renderEmbed(ds, res, domain, s, stills, i18n.T(lang, "embed.fallback")))
	page.status = http.StatusNotFound
	return page
}

// renderEmbed renders a chart's embed page. Its canonical address is the
// explorer's page of the chart, given only when the site knows its domain:
// a canonical address must be absolute.
func renderEmbed(ds *model.Dataset, res resolver, domain string, s spec.Spec, stills stillSet, notice string) []byte {
	explorer := res.Resolve(urlstate.ChartPath(s.ChartType, s.Metric, s.Year, s.Region, s.Lang))
	d := embedData{
		Spec: s,
		Data: template.JS(mustJSON(struct {
			Slug   string          `json:"slug"`
			Option json.RawMessage `json:"option"`
		}{s.Slug, s.Option})),
		Credit:     words.New(ds, s.Lang).Credit(s.Sources),
		Explorer:   explorer,
		Notice:     notice,
		Still:      template.HTML(stills.html(s)), // SVG from ECharts, from our own specs
		ECharts:    res.Resolve("/web/echarts.min.js"),
		Script:     res.Resolve("/web/embed.js"),
		Chart:      res.Resolve("/web/chart.js"),
		Style:      res.Resolve("/web/embed.css"),
		StillStyle: res.Resolve("/web/still.css"),
		Icon:       res.Resolve("/web/icon.svg"),
		Table:      embedTable(ds, s),
		T:          embedText(s.Lang),
		DecalKey:   ui.DecalPref,
		DecalOn:    ui.DecalOn,
	}
	if domain != "" {
		d.Canonical = "https://" + domain + explorer
	}
	var buf bytes.Buffer
	if err := embedTemplate.Execute(&buf, d); err != nil {
		panic("embed template: " + err.Error())
	}
	return buf.Bytes()
}

// embedTable is the chart's figures as table rows, in the same words as
// the explorer's tables.
func embedTable(ds *model.Dataset, s spec.Spec) []embedRow {
	w := words.New(ds, s.Lang)
	rows := make([]embedRow, 0, len(s.Rows))
	for _, r := range s.Rows {
		region, _ := ds.Region(r.Region)
		row := embedRow{Region: region.Name.In(string(s.Lang)), Value: w.NoFigure(r.Region, s.Metric, r.Year), Verdict: r.Verdict}
		if rec, ok := ds.Record(r.Record); ok {
			row.Year, row.Kind, row.Value, row.Sources = w.Year(*rec), w.Kind(*rec), w.Value(*rec), embedCites(ds, w, *rec)
		}
		rows = append(rows, row)
	}
	return rows
}

// embedCites are a record's citations for the embed's table.
func embedCites(ds *model.Dataset, w words.Words, rec model.Record) []embedCite {
	out := make([]embedCite, len(rec.Sources))
	for i, c := range rec.Sources {
		src, _ := ds.Source(c.Source)
		out[i] = embedCite{Quote: c.Quote, Lang: src.Language, Credit: w.QuoteCredit(c)}
		if i > 0 {
			out[i].Sep = w.ItemSep()
		}
	}
	return out
}

// embedText is the embed page's fixed text in a language.
func embedText(lang i18n.Lang) map[string]string {
	out := map[string]string{}
	for _, k := range []i18n.Key{"table.data", "table.region", "table.year", "table.kind", "table.value", "table.verdict", "table.source", "embed.more", "embed.flags", "app.name", "chart.stillOnly"} {
		out[string(k)] = i18n.T(lang, k)
	}
	return out
}
