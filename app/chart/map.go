package chart

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/data/geo"
)

// Colours of the map. Values take a sequential scale from light to dark
// (viridis, read the same by the common kinds of colour blindness, from
// yellow for the lowest to purple for the highest); verdicts take
// Okabe-Ito blue and orange, with the sign in each label. A district with
// no figure is grey and hatched, never the colour of a low value.
var valueColors = []string{"#FDE725", "#5EC962", "#21918C", "#3B528B", "#440154"}

const (
	colorMet       = "#0072B2"
	colorAboutMet  = "#56B4E9"
	colorMissed    = "#E69F00"
	colorNoVerdict = "#BBBBBB"
	colorNoFigure  = "#E4E4E4"
)

// hatch is the pattern over districts with no figure.
var hatch = map[string]any{
	"symbol": "rect", "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4},
	"rotation": 0.785, "color": "rgba(0,0,0,0.45)",
}

// The patterns tell the colours apart without colour, for a reader who
// turns patterns on (aria.decal.show, which the page sets): one pattern
// per colour of the value scale (valueColors, from sparse to dense as
// values rise), and one per verdict. None is the no-figure hatch.
var (
	valuePatterns = []map[string]any{
		pattern("circle", []int{2, 8}, 0, 0.25),
		pattern("rect", []int{1, 6}, 0, 0.35),
		pattern("rect", []int{1, 4}, -0.785, 0.4),
		pattern("rect", []int{2, 3}, 0, 0.45),
		pattern("circle", []int{3, 3}, 0, 0.5),
	}
	verdictPatterns = map[string]map[string]any{
		colorMet:       pattern("circle", []int{3, 5}, 0, 0.45),
		colorAboutMet:  pattern("rect", []int{1, 5}, 0, 0.4),
		colorMissed:    pattern("rect", []int{2, 4}, -0.785, 0.5),
		colorNoVerdict: pattern("triangle", []int{3, 9}, 0, 0.3),
	}
)

// pattern is an ECharts decal: marks of a symbol along lines dashed as
// dash (mark, gap), turned by rotation, in black at an opacity.
func pattern(symbol string, dash []int, rotation, opacity float64) map[string]any {
	return map[string]any{
		"symbol": symbol, "symbolSize": 1, "dashArrayX": []int{1, 0}, "dashArrayY": dash,
		"rotation": rotation, "color": "rgba(0,0,0," + strconv.FormatFloat(opacity, 'f', -1, 64) + ")",
	}
}

// Layout of the map: the shape on the left, the legend and the reference
// figures in a column on its right, which starts closer to the map where
// the chart is wide (wideFrom): the map keeps its shape, so it does not
// grow with the chart's width.
const (
	mapSide     = "62%" // where the column starts
	mapShare    = 0.62  // the same, as a share of the chart's width
	wideSide    = 420   // where it starts from wideFrom
	wideFrom    = 920   // the wide layout's least width (web/still.css)
	legendLine  = 20
	columnWidth = 300
	columnGap   = 12 // at least, between the map and the column
)

// crampedTo is the greatest width, just over narrowWidth, at which the
// column at mapSide would reach over the wide layout's map (Conghua's tip,
// on a phone in landscape), or its legend, need pixels wide, past the
// chart's right edge. Up to it, the map is the narrow layout's, beside the
// column (mapMedia).
func crampedTo(wide mapFrame, need int) int {
	clear := math.Ceil((8 + wide.width() + columnGap) / mapShare)
	fits := math.Ceil(float64(need+8) / (1 - mapShare))
	return int(max(clear, fits)) - 1
}

// columnNeed is about how wide the legend's widest line is, in pixels: a
// heading in bold, a line after its swatch. The reference figures under
// it wrap to the room there is (mapMedia); the legend's lines cannot.
func columnNeed(legend map[string]any) int {
	need := 0
	text, _ := legend["text"].(string)
	for _, line := range strings.Split(text, "\n") {
		width := 14 + textWidth(richTag.ReplaceAllString(line, "$1"))*labelCharWidth/2
		if strings.HasPrefix(line, "{h|") {
			width = textWidth(richTag.ReplaceAllString(line, "$1")) * headingCharWidth / 2
		}
		need = max(need, width)
	}
	return need
}

