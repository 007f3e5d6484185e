package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
)

// actionDecal carries the new pattern setting to the pages.
const actionDecal = "prefs/decal"

// decalToggle switches pattern fills on and off for colour-blind readers,
// and remembers the choice.
type decalToggle struct {
	app.Compo

	Lang i18n.Lang
	On   bool
}

func newDecalToggle(lang i18n.Lang, on bool) *decalToggle { return &decalToggle{Lang: lang, On: on} }

func (d *decalToggle) Render() app.UI {
	box := app.Input().Type("checkbox").ID("control-decal").
		OnChange(d.onChange)
	if d.On {
		box = box.Checked(true) // go-app would render checked="false" as checked
	}
	return app.Div().Class("field field--check").Body(
		box,
		app.Label().For("control-decal").Text(i18n.T(d.Lang, "control.decal")),
	)
}

func (d *decalToggle) onChange(ctx app.Context, e app.Event) {
	on := eventChecked(ctx)
	value := "off"
	if on {
		value = DecalOn
	}
	storePref(DecalPref, value)
	ctx.NewActionWithValue(actionDecal, on)
}
