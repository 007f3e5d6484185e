//go:build !wasm

package server

import (
	"container/list"
	"context"
	"sync"
)

// maxCacheBytes bounds the page cache by what its pages weigh, compressed
// copies included: only real pages are cached, but there are many of them
// (every view, metric, year, filter and language).
const maxCacheBytes = 32 << 20

// pageCache keeps pre-rendered pages with their compressed copies, by
// normalised URL, and drops the least recently used beyond its size. A
// page depends only on its URL and the site's version, which does not
// change while the server runs, so a page is rendered and compressed once
// instead of on every request.
type pageCache struct {
	mu    sync.Mutex
	max   int // bytes; maxCacheBytes when 0
	bytes int
	pages map[string]*list.Element
	order list.List // of *cachedPage, most recently used first
}

type cachedPage struct {
	key  string
	page *asset
}

func (c *pageCache) get(key string) (*asset, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedPage).page, true
}

func (c *pageCache) put(key string, page *asset) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]*list.Element{}
	}
	if _, ok := c.pages[key]; ok {
		return
	}
	limit := c.max
	if limit == 0 {
		limit = maxCacheBytes
	}
	size := page.weight() + len(key)
	for c.bytes+size > limit && c.order.Len() > 0 {
		old := c.order.Remove(c.order.Back()).(*cachedPage)
		delete(c.pages, old.key)
		c.bytes -= old.page.weight() + len(old.key)
	}
	if size <= limit {
		c.pages[key] = c.order.PushFront(&cachedPage{key, page})
		c.bytes += size
	}
}

// size is how many bytes the cache holds.
func (c *pageCache) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// renderPool bounds the CPU that rendering pages takes: a few at a time,
// so that a flood of addresses that are not cached (each with its own
// unknown parameter, say) leaves cores for the cached pages, which never
// wait for it.
type renderPool struct {
	slots   chan struct{}
	mu      sync.Mutex
	waiting int
	queue   int // how many one-off renders may wait for a slot
}

func newRenderPool(slots, queue int) *renderPool {
	return &renderPool{slots: make(chan struct{}, slots), queue: queue}
}

// acquire waits for a slot. A page that will be cached always waits for
// one (there are only so many pages); a one-off page gives up at once when
// the queue is full. ok is false when it gave up or the request ended.
func (p *renderPool) acquire(ctx context.Context, oneOff bool) bool {
	select {
	case p.slots <- struct{}{}:
		return true
	default:
	}
	p.mu.Lock()
	if oneOff && p.waiting >= p.queue {
		p.mu.Unlock()
		return false
	}
	p.waiting++
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.waiting--
		p.mu.Unlock()
	}()
	select {
	case p.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (p *renderPool) release() { <-p.slots }
