// Command bench measures the explorer against GUIDE §7's budgets and writes
// a Markdown report, each figure with the command that produced it. Kept
// tools count (wasm-objdump, golang.org/x/perf, Lighthouse, wrk, chromedp);
// the bench measures what is this project's: the first chart against a
// plain ECharts page, a metric switch, an embed page. It reports budgets,
// never enforces them (GUIDE §6: timings on a shared machine vary), and
// exits with 1 when a figure could not be measured. `make bench` runs it:
//
//	go run ./app/cmd/bench [-only sizes,packages,gobench,browser,embed,lighthouse,load,abuse,extract]
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/perf/benchmath"

	"gztargets/app/server"
)

// config is what the flags set.
type config struct {
	only, out, goCmd, web, chromium, lighthouse, wrk string
	runs, switches, clients                          int
	duration                                         time.Duration
}

// section is one part of the report; serves says it needs the explorer's
// server; run is given the command that runs the section alone.
type section struct {
	name, title string
	serves      bool
	run         func(e *env, r *report, cmd string) error
}

var sections = []section{
	{"sizes", "WebAssembly size", false, measureSizes},
	{"packages", "WebAssembly code per Go package", false, measurePackages},
	{"gobench", "Go benchmarks at 1×, 100× and 1000× the data", false, measureGoBenchmarks},
	{"browser", "First chart and metric switch in Chromium", true, measureBrowser},
	{"embed", "An embed page, cold", true, measureEmbed},
	{"lighthouse", "Lighthouse, mobile preset", true, measureLighthouse},
	{"load", "Server under load", true, measureLoad},
	{"abuse", "Server under abuse: huge URLs, cache-busting, shutdown", false, measureAbuse},
	{"extract", "Extraction assistant on the five source articles", false, measureExtract},
}

// main runs the sections; its status is 2 if the flags are wrong.
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
	todo, err := pick(c.only)
	if min(c.runs, c.switches, c.clients) < 1 || c.duration < time.Second {
		err = fmt.Errorf("-runs, -switches and -clients want at least 1, -duration at least 1s")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	e := &env{cfg: c}
	code, err := run(e, todo)
	if e.server != nil {
		e.server.Shutdown(context.Background())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
	os.Exit(code)
}

// pick returns the sections that -only names, or all of them.
func pick(only string) ([]section, error) {
	if only == "" {
		return sections, nil
	}
	var out []section
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(sections, func(s section) bool { return s.name == name })
		if i < 0 {
			return nil, fmt.Errorf("-only: unknown section %q", name)
		}
		out = append(out, sections[i])
	}
	return out, nil
}

// run writes the report to stdout and to the file, section by section,
// and ends it with the figures against their budgets.
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
		var err error
		if s.serves {
			err = e.serve()
		}
		if err == nil {
			err = s.run(e, r, cmd)
		}
		if err != nil {
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

// env is what the sections share: the settings, and the explorer's
// server and home page once a section has needed them.
type env struct {
	cfg       config
	server    *http.Server
	url, home string
}

// serve starts, the first time, the server app/cmd/explorer runs, on a
// loopback port, logging to a file as in production, and reads its home
// page, which names the assets it loads.
func (e *env) serve() error {
	if e.server != nil {
		return nil
	}
	site, err := server.NewSite(e.cfg.web, "", "")
	if err != nil {
		return fmt.Errorf("%w: run `make web`", err)
	}
	logFile, err := os.Create(filepath.Join(filepath.Dir(e.cfg.out), "bench-server.log"))
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
	e.home = string(home)
	return err
}

// asset is the fingerprinted path of a file of web/ that the home page
// loads: /web/style.d1c0efdf3924.css for "style".
func (e *env) asset(name string) string {
	return regexp.MustCompile(`/web/` + regexp.QuoteMeta(name) + `\.[\w.]+`).FindString(e.home)
}

// get reads the body at a URL.
func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
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

// para writes a paragraph.
func (r *report) para(format string, args ...any) { r.printf(format+"\n\n", args...) }

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
func describeMachine(e *env, r *report) {
	_, cpu, _ := strings.Cut(firstLine("grep", "-m1", "model name", "/proc/cpuinfo"), ":")
	r.printf("# Benchmark report\n\n")
	r.para("Measured %s on %s/%s, %d CPUs (%s), load average %s when the run started.", time.Now().UTC().Format("2006-01-02 15:04 MST"),
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cmp.Or(strings.TrimSpace(cpu), "model unknown"), loadAverage())
	// --no-optional-locks leaves alone the index, which others may be using.
	code := "commit " + firstLine("git", "rev-parse", "--short", "HEAD")
	if firstLine("git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no") != "" {
		code += " with uncommitted changes"
	}
	r.para("Code: %s. Tools: %s, %s, Node.js %s, %s, %s. The explorer is served in this process by app/server.", code, runtime.Version(),
		firstLine(e.cfg.chromium, "--version"), firstLine("node", "--version"), firstLine(e.cfg.wrk, "--version"), firstLine("wasm-objdump", "--version"))
	r.para("Budgets are GUIDE §7's; they are reported, never enforced. MB is 10⁶ bytes.")
}

// loadAverage says how much other work ran beside the measurement.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// firstLine is the first line a command prints, whatever its status (wrk
// prints its version with its usage, and exits with 1).
func firstLine(name string, args ...string) string {
	out, _ := exec.Command(name, args...).Output()
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

// runCommand runs a command; its error ends with what it printed last
// (go test prints its failures on standard output).
func runCommand(cmd *exec.Cmd) ([]byte, error) {
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s: %w\n%s", shellJoin(cmd.Args), err, lastLines(string(out)+stderr.String(), 15))
	}
	return out, nil
}

// shellSpecial matches a character that a shell reads specially.
var shellSpecial = regexp.MustCompile(`[^\w./=:,+@%-]`)

// shellJoin writes a command line that a shell reads back as args.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = a
		if a == "" || shellSpecial.MatchString(a) {
			quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(quoted, " ")
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

// percent is part as a percentage of whole.
func percent(part, whole int64) string {
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}

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
