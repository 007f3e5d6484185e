package model

import "testing"

// TestJudge is the verdict rule, case by case.
func TestJudge(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	pct := func(v float64, q string) Record {
		return Record{Figure: Figure{Statement: Statement{Value: v, Qualifier: q}, Unit: "pct"}}
	}
	amount := func(v float64, q string) Record {
		return Record{Figure: Figure{Statement: Statement{Value: v, Qualifier: q}, Unit: "cny_100m"}}
	}
	withStretch := func(r Record, s float64) Record { r.Stretch = f(s); return r }
	withUpper := func(r Record, u float64) Record { r.Upper = f(u); return r }
	tests := []struct {
		name    string
		target  Record
		result  float64
		want    string
		stretch bool
	}{
		{"exact reached", pct(5, QualExact), 5, OutcomeMet, false},
		{"exact exceeded", pct(5, QualExact), 5.2, OutcomeMet, false},
		{"exact missed", pct(5, QualExact), 4.9, OutcomeMissed, false},
		{"at least reached exactly", pct(6, QualAtLeast), 6, OutcomeMet, false},
		{"at least missed", pct(6, QualAtLeast), 5.2, OutcomeMissed, false},
		{"above needs more", pct(6, QualAbove), 6, OutcomeMissed, false},
		{"above exceeded", pct(6, QualAbove), 6.1, OutcomeMet, false},
		{"about reached", pct(5, QualAbout), 5, OutcomeMet, false},
		{"about within half a point", pct(5, QualAbout), 4.5, OutcomeAboutMet, false},
		{"about just beyond half a point", pct(5, QualAbout), 4.4, OutcomeMissed, false},
		{"about amount within 2%", amount(1000, QualAbout), 980, OutcomeAboutMet, false},
		{"about amount beyond 2%", amount(1000, QualAbout), 979, OutcomeMissed, false},
		{"at least amount has no margin", amount(1000, QualAtLeast), 999, OutcomeMissed, false},
		{"stretch reached", withStretch(pct(6, QualAtLeast), 7), 7.1, OutcomeMet, true},
		{"target met, stretch not", withStretch(pct(6, QualAtLeast), 7), 6.5, OutcomeMet, false},
		{"range: the bottom counts", withUpper(pct(4.5, QualRange), 5), 4.6, OutcomeMet, false},
		{"range missed", withUpper(pct(4.5, QualRange), 5), 4.4, OutcomeMissed, false},
		{"decimal rounding", pct(0.3, QualAtLeast), 0.1 + 0.2, OutcomeMet, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result := tt.target
			result.Value, result.Qualifier, result.Stretch, result.Upper = tt.result, QualExact, nil, nil
			got, stretch := Judge(tt.target, result)
			if got != tt.want || stretch != tt.stretch {
				t.Errorf("Judge = %s, stretch %v; want %s, stretch %v", got, stretch, tt.want, tt.stretch)
			}
		})
	}
}

// TestVerdicts covers what surrounds the rule: stages in order, an
// estimate or a first-half result gets no verdict, a missing result is
// pending until any region's result is out or the year is over, and "no
// result" after.
func TestVerdicts(t *testing.T) {
	rec := func(id, region string, year int, kind, stage string, v float64, period string, provisional bool) Record {
		said := Statement{Value: v, Qualifier: QualExact}
		return Record{ID: id, Figure: Figure{Region: region, Year: year, Metric: "growth", Kind: kind, Stage: stage,
			Statement: said, Period: period, Unit: "pct", Provisional: provisional},
			Sources: []Citation{{Source: "s1", Quote: "q", Statement: said}}}
	}
	ds := &Dataset{
		Schema: SchemaVersion,
		Catalog: Catalog{
			Units:   []Unit{{ID: "pct"}},
			Regions: []Region{region("a", GroupDistrict), region("b", GroupDistrict), region("c", GroupDistrict), region("d", GroupDistrict)},
			Metrics: []Metric{named("growth", "pct")},
		},
		Sources: []Source{{ID: "s1"}},
		Records: []Record{
			rec("a-pledge", "a", 2024, KindTarget, StagePledge, 6, PeriodYear, false),
			rec("a-plan", "a", 2024, KindTarget, StagePlan, 5, PeriodYear, false),
			rec("a-result", "a", 2024, KindActual, "", 5.2, PeriodYear, false),
			rec("b-plan", "b", 2024, KindTarget, StagePlan, 5, PeriodYear, false),
			rec("b-estimate", "b", 2024, KindActual, "", 5.5, PeriodYear, true),
			rec("c-plan", "c", 2024, KindTarget, StagePlan, 5, PeriodYear, false),
			rec("c-h1", "c", 2024, KindActual, "", 4, PeriodH1, false),
			rec("d-plan", "d", 2024, KindTarget, StagePlan, 5, PeriodYear, false),
			rec("a-plan-2025", "a", 2025, KindTarget, StagePlan, 5, PeriodYear, false),
			rec("b-h1-2025", "b", 2025, KindActual, "", 5, PeriodH1, false),
		},
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, rv := range ds.Verdicts("growth", 2024) {
		for _, v := range rv.Verdicts {
			got[rv.Region.ID] = append(got[rv.Region.ID], v.Target.Stage+":"+v.Outcome)
		}
	}
	want := map[string][]string{
		"a": {"plan:met", "pledge:missed"},
		"b": {"plan:estimate"},
		"c": {"plan:estimate"},
		"d": {"plan:no_result"},
	}
	for region, w := range want {
		if len(got[region]) != len(w) || (len(w) > 0 && got[region][0] != w[0]) || (len(w) > 1 && got[region][1] != w[1]) {
			t.Errorf("%s: %v, want %v", region, got[region], w)
		}
	}
	v2025 := ds.Verdicts("growth", 2025)
	if len(v2025) != 2 || v2025[0].Verdicts[0].Outcome != OutcomePending {
		t.Errorf("2025: %+v, want a's plan pending (no final result is out) and b's first half listed", v2025)
	}
	for _, c := range []struct{ updated, want string }{
		{"2025-12-31", OutcomePending},  // the year is not over: its results cannot be out
		{"2026-01-02", OutcomeNoResult}, // the year is over: a result not found is not found
	} {
		ds.Sources[0].Retrieved = c.updated
		if got := ds.Verdicts("growth", 2025)[0].Verdicts[0].Outcome; got != c.want {
			t.Errorf("2025, data updated %s: a's plan is %s, want %s", c.updated, got, c.want)
		}
	}
	if y := ds.LatestResultYear("growth"); y != 2024 {
		t.Errorf("LatestResultYear = %d, want 2024 (first-half and estimated results do not count)", y)
	}
	if gap := ds.Verdicts("growth", 2024)[0].Verdicts[0].Gap(); !SameValue(gap, 0.2) {
		t.Errorf("gap = %v, want 0.2", gap)
	}
}
