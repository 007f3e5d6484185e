package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// The server's abuse scenarios and the extraction assistant's accuracy are
// measured by their packages' own benchmarks and tests (bounded, on
// loopback); the report quotes the figures they print.
const (
	abuseBenchmarks = "HugeURLs|CachedPageDuringFlood|ShutdownUnderLoad|EmbedPage|Load"
	extractTest     = "TestMeasuredOnSourceArticles"
)

// measureAbuse reports the server under abuse: peak memory through unique
// huge URLs, a cached page's p99 during a cache-busting flood, requests per
// second, and the shutdown under load.
func measureAbuse(e *env, r *report, cmd string) error {
	args := []string{"test", "-run", "^$", "-bench", abuseBenchmarks, "-benchtime", "1x", "./app/server"}
	return quoteGo(e, r, args, func(line string) bool { return strings.HasPrefix(line, "Benchmark") })
}

// measureExtract reports the extraction assistant's recall and precision
// of macro figures on the five source articles.
func measureExtract(e *env, r *report, cmd string) error {
	args := []string{"test", "-count=1", "-run", extractTest, "-v", "./app/extract"}
	return quoteGo(e, r, args, func(line string) bool { return strings.Contains(line, "recall") })
}

// quoteGo runs the go command and quotes the lines of its output that keep
// selects, with the command that printed them.
func quoteGo(e *env, r *report, args []string, keep func(string) bool) error {
	out, err := exec.Command(e.cfg.goCmd, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", e.cfg.goCmd, strings.Join(args, " "), err, out)
	}
	r.commands(e.cfg.goCmd + " " + strings.Join(args, " "))
	var kept []string
	for _, line := range bytes.Split(out, []byte("\n")) {
		if s := strings.TrimSpace(string(line)); keep(s) {
			kept = append(kept, s)
		}
	}
	r.printf("```\n%s\n```\n\n", strings.Join(kept, "\n"))
	return nil
}
