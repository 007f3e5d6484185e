package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// report is the Markdown the sections write: headings, the commands that
// produced each figure, tables, and a line per budget for the summary.
type report struct {
	buf     bytes.Buffer
	budgets [][]string // figure, measured, budget, verdict
}

// printf writes to the report.
func (r *report) printf(format string, args ...any) { fmt.Fprintf(&r.buf, format, args...) }

// heading starts a section.
func (r *report) heading(title string) { r.printf("\n## %s\n\n", title) }

// para writes a paragraph.
func (r *report) para(format string, args ...any) { r.printf(format+"\n\n", args...) }

// commands lists the commands that produced the figures that follow, so
// that a reader can run them again.
func (r *report) commands(cmds ...string) {
	r.printf("Produced by:\n\n")
	for _, c := range cmds {
		r.printf("    %s\n", c)
	}
	r.printf("\n")
}

// table writes a Markdown table with its columns padded, so that it reads
// well on a terminal too.
func (r *report) table(header []string, rows [][]string) {
	cells := [][]string{header, nil}
	for _, row := range rows {
		escaped := make([]string, len(row))
		for i, cell := range row {
			escaped[i] = strings.ReplaceAll(cell, "|", `\|`)
		}
		cells = append(cells, escaped)
	}
	widths := make([]int, len(header))
	for _, row := range cells {
		for i, cell := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, w := range widths {
		cells[1] = append(cells[1], strings.Repeat("-", w))
	}
	for _, row := range cells {
		for i, cell := range row {
			r.printf("| %s%s ", cell, strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)))
		}
		r.printf("|\n")
	}
	r.printf("\n")
}

// budget records a figure against its GUIDE §7 budget for the summary.
// Budgets are reported, never enforced: timings on a shared machine vary.
func (r *report) budget(figure, measured, limit string, within bool) {
	r.budgets = append(r.budgets, []string{figure, measured, limit, verdict(within)})
}

// summary writes the budget lines gathered from every section.
func (r *report) summary() {
	r.heading("Summary against the budgets (GUIDE §7)")
	if len(r.budgets) == 0 {
		r.para("No budgeted figure was measured.")
		return
	}
	r.table([]string{"figure", "measured", "budget", "verdict"}, r.budgets)
}

// notMeasured says why a section has no figures, with the error in full:
// it often quotes a command's output.
func (r *report) notMeasured(err error) {
	r.printf("**Not measured:**\n\n```\n%v\n```\n\n", err)
}

// flush writes what the report holds so far and empties it.
func (r *report) flush(w io.Writer) error {
	_, err := w.Write(r.buf.Bytes())
	r.buf.Reset()
	return err
}
