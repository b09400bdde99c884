package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLinks: every link and image of a body, with its destination as
// parsed and where it starts, counted by hand (columns in characters, a
// line's first character column 1).
func TestLinks(t *testing.T) {
	src := strings.Join([]string{
		"现场见下图：", // 1
		"",
		"![现场照片](图/现场.jpg)", // 3: column 1
		"",
		"得分见[附件一](附件/得分.xlsx#汇总)和[通知](/notices/)。", // 5: columns 4 and 25
		"",
		"| 表 | 链接 |",
		"|---|---|",
		"| 一 | [表](<表 一.xls>) |", // 9: <…> removed; column 7
		"",
		"- 见[前文][原件]、<https://www.gov.cn/>", // 11: a reference, column 4; an autolink is no Link
		"",
		"[原件]: 原%E4%BB%B6.pdf", // 13: the reference's definition
		"",
		"![](图/无说明.png)", // 15: no alt text
		"",
		"![**得分**分布`图`](图/强调.png)", // 17: the alt text without its markup
		"",
		"**粗体**[甲](甲.pdf)、`代码`![乙](乙.png)和*斜*[丙](丙.pdf)", // 19: after markup, columns 7, 22 and 37
		"",
		"见下",         // 21
		"[丁](丁.pdf)", // 22: on the line after its paragraph's text, column 1
		"",
		"> 引文",             // 24
		"> **[戊](戊.pdf)**", // 25: inside emphasis, after a quote's marker: column 5
		"",
		"![图[内](内.pdf)说明](图/嵌套.png)见[己](己.pdf)", // 27: a link in an image's alt text is text, no link; 己 at column 28
		"",
	}, "\n")
	want := []Link{
		{Dest: "图/现场.jpg", Image: true, Text: "现场照片", Line: 3, Col: 1},
		{Dest: "附件/得分.xlsx#汇总", Text: "附件一", Line: 5, Col: 4},
		{Dest: "/notices/", Text: "通知", Line: 5, Col: 25},
		{Dest: "表 一.xls", Text: "表", Line: 9, Col: 7},
		{Dest: "原%E4%BB%B6.pdf", Text: "前文", Line: 11, Col: 4},
		{Dest: "图/无说明.png", Image: true, Line: 15, Col: 1},
		{Dest: "图/强调.png", Image: true, Text: "得分分布图", Line: 17, Col: 1},
		{Dest: "甲.pdf", Text: "甲", Line: 19, Col: 7},
		{Dest: "乙.png", Image: true, Text: "乙", Line: 19, Col: 22},
		{Dest: "丙.pdf", Text: "丙", Line: 19, Col: 37},
		{Dest: "丁.pdf", Text: "丁", Line: 22, Col: 1},
		{Dest: "戊.pdf", Text: "戊", Line: 25, Col: 5},
		{Dest: "图/嵌套.png", Image: true, Text: "图内说明", Line: 27, Col: 1},
		{Dest: "己.pdf", Text: "己", Line: 27, Col: 28},
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

// TestLinksAdjacent: a link or image right after another, with no text
// between, is placed at its own '[' or '!', not where the text of the
// one before ended. Columns counted by hand, in characters.
func TestLinksAdjacent(t *testing.T) {
	type at struct{ line, col int }
	for _, c := range []struct {
		src  string
		want []at
	}{
		{"![a](b.png)[c](d.pdf)", []at{{1, 1}, {1, 12}}},
		{"说明：![图](图.png)[原图](原图.pdf)", []at{{1, 4}, {1, 15}}},
		{"[甲](甲.pdf)[乙](乙.pdf)![丙](丙.png)", []at{{1, 1}, {1, 11}, {1, 21}}},
		{"[`代码`](码.pdf)[后](后.pdf)", []at{{1, 1}, {1, 14}}},              // a code span ends the first's text
		{"[](空.pdf)[有](有.pdf)", []at{{1, 1}, {1, 10}}},                  // the first has no text
		{"**[粗](粗.pdf)**[细](细.pdf)", []at{{1, 3}, {1, 15}}},             // emphasis closes between
		{"见[前文][原件][后文](后.pdf)\n\n[原件]: 原件.pdf", []at{{1, 2}, {1, 10}}}, // a reference, then an inline link
		{`[标题](题.pdf "说明")[次](次.pdf)`, []at{{1, 1}, {1, 17}}},           // a title
		{"| 表 |\n|---|\n| [甲](甲.pdf)[乙](乙.pdf) |", []at{{3, 3}, {3, 13}}},
		{"[甲](\n甲.pdf)[乙](乙.pdf)", []at{{1, 1}, {2, 7}}},           // the destination on the next line
		{"![图[内](内.pdf)](图.png)[外](外.pdf)", []at{{1, 1}, {1, 22}}}, // the link in the alt text is none
	} {
		var got []at
		for _, l := range New().Links([]byte(c.src)) {
			got = append(got, at{l.Line, l.Col})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Links(%q) at %v, want %v", c.src, got, c.want)
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
	want := `<p class="figure"><img src="file-1.jpg" alt="照片" width="1200" height="800" loading="lazy"></p>
<p>见<a href="attachment-1.xlsx" download="附件 得分表.xlsx">得分表</a>、<a href="file-2.pdf#page=2">原件</a>和<a href="https://www.gov.cn/">网站</a>。文中<img src="%E5%9B%BE/%E5%B0%8F.png" alt="小图"></p>
`
	if string(html) != want {
		t.Errorf("html\n got %s\nwant %s", html, want)
	}
}

// BenchmarkLinks lists the links of texts at the limits Check admits:
// twenty thousand links in one paragraph of as many lines, and as many
// references on one line of 400 KB. Finding each link's place by
// searching from its paragraph's start, or counting from the top, took
// time in the square of their number.
func BenchmarkLinks(b *testing.B) {
	var lines strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&lines, "见第%d图[图%d](图/%d.png)\n", i, i, i)
	}
	refs := strings.Repeat("文字文字文字[原件]", 20_000) + "\n\n[原件]: 原件.pdf\n"
	for _, c := range []struct{ name, src string }{{"lines", lines.String()}, {"references", refs}} {
		src := []byte(c.src)
		if err := Check(src); err != nil {
			b.Fatalf("%s: refused: %v", c.name, err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if n := len(New().Links(src)); n != 20_000 {
					b.Fatalf("%d links", n)
				}
			}
		})
	}
}

// FuzzLinks: whatever the text, Links places every link at its '[' (an
// image at its '!'), and the links it lists are the ones ConvertValid
// points elsewhere: each, given a target of its own, shows that target in
// the HTML.
func FuzzLinks(f *testing.F) {
	for _, s := range []string{"![现场](图/现场.jpg)\n", "见[a](x.pdf)和[b][r]\n\n[r]: y.pdf\n", "| a | [b](c.xls) |\n|---|---|\n",
		"- ![](<a b.png>)\n  > [c](d#e)\n", "[x](y)[^1]\n\n[^1]: [z](w.pdf)\n", "**[粗](a.pdf)**![`c`](b.png)\n", "![[]()](0)", "![a](b.png)[c](d)"} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, s string) {
		src := validUTF8([]byte(s))
		if len(src) > 4096 || Check(src) != nil {
			t.Skip()
		}
		links := c.Links(src)
		lines := strings.Split(string(src), "\n")
		targets := map[string]Target{}
		for i, l := range links {
			if l.Line < 1 || l.Line > len(lines) || l.Col < 1 || l.Col > utf8.RuneCountInString(lines[l.Line-1]) {
				t.Errorf("link %q at %d:%d, outside the text", l.Dest, l.Line, l.Col)
			} else if mark, at := "[", []rune(lines[l.Line-1])[l.Col-1]; l.Image && at != '!' || !l.Image && at != '[' {
				if l.Image {
					mark = "!"
				}
				t.Errorf("%q: link %q at %d:%d, on %q, not its %s", s, l.Dest, l.Line, l.Col, at, mark)
			}
			targets[l.Dest] = Target{Href: fmt.Sprintf("target-%d", i)}
		}
		html, _ := c.ConvertValid(src, func(Shortcode) (template.HTML, error) { return "", nil }, targets)
		for _, tg := range targets {
			if !bytes.Contains(html, []byte(`="`+tg.Href)) {
				t.Errorf("%q: no link to %s in\n%s", s, tg.Href, html)
			}
		}
	})
}
