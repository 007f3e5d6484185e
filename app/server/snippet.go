//go:build !wasm

package server

import (
	"bytes"
	"html"
)

// snippetSource is how an embed snippet's address begins in a pre-rendered
// page where the UI knows no origin: a path, in the text of the snippet's
// box, escaped as go-app escapes text (html.EscapeString).
var snippetSource = []byte(html.EscapeString(`src="/`))

// withAbsoluteSnippets writes the embed snippets of a pre-rendered page
// with absolute addresses at the site's public domain, the code a reader
// pastes into another site. Without a domain the page keeps the paths, and
// web/chart.js makes them absolute at the address the page was loaded from,
// as the app does once it runs. Attributes are written unescaped, so only
// text such as a snippet's matches.
func withAbsoluteSnippets(page []byte, domain string) []byte {
	if domain == "" {
		return page
	}
	return bytes.ReplaceAll(page, snippetSource, []byte(html.EscapeString(`src="https://`+domain+`/`)))
}
