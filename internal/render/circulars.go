package render

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"

	"tongbao/internal/markdown"
	"tongbao/internal/par"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the circulars and the plain pages of content/, and
// the pages that list them: the home page, the archive, a folder's list
// of pages and the not-found page.

// circulars are the pages of content/: the circulars and the plain pages.
type circulars struct {
	*core
	search *searchIndex

	// bodies holds each circular's converted Markdown, by index in
	// s.Circulars. It is filled once, before any page job runs, because the
	// circular page, the search index and the feed all read it. A plain
	// page's body is read by its page and its search entry only, and is
	// converted by the page's job.
	bodies []template.HTML
}

func (cs *circulars) jobs() []job {
	s := cs.s
	var jobs []job
	for i, circ := range s.Circulars {
		// The page shows its neighbours' titles, numbers and periods.
		var prev, next *site.Circular
		if i > 0 {
			prev = s.Circulars[i-1]
		}
		if i+1 < len(s.Circulars) {
			next = s.Circulars[i+1]
		}
		in := append(cs.bodyInputs(circ), frontIn(prev), frontIn(next))
		in = append(append(in, cs.refOf(prev)...), cs.refOf(next)...)
		jobs = append(jobs, fileJobs(circ.File, circ.URLPath(), circ.Attachments, circ.Linked)...)
		in = append(in, attachmentInputs(circ.Attachments)...) // the page states their sizes
		jobs = append(jobs, job{
			path:  circ.URLPath() + "index.html",
			owner: owner{file: circ.File, line: circ.NumberLine, col: circ.NumberCol},
			in:    in,
			fn:    func() ([]byte, error) { return cs.circularPage(i) },
			doc:   1 + i,
		})
	}
	for i, p := range s.Pages {
		jobs = append(jobs, fileJobs(p.File, p.Path, p.Attachments, p.Linked)...)
		in := append([]input{global(), fileIn(p.File)}, attachmentInputs(p.Attachments)...)
		in = append(in, pageLinkInputs(p.PageLinks)...)
		jobs = append(jobs, job{
			path:  p.Path + "index.html",
			owner: owner{file: p.File, line: 1, col: 1},
			in:    append(in, attachmentInputs(p.Linked)...), // which links point to a file
			fn:    func() ([]byte, error) { return cs.plainPage(i) },
			doc:   1 + len(s.Circulars) + i,
		})
	}
	return jobs
}

// fileJobs are the jobs that put beside the page at dir the files the
// source file lists as attachments (as, attachment-N) and the others its
// body links to (linked, named by linkedName). They read nothing: each
// output names its file (Output.File).
func fileJobs(file, dir string, as, linked []site.Attachment) []job {
	var jobs []job
	add := func(path string, a *site.Attachment) {
		jobs = append(jobs, job{path: path, owner: owner{file: file, line: a.Line, col: a.Col}, file: a})
	}
	for k := range as {
		add(attachmentPath(dir, as, k), &as[k])
	}
	for _, a := range linkedFiles(as, linked) {
		add(dir+linkedName(a), a)
	}
	return jobs
}

// linkedFiles are the files a body links to (linked), each once, in the
// order it first links to them, other than its page's attachments (as).
func linkedFiles(as, linked []site.Attachment) []*site.Attachment {
	var files []*site.Attachment
	seen := map[string]bool{}
	for _, a := range as {
		seen[a.File] = true
	}
	for k := range linked {
		if a := &linked[k]; !seen[a.File] {
			seen[a.File] = true
			files = append(files, a)
		}
	}
	return files
}

// linkedName is the name of a linked file beside its page, an ASCII name
// as the attachments have, made from where the file is in content/:
// file-5d41402a.jpg. A file keeps its address whatever is linked before
// it or after, and while it is edited; moved or renamed, it is another
// file. (A number by order would give a picture's address to another
// when one is put before it, and send every later file up again.)
func linkedName(a *site.Attachment) string {
	sum := sha256.Sum256([]byte(a.File))
	return fmt.Sprintf("file-%x.%s", sum[:4], a.Ext())
}

