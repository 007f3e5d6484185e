package extract

import "fmt"

// mergeFigures drops repeats of a figure (a headline and the body saying
// the same) and marks figures whose value another clause contradicts.
func mergeFigures(figs []Figure) []Figure {
	var out []Figure
	seen := map[string][]int{}
	for _, f := range figs {
		key := figureKey(f)
		if repeated(out, seen[key], f) {
			continue
		}
		for _, i := range seen[key] {
			markConflict(&out[i], f)
			markConflict(&f, out[i])
		}
		seen[key] = append(seen[key], len(out))
		out = append(out, f)
	}
	return out
}

// figureKey identifies what a figure is about, apart from its value.
func figureKey(f Figure) string {
	return fmt.Sprintf("%s|%d|%s|%s|%s|%s", f.Region, f.Year, f.Metric, f.Kind, f.Stage, f.Period)
}

// repeated reports whether one of the figures at idx states f's value.
func repeated(out []Figure, idx []int, f Figure) bool {
	for _, i := range idx {
		if out[i].Value == f.Value {
			return true
		}
	}
	return false
}

// markConflict notes on f that other gives another value.
func markConflict(f *Figure, other Figure) {
	f.markUncertain(fieldValue)
	f.Note = joinNote(f.Note, fmt.Sprintf("Another clause gives %v: %q.", other.Value, other.Quote))
}
