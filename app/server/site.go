//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"maps"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/chart"
	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/app/ui"
	"gztargets/data"
)

// Colours of the installed app's window.
const (
	themeColor      = "#0b4f7c"
	backgroundColor = "#ffffff"
)

// Site is everything the explorer serves, built once at start-up: the
// assets, the dataset and its downloads, the embed pages, the manifest
// and the go-app handler that pre-renders the pages.
type Site struct {
	Prefix  string // "" at the root, or a sub-path such as /gz-targets
	Domain  string // the public host, such as example.org, for the preview image of shared links; "" if unknown
	Version string // a hash of everything served; changes only with content

	assets   *Assets
	data     *model.Dataset
	embeds   map[string]*asset    // by path, e.g. /embed/en/gdp_growth-2024-districts.html
	missing  map[i18n.Lang]*asset // the embed page for an unknown embed address, by language
	files    map[string]*asset    // generated files: downloads, CSVs and the manifest
	pages    *app.Handler
	store    *ui.Store  // what the pages show, built from data
	cache    *pageCache // real pages
	oneOffs  *pageCache // anything else go-app renders, such as not-found pages
	renders  *renderPool
	resolver resolver
	style    inlineStyle // the pages' stylesheets, which each page holds
}

// NewSite loads the web directory and builds the site for a path prefix
// and the public domain it will be served from ("" if unknown).
func NewSite(webDir, prefix, domain string) (*Site, error) {
	ds, err := model.Load(data.JSON)
	if err != nil {
		return nil, err
	}
	if err := checkDomain(domain); err != nil {
		return nil, err
	}
	return newSite(webDir, prefix, ds, data.JSON, domain)
}

// maxOneOffBytes bounds the cache of pages that are not real pages.
const maxOneOffBytes = 4 << 20

// maxRenderQueue bounds the one-off pages waiting to be rendered; beyond
// it, such a request gets 503 at once.
const maxRenderQueue = 32

