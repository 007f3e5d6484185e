package urlstate

import (
	"regexp"
	"testing"

	"gztargets/app/i18n"
)

func TestParsePath(t *testing.T) {
	tests := []struct {
		path   string
		page   Page
		region string
	}{
		{"/", PageExplorer, ""},
		{"/district/tianhe", PageDistrict, "tianhe"},
		{"/district/tianhe/", PageDistrict, "tianhe"},
		{"/district/atlantis", PageDistrict, "atlantis"},
		{"/district/a%20b", PageDistrict, "a b"},
		{"/district/%zz", PageDistrict, "%zz"},
		{"/district/", PageNone, ""},
		{"/district/tianhe/2024", PageNone, ""},
		{"/sources", PageSources, ""},
		{"/sources/", PageSources, ""},
		{"/sources/x", PageNone, ""},
		{"/coverage", PageCoverage, ""},
		{"/coverage/", PageCoverage, ""},
		{"/coverage.html", PageNone, ""},
		{"/tables", PageNone, ""},
		{"", PageNone, ""},
		{"//", PageNone, ""},
	}
	for _, tt := range tests {
		page, region := ParsePath(tt.path)
		if page != tt.page || region != tt.region {
			t.Errorf("ParsePath(%q) = %q, %q, want %q, %q", tt.path, page, region, tt.page, tt.region)
		}
	}
}

// TestPagePathsParseBack builds each page's path and reads it back: the
// two directions agree, and a region id with characters a path must
// escape survives in its escaped form.
func TestPagePathsParseBack(t *testing.T) {
	tests := []struct {
		page   Page
		region string
		want   string
	}{
		{PageExplorer, "", "/"},
		{PageDistrict, "tianhe", "/district/tianhe"},
		{PageDistrict, "a/b c", "/district/a%2Fb%20c"},
		{PageSources, "", "/sources"},
		{PageCoverage, "", "/coverage"},
		{PageNone, "", "/"},
	}
	for _, tt := range tests {
		got := PagePath(tt.page, tt.region)
		if got != tt.want {
			t.Errorf("PagePath(%q, %q) = %q, want %q", tt.page, tt.region, got, tt.want)
		}
		if tt.page == PageNone {
			continue
		}
		page, region := ParsePath(got)
		if page != tt.page || region != tt.region {
			t.Errorf("ParsePath(PagePath(%q, %q)) = %q, %q", tt.page, tt.region, page, region)
		}
	}
}

func TestPageURLs(t *testing.T) {
	tests := []struct{ got, want string }{
		{DistrictPath("tianhe", i18n.EN), "/district/tianhe?lang=en"},
		{SourcesPath(i18n.ZH), "/sources?lang=zh"},
		{CoveragePath(i18n.EN), "/coverage?lang=en"},
		{ChartPath("profile", "gdp_growth", 0, "baiyun", i18n.ZH), "/district/baiyun?lang=zh"},
		{ChartPath("years", "gdp_growth", 2024, "", i18n.EN), "/?lang=en&metric=gdp_growth&view=years"},
		{ChartPath("results", "gdp_growth", 2024, "", i18n.EN), "/?lang=en&metric=gdp_growth&view=results&year=2024"},
		{ChartPath("districts", "gdp_growth", 2024, "", i18n.ZH), "/?lang=zh&metric=gdp_growth&year=2024"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestRoutePatterns checks that the patterns go-app routes by accept
// exactly the paths ParsePath reads as that page.
func TestRoutePatterns(t *testing.T) {
	paths := []string{"/", "/district/tianhe", "/district/tianhe/", "/district/", "/sources", "/sources/", "/coverage", "/coverage/x", "/other"}
	for _, page := range []Page{PageDistrict, PageSources, PageCoverage} {
		re := regexp.MustCompile(RoutePattern(page))
		for _, p := range paths {
			parsed, _ := ParsePath(p)
			if re.MatchString(p) != (parsed == page) {
				t.Errorf("the %s route matches %q: %v; ParsePath reads %q", page, p, re.MatchString(p), parsed)
			}
		}
	}
	if RoutePattern(PageExplorer) != "" {
		t.Error("the explorer has a route pattern; go-app routes it by its one path, /")
	}
}

func TestSortOrders(t *testing.T) {
	tests := []struct {
		current, key string
		next, aria   string
	}{
		{"", SortValue, "value", "none"},
		{"value", SortValue, "-value", "ascending"},
		{"-value", SortValue, "value", "descending"},
		{"-year", SortValue, "value", "none"},
		{"region", SortYear, "year", "none"},
	}
	for _, tt := range tests {
		next, aria := NextSort(tt.current, tt.key)
		if next != tt.next || aria != tt.aria {
			t.Errorf("NextSort(%q, %q) = %q, %q, want %q, %q", tt.current, tt.key, next, aria, tt.next, tt.aria)
		}
		// Every order a header asks for parses without a notice.
		if s, notices := parse(t, "view=table&sort="+next); s.Sort != next || len(notices) != 0 {
			t.Errorf("sort=%s parses to %q with %v", next, s.Sort, notices)
		}
	}
	for order, want := range map[string]struct {
		key  string
		desc bool
	}{"value": {"value", false}, "-year": {"year", true}, "": {"", false}, "--x": {"-x", true}} {
		if key, desc := SortOrder(order); key != want.key || desc != want.desc {
			t.Errorf("SortOrder(%q) = %q, %v, want %q, %v", order, key, desc, want.key, want.desc)
		}
	}
}
