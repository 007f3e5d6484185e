package words

import (
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// TestYearsCovered lists the years of a dataset as runs of consecutive
// years, so that a gap is never covered by "from … to …".
func TestYearsCovered(t *testing.T) {
	tests := []struct {
		years  []int
		zh, en string
	}{
		{nil, "", ""},
		{[]int{2024}, "2024年", "2024"},
		{[]int{2022, 2023, 2024, 2025}, "2022年至2025年", "2022 to 2025"},
		{[]int{2022, 2023, 2024, 2026, 2028, 2029}, "2022年至2024年、2026年、2028年至2029年", "2022 to 2024, 2026, 2028 to 2029"},
	}
	for _, tt := range tests {
		ds := &model.Dataset{}
		for _, y := range tt.years {
			ds.Records = append(ds.Records, model.Record{Figure: model.Figure{Year: y}}, model.Record{Figure: model.Figure{Year: y}})
		}
		if got := New(ds, i18n.ZH).YearsCovered(); got != tt.zh {
			t.Errorf("%v in Chinese: %q, want %q", tt.years, got, tt.zh)
		}
		if got := New(ds, i18n.EN).YearsCovered(); got != tt.en {
			t.Errorf("%v in English: %q, want %q", tt.years, got, tt.en)
		}
	}
}
