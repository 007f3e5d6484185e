package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/chromium"
	"gztargets/app/spec"
	"gztargets/app/ui"
	"gztargets/app/urlstate"
)

const (
	switches = 20          // how many metric switches are timed
	frameMS  = 1000.0 / 60 // one frame at 60 Hz
)

// startChromium starts the browser as the browser tests do (GUIDE §6).
func startChromium(r *report, cmd string) (context.Context, func(), error) {
	r.commands(cmd, chromium.Path+" "+chromium.FlagLine()+" --window-size="+chromium.Window+"    # driven by chromedp")
	return chromium.Start(chromium.Path)
}

// measureBrowser times the first chart of the explorer and of the plain
// page, loaded cold, then the explorer's redraw after a change of metric.
func measureBrowser(e *env, r *report, cmd string) error {
	var bundle spec.Bundle // the English charts
	b, err := get(e.url + "/spec/en.json")
	if err == nil {
		err = json.Unmarshal(b, &bundle)
	}
	chart, ok := bundle[e.firstSlug]
	if err != nil || !ok {
		return fmt.Errorf("/spec/en.json: no chart %q: %v", e.firstSlug, err)
	}
	// A chart's still in a page: a box of SVGs, one per layout.
	still := regexp.MustCompile(`(?s)<div class="chart-still".*?</div>`).FindString(e.home)
	if still == "" {
		return fmt.Errorf("the home page has no chart still: run `make web`")
	}
	data := struct {
		spec.Spec
		ECharts string
		Still   template.HTML // the explorer's own markup
	}{chart, e.url + e.asset("echarts"), template.HTML(still)}
	urls := []string{e.url + "/"}
	for _, name := range []string{"plain.html", "floor.html"} {
		s, err := servePage(name, data)
		if err != nil {
			return err
		}
		defer s.Close()
		urls = append(urls, s.URL+"/")
	}
	browser, stop, err := startChromium(r, cmd+"    # the plain page, Chromium and the probe")
	if err != nil {
		return err
	}
	defer stop()
	r.prose("browser", map[string]string{"Load": loadAverage(), "Slug": e.firstSlug, "URL": e.url})
	if err := firstChart(r, browser, urls[0], urls[1], urls[2], e.runs); err != nil {
		return err
	}
	return metricSwitches(r, browser, e.url+"/", func(metric string) bool {
		_, ok := bundle[ui.StateSlug(urlstate.Switch(e.landing, "metric", metric, e.ds))]
		return ok
	})
}

// servePage serves a page on a free loopback port, brotli-compressed, as
// the explorer sends its pages: a baseline of the first chart, the least a
// page can do to show it. plain.html draws the explorer's option with
// ECharts in a box of its size, with the settings the explorer applies
// (ui.chartSetOption), and loads its ECharts, deferred. floor.html holds
// the explorer's still of it, the inline SVG, and nothing else: the floor
// (issue 18). html/template writes the option, JSON, as it is, with <, >
// and & escaped.
func servePage(name string, data any) (*httptest.Server, error) {
	var page bytes.Buffer
	w := brotli.NewWriterLevel(&page, brotli.BestCompression)
	if err := errors.Join(template.Must(template.ParseFS(files, name)).Execute(w, data), w.Close()); err != nil {
		return nil, err
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br") // Chromium asks for it, on loopback too
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(page.Bytes()))
	})), nil
}

// coldLoad is what one cold load of a page gave: what the probe's first()
// says of its first chart and, if counted, what moved over the wire.
type coldLoad struct {
	Rendered, Finished float64
	Size, Lang         string
	Charts             int
	bytes              float64
	requests           []string
}

// loadOptions say how a cold load runs: wire counts each response's bytes,
// phone loads the page on the network and CPU of Lighthouse's mobile
// preset.
type loadOptions struct{ wire, phone bool }

// mobileNetwork is the network of Lighthouse's mobile preset ("slow 4G":
// 150 ms round trip, 1.6 Mbps down, 750 kbps up) as Lighthouse applies it
// with Chromium's own throttling (its "devtools" method): a request's
// latency 3.75 times the round trip, and 90% of the throughput.
var mobileNetwork = &network.Conditions{Latency: 150 * 3.75, DownloadThroughput: 1638.4 * 1024 / 8 * 0.9, UploadThroughput: 750 * 1024 / 8 * 0.9}

// mobileCPU is how much slower than the host Lighthouse's mobile preset
// runs the page.
const mobileCPU = 4

