package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/chromium"
)

// probeJS times ECharts on any page; see the file.
//
//go:embed probe.js
var probeJS string

// firstChartSlug is the chart the explorer draws first at /, which the
// plain page draws too.
const firstChartSlug = "gdp_growth-2024-districts"

// frameMS is one frame at 60 Hz.
const frameMS = 1000.0 / 60

// Budgets of GUIDE §7: the first chart within 1.5× the plain page, and a
// switch of metric drawn within two frames.
const (
	budgetFirstChart = 1.5
	budgetSwitch     = 2 * frameMS
)

// measureBrowser times the first chart of the explorer and of the plain
// page, each loaded cold in a fresh browser context several times, and
// then the explorer's redraw after a change of metric.
func measureBrowser(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	option, height, err := chartOption(base, firstChartSlug)
	if err != nil {
		return err
	}
	plainURL, stopPlain, err := servePlain(e.cfg.web, option, height)
	if err != nil {
		return err
	}
	defer stopPlain()
	browser, stopBrowser, err := chromium.Start(e.cfg.chromium)
	if err != nil {
		return err
	}
	defer stopBrowser()
	r.commands(
		e.cfg.bin+" -addr 127.0.0.1:0 -web "+e.cfg.web+"    # the explorer, at "+base,
		cmd+"    # the plain page, Chromium and the probe",
		chromiumCommand(e.cfg.chromium),
	)
	r.para("Load average before: %s. Every page load is cold: a new browser context, so no HTTP cache, "+
		"service worker or compiled wasm from before. Both pages come brotli-compressed over loopback, "+
		"and are timed by the same script (app/cmd/bench/probe.js), injected with CDP's "+
		"Page.addScriptToEvaluateOnNewDocument: it wraps echarts.init and records performance.now(), "+
		"which counts from the start of navigation, at the first \"rendered\" frame and the first "+
		"\"finished\" event (the end of the entry animation) of a chart still in the page. "+
		"\"charts created\" counts the echarts.init calls of the first run by then. The plain page draws %q from %s/spec/en.json; the explorer "+
		"renders / in the browser's language, English here (Accept-Language en-US), and the bench stops if the two differ.",
		loadAverage(), firstChartSlug, base)
	if err := firstChart(r, browser, base+"/", plainURL, e.cfg.runs); err != nil {
		return err
	}
	return metricSwitches(r, browser, base+"/", e.cfg.switches)
}

// chromiumCommand is the browser as the harness of the browser tests
// starts it (GUIDE §6), driven over CDP by chromedp.
func chromiumCommand(path string) string {
	return path + " " + chromium.FlagLine() + " --window-size=" + chromium.Window + "    # driven by chromedp"
}

// coldTab opens a tab in a new browser context, with the probe installed
// for every document it loads.
func coldTab(browser context.Context) (context.Context, func(), error) {
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(tab, 90*time.Second)
	cancel := func() { cancelTimeout(); cancelTab() }
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS})
		return err
	}))
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("installing the probe: %w", err)
	}
	return ctx, cancel, nil
}

// firstTimes are a page's first chart times, in ms from navigation start.
type firstTimes struct {
	Rendered float64 `json:"rendered"`
	Finished float64 `json:"finished"`
	Size     string  `json:"size"`   // of the chart first rendered
	Charts   int     `json:"charts"` // echarts.init calls by the time it finished
	Lang     string  `json:"lang"`   // of the page: the chart's text is in it
}

// firstChartJS reads the probe once the first chart has finished.
const firstChartJS = `(() => {
  const p = window.__benchProbe;
  if (!p || !p.renders.length || !p.finishes.length) return null;
  return JSON.stringify({rendered: p.renders[0], finished: p.finishes[0], size: p.firstSize, charts: p.inits, lang: document.documentElement.lang});
})()`

