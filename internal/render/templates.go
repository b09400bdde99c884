package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// templates are a site's layouts, parsed once per render.
type templates struct {
	c *core
	// pages holds each page layout (circular.html …), parsed into its own
	// clone of the shared set: base.html and partials/.
	pages map[string]*template.Template
	// shared is the set of base.html and the partials as parsed, never
	// run (a set that has run can no longer be cloned). partials holds,
	// for each depth of partialCached calls within partialCached calls,
	// the clone of it that partialCached runs partials from at that
	// depth, whose own partialCached runs one deeper (partialsAt); and
	// partialOut their outputs, by partial and variants.
	shared     *template.Template
	partialsMu sync.Mutex
	partials   []*template.Template
	partialOut sync.Map
	// shortcodes holds shortcodes/<name>.html, with the shared set.
	shortcodes *template.Template
	// files are the layouts by name, to place errors.
	files map[string]site.File
	// printfs are the site's own layouts that call printf (the built-in
	// theme's calls fit their formats), whose pages badVerb looks at;
	// verbTold is whether a page with a printf's %!… has been told of:
	// once, not on every page.
	printfs  []string
	verbTold atomic.Bool
	// fields are the fields the layouts name that their data has not,
	// found before anything runs (fieldCheck): problems of the render,
	// which goes on to find the others.
	fields diag.List

	// buffers hold the pages being executed: a page is written into a
	// buffer that earlier pages grew and copied out once at its size,
	// rather than into a fresh buffer that doubles a dozen times and is
	// left up to half empty.
	buffers sync.Pool
}

// parseTemplates parses the layouts (the site's layouts/ over the
// built-in theme, as the loader merged them): base.html and every file
// under partials/ form the shared set; each other top-level file is a
// page layout parsed into its own clone of it, defining the blocks
// base.html calls ("main", and optionally "head"); shortcodes/ are the
// shortcodes' markup.
func parseTemplates(c *core) (*templates, error) {
	t := &templates{c: c, pages: map[string]*template.Template{}, files: map[string]site.File{}}
	var diags diag.List
	shared := template.New("").Funcs(t.funcs())
	var pages, shortcodes []string
	for _, f := range c.s.Layouts {
		t.files[f.Name] = f
		if !f.Builtin() && bytes.Contains(f.Data, []byte("printf")) {
			t.printfs = append(t.printfs, f.Source)
		}
		switch {
		case f.Name == "base.html" || strings.HasPrefix(f.Name, "partials/"):
			if _, err := shared.New(f.Name).Parse(string(f.Data)); err != nil {
				diags = append(diags, t.diag(err))
			}
		case strings.HasPrefix(f.Name, "shortcodes/"):
			shortcodes = append(shortcodes, f.Name)
		case path.Dir(f.Name) == ".":
			pages = append(pages, f.Name)
		}
	}
	if len(diags) == 0 {
		for _, err := range recursion(shared, nil) {
			diags = append(diags, t.diag(err))
		}
	}
	if len(diags) > 0 {
		return nil, diags.Err()
	}
	// partialCached executes partials from clones of its own (partialsAt).
	t.shared = shared
	var err error
	if t.shortcodes, err = shared.Clone(); err != nil {
		return nil, err
	}
	for _, name := range shortcodes {
		if _, err := t.shortcodes.New(name).Parse(string(t.files[name].Data)); err != nil {
			diags = append(diags, t.diag(err))
		}
	}
	// A page's "main" or a shortcode's markup that calls itself runs
	// 100,000 deep on every page that has it, as a partial would.
	for _, err := range recursion(t.shortcodes, func(file string) bool { return strings.HasPrefix(file, "shortcodes/") }) {
		diags = append(diags, t.diag(err))
	}
	for _, name := range pages {
		p, err := shared.Clone()
		if err == nil {
			_, err = p.New(name).Parse(string(t.files[name].Data))
		}
		if err == nil {
			for _, err := range recursion(p, func(file string) bool { return file == name }) {
				diags = append(diags, t.diag(err))
			}
		}
		if err != nil {
			diags = append(diags, t.diag(err))
			continue
		}
		t.pages[name] = p
	}
	// A field misspelt where no page of this site goes yet is told now,
	// not by the build that first goes there.
	if len(diags) == 0 {
		t.fields = t.fieldCheck()
	}
	return t, diags.Err()
}

