package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// citationList shows where a figure comes from: each source's verbatim
// quote, marked within its whole sentence where the source's text is kept,
// in the source's own language, with the outlet and date, and a note where
// reading the source took judgement.
type citationList struct {
	app.Compo
	words.Words

	Record model.Record
}

func newCitationList(w words.Words, r model.Record) *citationList {
	return &citationList{Words: w, Record: r}
}

func (c *citationList) Render() app.UI {
	return app.Ul().Class("citations").Body(
		app.Range(c.Record.Sources).Slice(func(i int) app.UI { return c.citation(c.Record.Sources[i]) }),
	)
}

func (c *citationList) citation(cite model.Citation) app.UI {
	src, _ := c.Data.Source(cite.Source)
	w := c.Words
	attribution := w.Attribution(cite)
	before, quote, after := w.QuoteInContext(cite)
	return app.Li().Body(
		app.Q().Lang(src.Language).Body(app.Text(before), app.Mark().Text(quote), app.Text(after)),
		app.Text(" — "),
		app.If(attribution != "", func() app.UI { return app.Span().Class("attribution").Text(attribution + w.ListSep()) }),
		app.A().Href(sourcesPath(c.Lang)+"#"+sourceAnchor(cite.Source)).Text(w.SourceCredit(cite.Source)),
		app.If(src.URL != "", func() app.UI {
			return app.Span().Body(app.Text(" · "), app.A().Href(src.URL).Rel("noopener external").Text(i18n.T(c.Lang, "source.page")))
		}),
		app.If(src.Reliability != "", func() app.UI {
			return app.P().Class("citation-note reliability").Body(
				app.Text(i18n.T(c.Lang, "source.reliability")+" "),
				app.Span().Lang("en").Body(noteUI(w, src.Reliability)...),
			)
		}),
		app.If(len(c.Record.Conflict) > 0, func() app.UI {
			return app.Span().Class("citation-reading").Text(" · " + w.CitedValue(c.Record, cite))
		}),
		app.If(cite.Note != "", func() app.UI {
			return app.P().Class("citation-note").Body(
				app.Text(i18n.T(c.Lang, "quote.note")+" "),
				app.Span().Lang("en").Body(noteUI(w, cite.Note)...),
			)
		}),
	)
}

// sourceAnchor is the id of a source's section on the sources page.
func sourceAnchor(id string) string {
	return "source-" + strings.TrimSuffix(id, ".txt")
}

// noteUI is a reading note in which the sources it names by their file
// name (web_…), which means nothing to a reader, are links to them on the
// sources page under their credit (outlet and date), in the page's
// language within the note's English.
func noteUI(w words.Words, note string) []app.UI {
	var out []app.UI
	from := 0 // the start of the note's text not yet out
	for i := 0; i < len(note); {
		j := i
		for j < len(note) && isNameByte(note[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if id := strings.TrimRight(note[i:j], "."); id != "" {
			if _, ok := w.Data.Source(id); ok {
				out = append(out, app.Text(note[from:i]), app.A().Href(sourcesPath(w.Lang)+"#"+sourceAnchor(id)).Lang(string(w.Lang)).Text(w.SourceCredit(id)))
				from = i + len(id)
			}
		}
		i = j
	}
	return append(out, app.Text(note[from:]))
}

// isNameByte reports whether b can be part of a source's file name.
func isNameByte(b byte) bool {
	return b == '_' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
