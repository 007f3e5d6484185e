package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/urlstate"
)

// coveragePage is /coverage: how complete the record is, as a region × year
// grid of what is known of the key metrics (targets by stage, results) and
// what was searched for and not found.
type coveragePage struct {
	app.Compo
	languagePage
}

// coverageMetrics are the metrics the page grids: growth, the figure every
// district targets, and the size of the economy.
var coverageMetrics = []string{"gdp_growth", "gdp_total"}

func newCoveragePage(s *Store) *coveragePage {
	return &coveragePage{languagePage: languagePage{store: s, page: urlstate.PageCoverage, section: sectionCoverage, heading: "heading.coverage"}}
}

func (p *coveragePage) Render() app.UI {
	return p.frame(func() []app.UI {
		var grids []app.UI
		for _, id := range coverageMetrics {
			if g, ok := p.ds.CoverageOf(id); ok {
				grids = append(grids, newCoverageGrid(p.lang, g))
			}
		}
		return []app.UI{
			app.P().Class("lead").Text(i18n.T(p.lang, "coverage.intro")),
			app.Div().Body(grids...),
		}
	})
}
