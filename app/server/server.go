//go:build !wasm

package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"
	"unicode/utf8"
)

// Limits keep slow, stalled or hostile clients from holding connections
// and memory. There is no limit on a whole response, which a slow but live
// client could never meet for app.wasm; each write of at most writeChunk
// bytes must finish within writeStall instead (about 2 KB/s at least).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeStall        = 30 * time.Second
	writeChunk        = 64 << 10
	idleTimeout       = 120 * time.Second
	shutdownGrace     = 10 * time.Second
	maxHeaderBytes    = 64 << 10 // the request line and headers; beyond, 431
	maxLoggedURI      = 256      // bytes of a request's URI in the log
)

// NewHTTPServer wraps the site in a server with limits, per-write
// deadlines and a request log.
func NewHTTPServer(addr string, site http.Handler, logger *log.Logger) *http.Server {
	return newHTTPServer(addr, site, logger, writeStall)
}

func newHTTPServer(addr string, site http.Handler, logger *log.Logger, stall time.Duration) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           withWriteDeadlines(LogRequests(site, logger), stall),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          logger,
	}
}

// Listen opens the server's address, with a clear message when another
// program already holds it.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("cannot listen on %s: the address is already in use; stop the other server or pick another address, e.g. make run ADDR=127.0.0.1:9000", addr)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	return ln, nil
}

// Run serves until SIGINT or SIGTERM, then lets requests in flight finish
// within a grace period, closes the connections still open after it, and
// returns nil: stopping on a signal is no failure.
func Run(srv *http.Server, ln net.Listener, logger *log.Logger) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, srv, ln, logger, shutdownGrace)
}

// softMemoryLimit is the Go runtime's memory the server aims to stay under
// unless GOMEMLIMIT says otherwise. What the server holds for good (pages,
// charts, stills, compressed assets) is about 80 MB; by default the
// collector lets garbage grow as large again, so a burst of one-off pages
// took the process to 235–252 MB, over issue 16's 250 MB. Near the limit
// the collector runs sooner instead, and the runtime caps the CPU it may
// spend doing so.
const softMemoryLimit = 192 << 20

// serve serves until ctx ends, then shuts down within grace.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, logger *log.Logger, grace time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Printf("shutting down: finishing requests in flight (at most %s)", grace)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Printf("shutting down: requests still in flight after %s: closing their connections", grace)
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// withWriteDeadlines gives every write to a client its own deadline,
// splitting large writes, so that a slow client finishes and a stalled one
// is cut off.
func withWriteDeadlines(next http.Handler, stall time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dw := &deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), stall: stall}
		dw.extend()
		next.ServeHTTP(dw, r)
		dw.extend() // for the last bytes, which the server sends after the handler
	})
}

type deadlineWriter struct {
	http.ResponseWriter
	rc    *http.ResponseController
	stall time.Duration
}

func (w *deadlineWriter) extend() { w.rc.SetWriteDeadline(time.Now().Add(w.stall)) }

func (w *deadlineWriter) Write(b []byte) (int, error) {
	written := 0
	for len(b) > 0 {
		chunk := b[:min(len(b), writeChunk)]
		w.extend()
		n, err := w.ResponseWriter.Write(chunk)
		written += n
		if err != nil {
			return written, err
		}
		b = b[n:]
	}
	return written, nil
}

func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// LogRequests writes one line per request: method, request URI (its start,
// if long), status, bytes and duration.
func LogRequests(next http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		logger.Printf("%s %s %d %dB %s", r.Method, loggedURI(r.URL.RequestURI()), sw.status, sw.bytes, time.Since(start).Round(time.Microsecond))
	})
}

// loggedURI is a URI cut to maxLoggedURI bytes, on a character boundary,
// saying how long it was.
func loggedURI(uri string) string {
	if len(uri) <= maxLoggedURI {
		return uri
	}
	cut := maxLoggedURI
	for cut > 0 && !utf8.RuneStart(uri[cut]) {
		cut--
	}
	return uri[:cut] + "…(" + strconv.Itoa(len(uri)) + "B)"
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
