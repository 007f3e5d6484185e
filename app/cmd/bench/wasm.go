package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// This file reads just enough of the WebAssembly binary format to weigh a
// Go wasm binary by package: `go tool nm` does not read wasm. Go's linker
// writes one wasm function per Go function, and unless -s is given, a
// "name" custom section that names each one after its Go symbol.

// Section ids of the WebAssembly binary format.
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
	sectionData   = 11
)

// wasmModule is what the size report needs from a wasm binary.
type wasmModule struct {
	sections []wasmSection
	// imported is the number of imported functions, which come first in
	// the function index space, before the functions of the code section.
	imported int
	// bodies are the sizes of the function bodies in the code section,
	// in order: body i is function imported+i.
	bodies []int
	names  map[int]string // by function index, from the "name" section
}

// wasmSection is one section: its id, its name if it is a custom
// section, and its size in bytes, without its id and size fields.
type wasmSection struct {
	id   byte
	name string
	size int
}

// wasmReader reads the binary format's primitives, keeping the first error.
type wasmReader struct {
	b   []byte
	pos int
	err error
}

// fail records the first error, with the offset where it happened.
func (r *wasmReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("offset %d: "+format, append([]any{r.pos}, args...)...)
	}
}

// readByte reads one byte.
func (r *wasmReader) readByte() byte {
	if r.err != nil || r.pos >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	r.pos++
	return r.b[r.pos-1]
}

// readULEB reads an unsigned LEB128 number of at most 32 bits, as the format's
// counts, sizes and indices are.
func (r *wasmReader) readULEB() int {
	var v, shift uint
	for {
		c := r.readByte()
		if r.err != nil {
			return 0
		}
		v |= uint(c&0x7f) << shift
		if c&0x80 == 0 {
			return int(v)
		}
		if shift += 7; shift > 28 {
			r.fail("LEB128 number too long")
			return 0
		}
	}
}

// readBytes reads n bytes.
func (r *wasmReader) readBytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.pos {
		r.fail("%d bytes past the end", n)
		return nil
	}
	r.pos += n
	return r.b[r.pos-n : r.pos]
}

// readName reads a name: its length, then its UTF-8 bytes.
func (r *wasmReader) readName() string { return string(r.readBytes(r.readULEB())) }

// parseWasm reads a wasm binary's sections, its imports, its function
// bodies and its function names.
func parseWasm(b []byte) (*wasmModule, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("wasm: not a WebAssembly binary")
	}
	if b[4] != 1 || b[5] != 0 || b[6] != 0 || b[7] != 0 {
		return nil, fmt.Errorf("wasm: version % x, want 01 00 00 00", b[4:8])
	}
	m := &wasmModule{names: map[int]string{}}
	r := &wasmReader{b: b, pos: 8}
	for r.err == nil && r.pos < len(b) {
		id := r.readByte()
		content := &wasmReader{b: r.readBytes(r.readULEB())}
		if r.err != nil {
			break
		}
		s := wasmSection{id: id, size: len(content.b)}
		if id == sectionCustom {
			s.name = content.readName()
		}
		m.sections = append(m.sections, s)
		m.readSection(s, content)
		if content.err != nil {
			return nil, fmt.Errorf("wasm: section %d %s: %w", id, s.name, content.err)
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("wasm: %w", r.err)
	}
	return m, nil
}

// readSection reads the sections the report needs and skips the others.
func (m *wasmModule) readSection(s wasmSection, r *wasmReader) {
	switch {
	case s.id == sectionImport:
		m.imported = countFuncImports(r)
	case s.id == sectionCode:
		for i, n := 0, r.readULEB(); i < n && r.err == nil; i++ {
			m.bodies = append(m.bodies, len(r.readBytes(r.readULEB())))
		}
	case s.id == sectionCustom && s.name == "name":
		readFuncNames(r, m.names)
	}
}

// countFuncImports reads the import section and counts the functions.
func countFuncImports(r *wasmReader) int {
	funcs := 0
	for i, n := 0, r.readULEB(); i < n && r.err == nil; i++ {
		r.readName() // module
		r.readName() // field
		switch kind := r.readByte(); kind {
		case 0: // function: a type index
			r.readULEB()
			funcs++
		case 1: // table: a reference type and limits
			r.readByte()
			readLimits(r)
		case 2: // memory: limits
			readLimits(r)
		case 3: // global: a value type and mutability
			r.readByte()
			r.readByte()
		default:
			r.fail("unknown import kind %d", kind)
		}
	}
	return funcs
}

// readLimits reads the limits of a table or memory: a flag, the minimum
// and, if the flag says so, the maximum.
func readLimits(r *wasmReader) {
	flags := r.readByte()
	r.readULEB()
	if flags&1 != 0 {
		r.readULEB()
	}
}

// readFuncNames reads the function names subsection (id 1) of the "name"
// section and skips the others (module and local names).
func readFuncNames(r *wasmReader, names map[int]string) {
	for r.err == nil && r.pos < len(r.b) {
		id := r.readByte()
		sub := &wasmReader{b: r.readBytes(r.readULEB())}
		if id != 1 {
			continue
		}
		for i, n := 0, sub.readULEB(); i < n && sub.err == nil; i++ {
			index := sub.readULEB()
			names[index] = sub.readName()
		}
		if sub.err != nil {
			r.err = fmt.Errorf("function names: %w", sub.err)
		}
	}
}

// sectionSize is the total size of the sections with the id (and, for
// custom sections, the name).
func (m *wasmModule) sectionSize(id byte, name string) int {
	n := 0
	for _, s := range m.sections {
		if s.id == id && s.name == name {
			n += s.size
		}
	}
	return n
}

// packageWeight is the code a Go package puts in the binary.
type packageWeight struct {
	path  string
	funcs int
	bytes int
}

// linkerGenerated names the functions of no package: the linker's type
// equality functions (type:.eq.*) and the runtime's assembly stubs.
const linkerGenerated = "(linker-generated: type:.eq.*, assembly stubs)"

// symbolMangling is how Go's linker turns a symbol into a wasm name: every
// character other than a letter, a digit, '_' or '.' becomes '_', so
// gztargets/app/ui.(*chartView).Render is named
// gztargets_app_ui.__chartView_.Render.
var symbolMangling = regexp.MustCompile(`[^\w.]`)

// weighPackages sums the function body sizes per Go package. The mangled
// names have lost the slashes that delimit a package path, so each name is
// matched against the mangled paths of the packages linked in, longest
// first. Functions of no listed package are summed under linkerGenerated.
func weighPackages(m *wasmModule, pkgs []string) []packageWeight {
	type prefix struct{ mangled, path string }
	prefixes := make([]prefix, len(pkgs))
	for i, p := range pkgs {
		prefixes[i] = prefix{symbolMangling.ReplaceAllString(p, "_") + ".", p}
	}
	sort.Slice(prefixes, func(i, j int) bool { return len(prefixes[i].mangled) > len(prefixes[j].mangled) })
	byPath := map[string]*packageWeight{}
	for i, size := range m.bodies {
		path := linkerGenerated
		name := m.names[m.imported+i]
		for _, p := range prefixes {
			if strings.HasPrefix(name, p.mangled) {
				path = p.path
				break
			}
		}
		w := byPath[path]
		if w == nil {
			w = &packageWeight{path: path}
			byPath[path] = w
		}
		w.funcs++
		w.bytes += size
	}
	out := make([]packageWeight, 0, len(byPath))
	for _, w := range byPath {
		out = append(out, *w)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].bytes != out[j].bytes {
			return out[i].bytes > out[j].bytes
		}
		return out[i].path < out[j].path
	})
	return out
}
