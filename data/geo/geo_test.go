package geo

import (
	"encoding/json"
	"testing"

	"gztargets/app/model"
	"gztargets/data"
)

// feature is what the map needs of a GeoJSON feature.
type feature struct {
	Type       string `json:"type"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
	Geometry struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

// TestShapeCoversEveryDistrictOnce proves that each of the dataset's
// districts has exactly one feature in the shape, that no feature is left
// without a district, and that nothing but a district is mapped.
func TestShapeCoversEveryDistrictOnce(t *testing.T) {
	ds, err := model.Decode(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for _, f := range shapeFeatures(t) {
		byName[f.Properties.Name]++
	}
	districts := 0
	for _, r := range ds.Regions {
		name, ok := ShapeName(r.ID)
		if r.Group != model.GroupDistrict {
			if ok {
				t.Errorf("%s (%s) is not a district but is mapped to %s", r.ID, r.Group, name)
			}
			continue
		}
		districts++
		if !ok {
			t.Errorf("district %s has no shape name", r.ID)
			continue
		}
		if byName[name] != 1 {
			t.Errorf("district %s: %d features named %s, want 1", r.ID, byName[name], name)
		}
		delete(byName, name)
	}
	if districts != 11 || len(shapeNames) != 11 {
		t.Errorf("%d districts in the dataset, %d mapped; want 11 and 11", districts, len(shapeNames))
	}
	for name := range byName {
		t.Errorf("feature %s is no district of the dataset", name)
	}
}

// TestShapeIsSmallAndClosed checks that the committed GeoJSON is a feature
// collection of closed polygons inside Guangzhou's bounds, small enough to
// travel with every page.
func TestShapeIsSmallAndClosed(t *testing.T) {
	if len(GuangzhouJSON) > 60_000 {
		t.Errorf("guangzhou.json is %d bytes; a district map needs tens of kilobytes", len(GuangzhouJSON))
	}
	for _, f := range shapeFeatures(t) {
		var polygons [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				t.Fatalf("%s: %v", f.Properties.Name, err)
			}
			polygons = [][][][2]float64{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polygons); err != nil {
				t.Fatalf("%s: %v", f.Properties.Name, err)
			}
		default:
			t.Fatalf("%s: geometry %q is not a polygon", f.Properties.Name, f.Geometry.Type)
		}
		for _, p := range polygons {
			for _, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Errorf("%s: a ring of %d points is not closed", f.Properties.Name, len(r))
				}
				for _, pt := range r {
					if pt[0] < 112.9 || pt[0] > 114.1 || pt[1] < 22.5 || pt[1] > 23.95 {
						t.Fatalf("%s: point %v lies outside Guangzhou", f.Properties.Name, pt)
					}
				}
			}
		}
	}
}

// shapeFeatures decodes the committed GeoJSON's features.
func shapeFeatures(t *testing.T) []feature {
	t.Helper()
	var c struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}
	if err := json.Unmarshal(GuangzhouJSON, &c); err != nil {
		t.Fatalf("guangzhou.json: %v", err)
	}
	if c.Type != "FeatureCollection" {
		t.Fatalf("guangzhou.json: type %q, want FeatureCollection", c.Type)
	}
	return c.Features
}

// TestContains checks the even-odd rule on a square with a square hole.
func TestContains(t *testing.T) {
	d := District{Rings: [][]Point{
		{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
		{{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}},
	}}
	for _, c := range []struct {
		p    Point
		want bool
	}{{Point{0.5, 0.5}, true}, {Point{2, 2}, false}, {Point{3.5, 2}, true}, {Point{5, 2}, false}, {Point{-1, -1}, false}} {
		if got := d.Contains(c.p); got != c.want {
			t.Errorf("Contains(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}

// TestReadShape checks the shape the map is drawn from: every district,
// each holding its own label point, in a box around the city.
func TestReadShape(t *testing.T) {
	s, err := ReadShape()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Districts) != len(shapeNames) {
		t.Errorf("%d districts read, want %d", len(s.Districts), len(shapeNames))
	}
	if s.West < 112.9 || s.East > 114.1 || s.South < 22.5 || s.North > 23.95 || s.East-s.West < 1 || s.North-s.South < 1.3 {
		t.Errorf("the box %+v is not Guangzhou's", s)
	}
	for id, d := range s.Districts {
		if !d.Contains(d.LabelPoint) {
			t.Errorf("%s's label point %v lies outside it", id, d.LabelPoint)
		}
	}
	if _, err := readShape([]byte(`{"features":[{"properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`)); err == nil {
		t.Error("a point read as a district")
	}
}
