package chart

import (
	"math"
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

// profileOption draws one column per year, and returns its grid for the
// export.
func (b builder) profileOption(sp spec.Spec, metric model.Metric, rows []row) []byte {
	bar := newBase(sp.Description)
	var cats []string
	col := map[string]int{}
	for _, r := range rows {
		label := b.w.Year(*r.Record)
		if _, ok := col[label]; !ok {
			col[label] = len(cats)
			cats = append(cats, label)
		}
	}
	bar.GridList = []opts.Grid{{Left: "8", Right: "24", Top: itoa(legendSpace + 8), Bottom: "8", ContainLabel: opts.Bool(true)}}
	bar.XAxisList = []opts.XAxis{{Type: "category", Data: cats}}
	bar.YAxisList = []opts.YAxis{{Type: "value", Name: i18n.UnitLabel(metric.Unit, b.lang)}}
	column := func(kind string) []item {
		data := make([]item, len(cats))
		for i := range data {
			data[i] = item{Value: empty}
		}
		for _, r := range rows {
			if r.Record.Kind == kind {
				it := b.figureItem(r, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
				it.Label.Position = "top"
				if r.Record.Stretch != nil {
					insideLabel(&it, "insideTop")
				}
				// A year's first record is its preferred one: the plan
				// before the pledge, the final result before an estimate.
				if c := col[b.w.Year(*r.Record)]; data[c].Value == empty {
					data[c] = it
				}
			}
		}
		return data
	}
	targets, actuals := column(model.KindTarget), column(model.KindActual)
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
	return encode(bar, map[string]any{"tooltip": tooltipOption(), "legend": legendOption(legend)})
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
