package render

import (
	"slices"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
)

// The warnings of the bodies' Markdown (markdown.Error.Warning: `##标题`,
// a `**` without its partner…) are found where a body is converted, from
// the tree the conversion parses anyway. A render that takes a page from
// its Cache converts nothing of it, so the Cache keeps each body's
// warnings beside the sum of its file, for the renders that follow. (A
// shortcode's warning depends on the month too — city-bottom's — but a
// page is taken from the Cache only with the inputs it was last made
// from, the month's among them, and so the warnings kept of that making.)

// A slipRecord is the warnings of one body, as converted from its file
// with the sum given.
type slipRecord struct {
	sum      [32]byte
	warnings diag.List
}

// slipsOf turns the warnings of errs, converted from the body of file
// starting on bodyLine, into diagnostics, and returns the other errors.
func slipsOf(file string, bodyLine int, errs []markdown.Error) (warnings diag.List, rest []markdown.Error) {
	for _, e := range errs {
		if e.Warning {
			warnings.Add(file, bodyLine+e.Line-1, e.Col, "%s", e.Msg)
		} else {
			rest = append(rest, e)
		}
	}
	return warnings, rest
}

// noteSlips records the warnings of file's body, converted in this render.
func (c *core) noteSlips(file string, warnings diag.List) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.slips == nil {
		c.slips = map[string]diag.List{}
	}
	c.slips[file] = warnings
}

// reportSlips tells opts.Warn of the warnings of every body rendered, in
// order of place: those converted in this render, and from the Cache
// those of the bodies it did not convert, their files unchanged.
func (c *core) reportSlips() {
	type body struct {
		file string
		sum  [32]byte
	}
	var bodies []body
	for _, circ := range c.s.Circulars {
		if c.opts.Only == nil || slices.Contains(c.opts.Only, circ.File) {
			bodies = append(bodies, body{circ.File, circ.Sum})
		}
	}
	if c.opts.Only == nil {
		for _, p := range c.s.Pages {
			bodies = append(bodies, body{p.File, p.Sum})
		}
	}
	var all diag.List
	for _, b := range bodies {
		w, fresh := c.slips[b.file]
		if c.cache != nil {
			if fresh {
				c.cache.keepSlips(b.file, slipRecord{b.sum, w})
			} else {
				w = c.cache.slipsOf(b.file, b.sum)
			}
		}
		all = append(all, w...)
	}
	if c.opts.Warn == nil || len(all) == 0 {
		return
	}
	all.Sort()
	for _, d := range all {
		c.opts.Warn(d)
	}
}

// keepSlips keeps the warnings of a body converted, for later renders.
func (c *Cache) keepSlips(file string, r slipRecord) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.slips == nil {
		c.slips = map[string]slipRecord{}
	}
	c.slips[file] = r
}

// slipsOf returns the warnings of file's body as kept when the file had
// the sum given, or nil.
func (c *Cache) slipsOf(file string, sum [32]byte) diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.slips[file]; ok && r.sum == sum {
		return r.warnings
	}
	return nil
}
