//go:build !wasm

package server

import (
	"encoding/json"
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
	st := stillSet{svgs: map[string][]byte{
		chart.StillID(s, "wide"):   gzipBytes([]byte(`<svg width="1120"><text>Nansha</text></svg>`), fastLevel),
		chart.StillID(s, "medium"): gzipBytes([]byte(`<svg width="720"><text>Nansha</text></svg>`), fastLevel),
		chart.StillID(s, "narrow"): gzipBytes([]byte(`<svg width="360"><text>Nansha</text></svg>`), fastLevel),
	}}
	got := st.html(s)
	for _, want := range []string{`<div class="chart-still" aria-hidden="true">`, `<svg class="chart-still--wide" width="1120">`, `<svg class="chart-still--medium" width="720">`, `<svg class="chart-still--narrow" width="360">`} {
		if !strings.Contains(got, want) {
			t.Errorf("the still's markup has no %s: %s", want, got)
		}
	}
	embed := string(renderEmbed(ds, resolver{}, "", s, st, ""))
	_, box, _ := strings.Cut(embed, `id="chart-`+s.Slug+`"`)
	_, inside, _ := strings.Cut(box, ">")
	if !strings.HasPrefix(inside, got+"</div>") {
		t.Errorf("the embed page does not hold the still in the chart's box")
	}
	delete(st.svgs, chart.StillID(s, "narrow"))
	if got := st.html(s); got != "" {
		t.Errorf("with a layout missing, the markup is %s, want none", got)
	}
	if embed := string(renderEmbed(ds, resolver{}, "", s, st, "")); strings.Contains(embed, "chart-still") {
		t.Errorf("the embed page holds a still that is missing")
	}
}

// TestLoadStills starts without stills when the build has not drawn them,
// reads a stills file member by member, keeping each SVG as it was, and
// refuses a stills file that is not one.
func TestLoadStills(t *testing.T) {
	dir := t.TempDir()
	st, err := loadStills(dir)
	if err != nil || len(st.svgs) != 0 {
		t.Errorf("without the file: %d stills, error %v; want none and no error", len(st.svgs), err)
	}
	file := filepath.Join(dir, StillsFile)
	want := Stills{Key: "k1", SVGs: map[string]string{"en/x/wide": "<svg>南沙</svg>", "en/x/narrow": "<svg/>"}}
	b, _ := json.Marshal(want)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err = loadStills(dir)
	if err != nil || st.key != "k1" || len(st.svgs) != 2 {
		t.Fatalf("read key %q and %d stills, error %v; want k1 and 2", st.key, len(st.svgs), err)
	}
	for id, svg := range want.SVGs {
		if got, err := gunzip(st.svgs[id]); got != svg || err != nil {
			t.Errorf("%s: %q (%v), want %q", id, got, err, svg)
		}
	}
	for _, broken := range []string{"{", "[]", `{"svgs": {"a": 1}}`} {
		if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadStills(dir); err == nil {
			t.Errorf("the broken stills file %s was read without an error", broken)
		}
	}
}
