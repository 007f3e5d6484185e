package e2e

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gztargets/app/server"
)

// TestUpdateNotice serves version A of the site, opens it (twice, so that
// the service worker controls the page, as for a returning reader), then
// serves version B at the same address and lets the open page check for an
// update: it must say that a new version is available.
func TestUpdateNotice(t *testing.T) {
	t.Parallel()
	bin, _ := filepath.Abs(filepath.Join(repoRoot, "bin", "explorer"))
	webA := copyWeb(t)
	webB := copyWeb(t)
	changeStyle(t, webB)

	t.Run("server", func(t *testing.T) {
		addr := freeAddr(t)
		srvA, url, err := startServer(bin, webA, addr)
		if err != nil {
			t.Fatal(err)
		}
		ctx := newTab(t)
		openControlled(t, ctx, url)
		stopServer(srvA)
		srvB, _, err := startServer(bin, webB, addr)
		if err != nil {
			t.Fatal(err)
		}
		defer stopServer(srvB)
		expectUpdateNotice(t, ctx)
	})

	// Both versions are exported first, and B replaces A by a rename once
	// the page is open: an export takes minutes on a busy machine, longer
	// than a tab's time limit.
	t.Run("static", func(t *testing.T) {
		root := t.TempDir()
		site := filepath.Join(root, strings.TrimPrefix(staticPrefix, "/"))
		siteB := filepath.Join(t.TempDir(), "b")
		export(t, bin, webA, site)
		export(t, bin, webB, siteB)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		srv := &http.Server{Handler: http.FileServer(http.Dir(root))}
		go srv.Serve(ln)
		defer srv.Close()
		ctx := newTab(t)
		openControlled(t, ctx, "http://"+ln.Addr().String()+staticPrefix)
		if err := os.Rename(site, filepath.Join(root, "a")); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(siteB, site); err != nil {
			t.Fatal(err)
		}
		expectUpdateNotice(t, ctx)
	})
}

// openControlled opens the explorer where a reader lands (the targets
// against results view, a page much taller than the screen), waits for its
// service worker, and reloads, so that the worker controls the page.
func openControlled(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(base+"/?lang=en"))
	waitWorker(t, ctx)
	do(t, ctx, chromedp.Reload())
	waitApp(t, ctx)
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`)
	if notice := text(t, ctx, ".update-notice"); notice != "" {
		t.Fatalf("an update notice shows before any update: %q", notice)
	}
}

// expectUpdateNotice makes the open page look for a new version, as it
// does every hour, and waits for the notice, on the screen where the
// reader is (the top of the page).
func expectUpdateNotice(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `(goappTryUpdate(), true)`)
	waitFor(t, ctx, `document.querySelector(".update-notice").innerText.includes("New version available")`)
	onScreen := `(() => { const r = document.querySelector(".update-notice").getBoundingClientRect();
		return scrollY === 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`
	if !eval[bool](t, ctx, onScreen) {
		t.Error("the update notice is not on the screen at the top of the page")
	}
	if got := text(t, ctx, ".update-notice button"); got != "reload" {
		t.Errorf("the notice's action reads %q, want reload", got)
	}
}

// copyWeb copies the built web directory, so that a test can change it.
// Each copy is newer than its source, and a pre-compressed copy
// (app.wasm.br) is written after its source, so the server still uses it.
//
// The copy leaves out the charts' stills: an update is of the app, and
// without them each export of the static site takes a fraction of the
// time (the pages then show the live chart alone).
func copyWeb(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(repoRoot, "web"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dst, server.StillsFile)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// changeStyle makes a real change to the site: a new style sheet.
func changeStyle(t *testing.T, web string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(web, "style.css"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n/* version B */\n"); err != nil {
		t.Fatal(err)
	}
}

func export(t *testing.T, bin, web, dir string) {
	t.Helper()
	out, err := exec.Command(bin, "-web", web, "-static", dir, "-prefix", staticPrefix).CombinedOutput()
	if err != nil {
		t.Fatalf("static export: %v\n%s", err, out)
	}
}

// freeAddr finds a free loopback address for a server to start on twice.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
