package chart

import (
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
	series := nonEmpty(
		charts.SingleSeries{Id: "target", Name: b.t("series.target"), Type: "bar", Data: column(model.KindTarget), BarMaxWidth: "36", Color: colorTarget},
		charts.SingleSeries{Id: "actual", Name: b.t("series.actual"), Type: "bar", Data: column(model.KindActual), BarMaxWidth: "36", Color: colorActual},
		b.profileStretch(rows),
	)
	var legend []string
	for _, s := range series {
		legend = append(legend, s.Name)
	}
	bar.MultiSeries = append(bar.MultiSeries, series...)
	return encode(bar, map[string]any{"tooltip": tooltipOption(), "legend": legendOption(legend)})
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
