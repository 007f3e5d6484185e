package ui

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file is the only place the UI calls JavaScript. Everything else in
// the package is plain Go and renders the same on the server, where these
// calls are inert: go-app's server-side values do nothing and read as
// empty.

// browserURL is the page's URL in the browser, or nil on the server.
func browserURL() *url.URL {
	if !app.IsClient {
		return nil
	}
	return app.Window().URL()
}

// browserLanguage is navigator.language, such as "zh-CN".
func browserLanguage() string {
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("navigator").Get("language").String()
}

// mediaMatches evaluates a CSS media query, such as
// "(prefers-reduced-motion: reduce)".
func mediaMatches(query string) bool {
	if !app.IsClient {
		return false
	}
	return app.Window().Call("matchMedia", query).Get("matches").Bool()
}

// echartsReady reports whether the ECharts library has loaded.
func echartsReady() bool {
	return app.IsClient && app.Window().Get("echarts").Truthy()
}

// whenECharts calls fn once ECharts has loaded: at once if it has, else
// when web/chart.js, asked to load it now (gzLoadECharts), has, or could
// not (fn checks echartsReady). A page without chart.js (none of the
// site's) leaves its charts empty.
func whenECharts(fn func()) {
	if !app.IsClient {
		return
	}
	if echartsReady() {
		fn()
		return
	}
	load := app.Window().Get("gzLoadECharts")
	if load.Type() != app.TypeFunction {
		app.Log("chart: the page cannot load ECharts; the chart stays empty")
		return
	}
	var loaded app.Func
	loaded = app.FuncOf(func(app.Value, []app.Value) any {
		loaded.Release()
		fn()
		return nil
	})
	load.Invoke().Call("then", loaded)
}

// chartOptions are the switches applied to a chart option in the browser,
// where the reader's settings are known.
type chartOptions struct {
	animate bool // false when the reader prefers reduced motion
	decal   bool // patterns on bars, for colour-blind readers
}

// chartInit creates an ECharts instance on an element, in the dark theme
// when the reader prefers it.
func chartInit(el app.Value, dark bool) app.Value {
	var theme any
	if dark {
		theme = "dark"
	}
	return app.Window().Get("echarts").Call("init", el, theme, map[string]any{"renderer": "canvas"})
}

// chartSetOption replaces the chart's option in place, without a re-init
// of the instance. The option replaces the previous one whole (notMerge):
// a merge would need every grid and axis to carry an id, because ECharts
// merges the option's narrow-screen media layout with the same mode. It
// then draws at once rather than at the next animation frame, so that the
// new chart is on screen one frame sooner.
func chartSetOption(inst app.Value, option string, o chartOptions) {
	opt := inPageFonts(parseOption(option, o))
	inst.Call("setOption", opt, map[string]any{"notMerge": true})
	inst.Call("getZr").Call("flush")
}

// parseOption turns an option's JSON into the object ECharts takes, with
// the reader's settings applied.
func parseOption(option string, o chartOptions) app.Value {
	opt := app.Window().Get("JSON").Call("parse", option)
	opt.Set("animation", o.animate)
	aria := opt.Get("aria")
	if !aria.Get("decal").Truthy() {
		aria.Set("decal", map[string]any{})
	}
	// Only the switch: a map brings its own patterns in decal.decals.
	aria.Get("decal").Set("show", o.decal)
	return opt
}

// inPageFonts sets the text of a chart on the screen in the page's fonts,
// as its still shows it. Downloads keep ECharts' own font, as does the SVG
// file drawn at build time for readers without JavaScript; the page's
// list, with its quoted names, would also break an SVG file's attributes.
func inPageFonts(opt app.Value) app.Value {
	if !opt.Get("textStyle").Truthy() {
		opt.Set("textStyle", map[string]any{})
	}
	if !opt.Get("textStyle").Get("fontFamily").Truthy() {
		root := app.Window().Get("document").Get("documentElement")
		opt.Get("textStyle").Set("fontFamily", app.Window().Call("getComputedStyle", root).Get("fontFamily"))
	}
	return opt
}

// chartResize fits the chart to its element after a layout change.
func chartResize(inst app.Value) { inst.Call("resize") }

