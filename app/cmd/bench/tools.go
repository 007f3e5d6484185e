package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"time"

	"gztargets/app/chromium"
)

// weighed are the files the sizes section weighs, the first the raw wasm
// the others are measured against, with the budget in bytes of those that
// have one: issue 7's, as GUIDE §7 asks only that the wasm be as small as
// it can be.
var weighed = []struct {
	file   string
	budget int64
}{{"web/app.wasm", 0}, {"web/app.wasm.gz", 2_300_000}, {"web/app.wasm.br", 1_700_000}}

// measureSizes reports the sizes of the wasm that make builds, raw and as
// the gzip and brotli copies the server sends, and quotes its sections as
// wasm-objdump lists them.
func measureSizes(e *env, r *report, cmd string) error {
	headers := "wasm-objdump --headers " + weighed[0].file
	r.commands("make web    # builds web/app.wasm with -ldflags='-s -w', then web/app.wasm.gz (gzip -9) and web/app.wasm.br (brotli, best)",
		cmd+"    # reads the file sizes", headers+"    # the raw wasm's sections")
	var rows [][]string
	var raw os.FileInfo
	for _, w := range weighed {
		fi, err := os.Stat(w.file)
		if err != nil {
			return fmt.Errorf("%w: run `make web`", err)
		}
		raw = cmp.Or(raw, fi) // the first
		row := []string{w.file, thousands(fi.Size()), megabytes(fi.Size()), fmt.Sprintf("%.1f%%", 100*float64(fi.Size())/float64(raw.Size())), "", ""}
		if w.budget > 0 {
			row[4] = "≤ " + megabytes(w.budget) + " (issue 7)"
			row[5] = r.budget(path.Base(w.file)+" size", megabytes(fi.Size()), row[4], fi.Size() <= w.budget)
		}
		rows = append(rows, row)
	}
	r.table([]string{"file", "bytes", "MB", "of raw", "budget", "verdict"}, rows)
	return quote(r, " start=", headers)
}

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
	r.commands(goTest+" > "+txt, benchstat)
	r.prose("gobench", benchCount)
	return quote(r, "", benchstat)
}

// quoteGoTest is a section that runs go test with args and quotes the
// lines it prints that contain keep.
func quoteGoTest(keep, args string) func(e *env, r *report, cmd string) error {
	return func(e *env, r *report, cmd string) error {
		goTest := e.goCmd + " test " + args
		r.commands(goTest)
		return quote(r, keep, goTest)
	}
}

// quote runs a command and quotes the lines it prints that contain keep.
func quote(r *report, keep, cmd string) error {
	out, err := sh(cmd)
	if err != nil {
		return err
	}
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

// lighthouseCLI is where `make bench` installs Lighthouse from npm.
const lighthouseCLI = "build/lighthouse/node_modules/.bin/lighthouse"

// leastScores are the least scores of Lighthouse's categories, GUIDE §7's
// raised by issue 18 (performance 0.95, now 0.98): Lighthouse 13 has no
// budgets, and Lighthouse CI brings its own version.
var leastScores = map[string]float64{"performance": 0.98, "accessibility": 1, "best-practices": 1, "seo": 1}

// lighthouseMetrics are the metric audits the report shows, and their names.
var lighthouseMetrics = [][2]string{{"largest-contentful-paint", "LCP"}, {"cumulative-layout-shift", "CLS"},
	{"total-blocking-time", "TBT"}, {"first-contentful-paint", "FCP"}, {"speed-index", "Speed Index"}}

// lighthouseResult is the part of Lighthouse's JSON report the bench reads.
type lighthouseResult struct {
	LighthouseVersion string
	RuntimeError      *struct{ Code, Message string }
	Categories        map[string]struct{ Score *float64 }
	Audits            map[string]struct {
		DisplayValue string
		Score        *float64
	}
}

// measureLighthouse runs Lighthouse's mobile audit of the home page with
// Debian's Chromium and reports its JSON report's scores and metrics. It
// gets three attempts: it sometimes fails to record its trace
// (NO_NAVSTART), and passes when run again.
func measureLighthouse(e *env, r *report, cmd string) error {
	pages := [][3]string{{"/", e.url + "/", "lighthouse"}, {"embed", e.url + "/embed/en/" + e.firstSlug + ".html", "lighthouse-embed"}}
	results := make([]lighthouseResult, len(pages))
	for i, p := range pages {
		var err error
		if results[i], err = runLighthouse(r, cmd, p[1], e.file(p[2])); err != nil {
			return err
		}
	}
	var rows, metrics [][]string
	for _, id := range slices.Sorted(maps.Keys(results[0].Categories)) {
		row, budget := []string{id}, "none"
		for i, p := range pages {
			s := results[i].Categories[id].Score
			row = append(row, scoreText(s))
			if least, ok := leastScores[id]; ok { // those GUIDE §7 and issue 18 set a budget for
				budget = fmt.Sprintf("≥ %.2f", least)
				r.budget(fmt.Sprintf("Lighthouse %s, %s", id, p[0]), scoreText(s), budget, s != nil && *s >= least)
			}
		}
		rows = append(rows, append(row, budget))
	}
	r.table([]string{"category", pages[0][0], pages[1][0], "budget"}, rows)
	for _, m := range lighthouseMetrics {
		metrics = append(metrics, []string{m[1], results[0].Audits[m[0]].DisplayValue, results[1].Audits[m[0]].DisplayValue})
	}
	r.table([]string{"metric (simulated mobile)", pages[0][0], pages[1][0]}, metrics)
	return nil
}

// runLighthouse audits a page with Lighthouse's mobile preset, again if
// its trace fails, and reads the JSON report it writes to out.
func runLighthouse(r *report, cmd, url, out string) (lighthouseResult, error) {
	lighthouse := fmt.Sprintf("CHROME_PATH=%s %s %s --output=json --output=html --output-path=%s --quiet '--chrome-flags=%s'",
		chromium.Path, lighthouseCLI, url, out, chromium.FlagLine())
	r.commands(lighthouse, cmd+"    # runs it (again if its trace fails) and reads the JSON")
	var res lighthouseResult
	for attempt := 1; ; attempt++ {
		os.Remove(out + ".report.json")
		_, err := sh(lighthouse)
		if b, readErr := os.ReadFile(out + ".report.json"); readErr == nil {
			err = json.Unmarshal(b, &res)
		}
		if err == nil && res.RuntimeError != nil && res.RuntimeError.Code != "" {
			err = fmt.Errorf("lighthouse: %s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
		}
		if err == nil {
			r.printf("%s: Lighthouse %s on Node.js %s; attempt %d of at most 3; load average before: %s. Its own report, with every audit: %s.report.html.\n\n",
				url, res.LighthouseVersion, firstLine("node --version"), attempt, loadAverage(), out)
			return res, nil
		}
		if attempt == 3 {
			return res, fmt.Errorf("%d attempts failed; the last: %w", attempt, err)
		}
		fmt.Fprintf(os.Stderr, "bench: lighthouse attempt %d failed: %v\n", attempt, err)
	}
}

// scoreText formats a score, null when Lighthouse could not compute it.
func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *s)
}
