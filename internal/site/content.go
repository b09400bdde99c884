package site

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/par"
	"tongbao/internal/theme"
)

// numberRE reads a 文号: 代字〔年份〕序号号 (DOMAIN.md §1).
var numberRE = regexp.MustCompile(`^(\S+?)〔(\d{4})〕([1-9]\d*)号$`)

// A parsed Markdown file of content/: a circular or a plain page, as far
// as the file alone tells. What depends on other files — the month a
// circular points at, 文号 and URL collisions — is settled by content.
// Parsing runs in parallel and its result is cached by the file's hash.
type parsed struct {
	sum      [32]byte
	circular *Circular // Data not yet set
	page     *Page
	dataKey  string // the circular's data = "2023-02"
	dataAt   [2]int // line and column of data =, for its diagnostic
	dated    bool   // the circular has a date =, right or wrong: it is signed
	// undated is the circular as a draft of its month shows it
	// (LoadDraft) when its front matter is whole but for the date, which
	// makes circular nil.
	undated  *Circular
	diags    diag.List
	warnings diag.List // see Site.Warnings

	// unpublishable are the body's links to files in content/ of a type
	// that cannot be published (bodyLinks): a photograph straight from a
	// phone (.heic), a scan as .tif; warned of if the file is there.
	unpublishable []Attachment

	// waivers are the circular's [[waiver]]s as written: whether their
	// units and actions are the site's is told by the loader, which
	// knows units.toml and config.toml (circularWaivers).
	waivers []frontWaiver
}

// A frontWaiver is a circular's [[waiver]] before its unit is looked up:
// the unit's name, and where it and the action stand.
type frontWaiver struct {
	w              Waiver // Unit nil
	unit           string
	unitAt, actAt  [2]int // line and column
	lastAt         [2]int
	hasUnit, hasAc bool
}

func (l *loader) content() {
	s := l.s
	var files, others []string
	l.contentFiles = l.walk("content")
	for _, rel := range l.contentFiles {
		if path.Ext(rel) == ".md" {
			files = append(files, rel)
		} else {
			others = append(others, rel)
		}
	}
	all := make([]*parsed, len(files))
	par.Do(len(files), func(i int) {
		all[i] = l.parseContent(files[i])
	})
	l.keepContent(files, all)

	// Which output each file makes, and that no two make the same, is the
	// renderer's to check (render: one owner per path): it knows every
	// output, tongbao's own pages too.
	l.circularData = map[string]string{}
	l.dataAt = map[string][2]int{}
	l.signed = map[string]bool{}
	reporter := map[string]string{} // by data =, the file of the first circular to report it
	for i, rel := range files {
		p := all[i]
		if p.dataKey != "" {
			l.circularData[rel] = p.dataKey
			l.dataAt[rel] = p.dataAt
			if p.dated {
				l.signed[p.dataKey] = true
			}
		}
		if l.holds(p.dataKey) {
			l.heldCirculars = append(l.heldCirculars, rel)
			continue
		}
		drafted := covers(l.drafts, p.dataKey)
		l.diags = append(l.diags, p.diags...)
		s.Warnings = append(s.Warnings, p.warnings...)
		var span Period
		if p.dataKey != "" {
			var ok bool
			if span, ok = l.dataPeriod(rel, p); !ok {
				continue
			}
		}
		c := p.circular
		if c == nil && drafted {
			c = p.undated
		}
		if c != nil && span.Year != 0 {
			if other, ok := reporter[span.Key()]; ok {
				s.Warnings.Add(rel, p.dataAt[0], p.dataAt[1], "警告：%s 也报告 %s（data = \"%s\"）：两份通报报告同一期，它们的排名、附表和开放数据相同；是复制上一期时忘了改 data 吗？", other, span.Label(), span.Key())
			} else {
				reporter[span.Key()] = rel
			}
			if t, ok := titledOtherwise(c.Title, span); ok {
				s.Warnings.Add(rel, p.dataAt[0], p.dataAt[1], "警告：标题写的是%s，data 却是 \"%s\"（%s）：通报会报告 %s 的数据", t, span.Key(), span.Label(), span.Label())
			}
		}
		if c != nil {
			l.checkEntries(c, span)
			waivers := l.circularWaivers(c, p.waivers, span)
			l.checkIssuers(c)
			if span.Year != 0 || len(c.Attachments) > 0 || len(c.Linked) > 0 {
				linked := *c // the cached value stays unlinked, its files unlooked-at
				linked.Data = span
				linked.Waivers = waivers
				linked.Attachments = l.statAttachments(rel, c.Attachments)
				linked.Linked = l.statLinked(rel, c.Linked)
				c = &linked
			}
			s.Circulars = append(s.Circulars, c)
			if drafted {
				l.drafted = append(l.drafted, rel)
			}
			continue
		}
		if pg := p.page; pg != nil {
			if len(pg.Attachments) > 0 || len(pg.Linked) > 0 {
				linked := *pg // the cached value's files stay unlooked-at
				linked.Attachments = l.statAttachments(rel, pg.Attachments)
				linked.Linked = l.statLinked(rel, pg.Linked)
				pg = &linked
			}
			s.Pages = append(s.Pages, pg)
		}
	}
	slices.SortFunc(s.Circulars, func(a, b *Circular) int {
		if a.Undated != b.Undated {
			// Not signed yet: newer than any that is.
			if a.Undated {
				return 1
			}
			return -1
		}
		if a.Date != b.Date {
			if a.Date.Before(b.Date) {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Serial, b.Serial), strings.Compare(a.Number, b.Number), strings.Compare(a.File, b.File))
	})
	s.Circulars = l.distinctAddresses(s.Circulars)
	l.noOrgCode()
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.File, b.File)) })
	// By lower case: on Windows and macOS, 原件.PDF lists 原件.pdf.
	listed := map[string]bool{}
	for _, p := range all {
		for _, a := range p.files() {
			listed[strings.ToLower(a.File)] = true
		}
	}
	there := map[string]bool{}
	for _, rel := range others {
		there[strings.ToLower(rel)] = true
	}
	for i, p := range all {
		for _, a := range p.unpublishable {
			if f := strings.ToLower(a.File); there[f] && !l.holds(p.dataKey) {
				// Linked, so not “nothing links to it” below: why it is
				// not published instead.
				listed[f] = true
				s.Warnings.Add(files[i], a.Line, a.Col, "警告：链接的文件 %s 是 .%s，不能发布，这个链接会失效；网页上的图片请用 jpg、png 或 gif，附件的类型应为 %s", a.File, a.Ext(), attachmentTypesText)
			}
		}
	}
	l.aliasesUnderBase()
	l.brokenPageLinks()
	s.Warnings.Sort()
	// Files put beside the pages and never listed or linked: said once
	// each, up to a screen of them, after the rest.
	const most = 10
	n := 0
	for _, rel := range others {
		if listed[strings.ToLower(rel)] {
			continue
		}
		if n++; n <= most {
			s.Warnings.Add(rel, 1, 1, "警告：这个文件既没有被任何通报或页面列为附件（[[attachment]]），也没有在正文中链接，不会发布")
		}
	}
	if n > most {
		s.Warnings.Add("content", 0, 0, "警告：content/ 下另有 %d 个这样的文件，同样不会发布", n-most)
	}
}

// aliasesUnderBase warns of each alias written with baseURL's path in
// front (/zwgk/tb/circulars/2023/17/ under /zwgk/tb/): an alias is written
// from the site's root, which that path is, so the redirect went to
// /zwgk/tb/zwgk/tb/circulars/2023/17/ and the old address stayed dead,
// with no word but that it was gone.
func (l *loader) aliasesUnderBase() {
	u, err := url.Parse(l.s.Config.BaseURL)
	if err != nil {
		return
	}
	base := strings.Trim(u.Path, "/")
	if base == "" {
		return
	}
	warn := func(file string, as []Alias) {
		for _, a := range as {
			if rest, ok := strings.CutPrefix(a.Path, base+"/"); ok {
				l.s.Warnings.Add(file, a.Line, a.Col, "警告：aliases 中的旧网址从本站的根目录写起，不含 baseURL 的 /%s/：这样写，转址页在 /%s/%s，旧网址仍然失效；应写作 \"/%s\"", base, base, strings.TrimSuffix(a.Path, "index.html"), strings.TrimSuffix(rest, "index.html"))
			}
		}
	}
	for _, c := range l.s.Circulars {
		warn(c.File, c.Aliases)
	}
	for _, p := range l.s.Pages {
		warn(p.File, p.Aliases)
	}
}

