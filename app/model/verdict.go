package model

import (
	"math"
	"strconv"
)

// Outcomes of a verdict: how a target fared against the result.
const (
	// OutcomeMet: the result reached the target.
	OutcomeMet = "met"
	// OutcomeAboutMet: an "about" target missed by a hair (AboutRate or
	// AboutShare below it).
	OutcomeAboutMet = "about_met"
	// OutcomeMissed: the result fell short.
	OutcomeMissed = "missed"
	// OutcomeEstimate: only an estimate or a first-half result is known,
	// which gets no verdict.
	OutcomeEstimate = "estimate"
	// OutcomePending: no region's final result for the year is out yet.
	OutcomePending = "pending"
	// OutcomeNoResult: other regions' results are out, this one's is not
	// in our sources.
	OutcomeNoResult = "no_result"
)

// The margins of an "about" target (左右): a result this far below still
// counts as about met. Rates are in percentage points; amounts are a share
// of the target.
const (
	AboutRate  = 0.5
	AboutShare = 0.02
)

// Verdict is one target judged against the region's result for the same
// metric and year.
type Verdict struct {
	Target Record
	// Result is the final full-year result, or nil.
	Result *Record
	// Estimate is an estimate or a first-half result, shown when there is
	// no final result; it gets no verdict.
	Estimate *Record
	Outcome  string
	// StretchMet says the result also reached the stretch goal (力争).
	StretchMet bool
}

// Judged reports whether the verdict compares a target with a result.
func (v Verdict) Judged() bool {
	return v.Outcome == OutcomeMet || v.Outcome == OutcomeAboutMet || v.Outcome == OutcomeMissed
}

// Gap is the result minus the target's value (its lower bound for a range),
// in the metric's unit; it is 0 when the verdict is not judged.
func (v Verdict) Gap() float64 {
	if !v.Judged() {
		return 0
	}
	return v.Result.Value - v.Target.Value
}

// Judge compares a target with a final full-year result by the rule the
// explorer states next to every verdict: met when the result reaches the
// target (exceeds it, for "more than"); an "about" target missed by at
// most AboutRate points (AboutShare of an amount) is about met; otherwise
// missed. It also says whether a stretch goal was reached.
func Judge(target, result Record) (outcome string, stretchMet bool) {
	reached := atLeast(result.Value, target.Value)
	if target.Qualifier == QualAbove {
		reached = result.Value > target.Value && !SameValue(result.Value, target.Value)
	}
	if target.Stretch != nil {
		stretchMet = atLeast(result.Value, *target.Stretch)
	}
	switch {
	case reached:
		return OutcomeMet, stretchMet
	case target.Qualifier == QualAbout && atLeast(result.Value, target.Value-aboutMargin(target)):
		return OutcomeAboutMet, stretchMet
	}
	return OutcomeMissed, stretchMet
}

// aboutMargin is how far below an "about" target still counts as about met.
func aboutMargin(target Record) float64 {
	if target.Unit == "pct" {
		return AboutRate
	}
	return math.Abs(target.Value) * AboutShare
}

func atLeast(a, b float64) bool { return a > b || SameValue(a, b) }