// loadCold loads a page in a tab of a new browser context (nothing
// cached), the probe installed before the page's scripts, and waits for
// its first chart to finish. It returns the tab, still open until limit.
func loadCold(browser context.Context, url string, limit time.Duration, o loadOptions) (context.Context, func(), coldLoad, error) {
	var mu sync.Mutex // the listener runs on the tab's goroutine
	var w coldLoad
	urls := map[network.RequestID]string{}
	tab, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext(), chromedp.WithListener(func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) { // only with wire or phone, which enable the network events
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			w.bytes += ev.EncodedDataLength
			w.requests = append(w.requests, path.Base(urls[ev.RequestID]))
		}
	}))
	ctx, cancelTimeout := context.WithTimeout(tab, limit)
	cancel := func() { cancelTimeout(); cancelTab() }
	probe, _ := files.ReadFile("probe.js")
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: string(probe)})
	if err == nil && (o.wire || o.phone) {
		_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	}
	if err == nil && o.phone {
		_, err = chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{mobileNetwork}})
		if err == nil {
			_, err = chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: mobileCPU})
		}
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Navigate(url))
	}
	var l coldLoad
	if err == nil {
		l, err = chromedp.Run(ctx, chromedp.Poll[coldLoad](`window.__benchProbe.first()`, chromedp.WithPollingTimeout(60*time.Second)))
	}
	if err != nil {
		cancel()
		return nil, nil, l, fmt.Errorf("loading %s with the probe, until its first chart: %w", url, err)
	}
	mu.Lock()
	defer mu.Unlock()
	l.bytes, l.requests = w.bytes, slices.Clone(w.requests)
	return ctx, cancel, l, nil
}

// pageRuns are the figures of a page's cold loads, and its first load.
type pageRuns struct {
	first                     coldLoad
	rendered, finished, bytes []float64
}

// coldRuns loads each page cold runs times, alternating, so that a change
// in the machine's load touches all alike.
func coldRuns(browser context.Context, runs int, o loadOptions, urls ...string) ([]pageRuns, error) {
	out := make([]pageRuns, len(urls))
	for i := range runs * len(urls) {
		_, cancel, l, err := loadCold(browser, urls[i%len(urls)], 90*time.Second, o)
		if err != nil {
			return nil, err
		}
		cancel()
		p := &out[i%len(urls)]
		if p.rendered == nil {
			p.first = l
		}
		p.rendered, p.finished, p.bytes = append(p.rendered, l.Rendered), append(p.finished, l.Finished), append(p.bytes, l.bytes)
	}
	return out, nil
}

// firstChart times the first chart of each page, loaded cold runs times,
// over loopback, then on a phone's network and CPU: the whole page there
// at once, where the browser reads and lays out all of it before it
// paints, and a page that arrives in parts, as it does for readers.
func firstChart(r *report, browser context.Context, appURL, plainURL, floorURL string, runs int) error {
	for _, o := range []loadOptions{{}, {phone: true}} {
		pages, err := coldRuns(browser, runs, o, appURL, plainURL, floorURL)
		if err != nil {
			return err
		}
		if pages[0].first.Lang != pages[1].first.Lang {
			return fmt.Errorf("the explorer drew its chart in %q and the plain page in %q: text in another script costs another time", pages[0].first.Lang, pages[1].first.Lang)
		}
		compareFirst(r, pages, map[bool]string{false: "loopback", true: "phone"}[o.phone], appURL, plainURL, floorURL)
	}
	return nil
}

// compareFirst reports the first chart of the explorer, the plain page
// and the floor, loaded in the named conditions, and the budgets that
// compare them.
func compareFirst(r *report, pages []pageRuns, conditions, appURL, plainURL, floorURL string) {
	ratio := func(name string, base pageRuns) (rendered, finished float64, row []string) {
		rendered, finished = median(pages[0].rendered)/median(base.rendered), median(pages[0].finished)/median(base.finished)
		return rendered, finished, []string{name, "", fmt.Sprintf("%.2f×", rendered), "", fmt.Sprintf("%.2f×", finished), "", "", ""}
	}
	rendered, finished, overPlain := ratio("explorer ÷ plain", pages[1])
	floorRendered, _, overFloor := ratio("explorer ÷ floor", pages[2])
	r.prose("first-"+conditions, nil)
	r.table(coldHeader, [][]string{pages[0].row("explorer " + appURL), pages[1].row("plain " + plainURL),
		pages[2].row("floor " + floorURL), overPlain, overFloor})
	// GUIDE §7: no later than on the plain page.
	r.budget("first chart painted (first frame), explorer ÷ plain, "+conditions, overPlain[2], "≤ 1.00×", rendered <= 1)
	r.budget("first chart finished (after the entry animation), explorer ÷ plain, "+conditions, overPlain[4], "≤ 1.00×", finished <= 1)
	r.budget("first chart painted, explorer ÷ floor (the same still, inline, in a plain page), "+conditions, overFloor[2], "≤ 1.15× (issue 18)", floorRendered <= 1.15)
}

// coldHeader heads a table of pageRuns' rows.
var coldHeader = []string{"page", "cold runs", "first frame, median", "range", "finished, median", "range", "chart px", "charts created"}

