//go:build !wasm

package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/data"
)

// TestStillMarkup puts each layout's SVG in the chart's box, named by its
// layout, and nothing when a layout is missing.
func TestStillMarkup(t *testing.T) {
	ds, err := model.Load(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := chart.Districts(ds, "gdp_growth", 2024, i18n.EN)
	st := Stills{SVGs: map[string]string{
		chart.StillID(s, "wide"):   `<svg width="1120"><text>Nansha</text></svg>`,
		chart.StillID(s, "narrow"): `<svg width="360"><text>Nansha</text></svg>`,
	}}
	got := st.html(s)
	for _, want := range []string{`<div class="chart-still" aria-hidden="true">`, `<svg class="chart-still--wide" width="1120">`, `<svg class="chart-still--narrow" width="360">`} {
		if !strings.Contains(got, want) {
			t.Errorf("the still's markup has no %s: %s", want, got)
		}
	}
	embed := string(renderEmbed(ds, resolver{}, s, st, ""))
	_, box, _ := strings.Cut(embed, `id="chart-`+s.Slug+`"`)
	_, inside, _ := strings.Cut(box, ">")
	if !strings.HasPrefix(inside, got+"</div>") {
		t.Errorf("the embed page does not hold the still in the chart's box")
	}
	delete(st.SVGs, chart.StillID(s, "narrow"))
	if got := st.html(s); got != "" {
		t.Errorf("with a layout missing, the markup is %s, want none", got)
	}
	if embed := string(renderEmbed(ds, resolver{}, s, st, "")); strings.Contains(embed, "chart-still") {
		t.Errorf("the embed page holds a still that is missing")
	}
}

// TestLoadStills starts without stills when the build has not drawn them,
// and refuses a stills file that is not one.
func TestLoadStills(t *testing.T) {
	dir := t.TempDir()
	st, err := loadStills(dir)
	if err != nil || len(st.SVGs) != 0 {
		t.Errorf("without the file: %d stills, error %v; want none and no error", len(st.SVGs), err)
	}
	if err := os.WriteFile(filepath.Join(dir, StillsFile), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadStills(dir); err == nil {
		t.Error("a broken stills file was read without an error")
	}
}
