// Command bench measures the explorer against the budgets of GUIDE §7 and
// writes a Markdown report: the wasm's size, compressed and per Go
// package; Go benchmarks of the model queries and chart builders at
// growing scales; the first chart and a metric switch in Chromium against
// a plain ECharts page; an embed page's weight and speed; Lighthouse; and
// the server under load. Each figure
// comes with the command that produced it.
//
// It reports and never fails on a budget, because timings on a shared
// machine vary (GUIDE §6). It exits with status 1 only when a figure could
// not be measured at all. `make bench` builds what it needs and runs it:
//
//	go run ./app/cmd/bench [-only sizes,packages,gobench,browser,embed,lighthouse,load]
package main

import (
	"bytes"
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
	only       string
	out        string
	goCmd      string
	bin        string
	web        string
	chromium   string
	lighthouse string
	wrk        string
	runs       int
	switches   int
	clients    int
	duration   time.Duration
}

// section is one part of the report. flags names the flags it reads, so
// that the report can show the command that runs it alone.
type section struct {
	name  string
	title string
	flags []string
	run   func(e *env, r *report, cmd string) error
}

var sections = []section{
	{"sizes", "WebAssembly size", nil, measureSizes},
	{"packages", "WebAssembly code per Go package", []string{"go"}, measurePackages},
	{"gobench", "Go benchmarks at 1×, 100× and 1000× the data", []string{"go"}, measureGoBenchmarks},
	{"browser", "First chart and metric switch in Chromium", []string{"runs", "switches"}, measureBrowser},
	{"embed", "An embed page, cold", []string{"runs"}, measureEmbed},
	{"lighthouse", "Lighthouse, mobile preset", nil, measureLighthouse},
	{"load", "Server under load", []string{"clients", "duration"}, measureLoad},
}

// command is the command line that runs the section alone.
func (s section) command() string {
	parts := []string{"go run ./app/cmd/bench -only " + s.name}
	for _, name := range s.flags {
		parts = append(parts, "-"+name+" "+flag.Lookup(name).Value.String())
	}
	return strings.Join(parts, " ")
}

// main runs the sections and exits with run's status.
func main() {
	cfg := parseFlags()
	e := &env{cfg: cfg}
	code, err := run(e, os.Stdout)
	e.close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
	os.Exit(code)
}

// parseFlags reads the flags; their defaults suit a run from the
// repository's root, as make runs it.
func parseFlags() config {
	var c config
	flag.StringVar(&c.only, "only", "", "run only these sections, comma-separated: "+sectionNames())
	flag.StringVar(&c.out, "out", "build/bench-report.md", "also write the report to this file")
	flag.StringVar(&c.goCmd, "go", "go", "the go command")
	flag.StringVar(&c.bin, "bin", "bin/explorer", "the server binary (make bin/explorer)")
	flag.StringVar(&c.web, "web", "web", "the built web assets (make web)")
	flag.StringVar(&c.chromium, "chromium", "/usr/bin/chromium", "Chromium, as in the browser tests")
	flag.StringVar(&c.lighthouse, "lighthouse", "build/lighthouse/node_modules/.bin/lighthouse", "the Lighthouse CLI (make bench installs it)")
	flag.StringVar(&c.wrk, "wrk", "wrk", "the wrk load generator (make bench installs Debian's)")
	flag.IntVar(&c.runs, "runs", 21, "cold page loads of each page for the first-chart timing: on a busy 2-core machine one load varies by ±100 ms, so the median wants many")
	flag.IntVar(&c.switches, "switches", 20, "metric switches to time")
	flag.IntVar(&c.clients, "clients", 400, "concurrent connections of the load test")
	flag.DurationVar(&c.duration, "duration", 6*time.Second, "how long the load test asks for every path in turn; then each path alone for a third of it")
	flag.Parse()
	return c
}

// check rejects counts that leave nothing to measure.
func (c config) check() error {
	for name, n := range map[string]int{"runs": c.runs, "switches": c.switches, "clients": c.clients} {
		if n < 1 {
			return fmt.Errorf("-%s %d: want at least 1", name, n)
		}
	}
	if c.duration < time.Second {
		return fmt.Errorf("-duration %s: want at least 1s", c.duration)
	}
	return nil
}

// sectionNames lists the sections, for -only.
func sectionNames() string {
	names := make([]string, len(sections))
	for i, s := range sections {
		names[i] = s.name
	}
	return strings.Join(names, ",")
}

// chosen returns the sections that -only names, or all of them.
func chosen(only string) ([]section, error) {
	if only == "" {
		return sections, nil
	}
	var out []section
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(sections, func(s section) bool { return s.name == name })
		if i < 0 {
			return nil, fmt.Errorf("-only: unknown section %q; the sections are %s", name, sectionNames())
		}
		out = append(out, sections[i])
	}
	return out, nil
}

// run writes the report, section by section as each finishes, to stdout
// and then to the report file. Its status is 1 if a section could not be
// measured or the report not written, 2 if the flags are wrong.
func run(e *env, stdout io.Writer) (int, error) {
	if err := e.cfg.check(); err != nil {
		return 2, err
	}
	todo, err := chosen(e.cfg.only)
	if err != nil {
		return 2, err
	}
	var all bytes.Buffer
	out := io.MultiWriter(stdout, &all)
	r := &report{}
	r.printf("# Benchmark report\n\n")
	describeMachine(e, r)
	code := 0
	for _, s := range todo {
		fmt.Fprintf(os.Stderr, "bench: measuring %s\n", s.name)
		r.heading(s.title)
		if err := s.run(e, r, s.command()); err != nil {
			r.notMeasured(err)
			code = 1
		}
		if err := r.flush(out); err != nil {
			return 1, err
		}
	}
	r.summary()
	if err := r.flush(out); err != nil {
		return 1, err
	}
	if err := os.MkdirAll(filepath.Dir(e.cfg.out), 0o755); err != nil {
		return 1, err
	}
	if err := os.WriteFile(e.cfg.out, all.Bytes(), 0o644); err != nil {
		return 1, fmt.Errorf("writing the report: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: wrote %s\n", e.cfg.out)
	return code, nil
}
