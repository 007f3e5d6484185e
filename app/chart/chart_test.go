package chart

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// fig is a compact way to write a record in a test table.
type fig struct {
	region, metric string
	year           int
	kind           string
	value          float64
	qualifier      string
	stretch        float64
	period         string
	quote          string
}

// metric is a metric named, and described, in both languages.
func metric(id, unit, zh, en string) model.Metric {
	name := model.Text{ZH: zh, EN: en}
	return model.Metric{ID: id, Unit: unit, Name: name, Description: name}
}

// source is a daily paper's article.
func source(id string) model.Source {
	return model.Source{ID: id, Publication: model.Publication{Outlet: model.Text{ZH: "日报", EN: "Daily"}, Published: "2024-02-19"}}
}

// synthetic builds a dataset inline: three districts, the city and the
// neighbouring district, two metrics, and the given figures.
func synthetic(t *testing.T, figs ...fig) *model.Dataset {
	t.Helper()
	ds := model.Dataset{
		Schema: model.SchemaVersion,
		Catalog: model.Catalog{
			Units: []model.Unit{{ID: "pct", Name: model.Text{ZH: "%", EN: "%"}}, {ID: "cny_100m", Name: model.Text{ZH: "亿元", EN: "100 million yuan"}}},
			Regions: []model.Region{
				{ID: "a", Group: model.GroupDistrict, Name: model.Text{ZH: "甲区", EN: "Alpha"}},
				{ID: "b", Group: model.GroupDistrict, Name: model.Text{ZH: "乙区", EN: "Beta"}},
				{ID: "c", Group: model.GroupDistrict, Name: model.Text{ZH: "丙区", EN: "Gamma"}},
				{ID: "city", Group: model.GroupCity, Name: model.Text{ZH: "全市", EN: "City"}},
				{ID: "zn", Group: model.GroupNeighbour, Name: model.Text{ZH: "邻区", EN: "Neighbour"}},
			},
			Metrics: []model.Metric{metric("growth", "pct", "增速", "Growth"), metric("total", "cny_100m", "总量", "Total")},
		},
		Sources: []model.Source{source("s1")},
	}
	for _, f := range figs {
		unit := "pct"
		if f.metric == "total" {
			unit = "cny_100m"
		}
		period := f.period
		if period == "" {
			period = model.PeriodYear
		}
		r := model.Record{
			ID: fmt.Sprintf("%s-%d-%s-%s-%s", f.region, f.year, f.metric, f.kind, period),
			Figure: model.Figure{Region: f.region, Year: f.year, Metric: f.metric, Kind: f.kind,
				Statement: model.Statement{Value: f.value, Qualifier: f.qualifier}, Period: period, Unit: unit},
			Sources: []model.Citation{{Source: "s1", Quote: f.quote + "q",
				Statement: model.Statement{Value: f.value, Qualifier: f.qualifier}}},
		}
		if f.stretch != 0 {
			s := f.stretch
			r.Stretch = &s
		}
		if r.Kind == model.KindTarget {
			r.Stage = model.StagePlan
		}
		ds.Records = append(ds.Records, r)
	}
	b, err := json.Marshal(ds)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := model.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// option is the part of an ECharts option the tests read.
type option struct {
	Series []struct {
		ID   string            `json:"id"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
	YAxis []struct {
		Data []string `json:"data"`
		Name string   `json:"name"`
	} `json:"yAxis"`
	XAxis []struct {
		Data []string `json:"data"`
	} `json:"xAxis"`
	Grid       []map[string]any `json:"grid"`
	Aria       map[string]any   `json:"aria"`
	Graphic    []map[string]any `json:"graphic"`
	Title      map[string]any   `json:"title"`
	Background string           `json:"backgroundColor"`
}

type dataItem struct {
	Value        any    `json:"value"`
	RegionID     string `json:"regionId"`
	Symbol       string `json:"symbol"`
	SymbolRotate int    `json:"symbolRotate"`
	Label        struct {
		Show      bool   `json:"show"`
		Formatter string `json:"formatter"`
	} `json:"label"`
	Tooltip struct {
		Formatter string `json:"formatter"`
	} `json:"tooltip"`
}

func decode(t *testing.T, raw []byte) option {
	t.Helper()
	var o option
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatalf("option is not JSON: %v", err)
	}
	return o
}

// seriesValues returns a series' values: numbers, "-" for empty, and the
// x value of [x, y] points.
func seriesValues(t *testing.T, o option, id string) (values []any, items []dataItem) {
	t.Helper()
	for _, s := range o.Series {
		if s.ID != id {
			continue
		}
		for _, raw := range s.Data {
			var it dataItem
			if raw[0] != '{' {
				// A bare value: a number, a [x, y] point or "-".
				json.Unmarshal(raw, &it.Value)
			} else if err := json.Unmarshal(raw, &it); err != nil {
				t.Fatalf("series %s: item %s: %v", id, raw, err)
			}
			if pair, ok := it.Value.([]any); ok {
				it.Value = pair[0]
			}
			values = append(values, it.Value)
			items = append(items, it)
		}
		return values, items
	}
	return nil, nil
}

func hasSeries(o option, id string) bool {
	return slices.ContainsFunc(o.Series, func(s struct {
		ID   string            `json:"id"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	}) bool {
		return s.ID == id
	})
}

