//go:build !wasm

package server

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/words"
	"gztargets/data"
)

// TestMissingFileIsPlain404 asks for files that do not exist: a plain 404,
// never the app shell, which a browser would try to run as a script or
// style and a service worker could cache under the wrong name.
func TestMissingFileIsPlain404(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/web/nope.js", "/nope.css", "/app.wasm.map", "/web/app.wasm.map", "/web/", "/data/nope.json", "/csv/en/nope.csv", "/district/tianhe.png"} {
		t.Run(p, func(t *testing.T) {
			res, body := get(t, s, "GET", p)
			if res.StatusCode != 404 {
				t.Errorf("status %d, want 404", res.StatusCode)
			}
			if strings.Contains(body, "<html") || strings.Contains(res.Header.Get("Content-Type"), "html") {
				t.Errorf("answered with a page (%s): %.80q", res.Header.Get("Content-Type"), body)
			}
		})
	}
}

// TestUnknownPageIsNotFoundPage asks for paths that look like pages but
// are none: status 404 with the not-found page, which names the path and
// links on, so a reader is never left with a blank page.
func TestUnknownPageIsNotFoundPage(t *testing.T) {
	s := testSite(t)
	tests := []struct {
		path string
		want []string
	}{
		{"/nowhere?lang=en", []string{"Page not found", "There is no page at “/nowhere”", `href="/district/tianhe`}},
		{"/district/atlantis?lang=en", []string{"Page not found", "atlantis", `href="/district/tianhe`}},
		{"/district/atlantis/deeper?lang=en", []string{"Page not found", `href="/district/tianhe`}},
		{"/sources/nope?lang=en", []string{"Page not found"}},
		{"/nowhere", []string{"找不到该页面"}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, s, "GET", tc.path)
			if res.StatusCode != 404 {
				t.Errorf("status %d, want 404", res.StatusCode)
			}
			for _, want := range tc.want {
				if !strings.Contains(body, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
		})
	}
}

// TestOnlyGetAndHead answers every other method with 405 and an Allow
// header, and HEAD with the status and length of GET.
func TestOnlyGetAndHead(t *testing.T) {
	s := testSite(t)
	embed := anyEmbed(t, s)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		for _, p := range []string{"/", "/web/style.css", embed, "/nowhere"} {
			res, _ := get(t, s, method, p)
			if res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: status %d, Allow %q; want 405 with Allow: GET, HEAD", method, p, res.StatusCode, res.Header.Get("Allow"))
			}
		}
	}
	for _, p := range []string{"/", "/web/style.css", embed, "/nowhere", "/web/nope.js"} {
		getRes, _ := get(t, s, "GET", p)
		headRes, _ := get(t, s, "HEAD", p)
		if headRes.StatusCode != getRes.StatusCode || headRes.Header.Get("Content-Length") != getRes.Header.Get("Content-Length") {
			t.Errorf("HEAD %s: status %d, length %q; GET gives %d, %q", p, headRes.StatusCode, headRes.Header.Get("Content-Length"), getRes.StatusCode, getRes.Header.Get("Content-Length"))
		}
	}
}

// TestPageInBrowserLanguage renders a page whose address names no
// language in the language of Accept-Language, as the app would show it,
// and says so in Vary; an address with a language keeps it.
func TestPageInBrowserLanguage(t *testing.T) {
	s := testSite(t)
	ds, err := model.Load(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	// The bare address opens on the latest year with districts' results.
	year := ds.LatestResultYear("gdp_growth")
	landingEN := fmt.Sprintf("GDP growth by district, %d: targets against results", year)
	landingZH := fmt.Sprintf("%d年各区地区生产总值增速：目标与实际", year)
	tests := []struct {
		target, accept, lang, heading string
		varies                        bool
		rendered                      string // main's data-rendered, as HTML
	}{
		{"/", "en-GB,en;q=0.9", "en", landingEN, true, "?lang=en"},
		{"/", "zh-CN,zh;q=0.9,en;q=0.8", "zh", landingZH, true, "?lang=zh"},
		{"/", "", "zh", landingZH, true, "?"},
		{"/?view=years&metric=fai_growth", "fr-FR", "en", "Fixed-asset investment growth", true, "?lang=en&amp;metric=fai_growth&amp;view=years"},
		{"/sources", "en", "en", "Sources", true, "?lang=en"},
		{"/?lang=zh", "en-GB", "zh", landingZH, false, "?lang=zh"},
		{"/?metric=gdp_growth&year=2024&lang=en", "", "en", words.New(ds, i18n.EN).DistrictsTitle(mustMetric(t, ds, "gdp_growth"), 2024), false, "?lang=en&amp;metric=gdp_growth&amp;year=2024"},
		{"/district/tianhe?lang=en", "zh-CN", "en", "Tianhe: every figure", false, "?lang=en"},
		{"/nowhere", "en", "en", "Page not found", true, "?lang=en"},
	}
	for _, tc := range tests {
		t.Run(tc.target+" "+tc.accept, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.target, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Language", tc.accept)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.String()
			if want := `data-rendered="` + tc.rendered + `"`; !strings.Contains(body, want) {
				t.Errorf("the page lacks %s", want)
			}
			if want := `<html lang="` + tc.lang + `"`; !strings.Contains(body, want) {
				t.Errorf("the page lacks %s", want)
			}
			if !strings.Contains(body, tc.heading) {
				t.Errorf("the page lacks the heading %q", tc.heading)
			}
			if got := strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept-Language"); got != tc.varies {
				t.Errorf("Vary: %q; varies by Accept-Language = %v, want %v", rec.Header().Values("Vary"), got, tc.varies)
			}
		})
	}
}

func mustMetric(t *testing.T, ds *model.Dataset, id string) model.Metric {
	t.Helper()
	m, ok := ds.Metric(id)
	if !ok {
		t.Fatalf("no metric %s", id)
	}
	return m
}
