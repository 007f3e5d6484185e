package ui

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
	"gztargets/data"
)

// The dataset is decoded once per process (once per page load in the
// browser). Chart specs are built at build time: the server hands them all
// to the UI at start-up; the browser finds the first chart's spec in the
// pre-rendered page and fetches the rest of the language's charts once, in
// one small bundle, so that switching charts never waits for the network
// twice.
var (
	datasetOnce sync.Once
	dataset     *model.Dataset
	datasetErr  error

	specMu   sync.Mutex
	specs    = map[string]spec.Spec{} // by lang/slug
	complete = map[i18n.Lang]bool{}   // every spec of the language is known
	fetching = map[i18n.Lang]bool{}
	failed   = map[i18n.Lang]bool{}
)

// loadDataset returns the embedded dataset, decoding it on first use. It
// was validated when it was built; the server validates it again at start.
func loadDataset() (*model.Dataset, error) {
	datasetOnce.Do(func() {
		dataset, datasetErr = model.Decode(data.JSON)
		if datasetErr != nil {
			datasetErr = fmt.Errorf("the embedded dataset is invalid: %w", datasetErr)
		}
		if app.IsClient {
			readInlineSpecs()
		}
	})
	return dataset, datasetErr
}

// ProvideDataset gives the UI the dataset the server loaded and validated,
// so that the pages it pre-renders show the same figures as its charts,
// embeds and downloads. The browser decodes its own embedded copy.
func ProvideDataset(ds *model.Dataset) {
	datasetOnce.Do(func() {})
	dataset, datasetErr = ds, nil
}

// ProvideSpecs gives the UI every chart of a language. The server calls it
// at start-up with the charts it built.
func ProvideSpecs(lang i18n.Lang, b spec.Bundle) {
	specMu.Lock()
	defer specMu.Unlock()
	for slug, s := range b {
		specs[string(lang)+"/"+slug] = s
	}
	complete[lang] = true
}

// addSpec keeps one spec, such as one found in the pre-rendered page.
func addSpec(s spec.Spec) {
	specMu.Lock()
	defer specMu.Unlock()
	specs[string(s.Lang)+"/"+s.Slug] = s
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
func peekSpec(lang i18n.Lang, slug string) (spec.Spec, specStatus) {
	specMu.Lock()
	defer specMu.Unlock()
	s, ok := specs[string(lang)+"/"+slug]
	switch {
	case ok:
		return s, specFound
	case complete[lang] || !app.IsClient:
		return spec.Spec{}, specMissing
	case failed[lang]:
		return spec.Spec{}, specUnavailable
	}
	return spec.Spec{}, specPending
}

// lookupSpec returns the chart with the slug. In the browser, the first
// miss of a language fetches its bundle and, once it is there, calls
// arrived in the UI goroutine.
func lookupSpec(ctx app.Context, lang i18n.Lang, slug string, arrived func(app.Context)) (spec.Spec, specStatus) {
	s, status := peekSpec(lang, slug)
	if status != specPending {
		return s, status
	}
	specMu.Lock()
	start := !fetching[lang]
	fetching[lang] = true
	specMu.Unlock()
	if start {
		ctx.Async(func() {
			err := fetchBundle(lang)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					app.Log(err)
				}
				arrived(ctx)
			})
		})
	}
	return s, status
}

// fetchBundle loads a language's charts. A failure (offline before the
// service worker had them) marks the language's charts unavailable rather
// than leaving the page waiting.
func fetchBundle(lang i18n.Lang) error {
	err := func() error {
		body, err := fetchText(href(spec.BundlePath(lang)))
		if err != nil {
			return fmt.Errorf("%s: %w", spec.BundlePath(lang), err)
		}
		var b spec.Bundle
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			return err
		}
		ProvideSpecs(lang, b)
		return nil
	}()
	specMu.Lock()
	defer specMu.Unlock()
	fetching[lang] = false
	failed[lang] = err != nil
	return err
}

// readInlineSpecs keeps the specs that the server wrote into the page, so
// that the app draws the first chart without waiting for the network.
func readInlineSpecs() {
	for _, text := range inlineSpecTexts() {
		var s spec.Spec
		if err := json.Unmarshal([]byte(text), &s); err == nil {
			addSpec(s)
		}
	}
}