// titleMonthRE finds the months a title names: 2023年3月, 2023年1-2月,
// 2023年1—2月, 2023年1至2月.
var titleMonthRE = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})\s*` + spanDash + `\s*)?(\d{1,2})月`)

// titledMonth is the hint for a circular whose data names a month with
// no file, when its title names one with a file: the year or month of
// data = mistyped (2024-02 for 2023-02), or the title of the circular
// it was copied from not yet changed.
func (l *loader) titledMonth(p *parsed) string {
	c := cmp.Or(p.circular, p.undated)
	if c == nil {
		return ""
	}
	for _, m := range titleMonthRE.FindAllStringSubmatch(c.Title, -1) {
		y, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[3])
		key := Period{Kind: Monthly, Year: y, N: n}.Key()
		if n >= 1 && n <= 12 && l.s.months[key] != nil {
			return fmt.Sprintf("；标题写的是%s，有 data/%s.toml：是 data 写错了（应为 %s），还是复制来的标题没有改？", m[0], key, Quote(key))
		}
	}
	return ""
}

// titledOtherwise returns the month a monthly circular's title names
// when the title names months and none is the month of its data: the
// slip of a circular copied from the last and given a new title but not a
// new data =. ("1-2月" ends in the data's month.) Titles of quarters,
// halves and years are not read.
func titledOtherwise(title string, span Period) (string, bool) {
	if span.Kind != Monthly {
		return "", false
	}
	found := titleMonthRE.FindAllStringSubmatch(title, -1)
	for _, m := range found {
		y, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[3])
		if y == span.Year && n == span.N {
			return "", false
		}
	}
	if len(found) == 0 {
		return "", false
	}
	return found[0][0], true
}

// brokenPageLinks warns of each link of a page to a Markdown file that
// is no page of the site as loaded, which stays as written and leads
// nowhere: a file that is not there (of all files, a link to a page is
// never meant for anything else), or one left out with its month.
func (l *loader) brokenPageLinks() {
	s := l.s
	pages := map[string]bool{}
	for _, c := range s.Circulars {
		pages[c.File] = true
	}
	for _, p := range s.Pages {
		pages[p.File] = true
	}
	warn := func(rel string, links []PageLink) {
		for _, pl := range links {
			switch {
			case pages[pl.File]:
			case slices.Contains(l.heldCirculars, pl.File):
				s.Warnings.Add(rel, pl.Line, pl.Col, "警告：链接的 %s 随它的月份略去了，这次生成的网站中这个链接会失效", pl.File)
			default:
				s.Warnings.Add(rel, pl.Line, pl.Col, "警告：链接的 %s 不存在，这个链接会失效%s", pl.File, l.nearest(rel, pl.File))
			}
		}
	}
	for _, c := range s.Circulars {
		warn(c.File, c.PageLinks)
	}
	for _, p := range s.Pages {
		warn(p.File, p.PageLinks)
	}
}

// dataPeriod reads a circular's data =: a month with its file, or a
// quarter, half or year with at least one month file in it.
func (l *loader) dataPeriod(rel string, p *parsed) (Period, bool) {
	line, col := p.dataAt[0], p.dataAt[1]
	span, ok := ParsePeriod(p.dataKey)
	if m, loose := looseMonth(p.dataKey); !ok && loose {
		l.diags.Add(rel, line, col, "data“%s”应为月份：写作 %s", p.dataKey, Quote(m))
		return span, false
	}
	if !ok {
		l.diags.Add(rel, line, col, "data“%s”应为月份（2023-02）、季度（2024-Q1）、半年（2024-H1）或年度（2024）", p.dataKey)
		return span, false
	}
	if span.Kind == Monthly {
		if l.s.months[p.dataKey] != nil {
			return span, true
		}
		// A month file that exists but failed to load has its own
		// diagnostics; saying it does not exist would mislead.
		if !l.fileExists("data/" + p.dataKey + ".toml") {
			l.diags.Add(rel, line, col, "通报引用的月份数据“%s”不存在（应有文件 data/%s.toml）%s", p.dataKey, p.dataKey, l.titledMonth(p))
		}
		return span, false
	}
	first, last := span.Months()
	for m := first; m <= last; m++ {
		key := Period{Kind: Monthly, Year: span.Year, N: m}.Key()
		if l.s.months[key] != nil {
			l.signedBeforeItsEnd(rel, p, span)
			return span, true
		}
		if l.fileExists("data/" + key + ".toml") {
			return span, false // it failed to load, and says why
		}
	}
	l.diags.Add(rel, line, col, "通报引用的%s没有任何月份的数据（应至少有 data/%s.toml 至 data/%s.toml 中的一个文件）",
		span.Label(), Period{Kind: Monthly, Year: span.Year, N: first}.Key(), Period{Kind: Monthly, Year: span.Year, N: last}.Key())
	return span, false
}

// signedBeforeItsEnd warns of a quarter's, half's or year's circular
// dated within its span while the data has not reached the span's end:
// every month file added later in the span counts in it too, and
// re-ranks what it published — as a year's circular of 1-8月, titled
// 2024年度, would be by September's file. One dated after its span has
// its months, however few were assessed.
func (l *loader) signedBeforeItsEnd(rel string, p *parsed, span Period) {
	if !p.dated || p.circular == nil {
		return
	}
	d := p.circular.Date
	newest := ""
	for key := range l.s.months {
		newest = max(newest, key)
	}
	if fmt.Sprintf("%04d-%02d", d.Year, d.Month) > span.LastMonth() || newest >= span.LastMonth() {
		return
	}
	l.s.Warnings.Add(rel, p.dataAt[0], p.dataAt[1], "警告：%s的通报已成文，而这段时间的数据只到 %s（%s 才结束）：以后加上的月份也会计入这份通报，改写它已发布的排名和奖惩；应在这段时间各月的数据齐全以后成文",
		span.Label(), newest, span.LastMonth())
}

// frontMatter splits a Markdown file into its TOML front matter (between
// +++ lines) and body. bodyLine is the file line on which the body starts.
// form describes the front matter, for rewriting a YAML one.
func frontMatter(rel string, src []byte, form *Format, d *diag.List) (fm, body []byte, bodyLine int, ok bool) {
	if !bytes.HasPrefix(src, []byte("+++\n")) {
		if bytes.HasPrefix(src, []byte("---\n")) {
			yamlFront(rel, src, form, d)
		} else {
			d.Add(rel, 1, 1, "缺少 TOML 前置信息（文件应以一行 +++ 开头）")
		}
		return nil, nil, 0, false
	}
	rest := src[4:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if string(bytes.TrimRight(line, " \t")) == "+++" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		d.Add(rel, 1, 1, "前置信息没有结束（缺少第二行 +++）")
		return nil, nil, 0, false
	}
	fm = rest[:end]
	after := rest[end:]
	if nl := bytes.IndexByte(after, '\n'); nl >= 0 {
		after = after[nl+1:]
	} else {
		after = nil
	}
	bodyLine = 2 + bytes.Count(fm, []byte("\n")) + 1
	return fm, after, bodyLine, true
}

// yamlFront reports front matter written in YAML between --- lines, as
// other site generators take it, with the TOML it becomes when each of
// its lines is a plain key: value — ready to copy over it.
func yamlFront(rel string, src []byte, form *Format, d *diag.List) {
	msg := "前置信息不能用 YAML（--- 之间的 key: value）：要用 TOML，首尾两行写 +++，每行写作 key = \"value\""
	text, ok := yamlToTOML(string(src[len("---\n"):]), form)
	if ok {
		msg += "，即："
	}
	d.Add(rel, 1, 1, "%s", msg)
	if ok {
		(*d)[len(*d)-1].Text = text
	}
}

var yamlLineRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*?)[ \t]*$`)

// yamlToTOML rewrites YAML front matter, the lines after the first ---,
// as TOML between +++ lines; ok is false unless every line up to the
// closing --- is a key: value of one line, a comment or blank.
func yamlToTOML(src string, form *Format) (string, bool) {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, line := range strings.Split(src, "\n") {
		switch trimmed := strings.TrimSpace(line); {
		case trimmed == "---":
			b.WriteString("+++\n")
			return b.String(), true
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			b.WriteString(trimmed + "\n")
			continue
		}
		m := yamlLineRE.FindStringSubmatch(line)
		if m == nil {
			return "", false
		}
		key, v := m[1], m[2]
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		field, _ := form.lookup([]string{key})
		switch {
		case field != nil && field.Kind == Day:
			if _, ok := localDate(v); !ok {
				return "", false
			}
		case field != nil && field.Kind == Texts:
			if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
				return "", false
			}
			var items []string
			for _, item := range strings.Split(v[1:len(v)-1], ",") {
				items = append(items, Quote(strings.Trim(strings.TrimSpace(item), `"'`)))
			}
			v = "[" + strings.Join(items, ", ") + "]"
		default:
			v = Quote(v)
		}
		b.WriteString(key + " = " + v + "\n")
	}
	return "", false // no closing ---
}

