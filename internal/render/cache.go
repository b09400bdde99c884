package render

import (
	"crypto/sha256"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// A Cache carries work from one render of a site to the next, for the
// preview server: a month's ranking, a circular's converted body, a
// page's search entry, a year of a history table and every output
// whose inputs have not changed are reused, so a save re-renders only
// what it touches. Each piece of work is keyed by a hash of exactly what
// it reads: the input files (keyOf, globalKey, metaKey, contentKey) or,
// for the history pages, the data they show (dataKey).
//
// A Cache is for one render at a time; the zero value is ready.
type Cache struct {
	mu      sync.Mutex
	results map[*site.Month]*rank.MonthResults
	entries map[string]cacheEntry // by name: an output path, or "body:" + file, …
	added   map[string]cacheEntry // this render's new entries
}

type cacheEntry struct {
	key  [32]byte
	data []byte
	v    any // a value other than bytes: a year of a history table
}

// lookup returns the bytes stored under name if they were made from key.
func (c *Cache) lookup(name string, key [32]byte) ([]byte, bool) {
	e, ok := c.entry(name, key)
	return e.data, ok
}

// lookupValue is lookup for a value that is not bytes.
func (c *Cache) lookupValue(name string, key [32]byte) (any, bool) {
	e, ok := c.entry(name, key)
	return e.v, ok
}

func (c *Cache) entry(name string, key [32]byte) (cacheEntry, bool) {
	if c == nil {
		return cacheEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[name]
	if !ok || e.key != key {
		return cacheEntry{}, false
	}
	return e, true
}

// store records data made from key under name.
func (c *Cache) store(name string, key [32]byte, data []byte) {
	c.storeValue(name, key, data, nil)
}

// storeValue records data or v made from key under name.
func (c *Cache) storeValue(name string, key [32]byte, data []byte, v any) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[name] = cacheEntry{key, data, v}
}

// begin starts a render: results of months that are no longer loaded are
// dropped (a cached *site.Month is only reused while its file and the
// catalogue are unchanged, so the pointer is a sound key).
func (c *Cache) begin(months []*site.Month) map[*site.Month]*rank.MonthResults {
	results := make(map[*site.Month]*rank.MonthResults, len(months))
	if c == nil {
		for _, m := range months {
			results[m] = nil
		}
		return results
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range months {
		results[m] = c.results[m]
	}
	c.added = map[string]cacheEntry{}
	return results
}

// end keeps this render's work for the next one, beside what earlier
// renders left: an entry a render did not ask for may still be wanted,
// as the search index reused whole leaves its documents' entries unread.
// Entries are replaced by name, so the cache holds at most one per input
// and output the session has seen.
func (c *Cache) end(results map[*site.Month]*rank.MonthResults) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = results
	if c.entries == nil {
		c.entries = map[string]cacheEntry{}
	}
	for name, e := range c.added {
		c.entries[name] = e
	}
	c.added = nil
}

// keyOf hashes the global key with the given file sums.
func keyOf(global [32]byte, sums ...[32]byte) [32]byte {
	h := sha256.New()
	h.Write(global[:])
	for _, s := range sums {
		h.Write(s[:])
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}
