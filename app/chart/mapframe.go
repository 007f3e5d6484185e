package chart

import (
	"math"
	"slices"
	"strings"

	"gztargets/data/geo"
)

// mapFrame is where the map lies in one layout: the height of its box in
// pixels (ECharts makes it as wide as the shape is for that height, at
// mapAspectScale) and the shape. Knowing it, the chart can tell where a
// district's label lands, and draw a line from a small district to its
// label where the label had to move outside the district.
type mapFrame struct {
	height float64
	shape  geo.Shape
}

// newMapFrame is the frame of a map box height pixels high.
func newMapFrame(height int) mapFrame {
	shape, err := geo.ReadShape()
	if err != nil {
		panic("chart: reading the districts' shape: " + err.Error())
	}
	return mapFrame{height: float64(height), shape: shape}
}

// width is the map's width, as ECharts derives it from the height.
func (f mapFrame) width() float64 {
	s := f.shape
	return f.height * (s.East - s.West) / (s.North - s.South) * mapAspectScale
}

// pixel is where a place falls, from the map box's top left corner.
func (f mapFrame) pixel(p geo.Point) (x, y float64) {
	s := f.shape
	return (p[0] - s.West) / (s.East - s.West) * f.width(), (s.North - p[1]) / (s.North - s.South) * f.height
}

// place is the place at a pixel.
func (f mapFrame) place(x, y float64) geo.Point {
	s := f.shape
	return geo.Point{s.West + x/f.width()*(s.East-s.West), s.North - y/f.height*(s.North-s.South)}
}

// labelCentre is where a district's label is centred, by its offset.
func (f mapFrame) labelCentre(regionID string, offset []int) (x, y float64) {
	x, y = f.pixel(f.shape.Districts[regionID].LabelPoint)
	if len(offset) == 2 {
		x, y = x+float64(offset[0]), y+float64(offset[1])
	}
	return x, y
}

// outside reports whether a district's label is centred outside the
// district: a reader needs a line to tell whose it is.
func (f mapFrame) outside(it item) bool {
	if it.Label == nil {
		return false
	}
	return !f.shape.Districts[it.RegionID].Contains(f.place(f.labelCentre(it.RegionID, it.Label.Offset)))
}

// leaderIDs are the districts whose label lies outside them in either
// layout's data, in the data's order: each has a line in both, hidden
// where it is not needed, so that a switch of layout (a media query,
// which merges into the graphic by id) leaves no line behind.
func leaderIDs(wide, narrow mapFrame, wideData, narrowData []item) []string {
	var ids []string
	for i, it := range wideData {
		if wide.outside(it) || narrow.outside(narrowData[i]) {
			ids = append(ids, it.RegionID)
		}
	}
	return ids
}

// leaders is the graphic group of the lines from districts to their
// labels. Its origin is the map box's top left corner: it is positioned
// by its own box (bounding "raw"), as large as the map, so that "center"
// centres it as ECharts centres the map. A line runs from the district's
// label point to the middle of the label's near edge, above or below:
// labels with a line sit above or below their district, never beside it.
// Each line is drawn over the districts (z), black on a white casing, so
// that it shows on every fill and on the hatch.
func (f mapFrame) leaders(data []item, ids []string, lineHeight int, left any, top int) map[string]any {
	var lines []any
	for _, it := range data {
		if !slices.Contains(ids, it.RegionID) {
			continue
		}
		x0, y0 := f.pixel(f.shape.Districts[it.RegionID].LabelPoint)
		x1, y1 := f.labelCentre(it.RegionID, it.Label.Offset)
		edge := float64(strings.Count(it.Label.Formatter, "\n")+1)*float64(lineHeight)/2 + 2
		if y1 > y0 {
			edge = -edge
		}
		points := [][2]float64{{round1(x0), round1(y0)}, {round1(x1), round1(y1 + edge)}}
		for _, l := range []struct {
			id, color string
			width     int
		}{{"leader-halo-", "#ffffff", 3}, {"leader-", "#111111", 1}} {
			lines = append(lines, map[string]any{
				"type": "polyline", "id": l.id + it.RegionID, "invisible": !f.outside(it), "z": 10,
				"shape": map[string]any{"points": points},
				"style": map[string]any{"stroke": l.color, "lineWidth": l.width, "fill": nil},
			})
		}
	}
	return map[string]any{
		"type": "group", "id": "leaders", "left": left, "top": top, "bounding": "raw", "silent": true,
		"width": round1(f.width()), "height": f.height, "children": lines,
	}
}

// round1 rounds to a tenth of a pixel.
func round1(v float64) float64 { return math.Round(v*10) / 10 }
