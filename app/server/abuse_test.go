//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// smallBuffers makes the kernel hold little of a response on either side
// of a loopback connection, so that a slow reader holds the server's
// writes back as it would across a real network.
const smallBuffer = 8 << 10

// smallBufferListener sets a small send buffer on each accepted connection.
type smallBufferListener struct{ net.Listener }

func (l smallBufferListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(smallBuffer)
	}
	return c, err
}

// dialSmall connects with a small receive buffer, set before the connection
// so that the window the server sees is small too.
func dialSmall(t testing.TB, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second, Control: func(_, _ string, c syscall.RawConn) error {
		var err error
		c.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, smallBuffer)
		})
		return err
	}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// readSlowly reads a response at about rate bytes a second, in small
// steps, until the connection ends or stop is closed; it returns what it
// read.
func readSlowly(conn net.Conn, rate int, stop <-chan struct{}) []byte {
	var got bytes.Buffer
	step := rate / 20
	buf := make([]byte, step)
	for {
		select {
		case <-stop:
			return got.Bytes()
		case <-time.After(50 * time.Millisecond):
		}
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := io.ReadFull(conn, buf)
		got.Write(buf[:n])
		if err != nil {
			return got.Bytes()
		}
	}
}

// TestSlowClientFinishes downloads a 700 KB file at 200 KB/s through a
// server whose writes must each finish within a second: a client slower
// than the whole response's time limit, but live, gets all of it.
func TestSlowClientFinishes(t *testing.T) {
	s := testSite(t)
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(ln.Addr().String(), s, log.New(io.Discard, "", 0), time.Second)
	go srv.Serve(smallBufferListener{ln})
	t.Cleanup(func() { srv.Close() })
	want := s.assets.byPath["/web/echarts.min.js"].body
	conn := dialSmall(t, ln.Addr().String())
	fmt.Fprintf(conn, "GET /web/echarts.min.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	start := time.Now()
	got := readSlowly(conn, 200<<10, nil)
	_, body, _ := bytes.Cut(got, []byte("\r\n\r\n"))
	if !bytes.Equal(body, want) {
		t.Fatalf("got %d of %d bytes in %s", len(body), len(want), time.Since(start).Round(time.Millisecond))
	}
	if took := time.Since(start); took < 2*time.Second {
		t.Fatalf("the download took %s: too fast to show a slow client", took)
	}
}

// TestStalledClientIsCut checks the other side: a client that stops
// reading is cut off once a write has waited for the limit.
func TestStalledClientIsCut(t *testing.T) {
	s := testSite(t)
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(ln.Addr().String(), s, log.New(io.Discard, "", 0), 500*time.Millisecond)
	go srv.Serve(smallBufferListener{ln})
	t.Cleanup(func() { srv.Close() })
	conn := dialSmall(t, ln.Addr().String())
	fmt.Fprintf(conn, "GET /web/echarts.min.js HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(2 * time.Second) // stalled
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := io.Copy(io.Discard, conn)
	if err != nil || n >= 700<<10 {
		t.Errorf("read %d bytes, then %v; want the response cut short and the connection closed", n, err)
	}
}

// TestShutdownWithStalledClient interrupts Run while a client has stopped
// reading a large response: Run waits out its grace period, closes the
// connection and returns nil, so the program exits 0.
func TestShutdownWithStalledClient(t *testing.T) {
	s := testSite(t)
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	logger := log.New(&logs, "", 0)
	srv := newHTTPServer(ln.Addr().String(), s, logger, time.Minute)
	ran := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { ran <- serve(ctx, srv, smallBufferListener{ln}, logger, time.Second) }()
	conn := dialSmall(t, ln.Addr().String())
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", hashedPath(t, s, "/web/app.wasm"))
	time.Sleep(300 * time.Millisecond) // the response has started and stalled
	start := time.Now()
	cancel()
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run returned %v, want nil (exit 0)", err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("shutting down took %s with a grace of 1s", took)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	if !strings.Contains(logs.String(), "closing") {
		t.Errorf("the log does not say it closed the connections left:\n%s", logs.String())
	}
}

// TestExplorerExitsZeroOnSIGTERM sends SIGTERM to the real binary while a
// client stalls in a download: it exits 0 within its grace period.
func TestExplorerExitsZeroOnSIGTERM(t *testing.T) {
	p := startExplorer(t, buildExplorer(t), "127.0.0.1:0")
	if p.addr == "" {
		t.Fatalf("the explorer exited at start:\n%s", p.log)
	}
	conn := dialSmall(t, p.addr)
	fmt.Fprintf(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(300 * time.Millisecond)
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.wait(t, shutdownGrace+5*time.Second); err != nil {
		t.Errorf("the explorer exited with %v after SIGTERM, want 0:\n%s", err, p.log)
	}
}

// vmHWM is a process's peak resident memory in bytes, from /proc.
func vmHWM(t testing.TB, pid int) int {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/pid/status")
	return 0
}

// hugeRequest sends a GET for target on its own connection and returns
// the status, or 0 when the connection ended before a response.
func hugeRequest(addr, target string) int {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return 0
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	go fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// hugeURLs sends a running explorer 1,000 unique 1 MB URLs, which the
// header limit refuses, and then 1,000 unique URLs just under it, which it
// renders, four at a time; it returns the statuses of each set.
func hugeURLs(p *explorerProcess) (huge, under map[int]int) {
	send := func(n int, target func(i int) string) map[int]int {
		statuses := map[int]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		work := make(chan int)
		for range 4 {
			wg.Go(func() {
				for i := range work {
					status := hugeRequest(p.addr, target(i))
					mu.Lock()
					statuses[status]++
					mu.Unlock()
				}
			})
		}
		for i := range n {
			work <- i
		}
		close(work)
		wg.Wait()
		return statuses
	}
	pad := func(n int) string { return strings.Repeat("a", n) }
	huge = send(1000, func(i int) string { return fmt.Sprintf("/?x%d=%s", i, pad(1<<20)) })
	under = send(1000, func(i int) string {
		switch i % 3 {
		case 0:
			return fmt.Sprintf("/?x%d=%s", i, pad(60<<10))
		case 1:
			return fmt.Sprintf("/nowhere/%d/%s", i, pad(60<<10))
		}
		return fmt.Sprintf("/district/tianhe?lang=en&y%d=%s", i, pad(60<<10))
	})
	return huge, under
}

// TestMemoryUnderHugeURLs sends the real binary hugeURLs: its peak
// resident memory stays under 250 MB, and no log line repeats a URL whole.
func TestMemoryUnderHugeURLs(t *testing.T) {
	p := startExplorer(t, buildExplorer(t), "127.0.0.1:0")
	if p.addr == "" {
		t.Fatalf("the explorer exited at start:\n%s", p.log)
	}
	huge, under := hugeURLs(p)
	for status := range huge {
		if status != http.StatusRequestHeaderFieldsTooLarge && status != 0 {
			t.Errorf("1 MB URLs: statuses %v, want 431 (or a connection cut while sending)", huge)
		}
	}
	if huge[http.StatusRequestHeaderFieldsTooLarge] < 900 {
		t.Errorf("1 MB URLs: statuses %v, want 431 for nearly all", huge)
	}
	if under[http.StatusOK]+under[http.StatusNotFound] < 1000 {
		t.Errorf("60 KB URLs: statuses %v, want 200 and 404", under)
	}
	peak := vmHWM(t, p.cmd.Process.Pid)
	t.Logf("peak RSS %d MB", peak>>20)
	if peak > 250<<20 {
		t.Errorf("peak resident memory %d MB, want under 250 MB", peak>>20)
	}
	for _, line := range strings.Split(p.log.String(), "\n") {
		if len(line) > 1024 {
			t.Errorf("a log line of %d bytes: %.120s…", len(line), line)
			break
		}
	}
	p.cmd.Process.Signal(os.Interrupt)
	if err := p.wait(t, shutdownGrace+5*time.Second); err != nil {
		t.Errorf("exit after SIGINT: %v", err)
	}
}

// BenchmarkHugeURLs reports the explorer's peak resident memory through
// hugeURLs (issue 16's goal: under 250 MB).
func BenchmarkHugeURLs(b *testing.B) {
	bin := buildExplorer(b)
	for b.Loop() {
		p := startExplorer(b, bin, "127.0.0.1:0")
		hugeURLs(p)
		b.ReportMetric(float64(vmHWM(b, p.cmd.Process.Pid))/(1<<20), "peak-RSS-MB")
		p.cmd.Process.Signal(os.Interrupt)
		p.wait(b, shutdownGrace+5*time.Second)
	}
}

// BenchmarkShutdownUnderLoad sends SIGTERM to the explorer while 50
// clients load it and one stalls in a download of app.wasm, and reports
// how long it took to exit and its exit code (0 expected).
func BenchmarkShutdownUnderLoad(b *testing.B) {
	bin := buildExplorer(b)
	for b.Loop() {
		p := startExplorer(b, bin, "127.0.0.1:0")
		conn := dialSmall(b, p.addr)
		fmt.Fprintf(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
		ctx, cancel := context.WithCancel(context.Background())
		loaded := make(chan struct{})
		go func() {
			paths := []string{"/", "/sources?lang=en", "/web/style.css"}
			hammer(ctx, "http://"+p.addr, 50, 50_000, func(i int) loadTarget { return loadTarget{paths[i%3], 200} })
			close(loaded)
		}()
		time.Sleep(time.Second)
		start := time.Now()
		p.cmd.Process.Signal(syscall.SIGTERM)
		err := p.wait(b, shutdownGrace+5*time.Second)
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "shutdown-ms")
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		}
		b.ReportMetric(float64(code), "exit-code")
		cancel()
		<-loaded
	}
}
