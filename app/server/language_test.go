package server

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// TestChineseMarkedInEnglishPages reads English pages as a screen reader
// and a browser choosing fonts do: every text mostly in Chinese characters
// (the sources' quotes, above all) sits in an element whose language is
// Chinese (WCAG 3.1.2, language of parts), so that it is spoken in
// Chinese and drawn in the Simplified forms. The verdict tables once gave
// their quotes as English text.
func TestChineseMarkedInEnglishPages(t *testing.T) {
	s := testSite(t)
	year := strconv.Itoa(s.data.LatestResultYear("gdp_growth"))
	for _, path := range []string{
		"/?lang=en",
		"/?lang=en&view=table",
		"/district/tianhe?lang=en",
		"/sources?lang=en",
		"/embed/en/gdp_growth-" + year + "-results.html",
	} {
		res, body := get(t, s, http.MethodGet, path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		han := 0
		for text, lang := range texts(doc, "") {
			if !mostlyChinese(text) {
				continue
			}
			han++
			if !strings.HasPrefix(lang, "zh") {
				t.Errorf("%s: %q is Chinese in an element whose language is %q", path, text, lang)
			}
		}
		if han == 0 {
			t.Errorf("%s: no Chinese text at all; the test needs a page that quotes a Chinese source", path)
		}
	}
}

// mostlyChinese reports whether a text has more than twice as many
// Chinese characters as Latin letters: a quote or a title ("GDP增长5%"),
// not an English note that cites a Chinese phrase in passing.
func mostlyChinese(text string) bool {
	han, latin := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	return han > 2*latin
}

// texts yields every text a reader meets under n, with the language of
// its element (the nearest lang attribute). Scripts, styles and the
// snippets readers copy are not read.
func texts(n *html.Node, lang string) func(yield func(string, string) bool) {
	return func(yield func(string, string) bool) {
		walkTexts(n, lang, yield)
	}
}

func walkTexts(n *html.Node, lang string, yield func(string, string) bool) bool {
	switch {
	case n.Type == html.TextNode:
		return yield(n.Data, lang)
	case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "textarea"):
		return true
	case n.Type == html.ElementNode:
		for _, a := range n.Attr {
			if a.Key == "lang" && a.Namespace == "" {
				lang = a.Val
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walkTexts(c, lang, yield) {
			return false
		}
	}
	return true
}
