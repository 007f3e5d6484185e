package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"time"
)

// loadLua makes wrk ask for several paths, in brotli, a set number of
// times; see the file.
//
//go:embed load.lua
var loadLua []byte

// loadPaths are what visits ask for: pages pre-rendered per request, the
// stylesheet (its fingerprinted path, read from the home page), the chart
// specs and an embed page.
var loadPaths = []string{"/", "/?view=years&metric=fai_growth", "/district/tianhe", "/sources",
	"/web/style.css", "/spec/en.json", "/embed/en/gdp_growth-2024-districts.html"}

// wrkResult is what load.lua prints; times are in ms.
type wrkResult struct {
	Seconds          float64
	Requests, Errors int
	Bytes, Body      int64
	P50, P99, Max    float64
	Encoding         string
}

// measureLoad runs wrk over loopback against the explorer, from the same
// number of connections: first with every path in turn, then with each
// path alone for a third of that time.
func measureLoad(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		return err
	}
	home, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	paths := append([]string(nil), loadPaths...)
	paths[4] = regexp.MustCompile(`/web/style\.[0-9a-f]+\.css`).FindString(string(home))
	script := filepath.Join(filepath.Dir(e.cfg.out), "bench-load.lua")
	if err := os.WriteFile(script, loadLua, 0o644); err != nil {
		return err
	}
	threads := min(runtime.NumCPU(), e.cfg.clients)
	wrk := func(d time.Duration, paths ...string) []string {
		return append([]string{e.cfg.wrk, "-t", strconv.Itoa(threads), "-c", strconv.Itoa(e.cfg.clients), "-d", d.String(),
			"--timeout", "60s", "-s", script, base, "--"}, paths...)
	}
	alone := max(e.cfg.duration/3, time.Second)
	r.commands(shellJoin(wrk(e.cfg.duration, paths...))+"    # app/cmd/bench/load.lua: every path in turn, Accept-Encoding: br",
		shellJoin(wrk(alone, "PATH"))+"    # then each path alone", cmd+"    # runs them")
	r.para("Load average before: %s. The server and wrk's %d threads share this machine's %d CPUs. "+
		"The server logs each request, as in production.", loadAverage(), threads, runtime.NumCPU())
	var rows [][]string
	for i, p := range append([]string{"every path in turn"}, paths...) {
		args := wrk(alone, p)
		if i == 0 {
			args = wrk(e.cfg.duration, paths...)
		}
		out, err := runCommand(exec.Command(args[0], args[1:]...))
		var res wrkResult
		if err == nil {
			err = json.Unmarshal([]byte(lastLines(string(out), 1)), &res)
		}
		if err != nil {
			return fmt.Errorf("wrk on %s: %w\n%s", p, err, out)
		}
		rows = append(rows, []string{p, fmt.Sprint(res.Requests), fmt.Sprint(res.Errors), fmt.Sprintf("%.0f", float64(res.Requests)/res.Seconds),
			ms(res.P50), ms(res.P99), ms(res.Max), megabytes(res.Bytes), thousands(res.Body), res.Encoding})
	}
	rows[0][8], rows[0][9] = "", ""
	r.table([]string{"paths", "requests", "errors", "requests/s", "p50", "p99", "max", "received", "bytes per response", "encoding"}, rows)
	return nil
}
