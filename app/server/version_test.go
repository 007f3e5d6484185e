package server

import (
	"os"
	"path/filepath"
	"testing"
)

// copyDir copies a directory into a new temporary one. Each copy is newer
// than the files it copies, and a pre-compressed copy (app.wasm.br) is
// written after its source, so it is still used.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestVersionIsAContentHash checks the promise the service worker relies
// on: the same files give the same version (a rebuild with no change
// keeps every cache), and any change of content gives a new one.
func TestVersionIsAContentHash(t *testing.T) {
	web := copyDir(t, "../../web")
	first, err := NewSite(web, "", "")
	if err != nil {
		t.Fatal(err)
	}
	again, err := NewSite(copyDir(t, web), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if first.Version != again.Version {
		t.Errorf("the same files gave versions %s and %s", first.Version, again.Version)
	}
	touched := copyDir(t, web)
	now := filepath.Join(touched, "style.css")
	b, _ := os.ReadFile(now)
	os.WriteFile(now, b, 0o644) // same content, new modification time
	same, err := NewSite(touched, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if same.Version != first.Version {
		t.Errorf("rewriting a file unchanged moved the version from %s to %s", first.Version, same.Version)
	}
	os.WriteFile(now, append(b, []byte("\n/* changed */\n")...), 0o644)
	changed, err := NewSite(touched, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if changed.Version == first.Version {
		t.Error("a changed style sheet kept the version, so browsers would not update")
	}
}
