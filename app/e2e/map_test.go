package e2e

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"
	"github.com/chromedp/chromedp/kb"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// mapFigures is what the map should show, read from the dataset rather
// than from the chart package: each district in catalogue order, with the
// value drawn ("-" for none) and, for a district without a figure, the
// words its label says instead.
type mapFigures struct {
	regions, values []string
	missing         map[string]string // region id: the words on its label
}

// mapView reads the map of a metric and year from the dataset: where some
// district has both a target and a result (or an estimate), each
// district's result, else its estimate, else its primary target, as the
// verdicts colour it; otherwise its preferred figure (ds.Compare).
func mapView(metric string, year int, lang i18n.Lang) mapFigures {
	verdicts := map[string]model.RegionVerdicts{}
	judged := false
	for _, rv := range ds.Verdicts(metric, year) {
		verdicts[rv.Region.ID] = rv
		judged = judged || len(rv.Verdicts) > 0 && (rv.Result != nil || rv.Estimate != nil)
	}
	f := mapFigures{missing: map[string]string{}}
	for _, e := range ds.Compare(metric, year) {
		if e.Region.Group != model.GroupDistrict {
			continue
		}
		rec := e.Record
		if rv := verdicts[e.Region.ID]; judged {
			rec = rv.Result
			if rec == nil {
				rec = rv.Estimate
			}
			if v, ok := rv.Primary(); rec == nil && ok {
				rec = &v.Target
			}
		}
		f.regions = append(f.regions, e.Region.ID)
		if rec == nil {
			f.values = append(f.values, "-")
			f.missing[e.Region.ID] = words.New(ds, lang).NoFigure(e.Region.ID, metric, year)
			continue
		}
		f.values = append(f.values, shown(rec, lang))
	}
	return f
}

// readMapJS returns each district drawn on the map: its region id, value
// and label.
const readMapJS = `(() => {
  const inst = echarts.getInstanceByDom(document.querySelector(".chart--map"));
  const s = inst.getOption().series.find(s => s.id === "districts");
  return s.data.map(d => ({region: d.regionId, value: String(d.value), label: d.label.formatter}));
})()`

type mapItem struct {
	Region, Value, Label string
}

// checkMap checks the drawn map against the dataset: every district in
// its place with its value, and each district without a figure labelled
// with its name and the words for it, never drawn as a value.
func checkMap(t *testing.T, items []mapItem, want mapFigures, lang i18n.Lang) {
	t.Helper()
	if len(items) != len(want.regions) {
		t.Fatalf("the map draws %d districts, want %d", len(items), len(want.regions))
	}
	for i, it := range items {
		if it.Region != want.regions[i] || it.Value != want.values[i] {
			t.Errorf("district %d: %s = %s, want %s = %s", i, it.Region, it.Value, want.regions[i], want.values[i])
		}
		region, _ := ds.Region(it.Region)
		if !strings.HasPrefix(it.Label, region.Name.In(string(lang))+"\n") {
			t.Errorf("%s's label %q does not start with its name", it.Region, it.Label)
		}
		// The words may be broken in two lines, at a space.
		if none, ok := want.missing[it.Region]; ok && !strings.HasSuffix(strings.ReplaceAll(it.Label, "\n", " "), " "+none) {
			t.Errorf("%s has no figure, but its label says %q, not %q", it.Region, it.Label, none)
		}
	}
	if len(want.missing) == 0 {
		t.Error("the test needs a map with a district without a figure")
	}
}

// TestMapHoldsEachDistrict opens the map in both languages, on the server
// and the static export, for a year with targets only (coloured by value)
// and a year with results (coloured by verdict).
func TestMapHoldsEachDistrict(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		for _, c := range []struct {
			lang   i18n.Lang
			metric string
			year   int
		}{{i18n.ZH, "gdp_growth", 2024}, {i18n.EN, "gdp_growth", latestYear("gdp_growth")}} {
			t.Run(fmt.Sprintf("%s %s %d", name, c.lang, c.year), func(t *testing.T) {
				ctx := newTab(t)
				url := fmt.Sprintf("%s/?view=map&metric=%s&year=%d&lang=%s", base, c.metric, c.year, c.lang)
				readChartAt(t, ctx, url, `o.series.districts`)
				checkMap(t, eval[[]mapItem](t, ctx, readMapJS), mapView(c.metric, c.year, c.lang), c.lang)
				m, _ := ds.Metric(c.metric)
				if h1 := text(t, ctx, "h1"); h1 != i18n.T(c.lang, "heading.map", m.Name.In(string(c.lang)), c.year) {
					t.Errorf("heading = %q", h1)
				}
			})
		}
	}
}

