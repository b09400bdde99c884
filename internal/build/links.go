package build

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"net/url"
	"path"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// This file is `tongbao check --links`: every internal reference of the
// built site — href, src, srcset, form action, CSS url() — must reach an
// output file, and a #fragment an element of that page. A portal's
// inspection fails a site with broken links (DOMAIN.md §2), and a link that
// forgets baseURL's path works on a preview at "/" but breaks once the site
// is uploaded under /tongbao/, so the site is rendered both ways. The HTML
// pages of static/ are staff's, written for where the site is published:
// they are read once, at the site's own baseURL (StaticLinks).

// SubPath is the base path of the second rendering of a link check: a
// site placed below the root of the portal.
const SubPath = "/tongbao/"

// A LinkReport is the result of a link check.
type LinkReport struct {
	Bases  []string  // the baseURLs the site was rendered with
	Files  int       // HTML and CSS files read, over both renderings
	Refs   int       // internal references followed
	Broken diag.List // one per broken reference, at public/<path>:line:col
}

// CheckLinks loads the site once and renders it in memory (nothing is
// written) with baseURL "/" and with SubPath, checking the links of each
// rendering — or, for a site whose baseURL has a path of its own
// (/zwgk/tb/), once with that baseURL: its pages' links from the host's
// root are written with that path, as the build tells them to be, and
// lead nowhere under any other; a link that forgets the path breaks
// under it as under SubPath. A site that does not load or render returns
// its diagnostics as the error.
func CheckLinks(opts Options) (LinkReport, error) {
	s, _, err := load(opts)
	if err != nil {
		return LinkReport{}, err
	}
	res := rank.Archive(s)
	configured := cmp.Or(opts.BaseURL, s.Config.BaseURL)
	bases := []string{"/", SubPath}
	if u, err := url.Parse(configured); err == nil && strings.Trim(u.Path, "/") != "" {
		bases = []string{configured}
	}
	rep := LinkReport{Bases: bases}
	for i, base := range bases {
		ro := render.Options{BaseURL: base}
		if i == 0 {
			ro.Warn = opts.Warn // the bodies' warnings, said once
		}
		outputs, err := render.Render(s, res, ro)
		if err != nil {
			return LinkReport{}, err
		}
		r := Links(outputs, base)
		if i == 0 {
			// Where an output is does not depend on baseURL: one
			// rendering's outputs answer for the site's own.
			st := StaticLinks(outputs, configured)
			rep.Files += st.Files
			rep.Refs += st.Refs
			rep.Broken = append(rep.Broken, st.Broken...)
		}
		if base == SubPath {
			for i := range r.Broken {
				r.Broken[i].Msg += "（baseURL 为 " + base + " 时）"
			}
		}
		rep.Files += r.Files
		rep.Refs += r.Refs
		rep.Broken = append(rep.Broken, r.Broken...)
	}
	warn(opts, render.Unlisted(s, res))
	warn(opts, res.SharedRewards(s))
	if err := rep.Broken.Err(); err != nil {
		rep.Broken = err.(diag.List) // sorted by file and line
	}
	return rep, nil
}

// Links checks the references in outputs, a site rendered with the given
// baseURL. References to other sites (http(s) to another host, mailto:,
// tel:, data: …) are not followed; an absolute URL on baseURL's own host is
// checked by its path.
func Links(outputs []render.Output, baseURL string) LinkReport {
	c := newLinkChecker(outputs, baseURL)
	var rep LinkReport
	for _, o := range outputs {
		if o.File != nil {
			continue // a file of the site, published as it is: StaticLinks reads it
		}
		var refs []reference
		switch ext := path.Ext(o.Path); ext {
		case ".html", ".htm", ".svg":
			refs = htmlRefs(o.Data)
		case ".css":
			refs = cssRefs(string(o.Data), 0)
		default:
			continue
		}
		rep.Files++
		for _, ref := range refs {
			msg, internal := c.check(o.Path, ref)
			if internal {
				rep.Refs++
			}
			if msg != "" {
				line, col := diag.Position(o.Data, ref.off)
				rep.Broken.Add("public/"+o.Path, line, col, "链接失效：%s%s", ref.value, msg)
			}
		}
	}
	return rep
}

// StaticLinks checks the references in the HTML pages of static/ among
// outputs, a site rendered with any baseURL, as they are published below
// baseURL, the site's own: a page written by hand does not follow
// baseURL as tongbao's do, so it is not checked at another. A broken one
// is reported at the file of static/, which is where staff mend it.
func StaticLinks(outputs []render.Output, baseURL string) LinkReport {
	c := newLinkChecker(outputs, baseURL)
	var rep LinkReport
	for _, o := range outputs {
		if o.File == nil || !isPage(o.Path) {
			continue
		}
		data, err := c.data(o.Path)
		if err != nil {
			rep.Broken.Add(o.File.File, 0, 0, "%v", err)
			continue
		}
		rep.Files++
		for _, ref := range htmlRefs(data) {
			msg, internal := c.check(o.Path, ref)
			if internal {
				rep.Refs++
			}
			if msg != "" {
				line, col := diag.Position(data, ref.off)
				rep.Broken.Add(o.File.File, line, col, "链接失效：%s%s", ref.value, msg)
			}
		}
	}
	return rep
}

