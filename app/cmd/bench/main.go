// Command bench measures the explorer against the budgets of GUIDE §7 and
// writes a Markdown report, each figure with the command that produced it.
// Kept tools do the counting: wasm-objdump weighs the wasm's code per
// package, golang.org/x/perf reads the Go benchmarks of the model and chart
// builders, Lighthouse audits, wrk loads the server. The bench's own work
// is what is this project's: the first chart in Chromium against a plain
// ECharts page, a metric switch, and an embed page's weight and speed.
//
// It reports and never fails on a budget, because timings on a shared
// machine vary (GUIDE §6). It exits with status 1 only when a figure could
// not be measured at all. `make bench` installs and builds what it needs
// and runs it:
//
//	go run ./app/cmd/bench [-only sizes,packages,gobench,browser,embed,lighthouse,load,abuse,extract]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// config is what the flags set.
type config struct {
	only, out, goCmd, web, chromium, lighthouse, wrk string
	runs, switches, clients                          int
	duration                                         time.Duration
}

// section is one part of the report. run is given the command that runs
// the section alone, to show in the report.
type section struct {
	name, title string
	run         func(e *env, r *report, cmd string) error
}

var sections = []section{
	{"sizes", "WebAssembly size", measureSizes},
	{"packages", "WebAssembly code per Go package", measurePackages},
	{"gobench", "Go benchmarks at 1×, 100× and 1000× the data", measureGoBenchmarks},
	{"browser", "First chart and metric switch in Chromium", measureBrowser},
	{"embed", "An embed page, cold", measureEmbed},
	{"lighthouse", "Lighthouse, mobile preset", measureLighthouse},
	{"load", "Server under load", measureLoad},
	{"abuse", "Server under abuse: huge URLs, cache-busting, shutdown", measureAbuse},
	{"extract", "Extraction assistant on the five source articles", measureExtract},
}

// main runs the sections; its status is 1 if a section could not be
// measured or the report not written, 2 if the flags are wrong.
func main() {
	var c config
	flag.StringVar(&c.only, "only", "", "run only these sections, comma-separated")
	flag.StringVar(&c.out, "out", "build/bench-report.md", "also write the report to this file")
	flag.StringVar(&c.goCmd, "go", "go", "the go command")
	flag.StringVar(&c.web, "web", "web", "the built web assets (make web)")
	flag.StringVar(&c.chromium, "chromium", "/usr/bin/chromium", "Chromium, as in the browser tests")
	flag.StringVar(&c.lighthouse, "lighthouse", "build/lighthouse/node_modules/.bin/lighthouse", "the Lighthouse CLI (make bench installs it)")
	flag.StringVar(&c.wrk, "wrk", "wrk", "the wrk load generator (make bench installs Debian's)")
	flag.IntVar(&c.runs, "runs", 21, "cold page loads of each page for the first-chart timing: on a busy 2-core machine one load varies by ±100 ms, so the median wants many")
	flag.IntVar(&c.switches, "switches", 20, "metric switches to time")
	flag.IntVar(&c.clients, "clients", 400, "concurrent connections of the load test")
	flag.DurationVar(&c.duration, "duration", 6*time.Second, "how long the load test asks for every path in turn; then each path alone for a third of it")
	flag.Parse()
	todo, err := c.sections()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	e := &env{cfg: c}
	code, err := run(e, todo)
	e.close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
	os.Exit(code)
}

// sections returns the sections that -only names, or all of them, and
// rejects counts that leave nothing to measure.
func (c config) sections() ([]section, error) {
	if min(c.runs, c.switches, c.clients) < 1 || c.duration < time.Second {
		return nil, fmt.Errorf("-runs, -switches and -clients want at least 1, -duration at least 1s")
	}
	if c.only == "" {
		return sections, nil
	}
	var out []section
	for _, name := range strings.Split(c.only, ",") {
		i := slices.IndexFunc(sections, func(s section) bool { return s.name == name })
		if i < 0 {
			return nil, fmt.Errorf("-only: unknown section %q", name)
		}
		out = append(out, sections[i])
	}
	return out, nil
}

// run writes the report, section by section as each finishes, to stdout
// and to the report file, and ends it with the figures against budgets.
func run(e *env, todo []section) (int, error) {
	if err := os.MkdirAll(filepath.Dir(e.cfg.out), 0o755); err != nil {
		return 1, err
	}
	f, err := os.Create(e.cfg.out)
	if err != nil {
		return 1, err
	}
	r := &report{w: io.MultiWriter(os.Stdout, f)}
	describeMachine(e, r)
	code := 0
	for _, s := range todo {
		fmt.Fprintf(os.Stderr, "bench: measuring %s\n", s.name)
		r.printf("\n## %s\n\n", s.title)
		cmd := "go run ./app/cmd/bench -only " + s.name
		flag.Visit(func(f *flag.Flag) {
			if f.Name != "only" && f.Name != "out" {
				cmd += " -" + f.Name + " " + f.Value.String()
			}
		})
		if err := s.run(e, r, cmd); err != nil {
			r.printf("**Not measured:**\n\n```\n%v\n```\n\n", err)
			code = 1
		}
	}
	r.printf("\n## Summary against the budgets (GUIDE §7)\n\n")
	r.table([]string{"figure", "measured", "budget", "verdict"}, r.budgets)
	if err := f.Close(); err != nil {
		return 1, fmt.Errorf("writing the report: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: wrote %s\n", e.cfg.out)
	return code, nil
}
