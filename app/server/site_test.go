//go:build !wasm

package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"

	"gztargets/app/spec"
)

// webDir is the built web directory (`make web`); the tests fail with
// NewSite's message, which says how to build it, when it is missing.
const webDir = "../../web"

// Building a site compresses every asset, so the tests share one.
var (
	siteOnce      sync.Once
	sharedSite    *Site
	sharedSiteErr error
)

// testSite is the site of the real dataset at the root.
func testSite(t testing.TB) *Site {
	t.Helper()
	siteOnce.Do(func() { sharedSite, sharedSiteErr = NewSite(webDir, "", "") })
	if sharedSiteErr != nil {
		t.Fatal(sharedSiteErr)
	}
	return sharedSite
}

// get asks a handler for a path and returns the response with its body
// read.
func get(t testing.TB, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// anyEmbed is the path of one embed page of the site, in English.
func anyEmbed(t testing.TB, s *Site) string {
	t.Helper()
	paths := make([]string, 0, len(s.embeds))
	for p := range s.embeds {
		if strings.HasPrefix(p, "/embed/en/") && !spec.IsLegacy(p) {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		t.Fatal("the site has no English embed page")
	}
	sort.Strings(paths)
	return paths[0]
}

// hashedPath is the fingerprinted path of an asset.
func hashedPath(t testing.TB, s *Site, logical string) string {
	t.Helper()
	p, ok := s.assets.hashedNames()[logical]
	if !ok {
		t.Fatalf("%s has no fingerprinted name", logical)
	}
	return p
}
