//go:build !wasm

package server

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strings"

	"gztargets/app/spec"
)

// workerTemplate is our service worker, given to go-app as its
// ServiceWorkerTemplate.
//
//go:embed app-worker.js
var workerTemplate string

// workerScript fills in what go-app does not know: the app shell and the
// pre-rendered pages to keep for offline use.
func (s *Site) workerScript() string {
	pages, _ := json.Marshal(s.resolvedPages())
	missing := map[string]string{}
	for p := range s.missingEmbeds() {
		lang := strings.TrimSuffix(strings.TrimPrefix(p, "/embed/"), "404.html")
		missing[strings.TrimSuffix(lang, "/")] = s.resolver.Resolve(p)
	}
	embeds, _ := json.Marshal(missing)
	warm, _ := json.Marshal(s.warmable())
	return strings.NewReplacer(
		"%WARM%", string(warm),
		"%SHELL%", s.resolver.Resolve("/"),
		"%PAGES%", string(pages),
		"%NOT_FOUND_PAGE%", s.resolver.Resolve(notFoundPage),
		"%EMBEDS%", s.resolver.Resolve("/embed/"),
		"%NOT_FOUND_EMBEDS%", string(embeds),
	).Replace(workerTemplate)
}

// notFoundPage is an address of no page, whose not-found page the worker
// keeps for offline use; the static export writes it as 404.html.
const notFoundPage = "/404"

// Pages are the app's pre-rendered pages: the explorer, the sources and
// coverage pages
// and every region's profile.
func (s *Site) Pages() []string {
	pages := []string{"/", "/sources", "/coverage"}
	for _, r := range s.data.Regions {
		pages = append(pages, "/district/"+r.ID)
	}
	return pages
}

func (s *Site) resolvedPages() []string {
	var out []string
	for _, p := range s.Pages() {
		out = append(out, s.resolver.Resolve(p))
	}
	return out
}

// cacheable lists what the worker precaches besides go-app's own files:
// every asset and generated file but the charts' embed pages and CSV
// downloads, which warmable lists. The screenshot is only for app stores
// and the README.
func (s *Site) cacheable() []string {
	var out []string
	for _, as := range s.assets.list {
		if as.path != "/web/screenshot.png" {
			out = append(out, as.path)
		}
	}
	for p := range s.files {
		if !isChartDownload(p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// warmable lists the charts' embed pages and CSV downloads, a thousand or
// more: the worker caches them once it runs, when a page asks, so that
// neither a first visit nor an update waits for them.
func (s *Site) warmable() []string {
	var out []string
	for p := range s.embeds {
		if !spec.IsLegacy(p) {
			out = append(out, s.resolver.Resolve(p))
		}
	}
	for p := range s.files {
		if strings.HasPrefix(p, "/csv/") {
			out = append(out, s.resolver.Resolve(p))
		}
	}
	sort.Strings(out)
	return out
}

// isChartDownload reports whether a generated file is one chart's CSV or
// SVG file: a thousand or more of each, so none is cached at install. The
// CSVs are warmed; the SVGs, some 3 MB, are not: offline, the app's image
// export still works.
func isChartDownload(path string) bool {
	return strings.HasPrefix(path, "/csv/") || strings.HasPrefix(path, "/svg/")
}
