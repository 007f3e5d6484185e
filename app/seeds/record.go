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

// Record is one source record file: a source's metadata and every figure
// taken from it. A source is one of the project's original articles (Source
// is its text's file name, and URL is empty) or a public web page (Source is
// web_…, URL its address as found, Retrieved the day it was read).
type Record struct {
	Source string `json:"source"`
	model.Publication
	Figures []Figure `json:"figures"`
}

// Figure is one figure as a source states it: the figure, and the words
// that state it.
type Figure struct {
	model.Figure
	Quote string `json:"quote"`
	// Sentence is the whole sentence around the quote, as written, for an
	// article whose text is kept (../shared/seeds): the context a reader
	// needs, which the shortest clause may leave out. Tests prove that it
	// is SentenceAround(text, quote). A web page's text is not kept, so its
	// figures have none, and readers see the recorded clause.
	Sentence string `json:"sentence,omitempty"`
	// QuoteUnit overrides the unit written in the quote when the text states
	// it wrongly (a machine translation's "billion" for trillion). A note
	// must say why.
	QuoteUnit string `json:"quote_unit,omitempty"`
	// Speaker, Event and EventDate say who stated the figure and where,
	// when the text names them.
	Speaker   *model.Text `json:"speaker,omitempty"`
	Event     *model.Text `json:"event,omitempty"`
	EventDate string      `json:"event_date,omitempty"`
	Note      string      `json:"note,omitempty"`
}

// Citation is the figure as the dataset cites it: the record's source, and
// what this figure states and who stated it.
func (f Figure) Citation(source string) model.Citation {
	return model.Citation{
		Source: source, Quote: f.Quote, Sentence: f.Sentence, Statement: f.Statement, Speaker: f.Speaker,
		Event: f.Event, EventDate: f.EventDate, Note: f.Note,
	}
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

// ParseCatalog decodes seeds/catalog.json: the ids a record may use.
func ParseCatalog(name string, r io.Reader) (*model.Catalog, error) {
	var c model.Catalog
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
