package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nestedList is a list nested depth levels deep by indentation, one item
// a line: the 2,000-level list at depth 2000.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- 第")
		fmt.Fprint(&b, i+1)
		b.WriteString("层\n")
	}
	return b.String()
}

// footnotes is a paragraph referring to n footnotes and their definitions.
func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "正文[^%d]", i+1)
	}
	b.WriteString("\n\n")
	for i := range n {
		fmt.Fprintf(&b, "[^%d]: 注释%d\n", i+1, i+1)
	}
	return b.String()
}

// TestCheckRefuses: each limit, just past it, is refused at the place
// where it is exceeded (line and column counted by hand), and just within
// it is accepted.
func TestCheckRefuses(t *testing.T) {
	for _, c := range []struct {
		name      string
		ok, bad   string
		line, col int
		msg       string
	}{
		{"block quotes on one line", strings.Repeat(">", 32) + " 引文\n", strings.Repeat(">", 33) + " 引文\n", 1, 33, "嵌套过深"},
		{"block quotes with blanks", "正文\n\n" + strings.Repeat("> ", 32) + "引文\n", "正文\n\n" + strings.Repeat("> ", 33) + "引文\n", 3, 65, "嵌套过深"},
		{"list markers on one line", strings.Repeat("- ", 32) + "项\n", strings.Repeat("- ", 33) + "项\n", 1, 65, "嵌套过深"},
		{"ordered markers", strings.Repeat("1. ", 32) + "项\n", strings.Repeat("1. ", 33) + "项\n", 1, 97, "嵌套过深"},
		{"quotes and lists", strings.Repeat("> - ", 16) + "项\n", strings.Repeat("> - ", 16) + "> 项\n", 1, 65, "嵌套过深"},
		// Line 33 opens the 33rd level at indentation 64: refused at its
		// marker, column 65.
		{"list nested by indentation", nestedList(32), nestedList(33), 33, 65, "嵌套过深"},
		{"footnote definitions", footnotes(1000), footnotes(1001), 1001 + 2, 1, "脚注过多"},
		{"footnote references", strings.Repeat("见[^1]", 10000) + "\n\n[^1]: 注\n", strings.Repeat("见[^1]", 10001) + "\n\n[^1]: 注\n", 1, 10000*5 + 2, "脚注引用过多"},
		{"lines", strings.Repeat("一\n", MaxBlocks), strings.Repeat("一\n", MaxBlocks+1), MaxBlocks + 1, 1, "块级结构过多"},
		// Each item is a line and a marker: the marker of the item after
		// MaxBlocks/2 of them is one too many.
		{"list items", strings.Repeat("- 项\n", MaxBlocks/2), strings.Repeat("- 项\n", MaxBlocks/2+1), MaxBlocks/2 + 1, 1, "块级结构过多"},
		{"inline marks", strings.Repeat("[链接]\n\n", MaxInlineMarks/2), strings.Repeat("[链接]\n\n", MaxInlineMarks/2) + "正文<\n", MaxInlineMarks + 1, 3, "标记符号过多"},
		{"runs of a mark count once", strings.Repeat("**甲** `乙`\n\n", MaxInlineMarks/4), "", 0, 0, ""},
		// One paragraph of 10,000 runs of * costs 10⁸: the budget.
		{"emphasis", strings.Repeat("*甲", 10000) + "\n", strings.Repeat("*甲", 10001) + "\n", 1, 1, "强调标记过多"},
		{"emphasis in the second paragraph", "", "正文\n\n" + strings.Repeat("_乙", 10001) + "\n", 3, 1, "强调标记过多"},
		{"link destinations", strings.Repeat("[a](/u/)\n", MaxInlineMarks/2), strings.Repeat("[a](", 16000) + "\n", 1, 1, "链接地址过多"},
		{"link titles across lines", "", strings.Repeat("[a](b (\n", 20000), 1, 1, "链接和代码标记过多"},
		{"backtick runs of every length", "", backtickRuns(2000), 1, 1, "链接和代码标记过多"},
		{"link reference definitions", "", strings.Repeat("[a]: /u\n", 5000), 1, 1, "链接定义过多"},
	} {
		if c.ok != "" {
			if err := Check([]byte(c.ok)); err != nil {
				t.Errorf("%s: within the limit, refused: %v", c.name, err)
			}
		}
		if c.bad == "" {
			continue
		}
		err := Check([]byte(c.bad))
		if err == nil {
			t.Errorf("%s: past the limit, accepted", c.name)
			continue
		}
		if err.Line != c.line || err.Col != c.col || !strings.HasPrefix(err.Msg, c.msg) {
			t.Errorf("%s: %d:%d: %s; want %d:%d: %s…", c.name, err.Line, err.Col, err.Msg, c.line, c.col, c.msg)
		}
	}
}

