package chart

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// panel is one block of a horizontal chart: Guangzhou's eleven districts,
// or the city and the neighbouring district, which are set apart because
// they are not districts of Guangzhou (or, for the city, their sum).
type panel struct {
	rows      []row
	reference bool
	ownScale  bool // a reference panel whose figures would stretch the districts' scale
}

// Pixel layout of horizontal charts.
const (
	legendSpace = 36  // above the first panel
	axisSpace   = 28  // under each panel, for the value axis labels
	panelGap    = 40  // before the reference panel, for its heading
	labelRoom   = 150 // right of the bars, for value labels, at least
	maxRoom     = 260 // and at most, for the longest labels
)

// splitPanels separates regions with a figure into the districts panel and
// the reference panel, each sorted from the highest value down, and lists
// the districts with no figure.
func splitPanels(rows []row, value func(row) (float64, bool)) (panels []panel, missing []model.Region) {
	var districts, refs []row
	for _, r := range rows {
		_, has := value(r)
		switch {
		case !has && r.Region.Group == model.GroupDistrict:
			missing = append(missing, r.Region)
		case !has:
		case r.Region.Group == model.GroupDistrict:
			districts = append(districts, r)
		default:
			refs = append(refs, r)
		}
	}
	// sort.SliceStable rather than the generic slices functions: each
	// instantiation of those adds its own code to the WebAssembly.
	byValue := func(rows []row) func(i, j int) bool {
		return func(i, j int) bool {
			vi, _ := value(rows[i])
			vj, _ := value(rows[j])
			return vi > vj
		}
	}
	sort.SliceStable(districts, byValue(districts))
	sort.SliceStable(refs, byValue(refs))
	if len(districts) > 0 {
		panels = append(panels, panel{rows: districts})
	}
	if len(refs) > 0 {
		panels = append(panels, panel{rows: refs, reference: true})
	}
	return panels, missing
}

// names returns the category names of a panel.
func (b builder) names(p panel) []string {
	out := make([]string, len(p.rows))
	for i, r := range p.rows {
		out[i] = b.regionName(r.Region)
	}
	return out
}

// layoutPanels places one grid and one pair of axes per panel within the
// chart height, giving each category the same height.
func (b builder) layoutPanels(bar *charts.Bar, panels []panel, height int, unitLabel string, scales []any) {
	count := 0
	for _, p := range panels {
		count += len(p.rows)
	}
	free := height - legendSpace - axisSpace*len(panels)
	if len(panels) > 1 {
		free -= panelGap
	}
	per := free / max1(count)
	left := itoa(b.labelWidth(panels))
	y := legendSpace
	for i, p := range panels {
		if p.reference && i > 0 {
			y += panelGap
		}
		h := per * len(p.rows)
		bar.GridList = append(bar.GridList, opts.Grid{
			Left: left, Right: itoa(labelRoom), Top: itoa(y), Height: itoa(h),
		})
		y += h + axisSpace
		var scaleMax any
		if scales != nil {
			scaleMax = scales[i]
		}
		bar.XAxisList = append(bar.XAxisList, opts.XAxis{
			Type: "value", GridIndex: i, Name: unitLabel, NameLocation: "end", Max: scaleMax,
		})
		yAxis := opts.YAxis{Type: "category", GridIndex: i, Inverse: opts.Bool(true), Data: b.names(p)}
		if p.reference {
			yAxis.Name = b.referenceHeading(p)
			yAxis.NameLocation = "start"
		}
		bar.YAxisList = append(bar.YAxisList, yAxis)
	}
}

// Narrow layout of horizontal charts, as on a phone or in a narrow embed:
// below narrowWidth, region names get at most narrowNames pixels and wrap,
// and value labels narrowLabelRoom, so that the bars keep most of the
// width. (In the wide layout, the longest reference name and the value
// labels alone would take more than a phone's width.) The reference
// panel's heading, centred on its axis in the wide layout, starts at the
// axis and wraps: centred, it would reach past the chart's left edge, and
// ECharts would then move that panel's axis, out of line with the other.
const (
	narrowWidth     = 560
	narrowNames     = 128
	narrowLabelRoom = 96
	narrowHeading   = 28 // characters a line of the reference panel's heading, from its axis rightwards
)

