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

// TestListed joins a list as a sentence does in each language.
func TestListed(t *testing.T) {
	tests := []struct {
		items  []string
		zh, en string
	}{
		{nil, "", ""},
		{[]string{"A"}, "A", "A"},
		{[]string{"A", "B"}, "A及B", "A and B"},
		{[]string{"A", "B", "C"}, "A、B及C", "A, B and C"},
	}
	for _, tt := range tests {
		if got := New(&model.Dataset{}, i18n.ZH).Listed(tt.items); got != tt.zh {
			t.Errorf("%q in Chinese: %q, want %q", tt.items, got, tt.zh)
		}
		if got := New(&model.Dataset{}, i18n.EN).Listed(tt.items); got != tt.en {
			t.Errorf("%q in English: %q, want %q", tt.items, got, tt.en)
		}
	}
}