// chartDispose frees the chart's canvas and listeners.
func chartDispose(inst app.Value) { inst.Call("dispose") }

// chartOnClick calls fn with the regionId of the data item clicked.
func chartOnClick(inst app.Value, fn func(regionID string)) app.Func {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			if id := args[0].Get("data").Get("regionId"); id.Truthy() {
				fn(id.String())
			}
		}
		return nil
	})
	inst.Call("on", "click", f)
	return f
}

// chartExportURL draws the option with the export patch merged over it in
// a detached element, with the given renderer ("canvas" for PNG, "svg" for
// SVG), and returns the image as a data URL. The screen chart is left as
// it is.
func chartExportURL(option, patch string, width, height int, renderer string, decal bool) string {
	doc := app.Window().Get("document")
	el := doc.Call("createElement", "div")
	el.Get("style").Set("cssText", "position:absolute;left:-10000px;top:0;width:"+strconv.Itoa(width)+"px;height:"+strconv.Itoa(height)+"px")
	doc.Get("body").Call("appendChild", el)
	inst := app.Window().Get("echarts").Call("init", el, nil, map[string]any{"renderer": renderer})
	inst.Call("setOption", parseOption(option, chartOptions{decal: decal}))
	inst.Call("setOption", app.Window().Get("JSON").Call("parse", patch))
	kind := "png"
	if renderer == "svg" {
		kind = "svg"
	}
	dataURL := inst.Call("getDataURL", map[string]any{"type": kind, "pixelRatio": 2, "backgroundColor": "#ffffff"}).String()
	inst.Call("dispose")
	el.Call("remove")
	return dataURL
}

// saveFile makes the browser download a URL under a file name.
func saveFile(href, name string) {
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
}

// saveFetched downloads a same-origin file under a name through fetch, so
// that a failure is seen: when the file cannot be had (offline, and not in
// the service worker's cache), it calls otherwise in the UI goroutine.
func saveFetched(ctx app.Context, path, name string, otherwise func(app.Context)) {
	var check, onBlob, onFail app.Func
	release := func() { check.Release(); onBlob.Release(); onFail.Release() }
	check = app.FuncOf(func(this app.Value, args []app.Value) any {
		if res := args[0]; res.Get("ok").Bool() {
			return res.Call("blob")
		}
		return app.Window().Get("Promise").Call("reject", "HTTP "+strconv.Itoa(args[0].Get("status").Int()))
	})
	onBlob = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		urls := app.Window().Get("URL")
		url := urls.Call("createObjectURL", args[0])
		saveFile(url.String(), name)
		// The download has started from the URL; it is freed later, not at
		// once, which some browsers would take as the file being gone.
		app.Window().Call("setTimeout", urls.Get("revokeObjectURL").Call("bind", urls), 60000, url)
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		ctx.Dispatch(otherwise)
		return nil
	})
	app.Window().Call("fetch", path).Call("then", check).Call("then", onBlob, onFail)
}

// checkForUpdate asks the service worker to look for a new version now.
func checkForUpdate() { app.TryUpdate() }

// storedPref reads a preference saved in localStorage, or "".
func storedPref(key string) string {
	if !app.IsClient {
		return ""
	}
	v := app.Window().Get("localStorage").Call("getItem", key)
	if !v.Truthy() {
		return ""
	}
	return v.String()
}

// storePref saves a preference in localStorage.
func storePref(key, value string) {
	if app.IsClient {
		app.Window().Get("localStorage").Call("setItem", key, value)
	}
}

// eventValue is the value of the form control that fired an event.
func eventValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// eventChecked is the state of the checkbox that fired an event.
func eventChecked(ctx app.Context) bool { return ctx.JSSrc().Get("checked").Bool() }

// eventOpen is the state of the <details> element that fired a toggle.
func eventOpen(ctx app.Context) bool { return ctx.JSSrc().Get("open").Bool() }

// inlineSpecTexts returns the chart specs the server wrote into the page
// as JSON data blocks.
func inlineSpecTexts() []string {
	nodes := app.Window().Get("document").Call("querySelectorAll", `script[type="application/json"][data-spec]`)
	out := make([]string, nodes.Length())
	for i := range out {
		out[i] = nodes.Index(i).Get("textContent").String()
	}
	return out
}