// files are the attachments the file lists and the files its body links
// to, whether or not it is published: a circular held back lists its
// files all the same.
func (p *parsed) files() []Attachment {
	switch {
	case p.circular != nil:
		return append(slices.Clip(p.circular.Attachments), p.circular.Linked...)
	case p.page != nil:
		return append(slices.Clip(p.page.Attachments), p.page.Linked...)
	case p.undated != nil:
		// Published with it once it is dated: not a file nothing lists.
		return append(slices.Clip(p.undated.Attachments), p.undated.Linked...)
	}
	return nil
}

// parseContent reads and parses one Markdown file of content/, or takes
// it from the cache when its bytes are unchanged. It runs on many
// goroutines at once.
func (l *loader) parseContent(rel string) *parsed {
	p := &parsed{}
	src, sum, ok := l.source(rel, &p.diags)
	if !ok {
		return p
	}
	if c, hit := l.cachedContent(rel, sum); hit {
		return c
	}
	p.sum = sum
	form := PageFront
	if strings.HasPrefix(rel, "content/circulars/") {
		form = CircularFront
	}
	fm, body, bodyLine, ok := frontMatter(rel, src, form, &p.diags)
	if !ok {
		return p
	}
	// The front matter starts on line 2: a blank first line in its
	// place keeps every position the decoder reports right.
	t, f, ok := decodeTOML(rel, append([]byte("\n"), fm...), form, &p.diags)
	if !ok {
		return p
	}
	f.top = "前置信息"
	links := l.md().Links(body)
	p.warnings = linkWarnings(rel, links, bodyLine)
	if html := l.md().RawHTML(body); len(html) > 0 {
		// Once a body, at the first: a pasted table is many tags.
		h := html[0]
		more := ""
		if len(html) > 1 {
			more = fmt.Sprintf("（本文另有 %d 处）", len(html)-1)
		}
		p.warnings.Add(rel, bodyLine+h.Line-1, h.Col, "警告：正文中的 HTML（%s）不会出现在页面上%s；表格请用 Markdown 表格（| 单位 | 得分 |），其他格式也用 Markdown 的写法", h.Text, more)
	}
	foreignImages(rel, links, bodyLine, &p.warnings)
	if strings.HasPrefix(rel, "content/circulars/") {
		p.circular = circular(rel, t, f, p)
		placeholders(rel, f, t.m, body, bodyLine, &p.diags)
		if c := p.circular; c != nil {
			c.Body, c.BodyLine, c.Sum = body, bodyLine, sum
			c.Linked, c.PageLinks, p.unpublishable = bodyLinks(rel, links, bodyLine)
			c.RootLinks = rootLinks(links, bodyLine)
		}
		if c := p.undated; c != nil {
			// What a load of the site says of its links stays as it was.
			c.Body, c.BodyLine, c.Sum = body, bodyLine, sum
			c.Linked, c.PageLinks, _ = bodyLinks(rel, links, bodyLine)
			c.RootLinks = rootLinks(links, bodyLine)
		}
		return p
	}
	// A page, not a circular: a circular may well name a case 某某县.
	exampleText(rel, body, bodyLine, &p.warnings)
	r := read(t, PageFront.Fields)
	pg := &Page{File: rel, Sum: sum, Title: r.text("title"), Body: body, BodyLine: bodyLine, Valid: validity(r, f), Attachments: attachments(rel, r, f)}
	pg.Linked, pg.PageLinks, p.unpublishable = bodyLinks(rel, links, bodyLine)
	pg.RootLinks = rootLinks(links, bodyLine)
	pg.Date, _ = r.date("date")
	pg.Updated = updated(r, f, pg.Date, "发布日期")
	pg.Path = strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/"
	if strings.HasSuffix(pg.Path, "/index/") || pg.Path == "index/" {
		pg.Path = strings.TrimSuffix(pg.Path, "index/")
	}
	if copyName.MatchString(path.Base(rel)) {
		p.warnings.Add(rel, 1, 1, "警告：%s 的文件名像是另一个文件的副本或备份，也会作为页面 /%s 发布；不要发布的副本请移出 content/", path.Base(rel), pg.Path)
	}
	for seg := range strings.SplitSeq(strings.TrimSuffix(pg.Path, "/"), "/") {
		if why := unportable(seg); why != "" {
			p.warnings.Add(rel, 1, 1, "警告：网址 /%s 中的“%s”%s；这个页面在 Windows 上无法生成，上传门户网站时也可能出错：请给文件或文件夹改名", pg.Path, seg, why)
			break
		}
		// A blank in an address is written %20 (or %E3%80%80) wherever
		// it is copied, and a link typed by hand with it breaks.
		if strings.ContainsFunc(seg, unicode.IsSpace) {
			p.warnings.Add(rel, 1, 1, "警告：网址 /%s 中的“%s”有空格，链接中写作 %%20，手写的链接容易出错：文件或文件夹名中不用空格", pg.Path, Visible(seg))
			break
		}
	}
	pg.Aliases = aliases(r, f, pg.Path)
	p.page = pg
	return p
}

// copyName matches the names a system or a person gives a copy kept
// beside a file (about - 副本.md, about - Copy.md, about(1).md,
// about.bak.md, about.old.md): every Markdown file under content/ is a
// page, and a copy would be published beside the page it copies.
var copyName = regexp.MustCompile(`(?i)(副本|备份|[ _-]copy|\(\d+\)|（\d+）|\.(bak|old|orig))\.md$`)

// foreignImages warns of each picture a body shows from another site:
// every reader's browser asks that site for it (which learns who reads
// the circular), a page served over https does not show one over http,
// and the picture goes when that site changes. Kept beside the page, it
// is published with it.
func foreignImages(rel string, links []markdown.Link, bodyLine int, w *diag.List) {
	for _, l := range links {
		d := strings.ToLower(l.Dest)
		if l.Image && (strings.HasPrefix(d, "http://") || strings.HasPrefix(d, "https://") || strings.HasPrefix(d, "//")) {
			w.Add(rel, bodyLine+l.Line-1, l.Col, "警告：图片 %s 来自其他网站：读者每次打开页面，浏览器都会向那个网站请求它（那个网站因此知道谁在看），https 的页面不显示 http 的图片，那个网站改动后图片也会消失；请把图片下载下来，放在本文件旁边，用相对路径链接", l.Dest)
		}
	}
}

// updated reads the front matter's updated, which a correction comes
// after: one before the date (what) is a slip, an error at it.
func updated(r *record, f *tomlFile, date Date, what string) Date {
	u, ok := r.date("updated")
	if ok && date != (Date{}) && u.Before(date) {
		f.errorf("updated", "更新日期 %s 早于%s %s：更新日期是发布后更正的日期", u, what, date)
	}
	return u
}

// distinctAddresses reports each circular (in order: the later of two is
// the one told, a draft not dated yet last) whose 文号, address or 索引号
// an earlier one has, and leaves it out. Each kind of 文号 counts
// its serials from 1 a year: an office that issues its circulars as 函
// and as 发 meets the same year and serial twice, and both would be
// /circulars/2023/14/, 000000000/2023-00014. Which to move is the
// office's choice (the addresses are permanent): it writes slug, and the
// 索引号 its portal gave, for one of them.
func (l *loader) distinctAddresses(circs []*Circular) []*Circular {
	byPath, byIndex := map[string]*Circular{}, map[string]*Circular{}
	out := circs[:0]
	for _, c := range circs {
		path, index := c.URLPath(), l.s.IndexNo(c)
		prev := byPath[path]
		switch {
		case prev != nil && prev.Number == c.Number:
			l.diags.Add(c.File, c.NumberLine, c.NumberCol, "文号“%s”与 %s 重复", c.Number, prev.File)
		case prev != nil && c.Slug == "" && prev.Slug == "":
			l.diags.Add(c.File, c.NumberLine, c.NumberCol, "文号“%s”与 %s 的“%s”年份和序号相同，网址（/%s）和索引号（%s）都会相同：给其中一份写 slug（网址名，如 slug = \"%d-2\"，网址就是 /circulars/%d/%d-2/）和 indexNo（门户网站给它的索引号）",
				c.Number, prev.File, prev.Number, path, index, c.Serial, c.Year, c.Serial)
		case prev != nil:
			l.diags.Add(c.File, c.NumberLine, c.NumberCol, "网址 /%s 已是 %s（“%s”）的网址：给两份中的一份另写 slug（网址名）", path, prev.File, prev.Number)
		case byIndex[index] != nil:
			prev = byIndex[index]
			l.diags.Add(c.File, c.NumberLine, c.NumberCol, "索引号 %s 与 %s（“%s”）相同：给其中一份写 indexNo（门户网站给它的索引号）", index, prev.File, prev.Number)
		default:
			byPath[path], byIndex[index] = c, c
			out = append(out, c)
			continue
		}
		// Left out, a draft too: the preview says why, with the month's
		// problems.
		l.drafted = slices.DeleteFunc(l.drafted, func(f string) bool { return f == c.File })
	}
	return out
}

