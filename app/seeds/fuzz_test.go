package seeds

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseAndValidate feeds arbitrary bytes to the record parser and, when
// they parse, to the validator and the compiler. None may panic, and every
// validation error must name the file. The seed corpus is the real records
// plus the malformed cases in testdata/fuzz/FuzzParseAndValidate.
func FuzzParseAndValidate(f *testing.F) {
	records, _ := filepath.Glob(filepath.Join(repoRoot, "seeds", "0*.json"))
	for _, path := range records {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	cat := testCatalog()
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := ParseRecord("seeds/fuzz.json", bytes.NewReader(b))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "seeds/fuzz.json: ") {
				t.Fatalf("parse error %q does not name the file", err)
			}
			return
		}
		err = Validate(cat, "seeds/fuzz.json", rec)
		for _, e := range unwrapAll(err) {
			var fe *FieldError
			if !errors.As(e, &fe) || fe.File != "seeds/fuzz.json" || fe.Field == "" {
				t.Fatalf("validation error %q is not a field error naming the file", e)
			}
		}
		set := &Set{Catalog: cat, Records: map[string]*Record{"seeds/fuzz.json": rec}}
		ds, cerr := set.Compile()
		if (cerr == nil) != (err == nil) {
			t.Fatalf("Compile error %v disagrees with Validate error %v", cerr, err)
		}
		if ds != nil && len(ds.Records) == 0 {
			t.Fatal("a valid record compiled to no figures")
		}
	})
}

// unwrapAll flattens an errors.Join tree.
func unwrapAll(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unwrapAll(e)...)
		}
		return out
	}
	return []error{err}
}
