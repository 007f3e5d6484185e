package chart

import (
	"encoding/json"
	"fmt"

	"gztargets/app/spec"
)

// StillLayout is a width a chart's still is drawn at: the SVG that
// ECharts' server-side rendering makes of it at build time, which the
// page shows until the live chart draws.
type StillLayout struct {
	Name  string
	Width int
}

// StillLayouts are the widths the stills are drawn at: the desktop column
// (the page's 72rem less its padding); a tablet's, or an article's column
// that embeds the chart; and a phone's, under narrowWidth, where the
// option's media query picks the narrow layout. A box shows the still
// nearest its width (web/still.css), scaled to fit: a still drawn far
// wider than its box would show its text at half its size.
var StillLayouts = []StillLayout{{"wide", 1120}, {"medium", 720}, {"narrow", 360}}

// ExportLayout names a chart's still as a file to download: drawn at the
// wide layout's width with the chart's export patch (spec.Spec.Export), so
// that it carries its title, subtitle and credit line.
const ExportLayout = "export"

// StillJob is one chart for the server-side renderer to draw: the option,
// then, if any, the patch merged over it.
type StillJob struct {
	ID     string          `json:"id"`
	Width  int             `json:"width"`
	Height int             `json:"height"`
	Option json.RawMessage `json:"option"`
	Patch  json.RawMessage `json:"patch,omitempty"`
}

// StillID names a chart's still in a layout: en/gdp_growth-2024-districts/wide.
func StillID(s spec.Spec, layout string) string {
	return string(s.Lang) + "/" + s.Slug + "/" + layout
}

// StillJobs lists every still of the charts: each chart in each layout,
// with the option as the browser first draws it, and each chart as a file
// to download (ExportLayout).
func StillJobs(specs []spec.Spec) ([]StillJob, error) {
	var jobs []StillJob
	for _, s := range specs {
		option, err := stillOption(s.Option)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", s.Lang, s.Slug, err)
		}
		for _, l := range StillLayouts {
			jobs = append(jobs, StillJob{ID: StillID(s, l.Name), Width: l.Width, Height: stillHeight(s, l), Option: option})
		}
		jobs = append(jobs, StillJob{ID: StillID(s, ExportLayout), Width: spec.ExportWidth, Height: s.ExportHeight(), Option: option, Patch: s.Export})
	}
	return jobs, nil
}

// stillHeight is the height of a chart's box in a layout: in the narrow
// one, its NarrowHeight if it has one, which the style sheets give it on
// narrow screens.
func stillHeight(s spec.Spec, l StillLayout) int {
	if s.NarrowHeight != 0 && l.Width <= narrowWidth {
		return s.NarrowHeight
	}
	return s.Height
}

// stillOption is an option as the browser draws it before the reader has
// chosen anything, with the switches parseOption in app/ui/interop.go
// sets: no animation (a still has none) and no decal patterns (off unless
// the reader turns them on; a map's own patterns are kept for then).
func stillOption(option json.RawMessage) (json.RawMessage, error) {
	var o map[string]any
	if err := json.Unmarshal(option, &o); err != nil {
		return nil, err
	}
	o["animation"] = false
	aria, _ := o["aria"].(map[string]any)
	if aria == nil {
		aria = map[string]any{}
	}
	decal, _ := aria["decal"].(map[string]any)
	if decal == nil {
		decal = map[string]any{}
	}
	decal["show"] = false
	aria["decal"] = decal
	o["aria"] = aria
	return json.Marshal(o)
}
