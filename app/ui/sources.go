package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/urlstate"
)

// sourcesPage is /sources: every source article with its metadata and the
// figures taken from it, then the figures on which sources disagree.
type sourcesPage struct {
	app.Compo
	languagePage
}

func newSourcesPage(s *Store) *sourcesPage {
	return &sourcesPage{languagePage: languagePage{store: s, page: urlstate.PageSources, section: sectionSources, heading: "heading.sources"}}
}

func (p *sourcesPage) Render() app.UI {
	return p.frame(func() []app.UI {
		return []app.UI{
			app.Range(p.ds.Sources).Slice(func(i int) app.UI { return newSourceEntry(p.lang, p.ds.Sources[i], p.ds) }),
			newConflictList(p.lang, p.ds),
		}
	})
}
