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
	"github.com/chromedp/cdproto/network"
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

// chromiumCommand is the browser as the harness of the browser tests
// starts it (GUIDE §6), driven over CDP by chromedp.
var chromiumCommand = "/usr/bin/chromium " + chromium.FlagLine() + " --window-size=" + chromium.Window + "    # driven by chromedp"

// measureBrowser times the first chart of the explorer and of the plain
// page, each loaded cold in a fresh browser context several times, and
// then the explorer's redraw after a change of metric.
func measureBrowser(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	plainURL, stopPlain, err := servePlain(base, e.cfg.web)
	if err != nil {
		return err
	}
	defer stopPlain()
	browser, stopBrowser, err := chromium.Start(e.cfg.chromium)
	if err != nil {
		return err
	}
	defer stopBrowser()
	r.commands(cmd+"    # the plain page, Chromium and the probe", chromiumCommand)
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

// coldTab opens a tab in a new browser context, with the probe installed
// for every document it loads, and loads url; listen, if given, hears the
// tab's network events.
func coldTab(browser context.Context, url string, listen func(ev any)) (context.Context, func(), error) {
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(tab, 90*time.Second)
	cancel := func() { cancelTimeout(); cancelTab() }
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS})
		if err == nil && listen != nil {
			_, err = cdp.Call(ctx, t, network.Enable, network.EnableParams{})
		}
		return err
	}))
	if err == nil && listen != nil {
		err = chromedp.Listen(ctx, listen)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Navigate(url))
	}
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("loading %s with the probe: %w", url, err)
	}
	return ctx, cancel, nil
}

// firstTimes are a page's first chart times, in ms from navigation start,
// as the probe's first() reports them.
type firstTimes struct {
	Rendered, Finished float64
	Size               string // of the chart first rendered
	Charts             int    // echarts.init calls by the time it finished
	Lang               string // of the page: the chart's text is in it
}

// loadCold loads a page in a fresh browser context and waits for its
// first chart to finish.
func loadCold(browser context.Context, url string, listen func(ev any)) (firstTimes, error) {
	var t firstTimes
	ctx, cancel, err := coldTab(browser, url, listen)
	if err != nil {
		return t, err
	}
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Poll[string](`window.__benchProbe.first()`, chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		return t, fmt.Errorf("%s drew no chart: %w", url, err)
	}
	return t, json.Unmarshal([]byte(raw), &t)
}

// firstChart loads each page cold runs times, alternating, so that a
// change in the machine's load touches both alike, and reports medians.
func firstChart(r *report, browser context.Context, appURL, plainURL string, runs int) error {
	var rendered, finished [2][]float64 // explorer, plain
	var first [2]firstTimes
	for i := range 2 * runs {
		t, err := loadCold(browser, []string{appURL, plainURL}[i%2], nil)
		switch {
		case err != nil:
			return err
		case i < 2:
			first[i] = t
		}
		if t.Lang != first[0].Lang {
			return fmt.Errorf("the explorer drew its chart in %q and the plain page in %q: text in another script costs another time", first[0].Lang, t.Lang)
		}
		rendered[i%2], finished[i%2] = append(rendered[i%2], t.Rendered), append(finished[i%2], t.Finished)
	}
	var rows [][]string
	for i, name := range []string{"explorer " + appURL, "plain " + plainURL} {
		rows = append(rows, []string{name, fmt.Sprint(runs), ms(median(rendered[i])), spread(rendered[i]),
			ms(median(finished[i])), spread(finished[i]), first[i].Size, fmt.Sprint(first[i].Charts)})
	}
	paint, done := ratio(median(rendered[0]), median(rendered[1])), ratio(median(finished[0]), median(finished[1]))
	rows = append(rows, []string{"explorer ÷ plain", "", paint, "", done, "", "", ""})
	r.table([]string{"page", "cold runs", "first frame, median", "range", "finished, median", "range", "chart px", "charts created"}, rows)
	limit := fmt.Sprintf("≤ %.1f×", budgetFirstChart)
	r.budget("first chart painted (first frame), explorer ÷ plain", paint, limit, median(rendered[0]) <= budgetFirstChart*median(rendered[1]))
	r.budget("first chart finished (after the entry animation), explorer ÷ plain", done, limit, median(finished[0]) <= budgetFirstChart*median(finished[1]))
	return nil
}

// metricSwitches switches the explorer's metric n times, cycling through
// the metrics, and reports the delay to the next frame of the chart; a
// switch that drew nothing within 5 s counts against the budget.
func metricSwitches(r *report, browser context.Context, appURL string, n int) error {
	ctx, cancel, err := coldTab(browser, appURL, nil)
	if err != nil {
		return err
	}
	defer cancel()
	// The app starts at the reader's first sign of intent; a mouse move is one.
	err = chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 4, 4))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("app-wasm-loader") && window.__benchProbe.finishes.length > 0`,
			chromedp.WithPollingTimeout(60*time.Second)))
	}
	var metrics []string
	if err == nil {
		metrics, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#control-metric option"))`+
			`.map((o) => o.value).filter((v) => v && v !== document.querySelector("#control-metric").value)`))
	}
	if err != nil || len(metrics) < 2 {
		return fmt.Errorf("waiting for the app at %s and its other metrics (%d found): %v", appURL, len(metrics), err)
	}
	var delays []float64
	missed := 0
	for i := 0; len(delays)+missed < n; i++ {
		d, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`window.__benchProbe.switchMetric(%q)`,
			metrics[i%len(metrics)]), chromedp.EvalAwaitPromise))
		switch {
		case err != nil:
			return fmt.Errorf("switching metric: %w", err)
		case d < 0:
			missed++
		default:
			delays = append(delays, d)
		}
	}
	r.para("A metric switch: the select #control-metric changes and fires \"change\", as a reader's choice does; " +
		"timed from just before the event to the chart's next rendered frame (ECharts' \"rendered\"), " +
		"the page left still between switches.")
	if len(delays) == 0 {
		r.para("**No switch redrew the chart** within 5 s (%d tried).", missed)
		return nil
	}
	p95 := percentile(delays, 95)
	r.table([]string{"switches", "no redraw within 5 s", "median", "p95", "max", "p95 in 16.7 ms frames"}, [][]string{{
		fmt.Sprint(len(delays)), fmt.Sprint(missed), ms(median(delays)), ms(p95), ms(slices.Max(delays)), fmt.Sprintf("%.1f", p95/frameMS),
	}})
	r.budget("metric switch to the next frame, p95", fmt.Sprintf("%s (%.1f frames)", ms(p95), p95/frameMS),
		"≤ 2 frames (33.3 ms)", p95 <= budgetSwitch && missed == 0)
	return nil
}
