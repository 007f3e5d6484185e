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

// TestSVGDownloadIsALink checks that the SVG download is a plain link to
// the chart's file, named after the chart, which a reader can follow
// before the app runs or without JavaScript; PNG stays the live chart's.
func TestSVGDownloadIsALink(t *testing.T) {
	s := spec.Spec{Slug: "gdp_growth-2024-districts", Lang: i18n.ZH, Title: "GDP", Sources: []string{"s1"}}
	c := newChartTools(s)
	mount(t, c)
	html := app.HTMLString(c)
	link := regexp.MustCompile(`<a [^>]*data-format="svg"[^>]*>`).FindString(html)
	for _, want := range []string{`href="/svg/zh/gdp_growth-2024-districts.svg"`, `download="gdp_growth-2024-districts.svg"`} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(link) {
			t.Errorf("the SVG link %q lacks %s", link, want)
		}
	}
	if !regexp.MustCompile(`<button [^>]*data-format="png"`).MatchString(html) {
		t.Errorf("no PNG button in %s", html)
	}
}
