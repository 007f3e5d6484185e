package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/model"
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
	const edges = svg.getBoundingClientRect();
	const cut = t => { const r = t.getBoundingClientRect(); return r.left < edges.left - 1 || r.right > edges.right + 1; };
	return {
		text: [...svg.querySelectorAll("text")].map(t => t.textContent).join("|"),
		box: box.getBoundingClientRect().height,
		svg: edges.height,
		cut: [...svg.querySelectorAll("text")].filter(cut).map(t => t.textContent),
	};
})`

type still struct {
	Text string
	Box  float64
	SVG  float64
	Cut  []string // texts that run past the SVG's left or right edge
}

// withoutScript opens a page with JavaScript disabled.
func withoutScript(t *testing.T, url string, phone bool) context.Context {
	t.Helper()
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	atWidth(t, ctx, phone)
	do(t, ctx, chromedp.Navigate(url))
	return ctx
}

// atWidth makes a tab a desktop's window or a phone's.
func atWidth(t *testing.T, ctx context.Context, phone bool) {
	t.Helper()
	width := int64(1280)
	if phone {
		width = 390
	}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: phone}); err != nil {
		t.Fatal(err)
	}
}

// readStill reads the still in a chart box and checks that it fills the
// box: the chart takes its place without a shift, and that none of its
// text runs past the SVG's sides, where the reader would not see it.
func readStill(t *testing.T, ctx context.Context, slug string) string {
	t.Helper()
	got := eval[still](t, ctx, stillText+fmt.Sprintf("(%q)", "#chart-"+slug))
	if got.Text == "" {
		t.Fatalf("chart %s shows no SVG without JavaScript", slug)
	}
	if got.SVG != got.Box || got.Box == 0 {
		t.Errorf("chart %s: the SVG is %v px high in a box of %v px", slug, got.SVG, got.Box)
	}
	if len(got.Cut) > 0 {
		t.Errorf("chart %s: text runs past the SVG's edge, cut off: %q", slug, got.Cut)
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
			l.marks = append(l.marks, w.YearMark(r))
		}
	}
	return l
}

// TestStillsWithoutScript opens the explorer, a district page and an
// embed page with JavaScript disabled, on a desktop and a phone: each
// chart is there as SVG, filling its box, with every region's name and
// value label.
func TestStillsWithoutScript(t *testing.T) {
	t.Parallel()
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

// TestSVGLinkWithoutScript follows a chart's SVG download link with
// JavaScript off, in both languages: the browser saves the file the build
// drew, with the chart's title and credit line.
func TestSVGLinkWithoutScript(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	year := years[len(years)-1]
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			ctx := withoutScript(t, serverURL+fmt.Sprintf("/?view=districts&metric=%s&year=%d&lang=%s", metric, year, lang), false)
			dir := allowDownloads(t, ctx)
			click(t, ctx, svgLink)
			sp := publishedSpec(t, spec.DistrictsSlug(metric, year), lang)
			checkSVGFile(t, waitDownload(t, dir, sp.FileName("svg")), sp.Title, words.New(ds, lang).Credit(sp.Sources))
		})
	}
}

// watchShifts collects the page's layout shifts, each marked with whether
// the browser was still reading the document (before domInteractive). While
// it reads, a long page paints in parts, and a part read later must not
// move one painted before (TestNoShiftWhileReading); the takeover tests
// look at the shifts after it.
const watchShifts = `window.gzShifts = [];
new PerformanceObserver(list => {
	const nav = performance.getEntriesByType("navigation")[0];
	const read = nav && nav.domInteractive > 0 ? nav.domInteractive : Infinity;
	for (const e of list.getEntries()) {
		if (!e.hadRecentInput) window.gzShifts.push({value: e.value, reading: e.startTime < read, sources: (e.sources || []).map(s => (s.node ? (s.node.id || s.node.className || s.node.nodeName) : "") + " " + JSON.stringify([s.previousRect, s.currentRect].map(r => [r.x, r.y, r.width, r.height].map(Math.round))) + " at " + Math.round(e.startTime) + " ms")});
	}
}).observe({type: "layout-shift", buffered: true});`

// TestStillTakeover loads pages with JavaScript, in both languages, on a
// desktop and a phone: the live chart replaces the still in the same box,
// and nothing on the page shifts from the first paint on, neither while
// it does nor when the app takes over the page.
func TestStillTakeover(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	year := years[len(years)-1]
	embed := spec.DistrictsSlug(metric, year)
	results := spec.ResultsSlug(metric, ds.LatestResultYear(metric))
	mapQuery := fmt.Sprintf("/?view=map&metric=%s&year=%d&lang=", metric, year)
	for _, c := range []struct {
		name, path, slug  string
		phone, app, looks bool
		width             int64 // the window's, if not a desktop's or a phone's
	}{
		{"explorer en", "/?lang=en", results, false, true, true, 0},
		{"explorer zh phone", "/?lang=zh", results, true, true, false, 0},
		{"map zh", mapQuery + "zh", spec.MapSlug(metric, year), false, true, true, 0},
		{"map en", mapQuery + "en", spec.MapSlug(metric, year), false, true, true, 0},
		{"map en phone", mapQuery + "en", spec.MapSlug(metric, year), true, true, true, 0},
		{"district en phone", "/district/tianhe?lang=en", spec.ProfileSlug("tianhe", metric), true, true, false, 0},
		// The years view's box is as tall as its rows (spec.Spec.BoxClass).
		{"years en", "/?view=years&lang=en&metric=" + metric, spec.YearsSlug(metric), false, true, true, 0},
		{"years zh phone", "/?view=years&lang=zh&metric=" + metric, spec.YearsSlug(metric), true, true, false, 0},
		{"embed zh", "/embed/zh/" + embed + ".html", embed, false, false, false, 0},
		{"embed en phone", "/embed/en/" + embed + ".html", embed, true, false, false, 0},
		// An article's column: the embed's box is 720 px, the medium still's width.
		{"embed en column", "/embed/en/" + embed + ".html", embed, false, false, true, 742},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTab(t)
			atWidth(t, ctx, c.phone)
			if c.width > 0 {
				if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 900, DeviceScaleFactor: 1}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchShifts}); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.Navigate(serverURL+c.path))
			box := fmt.Sprintf("document.getElementById(%q)", "chart-"+c.slug)
			var still image.Image
			if c.looks {
				still = boxPixels(t, ctx, "#chart-"+c.slug)
			}
			// The embed draws when the pointer comes over it; a pointer
			// that moves is no input that excuses a shift.
			intend(t, ctx)
			waitFor(t, ctx, `!!`+box+`.querySelector("canvas") && !`+box+`.querySelector(".chart-still")`)
			for _, s := range layoutShifts(t, ctx, false) {
				t.Errorf("the layout shifted by %v (%v) before the live chart had replaced the still", s.Value, s.Sources)
			}
			if c.looks && !c.app {
				looksLikeStill(t, ctx, still, c.slug)
			}
			if c.app {
				waitApp(t, ctx)
				waitFor(t, ctx, `!!`+box+` && !!`+box+`.querySelector("canvas")`)
				for _, s := range layoutShifts(t, ctx, false) {
					t.Errorf("the layout shifted by %v (%v) when the app took over", s.Value, s.Sources)
				}
				if c.looks {
					looksLikeStill(t, ctx, still, c.slug)
				}
			}
		})
	}
}

// looksLikeStill checks that the live chart, now in the box of the chart
// slug, looks as its still did: its labels, legend and lines of text where
// the still had them, in the same fonts. It holds where the box is as wide
// as the still was drawn (1120 px, or 360 px in the narrow layout); at
// other widths the still is scaled to fit and the live chart lays itself
// out anew. On a phone 390 px wide, a chart box is 358 px: enough for the
// bars' chart to differ by more than the reach, not for the map.
func looksLikeStill(t *testing.T, ctx context.Context, still image.Image, slug string) {
	t.Helper()
	now := boxPixels(t, ctx, "#chart-"+slug)
	d := unlike(still, now, 3)
	t.Logf("the live chart: %.3f%% of its pixels unlike the still's", 100*d)
	if d > 0.001 {
		t.Errorf("the live chart does not look like the still it replaced: %.2f%% of its pixels are unlike the still's within 3 px", 100*d)
	}
}

// topBar is where a chart's still draws its first series' first bar: the
// centre of its box, in the page, or nothing.
const topBar = `(sel => {
	const svg = [...document.querySelectorAll(sel + " .chart-still svg")].find(s => getComputedStyle(s).display !== "none");
	const bar = svg && svg.querySelector('[ecmeta_ssr_type="chart"][ecmeta_series_index="0"][ecmeta_data_index="0"]');
	if (!bar) return null;
	const r = bar.getBoundingClientRect();
	return {x: r.left + r.width / 2, y: r.top + r.height / 2};
})`

// TestStillHover points at the first bar of the districts chart where its
// still draws it (read with JavaScript off), in an embed page and in the
// explorer, both of which load ECharts then, in both languages, with a
// mouse on a desktop and a tap on a phone: the live chart's tooltip names
// that district and its figure, and stays. The still and the live chart
// put the bar in the same place. In the explorer, the pointer also starts
// the app, whose chart replaces the one drawn from the still: the tooltip
// is still up once it has, without the pointer moving.
func TestStillHover(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	year := years[len(years)-1]
	slug := spec.DistrictsSlug(metric, year)
	box := "#chart-" + slug
	for _, lang := range i18n.Langs {
		top := topDistrict(metric, year, lang)
		for _, path := range []string{
			"/embed/" + string(lang) + "/" + slug + ".html",
			fmt.Sprintf("/?view=districts&metric=%s&year=%d&lang=%s", metric, year, lang),
		} {
			for _, phone := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/phone=%v", path, phone), func(t *testing.T) {
					at := eval[*struct{ X, Y float64 }](t, withoutScript(t, serverURL+path, phone), topBar+fmt.Sprintf("(%q)", box))
					if at == nil {
						t.Fatal("the still draws no bar")
					}
					ctx := newTab(t)
					atWidth(t, ctx, phone)
					if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: phone}); err != nil {
						t.Fatal(err)
					}
					do(t, ctx, chromedp.Navigate(serverURL+path), point(phone, at.X, at.Y))
					waitTip(t, ctx, box, top, "once ECharts drew the chart")
					if strings.HasPrefix(path, "/?") {
						waitFor(t, ctx, fmt.Sprintf(`!document.getElementById("app-wasm-loader") && !!window.gzPrepainted && !window.gzPrepainted[%q]`, slug))
						waitTip(t, ctx, box, top, "once the app took the chart over")
					}
				})
			}
		}
	}
}

// point moves the mouse to a point of the page or, on a phone, taps it.
func point(phone bool, x, y float64) chromedp.Action[chromedp.Void] {
	if !phone {
		return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)
	}
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		start := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}
		if _, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, start); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
		return err
	})
}

// waitTip waits for the visible tooltip of the chart box to say every one
// of want, and fails the test with what it says if it does not, or if it
// is gone again a moment later: ECharts hides a tooltip 100 ms after it
// is asked to (tooltip.hideDelay), so a tooltip still up after tipStays
// stays until the reader moves.
func waitTip(t *testing.T, ctx context.Context, box string, want []string, when string) {
	t.Helper()
	tip := `[...document.querySelectorAll("` + box + ` .chart-tooltip")].filter(e => getComputedStyle(e).display !== "none" && getComputedStyle(e).opacity !== "0").map(e => e.textContent).join("")`
	wants, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	says := fmt.Sprintf(`(t => %s.every(w => t.includes(w)))(%s)`, wants, tip)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](says, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Errorf("%s, the tooltip over the first bar does not say %q: %q (%v)", when, want, eval[string](t, ctx, tip), err)
		return
	}
	do(t, ctx, chromedp.Sleep(tipStays))
	if !eval[bool](t, ctx, says) {
		t.Errorf("%s, the tooltip over the first bar said %q, then was gone within %v: %q", when, want, tipStays, eval[string](t, ctx, tip))
	}
}

// tipStays is how long a tooltip must stay up to have outlived ECharts'
// hideDelay (100 ms) with room for a slow machine.
const tipStays = 500 * time.Millisecond

// topDistrict is the name and figure of the district with the highest
// figure of a metric and year: the districts chart's first bar.
func topDistrict(metric string, year int, lang i18n.Lang) []string {
	w := words.New(ds, lang)
	var top []string
	best := 0.0
	for _, e := range ds.Compare(metric, year) {
		if e.Record != nil && e.Region.Group == model.GroupDistrict && (top == nil || e.Record.Value > best) {
			best = e.Record.Value
			top = []string{e.Region.Name.In(string(lang)), w.Value(*e.Record)}
		}
	}
	return top
}

// layoutShift is one layout shift the page observed; Reading says it
// happened while the browser was still reading the document.
type layoutShift struct {
	Value   float64
	Reading bool
	Sources []string
}

// layoutShifts returns the shifts observed since the last call, once the
// next frame has been drawn: those while the document was read with
// reading, the later ones without.
func layoutShifts(t *testing.T, ctx context.Context, reading bool) []layoutShift {
	t.Helper()
	all := eval[[]layoutShift](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(window.gzShifts.splice(0)))))`, chromedp.EvalAsValue, chromedp.EvalAwaitPromise)
	return slices.DeleteFunc(all, func(s layoutShift) bool { return s.Reading != reading })
}

