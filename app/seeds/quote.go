package seeds

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gztargets/app/model"
)

// numberPattern finds decimal numbers, with or without thousands commas.
var numberPattern = regexp.MustCompile(`\d+(?:,\d{3})*(?:\.\d+)?`)

// number is one number found in a quote, with its byte span.
type number struct {
	value      float64
	start, end int
}

// numbersIn returns the numbers written in a quote, in order.
func numbersIn(quote string) []number {
	var out []number
	for _, span := range numberPattern.FindAllStringIndex(quote, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(quote[span[0]:span[1]], ",", ""), 64)
		if err == nil {
			out = append(out, number{value: v, start: span[0], end: span[1]})
		}
	}
	return out
}

// quoteUnits are the unit words a quote_unit override may name, with their
// factor into 亿元.
var quoteUnits = map[string]float64{
	"亿元":            1,
	"万亿元":           1e4,
	"billion yuan":  10,
	"trillion yuan": 1e4,
}

// reading converts a number in a quote into the metric's unit, using the
// unit word written after it (or the override), and reports whether the
// number is written in a way that can state a value of that unit.
func reading(quote string, n number, unit, override string) (float64, bool) {
	after := strings.ToLower(strings.TrimLeft(quote[n.end:], " "))
	switch unit {
	case "pct":
		switch {
		case strings.HasPrefix(after, "%"), strings.HasPrefix(after, "％"), strings.HasPrefix(after, "percent"):
			return n.value, true
		case strings.HasPrefix(after, "倍"):
			// 增长N倍 is growth by N×100%, to N+1 times the base.
			return n.value * 100, true
		}
		return 0, false
	case "cny_100m":
		if override != "" {
			f, ok := quoteUnits[override]
			return n.value * f, ok
		}
		return amountIn100m(n.value, after)
	case "count":
		return n.value, true
	}
	return 0, false
}

// amountIn100m reads a yuan amount in 亿元 from the words after a number.
func amountIn100m(v float64, after string) (float64, bool) {
	for _, w := range []struct {
		prefix string
		factor float64
	}{
		{"万亿", 1e4}, {"亿", 1}, {"万元", 1e-4},
		// Traditional characters, as mirrors that convert pages write them.
		{"萬億", 1e4}, {"億", 1}, {"萬元", 1e-4},
		{"trillion", 1e4}, {"billion", 10}, {"million", 0.01},
	} {
		if strings.HasPrefix(after, w.prefix) {
			return v * w.factor, true
		}
	}
	return 0, false
}

// findValue returns the number in the quote that states v in the unit. A
// negative value is a number written after a word of decline (下降, fell)
// or a minus sign.
func findValue(quote string, v float64, unit, override string) (number, bool) {
	for _, n := range numbersIn(quote) {
		got, ok := reading(quote, n, unit, override)
		if ok && declines(quote, n) {
			got = -got
		}
		if ok && model.SameValue(got, v) {
			return n, true
		}
	}
	return number{}, false
}

// declineWords say that the number after them is a fall.
var declineWords = []string{"下降", "减少", "下滑", "回落", "降低", "fell", "fall", "decline", "decrease", "drop", "down"}

// declines reports whether the number is written as a fall: a minus sign
// right before it, or a word of decline just before it.
func declines(quote string, n number) bool {
	before := quote[:n.start]
	if strings.HasSuffix(before, "-") || strings.HasSuffix(before, "−") {
		return true
	}
	return containsAny(strings.ToLower(lastRunes(before, 6)), declineWords)
}

// qualifierMarkers are the words that carry each qualifier, in Chinese and
// in the English of the machine translations. "above" and "over" render both
// 以上 and 超 in those translations, so they count for either.
var qualifierMarkers = map[string][]string{
	"at_least": {"以上", "不低于", "不少于", "至少", "no less than", "not less than", "more than", "at least", "or more", "above", "over "},
	"above":    {"超", "突破", "exceed", "surpass", "break through", "above", "over "},
	"about":    {"左右", "约", "about", "around", "approximately", "roughly"},
}

// sizePhrases name the statistical class of firms "above designated size"
// (规模以上); they contain a marker word but qualify no value.
var sizePhrases = []string{"规模以上", "规上", "above designated size", "above-scale"}

// strivePhrases mark a stretch goal.
var strivePhrases = []string{"力争", "争取", "strive"}

// qualifierContext returns the words around the number that can qualify it:
// up to the neighbouring numbers, at most a few words either side. A list
// such as 15%、8%以上 shares its closing qualifier, so the context after a
// number runs across list items joined by 、 or a comma.
func qualifierContext(quote string, n number) string {
	nums := numbersIn(quote)
	at := 0
	for i, m := range nums {
		if m.start == n.start {
			at = i
		}
	}
	start := 0
	if at > 0 {
		start = nums[at-1].end
	}
	last := at
	for last+1 < len(nums) && isListJoin(quote[nums[last].end:nums[last+1].start]) {
		last++
	}
	end := len(quote)
	if last+1 < len(nums) {
		end = nums[last+1].start
	}
	before := lastRunes(quote[start:n.start], 16)
	after := quote[n.end:nums[last].end] + firstRunes(quote[nums[last].end:end], 12)
	ctx := strings.ToLower(before + " " + after)
	for _, p := range sizePhrases {
		ctx = strings.ReplaceAll(ctx, p, " ")
	}
	return ctx
}

// isRangeJoin reports whether the text between two numbers makes them a
// range, like "%至" in 4.5%至5% or "-" in 4.5-5%.
func isRangeJoin(gap string) bool {
	gap = strings.TrimSpace(strings.Trim(gap, "%％ "))
	switch gap {
	case "-", "–", "—", "~", "～", "至", "到", "to", "－":
		return true
	}
	return false
}

// isListJoin reports whether the text between two numbers only joins list
// items, like "%、" in 15%、8%.
func isListJoin(gap string) bool {
	gap = strings.TrimSpace(strings.Trim(gap, "%％"))
	return gap == "、" || gap == "," || gap == "，" || gap == "and"
}

func lastRunes(s string, n int) string {
	for utf8.RuneCountInString(s) > n {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// qualifierFits reports whether the words around the number agree with the
// qualifier: a qualified value needs one of its marker words, and an exact
// value must have none.
func qualifierFits(ctx, qualifier string) bool {
	if qualifier == "exact" {
		for _, words := range qualifierMarkers {
			if containsAny(ctx, words) {
				return false
			}
		}
		return true
	}
	return containsAny(ctx, qualifierMarkers[qualifier])
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
