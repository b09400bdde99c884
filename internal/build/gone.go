package build

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// warnGone tells opts.Warn of the pages the build before published that
// this one did not: links to them from the portal, from other documents
// and from search engines now lead nowhere. A page that moved — its 文号
// corrected, its file renamed or moved — keeps its old address with front
// matter aliases; where the build can tell which page it became (the one
// new circular for a circular, the one new page of the same name for a
// page), the warning is at that page's file, with the line to write.
// Under --without the circulars held back are named as left out; one
// that the build before published is told of as withdrawn: the upload
// takes a published circular off the portal, which a month still being
// gathered rarely means to.
func warnGone(s *site.Site, st Stats, opts Options) {
	if opts.Warn == nil || st.First {
		return
	}
	for _, d := range gonePages(s, st.Changes, len(opts.Without) > 0) {
		opts.Warn(d)
	}
}

// gonePages are the warnings of warnGone, from the changes since the build
// before: a removed page is a removed .html file.
func gonePages(s *site.Site, c *Changes, holding bool) diag.List {
	type source struct {
		file      string
		line, col int
		circular  *site.Circular
	}
	sources := map[string]source{}
	for _, circ := range s.Circulars {
		sources[circ.URLPath()+"index.html"] = source{circ.File, circ.NumberLine, circ.NumberCol, circ}
	}
	for _, p := range s.Pages {
		sources[p.Path+"index.html"] = source{file: p.File, line: 1, col: 1}
	}
	// The pages added, by what a removed page would share with the one
	// it became: a circular, any circular's address (its 文号 changed); a
	// page, the name of its last folder (a folder above it moved). Looked
	// up, not compared with every removed page: a folder of thousands
	// moved at once is removed × added.
	var circulars []string
	pages := map[string][]string{}
	for _, a := range c.Added {
		switch src, ok := sources[a]; {
		case !ok:
		case src.circular != nil:
			circulars = append(circulars, a)
		default:
			name := path.Base(path.Dir(a))
			pages[name] = append(pages[name], a)
		}
	}
	// became is the one page added that removed most likely became.
	became := func(removed string) (source, bool) {
		found := pages[path.Base(path.Dir(removed))]
		if circularPage(removed) {
			found = circulars
		}
		if len(found) != 1 {
			return source{}, false
		}
		return sources[found[0]], true
	}
	var out, unknown diag.List
	for _, r := range c.Removed {
		if !strings.HasSuffix(r, ".html") || r == "404.html" {
			continue
		}
		at := "/" + strings.TrimSuffix(r, "index.html")
		if src, ok := became(r); ok {
			out.Add(src.file, src.line, src.col, "警告：上次生成的页面 %s 这次没有了；如果就是本文换了网址，在前置信息中写 aliases = [%q]，旧网址会转到本文，别处指向它的链接仍然有效%s", at, at, indexNoMoved(s, src.circular, r))
			continue
		}
		if holding && strings.HasPrefix(r, "circulars/") {
			if circularPage(r) { // not its year's page, which goes with it
				out.Add("", 0, 0, "警告：已发布的 %s 这次没有生成：它所通报的月份被略去了（尚未齐全，或 --without）；这样的结果上传后，这份通报会从网站上撤下", at)
			}
			continue
		}
		why := "如果它换了网址（改了文号、文件名或文件夹），在它现在的文件的前置信息中写 aliases = [\"" + at + "\"]，旧网址会转到那里"
		switch {
		case strings.HasPrefix(r, "units/"):
			why = "单位的网址来自 data/units.toml 的 slug，改了 slug 就是新的网址；单位更名、撤并时保留原来的单位，给它写 until 和 became，它的历史页就仍在"
		case strings.HasPrefix(r, "indicators/"):
			why = "指标的网址来自 data/indicators.toml 的 id，改了 id 就是新的网址"
		}
		unknown.Add("", 0, 0, "警告：上次生成的页面 %s 这次没有生成，门户网站和其他文件中指向它的链接将失效；%s", at, why)
	}
	// A folder renamed, a unit catalogue rewritten: a few lines say it.
	const most = 10
	if len(unknown) > most {
		n := len(unknown)
		unknown = append(unknown[:most], diag.Diagnostic{Msg: fmt.Sprintf("警告：……上次生成的页面中，共 %d 个这次没有生成（生成时加 --changes 文件 可列出全部）", n)})
	}
	return append(out, unknown...)
}

