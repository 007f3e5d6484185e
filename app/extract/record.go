package extract

import "slices"

// Draft is a proposed source record in the format of the files in seeds/:
// the page's metadata, left blank where the text cannot tell, and every
// figure found in the text. A person fills in the blanks, checks each
// figure, removes the "uncertain" lists and saves it in seeds/.
type Draft struct {
	Source        string   `json:"source"`
	URL           string   `json:"url"`
	Outlet        Text     `json:"outlet"`
	Published     string   `json:"published"`
	PublishedNote string   `json:"published_note,omitempty"`
	Retrieved     string   `json:"retrieved"`
	Language      string   `json:"language"`
	Translated    bool     `json:"translated"`
	Title         string   `json:"title"`
	About         Text     `json:"about"`
	Notes         []string `json:"notes"`
	Figures       []Figure `json:"figures"`
}

// Text is a string in Chinese and in English.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Figure is one drafted figure. Uncertain names the fields the extractor
// could not decide from the text; their values are its best reading.
type Figure struct {
	Region      string   `json:"region"`
	Year        int      `json:"year"`
	Metric      string   `json:"metric"`
	Kind        string   `json:"kind"`
	Stage       string   `json:"stage,omitempty"`
	Provisional bool     `json:"provisional,omitempty"`
	Value       float64  `json:"value"`
	Qualifier   string   `json:"qualifier"`
	Stretch     *float64 `json:"stretch,omitempty"`
	Period      string   `json:"period"`
	Unit        string   `json:"unit"`
	Quote       string   `json:"quote"`
	Note        string   `json:"note,omitempty"`
	Uncertain   []string `json:"uncertain,omitempty"`
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

// Kinds, stages, qualifiers, periods and units, as the seeds format spells them.
const (
	kindTarget = "target"
	kindActual = "actual"

	stagePledge  = "pledge"
	stagePlan    = "plan"
	stageUnknown = "unknown"

	qualExact   = "exact"
	qualAtLeast = "at_least"
	qualAbove   = "above"
	qualAbout   = "about"

	periodYear = "year"
	periodH1   = "h1"

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
