package seeds

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gztargets/app/model"
)

// repoRoot is the repository root, relative to this package's directory.
const repoRoot = "../.."

func readRepoSeeds(t *testing.T) *Set {
	t.Helper()
	dir := filepath.Join(repoRoot, "seeds")
	set, err := ReadDir(os.DirFS(dir), "seeds")
	if err != nil {
		t.Fatalf("ReadDir: %v", err)
	}
	return set
}

// TestCommittedDatasetIsCurrent fails when data/targets.json is not what
// the seeds compile to: the fix is `make data`.
func TestCommittedDatasetIsCurrent(t *testing.T) {
	ds, err := readRepoSeeds(t).Compile()
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	got, err := ds.Encode()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot, "data", "targets.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("data/targets.json differs from the compiled seeds: run make data")
	}
	if _, err := model.Load(got); err != nil {
		t.Fatalf("the compiled dataset does not load: %v", err)
	}
}

func TestCompileIsDeterministic(t *testing.T) {
	var first []byte
	for i := 0; i < 5; i++ {
		ds, err := readRepoSeeds(t).Compile()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := ds.Encode()
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatal("two compilations of the same seeds differ")
		}
	}
}

func twoSourceSet(second Figure, translated bool) *Set {
	a := validRecord()
	b := validRecord()
	b.Source = "000_fedcba9876543210.txt"
	b.Translated = translated
	b.Figures = []Figure{second}
	return &Set{Catalog: testCatalog(), Records: map[string]*Record{"seeds/a.json": a, "seeds/b.json": b}}
}

func TestCompileMergesCitations(t *testing.T) {
	same := validRecord().Figures[0]
	same.Quote = "growth rate of no less than 6%"
	ds, err := twoSourceSet(same, true).Compile()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Records) != 1 {
		t.Fatalf("got %d records, want one merged record", len(ds.Records))
	}
	r := ds.Records[0]
	if len(r.Sources) != 2 || r.Conflict != nil {
		t.Fatalf("record = %+v, want two agreeing citations", r)
	}
	if r.Sources[0].Source != "001_0123456789abcdef.txt" {
		t.Errorf("first citation %s, want the untranslated source first", r.Sources[0].Source)
	}
}

func TestCompileFlagsDisagreements(t *testing.T) {
	tests := []struct {
		name   string
		figure Figure
		want   []string
	}{
		{"qualifier", growth2024("tianhe", "target", "pledge", 6, "about", "growth of about 6%"), []string{"qualifier"}},
		{"value and qualifier", growth2024("tianhe", "target", "pledge", 6.5, "exact", "growth of 6.5%"), []string{"value", "qualifier"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := twoSourceSet(tt.figure, true).Compile()
			if err != nil {
				t.Fatal(err)
			}
			r := ds.Records[0]
			if !slices.Equal(r.Conflict, tt.want) {
				t.Errorf("conflict = %v, want %v", r.Conflict, tt.want)
			}
			if r.Value != 6 || r.Qualifier != "at_least" {
				t.Errorf("record value %v %s, want the original-language source's 6 at_least", r.Value, r.Qualifier)
			}
			if len(r.Sources) != 2 {
				t.Errorf("got %d citations, want both kept", len(r.Sources))
			}
		})
	}
}

func TestCompileCoverage(t *testing.T) {
	other := growth2024("baiyun", "target", "pledge", 6.5, "at_least", "GDP增长6.5%以上")
	ds, err := twoSourceSet(other, false).Compile()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Coverage) != 1 {
		t.Fatalf("coverage = %+v, want one slot", ds.Coverage)
	}
	c := ds.Coverage[0]
	if !slices.Equal(c.With, []string{"tianhe", "baiyun"}) || !slices.Equal(c.Without, []string{"guangzhou"}) {
		t.Errorf("coverage with %v without %v", c.With, c.Without)
	}
}

func TestCompileRefusesInvalidSet(t *testing.T) {
	bad := validRecord().Figures[0]
	bad.Metric = "gpd_growth"
	if _, err := twoSourceSet(bad, false).Compile(); err == nil {
		t.Fatal("Compile accepted a record with an unknown metric")
	}
}

func TestReadDirChecksFileNames(t *testing.T) {
	dir := t.TempDir()
	cat, _ := os.ReadFile(filepath.Join(repoRoot, "seeds", CatalogFile))
	rec, _ := os.ReadFile(filepath.Join(repoRoot, "seeds", "002_b43b4392767d38f0.json"))
	os.WriteFile(filepath.Join(dir, CatalogFile), cat, 0o644)
	os.WriteFile(filepath.Join(dir, "003_9e05f8b21bdc14b4.json"), rec, 0o644)
	_, err := ReadDir(os.DirFS(dir), "seeds")
	if err == nil {
		t.Fatal("ReadDir accepted a record whose source does not match its file name")
	}
	want := `seeds/003_9e05f8b21bdc14b4.json: source: "002_b43b4392767d38f0.txt" does not match the file name`
	if !bytes.Contains([]byte(err.Error()), []byte(want)) {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestParseRecordReportsLine(t *testing.T) {
	_, err := ParseRecord("seeds/x.json", bytes.NewReader([]byte("{\n  \"source\": \"x\",\n  \"figures\": [ {\"value\": \"six\"} ]\n}")))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("seeds/x.json: line 3")) {
		t.Fatalf("error = %v, want one naming seeds/x.json line 3", err)
	}
	_, err = ParseRecord("seeds/x.json", bytes.NewReader([]byte(`{"sauce": "x"}`)))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(`unknown field "sauce"`)) {
		t.Fatalf("error = %v, want an unknown-field error", err)
	}
}

