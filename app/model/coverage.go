package model

import "slices"

// CoverageCell is what the data knows of one region's metric in one year:
// its target at each stage and its result, each nil when not found, and
// which of them were searched for without success.
type CoverageCell struct {
	Targets  map[string]*Record // by stage
	Result   *Record            // the final full-year result
	Estimate *Record            // an estimate or first-half result, when no final one
	// Searched lists what was searched for and not found: a stage for a
	// target, KindActual for the result.
	Searched []string
	// Pending says that no region's result for the year is out yet.
	Pending bool
}

// SearchedFor reports whether a stage (or KindActual) was searched for and
// not found.
func (c CoverageCell) SearchedFor(what string) bool { return slices.Contains(c.Searched, what) }

// CoverageRow is one region across the years.
type CoverageRow struct {
	Region Region
	Cells  []CoverageCell // one per year of the grid
}

// CoverageGrid is a region × year grid of what is known of one metric.
type CoverageGrid struct {
	Metric Metric
	Years  []int
	Rows   []CoverageRow
}

// CoverageOf builds the grid of a metric for every region but the
// neighbouring district, across the years that have any figure of the
// metric. It reports false for an unknown metric.
func (ds *Dataset) CoverageOf(metricID string) (CoverageGrid, bool) {
	metric, ok := ds.Metric(metricID)
	if !ok {
		return CoverageGrid{}, false
	}
	g := CoverageGrid{Metric: metric, Years: ds.Years(metricID)}
	for _, reg := range ds.Regions {
		if reg.Group == GroupNeighbour {
			continue
		}
		row := CoverageRow{Region: reg, Cells: make([]CoverageCell, len(g.Years))}
		for i, y := range g.Years {
			row.Cells[i] = ds.coverageCell(reg, metricID, y)
		}
		g.Rows = append(g.Rows, row)
	}
	return g, true
}

func (ds *Dataset) coverageCell(reg Region, metric string, year int) CoverageCell {
	rv := ds.regionVerdicts(reg, metric, year, false)
	c := CoverageCell{Targets: map[string]*Record{}, Result: rv.Result, Estimate: rv.Estimate, Pending: !ds.ResultsOut(metric, year)}
	for i := range rv.Verdicts {
		t := rv.Verdicts[i].Target
		c.Targets[t.Stage] = &t
	}
	for _, s := range ds.Searched {
		if s.Region != reg.ID || s.Year != year || !slices.Contains(s.Metrics, metric) {
			continue
		}
		what := s.Stage
		if s.Kind == KindActual {
			what = KindActual
		}
		c.Searched = append(c.Searched, what)
	}
	return c
}
