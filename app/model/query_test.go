package model

import (
	"slices"
	"strings"
	"testing"
)

// synthetic builds a small dataset inline: three regions, two metrics.
func synthetic(t *testing.T) *Dataset {
	t.Helper()
	f := func(v float64) *float64 { return &v }
	cite := func(seed string, v float64, q string) []Citation {
		return []Citation{{Source: seed, Quote: "q", Value: v, Qualifier: q}}
	}
	ds := &Dataset{
		Schema:  SchemaVersion,
		Units:   []Unit{{ID: "pct"}, {ID: "cny_100m"}},
		Regions: []Region{{ID: "a", Group: GroupDistrict}, {ID: "b", Group: GroupDistrict}, {ID: "city", Group: GroupCity}},
		Metrics: []Metric{{ID: "growth", Unit: "pct"}, {ID: "total", Unit: "cny_100m"}},
		Sources: []Source{{ID: "s1"}, {ID: "s2"}},
		Records: []Record{
			{ID: "a-2023-growth", Region: "a", Year: 2023, Metric: "growth", Kind: KindTarget, Stage: StagePlan, Value: 6, Qualifier: QualAtLeast, Period: PeriodYear, Unit: "pct", Sources: cite("s1", 6, QualAtLeast)},
			{ID: "a-2024-growth", Region: "a", Year: 2024, Metric: "growth", Kind: KindTarget, Stage: StagePlan, Value: 5, Qualifier: QualExact, Stretch: f(5.5), Period: PeriodYear, Unit: "pct", Sources: cite("s2", 5, QualExact)},
			{ID: "a-2024-growth-actual-h1", Region: "a", Year: 2024, Metric: "growth", Kind: KindActual, Value: 4, Qualifier: QualExact, Period: PeriodH1, Unit: "pct", Sources: cite("s2", 4, QualExact)},
			{ID: "b-2024-total", Region: "b", Year: 2024, Metric: "total", Kind: KindTarget, Stage: StagePlan, Value: 700, Qualifier: QualAbove, Period: PeriodYear, Unit: "cny_100m",
				Sources: append(cite("s1", 700, QualAbove), cite("s2", 700, QualAbout)...), Conflict: []string{"qualifier"}},
			{ID: "city-2023-growth", Region: "city", Year: 2023, Metric: "growth", Kind: KindActual, Value: 4.6, Qualifier: QualExact, Period: PeriodYear, Unit: "pct", Sources: cite("s1", 4.6, QualExact)},
		},
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	ds.buildIndex()
	return ds
}

func recordIDs(entries []Entry) []string {
	var ids []string
	for _, e := range entries {
		if e.Record == nil {
			ids = append(ids, e.Region.ID+":none")
		} else {
			ids = append(ids, e.Record.ID)
		}
	}
	return ids
}

func TestCompare(t *testing.T) {
	ds := synthetic(t)
	tests := []struct {
		metric string
		year   int
		want   []string
	}{
		{"growth", 2024, []string{"a-2024-growth", "b:none", "city:none"}},
		{"growth", 2023, []string{"a-2023-growth", "b:none", "city-2023-growth"}},
		{"total", 2024, []string{"a:none", "b-2024-total", "city:none"}},
		{"total", 1999, []string{"a:none", "b:none", "city:none"}},
		{"unknown", 2024, []string{"a:none", "b:none", "city:none"}},
	}
	for _, tt := range tests {
		if got := recordIDs(ds.Compare(tt.metric, tt.year)); !slices.Equal(got, tt.want) {
			t.Errorf("Compare(%s, %d) = %v, want %v", tt.metric, tt.year, got, tt.want)
		}
	}
}

func TestTrendAndProfile(t *testing.T) {
	ds := synthetic(t)
	var trend []string
	for _, r := range ds.Trend("a", "growth") {
		trend = append(trend, r.ID)
	}
	if want := []string{"a-2023-growth", "a-2024-growth", "a-2024-growth-actual-h1"}; !slices.Equal(trend, want) {
		t.Errorf("Trend = %v, want %v", trend, want)
	}
	p, ok := ds.Profile("a")
	if !ok || len(p.Years) != 2 || p.Years[0].Year != 2024 || len(p.Years[0].Records) != 2 {
		t.Fatalf("Profile(a) = %+v, want 2024 (two figures) then 2023", p)
	}
	if len(p.Metrics) != 1 || p.Metrics[0].ID != "growth" {
		t.Errorf("Profile(a).Metrics = %+v, want growth only", p.Metrics)
	}
	if _, ok := ds.Profile("atlantis"); ok {
		t.Error("Profile of an unknown region succeeded")
	}
}

func TestSourcesConflictsYearsSelect(t *testing.T) {
	ds := synthetic(t)
	if got := len(ds.SourceFigures("s2")); got != 3 {
		t.Errorf("SourceFigures(s2) has %d figures, want 3", got)
	}
	if c := ds.Conflicts(); len(c) != 1 || c[0].ID != "b-2024-total" {
		t.Errorf("Conflicts = %+v", c)
	}
	if y := ds.Years("growth"); !slices.Equal(y, []int{2023, 2024}) {
		t.Errorf("Years(growth) = %v", y)
	}
	if y := ds.Years("total"); !slices.Equal(y, []int{2024}) {
		t.Errorf("Years(total) = %v", y)
	}
	tests := []struct {
		f    Filter
		want int
	}{
		{Filter{}, 5},
		{Filter{Metric: "growth"}, 4},
		{Filter{Metric: "growth", Year: 2024}, 2},
		{Filter{Region: "city"}, 1},
		{Filter{Region: "b", Metric: "growth"}, 0},
	}
	for _, tt := range tests {
		if got := len(ds.Select(tt.f)); got != tt.want {
			t.Errorf("Select(%+v) = %d records, want %d", tt.f, got, tt.want)
		}
	}
}

func TestValidateReportsRecordAndField(t *testing.T) {
	ds := synthetic(t)
	ds.Records[1].Metric = "gpd"
	ds.Records[2].Unit = "cny_100m"
	ds.Records[3].Sources[0].Quote = ""
	err := ds.Validate()
	if err == nil {
		t.Fatal("Validate accepted broken records")
	}
	for _, want := range []string{
		`record 1 (a-2024-growth): unknown metric "gpd"`,
		`record 2 (a-2024-growth-actual-h1): unit "cny_100m" does not fit metric "growth"`,
		`record 3 (b-2024-total): source 0: missing quote`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestLoadRejectsUnknownFieldsAndSchema(t *testing.T) {
	if _, err := Load([]byte(`{"schema":1,"recordz":[]}`)); err == nil {
		t.Error("Load accepted an unknown field")
	}
	if _, err := Load([]byte(`{"schema":99}`)); err == nil || !strings.Contains(err.Error(), "schema 99") {
		t.Errorf("Load(schema 99) error = %v", err)
	}
	if _, err := Load([]byte(`not json`)); err == nil {
		t.Error("Load accepted garbage")
	}
}
