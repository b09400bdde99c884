package render

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/par"
	"tongbao/internal/search"
	"tongbao/internal/site"
)

// This file renders the client-side search (DESIGN.md §7.1): the page
// /search/, whose search.js reads ?q=, and the index it reads, made by
// internal/search (see search.Index for its files): the manifest
// search-index.json, which the page also carries, so that a query starts
// at once, the shards of the inverted index and the table of the
// documents, under search/. Their URLs are paths below
// the site root, which search.js joins to the base path the page gives
// it, so the files do not depend on baseURL.
//
// The documents are the circulars, the plain pages, and the unit and
// indicator pages. Each is analysed once (search.Analyse): a circular
// from its converted body, before the jobs run; a plain page by its own
// job, while its body is at hand; a unit or indicator page from the
// catalogue. The documents are numbered from their dates and URLs before
// any is analysed; the shards and the table are made once all are
// (finish). A circular's or plain page's snippet is read from the page
// itself, where its body is (locate), not from a copy of its text.
//
// In the preview server, the analyses are fragments keyed by the inputs
// of their pages (a circular's body's, a plain page's file, the catalogue
// for unit and indicator pages); the shards and their gzip copies are
// keyed by the digest of what they are made of (madeIn:
// search.Index.ShardKeys, the file's SHA-256): a save analyses again only
// the pages it changed and encodes again only the shards whose tokens
// they moved. Where a body lies in its page is keyed as the page is.

// searchIndex is the part of the site that writes the search page and
// the index: the documents' analyses by their numbers, and where each
// one read from its page's body finds that body in the page.
type searchIndex struct {
	*core
	circ *circulars

	docs     []search.Document // by place: the circulars, the plain pages, then the unit and indicator pages
	ids      []int             // the number of each, by place
	analyses []*search.Analysis
	at       []int    // by number: where the body read begins in its page, or −1 (see search.Index.Files)
	bodies   []string // by plain page: its converted body, from its job's conversion until it is located
}

// jobs are the search page and the manifest, which are made once every
// page is analysed (start, pageEntry, finish), not by jobs of their own
// (the page carries the manifest), but claim their paths like any other
// output. The index's other files are named by the hashes of their
// bytes, under search/, where no page of content/ may go.
func (x *searchIndex) jobs() []job {
	page := job{path: "search/index.html", owner: own("搜索页"), streamed: true}
	if x.opts.NoSearchIndex {
		page = job{path: page.path, owner: page.owner, in: []input{global(), newest()}, fn: func() ([]byte, error) { return x.searchPage(nil) }}
	}
	return []job{
		page,
		{path: "search-index.json", owner: own("搜索索引"), streamed: true},
		{path: "search-index.json.gz", owner: own("搜索索引"), streamed: true},
	}
}

// searchPage renders the search page, carrying the manifest (see
// Page.SearchIndex).
func (x *searchIndex) searchPage(manifest []byte) ([]byte, error) {
	return x.tmpl.execute("search.html", &Page{
		Kind:        "search",
		Title:       "站内搜索",
		Path:        "search/",
		Date:        dateData(x.s.LastPublished()), // what it searches was last updated then
		Column:      Column{Name: "站内搜索", Description: "检索本站的通报、页面、单位和指标", Keywords: "站内搜索,通报,考核排名", Type: "搜索"},
		SearchIndex: template.JS(manifest),
	})
}

// start numbers the documents and analyses the circulars, from their
// converted bodies, and the unit and indicator pages.
func (x *searchIndex) start() {
	if x.opts.NoSearchIndex {
		return
	}
	s := x.s
	x.docs = nil
	for i := range s.Circulars {
		x.docs = append(x.docs, x.circularDocument(i))
	}
	for _, p := range s.Pages {
		x.docs = append(x.docs, pageDocument(p))
	}
	history, reads := x.historyDocuments()
	x.docs = append(x.docs, history...)
	x.ids = search.Order(x.docs)
	n := len(x.docs)
	x.analyses = make([]*search.Analysis, n)
	x.at = make([]int, n)
	for i := range x.at {
		x.at[i] = -1
	}
	x.bodies = make([]string, len(s.Pages))
	par.Do(len(s.Circulars), x.circularAnalysis)
	for i, d := range history {
		// Made from the catalogue.
		a, _ := fragment(x.core, "search:"+d.URL, append([]input{global()}, reads[i]...), func() (*search.Analysis, error) { return search.Analyse(d), nil })
		x.addAnalysis(len(x.docs)-len(history)+i, a)
	}
}

