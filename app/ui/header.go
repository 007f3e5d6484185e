package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
)

// Sections of the site, for marking the current one in the navigation.
const (
	sectionExplorer = "explorer"
	sectionSources  = "sources"
	sectionCoverage = "coverage"
	sectionDistrict = "district"
	sectionNone     = ""
)

// siteHeader is the top of every page: a skip link, the site's name, the
// main navigation and the language switch. The language links point at
// the same page in each language, so they work without JavaScript too.
type siteHeader struct {
	app.Compo

	Lang      i18n.Lang
	Section   string
	LangHrefs map[i18n.Lang]string
}

func newSiteHeader(lang i18n.Lang, section string, langHrefs map[i18n.Lang]string) *siteHeader {
	return &siteHeader{Lang: lang, Section: section, LangHrefs: langHrefs}
}

func (h *siteHeader) Render() app.UI {
	t := func(k i18n.Key) string { return i18n.T(h.Lang, k) }
	return app.Header().Class("site-header").Body(
		app.A().Class("skip-link").Href("#main").Text(t("nav.skip")),
		app.A().Class("site-name").Href(explorerPath(h.Lang)).Text(t("app.name")),
		app.Nav().Class("site-nav").Aria("label", t("nav.main")).Body(
			h.navLink(explorerPath(h.Lang), t("nav.explorer"), sectionExplorer),
			h.navLink(sourcesPath(h.Lang), t("nav.sources"), sectionSources),
			h.navLink(coveragePath(h.Lang), t("nav.coverage"), sectionCoverage),
		),
		app.Nav().Class("lang-switch").Aria("label", t("nav.language")).DataSet("lang-foreign", string(i18n.Foreign)).Body(
			app.Range(i18n.Langs).Slice(func(i int) app.UI { return h.langLink(i18n.Langs[i]) }),
		),
	)
}

func (h *siteHeader) navLink(to, label, section string) app.UI {
	a := app.A().Href(to).Text(label)
	if section == h.Section {
		a = a.Aria("current", "page")
	}
	return a
}

// langLink switches to a language; web/chart.js stores the choice under
// the key the link names, as it must before the app runs too. The current
// language is plain text rather than a link to the page itself.
func (h *siteHeader) langLink(lang i18n.Lang) app.UI {
	name := i18n.T(lang, i18n.Key("lang."+string(lang)))
	if lang == h.Lang {
		return app.Strong().Class("lang-current").Lang(string(lang)).Text(name)
	}
	return app.A().
		Href(h.LangHrefs[lang]).
		Lang(string(lang)).
		DataSet("pref-key", prefLang).
		DataSet("pref-value", string(lang)).
		Text(name)
}
