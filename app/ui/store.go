package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/data"
)

// Store is what the pages show: the dataset and the chart specs known so
// far. Pages are built with a pointer to one and keep it. The server builds
// one per site, with every chart it built; the browser builds one from its
// embedded copy of the dataset and the specs written into the pre-rendered
// page, and fetches the rest of a language's charts once, in one small
// bundle, so that switching charts never waits for the network twice.
type Store struct {
	data    *model.Dataset
	err     error
	fetches bool // a missing chart may still arrive (the browser)
	stills  func(spec.Spec) string

	mu       sync.Mutex
	specs    map[string]spec.Spec       // by lang/slug
	raw      map[string]json.RawMessage // fetched, decoded when asked for; by lang/slug
	complete map[i18n.Lang]bool         // every spec of the language is known
	fetching map[i18n.Lang]bool
	failed   map[i18n.Lang]bool
	waiting  map[i18n.Lang][]waiter
}

// NewStore is a server's store: the dataset it loaded and validated, so
// that the pages it pre-renders show the same figures as its charts,
// embeds and downloads, and every chart of each language.
func NewStore(ds *model.Dataset, charts map[i18n.Lang]spec.Bundle) *Store {
	s := newStore(ds, nil)
	for _, lang := range i18n.Langs {
		s.addBundle(lang, charts[lang])
	}
	return s
}

// BrowserStore is the browser's store: the embedded dataset, validated when
// it was built (the server validates it again at start), and the charts
// that the server wrote into the page, so that the app draws the first
// chart without waiting for the network.
func BrowserStore() *Store {
	ds, err := model.Decode(data.JSON)
	if err != nil {
		err = fmt.Errorf("the embedded dataset is invalid: %w", err)
	}
	s := newStore(ds, err)
	s.fetches = true
	for _, text := range inlineSpecTexts() {
		var sp spec.Spec
		if json.Unmarshal([]byte(text), &sp) == nil {
			s.addSpec(sp)
		}
	}
	return s
}

func newStore(ds *model.Dataset, err error) *Store {
	return &Store{
		data:     ds,
		err:      err,
		specs:    map[string]spec.Spec{},
		raw:      map[string]json.RawMessage{},
		complete: map[i18n.Lang]bool{},
		fetching: map[i18n.Lang]bool{},
		failed:   map[i18n.Lang]bool{},
		waiting:  map[i18n.Lang][]waiter{},
	}
}

// errNoStore is what a page built with no store says: go-app built it
// outside Store.Render or the browser's start (a defect, not bad input).
var errNoStore = errors.New("the page was built without its data")

// dataset is the store's dataset, or why there is none.
func (s *Store) dataset() (*model.Dataset, error) {
	if s == nil {
		return nil, errNoStore
	}
	return s.data, s.err
}

// addBundle keeps every chart of a language.
func (s *Store) addBundle(lang i18n.Lang, b spec.Bundle) { keepAll(s, lang, s.specs, b) }

// addRaw keeps every chart of a language as fetched, each decoded only
// when a page asks for it (peekSpec): decoding them all at once stalled the
// first switch of chart.
func (s *Store) addRaw(lang i18n.Lang, b spec.RawBundle) { keepAll(s, lang, s.raw, b) }

// keepAll puts a language's charts, by slug, into one of the store's maps,
// by lang/slug, and marks the language complete.
func keepAll[V any](s *Store, lang i18n.Lang, into, charts map[string]V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for slug, chart := range charts {
		into[string(lang)+"/"+slug] = chart
	}
	s.complete[lang] = true
}

// addSpec keeps one chart, such as one found in the pre-rendered page.
func (s *Store) addSpec(sp spec.Spec) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.specs[string(sp.Lang)+"/"+sp.Slug] = sp
}

// specStatus says whether a chart exists.
type specStatus int

const (
	specFound       specStatus = iota
	specMissing                // no such chart: nothing was published for it
	specPending                // still arriving; the page is told when it has
	specUnavailable            // could not be loaded (offline before caching)
)

// peekSpec returns the chart with the slug if it is already known.
func (s *Store) peekSpec(lang i18n.Lang, slug string) (spec.Spec, specStatus) {
	if s == nil {
		return spec.Spec{}, specMissing
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := string(lang) + "/" + slug
	sp, ok := s.specs[key]
	if raw, fetched := s.raw[key]; !ok && fetched {
		var err error
		if sp, err = spec.DecodeChart(raw); err != nil {
			return spec.Spec{}, specUnavailable
		}
		s.specs[key], ok = sp, true
		delete(s.raw, key)
	}
	switch {
	case ok:
		return sp, specFound
	case s.complete[lang] || !s.fetches:
		return spec.Spec{}, specMissing
	case s.failed[lang]:
		return spec.Spec{}, specUnavailable
	}
	return spec.Spec{}, specPending
}

// lookupSpec returns the chart with the slug. In the browser, a miss
// fetches the language's bundle if no fetch is under way and, once it is
// there, calls arrived in the UI goroutine.
func (s *Store) lookupSpec(ctx app.Context, lang i18n.Lang, slug string, arrived func(app.Context)) (spec.Spec, specStatus) {
	sp, status := s.peekSpec(lang, slug)
	if status != specPending {
		return sp, status
	}
	s.mu.Lock()
	over := s.complete[lang] || s.failed[lang] // since the peek
	if !over {
		s.waiting[lang] = append(s.waiting[lang], waiter{ctx, arrived})
	}
	s.mu.Unlock()
	if over {
		return s.peekSpec(lang, slug)
	}
	s.fetch(ctx, lang)
	return sp, status
}

// prefetch fetches a language's charts in the browser, if they are not
// there yet, when the app has started: the reader's first switch of chart
// then finds its chart rather than wait for the network.
func (s *Store) prefetch(ctx app.Context, lang i18n.Lang) {
	if s == nil || !s.fetches {
		return
	}
	s.fetch(ctx, lang)
}

// waiter is a page waiting for a language's charts.
type waiter struct {
	ctx     app.Context
	arrived func(app.Context)
}

// fetch starts fetching a language's charts unless they are there or on
// their way, and tells the pages waiting for them when they arrive (or
// could not).
func (s *Store) fetch(ctx app.Context, lang i18n.Lang) {
	s.mu.Lock()
	start := !s.fetching[lang] && !s.complete[lang]
	s.fetching[lang] = s.fetching[lang] || start
	s.mu.Unlock()
	if !start {
		return
	}
	ctx.Async(func() {
		waiting, err := s.fetchBundle(lang)
		if err != nil {
			app.Log(err)
		}
		for _, w := range waiting {
			w.ctx.Dispatch(w.arrived)
		}
	})
}

// fetchBundle loads a language's charts and returns the pages waiting for
// them. A failure (offline before the service worker had them) marks the
// language's charts unavailable rather than leaving the page waiting.
func (s *Store) fetchBundle(lang i18n.Lang) ([]waiter, error) {
	err := func() error {
		lines, err := fetchLines(href(spec.BundlePath(lang)))
		if err != nil {
			return fmt.Errorf("%s: %w", spec.BundlePath(lang), err)
		}
		b, err := spec.SplitLines(lines)
		if err != nil {
			return err
		}
		s.addRaw(lang, b)
		return nil
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetching[lang] = false
	s.failed[lang] = err != nil
	waiting := s.waiting[lang]
	s.waiting[lang] = nil
	return waiting, err
}
