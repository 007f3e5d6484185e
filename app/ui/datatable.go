package ui

import (
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/words"
)

// chartDataTable is a chart's figures as a table: the equivalent of the
// chart for screen readers. Regions without a figure say what the project
// knows ("not found in our sources"). Its sources are plain text, which
// keeps the page light: the tables of the table view, profiles and sources
// link them.
func chartDataTable(s spec.Spec, ds *model.Dataset) *figureTable {
	w := words.New(ds, s.Lang)
	columns := []column{colRegion, colYear, colKind, colValue, colSourceText}
	rows := make([]figureRow, len(s.Rows))
	for i, r := range s.Rows {
		rows[i].Region, _ = ds.Region(r.Region)
		rows[i].Record, _ = ds.Record(r.Record)
		rows[i].Missing = w.NoFigure(r.Region, s.Metric, r.Year)
		rows[i].Verdict = r.Verdict
		if r.Verdict != "" {
			columns = []column{colRegion, colKind, colValue, colVerdict, colSourceText}
		}
	}
	return &figureTable{
		Lang:    s.Lang,
		Data:    ds,
		Columns: columns,
		Rows:    rows,
		Caption: i18n.T(s.Lang, "table.dataOf", s.Title),
	}
}
