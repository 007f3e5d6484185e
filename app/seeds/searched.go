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

// validateSearched checks each entry of the searched-and-not-found list:
// known ids, a stage for targets only, the phrasings tried, and no metric
// that a record now states (a later find makes the entry stale).
func (s *Set) validateSearched() error {
	c := &checker{file: SearchedFile, cat: s.Catalog}
	found := s.foundSlots()
	for i, e := range s.Searched {
		n := i + 1
		if _, ok := c.region(e.Region); !ok {
			c.fail(n, "region", "unknown region %q", e.Region)
		}
		if e.Year < 1990 || e.Year > 2100 {
			c.fail(n, "year", "%d is out of range", e.Year)
		}
		c.stage(n, Figure{Kind: e.Kind, Stage: e.Stage})
		if !model.ValidKind(e.Kind) {
			c.fail(n, "kind", "%q is not target or actual", e.Kind)
		}
		if len(e.Metrics) == 0 {
			c.fail(n, "metrics", "names no metric")
		}
		if len(e.Queries) == 0 {
			c.fail(n, "queries", "lists no phrasing tried")
		}
		for _, m := range e.Metrics {
			if _, ok := c.metric(m); !ok {
				c.fail(n, "metrics", "unknown metric %q", m)
			} else if found[searchSlot{e.Region, e.Year, m, e.Kind, e.Stage}] {
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
