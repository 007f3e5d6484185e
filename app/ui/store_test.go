package ui

import (
	"encoding/json"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// TestStoreKeepsItsOwnCharts checks that a server's store answers from the
// charts it was given, and that another store is not affected.
func TestStoreKeepsItsOwnCharts(t *testing.T) {
	ds := testDataset(t)
	chart := spec.Spec{Lang: i18n.EN, Slug: "gdp_growth-2024-districts"}
	one := NewStore(ds, map[i18n.Lang]spec.Bundle{i18n.EN: {chart.Slug: chart}})
	other := NewStore(ds, nil)
	if _, status := one.peekSpec(i18n.EN, chart.Slug); status != specFound {
		t.Errorf("the store given the chart says %d, want found", status)
	}
	if _, status := other.peekSpec(i18n.EN, chart.Slug); status != specMissing {
		t.Errorf("another store says %d, want missing: a server's store knows every chart", status)
	}
	if _, status := one.peekSpec(i18n.ZH, chart.Slug); status != specMissing {
		t.Errorf("the chart in another language says %d, want missing", status)
	}
}

// TestFound checks which paths are pages with content, by the store's
// dataset; a page built with no store has no data and finds nothing.
func TestFound(t *testing.T) {
	s := NewStore(testDataset(t), nil)
	for path, want := range map[string]bool{
		"/": true, "/sources": true, "/coverage/": true, "/district/tianhe": true,
		"/district/atlantis": false, "/district/": false, "/nope": false,
	} {
		if got := s.Found(path); got != want {
			t.Errorf("Found(%q) = %v, want %v", path, got, want)
		}
	}
	var none *Store
	if none.Found("/district/tianhe") {
		t.Error("a nil store finds a region")
	}
	if _, err := none.dataset(); err != errNoStore {
		t.Errorf("a nil store's dataset error = %v, want errNoStore", err)
	}
}

// TestStoreDecodesFetchedChartsWhenAsked checks the browser's store with a
// fetched bundle: a chart is decoded when a page asks for it, once; a chart
// whose JSON is broken is unavailable, never an empty chart; a slug the
// bundle lacks is missing.
func TestStoreDecodesFetchedChartsWhenAsked(t *testing.T) {
	s := newStore(testDataset(t), nil)
	s.fetches = true
	good := spec.Spec{Lang: i18n.EN, Slug: "gdp_growth-2025-results", Title: "GDP growth"}
	data, err := spec.MarshalBundle(spec.Bundle{good.Slug: good})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := spec.SplitBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	raw["broken"] = json.RawMessage(`{"title":`)
	s.addRaw(i18n.EN, raw)
	tests := []struct {
		slug  string
		want  specStatus
		title string
	}{
		{good.Slug, specFound, good.Title},
		{good.Slug, specFound, good.Title},
		{"broken", specUnavailable, ""},
		{"nope", specMissing, ""},
	}
	for _, tt := range tests {
		sp, status := s.peekSpec(i18n.EN, tt.slug)
		if status != tt.want || sp.Title != tt.title {
			t.Errorf("peekSpec(%q) = %q, %d; want %q, %d", tt.slug, sp.Title, status, tt.title, tt.want)
		}
	}
	if _, kept := s.raw["en/"+good.Slug]; kept {
		t.Error("the decoded chart's JSON is still kept")
	}
	if _, status := s.peekSpec(i18n.ZH, good.Slug); status != specPending {
		t.Errorf("a language not fetched says %d, want pending", status)
	}
}