// richTag is an ECharts rich text tag, {style|text}.
var richTag = regexp.MustCompile(`\{\w+\|([^}]*)\}`)

// headingCharWidth is labelCharWidth for the column's 13-pixel bold
// headings.
const headingCharWidth = 15

// mapAspectScale keeps the districts' true shape: a degree of longitude at
// Guangzhou's latitude (23.2° N) is cos 23.2° ≈ 0.919 of a degree of
// latitude. ECharts' default, 0.75, fits latitudes near 41°, and a map
// boxed on all four sides stretches to fill its box whatever the scale, as
// this one once did, nearly twice as wide as the city is. So the map is
// boxed on three sides only, and ECharts draws it as wide as its shape is
// for its height.
const mapAspectScale = 0.919

// The narrow layout (a phone, a narrow embed) stacks the map, the legend
// and the reference figures in a taller chart (narrowHeight, the spec's
// NarrowHeight), with smaller labels.
const (
	narrowHeight    = 720
	narrowMapBottom = 330 // room under the map
	narrowColumn    = 320
)

// Map builds the map view of one metric and year: each of the eleven
// districts coloured by its figure (the districts view's: the plan, else
// the pledge, else the result) or, where the year has results to judge,
// by the verdict on its primary target; labelled with its name and value;
// hatched and labelled "not found in our sources" when it has none. The
// city and the reference levels are listed beside the map, not on it. It
// reports false for an unknown metric.
func Map(ds *model.Dataset, metricID string, year int, lang i18n.Lang) (spec.Spec, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return spec.Spec{}, false
	}
	b := newBuilder(ds, lang)
	m := b.newMapModel(metric, year)
	sp := spec.Spec{
		ChartType:    spec.ChartMap,
		Slug:         spec.MapSlug(metricID, year),
		Lang:         lang,
		Metric:       metricID,
		Year:         year,
		Title:        b.t("heading.map", metric.Name.In(string(lang)), year),
		Height:       spec.HeightWide,
		NarrowHeight: narrowHeight,
		Rows:         specRows(append(append([]row{}, m.districts...), m.refs...)),
		Missing:      regionIDs(m.missing),
		Sources:      sourcesOf(append(append([]row{}, m.districts...), m.refs...)),
	}
	sp.Subtitle = b.subtitle(metric, m.missing)
	if m.byVerdict {
		sp.Headline, sp.Rule = b.w.Headline(metric, year, ds.Verdicts(metricID, year)), b.w.Rule()
		sp.Rows = b.verdictRows(append(append([]row{}, m.districts...), m.refs...), m.verdicts)
	}
	sp.Description = b.mapDescription(m)
	sp.Option = b.mapOption(sp, m)
	sp.Export, sp.CreditLines = exportPatch(sp, ds)
	return sp, true
}

// mapModel is what the map shows.
type mapModel struct {
	metric    model.Metric
	year      int
	byVerdict bool
	verdicts  map[string]model.RegionVerdicts
	districts []row // the eleven, in catalogue order; Record nil when missing
	refs      []row // the other regions with a figure
	missing   []model.Region
	scale     []valueClass
}

// valueClass is one colour of the value scale, for values from lo to hi.
type valueClass struct {
	lo, hi float64
	color  string
}

