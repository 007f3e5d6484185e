package chart

import (
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Small multiples of the years view: one small chart per region, in
// columns of this many (fewer on a phone), each cell this many pixels high.
const (
	yearsColumns       = 3
	yearsNarrowColumns = 2
	yearsCellNarrow    = 150
	yearsTitleRoom     = 22
	// yearsNarrowName is the most a small chart's name may take in the
	// narrow layout, whose columns are 180 px wide at the narrowest.
	yearsNarrowName = 150
)

// regionYears is one region's primary target and result in each year.
type regionYears struct {
	region  model.Region
	targets []*model.Record
	results []*model.Record
}

// Years builds the years view: one small chart per region with figures,
// across every year the metric has, with the targets (blue squares, a
// solid line) and the results (orange circles, a dashed line) as two
// series, so that the eye follows a region's ambition and its reality.
// Estimates are marked as such. It reports false for an unknown metric.
func Years(ds *model.Dataset, metricID string, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	years := ds.Years(metricID)
	regions, missing := b.yearsRegions(metric, years)
	rows := yearsTableRows(regions, missing, metric)
	sp := spec.Spec{
		ChartType:   spec.ChartYears,
		Slug:        spec.YearsSlug(metricID),
		Lang:        lang,
		Metric:      metricID,
		Title:       b.t("heading.years", metric.Name.In(string(lang))),
		Subtitle:    b.subtitle(metric, missing),
		Description: b.yearsDescription(metric, years, regions, missing),
		Rule:        b.hollowNote(regions),
		Height:      yearsHeight(len(regions)),
		Rows:        specRows(rows),
		Missing:     regionIDs(missing),
		Sources:     sourcesOf(rows),
	}
	sp.Option = b.yearsOption(sp, metric, years, regions)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

// hollowNote says what a hollow mark is, under a chart that draws one:
// the legend shows only the filled marks.
func (b builder) hollowNote(regions []regionYears) string {
	for _, ry := range regions {
		for _, r := range ry.results {
			if r != nil && (r.Provisional || r.Period == model.PeriodH1) {
				return b.t("chart.hollow")
			}
		}
	}
	return ""
}

// yearsHeight fits the narrow layout's rows; the wide layout's fewer rows
// get taller cells in the same height.
func yearsHeight(regions int) int {
	rows := (regions + yearsNarrowColumns - 1) / yearsNarrowColumns
	return legendSpace + max1(rows)*yearsCellNarrow
}

// yearsRegions lists, in catalog order, the regions with a figure for the
// metric in any of the years, and the districts with none. A first-half
// amount is left out: about half a year's, it would read on the line of
// full years as a fall by half (the region's page and the table keep it,
// and a region with only such a figure is not said to have none).
func (b builder) yearsRegions(metric model.Metric, years []int) (shown []regionYears, missing []model.Region) {
	// Each year's verdicts are judged once, not once per region: that read
	// every region's figures once for each region.
	verdicts := make([]map[string]model.RegionVerdicts, len(years))
	for i, y := range years {
		verdicts[i] = map[string]model.RegionVerdicts{}
		for _, rv := range b.ds.Verdicts(metric.ID, y) {
			verdicts[i][rv.Region.ID] = rv
		}
	}
	for _, reg := range b.ds.Regions {
		ry := regionYears{region: reg, targets: make([]*model.Record, len(years)), results: make([]*model.Record, len(years))}
		has, halves := false, false
		for i := range years {
			rv, ok := verdicts[i][reg.ID]
			if !ok {
				continue
			}
			if v, ok := rv.Primary(); ok {
				t := v.Target
				ry.targets[i], has = &t, true
			}
			switch r := shownResult(rv); {
			case r == nil:
			case r.Period == model.PeriodH1 && r.Unit != "pct":
				halves = true
			default:
				ry.results[i], has = r, true
			}
		}
		switch {
		case has:
			shown = append(shown, ry)
		case reg.Group == model.GroupDistrict && !halves:
			missing = append(missing, reg)
		}
	}
	return shown, missing
}

// yearsTableRows lists every figure drawn, region by region and year by
// year, then the districts with none.
func yearsTableRows(regions []regionYears, missing []model.Region, metric model.Metric) []row {
	var rows []row
	for _, ry := range regions {
		for i := range ry.targets {
			for _, rec := range []*model.Record{ry.targets[i], ry.results[i]} {
				if rec != nil {
					rows = append(rows, row{Region: ry.region, Metric: metric, Year: rec.Year, Record: rec})
				}
			}
		}
	}
	for _, reg := range missing {
		rows = append(rows, row{Region: reg, Metric: metric})
	}
	return rows
}

// yearsDescription is the chart in words: each region's targets and
// results, year by year.
func (b builder) yearsDescription(metric model.Metric, years []int, regions []regionYears, missing []model.Region) string {
	name := metric.Name.In(string(b.lang))
	if len(regions) == 0 {
		return b.t("chart.noneAllYears", name)
	}
	var items []string
	for _, ry := range regions {
		var parts []string
		for i, y := range years {
			var figs []string
			for _, rec := range []*model.Record{ry.targets[i], ry.results[i]} {
				if rec != nil {
					figs = append(figs, b.w.Describe(*rec))
				}
			}
			if len(figs) > 0 {
				parts = append(parts, b.t("heading.year", y)+b.w.Space()+strings.Join(figs, b.w.ListSep()))
			}
		}
		items = append(items, b.t("chart.desc.item", b.regionName(ry.region), strings.Join(parts, b.w.ListSep())))
	}
	text := strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	if len(missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(missing))
	}
	return b.t("chart.desc.years", name, text)
}

// yearsOption draws one small chart per region. Percentages share one
// scale, so that the small charts compare at a glance.
func (b builder) yearsOption(sp spec.Spec, metric model.Metric, years []int, regions []regionYears) []byte {
	bar := newBase(sp.Description)
	if len(regions) == 0 {
		return encode(bar, map[string]any{
			"tooltip": tooltipOption(), "legend": legendOption(nil),
			"graphic": noDataGraphic(b.t("chart.noneAllYears", metric.Name.In(string(b.lang)))),
		})
	}
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	// Growth rates share one scale, from the lowest to the highest in any
	// small chart: with its own, a chart that falls below 0 looked like
	// the others but did not compare with them.
	scale := map[string]any{"type": "value", "splitNumber": 2}
	if metric.Unit == "pct" {
		scale = roundScale(yearsRange(regions, b.lang))
	}
	bar.GridList = yearsLayout(len(regions), yearsColumns, sp.Height)
	// The y axes are written out here rather than by go-echarts, which has
	// no style for an axis name: each small chart is named after its
	// region above its axis, where the name moves with the grid in the
	// downloaded image and takes the colour scheme's text colour.
	yAxes := make([]map[string]any, len(regions))
	for i, ry := range regions {
		bar.XAxisList = append(bar.XAxisList, opts.XAxis{Type: "category", GridIndex: i, Data: labels})
		yAxes[i] = map[string]any{
			"gridIndex": i, "name": b.regionName(ry.region), "nameLocation": "end", "nameGap": 8,
			"nameTextStyle": map[string]any{"align": "left", "fontSize": 12},
		}
		maps.Copy(yAxes[i], scale)
		bar.MultiSeries = append(bar.MultiSeries,
			b.yearsLine(fmt.Sprintf("target-%d", i), b.t("series.target"), i, ry, ry.targets, colorTarget, "rect", "solid"),
			b.yearsLine(fmt.Sprintf("actual-%d", i), b.t("series.actual"), i, ry, ry.results, colorActual, "circle", "dashed"),
		)
	}
	return encode(bar, map[string]any{
		"tooltip": tooltipOption(),
		"legend":  legendOption([]string{b.t("series.target"), b.t("series.actual")}),
		"yAxis":   yAxes,
		"media":   yearsMedia(len(regions), sp.Height),
	})
}

// yearsLine is one region's targets or results across the years. A
// missing year breaks the line; an estimate is a hollow mark.
func (b builder) yearsLine(id, name string, index int, ry regionYears, recs []*model.Record, color, symbol, dash string) charts.SingleSeries {
	data := make([]item, len(recs))
	for i, rec := range recs {
		data[i] = item{Value: empty}
		if rec == nil {
			continue
		}
		data[i] = b.figureItem(row{Region: ry.region, Year: rec.Year, Record: rec}, i18n.Display(rec.Value, rec.Unit, b.lang))
		data[i].Name = strconv.Itoa(rec.Year)
		data[i].Label.Show = false
		if rec.Provisional || rec.Period == model.PeriodH1 {
			data[i].Symbol = "empty" + symbol
		}
		metric, _ := b.ds.Metric(rec.Metric)
		data[i].Tooltip.Formatter = b.tooltip(ry.region, metric, rec)
	}
	return charts.SingleSeries{
		Id: id, Name: name, Type: "line", Data: data, XAxisIndex: index, YAxisIndex: index,
		Symbol: symbol, SymbolSize: 9, Color: color, ConnectNulls: opts.Bool(false),
		LineStyle: &opts.LineStyle{Type: dash, Width: 2},
	}
}

// yearsLayout places n small charts in the given number of columns within
// the height, in percentages across and pixels down, leaving room above
// each for its region's name.
func yearsLayout(n, columns, height int) []opts.Grid {
	rows := (n + columns - 1) / columns
	cellH := (height - legendSpace) / max1(rows)
	width := 100.0 / float64(columns)
	out := make([]opts.Grid, n)
	for i := range out {
		col, r := i%columns, i/columns
		left := float64(col) * width
		out[i] = opts.Grid{
			Left: pct(left + width*0.16), Width: pct(width * 0.78),
			Top: itoa(legendSpace + r*cellH + yearsTitleRoom), Height: itoa(cellH - yearsTitleRoom - 24),
		}
	}
	return out
}

func pct(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) + "%" }

