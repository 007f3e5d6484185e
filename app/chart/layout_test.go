package chart

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// media is the option's responsive part, as ECharts reads it.
type media []struct {
	Query  *struct{ MaxWidth int } `json:"query"`
	Option struct {
		Grid  []struct{ Left, Right string } `json:"grid"`
		YAxis []struct {
			Name      *string `json:"name"`
			AxisLabel struct {
				Width    int    `json:"width"`
				Overflow string `json:"overflow"`
			} `json:"axisLabel"`
		} `json:"yAxis"`
		XAxis []struct {
			Name *string `json:"name"`
		} `json:"xAxis"`
	} `json:"option"`
}

// TestNarrowLayout checks the media list of the panel charts: the default
// entry restores the wide layout, and under narrowWidth the region names
// get at most narrowNames pixels and wrap, the value labels less room, the
// reference panel's heading wraps at narrowHeading, and the value axes
// lose their unit.
func TestNarrowLayout(t *testing.T) {
	long := model.Text{ZH: "很长很长的邻近新区（某某市）", EN: "A Very Long Neighbouring New District (Somewhere)"}
	ds := synthetic(t, growthFigures...)
	for i := range ds.Regions {
		if ds.Regions[i].ID == "zn" {
			ds.Regions[i].Name = long
		}
	}
	reload(t, &ds)
	tests := []struct {
		name     string
		build    func(lang i18n.Lang) (spec.Spec, bool)
		lang     i18n.Lang
		wideLeft int
	}{
		{"districts, long neighbour, English", func(l i18n.Lang) (spec.Spec, bool) { return Districts(ds, "growth", 2023, l) }, i18n.EN, textWidth(long.EN)*labelCharWidth/2 + labelGap},
		{"districts, long neighbour, Chinese", func(l i18n.Lang) (spec.Spec, bool) { return Districts(ds, "growth", 2023, l) }, i18n.ZH, textWidth(long.ZH)*labelCharWidth/2 + labelGap},
		{"districts, short names", func(l i18n.Lang) (spec.Spec, bool) { return Districts(ds, "growth", 2024, l) }, i18n.EN, textWidth("Alpha")*labelCharWidth/2 + labelGap},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, ok := tt.build(tt.lang)
			if !ok {
				t.Fatal("no chart")
			}
			var o struct {
				Grid  []struct{ Left, Right string } `json:"grid"`
				XAxis []struct{ Name string }        `json:"xAxis"`
				Media media                          `json:"media"`
			}
			if err := json.Unmarshal(sp.Option, &o); err != nil {
				t.Fatal(err)
			}
			if len(o.Media) != 2 || o.Media[0].Query != nil || o.Media[1].Query == nil || o.Media[1].Query.MaxWidth != narrowWidth {
				t.Fatalf("media = %s, want the wide default and a query for widths up to %d", sp.Option, narrowWidth)
			}
			wide, narrow := o.Media[0].Option, o.Media[1].Option
			if len(wide.Grid) != len(o.Grid) || len(narrow.Grid) != len(o.Grid) {
				t.Fatalf("%d grids, media for %d and %d", len(o.Grid), len(wide.Grid), len(narrow.Grid))
			}
			narrowLeft := min(tt.wideLeft, narrowNames)
			for i, g := range o.Grid {
				if g.Left != strconv.Itoa(tt.wideLeft) || wide.Grid[i] != g {
					t.Errorf("grid %d: base %+v, wide media %+v, want left %d in both", i, g, wide.Grid[i], tt.wideLeft)
				}
				if want := (struct{ Left, Right string }{strconv.Itoa(narrowLeft), strconv.Itoa(narrowLabelRoom)}); narrow.Grid[i] != want {
					t.Errorf("grid %d narrow = %+v, want %+v", i, narrow.Grid[i], want)
				}
				if l := narrow.YAxis[i].AxisLabel; l.Width != narrowLeft-labelGap || l.Overflow != "break" {
					t.Errorf("axis %d narrow names = %+v, want wrapped at %d px", i, l, narrowLeft-labelGap)
				}
			}
			// The unit, in the subtitle too, would lie under the last
			// bar's wrapped label on a phone; it comes back on a wider
			// screen.
			for i, a := range o.XAxis {
				if len(wide.XAxis) != len(o.XAxis) || len(narrow.XAxis) != len(o.XAxis) ||
					wide.XAxis[i].Name == nil || *wide.XAxis[i].Name != a.Name || a.Name == "" ||
					narrow.XAxis[i].Name == nil || *narrow.XAxis[i].Name != "" {
					t.Errorf("value axis %d's name: %q, wide media %+v, narrow %+v", i, a.Name, wide.XAxis, narrow.XAxis)
				}
			}
			for i, a := range narrow.YAxis {
				if a.Name == nil {
					continue
				}
				for _, line := range strings.Split(*a.Name, "\n") {
					if textWidth(line) > narrowHeading {
						t.Errorf("axis %d narrow heading line %q is wider than %d", i, line, narrowHeading)
					}
				}
				if !strings.HasPrefix(*wide.YAxis[i].Name, i18n.T(tt.lang, "series.reference", "")) {
					t.Errorf("axis %d wide heading = %q", i, *wide.YAxis[i].Name)
				}
			}
		})
	}
}

