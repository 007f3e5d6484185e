package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// The icon is a bar chart: three rising bars on the theme colour. Shapes
// are in a 100×100 design space, so that the PNG and SVG icons agree.
var (
	background = color.RGBA{0x0b, 0x4f, 0x7c, 0xff}
	foreground = color.RGBA{0xff, 0xff, 0xff, 0xff}
	accent     = color.RGBA{0xf0, 0xb4, 0x29, 0xff}
)

type rect struct{ x, y, w, h float64 }

// bars are the three bars, and marker the stretch goal above the last.
var (
	bars   = []rect{{22, 52, 14, 28}, {43, 38, 14, 42}, {64, 26, 14, 54}}
	marker = rect{64, 14, 14, 6}
)

// writeIcons writes icon-192.png, icon-512.png, icon-maskable.png and
// icon.svg into dir.
func writeIcons(dir string) error {
	files := map[string][]byte{
		"icon-192.png":      pngIcon(192, 1, 18),
		"icon-512.png":      pngIcon(512, 1, 18),
		"icon-maskable.png": pngIcon(512, 0.7, 0),
		"icon.svg":          []byte(svgIcon()),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pngIcon draws the icon at size pixels. scale shrinks the drawing towards
// the centre (a maskable icon keeps it inside the safe zone); radius
// rounds the background's corners, in design units.
func pngIcon(size int, scale, radius float64) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	unit := float64(size) / 100
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			x, y := (float64(px)+0.5)/unit, (float64(py)+0.5)/unit
			if !inRounded(x, y, radius) {
				continue
			}
			img.Set(px, py, colorAt(50+(x-50)/scale, 50+(y-50)/scale))
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func colorAt(x, y float64) color.RGBA {
	for _, b := range bars {
		if b.contains(x, y) {
			return foreground
		}
	}
	if marker.contains(x, y) {
		return accent
	}
	return background
}

func (r rect) contains(x, y float64) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// inRounded reports whether a point lies in the 100×100 square with
// corners rounded to radius.
func inRounded(x, y, radius float64) bool {
	cx := min(max(x, radius), 100-radius)
	cy := min(max(y, radius), 100-radius)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= radius*radius
}

func svgIcon() string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">`)
	fmt.Fprintf(&b, `<rect width="100" height="100" rx="18" fill="%s"/>`, hex(background))
	for _, r := range bars {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s"/>`, r.x, r.y, r.w, r.h, hex(foreground))
	}
	fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s"/>`, marker.x, marker.y, marker.w, marker.h, hex(accent))
	b.WriteString("</svg>\n")
	return b.String()
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
