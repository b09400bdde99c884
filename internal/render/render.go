// Package render turns a loaded site and its ranked months into the bytes
// of every output file. It reads nothing from disk and writes nothing: the
// build writes its outputs to public/, the preview server keeps them in
// memory.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// Options adjust one rendering.
type Options struct {
	// BaseURL overrides config.toml's baseURL (tongbao build --baseURL).
	BaseURL string
}

// An Output is one file of the built site.
type Output struct {
	Path string // slash path below the output root: "circulars/2023/14/index.html"
	Data []byte
}

// Render renders every page of s. Problems (shortcodes, template errors)
// are returned together as a diag.List; no output is returned then.
func Render(s *site.Site, opts Options) ([]Output, error) {
	r, err := newRenderer(s, opts)
	if err != nil {
		return nil, err
	}
	return r.render()
}

// renderer holds what every page shares, computed once per build.
type renderer struct {
	s        *site.Site
	md       *markdown.Converter
	base     string            // baseURL, ending in /
	basePath string            // its path, ending in /: "/" or "/tongbao/"
	assets   map[string]string // asset name → fingerprinted output path
	tmpl     map[string]*template.Template
	results  map[*site.Month]*rank.MonthResults
	siteData *SiteData

	// bodies holds each circular's converted Markdown, by index in
	// s.Circulars. It is filled once, before any page job runs, because the
	// circular page, the search index and the feed all read it.
	bodies []template.HTML

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
		results:  map[*site.Month]*rank.MonthResults{},
	}
	if !strings.HasSuffix(r.basePath, "/") {
		r.basePath += "/"
	}
	for _, a := range s.Assets {
		r.assets[a.Name] = fingerprint("assets/"+a.Name, a.Data)
	}
	for _, m := range s.Months {
		r.results[m] = rank.Month(s, m)
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

// job renders one output; jobs run in parallel.
type job struct {
	path string
	fn   func() ([]byte, error)
}

// parallel runs fn(0) … fn(n-1) on every core.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (r *renderer) render() ([]Output, error) {
	// A body that fails to convert is left empty; its problems are
	// reported together with the template errors of the page jobs.
	r.convertBodies()
	jobs := r.jobs()
	out := make([]Output, len(jobs))
	parallel(len(jobs), func(i int) {
		data, err := jobs[i].fn()
		if err != nil {
			r.fail(err)
		}
		out[i] = Output{Path: jobs[i].path, Data: data}
	})
	if err := r.diags.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Output) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// convertBodies converts every circular's Markdown, with the shortcodes
// of its month, into r.bodies.
func (r *renderer) convertBodies() {
	r.bodies = make([]template.HTML, len(r.s.Circulars))
	parallel(len(r.s.Circulars), func(i int) {
		c := r.s.Circulars[i]
		var res *rank.MonthResults
		if c.Data != nil {
			res = r.results[c.Data]
		}
		html, errs := r.md.Convert(c.Body, r.shortcodes(res))
		if len(errs) > 0 {
			r.fail(markdownDiags(c.File, c.BodyLine, errs))
			return
		}
		r.bodies[i] = template.HTML(html)
	})
}

// fail records a problem found while rendering.
func (r *renderer) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := err.(diag.List); ok {
		r.diags = append(r.diags, l...)
		return
	}
	r.diags = append(r.diags, templateDiag(err))
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)?\s*(.*)$`)

// templateDiag places a template error at its layout file and line.
func templateDiag(err error) diag.Diagnostic {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Diagnostic{File: "layouts/" + m[1], Line: line, Col: col, Msg: "模板错误：" + m[4]}
	}
	return diag.Diagnostic{File: "layouts", Msg: "模板错误：" + msg}
}

func (r *renderer) jobs() []job {
	s := r.s
	var jobs []job
	add := func(p string, fn func() ([]byte, error)) { jobs = append(jobs, job{p, fn}) }
	for _, a := range s.Assets {
		data := a.Data
		add(r.assets[a.Name], func() ([]byte, error) { return data, nil })
	}
	for i, c := range s.Circulars {
		add(c.URLPath()+"index.html", func() ([]byte, error) { return r.circularPage(i) })
	}
	for _, p := range s.Pages {
		add(p.Path+"index.html", func() ([]byte, error) { return r.plainPage(p) })
	}
	for _, dir := range listDirs(s.Pages) {
		add(dir+"index.html", func() ([]byte, error) { return r.listPage(dir) })
	}
	add("index.html", r.homePage)
	add("circulars/index.html", r.archivePage)
	add("404.html", r.notFoundPage)
	jobs = append(jobs, r.feedJobs()...)     // feed.go: feed.xml, sitemap.xml, robots.txt
	jobs = append(jobs, r.openDataJobs()...) // opendata.go: data.json, data.csv, data/ranks.csv
	return jobs
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
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "base.html", p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
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
