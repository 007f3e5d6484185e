package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gztargets/app/model"
)

// FuzzExtract feeds arbitrary text to the extractor. It must not fail or
// panic, and every figure must hold what a draft promises: a quote that is
// part of the text, a known metric with its unit, a known kind, qualifier
// and period, a finite value, and JSON that encodes. The seed corpus is
// the golden inputs plus the cases in testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Extract(strings.NewReader(text), Options{Published: "2024-02-19"})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		for _, fig := range d.Figures {
			checkFigure(t, text, fig)
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatalf("the draft does not encode: %v", err)
		}
	})
}

// checkFigure checks one drafted figure's invariants.
func checkFigure(t *testing.T, text string, f Figure) {
	t.Helper()
	if f.Quote == "" || !strings.Contains(text, f.Quote) {
		t.Errorf("quote %q is not in the text", f.Quote)
	}
	if unit := metricUnit(f.Metric); unit == "" || unit != f.Unit {
		t.Errorf("metric %q with unit %q", f.Metric, f.Unit)
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		t.Errorf("value %v", f.Value)
	}
	if !oneOf(f.Kind, model.KindTarget, model.KindActual) || !oneOf(f.Qualifier, model.QualExact, model.QualAtLeast, model.QualAbove, model.QualAbout) || !oneOf(f.Period, model.PeriodYear, model.PeriodH1) {
		t.Errorf("kind %q, qualifier %q, period %q", f.Kind, f.Qualifier, f.Period)
	}
	if (f.Kind == model.KindTarget) != (f.Stage != "") || (f.Provisional && f.Kind != model.KindActual) {
		t.Errorf("kind %q with stage %q and provisional %v", f.Kind, f.Stage, f.Provisional)
	}
}

// metricUnit returns the unit of a metric id, or "" for an unknown id.
func metricUnit(id string) string {
	for _, units := range metricIDs {
		for unit, m := range units {
			if m == id {
				return unit
			}
		}
	}
	return ""
}

// oneOf reports whether s is one of the choices.
func oneOf(s string, choices ...string) bool {
	for _, c := range choices {
		if s == c {
			return true
		}
	}
	return false
}
