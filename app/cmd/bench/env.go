package main

import (
	"cmp"
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"gztargets/app/server"
)

// env is what the sections share: the settings and the explorer server,
// which the first section that needs it starts.
type env struct {
	cfg    config
	server *http.Server
	url    string
}

// explorer returns the URL of the explorer's server, starting it on a
// free loopback port the first time: the site and HTTP server that
// app/cmd/explorer runs, its request log going to a file beside the
// report, as a server's log goes to a file in production.
func (e *env) explorer() (string, error) {
	if e.server != nil {
		return e.url, nil
	}
	site, err := server.NewSite(e.cfg.web, "", "")
	if err != nil {
		return "", fmt.Errorf("%w: run `make web`", err)
	}
	logFile, err := os.Create(filepath.Join(filepath.Dir(e.cfg.out), "bench-server.log"))
	if err != nil {
		return "", err
	}
	ln, err := server.Listen("127.0.0.1:0")
	if err != nil {
		return "", err
	}
	e.server = server.NewHTTPServer(ln.Addr().String(), site, log.New(logFile, "", log.LstdFlags))
	go e.server.Serve(ln)
	e.url = "http://" + ln.Addr().String()
	return e.url, nil
}

// close stops the server, if it runs.
func (e *env) close() {
	if e.server != nil {
		e.server.Shutdown(context.Background())
	}
}

// describeMachine opens the report with what the figures depend on: the
// code measured, the machine and how busy it was, and the tools.
func describeMachine(e *env, r *report) {
	_, cpu, _ := strings.Cut(firstLine("grep", "-m1", "model name", "/proc/cpuinfo"), ":")
	r.printf("# Benchmark report\n\n")
	r.para("Measured %s on %s/%s, %d CPUs (%s), load average %s when the run started.",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		cmp.Or(strings.TrimSpace(cpu), "model unknown"), loadAverage())
	// --no-optional-locks keeps git from touching the index, which other
	// people may be using.
	code := "commit " + firstLine("git", "rev-parse", "--short", "HEAD")
	if firstLine("git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no") != "" {
		code += " with uncommitted changes"
	}
	r.para("Code: %s. Tools: %s, %s, Node.js %s, %s, %s. The explorer is served in this process by app/server.", code, runtime.Version(),
		firstLine(e.cfg.chromium, "--version"), firstLine("node", "--version"), firstLine(e.cfg.wrk, "--version"), firstLine("wasm-objdump", "--version"))
	r.para("Budgets are GUIDE §7's; they are reported, never enforced. MB is 10⁶ bytes.")
}

// loadAverage is the 1-, 5- and 15-minute load average: on a shared
// machine, it says how much other work ran beside the measurement.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// firstLine runs a command and returns the first line of its standard
// output, trimmed, whatever its status (wrk prints its version with its
// usage, and exits with 1): it is for facts the report can do without.
func firstLine(name string, args ...string) string {
	out, _ := exec.Command(name, args...).Output()
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

// runCommand runs a command and returns its standard output; the error
// carries the command and the end of its standard error.
func runCommand(cmd *exec.Cmd) ([]byte, error) {
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s: %w\n%s", shellJoin(cmd.Args), err, lastLines(stderr.String(), 15))
	}
	return out, nil
}

// shellSpecial matches a character that a shell reads specially.
var shellSpecial = regexp.MustCompile(`[^\w./=:,+@%-]`)

// shellJoin writes a command line that a shell reads back as args,
// quoting the arguments that need it.
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

// lastLines is the end of a command's output, enough to see why it failed.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