// noOrgCode warns, at config.toml's [site], of an organisation code not
// given while a circular's 索引号 is made of it: every one then starts
// with “/”, and an 索引号 once published is not to change (DOMAIN.md §2),
// as they all would when the code is added.
func (l *loader) noOrgCode() {
	k := slices.IndexFunc(l.s.Circulars, func(c *Circular) bool { return c.IndexNo == "" })
	line, col := l.s.Config.place("site.orgCode")
	if line == 0 || l.s.Config.Site.OrgCode != "" || k < 0 {
		return
	}
	l.s.Warnings.Add("config.toml", line, col, "警告：[site] orgCode（机构代码）未填写，通报的索引号都以“/”开头（如 %s）；索引号发布后不应再改，发布前请填写本机关的9位组织机构代码", l.s.IndexNo(l.s.Circulars[k]))
}

// Issuers are the offices that issue c, the lead office (主办机关)
// first: its front matter's issuers, or the site's issuer alone.
func (s *Site) Issuers(c *Circular) []string {
	if len(c.Issuers) > 0 {
		return c.Issuers
	}
	return []string{s.Config.Issuer}
}

// IndexNo is c's 索引号: its front matter's indexNo, or the organisation
// code, the year and the serial (DOMAIN.md §2).
func (s *Site) IndexNo(c *Circular) string {
	if c.IndexNo != "" {
		return c.IndexNo
	}
	return fmt.Sprintf("%s/%d-%05d", s.Config.Site.OrgCode, c.Year, c.Serial)
}

// circular reads a circular's front matter; nil if it is unusable.
func circular(rel string, t *table, f *tomlFile, p *parsed) *Circular {
	r := read(t, CircularFront.Fields)
	c := &Circular{
		File:   rel,
		Number: r.text("number"),
		Title:  r.text("title"),
		To:     r.text("to"),
		Valid:  validity(r, f),
		Topic:  strings.TrimSpace(r.text("topic")),
	}
	var dateOK bool
	c.Date, dateOK = r.date("date")
	formed := r.has("number") && r.has("title") // all but the date
	if m := numberRE.FindStringSubmatch(c.Number); m != nil {
		c.Code = m[1]
		c.Year, _ = strconv.Atoi(m[2])
		c.Serial, _ = strconv.Atoi(m[3])
	} else if t := strings.TrimFunc(c.Number, unicode.IsSpace); t != c.Number && numberRE.MatchString(t) {
		// A space copied with it is not seen in the message's quotes.
		formed = false
		f.errorf("number", "文号“%s”的前后有空格，请删去：写作 \"%s\"", Visible(c.Number), t)
	} else if a := asciiDigits(c.Number); a != c.Number && numberRE.MatchString(a) {
		// An input method's full-width digits: the 文号 is otherwise right.
		formed = false
		f.errorf("number", "文号“%s”中的数字是全角的：发文字号用半角阿拉伯数字（GB/T 15835），写作 \"%s\"", c.Number, a)
	} else if c.Number != "" {
		formed = false
		f.errorf("number", "文号“%s”格式不对，应如“双政办函〔2023〕14号”（六角括号〔〕，四位年份，序号不加“第”和前导零）", c.Number)
	}
	if a := asciiDigits(c.Title); a != c.Title {
		// Printed as written (it is the document's own text), but a title
		// typed with a Chinese input method's digits is a slip: the
		// period's label beside it is read as meant (PeriodText).
		line, col := f.position("title")
		p.warnings.Add(rel, line, col, "警告：标题中有全角数字：标题中的年份、月份和序数用半角阿拉伯数字（GB/T 15835），写作 \"%s\"", a)
	}
	if c.Slug = r.text("slug"); c.Slug != "" && !slugRE.MatchString(c.Slug) {
		formed = false
		f.errorf("slug", "slug（网址名）“%s”只能由小写字母、数字和“-”组成，如 \"fa-%d\"", c.Slug, c.Serial)
	} else if why := unportable(c.Slug); why != "" {
		formed = false
		f.errorf("slug", "slug（网址名）“%s”%s", c.Slug, why)
	}
	c.IndexNo = strings.TrimSpace(r.text("indexNo"))
	p.dataKey = r.text("data")
	p.dated = t.has("date")
	// A circular reports a period that has begun, and within months of
	// its end: one dated before it, or more than half a year after, is a
	// slip of the year or month (2023-12-20 for 2024-01, 2025-03-15 for
	// 2024-02, which would head the archive as its newest: lateMonths).
	// And a 文号's year is the year it was issued in (GB/T 9704: 发文字号).
	if dateOK {
		line, col := f.position("date")
		d := c.Date.Year*12 + c.Date.Month
		span, ok := ParsePeriod(p.dataKey)
		first, last := span.Months()
		switch {
		case ok && d < span.Year*12+first:
			p.warnings.Add(rel, line, col, "警告：成文日期 %s 早于所通报的%s；是不是年份或月份写错了？", c.Date, span.Label())
		case ok && d > span.Year*12+last+lateMonths:
			p.warnings.Add(rel, line, col, "警告：成文日期 %s 晚于所通报的%s半年以上；是不是年份或月份写错了？", c.Date, span.Label())
		case c.Year != 0 && c.Year != c.Date.Year:
			p.warnings.Add(rel, line, col, "警告：成文日期 %s 与文号“%s”的年份不同（文号中的年份是成文的年份）；是不是写错了其中一个？", c.Date, c.Number)
		}
	}
	c.Published, _ = r.date("published")
	if dateOK && c.Published.Before(c.Date) && c.Published != (Date{}) {
		f.errorf("published", "发布日期 %s 早于成文日期 %s：通报成文之后才能发布；是不是年份或月份写错了？", c.Published, c.Date)
	}
	if c.Published != (Date{}) {
		c.Updated = updated(r, f, c.Published, "发布日期")
	} else {
		c.Updated = updated(r, f, c.Date, "成文日期")
	}
	// A correction is told on the page, dated by updated: one undated
	// would read as part of the circular as signed.
	if c.Correction = strings.TrimSpace(r.text("correction")); c.Correction != "" && c.Updated == (Date{}) {
		f.errorf("correction", "写了 correction（更正说明）也要写 updated（更正的日期，不加引号）：页面上写明何时更正")
	}
	p.dataAt[0], p.dataAt[1] = f.position("data")
	c.NumberLine, c.NumberCol = f.position("number")
	switch v := r.text("format"); v {
	case "", "letter":
		c.Letter = true
	case "file":
	default:
		f.errorf("format", "format 应为 letter（信函格式）或 file（文件格式），而不是“%s”", v)
	}
	c.Issuers = issuers(r, f)
	c.IssuersLine, c.IssuersCol = f.position("issuers")
	recordFront(c, r, f)
	c.Entries = entryEdits(r, f)
	p.waivers = frontWaivers(r, f)
	c.Attachments = attachments(rel, r, f)
	if formed && !p.dated {
		// Its aliases are left unread: reading them would report their
		// problems twice over, and a draft has no earlier addresses.
		c.Undated = true
		p.undated = c
	}
	if !formed || !dateOK {
		return nil
	}
	c.Aliases = aliases(r, f, c.URLPath())
	return c
}

// issuers reads a circular's issuers, the offices of a joint circular;
// nil for none. A name left empty, or written twice, would stand as an
// empty or a repeated line in the letterhead and the signature.
// wrongKind reports whether one of keys is written with a value of the
// wrong kind (omit = "true"), which was told as such: what depends on it
// is not told again as missing.
func wrongKind(r *record, keys ...string) bool {
	for _, k := range keys {
		v, there := r.t.m[k]
		if !there {
			continue
		}
		switch r.field(k).Kind {
		case Flag:
			if _, ok := v.(bool); !ok {
				return true
			}
		default:
			if !r.has(k) {
				return true
			}
		}
	}
	return false
}

