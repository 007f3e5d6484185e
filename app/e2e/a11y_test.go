package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gztargets/app/i18n"
)

// axeViolation is one rule that axe-core found broken, with a few of the
// elements that break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe injects axe-core (fetched by `make test` from npm, pinned) into
// the page and returns the violations of every rule it runs by default:
// WCAG 2.0–2.2 A and AA, and best practices.
func runAxe(t *testing.T, ctx context.Context) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "build", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing: run `make test`, which fetches it: %v", err)
	}
	eval[bool](t, ctx, string(src)+";true")
	raw := eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary)
	}))))`, chromedp.EvalAwaitPromise)
	var out []axeViolation
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// a11yPages are the pages axe checks, each with what to wait for.
var a11yPages = []struct {
	path, ready string
}{
	{"/", ".chart canvas"},
	{"/?view=districts&metric=gdp_growth&year=2024", ".chart canvas"},
	{"/?view=years&metric=fai_growth", ".chart canvas"},
	{"/?view=cascade&metric=gdp_growth&year=2024", ".chart canvas"},
	{"/?view=map&metric=gdp_growth&year=2024", ".chart canvas"},
	{"/coverage", ".coverage-grid"},
	{"/?view=table", "table.records tbody tr"},
	{"/district/tianhe", ".chart canvas"},
	{"/sources", ".source"},
}

// TestAccessibility runs axe-core on every kind of page, in both
// languages, and in both colour schemes: no violations. Each page is
// checked in the light scheme, then switched to the dark one in place,
// as a reader's system does at dusk, and checked again.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		for _, p := range a11yPages {
			url := serverURL + p.path + sep(p.path) + "lang=" + lang
			t.Run(p.path+" "+lang, func(t *testing.T) {
				t.Parallel()
				// axe takes some 20 s on the longest pages (sources, the
				// table) alone, twice, and longer beside other tests.
				ctx := newTabWithin(t, 5*time.Minute)
				emulateMedia(t, ctx, "prefers-color-scheme", "light")
				do(t, ctx, chromedp.Navigate(url))
				waitApp(t, ctx)
				waitFor(t, ctx, fmt.Sprintf(`!!document.querySelector(%q)`, p.ready))
				for _, scheme := range []string{"light", "dark"} {
					emulateMedia(t, ctx, "prefers-color-scheme", scheme)
					waitFor(t, ctx, fmt.Sprintf(`matchMedia("(prefers-color-scheme: %s)").matches`, scheme))
					for _, v := range runAxe(t, ctx) {
						t.Errorf("%s: %s (%s): %s\n  %s", scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
					}
				}
			})
		}
	}
	t.Run("axe finds a planted violation", func(t *testing.T) {
		ctx := newTabWithin(t, 5*time.Minute)
		do(t, ctx, chromedp.Navigate(serverURL+"/sources?lang=en"))
		waitApp(t, ctx)
		eval[bool](t, ctx, `(document.querySelector("main").append(Object.assign(document.createElement("img"), {src: "/web/icon.svg"})), true)`)
		found := false
		for _, v := range runAxe(t, ctx) {
			found = found || v.ID == "image-alt"
		}
		if !found {
			t.Error("axe did not report an image without alternative text: the check is not running")
		}
	})
	t.Run("embed", func(t *testing.T) {
		for _, theme := range []string{"light", "dark"} {
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(serverURL+"/embed/en/gdp_growth-2024-districts.html?theme="+theme))
			// As a reader first sees it: the chart's still, before any
			// intent loads ECharts.
			waitFor(t, ctx, `!!document.querySelector(".chart .chart-still svg")`)
			for _, v := range runAxe(t, ctx) {
				t.Errorf("embed %s: %s (%s): %s\n  %s", theme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		}
	})
}

// sep is the separator that appends a parameter to a path.
func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

// emulateMedia sets a CSS media feature, such as prefers-color-scheme.
func emulateMedia(t *testing.T, ctx context.Context, feature, value string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: feature, Value: value}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKeyboardOnly reaches the metric control with Tab from the top of the
// page, changes it with the arrow key, and sees the chart update. The skip
// link comes first and every focused control shows a focus outline.
func TestKeyboardOnly(t *testing.T) {
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?metric=gdp_growth&year=2024&lang=en", `o.series.target`)
	waitApp(t, ctx)
	var visited []string
	for i := 0; i < 30; i++ {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		id := eval[string](t, ctx, `(document.activeElement.id || document.activeElement.className || document.activeElement.tagName)`)
		visited = append(visited, id)
		if outline := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
			t.Errorf("%s has focus but no visible outline", id)
		}
		if id == "control-metric" {
			break
		}
	}
	if visited[0] != "skip-link" {
		t.Errorf("the first Tab stop is %q, want the skip link", visited[0])
	}
	if visited[len(visited)-1] != "control-metric" {
		t.Fatalf("Tab never reached the metric control: %v", visited)
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	before := districtsView("gdp_growth", 2024, i18n.EN).target
	d := readChart(t, ctx, ".chart", fmt.Sprintf(`o.series.target && o.series.target.join(" ") !== %q`, before))
	if metric := eval[string](t, ctx, `document.getElementById("control-metric").value`); metric == "gdp_growth" {
		t.Fatal("the arrow key did not change the metric")
	}
	if url := location(t, ctx); strings.Contains(url, "metric=gdp_growth") {
		t.Errorf("the URL did not follow the keyboard change: %s", url)
	}
	if len(d.Series["target"]) == 0 {
		t.Error("the chart has no figures after the change")
	}
}

// TestTabStopsAreVisible tabs through pages with charts, whose figures are
// also in tables for screen readers only: every stop must be something a
// sighted reader sees, never an element of a hidden table where the focus
// disappears.
func TestTabStopsAreVisible(t *testing.T) {
	for _, path := range []string{"/?view=districts&metric=gdp_growth&year=2024&lang=en", "/district/tianhe?lang=zh"} {
		t.Run(path, func(t *testing.T) {
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(serverURL+path))
			waitApp(t, ctx)
			for i := 0; i < 150; i++ {
				do(t, ctx, chromedp.KeyEvent(kb.Tab))
				stop := eval[string](t, ctx, `(() => {
					const el = document.activeElement;
					if (el === document.body) return "end";
					const r = el.getBoundingClientRect();
					const hidden = el.closest(".sr-only") || r.width < 2 || r.height < 2;
					return hidden ? "hidden " + el.outerHTML.slice(0, 100) : "";
				})()`)
				if stop == "end" {
					return
				}
				if stop != "" {
					t.Fatalf("Tab stop %d is invisible: %s", i+1, stop)
				}
			}
		})
	}
}

// TestLanguage checks the language rules: the browser's language by
// default (English for one the site does not offer), from the first paint, from the server as from a static host;
// the lang parameter over it; a choice remembered, also one made before
// the app runs; and <html lang> always set.
func TestLanguage(t *testing.T) {
	t.Parallel()
	t.Run("browser language", func(t *testing.T) {
		for name, base := range sites() {
			year := ds.LatestResultYear("gdp_growth")
			for _, c := range []struct{ accept, want, heading string }{
				{"en-GB,en", "en", fmt.Sprintf("GDP growth by district, %d: targets against results", year)},
				{"zh-CN,zh", "zh", fmt.Sprintf("%d年各区地区生产总值增速：目标与实际", year)},
				// A language the site does not offer reads English.
				{"fr-FR,fr", "en", fmt.Sprintf("GDP growth by district, %d: targets against results", year)},
			} {
				t.Run(name+" "+c.accept, func(t *testing.T) {
					ctx := acceptLanguage(t, c.accept)
					do(t, ctx, chromedp.Navigate(base+"/"))
					// Before the app runs: the page the reader first sees.
					waitFor(t, ctx, fmt.Sprintf(`document.querySelector("h1").innerText === %q`, c.heading))
					waitApp(t, ctx)
					if h1 := text(t, ctx, "h1"); h1 != c.heading {
						t.Errorf("once the app runs, the heading reads %q", h1)
					}
					if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != c.want {
						t.Errorf("<html lang> = %q, want %q", lang, c.want)
					}
				})
			}
		}
	})
	t.Run("parameter, then remembered choice", func(t *testing.T) {
		for name, base := range sites() {
			t.Run(name, func(t *testing.T) {
				ctx := acceptLanguage(t, "zh-CN,zh")
				do(t, ctx, chromedp.Navigate(base+"/sources?lang=zh"))
				if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "zh" {
					t.Errorf("lang=zh: <html lang> = %q", lang)
				}
				// Chosen before the app runs, as a quick reader would.
				waitFor(t, ctx, `document.readyState === "complete"`)
				if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.lang-switch a[lang="en"]`))); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, `document.documentElement.lang === "en" && document.querySelector("h1").innerText === "Sources"`)
				do(t, ctx, chromedp.Navigate(base+"/district/baiyun"))
				waitFor(t, ctx, `document.querySelector("h1").innerText === "Baiyun: every figure"`)
				waitApp(t, ctx)
				if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "en" {
					t.Errorf("after choosing English, a page without lang reads %q", lang)
				}
				click(t, ctx, `.lang-switch a[lang="zh"]`)
				waitFor(t, ctx, `document.documentElement.lang === "zh"`)
				if stored := eval[string](t, ctx, `localStorage.getItem("gz-targets:lang")`); stored != "zh" {
					t.Errorf("choosing Chinese in the app stored %q", stored)
				}
			})
		}
	})
}

