//go:build !wasm

package server

import (
	"bytes"
	"regexp"
)

// headScript is a script element with its attributes, as go-app writes
// them into a page's head (wasm_exec.js, app.js, and web/chart.js from the
// handler's Scripts), with the spaces after it.
var headScript = regexp.MustCompile(`<script\b([^>]*)></script>\s*`)

// Attributes of a script element: the file it loads, and that it runs
// after the page is read (defer) or whenever it arrives (async).
var (
	scriptSrc  = regexp.MustCompile(`\ssrc="[^"]*"`)
	scriptLate = regexp.MustCompile(`\s(?:defer|async)(?:[\s=]|$)`)
)

// loadsLate reports whether a script's attributes load a file that runs
// whenever it arrives or once the page is read, not as it is read.
func loadsLate(attrs []byte) bool { return scriptSrc.Match(attrs) && scriptLate.Match(attrs) }

// withScriptsLast moves the deferred and async scripts that a page's head
// loads to the end of its body: each runs when it did before, but from
// the head the browser fetched them at once, and on a slow network they
// took a share of the bandwidth from the page itself, before its chart
// had arrived (about 45 ms of the first paint on Lighthouse's mobile
// network, issue 18). Any other script stays where it is, as does a page
// without a head or a body end.
func withScriptsLast(page []byte) []byte {
	headEnd := bytes.Index(page, []byte("</head>"))
	bodyEnd := bytes.LastIndex(page, []byte("</body>"))
	if headEnd < 0 || bodyEnd < headEnd {
		return page
	}
	var moved [][]byte
	head := headScript.ReplaceAllFunc(page[:headEnd], func(script []byte) []byte {
		if !loadsLate(headScript.FindSubmatch(script)[1]) {
			return script
		}
		moved = append(moved, script)
		return nil
	})
	if len(moved) == 0 {
		return page
	}
	out := make([]byte, 0, len(page))
	out = append(append(out, head...), page[headEnd:bodyEnd]...)
	out = append(out, bytes.Join(moved, nil)...)
	return append(out, page[bodyEnd:]...)
}
