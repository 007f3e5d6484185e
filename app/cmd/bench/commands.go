package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// benchCount is how often each Go benchmark runs: the fewest runs from
// which benchstat gives a 95% confidence interval, and tells a change from
// x1 from noise.
const benchCount = 6

// measureGoBenchmarks runs the benchmarks of the model queries and chart
// builders, sub-benchmarks scale=x1, x100 and x1000, and has benchstat
// set the scales side by side, each against x1.
func measureGoBenchmarks(e *env, r *report, cmd string) error {
	goTest := fmt.Sprintf("%s test -run '^$' -bench . -benchmem -count %d ./app/model ./app/chart", e.goCmd, benchCount)
	txt := e.file("bench-gotest.txt")
	out, err := sh(goTest)
	if err == nil {
		err = os.WriteFile(txt, out, 0o644)
	}
	if err != nil {
		return err
	}
	benchstat := e.goCmd + " run golang.org/x/perf/cmd/benchstat -col /scale " + txt
	r.prose("gobench", benchCount)
	return quote(r, "", benchstat, goTest+" > "+txt)
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

// quote runs a command and quotes the lines it prints that contain keep,
// after naming it and the commands that ran before it.
func quote(r *report, keep, cmd string, before ...string) error {
	out, err := sh(cmd)
	if err != nil {
		return err
	}
	r.commands(append(before, cmd)...)
	var kept []string
	for line := range strings.Lines(string(out)) {
		if strings.Contains(line, keep) {
			kept = append(kept, strings.TrimRight(line, " \n"))
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
// path in turn, then each alone, which gives the bytes per response.
func measureLoad(e *env, r *report, cmd string) error {
	paths := []string{"/", "/?view=years&metric=fai_growth", "/district/tianhe", "/sources",
		e.asset("style"), "/spec/en.json", "/embed/en/" + e.firstSlug + ".html"}
	script := e.file("bench-load.lua")
	lua, _ := files.ReadFile("load.lua")
	if err := os.WriteFile(script, lua, 0o644); err != nil {
		return err
	}
	wrk := func(d time.Duration, paths ...string) string {
		return fmt.Sprintf("wrk -t %d -c %d -d %s --timeout 60s -s %s %s -- '%s'", runtime.NumCPU(), clients, d, script, e.url, strings.Join(paths, "' '"))
	}
	r.commands(wrk(loadDuration, paths...)+"    # app/cmd/bench/load.lua: every path in turn, Accept-Encoding: br",
		wrk(aloneFor, "PATH")+"    # then each path alone", cmd+"    # runs them")
	r.prose("load", map[string]any{"Load": loadAverage(), "CPUs": runtime.NumCPU()})
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