// indexNoMoved says, of circular c at a new address whose page was at
// removed (circulars/2024/1/index.html), that its 索引号 moved with its
// serial: "" when c's is written in its front matter, or the same.
// DOMAIN.md §2: a 索引号 never changes once issued; the portal files the
// circular by it.
func indexNoMoved(s *site.Site, c *site.Circular, removed string) string {
	if c == nil || c.IndexNo != "" {
		return ""
	}
	var year, serial int
	if _, err := fmt.Sscanf(removed, "circulars/%d/%d/index.html", &year, &serial); err != nil {
		return "" // a slug's address: its serial is not there to read
	}
	was := s.IndexNo(&site.Circular{Year: year, Serial: serial}) // as the site numbers one there
	if now := s.IndexNo(c); now != was {
		return fmt.Sprintf("；它的索引号也随之由 %s 变为 %s，而索引号发布后不应改变：要保持原来的，再写 indexNo = %q", was, now, was)
	}
	return ""
}

// Published is the last build in an output folder, as the preview sees
// it: it compares each site it renders with that build, so that a page a
// 文号 or a file's name takes away is warned of while it is being edited,
// not at the next build. The folder's manifest is read again only when it
// changes (a build in another terminal).
type Published struct {
	dest string

	mu      sync.Mutex
	size    int64
	mod     time.Time
	m       *Manifest // nil: no build there
	checked bool

	compared map[comparison][]string // the last Since's, see there
}

// NewPublished is the build in the output folder dest.
func NewPublished(dest string) *Published { return &Published{dest: dest} }

// Since are the warnings of what a build of site s, which renders
// outputs, would change of the build published: the pages it would not
// make (gonePages) and the circulars whose results it would rewrite
// (rewrittenWarnings). The preview holds back the months still being
// gathered, so a circular's page is told of only when another circular's
// page replaces it, as under --without. What comparing two data.json
// found is kept while both stay as they are: a weight changed for every
// month is compared once, not at every save (two hundred circulars of a
// 20-year archive took 0.2 s).
func (p *Published) Since(s *site.Site, outputs []render.Output) diag.List {
	m := p.manifest()
	if m == nil {
		return nil
	}
	p.mu.Lock()
	known := p.compared
	p.mu.Unlock()
	now := map[comparison][]string{}
	diffs := func(r republished) []string {
		k := comparison{r.path, r.before, r.after}
		d, ok := known[k]
		if !ok {
			d = r.diffs()
		}
		now[k] = d
		return d
	}
	w := append(goneSince(s, *m, outputs, true), rewrittenWarnings(s, republishedSince(*m, p.dest, outputs), diffs)...)
	p.mu.Lock()
	p.compared = now
	p.mu.Unlock()
	return w
}

// A comparison is a circular's data.json, as published and as it would
// be, by their SHA-256s.
type comparison struct{ path, before, after string }

// since are the warnings of what a site s rendering outputs would change
// of the build before in dest, whose manifest is before: what check says
// before a build.
func since(s *site.Site, before Manifest, dest string, outputs []render.Output, holding bool) diag.List {
	return append(goneSince(s, before, outputs, holding), rewrittenWarnings(s, republishedSince(before, dest, outputs), republished.diffs)...)
}

// goneSince are the warnings of the pages of the build before that a site
// s rendering outputs would not make: what check and the preview say
// before a build, which gonePages says from its changes.
func goneSince(s *site.Site, before Manifest, outputs []render.Output, holding bool) diag.List {
	var now Manifest
	for _, o := range outputs {
		now.Files = append(now.Files, ManifestEntry{Path: o.Path})
	}
	return gonePages(s, Compare(before, now), holding)
}

// manifest is the folder's manifest, read again when its size or time
// changed; nil when there is none.
func (p *Published) manifest() *Manifest {
	p.mu.Lock()
	defer p.mu.Unlock()
	fi, err := os.Stat(filepath.Join(p.dest, ManifestName))
	if err != nil {
		p.m, p.checked = nil, false
		return nil
	}
	if p.checked && fi.Size() == p.size && fi.ModTime().Equal(p.mod) {
		return p.m
	}
	p.size, p.mod, p.checked, p.m = fi.Size(), fi.ModTime(), true, nil
	if m, err := ReadManifest(p.dest); err == nil {
		p.m = m.Prior()
	}
	return p.m
}

// circularPage reports whether rel is a circular's page:
// circulars/2023/14/index.html.
func circularPage(rel string) bool {
	parts := strings.Split(rel, "/")
	return len(parts) == 4 && parts[0] == "circulars" && parts[3] == "index.html"
}
