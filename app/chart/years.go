package chart

import (
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Symbol rotations that turn ECharts' upward triangle into an arrow.
const (
	pointRight = -90
	pointLeft  = 90
)

// pairRow is a region's figures in the two compared years.
type pairRow struct {
	row
	from, to *model.Record
}

// Years builds the years view: each region's figure for a metric in 2023
// and in 2024, as a dumbbell whose arrow points the way the figure moved.
// Regions with a figure for only one year show that point alone. It
// reports false for an unknown metric.
func Years(ds *model.Dataset, metricID string, from, to int, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	pairs := map[string]pairRow{}
	var rows []row
	for _, p := range ds.Pairs(metricID, from, to) {
		rec := p.To
		if rec == nil {
			rec = p.From
		}
		r := row{Region: p.Region, Metric: metric, Year: to, Record: rec}
		pairs[p.Region.ID] = pairRow{row: r, from: p.From, to: p.To}
		rows = append(rows, r)
	}
	// Sort by the later year's value, then by the earlier one's.
	value := func(r row) (float64, bool) {
		p := pairs[r.Region.ID]
		switch {
		case p.to != nil:
			return p.to.Value + 1e12, true
		case p.from != nil:
			return p.from.Value, true
		}
		return 0, false
	}
	panels, missing := splitPanels(rows, value)
	shown := b.pairTableRows(panels, missing, pairs, metric)
	sp := spec.Spec{
		Kind:        spec.KindYears,
		Slug:        spec.YearsSlug(metricID, from, to),
		Lang:        lang,
		Metric:      metricID,
		Title:       b.t("heading.years", metric.Name.In(string(lang))),
		Subtitle:    b.subtitle(metric, missing),
		Description: b.yearsDescription(metric, panels, pairs, missing, from, to),
		Height:      spec.HeightWide,
		Rows:        specRows(shown),
		Missing:     regionIDs(missing),
		Seeds:       seedsOf(shown),
	}
	var grids []opts.Grid
	sp.Option, grids = b.yearsOption(sp, metric, panels, pairs, from, to)
	sp.Export = exportPatch(sp, grids, ds)
	return sp, true
}

// pairTableRows lists every figure drawn, both years, then the districts
// with neither.
func (b builder) pairTableRows(panels []panel, missing []model.Region, pairs map[string]pairRow, metric model.Metric) []row {
	var rows []row
	for _, p := range panels {
		for _, r := range p.rows {
			pr := pairs[r.Region.ID]
			for _, rec := range []*model.Record{pr.from, pr.to} {
				if rec != nil {
					rows = append(rows, row{Region: r.Region, Metric: metric, Year: rec.Year, Record: rec})
				}
			}
		}
	}
	for _, r := range missing {
		rows = append(rows, row{Region: r, Metric: metric})
	}
	return rows
}

// yearsDescription is the chart in words: each region's two figures and
// the direction of change.
func (b builder) yearsDescription(metric model.Metric, panels []panel, pairs map[string]pairRow, missing []model.Region, from, to int) string {
	var items []string
	for _, p := range panels {
		for _, r := range p.rows {
			pr := pairs[r.Region.ID]
			items = append(items, b.t("chart.desc.pair", b.regionName(r.Region), b.pairSide(pr.from, from), b.pairSide(pr.to, to)))
		}
	}
	text := strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	if len(panels) == 0 {
		text = ""
	}
	if len(missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(missing))
	}
	return b.t("chart.desc.years", metric.Name.In(string(b.lang)), text)
}

func (b builder) pairSide(r *model.Record, year int) string {
	if r == nil {
		return b.t("heading.year", year) + b.w.Space() + b.t("table.none")
	}
	return b.t("heading.year", year) + b.w.Space() + b.w.Describe(*r)
}