var growthFigures = []fig{
	{region: "a", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "at_least", quote: "a"},
	{region: "b", metric: "growth", year: 2024, kind: "target", value: 6.5, qualifier: "exact", stretch: 7, quote: "b"},
	{region: "city", metric: "growth", year: 2024, kind: "actual", value: 4.6, qualifier: "exact", quote: "city"},
	{region: "a", metric: "growth", year: 2023, kind: "target", value: 6, qualifier: "about", quote: "a23"},
	{region: "c", metric: "growth", year: 2023, kind: "target", value: 7, qualifier: "exact", quote: "c23"},
	{region: "zn", metric: "growth", year: 2023, kind: "actual", value: 11, qualifier: "exact", period: "h1", quote: "zn"},
	{region: "a", metric: "total", year: 2024, kind: "target", value: 830, qualifier: "above", quote: "at"},
	{region: "c", metric: "total", year: 2024, kind: "actual", value: 6500, qualifier: "above", quote: "ct"},
}

func TestDistrictsSeries(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	tests := []struct {
		name       string
		metric     string
		year       int
		lang       i18n.Lang
		categories []string
		series     map[string][]any
		labels     []string // of the target series
		reference  []string // categories of the reference panel
		missing    []string
	}{
		{
			name: "sorted targets with stretch, city apart", metric: "growth", year: 2024, lang: i18n.EN,
			categories: []string{"Beta", "Alpha"},
			series: map[string][]any{
				"target": {6.5, 5.0}, "stretch": {7.0}, "reference-actual": {4.6},
			},
			labels: []string{"6.5%", "≥5%"}, reference: []string{"City"}, missing: []string{"c"},
		},
		{
			name: "qualifiers in Chinese, half-year neighbour", metric: "growth", year: 2023, lang: i18n.ZH,
			categories: []string{"丙区", "甲区"},
			series:     map[string][]any{"target": {7.0, 6.0}, "reference-actual": {11.0}},
			labels:     []string{"7%", "6%左右"}, reference: []string{"邻区"}, missing: []string{"b"},
		},
		{
			name: "amounts in billions for English readers, results apart from targets", metric: "total", year: 2024, lang: i18n.EN,
			categories: []string{"Gamma", "Alpha"},
			series:     map[string][]any{"target": {"-", 83.0}, "actual": {650.0, "-"}},
			labels:     []string{"", ">83"}, missing: []string{"b"},
		},
		{
			name: "amounts in 亿元 for Chinese readers", metric: "total", year: 2024, lang: i18n.ZH,
			categories: []string{"丙区", "甲区"},
			series:     map[string][]any{"target": {"-", 830.0}, "actual": {6500.0, "-"}},
			labels:     []string{"", "超830亿元"}, missing: []string{"b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, ok := Districts(ds, tt.metric, tt.year, tt.lang)
			if !ok {
				t.Fatal("Districts refused a known metric")
			}
			o := decode(t, sp.Option)
			if !slices.Equal(o.YAxis[0].Data, tt.categories) {
				t.Errorf("categories = %v, want %v", o.YAxis[0].Data, tt.categories)
			}
			for id, want := range tt.series {
				got, _ := seriesValues(t, o, id)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("series %s = %v, want %v", id, got, want)
				}
			}
			for _, id := range []string{"target", "actual", "stretch", "reference", "reference-actual"} {
				if _, want := tt.series[id]; hasSeries(o, id) != want {
					t.Errorf("series %s present = %v, want %v", id, !want, want)
				}
			}
			_, items := seriesValues(t, o, "target")
			for i, want := range tt.labels {
				if items[i].Label.Formatter != want {
					t.Errorf("label %d = %q, want %q", i, items[i].Label.Formatter, want)
				}
			}
			if tt.reference != nil && (len(o.YAxis) != 2 || !slices.Equal(o.YAxis[1].Data, tt.reference)) {
				t.Errorf("reference panel = %+v, want categories %v", o.YAxis, tt.reference)
			}
			if tt.reference == nil && len(o.YAxis) != 1 {
				t.Errorf("got %d panels, want one", len(o.YAxis))
			}
			if !slices.Equal(sp.Missing, tt.missing) {
				t.Errorf("missing = %v, want %v", sp.Missing, tt.missing)
			}
		})
	}
}

