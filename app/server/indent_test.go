//go:build !wasm

package server

import (
	"regexp"
	"slices"
	"testing"

	nethtml "golang.org/x/net/html"
)

// TestWithoutIndent takes out what go-app writes between elements and
// keeps what the page's text says.
func TestWithoutIndent(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"children", "<q>\n  经济总量、\n  <mark>增速不低于6%</mark>\n  ;固定\n</q>", "<q>经济总量、<mark>增速不低于6%</mark>;固定</q>"},
		{"nested", "<div>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n</div>\n", "<div><ul><li>a</li><li>b</li></ul></div>"},
		{"void elements", "<head>\n  <meta charset=\"UTF-8\">\n  <title>T</title>\n</head>", "<head><meta charset=\"UTF-8\"><title>T</title></head>"},
		{"a text's own spaces", "<li>\n  <q>x</q>\n   — \n  <a>y</a>\n</li>", "<li><q>x</q> — <a>y</a></li>"},
		{"a text's own line breaks", "<q>1.地区生产总值\n\n增长7%</q>", "<q>1.地区生产总值\n\n增长7%</q>"},
		{"a text area", "<p>\n  <textarea>&lt;iframe&gt;\n  &lt;/iframe&gt;</textarea>\n</p>", "<p><textarea>&lt;iframe&gt;\n  &lt;/iframe&gt;</textarea></p>"},
		{"a script", "<body>\n  <script type=\"application/json\">{\"a\": \"\\n  <b>\"}</script>\n</body>", "<body><script type=\"application/json\">{\"a\": \"\\n  <b>\"}</script></body>"},
		{"indentation not go-app's", "<p>a <b>\n x</b></p>", "<p>a <b>\n x</b></p>"},
		{"not HTML", "\x00<p \"", "\x00<p \""},
	} {
		if got := string(withoutIndent([]byte(c.in))); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPagesHaveNoIndent reads every kind of page as a browser does: no
// text in it begins or ends with go-app's indentation, a line break and
// spaces, which the browser shows as a space the app does not have.
func TestPagesHaveNoIndent(t *testing.T) {
	s := testSite(t)
	indented := regexp.MustCompile(`^\n +|\n +$`)
	for _, p := range []string{"/", "/?view=map&lang=en", "/district/tianhe?lang=en", "/sources", "/coverage?lang=en", "/nowhere", anyEmbed(t, s)} {
		t.Run(p, func(t *testing.T) {
			_, body := get(t, s, "GET", p)
			doc := parsePage(t, body)
			for n := range doc.Descendants() {
				if n.Type != nethtml.TextNode || slices.Contains(rawElements, n.Parent.Data) {
					continue
				}
				if indented.MatchString(n.Data) {
					t.Errorf("a text in <%s> is indented: %q", n.Parent.Data, n.Data)
					return
				}
			}
		})
	}
}
