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

// colorPledge marks pledged targets apart from plan targets: the
// Okabe-Ito bluish green, 3:1 against both backgrounds.
const colorPledge = "#009E73"

// Results builds the targets-against-results view for one metric and year:
// each region's result as a bar, its plan target as a tick and its pledged
// target as a triangle, labelled with the verdict in words and a sign, and
// sorted by how far the result is from the primary target. Regions with a
// target and no result keep their targets, labelled with what is known
// ("pending", "no result found"). It reports false for an unknown metric.
func Results(ds *model.Dataset, metricID string, year int, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	verdicts := map[string]model.RegionVerdicts{}
	for _, rv := range ds.Verdicts(metricID, year) {
		verdicts[rv.Region.ID] = rv
	}
	var rows []row
	for _, reg := range ds.Regions {
		rows = append(rows, row{Region: reg, Metric: metric, Year: year, Record: shownRecord(verdicts[reg.ID])})
	}
	panels, missing := splitPanels(rows, func(r row) (float64, bool) { return gapOrder(verdicts[r.Region.ID]) })
	shown := resultTableRows(panels, missing, verdicts, metric, year)
	sp := spec.Spec{
		ChartType:   spec.ChartResults,
		Slug:        spec.ResultsSlug(metricID, year),
		Lang:        lang,
		Metric:      metricID,
		Year:        year,
		Title:       b.t("heading.results", metric.Name.In(string(lang)), year),
		Subtitle:    b.subtitle(metric, missing),
		Headline:    b.w.Headline(metric, year, ds.Verdicts(metricID, year)),
		Rule:        b.w.Rule(),
		Description: b.resultsDescription(metric, year, panels, verdicts, missing),
		Height:      spec.HeightWide,
		Rows:        b.verdictRows(shown, verdicts),
		Missing:     regionIDs(missing),
		Sources:     sourcesOf(shown),
	}
	sp.Option = b.resultsOption(sp, metric, year, panels, verdicts)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

// shownRecord is what stands for a region in the layout: its result, an
// estimate, or its primary target; nil when it has none.
func shownRecord(rv model.RegionVerdicts) *model.Record {
	switch {
	case rv.Result != nil:
		return rv.Result
	case rv.Estimate != nil:
		return rv.Estimate
	}
	if v, ok := rv.Primary(); ok {
		return &v.Target
	}
	return nil
}

// gapOrder sorts regions by the result's gap to the primary target, the
// furthest above first; unjudged regions follow, those with a result (or
// estimate) before those with only a target.
func gapOrder(rv model.RegionVerdicts) (float64, bool) {
	v, hasTarget := rv.Primary()
	switch {
	case hasTarget && v.Judged():
		return v.Gap(), true
	case rv.Result != nil || rv.Estimate != nil:
		return -1e12, true
	case hasTarget:
		return -2e12, true
	}
	return 0, false
}

// resultTableRows lists every figure of the view, region by region in the
// drawing order (targets by stage, then the result), then the districts
// with neither.
func resultTableRows(panels []panel, missing []model.Region, verdicts map[string]model.RegionVerdicts, metric model.Metric, year int) []row {
	var rows []row
	for _, p := range panels {
		for _, r := range p.rows {
			rv := verdicts[r.Region.ID]
			for i := range rv.Verdicts {
				rows = append(rows, row{Region: r.Region, Metric: metric, Year: year, Record: &rv.Verdicts[i].Target})
			}
			if rec := rv.Result; rec != nil || rv.Estimate != nil {
				if rec == nil {
					rec = rv.Estimate
				}
				rows = append(rows, row{Region: r.Region, Metric: metric, Year: year, Record: rec})
			}
		}
	}
	for _, r := range missing {
		rows = append(rows, row{Region: r, Metric: metric, Year: year})
	}
	return rows
}

// verdictRows are the spec's rows, each target with its verdict.
func (b builder) verdictRows(rows []row, verdicts map[string]model.RegionVerdicts) []spec.Row {
	out := specRows(rows)
	for i, r := range rows {
		if r.Record == nil || r.Record.Kind != model.KindTarget {
			continue
		}
		for _, v := range verdicts[r.Region.ID].Verdicts {
			if v.Target.ID == r.Record.ID {
				out[i].Verdict = b.w.Outcome(v)
			}
		}
	}
	return out
}

// resultsDescription is the chart in words: the headline, then each
// region's targets against its result.
func (b builder) resultsDescription(metric model.Metric, year int, panels []panel, verdicts map[string]model.RegionVerdicts, missing []model.Region) string {
	var items []string
	for _, p := range panels {
		for _, r := range p.rows {
			items = append(items, b.t("chart.desc.item", b.regionName(r.Region), b.regionJudgement(verdicts[r.Region.ID])))
		}
	}
	text := b.w.Headline(metric, year, b.ds.Verdicts(metric.ID, year)) + b.w.Space()
	if len(items) > 0 {
		text += strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	}
	if len(missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(missing))
	}
	return text
}

