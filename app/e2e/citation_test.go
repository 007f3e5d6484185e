package e2e

import (
	"fmt"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
)

// TestCitationSentence opens a district's page in both languages, and on a
// phone: a figure from an article shows the whole sentence around its
// quote, the quote marked; a figure from a web page, whose text is not
// kept, shows its recorded clause alone.
func TestCitationSentence(t *testing.T) {
	t.Parallel()
	article, web := citationsOf(t, "baiyun")
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			w := words.New(ds, lang)
			ctx := onPhone(t, serverURL+"/district/baiyun?lang="+string(lang))
			waitApp(t, ctx)
			for _, c := range []model.Citation{article, web} {
				before, quote, after := w.QuoteInContext(c)
				// A page shows a line break in a quote as a space.
				flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
				found := eval[bool](t, ctx, fmt.Sprintf(`(() => {
					const flat = s => (s || "").replace(/\s+/g, " ").trim();
					return [...document.querySelectorAll(".citations q")].some(q =>
						flat(q.innerText) === %q && flat((q.querySelector("mark") || {}).innerText) === %q);
				})()`, flat(before+quote+after), flat(quote)))
				if !found {
					t.Errorf("no citation reads %q with %q marked", before+quote+after, quote)
				}
			}
		})
	}
}

// citationsOf finds a region's citation of an article, with a sentence
// longer than its quote, and one of a web page.
func citationsOf(t *testing.T, region string) (article, web model.Citation) {
	t.Helper()
	for _, r := range ds.Select(model.Filter{Region: region}) {
		for _, c := range r.Sources {
			src, _ := ds.Source(c.Source)
			switch {
			case src.URL == "" && len(c.Sentence) > len(c.Quote) && article.Quote == "":
				article = c
			case src.URL != "" && web.Quote == "":
				web = c
			}
		}
	}
	if article.Quote == "" || web.Quote == "" {
		t.Fatalf("%s has no citation of an article with a sentence, or none of a web page", region)
	}
	return article, web
}
