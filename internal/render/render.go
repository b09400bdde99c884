// Package render turns a loaded site and its ranked months into the bytes
// of every output file. It reads nothing from disk and writes nothing: the
// build writes its outputs to public/, the preview server keeps them in
// memory.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// Options adjust one rendering.
type Options struct {
	// BaseURL overrides config.toml's baseURL (tongbao build --baseURL).
	BaseURL string

	// Cache, if set, carries work over from the last render of the same
	// site (the preview server); a one-off build leaves it nil. Its keys
	// are the sums of the input files: the site must come from
	// site.LoadCached with a site.Cache (site.Site.Hashed).
	Cache *Cache

	// noIndex leaves out the search index, for the benchmark that
	// measures what it costs (BenchmarkPlainCorpusIndex).
	noIndex bool
}

// An Output is one file of the built site.
type Output struct {
	Path string // slash path below the output root: "circulars/2023/14/index.html"
	Data []byte
}

// Render renders every page of s, sorted by path. Problems (shortcodes,
// template errors) are returned together as a diag.List; no output is
// returned then.
func Render(s *site.Site, opts Options) ([]Output, error) {
	var mu sync.Mutex
	var out []Output
	err := Stream(s, opts, func(o Output) error {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Output) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// Stream renders every page of s as Render does, but hands each output to
// emit as soon as it is rendered and keeps none of them, so that a build
// can write its files while the rest are rendered and never holds the
// whole site in memory. emit is called from several goroutines at once,
// in no particular order; it must not modify o.Data, which the cache may
// share.
//
// A page that fails is not emitted, and the others still are: problems
// are returned together as a diag.List once every job has run, and the
// caller must then discard what it was given. If emit returns an error,
// no further job is started and Stream returns that error, problems found
// so far notwithstanding.
func Stream(s *site.Site, opts Options, emit func(o Output) error) error {
	if opts.Cache != nil && !s.Hashed {
		// Its keys would be the same whatever the files held.
		return errors.New("render: a Cache needs a site loaded with a site.Cache")
	}
	r, err := newRenderer(s, opts)
	if err != nil {
		return err
	}
	err = r.render(emit)
	opts.Cache.end(r.results)
	return err
}

// renderer holds what every page shares, computed once per build.
type renderer struct {
	s          *site.Site
	md         *markdown.Converter
	base       string            // baseURL, ending in /
	basePath   string            // its path, ending in /: "/" or "/tongbao/"
	assets     map[string]string // asset name → fingerprinted output path
	tmpl       map[string]*template.Template
	partials   *template.Template // base.html and partials/, for partialCached
	partialOut sync.Map           // partialCached's outputs, by partial and variants
	results    map[*site.Month]*rank.MonthResults
	siteData   *SiteData
	cache      *Cache
	global     [32]byte // hash of everything every page reads: see globalKey
	csvOnce    map[*site.Month]func() ([]byte, error)

	// bodies holds each circular's converted Markdown, by index in
	// s.Circulars. It is filled once, before any page job runs, because the
	// circular page, the search index and the feed all read it. A plain
	// page's body is read by its page and its search entry only, and is
	// converted by the page's job.
	bodies []template.HTML

	// emit hands an output to Stream's caller, from any job.
	emit func(Output)

	// search is the search index being made (search.go); nil with
	// Options.noIndex.
	search  *searchIndex
	noIndex bool

	// buffers hold the pages being executed: a page is written into a
	// buffer that earlier pages grew and copied out once at its size,
	// rather than into a fresh buffer that doubles a dozen times and is
	// left up to half empty.
	buffers sync.Pool

	mu    sync.Mutex
	diags diag.List
}

func newRenderer(s *site.Site, opts Options) (*renderer, error) {
	base := s.Config.BaseURL
	if opts.BaseURL != "" {
		base = opts.BaseURL
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, diag.List{{File: "config.toml", Msg: fmt.Sprintf("baseURL 无效：%v", err)}}
	}
	r := &renderer{
		s:        s,
		md:       markdown.New(),
		base:     base,
		basePath: cmpOr(u.Path, "/"),
		assets:   map[string]string{},
		cache:    opts.Cache,
		noIndex:  opts.noIndex,
	}
	if !strings.HasSuffix(r.basePath, "/") {
		r.basePath += "/"
	}
	for _, a := range s.Assets {
		r.assets[a.Name] = fingerprint("assets/"+a.Name, a.Data)
	}
	r.global = globalKey(s, base)
	r.csvOnce = make(map[*site.Month]func() ([]byte, error), len(s.Months))
	for _, m := range s.Months {
		r.csvOnce[m] = r.newMonthCSV(m)
	}
	r.results = r.cache.begin(s.Months)
	ranked := make([]*rank.MonthResults, len(s.Months))
	parallel(len(s.Months), func(i int) {
		if ranked[i] = r.results[s.Months[i]]; ranked[i] == nil {
			ranked[i] = rank.Month(s, s.Months[i])
		}
	})
	for i, m := range s.Months {
		r.results[m] = ranked[i]
	}
	r.siteData = r.newSiteData()
	if err := r.parseTemplates(); err != nil {
		return nil, err
	}
	return r, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fingerprint inserts a short content hash before the extension, so that
// the portal and browsers may cache assets forever.
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// globalKey hashes what every output may read: the catalogue, the
// layouts and assets, and the base URL.
func globalKey(s *site.Site, base string) [32]byte {
	h := sha256.New()
	h.Write(s.Sum[:])
	for _, files := range [][]site.File{s.Layouts, s.Assets} {
		for _, f := range files {
			fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
			h.Write(f.Data)
		}
	}
	h.Write([]byte(base))
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// job renders one output; jobs run in parallel.
type job struct {
	path string
	fn   func() ([]byte, error)

	// key, when set, names exactly the inputs fn reads (see keyOf), so a
	// Cache may reuse the output of an earlier render made from them.
	key *[32]byte
	// keyFn, when set, computes the key when the job runs: for pages keyed
	// by the data they show, which takes work to gather. key is then a
	// quicker key that implies keyFn's: while it is unchanged the output
	// is reused without gathering anything.
	keyFn func() [32]byte
}

// keyed sets the key of a job; a nil key leaves it without one.
func keyed(j job, key *[32]byte) job {
	j.key = key
	return j
}

// jobKey is the key of a job reading the files of sums (see keyOf), or
// nil without a cache: a build, which renders everything once, spends
// nothing on keys.
func (r *renderer) jobKey(sums ...[32]byte) *[32]byte {
	if r.cache == nil {
		return nil
	}
	k := keyOf(r.global, sums...)
	return &k
}

// monthSum is the hash of a circular's month file, or zero.
func monthSum(c *site.Circular) [32]byte {
	if c.Data == nil {
		return [32]byte{}
	}
	return c.Data.Sum
}

// parallel runs fn(0) … fn(n-1) on every core. Workers take the next i
// from a counter: handing thousands of small jobs over a channel costs a
// wake-up of the sender for each.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// render runs every job and emits its output.
func (r *renderer) render(emit func(Output) error) error {
	var (
		emitOnce sync.Once
		emitErr  error
		stopped  atomic.Bool
	)
	r.emit = func(o Output) {
		if stopped.Load() {
			return
		}
		if err := emit(o); err != nil {
			emitOnce.Do(func() { emitErr = err })
			stopped.Store(true)
		}
	}
	// A body that fails to convert is left empty; its problems are
	// reported together with the template errors of the page jobs.
	r.convertBodies()
	r.startSearch()
	jobs := r.jobs()
	parallel(len(jobs), func(i int) {
		if stopped.Load() {
			return
		}
		if data, ok := r.run(jobs[i]); ok {
			r.emit(Output{Path: jobs[i].path, Data: data})
		}
	})
	if !stopped.Load() {
		r.finishSearch()
	}
	if emitErr != nil {
		return emitErr
	}
	return r.diags.Err()
}

// run renders one job, through the cache when it has a key; ok is false
// if it failed, its problems recorded.
func (r *renderer) run(j job) (data []byte, ok bool) {
	if j.keyFn != nil && j.key != nil && r.cache != nil {
		// Keyed twice: the quick key, then the data key.
		quick := "quick:" + j.path
		if data, ok := r.cache.lookup(quick, *j.key); ok {
			return data, true
		}
		k := j.keyFn()
		data, ok := r.cache.lookup(j.path, k)
		if !ok {
			var err error
			if data, err = j.fn(); err != nil {
				r.fail(err)
				return nil, false
			}
			r.cache.store(j.path, k, data)
		}
		r.cache.store(quick, *j.key, data)
		return data, true
	}
	if j.key != nil {
		if data, ok := r.cache.lookup(j.path, *j.key); ok {
			return data, true
		}
	}
	data, err := j.fn()
	if err != nil {
		r.fail(err)
		return nil, false
	}
	if j.key != nil {
		r.cache.store(j.path, *j.key, data)
	}
	return data, true
}

// convertBodies converts every circular's Markdown, with the shortcodes
// of its month, into r.bodies.
func (r *renderer) convertBodies() {
	r.bodies = make([]template.HTML, len(r.s.Circulars))
	parallel(len(r.s.Circulars), func(i int) {
		c := r.s.Circulars[i]
		name, key := "body:"+c.File, keyOf(r.global, c.Sum, monthSum(c))
		if html, ok := r.cache.lookup(name, key); ok {
			r.bodies[i] = template.HTML(html)
			return
		}
		var res *rank.MonthResults
		if c.Data != nil {
			res = r.results[c.Data]
		}
		html, errs := r.md.ConvertValid(c.Body, r.shortcodes(res))
		if len(errs) > 0 {
			r.fail(markdownDiags(c.File, c.BodyLine, errs))
			return
		}
		r.cache.store(name, key, html)
		r.bodies[i] = template.HTML(html)
	})
}

// convertPage converts a plain page's Markdown; it has no month, so the
// data shortcodes have nothing to show.
func (r *renderer) convertPage(p *site.Page) (template.HTML, error) {
	html, errs := r.md.ConvertValid(p.Body, r.shortcodes(nil))
	if len(errs) > 0 {
		return "", markdownDiags(p.File, p.BodyLine, errs)
	}
	return template.HTML(html), nil
}

// fail records a problem found while rendering.
func (r *renderer) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := err.(diag.List); ok {
		r.diags = append(r.diags, l...)
		return
	}
	r.diags = append(r.diags, r.templateDiag(err))
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)?\s*(.*)$`)

// templateDiag places a template error at its layout file, line and
// column. Go counts the column in bytes from 0; staff count characters
// from 1, as the rest of tongbao's diagnostics do.
func (r *renderer) templateDiag(err error) diag.Diagnostic {
	msg := err.Error()
	m := templateErrRE.FindStringSubmatch(msg)
	if m == nil {
		return diag.Diagnostic{File: "layouts", Msg: "模板错误：" + msg}
	}
	d := diag.Diagnostic{File: "layouts/" + m[1], Msg: "模板错误：" + m[4]}
	d.Line, _ = strconv.Atoi(m[2])
	if m[3] == "" {
		return d
	}
	col, _ := strconv.Atoi(m[3])
	d.Col = col + 1
	for _, f := range r.s.Layouts {
		if f.Name != m[1] {
			continue
		}
		lines := bytes.Split(f.Data, []byte("\n"))
		if d.Line >= 1 && d.Line <= len(lines) && col <= len(lines[d.Line-1]) {
			d.Col = 1 + utf8.RuneCount(lines[d.Line-1][:col])
		}
	}
	return d
}

// jobs lists every output but the search index's. The archive-wide pages
// come first: a few of them (a folder's list of pages, the sitemap) are
// the longest jobs of a site of many pages, and a worker that started one
// last would finish alone.
func (r *renderer) jobs() []job {
	s := r.s
	var jobs []job
	add := func(p string, fn func() ([]byte, error)) { jobs = append(jobs, job{path: p, fn: fn}) }

	// The archive-wide pages read every month and every circular's front
	// matter, but no circular's text: editing a circular's text leaves
	// them as they were.
	for _, dir := range listDirs(s.Pages) {
		add(dir+"index.html", func() ([]byte, error) { return r.listPage(dir) })
	}
	jobs = append(jobs, r.feedJobs()...) // feed.go: feed.xml, sitemap.xml, robots.txt
	add("index.html", r.homePage)
	add("circulars/index.html", r.archivePage)
	add("404.html", r.notFoundPage)
	jobs = append(jobs, r.historyJobs()...) // history.go: units/, indicators/, rankings/
	if r.cache != nil {
		meta := r.metaKey()
		for i := range jobs {
			if jobs[i].key == nil {
				jobs[i] = keyed(jobs[i], &meta)
			}
		}
	}

	jobs = append(jobs, r.searchJobs()...) // search.go: search/ (the index is made as the pages are)
	for _, a := range s.Assets {
		data := a.Data
		add(r.assets[a.Name], func() ([]byte, error) { return data, nil })
	}
	for i, c := range s.Circulars {
		// The page shows its neighbours' titles and dates (prev/next).
		var prev, next [32]byte
		if i > 0 {
			prev = s.Circulars[i-1].Sum
		}
		if i+1 < len(s.Circulars) {
			next = s.Circulars[i+1].Sum
		}
		jobs = append(jobs, keyed(job{path: c.URLPath() + "index.html", fn: func() ([]byte, error) { return r.circularPage(i) }},
			r.jobKey(c.Sum, monthSum(c), prev, next)))
	}
	for i, p := range s.Pages {
		jobs = append(jobs, keyed(job{path: p.Path + "index.html", fn: func() ([]byte, error) { return r.plainPage(i) }}, r.jobKey(p.Sum)))
	}
	return append(jobs, r.openDataJobs()...) // opendata.go: data.json, data.csv, data/ranks.csv
}

// metaKey hashes what the archive-wide pages read: the global inputs,
// every month file, and each circular's and page's front matter.
func (r *renderer) metaKey() [32]byte {
	h := sha256.New()
	h.Write(r.global[:])
	for _, m := range r.s.Months {
		h.Write(m.Sum[:])
	}
	for _, c := range r.s.Circulars {
		month := ""
		if c.Data != nil {
			month = c.Data.Key
		}
		fmt.Fprintf(h, "%q %q %q %q %v %v %q\n", c.File, c.Number, c.Title, c.To, c.Date, c.Letter, month)
	}
	for _, p := range r.s.Pages {
		fmt.Fprintf(h, "%q %q %q %v\n", p.File, p.Path, p.Title, p.Date)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// listDirs are the folders of plain pages that get a list page: every
// folder holding a page, but not the content root itself.
func listDirs(pages []*site.Page) []string {
	seen := map[string]bool{}
	for _, p := range pages {
		dir := path.Dir(strings.TrimSuffix(p.Path, "/"))
		if dir != "." {
			seen[dir+"/"] = true
		}
	}
	var dirs []string
	for d := range seen {
		if !slices.ContainsFunc(pages, func(p *site.Page) bool { return p.Path == d }) {
			dirs = append(dirs, d)
		}
	}
	slices.Sort(dirs)
	return dirs
}

// execute runs a page layout with the shared base and partials.
func (r *renderer) execute(layout string, p *Page) ([]byte, error) {
	t := r.tmpl[layout]
	if t == nil {
		return nil, diag.List{{File: "layouts/" + layout, Msg: "缺少模板文件"}}
	}
	p.Site = r.siteData
	p.Nav = nav(r.siteData.Nav, p)
	if p.Kind != "404" {
		p.Permalink = r.AbsURL(p.Path)
	}
	b, _ := r.buffers.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	defer r.buffers.Put(b)
	b.Reset()
	if err := t.ExecuteTemplate(b, "base.html", p); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

// markdownDiags places Markdown problems at their line of the file.
func markdownDiags(file string, bodyLine int, errs []markdown.Error) diag.List {
	var l diag.List
	for _, e := range errs {
		l.Add(file, bodyLine+e.Line-1, e.Col, "%s", e.Msg)
	}
	return l
}

// URL returns the site-absolute path for p (a slash path below the root),
// honouring the path of baseURL: "circulars/" → "/tongbao/circulars/".
func (r *renderer) URL(p string) string {
	return r.basePath + strings.TrimPrefix(p, "/")
}

// AbsURL returns the full address of p when baseURL has a host.
func (r *renderer) AbsURL(p string) string {
	return r.base + strings.TrimPrefix(p, "/")
}
