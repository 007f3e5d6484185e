package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/words"
)

// TestYearNotCovered opens a year the data has no figures for, before and
// after the app starts, in both languages: the notice says which years
// the data covers and which year is shown, not that the address is wrong.
func TestYearNotCovered(t *testing.T) {
	t.Parallel()
	latest := latestYear("gdp_growth")
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			want := words.New(ds, lang).YearNotCovered("2031", latest)
			ctx := newTab(t)
			do(t, ctx, chromedp.Navigate(serverURL+"/?view=districts&metric=gdp_growth&year=2031&lang="+string(lang)))
			waitFor(t, ctx, `document.readyState === "complete"`)
			if got := text(t, ctx, ".notice"); got != want {
				t.Errorf("before the app: notice %q, want %q", got, want)
			}
			waitApp(t, ctx)
			if got := text(t, ctx, ".notice"); got != want {
				t.Errorf("in the app: notice %q, want %q", got, want)
			}
			if !strings.Contains(want, "2031") || !strings.Contains(want, words.New(ds, lang).YearsCovered()) {
				t.Errorf("the notice %q names neither the year asked for nor the years covered", want)
			}
		})
	}
}
