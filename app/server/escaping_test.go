//go:build !wasm

package server

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// Hostile text put into the data: each tries to end the element or the
// attribute it lands in and start a script or an event handler.
const (
	hostileRegionEN = `Tian"he</title></textarea><script>alert(1)</script>" onmouseover="alert(2)`
	hostileRegionZH = `天河"区</title></textarea><script>alert(1)</script>" onmouseover="alert(2)`
	hostileMetricEN = `GDP "growth"</textarea><img src=x onerror=alert(3)>`
	hostileMetricZH = `地区生产总值"增速"</textarea><img src=x onerror=alert(3)>`
	hostileQuote    = `增长6%<script>alert(4)</script>"quoted" onerror="alert(5)`
	hostileOutlet   = `Daily "<b>Times</b>"</title><script>alert(6)</script>`
)

// hostileDataset is the real dataset with Tianhe's name, the GDP growth
// metric's name, an outlet and the quote of Tianhe's 2024 GDP growth
// target replaced by hostile text. Keeping every id real keeps every page
// and chart of the site.
func hostileDataset(t *testing.T) (*model.Dataset, []byte) {
	t.Helper()
	return changedDataset(t, func(ds *model.Dataset) {
		renameRegion(ds, "tianhe", model.Text{ZH: hostileRegionZH, EN: hostileRegionEN})
		for i := range ds.Metrics {
			if ds.Metrics[i].ID == "gdp_growth" {
				ds.Metrics[i].Name = model.Text{ZH: hostileMetricZH, EN: hostileMetricEN}
			}
		}
		ds.Sources[0].Outlet = model.Text{ZH: hostileOutlet, EN: hostileOutlet}
		tianheTarget(t, ds).Sources[0].Quote = hostileQuote
	})
}

// htmlToken is a tag or a run of text, as a browser's tokenizer splits a
// page: enough of HTML to see where an element or attribute really ends.
type htmlToken struct {
	tag    string            // lower-case name; "" for text; "/name" for an end tag
	attrs  map[string]string // unescaped values; the first of a repeated name, as browsers read it
	text   string            // unescaped, except inside script and style
	parent string            // for text: the raw-text or escapable raw-text element it is in, if any
}

// rawText elements end only at their end tag, whatever they contain.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

// tokenize splits a page into tags and text with golang.org/x/net/html's
// tokenizer, which follows the HTML standard's tokenization.
func tokenize(page string) []htmlToken {
	z := html.NewTokenizer(strings.NewReader(page))
	var out []htmlToken
	parent := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				if _, seen := attrs[a.Key]; !seen {
					attrs[a.Key] = a.Val
				}
			}
			out = append(out, htmlToken{tag: tok.Data, attrs: attrs})
			if rawText[tok.Data] {
				parent = tok.Data
			}
		case html.EndTagToken:
			out = append(out, htmlToken{tag: "/" + z.Token().Data})
			parent = ""
		case html.TextToken:
			out = append(out, htmlToken{text: string(z.Text()), parent: parent})
		}
	}
}

// checkNoMarkupFromData fails on anything that would run: a script that is
// neither a file nor a JSON data block, an image not of ours, an event
// handler attribute, or a JSON block that does not parse (one cut short by
// a </script> in the data).
func checkNoMarkupFromData(t *testing.T, tokens []htmlToken) {
	t.Helper()
	for i, tok := range tokens {
		switch {
		case tok.tag == "script" && tok.attrs["src"] == "" && tok.attrs["type"] != "application/json":
			t.Errorf("an inline script: %v", tok.attrs)
		case tok.tag == "script" && tok.attrs["type"] == "application/json":
			if i+1 >= len(tokens) || tokens[i+1].parent != "script" || !json.Valid([]byte(tokens[i+1].text)) {
				t.Error("a JSON data block that does not parse: it was cut short")
			}
		case tok.tag == "img" && !(strings.HasPrefix(tok.attrs["src"], "/") && !strings.HasPrefix(tok.attrs["src"], "//")):
			t.Errorf("an <img> that is not ours: %v", tok.attrs)
		}
		for name := range tok.attrs {
			if strings.HasPrefix(name, "on") || strings.ContainsAny(name, `"'<(`) {
				t.Errorf("<%s> has the attribute %q: data ended an attribute early", tok.tag, name)
			}
		}
	}
}

