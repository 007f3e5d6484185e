package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"

	"gztargets/app/chart"
	"gztargets/app/model"
	"gztargets/data"
	"gztargets/data/geo"
)

// plainOptions are top-level option keys that need no module.
var plainOptions = []string{"color", "backgroundColor", "animation", "media", "series"}

// TestBundleServesEverySpec proves that every series type and component
// of every published chart (its screen option, its narrow layout and its
// download patch) is installed by the site's ECharts bundle.
func TestBundleServesEverySpec(t *testing.T) {
	ds, err := model.Decode(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	for _, p := range echartsParts {
		for _, s := range p.serves {
			served[s] = true
		}
	}
	used := map[string]string{} // key: the first chart that uses it
	for _, s := range chart.Catalogue(ds) {
		for _, raw := range []json.RawMessage{s.Option, s.Export} {
			for key := range optionKeys(t, s.Slug, raw) {
				if _, ok := used[key]; !ok {
					used[key] = s.Slug
				}
			}
		}
	}
	var missing []string
	for key, slug := range used {
		if !served[key] {
			missing = append(missing, key+" (in "+slug+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the bundle lacks what published charts use: %s", strings.Join(missing, ", "))
	}
	if used["series.map"] == "" {
		t.Error("no published chart is a map: the test sees no map series")
	}
}

// optionKeys lists the modules an option needs, as the keys of
// echartsParts: its components, its series types as "series.bar", and
// the components its series and media queries use.
func optionKeys(t *testing.T, slug string, raw json.RawMessage) map[string]bool {
	var option map[string]json.RawMessage
	if err := json.Unmarshal(raw, &option); err != nil {
		t.Fatalf("%s: %v", slug, err)
	}
	keys := map[string]bool{}
	var series []map[string]any
	json.Unmarshal(option["series"], &series)
	for _, s := range series {
		if kind, ok := s["type"].(string); ok { // a patch's series merge by id
			keys["series."+kind] = true
		}
		for _, k := range []string{"markLine", "markPoint", "markArea"} {
			if s[k] != nil {
				keys[k] = true
			}
		}
	}
	var media []struct {
		Option map[string]any `json:"option"`
	}
	json.Unmarshal(option["media"], &media)
	for _, m := range media {
		for k := range m.Option {
			if !slices.Contains(plainOptions, k) {
				keys[k] = true
			}
		}
	}
	for k := range option {
		if !slices.Contains(plainOptions, k) {
			keys[k] = true
		}
	}
	return keys
}

// TestEChartsEntry checks that the bundle's source installs every part and
// registers the districts' shape under the name map series use.
func TestEChartsEntry(t *testing.T) {
	src := echartsEntry()
	for _, p := range echartsParts {
		if !strings.Contains(src, "import { "+p.name+" } from \"echarts/"+p.module+"\"") {
			t.Errorf("the entry does not import %s", p.name)
		}
	}
	if !strings.Contains(src, "registerMap(\""+geo.MapName+"\", {\"type\":\"FeatureCollection\"") {
		t.Error("the entry does not register the districts' shape")
	}
}

// TestTextWidth runs textwidth.js in Node.js, as the stills do, and checks
// its widths: Chinese characters a full em, Latin by the letter, the size
// and weight read from the font, and that the site's bundle and the
// stills' script both measure text with it.
func TestTextWidth(t *testing.T) {
	cases := []struct {
		text, font string
		want       float64
	}{
		{"广州", "12px sans-serif", 24},
		{"广州", "normal normal 11px Microsoft YaHei", 22},
		{"1.5%", "12px sans-serif", 12 * (0.62 + 0.3 + 0.62 + 0.92)},
		{"Wm", "bold 10px sans-serif", 10 * (0.92 + 0.92) * 1.06},
		{"Ai", "600 10px sans-serif", 10 * (0.7 + 0.3) * 1.06},
		{"", "12px sans-serif", 0},
		{"ab", "", 12 * (0.58 + 0.58)},
	}
	var calls strings.Builder
	calls.WriteString(textWidthScript + "\nconsole.log(JSON.stringify([")
	for _, c := range cases {
		fmt.Fprintf(&calls, "textWidth(%q, %q).width,", c.text, c.font)
	}
	calls.WriteString("]));")
	out, err := exec.Command("node", "-e", calls.String()).Output()
	if err != nil {
		t.Fatalf("node: %v (make test installs Node.js with npm)", err)
	}
	var got []float64
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(cases) {
		t.Fatalf("node printed %q: %v", out, err)
	}
	for i, c := range cases {
		if math.Abs(got[i]-c.want) > 1e-9 {
			t.Errorf("textWidth(%q, %q) = %v, want %v", c.text, c.font, got[i], c.want)
		}
	}
	if !strings.Contains(echartsEntry(), "setPlatformAPI({ measureText: textWidth })") {
		t.Error("the site's bundle does not measure text with textWidth")
	}
	if script := string(nodeScript()); !strings.HasPrefix(script, textWidthScript) || !strings.Contains(script, "setPlatformAPI({ measureText: textWidth })") {
		t.Error("the stills' script does not measure text with textWidth")
	}
}
