package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"

	"gztargets/app/chromium"
)

// lighthouseCLI is where `make bench` installs Lighthouse from npm.
const lighthouseCLI = "build/lighthouse/node_modules/.bin/lighthouse"

// leastScores are GUIDE §7's least scores of Lighthouse's categories:
// Lighthouse 13 has no budgets, and Lighthouse CI brings its own version.
var leastScores = map[string]float64{"performance": 0.95, "accessibility": 1, "best-practices": 1, "seo": 1}

// lighthouseMetrics are the metric audits the report shows, and their names.
var lighthouseMetrics = [][2]string{{"largest-contentful-paint", "LCP"}, {"cumulative-layout-shift", "CLS"},
	{"total-blocking-time", "TBT"}, {"first-contentful-paint", "FCP"}, {"speed-index", "Speed Index"}}

// lighthouseResult is the part of Lighthouse's JSON report the bench reads.
type lighthouseResult struct {
	LighthouseVersion string
	RuntimeError      *struct{ Code, Message string }
	Categories        map[string]struct{ Score *float64 }
	Audits            map[string]struct {
		DisplayValue string
		Score        *float64
	}
}

// measureLighthouse runs Lighthouse's mobile audit of the home page with
// Debian's Chromium and reports its JSON report's scores and metrics. It
// gets three attempts: it sometimes fails to record its trace
// (NO_NAVSTART), and passes when run again.
func measureLighthouse(e *env, r *report, cmd string) error {
	out := e.file("lighthouse")
	lighthouse := fmt.Sprintf("CHROME_PATH=%s %s %s/ --output=json --output=html --output-path=%s --quiet '--chrome-flags=%s'",
		chromium.Path, lighthouseCLI, e.url, out, chromium.FlagLine())
	r.commands(lighthouse, cmd+"    # runs it (again if its trace fails) and reads the JSON")
	var res lighthouseResult
	for attempt := 1; ; attempt++ {
		os.Remove(out + ".report.json")
		_, err := sh(lighthouse)
		if b, readErr := os.ReadFile(out + ".report.json"); readErr == nil {
			err = json.Unmarshal(b, &res)
		}
		if err == nil && res.RuntimeError != nil && res.RuntimeError.Code != "" {
			err = fmt.Errorf("lighthouse: %s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
		}
		if err == nil {
			r.para("Lighthouse %s on Node.js %s; attempt %d of at most 3; load average before: %s. Its own report, with every audit: %s.report.html.",
				res.LighthouseVersion, firstLine("node --version"), attempt, loadAverage(), out)
			break
		}
		if attempt == 3 {
			return fmt.Errorf("%d attempts failed; the last: %w", attempt, err)
		}
		fmt.Fprintf(os.Stderr, "bench: lighthouse attempt %d failed: %v\n", attempt, err)
	}
	var rows, metrics [][]string
	for _, id := range slices.Sorted(maps.Keys(res.Categories)) {
		s, row := res.Categories[id].Score, []string{id, scoreText(res.Categories[id].Score), "", ""}
		if least, ok := leastScores[id]; ok { // those GUIDE §7 sets a budget for
			row[2] = fmt.Sprintf("≥ %.2f", least)
			row[3] = r.budget("Lighthouse "+id, row[1], row[2], s != nil && *s >= least)
		}
		rows = append(rows, row)
	}
	r.table([]string{"category", "score", "budget", "verdict"}, rows)
	for _, m := range lighthouseMetrics {
		metrics = append(metrics, []string{m[1], res.Audits[m[0]].DisplayValue, scoreText(res.Audits[m[0]].Score)})
	}
	r.table([]string{"metric (simulated mobile)", "value", "score"}, metrics)
	return nil
}

// scoreText formats a score, null when Lighthouse could not compute it.
func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *s)
}
