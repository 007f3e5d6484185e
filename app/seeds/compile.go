package seeds

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gztargets/app/model"
)

// CatalogFile is the name of the catalog inside the seeds directory.
const CatalogFile = "catalog.json"

// SearchedFile lists, inside the seeds directory, what was searched for and
// not found.
const SearchedFile = "searched.json"

// Set is the catalog, every source record and the searched-and-not-found
// list of a seeds directory.
type Set struct {
	Catalog  *model.Catalog
	Records  map[string]*Record // by file path, e.g. seeds/000_….json
	Searched []model.Search
}

// ReadDir parses the catalog and every record file of a seeds directory.
// dirName is the directory's name as shown in error messages. Every record
// file must be named after the source text it describes.
func ReadDir(fsys fs.FS, dirName string) (*Set, error) {
	open := func(name string) (fs.File, string, error) {
		f, err := fsys.Open(name)
		return f, path.Join(dirName, name), err
	}
	f, catName, err := open(CatalogFile)
	if err != nil {
		return nil, err
	}
	cat, err := ParseCatalog(catName, f)
	f.Close()
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	set := &Set{Catalog: cat, Records: map[string]*Record{}}
	var errs []error
	if f, file, err := open(SearchedFile); err == nil {
		set.Searched, err = ParseSearched(file, f)
		f.Close()
		errs = append(errs, err)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, name := range names {
		if name == CatalogFile || name == SearchedFile {
			continue
		}
		f, file, err := open(name)
		if err != nil {
			return nil, err
		}
		rec, err := ParseRecord(file, f)
		f.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if want := sourceIDFor(name, rec.Source); rec.Source != want {
			errs = append(errs, &FieldError{File: file, Field: "source", Msg: fmt.Sprintf("%q does not match the file name (want %q)", rec.Source, want)})
		}
		set.Records[file] = rec
	}
	return set, errors.Join(errs...)
}

// sourceIDFor is the source id a record file must carry: a web page's record
// is named after its id, an article's after its text file.
func sourceIDFor(fileName, id string) string {
	base := strings.TrimSuffix(fileName, ".json")
	if IsWebSource(id) {
		return base
	}
	return base + ".txt"
}

// Files returns the record file paths in sorted order.
func (s *Set) Files() []string {
	files := make([]string, 0, len(s.Records))
	for f := range s.Records {
		files = append(files, f)
	}
	slices.Sort(files)
	return files
}

// Validate checks the catalog, every record and the searched-and-not-found
// list, with the catalog indexed once.
func (s *Set) Validate() error {
	ds := model.NewDataset(*s.Catalog)
	c := &checker{file: CatalogFile}
	c.report(0, ds.CatalogProblems())
	errs := c.errs
	for _, file := range s.Files() {
		errs = append(errs, validate(ds, file, s.Records[file]))
	}
	errs = append(errs, s.validateSearched(ds))
	return errors.Join(errs...)
}

// Compile validates the set and builds the dataset: one record per figure,
// merging the citations of every source that states it. When sources
// disagree the record keeps every citation and lists the fields that
// differ. The output is sorted, so that the same seeds always give the same
// bytes.
func (s *Set) Compile() (*model.Dataset, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	ds := &model.Dataset{Schema: model.SchemaVersion, Catalog: *s.Catalog}
	type citedFigure struct {
		rec *Record
		fig Figure
	}
	byKey := map[string][]citedFigure{}
	for _, file := range s.Files() {
		rec := s.Records[file]
		ds.Sources = append(ds.Sources, sourceOf(rec))
		for _, f := range rec.Figures {
			byKey[f.Key()] = append(byKey[f.Key()], citedFigure{rec, f})
		}
	}
	for key, figs := range byKey {
		sort.SliceStable(figs, func(a, b int) bool {
			return preferCitation(figs[a].rec, figs[a].fig, figs[b].rec, figs[b].fig)
		})
		cites := make([]model.Citation, len(figs))
		for i, cf := range figs {
			cites[i] = cf.fig.Citation(cf.rec.Source)
		}
		first := figs[0].fig
		ds.Records = append(ds.Records, model.Record{
			ID: key, Figure: first.Figure, Sources: cites, Conflict: disagreements(first.Kind, cites),
		})
	}
	ds.Searched = s.Searched
	if ds.Searched == nil {
		ds.Searched = []model.Search{}
	}
	ds.Arrange()
	return ds, nil
}

// preferCitation orders citations; the first supplies the record's value
// when sources disagree. A source in its original language comes before a
// machine translation; for a result, an exact figure before a rough one
// ("more than 650 billion"); a page without a reliability warning before a
// mirror or an aggregator; for a result, more decimals before fewer; then
// by source id.
func preferCitation(ra *Record, fa Figure, rb *Record, fb Figure) bool {
	actual := fa.Kind == model.KindActual
	switch {
	case ra.Translated != rb.Translated:
		return !ra.Translated
	case actual && (fa.Qualifier == model.QualExact) != (fb.Qualifier == model.QualExact):
		return fa.Qualifier == model.QualExact
	case (ra.Reliability == "") != (rb.Reliability == ""):
		return ra.Reliability == ""
	case actual && decimals(fa.Value) != decimals(fb.Value):
		return decimals(fa.Value) > decimals(fb.Value)
	}
	return ra.Source < rb.Source
}

// decimals counts the decimal places a value is written with.
func decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func sourceOf(rec *Record) model.Source {
	return model.Source{ID: rec.Source, Publication: rec.Publication, Figures: len(rec.Figures)}
}

// disagreements lists the fields on which the citations differ. A target's
// wording is its meaning (about 18% is not 18%以上), so any difference
// counts; results stated roughly and precisely (突破6500亿元 and 6551.3亿元,
// 2867 and 2866.95) agree when the rough statement holds for the precise one.
func disagreements(kind string, cites []model.Citation) []string {
	if kind == model.KindActual && resultsAgree(cites) {
		return nil
	}
	var fields []string
	first := cites[0]
	differs := func(pred func(c model.Citation) bool) bool {
		return slices.ContainsFunc(cites[1:], pred)
	}
	if differs(func(c model.Citation) bool {
		return !model.SameValue(c.Value, first.Value) || !sameStretch(c.Upper, first.Upper)
	}) {
		fields = append(fields, "value")
	}
	if differs(func(c model.Citation) bool { return c.Qualifier != first.Qualifier }) {
		fields = append(fields, "qualifier")
	}
	if differs(func(c model.Citation) bool { return !sameStretch(c.Stretch, first.Stretch) }) {
		fields = append(fields, "stretch")
	}
	return fields
}

// resultsAgree reports whether every citation of a result is consistent
// with the most precise exact one.
func resultsAgree(cites []model.Citation) bool {
	precise := -1
	for i, c := range cites {
		if c.Qualifier == model.QualExact && (precise < 0 || decimals(c.Value) > decimals(cites[precise].Value)) {
			precise = i
		}
	}
	if precise < 0 {
		return false
	}
	for _, c := range cites {
		if !statementHolds(c, cites[precise].Value) {
			return false
		}
	}
	return true
}

// statementHolds reports whether a citation's statement is true of the
// value: an exact figure equal to it after rounding to the citation's own
// decimals, "more than" or "at least" below it, "about" within rounding of
// a whole number.
func statementHolds(c model.Citation, v float64) bool {
	switch c.Qualifier {
	case model.QualExact:
		scale := math.Pow(10, float64(decimals(c.Value)))
		return model.SameValue(math.Round(v*scale)/scale, c.Value)
	case model.QualAbove:
		return v > c.Value
	case model.QualAtLeast:
		return v >= c.Value
	case model.QualAbout:
		return math.Abs(v-c.Value) < 0.5*math.Max(1, math.Abs(c.Value)/100)
	}
	return false
}

func sameStretch(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return model.SameValue(*a, *b)
}
