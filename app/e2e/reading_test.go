package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gztargets/app/urlstate"
)

// slowCPU is how much slower than this machine the reading test's browser
// runs: a cheap phone. It makes the browser paint a long page in parts
// while it still reads it, as a reader on a slow phone sees it.
const slowCPU = 20

// TestNoShiftWhileReading loads the long pages on a slow CPU, on a desktop
// and a phone, in both languages, with no input at all: nothing the
// browser has painted moves when it reads the rest of the page. A table's
// later rows would widen its columns under the rows already painted, a
// link read late in the header would push the others aside, a control
// read late would wrap the row of controls.
func TestNoShiftWhileReading(t *testing.T) {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	mapPath := fmt.Sprintf("/?view=map&metric=%s&year=%d&lang=", metric, years[len(years)-1])
	for _, c := range []struct {
		name, path string
		phone      bool
	}{
		{"results en", "/?lang=en", false},
		{"results zh phone", "/?lang=zh", true},
		{"table zh", "/?view=table&lang=zh", false},
		{"table en phone", "/?view=table&lang=en", true},
		{"map zh", mapPath + "zh", false},
		{"map en phone", mapPath + "en", true},
		{"district en", "/district/tianhe?lang=en", false},
		{"district zh phone", "/district/tianhe?lang=zh", true},
		{"sources zh", "/sources?lang=zh", false},
		{"coverage en phone", "/coverage?lang=en", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx := newTabWithin(t, 3*time.Minute)
			atWidth(t, ctx, c.phone)
			if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: slowCPU}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchShifts}); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.Navigate(serverURL+c.path))
			waitFor(t, ctx, `document.readyState === "complete"`)
			for _, s := range layoutShifts(t, ctx, true) {
				t.Errorf("the layout shifted by %v while the page was read (%v)", s.Value, s.Sources)
			}
		})
	}
}
