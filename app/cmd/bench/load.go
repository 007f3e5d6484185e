package main

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadPaths are what visits ask for: pages pre-rendered per request, the
// stylesheet, the chart specs and an embed page.
var loadPaths = []string{
	"/", "/?view=years&metric=fai_growth", "/district/tianhe", "/sources",
	stylesheet, "/spec/en.json", "/embed/en/gdp_growth-2024-districts.html",
}

// stylesheet stands for the stylesheet's fingerprinted path, which
// resolvePaths reads from the home page.
const stylesheet = "<stylesheet>"

// stylesheetPath matches the fingerprinted stylesheet's path.
var stylesheetPath = regexp.MustCompile(`/web/style\.[0-9a-f]+\.css`)

// outcome is one request: its path, how long it took, what came back.
type outcome struct {
	path     int
	latency  time.Duration
	bytes    int64
	encoding string
	err      error
}

// measureLoad sends a fixed number of requests from many concurrent
// clients over loopback, each asking for brotli, and reports throughput,
// latency percentiles and errors, overall and per path.
func measureLoad(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	paths, err := resolvePaths(base)
	if err != nil {
		return err
	}
	r.commands(
		e.cfg.bin+" -addr 127.0.0.1:0 -web "+e.cfg.web+"    # the explorer, at "+base+", logging each request as in production",
		cmd+"    # the clients: goroutines of this process, up to one keep-alive connection each, Accept-Encoding: br",
	)
	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: e.cfg.clients, DisableCompression: true},
	}
	for i := range paths {
		if o := fetch(client, base, paths, i); o.err != nil {
			return fmt.Errorf("warm-up: %w", o.err)
		}
	}
	r.para("Load average before: %s. The server and the clients share this machine's %d CPUs. The paths are requested in turn; "+
		"each path was fetched once before, to warm up.", loadAverage(), runtime.NumCPU())
	start := time.Now()
	outcomes := hammer(client, base, paths, e.cfg.clients, e.cfg.requests)
	writeLoad(r, paths, outcomes, time.Since(start), e.cfg.clients)
	return nil
}

// resolvePaths replaces the stylesheet placeholder with its fingerprinted
// path, as the home page links it.
func resolvePaths(base string) ([]string, error) {
	resp, err := http.Get(base + "/")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	home, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	css := stylesheetPath.Find(home)
	if css == nil {
		return nil, fmt.Errorf("the home page links no stylesheet matching %s", stylesheetPath)
	}
	paths := make([]string, len(loadPaths))
	for i, p := range loadPaths {
		if p == stylesheet {
			p = string(css)
		}
		paths[i] = p
	}
	return paths, nil
}

// hammer runs the clients until they have sent the requests between them.
func hammer(client *http.Client, base string, paths []string, clients, requests int) []outcome {
	outcomes := make([]outcome, requests)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				outcomes[i] = fetch(client, base, paths, i%len(paths))
			}
		})
	}
	wg.Wait()
	return outcomes
}

// fetch gets one path and times it.
func fetch(client *http.Client, base string, paths []string, path int) outcome {
	start := time.Now()
	n, encoding, err := get(client, base+paths[path])
	if err != nil {
		err = fmt.Errorf("GET %s: %w", paths[path], err)
	}
	return outcome{path: path, latency: time.Since(start), bytes: n, encoding: encoding, err: err}
}

// get asks for a URL in brotli and reads the whole body, as a browser
// would; any status but 200 is an error.
func get(client *http.Client, url string) (int64, string, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Accept-Encoding", "br")
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	switch {
	case err != nil:
		return n, "", fmt.Errorf("reading the body: %w", err)
	case resp.StatusCode != http.StatusOK:
		return n, "", fmt.Errorf("%s", resp.Status)
	}
	return n, resp.Header.Get("Content-Encoding"), nil
}

// writeLoad reports the run as a whole, then per path, then its errors.
func writeLoad(r *report, paths []string, outcomes []outcome, elapsed time.Duration, clients int) {
	var all []float64
	var bytes int64
	errs := map[string]int{}
	byPath := make([][]outcome, len(paths))
	for _, o := range outcomes {
		byPath[o.path] = append(byPath[o.path], o)
		if o.err != nil {
			errs[o.err.Error()]++
			continue
		}
		all = append(all, millis(o.latency))
		bytes += o.bytes
	}
	failed := len(outcomes) - len(all)
	r.table([]string{"clients", "requests", "errors", "time", "requests/s", "p50", "p99", "max", "received"}, [][]string{{
		fmt.Sprint(clients), fmt.Sprint(len(outcomes)), fmt.Sprint(failed), elapsed.Round(time.Millisecond).String(),
		fmt.Sprintf("%.0f", float64(len(outcomes))/elapsed.Seconds()),
		msOrNone(all, 50), msOrNone(all, 99), msOrNone(all, 100), megabytes(bytes),
	}})
	var rows [][]string
	for i, p := range paths {
		rows = append(rows, pathRow(p, byPath[i]))
	}
	r.table([]string{"path", "requests", "errors", "p50", "p99", "bytes per response", "encoding"}, rows)
	writeErrors(r, errs)
}

// pathRow sums up the requests of one path.
func pathRow(path string, outcomes []outcome) []string {
	var lat []float64
	var bytes int64
	encoding, failed := "", 0
	for _, o := range outcomes {
		if o.err != nil {
			failed++
			continue
		}
		lat = append(lat, millis(o.latency))
		bytes += o.bytes
		encoding = o.encoding
	}
	per := "n/a"
	if len(lat) > 0 {
		per = thousands(bytes / int64(len(lat)))
	}
	if encoding == "" {
		encoding = "none"
	}
	return []string{path, fmt.Sprint(len(outcomes)), fmt.Sprint(failed), msOrNone(lat, 50), msOrNone(lat, 99), per, encoding}
}

// writeErrors lists the distinct errors, most frequent first.
func writeErrors(r *report, errs map[string]int) {
	if len(errs) == 0 {
		return
	}
	msgs := make([]string, 0, len(errs))
	for m := range errs {
		msgs = append(msgs, m)
	}
	sort.Slice(msgs, func(i, j int) bool { return errs[msgs[i]] > errs[msgs[j]] })
	var rows [][]string
	for _, m := range msgs[:min(len(msgs), 10)] {
		rows = append(rows, []string{fmt.Sprint(errs[m]), strings.ReplaceAll(m, "\n", " ")})
	}
	r.table([]string{"count", "error"}, rows)
}

// millis is a duration in milliseconds.
func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// msOrNone is a percentile of latencies, or n/a when every request failed.
func msOrNone(lat []float64, p float64) string {
	if len(lat) == 0 {
		return "n/a"
	}
	return ms(percentile(lat, p))
}
