package markdown

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
)

func TestConvert(t *testing.T) {
	c := New()
	tests := []struct {
		name, in string
		want     []string // substrings of the output, in order
		not      []string // substrings that must not appear
	}{
		{
			name: "GFM table",
			in:   "| 单位 | 排名 |\n|---|---:|\n| 区发改局 | 1 |\n",
			want: []string{"<table>", `<th scope="col">单位</th>`, `<td style="text-align:right">1</td>`, "</table>"},
		},
		{
			name: "footnote",
			in:   "正文[^1]\n\n[^1]: 注释内容\n",
			want: []string{`<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, "注释内容"},
		},
		{
			name: "line break after ， joins",
			in:   "第一行，\n第二行",
			want: []string{"<p>第一行，第二行</p>"},
		},
		{
			name: "line break between Latin words stays",
			in:   "first\nsecond",
			want: []string{"<p>first\nsecond</p>"},
		},
		{
			name: "heading id keeps Chinese",
			in:   "## 一、任务完成情况\n",
			want: []string{`<h2 id="一任务完成情况">一、任务完成情况</h2>`},
		},
		{
			name: "duplicate headings",
			in:   "## 概况\n\n## 概况\n\n### 概况\n",
			want: []string{`<h2 id="概况">`, `<h2 id="概况-1">`, `<h3 id="概况-2">`},
		},
		{
			name: "raw HTML omitted",
			in:   "<script>alert(1)</script>\n\n文字<span onclick=\"x()\">内联</span>\n",
			want: []string{"<!-- raw HTML omitted -->", "<p>文字<!-- raw HTML omitted -->内联<!-- raw HTML omitted --></p>"},
			not:  []string{"<script", "<span", "onclick"},
		},
		{
			name: "no typographer",
			in:   `他说"好"--然后...`,
			want: []string{"<p>他说&quot;好&quot;--然后...</p>"},
			not:  []string{"&ldquo;", "&ndash;", "&hellip;"},
		},
		{
			name: "escaped space separates emphasis without a visible space",
			in:   `**加粗**\ 文字`,
			want: []string{"<p><strong>加粗</strong>文字</p>"},
		},
		{
			name: "CJK emphasis is on",
			in:   "**（8）优化营商环境。**湘易办",
			want: []string{"<p><strong>（8）优化营商环境。</strong>湘易办</p>"},
		},
		{
			name: "no linkify",
			in:   "见 https://example.gov.cn 网站",
			want: []string{"<p>见 https://example.gov.cn 网站</p>"},
		},
		{
			name: "dangerous link blanked",
			in:   "[点我](javascript:alert(1))",
			want: []string{`<a href="">点我</a>`},
			not:  []string{"javascript"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs := c.Convert([]byte(tt.in), nil)
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			got := string(out)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order)\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("output contains %q\n%s", n, got)
				}
			}
		})
	}
}

// TestHeadingIDsPerConvert checks that ids do not carry over from one
// Convert to the next, which a shared parser.IDs would do.
func TestHeadingIDsPerConvert(t *testing.T) {
	c := New()
	src := []byte("# 通报\n")
	for range 3 {
		out, _ := c.Convert(src, nil)
		if want := `<h1 id="通报">通报</h1>` + "\n"; string(out) != want {
			t.Fatalf("got %q, want %q", out, want)
		}
	}
}

func TestHeadingIDsGenerate(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"一、任务完成情况"}, []string{"一任务完成情况"}},
		{[]string{"（一）重点工作"}, []string{"一重点工作"}},
		{[]string{"“三重点”：落实；情况。"}, []string{"三重点落实情况"}},
		{[]string{"Hello World", "Hello  World"}, []string{"hello-world", "hello-world-1"}},
		{[]string{"  2023年1-2月  "}, []string{"2023年1-2月"}},
		{[]string{"snake_case"}, []string{"snake_case"}},
		{[]string{"一、**加粗**标题"}, []string{"一加粗标题"}},
		{[]string{"、，。", "", "!!"}, []string{"h", "h-1", "h-2"}},
		{[]string{"a", "a-1", "a"}, []string{"a", "a-1", "a-2"}},
		{[]string{"全角　空格"}, []string{"全角-空格"}},
	}
	for _, tt := range tests {
		ids := newHeadingIDs()
		for i, in := range tt.in {
			if got := string(ids.Generate([]byte(in), 0)); got != tt.want[i] {
				t.Errorf("Generate(%q) after %q = %q, want %q", in, tt.in[:i], got, tt.want[i])
			}
		}
	}
}

func TestInline(t *testing.T) {
	c := New()
	tests := []struct {
		in   string
		want template.HTML
	}{
		{"完成投资**1.2亿元**，同比增长*15%*。", "完成投资<strong>1.2亿元</strong>，同比增长<em>15%</em>。"},
		{"代码 `x<y`", "代码 <code>x&lt;y</code>"},
		{"详见[通知](/notices/2023-05/)", `详见<a href="/notices/2023-05/">通知</a>`},
		{"第一行，\n第二行", "第一行，第二行"},
		{"1. 不是列表", "1. 不是列表"},
		{"# 不是标题", "# 不是标题"},
		{"    不是代码", "不是代码"},
		{"第一段\n\n第二段", "第一段<br>\n第二段"},
		{"<b>粗</b>", "<!-- raw HTML omitted -->粗<!-- raw HTML omitted -->"},
		{"", ""},
		{"**（8）优化营商环境。**湘易办", "<strong>（8）优化营商环境。</strong>湘易办"},
		// Dangerous schemes, however spelled, lose their URL.
		{"[a](javascript:alert(1))", `<a href="">a</a>`},
		{"[a](JavaScript:alert(1))", `<a href="">a</a>`},
		{"[a](&#106;avascript:alert(1))", `<a href="">a</a>`},
		{"[a](vbscript:msgbox)", `<a href="">a</a>`},
		{"[a](data:text/html,<script>)", `<a href="">a</a>`},
		{"<javascript:alert(1)>", `<a href="">javascript:alert(1)</a>`},
		{"![i](javascript:alert(1))", `<img src="" alt="i">`},
	}
	for _, tt := range tests {
		if got := c.Inline(tt.in); got != tt.want {
			t.Errorf("Inline(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestConcurrent shares one Converter among goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	c := New()
	src := []byte("# 标题\n\n## 标题\n\n**（8）优化营商环境。**湘易办[^1]\n\n{{< table \"gongye\" >}}\n\n| a |\n|---|\n| 1 |\n\n[^1]: 注\n")
	resolve := func(sc Shortcode) (template.HTML, error) {
		return template.HTML(fmt.Sprintf("<div>%s %q</div>", sc.Name, sc.Args)), nil
	}
	want, errs := c.Convert(src, resolve)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got, _ := c.Convert(src, resolve); string(got) != string(want) {
					t.Errorf("output differs:\n%s\nvs\n%s", got, want)
					return
				}
				_ = c.Inline("**粗**")
			}
		})
	}
	wg.Wait()
}

// TestInlinePlainFastPath checks that texts Inline writes without the
// parser come out exactly as the parser writes them, and that texts with
// markup still reach the parser.
func TestInlinePlainFastPath(t *testing.T) {
	c := New()
	for _, src := range []string{
		"已完成查处30人，强戒7人。",
		"  前后有空格的进度  ",
		`引号"双引号"和'单引号'，以及“中文引号”。`,
		"1. 不是列表",
		"# 不是标题",
		"完成率100%，同比增长-3.5个百分点！",
		"网址 http://www.example.gov.cn 不自动变成链接",
		"~波浪线~ 与 ! 感叹号 与 # 井号",
		"全角：ＡＢＣ１２３　全角空格",
		"tab\t在中间",
		"😀 表情",
	} {
		if !plain(src) {
			t.Errorf("%q is not taken as plain", src)
			continue
		}
		if fast, slow := c.Inline(src), c.parseInline(src); fast != slow {
			t.Errorf("Inline(%q):\nfast path %q\nparser    %q", src, fast, slow)
		}
	}
	for _, src := range []string{"**加粗**", "a_b", "`代码`", "[链接](x)", "<b>", "&amp;", `\*`, "两行\n文字", "空\x00字节"} {
		if plain(src) {
			t.Errorf("%q is taken as plain", src)
		}
	}
}

func TestTableHeaderScope(t *testing.T) {
	html, errs := New().Convert([]byte("| 乡镇 | 得分 |\n|---|--:|\n| 桥头街道 | 98.5 |\n"), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{`<th scope="col">乡镇</th>`, `<th scope="col" style="text-align:right">得分</th>`, `<td>桥头街道</td>`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("table lacks %s:\n%s", want, html)
		}
	}
}

// TestListRole: a list keeps role="list", which Safari drops for a list
// drawn without markers, as the theme draws the body's lists.
func TestListRole(t *testing.T) {
	html, errs := New().Convert([]byte("- 甲\n- 乙\n\n正文。\n\n1. 丙\n2. 丁\n"), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{"<ul role=\"list\">\n<li>甲</li>", "<ol role=\"list\">\n<li>丙</li>"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("lists lack %q:\n%s", want, html)
		}
	}
}
