package words

import (
	"unicode"

	"gztargets/app/i18n"
	"gztargets/app/model"
)

// Outcome says a verdict in a few words, with a sign that does not rely on
// colour: "✓ met", "≈ about met", "✗ missed", and "stretch goal reached"
// where it was.
func (w Words) Outcome(v model.Verdict) string {
	key := i18n.Key("verdict." + v.Outcome)
	if v.Outcome == model.OutcomeEstimate && v.Estimate != nil && v.Estimate.Period == model.PeriodH1 {
		key = "verdict.firstHalf"
	}
	s := w.T(key)
	if v.StretchMet {
		s += w.ListSep() + w.T("verdict.stretch")
	}
	return s
}

// Rule is the verdict rule, shown next to every verdict.
func (w Words) Rule() string { return w.T("verdict.rule") }

// Judgement is one target against the result in a sentence: "result 5.2%
// against plan target at least 5.5%: ✗ missed".
func (w Words) Judgement(v model.Verdict) string {
	target := w.T("verdict.target", w.Kind(v.Target), w.Value(v.Target))
	switch {
	case v.Result != nil:
		return w.T("verdict.against", w.Value(*v.Result), target, w.Outcome(v))
	case v.Estimate != nil:
		return w.T("verdict.againstEstimate", w.Describe(*v.Estimate), target, w.Outcome(v))
	}
	return w.T("verdict.alone", target, w.Outcome(v))
}

// Headline counts the districts' verdicts for a metric and year, by their
// primary target (the plan where there is one), and says the city's:
// "2 of 7 districts with both a target and a result met their 2024 GDP
// growth target, 1 about met it and 4 missed it. The city: 2.1% against at
// least 5% (✗ missed)."
func (w Words) Headline(metric model.Metric, year int, all []model.RegionVerdicts) string {
	var met, about, missed int
	var city, onlyName, onlyOutcome string
	for _, rv := range all {
		v, ok := rv.Primary()
		if !ok || !v.Judged() {
			continue
		}
		if rv.Region.Group != model.GroupDistrict {
			if rv.Region.Group == model.GroupCity {
				city = w.T("verdict.city", w.Value(*v.Result), w.Value(v.Target), w.Outcome(v))
			}
			continue
		}
		onlyName, onlyOutcome = rv.Region.Name.In(string(w.Lang)), w.Outcome(v)
		switch v.Outcome {
		case model.OutcomeMet:
			met++
		case model.OutcomeAboutMet:
			about++
		default:
			missed++
		}
	}
	name := inSentence(metric.Name.In(string(w.Lang)))
	total := met + about + missed
	var s string
	switch total {
	case 0:
		s = w.T("verdict.headlineNone", year, name)
	case 1:
		s = w.T("verdict.headlineOne", year, name, onlyName, onlyOutcome)
	default:
		s = w.T("verdict.headline", met, total, year, name, about, missed)
	}
	if city != "" {
		s += w.Space() + city
	}
	return s
}

// inSentence lowers a name's first letter for the middle of a sentence,
// unless the name starts with an acronym (GDP): "Retail sales growth"
// becomes "retail sales growth", "GDP growth" stays.
func inSentence(name string) string {
	r := []rune(name)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return name
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
