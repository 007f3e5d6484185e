//go:build !wasm

package server

import (
	"bufio"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// serveOnLoopback starts a handler behind the real server (limits,
// timeouts, request log) on a loopback port and returns its address.
func serveOnLoopback(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(ln.Addr().String(), h, log.New(io.Discard, "", 0))
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// rawRequest sends a request as written, on its own connection, and reads
// the response to it.
func rawRequest(t testing.TB, addr, request string) *http.Response {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	method, _, _ := strings.Cut(request, " ")
	res, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%q: %v", request, err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// TestRequestTargets sends the request-target forms of RFC 9112 that are
// not a path: the asterisk form gets 400, an absolute form without a path
// the explorer, never 500.
func TestRequestTargets(t *testing.T) {
	addr := serveOnLoopback(t, testSite(t))
	tests := []struct {
		target string
		status int
	}{
		{"GET * HTTP/1.1", 400},
		{"HEAD * HTTP/1.1", 400},
		{"OPTIONS * HTTP/1.1", 200}, // Go's server answers it, with Content-Length: 0
		{"GET http://" + addr + " HTTP/1.1", 200},
		{"GET http://" + addr + "?lang=en HTTP/1.1", 200},
		{"HEAD http://" + addr + " HTTP/1.1", 200},
		{"GET http://" + addr + "/sources?lang=en HTTP/1.1", 200},
		{"GET http://" + addr + "/nowhere HTTP/1.1", 404},
	}
	for _, tc := range tests {
		res := rawRequest(t, addr, tc.target+"\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, res.StatusCode, tc.status)
		}
	}
}

// FuzzRequestTarget sends any request target that Go's server accepts to
// the site: never a 5xx. The seed corpus has the forms that once gave 500.
func FuzzRequestTarget(f *testing.F) {
	s := testSite(f)
	for _, target := range []string{"*", "http://example.org", "http://example.org?x=1", "/", "/sources", "//x", "/embed/en/x.html", "http://[::1]:80", "?lang=en"} {
		f.Add("GET", target)
	}
	f.Add("HEAD", "*")
	f.Fuzz(func(t *testing.T, method, target string) {
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(method + " " + target + " HTTP/1.1\r\nHost: example.org\r\n\r\n")))
		if err != nil {
			return // Go's server answers 400 before the handler
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d", method, target, rec.Code)
		}
	})
}
