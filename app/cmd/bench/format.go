package main

import (
	"fmt"
	"math"
	"slices"

	"golang.org/x/perf/benchmath"
)

// thousands formats a count with thousands separators: 1,587,789.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// megabytes formats a size in MB of 10⁶ bytes.
func megabytes(n int64) string { return fmt.Sprintf("%.3f MB", float64(n)/1e6) }

// percent is part as a percentage of whole.
func percent(part, whole int64) string {
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}

// ms formats milliseconds.
func ms(v float64) string {
	if v < 10 {
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// spread is the range of the values, in ms.
func spread(xs []float64) string { return fmt.Sprintf("%.0f–%.0f", slices.Min(xs), slices.Max(xs)) }

// median is the median, as benchstat takes it.
func median(xs []float64) float64 {
	s := benchmath.NewSample(slices.Clone(xs), &benchmath.DefaultThresholds)
	return benchmath.AssumeNothing.Summary(s, 0.95).Center
}

// percentile is the nearest-rank percentile.
func percentile(xs []float64, p float64) float64 {
	return slices.Sorted(slices.Values(xs))[max(int(math.Ceil(p/100*float64(len(xs)))), 1)-1]
}
