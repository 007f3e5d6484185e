package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/urlstate"
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
