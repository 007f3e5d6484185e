package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// coveragePage is /coverage: how complete the record is, as a region × year
// grid of what is known of the key metrics (targets by stage, results) and
// what was searched for and not found.
type coveragePage struct {
	app.Compo

	ds       *model.Dataset
	err      error
	lang     i18n.Lang
	notices  []string
	rendered string // the query, for mainLandmark
}

// coverageMetrics are the metrics the page grids: growth, the figure every
// district targets, and the size of the economy.
var coverageMetrics = []string{"gdp_growth", "gdp_total"}

func newCoveragePage() app.Composer { return &coveragePage{} }

// OnInit reads the language in the browser before the first render.
func (p *coveragePage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u.Query())
	}
}

// OnNav reads the language on the server and after every navigation.
func (p *coveragePage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
	p.rendered = ctx.Page().URL().RawQuery
	setPageMeta(ctx, p.lang, i18n.T(p.lang, "heading.coverage"))
}

func (p *coveragePage) load(q url.Values) {
	p.ds, p.err = loadDataset()
	p.lang = pageLang(q)
	p.notices = noticeMessages(p.lang, urlstate.PageParams(q))
}

func (p *coveragePage) Render() app.UI {
	if p.err != nil {
		return errorPage(p.err)
	}
	if p.ds == nil {
		return app.Div().Class("page")
	}
	hrefs := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		hrefs[l] = coveragePath(l)
	}
	var grids []app.UI
	for _, id := range coverageMetrics {
		if g, ok := p.ds.CoverageOf(id); ok {
			grids = append(grids, newCoverageGrid(p.lang, g))
		}
	}
	return app.Div().Class("page").Body(
		newSiteHeader(p.lang, sectionCoverage, hrefs),
		mainLandmark(p.rendered).Body(
			app.H1().Text(i18n.T(p.lang, "heading.coverage")),
			newNoticeList(p.lang, p.notices),
			app.P().Class("lead").Text(i18n.T(p.lang, "coverage.intro")),
			app.Div().Body(grids...),
		),
		newSiteFooter(p.lang, p.ds),
	)
}
