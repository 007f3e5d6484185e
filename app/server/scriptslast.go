//go:build !wasm

package server

import (
	"bytes"
	"regexp"
)

// headScript is a script element that loads a file, as go-app writes them
// into a page's head (wasm_exec.js, app.js, and web/chart.js from the
// handler's Scripts).
var headScript = regexp.MustCompile(`<script\b[^>]*\ssrc="[^"]*"[^>]*></script>\s*`)

// withScriptsLast moves the scripts that a page's head loads to the end of
// its body. Each is deferred or async, so it runs when it did before; but
// from the head the browser fetched them at once, and on a slow network
// they took a share of the bandwidth from the page itself, before its
// chart had arrived (about 45 ms of the first paint on Lighthouse's
// mobile network, issue 18). A page without a head or a body end is left
// as it is.
func withScriptsLast(page []byte) []byte {
	headEnd := bytes.Index(page, []byte("</head>"))
	bodyEnd := bytes.LastIndex(page, []byte("</body>"))
	if headEnd < 0 || bodyEnd < headEnd {
		return page
	}
	scripts := headScript.FindAll(page[:headEnd], -1)
	if len(scripts) == 0 {
		return page
	}
	out := make([]byte, 0, len(page))
	out = append(out, headScript.ReplaceAll(page[:headEnd], nil)...)
	out = append(out, page[headEnd:bodyEnd]...)
	out = append(out, bytes.Join(scripts, nil)...)
	return append(out, page[bodyEnd:]...)
}
