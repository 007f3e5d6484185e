// Package chromium starts Debian's Chromium headless, with the flags GUIDE
// §6 sets for this machine, for the browser tests and the benchmarks.
package chromium

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/chromedp/chromedp"
)

// Path is where Debian's chromium package installs the browser.
const Path = "/usr/bin/chromium"

// Flags are the command-line flags: headless, no sandbox (the tests run as
// root), no GPU, and no background network traffic, which this machine's
// closed network would refuse.
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run",
}

// FlagLine is Flags as one command line.
func FlagLine() string { return strings.Join(Flags, " ") }

// Width and Height are the window size of the browser tests and benchmarks.
const (
	Width  = 1280
	Height = 1000
)

// Window is the window size as Chromium's --window-size value.
var Window = fmt.Sprintf("%d,%d", Width, Height)

// Start starts Chromium at path with a fresh profile and returns a chromedp
// context for it and a func that stops it and removes the profile.
func Start(path string) (context.Context, func(), error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil, fmt.Errorf("%s is missing: `make test` and `make bench` install Debian's chromium", path)
	}
	dir, err := os.MkdirTemp("", "gz-targets-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.UserDataDir(dir), chromedp.WindowSize(Width, Height)}
	for _, f := range Flags {
		opts = append(opts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return ctx, stop, nil
}
