package urlstate

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gztargets/app/i18n"
)

// vocab is a synthetic vocabulary: two metrics and their years.
type vocab struct{}

func (vocab) HasMetric(id string) bool { return id == "gdp_growth" || id == "trade_total" }
func (vocab) HasRegion(id string) bool { return id == "tianhe" || id == "baiyun" }
func (vocab) Years(metric string) []int {
	switch metric {
	case "gdp_growth":
		return []int{2023, 2024}
	case "trade_total":
		return []int{2024}
	case "":
		return []int{2022, 2023, 2024, 2027}
	}
	return nil
}

func (vocab) LatestResultYear(metric string) int {
	if metric == "gdp_growth" {
		return 2023
	}
	return 0
}

func parse(t *testing.T, raw string) (State, []Notice) {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", raw, err)
	}
	return Parse(q, vocab{})
}

func TestParse(t *testing.T) {
	tests := []struct {
		query   string
		want    State
		notices []string // "param=value" of each notice
	}{
		{"", State{View: "results", Metric: "gdp_growth", Year: 2023, Lang: "zh"}, nil},
		{"lang=en", State{View: "results", Metric: "gdp_growth", Year: 2023, Lang: "en", LangSet: true}, nil},
		{"view=results&metric=trade_total", State{View: "results", Metric: "trade_total", Year: 2024, Lang: "zh"}, nil},
		{"view=results&year=2024", State{View: "results", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, nil},
		{"view=results&year=2031", State{View: "results", Metric: "gdp_growth", Year: 2023, Lang: "zh"}, []string{"year=2031"}},
		{"view=districts", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, nil},
		{"metric=trade_total", State{View: "districts", Metric: "trade_total", Year: 2024, Lang: "zh"}, nil},
		{"metric=gdp_growth&year=2023&lang=en", State{View: "districts", Metric: "gdp_growth", Year: 2023, Lang: "en", LangSet: true}, nil},
		{"view=map", State{View: "map", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, nil},
		{"view=map&metric=trade_total&year=2024&lang=en", State{View: "map", Metric: "trade_total", Year: 2024, Lang: "en", LangSet: true}, nil},
		{"view=map&year=1999&region=tianhe", State{View: "map", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"year=1999", "region=tianhe"}},
		{"view=years&metric=gdp_growth", State{View: "years", Metric: "gdp_growth", Lang: "zh"}, nil},
		{"view=years&year=2023", State{View: "years", Metric: "gdp_growth", Lang: "zh"}, nil},
		{"view=table", State{View: "table", Lang: "zh"}, nil},
		{"view=table&metric=&year=&region=&sort=", State{View: "table", Lang: "zh"}, nil},
		{"view=table&metric=all&year=all&region=all", State{View: "table", Lang: "zh"}, nil},
		{"view=table&region=tianhe&sort=-value&year=2024", State{View: "table", Year: 2024, Lang: "zh", Region: "tianhe", Sort: "-value"}, nil},
		{"view=maps", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"view=maps"}},
		{"metric=gpd_growth", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"metric=gpd_growth"}},
		{"year=1999", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"year=1999"}},
		{"year=20x4", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"year=20x4"}},
		{"lang=fr", State{View: "results", Metric: "gdp_growth", Year: 2023, Lang: "zh"}, []string{"lang=fr"}},
		{"view=table&region=atlantis&sort=size", State{View: "table", Lang: "zh"}, []string{"region=atlantis", "sort=size"}},
		{"utm_source=x&zoom=2", State{View: "results", Metric: "gdp_growth", Year: 2023, Lang: "zh"}, []string{"utm_source=x", "zoom=2"}},
		{"region=tianhe", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"region=tianhe"}},
		{"metric=trade_total&metric=<x>", State{View: "districts", Metric: "trade_total", Year: 2024, Lang: "zh"}, []string{"metric=trade_total"}},
		{"metric=<script>alert(1)</script>", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, []string{"metric=<script>alert(1)</script>"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, notices := parse(t, tt.query)
			if got != tt.want {
				t.Errorf("state = %+v, want %+v", got, tt.want)
			}
			var gotNotices []string
			for _, n := range notices {
				gotNotices = append(gotNotices, n.Param+"="+n.Value)
			}
			if !slices.Equal(gotNotices, tt.notices) {
				t.Errorf("notices = %v, want %v", gotNotices, tt.notices)
			}
		})
	}
}

