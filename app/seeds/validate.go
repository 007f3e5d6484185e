package seeds

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"gztargets/app/model"
)

// MaxQuoteRunes bounds a quote's length: a citation is the shortest clause
// that states a figure, not a paragraph.
const MaxQuoteRunes = 120

var (
	articleNamePattern = regexp.MustCompile(`^[0-9]{3}_[0-9a-f]{16}\.txt$`)
	webNamePattern     = regexp.MustCompile(`^web_[a-z0-9_]+$`)
	publishedPattern   = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// IsWebSource reports whether a source id names a public web page rather
// than one of the project's original articles.
func IsWebSource(id string) bool { return webNamePattern.MatchString(id) }

// FieldError is a problem with one field of one figure (or of the record's
// metadata when Figure is 0). Its message names the file, the figure and
// the field, so that a person can find and fix it.
type FieldError struct {
	File   string
	Figure int // 1-based; 0 for the record's metadata
	Field  string
	Msg    string
}

func (e *FieldError) Error() string {
	if e.Figure == 0 {
		return fmt.Sprintf("%s: %s: %s", e.File, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: figure %d: %s: %s", e.File, e.Figure, e.Field, e.Msg)
}

// checker collects the errors of one file. The catalog, indexed as an
// empty dataset, holds the ids the file may use.
type checker struct {
	file string
	ds   *model.Dataset
	errs []error
}

func (c *checker) fail(figure int, field, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{File: c.file, Figure: figure, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// report adds the problems that the dataset's rules find in one item.
func (c *checker) report(figure int, problems []model.Problem) {
	for _, p := range problems {
		c.errs = append(c.errs, &FieldError{File: c.file, Figure: figure, Field: p.Field, Msg: p.Msg})
	}
}

// Validate checks a record against the catalog. It returns every problem
// found, joined; nil means the record is sound.
func Validate(cat *model.Catalog, file string, rec *Record) error {
	return validate(model.NewDataset(*cat), file, rec)
}

// validate checks a record against the catalog's dataset: the dataset's
// rules for each figure and its citation, and what only a source record
// states: the source's metadata, and quotes that state their figures.
func validate(ds *model.Dataset, file string, rec *Record) error {
	c := &checker{file: file, ds: ds}
	c.metadata(rec)
	seen := map[string]int{}
	for i, f := range rec.Figures {
		n := i + 1
		c.report(n, ds.FigureProblems(f.Figure))
		c.report(n, model.CitationProblems(f.Citation(rec.Source)))
		c.quote(n, f)
		if first, dup := seen[f.Key()]; dup {
			c.fail(n, "figure", "duplicate of figure %d (%s)", first, f.Key())
		} else {
			seen[f.Key()] = n
		}
	}
	return errors.Join(c.errs...)
}

func (c *checker) metadata(rec *Record) {
	switch {
	case articleNamePattern.MatchString(rec.Source):
		if rec.URL != "" {
			c.fail(0, "url", "an original article has no address; a web page's source id starts with web_")
		}
	case IsWebSource(rec.Source):
		c.webPage(rec)
	default:
		c.fail(0, "source", "%q is neither an article file name like 000_0123456789abcdef.txt nor a web page id like web_tianhe_2025_work_report", rec.Source)
	}
	if !rec.Outlet.Bilingual() {
		c.fail(0, "outlet", "needs both zh and en")
	}
	if rec.Site != nil && !rec.Site.Bilingual() {
		c.fail(0, "site", "needs both zh and en")
	}
	if !publishedPattern.MatchString(rec.Published) {
		c.fail(0, "published", "%q is not a date like 2024, 2024-02 or 2024-02-19", rec.Published)
	}
	if rec.Language != "zh" && rec.Language != "en" {
		c.fail(0, "language", "%q is not zh or en", rec.Language)
	}
	if strings.TrimSpace(rec.Title) == "" {
		c.fail(0, "title", "missing")
	}
	if !rec.About.Bilingual() {
		c.fail(0, "about", "needs both zh and en descriptions")
	}
	if len(rec.Figures) == 0 {
		c.fail(0, "figures", "a source record needs at least one figure")
	}
}

// webPage checks what a web page's record must carry: its address and the
// day it was read.
func (c *checker) webPage(rec *Record) {
	u, err := url.Parse(rec.URL)
	if rec.URL == "" {
		c.fail(0, "url", "a web page needs its address")
	} else if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.fail(0, "url", "%q is not an http or https address", rec.URL)
	}
	if !model.IsDay(rec.Retrieved) {
		c.fail(0, "retrieved", "%q is not a day like 2026-11-30", rec.Retrieved)
	}
}

// upper checks that the quote states a range's top, joined to its bottom
// by a dash or 至. Whether the figure is a sound range is the dataset's
// rule.
func (c *checker) upper(n int, f Figure, quote string, bottom number, bottomFound bool) {
	if f.Qualifier != model.QualRange || f.Upper == nil {
		return
	}
	top, ok := findValue(quote, *f.Upper, f.Unit, f.QuoteUnit)
	if !ok {
		c.fail(n, "upper", "the quote does not state the upper bound %v", *f.Upper)
	} else if bottomFound && (top.start < bottom.end || !isRangeJoin(quote[bottom.end:top.start])) {
		c.fail(n, "qualifier", "the quote does not join %v and %v as a range", f.Value, *f.Upper)
	}
}

// quote checks that the quote is short and states the value (and the
// stretch value) with a qualifier that agrees with the figure's. A missing
// quote is the dataset's rule.
func (c *checker) quote(n int, f Figure) {
	q := strings.TrimSpace(f.Quote)
	if q == "" {
		return
	}
	if f.Sentence != "" && !strings.Contains(f.Sentence, q) {
		c.fail(n, "sentence", "does not contain the quote")
	}
	if utf8.RuneCountInString(q) > MaxQuoteRunes {
		c.fail(n, "quote", "longer than %d characters; quote the shortest clause that states the figure", MaxQuoteRunes)
	}
	if f.QuoteUnit != "" {
		if _, ok := quoteUnits[f.QuoteUnit]; !ok || f.Unit != "cny_100m" {
			c.fail(n, "quote_unit", "%q is not an amount unit (亿元, 万亿元, billion yuan, trillion yuan)", f.QuoteUnit)
			return
		}
		if strings.TrimSpace(f.Note) == "" {
			c.fail(n, "note", "a quote_unit override needs a note saying why")
		}
	}
	num, ok := findValue(q, f.Value, f.Unit, f.QuoteUnit)
	if !ok {
		c.fail(n, "quote", "does not state the value %v %s", f.Value, f.Unit)
	} else if ctx := qualifierContext(q, num); model.ValidQualifier(f.Qualifier) && f.Qualifier != model.QualRange && !qualifierFits(ctx, f.Qualifier) {
		c.fail(n, "qualifier", "%q does not fit the words around the value in the quote (%q)", f.Qualifier, strings.TrimSpace(ctx))
	}
	c.upper(n, f, q, num, ok)
	if f.Stretch != nil {
		if _, ok := findValue(q, *f.Stretch, f.Unit, f.QuoteUnit); !ok {
			c.fail(n, "stretch", "the quote does not state the stretch value %v", *f.Stretch)
		} else if !containsAny(strings.ToLower(q), strivePhrases) {
			c.fail(n, "stretch", "the quote has no 力争/争取/strive for a stretch goal")
		}
	}
}
