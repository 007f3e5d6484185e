package main

import (
	"reflect"
	"strings"
	"testing"
)

// goTestOutput is `go test -bench . -benchmem -count 3` output of two
// packages, trimmed.
const goTestOutput = `pkg: gztargets/app/model
BenchmarkCompare/x1-2      	  340317	       900.0 ns/op	        78.00 records	    1024 B/op	       1 allocs/op
BenchmarkCompare/x100-2    	    8900	     35000 ns/op	      7800 records	    9472 B/op	       1 allocs/op
BenchmarkCompare/x1-2      	  340317	       700.0 ns/op	        78.00 records	    1024 B/op	       1 allocs/op
BenchmarkCompare/x1-2      	  340317	       100.0 ns/op	        78.00 records	    1024 B/op	       1 allocs/op
PASS
ok  	gztargets/app/model	5.139s
pkg: gztargets/app/chart
BenchmarkProfile/x1000-2   	     154	   1467779 ns/op	        50.00 records	 2820792 B/op	    5073 allocs/op
`

func TestScaleRows(t *testing.T) {
	got, err := scaleRows(strings.NewReader(goTestOutput))
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
	objdump := ` - func[20] size=4 <go_buildid>
 - func[21] size=48 <internal_abi.NoEscape>
 - func[22] size=100 <gztargets_app_ui.__chartView_.Render>
 - func[23] size=50 <gztargets_app_ui.init>
 - func[24] size=30 <gztargets_app.main>
 - func[25] size=7 <type:.eq.main.T>
`
	got := weighPackages(objdump, []string{"gztargets/app", "gztargets/app/ui", "internal/abi"})
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
