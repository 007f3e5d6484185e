package server

import (
	"encoding/json"
	"fmt"
	"image"
	_ "image/png"
	"strings"
	"testing"
)

// TestManifestImagesHaveTheirSizes fetches every PNG the web app manifest
// names, screenshots and icons, and checks that it has the size the
// manifest declares: browsers drop a screenshot whose size differs.
func TestManifestImagesHaveTheirSizes(t *testing.T) {
	h := testSite(t)
	_, body := get(t, h, "GET", "/manifest.webmanifest")
	var m struct {
		Screenshots, Icons []struct{ Src, Sizes, Type string }
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	images := append(m.Screenshots, m.Icons...)
	if len(m.Screenshots) == 0 {
		t.Fatal("the manifest names no screenshot")
	}
	for _, img := range images {
		if img.Type != "image/png" {
			continue
		}
		res, png := get(t, h, "GET", img.Src)
		cfg, _, err := image.DecodeConfig(strings.NewReader(png))
		if err != nil || res.StatusCode != 200 {
			t.Errorf("%s: %d, %v", img.Src, res.StatusCode, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != img.Sizes {
			t.Errorf("%s is %s, the manifest says %s", img.Src, got, img.Sizes)
		}
	}
}
