package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/spec"
)

// embedSrc matches the address in the embed snippet.
var embedSrc = regexp.MustCompile(`<iframe src="([^"]+)"`)

// embedURLFromSnippet opens the explorer at a state and reads the embed
// address from the snippet a journalist would copy.
func embedURLFromSnippet(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	waitApp(t, ctx)
	waitFor(t, ctx, `/^<iframe src="https?:/.test((document.querySelector("textarea.snippet") || {}).value)`)
	snippet := eval[string](t, ctx, `document.querySelector("textarea.snippet").value`)
	m := embedSrc.FindStringSubmatch(snippet)
	if m == nil {
		t.Fatalf("no iframe address in the snippet %q", snippet)
	}
	for _, want := range []string{`width="100%"`, `loading="lazy"`, `title="`} {
		if !strings.Contains(snippet, want) {
			t.Errorf("the snippet lacks %s: %s", want, snippet)
		}
	}
	return html.UnescapeString(m[1])
}

// TestEmbedMatchesExplorer takes the embed address from the snippet, and
// checks that the embed draws the same series as the explorer, in the same
// language, without loading any WebAssembly.
func TestEmbedMatchesExplorer(t *testing.T) {
	t.Parallel()
	for name, base := range sites() {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			state := base + "/?view=results&metric=gdp_growth&year=2024&lang=zh"
			explorer := readChartAt(t, ctx, state, `o.series.result`)
			src := embedURLFromSnippet(t, ctx, state)
			if !strings.Contains(src, "/embed/zh/gdp_growth-2024-results.html") {
				t.Errorf("embed address %s does not reproduce the view, metric, year and language", src)
			}
			requests := recordRequests(t, ctx)
			embed := readChartAt(t, ctx, src, `o.series.result`)
			for _, id := range []string{"result", "plan", "pledge"} {
				if values(embed.Series[id]) != values(explorer.Series[id]) {
					t.Errorf("series %s: embed %v, explorer %v", id, embed.Series[id], explorer.Series[id])
				}
			}
			if fmt.Sprint(embed.Categories) != fmt.Sprint(explorer.Categories) {
				t.Errorf("categories: embed %v, explorer %v", embed.Categories, explorer.Categories)
			}
			if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "zh" {
				t.Errorf("embed <html lang> = %q", lang)
			}
			for _, u := range requests() {
				if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".wasm") {
					t.Errorf("the embed page requested WebAssembly: %s", u)
				}
			}
			credit := text(t, ctx, ".embed-credit")
			if !strings.Contains(credit, "新快报") || !strings.Contains(credit, "在浏览器中打开完整图表") {
				t.Errorf("credit line = %q, want the sources and a link back", credit)
			}
		})
	}
}

// recordRequests starts recording the tab's requests and returns a func
// that lists the URLs requested so far.
func recordRequests(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var urls []string
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// TestEmbedFlags checks theme=dark, plain=1 and a flag it does not know.
func TestEmbedFlags(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	src := serverURL + "/embed/en/gdp_growth-2024-districts.html"
	readChartAt(t, ctx, src+"?theme=dark&plain=1", `o.series.target`)
	if !eval[bool](t, ctx, `document.documentElement.classList.contains("theme-dark") && document.documentElement.classList.contains("plain")`) {
		t.Error("theme=dark&plain=1 did not set the dark theme and the plain layout")
	}
	if visible := eval[bool](t, ctx, `getComputedStyle(document.querySelector(".embed-credit")).display !== "none"`); visible {
		t.Error("plain=1 still shows the credit line")
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.documentElement).backgroundColor`); bg != "rgb(18, 20, 23)" {
		t.Errorf("dark theme background = %s", bg)
	}
	readChartAt(t, ctx, src+"?theme=purple&zoom=<b>2</b>", `o.series.target`)
	notice := text(t, ctx, ".embed-notice")
	if !strings.Contains(notice, "theme=purple") || !strings.Contains(notice, "zoom") {
		t.Errorf("unknown flags are not named: %q", notice)
	}
	if eval[int](t, ctx, `document.querySelectorAll(".embed-notice b").length`) != 0 {
		t.Error("markup from a flag was rendered")
	}
}

// TestEmbedUnknownAddress checks that a bad embed address still draws a
// chart, with a notice: never a blank frame.
func TestEmbedUnknownAddress(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	d := readChartAt(t, ctx, serverURL+"/embed/en/no-such-chart.html", `o.series.target`)
	expectSeries(t, d, "target", districtsView("gdp_growth", latestYear("gdp_growth"), i18n.EN).target)
	if notice := text(t, ctx, ".embed-notice"); !strings.Contains(notice, "not recognised") {
		t.Errorf("notice = %q", notice)
	}
}

// TestEmbedPostsHeight embeds the chart in a page of another origin, the
// way an article would, with the optional resize script: the page receives
// the height message, in our format and Datawrapper's, and the script sets
// the frame's height, though it runs only after the embed has told it.
func TestEmbedPostsHeight(t *testing.T) {
	t.Parallel()
	src := serverURL + "/embed/en/gdp_growth-2024-districts.html"
	article := `<!doctype html><html lang="en"><head><title>Article</title></head><body>
<p>An article.</p>
<iframe src="` + src + `" title="chart" width="100%" height="200" style="border:0" loading="lazy"></iframe>
<script>
window.messages = [];
window.addEventListener("message", (e) => window.messages.push(e.data));
</script>
</body></html>`
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(article))
	})}
	go srv.Serve(ln)
	defer srv.Close()

	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate("http://"+ln.Addr().String()+"/"))
	waitFor(t, ctx, `window.messages.some(m => m && m.type === "gz-targets:embed-height" && m.height > 500)`)
	height := eval[int](t, ctx, `window.messages.find(m => m && m.type === "gz-targets:embed-height").height`)
	if !eval[bool](t, ctx, `window.messages.some(m => m && m["datawrapper-height"] && Object.values(m["datawrapper-height"])[0] > 500)`) {
		t.Error("no message in Datawrapper's format")
	}
	// The resize script, loaded asynchronously, may run after the embed
	// has told its height, which it tells again only when it changes: the
	// script asks for it.
	eval[any](t, ctx, `document.head.appendChild(Object.assign(document.createElement("script"), {src: "`+serverURL+`/web/embed-resize.js"})) && null`)
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("iframe").style.height === "%dpx"`, height))
}