func TestMissingRegionsAreNotDrawnAsZero(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, _ := Districts(ds, "growth", 2024, i18n.EN)
	o := decode(t, sp.Option)
	for _, s := range o.Series {
		for _, raw := range s.Data {
			if bytes.Contains(raw, []byte(`"regionId":"c"`)) {
				t.Errorf("series %s draws region c, which has no figure", s.ID)
			}
		}
	}
	if !strings.Contains(sp.Subtitle, "Not found in our sources: Gamma") {
		t.Errorf("subtitle %q does not list the missing district", sp.Subtitle)
	}
	if !strings.Contains(sp.Description, "Not found in our sources: Gamma.") {
		t.Errorf("description %q does not list the missing district", sp.Description)
	}
	last := sp.Rows[len(sp.Rows)-1]
	if last.Region != "c" || last.Record != "" {
		t.Errorf("last row = %+v, want region c without a record", last)
	}
}

func TestDistrictsWithoutFigures(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, ok := Districts(ds, "growth", 2019, i18n.EN)
	if !ok {
		t.Fatal("Districts refused a year without figures")
	}
	o := decode(t, sp.Option)
	if len(o.Series) != 0 || len(o.Graphic) != 1 {
		t.Fatalf("option = %s, want no series and one message", sp.Option)
	}
	if len(sp.Missing) != 3 {
		t.Errorf("missing = %v, want all three districts", sp.Missing)
	}
	if _, ok := Districts(ds, "gpd", 2024, i18n.EN); ok {
		t.Error("Districts accepted an unknown metric")
	}
}

// TestYears checks the years view: one small chart per region with
// figures, each with a target line and a result line across every year,
// with breaks where a year has none.
func TestYears(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, ok := Years(ds, "growth", i18n.EN)
	if !ok {
		t.Fatal("Years refused a known metric")
	}
	o := decode(t, sp.Option)
	if len(o.Grid) != 5 || len(o.XAxis) != 5 || fmt.Sprint(o.XAxis[0].Data) != "[2023 2024]" {
		t.Fatalf("grids %d, x axes %v, want one small chart per region (a, b, c, the city and the neighbour have figures)", len(o.Grid), o.XAxis)
	}
	targets, _ := seriesValues(t, o, "target-0")
	results, _ := seriesValues(t, o, "actual-0")
	if fmt.Sprint(targets) != "[6 5]" || fmt.Sprint(results) != "[- -]" {
		t.Errorf("Alpha: targets %v results %v, want [6 5] and none", targets, results)
	}
	if !strings.Contains(sp.Description, "Alpha: 2023 about 6% (plan target), 2024 at least 5% (plan target)") {
		t.Errorf("description %q", sp.Description)
	}
	if _, ok := Years(ds, "gpd", i18n.EN); ok {
		t.Error("Years accepted an unknown metric")
	}
}

