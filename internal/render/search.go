package render

import (
	"tongbao/internal/search"
)

// This file renders the client-side search (DESIGN.md §7): the page
// /search/, whose search.js reads ?q=, and the index it loads,
// /search-index.json, built from the circulars' bodies and the plain
// pages as converted for their own pages.

// searchJobs are the outputs of this file.
func (r *renderer) searchJobs() []job {
	return []job{
		{path: "search/index.html", fn: r.searchPage},
		{path: "search-index.json", fn: r.searchIndex},
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
func (r *renderer) searchIndex() ([]byte, error) {
	return search.Build(r.searchDocuments()).JSON(), nil
}

// searchDocuments lists what the search finds: the circulars in date
// order, then the plain pages.
func (r *renderer) searchDocuments() []search.Document {
	docs := make([]search.Document, 0, len(r.s.Circulars)+len(r.s.Pages))
	for i := range r.s.Circulars {
		v := r.circular(i)
		d := search.Document{Title: v.Title, URL: v.Path, Number: v.Number, Text: search.PlainText(string(r.bodies[i]))}
		if v.Date != nil {
			d.Date = v.Date.ISO
		}
		docs = append(docs, d)
	}
	for _, p := range r.s.Pages {
		d := search.Document{Title: p.Title, URL: p.Path, Text: search.PlainText(string(r.pageBodies[p]))}
		if dd := dateData(p.Date); dd != nil {
			d.Date = dd.ISO
		}
		docs = append(docs, d)
	}
	return docs
}
