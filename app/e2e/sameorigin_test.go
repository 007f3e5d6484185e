package e2e

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"gztargets/app/spec"
)

// tourStops are the pages a reader visits, with the condition that each
// is there: the explorer's three views, a district, the sources and an
// embed page.
var tourStops = []struct{ path, ready string }{
	{"/?lang=en", chartDrawn},
	{"/?view=years&lang=en", chartDrawn},
	{"/?view=table&lang=en", hostileViews["table"]},
	{"/district/tianhe?lang=en", chartDrawn},
	{"/sources?lang=en", hostileViews["sources"]},
	{embedPage, chartDrawn},
}

// embedPreviewDrawn holds once the embed panel's preview has drawn its
// chart.
const embedPreviewDrawn = `(() => {
  const f = document.querySelector("iframe.embed-preview");
  const d = f && f.contentDocument;
  const el = d && d.querySelector(".chart");
  return !!el && !!f.contentWindow.echarts && !!f.contentWindow.echarts.getInstanceByDom(el);
})()`

// tour visits every stop, then on the explorer saves the chart as PNG and
// SVG and opens the embed panel, whose preview loads an embed page.
func tour(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	for _, stop := range tourStops {
		do(t, ctx, chromedp.Navigate(base+stop.path))
		if stop.path != embedPage {
			waitApp(t, ctx)
		} else {
			intend(t, ctx)
		}
		waitFor(t, ctx, stop.ready)
	}
	do(t, ctx, chromedp.Navigate(base+"/?metric=fai_growth&lang=en"))
	waitApp(t, ctx)
	waitFor(t, ctx, chartDrawn)
	denyDownloads(t, ctx)
	click(t, ctx, `button.download[data-format="png"]`)
	click(t, ctx, svgLink)
	click(t, ctx, `details.embed > summary`)
	waitFor(t, ctx, `!!document.querySelector("iframe.embed-preview")`)
	waitPreview(t, ctx)
}

// waitPreview brings the embed panel's preview into view, points at it, as
// a reader about to use it does, and waits until it draws its live chart.
func waitPreview(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `(document.querySelector("iframe.embed-preview").scrollIntoView(), true)`)
	// The frame's chart.js, which loads ECharts at the reader's intent, runs
	// after the frame's markup is there, and listens once the frame's
	// document is parsed: point then.
	waitFor(t, ctx, `(() => { const w = document.querySelector("iframe.embed-preview").contentWindow; return !!w && typeof w.gzLoadECharts === "function" && w.document.readyState !== "loading"; })()`)
	intendOn(t, ctx, "iframe.embed-preview")
	waitFor(t, ctx, embedPreviewDrawn)
}

// denyDownloads keeps the tour's image downloads out of the file system;
// the browser still makes them, and their requests.
func denyDownloads(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorDeny,
		BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSameOriginRequests records every request of the tour, the embed
// preview's included, and checks that each goes to the explorer's own
// origin: no font, icon, script or beacon from another host.
func TestSameOriginRequests(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTabWithin(t, tourLimit)
			requests := recordRequests(t, ctx)
			tour(t, ctx, base)
			u, err := url.Parse(base)
			if err != nil {
				t.Fatal(err)
			}
			origin := u.Scheme + "://" + u.Host
			all := requests()
			for _, r := range all {
				if strings.HasPrefix(r, "data:") || strings.HasPrefix(r, "blob:") {
					continue
				}
				if p, err := url.Parse(r); err != nil || p.Scheme+"://"+p.Host != origin {
					t.Errorf("a request to another origin: %s", r)
				}
			}
			for _, want := range []string{".wasm", "/embed/en/" + spec.DistrictsSlug("fai_growth", latestYear("fai_growth")) + ".html"} {
				if !requested(all, want) {
					t.Errorf("no request for %s was recorded; the recording misses requests", want)
				}
			}
		})
	}
}

// requested reports whether some request's path contains part.
func requested(urls []string, part string) bool {
	for _, r := range urls {
		if p, err := url.Parse(r); err == nil && strings.Contains(p.Path, part) {
			return true
		}
	}
	return false
}

// TestNoCSPViolations takes the tour on the server, which sends the
// Content-Security-Policy, and checks that the console reports no
// violation of it, nor any other error.
func TestNoCSPViolations(t *testing.T) {
	t.Parallel()
	ctx := newTabWithin(t, tourLimit)
	w := watchTab(t, ctx)
	tour(t, ctx, serverURL)
	w.check(t, ctx)
}

// TestCSPViolationsAreSeen shows that the watch of TestNoCSPViolations
// would see a violation: an image from another host and an inline event
// handler, both of which the policy blocks.
func TestCSPViolationsAreSeen(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	w := watchTab(t, ctx)
	do(t, ctx, chromedp.Navigate(serverURL+"/?lang=en"))
	intend(t, ctx)
	waitFor(t, ctx, chartDrawn)
	eval[bool](t, ctx, `(() => {
  const img = new Image();
  img.src = "https://example.invalid/pixel.png";
  document.body.append(img);
  document.body.insertAdjacentHTML("beforeend", '<img src="/web/icon.svg" onload="void 0">');
  return true;
})()`)
	waitFor(t, ctx, `document.querySelector('img[onload]').complete`)
	var violations int
	for _, p := range w.seen(t, ctx) {
		if strings.Contains(p, "Content Security Policy") {
			violations++
		}
	}
	if violations < 2 {
		t.Errorf("%d violations seen, want 2 (img-src and the inline handler): %v", violations, w.seen(t, ctx))
	}
}
