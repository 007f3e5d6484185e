package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// benchPackages hold the benchmarks of the model queries and chart
// builders, named Benchmark<Name>/x<scale>, each reporting the records
// it reads as a "records" metric.
var benchPackages = []string{"./app/model", "./app/chart"}

// benchCount is how often each benchmark runs; the report shows the
// median, which a busy moment of a shared machine moves less than one run.
const benchCount = 3

// measureGoBenchmarks runs the benchmarks and shows, per benchmark, how
// the time per record changes with the scale: it stays flat when the cost
// grows linearly with the data.
func measureGoBenchmarks(e *env, r *report, cmd string) error {
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", strconv.Itoa(benchCount)}, benchPackages...)
	goTest := exec.Command(e.cfg.goCmd, args...)
	r.commands(shellJoin(goTest.Args), cmd+"    # runs it, takes the medians and computes the ratios")
	fmt.Fprintln(os.Stderr, "bench: running the Go benchmarks, about two minutes")
	out, err := runCommand(goTest)
	if err != nil {
		return err
	}
	results, err := parseBenchmarks(string(out))
	if err != nil {
		return err
	}
	r.para("Each figure is the median of %d runs. "+
		"time/record is ns/op divided by the records the operation reads; "+
		"per record vs x1 is that divided by its value at x1: about 1 means the cost grows "+
		"linearly with the data, below 1 that fixed costs are spread over more records, "+
		"above 1 that it grows faster than the data.", benchCount)
	r.table([]string{"benchmark", "records", "ns/op", "B/op", "allocs/op", "time/record", "per record vs x1"}, scaleRows(medians(results)))
	return nil
}

// benchResult is one line of `go test -bench` output.
type benchResult struct {
	pkg     string
	name    string // e.g. Compare
	scale   string // e.g. x100
	nsPerOp float64
	records float64
	bytes   float64
	allocs  float64
}

// benchLine matches a result line, such as
// "BenchmarkCompare/x100-2  8900  22557 ns/op  7800 records  9472 B/op  1 allocs/op".
var benchLine = regexp.MustCompile(`^Benchmark(\w+)/(x\d+)(?:-\d+)?\s+\d+\s+(.*)$`)

// parseBenchmarks reads the results of `go test -bench -benchmem`, in
// order, with the package each belongs to.
func parseBenchmarks(out string) ([]benchResult, error) {
	var results []benchResult
	pkg := ""
	scan := bufio.NewScanner(strings.NewReader(out))
	for scan.Scan() {
		line := scan.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		res := benchResult{pkg: pkg, name: m[1], scale: m[2]}
		metrics := strings.Fields(m[3])
		for i := 0; i+1 < len(metrics); i += 2 {
			v, err := strconv.ParseFloat(metrics[i], 64)
			if err != nil {
				return nil, fmt.Errorf("benchmark line %q: %w", line, err)
			}
			switch metrics[i+1] {
			case "ns/op":
				res.nsPerOp = v
			case "records":
				res.records = v
			case "B/op":
				res.bytes = v
			case "allocs/op":
				res.allocs = v
			}
		}
		if res.nsPerOp == 0 || res.records == 0 {
			return nil, fmt.Errorf("benchmark line %q lacks ns/op or records", line)
		}
		results = append(results, res)
	}
	if len(results) == 0 {
		return nil, fmt.Errorf("go test printed no benchmark results:\n%s", lastLines(out, 15))
	}
	return results, nil
}

// medians merges the runs of each benchmark into one result with their
// median ns/op, in the order the benchmarks first appear.
func medians(results []benchResult) []benchResult {
	var order []string
	runs := map[string][]benchResult{}
	for _, res := range results {
		key := res.pkg + "." + res.name + "/" + res.scale
		if runs[key] == nil {
			order = append(order, key)
		}
		runs[key] = append(runs[key], res)
	}
	out := make([]benchResult, len(order))
	for i, key := range order {
		ns := make([]float64, len(runs[key]))
		for j, res := range runs[key] {
			ns[j] = res.nsPerOp
		}
		out[i] = runs[key][0]
		out[i].nsPerOp = median(ns)
	}
	return out
}

// scaleRows is a table row per result, comparing the time per record
// with that of the same benchmark at x1.
func scaleRows(results []benchResult) [][]string {
	base := map[string]float64{}
	for _, res := range results {
		if res.scale == "x1" {
			base[res.pkg+"."+res.name] = res.nsPerOp / res.records
		}
	}
	var rows [][]string
	for _, res := range results {
		perRecord := res.nsPerOp / res.records
		ratio := "no x1 result"
		if b, ok := base[res.pkg+"."+res.name]; ok {
			ratio = fmt.Sprintf("%.2f", perRecord/b)
		}
		rows = append(rows, []string{
			shortPkg(res.pkg) + "." + res.name + "/" + res.scale,
			thousands(int64(res.records)),
			thousands(int64(res.nsPerOp)), thousands(int64(res.bytes)), thousands(int64(res.allocs)),
			thousands(int64(math.Round(perRecord))) + " ns", ratio,
		})
	}
	return rows
}

// shortPkg is the last element of a package path: model, chart.
func shortPkg(pkg string) string { return pkg[strings.LastIndex(pkg, "/")+1:] }
