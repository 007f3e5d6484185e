package main

import "testing"

func TestShellJoin(t *testing.T) {
	got := shellJoin([]string{"go", "test", "-run", "^$", "-f", "{{.ImportPath}} x", "it's", ""})
	want := `go test -run '^$' -f '{{.ImportPath}} x' 'it'\''s' ''`
	if got != want {
		t.Errorf("shellJoin = %s\nwant %s", got, want)
	}
}