func issuers(r *record, f *tomlFile) []string {
	if !r.has("issuers") {
		return nil
	}
	elems := r.texts("issuers")
	if raw, _ := r.t.m["issuers"].([]any); len(elems) == 0 && len(raw) == 0 { // items of the wrong kind are told each
		f.errorf(r.at("issuers"), "issuers（联合发文机关）是空的：写上各机关的全称，主办机关在前，如 [\"中共某县委办公室\", \"某县人民政府办公室\"]；不是联合发文就删去这一行")
		return nil
	}
	var out []string
	for k, e := range elems {
		name := strings.TrimSpace(e.value)
		if name == "" {
			f.errorf(e.path, "issuers（联合发文机关）的第%d项是空的：写上机关的全称，或删去这一项", k+1)
			continue
		}
		if j := slices.Index(out, name); j >= 0 {
			f.errorf(e.path, "issuers（联合发文机关）中“%s”写了两次：同一机关只列一次", name)
			continue
		}
		out = append(out, name)
	}
	return out
}

// checkIssuers reports a circular's issuers that do not name the site's
// issuer ([issuer] name): the site publishes its own office's circulars,
// and one without it is another office's, or has its name misspelt. Its
// issuer need not lead: a 县政府办公室's site publishes the circulars it
// issues with the 县委办公室, whose name comes first by custom (两办), and
// whose 文号 the circular has.
func (l *loader) checkIssuers(c *Circular) {
	own := l.s.Config.Issuer
	if len(c.Issuers) == 0 || own == "" || slices.Contains(c.Issuers, own) {
		return
	}
	hint := "；写错了名称就改成与 config.toml 相同"
	if near := Nearest(own, c.Issuers); near != "" {
		hint = fmt.Sprintf("；“%s”是不是它写错了？", near)
	}
	l.diags.Add(c.File, c.IssuersLine, c.IssuersCol, "issuers（联合发文机关）中没有本站的发文机关“%s”（config.toml 的 [issuer] name）：本站发布本机关发出的通报，联合发文时本机关是其中之一（不必在前）%s", own, hint)
}

// notes reads the 附注: a string, or a list of them, each to be put in
// parentheses on a line of its own; a note written empty is an error at
// it, as a line of “（）” it would be.
func notes(r *record, f *tomlFile) []string {
	if !r.has("note") {
		return nil
	}
	elems := r.texts("note")
	if len(elems) == 0 {
		f.errorf(r.at("note"), "note（附注）是空的：写上附注，如 [\"此件公开发布\"]，或删去这一行")
		return nil
	}
	var out []string
	for k, e := range elems {
		note := strings.TrimSpace(e.value)
		// Written with its parentheses or without: the page adds them.
		// Not those of （一）…（二）, which open and close other parts.
		for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
			if strings.HasPrefix(note, p[0]) && strings.HasSuffix(note, p[1]) && strings.Count(note, p[0]) == 1 && strings.Count(note, p[1]) == 1 {
				note = strings.TrimSpace(note[len(p[0]) : len(note)-len(p[1])])
			}
		}
		switch {
		case note == "" && len(elems) == 1:
			// note = "" has been read as no note: a key kept to fill
			// in later.
			return nil
		case note == "":
			f.errorf(e.path, "note（附注）的第%d项是空的：写上附注，或删去这一项", k+1)
			continue
		}
		out = append(out, note)
	}
	return out
}

// recordFront reads what a circular says below its date: the 附注 and the
// 版记 (抄送, and in 文件格式 印发机关 and 印发日期).
func recordFront(c *Circular, r *record, f *tomlFile) {
	c.Notes = notes(r, f)
	c.CC = strings.TrimRight(strings.TrimSpace(r.text("cc")), "。.")
	c.Printer = strings.TrimSpace(r.text("printer"))
	c.Printed, _ = r.date("printed")
	switch {
	case r.has("printed") && c.Letter:
		f.errorf("printed", "printed（印发日期）只用于文件格式（format = \"file\"）：信函格式的版记不列印发机关和印发日期")
	case r.has("printer") && !r.t.has("printed"): // a printed of the wrong kind is reported as such
		f.errorf("printer", "写了 printer（印发机关）也要写 printed（印发日期）：版记的印发机关和印发日期写在同一行")
	}
}

// entryEdits reads a circular's [[entry]]s: what each says of itself
// alone. Whether its indicator is one the month reports is checked with
// the month (checkEntries), which the parse, cached by the file, does not
// see.
func entryEdits(r *record, f *tomlFile) []EntryEdit {
	var out []EntryEdit
	seen := map[string]int{}
	for _, t := range r.tables("entry") {
		rec := read(t, CircularFront.Field("entry").Fields)
		if !rec.has("indicator") {
			continue // told as missing
		}
		e := EntryEdit{Indicator: rec.text("indicator"), After: strings.TrimSpace(rec.text("after")), Ranking: strings.TrimSpace(rec.text("ranking")), Omit: rec.flag("omit")}
		e.Line, e.Col = f.position(rec.at("indicator"))
		switch {
		case seen[e.Indicator] > 0:
			f.errorf(rec.at("indicator"), "指标“%s”已在第 %d 行的 [[entry]] 中调整过：同一项的调整写在一个 [[entry]] 中", e.Indicator, seen[e.Indicator])
			continue
		case e.Omit && (e.After != "" || e.Ranking != ""):
			f.errorf(rec.at("omit"), "omit = true 不列出这一项，after、ranking 就无处可写：删去 omit 或删去 after、ranking")
			continue
		case !e.Omit && e.After == "" && e.Ranking == "" && !wrongKind(rec, "omit", "after", "ranking"):
			f.errorf(t.path, "这个 [[entry]] 没有调整什么：写 after（排名句后加一段话）、ranking（代替排名句）或 omit = true（不列出这一项）")
			continue
		}
		seen[e.Indicator] = e.Line
		out = append(out, e)
	}
	return out
}

// frontWaivers reads a circular's [[waiver]]s as written.
func frontWaivers(r *record, f *tomlFile) []frontWaiver {
	var out []frontWaiver
	for _, t := range r.tables("waiver") {
		rec := read(t, waiverFields)
		fw := frontWaiver{w: Waiver{Action: rec.text("action"), Reason: rec.text("reason"), Last: rec.flag("last")},
			unit: rec.text("unit"), hasUnit: rec.has("unit"), hasAc: rec.has("action")}
		fw.w.Line, fw.w.Col = f.position(t.path)
		fw.unitAt[0], fw.unitAt[1] = f.position(rec.at("unit"))
		fw.actAt[0], fw.actAt[1] = f.position(rec.at("action"))
		fw.lastAt[0], fw.lastAt[1] = f.position(rec.at("last"))
		out = append(out, fw)
	}
	return out
}

// circularWaivers resolves circular c's [[waiver]]s against the site: a
// quarter's, half's or year's rules may be waived in its circular; a
// month's are waived in its month file, where its hand entries are,
// and a waiver written in its circular is an error there. Whether a rule
// gives the measure a waiver withholds is known only once the period is
// ranked (rank.Results.Err).
func (l *loader) circularWaivers(c *Circular, ws []frontWaiver, span Period) []Waiver {
	if len(ws) == 0 {
		return nil
	}
	if span.Kind == Monthly {
		file := "data/" + span.Key() + ".toml"
		l.diags.Add(c.File, ws[0].w.Line, ws[0].w.Col, "[[waiver]]（免予措施）写在 %s 中：月度通报的措施由当月数据得出，通报中只写季度、半年、年度的", file)
		return nil
	}
	actions := l.s.Config.Terms.Actions
	var out []Waiver
	for _, fw := range ws {
		w := fw.w
		if fw.hasUnit {
			if w.Unit = l.s.units[fw.unit]; w.Unit == nil {
				l.diags.Add(c.File, fw.unitAt[0], fw.unitAt[1], "%s", l.unknownUnit(fw.unit))
			}
		}
		if fw.hasAc && !slices.Contains(actions, w.Action) {
			l.diags.Add(c.File, fw.actAt[0], fw.actAt[1], "%s", badAction(w.Action, actions))
			continue
		}
		if w.Last && w.Unit != nil && w.Unit.Kind != Township {
			l.diags.Add(c.File, fw.lastAt[0], fw.lastAt[1], "“%s”不参加%s综合考核排名，last = true（一票否决，排名列最后）无从说起：只免予措施的删去 last", w.Unit.Name, l.s.Config.Terms.Unit)
			continue
		}
		if w.Unit != nil && w.Action != "" {
			out = append(out, w)
		}
	}
	return out
}

