package chart

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
	"gztargets/data"
	"gztargets/data/geo"
)

// mapOption is the part of the map's option these tests read.
type mapOption struct {
	Series []struct {
		ColorBy string `json:"colorBy"`
	} `json:"series"`
	Media []struct {
		Query  map[string]any `json:"query"`
		Option struct {
			Series []struct {
				Data []item `json:"data"`
			} `json:"series"`
		} `json:"option"`
	} `json:"media"`
	Aria struct {
		Decal struct {
			Show   bool             `json:"show"`
			Decals []map[string]any `json:"decals"`
		} `json:"decal"`
	} `json:"aria"`
}

// areas are the districts of the map's default layout, the media entry
// without a query, which ECharts applies where no other does.
func (o mapOption) areas() []item {
	for _, m := range o.Media {
		if m.Query == nil && len(m.Option.Series) == 1 {
			return m.Option.Series[0].Data
		}
	}
	return nil
}

// realDataset is the dataset the site publishes: the map needs the real
// eleven districts, which the shapes are named after.
func realDataset(t *testing.T) *model.Dataset {
	t.Helper()
	ds, err := model.Load(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestMap checks every map the site can draw, in both languages: each
// of the eleven districts is one area, named as its shape; one without a
// figure is hatched and says so, never coloured like a low value; areas of
// one colour share one pattern and areas of different colours have
// different ones, which show only when the reader turns patterns on.
func TestMap(t *testing.T) {
	ds := realDataset(t)
	if _, ok := Map(ds, "no_such_metric", 2024, i18n.EN); ok {
		t.Error("a map of an unknown metric was built")
	}
	for _, m := range ds.Metrics {
		for _, year := range ds.Years(m.ID) {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				sp, ok := Map(ds, m.ID, year, lang)
				if !ok {
					t.Fatalf("no map of %s %d", m.ID, year)
				}
				var o mapOption
				if err := json.Unmarshal(sp.Option, &o); err != nil {
					t.Fatal(err)
				}
				checkMap(t, words.New(ds, lang), sp.Slug, o, m.ID, year)
			}
		}
	}
}

func checkMap(t *testing.T, w words.Words, slug string, o mapOption, metric string, year int) {
	t.Helper()
	items := o.areas()
	if len(items) != 11 || len(o.Aria.Decal.Decals) != len(items) || o.Series[0].ColorBy != "data" || o.Aria.Decal.Show {
		t.Fatalf("%s: %d areas, %d patterns, colorBy %q, patterns shown %v: want 11 areas, one pattern each, by data, hidden until asked",
			slug, len(items), len(o.Aria.Decal.Decals), o.Series[0].ColorBy, o.Aria.Decal.Show)
	}
	patternOf := map[string]map[string]any{}
	for i, it := range items {
		if shape, _ := geo.ShapeName(it.RegionID); shape != it.Name {
			t.Errorf("%s: %s is drawn as %q, want its shape %q", slug, it.RegionID, it.Name, shape)
		}
		if it.Value == empty {
			if !sameJSON(t, it.ItemStyle.Decal, hatch) || it.ItemStyle.AreaColor != colorNoFigure ||
				!strings.HasSuffix(strings.ReplaceAll(it.Label.Formatter, "\n", " "), " "+w.NoFigure(it.RegionID, metric, year)) {
				t.Errorf("%s: %s has no figure but is drawn %+v, labelled %q", slug, it.RegionID, it.ItemStyle, it.Label.Formatter)
			}
			continue
		}
		color, p := it.ItemStyle.AreaColor, o.Aria.Decal.Decals[i]
		if color == colorNoFigure || color != it.ItemStyle.Color {
			t.Errorf("%s: %s has a figure but is filled %q (colour %q)", slug, it.RegionID, color, it.ItemStyle.Color)
		}
		if seen, ok := patternOf[color]; ok && !reflect.DeepEqual(seen, p) {
			t.Errorf("%s: two areas coloured %s have different patterns", slug, color)
		}
		for other, q := range patternOf {
			if other != color && reflect.DeepEqual(q, p) {
				t.Errorf("%s: colours %s and %s share a pattern", slug, other, color)
			}
		}
		patternOf[color] = p
	}
}

// sameJSON reports whether two values encode to the same JSON: a decoded
// option holds float64 and []any where the builder wrote int and []int.
func sameJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(x) == string(y)
}

