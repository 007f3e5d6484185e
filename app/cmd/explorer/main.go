// Command explorer is the Guangzhou district targets explorer. Compiled to
// WebAssembly it is the app that runs in the browser; compiled natively it
// is the server that pre-renders and serves it, and the static exporter.
// Both are built from the same code; the server-only part is in
// main_server.go, which the wasm build leaves out.
package main

import "gztargets/app/ui"

func main() {
	ui.RunWhenOnBrowser()
	serve()
}