// circularDocument is circular i as the search shows it, without its text.
func (x *searchIndex) circularDocument(i int) search.Document {
	c := x.s.Circulars[i]
	v := x.circular(i)
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
// what they show; reads are what each reads besides the catalogue.
func (x *searchIndex) historyDocuments() (docs []search.Document, reads [][]input) {
	s := x.s
	// A unit's other names (its full name, a name it had) find its page
	// exactly, and are in its text for a query that holds part of one.
	also := func(u *site.Unit) string {
		if len(u.OtherNames) == 0 {
			return ""
		}
		return "。也称" + strings.Join(u.OtherNames, "、")
	}
	// The indicators a unit owns are in its text, a ranked unit's too
	// (县信访局 of an office that ranks its 县直单位): its page lists them.
	owned := map[*site.Unit][]string{}
	for _, ind := range s.Indicators {
		for _, o := range ind.Owners {
			owned[o] = append(owned[o], ind.Name)
		}
	}
	ownedText := func(u *site.Unit) string {
		if names := owned[u]; len(names) > 0 {
			return "。负责指标：" + strings.Join(names, "、")
		}
		return ""
	}
	// The names of a unit's former units (Was, and theirs; their other
	// names too) find its page exactly, as they find their own: a reader who knows the old name (宝山县,
	// renamed 宝山市; 前进村, merged into 胜利村) wants the unit that
	// continues it as well. They are other units' names, which otherNames
	// cannot hold. Its text says how, as its page does (接续宝山县, 前进村并入).
	k := s.Assesses()
	var former func(u *site.Unit, seen map[*site.Unit]bool) []string
	former = func(u *site.Unit, seen map[*site.Unit]bool) []string {
		var names []string
		for _, w := range u.Was {
			if !seen[w] {
				seen[w] = true
				names = slices.Concat(names, []string{w.Name}, w.OtherNames, former(w, seen))
			}
		}
		return names
	}
	names := func(u *site.Unit) []string {
		return slices.Concat([]string{u.Name}, u.OtherNames, former(u, map[*site.Unit]bool{u: true}))
	}
	wasText := func(u *site.Unit) string {
		if len(u.Was) == 0 {
			return ""
		}
		was := make([]string, len(u.Was))
		for i, w := range u.Was {
			was[i] = w.Name
		}
		list := strings.Join(was, "、")
		switch {
		case len(u.Was) > 1 && !slices.ContainsFunc(u.Was, func(w *site.Unit) bool { return !u.After(w, k) }):
			return "。由" + list + "合并设立"
		case u.Renames(k):
			return "。接续" + list
		}
		return "。" + list + "并入"
	}
	months := x.res.Months()
	for _, u := range s.Townships {
		text := u.Name + "历次综合考核排名和各单项指标排名" + wasText(u) + also(u) + ownedText(u)
		// The months it sat out, as its page says them: a result that
		// promises its ranks, of a township exempted from every month
		// there is, would be found for ranks it has none of, and a search
		// for 免于考核 or the reason would not find it.
		exempt, in := exemptMonths(u, months)
		if len(exempt) > 0 {
			text += "。免于考核：" + strings.Join(exempt, "、")
		}
		docs = append(docs, search.Document{Kind: search.Unit, Title: u.Name + "历次考核排名", URL: unitPath(u), Names: names(u), Text: text})
		reads = append(reads, in)
	}
	for _, u := range s.Departments {
		text := u.Name + "历次考核情况" + wasText(u) + also(u) + ownedText(u)
		docs = append(docs, search.Document{Kind: search.Unit, Title: u.Name + "历次考核情况", URL: unitPath(u), Names: names(u), Text: text})
		reads = append(reads, nil)
	}
	// A group of units (units.toml [[group]]: the villages of a 乡镇) is
	// found by its name at its section of /rankings/, which lists its
	// units' pages: its name is otherwise only in the circulars, which
	// rank it in part month by month. Titled by what is there, a list of
	// its units (城关镇各行政村), not their ranks: the heat map above it
	// has no place of its own for a group.
	for i, g := range s.Groups {
		called := s.UnitsCalled(g.Units)
		title := g.Name + "各" + called
		unitNames := make([]string, len(g.Units))
		for j, u := range g.Units {
			unitNames[j] = u.Name
		}
		docs = append(docs, search.Document{Kind: search.Unit, Title: title, URL: "rankings/#" + groupID(i), Names: []string{g.Name},
			Text: title + "：" + strings.Join(unitNames, "、")})
		reads = append(reads, nil)
	}
	for _, ind := range s.Indicators {
		text := ind.Section
		if ind.Parent != nil {
			text += " " + ind.Parent.Name
		}
		text += " " + ind.Name + "历次排名"
		if len(ind.ShortNames) > 0 {
			text += "。简称：" + strings.Join(ind.ShortNames, "、")
		}
		former := ind.FormerNames() // the circulars of then call it so
		if len(former) > 0 {
			text += "。曾用名：" + strings.Join(former, "、")
		}
		var owners []string
		for _, o := range ind.Owners {
			owners = append(owners, o.Name)
		}
		if len(owners) > 0 {
			text += "。责任单位：" + strings.Join(owners, "、")
		}
		docs = append(docs, search.Document{Kind: search.Indicator, Title: ind.Name + "历次排名", URL: indicatorPath(ind), Names: slices.Concat([]string{ind.Name}, ind.ShortNames, former), Text: text})
		reads = append(reads, nil)
	}
	return docs, reads
}

// addAnalysis records the analysis of the document at place i.
func (x *searchIndex) addAnalysis(i int, a *search.Analysis) {
	x.analyses[x.ids[i]] = a
}

// locate records where the body of the document at place i (a circular's
// or a plain page's: what its analysis read, but the list of attachments
// appended) begins in page, the bytes of its page as j made them, for
// search.js to fetch its snippets from (see search.Index): a page is
// searched for its body once, the first 64 bytes of it by bytes.Index
// and the rest compared. A layout of a site's own that does not write
// the body as it is leaves the document without snippets.
func (x *searchIndex) locate(j *job, i int, page []byte) {
	if x.analyses == nil {
		return
	}
	// Keyed as the page is: the same inputs make the same page.
	at, _ := made(x.core, "search-at:"+j.path, j.quick, j.inputs(), func() (int, error) {
		return fragmentAt(page, x.body(i)), nil
	})
	x.at[x.ids[i]] = at
}

// body is the converted body of the document at place i, a circular or a
// plain page.
func (x *searchIndex) body(i int) string {
	n := len(x.s.Circulars)
	if i < n {
		return string(x.circ.bodies[i])
	}
	b := x.bodies[i-n]
	x.bodies[i-n] = ""
	if b == "" {
		// Its job was answered by the preview server's cache, but not
		// where its body lies: converted again.
		p := x.s.Pages[i-n]
		if body, err := x.convert(p.File, p.Body, p.BodyLine, nil, nil, nil); err == nil {
			b = string(body)
		}
	}
	return b
}

// fragmentAt is where frag begins in page, or −1 if page does not hold it
// whole or frag is empty.
func fragmentAt(page []byte, frag string) int {
	if frag == "" {
		return -1
	}
	head := []byte(frag[:min(len(frag), 64)])
	for off := 0; ; {
		k := bytes.Index(page[off:], head)
		if k < 0 {
			return -1
		}
		if off += k; len(page)-off >= len(frag) && string(page[off:off+len(frag)]) == frag {
			return off
		}
		off++
	}
}

// circularAnalysis analyses circular i from its converted body and its
// attachments' names.
func (x *searchIndex) circularAnalysis(i int) {
	c := x.s.Circulars[i]
	a, _ := fragment(x.core, "search:"+c.File, x.bodyInputs(c), func() (*search.Analysis, error) {
		return search.AnalyseHTML(x.docs[i], withAttachments(string(x.circ.bodies[i]), c.Attachments)), nil
	})
	x.addAnalysis(i, a)
}

// pageInputs are what plain page i's analysis reads.
func (x *searchIndex) pageInputs(i int) []input {
	return []input{global(), fileIn(x.s.Pages[i].File)}
}

// pageEntry analyses plain page i from its converted body.
func (x *searchIndex) pageEntry(i int, body template.HTML) {
	if x.analyses == nil {
		return
	}
	place := len(x.s.Circulars) + i
	a := search.AnalyseHTML(x.docs[place], withAttachments(string(body), x.s.Pages[i].Attachments))
	x.bodies[i] = string(body)
	x.keep("search:"+x.s.Pages[i].File, x.pageInputs(i), a)
	x.addAnalysis(place, a)
}

// finish analyses the plain pages whose jobs the cache answered and
// writes the shards, the documents table and the manifest, each with a
// gzip copy beside it for servers that send precompressed files (nginx's
// gzip_static) unless it is too small to need one (search.GzipMin).
// Nothing is written if a page failed to convert (its job reported why):
// every shard would depend on it.
func (x *searchIndex) finish() {
	if x.analyses == nil {
		return
	}
	n := len(x.s.Circulars)
	failed := false
	for i, p := range x.s.Pages {
		if x.analyses[x.ids[n+i]] != nil {
			continue
		}
		if a, ok := cached[*search.Analysis](x.core, "search:"+p.File, x.pageInputs(i)); ok {
			x.addAnalysis(n+i, a)
			continue
		}
		body, err := x.convert(p.File, p.Body, p.BodyLine, nil, nil, nil) // the text alone: where links point is not read
		if err != nil {
			failed = true
			continue
		}
		x.pageEntry(i, body)
	}
	if failed {
		return
	}
	idx := search.NewIndex(x.analyses)
	var shard func(i int) search.Shard // a build makes every shard
	if x.keys != nil {
		// Keyed by what the shard holds: its documents' tokens in it.
		keys := idx.ShardKeys()
		shard = func(i int) search.Shard {
			sh, _ := fragment(x.core, "search-shard:"+strconv.Itoa(i), []input{madeIn(keys[i])}, func() (search.Shard, error) { return idx.Shard(i), nil })
			return sh
		}
	}
	files := idx.Files(x.at, shard) // the manifest first
	page, err := x.searchPage(files[0].Data)
	if err != nil {
		x.fail(err)
		return
	}
	x.emit(Output{Path: "search/index.html", Data: page})
	par.Do(len(files), func(i int) {
		f := files[i]
		x.emit(fileOutput(f))
		if len(f.Data) < search.GzipMin {
			return
		}
		if x.keys == nil {
			x.emit(Output{Path: f.Path + ".gz", Data: search.Gzip(f.Data)})
			return
		}
		// The preview server compresses again only what changed.
		name := "search-gz:" + f.Path[:strings.IndexByte(f.Path+".", '.')]
		gz, _ := fragment(x.core, name, []input{madeIn(f.Sum)}, func() ([]byte, error) { return search.Gzip(f.Data), nil })
		x.emit(Output{Path: f.Path + ".gz", Data: gz})
	})
}

// fileOutput is the output of a file of the index, with the SHA-256 it is
// named by, which the build's manifest takes rather than hashing the
// bytes again.
func fileOutput(f search.File) Output {
	return Output{Path: f.Path, Data: f.Data, Sum: &f.Sum}
}
