package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// line writes a figure compactly for comparison: region year metric
// kind[/stage|/provisional] value qualifier[+stretch] period.
func line(f Figure) string {
	kind := f.Kind
	switch {
	case f.Stage != "":
		kind += "/" + f.Stage
	case f.Provisional:
		kind += "/provisional"
	}
	qual := f.Qualifier
	if f.Stretch != nil {
		qual += fmt.Sprintf("+%g", *f.Stretch)
	}
	return fmt.Sprintf("%s %d %s %s %g %s %s", f.Region, f.Year, f.Metric, kind, f.Value, qual, f.Period)
}

// draftOf extracts text and checks what every draft must hold: each quote
// is a verbatim part of the text.
func draftOf(t *testing.T, text string, opt Options) *Draft {
	t.Helper()
	d, err := Extract(strings.NewReader(text), opt)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, f := range d.Figures {
		if f.Quote == "" || !strings.Contains(text, f.Quote) {
			t.Errorf("quote %q of %s is not in the text", f.Quote, line(f))
		}
	}
	return d
}

// extractCase is a short text, the options it is read with, and the
// figures expected from it.
type extractCase struct {
	name      string
	text      string
	published string
	region    string
	want      []string
	// uncertain, when set, lists each figure's expected uncertain fields.
	uncertain [][]string
}

// runCases checks each case's figures, in order.
func runCases(t *testing.T, cases []extractCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := draftOf(t, tc.text, Options{Published: tc.published, Region: tc.region})
			var got []string
			for _, f := range d.Figures {
				got = append(got, line(f))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("figures:\n got  %q\n want %q\nnotes: %q", got, tc.want, d.Notes)
			}
			for i, u := range tc.uncertain {
				if i < len(d.Figures) && !slices.Equal(d.Figures[i].Uncertain, u) {
					t.Errorf("figure %d (%s): uncertain %q, want %q", i, got[i], d.Figures[i].Uncertain, u)
				}
			}
		})
	}
}

// TestChinese reads short Chinese texts written for the test.
func TestChinese(t *testing.T) {
	runCases(t, []extractCase{{
		name:      "list sharing one verb",
		text:      "海珠区上半年地区生产总值、固定资产投资分别增长6.2%、19.3%。",
		published: "2024-08-01",
		want: []string{
			"haizhu 2024 gdp_growth actual 6.2 exact h1",
			"haizhu 2024 fai_growth actual 19.3 exact h1",
		},
	}, {
		name:      "a closing 以上 governs the whole list",
		text:      "白云区委书记在会上表示，全年批发业、社零总额分别增长15%、8%以上。",
		published: "2024-02-19",
		want: []string{
			"baiyun 2024 wholesale_growth target/pledge 15 at_least year",
			"baiyun 2024 retail_growth target/pledge 8 at_least year",
		},
	}, {
		name:      "qualifiers and units",
		text:      "番禺区今年力争规上工业总产值突破3000亿元，工业投资增长不低于15%，社零总额约1200亿元，外贸进出口总额超过1.2万亿元，一般公共预算收入增长5%左右。",
		published: "2024-02-20",
		want: []string{
			"panyu 2024 industrial_output_total target/unknown 3000 above year",
			"panyu 2024 industrial_investment_growth target/unknown 15 at_least year",
			"panyu 2024 retail_total target/unknown 1200 about year",
			"panyu 2024 trade_total target/unknown 12000 above year",
			"panyu 2024 budget_revenue_growth target/unknown 5 about year",
		},
	}, {
		name:      "growth by N times",
		text:      "南沙区力争2024年工业投资超450亿元、增长2倍以上，规上工业增加值增长1倍。",
		published: "2024-03",
		want: []string{
			"nansha 2024 industrial_investment_total target/unknown 450 above year",
			"nansha 2024 industrial_investment_growth target/unknown 200 at_least year",
			"nansha 2024 industrial_value_added_growth target/unknown 100 exact year",
		},
	}, {
		name:      "stretch goal",
		text:      "从化区2024年地区生产总值增长6%以上、力争7%。",
		published: "2024-01",
		want:      []string{"conghua 2024 gdp_growth target/unknown 6 at_least+7 year"},
	}, {
		name:      "a speech at the conference is a pledge",
		text:      "在全市高质量发展大会上，黄埔区委书记表示，今年黄埔将推动地区生产总值增长7%。",
		published: "2024-02-19",
		want:      []string{"huangpu 2024 gdp_growth target/pledge 7 exact year"},
	}, {
		name:      "the work report is a plan even when the district head delivers it",
		text:      "区长在区十七届人大五次会议上作政府工作报告，提出今年越秀区地区生产总值增长5.5%。",
		published: "2025-01-10",
		want:      []string{"yuexiu 2025 gdp_growth target/plan 5.5 exact year"},
	}, {
		name: "work report: estimates of last year, this year's plan under a lead-in",
		text: "天河区2025年政府工作报告\n2024年，全区地区生产总值预计增长5.1%，达到6800亿元。\n" +
			"2025年主要预期目标是：\n地区生产总值增长5%左右；\n固定资产投资增长8%；\n社会消费品零售总额增长6%以上。",
		published: "2025-01-08",
		want: []string{
			"tianhe 2024 gdp_growth actual/provisional 5.1 exact year",
			"tianhe 2024 gdp_total actual/provisional 6800 exact year",
			"tianhe 2025 gdp_growth target/plan 5 about year",
			"tianhe 2025 fai_growth target/plan 8 exact year",
			"tianhe 2025 retail_growth target/plan 6 at_least year",
		},
	}, {
		name:      "last year, and 比上年 is no year",
		text:      "去年，花都区实现地区生产总值1800亿元，比上年增长4.5%。",
		published: "2024-03",
		want: []string{
			"huadu 2023 gdp_total actual 1800 exact year",
			"huadu 2023 gdp_growth actual 4.5 exact year",
		},
	}, {
		name:      "the city as the metric's subject; a district later in the paragraph",
		text:      "2023年，广州市地区生产总值30355.73亿元，同比增长4.6%。天河区地区生产总值6400亿元，增长5%。",
		published: "2024-01-25",
		want: []string{
			"guangzhou 2023 gdp_total actual 30355.73 exact year",
			"guangzhou 2023 gdp_growth actual 4.6 exact year",
			"tianhe 2023 gdp_total actual 6400 exact year",
			"tianhe 2023 gdp_growth actual 5 exact year",
		},
	}, {
		name:      "the city named in passing does not take a district's figure",
		text:      "越秀区要为再造新广州多作贡献，全年地区生产总值增长5%。",
		published: "2024-02",
		want:      []string{"yuexiu 2024 gdp_growth target/unknown 5 exact year"},
	}, {
		name:      "全区 with the region given",
		text:      "全区地区生产总值增长5.5%，固定资产投资增长10%左右。",
		published: "2025-01",
		region:    "zengcheng",
		want: []string{
			"zengcheng 2025 gdp_growth target/unknown 5.5 exact year",
			"zengcheng 2025 fai_growth target/unknown 10 about year",
		},
		uncertain: [][]string{{"kind", "stage", "year"}, {"kind", "stage", "year"}},
	}, {
		name:      "a goal years ahead",
		text:      "到2027年，越秀区地区生产总值突破5000亿元。",
		published: "2024-02",
		want:      []string{"yuexiu 2027 gdp_total target/unknown 5000 above year"},
	}, {
		name:      "from a share now to a share in five years",
		text:      "荔湾区力争用5年时间把工业增加值占GDP比重从目前的25%提升至30%。",
		published: "2023-02",
		want: []string{
			"liwan 2022 industrial_va_share actual 25 exact year",
			"liwan 2027 industrial_va_share target/unknown 30 exact year",
		},
	}, {
		name:      "not figures: investment of projects, percentage points, a quarter",
		text:      "白云区新签约项目总投资1300亿元。GDP增速比上年提高1.2个百分点。一季度，白云区地区生产总值增长4%。",
		published: "2024-05",
		want:      nil,
	}})
}

