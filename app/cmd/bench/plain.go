package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// plainPage is the baseline of the first-chart timing: the least a page
// can do to draw the same chart. It loads the same ECharts file, deferred
// as the explorer loads it, and draws the same option in a box of the
// explorer's size (.page and .chart in web/style.css), with the settings
// the explorer applies in the browser (ui.chartSetOption).
var plainPage = template.Must(template.New("plain").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plain ECharts page</title>
<script src="/echarts.common.min.js" defer></script>
<style>* { box-sizing: border-box; } body { margin: 0; } .page { max-width: 72rem; margin: 0 auto; padding: 0 1rem; } #chart { width: 100%; height: {{.Height}}px; }</style>
</head>
<body>
<div class="page"><div id="chart"></div></div>
<script type="application/json" id="option">{{.Option}}</script>
<script>
document.addEventListener("DOMContentLoaded", () => {
  const option = JSON.parse(document.getElementById("option").textContent);
  option.animation = true;
  option.backgroundColor = "transparent";
  option.aria.decal = { show: false };
  echarts.init(document.getElementById("chart"), null, { renderer: "canvas" }).setOption(option, { notMerge: true });
});
</script>
</body>
</html>
`))

// chartOption fetches a chart's option and height from the explorer's
// spec bundle, /spec/en.json, which is what the app draws.
func chartOption(base, slug string) (json.RawMessage, int, error) {
	resp, err := http.Get(base + "/spec/en.json")
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, 0, fmt.Errorf("GET /spec/en.json: %s", resp.Status)
	}
	var bundle map[string]struct {
		Option json.RawMessage `json:"option"`
		Height int             `json:"height"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&bundle); err != nil {
		return nil, 0, fmt.Errorf("/spec/en.json: %w", err)
	}
	s, ok := bundle[slug]
	if !ok {
		return nil, 0, fmt.Errorf("/spec/en.json has no chart %q", slug)
	}
	return s.Option, s.Height, nil
}

// servePlain serves the plain page and a copy of ECharts on a free
// loopback port, brotli-compressed as the explorer serves its pages:
// ECharts from the web directory's .br copy, which the explorer sends too.
func servePlain(webDir string, option json.RawMessage, height int) (string, func(), error) {
	var page bytes.Buffer
	data := struct {
		Option template.JS // encoding/json escapes <, > and &: safe in a script
		Height int
	}{template.JS(option), height}
	if err := plainPage.Execute(&page, data); err != nil {
		return "", nil, err
	}
	js := filepath.Join(webDir, "echarts.common.min.js")
	jsBr, err := os.ReadFile(js + ".br")
	if err != nil {
		return "", nil, fmt.Errorf("%w: run `make web`", err)
	}
	files := map[string]struct{ contentType, brotli string }{
		"/":                      {"text/html; charset=utf-8", compressBrotli(page.Bytes())},
		"/echarts.common.min.js": {"text/javascript; charset=utf-8", string(jsBr)},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			http.Error(w, "the plain page is served brotli-compressed only", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", f.contentType)
		w.Header().Set("Content-Encoding", "br")
		w.Header().Set("Content-Length", strconv.Itoa(len(f.brotli)))
		w.Write([]byte(f.brotli))
	})}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

// compressBrotli compresses at the best level, as make does for static
// assets.
func compressBrotli(b []byte) string {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.String()
}