// encodePanels is the option of a chart of panels: the bars, a tooltip,
// a legend of the series named, and the layout by width.
func (b builder) encodePanels(bar *charts.Bar, legend []string, panels []panel) json.RawMessage {
	room := valueLabelRoom(bar.MultiSeries)
	for i := range bar.GridList {
		bar.GridList[i].Right = itoa(room)
	}
	return encode(bar, map[string]any{
		"tooltip": tooltipOption(), "legend": legendOption(legend),
		"media": b.panelMedia(panels, len(bar.MultiSeries), room, units(bar.XAxisList)),
	})
}

// units are the names of a chart's value axes, one a panel.
func units(axes []opts.XAxis) []string {
	out := make([]string, len(axes))
	for i, a := range axes {
		out[i] = a.Name
	}
	return out
}

// valueLabelRoom is the room, in pixels, right of the bars in the wide
// layout: enough for the longest value label shown even where its bar
// reaches the end of the axis ("≈5.5% (0.5 points above the city's
// target)" in the cascade), within labelRoom and maxRoom.
func valueLabelRoom(series []charts.SingleSeries) int {
	widest := 0
	for _, s := range series {
		items, _ := s.Data.([]item)
		for _, it := range items {
			if it.Label != nil && it.Label.Show && it.Label.Position != "insideRight" {
				widest = max(widest, textWidth(it.Label.Formatter))
			}
		}
	}
	return min(max(labelRoom, widest*labelCharWidth/2+labelGap), maxRoom)
}

// panelMedia is ECharts' media list for a chart of panels: the narrow
// layout under a width query, and the wide layout as the default, which
// ECharts needs to restore it when the chart grows again. In the narrow
// layout every series' value labels wrap within the room right of the
// bars: "≈5% no result found in our sources" would run off a phone. The
// value axes' unit, which the subtitle also gives, is left out there: it
// lay under the last bar's wrapped label.
func (b builder) panelMedia(panels []panel, series, room int, units []string) []any {
	left := b.labelWidth(panels)
	narrowLeft := min(left, narrowNames)
	layout := func(left, right int, names map[string]any, heading func(string) string, align string, unit func(string) string) map[string]any {
		grids, axes, values := make([]any, len(panels)), make([]any, len(panels)), make([]any, len(panels))
		for i, p := range panels {
			grids[i] = map[string]any{"left": itoa(left), "right": itoa(right)}
			axis := map[string]any{"axisLabel": names}
			if p.reference {
				axis["name"], axis["nameTextStyle"] = heading(b.referenceHeading(p)), map[string]any{"align": align}
			}
			axes[i] = axis
			values[i] = map[string]any{"name": unit(units[i])}
		}
		return map[string]any{"grid": grids, "yAxis": axes, "xAxis": values}
	}
	asIs := func(s string) string { return s }
	wrapped := func(s string) string { return wrap(s, narrowHeading) }
	labels := func(l map[string]any) []any {
		out := make([]any, series)
		for i := range out {
			out[i] = map[string]any{"label": l}
		}
		return out
	}
	none := func(string) string { return "" }
	wide := layout(left, room, map[string]any{"overflow": "none"}, asIs, "left", asIs)
	wide["series"] = labels(map[string]any{"width": nil, "overflow": "none"})
	narrow := layout(narrowLeft, narrowLabelRoom,
		map[string]any{"width": narrowLeft - labelGap, "overflow": "break", "lineHeight": 14},
		wrapped, "left", none)
	narrow["series"] = labels(map[string]any{"width": narrowLabelRoom - labelGap/2, "overflow": "break", "lineHeight": 13})
	return []any{
		map[string]any{"option": wide},
		map[string]any{"query": map[string]any{"maxWidth": narrowWidth}, "option": narrow},
	}
}

// referenceWords are the short words for the one region of a reference
// group, in the reference panel's heading; a neighbouring district goes by
// its name.
var referenceWords = map[string]i18n.Key{
	model.GroupCity: "reference.city", model.GroupProvince: "reference.province", model.GroupNation: "reference.nation",
}

