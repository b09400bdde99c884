package render

import (
	"crypto/sha256"

	"tongbao/internal/search"
	"tongbao/internal/site"
)

// This file renders the client-side search (DESIGN.md §7): the page
// /search/, whose search.js reads ?q=, and the index it loads,
// /search-index.json, built from the circulars' bodies and the plain
// pages as converted for their own pages.

// searchJobs are the outputs of this file.
func (r *renderer) searchJobs() []job {
	return []job{
		{path: "search/index.html", fn: r.searchPage},
		keyed(job{path: "search-index.json", fn: r.searchIndex}, r.contentKey()),
	}
}

func (r *renderer) searchPage() ([]byte, error) {
	return r.execute("search.html", &Page{
		Kind:   "search",
		Title:  "站内搜索",
		Path:   "search/",
		Column: Column{Name: "站内搜索", Description: "检索本站通报和页面", Type: "搜索"},
	})
}

// searchIndex is /search-index.json. Its URLs are paths below the site
// root ("circulars/2023/14/"): search.js joins them to the base path the
// page gives it, so the index does not depend on baseURL.
//
// Each document is analysed on its own, in parallel, and its analysis is
// kept in the cache under the key of its body: a save re-analyses only the
// page it changed.
func (r *renderer) searchIndex() ([]byte, error) {
	n := len(r.s.Circulars)
	total := n + len(r.s.Pages)
	if r.cache == nil {
		// A build: each analysis is merged as soon as it is made and then
		// dropped, so a large site's analyses are never all in memory.
		m := search.NewMerger(total)
		parallel(total, func(i int) {
			if i < n {
				m.Add(i, search.Analyze(r.circularDocument(i)))
			} else {
				m.Add(i, search.Analyze(r.pageDocument(r.s.Pages[i-n])))
			}
		})
		return m.Index().JSON(), nil
	}
	as := make([]*search.Analysis, total)
	parallel(len(as), func(i int) {
		var name string
		var key [32]byte
		var doc func() search.Document
		if i < n {
			c := r.s.Circulars[i]
			name, key = "search:"+c.File, keyOf(r.global, c.Sum, monthSum(c))
			doc = func() search.Document { return r.circularDocument(i) }
		} else {
			p := r.s.Pages[i-n]
			name, key = "search:"+p.File, keyOf(r.global, p.Sum)
			doc = func() search.Document { return r.pageDocument(p) }
		}
		if v, ok := r.cache.lookupValue(name, key); ok {
			as[i] = v.(*search.Analysis)
			return
		}
		as[i] = search.Analyze(doc())
		r.cache.storeValue(name, key, nil, as[i])
	})
	return search.Merge(as).JSON(), nil
}

// contentKey hashes every input file: what the index reads. A rebuild
// that changed nothing the index shows (a layout, say, is in r.global and
// does change it) reuses the whole file.
func (r *renderer) contentKey() [32]byte {
	h := sha256.New()
	h.Write(r.global[:])
	for _, m := range r.s.Months {
		h.Write(m.Sum[:])
	}
	for _, c := range r.s.Circulars {
		h.Write(c.Sum[:])
	}
	for _, p := range r.s.Pages {
		h.Write(p.Sum[:])
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// circularDocument is circular i as the search sees it.
func (r *renderer) circularDocument(i int) search.Document {
	v := r.circular(i)
	d := search.Document{Title: v.Title, URL: v.Path, Number: v.Number, Text: search.PlainText(string(r.bodies[i]))}
	if v.Date != nil {
		d.Date = v.Date.ISO
	}
	return d
}

// pageDocument is a plain page as the search sees it.
func (r *renderer) pageDocument(p *site.Page) search.Document {
	d := search.Document{Title: p.Title, URL: p.Path, Text: search.PlainText(string(r.pageBodies[p]))}
	if dd := dateData(p.Date); dd != nil {
		d.Date = dd.ISO
	}
	return d
}
