package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// explorerPage is "/": one metric across the districts, the same metric in
// 2023 and 2024, or the table of every figure. Its state is the URL.
type explorerPage struct {
	app.Compo

	ds      *model.Dataset
	err     error
	state   urlstate.State
	notices []string
	spec    chart.Spec
	decal   bool
}

func newExplorerPage() app.Composer { return &explorerPage{} }

// OnInit reads the state in the browser before the first render, so that
// the page the app draws over the pre-rendered one matches it.
func (p *explorerPage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u.Query())
	}
}

// OnMount listens for the pattern setting, which is not part of the URL.
func (p *explorerPage) OnMount(ctx app.Context) {
	ctx.Handle(actionDecal, func(ctx app.Context, a app.Action) {
		p.decal, _ = a.Value.(bool)
	})
}

// OnNav reads the state on the server and after every navigation.
func (p *explorerPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
	setPageMeta(ctx, p.state.Lang, p.title())
}

func (p *explorerPage) load(q url.Values) {
	p.ds, p.err = loadDataset()
	if p.err != nil {
		return
	}
	lang := pageLang(q)
	state, notices := urlstate.Parse(q, p.ds)
	p.state = state
	p.state.Lang = lang
	p.notices = noticeMessages(lang, notices)
	p.decal = decalOn()
	p.spec = viewSpec(p.ds, p.state)
}

// viewSpec is the chart of a view; the table view has none.
func viewSpec(ds *model.Dataset, s urlstate.State) chart.Spec {
	var spec chart.Spec
	switch s.View {
	case urlstate.ViewDistricts:
		spec, _ = districtsSpec(ds, s.Metric, s.Year, s.Lang)
	case urlstate.ViewYears:
		spec, _ = yearsSpec(ds, s.Metric, urlstate.YearsCompared[0], urlstate.YearsCompared[1], s.Lang)
	}
	return spec
}

func (p *explorerPage) title() string {
	if p.state.View == urlstate.ViewTable {
		return i18n.T(p.state.Lang, "heading.table")
	}
	return p.spec.Title
}

func (p *explorerPage) Render() app.UI {
	if p.err != nil {
		return errorPage(p.err)
	}
	if p.ds == nil {
		return app.Div().Class("page")
	}
	lang := p.state.Lang
	return app.Div().Class("page").Body(
		newSiteHeader(lang, sectionExplorer, p.langHrefs()),
		app.Main().ID("main").Body(
			app.H1().Text(p.title()),
			newNoticeList(lang, p.notices),
			newViewControls(p.state, p.ds),
			newDecalToggle(lang, p.decal),
			p.body(),
		),
		newSiteFooter(lang),
	)
}

func (p *explorerPage) body() app.UI {
	if p.state.View == urlstate.ViewTable {
		return newRecordTable(p.state, p.ds)
	}
	return newChartFigure(p.spec, p.ds, p.decal, "")
}

// langHrefs are this view's URLs in each language.
func (p *explorerPage) langHrefs() map[i18n.Lang]string {
	out := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		s := p.state
		s.Lang, s.LangSet = l, true
		out[l] = href(s.URL())
	}
	return out
}
