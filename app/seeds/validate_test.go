package seeds

import (
	"errors"
	"strings"
	"testing"

	"gztargets/app/model"
)

// testCatalog is a small catalog for synthetic records.
func testCatalog() *model.Catalog {
	cat, err := ParseCatalog("catalog", strings.NewReader(`{
	  "units": [
	    {"id": "pct", "name": {"zh": "%", "en": "%"}, "description": {"zh": "百分数", "en": "per cent"}},
	    {"id": "cny_100m", "name": {"zh": "亿元", "en": "100 million yuan"}, "description": {"zh": "亿元", "en": "亿元"}},
	    {"id": "count", "name": {"zh": "个", "en": "count"}, "description": {"zh": "个数", "en": "count"}}
	  ],
	  "regions": [
	    {"id": "tianhe", "group": "district", "name": {"zh": "天河区", "en": "Tianhe"}},
	    {"id": "baiyun", "group": "district", "name": {"zh": "白云区", "en": "Baiyun"}},
	    {"id": "guangzhou", "group": "city", "name": {"zh": "广州市", "en": "Guangzhou"}}
	  ],
	  "metrics": [
	    {"id": "gdp_growth", "unit": "pct", "macro": true, "name": {"zh": "GDP增速", "en": "GDP growth"}, "description": {"zh": "增速", "en": "growth"}},
	    {"id": "gdp_total", "unit": "cny_100m", "macro": true, "name": {"zh": "GDP", "en": "GDP"}, "description": {"zh": "总量", "en": "total"}},
	    {"id": "industrial_investment_growth", "unit": "pct", "macro": true, "name": {"zh": "工业投资增速", "en": "Industrial investment growth"}, "description": {"zh": "增速", "en": "growth"}},
	    {"id": "projects_introduced", "unit": "count", "macro": false, "name": {"zh": "项目", "en": "Projects"}, "description": {"zh": "个数", "en": "count"}}
	  ]
	}`))
	if err != nil {
		panic(err)
	}
	return cat
}

// growth2024 is a region's GDP growth in 2024, as a source states it.
func growth2024(region, kind, stage string, value float64, qualifier, quote string) Figure {
	f := Figure{Figure: model.Figure{Region: region, Year: 2024, Metric: "gdp_growth", Kind: kind, Stage: stage,
		Period: "year", Unit: "pct"}, Quote: quote}
	f.Value, f.Qualifier = value, qualifier
	return f
}

func validRecord() *Record {
	return &Record{
		Source: "001_0123456789abcdef.txt",
		Publication: model.Publication{
			Outlet:    model.Text{ZH: "新快报", EN: "New Express"},
			Published: "2024-02",
			Language:  "zh",
			Title:     "标题",
			About:     model.Text{ZH: "关于", EN: "About"},
		},
		Figures: []Figure{growth2024("tianhe", "target", "pledge", 6, "at_least", "增速不低于6%")},
	}
}

