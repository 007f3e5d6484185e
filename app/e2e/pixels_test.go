package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"testing"

	"github.com/chromedp/chromedp"
)

// boxPixels is what the reader sees of the element sel: the part of it in
// the window, once the page's fonts have loaded and two frames have been
// drawn, the element scrolled to the window's top. Taken of a chart box
// before and after the live chart replaces its still, it shows anything
// that moved, in the chart as in the page.
func boxPixels(t *testing.T, ctx context.Context, sel string) image.Image {
	t.Helper()
	r := eval[[]int](t, ctx, fmt.Sprintf(`(async () => {
		await document.fonts.ready;
		const el = document.querySelector(%q);
		el.scrollIntoView({block: "start"});
		await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
		const r = el.getBoundingClientRect();
		return [r.left, r.top, Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)].map(Math.round);
	})()`, sel), chromedp.EvalAwaitPromise)
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	box := image.Rect(r[0], r[1], r[2], r[3])
	return img.(subImager).SubImage(box)
}

// subImager is what the decoded screenshot is: an image with a part.
type subImager interface {
	SubImage(image.Rectangle) image.Image
}

// unlike is the share of the pixels of a and b, each in turn, that no
// pixel of the other within reach pixels matches, in the same place of
// the two images. The reach forgives what the two renderers may do
// differently with the same text in the same place (SVG and canvas put a
// line's middle a pixel apart); a label that moves, a font that differs or
// a line that wraps elsewhere are far more.
func unlike(a, b image.Image, reach int) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1
	}
	return (oneWay(a, b, reach) + oneWay(b, a, reach)) / 2
}

func oneWay(a, b image.Image, reach int) float64 {
	size := a.Bounds().Size()
	at := func(img image.Image, x, y int) [3]uint32 {
		r, g, bl, _ := img.At(img.Bounds().Min.X+x, img.Bounds().Min.Y+y).RGBA()
		return [3]uint32{r >> 8, g >> 8, bl >> 8}
	}
	near := func(p, q [3]uint32) bool {
		for i := range p {
			if max(p[i], q[i])-min(p[i], q[i]) > 64 {
				return false
			}
		}
		return true
	}
	differ := 0
	for y := range size.Y {
		for x := range size.X {
			p, found := at(a, x, y), false
			for dy := -reach; dy <= reach && !found; dy++ {
				for dx := -reach; dx <= reach && !found; dx++ {
					qx, qy := x+dx, y+dy
					found = qx >= 0 && qy >= 0 && qx < size.X && qy < size.Y && near(p, at(b, qx, qy))
				}
			}
			if !found {
				differ++
			}
		}
	}
	return float64(differ) / float64(size.X*size.Y)
}
