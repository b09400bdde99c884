package render

import (
	"html/template"
	"strconv"
	"sync/atomic"

	"tongbao/internal/par"
	"tongbao/internal/search"
)

// This file renders the client-side search (DESIGN.md §7): the page
// /search/, whose search.js reads ?q=, and the files it loads:
// search-index.json, which lists the parts of the index, and the parts,
// which hold the plain text of the circulars' bodies and of the plain
// pages as converted for their own pages.

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
// the inputs of their pages. A part none of whose pages changed is taken
// from the cache whole (start); in another, a page job the cache answers
// makes no entry, so the part is completed from the cache once the jobs
// have run (finish).

// partDocs is the number of documents in a part of the index: about a
// megabyte of text for pages of the length of a circular.
const partDocs = 100

// searchIndex is the part of the site that writes the search page and
// the index.
type searchIndex struct {
	*core
	circ *circulars

	// entries are the documents' entries: the circulars', then the plain
	// pages'; left counts the entries each part still waits for.
	entries [][]byte
	left    []atomic.Int32
}

// jobs are the search page, and the index's files: they are written as
// their pages are rendered (start, addEntry, finish), not by jobs of
// their own, but they claim their paths like any other output.
func (x *searchIndex) jobs() []job {
	n := x.docs()
	jobs := []job{
		{path: "search/index.html", owner: own("搜索页"), in: []input{global()}, fn: x.searchPage},
		{path: "search-index.json", owner: own("搜索索引"), streamed: true},
	}
	for k := range (n + partDocs - 1) / partDocs {
		jobs = append(jobs, job{path: partPath(k), owner: own("搜索索引"), streamed: true})
	}
	return jobs
}

func (x *searchIndex) docs() int { return len(x.s.Circulars) + len(x.s.Pages) }

func (x *searchIndex) searchPage() ([]byte, error) {
	return x.tmpl.execute("search.html", &Page{
		Kind:   "search",
		Title:  "站内搜索",
		Path:   "search/",
		Column: Column{Name: "站内搜索", Description: "检索本站通报和页面", Type: "搜索"},
	})
}

// start prepares the counts of the parts and makes the circulars'
// entries, from their converted bodies, so that the first parts can be
// written as soon as their plain pages are rendered.
func (x *searchIndex) start() {
	n := x.docs()
	x.entries = make([][]byte, n)
	x.left = make([]atomic.Int32, (n+partDocs-1)/partDocs)
	for k := range x.left {
		x.left[k].Store(int32(min(partDocs, n-k*partDocs)))
		if x.keys == nil {
			continue // a build: nothing cached, nothing to key
		}
		// A part whose pages are all unchanged is written as it was, and
		// waits for no entry: their jobs are answered by the cache too.
		if data, ok := cached[[]byte](x.core, partPath(k), x.partInputs(k)); ok {
			x.left[k].Store(0)
			x.emit(Output{Path: partPath(k), Data: data})
		}
	}
	par.Do(len(x.s.Circulars), func(i int) {
		if x.left[i/partDocs].Load() > 0 {
			x.circularEntry(i)
		}
	})
}

// partPath is the path of part k, counted from 0.
func partPath(k int) string {
	return "search/docs-" + strconv.Itoa(k+1) + ".json"
}

// entryInputs are what document i's entry reads.
func (x *searchIndex) entryInputs(i int) []input {
	if n := len(x.s.Circulars); i >= n {
		return []input{global(), fileIn(x.s.Pages[i-n].File)}
	}
	return x.bodyInputs(x.s.Circulars[i])
}

// partInputs are what part k reads: its documents' inputs.
func (x *searchIndex) partInputs(k int) []input {
	var in []input
	for i := k * partDocs; i < min(x.docs(), (k+1)*partDocs); i++ {
		in = append(in, x.entryInputs(i)...)
	}
	return in
}

// addEntry records document i's entry, and writes its part if that was
// the last entry the part waited for.
func (x *searchIndex) addEntry(i int, e []byte) {
	x.entries[i] = e
	if k := i / partDocs; x.left[k].Add(-1) == 0 {
		x.writePart(k)
	}
}

// writePart writes part k, whose entries are all made, and drops them.
func (x *searchIndex) writePart(k int) {
	entries := x.entries[k*partDocs : min(len(x.entries), (k+1)*partDocs)]
	data := search.JSON(entries)
	clear(entries)
	if x.keys != nil {
		x.keep(partPath(k), x.partInputs(k), data)
	}
	x.emit(Output{Path: partPath(k), Data: data})
}

// circularEntry makes the search entry of circular i from its converted
// body.
func (x *searchIndex) circularEntry(i int) {
	c := x.s.Circulars[i]
	e, _ := fragment(x.core, "search:"+c.File, x.entryInputs(i), func() ([]byte, error) {
		v := x.circular(i)
		d := search.Document{Title: v.Title, URL: v.Path, Number: v.Number}
		if v.Date != nil {
			d.Date = v.Date.ISO
		}
		return search.HTMLEntry(d, string(x.circ.bodies[i])), nil
	})
	x.addEntry(i, e)
}

// pageEntry makes the search entry of plain page i from its converted
// body.
func (x *searchIndex) pageEntry(i int, body template.HTML) {
	p := x.s.Pages[i]
	d := search.Document{Title: p.Title, URL: p.Path}
	if dd := dateData(p.Date); dd != nil {
		d.Date = dd.ISO
	}
	e := search.HTMLEntry(d, string(body))
	doc := len(x.s.Circulars) + i
	if x.keys != nil {
		x.keep("search:"+p.File, x.entryInputs(doc), e)
	}
	x.addEntry(doc, e)
}

// finish writes the parts the jobs left unfinished, with entries from
// the cache, and search-index.json. A part stays unwritten if a page in
// it failed to convert (its job reported why).
func (x *searchIndex) finish() {
	n := len(x.s.Circulars)
	par.Do(len(x.left), func(k int) {
		if x.left[k].Load() <= 0 {
			return // written
		}
		for i := k * partDocs; i < min(len(x.entries), (k+1)*partDocs); i++ {
			if x.entries[i] != nil {
				continue
			}
			if i < n {
				x.circularEntry(i)
				continue
			}
			p := x.s.Pages[i-n]
			if e, ok := cached[[]byte](x.core, "search:"+p.File, x.entryInputs(i)); ok {
				x.addEntry(i, e)
				continue
			}
			body, err := x.convert(p.File, p.Body, p.BodyLine, nil)
			if err != nil {
				return
			}
			x.pageEntry(i-n, body)
		}
	})
	b := []byte(`{"v":3,"parts":[`)
	for k := range x.left {
		if k > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, partPath(k))
	}
	x.emit(Output{Path: "search-index.json", Data: append(b, "]}\n"...)})
}