// TestYearsShareOneScale draws growth rates one of which falls below 0:
// every small chart has the same axis, from a round step below that
// figure to one above the highest, its labels a whole step apart.
func TestYearsShareOneScale(t *testing.T) {
	ds := synthetic(t, append(growthFigures,
		fig{region: "b", metric: "growth", year: 2023, kind: "actual", value: -9.5, qualifier: "exact", quote: "b23"})...)
	sp, _ := Years(ds, "growth", i18n.EN)
	var o struct {
		YAxis []struct{ Min, Max, Interval float64 }
	}
	if err := json.Unmarshal(sp.Option, &o); err != nil || len(o.YAxis) < 2 {
		t.Fatalf("%v: %s", err, sp.Option)
	}
	for _, y := range o.YAxis {
		if y != o.YAxis[0] {
			t.Errorf("axes %+v and %+v differ", y, o.YAxis[0])
		}
	}
	if y := o.YAxis[0]; y.Min > -9.5 || y.Max < 11 || y.Interval <= 0 || math.Mod(y.Max-y.Min, y.Interval) != 0 {
		t.Errorf("axis %+v, want whole steps from below -9.5 to above 11", y)
	}
}

// TestYearsLeaveOutHalfAmounts draws a region's amount with full years
// and a first half: the first half, about half a year's, is not on the
// line (it read as a fall by half), and a district with only a first half
// is not listed as without figures. A first-half growth rate stays, as a
// hollow mark the chart's rule explains.
func TestYearsLeaveOutHalfAmounts(t *testing.T) {
	ds := synthetic(t, append(growthFigures,
		fig{region: "c", metric: "total", year: 2025, kind: "actual", value: 3300, qualifier: "exact", period: "h1", quote: "c25"},
		fig{region: "b", metric: "total", year: 2025, kind: "actual", value: 400, qualifier: "exact", period: "h1", quote: "b25"},
	)...)
	sp, _ := Years(ds, "total", i18n.EN)
	for _, r := range sp.Rows {
		if strings.HasSuffix(r.Record, "-h1") {
			t.Errorf("the years view draws the first-half amount %s", r.Record)
		}
	}
	if slices.Contains(sp.Missing, "b") {
		t.Errorf("missing %v lists Beta, which has a first-half amount", sp.Missing)
	}
	growth, _ := Years(ds, "growth", i18n.EN)
	if !slices.ContainsFunc(growth.Rows, func(r spec.Row) bool { return r.Record == "zn-2023-growth-actual-h1" }) {
		t.Errorf("the years view of growth leaves out the first-half growth rate: %v", growth.Rows)
	}
	if growth.Rule == "" || sp.Rule != "" {
		t.Errorf("rules %q (growth, with a hollow mark) and %q (amounts, without), want one saying what a hollow mark is, and none", growth.Rule, sp.Rule)
	}
}

func TestProfile(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, ok := Profile(ds, "a", "growth", i18n.EN)
	if !ok {
		t.Fatal("Profile refused a region with figures")
	}
	o := decode(t, sp.Option)
	if want := []string{"2023", "2024"}; !slices.Equal(o.XAxis[0].Data, want) {
		t.Errorf("columns = %v, want %v", o.XAxis[0].Data, want)
	}
	// The series' data is in the layouts only, the default first.
	var layouts struct {
		Series []struct{ Data any }
		Media  []struct {
			Query  any
			Option struct {
				Series []struct {
					ID   string
					Data []item
				}
			}
		}
	}
	if err := json.Unmarshal(sp.Option, &layouts); err != nil || len(layouts.Media) != 2 || layouts.Media[0].Query != nil {
		t.Fatalf("want the default layout and the narrow one (%v): %s", err, sp.Option)
	}
	for _, s := range layouts.Series {
		if s.Data != nil {
			t.Errorf("the option's root has data %v, which its layouts give", s.Data)
		}
	}
	var target []any
	for _, s := range layouts.Media[0].Option.Series {
		for _, it := range s.Data {
			if s.ID == "target" {
				target = append(target, it.Value)
			}
		}
	}
	if fmt.Sprint(target) != "[6 5]" {
		t.Errorf("targets = %v, want [6 5]", target)
	}
	if _, ok := Profile(ds, "b", "total", i18n.EN); ok {
		t.Error("Profile drew a metric the region has no figure for")
	}
	if _, ok := Profile(ds, "nowhere", "growth", i18n.EN); ok {
		t.Error("Profile drew an unknown region")
	}
}

