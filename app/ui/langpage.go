package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// languagePage is what the pages that read only the language from their
// address (sources, coverage) share: loading, and the site's frame around
// their content. They embed it beside app.Compo.
type languagePage struct {
	store    *Store
	page     urlstate.Page
	section  string
	heading  i18n.Key // the page's heading, also its title
	ds       *model.Dataset
	err      error
	lang     i18n.Lang
	notices  []string
	rendered string // the query, for mainLandmark
}

// OnInit reads the language in the browser before the first render.
func (p *languagePage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u.Query())
	}
}

// OnNav reads the language on the server and after every navigation.
func (p *languagePage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
	p.rendered = ctx.Page().URL().RawQuery
	setPageMeta(ctx, p.lang, i18n.T(p.lang, p.heading))
}

func (p *languagePage) load(q url.Values) {
	p.ds, p.err = p.store.dataset()
	p.lang = pageLang(q)
	p.notices = noticeMessages(p.lang, urlstate.PageParams(q))
}

// frame is the page: the header, the heading, the notices and the
// content, and the footer; or what went wrong loading the data.
func (p *languagePage) frame(content func() []app.UI) app.UI {
	if p.err != nil {
		return errorPage(p.err)
	}
	if p.ds == nil {
		return app.Div().Class("page")
	}
	hrefs := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		hrefs[l] = href(urlstate.PageURL(p.page, "", l))
	}
	top := []app.UI{app.H1().Text(i18n.T(p.lang, p.heading)), newNoticeList(p.lang, p.notices)}
	return app.Div().Class("page").Body(
		newSiteHeader(p.lang, p.section, hrefs),
		mainLandmark(p.rendered).Body(append(top, content()...)...),
		newSiteFooter(p.lang, p.ds),
	)
}
