package seeds

import (
	"errors"
	"fmt"
	"math"
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
	dayPattern         = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
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

// checker collects the errors of one record file.
type checker struct {
	file string
	cat  *Catalog
	errs []error
}

func (c *checker) fail(figure int, field, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{File: c.file, Figure: figure, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Validate checks a record against the catalog. It returns every problem
// found, joined; nil means the record is sound.
func Validate(cat *Catalog, file string, rec *Record) error {
	c := &checker{file: file, cat: cat}
	c.metadata(rec)
	seen := map[string]int{}
	for i, f := range rec.Figures {
		n := i + 1
		c.figure(n, f)
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
	c.bilingual(0, "outlet", &rec.Outlet)
	if rec.Site != nil {
		c.bilingual(0, "site", rec.Site)
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
	if rec.About.ZH == "" || rec.About.EN == "" {
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
	if !dayPattern.MatchString(rec.Retrieved) {
		c.fail(0, "retrieved", "%q is not a day like 2026-11-30", rec.Retrieved)
	}
}

// bilingual checks that a display text has both languages. figure is 0 for
// the record's metadata.
func (c *checker) bilingual(figure int, field string, t *model.Text) {
	if strings.TrimSpace(t.ZH) == "" || strings.TrimSpace(t.EN) == "" {
		c.fail(figure, field, "needs both zh and en")
	}
}

func (c *checker) figure(n int, f Figure) {
	if _, ok := c.region(f.Region); !ok {
		c.fail(n, "region", "unknown region %q", f.Region)
	}
	metric, metricOK := c.metric(f.Metric)
	if !metricOK {
		c.fail(n, "metric", "unknown metric %q", f.Metric)
	}
	if !c.unitKnown(f.Unit) {
		c.fail(n, "unit", "unknown unit %q", f.Unit)
	} else if metricOK && metric.Unit != f.Unit {
		c.fail(n, "unit", "%q does not fit metric %q, which is in %q", f.Unit, f.Metric, metric.Unit)
	}
	c.enums(n, f)
	c.stage(n, f)
	if f.Speaker != nil {
		c.bilingual(n, "speaker", f.Speaker)
	}
	if f.Event != nil {
		c.bilingual(n, "event", f.Event)
	}
	if f.EventDate != "" && !dayPattern.MatchString(f.EventDate) {
		c.fail(n, "event_date", "%q is not a day like 2024-02-19", f.EventDate)
	}
	if f.Year < 1990 || f.Year > 2100 {
		c.fail(n, "year", "%d is out of range", f.Year)
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		c.fail(n, "value", "not a number")
	}
	if f.Stretch != nil && sameValue(*f.Stretch, f.Value) {
		c.fail(n, "stretch", "equals the value; leave it out when there is no separate stretch goal")
	}
	c.quote(n, f)
}

func (c *checker) enums(n int, f Figure) {
	if !model.ValidKind(f.Kind) {
		c.fail(n, "kind", "%q is not target or actual", f.Kind)
	}
	if !model.ValidQualifier(f.Qualifier) {
		c.fail(n, "qualifier", "%q is not exact, at_least, above, about or range", f.Qualifier)
	}
	if !model.ValidPeriod(f.Period) {
		c.fail(n, "period", "%q is not year or h1", f.Period)
	}
}

// upper checks a range: its top is above its bottom and the quote states
// both, joined by a dash or 至.
func (c *checker) upper(n int, f Figure, quote string, bottom number, bottomFound bool) {
	if (f.Qualifier == model.QualRange) != (f.Upper != nil) {
		c.fail(n, "upper", "a range needs an upper bound, and only a range has one")
		return
	}
	if f.Upper == nil {
		return
	}
	if *f.Upper <= f.Value {
		c.fail(n, "upper", "%v is not above the value %v", *f.Upper, f.Value)
	}
	top, ok := findValue(quote, *f.Upper, f.Unit, f.QuoteUnit)
	if !ok {
		c.fail(n, "upper", "the quote does not state the upper bound %v", *f.Upper)
	} else if bottomFound && (top.start < bottom.end || !isRangeJoin(quote[bottom.end:top.start])) {
		c.fail(n, "qualifier", "the quote does not join %v and %v as a range", f.Value, *f.Upper)
	}
}

// stage checks that a target says where it was stated and that only an
// actual can be provisional.
func (c *checker) stage(n int, f Figure) {
	switch f.Kind {
	case model.KindTarget:
		if !model.ValidStage(f.Stage) {
			c.fail(n, "stage", "%q is not pledge, plan or unknown; a target needs its stage", f.Stage)
		}
		if f.Provisional {
			c.fail(n, "provisional", "a target cannot be provisional; only an estimated result can")
		}
	case model.KindActual:
		if f.Stage != "" {
			c.fail(n, "stage", "an actual has no stage (%q); stages are for targets", f.Stage)
		}
	}
}

// quote checks that the quote exists, is short, and states the value (and
// the stretch value) with a qualifier that agrees with the figure's.
func (c *checker) quote(n int, f Figure) {
	q := strings.TrimSpace(f.Quote)
	if q == "" {
		c.fail(n, "quote", "missing")
		return
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

func (c *checker) region(id string) (model.Region, bool) {
	for _, r := range c.cat.Regions {
		if r.ID == id {
			return r, true
		}
	}
	return model.Region{}, false
}

func (c *checker) metric(id string) (model.Metric, bool) {
	for _, m := range c.cat.Metrics {
		if m.ID == id {
			return m, true
		}
	}
	return model.Metric{}, false
}

func (c *checker) unitKnown(id string) bool {
	for _, u := range c.cat.Units {
		if u.ID == id {
			return true
		}
	}
	return false
}

// ValidateCatalog checks the catalog's own consistency: unique ids, known
// units and groups, and names in both languages.
func ValidateCatalog(file string, cat *Catalog) error {
	c := &checker{file: file, cat: cat}
	seen := map[string]bool{}
	once := func(kind, id string) {
		if id == "" {
			c.fail(0, kind, "missing id")
		} else if seen[kind+":"+id] {
			c.fail(0, kind, "duplicate id %q", id)
		}
		seen[kind+":"+id] = true
	}
	for _, u := range cat.Units {
		once("unit", u.ID)
	}
	for _, r := range cat.Regions {
		once("region", r.ID)
		if !model.ValidGroup(r.Group) {
			c.fail(0, "region", "%q: unknown group %q", r.ID, r.Group)
		}
		if r.Name.ZH == "" || r.Name.EN == "" {
			c.fail(0, "region", "%q: needs zh and en names", r.ID)
		}
	}
	for _, m := range cat.Metrics {
		once("metric", m.ID)
		if !c.unitKnown(m.Unit) {
			c.fail(0, "metric", "%q: unknown unit %q", m.ID, m.Unit)
		}
		if m.Name.ZH == "" || m.Name.EN == "" || m.Description.ZH == "" || m.Description.EN == "" {
			c.fail(0, "metric", "%q: needs zh and en names and descriptions", m.ID)
		}
	}
	return errors.Join(c.errs...)
}