// execute runs a page layout with the shared base and partials.
func (t *templates) execute(layout string, p *Page) ([]byte, error) {
	c := t.c
	tmpl := t.pages[layout]
	if tmpl == nil {
		return nil, diag.List{{File: "layouts/" + layout, Msg: "缺少模板文件"}}
	}
	p.Site = c.view
	p.Nav = nav(p.Site.Nav, p)
	if p.Kind != "404" {
		p.Permalink = c.AbsURL(p.Path)
	}
	b, _ := t.buffers.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	defer t.buffers.Put(b)
	b.Reset()
	if err := tmpl.ExecuteTemplate(b, "base.html", p); err != nil {
		return nil, err
	}
	if err := t.badVerb(b.Bytes(), p); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

// badVerbRE finds what fmt writes in place of a verb its arguments do
// not fit: %!d(string=…), %!s(MISSING), %!(EXTRA int=3).
var badVerbRE = regexp.MustCompile(`%!(?:[a-zA-Z]\(|\((?:EXTRA|BADWIDTH|BADPREC|NOVERB|BADINDEX))[^)]*\)?`)

// badVerb is an error, the first time a page has one, when a printf of a
// layout wrote %!…: a format whose arguments are one too many, one too
// few or of another kind runs without error in Go and puts its complaint
// on the published page (某某县%!(EXTRA int=3)). The call is not known,
// only the page: the site's layouts that call printf are named.
func (t *templates) badVerb(out []byte, p *Page) error {
	// Only where a layout of the site's own calls printf: no other page
	// pays for the look, and none whose text happens to hold "%!(" is
	// refused.
	if len(t.printfs) == 0 || !bytes.Contains(out, []byte("%!")) {
		return nil
	}
	m := badVerbRE.Find(out)
	if m == nil || !t.verbTold.CompareAndSwap(false, true) {
		return nil
	}
	files := slices.Sorted(slices.Values(t.printfs))
	file, which := "layouts", ""
	switch {
	case len(files) == 1:
		file = files[0]
	case len(files) > 1:
		which = "（" + strings.Join(files, "、") + "）"
	}
	d := diag.Diagnostic{File: file, Msg: fmt.Sprintf("模板错误：页面 /%s 中有 printf 写出的“%s”：printf 的格式与参数不符（参数多了、少了，或与 %%s、%%d 的类型不符）；检查模板中的 {{printf …}}%s", p.Path, m, which)}
	if file != "layouts" {
		d.Line, d.Col = 1, 1 // the file, not the folder: its printf's line is not known
	}
	return diag.List{d}
}

// shortcode executes the markup of shortcode name with its view.
func (t *templates) shortcode(name string, view any) (template.HTML, error) {
	var b strings.Builder
	if err := t.shortcodes.ExecuteTemplate(&b, "shortcodes/"+name+".html", view); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// templateErrRE finds where text/template ("template: x.html:3:5: ")
// and html/template ("html/template:x.html:3:5: ", its escaper's errors,
// a partial that is not there among them) place an error.
var templateErrRE = regexp.MustCompile(`(?:html/template:|template: )([^:\s]+):(\d+):(?:(\d+):)?\s*`)

// diag places a template error at its layout file, line and column: the
// site's layouts/x.html, or the built-in theme's file by its Label, with
// how to see it. Go counts the column in bytes from 0; staff count
// characters from 1, as the rest of tongbao's diagnostics do. An error
// in a partial that a function (partialCached) ran is wrapped in its
// caller's: the innermost place is where it is, and the file to mend
// (the site's own partial, not the built-in base.html that called it).
func (t *templates) diag(err error) diag.Diagnostic {
	msg := err.Error()
	all := templateErrRE.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return diag.Diagnostic{File: "layouts", Msg: "模板错误：" + msg}
	}
	at := all[len(all)-1]
	m := make([]string, 5)
	for i := 1; i < 4; i++ {
		if at[2*i] >= 0 {
			m[i] = msg[at[2*i]:at[2*i+1]]
		}
	}
	m[4] = msg[at[1]:]
	f, ok := t.files[m[1]]
	d := diag.Diagnostic{File: cmp.Or(f.Source, "layouts/"+m[1])}
	d.Line, _ = strconv.Atoi(m[2])
	col := -1
	if m[3] != "" {
		col, _ = strconv.Atoi(m[3])
	}
	var line, c int
	if d.Msg, line, c = explain(m[4], f.Data, d.Line, t.funcNames(), slices.Sorted(maps.Keys(t.files))); c >= 0 {
		d.Line, col = line, c
	}
	d.Msg = "模板错误：" + d.Msg
	if f.Builtin() {
		d.Msg += "（内置模板，可用 tongbao layouts " + m[1] + " 查看）"
	}
	if col < 0 {
		return d
	}
	d.Col = col + 1
	if ok {
		lines := bytes.Split(f.Data, []byte("\n"))
		if d.Line >= 1 && d.Line <= len(lines) && col <= len(lines[d.Line-1]) {
			d.Col = 1 + utf8.RuneCount(lines[d.Line-1][:col])
		}
	}
	return d
}

// funcNames are the names of the functions layouts may use, Go's and
// tongbao's, for the nearest of a misspelt one.
func (t *templates) funcNames() []string {
	names := []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}
	for name := range t.funcs() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// funcs are the template functions layouts may use.
func (t *templates) funcs() template.FuncMap {
	c := t.c
	return template.FuncMap{
		// url "circulars/" → "/tongbao/circulars/": every link honours baseURL's path.
		"url": c.URL,
		// absURL "circulars/" → "https://host/tongbao/circulars/" when baseURL has a host.
		"absURL": c.AbsURL,
		// asset "css/site.css" → the fingerprinted URL of layouts/assets/css/site.css.
		"asset": func(name string) (string, error) {
			p, ok := c.assets[name]
			if !ok {
				names := slices.Sorted(maps.Keys(c.assets))
				near := ""
				if n := site.NearestPath(name, names); n != "" {
					near = "，是否为“" + n + "”？"
				}
				return "", fmt.Errorf("资源文件 layouts/assets/%s 不存在%s", name, near)
			}
			return c.URL(p), nil
		},
		// hasAsset "css/custom.css" → whether layouts/assets/ (the site's
		// or the theme's) has the file: a layout links an optional asset
		// only where the site has it.
		"hasAsset": func(name string) bool {
			_, ok := c.assets[name]
			return ok
		},
		"numeral": zh.Numeral,
		"ordinal": zh.Ordinal,
		// keepQuoted "关于“三重点”的通报" → the text with each short quoted
		// term kept on one line: a title is not broken as “三 / 重点”.
		"keepQuoted": keepQuoted,
		// orgName "邵阳市双清区人民政府办公室" → the name with a break
		// opportunity (<wbr>) between its parts (zh.NameParts), each in a
		// span (org-part): where it wraps, in an element of class org-name (word-break: keep-all),
		// it wraps there, 邵阳市双清区 / 人民政府办公室, not 人 / 民政府.
		"orgName": orgName,
		// partialCached "partials/footer.html" . → the partial, executed once
		// per build for each distinct list of the variants that follow:
		// partialCached "partials/header.html" . .Kind .Nav.
		"partialCached": t.partialCachedAt(0),
	}
}

// keepQuoted escapes s, wrapping each term in “” of at most ten
// characters in a span that is not broken across lines.
func keepQuoted(s string) template.HTML {
	var b strings.Builder
	for {
		i := strings.Index(s, "“")
		j := strings.Index(s[max(i, 0):], "”")
		if i < 0 || j < 0 || utf8.RuneCountInString(s[i:i+j]) > 11 {
			b.WriteString(template.HTMLEscapeString(s))
			return template.HTML(b.String())
		}
		j += i + len("”")
		b.WriteString(template.HTMLEscapeString(s[:i]))
		b.WriteString(`<span class="nowrap">` + template.HTMLEscapeString(s[i:j]) + `</span>`)
		s = s[j:]
	}
}

// orgName escapes the name of an office, with <wbr> between the parts
// of zh.NameParts, each part in a span of class org-part, which the
// stylesheet balances over lines of its own where the part alone is
// longer than a phone's line (中共 / 某县委 / 督查室, not 中共 /
// 某县委督查 / 室).
func orgName(name string) template.HTML {
	parts := zh.NameParts(name)
	for i, p := range parts {
		parts[i] = `<span class="org-part">` + template.HTMLEscapeString(p) + `</span>`
	}
	return template.HTML(strings.Join(parts, "<wbr>"))
}

// maxPartialDepth bounds partialCached calls within partialCached calls:
// one that calls itself through a name made as it runs ({{partialCached
// (printf "partials/%s.html" .Kind) .}}), which recursion cannot follow,
// would run until the stack overflows, killing the process — the preview
// server with it — as no recover can catch that. Go's own limit of nested
// {{template}}s (100,000) counts none of them: each is an execution of
// its own. The theme's go two deep.
const maxPartialDepth = 100

// partialCachedAt is partialCached called at depth: from a page layout or a
// shortcode's markup at 0, from a partial partialCached runs at 1, and so on.
func (t *templates) partialCachedAt(depth int) func(name string, data any, variants ...any) (template.HTML, error) {
	return func(name string, data any, variants ...any) (template.HTML, error) {
		return t.partialCached(depth, name, data, variants)
	}
}

// partialCached executes the partial name with data the first time it is
// asked for with these variants, and gives the same output every later
// time, as Hugo's function of that name does. The header and footer are
// the same on thousands of pages; executing them once saves a third of
// the template work of a plain page. The variants must name everything
// the partial reads that differs between pages, or pages get another
// page's partial. A call maxPartialDepth deep in others is an error.
func (t *templates) partialCached(depth int, name string, data any, variants []any) (template.HTML, error) {
	key := variantKey(name, variants)
	if e, ok := t.partialOut.Load(key); ok {
		return t.recheck(e.(*cachedPartial), depth, name, data)
	}
	if depth >= maxPartialDepth {
		return "", fmt.Errorf("已在 %d 层 partialCached 之中，不再执行 %s：有局部模板经 partialCached 调用了自己（模板名是执行时算出的，生成前查不出），会无限递归", depth, name)
	}
	set, err := t.partialsAt(depth)
	if err != nil {
		return "", err
	}
	p := set.Lookup(name)
	if p == nil {
		// Told as a misspelt {{template}} is (explain), with the
		// nearest of the partials.
		var names []string
		for _, p := range set.Templates() {
			if n := p.Name(); n == "base.html" || strings.HasPrefix(n, "partials/") {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		near := ""
		if p := site.NearestPath(name, names); p != "" {
			near = "，是否为“" + p + "”？"
		}
		return "", fmt.Errorf("没有模板“%s”%s（partialCached 的模板须在 partials/ 下或为 base.html）", name, near)
	}
	var b strings.Builder
	if err := p.Execute(&b, data); err != nil {
		return "", err
	}
	e := &cachedPartial{html: template.HTML(b.String()), first: identity(data)}
	e.checks.Store(partialChecks)
	got, _ := t.partialOut.LoadOrStore(key, e)
	return got.(*cachedPartial).html, nil
}

// cachedPartial is a partial's output for one list of variants, with
// what tells whether its variants name all it reads.
type cachedPartial struct {
	html template.HTML
	// first is the data it was executed with (identity); checks the
	// re-executions with other data still to be made.
	first  uintptr
	checks atomic.Int32
}

// partialChecks is how many times a cached partial is executed again,
// with the data of other pages, to compare its output with the cached
// one: enough to catch a partial that reads the page (a breadcrumb of
// .Title) cached without a variant, at a cost of two executions per
// partial and variants, not per page.
const partialChecks = 2

// recheck returns e's output for data, first executing the partial with
// data while e has checks left and data is not what e was made from.
// Output that differs is an error: which page's output every other page
// gets depends on which page the parallel render ran first, so the site
// would differ from build to build, and pages would show another page's
// title or 文号.
func (t *templates) recheck(e *cachedPartial, depth int, name string, data any) (template.HTML, error) {
	if id := identity(data); e.checks.Load() <= 0 || id != 0 && id == e.first || e.checks.Add(-1) < 0 {
		return e.html, nil
	}
	set, err := t.partialsAt(depth)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := set.Lookup(name).Execute(&b, data); err != nil {
		return "", err
	}
	if template.HTML(b.String()) != e.html {
		return "", fmt.Errorf("%s 在不同页面上的结果不同，而 partialCached 每组变体只执行一次：各页面会得到同一个（先生成的那个）页面的结果，每次生成还可能不同；"+
			"把它读到的随页面而变的值写为变体（如 partialCached %q . .Kind .Path：首页和 404 页的 .Path 都是空的），或改用 {{template %q .}}", name, name, name)
	}
	return e.html, nil
}

// identity is the address data points to (a page), or 0 for data that
// is no pointer: what tells a second call on the same page, which proves
// nothing, from one on another page.
func identity(data any) uintptr {
	if v := reflect.ValueOf(data); v.Kind() == reflect.Pointer {
		return v.Pointer()
	}
	return 0
}

// partialsAt returns the set partialCached runs partials from at depth, a
// clone of the shared set whose partialCached is that of depth+1, made the
// first time one is run there.
func (t *templates) partialsAt(depth int) (*template.Template, error) {
	t.partialsMu.Lock()
	defer t.partialsMu.Unlock()
	for len(t.partials) <= depth {
		set, err := t.shared.Clone()
		if err != nil {
			return nil, err
		}
		set.Funcs(template.FuncMap{"partialCached": t.partialCachedAt(len(t.partials) + 1)})
		t.partials = append(t.partials, set)
	}
	return t.partials[depth], nil
}

// variantKey names a partial with its variants. Strings and the navigation,
// the variants of the default layouts, are spelled out quickly; anything
// else as Go syntax, by reflection.
func variantKey(name string, variants []any) string {
	b := []byte(name)
	for _, v := range variants {
		b = append(b, 0)
		switch v := v.(type) {
		case string:
			b = strconv.AppendQuote(append(b, 's'), v)
		case []NavItem:
			b = append(b, 'n')
			for _, it := range v {
				b = strconv.AppendQuote(b, it.Title)
				b = strconv.AppendQuote(b, it.Path)
				b = strconv.AppendQuote(b, it.Current)
			}
		default:
			b = fmt.Appendf(b, "%T%#v", v, v)
		}
	}
	return string(b)
}
