package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/chromium"
)

// files are the bench's own: probe.js times ECharts on any page,
// plain.html is the plain page, load.lua drives wrk.
//
//go:embed probe.js plain.html load.lua
var files embed.FS

// firstChartSlug is the chart the explorer draws first at /; the plain
// page and the embed page draw it too.
const firstChartSlug = "gdp_growth-2024-districts"

// frameMS is one frame at 60 Hz.
const frameMS = 1000.0 / 60

// startChromium starts the browser as the browser tests do (GUIDE §6).
func startChromium(e *env, r *report, cmd string) (context.Context, func(), error) {
	r.commands(cmd, e.cfg.chromium+" "+chromium.FlagLine()+" --window-size="+chromium.Window+"    # driven by chromedp")
	return chromium.Start(e.cfg.chromium)
}

// measureBrowser times the first chart of the explorer and of the plain
// page, loaded cold, then the explorer's redraw after a change of metric.
func measureBrowser(e *env, r *report, cmd string) error {
	plainURL, stopPlain, err := servePlain(e)
	if err != nil {
		return err
	}
	defer stopPlain()
	browser, stop, err := startChromium(e, r, cmd+"    # the plain page, Chromium and the probe")
	if err != nil {
		return err
	}
	defer stop()
	r.para("Load average before: %s. Every page load is cold: a new browser context, so no HTTP cache, service worker or compiled wasm from before. "+
		"Both pages come brotli-compressed over loopback, with the same ECharts file from the explorer's server, and are timed by the same script (app/cmd/bench/probe.js), "+
		"injected with CDP's Page.addScriptToEvaluateOnNewDocument: it wraps echarts.init and records performance.now(), which counts from the start of navigation, "+
		"at the first \"rendered\" frame and the first \"finished\" event (the end of the entry animation) of a chart still in the page. "+
		"\"charts created\" counts the echarts.init calls of the first run by then. The plain page draws %q from %s/spec/en.json; "+
		"the explorer renders / in the browser's language, English here (Accept-Language en-US), and the bench stops if the two differ.",
		loadAverage(), firstChartSlug, e.url)
	if err := firstChart(r, browser, e.url+"/", plainURL, e.cfg.runs); err != nil {
		return err
	}
	return metricSwitches(r, browser, e.url+"/", e.cfg.switches)
}

// servePlain serves on a free loopback port the baseline of the first
// chart: the least a page can do to draw it. plain.html draws the
// explorer's option in a box of its size, with the settings the explorer
// applies (ui.chartSetOption), and loads its ECharts, deferred; the page
// is sent brotli-compressed, as the explorer sends its pages.
func servePlain(e *env) (string, func(), error) {
	var bundle map[string]struct {
		Option  json.RawMessage // html/template writes it as it is, with <, > and & escaped
		Height  int
		ECharts string
	}
	b, err := get(e.url + "/spec/en.json")
	if err == nil {
		err = json.Unmarshal(b, &bundle)
	}
	chart, ok := bundle[firstChartSlug]
	if err != nil || !ok {
		return "", nil, fmt.Errorf("/spec/en.json: no chart %q: %v", firstChartSlug, err)
	}
	chart.ECharts = e.url + e.asset("echarts")
	var page bytes.Buffer
	w := brotli.NewWriterLevel(&page, brotli.BestCompression)
	if err := errors.Join(template.Must(template.ParseFS(files, "plain.html")).Execute(w, chart), w.Close()); err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br") // Chromium asks for it, on loopback too
		http.ServeContent(w, r, "plain.html", time.Time{}, bytes.NewReader(page.Bytes()))
	})
	go http.Serve(ln, mux)
	return "http://" + ln.Addr().String() + "/", func() { ln.Close() }, nil
}

// loadCold loads a page in a tab of a new browser context (nothing
// cached), the probe installed before the page's scripts, and waits for
// its first chart to finish; listen, if given, hears the tab's network
// events. It returns the tab, still open until limit.
func loadCold(browser context.Context, url string, limit time.Duration, listen func(ev any)) (context.Context, func(), firstTimes, error) {
	var t firstTimes
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(tab, limit)
	cancel := func() { cancelTimeout(); cancelTab() }
	probe, _ := files.ReadFile("probe.js")
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: string(probe)})
	if err == nil && listen != nil {
		_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	}
	if err == nil && listen != nil {
		err = chromedp.Listen(ctx, listen)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Navigate(url))
	}
	if err == nil {
		t, err = chromedp.Run(ctx, chromedp.Poll[firstTimes](`window.__benchProbe.first()`, chromedp.WithPollingTimeout(60*time.Second)))
	}
	if err != nil {
		cancel()
		return nil, nil, t, fmt.Errorf("loading %s with the probe, until its first chart: %w", url, err)
	}
	return ctx, cancel, t, nil
}

// firstTimes is what the probe's first() says of a page's first chart.
type firstTimes struct {
	Rendered, Finished float64
	Size, Lang         string
	Charts             int
}

