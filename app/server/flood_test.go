//go:build !wasm

package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// cachedLatencies asks n times for a cached page, one after the other, and
// returns the sorted latencies.
func cachedLatencies(t testing.TB, base string, n int) []time.Duration {
	client := &http.Client{}
	var out []time.Duration
	for range n {
		start := time.Now()
		res, err := client.Get(base + "/?lang=en")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("the cached page answered %d", res.StatusCode)
		}
		out = append(out, time.Since(start))
		time.Sleep(5 * time.Millisecond)
	}
	slices.Sort(out)
	return out
}

// floodP99 measures a cached page's 99th-percentile latency during a
// bounded flood of unique unknown parameters, on loopback.
func floodP99(t testing.TB) (p99 time.Duration) {
	base := "http://" + serveOnLoopback(t, testSite(t))
	cachedLatencies(t, base, 1) // cache it
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	flooded := make(chan struct{})
	go func() {
		hammer(ctx, base, 16, 3000, func(i int) loadTarget { return loadTarget{fmt.Sprintf("/sources?x=%d", i), 200} })
		close(flooded)
	}()
	time.Sleep(200 * time.Millisecond) // the flood is on
	lat := cachedLatencies(t, base, 200)
	cancel()
	<-flooded
	return lat[len(lat)*99/100]
}

// TestUnknownParamsKeepTheCache checks that pages with unknown parameters
// go to their own small cache, not the real pages' one, and that equal
// queries written in another order share one entry.
func TestUnknownParamsKeepTheCache(t *testing.T) {
	s := testSite(t)
	get(t, s, "GET", "/?lang=en&view=years")
	before := s.cache.size()
	get(t, s, "GET", "/?view=years&lang=en")
	for i := range 300 {
		get(t, s, "GET", fmt.Sprintf("/sources?x%d=%d", i, i))
	}
	if after := s.cache.size(); after != before {
		t.Errorf("the real pages' cache went from %d to %d bytes", before, after)
	}
	if n := s.oneOffs.size(); n > maxOneOffBytes {
		t.Errorf("the one-off cache holds %d bytes, over its %d", n, maxOneOffBytes)
	}
}

// TestRenderPoolFull fills the render pool: a page with an unknown
// parameter gets its canonical page, without waiting; an unknown path a
// plain 404; a cached page is served as usual.
func TestRenderPoolFull(t *testing.T) {
	shared := testSite(t)
	s := *shared
	s.renders = newRenderPool(1, 0)
	get(t, &s, "GET", "/sources")
	get(t, &s, "GET", "/?lang=en")
	s.renders.slots <- struct{}{} // every slot taken
	defer s.renders.release()
	res, body := get(t, &s, "GET", "/sources?utm_source=x")
	if res.StatusCode != 200 || !strings.Contains(body, `data-rendered="?"`) {
		t.Errorf("a page with an unknown parameter: status %d; want 200 with the canonical page", res.StatusCode)
	}
	if res, body := get(t, &s, "GET", "/nowhere-new"); res.StatusCode != 404 || strings.Contains(body, "<html") {
		t.Errorf("an unknown path: status %d; want a plain 404", res.StatusCode)
	}
	if res, _ := get(t, &s, "GET", "/?lang=en"); res.StatusCode != 200 {
		t.Errorf("a cached page: status %d", res.StatusCode)
	}
}

// BenchmarkCachedPageDuringFlood reports the p99 latency of a cached page
// during a bounded flood of unique unknown parameters on loopback (issue
// 16's goal: under 50 ms). It is a figure for make bench, not a test:
// on a shared machine, timing is not the code's alone. The tests above
// check what keeps it low.
func BenchmarkCachedPageDuringFlood(b *testing.B) {
	for b.Loop() {
		b.ReportMetric(float64(floodP99(b).Microseconds())/1000, "p99-ms")
	}
}
