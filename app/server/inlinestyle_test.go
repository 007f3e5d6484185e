//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

// pageStyling is what a page's head does for its style: the texts of its
// <style> elements and the addresses of its linked stylesheets.
func pageStyling(t *testing.T, page string) (styles, links []string) {
	t.Helper()
	for n := range parsePage(t, page).Descendants() {
		switch {
		case n.Type != nethtml.ElementNode:
		case n.Data == "style" && n.FirstChild != nil:
			styles = append(styles, n.FirstChild.Data)
		case n.Data == "link" && attrOf(n, "rel") == "stylesheet":
			links = append(links, attrOf(n, "href"))
		}
	}
	return styles, links
}

// parsePage reads a page as a browser does, into its document.
func parsePage(t *testing.T, page string) *nethtml.Node {
	t.Helper()
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attrOf(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestPagesHoldTheirStyle checks that every kind of page, found or not,
// holds the site's stylesheets inline, links none (each would hold up the
// first paint), and that its CSP allows exactly that style by its hash.
func TestPagesHoldTheirStyle(t *testing.T) {
	s := testSite(t)
	var sheets []string
	for _, p := range []string{"/web/style.css", "/web/still.css"} {
		as, _ := s.assets.get(p)
		sheet, err := minifyCSS(as.raw())
		if err != nil {
			t.Fatal(err)
		}
		sheets = append(sheets, string(sheet))
	}
	for _, p := range []string{"/", "/?view=years&lang=en", "/district/tianhe", "/sources?lang=en", "/coverage", "/nowhere", "/district/atlantis"} {
		t.Run(p, func(t *testing.T) {
			res, body := get(t, s, "GET", p)
			styles, links := pageStyling(t, body)
			if len(links) > 0 {
				t.Errorf("the page links stylesheets %v", links)
			}
			if len(styles) != 1 {
				t.Fatalf("%d style elements, want 1", len(styles))
			}
			for _, sheet := range sheets {
				if !strings.Contains(styles[0], sheet) {
					t.Errorf("the page's style lacks a stylesheet that begins %.60q, minified", sheet)
				}
			}
			sum := sha256.Sum256([]byte(styles[0]))
			want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			csp := parseCSP(t, res.Header.Get("Content-Security-Policy"))
			if !slices.Contains(csp["style-src"], want) {
				t.Errorf("style-src %v does not allow the page's style, %s", csp["style-src"], want)
			}
		})
	}
}

// TestInlineStyleRefusesAnEnd checks that a stylesheet which would close
// the style element, and let what follows be read as HTML, is refused.
func TestInlineStyleRefusesAnEnd(t *testing.T) {
	if _, err := newInlineStyle([]byte("a{}"), []byte(`a::after { content: "</STYLE><script>alert(1)</script>" }`)); err == nil {
		t.Error("a stylesheet holding </STYLE was accepted")
	}
	if _, err := newInlineStyle([]byte("a { color: red }")); err != nil {
		t.Errorf("a plain stylesheet was refused: %v", err)
	}
}
