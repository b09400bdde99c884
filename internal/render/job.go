package render

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/site"
)

// A job renders one output. It declares what asks for the output (owner)
// and every input it reads (in); fn makes the bytes from them. Jobs run
// in parallel, in any order.
type job struct {
	path  string
	owner owner
	in    []input
	// quick, when set, are inputs that determine in: while their key is
	// unchanged the cache answers without keying in. A page that reads
	// what every period of a long archive says of its unit declares the
	// periods whole as quick: one input against hundreds. Such a job
	// makes in on demand, in lazy.
	quick []input
	lazy  func() []input
	fn    func() ([]byte, error)
	asset string // Output.Asset
	// doc, if not 0, is 1 + the place of the search's document the page
	// is (a circular's or a plain page's; see searchIndex), whose body the
	// index finds in the page's bytes (searchIndex.locate).
	doc int
	// file, for a job without fn, is the file of the site the output is
	// (Output.File): the job claims its path; nothing reads the file here.
	file *site.Attachment

	// streamed marks an output made outside the job runner (the parts of
	// the search index, written as their pages are rendered): it claims
	// its path like any other, and has no fn.
	streamed bool
	// yields marks an output made only where no other claims its path:
	// a folder's list of pages gives way to tongbao's own page on the
	// folder (content/units/x.md lists under /units/, the unit index).
	yields bool
	// redirect marks a page at an earlier address (front matter
	// aliases): not a page of its own, so not in the sitemap.
	redirect bool
	// static marks a file of static/ (statics): published as it is, not
	// a page of the site, so not in the sitemap; a path it shares with
	// any other output is an error, never a list of pages yielding.
	static bool
	// fallback marks tongbao's default of a file an office may want its
	// own of (robots.txt, favicon.ico): a file of static/ on its path
	// takes its place, as in Hugo, where a theme's gives way to the site's.
	fallback bool
}

// An owner is what asks for an output: a source file, at the place in it
// that decides the output's path, or one of tongbao's own pages.
type owner struct {
	file      string // "content/about.md"; "" for tongbao's own pages
	line, col int
	what      string // tongbao's own: "单位“东风路街道”的历史页"
}

func (o owner) String() string {
	if o.file != "" {
		return o.file
	}
	return "tongbao 的" + o.what
}

// own is the owner of one of tongbao's own pages.
func own(format string, args ...any) owner { return owner{what: fmt.Sprintf(format, args...)} }

// claim checks that no two jobs claim one path: a second claim is an
// error at the second owner, naming the first, never a silent overwrite.
// tongbao's own pages claim their paths first, so that a content file
// that collides with one is the one blamed. A job that yields to another
// on its path is left out of what it returns.
func (c *core) claim(jobs []job) ([]job, error) {
	taken, static := map[string]bool{}, map[string]bool{}
	for _, j := range jobs {
		switch {
		case j.static:
			static[j.path] = true
		case !j.yields:
			taken[j.path] = true
		}
	}
	jobs = slices.DeleteFunc(jobs, func(j job) bool {
		return j.yields && taken[j.path] || j.fallback && static[j.path]
	})
	first := make(map[string]owner, len(jobs))
	var diags diag.List
	redirected := map[string]bool{} // paths first claimed by an alias
	told := map[[2]owner]bool{}     // a circular's page, data.json and data.csv collide together: said once
	for _, ours := range []bool{true, false} {
		for _, j := range jobs {
			if (j.owner.file == "") != ours {
				continue
			}
			prev, dup := first[j.path]
			if !dup {
				first[j.path] = j.owner
				if j.redirect {
					redirected[j.path] = true
				}
				continue
			}
			if told[[2]owner{prev, j.owner}] {
				continue
			}
			told[[2]owner{prev, j.owner}] = true
			if j.redirect {
				at := strings.TrimSuffix(j.path, "index.html")
				if redirected[j.path] {
					diags.Add(j.owner.file, j.owner.line, j.owner.col, "aliases（旧网址）/%s 已由 %s 的 aliases 转到那里，一个旧网址只能转到一处", at, prev)
				} else {
					diags.Add(j.owner.file, j.owner.line, j.owner.col, "aliases（旧网址）/%s 是 %s 现在的网址，不能再转到别处；删去这一项", at, prev)
				}
				continue
			}
			if j.static && j.path == iconPath && c.s.Config.Site.Favicon != "" {
				// The one icon set twice: say where the other is set.
				diags.Add(j.owner.file, j.owner.line, j.owner.col, "static/ 中的 favicon.ico 是网站图标，而 config.toml 的 [site] favicon 已把网站图标设为 layouts/assets/%s；只留一处：删去这个文件，或删去 favicon 这一项", c.s.Config.Site.Favicon)
				continue
			}
			if j.static {
				diags.Add(j.owner.file, j.owner.line, j.owner.col, "static/ 中的文件原样发布在 /%s，而这个路径已由 %s 生成；请给它改名或删去它", j.path, prev)
				continue
			}
			if j.owner.file == "" {
				// Two of tongbao's own pages on one path: tongbao's fault.
				diags.Add("", 0, 0, "输出路径 %s 已由 %s 生成，%s 不能再生成它", j.path, prev, j.owner)
				continue
			}
			diags.Add(j.owner.file, j.owner.line, j.owner.col, "输出路径 %s 已由 %s 生成", j.path, prev)
		}
	}
	diags = append(diags, folderClashes(jobs)...)
	return jobs, diags.Err()
}