// checkEntries checks circular c's [[entry]]s against the period it
// reports: a month, and one of its results each, ranking townships where
// the edit replaces its ranking sentences. A misspelt id, or an entry
// copied from last month's circular for an indicator not reported this
// month, would otherwise edit nothing, silently.
func (l *loader) checkEntries(c *Circular, span Period) {
	if len(c.Entries) == 0 {
		return
	}
	if span.Kind != Monthly {
		l.diags.Add(c.File, c.Entries[0].Line, c.Entries[0].Col, "[[entry]] 调整的是 indicators 短代码写出的条目，只能用于月度通报：%s的通报没有各项指标", span.Label())
		return
	}
	m := l.s.months[span.Key()]
	for _, e := range c.Entries {
		ind := l.s.Indicator(e.Indicator)
		switch {
		case ind == nil:
			hint := l.s.IndicatorHint(e.Indicator)
			if hint == "" {
				hint = "：data/indicators.toml 中没有这个 id，这个 [[entry]] 什么也调整不了；写上要调整的指标的 id，或删去它"
			}
			l.diags.Add(c.File, e.Line, e.Col, "未知指标“%s”%s", e.Indicator, hint)
		case m == nil:
		case m.Result(e.Indicator) == nil && !slices.ContainsFunc(ind.Children, func(ch *Indicator) bool { return m.Result(ch.ID) != nil }):
			l.diags.Add(c.File, e.Line, e.Col, "%s没有指标“%s”的考核结果（%s 中没有它的 [[result]]），通报中本来就没有这一项：删去这个 [[entry]]", m.Label(), ind.Name, m.File)
		case e.Ranking != "" && ind.Townships == nil:
			l.diags.Add(c.File, e.Line, e.Col, "指标“%s”不给%s排名，没有排名句可代替：要在这一项后加一段话，写 after", ind.Name, l.s.Config.Terms.Unit)
		}
	}
}

// Validities are the values of front matter valid (有效性, DESIGN.md §6).
var Validities = []string{"有效", "失效", "废止"}

// validity reads valid: 有效 when absent.
func validity(r *record, f *tomlFile) string {
	v := r.text("valid")
	if !r.has("valid") {
		return Validities[0]
	}
	if !slices.Contains(Validities, v) {
		f.errorf("valid", "valid（有效性）应为“有效”“失效”或“废止”，而不是“%s”", v)
		return Validities[0]
	}
	return v
}

// hugoLayout says, of a layout named as a Hugo site names it — a
// developer who knows Hugo copies its layouts over — which of tongbao's
// it would be, or "" for any other name.
func hugoLayout(name string) string {
	switch name {
	case "_default/baseof.html", "baseof.html":
		return "Hugo 的 baseof.html 在 tongbao 中是 layouts/base.html"
	case "_default/single.html", "single.html":
		return "Hugo 的 single.html 在 tongbao 中分为 layouts/page.html（普通页面）和 layouts/circular.html（通报）"
	case "_default/list.html":
		return "Hugo 的 _default/list.html 在 tongbao 中是 layouts/list.html（文件夹的页面列表），通报的列表是 archive.html 和 year.html"
	case "index.html", "_default/home.html", "home/index.html":
		return "Hugo 的首页模板在 tongbao 中是 layouts/home.html"
	}
	for hugo, ours := range map[string]string{"_partials/": "partials/", "_shortcodes/": "shortcodes/"} {
		if rest, ok := strings.CutPrefix(name, hugo); ok {
			return fmt.Sprintf("tongbao 没有 Hugo 的 %s 文件夹，这个模板应为 layouts/%s%s", strings.TrimSuffix(hugo, "/"), ours, rest)
		}
	}
	if strings.HasPrefix(name, "_default/") {
		return "tongbao 没有 Hugo 的 _default 文件夹：页面模板直接放在 layouts/ 下，只认内置的文件名（home.html、page.html、circular.html、list.html 等）"
	}
	return ""
}

// layouts reads the site's layouts/ and fills in the built-in theme's
// file of every name the site does not have: the same path below
// layouts/ wins, as in Hugo's theme lookup.
func (l *loader) layouts() {
	own := map[string]bool{}
	builtin := theme.Names()
	for _, rel := range l.walk("layouts") {
		name := strings.TrimPrefix(rel, "layouts/")
		own[name] = true
		asset := strings.HasPrefix(name, "assets/")
		// Render reads the page layouts and shortcodes' markup by the
		// theme's names, and partials/ whole: any other template is
		// never read, and editing it would change nothing on the page.
		if !asset && path.Ext(name) == ".html" && !strings.HasPrefix(name, "partials/") && !slices.Contains(builtin, name) {
			if instead := hugoLayout(name); instead != "" {
				l.s.Warnings.Add(rel, 1, 1, "警告：不覆盖内置主题的任何文件，生成时不会用到：%s；运行 tongbao layouts 查看", instead)
			} else {
				l.s.Warnings.Add(rel, 1, 1, "警告：不覆盖内置主题的任何文件，生成时不会用到（页面模板和短代码模板只认内置的文件名，局部模板放在 partials/ 下）；运行 tongbao layouts 查看")
			}
		}
		data := readFile(l.root, rel, &l.diags)
		if data != nil && !asset {
			data = normalize(rel, data, &l.diags)
		}
		if data != nil {
			l.changedSinceCopy(rel, data)
			l.addLayout(name, File{Data: data, Source: rel})
		}
	}
	for _, name := range builtin {
		if !own[name] {
			data, _ := theme.Read(name)
			l.addLayout(name, File{Data: data, Source: theme.Label + name})
		}
	}
	byName := func(a, b File) int { return strings.Compare(a.Name, b.Name) }
	slices.SortFunc(l.s.Layouts, byName)
	slices.SortFunc(l.s.Assets, byName)
}

// changedSinceCopy warns of the site's layout file rel, holding data,
// when the built-in file it was copied from has changed since
// (ChangedSinceCopy). Only a file with a record is compared, to hashes
// computed once per process; a file copied by hand is never warned of.
func (l *loader) changedSinceCopy(rel string, data []byte) {
	if name, old, now, changed := ChangedSinceCopy(data); changed {
		l.s.Warnings.Add(rel, 1, 1, "警告：复制以后，内置的 %s 已经改了：运行 tongbao layouts --diff %s 查看改了什么；合并后把第一行的 %s 改为 %s", name, name, old, now)
	}
	// A copy of a file the theme has since given up: the built-in
	// layouts no longer call it, and a partial of that name is read
	// only where a layout of the site's own calls it — a header's
	// pager that is no longer on any page, with nothing said.
	if name, _, _, _, ok := copyRecord(data); ok {
		if _, builtin := theme.Read(name); !builtin {
			l.s.Warnings.Add(rel, 1, 1, "警告：复制自内置的 %s，而现在的内置主题已没有这个文件：内置模板不再调用它，除非本站自己的模板调用它，它不会出现在页面上；运行 tongbao layouts 查看现在的内置文件", name)
		}
	}
}

// ChangedSinceCopy reads the record at the start of data, a site's layout
// file, that tongbao layouts --copy wrote (theme.Record): the built-in
// file it names, the hash recorded and that file's hash now; changed when
// they differ, as after a tongbao that changed the file. A file without a
// record (copied by hand), or naming a file the theme has not, is not.
// The loader warns of a changed copy, and tongbao layouts marks it.
func ChangedSinceCopy(data []byte) (name, recorded, now string, changed bool) {
	name, recorded, _, _, ok := copyRecord(data)
	if !ok {
		return "", "", "", false
	}
	now, ok = theme.Hash(name)
	return name, recorded, now, ok && !strings.EqualFold(now, recorded)
}

// copyRecord finds the record of tongbao layouts --copy (theme.Record) at
// the start of data, after a byte order mark an editor wrote (a
// stylesheet or script is not normalized): the name and hash it records,
// and the bytes it takes, its line end with it.
func copyRecord(data []byte) (name, hash string, start, end int, ok bool) {
	start = len(data) - len(bytes.TrimPrefix(data, []byte("\uFEFF")))
	name, hash, n, ok := theme.ParseRecord(data[start:])
	return name, hash, start, start + n, ok
}

// addLayout files f under name, its path below layouts/: an asset, a
// template, or neither (a file layouts/ may hold that no build reads).
func (l *loader) addLayout(name string, f File) {
	if rest, ok := strings.CutPrefix(name, "assets/"); ok {
		f.Name = rest
		l.s.Assets = append(l.s.Assets, f)
	} else if path.Ext(name) == ".html" {
		f.Name = name
		l.s.Layouts = append(l.s.Layouts, f)
	}
}