// svgLink is a chart's SVG download: a link to the file the build drew.
const svgLink = `a.download[data-format="svg"]`

// checkSVGFile parses a downloaded SVG file as an editor does, and checks
// that its text holds each of the words.
func checkSVGFile(t *testing.T, svg []byte, words ...string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var root string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	if root != "svg" {
		t.Errorf("the file's root is %q, not svg", root)
	}
	// A long credit is wrapped, a text element a line, its breaks at
	// spaces: the words are compared without their spaces.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, w := range words {
		if !strings.Contains(squeeze(text.String()), squeeze(w)) {
			t.Errorf("the SVG does not say %q", w)
		}
	}
}

// publishedSpec is the chart the site publishes under a slug, in a
// language.
func publishedSpec(t *testing.T, slug string, lang i18n.Lang) spec.Spec {
	t.Helper()
	for _, sp := range chart.Catalogue(ds) {
		if sp.Slug == slug && sp.Lang == lang {
			return sp
		}
	}
	t.Fatalf("no chart %s in %s", slug, lang)
	return spec.Spec{}
}

// TestDownloads downloads the chart's image, its figures and the whole
// dataset from the explorer, and reads the files: the PNG starts with the
// PNG signature, the SVG (the build's, without patterns; the live chart's
// once the reader puts patterns on) parses as SVG with its title and
// credit line, the CSV parses with a row per region.
func TestDownloads(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?metric=fai_growth&year=2024&lang=en", `o.series.target`)
	waitApp(t, ctx)
	dir := allowDownloads(t, ctx)

	click(t, ctx, `button.download[data-format="png"]`)
	png := waitDownload(t, dir, "fai_growth-2024-districts.png")
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the PNG does not start with the PNG signature: % x", png[:min(8, len(png))])
	}

	click(t, ctx, svgLink)
	svg := waitDownload(t, dir, "fai_growth-2024-districts.svg")
	checkSVGFile(t, svg, districtsTitle("fai_growth", 2024, i18n.EN), "Sources:")
	if bytes.Contains(svg, []byte("<pattern")) {
		t.Error("with patterns off, the SVG has patterns")
	}

	click(t, ctx, `a.download[href$="fai_growth-2024-districts.csv"]`)
	rows := parseCSV(t, waitDownload(t, dir, "fai_growth-2024-districts.csv"))
	fai := districtsView("fai_growth", 2024, i18n.EN)
	if want := 1 + 11 + len(strings.Split(fai.refNames, ", ")); len(rows) != want {
		t.Errorf("%d CSV rows, want a header, one row per district and one per other region with a figure (%d)", len(rows), want)
	}
	if strings.Join(rows[0][:9], ",") != "region,region_name,metric,metric_name,year,period,kind,value,qualifier" {
		t.Errorf("CSV header = %v", rows[0])
	}
	if rows[1][0] != "tianhe" || rows[1][7] != "18" || rows[1][8] != "at_least" || !strings.Contains(rows[1][12], "New Express") {
		t.Errorf("first CSV row = %v", rows[1])
	}

	click(t, ctx, `a.download[href$="/data/targets.csv"]`)
	all := parseCSV(t, waitDownload(t, dir, "guangzhou-targets.csv"))
	if len(all) != 1+len(ds.Records) {
		t.Errorf("dataset CSV: %d rows, want %d", len(all), 1+len(ds.Records))
	}
	expectUnitsInWords(t, all, "100 million yuan", "value_billion_yuan")
	click(t, ctx, `a.download[href$="/data/targets.json"]`)
	if b := waitDownload(t, dir, "guangzhou-targets.json"); !bytes.Contains(b, []byte(`"records"`)) {
		t.Error("the JSON download is not the dataset")
	}

	// When the build's file cannot be had (offline and not cached, which
	// Chromium's offline emulation does not apply to downloads), the live
	// chart draws it.
	failRequests(t, ctx, "*/svg/*")
	unreachable := allowDownloads(t, ctx)
	click(t, ctx, svgLink)
	checkSVGFile(t, waitDownload(t, unreachable, "fai_growth-2024-districts.svg"), districtsTitle("fai_growth", 2024, i18n.EN), "Sources:")

	// With patterns on, the live chart draws the file, with its patterns.
	click(t, ctx, "#control-decal")
	waitFor(t, ctx, `document.getElementById("control-decal").checked`)
	patterned := allowDownloads(t, ctx)
	click(t, ctx, svgLink)
	if svg := waitDownload(t, patterned, "fai_growth-2024-districts.svg"); !bytes.Contains(svg, []byte("<pattern")) {
		t.Error("with patterns on, the SVG has none")
	}
}

