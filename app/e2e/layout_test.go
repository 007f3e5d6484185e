package e2e

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// labelsOutside lists the chart texts (value labels, names, legends) that
// reach past the left or right edge of the chart's box, where the reader
// sees them cut off.
const labelsOutside = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart")) {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) continue;
		const width = chart.getWidth();
		for (const {r, text} of ` + chartTexts + `(chart)) {
			if (r.x < -1 || r.x + r.width > width + 1) out.push(text + " spans " + Math.round(r.x) + " to " + Math.round(r.x + r.width) + " of " + width);
		}
	}
	return out;
})()`

// chartTexts is a JavaScript function of an ECharts instance: the boxes
// of its texts on the chart, one a line of text, each with its text and
// the label it is a line of.
const chartTexts = `((chart) => {
	const boxes = [];
	for (const node of chart.getZr().storage.getDisplayList()) {
		if (node.type !== "tspan" || !node.style.text) continue;
		const r = node.getBoundingRect().clone();
		const tf = node.getComputedTransform(); if (tf) r.applyTransform(tf);
		boxes.push({r, text: node.style.text, parent: node.parent});
	}
	return boxes;
})`

// labelsUnderMarks lists the chart texts that a scatter series' mark (a
// target's square, triangle or diamond) covers: a bar's label with a
// target drawn over it, "4.8■ ≈ about met".
const labelsUnderMarks = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart")) {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) continue;
		const marks = [];
		chart.getOption().series.forEach((s, i) => {
			if (s.type !== "scatter") return;
			const size = s.symbolSize || 10;
			for (const d of s.data) {
				if (!d || !Array.isArray(d.value)) continue;
				const p = chart.convertToPixel({seriesIndex: i}, d.value);
				if (p) marks.push({x: p[0] - size / 2, y: p[1] - size / 2, size, what: s.id + " " + d.value.join(" ")});
			}
		});
		for (const {r, text} of ` + chartTexts + `(chart)) {
			for (const m of marks) {
				if (r.x < m.x + m.size - 1 && m.x < r.x + r.width - 1 && r.y < m.y + m.size - 1 && m.y < r.y + r.height - 1) out.push(text + " under " + m.what);
			}
		}
	}
	return out;
})()`

