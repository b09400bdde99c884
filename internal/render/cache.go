package render

import "sync"

// A Cache carries work from one render of a site to the next, for the
// preview server: every output and every fragment (a circular's converted
// body, a year of a history table, a page's search entry) whose declared
// inputs are unchanged is reused, so a save re-renders only what it
// touches. Its entries are keyed in one place, keyer.key (inputs.go), by
// what each one declares it reads.
//
// A Cache is for one render at a time; the zero value is ready.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry // by name: an output path, or a fragment's name
	added   map[string]cacheEntry // this render's new entries
	slips   map[string]slipRecord // the bodies' warnings, by file (slips.go)
}

type cacheEntry struct {
	key [32]byte
	v   any // an output's bytes, or a fragment's value
}

// lookup returns what is stored under name if it was made from key.
func (c *Cache) lookup(name string, key [32]byte) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[name]
	if !ok || e.key != key {
		return nil, false
	}
	return e.v, true
}

// store records v, made from key, under name.
func (c *Cache) store(name string, key [32]byte, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[name] = cacheEntry{key, v}
}

// begin starts a render.
func (c *Cache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added = map[string]cacheEntry{}
}

// end keeps this render's work for the next one, beside what earlier
// renders left: an entry a render did not ask for may still be wanted,
// as the search index reused whole leaves its documents' entries unread.
// Entries are replaced by name, so the cache holds at most one per output
// and fragment the session has seen.
func (c *Cache) end() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cacheEntry{}
	}
	for name, e := range c.added {
		c.entries[name] = e
	}
	c.added = nil
}
