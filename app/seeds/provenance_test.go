package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceTextDir is where the original articles live; the test fails
// when they are missing.
func sourceTextDir(t *testing.T) string {
	t.Helper()
	dir, err := TextDir(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestQuotesAreVerbatim proves that every quote of an article appears,
// character for character, in the original article it cites, and that its
// sentence is the whole sentence around it. Web pages' texts are not
// stored: the validator proves their quotes state the figure, and they
// have no sentence.
func TestQuotesAreVerbatim(t *testing.T) {
	dir := sourceTextDir(t)
	set := readRepoSeeds(t)
	checked := 0
	for _, file := range set.Files() {
		rec := set.Records[file]
		if IsWebSource(rec.Source) {
			for i, f := range rec.Figures {
				if f.Sentence != "" {
					t.Errorf("%s: figure %d: a web page's text is not kept, so no sentence can be proved: %q", file, i+1, f.Sentence)
				}
			}
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, rec.Source))
		if err != nil {
			t.Errorf("%s: cannot read its source text: %v", file, err)
			continue
		}
		for i, f := range rec.Figures {
			if !strings.Contains(string(text), f.Quote) {
				t.Errorf("%s: figure %d: quote %q is not in %s", file, i+1, f.Quote, rec.Source)
			}
			if want, _ := SentenceAround(string(text), f.Quote); f.Sentence != want {
				t.Errorf("%s: figure %d: sentence %q, want the whole sentence around the quote as written: %q", file, i+1, f.Sentence, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no quotes were checked")
	}
}

// TestEverySourceHasARecord makes sure no article in the source directory
// is left without a record file.
func TestEverySourceHasARecord(t *testing.T) {
	texts, err := filepath.Glob(filepath.Join(sourceTextDir(t), "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no source texts found: %v", err)
	}
	set := readRepoSeeds(t)
	have := map[string]bool{}
	for _, rec := range set.Records {
		have[rec.Source] = true
	}
	for _, path := range texts {
		if name := filepath.Base(path); !have[name] {
			t.Errorf("%s has no record in seeds/", name)
		}
	}
}
