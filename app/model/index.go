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

// NewDataset returns an indexed dataset of the catalog with no sources or
// records: the source records are checked against it before they are
// compiled.
func NewDataset(cat Catalog) *Dataset {
	ds := &Dataset{Schema: SchemaVersion, Catalog: cat}
	ds.buildIndex()
	return ds
}

// buildIndex maps every id to its position. Where an id repeats, the last
// position wins; Validate reports the repeat.
func (ds *Dataset) buildIndex() {
	ix := index{
		units:    positions(ds.Units, func(u Unit) string { return u.ID }),
		regions:  positions(ds.Regions, func(r Region) string { return r.ID }),
		metrics:  positions(ds.Metrics, func(m Metric) string { return m.ID }),
		sources:  positions(ds.Sources, func(s Source) string { return s.ID }),
		records:  positions(ds.Records, func(r Record) string { return r.ID }),
		byRegion: map[string][]int{}, byMetric: map[string][]int{},
	}
	for i, r := range ds.Records {
		ix.byRegion[r.Region] = append(ix.byRegion[r.Region], i)
		ix.byMetric[r.Metric] = append(ix.byMetric[r.Metric], i)
	}
	ds.index = ix
}

// positions maps the id of each item to its position in the list.
func positions[T any](list []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(list))
	for i, item := range list {
		m[id(item)] = i
	}
	return m
}
