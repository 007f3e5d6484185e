package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/spec"
	"gztargets/app/urlstate"
)

// paperRead is what a page shows on paper, read with the print media
// emulated: whether its live chart is in ECharts' dark theme (whose
// darkMode is true; the light theme leaves ECharts' "auto"), the
// lightness of its text (0 black, 1 white), whether the chart's tools and
// the page's controls show, and a source link's address as printed after
// it, if the page has one.
const paperRead = `(sel => {
	const chart = echarts.getInstanceByDom(document.querySelector(sel));
	const rgb = getComputedStyle(document.querySelector("h1")).color.match(/\d+/g).map(Number);
	const shown = q => [...document.querySelectorAll(q)].some(e => e.getClientRects().length > 0);
	const link = document.querySelector('a[rel~="external"]:not(.source-url)');
	return {
		Dark: !!chart && chart.getOption().darkMode === true,
		Lightness: (Math.max(...rgb) + Math.min(...rgb)) / 510,
		Tools: shown(".chart-tools, .controls"),
		Href: link ? link.href : "",
		After: link ? getComputedStyle(link, "::after").content : "",
	};
})`

type paper struct {
	Dark        bool
	Lightness   float64
	Tools       bool
	Href, After string
}

// TestPrintIsLight prints pages from a reader in the dark colour scheme:
// on paper the text is dark and the live chart is in the light theme, as
// dark text and lines on white paper; the chart's tools and the controls
// are left out, and a source's web address follows its link. Back on the
// screen, the page and its chart are dark again. It checks both with the
// print media emulated and through a real print to PDF, whose beforeprint
// and afterprint events the page sees.
func TestPrintIsLight(t *testing.T) {
	metric := urlstate.DefaultMetric
	embed := spec.DistrictsSlug(metric, ds.Years(metric)[len(ds.Years(metric))-1])
	for _, c := range []struct{ name, path, slug string }{
		{"district page, drawn by the app", "/district/tianhe?lang=en", spec.ProfileSlug("tianhe", metric)},
		{"embed flagged dark, drawn by chart.js", "/embed/zh/" + embed + ".html?theme=dark", embed},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTab(t)
			atWidth(t, ctx, false)
			scheme := func(media string) {
				t.Helper()
				dark := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: dark}); err != nil {
					t.Fatal(err)
				}
			}
			scheme("")
			do(t, ctx, chromedp.Navigate(serverURL+c.path))
			box := "#chart-" + c.slug
			intend(t, ctx)
			waitFor(t, ctx, fmt.Sprintf(`!!window.echarts && !!echarts.getInstanceByDom(document.querySelector(%q)) && !document.getElementById("app-wasm-loader")`, box))
			read := func() paper { return eval[paper](t, ctx, paperRead+fmt.Sprintf("(%q)", box)) }
			if got := read(); !got.Dark || got.Lightness < 0.5 {
				t.Fatalf("on the screen, the page is not dark: %+v", got)
			}
			scheme("print")
			// The page hears of the media's change in its next task.
			waitFor(t, ctx, fmt.Sprintf(`matchMedia("print").matches && echarts.getInstanceByDom(document.querySelector(%q)).getOption().darkMode !== true`, box))
			got := read()
			if got.Dark || got.Lightness > 0.3 || got.Tools {
				t.Errorf("on paper, the chart is dark (%v), the text's lightness is %.2f, or the tools show (%v)", got.Dark, got.Lightness, got.Tools)
			}
			if got.Href != "" && got.After != fmt.Sprintf("%q", " <"+got.Href+">") {
				t.Errorf("on paper, the source link to %s is followed by %s", got.Href, got.After)
			}
			scheme("")
			waitFor(t, ctx, fmt.Sprintf(`!matchMedia("print").matches && echarts.getInstanceByDom(document.querySelector(%q)).getOption().darkMode === true`, box))
			printed(t, ctx, box)
		})
	}
}

// printed prints the page to PDF and checks, from the page's own
// beforeprint and afterprint events (heard after web/chart.js's), that
// the chart in the box sel was light while printing and is dark after.
func printed(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	listen := fmt.Sprintf(`(sel => {
		const dark = () => echarts.getInstanceByDom(document.querySelector(sel)).getOption().darkMode === true;
		window.gzPrinted = {};
		addEventListener("beforeprint", () => { window.gzPrinted.during = dark(); });
		addEventListener("afterprint", () => { window.gzPrinted.after = dark(); });
	})(%q)`, sel)
	eval[any](t, ctx, listen)
	if _, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{}); err != nil {
		t.Fatal(err)
	}
	got := eval[map[string]bool](t, ctx, "window.gzPrinted")
	if during, ok := got["during"]; !ok || during {
		t.Errorf("while printing, the chart was dark or the page saw no beforeprint: %v", got)
	}
	if after, ok := got["after"]; !ok || !after {
		t.Errorf("after printing, the chart was not dark again or the page saw no afterprint: %v", got)
	}
}
