package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// explorerPage is "/": targets against results for one metric and year,
// one metric across the districts, the same metric in 2023 and 2024, or the
// table of every figure. Its state is the URL.
type explorerPage struct {
	app.Compo

	store    *Store
	ds       *model.Dataset
	err      error
	state    urlstate.State
	notices  []string
	chart    spec.Spec
	status   specStatus
	decal    bool
	rendered string // the query, for mainLandmark
}

func newExplorerPage(s *Store) *explorerPage { return &explorerPage{store: s} }

// OnInit reads the state in the browser before the first render, so that
// the page the app draws over the pre-rendered one matches it.
func (p *explorerPage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u.Query())
	}
}

// OnMount fetches the chart if the first render had to wait for it, and
// the other charts of the language for the reader's next switch, and
// listens for the pattern setting, which is not part of the URL.
func (p *explorerPage) OnMount(ctx app.Context) {
	ctx.Handle(actionDecal, func(ctx app.Context, a app.Action) {
		p.decal, _ = a.Value.(bool)
	})
	p.resolve(ctx)
	p.store.prefetch(ctx, p.state.Lang)
}

// OnNav reads the state on the server and after every navigation.
func (p *explorerPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
	p.rendered = ctx.Page().URL().RawQuery
	p.resolve(ctx)
	setPageMeta(ctx, p.state.Lang, p.title())
}

func (p *explorerPage) load(q url.Values) {
	p.ds, p.err = p.store.dataset()
	if p.err != nil {
		return
	}
	lang := pageLang(q)
	state, notices := urlstate.Parse(q, p.ds)
	p.state = state
	p.state.Lang = lang
	p.notices = explorerNotices(words.New(p.ds, lang), notices, p.state.Year)
	p.decal = decalOn()
	p.chart, p.status = p.store.peekSpec(lang, p.slug())
}

// resolve looks the chart up, fetching the language's charts if needed.
func (p *explorerPage) resolve(ctx app.Context) {
	if p.err != nil || p.status != specPending || p.state.View == urlstate.ViewTable {
		return
	}
	p.chart, p.status = p.store.lookupSpec(ctx, p.state.Lang, p.slug(), func(ctx app.Context) {
		p.chart, p.status = p.store.peekSpec(p.state.Lang, p.slug())
	})
}

// slug names the view's chart.
func (p *explorerPage) slug() string { return StateSlug(p.state) }

// StateSlug names the chart of a state; the table view has none. The
// bench asks it which chart a state shows.
func StateSlug(s urlstate.State) string {
	switch s.View {
	case urlstate.ViewDistricts:
		return spec.DistrictsSlug(s.Metric, s.Year)
	case urlstate.ViewYears:
		return spec.YearsSlug(s.Metric)
	case urlstate.ViewResults:
		return spec.ResultsSlug(s.Metric, s.Year)
	case urlstate.ViewCascade:
		return spec.CascadeSlug(s.Metric, s.Year)
	case urlstate.ViewMap:
		return spec.MapSlug(s.Metric, s.Year)
	}
	return ""
}

func (p *explorerPage) title() string {
	lang := p.state.Lang
	metric, _ := p.ds.Metric(p.state.Metric)
	switch p.state.View {
	case urlstate.ViewDistricts:
		return words.New(p.ds, lang).DistrictsTitle(metric, p.state.Year)
	case urlstate.ViewYears:
		return i18n.T(lang, "heading.years", metric.Name.In(string(lang)))
	case urlstate.ViewResults:
		return i18n.T(lang, "heading.results", metric.Name.In(string(lang)), p.state.Year)
	case urlstate.ViewCascade:
		return i18n.T(lang, "heading.cascade", metric.Name.In(string(lang)), p.state.Year)
	case urlstate.ViewMap:
		return i18n.T(lang, "heading.map", metric.Name.In(string(lang)), p.state.Year)
	}
	return tableTitle(p.state, p.ds)
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
		withCharts(mainLandmark(p.rendered), p.state.Lang).Body(
			app.H1().Text(p.title()),
			newNoticeList(lang, p.notices),
			newViewControls(p.state, p.ds, p.store),
			newDecalToggle(lang, p.decal),
			p.body(),
		),
		newSiteFooter(lang, p.ds),
	)
}

func (p *explorerPage) body() app.UI {
	if p.state.View == urlstate.ViewTable {
		return newRecordTable(p.state, p.ds)
	}
	if p.status != specFound {
		return newChartPlaceholder(p.state.Lang, p.status, p.state, p.ds)
	}
	return newChartFigure(p.chart, p.ds, p.decal, "", p.store.still(p.chart))
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
