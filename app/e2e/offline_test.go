package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// TestOffline visits the explorer once online, switches the browser
// offline with DevTools network emulation (the service worker's own
// requests included), and then loads the explorer, a deep link with a
// query, a district page and the sources page: each renders its content
// and its chart from the cache.
func TestOffline(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTabWithin(t, tourLimit)
			do(t, ctx, chromedp.Navigate(base+"/?lang=en"))
			waitWorker(t, ctx)
			waitWarm(t, ctx, base+"/embed/en/gdp_growth-2024-districts.html")
			goOffline(t, ctx)
			expectOffline(t, ctx, base)

			readChartAt(t, ctx, base+"/", `o.series.result`)
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("h1").innerText.includes("%d")`, ds.LatestResultYear("gdp_growth")))

			fai := districtsView("fai_growth", 2024, i18n.EN)
			d := readChartAt(t, ctx, base+"/?metric=fai_growth&year=2024&lang=en", fmt.Sprintf(`o.series.target && o.series.target.join(" ") === %q`, fai.target))
			expectSeries(t, d, "target", fai.target)
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("h1").innerText === %q`, districtsTitle("fai_growth", 2024, i18n.EN)))

			readChartAt(t, ctx, base+"/?view=years&metric=fai_growth&lang=en", `o.series["target-0"]`)
			readChartAt(t, ctx, base+"/?view=map&metric=gdp_growth&year=2024&lang=en", `o.series.districts`)
			checkMap(t, eval[[]mapItem](t, ctx, readMapJS), mapView("gdp_growth", 2024, i18n.EN), i18n.EN)

			do(t, ctx, chromedp.Navigate(base+"/district/tianhe?lang=en"))
			waitApp(t, ctx)
			readChart(t, ctx, ".chart", `o.series.target || o.series.actual`)
			waitFor(t, ctx, `document.querySelector("h1").innerText === "Tianhe: every figure"`)

			do(t, ctx, chromedp.Navigate(base+"/sources?lang=en"))
			waitApp(t, ctx)
			waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll(".source").length === %d`, len(ds.Sources)))

			readChartAt(t, ctx, base+"/embed/en/gdp_growth-2024-districts.html", `o.series.target`)
			if online := eval[bool](t, ctx, `navigator.onLine`); online {
				t.Error("the browser was not offline")
			}
		})
	}
}

// waitWarm waits until the service worker has cached, after install, the
// charts' embed pages and downloads that a page asked it for: url is the
// last of them in its order.
func waitWarm(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`(async () => {
		for (const key of await caches.keys()) {
			if (await (await caches.open(key)).match(%q)) return true;
		}
		return false;
	})()`, url))
}

// waitWorker waits until the service worker has installed everything it
// precaches and is active.
func waitWorker(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		return !!(reg && reg.active && reg.active.state === "activated");
	})()`)
}

// goOffline cuts the tab off the network, the service worker included.
func goOffline(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	offline := true
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		t.Fatal(err)
	}
}

// expectOffline fails unless a request for a file no cache holds fails.
// DevTools applies the offline emulation to the service worker a moment
// after it answers, so a busy machine gets a few seconds to catch up.
func expectOffline(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	probe := `fetch("` + base + `/not-cached-anywhere.txt", {cache: "no-store"}).then(() => "online", () => "offline")`
	var got string
	for range 20 {
		if got = eval[string](t, ctx, probe, chromedp.EvalAwaitPromise); got == "offline" {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("a request for an uncached file went through (%s): the browser is not offline", got)
}

// TestInstallable asks Chromium, through the DevTools protocol, whether
// the explorer can be installed: it must report no installability error.
// The tab is in the browser's default context, as incognito contexts are
// never installable.
func TestInstallable(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(browserCtx)
			defer cancel()
			do(t, tab, chromedp.Navigate(base+"/"))
			waitWorker(t, tab)
			res, err := chromedp.Call(tab, page.GetInstallabilityErrors, cdp.Empty{})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.InstallabilityErrors {
				var args []string
				for _, a := range e.ErrorArguments {
					args = append(args, a.Name+"="+a.Value)
				}
				t.Errorf("installability error %s %s", e.ErrorID, strings.Join(args, " "))
			}
			manifest, err := chromedp.Call(tab, page.GetAppManifest, page.GetAppManifestParams{})
			if err != nil {
				t.Fatal(err)
			}
			if len(manifest.Errors) > 0 {
				t.Errorf("manifest errors: %+v", manifest.Errors)
			}
			if !strings.Contains(fmt.Sprint(manifest.Data), "广州各区经济目标") || !strings.Contains(fmt.Sprint(manifest.Data), "Guangzhou district targets") {
				t.Errorf("the manifest does not name the app in both languages: %s", manifest.Data)
			}
		})
	}
}

