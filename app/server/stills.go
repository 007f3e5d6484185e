//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gztargets/app/chart"
	"gztargets/app/spec"
)

// StillsFile is the file of the web directory that holds the charts'
// stills, written by `webassets ssr`. It is read at start-up and never
// served: the pages carry the stills inline.
const StillsFile = "stills.json"

// Stills are the charts drawn to SVG at build time by ECharts'
// server-side rendering, by chart.StillID, with a hash of what they were
// drawn from: the stills file as `webassets ssr` writes it.
type Stills struct {
	Key  string            `json:"key"`
	SVGs map[string]string `json:"svgs"`
}

// stillSet is a stills file as the server keeps it: each SVG
// gzip-compressed, since a page needs only its own few and all of them
// whole (some 20 MB, a map's alone 50 KB) would more than double the
// server's memory. The file is read member by member for the same reason.
type stillSet struct {
	key  string
	svgs map[string][]byte
}

// ReadStillsKey reads the hash a stills file was drawn from.
func ReadStillsKey(file string) (string, error) {
	st, err := readStills(file)
	return st.key, err
}

// readStills reads a stills file.
func readStills(file string) (stillSet, error) {
	st := stillSet{svgs: map[string][]byte{}}
	f, err := os.Open(file)
	if err != nil {
		return st, err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	err = readObject(dec, func(name string) error {
		switch name {
		case "key":
			return dec.Decode(&st.key)
		case "svgs":
			return readObject(dec, func(id string) error {
				var svg string
				err := dec.Decode(&svg)
				st.svgs[id] = gzipBytes([]byte(svg), fastLevel)
				return err
			})
		}
		var other json.RawMessage
		return dec.Decode(&other)
	})
	if err != nil {
		return st, fmt.Errorf("%s: %w", file, err)
	}
	return st, nil
}

// readObject reads a JSON object, calling member with each member's name
// when the decoder is at its value, which member reads.
func readObject(dec *json.Decoder, member func(name string) error) error {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return errors.Join(err, errors.New("not a JSON object"))
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := t.(string)
		if err := member(name); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// loadStills reads the web directory's stills. Without the file (a build
// without `make web`, or a test's web directory) the pages have no
// stills, and the live chart alone draws.
func loadStills(webDir string) (stillSet, error) {
	st, err := readStills(filepath.Join(webDir, StillsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return stillSet{}, nil
	}
	return st, err
}

// html is the markup a chart's box holds until the live chart draws: its
// still in each layout, which the style sheet shows by the box's width.
// It is "" when a layout's still is missing.
func (st stillSet) html(s spec.Spec) string {
	var b strings.Builder
	b.WriteString(`<div class="chart-still" aria-hidden="true">`)
	for _, l := range chart.StillLayouts {
		svg, err := gunzip(st.svgs[chart.StillID(s, l.Name)])
		if err != nil {
			return ""
		}
		b.WriteString(strings.Replace(svg, "<svg ", `<svg class="chart-still--`+l.Name+`" `, 1))
	}
	b.WriteString(`</div>`)
	return b.String()
}

// gunzip undoes gzipBytes; nothing is an error.
func gunzip(b []byte) (string, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	out, err := io.ReadAll(r)
	return string(out), err
}

// downloads are the charts as SVG files, by path (spec.Spec.SVGPath): each
// chart drawn at build time with its export patch (chart.ExportLayout), so
// that it carries its title and credit line, and opens anywhere without
// the page, its scripts or a web font. A chart with no such still (a build
// without `webassets ssr`) has no file.
func (st stillSet) downloads(specs []spec.Spec) (map[string]*asset, error) {
	out := map[string]*asset{}
	for _, s := range specs {
		packed, ok := st.svgs[chart.StillID(s, chart.ExportLayout)]
		if !ok {
			continue
		}
		svg, err := gunzip(packed)
		if err != nil {
			return nil, fmt.Errorf("the SVG file of %s/%s: %w", s.Lang, s.Slug, err)
		}
		out[s.SVGPath()] = packedAsset("image/svg+xml", []byte(svg))
	}
	return out, nil
}
