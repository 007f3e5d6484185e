package main

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"gztargets/data/geo"
)

// echartsPart is one ECharts module the site's bundle installs, and the
// option keys (series types as "series.bar") it makes work.
type echartsPart struct {
	module string // "charts", "components" or "renderers"
	name   string
	serves []string
}

// echartsParts is exactly what the site's charts draw with: the series
// types and components of every published spec (a test holds the
// catalogue to this list), the canvas renderer for the screen and PNGs,
// and the SVG renderer for SVG downloads. ECharts' own common build
// carries pie charts, data zoom, toolboxes and more that no chart uses,
// and lacks the map.
var echartsParts = []echartsPart{
	{"charts", "BarChart", []string{"series.bar"}},
	{"charts", "LineChart", []string{"series.line"}},
	{"charts", "ScatterChart", []string{"series.scatter"}},
	{"charts", "MapChart", []string{"series.map"}},
	{"components", "GridComponent", []string{"grid", "xAxis", "yAxis"}},
	{"components", "TooltipComponent", []string{"tooltip"}},
	{"components", "LegendComponent", []string{"legend"}},
	{"components", "TitleComponent", []string{"title"}},
	{"components", "GraphicComponent", []string{"graphic"}},
	{"components", "AriaComponent", []string{"aria"}},
	{"components", "MarkLineComponent", []string{"markLine"}},
	{"components", "VisualMapPiecewiseComponent", []string{"visualMap"}},
	{"renderers", "CanvasRenderer", nil},
	{"renderers", "SVGRenderer", nil},
}

// textWidthScript defines textWidth, the widths of text by which ECharts
// lays out the charts, the same in the browser and for the stills.
//
//go:embed textwidth.js
var textWidthScript string

// echartsEntry is the bundle's source: ECharts' core API as the global
// echarts (as the prebuilt files define it), the parts above, the
// districts' shape registered for map series, and text measured by
// textWidth rather than by the reader's fonts, as the stills were.
func echartsEntry() string {
	var sb strings.Builder
	names := make([]string, len(echartsParts))
	for i, p := range echartsParts {
		fmt.Fprintf(&sb, "import { %s } from \"echarts/%s\";\n", p.name, p.module)
		names[i] = p.name
	}
	sb.WriteString("import { use, registerMap, setPlatformAPI } from \"echarts/core\";\n")
	sb.WriteString("export * from \"echarts/core\";\n")
	fmt.Fprintf(&sb, "use([%s]);\n", strings.Join(names, ", "))
	fmt.Fprintf(&sb, "registerMap(%q, %s);\n", geo.MapName, strings.TrimSpace(string(geo.GuangzhouJSON)))
	sb.WriteString(textWidthScript)
	sb.WriteString("setPlatformAPI({ measureText: textWidth });\n")
	return sb.String()
}

// writeECharts bundles ECharts from the npm packages installed under
// modules (a node_modules directory) into out, minified, as a script that
// defines the global echarts.
func writeECharts(modules, out string) error {
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   echartsEntry(),
			ResolveDir: filepath.Dir(modules),
			Sourcefile: "echarts-entry.js",
			Loader:     api.LoaderJS,
		},
		NodePaths:         []string{modules},
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        "echarts",
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsEndOfFile,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		Charset:           api.CharsetUTF8,
		Write:             false,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return errors.New(strings.Join(msgs, "\n"))
	}
	if len(res.OutputFiles) != 1 {
		return fmt.Errorf("esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return os.WriteFile(out, res.OutputFiles[0].Contents, 0o644)
}
