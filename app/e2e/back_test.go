package e2e

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSelectsFollowBack changes the metric, or the view, with the
// keyboard, goes Back and Forward, and checks that every select shows the
// state of the page it lands on, and that the reader's next change starts
// from that state: in both languages and on a phone, before the app runs
// (when a change submits the form, and Back loads the page again) and
// with the app (which changes the page in place).
func TestSelectsFollowBack(t *testing.T) {
	t.Parallel()
	for _, screen := range []struct {
		name, lang string
		phone      bool
	}{{"en", "en", false}, {"zh", "zh", false}, {"phone", "en", true}} {
		for _, withApp := range []bool{false, true} {
			for _, change := range [][2]string{{"metric", "year"}, {"view", "metric"}} {
				name := fmt.Sprintf("%s/%s/app=%v", screen.name, change[0], withApp)
				t.Run(name, func(t *testing.T) {
					// A tab of its own for each change: before the app runs,
					// the app's download is then still under way when the
					// form is submitted, so the browser keeps the page out of
					// its back/forward cache and loads it again on Back.
					ctx := newTab(t)
					atWidth(t, ctx, screen.phone)
					do(t, ctx, chromedp.Navigate(serverURL+"/?view=results&lang="+screen.lang))
					if withApp {
						waitApp(t, ctx)
						// With the language's charts at hand, a change draws
						// the chart first and moves the page a moment later.
						waitFor(t, ctx, fmt.Sprintf(`performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname.endsWith("/spec/%s.json"))`, screen.lang))
					}
					checkBackAndForward(t, ctx, change[0], change[1])
				})
			}
		}
	}
}

// pageView is what the reader sees of a state: its address, what the page
// shows (its heading and which chart) and the value each select shows.
type pageView struct {
	URL, Shows string
	Selects    map[string]string
}

// checkBackAndForward changes the select of param, goes Back, Forward and
// Back again, checking the selects each time, then changes the select of
// next: the new address keeps the value param had before its change.
func checkBackAndForward(t *testing.T, ctx context.Context, param, next string) {
	t.Helper()
	before := readPage(t, ctx)
	pressDown(t, ctx, param)
	waitAcross(t, ctx, fmt.Sprintf(`location.href !== %q && (%s) !== %q`, before.URL, shows, before.Shows))
	after := readPage(t, ctx)
	expectSelects(t, ctx, after, "a change of "+param)
	goTo(t, ctx, -1)
	expectSelects(t, ctx, before, "Back")
	goTo(t, ctx, 1)
	expectSelects(t, ctx, after, "Forward")
	goTo(t, ctx, -1)
	expectSelects(t, ctx, before, "Back again")
	pressDown(t, ctx, next)
	waitAcross(t, ctx, fmt.Sprintf(`location.href !== %q`, before.URL))
	if got := eval[string](t, ctx, fmt.Sprintf(`new URL(location.href).searchParams.get(%q)`, param)); got != before.Selects[param] {
		t.Errorf("after Back, a change of %s went to %s=%s (%s), want %s=%s",
			next, param, got, location(t, ctx), param, before.Selects[param])
	}
}

// pressDown picks the next option of the select of param with the
// keyboard, as a reader does.
func pressDown(t *testing.T, ctx context.Context, param string) {
	t.Helper()
	// Focused by script: chromedp.Focus looks the node up in its copy of
	// the DOM, which a page restored by Back does not always refresh.
	eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector("#control-%s").focus(), true)`, param))
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
}

// goTo moves by step in the tab's history, as the browser's Back and
// Forward buttons do. Unlike chromedp.NavigateBack it does not wait for a
// load, which a page restored from the back/forward cache never fires.
func goTo(t *testing.T, ctx context.Context, step int64) {
	t.Helper()
	h, err := chromedp.Call(ctx, page.GetNavigationHistory, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	i := h.CurrentIndex + step
	if i < 0 || i >= int64(len(h.Entries)) {
		t.Fatalf("no history entry %d of %d", i, len(h.Entries))
	}
	if _, err := chromedp.Call(ctx, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: h.Entries[i].ID}); err != nil {
		t.Fatal(err)
	}
}

// expectSelects waits until the page at want's address shows what want
// showed, then checks that the selects show want's values (allowing the page a
// moment to render them) and, where the address names one, its value.
func expectSelects(t *testing.T, ctx context.Context, want pageView, after string) {
	t.Helper()
	waitAcross(t, ctx, fmt.Sprintf(`location.href === %q && (%s) === %q`, want.URL, shows, want.Shows))
	got := readPage(t, ctx)
	for end := time.Now().Add(2 * time.Second); !maps.Equal(got.Selects, want.Selects) && time.Now().Before(end); {
		time.Sleep(100 * time.Millisecond)
		got = readPage(t, ctx)
	}
	if !maps.Equal(got.Selects, want.Selects) {
		t.Errorf("after %s, at %s the selects show %v, want %v", after, want.URL, got.Selects, want.Selects)
	}
	params := eval[map[string]string](t, ctx, `Object.fromEntries(new URL(location.href).searchParams)`)
	for name, v := range params {
		if s, ok := got.Selects[name]; ok && s != v {
			t.Errorf("after %s, at %s the %s select shows %s", after, want.URL, name, s)
		}
	}
}

// readPage reads the address, what the page shows and the selects.
func readPage(t *testing.T, ctx context.Context) pageView {
	t.Helper()
	return eval[pageView](t, ctx, `(() => {
		const selects = {};
		for (const s of document.querySelectorAll(".controls select")) selects[s.name] = s.value;
		return {url: location.href, shows: `+shows+`, selects};
	})()`)
}

// shows is what the page shows, as text: its heading and the chart's name
// (the heading alone does not tell every view apart).
const shows = `document.querySelector("h1").innerText + " " + [...document.querySelectorAll("main [id^=chart-]")].map((e) => e.id).join(" ")`

// waitAcross waits until a JavaScript condition holds in the page, across
// a change of document, which ends a waitFor.
func waitAcross(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	var err error
	for end := time.Now().Add(45 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		try, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, e := chromedp.Run(try, chromedp.Evaluate[bool](cond))
		cancel()
		if ok && e == nil {
			return
		}
		err = e
	}
	t.Fatalf("waiting for %s: %v; the page shows %+v", cond, err, readPage(t, ctx))
}
