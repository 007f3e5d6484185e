package chart

import (
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Catalogue builds every chart the site publishes that has figures, in both languages: the
// districts view for each metric and year (and its map where a district
// has a figure), the results and (for rates)
// cascade views where there are targets, the years view for each metric,
// and each region's chart of each metric it has across several years.
func Catalogue(ds *model.Dataset) []spec.Spec {
	var specs []spec.Spec
	add := func(s spec.Spec, ok bool) {
		if ok && len(s.Sources) > 0 {
			specs = append(specs, s)
		}
	}
	for _, lang := range i18n.Langs {
		for _, m := range ds.Metrics {
			for _, y := range ds.Years(m.ID) {
				add(Districts(ds, m.ID, y, lang))
				if districtFigures(ds, m.ID, y) {
					add(Map(ds, m.ID, y, lang))
				}
				verdicts := ds.Verdicts(m.ID, y)
				if judgeable(verdicts) {
					add(Results(ds, m.ID, y, lang))
				}
				if m.Unit == "pct" && cascades(verdicts) {
					add(Cascade(ds, m.ID, y, lang))
				}
			}
			add(Years(ds, m.ID, lang))
		}
		for _, r := range ds.Regions {
			p, _ := ds.Profile(r.ID)
			for _, m := range p.Metrics {
				if yearsOf(ds.Trend(r.ID, m.ID)) > 1 {
					add(Profile(ds, r.ID, m.ID, lang))
				}
			}
		}
	}
	return specs
}

// districtFigures reports whether any district has a figure for the
// metric and year: the map is published for those.
func districtFigures(ds *model.Dataset, metric string, year int) bool {
	for _, e := range ds.Compare(metric, year) {
		if e.Record != nil && e.Region.Group == model.GroupDistrict {
			return true
		}
	}
	return false
}

// yearsOf counts the years records cover: a region's chart of a metric is
// published when it spans more than one year; one figure needs no chart.
func yearsOf(recs []model.Record) int {
	years := map[int]bool{}
	for _, r := range recs {
		years[r.Year] = true
	}
	return len(years)
}

// judgeable reports whether any region has both a target and a result (or
// an estimate) for the metric and year: the results view is published for
// those. A year with targets only is the districts view's.
func judgeable(all []model.RegionVerdicts) bool {
	for _, rv := range all {
		if len(rv.Verdicts) > 0 && (rv.Result != nil || rv.Estimate != nil) {
			return true
		}
	}
	return false
}

// cascades reports whether a cascade has something to show: a target above
// the districts and targets of at least two districts.
func cascades(all []model.RegionVerdicts) bool {
	levels, districts := 0, 0
	for _, rv := range all {
		switch {
		case len(rv.Verdicts) == 0:
		case rv.Region.Group == model.GroupDistrict:
			districts++
		case rv.Region.Group != model.GroupNeighbour:
			levels++
		}
	}
	return levels > 0 && districts > 1
}
