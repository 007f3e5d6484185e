package model

import (
	"slices"
	"sort"
)

// Region returns the region with the given id.
func (ds *Dataset) Region(id string) (Region, bool) {
	i, ok := ds.index.regions[id]
	if !ok {
		return Region{}, false
	}
	return ds.Regions[i], true
}

// Metric returns the metric with the given id.
func (ds *Dataset) Metric(id string) (Metric, bool) {
	i, ok := ds.index.metrics[id]
	if !ok {
		return Metric{}, false
	}
	return ds.Metrics[i], true
}

// Source returns the source with the given id.
func (ds *Dataset) Source(id string) (Source, bool) {
	i, ok := ds.index.sources[id]
	if !ok {
		return Source{}, false
	}
	return ds.Sources[i], true
}

// Record returns the record with the given id, or nil.
func (ds *Dataset) Record(id string) (*Record, bool) {
	i, ok := ds.index.records[id]
	if !ok {
		return nil, false
	}
	return &ds.Records[i], true
}

// Unit returns the unit with the given id.
func (ds *Dataset) Unit(id string) (Unit, bool) {
	i, ok := ds.index.units[id]
	if !ok {
		return Unit{}, false
	}
	return ds.Units[i], true
}

// Entry is one region's place in a comparison. Record is nil when the region
// has published no figure.
type Entry struct {
	Region Region
	Record *Record
}

// Compare returns every region's figure for one metric and year, in catalog
// order, including regions with no figure. Where a region has several, a
// full-year target is preferred (the plan adopted by the congress, then the
// pledge), then a full-year result (final, then estimated), then a
// half-year result.
func (ds *Dataset) Compare(metric string, year int) []Entry {
	entries := make([]Entry, len(ds.Regions))
	for i, r := range ds.Regions {
		entries[i] = Entry{Region: r, Record: ds.best(r.ID, metric, year)}
	}
	return entries
}

// best picks the preferred record of a region for a metric and year.
func (ds *Dataset) best(region, metric string, year int) *Record {
	var found *Record
	for _, i := range ds.index.byRegion[region] {
		r := &ds.Records[i]
		if r.Metric != metric || r.Year != year {
			continue
		}
		if found == nil || preference(r) < preference(found) {
			found = r
		}
	}
	return found
}

// preference ranks a region's figures for one metric and year; the lowest
// is shown where there is room for one.
func preference(r *Record) int {
	switch {
	case r.Kind == KindTarget && r.Period == PeriodYear:
		return stageRank[r.Stage]
	case r.Kind == KindTarget:
		return 3
	case r.Period == PeriodYear && !r.Provisional:
		return 4
	case r.Period == PeriodYear:
		return 5
	default:
		return 6
	}
}

// stageRank orders a target's stages: the plan the congress adopted first.
var stageRank = map[string]int{StagePlan: 0, StagePledge: 1, StageUnknown: 2}

// Trend returns one region's figures for one metric, oldest year first and,
// within a year, targets before results.
func (ds *Dataset) Trend(region, metric string) []Record {
	var out []Record
	for _, i := range ds.index.byRegion[region] {
		if ds.Records[i].Metric == metric {
			out = append(out, ds.Records[i])
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Year != out[b].Year {
			return out[a].Year < out[b].Year
		}
		return preference(&out[a]) < preference(&out[b])
	})
	return out
}

// YearFigures is every figure of a region for one year.
type YearFigures struct {
	Year    int
	Records []Record
}

// Profile is everything the dataset holds about one region.
type Profile struct {
	Region  Region
	Years   []YearFigures
	Metrics []Metric
}

