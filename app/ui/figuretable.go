package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// column is a column of a figure table.
type column int

const (
	colRegion column = iota
	colMetric
	colYear
	colKind
	colValue
	colSources
	colSourceText // the sources as one line of text, for compact tables
	colQuote
	colVerdict // a target's verdict, in the results view
)

var columnTitles = map[column]i18n.Key{
	colRegion: "table.region", colMetric: "table.metric", colYear: "table.year", colKind: "table.kind",
	colValue: "table.value", colSources: "table.source", colSourceText: "table.source", colQuote: "table.quote",
	colVerdict: "table.verdict",
}

// sortKeys are the columns the table view can sort by, with their URL key.
var sortKeys = map[column]string{colRegion: urlstate.SortRegion, colMetric: urlstate.SortMetric, colYear: urlstate.SortYear, colValue: urlstate.SortValue}

// figureRow is one row: a record, or a region with no figure (Record nil),
// whose Missing text says what the project knows of it. Cite, when set, is
// what one source says, shown instead of the record's merged value (the
// sources page lists each source's own reading).
type figureRow struct {
	Region  model.Region
	Record  *model.Record
	Cite    *model.Citation
	Missing string
	Verdict string
}

// figureTable is every table of figures in the explorer: the table view,
// a chart's data, a year of a district's profile and a source's figures.
// The first column heads each row. With Sortable set, the headers of the
// sortable columns link to the table view sorted by them.
//
// On a phone the stylesheet lays each row out as a card, each cell under
// its column's name (data-label), rather than make the reader scroll
// sideways to the sources. Laid out that way, some browsers stop exposing
// a table's structure to screen readers, so the elements also state their
// roles.
type figureTable struct {
	app.Compo

	Lang     i18n.Lang
	Data     *model.Dataset
	Columns  []column
	Rows     []figureRow
	Caption  string
	Sortable *urlstate.State
	Unseen   bool // for screen readers only: no links, which would be Tab stops no one sees
}

func (t *figureTable) Render() app.UI {
	var caption app.UI = app.Text("")
	if t.Caption != "" {
		caption = app.Caption().Text(t.Caption)
	}
	return app.Div().Class("table-wrap").Body(app.Table().Class("records").Role("table").Body(
		caption,
		app.THead().Role("rowgroup").Body(app.Tr().Role("row").Body(app.Range(t.Columns).Slice(func(i int) app.UI { return t.header(t.Columns[i]) }))),
		app.TBody().Role("rowgroup").Body(app.Range(t.Rows).Slice(func(i int) app.UI { return t.row(t.Rows[i]) })),
		// The empty footer marks the table's end: the stylesheet shows a
		// table once the browser has read it all, since every row it reads
		// can widen a column and move the ones beside it.
		app.TFoot(),
	))
}

// header is a column header; in a sortable table it links to the sorted
// table, ascending first and descending on a second click, and aria-sort
// tells screen readers the order.
func (t *figureTable) header(c column) app.UI {
	label := i18n.T(t.Lang, columnTitles[c])
	key, ok := sortKeys[c]
	if t.Sortable == nil || !ok {
		return app.Th().Scope("col").Role("columnheader").Text(label)
	}
	next, order := urlstate.NextSort(t.Sortable.Sort, key)
	target := *t.Sortable
	target.Sort, target.LangSet = next, true
	return app.Th().Scope("col").Role("columnheader").Aria("sort", order).Body(
		app.A().Href(href(target.URL())).Title(i18n.T(t.Lang, "control.sort", label)).Text(label),
	)
}

func (t *figureTable) row(r figureRow) app.UI {
	cells := make([]app.UI, len(t.Columns))
	for i, c := range t.Columns {
		cells[i] = t.cell(c, r, i == 0)
	}
	tr := app.Tr().Role("row").Body(cells...)
	if r.Record != nil {
		tr = tr.DataSet("record", r.Record.ID)
	}
	return tr
}

// cell renders one cell; the first cell of a row is its header.
func (t *figureTable) cell(c column, r figureRow, head bool) app.UI {
	lang := t.Lang
	var content app.UI
	switch {
	case c == colRegion && t.Unseen:
		content = app.Text(r.Region.Name.In(string(lang)))
	case c == colRegion:
		content = app.A().Href(districtPath(r.Region.ID, lang)).Text(r.Region.Name.In(string(lang)))
	case r.Record == nil && c == colValue:
		content = app.Text(r.Missing)
	case r.Record == nil:
		content = app.Text("")
	default:
		content = t.recordCell(c, r)
	}
	if head {
		return app.Th().Scope("row").Role("rowheader").Body(content)
	}
	td := app.Td().Role("cell").DataSet("label", i18n.T(lang, columnTitles[c]))
	if c == colValue {
		td = td.Class("value")
	}
	return td.Body(content)
}

func (t *figureTable) recordCell(c column, r figureRow) app.UI {
	rec, w := *r.Record, words.New(t.Data, t.Lang)
	switch c {
	case colMetric:
		m, _ := t.Data.Metric(rec.Metric)
		return app.Text(m.Name.In(string(t.Lang)))
	case colYear:
		return app.Text(w.Year(rec))
	case colKind:
		return app.Text(w.Kind(rec))
	case colValue:
		if r.Cite != nil {
			return app.Text(w.CitedValue(rec, *r.Cite))
		}
		return valueText(w, rec)
	case colQuote:
		src, _ := t.Data.Source(r.Cite.Source)
		return app.Q().Lang(src.Language).Text(r.Cite.Quote)
	case colSourceText:
		return t.sourceLine(w, rec)
	case colVerdict:
		return app.Text(r.Verdict)
	}
	return newCitationList(words.New(t.Data, t.Lang), rec)
}

// sourceLine is a record's citations on one line (words.Sources), each
// quote marked with its source's language: a Chinese quote in an English
// page is spoken by a screen reader in Chinese, and drawn in the reader's
// Chinese font, in its Simplified forms.
func (t *figureTable) sourceLine(w words.Words, rec model.Record) app.UI {
	var parts []app.UI
	for i, c := range rec.Sources {
		if i > 0 {
			parts = append(parts, app.Text(w.ItemSep()))
		}
		src, _ := t.Data.Source(c.Source)
		parts = append(parts, app.Text("“"), app.Span().Lang(src.Language).Text(c.Quote), app.Text("”"+w.QuoteCredit(c)))
	}
	return app.Span().Body(parts...)
}

// recordRows turns records into rows.
func recordRows(ds *model.Dataset, recs []model.Record) []figureRow {
	rows := make([]figureRow, len(recs))
	for i := range recs {
		region, _ := ds.Region(recs[i].Region)
		rows[i] = figureRow{Region: region, Record: &recs[i]}
	}
	return rows
}
