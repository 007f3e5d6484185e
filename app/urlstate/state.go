// Package urlstate converts between the explorer's URL and its view state.
// The URL is the shareable state, so both directions are pure functions:
// Parse never fails (unknown values fall back to defaults and come back as
// notices to show), and Query writes the canonical form.
package urlstate

import (
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gztargets/app/i18n"
)

// Views of the explorer.
const (
	ViewDistricts = "districts"
	ViewYears     = "years"
	ViewResults   = "results"
	ViewCascade   = "cascade"
	ViewMap       = "map"
	ViewTable     = "table"
)

// Views lists the views in display order.
var Views = []string{ViewResults, ViewDistricts, ViewMap, ViewYears, ViewCascade, ViewTable}

// DefaultMetric is shown when the URL names none.
const DefaultMetric = "gdp_growth"

// Sort keys of the table's columns. A key sorts ascending; with "-" before
// it ("-value"), descending.
const (
	SortRegion = "region"
	SortMetric = "metric"
	SortYear   = "year"
	SortValue  = "value"
)

var sortKeys = []string{SortRegion, SortMetric, SortYear, SortValue}

// SortOrder splits a table order such as "-value" into its key and
// whether it descends.
func SortOrder(order string) (key string, descending bool) {
	key, descending = strings.CutPrefix(order, "-")
	return key, descending
}

// NextSort is the order that a column's header asks for when the table is
// in the current order: ascending first, descending on a second click. aria
// is the column's present order for aria-sort: "ascending", "descending"
// or "none".
func NextSort(current, key string) (next, aria string) {
	switch current {
	case key:
		return "-" + key, "ascending"
	case "-" + key:
		return key, "descending"
	}
	return key, "none"
}

// State is everything the explorer's URL says.
type State struct {
	View   string
	Metric string // empty in the table view means every metric
	Year   int    // 0 in the table view means every year
	Lang   i18n.Lang
	// LangSet is true when the URL names the language; otherwise the
	// reader's remembered or browser language applies.
	LangSet bool
	Region  string // table filter; empty means every region
	Sort    string // table order, e.g. "value" or "-value"
}

// Vocabulary is what Parse needs to know about the data.
type Vocabulary interface {
	HasMetric(id string) bool
	HasRegion(id string) bool
	Years(metric string) []int
	// LatestResultYear is the latest year with districts' final results
	// for a metric, or 0.
	LatestResultYear(metric string) int
}

// Notice reports a URL parameter that was not understood and what was shown
// instead.
type Notice struct {
	Param   string  // the parameter, e.g. "metric"
	Value   string  // what the URL said, shortened for display
	Problem Problem // what was wrong with it
}

// Problem is what was wrong with a URL parameter.
type Problem string

// Problems a notice reports.
const (
	UnknownParam  Problem = "unknown-param"  // the page reads no such parameter
	UnknownValue  Problem = "unknown-value"  // the parameter's value is not one the page knows
	RepeatedParam Problem = "repeated-param" // given more than once: only the first is read
)

// maxShown bounds how much of a bad value a notice repeats.
const maxShown = 40

// Parse reads the state from a URL query. It never fails: each parameter it
// cannot use falls back to its default and adds a notice. The bare address
// opens on what people come for first, the latest year's targets against
// results; a link that names a metric or year but no view means the
// districts view, as it did before the results view existed.
func Parse(q url.Values, vocab Vocabulary) (State, []Notice) {
	s := State{View: ViewDistricts, Lang: i18n.Default}
	if isLanding(q) {
		s.View = ViewResults
	}
	var notices []Notice
	bad := func(param, value string) {
		notices = append(notices, Notice{Param: param, Value: shorten(value), Problem: UnknownValue})
	}
	if v, ok := first(q, "view"); ok {
		if slices.Contains(Views, v) {
			s.View = v
		} else {
			bad("view", v)
		}
	}
	if v, ok := first(q, "lang"); ok {
		if l, ok := i18n.ParseLang(v); ok {
			s.Lang, s.LangSet = l, true
		} else {
			bad("lang", v)
		}
	}
	s.Metric = parseMetric(q, vocab, s.View, bad)
	s.Year = parseYear(q, vocab, s, bad)
	if s.View == ViewTable {
		s.Region, s.Sort = parseTable(q, vocab, bad)
	}
	notices = append(notices, unknownParams(q, s.View)...)
	return s, append(notices, repeatedParams(q, known[s.View])...)
}

// isLanding reports whether a query names no view, metric, year, region
// or order: the bare address, perhaps with a language or a tracking tag.
func isLanding(q url.Values) bool {
	for _, name := range known[ViewTable] {
		if _, ok := q[name]; ok && name != "lang" {
			return false
		}
	}
	return true
}

// repeatedParams reports parameters the URL gives more than once: only the
// first is read, and the reader is told so rather than left to wonder why
// another value was ignored.
func repeatedParams(q url.Values, names []string) []Notice {
	var notices []Notice
	for _, name := range names {
		if vs := q[name]; len(vs) > 1 {
			notices = append(notices, Notice{Param: name, Value: shorten(vs[0]), Problem: RepeatedParam})
		}
	}
	return notices
}

func parseMetric(q url.Values, vocab Vocabulary, view string, bad func(string, string)) string {
	v, ok := first(q, "metric")
	switch {
	case ok && vocab.HasMetric(v):
		return v
	case ok && !(view == ViewTable && isAll(v)):
		bad("metric", v)
	}
	if view == ViewTable {
		return ""
	}
	return DefaultMetric
}

