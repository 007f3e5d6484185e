package data

import (
	"slices"
	"strings"
	"testing"

	"gztargets/app/model"
)

// macroFigures is every macro figure of the five source articles, from a
// reading of the articles independent of the source records: id, value,
// qualifier, the sources (by file-name prefix) that state it, and the fields
// on which those sources disagree.
var macroFigures = []struct {
	id        string
	value     float64
	qualifier string
	sources   []string
	conflict  []string
}{
	{"baiyun-2023-fai_growth-target-year-pledge", 20, "at_least", []string{"003"}, []string{}},
	{"baiyun-2023-gdp_growth-target-year-pledge", 7, "at_least", []string{"003"}, []string{}},
	{"baiyun-2023-industrial_investment_growth-target-year-pledge", 50, "at_least", []string{"003"}, []string{}},
	{"baiyun-2023-industrial_output_growth-target-year-pledge", 7, "at_least", []string{"003"}, []string{}},
	{"baiyun-2023-retail_growth-target-year-pledge", 15, "exact", []string{"003"}, []string{}},
	{"baiyun-2023-trade_growth-target-year-pledge", 10, "at_least", []string{"003"}, []string{}},
	{"baiyun-2023-wholesale_growth-target-year-pledge", 40, "exact", []string{"003"}, []string{}},
	{"baiyun-2024-fai_growth-target-year-pledge", 16, "at_least", []string{"002"}, []string{}},
	{"baiyun-2024-fai_total-target-year-pledge", 1410, "above", []string{"002"}, []string{}},
	{"baiyun-2024-gdp_growth-target-year-pledge", 6.5, "at_least", []string{"002"}, []string{}},
	{"baiyun-2024-gdp_total-target-year-pledge", 3000, "above", []string{"002"}, []string{}},
	{"baiyun-2024-industrial_investment_growth-target-year-pledge", 36.5, "at_least", []string{"002"}, []string{}},
	{"baiyun-2024-industrial_investment_total-target-year-pledge", 140, "above", []string{"002"}, []string{}},
	{"baiyun-2024-industrial_output_growth-target-year-pledge", 6.5, "at_least", []string{"002"}, []string{}},
	{"baiyun-2024-industrial_va_share-target-year-pledge", 20, "above", []string{"002"}, []string{}},
	{"baiyun-2024-retail_growth-target-year-pledge", 8, "at_least", []string{"002"}, []string{}},
	{"baiyun-2024-wholesale_growth-target-year-pledge", 15, "at_least", []string{"002"}, []string{}},
	{"conghua-2023-fai_growth-target-year-pledge", 15, "exact", []string{"003"}, []string{}},
	{"conghua-2023-gdp_growth-target-year-pledge", 6.5, "exact", []string{"003"}, []string{}},
	{"conghua-2023-industrial_output_total-target-year-pledge", 600, "above", []string{"003"}, []string{}},
	{"guangzhou-2023-gdp_growth-actual-year", 4.6, "exact", []string{"000"}, []string{}},
	{"guangzhou-2023-gdp_total-actual-year", 30355.73, "exact", []string{"000"}, []string{}},
	{"haizhu-2024-fai_growth-target-year-pledge", 16, "at_least", []string{"000"}, []string{}},
	{"haizhu-2024-fai_total-target-year-pledge", 620, "exact", []string{"000"}, []string{}},
	{"haizhu-2024-gdp_growth-target-year-pledge", 6, "at_least", []string{"000"}, []string{}},
	{"haizhu-2024-industrial_investment_growth-target-year-pledge", 10, "exact", []string{"000"}, []string{}},
	{"haizhu-2024-industrial_output_growth-target-year-pledge", 12, "exact", []string{"000"}, []string{}},
	{"huadu-2023-fai_growth-target-year-pledge", 20, "about", []string{"003"}, []string{}},
	{"huadu-2023-gdp_growth-target-year-pledge", 7, "about", []string{"003"}, []string{}},
	{"huadu-2023-industrial_investment_growth-target-year-pledge", 21.5, "about", []string{"003"}, []string{}},
	{"huadu-2023-industrial_output_growth-target-year-pledge", 9, "about", []string{"003"}, []string{}},
	{"liwan-2022-industrial_va_share-actual-year", 25, "exact", []string{"003"}, []string{}},
	{"liwan-2023-fai_growth-target-year-pledge", 20, "exact", []string{"003"}, []string{}},
	{"liwan-2023-gdp_growth-target-year-pledge", 6.5, "at_least", []string{"003"}, []string{}},
	{"liwan-2024-fai_growth-target-year-pledge", 17.6, "exact", []string{"000"}, []string{}},
	{"liwan-2024-fai_total-target-year-pledge", 635, "exact", []string{"000"}, []string{}},
	{"liwan-2024-gdp_growth-target-year-pledge", 5, "at_least", []string{"000"}, []string{}},
	{"liwan-2024-industrial_investment_growth-target-year-pledge", 30, "at_least", []string{"000"}, []string{}},
	{"liwan-2027-industrial_output_total-target-year-pledge", 560, "exact", []string{"001"}, []string{}},
	{"liwan-2027-industrial_va_share-target-year-pledge", 30, "exact", []string{"001", "003"}, []string{}},
	{"panyu-2023-fai_total-target-year-pledge", 1000, "above", []string{"003"}, []string{}},
	{"panyu-2023-gdp_growth-target-year-pledge", 6.5, "at_least", []string{"003"}, []string{}},
	{"panyu-2023-industrial_investment_growth-target-year-pledge", 20, "at_least", []string{"003"}, []string{}},
	{"tianhe-2023-gdp_total-actual-year", 6500, "above", []string{"001"}, []string{}},
	{"tianhe-2024-fai_growth-target-year-pledge", 18, "at_least", []string{"000", "001"}, []string{"qualifier"}},
	{"tianhe-2024-fai_total-target-year-pledge", 830, "above", []string{"000", "001"}, []string{}},
	{"tianhe-2024-gdp_growth-target-year-pledge", 6, "at_least", []string{"000", "001"}, []string{}},
	{"tianhe-2024-gdp_total-target-year-pledge", 7000, "above", []string{"000", "001"}, []string{}},
	{"tianhe-2024-retail_total-target-year-pledge", 2200, "above", []string{"000", "001"}, []string{}},
	{"tianhe-2024-trade_total-target-year-pledge", 640, "above", []string{"001"}, []string{}},
	{"yuexiu-2024-fai_growth-target-year-pledge", 17, "exact", []string{"000"}, []string{}},
	{"yuexiu-2024-fai_total-target-year-pledge", 135, "exact", []string{"000"}, []string{}},
	{"yuexiu-2024-gdp_growth-target-year-pledge", 4, "exact", []string{"000"}, []string{}},
	{"yuexiu-2024-retail_growth-target-year-pledge", 4, "exact", []string{"000"}, []string{}},
	{"zengcheng-2023-fai_growth-target-year-pledge", 25, "exact", []string{"003"}, []string{}},
	{"zengcheng-2023-fai_total-target-year-pledge", 1100, "above", []string{"003"}, []string{}},
	{"zengcheng-2023-gdp_growth-target-year-pledge", 7, "exact", []string{"003"}, []string{}},
	{"zengcheng-2023-industrial_investment_growth-target-year-pledge", 200, "at_least", []string{"003"}, []string{}},
	{"zengcheng-2023-industrial_investment_total-target-year-pledge", 450, "above", []string{"003"}, []string{}},
	{"zengcheng-2023-industrial_value_added_growth-target-year-pledge", 6, "exact", []string{"003"}, []string{}},
	{"zhaoqing_new_district-2023-gdp_growth-actual-h1", 11, "exact", []string{"004"}, []string{}},
	{"zhaoqing_new_district-2023-industrial_investment_growth-actual-h1", 47, "exact", []string{"004"}, []string{}},
	{"zhaoqing_new_district-2023-industrial_value_added_growth-actual-h1", 16.9, "exact", []string{"004"}, []string{}},
}

