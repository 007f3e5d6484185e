//go:build !wasm

package server

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"gztargets/app/i18n"
)

// staticHost serves an exported site as the hosts that read _headers do:
// a file for its path (with clean URLs and directory indexes), and for a
// path with no file, the target of a _redirects rule with status 404
// (Netlify), else the nearest 404.html up the tree (Cloudflare Pages,
// when nearest is set) or the root one. Headers come from _headers.
type staticHost struct {
	dir     string // the export, served at prefix
	prefix  string
	nearest bool
	rules   []headerRule
	t       *testing.T
}

func (h staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range headersFor(h.rules, r.URL.Path) {
		w.Header()[k] = v
	}
	p, ok := strings.CutPrefix(r.URL.Path, h.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	for _, candidate := range []string{p, p + ".html", path.Join(p, "index.html")} {
		if b, err := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(candidate))); err == nil {
			w.Write(b)
			return
		}
	}
	if target, ok := h.redirect404(r.URL.Path); ok {
		h.serve404(w, strings.TrimPrefix(target, h.prefix))
		return
	}
	dir := path.Dir(p)
	for h.nearest && dir != "/" {
		if _, err := os.Stat(filepath.Join(h.dir, filepath.FromSlash(dir), "404.html")); err == nil {
			h.serve404(w, path.Join(dir, "404.html"))
			return
		}
		dir = path.Dir(dir)
	}
	h.serve404(w, "/404.html")
}

func (h staticHost) serve404(w http.ResponseWriter, file string) {
	b, err := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(file)))
	if err != nil {
		h.t.Errorf("no %s in the export", file)
	}
	w.WriteHeader(http.StatusNotFound)
	w.Write(b)
}

// redirect404 is the target of the first _redirects rule with status 404
// whose pattern (a trailing * matches anything) matches p.
func (h staticHost) redirect404(p string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(h.dir, "_redirects"))
	if err != nil {
		return "", false
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[2] != "404" {
			continue
		}
		if prefix, wild := strings.CutSuffix(f[0], "*"); (wild && strings.HasPrefix(p, prefix)) || p == f[0] {
			return f[1], true
		}
	}
	return "", false
}

// TestStaticUnknownEmbed exports the site under a sub-path and asks static hosts for embed addresses that do not exist:
// each gets a not-found embed page in its language, under the embed CSP,
// which loads no WebAssembly (the app's 404.html would hang there).
func TestStaticUnknownEmbed(t *testing.T) {
	for _, prefix := range []string{"/gz"} { // the root differs only by the prefix, and an export takes seconds
		s, err := NewSite(webDir, prefix, "")
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := s.Export(dir); err != nil {
			t.Fatal(err)
		}
		rules := parseHeadersFile(t, string(s.headersFile()))
		for _, nearest := range []bool{false, true} {
			h := staticHost{dir: dir, prefix: prefix, nearest: nearest, rules: rules, t: t}
			for target, lang := range map[string]i18n.Lang{"/embed/en/nope.html": i18n.EN, "/embed/zh/nope.html": i18n.ZH, "/embed/nope": i18n.Default} {
				res, body := get(t, h, "GET", prefix+target)
				if res.StatusCode != 404 {
					t.Errorf("%s%s: status %d, want 404", prefix, target, res.StatusCode)
				}
				checkSecurityHeaders(t, headersFor(rules, prefix+target), kindEmbed)
				for _, bad := range []string{"app.js", "wasm_exec", ".wasm"} {
					if strings.Contains(body, bad) {
						t.Errorf("%s%s (nearest 404.html: %v): the page loads %s, which the embed CSP forbids", prefix, target, nearest, bad)
					}
				}
				if notice := i18n.T(lang, "embed.fallback"); !strings.Contains(body, notice) {
					t.Errorf("%s%s (nearest 404.html: %v): the page lacks the notice %q", prefix, target, nearest, notice)
				}
			}
		}
	}
}
