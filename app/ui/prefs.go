package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/urlstate"
)

// Preferences, stored in the browser's localStorage. web/chart.js must
// read and store them before the app runs; it learns their keys and values
// from the page rather than repeating them: a language link names the
// preference it sets (data-pref-key, data-pref-value), and a chart the one
// that puts patterns on it (data-decal-key, data-decal-on; embed pages'
// charts too).
const (
	prefLang  = "gz-targets:lang" // the language the reader chose: "zh" or "en"
	DecalPref = "gz-targets:decal"
	DecalOn   = "on" // DecalPref's value when patterns are on
)

// pageLang picks the display language: the URL's lang parameter, then the
// language the reader chose before, then the browser's language. On the
// server, without a reader, it is the URL's or the default.
func pageLang(q url.Values) i18n.Lang {
	if l, ok := i18n.ParseLang(q.Get("lang")); ok {
		return l
	}
	if l, ok := i18n.ParseLang(storedPref(prefLang)); ok {
		return l
	}
	if tag := browserLanguage(); tag != "" {
		return i18n.FromBrowser(tag)
	}
	return i18n.Default
}

// decalOn reports whether the reader switched on patterns.
func decalOn() bool { return storedPref(DecalPref) == DecalOn }

// href returns an app path under the site's root prefix, so that links
// work when the site is served from a sub-path.
func href(path string) string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + path
}

// explorerPath is the explorer's default view in a language, under the
// root prefix.
func explorerPath(lang i18n.Lang) string {
	return href(urlstate.PageURL(urlstate.PageExplorer, "", lang))
}

// districtPath is the profile page of a region, under the root prefix.
func districtPath(id string, lang i18n.Lang) string { return href(urlstate.DistrictPath(id, lang)) }

// sourcesPath is the sources page, under the root prefix.
func sourcesPath(lang i18n.Lang) string { return href(urlstate.SourcesPath(lang)) }

// coveragePath is the coverage page, under the root prefix.
func coveragePath(lang i18n.Lang) string { return href(urlstate.CoveragePath(lang)) }

// routePath is a URL's path within the app, without the root prefix.
func routePath(u *url.URL) string {
	p := strings.TrimPrefix(u.Path, strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/"))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}