// folderClashes are the files of static/ that need a path to be a folder
// where the build writes a file (static/feed.xml/x.txt), or a file where
// the build writes into a folder (static/units, beside units/index.html):
// a path is one or the other, so writing the output would fail, with no
// file to point at, and check would find nothing (claim compares whole
// paths). Each is an error at the static file, naming what makes the
// other; a folder's files are told once, at the first.
func folderClashes(jobs []job) diag.List {
	type made struct {
		path  string
		owner owner
	}
	files := map[string]owner{}
	// Each folder of an output, with the one that names it best: the
	// folder's own page (units/index.html, the unit index) before a page
	// within it, tongbao's own before a source file's.
	dirs := map[string]made{}
	for _, own := range []bool{true, false} {
		for _, ours := range []bool{true, false} {
			for _, j := range jobs {
				if j.static || (j.owner.file == "") != ours {
					continue
				}
				if own {
					if _, ok := files[j.path]; !ok {
						files[j.path] = j.owner
					}
					if path.Base(j.path) != "index.html" {
						continue
					}
				}
				for d := path.Dir(j.path); d != "." && d != "/"; d = path.Dir(d) {
					if _, ok := dirs[d]; !ok {
						dirs[d] = made{j.path, j.owner}
					}
					if own {
						break
					}
				}
			}
		}
	}
	var diags diag.List
	told := map[string]bool{} // a folder of static/ on a file
	for _, j := range jobs {
		if !j.static {
			continue
		}
		for d := path.Dir(j.path); d != "." && d != "/"; d = path.Dir(d) {
			if o, ok := files[d]; ok {
				if !told[d] {
					told[d] = true
					diags.Add(j.owner.file, j.owner.line, j.owner.col, "static/ 中的文件原样发布在 /%s，要有文件夹 /%s/，而 /%s 已由 %s 生成为文件；请给文件夹 static/%s/ 改名或删去它", j.path, d, d, o, d)
				}
				break
			}
		}
		if m, ok := dirs[j.path]; ok {
			diags.Add(j.owner.file, j.owner.line, j.owner.col, "static/ 中的文件原样发布在 /%s，而 %s 生成的 /%s 要以 /%s/ 为文件夹；请给它改名或删去它", j.path, m.owner, m.path, j.path)
		}
	}
	return diags
}

// key is the cache key of what name makes from the inputs in; ok is
// false without a cache.
func (c *core) key(name string, in []input) (key [32]byte, ok bool) {
	if c.keys == nil || in == nil {
		return key, false
	}
	if c.opts.declare != nil {
		in = c.opts.declare(name, in)
	}
	return c.keys.key(name, in), true
}

// output renders a job, or takes its output from the cache when an
// earlier render made it from the same inputs; ok is false if it failed,
// its problems recorded.
func (c *core) output(j *job) (data []byte, ok bool) {
	data, err := made(c, j.path, j.quick, j.inputs(), j.fn)
	if err != nil {
		c.fail(err)
		return nil, false
	}
	return data, true
}

// inputs returns what reads the job's inputs: lazy, or in as declared.
func (j *job) inputs() func() []input {
	if j.lazy != nil {
		return j.lazy
	}
	return func() []input { return j.in }
}

// fragment returns part of a page that several renders or pages share —
// a circular's converted body, a year of a history table — made by fn
// from the inputs in, or taken from the cache when an earlier render
// made it from the same inputs. name must name the fragment uniquely.
func fragment[T any](c *core, name string, in []input, fn func() (T, error)) (T, error) {
	return made(c, name, nil, func() []input { return in }, fn)
}

// made is what name makes from the inputs in (and quick, see job): from
// the cache when an earlier render made it from the same inputs, or from
// fn, and then kept for the next render.
func made[T any](c *core, name string, quick []input, in func() []input, fn func() (T, error)) (T, error) {
	qname := "quick:" + name
	qkey, qok := c.key(qname, quick)
	if qok {
		if v, ok := c.cache.lookup(qname, qkey); ok {
			return v.(T), nil
		}
	}
	var key [32]byte
	keyed := false
	if c.keys != nil {
		key, keyed = c.key(name, in())
	}
	if keyed {
		if v, ok := c.cache.lookup(name, key); ok {
			if qok {
				c.cache.store(qname, qkey, v)
			}
			return v.(T), nil
		}
	}
	v, err := fn()
	if err == nil && keyed {
		c.cache.store(name, key, v)
		if qok {
			c.cache.store(qname, qkey, v)
		}
	}
	return v, err
}

// cached returns the fragment stored under name if an earlier render
// made it from the same inputs.
func cached[T any](c *core, name string, in []input) (T, bool) {
	var zero T
	key, keyed := c.key(name, in)
	if !keyed {
		return zero, false
	}
	v, ok := c.cache.lookup(name, key)
	if !ok {
		return zero, false
	}
	return v.(T), true
}

// keep stores a fragment made from the inputs in, for later renders.
func (c *core) keep(name string, in []input, v any) {
	if key, keyed := c.key(name, in); keyed {
		c.cache.store(name, key, v)
	}
}
