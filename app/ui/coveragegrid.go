package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/urlstate"
)

// coverageGrid is one metric's region × year grid: in each cell the plan
// and pledged targets and the result, each a link to the region's year
// where it is known, "searched for, not found" where the search list says
// so, and a dash where nobody has looked yet.
type coverageGrid struct {
	app.Compo

	Lang i18n.Lang
	Grid model.CoverageGrid
}

func newCoverageGrid(lang i18n.Lang, g model.CoverageGrid) *coverageGrid {
	return &coverageGrid{Lang: lang, Grid: g}
}

func (c *coverageGrid) t(k i18n.Key, args ...any) string { return i18n.T(c.Lang, k, args...) }

func (c *coverageGrid) Render() app.UI {
	g := c.Grid
	id := "coverage-" + g.Metric.ID
	return app.Section().Class("coverage").Aria("labelledby", id).Body(
		app.H2().ID(id).Text(g.Metric.Name.In(string(c.Lang))),
		app.Div().Class("table-wrap").Body(app.Table().Class("coverage-grid").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(c.t("table.region")),
				app.Range(g.Years).Slice(func(i int) app.UI { return c.yearHeader(g.Years[i]) }),
			)),
			app.TBody().Body(app.Range(g.Rows).Slice(func(i int) app.UI { return c.row(g.Rows[i]) })),
			app.TFoot(), // marks the table's end for the stylesheet: see figureTable
		)),
	)
}

// yearHeader links a year to its targets against results.
func (c *coverageGrid) yearHeader(year int) app.UI {
	s := urlstate.State{View: urlstate.ViewResults, Metric: c.Grid.Metric.ID, Year: year, Lang: c.Lang, LangSet: true}
	return app.Th().Scope("col").Body(app.A().Href(href(s.URL())).Text(strconv.Itoa(year)))
}

func (c *coverageGrid) row(r model.CoverageRow) app.UI {
	cells := make([]app.UI, len(r.Cells))
	for i, cell := range r.Cells {
		cells[i] = c.cell(r.Region, c.Grid.Years[i], cell)
	}
	return app.Tr().Body(
		app.Th().Scope("row").Body(app.A().Href(districtPath(r.Region.ID, c.Lang)).Text(r.Region.Name.In(string(c.Lang)))),
		app.Range(cells).Slice(func(i int) app.UI { return cells[i] }),
	)
}

// cell lists the plan, the pledge and the result of a region's year.
func (c *coverageGrid) cell(region model.Region, year int, cell model.CoverageCell) app.UI {
	link := districtPath(region.ID, c.Lang) + "#year-" + strconv.Itoa(year)
	line := func(label string, rec *model.Record, what string) app.UI {
		var status app.UI
		switch {
		case rec != nil:
			status = app.A().Href(link).Class("known").Text("✓ " + c.mark(*rec))
		case cell.SearchedFor(what):
			status = app.Span().Class("searched").Text(c.t("none.searched"))
		case what == model.KindActual && cell.Pending:
			status = app.Span().Class("unknown").Text(c.t("verdict.pending"))
		default:
			status = app.Span().Class("unknown").Text("—")
		}
		return app.Li().Body(app.Span().Class("coverage-label").Text(label+" "), status)
	}
	result := cell.Result
	if result == nil {
		result = cell.Estimate
	}
	unknown := cell.Targets[model.StageUnknown]
	return app.Td().Body(app.Ul().Class("coverage-cell").Body(
		line(c.t("series.plan"), cell.Targets[model.StagePlan], model.StagePlan),
		line(c.t("series.pledge"), cell.Targets[model.StagePledge], model.StagePledge),
		app.If(unknown != nil, func() app.UI { return line(c.t("kind.target.unknown"), unknown, model.StageUnknown) }),
		line(c.t("series.actual"), result, model.KindActual),
	))
}

// mark is a figure's short value, an estimate marked as such.
func (c *coverageGrid) mark(r model.Record) string {
	s := i18n.Mark(r.Value, r.Qualifier, r.Unit, c.Lang)
	if r.Provisional || r.Period == model.PeriodH1 {
		s += " (" + c.t("mark.provisional") + ")"
	}
	return s
}