// TestEmbedWaitsForIntent opens an embed page: it shows the still and
// requests no ECharts until the reader moves the pointer over it; then the
// live chart replaces the still.
func TestEmbedWaitsForIntent(t *testing.T) {
	t.Parallel()
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

// withoutECharts opens a tab in which ECharts' request fails, as offline
// without a cache, and which keeps the promises rejected without a
// handler in window.gzUnhandled.
func withoutECharts(t *testing.T) context.Context {
	t.Helper()
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/echarts*", Block: true}},
	}); err != nil {
		t.Fatal(err)
	}
	watch := `window.gzUnhandled = []; addEventListener("unhandledrejection", e => gzUnhandled.push(String(e.reason && e.reason.type || e.reason)));`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watch}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// checkNotice waits for a notice, or for a rejection without a handler,
// and checks that the notice says what it should, and that no promise was
// left rejected.
func checkNotice(t *testing.T, ctx context.Context, sel, want string) {
	t.Helper()
	notice := `(document.querySelector(` + strconv.Quote(sel) + `) || {}).textContent`
	waitFor(t, ctx, `window.gzUnhandled.length > 0 || !!`+notice)
	if got := eval[[]string](t, ctx, `window.gzUnhandled`); len(got) > 0 {
		t.Errorf("unhandled promise rejections: %v", got)
	}
	if got := eval[string](t, ctx, notice+` || ""`); got != want {
		t.Errorf("the notice says %q, want %q", got, want)
	}
}

