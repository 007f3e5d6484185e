package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// quantity is a number written with a unit: 6.5%, 3000亿元, 13.5 billion
// yuan, 增长2倍.
type quantity struct {
	span
	// number is the digits alone.
	number span
	value  float64
	unit   string
	// points is set for 个百分点 / percentage points: a change in a rate,
	// never a figure of its own.
	points bool
	// times is set for N倍: growth of N times the base.
	times bool
	// trillionSlip is set when an amount in "billion" has more decimals
	// than statistics ever give, the mark of a machine translation that
	// rendered 万亿 (trillion) as billion. The value is read as trillions.
	trillionSlip bool
}

// quantityRE matches a number and its unit. Longer units come first so
// that 万亿元 wins over 亿元.
var quantityRE = regexp.MustCompile(`(?i)([0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十])\s*` +
	`(%|％|percent\b|per cent\b|个百分点|percentage points?\b|万亿元|万亿|亿元|亿|万元|倍|` +
	`trillion(?:\s+(?:yuan|rmb|cny)\b)?|billion(?:\s+(?:yuan|rmb|cny)\b)?|million\s+(?:yuan|rmb|cny)\b)`)

// chineseDigits gives the value of the Chinese numerals used before 倍.
var chineseDigits = map[string]string{"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}

// findQuantities returns the quantities inside s, in order.
func findQuantities(text string, s span) []quantity {
	var out []quantity
	for _, m := range quantityRE.FindAllStringSubmatchIndex(s.of(text), -1) {
		q, ok := readQuantity(text, s.start, m)
		if ok {
			out = append(out, q)
		}
	}
	return out
}

// readQuantity converts one match of quantityRE, at offset base.
func readQuantity(text string, base int, m []int) (quantity, bool) {
	q := quantity{span: span{base + m[0], base + m[1]}, number: span{base + m[2], base + m[3]}}
	if q.start > 0 && isWordByte(text[q.start-1]) {
		return q, false
	}
	digits := normaliseDigits(q.number.of(text))
	unit := strings.ToLower(text[base+m[4] : base+m[5]])
	if cn, ok := chineseDigits[digits]; ok {
		if unit != "倍" {
			return q, false
		}
		digits = cn
	}
	exp, ok := q.applyUnit(unit, digits)
	if !ok {
		return q, false
	}
	v, err := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	if err != nil || math.IsInf(v, 0) {
		return q, false
	}
	q.value = v
	if hasMinusSign(text, q.start) {
		q.value = -v
	}
	return q, true
}

// hasMinusSign reports whether a minus sign stands right before position
// p, and is not a dash between numbers (1-6月).
func hasMinusSign(text string, p int) bool {
	for _, sign := range []string{"-", "−", "－"} {
		if strings.HasSuffix(text[:p], sign) {
			before := text[:p-len(sign)]
			return before == "" || !isWordByte(before[len(before)-1])
		}
	}
	return false
}

// applyUnit sets the quantity's unit and flags from the written unit, and
// returns the power of ten that converts the number into that unit.
func (q *quantity) applyUnit(unit, digits string) (int, bool) {
	q.unit = unitCNY
	switch {
	case unit == "%" || unit == "％" || strings.HasPrefix(unit, "per"):
		q.unit = unitPct
		return 0, true
	case unit == "个百分点" || strings.HasPrefix(unit, "percentage"):
		q.unit, q.points = unitPct, true
		return 0, true
	case unit == "倍":
		q.unit, q.times = unitPct, true
		return 2, true
	case strings.HasPrefix(unit, "万亿") || strings.HasPrefix(unit, "trillion"):
		return 4, true
	case strings.HasPrefix(unit, "亿"):
		return 0, true
	case unit == "万元":
		return -4, true
	case strings.HasPrefix(unit, "billion"):
		if decimals(digits) > 3 {
			q.trillionSlip = true
			return 4, true
		}
		return 1, true
	case strings.HasPrefix(unit, "million"):
		return -2, true
	}
	return 0, false
}

// normaliseDigits turns full-width digits and points into ASCII and drops
// thousands separators.
func normaliseDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		case r != ',':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// decimals counts the digits after the decimal point.
func decimals(digits string) int {
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return len(digits) - i - 1
	}
	return 0
}

// isWordByte reports whether b is an ASCII letter, digit or point, which
// would make a number part of a longer token (v2, 1.2.3).
func isWordByte(b byte) bool {
	return b == '.' || isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'z')
}
