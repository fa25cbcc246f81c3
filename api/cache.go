package api

import (
	"container/list"
	"sync"
)

// cache is a least-recently-used map of encoded responses with a byte
// budget. The history does not change while the server runs, so entries
// never go stale; they only leave when the budget needs the room.
type cache struct {
	mu     sync.Mutex
	budget int64
	used   int64
	ll     *list.List // front = most recent; values are *cacheItem
	items  map[string]*list.Element
}

type cacheItem struct {
	key string
	res *response
}

// newCache returns a cache holding at most budget bytes; budget <= 0
// disables it.
func newCache(budget int64) *cache {
	return &cache{budget: budget, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) get(key string) (*response, bool) {
	if c.budget <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*cacheItem).res, true
}

func (c *cache) put(key string, res *response) {
	size := res.size() + int64(len(key))
	if c.budget <= 0 || size > c.budget/4 {
		return // one answer may not take more than a quarter of the cache
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.ll.MoveToFront(e)
		return
	}
	c.items[key] = c.ll.PushFront(&cacheItem{key: key, res: res})
	c.used += size
	for c.used > c.budget {
		e := c.ll.Back()
		it := e.Value.(*cacheItem)
		c.ll.Remove(e)
		delete(c.items, it.key)
		c.used -= it.res.size() + int64(len(it.key))
	}
}

// clear drops every entry.
func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ll.Init()
	clear(c.items)
	c.used = 0
}
