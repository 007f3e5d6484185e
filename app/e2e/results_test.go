package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// regionMarks are one region's marks in the drawn results or cascade
// chart, read from ECharts by the region's id: the value of each series
// that draws the region, and the result bar's label.
type regionMarks struct {
	Values map[string]float64 `json:"values"`
	Label  string             `json:"label"`
}

const readMarksJS = `(() => {
  const inst = echarts.getInstanceByDom(document.querySelector(".chart"));
  const out = {values: {}, label: ""};
  for (const s of inst.getOption().series) {
    for (const d of s.data) {
      if (!d || typeof d !== "object" || Array.isArray(d) || d.regionId !== %q) continue;
      out.values[s.id] = Array.isArray(d.value) ? d.value[0] : d.value;
      if (s.id === "result" && d.label) out.label = d.label.formatter;
    }
  }
  return out;
})()`

func readMarks(t *testing.T, ctx context.Context, region string) regionMarks {
	t.Helper()
	return eval[regionMarks](t, ctx, fmt.Sprintf(readMarksJS, region))
}

// baiyun2024 is Baiyun's 2024 GDP growth as the dataset judges it.
func baiyun2024(t *testing.T) model.RegionVerdicts {
	t.Helper()
	for _, rv := range ds.Verdicts("gdp_growth", 2024) {
		if rv.Region.ID == "baiyun" {
			return rv
		}
	}
	t.Fatal("the dataset has no 2024 GDP growth figures for Baiyun")
	return model.RegionVerdicts{}
}

// TestResultsView opens targets against results in both languages: the
// chart draws Baiyun's plan, pledge and result with the dataset's values,
// the label and the visible table give the verdict, and the headline
// counts the districts as the words package says it.
func TestResultsView(t *testing.T) {
	t.Parallel()
	rv := baiyun2024(t)
	if rv.Result == nil || len(rv.Verdicts) == 0 {
		t.Fatal("Baiyun's 2024 GDP growth needs a target and a result for this test")
	}
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			w := words.New(ds, lang)
			ctx := newTab(t)
			readChartAt(t, ctx, serverURL+"/?view=results&metric=gdp_growth&year=2024&lang="+string(lang), `o.series.result`)
			marks := readMarks(t, ctx, "baiyun")
			if got := marks.Values["result"]; got != rv.Result.Value {
				t.Errorf("Baiyun's result bar = %v, want %v", got, rv.Result.Value)
			}
			for _, v := range rv.Verdicts {
				if got := marks.Values[v.Target.Stage]; got != v.Target.Value {
					t.Errorf("Baiyun's %s mark = %v, want %v", v.Target.Stage, got, v.Target.Value)
				}
			}
			primary, _ := rv.Primary()
			if !strings.Contains(marks.Label, w.Outcome(primary)) {
				t.Errorf("Baiyun's label %q lacks the verdict %q", marks.Label, w.Outcome(primary))
			}
			want := w.Headline(mustMetric(t, "gdp_growth"), 2024, ds.Verdicts("gdp_growth", 2024))
			if got := text(t, ctx, ".chart-headline"); got != want {
				t.Errorf("headline %q, want %q", got, want)
			}
			if !strings.Contains(text(t, ctx, ".chart-rule"), w.Rule()[:12]) {
				t.Error("the rule is not shown next to the verdicts")
			}
			table := text(t, ctx, ".verdict-table")
			for _, v := range rv.Verdicts {
				if !strings.Contains(table, w.Outcome(v)) || !strings.Contains(table, w.Kind(v.Target)) {
					t.Errorf("the visible table lacks Baiyun's %s verdict %q", v.Target.Stage, w.Outcome(v))
				}
			}
		})
	}
}

func mustMetric(t *testing.T, id string) model.Metric {
	t.Helper()
	m, ok := ds.Metric(id)
	if !ok {
		t.Fatalf("no metric %s", id)
	}
	return m
}

// TestResultsBackAndForward moves from the results view to the cascade and
// the years view with the view control; Back and Forward restore each.
func TestResultsBackAndForward(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	readChartAt(t, ctx, serverURL+"/?view=results&metric=gdp_growth&year=2024&lang=en", `o.series.result`)
	choose(t, ctx, "#control-view", "cascade")
	readChart(t, ctx, ".chart", `o.series.districts`)
	waitFor(t, ctx, `document.querySelector("h1").innerText === "GDP growth targets, 2024: from the nation down to the districts"`)
	choose(t, ctx, "#control-view", "years")
	readChart(t, ctx, ".chart", `o.series["target-0"]`)
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.search.includes("view=cascade") && document.querySelector("h1").innerText.includes("from the nation down")`)
	readChart(t, ctx, ".chart", `o.series.districts`)
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.search.includes("view=results") && document.querySelector("h1").innerText === "GDP growth by district, 2024: targets against results"`)
	readChart(t, ctx, ".chart", `o.series.result`)
	do(t, ctx, chromedp.NavigateForward())
	waitFor(t, ctx, `location.search.includes("view=cascade")`)
}

