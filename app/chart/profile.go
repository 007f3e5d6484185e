package chart

import (
	"math"
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Profile builds the small chart of one region's figures for one metric
// over the years: a column per year (and per half-year), targets and
// results side by side, stretch goals as diamonds. It reports false when
// the region or the metric is unknown or the region has no such figure.
func Profile(ds *model.Dataset, regionID, metricID string, lang i18n.Lang) (spec.Spec, bool) {
	region, okR := ds.Region(regionID)
	metric, okM := ds.Metric(metricID)
	records := ds.Trend(regionID, metricID)
	if !okR || !okM || len(records) == 0 {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	var rows []row
	for i := range records {
		rows = append(rows, row{Region: region, Metric: metric, Year: records[i].Year, Record: &records[i]})
	}
	sp := spec.Spec{
		ChartType:   spec.ChartProfile,
		Slug:        spec.ProfileSlug(regionID, metricID),
		Lang:        lang,
		Metric:      metricID,
		Region:      regionID,
		Title:       metric.Name.In(string(lang)) + " · " + b.regionName(region),
		Subtitle:    b.t("chart.unit", i18n.UnitLabel(metric.Unit, lang)),
		Description: b.profileDescription(region, metric, rows),
		Height:      spec.HeightSmall,
		Rows:        specRows(rows),
		Sources:     sourcesOf(rows),
	}
	if h := profileNarrowHeight(len(b.profileYears(rows))); h != sp.Height {
		sp.NarrowHeight = h
	}
	sp.Option = b.profileOption(sp, metric, rows)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

func (b builder) profileDescription(region model.Region, metric model.Metric, rows []row) string {
	items := make([]string, len(rows))
	for i, r := range rows {
		items[i] = b.t("chart.desc.item", b.w.Year(*r.Record), b.w.Describe(*r.Record))
	}
	return b.t("chart.desc.profile", b.regionName(region), metric.Name.In(string(b.lang)), strings.Join(items, b.w.ItemSep())+b.w.SentenceEnd())
}

// profileOption draws one column per year, targets and results side by
// side, and on a phone a row per year (profileMedia).
func (b builder) profileOption(sp spec.Spec, metric model.Metric, rows []row) []byte {
	bar := newBase(sp.Description)
	cats := b.profileYears(rows)
	bar.GridList = []opts.Grid{{Left: "8", Right: "24", Top: itoa(legendSpace + 8), Bottom: "8", ContainLabel: opts.Bool(true)}}
	bar.XAxisList = []opts.XAxis{{Type: "category", Data: cats}}
	// The unit starts at the axis: centred on it, a long one ("billion
	// yuan") reached past the chart's left edge over short axis labels.
	values := []any{map[string]any{
		"type": "value", "name": i18n.UnitLabel(metric.Unit, b.lang), "nameTextStyle": map[string]any{"align": "left"},
	}}
	targets, actuals := b.profileColumn(rows, cats, model.KindTarget), b.profileColumn(rows, cats, model.KindActual)
	staggerLabels(targets, actuals)
	series := nonEmpty(
		charts.SingleSeries{Id: "target", Name: b.t("series.target"), Type: "bar", Data: targets, BarMaxWidth: "36", Color: colorTarget},
		charts.SingleSeries{Id: "actual", Name: b.t("series.actual"), Type: "bar", Data: actuals, BarMaxWidth: "36", Color: colorActual},
		b.profileStretch(rows),
	)
	var legend []string
	for _, s := range series {
		legend = append(legend, s.Name)
	}
	bar.MultiSeries = append(bar.MultiSeries, series...)
	media := profileMedia(bar, values)
	// The data is in each layout, one of which always applies.
	for i := range bar.MultiSeries {
		bar.MultiSeries[i].Data = nil
	}
	return encode(bar, map[string]any{
		"tooltip": tooltipOption(), "legend": legendOption(legend),
		"yAxis": values, "media": media,
	})
}

// profileYears are the profile's columns: each year, and each half-year,
// with figures, in the records' order.
func (b builder) profileYears(rows []row) []string {
	var cats []string
	for _, r := range rows {
		if label := b.w.Year(*r.Record); !slices.Contains(cats, label) {
			cats = append(cats, label)
		}
	}
	return cats
}

// profileColumn is the bars of one kind of figure, one per column, each
// labelled with its value; a year's first record is its preferred one:
// the plan before the pledge, the final result before an estimate.
func (b builder) profileColumn(rows []row, cats []string, kind string) []item {
	data := make([]item, len(cats))
	for i := range data {
		data[i] = item{Value: empty}
	}
	for _, r := range rows {
		c := slices.Index(cats, b.w.Year(*r.Record))
		if r.Record.Kind != kind || data[c].Value != empty {
			continue
		}
		it := b.figureItem(r, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
		it.Label.Position, it.Label.Formatter = "top", b.w.YearMark(*r.Record)
		if r.Record.Stretch != nil {
			insideLabel(&it, "insideTop")
		}
		data[c] = it
	}
	return data
}

// The narrow layout of a profile (a phone, a narrow embed) turns it on its
// side: the years down the axis, each a band of profileBand pixels for
// its two bars, and the labels after the bars' ends. Side by side on a
// phone, a year's column was narrower than its labels, which lay over the
// next year's. profileFrame is the rest of the chart's height: the legend,
// the margins and the value axis's labels.
const (
	profileBand    = 40
	profileFrame   = legendSpace + 8 + 8 + 24
	profileMaxRoom = 140 // right of the bars, for the value labels, at most
	profileMinRoom = 48
	labelDistance  = 5 // ECharts' default, from a bar's end to its label
)

// profileNarrowHeight is the height of a profile of years columns in the
// narrow layout: no less than the wide layout's.
func profileNarrowHeight(years int) int {
	return max(spec.HeightSmall, profileFrame+profileBand*years)
}

// profileMedia is ECharts' media list for a profile: the wide layout as
// the default, which ECharts needs to restore it when the chart grows
// again, and the narrow layout under a width query. Each entry is a whole
// layout, axes and data: the axes swap their types, and the labels their
// places.
func profileMedia(bar *charts.Bar, values []any) []any {
	wide := map[string]any{
		"grid": bar.GridList, "xAxis": bar.XAxisList, "yAxis": values,
		"series": profileSeriesData(bar.MultiSeries, func(it item) item { return it }),
	}
	room := profileMinRoom
	narrowSeries := profileSeriesData(bar.MultiSeries, func(it item) item {
		it = sideways(it)
		room = max(room, textWidth(it.Label.Formatter)*labelCharWidth/2+labelGap)
		return it
	})
	room = min(room, profileMaxRoom)
	for _, s := range narrowSeries {
		s["label"] = map[string]any{"width": room - labelDistance, "overflow": "break", "lineHeight": 13}
	}
	narrow := map[string]any{
		"grid":   []map[string]any{{"left": "8", "right": itoa(room), "top": itoa(legendSpace + 8), "bottom": "8"}},
		"xAxis":  []any{profileScale(bar.MultiSeries)},
		"yAxis":  []opts.YAxis{{Type: "category", Data: bar.XAxisList[0].Data, Inverse: opts.Bool(true)}},
		"series": narrowSeries,
	}
	return []any{
		map[string]any{"option": wide},
		map[string]any{"query": map[string]any{"maxWidth": narrowWidth}, "option": narrow},
	}
}

// profileScale is the value axis of a profile's narrow layout, in two
// round steps from zero or across it: on a phone the bars have about a
// hundred pixels, and ECharts' own five or six steps put their labels
// ("2,000", "3,000") over each other.
func profileScale(series []charts.SingleSeries) map[string]any {
	lo, hi := 0.0, 0.0
	for _, s := range series {
		items, _ := s.Data.([]item)
		for _, it := range items {
			v, ok := it.Value.(float64)
			if point, isPoint := it.Value.([]any); isPoint && len(point) == 2 {
				v, ok = point[1].(float64)
			}
			if ok {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	return roundScale(lo, hi)
}

// roundScale is a value axis from lo to hi, which hold 0, in two round
// steps (three where the steps fall across 0): ECharts' own steps fit
// its labels to a larger chart.
func roundScale(lo, hi float64) map[string]any {
	span, _ := niceMax(hi - lo).(float64)
	if span == 0 {
		return map[string]any{"type": "value"}
	}
	step := span / 2
	return map[string]any{
		"type": "value", "interval": step,
		"min": math.Floor(lo/step) * step, "max": math.Ceil(hi/step) * step,
	}
}

// profileSeriesData is each series' id and data, each item as lay makes
// it, for a media entry.
func profileSeriesData(series []charts.SingleSeries, lay func(item) item) []map[string]any {
	out := make([]map[string]any, len(series))
	for i, s := range series {
		items, _ := s.Data.([]item)
		data := make([]item, len(items))
		for j, it := range items {
			data[j] = it
			if it.Label != nil {
				data[j] = lay(it)
			}
		}
		out[i] = map[string]any{"id": s.Id, "data": data}
	}
	return out
}

// sideways is an item of a profile turned on its side: its label after
// the bar's end, or inside it at the end, and no longer raised over its
// neighbour's; a stretch goal's point has its coordinates swapped.
func sideways(it item) item {
	label := *it.Label
	label.Offset = nil
	switch label.Position {
	case "insideTop":
		label.Position = "insideRight"
	default:
		label.Position = "right"
	}
	it.Label = &label
	if point, ok := it.Value.([]any); ok && len(point) == 2 {
		it.Value = []any{point[1], point[0]}
	}
	return it
}

// Room of a profile's value labels: a line's height, and about how high
// the bars may grow, at most: the chart's height less the legend, the
// grid's margins and the axis labels.
const (
	profileLabelLine = 14
	profilePlot      = spec.HeightSmall - legendSpace - 16 - 20
)

// staggerLabels raises a target's label above its bar where its year also
// has a result: side by side, the two bars are narrower than their labels,
// which lay over each other ("超6,500亿元" over "6,551.26亿元"). It is
// raised by a line and by as much as the result's bar may stand above the
// target's, reckoned as if the axis ended at the largest value (ECharts
// rounds it up, so the bars are no taller than that). A label inside its
// bar (a target with a stretch goal) stays.
func staggerLabels(targets, actuals []item) {
	top := 0.0
	for _, column := range [][]item{targets, actuals} {
		for _, it := range column {
			if v, ok := it.Value.(float64); ok {
				top = max(top, v)
			}
		}
	}
	for i := range targets {
		t, tok := targets[i].Value.(float64)
		a, aok := actuals[i].Value.(float64)
		if !tok || !aok || top <= 0 || targets[i].Label.Position != "top" {
			continue
		}
		above := int(math.Ceil(max(0, a-t) / top * profilePlot))
		targets[i].Label.Offset = []int{0, -profileLabelLine - above}
	}
}

// profileStretch marks the stretch goals above their year's column.
func (b builder) profileStretch(rows []row) charts.SingleSeries {
	var data []item
	for _, r := range rows {
		if r.Record.Stretch == nil {
			continue
		}
		it := b.figureItem(r, []any{b.w.Year(*r.Record), i18n.Display(*r.Record.Stretch, r.Record.Unit, b.lang)})
		it.Label = b.stretchLabel(r.Record, "top")
		data = append(data, it)
	}
	return charts.SingleSeries{Id: "stretch", Name: b.t("series.stretch"), Type: "scatter", Data: data, Symbol: "diamond", SymbolSize: 14, Color: colorStretch}
}
