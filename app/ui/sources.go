package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// sourcesPage is /sources: every source article with its metadata and the
// figures taken from it, then the figures on which sources disagree.
type sourcesPage struct {
	app.Compo

	ds       *model.Dataset
	err      error
	lang     i18n.Lang
	notices  []string
	rendered string // the query, for mainLandmark
}

func newSourcesPage() app.Composer { return &sourcesPage{} }

// OnInit reads the language in the browser before the first render.
func (p *sourcesPage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u.Query())
	}
}

// OnNav reads the language on the server and after every navigation.
func (p *sourcesPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
	p.rendered = ctx.Page().URL().RawQuery
	setPageMeta(ctx, p.lang, i18n.T(p.lang, "heading.sources"))
}

func (p *sourcesPage) load(q url.Values) {
	p.ds, p.err = loadDataset()
	p.lang = pageLang(q)
	p.notices = noticeMessages(p.lang, urlstate.PageParams(q))
}

func (p *sourcesPage) Render() app.UI {
	if p.err != nil {
		return errorPage(p.err)
	}
	if p.ds == nil {
		return app.Div().Class("page")
	}
	t := func(k i18n.Key) string { return i18n.T(p.lang, k) }
	hrefs := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		hrefs[l] = sourcesPath(l)
	}
	return app.Div().Class("page").Body(
		newSiteHeader(p.lang, sectionSources, hrefs),
		mainLandmark(p.rendered).Body(
			app.H1().Text(t("heading.sources")),
			newNoticeList(p.lang, p.notices),
			app.Range(p.ds.Sources).Slice(func(i int) app.UI { return newSourceEntry(p.lang, p.ds.Sources[i], p.ds) }),
			newConflictList(p.lang, p.ds),
		),
		newSiteFooter(p.lang, p.ds),
	)
}
