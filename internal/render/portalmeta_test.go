package render

import (
	"regexp"
	"strings"
	"testing"
)

// portalSite is historySite with plain pages: one at the top, two in a
// folder (one of them named with a space, as offices name files), one in
// a folder within it, and one with an earlier address.
func portalSite() map[string]string {
	f := historySite()
	f["content/about.md"] = "+++\ntitle = \"关于本站\"\n+++\n本站发布工作通报。\n"
	f["content/通知/2023 年5月.md"] = "+++\ntitle = \"五月通知\"\ndate = 2023-05-10\n+++\n正文。\n"
	f["content/通知/放假.md"] = "+++\ntitle = \"放假安排\"\ndate = 2023-04-20\naliases = [\"/notices/holiday/\"]\n+++\n正文。\n"
	f["content/通知/2024/一月.md"] = "+++\ntitle = \"一月通知\"\ndate = 2024-01-05\n+++\n正文。\n"
	return f
}

// metaContent is the content of each <meta name=…> of page, by name.
func metaContent(page string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<meta name="([A-Za-z]+)" content="([^"]*)">`).FindAllStringSubmatch(page, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// TestEveryPageHasColumnMeta: DOMAIN.md §2 requires the column's four
// meta tags on every page of a government site; every HTML page has
// them, none empty, and a plain page has its folder's column, as its
// folder's list page does, or, at the top, its own.
func TestEveryPageHasColumnMeta(t *testing.T) {
	files := renderFiles(t, loadFiles(t, portalSite()), "/")
	pages := 0
	for path, b := range files {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		pages++
		meta := metaContent(string(b))
		for _, name := range []string{"ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType"} {
			if meta[name] == "" {
				t.Errorf("%s has no %s", path, name)
			}
		}
	}
	if pages < 20 {
		t.Fatalf("only %d pages", pages)
	}
	for path, want := range map[string][4]string{
		"about/index.html":           {"关于本站", "本站的“关于本站”页面", "关于本站", "信息"},
		"通知/放假/index.html":           {"通知", "“通知”栏目的页面", "通知", "信息"},
		"通知/index.html":              {"通知", "“通知”栏目的页面", "通知", "信息"},
		"通知/2024/一月/index.html":      {"通知/2024", "“通知/2024”栏目的页面", "通知,2024", "信息"},
		"通知/2024/index.html":         {"通知/2024", "“通知/2024”栏目的页面", "通知,2024", "信息"},
		"search/index.html":          {"站内搜索", "检索本站的通报、页面、单位和指标", "站内搜索,通报,考核排名", "搜索"},
		"notices/holiday/index.html": {"网址已更改", "本页已移至新网址", "网址更改", "其他"},
	} {
		meta := metaContent(string(files[path]))
		if got := [4]string{meta["ColumnName"], meta["ColumnDescription"], meta["ColumnKeywords"], meta["ColumnType"]}; got != want {
			t.Errorf("%s: column %q, want %q", path, got, want)
		}
	}
}

// TestOneAddressEverywhere: a page whose path has Chinese and a space
// (content/通知/2023 年5月.md) under a Chinese baseURL path has one
// address, percent-encoded in UTF-8 with uppercase hex (RFC 3986), in the
// portal's Url tag, the canonical link, the sitemap and, for a circular,
// the feed's link and data.json; the feed's ids stay as first written.
func TestOneAddressEverywhere(t *testing.T) {
	files := renderFiles(t, loadFiles(t, portalSite()), "https://www.example.gov.cn/政务公开/")
	const base = "https://www.example.gov.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/"
	for _, p := range []struct {
		page, want string
		article    bool // the portal's Url tag is an article's (a circular's, a page's)
	}{
		{"通知/2023 年5月/index.html", base + "%E9%80%9A%E7%9F%A5/2023%20%E5%B9%B45%E6%9C%88/", true},
		{"circulars/2023/5/index.html", base + "circulars/2023/5/", true},
		{"通知/index.html", base + "%E9%80%9A%E7%9F%A5/", false},
		{"index.html", base, false},
	} {
		html := string(files[p.page])
		if got := metaContent(html)["Url"]; p.article && got != p.want {
			t.Errorf("%s: Url %q, want %q", p.page, got, p.want)
		}
		if !strings.Contains(html, `<link rel="canonical" href="`+p.want+`">`) {
			t.Errorf("%s: no canonical link %s", p.page, p.want)
		}
		if !strings.Contains(string(files["sitemap.xml"]), "<loc>"+p.want+"</loc>") {
			t.Errorf("the sitemap lacks %s", p.want)
		}
	}
	feed := string(files["feed.xml"])
	if want := `<link rel="alternate" type="text/html" href="` + base + `circulars/2023/5/"></link>`; !strings.Contains(feed, want) {
		t.Errorf("the feed lacks %s", want)
	}
	if want := `<link rel="self" type="application/atom+xml" href="` + base + `feed.xml"></link>`; !strings.Contains(feed, want) {
		t.Errorf("the feed lacks %s", want)
	}
	// Ids are compared, not followed, and must not change (RFC 4287):
	// neither the base path nor its escaping is in them.
	if want := "<id>tag:www.example.gov.cn,2023:/circulars/2023/5/</id>"; !strings.Contains(feed, want) {
		t.Errorf("the feed lacks %s", want)
	}
	if want := `"url":"` + base + `circulars/2023/5/"`; !strings.Contains(string(files["circulars/2023/5/data.json"]), want) {
		t.Errorf("data.json lacks %s", want)
	}
}

// TestEscapePath: what html/template would escape in lowercase, or not
// at all in a tag's content, is escaped in uppercase; what it leaves,
// RFC 3986's unreserved characters and sub-delims, stays.
func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"/通知/":               "/%E9%80%9A%E7%9F%A5/",
		"/a b/":              "/a%20b/",
		"/a(b)'c%d!*/":       "/a%28b%29%27c%25d!*/",
		"/x-y_z.~/$&+,;=:@/": "/x-y_z.~/$&+,;=:@/",
	} {
		if got := escapePath(in); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", in, got, want)
		}
	}
}