// parseYear reads the year. The districts view defaults to the latest year
// with figures for the metric, the results view to the latest year with
// results (the map, like the districts view, to the latest year with
// figures); the years view has fixed years; the table defaults to every
// year.
func parseYear(q url.Values, vocab Vocabulary, s State, bad func(string, string)) int {
	v, ok := first(q, "year")
	if ok && !(s.View == ViewTable && isAll(v)) {
		y, err := strconv.Atoi(v)
		if err == nil && slices.Contains(vocab.Years(""), y) {
			if s.View == ViewYears {
				return 0
			}
			return y
		}
		bad("year", v)
	}
	switch s.View {
	case ViewResults:
		if y := vocab.LatestResultYear(s.Metric); y != 0 {
			return y
		}
	case ViewDistricts, ViewCascade, ViewMap:
	default:
		return 0
	}
	years := vocab.Years(s.Metric)
	if len(years) == 0 {
		years = vocab.Years("")
	}
	if len(years) == 0 {
		return 0
	}
	return years[len(years)-1]
}

func parseTable(q url.Values, vocab Vocabulary, bad func(string, string)) (region, order string) {
	if v, ok := first(q, "region"); ok && !isAll(v) {
		if vocab.HasRegion(v) {
			region = v
		} else {
			bad("region", v)
		}
	}
	if v, ok := first(q, "sort"); ok && v != "" {
		if key, _ := SortOrder(v); slices.Contains(sortKeys, key) {
			order = v
		} else {
			bad("sort", v)
		}
	}
	return region, order
}

// All is the value of the table's "all" choices. A form submits it before
// the app runs (an empty option value would be left out of the page, and
// the browser would send the option's label instead); the canonical URL
// leaves the parameter out.
const All = "all"

// isAll reports whether a table filter's value means every one.
func isAll(v string) bool { return v == "" || v == All }

// known lists the parameters each view reads.
var known = map[string][]string{
	ViewDistricts: {"view", "metric", "year", "lang"},
	ViewYears:     {"view", "metric", "year", "lang"},
	ViewResults:   {"view", "metric", "year", "lang"},
	ViewCascade:   {"view", "metric", "year", "lang"},
	ViewMap:       {"view", "metric", "year", "lang"},
	ViewTable:     {"view", "metric", "year", "lang", "region", "sort"},
	pageOnly:      {"lang"},
}

// pageOnly stands for pages that read only the language.
const pageOnly = "page"

// unknownParams reports parameters the view does not read, sorted by name.
func unknownParams(q url.Values, view string) []Notice {
	var names []string
	for name := range q {
		if !slices.Contains(known[view], name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	notices := make([]Notice, 0, len(names))
	for _, name := range names {
		notices = append(notices, Notice{Param: shorten(name), Value: shorten(q.Get(name)), Problem: UnknownParam})
	}
	return notices
}

// first returns the first value of a parameter and whether it is present.
func first(q url.Values, name string) (string, bool) {
	vs, ok := q[name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[0], true
}

// shorten cuts a value to a length a notice can show, replacing invalid
// UTF-8 so that the notice stays printable.
func shorten(v string) string {
	v = strings.ToValidUTF8(v, "�")
	if utf8.RuneCountInString(v) <= maxShown {
		return v
	}
	r := []rune(v)
	return string(r[:maxShown]) + "…"
}

// Query writes the canonical query string of a state, without the leading
// "?". Parameters irrelevant to the view are left out, so that equal views
// have equal URLs.
func (s State) Query() string {
	q := url.Values{}
	if s.View != ViewDistricts {
		q.Set("view", s.View)
	}
	if s.Metric != "" {
		q.Set("metric", s.Metric)
	}
	if s.Year != 0 && s.View != ViewYears {
		q.Set("year", strconv.Itoa(s.Year))
	}
	if s.LangSet {
		q.Set("lang", string(s.Lang))
	}
	if s.View == ViewTable {
		if s.Region != "" {
			q.Set("region", s.Region)
		}
		if s.Sort != "" {
			q.Set("sort", s.Sort)
		}
	}
	return q.Encode()
}

// URL returns the explorer path with the state's query.
func (s State) URL() string {
	if q := s.Query(); q != "" {
		return "/?" + q
	}
	return "/"
}

// With returns a copy of the state changed by fn, for building links.
func (s State) With(fn func(*State)) State {
	fn(&s)
	return s
}

// Switch returns the state after the reader sets one control: the view,
// metric, year, region or sort, with "" meaning "all" in the table. It goes
// through Parse, so the result is always a valid state. Choosing a metric
// in the districts view keeps the year if that metric has figures for it,
// and otherwise moves to the metric's latest year.
func Switch(s State, param, value string, vocab Vocabulary) State {
	q, _ := url.ParseQuery(s.Query())
	q.Set(param, value)
	if param == "view" {
		q.Del("region")
		q.Del("sort")
	}
	if param == "metric" || param == "view" {
		metric := q.Get("metric")
		if isAll(metric) {
			metric = "" // every metric's years
		}
		if y, err := strconv.Atoi(q.Get("year")); err != nil || !slices.Contains(vocab.Years(metric), y) {
			q.Del("year")
		}
	}
	next, _ := Parse(q, vocab)
	next.LangSet = s.LangSet || next.LangSet
	next.Lang = s.Lang
	return next
}

// PageParams checks the query of a page that reads only the language, such
// as a district profile or the sources page.
func PageParams(q url.Values) []Notice {
	var notices []Notice
	if v, ok := first(q, "lang"); ok {
		if _, ok := i18n.ParseLang(v); !ok {
			notices = append(notices, Notice{Param: "lang", Value: shorten(v), Problem: UnknownValue})
		}
	}
	notices = append(notices, unknownParams(q, pageOnly)...)
	return append(notices, repeatedParams(q, known[pageOnly])...)
}
