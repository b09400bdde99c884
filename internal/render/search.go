package render

import (
	"html/template"
	"strconv"
	"sync/atomic"

	"tongbao/internal/search"
)

// This file renders the client-side search (DESIGN.md §7): the page
// /search/, whose search.js reads ?q=, and the file it loads,
// /search-index.json, which holds the plain text of the circulars' bodies
// and of the plain pages as converted for their own pages.

// searchJobs are the outputs of this file that are jobs like any other;
// search-index.json is made after them (see searchIndex).
func (r *renderer) searchJobs() []job {
	return []job{{path: "search/index.html", fn: r.searchPage}}
}

func (r *renderer) searchPage() ([]byte, error) {
	return r.execute("search.html", &Page{
		Kind:   "search",
		Title:  "站内搜索",
		Path:   "search/",
		Column: Column{Name: "站内搜索", Description: "检索本站通报和页面", Type: "搜索"},
	})
}

// The search index is search-index.json, which lists its parts, and the
// parts search/docs-1.json, search/docs-2.json, …, each holding the entries
// of partDocs documents in order: the circulars, then the plain pages.
// Their URLs are paths below the site root ("circulars/2023/14/"), which
// search.js joins to the base path the page gives it, so the files do
// not depend on baseURL.
//
// A plain page's entry is made by the page's own job, while its converted
// body is at hand (see plainPage), and a part is written as soon as its
// last entry is made. A build thus never holds the bodies of all its
// pages, nor the whole index: for a large site the index is as large as
// all its text. The part a document is in depends on its place alone, so
// a save that changes one page's text changes one part.
//
// In the preview server, entries and parts are kept in the cache under
// the keys of their pages. A part none of whose pages changed is taken
// from the cache whole (startSearch); in another, a page job the cache
// answers makes no entry, so the part is completed from the cache once the
// jobs have run (finishSearch).

// partDocs is the number of documents in a part of the index: about a
// megabyte of text for pages of the length of a circular.
const partDocs = 100

// startSearch prepares the counts of the parts and makes the circulars'
// entries, from their converted bodies, so that the first parts can be
// written as soon as their plain pages are rendered.
func (r *renderer) startSearch() {
	n := len(r.s.Circulars) + len(r.s.Pages)
	r.entries = make([][]byte, n)
	r.left = make([]atomic.Int32, (n+partDocs-1)/partDocs)
	for k := range r.left {
		r.left[k].Store(int32(min(partDocs, n-k*partDocs)))
		if r.cache == nil {
			continue
		}
		// A part whose pages are all unchanged is written as it was, and
		// waits for no entry: their jobs are answered by the cache too.
		if data, ok := r.cache.lookup(partPath(k), r.partKey(k)); ok {
			r.left[k].Store(0)
			r.emit(Output{Path: partPath(k), Data: data})
		}
	}
	parallel(len(r.s.Circulars), func(i int) {
		if r.left[i/partDocs].Load() > 0 {
			r.circularEntry(i)
		}
	})
}

// partPath is the path of part k, counted from 0.
func partPath(k int) string {
	return "search/docs-" + strconv.Itoa(k+1) + ".json"
}

// addEntry records document i's entry, and writes its part if that was
// the last entry the part waited for.
func (r *renderer) addEntry(i int, e []byte) {
	r.entries[i] = e
	if k := i / partDocs; r.left[k].Add(-1) == 0 {
		r.writePart(k)
	}
}

// writePart writes part k, whose entries are all made, and drops them.
func (r *renderer) writePart(k int) {
	entries := r.entries[k*partDocs : min(len(r.entries), (k+1)*partDocs)]
	data := search.JSON(entries)
	clear(entries)
	if r.cache != nil {
		r.cache.store(partPath(k), r.partKey(k), data)
	}
	r.emit(Output{Path: partPath(k), Data: data})
}

// circularEntry makes the search entry of circular i from its converted
// body.
func (r *renderer) circularEntry(i int) {
	c := r.s.Circulars[i]
	var name string
	var key [32]byte
	if r.cache != nil {
		name, key = "search:"+c.File, keyOf(r.global, c.Sum, monthSum(c))
		if e, ok := r.cache.lookup(name, key); ok {
			r.addEntry(i, e)
			return
		}
	}
	v := r.circular(i)
	d := search.Document{Title: v.Title, URL: v.Path, Number: v.Number}
	if v.Date != nil {
		d.Date = v.Date.ISO
	}
	e := search.HTMLEntry(d, string(r.bodies[i]))
	if r.cache != nil {
		r.cache.store(name, key, e)
	}
	r.addEntry(i, e)
}

// pageEntry makes the search entry of plain page i from its converted
// body.
func (r *renderer) pageEntry(i int, body template.HTML) {
	p := r.s.Pages[i]
	d := search.Document{Title: p.Title, URL: p.Path}
	if dd := dateData(p.Date); dd != nil {
		d.Date = dd.ISO
	}
	e := search.HTMLEntry(d, string(body))
	if r.cache != nil {
		r.cache.store("search:"+p.File, keyOf(r.global, p.Sum), e)
	}
	r.addEntry(len(r.s.Circulars)+i, e)
}

// finishSearch writes the parts the jobs left unfinished, with entries
// from the cache, and search-index.json. A part stays unwritten if a page in it failed
// to convert (its job reported why).
func (r *renderer) finishSearch() {
	n := len(r.s.Circulars)
	parallel(len(r.left), func(k int) {
		if r.left[k].Load() <= 0 {
			return // written
		}
		for i := k * partDocs; i < min(len(r.entries), (k+1)*partDocs); i++ {
			if r.entries[i] != nil {
				continue
			}
			if i < n {
				r.circularEntry(i)
				continue
			}
			p := r.s.Pages[i-n]
			if e, ok := r.cache.lookup("search:"+p.File, keyOf(r.global, p.Sum)); ok {
				r.addEntry(i, e)
				continue
			}
			body, err := r.convertPage(p)
			if err != nil {
				return
			}
			r.pageEntry(i-n, body)
		}
	})
	b := []byte(`{"v":3,"parts":[`)
	for k := range r.left {
		if k > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, partPath(k))
	}
	r.emit(Output{Path: "search-index.json", Data: append(b, "]}\n"...)})
}

// partKey hashes what part k reads: the files of its documents.
func (r *renderer) partKey(k int) [32]byte {
	n := len(r.s.Circulars)
	var sums [][32]byte
	for i := k * partDocs; i < min(len(r.entries), (k+1)*partDocs); i++ {
		if i < n {
			c := r.s.Circulars[i]
			sums = append(sums, c.Sum, monthSum(c))
		} else {
			sums = append(sums, r.s.Pages[i-n].Sum)
		}
	}
	return keyOf(r.global, sums...)
}
