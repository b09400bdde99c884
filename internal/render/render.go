// Package render turns a loaded site and its ranked results into the bytes
// of every output file. It reads nothing from disk, writes nothing and
// ranks nothing: the build writes its outputs to public/, the preview
// server keeps them in memory, and both rank with rank.Archive first.
//
// Every output is a job (job.go) that names its path, what asks for it
// and the inputs it reads (inputs.go). The parts of the site each list
// their jobs: circulars.go (the circulars, home, archive, plain pages),
// history_*.go (units, indicators, rankings and the circulars' data
// appendix), feed.go, opendata.go and search.go; this file gathers them,
// checks that no two claim one path, and runs them.
package render

import (
	"errors"
	"html/template"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/par"
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

	// declare, when set, sees every declaration of inputs before the
	// cache keys on it and may change it: the consistency test leaves an
	// input out there, to show that it notices.
	declare func(name string, in []input) []input

	// NoSearchIndex leaves out the search index (the search page stays),
	// for the benchmarks that measure what the index costs: bench/run.sh
	// builds with and without it (TONGBAO_BENCH_NO_SEARCH_INDEX), and
	// BenchmarkPlainCorpusIndex renders with and without it.
	NoSearchIndex bool

	// ReleaseSources lets each page's and circular's Markdown go once it
	// is converted, by clearing its Body in the site: the site must not be
	// rendered or read again. tongbao build sets it, so that a build holds
	// the sources of the pages it has still to render, not the whole
	// content folder (the plain corpus's 18 MB, a fifth of its peak).
	ReleaseSources bool

	// Only, when set, names the circulars (by file) whose pages alone are
	// rendered, with what is written beside them: their attachments, the
	// files their bodies link to, data.json and data.csv. The preview
	// shows a month being gathered so (serve, site.LoadDraft): the pages
	// of a draft among the site's as published, nothing that lists or
	// links every circular made again from it. A draft is read while it
	// is written: a body with problems is then converted as well as it
	// can be — a shortcode in error as nothing — and its page emitted,
	// the problems returned all the same (Stream).
	Only []string

	// Warn, if set, is told of each warning of the bodies' Markdown (a
	// `##标题` without its blank, a `**` without its partner…: see
	// markdown.Error.Warning), in order of place, once every job has run.
	Warn func(diag.Diagnostic)
}

// An Output is one file of the built site.
type Output struct {
	Path string // slash path below the output root: "circulars/2023/14/index.html"
	Data []byte
	// Asset is an asset's path without its fingerprint,
	// "assets/css/site.css", and "" for any other output: the preview
	// server tells a renamed stylesheet by it.
	Asset string
	// Sum is the SHA-256 of Data if rendering made it already (the
	// search index names its files by it), so that the build's manifest
	// need not hash the bytes again; nil otherwise.
	Sum *[32]byte
	// File, when not nil, is the file of the site whose bytes the output
	// is, unchanged: an attachment, a file a body links to, or a file of
	// static/ (site.Site.Static). Data is
	// then nil; the build copies the file in pieces and the preview
	// serves it from where it is: an archive of scanned originals would
	// otherwise be held whole by every render the preview keeps, and
	// read whole by the build.
	File *site.Attachment
}

// Size is the output's length in bytes.
func (o Output) Size() int64 {
	if o.File != nil {
		return o.File.Size
	}
	return int64(len(o.Data))
}

