package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"gztargets/app/spec"
	"gztargets/data/geo"
)

func TestInTwoLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"not found in our sources", "not found in\nour sources"},
		{"searched for, not found", "searched for,\nnot found"},
		{"2.1% ✗ missed", "2.1% ✗ missed"},
		{"已查找，未找到", "已查找，未找到"},
		{"我们的来源中未找到", "我们的来源中未找到"},
		{"withoutanyspaceatallinthesewords", "withoutanyspaceatallinthesewords"},
		{"", ""},
	} {
		if got := inTwoLines(c.in); got != c.want {
			t.Errorf("inTwoLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestMapFrameKeepsTheShape checks the projection: the shape's corners at
// the box's, a degree of longitude mapAspectScale of a degree of
// latitude, and back again.
func TestMapFrameKeepsTheShape(t *testing.T) {
	f := newMapFrame(524)
	s := f.shape
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
	if x, y := f.pixel(geo.Point{s.West, s.North}); !near(x, 0) || !near(y, 0) {
		t.Errorf("the north-west corner at %v, %v, want 0, 0", x, y)
	}
	if x, y := f.pixel(geo.Point{s.East, s.South}); !near(x, f.width()) || !near(y, 524) {
		t.Errorf("the south-east corner at %v, %v, want %v, 524", x, y, f.width())
	}
	perLon, perLat := f.width()/(s.East-s.West), 524/(s.North-s.South)
	if !near(perLon/perLat, mapAspectScale) {
		t.Errorf("a degree of longitude is %v of a degree of latitude, want %v", perLon/perLat, mapAspectScale)
	}
	p := geo.Point{113.3, 23.1}
	if q := f.place(f.pixel(p)); !near(q[0], p[0]) || !near(q[1], p[1]) {
		t.Errorf("%v came back as %v", p, q)
	}
}

// TestMapLeaders checks the lines of every published map in each layout:
// each district whose label is centred outside it has a line, shown,
// from its label point to the middle of the label's top or bottom edge;
// the others' lines are hidden; the group is the map's box. Each media
// entry is a whole layout (mapMedia says why), its lines in a whole
// graphic component, as only the option's root may list bare elements.
func TestMapLeaders(t *testing.T) {
	for _, sp := range Catalogue(realDataset(t)) {
		if sp.ChartType != spec.ChartMap {
			continue
		}
		var o struct {
			Series  []struct{ Data []item } `json:"series"`
			Graphic []leaderGroup           `json:"graphic"`
			Media   []struct {
				Query  map[string]any `json:"query"`
				Option struct {
					Series  []struct{ Data []item } `json:"series"`
					Title   []map[string]any        `json:"title"`
					Graphic struct{ Elements []leaderGroup }
				} `json:"option"`
			} `json:"media"`
		}
		if err := json.Unmarshal(sp.Option, &o); err != nil {
			t.Fatal(err)
		}
		wide, narrow := newMapFrame(sp.Height-16), newMapFrame(narrowHeight-narrowMapBottom)
		if len(o.Series) != 1 || o.Series[0].Data != nil || len(o.Media) == 0 || o.Media[0].Query != nil {
			t.Fatalf("%s: want the districts' data in the media entries only, the default first", sp.Slug)
		}
		checkLeaders(t, sp.Slug+" root", wide, o.Media[0].Option.Series[0].Data, o.Graphic, 13)
		for _, m := range o.Media {
			where := fmt.Sprintf("%s media %v", sp.Slug, m.Query)
			if len(m.Option.Series) != 1 || len(m.Option.Series[0].Data) != 11 || len(m.Option.Title) != 2 {
				t.Fatalf("%s: not a whole layout: %d series, %d titles", where, len(m.Option.Series), len(m.Option.Title))
			}
			frame, lineHeight := wide, 13
			if _, ok := m.Query["maxWidth"]; ok {
				frame, lineHeight = narrow, 11
			}
			checkLeaders(t, where, frame, m.Option.Series[0].Data, m.Option.Graphic.Elements, lineHeight)
		}
	}
}

// leaderGroup is the graphic group of a map's lines, as the option has it.
type leaderGroup struct {
	ID            string
	Width, Height float64
	Children      []struct {
		ID        string
		Invisible bool
		Shape     struct{ Points [][2]float64 }
	}
}

func checkLeaders(t *testing.T, where string, f mapFrame, data []item, graphic []leaderGroup, lineHeight int) {
	t.Helper()
	if len(graphic) != 1 || graphic[0].ID != "leaders" || math.Abs(graphic[0].Width-f.width()) > 0.1 || graphic[0].Height != f.height {
		t.Fatalf("%s: want one group of lines as large as the map, %gx%g: %+v", where, f.width(), f.height, graphic)
	}
	lines := map[string][][2]float64{}
	for _, c := range graphic[0].Children {
		if strings.HasPrefix(c.ID, "leader-") && !strings.HasPrefix(c.ID, "leader-halo-") && !c.Invisible {
			lines[c.ID] = c.Shape.Points
		}
	}
	for _, it := range data {
		points, drawn := lines["leader-"+it.RegionID]
		if drawn != f.outside(it) {
			t.Errorf("%s: %s's label is outside it: %v, its line shown: %v", where, it.RegionID, f.outside(it), drawn)
		}
		if !drawn {
			continue
		}
		d := f.shape.Districts[it.RegionID]
		x, y := f.labelCentre(it.RegionID, it.Label.Offset)
		lines := float64(strings.Count(it.Label.Formatter, "\n") + 1)
		start, end := points[0], points[1]
		if !d.Contains(f.place(start[0], start[1])) || math.Abs(end[0]-x) > 0.1 ||
			math.Abs(math.Abs(end[1]-y)-(lines*float64(lineHeight)/2+2)) > 0.1 || (end[1] > y) != (start[1] > y) {
			t.Errorf("%s: %s's line runs %v to %v; its label is centred at %.1f, %.1f, %g lines high", where, it.RegionID, start, end, x, y, lines)
		}
	}
}
