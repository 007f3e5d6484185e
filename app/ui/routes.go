// Package ui is the explorer's user interface: go-app components, one per
// file, that render the same on the server (pre-rendered HTML) and in the
// browser (WebAssembly). Pages compose components; data comes from the
// model and chart packages; all JavaScript calls live in interop.go.
package ui

import (
	"regexp"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Route patterns. Paths may end in a slash, as static file servers add one
// when they serve a directory's index.html.
var (
	districtRoute = regexp.MustCompile(`^/district/[^/]+/?$`)
	sourcesRoute  = regexp.MustCompile(`^/sources/?$`)
	coverageRoute = regexp.MustCompile(`^/coverage/?$`)
)

var registerOnce sync.Once

// Register declares the app's routes, once per process. Any other path gets
// the not-found page, which says so and links onwards.
func Register() {
	registerOnce.Do(func() {
		app.Route("/", newExplorerPage)
		app.RouteWithRegexp(districtRoute.String(), newDistrictPage)
		app.RouteWithRegexp(sourcesRoute.String(), newSourcesPage)
		app.RouteWithRegexp(coverageRoute.String(), newCoveragePage)
		app.RouteWithRegexp(`^/`, newNotFoundPage)
		markAppRunning()
	})
}

// Found reports whether a path is a page of the app, with content for it:
// the explorer, the sources or coverage page, or a known region's profile. The server
// answers anything else with status 404 (and the not-found page).
func Found(path string) bool {
	switch {
	case path == "/", sourcesRoute.MatchString(path), coverageRoute.MatchString(path):
		return true
	case districtRoute.MatchString(path):
		ds, err := loadDataset()
		return err == nil && ds.HasRegion(regionFromPath(path))
	}
	return false
}