// acceptLanguage opens a tab whose browser asks for the given languages,
// in Accept-Language and navigator.language.
func acceptLanguage(t *testing.T, accept string) context.Context {
	t.Helper()
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate("about:blank"))
	if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
		UserAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome", AcceptLanguage: accept,
	}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// TestReducedMotionAndPatterns checks that prefers-reduced-motion turns
// the chart's animation off and that the pattern switch puts decals on.
func TestReducedMotionAndPatterns(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	emulateMedia(t, ctx, "prefers-reduced-motion", "reduce")
	readChartAt(t, ctx, serverURL+"/?metric=gdp_growth&year=2024&lang=en", `o.series.target`)
	waitApp(t, ctx)
	option := `echarts.getInstanceByDom(document.querySelector(".chart")).getOption()`
	decal := `[].concat(` + option + `.aria)[0].decal.show`
	waitFor(t, ctx, option+`.animation === false`)
	if eval[bool](t, ctx, decal) {
		t.Error("patterns are on before the reader asked for them")
	}
	click(t, ctx, "#control-decal")
	waitFor(t, ctx, decal+` === true`)
	do(t, ctx, chromedp.Reload())
	waitApp(t, ctx)
	waitFor(t, ctx, `document.getElementById("control-decal").checked && `+decal+` === true`)
}
