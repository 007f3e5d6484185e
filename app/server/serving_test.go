//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestPreferredEncoding(t *testing.T) {
	tests := []struct {
		header, want string
	}{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br", "br"},
		{"BR", "br"},
		{"x-gzip", "gzip"},
		{"*", "br"},
		{"*;q=0", ""},
		{"gzip, *;q=0", "gzip"},
		{"gzip;q=0", ""},
		{"gzip;Q=0", ""},
		{"gzip; q=0.000", ""},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0.1, gzip;q=0.9", "gzip"},
		{"br;q=0.5, *", "gzip"},
		{"gzip;q=0.5, identity", ""},
		{"gzip;q=nonsense", ""},
		{"gzip;q=2", ""},
	}
	for _, tc := range tests {
		if got := preferredEncoding(tc.header); got != tc.want {
			t.Errorf("preferredEncoding(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}

// request sends one request with headers to a handler.
func request(h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// TestEncodingOnTheWire asks the site with Accept-Encoding headers that
// were misread before: a wildcard accepts compression, q=0 in any case
// refuses it.
func TestEncodingOnTheWire(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/web/style.css", "/app.css", anyEmbed(t, s)} {
		for accept, want := range map[string]string{"*": "br", "gzip;Q=0": "", "br;q=0, gzip;q=1": "gzip"} {
			rec := request(s, "GET", p, map[string]string{"Accept-Encoding": accept})
			if got := rec.Header().Get("Content-Encoding"); got != want {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, want %q", p, accept, got, want)
			}
		}
	}
}

// TestConditionalRequests checks RFC 9110's validators on every kind of
// response: each encoding of a body has its own ETag, If-None-Match takes
// weak tags, lists and *, and a Range gets a part.
func TestConditionalRequests(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/sources?lang=en", "/app-worker.js", "/wasm_exec.js", "/app.css", "/app.js", "/web/style.css", hashedPath(t, s, "/web/chart.js"), "/data/targets.csv", anyEmbed(t, s)} {
		t.Run(p, func(t *testing.T) {
			tags := map[string]string{}
			for _, enc := range []string{"", "gzip", "br"} {
				rec := request(s, "GET", p, map[string]string{"Accept-Encoding": enc})
				if rec.Code != 200 {
					t.Fatalf("status %d", rec.Code)
				}
				tag := rec.Header().Get("ETag")
				if tag == "" {
					t.Fatalf("no ETag for encoding %q", enc)
				}
				if other, ok := tags[tag]; ok {
					t.Errorf("encodings %q and %q share the ETag %s", other, enc, tag)
				}
				tags[tag] = enc
				for _, match := range []string{tag, "W/" + tag, `"other", ` + tag, "*"} {
					rec := request(s, "GET", p, map[string]string{"Accept-Encoding": enc, "If-None-Match": match})
					if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
						t.Errorf("encoding %q, If-None-Match %s: status %d with %d bytes, want 304", enc, match, rec.Code, rec.Body.Len())
					}
				}
				if rec := request(s, "GET", p, map[string]string{"Accept-Encoding": enc, "If-None-Match": `"other"`}); rec.Code != 200 {
					t.Errorf("encoding %q, another tag: status %d, want 200", enc, rec.Code)
				}
			}
			full := request(s, "GET", p, nil).Body.String()
			rec := request(s, "GET", p, map[string]string{"Range": "bytes=0-9"})
			if rec.Code != http.StatusPartialContent || rec.Body.String() != full[:10] || !strings.HasPrefix(rec.Header().Get("Content-Range"), "bytes 0-9/") {
				t.Errorf("Range bytes=0-9: status %d, %q, Content-Range %q; want 206 with the first 10 bytes", rec.Code, rec.Body.String(), rec.Header().Get("Content-Range"))
			}
		})
	}
}

// TestContentTypesNameCharset checks that every text response says its
// character set, so that no browser guesses it.
func TestContentTypesNameCharset(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/nowhere", "/sources", "/district/tianhe", "/app-worker.js", "/wasm_exec.js", "/app.css", "/app.js", anyEmbed(t, s), "/embed/en/nope.html"} {
		rec := request(s, "GET", p, nil)
		if ct := rec.Header().Get("Content-Type"); !strings.HasSuffix(ct, "; charset=utf-8") {
			t.Errorf("%s: Content-Type %q names no charset", p, ct)
		}
	}
}

// TestPackedAsset checks a page kept compressed only: it holds no
// uncompressed copy, and each coding, none included, gives the content.
func TestPackedAsset(t *testing.T) {
	body := []byte(strings.Repeat("<svg><text>Tianhe 5.5%</text></svg>", 200))
	as := packedAsset(embedContentType, body)
	if as.body != nil {
		t.Fatal("a packed asset keeps its uncompressed content")
	}
	readers := map[string]func([]byte) io.Reader{
		"": func(b []byte) io.Reader { return bytes.NewReader(b) },
		"gzip": func(b []byte) io.Reader {
			r, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
		"br": func(b []byte) io.Reader { return brotli.NewReader(bytes.NewReader(b)) },
	}
	for coding, reader := range readers {
		got, err := io.ReadAll(reader(as.encoded(coding)))
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("coding %q: %d bytes (%v), want the %d bytes of the content", coding, len(got), err, len(body))
		}
	}
}