// textsOverlapping lists the pairs of chart texts whose boxes overlap by
// more than a pixel each way, texts of one label (its lines) apart: the
// unit at a value axis's end under a bar's label wrapped on a phone, a
// panel's heading over the axis labels above it.
const textsOverlapping = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart")) {
		const chart = echarts.getInstanceByDom(el);
		if (!chart) continue;
		const boxes = ` + chartTexts + `(chart);
		boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
			if (a.parent && a.parent === b.parent) return;
			const x = Math.min(a.r.x + a.r.width, b.r.x + b.r.width) - Math.max(a.r.x, b.r.x);
			const y = Math.min(a.r.y + a.r.height, b.r.y + b.r.height) - Math.max(a.r.y, b.r.y);
			if (x > 1 && y > 1) out.push(a.text + " × " + b.text);
		}));
	}
	return out;
})()`

// brokenWords lists the words in the visible tables' first two columns
// (the region, the kind of figure) that a line break splits: "Zengche"
// and "ng" on two lines.
const brokenWords = `(() => {
	const out = [];
	for (const cell of document.querySelectorAll("table tbody tr > :is(th, td):nth-child(-n+2)")) {
		if (cell.closest(".sr-only")) continue;
		const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/[A-Za-z]+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				if (new Set([...r.getClientRects()].map(q => Math.round(q.top))).size > 1) out.push(m[0]);
			}
		}
	}
	return out;
})()`

// firstScreenShare is how much of the first chart, in pixels, a phone's
// first screen shows at least: its first bars.
const firstScreenShare = 160

// TestLabelsAndWordsFit opens the views with the longest labels, on a
// desktop and on a phone, upright and on its side, in both languages: on
// an upright phone the first screen shows the chart's start; no chart
// text is cut off at the chart's edge, covered by a target's mark or over
// another text, and no table splits a name in the middle of a word. On a
// phone on its side, the map's legend lay over Conghua's tip.
func TestLabelsAndWordsFit(t *testing.T) {
	t.Parallel()
	paths := []string{
		"/?view=results&metric=gdp_growth&year=2025&lang=",
		"/?view=districts&metric=gdp_growth&year=2024&lang=",
		"/?view=cascade&metric=gdp_growth&year=2025&lang=",
		"/?view=map&metric=gdp_growth&year=2025&lang=",
		"/?view=years&metric=gdp_growth&lang=",
	}
	screens := []struct {
		name  string
		phone chromedp.Device // nil for a desktop
	}{{"desktop", nil}, {"phone", device.IPhone12}, {"phone on its side", device.GalaxyS5landscape}}
	for _, screen := range screens {
		for _, lang := range []string{"en", "zh"} {
			for _, p := range paths {
				t.Run(fmt.Sprintf("%s %s%s", screen.name, p, lang), func(t *testing.T) {
					// Without animation, the chart is measured where it
					// comes to rest.
					ctx := newTab(t)
					emulateMedia(t, ctx, "prefers-reduced-motion", "reduce")
					if screen.phone != nil {
						do(t, ctx, chromedp.Emulate(screen.phone))
					}
					do(t, ctx, chromedp.Navigate(serverURL+p+lang))
					intend(t, ctx)
					readChart(t, ctx, ".chart", `o.series`)
					if cut := eval[[]string](t, ctx, labelsOutside); len(cut) > 0 {
						t.Errorf("chart texts cut off at the edge: %q", cut)
					}
					if top := eval[int](t, ctx, `Math.round(document.querySelector(".chart").getBoundingClientRect().top + scrollY)`); screen.phone == device.IPhone12 && int64(top+firstScreenShare) > device.IPhone12.Device().Height {
						t.Errorf("on a phone the chart starts %d px down, below the first screen", top)
					}
					if covered := eval[[]string](t, ctx, labelsUnderMarks); len(covered) > 0 {
						t.Errorf("chart texts under a mark: %q", covered)
					}
					if over := eval[[]string](t, ctx, textsOverlapping); len(over) > 0 {
						t.Errorf("chart texts over each other: %q", over)
					}
					if broken := eval[[]string](t, ctx, brokenWords); len(broken) > 0 {
						t.Errorf("table words split across lines: %q", broken)
					}
				})
			}
		}
	}
}

// TestDistrictChartsFit opens every district's page, on a desktop and on
// a phone, in both languages: no text of its charts over the years is cut
// off at a chart's edge, covered by a mark or over another text. On a
// phone, a year's two columns were narrower than their labels, which lay
// over the next year's ("5.5%以上" over "5.5%左右").
func TestDistrictChartsFit(t *testing.T) {
	t.Parallel()
	for _, region := range ds.Regions {
		if region.Group != model.GroupDistrict {
			continue
		}
		for _, phone := range []bool{false, true} {
			for _, lang := range i18n.Langs {
				t.Run(fmt.Sprintf("%s phone=%v %s", region.ID, phone, lang), func(t *testing.T) {
					ctx := newTab(t)
					emulateMedia(t, ctx, "prefers-reduced-motion", "reduce")
					if phone {
						do(t, ctx, chromedp.Emulate(device.IPhone12))
					}
					do(t, ctx, chromedp.Navigate(serverURL+"/district/"+region.ID+"?lang="+string(lang)))
					intend(t, ctx)
					waitFor(t, ctx, `window.echarts && [...document.querySelectorAll(".chart")].every(el => echarts.getInstanceByDom(el))`)
					for _, check := range []struct{ what, js string }{
						{"cut off at the edge", labelsOutside},
						{"under a mark", labelsUnderMarks},
						{"over each other", textsOverlapping},
					} {
						if bad := eval[[]string](t, ctx, check.js); len(bad) > 0 {
							t.Errorf("chart texts %s: %q", check.what, bad)
						}
					}
				})
			}
		}
	}
}

// TestProfileAfterResize widens the window of a reader who opened a
// district's page on a phone: its charts over the years, a row per year
// there, then show a column per year, every text where it is on a page
// opened at that width. Each layout swaps the axes' types, and ECharts
// rebuilds an axis whose type changes from the layout's option alone.
func TestProfileAfterResize(t *testing.T) {
	t.Parallel()
	url := serverURL + "/district/baiyun?lang=zh"
	open := func(phone bool) context.Context {
		ctx := newTab(t)
		emulateMedia(t, ctx, "prefers-reduced-motion", "reduce")
		if phone {
			do(t, ctx, chromedp.Emulate(device.IPhone12))
		} else {
			do(t, ctx, chromedp.EmulateViewport(1280, 900))
		}
		readChartAt(t, ctx, url, `o.series.target`)
		return ctx
	}
	ctx := open(true)
	do(t, ctx, chromedp.Emulate(device.Reset), chromedp.EmulateViewport(1280, 900))
	waitFor(t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart--profile")).getWidth() > 920`)
	resized := eval[[]placedText](t, ctx, profileTextsJS)
	opened := eval[[]placedText](t, open(false), profileTextsJS)
	same := len(resized) == len(opened)
	for i := 0; same && i < len(resized); i++ {
		a, b := resized[i], opened[i]
		same = a.Text == b.Text && math.Abs(a.X-b.X) <= 2 && math.Abs(a.Y-b.Y) <= 2
	}
	if !same {
		t.Errorf("widened from a phone's width, the chart's texts are\n%v\nopened at that width,\n%v", resized, opened)
	}
}

// placedText is a chart's text and where it is, in pixels.
type placedText struct {
	Text string  `json:"text"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
}

// profileTextsJS lists the first profile chart's texts and where they are.
const profileTextsJS = chartTexts + `(echarts.getInstanceByDom(document.querySelector(".chart--profile")))
	.map((b) => ({text: b.text, x: b.r.x, y: b.r.y}))`