// Profile returns a region's figures grouped by year, newest first, and the
// metrics it has figures for, in catalog order.
func (ds *Dataset) Profile(region string) (Profile, bool) {
	reg, ok := ds.Region(region)
	if !ok {
		return Profile{}, false
	}
	p := Profile{Region: reg}
	byYear := map[int][]Record{}
	hasMetric := map[string]bool{}
	for _, i := range ds.index.byRegion[region] {
		r := ds.Records[i]
		byYear[r.Year] = append(byYear[r.Year], r)
		hasMetric[r.Metric] = true
	}
	for y, recs := range byYear {
		p.Years = append(p.Years, YearFigures{Year: y, Records: ds.inMetricOrder(recs)})
	}
	sort.Slice(p.Years, func(a, b int) bool { return p.Years[a].Year > p.Years[b].Year })
	for _, m := range ds.Metrics {
		if hasMetric[m.ID] {
			p.Metrics = append(p.Metrics, m)
		}
	}
	return p, true
}

// inMetricOrder sorts records by the catalog order of their metrics, then
// by kind and period preference.
func (ds *Dataset) inMetricOrder(recs []Record) []Record {
	sort.SliceStable(recs, func(a, b int) bool {
		ma, mb := ds.index.metrics[recs[a].Metric], ds.index.metrics[recs[b].Metric]
		if ma != mb {
			return ma < mb
		}
		return preference(&recs[a]) < preference(&recs[b])
	})
	return recs
}

// Cited is a record as one source states it.
type Cited struct {
	Record   Record
	Citation Citation
}

// SourceFigures returns the figures taken from one source, in metric order.
func (ds *Dataset) SourceFigures(id string) []Cited {
	var out []Cited
	for _, r := range ds.Records {
		for _, c := range r.Sources {
			if c.Source == id {
				out = append(out, Cited{Record: r, Citation: c})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := out[a].Record, out[b].Record
		if ia, ib := ds.index.regions[ra.Region], ds.index.regions[rb.Region]; ia != ib {
			return ia < ib
		}
		if ra.Year != rb.Year {
			return ra.Year > rb.Year
		}
		return ds.index.metrics[ra.Metric] < ds.index.metrics[rb.Metric]
	})
	return out
}

// Conflicts returns the records whose sources disagree.
func (ds *Dataset) Conflicts() []Record {
	var out []Record
	for _, r := range ds.Records {
		if len(r.Conflict) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// Years returns the years that have at least one figure for the metric,
// oldest first. An empty metric means any metric.
func (ds *Dataset) Years(metric string) []int {
	seen := map[int]bool{}
	for _, r := range ds.Records {
		if metric == "" || r.Metric == metric {
			seen[r.Year] = true
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	slices.Sort(years)
	return years
}

// HasMetric reports whether id is a known metric.
func (ds *Dataset) HasMetric(id string) bool { _, ok := ds.index.metrics[id]; return ok }

// HasRegion reports whether id is a known region.
func (ds *Dataset) HasRegion(id string) bool { _, ok := ds.index.regions[id]; return ok }

// Filter selects records for the table. Empty fields match everything.
type Filter struct {
	Metric string
	Year   int
	Region string
}

// Match reports whether the record passes the filter.
func (f Filter) Match(r Record) bool {
	return (f.Metric == "" || r.Metric == f.Metric) &&
		(f.Year == 0 || r.Year == f.Year) &&
		(f.Region == "" || r.Region == f.Region)
}

// Select returns the records that pass the filter, in stored order. It
// narrows to the region's or the metric's records through the index, and
// sizes the result before filling it.
func (ds *Dataset) Select(f Filter) []Record {
	candidates := ds.candidates(f)
	n := 0
	for _, i := range candidates {
		if f.Match(ds.Records[i]) {
			n++
		}
	}
	out := make([]Record, 0, n)
	for _, i := range candidates {
		if f.Match(ds.Records[i]) {
			out = append(out, ds.Records[i])
		}
	}
	return out
}

// candidates are the positions of the records a filter can match: those of
// its region or metric, or every record.
func (ds *Dataset) candidates(f Filter) []int {
	switch {
	case f.Region != "":
		return ds.index.byRegion[f.Region]
	case f.Metric != "":
		return ds.index.byMetric[f.Metric]
	}
	all := make([]int, len(ds.Records))
	for i := range all {
		all[i] = i
	}
	return all
}
