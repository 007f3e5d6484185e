package words

import (
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// TestQuoteInContext shows a quote within its sentence, clipped at a clause
// mark where a side is long, and alone where no sentence is kept.
func TestQuoteInContext(t *testing.T) {
	long := "推动今年地区生产总值增长6.5%以上、总量突破3000亿元，固定资产投资增长16%以上、总量突破1410亿元；规上工业总产值增长6.5%以上，工业投资增长36.5%以上、总量突破140亿元，批发业增长15%以上，社零总额增长8%以上。"
	tests := []struct {
		c                    model.Citation
		before, quote, after string
	}{
		{model.Citation{Quote: "增长6%"}, "", "增长6%", ""},
		{model.Citation{Quote: "增长6%", Sentence: "今年GDP增长6%，投资增长10%。"}, "今年GDP", "增长6%", "，投资增长10%。"},
		{model.Citation{Quote: "not in it", Sentence: "Another sentence."}, "", "not in it", ""},
		{model.Citation{Quote: "工业投资增长36.5%以上", Sentence: long},
			"…总量突破3000亿元，固定资产投资增长16%以上、总量突破1410亿元；规上工业总产值增长6.5%以上，", "工业投资增长36.5%以上", "、总量突破140亿元，批发业增长15%以上，社零总额增长8%以上。"},
		{model.Citation{Quote: "推动今年", Sentence: long}, "", "推动今年", "地区生产总值增长6.5%以上、总量突破3000亿元，固定资产投资增长16%以上、总量突破1410亿元…"},
	}
	w := New(&model.Dataset{}, i18n.ZH)
	for _, tt := range tests {
		before, quote, after := w.QuoteInContext(tt.c)
		if before != tt.before || quote != tt.quote || after != tt.after {
			t.Errorf("QuoteInContext(%q in %q) = %q | %q | %q; want %q | %q | %q", tt.c.Quote, tt.c.Sentence, before, quote, after, tt.before, tt.quote, tt.after)
		}
	}
}
