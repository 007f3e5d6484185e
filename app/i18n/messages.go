package i18n

import "fmt"

// Key names a UI string.
type Key string

// messages holds every UI string in Chinese and English. Format verbs
// must match between the two (a test checks), so that T can fill either.
var messages = map[Key][2]string{
	// Site.
	"app.name":        {"广州各区经济目标", "Guangzhou district targets"},
	"app.short":       {"广州区目标", "GZ targets"},
	"app.description": {"比较广州各区公布的经济目标与结果，每个数字均附原文出处。", "Compare the economic targets and results that Guangzhou's districts publish, each figure cited to its source sentence."},
	"nav.skip":        {"跳到正文", "Skip to content"},
	"nav.main":        {"主导航", "Main"},
	"nav.explorer":    {"比较", "Compare"},
	"nav.sources":     {"来源", "Sources"},
	"nav.coverage":    {"数据完整度", "Coverage"},
	"nav.districts":   {"各区概况", "District profiles"},
	"nav.language":    {"语言", "Language"},
	"lang.zh":         {"中文", "中文"},
	"lang.en":         {"English", "English"},

	// Views and controls.
	"view.label":           {"视图", "View"},
	"view.districts":       {"各区比较", "Districts"},
	"view.years":           {"历年", "Every year"},
	"view.table":           {"全部数据", "Table"},
	"control.metric":       {"指标", "Metric"},
	"control.year":         {"年份", "Year"},
	"control.region":       {"地区", "Region"},
	"control.all":          {"全部", "All"},
	"control.apply":        {"显示", "Show"},
	"control.decal":        {"图案填充（色觉友好）", "Patterns (colour-blind friendly)"},
	"control.sort":         {"按%s排序", "Sort by %s"},
	"control.otherMetrics": {"其他指标", "Other goals"},
	"control.macroMetrics": {"主要经济指标", "Main economic metrics"},

	// Headings.
	"heading.districts":        {"%[2]d年各区%[1]s：目标与实际", "%[1]s by district, %[2]d: targets and results"},
	"heading.districtsTargets": {"%[2]d年各区%[1]s目标", "%[1]s targets by district, %[2]d"},
	"heading.districtsResults": {"%[2]d年各区%[1]s（实际）", "%[1]s results by district, %[2]d"},
	"heading.years":            {"各区历年%s：目标与实际", "%s by district, every year: targets and results"},
	"heading.table":            {"全部数据", "Every figure"},
	"heading.tableFiltered":    {"筛选后的数据：%s", "Figures: %s"},
	"heading.profile":          {"%s：全部数据", "%s: every figure"},
	"heading.sources":          {"来源", "Sources"},
	"heading.conflicts":        {"来源之间的分歧", "Where sources disagree"},
	"heading.figures":          {"摘录的数据", "Figures taken from it"},
	"heading.year":             {"%d年", "%d"},
	"heading.charts":           {"分指标图表", "Charts by metric"},
	"heading.notFound":         {"找不到该页面", "Page not found"},

	// Chart text.
	"series.target":        {"目标", "Target"},
	"series.actual":        {"实际", "Result"},
	"series.stretch":       {"力争目标", "Stretch goal"},
	"series.ownScale":      {"（单独刻度）", " (own scale)"},
	"series.reference":     {"参照：%s", "For reference: %s"},
	"reference.city":       {"全市", "the city"},
	"reference.province":   {"全省", "Guangdong"},
	"reference.nation":     {"全国", "China"},
	"series.change":        {"变化", "Change"},
	"chart.none":           {"我们的来源中未找到：%s", "Not found in our sources: %s"},
	"chart.noneAll":        {"我们的来源中没有%[2]d年%[1]s的数据。", "Our sources have no %[1]s figure for %[2]d."},
	"chart.noneJudged":     {"我们的来源中没有哪个地区同时有%[2]d年%[1]s的目标和结果，暂无可评判的数据。", "No region has both a %[1]s target and a result for %[2]d in our sources: there is nothing to judge yet."},
	"chart.noneCascade":    {"逐级比较需要全国、省或市的%[2]d年%[1]s目标和至少两个区的目标，我们的来源中没有这些数据。", "Comparing targets level by level needs a %[2]d %[1]s target of the nation, the province or the city and those of at least two districts; our sources do not have them."},
	"chart.hollow":         {"空心标记为初步结果或上半年的增速。", "A hollow mark is an estimated result or a first-half growth rate."},
	"chart.cascadeRates":   {"逐级比较只适用于增速。", "Targets are compared level by level for growth rates only."},
	"chart.noneDistricts":  {"我们的来源中没有哪个区有%[2]d年%[1]s的数据。", "No district has a %[1]s figure for %[2]d in our sources."},
	"chart.seeFigures":     {"查看%[2]d年%[1]s的全部现有数据", "See every %[1]s figure for %[2]d there is"},
	"chart.unit":           {"单位：%s", "Unit: %s"},
	"chart.desc.districts": {"%[2]d年各区%[1]s的条形图，按数值从高到低排列。%[3]s", "Bar chart of %[1]s by district for %[2]d, sorted from highest to lowest. %[3]s"},
	"chart.desc.years":     {"各地区历年%s的小图，目标与实际各为一条线。%s", "Small charts of each region's %s by year, targets and results as two lines. %s"},
	"chart.noneAllYears":   {"我们的来源中没有任何年份的%s数据。", "Our sources have no %s figure for any year."},
	"chart.desc.profile":   {"%s历年%s。%s", "%[2]s of %[1]s by year. %[3]s"},
	"chart.desc.item":      {"%s：%s", "%s: %s"},
	"chart.desc.pair":      {"%s：%s → %s", "%s: %s → %s"},
	"chart.desc.missing":   {"我们的来源中未找到：%s。", "Not found in our sources: %s."},
	"chart.stretchMark":    {"力争%s", "stretch %s"},
	"chart.conflict":       {"来源不一致：%s", "Sources disagree: %s"},
	"chart.h1":             {"%d年上半年", "H1 %d"},
	"chart.up":             {"上升", "up"},
	"chart.down":           {"下降", "down"},
	"chart.same":           {"持平", "unchanged"},
	"chart.onlyOne":        {"仅有%d年", "%d only"},
	"chart.loading":        {"图表加载中…", "Loading the chart…"},
	"chart.unavailable":    {"图表暂时无法加载，请联网后重试。", "The chart could not be loaded; try again when online."},
	"chart.stillOnly":      {"交互式图表未能加载，此处为静态图。", "The interactive chart could not be loaded; this is a picture of it."},
	"chart.clickHint":      {"点击条形查看该区概况。", "Select a bar to open that district's profile."},

	// Record vocabulary.
	"kind.target":             {"目标", "target"},
	"kind.actual":             {"实际", "result"},
	"kind.target.plan":        {"计划目标", "plan target"},
	"kind.target.pledge":      {"表态目标", "pledged target"},
	"kind.target.unknown":     {"阶段不明的目标", "target, stage unknown"},
	"kind.actual.provisional": {"初步结果", "estimated result"},
	"kind.actual.h1":          {"上半年实际", "first-half result"},
	"mark.provisional":        {"预计", "est."},
	"stage.plan":              {"计划（人大通过）", "plan (adopted by the congress)"},
	"stage.pledge":            {"表态（大会发言）", "pledge (conference speech)"},
	"stage.unknown":           {"阶段不明", "stage unknown"},
	"none.found":              {"我们的来源中未找到", "not found in our sources"},
	"none.searched":           {"已查找，未找到", "searched for, not found"},
	"period.year":             {"全年", "full year"},
	"period.h1":               {"上半年", "first half"},
	"qualifier.exact":         {"确切值", "exact"},
	"qualifier.at_least":      {"以上（不低于）", "at least"},
	"qualifier.above":         {"超过", "more than"},
	"qualifier.about":         {"左右", "about"},
	"group.district":          {"广州市辖区", "Guangzhou district"},
	"group.city":              {"广州全市", "Whole city"},
	"group.neighbour":         {"邻市（肇庆）", "Neighbouring city (Zhaoqing)"},
	"group.province":          {"省（参照）", "Province (reference)"},
	"group.nation":            {"全国（参照）", "Nation (reference)"},
	"conflict.value":          {"数值", "value"},
	"conflict.qualifier":      {"限定词", "qualifier"},
	"conflict.stretch":        {"力争目标", "stretch goal"},

	// Verdicts.
	"verdict.met":             {"✓ 达成", "✓ met"},
	"verdict.about_met":       {"≈ 基本达成", "≈ about met"},
	"verdict.missed":          {"✗ 未达成", "✗ missed"},
	"verdict.estimate":        {"仅有初步数据，暂不评判", "no verdict: estimate only"},
	"verdict.firstHalf":       {"仅有上半年数据，暂不评判", "no verdict: first-half result only"},
	"verdict.pending":         {"结果尚未公布", "pending: results not out yet"},
	"verdict.no_result":       {"我们的来源中未找到结果", "no result found in our sources"},
	"verdict.stretch":         {"并达到力争目标", "stretch goal reached"},
	"verdict.rule":            {"评判规则：实际结果达到目标即为“达成”（目标为“超过”时须高于目标）；目标带“左右”时，低于目标不超过0.5个百分点（总量不超过2%）为“基本达成”；否则为“未达成”。初步（预计）数据和上半年数据不作评判。", "The rule: a target is met when the result reaches it (exceeds it, for a “more than” target); an “about” target missed by at most 0.5 percentage points (2% of an amount) is about met; otherwise it is missed. Estimates and first-half results get no verdict."},
	"verdict.target":          {"%s%s", "%s %s"},
	"verdict.against":         {"实际%s，对照%s：%s", "result %s against %s: %s"},
	"verdict.againstEstimate": {"%s，对照%s：%s", "%s against %s: %s"},
	"verdict.alone":           {"%s：%s", "%s: %s"},
	"verdict.headline":        {"在同时有目标和结果的%[2]d个区中，%[1]d个达成了%[3]d年%[4]s目标，%[5]d个基本达成，%[6]d个未达成。", "%[1]d of %[2]d districts with both a target and a result met their %[3]d %[4]s target, %[5]d about met it and %[6]d missed it."},
	"verdict.headlineOne":     {"只有一个区同时有%[1]d年%[2]s的目标和结果：%[3]s，%[4]s。", "Only one district has both a %[1]d %[2]s target and a result: %[3]s, %[4]s."},
	"verdict.headlineNone":    {"我们的来源中还没有哪个区同时有%[1]d年%[2]s的目标和最终结果。", "No district has both a %[2]s target and a final result for %[1]d in our sources yet."},
	"verdict.city":            {"全市：实际%s，目标%s（%s）。", "The city: %s against %s (%s)."},
	"heading.results":         {"%[2]d年各区%[1]s：目标与实际", "%[1]s by district, %[2]d: targets against results"},
	"view.results":            {"目标与实际", "Targets vs results"},
	"series.plan":             {"计划目标", "Plan target"},
	"series.pledge":           {"表态目标", "Pledged target"},
	"series.estimate":         {"初步结果", "Estimated result"},
	"table.verdict":           {"评判", "Verdict"},
	"heading.verdicts":        {"是否达成目标", "Did they meet it?"},
	"heading.coverage":        {"数据完整度", "How complete the record is"},
	"coverage.intro":          {"各地区每年的计划目标、表态目标和实际结果：✓表示已找到（点击查看出处），“已查找，未找到”表示我们查找过但在来源中没有找到，“—”表示尚未查找。", "Each region's plan target, pledged target and result, year by year: ✓ where found (select it for the sources), “searched for, not found” where we looked and our sources do not have it, and “—” where nobody has looked yet."},
	"heading.cascade":         {"%[2]d年%[1]s目标：从全国到各区", "%[1]s targets, %[2]d: from the nation down to the districts"},
	"view.cascade":            {"层层目标", "Nation to district"},
	"series.levels":           {"全国、全省、全市目标", "Nation, province and city targets"},
	"series.referenceTarget":  {"目标（参照）", "Target (for reference)"},
	"series.districtTargets":  {"各区目标", "District targets"},
	"cascade.cityLine":        {"全市目标", "City's target"},
	"cascade.same":            {"与全市目标相同", "same as the city's target"},
	"cascade.above":           {"比全市目标高%s个百分点", "%s points above the city's target"},
	"cascade.below":           {"比全市目标低%s个百分点", "%s points below the city's target"},
	"cascade.aboveOne":        {"比全市目标高%s个百分点", "%s point above the city's target"},
	"cascade.belowOne":        {"比全市目标低%s个百分点", "%s point below the city's target"},
	"cascade.result":          {"实际%s", "result %s"},
	"cascade.headline":        {"在有目标的%[2]d个区中，%[1]d个区的目标高于全市的%[3]s。", "%[1]d of %[2]d districts with a target aimed higher than the city's %[3]s."},
	"verdict.noTarget":        {"我们的来源中未找到目标", "no target found in our sources"},

	// Table.
	"table.caption": {"%d条数据", "%d figures"},
	"table.region":  {"地区", "Region"},
	"table.metric":  {"指标", "Metric"},
	"table.year":    {"年份", "Year"},
	"table.kind":    {"类型", "Type"},
	"table.value":   {"数值", "Value"},
	"table.source":  {"来源", "Source"},
	"table.quote":   {"原文", "Quote"},
	"table.none":    {"我们的来源中未找到", "not found in our sources"},
	"table.empty":   {"没有符合条件的数据。", "No figures match these filters."},
	"table.data":    {"图表数据", "Chart data"},
	"table.dataOf":  {"图表数据：%s", "Chart data: %s"},

	// Sources page.
	"source.outlet":      {"媒体", "Outlet"},
	"source.published":   {"发布日期", "Published"},
	"source.language":    {"语言", "Language"},
	"source.file":        {"原始文件", "Original file"},
	"source.address":     {"网址", "Address"},
	"source.retrieved":   {"查阅日期", "Retrieved"},
	"source.site":        {"转载网站", "Reposted on"},
	"source.reliability": {"可靠性提示（英文）：", "Reliability:"},
	"source.page":        {"原网页", "web page"},
	"source.translated":  {"机器翻译", "machine translation"},
	"source.notes":       {"阅读说明（英文）", "Reading notes"},
	"source.count":       {"%d条数据", "%d figures"},
	"source.countOne":    {"%d条数据", "%d figure"},
	"source.noConflicts": {"各来源之间没有分歧。", "The sources do not disagree."},
	"language.zh":        {"中文", "Chinese"},
	"language.en":        {"英文", "English"},
	"quote.note":         {"说明（英文）：", "Note:"},

	// District page.
	"profile.group":   {"类别：%s", "Group: %s"},
	"profile.none":    {"我们的来源中尚未找到该地区的数据。", "Our sources have no figures for this region yet."},
	"profile.unknown": {"没有名为“%s”的地区。", "There is no region called “%s”."},
	"profile.pick":    {"请选择一个地区：", "Choose a region:"},

	// The Chinese CSV file's column names (the English file's are the ids).
	"csv.region":      {"地区代码", "region"},
	"csv.region_name": {"地区", "region_name"},
	"csv.metric":      {"指标代码", "metric"},
	"csv.metric_name": {"指标", "metric_name"},
	"csv.year":        {"年份", "year"},
	"csv.period":      {"时段（year全年，h1上半年）", "period"},
	"csv.kind":        {"类别（target目标，actual实际）", "kind"},
	"csv.value":       {"数值", "value"},
	"csv.qualifier":   {"限定（exact确数，at_least以上，above超，about左右，range区间）", "qualifier"},
	"csv.stretch":     {"力争值", "stretch"},
	"csv.unit":        {"单位代码", "unit"},
	"csv.conflict":    {"来源不一致之处", "conflict"},
	"csv.sources":     {"来源", "sources"},
	"csv.quotes":      {"原文", "quotes"},
	"csv.stage":       {"目标阶段", "stage"},
	"csv.provisional": {"初步数据", "provisional"},
	"csv.upper":       {"区间上限", "upper"},
	"csv.verdict":     {"评判", "verdict"},
	"csv.source_urls": {"来源网址", "source_urls"},
	"csv.reliability": {"可靠性说明", "reliability"},
	"csv.unit_name":   {"单位", "unit_name"},

	// Notices.
	"notice.unknown-value":  {"无法识别参数%s的值“%s”，已显示默认内容。", "The %s “%s” is not recognised; showing the default instead."},
	"notice.yearNotCovered": {"我们的来源中有%[1]s的数据，但没有%[2]s年的；以下显示%[3]s的数据。", "Our sources have figures for %[1]s, but none for %[2]s; showing %[3]s instead."},
	"years.run":             {"%d年至%d年", "%d to %d"},
	"years.every":           {"所有年份", "every year"},
	"notice.unknown-param":  {"已忽略未知参数“%s”。", "The unknown parameter “%s” was ignored."},
	"notice.repeated-param": {"参数%s出现了多次，已使用第一个值“%s”。", "The parameter %s was given more than once; the first value, “%s”, is used."},
	"notice.route":          {"找不到页面“%s”。", "There is no page at “%s”."},
	"notice.dismiss":        {"关闭提示", "Dismiss"},

	// Embeds and downloads.
	"embed.open":       {"嵌入", "Embed"},
	"embed.intro":      {"将以下代码粘贴到文章中即可嵌入当前图表（视图、指标、年份与语言均保留）。", "Paste this code into an article to embed the chart as it is now (view, metric, year and language)."},
	"embed.iframe":     {"嵌入代码", "Embed code"},
	"embed.script":     {"可选：自动调整高度的脚本（每页一次）", "Optional: script that resizes embeds to fit (once per page)"},
	"embed.preview":    {"预览", "Preview"},
	"embed.copy":       {"复制", "Copy"},
	"embed.copied":     {"已复制", "Copied"},
	"embed.copyFailed": {"无法复制：代码已选中，请按 Ctrl+C（⌘C）复制", "Could not copy: the code is selected, press Ctrl+C (⌘C) to copy it"},
	"embed.title":      {"%s（广州各区经济目标）", "%s (Guangzhou district targets)"},
	"embed.credit":     {"数据来源：%s", "Sources: %s"},
	"embed.more":       {"在浏览器中打开完整图表", "Open in the explorer"},
	"embed.fallback":   {"无法识别嵌入地址，显示默认图表。", "This embed address is not recognised; showing the default chart."},
	"embed.flags":      {"无法识别嵌入参数：%s", "Embed options not recognised: %s"},
	"download.label":   {"下载", "Download"},
	"download.png":     {"图片（PNG）", "Image (PNG)"},
	"download.svg":     {"矢量图（SVG）", "Vector image (SVG)"},
	"download.csv":     {"当前数据（CSV）", "These figures (CSV)"},
	"download.allCSV":  {"全部数据（CSV）", "All figures (CSV)"},
	"download.allJSON": {"全部数据（JSON）", "All figures (JSON)"},

	// The map view.
	"view.map":          {"地图", "Map"},
	"heading.map":       {"%[2]d年各区%[1]s地图", "%[1]s by district, %[2]d: map"},
	"map.legendValue":   {"颜色：数值", "Colour: value"},
	"map.legendVerdict": {"颜色：是否达成目标", "Colour: did they meet it?"},
	"map.noVerdict":     {"无评判（仅有目标或结果）", "no verdict (target or result only)"},
	"map.references":    {"参照（不在地图上）", "For reference (not on the map)"},
	"map.desc.value":    {"%[2]d年各区%[1]s地图，颜色越深数值越高。%[3]s", "Map of %[1]s by district for %[2]d; the darker, the higher. %[3]s"},
	"map.desc.verdict":  {"%[2]d年各区%[1]s地图，按是否达成目标着色。%[3]s", "Map of %[1]s by district for %[2]d, coloured by whether each met its target. %[3]s"},

	// Application state.
	"update.available": {"有新版本可用", "New version available"},
	"update.reload":    {"重新加载", "reload"},
	"offline.status":   {"离线模式：显示已缓存的数据", "Offline: showing cached data"},
	"footer.data":      {"数据来自%[1]d个公开网页和%[2]d篇新闻报道，涵盖%[3]s，最近更新于%[4]s；每个数字都可追溯到原文。", "Data from %[1]d public web pages and %[2]d news articles, covering %[3]s, last updated %[4]s; every number traces back to its source sentence."},
	"footer.empty":     {"尚无数据。", "No data yet."},
	"footer.version":   {"版本 %s", "Version %s"},
	"loading":          {"正在加载交互功能…", "Loading interactive features…"},
}

// T returns the string for key in the language, filled with args. An
// unknown key returns the key itself, so that a gap shows rather than
// breaking the page.
func T(lang Lang, key Key, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return string(key)
	}
	s := m[1]
	if lang == ZH {
		s = m[0]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Keys returns every message key, for tests.
func Keys() []Key {
	keys := make([]Key, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	return keys
}

// Both returns the Chinese and English strings of a key.
func Both(key Key) (zh, en string) {
	m := messages[key]
	return m[0], m[1]
}