// regionJudgement is a region's targets against its result in words.
func (b builder) regionJudgement(rv model.RegionVerdicts) string {
	if len(rv.Verdicts) == 0 {
		rec := shownRecord(rv)
		return b.w.Describe(*rec) + b.w.Paren(b.t("verdict.noTarget"))
	}
	parts := make([]string, len(rv.Verdicts))
	for i, v := range rv.Verdicts {
		parts[i] = b.w.Judgement(v)
	}
	return strings.Join(parts, b.w.ListSep())
}

// resultsOption draws per panel the results as bars and the targets as
// marks, and returns the grids for the export.
func (b builder) resultsOption(sp spec.Spec, metric model.Metric, year int, panels []panel, verdicts map[string]model.RegionVerdicts) []byte {
	largest := func(p panel) float64 { return verdictsMax(verdicts, p, b.lang) }
	bar, empty := b.panelsBase(sp, metric, year, panels, largest)
	if empty != nil {
		return empty
	}
	var legend []string
	for i, p := range panels {
		suffix := ""
		if p.reference {
			suffix = "-reference"
		}
		for _, s := range nonEmpty(
			b.resultSeries("result"+suffix, i, p, verdicts),
			b.targetSeries("plan"+suffix, b.t("series.plan"), i, p, verdicts, model.StagePlan, colorTarget, "rect"),
			b.targetSeries("pledge"+suffix, b.t("series.pledge"), i, p, verdicts, model.StagePledge, colorPledge, "triangle"),
			b.targetSeries("target"+suffix, b.t("kind.target.unknown"), i, p, verdicts, model.StageUnknown, colorStretch, "diamond"),
		) {
			bar.MultiSeries = append(bar.MultiSeries, s)
			if !slices.Contains(legend, s.Name) {
				legend = append(legend, s.Name)
			}
		}
	}
	return b.encodePanels(bar, legend, panels)
}

// resultSeries draws each region's result (or estimate, marked as such) as
// a bar labelled with the value and the primary target's verdict.
func (b builder) resultSeries(id string, index int, p panel, verdicts map[string]model.RegionVerdicts) charts.SingleSeries {
	data := make([]item, len(p.rows))
	for i, r := range p.rows {
		rv := verdicts[r.Region.ID]
		rec := rv.Result
		if rec == nil {
			rec = rv.Estimate
		}
		data[i] = item{Value: empty}
		if rec == nil {
			continue
		}
		data[i] = b.figureItem(row{Region: r.Region, Metric: r.Metric, Year: r.Year, Record: rec}, i18n.Display(rec.Value, rec.Unit, b.lang))
		data[i].Tooltip.Formatter = b.verdictTooltip(r, rv)
		data[i].Label.Formatter = b.resultLabel(rv)
		data[i].Label.Show = b.labelledTarget(rv) < 0
		if rec.Provisional || rec.Period == model.PeriodH1 {
			data[i].ItemStyle = &itemStyle{Color: colorEstimate}
		}
	}
	return charts.SingleSeries{
		Id: id, Name: b.t("series.actual"), Type: "bar", Data: data, XAxisIndex: index, YAxisIndex: index,
		BarMaxWidth: "22", Color: colorActual,
	}
}

// colorEstimate is a lighter result, for estimates and first halves.
const colorEstimate = "#F0A77A"

