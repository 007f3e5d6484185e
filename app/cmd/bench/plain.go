package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/andybalholm/brotli"
)

// plainPage is the baseline of the first-chart timing: the least a page
// can do to draw the same chart. It loads the same ECharts file, deferred
// as the explorer loads it, and draws the same option in a box of the
// explorer's size (.page and .chart in web/style.css), with the settings
// the explorer applies in the browser (ui.chartSetOption).
//
//go:embed plain.html
var plainHTML string

var plainPage = template.Must(template.New("plain").Parse(plainHTML))

// servePlain serves the plain page, drawing the explorer's first chart as
// its spec bundle /spec/en.json holds it, and a copy of ECharts on a free
// loopback port, brotli-compressed as the explorer serves its pages:
// ECharts from the web directory's .br copy, which the explorer sends too.
func servePlain(base, webDir string) (string, func(), error) {
	var bundle map[string]struct {
		Option json.RawMessage
		Height int
	}
	resp, err := http.Get(base + "/spec/en.json")
	if err == nil {
		err = json.NewDecoder(resp.Body).Decode(&bundle)
		resp.Body.Close()
	}
	chart, ok := bundle[firstChartSlug]
	if err != nil || !ok {
		return "", nil, fmt.Errorf("/spec/en.json: no chart %q: %v", firstChartSlug, err)
	}
	data := struct {
		Option template.JS // encoding/json escapes <, > and &: safe in a script
		Height int
	}{template.JS(chart.Option), chart.Height}
	var page bytes.Buffer
	w := brotli.NewWriterLevel(&page, brotli.BestCompression)
	if err := plainPage.Execute(w, data); err != nil {
		return "", nil, err
	}
	w.Close()
	js, err := os.ReadFile(filepath.Join(webDir, "echarts.common.min.js.br"))
	if err != nil {
		return "", nil, fmt.Errorf("%w: run `make web`", err)
	}
	files := map[string][]string{
		"/":                      {"text/html; charset=utf-8", page.String()},
		"/echarts.common.min.js": {"text/javascript; charset=utf-8", string(js)},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f, ok := files[r.URL.Path]; ok {
			w.Header().Set("Content-Type", f[0])
			w.Header().Set("Content-Encoding", "br") // Chromium asks for it, on loopback too
			w.Header().Set("Content-Length", strconv.Itoa(len(f[1])))
			w.Write([]byte(f[1]))
		} else {
			http.NotFound(w, r)
		}
	})}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}
