package ui

import (
	"html"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// attr makes text from the data safe as an attribute value in pre-rendered
// HTML. go-app writes server-side attribute values with strconv.Quote,
// which escapes a double quote as \" (not HTML) and lets & start an
// entity, so a name containing " could end the attribute early. On the
// server the value is HTML-escaped first; in the browser go-app sets
// attributes through the DOM, which needs no escaping.
func attr(s string) string {
	if !app.IsServer {
		return s
	}
	return strings.ReplaceAll(html.EscapeString(printable(s)), `\`, "&#92;")
}

// titleText makes text from the data safe as the page title in
// pre-rendered HTML. go-app writes the title twice there: as <title> text,
// which it escapes, and as the og:title attribute, which it writes with
// strconv.Quote like any attribute (see attr). No one escaping suits both,
// so a double quote becomes ” and a backslash ＼, which read the same. In
// the browser the title is set through the DOM, unchanged.
func titleText(s string) string {
	if !app.IsServer {
		return s
	}
	return strings.NewReplacer(`"`, "”", `\`, "＼").Replace(printable(s))
}

// printable replaces control characters, which strconv.Quote would write
// as Go escapes, with spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || unicode.IsPrint(r) {
			return r
		}
		return ' '
	}, s)
}

// option is a <select> option. go-app renders selected="false" for an
// unselected option, which browsers read as selected, so the attribute is
// only set on the chosen one.
func option(value, label string, selected bool) app.UI {
	o := app.Option().Value(value).Text(label)
	if selected {
		o = o.Selected(true)
	}
	return o
}
