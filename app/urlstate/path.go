package urlstate

import (
	"net/url"
	"regexp"
	"strings"

	"gztargets/app/i18n"
)

// Page is one of the app's pages, as its path names it.
type Page string

// The app's pages. PageNone is any other path: the not-found page.
const (
	PageExplorer Page = "explorer" // "/"
	PageDistrict Page = "district" // "/district/<region id>"
	PageSources  Page = "sources"  // "/sources"
	PageCoverage Page = "coverage" // "/coverage"
	PageNone     Page = ""
)

// pagePatterns match the path of each page but the explorer, which is
// "/" alone. A path may end in a slash, as static file servers add one when
// they serve a directory's index.html.
var pagePatterns = map[Page]*regexp.Regexp{
	PageDistrict: regexp.MustCompile(`^/district/[^/]+/?$`),
	PageSources:  regexp.MustCompile(`^/sources/?$`),
	PageCoverage: regexp.MustCompile(`^/coverage/?$`),
}

// RoutePattern is the regular expression of a page's paths, for go-app's
// RouteWithRegexp; "" for the explorer, whose only path is "/".
func RoutePattern(p Page) string {
	if re, ok := pagePatterns[p]; ok {
		return re.String()
	}
	return ""
}

// ParsePath reads an app path (without the site's prefix): the page, and
// for a profile the region id as the address names it, unescaped (it may
// name no region).
func ParsePath(path string) (page Page, region string) {
	if path == "/" {
		return PageExplorer, ""
	}
	for _, p := range []Page{PageDistrict, PageSources, PageCoverage} {
		if pagePatterns[p].MatchString(path) {
			page = p
			break
		}
	}
	if page != PageDistrict {
		return page, ""
	}
	id := strings.Trim(strings.TrimPrefix(path, "/district/"), "/")
	if unescaped, err := url.PathUnescape(id); err == nil {
		return page, unescaped
	}
	return page, id
}

// PagePath is the path of a page, with no query: region names the profile
// of PageDistrict and is ignored otherwise.
func PagePath(p Page, region string) string {
	switch p {
	case PageDistrict:
		return "/district/" + url.PathEscape(region)
	case PageSources, PageCoverage:
		return "/" + string(p)
	}
	return "/"
}

// PageURL is a page's path with the language.
func PageURL(p Page, region string, lang i18n.Lang) string {
	return PagePath(p, region) + "?lang=" + string(lang)
}

// DistrictPath is the profile page of a region in a language.
func DistrictPath(region string, lang i18n.Lang) string { return PageURL(PageDistrict, region, lang) }

// CoveragePath is the coverage page in a language.
func CoveragePath(lang i18n.Lang) string { return PageURL(PageCoverage, "", lang) }

// SourcesPath is the sources page in a language.
func SourcesPath(lang i18n.Lang) string { return PageURL(PageSources, "", lang) }

// ChartPath is the explorer page that shows a chart: the view for the
// districts and years charts, the region's profile for a profile chart.
func ChartPath(chartType, metric string, year int, region string, lang i18n.Lang) string {
	switch chartType {
	case "years":
		return State{View: ViewYears, Metric: metric, Lang: lang, LangSet: true}.URL()
	case "profile":
		return DistrictPath(region, lang)
	case ViewResults, ViewCascade, ViewMap:
		return State{View: chartType, Metric: metric, Year: year, Lang: lang, LangSet: true}.URL()
	}
	return State{View: ViewDistricts, Metric: metric, Year: year, Lang: lang, LangSet: true}.URL()
}