// linkTargets are where a body's links to files (linked) and to other
// Markdown files (pages) point instead: the file's copy beside the page,
// or the attachment (of as) it is; the page's address. A link to a file
// a browser shows only downloads, saved under its own name rather than
// file-1.xlsx. A link to a page the site does not have stays as written.
func (c *core) linkTargets(as, linked []site.Attachment, pages []site.PageLink) map[string]markdown.Target {
	if len(linked) == 0 && len(pages) == 0 {
		return nil
	}
	targets := map[string]markdown.Target{}
	for _, l := range pages {
		if p, ok := c.pages[l.File]; ok {
			targets[l.Dest] = markdown.Target{Href: c.URL(p) + destSuffix(l.Dest)}
		}
	}
	names := linkedNames(as, linked)
	downloads := map[string]string{}
	for k, l := range attachmentLinks(as) {
		downloads[as[k].File] = l.Download
	}
	for _, a := range linked {
		t := markdown.Target{Href: names[a.File] + destSuffix(a.Dest), Width: a.Width, Height: a.Height}
		if !viewable(a.Ext()) {
			t.Download = cmp.Or(downloads[a.File], path.Base(a.File))
		}
		targets[a.Dest] = t
	}
	return targets
}

// linkedNames are the names beside the page of the files a body links
// to (linked), by file: their own copies' (linkedName), or those of the
// attachments (of as) they are.
func linkedNames(as, linked []site.Attachment) map[string]string {
	names := map[string]string{}
	for _, a := range linkedFiles(as, linked) {
		names[a.File] = linkedName(a)
	}
	for k := range as {
		names[as[k].File] = path.Base(attachmentPath("", as, k))
	}
	return names
}

// leadImage is the full address of the first picture a body shows of
// its files, written beside its page at dir, or "": the portal's Image
// meta (DOMAIN.md §2), a listing's thumbnail.
func (c *core) leadImage(dir string, as, linked []site.Attachment) string {
	for _, a := range linked {
		if a.Shown && a.Width > 0 {
			return c.AbsURL(dir + linkedNames(as, linked)[a.File])
		}
	}
	return ""
}

// destSuffix is the query and fragment of a link's destination, kept when
// it is pointed elsewhere: 原件.pdf#page=2.
func destSuffix(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		return dest[i:]
	}
	return ""
}

// pageLinkInputs are what a body's links to pages read: which pages
// there are and their addresses, which every circular's and page's front
// matter holds. A body without such links reads none of it.
func pageLinkInputs(pages []site.PageLink) []input {
	if len(pages) == 0 {
		return nil
	}
	return []input{fronts()}
}

// viewable reports whether a browser shows a file of type ext rather
// than saves it: a picture, a PDF, plain text (by its media type; a CSV,
// text too, goes to a spreadsheet).
func viewable(ext string) bool {
	switch m := site.MediaType(ext); {
	case strings.HasPrefix(m, "image/"), m == "application/pdf", m == "text/plain":
		return true
	}
	return false
}

// attachmentInputs are what is read of the attachments as where their
// sizes are stated.
func attachmentInputs(as []site.Attachment) []input {
	var in []input
	for _, a := range as {
		in = append(in, fileIn(a.File))
	}
	return in
}

// bodyInputs are what a circular's body reads: its file, the files and
// pages it links to (which of them are there says which links point
// elsewhere) and, through the shortcodes, the period it reports and that
// period's month file.
func (c *core) bodyInputs(circ *site.Circular) []input {
	in := append([]input{global(), fileIn(circ.File)}, attachmentInputs(circ.Linked)...)
	in = append(in, pageLinkInputs(circ.PageLinks)...)
	if p := c.periodOf(circ); p != nil {
		if p.Month != nil {
			in = append(in, fileIn(p.Month.File), sectionsIn(p.Month))
		}
		// An aggregate's digest covers the months' composites it shows.
		in = append(in, periodIn(p))
	}
	return in
}

// refOf is how circ's period is referred to, if there is a circular and
// it reports one.
func (c *core) refOf(circ *site.Circular) []input {
	if circ == nil {
		return nil
	}
	if p := c.periodOf(circ); p != nil {
		return []input{refIn(p)}
	}
	return nil
}

// refs is how every period is referred to: what a list of circulars
// shows of their periods.
func (c *core) refs() []input {
	in := make([]input, len(c.res.Periods))
	for i, p := range c.res.Periods {
		in[i] = refIn(p)
	}
	return in
}

