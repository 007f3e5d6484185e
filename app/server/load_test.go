//go:build !wasm

package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
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
	return []loadTarget{
		{"/", 200},
		{"/?view=years&metric=fai_growth&lang=en", 200},
		{"/?view=table&sort=-value", 200},
		{"/district/tianhe", 200},
		{"/sources?lang=en", 200},
		{hashedPath(t, s, "/web/style.css"), 200},
		{hashedPath(t, s, "/web/echarts.min.js"), 200},
		{anyEmbed(t, s), 200},
		{"/data/targets.csv", 200},
		{"/app.js", 200},
		{"/nowhere", 404},
		{"/web/nope.js", 404},
	}
}

// hammer has clients concurrent clients send n requests, the i-th for
// target(i), until ctx ends, each reading the whole response. It returns
// how many got their expected status, and what went wrong with the others.
// Its speed is not measured here: make bench loads the server with wrk.
func hammer(ctx context.Context, base string, clients, n int, target func(i int) loadTarget) (int, []error) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	work := make(chan int)
	var (
		mu        sync.Mutex
		succeeded int
		failures  []error
		wg        sync.WaitGroup
	)
	for range clients {
		wg.Go(func() {
			for i := range work {
				err := askFor(ctx, client, base, target(i))
				mu.Lock()
				if err != nil {
					failures = append(failures, err)
				} else {
					succeeded++
				}
				mu.Unlock()
			}
		})
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		select {
		case work <- i:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
	return succeeded, failures
}

// askFor asks for a target as a browser does, reads the whole body and
// checks the status.
func askFor(ctx context.Context, client *http.Client, base string, target loadTarget) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+target.path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", "gzip, br")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return fmt.Errorf("%s: reading: %w", target.path, err)
	}
	if res.StatusCode != target.status {
		return fmt.Errorf("%s: status %d, want %d", target.path, res.StatusCode, target.status)
	}
	return nil
}

// TestLoad has 300 concurrent clients send 1,200 requests on loopback,
// through the real server (timeouts, request log), within a bounded time:
// every one must get its expected status in full (no transport error, no
// 5xx, none left unsent).
func TestLoad(t *testing.T) {
	s := testSite(t)
	base, mix := "http://"+serveOnLoopback(t, s), loadMix(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	succeeded, failures := hammer(ctx, base, 300, 1200, func(i int) loadTarget { return mix[i%len(mix)] })
	if succeeded != 1200 {
		t.Errorf("%d of 1200 requests succeeded", succeeded)
	}
	if n := len(failures); n > 0 {
		t.Errorf("%d requests failed, first: %v", n, failures[:min(n, 5)])
	}
}

// TestHammerCounts checks that hammer counts only the requests that got
// their status, so that TestLoad can fail.
func TestHammerCounts(t *testing.T) {
	base := "http://" + serveOnLoopback(t, testSite(t))
	succeeded, failures := hammer(context.Background(), base, 4, 10, func(i int) loadTarget {
		return []loadTarget{{"/", 200}, {"/nowhere", 200}}[i%2]
	})
	if succeeded != 5 || len(failures) != 5 || !strings.Contains(failures[0].Error(), "status 404, want 200") {
		t.Errorf("hammer = %d, %v; want 5 and five failures of /nowhere", succeeded, failures)
	}
}