// isPage reports whether p is an HTML page (not an SVG picture, whose
// links a hand-made file of static/ seldom has).
func isPage(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".html" || ext == ".htm"
}

// A reference is one URL in a file, at byte offset off.
type reference struct {
	value string
	off   int
	css   bool // from CSS: a bare #fragment there names an SVG paint server, not an anchor
}

type linkChecker struct {
	base   site.Base
	files  map[string][]byte
	static map[string]*site.Attachment // the files of static/, read on demand into files
	ids    map[string]map[string]bool  // page → its ids, read on demand
}

func newLinkChecker(outputs []render.Output, baseURL string) *linkChecker {
	c := &linkChecker{files: map[string][]byte{}, static: map[string]*site.Attachment{}, ids: map[string]map[string]bool{}}
	var err error
	if c.base, err = site.ParseBase(baseURL); err != nil {
		c.base = site.Base{URL: "/", Path: "/"} // such a site does not render: nothing to resolve against
	}
	for _, o := range outputs {
		c.files[o.Path] = o.Data
		if o.File != nil {
			c.static[o.Path] = o.File
		}
	}
	return c
}

// data is the content of the output file, a file of static/ read the
// first time it is asked for.
func (c *linkChecker) data(file string) ([]byte, error) {
	a := c.static[file]
	if a == nil || c.files[file] != nil {
		return c.files[file], nil
	}
	var b bytes.Buffer
	if err := a.Copy(&b); err != nil {
		return nil, err
	}
	c.files[file] = b.Bytes()
	return c.files[file], nil
}

// check follows ref, found in the output file page. It reports whether the
// reference is internal, and why it is broken ("" when it is not).
func (c *linkChecker) check(page string, ref reference) (problem string, internal bool) {
	raw := strings.TrimSpace(ref.value)
	u, err := url.Parse(raw)
	if err != nil {
		return "（网址格式错误）", true
	}
	if u.Scheme != "" || u.Host != "" {
		if (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || c.base.Host == "" || !strings.EqualFold(u.Host, c.base.Host) {
			return "", false // another site, mailto:, data: …
		}
	} else if u.Path == "" && u.RawQuery == "" && ref.css {
		return "", false // url(#gradient): an SVG paint server
	}

	// The target, as a slash path below the output root.
	var target string
	switch {
	case u.Host != "" || strings.HasPrefix(u.Path, "/"):
		p := cmp.Or(u.Path, "/")
		if !strings.HasPrefix(p, c.base.Path) {
			return "（在网站根目录 " + c.base.Path + " 之外）", true
		}
		target = strings.TrimPrefix(p, c.base.Path)
	case u.Path == "":
		target = page // "#id" or "?q=…": this page
	default:
		if page == "404.html" {
			// 404.html is served in place of any missing address, at any
			// depth: a relative reference there resolves differently each time.
			return "（404 页面会出现在任意网址下，应使用以 / 开头的地址）", true
		}
		target = path.Dir(page) + "/" + u.Path
		if path.Dir(page) == "." {
			target = u.Path
		}
	}
	target, ok := cleanPath(target)
	if !ok {
		return "（超出网站根目录）", true
	}

	file := target
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if _, ok := c.files[file]; !ok {
		// A folder named without its slash: the server redirects to it.
		if _, dir := c.files[file+"/index.html"]; !dir {
			return "（找不到 " + file + "）", true
		}
		file += "/index.html"
	}
	if frag := u.Fragment; frag != "" && frag != "top" && isHTML(file) && c.pageIDs(file) != nil && !c.pageIDs(file)[frag] {
		return "（" + file + " 中没有 id 为“" + frag + "”的元素）", true
	}
	return "", true
}

func isHTML(p string) bool {
	ext := path.Ext(p)
	return ext == ".html" || ext == ".htm" || ext == ".svg"
}

// cleanPath resolves . and .. in a slash path below the root, keeping a
// trailing slash; ok is false when .. climbs above the root.
func cleanPath(p string) (string, bool) {
	segs := strings.Split(p, "/")
	var out []string
	dir := false
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case "", ".":
			dir = last && i > 0
			continue
		case "..":
			if len(out) == 0 {
				return "", false
			}
			out = out[:len(out)-1]
			dir = last
			continue
		}
		out = append(out, s)
		dir = false
	}
	p = strings.Join(out, "/")
	if dir && p != "" {
		p += "/"
	}
	return p, true
}