// TestReferenceOutlierOwnScale draws the districts view where a reference
// region's first-half result (11%) would stretch the districts' scale (up
// to 7%): the districts keep theirs, the reference panel gets its own and
// says so. A reference figure just above the districts' widens the shared
// scale instead.
func TestReferenceOutlierOwnScale(t *testing.T) {
	scales := func(ds *model.Dataset) (maxima []any, heading string) {
		sp, ok := Districts(ds, "growth", 2023, i18n.EN)
		if !ok {
			t.Fatal("no chart")
		}
		var o struct {
			XAxis []struct{ Max any }     `json:"xAxis"`
			YAxis []struct{ Name string } `json:"yAxis"`
		}
		if err := json.Unmarshal(sp.Option, &o); err != nil {
			t.Fatal(err)
		}
		for _, a := range o.XAxis {
			maxima = append(maxima, a.Max)
		}
		return maxima, o.YAxis[len(o.YAxis)-1].Name
	}
	ds := synthetic(t, growthFigures...)
	maxima, heading := scales(ds)
	if len(maxima) != 2 || maxima[0] != 8.0 || maxima[1] != 15.0 {
		t.Errorf("scales = %v, want 8 for the districts and 15 for the reference panel", maxima)
	}
	if !strings.HasSuffix(heading, "(own scale)") {
		t.Errorf("reference heading = %q, want it to say its scale is its own", heading)
	}
	modest := append([]fig{}, growthFigures...)
	for i := range modest {
		if modest[i].region == "zn" {
			modest[i].value = 8.5
		}
	}
	maxima, heading = scales(synthetic(t, modest...))
	if len(maxima) != 2 || maxima[0] != 10.0 || maxima[1] != 10.0 || strings.Contains(heading, "own scale") {
		t.Errorf("scales = %v, heading %q; want one shared scale of 10", maxima, heading)
	}
}

// reload loads a changed dataset again, as the explorer would load it.
func reload(t *testing.T, ds **model.Dataset) {
	t.Helper()
	b, err := json.Marshal(*ds)
	if err != nil {
		t.Fatal(err)
	}
	if *ds, err = model.Load(b); err != nil {
		t.Fatal(err)
	}
}

// TestReferenceHeading names the regions the reference panel holds, in
// the same order whatever their values, and only those: it once named
// the neighbouring district over every panel.
func TestReferenceHeading(t *testing.T) {
	region := func(id, group, zh, en string) row {
		return row{Region: model.Region{ID: id, Group: group, Name: model.Text{ZH: zh, EN: en}}}
	}
	city := region("guangzhou", model.GroupCity, "广州市", "Guangzhou")
	province := region("guangdong", model.GroupProvince, "广东省", "Guangdong province")
	nation := region("china", model.GroupNation, "全国", "China")
	neighbour := region("zhaoqing_new_district", model.GroupNeighbour, "肇庆新区", "Zhaoqing New District")
	tests := []struct {
		p      panel
		zh, en string
	}{
		{panel{rows: []row{city}}, "参照：全市", "For reference: the city"},
		{panel{rows: []row{nation, city}}, "参照：全市及全国", "For reference: the city and China"},
		{panel{rows: []row{nation, neighbour, province, city}}, "参照：全市、全省、全国及肇庆新区", "For reference: the city, Guangdong, China and Zhaoqing New District"},
		{panel{rows: []row{province}, ownScale: true}, "参照：全省（单独刻度）", "For reference: Guangdong (own scale)"},
	}
	for _, tt := range tests {
		for lang, want := range map[i18n.Lang]string{i18n.ZH: tt.zh, i18n.EN: tt.en} {
			b := builder{lang: lang, w: words.New(&model.Dataset{}, lang)}
			if got := b.referenceHeading(tt.p); got != want {
				t.Errorf("%s: %q, want %q", lang, got, want)
			}
		}
	}
}
