package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/urlstate"
	"gztargets/app/words"
)

// noticeList shows what the page could not understand (an unknown URL
// parameter, a missing region) and what it shows instead. It is a live
// region, so that screen readers announce it.
type noticeList struct {
	app.Compo

	Lang     i18n.Lang
	Messages []string
}

func newNoticeList(lang i18n.Lang, messages []string) *noticeList {
	return &noticeList{Lang: lang, Messages: messages}
}

func (n *noticeList) Render() app.UI {
	box := app.Div().Class("notices").Role("status")
	if len(n.Messages) == 0 {
		return box
	}
	return box.Body(app.Ul().Body(
		app.Range(n.Messages).Slice(func(i int) app.UI { return app.Li().Class("notice").Text(n.Messages[i]) }),
	))
}

// noticeMessages turns URL notices into sentences in the language.
func noticeMessages(lang i18n.Lang, notices []urlstate.Notice) []string {
	out := make([]string, len(notices))
	for i, n := range notices {
		switch n.Problem {
		case urlstate.UnknownParam:
			out[i] = i18n.T(lang, "notice.unknown-param", n.Param)
		case urlstate.RepeatedParam:
			out[i] = i18n.T(lang, "notice.repeated-param", n.Param, n.Value)
		default:
			out[i] = i18n.T(lang, "notice.unknown-value", n.Param, n.Value)
		}
	}
	return out
}

// explorerNotices are the explorer's notices in the language of w. A year
// the data has no figures for is no mistake of the reader's: it is
// answered with the years the data covers and the year shown instead.
func explorerNotices(w words.Words, notices []urlstate.Notice, shown int) []string {
	out := noticeMessages(w.Lang, notices)
	for i, n := range notices {
		if _, err := strconv.Atoi(n.Value); err == nil && n.Param == "year" && n.Problem == urlstate.UnknownValue {
			out[i] = w.YearNotCovered(n.Value, shown)
		}
	}
	return out
}
