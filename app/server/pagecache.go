//go:build !wasm

package server

import (
	"sync"
)

// maxCachedPages bounds the page cache: every distinct URL, hostile ones
// included, takes an entry until the oldest is dropped.
const maxCachedPages = 512

// pageCache keeps pre-rendered pages with their compressed copies, by URL.
// A page depends only on its URL and the site's version, which does not
// change while the server runs, so a page is rendered and compressed once
// instead of on every request.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]*asset
	order []string // oldest first
}

func (c *pageCache) get(url string) (*asset, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	as, ok := c.pages[url]
	return as, ok
}

func (c *pageCache) put(url string, as *asset) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]*asset{}
	}
	if _, ok := c.pages[url]; ok {
		return
	}
	if len(c.order) >= maxCachedPages {
		delete(c.pages, c.order[0])
		c.order = c.order[1:]
	}
	c.pages[url] = as
	c.order = append(c.order, url)
}
