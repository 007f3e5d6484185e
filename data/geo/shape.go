package geo

import (
	"encoding/json"
	"fmt"
	"sync"
)

// Point is a place in degrees: longitude, then latitude, as GeoJSON
// writes it.
type Point [2]float64

// Shape is what a drawing of the map needs to know of GuangzhouJSON: the
// box around every district, which ECharts fits to the map's box, and
// each district by its region id.
type Shape struct {
	West, East, South, North float64
	Districts                map[string]District
}

// District is a district's outline and the point ECharts puts its label
// on (the feature's cp).
type District struct {
	LabelPoint Point
	Rings      [][]Point // outer rings and holes alike
}

// Contains reports whether p lies inside the district, by the even-odd
// rule over all its rings, as a holed polygon is filled.
func (d District) Contains(p Point) bool {
	in := false
	for _, ring := range d.Rings {
		for i := range ring {
			a, b := ring[i], ring[(i+1)%len(ring)]
			if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0]+(p[1]-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
				in = !in
			}
		}
	}
	return in
}

// ReadShape reads GuangzhouJSON once.
var ReadShape = sync.OnceValues(func() (Shape, error) { return readShape(GuangzhouJSON) })

// readShape reads a GeoJSON of the districts: Polygon and MultiPolygon
// features, named as shapeNames names them, each with its cp.
func readShape(b []byte) (Shape, error) {
	var fc struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
				CP   Point  `json:"cp"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return Shape{}, err
	}
	ids := map[string]string{}
	for id, name := range shapeNames {
		ids[name] = id
	}
	s := Shape{West: 180, East: -180, South: 90, North: -90, Districts: map[string]District{}}
	for _, f := range fc.Features {
		rings, err := readRings(f.Geometry.Type, f.Geometry.Coordinates)
		id, ok := ids[f.Properties.Name]
		if err != nil || !ok {
			return Shape{}, fmt.Errorf("geo: feature %q: not a district's polygon (%v)", f.Properties.Name, err)
		}
		for _, ring := range rings {
			for _, p := range ring {
				s.West, s.East = min(s.West, p[0]), max(s.East, p[0])
				s.South, s.North = min(s.South, p[1]), max(s.North, p[1])
			}
		}
		s.Districts[id] = District{LabelPoint: f.Properties.CP, Rings: rings}
	}
	return s, nil
}

// readRings reads the rings of a Polygon or a MultiPolygon.
func readRings(kind string, coordinates json.RawMessage) ([][]Point, error) {
	switch kind {
	case "Polygon":
		var rings [][]Point
		return rings, json.Unmarshal(coordinates, &rings)
	case "MultiPolygon":
		var polygons [][][]Point
		err := json.Unmarshal(coordinates, &polygons)
		var rings [][]Point
		for _, p := range polygons {
			rings = append(rings, p...)
		}
		return rings, err
	}
	return nil, fmt.Errorf("geometry %q", kind)
}
