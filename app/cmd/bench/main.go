// Command bench measures the explorer against GUIDE §7's budgets and writes
// a Markdown report, each figure with the command that produced it. Kept
// tools count (wasm-objdump, benchstat, Lighthouse, wrk, chromedp);
// the bench measures what is this project's: the first chart against a
// plain ECharts page, a metric switch, an embed page. It reports budgets,
// never enforces them (GUIDE §6: timings on a shared machine vary), and
// exits with 1 when a figure could not be measured. `make bench` runs it:
//
//	go run ./app/cmd/bench [-only sizes,gobench,browser,embed,lighthouse,load,abuse,extract] [-runs 21]
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"text/template"
	"time"

	"golang.org/x/perf/benchmath"

	"gztargets/app/chromium"
	"gztargets/app/model"
	"gztargets/app/server"
	"gztargets/app/ui"
	"gztargets/app/urlstate"
	"gztargets/data"
)

// files are the bench's own: report.md holds the report's prose,
// probe.js times ECharts on any page, plain.html is the plain page,
// floor.html the plain page with the chart's still, load.lua drives wrk.
//
//go:embed report.md probe.js plain.html floor.html load.lua
var files embed.FS

// prose is the report's fixed text, one template per paragraph.
var prose = template.Must(template.ParseFS(files, "report.md")).Option("missingkey=error")

// section is one part of the report; serves says it needs the explorer's
// server; run is given the command that runs the section alone.
type section struct {
	name, title string
	serves      bool
	run         func(e *env, r *report, cmd string) error
}

var sections = []section{
	{"sizes", "WebAssembly size and sections", false, measureSizes},
	{"gobench", "Go benchmarks at 1×, 100× and 1000× the data", false, measureGoBenchmarks},
	{"browser", "First chart and metric switch in Chromium", true, measureBrowser},
	{"embed", "An embed page, cold", true, measureEmbed},
	{"lighthouse", "Lighthouse, mobile preset", true, measureLighthouse},
	{"load", "Server under load", true, measureLoad},
	// The server's own benchmarks, bounded, on loopback; requests per second are the load section's.
	{"abuse", "Server under abuse: huge URLs, cache-busting, shutdown", false,
		quoteGoTest("Benchmark", "-run '^$' -bench 'HugeURLs|CachedPageDuringFlood|ShutdownUnderLoad' -benchtime 1x ./app/server")},
	{"extract", "Extraction assistant on the five source articles", false,
		quoteGoTest("recall", "-count=1 -run TestMeasuredOnSourceArticles -v ./app/extract")},
}