// TestCascadeView checks the cascade: the nation, the province and the
// city first, then the districts, each bar the region's primary target,
// and the city's target as a line across the districts.
func TestCascadeView(t *testing.T) {
	t.Parallel()
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			ctx := newTab(t)
			d := readChartAt(t, ctx, serverURL+"/?view=cascade&metric=gdp_growth&year=2024&lang="+string(lang), `o.series.districts`)
			var wantNames []string
			for _, id := range []string{"china", "guangdong", "guangzhou"} {
				for _, rv := range ds.Verdicts("gdp_growth", 2024) {
					if rv.Region.ID == id && len(rv.Verdicts) > 0 {
						wantNames = append(wantNames, rv.Region.Name.In(string(lang)))
					}
				}
			}
			if got := strings.Join(d.Categories[0][:len(wantNames)], ", "); got != strings.Join(wantNames, ", ") {
				t.Errorf("the chart starts with %s, want %s", got, strings.Join(wantNames, ", "))
			}
			rv := baiyun2024(t)
			primary, _ := rv.Primary()
			if got := readMarks(t, ctx, "baiyun").Values["districts"]; got != primary.Target.Value {
				t.Errorf("Baiyun's bar = %v, want its %s target %v", got, primary.Target.Stage, primary.Target.Value)
			}
			if !eval[bool](t, ctx, `!!echarts.getInstanceByDom(document.querySelector(".chart")).getOption().series.find(s => s.id === "districts").markLine`) {
				t.Error("no line marks the city's target")
			}
		})
	}
}

// TestYearsEveryYear checks the years view: one small chart per region,
// Baiyun's targets and results across every year of the data.
func TestYearsEveryYear(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	d := readChartAt(t, ctx, serverURL+"/?view=years&metric=gdp_growth&lang=en", `o.series["target-0"]`)
	years := ds.Years("gdp_growth")
	if got := strings.Join(d.Categories[0], " "); got != strings.Trim(fmt.Sprint(years), "[]") {
		t.Errorf("years drawn %s, want %v", got, years)
	}
	names := eval[[]string](t, ctx, `echarts.getInstanceByDom(document.querySelector(".chart")).getOption().yAxis.map(a => a.name)`)
	at := -1
	for i, n := range names {
		if n == "Baiyun" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no small chart for Baiyun among %v", names)
	}
	var targets, results []string
	for _, y := range years {
		target, result := "-", "-"
		for _, rv := range ds.Verdicts("gdp_growth", y) {
			if rv.Region.ID != "baiyun" {
				continue
			}
			if v, ok := rv.Primary(); ok {
				target = number(v.Target.Value)
			}
			if rv.Result != nil {
				result = number(rv.Result.Value)
			} else if rv.Estimate != nil {
				result = number(rv.Estimate.Value)
			}
		}
		targets, results = append(targets, target), append(results, result)
	}
	expectSeries(t, d, fmt.Sprintf("target-%d", at), strings.Join(targets, " "))
	expectSeries(t, d, fmt.Sprintf("actual-%d", at), strings.Join(results, " "))
	// The years view of old links (2023 vs 2024) opens this view.
	readChartAt(t, ctx, serverURL+"/embed/en/gdp_growth-2023-2024-years.html", `o.series["target-0"]`)
}

// TestResultsOnPhoneAndEmbed opens the results view on a phone: the chart
// draws and the verdict table is visible; its embed draws the same result
// bars with the headline, and its CSV has the verdicts.
func TestResultsOnPhoneAndEmbed(t *testing.T) {
	t.Parallel()
	ctx := onPhone(t, serverURL+"/?view=results&metric=gdp_growth&year=2024&lang=zh")
	explorer := readChart(t, ctx, ".chart", `o.series.result`)
	if !eval[bool](t, ctx, `document.querySelector(".verdict-table").getBoundingClientRect().height > 0`) {
		t.Error("the verdict table is not visible on a phone")
	}
	embed := newTab(t)
	d := readChartAt(t, embed, serverURL+"/embed/zh/gdp_growth-2024-results.html", `o.series.result`)
	if values(d.Series["result"]) != values(explorer.Series["result"]) {
		t.Errorf("embed results %v, explorer %v", d.Series["result"], explorer.Series["result"])
	}
	if !strings.Contains(text(t, embed, ".embed-headline"), "个区中") {
		t.Error("the embed lacks the headline")
	}
	csv := eval[string](t, embed, `fetch("/csv/zh/gdp_growth-2024-results.csv").then(r => r.text())`, chromedp.EvalAwaitPromise)
	rv := baiyun2024(t)
	primary, _ := rv.Primary()
	if !strings.Contains(csv, words.New(ds, i18n.ZH).Outcome(primary)) || !strings.Contains(csv, i18n.T(i18n.ZH, "csv.verdict")) {
		t.Error("the CSV lacks the verdicts")
	}
}

// TestCoveragePage checks the grid: a link where a figure is known, and
// "searched for, not found" where the search list says so.
func TestCoveragePage(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(serverURL+"/coverage?lang=en"))
	waitFor(t, ctx, `!!document.querySelector(".coverage-grid")`)
	g, _ := ds.CoverageOf("gdp_growth")
	known, searched := 0, 0
	for _, r := range g.Rows {
		for _, c := range r.Cells {
			for _, stage := range []string{model.StagePlan, model.StagePledge} {
				if c.Targets[stage] != nil {
					known++
				} else if c.SearchedFor(stage) {
					searched++
				}
			}
			if c.Result != nil || c.Estimate != nil {
				known++
			} else if c.SearchedFor(model.KindActual) {
				searched++
			}
		}
	}
	got := eval[[]int](t, ctx, `(() => { const s = document.querySelector("#coverage-gdp_growth").closest("section"); return [s.querySelectorAll("a.known").length, s.querySelectorAll(".searched").length]; })()`)
	if got[0] < known || got[1] != searched {
		t.Errorf("GDP growth grid: %d known and %d searched-for cells, want at least %d and %d", got[0], got[1], known, searched)
	}
	if href := eval[string](t, ctx, `document.querySelector("#coverage-gdp_growth").closest("section").querySelector("a.known").getAttribute("href")`); !strings.Contains(href, "/district/") {
		t.Errorf("a known cell links to %s, want the district's page", href)
	}
}