// yearsOption draws per panel a grey connector line, the earlier year's
// points and the later year's arrows, and returns the grids for the export.
func (b builder) yearsOption(sp spec.Spec, metric model.Metric, panels []panel, pairs map[string]pairRow, from, to int) ([]byte, []opts.Grid) {
	bar, empty := b.panelsBase(sp, metric, to, panels, func() float64 { return pairsMax(pairs, b.lang) })
	if empty != nil {
		return empty, nil
	}
	fromName, toName := b.t("heading.year", from), b.t("heading.year", to)
	for i, p := range panels {
		suffix := ""
		if p.reference {
			suffix = "-reference"
		}
		bar.MultiSeries = append(bar.MultiSeries,
			b.connectorSeries("change"+suffix, i, p, pairs),
			b.pointSeries("from"+suffix, fromName, i, p, pairs, true),
			b.pointSeries("to"+suffix, toName, i, p, pairs, false),
		)
	}
	return encode(bar, map[string]any{"tooltip": tooltipOption(), "legend": legendOption([]string{fromName, toName}), "media": b.panelMedia(panels)}), bar.GridList
}

// connectorSeries joins each region's two points with a line; ECharts
// breaks a line at an empty value, so one series draws every segment.
func (b builder) connectorSeries(id string, index int, p panel, pairs map[string]pairRow) charts.SingleSeries {
	var data []any
	for _, r := range p.rows {
		pr := pairs[r.Region.ID]
		if pr.from == nil || pr.to == nil {
			continue
		}
		name := b.regionName(r.Region)
		data = append(data,
			[]any{i18n.Display(pr.from.Value, pr.from.Unit, b.lang), name},
			[]any{i18n.Display(pr.to.Value, pr.to.Unit, b.lang), name},
			empty)
	}
	// Without symbols a line has nothing to point at, so it shows no tooltip.
	return charts.SingleSeries{
		Id: id, Name: b.t("series.change"), Type: "line", Data: data, XAxisIndex: index, YAxisIndex: index,
		Symbol: "none", Color: colorConnector,
	}
}

// pointSeries draws one year's points. The later year's point is an arrow
// pointing right for a rise and left for a fall.
func (b builder) pointSeries(id, name string, index int, p panel, pairs map[string]pairRow, earlier bool) charts.SingleSeries {
	var data []item
	color := colorTarget
	if earlier {
		color = colorActual
	}
	for _, r := range p.rows {
		pr := pairs[r.Region.ID]
		rec, other := pr.to, pr.from
		if earlier {
			rec, other = pr.from, pr.to
		}
		if rec == nil {
			continue
		}
		row := row{Region: r.Region, Metric: r.Metric, Year: rec.Year, Record: rec}
		it := b.figureItem(row, []any{i18n.Display(rec.Value, rec.Unit, b.lang), b.regionName(r.Region)})
		it.Label.Position = labelSide(rec, other, earlier)
		if !earlier {
			it.Symbol, it.SymbolRotate = arrow(other, rec)
		}
		data = append(data, it)
	}
	return charts.SingleSeries{
		Id: id, Name: name, Type: "scatter", Data: data, XAxisIndex: index, YAxisIndex: index,
		Symbol: "circle", SymbolSize: 14, Color: color,
	}
}

// labelSide puts the smaller value's label on the left and the larger
// one's on the right, so that the two labels do not overlap.
func labelSide(rec, other *model.Record, earlier bool) string {
	if other == nil {
		return "right"
	}
	if rec.Value < other.Value || (rec.Value == other.Value && earlier) {
		return "left"
	}
	return "right"
}

// arrow returns the symbol of the later point: an arrow in the direction
// of change, or a circle when there is no change or nothing to compare.
func arrow(from, to *model.Record) (string, int) {
	switch {
	case from == nil || from.Value == to.Value:
		return "circle", 0
	case to.Value > from.Value:
		return "triangle", pointRight
	}
	return "triangle", pointLeft
}

func pairsMax(pairs map[string]pairRow, lang i18n.Lang) float64 {
	m := 0.0
	for _, p := range pairs {
		for _, r := range []*model.Record{p.from, p.to} {
			if r != nil {
				m = max(m, i18n.Display(r.Value, r.Unit, lang))
			}
		}
	}
	return m
}
