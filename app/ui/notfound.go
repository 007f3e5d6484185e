package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// notFoundPage answers any path the app does not have: it says so and
// offers the way on, instead of a blank page.
type notFoundPage struct {
	app.Compo

	store    *Store
	lang     i18n.Lang
	path     string
	ds       *model.Dataset
	rendered string // the query, for mainLandmark
}

func newNotFoundPage(s *Store) *notFoundPage { return &notFoundPage{store: s} }

// OnInit reads the path in the browser before the first render.
func (p *notFoundPage) OnInit() {
	if u := browserURL(); u != nil {
		p.lang, p.path = pageLang(u.Query()), routePath(u)
	}
	p.ds, _ = p.store.dataset()
}

// OnNav reads the path on the server and after navigation.
func (p *notFoundPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.lang, p.path, p.rendered = pageLang(u.Query()), routePath(u), u.RawQuery
	p.ds, _ = p.store.dataset()
	setPageMeta(ctx, p.lang, i18n.T(p.lang, "heading.notFound"))
}

func (p *notFoundPage) Render() app.UI {
	if p.lang == "" {
		return app.Div().Class("page")
	}
	var regions []model.Region
	if p.ds != nil {
		regions = p.ds.Regions
	}
	hrefs := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		hrefs[l] = explorerPath(l)
	}
	return app.Div().Class("page").Body(
		newSiteHeader(p.lang, sectionNone, hrefs),
		mainLandmark(p.rendered).Body(
			app.H1().Text(i18n.T(p.lang, "heading.notFound")),
			newNoticeList(p.lang, []string{i18n.T(p.lang, "notice.route", shortText(p.path))}),
			app.P().Body(app.A().Href(explorerPath(p.lang)).Text(i18n.T(p.lang, "nav.explorer"))),
			newRegionList(p.lang, regions),
		),
		newSiteFooter(p.lang, p.ds),
	)
}