// yearsMedia is the narrow layout in fewer columns, and the wide layout
// as the default that ECharts restores when the chart grows again. In the
// narrow layout a long region name is cut short with an ellipsis: in full,
// "Zhaoqing New District (Zhaoqing)" ran into the name of the small chart
// beside it. The tooltip and the description name it in full.
func yearsMedia(n, height int) []any {
	layout := func(columns int, truncate map[string]any) map[string]any {
		grids := yearsLayout(n, columns, height)
		out, axes := make([]any, len(grids)), make([]any, len(grids))
		for i, g := range grids {
			out[i] = map[string]any{"left": g.Left, "width": g.Width, "top": g.Top, "height": g.Height}
			axes[i] = map[string]any{"nameTruncate": truncate}
		}
		return map[string]any{"grid": out, "yAxis": axes}
	}
	return []any{
		map[string]any{"option": layout(yearsColumns, map[string]any{"maxWidth": nil})},
		map[string]any{"query": map[string]any{"maxWidth": narrowWidth}, "option": layout(yearsNarrowColumns, map[string]any{"maxWidth": yearsNarrowName})},
	}
}

// yearsRange is the lowest and the highest value drawn, with 0.
func yearsRange(regions []regionYears, lang i18n.Lang) (lo, hi float64) {
	for _, ry := range regions {
		for _, recs := range [][]*model.Record{ry.targets, ry.results} {
			for _, rec := range recs {
				if rec != nil {
					v := i18n.Display(rec.Value, rec.Unit, lang)
					lo, hi = min(lo, v), max(hi, v)
				}
			}
		}
	}
	return lo, hi
}