func TestValidateAcceptsSoundRecord(t *testing.T) {
	if err := Validate(testCatalog(), "seeds/x.json", validRecord()); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

// TestValidateAcceptsWebPage checks a web page's record with every optional
// field: a repost's site, a reliability note, a provisional result, a
// speaker and an event.
func TestValidateAcceptsWebPage(t *testing.T) {
	rec := validRecord()
	rec.Source, rec.URL, rec.Retrieved = "web_tianhe_2025_report", "https://www.thnet.gov.cn/gkmlpt/content/1.html", "2026-11-30"
	rec.Site = &model.Text{ZH: "转载站", EN: "A mirror"}
	rec.Reliability = "A mirror of the district's page."
	rec.Figures[0].Speaker = &model.Text{ZH: "区长", EN: "District head"}
	rec.Figures[0].Event = &model.Text{ZH: "区人代会", EN: "District congress"}
	rec.Figures[0].EventDate = "2025-01-08"
	upper := 5.0
	rec.Figures = append(rec.Figures,
		Figure{Figure: model.Figure{Region: "tianhe", Year: 2024, Metric: "gdp_growth", Kind: "actual",
			Provisional: true, Statement: model.Statement{Value: 5.1, Qualifier: "exact"}, Period: "year", Unit: "pct"}, Quote: "预计增长5.1%"},
		Figure{Figure: model.Figure{Region: "tianhe", Year: 2026, Metric: "gdp_growth", Kind: "target", Stage: "plan",
			Statement: model.Statement{Value: 4.5, Upper: &upper, Qualifier: "range"}, Period: "year", Unit: "pct"}, Quote: "增长4.5%至5%"},
		Figure{Figure: model.Figure{Region: "tianhe", Year: 2024, Metric: "gdp_total", Kind: "actual",
			Statement: model.Statement{Value: -2.5, Qualifier: "exact"}, Period: "year", Unit: "cny_100m"}, Quote: "总量减少2.5亿元"})
	if err := Validate(testCatalog(), "seeds/web_tianhe_2025_report.json", rec); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateReportsFieldErrors(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		edit   func(r *Record)
		want   string
		figure int
		field  string
	}{
		{"unknown metric", func(r *Record) { r.Figures[0].Metric = "gpd_growth" },
			`seeds/x.json: figure 1: metric: unknown metric "gpd_growth"`, 1, "metric"},
		{"unknown region", func(r *Record) { r.Figures[0].Region = "atlantis" },
			`unknown region "atlantis"`, 1, "region"},
		{"unit does not fit metric", func(r *Record) { r.Figures[0].Unit = "cny_100m" },
			`"cny_100m" does not fit metric "gdp_growth"`, 1, "unit"},
		{"unknown unit", func(r *Record) { r.Figures[0].Unit = "usd" },
			`unknown unit "usd"`, 1, "unit"},
		{"missing quote", func(r *Record) { r.Figures[0].Quote = " " },
			`figure 1: quote: missing`, 1, "quote"},
		{"quote states another value", func(r *Record) { r.Figures[0].Value = 6.5 },
			`does not state the value 6.5 pct`, 1, "quote"},
		{"qualifier contradicts quote", func(r *Record) { r.Figures[0].Qualifier = "exact" },
			`"exact" does not fit the words around the value`, 1, "qualifier"},
		{"about without marker", func(r *Record) { r.Figures[0].Qualifier = "about" },
			`"about" does not fit`, 1, "qualifier"},
		{"unknown kind", func(r *Record) { r.Figures[0].Kind = "forecast" },
			`"forecast" is not target or actual`, 1, "kind"},
		{"unknown period", func(r *Record) { r.Figures[0].Period = "q3" },
			`"q3" is not year or h1`, 1, "period"},
		{"year out of range", func(r *Record) { r.Figures[0].Year = 24 },
			`24 is out of range`, 1, "year"},
		{"stretch not in quote", func(r *Record) { r.Figures[0].Stretch = f64(7) },
			`does not state the stretch value 7`, 1, "stretch"},
		{"stretch equal to value", func(r *Record) { r.Figures[0].Stretch = f64(6) },
			`equals the value`, 1, "stretch"},
		{"duplicate figure", func(r *Record) { r.Figures = append(r.Figures, r.Figures[0]) },
			`figure 2: figure: duplicate of figure 1`, 2, "figure"},
		{"quote too long", func(r *Record) { r.Figures[0].Quote = strings.Repeat("长", 200) + "增速不低于6%" },
			`longer than 120 characters`, 1, "quote"},
		{"quote unit without note", func(r *Record) {
			r.Figures[0] = Figure{Figure: model.Figure{Region: "guangzhou", Year: 2023, Metric: "gdp_total", Kind: "actual",
				Statement: model.Statement{Value: 30355.73, Qualifier: "exact"}, Period: "year", Unit: "cny_100m"},
				Quote: "GDP was 3.035573 billion yuan", QuoteUnit: "trillion yuan"}
		}, `a quote_unit override needs a note`, 1, "note"},
		{"bad source name", func(r *Record) { r.Source = "article.txt" },
			`seeds/x.json: source: "article.txt" is neither an article file name`, 0, "source"},
		{"bad date", func(r *Record) { r.Published = "Feb 2024" },
			`published: "Feb 2024" is not a date`, 0, "published"},
		{"one-language outlet", func(r *Record) { r.Outlet.EN = "" },
			`outlet: needs both zh and en`, 0, "outlet"},
		{"target without stage", func(r *Record) { r.Figures[0].Stage = "" },
			`stage: "" is not pledge, plan or unknown`, 1, "stage"},
		{"unknown stage", func(r *Record) { r.Figures[0].Stage = "draft" },
			`stage: "draft" is not pledge, plan or unknown`, 1, "stage"},
		{"stage on an actual", func(r *Record) { r.Figures[0].Kind = "actual" },
			`an actual has no stage ("pledge")`, 1, "stage"},
		{"provisional target", func(r *Record) { r.Figures[0].Provisional = true },
			`a target cannot be provisional`, 1, "provisional"},
		{"one-language speaker", func(r *Record) { r.Figures[0].Speaker = &model.Text{ZH: "何镜清"} },
			`speaker: needs both zh and en`, 1, "speaker"},
		{"bad event date", func(r *Record) { r.Figures[0].EventDate = "19 Feb" },
			`event_date: "19 Feb" is not a day`, 1, "event_date"},
		{"web source without an address", func(r *Record) { r.Source, r.Retrieved = "web_tianhe_2024", "2026-11-30" },
			`url: a web page needs its address`, 0, "url"},
		{"web source with a relative address", func(r *Record) {
			r.Source, r.URL, r.Retrieved = "web_tianhe_2024", "/news/1.html", "2026-11-30"
		}, `url: "/news/1.html" is not an http or https address`, 0, "url"},
		{"web source without a retrieval day", func(r *Record) { r.Source, r.URL = "web_tianhe_2024", "https://www.thnet.gov.cn/1.html" },
			`retrieved: "" is not a day`, 0, "retrieved"},
		{"article with an address", func(r *Record) { r.URL = "https://example.org/a" },
			`url: an original article has no address`, 0, "url"},
		{"range without its top", func(r *Record) { r.Figures[0].Qualifier = "range" },
			`a range needs an upper bound`, 1, "upper"},
		{"range top not in quote", func(r *Record) {
			r.Figures[0].Qualifier, r.Figures[0].Upper, r.Figures[0].Quote = "range", f64(5), "增长6%至6.5%"
		}, `does not state the upper bound 5`, 1, "upper"},
		{"range not joined", func(r *Record) {
			r.Figures[0].Qualifier, r.Figures[0].Upper, r.Figures[0].Quote = "range", f64(7), "增长6%，投资增长7%"
		}, `does not join 6 and 7 as a range`, 1, "qualifier"},
		{"upper on a single value", func(r *Record) { r.Figures[0].Upper = f64(7) },
			`a range needs an upper bound, and only a range has one`, 1, "upper"},
		{"web quote states another number", func(r *Record) {
			r.Source, r.URL, r.Retrieved = "web_tianhe_2024", "https://www.thnet.gov.cn/1.html", "2026-11-30"
			r.Figures[0].Quote = "地区生产总值增长5%以上"
		}, `does not state the value 6 pct`, 1, "quote"},
		{"no figures", func(r *Record) { r.Figures = nil },
			`figures: a source record needs at least one figure`, 0, "figures"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := validRecord()
			tt.edit(rec)
			err := Validate(testCatalog(), "seeds/x.json", rec)
			if err == nil {
				t.Fatalf("Validate accepted the record, want error %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Figure != tt.figure || fe.Field != tt.field {
				t.Errorf("first field error = %+v, want figure %d field %q", fe, tt.figure, tt.field)
			}
		})
	}
}

func TestQuoteReadings(t *testing.T) {
	tests := []struct {
		quote     string
		value     float64
		unit      string
		override  string
		qualifier string
	}{
		{"增速不低于6%", 6, "pct", "", "at_least"},
		{"固定资产投资额超830亿元", 830, "cny_100m", "", "above"},
		{"fixed asset investment exceeds 83 billion yuan", 830, "cny_100m", "", "above"},
		{"the total economic volume exceeds 700 billion yuan", 7000, "cny_100m", "", "above"},
		{"an increase of about 18%", 18, "pct", "", "about"},
		{"增长18%以上", 18, "pct", "", "at_least"},
		{"2023年GDP增长7%左右", 7, "pct", "", "about"},
		{"工业投资超450亿元、增长2倍以上", 200, "pct", "", "at_least"},
		{"工业投资超450亿元、增长2倍以上", 450, "cny_100m", "", "above"},
		{"固定资产投资超1100亿元、增长25%", 25, "pct", "", "exact"},
		{"\"regional GDP growth of 5%.\" Above", 5, "pct", "", "at_least"},
		{"批发业、社零总额分别增长15%、8%以上", 15, "pct", "", "at_least"},
		{"批发业、社零总额分别增长15%、8%以上", 8, "pct", "", "at_least"},
		{"规上工业总产值增长6.5%以上", 6.5, "pct", "", "at_least"},
		{"The annual total industrial output value above designated size will increase by 12%", 12, "pct", "", "exact"},
		{"The city's GDP was 3.035573 billion yuan", 30355.73, "cny_100m", "trillion yuan", "exact"},
		{"净增“四上”企业400家以上", 400, "count", "", "at_least"},
		{"带动2023年全区规上工业产值向600亿元大关突破", 600, "cny_100m", "", "above"},
		{"GDP of 1,234.5亿元", 1234.5, "cny_100m", "", "exact"},
		{"GDP growth of over 6.5 percent", 6.5, "pct", "", "at_least"},
		{"地區生產總值3312.01億元", 3312.01, "cny_100m", "", "exact"},
		{"固定资产投资下降9.4%", -9.4, "pct", "", "exact"},
		{"investment fell 3.8%", -3.8, "pct", "", "exact"},
		{"全国国内生产总值突破130万亿元", 1300000, "cny_100m", "", "above"},
	}
	for _, tt := range tests {
		n, ok := findValue(tt.quote, tt.value, tt.unit, tt.override)
		if !ok {
			t.Errorf("findValue(%q, %v %s) found nothing", tt.quote, tt.value, tt.unit)
			continue
		}
		if ctx := qualifierContext(tt.quote, n); !qualifierFits(ctx, tt.qualifier) {
			t.Errorf("%q: qualifier %q does not fit context %q", tt.quote, tt.qualifier, ctx)
		}
	}
}

func TestQuoteMisreadings(t *testing.T) {
	tests := []struct {
		quote string
		value float64
		unit  string
	}{
		{"fixed asset investment exceeds 83 billion yuan", 83, "cny_100m"}, // billions are not 亿元
		{"工业投资增长2倍以上", 2, "pct"},                                           // 2倍 is 200%
		{"增长18%以上", 18, "cny_100m"},                                        // a rate is not an amount
		{"GDP was 3.035573 billion yuan", 30355.73, "cny_100m"},            // needs the noted override
	}
	for _, tt := range tests {
		if _, ok := findValue(tt.quote, tt.value, tt.unit, ""); ok {
			t.Errorf("findValue(%q, %v %s) accepted a wrong reading", tt.quote, tt.value, tt.unit)
		}
	}
}
