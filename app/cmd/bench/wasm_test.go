package main

import (
	"reflect"
	"strings"
	"testing"
)

// rawSection is a wasm section: its id, its size (all sizes here are below
// 128, so one LEB128 byte) and its content.
func rawSection(id byte, content ...byte) []byte {
	return append([]byte{id, byte(len(content))}, content...)
}

// rawName is a wasm name: its length and its bytes.
func rawName(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// concat joins byte slices.
func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// tinyWasm is a hand-made module shaped like Go's output: one imported
// function, four defined functions with bodies of 3, 2, 4 and 2 bytes, a
// data segment of 3 bytes, and a name section that names three of them
// the way Go's linker mangles symbols.
func tinyWasm() []byte {
	return concat(
		[]byte("\x00asm"), []byte{1, 0, 0, 0},
		rawSection(1, 1, 0x60, 0, 0), // one type: func() -> ()
		rawSection(2, concat([]byte{1}, rawName("go"), rawName("debug"), []byte{0, 0})...), // import go.debug, a function of type 0
		rawSection(3, 4, 0, 0, 0, 0), // four functions of type 0
		rawSection(10,
			4,                // four bodies, each its size, no locals, then code
			3, 0, 0x01, 0x0b, // nop, end
			2, 0, 0x0b, // end
			4, 0, 0x01, 0x01, 0x0b, // nop, nop, end
			2, 0, 0x0b, // end
		),
		rawSection(11, 1, 0, 0x41, 0, 0x0b, 3, 'a', 'b', 'c'), // one active segment at 0: "abc"
		rawSection(0, concat(rawName("name"), rawSection(1, concat(
			[]byte{3},
			[]byte{1}, rawName("gztargets_app_model.Load"),
			[]byte{2}, rawName("gztargets_app_model.__Dataset_.Compare"),
			[]byte{3}, rawName("gopkg.in_yaml.v3.Marshal"),
		)...))...),
	)
}

func TestParseWasm(t *testing.T) {
	m, err := parseWasm(tinyWasm())
	if err != nil {
		t.Fatal(err)
	}
	if m.imported != 1 {
		t.Errorf("imported functions = %d, want 1", m.imported)
	}
	if want := []int{3, 2, 4, 2}; !reflect.DeepEqual(m.bodies, want) {
		t.Errorf("body sizes = %v, want %v", m.bodies, want)
	}
	if got := m.names[2]; got != "gztargets_app_model.__Dataset_.Compare" {
		t.Errorf("name of function 2 = %q", got)
	}
	if got := m.sectionSize(sectionData, ""); got != 9 {
		t.Errorf("data section = %d bytes, want 9", got)
	}
	if got := m.sectionSize(sectionCustom, "name"); got == 0 {
		t.Error("the name section was not found")
	}
}

func TestWeighPackages(t *testing.T) {
	m, err := parseWasm(tinyWasm())
	if err != nil {
		t.Fatal(err)
	}
	// A package whose path has a dot wins over its shorter namesake.
	got := weighPackages(m, []string{"gopkg.in/yaml", "gztargets/app/model", "gopkg.in/yaml.v3"})
	want := []packageWeight{
		{path: "gztargets/app/model", funcs: 2, bytes: 5},
		{path: "gopkg.in/yaml.v3", funcs: 1, bytes: 4},
		{path: linkerGenerated, funcs: 1, bytes: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weighPackages = %+v, want %+v", got, want)
	}
}

func TestParseWasmRejectsBrokenInput(t *testing.T) {
	blob := tinyWasm()
	tests := []struct {
		name string
		blob []byte
		want string
	}{
		{"not wasm", []byte("\x7fELF\x02\x01\x01\x00"), "not a WebAssembly binary"},
		{"other version", concat([]byte("\x00asm"), []byte{2, 0, 0, 0}), "version"},
		{"truncated", blob[:len(blob)-5], "past the end"},
	}
	for _, tt := range tests {
		if _, err := parseWasm(tt.blob); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one that says %q", tt.name, err, tt.want)
		}
	}
}
