package chart

import (
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Districts builds the districts view: one metric and year across every
// region, as horizontal bars sorted from the highest value. Targets and
// results are separate series; stretch goals are drawn as diamonds; the
// city and Zhaoqing New District sit in a panel of their own; districts
// with no figure are listed, never drawn as zero. It reports false for an
// unknown metric.
func Districts(ds *model.Dataset, metricID string, year int, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	var rows []row
	for _, e := range ds.Compare(metricID, year) {
		rows = append(rows, row{Region: e.Region, Metric: metric, Year: year, Record: e.Record})
	}
	panels, missing := splitPanels(rows, recordValue)
	shown := shownRows(panels, missing, metric, year)
	sp := spec.Spec{
		ChartType:   spec.ChartDistricts,
		Slug:        spec.DistrictsSlug(metricID, year),
		Lang:        lang,
		Metric:      metricID,
		Year:        year,
		Title:       b.w.DistrictsTitle(metric, year),
		Subtitle:    b.subtitle(metric, missing),
		Description: b.districtsDescription(metric, year, panels, missing),
		Height:      spec.HeightWide,
		Rows:        specRows(shown),
		Missing:     regionIDs(missing),
		Sources:     sourcesOf(shown),
	}
	sp.Option = b.districtsOption(sp, metric, year, panels)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

// recordValue is the value a row is sorted and drawn by.
func recordValue(r row) (float64, bool) {
	if r.Record == nil {
		return 0, false
	}
	return r.Record.Value, true
}

// shownRows lists the figures in the order drawn, then the regions without.
func shownRows(panels []panel, missing []model.Region, metric model.Metric, year int) []row {
	var rows []row
	for _, p := range panels {
		rows = append(rows, p.rows...)
	}
	for _, r := range missing {
		rows = append(rows, row{Region: r, Metric: metric, Year: year})
	}
	return rows
}

// subtitle names the unit and the districts with no figure.
func (b builder) subtitle(metric model.Metric, missing []model.Region) string {
	parts := []string{b.t("chart.unit", i18n.UnitLabel(metric.Unit, b.lang))}
	if len(missing) > 0 {
		parts = append(parts, b.t("chart.none", b.w.Names(missing)))
	}
	return strings.Join(parts, b.w.SentenceEnd())
}

// districtsDescription is the chart in words: every value in drawing order
// and the districts without a figure.
func (b builder) districtsDescription(metric model.Metric, year int, panels []panel, missing []model.Region) string {
	name := metric.Name.In(string(b.lang))
	if len(panels) == 0 {
		return b.t("chart.noneAll", name, year)
	}
	var items []string
	for _, p := range panels {
		for _, r := range p.rows {
			items = append(items, b.t("chart.desc.item", b.regionName(r.Region), b.w.Describe(*r.Record)))
		}
	}
	text := strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	if len(missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(missing))
	}
	return b.t("chart.desc.districts", name, year, text)
}

// districtsOption draws the panels, and returns their grids for the export.
func (b builder) districtsOption(sp spec.Spec, metric model.Metric, year int, panels []panel) []byte {
	bar, empty := b.panelsBase(sp, metric, year, panels, func(p panel) float64 { return panelsMax([]panel{p}, b.lang) })
	if empty != nil {
		return empty
	}
	var legend []string
	for i, p := range panels {
		for _, s := range b.panelSeries(i, p) {
			bar.MultiSeries = append(bar.MultiSeries, s)
			if !slices.Contains(legend, s.Name) {
				legend = append(legend, s.Name)
			}
		}
	}
	return b.encodePanels(bar, legend, panels)
}

// panelsBase starts a chart of panels. With no panels, the chart is done:
// it says that no region has the figure, returned as empty. Otherwise the
// panels are laid out; percentages share one scale, from each panel's
// largest figure, so that the panels compare at a glance, except for a
// reference panel with an outlier (see panelScales, which marks it).
func (b builder) panelsBase(sp spec.Spec, metric model.Metric, year int, panels []panel, largest func(panel) float64) (bar *charts.Bar, empty []byte) {
	bar = newBase(sp.Description)
	if len(panels) == 0 {
		return bar, encode(bar, map[string]any{
			"tooltip": tooltipOption(), "legend": legendOption(nil),
			"graphic": noDataGraphic(b.t("chart.noneAll", metric.Name.In(string(b.lang)), year)),
		})
	}
	var scales []any
	if metric.Unit == "pct" {
		scales = panelScales(panels, largest)
	}
	b.layoutPanels(bar, panels, sp.Height, i18n.UnitLabel(metric.Unit, b.lang), scales)
	return bar, nil
}

// panelSeries returns the series of one panel: targets and results as
// overlapping bars (a region has one or the other), and stretch goals as
// diamonds. The reference panel's targets are grey, set apart from the
// districts'; its results are the results' colour, so that a result and a
// target never share a colour.
func (b builder) panelSeries(index int, p panel) []charts.SingleSeries {
	isKind := func(kind string) func(*model.Record) bool {
		return func(r *model.Record) bool { return r.Kind == kind }
	}
	if p.reference {
		return nonEmpty(
			b.barSeries("reference", b.t("series.referenceTarget"), index, p, colorReference, isKind(model.KindTarget)),
			b.barSeries("reference-actual", b.t("series.actual"), index, p, colorActual, isKind(model.KindActual)),
		)
	}
	return nonEmpty(
		b.barSeries("target", b.t("series.target"), index, p, colorTarget, isKind(model.KindTarget)),
		b.barSeries("actual", b.t("series.actual"), index, p, colorActual, isKind(model.KindActual)),
		b.stretchSeries(index, p),
	)
}

// barSeries draws the rows whose record passes keep, leaving the others
// empty so that every category keeps its place.
func (b builder) barSeries(id, name string, index int, p panel, color string, keep func(*model.Record) bool) charts.SingleSeries {
	data := make([]item, len(p.rows))
	for i, r := range p.rows {
		data[i] = item{Value: empty}
		if keep(r.Record) {
			data[i] = b.figureItem(r, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
			if r.Record.Stretch != nil {
				insideLabel(&data[i], "insideRight")
			}
		}
	}
	return charts.SingleSeries{
		Id: id, Name: name, Type: "bar", Data: data, XAxisIndex: index, YAxisIndex: index,
		BarGap: "-100%", BarMaxWidth: "22", Color: color,
	}
}

// figureItem is one figure's bar or point, with its label and tooltip.
func (b builder) figureItem(r row, value any) item {
	return item{
		Value: value, Name: b.regionName(r.Region), RegionID: r.Region.ID, RecordID: r.Record.ID,
		Label:   &itemLabel{Show: true, Position: "right", Formatter: b.w.Mark(*r.Record)},
		Tooltip: &itemTip{Formatter: b.tooltip(r.Region, r.Metric, r.Record)},
	}
}

// stretchSeries marks stretch goals (力争) with a diamond at their value.
func (b builder) stretchSeries(index int, p panel) charts.SingleSeries {
	var data []item
	for _, r := range p.rows {
		if r.Record.Stretch == nil {
			continue
		}
		v := i18n.Display(*r.Record.Stretch, r.Record.Unit, b.lang)
		it := b.figureItem(r, []any{v, b.regionName(r.Region)})
		it.Label = b.stretchLabel(r.Record, "right")
		it.Symbol = "diamond"
		data = append(data, it)
	}
	return charts.SingleSeries{
		Id: "stretch", Name: b.t("series.stretch"), Type: "scatter", Data: data,
		XAxisIndex: index, YAxisIndex: index, Symbol: "diamond", SymbolSize: 14, Color: colorStretch,
	}
}

// panelsMax is the largest value drawn, stretch goals included.
func panelsMax(panels []panel, lang i18n.Lang) float64 {
	m := 0.0
	for _, p := range panels {
		for _, r := range p.rows {
			m = max(m, i18n.Display(r.Record.Value, r.Record.Unit, lang))
			if r.Record.Stretch != nil {
				m = max(m, i18n.Display(*r.Record.Stretch, r.Record.Unit, lang))
			}
		}
	}
	return m
}

// nonEmpty drops series with nothing to draw, so that the legend only
// names what the chart shows.
func nonEmpty(series ...charts.SingleSeries) []charts.SingleSeries {
	var out []charts.SingleSeries
	for _, s := range series {
		if data, ok := s.Data.([]item); ok && hasValue(data) {
			out = append(out, s)
		}
	}
	return out
}

func hasValue(data []item) bool {
	for _, d := range data {
		if d.Value != empty {
			return true
		}
	}
	return false
}

// noDataGraphic writes a message across an empty chart.
func noDataGraphic(text string) []any {
	return []any{map[string]any{
		"id": "nodata", "type": "text", "left": "center", "top": "middle",
		"style": map[string]any{"text": text, "fontSize": 14, "fill": "#555"},
	}}
}
