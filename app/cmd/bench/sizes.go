package main

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
)

// budgets of the compressed wasm (GUIDE §7), in bytes, by file extension.
var wasmBudgets = map[string]int64{".gz": 2_300_000, ".br": 1_700_000}

// measureSizes reports the sizes of the wasm that make builds and serves:
// raw, and as the gzip and brotli copies the server sends.
func measureSizes(e *env, r *report, cmd string) error {
	wasm := filepath.Join(e.cfg.web, "app.wasm")
	r.commands("make web    # builds "+wasm+" with -ldflags='-s -w', then "+wasm+".gz (gzip -9) and "+wasm+".br (brotli, best)",
		cmd+"    # reads the file sizes")
	var rows [][]string
	var raw os.FileInfo
	for _, ext := range []string{"", ".gz", ".br"} {
		fi, err := os.Stat(wasm + ext)
		if err != nil {
			return fmt.Errorf("%w: run `make web`", err)
		}
		raw = cmp.Or(raw, fi) // the first, app.wasm itself
		row := []string{wasm + ext, thousands(fi.Size()), megabytes(fi.Size()), percent(fi.Size(), raw.Size()), "", ""}
		if budget := wasmBudgets[ext]; budget > 0 {
			row[4], row[5] = "≤ "+megabytes(budget), verdict(fi.Size() <= budget)
			r.budget("app.wasm"+ext+" size", megabytes(fi.Size()), row[4], fi.Size() <= budget)
		}
		if fi.ModTime().Before(raw.ModTime()) {
			row[5] += " (older than app.wasm: stale, run `make web`)"
		}
		rows = append(rows, row)
	}
	r.table([]string{"file", "bytes", "MB", "of raw", "budget", "verdict"}, rows)
	return nil
}
