package site

import (
	"net/url"
	"strings"

	"tongbao/internal/diag"
)

// RootLinkWarnings tells of the links of the bodies written from the
// host's root (RootLink) that the site rendered under base, whose files
// are files (slash paths below its root), does not answer: one below
// base.Path that names no file of the site (/circulars/2023/9/ before
// that circular exists), and one outside base.Path that names a page the
// site has below it — [关于本站](/about/) in a site published under
// /zwgk/tb/, which leads to the portal's /about/. A link outside
// base.Path to what the site does not have, or to / (the portal's home),
// is the portal's own, and is left alone. Only a build or the preview can
// tell: the load knows neither the files rendered nor where they are
// published. (check --links reads the rendered pages, each link at its
// place in the HTML; this one is told where staff wrote it.)
func (s *Site) RootLinkWarnings(base Base, files map[string]bool) diag.List {
	// has reports whether the site answers the path rel below its root,
	// as a web server does: a folder by its index.html, a file by itself
	// or, without its slash, as a folder it redirects to.
	has := func(rel string) bool {
		if rel == "" || strings.HasSuffix(rel, "/") {
			return files[rel+"index.html"]
		}
		return files[rel] || files[rel+"/index.html"]
	}
	var w diag.List
	check := func(file string, links []RootLink) {
		for _, l := range links {
			p := l.Dest
			if i := strings.IndexAny(p, "?#"); i >= 0 {
				p = p[:i]
			}
			if u, err := url.PathUnescape(p); err == nil {
				p = u
			}
			rel, ok := strings.CutPrefix(p, base.Path)
			if !ok && p+"/" == base.Path {
				rel, ok = "", true // the site's root, without its slash
			}
			if ok {
				if !has(rel) {
					w.Add(file, l.Line, l.Col, "警告：本站没有链接的网址 %s，这个链接会失效", l.Dest)
				}
				continue
			}
			// (/ alone is the portal's home, a link staff mean.)
			if p != "/" && has(p[1:]) {
				what, or := "文件", ""
				if strings.HasSuffix(p, "/") || files[p[1:]+"/index.html"] {
					what, or = "页面", "，或写它的 Markdown 文件"
				}
				w.Add(file, l.Line, l.Col, "警告：链接的 %s 在本站的网址 %s 之外，指向门户网站的 %s，不是本站的%s；应写作 %s%s",
					l.Dest, base.Path, l.Dest, what, base.Path+strings.TrimPrefix(l.Dest, "/"), or)
			}
		}
	}
	for _, c := range s.Circulars {
		check(c.File, c.RootLinks)
	}
	for _, p := range s.Pages {
		check(p.File, p.RootLinks)
	}
	return w
}