// navigationStatus is the HTTP status of the page's own response, as the
// service worker or the network gave it.
func navigationStatus(t *testing.T, ctx context.Context) int {
	t.Helper()
	return int(eval[float64](t, ctx, `performance.getEntriesByType("navigation")[0].responseStatus`))
}

// ownSites starts a server and a static export of their own, for a test
// that stops them: by kind, the site's root and the function that stops it.
func ownSites(t *testing.T) map[string]struct {
	base string
	stop func()
} {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join(repoRoot, "bin", "explorer"))
	if err != nil {
		t.Fatal(err)
	}
	cmd, serverBase, err := startServer(bin, filepath.Join(repoRoot, "web"), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(cmd) })
	root := t.TempDir()
	out, err := exec.Command(bin, "-web", filepath.Join(repoRoot, "web"),
		"-static", filepath.Join(root, strings.TrimPrefix(staticPrefix, "/")), "-prefix", staticPrefix).CombinedOutput()
	if err != nil {
		t.Fatalf("static export: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	static := &http.Server{Handler: http.FileServer(http.Dir(root))}
	go static.Serve(ln)
	t.Cleanup(func() { static.Close() })
	return map[string]struct {
		base string
		stop func()
	}{
		"server": {serverBase, func() { stopServer(cmd) }},
		"static": {"http://" + ln.Addr().String() + staticPrefix, func() { static.Close() }},
	}
}

// TestOfflineEmbeds visits a site once, then stops it, so that nothing
// but the service worker answers: the embed panel's preview frames an
// embed page; an embed address that does not exist gets the not-found
// embed page with status 404 (not the app shell, which may not be
// framed); and a path that is no page gets status 404.
func TestOfflineEmbeds(t *testing.T) {
	t.Parallel()
	for name, site := range ownSites(t) {
		t.Run(name, func(t *testing.T) {
			base := site.base
			ctx := newTabWithin(t, tourLimit)
			do(t, ctx, chromedp.Navigate(base+"/?lang=en"))
			waitWorker(t, ctx)
			waitWarm(t, ctx, base+"/embed/en/"+spec.DistrictsSlug("fai_growth", latestYear("fai_growth"))+".html")
			site.stop()
			if got := eval[string](t, ctx, `fetch("`+base+`/not-cached-anywhere.txt").then(() => "online", () => "offline")`, chromedp.EvalAwaitPromise); got != "offline" {
				t.Fatalf("a request for an uncached file went through (%s): the site still runs", got)
			}

			do(t, ctx, chromedp.Navigate(base+"/?metric=fai_growth&lang=en"))
			waitApp(t, ctx)
			click(t, ctx, `details.embed > summary`)
			waitFor(t, ctx, `!!document.querySelector("iframe.embed-preview")`)
			waitPreview(t, ctx)

			d := readChartAt(t, ctx, base+"/embed/en/no-such-chart.html", `o.series.target`)
			expectSeries(t, d, "target", districtsView("gdp_growth", latestYear("gdp_growth"), i18n.EN).target)
			if notice := text(t, ctx, ".embed-notice"); !strings.Contains(notice, "not recognised") {
				t.Errorf("an unknown embed address offline: notice %q", notice)
			}
			if status := navigationStatus(t, ctx); status != 404 {
				t.Errorf("an unknown embed address offline: status %d, want 404", status)
			}

			do(t, ctx, chromedp.Navigate(base+"/no-such-page?lang=en"))
			if status := navigationStatus(t, ctx); status != 404 {
				t.Errorf("an unknown page offline: status %d, want 404", status)
			}
		})
	}
}
