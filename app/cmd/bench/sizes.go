package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// Budgets of the compressed wasm (GUIDE §7), in bytes.
const (
	budgetBrotli = 1_700_000
	budgetGzip   = 2_300_000
)

// measureSizes reports the sizes of the wasm that make builds and serves:
// raw, and as the gzip and brotli copies the server sends.
func measureSizes(e *env, r *report, cmd string) error {
	wasm := filepath.Join(e.cfg.web, "app.wasm")
	r.commands(
		"make web    # builds "+wasm+" with -ldflags='-s -w', then "+wasm+".gz (gzip -9) and "+wasm+".br (brotli, best)",
		cmd+"    # reads the file sizes",
	)
	raw, err := os.Stat(wasm)
	if err != nil {
		return fmt.Errorf("%w: run `make web`", err)
	}
	var rows [][]string
	for _, f := range []struct {
		ext    string
		budget int64
	}{{"", 0}, {".gz", budgetGzip}, {".br", budgetBrotli}} {
		fi, err := os.Stat(wasm + f.ext)
		if err != nil {
			return fmt.Errorf("%w: run `make web`", err)
		}
		row := []string{wasm + f.ext, thousands(fi.Size()), megabytes(fi.Size()), percent(fi.Size(), raw.Size()), "", ""}
		if f.budget > 0 {
			row[4] = "≤ " + megabytes(f.budget)
			row[5] = verdict(fi.Size() <= f.budget)
			r.budget("app.wasm"+f.ext+" size", megabytes(fi.Size()), row[4], fi.Size() <= f.budget)
		}
		if fi.ModTime().Before(raw.ModTime()) {
			row[5] += " (older than app.wasm: stale, run `make web`)"
		}
		rows = append(rows, row)
	}
	r.table([]string{"file", "bytes", "MB", "of raw", "budget", "verdict"}, rows)
	return nil
}

// thousands formats a count with thousands separators: 1,587,789.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// megabytes formats a size in MB of 10⁶ bytes, the unit of the budgets.
func megabytes(n int64) string { return fmt.Sprintf("%.3f MB", float64(n)/1e6) }

// percent is part as a percentage of whole.
func percent(part, whole int64) string {
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}

// verdict says whether a figure is within its budget.
func verdict(within bool) string {
	if within {
		return "within"
	}
	return "OVER"
}
