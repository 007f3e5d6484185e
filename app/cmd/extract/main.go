// Command extract drafts a source record for seeds/ from a text (a news
// article, a work report, a district's English page) and prints it as
// JSON. Each figure lists the fields it could not decide in "uncertain";
// a person checks the draft, completes it and saves it in seeds/.
//
//	go run ./app/cmd/extract [-published YYYY-MM-DD] [-region ID] FILE
//
// FILE "-" reads standard input.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gztargets/app/extract"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(2)
	}
}

// run parses the arguments, reads the text and writes the draft.
func run(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	published := fs.String("published", "", "the text's date, YYYY, YYYY-MM or YYYY-MM-DD (gives 今年, 去年, \"this year\" their years)")
	region := fs.String("region", "", "the region id the text is about when it never names one")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: extract [-published YYYY-MM-DD] [-region ID] FILE|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("need exactly one FILE (or - for standard input)")
	}
	in, name, err := open(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	opt := extract.Options{Published: *published, Region: *region, Source: name, Retrieved: time.Now().Format("2006-01-02")}
	draft, err := extract.Extract(in, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	return writeJSON(stdout, draft)
}

// open returns the text to read and the name to make the record id from.
func open(path string, stdin io.Reader) (io.ReadCloser, string, error) {
	if path == "-" {
		return io.NopCloser(stdin), "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	return f, filepath.Base(path), nil
}

// writeJSON writes v as indented JSON without escaping <, > and &.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
