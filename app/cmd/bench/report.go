package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"golang.org/x/perf/benchmath"
)

// report is the Markdown the sections write: headings, the commands that
// produced each figure, tables, and a line per budget for the summary.
type report struct {
	w       io.Writer
	budgets [][]string // figure, measured, budget, verdict
}

// printf writes to the report.
func (r *report) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

// para writes a paragraph.
func (r *report) para(format string, args ...any) { r.printf(format+"\n\n", args...) }

// commands lists the commands that produced the figures that follow, so
// that a reader can run them again.
func (r *report) commands(cmds ...string) {
	r.printf("Produced by:\n\n    %s\n\n", strings.Join(cmds, "\n    "))
}

// table writes a Markdown table, its columns padded by tabwriter so that
// it reads well on a terminal too.
func (r *report) table(header []string, rows [][]string) {
	w := tabwriter.NewWriter(r.w, 0, 0, 1, ' ', 0)
	for _, row := range append([][]string{header, strings.Split(strings.Repeat("---\t", len(header)-1)+"---", "\t")}, rows...) {
		for _, cell := range row {
			fmt.Fprintf(w, "| %s\t", strings.ReplaceAll(cell, "|", `\|`))
		}
		fmt.Fprintln(w, "|")
	}
	w.Flush()
	r.printf("\n")
}

// budget records a figure against its GUIDE §7 budget for the summary.
// Budgets are reported, never enforced: timings on a shared machine vary.
func (r *report) budget(figure, measured, limit string, within bool) {
	r.budgets = append(r.budgets, []string{figure, measured, limit, verdict(within)})
}

// verdict says whether a figure is within its budget.
func verdict(within bool) string {
	if within {
		return "within"
	}
	return "OVER"
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

// ms formats milliseconds.
func ms(v float64) string {
	if v < 10 {
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// spread is the range of the values, in ms.
func spread(xs []float64) string { return fmt.Sprintf("%.0f–%.0f", slices.Min(xs), slices.Max(xs)) }

// ratio formats a÷b as a factor: 1.34×.
func ratio(a, b float64) string { return fmt.Sprintf("%.2f×", a/b) }

// median is the median, as benchstat takes it.
func median(xs []float64) float64 {
	s := benchmath.NewSample(slices.Clone(xs), &benchmath.DefaultThresholds)
	return benchmath.AssumeNothing.Summary(s, 0.95).Center
}

// percentile is the nearest-rank percentile: the smallest value that at
// least p% of the values do not exceed.
func percentile(xs []float64, p float64) float64 {
	return slices.Sorted(slices.Values(xs))[max(int(math.Ceil(p/100*float64(len(xs)))), 1)-1]
}
