package e2e

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// sites are the two ways the explorer is served: by its own server, and as
// a static export under a sub-path on a plain file server.
func sites() map[string]string {
	return map[string]string{"server": serverURL, "static": staticURL}
}

func TestDeepLinkDrawsTheFigures(t *testing.T) {
	t.Parallel()
	want := districtsView("fai_growth", 2024, i18n.EN)
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			d := readChartAt(t, ctx, base+"/?metric=fai_growth&year=2024&lang=en", `o.series.target`)
			expectCategories(t, d, 0, want.names)
			expectSeries(t, d, "target", want.target)
			if got := fmt.Sprint(d.Labels["target"]); !strings.Contains(got, "≥18%") {
				t.Errorf("labels = %s, want the qualifier ≥ on Tianhe's at least 18%%", got)
			}
			heading := text(t, ctx, "h1")
			if heading != districtsTitle("fai_growth", 2024, i18n.EN) {
				t.Errorf("heading = %q", heading)
			}
			missing := text(t, ctx, ".chart-subtitle")
			if !strings.Contains(missing, "Not found in our sources: "+want.missing) {
				t.Errorf("the districts without a figure are not listed as %q: %q", want.missing, missing)
			}
		})
	}
}

// TestStartsOnlyWhenNeeded opens pages without any sign of intent. The
// server's pages are rendered for their address: they show their charts'
// stills, and neither ECharts nor the app loads until the reader moves
// the pointer. A static host serves the same page for every query: the
// app starts at once and shows what the address asks for.
func TestStartsOnlyWhenNeeded(t *testing.T) {
	t.Parallel()
	t.Run("server", func(t *testing.T) {
		ctx := newTab(t)
		requests := recordRequests(t, ctx)
		do(t, ctx, chromedp.Navigate(serverURL+"/?metric=fai_growth&year=2024&lang=en"))
		waitFor(t, ctx, `document.querySelectorAll(".chart .chart-still svg").length > 0`)
		time.Sleep(time.Second)
		if eval[bool](t, ctx, `!!window.echarts || !!window.gzAppRunning || !document.getElementById("app-wasm-loader")`) {
			t.Error("ECharts or the app loaded without a sign of intent on a page rendered for its address")
		}
		for _, u := range requests() {
			if strings.Contains(u, "echarts") || strings.Contains(u, ".wasm") {
				t.Errorf("requested before the reader's intent: %s", u)
			}
		}
		intend(t, ctx)
		d := readChart(t, ctx, ".chart", `o.series.target`)
		expectSeries(t, d, "target", districtsView("fai_growth", 2024, i18n.EN).target)
	})
	t.Run("static", func(t *testing.T) {
		ctx := newTab(t)
		do(t, ctx, chromedp.Navigate(staticURL+"/?metric=fai_growth&year=2024&lang=en"))
		d := readChart(t, ctx, ".chart", `o.series.target`)
		want := districtsView("fai_growth", 2024, i18n.EN)
		expectCategories(t, d, 0, want.names)
		expectSeries(t, d, "target", want.target)
		waitFor(t, ctx, fmt.Sprintf(`document.querySelector("h1").innerText === %q`, districtsTitle("fai_growth", 2024, i18n.EN)))
		do(t, ctx, chromedp.Navigate(staticURL+"/district/tianhe?lang=en"))
		waitFor(t, ctx, `document.querySelector("h1").innerText === "Tianhe: every figure"`)
	})
}

func TestStretchGoalAndReferencePanel(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	want := districtsView("gdp_growth", 2023, i18n.EN)
	d := readChartAt(t, ctx, serverURL+"/?metric=gdp_growth&year=2023&lang=en", `o.series.stretch`)
	expectSeries(t, d, "target", want.target)
	expectSeries(t, d, "stretch", want.stretch)
	expectCategories(t, d, 1, want.refNames)
	expectSeries(t, d, "reference", want.refTarget)
	expectSeries(t, d, "reference-actual", want.refActual)
}

