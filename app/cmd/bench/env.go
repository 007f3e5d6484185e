package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// env is what the sections share: the settings and the explorer server,
// which the first section that needs it starts.
type env struct {
	cfg          config
	server       *exec.Cmd
	serverLog    string
	serverExited chan struct{}
	serverURL    string
}

var servingLine = regexp.MustCompile(`serving the explorer at (http://\S+)`)

// explorer returns the URL of the running server, starting it on a free
// loopback port the first time: the real binary, as people run it. Its
// log goes to a file, never a pipe: a pipe that fills up while the bench
// is busy would stall the server's request log, and with it the server.
func (e *env) explorer() (string, error) {
	if e.serverURL != "" {
		return e.serverURL, nil
	}
	if _, err := os.Stat(e.cfg.bin); err != nil {
		return "", fmt.Errorf("%s is missing: run `make bench`, which builds it", e.cfg.bin)
	}
	log, err := os.CreateTemp("", "bench-explorer-*.log")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(e.cfg.bin, "-addr", "127.0.0.1:0", "-web", e.cfg.web)
	cmd.Stdout, cmd.Stderr = log, log
	err = cmd.Start()
	log.Close()
	if err != nil {
		os.Remove(log.Name())
		return "", fmt.Errorf("starting %s: %w", e.cfg.bin, err)
	}
	e.server, e.serverLog, e.serverExited = cmd, log.Name(), make(chan struct{})
	go func() { cmd.Wait(); close(e.serverExited) }()
	url, err := waitServing(e.serverLog, e.serverExited)
	if err != nil {
		e.close()
		return "", fmt.Errorf("%s: %w", e.cfg.bin, err)
	}
	e.serverURL = url
	return url, nil
}

// waitServing reads the server's log until it says where it serves.
func waitServing(logPath string, exited <-chan struct{}) (string, error) {
	deadline := time.After(time.Minute)
	for {
		b, err := os.ReadFile(logPath)
		if err != nil {
			return "", err
		}
		if m := servingLine.FindSubmatch(b); m != nil {
			return string(m[1]), nil
		}
		select {
		case <-exited:
			return "", fmt.Errorf("stopped before serving:\n%s", lastLines(string(b), 15))
		case <-deadline:
			return "", fmt.Errorf("did not start serving within a minute:\n%s", lastLines(string(b), 15))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// close stops the server the way a terminal does, with SIGINT, and
// removes its log.
func (e *env) close() {
	if e.server == nil {
		return
	}
	e.server.Process.Signal(os.Interrupt)
	select {
	case <-e.serverExited:
	case <-time.After(15 * time.Second):
		e.server.Process.Kill()
		<-e.serverExited
	}
	os.Remove(e.serverLog)
	e.server, e.serverURL = nil, ""
}

// describeMachine opens the report with what the figures depend on: the
// code measured, the machine and how busy it was, and the tools.
func describeMachine(e *env, r *report) {
	r.para("Measured %s on %s/%s, %d CPUs (%s), load average %s when the run started.",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		cpuModel(), loadAverage())
	r.para("Code: %s. Tools: %s, %s, Node.js %s.", commit(), runtime.Version(),
		toolVersion(e.cfg.chromium), toolVersion("node"))
	r.para("Budgets are GUIDE §7's; they are reported, never enforced. MB is 10⁶ bytes.")
}

// commit names the commit measured, and says whether the working tree
// differs from it. --no-optional-locks keeps git from touching the index,
// which other people may be using.
func commit() string {
	head := firstLine(output("git", "rev-parse", "--short", "HEAD"))
	if head == "" {
		return "not a git checkout"
	}
	if firstLine(output("git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no")) != "" {
		return "commit " + head + " with uncommitted changes"
	}
	return "commit " + head
}

// cpuModel is the processor's name, as Linux reports it.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "model unknown"
	}
	for line := range strings.Lines(string(b)) {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimLeft(name, " \t:"))
		}
	}
	return "model unknown"
}

// loadAverage is the 1-, 5- and 15-minute load average: on a shared
// machine, it says how much other work ran beside the measurement.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// output runs a command and returns its standard output, or "" if it
// fails: it is for facts the report can do without.
func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// toolVersion is what a tool's --version prints, or that it is missing.
func toolVersion(name string) string {
	if v := firstLine(output(name, "--version")); v != "" {
		return v
	}
	return name + " (not found)"
}

// firstLine is the first line of s, trimmed.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// runCommand runs a command and returns its standard output; the error
// carries the command and the end of its standard error.
func runCommand(cmd *exec.Cmd) ([]byte, error) {
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, lastLines(stderr.String(), 15))
	}
	return out, nil
}

// shellJoin writes a command line that a shell reads back as args,
// quoting the arguments that need it.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = a
		if a == "" || strings.ContainsFunc(a, needsQuote) {
			quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(quoted, " ")
}

// needsQuote reports whether a shell would read the rune specially.
func needsQuote(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
}

// lastLines is the end of a command's output, enough to see why it failed.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
