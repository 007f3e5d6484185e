//go:build !wasm

package server

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// loadTarget is one request of the load mix and the status it must get.
type loadTarget struct {
	path   string
	status int
}

// loadMix is what readers ask for: pages (pre-rendered on each request),
// assets, an embed page, downloads, and a few misses.
func loadMix(t testing.TB, s *Site) []loadTarget {
	embed := anyEmbed(t, s)
	return []loadTarget{
		{"/", 200},
		{"/?view=years&metric=fai_growth&lang=en", 200},
		{"/?view=table&sort=-value", 200},
		{"/district/tianhe", 200},
		{"/sources?lang=en", 200},
		{hashedPath(t, s, "/web/style.css"), 200},
		{hashedPath(t, s, "/web/echarts.common.min.js"), 200},
		{embed, 200},
		{"/data/targets.csv", 200},
		{"/app.js", 200},
		{"/nowhere", 404},
		{"/web/nope.js", 404},
	}
}

// loadResult is what a load run saw.
type loadResult struct {
	requests  int      // sent
	succeeded int      // answered in full with the expected status
	failures  []string // transport errors and unexpected statuses
	latencies []time.Duration
	elapsed   time.Duration
}

// serveForLoad starts the site behind the real server (timeouts, request
// log) on a loopback port.
func serveForLoad(t testing.TB) (string, []loadTarget) {
	s := testSite(t)
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(ln.Addr().String(), s, log.New(io.Discard, "", 0))
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), loadMix(t, s)
}

// runLoad sends perClient requests from each of clients concurrent
// clients, cycling through the mix, and stops at the deadline of ctx.
func runLoad(ctx context.Context, base string, mix []loadTarget, clients, perClient int) loadResult {
	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport}
	var (
		mu  sync.Mutex
		res loadResult
		wg  sync.WaitGroup
	)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := range perClient {
				target := mix[(c+i)%len(mix)]
				took, err := loadRequest(ctx, client, base+target.path, target.status)
				mu.Lock()
				res.requests++
				res.latencies = append(res.latencies, took)
				if err != nil {
					res.failures = append(res.failures, err.Error())
				} else {
					res.succeeded++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

// loadRequest gets a URL, reads the whole body and checks the status.
func loadRequest(ctx context.Context, client *http.Client, url string, status int) (time.Duration, error) {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := client.Do(req)
	if err != nil {
		return time.Since(start), err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return time.Since(start), fmt.Errorf("%s: reading: %w", url, err)
	}
	if res.StatusCode != status {
		return time.Since(start), fmt.Errorf("%s: status %d, want %d", url, res.StatusCode, status)
	}
	return time.Since(start), nil
}

// TestLoad has 300 concurrent clients send 1,200 requests on loopback
// within a bounded time: every one must succeed with its expected status
// (no transport error, no 5xx). Speed is measured by BenchmarkLoad, not
// asserted here.
func TestLoad(t *testing.T) {
	base, mix := serveForLoad(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res := runLoad(ctx, base, mix, 300, 4)
	if res.succeeded != 1200 {
		t.Errorf("%d of %d requests succeeded, want 1200", res.succeeded, res.requests)
	}
	if n := len(res.failures); n > 0 {
		t.Errorf("%d of %d requests failed, first: %s", n, res.requests, strings.Join(res.failures[:min(n, 5)], "; "))
	}
}

// BenchmarkLoad reports the throughput and the 99th-percentile latency of
// 300 concurrent clients on loopback.
func BenchmarkLoad(b *testing.B) {
	base, mix := serveForLoad(b)
	for b.Loop() {
		res := runLoad(context.Background(), base, mix, 300, 4)
		if len(res.failures) > 0 {
			b.Fatalf("%d requests failed, first: %s", len(res.failures), res.failures[0])
		}
		b.ReportMetric(float64(res.requests)/res.elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(res.latencies[len(res.latencies)*99/100].Microseconds())/1000, "p99-ms")
	}
}

// BenchmarkEmbedPage reports the throughput and the 99th-percentile
// latency of 300 concurrent clients asking for one embed page, which is
// compressed once at start-up.
func BenchmarkEmbedPage(b *testing.B) {
	base, _ := serveForLoad(b)
	mix := []loadTarget{{anyEmbed(b, testSite(b)), 200}}
	for b.Loop() {
		res := runLoad(context.Background(), base, mix, 300, 4)
		if len(res.failures) > 0 {
			b.Fatalf("%d requests failed, first: %s", len(res.failures), res.failures[0])
		}
		b.ReportMetric(float64(res.requests)/res.elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(res.latencies[len(res.latencies)*99/100].Microseconds())/1000, "p99-ms")
	}
}
