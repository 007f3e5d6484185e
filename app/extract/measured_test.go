package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gztargets/app/seeds"
)

// repoRoot is the repository root, relative to this package's directory.
const repoRoot = "../.."

// Measured floors for macro figures (GDP, fixed-asset investment, retail,
// trade, industry: the catalog's "macro" metrics), per article and overall.
const (
	minRecall    = 0.90
	minPrecision = 0.80
)

// sourceTextDir is where the original articles live; the test fails
// when they are missing.
func sourceTextDir(t *testing.T) string {
	t.Helper()
	dir, err := seeds.TextDir(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// score counts matches between curated and drafted figures.
type score struct{ curated, drafted, found, right int }

// add sums another score into s.
func (s *score) add(o score) {
	s.curated += o.curated
	s.drafted += o.drafted
	s.found += o.found
	s.right += o.right
}

// recall is the share of curated figures the draft has.
func (s score) recall() float64 { return ratio(s.found, s.curated) }

// precision is the share of drafted figures the curated record has.
func (s score) precision() float64 { return ratio(s.right, s.drafted) }

// ratio is a/b, and 1 for 0/0: nothing to find, nothing missed.
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// matchKey identifies a figure for the measurement: region, year, metric,
// kind, period and value.
func matchKey(region string, year int, metric, kind, period string, value float64) string {
	return fmt.Sprintf("%s %d %s %s %s %g", region, year, metric, kind, period, value)
}

// TestMeasuredOnSourceArticles drafts each of the five source articles and
// compares the drafts' macro figures with the curated records in seeds/.
func TestMeasuredOnSourceArticles(t *testing.T) {
	dir := sourceTextDir(t)
	set, err := seeds.ReadDir(os.DirFS(filepath.Join(repoRoot, "seeds")), "seeds")
	if err != nil {
		t.Fatalf("reading seeds/: %v", err)
	}
	macro := map[string]bool{}
	for _, m := range set.Catalog.Metrics {
		macro[m.ID] = m.Macro
	}
	var total score
	for _, file := range set.Files() {
		rec := set.Records[file]
		if seeds.IsWebSource(rec.Source) {
			continue // web pages' texts are not stored
		}
		s := measureArticle(t, filepath.Join(dir, rec.Source), rec, macro)
		total.add(s)
	}
	if total.curated == 0 {
		t.Fatal("no curated macro figures were compared")
	}
	t.Logf("overall: recall %.0f%% (%d/%d), precision %.0f%% (%d/%d)",
		100*total.recall(), total.found, total.curated, 100*total.precision(), total.right, total.drafted)
	checkFloors(t, "overall", total)
}

// measureArticle drafts one article and scores it against its record.
func measureArticle(t *testing.T, path string, rec *seeds.Record, macro map[string]bool) score {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: cannot read its source text: %v", rec.Source, err)
	}
	draft, err := Extract(strings.NewReader(string(text)), Options{Published: rec.Published})
	if err != nil {
		t.Fatalf("%s: %v", rec.Source, err)
	}
	curated := map[string]bool{}
	for _, f := range rec.Figures {
		if macro[f.Metric] {
			curated[matchKey(f.Region, f.Year, f.Metric, f.Kind, f.Period, f.Value)] = true
		}
	}
	drafted := map[string]bool{}
	for _, f := range draft.Figures {
		if macro[f.Metric] {
			drafted[matchKey(f.Region, f.Year, f.Metric, f.Kind, f.Period, f.Value)] = true
		}
	}
	s := compare(curated, drafted)
	t.Logf("%s: recall %.0f%% (%d/%d), precision %.0f%% (%d/%d); missed %v; not curated %v",
		rec.Source, 100*s.recall(), s.found, s.curated, 100*s.precision(), s.right, s.drafted,
		difference(curated, drafted), difference(drafted, curated))
	checkFloors(t, rec.Source, s)
	return s
}

// compare scores a draft's keys against the curated keys.
func compare(curated, drafted map[string]bool) score {
	s := score{curated: len(curated), drafted: len(drafted)}
	for k := range curated {
		if drafted[k] {
			s.found++
		}
	}
	s.right = s.found
	return s
}

// difference lists the keys of a that b lacks, sorted.
func difference(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// checkFloors fails the test when a score is below the floors.
func checkFloors(t *testing.T, name string, s score) {
	t.Helper()
	if s.recall() < minRecall {
		t.Errorf("%s: recall %.0f%% is below %.0f%%", name, 100*s.recall(), 100*minRecall)
	}
	if s.precision() < minPrecision {
		t.Errorf("%s: precision %.0f%% is below %.0f%%", name, 100*s.precision(), 100*minPrecision)
	}
}
