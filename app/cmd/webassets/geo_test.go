package main

import (
	"strings"
	"testing"
)

// TestDeriveGeo simplifies a small collection: a point within the
// tolerance of its neighbours' line goes, the corners and a point further
// off stay, coordinates are rounded and the label point kept; an encoded
// file is refused.
func TestDeriveGeo(t *testing.T) {
	src := `{"type":"FeatureCollection","UTF8Encoding":false,"features":[{"type":"Feature","id":"440103",
	"properties":{"name":"荔湾区","cp":[113.24425,23.12586],"childNum":1},
	"geometry":{"type":"Polygon","coordinates":[[[113,23],[113.05,23.0004],[113.1,23],[113.1,23.1],[113.0502,23.1],[113.04,23.13],[113,23.1],[113,23]]]}}]}`
	got, err := deriveGeo([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"FeatureCollection","features":[{"type":"Feature","id":"440103",` +
		`"properties":{"name":"荔湾区","cp":[113.244,23.126]},` +
		`"geometry":{"type":"Polygon","coordinates":[[[113,23],[113.1,23],[113.1,23.1],[113.05,23.1],[113.04,23.13],[113,23.1],[113,23]]]}}]}` + "\n"
	if string(got) != want {
		t.Errorf("deriveGeo:\n got %s\nwant %s", got, want)
	}
	encoded := strings.Replace(src, `"UTF8Encoding":false`, `"UTF8Encoding":true`, 1)
	if _, err := deriveGeo([]byte(encoded)); err == nil {
		t.Error("deriveGeo read a compressed file")
	}
}
