package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// loadSample loads the repository's own site (the seed circular).
func loadSample(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Load("../..")
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	return s
}

func renderFiles(t *testing.T, s *site.Site, base string) map[string][]byte {
	t.Helper()
	out, err := Render(s, rank.Archive(s), Options{BaseURL: base})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	files := map[string][]byte{}
	for _, o := range out {
		files[o.Path] = contentOf(t, o)
	}
	return files
}

// contentOf is o's content, its file's read now if it only names one
// (Output.File).
func contentOf(t testing.TB, o Output) []byte {
	t.Helper()
	if o.File == nil {
		return o.Data
	}
	var b bytes.Buffer
	if err := o.File.Copy(&b); err != nil {
		t.Fatalf("%s: %v", o.Path, err)
	}
	return b.Bytes()
}

type testFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []testEntry `xml:"entry"`
}

type testEntry struct {
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Summary string     `xml:"summary"`
	Links   []testLink `xml:"link"`
}

type testLink struct {
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr"`
	Href   string `xml:"href,attr"`
	Title  string `xml:"title,attr"`
	Length string `xml:"length,attr"`
}

// Link is the entry's link to its page, the first.
func (e testEntry) Link() testLink {
	if len(e.Links) == 0 {
		return testLink{}
	}
	return e.Links[0]
}

type testURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func parseXML(t *testing.T, files map[string][]byte, name string, v any) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no %s among the outputs", name)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s does not parse: %v\n%s", name, err, data)
	}
}

