package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// conflictList shows the figures on which sources disagree, with what each
// source says, so that readers can judge for themselves.
type conflictList struct {
	app.Compo

	Lang i18n.Lang
	Data *model.Dataset
}

func newConflictList(lang i18n.Lang, ds *model.Dataset) *conflictList {
	return &conflictList{Lang: lang, Data: ds}
}

func (c *conflictList) Render() app.UI {
	conflicts := c.Data.Conflicts()
	return app.Section().Class("conflicts").Aria("labelledby", "conflicts").Body(
		app.H2().ID("conflicts").Text(i18n.T(c.Lang, "heading.conflicts")),
		app.If(len(conflicts) == 0, func() app.UI { return app.P().Text(i18n.T(c.Lang, "source.noConflicts")) }),
		app.Range(conflicts).Slice(func(i int) app.UI { return c.conflict(conflicts[i]) }),
	)
}

func (c *conflictList) conflict(r model.Record) app.UI {
	region, _ := c.Data.Region(r.Region)
	metric, _ := c.Data.Metric(r.Metric)
	w := words.New(c.Data, c.Lang)
	title := region.Name.In(string(c.Lang)) + " · " + metric.Name.In(string(c.Lang)) + " · " + w.Year(r) + " · " + w.Kind(r)
	return app.Article().Class("conflict-entry").DataSet("record", r.ID).Body(
		app.H3().Text(title),
		app.P().Body(valueText(w, r)),
		newCitationList(words.New(c.Data, c.Lang), r),
	)
}