// TestCompileKeepsStagesApart checks that a pledge and a plan for the same
// figure, and an estimate beside the final result, are separate records and
// never a conflict; the plan comes first.
func TestCompileKeepsStagesApart(t *testing.T) {
	plan := validRecord().Figures[0]
	plan.Stage, plan.Value, plan.Quote = "plan", 5, "增长5%以上"
	set := twoSourceSet(plan, false)
	estimate := growth2024("tianhe", "actual", "", 5.1, "exact", "预计增长5.1%")
	estimate.Provisional = true
	final := estimate
	final.Provisional, final.Value, final.Quote = false, 5.2, "增长5.2%"
	set.Records["seeds/b.json"].Figures = append(set.Records["seeds/b.json"].Figures, estimate, final)
	ds, err := set.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range ds.Records {
		ids = append(ids, r.ID)
		if r.Conflict != nil {
			t.Errorf("%s: conflict %v, want none", r.ID, r.Conflict)
		}
	}
	want := []string{
		"tianhe-2024-gdp_growth-target-year-plan", "tianhe-2024-gdp_growth-target-year-pledge",
		"tianhe-2024-gdp_growth-actual-year", "tianhe-2024-gdp_growth-actual-year-provisional",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("records %v, want %v", ids, want)
	}
}

// TestSearchedList checks the searched-and-not-found list: it is compiled
// into the dataset, and an entry that a record now states, or one without
// the phrasings tried, is an error.
func TestSearchedList(t *testing.T) {
	entry := model.Search{Region: "baiyun", Year: 2025, Kind: "target", Stage: "plan",
		Metrics: []string{"gdp_growth"}, Queries: []string{"白云区 2025年 主要预期目标"}}
	tests := []struct {
		name string
		edit func(e *model.Search)
		want string
	}{
		{"sound", func(e *model.Search) {}, ""},
		{"stated by a record", func(e *model.Search) { e.Region, e.Year, e.Stage = "tianhe", 2024, "pledge" },
			"is stated by a source record"},
		{"no phrasings", func(e *model.Search) { e.Queries = nil }, "queries: lists no phrasing tried"},
		{"stage on an actual", func(e *model.Search) { e.Kind = "actual" }, "an actual has no stage"},
		{"unknown metric", func(e *model.Search) { e.Metrics = []string{"gpd"} }, `unknown metric "gpd"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := entry
			e.Metrics, e.Queries = slices.Clone(entry.Metrics), slices.Clone(entry.Queries)
			tt.edit(&e)
			set := &Set{Catalog: testCatalog(), Records: map[string]*Record{"seeds/a.json": validRecord()}, Searched: []model.Search{e}}
			ds, err := set.Compile()
			if tt.want == "" {
				if err != nil || len(ds.Searched) != 1 {
					t.Fatalf("Compile: %v, want the entry kept", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Compile error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestResultsStatedRoughlyAgree checks that a result stated roughly and
// precisely is one figure without a conflict, shown by its precise value,
// while two different results are flagged.
func TestResultsStatedRoughlyAgree(t *testing.T) {
	stated := func(value float64, qualifier, quote string) Figure {
		f := Figure{Quote: quote}
		f.Value, f.Qualifier = value, qualifier
		return f
	}
	tests := []struct {
		name           string
		rough, precise Figure
		wantValue      float64
		wantConflict   bool
	}{
		{"more than", stated(6500, "above", "总量突破6500亿元"), stated(6551.3, "exact", "总量6551.3亿元"), 6551.3, false},
		{"rounded", stated(2867, "exact", "总量2867亿元"), stated(2866.95, "exact", "总量2866.95亿元"), 2866.95, false},
		{"different", stated(5.4, "exact", "增长5.4%"), stated(5.2, "exact", "增长5.2%"), 5.2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := twoSourceSet(Figure{}, false)
			for i, f := range []Figure{tt.rough, tt.precise} {
				f.Region, f.Year, f.Kind, f.Period = "tianhe", 2023, "actual", "year"
				f.Metric, f.Unit = "gdp_total", "cny_100m"
				if strings.HasSuffix(f.Quote, "%") {
					f.Metric, f.Unit = "gdp_growth", "pct"
				}
				set.Records[[]string{"seeds/a.json", "seeds/b.json"}[i]].Figures = []Figure{f}
			}
			ds, err := set.Compile()
			if err != nil {
				t.Fatal(err)
			}
			r := ds.Records[0]
			if len(ds.Records) != 1 || r.Value != tt.wantValue || (len(r.Conflict) > 0) != tt.wantConflict {
				t.Errorf("record %v conflict %v, want value %v, conflict %v", r.Value, r.Conflict, tt.wantValue, tt.wantConflict)
			}
		})
	}
}
