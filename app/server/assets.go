//go:build !wasm

// Package server serves the explorer: the pre-rendered pages, the
// WebAssembly app and its assets (fingerprinted, pre-compressed), the embed
// pages and the dataset downloads, with security headers. It also writes
// the same site as static files. None of it is compiled into the wasm.
package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// fingerprinted are the assets served under a content-hashed name, which
// can then be cached for a year: app.wasm becomes app.3f2a….wasm.
var fingerprinted = map[string]bool{
	"/web/app.wasm":       true,
	"/web/echarts.min.js": true,
	"/web/style.css":      true,
	"/web/chart.js":       true,
	"/web/embed.js":       true,
	"/web/embed.css":      true,
	"/web/still.css":      true,
}

// required are the assets without which the app cannot work; the server
// refuses to start without them, with a message saying how to build them.
var required = []string{"/web/app.wasm", "/web/echarts.min.js", "/web/style.css", "/web/icon-192.png"}

// asset is one file served from memory, with its compressed variants.
type asset struct {
	path        string // the logical path, e.g. /web/app.wasm
	hashedPath  string // the fingerprinted path, or "" if it has none
	contentType string
	body        []byte
	gzip        []byte
	brotli      []byte
	etag        string
	status      int  // the response status, when not 200 (a not-found page)
	onTheFly    bool // compressible, but compressed per request: a page served once
}

// compressed reports whether the asset is sent compressed to clients that
// accept it.
func (as *asset) compressed() bool { return as.gzip != nil || as.onTheFly }

// weight is how many bytes the asset holds in memory.
func (as *asset) weight() int { return len(as.body) + len(as.gzip) + len(as.brotli) }

// encoded is the body in a content coding: "br", "gzip" or "" for none.
func (as *asset) encoded(coding string) []byte {
	switch {
	case coding == "br" && as.brotli != nil:
		return as.brotli
	case coding == "br" && as.onTheFly:
		return brotliBytes(as.body, fastLevel)
	case coding == "gzip" && as.gzip != nil:
		return as.gzip
	case coding == "gzip" && as.onTheFly:
		return gzipBytes(as.body, fastLevel)
	}
	return as.raw()
}

// raw is the asset's content, decompressed when it is kept compressed
// only (packedAsset).
func (as *asset) raw() []byte {
	if as.body != nil || as.gzip == nil {
		return as.body
	}
	r, err := gzip.NewReader(bytes.NewReader(as.gzip))
	if err != nil {
		return nil
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return nil
	}
	return body
}

// Assets holds every file of the web directory in memory.
type Assets struct {
	byPath map[string]*asset // by logical and by fingerprinted path
	list   []*asset
}

// compressible says whether a content type gains from compression.
func compressible(contentType string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml", "application/manifest+json"} {
		if strings.HasPrefix(contentType, p) {
			return true
		}
	}
	return false
}

// LoadAssets reads the web directory. Pre-compressed siblings (app.wasm.br,
// app.wasm.gz) written by the build are used when they are at least as new
// as their source; anything else is compressed here.
func LoadAssets(dir string) (*Assets, error) {
	a := &Assets{byPath: map[string]*asset{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if ext := filepath.Ext(p); ext == ".br" || ext == ".gz" || rel == StillsFile {
			return nil
		}
		return a.add(p, "/web/"+filepath.ToSlash(rel))
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	for _, p := range required {
		if a.byPath[p] == nil {
			return nil, fmt.Errorf("%s is missing from %s: build it with `make web` (or run `make run`)", p, dir)
		}
	}
	sort.Slice(a.list, func(i, j int) bool { return a.list[i].path < a.list[j].path })
	return a, nil
}

func (a *Assets) add(file, logical string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	as := &asset{path: logical, body: body, etag: `"` + hash[:20] + `"`, contentType: contentTypeOf(logical)}
	if fingerprinted[logical] {
		ext := path.Ext(logical)
		if strings.HasSuffix(logical, ".min.js") {
			ext = ".min.js"
		}
		as.hashedPath = strings.TrimSuffix(logical, ext) + "." + hash[:12] + ext
		a.byPath[as.hashedPath] = as
	}
	if compressible(as.contentType) {
		as.gzip = precompressed(file, ".gz", body, gzipBytes)
		as.brotli = precompressed(file, ".br", body, brotliBytes)
	}
	a.byPath[logical] = as
	a.list = append(a.list, as)
	return nil
}

// contentTypeOf picks the MIME type from the extension.
func contentTypeOf(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "application/javascript; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// precompressed reads file+ext if it is at least as new as file; otherwise
// it compresses body with fn.
func precompressed(file, ext string, body []byte, fn func([]byte, int) []byte) []byte {
	src, err1 := os.Stat(file)
	dst, err2 := os.Stat(file + ext)
	if err1 == nil && err2 == nil && !dst.ModTime().Before(src.ModTime()) {
		if b, err := os.ReadFile(file + ext); err == nil {
			return b
		}
	}
	return fn(body, fastLevel)
}

// Compression levels: best for build-time copies, fast for on-the-fly.
const (
	BestLevel = 11
	fastLevel = 5
)

// Compressors at fastLevel are pooled. A new one allocates and clears its
// tables (a megabyte and more), which cost more than compressing a page:
// start-up compresses every embed page, each with its stills, twice.
var (
	fastGzip   = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, fastLevel); return w }}
	fastBrotli = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, fastLevel) }}
)

