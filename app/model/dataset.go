// Package model holds the compiled dataset of district targets and the
// queries the explorer asks of it. It is pure Go with no browser code, so the
// same package serves the WebAssembly UI, the server and the tests.
package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Kinds of figure.
const (
	KindTarget = "target"
	KindActual = "actual"
)

// Qualifiers say how a figure's value binds.
const (
	QualExact   = "exact"
	QualAtLeast = "at_least"
	QualAbove   = "above"
	QualAbout   = "about"
	// QualRange is a range from Value to Upper (4.5%至5%).
	QualRange = "range"
)

// Stages of a target: where it was stated. A pledge is said at a
// conference by a party secretary or district head; a plan is adopted by the
// people's congress (the government work report or the annual plan). The
// same region, year and metric can have one target per stage.
const (
	StagePledge  = "pledge"
	StagePlan    = "plan"
	StageUnknown = "unknown"
)

// Periods a figure covers.
const (
	PeriodYear = "year"
	PeriodH1   = "h1"
)

// Region groups. The city and the neighbouring district are shown apart
// from Guangzhou's eleven districts; the province and the nation are the
// reference levels of the targets cascade.
const (
	GroupDistrict  = "district"
	GroupCity      = "city"
	GroupNeighbour = "neighbour"
	GroupProvince  = "province"
	GroupNation    = "nation"
)

// Text is a display string in Chinese and English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the text in the given language, "zh" or "en"; any other
// language gets English.
func (t Text) In(lang string) string {
	if lang == "zh" {
		return t.ZH
	}
	return t.EN
}

// Unit is a unit of measure for metric values.
type Unit struct {
	ID          string `json:"id"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
}

// Region is one of the places the dataset covers.
type Region struct {
	ID    string `json:"id"`
	Group string `json:"group"`
	Name  Text   `json:"name"`
}

// Metric is a measured quantity, such as GDP growth.
type Metric struct {
	ID          string `json:"id"`
	Unit        string `json:"unit"`
	Macro       bool   `json:"macro"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
}

// Source is one source (a news article among the project's originals, or a
// public web page) and what the project knows about it. The JSON field
// "seed" is the data contract's name for the source id.
type Source struct {
	ID string `json:"seed"`
	Publication
	Figures int `json:"figures"`
}

// Publication is what the project knows of a source apart from its
// figures: where and when it was published, when it was read, and what it
// is about. A source record states it and the dataset carries it as is.
type Publication struct {
	URL           string `json:"url,omitempty"`
	Outlet        Text   `json:"outlet"`
	Site          *Text  `json:"site,omitempty"`
	Published     string `json:"published"`
	PublishedNote string `json:"published_note,omitempty"`
	Retrieved     string `json:"retrieved,omitempty"`
	// Reliability warns readers about a mirror or an aggregator.
	Reliability      string   `json:"reliability,omitempty"`
	Language         string   `json:"language"`
	Translated       bool     `json:"translated"`
	Title            string   `json:"title"`
	TitleTranslation string   `json:"title_translation,omitempty"`
	About            Text     `json:"about"`
	Notes            []string `json:"notes,omitempty"`
}

// Citation ties a record to one source and says what that source states,
// and, where the text names them, who said it and where.
type Citation struct {
	Source   string `json:"seed"`
	Quote    string `json:"quote"`
	Sentence string `json:"sentence,omitempty"` // the whole sentence around the quote, where the source's text is kept
	Statement
	Speaker   *Text  `json:"speaker,omitempty"`
	Event     *Text  `json:"event,omitempty"`
	EventDate string `json:"event_date,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Statement is what a source states of a figure: the value, how it binds,
// the top of a range and a stretch goal. A record states what its
// preferred citation states.
type Statement struct {
	Value     float64 `json:"value"`
	Qualifier string  `json:"qualifier"`
	// Upper is the top of a range (qualifier "range"): 4.5%至5%.
	Upper   *float64 `json:"upper,omitempty"`
	Stretch *float64 `json:"stretch,omitempty"`
}

// Record is one figure: a region's value of a metric for a year, with every
// source that states it. When sources disagree, Value, Qualifier and Stretch
// come from the preferred citation (the first one) and Conflict lists the
// fields on which the citations differ.
type Record struct {
	ID string `json:"id"`
	Figure
	Sources  []Citation `json:"sources"`
	Conflict []string   `json:"conflict,omitempty"`
}

// Figure is what a figure is about and what it states: a record holds one
// for all its sources, and a source record one for each figure it takes
// from its source, so that both follow the same rules.
type Figure struct {
	Region string `json:"region"`
	Year   int    `json:"year"`
	Metric string `json:"metric"`
	Kind   string `json:"kind"`
	// Stage says where a target was stated; Provisional marks an estimate
	// (预计) published before the final figure. Stage is set on targets
	// only, Provisional on actuals only.
	Stage       string `json:"stage,omitempty"`
	Provisional bool   `json:"provisional,omitempty"`
	Statement
	Period string `json:"period"`
	Unit   string `json:"unit"`
}

// Coverage says, for one metric, year, kind and period that has at least one
// figure, which regions have a figure and which do not.
type Coverage struct {
	Metric  string   `json:"metric"`
	Year    int      `json:"year"`
	Kind    string   `json:"kind"`
	Period  string   `json:"period"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// Search is a figure the project searched its sources for and did not find:
// what was looked for, with the phrasings tried, so that readers can tell
// "searched for, not found" from "not looked for".
type Search struct {
	Region  string   `json:"region"`
	Year    int      `json:"year"`
	Kind    string   `json:"kind"`
	Stage   string   `json:"stage,omitempty"`
	Metrics []string `json:"metrics"`
	Queries []string `json:"queries"`
	Note    string   `json:"note,omitempty"`
}

// Catalog is the ids a figure may use, with their names: the units,
// regions and metrics.
type Catalog struct {
	Units   []Unit   `json:"units"`
	Regions []Region `json:"regions"`
	Metrics []Metric `json:"metrics"`
}

// Dataset is the whole compiled dataset, as stored in data/targets.json.
type Dataset struct {
	Schema int `json:"schema"`
	Catalog
	Sources  []Source   `json:"sources"`
	Records  []Record   `json:"records"`
	Coverage []Coverage `json:"coverage"`
	Searched []Search   `json:"searched"`

	index index
}

// SchemaVersion is the version of the data contract this package reads.
const SchemaVersion = 2

// Decode decodes and indexes a dataset without validating it. The browser
// uses it for the dataset compiled into the app, which the generator, the
// tests and the server have all validated already; leaving the checks out
// keeps the WebAssembly smaller and its start faster.
func Decode(b []byte) (*Dataset, error) {
	ds, err := decode(b)
	if err != nil {
		return nil, err
	}
	ds.buildIndex()
	return ds, nil
}

// decode reads the JSON, rejecting unknown fields.
func decode(b []byte) (*Dataset, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ds Dataset
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	return &ds, nil
}

// Encode writes the dataset as indented JSON, with HTML characters left as
// they are so that the committed file stays readable.
func (ds *Dataset) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ds); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
