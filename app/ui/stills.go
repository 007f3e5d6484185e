package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/spec"
)

// SetStills gives a server's store the markup of each chart's still (its
// SVG drawn at build time), which the pre-rendered pages carry in the
// chart's box, so that the chart is in the first paint and readable
// without JavaScript. The browser's store has none: the app draws the live
// chart.
func (s *Store) SetStills(markup func(spec.Spec) string) { s.stills = markup }

// still is the markup of a chart's still, or "".
func (s *Store) still(sp spec.Spec) string {
	if s == nil || s.stills == nil {
		return ""
	}
	return s.stills(sp)
}

// stillUI is a chart's still in its box: nothing without one.
func stillUI(markup string) []app.UI {
	if markup == "" {
		return nil
	}
	return []app.UI{app.Raw(markup)}
}