// TestStillWithoutECharts opens an embed page in both languages with
// ECharts' request blocked: at the reader's intent the still stays, a
// notice under it says so in the page's language. In the explorer, the
// app, which has no stills, says in the chart's box that the chart could
// not be loaded, rather than leave it empty. No promise is left rejected
// without a handler.
func TestStillWithoutECharts(t *testing.T) {
	t.Parallel()
	years := ds.Years(urlstate.DefaultMetric)
	slug := spec.DistrictsSlug(urlstate.DefaultMetric, years[len(years)-1])
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			ctx := withoutECharts(t)
			do(t, ctx, chromedp.Navigate(serverURL+"/embed/"+string(lang)+"/"+slug+".html"))
			waitFor(t, ctx, `typeof window.gzLoadECharts === "function" && document.readyState !== "loading"`)
			intend(t, ctx)
			checkNotice(t, ctx, ".chart-notice", i18n.T(lang, "chart.stillOnly"))
			readStill(t, ctx, slug)
		})
	}
	t.Run("explorer", func(t *testing.T) {
		ctx := withoutECharts(t)
		do(t, ctx, chromedp.Navigate(serverURL+fmt.Sprintf("/?view=districts&metric=%s&year=%d&lang=en", urlstate.DefaultMetric, years[len(years)-1])))
		waitApp(t, ctx)
		checkNotice(t, ctx, "#chart-"+slug+" .chart-notice", i18n.T(i18n.EN, "chart.unavailable"))
	})
}

