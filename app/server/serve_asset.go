//go:build !wasm

package server

import (
	"net/http"
	"strconv"
	"strings"
)

// Cache policies.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// serveAsset writes an asset, brotli- or gzip-compressed when the client
// accepts it, with a long cache lifetime for fingerprinted paths and
// revalidation (ETag) for the others.
func serveAsset(w http.ResponseWriter, r *http.Request, as *asset, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", as.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	if immutable {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	body, encoding := as.body, ""
	if as.gzip != nil {
		h.Add("Vary", "Accept-Encoding")
		switch accepted := r.Header.Get("Accept-Encoding"); {
		case acceptsEncoding(accepted, "br") && as.brotli != nil:
			body, encoding = as.brotli, "br"
		case acceptsEncoding(accepted, "gzip"):
			body, encoding = as.gzip, "gzip"
		}
	}
	etag := as.etag
	if encoding != "" {
		etag = strings.TrimSuffix(etag, `"`) + "-" + encoding + `"`
		h.Set("Content-Encoding", encoding)
	}
	h.Set("ETag", etag)
	if match := r.Header.Get("If-None-Match"); match != "" && match == etag && as.status == 0 {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if as.status != 0 {
		w.WriteHeader(as.status)
	}
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// acceptsEncoding reads an Accept-Encoding header: the coding must be
// listed and not refused with q=0.
func acceptsEncoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
