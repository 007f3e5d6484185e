package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// drawn is what a reader sees of an ECharts chart, read from the instance
// that ECharts drew: the category names of each axis and each series'
// values by series id.
type drawn struct {
	Categories [][]string       `json:"categories"`
	Series     map[string][]any `json:"series"`
	Labels     map[string][]any `json:"labels"`
	Aria       string           `json:"aria"`
}

// readChartJS returns, once ECharts has drawn the chart in the element
// that matches the selector, its categories, values and labels.
const readChartJS = `(() => {
  const el = document.querySelector(%q);
  const inst = el && window.echarts && echarts.getInstanceByDom(el);
  if (!inst) return null;
  const o = inst.getOption();
  const axes = (o.yAxis || []).concat(o.xAxis || []);
  const out = {categories: axes.filter(a => a.type === "category").map(a => a.data), series: {}, labels: {}, aria: el.getAttribute("aria-label")};
  for (const s of o.series || []) {
    const item = d => d !== null && typeof d === "object" && !Array.isArray(d);
    out.series[s.id] = s.data.map(d => item(d) ? d.value : d);
    out.labels[s.id] = s.data.map(d => item(d) && d.label ? d.label.formatter : null);
  }
  return JSON.stringify(out);
})()`

// readChart waits until the chart in sel is drawn and its option satisfies
// ready (a JS expression over the variable o, the drawn struct), and
// returns it.
func readChart(t *testing.T, ctx context.Context, sel, ready string) drawn {
	t.Helper()
	intend(t, ctx) // pages load ECharts at the reader's first intent
	expr := fmt.Sprintf(`(() => { const s = %s; if (!s) return null; const o = JSON.parse(s); return (%s) ? s : null; })()`,
		fmt.Sprintf(readChartJS, sel), ready)
	raw, err := chromedp.Run(ctx, chromedp.Poll[string](expr, chromedp.WithPollingTimeout(45*time.Second)))
	if err != nil {
		url, _ := chromedp.Run(ctx, chromedp.Location())
		t.Fatalf("the chart %s at %s was not drawn as expected (%s): %v", sel, url, ready, err)
	}
	var d drawn
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// values renders series values for comparison: numbers, the x of [x, y]
// points, and "-" for empty places.
func values(v []any) string {
	parts := make([]string, len(v))
	for i, x := range v {
		if pair, ok := x.([]any); ok && len(pair) > 0 {
			x = pair[0]
		}
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, " ")
}

// expectSeries checks a drawn series against the expected values.
func expectSeries(t *testing.T, d drawn, id, want string) {
	t.Helper()
	if got := values(d.Series[id]); got != want {
		t.Errorf("series %q = [%s], want [%s]", id, got, want)
	}
}

func expectCategories(t *testing.T, d drawn, panel int, want string) {
	t.Helper()
	if len(d.Categories) <= panel {
		t.Fatalf("chart has %d category axes, want panel %d", len(d.Categories), panel)
	}
	if got := strings.Join(d.Categories[panel], ", "); got != want {
		t.Errorf("categories = %s, want %s", got, want)
	}
}

// readChartAt opens a page, moves the mouse (which starts the app), and
// reads its main chart.
func readChartAt(t *testing.T, ctx context.Context, url, ready string) drawn {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	return readChart(t, ctx, ".chart", ready)
}
