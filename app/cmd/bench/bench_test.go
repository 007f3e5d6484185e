package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestScaleRows(t *testing.T) {
	// testdata/gotest.txt is `go test -bench . -benchmem -count 3` output
	// of two packages, trimmed.
	out, err := os.ReadFile("testdata/gotest.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := scaleRows(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	// x1 takes the median of its three runs, 700 ns; x100 reads 100 times
	// the records in 50 times the time: half the time per record.
	want := [][]string{
		{"model.Compare/x1", "78", "700", "1,024", "1", "9 ns", "1.00"},
		{"model.Compare/x100", "7,800", "35,000", "9,472", "1", "4 ns", "0.50"},
		{"chart.Profile/x1000", "50", "1,467,779", "2,820,792", "5,073", "29,356 ns", "no x1 result"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scaleRows =\n%q\nwant\n%q", got, want)
	}
	for out, want := range map[string]string{
		"pkg: p\nBenchmarkCompare/x1-2  10  700.0 ns/op  1024 B/op  1 allocs/op\n": "lacks records",
		"pkg: p\nBenchmarkCompare-2  10  700.0 ns/op  1 records\n":                 "/x<scale>",
		"FAIL\n": "no benchmark results",
	} {
		if _, err := scaleRows(strings.NewReader(out)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("scaleRows(%q) error = %v, want one saying %q", out, err, want)
		}
	}
}

func TestStatistics(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	if got := percentile(xs, 95); got != 19 {
		t.Errorf("p95 of 1..20 = %v, want 19 (nearest rank)", got)
	}
	if got := median(xs); got != 10.5 || xs[0] != 5 {
		t.Errorf("median = %v, want 10.5, and the values left in their order", got)
	}
}

func TestWeighPackages(t *testing.T) {
	objdump, err := os.ReadFile("testdata/objdump.txt") // wasm-objdump --details --section=Code, trimmed
	if err != nil {
		t.Fatal(err)
	}
	got := weighPackages(string(objdump), []string{"gztargets/app", "gztargets/app/ui", "internal/abi"})
	want := []weight{{"gztargets/app/ui", 2, 150}, {"internal/abi", 1, 48}, {"gztargets/app", 1, 30}, {linkerGenerated, 2, 11}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weighPackages = %v, want %v", got, want)
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
