package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"gztargets/app/chart"
	"gztargets/app/model"
	"gztargets/app/server"
	"gztargets/data"
	"gztargets/data/geo"
)

// ssrScript draws the charts with ECharts in Node.js.
//
//go:embed ssr.mjs
var ssrScript []byte

// nodeScript is what Node.js runs: ssr.mjs, after the textWidth it
// measures text with.
func nodeScript() []byte { return []byte(textWidthScript + "\n" + string(ssrScript)) }

// ssrInput is what ssr.mjs reads: the districts' map, which it registers
// as the site's bundle does (echartsEntry), and the charts to draw.
type ssrInput struct {
	Map    ssrMap           `json:"map"`
	Charts []chart.StillJob `json:"charts"`
}

type ssrMap struct {
	Name    string          `json:"name"`
	GeoJSON json.RawMessage `json:"geoJSON"`
}

// echartsBuild is the file of the installed echarts package that Node.js
// loads (its package.json's main): the stills' hash covers it.
const echartsBuild = "echarts/dist/echarts.js"

// writeStills renders every chart the site publishes to SVG, in each
// layout, with ECharts' server-side rendering, using the ECharts installed
// under modules (a node_modules directory, the one the site's bundle is
// built from), and writes them to out. It renders again only when the
// charts, ECharts or the script changed: out keeps a hash of all three.
func writeStills(modules, out string) error {
	ds, err := model.Load(data.JSON)
	if err != nil {
		return err
	}
	jobs, err := chart.StillJobs(chart.Catalogue(ds))
	if err != nil {
		return err
	}
	input, err := json.Marshal(ssrInput{Map: ssrMap{geo.MapName, geo.GuangzhouJSON}, Charts: jobs})
	if err != nil {
		return err
	}
	lib, err := os.ReadFile(filepath.Join(modules, filepath.FromSlash(echartsBuild)))
	if err != nil {
		return err
	}
	key := stillsKey(input, lib, nodeScript(), []byte(stillsFormat))
	if old, err := server.ReadStillsKey(out); err == nil && old == key {
		fmt.Printf("webassets: %s is up to date\n", out)
		return nil
	}
	start := time.Now()
	svgs, err := runNode(modules, input)
	if err != nil {
		return err
	}
	b, err := json.Marshal(server.Stills{Key: key, SVGs: svgs})
	if err != nil {
		return err
	}
	fmt.Printf("webassets: rendered %d stills in %s\n", len(svgs), time.Since(start).Round(time.Millisecond))
	return os.WriteFile(out, b, 0o644)
}

// stillsFormat names what writeStills does to ECharts' SVG: change it
// with withoutInlineStyles, so that the next build renders again.
const stillsFormat = "presentation attributes, font spelled out, no style element"

// stillsKey hashes what the stills depend on.
func stillsKey(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// runNode runs ssr.mjs with the charts on its standard input and returns
// the SVGs it writes, by id.
func runNode(modules string, input []byte) (map[string]string, error) {
	abs, err := filepath.Abs(modules)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("node", "--input-type=module", "-e", string(nodeScript()), abs)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node ssr.mjs: %w", err)
	}
	var svgs map[string]string
	if err := json.Unmarshal(stdout, &svgs); err != nil {
		return nil, fmt.Errorf("node ssr.mjs: reading its output: %w", err)
	}
	for id, svg := range svgs {
		svgs[id] = withoutInlineStyles(svg)
	}
	return svgs, nil
}

var (
	styleAttr    = regexp.MustCompile(`style="([^"]*)"`)
	styleElement = regexp.MustCompile(`(?s)<style[^>]*>.*?</style>`)
)

// withoutInlineStyles makes an SVG fit for pages whose
// Content-Security-Policy allows no inline styles, which the browser would
// drop (and report): each style attribute becomes presentation attributes
// (ECharts writes only font settings there), and the style element, which
// holds only hover effects, goes.
func withoutInlineStyles(svg string) string {
	svg = styleElement.ReplaceAllString(svg, "")
	return styleAttr.ReplaceAllStringFunc(svg, func(attr string) string {
		var attrs []string
		for _, decl := range strings.Split(styleAttr.FindStringSubmatch(attr)[1], ";") {
			name, value, ok := strings.Cut(decl, ":")
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			switch {
			case !ok:
			case name == "font":
				attrs = append(attrs, fontAttrs(value)...)
			default:
				attrs = append(attrs, name+`="`+value+`"`)
			}
		}
		return strings.Join(attrs, " ")
	})
}

// fontAttrs spells out the font shorthand ECharts writes for rich text
// ("normal bold 12px sans-serif": style, weight, size, family), which is
// no presentation attribute: the browser would ignore it and draw the
// text at its default size.
func fontAttrs(font string) []string {
	fields := strings.Fields(font)
	size := slices.IndexFunc(fields, func(f string) bool { return strings.HasSuffix(f, "px") })
	if size < 0 {
		return nil
	}
	attrs := []string{`font-size="` + fields[size] + `"`, `font-family="` + strings.Join(fields[size+1:], " ") + `"`}
	for i, name := range []string{"font-style", "font-weight"} {
		if i < size && fields[i] != "normal" {
			attrs = append(attrs, name+`="`+fields[i]+`"`)
		}
	}
	return attrs
}
