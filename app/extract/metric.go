package extract

import (
	"regexp"
	"strings"
)

// metricPhrase is a place where the text names a measured quantity.
type metricPhrase struct {
	span
	// base is the quantity named, without growth or total: "gdp", "fai".
	base string
}

// metricBases lists, for each quantity, the phrases that name it in
// Chinese and English. Order matters where phrases overlap at the same
// position: the share of industry in GDP must be tried before GDP.
var metricBases = []struct{ base, pattern string }{
	{"industrial_va", `(?:规上|规模以上)?工业增加值占(?:全区|全市)?(?:地区生产总值|GDP|生产总值)的?比重|` +
		`\b(?:share|proportion) of (?:the )?industr(?:y|ial (?:added value|value added))(?: in| of) (?:the )?(?:regional )?GDP`},
	{"industrial_output", `(?:规上|规模以上)工业(?:总)?产值|工业总产值|` +
		`\b(?:total |gross )?(?:industrial output(?: value)?|output value of (?:the )?industr(?:y|ies|ial enterprises))(?: above (?:a )?designated size)?`},
	{"industrial_value_added", `(?:规上|规模以上)?工业增加值|` +
		`\b(?:industrial added value|industrial value added|(?:the )?added value of (?:industrial enterprises|industry|industries)(?: above (?:a )?designated size)?)`},
	{"industrial_investment", `工业投资|\bindustrial investments?\b|\binvestments? in industry\b`},
	{"fai", `(?:全社会)?固定资产投资(?:总额|额)?|固投|\bfixed[- ]assets? investments?\b|\binvestments? in fixed assets\b|\bfixed investments?\b`},
	{"gdp", `(?:地区|地方)?生产总值|GDP|经济总量|经济增速|经济增长|` +
		`\bgross (?:domestic|regional) product\b|\btotal economic (?:output|volume)\b|\beconomic (?:output|aggregate|volume|growth)\b|\bthe economy\b`},
	{"retail", `社会消费品零售总额|社零总额|社消零总额|社消零|社零|消费品零售总额|零售业(?:销售额)?|零售额|` +
		`\b(?:the )?(?:total )?retail sales(?: of (?:social )?consumer goods)?\b|\bretail (?:industry|sector|trade)\b`},
	{"wholesale", `批发业(?:销售额)?|批发额|\bwholesale(?: sales| industry| trade)?\b`},
	{"trade", `外贸进出口(?:总额|总值)?|进出口(?:总额|总值)?|外贸|\bforeign trade(?: volume| value)?\b|\b(?:total )?imports? and exports?\b|\bimport and export(?: volume| value)?\b`},
	{"budget_revenue", `(?:地方)?一般公共预算收入|\b(?:local )?general (?:public )?budget(?:ary)? revenue\b`},
}

// metricRE finds every metric phrase; its groups are numbered as metricBases.
var metricRE = func() *regexp.Regexp {
	parts := make([]string, len(metricBases))
	for i, b := range metricBases {
		parts[i] = "(" + b.pattern + ")"
	}
	return regexp.MustCompile("(?i)" + strings.Join(parts, "|"))
}()

// findMetrics returns the metric phrases inside s, in order.
func findMetrics(text string, s span) []metricPhrase {
	var out []metricPhrase
	for _, m := range metricRE.FindAllStringSubmatchIndex(s.of(text), -1) {
		for g := range metricBases {
			if m[2+2*g] < 0 {
				continue
			}
			p := metricPhrase{span{s.start + m[0], s.start + m[1]}, metricBases[g].base}
			if n := len(out); n > 0 && isAbbreviation(text, out[n-1], p) {
				out[n-1].end = closeParen(text, p.end, s.end)
			} else {
				out = append(out, p)
			}
			break
		}
	}
	return out
}

// abbreviationGap matches what stands between a metric's name and its
// abbreviation in brackets: "gross domestic product (GDP)", 地区生产总值（GDP）.
var abbreviationGap = regexp.MustCompile(`^\s*[(（]\s*$`)

// isAbbreviation reports whether b repeats a in brackets right after it.
func isAbbreviation(text string, a, b metricPhrase) bool {
	return a.base == b.base && a.end <= b.start && abbreviationGap.MatchString(text[a.end:b.start])
}

// closeParen extends end over the closing bracket that follows it.
func closeParen(text string, end, limit int) int {
	for _, p := range []string{")", "）"} {
		if strings.HasPrefix(text[end:limit], p) {
			return end + len(p)
		}
	}
	return end
}

// metricIDs maps a quantity and a unit to the seeds metric id. Shares
// exist only for industry; wholesale and value added have no totals.
var metricIDs = map[string]map[string]string{
	"gdp":                    {unitPct: "gdp_growth", unitCNY: "gdp_total"},
	"fai":                    {unitPct: "fai_growth", unitCNY: "fai_total"},
	"retail":                 {unitPct: "retail_growth", unitCNY: "retail_total"},
	"wholesale":              {unitPct: "wholesale_growth"},
	"trade":                  {unitPct: "trade_growth", unitCNY: "trade_total"},
	"industrial_output":      {unitPct: "industrial_output_growth", unitCNY: "industrial_output_total"},
	"industrial_value_added": {unitPct: "industrial_value_added_growth"},
	"industrial_investment":  {unitPct: "industrial_investment_growth", unitCNY: "industrial_investment_total"},
	"industrial_va":          {unitPct: "industrial_va_share"},
	"budget_revenue":         {unitPct: "budget_revenue_growth", unitCNY: "budget_revenue_total"},
}

