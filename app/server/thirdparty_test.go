//go:build !wasm

package server

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// remote reports whether a URL names another host (or any host): an
// absolute or a protocol-relative URL.
func remote(u string) bool {
	u = strings.TrimSpace(u)
	return strings.Contains(u, "://") || strings.HasPrefix(u, "//")
}

// TestNoThirdPartyURLs reads what the browser and the service worker
// fetch from: no page loads, and no manifest or worker precaches, anything
// from another host. (go-app's default icon is a remote URL; the site
// replaces it.) Links people follow, <a href>, may go anywhere, and so may
// og: metadata, which no browser fetches.
func TestNoThirdPartyURLs(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/?view=table", "/sources", "/district/tianhe", "/nowhere", anyEmbed(t, s)} {
		_, body := get(t, s, "GET", p)
		for _, tok := range tokenize(body) {
			for _, name := range []string{"src", "href", "srcset", "action", "poster", "data", "manifest"} {
				if v, ok := tok.attrs[name]; ok && tok.tag != "a" && remote(v) {
					t.Errorf("%s: <%s %s=%q>", p, tok.tag, name, v)
				}
			}
		}
	}
	_, manifest := get(t, s, "GET", "/manifest.webmanifest")
	var m struct {
		StartURL string `json:"start_url"`
		Scope    string `json:"scope"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(manifest), &m); err != nil || len(m.Icons) == 0 {
		t.Fatalf("the manifest does not parse or has no icons: %v", err)
	}
	urls := []string{m.StartURL, m.Scope}
	for _, icon := range m.Icons {
		urls = append(urls, icon.Src)
	}
	for _, u := range urls {
		if remote(u) {
			t.Errorf("the manifest names %s", u)
		}
	}
	_, worker := get(t, s, "GET", "/app-worker.js")
	for _, u := range quotedURL.FindAllString(worker, -1) {
		t.Errorf("the service worker names %s", u)
	}
}

// quotedURL is an absolute or protocol-relative URL in a JS string.
var quotedURL = regexp.MustCompile(`["'](https?:)?//[^"']*["']`)
