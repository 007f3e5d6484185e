package ui

import (
	"regexp"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// TestEmbedPanelPreRendersClosed checks the pre-rendered embed panel: a
// <details> with any open attribute, even open="false", is open in the
// browser, and the reader's first click on Embed would close it.
func TestEmbedPanelPreRendersClosed(t *testing.T) {
	c := newChartTools(spec.Spec{Slug: "gdp_growth-2024-districts", Lang: i18n.EN, Title: "GDP growth", Sources: []string{"s1"}})
	mount(t, c)
	html := app.HTMLString(c)
	details := regexp.MustCompile(`<details[^>]*>`).FindString(html)
	if details == "" {
		t.Fatalf("no embed panel in %s", html)
	}
	if regexp.MustCompile(`\sopen[\s=>]`).MatchString(details) {
		t.Errorf("the embed panel is pre-rendered open: %s", details)
	}
}