// staleLayouts warns of a site's layout, copied from the built-in theme
// before the theme showed something the site's circulars or pages now
// have, that does not show it: attachments would be written but linked
// from nowhere, a 附注 or a 版记 silently dropped, a joint circular
// shown as its lead office's alone.
func (l *loader) staleLayouts() {
	s := l.s
	used := map[string][]string{} // by layout, what the input has that it should show
	for _, c := range s.Circulars {
		for field, has := range map[string]bool{".Attachments": len(c.Attachments) > 0, ".Note": len(c.Notes) > 0, ".CC": c.CC != "", ".Printed": c.Printed != (Date{}), ".Issuers": len(c.Issuers) > 1} {
			if has && !slices.Contains(used["circular.html"], field) {
				used["circular.html"] = append(used["circular.html"], field)
			}
		}
	}
	for _, p := range s.Pages {
		if len(p.Attachments) > 0 && len(used["page.html"]) == 0 {
			used["page.html"] = []string{".Attachments"}
		}
	}
	// An [[entry]]'s after and ranking are printed by the indicators
	// shortcode's .After and .Rankings: one copied before after was, or
	// one printing no ranking sentences, drops the leadership's words.
	entries := map[string]string{} // by field, the first circular whose [[entry]] needs it
	for _, c := range s.Circulars {
		for _, e := range c.Entries {
			for field, has := range map[string]bool{".After": e.After != "", ".Rankings": e.Ranking != ""} {
				if _, ok := entries[field]; has && !ok {
					entries[field] = c.File
					used[indicatorsLayout] = append(used[indicatorsLayout], field)
				}
			}
		}
	}
	// With unit groups /rankings/ and an indicator's page give each
	// group's matrices a section of its own (.Groups), and their .Years
	// is empty: a layout copied before shows no heat map, no ranks of
	// the units, at all.
	if len(s.Groups) > 0 && len(s.Months) > 0 {
		for _, name := range groupedLayouts {
			used[name] = []string{".Groups"}
		}
	}
	lead := l.unitLead()
	for field := range lead {
		used[unitLayout] = append(used[unitLayout], field)
	}
	slices.Sort(used[unitLayout])
	for _, f := range s.Layouts {
		fields := used[f.Name]
		if f.Builtin() || len(fields) == 0 {
			continue
		}
		if f.Name == unitLayout {
			l.staleUnitLayout(f, fields, lead)
			continue
		}
		slices.Sort(fields)
		var missing []string
		for _, field := range fields {
			if !bytes.Contains(f.Data, []byte(field)) {
				missing = append(missing, field)
			}
		}
		if len(missing) == 0 {
			continue
		}
		if slices.Contains(groupedLayouts, f.Name) {
			grouped, lost := groupedLost(f.Name)
			s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有用到 .Groups：本站分组排名，%s按组分节，写在 .Groups 中（.Years 是空的），页面上不会显示%s。运行 tongbao layouts %[1]s 查看内置模板的写法", f.Name, grouped, lost)
			continue
		}
		if f.Name == indicatorsLayout {
			var lost []string
			for _, field := range missing {
				key := map[string]string{".After": "after", ".Rankings": "ranking"}[field]
				lost = append(lost, fmt.Sprintf("%s 中 [[entry]] 的 %s", entries[field], key))
			}
			s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有用到 %s：通报中不会显示 %s（及其他通报中的同类调整）。运行 tongbao layouts %s 查看内置模板的写法", f.Name, strings.Join(missing, "、"), strings.Join(lost, "、"), f.Name)
			continue
		}
		s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有用到 %s：页面上不会显示附件、附注、版记或联合发文机关（.Issuers：版头、落款只有主办机关）中的这些内容。运行 tongbao layouts %s 查看内置模板的写法", f.Name, strings.Join(missing, "、"), f.Name)
	}
}

// indicatorsLayout is the indicators shortcode's markup, below layouts/.
const indicatorsLayout = "shortcodes/indicators.html"

// groupedLayouts are the layouts, below layouts/, whose matrices a site
// with unit groups has in .Groups, a section a group.
var groupedLayouts = []string{"rankings.html", "indicator.html"}

// groupedLost says what of the page of a layout of groupedLayouts is in
// .Groups, and what the page would not show without it.
func groupedLost(layout string) (grouped, lost string) {
	if layout == "indicator.html" {
		return "指标页的各单位排名", "各单位的排名"
	}
	return "考核排名页的综合考核排名", "综合考核排名"
}

// unitLayout is a unit's page, below layouts/.
const unitLayout = "unit.html"

// unitLead is what a unit's page opens with that this site's data gives
// (internal/render's UnitView), by the field unit.html shows it by, each
// with what a page would not show without it: a unit.html copied from the
// theme before the leads were written opens with none of it. And the
// period of its 负责指标 list, which its items said each before.
func (l *loader) unitLead() map[string]string {
	s := l.s
	lead := map[string]string{}
	if len(s.Months) == 0 {
		return lead
	}
	sorted := slices.ContainsFunc(s.Months, func(m *Month) bool { return len(m.Categories) > 0 })
	if len(s.Townships) > 0 || sorted {
		lead[".Latest"] = "最新一期的排名或考核排类"
	}
	if len(s.Townships) > 0 {
		lead[".Lagging"] = "排名靠后的单项指标"
		if s.Config.Ranking.Overall && len(s.Groups) > 0 {
			// The indicators lagged in overall but not in the group,
			// said apart (另有全县排名后十的单项指标).
			lead[".OverallLagging"] = s.Config.Terms.Scope + "排名靠后而组内不靠后的单项指标"
		}
	}
	if held := s.HigherHeld(); held.Any() && s.Owned() {
		scope := s.Config.Terms.City
		if !held.City {
			scope = s.Config.Terms.Peer // the peers' list (排三区最后)
		}
		lead[".Bottom"] = "负责指标中排" + scope + "靠后的单项目标"
		// The 负责指标 list's period, said once above it: its items no
		// longer say it each.
		lead[".OwnedPeriod"] = "负责指标的排名是哪一期的"
	}
	if len(s.Config.Rules) > 0 {
		lead[".PeriodMeasures"] = "本期的奖惩"
		// The period they are of, which a copy said 本月 of: false of a
		// unit no longer assessed, whose lead's period is long past.
		lead[".MeasuresWhen"] = "奖惩是哪一期的"
		lead[".YearMeasures"] = "本年的奖惩"
	}
	if slices.ContainsFunc(s.Config.Rules, func(r Rule) bool { return r.Streak > 1 }) {
		lead[".Streaks"] = "离规则的奖惩还差几期"
	}
	return lead
}

// staleUnitLayout warns of f, the site's unit.html, not showing the
// fields of the lead it should (fields, sorted; what each shows in lead).
// A field is one whole name: .LatestPath is not .Latest.
func (l *loader) staleUnitLayout(f File, fields []string, lead map[string]string) {
	var missing, lost []string
	for _, field := range fields {
		if !regexp.MustCompile(regexp.QuoteMeta(field) + `\b`).Match(f.Data) {
			missing = append(missing, field)
			lost = append(lost, lead[field])
		}
	}
	if len(missing) == 0 {
		return
	}
	l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有用到 %s：单位页不会显示%s。运行 tongbao layouts %s 查看内置模板的写法", f.Name, strings.Join(missing, "、"), strings.Join(lost, "、"), f.Name)
}

// lostSiteMap warns of a site's own layout in place of a built-in one
// that lists the 网站导航 (.Site.Map: the built-in footer) when no layout
// of the site's lists it any more and the site has pages at its top
// (关于本站) that nothing else links to: the main navigation has no room
// for them, and a portal's footer put in the built-in one's place would
// leave them reachable from nowhere. A footer that links them by their
// addresses, or a page whose body does, reaches them: those are not
// named, and with none left nothing is said.
func (l *loader) lostSiteMap() {
	var own, replaced []File
	for _, f := range l.s.Layouts {
		if f.Builtin() {
			continue
		}
		if bytes.Contains(f.Data, []byte(".Map")) {
			return
		}
		own = append(own, f)
		if b, ok := theme.Read(f.Name); ok && bytes.Contains(b, []byte(".Map")) {
			replaced = append(replaced, f)
		}
	}
	if len(replaced) == 0 {
		return
	}
	// A page another page's body links to, or that a layout of the
	// site's own links to by its address (a portal's footer of 关于本站 |
	// 联系我们), is reached without the 网站导航.
	linked := map[string]bool{}
	for _, c := range l.s.Circulars {
		for _, pl := range c.PageLinks {
			linked[pl.File] = true
		}
	}
	for _, p := range l.s.Pages {
		for _, pl := range p.PageLinks {
			linked[pl.File] = true
		}
	}
	var top []string
	for _, p := range l.s.Pages {
		if p.Path == "" || strings.Count(p.Path, "/") != 1 || linked[p.File] {
			continue
		}
		addr := regexp.MustCompile(`["'/]` + regexp.QuoteMeta(strings.TrimSuffix(p.Path, "/")) + `["'/]`)
		if !slices.ContainsFunc(own, func(f File) bool { return addr.Match(f.Data) }) {
			top = append(top, p.Title)
		}
	}
	if len(top) == 0 {
		return
	}
	for _, f := range replaced {
		l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有列出网站导航（.Site.Map）：%s只有网站导航链接到，将无处可达。运行 tongbao layouts %s 查看内置模板的写法", f.Name, strings.Join(top, "、"), f.Name)
	}
}

