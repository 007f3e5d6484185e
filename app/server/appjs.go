//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// goappStart is how go-app's app.js starts the service worker and the
// WebAssembly app: as soon as the script runs, while the browser is still
// loading the page.
const goappStart = "goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n"

// deferredStart starts the service worker once the pre-rendered page and
// its chart have painted, and the WebAssembly app at the reader's first
// sign of intent (after that paint). Before, downloading and compiling the
// 1.6 MB wasm and filling the offline cache would compete with the first
// paint for the network and the CPU, and the app's start-up (about 0.4 s of
// main-thread work here, several times that on a phone) would block the
// page. Until the app runs, the page is the pre-rendered HTML with a live
// ECharts chart, and its controls work as a plain form (web/chart.js).
// A page rendered for another address than its own (web/chart.js sets
// gzPageStale, or calls gzStartSoon if this script ran first) starts the
// app at once. Function declarations are hoisted, so the helpers can
// follow.
const deferredStart = "goappWatchForUpdate();\ngoappWatchForInstallable();\ngzAfterFirstPaint(goappInitServiceWorker);\ngzOnIntent(gzStartSoon);\nif (window.gzPageStale) gzStartSoon();\n"

const afterFirstPaint = `
// The explorer's server added what follows; see app/server/appjs.go.

// gzAfterFirstPaint runs fn after the page's load event and the frame that
// follows it.
function gzAfterFirstPaint(fn) {
  const run = () => requestAnimationFrame(() => setTimeout(fn, 0));
  if (document.readyState === "complete") {
    run();
  } else {
    window.addEventListener("load", run, { once: true });
  }
}

// gzOnIntent runs fn once, at the reader's first sign of intent: a pointer
// moving or pressed, a touch, a key, the wheel, or focus.
function gzOnIntent(fn) {
  const events = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "focusin"];
  const once = () => {
    events.forEach((e) => window.removeEventListener(e, once, true));
    fn();
  };
  events.forEach((e) => window.addEventListener(e, once, { capture: true, passive: true }));
}

// gzStartSoon starts the app after the first paint, once, however often it
// is asked.
function gzStartSoon() {
  if (gzStartSoon.asked) return;
  gzStartSoon.asked = true;
  gzAfterFirstPaint(gzStartApp);
}

// gzStartApp shows go-app's progress note and starts the app.
function gzStartApp() {
  document.documentElement.classList.add("gz-app-starting");
  gzFetchCharts();
  goappInitWebAssembly();
}

// gzFetchCharts starts fetching the charts the app fetches first (main's
// data-charts, under the root prefix, as ui.withCharts names them) while
// the app downloads: the reader's first switch of chart then finds them
// there instead of waiting for them, behind the app's start. The app takes
// the response (ui.fetchLines). At low priority, the app's own download
// goes first. A page rendered for another address leaves them to the app,
// which may want another language.
function gzFetchCharts() {
  const main = document.querySelector("main[data-charts]");
  if (!main || window.gzPageStale) return;
  const url = goappGetenv("GOAPP_ROOT_PREFIX").replace(/\/$/, "") + main.dataset.charts;
  const response = fetch(url, { priority: "low" });
  response.catch(() => {}); // the app reads a failure when it takes the response
  window.gzEarlyFetch = { url, response };
}
`

// appJS renders go-app's app.js and changes when it starts the app. It
// fails if go-app's script no longer reads as expected, so that an upgrade
// cannot silently undo the change.
func appJS(pages http.Handler) ([]byte, error) {
	rec := httptest.NewRecorder()
	pages.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	body := rec.Body.Bytes()
	if bytes.Count(body, []byte(goappStart)) != 1 {
		return nil, fmt.Errorf("go-app's app.js does not start the app as expected; review app/server/appjs.go for this go-app version")
	}
	body = bytes.Replace(body, []byte(goappStart), []byte(deferredStart), 1)
	return append(body, afterFirstPaint...), nil
}
