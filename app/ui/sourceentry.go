package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// sourceEntry is one source article on the sources page: its title in the
// original language, outlet, date, language and file, our reading notes,
// and every figure taken from it with the quote that states it.
type sourceEntry struct {
	app.Compo

	Lang   i18n.Lang
	Source model.Source
	Data   *model.Dataset
}

func newSourceEntry(lang i18n.Lang, s model.Source, ds *model.Dataset) *sourceEntry {
	return &sourceEntry{Lang: lang, Source: s, Data: ds}
}

func (e *sourceEntry) t(k i18n.Key, args ...any) string { return i18n.T(e.Lang, k, args...) }

func (e *sourceEntry) words() words.Words { return words.New(e.Data, e.Lang) }

func (e *sourceEntry) Render() app.UI {
	s := e.Source
	id := sourceAnchor(s.ID)
	return app.Article().Class("source").ID(id).Aria("labelledby", id+"-title").Body(
		app.H2().ID(id+"-title").Lang(s.Language).Text(s.Title),
		app.If(s.TitleTranslation != "", func() app.UI {
			return app.P().Class("title-translation").Lang(otherLang(s.Language)).Text(s.TitleTranslation)
		}),
		e.metadata(),
		app.P().Text(s.About.In(string(e.Lang))),
		app.If(len(s.Notes) > 0, func() app.UI {
			return app.Details().Body(
				app.Summary().Text(e.t("source.notes")),
				app.Ul().Lang("en").Body(app.Range(s.Notes).Slice(func(i int) app.UI { return app.Li().Body(noteUI(e.words(), s.Notes[i])...) })),
			)
		}),
		app.H3().Text(e.t("heading.figures")+" · "+e.t(countKey(s.Figures), s.Figures)),
		e.figures(),
	)
}

func (e *sourceEntry) metadata() app.UI {
	s := e.Source
	lang := e.t(i18n.Key("language." + s.Language))
	if s.Translated {
		lang += " (" + e.t("source.translated") + ")"
	}
	published := i18n.Date(s.Published, e.Lang)
	return app.Dl().Class("source-meta").Body(
		app.Dt().Text(e.t("source.outlet")), app.Dd().Text(s.Outlet.In(string(e.Lang))),
		app.Dt().Text(e.t("source.published")), app.Dd().Body(
			app.Text(published),
			app.If(s.PublishedNote != "", func() app.UI {
				return app.Span().Class("citation-note").Lang("en").Text(" — " + s.PublishedNote)
			}),
		),
		app.Dt().Text(e.t("source.language")), app.Dd().Text(lang),
		app.If(s.Site != nil, func() app.UI {
			return app.Div().Body(app.Dt().Text(e.t("source.site")), app.Dd().Text(s.Site.In(string(e.Lang))))
		}),
		app.If(s.URL != "", func() app.UI {
			return app.Div().Body(
				app.Dt().Text(e.t("source.address")),
				app.Dd().Body(app.A().Href(s.URL).Rel("noopener external").Class("source-url").Text(s.URL)),
				app.Dt().Text(e.t("source.retrieved")), app.Dd().Text(i18n.Date(s.Retrieved, e.Lang)),
			)
		}).Else(func() app.UI {
			return app.Div().Body(app.Dt().Text(e.t("source.file")), app.Dd().Body(app.Code().Text(s.ID)))
		}),
		app.If(s.Reliability != "", func() app.UI {
			return app.Div().Class("reliability").Body(app.Dt().Text(e.t("source.reliability")), app.Dd().Lang("en").Body(noteUI(e.words(), s.Reliability)...))
		}),
	)
}

// figures lists what this source states, which may differ from the record
// when sources disagree.
func (e *sourceEntry) figures() app.UI {
	cited := e.Data.SourceFigures(e.Source.ID)
	rows := make([]figureRow, len(cited))
	for i := range cited {
		region, _ := e.Data.Region(cited[i].Record.Region)
		rows[i] = figureRow{Region: region, Record: &cited[i].Record, Cite: &cited[i].Citation}
	}
	return &figureTable{
		Lang:    e.Lang,
		Data:    e.Data,
		Columns: []column{colRegion, colMetric, colYear, colKind, colValue, colQuote},
		Rows:    rows,
	}
}

// otherLang is the language of a title's translation.
func otherLang(lang string) string {
	if lang == "zh" {
		return "en"
	}
	return "zh"
}

// countKey is the words for a count of figures: one figure, or several.
func countKey(n int) i18n.Key {
	if n == 1 {
		return "source.countOne"
	}
	return "source.count"
}
