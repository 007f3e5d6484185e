package main

import (
	"reflect"
	"strings"
	"testing"
)

// goTestOutput is `go test -bench . -benchmem` output of two packages,
// trimmed.
const goTestOutput = `goos: linux
goarch: amd64
pkg: gztargets/app/model
cpu: AMD EPYC
BenchmarkCompare/x1-2      	  340317	       700.0 ns/op	        78.00 records	    1024 B/op	       1 allocs/op
BenchmarkCompare/x100-2    	    8900	     35000 ns/op	      7800 records	    9472 B/op	       1 allocs/op
PASS
ok  	gztargets/app/model	5.139s
pkg: gztargets/app/chart
BenchmarkProfile/x1000-2   	     154	   1467779 ns/op	        50.00 records	 2820792 B/op	    5073 allocs/op
PASS
`

func TestParseBenchmarks(t *testing.T) {
	got, err := parseBenchmarks(goTestOutput)
	if err != nil {
		t.Fatal(err)
	}
	want := []benchResult{
		{pkg: "gztargets/app/model", name: "Compare", scale: "x1", nsPerOp: 700, records: 78, bytes: 1024, allocs: 1},
		{pkg: "gztargets/app/model", name: "Compare", scale: "x100", nsPerOp: 35000, records: 7800, bytes: 9472, allocs: 1},
		{pkg: "gztargets/app/chart", name: "Profile", scale: "x1000", nsPerOp: 1467779, records: 50, bytes: 2820792, allocs: 5073},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("parseBenchmarks = %+v, want %+v", got, want)
	}
	rows := scaleRows(got)
	// x100 reads 100 times the records in 50 times the time: half the
	// time per record.
	if ratio := rows[1][len(rows[1])-1]; ratio != "0.50" {
		t.Errorf("x100 per record vs x1 = %s, want 0.50", ratio)
	}
	if ratio := rows[2][len(rows[2])-1]; ratio != "no x1 result" {
		t.Errorf("a benchmark without x1 got ratio %s", ratio)
	}
}

func TestMedians(t *testing.T) {
	runs := []benchResult{
		{pkg: "p", name: "Compare", scale: "x1", nsPerOp: 900, records: 78},
		{pkg: "p", name: "Compare", scale: "x100", nsPerOp: 50, records: 7800},
		{pkg: "p", name: "Compare", scale: "x1", nsPerOp: 100, records: 78},
		{pkg: "p", name: "Compare", scale: "x1", nsPerOp: 200, records: 78},
	}
	got := medians(runs)
	if len(got) != 2 || got[0].scale != "x1" || got[0].nsPerOp != 200 || got[1].nsPerOp != 50 {
		t.Errorf("medians = %+v, want x1 at 200 ns/op, then x100", got)
	}
}

func TestParseBenchmarksRejectsMissingRecords(t *testing.T) {
	out := "pkg: p\nBenchmarkCompare/x1-2  10  700.0 ns/op  1024 B/op  1 allocs/op\n"
	if _, err := parseBenchmarks(out); err == nil || !strings.Contains(err.Error(), "records") {
		t.Errorf("error = %v, want one about the missing records metric", err)
	}
	if _, err := parseBenchmarks("FAIL\n"); err == nil {
		t.Error("output without results was accepted")
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	if got := percentile(xs, 95); got != 19 {
		t.Errorf("p95 of 1..20 = %v, want 19 (nearest rank)", got)
	}
	if got := percentile(xs, 100); got != 20 {
		t.Errorf("p100 = %v, want the maximum", got)
	}
	if got := median([]float64{3, 1, 2, 10}); got != 2.5 {
		t.Errorf("median = %v, want 2.5", got)
	}
}
