package main

import (
	"strings"
	"testing"
)

func TestStatistics(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	if got := percentile(xs, 95); got != 19 {
		t.Errorf("p95 of 1..20 = %v, want 19 (nearest rank)", got)
	}
	if got := median(xs); got != 10.5 || xs[0] != 5 {
		t.Errorf("median = %v, want 10.5, and the values left in their order", got)
	}
}

// TestIntroStatesGuideBudgets checks the report opens with GUIDE §7's
// budgets, and that its template has every figure it names.
func TestIntroStatesGuideBudgets(t *testing.T) {
	var b strings.Builder
	describeMachine(&report{w: &b})
	for _, want := range []string{"GUIDE §7's", "(≤ 1.00×)", "performance ≥ 0.95", "loads no .wasm", "load average "} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the report's opening lacks %q:\n%s", want, b.String())
		}
	}
}
