//go:build !wasm

package server

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"gztargets/app/i18n"
)

// Export writes the whole site as static files under dir, for any plain
// file server, at the site's prefix. Every page is written both as
// page.html and page/index.html, so that it loads whether the host maps
// clean URLs to .html files or serves directory indexes. Compressible files
// get .gz and .br copies, for hosts that send pre-compressed files, and a
// _headers file carries the security headers for hosts that read one.
func (s *Site) Export(dir string) error {
	w := newExporter(dir)
	for _, p := range s.Pages() {
		body, err := s.fetch(p)
		if err != nil {
			return err
		}
		if p == "/" {
			w.write(body, "index.html")
			continue
		}
		w.write(body, strings.TrimPrefix(p, "/")+".html", path.Join(strings.TrimPrefix(p, "/"), "index.html"))
	}
	notFound, _ := s.fetch(notFoundPage)
	w.write(notFound, "404.html")
	for p, f := range s.files {
		w.write(f.raw(), strings.TrimPrefix(p, "/"))
	}
	for p, page := range s.embeds {
		w.write(page.raw(), strings.TrimPrefix(p, "/"))
	}
	for p, page := range s.missingEmbeds() {
		w.write(page.raw(), strings.TrimPrefix(p, "/"))
	}
	w.write(s.redirectsFile(), "_redirects")
	for _, as := range s.assets.list {
		w.asset(as)
	}
	w.write(s.headersFile(), "_headers")
	return w.close()
}

// fetch renders a path through the site's own handler, uncompressed.
func (s *Site) fetch(p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, s.resolver.Resolve(p), nil))
	if rec.Code != http.StatusOK && p != notFoundPage {
		return nil, fmt.Errorf("export: %s answered %d", p, rec.Code)
	}
	return rec.Body.Bytes(), nil
}

// missingEmbeds are the not-found embed pages by path: one in each
// language's embed folder, and one in the embed folder for the rest. A
// static host that serves a 404.html would otherwise send the app's, which
// under the embed pages' CSP cannot load its WebAssembly; a service worker
// keeps them for the same reason.
func (s *Site) missingEmbeds() map[string]*asset {
	out := map[string]*asset{"/embed/404.html": s.missing[i18n.Default]}
	for lang, page := range s.missing {
		out["/embed/"+string(lang)+"/404.html"] = page
	}
	return out
}

// redirectsFile is a _redirects file (Netlify's format) that sends an
// unknown embed address the not-found embed page of its language, with
// status 404. Such a rule applies only where no file matches. Hosts that
// look for the nearest 404.html (Cloudflare Pages) find the same pages.
func (s *Site) redirectsFile() []byte {
	var b strings.Builder
	for _, lang := range i18n.Langs {
		fmt.Fprintf(&b, "%s/embed/%s/* %s/embed/%s/404.html 404\n", s.Prefix, lang, s.Prefix, lang)
	}
	fmt.Fprintf(&b, "%s/embed/* %s/embed/404.html 404\n", s.Prefix, s.Prefix)
	return []byte(b.String())
}

