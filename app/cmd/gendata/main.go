// Command gendata compiles the source records in seeds/ into
// data/targets.json. It is run by `make data` and `go generate ./data`.
//
// With -check it writes nothing and fails when the committed file differs
// from what the records compile to.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"gztargets/app/seeds"
)

func main() {
	dir := flag.String("seeds", "seeds", "directory of source records")
	out := flag.String("out", "data/targets.json", "compiled dataset to write")
	check := flag.Bool("check", false, "fail if -out differs from the compiled records instead of writing it")
	flag.Parse()
	if err := run(*dir, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

func run(dir, out string, check bool) error {
	set, err := seeds.ReadDir(os.DirFS(dir), dir)
	if err != nil {
		return err
	}
	ds, err := set.Compile()
	if err != nil {
		return err
	}
	b, err := ds.Encode()
	if err != nil {
		return err
	}
	if check {
		old, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		if !bytes.Equal(old, b) {
			return fmt.Errorf("%s is out of date: run make data", out)
		}
		return nil
	}
	return os.WriteFile(out, b, 0o644)
}
