package e2e

import (
	"strings"
	"testing"

	"gztargets/app/i18n"
)

// TestReferenceOutlierScale opens the 2023 GDP growth targets, where
// Zhaoqing New District's first-half result (11%) sits in the reference
// panel, in both languages and on a phone: the districts' scale stays
// below it, and the reference panel has its own scale and says so.
func TestReferenceOutlierScale(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			ctx := onPhone(t, serverURL+"/?view=districts&metric=gdp_growth&year=2023&lang="+string(lang))
			intend(t, ctx)
			readChart(t, ctx, ".chart", `o.series.target`)
			axes := eval[struct {
				Max     []float64
				Heading string
			}](t, ctx, `(() => {
				const o = echarts.getInstanceByDom(document.querySelector(".chart")).getOption();
				const y = o.yAxis.filter(a => a.name);
				return {max: o.xAxis.map(a => a.max || 0), heading: y.length ? y[y.length - 1].name : ""};
			})()`)
			if len(axes.Max) != 2 || axes.Max[0] >= 11 || axes.Max[1] < 11 {
				t.Errorf("scale maxima %v: want the districts' under the 11%% first-half result and the reference panel's over it", axes.Max)
			}
			squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if own := i18n.T(lang, "series.ownScale"); !strings.Contains(squeeze(axes.Heading), squeeze(own)) {
				t.Errorf("reference heading %q does not say %q", axes.Heading, own)
			}
		})
	}
}