// renderSlots is how many pages may be rendered at once: half the CPUs,
// at least one, so that the others serve what is cached.
func renderSlots() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// domainPattern is a host name, with a port if need be.
var domainPattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$`)

// checkDomain accepts a bare host name: go-app writes it after "https://"
// into every page's og:url and og:image.
func checkDomain(domain string) error {
	if domain != "" && !domainPattern.MatchString(domain) {
		return fmt.Errorf("domain %q must be a host name such as example.org, with no scheme or path", domain)
	}
	return nil
}

// newSite builds the site for a validated dataset and its JSON. Its pages
// are built on a store of the same dataset and charts, so that they show
// what the charts, embeds and downloads show; tests pass a synthetic one.
func newSite(webDir, prefix string, ds *model.Dataset, dataJSON []byte, domain string) (*Site, error) {
	prefix = strings.TrimSuffix(prefix, "/")
	if prefix != "" && !strings.HasPrefix(prefix, "/") {
		return nil, fmt.Errorf("prefix %q must start with /", prefix)
	}
	assets, err := LoadAssets(webDir)
	if err != nil {
		return nil, err
	}
	// Building the site (every embed page, with its chart's still, in
	// three codings) leaves much short-lived garbage: collected sooner,
	// it does not raise the server's peak memory.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	stills, err := loadStills(webDir)
	if err != nil {
		return nil, err
	}
	s := &Site{Prefix: prefix, Domain: domain, assets: assets, data: ds, cache: &pageCache{}, oneOffs: &pageCache{max: maxOneOffBytes}, renders: newRenderPool(renderSlots(), maxRenderQueue)}
	s.resolver = resolver{prefix: prefix, hashed: assets.hashedNames()}
	specs := chart.Catalogue(ds)
	var csvs map[string]*asset
	s.embeds, csvs = renderEmbeds(ds, s.resolver, s.Domain, stills, specs)
	s.missing = map[i18n.Lang]*asset{}
	for _, lang := range i18n.Langs {
		s.missing[lang] = fallbackEmbed(ds, s.resolver, s.Domain, stills, lang)
	}
	s.files = map[string]*asset{
		"/data/targets.json": generatedAsset("application/json; charset=utf-8", dataJSON),
	}
	for _, lang := range i18n.Langs {
		s.files[spec.DatasetCSVPath(lang)] = generatedAsset("text/csv; charset=utf-8", chart.DatasetCSV(ds, lang))
	}
	for p, f := range csvs {
		s.files[p] = f
	}
	svgs, err := stills.downloads(specs)
	if err != nil {
		return nil, err
	}
	maps.Copy(s.files, svgs)
	charts := bundles(specs)
	for lang, b := range charts {
		lines, err := spec.MarshalBundle(b)
		if err != nil {
			return nil, err
		}
		s.files[spec.BundlePath(lang)] = generatedAsset("application/json; charset=utf-8", lines)
	}
	s.store = ui.NewStore(ds, charts)
	s.store.SetStills(stills.html)
	s.Version = s.contentHash()
	s.files["/manifest.webmanifest"] = generatedAsset("application/manifest+json", s.manifest())
	s.pages = s.appHandler()
	js, err := appJS(s.pages)
	if err != nil {
		return nil, err
	}
	s.files["/app.js"] = generatedAsset("application/javascript; charset=utf-8", js)
	for _, p := range goappFiles {
		s.files[p] = generatedAsset(contentTypeOf(p), fetchGoapp(s.pages, p))
	}
	if s.style, err = s.pageStyle(); err != nil {
		return nil, err
	}
	return s, nil
}

// bundles groups the specs by language, for the app to fetch at once.
func bundles(specs []spec.Spec) map[i18n.Lang]spec.Bundle {
	out := map[i18n.Lang]spec.Bundle{}
	for _, s := range specs {
		if out[s.Lang] == nil {
			out[s.Lang] = spec.Bundle{}
		}
		out[s.Lang][s.Slug] = s
	}
	return out
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("server: encoding JSON: " + err.Error())
	}
	return b
}

// contentHash is the app's version: a hash of every asset, the dataset,
// the embed pages and the service worker. A rebuild that changes nothing
// keeps the version, so browsers keep their caches; any real change
// gives a new one, so they update.
func (s *Site) contentHash() string {
	h := sha256.New()
	s.assets.hash(h)
	io.WriteString(h, workerTemplate)
	paths := make([]string, 0, len(s.embeds)+len(s.files))
	for p := range s.embeds {
		paths = append(paths, p)
	}
	for p := range s.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f, ok := s.files[p]
		if !ok {
			f = s.embeds[p]
		}
		sum := sha256.Sum256(f.raw())
		fmt.Fprintf(h, "%s %x\n", p, sum)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// appHandler configures go-app: local icons (never a remote URL), our
// scripts (the styles are inline: inlineStyle), the wasm size for progress with compressed
// transfer, the content-hash version and our service worker. ECharts is
// named, not loaded: web/chart.js loads it on the reader's intent (the
// pages show their charts' stills until then), or at once on a page
// without stills.
func (s *Site) appHandler() *app.Handler {
	name := i18n.T(i18n.ZH, "app.name") + " · " + i18n.T(i18n.EN, "app.name")
	return &app.Handler{
		Name:        name,
		ShortName:   i18n.T(i18n.EN, "app.short"),
		Title:       name,
		Description: i18n.T(i18n.ZH, "app.description") + " " + i18n.T(i18n.EN, "app.description"),
		Author:      i18n.T(i18n.EN, "app.name"),
		Image:       s.socialImage(),
		Lang:        string(i18n.Default),
		Icon: app.Icon{
			Default:  "/web/icon.svg", // also go-app's loader image: the favicon's file, not one more request at load
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor:       backgroundColor,
		ThemeColor:            themeColor,
		LoadingLabel:          i18n.T(i18n.ZH, "loading") + " " + i18n.T(i18n.EN, "loading") + " {progress}%",
		Scripts:               []string{"/web/chart.js async"},
		RawHeaders:            []string{echartsMeta(s.resolver)},
		Resources:             s.resolver,
		Version:               s.Version,
		WasmContentLength:     strconv.Itoa(s.assets.size("/web/app.wasm")),
		CacheableResources:    s.cacheable(),
		ServiceWorkerTemplate: s.workerScript(),
	}
}

// echartsMeta names ECharts' address for web/chart.js, on pages as on
// embed pages (embed.html).
func echartsMeta(res resolver) string {
	return `<meta name="gz-echarts" content="` + html.EscapeString(res.Resolve("/web/echarts.min.js")) + `">`
}

// socialImage is the picture social networks show with a shared link (the
// explorer's screenshot), at its public address: none without a domain.
// The domain is not given to go-app itself, which would write each page's
// og:url from its path alone: a shared chart's link would then name the
// default view as its address, and some networks send readers there.
func (s *Site) socialImage() string {
	if s.Domain == "" {
		return ""
	}
	return "https://" + s.Domain + s.resolver.Resolve("/web/screenshot.png")
}

// resolver maps the app's paths to the URLs it is served at: under the
// prefix, and fingerprinted where the asset has a hashed name. Resolving
// an already resolved path changes nothing, because go-app resolves the
// links of pre-rendered pages again.
type resolver struct {
	prefix string
	hashed map[string]string
}

// Resolve implements app.ResourceResolver.
func (r resolver) Resolve(loc string) string {
	switch {
	case loc == "" || loc == "/":
		return r.prefix + "/"
	case !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//"):
		return loc
	case r.prefix != "" && (loc == r.prefix || strings.HasPrefix(loc, r.prefix+"/")):
		return loc
	}
	if h, ok := r.hashed[loc]; ok {
		loc = h
	}
	return r.prefix + loc
}