// referenceHeading heads the reference panel with the regions it holds,
// and says when its scale is its own, so that no one compares its bars'
// lengths with the districts'. It once named the neighbouring district
// over every panel, which holds it only where it has a figure.
func (b builder) referenceHeading(p panel) string {
	var names []string
	for _, group := range []string{model.GroupCity, model.GroupProvince, model.GroupNation, model.GroupNeighbour} {
		for _, r := range p.rows {
			switch key, short := referenceWords[group]; {
			case r.Region.Group != group:
			case short:
				names = append(names, b.t(key))
			default:
				names = append(names, b.regionName(r.Region))
			}
		}
	}
	heading := b.t("series.reference", b.w.Listed(names))
	if p.ownScale {
		heading += b.t("series.ownScale")
	}
	return heading
}

// outlierRatio is how much longer a reference figure would make the
// districts' scale before it gets a scale of its own: a first-half result
// of 11% against district targets up to 10% would take the shared scale
// from 10% to 15%. A smaller excess widens the shared scale instead.
const outlierRatio = 1.5

// panelScales are the panels' value-axis maxima for percentages, largest
// giving each panel's largest figure. The districts share one scale, so
// that their bars compare at a glance; so does the reference panel, unless
// one of its figures (a first-half result, say) would stretch that scale
// and squeeze every district's bar: then it gets a scale of its own, and
// is marked ownScale.
func panelScales(panels []panel, largest func(panel) float64) []any {
	shared, reference := 0.0, 0.0
	for _, p := range panels {
		if p.reference {
			reference = max(reference, largest(p))
		} else {
			shared = max(shared, largest(p))
		}
	}
	outlier := false
	if own, widened := niceMax(shared), niceMax(max(shared, reference)); own != nil {
		outlier = widened.(float64) >= own.(float64)*outlierRatio
	}
	if !outlier {
		shared = max(shared, reference)
	}
	scales := make([]any, len(panels))
	for i := range panels {
		scales[i] = niceMax(shared)
		if panels[i].reference && outlier {
			scales[i], panels[i].ownScale = niceMax(reference), true
		}
	}
	return scales
}

// labelWidth estimates, in pixels, the room the longest region name needs
// left of the axes. Every panel gets the same, so that panels sharing a
// scale line up (ECharts' containLabel would size each panel on its own).
func (b builder) labelWidth(panels []panel) int {
	widest := 0
	for _, p := range panels {
		for _, name := range b.names(p) {
			widest = max(widest, textWidth(name))
		}
	}
	return widest*labelCharWidth/2 + labelGap
}

// labelGap is the room, in pixels, between a region name and its axis.
const labelGap = 16

// labelCharWidth is the width, in pixels, of two narrow or one wide
// character of the 12-pixel axis labels.
const labelCharWidth = 13

// niceMax rounds a maximum up to a round number, so that panels can share
// one scale. It leaves room for labels at the top of the scale.
func niceMax(v float64) any {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	mag := math.Pow(10, math.Floor(math.Log10(v)))
	for _, step := range []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if step*mag >= v {
			return step * mag
		}
	}
	return 10 * mag
}

// wrap breaks a line of text for a canvas title, which does not wrap by
// itself, at the given width in characters (a Chinese character counting
// as two).
func wrap(s string, width int) string {
	var lines []string
	var line strings.Builder
	w := 0
	for _, word := range strings.SplitAfter(s, " ") {
		ww := textWidth(word)
		if w > 0 && w+ww > width {
			lines = append(lines, strings.TrimSpace(line.String()))
			line.Reset()
			w = 0
		}
		for _, r := range word {
			rw := textWidth(string(r))
			if w+rw > width && w > 0 && rw == 2 {
				lines = append(lines, line.String())
				line.Reset()
				w = 0
			}
			line.WriteRune(r)
			w += rw
		}
	}
	lines = append(lines, strings.TrimSpace(line.String()))
	return strings.Join(lines, "\n")
}

func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if utf8.RuneLen(r) > 2 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
