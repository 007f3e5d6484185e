//go:build !wasm

package server

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Kinds of response, by the security headers they must carry.
const (
	kindPage  = "page"  // may not be framed
	kindEmbed = "embed" // may be framed by any site
	kindFile  = "file"  // an asset or a download: never rendered as a page
	kindAny   = ""      // checked only for the headers every response carries
)

// allowedSources are the only CSP sources any directive may name: our own
// origin, nothing, the wasm compiler, and data:/blob: images drawn by the
// page itself. No host, no scheme-wide source, no 'unsafe-inline'; an
// inline style only by its hash (styleHash).
var allowedSources = []string{"'self'", "'none'", "'wasm-unsafe-eval'", "data:", "blob:"}

// styleHash is a CSP source that allows one inline style by its SHA-256.
var styleHash = regexp.MustCompile(`^'sha256-[A-Za-z0-9+/]{43}='$`)

// parseCSP splits a policy into its directives and their sources. Two
// policies joined by a comma are both enforced, so the stricter one wins
// in each directive; that is reported as an error.
func parseCSP(t *testing.T, policy string) map[string][]string {
	t.Helper()
	if n := strings.Count(policy, ",") + 1; n > 1 {
		t.Errorf("%d policies in one header, all enforced: %q", n, policy)
	}
	out := map[string][]string{}
	for _, part := range strings.Split(policy, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		if _, dup := out[fields[0]]; dup {
			t.Errorf("CSP names %s twice: %q", fields[0], policy)
		}
		out[fields[0]] = fields[1:]
	}
	return out
}

// checkCSP holds a policy to what the app needs and nothing more.
func checkCSP(t *testing.T, policy, kind string) {
	t.Helper()
	if policy == "" {
		t.Error("no Content-Security-Policy")
		return
	}
	d := parseCSP(t, policy)
	want := map[string][]string{"default-src": {"'self'"}, "object-src": {"'none'"}, "base-uri": {"'self'"}, "script-src": {"'self'"}}
	if kind == kindPage {
		want["script-src"] = []string{"'self'", "'wasm-unsafe-eval'"}
		want["frame-ancestors"] = []string{"'none'"}
	} else {
		want["frame-ancestors"] = []string{"*"}
	}
	for name, sources := range want {
		if !slices.Equal(d[name], sources) {
			t.Errorf("CSP %s = %v, want %v", name, d[name], sources)
		}
	}
	for name, sources := range d {
		for _, src := range sources {
			switch {
			case name == "frame-ancestors":
			case name == "style-src" && styleHash.MatchString(src):
			case !slices.Contains(allowedSources, src):
				t.Errorf("CSP %s allows %s", name, src)
			case (src == "data:" || src == "blob:") && name != "img-src":
				t.Errorf("CSP %s allows %s; only images may come from data: or blob:", name, src)
			}
		}
	}
}

// checkSecurityHeaders checks the headers every response carries, and
// those of its kind.
func checkSecurityHeaders(t *testing.T, h http.Header, kind string) {
	t.Helper()
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
	}
	if got := h.Get("Referrer-Policy"); !slices.Contains([]string{"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}, got) {
		t.Errorf("Referrer-Policy = %q, want one that never sends a path to other sites", got)
	}
	switch kind {
	case kindPage, kindFile:
		checkCSP(t, h.Get("Content-Security-Policy"), kindPage)
		if got := h.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("X-Frame-Options = %q, want DENY", got)
		}
	case kindEmbed:
		checkCSP(t, h.Get("Content-Security-Policy"), kindEmbed)
		if got := h.Values("X-Frame-Options"); len(got) > 0 {
			t.Errorf("an embed page has X-Frame-Options %q, which forbids the framing it exists for", got)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := testSite(t)
	embed := anyEmbed(t, s)
	csv := "/csv/" + strings.TrimSuffix(strings.TrimPrefix(embed, "/embed/"), ".html") + ".csv"
	tests := []struct {
		method, path string
		status       int
		kind         string
	}{
		{"GET", "/", 200, kindPage},
		{"HEAD", "/", 200, kindPage},
		{"GET", "/?view=years&lang=en", 200, kindPage},
		{"GET", "/?view=table&metric=%3Cscript%3E", 200, kindPage},
		{"GET", "/district/tianhe", 200, kindPage},
		{"GET", "/sources", 200, kindPage},
		{"GET", "/nowhere", 404, kindPage},
		{"GET", "/district/atlantis", 404, kindPage},
		{"POST", "/", 405, kindPage},
		{"GET", "/app.js", 200, kindFile},
		{"GET", "/app-worker.js", 200, kindFile},
		{"GET", "/manifest.webmanifest", 200, kindFile},
		{"GET", "/web/style.css", 200, kindFile},
		{"GET", hashedPath(t, s, "/web/app.wasm"), 200, kindFile},
		{"GET", "/web/nope.js", 404, kindFile},
		{"GET", "/data/targets.json", 200, kindFile},
		{"GET", "/data/targets.csv", 200, kindFile},
		{"GET", csv, 200, kindFile},
		{"GET", embed, 200, kindEmbed},
		{"GET", embed + "?theme=dark&plain=1", 200, kindEmbed},
		{"GET", "/embed/en/nope.html", 404, kindEmbed},
		{"DELETE", embed, 405, kindEmbed},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			res, _ := get(t, s, tc.method, tc.path)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			checkSecurityHeaders(t, res.Header, tc.kind)
		})
	}
}

