package chart

import (
	"encoding/json"
	"fmt"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// Benchmarks of the chart builders at 1×, 100× and 1000× the size of the
// real dataset, as sub-benchmarks scale=x1, x100 and x1000 that benchstat
// -col /scale sets side by side (`make bench`). Each reports the records
// its chart draws from and its time per record: flat across the scales
// means the builder grows linearly.

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
// two disagreeing sources. It goes through model.Load, as the real data
// does.
func scaledDataset(b *testing.B, s scale) *model.Dataset {
	b.Helper()
	ds := model.Dataset{
		Schema: model.SchemaVersion,
		Catalog: model.Catalog{
			Units:   []model.Unit{{ID: "pct"}, {ID: "cny_100m"}},
			Metrics: []model.Metric{metric("growth", "pct", "增速", "Growth"), metric("total", "cny_100m", "总量", "Total"), metric("share", "pct", "占比", "Share")},
		},
	}
	for i := range 5 * s.years {
		ds.Sources = append(ds.Sources, source(fmt.Sprintf("s%03d", i)))
	}
	for i := range 13 * s.regions {
		group := model.GroupDistrict
		switch i % 13 {
		case 11:
			group = model.GroupCity
		case 12:
			group = model.GroupNeighbour
		}
		id := fmt.Sprintf("r%04d", i)
		ds.Regions = append(ds.Regions, model.Region{ID: id, Group: group, Name: model.Text{ZH: id + "区", EN: "District " + id}})
	}
	for _, reg := range ds.Regions {
		for y := range 2 * s.years {
			for _, m := range ds.Metrics {
				ds.Records = append(ds.Records, scaledRecord(len(ds.Records), reg, 2000+y, m, ds.Sources))
			}
		}
	}
	raw, err := json.Marshal(ds)
	if err != nil {
		b.Fatal(err)
	}
	loaded, err := model.Load(raw)
	if err != nil {
		b.Fatal(err)
	}
	return loaded
}

// scaledRecord is the n-th figure of a scaled dataset.
func scaledRecord(n int, reg model.Region, year int, m model.Metric, sources []model.Source) model.Record {
	qualifiers := []string{model.QualExact, model.QualAtLeast, model.QualAbove, model.QualAbout}
	value := float64(n%97) / 7
	r := model.Record{
		ID: fmt.Sprintf("%s-%d-%s", reg.ID, year, m.ID),
		Figure: model.Figure{Region: reg.ID, Year: year, Metric: m.ID, Kind: model.KindTarget, Stage: model.StagePlan,
			Statement: model.Statement{Value: value, Qualifier: qualifiers[n%4]}, Period: model.PeriodYear, Unit: m.Unit},
		Sources: []model.Citation{{Source: sources[n%len(sources)].ID, Quote: "quote " + reg.ID,
			Statement: model.Statement{Value: value, Qualifier: qualifiers[n%4]}}},
	}
	if reg.Group == model.GroupCity {
		r.Kind, r.Stage = model.KindActual, ""
	}
	if n%5 == 0 {
		stretch := value + 0.5
		r.Stretch = &stretch
	}
	if n%10 == 0 {
		r.Sources = append(r.Sources, model.Citation{Source: sources[(n+1)%len(sources)].ID, Quote: "other quote",
			Statement: model.Statement{Value: value, Qualifier: model.QualAbout}})
		r.Conflict = []string{"qualifier"}
	}
	return r
}

// lastYear is the latest year of a scaled dataset.
func lastYear(s scale) int { return 2000 + 2*s.years - 1 }

// benchScales builds a chart at each scale, and fails if the builder
// declines. records says how many records the chart draws from.
func benchScales(b *testing.B, build func(ds *model.Dataset, s scale) bool, records func(ds *model.Dataset) int) {
	for _, s := range scales {
		b.Run(s.name, func(b *testing.B) {
			ds := scaledDataset(b, s)
			b.ReportAllocs()
			for b.Loop() {
				if !build(ds, s) {
					b.Fatal("the builder found no chart to build")
				}
			}
			n := float64(records(ds))
			b.ReportMetric(n, "records")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/record")
		})
	}
}

func allRecords(ds *model.Dataset) int { return len(ds.Records) }

func BenchmarkDistricts(b *testing.B) {
	benchScales(b, func(ds *model.Dataset, s scale) bool {
		_, ok := Districts(ds, "growth", lastYear(s), i18n.EN)
		return ok
	}, allRecords)
}

func BenchmarkYears(b *testing.B) {
	benchScales(b, func(ds *model.Dataset, s scale) bool {
		_, ok := Years(ds, "growth", i18n.EN)
		return ok
	}, allRecords)
}

// BenchmarkProfile draws one region's figures only, so its data grows
// with the years, not with the regions.
func BenchmarkProfile(b *testing.B) {
	benchScales(b, func(ds *model.Dataset, s scale) bool {
		_, ok := Profile(ds, "r0000", "growth", i18n.EN)
		return ok
	}, func(ds *model.Dataset) int { return len(ds.Trend("r0000", "growth")) })
}
