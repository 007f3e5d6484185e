package e2e

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Hostile values for URL parameters and paths.
const (
	markupScript = `<script>alert(1)</script>`
	markupAttr   = `"><img src=x onerror=alert(1)>`
	mixedScript  = "天河Тиан\u202eعربي\u200dz̸" // Han, Cyrillic, a right-to-left override, Arabic, a joiner, a combining mark
)

// longValue is 5,000 characters of markup and quotes.
var longValue = strings.Repeat(`<b>"x'</b>&`, 500)

// Views a hostile URL must still show, each with the condition that it
// is there and working.
var hostileViews = map[string]string{
	"chart":   chartDrawn,
	"table":   `document.querySelectorAll("table.records tbody tr[data-record]").length > 0`,
	"sources": `document.querySelectorAll("main article.source").length > 0`,
	"routes":  `!!document.querySelector("main h1") && document.querySelectorAll("main .region-list a").length >= 11`,
	"embed":   chartDrawn,
}

// hostileCase is a URL made of hostile input, the view it must show, the
// text its notice must show literally (if any), and whether its status
// is 404.
type hostileCase struct {
	name, path, view, shown string
	notFound                bool
}

// esc and escPath encode a value for a query and for a path.
func esc(s string) string     { return url.QueryEscape(s) }
func escPath(s string) string { return url.PathEscape(s) }

const embedPage = "/embed/en/gdp_growth-2024-districts.html"

// hostileCases covers every URL parameter of the explorer (view, metric,
// year, lang, region, sort and unknown ones), the pages' parameters, the
// embed flags, routes and district ids, with markup, long strings, bytes
// that are not UTF-8, NUL, mixed scripts and repeated parameters.
func hostileCases() []hostileCase {
	return []hostileCase{
		{"view markup", "/?view=" + esc(markupScript), "chart", markupScript, false},
		{"metric attribute", "/?metric=" + esc(markupAttr) + "&lang=en", "chart", markupAttr, false},
		{"year not UTF-8", "/?year=%ff&lang=en", "chart", "", false},
		{"lang NUL", "/?lang=%00&metric=fai_growth", "chart", "", false},
		{"region markup", "/?view=table&region=" + esc(markupScript) + "&lang=en", "table", markupScript, false},
		{"sort attribute", "/?view=table&sort=" + esc(markupAttr) + "&lang=en", "table", markupAttr, false},
		{"long metric", "/?metric=" + esc(longValue) + "&lang=en", "chart", `<b>"x'</b>&`, false},
		{"unknown parameter", "/?" + esc(markupAttr) + "=" + esc(markupScript) + "&lang=en", "chart", markupAttr, false},
		{"mixed scripts", "/?view=years&metric=" + esc(mixedScript), "chart", "天河Тиан", false},
		{"repeated", "/?view=" + esc(markupScript) + "&view=years&metric=fai_growth&metric=" + esc(markupAttr), "chart", markupScript, false},
		{"every parameter", "/?view=%ff&metric=%00&year=" + esc(longValue) + "&lang=" + esc(markupAttr) + "&region=%fe&sort=" + esc(mixedScript) + "&utm=1", "chart", "", false},
		{"route markup", "/" + escPath(markupScript) + "?lang=en", "routes", markupScript, true},
		{"route long", "/" + escPath(longValue) + "?lang=en", "routes", `<b>"x'</b>&`, true},
		{"district unknown", "/district/atlantis?lang=en", "routes", "atlantis", true},
		{"district attribute", "/district/" + escPath(markupAttr) + "?lang=en", "routes", markupAttr, true},
		{"district not UTF-8", "/district/%ff%fe%00", "routes", "", true},
		{"district mixed scripts", "/district/" + escPath(mixedScript), "routes", "天河Тиан", true},
		{"sources lang", "/sources?lang=" + esc(markupScript) + "&x=%00", "sources", markupScript, false},
		{"district parameters", "/district/tianhe?lang=" + esc(markupAttr) + "&view=" + esc(longValue), "chart", markupAttr, false},
		{"embed flags markup", embedPage + "?theme=" + esc(markupScript) + "&plain=%00", "embed", "theme=" + markupScript, false},
		{"embed flags repeated", embedPage + "?plain=1&plain=" + esc(markupAttr) + "&" + esc(longValue) + "=1", "embed", "plain=" + markupAttr, false},
		{"embed address markup", "/embed/en/" + escPath(markupScript) + ".html", "embed", "", true},
		{"embed language", "/embed/%ff/x.html?theme=" + esc(mixedScript), "embed", "天河Тиан", true},
	}
}

// staticHostile are the cases that a plain file server can answer: the
// static export has no server to answer unknown routes with a page.
var staticHostile = []string{"view markup", "region markup", "sources lang", "district parameters", "embed flags markup"}

// TestHostileURLs opens each hostile URL in its own browser context: the
// page shows a notice and a working view, runs nothing from the URL, and
// has no uncaught error, console error or dialog.
func TestHostileURLs(t *testing.T) {
	t.Parallel()
	for _, c := range hostileCases() {
		t.Run("server/"+c.name, func(t *testing.T) {
			t.Parallel()
			checkHostile(t, serverURL, c)
		})
	}
	for _, c := range hostileCases() {
		if slices.Contains(staticHostile, c.name) {
			t.Run("static/"+c.name, func(t *testing.T) {
				t.Parallel()
				checkHostile(t, staticURL, c)
			})
		}
	}
}

func checkHostile(t *testing.T, base string, c hostileCase) {
	ctx := newTab(t)
	w := watchTab(t, ctx)
	target := base + c.path
	if c.notFound {
		w.expect404(target)
	}
	do(t, ctx, chromedp.Navigate(target))
	notice := ".notices .notice"
	if c.view == "embed" {
		notice = ".embed-notice p"
		intend(t, ctx)
	} else {
		waitApp(t, ctx)
	}
	waitView(t, ctx, c.view)
	waitFor(t, ctx, fmt.Sprintf(`[...document.querySelectorAll(%q)].some(n => n.getClientRects().length > 0 && n.innerText.trim() !== "")`, notice))
	if c.shown != "" {
		if got := texts(t, ctx, notice); !strings.Contains(got, c.shown) {
			t.Errorf("the notice does not show %q as text: %q", c.shown, got)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('img[src="x"], [onerror], [onmouseover]').length`); n != 0 {
		t.Errorf("%d elements from markup in the URL", n)
	}
	w.check(t, ctx)
}

// waitView waits until the page shows the view.
func waitView(t *testing.T, ctx context.Context, view string) {
	t.Helper()
	waitFor(t, ctx, hostileViews[view])
}

// chartDrawn holds once ECharts has drawn the page's first chart with
// some data. (readChart cannot read a chart with a series that has no
// data, such as the years view's empty reference series.)
const chartDrawn = `(() => {
  const el = document.querySelector(".chart");
  const inst = el && window.echarts && echarts.getInstanceByDom(el);
  return !!inst && (inst.getOption().series || []).some(s => (s.data || []).length > 0);
})()`

// texts is the text of every element matching sel.
func texts(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(n => n.textContent).join("\n")`, sel))
}
