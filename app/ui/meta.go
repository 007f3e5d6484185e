package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// setPageMeta sets the document's language, title and description, on the
// server for the pre-rendered HTML and in the browser after navigation.
func setPageMeta(ctx app.Context, lang i18n.Lang, title string) {
	ctx.Page().SetLang(string(lang))
	ctx.Page().SetTitle("%s · %s", titleText(title), i18n.T(lang, "app.name"))
	ctx.Page().SetDescription("%s", i18n.T(lang, "app.description"))
}

// mainLandmark is a page's <main>. On the server it names, in
// data-rendered, the query the page was rendered for, with its "?" (go-app
// leaves out an empty attribute): a static host or the offline cache can
// serve the page at another address, and web/chart.js then starts the app
// at once, to show what the address asks for.
func mainLandmark(rendered string) app.HTMLMain {
	m := app.Main().ID("main")
	if app.IsServer {
		m = m.DataSet("rendered", attr("?"+rendered))
	}
	return m
}

// withCharts names, on the server, the bundle of a language's charts in a
// page's <main> (data-charts, its path without the root prefix). The app
// fetches it as soon as it runs (Store.prefetch); go-app's app.js starts
// that fetch as the app starts downloading (app/server/appjs.go), so that
// the reader's first switch of chart finds it there.
func withCharts(m app.HTMLMain, lang i18n.Lang) app.HTMLMain {
	if app.IsServer {
		m = m.DataSet("charts", spec.BundlePath(lang))
	}
	return m
}

// errorPage replaces a page whose data could not be loaded, so that the
// reader sees what went wrong rather than a blank page.
func errorPage(err error) app.UI {
	return app.Main().ID("main").Class("page").Body(
		app.H1().Text("Error / 错误"),
		app.P().Role("alert").Text(err.Error()),
	)
}
