package model

import "testing"

// TestCoverageOf checks a grid cell: targets by stage, the result, what
// was searched for and not found, and a year whose results are not out.
func TestCoverageOf(t *testing.T) {
	ds := synthetic(t)
	ds.Searched = []Search{{Region: "b", Year: 2024, Kind: KindTarget, Stage: StagePlan, Metrics: []string{"growth"}, Queries: []string{"q"}}}
	g, ok := ds.CoverageOf("growth")
	if !ok {
		t.Fatal("CoverageOf refused a known metric")
	}
	if len(g.Years) != 2 || g.Years[1] != 2024 || len(g.Rows) != 3 {
		t.Fatalf("grid %v years, %d rows", g.Years, len(g.Rows))
	}
	a2024 := g.Rows[0].Cells[1]
	if a2024.Targets[StagePlan] == nil || a2024.Targets[StagePlan].ID != "a-2024-growth" || a2024.Estimate == nil {
		t.Errorf("a 2024: %+v, want the plan and the first-half estimate", a2024)
	}
	b2024 := g.Rows[1].Cells[1]
	if !b2024.SearchedFor(StagePlan) || b2024.SearchedFor(KindActual) {
		t.Errorf("b 2024 searched %v, want the plan only", b2024.Searched)
	}
	if !b2024.Pending {
		t.Error("no region has a final 2024 result: the cell should say pending")
	}
	if _, ok := ds.CoverageOf("nope"); ok {
		t.Error("CoverageOf accepted an unknown metric")
	}
}
