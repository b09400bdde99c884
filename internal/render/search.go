package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"tongbao/internal/search"
	"tongbao/internal/site"
)

// This file renders the client-side search (DESIGN.md §7.1): the page
// /search/, whose search.js reads ?q=, and the index it reads, made by
// internal/search (see search.Index for its files): the manifest
// search-index.json, the shards of the inverted index, the table of the
// documents and the packs of their texts, under search/. Their URLs are
// paths below the site root, which search.js joins to the base path the
// page gives it, so the files do not depend on baseURL.
//
// The documents are the circulars, the plain pages, and the unit and
// indicator pages. Each is analysed once (search.Analyse): a circular
// from its converted body, before the jobs run; a plain page by its own
// job, while its body is at hand; a unit or indicator page from the
// catalogue. The documents are numbered from their dates and URLs before
// any is analysed, so a pack of texts is written as soon as its last
// document is analysed, and a build holds the texts no longer than that;
// the shards and the table are made once all are (finishSearch).
//
// In the preview server, the analyses are kept in the cache under the
// keys of their files, and the shards under keys of what they hold
// (search.Index.ShardKeys): a save analyses again only the pages it
// changed and encodes again only the shards whose tokens they moved.

// searchJobs are the outputs of this file that are jobs like any other;
// the index is made after them (see finishSearch).
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

// searchIndex is the index being made: the documents' analyses by their
// numbers, and the packs of their texts.
type searchIndex struct {
	docs     []search.Document // by place: the circulars, the plain pages, then the unit and indicator pages
	ids      []int             // the number of each, by place
	analyses []*search.Analysis
	left     []atomic.Int32 // documents each pack waits for
	packs    []string       // each pack's path once written
	mu       sync.Mutex
}

// startSearch numbers the documents and analyses the circulars, from
// their converted bodies, and the unit and indicator pages.
func (r *renderer) startSearch() {
	if r.noIndex {
		return
	}
	s := r.s
	x := &searchIndex{}
	for i := range s.Circulars {
		x.docs = append(x.docs, r.circularDocument(i))
	}
	for _, p := range s.Pages {
		x.docs = append(x.docs, pageDocument(p))
	}
	history := r.historyDocuments()
	x.docs = append(x.docs, history...)
	x.ids = search.Order(x.docs)
	n := len(x.docs)
	x.analyses = make([]*search.Analysis, n)
	x.left = make([]atomic.Int32, (n+search.PackDocs-1)/search.PackDocs)
	x.packs = make([]string, len(x.left))
	for k := range x.left {
		x.left[k].Store(int32(min(search.PackDocs, n-k*search.PackDocs)))
	}
	r.search = x
	parallel(len(s.Circulars), r.circularAnalysis)
	for i, d := range history {
		// Made from the catalogue, which every key holds (r.global).
		name := "search:" + d.URL
		a, ok := r.cache.lookupValue(name, r.global)
		if !ok {
			a = search.Analyse(d)
			r.cache.storeValue(name, r.global, nil, a)
		}
		r.addAnalysis(len(x.docs)-len(history)+i, a.(*search.Analysis))
	}
}

// circularDocument is circular i as the search shows it, without its text.
func (r *renderer) circularDocument(i int) search.Document {
	c := r.s.Circulars[i]
	v := r.circular(i)
	d := search.Document{Kind: search.Circular, Title: v.Title, URL: v.Path, Number: c.Number}
	if c.Title != v.Title {
		d.Names = []string{c.Title}
	}
	if v.Date != nil {
		d.Date = v.Date.ISO
	}
	return d
}

func pageDocument(p *site.Page) search.Document {
	d := search.Document{Kind: search.Page, Title: p.Title, URL: p.Path}
	if dd := dateData(p.Date); dd != nil {
		d.Date = dd.ISO
	}
	return d
}

// historyDocuments are the unit and indicator pages (history.go), titled
// as those pages are, found exactly by their names, with a short text of
// what they show.
func (r *renderer) historyDocuments() []search.Document {
	s := r.s
	var docs []search.Document
	for _, u := range s.Townships {
		docs = append(docs, search.Document{Kind: search.Unit, Title: u.Name + "历次考核排名", URL: unitPath(u), Names: []string{u.Name},
			Text: u.Name + "历次综合考核排名和各单项指标排名"})
	}
	owned := map[*site.Unit][]string{}
	for _, ind := range s.Indicators {
		for _, o := range ind.Owners {
			owned[o] = append(owned[o], ind.Name)
		}
	}
	for _, u := range s.Departments {
		text := u.Name + "历次考核情况"
		if names := owned[u]; len(names) > 0 {
			text += "。负责指标：" + strings.Join(names, "、")
		}
		docs = append(docs, search.Document{Kind: search.Unit, Title: u.Name + "历次考核情况", URL: unitPath(u), Names: []string{u.Name}, Text: text})
	}
	for _, ind := range s.Indicators {
		text := ind.Section
		if ind.Parent != nil {
			text += " " + ind.Parent.Name
		}
		text += " " + ind.Name + "历次排名"
		var owners []string
		for _, o := range ind.Owners {
			owners = append(owners, o.Name)
		}
		if len(owners) > 0 {
			text += "。责任单位：" + strings.Join(owners, "、")
		}
		docs = append(docs, search.Document{Kind: search.Indicator, Title: ind.Name + "历次排名", URL: indicatorPath(ind), Names: []string{ind.Name}, Text: text})
	}
	return docs
}

