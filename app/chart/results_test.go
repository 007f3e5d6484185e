package chart

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gztargets/app/i18n"
)

// TestResults checks the results view on a small dataset: each region's
// result bar and target marks hold the dataset's values, the verdict is in
// the label and the table rows, the order follows the gap, and the
// headline counts the districts.
func TestResults(t *testing.T) {
	ds := synthetic(t,
		fig{region: "a", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "at_least", quote: "a"},
		fig{region: "a", metric: "growth", year: 2024, kind: "actual", value: 5.2, qualifier: "exact", quote: "ar"},
		fig{region: "b", metric: "growth", year: 2024, kind: "target", value: 6.5, qualifier: "exact", quote: "b"},
		fig{region: "b", metric: "growth", year: 2024, kind: "actual", value: 4.1, qualifier: "exact", quote: "br"},
		fig{region: "c", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "about", quote: "c"},
		fig{region: "city", metric: "growth", year: 2024, kind: "target", value: 5, qualifier: "at_least", quote: "ct"},
		fig{region: "city", metric: "growth", year: 2024, kind: "actual", value: 2.1, qualifier: "exact", quote: "cr"},
	)
	sp, ok := Results(ds, "growth", 2024, i18n.EN)
	if !ok {
		t.Fatal("Results refused a known metric")
	}
	if want := "1 of 2 districts with both a target and a result met their 2024 growth target, 0 about met it and 1 missed it. The city: 2.1% against at least 5% (✗ missed)."; sp.Headline != want {
		t.Errorf("headline %q\nwant     %q", sp.Headline, want)
	}
	var outlined struct {
		Series []struct {
			ID        string
			Type      string
			ItemStyle struct{ BorderColor string }
		}
	}
	if err := json.Unmarshal(sp.Option, &outlined); err != nil {
		t.Fatal(err)
	}
	for _, s := range outlined.Series {
		if s.Type == "scatter" && s.ItemStyle.BorderColor != markOutline {
			t.Errorf("the target marks of %s have no outline to stand out from a dark page", s.ID)
		}
	}
	o := decode(t, sp.Option)
	values, items := seriesValues(t, o, "result")
	if fmt.Sprint(values) != "[5.2 4.1 -]" {
		t.Errorf("result bars %v, want a 5.2, b 4.1, c none (sorted by gap)", values)
	}
	if !strings.Contains(items[0].Label.Formatter, "✓ met") || !strings.Contains(items[1].Label.Formatter, "✗ missed") {
		t.Errorf("labels lack the verdicts: %q / %q", items[0].Label.Formatter, items[1].Label.Formatter)
	}
	plans, planItems := seriesValues(t, o, "plan")
	if fmt.Sprint(plans) != "[5 6.5 5]" || !strings.Contains(planItems[2].Label.Formatter, "no result found in our sources") {
		t.Errorf("plan marks %v, c's label %q", plans, planItems[2].Label.Formatter)
	}
	// b's target lies past its bar's end, where it would cover the bar's
	// label: the label moves past the target's mark.
	if !items[0].Label.Show || planItems[0].Label.Show || items[1].Label.Show || !planItems[1].Label.Show || planItems[1].Label.Formatter != items[1].Label.Formatter {
		t.Errorf("labels shown: a's bar %v, a's mark %v, b's bar %v, b's mark %v (%q), want a's bar and b's mark, with b's result",
			items[0].Label.Show, planItems[0].Label.Show, items[1].Label.Show, planItems[1].Label.Show, planItems[1].Label.Formatter)
	}
	var verdicts []string
	for _, r := range sp.Rows {
		if r.Verdict != "" {
			verdicts = append(verdicts, r.Region+":"+r.Verdict)
		}
	}
	if strings.Join(verdicts, ", ") != "a:✓ met, b:✗ missed, c:no result found in our sources, city:✗ missed" {
		t.Errorf("verdict rows %v", verdicts)
	}
	if !strings.Contains(sp.Rule, "0.5 percentage points") {
		t.Errorf("the rule is not stated: %q", sp.Rule)
	}
	zh, _ := Results(ds, "growth", 2024, i18n.ZH)
	if !strings.Contains(zh.Headline, "在同时有目标和结果的2个区中，1个达成了2024年增速目标") {
		t.Errorf("Chinese headline %q", zh.Headline)
	}
}
