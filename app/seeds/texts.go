package seeds

import (
	"fmt"
	"os"
	"path/filepath"
)

// TextDirEnv names the environment variable that says where the original
// articles' texts are, when they are not in shared/seeds.
const TextDirEnv = "SEEDS_TEXT_DIR"

// TextDir finds the original articles' texts, which prove that every
// quote is verbatim: $SEEDS_TEXT_DIR, or shared/seeds beside the repository
// (../shared/seeds) or beside one of its parent directories, wherever the
// clone sits. repo is the repository's root. The texts are always present
// in CI, so a caller fails rather than skips when they are not found.
func TextDir(repo string) (string, error) {
	if dir := os.Getenv(TextDirEnv); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return "", fmt.Errorf("%s=%s is not readable: %w", TextDirEnv, dir, err)
		}
		return dir, nil
	}
	root, err := filepath.Abs(repo)
	if err != nil {
		return "", err
	}
	for dir := root; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		candidate := filepath.Join(filepath.Dir(dir), "shared", "seeds")
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
	}
	return "", fmt.Errorf("the source articles are not in ../shared/seeds beside %s or a parent of it (set %s)", root, TextDirEnv)
}