// staleStylesheets warns of a site's stylesheet in place of a built-in
// one (layouts/assets/css/site.css) that selects by none of some classes
// or data attributes the built-in one does (theme.StyleNames): a copy
// made before the theme wrote them, which has no rule for what they show
// or hide — the 适老模式's chart (.rank-chart-senior) drawn under the
// others in every display. What is compared is the names, not the file's
// hash (layouts --copy's record, ChangedSinceCopy): a copy made by hand
// has no record, and one edited only in its values, or rewritten to the
// portal's own design that still styles every name, is not stale in what
// the pages need. A rule a newer theme adds for a name the copy already
// has is not found so; the record tells of that, where there is one.
func (l *loader) staleStylesheets() {
	for _, f := range l.s.Assets {
		if f.Builtin() {
			continue
		}
		name := "assets/" + f.Name
		now, ok := theme.BuiltinStyleNames(name)
		if !ok {
			continue
		}
		var missing []string
		own := theme.StyleNames(f.Data)
		for _, n := range now {
			if _, found := slices.BinarySearch(own, n); !found {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			continue
		}
		listed := strings.Join(missing, "、")
		if len(missing) > 12 {
			listed = fmt.Sprintf("%s等 %d 个", strings.Join(missing[:12], "、"), len(missing))
		}
		l.s.Warnings.Add(f.Source, 1, 1, "警告：这个样式表覆盖了内置的 %s，却没有现在的内置样式表用到的 %s：它复制自较早的 tongbao，页面上这些类和属性所在的部分会显示得不对。运行 tongbao layouts --diff %s 查看两者的不同，把这个文件移开，用 tongbao layouts --copy %s 取得现在的内置样式表，再重新加上本站的改动（只改颜色、字体的，可以写在 layouts/assets/css/custom.css 中，不必覆盖 %s）", name, listed, name, name, path.Base(name))
	}
}

// unlinkedCustomCSS warns of a site's own layout in place of a built-in
// one that links layouts/assets/css/custom.css (partials/head.html) when
// the site has that stylesheet and none of its own layouts names it: a
// head.html copied before the theme linked it, and the site's colours
// written there would change nothing, silently.
func (l *loader) unlinkedCustomCSS() {
	if !slices.ContainsFunc(l.s.Assets, func(a File) bool { return a.Name == "css/custom.css" && !a.Builtin() }) {
		return
	}
	var replaced []File
	for _, f := range l.s.Layouts {
		if f.Builtin() {
			continue
		}
		if bytes.Contains(f.Data, []byte("custom.css")) {
			return
		}
		if b, ok := theme.Read(f.Name); ok && bytes.Contains(b, []byte(`"css/custom.css"`)) {
			replaced = append(replaced, f)
		}
	}
	for _, f := range replaced {
		l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 %s，却没有链接站点的 layouts/assets/css/custom.css：它的样式不会用到。运行 tongbao layouts %s 查看内置模板的写法", f.Name, f.Name)
	}
	// The built-in head.html links it, but only where a page calls it:
	// a base.html of the site's own (a portal's page skeleton) may not.
	// A call in a partial of the site's own counts, as baseBlocks counts
	// it: the skeleton may be split into partials base.html calls.
	if len(replaced) == 0 {
		calls := slices.ContainsFunc(l.s.Layouts, func(f File) bool {
			return !f.Builtin() && (f.Name == "base.html" || strings.HasPrefix(f.Name, "partials/")) && bytes.Contains(f.Data, []byte(`"partials/head.html"`))
		})
		for _, f := range l.s.Layouts {
			if f.Name == "base.html" && !f.Builtin() && !calls {
				l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板没有调用 partials/head.html（内置的它链接站点的 layouts/assets/css/custom.css），也没有自己链接 custom.css：它的样式不会用到。运行 tongbao layouts base.html 查看内置模板的写法")
			}
		}
	}
}

// baseBlocks warns of a base.html of the site's own that does not call
// the blocks the page layouts define: "main", every page's body, and
// "head", where the search page puts its index's manifest (search.js
// reads it) and an old address its redirect. A portal's page skeleton put
// in place of the built-in one would otherwise build, with pages empty,
// or a search that fails and old addresses that lead nowhere.
//
// A call in a partial of the site's own counts: a portal's skeleton may
// be split into partials base.html calls.
func (l *loader) baseBlocks() {
	calls := func(re *regexp.Regexp) bool {
		return slices.ContainsFunc(l.s.Layouts, func(f File) bool {
			return !f.Builtin() && (f.Name == "base.html" || strings.HasPrefix(f.Name, "partials/")) && re.Match(f.Data)
		})
	}
	for _, f := range l.s.Layouts {
		if f.Name != "base.html" || f.Builtin() {
			continue
		}
		if !calls(headBlockRE) {
			l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 base.html，却没有调用 {{block \"head\" .}}{{end}}：搜索页的索引清单、旧网址转到新网址的跳转写在页面模板的 head 中，不会出现在页面上，搜索和跳转都将失效。运行 tongbao layouts base.html 查看内置模板的写法")
		}
		if !calls(mainBlockRE) {
			l.s.Warnings.Add(f.Source, 1, 1, "警告：这个模板覆盖了内置的 base.html，却没有调用 {{template \"main\" .}}：每个页面的正文都不会出现在页面上。运行 tongbao layouts base.html 查看内置模板的写法")
		}
	}
}

// pageFrame warns of a page skeleton of the site's own — base.html, or
// a partial it calls, as a portal's header put in place of the built-in
// one — that leaves out what the built-in one gives every page and a
// government site must have: the language of the page (<html lang>, by
// which a screen reader chooses its voice), the link that skips to the
// body, the site's search box and the 适老模式 button (senior.js wires
// it, and without it the mode cannot be turned on). They are looked for
// in the text of base.html and of every partial it calls, directly or
// through another (by name: "partials/header.html"), the built-in ones
// included. A site whose skeleton is the built-in one is not looked at.
func (l *loader) pageFrame() {
	byName := map[string]File{}
	for _, f := range l.s.Layouts {
		byName[f.Name] = f
	}
	base, ok := byName["base.html"]
	if !ok {
		return
	}
	var text []byte
	own := "" // the first of the site's own files among them
	seen := map[string]bool{"base.html": true}
	for todo := []File{base}; len(todo) > 0; todo = todo[1:] {
		f := todo[0]
		text = append(text, f.Data...)
		if own == "" && !f.Builtin() {
			own = f.Source
		}
		for _, m := range partialNameRE.FindAllSubmatch(f.Data, -1) {
			if name := string(m[1]); !seen[name] {
				seen[name] = true
				if p, ok := byName[name]; ok {
					todo = append(todo, p)
				}
			}
		}
	}
	if own == "" {
		return
	}
	var missing []string
	for _, c := range []struct {
		re   *regexp.Regexp
		what string
	}{
		{htmlLangRE, "页面的语言（<html lang=\"zh-CN\">：屏幕阅读器按它选择朗读的语言）"},
		{skipLinkRE, "跳到正文的链接（<a class=\"skip-link\" href=\"#main\">跳到正文</a>，正文在 <main id=\"main\"> 中）"},
		{searchFormRE, "站内搜索框（action=\"{{url \"search/\"}}\" 的表单）"},
		{seniorRE, "适老模式的按钮（data-senior-toggle）"},
	} {
		if !c.re.Match(text) {
			missing = append(missing, c.what)
		}
	}
	if len(missing) > 0 {
		l.s.Warnings.Add(own, 1, 1, "警告：本站的页面框架（base.html 和它调用的局部模板）没有%s：内置的 base.html 和 partials/header.html 都有。运行 tongbao layouts partials/header.html 查看内置模板的写法", strings.Join(missing, "、"))
	}
}

var (
	partialNameRE = regexp.MustCompile(`"(partials/[^"]+)"`)
	htmlLangRE    = regexp.MustCompile(`(?i)<html\s[^>]*\blang=`)
	skipLinkRE    = regexp.MustCompile(`href=["']#`)
	searchFormRE  = regexp.MustCompile(`"search/"`)
	seniorRE      = regexp.MustCompile(`data-senior-toggle`)
	headBlockRE   = regexp.MustCompile(`\{\{-?\s*(?:block|template)\s+"head"`)
	mainBlockRE   = regexp.MustCompile(`\{\{-?\s*(?:block|template)\s+"main"`)
)

// lateMonths is how many months after the end of the period it reports a
// circular is dated at the latest without a warning: a year's is issued
// by the spring after it.
const lateMonths = 6