func TestQueryRoundTrips(t *testing.T) {
	states := []State{
		{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"},
		{View: "districts", Metric: "trade_total", Year: 2024, Lang: "en", LangSet: true},
		{View: "years", Metric: "gdp_growth", Lang: "zh"},
		{View: "table", Lang: "zh"},
		{View: "table", Metric: "gdp_growth", Year: 2023, Region: "baiyun", Sort: "-value", Lang: "en", LangSet: true},
	}
	for _, s := range states {
		got, notices := parse(t, s.Query())
		if got != s || len(notices) != 0 {
			t.Errorf("Parse(%q) = %+v %v, want %+v", s.Query(), got, notices, s)
		}
	}
}

func TestQueryIsCanonical(t *testing.T) {
	tests := []struct {
		s    State
		want string
	}{
		{State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "zh"}, "/?metric=gdp_growth&year=2024"},
		{State{View: "years", Metric: "fai_growth", Year: 2024, Lang: "en", LangSet: true}, "/?lang=en&metric=fai_growth&view=years"},
		{State{View: "table", Lang: "zh", Region: "tianhe"}, "/?region=tianhe&view=table"},
		{State{View: "districts", Lang: "zh", Region: "tianhe", Sort: "value"}, "/"},
	}
	for _, tt := range tests {
		if got := tt.s.URL(); got != tt.want {
			t.Errorf("URL(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestNoticesAreShortAndPrintable(t *testing.T) {
	q := url.Values{"metric": {strings.Repeat("x", 5000)}, "\xff\xfe": {"\xc3"}}
	_, notices := Parse(q, vocab{})
	if len(notices) != 2 {
		t.Fatalf("notices = %+v, want two", notices)
	}
	for _, n := range notices {
		if utf8.RuneCountInString(n.Value) > maxShown+1 || !utf8.ValidString(n.Value) || !utf8.ValidString(n.Param) {
			t.Errorf("notice %+v is too long or not valid UTF-8", n)
		}
	}
}

// FuzzParse checks that any query parses to a usable state whose canonical
// URL parses back to the same state without notices.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"", "view=years&metric=gdp_growth", "view=table&sort=-value&region=tianhe", "year=%ff&lang=%00", "metric=<b>&metric=gdp_growth"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		s, _ := Parse(q, vocab{})
		if !slices.Contains(Views, s.View) {
			t.Fatalf("view %q is not a view", s.View)
		}
		if _, ok := i18n.ParseLang(string(s.Lang)); !ok {
			t.Fatalf("lang %q is not a language", s.Lang)
		}
		again, notices := parse(t, s.Query())
		if again != s || len(notices) != 0 {
			t.Fatalf("canonical %q parses to %+v %v, want %+v", s.Query(), again, notices, s)
		}
	})
}

func TestSwitch(t *testing.T) {
	start := State{View: "districts", Metric: "gdp_growth", Year: 2023, Lang: "en", LangSet: true}
	tests := []struct {
		param, value string
		want         State
	}{
		{"metric", "trade_total", State{View: "districts", Metric: "trade_total", Year: 2024, Lang: "en", LangSet: true}},
		{"year", "2024", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "en", LangSet: true}},
		{"view", "years", State{View: "years", Metric: "gdp_growth", Lang: "en", LangSet: true}},
		{"view", "table", State{View: "table", Metric: "gdp_growth", Year: 2023, Lang: "en", LangSet: true}},
		{"view", "bogus", State{View: "districts", Metric: "gdp_growth", Year: 2023, Lang: "en", LangSet: true}},
		{"year", "1999", State{View: "districts", Metric: "gdp_growth", Year: 2024, Lang: "en", LangSet: true}},
	}
	for _, tt := range tests {
		if got := Switch(start, tt.param, tt.value, vocab{}); got != tt.want {
			t.Errorf("Switch(%s=%s) = %+v, want %+v", tt.param, tt.value, got, tt.want)
		}
	}
	table := State{View: "table", Metric: "gdp_growth", Lang: "zh"}
	if got := Switch(table, "metric", "", vocab{}); got.Metric != "" || got.View != "table" {
		t.Errorf("clearing the table's metric filter gave %+v", got)
	}
	withYear := State{View: "table", Metric: "gdp_growth", Year: 2027, Lang: "zh"}
	if got := Switch(withYear, "metric", All, vocab{}); got.Metric != "" || got.Year != 2027 {
		t.Errorf("choosing every metric in the table gave %+v, want every metric and the year kept", got)
	}
	if got := Switch(table, "region", "tianhe", vocab{}); got.Region != "tianhe" {
		t.Errorf("filtering the table by region gave %+v", got)
	}
}

func TestPageParams(t *testing.T) {
	q, _ := url.ParseQuery("lang=xx&foo=<b>&lang=en")
	var got []string
	for _, n := range PageParams(q) {
		got = append(got, n.Param+"="+n.Value)
	}
	if want := []string{"lang=xx", "foo=<b>", "lang=xx"}; !slices.Equal(got, want) {
		t.Errorf("PageParams = %v, want %v", got, want)
	}
	if n := PageParams(url.Values{"lang": {"zh"}}); len(n) != 0 {
		t.Errorf("PageParams(lang=zh) = %v, want none", n)
	}
}