// TestMapLabelLayout checks where the map's labels go in each layout: by
// labelOffsets in the wide one and by narrowLabelOffsets in the narrow
// one, which keeps every other part of each district's item. No layout asks ECharts to move labels apart
// (labelLayout), which its server-side rendering does without the
// offsets: the still would put them elsewhere than the live chart.
func TestMapLabelLayout(t *testing.T) {
	ds := realDataset(t)
	sp, ok := Map(ds, "gdp_growth", ds.Years("gdp_growth")[0], i18n.ZH)
	if !ok {
		t.Fatal("no map of GDP growth")
	}
	if strings.Contains(string(sp.Option), "labelLayout") {
		t.Error("the map asks ECharts to move its labels apart")
	}
	var o mapOption
	if err := json.Unmarshal(sp.Option, &o); err != nil {
		t.Fatal(err)
	}
	last := len(o.Media) - 1
	if last < 1 || len(o.Media[last].Option.Series) != 1 || o.Media[last].Query["maxWidth"] != float64(narrowWidth) {
		t.Fatalf("want the narrow layout last, with the districts: %+v", o.Media)
	}
	wide, narrow := o.areas(), o.Media[last].Option.Series[0].Data
	if len(wide) != 11 || len(narrow) != len(wide) {
		t.Fatalf("%d districts, %d in the narrow layout, want 11", len(wide), len(narrow))
	}
	for i, it := range wide {
		if !reflect.DeepEqual(it.Label.Offset, labelOffsets[it.RegionID]) {
			t.Errorf("%s's label moves by %v, want %v", it.RegionID, it.Label.Offset, labelOffsets[it.RegionID])
		}
		if got, want := narrow[i].Label.Offset, narrowLabelOffsets[it.RegionID]; !reflect.DeepEqual(got, want) {
			t.Errorf("in the narrow layout, %s's label moves by %v, want %v", it.RegionID, got, want)
		}
		n := narrow[i]
		n.Label = &itemLabel{Show: it.Label.Show, Position: it.Label.Position, Formatter: it.Label.Formatter, Color: it.Label.Color, Offset: it.Label.Offset}
		if !reflect.DeepEqual(n, it) {
			t.Errorf("in the narrow layout, %s's item differs but for its label's offset:\n%+v\n%+v", it.RegionID, narrow[i], it)
		}
	}
}

// TestMapColumnClearsTheMap lays each map out, as ECharts picks its media
// entries, at every width from just over the narrow layout's to the wide
// layout's: the column of the legend and the reference figures starts at
// least columnGap right of the map, and the legend's widest line
// (columnNeed) and the reference figures' wrapped lines end before the
// chart's right edge. From 561 to 631 px the legend's heading lay over
// Conghua's tip, and the English column ran past the edge.
func TestMapColumnClearsTheMap(t *testing.T) {
	type entry struct {
		Query  map[string]float64 `json:"query"`
		Option struct {
			Series []struct {
				Bottom float64 `json:"bottom"`
			} `json:"series"`
			Title []struct {
				Left      any `json:"left"`
				TextStyle struct {
					Width float64 `json:"width"`
				} `json:"textStyle"`
			} `json:"title"`
		} `json:"option"`
	}
	for _, sp := range Catalogue(realDataset(t)) {
		if sp.ChartType != spec.ChartMap {
			continue
		}
		var o struct {
			Title []map[string]any
			Media []entry
		}
		if err := json.Unmarshal(sp.Option, &o); err != nil {
			t.Fatal(err)
		}
		need := float64(columnNeed(o.Title[0]))
		for width := narrowWidth + 1; width <= wideFrom+100; width++ {
			var applied *entry
			for i, e := range o.Media {
				if e.Query == nil && applied == nil {
					applied = &o.Media[i]
				}
				if e.Query != nil && (e.Query["minWidth"] == 0 || float64(width) >= e.Query["minWidth"]) && (e.Query["maxWidth"] == 0 || float64(width) <= e.Query["maxWidth"]) {
					applied = &o.Media[i]
				}
			}
			mapRight := 8 + newMapFrame(sp.Height-8-int(applied.Option.Series[0].Bottom)).width()
			column := 0.0
			switch left := applied.Option.Title[0].Left.(type) {
			case float64:
				column = left
			case string:
				share, _ := strconv.ParseFloat(strings.TrimSuffix(left, "%"), 64)
				column = share / 100 * float64(width)
			}
			refs := applied.Option.Title[1].TextStyle.Width
			if column < mapRight+columnGap || column+max(need, refs)+8 > float64(width) {
				t.Fatalf("%s/%s at %d px: the legend spans %.0f to %.0f px, the reference figures wrap at %.0f px, the map ends at %.0f px", sp.Lang, sp.Slug, width, column, column+need, column+refs, mapRight)
			}
		}
	}
}
