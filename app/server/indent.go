//go:build !wasm

package server

import (
	"bytes"
	"errors"
	"io"
	"slices"

	"golang.org/x/net/html"
)

// withoutIndent takes go-app's indentation out of a page, so that the page
// reads as the app builds it in the browser, where an element's children
// have nothing between them. go-app's server-side rendering writes a line
// break and two spaces more than the element's own indentation before
// each child of an element with more than one, and a line break and the
// element's indentation before its end tag; a browser reads each as a
// space: "亿元、 增速不低于6% ;固定" inside a quote, a space before the full
// stop after a link, and, in a narrow column, a line more than once the
// app had taken the page over, which moved everything under it.
//
// Only that whitespace goes: a text's own spaces and line breaks stay, as
// do the contents of scripts, style sheets and text areas. A page the
// tokenizer cannot read is returned as it is.
func withoutIndent(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	out := make([]byte, 0, len(page))
	indents := []int{0} // the indentation of each open element's children; -1 for none known
	last := 0           // the indentation of the tag that comes next, if known
	inRaw := false      // in a script, style sheet, text area or title
	for {
		tt := z.Next()
		raw := z.Raw()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return page
			}
			return append(out, raw...)
		case html.TextToken:
			if !inRaw {
				out = append(out, trimIndent(raw, indents[len(indents)-1])...)
				last = lineIndent(raw)
				continue
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			inRaw = slices.Contains(rawElements, string(name))
			if !slices.Contains(voidElements, string(name)) {
				indents = append(indents, childIndent(last))
			}
		case html.EndTagToken:
			inRaw = false
			if len(indents) > 1 {
				indents = indents[:len(indents)-1]
			}
		}
		out = append(out, raw...)
		last = -1
	}
}

// childIndent is the indentation go-app gives the children of an element
// whose start tag it indented by indent spaces; -1 for unknown.
func childIndent(indent int) int {
	if indent < 0 {
		return -1
	}
	return indent + 2
}

// trimIndent takes from a text what go-app wrote around it: a leading line
// break and the children's indentation (indent spaces), and a trailing
// line break and the spaces after it, the next child's indentation or the
// end tag's. With no indentation known, it leaves the text as it is.
func trimIndent(text []byte, indent int) []byte {
	if indent < 0 {
		return text
	}
	prefix := append([]byte{'\n'}, bytes.Repeat([]byte{' '}, indent)...)
	text = bytes.TrimPrefix(text, prefix)
	if i := bytes.LastIndexByte(text, '\n'); i >= 0 && len(bytes.Trim(text[i:], "\n ")) == 0 {
		text = text[:i]
	}
	return text
}

// lineIndent is the number of spaces that end a text after its last line
// break: the indentation of the tag that follows it; -1 if the text has no
// line break or ends in something else.
func lineIndent(text []byte) int {
	i := bytes.LastIndexByte(text, '\n')
	if i < 0 || len(bytes.Trim(text[i+1:], " ")) > 0 {
		return -1
	}
	return len(text) - i - 1
}

// voidElements have no end tag, and so no children.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// rawElements hold text that is not markup.
var rawElements = []string{"script", "style", "textarea", "title"}
