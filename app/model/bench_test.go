package model

import (
	"fmt"
	"testing"
)

// Benchmarks of the queries the explorer asks on every view, at 1×, 100×
// and 1000× the size of the real dataset, as sub-benchmarks scale=x1,
// x100 and x1000 that benchstat -col /scale sets side by side (`make
// bench`). Each reports the records it has to read and its time per
// record: flat across the scales means the query grows linearly.

// scale is a synthetic dataset's size: the real dataset's 13 regions times
// regions, and its 2 years times years.
type scale struct {
	name           string
	regions, years int
}

// scales are the sizes benchmarked: x1000 has 520 regions over 50 years,
// 78,000 figures.
var scales = []scale{{"scale=x1", 1, 1}, {"scale=x100", 10, 10}, {"scale=x1000", 40, 25}}

// scaledDataset builds a dataset shaped like the real one: per 13 regions,
// 11 districts, the city and a neighbour; three metrics; a figure for
// every region, metric and year (results for the city, targets for the
// others), with stretch goals, every qualifier, and some figures cited by
// two disagreeing sources.
func scaledDataset(b *testing.B, s scale) *Dataset {
	b.Helper()
	ds := &Dataset{
		Schema: SchemaVersion,
		Catalog: Catalog{
			Units:   []Unit{{ID: "pct"}, {ID: "cny_100m"}},
			Metrics: []Metric{named("growth", "pct"), named("total", "cny_100m"), named("share", "pct")},
		},
	}
	for i := range 5 * s.years {
		ds.Sources = append(ds.Sources, Source{ID: fmt.Sprintf("s%03d", i)})
	}
	for i := range 13 * s.regions {
		group := GroupDistrict
		switch i % 13 {
		case 11:
			group = GroupCity
		case 12:
			group = GroupNeighbour
		}
		ds.Regions = append(ds.Regions, region(fmt.Sprintf("r%04d", i), group))
	}
	for _, reg := range ds.Regions {
		for y := range 2 * s.years {
			for _, m := range ds.Metrics {
				ds.Records = append(ds.Records, scaledRecord(len(ds.Records), reg, 2000+y, m, ds.Sources))
			}
		}
	}
	if err := ds.Validate(); err != nil {
		b.Fatal(err)
	}
	return ds
}

// scaledRecord is the n-th figure of a scaled dataset.
func scaledRecord(n int, reg Region, year int, m Metric, sources []Source) Record {
	qualifiers := []string{QualExact, QualAtLeast, QualAbove, QualAbout}
	value := float64(n%97) / 7
	r := Record{
		ID: fmt.Sprintf("%s-%d-%s", reg.ID, year, m.ID),
		Figure: Figure{Region: reg.ID, Year: year, Metric: m.ID, Kind: KindTarget, Stage: StagePlan,
			Statement: Statement{Value: value, Qualifier: qualifiers[n%4]}, Period: PeriodYear, Unit: m.Unit},
		Sources: []Citation{{Source: sources[n%len(sources)].ID, Quote: "q",
			Statement: Statement{Value: value, Qualifier: qualifiers[n%4]}}},
	}
	if reg.Group == GroupCity {
		r.Kind, r.Stage = KindActual, ""
	}
	if n%5 == 0 {
		stretch := value + 0.5
		r.Stretch = &stretch
	}
	if n%10 == 0 {
		r.Sources = append(r.Sources, Citation{Source: sources[(n+1)%len(sources)].ID, Quote: "q2",
			Statement: Statement{Value: value, Qualifier: QualAbout}})
		r.Conflict = []string{"qualifier"}
	}
	return r
}

// lastYear is the latest year of a scaled dataset.
func lastYear(s scale) int { return 2000 + 2*s.years - 1 }

// benchScales runs a query at each scale. records says how many records
// the query reads in the dataset.
func benchScales(b *testing.B, query func(ds *Dataset, s scale), records func(ds *Dataset) int) {
	for _, s := range scales {
		b.Run(s.name, func(b *testing.B) {
			ds := scaledDataset(b, s)
			b.ReportAllocs()
			for b.Loop() {
				query(ds, s)
			}
			n := float64(records(ds))
			b.ReportMetric(n, "records")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/record")
		})
	}
}

func allRecords(ds *Dataset) int { return len(ds.Records) }

func BenchmarkCompare(b *testing.B) {
	benchScales(b, func(ds *Dataset, s scale) { ds.Compare("growth", lastYear(s)) }, allRecords)
}

// BenchmarkProfile reads one region's records only, so its data grows
// with the years, not with the regions.
func BenchmarkProfile(b *testing.B) {
	benchScales(b, func(ds *Dataset, s scale) { ds.Profile("r0000") },
		func(ds *Dataset) int { return len(ds.index.byRegion["r0000"]) })
}

func BenchmarkSelect(b *testing.B) {
	benchScales(b, func(ds *Dataset, s scale) { ds.Select(Filter{Metric: "growth"}) }, allRecords)
}

func BenchmarkSourceFigures(b *testing.B) {
	benchScales(b, func(ds *Dataset, s scale) { ds.SourceFigures("s000") }, allRecords)
}