// TestStillInDarkScheme opens an embed page in the dark scheme, on the
// server's pages as with the theme flag: the still's grid lines and axis
// text have the colours the live chart gives them in ECharts' dark theme,
// which the test reads from the chart once it has taken over.
func TestStillInDarkScheme(t *testing.T) {
	t.Parallel()
	years := ds.Years(urlstate.DefaultMetric)
	slug := spec.DistrictsSlug(urlstate.DefaultMetric, years[len(years)-1])
	for name, query := range map[string]string{"scheme": "", "theme flag": "?theme=dark"} {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			if query == "" {
				emulateMedia(t, ctx, "prefers-color-scheme", "dark")
			}
			do(t, ctx, chromedp.Navigate(serverURL+"/embed/en/"+slug+".html"+query))
			readStill(t, ctx, slug)
			// The colour an element of the still is painted in, as rgb().
			still := eval[[]string](t, ctx, `(() => {
			  const paint = (sel, prop) => { const el = document.querySelector(".chart-still--wide " + sel); return el ? getComputedStyle(el)[prop] : "none"; };
			  return [paint('[stroke="#dbdee4"]', "stroke"), paint('text[fill="#54555a"]', "fill")];
			})()`)
			intend(t, ctx)
			waitFor(t, ctx, `!!document.querySelector(".chart canvas")`)
			// The live chart's split line and axis label colours, as the
			// page's CSS would paint them.
			live := eval[[]string](t, ctx, `(() => {
			  const axis = echarts.getInstanceByDom(document.querySelector(".chart")).getModel().getComponent("xAxis");
			  const css = (c) => { const el = document.createElement("i"); el.style.color = c; document.body.append(el); const v = getComputedStyle(el).color; el.remove(); return v; };
			  return [css(axis.get(["splitLine", "lineStyle", "color"])), css(axis.get(["axisLabel", "color"]))];
			})()`)
			if still[0] == "none" || still[0] != live[0] || still[1] != live[1] {
				t.Errorf("the still's grid line and axis text are %v, the live chart's %v", still, live)
			}
			if still[0] == "rgb(219, 222, 228)" {
				t.Errorf("the still's grid lines keep the light theme's colour in the dark")
			}
		})
	}
}