// TestEnglish reads short English texts written for the test.
func TestEnglish(t *testing.T) {
	runCases(t, []extractCase{{
		name:      "result with its year and a growth rate after it",
		text:      "In 2023, Tianhe District's GDP reached 633.6 billion yuan, up 5.1% year on year.",
		published: "2024-03",
		want: []string{
			"tianhe 2023 gdp_total actual 6336 exact year",
			"tianhe 2023 gdp_growth actual 5.1 exact year",
		},
	}, {
		name:      "goals with more than and about",
		text:      "This year, Panyu aims to grow its GDP by more than 6%, with fixed-asset investment rising by about 10%.",
		published: "2024-02",
		want: []string{
			"panyu 2024 gdp_growth target/unknown 6 at_least year",
			"panyu 2024 fai_growth target/unknown 10 about year",
		},
	}, {
		name: "work report of a district the text does not name",
		text: "The district's government work report sets the targets for 2025: GDP growth of around 5%, " +
			"total retail sales of consumer goods to exceed 150 billion yuan, and foreign trade to increase by at least 3%.",
		published: "2025-01-10",
		region:    "huadu",
		want: []string{
			"huadu 2025 gdp_growth target/plan 5 about year",
			"huadu 2025 retail_total target/plan 1500 above year",
			"huadu 2025 trade_growth target/plan 3 at_least year",
		},
	}, {
		name:      "respectively, with the period after the numbers",
		text:      "Retail sales and fixed-asset investment grew by 4.2% and 7.5% respectively in the first half of 2024.",
		published: "2024-07-20",
		region:    "nansha",
		want: []string{
			"nansha 2024 retail_growth actual 4.2 exact h1",
			"nansha 2024 fai_growth actual 7.5 exact h1",
		},
	}, {
		name:      "an estimate for a year still ahead is a forecast",
		text:      "Zengcheng's industrial output value above designated size is expected to grow 8% this year.",
		published: "2024-02",
		want:      []string{"zengcheng 2024 industrial_output_growth target/unknown 8 exact year"},
		uncertain: [][]string{{"kind", "stage"}},
	}, {
		name:      "an estimate for a year that is over is provisional",
		text:      "Haizhu's GDP is expected to have grown by 5% last year.",
		published: "2025-01",
		want:      []string{"haizhu 2024 gdp_growth actual/provisional 5 exact year"},
	}, {
		name:      "trillion and a mark exceeded",
		text:      "Guangzhou's GDP exceeded 3 trillion yuan in 2023, growing 4.6%.",
		published: "2024-02",
		want: []string{
			"guangzhou 2023 gdp_total actual 30000 above year",
			"guangzhou 2023 gdp_growth actual 4.6 exact year",
		},
	}, {
		name:      "the metric after the number",
		text:      "In the first half of this year, Nansha posted a 6.1% increase in regional GDP.",
		published: "2024-08",
		want:      []string{"nansha 2024 gdp_growth actual 6.1 exact h1"},
	}, {
		name:      "a district outside the catalog stops the previous one",
		text:      "Baiyun District set its goals.\nDinghu District's GDP grew by 7% in 2023.",
		published: "2024-02",
		want:      []string{" 2023 gdp_growth actual 7 exact year"},
		uncertain: [][]string{{"region"}},
	}, {
		name:      "a share of industry from now to a later year",
		text:      "Liwan will raise the share of industry in GDP from 25% to 30% by 2027.",
		published: "2023-02",
		want: []string{
			"liwan 2022 industrial_va_share actual 25 exact year",
			"liwan 2027 industrial_va_share target/unknown 30 exact year",
		},
	}})
}