func (b builder) newMapModel(metric model.Metric, year int) mapModel {
	m := mapModel{metric: metric, year: year, verdicts: map[string]model.RegionVerdicts{}}
	all := b.ds.Verdicts(metric.ID, year)
	for _, rv := range all {
		m.verdicts[rv.Region.ID] = rv
	}
	m.byVerdict = judgeable(all)
	for _, e := range b.ds.Compare(metric.ID, year) {
		rec := e.Record
		if m.byVerdict {
			rec = shownRecord(m.verdicts[e.Region.ID])
		}
		r := row{Region: e.Region, Metric: metric, Year: year, Record: rec}
		switch {
		case e.Region.Group == model.GroupDistrict:
			m.districts = append(m.districts, r)
			if rec == nil {
				m.missing = append(m.missing, e.Region)
			}
		case rec != nil:
			m.refs = append(m.refs, r)
		}
	}
	var values []float64
	for _, r := range m.districts {
		if r.Record != nil {
			values = append(values, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
		}
	}
	m.scale = valueScale(values)
	return m
}

// valueScale splits the range of values into up to five classes of equal
// width, one colour each; one value (or all equal) gets the middle colour.
func valueScale(values []float64) []valueClass {
	if len(values) == 0 {
		return nil
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo == hi {
		return []valueClass{{lo, hi, valueColors[len(valueColors)/2]}}
	}
	n := min(len(values), len(valueColors))
	classes := make([]valueClass, n)
	step := (hi - lo) / float64(n)
	for i := range classes {
		classes[i] = valueClass{lo + step*float64(i), lo + step*float64(i+1), valueColors[i*(len(valueColors)-1)/max(n-1, 1)]}
	}
	classes[n-1].hi = hi
	return classes
}

// colorOf is the colour of a value on the scale.
func (m mapModel) colorOf(v float64) string {
	for _, c := range m.scale {
		if v <= c.hi {
			return c.color
		}
	}
	return m.scale[len(m.scale)-1].color
}

// patternOf is the pattern of a district's colour class: the hatch for a
// district with no figure (its own decal, always shown).
func (m mapModel) patternOf(it item) map[string]any {
	color := it.ItemStyle.AreaColor
	if p, ok := verdictPatterns[color]; ok && m.byVerdict {
		return p
	}
	for i, c := range valueColors {
		if c == color {
			return valuePatterns[i]
		}
	}
	return hatch
}

// verdictColor is the colour of a district's primary verdict.
func verdictColor(rv model.RegionVerdicts) string {
	v, ok := rv.Primary()
	switch {
	case !ok:
		return colorNoVerdict
	case v.Outcome == model.OutcomeMet:
		return colorMet
	case v.Outcome == model.OutcomeAboutMet:
		return colorAboutMet
	case v.Outcome == model.OutcomeMissed:
		return colorMissed
	}
	return colorNoVerdict
}

// mapOption draws the districts as one map series, with the legend and
// the reference figures as text beside it.
func (b builder) mapOption(sp spec.Spec, m mapModel) json.RawMessage {
	data := make([]item, len(m.districts))
	decals := make([]map[string]any, len(m.districts))
	for i, r := range m.districts {
		data[i] = b.mapItem(r, m)
		decals[i] = m.patternOf(data[i])
	}
	legend, refs := b.mapLegend(m), b.mapReferences(m)
	series := map[string]any{
		"id": "districts", "type": "map", "map": geo.MapName, "name": sp.Title,
		// Each district takes the pattern at its own index in
		// aria.decal.decals: ECharts hands a series coloured by data its
		// decal palette in the order of the data.
		"colorBy": "data",
		// The districts' data, with their labels' offsets, is in each of
		// the layouts (mapMedia), one of which always applies: here it
		// would be a fifth copy in every page's bundle.
		"left": 8, "top": 8, "bottom": 8, "aspectScale": mapAspectScale,
		"selectedMode": false, "roam": false,
		"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 1},
		"label": map[string]any{
			"show": true, "fontSize": 11, "lineHeight": 13, "color": "#111111",
			"textBorderColor": "#ffffff", "textBorderWidth": 2,
		},
		"emphasis": map[string]any{
			"label":     map[string]any{"show": true},
			"itemStyle": map[string]any{"borderColor": "#000000", "borderWidth": 2},
		},
	}
	option := map[string]any{
		"aria": map[string]any{
			"enabled": true, "label": map[string]any{"enabled": true, "description": sp.Description},
			"decal": map[string]any{"show": false, "decals": decals},
		},
		"tooltip": tooltipOption(),
		"series":  []any{series},
		"title":   []any{legend, refs},
		"color":   palette,
	}
	option["graphic"], option["media"] = mapMedia(sp, m, data, columnNeed(legend))
	out, err := json.Marshal(option)
	if err != nil {
		panic("chart: encoding map option: " + err.Error())
	}
	return out
}

// mapMedia is the map's layout by width: the column beside the map by
// default, nearer to it from wideFrom, and under it below narrowWidth,
// where the map is smaller and centred and some labels move by other
// offsets (narrowData). Just over narrowWidth, up to crampedTo, the
// column stands beside that smaller map, whose labels' offsets and lines
// hold as they do below narrowWidth. The labels are placed by their offsets
// alone: ECharts' server-side rendering ignores offsets where it is asked
// to move overlapping labels apart (labelLayout), and the browser does
// not, so a still so drawn had its labels elsewhere than the live chart.
//
// Each entry is a whole layout, its labels' offsets (the series' data)
// included. ECharts merges only the entries whose query holds, and the
// one without a query only where none does, so an entry that set the
// column alone kept the narrow layout's map, labels and lines for a
// reader whose window grew from a phone's width to a wide one.
//
// It also gives the option's graphic: the lines from the districts whose
// labels lie outside them (mapFrame.leaders), which each layout draws
// anew.
func mapMedia(sp spec.Spec, m mapModel, data []item, need int) (graphic, media []any) {
	label := func(size int) map[string]any { return map[string]any{"fontSize": size, "lineHeight": size + 2} }
	top := narrowHeight - narrowMapBottom + 8
	narrow := narrowData(data)
	wideFrame, narrowFrame := newMapFrame(sp.Height-16), newMapFrame(narrowHeight-narrowMapBottom)
	ids := leaderIDs(wideFrame, narrowFrame, data, narrow)
	wideLeaders := wideFrame.leaders(data, ids, 13, 8, 8)
	// A layout beside the column: the map in its frame, its labels of a
	// size, the column from side, and the reference figures wrapped to
	// the room right of it at the layout's least width.
	beside := func(side any, room int, frame mapFrame, data []item, size int) map[string]any {
		bottom := sp.Height - 8 - int(frame.height)
		return mapLayout(
			map[string]any{"left": 8, "top": 8, "bottom": bottom, "label": label(size), "data": data},
			map[string]any{"left": side, "top": 8},
			map[string]any{"left": side, "top": m.referencesTop(), "textStyle": map[string]any{"width": min(room, columnWidth)}},
			frame.leaders(data, ids, size+2, 8, 8),
		)
	}
	crampedSide, crampedEnd := 8+int(math.Ceil(narrowFrame.width()))+columnGap, crampedTo(wideFrame, need)
	return []any{wideLeaders}, []any{
		map[string]any{"option": beside(mapSide, int((1-mapShare)*float64(crampedEnd+1))-8, wideFrame, data, 11)},
		map[string]any{
			"query":  map[string]any{"minWidth": narrowWidth + 1, "maxWidth": crampedEnd},
			"option": beside(crampedSide, narrowWidth+1-crampedSide-8, narrowFrame, narrow, 9),
		},
		map[string]any{"query": map[string]any{"minWidth": wideFrom}, "option": beside(wideSide, wideFrom-wideSide-8, wideFrame, data, 11)},
		map[string]any{
			"query": map[string]any{"maxWidth": narrowWidth},
			"option": mapLayout(
				map[string]any{"left": "center", "top": 0, "bottom": narrowMapBottom, "label": label(9), "data": narrow},
				map[string]any{"left": 4, "top": top},
				map[string]any{"left": 4, "top": top - 8 + m.referencesTop(), "textStyle": map[string]any{"width": narrowColumn}},
				narrowFrame.leaders(narrow, ids, 11, "center", 0),
			),
		},
	}
}

// mapLayout is one of the map's layouts, as a media entry's option. Its
// graphic is a whole graphic component ({elements}): ECharts turns a bare
// list of elements into one only in an option's root, and a media entry's
// bare list became a component without elements, which drew no lines.
func mapLayout(series, legend, refs, leaders map[string]any) map[string]any {
	return map[string]any{
		"series":  []any{series},
		"title":   []any{legend, refs},
		"graphic": map[string]any{"elements": []any{leaders}},
	}
}

// mapItem is one district on the map: its shape's name (which ties it to
// the outline), the value, the colour, and a label with the name and the
// value, or the words for a missing figure.
func (b builder) mapItem(r row, m mapModel) item {
	shape, _ := geo.ShapeName(r.Region.ID)
	name := b.regionName(r.Region)
	if r.Record == nil {
		return item{
			Value: empty, Name: shape, RegionID: r.Region.ID,
			Label: &itemLabel{
				Show: true, Formatter: name + "\n" + inTwoLines(b.w.NoFigure(r.Region.ID, m.metric.ID, m.year)),
				Offset: labelOffsets[r.Region.ID],
			},
			Tooltip:   &itemTip{Formatter: escapeTemplate(name + ": " + b.w.NoFigure(r.Region.ID, m.metric.ID, m.year))},
			ItemStyle: &itemStyle{AreaColor: colorNoFigure, Color: colorNoFigure, Decal: hatch},
		}
	}
	it := b.figureItem(r, i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
	it.Name = shape
	it.Label.Position = ""
	it.Label.Formatter = name + "\n" + b.w.Mark(*r.Record)
	color := ""
	if m.byVerdict {
		rv := m.verdicts[r.Region.ID]
		color = verdictColor(rv)
		it.Tooltip.Formatter = b.verdictTooltip(r, rv)
		if v, ok := rv.Primary(); ok && v.Judged() {
			it.Label.Formatter += " " + b.w.Outcome(v)
		}
	} else {
		color = m.colorOf(i18n.Display(r.Record.Value, r.Record.Unit, b.lang))
	}
	it.ItemStyle = &itemStyle{AreaColor: color, Color: color}
	it.Label.Offset = labelOffsets[r.Region.ID]
	return it
}

// inTwoLines breaks words longer than a short value ("not found in our
// sources", the longest words a district's label holds) in two at the
// space nearest their middle, so that the label is as narrow as its
// neighbours' and fits between them. Words without a space (Chinese) stay
// whole: they are about as wide as a value already.
func inTwoLines(words string) string {
	const most = 16 // characters on one line, about a value and its verdict
	if utf8.RuneCountInString(words) <= most {
		return words
	}
	mid, at := len(words)/2, -1
	for i, c := range words {
		if c == ' ' && (at < 0 || abs(i-mid) < abs(at-mid)) {
			at = i
		}
	}
	if at < 0 {
		return words
	}
	return words[:at] + "\n" + words[at+1:]
}

// abs is the distance of n from zero.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// narrowData is the districts' data for the narrow layout, its labels
// moved by narrowLabelOffsets.
func narrowData(data []item) []item {
	out := slices.Clone(data)
	for i, it := range out {
		if it.Label == nil {
			continue
		}
		label := *it.Label
		label.Offset = narrowLabelOffsets[it.RegionID]
		out[i].Label = &label
	}
	return out
}

// labelOffsets move districts' labels off their label points (the
// GeoJSON's cp, often the district government's seat), in pixels, where
// the labels of the small districts at the city's centre would overlap:
// Baiyun's and Huadu's north into their wide bodies, Huangpu's into its
// north, Tianhe's north-east; Yuexiu's and Liwan's, the smallest, out of
// the city to the west, each with a line to its district
// (mapFrame.leaders). They hold for every map the site publishes, in both
// languages (TestMapLabelsApart), at every width of the layout, as the
// map's size in pixels does not change with it. They were found by a
// search over the stills' label boxes: no two overlapping, none over
// another district, lines crossing no label. A figure whose label does
// not fit fails TestMapLabelsApart, which names the labels to move.
var labelOffsets = map[string][]int{
	"liwan": {-50, 54}, "yuexiu": {-56, -24}, "haizhu": {14, 8}, "tianhe": {14, -18}, "panyu": {6, 0},
	"huangpu": {6, -40}, "baiyun": {8, -82}, "huadu": {0, -31}, "zengcheng": {2, -1},
}

// narrowLabelOffsets are labelOffsets for the narrow layout, where the
// map is three quarters as large and the labels nearly as large.
var narrowLabelOffsets = map[string][]int{
	"liwan": {-47, 42}, "yuexiu": {-51, -21}, "haizhu": {14, 6}, "tianhe": {9, -17}, "panyu": {2, 0},
	"huangpu": {24, -44}, "baiyun": {-15, -49}, "huadu": {0, -16}, "zengcheng": {8, 1},
}

// mapLegend says what the colours mean, each line led by a swatch of its
// colour, the hatch last.
func (b builder) mapLegend(m mapModel) map[string]any {
	rich := map[string]any{}
	var lines []string
	add := func(key, color, text string) {
		rich[key] = map[string]any{
			"width": 14, "height": 14, "backgroundColor": color,
			"borderColor": "#767676", "borderWidth": 1,
		}
		lines = append(lines, "{"+key+"|} "+escapeTemplate(text))
	}
	heading := b.t("map.legendValue")
	if m.byVerdict {
		heading = b.t("map.legendVerdict")
		add("met", colorMet, b.t("verdict.met"))
		add("about", colorAboutMet, b.t("verdict.about_met"))
		add("missed", colorMissed, b.t("verdict.missed"))
		add("none", colorNoVerdict, b.t("map.noVerdict"))
	} else {
		unit := m.metric.Unit
		for i := len(m.scale) - 1; i >= 0; i-- {
			c := m.scale[i]
			text := i18n.Value(c.lo, unit, b.lang)
			if c.hi > c.lo {
				text = i18n.Range(c.lo, c.hi, unit, b.lang)
			}
			add("c"+itoa(i), c.color, text)
		}
	}
	if len(m.missing) > 0 {
		add("missing", colorNoFigure, "▨ "+b.t("none.found"))
	}
	rich["h"] = map[string]any{"fontWeight": "bold", "fontSize": 13}
	return map[string]any{
		"id": "legend", "text": "{h|" + escapeTemplate(heading) + "}\n" + strings.Join(lines, "\n"),
		"left": mapSide, "top": 8,
		"textStyle": map[string]any{"fontSize": 12, "fontWeight": "normal", "lineHeight": legendLine, "rich": rich},
	}
}

// referencesTop is where the reference figures start, under the legend's
// heading and lines.
func (m mapModel) referencesTop() int {
	rows := len(m.scale)
	if m.byVerdict {
		rows = 4
	}
	if len(m.missing) > 0 {
		rows++
	}
	return 8 + (rows+2)*legendLine
}

// mapReferences lists the figures of the city and the reference levels,
// which are not districts and have no place on the map.
func (b builder) mapReferences(m mapModel) map[string]any {
	lines := make([]string, len(m.refs))
	for i, r := range m.refs {
		lines[i] = b.t("chart.desc.item", b.regionName(r.Region), b.w.Describe(*r.Record))
	}
	return map[string]any{
		"id":   "references",
		"text": "{h|" + escapeTemplate(b.t("map.references")) + "}\n" + escapeTemplate(strings.Join(lines, "\n")),
		"show": len(lines) > 0, "left": mapSide, "top": m.referencesTop(),
		"textStyle": map[string]any{
			"fontSize": 12, "fontWeight": "normal", "lineHeight": 17, "width": columnWidth, "overflow": "break",
			"rich": map[string]any{"h": map[string]any{"fontWeight": "bold", "fontSize": 13}},
		},
	}
}

// mapDescription is the map in words: every district's figure, then those
// without one.
func (b builder) mapDescription(m mapModel) string {
	name := m.metric.Name.In(string(b.lang))
	var items []string
	for _, r := range append(append([]row{}, m.districts...), m.refs...) {
		switch {
		case r.Record == nil:
		case m.byVerdict:
			items = append(items, b.t("chart.desc.item", b.regionName(r.Region), b.regionJudgement(m.verdicts[r.Region.ID])))
		default:
			items = append(items, b.t("chart.desc.item", b.regionName(r.Region), b.w.Describe(*r.Record)))
		}
	}
	text := ""
	if len(items) > 0 {
		text = strings.Join(items, b.w.ItemSep()) + b.w.SentenceEnd()
	}
	if len(m.missing) > 0 {
		text += b.t("chart.desc.missing", b.w.Names(m.missing))
	}
	key := i18n.Key("map.desc.value")
	if m.byVerdict {
		key = "map.desc.verdict"
	}
	return b.t(key, name, m.year, text)
}
