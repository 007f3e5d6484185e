package seeds

import (
	"errors"
	"fmt"
	"io"

	"gztargets/app/model"
)

// ParseSearched decodes seeds/searched.json: the figures searched for and
// not found. name is the file's path, used in error messages.
func ParseSearched(name string, r io.Reader) ([]model.Search, error) {
	var list []model.Search
	if err := decodeStrict(r, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return list, nil
}

// validateSearched checks each entry of the searched-and-not-found list by
// the dataset's rules, and that no record now states a metric it names: a
// later find makes the entry stale.
func (s *Set) validateSearched(ds *model.Dataset) error {
	c := &checker{file: SearchedFile, ds: ds}
	found := s.foundSlots()
	for i, e := range s.Searched {
		n := i + 1
		c.report(n, ds.SearchProblems(e))
		for _, m := range e.Metrics {
			if found[searchSlot{e.Region, e.Year, m, e.Kind, e.Stage}] {
				c.fail(n, "metrics", "%s %d %s %s %s is stated by a source record; remove it from the list", e.Region, e.Year, m, e.Kind, e.Stage)
			}
		}
	}
	return errors.Join(c.errs...)
}

// searchSlot is what a searched-for entry names for one metric.
type searchSlot struct {
	region       string
	year         int
	metric, kind string
	stage        string
}

// foundSlots is every annual figure the records state, as search slots.
func (s *Set) foundSlots() map[searchSlot]bool {
	found := map[searchSlot]bool{}
	for _, rec := range s.Records {
		for _, f := range rec.Figures {
			if f.Period == model.PeriodYear {
				found[searchSlot{f.Region, f.Year, f.Metric, f.Kind, f.Stage}] = true
			}
		}
	}
	return found
}
