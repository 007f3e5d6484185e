//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestServerTimeouts(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler(), log.New(io.Discard, "", 0))
	timeouts := []struct {
		name string
		got  time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout},
		{"ReadTimeout", srv.ReadTimeout},
		{"IdleTimeout", srv.IdleTimeout},
	}
	for _, tc := range timeouts {
		if tc.got <= 0 || tc.got > 5*time.Minute {
			t.Errorf("%s = %s, want a bound between 0 and 5 minutes", tc.name, tc.got)
		}
	}
	if srv.ReadHeaderTimeout > srv.ReadTimeout {
		t.Errorf("ReadHeaderTimeout %s exceeds ReadTimeout %s", srv.ReadHeaderTimeout, srv.ReadTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("WriteTimeout = %s: a limit on the whole response, which a slow client cannot meet for app.wasm; each write has its own deadline", srv.WriteTimeout)
	}
	if srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 64<<10 {
		t.Errorf("MaxHeaderBytes = %d, want a limit of at most 64 KB", srv.MaxHeaderBytes)
	}
	if srv.ErrorLog == nil {
		t.Error("the server's own errors (TLS, timeouts) go to the default logger, not the request log")
	}
}

// logLine is a request log line: method, request URI, status, bytes and
// duration.
var logLine = regexp.MustCompile(`^(\S+) (\S+) (\d{3}) \d+B \d+(\.\d+)?(ns|µs|ms|s)$`)

func TestRequestLog(t *testing.T) {
	var buf bytes.Buffer
	h := LogRequests(testSite(t), log.New(&buf, "", 0))
	requests := []struct {
		method, target, status string
	}{
		{"GET", "/", "200"},
		{"HEAD", "/sources?lang=en", "200"},
		{"GET", "/web/nope.js", "404"},
		{"GET", "/nowhere", "404"},
		{"POST", "/", "405"},
		{"GET", "/?metric=%3Cscript%3E%0A", "200"},
	}
	for _, r := range requests {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(r.method, r.target, nil))
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(requests) {
		t.Fatalf("%d log lines for %d requests:\n%s", len(lines), len(requests), buf.String())
	}
	for i, r := range requests {
		m := logLine.FindStringSubmatch(lines[i])
		if m == nil || m[1] != r.method || m[2] != r.target || m[3] != r.status {
			t.Errorf("log line %q, want %s %s with status %s, size and duration", lines[i], r.method, r.target, r.status)
		}
	}
}

func TestListenReportsAddressInUse(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	tests := []struct {
		addr string
		want []string
	}{
		{taken.Addr().String(), []string{taken.Addr().String(), "already in use", "ADDR="}},
		{"127.0.0.1:99999", []string{"cannot listen on 127.0.0.1:99999"}},
	}
	for _, tc := range tests {
		ln, err := Listen(tc.addr)
		if err == nil {
			ln.Close()
			t.Errorf("Listen(%s) succeeded", tc.addr)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Listen(%s): %q does not say %q", tc.addr, err, want)
			}
		}
	}
}

// syncBuffer is a log destination that goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestRunFinishesRequestsOnSIGINT interrupts Run while a slow request is
// in flight: the request completes, Run returns without error, and the
// listener is closed.
func TestRunFinishesRequestsOnSIGINT(t *testing.T) {
	inFlight := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(inFlight)
			time.Sleep(500 * time.Millisecond)
		}
		io.WriteString(w, "done")
	})
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	logger := log.New(&logs, "", 0)
	ran := make(chan error, 1)
	go func() { ran <- Run(NewHTTPServer(ln.Addr().String(), h, logger), ln, logger) }()
	base := "http://" + ln.Addr().String()
	// Run listens for signals before it serves, so once it answers, a
	// SIGINT goes to Run and does not end the test process.
	if body := fetch(base + "/ready"); body != "done" {
		t.Fatalf("the server answered %q", body)
	}
	slow := make(chan string, 1)
	go func() { slow <- fetch(base + "/slow") }()
	<-inFlight
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if body := <-slow; body != "done" {
		t.Errorf("the request in flight got %q, want it finished", body)
	}
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("Run did not return after SIGINT")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("the server still accepts connections after shutting down")
	}
	if !strings.Contains(logs.String(), "shutting down") {
		t.Errorf("the log does not say it is shutting down:\n%s", logs.String())
	}
}

// fetch gets a URL and returns its body; errors are reported as the body,
// so that goroutines may call it.
func fetch(url string) string {
	res, err := http.Get(url)
	if err != nil {
		return "error: " + err.Error()
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

// buildExplorer compiles the server binary from the current source, so
// that the test never runs a stale bin/explorer.
func buildExplorer(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "explorer")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/explorer").CombinedOutput()
	if err != nil {
		t.Fatalf("building the explorer: %v\n%s", err, out)
	}
	return bin
}

// explorerProcess is the server binary running, with its log.
type explorerProcess struct {
	cmd  *exec.Cmd
	addr string
	log  *syncBuffer
	done chan error
}

// startExplorer runs the binary on addr and waits until it serves, or
// until it exits.
func startExplorer(t testing.TB, bin, addr string) *explorerProcess {
	t.Helper()
	p := &explorerProcess{cmd: exec.Command(bin, "-addr", addr, "-web", webDir), log: &syncBuffer{}, done: make(chan error, 1)}
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serving := make(chan string, 1)
	go func() {
		scan := bufio.NewScanner(stderr)
		for scan.Scan() {
			fmt.Fprintln(p.log, scan.Text())
			if _, url, ok := strings.Cut(scan.Text(), "serving the explorer at http://"); ok {
				serving <- strings.Fields(url)[0]
			}
		}
		p.done <- p.cmd.Wait()
	}()
	t.Cleanup(func() { p.cmd.Process.Kill() })
	select {
	case p.addr = <-serving:
	case err := <-p.done:
		p.done <- err
	case <-time.After(90 * time.Second):
		// It builds every page and embed page first: some 10 s alone on
		// a 2-core machine, several times that beside the browser tests.
		t.Fatalf("the explorer did not start within 90s:\n%s", p.log)
	}
	return p
}

// wait returns the process's exit error, or fails after a time limit.
func (p *explorerProcess) wait(t testing.TB, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-p.done:
		return err
	case <-time.After(limit):
		t.Fatalf("the explorer did not exit within %s:\n%s", limit, p.log)
		return nil
	}
}

// TestExplorerBinary runs the real binary: it logs each request, exits 0
// promptly on SIGINT saying it is shutting down, and a second one on the
// same address exits 1 saying the address is in use.
func TestExplorerBinary(t *testing.T) {
	bin := buildExplorer(t)
	p := startExplorer(t, bin, "127.0.0.1:0")
	if p.addr == "" {
		t.Fatalf("the explorer exited at start:\n%s", p.log)
	}
	if body := fetch("http://" + p.addr + "/web/nope.js"); !strings.Contains(body, "404") {
		t.Errorf("a missing file answered %q", body)
	}
	second := startExplorer(t, bin, p.addr)
	if second.addr != "" {
		t.Fatal("a second explorer started on an address in use")
	}
	var exit *exec.ExitError
	if err := second.wait(t, 10*time.Second); !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(second.log.String(), "already in use") {
		t.Errorf("the second explorer exited with %v:\n%s", err, second.log)
	}
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, 5*time.Second); err != nil {
		t.Errorf("the explorer exited with %v after SIGINT, want 0", err)
	}
	for _, want := range []string{"GET /web/nope.js 404", "shutting down"} {
		if !strings.Contains(p.log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, p.log)
		}
	}
}
