package ui

import (
	"fmt"
	"strconv"
	"sync"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/data"
)

// The dataset is decoded once per process (once per page load in the
// browser), and each chart spec is built once per state: navigating back
// to a view reuses its spec.
var (
	datasetOnce sync.Once
	dataset     *model.Dataset
	datasetErr  error

	specMu sync.Mutex
	specs  = map[string]specEntry{}
)

type specEntry struct {
	spec chart.Spec
	ok   bool
}

// loadDataset returns the embedded dataset, decoding it on first use.
func loadDataset() (*model.Dataset, error) {
	datasetOnce.Do(func() {
		dataset, datasetErr = model.Load(data.JSON)
		if datasetErr != nil {
			datasetErr = fmt.Errorf("the embedded dataset is invalid: %w", datasetErr)
		}
	})
	return dataset, datasetErr
}

// cachedSpec returns the spec for key, building it on first use.
func cachedSpec(key string, build func() (chart.Spec, bool)) (chart.Spec, bool) {
	specMu.Lock()
	defer specMu.Unlock()
	if e, ok := specs[key]; ok {
		return e.spec, e.ok
	}
	s, ok := build()
	specs[key] = specEntry{s, ok}
	return s, ok
}

// districtsSpec is the districts chart for a metric, year and language.
func districtsSpec(ds *model.Dataset, metric string, year int, lang i18n.Lang) (chart.Spec, bool) {
	key := "d/" + metric + "/" + strconv.Itoa(year) + "/" + string(lang)
	return cachedSpec(key, func() (chart.Spec, bool) { return chart.Districts(ds, metric, year, lang) })
}

// yearsSpec is the years chart for a metric and language.
func yearsSpec(ds *model.Dataset, metric string, from, to int, lang i18n.Lang) (chart.Spec, bool) {
	key := "y/" + metric + "/" + strconv.Itoa(from) + "/" + strconv.Itoa(to) + "/" + string(lang)
	return cachedSpec(key, func() (chart.Spec, bool) { return chart.Years(ds, metric, from, to, lang) })
}

// profileSpec is a region's chart for one metric and language.
func profileSpec(ds *model.Dataset, region, metric string, lang i18n.Lang) (chart.Spec, bool) {
	key := "p/" + region + "/" + metric + "/" + string(lang)
	return cachedSpec(key, func() (chart.Spec, bool) { return chart.Profile(ds, region, metric, lang) })
}
