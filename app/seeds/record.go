// Package seeds reads the project's source records (seeds/*.json), checks
// them, and compiles them into the dataset of package model. It runs at
// build time only: the explorer reads the compiled data, never the records.
package seeds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gztargets/app/model"
)

// Catalog is seeds/catalog.json: the ids a record may use.
type Catalog struct {
	Units   []model.Unit   `json:"units"`
	Regions []model.Region `json:"regions"`
	Metrics []model.Metric `json:"metrics"`
}

// Record is one source record file: a source's metadata and every figure
// taken from it. A source is one of the project's original articles (Source
// is its text's file name, and URL is empty) or a public web page (Source is
// web_…, URL its address as found, Retrieved the day it was read).
type Record struct {
	Source           string      `json:"source"`
	URL              string      `json:"url"`
	Outlet           model.Text  `json:"outlet"`
	Site             *model.Text `json:"site"`
	Published        string      `json:"published"`
	PublishedNote    string      `json:"published_note"`
	Retrieved        string      `json:"retrieved"`
	Reliability      string      `json:"reliability"`
	Language         string      `json:"language"`
	Translated       bool        `json:"translated"`
	Title            string      `json:"title"`
	TitleTranslation string      `json:"title_translation"`
	About            model.Text  `json:"about"`
	Notes            []string    `json:"notes"`
	Figures          []Figure    `json:"figures"`
}

// Figure is one figure as a source states it.
type Figure struct {
	Region string `json:"region"`
	Year   int    `json:"year"`
	Metric string `json:"metric"`
	Kind   string `json:"kind"`
	// Stage says where a target was stated (pledge, plan or unknown);
	// Provisional marks an estimate (预计) published before the final
	// figure. Stage is for targets only, Provisional for actuals only.
	Stage       string  `json:"stage"`
	Provisional bool    `json:"provisional"`
	Value       float64 `json:"value"`
	Qualifier   string  `json:"qualifier"`
	// Upper is the top of a range (qualifier "range"): 4.5%至5%.
	Upper   *float64 `json:"upper"`
	Stretch *float64 `json:"stretch"`
	Period  string   `json:"period"`
	Unit    string   `json:"unit"`
	Quote   string   `json:"quote"`
	// QuoteUnit overrides the unit written in the quote when the text states
	// it wrongly (a machine translation's "billion" for trillion). A note
	// must say why.
	QuoteUnit string `json:"quote_unit"`
	// Speaker, Event and EventDate say who stated the figure and where,
	// when the text names them.
	Speaker   *model.Text `json:"speaker"`
	Event     *model.Text `json:"event"`
	EventDate string      `json:"event_date"`
	Note      string      `json:"note"`
}

// Key identifies a figure across sources: two sources stating the same key
// state the same figure. A pledge and a plan are two figures, and so are an
// estimate and the final result.
func (f Figure) Key() string {
	key := fmt.Sprintf("%s-%d-%s-%s-%s", f.Region, f.Year, f.Metric, f.Kind, f.Period)
	if f.Stage != "" {
		key += "-" + f.Stage
	}
	if f.Provisional {
		key += "-provisional"
	}
	return key
}

// ParseRecord decodes one record file. name is the file's path, used in
// error messages. Unknown fields and trailing data are errors, so that a
// misspelt field is reported instead of ignored.
func ParseRecord(name string, r io.Reader) (*Record, error) {
	var rec Record
	if err := decodeStrict(r, &rec); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &rec, nil
}

// ParseCatalog decodes seeds/catalog.json.
func ParseCatalog(name string, r io.Reader) (*Catalog, error) {
	var c Catalog
	if err := decodeStrict(r, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &c, nil
}

func decodeStrict(r io.Reader, v any) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describeJSONError(b, err)
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON object")
	}
	return nil
}

// describeJSONError adds the line number to a JSON syntax or type error.
func describeJSONError(b []byte, err error) error {
	var offset int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset < 0 || offset > int64(len(b)) {
		return err
	}
	line := 1 + bytes.Count(b[:offset], []byte("\n"))
	return fmt.Errorf("line %d: %w", line, err)
}