// convertBodies converts every circular's Markdown, with the shortcodes
// of its period, into cs.bodies.
func (cs *circulars) convertBodies() {
	circs := cs.s.Circulars
	cs.bodies = make([]template.HTML, len(circs))
	par.Do(len(circs), func(i int) {
		circ := circs[i]
		if cs.opts.Only != nil && !slices.Contains(cs.opts.Only, circ.File) {
			return
		}
		body, err := fragment(cs.core, "body:"+circ.File, cs.bodyInputs(circ), func() (template.HTML, error) {
			return cs.convert(circ.File, circ.Body, circ.BodyLine, cs.periodOf(circ), circ.Entries, cs.linkTargets(circ.Attachments, circ.Linked, circ.PageLinks))
		})
		if err != nil {
			cs.fail(err)
			if cs.opts.Only != nil {
				cs.bodies[i] = body
			}
			return
		}
		cs.bodies[i] = body
		if cs.opts.ReleaseSources {
			circ.Body = nil
		}
	})
}

// stopped is s ending a sentence, or "".
func stopped(s string) string {
	if s == "" {
		return ""
	}
	return withStop(s)
}

// circular builds the layout view of circular i, without its body.
func (c *core) circular(i int) *Circular {
	circ := c.s.Circulars[i]
	issuers := c.s.Issuers(circ)
	title := circ.Title
	// 发文机关 + 关于 + 事由 + 文种 (GB/T 9704): the issuers are put before
	// a title that lacks them, but not before one that names an issuer
	// before its 关于 in another form (市政府督查室关于…, for 某市人民政府督查室),
	// which read 某市人民政府督查室市政府督查室关于….
	if i := strings.Index(title, "关于"); !strings.HasPrefix(title, issuers[0]) && i <= 0 {
		title = joinIssuers(issuers) + title
	}
	v := &Circular{
		Number:     circ.Number,
		Title:      title,
		ShortTitle: circ.Title,
		To:         circ.To,
		Issuer:     issuers[0],
		Issuers:    issuers,
		Date:       dateData(circ.Date),
		Published:  dateData(circ.PublishDate()),
		IndexNo:    c.s.IndexNo(circ),
		Topic:      cmp.Or(circ.Topic, c.s.Config.Terms.Topic),
		Letter:     circ.Letter,
		Valid:      circ.Valid,
		Note:       strings.Join(circ.Notes, "，"),
		Notes:      circ.Notes,
		Correction: stopped(circ.Correction),
		CC:         circ.CC,
		Printed:    dateData(circ.Printed),
		Path:       circ.URLPath(),
		year:       circ.Year,
		index:      i,
	}
	if circ.Undated {
		// A draft's (site.LoadDraft): where the date will stand.
		v.Date = &DateData{ISO: "待填写", Chinese: "成文日期待填写"}
		if circ.Published == (site.Date{}) {
			v.Published = v.Date
		}
	}
	if p := c.periodOf(circ); p != nil {
		v.Period = p.Label
	}
	if v.Printed != nil {
		v.Printer = cmp.Or(circ.Printer, v.Issuer)
	}
	v.Attachments = attachmentLinks(circ.Attachments)
	return v
}

// joinIssuers writes the names of several issuers as a title, the
// metadata's 发布机构 and the feed name them: one after another, a space
// between (中共某县委办公室 某县人民政府办公室关于…), as joint documents'
// titles are written on government portals.
func joinIssuers(names []string) string { return strings.Join(names, " ") }

// attachmentPath is where attachment k (from 0) of as is written: beside
// the page at dir, named by its place, which the 附件说明 fixes.
func attachmentPath(dir string, as []site.Attachment, k int) string {
	return fmt.Sprintf("%sattachment-%d.%s", dir, k+1, as[k].Ext())
}

// attachmentLinks are the attachments as their page lists them.
func attachmentLinks(as []site.Attachment) []AttachmentLink {
	var links []AttachmentLink
	for k := range as {
		a := &as[k]
		name := fmt.Sprintf("附件%d", k+1)
		if len(as) == 1 {
			name = "附件"
		}
		links = append(links, AttachmentLink{
			Title:    a.Title,
			Href:     path.Base(attachmentPath("", as, k)),
			Download: name + " " + a.Title + "." + a.Ext(),
			Type:     strings.ToUpper(a.Ext()),
			Size:     fileSize(a.Size),
		})
	}
	return links
}