// pageIDs are the fragment targets of a page: its id attributes and the
// names of <a name> anchors.
func (c *linkChecker) pageIDs(file string) map[string]bool {
	if ids, ok := c.ids[file]; ok {
		return ids
	}
	data, err := c.data(file)
	if err != nil {
		return nil // a file of static/ that cannot be read: its ids are not known, nor said missing
	}
	ids := map[string]bool{}
	scanHTML(data, func(tag, name, value string, _ int) {
		if name == "id" || (tag == "a" && name == "name") {
			ids[value] = true
		}
	}, nil)
	c.ids[file] = ids
	return ids
}

// refAttrs are the attributes that hold a URL the browser loads or
// navigates to (and <object data>).
var refAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "poster": true,
	"xlink:href": true, "formaction": true,
}

// htmlRefs lists the references of an HTML (or SVG) document: URL
// attributes, srcset candidates, and CSS url()s in style attributes and
// <style> elements.
func htmlRefs(src []byte) []reference {
	var refs []reference
	scanHTML(src, func(tag, name, value string, off int) {
		switch {
		case refAttrs[name], name == "data" && tag == "object":
			refs = append(refs, reference{value: value, off: off})
		case name == "srcset" || name == "imagesrcset":
			for _, cand := range strings.Split(value, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					refs = append(refs, reference{value: f[0], off: off})
				}
			}
		case name == "style":
			for _, r := range cssRefs(value, 0) {
				r.off = off // the value was unescaped: point at its start
				refs = append(refs, r)
			}
		}
	}, func(css string, off int) {
		refs = append(refs, cssRefs(css, off)...)
	})
	return refs
}

// cssRefs lists the references of a stylesheet whose text starts at byte
// offset base of its file: every path site.CSSPaths reads, the one reading
// of them the build's fingerprinting follows too.
func cssRefs(css string, base int) []reference {
	var refs []reference
	site.CSSPaths([]byte(css), func(start, end int) {
		if start < end {
			refs = append(refs, reference{value: css[start:end], off: base + start, css: true})
		}
	})
	return refs
}

// scanHTML walks the start tags of an HTML document, calling attr for each
// attribute (names lower-cased, values unescaped, off the byte offset of the
// value) and style, if not nil, for the text of each <style> element.
// Comments, and the contents of script, style, textarea and title, are not
// markup. It is the small tokenizer a link checker needs for the output of
// html/template, not a full HTML5 parser.
func scanHTML(src []byte, attr func(tag, name, value string, off int), style func(css string, off int)) {
	s := string(src)
	i := 0
	for {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			return
		}
		i += lt
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				return
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(s[i:], "<!"), strings.HasPrefix(s[i:], "</"), strings.HasPrefix(s[i:], "<?"):
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return
			}
			i += end + 1
			continue
		}
		i++
		j := i
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j == i {
			continue // a lone "<" in text
		}
		tag := strings.ToLower(s[i:j])
		i = scanAttrs(s, j, tag, attr)
		switch tag {
		case "script", "style", "textarea", "title":
			closing := "</" + tag
			end := strings.Index(strings.ToLower(s[i:]), closing)
			if end < 0 {
				end = len(s) - i
			}
			if tag == "style" && style != nil {
				style(s[i:i+end], i)
			}
			i += end
		}
	}
}

// scanAttrs reads the attributes of a start tag from s[i:], up to and
// including its ">", and returns the offset after it.
func scanAttrs(s string, i int, tag string, attr func(tag, name, value string, off int)) int {
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			return i
		}
		if s[i] == '>' {
			return i + 1
		}
		j := i
		for j < len(s) && !isSpace(s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/' {
			j++
		}
		name := strings.ToLower(s[i:j])
		i = j
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) || s[i] != '=' {
			if name != "" {
				attr(tag, name, "", i)
			} else {
				i++ // not an attribute character; skip it
			}
			continue
		}
		i++
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		var value string
		off := i
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			q := s[i]
			end := strings.IndexByte(s[i+1:], q)
			if end < 0 {
				end = len(s) - i - 1
			}
			off = i + 1
			value = s[off : off+end]
			i = off + end + 1
		} else {
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != '>' {
				j++
			}
			value = s[i:j]
			i = j
		}
		attr(tag, name, html.UnescapeString(value), off)
	}
	return i
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == ':'
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// String is the one-line summary `tongbao check --links` prints.
func (r LinkReport) String() string {
	bases := "baseURL 为 / 和 " + SubPath + " 各一次；static/ 中的页面按本站的 baseURL 一次"
	if len(r.Bases) == 1 {
		bases = "baseURL 为本站的 " + r.Bases[0]
	}
	return fmt.Sprintf("检查了 %d 个文件中的 %d 个站内链接（%s）", r.Files, r.Refs, bases)
}
