package ui

import (
	"slices"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// TestSortRecords checks the table's orders on the 2024 GDP growth
// pledges of five districts, figures several of them share.
func TestSortRecords(t *testing.T) {
	ds := testDataset(t)
	tests := []struct {
		key  string
		lang i18n.Lang
		want string // region ids, in order
	}{
		{"region", i18n.ZH, "baiyun haizhu liwan tianhe yuexiu"},
		{"region", i18n.EN, "baiyun haizhu liwan tianhe yuexiu"},
		{"-region", i18n.ZH, "yuexiu tianhe liwan haizhu baiyun"},
		{"-value", i18n.EN, "baiyun haizhu tianhe liwan yuexiu"},
		{"", i18n.ZH, "yuexiu haizhu liwan tianhe baiyun"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"/"+string(tt.lang), func(t *testing.T) {
			recs := slices.DeleteFunc(slices.Clone(ds.Records), func(r model.Record) bool {
				return r.Metric != "gdp_growth" || r.Year != 2024 || r.Kind != model.KindTarget || r.Stage != model.StagePledge ||
					!slices.Contains([]string{"yuexiu", "haizhu", "liwan", "tianhe", "baiyun"}, r.Region)
			})
			var got []string
			for _, r := range sortRecords(ds, recs, tt.key, tt.lang) {
				got = append(got, r.Region)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("order %v, want %s", got, tt.want)
			}
		})
	}
}

// TestSortByValueKeepsUnitsApart sorts every 2024 Tianhe figure by value:
// amounts and rates are never interleaved.
func TestSortByValueKeepsUnitsApart(t *testing.T) {
	ds := testDataset(t)
	recs := sortRecords(ds, ds.Select(model.Filter{Region: "tianhe", Year: 2024}), "-value", i18n.EN)
	changes, units := 0, map[string]bool{}
	for i, r := range recs {
		units[r.Unit] = true
		if i > 0 && r.Unit != recs[i-1].Unit {
			changes++
		}
	}
	if len(units) < 2 || changes != len(units)-1 {
		t.Errorf("%d units change %d times along the sorted rows, want several units, each in one run", len(units), changes)
	}
}

// TestTableTitleNamesTheFilters checks that a filtered table says so.
func TestTableTitleNamesTheFilters(t *testing.T) {
	ds := testDataset(t)
	if got := tableTitle(urlstate.State{View: urlstate.ViewTable, Lang: i18n.EN}, ds); got != "Every figure" {
		t.Errorf("unfiltered title %q", got)
	}
	s := urlstate.State{View: urlstate.ViewTable, Metric: "gdp_growth", Year: 2024, Region: "liwan", Lang: i18n.EN}
	if got := tableTitle(s, ds); got != "Figures: GDP growth · 2024 · Liwan" {
		t.Errorf("filtered title %q", got)
	}
}
