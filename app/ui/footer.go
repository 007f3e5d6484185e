package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
)

// siteFooter is the bottom of every page: where the data comes from, and
// the notice that appears when a new version is ready.
type siteFooter struct {
	app.Compo

	Lang i18n.Lang
}

func newSiteFooter(lang i18n.Lang) *siteFooter { return &siteFooter{Lang: lang} }

func (f *siteFooter) Render() app.UI {
	return app.Footer().Class("site-footer").Body(
		app.P().Body(
			app.Text(i18n.T(f.Lang, "footer.data")+" "),
			app.A().Href(sourcesPath(f.Lang)).Text(i18n.T(f.Lang, "nav.sources")),
		),
		newUpdateNotice(f.Lang),
	)
}
