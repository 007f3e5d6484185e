package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"gztargets/app/chromium"
)

// Budget of issue 4: an embed page moves at most 400 KB over the wire on a
// cold load, and draws its chart within a second.
const (
	budgetEmbedBytes = 400_000
	budgetEmbedMS    = 1000.0
)

// embedPath is the embed page measured: the explorer's first chart.
const embedPath = "/embed/en/" + firstChartSlug + ".html"

// embedLoad is one cold load of an embed page.
type embedLoad struct {
	bytes    float64  // bytes received over the wire, compressed
	requests []string // what was requested, by path
	drawnMS  float64  // from navigation start to the chart's first frame
}

// measureEmbed loads an embed page cold several times, counting the bytes
// every response took on the wire and timing the chart's first frame.
func measureEmbed(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	browser, stop, err := chromium.Start(e.cfg.chromium)
	if err != nil {
		return err
	}
	defer stop()
	r.commands(
		e.cfg.bin+" -addr 127.0.0.1:0 -web "+e.cfg.web+"    # the explorer, at "+base,
		cmd+"    # Chromium, with the probe, counting Network.loadingFinished's encodedDataLength",
		chromiumCommand(e.cfg.chromium),
	)
	var loads []embedLoad
	for range e.cfg.runs {
		l, err := loadEmbed(browser, base+embedPath)
		if err != nil {
			return err
		}
		loads = append(loads, l)
	}
	writeEmbed(r, base+embedPath, loads)
	return nil
}

// loadEmbed loads the embed page in a fresh browser context and waits for
// its chart, recording every response's size on the wire.
func loadEmbed(browser context.Context, url string) (embedLoad, error) {
	ctx, cancel, err := coldTab(browser)
	if err != nil {
		return embedLoad{}, err
	}
	defer cancel()
	var mu sync.Mutex
	var l embedLoad
	paths := map[network.RequestID]string{}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return embedLoad{}, err
	}
	err = chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			paths[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			l.bytes += e.EncodedDataLength
			l.requests = append(l.requests, paths[e.RequestID])
		}
	})
	if err != nil {
		return embedLoad{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return embedLoad{}, fmt.Errorf("loading %s: %w", url, err)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Poll[float64](`(window.__benchProbe && window.__benchProbe.renders[0]) || 0`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		return embedLoad{}, fmt.Errorf("%s drew no chart: %w", url, err)
	}
	// Let late requests (an icon) finish, so that they are counted.
	time.Sleep(time.Second)
	mu.Lock()
	defer mu.Unlock()
	l.drawnMS = drawn
	return l, nil
}

// writeEmbed reports the bytes and the time against the budget, and what
// the page requested.
func writeEmbed(r *report, url string, loads []embedLoad) {
	var bytes, times []float64
	for _, l := range loads {
		bytes, times = append(bytes, l.bytes), append(times, l.drawnMS)
	}
	r.para("Every load is cold (a new browser context), of %s, served brotli-compressed over loopback. "+
		"The bytes are what every response took on the wire, headers included (CDP's encodedDataLength); "+
		"the time runs from the start of navigation to the chart's first frame.", url)
	r.table([]string{"cold loads", "bytes on the wire, median", "range", "requests", "chart drawn, median", "range"}, [][]string{{
		fmt.Sprint(len(loads)), fmt.Sprintf("%.0f (%.1f KB)", median(bytes), median(bytes)/1000), spread(bytes),
		fmt.Sprint(len(loads[0].requests)), ms(median(times)), spread(times),
	}})
	var names []string
	wasm := "no .wasm among them"
	for _, u := range loads[0].requests {
		name := u[strings.LastIndex(u, "/")+1:]
		names = append(names, name)
		if strings.HasSuffix(strings.SplitN(name, "?", 2)[0], ".wasm") {
			wasm = "**a .wasm among them**"
		}
	}
	slices.Sort(names)
	r.para("Requested: %s; %s.", strings.Join(names, ", "), wasm)
	r.budget("embed page on the wire, cold", fmt.Sprintf("%.1f KB", median(bytes)/1000), "≤ 400 KB", median(bytes) <= budgetEmbedBytes)
	r.budget("embed chart drawn, cold", ms(median(times)), "≤ 1 s", median(times) <= budgetEmbedMS)
}
