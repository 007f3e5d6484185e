package chart

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"

	"gztargets/app/spec"
)

// TestExportMovesTheChartDown checks the download patch of every chart the
// site publishes: everything the option places by pixels, in the option as
// in its media (which ECharts applies over the patch), is moved down by the
// title's room, or held as far from the chart's foot; media come whole,
// those for boxes narrower than any download left out;
// the title comes after the option's own titles; the credit is wrapped to
// the image's width and its lines fit in the room under the chart.
func TestExportMovesTheChartDown(t *testing.T) {
	specs := Catalogue(realDataset(t))
	if len(specs) == 0 {
		t.Fatal("no charts")
	}
	for _, sp := range specs {
		var option, patch map[string]any
		if err := json.Unmarshal(sp.Option, &option); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(sp.Export, &patch); err != nil {
			t.Fatal(err)
		}
		below := sp.ExportHeight() - sp.Height - spec.TitleSpace
		if msg := checkMoved(option, patch, below, false); msg != "" {
			t.Errorf("%s/%s: %s", sp.Lang, sp.Slug, msg)
		}
		var media []any
		all, _ := option["media"].([]any)
		for _, m := range all {
			query, _ := m.(map[string]any)["query"].(map[string]any)
			if most, limited := pixels(query["maxWidth"]); !limited || most >= spec.ExportWidth {
				media = append(media, m)
			}
		}
		moved, _ := patch["media"].([]any)
		if len(moved) != len(media) {
			t.Errorf("%s/%s: the patch has %d media, want the option's %d that a download can meet", sp.Lang, sp.Slug, len(moved), len(media))
			continue
		}
		for i := range media {
			from, to := media[i].(map[string]any), moved[i].(map[string]any)
			if fmt.Sprint(from["query"]) != fmt.Sprint(to["query"]) {
				t.Errorf("%s/%s: media %d's query changed", sp.Lang, sp.Slug, i)
			}
			// The patch's own graphic moves the entry's (exportPatch).
			entry := maps.Clone(from["option"].(map[string]any))
			delete(entry, "graphic")
			if _, ok := to["option"].(map[string]any)["graphic"]; ok {
				t.Errorf("%s/%s: media %d carries a graphic, which would leave out the credit", sp.Lang, sp.Slug, i)
			}
			if msg := checkMoved(entry, to["option"].(map[string]any), below, true); msg != "" {
				t.Errorf("%s/%s: media %d: %s", sp.Lang, sp.Slug, i, msg)
			}
		}
		checkExportWords(t, sp, patch)
	}
}

// checkMoved says what of option's placed components the patch did not
// move as it should, or "".
func checkMoved(option, patch map[string]any, below int, whole bool) string {
	for _, name := range placed {
		from, to := entries(option[name]), entries(patch[name])
		if len(to) < len(from) {
			return fmt.Sprintf("%s: %d entries, want at least the option's %d", name, len(to), len(from))
		}
		for i, e := range from {
			for key, by := range map[string]int{"top": spec.TitleSpace, "bottom": below} {
				was, placed := pixels(e[key])
				now, moved := pixels(to[i][key])
				if placed && (!moved || now != was+by) {
					return fmt.Sprintf("%s %d: %s %v, want %d", name, i, key, to[i][key], was+by)
				}
			}
			if e["id"] != to[i]["id"] {
				return fmt.Sprintf("%s %d: id %v, want %v", name, i, to[i]["id"], e["id"])
			}
			if whole && len(to[i]) != len(e) {
				return fmt.Sprintf("%s %d: %d settings, want the option's %d", name, i, len(to[i]), len(e))
			}
		}
	}
	return ""
}

// checkExportWords checks the title, after the option's own, and the
// credit: its lines within the image's width, as many as the spec says,
// and within its height.
func checkExportWords(t *testing.T, sp spec.Spec, patch map[string]any) {
	t.Helper()
	titles := entries(patch["title"])
	if len(titles) == 0 || titles[len(titles)-1]["text"] != sp.Title {
		t.Errorf("%s/%s: the last title is not the chart's: %v", sp.Lang, sp.Slug, titles)
	}
	var credit map[string]any
	for _, g := range entries(patch["graphic"]) {
		if g["id"] == "credit" {
			credit = g
		}
	}
	if credit == nil {
		t.Fatalf("%s/%s: no credit line", sp.Lang, sp.Slug)
	}
	text, _ := credit["style"].(map[string]any)["text"].(string)
	lines := strings.Split(text, "\n")
	for _, line := range lines {
		if px := widePixels(line); px > float64(spec.ExportWidth-16) {
			t.Errorf("%s/%s: a credit line of about %.0f px, wider than the image: %q", sp.Lang, sp.Slug, px, line)
		}
	}
	top, _ := pixels(credit["top"])
	if len(lines) != sp.CreditLines || top+10+len(lines)*spec.CreditLineHeight > sp.ExportHeight() {
		t.Errorf("%s/%s: %d credit lines from %d px, the spec says %d in an image of %d px", sp.Lang, sp.Slug, len(lines), top, sp.CreditLines, sp.ExportHeight())
	}
}

// widePixels is about how wide a line of 11 px text is in a wide font
// (DejaVu Sans, Inkscape's and many Linux browsers' sans-serif): 6.6 px a
// letter, 11 px a Chinese character.
func widePixels(line string) float64 {
	px := 0.0
	for _, r := range line {
		if textWidth(string(r)) == 2 {
			px += 11
		} else {
			px += 6.6
		}
	}
	return px
}
