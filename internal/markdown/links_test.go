package markdown

import (
	"reflect"
	"strings"
	"testing"
)

// TestLinks: every link and image of a body, with its destination as
// parsed and where it is written, counted by hand (columns in
// characters, a line's first character column 1).
func TestLinks(t *testing.T) {
	src := strings.Join([]string{
		"现场见下图：",            // 1
		"",                  // 2
		"![现场照片](图/现场.jpg)", // 3: dest at column 9
		"",                  // 4
		"得分见[附件一](附件/得分.xlsx#汇总)和[通知](/notices/)。", // 5: columns 10 and 30
		"",                       // 6
		"| 表 | 链接 |",             // 7
		"|---|---|",              // 8
		"| 一 | [表](<表 一.xls>) |", // 9: <…> removed; column 12
		"",                       // 10
		"- 见[前文][原件]、<https://www.gov.cn/>", // 11: an autolink is no Link
		"",                     // 12
		"[原件]: 原%E4%BB%B6.pdf", // 13: the definition holds the dest, column 7
		"",
		"![](图/无说明.png)", // 15: no alt text
		"",
		"![**得分**分布`图`](图/强调.png)", // 17: the alt text without its markup
		"",
	}, "\n")
	want := []Link{
		{Dest: "图/现场.jpg", Image: true, Text: "现场照片", Line: 3, Col: 9},
		{Dest: "附件/得分.xlsx#汇总", Text: "附件一", Line: 5, Col: 10},
		{Dest: "/notices/", Text: "通知", Line: 5, Col: 30},
		{Dest: "表 一.xls", Text: "表", Line: 9, Col: 12},
		{Dest: "原%E4%BB%B6.pdf", Text: "前文", Line: 13, Col: 7},
		{Dest: "图/无说明.png", Image: true, Line: 15, Col: 5},
		{Dest: "图/强调.png", Image: true, Text: "得分分布图", Line: 17, Col: 16},
	}
	if got := New().Links([]byte(src)); !reflect.DeepEqual(got, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", got, want)
	}
	for _, none := range []string{"没有链接的正文，[方括号]也不是。\n", "{{< rankings >}}\n"} {
		if got := New().Links([]byte(none)); got != nil {
			t.Errorf("Links(%q) = %+v, want none", none, got)
		}
	}
}

// TestLinkTargets: a link or an image whose destination has a target
// points there, a link with the name to save it as; others stay as
// written; an image alone in its paragraph is a figure.
func TestLinkTargets(t *testing.T) {
	src := "![照片](图/现场.jpg)\n\n见[得分表](附件/得分.xlsx)、[原件](原件.pdf)和[网站](https://www.gov.cn/)。文中![小图](图/小.png)\n"
	targets := map[string]Target{
		"图/现场.jpg":   {Href: "file-1.jpg", Width: 1200, Height: 800},
		"附件/得分.xlsx": {Href: "attachment-1.xlsx", Download: "附件 得分表.xlsx"},
		"原件.pdf":     {Href: "file-2.pdf#page=2"},
	}
	html, errs := New().ConvertValid([]byte(src), nil, targets)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := `<p class="figure"><img src="file-1.jpg" alt="照片" width="1200" height="800"></p>
<p>见<a href="attachment-1.xlsx" download="附件 得分表.xlsx">得分表</a>、<a href="file-2.pdf#page=2">原件</a>和<a href="https://www.gov.cn/">网站</a>。文中<img src="%E5%9B%BE/%E5%B0%8F.png" alt="小图"></p>
`
	if string(html) != want {
		t.Errorf("html\n got %s\nwant %s", html, want)
	}
}
