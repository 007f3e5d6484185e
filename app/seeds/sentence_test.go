package seeds

import "testing"

func TestSentenceAround(t *testing.T) {
	tests := []struct{ text, quote, want string }{
		{"去年增长5%。今年GDP增长6.5%以上、总量突破3000亿元；投资增长16%。明年再议。", "GDP增长6.5%以上", "今年GDP增长6.5%以上、总量突破3000亿元；投资增长16%。"},
		{"标题：GDP增长6%\n\n正文。", "GDP增长6%", "标题：GDP增长6%"},
		{"GDP grew 3.5% last year. This year it will grow by 5.5%, and investment by 10%. Next.", "grow by 5.5%", "This year it will grow by 5.5%, and investment by 10%."},
		{"It will reach 1.5 trillion yuan", "1.5 trillion", "It will reach 1.5 trillion yuan"},
		{"  Leading spaces. Then a figure of 7%!  ", "7%", "Then a figure of 7%!"},
	}
	for _, tt := range tests {
		got, ok := SentenceAround(tt.text, tt.quote)
		if !ok || got != tt.want {
			t.Errorf("SentenceAround(%q, %q) = %q, %v; want %q", tt.text, tt.quote, got, ok, tt.want)
		}
	}
	if _, ok := SentenceAround("没有这个数字。", "6%"); ok {
		t.Error("a quote the text lacks was found")
	}
}
