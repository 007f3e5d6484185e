package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gztargets/app/chart"
	"gztargets/app/server"
	"gztargets/app/spec"
)

// TestMapLabelsApart draws every map the site publishes, in every layout
// and both languages, as the page shows it before the live chart (its
// still, which ECharts drew from the same option) and reads where the
// browser puts each district's label: no two districts' labels may
// overlap, as Huadu's once lay over Baiyun's on nearly every map; and a
// line from a district to its label moved away (chart's leaders) ends at
// the label's top or bottom edge and crosses no other label; and every
// line its layout's option shows is drawn, as the medium layout's once
// were not. The labels' offsets are fixed, so a new figure with longer
// words fails here rather than in front of a reader.
func TestMapLabelsApart(t *testing.T) {
	t.Parallel()
	stills := readMapStills(t)
	options := map[string]map[string]mapOption{}
	for _, lang := range []string{"en", "zh"} {
		var bundle map[string]mapOption
		if err := json.Unmarshal([]byte(getPage(t, serverURL+"/spec/"+lang+".json")), &bundle); err != nil {
			t.Fatal(err)
		}
		options[lang] = bundle
	}
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate("about:blank"))
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range stills {
			if !yield(id) {
				return
			}
		}
	}) {
		svg, _ := json.Marshal(stills[id])
		got := eval[struct {
			Over  [][2]string
			Lines []string
			Drawn int
		}](t, ctx, fmt.Sprintf(labelOverlaps, svg))
		for _, pair := range got.Over {
			t.Errorf("%s: %q lies over %q", id, pair[0], pair[1])
		}
		for _, line := range got.Lines {
			t.Errorf("%s: %s", id, line)
		}
		lang, slug, layout := stillParts(t, id)
		if want := options[lang][slug].linesAt(layoutWidth(layout)); got.Drawn != want {
			t.Errorf("%s: %d lines to labels drawn, its layout's option shows %d", id, got.Drawn, want)
		}
	}
}

// mapOption is what the test reads of a map's spec: its option's media,
// each a whole layout with its lines (chart.mapLayout).
type mapOption struct {
	Option struct{ Media []mapMedia }
}

type mapMedia struct {
	Query  struct{ MinWidth, MaxWidth int }
	Option struct {
		Graphic struct {
			Elements []struct {
				Children []struct {
					ID        string
					Invisible bool
				}
			}
		}
	}
}

// linesAt is how many lines to labels the option shows at a width: those
// of the last media entry whose query holds, or of the one without a
// query where none does, as ECharts applies them.
func (o mapOption) linesAt(width int) int {
	var applied, fallback *mapMedia
	for i, m := range o.Option.Media {
		switch q := m.Query; {
		case q.MinWidth == 0 && q.MaxWidth == 0:
			fallback = &o.Option.Media[i]
		case width >= q.MinWidth && (q.MaxWidth == 0 || width <= q.MaxWidth):
			applied = &o.Option.Media[i]
		}
	}
	if applied == nil {
		applied = fallback
	}
	if applied == nil {
		return -1
	}
	lines := 0
	for _, g := range applied.Option.Graphic.Elements {
		for _, c := range g.Children {
			if !c.Invisible && strings.HasPrefix(c.ID, "leader-") && !strings.HasPrefix(c.ID, "leader-halo-") {
				lines++
			}
		}
	}
	return lines
}

// stillParts splits a still's id: language, chart slug and layout.
func stillParts(t *testing.T, id string) (lang, slug, layout string) {
	t.Helper()
	parts := strings.Split(id, "/")
	if len(parts) != 3 {
		t.Fatalf("a still's id %q is not language/slug/layout", id)
	}
	return parts[0], parts[1], parts[2]
}

// layoutWidth is the width a still is drawn at.
func layoutWidth(layout string) int {
	for _, l := range chart.StillLayouts {
		if l.Name == layout {
			return l.Width
		}
	}
	return spec.ExportWidth
}

// readMapStills reads the stills of the maps from the web directory, by
// their ids.
func readMapStills(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "web", server.StillsFile))
	if err != nil {
		t.Fatalf("reading the stills (make test draws them first): %v", err)
	}
	var st server.Stills
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	maps := map[string]string{}
	for id, svg := range st.SVGs {
		if strings.Contains(id, "-map/") {
			maps[id] = svg
		}
	}
	if len(maps) == 0 {
		t.Fatal("no map among the stills")
	}
	return maps
}

// labelOverlaps puts an SVG in the page and returns the pairs of district
// labels whose boxes overlap by more than half a pixel each way, and what
// is wrong with the lines to labels: one that does not end within 4 px of
// a label's top or bottom edge (ECharts places the label, the chart's Go
// code the line), or that crosses another label. A district's label is
// the lines of text centred on one point (one transform); the legend and
// the references beside the map start at their left edge. Each line is
// drawn twice, on a white casing: the black one is read.
const labelOverlaps = `(() => {
	document.body.innerHTML = %s;
	const labels = new Map();
	for (const t of document.querySelectorAll("text[text-anchor=middle]")) {
		const key = t.getAttribute("transform"), box = t.getBoundingClientRect();
		const l = labels.get(key);
		if (!l) { labels.set(key, { text: t.textContent, left: box.left, top: box.top, right: box.right, bottom: box.bottom }); continue; }
		l.text += " / " + t.textContent;
		l.left = Math.min(l.left, box.left); l.top = Math.min(l.top, box.top);
		l.right = Math.max(l.right, box.right); l.bottom = Math.max(l.bottom, box.bottom);
	}
	const list = [...labels.values()], over = [];
	list.forEach((a, i) => list.slice(i + 1).forEach((b) => {
		const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
		const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
		if (x > 0.5 && y > 0.5) over.push([a.text, b.text]);
	}));
	const lines = [];
	for (const pl of document.querySelectorAll("polyline[stroke='#111111']")) {
		const m = pl.getScreenCTM(), n = pl.points.numberOfItems;
		const at = (i) => pl.points.getItem(i).matrixTransform(m);
		const start = at(0), end = at(n - 1);
		const own = list.find((l) => end.x > l.left && end.x < l.right && (Math.abs(end.y - l.top) < 4 || Math.abs(end.y - l.bottom) < 4));
		if (!own) { lines.push("a line ends at " + end.x.toFixed(1) + ", " + end.y.toFixed(1) + ", by no label's edge"); continue; }
		for (const l of list) {
			if (l === own) continue;
			for (let k = 1; k < 20; k++) {
				const x = start.x + (end.x - start.x) * k / 20, y = start.y + (end.y - start.y) * k / 20;
				if (x > l.left && x < l.right && y > l.top && y < l.bottom) { lines.push("the line to " + own.text + " crosses " + l.text); break; }
			}
		}
	}
	return { over, lines, drawn: document.querySelectorAll("polyline[stroke='#111111']").length };
})()`