// TestMapOnPhone opens the map on a phone-sized screen: the narrow layout
// stacks the legend under the map, and nothing reaches past the screen.
func TestMapOnPhone(t *testing.T) {
	t.Parallel()
	ctx := onPhone(t, serverURL+"/?view=map&metric=gdp_growth&year=2024&lang=en")
	intend(t, ctx)
	readChart(t, ctx, ".chart--map", `o.series.districts`)
	checkMap(t, eval[[]mapItem](t, ctx, readMapJS), mapView("gdp_growth", 2024, i18n.EN), i18n.EN)
	got := eval[struct {
		Overflow, Height, MapBottom, LegendTop int
	}](t, ctx, `(() => {
		const el = document.querySelector(".chart--map");
		const o = echarts.getInstanceByDom(el).getOption();
		return {overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
			height: el.clientHeight, mapBottom: el.clientHeight - o.series[0].bottom, legendTop: o.title[0].top};
	})()`)
	if got.Overflow > 0 {
		t.Errorf("the page reaches %d px past the screen", got.Overflow)
	}
	if got.LegendTop < got.MapBottom {
		t.Errorf("on a phone the legend starts at %d px, over the map, which ends at %d px (chart %d px high)", got.LegendTop, got.MapBottom, got.Height)
	}
}

