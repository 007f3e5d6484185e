//go:build !wasm

package server

import (
	"slices"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

func TestWithScriptsLast(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{
			"head scripts, in order, before the body's end",
			`<html><head><style>a{}</style><script defer src="/a.js"></script> <script src="/b.js" defer></script><script async src="/c.js"></script></head><body><p>x</p></body></html>`,
			`<html><head><style>a{}</style></head><body><p>x</p><script defer src="/a.js"></script> <script src="/b.js" defer></script><script async src="/c.js"></script></body></html>`,
		},
		{
			"a data block stays",
			`<html><head><script async src="/c.js"></script></head><body><script type="application/json" data-spec>{}</script></body></html>`,
			`<html><head></head><body><script type="application/json" data-spec>{}</script><script async src="/c.js"></script></body></html>`,
		},
		{
			"a script that runs as the page is read stays",
			`<html><head><script src="/now.js"></script><script src="/later.js" defer></script></head><body></body></html>`,
			`<html><head><script src="/now.js"></script></head><body><script src="/later.js" defer></script></body></html>`,
		},
		{"no scripts", `<html><head></head><body></body></html>`, `<html><head></head><body></body></html>`},
		{"no body end", `<html><head><script defer src="/a.js"></script></head><body>`, `<html><head><script defer src="/a.js"></script></head><body>`},
		{"no head", `<p>x</p>`, `<p>x</p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(withScriptsLast([]byte(c.in))); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestPagesLoadScriptsLast checks that every kind of page, found or not,
// loads its scripts from the end of its body, each deferred or async, and
// none from its head, where the browser would fetch them ahead of the
// page's own chart.
func TestPagesLoadScriptsLast(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/?view=years&lang=en", "/district/tianhe", "/sources?lang=en", "/coverage", "/nowhere", "/district/atlantis"} {
		t.Run(p, func(t *testing.T) {
			_, body := get(t, s, "GET", p)
			doc := parsePage(t, body)
			var inBody []string
			for n := range doc.Descendants() {
				if n.Type != nethtml.ElementNode || n.Data != "script" || attrOf(n, "src") == "" {
					continue
				}
				src := attrOf(n, "src")
				if n.Parent.Data == "head" {
					t.Errorf("the head loads %s", src)
				}
				if !slices.ContainsFunc(n.Attr, func(a nethtml.Attribute) bool { return a.Key == "defer" || a.Key == "async" }) {
					t.Errorf("%s is neither deferred nor async", src)
				}
				inBody = append(inBody, src)
			}
			if len(inBody) < 3 || !strings.HasSuffix(inBody[0], "wasm_exec.js") || !strings.HasSuffix(inBody[1], "app.js") {
				t.Errorf("the page loads %v; want wasm_exec.js, app.js and chart.js, in that order", inBody)
			}
		})
	}
}