// fetchLines gets a same-origin URL with the browser's fetch, or takes
// the fetch app.js started for it (startFetch), and returns its body cut
// at every line break, the breaks left out. It blocks, so call it from a
// goroutine (ctx.Async). The body is copied as bytes: handing the bundle
// of charts over as text took about 90 ms of the browser's UTF-8 encoding
// (at 2.6 MB) before Go saw it. The browser finds the line breaks
// (Uint8Array's indexOf): Go's scan of the 3 MB took about 40 ms in
// WebAssembly. Go's own HTTP client would work too, but it brings a TLS
// stack into the wasm.
func fetchLines(path string) ([][]byte, error) {
	type result struct {
		lines [][]byte
		err   error
	}
	done := make(chan result, 1)
	var onBody, onError app.Func
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		bytes := app.Window().Get("Uint8Array").New(args[0])
		body := make([]byte, bytes.Length())
		app.CopyBytesToGo(body, bytes)
		done <- result{lines: cutLines(body, bytes)}
		return nil
	})
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		done <- result{err: fmt.Errorf("fetch failed: %s", args[0].Call("toString").String())}
		return nil
	})
	defer onBody.Release()
	defer onError.Release()
	check := app.FuncOf(func(this app.Value, args []app.Value) any {
		res := args[0]
		if !res.Get("ok").Bool() {
			done <- result{err: fmt.Errorf("HTTP %d", res.Get("status").Int())}
			return app.Window().Get("Promise").Call("resolve", "")
		}
		return res.Call("arrayBuffer").Call("then", onBody)
	})
	defer check.Release()
	startFetch(path).Call("then", check).Call("catch", onError)
	r := <-done
	return r.lines, r.err
}

// startFetch is the browser's fetch of a same-origin URL: the one app.js
// started for it before the app ran (gzFetchCharts), taken once, or a new
// one.
func startFetch(path string) app.Value {
	early := app.Window().Get("gzEarlyFetch")
	if early.Truthy() && early.Get("url").String() == path {
		app.Window().Set("gzEarlyFetch", nil)
		return early.Get("response")
	}
	return app.Window().Call("fetch", path)
}

// cutLines cuts body, a copy of the browser's bytes, at the line breaks
// the browser finds in them.
func cutLines(body []byte, bytes app.Value) [][]byte {
	var lines [][]byte
	for start := 0; ; {
		end := bytes.Call("indexOf", int('\n'), start).Int()
		if end < 0 {
			return append(lines, body[start:])
		}
		lines = append(lines, body[start:end])
		start = end + 1
	}
}

// takePrepainted reports whether the reader saw the chart with the slug
// before the app started, as a still in the pre-rendered page or drawn
// from it by chart.js, and forgets it, so that only the app's first
// drawing of it skips the animation.
func takePrepainted(slug string) bool {
	drawn := app.Window().Get("gzPrepainted")
	if !drawn.Truthy() || !drawn.Get(slug).Truthy() {
		return false
	}
	drawn.Delete(slug)
	return true
}

// tipAtPointer shows the tooltip of the chart under the reader's pointer,
// if any, where web/chart.js last saw it.
func tipAtPointer() {
	if f := app.Window().Get("gzTipAtPointer"); f.Truthy() {
		f.Invoke()
	}
}

// takeOpenedBeforeApp reports whether the reader opened the <details>
// element with the id in the pre-rendered page, before the app started
// (web/chart.js keeps the list), and forgets it, so that only the app's
// first rendering of it reopens it.
func takeOpenedBeforeApp(id string) bool {
	if !app.IsClient {
		return false
	}
	opened := app.Window().Get("gzOpenedEarly")
	if !opened.Truthy() || !opened.Get(id).Truthy() {
		return false
	}
	opened.Delete(id)
	return true
}

// markAppRunning tells web/chart.js that the app handles the controls now,
// so that a change no longer submits the form.
func markAppRunning() {
	if app.IsClient {
		app.Window().Set("gzAppRunning", true)
	}
}