// headersFile is a _headers file (the format of Netlify and Cloudflare
// Pages) with the same security and cache headers as the server. Those
// hosts apply every rule that matches a path and join the values of a
// header that two rules set, so /* carries only the headers that pages
// and embed pages share; the others go on patterns that match just pages,
// or just embed pages (a page's CSP on an embed would forbid framing it).
func (s *Site) headersFile() []byte {
	var b strings.Builder
	rule := func(pattern string, headers map[string]string) {
		keys := make([]string, 0, len(headers))
		for k := range headers {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString(s.Prefix + pattern + "\n")
		for _, k := range keys {
			b.WriteString("  " + k + ": " + headers[k] + "\n")
		}
	}
	page := http.Header{}
	setSecurityHeaders(page, "/", s.style.source)
	embed := http.Header{}
	setSecurityHeaders(embed, "/embed/", s.style.source)
	shared, pageOnly, embedOnly := splitHeaders(flatten(page), flatten(embed))
	rule("/*", shared)
	for _, pattern := range s.pagePatterns() {
		rule(pattern, pageOnly)
	}
	rule("/embed/*", embedOnly)
	for _, as := range s.assets.list {
		if as.hashedPath != "" {
			rule(as.hashedPath, map[string]string{"Cache-Control": cacheImmutable})
		}
	}
	rule("/web/app.*.wasm", map[string]string{"Content-Type": "application/wasm"})
	return []byte(b.String())
}

// pagePatterns match every page of the export and go-app's files, and no
// embed page: the root, any top-level file (:file is one path segment),
// and each section that has pages below it, such as /district/*.
func (s *Site) pagePatterns() []string {
	patterns := []string{"/", "/:file"}
	for _, p := range s.Pages() {
		section, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		if pattern := "/" + section + "/*"; section != "" && !slices.Contains(patterns, pattern) {
			patterns = append(patterns, pattern)
		}
	}
	return patterns
}

// splitHeaders separates the headers two responses share from those that
// only one of them has, or has with another value.
func splitHeaders(a, b map[string]string) (shared, onlyA, onlyB map[string]string) {
	shared, onlyA, onlyB = map[string]string{}, map[string]string{}, map[string]string{}
	for k, v := range a {
		if w, ok := b[k]; ok && w == v {
			shared[k] = v
		} else {
			onlyA[k] = v
		}
	}
	for k, v := range b {
		if _, ok := shared[k]; !ok {
			onlyB[k] = v
		}
	}
	return shared, onlyA, onlyB
}

func flatten(h http.Header) map[string]string {
	out := map[string]string{}
	for k := range h {
		out[k] = h.Get(k)
	}
	return out
}

// exporter writes files under a directory, keeping the first error.
type exporter struct {
	dir         string
	queue       chan written // files whose compressed copies are to write
	compressors sync.WaitGroup
	mu          sync.Mutex
	err         error
}

// written is a file written under one or more names.
type written struct {
	body []byte
	rels []string
}

// write writes a file under one or more names, and has its compressed
// copies written by the compressors.
func (e *exporter) write(body []byte, rels ...string) {
	for _, rel := range rels {
		if e.failed() {
			return
		}
		file := filepath.Join(e.dir, filepath.FromSlash(rel))
		e.fail(errors.Join(os.MkdirAll(filepath.Dir(file), 0o755), os.WriteFile(file, body, 0o644)))
	}
	if compressible(contentTypeOf(rels[0])) && len(body) > 512 {
		e.queue <- written{body, rels}
	}
}

// exportLevel is the level of the export's compressed copies: brotli's
// second best. Its best takes four times as long for files 2% smaller (an
// embed page: 5,063 bytes against 4,962, in 58 ms against 230 ms), and the
// export compresses some 1,200 files, most of them embed pages with their
// charts' stills.
const exportLevel = BestLevel - 1

// newExporter starts an exporter's compressors, one per core, which write
// the .gz and .br copies of files while the export goes on, each file
// compressed once whatever its names.
func newExporter(dir string) *exporter {
	e := &exporter{dir: dir, queue: make(chan written)}
	for range runtime.GOMAXPROCS(0) {
		e.compressors.Go(func() {
			for f := range e.queue {
				gz, br := gzipBytes(f.body, exportLevel), brotliBytes(f.body, exportLevel)
				for _, rel := range f.rels {
					file := filepath.Join(e.dir, filepath.FromSlash(rel))
					e.fail(errors.Join(os.WriteFile(file+".gz", gz, 0o644), os.WriteFile(file+".br", br, 0o644)))
				}
			}
		})
	}
	return e
}

// close waits for the compressors and returns the first error.
func (e *exporter) close() error {
	close(e.queue)
	e.compressors.Wait()
	return e.err
}

// fail keeps err if it is the first.
func (e *exporter) fail(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.err = cmp.Or(e.err, err)
}

// failed reports whether a write failed.
func (e *exporter) failed() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err != nil
}

func (e *exporter) writeRaw(rel string, body []byte) {
	if !e.failed() {
		e.fail(os.WriteFile(filepath.Join(e.dir, filepath.FromSlash(rel)), body, 0o644))
	}
}

// asset writes an asset under the name pages refer to it by (the
// fingerprinted one if it has one), with its compressed copies.
func (e *exporter) asset(as *asset) {
	p := as.path
	if as.hashedPath != "" {
		p = as.hashedPath
	}
	rel := strings.TrimPrefix(p, "/")
	e.fail(os.MkdirAll(filepath.Dir(filepath.Join(e.dir, filepath.FromSlash(rel))), 0o755))
	e.writeRaw(rel, as.raw())
	if as.gzip != nil {
		e.writeRaw(rel+".gz", as.gzip)
		e.writeRaw(rel+".br", as.brotli)
	}
}
