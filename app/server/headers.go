//go:build !wasm

package server

import (
	"net/http"
	"strings"
)

// pageCSP is the Content-Security-Policy of the app's pages: only our own
// origin, the wasm compiler ('wasm-unsafe-eval'), no inline script at all,
// and one inline style, the pages' stylesheets (inlineStyle), by its hash.
// Pages may not be framed at all; only embed pages may.
func pageCSP(style string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' " + style + "; " +
		"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
		"manifest-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
		"frame-ancestors 'none'"
}

// embedCSP is the policy of embed pages: no wasm, and framing by any site.
const embedCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *"

// securityHeaders lists the headers every response carries, besides CSP.
var securityHeaders = map[string]string{
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "strict-origin-when-cross-origin",
	"Permissions-Policy":     "camera=(), microphone=(), geolocation=()",
}

// setSecurityHeaders sets the headers for a response at a path relative
// to the site's prefix, whose pages hold the inline style that style (a
// CSP source) allows. Only embed pages may be framed by other sites.
func setSecurityHeaders(h http.Header, rel, style string) {
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
	if isEmbed(rel) {
		h.Set("Content-Security-Policy", embedCSP)
		return
	}
	h.Set("Content-Security-Policy", pageCSP(style))
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

func isEmbed(rel string) bool { return strings.HasPrefix(rel, "/embed/") }