// withAttachments is an HTML body followed by the names of its page's
// attachments, as the search reads it: a reader looking for a table
// searches for its name.
func withAttachments(body string, as []site.Attachment) string {
	if len(as) == 0 {
		return body
	}
	var b strings.Builder
	b.WriteString(body)
	b.WriteString("<p>附件：")
	for k, a := range as {
		if k > 0 {
			b.WriteString("；")
		}
		b.WriteString(template.HTMLEscapeString(a.Title))
	}
	b.WriteString("</p>")
	return b.String()
}

// fileSize is a file's size as a download link states it: 980 B, 12 KB,
// 1.2 MB.
func fileSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1024:
		return fmt.Sprintf("%d KB", (n+512)/1024)
	case n < 10*1024*1024:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%d MB", (n+512*1024)/(1024*1024))
}

// pageColumn is the portal column (DOMAIN.md §2: ColumnName,
// ColumnDescription, ColumnKeywords, ColumnType, all four on every page)
// of the plain page at path: the folder it is in, whose list page is the
// column's (folderColumn), or, for a page at the top (about/), the page
// itself, which no other page shares.
func pageColumn(path, title string) Column {
	if i := strings.LastIndex(strings.TrimSuffix(path, "/"), "/"); i >= 0 {
		return folderColumn(path[:i])
	}
	return Column{Name: title, Description: "本站的“" + title + "”页面", Keywords: title, Type: "信息"}
}

// folderColumn is the portal column of a folder of plain pages, its list
// page's and its pages' alike (as the circulars' archive and circulars
// share theirs), titled as its list page is: notices/2023/ is
// “notices/2023”.
func folderColumn(title string) Column {
	return Column{Name: title, Description: "“" + title + "”栏目的页面", Keywords: strings.ReplaceAll(title, "/", ","), Type: "信息"}
}

// circularColumn is the portal column of the circulars: [terms] column
// describes it.
func (c *core) circularColumn() Column {
	return Column{Name: "工作通报", Description: c.s.Config.Terms.Column, Keywords: "通报,考核排名", Type: "公文"}
}

func (cs *circulars) circularPage(i int) ([]byte, error) {
	circ, v := cs.s.Circulars[i], cs.circular(i)
	if i > 0 {
		v.Prev = cs.circular(i - 1)
	}
	if i+1 < len(cs.s.Circulars) {
		v.Next = cs.circular(i + 1)
	}
	v.Body = cs.bodies[i]
	if p := cs.periodOf(circ); p != nil {
		v.Appendix = cs.appendix(p)
		v.Appendix.Number = v.Number
	}
	return cs.tmpl.execute("circular.html", &Page{
		Kind:        "circular",
		Title:       v.Title,
		Path:        v.Path,
		Description: v.Title,
		Date:        v.Published,
		Updated:     dateData(circ.Updated),
		Image:       cs.leadImage(v.Path, circ.Attachments, circ.Linked),
		Column:      cs.circularColumn(),
		Circular:    v,
	})
}

// plainPage renders plain page i, and its search entry while its body is
// at hand.
func (cs *circulars) plainPage(i int) ([]byte, error) {
	p := cs.s.Pages[i]
	body, err := cs.convert(p.File, p.Body, p.BodyLine, nil, nil, cs.linkTargets(p.Attachments, p.Linked, p.PageLinks))
	if err != nil {
		return nil, err
	}
	cs.search.pageEntry(i, body)
	if cs.opts.ReleaseSources {
		p.Body = nil
	}
	return cs.tmpl.execute("page.html", &Page{
		Kind:        "page",
		Title:       p.Title,
		Path:        p.Path,
		Date:        dateData(p.Date),
		Updated:     dateData(p.Updated),
		Valid:       p.Valid,
		Image:       cs.leadImage(p.Path, p.Attachments, p.Linked),
		Column:      pageColumn(p.Path, p.Title),
		Content:     body,
		Attachments: attachmentLinks(p.Attachments),
	})
}

// lists are the pages that list circulars and plain pages: the home page,
// the archive, each folder's list of pages; and the not-found page. They
// read every circular's front matter, but no circular's text: editing a
// circular's text leaves them as they were.
type lists struct{ *core }

