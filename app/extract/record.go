package extract

import (
	"slices"

	"gztargets/app/model"
	"gztargets/app/seeds"
)

// Draft is a proposed source record in the format of the files in seeds/:
// the page's metadata, left blank where the text cannot tell, and every
// figure found in the text. A person fills in the blanks, checks each
// figure, removes the "uncertain" lists and saves it in seeds/.
type Draft struct {
	Source string `json:"source"`
	model.Publication
	Figures []Figure `json:"figures"`
}

// Figure is one drafted figure. Uncertain names the fields the extractor
// could not decide from the text; their values are its best reading. A
// source record has no such list: the person reviewing the draft deletes
// it.
type Figure struct {
	seeds.Figure
	Uncertain []string `json:"uncertain,omitempty"`
}

// Field names used in Figure.Uncertain.
const (
	fieldRegion    = "region"
	fieldYear      = "year"
	fieldMetric    = "metric"
	fieldKind      = "kind"
	fieldStage     = "stage"
	fieldValue     = "value"
	fieldQualifier = "qualifier"
	fieldQuote     = "quote"
)

// Units, as the seeds catalog spells them.
const (
	unitPct = "pct"
	unitCNY = "cny_100m"
)

// markUncertain adds field to the figure's uncertain list once, keeping
// the list sorted.
func (f *Figure) markUncertain(field string) {
	if !slices.Contains(f.Uncertain, field) {
		f.Uncertain = append(f.Uncertain, field)
		slices.Sort(f.Uncertain)
	}
}
