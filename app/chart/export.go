package chart

import (
	"encoding/json"
	"maps"
	"strconv"
	"strings"

	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// creditChars is how long a line of the credit may be, in textWidth's
// units (a Chinese character counting two), across a downloaded image at
// the wide layout's width: 160 letters of 11 px in a wide font (DejaVu
// Sans, about 6.6 px each) fill 1,056 of its 1,104 px.
const creditChars = 160

// exportPatch is merged over a chart's option for downloaded images, which
// travel without the page around them (spec.Spec.Export), and gives the
// number of lines of its credit (spec.Spec.CreditLines). It adds the title
// and subtitle above the chart, the credit line under it, wrapped, and a
// white background, and moves everything the option places down by the
// title's room, so that the chart itself is drawn as on the screen. That
// includes the positions set in the option's media (its layouts by
// width), which ECharts applies over the option on every setOption:
// unlike the rest, media are replaced, not merged, so the patch carries
// them whole, those that can apply to a download (forExports).
func exportPatch(sp spec.Spec, ds *model.Dataset) (json.RawMessage, int) {
	var option map[string]any
	if err := json.Unmarshal(sp.Option, &option); err != nil {
		panic("chart: reading the option for its export: " + err.Error())
	}
	credit := wrap(words.New(ds, sp.Lang).Credit(sp.Sources), creditChars)
	sp.CreditLines = strings.Count(credit, "\n") + 1
	below := sp.ExportHeight() - sp.Height - spec.TitleSpace
	patch := movedDown(option, spec.TitleSpace, below, false)
	title, _ := patch["title"].([]any)
	patch["title"] = append(title, exportTitle(sp))
	graphic, _ := patch["graphic"].([]any)
	patch["graphic"] = append(graphic, creditGraphic(sp, credit))
	patch["backgroundColor"] = "#ffffff"
	if media, ok := option["media"].([]any); ok {
		var moved []any
		for _, m := range media {
			entry := maps.Clone(m.(map[string]any))
			if forExports(entry) {
				option := movedDown(entry["option"].(map[string]any), spec.TitleSpace, below, true)
				// The patch's own graphic moves the entry's: ECharts draws
				// only the graphic elements of the last merge in a
				// setOption, and an entry's would leave out the credit.
				delete(option, "graphic")
				entry["option"] = option
				moved = append(moved, entry)
			}
		}
		patch["media"] = moved
	}
	b, err := json.Marshal(patch)
	if err != nil {
		panic("chart: encoding export patch: " + err.Error())
	}
	return b, sp.CreditLines
}

// forExports reports whether a media entry can apply to a downloaded
// image: its query, if any, allows a box spec.ExportWidth wide. Those
// for phones cannot, and ECharts keeps the option's own where the patch
// brings none with a query.
func forExports(media map[string]any) bool {
	query, _ := media["query"].(map[string]any)
	most, limited := pixels(query["maxWidth"])
	return !limited || most >= spec.ExportWidth
}

// placed are the components of an option that ECharts places by their
// top and bottom.
var placed = []string{"grid", "legend", "title", "graphic", "series"}

// movedDown lists, for each placed component of an option, its entries
// moved down: top by top and bottom by bottom (a component held to the
// bottom keeps its distance from the chart's foot, not the image's). An
// entry keeps its id, so that setOption merges it into the same
// component, and, if whole, everything else: a media option replaces the
// one before. A component the option lacks is left out: the site's
// ECharts bundle holds only the components its charts use.
func movedDown(option map[string]any, top, bottom int, whole bool) map[string]any {
	out := map[string]any{}
	for _, name := range placed {
		var moved []any
		for _, e := range entries(option[name]) {
			moved = append(moved, movedEntry(e, top, bottom, whole))
		}
		if moved != nil {
			out[name] = moved
		}
	}
	if whole {
		for k, v := range option {
			if _, ok := out[k]; !ok {
				out[k] = v
			}
		}
	}
	return out
}

// entries are a component's entries: ECharts takes one as an object or a
// list of them.
func entries(component any) []map[string]any {
	switch c := component.(type) {
	case map[string]any:
		return []map[string]any{c}
	case []any:
		var out []map[string]any
		for _, e := range c {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// movedEntry is an entry with its top and bottom moved. A position given
// as a keyword or a percentage ("middle", "10%") stays as it is: it is
// relative to the whole image, whose height ECharts knows.
func movedEntry(e map[string]any, top, bottom int, whole bool) map[string]any {
	out := map[string]any{}
	if whole {
		out = maps.Clone(e)
	} else if id, ok := e["id"]; ok {
		out["id"] = id
	}
	for key, by := range map[string]int{"top": top, "bottom": bottom} {
		if v, ok := pixels(e[key]); ok {
			out[key] = v + by
		}
	}
	return out
}

// pixels reads a position in pixels, given as a number or a numeric
// string ("36", as go-echarts writes them).
func pixels(v any) (int, bool) {
	switch p := v.(type) {
	case float64:
		return int(p), true
	case string:
		n, err := strconv.Atoi(p)
		return n, err == nil
	}
	return 0, false
}

// exportTitle is a downloaded image's title and subtitle.
func exportTitle(sp spec.Spec) map[string]any {
	return map[string]any{
		"id": "export", "text": sp.Title, "subtext": wrap(sp.Subtitle, 90), "left": 8, "top": 4,
		"textStyle": map[string]any{"fontSize": 16},
	}
}

// creditGraphic is a downloaded image's credit line, under the chart, its
// lines already broken.
func creditGraphic(sp spec.Spec, credit string) map[string]any {
	return map[string]any{
		"id": "credit", "type": "text", "left": 8, "top": sp.Height + spec.TitleSpace + 10,
		"style": map[string]any{"text": credit, "fontSize": 11, "lineHeight": spec.CreditLineHeight, "fill": "#444"},
	}
}
