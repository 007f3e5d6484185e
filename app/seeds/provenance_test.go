package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceTextDir is where the original articles live: SEEDS_TEXT_DIR, or
// shared/seeds beside the repository (../shared/seeds) or beside one of
// its parent directories, wherever the clone sits. The texts are always
// present in CI, so a missing directory fails the test instead of
// skipping it.
func sourceTextDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("SEEDS_TEXT_DIR"); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("SEEDS_TEXT_DIR=%s is not readable: %v", dir, err)
		}
		return dir
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for dir := root; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(filepath.Dir(dir), "shared", "seeds")
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	t.Fatalf("the source articles are not in ../shared/seeds beside %s or a parent of it (set SEEDS_TEXT_DIR)", root)
	return ""
}

// TestQuotesAreVerbatim proves that every quote of an article appears,
// character for character, in the original article it cites. Web pages'
// texts are not stored: the validator proves their quotes state the figure.
func TestQuotesAreVerbatim(t *testing.T) {
	dir := sourceTextDir(t)
	set := readRepoSeeds(t)
	checked := 0
	for _, file := range set.Files() {
		rec := set.Records[file]
		if IsWebSource(rec.Source) {
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
