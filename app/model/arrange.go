//go:build !js

package model

// Arranging runs only where the data is compiled: the build constraint
// keeps it out of the WebAssembly.

import "sort"

// Arrange completes a compiled dataset: it puts the records in their
// stored order, lists the coverage of every slot, and indexes the dataset.
// The compiler calls it once every source and record is in, so that the
// same source records always give the same bytes.
func (ds *Dataset) Arrange() {
	ds.indexCatalog()
	ds.sortRecords()
	ds.Coverage = ds.coverage()
	ds.indexRecords()
}

// sortRecords orders the records by region and metric as the catalog lists
// them, then by year, kind (targets first), period (the full year first),
// stage (the plan first) and the final result before an estimate.
func (ds *Dataset) sortRecords() {
	regions, metrics := ds.index.regions, ds.index.metrics
	recs := ds.Records
	sort.Slice(recs, func(a, b int) bool {
		ra, rb := recs[a], recs[b]
		switch {
		case ra.Region != rb.Region:
			return regions[ra.Region] < regions[rb.Region]
		case ra.Metric != rb.Metric:
			return metrics[ra.Metric] < metrics[rb.Metric]
		case ra.Year != rb.Year:
			return ra.Year < rb.Year
		case ra.Kind != rb.Kind:
			return ra.Kind > rb.Kind // target before actual
		case ra.Period != rb.Period:
			return ra.Period > rb.Period // year before h1
		case ra.Stage != rb.Stage:
			return stageRank[ra.Stage] < stageRank[rb.Stage]
		}
		return !ra.Provisional && rb.Provisional // final before estimate
	})
}

// coverage lists, for every metric, year, kind and period that has a
// figure, the regions that have one and the regions that do not, in
// catalog order.
func (ds *Dataset) coverage() []Coverage {
	type slot struct {
		metric       string
		year         int
		kind, period string
	}
	has := map[slot]map[string]bool{}
	for _, r := range ds.Records {
		k := slot{r.Metric, r.Year, r.Kind, r.Period}
		if has[k] == nil {
			has[k] = map[string]bool{}
		}
		has[k][r.Region] = true
	}
	out := make([]Coverage, 0, len(has))
	for k, regions := range has {
		c := Coverage{Metric: k.metric, Year: k.year, Kind: k.kind, Period: k.period, With: []string{}, Without: []string{}}
		for _, r := range ds.Regions {
			if regions[r.ID] {
				c.With = append(c.With, r.ID)
			} else {
				c.Without = append(c.Without, r.ID)
			}
		}
		out = append(out, c)
	}
	metrics := ds.index.metrics
	sort.Slice(out, func(a, b int) bool {
		ca, cb := out[a], out[b]
		switch {
		case ca.Metric != cb.Metric:
			return metrics[ca.Metric] < metrics[cb.Metric]
		case ca.Year != cb.Year:
			return ca.Year < cb.Year
		case ca.Kind != cb.Kind:
			return ca.Kind > cb.Kind
		}
		return ca.Period > cb.Period
	})
	return out
}