// visibleText is the page's text as a reader sees it, with the title.
func visibleText(tokens []htmlToken) string {
	var b strings.Builder
	for _, tok := range tokens {
		if tok.tag == "" && tok.parent != "script" && tok.parent != "style" {
			b.WriteString(tok.text)
		}
	}
	return b.String()
}

// attrValues are the values of one attribute across the page.
func attrValues(tokens []htmlToken, name string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString(tok.attrs[name] + "\n")
	}
	return b.String()
}

// TestHostilePathsAreEscaped asks for pages at paths and queries made of
// markup and quotes: the not-found and district pages name the path, and
// go-app writes it into an attribute, yet nothing of it runs.
func TestHostilePathsAreEscaped(t *testing.T) {
	s := testSite(t)
	for _, target := range []string{
		"/district/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
		"/%22%20onmouseover=%22alert(1)",
		"/sources/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
		"/%3C/title%3E%3Cscript%3Ealert(1)%3C/script%3E?lang=%22%3E%3Cscript%3Ealert(2)%3C/script%3E",
		"/?view=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&x%22=%3C/textarea%3E%3Cscript%3E",
	} {
		t.Run(target, func(t *testing.T) {
			res, body := get(t, s, "GET", target)
			if res.StatusCode != 200 && res.StatusCode != 404 {
				t.Errorf("status %d", res.StatusCode)
			}
			checkNoMarkupFromData(t, tokenize(body))
		})
	}
}

// TestDataIsEscapedInPages renders pages and embed pages of a dataset with
// hostile names, an outlet and a quote: nothing of it runs, and it shows
// as text, whole, where it belongs, in text and in attributes.
func TestDataIsEscapedInPages(t *testing.T) {
	ds, raw := hostileDataset(t)
	s, err := newSite(webDir, "", ds, raw, "")
	if err != nil {
		t.Fatal(err)
	}
	districts := spec.Spec{Lang: i18n.EN, Slug: spec.DistrictsSlug("gdp_growth", 2024)}
	profile := spec.Spec{Lang: i18n.ZH, Slug: spec.ProfileSlug("tianhe", "gdp_growth")}
	tests := []struct {
		path   string
		status int
		text   []string // shown as text
		label  []string // in some aria-label
	}{
		{"/?metric=gdp_growth&year=2024&lang=en", 200, []string{hostileRegionEN, hostileMetricEN}, []string{hostileRegionEN, hostileMetricEN}},
		{"/?view=years&metric=gdp_growth&lang=zh", 200, []string{hostileRegionZH, hostileMetricZH}, []string{hostileRegionZH}},
		{"/?view=table&region=tianhe&lang=en", 200, []string{hostileRegionEN, hostileQuote, hostileOutlet}, nil},
		{"/district/tianhe?lang=en", 200, []string{hostileRegionEN, hostileQuote, hostileOutlet}, []string{hostileRegionEN}},
		{"/district/tianhe", 200, []string{hostileRegionZH, hostileQuote}, nil},
		{"/sources?lang=en", 200, []string{hostileRegionEN, hostileQuote, hostileOutlet}, nil},
		{districts.EmbedPath(), 200, []string{hostileRegionEN, hostileMetricEN, hostileQuote, hostileOutlet}, []string{hostileRegionEN}},
		{profile.EmbedPath(), 200, []string{hostileRegionZH, hostileQuote}, []string{hostileRegionZH}},
		{"/embed/en/nope.html", 404, []string{hostileRegionEN}, []string{hostileRegionEN}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, s, "GET", tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			tokens := tokenize(body)
			checkNoMarkupFromData(t, tokens)
			shown, labels := visibleText(tokens), attrValues(tokens, "aria-label")
			for _, want := range tc.text {
				if !strings.Contains(shown, want) {
					t.Errorf("the text does not show %q whole", want)
				}
			}
			for _, want := range tc.label {
				if !strings.Contains(labels, want) {
					t.Errorf("no aria-label holds %q whole", want)
				}
			}
		})
	}
}
