package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"runtime"
	"strings"
	"time"

	"golang.org/x/perf/benchfmt"
)

// benchCount is how often each Go benchmark runs: a busy moment of a
// shared machine moves the median less than one run.
const benchCount = 3

// measureGoBenchmarks runs the benchmarks of the model queries and chart
// builders and shows how the time per record changes with the scale.
func measureGoBenchmarks(e *env, r *report, cmd string) error {
	goTest := fmt.Sprintf("%s test -run '^$' -bench . -benchmem -count %d ./app/model ./app/chart", e.goCmd, benchCount)
	r.commands(goTest, cmd+"    # reads it with golang.org/x/perf/benchfmt, takes medians as benchstat does")
	out, err := sh(goTest)
	if err != nil {
		return err
	}
	rows, err := scaleRows(bytes.NewReader(out))
	if err != nil {
		return err
	}
	r.prose("gobench", benchCount)
	r.table([]string{"benchmark", "records", "ns/op", "B/op", "allocs/op", "time/record", "per record vs x1"}, rows)
	return nil
}

// benchUnits are the units the report reads, as benchfmt names them.
var benchUnits = []string{"records", "sec/op", "B/op", "allocs/op"}

// scaleRows reads the output of benchmarks named Benchmark<Name>/x<scale>
// that report the records they read, and makes a row per benchmark and
// scale of the medians of its runs, and its time per record against x1's.
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
		for i, unit := range benchUnits {
			v, ok := res.Value(unit)
			if !ok {
				return nil, fmt.Errorf("benchmark %s lacks %s", res.Name, unit)
			} else if unit == "sec/op" {
				v *= 1e9 // ns/op again
			}
			runs[name][i] = append(runs[name][i], v)
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

// measureAbuse quotes the server's own benchmarks of abuse, bounded, on
// loopback: peak memory through huge URLs, a cached page's p99 during a
// cache-busting flood, the shutdown under load. Requests per second are
// the load section's.
func measureAbuse(e *env, r *report, cmd string) error {
	return quote(r, "Benchmark", e.goCmd+" test -run '^$' -bench 'HugeURLs|CachedPageDuringFlood|ShutdownUnderLoad' -benchtime 1x ./app/server")
}

// measureExtract quotes the extraction assistant's recall and precision on
// the five source articles, as its test measures them.
func measureExtract(e *env, r *report, cmd string) error {
	return quote(r, "recall", e.goCmd+" test -count=1 -run TestMeasuredOnSourceArticles -v ./app/extract")
}

// quote runs a command and quotes the lines it prints that contain keep.
func quote(r *report, keep, cmd string) error {
	out, err := sh(cmd)
	if err != nil {
		return err
	}
	r.commands(cmd)
	var kept []string
	for line := range strings.Lines(string(out)) {
		if strings.Contains(line, keep) {
			kept = append(kept, strings.TrimSpace(line))
		}
	}
	r.printf("```\n%s\n```\n\n", strings.Join(kept, "\n"))
	return nil
}

// wrkResult is what load.lua prints; times are in ms.
type wrkResult struct {
	Seconds          float64
	Requests, Errors int
	Bytes, Body      int64
	P50, P99, Max    float64
	Encoding         string
}

// The load test: 400 connections ask for every path in turn for 6 s, then
// for each path alone for 2 s.
const (
	clients      = 400
	loadDuration = 6 * time.Second
	aloneFor     = loadDuration / 3
)

// measureLoad runs wrk on loopback against what visits ask for (pages
// rendered per request, the stylesheet, the specs, an embed page): every
// path in turn, then each alone.
func measureLoad(e *env, r *report, cmd string) error {
	paths := []string{"/", "/?view=years&metric=fai_growth", "/district/tianhe", "/sources",
		e.asset("style"), "/spec/en.json", "/embed/en/" + e.firstSlug + ".html"}
	script := e.file("bench-load.lua")
	lua, _ := files.ReadFile("load.lua")
	if err := os.WriteFile(script, lua, 0o644); err != nil {
		return err
	}
	threads := runtime.NumCPU()
	wrk := func(d time.Duration, paths ...string) string {
		return fmt.Sprintf("wrk -t %d -c %d -d %s --timeout 60s -s %s %s -- '%s'", threads, clients, d, script, e.url, strings.Join(paths, "' '"))
	}
	r.commands(wrk(loadDuration, paths...)+"    # app/cmd/bench/load.lua: every path in turn, Accept-Encoding: br",
		wrk(aloneFor, "PATH")+"    # then each path alone", cmd+"    # runs them")
	r.prose("load", map[string]any{"Load": loadAverage(), "Threads": threads, "CPUs": runtime.NumCPU()})
	var rows [][]string
	for i, p := range append([]string{"every path in turn"}, paths...) {
		args := wrk(aloneFor, p)
		if i == 0 {
			args = wrk(loadDuration, paths...)
		}
		out, err := sh(args)
		var res wrkResult
		if err == nil {
			err = json.Unmarshal([]byte(lastLines(string(out), 1)), &res)
		}
		if err != nil {
			return fmt.Errorf("wrk on %s: %w\n%s", p, err, out)
		}
		rows = append(rows, []string{p, fmt.Sprint(res.Requests), fmt.Sprint(res.Errors), fmt.Sprintf("%.0f", float64(res.Requests)/res.Seconds),
			ms(res.P50), ms(res.P99), ms(res.Max), megabytes(res.Bytes), thousands(res.Body), res.Encoding})
	}
	rows[0][8], rows[0][9] = "", "" // the last body read says nothing of a mix
	r.table([]string{"paths", "requests", "errors", "requests/s", "p50", "p99", "max", "received", "bytes per response", "encoding"}, rows)
	return nil
}
