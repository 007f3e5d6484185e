package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"
)

// phoneLayout reports what a reader on a phone would trip over: how far
// the page or a table reaches past the screen's edge, and the first table
// cell whose column name is not shown beside it.
const phoneLayout = `(() => {
	const width = document.documentElement.clientWidth;
	let overflow = document.documentElement.scrollWidth - width;
	for (const w of document.querySelectorAll(".table-wrap")) {
		if (!w.closest(".sr-only")) overflow = Math.max(overflow, w.scrollWidth - w.clientWidth);
	}
	const unlabelled = [...document.querySelectorAll("table.records td")].find(td =>
		!td.closest(".sr-only") && !getComputedStyle(td, "::before").content.includes(JSON.stringify(td.dataset.label || "?")));
	return {overflow, unlabelled: unlabelled ? unlabelled.outerHTML.slice(0, 120) : ""};
})()`

// TestPhoneLayout opens the pages with tables on a phone-sized screen: each
// row becomes a card with every cell under its column's name, nothing
// needs a sideways scroll, and the table view keeps its sort links in view.
func TestPhoneLayout(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, path := range []string{"/?view=table&sort=-value", "/district/tianhe", "/sources"} {
			t.Run(lang+" "+path, func(t *testing.T) {
				ctx := newTab(t)
				do(t, ctx, chromedp.Emulate(device.IPhone12), chromedp.Navigate(serverURL+path+sep(path)+"lang="+lang))
				waitApp(t, ctx)
				waitFor(t, ctx, `!!document.querySelector("table.records td")`)
				got := eval[struct {
					Overflow   int
					Unlabelled string
				}](t, ctx, phoneLayout)
				if got.Overflow > 0 {
					t.Errorf("the page or a table reaches %d px past a %d px screen", got.Overflow, device.IPhone12.Device().Width)
				}
				if got.Unlabelled != "" {
					t.Errorf("a cell shows no column name: %s", got.Unlabelled)
				}
			})
		}
	}
	t.Run("sort links", func(t *testing.T) {
		ctx := newTab(t)
		do(t, ctx, chromedp.Emulate(device.IPhone12), chromedp.Navigate(serverURL+"/?view=table&sort=-value&lang=en"))
		waitApp(t, ctx)
		links := eval[[]string](t, ctx, `[...document.querySelectorAll("table.records thead a")].filter(a => a.getBoundingClientRect().width > 1).map(a => a.innerText)`)
		if fmt.Sprint(links) != "[Region Metric Year Value]" {
			t.Errorf("sort links in view: %q, want Region, Metric, Year and Value", links)
		}
		arrow := eval[string](t, ctx, `getComputedStyle(document.querySelector("th[aria-sort=descending] a"), "::after").content`)
		if !strings.Contains(arrow, "↓") {
			t.Errorf("the sorted column shows %s, not a downward arrow", arrow)
		}
	})
}