// TestMapAfterResize widens the window of a reader who opened the map on
// a phone, as turning a tablet or dragging a window wider does: the map
// then lays out exactly as when opened at that width (its place, its
// labels' offsets, its lines, the column beside it). It kept the narrow
// layout's labels and lines while the wide layout named only the column.
func TestMapAfterResize(t *testing.T) {
	t.Parallel()
	url := serverURL + "/?view=map&metric=gdp_growth&year=2024&lang=en"
	ctx := onPhone(t, url)
	readChart(t, ctx, ".chart--map", `o.series.districts`)
	do(t, ctx, chromedp.Emulate(device.Reset), chromedp.EmulateViewport(1280, 900))
	waitFor(t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart--map")).getWidth() > 920`)
	resized := eval[string](t, ctx, mapLayoutJS)
	fresh := newTab(t)
	do(t, fresh, chromedp.EmulateViewport(1280, 900))
	readChartAt(t, fresh, url, `o.series.districts`)
	if opened := eval[string](t, fresh, mapLayoutJS); resized != opened {
		t.Errorf("widened from a phone's width, the map is laid out as\n%s\nopened at that width, as\n%s", resized, opened)
	}
}

// mapLayoutJS reads how the live map is laid out: the map's box, each
// label's offset, the column's place, and the lines to labels.
const mapLayoutJS = `(() => {
	const o = echarts.getInstanceByDom(document.querySelector(".chart--map")).getOption();
	const s = o.series[0];
	return JSON.stringify({
		map: [s.left, s.top, s.bottom, s.label.fontSize],
		labels: s.data.map((d) => [d.regionId, d.label && d.label.offset]),
		column: o.title.map((t) => [t.left, t.top]),
		lines: o.graphic[0].elements.map((e) => [e.id, e.left, e.top, e.invisible, e.shape && e.shape.points]),
	});
})()`

// TestMapPatterns turns patterns on over the map: every district then
// carries a pattern, one per colour, and the no-figure hatch stays.
func TestMapPatterns(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?view=map&metric=gdp_growth&year=2024&lang=en", `o.series.districts`)
	waitApp(t, ctx)
	patterns := `(() => {
		const d = echarts.getInstanceByDom(document.querySelector(".chart--map")).getModel().getSeries()[0].getData();
		const out = [];
		for (let i = 0; i < d.count(); i++) {
			const decal = d.getItemVisual(i, "decal");
			out.push({name: d.getName(i), fill: d.getItemModel(i).get(["itemStyle", "areaColor"]), pattern: decal ? JSON.stringify(decal, Object.keys(decal).filter(k => k !== "dirty").sort()) : ""});
		}
		return out;
	})()`
	type area struct{ Name, Fill, Pattern string }
	hatched := 0
	for _, a := range eval[[]area](t, ctx, patterns) {
		if a.Pattern != "" {
			hatched++
		}
	}
	click(t, ctx, "#control-decal")
	waitFor(t, ctx, `[].concat(echarts.getInstanceByDom(document.querySelector(".chart--map")).getOption().aria)[0].decal.show === true`)
	byFill := map[string]string{}
	for _, a := range eval[[]area](t, ctx, patterns) {
		if a.Pattern == "" {
			t.Errorf("with patterns on, %s has none", a.Name)
		}
		if p, ok := byFill[a.Fill]; ok && p != a.Pattern {
			t.Errorf("two districts filled %s have different patterns", a.Fill)
		}
		byFill[a.Fill] = a.Pattern
	}
	seen := map[string]string{}
	for fill, p := range byFill {
		if other, ok := seen[p]; ok {
			t.Errorf("%s and %s share a pattern", fill, other)
		}
		seen[p] = fill
	}
	if len(byFill) < 2 || hatched != len(mapView("gdp_growth", 2024, i18n.EN).missing) {
		t.Errorf("%d colours and %d hatched districts before patterns: the test has nothing to tell apart", len(byFill), hatched)
	}
}

// TestMapEnterOpensDistrict reaches a district from the keyboard and opens
// its page with Enter, and opens another by clicking it on the map.
func TestMapEnterOpensDistrict(t *testing.T) {
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?view=map&metric=gdp_growth&year=2024&lang=en", `o.series.districts`)
	waitApp(t, ctx)
	eval[bool](t, ctx, `(() => { document.querySelector('.chart-figure table a[href*="/district/tianhe"]').focus(); return true; })()`)
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname.endsWith("/district/tianhe")`)

	readChartAt(t, ctx, serverURL+"/?view=map&metric=gdp_growth&year=2024&lang=en", `o.series.districts`)
	waitApp(t, ctx)
	// Inside Conghua, north of its label: ECharts converts the
	// coordinates to the pixel it drew them at.
	xy := eval[[]float64](t, ctx, `(() => {
		const el = document.querySelector(".chart--map"), r = el.getBoundingClientRect();
		const p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [113.587, 23.65]);
		return [r.left + p[0], r.top + p[1]];
	})()`)
	do(t, ctx, chromedp.MouseClickXY(xy[0], xy[1]))
	waitFor(t, ctx, `location.pathname.endsWith("/district/conghua")`)
}

// TestMapEmbed opens the map's embed page: it draws the same districts
// without WebAssembly, with its data table.
func TestMapEmbed(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	requests := recordRequests(t, ctx)
	readChartAt(t, ctx, serverURL+"/embed/zh/gdp_growth-2024-map.html", `o.series.districts`)
	checkMap(t, eval[[]mapItem](t, ctx, readMapJS), mapView("gdp_growth", 2024, i18n.ZH), i18n.ZH)
	for _, u := range requests() {
		if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".wasm") {
			t.Errorf("the embed page requested WebAssembly: %s", u)
		}
	}
	if rows := eval[int](t, ctx, `document.querySelectorAll(".embed-data tbody tr").length`); rows < 11 {
		t.Errorf("the embed's table has %d rows, want one at least for each district", rows)
	}
}

// TestMapDownloads downloads the map as PNG, SVG and CSV in both
// languages: a valid image of each kind and a CSV row for each district.
func TestMapDownloads(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(lang), func(t *testing.T) {
			ctx := newTab(t)
			readChartAt(t, ctx, serverURL+"/?view=map&metric=gdp_growth&year=2024&lang="+string(lang), `o.series.districts`)
			waitApp(t, ctx)
			dir := allowDownloads(t, ctx)
			click(t, ctx, `button.download[data-format="png"]`)
			if png := waitDownload(t, dir, "gdp_growth-2024-map.png"); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
				t.Errorf("the PNG does not start with the PNG signature: % x", png[:min(8, len(png))])
			}
			click(t, ctx, svgLink)
			sp := publishedSpec(t, spec.MapSlug("gdp_growth", 2024), lang)
			checkSVGFile(t, waitDownload(t, dir, "gdp_growth-2024-map.svg"), sp.Title, words.New(ds, lang).Credit(sp.Sources))
			click(t, ctx, `a.download[href$="gdp_growth-2024-map.csv"]`)
			seen := map[string]bool{}
			for _, r := range parseCSV(t, waitDownload(t, dir, "gdp_growth-2024-map.csv"))[1:] {
				seen[r[0]] = true
			}
			for _, id := range mapView("gdp_growth", 2024, lang).regions {
				if !seen[id] {
					t.Errorf("the CSV has no row for %s", id)
				}
			}
		})
	}
}

// TestBundleDrawsEverySpec gives every published chart of a language to
// the ECharts the pages load, and checks that it built every series and
// component the option asks for (and that aria wrote the description): a
// chart type or component missing from the bundle would be dropped without
// a word.
func TestBundleDrawsEverySpec(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(serverURL+"/?view=map&lang=en"))
	intend(t, ctx) // pages load ECharts at the reader's first intent
	waitFor(t, ctx, `!!window.echarts`)
	problems := eval[[]string](t, ctx, `(async () => {
		const bundle = await (await fetch("/spec/en.json")).json();
		const el = document.createElement("div");
		el.style.cssText = "position:absolute;left:-10000px;width:800px;height:540px";
		document.body.appendChild(el);
		const plain = ["color", "backgroundColor", "animation", "media", "series", "aria"];
		const out = [];
		for (const [slug, s] of Object.entries(bundle)) {
			for (const patch of [null, s.export]) {
				const inst = echarts.init(el, null, {renderer: "svg"});
				inst.setOption(s.option);
				if (patch) inst.setOption(patch);
				const model = inst.getModel(), o = Object.assign({}, s.option, patch || {});
				if (model.getSeriesCount() !== (s.option.series || []).length) out.push(slug + ": series");
				for (const key of Object.keys(o)) {
					if (!plain.includes(key) && !model.getComponent(key)) out.push(slug + ": " + key);
				}
				if (el.getAttribute("aria-label") !== s.option.aria.label.description) out.push(slug + ": aria");
				inst.dispose();
			}
		}
		return out;
	})()`, chromedp.EvalAwaitPromise)
	if len(problems) > 0 {
		t.Errorf("the bundle leaves out parts of %d charts: %v", len(problems), problems[:min(len(problems), 10)])
	}
}
