// Package e2e drives the real explorer in Debian's Chromium: the server
// binary, and the static export served by a plain file server under a
// sub-path. It needs what `make test` builds first (bin/explorer and the
// web assets), and fails with a clear message when they are missing.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gztargets/app/chromium"
	"gztargets/app/model"
	"gztargets/data"
)

const (
	repoRoot     = "../.."
	chromiumPath = chromium.Path
	staticPrefix = "/gz-targets"
)

// Shared by every test: the dataset, the server, the static site and the
// browser. Each test opens its own browser context (its own storage and
// service workers), so tests do not see each other's caches.
var (
	ds         *model.Dataset
	serverURL  string
	staticURL  string // the static export's root, including the prefix
	browserCtx context.Context
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	var err error
	if ds, err = model.Load(data.JSON); err != nil {
		return 0, err
	}
	bin, err := filepath.Abs(filepath.Join(repoRoot, "bin", "explorer"))
	if err != nil {
		return 0, err
	}
	if _, err := os.Stat(bin); err != nil {
		return 0, fmt.Errorf("%s is missing: run `make test`, which builds it and the web assets first", bin)
	}
	srv, url, err := startServer(bin, filepath.Join(repoRoot, "web"), "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer stopServer(srv)
	serverURL = url
	stopStatic, err := serveStatic(bin)
	if err != nil {
		return 0, err
	}
	defer stopStatic()
	ctx, cancel, err := startBrowser()
	if err != nil {
		return 0, err
	}
	defer cancel()
	browserCtx = ctx
	return m.Run(), nil
}

var servingLine = regexp.MustCompile(`serving the explorer at (http://\S+)`)

// startServer runs the server binary and waits for the address it reports.
func startServer(bin, webDir, addr string) (*exec.Cmd, string, error) {
	cmd := exec.Command(bin, "-addr", addr, "-web", webDir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	found := make(chan string, 1)
	go func() {
		scan := bufio.NewScanner(stderr)
		for scan.Scan() {
			if m := servingLine.FindStringSubmatch(scan.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	// Idle, the server starts in about 7 s; beside the rest of make test
	// on two cores it has taken 37 s. The limit only catches a server that
	// never starts, so it leaves room for a busier machine.
	select {
	case url := <-found:
		return cmd, url, nil
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		return nil, "", fmt.Errorf("the server did not start within 3 minutes")
	}
}

// stopServer ends the server the way a terminal does, with SIGINT.
func stopServer(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
	}
}

// serveStatic exports the site under staticPrefix and serves the export
// with Go's plain file server, which knows nothing of the app.
func serveStatic(bin string) (func(), error) {
	root, err := os.MkdirTemp("", "gz-targets-static-")
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(bin, "-web", filepath.Join(repoRoot, "web"),
		"-static", filepath.Join(root, strings.TrimPrefix(staticPrefix, "/")), "-prefix", staticPrefix).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("static export: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(root))}
	go srv.Serve(ln)
	staticURL = "http://" + ln.Addr().String() + staticPrefix
	return func() { srv.Close(); os.RemoveAll(root) }, nil
}

func startBrowser() (context.Context, context.CancelFunc, error) {
	ctx, stop, err := chromium.Start(chromiumPath)
	return ctx, context.CancelFunc(stop), err
}

// newTab opens a tab in a fresh browser context, with a time limit.
func newTab(t *testing.T) context.Context {
	t.Helper()
	return newTabWithin(t, 90*time.Second)
}

// tourLimit is the time limit of a tab that visits every kind of page.
const tourLimit = 4 * time.Minute

// newTabWithin opens a tab in a fresh browser context that may stay open
// for limit.
func newTabWithin(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	return ctx
}

// do runs actions and fails the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates an expression and fails the test on error.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}
