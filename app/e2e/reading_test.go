package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
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
	for _, c := range readingPages() {
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

// readingPage is a long page the reading tests load, at a phone's width or
// a desktop's.
type readingPage struct {
	name, path string
	phone      bool
}

// readingPages are the long pages of every kind, in both languages.
func readingPages() []readingPage {
	metric := urlstate.DefaultMetric
	years := ds.Years(metric)
	mapPath := fmt.Sprintf("/?view=map&metric=%s&year=%d&lang=", metric, years[len(years)-1])
	return []readingPage{
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
	}
}

// cuts is how many places TestNoShiftAtAnyCut cuts each page at.
const cuts = 40

// boxes lists where every element of the body that a reader sees starts,
// in document order: the same element has the same index in a page cut
// short, since the browser makes elements in the order it reads them.
const boxes = `[...document.body.querySelectorAll("*")].map(e => {
	const r = e.getBoundingClientRect();
	const seen = r.width > 0 && r.height > 0 && e.checkVisibility({visibilityProperty: true});
	return seen ? [Math.round(r.left + scrollX), Math.round(r.top + scrollY)] : null;
})`

// TestNoShiftAtAnyCut is TestNoShiftWhileReading without the luck of when
// the browser paints: it cuts each long page short at many places between
// two tags, as a slow phone may paint it before it has read the rest, and
// lays the part out alone (JavaScript off). Every element that shows in
// the part is where it is in the whole page.
func TestNoShiftAtAnyCut(t *testing.T) {
	for _, c := range readingPages() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			html := getPage(t, serverURL+c.path)
			ctx := withoutScript(t, serverURL+c.path, c.phone)
			whole := eval[[][]int](t, ctx, boxes)
			for _, at := range cutPoints(html, cuts) {
				setDocument(t, ctx, html[:at])
				part := eval[[][]int](t, ctx, boxes)
				if i := movedBox(part, whole); i >= 0 {
					what := eval[string](t, ctx, fmt.Sprintf(`(e => e.tagName + "." + e.className + "#" + e.id)(document.body.querySelectorAll("*")[%d])`, i))
					t.Errorf("cut at byte %d of %d, %s starts at %v; in the whole page at %v", at, len(html), what, part[i], whole[i])
				}
			}
		})
	}
}

// cutPoints are n places in the body of a page, spread evenly, each at the
// start of a tag.
func cutPoints(html string, n int) []int {
	body := strings.Index(html, "<body")
	var at []int
	for k := 1; k <= n; k++ {
		from := body + (len(html)-body)*k/(n+1)
		if i := strings.Index(html[from:], "<"); i >= 0 && (len(at) == 0 || from+i > at[len(at)-1]) {
			at = append(at, from+i)
		}
	}
	return at
}

// movedBox is the index of the first element that shows in both layouts
// but starts elsewhere, or -1.
func movedBox(part, whole [][]int) int {
	for i := range min(len(part), len(whole)) {
		if part[i] != nil && whole[i] != nil && (part[i][0] != whole[i][0] || part[i][1] != whole[i][1]) {
			return i
		}
	}
	return -1
}

// setDocument replaces the tab's document with markup, parsed to its end.
func setDocument(t *testing.T, ctx context.Context, markup string) {
	t.Helper()
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err == nil {
		_, err = chromedp.Call(ctx, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: markup})
	}
	if err != nil {
		t.Fatal(err)
	}
}

// getPage is a page's markup as the server sends it.
func getPage(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return string(b)
}
