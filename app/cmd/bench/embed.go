package main

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"

	"gztargets/app/chromium"
)

// Budget of issue 4: an embed page moves at most 400 KB over the wire on a
// cold load, and draws its chart within a second.
const (
	budgetEmbedBytes = 400_000
	budgetEmbedMS    = 1000.0
)

// measureEmbed loads the embed page of the explorer's first chart cold
// several times, counting the bytes every response took on the wire and
// timing the chart's first frame.
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
	url := base + "/embed/en/" + firstChartSlug + ".html"
	r.commands(cmd+"    # Chromium, with the probe, counting Network.loadingFinished's encodedDataLength", chromiumCommand)
	var bytes, times []float64
	var requested []string
	for range e.cfg.runs {
		b, t, names, err := loadEmbed(browser, url)
		if err != nil {
			return err
		}
		bytes, times, requested = append(bytes, b), append(times, t), names
	}
	r.para("Every load is cold (a new browser context), of %s, served brotli-compressed over loopback. "+
		"The bytes are what every response took on the wire, headers included (CDP's encodedDataLength); "+
		"the time runs from the start of navigation to the chart's first frame.", url)
	r.table([]string{"cold loads", "bytes on the wire, median", "range", "requests", "chart drawn, median", "range"}, [][]string{{
		fmt.Sprint(len(times)), fmt.Sprintf("%.0f (%.1f KB)", median(bytes), median(bytes)/1000), spread(bytes),
		fmt.Sprint(len(requested)), ms(median(times)), spread(times),
	}})
	wasm := "no .wasm among them"
	if slices.ContainsFunc(requested, func(n string) bool { return strings.HasSuffix(strings.SplitN(n, "?", 2)[0], ".wasm") }) {
		wasm = "**a .wasm among them**"
	}
	slices.Sort(requested)
	r.para("Requested: %s; %s.", strings.Join(requested, ", "), wasm)
	r.budget("embed page on the wire, cold", fmt.Sprintf("%.1f KB", median(bytes)/1000), "≤ 400 KB", median(bytes) <= budgetEmbedBytes)
	r.budget("embed chart drawn, cold", ms(median(times)), "≤ 1 s", median(times) <= budgetEmbedMS)
	return nil
}

// loadEmbed loads the embed page in a fresh browser context and waits for
// its chart to finish, by when the page has made its requests. It returns
// the bytes of every response on the wire, the ms to the chart's first
// frame and the names of the files requested.
func loadEmbed(browser context.Context, url string) (float64, float64, []string, error) {
	var mu sync.Mutex
	var bytes float64
	var names []string
	urls := map[network.RequestID]string{}
	t, err := loadCold(browser, url, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			bytes += ev.EncodedDataLength
			names = append(names, path.Base(urls[ev.RequestID]))
		}
	})
	mu.Lock()
	defer mu.Unlock()
	return bytes, t.Rendered, names, err
}
