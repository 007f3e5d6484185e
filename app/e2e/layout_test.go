package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"
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
// desktop and on a phone, in both languages: on a phone the first screen
// shows the chart's start; no chart text is cut off at
// the chart's edge, covered by a target's mark or over another text, and
// no table splits a name in the middle of a word.
func TestLabelsAndWordsFit(t *testing.T) {
	t.Parallel()
	paths := []string{
		"/?view=results&metric=gdp_growth&year=2025&lang=",
		"/?view=districts&metric=gdp_growth&year=2024&lang=",
		"/?view=cascade&metric=gdp_growth&year=2025&lang=",
		"/?view=map&metric=gdp_growth&year=2025&lang=",
		"/?view=years&metric=gdp_growth&lang=",
	}
	for _, phone := range []bool{false, true} {
		for _, lang := range []string{"en", "zh"} {
			for _, p := range paths {
				t.Run(fmt.Sprintf("phone=%v %s%s", phone, p, lang), func(t *testing.T) {
					// Without animation, the chart is measured where it
					// comes to rest.
					ctx := newTab(t)
					emulateMedia(t, ctx, "prefers-reduced-motion", "reduce")
					if phone {
						do(t, ctx, chromedp.Emulate(device.IPhone12))
					}
					do(t, ctx, chromedp.Navigate(serverURL+p+lang))
					intend(t, ctx)
					readChart(t, ctx, ".chart", `o.series`)
					if cut := eval[[]string](t, ctx, labelsOutside); len(cut) > 0 {
						t.Errorf("chart texts cut off at the edge: %q", cut)
					}
					if top := eval[int](t, ctx, `Math.round(document.querySelector(".chart").getBoundingClientRect().top + scrollY)`); phone && int64(top+firstScreenShare) > device.IPhone12.Device().Height {
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