// TestTextFromDataIsEscaped feeds names and quotes with markup and quotes
// and checks that tooltips carry them as text, and that the option JSON is
// safe to put inside HTML.
func TestTextFromDataIsEscaped(t *testing.T) {
	ds := synthetic(t, fig{region: "a", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "exact",
		quote: `<script>alert("x")</script> {b}`})
	ds.Regions[0].Name.EN = `<img src=x onerror="alert(1)">`
	ds.Sources[0].Outlet.EN = `"Daily" & <b>Co</b>`
	for _, sp := range specsOf(t, ds) {
		if bytes.Contains(sp.Option, []byte("<")) || bytes.Contains(sp.Option, []byte(">")) {
			t.Errorf("%s: raw < or > in the option JSON", sp.Slug)
		}
		o := decode(t, sp.Option)
		for _, s := range o.Series {
			for _, raw := range s.Data {
				var it dataItem
				json.Unmarshal(raw, &it)
				tip := it.Tooltip.Formatter
				if tip == "" {
					continue
				}
				if strings.Contains(tip, "<script") || strings.Contains(tip, "<img") || strings.Contains(tip, "<b>Co") || strings.Contains(tip, "{b}") {
					t.Errorf("%s: unescaped data in tooltip %q", sp.Slug, tip)
				}
				for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;img src=x", "&#34;Daily&#34; &amp; &lt;b&gt;Co"} {
					if !strings.Contains(tip, want) {
						t.Errorf("%s: tooltip %q lacks %q", sp.Slug, tip, want)
					}
				}
			}
		}
	}
}

// TestTooltipShowsTheSentence shows a quote in bold within its sentence,
// escaped, where the source's text is kept, and alone where it is not.
func TestTooltipShowsTheSentence(t *testing.T) {
	ds := synthetic(t, fig{region: "a", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "exact", quote: "growth of 5%"},
		fig{region: "b", metric: "growth", year: 2024, kind: "target", value: 4, qualifier: "exact", quote: "growth of 4%"})
	ds.Records[0].Sources[0].Sentence = "Alpha <i>aims</i> for growth of 5%q, and more."
	tips := map[string]string{}
	sp, _ := Districts(ds, "growth", 2024, i18n.EN)
	for _, s := range decode(t, sp.Option).Series {
		for _, raw := range s.Data {
			var it dataItem
			json.Unmarshal(raw, &it)
			tips[it.RegionID] = it.Tooltip.Formatter
		}
	}
	if want := "<q>Alpha &lt;i&gt;aims&lt;/i&gt; for <b>growth of 5%q</b>, and more.</q>"; !strings.Contains(tips["a"], want) {
		t.Errorf("tooltip %q lacks the sentence %q", tips["a"], want)
	}
	if want := "<q><b>growth of 4%q</b></q>"; !strings.Contains(tips["b"], want) {
		t.Errorf("tooltip %q lacks the quote alone %q", tips["b"], want)
	}
}

func specsOf(t *testing.T, ds *model.Dataset) []spec.Spec {
	t.Helper()
	d, _ := Districts(ds, "growth", 2024, i18n.EN)
	y, _ := Years(ds, "growth", i18n.EN)
	p, _ := Profile(ds, "a", "growth", i18n.EN)
	return []spec.Spec{d, y, p}
}

func TestAriaAndExport(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	for _, sp := range specsOf(t, ds) {
		o := decode(t, sp.Option)
		label, _ := o.Aria["label"].(map[string]any)
		if o.Aria["enabled"] != true || label["description"] != sp.Description || sp.Description == "" {
			t.Errorf("%s: aria = %v, want enabled with the description", sp.Slug, o.Aria)
		}
		if o.Title["text"] != nil {
			t.Errorf("%s: the screen option has a title; the page shows it", sp.Slug)
		}
		if o.Background != "transparent" {
			t.Errorf("%s: the screen background is %q; the page's should show through", sp.Slug, o.Background)
		}
		var e struct {
			Title      []map[string]any `json:"title"`
			Graphic    []map[string]any `json:"graphic"`
			Background string           `json:"backgroundColor"`
		}
		if err := json.Unmarshal(sp.Export, &e); err != nil {
			t.Fatalf("%s: the export patch is not JSON: %v", sp.Slug, err)
		}
		if e.Background != "#ffffff" {
			t.Errorf("%s: a downloaded image's background is %q, want white", sp.Slug, e.Background)
		}
		if len(e.Title) == 0 || e.Title[len(e.Title)-1]["text"] != sp.Title || len(e.Graphic) == 0 {
			t.Errorf("%s: export lacks the title or the credit line", sp.Slug)
		}
		if !strings.Contains(fmt.Sprint(e.Graphic), "Sources: Daily, 19 Feb 2024") {
			t.Errorf("%s: export credit = %v", sp.Slug, e.Graphic)
		}
	}
}

