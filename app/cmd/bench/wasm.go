package main

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// weighed are the files the sizes section weighs, the first the raw wasm
// the others are measured against, with the budget in bytes of those that
// have one: issue 7's, as GUIDE §7 asks only that the wasm be as small as
// it can be.
var weighed = []struct {
	file   string
	budget int64
}{{"web/app.wasm", 0}, {"web/app.wasm.gz", 2_300_000}, {"web/app.wasm.br", 1_700_000}}

// measureSizes reports the sizes of the wasm that make builds, raw and as
// the gzip and brotli copies the server sends.
func measureSizes(e *env, r *report, cmd string) error {
	r.commands("make web    # builds web/app.wasm with -ldflags='-s -w', then web/app.wasm.gz (gzip -9) and web/app.wasm.br (brotli, best)",
		cmd+"    # reads the file sizes")
	var rows [][]string
	var raw os.FileInfo
	for _, w := range weighed {
		fi, err := os.Stat(w.file)
		if err != nil {
			return fmt.Errorf("%w: run `make web`", err)
		}
		raw = cmp.Or(raw, fi) // the first
		row := []string{w.file, thousands(fi.Size()), megabytes(fi.Size()), percent(fi.Size(), raw.Size()), "", ""}
		if w.budget > 0 {
			row[4] = "≤ " + megabytes(w.budget) + " (issue 7)"
			row[5] = r.budget(path.Base(w.file)+" size", megabytes(fi.Size()), row[4], fi.Size() <= w.budget)
		}
		rows = append(rows, row)
	}
	r.table([]string{"file", "bytes", "MB", "of raw", "budget", "verdict"}, rows)
	return nil
}

// The lines of wasm-objdump's output that the bench reads: a section's
// name, size and, if custom, its own name; a function's size and name.
var (
	sectionLine = regexp.MustCompile(`(?m)^\s*(\w+) start=\S+ end=\S+ \(size=0x([0-9a-f]+)\)(?: "(\w+)")?`)
	funcLine    = regexp.MustCompile(`(?m)^ - func\[\d+\] size=(\d+) <(.*)>$`)
)

// measurePackages builds the wasm with its symbol names (make strips
// them) beside the report, lists its sections and functions with
// wasm-objdump (`go tool nm` does not read wasm), and sums the code per Go
// package.
func measurePackages(e *env, r *report, cmd string) error {
	wasm := e.file("bench-app.wasm")
	cmds := []string{
		"GOOS=js GOARCH=wasm " + e.goCmd + " build -trimpath -o " + wasm + " ./app/cmd/explorer",
		"GOOS=js GOARCH=wasm " + e.goCmd + " list -deps ./app/cmd/explorer",
		"wasm-objdump --headers " + wasm,
		"wasm-objdump --details --section=Code " + wasm,
	}
	out := make([]string, len(cmds))
	for i, c := range cmds {
		b, err := sh(c)
		if err != nil {
			return err
		}
		out[i] = string(b)
	}
	r.commands(cmds[0]+"    # as make web, but keeping the name section", cmds[1]+"    # the packages linked in",
		cmds[2]+"; "+cmds[3]+"    # the sections, and each function's size and name", cmd+"    # sums the functions by package")
	fi, err := os.Stat(wasm)
	if err != nil {
		return err
	}
	var sections [][]string
	for _, m := range sectionLine.FindAllStringSubmatch(out[2], -1) {
		n, _ := strconv.ParseInt(m[2], 16, 64)
		sections = append(sections, []string{strings.TrimSpace(m[1] + " " + m[3]), thousands(n), percent(n, fi.Size())})
	}
	weights, code := weighPackages(out[3], strings.Fields(out[1]))
	if len(sections) == 0 || code == 0 {
		return fmt.Errorf("wasm-objdump found no sections or no named functions in %s:\n%s", wasm, out[2])
	}
	r.table([]string{"section (make web strips the name section)", "bytes", "of " + thousands(fi.Size())}, sections)
	var rows [][]string
	for i, w := range weights {
		if i < 15 || strings.HasPrefix(w.path, "gztargets/") {
			rows = append(rows, []string{w.path, fmt.Sprint(w.funcs), thousands(w.bytes), percent(w.bytes, code)})
		}
	}
	r.para("The 15 packages with the most code, and this project's:")
	r.table([]string{"package", "functions", "code bytes", "of code"}, rows)
	return nil
}

// weight is the code of a Go package: functions and bytes.
type weight struct {
	path         string
	funcs, bytes int64
}

// symbolMangling is how Go's linker names a symbol in wasm: every other
// character becomes '_', so gztargets/app/ui.(*chartView).Render is
// gztargets_app_ui.__chartView_.Render.
var symbolMangling = regexp.MustCompile(`[^\w.]`)

// linkerGenerated names the functions of no package: the linker's type
// equality functions (type:.eq.*) and the runtime's assembly stubs.
const linkerGenerated = "(linker-generated: type:.eq.*, assembly stubs)"

// weighPackages sums the function sizes that wasm-objdump lists per Go
// package, heaviest first, and in all. The names have lost the slashes of
// a package path, so they are matched against the packages' mangled
// paths, longest first.
func weighPackages(objdump string, pkgs []string) ([]weight, int64) {
	slices.SortFunc(pkgs, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	mangled := make([]string, len(pkgs))
	for i, p := range pkgs {
		mangled[i] = symbolMangling.ReplaceAllString(p, "_") + "."
	}
	byPath, all := map[string]weight{}, int64(0)
	for _, m := range funcLine.FindAllStringSubmatch(objdump, -1) {
		path := linkerGenerated
		if i := slices.IndexFunc(mangled, func(p string) bool { return strings.HasPrefix(m[2], p) }); i >= 0 {
			path = pkgs[i]
		}
		size, _ := strconv.ParseInt(m[1], 10, 64)
		byPath[path] = weight{path, byPath[path].funcs + 1, byPath[path].bytes + size}
		all += size
	}
	return slices.SortedFunc(maps.Values(byPath), func(a, b weight) int {
		return cmp.Or(cmp.Compare(b.bytes, a.bytes), strings.Compare(a.path, b.path))
	}), all
}
