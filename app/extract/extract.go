// Package extract drafts a source record from a text about economic
// targets and results: a news article, a work report, a district's
// English page. It finds every figure it can read (region, year, metric,
// target or result, stage, value, qualifier, stretch goal, period, unit)
// with the clause that states it, copied verbatim, and lists for each
// figure the fields it could not decide. A person reviews the draft.
//
// It reads the patterns of the languages, not of particular texts: metric
// phrases in Chinese and English, units (%, 亿元, 万亿元, billion yuan,
// 增长N倍), qualifiers (以上, 超, 左右, "more than"), lists that share a verb
// (分别增长6.2%、19.3%), and the words that say whether a figure is a goal
// or a result, which year it is for and where the goal was set.
package extract

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"gztargets/app/model"
)

// Options are what the text itself may not say.
type Options struct {
	// Published is the text's date (YYYY, YYYY-MM or YYYY-MM-DD), which
	// gives 今年 and "last year" their years. Empty: the first date in
	// the text, if any, with the years it gives marked uncertain.
	Published string
	// Region is the region id the text is about when it never names one.
	Region string
	// Source is the record id, or a name to make one from (a file name).
	Source string
	// Retrieved is the date the text was retrieved, copied to the draft.
	Retrieved string
}

// Extract reads a text and drafts its source record.
func Extract(r io.Reader, opt Options) (*Draft, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading the text: %w", err)
	}
	d, err := newDocument(string(b), opt)
	if err != nil {
		return nil, err
	}
	return d.draft(), nil
}

// document is a text being read, with what is known about it.
type document struct {
	text      string
	opt       Options
	paras     []paragraph
	mentions  []mention
	idx       index
	published date
	// inferred is set when the publication date was read from the text.
	inferred bool
	notes    []string
	skipped  map[string]bool
}

// newDocument splits text and settles its publication date.
func newDocument(text string, opt Options) (*document, error) {
	d := &document{text: text, opt: opt, paras: splitParagraphs(text), skipped: map[string]bool{}}
	d.buildIndex()
	if opt.Published != "" {
		p, err := parseDate(opt.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		d.published = p
	} else if p, _, ok := firstDate(text); ok {
		d.published, d.inferred = p, true
	}
	return d, nil
}

// inForeign reports whether position p lies in a paragraph left out.
func (d *document) inForeign(p int) bool {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].end > p })
	return i < len(d.paras) && d.paras[i].contains(p) && d.paras[i].foreign
}

// draft assembles the record.
func (d *document) draft() *Draft {
	figures := mergeFigures(d.findFigures())
	dr := &Draft{
		Source: sourceID(d.opt.Source),
		Publication: model.Publication{
			Published: d.published.String(),
			Retrieved: d.opt.Retrieved,
			Language:  language(d.text),
			Title:     d.title(),
			Notes:     d.draftNotes(),
		},
		Figures: figures,
	}
	if d.inferred {
		_, s, _ := firstDate(d.text)
		dr.PublishedNote = fmt.Sprintf("Read from the first date in the text, %q: check it.", s.of(d.text))
	}
	if dr.Figures == nil {
		dr.Figures = []Figure{}
	}
	return dr
}

// draftNotes returns the notes for the reviewer, first what to do.
func (d *document) draftNotes() []string {
	notes := []string{"DRAFT by app/cmd/extract: fill in url, outlet, about (and site, reliability, title_translation where they apply), " +
		"check every figure against the text, delete each figure's \"uncertain\" list once checked, and delete this note."}
	if n := d.foreignCount(); n > 0 {
		notes = append(notes, fmt.Sprintf("Left out %d paragraph(s) in Japanese.", n))
	}
	return append(notes, d.notes...)
}

// foreignCount counts the paragraphs left out.
func (d *document) foreignCount() int {
	n := 0
	for _, p := range d.paras {
		if p.foreign {
			n++
		}
	}
	return n
}

// title is the text's first line, without Markdown heading marks.
func (d *document) title() string {
	for _, p := range d.paras {
		t := strings.TrimSpace(strings.TrimLeft(p.of(d.text), "#•* \t"))
		if t != "" {
			return truncateRunes(t, 200)
		}
	}
	return ""
}

// truncateRunes cuts s to at most n characters.
func truncateRunes(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

// language tells Chinese from English by the characters the text uses.
func language(text string) string {
	han, latin := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 128 && unicode.IsLetter(r):
			latin++
		}
	}
	if han*3 >= latin {
		return "zh"
	}
	return "en"
}

// sourceIDChars matches what a record id may not contain.
var sourceIDChars = regexp.MustCompile(`[^a-z0-9]+`)

// sourceID makes a record id (web_…) from a name such as a file name.
func sourceID(name string) string {
	name = strings.TrimSuffix(strings.ToLower(name), ".txt")
	name = strings.Trim(sourceIDChars.ReplaceAllString(name, "_"), "_")
	name = strings.TrimPrefix(name, "web_")
	if name == "" {
		return "web_draft"
	}
	return "web_" + name
}

// note records a note for the reviewer once.
func (d *document) note(format string, args ...any) {
	n := fmt.Sprintf(format, args...)
	if !d.skipped[n] {
		d.skipped[n] = true
		d.notes = append(d.notes, n)
	}
}
