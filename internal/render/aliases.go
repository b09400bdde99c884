package render

import "tongbao/internal/site"

// redirects are the pages at a circular's or page's earlier addresses
// (front matter aliases): each sends the reader on to where it is now.
// They come after every other part, so that an alias on another page's
// address is the claim blamed, not the page (claim).
type redirects struct{ *core }

func (r *redirects) jobs() []job {
	var jobs []job
	add := func(file, title, to string, as []site.Alias) {
		for _, a := range as {
			jobs = append(jobs, job{
				path:     a.Path,
				owner:    owner{file: file, line: a.Line, col: a.Col},
				redirect: true,
				// The file holds the title and, for a circular, the
				// 文号 that makes its address.
				in: []input{global(), fileIn(file)},
				fn: func() ([]byte, error) { return r.redirect(title, to) },
			})
		}
	}
	for _, c := range r.s.Circulars {
		add(c.File, c.Title, c.URLPath(), c.Aliases)
	}
	for _, p := range r.s.Pages {
		add(p.File, p.Title, p.Path, p.Aliases)
	}
	return jobs
}

// aliasColumn is the portal column (DOMAIN.md §2) of an earlier address:
// a portal's inspection reads every page for it, this one too.
var aliasColumn = Column{Name: "网址已更改", Description: "本页已移至新网址", Keywords: "网址更改", Type: "其他"}

// redirect is the page at an earlier address of the page at path to:
// alias.html, whose canonical link is the page's, so that a search
// engine moves what it knew to the new address.
func (r *redirects) redirect(title, to string) ([]byte, error) {
	return r.tmpl.execute("alias.html", &Page{Kind: "alias", Title: title, Path: to, Column: aliasColumn})
}
