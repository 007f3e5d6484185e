package chart

import (
	"math"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// levels are the regions above the districts, from the top down.
var levels = []string{"china", "guangdong", "guangzhou"}

// cascadeRow is one region's primary target and its result, if known.
type cascadeRow struct {
	row
	result *model.Record
}

// Cascade builds the cascade view for one metric and year: the nation's
// target, then Guangdong's, Guangzhou's and each district's (highest
// first), so that a reader sees which districts aimed above the city and by
// how much. The city's target is a dashed line across the districts;
// results are dots beside the bars where known. It compares growth rates
// only, and reports false for an unknown metric.
func Cascade(ds *model.Dataset, metricID string, year int, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	top, districts, missing := b.cascadeRows(metric, year)
	all := append(append([]cascadeRow{}, top...), districts...)
	var city *model.Record
	for _, r := range top {
		if r.Region.ID == "guangzhou" {
			city = r.Record
		}
	}
	shown := cascadeTableRows(all, missing, metric, year)
	sp := spec.Spec{
		ChartType:   spec.ChartCascade,
		Slug:        spec.CascadeSlug(metricID, year),
		Lang:        lang,
		Metric:      metricID,
		Year:        year,
		Title:       b.t("heading.cascade", metric.Name.In(string(lang)), year),
		Subtitle:    b.subtitle(metric, missing),
		Headline:    b.cascadeHeadline(districts, city),
		Description: b.cascadeDescription(all, city, missing),
		Height:      spec.HeightWide,
		Rows:        specRows(shown),
		Missing:     regionIDs(missing),
		Sources:     sourcesOf(shown),
	}
	sp.Option = b.cascadeOption(sp, metric, year, all, city)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

// cascadeRows are the levels with a target, top down, and the districts
// with one, highest first; missing are the districts with none.
func (b builder) cascadeRows(metric model.Metric, year int) (top, districts []cascadeRow, missing []model.Region) {
	verdicts := map[string]model.RegionVerdicts{}
	for _, rv := range b.ds.Verdicts(metric.ID, year) {
		verdicts[rv.Region.ID] = rv
	}
	at := func(reg model.Region) (cascadeRow, bool) {
		rv := verdicts[reg.ID]
		v, ok := rv.Primary()
		if !ok {
			return cascadeRow{}, false
		}
		t := v.Target
		return cascadeRow{row: row{Region: reg, Metric: metric, Year: year, Record: &t}, result: rv.Result}, true
	}
	for _, id := range levels {
		if reg, ok := b.ds.Region(id); ok {
			if r, ok := at(reg); ok {
				top = append(top, r)
			}
		}
	}
	for _, reg := range b.ds.Regions {
		if reg.Group != model.GroupDistrict {
			continue
		}
		if r, ok := at(reg); ok {
			districts = append(districts, r)
		} else {
			missing = append(missing, reg)
		}
	}
	sort.SliceStable(districts, func(i, j int) bool { return districts[i].Record.Value > districts[j].Record.Value })
	return top, districts, missing
}

// cascadeTableRows lists each target and result shown, then the districts
// without a target.
func cascadeTableRows(all []cascadeRow, missing []model.Region, metric model.Metric, year int) []row {
	var rows []row
	for _, r := range all {
		rows = append(rows, r.row)
		if r.result != nil {
			rows = append(rows, row{Region: r.Region, Metric: metric, Year: year, Record: r.result})
		}
	}
	for _, reg := range missing {
		rows = append(rows, row{Region: reg, Metric: metric, Year: year})
	}
	return rows
}

// aboveCity says how far a district's target is from the city's, in
// percentage points: "1.5 points above the city's target".
func (b builder) aboveCity(t, city *model.Record) string {
	if city == nil || t.Unit != "pct" {
		return ""
	}
	d := t.Value - city.Value
	switch {
	case math.Abs(d) < 1e-9:
		return b.t("cascade.same")
	case d > 0:
		return b.t(points("cascade.above", d), i18n.Number(d))
	}
	return b.t(points("cascade.below", -d), i18n.Number(-d))
}

// points is the key of words for a number of points: English says
// "1 point", not "1 points".
func points(key i18n.Key, n float64) i18n.Key {
	if math.Abs(n-1) < 1e-9 {
		return key + "One"
	}
	return key
}

// cascadeHeadline counts the districts that aimed above the city.
func (b builder) cascadeHeadline(districts []cascadeRow, city *model.Record) string {
	if city == nil || city.Unit != "pct" || len(districts) == 0 {
		return ""
	}
	above := 0
	for _, r := range districts {
		if r.Record.Value > city.Value+1e-9 {
			above++
		}
	}
	return b.t("cascade.headline", above, len(districts), b.w.Value(*city))
}

// cascadeDescription is the chart in words, top down.
func (b builder) cascadeDescription(all []cascadeRow, city *model.Record, missing []model.Region) string {
	var items []string
	for _, r := range all {
		s := b.w.Describe(*r.Record)
		if r.Region.Group == model.GroupDistrict {
			if a := b.aboveCity(r.Record, city); a != "" {
				s += b.w.ListSep() + a
			}
		}
		if r.result != nil {
			s += b.w.ListSep() + b.t("cascade.result", b.w.Value(*r.result))
		}
		items = append(items, b.t("chart.desc.item", b.regionName(r.Region), s))
	}
	text := strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	if len(missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(missing))
	}
	return text
}

// cascadeOption draws the targets as bars, grey for the levels above the
// districts, the results as dots, and the city's target as a dashed line,
// which the legend names.
func (b builder) cascadeOption(sp spec.Spec, metric model.Metric, year int, all []cascadeRow, city *model.Record) []byte {
	rows := make([]row, len(all))
	for i, r := range all {
		rows[i] = r.row
	}
	var panels []panel
	if len(rows) > 0 {
		panels = []panel{{rows: rows}}
	}
	bar, empty := b.panelsBase(sp, metric, year, panels, func(panel) float64 { return cascadeMax(all, b.lang) })
	if empty != nil {
		return empty
	}
	isDistrict := func(r row) bool { return r.Region.Group == model.GroupDistrict }
	levelsSeries := b.cascadeBars("levels", b.t("series.levels"), panels[0], colorReference, func(r row) bool { return !isDistrict(r) }, city)
	districtSeries := b.cascadeBars("districts", b.t("series.districtTargets"), panels[0], colorTarget, isDistrict, city)
	results := b.cascadeResults(all)
	b.labelPastResults(all, results, levelsSeries, districtSeries)
	cityLine := city != nil && city.Unit == "pct"
	if cityLine {
		districtSeries.MarkLines = &opts.MarkLines{
			Data: []any{opts.MarkLineNameXAxisItem{Name: b.t("cascade.cityLine"), XAxis: i18n.Display(city.Value, city.Unit, b.lang)}},
			MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(false)},
				LineStyle: &opts.LineStyle{Type: "dashed", Color: colorReference},
			},
		}
	}
	series := nonEmpty(levelsSeries, districtSeries, results)
	if cityLine && len(series) > 0 {
		series = append(series, cityLineKey(b.t("cascade.cityLine")))
	}
	bar.MultiSeries = append(bar.MultiSeries, series...)
	var legend []string
	for _, s := range series {
		legend = append(legend, s.Name)
	}
	return b.encodePanels(bar, legend, panels)
}

