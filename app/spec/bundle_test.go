package spec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"gztargets/app/i18n"
)

// chartWith is a chart whose words are the given text, as a chart's title
// and description can hold anything a source or a translator wrote.
func chartWith(slug, text string) Spec {
	return Spec{
		ChartType: ChartResults, Slug: slug, Lang: i18n.ZH, Metric: "gdp_growth", Year: 2025,
		Title: text, Description: "“" + text + "”\n第二行", Height: HeightWide,
		Option: json.RawMessage(`{"series":[{"data":[1.5,null]}]}`), Export: json.RawMessage(`{}`),
		Rows: []Row{{Region: "tianhe", Year: 2025, Verdict: text}},
	}
}

// TestMarshalBundle checks the bundle's lines: one chart per line in slug
// order, valid JSON whole, and split back to the same charts.
func TestMarshalBundle(t *testing.T) {
	tests := []struct {
		name  string
		in    Bundle
		lines int
	}{
		{"none", Bundle{}, 2},
		{"one", Bundle{"a": chartWith("a", "GDP")}, 3},
		{"newlines and quotes in the words", Bundle{
			"b-2025-results": chartWith("b-2025-results", "line\none \"quoted\" \\ back"),
			"a-2025-results": chartWith("a-2025-results", "\u2028 separators \u2029 and </script>"),
		}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := MarshalBundle(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(string(data), "\n"); got != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", got, tt.lines, data)
			}
			var whole Bundle
			if err := json.Unmarshal(data, &whole); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if len(tt.in) > 1 && bytes.Index(data, []byte(`"a-`)) > bytes.Index(data, []byte(`"b-`)) {
				t.Error("the charts are not in slug order: the file would change between builds")
			}
			checkSplit(t, data, tt.in)
		})
	}
}

// checkSplit checks that SplitBundle reads data into want's charts.
func checkSplit(t *testing.T, data []byte, want Bundle) {
	t.Helper()
	raw, err := SplitBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) != len(want) {
		t.Fatalf("%d charts, want %d", len(raw), len(want))
	}
	for slug, w := range want {
		got, err := DecodeChart(raw[slug])
		if err != nil {
			t.Fatalf("chart %s: %v", slug, err)
		}
		if !reflect.DeepEqual(normal(t, got), normal(t, w)) {
			t.Errorf("chart %s = %+v, want %+v", slug, got, w)
		}
	}
}

// normal is a chart with its options compacted, as json.Marshal writes
// them.
func normal(t *testing.T, sp Spec) Spec {
	t.Helper()
	for _, m := range []*json.RawMessage{&sp.Option, &sp.Export} {
		var b bytes.Buffer
		if err := json.Compact(&b, *m); err != nil {
			t.Fatal(err)
		}
		*m = b.Bytes()
	}
	return sp
}

// TestSplitBundle checks bundles not written by MarshalBundle: JSON of
// another shape is read whole, anything else is an error that says so.
func TestSplitBundle(t *testing.T) {
	one := Bundle{"a": chartWith("a", "GDP")}
	compact, _ := json.Marshal(one)
	indented, _ := json.MarshalIndent(one, "", "  ")
	tests := []struct {
		name, data string
		want       Bundle
		err        bool
	}{
		{"compact JSON, as bundles were before", string(compact), one, false},
		{"indented JSON", string(indented), one, false},
		{"empty lines", "{\n}\n", Bundle{}, false},
		{"two charts on a line", `{` + "\n" + `"a":{"slug":"a"},"b":{"slug":"b"}` + "\n}", nil, true},
		{"a line without its comma", "{\n" + `"a":{"slug":"a"}` + "\n" + `"b":{"slug":"b"}` + "\n}", nil, true},
		{"not an object", "[1,2]", nil, true},
		{"empty", "", nil, true},
		{"cut short", "{\n" + `"a":{"slug":"a"},`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := SplitBundle([]byte(tt.data))
			if tt.err {
				if err == nil {
					if _, err = DecodeChart(raw["a"]); err == nil {
						t.Fatalf("read %q with no error, as %v", tt.data, raw)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkSplit(t, []byte(tt.data), tt.want)
		})
	}
}

// TestSplitLinesAsLines checks that a bundle in MarshalBundle's lines is
// read line by line (not whole, as other JSON), with space around it, and
// that the lines given are left as they were.
func TestSplitLinesAsLines(t *testing.T) {
	lines, err := MarshalBundle(Bundle{"a": chartWith("a", "GDP"), "b": chartWith("b", "GDP")})
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range []string{string(lines), " \n\t" + string(lines) + " \n\n", "\r\n" + strings.TrimSuffix(string(lines), "\n")} {
		cut := bytes.Split([]byte(data), []byte("\n"))
		before := bytes.Join(cut, []byte("|"))
		raw, err := splitLines(cut)
		if err != nil || len(raw) != 2 {
			t.Errorf("%q: %d charts, %v; want 2 read as lines", data, len(raw), err)
		}
		if after := bytes.Join(cut, []byte("|")); !bytes.Equal(before, after) {
			t.Errorf("the lines changed: %q, were %q", after, before)
		}
	}
}

// FuzzSplitBundle checks that any bytes split without a panic, that a
// chart split from them decodes or says why, and that a bundle of charts
// holding any words splits back to the same charts.
func FuzzSplitBundle(f *testing.F) {
	f.Add([]byte("{\n\"a\":{\"slug\":\"a\"}\n}"), "GDP")
	f.Add([]byte(`{"a":{"title":"x\ny"}}`), "line\nbreak")
	f.Add([]byte("{\n\"a\\\"\":{},\n}"), "\"quoted\":{")
	f.Fuzz(func(t *testing.T, data []byte, words string) {
		if raw, err := SplitBundle(data); err == nil {
			for _, chart := range raw {
				_, _ = DecodeChart(chart)
			}
		}
		if !utf8.ValidString(words) {
			return // JSON has no such text: json.Marshal writes U+FFFD instead
		}
		b := Bundle{words: chartWith(words, words), "z": chartWith("z", words)}
		lines, err := MarshalBundle(b)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(lines) {
			t.Fatalf("not JSON:\n%s", lines)
		}
		raw, err := splitLines(bytes.Split(lines, []byte("\n")))
		if err != nil {
			t.Fatalf("MarshalBundle's lines do not split: %v\n%s", err, lines)
		}
		if len(raw) != len(b) {
			t.Fatalf("%d charts, want %d", len(raw), len(b))
		}
		for slug := range b {
			if _, err := DecodeChart(raw[slug]); err != nil {
				t.Fatalf("chart %q: %v", slug, err)
			}
		}
	})
}
