package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// date is a publication date as far as it is known: month and day are 0
// when unknown, and year is 0 when nothing is known.
type date struct{ year, month, day int }

// String writes the date as the seeds format does: YYYY, YYYY-MM or
// YYYY-MM-DD.
func (d date) String() string {
	switch {
	case d.year == 0:
		return ""
	case d.month == 0:
		return strconv.Itoa(d.year)
	case d.day == 0:
		return fmt.Sprintf("%04d-%02d", d.year, d.month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(s string) (date, error) {
	var d date
	parts := strings.Split(s, "-")
	if len(parts) > 3 || s == "" {
		return d, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := []*int{&d.year, &d.month, &d.day}
	limits := []int{9999, 12, 31}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > limits[i] {
			return date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		*nums[i] = n
	}
	return d, nil
}

// datesInText matches full dates as texts write them, to guess the
// publication date of a text given without one.
var datesInText = regexp.MustCompile(`(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})|(20\d\d)年(\d{1,2})月(\d{1,2})日|` +
	`(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (20\d\d)`)

// months numbers the English month names.
var months = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

// firstDate returns the first full date in text and its place.
func firstDate(text string) (date, span, bool) {
	m := datesInText.FindStringSubmatchIndex(text)
	if m == nil {
		return date{}, span{}, false
	}
	g := func(i int) string { return text[m[2*i]:m[2*i+1]] }
	var d date
	switch {
	case m[2] >= 0:
		d = date{atoi(g(1)), atoi(g(2)), atoi(g(3))}
	case m[8] >= 0:
		d = date{atoi(g(4)), atoi(g(5)), atoi(g(6))}
	default:
		d = date{atoi(g(9)), months[g(7)], atoi(g(8))}
	}
	if d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 {
		return date{}, span{}, false
	}
	return d, span{m[0], m[1]}, true
}

// atoi converts digits matched by a pattern, which cannot fail.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// yearMention is a place where the text says which year it speaks of.
type yearMention struct {
	span
	// year is the year stated; for relative words (今年, last year) it is
	// 0 and offset holds the distance from the publication year.
	year   int
	offset int
	// approx is set for goals "within five years", whose target year is a
	// reading.
	approx bool
}

// yearRE matches years: stated (2024年, in 2024), relative (今年, 去年,
// 明年, this year, last year) and spans of years (用5年时间, within five
// years). Dates (2024年2月19日, February 19, 2024) are left out, since
// they say when something was said, not what year it is about.
var yearRE = regexp.MustCompile(`(?i)(20\d\d)\s*年(?:\d{1,2}月\d{1,2}日)?|` +
	`(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d|` +
	`20\d\d-\d\d(?:-\d\d)?|\b(20[1-3]\d)\b|` +
	`(今年|本年|新的一年|this year|the new year|the current year)|` +
	`(去年|上年|上一年|过去一年|过去的一年|last year|the past year|the previous year)|` +
	`(明年|下一年|next year)|` +
	`(?:用|在|力争)?([0-9一二三四五六七八九十]+)年(?:时间|内)|\b(?:within|in) (\d+|two|three|four|five|ten) years\b`)

// comparative matches the words before 去年 / last year that make it the
// base of a comparison (比去年增长) rather than the year spoken of.
var comparative = regexp.MustCompile(`(?i)(?:比|较|同比|与|和)$|(?:over|than|compared with|from|on)\s+$`)

// countAfter matches what follows a number that is a count or an amount,
// not a year (2000 enterprises, 2030亿元).
var countAfter = regexp.MustCompile(`(?i)^\s*(?:[%％亿万千百个家项人]|billion|million|thousand|yuan|enterprises|firms|projects|companies|people|square|mu\b|hectares)`)

// smallNumbers reads the numbers of years written in words.
var smallNumbers = map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
	"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}

// findYears returns the year mentions inside s, in order.
func findYears(text string, s span) []yearMention {
	var out []yearMention
	for _, m := range yearRE.FindAllStringSubmatchIndex(s.of(text), -1) {
		if y, ok := readYear(text, s.start, m); ok {
			out = append(out, y)
		}
	}
	return out
}

// readYear converts one match of yearRE, at offset base.
func readYear(text string, base int, m []int) (yearMention, bool) {
	y := yearMention{span: span{base + m[0], base + m[1]}}
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[base+m[2*i] : base+m[2*i+1]]
	}
	switch {
	case g(1) != "" && !strings.Contains(y.of(text), "日"):
		y.year = atoi(g(1))
	case g(2) != "":
		y.year = atoi(g(2))
		return y, !countAfter.MatchString(text[y.end:min(len(text), y.end+24)])
	case g(3) != "":
	case g(4) != "":
		y.offset = -1
		return y, !comparative.MatchString(text[max(0, y.start-16):y.start])
	case g(5) != "":
		y.offset = 1
	case g(6) != "" || g(7) != "":
		n := yearsInWords(g(6) + g(7))
		y.offset, y.approx = n-1, true
		return y, n > 0
	default:
		return y, false
	}
	return y, true
}

// yearsInWords reads a small count of years: 5, 五, five.
func yearsInWords(s string) int {
	if n, ok := smallNumbers[strings.ToLower(s)]; ok {
		return n
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > 30 {
		return 0
	}
	return n
}

// resolve gives the year a mention means for a text published in year
// published (0 if unknown).
func (y yearMention) resolve(published int) int {
	if y.year != 0 {
		return y.year
	}
	if published == 0 {
		return 0
	}
	return published + y.offset
}
