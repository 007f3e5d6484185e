package chart

import (
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/urlstate"
)

// Catalogue builds every chart the site publishes that has figures, in both languages: the
// districts view for each metric and year, the results view where there
// are targets, the years view for each metric, and each region's profile
// charts.
func Catalogue(ds *model.Dataset) []spec.Spec {
	var specs []spec.Spec
	add := func(s spec.Spec, ok bool) {
		if ok && len(s.Seeds) > 0 {
			specs = append(specs, s)
		}
	}
	for _, lang := range i18n.Langs {
		for _, m := range ds.Metrics {
			for _, y := range ds.Years(m.ID) {
				add(Districts(ds, m.ID, y, lang))
				if hasTargets(ds.Verdicts(m.ID, y)) {
					add(Results(ds, m.ID, y, lang))
					if m.Unit == "pct" {
						add(Cascade(ds, m.ID, y, lang))
					}
				}
			}
			add(Years(ds, m.ID, urlstate.YearsCompared[0], urlstate.YearsCompared[1], lang))
		}
		for _, r := range ds.Regions {
			p, _ := ds.Profile(r.ID)
			for _, m := range p.Metrics {
				add(Profile(ds, r.ID, m.ID, lang))
			}
		}
	}
	return specs
}

// hasTargets reports whether any region has a target to judge: the results
// view is published for those metrics and years.
func hasTargets(all []model.RegionVerdicts) bool {
	for _, rv := range all {
		if len(rv.Verdicts) > 0 {
			return true
		}
	}
	return false
}
