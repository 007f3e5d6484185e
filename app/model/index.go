package model

// index looks ids up in constant time, for the queries and for the
// validation alike. Decode and Validate build it, once per dataset.
type index struct {
	units    map[string]int
	regions  map[string]int
	metrics  map[string]int
	sources  map[string]int
	records  map[string]int
	byRegion map[string][]int
	byMetric map[string][]int
}

// buildIndex maps every id to its position. Where an id repeats, the last
// position wins; Validate reports the repeat.
func (ds *Dataset) buildIndex() {
	ds.indexCatalog()
	ds.indexRecords()
}

// indexCatalog maps the ids of units, regions and metrics.
func (ds *Dataset) indexCatalog() {
	ds.index.units = positions(ds.Units, func(u Unit) string { return u.ID })
	ds.index.regions = positions(ds.Regions, func(r Region) string { return r.ID })
	ds.index.metrics = positions(ds.Metrics, func(m Metric) string { return m.ID })
}

// indexRecords maps the ids of sources and records, and lists each
// region's and each metric's records.
func (ds *Dataset) indexRecords() {
	ds.index.sources = positions(ds.Sources, func(s Source) string { return s.ID })
	ds.index.records = positions(ds.Records, func(r Record) string { return r.ID })
	ds.index.byRegion, ds.index.byMetric = map[string][]int{}, map[string][]int{}
	for i, r := range ds.Records {
		ds.index.byRegion[r.Region] = append(ds.index.byRegion[r.Region], i)
		ds.index.byMetric[r.Metric] = append(ds.index.byMetric[r.Metric], i)
	}
}

// positions maps the id of each item to its position in the list.
func positions[T any](list []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(list))
	for i, item := range list {
		m[id(item)] = i
	}
	return m
}