// firstChart loads each page cold runs times, alternating, so that a
// change in the machine's load touches both alike.
func firstChart(r *report, browser context.Context, appURL, plainURL string, runs int) error {
	var rendered, finished [2][]float64 // explorer, plain
	var first [2]firstTimes
	for i := range 2 * runs {
		_, cancel, t, err := loadCold(browser, []string{appURL, plainURL}[i%2], 90*time.Second, nil)
		if err != nil {
			return err
		}
		cancel()
		if i < 2 {
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
	paint, done := median(rendered[0])/median(rendered[1]), median(finished[0])/median(finished[1])
	rows = append(rows, []string{"explorer ÷ plain", "", fmt.Sprintf("%.2f×", paint), "", fmt.Sprintf("%.2f×", done), "", "", ""})
	r.table([]string{"page", "cold runs", "first frame, median", "range", "finished, median", "range", "chart px", "charts created"}, rows)
	r.budget("first chart painted (first frame), explorer ÷ plain", rows[2][2], "≤ 1.5×", paint <= 1.5)
	r.budget("first chart finished (after the entry animation), explorer ÷ plain", rows[2][4], "≤ 1.5×", done <= 1.5)
	return nil
}

// metricSwitches times n switches of the explorer's metric to the chart's
// next frame; one that drew nothing within 5 s counts against the budget.
func metricSwitches(r *report, browser context.Context, appURL string, n int) error {
	// The tab has 90 s to load, then 5 s for each switch, the most one may take.
	ctx, cancel, _, err := loadCold(browser, appURL, 90*time.Second+time.Duration(n)*5*time.Second, nil)
	if err != nil {
		return err
	}
	defer cancel()
	var metrics []string // the app starts at the reader's first sign of intent, such as a mouse move
	if err = chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 4, 4)); err == nil {
		metrics, err = chromedp.Run(ctx, chromedp.Poll[[]string](`window.__benchProbe.otherMetrics()`, chromedp.WithPollingTimeout(60*time.Second)))
	}
	if err != nil || len(metrics) < 2 {
		return fmt.Errorf("waiting for the app at %s and its other metrics (%d found): %v", appURL, len(metrics), err)
	}
	list, _ := json.Marshal(metrics)
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Delays []float64
		Missed int
	}](fmt.Sprintf(`window.__benchProbe.switchMetrics(%s, %d)`, list, n), chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("switching metric: %w", err)
	}
	delays, missed := res.Delays, res.Missed
	r.para("A metric switch: the select #control-metric changes and fires \"change\", as a reader's choice does; " +
		"timed from just before the event to the chart's next rendered frame (ECharts' \"rendered\"), the page left still between switches.")
	if len(delays) == 0 {
		r.para("**No switch redrew the chart** within 5 s (%d tried).", missed)
		return nil
	}
	p95 := percentile(delays, 95)
	r.table([]string{"switches", "no redraw within 5 s", "median", "p95", "max", "p95 in 16.7 ms frames"}, [][]string{{
		fmt.Sprint(len(delays)), fmt.Sprint(missed), ms(median(delays)), ms(p95), ms(slices.Max(delays)), fmt.Sprintf("%.1f", p95/frameMS),
	}})
	r.budget("metric switch to the next frame, p95", fmt.Sprintf("%s (%.1f frames)", ms(p95), p95/frameMS), "≤ 2 frames (33.3 ms)", p95 <= 2*frameMS && missed == 0)
	return nil
}

// measureEmbed loads the first chart's embed page cold, counting the
// bytes on the wire and timing its first frame, against issue 4's budget:
// at most 400 KB, drawn within a second.
func measureEmbed(e *env, r *report, cmd string) error {
	browser, stop, err := startChromium(e, r, cmd+"    # Chromium, with the probe, counting Network.loadingFinished's encodedDataLength")
	if err != nil {
		return err
	}
	defer stop()
	url := e.url + "/embed/en/" + firstChartSlug + ".html"
	var sizes, times []float64
	var requested []string
	for range e.cfg.runs {
		var mu sync.Mutex // the listener runs on the tab's goroutine
		var size float64
		var names []string
		urls := map[network.RequestID]string{}
		_, cancel, t, err := loadCold(browser, url, 90*time.Second, func(ev any) {
			mu.Lock()
			defer mu.Unlock()
			switch ev := ev.(type) {
			case *network.EventRequestWillBeSent:
				urls[ev.RequestID] = ev.Request.URL
			case *network.EventLoadingFinished:
				size += ev.EncodedDataLength
				names = append(names, path.Base(urls[ev.RequestID]))
			}
		})
		if err != nil {
			return err
		}
		cancel()
		mu.Lock()
		sizes, times, requested = append(sizes, size), append(times, t.Rendered), names
		mu.Unlock()
	}
	r.para("Every load is cold (a new browser context), of %s, served brotli-compressed over loopback. "+
		"The bytes are what every response took on the wire, headers included (CDP's encodedDataLength); "+
		"the time runs from the start of navigation to the chart's first frame.", url)
	r.table([]string{"cold loads", "bytes on the wire, median", "range", "requests", "chart drawn, median", "range"}, [][]string{{
		fmt.Sprint(len(times)), fmt.Sprintf("%.0f (%.1f KB)", median(sizes), median(sizes)/1000), spread(sizes),
		fmt.Sprint(len(requested)), ms(median(times)), spread(times),
	}})
	wasm := "no .wasm among them"
	if slices.ContainsFunc(requested, func(n string) bool { return strings.HasSuffix(strings.SplitN(n, "?", 2)[0], ".wasm") }) {
		wasm = "**a .wasm among them**"
	}
	slices.Sort(requested)
	r.para("Requested: %s; %s.", strings.Join(requested, ", "), wasm)
	r.budget("embed page on the wire, cold", fmt.Sprintf("%.1f KB", median(sizes)/1000), "≤ 400 KB", median(sizes) <= 400_000)
	r.budget("embed chart drawn, cold", ms(median(times)), "≤ 1 s", median(times) <= 1000)
	return nil
}

