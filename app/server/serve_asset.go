//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Cache policies.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// serveAsset writes an asset, brotli- or gzip-compressed when the client
// accepts it, with a long cache lifetime for fingerprinted paths and
// revalidation for the others. Each encoding has its own ETag, and
// http.ServeContent answers conditional, HEAD and Range requests.
func serveAsset(w http.ResponseWriter, r *http.Request, as *asset, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", as.contentType)
	if immutable {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	encoding := ""
	if as.compressed() {
		h.Add("Vary", "Accept-Encoding")
		encoding = preferredEncoding(r.Header.Get("Accept-Encoding"))
	}
	body := as.encoded(encoding)
	etag := as.etag
	if encoding != "" {
		etag = strings.TrimSuffix(etag, `"`) + "-" + encoding + `"`
		h.Set("Content-Encoding", encoding)
	}
	h.Set("ETag", etag)
	if as.status != 0 && as.status != http.StatusOK {
		// A not-found page is no representation to validate or to split.
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(as.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// Content codings the site sends, in order of preference on a tie.
var codings = []string{"br", "gzip"}

// preferredEncoding reads an Accept-Encoding header (RFC 9110, 12.5.3) and
// returns the coding to send: the one of ours with the highest weight above
// zero, "*" standing for any coding the header does not name, or "" for
// the body as it is, when the header asks for none of ours, or prefers
// identity to them. A malformed weight counts as zero.
func preferredEncoding(header string) string {
	weights := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "x-gzip" {
			name = "gzip"
		}
		if _, seen := weights[name]; name == "" || seen {
			continue
		}
		weights[name] = weight(params)
	}
	best, bestWeight := "", 0.0
	for _, c := range codings {
		w, ok := weights[c]
		if !ok {
			w = weights["*"] // 0 when absent
		}
		if w > bestWeight {
			best, bestWeight = c, w
		}
	}
	if w, ok := weights["identity"]; ok && w > bestWeight {
		return ""
	}
	return best
}

// weight reads the q parameter of one Accept-Encoding element: 1 when it
// has none, 0 when it is not a number from 0 to 1.
func weight(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		name, value, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}
