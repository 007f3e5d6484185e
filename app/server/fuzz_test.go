//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The prefixed site of the fuzz target, built once.
var (
	prefixedOnce sync.Once
	prefixedS    *Site
	prefixedErr  error
)

// FuzzServeHTTP sends any path and query to the site, at the root and
// under a prefix: the router (prefix, embed, asset and page paths) never
// panics, never answers 5xx, always sends the security headers, and no
// path or query ends up as markup in a page. The seed corpus is in
// testdata/fuzz/FuzzServeHTTP.
func FuzzServeHTTP(f *testing.F) {
	root := testSite(f)
	prefixedOnce.Do(func() { prefixedS, prefixedErr = NewSite(webDir, "/gz", "") })
	if prefixedErr != nil {
		f.Fatal(prefixedErr)
	}
	f.Fuzz(func(t *testing.T, path, query string, prefixed bool) {
		s := root
		if prefixed {
			s = prefixedS
		}
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.Path, r.URL.RawPath, r.URL.RawQuery = path, "", query
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		switch rec.Code {
		case http.StatusOK, http.StatusNotFound:
		default:
			t.Fatalf("%q ? %q: status %d", path, query, rec.Code)
		}
		h := rec.Result().Header
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Security-Policy") == "" {
			t.Fatalf("%q: security headers missing: %v", path, h)
		}
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			checkNoMarkupFromData(t, tokenize(rec.Body.String()))
		}
	})
}
