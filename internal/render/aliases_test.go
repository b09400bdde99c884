package render

import (
	"errors"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
)

// TestAliases renders, under a sub-path, a circular and a page with
// earlier addresses (front matter aliases), written as a folder, as a
// .html file and percent-encoded as a browser's address bar copies them:
// at each a page that sends the reader to the page's address now (a
// refresh, a link, the canonical link; not indexed), none of them in the
// sitemap or the search index.
func TestAliases(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
		"data = \"2023-02\"\naliases = [\"/circulars/2023/4/\", \"通报/旧.html\"]\n", 1)
	f["content/about/联系.md"] = "+++\ntitle = \"联系我们\"\naliases = [\"/%E8%81%94%E7%B3%BB/\", \"about/contact\", \"/about/contact/\"]\n+++\n电话：0000。\n"
	files := renderFiles(t, loadFiles(t, f), "/tongbao/")

	// html/template percent-encodes an address in href, not in the
	// refresh's content, where a browser encodes it as it would a link;
	// the canonical link is the page's address as the sitemap and the
	// portal's Url tag give it, encoded in uppercase (AbsURL).
	const contact = "/tongbao/about/%e8%81%94%e7%b3%bb/"
	const canonical = "/tongbao/about/%E8%81%94%E7%B3%BB/"
	for path, want := range map[string][4]string{
		"circulars/2023/4/index.html": {"/tongbao/circulars/2023/5/", "/tongbao/circulars/2023/5/", "关于测试的通报", "/tongbao/circulars/2023/5/"},
		"通报/旧.html":                   {"/tongbao/circulars/2023/5/", "/tongbao/circulars/2023/5/", "关于测试的通报", "/tongbao/circulars/2023/5/"},
		"联系/index.html":               {"/tongbao/about/联系/", contact, "联系我们", canonical},
		"about/contact/index.html":    {"/tongbao/about/联系/", contact, "联系我们", canonical},
	} {
		page, ok := files[path]
		if !ok {
			t.Errorf("no page at %s", path)
			continue
		}
		for _, part := range []string{
			`<meta http-equiv="refresh" content="0; url=` + want[0] + `">`,
			`<meta name="robots" content="noindex">`,
			`<link rel="canonical" href="` + want[3] + `">`, // no domain: the address is a path
			`<a href="` + want[1] + `">` + want[2] + `</a>`,
		} {
			if !strings.Contains(string(page), part) {
				t.Errorf("%s lacks %s", path, part)
			}
		}
	}
	if n := strings.Count(string(files["sitemap.xml"]), "<loc>"); n == 0 || strings.Contains(string(files["sitemap.xml"]), "contact") ||
		strings.Contains(string(files["sitemap.xml"]), "2023/4/") || strings.Contains(string(files["sitemap.xml"]), "旧") {
		t.Errorf("the sitemap lists an earlier address:\n%s", files["sitemap.xml"])
	}
	for _, d := range searchIndexDocs(t, files) {
		if strings.Contains(d.URL, "contact") || strings.Contains(d.URL, "2023/4/") || strings.HasPrefix(d.URL, "/tongbao/联系") {
			t.Errorf("the search index has an earlier address: %+v", d)
		}
	}
}

// An earlier address that is another page's address, or that two files
// claim, is an error at the alias, naming the other file; nothing is
// overwritten.
func TestAliasCollisions(t *testing.T) {
	// The circular's front matter's lines: +++, number, title, date,
	// data, aliases; the notice's: +++, title, aliases.
	const circ, notice = "content/circulars/2023-02.md:6:12: ", "content/notice.md:3:12: "
	for _, tc := range []struct{ name, aliases, want string }{
		{"a circular's", `["/circulars/2023/2/"]`, circ + "aliases（旧网址）/circulars/2023/2/ 是 content/circulars/2023-01.md 现在的网址，不能再转到别处；删去这一项"},
		{"a page's", `["/notice/"]`, circ + "aliases（旧网址）/notice/ 是 content/notice.md 现在的网址，不能再转到别处；删去这一项"},
		{"tongbao's own", `["/units/"]`, circ + "aliases（旧网址）/units/ 是 tongbao 的单位索引页 现在的网址，不能再转到别处；删去这一项"},
		// The circulars' jobs come before the pages': the page's alias
		// is the second.
		{"another alias", `["/old/"]`, notice + "aliases（旧网址）/old/ 已由 content/circulars/2023-02.md 的 aliases 转到那里，一个旧网址只能转到一处"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := historySite()
			f["content/notice.md"] = "+++\ntitle = \"通知\"\naliases = [\"/old/\"]\n+++\n正文。\n"
			f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = \"2023-02\"\n",
				"data = \"2023-02\"\naliases = "+tc.aliases+"\n", 1)
			s := loadFiles(t, f)
			_, err := Render(s, rank.Archive(s), Options{})
			var l diag.List
			if !errors.As(err, &l) || len(l) != 1 {
				t.Fatalf("Render = %v; want one error", err)
			}
			if got := l[0].String(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestSlugAndIndexNo: a circular given slug and indexNo (a second kind of
// 文号 sharing another's year and serial) is at its slug's address, in the
// year's list and the feed, with its own 索引号; the other keeps its own.
func TestSlugAndIndexNo(t *testing.T) {
	files := historySite()
	files["content/circulars/fa.md"] = "+++\nnumber = \"测政办发〔2023〕5号\"\ntitle = \"关于表彰的通报\"\ndate = 2023-04-10\ndata = \"2023-02\"\n" +
		"slug = \"fa-5\"\nindexNo = \"000000000/2023-F0005\"\n+++\n正文。\n"
	out := renderFiles(t, loadFiles(t, files), "/")
	page, other := string(out["circulars/2023/fa-5/index.html"]), string(out["circulars/2023/5/index.html"])
	if !strings.Contains(page, "测政办发〔2023〕5号") || !strings.Contains(page, "<dd>000000000/2023-F0005</dd>") {
		t.Errorf("circulars/2023/fa-5/: the 文号 or 索引号 missing (%d bytes)", len(page))
	}
	if !strings.Contains(other, "测政办函〔2023〕5号") || !strings.Contains(other, "<dd>/2023-00005</dd>") {
		t.Errorf("circulars/2023/5/: the 文号 or 索引号 missing (%d bytes)", len(other))
	}
	for _, p := range []string{"circulars/2023/index.html", "feed.xml"} {
		if !strings.Contains(string(out[p]), "/circulars/2023/fa-5/") {
			t.Errorf("%s does not link to /circulars/2023/fa-5/", p)
		}
	}
}