func (l *lists) jobs() []job {
	var jobs []job
	for _, dir := range listDirs(l.s.Pages) {
		jobs = append(jobs, job{path: dir + "index.html", owner: own("页面列表 /%s", dir), yields: true,
			in: []input{global(), fronts()},
			fn: func() ([]byte, error) { return l.listPage(dir) }})
	}
	home := []input{global(), fronts()}
	home = append(home, l.refs()...)
	if months := l.res.Months(); len(months) > 0 {
		home = append(home, compositeIn(months[len(months)-1]))
	}
	// A year's list shows its circulars and their periods, and links
	// every year.
	years := l.years()
	for i, y := range years {
		in := []input{global(), fronts()}
		for _, v := range y.Circulars {
			in = append(in, l.refOf(l.s.Circulars[v.index])...)
		}
		jobs = append(jobs, job{path: y.Path + "index.html", owner: own("%d年通报列表", y.Year), in: in,
			fn: func() ([]byte, error) { return l.yearPage(years, i) }})
	}
	return append(jobs,
		job{path: "index.html", owner: own("首页"), in: home, fn: l.homePage},
		job{path: "circulars/index.html", owner: own("通报归档页"), in: append([]input{global(), fronts()}, l.refs()...), fn: l.archivePage},
		job{path: "404.html", owner: own("404 页面"), in: []input{global()}, fn: l.notFoundPage},
	)
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

// folderDate is the 更新日期 of the list page of dir: the date of its
// newest page (zero when none has a date). The sitemap gives it too.
func folderDate(pages []*site.Page, dir string) site.Date {
	var latest site.Date
	for _, p := range pages {
		if strings.HasPrefix(p.Path, dir) && p.Path != dir && latest.Before(p.Date) {
			latest = p.Date
		}
	}
	return latest
}

func (l *lists) listPage(dir string) ([]byte, error) {
	var pages []*PlainPage
	for _, p := range l.s.Pages {
		if strings.HasPrefix(p.Path, dir) && p.Path != dir {
			pages = append(pages, &PlainPage{Title: p.Title, Path: p.Path, Date: dateData(p.Date)})
		}
	}
	// Newest first; pages without a date last, by path for stability.
	slices.SortStableFunc(pages, func(a, b *PlainPage) int {
		switch {
		case a.Date == nil && b.Date == nil:
			return strings.Compare(a.Path, b.Path)
		case a.Date == nil:
			return 1
		case b.Date == nil:
			return -1
		}
		return -strings.Compare(a.Date.ISO, b.Date.ISO)
	})
	title := strings.TrimSuffix(dir, "/")
	return l.tmpl.execute("list.html", &Page{
		Kind:   "list",
		Title:  title,
		Path:   dir,
		Date:   dateData(folderDate(l.s.Pages, dir)),
		Column: folderColumn(title),
		Pages:  pages,
	})
}

// newestFirst lists the circulars' views, newest first.
func (c *core) newestFirst() []*Circular {
	n := len(c.s.Circulars)
	out := make([]*Circular, n)
	for i := range n {
		out[n-1-i] = c.circular(i)
	}
	return out
}

// homeDate is the home page's 更新日期: the 发布日期 of the latest
// circular, which it shows first; zero without one. The sitemap gives it
// too.
func (c *core) homeDate() site.Date {
	if n := len(c.s.Circulars); n > 0 {
		return c.s.Circulars[n-1].PublishDate()
	}
	return site.Date{}
}

func (l *lists) homePage() ([]byte, error) {
	all := l.newestFirst()
	p := &Page{
		Kind:        "home",
		Title:       l.s.Config.Title,
		Description: l.s.Config.Title,
		Column:      Column{Name: "首页", Description: l.s.Config.Title, Keywords: "通报,考核排名", Type: "首页"},
		Circulars:   all[:min(len(all), 10)],
	}
	if len(all) > 0 {
		p.Latest = all[0]
		p.Date = all[0].Published // homeDate, or a draft's 待填写
	}
	if months := l.res.Months(); len(months) > 0 {
		latest := months[len(months)-1]
		rk := &Ranking{Period: latest.Label, Unit: l.s.Config.Terms.Unit}
		var over overallRanked // nil without the overall ranking: no column
		if latest.Overall != nil {
			over = overallOf(latest.Overall.Composite)
		}
		for _, g := range latest.Groups {
			var rows []RankRow
			for _, t := range g.Composite {
				rows = append(rows, RankRow{Group: g.Name, Rank: zh.RankPhrase(t.Rank, t.Tied), Overall: over.phrase(t.Unit), Name: t.Unit.Name, Path: unitPath(t.Unit), Score: formatScore(t.Value, l.s.Config.Scoring.Decimals)})
			}
			if len(rows) > 0 {
				rk.Rows = append(rk.Rows, rows...)
				id := ""
				if i := slices.IndexFunc(l.s.Groups, func(sg *site.Group) bool { return sg.Name == g.Name }); i >= 0 {
					id = groupID(i)
				}
				rk.Groups = append(rk.Groups, RankGroup{ID: id, Name: g.Name, Rows: rows})
			}
		}
		rk.Folded = len(rk.Groups) > 1
		if len(rk.Rows) > 0 {
			l.homeOverall(rk, latest)
			p.Ranking = rk
		}
	}
	return l.tmpl.execute("home.html", p)
}

// archiveYears is how many years the archive lists in full, the newest;
// the others are a link each, to their year's page. Two, so that early
// in a year, when it holds a circular or two, the whole of the last year
// is still on the archive: an office that circulates monthly lists 13 to
// 24 circulars there, whatever the archive's age (the five-year demo's
// archive was 7,150 px long on a 390 px phone, 60 circulars).
const archiveYears = 2

// years are the circulars by the year of their 文号 — the year in their
// address, circulars/2023/14/ — newest first, each newest first.
func (c *core) years() []Year {
	var years []Year
	for _, v := range c.newestFirst() {
		if len(years) == 0 || years[len(years)-1].Year != v.year {
			years = append(years, Year{Year: v.year, Path: fmt.Sprintf("circulars/%d/", v.year)})
		}
		years[len(years)-1].Circulars = append(years[len(years)-1].Circulars, v)
	}
	// A circular numbered in one year and dated in the next sorts among
	// the next year's: gather each year's circulars in one entry.
	slices.SortStableFunc(years, func(a, b Year) int { return b.Year - a.Year })
	out := years[:0]
	for _, y := range years {
		if n := len(out); n > 0 && out[n-1].Year == y.Year {
			out[n-1].Circulars = append(out[n-1].Circulars, y.Circulars...)
			continue
		}
		out = append(out, y)
	}
	return out
}

// yearLinks are the links to every year's list, current marking one.
func yearLinks(years []Year, current int) []YearLink {
	links := make([]YearLink, len(years))
	for i, y := range years {
		links[i] = YearLink{Year: y.Year, Path: y.Path, Count: len(y.Circulars), Current: y.Year == current}
	}
	return links
}

func (l *lists) archivePage() ([]byte, error) {
	years := l.years()
	all := l.newestFirst()
	p := &Page{
		Kind:      "archive",
		Title:     "通报归档",
		Path:      "circulars/",
		Column:    l.circularColumn(),
		Circulars: all,
		Years:     years[:min(len(years), archiveYears)],
		YearLinks: yearLinks(years, 0),
	}
	if len(all) > 0 {
		p.Date = all[0].Published
	}
	return l.tmpl.execute("archive.html", p)
}

// yearPage is circulars/<year>/, years[i]: the year's circulars, newest
// first.
func (l *lists) yearPage(years []Year, i int) ([]byte, error) {
	y := years[i]
	p := &Page{
		Kind:      "year",
		Title:     fmt.Sprintf("%d年通报", y.Year),
		Path:      y.Path,
		Column:    l.circularColumn(),
		Circulars: y.Circulars,
		Years:     []Year{y},
		YearLinks: yearLinks(years, y.Year),
		Date:      y.Circulars[0].Published,
	}
	return l.tmpl.execute("year.html", p)
}

func (l *lists) notFoundPage() ([]byte, error) {
	return l.tmpl.execute("404.html", &Page{Kind: "404", Title: "页面不存在",
		Column: Column{Name: "页面不存在", Description: "所访问的页面不存在，可从首页或站内搜索查找", Keywords: "页面不存在,404", Type: "其他"}})
}
