package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// TestSVGFilesReadCleanly opens SVG files as a reader who downloaded them
// does, in the browser: one of every kind of chart in each language, and
// the one with the longest credit. Every text is inside the image, and the
// words a download adds above and under the chart (title, subtitle,
// credit) lie over no other text, as the legend once lay over the title
// and a long credit ran past the edge and over the map.
func TestSVGFilesReadCleanly(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	for _, sp := range svgSample() {
		do(t, ctx, chromedp.Navigate(serverURL+sp.SVGPath()))
		got := eval[struct {
			Width, Height float64
			Outside       []string
			Over          [][2]string
		}](t, ctx, fmt.Sprintf(svgLayout, spec.TitleSpace, sp.Height+spec.TitleSpace))
		where := fmt.Sprintf("%s (%gx%g)", sp.SVGPath(), got.Width, got.Height)
		if got.Width == 0 || got.Height != float64(sp.ExportHeight()) {
			t.Errorf("%s: want a file %d px high", where, sp.ExportHeight())
		}
		if len(got.Outside) > 0 {
			t.Errorf("%s: text outside the image: %q", where, got.Outside)
		}
		if len(got.Over) > 0 {
			t.Errorf("%s: text over other text: %q", where, got.Over)
		}
	}
}

// svgSample is the first chart of every kind in each language, and the
// chart with the most sources.
func svgSample() []spec.Spec {
	var out []spec.Spec
	seen := map[string]bool{}
	var most spec.Spec
	for _, sp := range chart.Catalogue(ds) {
		if key := string(sp.Lang) + sp.ChartType; !seen[key] {
			seen[key] = true
			out = append(out, sp)
		}
		if len(sp.Sources) > len(most.Sources) {
			most = sp
		}
	}
	out = append(out, most)
	for _, lang := range i18n.Langs {
		if lang != most.Lang {
			if i := slices.IndexFunc(chart.Catalogue(ds), func(s spec.Spec) bool { return s.Slug == most.Slug && s.Lang == lang }); i >= 0 {
				out = append(out, chart.Catalogue(ds)[i])
			}
		}
	}
	return out
}

// svgLayout reads the open SVG file: its size, the texts that reach past
// its edges (by more than a pixel), and the pairs of texts whose boxes
// overlap by more than two pixels each way, one of them above the chart
// (starting above %d px) or under it (from %d px).
const svgLayout = `(() => {
	const root = document.documentElement;
	const width = +root.getAttribute("width"), height = +root.getAttribute("height");
	const texts = [...document.querySelectorAll("text")].filter((t) => t.textContent.trim())
		.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
	const outside = texts.filter(({ box }) => box.left < -1 || box.top < -1 || box.right > width + 1 || box.bottom > height + 1).map((t) => t.text);
	const added = ({ box }) => box.top < %d || box.top >= %d;
	const over = [];
	texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
		if (!added(a) && !added(b)) return;
		const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
		const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
		if (x > 2 && y > 2) over.push([a.text, b.text]);
	}));
	return { width, height, outside, over };
})()`
