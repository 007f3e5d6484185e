package model

import (
	"errors"
	"fmt"
	"math"
)

// Validate checks that every record refers to known regions, metrics, units
// and sources, and that its fields are in range. It reports every problem it
// finds, each naming the record and the field.
func (ds *Dataset) Validate() error {
	if ds.Schema != SchemaVersion {
		return fmt.Errorf("dataset: schema %d, want %d", ds.Schema, SchemaVersion)
	}
	known := ds.vocabulary()
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	for _, m := range ds.Metrics {
		if !known.units[m.Unit] {
			add("dataset: metric %q: unknown unit %q", m.ID, m.Unit)
		}
	}
	ids := map[string]bool{}
	for i, r := range ds.Records {
		where := fmt.Sprintf("dataset: record %d (%s)", i, r.ID)
		if ids[r.ID] {
			add("%s: duplicate id", where)
		}
		ids[r.ID] = true
		errs = append(errs, validateRecord(where, r, known)...)
	}
	return errors.Join(errs...)
}

// vocabulary is the set of ids a record may use.
type vocabulary struct {
	units, regions, metrics, sources map[string]bool
	metricUnit                       map[string]string
}

func (ds *Dataset) vocabulary() vocabulary {
	v := vocabulary{
		units: map[string]bool{}, regions: map[string]bool{},
		metrics: map[string]bool{}, sources: map[string]bool{},
		metricUnit: map[string]string{},
	}
	for _, u := range ds.Units {
		v.units[u.ID] = true
	}
	for _, r := range ds.Regions {
		v.regions[r.ID] = true
	}
	for _, m := range ds.Metrics {
		v.metrics[m.ID] = true
		v.metricUnit[m.ID] = m.Unit
	}
	for _, s := range ds.Sources {
		v.sources[s.ID] = true
	}
	return v
}

func validateRecord(where string, r Record, known vocabulary) []error {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(where+": "+format, args...))
	}
	if !known.regions[r.Region] {
		add("unknown region %q", r.Region)
	}
	if !known.metrics[r.Metric] {
		add("unknown metric %q", r.Metric)
	} else if known.metricUnit[r.Metric] != r.Unit {
		add("unit %q does not fit metric %q (want %q)", r.Unit, r.Metric, known.metricUnit[r.Metric])
	}
	if !ValidKind(r.Kind) {
		add("unknown kind %q", r.Kind)
	}
	if !ValidQualifier(r.Qualifier) {
		add("unknown qualifier %q", r.Qualifier)
	}
	if r.Kind == KindTarget && !ValidStage(r.Stage) {
		add("target with unknown stage %q", r.Stage)
	}
	if r.Kind == KindActual && r.Stage != "" {
		add("actual with a stage %q", r.Stage)
	}
	if (r.Qualifier == QualRange) != (r.Upper != nil) {
		add("a range needs an upper bound, and only a range has one")
	}
	if r.Kind == KindTarget && r.Provisional {
		add("provisional target")
	}
	if !ValidPeriod(r.Period) {
		add("unknown period %q", r.Period)
	}
	if r.Year < 1990 || r.Year > 2100 {
		add("year %d out of range", r.Year)
	}
	if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
		add("value is not a number")
	}
	if len(r.Sources) == 0 {
		add("no sources")
	}
	for j, c := range r.Sources {
		if !known.sources[c.Source] {
			add("source %d: unknown source %q", j, c.Source)
		}
		if c.Quote == "" {
			add("source %d: missing quote", j)
		}
	}
	return errs
}

// ValidKind reports whether k is a known kind of figure.
func ValidKind(k string) bool { return k == KindTarget || k == KindActual }

// ValidQualifier reports whether q is a known qualifier.
func ValidQualifier(q string) bool {
	switch q {
	case QualExact, QualAtLeast, QualAbove, QualAbout, QualRange:
		return true
	}
	return false
}

// ValidStage reports whether s is a known stage of a target.
func ValidStage(s string) bool {
	return s == StagePledge || s == StagePlan || s == StageUnknown
}

// ValidGroup reports whether g is a known group of regions.
func ValidGroup(g string) bool {
	switch g {
	case GroupDistrict, GroupCity, GroupNeighbour, GroupProvince, GroupNation:
		return true
	}
	return false
}

// ValidPeriod reports whether p is a known period.
func ValidPeriod(p string) bool { return p == PeriodYear || p == PeriodH1 }