// main runs the sections that -only names, or all of them; its status is
// 2 if the flags are wrong.
func main() {
	e := &env{}
	only := flag.String("only", "", "run only these sections, comma-separated")
	flag.StringVar(&e.out, "out", "build/bench-report.md", "also write the report to this file; the bench's other files go beside it (a path without spaces: the report's commands name it)")
	flag.StringVar(&e.goCmd, "go", "go", "the go command")
	flag.IntVar(&e.runs, "runs", 21, "cold page loads of each page: on a busy 2-core machine one load varies by ±100 ms, so the median wants many")
	flag.Parse()
	names := strings.Split(*only, ",")
	todo := slices.DeleteFunc(slices.Clone(sections), func(s section) bool { return *only != "" && !slices.Contains(names, s.name) })
	if *only != "" && len(todo) != len(names) || e.runs < 1 {
		fmt.Fprintln(os.Stderr, "bench: -only wants names of sections, as the package doc lists them, and -runs at least 1")
		os.Exit(2)
	}
	code, err := run(e, todo)
	if e.server != nil {
		e.server.Shutdown(context.Background())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
	os.Exit(code)
}

// run writes the report to stdout and to the file, section by section,
// and ends it with the figures against their budgets.
func run(e *env, todo []section) (int, error) {
	if err := os.MkdirAll(filepath.Dir(e.out), 0o755); err != nil {
		return 1, err
	}
	f, err := os.Create(e.out)
	if err != nil {
		return 1, err
	}
	r := &report{w: io.MultiWriter(os.Stdout, f)}
	describeMachine(r)
	code := 0
	for _, s := range todo {
		fmt.Fprintf(os.Stderr, "bench: measuring %s\n", s.name)
		r.printf("\n## %s\n\n", s.title)
		var err error
		if s.serves {
			err = e.serve()
		}
		if err == nil {
			err = s.run(e, r, "go run ./app/cmd/bench -only "+s.name)
		}
		if err != nil {
			r.printf("**Not measured:**\n\n```\n%v\n```\n\n", err)
			code = 1
		}
	}
	r.printf("\n## Summary against the budgets\n\n")
	r.table([]string{"figure", "measured", "budget", "verdict"}, r.budgets)
	if err := f.Close(); err != nil {
		return 1, fmt.Errorf("writing the report: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: wrote %s\n", e.out)
	return code, nil
}

// env is what the sections share: the settings, and the explorer's
// server and home page once a section has needed them, with the state
// the bare address opens on and the slug of its chart, which the plain
// page and the embed page draw too.
type env struct {
	out, goCmd string
	runs       int
	server     *http.Server
	url, home  string
	ds         *model.Dataset
	landing    urlstate.State
	firstSlug  string
}

// file is the path of one of the bench's files, beside the report.
func (e *env) file(name string) string { return filepath.Join(filepath.Dir(e.out), name) }

// serve starts, the first time, the server app/cmd/explorer runs, on a
// loopback port, logging to a file as in production, and reads its home
// page, which names the assets it loads.
func (e *env) serve() error {
	if e.server != nil {
		return nil
	}
	site, err := server.NewSite("web", "", "")
	if err != nil {
		return fmt.Errorf("%w: run `make web`", err)
	}
	logFile, err := os.Create(e.file("bench-server.log"))
	if err != nil {
		return err
	}
	ln, err := server.Listen("127.0.0.1:0")
	if err != nil {
		return err
	}
	e.server = server.NewHTTPServer(ln.Addr().String(), site, log.New(logFile, "", log.LstdFlags))
	go e.server.Serve(ln)
	e.url = "http://" + ln.Addr().String()
	home, err := get(e.url + "/")
	if err != nil {
		return err
	}
	e.home = string(home)
	if e.ds, err = model.Load(data.JSON); err != nil {
		return err
	}
	e.landing, _ = urlstate.Parse(url.Values{}, e.ds)
	e.firstSlug = ui.StateSlug(e.landing)
	if !strings.Contains(e.home, `"slug":"`+e.firstSlug+`"`) {
		return fmt.Errorf("the home page does not draw %q, the chart of the state the bare address opens on", e.firstSlug)
	}
	return nil
}

// asset is the fingerprinted path of a file of web/ that the home page
// loads: /web/style.d1c0efdf3924.css for "style".
func (e *env) asset(name string) string {
	return regexp.MustCompile(`/web/` + regexp.QuoteMeta(name) + `\.[\w.]+`).FindString(e.home)
}

// get reads the body at a URL, in English, as the bench's browser asks for pages.
func get(url string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept-Language", "en-US")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// report is the Markdown the sections write, and the budgets' summary.
type report struct {
	w       io.Writer
	budgets [][]string // figure, measured, budget, verdict
}

// printf writes to the report.
func (r *report) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

// prose writes the paragraphs of report.md's template name, filled in
// with data.
func (r *report) prose(name string, data any) {
	if err := prose.ExecuteTemplate(r.w, name, data); err != nil {
		panic(err) // report.md is the bench's own, and its test runs every template
	}
	r.printf("\n\n")
}

// commands lists the commands behind the figures that follow.
func (r *report) commands(cmds ...string) {
	r.printf("Produced by:\n\n    %s\n\n", strings.Join(cmds, "\n    "))
}

// table writes a Markdown table, padded to read well on a terminal too.
func (r *report) table(header []string, rows [][]string) {
	w := tabwriter.NewWriter(r.w, 0, 0, 1, ' ', 0)
	for _, row := range append([][]string{header, strings.Split(strings.Repeat("---\t", len(header)-1)+"---", "\t")}, rows...) {
		for _, cell := range row {
			fmt.Fprintf(w, "| %s\t", strings.ReplaceAll(cell, "|", `\|`))
		}
		fmt.Fprintln(w, "|")
	}
	w.Flush()
	r.printf("\n")
}

// budget records a figure against its budget and returns the verdict.
func (r *report) budget(figure, measured, limit string, within bool) string {
	verdict := map[bool]string{true: "within", false: "OVER"}[within]
	r.budgets = append(r.budgets, []string{figure, measured, limit, verdict})
	return verdict
}

// describeMachine opens the report with what the figures depend on: the
// code, the machine and how busy it was, the tools.
func describeMachine(r *report) {
	// --no-optional-locks leaves alone the index, which others may be using.
	code := "commit " + firstLine("git rev-parse --short HEAD")
	if firstLine("git --no-optional-locks status --porcelain --untracked-files=no") != "" {
		code += " with uncommitted changes"
	}
	r.prose("intro", map[string]any{
		"When": time.Now().UTC().Format("2006-01-02 15:04 MST"),
		"OS":   runtime.GOOS, "Arch": runtime.GOARCH, "CPUs": runtime.NumCPU(), "CPU": firstLine("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
		"Load": loadAverage(), "Code": code, "Go": runtime.Version(), "Chromium": firstLine(chromium.Path + " --version"),
		"Node": firstLine("node --version"), "Wrk": firstLine("wrk --version"), "Objdump": firstLine("wasm-objdump --version"),
	})
}

// loadAverage says how much other work ran beside the measurement.
func loadAverage() string { return firstLine("cut -d' ' -f1-3 /proc/loadavg") }

// firstLine is the first line a command prints, whatever its status (wrk
// prints its version with its usage, and exits with 1).
func firstLine(cmd string) string {
	out, _ := sh(cmd)
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

// sh runs a command line with the shell, so that the report shows exactly
// what ran; its error ends with what it printed last (go test prints its
// failures on standard output).
func sh(cmd string) ([]byte, error) {
	var stderr strings.Builder
	c := exec.Command("sh", "-c", cmd)
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		return out, fmt.Errorf("%s: %w\n%s", cmd, err, lastLines(string(out)+stderr.String(), 15))
	}
	return out, nil
}

// lastLines is the end of a command's output.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// thousands formats a count with thousands separators: 1,587,789.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// megabytes formats a size in MB of 10⁶ bytes.
func megabytes(n int64) string { return fmt.Sprintf("%.3f MB", float64(n)/1e6) }

// ms formats milliseconds.
func ms(v float64) string {
	if v < 10 {
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// spread is the range of the values, in ms.
func spread(xs []float64) string { return fmt.Sprintf("%.0f–%.0f", slices.Min(xs), slices.Max(xs)) }

// median is the median, as benchstat takes it.
func median(xs []float64) float64 {
	s := benchmath.NewSample(slices.Clone(xs), &benchmath.DefaultThresholds)
	return benchmath.AssumeNothing.Summary(s, 0.95).Center
}

// percentile is the nearest-rank percentile.
func percentile(xs []float64, p float64) float64 {
	return slices.Sorted(slices.Values(xs))[max(int(math.Ceil(p/100*float64(len(xs)))), 1)-1]
}