func TestCSV(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, _ := Districts(ds, "total", 2024, i18n.EN)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(CSV(ds, sp), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || !slices.Equal(rows[0], csvColumns) {
		t.Fatalf("rows = %v, want the header, two figures and one missing district", rows)
	}
	if want := []string{"c", "Gamma", "total", "Total", "2024", "year", "actual", "6500", "above", "", "cny_100m", "", "Daily, 19 Feb 2024 (s1)", "ctq", "", "", "", "", "", "", "100 million yuan", "650"}; !slices.Equal(rows[1], want) {
		t.Errorf("row 1 = %q, want %q", rows[1], want)
	}
	if rows[2][14] != "plan (adopted by the congress)" {
		t.Errorf("row 2's stage = %q, want the plan in words", rows[2][14])
	}
	if rows[3][0] != "b" || rows[3][7] != "" || rows[3][12] != "not found in our sources" {
		t.Errorf("row 3 = %q, want region b with no value, not found in our sources", rows[3])
	}
	all, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(DatasetCSV(ds, i18n.ZH), []byte("\ufeff")))).ReadAll()
	if err != nil || len(all) != len(growthFigures)+1 {
		t.Fatalf("dataset CSV: %d rows, err %v; want one per record plus the header", len(all), err)
	}
	if h := all[0]; len(h) != len(csvColumns)-1 || h[1] != "地区" || h[7] != "数值" || h[20] != "单位" {
		t.Errorf("Chinese header = %q, want Chinese names and no column in billion yuan", h)
	}
	for _, row := range all[1:] {
		if row[2] == "total" && (row[1] == "" || row[1][0] < 0x80 || row[20] != "亿元") {
			t.Errorf("Chinese row = %q, want the region's Chinese name and the unit 亿元", row)
		}
	}
}

func TestNiceMaxAndWrap(t *testing.T) {
	for v, want := range map[float64]any{11: 15.0, 6.5: 8.0, 36.5: 40.0, 200: 200.0, 0: nil} {
		if got := niceMax(v); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("niceMax(%v) = %v, want %v", v, got, want)
		}
	}
	if got := wrap("one two three four", 9); got != "one two\nthree\nfour" {
		t.Errorf("wrap = %q", got)
	}
}

// TestStretchGoalHasItsOwnLabel checks that a bar with a stretch goal
// keeps its label inside, leaving the space past it to the diamond and
// the diamond's own label.
func TestStretchGoalHasItsOwnLabel(t *testing.T) {
	ds := synthetic(t, growthFigures...)
	sp, _ := Districts(ds, "growth", 2024, i18n.ZH)
	o := decode(t, sp.Option)
	_, bars := seriesValues(t, o, "target")
	_, diamonds := seriesValues(t, o, "stretch")
	if len(diamonds) != 1 || diamonds[0].Label.Formatter != "力争7%" {
		t.Fatalf("stretch labels = %+v, want one reading 力争7%%", diamonds)
	}
	if !strings.Contains(string(sp.Option), `"position":"insideRight"`) || bars[0].Label.Formatter != "6.5%" {
		t.Errorf("the stretched bar's label is %q and not inside the bar", bars[0].Label.Formatter)
	}
}

// TestAboveCity checks the words for a district's target against the
// city's, one point singular in English.
func TestAboveCity(t *testing.T) {
	ds := realDataset(t)
	pct := func(v float64) *model.Record {
		return &model.Record{Figure: model.Figure{Unit: "pct", Statement: model.Statement{Value: v}}}
	}
	city := pct(5)
	for _, c := range []struct {
		value float64
		lang  i18n.Lang
		want  string
	}{
		{6, i18n.EN, "1 point above the city's target"},
		{7, i18n.EN, "2 points above the city's target"},
		{5.5, i18n.EN, "0.5 points above the city's target"},
		{4, i18n.EN, "1 point below the city's target"},
		{5, i18n.EN, "same as the city's target"},
		{6, i18n.ZH, "比全市目标高1个百分点"},
		{3.5, i18n.ZH, "比全市目标低1.5个百分点"},
	} {
		if got := newBuilder(ds, c.lang).aboveCity(pct(c.value), city); got != c.want {
			t.Errorf("%g against 5, %s: %q, want %q", c.value, c.lang, got, c.want)
		}
	}
}

