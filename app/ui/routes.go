// Package ui is the explorer's user interface: go-app components, one per
// file, that render the same on the server (pre-rendered HTML) and in the
// browser (WebAssembly). Pages compose components; data comes from the
// model and chart packages; all JavaScript calls live in interop.go.
package ui

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/urlstate"
)

// go-app keeps one table of routes per process, and its route constructors
// take no arguments: for each page it pre-renders (the server) or each
// navigation (the browser) it builds new components from that table. So
// the pages are declared once, and each is built on the store bound at that
// moment, which it keeps: in the browser, its one store, for as long as the
// page lives; on the server, the store of the site rendering, for one
// render (Store.Render).
var (
	registerOnce sync.Once
	binding      struct {
		sync.Mutex // held by a render on the server
		store      *Store
	}
)

// register declares the app's routes, once per process. Any other path
// gets the not-found page, which says so and links onwards.
func register() {
	registerOnce.Do(func() {
		app.Route("/", func() app.Composer { return newExplorerPage(binding.store) })
		app.RouteWithRegexp(urlstate.RoutePattern(urlstate.PageDistrict), func() app.Composer { return newDistrictPage(binding.store) })
		app.RouteWithRegexp(urlstate.RoutePattern(urlstate.PageSources), func() app.Composer { return newSourcesPage(binding.store) })
		app.RouteWithRegexp(urlstate.RoutePattern(urlstate.PageCoverage), func() app.Composer { return newCoveragePage(binding.store) })
		app.RouteWithRegexp(`^/`, func() app.Composer { return newNotFoundPage(binding.store) })
	})
}

// RunWhenOnBrowser starts the app in the browser on the embedded dataset
// and the charts in the page, and tells web/chart.js that the app handles
// the controls now. Natively it does nothing.
func RunWhenOnBrowser() {
	if !app.IsClient {
		return
	}
	register()
	binding.store = BrowserStore()
	markAppRunning()
	app.RunWhenOnBrowser()
}

// Render runs render, a go-app handler pre-rendering a page, with the
// pages built on this store. Renders take turns, one at a time in the
// process, as the routes they build pages from are shared.
func (s *Store) Render(render func()) {
	register()
	binding.Lock()
	defer binding.Unlock()
	binding.store = s
	defer func() { binding.store = nil }()
	render()
}

// Found reports whether a path is a page of the app with content for it:
// the explorer, the sources or coverage page, or a known region's profile.
// The server answers anything else with status 404 (and the not-found
// page).
func (s *Store) Found(path string) bool {
	page, region := urlstate.ParsePath(path)
	switch page {
	case urlstate.PageExplorer, urlstate.PageSources, urlstate.PageCoverage:
		return true
	case urlstate.PageDistrict:
		ds, err := s.dataset()
		return err == nil && ds.HasRegion(region)
	}
	return false
}
