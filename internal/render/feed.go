package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the machine-readable front door of the site (DESIGN.md
// §7): the Atom feed of circulars, the sitemap and robots.txt.
//
// Addresses are absolute (DESIGN.md §7): a sitemap's <loc> must be, and a
// feed read outside the site has nothing to resolve a path against. The
// host is baseURL's ("https://portal.example.gov.cn/tongbao/") or, when
// baseURL is a bare path ("/", "/tongbao/"), [site] domain's, over https
// (core.public). With neither, links stay path-absolute and `tongbao
// check` warns.
//
// Ids are not addresses: a feed reader shows again as new any entry whose
// id it has not seen (RFC 4287 §4.2.6: an id never changes), so an id is
// a tag: URI (RFC 4151) of nothing the site's address or a clerk's later
// edit changes — see tagAuthority and firstPath.

// feedEntries is the most entries the feed carries.
const feedEntries = 50

// feeds are the outputs of this file.
type feeds struct{ *core }

func (f *feeds) jobs() []job {
	// The feed's summaries name who came first in each period.
	feed := append([]input{global(), fronts()}, f.refs()...)
	for _, p := range f.res.Periods {
		feed = append(feed, compositeIn(p))
	}
	// Its entries' enclosures state their attachments' sizes.
	for _, i := range f.feedCirculars() {
		feed = append(feed, attachmentInputs(f.s.Circulars[i].Attachments)...)
	}
	return []job{
		{path: "feed.xml", owner: own("Atom 订阅"), in: feed, fn: f.feed},
		// The sitemap lists every page: the catalogue's (global), the
		// circulars' and the plain pages' (fronts).
		{path: "sitemap.xml", owner: own("网站地图"), in: []input{global(), fronts()}, fn: f.sitemap},
		{path: "robots.txt", owner: own("robots.txt"), in: []input{global()}, fn: f.robots, fallback: true},
	}
}

// tagAuthority is who mints the ids: [site] domain, the site's name
// whatever host or path it is served from (a --baseURL for a test server
// too), or else baseURL's host; "tongbao.invalid" when neither is known.
// It is lower case and without a port, as RFC 4151's DNS name is.
func (f *feeds) tagAuthority() string {
	host := strings.TrimSpace(f.s.Config.Site.Domain)
	if host == "" {
		host = f.base.Host
	}
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	if host == "" {
		return "tongbao.invalid"
	}
	return strings.ToLower(host)
}

// tagID is a tag: URI (RFC 4151) of the authority, a year and a path
// below the site's root, as the site at baseURL "/" has always written
// its ids: tag:www.example.gov.cn,2023:/circulars/2023/14/. The path is
// written as it is, not percent-encoded, as the ids were first written.
func (f *feeds) tagID(year int, p string) string {
	return fmt.Sprintf("tag:%s,%04d:/%s", f.tagAuthority(), year, strings.TrimPrefix(p, "/"))
}

// circularAlias is an earlier address of a circular, "circulars/2023/14/"
// of its alias's file "circulars/2023/14/index.html", and the year in it.
var circularAlias = regexp.MustCompile(`^(circulars/([0-9]{4})/[^/]+/)index\.html$`)

// firstPath is the address circular c was first published at, and its
// year: the first of its aliases that is a circular's address, since a
// clerk who corrects a 文号 keeps the old address working by writing it
// there (docs/reference.md), or else its own. Its entry's id is made of
// it, so that a corrected 文号 is not a new circular to a feed reader.
func firstPath(c *site.Circular) (string, int) {
	for _, a := range c.Aliases {
		if m := circularAlias.FindStringSubmatch(a.Path); m != nil {
			year, _ := strconv.Atoi(m[2])
			return m[1], year
		}
	}
	return c.URLPath(), c.Year
}

// entryID is the permanent id of circular c's entry.
func (f *feeds) entryID(c *site.Circular) string {
	p, year := firstPath(c)
	return f.tagID(year, p)
}

// feedTagYear is the date of the feed's own tag: URI.
const feedTagYear = 2000

// feedTime is a date at midnight China Standard Time, as Atom writes it.
func feedTime(d site.Date) string {
	return d.String() + "T00:00:00+08:00"
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel    string `xml:"rel,attr,omitempty"`
	Type   string `xml:"type,attr,omitempty"`
	Href   string `xml:"href,attr"`
	Title  string `xml:"title,attr,omitempty"`
	Length int64  `xml:"length,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string `xml:"title"`
	ID        string `xml:"id"`
	Updated   string `xml:"updated"`
	Published string `xml:"published"`
	// Authors are a joint circular's issuers, the lead first; none when
	// the site's issuer alone issues it, whom the feed's author names.
	Authors []atomPerson `xml:"author"`
	Links   []atomLink   `xml:"link"` // the page, then its attachments (rel="enclosure")
	Summary string       `xml:"summary"`
}

// feedCirculars are the indexes in s.Circulars of the feed's entries: the
// feedEntries circulars last published or corrected (Modified), the latest
// first, of equal dates the later in the archive first. Taken by position
// alone, a correction of a circular fifty back would never reach a feed
// reader, which README's 更正 paragraph promises it does.
func (f *feeds) feedCirculars() []int {
	cs := f.s.Circulars
	order := make([]int, 0, len(cs))
	for i := len(cs) - 1; i >= 0; i-- {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ma, mb := cs[a].Modified(), cs[b].Modified()
		switch {
		case mb.Before(ma):
			return -1
		case ma.Before(mb):
			return 1
		}
		return 0
	})
	return order[:min(len(order), feedEntries)]
}

// feed is /feed.xml: the circulars last published or corrected, the latest
// first, at most feedEntries (feedCirculars).
func (f *feeds) feed() ([]byte, error) {
	s := f.s
	a := atomFeed{
		Lang:   s.Config.Language,
		Title:  s.Config.Title,
		Author: atomPerson{Name: s.Config.Issuer},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: f.AbsURL("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: f.AbsURL("")},
		},
		Updated: "2000-01-01T00:00:00+08:00", // no circular yet: a fixed date keeps output deterministic
	}
	if a.Author.Name == "" {
		a.Author.Name = s.Config.Site.Name
	}
	for _, i := range f.feedCirculars() {
		c := s.Circulars[i]
		v := f.circular(i)
		e := atomEntry{
			Title:     v.ListTitle(),
			ID:        f.entryID(c),
			Updated:   feedTime(c.Modified()), // a correction (front matter updated) tells readers
			Published: feedTime(c.PublishDate()),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: f.AbsURL(c.URLPath())}},
			Summary:   f.summary(c),
		}
		if v.Joint() {
			for _, name := range v.Issuers {
				e.Authors = append(e.Authors, atomPerson{Name: name})
			}
		}
		for k := range c.Attachments {
			a := &c.Attachments[k]
			e.Links = append(e.Links, atomLink{Rel: "enclosure", Type: site.MediaType(a.Ext()), Href: f.AbsURL(attachmentPath(c.URLPath(), c.Attachments, k)), Title: a.Title, Length: a.Size})
		}
		a.Entries = append(a.Entries, e)
	}
	if len(a.Entries) > 0 { // the latest publication or correction, first
		a.Updated = a.Entries[0].Updated
	}
	// The tag's date is a constant: the first circular's year, as it
	// was once, changed the feed's id when an older circular was added
	// to the archive.
	a.ID = f.tagID(feedTagYear, "feed.xml")
	return marshalXML(a)
}

// summary is one line about a circular: its 文号 and date, and who came
// first in its period's composite ranking — in each group, under the
// group's name, as the circular's own sentences put it, and tied ones
// marked so.
func (f *feeds) summary(c *site.Circular) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s，成文日期%s。", c.Number, zh.Date(c.Date.Year, c.Date.Month, c.Date.Day))
	p := f.periodOf(c)
	if p == nil {
		return b.String()
	}
	var clauses []string
	for _, g := range p.Groups {
		var first []string
		for _, t := range g.Composite {
			if t.Rank == 1 {
				first = append(first, t.Unit.Name)
			}
		}
		if len(first) == 0 {
			continue
		}
		who := zh.Join(first)
		if len(first) > 1 {
			who += "（并列）"
		}
		name := g.Name
		if name == "" {
			name = f.s.Config.Terms.Unit
		}
		clauses = append(clauses, name+"综合考核排名第一的为："+who)
	}
	if len(clauses) > 0 {
		fmt.Fprintf(&b, "%s%s。", p.Label, strings.Join(clauses, "；"))
	}
	return b.String()
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap is /sitemap.xml: every HTML page but 404.html, the pages at
// earlier addresses (aliases) and the files of static/, by path. The page
// list is taken from the jobs themselves, so pages added later are listed
// without touching this file. A page's lastmod is the date it shows, as
// its 更新日期 or, on a circular or plain page, the last of its 发布日期
// and 更新日期: a crawler then sees a page change when its reader does.
func (f *feeds) sitemap() ([]byte, error) {
	lastmod := map[string]string{}
	date := func(p string, d site.Date) {
		if d.Year != 0 {
			lastmod[p] = d.String()
		}
	}
	for _, c := range f.s.Circulars {
		date(c.URLPath(), c.Modified())
	}
	for _, p := range f.s.Pages {
		date(p.Path, p.Modified())
	}
	// The pages drawn from the whole archive, dated by when it last grew.
	archive := f.s.LastPublished()
	for _, p := range []string{"units/", "indicators/", "rankings/", "search/"} {
		date(p, archive)
	}
	for _, u := range slices.Concat(f.s.Townships, f.s.Departments) {
		date(unitPath(u), archive)
	}
	for _, ind := range f.s.Indicators {
		date(indicatorPath(ind), archive)
	}
	// The home page and the archive show first the latest circular, a
	// year's list the year's latest.
	date("", f.homeDate())
	date("circulars/", f.homeDate())
	for _, y := range f.years() {
		date(y.Path, f.s.Circulars[y.Circulars[0].index].PublishDate())
	}
	date("data/", f.dataUpdated())
	for _, dir := range listDirs(f.s.Pages) {
		date(dir, folderDate(f.s.Pages, dir))
	}
	var paths []string
	for _, j := range f.core.jobs {
		if !j.redirect && !j.static && (j.path == "index.html" || strings.HasSuffix(j.path, "/index.html")) {
			paths = append(paths, strings.TrimSuffix(j.path, "index.html"))
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	var set urlSet
	for _, p := range paths {
		set.URLs = append(set.URLs, sitemapURL{Loc: f.AbsURL(p), LastMod: lastmod[p]})
	}
	return marshalXML(set)
}

// robots is /robots.txt: everything may be crawled; the sitemap is named
// by its absolute address, when the host is known. (Crawlers read
// robots.txt only at the root of a host: under a baseURL path it is for
// the portal's administrators to merge into theirs.) It is a default: a
// static/robots.txt, with the portal's own rules, takes its place.
func (f *feeds) robots() ([]byte, error) {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if f.public.Host != "" {
		fmt.Fprintf(&b, "\nSitemap: %s\n", f.AbsURL("sitemap.xml"))
	}
	return []byte(b.String()), nil
}