// backtickRuns is one paragraph of backtick runs of every length up to n.
func backtickRuns(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("`", i))
		b.WriteString("a")
	}
	return b.String() + "\n"
}

// TestCheckAccepts: what real documents hold is far within the limits:
// every Markdown file of this repository and of the bad-input corpus's
// valid base, a thematic break written with many spaced dashes, and a
// large ordinary page.
func TestCheckAccepts(t *testing.T) {
	var files []string
	for _, root := range []string{"../../content", "../../testdata/bad/_base/content", "../.."} {
		matches, _ := filepath.Glob(filepath.Join(root, "*.md"))
		files = append(files, matches...)
		more, _ := filepath.Glob(filepath.Join(root, "*", "*.md"))
		files = append(files, more...)
	}
	if len(files) < 3 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := Check(src); err != nil {
			t.Errorf("%s:%d:%d: %s", f, err.Line, err.Col, err.Msg)
		}
	}
	var page strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&page, "## 第%d条\n\n**（%d）** 各乡镇（街道）要按照[通知](/notices/%d/)要求，做好`第%d项`工作[^%d]。\n\n- 一是……\n- 二是……\n  1. 其中……\n\n> 引文……\n\n", i, i, i, i, i%900+1)
	}
	for i := range 900 {
		fmt.Fprintf(&page, "[^%d]: 注释。\n", i+1)
	}
	for _, src := range []string{page.String(), strings.Repeat("- ", 200) + "\n", "* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *\n"} {
		if err := Check([]byte(src)); err != nil {
			t.Errorf("%.40q…: %d:%d: %s", src, err.Line, err.Col, err.Msg)
		}
	}
}

// TestConvertRefuses: Convert, ConvertValid and Shortcodes report the limit
// as an error and parse nothing.
func TestConvertRefuses(t *testing.T) {
	c := New()
	src := []byte("正文\n\n" + strings.Repeat(">", 100000) + "\n")
	want := Error{Line: 3, Col: 33, Msg: "嵌套过深：引用（>）、列表和脚注定义最多嵌套 32 层"}
	if html, errs := c.Convert(src, nil); len(errs) != 1 || errs[0] != want || len(html) != 0 {
		t.Errorf("Convert: %d bytes of HTML, %v; want none and %v", len(html), errs, want)
	}
	if _, errs := c.Shortcodes(src); len(errs) != 1 || errs[0] != want {
		t.Errorf("Shortcodes: %v; want %v", errs, want)
	}
}

// FuzzCheck: Check never panics, and places what it refuses inside the
// text.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "正文\n", "> - [^1]: x\n", "[a](b (\n`x``\n", strings.Repeat(">", 40), "- - -\n", "1) 2. [x]: /u\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		err := Check(src)
		if err == nil {
			return
		}
		lines := 1 + strings.Count(string(src), "\n")
		if err.Line < 1 || err.Line > lines || err.Col < 1 || err.Msg == "" {
			t.Fatalf("Check(%q) = %d:%d: %s, outside the text's %d lines", src, err.Line, err.Col, err.Msg, lines)
		}
	})
}
