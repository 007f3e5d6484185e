//go:build !wasm

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
)

// pageStyles are the stylesheets of every page, in cascade order: go-app's
// own (its loading indicator), the site's, and the stills'.
var pageStyles = []string{"/app.css", "/web/style.css", "/web/still.css"}

// inlineStyle is the pages' stylesheets as one <style> element, which each
// page carries in place of go-app's link to its app.css. A page that links
// its stylesheets paints nothing until each has arrived; a page that holds
// them paints its chart's still as soon as it has read that far (issue 18,
// the first chart's time). It costs each page about 3 KB compressed. The
// files are still served, for embed pages (still.css) and for pages cached
// before.
type inlineStyle struct {
	element []byte // <style>…</style>
	source  string // the CSP source that allows it: 'sha256-…'
}

// newInlineStyle joins the stylesheets, minified: every page carries
// them before its chart, and their comments (why a rule is there) and
// spaces are two fifths of their bytes, compressed (issue 18). A
// stylesheet that would end the element early is refused.
func newInlineStyle(sheets ...[]byte) (inlineStyle, error) {
	css, err := minifyCSS(bytes.Join(sheets, []byte("\n")))
	if err != nil {
		return inlineStyle{}, err
	}
	if bytes.Contains(bytes.ToLower(css), []byte("</style")) {
		return inlineStyle{}, fmt.Errorf("a page stylesheet contains </style, which would end its inline <style> element")
	}
	sum := sha256.Sum256(css)
	return inlineStyle{
		element: append(append([]byte("<style>"), css...), "</style>"...),
		source:  "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'",
	}, nil
}

// minifyCSS drops a stylesheet's comments and the spaces it does not need.
func minifyCSS(sheet []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := css.Minify(minify.New(), &out, bytes.NewReader(sheet), nil); err != nil {
		return nil, fmt.Errorf("minifying the pages' stylesheets: %w", err)
	}
	return out.Bytes(), nil
}

// goappStylesheet is the link go-app writes into every page's head to its
// app.css, wherever the site's prefix puts it.
var goappStylesheet = regexp.MustCompile(`<link [^>]*href="[^"]*/app\.css"[^>]*>`)

// into puts the style element in place of go-app's link to app.css. A
// page without that link (not one of go-app's) is left as it is.
func (st inlineStyle) into(page []byte) []byte {
	loc := goappStylesheet.FindIndex(page)
	if loc == nil {
		return page
	}
	out := make([]byte, 0, len(page)+len(st.element))
	out = append(append(append(out, page[:loc[0]]...), st.element...), page[loc[1]:]...)
	return out
}

// pageStyle is the inline style of the site's pages: go-app's app.css and
// the web directory's stylesheets.
func (s *Site) pageStyle() (inlineStyle, error) {
	sheets := make([][]byte, 0, len(pageStyles))
	for _, p := range pageStyles {
		as, ok := s.files[p]
		if !ok {
			as, ok = s.assets.get(p)
		}
		if !ok {
			return inlineStyle{}, fmt.Errorf("the pages' stylesheet %s is missing", p)
		}
		sheets = append(sheets, as.raw())
	}
	return newInlineStyle(sheets...)
}