// targetSeries marks one stage's targets. A region without a result has
// its primary target labelled with what is known of the result.
func (b builder) targetSeries(id, name string, index int, p panel, verdicts map[string]model.RegionVerdicts, stage, color, symbol string) charts.SingleSeries {
	var data []item
	for _, r := range p.rows {
		rv := verdicts[r.Region.ID]
		for n, v := range rv.Verdicts {
			if v.Target.Stage != stage {
				continue
			}
			t := v.Target
			it := b.figureItem(row{Region: r.Region, Metric: r.Metric, Year: r.Year, Record: &t}, []any{i18n.Display(t.Value, t.Unit, b.lang), b.regionName(r.Region)})
			it.Tooltip.Formatter = b.verdictTooltip(r, rv)
			it.Label.Show = n == b.labelledTarget(rv)
			if shownResult(rv) != nil {
				it.Label.Formatter = b.resultLabel(rv)
			} else {
				it.Label.Formatter = b.w.Mark(t) + " " + b.w.Outcome(v)
			}
			data = append(data, it)
		}
	}
	return charts.SingleSeries{
		Id: id, Name: name, Type: "scatter", Data: data, XAxisIndex: index, YAxisIndex: index,
		Symbol: symbol, SymbolSize: 14, Color: color,
		ItemStyle: &opts.ItemStyle{BorderColor: markOutline, BorderWidth: 1},
	}
}

// markOutline rings a target's mark: the dark blue and purple marks stand
// out from a dark page by less than 3:1 on their own (WCAG 1.4.11), and a
// mark on a result's bar from the bar; on a light page the ring is not
// seen.
const markOutline = "#ffffff"

// resultLabel is the words beside a region's result: its value and the
// primary target's verdict, "4.8% ≈ about met".
func (b builder) resultLabel(rv model.RegionVerdicts) string {
	text := b.w.Mark(*shownResult(rv))
	if v, ok := rv.Primary(); ok {
		text += " " + b.w.Outcome(v)
	}
	return text
}

// labelledTarget is the index of the target whose marker carries the
// region's label, or -1 when the result's bar does. Without a result, the
// primary target says what is known of it. With one, a target beyond the
// bar's end (or at it: the mark is wider than the gap before the label)
// would sit on the bar's label, so the label moves past the furthest such
// marker.
func (b builder) labelledTarget(rv model.RegionVerdicts) int {
	rec := shownResult(rv)
	if rec == nil {
		if len(rv.Verdicts) > 0 {
			return 0
		}
		return -1
	}
	end, at := i18n.Display(rec.Value, rec.Unit, b.lang), -1
	for n, v := range rv.Verdicts {
		if d := i18n.Display(v.Target.Value, v.Target.Unit, b.lang); d > end || (d == end && at < 0) {
			end, at = d, n
		}
	}
	return at
}

// verdictTooltip is a region's targets against its result, with sources.
func (b builder) verdictTooltip(r row, rv model.RegionVerdicts) string {
	tip := ""
	for _, v := range rv.Verdicts {
		tip += b.tooltip(r.Region, r.Metric, &v.Target) + "<br>"
	}
	if rec := shownResult(rv); rec != nil {
		tip += b.tooltip(r.Region, r.Metric, rec) + "<br>"
	}
	if v, ok := rv.Primary(); ok {
		tip += "<strong>" + escapeTemplate(b.w.Outcome(v)) + "</strong>"
	}
	return tip
}

func shownResult(rv model.RegionVerdicts) *model.Record {
	if rv.Result != nil {
		return rv.Result
	}
	return rv.Estimate
}

// verdictsMax is the largest value a panel draws, for the percentage scale.
func verdictsMax(verdicts map[string]model.RegionVerdicts, p panel, lang i18n.Lang) float64 {
	m := 0.0
	for _, r := range p.rows {
		rv, ok := verdicts[r.Region.ID]
		if !ok {
			continue
		}
		if rec := shownResult(rv); rec != nil {
			m = math.Max(m, i18n.Display(rec.Value, rec.Unit, lang))
		}
		for _, v := range rv.Verdicts {
			m = math.Max(m, i18n.Display(v.Target.Value, v.Target.Unit, lang))
		}
	}
	return m
}