// categoryBudgets are the least scores accepted, in Lighthouse's order:
// Lighthouse 13 has no budgets, and Lighthouse CI brings its own version.
var categoryBudgets = []struct {
	id    string
	least float64
}{{"performance", 0.90}, {"accessibility", 1}, {"best-practices", 1}, {"seo", 1}}

// lighthouseMetrics are the metric audits the report shows, and their names.
var lighthouseMetrics = [][2]string{{"largest-contentful-paint", "LCP"}, {"cumulative-layout-shift", "CLS"},
	{"total-blocking-time", "TBT"}, {"first-contentful-paint", "FCP"}, {"speed-index", "Speed Index"}}

// lighthouseResult is the part of Lighthouse's JSON report the bench reads.
type lighthouseResult struct {
	LighthouseVersion string
	RuntimeError      *struct{ Code, Message string }
	Categories        map[string]struct{ Score *float64 }
	Audits            map[string]struct {
		DisplayValue string
		Score        *float64
	}
}

// measureLighthouse runs Lighthouse's mobile audit of the home page with
// Debian's Chromium and reports its JSON report's scores and metrics. It
// gets three attempts: it sometimes fails to record its trace
// (NO_NAVSTART), and passes when run again.
func measureLighthouse(e *env, r *report, cmd string) error {
	out := filepath.Join(filepath.Dir(e.cfg.out), "lighthouse")
	args := []string{e.cfg.lighthouse, e.url + "/", "--output=json", "--output=html", "--output-path=" + out, "--quiet", "--chrome-flags=" + chromium.FlagLine()}
	r.commands("CHROME_PATH="+e.cfg.chromium+" "+shellJoin(args), cmd+"    # runs it (again if its trace fails) and reads the JSON")
	var res lighthouseResult
	for attempt := 1; ; attempt++ {
		os.Remove(out + ".report.json")
		lh := exec.Command(args[0], args[1:]...)
		lh.Env = append(os.Environ(), "CHROME_PATH="+e.cfg.chromium)
		_, err := runCommand(lh)
		if b, readErr := os.ReadFile(out + ".report.json"); readErr == nil {
			err = json.Unmarshal(b, &res)
		}
		if err == nil && res.RuntimeError != nil && res.RuntimeError.Code != "" {
			err = fmt.Errorf("lighthouse: %s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
		}
		if err == nil {
			r.para("Lighthouse %s on Node.js %s; attempt %d of at most 3; load average before: %s. Its own report, with every audit: %s.report.html.",
				res.LighthouseVersion, firstLine("node", "--version"), attempt, loadAverage(), out)
			break
		}
		if attempt == 3 {
			return fmt.Errorf("%d attempts failed; the last: %w", attempt, err)
		}
		fmt.Fprintf(os.Stderr, "bench: lighthouse attempt %d failed: %v\n", attempt, err)
	}
	var rows, metrics [][]string
	for _, b := range categoryBudgets {
		s, least := res.Categories[b.id].Score, fmt.Sprintf("≥ %.2f", b.least)
		rows = append(rows, []string{b.id, scoreText(s), least, r.budget("Lighthouse "+b.id, scoreText(s), least, s != nil && *s >= b.least)})
		delete(res.Categories, b.id)
	}
	for _, id := range slices.Sorted(maps.Keys(res.Categories)) { // those GUIDE §7 sets no budget for
		rows = append(rows, []string{id, scoreText(res.Categories[id].Score), "", ""})
	}
	r.table([]string{"category", "score", "budget", "verdict"}, rows)
	for _, m := range lighthouseMetrics {
		metrics = append(metrics, []string{m[1], res.Audits[m[0]].DisplayValue, scoreText(res.Audits[m[0]].Score)})
	}
	r.table([]string{"metric (simulated mobile)", "value", "score"}, metrics)
	return nil
}

// scoreText formats a score, null when Lighthouse could not compute it.
func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *s)
}
