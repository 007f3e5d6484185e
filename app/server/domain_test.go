//go:build !wasm

package server

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestCheckDomain(t *testing.T) {
	tests := []struct {
		domain string
		ok     bool
	}{
		{"", true},
		{"example.org", true},
		{"gz-targets.example.org:8443", true},
		{"localhost", true},
		{"https://example.org", false},
		{"example.org/gz", false},
		{"example.org.", false},
		{`example.org" onload="x`, false},
		{"exa mple.org", false},
		{":8000", false},
	}
	for _, tt := range tests {
		if err := checkDomain(tt.domain); (err == nil) != tt.ok {
			t.Errorf("checkDomain(%q) = %v, want ok %v", tt.domain, err, tt.ok)
		}
	}
	if _, err := NewSite(webDir, "", "https://example.org"); err == nil || !strings.Contains(err.Error(), "host name") {
		t.Errorf("NewSite with a URL for a domain: %v, want an error that asks for a host name", err)
	}
}

// TestSharedLinks checks the preview image a social network reads from a
// page of a site given its domain: at its public address, which the site
// serves. The page does not claim a path-only og:url, which would send
// the readers of a shared chart to the default view.
func TestSharedLinks(t *testing.T) {
	s, err := NewSite(webDir, "/gz", "example.org")
	if err != nil {
		t.Fatal(err)
	}
	meta := func(body, property string) string {
		tag := regexp.MustCompile(`<meta [^>]*property="` + property + `"[^>]*>`).FindString(body)
		m := regexp.MustCompile(`content="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			t.Fatalf("no %s in the page", property)
		}
		return m[1]
	}
	_, body := get(t, s, http.MethodGet, "/gz/?lang=en&metric=fai_growth&view=years")
	if u := meta(body, "og:url"); strings.HasPrefix(u, "https://example.org") {
		t.Errorf("og:url = %q: a path-only address for a page whose query matters", u)
	}
	image := meta(body, "og:image")
	path, ok := strings.CutPrefix(image, "https://example.org")
	if !ok || !strings.HasPrefix(path, "/gz/web/screenshot") {
		t.Fatalf("og:image = %q, want the screenshot at https://example.org/gz/web/", image)
	}
	if res, _ := get(t, s, http.MethodGet, path); res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Errorf("the preview image %s answers %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
	}
}