// TestCascadeLabelPastTheResult checks every published cascade: where a
// region's result dot lies at or past its bar's end, the dot carries the
// bar's label (shown right of it), and the bar's is hidden; elsewhere the
// bar keeps it and the dot has none.
func TestCascadeLabelPastTheResult(t *testing.T) {
	ds := realDataset(t)
	moved := 0
	for _, sp := range Catalogue(ds) {
		if sp.ChartType != spec.ChartCascade {
			continue
		}
		var o struct {
			Series []struct {
				ID   string `json:"id"`
				Data []item `json:"data"`
			} `json:"series"`
		}
		if err := json.Unmarshal(sp.Option, &o); err != nil {
			t.Fatal(err)
		}
		bars := map[string]item{}
		var dots []item
		for _, s := range o.Series {
			for _, it := range s.Data {
				switch {
				case s.ID == "result":
					dots = append(dots, it)
				case it.Label != nil:
					bars[it.RegionID] = it
				}
			}
		}
		for _, dot := range dots {
			bar := bars[dot.RegionID]
			past := dot.Value.([]any)[0].(float64) >= bar.Value.(float64)
			if past {
				moved++
			}
			if dot.Label.Show != past || bar.Label.Show == past || dot.Label.Formatter != bar.Label.Formatter && past {
				t.Errorf("%s/%s: %s's result %v against its bar %v: label on the dot %+v, on the bar %+v", sp.Lang, sp.Slug, dot.RegionID, dot.Value, bar.Value, *dot.Label, *bar.Label)
			}
		}
	}
	if moved == 0 {
		t.Error("no cascade has a result past its bar: the test proves nothing")
	}
}

// TestCascadeCityLineInTheLegend checks that the legend names the dashed
// line of the city's target, drawn as a dashed line there, and that the
// line carries no label of its own on the value axis.
func TestCascadeCityLineInTheLegend(t *testing.T) {
	ds := realDataset(t)
	sp, ok := Cascade(ds, "gdp_growth", 2023, i18n.EN)
	if !ok {
		t.Fatal("no cascade of GDP growth in 2023")
	}
	var o struct {
		Legend struct{ Data []string } `json:"legend"`
		Series []struct {
			ID        string `json:"id"`
			Type      string `json:"type"`
			Data      []any  `json:"data"`
			LineStyle struct {
				Type string `json:"type"`
			} `json:"lineStyle"`
			MarkLine *struct {
				Label struct{ Show bool } `json:"label"`
			} `json:"markLine"`
		} `json:"series"`
	}
	if err := json.Unmarshal(sp.Option, &o); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(o.Legend.Data, "City's target") {
		t.Errorf("the legend %+v does not name the city's target", o.Legend)
	}
	lines, keys := 0, 0
	for _, s := range o.Series {
		if s.MarkLine != nil {
			lines++
			if s.MarkLine.Label.Show {
				t.Error("the city's line has a label of its own")
			}
		}
		if s.ID == "city" && s.Type == "line" && len(s.Data) == 0 && s.LineStyle.Type == "dashed" {
			keys++
		}
	}
	if lines != 1 || keys != 1 {
		t.Errorf("%d lines of the city's target, %d dashed legend keys; want 1 and 1", lines, keys)
	}
}