// row is the table row of a page's cold loads: the time to its first
// chart's first frame and to the end of its entry animation, median and
// range, and what the first load drew.
func (p pageRuns) row(name string) []string {
	return []string{name, fmt.Sprint(len(p.rendered)), ms(median(p.rendered)), spread(p.rendered), ms(median(p.finished)), spread(p.finished), p.first.Size, fmt.Sprint(p.first.Charts)}
}

// metricSwitches times the explorer's redraw after each of a number of
// switches of metric, cycling through the metrics whose chart of the
// home page's view the site publishes (a switch to another draws
// nothing); one that drew nothing within 5 s counts against the budget.
func metricSwitches(r *report, browser context.Context, appURL string, published func(metric string) bool) error {
	// The tab has 90 s to load, then 5 s for each switch, the most one may take.
	ctx, cancel, _, err := loadCold(browser, appURL, 90*time.Second+switches*5*time.Second, loadOptions{})
	if err != nil {
		return err
	}
	defer cancel()
	var options []string // the app starts at the reader's first sign of intent, such as a mouse move
	if err = chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 4, 4)); err == nil {
		options, err = chromedp.Run(ctx, chromedp.Poll[[]string](`window.__benchProbe.otherMetrics()`, chromedp.WithPollingTimeout(60*time.Second)))
	}
	metrics := slices.DeleteFunc(options, func(m string) bool { return !published(m) })
	if err != nil || len(metrics) < 2 {
		return fmt.Errorf("waiting for the app at %s and its other metrics with a chart (%d of %d): %v", appURL, len(metrics), len(options), err)
	}
	list, _ := json.Marshal(metrics)
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Delays []float64
		Missed int
	}](fmt.Sprintf(`window.__benchProbe.switchMetrics(%s, %d)`, list, switches), chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("switching metric: %w", err)
	}
	r.prose("switch", len(metrics))
	if len(res.Delays) == 0 {
		r.printf("**No switch redrew the chart** within 5 s (%d tried).\n\n", res.Missed)
		return nil
	}
	p95 := percentile(res.Delays, 95)
	r.table([]string{"switches", "no redraw within 5 s", "first", "median", "p95", "max", "p95 in 16.7 ms frames"}, [][]string{{
		fmt.Sprint(len(res.Delays)), fmt.Sprint(res.Missed), ms(res.Delays[0]), ms(median(res.Delays)), ms(p95), ms(slices.Max(res.Delays)), fmt.Sprintf("%.1f", p95/frameMS),
	}})
	r.budget("metric switch to the next frame, p95", fmt.Sprintf("%s (%.1f frames)", ms(p95), p95/frameMS), "≤ 2 frames (33.3 ms)", p95 <= 2*frameMS && res.Missed == 0)
	return nil
}

// measureEmbed loads the first chart's embed page cold, counting the
// bytes on the wire and timing its first frame.
func measureEmbed(e *env, r *report, cmd string) error {
	browser, stop, err := startChromium(r, cmd+"    # Chromium, with the probe, counting Network.loadingFinished's encodedDataLength")
	if err != nil {
		return err
	}
	defer stop()
	url := e.url + "/embed/en/" + e.firstSlug + ".html"
	pages, err := coldRuns(browser, e.runs, loadOptions{wire: true}, url)
	if err != nil {
		return err
	}
	p, requested := pages[0], slices.Sorted(slices.Values(pages[0].first.requests))
	size, drawn := median(p.bytes), median(p.rendered)
	r.prose("embed", url)
	r.table(slices.Concat(coldHeader, []string{"bytes on the wire, median", "range", "requests"}),
		[][]string{append(p.row("embed"), fmt.Sprintf("%.0f (%.1f KB)", size, size/1000), spread(p.bytes), fmt.Sprint(len(requested)))})
	wasm := slices.ContainsFunc(requested, func(n string) bool { return strings.HasSuffix(strings.SplitN(n, "?", 2)[0], ".wasm") })
	r.printf("Requested: %s; %s.\n\n", strings.Join(requested, ", "), map[bool]string{false: "no .wasm among them", true: "**a .wasm among them**"}[wasm])
	r.budget("embed page on the wire, cold", fmt.Sprintf("%.1f KB", size/1000), "≤ 400 KB", size <= 400_000)
	echarts := slices.ContainsFunc(requested, func(n string) bool { return strings.HasPrefix(n, "echarts") })
	r.budget("embed page before the reader's intent: on the wire, and ECharts requested", fmt.Sprintf("%.1f KB, %s", size/1000, map[bool]string{false: "no", true: "yes"}[echarts]), "≤ 60 KB, no (issue 18)", size <= 60_000 && !echarts)
	r.budget("embed page loads a .wasm", map[bool]string{false: "no", true: "yes"}[wasm], "no", !wasm)
	r.budget("embed chart drawn, cold", ms(drawn), "≤ 1 s (issue 4)", drawn <= 1000)
	return nil
}