// TestMetricControlAndBack changes the metric with the form control: the
// chart and the URL follow, and Back restores both.
func TestMetricControlAndBack(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			fai, gdp := districtsView("fai_growth", 2024, i18n.EN), districtsView("gdp_growth", 2024, i18n.EN)
			readChartAt(t, ctx, base+"/?metric=fai_growth&year=2024&lang=en", `o.series.target`)
			marker := eval[bool](t, ctx, `(window.__samePage = true)`)
			// The app fetches the language's charts when it starts, so that
			// the reader's first switch does not wait for them.
			waitFor(t, ctx, `performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname.endsWith("/spec/en.json"))`)
			choose(t, ctx, "#control-metric", "gdp_growth")
			d := readChart(t, ctx, ".chart", fmt.Sprintf(`o.series.target && o.series.target.join(" ") === %q`, gdp.target))
			expectCategories(t, d, 0, gdp.names)
			expectSeries(t, d, "target", gdp.target)
			if url := location(t, ctx); !strings.Contains(url, "metric=gdp_growth") || !strings.Contains(url, "year=2024") {
				t.Errorf("URL after the change = %s", url)
			}
			if marker && !eval[bool](t, ctx, `window.__samePage === true`) {
				t.Error("changing the metric reloaded the page instead of updating the chart in place")
			}
			do(t, ctx, chromedp.NavigateBack())
			d = readChart(t, ctx, ".chart", fmt.Sprintf(`o.series.target && o.series.target.join(" ") === %q`, fai.target))
			expectSeries(t, d, "target", fai.target)
			if url := location(t, ctx); !strings.Contains(url, "metric=fai_growth") {
				t.Errorf("URL after Back = %s", url)
			}
		})
	}
}

// TestChartsFetchedWithTheApp starts the app on the explorer, served both
// ways (a static host serves its Chinese page, for a reader who asks for
// Chinese), and on a district page: the language's charts are fetched once, from the site's
// own address, and that fetch starts before the app has even downloaded
// (app.js's gzFetchCharts), which the app's own fetch could not; the app
// takes that response rather than fetch them again.
func TestChartsFetchedWithTheApp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, site, page string
		lang             i18n.Lang
	}{
		{"server", serverURL, "/?lang=en", i18n.EN},
		{"static", staticURL, "/", i18n.ZH},
		{"district", serverURL, "/district/tianhe?lang=en", i18n.EN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := url.Parse(tt.site)
			if err != nil {
				t.Fatal(err)
			}
			path := site.Path + spec.BundlePath(tt.lang)
			ctx := acceptLanguage(t, string(tt.lang))
			do(t, ctx, chromedp.Navigate(tt.site+tt.page))
			waitApp(t, ctx)
			entries := fmt.Sprintf(`performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname.endsWith(%q))`, spec.BundlePath(tt.lang))
			waitFor(t, ctx, `(`+entries+`.length > 0 && !window.gzEarlyFetch) || `+entries+`.length > 1`)
			got := eval[struct {
				Paths        []string
				Taken, Early bool
			}](t, ctx, `(() => {
				const charts = `+entries+`;
				const wasm = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith(".wasm"));
				return {paths: charts.map((e) => new URL(e.name).pathname), taken: !window.gzEarlyFetch,
					early: !!wasm && charts[0].startTime < wasm.responseEnd};
			})()`)
			if len(got.Paths) != 1 || got.Paths[0] != path {
				t.Errorf("the charts were fetched from %v, want once from %s", got.Paths, path)
			}
			if !got.Taken || !got.Early {
				t.Errorf("the app took app.js's fetch: %v; it started before the app had downloaded: %v", got.Taken, got.Early)
			}
		})
	}
}

// TestSharedLinkReopensTheView opens a link with every parameter set in a
// fresh browser: the same view comes back.
func TestSharedLinkReopensTheView(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	want := districtsView("fai_total", 2024, i18n.ZH)
	d := readChartAt(t, ctx, serverURL+"/?view=districts&metric=fai_total&year=2024&lang=zh", `o.series.target`)
	expectCategories(t, d, 0, want.names)
	expectSeries(t, d, "target", want.target)
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "zh" {
		t.Errorf("<html lang> = %q, want zh", lang)
	}
}