// headerRule is one block of a _headers file.
type headerRule struct {
	pattern *regexp.Regexp
	headers map[string]string
}

// parseHeadersFile reads the _headers format: a pattern line, then
// indented "Name: value" lines. A * matches anything, a :name one path
// segment, as Netlify and Cloudflare Pages read them.
func parseHeadersFile(t *testing.T, file string) []headerRule {
	t.Helper()
	var rules []headerRule
	placeholder := regexp.MustCompile(`:[A-Za-z]+`)
	for _, line := range strings.Split(file, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			expr := strings.ReplaceAll(regexp.QuoteMeta(line), `\*`, ".*")
			expr = placeholder.ReplaceAllString(expr, "[^/]+")
			rules = append(rules, headerRule{regexp.MustCompile("^" + expr + "$"), map[string]string{}})
		case len(rules) == 0:
			t.Fatalf("a header before any pattern: %q", line)
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("not a header line: %q", line)
			}
			rules[len(rules)-1].headers[name] = value
		}
	}
	return rules
}

// headersFor is what a host sends for a path: the headers of every rule
// that matches, with the values of a header set twice joined by commas.
func headersFor(rules []headerRule, path string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if !r.pattern.MatchString(path) {
			continue
		}
		for k, v := range r.headers {
			if old := h.Get(k); old != "" {
				v = old + ", " + v
			}
			h.Set(k, v)
		}
	}
	return h
}

// TestStaticHeadersFile checks that a host reading the export's _headers
// sends the server's security headers: pages may not be framed, embed
// pages may, and every file is nosniff. The paths are the export's files
// and the clean URLs that hosts map to them, at the root and under a
// sub-path.
func TestStaticHeadersFile(t *testing.T) {
	root := testSite(t)
	embed := anyEmbed(t, root)
	for _, prefix := range []string{"", "/gz-targets"} {
		s := *root
		s.Prefix = prefix
		rules := parseHeadersFile(t, string(s.headersFile()))
		tests := []struct {
			path string
			kind string
		}{
			{"/", kindPage},
			{"/index.html", kindPage},
			{"/404.html", kindPage},
			{"/sources", kindPage},
			{"/sources.html", kindPage},
			{"/sources/", kindPage},
			{"/sources/index.html", kindPage},
			{"/district/tianhe", kindPage},
			{"/district/tianhe.html", kindPage},
			{"/district/tianhe/index.html", kindPage},
			{"/app-worker.js", kindPage},
			{embed, kindEmbed},
			{"/embed/zh/nope.html", kindEmbed},
			{hashedPath(t, &s, "/web/app.wasm"), kindAny},
			{"/data/targets.csv", kindAny},
		}
		for _, tc := range tests {
			t.Run(prefix+tc.path, func(t *testing.T) {
				checkSecurityHeaders(t, headersFor(rules, prefix+tc.path), tc.kind)
			})
		}
	}
}