// SameValue compares values with a tolerance for decimal rounding, so that
// a sum such as 0.1+0.2 equals 0.3.
func SameValue(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// RegionVerdicts is one region's targets for a metric and year, each
// judged, with the result they were judged against.
type RegionVerdicts struct {
	Region   Region
	Verdicts []Verdict // plan first, then pledge, then unknown stage
	Result   *Record
	Estimate *Record
}

// Primary is the verdict a summary counts: the plan's where there is one.
func (rv RegionVerdicts) Primary() (Verdict, bool) {
	if len(rv.Verdicts) == 0 {
		return Verdict{}, false
	}
	return rv.Verdicts[0], true
}

// Verdicts judges every region's targets for a metric and year, in catalog
// order, including regions with a result but no target (Verdicts empty)
// and leaving out regions with neither.
func (ds *Dataset) Verdicts(metric string, year int) []RegionVerdicts {
	var out []RegionVerdicts
	resultsOut := ds.ResultsOut(metric, year)
	for _, reg := range ds.Regions {
		rv := ds.regionVerdicts(reg, metric, year, resultsOut)
		if len(rv.Verdicts) > 0 || rv.Result != nil || rv.Estimate != nil {
			out = append(out, rv)
		}
	}
	return out
}

// regionVerdicts judges one region's targets for a metric and year.
func (ds *Dataset) regionVerdicts(reg Region, metric string, year int, resultsOut bool) RegionVerdicts {
	rv := RegionVerdicts{Region: reg}
	var targets []Record
	for _, i := range ds.index.byRegion[reg.ID] {
		r := &ds.Records[i]
		if r.Metric != metric || r.Year != year {
			continue
		}
		switch {
		case r.Kind == KindTarget && r.Period == PeriodYear:
			targets = append(targets, *r)
		case r.Kind == KindActual && r.Period == PeriodYear && !r.Provisional:
			rv.Result = r
		case r.Kind == KindActual && (rv.Estimate == nil || preference(r) < preference(rv.Estimate)):
			rv.Estimate = r
		}
	}
	if rv.Result != nil {
		rv.Estimate = nil
	}
	sortByStage(targets)
	for _, t := range targets {
		rv.Verdicts = append(rv.Verdicts, verdictOf(t, rv.Result, rv.Estimate, resultsOut))
	}
	return rv
}

// verdictOf judges one target.
func verdictOf(t Record, result, estimate *Record, resultsOut bool) Verdict {
	v := Verdict{Target: t, Result: result, Estimate: estimate}
	switch {
	case result != nil:
		v.Outcome, v.StretchMet = Judge(t, *result)
	case estimate != nil:
		v.Outcome = OutcomeEstimate
	case resultsOut:
		v.Outcome = OutcomeNoResult
	default:
		v.Outcome = OutcomePending
	}
	return v
}

func sortByStage(recs []Record) {
	for i := 1; i < len(recs); i++ {
		for j := i; j > 0 && stageRank[recs[j].Stage] < stageRank[recs[j-1].Stage]; j-- {
			recs[j], recs[j-1] = recs[j-1], recs[j]
		}
	}
}

// ResultsOut reports whether a target without a result lacks it in our
// sources rather than because it is not out yet: the year had ended when
// the data was last updated (a year's results come out early the next
// year, and the site cannot tell a late one from one it has not found),
// or some region's final full-year result for the metric and year is in
// the data. Until then, a target's verdict is pending.
func (ds *Dataset) ResultsOut(metric string, year int) bool {
	if updated := ds.Updated(); len(updated) >= 4 && updated[:4] > strconv.Itoa(year) {
		return true
	}
	for _, i := range ds.index.byMetric[metric] {
		r := &ds.Records[i]
		if r.Year == year && r.Kind == KindActual && r.Period == PeriodYear && !r.Provisional {
			return true
		}
	}
	return false
}

// LatestResultYear is the latest year with a final full-year result for the
// metric from a district, or 0: the year the explorer opens on, which moves
// forward as results are added.
func (ds *Dataset) LatestResultYear(metric string) int {
	latest := 0
	for _, i := range ds.index.byMetric[metric] {
		r := &ds.Records[i]
		reg, _ := ds.Region(r.Region)
		if reg.Group == GroupDistrict && r.Kind == KindActual && r.Period == PeriodYear && !r.Provisional && r.Year > latest {
			latest = r.Year
		}
	}
	return latest
}

// Updated is the day the data was last updated, as YYYY-MM-DD: the latest
// day one of its sources was published or retrieved; "" without sources.
func (ds *Dataset) Updated() string {
	updated := ""
	for _, s := range ds.Sources {
		updated = max(updated, s.Retrieved, s.Published)
	}
	return updated
}