func TestDatasetLoads(t *testing.T) {
	if _, err := model.Load(JSON); err != nil {
		t.Fatalf("the embedded dataset does not load: %v", err)
	}
}

// TestMacroFigures checks what the compiled dataset takes from the five
// articles against the independent reading: every macro figure present
// with the right value, qualifier and articles, and no macro figure cited
// from an article that the reading does not have. Web pages may state the
// same figures too; where they do, the articles' own citations are checked,
// and the disagreement between sources is the web pages' to explain.
func TestMacroFigures(t *testing.T) {
	ds, err := model.Load(JSON)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]model.Record{}
	for _, r := range ds.Records {
		byID[r.ID] = r
	}
	want := map[string]bool{}
	for _, f := range macroFigures {
		want[f.id] = true
		r, ok := byID[f.id]
		if !ok {
			t.Errorf("%s: missing", f.id)
			continue
		}
		articles := articleCitations(r)
		var cited []string
		for _, c := range articles {
			cited = append(cited, c.Source[:3])
			if c.Value != f.value && len(f.conflict) == 0 || c.Qualifier != f.qualifier && !slices.Contains(f.conflict, "qualifier") {
				t.Errorf("%s: %s states %v %s, want %v %s", f.id, c.Source, c.Value, c.Qualifier, f.value, f.qualifier)
			}
		}
		slices.Sort(cited)
		if !slices.Equal(cited, f.sources) {
			t.Errorf("%s: cited by articles %v, want %v", f.id, cited, f.sources)
		}
		if len(articles) == len(r.Sources) && !slices.Equal(r.Conflict, f.conflict) {
			t.Errorf("%s: conflict %v, want %v", f.id, r.Conflict, f.conflict)
		}
	}
	for _, r := range ds.Records {
		if m, _ := ds.Metric(r.Metric); m.Macro && len(articleCitations(r)) > 0 && !want[r.ID] {
			t.Errorf("%s: a macro figure the independent reading does not have", r.ID)
		}
	}
}

