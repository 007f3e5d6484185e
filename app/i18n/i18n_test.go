package i18n

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var verbPattern = regexp.MustCompile(`%(\[(\d+)\])?([sdvq])`)

// argTypes returns the verb each argument of a format string takes, by
// position: "s" for a string, "d" for an integer.
func argTypes(s string) []string {
	var types []string
	next := 1
	for _, m := range verbPattern.FindAllStringSubmatch(s, -1) {
		i := next
		if m[2] != "" {
			i, _ = strconv.Atoi(m[2])
		}
		next = i + 1
		for len(types) < i {
			types = append(types, "")
		}
		types[i-1] = m[3]
	}
	return types
}

// TestEveryStringHasBothTranslations checks that no UI string is missing a
// language and that both languages take the same arguments.
func TestEveryStringHasBothTranslations(t *testing.T) {
	for _, key := range Keys() {
		zh, en := Both(key)
		if strings.TrimSpace(zh) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s: missing a translation (zh %q, en %q)", key, zh, en)
			continue
		}
		tz, te := argTypes(zh), argTypes(en)
		if strings.Join(tz, ",") != strings.Join(te, ",") {
			t.Errorf("%s: zh takes arguments %v, en %v", key, tz, te)
			continue
		}
		args := make([]any, len(tz))
		for i, verb := range tz {
			args[i] = "x"
			if verb == "d" {
				args[i] = 1
			}
		}
		for _, lang := range Langs {
			if out := T(lang, key, args...); strings.Contains(out, "%!") {
				t.Errorf("%s (%s): bad format: %q", key, lang, out)
			}
		}
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Number(30355.73), "30,355.73"},
		{Number(1234567), "1,234,567"},
		{Number(-1234.5), "-1,234.5"},
		{Number(0.1 + 0.2), "0.3"},
		{Value(6.5, "pct", ZH), "6.5%"},
		{Value(830, "cny_100m", ZH), "830亿元"},
		{Value(830, "cny_100m", EN), "83 billion yuan"},
		{Value(30355.73, "cny_100m", EN), "3,035.573 billion yuan"},
		{Value(342, "count", EN), "342"},
		{Qualified(6, "at_least", "pct", ZH), "6%以上"},
		{Qualified(6, "at_least", "pct", EN), "at least 6%"},
		{Qualified(830, "above", "cny_100m", ZH), "超830亿元"},
		{Qualified(830, "above", "cny_100m", EN), "more than 83 billion yuan"},
		{Qualified(7, "about", "pct", ZH), "7%左右"},
		{Qualified(7, "about", "pct", EN), "about 7%"},
		{Qualified(4.6, "exact", "pct", EN), "4.6%"},
		{Mark(6.5, "at_least", "pct", EN), "≥6.5%"},
		{Mark(830, "above", "cny_100m", EN), ">83"},
		{Mark(18, "about", "pct", EN), "≈18%"},
		{Mark(18, "about", "pct", ZH), "18%左右"},
		{Date("2024-02-19", ZH), "2024年2月19日"},
		{Date("2024-02-19", EN), "19 Feb 2024"},
		{Date("2024-02", EN), "Feb 2024"},
		{Date("2023", ZH), "2023年"},
		{Date("2024-13", EN), "2024-13"},
		{Date("soon", EN), "soon"},
		{UnitLabel("cny_100m", EN), "billion yuan"},
		{UnitLabel("cny_100m", ZH), "亿元"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	for tag, want := range map[string]Lang{"zh-CN": ZH, "zh-Hant-TW": ZH, "ZH": ZH, "en-GB": EN, "fr": EN, "": EN} {
		if got := FromBrowser(tag); got != want {
			t.Errorf("FromBrowser(%q) = %s, want %s", tag, got, want)
		}
	}
	if _, ok := ParseLang("fr"); ok {
		t.Error("ParseLang accepted fr")
	}
	if T(EN, "no.such.key") != "no.such.key" {
		t.Error("an unknown key should show itself")
	}
}

func TestFromAcceptLanguage(t *testing.T) {
	for _, c := range []struct {
		header string
		want   Lang
		ok     bool
	}{
		{"en-US,en;q=0.9", EN, true},
		{"zh-CN,zh;q=0.9,en;q=0.8", ZH, true},
		{"en;q=0.5, zh-TW;q=0.8", ZH, true},
		{"fr-FR", EN, true},
		{"de;q=0.7,zh;q=0.7", EN, true}, // equal weights: the first
		{"*", "", false},
		{"zh;q=0, en", EN, true},
		{"zh;q=NaN,en;q=0.1", EN, true},
		{"zh;q=2,en;q=0.1", EN, true},
		{" zh-HK ; q=0.9 ", ZH, true},
		{"", "", false},
		{",,;", "", false},
	} {
		got, ok := FromAcceptLanguage(c.header)
		if got != c.want || ok != c.ok {
			t.Errorf("FromAcceptLanguage(%q) = %q, %v; want %q, %v", c.header, got, ok, c.want, c.ok)
		}
	}
}
