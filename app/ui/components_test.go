package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
	"gztargets/app/words"
	"gztargets/data"
)

// mount loads a component into go-app's test engine and runs its
// dispatches, as the browser would before painting.
func mount(t *testing.T, c app.Composer) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

func match(t *testing.T, expected, root app.UI, path ...int) {
	t.Helper()
	if err := app.Match(expected, root, path...); err != nil {
		t.Errorf("at %v: %v", path, err)
	}
}

func noop(app.Context, app.Event) {}

func testDataset(t *testing.T) *model.Dataset {
	t.Helper()
	ds, err := model.Decode(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestNoticeList(t *testing.T) {
	n := newNoticeList(i18n.EN, []string{"first", "<b>second</b>"})
	mount(t, n)
	match(t, app.Div().Class("notices").Role("status"), n, 0)
	match(t, app.Text("first"), n, 0, 0, 0, 0)
	match(t, app.Text("<b>second</b>"), n, 0, 0, 1, 0)

	empty := newNoticeList(i18n.EN, nil)
	mount(t, empty)
	if err := app.Match(app.Ul(), empty, 0, 0); err == nil {
		t.Error("an empty notice list renders a list")
	}
}

func TestNoticeMessages(t *testing.T) {
	got := noticeMessages(i18n.EN, []urlstate.Notice{
		{Param: "metric", Value: "gpd", Problem: urlstate.UnknownValue},
		{Param: "utm", Value: "x", Problem: urlstate.UnknownParam},
	})
	want := []string{
		"The metric “gpd” is not recognised; showing the default instead.",
		"The unknown parameter “utm” was ignored.",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("notice %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestExplorerNotices checks that a year the data has no figures for is
// answered with what the data covers, and any other bad year as before.
func TestExplorerNotices(t *testing.T) {
	ds := testDataset(t)
	got := explorerNotices(words.New(ds, i18n.EN), []urlstate.Notice{
		{Param: "year", Value: "2030", Problem: urlstate.UnknownValue},
		{Param: "year", Value: "soon", Problem: urlstate.UnknownValue},
	}, 2024)
	want := []string{
		words.New(ds, i18n.EN).YearNotCovered("2030", 2024),
		"The year “soon” is not recognised; showing the default instead.",
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("notices = %q, want %q", got, want)
	}
	if !strings.Contains(got[0], "none for 2030; showing 2024 instead") {
		t.Errorf("the notice does not say what is shown instead: %q", got[0])
	}
}

// TestSiteHeaderLanguageSwitch checks that the current language is text
// and the other a link to the same page in it.
func TestSiteHeaderLanguageSwitch(t *testing.T) {
	h := newSiteHeader(i18n.ZH, sectionSources, map[i18n.Lang]string{i18n.ZH: "/sources?lang=zh", i18n.EN: "/sources?lang=en"})
	mount(t, h)
	match(t, app.A().Class("skip-link").Href("#main"), h, 0, 0)
	match(t, app.Strong().Class("lang-current").Lang("zh"), h, 0, 3, 0)
	// The link names the preference web/chart.js stores when it is followed.
	match(t, app.A().Href("/sources?lang=en").Lang("en").DataSet("pref-key", "gz-targets:lang").DataSet("pref-value", "en"), h, 0, 3, 1)
	match(t, app.A().Href("/sources?lang=zh").Aria("current", "page"), h, 0, 2, 1)
}

func TestDecalToggle(t *testing.T) {
	for _, on := range []bool{false, true} {
		d := newDecalToggle(i18n.EN, on)
		mount(t, d)
		box := app.Input().Type("checkbox").ID("control-decal").OnChange(noop)
		if on {
			box = box.Checked(true)
		}
		match(t, box, d, 0, 0)
	}
}

func TestUpdateNoticeIsEmptyUntilAnUpdate(t *testing.T) {
	u := newUpdateNotice(i18n.EN)
	mount(t, u)
	match(t, app.Div().Class("update-notice").Role("status"), u, 0)
	if err := app.Match(app.Button(), u, 0, 1); err == nil {
		t.Error("the update notice shows before any update")
	}
}

func TestChartPlaceholderListsEveryDistrict(t *testing.T) {
	ds := testDataset(t)
	p := newChartPlaceholder(i18n.EN, specMissing, urlstate.State{View: urlstate.ViewDistricts, Metric: "trade_total", Year: 2019, Lang: i18n.EN}, ds)
	mount(t, p)
	match(t, app.Text("Not found in our sources: Yuexiu, Haizhu, Liwan, Tianhe, Baiyun, Huangpu, Panyu, Huadu, Nansha, Conghua, Zengcheng"), p, 0, 0, 0)
	match(t, app.Text("Our sources have no Foreign trade figure for 2019."), p, 0, 1, 0, 0)
	if strings.Contains(app.HTMLString(p), "<a") {
		t.Error("with no figure at all, the placeholder links to the figures")
	}
}

// TestChartPlaceholderSaysWhatTheViewLacks opens views without a chart for
// a metric and year that some regions have figures for: the placeholder
// says what the view needs, never lists a district with a figure as
// without one, and links to the districts view, which shows the figures.
func TestChartPlaceholderSaysWhatTheViewLacks(t *testing.T) {
	ds := testDataset(t)
	tests := []struct {
		state urlstate.State
		says  string
	}{
		{urlstate.State{View: urlstate.ViewResults, Metric: "gdp_growth", Year: 2026, Lang: i18n.EN},
			"No region has both a GDP growth target and a result for 2026 in our sources: there is nothing to judge yet."},
		{urlstate.State{View: urlstate.ViewCascade, Metric: "gdp_total", Year: 2024, Lang: i18n.EN},
			"Targets are compared level by level for growth rates only."},
	}
	for _, tt := range tests {
		t.Run(tt.state.URL(), func(t *testing.T) {
			html := app.HTMLString(newChartPlaceholder(i18n.EN, specMissing, tt.state, ds))
			if !strings.Contains(html, tt.says) {
				t.Errorf("the placeholder does not say %q:\n%s", tt.says, html)
			}
			to := tt.state
			to.View = urlstate.ViewDistricts
			if !strings.Contains(html, `href="`+to.URL()+`"`) {
				t.Errorf("the placeholder does not link to %s:\n%s", to.URL(), html)
			}
			for _, e := range ds.Compare(tt.state.Metric, tt.state.Year) {
				if e.Record != nil && e.Region.Group == model.GroupDistrict && strings.Contains(html, e.Region.Name.EN) {
					t.Errorf("the placeholder names %s, which has a figure:\n%s", e.Region.Name.EN, html)
				}
			}
		})
	}
}

// TestViewControlsSelectTheState checks that the form shows the state:
// the selected options, and the year of the URL even without figures.
func TestViewControlsSelectTheState(t *testing.T) {
	ds := testDataset(t)
	c := newViewControls(urlstate.State{View: urlstate.ViewDistricts, Metric: "trade_total", Year: 2019, Lang: i18n.EN}, ds, NewStore(ds, nil))
	mount(t, c)
	match(t, app.Input().Type("hidden").Name("lang").Value("en"), c, 0, 0)
	match(t, app.Option().Value("results"), c, 0, 1, 1, 0)
	match(t, app.Option().Value("districts").Selected(true), c, 0, 1, 1, 1)
	// Years, newest first: trade_total has figures for 2024 and 2023, and
	// the state's 2019 is listed too, selected.
	match(t, app.Option().Value("2024"), c, 0, 3, 1, 0)
	match(t, app.Option().Value("2023"), c, 0, 3, 1, 1)
	match(t, app.Option().Value("2019").Selected(true), c, 0, 3, 1, 2)
}

// TestFigureTable checks a table row with a figure, a row without one, a
// sortable header's order and link, and the roles and column labels that
// keep the table readable when a phone lays its rows out as cards.
func TestFigureTable(t *testing.T) {
	ds := testDataset(t)
	rec, _ := ds.Record("tianhe-2024-fai_growth-target-year-pledge")
	tianhe, _ := ds.Region("tianhe")
	panyu, _ := ds.Region("panyu")
	state := urlstate.State{View: urlstate.ViewTable, Lang: i18n.EN, Sort: "-value"}
	ft := &figureTable{
		Lang: i18n.EN, Data: ds, Columns: []column{colRegion, colValue},
		Rows:     []figureRow{{Region: tianhe, Record: rec}, {Region: panyu, Missing: "searched for, not found"}},
		Sortable: &state,
	}
	mount(t, ft)
	table := []int{0, 0} // the component, its wrapper, the table
	head := append(append([]int{}, table...), 1, 0)
	match(t, app.Th().Scope("col").Role("columnheader").Aria("sort", "descending"), ft, append(head, 1)...)
	match(t, app.A().Href("/?lang=en&sort=value&view=table").Title("Sort by Value"), ft, append(head, 1, 0)...)
	body := append(append([]int{}, table...), 2)
	match(t, app.Tr().Role("row").DataSet("record", "tianhe-2024-fai_growth-target-year-pledge"), ft, append(body, 0)...)
	match(t, app.Td().Role("cell").DataSet("label", "Value").Class("value"), ft, append(body, 0, 1)...)
	match(t, app.Text("at least 18%"), ft, append(body, 0, 1, 0, 0)...)
	match(t, app.Tr().Role("row"), ft, append(body, 1)...)
	match(t, app.Text("searched for, not found"), ft, append(body, 1, 1, 0)...)
}

// TestNotesLinkTheSourcesTheyName renders a reading note that names a
// source by its file name: the reader sees the source's credit, linked to
// it on the sources page, and no file name; other words stay as they are.
func TestNotesLinkTheSourcesTheyName(t *testing.T) {
	ds := testDataset(t)
	w := words.New(ds, i18n.EN)
	id := ds.Sources[0].ID
	html := app.HTMLString(app.P().Body(noteUI(w, "Agrees with e.g. ("+id+"). Not web_nowhere_2099.")...))
	link := `href="` + sourcesPath(i18n.EN) + "#" + sourceAnchor(id) + `"`
	if !strings.Contains(html, link) || !strings.Contains(html, w.SourceCredit(id)) || strings.Contains(html, "("+id) {
		t.Errorf("the note does not link %s under its credit %q: %s", id, w.SourceCredit(id), html)
	}
	if !strings.Contains(html, "Agrees with e.g. (") || !strings.Contains(html, "). Not web_nowhere_2099.") {
		t.Errorf("the note's other words changed: %s", html)
	}
}
