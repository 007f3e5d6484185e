package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"

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

// categoryBudgets are GUIDE §7's budgets, in Lighthouse's order.
var categoryBudgets = []categoryBudget{{"performance", 0.90}, {"accessibility", 1}, {"best-practices", 1}, {"seo", 1}}

// lighthouseMetrics are the metric audits the report shows.
var lighthouseMetrics = []struct{ id, name string }{
	{"largest-contentful-paint", "LCP"},
	{"cumulative-layout-shift", "CLS"},
	{"total-blocking-time", "TBT"},
	{"first-contentful-paint", "FCP"},
	{"speed-index", "Speed Index"},
}

// lighthouseResult is the part of Lighthouse's JSON the report reads.
type lighthouseResult struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	RuntimeError      *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Title     string   `json:"title"`
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID string `json:"id"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title            string   `json:"title"`
		Score            *float64 `json:"score"`
		ScoreDisplayMode string   `json:"scoreDisplayMode"`
		DisplayValue     string   `json:"displayValue"`
	} `json:"audits"`
}

// measureLighthouse runs Lighthouse's default (mobile) audit of the
// explorer's home page with Debian's Chromium.
func measureLighthouse(e *env, r *report, cmd string) error {
	if _, err := os.Stat(e.cfg.lighthouse); err != nil {
		return fmt.Errorf("%s is missing: `make bench` installs it with npm", e.cfg.lighthouse)
	}
	base, err := e.explorer()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "bench-lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "lighthouse.json")
	args := []string{base + "/", "--output=json", "--output-path=" + out, "--quiet", "--chrome-flags=" + chromium.FlagLine()}
	r.commands(
		e.cfg.bin+" -addr 127.0.0.1:0 -web "+e.cfg.web+"    # the explorer, at "+base,
		"CHROME_PATH="+e.cfg.chromium+" "+shellJoin(append([]string{e.cfg.lighthouse}, args...)),
		cmd+"    # runs it (again if its trace fails) and reads the JSON",
	)
	res, attempts, err := runLighthouse(e, args, out)
	if err != nil {
		return err
	}
	r.para("Lighthouse %s, which declares Node.js %s, ran on Node.js %s; attempt %d of at most %d; load average before: %s.",
		res.LighthouseVersion, lighthouseEngine(e.cfg.lighthouse), toolVersion("node"),
		attempts, lighthouseAttempts, loadAverage())
	writeLighthouse(r, res)
	return nil
}

// runLighthouse runs Lighthouse until it produces a result without a
// runtime error, at most lighthouseAttempts times.
func runLighthouse(e *env, args []string, out string) (*lighthouseResult, int, error) {
	var failure error
	for attempt := 1; attempt <= lighthouseAttempts; attempt++ {
		os.Remove(out)
		c := exec.Command(e.cfg.lighthouse, args...)
		c.Env = append(os.Environ(), "CHROME_PATH="+e.cfg.chromium)
		_, runErr := runCommand(c)
		res, err := readLighthouse(out)
		switch {
		case err != nil:
			failure = errors.Join(runErr, err)
		case res.RuntimeError != nil && res.RuntimeError.Code != "":
			failure = fmt.Errorf("lighthouse: %s: %s", res.RuntimeError.Code, res.RuntimeError.Message)
		default:
			return res, attempt, nil
		}
		fmt.Fprintf(os.Stderr, "bench: lighthouse attempt %d failed: %v\n", attempt, failure)
	}
	return nil, lighthouseAttempts, fmt.Errorf("%d attempts failed; the last: %w", lighthouseAttempts, failure)
}

// readLighthouse reads Lighthouse's JSON report.
func readLighthouse(path string) (*lighthouseResult, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lighthouse wrote no report: %w", err)
	}
	var res lighthouseResult
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &res, nil
}

// lighthouseEngine is the Node.js version the installed Lighthouse
// declares it needs.
func lighthouseEngine(bin string) string {
	pkg := filepath.Join(filepath.Dir(bin), "..", "lighthouse", "package.json")
	var p struct {
		Engines struct {
			Node string `json:"node"`
		} `json:"engines"`
	}
	b, err := os.ReadFile(pkg)
	if err != nil || json.Unmarshal(b, &p) != nil || p.Engines.Node == "" {
		return "an unknown version"
	}
	return p.Engines.Node
}

// writeLighthouse reports the category scores against their budgets, the
// metrics, and for each category under budget the audits that cost it.
func writeLighthouse(r *report, res *lighthouseResult) {
	var rows [][]string
	var under []string
	for _, b := range categoryBudgets {
		c, ok := res.Categories[b.id]
		score := scoreText(c.Score)
		within := ok && c.Score != nil && *c.Score >= b.least
		r.budget("Lighthouse "+b.id, score, fmt.Sprintf("≥ %.2f", b.least), within)
		rows = append(rows, []string{b.id, score, fmt.Sprintf("≥ %.2f", b.least), verdict(within)})
		if !within {
			under = append(under, b.id)
		}
	}
	for _, id := range unbudgeted(res) {
		rows = append(rows, []string{id, scoreText(res.Categories[id].Score), "", ""})
	}
	r.table([]string{"category", "score", "budget", "verdict"}, rows)
	var metrics [][]string
	for _, m := range lighthouseMetrics {
		a := res.Audits[m.id]
		metrics = append(metrics, []string{m.name, a.DisplayValue, scoreText(a.Score)})
	}
	r.table([]string{"metric (simulated mobile)", "value", "score"}, metrics)
	for _, id := range under {
		writeMissedAudits(r, res, id)
	}
}

// unbudgeted lists the categories GUIDE §7 sets no budget for, such as
// those a newer Lighthouse adds.
func unbudgeted(res *lighthouseResult) []string {
	var ids []string
	for id := range res.Categories {
		if !slices.ContainsFunc(categoryBudgets, func(b categoryBudget) bool { return b.id == id }) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// writeMissedAudits lists the scored audits of a category that did not
// pass, at most ten.
func writeMissedAudits(r *report, res *lighthouseResult, category string) {
	var rows [][]string
	for _, ref := range res.Categories[category].AuditRefs {
		a := res.Audits[ref.ID]
		if a.Score == nil || *a.Score >= 1 || a.ScoreDisplayMode == "informative" || a.ScoreDisplayMode == "manual" {
			continue
		}
		if len(rows) < 10 {
			rows = append(rows, []string{ref.ID, a.Title, a.DisplayValue, scoreText(a.Score)})
		}
	}
	if len(rows) == 0 {
		return
	}
	r.para("Audits of %s that did not pass:", category)
	r.table([]string{"audit", "title", "value", "score"}, rows)
}

// scoreText formats a score, which Lighthouse leaves null when it could
// not compute it.
func scoreText(s *float64) string {
	if s == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *s)
}
