package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// siteFooter is the bottom of every page: what the data covers (sources,
// years, when it was last updated), and the notice that appears when a new
// version is ready.
type siteFooter struct {
	app.Compo

	Lang i18n.Lang
	Data *model.Dataset
}

func newSiteFooter(lang i18n.Lang, ds *model.Dataset) *siteFooter {
	return &siteFooter{Lang: lang, Data: ds}
}

func (f *siteFooter) Render() app.UI {
	return app.Footer().Class("site-footer").Body(
		app.P().Body(
			app.Text(words.New(f.Data, f.Lang).DataCovers()+" "),
			app.A().Href(sourcesPath(f.Lang)).Text(i18n.T(f.Lang, "nav.sources")),
			app.Text(" · "),
			app.A().Href(coveragePath(f.Lang)).Text(i18n.T(f.Lang, "nav.coverage")),
		),
		newUpdateNotice(f.Lang),
	)
}