// cascadeBars draws the targets of the rows that keep passes, leaving the
// other categories empty, each labelled with how it compares to the city.
func (b builder) cascadeBars(id, name string, p panel, color string, keep func(row) bool, city *model.Record) charts.SingleSeries {
	data := make([]item, len(p.rows))
	for i, r := range p.rows {
		data[i] = item{Value: empty}
		if !keep(r) {
			continue
		}
		data[i] = b.figureItem(r, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
		if r.Region.Group == model.GroupDistrict {
			if a := b.aboveCity(r.Record, city); a != "" {
				data[i].Label.Formatter += b.w.Paren(a)
			}
		}
	}
	return charts.SingleSeries{
		Id: id, Name: name, Type: "bar", Data: data, BarGap: "-100%", BarMaxWidth: "22", Color: color,
	}
}

// cascadeResults marks each region's result, where known, with a dot.
func (b builder) cascadeResults(all []cascadeRow) charts.SingleSeries {
	var data []item
	for _, r := range all {
		if r.result == nil {
			continue
		}
		res := row{Region: r.Region, Metric: r.Metric, Year: r.Year, Record: r.result}
		it := b.figureItem(res, []any{i18n.Display(r.result.Value, r.result.Unit, b.lang), b.regionName(r.Region)})
		it.Label.Show = false
		data = append(data, it)
	}
	return charts.SingleSeries{
		Id: "result", Name: b.t("series.actual"), Type: "scatter", Data: data, Symbol: "circle", SymbolSize: 12, Color: colorActual,
	}
}

// cityLineKey is the legend's entry for the dashed line of the city's
// target: a line series without data, drawn in the legend only. A label
// on the line itself sat on the value axis, over the tick label where the
// city's target is a round number.
func cityLineKey(name string) charts.SingleSeries {
	return charts.SingleSeries{
		Id: "city", Name: name, Type: "line", Data: []item{}, Symbol: "none", Color: colorReference,
		LineStyle: &opts.LineStyle{Type: "dashed", Color: colorReference},
	}
}

// labelPastResults moves a bar's label onto its result's dot where the
// dot lies at or past the bar's end: there it would cover the label's
// start. The label then starts past the dot, as the results view's go past
// the furthest mark.
func (b builder) labelPastResults(all []cascadeRow, results charts.SingleSeries, bars ...charts.SingleSeries) {
	dots, _ := results.Data.([]item)
	n := -1
	for i, r := range all {
		if r.result == nil {
			continue
		}
		n++
		if i18n.Display(r.result.Value, r.result.Unit, b.lang) < i18n.Display(r.Record.Value, r.Record.Unit, b.lang) {
			continue
		}
		for _, s := range bars {
			data, _ := s.Data.([]item)
			if i >= len(data) || data[i].Label == nil || !data[i].Label.Show {
				continue
			}
			moved := *data[i].Label
			dots[n].Label = &moved
			data[i].Label = &itemLabel{Show: false, Formatter: moved.Formatter}
		}
	}
}

// cascadeMax is the largest value drawn.
func cascadeMax(all []cascadeRow, lang i18n.Lang) float64 {
	m := 0.0
	for _, r := range all {
		m = math.Max(m, i18n.Display(r.Record.Value, r.Record.Unit, lang))
		if r.result != nil {
			m = math.Max(m, i18n.Display(r.result.Value, r.result.Unit, lang))
		}
	}
	return m
}