// articleCitations are a record's citations of the five articles.
func articleCitations(r model.Record) []model.Citation {
	var out []model.Citation
	for _, c := range r.Sources {
		if !strings.HasPrefix(c.Source, "web_") {
			out = append(out, c)
		}
	}
	return out
}

// TestUnitsAndKinds spot-checks readings that are easy to get wrong.
func TestUnitsAndKinds(t *testing.T) {
	ds, err := model.Load(JSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ds.Records {
		m, _ := ds.Metric(r.Metric)
		if r.Unit != m.Unit {
			t.Errorf("%s: unit %s, metric wants %s", r.ID, r.Unit, m.Unit)
		}
		if r.Region == "zhaoqing_new_district" && r.Period != model.PeriodH1 {
			t.Errorf("%s: Zhaoqing New District's figures are first-half results", r.ID)
		}
		if strings.HasPrefix(r.ID, "guangzhou-2023-") && r.Kind != model.KindActual && len(articleCitations(r)) > 0 {
			t.Errorf("%s: the city's 2023 figures in the articles are results", r.ID)
		}
	}
}

// TestGDPGrowthFoundOrSearched holds the record to its promise: for every
// district and the city, each year's GDP growth target at each stage (plan
// and pledge, 2023 on) and result (years whose results are due) is either
// in the data or in the list of what was searched for and not found.
func TestGDPGrowthFoundOrSearched(t *testing.T) {
	ds, err := model.Load(JSON)
	if err != nil {
		t.Fatal(err)
	}
	years := ds.Years("gdp_growth")
	last := years[len(years)-1]
	for _, reg := range ds.Regions {
		if reg.Group != model.GroupDistrict && reg.Group != model.GroupCity {
			continue
		}
		for y := 2023; y <= last; y++ {
			cell := coverageCell(t, ds, reg.ID, y)
			for _, stage := range []string{model.StagePlan, model.StagePledge} {
				if cell.Targets[stage] == nil && !cell.SearchedFor(stage) {
					t.Errorf("%s %d: no %s target for GDP growth, and none was searched for", reg.ID, y, stage)
				}
			}
			if cell.Result == nil && cell.Estimate == nil && !cell.Pending && !cell.SearchedFor(model.KindActual) {
				t.Errorf("%s %d: no GDP growth result, and none was searched for", reg.ID, y)
			}
		}
	}
}

func coverageCell(t *testing.T, ds *model.Dataset, region string, year int) model.CoverageCell {
	t.Helper()
	g, _ := ds.CoverageOf("gdp_growth")
	for _, r := range g.Rows {
		if r.Region.ID != region {
			continue
		}
		for i, y := range g.Years {
			if y == year {
				return r.Cells[i]
			}
		}
	}
	return model.CoverageCell{Targets: map[string]*model.Record{}, Pending: !ds.ResultsOut("gdp_growth", year)}
}
