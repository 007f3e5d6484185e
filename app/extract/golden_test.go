package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files: go test ./app/extract -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenOptions are the options each golden text is read with, as the
// command's flags would give them.
var goldenOptions = map[string]Options{
	"zh_work_report":        {Published: "2025-01-08", Source: "zh_work_report.txt"},
	"en_district_page":      {Published: "2024-05-10", Source: "en_district_page.txt"},
	"zh_conference_roundup": {Published: "2024-02-21", Source: "zh_conference_roundup.txt"},
	"en_no_region":          {Published: "2025-01-15", Region: "conghua", Source: "en_no_region.txt"},
}

// TestGolden drafts each text in testdata/golden and compares the JSON
// with the .json file beside it. Review the diff after -update.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			opt, ok := goldenOptions[name]
			if !ok {
				t.Fatalf("%s has no entry in goldenOptions", in)
			}
			checkGolden(t, in, strings.TrimSuffix(in, ".txt")+".json", opt)
		})
	}
}

// checkGolden drafts one input and compares (or rewrites) its golden file.
func checkGolden(t *testing.T, in, golden string, opt Options) {
	text, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	got := encode(t, draftOf(t, string(text), opt))
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; run go test -run Golden -update and review the diff.\ngot:\n%s", in, golden, got)
	}
}

// encode writes a draft as the command does.
func encode(t *testing.T, d *Draft) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
