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
	specs    map[string]spec.Spec // by lang/slug
	complete map[i18n.Lang]bool   // every spec of the language is known
	fetching map[i18n.Lang]bool
	failed   map[i18n.Lang]bool
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
		complete: map[i18n.Lang]bool{},
		fetching: map[i18n.Lang]bool{},
		failed:   map[i18n.Lang]bool{},
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
func (s *Store) addBundle(lang i18n.Lang, b spec.Bundle) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for slug, sp := range b {
		s.specs[string(lang)+"/"+slug] = sp
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
	sp, ok := s.specs[string(lang)+"/"+slug]
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

// lookupSpec returns the chart with the slug. In the browser, the first
// miss of a language fetches its bundle and, once it is there, calls
// arrived in the UI goroutine.
func (s *Store) lookupSpec(ctx app.Context, lang i18n.Lang, slug string, arrived func(app.Context)) (spec.Spec, specStatus) {
	sp, status := s.peekSpec(lang, slug)
	if status != specPending {
		return sp, status
	}
	s.mu.Lock()
	start := !s.fetching[lang]
	s.fetching[lang] = true
	s.mu.Unlock()
	if start {
		ctx.Async(func() {
			err := s.fetchBundle(lang)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					app.Log(err)
				}
				arrived(ctx)
			})
		})
	}
	return sp, status
}

// fetchBundle loads a language's charts. A failure (offline before the
// service worker had them) marks the language's charts unavailable rather
// than leaving the page waiting.
func (s *Store) fetchBundle(lang i18n.Lang) error {
	err := func() error {
		body, err := fetchText(href(spec.BundlePath(lang)))
		if err != nil {
			return fmt.Errorf("%s: %w", spec.BundlePath(lang), err)
		}
		var b spec.Bundle
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			return err
		}
		s.addBundle(lang, b)
		return nil
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fetching[lang] = false
	s.failed[lang] = err != nil
	return err
}