// failRequests makes every request of the tab to a URL matching pattern
// fail as if the network were down.
func failRequests(t *testing.T, ctx context.Context, pattern string) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*fetch.EventRequestPaused); ok { // failed from another goroutine, as Listen asks
			go chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonInternetDisconnected})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}}); err != nil {
		t.Fatal(err)
	}
}

// allowDownloads lets the tab save downloads into a new directory, which
// it returns. The tab's browser context exists once the tab has run an
// action.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		DownloadPath:     dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDownloadsInChinese downloads the chart's figures and every figure
// from the Chinese page: Chinese column names, region names and units.
func TestDownloadsInChinese(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?metric=fai_total&year=2024&lang=zh", `o.series.target`)
	waitApp(t, ctx)
	dir := allowDownloads(t, ctx)
	click(t, ctx, `a.download[href$="fai_total-2024-districts.csv"]`)
	rows := parseCSV(t, waitDownload(t, dir, "fai_total-2024-districts.csv"))
	expectUnitsInWords(t, rows, "亿元", "")
	region, _ := ds.Region(rows[1][0])
	if rows[0][1] != "地区" || rows[1][1] != region.Name.ZH {
		t.Errorf("the chart's CSV: header %q, first row %q; want Chinese names", rows[0], rows[1])
	}
	click(t, ctx, `a.download[href$="/data/targets-zh.csv"]`)
	all := parseCSV(t, waitDownload(t, dir, "guangzhou-targets-zh.csv"))
	if len(all) != 1+len(ds.Records) || all[0][0] != "地区代码" {
		t.Errorf("every figure in Chinese: %d rows, header %q; want %d rows under Chinese names", len(all), all[0], 1+len(ds.Records))
	}
	expectUnitsInWords(t, all, "亿元", "")
}

// expectUnitsInWords checks a CSV's unit names: amounts are in wantUnit
// (亿元, or "100 million yuan" in words), and where billions is named, its
// column holds a tenth of the value, as the English charts show amounts.
func expectUnitsInWords(t *testing.T, rows [][]string, wantUnit, billions string) {
	t.Helper()
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	unitName, unit := col["unit_name"], col["unit"]
	if rows[0][0] == "地区代码" {
		unitName, unit = col["单位"], col["单位代码"]
	}
	if unitName == 0 || unit == 0 {
		t.Fatalf("no columns name the unit and the unit in words: %q", rows[0])
	}
	bn, hasBillions := col[billions]
	if (billions != "") != hasBillions {
		t.Errorf("column %q present: %v, want %v", billions, hasBillions, billions != "")
	}
	amounts := 0
	for _, row := range rows[1:] {
		if row[unit] != "cny_100m" {
			continue
		}
		amounts++
		if row[unitName] != wantUnit {
			t.Fatalf("an amount's unit reads %q, want %q: %q", row[unitName], wantUnit, row)
		}
		value, err := strconv.ParseFloat(row[7], 64)
		if hasBillions && err == nil && row[bn] != number(i18n.Display(value, "cny_100m", i18n.EN)) {
			t.Fatalf("%s = %q for a value of %s 亿元", billions, row[bn], row[7])
		}
	}
	if amounts == 0 {
		t.Error("no amounts to check")
	}
}

// click clicks an element as a reader would, with a trusted mouse event.
func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.CSS(sel)))
}

// waitDownload waits for a downloaded file to be complete and reads it.
func waitDownload(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("%s was not downloaded (the directory holds %v)", name, names)
	return nil
}

func parseCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	return rows
}
