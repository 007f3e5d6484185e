package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os/exec"
	"path"
	"strconv"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// benchPackages hold the benchmarks of the model queries and chart
// builders, named Benchmark<Name>/x<scale>, each reporting the records
// it reads with b.ReportMetric as a "records" metric.
var benchPackages = []string{"./app/model", "./app/chart"}

// benchCount is how often each benchmark runs; the report shows the
// median, which a busy moment of a shared machine moves less than one run.
const benchCount = 3

// measureGoBenchmarks runs the benchmarks and shows, per benchmark, how
// the time per record changes with the scale: it stays flat when the cost
// grows linearly with the data.
func measureGoBenchmarks(e *env, r *report, cmd string) error {
	args := []string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", strconv.Itoa(benchCount)}
	goTest := exec.Command(e.cfg.goCmd, append(args, benchPackages...)...)
	r.commands(shellJoin(goTest.Args), cmd+"    # reads it with golang.org/x/perf/benchfmt, takes medians as benchstat does")
	out, err := runCommand(goTest)
	if err != nil {
		return err
	}
	rows, err := scaleRows(bytes.NewReader(out))
	if err != nil {
		return err
	}
	r.para("Each figure is the median of %d runs. "+
		"time/record is ns/op divided by the records the operation reads; "+
		"per record vs x1 is that divided by its value at x1: about 1 means the cost grows "+
		"linearly with the data, below 1 that fixed costs are spread over more records, "+
		"above 1 that it grows faster than the data.", benchCount)
	r.table([]string{"benchmark", "records", "ns/op", "B/op", "allocs/op", "time/record", "per record vs x1"}, rows)
	return nil
}

// benchUnits are the units the report reads, as benchfmt tidies them
// (ns/op becomes sec/op), with the factor that turns them back.
var benchUnits = []struct {
	unit   string
	factor float64
}{{"records", 1}, {"sec/op", 1e9}, {"B/op", 1}, {"allocs/op", 1}}

// scaleRows reads `go test -bench -benchmem` output and makes a row per
// benchmark and scale, in the order they first appear, of the medians of
// its runs, with its time per record against that at x1.
func scaleRows(out io.Reader) ([][]string, error) {
	var names []string
	runs := map[string][][]float64{} // by name, then unit
	rd := benchfmt.NewReader(out, "go test")
	for rd.Scan() {
		res, ok := rd.Result().(*benchfmt.Result)
		if !ok {
			continue
		}
		base, parts := res.Name.Parts()
		if len(parts) == 0 || !strings.HasPrefix(string(parts[0]), "/x") {
			return nil, fmt.Errorf("benchmark %s: want a /x<scale> sub-benchmark", res.Name)
		}
		name := path.Base(res.GetConfig("pkg")) + "." + string(base) + string(parts[0])
		if runs[name] == nil {
			names, runs[name] = append(names, name), make([][]float64, len(benchUnits))
		}
		for i, u := range benchUnits {
			v, ok := res.Value(u.unit)
			if !ok {
				return nil, fmt.Errorf("benchmark %s lacks %s", res.Name, u.unit)
			}
			runs[name][i] = append(runs[name][i], v*u.factor)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("go test printed no benchmark results")
	}
	perRecord := func(name string) float64 { return median(runs[name][1]) / median(runs[name][0]) }
	var rows [][]string
	for _, name := range names {
		row := []string{name}
		for _, vs := range runs[name] {
			row = append(row, thousands(int64(math.Round(median(vs)))))
		}
		versus := "no x1 result"
		if x1 := name[:strings.LastIndex(name, "/")] + "/x1"; runs[x1] != nil {
			versus = fmt.Sprintf("%.2f", perRecord(name)/perRecord(x1))
		}
		rows = append(rows, append(row, thousands(int64(math.Round(perRecord(name))))+" ns", versus))
	}
	return rows, rd.Err()
}