// TestStaggerLabels raises a target's label where its year also has a
// result, by a line and by as much as the result's bar may stand higher;
// alone, or inside its bar, a label stays.
func TestStaggerLabels(t *testing.T) {
	bar := func(v any, position string) item {
		return item{Value: v, Label: &itemLabel{Show: true, Position: position}}
	}
	tests := []struct {
		name           string
		target, actual item
		top            item // another year's result, the largest value
		want           []int
	}{
		{"result higher", bar(3000.0, "top"), bar(3156.37, "top"), bar(3312.01, "top"), []int{0, -14 - 9}},
		{"target higher", bar(20.0, "top"), bar(5.8, "top"), bar(5.0, "top"), []int{0, -14}},
		{"no result", bar(3000.0, "top"), bar(empty, ""), bar(3312.01, "top"), nil},
		{"inside its bar", bar(5.0, "insideTop"), bar(5.5, "top"), bar(6.0, "top"), nil},
	}
	for _, tt := range tests {
		targets, actuals := []item{tt.target, bar(empty, "")}, []item{tt.actual, tt.top}
		staggerLabels(targets, actuals)
		if got := targets[0].Label.Offset; fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: offset %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestProfileScale checks the value axis of a profile's narrow layout:
// two round steps that hold every value, negative ones too.
func TestProfileScale(t *testing.T) {
	bars := func(values ...any) []charts.SingleSeries {
		var data []item
		for _, v := range values {
			data = append(data, item{Value: v})
		}
		return []charts.SingleSeries{{Data: data}}
	}
	tests := []struct {
		name   string
		series []charts.SingleSeries
		want   string
	}{
		{"growth", bars(7.0, 8.1, empty, 5.5), "min 0 max 10 interval 5"},
		{"output", bars(3000.0, 3156.37, 3312.01), "min 0 max 4000 interval 2000"},
		{"a fall", bars(-9.4, 12.0), "min -12.5 max 12.5 interval 12.5"},
		{"a stretch goal beyond", bars(6.5, []any{"2023", 7.0}), "min 0 max 8 interval 4"},
		{"no value", bars(empty), "min <nil> max <nil> interval <nil>"},
	}
	for _, tt := range tests {
		axis := profileScale(tt.series)
		if got := fmt.Sprintf("min %v max %v interval %v", axis["min"], axis["max"], axis["interval"]); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestProfileNarrowLayout checks every published profile's narrow layout:
// as tall as its years need, the years down the side in the wide
// layout's order, every label after its bar and no longer raised, a
// stretch goal's point with its coordinates swapped.
func TestProfileNarrowLayout(t *testing.T) {
	type axis struct {
		Type string   `json:"type"`
		Data []string `json:"data"`
	}
	type media struct {
		Query  map[string]any `json:"query"`
		Option struct {
			XAxis  []axis `json:"xAxis"`
			YAxis  []axis `json:"yAxis"`
			Series []struct {
				ID   string `json:"id"`
				Data []item `json:"data"`
			} `json:"series"`
		} `json:"option"`
	}
	for _, sp := range Catalogue(realDataset(t)) {
		if sp.ChartType != spec.ChartProfile {
			continue
		}
		var o struct {
			Media []media `json:"media"`
		}
		if err := json.Unmarshal(sp.Option, &o); err != nil || len(o.Media) != 2 {
			t.Fatalf("%s/%s: %d media entries (%v), want the wide and the narrow layout", sp.Lang, sp.Slug, len(o.Media), err)
		}
		wide, narrow := o.Media[0].Option, o.Media[1].Option
		years := wide.XAxis[0].Data
		if h := max(sp.NarrowHeight, sp.Height); h != profileNarrowHeight(len(years)) || h < profileFrame+profileBand*len(years) {
			t.Errorf("%s/%s: %d px high on a phone for %d years", sp.Lang, sp.Slug, h, len(years))
		}
		if narrow.YAxis[0].Type != "category" || !slices.Equal(narrow.YAxis[0].Data, years) || narrow.XAxis[0].Type != "value" {
			t.Errorf("%s/%s: narrow axes %+v and %+v, want the years %q down the side", sp.Lang, sp.Slug, narrow.YAxis, narrow.XAxis, years)
		}
		for i, s := range narrow.Series {
			for j, it := range s.Data {
				if it.Label == nil {
					continue
				}
				if !strings.HasSuffix(strings.ToLower(it.Label.Position), "right") || it.Label.Offset != nil {
					t.Errorf("%s/%s: %s's label %q at %q, offset %v", sp.Lang, sp.Slug, s.ID, it.Label.Formatter, it.Label.Position, it.Label.Offset)
				}
				if point, ok := it.Value.([]any); ok && fmt.Sprint(point[1]) != fmt.Sprint(wide.Series[i].Data[j].Value.([]any)[0]) {
					t.Errorf("%s/%s: the stretch goal at %v, want its year second", sp.Lang, sp.Slug, point)
				}
			}
		}
	}
}
