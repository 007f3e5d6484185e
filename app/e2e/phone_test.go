package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"gztargets/app/chromium"
	"gztargets/app/i18n"
)

// onPhone opens a page in a new tab the size of an iPhone 12.
func onPhone(t *testing.T, url string) context.Context {
	t.Helper()
	ctx := newTab(t)
	do(t, ctx, chromedp.Emulate(device.IPhone12), chromedp.Navigate(url))
	return ctx
}

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
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		for _, path := range []string{"/?view=table&sort=-value", "/district/tianhe", "/sources"} {
			t.Run(lang+" "+path, func(t *testing.T) {
				ctx := onPhone(t, serverURL+path+sep(path)+"lang="+lang)
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
		ctx := onPhone(t, serverURL+"/?view=table&sort=-value&lang=en")
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

// plotAreas are the rectangles ECharts drew each panel's bars in, in the
// chart's own pixels, with the chart's width.
const plotAreas = `(() => {
	const inst = echarts.getInstanceByDom(document.querySelector(".chart"));
	const areas = [];
	inst.getModel().eachComponent("grid", g => {
		const r = g.coordinateSystem.getRect();
		areas.push({x: Math.round(r.x), width: Math.round(r.width)});
	});
	return {width: inst.getWidth(), areas};
})()`

type plotLayout struct {
	Width int
	Areas []struct{ X, Width int }
}

// checkPlots fails unless the chart has two panels whose bars start at the
// same x (so that they compare) and take at least share of its width.
func checkPlots(t *testing.T, l plotLayout, share float64) {
	t.Helper()
	if len(l.Areas) != 2 {
		t.Fatalf("%d panels, want the districts and the reference panel", len(l.Areas))
	}
	for _, a := range l.Areas {
		if a.X != l.Areas[0].X {
			t.Errorf("panels start at x %d and %d: out of line", l.Areas[0].X, a.X)
		}
		if float64(a.Width) < share*float64(l.Width) {
			t.Errorf("a panel's bars have %d of the chart's %d px, want at least %.0f%% of it", a.Width, l.Width, share*100)
		}
	}
}

// TestPhoneChart draws the chart with the longest reference names (the
// city and Zhaoqing New District) on a phone: the names wrap and the bars
// keep most of the width, in the explorer, after a switch, and in an
// embed; on a wide screen the chart returns to the wide layout.
func TestPhoneChart(t *testing.T) {
	t.Parallel()
	ctx := onPhone(t, serverURL+"/?metric=gdp_growth&year=2023&lang=en")
	readChart(t, ctx, ".chart", `o.categories.length === 2`)
	checkPlots(t, eval[plotLayout](t, ctx, plotAreas), 1.0/3)

	choose(t, ctx, "#control-metric", "industrial_investment_growth")
	refs := len(strings.Split(districtsView("industrial_investment_growth", 2023, i18n.EN).refNames, ", "))
	readChart(t, ctx, ".chart", fmt.Sprintf(`o.categories.length === 2 && o.categories[1].length === %d && location.search.includes("industrial_investment_growth")`, refs))
	checkPlots(t, eval[plotLayout](t, ctx, plotAreas), 1.0/3)

	do(t, ctx, chromedp.Emulate(device.Reset), chromedp.EmulateViewport(chromium.Width, chromium.Height))
	waitFor(t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart")).getWidth() > 900`)
	wide := eval[plotLayout](t, ctx, plotAreas)
	checkPlots(t, wide, 1.0/3)
	if left := eval[int](t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart")).getOption().grid[0].left * 1`); wide.Areas[0].X != left {
		t.Errorf("on a wide screen the bars start at x %d, want the wide layout's %d", wide.Areas[0].X, left)
	}
	if wrapped := eval[bool](t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart")).getOption().series.some(s => s.label && s.label.width != null)`); wrapped {
		t.Error("on a wide screen the value labels still wrap at the narrow layout's width")
	}

	embed := onPhone(t, serverURL+"/embed/en/gdp_growth-2023-districts.html")
	intend(t, embed) // an embed page loads ECharts on the reader's intent
	readChart(t, embed, ".chart", `o.categories.length === 2`)
	checkPlots(t, eval[plotLayout](t, embed, plotAreas), 1.0/3)
}
