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