func TestDistrictPage(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(base+"/district/tianhe?lang=en"))
			intend(t, ctx)
			readChart(t, ctx, ".chart", `o.series.target || o.series.actual`)
			if h := text(t, ctx, "h1"); h != "Tianhe: every figure" {
				t.Errorf("heading = %q", h)
			}
			rows := eval[int](t, ctx, `document.querySelectorAll("main section.year tr[data-record]").length`)
			if want := len(ds.Select(model.Filter{Region: "tianhe"})); rows != want {
				t.Errorf("%d figure rows, want %d", rows, want)
			}
			page := text(t, ctx, "main")
			gdp2023, _ := ds.Record("tianhe-2023-gdp_total-actual-year")
			for _, want := range []string{"at least 18%", "Sources disagree: qualifier", "增长18%以上", "an increase of about 18%", words.New(ds, i18n.EN).Value(*gdp2023)} {
				if !strings.Contains(page, want) {
					t.Errorf("the district page does not show %q", want)
				}
			}
			charts := eval[int](t, ctx, `document.querySelectorAll(".chart--profile").length`)
			if want := metricsOverYears("tianhe"); charts != want {
				t.Errorf("%d profile charts, want one per metric with figures in more than one year (%d)", charts, want)
			}
		})
	}
}

func TestSourcesPage(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(base+"/sources?lang=en"))
			waitApp(t, ctx)
			for _, s := range ds.Sources {
				sel := "#source-" + strings.TrimSuffix(s.ID, ".txt")
				rows := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel+" tbody tr"))
				if rows != s.Figures {
					t.Errorf("%s: %d figure rows, want %d", s.ID, rows, s.Figures)
				}
			}
			conflicts := eval[int](t, ctx, `document.querySelectorAll(".conflict-entry").length`)
			if conflicts != len(ds.Conflicts()) {
				t.Errorf("%d conflicts shown, want %d", conflicts, len(ds.Conflicts()))
			}
			if !strings.Contains(text(t, ctx, ".conflicts"), "增长18%以上") {
				t.Error("the conflict does not quote the sources")
			}
		})
	}
}

func TestTableHasEveryRecord(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(base+"/?view=table&lang=en"))
			waitApp(t, ctx)
			rows := eval[int](t, ctx, `document.querySelectorAll("table.records tbody tr[data-record]").length`)
			if rows != len(ds.Records) {
				t.Errorf("%d rows, want one per record (%d)", rows, len(ds.Records))
			}
		})
	}
}

func TestTableFilterAndSort(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(serverURL+"/?view=table&metric=gdp_growth&year=2024&sort=-value&lang=en"))
	waitApp(t, ctx)
	first := eval[[]string](t, ctx, `[...document.querySelectorAll("table.records tbody tr")].map(r => r.dataset.record)`)
	recs := ds.Select(model.Filter{Metric: "gdp_growth", Year: 2024})
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Value > recs[j].Value })
	var want []string
	for _, r := range recs {
		want = append(want, r.ID)
	}
	if strings.Join(first, " ") != strings.Join(want, " ") {
		t.Errorf("rows = %v, want %v", first, want)
	}
	choose(t, ctx, "#control-region", "liwan")
	liwan := len(ds.Select(model.Filter{Metric: "gdp_growth", Year: 2024, Region: "liwan"}))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll("table.records tbody tr").length === %d`, liwan))
}

// text returns the visible text of the first element matching sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%q) || {}).innerText || ""`, sel))
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `location.href`)
}

// choose picks an option in a select as a reader would, firing change,
// once the app has started (before, the form would submit to the server).
func choose(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	waitApp(t, ctx)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, value))
}

// waitApp shows intent, as a reader moving the mouse does, which starts the
// WebAssembly app, and waits until the app has taken over the page.
func waitApp(t *testing.T, ctx context.Context) {
	t.Helper()
	intend(t, ctx)
	waitFor(t, ctx, `!document.getElementById("app-wasm-loader")`)
}

// intend moves the mouse over the page: the first sign of intent, which
// starts the app once the page has painted, and has an embed page load its
// live chart. It moves twice, to two places, because a move to where the
// pointer already is (as after the last call) fires no pointer event.
func intend(t *testing.T, ctx context.Context) {
	t.Helper()
	intendAt(t, ctx, 4, 4)
}

// intendOn moves the mouse over the middle of the element sel, such as the
// embed panel's preview, whose page sees intent only over its own frame.
func intendOn(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	at := eval[[]float64](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, sel))
	intendAt(t, ctx, at[0], at[1])
}

func intendAt(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	do(t, ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+2, y+2),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
}

// waitFor waits until a JavaScript condition holds in the page.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}
