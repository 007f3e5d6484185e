package main

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// ownModule is this project's module path.
const ownModule = "gztargets"

// linkerGenerated names the functions of no package: the linker's type
// equality functions (type:.eq.*) and the runtime's assembly stubs.
const linkerGenerated = "(linker-generated: type:.eq.*, assembly stubs)"

// The lines of wasm-objdump's output that the bench reads: a section with
// its size and, for a custom section, its name; a function with its size
// and name.
var (
	sectionLine = regexp.MustCompile(`(?m)^\s*(\w+) start=\S+ end=\S+ \(size=0x([0-9a-f]+)\)(?: "(\w+)")?`)
	funcLine    = regexp.MustCompile(`(?m)^ - func\[\d+\] size=(\d+) <(.*)>$`)
)

// measurePackages builds the wasm with its symbol names (make strips
// them), reads its sections and functions with wasm-objdump (`go tool nm`
// does not read wasm), and sums the code per Go package and per module.
func measurePackages(e *env, r *report, cmd string) error {
	dir, err := os.MkdirTemp("", "bench-wasm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	wasm := filepath.Join(dir, "app.wasm")
	cmds := []*exec.Cmd{
		exec.Command(e.cfg.goCmd, "build", "-trimpath", "-o", wasm, "./app/cmd/explorer"),
		exec.Command(e.cfg.goCmd, "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}", "./app/cmd/explorer"),
		exec.Command("wasm-objdump", "--headers", wasm),
		exec.Command("wasm-objdump", "--details", "--section=Code", wasm),
	}
	var out []string
	for _, c := range cmds {
		c.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		b, err := runCommand(c)
		if err != nil {
			return err
		}
		out = append(out, string(b))
	}
	r.commands("GOOS=js GOARCH=wasm "+shellJoin(cmds[0].Args)+"    # as make web, but keeping the name section",
		"GOOS=js GOARCH=wasm "+shellJoin(cmds[1].Args)+"    # the packages linked in, and their modules",
		shellJoin(cmds[2].Args)+"; "+shellJoin(cmds[3].Args)+"    # the sections, and each function's size and name",
		cmd+"    # sums the functions by package")
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

// symbolMangling is how Go's linker turns a symbol into a wasm name: every
// character other than a letter, a digit, '_' or '.' becomes '_', so
// gztargets/app/ui.(*chartView).Render is named
// gztargets_app_ui.__chartView_.Render.
var symbolMangling = regexp.MustCompile(`[^\w.]`)

// weighPackages sums the function sizes that wasm-objdump lists per Go
// package, heaviest first. The mangled names have lost the slashes that
// delimit a package path, so each name is matched against the mangled
// paths of the packages linked in, longest first.
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
// packages with the most code, this project's packages, and the code per
// module.
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
		if module == ownModule {
			own = append(own, row(w))
		}
	}
	for _, w := range heaviestFirst(byModule) {
		mods = append(mods, row(w))
	}
	header := []string{"package", "functions", "code bytes", "of code"}
	r.para("The 15 packages with the most code:")
	r.table(header, top)
	r.para("This project's packages (module %s):", ownModule)
	r.table(header, own)
	r.para("Code per module:")
	r.table(append([]string{"module"}, header[1:]...), mods)
}
