package chart

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// TestStillJobs lists each chart in each layout, with the option as the
// browser first draws it: no animation, no decal, and the rest of the
// option as it was; then the chart as a file to download, at the wide
// layout's width, with room for the export patch's title and credit line,
// which is merged over the same option.
func TestStillJobs(t *testing.T) {
	s := spec.Spec{Slug: "gdp_growth-2024-districts", Lang: i18n.EN, Height: spec.HeightWide,
		Option: json.RawMessage(`{"animation":true,"aria":{"enabled":true,"decal":{"show":true,"decals":[{"symbol":"rect"}]}},"series":[{"type":"bar"}]}`),
		Export: json.RawMessage(`{"title":{"text":"T"}}`)}
	jobs, err := StillJobs([]spec.Spec{s})
	if err != nil {
		t.Fatal(err)
	}
	layouts := append(slices.Clone(StillLayouts), StillLayout{ExportLayout, StillLayouts[0].Width})
	if len(jobs) != len(layouts) {
		t.Fatalf("%d jobs for one chart, want one per layout and the download (%d)", len(jobs), len(layouts))
	}
	for i, j := range jobs {
		l, height, patch := layouts[i], spec.HeightWide, ""
		if l.Name == ExportLayout {
			height, patch = s.ExportHeight(), string(s.Export)
		}
		if j.ID != "en/gdp_growth-2024-districts/"+l.Name || j.Width != l.Width || j.Height != height || string(j.Patch) != patch {
			t.Errorf("job %d is %s at %dx%d, patch %s", i, j.ID, j.Width, j.Height, j.Patch)
		}
		var o struct {
			Animation bool
			Aria      struct {
				Enabled bool
				Decal   struct {
					Show   *bool
					Decals []any
				}
			}
			Series []any
		}
		if err := json.Unmarshal(j.Option, &o); err != nil {
			t.Fatal(err)
		}
		if o.Animation || !o.Aria.Enabled || o.Aria.Decal.Show == nil || *o.Aria.Decal.Show || len(o.Aria.Decal.Decals) != 1 || len(o.Series) != 1 {
			t.Errorf("job %d's option is %s", i, j.Option)
		}
	}
}

// TestStillJobsBadOption names the chart whose option is not JSON.
func TestStillJobsBadOption(t *testing.T) {
	_, err := StillJobs([]spec.Spec{{Slug: "x", Lang: i18n.ZH, Option: json.RawMessage(`{`)}})
	if err == nil || err.Error()[:4] != "zh/x" {
		t.Errorf("error %v, want one naming zh/x", err)
	}
}

// TestBoxesHoldTheirCharts checks that the style sheet gives every
// published chart's box (spec.Spec.BoxClass) the chart's own height,
// the rules applied in the sheet's order as the browser cascades them,
// and on a narrow screen its NarrowHeight, which the narrow still is
// drawn at. The years view's small multiples, 186 to 1,236 px tall, were
// drawn in the 540 px box of every chart, the live chart cut after two
// rows of three and its still shrunk to fit.
func TestBoxesHoldTheirCharts(t *testing.T) {
	sheet, err := os.ReadFile(filepath.Join("..", "..", "web", "still.css"))
	if err != nil {
		t.Fatal(err)
	}
	narrowAt := strings.Index(string(sheet), "@media (max-width: 600px) {")
	if narrowAt < 0 {
		t.Fatal("web/still.css has no rules for narrow screens, @media (max-width: 600px)")
	}
	narrowRules := string(sheet)[narrowAt:]
	narrowRules = narrowRules[:strings.Index(narrowRules, "\n}")]
	// At the top of the sheet, rules start their line; in @media, they
	// are indented.
	wide := regexp.MustCompile(`(?m)^\.([\w-]+) \{ (?:[^}]*; )?height: (\d+)px;`)
	narrow := regexp.MustCompile(`(?m)^\s+\.([\w-]+) \{ (?:[^}]*; )?height: (\d+)px;`)
	heightIn := func(rules string, rule *regexp.Regexp, classes []string, height int) int {
		for _, m := range rule.FindAllStringSubmatch(rules, -1) {
			if slices.Contains(classes, m[1]) {
				height, _ = strconv.Atoi(m[2])
			}
		}
		return height
	}
	for _, sp := range Catalogue(realDataset(t)) {
		classes := strings.Fields(sp.BoxClass())
		height := heightIn(string(sheet), wide, classes, 0)
		if height != sp.Height {
			t.Errorf("%s/%s: its box %q is %d px high in web/still.css, the chart %d px", sp.Lang, sp.Slug, sp.BoxClass(), height, sp.Height)
		}
		want := stillHeight(sp, StillLayouts[len(StillLayouts)-1])
		if got := heightIn(narrowRules, narrow, classes, height); got != want {
			t.Errorf("%s/%s: on a narrow screen its box %q is %d px high in web/still.css, the chart and its narrow still %d px", sp.Lang, sp.Slug, sp.BoxClass(), got, want)
		}
	}
}