// loadCold loads a page in a fresh browser context and waits for its
// first chart.
func loadCold(browser context.Context, url string) (firstTimes, error) {
	ctx, cancel, err := coldTab(browser)
	if err != nil {
		return firstTimes{}, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return firstTimes{}, fmt.Errorf("loading %s: %w", url, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Poll[string](firstChartJS, chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		return firstTimes{}, fmt.Errorf("%s drew no chart: %w", url, err)
	}
	var t firstTimes
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return firstTimes{}, fmt.Errorf("reading the probe: %w", err)
	}
	return t, nil
}

// firstChart loads each page cold runs times, alternating, so that a
// change in the machine's load touches both alike, and reports medians.
func firstChart(r *report, browser context.Context, appURL, plainURL string, runs int) error {
	var app, plain []firstTimes
	for range runs {
		a, err := loadCold(browser, appURL)
		if err != nil {
			return err
		}
		p, err := loadCold(browser, plainURL)
		if err != nil {
			return err
		}
		if a.Lang != p.Lang {
			return fmt.Errorf("the explorer drew its chart in %q and the plain page in %q: text in another script costs another time", a.Lang, p.Lang)
		}
		app, plain = append(app, a), append(plain, p)
	}
	appRendered, plainRendered := median(rendered(app)), median(rendered(plain))
	appFinished, plainFinished := median(finished(app)), median(finished(plain))
	row := func(name string, ts []firstTimes) []string {
		return []string{name, fmt.Sprint(len(ts)), ms(median(rendered(ts))), spread(rendered(ts)),
			ms(median(finished(ts))), spread(finished(ts)), ts[0].Size, fmt.Sprint(ts[0].Charts)}
	}
	r.table([]string{"page", "cold runs", "first frame, median", "range", "finished, median", "range", "chart px", "charts created"}, [][]string{
		row("explorer "+appURL, app), row("plain "+plainURL, plain),
		{"explorer ÷ plain", "", ratio(appRendered, plainRendered), "", ratio(appFinished, plainFinished), "", "", ""},
	})
	r.budget("first chart painted (first frame), explorer ÷ plain", ratio(appRendered, plainRendered),
		fmt.Sprintf("≤ %.1f×", budgetFirstChart), appRendered <= budgetFirstChart*plainRendered)
	r.budget("first chart finished (after the entry animation), explorer ÷ plain", ratio(appFinished, plainFinished),
		fmt.Sprintf("≤ %.1f×", budgetFirstChart), appFinished <= budgetFirstChart*plainFinished)
	return nil
}

// rendered lists the times of the first frames.
func rendered(ts []firstTimes) []float64 {
	out := make([]float64, len(ts))
	for i, t := range ts {
		out[i] = t.Rendered
	}
	return out
}

// finished lists the times the first charts finished.
func finished(ts []firstTimes) []float64 {
	out := make([]float64, len(ts))
	for i, t := range ts {
		out[i] = t.Finished
	}
	return out
}

// switchJS changes the metric as a reader does and resolves with the ms
// from the change to the chart's next rendered frame, once the chart has
// also finished, so that the next switch starts from a still chart; -1 if
// nothing was drawn within 5 s.
const switchJS = `new Promise((resolve) => {
  const p = window.__benchProbe;
  const select = document.querySelector("#control-metric");
  const t0 = performance.now();
  select.value = %q;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  const check = () => {
    const drawn = p.renders.find((t) => t > t0);
    const done = p.finishes.find((t) => t > t0);
    if (drawn !== undefined && done !== undefined) resolve(drawn - t0);
    else if (performance.now() - t0 > 5000) resolve(drawn === undefined ? -1 : drawn - t0);
    else setTimeout(check, 25);
  };
  check();
})`

// appReadyJS holds once the wasm app runs and has drawn its chart.
const appReadyJS = `!document.getElementById("app-wasm-loader") && !!window.__benchProbe && window.__benchProbe.finishes.length > 0`

// metricSwitches switches the explorer's metric n times, cycling through
// the metrics, and reports the delay to the next frame of the chart.
func metricSwitches(r *report, browser context.Context, appURL string, n int) error {
	ctx, cancel, err := coldTab(browser)
	if err != nil {
		return err
	}
	defer cancel()
	// The app starts at the reader's first sign of intent; a mouse move is one.
	if err := chromedp.Do(ctx, chromedp.Navigate(appURL), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 4, 4)); err != nil {
		return fmt.Errorf("loading %s: %w", appURL, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](appReadyJS, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		return fmt.Errorf("waiting for the app at %s: %w", appURL, err)
	}
	metrics, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#control-metric option")).map((o) => o.value).filter((v) => v)`))
	if err != nil || len(metrics) < 2 {
		return fmt.Errorf("reading the metrics of #control-metric (%d found): %v", len(metrics), err)
	}
	current, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#control-metric").value`))
	if err != nil {
		return err
	}
	var delays []float64
	missed := 0
	for i := 0; len(delays)+missed < n; i++ {
		next := metrics[i%len(metrics)]
		if next == current {
			continue
		}
		d, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(switchJS, next), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("switching to %s: %w", next, err)
		}
		if d < 0 {
			missed++
		} else {
			delays = append(delays, d)
		}
		current = next
	}
	writeSwitches(r, delays, missed)
	return nil
}

// writeSwitches reports the delays of the metric switches against the
// two-frame budget; a switch that drew nothing counts against it.
func writeSwitches(r *report, delays []float64, missed int) {
	r.para("A metric switch: the select #control-metric changes and fires \"change\", as a reader's choice does; " +
		"timed from just before the event to the chart's next rendered frame (ECharts' \"rendered\"), " +
		"the page left still between switches.")
	if len(delays) == 0 {
		r.para("**No switch redrew the chart** within 5 s (%d tried).", missed)
		return
	}
	p95 := percentile(delays, 95)
	r.table([]string{"switches", "no redraw within 5 s", "median", "p95", "max", "p95 in 16.7 ms frames"}, [][]string{{
		fmt.Sprint(len(delays)), fmt.Sprint(missed), ms(median(delays)), ms(p95), ms(slices.Max(delays)),
		fmt.Sprintf("%.1f", p95/frameMS),
	}})
	r.budget("metric switch to the next frame, p95", fmt.Sprintf("%s (%.1f frames)", ms(p95), p95/frameMS),
		"≤ 2 frames (33.3 ms)", p95 <= budgetSwitch && missed == 0)
}
