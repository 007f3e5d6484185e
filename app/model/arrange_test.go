package model

import (
	"slices"
	"testing"
)

// TestArrange checks the stored order of records and the coverage that a
// compiled dataset lists, whatever order the records came in.
func TestArrange(t *testing.T) {
	ds := synthetic(t)
	want := make([]string, len(ds.Records))
	for i, r := range ds.Records {
		want[i] = r.ID
	}
	slices.Reverse(ds.Records)
	ds.Coverage = nil
	ds.Arrange()
	var got []string
	for _, r := range ds.Records {
		got = append(got, r.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("records %v, want %v", got, want)
	}
	if r, ok := ds.Record("city-2023-growth"); !ok || r.Region != "city" {
		t.Errorf("the index does not follow the records: %v", r)
	}
	if len(ds.Coverage) != 5 {
		t.Fatalf("coverage %+v, want five slots", ds.Coverage)
	}
	first := ds.Coverage[0]
	if first.Metric != "growth" || first.Year != 2023 || first.Kind != KindTarget ||
		!slices.Equal(first.With, []string{"a"}) || !slices.Equal(first.Without, []string{"b", "city"}) {
		t.Errorf("first slot %+v, want growth 2023 targets: a with, b and city without", first)
	}
}
