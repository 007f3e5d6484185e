package words

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// dataset is a small dataset with one figure of every kind the words
// package says: each qualifier, a range, a stretch goal, each stage, an
// estimate, a first half, a disagreement, an attribution, a translated
// source, and a searched-for figure.
func dataset(t *testing.T) *model.Dataset {
	t.Helper()
	f := func(v float64) *float64 { return &v }
	cite := func(src string, v float64, q string) []model.Citation {
		return []model.Citation{{Source: src, Quote: "q", Statement: model.Statement{Value: v, Qualifier: q}}}
	}
	rec := func(id, kind, stage string, v float64, q string) model.Record {
		return model.Record{ID: id, Figure: model.Figure{Region: "a", Year: 2024, Metric: "growth", Kind: kind, Stage: stage,
			Statement: model.Statement{Value: v, Qualifier: q}, Period: model.PeriodYear, Unit: "pct"}, Sources: cite("paper", v, q)}
	}
	plan := rec("plan", model.KindTarget, model.StagePlan, 6, model.QualAtLeast)
	plan.Stretch = f(7)
	pledge := rec("pledge", model.KindTarget, model.StagePledge, 6.5, model.QualAbove)
	pledge.Sources[0].Speaker = &model.Text{ZH: "区委书记某某", EN: "party secretary Mou"}
	pledge.Sources[0].Event = &model.Text{ZH: "全市高质量发展大会", EN: "the city's high-quality development conference"}
	pledge.Sources[0].EventDate = "2024-02-19"
	unknown := rec("unknown", model.KindTarget, model.StageUnknown, 5, model.QualAbout)
	rng := rec("range", model.KindTarget, model.StagePlan, 4.5, model.QualRange)
	rng.Region, rng.Upper = "b", f(5)
	result := rec("result", model.KindActual, "", 6.2, model.QualExact)
	result.Sources = append(result.Sources, model.Citation{Source: "translated", Quote: "grew 6.1%",
		Statement: model.Statement{Value: 6.1, Qualifier: model.QualExact}})
	result.Conflict = []string{"value"}
	estimate := rec("estimate", model.KindActual, "", 4.4, model.QualExact)
	estimate.Region, estimate.Provisional = "b", true
	h1 := rec("h1", model.KindActual, "", 830, model.QualExact)
	h1.Region, h1.Metric, h1.Unit, h1.Period = "c", "total", "cny_100m", model.PeriodH1
	cityPlan := rec("city-plan", model.KindTarget, model.StagePlan, 1700, model.QualAtLeast)
	cityPlan.Region, cityPlan.Metric, cityPlan.Unit = "c", "total", "cny_100m"
	ds := &model.Dataset{
		Schema: model.SchemaVersion,
		Catalog: model.Catalog{
			Units:   []model.Unit{{ID: "pct"}, {ID: "cny_100m"}},
			Regions: []model.Region{{ID: "a", Group: model.GroupDistrict, Name: model.Text{ZH: "甲区", EN: "Alpha"}}, {ID: "b", Group: model.GroupDistrict, Name: model.Text{ZH: "乙区", EN: "Beta"}}, {ID: "c", Group: model.GroupCity, Name: model.Text{ZH: "全市", EN: "City"}}},
			Metrics: []model.Metric{
				{ID: "growth", Unit: "pct", Name: model.Text{ZH: "增速", EN: "Growth"}, Description: model.Text{ZH: "增速", EN: "Growth"}},
				{ID: "total", Unit: "cny_100m", Name: model.Text{ZH: "总量", EN: "Total"}, Description: model.Text{ZH: "总量", EN: "Total"}},
			},
		},
		Sources: []model.Source{
			{ID: "paper", Publication: model.Publication{Outlet: model.Text{ZH: "日报", EN: "Daily"}, Published: "2024-02-20", URL: "https://example.org/a"}},
			{ID: "translated", Publication: model.Publication{Outlet: model.Text{ZH: "英文网站", EN: "English site"}, Published: "2025-01", Translated: true}},
		},
		Records:  []model.Record{plan, pledge, unknown, result, rng, estimate, h1, cityPlan},
		Searched: []model.Search{{Region: "c", Year: 2024, Kind: model.KindTarget, Stage: model.StagePlan, Metrics: []string{"growth"}, Queries: []string{"q"}}},
	}
	raw, err := ds.Encode()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := model.Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// TestGolden says every figure of the dataset, its citations, its
// verdicts and the headline in both languages, and compares the text with
// testdata/words.golden (go test -update rewrites it).
func TestGolden(t *testing.T) {
	ds := dataset(t)
	var buf bytes.Buffer
	for _, lang := range i18n.Langs {
		w := New(ds, lang)
		fmt.Fprintf(&buf, "== %s\n", lang)
		for _, r := range ds.Records {
			fmt.Fprintf(&buf, "%s: value %q · mark %q · under its year %q · year %q · kind %q · describe %q · conflict %q\n",
				r.ID, w.Value(r), w.Mark(r), w.YearMark(r), w.Year(r), w.Kind(r), w.Describe(r), w.Conflict(r))
			for _, c := range r.Sources {
				fmt.Fprintf(&buf, "  cites %q · reads %q\n", w.Citation(c), w.CitedValue(r, c))
			}
			if r.Stretch != nil {
				fmt.Fprintf(&buf, "  stretch mark %q\n", w.StretchMark(r))
			}
		}
		for _, metric := range []string{"growth", "total"} {
			for _, rv := range ds.Verdicts(metric, 2024) {
				for _, v := range rv.Verdicts {
					fmt.Fprintf(&buf, "verdict %s %s: %q\n", rv.Region.ID, v.Target.ID, w.Judgement(v))
				}
			}
		}
		m, _ := ds.Metric("growth")
		fmt.Fprintf(&buf, "headline %q\n", w.Headline(m, 2024, ds.Verdicts("growth", 2024)))
		fmt.Fprintf(&buf, "no figure: searched %q · not searched %q\n", w.NoFigure("c", "growth", 2024), w.NoFigure("a", "growth", 2023))
		fmt.Fprintf(&buf, "credit %q\n", w.Credit([]string{"paper", "translated"}))
		fmt.Fprintf(&buf, "title %q\n", w.DistrictsTitle(m, 2024))
		fmt.Fprintf(&buf, "covers %q\n", w.DataCovers())
		fmt.Fprintf(&buf, "rule %q\n", w.Rule())
		fmt.Fprintf(&buf, "year not covered %q · %q\n", w.YearNotCovered("2030", 2024), w.YearNotCovered("1999", 0))
	}
	golden := filepath.Join("testdata", "words.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("the words differ from %s (review the diff, then go test -update):\n%s", golden, buf.String())
	}
}

// TestHeadlineCounts says the count of districts' verdicts in a sentence
// that reads right for none, one and several.
func TestHeadlineCounts(t *testing.T) {
	ds := dataset(t)
	m, _ := ds.Metric("growth")
	district := func(id string, outcome string) model.RegionVerdicts {
		reg, _ := ds.Region(id)
		return model.RegionVerdicts{Region: reg, Verdicts: []model.Verdict{{Outcome: outcome}}}
	}
	tests := []struct {
		all  []model.RegionVerdicts
		want string
	}{
		{nil, "No district has both a growth target and a final result for 2024 in our sources yet."},
		{[]model.RegionVerdicts{district("a", model.OutcomeMet), district("b", model.OutcomePending)},
			"Only one district has both a 2024 growth target and a result: Alpha, ✓ met."},
		{[]model.RegionVerdicts{district("a", model.OutcomeMet), district("b", model.OutcomeMissed)},
			"1 of 2 districts with both a target and a result met their 2024 growth target, 0 about met it and 1 missed it."},
	}
	for _, tt := range tests {
		if got := New(ds, i18n.EN).Headline(m, 2024, tt.all); got != tt.want {
			t.Errorf("Headline = %q, want %q", got, tt.want)
		}
	}
}
