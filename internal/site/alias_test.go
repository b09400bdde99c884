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
		// Names no Windows PC can build or a portal's upload may refuse.
		"/CON/":            "“CON”是 Windows 保留的设备名",
		"/c/aux.html":      "“aux.html”是 Windows 保留的设备名",
		"/f/Lpt1.txt.html": "“Lpt1.txt.html”是 Windows 保留的设备名",
		"/b/x:y/":          "含有 Windows 文件名中不能用的字符",
		"/a/\"><b>/":       "含有 Windows 文件名中不能用的字符",
		"/d/\u202e/":       "含有看不见的控制字符",
		"/e/旧通知./":         "以空格或“.”结尾",
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

// TestUnportableNames: a page whose file name no Windows PC can build
// (nul.md, a name with : or an invisible U+202E) is warned of; a unit's
// or a circular's slug that is such a name is an error; an ordinary
// name, or one that only holds a reserved name (console), is neither.
func TestUnportableNames(t *testing.T) {
	files := miniSite()
	files["content/nul.md"] = "+++\ntitle = \"空\"\n+++\n正文\n"
	files["content/notices/x:y.md"] = "+++\ntitle = \"冒号\"\n+++\n正文\n"
	files["content/notices/a\u202eb.md"] = "+++\ntitle = \"方向\"\n+++\n正文\n"
	files["content/console.md"] = "+++\ntitle = \"控制台\"\n+++\n正文\n"
	files["content/关于 本站.md"] = "+++\ntitle = \"空格\"\n+++\n正文\n"
	got := loadWarnings(t, files)
	warnedOf(t, got,
		"content/关于 本站.md:1:1: 警告：网址 /关于 本站/ 中的“关于 本站”有空格，链接中写作 %20",
		"content/nul.md:1:1: 警告：网址 /nul/ 中的“nul”是 Windows 保留的设备名",
		"content/notices/x:y.md:1:1: 警告：网址 /notices/x:y/ 中的“x:y”含有 Windows 文件名中不能用的字符",
		"content/notices/a<U+202E>b.md:1:1: 警告：网址 /notices/a<U+202E>b/ 中的“a<U+202E>b”含有看不见的控制字符", // as diagnostics show it
	)
	if slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, "console") }) {
		t.Errorf("console.md warned of:\n%s", strings.Join(got, "\n"))
	}
	wantDiagnostic(t, miniSite(), "data/units.toml", `slug = "jia"`, `slug = "nul"`,
		"data/units.toml:3:1: slug“nul”是 Windows 保留的设备名")
	wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "+++\nnumber", "+++\nslug = \"com1\"\nnumber",
		"content/circulars/2023-02.md:2:1: slug（网址名）“com1”是 Windows 保留的设备名")
}

// TestAliasUnderBaseWarned: under a baseURL with a path, an alias written
// with that path in front is warned of with the address to write; one
// written from the site's root, as it should be, is not.
func TestAliasUnderBaseWarned(t *testing.T) {
	files := miniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "title = \"测试\"\n", "title = \"测试\"\nbaseURL = \"https://www.example.gov.cn/zwgk/tb/\"\n", 1)
	files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "+++\nnumber",
		"+++\naliases = [\"/zwgk/tb/circulars/2023/17/\", \"/circulars/2023/4/\"]\nnumber", 1)
	var got []string
	for _, w := range loadWarnings(t, files) {
		if strings.Contains(w, "aliases") {
			got = append(got, w)
		}
	}
	want := []string{`content/circulars/2023-02.md:2:12: 警告：aliases 中的旧网址从本站的根目录写起，不含 baseURL 的 /zwgk/tb/：这样写，转址页在 /zwgk/tb/zwgk/tb/circulars/2023/17/，旧网址仍然失效；应写作 "/circulars/2023/17/"`}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}
