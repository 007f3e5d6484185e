package main

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
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
			row[5] = r.budget(filepath.Base(w.file)+" size", megabytes(fi.Size()), row[4], fi.Size() <= w.budget)
		}
		rows = append(rows, row)
	}
	r.table([]string{"file", "bytes", "MB", "of raw", "budget", "verdict"}, rows)
	return nil
}

// The lines of wasm-objdump's output that the bench reads: a section's
// size and, if custom, its name; a function's size and name.
var (
	sectionLine = regexp.MustCompile(`(?m)^\s*(\w+) start=\S+ end=\S+ \(size=0x([0-9a-f]+)\)(?: "(\w+)")?`)
	funcLine    = regexp.MustCompile(`(?m)^ - func\[\d+\] size=(\d+) <(.*)>$`)
)

// measurePackages builds the wasm with its symbol names (make strips
// them) beside the report, reads its sections and functions with
// wasm-objdump (`go tool nm` does not read wasm), and sums the code per Go
// package and per module.
func measurePackages(e *env, r *report, cmd string) error {
	wasm := e.file("bench-app.wasm")
	cmds := []string{
		"GOOS=js GOARCH=wasm " + e.goCmd + " build -trimpath -o " + wasm + " ./app/cmd/explorer",
		"GOOS=js GOARCH=wasm " + e.goCmd + " list -deps -f '{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}' ./app/cmd/explorer",
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
	r.commands(cmds[0]+"    # as make web, but keeping the name section", cmds[1]+"    # the packages linked in, and their modules",
		cmds[2]+"; "+cmds[3]+"    # the sections, and each function's size and name", cmd+"    # sums the functions by package")
	fi, err := os.Stat(wasm)
	if err != nil {
		return err
	}
	sections := map[string]int64{}
	for _, m := range sectionLine.FindAllStringSubmatch(out[2], -1) {
		n, _ := strconv.ParseInt(m[2], 16, 64)
		sections[m[1]+m[3]] += n
	}
	modules := map[string]string{}
	for line := range strings.Lines(out[1]) {
		pkg, module, _ := strings.Cut(strings.TrimSpace(line), " ")
		modules[pkg] = cmp.Or(module, "standard library")
	}
	weights := weighPackages(out[3], slices.Collect(maps.Keys(modules)))
	if sections["Code"] == 0 || len(weights) == 0 {
		return fmt.Errorf("wasm-objdump found no code or no function names in %s:\n%s", wasm, out[2])
	}
	writePackageTables(r, fi.Size(), sections, weights, modules)
	return nil
}

// weight is the code of a Go package or module: functions and bytes.
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
// package, heaviest first. The names have lost the slashes of a package
// path, so they are matched against the packages' mangled paths, longest
// first.
func weighPackages(objdump string, pkgs []string) []weight {
	slices.SortFunc(pkgs, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	mangled := make([]string, len(pkgs))
	for i, p := range pkgs {
		mangled[i] = symbolMangling.ReplaceAllString(p, "_") + "."
	}
	byPath := map[string]weight{}
	for _, m := range funcLine.FindAllStringSubmatch(objdump, -1) {
		path := linkerGenerated
		if i := slices.IndexFunc(mangled, func(p string) bool { return strings.HasPrefix(m[2], p) }); i >= 0 {
			path = pkgs[i]
		}
		size, _ := strconv.ParseInt(m[1], 10, 64)
		byPath[path] = weight{path, byPath[path].funcs + 1, byPath[path].bytes + size}
	}
	return heaviestFirst(byPath)
}

// heaviestFirst lists the weights, heaviest first, then by path.
func heaviestFirst(m map[string]weight) []weight {
	return slices.SortedFunc(maps.Values(m), func(a, b weight) int { return cmp.Or(cmp.Compare(b.bytes, a.bytes), strings.Compare(a.path, b.path)) })
}

// writePackageTables says where the binary's bytes are, then lists the 15
// packages with the most code, this project's, and the code per module.
func writePackageTables(r *report, size int64, s map[string]int64, weights []weight, modules map[string]string) {
	stripped := size - s["Customname"]
	other := stripped - s["Code"] - s["Data"]
	r.table([]string{"section", "bytes", "share of the stripped wasm"}, [][]string{
		{"code (function bodies)", thousands(s["Code"]), percent(s["Code"], stripped)},
		{"data (static data, type and func tables, strings)", thousands(s["Data"]), percent(s["Data"], stripped)},
		{"other (types, imports, exports, tables, build id)", thousands(other), percent(other, stripped)},
		{"name (function names; stripped by make web)", thousands(s["Customname"]), ""},
		{"total with names", thousands(size), ""},
	})
	var top, own, mods [][]string
	row := func(w weight) []string {
		return []string{w.path, fmt.Sprint(w.funcs), thousands(w.bytes), percent(w.bytes, s["Code"])}
	}
	byModule := map[string]weight{}
	for i, w := range weights {
		module := cmp.Or(modules[w.path], w.path)
		byModule[module] = weight{module, byModule[module].funcs + w.funcs, byModule[module].bytes + w.bytes}
		if i < 15 {
			top = append(top, row(w))
		}
		if module == "gztargets" {
			own = append(own, row(w))
		}
	}
	for _, w := range heaviestFirst(byModule) {
		mods = append(mods, row(w))
	}
	header := []string{"package", "functions", "code bytes", "of code"}
	r.para("The 15 packages with the most code:")
	r.table(header, top)
	r.para("This project's packages (module gztargets):")
	r.table(header, own)
	r.para("Code per module:")
	r.table(append([]string{"module"}, header[1:]...), mods)
}
