package ui

import (
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
