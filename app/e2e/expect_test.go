package e2e

import (
	"fmt"
	"sort"
	"strings"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// panelFigures is what the districts view should draw, read from the
// dataset rather than from the chart package: the districts with a figure,
// highest first, and the other regions in their own panel, each as its
// name and displayed value, and the series that draws it.
type panelFigures struct {
	names, target, actual, stretch string // the districts panel
	refNames, refTarget, refActual string // the reference panel
	missing                        string // districts with no figure
}

// districtsView reads a metric and year's figures from the dataset as the
// districts view shows them in a language: each region's preferred figure
// (ds.Compare), a target in the target series and a result in the actual
// series, "-" in the other.
func districtsView(metric string, year int, lang i18n.Lang) panelFigures {
	var districts, refs []model.Entry
	var missing []string
	for _, e := range ds.Compare(metric, year) {
		switch {
		case e.Record == nil && e.Region.Group == model.GroupDistrict:
			missing = append(missing, e.Region.Name.In(string(lang)))
		case e.Record == nil:
		case e.Region.Group == model.GroupDistrict:
			districts = append(districts, e)
		default:
			refs = append(refs, e)
		}
	}
	byValue := func(es []model.Entry) {
		sort.SliceStable(es, func(i, j int) bool { return es[i].Record.Value > es[j].Record.Value })
	}
	byValue(districts)
	byValue(refs)
	var p panelFigures
	var names, target, actual, stretch, refNames, refTarget, refActual []string
	for _, e := range districts {
		v := shown(e.Record, lang)
		names = append(names, e.Region.Name.In(string(lang)))
		if e.Record.Kind == model.KindTarget {
			target, actual = append(target, v), append(actual, "-")
		} else {
			target, actual = append(target, "-"), append(actual, v)
		}
		if e.Record.Stretch != nil {
			stretch = append(stretch, number(i18n.Display(*e.Record.Stretch, e.Record.Unit, lang)))
		}
	}
	for _, e := range refs {
		refNames = append(refNames, e.Region.Name.In(string(lang)))
		if e.Record.Kind == model.KindTarget {
			refTarget, refActual = append(refTarget, shown(e.Record, lang)), append(refActual, "-")
		} else {
			refTarget, refActual = append(refTarget, "-"), append(refActual, shown(e.Record, lang))
		}
	}
	p.names, p.target, p.actual, p.stretch = strings.Join(names, ", "), strings.Join(target, " "), strings.Join(actual, " "), strings.Join(stretch, " ")
	p.refNames, p.missing = strings.Join(refNames, ", "), strings.Join(missing, ", ")
	p.refTarget, p.refActual = strings.Join(refTarget, " "), strings.Join(refActual, " ")
	return p
}

// shown is a record's value as a chart draws it in a language.
func shown(r *model.Record, lang i18n.Lang) string {
	return number(i18n.Display(r.Value, r.Unit, lang))
}

// number writes a value as values() writes what the browser gives back.
func number(v float64) string { return fmt.Sprint(v) }

// latestYear is the latest year with any figure of a metric.
func latestYear(metric string) int {
	years := ds.Years(metric)
	return years[len(years)-1]
}

// districtsTitle is the districts view's title for a metric and year.
func districtsTitle(metric string, year int, lang i18n.Lang) string {
	m, _ := ds.Metric(metric)
	return words.New(ds, lang).DistrictsTitle(m, year)
}

// metricsOverYears counts a region's metrics with figures in more than one
// year: each has a small chart on the region's page.
func metricsOverYears(region string) int {
	p, _ := ds.Profile(region)
	n := 0
	for _, m := range p.Metrics {
		years := map[int]bool{}
		for _, r := range ds.Trend(region, m.ID) {
			years[r.Year] = true
		}
		if len(years) > 1 {
			n++
		}
	}
	return n
}
