//go:build !wasm

package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
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

// metaContents are the contents of a page's meta tags with a property or
// name, as a browser reads them.
func metaContents(t *testing.T, body, key string) []string {
	t.Helper()
	var out []string
	for _, tok := range tokenize(body) {
		if tok.tag == "meta" && (tok.attrs["property"] == key || tok.attrs["name"] == key) {
			out = append(out, tok.attrs["content"])
		}
	}
	return out
}

// TestSharedLinks checks what a social network reads from a page of a site
// given its domain: og:url is the page's absolute address, query
// included in canonical form, so that readers of a shared chart land on
// it; og:image is the screenshot at its public address, which the site
// serves.
func TestSharedLinks(t *testing.T) {
	s, err := NewSite(webDir, "/gz", "example.org:8443")
	if err != nil {
		t.Fatal(err)
	}
	latest := strconv.Itoa(s.data.LatestResultYear("gdp_growth"))
	tests := []struct{ target, url string }{
		{"/gz/?view=years&lang=en&metric=fai_growth&utm_source=x", "https://example.org:8443/gz/?lang=en&metric=fai_growth&view=years"},
		{"/gz/", "https://example.org:8443/gz/?metric=gdp_growth&view=results&year=" + latest},
		{"/gz/district/tianhe?lang=en", "https://example.org:8443/gz/district/tianhe?lang=en"},
		{"/gz/sources?lang=fr", "https://example.org:8443/gz/sources"},
		{`/gz/%22%3E%3Ca%20b=%22c`, "https://example.org:8443/gz/%22%3E%3Ca%20b=%22c"},
	}
	for _, tc := range tests {
		_, body := get(t, s, http.MethodGet, tc.target)
		if n := checkSnippets(t, body, "https://example.org:8443/gz/"); n == 0 && !strings.Contains(tc.target, "sources") && !strings.Contains(tc.target, "%22") {
			t.Errorf("%s: no embed snippet", tc.target)
		}
		if got := metaContents(t, body, "og:url"); len(got) != 1 || got[0] != tc.url {
			t.Errorf("%s: og:url %q, want %q", tc.target, got, tc.url)
		}
		image := metaContents(t, body, "og:image")
		if len(image) != 1 {
			t.Fatalf("%s: og:image %q, want one", tc.target, image)
		}
		u, err := url.Parse(image[0])
		if err != nil || u.Scheme != "https" || u.Host != "example.org:8443" || !strings.HasPrefix(u.Path, "/gz/web/screenshot") {
			t.Fatalf("og:image = %q, want the screenshot at https://example.org:8443/gz/web/", image[0])
		}
		if res, _ := get(t, s, http.MethodGet, u.Path); res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("the preview image %s answers %d %s", u.Path, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	// An embed page names the explorer's page of its chart as canonical.
	_, embed := get(t, s, http.MethodGet, "/gz/embed/en/gdp_growth-"+latest+"-results.html")
	if want := `<link rel="canonical" href="https://example.org:8443/gz/?lang=en&amp;metric=gdp_growth&amp;view=results&amp;year=` + latest + `">`; !strings.Contains(embed, want) {
		t.Errorf("the embed page has no canonical link %s", want)
	}
}

// TestNoSharedLinksWithoutDomain checks that a site that does not know its
// domain claims no address at all, rather than one with no host.
func TestNoSharedLinksWithoutDomain(t *testing.T) {
	s := testSite(t)
	for _, target := range []string{"/", "/?view=years&lang=en", "/district/tianhe", "/nowhere"} {
		_, body := get(t, s, http.MethodGet, target)
		for _, key := range []string{"og:url", "og:image", "twitter:image"} {
			if got := metaContents(t, body, key); len(got) > 0 {
				t.Errorf("%s: %s %q, without a domain", target, key, got)
			}
		}
		if strings.Contains(body, `"https://"`) || strings.Contains(body, "https:///") {
			t.Errorf("%s: an address with no host in the page", target)
		}
	}
	// A canonical address must be absolute: without a domain, none.
	_, embed := get(t, s, http.MethodGet, "/embed/en/gdp_growth-"+strconv.Itoa(s.data.LatestResultYear("gdp_growth"))+"-results.html")
	if !strings.Contains(embed, "<main") || strings.Contains(embed, `rel="canonical"`) {
		t.Errorf("an embed page without a domain names a canonical address, or is no page")
	}
}

// checkSnippets fails unless every address in the embed snippets of a page
// starts with base: the code a reader pastes must work on another site. It
// returns how many addresses it checked.
func checkSnippets(t *testing.T, body, base string) int {
	t.Helper()
	src := regexp.MustCompile(`src="([^"]*)"`)
	n := 0
	for _, tok := range tokenize(body) {
		if tok.parent != "textarea" {
			continue
		}
		for _, m := range src.FindAllStringSubmatch(tok.text, -1) {
			n++
			if !strings.HasPrefix(m[1], base) {
				t.Errorf("a snippet names %q, want an address under %s", m[1], base)
			}
		}
	}
	return n
}
