//go:build !wasm

package server

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"gztargets/app/model"
	"gztargets/data"
)

// otherDataset is the real dataset with Tianhe renamed and its 2024 GDP
// growth plan target changed: a site of it must show both changes, and the
// real site neither.
func otherDataset(t *testing.T) (*model.Dataset, []byte) {
	t.Helper()
	return changedDataset(t, func(ds *model.Dataset) {
		renameRegion(ds, "tianhe", model.Text{ZH: "天河二区", EN: "Tianhe Two"})
		tianheTarget(t, ds).Value = 9.87
	})
}

// changedDataset is the real dataset changed by change, encoded and
// loaded again, so that it is validated and indexed as a site's would be.
func changedDataset(t *testing.T, change func(*model.Dataset)) (*model.Dataset, []byte) {
	t.Helper()
	ds, err := model.Load(data.JSON)
	if err != nil {
		t.Fatal(err)
	}
	change(ds)
	raw, err := ds.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if ds, err = model.Load(raw); err != nil {
		t.Fatal(err)
	}
	return ds, raw
}

// renameRegion gives a region other names.
func renameRegion(ds *model.Dataset, id string, name model.Text) {
	for i := range ds.Regions {
		if ds.Regions[i].ID == id {
			ds.Regions[i].Name = name
		}
	}
}

// tianheTarget is Tianhe's 2024 GDP growth plan target, to change.
func tianheTarget(t *testing.T, ds *model.Dataset) *model.Record {
	t.Helper()
	for i, r := range ds.Records {
		if r.ID == "tianhe-2024-gdp_growth-target-year-plan" {
			return &ds.Records[i]
		}
	}
	t.Fatal("the dataset has no tianhe-2024-gdp_growth-target-year-plan record")
	return nil
}

// TestTwoSitesKeepTheirOwnData builds a second site of another dataset in
// the same process as the real one, and has both pre-render pages at once,
// each at a new address (so that nothing comes from a cache): each page
// shows its own site's figures, in its text and in its inline chart.
func TestTwoSitesKeepTheirOwnData(t *testing.T) {
	real := testSite(t)
	ds, raw := otherDataset(t)
	other, err := newSite(webDir, "", ds, raw, "")
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct{ path, real, other string }{
		{"/district/tianhe?lang=en", "Tianhe: every figure", "Tianhe Two: every figure"},
		{"/?view=districts&metric=gdp_growth&year=2024&lang=en", `"Tianhe"`, `"Tianhe Two"`},
		{"/?view=table&region=tianhe&year=2024&metric=gdp_growth&lang=en", ">Tianhe<", "9.87"},
	}
	var wg sync.WaitGroup
	for round := range 4 {
		for _, p := range pages {
			for _, site := range []struct {
				name string
				s    *Site
				want string
			}{{"real", real, p.real}, {"other", other, p.other}} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					target := fmt.Sprintf("%s&round=%d", p.path, round)
					res, body := get(t, site.s, "GET", target)
					if res.StatusCode != 200 {
						t.Errorf("%s site, %s: status %d", site.name, target, res.StatusCode)
					}
					if !strings.Contains(body, site.want) {
						t.Errorf("%s site, %s: the page does not show %q", site.name, target, site.want)
					}
					if strings.Contains(body, "Tianhe Two") != (site.name == "other") {
						t.Errorf("%s site, %s: the page shows the other site's Tianhe", site.name, target)
					}
				}()
			}
		}
	}
	wg.Wait()
}