// compressor is a gzip or a brotli writer.
type compressor interface {
	io.WriteCloser
	Reset(io.Writer)
}

// compress compresses b with a pooled compressor at fastLevel, or else one
// that open makes at the level.
func compress(b []byte, level int, pool *sync.Pool, open func(io.Writer, int) compressor) []byte {
	var buf bytes.Buffer
	var w compressor
	if level == fastLevel {
		w = pool.Get().(compressor)
		defer pool.Put(w)
		w.Reset(&buf)
	} else {
		w = open(&buf, level)
	}
	w.Write(b)
	w.Close()
	return bytes.Clone(buf.Bytes())
}

// gzipBytes compresses with gzip; level follows brotli's 0–11 scale.
func gzipBytes(b []byte, level int) []byte {
	return compress(b, level, &fastGzip, func(dst io.Writer, level int) compressor {
		w, _ := gzip.NewWriterLevel(dst, min(level, gzip.BestCompression))
		return w
	})
}

// brotliBytes compresses with brotli at the given quality (0–11).
func brotliBytes(b []byte, level int) []byte {
	return compress(b, level, &fastBrotli, func(dst io.Writer, level int) compressor {
		return brotli.NewWriterLevel(dst, level)
	})
}

// WriteBrotli writes file.br beside a file at the best quality, for the
// server and static hosts to send as it is.
func WriteBrotli(file string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file+".br", brotliBytes(body, BestLevel), 0o644)
}

// get returns the asset at a logical or fingerprinted path.
func (a *Assets) get(p string) (*asset, bool) {
	as, ok := a.byPath[p]
	return as, ok
}

// immutable reports whether p is the fingerprinted name of an asset, which
// never changes and may be cached for good.
func (a *Assets) immutable(p string) bool {
	as, ok := a.byPath[p]
	return ok && as.hashedPath == p
}

// hashedNames maps each fingerprinted asset's logical path to its hashed one.
func (a *Assets) hashedNames() map[string]string {
	m := map[string]string{}
	for _, as := range a.list {
		if as.hashedPath != "" {
			m[as.path] = as.hashedPath
		}
	}
	return m
}

// hash feeds every asset's path and content hash to w, for the version.
func (a *Assets) hash(w io.Writer) {
	for _, as := range a.list {
		fmt.Fprintf(w, "%s %s\n", as.path, as.etag)
	}
}

// size is the size of an asset's raw content, or 0.
func (a *Assets) size(p string) int {
	if as, ok := a.byPath[p]; ok {
		return len(as.raw())
	}
	return 0
}

// generatedAsset wraps content the site builds, compressed once.
func generatedAsset(contentType string, body []byte) *asset {
	sum := sha256.Sum256(body)
	return &asset{
		contentType: contentType, body: body, etag: `"` + hex.EncodeToString(sum[:10]) + `"`,
		gzip: gzipBytes(body, fastLevel), brotli: brotliBytes(body, fastLevel),
	}
}

// packedAsset wraps content the site builds and keeps compressed only:
// nearly every reader takes it compressed, and the rare one who does not
// gets it decompressed per request. The embed pages, each with its
// chart's stills, would otherwise hold some 30 MB more.
func packedAsset(contentType string, body []byte) *asset {
	as := generatedAsset(contentType, body)
	as.body = nil
	return as
}

// oneOffAsset wraps content served once: compressed per request, in the
// coding the client asks for, rather than in every coding up front.
func oneOffAsset(contentType string, body []byte) *asset {
	sum := sha256.Sum256(body)
	return &asset{contentType: contentType, body: body, etag: `"` + hex.EncodeToString(sum[:10]) + `"`, onTheFly: true}
}
