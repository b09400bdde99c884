package site

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// The file an earlier address is written as, however staff write it, and
// what is refused.
func TestAliasPath(t *testing.T) {
	for in, want := range map[string]string{
		"/circulars/2023/14/":  "circulars/2023/14/index.html",
		"circulars/2023/14":    "circulars/2023/14/index.html",
		" /about/ ":            "about/index.html",
		"/old.html":            "old.html",
		"/news/2019/a.htm":     "news/2019/a.htm",
		"/通知/2023-05/":         "通知/2023-05/index.html",
		"/%E9%80%9A%E7%9F%A5/": "通知/index.html", // 通知, copied from an address bar
		"/notices/2023.05/":    "notices/2023.05/index.html",
	} {
		if got, msg := aliasPath(in); got != want || msg != "" {
			t.Errorf("aliasPath(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
	for in, want := range map[string]string{
		"":                              "不能是网站首页",
		"/":                             "不能是网站首页",
		"https://www.example.gov.cn/a/": "不带 https:// 和域名",
		"//www.example.gov.cn/a/":       "不带 https:// 和域名",
		"/a b/":                         "不含空格",
		"/search/?q=1":                  "不含空格、\\、? 和 #",
		"/about/#电话":                    "不含空格、\\、? 和 #",
		`\about\`:                       "不含空格、\\、? 和 #",
		"/a/../b/":                      "不能有 .、.. 或连续的 /",
		"../b/":                         "不能有 .、.. 或连续的 /",
		"/a//b/":                        "不能有 .、.. 或连续的 /",
		"/.well-known/":                 "不能以 . 开头",
		"/files/a.pdf":                  "不能是文件",
		"/notices/2023.05":              "不能是文件",
		"/%E9%80%9":                     "% 编码不完整",
		"/%E9/":                         "不是 UTF-8",
	} {
		if got, msg := aliasPath(in); got != "" || !strings.Contains(msg, want) {
			t.Errorf("aliasPath(%q) = %q, %q; want a message with %q", in, got, msg, want)
		}
	}
}

// A circular's and a page's aliases are read with the place of each, once
// each; the page's own address among them is an error at it.
func TestAliases(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "+++\nnumber",
		"+++\naliases = [\"/circulars/2023/4/\", \"circulars/2023/4\", \"/旧/通报.html\"]\nnumber", 1)
	files["content/notices/a.md"] = "+++\ntitle = \"通知\"\naliases = [\n  \"/a/\",\n  \"/b/\",\n]\n+++\n正文\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	want := []Alias{{"circulars/2023/4/index.html", 2, 12}, {"旧/通报.html", 2, 54}}
	if got := s.Circulars[0].Aliases; !slices.Equal(got, want) {
		t.Errorf("the circular's aliases are %v, want %v", got, want)
	}
	want = []Alias{{"a/index.html", 4, 3}, {"b/index.html", 5, 3}}
	if got := s.Pages[len(s.Pages)-1].Aliases; !slices.Equal(got, want) {
		t.Errorf("the page's aliases are %v, want %v", got, want)
	}

	wantDiagnostic(t, maps.Clone(files), "content/notices/a.md", `"/b/"`, `"notices/a"`,
		"content/notices/a.md:5:3: aliases（旧网址）“notices/a”就是本页现在的网址，不用写在 aliases 中")
	wantDiagnostic(t, maps.Clone(files), "content/notices/a.md", `"/b/"`, `"/b/?x"`,
		"content/notices/a.md:5:3: aliases（旧网址）应是一个页面的路径")
	wantDiagnostic(t, maps.Clone(files), "content/notices/a.md", `"/b/"`, `3`,
		"content/notices/a.md:5:3: aliases（旧网址）的第2项应为字符串")
}
