package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode"
)

// MarshalBundle writes a bundle as a JSON object with one chart per line,
// in slug order, between a line "{" and a line "}". It is JSON like any
// other, and SplitBundle can find each chart by its line without reading
// the others: decoding all of a language's charts at once took the app
// about 0.3 s of WebAssembly (0.05 s natively), which a reader felt as a
// stall on the first switch of chart. json.Marshal escapes every newline
// inside a string, so a chart never spans two lines.
func MarshalBundle(b Bundle) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("{\n")
	slugs := make([]string, 0, len(b))
	for slug := range b {
		slugs = append(slugs, slug)
	}
	slices.Sort(slugs)
	for i, slug := range slugs {
		key, err := json.Marshal(slug)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(b[slug])
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", slug, err)
		}
		out.Write(key)
		out.WriteByte(':')
		out.Write(value)
		if i < len(slugs)-1 {
			out.WriteByte(',')
		}
		out.WriteByte('\n')
	}
	out.WriteString("}\n")
	return out.Bytes(), nil
}

// RawBundle is a bundle's charts by slug, each still in JSON, decoded one
// at a time with DecodeChart when a page asks for it.
type RawBundle map[string]json.RawMessage

// errNotLines says that a bundle is not in MarshalBundle's lines.
var errNotLines = errors.New("not one chart per line")

// SplitBundle reads a bundle into its charts' JSON by slug without
// decoding them. Written by MarshalBundle, it splits the lines; any other
// JSON object of charts (such as an older copy the browser cached offline)
// is read whole, more slowly. A chart's own JSON is checked only when it
// is decoded.
func SplitBundle(data []byte) (RawBundle, error) {
	return SplitLines(bytes.Split(data, []byte("\n")))
}

// SplitLines is SplitBundle for a bundle already cut at every line break,
// as the app has the browser cut it: finding the line breaks of 3 MB in
// WebAssembly took about 40 ms of the app's start, the browser's own
// search a few.
func SplitLines(lines [][]byte) (RawBundle, error) {
	if raw, err := splitLines(lines); err == nil {
		return raw, nil
	}
	var raw RawBundle
	if err := json.Unmarshal(bytes.Join(lines, []byte("\n")), &raw); err != nil {
		return nil, fmt.Errorf("a bundle of charts: %w", err)
	}
	return raw, nil
}

// splitLines reads MarshalBundle's lines, or says errNotLines. Space
// around the whole bundle is allowed, as JSON allows it.
func splitLines(lines [][]byte) (RawBundle, error) {
	lines = trimLines(lines)
	if len(lines) < 2 || string(lines[0]) != "{" || string(lines[len(lines)-1]) != "}" {
		return nil, errNotLines
	}
	entries := lines[1 : len(lines)-1]
	raw := make(RawBundle, len(entries))
	for i, line := range entries {
		if i < len(entries)-1 {
			var ok bool
			if line, ok = bytes.CutSuffix(line, []byte(",")); !ok {
				return nil, errNotLines
			}
		}
		slug, value, err := splitEntry(line)
		if err != nil {
			return nil, err
		}
		raw[slug] = value
	}
	return raw, nil
}

// trimLines takes the space off both ends of a text given as its lines:
// the blank lines, then the space that starts the first line left and
// ends the last. It leaves the lines it was given as they were.
func trimLines(lines [][]byte) [][]byte {
	blank := func(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	lines = slices.Clone(lines)
	lines[0] = bytes.TrimLeftFunc(lines[0], unicode.IsSpace)
	lines[len(lines)-1] = bytes.TrimRightFunc(lines[len(lines)-1], unicode.IsSpace)
	return lines
}

// splitEntry reads one line, "slug":{…}. The value must at least be an
// object: a line holding more than one chart fails when its chart is
// decoded.
func splitEntry(line []byte) (string, json.RawMessage, error) {
	end := closingQuote(line)
	if end < 0 || end+1 >= len(line) || line[end+1] != ':' {
		return "", nil, errNotLines
	}
	var slug string
	if err := json.Unmarshal(line[:end+1], &slug); err != nil {
		return "", nil, errNotLines
	}
	value := line[end+2:]
	if len(value) < 2 || value[0] != '{' || value[len(value)-1] != '}' {
		return "", nil, errNotLines
	}
	return slug, json.RawMessage(value), nil
}

// closingQuote is the index of the quote that closes the JSON string
// opening line, or -1.
func closingQuote(line []byte) int {
	if len(line) == 0 || line[0] != '"' {
		return -1
	}
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// DecodeChart decodes one chart of a RawBundle.
func DecodeChart(raw json.RawMessage) (Spec, error) {
	var sp Spec
	err := json.Unmarshal(raw, &sp)
	return sp, err
}
