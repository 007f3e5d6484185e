// Command explorer is the Guangzhou district targets explorer. Compiled to
// WebAssembly it is the app that runs in the browser; compiled natively it
// is the server that pre-renders and serves it, and the static exporter.
// Both are built from the same code; the server-only part is in
// main_server.go, which the wasm build leaves out.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gztargets/app/ui"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser()
	serve()
}
