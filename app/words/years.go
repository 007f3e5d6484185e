package words

import (
	"strings"

	"gztargets/app/i18n"
)

// YearsCovered says which years the data has figures for, as runs of
// consecutive years: "2022 to 2027", "2022 to 2024, 2026"; 2022年至2024年、
// 2026年. It is "" for a dataset without figures.
func (w Words) YearsCovered() string {
	years := w.Data.Years("")
	var runs []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		run := w.T("heading.year", years[i])
		if j > i {
			run = w.T("years.run", years[i], years[j])
		}
		runs = append(runs, run)
		i = j + 1
	}
	sep := ", "
	if w.Lang == i18n.ZH {
		sep = "、"
	}
	return strings.Join(runs, sep)
}

// YearNotCovered answers a reader who asked for a year the data has no
// figures for (asked, as the address gives it): what the data covers, and
// the year shown instead (0 for every year). It says what we know rather
// than call the request wrong: the year may simply not be in our sources
// yet.
func (w Words) YearNotCovered(asked string, shown int) string {
	instead := w.T("years.every")
	if shown != 0 {
		instead = w.T("heading.year", shown)
	}
	return w.T("notice.yearNotCovered", w.YearsCovered(), asked, instead)
}
