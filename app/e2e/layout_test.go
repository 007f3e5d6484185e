package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
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
		for (const node of chart.getZr().storage.getDisplayList()) {
			if (node.type !== "tspan" || !node.style.text) continue;
			const r = node.getBoundingRect().clone();
			if (node.transform) r.applyTransform(node.transform);
			if (r.x < -1 || r.x + r.width > width + 1) out.push(node.style.text + " spans " + Math.round(r.x) + " to " + Math.round(r.x + r.width) + " of " + width);
		}
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

// TestLabelsAndWordsFit opens the views with the longest labels, on a
// desktop and on a phone, in both languages: no chart text is cut off at
// the chart's edge, and no table splits a name in the middle of a word.
func TestLabelsAndWordsFit(t *testing.T) {
	paths := []string{
		"/?view=results&metric=gdp_growth&year=2025&lang=",
		"/?view=districts&metric=gdp_growth&year=2024&lang=",
		"/?view=cascade&metric=gdp_growth&year=2025&lang=",
		"/?view=map&metric=gdp_growth&year=2025&lang=",
	}
	for _, phone := range []bool{false, true} {
		for _, lang := range []string{"en", "zh"} {
			for _, p := range paths {
				t.Run(fmt.Sprintf("phone=%v %s%s", phone, p, lang), func(t *testing.T) {
					var ctx context.Context
					if phone {
						ctx = onPhone(t, serverURL+p+lang)
					} else {
						ctx = newTab(t)
						do(t, ctx, chromedp.Navigate(serverURL+p+lang))
					}
					intend(t, ctx)
					readChart(t, ctx, ".chart", `o.series`)
					if cut := eval[[]string](t, ctx, labelsOutside); len(cut) > 0 {
						t.Errorf("chart texts cut off at the edge: %q", cut)
					}
					if broken := eval[[]string](t, ctx, brokenWords); len(broken) > 0 {
						t.Errorf("table words split across lines: %q", broken)
					}
				})
			}
		}
	}
}
