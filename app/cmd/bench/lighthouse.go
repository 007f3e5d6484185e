package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"

	"gztargets/app/chromium"
)

// lighthouseAttempts is how often Lighthouse runs before the bench gives
// up: it sometimes fails to record its trace (NO_NAVSTART), and passes
// when run again.
const lighthouseAttempts = 3

// categoryBudget is the least score GUIDE §7 accepts for a category.
type categoryBudget struct {
	id    string
	least float64
}

// categoryBudgets are the least scores GUIDE §7 accepts, in Lighthouse's
// order. Lighthouse 13 checks no score against a budget itself, and
// Lighthouse CI, which does, would bring a Lighthouse of its own.
var categoryBudgets = []categoryBudget{{"performance", 0.90}, {"accessibility", 1}, {"best-practices", 1}, {"seo", 1}}

// lighthouseMetrics are the metric audits the report shows.
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

// measureLighthouse runs Lighthouse's default (mobile) audit of the
// explorer's home page with Debian's Chromium, keeps its HTML report
// beside the bench's, and reports the scores and metrics of its JSON one.
func measureLighthouse(e *env, r *report, cmd string) error {
	base, err := e.explorer()
	if err != nil {
		return err
	}
	out := filepath.Join(filepath.Dir(e.cfg.out), "lighthouse")
	args := []string{e.cfg.lighthouse, base + "/", "--output=json", "--output=html", "--output-path=" + out, "--quiet", "--chrome-flags=" + chromium.FlagLine()}
	r.commands("CHROME_PATH="+e.cfg.chromium+" "+shellJoin(args), cmd+"    # runs it (again if its trace fails) and reads the JSON")
	var res lighthouseResult
	for attempt := 1; ; attempt++ {
		os.Remove(out + ".report.json")
		lh := exec.Command(args[0], args[1:]...)
		lh.Env = append(os.Environ(), "CHROME_PATH="+e.cfg.chromium)
		_, err := runCommand(lh)
		if b, readErr := os.ReadFile(out + ".report.json"); readErr == nil {
			err = json.Unmarshal(b, &res)
		}
		if err == nil && res.RuntimeError != nil && res.RuntimeError.Code != "" {
			err = fmt.Errorf("lighthouse: %s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
		}
		if err == nil {
			r.para("Lighthouse %s on Node.js %s; attempt %d of at most %d; load average before: %s. Its own report, with every audit: %s.report.html.",
				res.LighthouseVersion, firstLine("node", "--version"), attempt, lighthouseAttempts, loadAverage(), out)
			break
		}
		if attempt == lighthouseAttempts {
			return fmt.Errorf("%d attempts failed; the last: %w", attempt, err)
		}
		fmt.Fprintf(os.Stderr, "bench: lighthouse attempt %d failed: %v\n", attempt, err)
	}
	var rows, metrics [][]string
	for _, b := range categoryBudgets {
		score := res.Categories[b.id].Score
		within := score != nil && *score >= b.least
		rows = append(rows, []string{b.id, scoreText(score), fmt.Sprintf("≥ %.2f", b.least), verdict(within)})
		r.budget("Lighthouse "+b.id, scoreText(score), fmt.Sprintf("≥ %.2f", b.least), within)
	}
	for id, c := range res.Categories { // those GUIDE §7 sets no budget for, such as newer ones
		if !slices.ContainsFunc(categoryBudgets, func(b categoryBudget) bool { return b.id == id }) {
			rows = append(rows, []string{id, scoreText(c.Score), "", ""})
		}
	}
	r.table([]string{"category", "score", "budget", "verdict"}, rows)
	for _, m := range lighthouseMetrics {
		metrics = append(metrics, []string{m[1], res.Audits[m[0]].DisplayValue, scoreText(res.Audits[m[0]].Score)})
	}
	r.table([]string{"metric (simulated mobile)", "value", "score"}, metrics)
	return nil
}

// scoreText formats a score, which Lighthouse leaves null when it could
// not compute it.
func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *s)
}
