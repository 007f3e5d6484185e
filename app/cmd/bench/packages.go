package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// topPackages is how many of the heaviest packages the report lists.
const topPackages = 15

// ownModule is this project's module path.
const ownModule = "gztargets"

// measurePackages builds the wasm with its symbol names (make strips
// them), reads its code section and name section, and sums the code per
// Go package and per module.
func measurePackages(e *env, r *report, cmd string) error {
	dir, err := os.MkdirTemp("", "bench-wasm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	wasm := filepath.Join(dir, "app.wasm")
	build := exec.Command(e.cfg.goCmd, "build", "-trimpath", "-o", wasm, "./app/cmd/explorer")
	list := exec.Command(e.cfg.goCmd, "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}", "./app/cmd/explorer")
	r.commands(
		"GOOS=js GOARCH=wasm "+shellJoin(build.Args)+"    # as make web, but keeping the name section",
		"GOOS=js GOARCH=wasm "+shellJoin(list.Args)+"    # the packages linked in, and their modules",
		cmd+"    # reads the code, data and name sections",
	)
	for _, c := range []*exec.Cmd{build, list} {
		c.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	}
	if _, err := runCommand(build); err != nil {
		return err
	}
	listed, err := runCommand(list)
	if err != nil {
		return err
	}
	modules := parseModules(string(listed))
	b, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	m, err := parseWasm(b)
	if err != nil {
		return fmt.Errorf("%s: %w", wasm, err)
	}
	if len(m.names) == 0 {
		return fmt.Errorf("%s has no function names: was it built with -s?", wasm)
	}
	weights := weighPackages(m, sortedKeys(modules))
	describeSections(r, m, int64(len(b)))
	writePackageTables(r, weights, modules, int64(m.sectionSize(sectionCode, "")))
	return nil
}

// parseModules reads `go list -deps -f '{{.ImportPath}} {{.Module.Path}}'`:
// each package and its module, "" for the standard library.
func parseModules(listed string) map[string]string {
	modules := map[string]string{}
	for line := range strings.Lines(listed) {
		pkg, module, _ := strings.Cut(strings.TrimSpace(line), " ")
		if pkg != "" {
			modules[pkg] = module
		}
	}
	return modules
}

// sortedKeys lists a map's keys in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// describeSections says where the binary's bytes are: code, data, the
// name section that make strips, and the rest.
func describeSections(r *report, m *wasmModule, total int64) {
	code := int64(m.sectionSize(sectionCode, ""))
	data := int64(m.sectionSize(sectionData, ""))
	names := int64(m.sectionSize(sectionCustom, "name"))
	rest := total - code - data - names
	r.table([]string{"section", "bytes", "share of the stripped wasm"}, [][]string{
		{"code (function bodies)", thousands(code), percent(code, total-names)},
		{"data (static data, type and func tables, strings)", thousands(data), percent(data, total-names)},
		{"other (types, imports, exports, tables, build id)", thousands(rest), percent(rest, total-names)},
		{"name (function names; stripped by make web)", thousands(names), ""},
		{"total with names", thousands(total), ""},
	})
}

// writePackageTables lists the heaviest packages, our own packages, and
// the code per module.
func writePackageTables(r *report, weights []packageWeight, modules map[string]string, code int64) {
	row := func(w packageWeight) []string {
		return []string{w.path, fmt.Sprint(w.funcs), thousands(int64(w.bytes)), percent(int64(w.bytes), code)}
	}
	header := []string{"package", "functions", "code bytes", "of code"}
	var top, own [][]string
	byModule := map[string]*packageWeight{}
	for i, w := range weights {
		if i < topPackages {
			top = append(top, row(w))
		}
		module, linked := modules[w.path]
		if module == ownModule {
			own = append(own, row(w))
		}
		switch {
		case !linked:
			module = w.path
		case module == "":
			module = "standard library"
		}
		if byModule[module] == nil {
			byModule[module] = &packageWeight{path: module}
		}
		byModule[module].funcs += w.funcs
		byModule[module].bytes += w.bytes
	}
	r.para("The %d packages with the most code:", topPackages)
	r.table(header, top)
	r.para("This project's packages (module %s):", ownModule)
	r.table(header, own)
	var mods [][]string
	for _, w := range sortedWeights(byModule) {
		mods = append(mods, row(w))
	}
	r.para("Code per module:")
	r.table([]string{"module", "functions", "code bytes", "of code"}, mods)
}

// sortedWeights lists the weights, heaviest first.
func sortedWeights(m map[string]*packageWeight) []packageWeight {
	out := make([]packageWeight, 0, len(m))
	for _, w := range m {
		out = append(out, *w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].bytes > out[j].bytes })
	return out
}
