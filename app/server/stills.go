//go:build !wasm

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gztargets/app/chart"
	"gztargets/app/spec"
)

// StillsFile is the file of the web directory that holds the charts'
// stills, written by `webassets ssr`. It is read at start-up and never
// served: the pages carry the stills inline.
const StillsFile = "stills.json"

// Stills are the charts drawn to SVG at build time by ECharts'
// server-side rendering, by chart.StillID, with a hash of what they were
// drawn from.
type Stills struct {
	Key  string            `json:"key"`
	SVGs map[string]string `json:"svgs"`
}

// ReadStills reads a stills file.
func ReadStills(file string) (Stills, error) {
	var st Stills
	b, err := os.ReadFile(file)
	if err != nil {
		return st, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("%s: %w", file, err)
	}
	return st, nil
}

// loadStills reads the web directory's stills. Without the file (a build
// without `make web`, or a test's web directory) the pages have no
// stills, and the live chart alone draws.
func loadStills(webDir string) (Stills, error) {
	st, err := ReadStills(filepath.Join(webDir, StillsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Stills{}, nil
	}
	return st, err
}

// html is the markup a chart's box holds until the live chart draws: its
// still in each layout, which the style sheet shows by the page's width.
// It is "" when a layout's still is missing.
func (st Stills) html(s spec.Spec) string {
	var b strings.Builder
	b.WriteString(`<div class="chart-still" aria-hidden="true">`)
	for _, l := range chart.StillLayouts {
		svg, ok := st.SVGs[chart.StillID(s, l.Name)]
		if !ok {
			return ""
		}
		b.WriteString(strings.Replace(svg, "<svg ", `<svg class="chart-still--`+l.Name+`" `, 1))
	}
	b.WriteString(`</div>`)
	return b.String()
}