// Render renders every page of s, sorted by path. Problems (shortcodes,
// template errors, two outputs on one path) are returned together as a
// diag.List; no output is returned then.
func Render(s *site.Site, res *rank.Results, opts Options) ([]Output, error) {
	var mu sync.Mutex
	var out []Output
	err := Stream(s, res, opts, func(o Output) error {
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
func Stream(s *site.Site, res *rank.Results, opts Options, emit func(o Output) error) error {
	if opts.Cache != nil && !s.Hashed {
		// Its keys would be the same whatever the files held.
		return errors.New("render: a Cache needs a site loaded with a site.Cache")
	}
	// A hand entry repeating a rule's measure is a mistake in the data
	// that only ranking finds; every output would state it.
	if err := res.Err(); err != nil {
		return err
	}
	if opts.Only != nil {
		opts.NoSearchIndex = true
	}
	c, err := newCore(s, res, opts)
	if err != nil {
		return err
	}
	circ := &circulars{core: c}
	search := &searchIndex{core: c, circ: circ}
	circ.search = search
	var parts []interface{ jobs() []job }
	if opts.Only != nil {
		parts = append(parts, circ, &openData{core: c})
	} else {
		parts = append(parts,
			// The archive-wide pages come first: a few of them (a folder's
			// list of pages, the sitemap) are the longest jobs of a site of
			// many pages, and a worker that started one last would finish
			// alone.
			&lists{core: c},
			&feeds{core: c},
			circ,
			&history{core: c},
			&indexes{core: c},
			search,
			&openData{core: c},
			&assets{core: c},
			&redirects{core: c},
			&statics{core: c})
	}
	var jobs []job
	for _, p := range parts {
		for _, j := range p.jobs() {
			if opts.Only == nil || slices.Contains(opts.Only, j.owner.file) {
				jobs = append(jobs, j)
			}
		}
	}
	jobs, err = c.claim(jobs)
	if err != nil {
		return err
	}
	c.jobs = jobs
	return c.run(jobs, circ, search, emit)
}

// run converts the circulars' bodies, which the circular pages, the feed
// and the search index all read, then runs every job and emits its
// output.
func (c *core) run(jobs []job, circ *circulars, search *searchIndex, emit func(Output) error) error {
	var (
		emitOnce sync.Once
		emitErr  error
		stopped  atomic.Bool
	)
	c.emit = func(o Output) {
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
	circ.convertBodies()
	search.start()
	par.Do(len(jobs), func(i int) {
		if stopped.Load() {
			return
		}
		if f := jobs[i].file; f != nil {
			c.emit(Output{Path: jobs[i].path, File: f})
			return
		}
		if jobs[i].fn == nil {
			return
		}
		if data, ok := c.output(&jobs[i]); ok {
			if d := jobs[i].doc; d > 0 {
				search.locate(&jobs[i], d-1, data)
			}
			c.emit(Output{Path: jobs[i].path, Data: data, Asset: jobs[i].asset})
		}
	})
	if !stopped.Load() {
		search.finish()
	}
	c.reportSlips()
	c.cache.end()
	if emitErr != nil {
		return emitErr
	}
	return c.diags.Err()
}

// core is what every part of the site shares: the site and its results,
// the templates, the addresses, the cache and the problems found.
type core struct {
	s     *site.Site
	res   *rank.Results
	md    *markdown.Converter
	base  site.Base
	tmpl  *templates
	cache *Cache
	keys  *keyer // nil without a cache: a build spends nothing on keys
	opts  Options

	// public is where the site is read: base, or, when baseURL is a bare
	// path, https://[site] domain with base's path. Sitemaps, feeds and
	// canonical links need absolute addresses (DESIGN.md §7).
	public site.Base

	// view is the part of every page that comes from config.toml.
	view *SiteData
	// assets maps an asset's name, "css/site.css", to its fingerprinted
	// output path, "assets/css/site.0a1b2c3d.css".
	assets map[string]string
	// css holds the stylesheets that name other assets, as published:
	// with the names fingerprinted (fingerprints).
	css map[string][]byte
	// jobs are every job of the render, once they are all listed: the
	// sitemap reads their paths.
	jobs []job
	// reporter is, by period, the first circular that reports it: where
	// a period's column heading links.
	reporter map[*rank.Period]*site.Circular
	// pages are the addresses of the circulars and plain pages by their
	// files: where a body's link to a Markdown file points.
	pages map[string]string

	// emit hands an output to Stream's caller, from any job.
	emit func(Output)

	mu    sync.Mutex
	diags diag.List
	slips map[string]diag.List // the bodies' warnings, by file (slips.go)
}

func newCore(s *site.Site, res *rank.Results, opts Options) (*core, error) {
	baseURL := s.Config.BaseURL
	if opts.BaseURL != "" {
		baseURL = opts.BaseURL
	}
	base, err := site.ParseBase(baseURL)
	if err != nil {
		return nil, diag.List{{File: "config.toml", Msg: err.Error()}}
	}
	c := &core{
		s:        s,
		res:      res,
		md:       markdown.New(),
		base:     base,
		public:   base.Public(s.Config.Site.Domain),
		cache:    opts.Cache,
		opts:     opts,
		reporter: map[*rank.Period]*site.Circular{},
		pages:    make(map[string]string, len(s.Circulars)+len(s.Pages)),
		view:     newSiteData(s, base),
	}
	for _, circ := range s.Circulars {
		c.pages[circ.File] = circ.URLPath()
	}
	for _, p := range s.Pages {
		c.pages[p.File] = p.Path
	}
	c.assets, c.css = fingerprints(s.Assets)
	c.view.Icon, c.view.IconType = c.icon()
	c.view.footer(s.Config.Site, base, func(name string) string { return c.URL(c.assets[name]) })
	for _, circ := range s.Circulars { // oldest first: a period links to its first circular
		if p := c.periodOf(circ); p != nil && c.reporter[p] == nil {
			c.reporter[p] = circ
		}
	}
	if c.cache != nil {
		c.cache.begin()
		c.keys = newKeyer(c)
	}
	if c.tmpl, err = parseTemplates(c); err != nil {
		return nil, err
	}
	// Told with whatever else the render finds (a shortcode misspelt in
	// a body), as a field that fails as it runs is.
	c.diags = append(c.diags, c.tmpl.fields...)
	return c, nil
}

// periodOf returns the results of the period circular c reports, or nil.
func (c *core) periodOf(circ *site.Circular) *rank.Period {
	return c.res.Period(circ.Data.Key())
}

// URL returns the site-absolute path for p (a slash path below the root),
// honouring the path of baseURL: "circulars/" → "/tongbao/circulars/".
func (c *core) URL(p string) string { return c.base.Path + strings.TrimPrefix(p, "/") }

// AbsURL returns the full address of p when the host is known (from
// baseURL or [site] domain), its path-absolute address otherwise, its path
// percent-encoded as RFC 3986 asks (UTF-8, uppercase hex): a page in
// content/通知/ is at …/%E9%80%9A%E7%9F%A5/. Every place that gives a
// page's address — the portal's Url tag, the canonical link, the feed,
// the sitemap, data.json — gives these same bytes: html/template leaves a
// valid %XX as it is, where it would escape a raw 通 as %e9 in an href and
// not at all in a meta tag's content. A ? or # in p, which a layout's
// absURL may write, starts a query or fragment left as written.
func (c *core) AbsURL(p string) string {
	p, rest := strings.TrimPrefix(p, "/"), ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, rest = p[:i], p[i:]
	}
	return origin(c.public.URL) + escapePath(c.public.Path+p) + rest
}

// origin is the scheme and host that start the address u, "" when u is a
// path: "https://www.example.gov.cn" of "https://www.example.gov.cn/x/".
func origin(u string) string {
	_, after, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(after, "/")
	return u[:len(u)-len(after)] + host
}

// escapePath percent-encodes path p as RFC 3986 asks, with uppercase hex:
// every byte but the unreserved characters, the slash and the sub-delims
// and : @ that html/template also leaves as they are ( ' ( ) it would
// escape, in lowercase, are escaped here in uppercase). A % is escaped
// too: a site's paths are file names, never escaped already.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	plain := func(ch byte) bool {
		return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte("-._~/!$&*+,;=:@", ch) >= 0
	}
	i := 0
	for i < len(p) && plain(p[i]) {
		i++
	}
	if i == len(p) {
		return p // most addresses: nothing to escape, nothing to copy
	}
	var b strings.Builder
	b.WriteString(p[:i])
	for ; i < len(p); i++ {
		switch ch := p[i]; {
		case plain(ch):
			b.WriteByte(ch)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&15])
		}
	}
	return b.String()
}

// fail records a problem found while rendering.
func (c *core) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := err.(diag.List); ok {
		c.diags = append(c.diags, l...)
		return
	}
	if c.tmpl.toldField(err) {
		return
	}
	c.diags = append(c.diags, c.tmpl.diag(err))
}

// convert converts a Markdown body with the shortcodes of the period it
// reports (nil for a page that reports none: then only month-free
// shortcodes work) as the circular's [[entry]]s edit them, its links to
// files pointing at their targets (linkTargets). With problems, the body
// is still converted as well as it can be (markdown.Converter.Convert),
// for a draft (Options.Only).
func (c *core) convert(file string, body []byte, bodyLine int, p *rank.Period, edits []site.EntryEdit, targets map[string]markdown.Target) (template.HTML, error) {
	html, errs := c.md.ConvertValid(body, c.shortcodes(p, edits), targets)
	warnings, errs := slipsOf(file, bodyLine, errs)
	c.noteSlips(file, warnings)
	if len(errs) > 0 {
		var l diag.List
		for _, e := range errs {
			l.Add(file, bodyLine+e.Line-1, e.Col, "%s", e.Msg)
		}
		return template.HTML(html), l
	}
	return template.HTML(html), nil
}
