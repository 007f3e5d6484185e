package ui

import (
	"slices"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
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
