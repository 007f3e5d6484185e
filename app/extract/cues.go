package extract

import (
	"regexp"
	"sort"
)

// cues are the places where a set of words occurs in the text, each with
// a weight, found once so that any stretch of text can be weighed by
// position without reading it again.
type cues struct {
	starts []int
	// sums[i] is the total weight of the first i cues.
	sums []int
}

// weighted is a pattern and the weight of each of its matches.
type weighted struct {
	re     *regexp.Regexp
	weight int
}

// findCues finds every match of the patterns in text.
func findCues(text string, patterns ...weighted) cues {
	type hit struct{ start, weight int }
	var hits []hit
	for _, p := range patterns {
		for _, m := range p.re.FindAllStringIndex(text, -1) {
			hits = append(hits, hit{m[0], p.weight})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	c := cues{sums: []int{0}}
	for _, h := range hits {
		c.starts = append(c.starts, h.start)
		c.sums = append(c.sums, c.sums[len(c.sums)-1]+h.weight)
	}
	return c
}

// between returns the range of cues that start inside s.
func (c cues) between(s span) (int, int) {
	i := sort.SearchInts(c.starts, s.start)
	j := sort.SearchInts(c.starts, s.end)
	return i, max(i, j)
}

// sum weighs the cues that start inside s.
func (c cues) sum(s span) int {
	i, j := c.between(s)
	return c.sums[j] - c.sums[i]
}

// any reports whether a cue starts inside s.
func (c cues) any(s span) bool {
	i, j := c.between(s)
	return j > i
}
