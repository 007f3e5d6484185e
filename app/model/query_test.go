package model

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// region is a region named by its id in both languages.
func region(id, group string) Region {
	return Region{ID: id, Group: group, Name: Text{ZH: id, EN: id}}
}

// named is a metric named and described by its id in both languages.
func named(id, unit string) Metric {
	name := Text{ZH: id, EN: id}
	return Metric{ID: id, Unit: unit, Name: name, Description: name}
}

// synthetic builds a small dataset inline: three regions, two metrics.
func synthetic(t *testing.T) *Dataset {
	t.Helper()
	f := func(v float64) *float64 { return &v }
	cite := func(source string, v float64, q string) []Citation {
		return []Citation{{Source: source, Quote: "q", Statement: Statement{Value: v, Qualifier: q}}}
	}
	ds := &Dataset{
		Schema: SchemaVersion,
		Catalog: Catalog{
			Units:   []Unit{{ID: "pct"}, {ID: "cny_100m"}},
			Regions: []Region{region("a", GroupDistrict), region("b", GroupDistrict), region("city", GroupCity)},
			Metrics: []Metric{named("growth", "pct"), named("total", "cny_100m")},
		},
		Sources: []Source{{ID: "s1"}, {ID: "s2"}},
		Records: []Record{
			{ID: "a-2023-growth", Figure: Figure{Region: "a", Year: 2023, Metric: "growth", Kind: KindTarget, Stage: StagePlan,
				Statement: Statement{Value: 6, Qualifier: QualAtLeast}, Period: PeriodYear, Unit: "pct"},
				Sources: cite("s1", 6, QualAtLeast)},
			{ID: "a-2024-growth", Figure: Figure{Region: "a", Year: 2024, Metric: "growth", Kind: KindTarget, Stage: StagePlan,
				Statement: Statement{Value: 5, Qualifier: QualExact, Stretch: f(5.5)}, Period: PeriodYear, Unit: "pct"},
				Sources: cite("s2", 5, QualExact)},
			{ID: "a-2024-growth-actual-h1", Figure: Figure{Region: "a", Year: 2024, Metric: "growth", Kind: KindActual,
				Statement: Statement{Value: 4, Qualifier: QualExact}, Period: PeriodH1, Unit: "pct"},
				Sources: cite("s2", 4, QualExact)},
			{ID: "b-2024-total", Figure: Figure{Region: "b", Year: 2024, Metric: "total", Kind: KindTarget, Stage: StagePlan,
				Statement: Statement{Value: 700, Qualifier: QualAbove}, Period: PeriodYear, Unit: "cny_100m"},
				Sources: append(cite("s1", 700, QualAbove), cite("s2", 700, QualAbout)...), Conflict: []string{"qualifier"}},
			{ID: "city-2023-growth", Figure: Figure{Region: "city", Year: 2023, Metric: "growth", Kind: KindActual,
				Statement: Statement{Value: 4.6, Qualifier: QualExact}, Period: PeriodYear, Unit: "pct"},
				Sources: cite("s1", 4.6, QualExact)},
		},
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
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

// TestValidateReportsRecordAndField breaks one rule at a time and checks
// that Validate names the item and the field. The source records follow
// the same rules (package seeds calls these checks), so a rule is tested
// here once.
func TestValidateReportsRecordAndField(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		edit func(ds *Dataset)
		want string
	}{
		{"unknown metric", func(ds *Dataset) { ds.Records[1].Metric = "gpd" },
			`record 1 (a-2024-growth): metric: unknown metric "gpd"`},
		{"unit does not fit metric", func(ds *Dataset) { ds.Records[2].Unit = "cny_100m" },
			`record 2 (a-2024-growth-actual-h1): unit: "cny_100m" does not fit metric "growth", which is in "pct"`},
		{"unknown unit", func(ds *Dataset) { ds.Records[2].Unit = "usd" }, `unit: unknown unit "usd"`},
		{"unknown region", func(ds *Dataset) { ds.Records[0].Region = "atlantis" }, `region: unknown region "atlantis"`},
		{"unknown kind", func(ds *Dataset) { ds.Records[0].Kind = "forecast" }, `kind: "forecast" is not target or actual`},
		{"unknown qualifier", func(ds *Dataset) { ds.Records[0].Qualifier = "roughly" }, `qualifier: "roughly" is not exact`},
		{"unknown period", func(ds *Dataset) { ds.Records[0].Period = "q3" }, `period: "q3" is not year or h1`},
		{"target without stage", func(ds *Dataset) { ds.Records[0].Stage = "" }, `stage: "" is not pledge, plan or unknown`},
		{"stage on an actual", func(ds *Dataset) { ds.Records[2].Stage = StagePlan }, `stage: an actual has no stage ("plan")`},
		{"provisional target", func(ds *Dataset) { ds.Records[0].Provisional = true }, `provisional: a target cannot be provisional`},
		{"year out of range", func(ds *Dataset) { ds.Records[0].Year = 24 }, `year: 24 is out of range`},
		{"value not a number", func(ds *Dataset) { ds.Records[0].Value = math.NaN() }, `value: not a number`},
		{"range without its top", func(ds *Dataset) { ds.Records[0].Qualifier = QualRange }, `upper: a range needs an upper bound`},
		{"upper on a single value", func(ds *Dataset) { ds.Records[0].Upper = f64(7) }, `upper: a range needs an upper bound, and only a range has one`},
		{"range top below its bottom", func(ds *Dataset) { ds.Records[0].Qualifier, ds.Records[0].Upper = QualRange, f64(5) },
			`upper: 5 is not above the value 6`},
		{"stretch equal to value", func(ds *Dataset) { ds.Records[1].Stretch = f64(5) }, `stretch: equals the value`},
		{"duplicate record", func(ds *Dataset) { ds.Records[1].ID = ds.Records[0].ID }, `record 0 (a-2023-growth): id: duplicate id`},
		{"no sources", func(ds *Dataset) { ds.Records[0].Sources = nil }, `record 0 (a-2023-growth): sources: none`},
		{"missing quote", func(ds *Dataset) { ds.Records[3].Sources[0].Quote = " " }, `record 3 (b-2024-total): source 0: quote: missing`},
		{"unknown source", func(ds *Dataset) { ds.Records[3].Sources[1].Source = "s9" }, `record 3 (b-2024-total): source 1: source: unknown source "s9"`},
		{"one-language speaker", func(ds *Dataset) { ds.Records[0].Sources[0].Speaker = &Text{ZH: "区长"} }, `source 0: speaker: needs both zh and en`},
		{"bad event date", func(ds *Dataset) { ds.Records[0].Sources[0].EventDate = "19 Feb" }, `source 0: event_date: "19 Feb" is not a day`},
		{"duplicate source", func(ds *Dataset) { ds.Sources[1].ID = "s1" }, `source: duplicate id "s1"`},
		{"duplicate region", func(ds *Dataset) { ds.Regions[1].ID = "a" }, `region: duplicate id "a"`},
		{"unknown group", func(ds *Dataset) { ds.Regions[0].Group = "town" }, `region: "a": unknown group "town"`},
		{"region named in one language", func(ds *Dataset) { ds.Regions[0].Name.EN = "" }, `region: "a": needs zh and en names`},
		{"metric in an unknown unit", func(ds *Dataset) { ds.Metrics[0].Unit = "usd" }, `metric: "growth": unknown unit "usd"`},
		{"metric without a description", func(ds *Dataset) { ds.Metrics[1].Description.ZH = "" },
			`metric: "total": needs zh and en names and descriptions`},
		{"unit without an id", func(ds *Dataset) { ds.Units[0].ID = "" }, `unit: missing id`},
		{"searched for an unknown metric", func(ds *Dataset) { ds.Searched[0].Metrics = []string{"gpd"} },
			`searched 1: metrics: unknown metric "gpd"`},
		{"searched without phrasings", func(ds *Dataset) { ds.Searched[0].Queries = nil }, `searched 1: queries: lists no phrasing tried`},
		{"searched actual with a stage", func(ds *Dataset) { ds.Searched[0].Kind = KindActual }, `searched 1: stage: an actual has no stage`},
		{"searched in an unknown region", func(ds *Dataset) { ds.Searched[0].Region = "atlantis" }, `searched 1: region: unknown region "atlantis"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := synthetic(t)
			ds.Searched = []Search{{Region: "b", Year: 2024, Kind: KindTarget, Stage: StagePlan, Metrics: []string{"growth"}, Queries: []string{"q"}}}
			if err := ds.Validate(); err != nil {
				t.Fatalf("the sound dataset fails: %v", err)
			}
			tt.edit(ds)
			err := ds.Validate()
			if err == nil {
				t.Fatalf("Validate accepted the dataset, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), "dataset: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
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
