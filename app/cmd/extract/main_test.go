package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"gztargets/app/extract"
)

// TestRunReadsStandardInput drafts a text from standard input and checks
// that the output is a draft with the flags applied.
func TestRunReadsStandardInput(t *testing.T) {
	var out bytes.Buffer
	in := strings.NewReader("全区地区生产总值增长5%左右。")
	if err := run([]string{"-published", "2025-01-08", "-region", "tianhe", "-"}, in, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	var d extract.Draft
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatalf("output is not a draft: %v\n%s", err, out.String())
	}
	if d.Source != "web_draft" || d.Published != "2025-01-08" || len(d.Figures) != 1 {
		t.Fatalf("draft %+v", d)
	}
	if f := d.Figures[0]; f.Region != "tianhe" || f.Year != 2025 || f.Quote != "地区生产总值增长5%左右" {
		t.Errorf("figure %+v", f)
	}
}

// TestRunErrors checks that bad arguments are errors.
func TestRunErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"a.txt", "b.txt"},
		{"-published", "Feb 2025", "-"},
		{"/nonexistent/text.txt"},
	} {
		var out bytes.Buffer
		if err := run(args, strings.NewReader("x"), &out); err == nil {
			t.Errorf("run(%q) gave no error", args)
		}
	}
}
