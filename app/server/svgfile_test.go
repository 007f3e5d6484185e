//go:build !wasm

package server

import (
	"encoding/xml"
	"html"
	"regexp"
	"strings"
	"testing"

	"gztargets/app/chart"
	"gztargets/app/words"
)

// svgRoot is an SVG file's root element: its name, namespace and size.
type svgRoot struct {
	XMLName xml.Name
	Width   int `xml:"width,attr"`
	Height  int `xml:"height,attr"`
}

// svgText matches a text element of ECharts' SVG, which holds no other.
var svgText = regexp.MustCompile(`(?s)<text[^>]*>(.*?)</text>`)

// textOf is the text a reader of an SVG file sees, each text element's
// on its own line.
func textOf(svg string) string {
	var lines []string
	for _, m := range svgText.FindAllStringSubmatch(svg, -1) {
		lines = append(lines, html.UnescapeString(m[1]))
	}
	return strings.Join(lines, "\n")
}

// outside names what would make an SVG file depend on something beyond
// it: a script, a remote or embedded image, a stylesheet or web font, any
// url() but one to an element of the file itself (its clip paths).
var outside = regexp.MustCompile(`(?i)<script|<image|<foreignObject|@import|@font-face|url\(\s*[^#\s]|href="(https?:|//)`)

// TestSVGFiles fetches every chart's SVG file: a standalone SVG document at
// the wide layout's width and the export's height, whose text holds the
// chart's title and its credit line, and which needs nothing outside it
// (no script, image, stylesheet or font), so that a browser or Inkscape
// opens it as it is.
func TestSVGFiles(t *testing.T) {
	s := testSite(t)
	specs := chart.Catalogue(s.data)
	if len(specs) == 0 {
		t.Fatal("no charts")
	}
	for _, sp := range specs {
		res, body := get(t, s, "GET", sp.SVGPath())
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/svg+xml" {
			t.Fatalf("%s: status %d, type %q", sp.SVGPath(), res.StatusCode, res.Header.Get("Content-Type"))
		}
		var root svgRoot
		if err := xml.Unmarshal([]byte(body), &root); err != nil {
			t.Fatalf("%s is not XML: %v", sp.SVGPath(), err)
		}
		if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
			t.Errorf("%s: root %v, want svg in the SVG namespace", sp.SVGPath(), root.XMLName)
		}
		if root.Width != chart.StillLayouts[0].Width || root.Height != sp.ExportHeight() {
			t.Errorf("%s is %dx%d, want %dx%d", sp.SVGPath(), root.Width, root.Height, chart.StillLayouts[0].Width, sp.ExportHeight())
		}
		// The credit is wrapped, one text element a line, its breaks at spaces.
		credit := words.New(s.data, sp.Lang).Credit(sp.Sources)
		if text := textOf(body); !strings.Contains(text, sp.Title) || !strings.Contains(withoutSpace(text), withoutSpace(credit)) {
			t.Errorf("%s lacks its title %q or its credit line %q", sp.SVGPath(), sp.Title, credit)
		}
		if m := outside.FindString(body); m != "" {
			t.Errorf("%s depends on something outside it: %s", sp.SVGPath(), m)
		}
	}
}

// withoutSpace is a text without its spaces and line breaks.
func withoutSpace(s string) string { return strings.Join(strings.Fields(s), "") }