func TestFeedWithHostAndPath(t *testing.T) {
	s := loadSample(t)
	files := renderFiles(t, s, "https://portal.example.gov.cn/tongbao/")
	f, e := onlyEntry(t, files)
	if f.Title != s.Config.Title {
		t.Errorf("feed title %q, want %q", f.Title, s.Config.Title)
	}
	// The ids are the tag: URIs of [site] domain, not the addresses
	// (TestFeedIDsPermanent).
	if f.ID != "tag:www.example.gov.cn,2000:/feed.xml" {
		t.Errorf("feed id %q", f.ID)
	}
	want := "https://portal.example.gov.cn/tongbao/circulars/2023/14/"
	if e.ID != "tag:www.example.gov.cn,2023:/circulars/2023/14/" || e.Link().Href != want {
		t.Errorf("entry id %q, link %q; want the tag: URI and %q", e.ID, e.Link().Href, want)
	}
	if e.Updated != "2023-04-03T00:00:00+08:00" || f.Updated != e.Updated {
		t.Errorf("entry updated %q, feed updated %q", e.Updated, f.Updated)
	}
	if !strings.Contains(e.Title, "关于区政府2023年1-2月“三重点”落实情况的通报") {
		t.Errorf("entry title %q", e.Title)
	}
	if !strings.Contains(e.Summary, "双政办函〔2023〕14号") || !strings.Contains(e.Summary, "东风路街道") {
		t.Errorf("entry summary %q", e.Summary)
	}
	for _, l := range f.Links {
		if !strings.HasPrefix(l.Href, "https://portal.example.gov.cn/tongbao/") {
			t.Errorf("feed link %q ignores baseURL", l.Href)
		}
	}

	var set testURLSet
	parseXML(t, files, "sitemap.xml", &set)
	locs := map[string]string{}
	for _, u := range set.URLs {
		locs[u.Loc] = u.LastMod
		if !strings.HasPrefix(u.Loc, "https://portal.example.gov.cn/tongbao/") {
			t.Errorf("sitemap loc %q is not absolute under baseURL", u.Loc)
		}
	}
	for p := range files {
		if strings.HasSuffix(p, ".html") && p != "404.html" {
			loc := "https://portal.example.gov.cn/tongbao/" + strings.TrimSuffix(p, "index.html")
			if _, ok := locs[loc]; !ok {
				t.Errorf("sitemap lacks %s", loc)
			}
		}
	}
	if len(locs) != len(set.URLs) {
		t.Errorf("sitemap lists a page twice")
	}
	if locs[want] != "2023-04-03" {
		t.Errorf("sitemap lastmod of the circular %q", locs[want])
	}
	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "User-agent: *\nAllow: /\n") || !strings.Contains(robots, "Sitemap: https://portal.example.gov.cn/tongbao/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

// onlyEntry parses the feed of the sample, which has one circular, and
// returns it with its one entry.
func onlyEntry(t *testing.T, files map[string][]byte) (testFeed, testEntry) {
	t.Helper()
	var f testFeed
	parseXML(t, files, "feed.xml", &f)
	if len(f.Entries) != 1 {
		t.Fatalf("%d entries, want 1", len(f.Entries))
	}
	return f, f.Entries[0]
}

// TestFeedDomainWithBarePath: with baseURL a bare path, the sitemap, the
// feed's links, robots.txt and the pages' canonical and Url tags take
// their host from [site] domain, over https, with baseURL's path (DESIGN.md
// §7); entry ids stay tag: URIs, permanent whatever the host and path.
func TestFeedDomainWithBarePath(t *testing.T) {
	s := loadSample(t)
	files := renderFiles(t, s, "/tongbao/")
	const site = "https://www.example.gov.cn/tongbao/"
	f, e := onlyEntry(t, files)
	if e.ID != "tag:www.example.gov.cn,2023:/circulars/2023/14/" {
		t.Errorf("entry id %q, want a tag: URI without the base path", e.ID)
	}
	if e.Link().Href != site+"circulars/2023/14/" {
		t.Errorf("entry link %q, want %q", e.Link().Href, site+"circulars/2023/14/")
	}
	// The feed's own tag has a constant date, not its first circular's
	// year (2023 here), which a circular added before it would change.
	if f.ID != "tag:www.example.gov.cn,2000:/feed.xml" {
		t.Errorf("feed id %q, want tag:www.example.gov.cn,2000:/feed.xml", f.ID)
	}
	for _, l := range f.Links {
		if l.Href != site+"feed.xml" && l.Href != site {
			t.Errorf("feed link %q, want %sfeed.xml or %s", l.Href, site, site)
		}
	}
	var set testURLSet
	parseXML(t, files, "sitemap.xml", &set)
	locs := map[string]bool{}
	for _, u := range set.URLs {
		locs[u.Loc] = true
	}
	for _, want := range []string{site, site + "circulars/", site + "circulars/2023/14/", site + "units/dongfenglu/", site + "about/"} {
		if !locs[want] {
			t.Errorf("sitemap lacks <loc>%s</loc>", want)
		}
	}
	for loc := range locs {
		if !strings.HasPrefix(loc, site) {
			t.Errorf("sitemap loc %q is not below %s", loc, site)
		}
	}
	if robots := string(files["robots.txt"]); !strings.HasSuffix(robots, "\nSitemap: "+site+"sitemap.xml\n") {
		t.Errorf("robots.txt does not end with the sitemap's absolute address:\n%s", robots)
	}
	page := string(files["circulars/2023/14/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="` + site + `circulars/2023/14/">`,
		`<meta name="Url" content="` + site + `circulars/2023/14/">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular lacks %s", want)
		}
	}
	if about := string(files["about/index.html"]); !strings.Contains(about, `<meta name="Url" content="`+site+`about/">`) {
		t.Errorf("the plain page's Url tag is not %sabout/", site)
	}
}

// TestFeedWithoutHost: with neither a host in baseURL nor [site] domain
// no absolute address can be made: links stay path-absolute, robots.txt
// names no sitemap (and `tongbao check` warns, build's test).
func TestFeedWithoutHost(t *testing.T) {
	s := loadSample(t)
	s.Config.Site.Domain = ""
	files := renderFiles(t, s, "/tongbao/")
	_, e := onlyEntry(t, files)
	if e.ID != "tag:tongbao.invalid,2023:/circulars/2023/14/" {
		t.Errorf("entry id %q, want a tag: URI", e.ID)
	}
	if e.Link().Href != "/tongbao/circulars/2023/14/" {
		t.Errorf("entry link %q", e.Link().Href)
	}
	var set testURLSet
	parseXML(t, files, "sitemap.xml", &set)
	for _, u := range set.URLs {
		if !strings.HasPrefix(u.Loc, "/tongbao/") {
			t.Errorf("sitemap loc %q ignores the base path", u.Loc)
		}
	}
	if robots := string(files["robots.txt"]); strings.Contains(robots, "Sitemap:") {
		t.Errorf("robots.txt names a sitemap without a host:\n%s", robots)
	}
	if page := string(files["circulars/2023/14/index.html"]); !strings.Contains(page, `<link rel="canonical" href="/tongbao/circulars/2023/14/">`) {
		t.Errorf("the circular's canonical link is not its path")
	}
}

// TestFeedIDsPermanent: a feed reader shows an entry whose id it has not
// seen as new, so the ids are made of nothing the site's address or a
// clerk's later edit changes: the same under every spelling of baseURL,
// a sub-path, http or https, a host of its own or [site] domain's; and
// the same after the 文号 is corrected, when its old address is kept in
// aliases, as a corrected 文号's must be. The feed's updated is the
// circular's date, whatever the build (no clock is read).
func TestFeedIDsPermanent(t *testing.T) {
	const id = "tag:www.example.gov.cn,2023:/circulars/2023/14/"
	check := func(s *site.Site, base, wantID, wantLink string) {
		t.Helper()
		f, e := onlyEntry(t, renderFiles(t, s, base))
		authority, _, _ := strings.Cut(wantID, ",")
		if feedID := authority + ",2000:/feed.xml"; e.ID != wantID || f.ID != feedID {
			t.Errorf("baseURL %q: entry id %q, feed id %q; want %q, %q", base, e.ID, f.ID, wantID, feedID)
		}
		if e.Link().Href != wantLink {
			t.Errorf("baseURL %q: entry link %q, want %q", base, e.Link().Href, wantLink)
		}
		if e.Updated != "2023-04-03T00:00:00+08:00" || f.Updated != e.Updated {
			t.Errorf("baseURL %q: entry updated %q, feed updated %q; want the 成文日期 2023-04-03", base, e.Updated, f.Updated)
		}
	}
	for base, link := range map[string]string{
		"/":                                      "https://www.example.gov.cn/circulars/2023/14/",
		"/tongbao/":                              "https://www.example.gov.cn/tongbao/circulars/2023/14/",
		"/tongbao":                               "https://www.example.gov.cn/tongbao/circulars/2023/14/",
		"https://www.example.gov.cn/":            "https://www.example.gov.cn/circulars/2023/14/",
		"http://www.example.gov.cn":              "http://www.example.gov.cn/circulars/2023/14/",
		"https://WWW.Example.gov.cn:443/zwgk/tb": "https://www.example.gov.cn/zwgk/tb/circulars/2023/14/",
		"https://portal.example.gov.cn/tongbao/": "https://portal.example.gov.cn/tongbao/circulars/2023/14/",
		"https://www.example.gov.cn/%E9%80%9A%E6%8A%A5/": "https://www.example.gov.cn/%E9%80%9A%E6%8A%A5/circulars/2023/14/",
	} {
		check(loadSample(t), base, id, link)
	}

	// The 文号 corrected to 〔2024〕3号, the old address in aliases after
	// an address of the portal's old system: the id is the first
	// circular address's, year 2023 and serial 14; the link the new one.
	s := loadSample(t)
	c := s.Circulars[0]
	c.Number, c.Year, c.Serial = "双政办函〔2024〕3号", 2024, 3
	c.Aliases = []site.Alias{{Path: "zwgk/tzgg/14.html"}, {Path: "circulars/2023/14/index.html"}, {Path: "circulars/2024/2/index.html"}}
	check(s, "/", id, "https://www.example.gov.cn/circulars/2024/3/")
	// Without the alias, the circular is at a new address, and the rule
	// says so: its id is the new address's. (docs/reference.md tells a
	// clerk to keep the old address in aliases.)
	c.Aliases = nil
	check(s, "/", "tag:www.example.gov.cn,2024:/circulars/2024/3/", "https://www.example.gov.cn/circulars/2024/3/")

	// Without [site] domain the authority is baseURL's host, lower case
	// and without its port.
	s = loadSample(t)
	s.Config.Site.Domain = ""
	check(s, "https://Portal.Example.gov.cn:8443/x/", "tag:portal.example.gov.cn,2023:/circulars/2023/14/", "https://portal.example.gov.cn:8443/x/circulars/2023/14/")
}

// TestFeedNewestFirstAtMost50 adds 59 more circulars of the same month and
// checks the feed's order and length.
func TestFeedNewestFirstAtMost50(t *testing.T) {
	s := loadSample(t)
	orig := s.Circulars[0]
	for i := 1; i < 60; i++ {
		c := *orig
		c.Year, c.Serial = 2023+i/12, 100+i
		c.Number = fmt.Sprintf("双政办函〔%d〕%d号", c.Year, c.Serial)
		c.Date = site.Date{Year: c.Year, Month: 1 + i%12, Day: 10}
		s.Circulars = append(s.Circulars, &c)
	}
	slices.SortStableFunc(s.Circulars, func(a, b *site.Circular) int { // the loader's order
		return strings.Compare(a.Date.String(), b.Date.String())
	})
	files := renderFiles(t, s, "")
	var f testFeed
	parseXML(t, files, "feed.xml", &f)
	if len(f.Entries) != 50 {
		t.Fatalf("%d entries, want 50", len(f.Entries))
	}
	for i := 1; i < len(f.Entries); i++ {
		if f.Entries[i-1].Updated < f.Entries[i].Updated {
			t.Errorf("entry %d (%s) is older than entry %d (%s)", i-1, f.Entries[i-1].Updated, i, f.Entries[i].Updated)
		}
	}
	if f.Entries[0].Link().Href != "https://www.example.gov.cn/circulars/2027/159/" || f.Updated != f.Entries[0].Updated {
		t.Errorf("newest entry %q, feed updated %q", f.Entries[0].Link().Href, f.Updated)
	}
}

func TestFeedEscapesXML(t *testing.T) {
	s := loadSample(t)
	s.Config.Title = `A & B <通报> "x"`
	files := renderFiles(t, s, "")
	var f testFeed
	parseXML(t, files, "feed.xml", &f)
	if f.Title != s.Config.Title {
		t.Errorf("title round trip %q, want %q", f.Title, s.Config.Title)
	}
}

// TestFeedSummaryByGroup: a feed entry names who came first in each group,
// under the group's name as the circular's sentences do, and marks a tie.
// historySite by hand: in 2023-02 甲街道 leads both township indicators;
// in 2023-01, with 经济运行 changed to 甲 90, 乙 80, 丙 70 and 安全生产 to
// 乙 90, 甲 80, 丙 70, 甲街道 and 乙街道 each have rank points 100 and
// 66.67 and tie first.
func TestFeedSummaryByGroup(t *testing.T) {
	f := historySite()
	f["data/2023-01.toml"] = strings.NewReplacer("\"甲街道\" = 70\n\"乙街道\" = 90\n\"丙镇\" = 80\n", "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n",
		"\"甲街道\" = 60\n\"乙街道\" = 80\n\"丙镇\" = 90\n", "\"甲街道\" = 80\n\"乙街道\" = 90\n\"丙镇\" = 70\n").Replace(f["data/2023-01.toml"])
	summaries := func(files map[string][]byte) map[string]string {
		var feed testFeed
		if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, e := range feed.Entries {
			out[e.ID] = e.Summary
		}
		return out
	}
	got := summaries(renderFiles(t, loadFiles(t, f), "/"))
	for _, want := range []string{
		"测政办函〔2023〕2号，成文日期2023年2月10日。2023年1月乡镇（街道）综合考核排名第一的为：甲街道、乙街道（并列）。",
		"测政办函〔2023〕5号，成文日期2023年4月3日。2023年2月乡镇（街道）综合考核排名第一的为：甲街道。",
	} {
		if !slices.Contains(slices.Collect(maps.Values(got)), want) {
			t.Errorf("no entry summary %s in %q", want, got)
		}
	}

	groupHistorySite(f)
	got = summaries(renderFiles(t, loadFiles(t, f), "/"))
	want := "测政办函〔2023〕5号，成文日期2023年4月3日。2023年2月街道组综合考核排名第一的为：甲街道；镇组综合考核排名第一的为：丙镇。"
	if !slices.Contains(slices.Collect(maps.Values(got)), want) {
		t.Errorf("no entry summary %s in %q", want, got)
	}
}

// TestCorrectionDated: a circular corrected after publication (front
// matter updated) tells so to a feed reader (its entry's and the feed's
// updated; published stays), a search engine (the sitemap's lastmod),
// the open data's users (/data/'s date) and the reader (the page's
// metadata); without it, the 成文日期 serves for all.
func TestCorrectionDated(t *testing.T) {
	s := loadSample(t)
	s.Circulars[0].Updated = site.Date{Year: 2023, Month: 5, Day: 10}
	files := renderFiles(t, s, "/")
	var f struct {
		Updated string `xml:"updated"`
		Entries []struct {
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
		} `xml:"entry"`
	}
	parseXML(t, files, "feed.xml", &f)
	if len(f.Entries) != 1 || f.Entries[0].Updated != "2023-05-10T00:00:00+08:00" || f.Entries[0].Published != "2023-04-03T00:00:00+08:00" || f.Updated != "2023-05-10T00:00:00+08:00" {
		t.Errorf("feed: updated %q, entries %+v", f.Updated, f.Entries)
	}
	for _, w := range []struct{ file, want string }{
		{"sitemap.xml", "<loc>https://www.example.gov.cn/circulars/2023/14/</loc>\n    <lastmod>2023-05-10</lastmod>"},
		{"data/index.html", `更新日期：<time datetime="2023-05-10">2023-05-10</time>`},
		// The period's row says when its files changed, beside when they
		// were published; data.json itself says so too.
		{"data/index.html", `<span class="data-dates">发布日期：<time datetime="2023-04-03">2023-04-03</time>；更正日期：<time datetime="2023-05-10">2023-05-10</time></span>`},
		{"circulars/2023/14/data.json", `"published":"2023-04-03","updated":"2023-05-10","url":`},
		{"circulars/2023/14/index.html", `<div><dt>更新日期</dt><dd><time datetime="2023-05-10">2023-05-10</time></dd></div>`},
	} {
		if !bytes.Contains(files[w.file], []byte(w.want)) {
			t.Errorf("%s lacks %s", w.file, w.want)
		}
	}
	files = renderFiles(t, loadSample(t), "/")
	if bytes.Contains(files["circulars/2023/14/data.json"], []byte(`"updated"`)) || bytes.Contains(files["data/index.html"], []byte("更正日期")) ||
		!bytes.Contains(files["data/index.html"], []byte(`<span class="data-dates">发布日期：<time datetime="2023-04-03">2023-04-03</time></span>`)) {
		t.Error("without updated, data.json or /data/ gives an 更正 date, or /data/ not the 发布日期")
	}
	if bytes.Contains(files["circulars/2023/14/index.html"], []byte("更新日期")) || !bytes.Contains(files["sitemap.xml"], []byte("<lastmod>2023-04-03</lastmod>")) {
		t.Error("without updated, the page says 更新日期 or the sitemap not the 成文日期")
	}
}

// TestPublishDate: a circular published days after it was signed (front
// matter published) keeps its 成文日期 in the document and the metadata,
// and gives its 发布日期 to the metadata, the portal's PubDate, the
// feed's published, the sitemap, the home page, data.json and the
// 更新日期 of the pages drawn from the whole archive; a
// correction before its publication date is not a correction (site).
func TestPublishDate(t *testing.T) {
	s := loadSample(t)
	s.Circulars[0].Published = site.Date{Year: 2023, Month: 4, Day: 7}
	files := renderFiles(t, s, "/")
	var f struct {
		Entries []struct {
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
		} `xml:"entry"`
	}
	parseXML(t, files, "feed.xml", &f)
	if len(f.Entries) != 1 || f.Entries[0].Published != "2023-04-07T00:00:00+08:00" || f.Entries[0].Updated != "2023-04-07T00:00:00+08:00" {
		t.Errorf("feed entries %+v", f.Entries)
	}
	for file, wants := range map[string][]string{
		"circulars/2023/14/index.html": {
			`<div class="doc-meta-repeated"><dt>成文日期</dt><dd><time datetime="2023-04-03">2023-04-03</time></dd></div>`,
			`<div><dt>发布日期</dt><dd><time datetime="2023-04-07">2023-04-07</time></dd></div>`,
			`<meta name="PubDate" content="2023-04-07 00:00">`,
			"2023年4月3日", // the document's own date, under its issuer
		},
		"index.html":  {`<div><dt>发布日期</dt><dd><time datetime="2023-04-07">2023-04-07</time></dd></div>`},
		"sitemap.xml": {"<loc>https://www.example.gov.cn/circulars/2023/14/</loc>\n    <lastmod>2023-04-07</lastmod>"},
		// The pages drawn from the whole archive are dated by when it last
		// grew; the indexes too, which a portal's inspection would
		// otherwise find without a date.
		"units/index.html":            {`更新日期：<time datetime="2023-04-07">2023-04-07</time>`},
		"indicators/index.html":       {`更新日期：<time datetime="2023-04-07">2023-04-07</time>`},
		"search/index.html":           {`更新日期：<time datetime="2023-04-07">2023-04-07</time>`},
		"circulars/2023/14/data.json": {`"date":"2023-04-03","published":"2023-04-07"`},
	} {
		for _, want := range wants {
			if !bytes.Contains(files[file], []byte(want)) {
				t.Errorf("%s lacks %s", file, want)
			}
		}
	}
	files = renderFiles(t, loadSample(t), "/")
	for file, want := range map[string]string{
		"circulars/2023/14/index.html": `<div><dt>发布日期</dt><dd><time datetime="2023-04-03">2023-04-03</time></dd></div>`,
		"circulars/2023/14/data.json":  `"date":"2023-04-03","published":"2023-04-03"`,
	} {
		if !bytes.Contains(files[file], []byte(want)) {
			t.Errorf("without published, %s lacks %s", file, want)
		}
	}
}

// TestSitemapEscaped: the sitemap's addresses are escaped as its protocol
// asks (RFC 3986), a base path and a folder named in Chinese and a space
// included; the pages' own links are left to html/template.
func TestSitemapEscaped(t *testing.T) {
	s := loadSample(t)
	s.Pages = append(s.Pages, &site.Page{File: "content/通知公告/放假 安排.md", Title: "放假安排", Path: "通知公告/放假 安排/", Body: []byte("正文。\n"), BodyLine: 4})
	files := renderFiles(t, s, "https://www.example.gov.cn/政务公开/")
	var set testURLSet
	parseXML(t, files, "sitemap.xml", &set)
	want := "https://www.example.gov.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/%E6%94%BE%E5%81%87%20%E5%AE%89%E6%8E%92/"
	var locs []string
	for _, u := range set.URLs {
		locs = append(locs, u.Loc)
		if strings.ContainsFunc(u.Loc, func(r rune) bool { return r > 0x7E || r == ' ' }) {
			t.Errorf("sitemap loc %q is not escaped", u.Loc)
		}
	}
	if !slices.Contains(locs, want) {
		t.Errorf("sitemap lacks %s among %q", want, locs)
	}
	if robots := string(files["robots.txt"]); !strings.Contains(robots, "Sitemap: https://www.example.gov.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

// TestFeedCarriesOldCorrection: a correction of a circular far back in the
// archive (front matter updated) reaches feed readers: with 60 circulars,
// the fourth-oldest, corrected on 2030-06-01, after every publication,
// is the feed's first entry and dates the feed, and the oldest one not
// corrected drops out for it — the feed holds the 50 last published or
// corrected, not the 50 last in the archive.
func TestFeedCarriesOldCorrection(t *testing.T) {
	s := loadSample(t)
	orig := s.Circulars[0]
	s.Circulars = nil
	for i := range 60 {
		c := *orig
		c.Year, c.Serial = 2020+i/12, 100+i
		c.Number = fmt.Sprintf("双政办函〔%d〕%d号", c.Year, c.Serial)
		c.Date = site.Date{Year: c.Year, Month: 1 + i%12, Day: 10}
		s.Circulars = append(s.Circulars, &c)
	}
	corrected := s.Circulars[3] // 2020-04-10, serial 103
	corrected.Updated = site.Date{Year: 2030, Month: 6, Day: 1}
	files := renderFiles(t, s, "")
	var f testFeed
	parseXML(t, files, "feed.xml", &f)
	if len(f.Entries) != 50 {
		t.Fatalf("%d entries, want 50", len(f.Entries))
	}
	first := f.Entries[0]
	if first.Link().Href != "https://www.example.gov.cn/circulars/2020/103/" || first.Updated != "2030-06-01T00:00:00+08:00" || f.Updated != "2030-06-01T00:00:00+08:00" {
		t.Errorf("first entry %s updated %s, feed updated %s; want the correction of 2020/103 on 2030-06-01", first.Link().Href, first.Updated, f.Updated)
	}
	// Then the 49 last published, newest first: 2024-12-10 (serial 159)
	// down to 2020-12-10 (serial 111); 2020/110 and older are not in it.
	if e := f.Entries[1]; e.Link().Href != "https://www.example.gov.cn/circulars/2024/159/" {
		t.Errorf("second entry %s, want 2024/159", e.Link().Href)
	}
	if e := f.Entries[49]; e.Link().Href != "https://www.example.gov.cn/circulars/2020/111/" {
		t.Errorf("last entry %s, want 2020/111", e.Link().Href)
	}
	// Ties keep the archive's order, the later first: two circulars of
	// one date, 2024/158 moved to 2024/159's date.
	s.Circulars[58].Date = s.Circulars[59].Date
	files = renderFiles(t, s, "")
	f = testFeed{}
	parseXML(t, files, "feed.xml", &f)
	if a, b := f.Entries[1].Link().Href, f.Entries[2].Link().Href; a != "https://www.example.gov.cn/circulars/2024/159/" || b != "https://www.example.gov.cn/circulars/2024/158/" {
		t.Errorf("tied entries %s, %s; want 2024/159 then 2024/158", a, b)
	}
}

// TestSitemapDatesWhatPagesShow: each page in the sitemap has as lastmod
// the date it shows a reader — the 更新日期 under its title (home, /data/,
// the indexes, each unit's and indicator's history, the rankings, search,
// a folder's list), or a circular's or plain page's last 发布日期 or
// 更新日期 — read here from the page itself; a page that shows none has
// none. The sample has a corrected circular, published late, and plain
// pages with and without dates.
func TestSitemapDatesWhatPagesShow(t *testing.T) {
	f := portalSite()
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "date = 2023-02-10\n", "date = 2023-02-10\npublished = 2023-02-14\nupdated = 2023-06-01\n", 1)
	files := renderFiles(t, loadFiles(t, f), "https://www.example.gov.cn/")
	var set testURLSet
	parseXML(t, files, "sitemap.xml", &set)
	header := regexp.MustCompile(`<p class="page-date">更新日期：<time datetime="([0-9-]+)">`)
	article := regexp.MustCompile(`(?:发布日期|更新日期)(?:：|</dt><dd>)<time datetime="([0-9-]+)">`)
	kind := regexp.MustCompile(`<body class="kind-([a-z0-9]+)">`)
	dated := 0
	for _, u := range set.URLs {
		path := strings.TrimPrefix(u.Loc, "https://www.example.gov.cn/")
		page := string(files[unescapePath(t, path)+"index.html"])
		if page == "" {
			t.Errorf("no page for %s", u.Loc)
			continue
		}
		var want string
		if m := header.FindStringSubmatch(page); m != nil {
			want = m[1]
		} else if k := kind.FindStringSubmatch(page); k != nil && (k[1] == "circular" || k[1] == "page") {
			for _, m := range article.FindAllStringSubmatch(page, -1) {
				want = max(want, m[1])
			}
		}
		if u.LastMod != want {
			t.Errorf("%s: lastmod %q, the page shows %q", u.Loc, u.LastMod, want)
		}
		if want != "" {
			dated++
		}
	}
	// By hand: /data/ and the circular corrected on 2023-06-01 show
	// that; the home page, the archive, the units, indicators and search
	// pages the last 发布日期, 2023-04-03 (测政办函〔2023〕5号); 2022's
	// list its one circular's; 通知/'s list its newest page, 通知/2024/一月
	// of 2024-01-05; about/ has no date.
	for p, want := range map[string]string{"": "2023-04-03", "data/": "2023-06-01", "circulars/2023/2/": "2023-06-01", "units/": "2023-04-03",
		"units/jia/": "2023-04-03", "indicators/jingji/": "2023-04-03", "rankings/": "2023-04-03", "search/": "2023-04-03",
		"通知/": "2024-01-05", "通知/2024/": "2024-01-05", "circulars/": "2023-04-03", "circulars/2022/": "2022-12-28", "about/": ""} {
		found := false
		for _, u := range set.URLs {
			if u.Loc == "https://www.example.gov.cn/"+escapePath(p) {
				found = true
				if u.LastMod != want {
					t.Errorf("%s: lastmod %q, want %q", u.Loc, u.LastMod, want)
				}
			}
		}
		if !found {
			t.Errorf("the sitemap does not list /%s", p)
		}
	}
	if dated < 15 {
		t.Errorf("only %d pages dated", dated)
	}
}

// unescapePath is a sitemap's path as the output's file path.
func unescapePath(t *testing.T, p string) string {
	t.Helper()
	u, err := url.PathUnescape(p)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