// metricID returns the metric id for a quantity named base, in unit.
func metricID(base, unit string) (string, bool) {
	id, ok := metricIDs[base][unit]
	return id, ok
}

// continuation matches the start of a clause that has no subject of its
// own and goes on about the previous clause's quantity: 增长18%以上,
// 总量突破3000亿元, "an increase of 17%", "with a growth rate of 6%".
var continuation = regexp.MustCompile(`(?i)^["“”'‘’]?(?:并|且|同比|同口径|可比价|按可比价格计算|比上年|比去年|较上年|年均|全年|预计|力争|争取|确保|实现|完成|将)*` +
	`(?:增长|增速|增幅|总量|总额|总值|规模|达到|达|突破|超过|超|约|近|不低于|不少于|提高|提升|下降|减少|回落|增加)|` +
	`^(?:and\s+|with\s+|of\s+|by\s+|to\s+)?(?:an?\s+|the\s+|its\s+)?(?:year-on-year\s+|annual\s+|total\s+|expected\s+)?` +
	`(?:increase|growth|rise|grow|growing|increasing|rising|up|down|reach|reaching|exceed|exceeding|total|amount|grew|increased|rose|volume|scale|decrease|decline|drop|fall|fell|decreased|declined|dropped)\b`)

// isContinuation reports whether the clause text before a figure goes on
// about an earlier clause's quantity.
func isContinuation(prefix string) bool {
	return continuation.MatchString(strings.TrimSpace(prefix))
}

// decline matches the verb right before a rate that makes it a fall:
// 下降3.5%, "fell by 2.3%".
var decline = regexp.MustCompile(`(?i)(?:下降|减少|回落|下滑|负增长|\bdeclined?s?(?: by| of)?|\bdecreased?s?(?: by| of)?|\bfell(?: by)?|\bdropped(?: by)?|\bdown(?: by)?|\bshrank(?: by)?|\bcontracted(?: by)?)\s*$`)

// notAFigure matches words between a metric and a number that make the
// number something else: a share of it, or an increment in amount.
var notAFigure = regexp.MustCompile(`(?i)占|比重|占比|\bshare\b|\bproportion\b|\baccount`)

// increment matches the verb right before an amount that makes it a
// change (增加120亿元), not a total.
var increment = regexp.MustCompile(`(?i)(?:增长|增加|新增|增|increased? by|up by|an increase of)\s*$`)

// suffixMetric matches the English order "an 11% increase in regional
// GDP", where the metric follows the number.
var suffixMetric = regexp.MustCompile(`(?i)^\s*(?:year-on-year\s+)?(?:increase|growth|rise|jump|decrease|drop)\s+in\s+(?:the\s+)?(?:regional\s+|local\s+)?`)

// metricFor finds what a quantity measures: a metric phrase earlier in its
// clause; or, when the clause continues an earlier one, that clause's
// phrase; or a phrase right after it ("an 11% increase in GDP"). ok is
// false when nothing names it.
func (d *document) metricFor(sent span, q quantity) (metricPhrase, bool) {
	i, clauses := d.clauseAt(sent, q.start)
	prefix := span{d.back(clauses[i].start, q.start, nearWindow), q.start}
	if ms := d.metricsIn(prefix); len(ms) > 0 {
		m := ms[len(ms)-1]
		return m, usable(d.text, m, q)
	}
	if isContinuation(prefix.of(d.text)) {
		if m, ok := d.inherited(clauses[:i]); ok {
			return m, usable(d.text, m, q)
		}
	}
	return d.metricAfter(sent, q)
}

// maxInherit bounds how many clauses back a metric is inherited.
const maxInherit = 6

// inherited walks back over earlier clauses, through clauses that are
// continuations themselves, to the nearest metric phrase.
func (d *document) inherited(clauses []span) (metricPhrase, bool) {
	for j := len(clauses) - 1; j >= 0 && j >= len(clauses)-maxInherit; j-- {
		c := span{d.back(clauses[j].start, clauses[j].end, nearWindow), clauses[j].end}
		if ms := d.metricsIn(c); len(ms) > 0 {
			return ms[len(ms)-1], true
		}
		if !isContinuation(c.of(d.text)) {
			break
		}
	}
	return metricPhrase{}, false
}

// metricAfter reads the English order where the metric follows the number.
func (d *document) metricAfter(sent span, q quantity) (metricPhrase, bool) {
	rest := span{q.end, min(sent.end, q.end+nearWindow)}
	loc := suffixMetric.FindStringIndex(rest.of(d.text))
	if loc == nil {
		return metricPhrase{}, false
	}
	ms := d.metricsIn(span{q.end + loc[1], sent.end})
	if len(ms) == 0 || ms[0].start != q.end+loc[1] {
		return metricPhrase{}, false
	}
	return ms[0], true
}

// usable reports whether the words between a metric phrase and a number
// leave the number a figure of that metric.
func usable(text string, m metricPhrase, q quantity) bool {
	if m.end > q.start {
		return true
	}
	between := text[m.end:q.start]
	if m.base != "industrial_va" && notAFigure.MatchString(between) {
		return false
	}
	return !(q.unit == unitCNY && increment.MatchString(between))
}
