package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/spec"
	"gztargets/app/urlstate"
)

// embedDataLayout opens an embed's "Chart data" and reports what a reader
// of an article on a phone would trip over: how far the page reaches past
// the frame's edge, the first table cell that does, the first whose text
// is wider than its box, and the first that shows no column name while the
// column headers are out of sight. The frame's width is the layout
// viewport's: on a phone, innerWidth grows with a page that overflows, as
// the browser zooms out to show it whole.
const embedDataLayout = `(() => {
	document.querySelector(".embed-data").open = true;
	const width = document.documentElement.clientWidth;
	const cells = [...document.querySelectorAll(".embed-data th, .embed-data td")];
	// The column headers may be for screen readers only, out of sight.
	const headed = document.querySelector(".embed-data thead").getBoundingClientRect().height > 1;
	const seen = headed ? cells : cells.filter(c => !c.closest("thead"));
	const past = seen.find(c => c.getBoundingClientRect().right > width + 0.5);
	const cut = seen.find(c => c.scrollWidth > c.clientWidth + 1);
	const unlabelled = headed ? null : seen.find(c => c.tagName === "TD" && c.textContent !== "" &&
		!getComputedStyle(c, "::before").content.includes(JSON.stringify(c.dataset.label || "?")));
	const text = c => c ? c.textContent.slice(0, 80) + " (" + Math.round(c.getBoundingClientRect().right) + " px)" : "";
	return {
		overflow: document.documentElement.scrollWidth - width,
		cells: document.querySelectorAll(".embed-data tbody td").length,
		past: text(past),
		cut: text(cut),
		unlabelled: text(unlabelled),
	};
})()`

// TestEmbedDataOnPhone opens the "Chart data" of an embed of every kind of
// chart, in both languages, in a frame as wide as a phone: the article
// must not scroll sideways, every cell stays within the frame, and screen
// readers still read a table.
func TestEmbedDataOnPhone(t *testing.T) {
	t.Parallel()
	metric := urlstate.DefaultMetric
	slugs := []string{
		spec.DistrictsSlug(metric, 2024),
		spec.ResultsSlug(metric, 2025),
		spec.MapSlug(metric, 2024),
		spec.YearsSlug(metric),
		spec.CascadeSlug(metric, 2024),
		spec.ProfileSlug("tianhe", metric),
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, slug := range slugs {
			t.Run(string(lang)+" "+slug, func(t *testing.T) {
				t.Parallel()
				s := publishedSpec(t, slug, lang)
				ctx := newTab(t)
				atWidth(t, ctx, true)
				do(t, ctx, chromedp.Navigate(serverURL+s.EmbedPath()))
				waitFor(t, ctx, `document.readyState === "complete"`)
				got := eval[struct {
					Overflow   int
					Cells      int
					Past, Cut  string
					Unlabelled string
				}](t, ctx, embedDataLayout)
				if got.Cells == 0 {
					t.Fatal("the chart's data has no cells")
				}
				if got.Overflow > 0 {
					t.Errorf("with its data open, the embed reaches %d px past a 390 px frame", got.Overflow)
				}
				if got.Past != "" {
					t.Errorf("a cell ends past the frame's edge: %s", got.Past)
				}
				if got.Cut != "" {
					t.Errorf("a cell's text is wider than the cell: %s", got.Cut)
				}
				if got.Unlabelled != "" {
					t.Errorf("a cell shows no column name: %s", got.Unlabelled)
				}
				if cells := tableCells(t, ctx); cells != got.Cells {
					t.Errorf("screen readers find %d table cells, want %d", cells, got.Cells)
				}
			})
		}
	}
}

// tableCells counts the cells screen readers are told of, in a table.
func tableCells(t *testing.T, ctx context.Context) int {
	t.Helper()
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	tables, cells := 0, 0
	for _, n := range tree.Nodes {
		if n.Ignored || n.Role == nil {
			continue
		}
		switch string(n.Role.Value) {
		case `"table"`:
			tables++
		case `"cell"`, `"gridcell"`:
			cells++
		}
	}
	if tables == 0 {
		t.Error("screen readers find no table")
	}
	return cells
}
