// Command webassets builds the generated files of web/: the app icons
// (PNG at 192 and 512 pixels, a maskable PNG and an SVG, all drawn from one
// description) and the pre-compressed .gz and .br copies of large assets.
//
//	go run ./app/cmd/webassets icons web
//	go run ./app/cmd/webassets compress web/app.wasm web/echarts.common.min.js
package main

import (
	"fmt"
	"os"

	"gztargets/app/server"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: webassets icons DIR | webassets compress FILE...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "icons":
		err = writeIcons(os.Args[2])
	case "compress":
		for _, f := range os.Args[2:] {
			if err = server.WritePrecompressed(f); err != nil {
				break
			}
		}
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webassets:", err)
		os.Exit(1)
	}
}
