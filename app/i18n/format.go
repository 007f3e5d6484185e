// Package i18n holds the explorer's Chinese and English text and the rules
// for writing numbers, units, qualifiers and dates in each language. It is
// pure Go, shared by the WebAssembly UI, the embed pages and the server.
package i18n

import (
	"math"
	"strconv"
	"strings"
)

// Lang is a display language.
type Lang string

// The supported languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Default is the language used when neither the URL nor the reader's
// browser settles it: the language of the sources and of most readers.
const Default = ZH

// Langs lists the supported languages in display order.
var Langs = []Lang{ZH, EN}

// ParseLang returns the language with the given code.
func ParseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case ZH, EN:
		return Lang(s), true
	}
	return "", false
}

// Foreign is the language of a reader whose browser asks for one the site
// does not offer: English, which more of them read than Chinese.
const Foreign = EN

// FromBrowser picks a language from a navigator.language value such as
// "zh-CN" or "en-GB": the site's language with the tag's primary subtag,
// so any Chinese variant reads Chinese, and Foreign for any other.
// web/chart.js applies the same rule before the app runs, with the
// languages and Foreign as the page names them (ui.siteHeader).
func FromBrowser(tag string) Lang {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if l, ok := ParseLang(primary); ok {
		return l
	}
	return Foreign
}

// FromAcceptLanguage picks a language from an Accept-Language header as
// FromBrowser picks it from navigator.language, which is the browser's
// first choice: the tag with the highest weight, the first of equals.
// ok is false when the header names no language.
func FromAcceptLanguage(header string) (lang Lang, ok bool) {
	best, bestQ := "", 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.TrimSpace(tag)
		q := weight(params)
		if tag == "" || tag == "*" || q <= bestQ {
			continue
		}
		best, bestQ = tag, q
	}
	if best == "" {
		return "", false
	}
	return FromBrowser(best), true
}

// weight reads the q parameter of an Accept-Language entry: 1 when it is
// absent, 0 (not wanted) when it is malformed.
func weight(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		name, value, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || strings.TrimSpace(name) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || !(q >= 0 && q <= 1) { // also NaN
			return 0
		}
		return q
	}
	return 1
}

// Number writes a number with thousands separators and no trailing zeros,
// rounded to at most six decimals to hide binary floating-point noise.
func Number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// Scale is the factor from a unit's stored value to its displayed value:
// English readers see amounts in billions of yuan, Chinese readers in 亿元.
func Scale(unit string, lang Lang) float64 {
	if unit == "cny_100m" && lang == EN {
		return 0.1
	}
	return 1
}

// Display converts a stored value into the displayed one.
func Display(v float64, unit string, lang Lang) float64 {
	return math.Round(v*Scale(unit, lang)*1e6) / 1e6
}

// UnitLabel names the displayed unit, for axis titles and table headers.
func UnitLabel(unit string, lang Lang) string {
	switch unit {
	case "pct":
		return "%"
	case "cny_100m":
		if lang == ZH {
			return "亿元"
		}
		return "billion yuan"
	case "count":
		if lang == ZH {
			return "个"
		}
		return "count"
	}
	return unit
}

// Value writes a value with its unit: "6.5%", "830亿元", "83 billion yuan".
func Value(v float64, unit string, lang Lang) string {
	n := Number(Display(v, unit, lang))
	switch unit {
	case "pct":
		return n + "%"
	case "cny_100m":
		if lang == ZH {
			return n + "亿元"
		}
		return n + " billion yuan"
	}
	return n
}

// Qualified writes a value with its qualifier as a reader of the language
// expects it: 6%以上, 超830亿元 and 7%左右 in Chinese; "at least 6%",
// "more than 83 billion yuan" and "about 7%" in English.
func Qualified(v float64, qualifier, unit string, lang Lang) string {
	s := Value(v, unit, lang)
	if lang == ZH {
		switch qualifier {
		case "at_least":
			return s + "以上"
		case "above":
			return "超" + s
		case "about":
			return s + "左右"
		}
		return s
	}
	switch qualifier {
	case "at_least":
		return "at least " + s
	case "above":
		return "more than " + s
	case "about":
		return "about " + s
	}
	return s
}

// Range writes a range of values with the unit once: "4.5–5%", 4.5%至5%,
// "830–900 billion yuan".
func Range(lo, hi float64, unit string, lang Lang) string {
	if lang == ZH {
		return Value(lo, unit, lang) + "至" + Value(hi, unit, lang)
	}
	return Number(Display(lo, unit, lang)) + "–" + Value(hi, unit, lang)
}

// Mark writes a value with a compact qualifier for chart labels: ≥6%, >83,
// ≈7% in English, and the same words as Qualified in Chinese, which are
// already short.
func Mark(v float64, qualifier, unit string, lang Lang) string {
	if lang == ZH {
		return Qualified(v, qualifier, unit, lang)
	}
	n := Number(Display(v, unit, lang))
	if unit == "pct" {
		n += "%"
	}
	switch qualifier {
	case "at_least":
		return "≥" + n
	case "above":
		return ">" + n
	case "about":
		return "≈" + n
	}
	return n
}

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Date writes a date known to the year, month or day ("2023", "2024-02",
// "2024-02-19") in the language: 2024年2月19日 or 19 Feb 2024.
func Date(date string, lang Lang) string {
	parts := strings.Split(date, "-")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return date
		}
		nums[i] = n
	}
	if len(nums) > 1 && (nums[1] < 1 || nums[1] > 12) {
		return date
	}
	year := strconv.Itoa(nums[0])
	switch {
	case len(nums) == 1 && lang == ZH:
		return year + "年"
	case len(nums) == 1:
		return year
	case len(nums) == 2 && lang == ZH:
		return year + "年" + strconv.Itoa(nums[1]) + "月"
	case len(nums) == 2:
		return monthsEN[nums[1]-1] + " " + year
	case lang == ZH:
		return year + "年" + strconv.Itoa(nums[1]) + "月" + strconv.Itoa(nums[2]) + "日"
	}
	return strconv.Itoa(nums[2]) + " " + monthsEN[nums[1]-1] + " " + year
}
