package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/urlstate"
)

// districtPage is /district/<id>: every figure of one region by year, with
// its citations, and a small chart per metric.
type districtPage struct {
	app.Compo

	store    *Store
	ds       *model.Dataset
	err      error
	lang     i18n.Lang
	regionID string
	profile  model.Profile
	found    bool
	notices  []string
	charts   []spec.Spec
	pending  bool // some charts are still arriving
	decal    bool
	rendered string // the query, for mainLandmark
}

func newDistrictPage(s *Store) *districtPage { return &districtPage{store: s} }

// OnInit reads the region in the browser before the first render.
func (p *districtPage) OnInit() {
	if u := browserURL(); u != nil {
		p.load(u)
	}
}

// OnMount fetches the charts if the first render had to wait for them (and
// the rest of the language's, for the reader's next chart), and
// listens for the pattern setting.
func (p *districtPage) OnMount(ctx app.Context) {
	ctx.Handle(actionDecal, func(ctx app.Context, a app.Action) { p.decal, _ = a.Value.(bool) })
	p.resolve(ctx)
	p.store.prefetch(ctx, p.lang)
}

// OnNav reads the region on the server and after every navigation.
func (p *districtPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	p.rendered = ctx.Page().URL().RawQuery
	p.resolve(ctx)
	title := i18n.T(p.lang, "heading.notFound")
	if p.found {
		title = i18n.T(p.lang, "heading.profile", p.profile.Region.Name.In(string(p.lang)))
	}
	setPageMeta(ctx, p.lang, title)
}

func (p *districtPage) load(u *url.URL) {
	p.ds, p.err = p.store.dataset()
	if p.err != nil {
		return
	}
	q := u.Query()
	p.lang = pageLang(q)
	_, p.regionID = urlstate.ParsePath(routePath(u))
	p.profile, p.found = p.ds.Profile(p.regionID)
	p.notices = noticeMessages(p.lang, urlstate.PageParams(q))
	if !p.found {
		p.notices = append(p.notices, i18n.T(p.lang, "profile.unknown", shortText(p.regionID)))
	}
	p.decal = decalOn()
	p.collectCharts()
}

// collectCharts gathers the charts of the region's metrics that are known.
func (p *districtPage) collectCharts() {
	p.charts, p.pending = nil, false
	for _, m := range p.profile.Metrics {
		s, status := p.store.peekSpec(p.lang, spec.ProfileSlug(p.regionID, m.ID))
		switch status {
		case specFound:
			p.charts = append(p.charts, s)
		case specPending:
			p.pending = true
		}
	}
}

// resolve fetches the language's charts when some are missing.
func (p *districtPage) resolve(ctx app.Context) {
	if !p.pending || len(p.profile.Metrics) == 0 {
		return
	}
	p.store.lookupSpec(ctx, p.lang, spec.ProfileSlug(p.regionID, p.profile.Metrics[0].ID), func(ctx app.Context) {
		p.collectCharts()
	})
}

func (p *districtPage) Render() app.UI {
	if p.err != nil {
		return errorPage(p.err)
	}
	if p.ds == nil {
		return app.Div().Class("page")
	}
	return app.Div().Class("page").Body(
		newSiteHeader(p.lang, sectionDistrict, p.langHrefs()),
		withCharts(mainLandmark(p.rendered), p.lang).Body(p.content()...),
		newSiteFooter(p.lang, p.ds),
	)
}

func (p *districtPage) content() []app.UI {
	t := func(k i18n.Key, args ...any) string { return i18n.T(p.lang, k, args...) }
	if !p.found {
		return []app.UI{
			app.H1().Text(t("heading.notFound")),
			newNoticeList(p.lang, p.notices),
			newRegionList(p.lang, p.ds.Regions),
		}
	}
	name := p.profile.Region.Name.In(string(p.lang))
	out := []app.UI{
		app.H1().Text(t("heading.profile", name)),
		newNoticeList(p.lang, p.notices),
		app.P().Class("lead").Text(t("profile.group", t(i18n.Key("group."+p.profile.Region.Group)))),
	}
	if len(p.profile.Years) == 0 {
		return append(out, app.P().Text(t("profile.none")), newRegionList(p.lang, p.ds.Regions))
	}
	for _, y := range p.profile.Years {
		out = append(out, newYearFigures(p.lang, y, p.ds))
	}
	out = append(out, app.H2().Text(t("heading.charts")), newDecalToggle(p.lang, p.decal))
	for _, s := range p.charts {
		out = append(out, newChartFigure(s, p.ds, p.decal, "h3", p.store.still(s)))
	}
	if p.pending && len(p.charts) == 0 {
		out = append(out, newChartPlaceholder(p.lang, specPending, urlstate.State{}, p.ds))
	}
	return out
}

func (p *districtPage) langHrefs() map[i18n.Lang]string {
	out := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		out[l] = districtPath(p.regionID, l)
	}
	return out
}

// shortText cuts text from a URL to a length a notice can repeat.
func shortText(s string) string {
	r := []rune(strings.ToValidUTF8(s, "�"))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
