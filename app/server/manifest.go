//go:build !wasm

package server

import (
	"encoding/json"

	"gztargets/app/i18n"
)

// manifestIcon is one icon of the web app manifest.
type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

// manifest is the web app manifest. go-app's own has a fixed "/" scope and
// one name; ours follows the prefix, names the app in both languages, and
// lists local icons only, so that Chromium finds the app installable.
func (s *Site) manifest() []byte {
	root := s.resolver.Resolve("/")
	icon := func(p, sizes, typ, purpose string) manifestIcon {
		return manifestIcon{Src: s.resolver.Resolve(p), Sizes: sizes, Type: typ, Purpose: purpose}
	}
	both := func(k i18n.Key) string { return i18n.T(i18n.ZH, k) + " · " + i18n.T(i18n.EN, k) }
	localized := func(k i18n.Key) map[string]string {
		return map[string]string{"zh": i18n.T(i18n.ZH, k), "en": i18n.T(i18n.EN, k)}
	}
	m := map[string]any{
		"id":                    root,
		"name":                  both("app.name"),
		"short_name":            i18n.T(i18n.EN, "app.short"),
		"description":           i18n.T(i18n.ZH, "app.description") + " " + i18n.T(i18n.EN, "app.description"),
		"name_localized":        localized("app.name"),
		"short_name_localized":  localized("app.short"),
		"description_localized": localized("app.description"),
		"lang":                  string(i18n.Default),
		"dir":                   "ltr",
		"start_url":             root,
		"scope":                 root,
		"display":               "standalone",
		"background_color":      backgroundColor,
		"theme_color":           themeColor,
		"categories":            []string{"news", "education", "finance"},
		"screenshots": []map[string]string{{
			"src": s.resolver.Resolve("/web/screenshot.png"), "sizes": "1280x800", "type": "image/png",
			"form_factor": "wide", "label": both("app.name"),
		}},
		"icons": []manifestIcon{
			icon("/web/icon-192.png", "192x192", "image/png", "any"),
			icon("/web/icon-512.png", "512x512", "image/png", "any"),
			icon("/web/icon-maskable.png", "512x512", "image/png", "maskable"),
			icon("/web/icon.svg", "any", "image/svg+xml", "any"),
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic("manifest: " + err.Error())
	}
	return b
}
