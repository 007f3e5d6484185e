//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"gztargets/app/server"
)

// serve runs the server, or with -static writes the static site.
func serve() {
	addr := flag.String("addr", "localhost:8000", "address to serve on")
	web := flag.String("web", "web", "directory of built web assets")
	static := flag.String("static", "", "write the static site to this directory instead of serving")
	prefix := flag.String("prefix", "", "path prefix of the static site, e.g. /gz-targets")
	domain := flag.String("domain", "", "public host name the site is served from, e.g. example.org, for the preview image of shared links")
	flag.Parse()
	logger := log.New(os.Stderr, "", log.LstdFlags)
	if err := run(*addr, *web, *static, *prefix, *domain, logger); err != nil {
		fmt.Fprintln(os.Stderr, "explorer:", err)
		os.Exit(1)
	}
}

func run(addr, web, static, prefix, domain string, logger *log.Logger) error {
	if static == "" && prefix != "" {
		return fmt.Errorf("-prefix applies to -static only; the server serves at the root")
	}
	site, err := server.NewSite(web, prefix, domain)
	if err != nil {
		return err
	}
	if static != "" {
		if err := site.Export(static); err != nil {
			return err
		}
		logger.Printf("wrote the static site to %s (prefix %q, version %s)", static, prefix, site.Version)
		return nil
	}
	ln, err := server.Listen(addr)
	if err != nil {
		return err
	}
	logger.Printf("serving the explorer at http://%s (version %s)", ln.Addr(), site.Version)
	return server.Run(server.NewHTTPServer(addr, site, logger), ln, logger)
}