// TestQuoteIsTheClause checks quotes: the shortest clause with the metric,
// the number, its unit and its qualifier.
func TestQuoteIsTheClause(t *testing.T) {
	text := "推动今年地区生产总值增长6.5%以上、总量突破3000亿元，固定资产投资增长16%以上，力争全年批发业增长40%。"
	d := draftOf(t, text, Options{Published: "2024-02", Region: "baiyun"})
	want := []string{"地区生产总值增长6.5%以上", "地区生产总值增长6.5%以上、总量突破3000亿元", "固定资产投资增长16%以上", "批发业增长40%"}
	var got []string
	for _, f := range d.Figures {
		got = append(got, f.Quote)
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes %q, want %q", got, want)
	}
}

// TestRepeatsMergeAndConflictsShow checks that a figure stated twice is
// drafted once, and that two values for one figure are both kept and
// marked.
func TestRepeatsMergeAndConflictsShow(t *testing.T) {
	text := "白云区：推动今年GDP增长6.5%以上。\n白云区今年地区生产总值增长6.5%以上，固定资产投资增长16%以上。\n白云区今年固定资产投资增长18%。"
	d := draftOf(t, text, Options{Published: "2024-02"})
	if len(d.Figures) != 3 {
		t.Fatalf("got %d figures, want 3: %+v", len(d.Figures), d.Figures)
	}
	for _, f := range d.Figures[1:] {
		if !slices.Contains(f.Uncertain, "value") {
			t.Errorf("%s: conflicting values are not marked uncertain", line(f))
		}
	}
}

// TestJapaneseIsLeftOut checks that a Japanese duplicate of a text adds
// no figures.
func TestJapaneseIsLeftOut(t *testing.T) {
	text := "今年上半期、肇慶新区は地域GDPの11%増加で市をリードした。"
	d := draftOf(t, text, Options{Published: "2023-10-27"})
	if len(d.Figures) != 0 {
		t.Errorf("figures from Japanese: %+v", d.Figures)
	}
}

// TestPublishedFromText checks the date read from a text given without
// one, and that relative years read from it are marked.
func TestPublishedFromText(t *testing.T) {
	text := "2024-02-19 17:22 来源:南方+\n白云区推动今年地区生产总值增长6.5%以上。"
	d := draftOf(t, text, Options{})
	if d.Published != "2024-02-19" || d.PublishedNote == "" {
		t.Errorf("published %q (%q), want 2024-02-19 with a note", d.Published, d.PublishedNote)
	}
	if len(d.Figures) != 1 || d.Figures[0].Year != 2024 || !slices.Contains(d.Figures[0].Uncertain, "year") {
		t.Errorf("figures %+v, want one for 2024 with an uncertain year", d.Figures)
	}
}

// TestBadPublished checks that a malformed date is an error that says so.
func TestBadPublished(t *testing.T) {
	_, err := Extract(strings.NewReader("x"), Options{Published: "19 Feb 2024"})
	if err == nil || !strings.Contains(err.Error(), "published") {
		t.Errorf("error %v, want one about published", err)
	}
}

// TestSourceID checks the record ids made from file names.
func TestSourceID(t *testing.T) {
	for in, want := range map[string]string{
		"":                            "web_draft",
		"Tianhe-2025 Work Report.txt": "web_tianhe_2025_work_report",
		"web_baiyun_2024":             "web_baiyun_2024",
		"天河.txt":                      "web_draft",
	} {
		if got := sourceID(in); got != want {
			t.Errorf("sourceID(%q) = %q, want %q", in, got, want)
		}
	}
}