// addAnalysis records the analysis of the document at place i, and writes
// its pack if that was the last analysis the pack waited for.
func (r *renderer) addAnalysis(i int, a *search.Analysis) {
	x := r.search
	id := x.ids[i]
	x.analyses[id] = a
	if k := id / search.PackDocs; x.left[k].Add(-1) == 0 {
		r.writePack(k)
	}
}

// writePack writes pack k, whose documents are all analysed. A build
// then drops their texts; the preview server keeps them in its cache.
func (r *renderer) writePack(k int) {
	x := r.search
	docs := x.analyses[k*search.PackDocs : min(len(x.analyses), (k+1)*search.PackDocs)]
	if r.cache != nil {
		name, key := "search-pack:"+strconv.Itoa(k), search.PackKey(docs)
		if e, ok := r.cache.entry(name, key); ok {
			x.packs[k] = e.v.(string)
			r.emit(Output{Path: x.packs[k], Data: e.data})
			return
		}
		data := search.Pack(docs)
		x.packs[k] = search.PackPath(k, data)
		r.cache.storeValue(name, key, data, x.packs[k])
		r.emit(Output{Path: x.packs[k], Data: data})
		return
	}
	data := search.Pack(docs)
	x.packs[k] = search.PackPath(k, data)
	for j, a := range docs {
		docs[j] = a.DropText()
	}
	r.emit(Output{Path: x.packs[k], Data: data})
}

// circularAnalysis analyses circular i from its converted body.
func (r *renderer) circularAnalysis(i int) {
	c := r.s.Circulars[i]
	var name string
	var key [32]byte
	if r.cache != nil {
		name, key = "search:"+c.File, keyOf(r.global, c.Sum, monthSum(c))
		if v, ok := r.cache.lookupValue(name, key); ok {
			r.addAnalysis(i, v.(*search.Analysis))
			return
		}
	}
	a := search.AnalyseHTML(r.search.docs[i], string(r.bodies[i]))
	if r.cache != nil {
		r.cache.storeValue(name, key, nil, a)
	}
	r.addAnalysis(i, a)
}

// pageEntry analyses plain page i from its converted body.
func (r *renderer) pageEntry(i int, body template.HTML) {
	if r.search == nil {
		return
	}
	p := r.s.Pages[i]
	place := len(r.s.Circulars) + i
	a := search.AnalyseHTML(r.search.docs[place], string(body))
	if r.cache != nil {
		r.cache.storeValue("search:"+p.File, keyOf(r.global, p.Sum), nil, a)
	}
	r.addAnalysis(place, a)
}

// finishSearch analyses the plain pages whose jobs the cache answered and
// writes the shards, the documents table and the manifest, each with a
// gzip copy beside it for servers that send precompressed files (nginx's
// gzip_static). Nothing is written if a page failed to convert (its job
// reported why): every shard would depend on it.
func (r *renderer) finishSearch() {
	x := r.search
	if x == nil {
		return
	}
	n := len(r.s.Circulars)
	failed := false
	for i, p := range r.s.Pages {
		if x.analyses[x.ids[n+i]] != nil {
			continue
		}
		if v, ok := r.cache.lookupValue("search:"+p.File, keyOf(r.global, p.Sum)); ok {
			r.addAnalysis(n+i, v.(*search.Analysis))
			continue
		}
		body, err := r.convertPage(p)
		if err != nil {
			failed = true
			continue
		}
		r.pageEntry(i, body)
	}
	if failed {
		return
	}
	idx := search.NewIndex(x.analyses)
	var shard func(i int) search.Shard // a build makes every shard
	if r.cache != nil {
		keys := idx.ShardKeys()
		shard = func(i int) search.Shard {
			name := "search-shard:" + strconv.Itoa(i)
			if v, ok := r.cache.lookupValue(name, keys[i]); ok {
				return v.(search.Shard)
			}
			sh := idx.Shard(i)
			r.cache.storeValue(name, keys[i], nil, sh)
			return sh
		}
	}
	files := idx.Files(x.packs, shard)
	parallel(len(files), func(i int) {
		f := files[i]
		r.emit(Output{Path: f.Path, Data: f.Data})
		// The preview server compresses again only what changed.
		name := "search-gz:" + f.Path[:strings.IndexByte(f.Path+".", '.')]
		gz, ok := r.cache.lookup(name, f.Sum)
		if !ok {
			gz = search.Gzip(f.Data)
			r.cache.store(name, f.Sum, gz)
		}
		r.emit(Output{Path: f.Path + ".gz", Data: gz})
	})
}
