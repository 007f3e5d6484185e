package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
)

// updateInterval is how often an open page asks for a new version.
const updateInterval = time.Hour

// updateNotice says, unobtrusively, that a new version has been installed
// in the background and a reload will show it.
type updateNotice struct {
	app.Compo

	Lang      i18n.Lang
	available bool
}

func newUpdateNotice(lang i18n.Lang) *updateNotice { return &updateNotice{Lang: lang} }

// OnMount catches an update found before this page started, and checks
// again every hour for pages left open.
func (u *updateNotice) OnMount(ctx app.Context) {
	u.available = ctx.AppUpdateAvailable()
	u.scheduleCheck(ctx)
}

func (u *updateNotice) scheduleCheck(ctx app.Context) {
	ctx.After(updateInterval, func(ctx app.Context) {
		checkForUpdate()
		u.scheduleCheck(ctx)
	})
}

// OnAppUpdate runs when go-app's service worker has activated a new version.
func (u *updateNotice) OnAppUpdate(ctx app.Context) {
	u.available = ctx.AppUpdateAvailable()
}

func (u *updateNotice) Render() app.UI {
	box := app.Div().Class("update-notice").Role("status")
	if !u.available {
		return box
	}
	return box.Body(
		app.Text(i18n.T(u.Lang, "update.available")+" – "),
		app.Button().Type("button").Class("link-button").
			Text(i18n.T(u.Lang, "update.reload")).
			OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}
