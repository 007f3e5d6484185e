package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// regionList links to every region's profile: the way on from a missing
// region or page.
type regionList struct {
	app.Compo

	Lang    i18n.Lang
	Regions []model.Region
}

func newRegionList(lang i18n.Lang, regions []model.Region) *regionList {
	return &regionList{Lang: lang, Regions: regions}
}

func (l *regionList) Render() app.UI {
	return app.Nav().Class("region-list").Aria("label", i18n.T(l.Lang, "nav.districts")).Body(
		app.P().Text(i18n.T(l.Lang, "profile.pick")),
		app.Ul().Body(app.Range(l.Regions).Slice(func(i int) app.UI {
			r := l.Regions[i]
			return app.Li().Body(app.A().Href(districtPath(r.ID, l.Lang)).Text(r.Name.In(string(l.Lang))))
		})),
	)
}
