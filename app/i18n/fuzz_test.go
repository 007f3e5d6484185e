package i18n

import (
	"strings"
	"testing"
)

// FuzzFromAcceptLanguage feeds the header parser anything a client may
// send: it never panics, and a language it picks is one of ours, taken
// from a tag the header names.
func FuzzFromAcceptLanguage(f *testing.F) {
	for _, h := range []string{"en-US,en;q=0.9", "zh-CN;q=0.8, *;q=0.1", "zh;q=NaN", ";;,,", "fr;q=1e400"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, header string) {
		lang, ok := FromAcceptLanguage(header)
		if !ok {
			if lang != "" {
				t.Fatalf("no language, yet %q", lang)
			}
			return
		}
		if _, known := ParseLang(string(lang)); !known {
			t.Fatalf("FromAcceptLanguage(%q) = %q", header, lang)
		}
		if lang == ZH && !strings.Contains(strings.ToLower(header), "zh") {
			t.Fatalf("FromAcceptLanguage(%q) = zh from a header without zh", header)
		}
	})
}
