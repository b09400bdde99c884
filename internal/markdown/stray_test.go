package markdown

import (
	"reflect"
	"strings"
	"testing"
)

// TestStrayShortcodes: a shortcode written slightly wrong, or not on a
// line of its own, is an error at its "{{" (columns in characters,
// counted by hand), saying what to write; it would otherwise be
// published as text.
func TestStrayShortcodes(t *testing.T) {
	tests := []struct {
		name, in string
		errs     []string
		html     string // when not "", the HTML expected
	}{
		{
			name: "Hugo's other delimiters",
			in:   "导语\n\n{{% township-ranking %}}\n",
			errs: []string{"3:1: 短代码用 {{< … >}}，不用 {{% … %}}"},
			html: "<p>导语</p>\n",
		},
		{
			name: "text before it on its line",
			in:   "导语\n\n排名如下：{{< township-ranking >}}\n",
			errs: []string{"3:6: 短代码要单独成行：把“排名如下：”移到上一行"},
		},
		{
			name: "text before and after",
			in:   "排名如下：{{< township-ranking >}}以上。\n",
			errs: []string{"1:6: 短代码要单独成行：把“排名如下：”移到上一行，“以上。”移到下一行"},
		},
		{
			name: "long texts quoted by their ends",
			in:   "现将全县一至三月重点工作落实情况通报如下：{{< rewards >}}各乡镇要对照通报的问题认真整改。\n",
			errs: []string{"1:22: 短代码要单独成行：把“…点工作落实情况通报如下：”移到上一行，“各乡镇要对照通报的问题认…”移到下一行"},
		},
		{
			name: "without blanks, after text: part of it is raw HTML",
			in:   "见{{<rewards>}}\n",
			errs: []string{"1:2: 短代码要单独成行：把“见”移到上一行"},
		},
		{
			name: "full-width angle brackets",
			in:   "{{＜ township-ranking ＞}}\n",
			errs: []string{"1:1: 短代码写作 {{< … >}}（半角的 < >），不是“{{＜ … ＞}}”"},
			html: "",
		},
		{
			name: "book-title marks of a Chinese input method",
			in:   "正文。\n{{《 township-ranking 》}}\n",
			errs: []string{"2:1: 短代码写作 {{< … >}}（半角的 < >），不是“{{《 … 》}}”"},
			html: "<p>正文。</p>\n",
		},
		{
			name: "full-width braces",
			in:   "｛｛< rewards >｝｝\n",
			errs: []string{"1:1: 短代码写作 {{< … >}}（半角的 { }），不是“｛｛< … >｝｝”"},
		},
		{
			name: "full-width braces and brackets",
			in:   "｛｛《 rewards 》｝｝\n",
			errs: []string{"1:1: 短代码写作 {{< … >}}（半角的 { } < >），不是“｛｛《 … 》｝｝”"},
		},
		{
			name: "full-width, after text",
			in:   "排名：｛｛《 rewards 》｝｝\n",
			errs: []string{"1:4: 短代码写作 {{< … >}}（半角的 { } < >），不是“｛｛《 … 》｝｝”；短代码要单独成行：把“排名：”移到上一行"},
		},
		{
			name: "no angle brackets",
			in:   "{{ township-ranking }}\n",
			errs: []string{"1:1: 短代码写作 {{< … >}}，名称两边要有 < >，不是“{{ … }}”"},
		},
		{
			name: "blanks inside the marks",
			in:   "{{ < rewards > }}\n",
			errs: []string{"1:1: 短代码写作 {{< … >}}，{{< 和 >}} 中间不能有空格，不是“{{ < … > }}”"},
		},
		{
			name: "a full-width closing bracket",
			in:   "{{< rewards ＞}}\n",
			errs: []string{"1:13: 短代码写作 {{< … >}}（半角的 < >），不是“{{< … ＞}}”"},
		},
		{
			name: "a book-title mark against the name",
			in:   "{{< rewards》}}\n",
			errs: []string{"1:12: 短代码写作 {{< … >}}（半角的 < >），不是“{{< … 》}}”"},
		},
		{
			name: "closed as Hugo's other delimiters",
			in:   "{{< rewards %}}\n",
			errs: []string{"1:13: 短代码写作 {{< … >}}，不是“{{< … %}}”"},
		},
		{
			name: "Hugo's escape, on its line and in text",
			in:   "{{</* rewards */>}}\n\n见{{</* rewards */>}}\n",
			errs: []string{
				"1:4: " + hugoEscape,
				"3:2: " + hugoEscape,
			},
		},
		{
			name: "indented four spaces: a code block",
			in:   "导语\n\n    {{< township-ranking >}}\n",
			errs: []string{"3:5: 短代码前不能缩进：删去它前面的空格"},
			html: "<p>导语</p>\n<pre><code>{{&lt; township-ranking &gt;}}\n</code></pre>\n",
		},
		{
			name: "indented by a tab",
			in:   "\t{{< rewards >}}\n",
			errs: []string{"1:2: 短代码前不能缩进：删去它前面的空格"},
		},
		{
			name: "indented, mistyped",
			in:   "    {{% rewards %}}\n",
			errs: []string{"1:5: 短代码用 {{< … >}}，不用 {{% … %}}；短代码前不能缩进：删去它前面的空格"},
		},
		{
			name: "indented after a paragraph: part of it",
			in:   "导语\n    {{< rewards >}}\n",
			errs: []string{"2:5: 短代码前不能缩进：删去它前面的空格"},
		},
		{
			name: "in a heading",
			in:   "## 三、{{< rewards >}}\n",
			errs: []string{"1:6: 短代码不能写在标题中：另起一行，写在标题下面"},
		},
		{
			name: "in a table",
			in:   "| 单位 | 得分 |\n|---|---|\n| 甲 | {{< rewards >}} |\n",
			errs: []string{"3:7: 短代码不能写在表格中：写在表格外，单独成行"},
		},
		{
			name: "in a list item, after text",
			in:   "- 排名：{{< rewards >}}\n",
			errs: []string{"1:6: 短代码要单独成行：把“排名：”移到上一行"},
		},
		{
			name: "in a quote, mistyped, between texts",
			in:   "> 排名如下：{{% rewards %}}后文\n",
			errs: []string{"1:8: 短代码用 {{< … >}}，不用 {{% … %}}；短代码要单独成行：把“排名如下：”移到上一行，“后文”移到下一行"},
		},
		{
			name: "every stray of a line, the text since the last one quoted",
			in:   "甲{{< a >}}乙{{% b %}}\n丙{{< c >}}\n",
			errs: []string{
				"1:2: 短代码要单独成行：把“甲”移到上一行，“乙{{% b %}}”移到下一行",
				"1:12: 短代码用 {{< … >}}，不用 {{% … %}}；短代码要单独成行：把“乙”移到上一行",
				"2:2: 短代码要单独成行：把“丙”移到上一行",
			},
		},
		{
			name: "three on a line, two side by side, of every width",
			in:   "表一{{＜ a ＞}}{{< b >}}，表二｛｛< c >｝｝\n",
			errs: []string{
				"1:3: 短代码写作 {{< … >}}（半角的 < >），不是“{{＜ … ＞}}”；短代码要单独成行：把“表一”移到上一行，“{{< b >}}，表二…”移到下一行",
				"1:12: 短代码要单独成行：另起一行写它，“，表二｛｛< c >｝｝”移到下一行",
				"1:24: 短代码写作 {{< … >}}（半角的 { }），不是“｛｛< … >｝｝”；短代码要单独成行：把“，表二”移到上一行",
			},
		},
		{
			name: "after a mistyped one that opens the line",
			in:   "{{% a %}} {{% b %}}\n",
			errs: []string{
				"1:1: 短代码用 {{< … >}}，不用 {{% … %}}",
				"1:11: 短代码用 {{< … >}}，不用 {{% … %}}；短代码要单独成行：另起一行写它",
			},
		},
		{
			name: "after a mistyped one that opens a quote's line",
			in:   "> {{＜ a ＞}}甲{{＜ b ＞}}\n",
			errs: []string{
				"1:3: 短代码写作 {{< … >}}（半角的 < >），不是“{{＜ … ＞}}”",
				"1:13: 短代码写作 {{< … >}}（半角的 < >），不是“{{＜ … ＞}}”；短代码要单独成行：把“甲”移到上一行",
			},
		},
		{
			name: "in a heading and a table cell, each",
			in:   "## 排名{{< a >}}和{{< b >}}\n\n| 甲 {{% c %}} {{% d %}} |\n| --- |\n",
			errs: []string{
				"1:6: 短代码不能写在标题中：另起一行，写在标题下面",
				"1:16: 短代码不能写在标题中：另起一行，写在标题下面",
				"3:5: 短代码用 {{< … >}}，不用 {{% … %}}；短代码不能写在表格中：写在表格外，单独成行",
				"3:15: 短代码用 {{< … >}}，不用 {{% … %}}；短代码不能写在表格中：写在表格外，单独成行",
			},
		},

		// Legitimate text.
		{
			name: "written without angle brackets on its line",
			in:   "{{<rewards>}}\n",
			html: "<div data-line=\"1\">rewards[]</div>\n",
		},
		{
			name: "in code spans",
			in:   "写作 `{{< rewards >}}`、`{{% x %}}` 或 `{{＜ x ＞}}`。\n",
			html: "<p>写作 <code>{{&lt; rewards &gt;}}</code>、<code>{{% x %}}</code> 或 <code>{{＜ x ＞}}</code>。</p>\n",
		},
		{
			name: "in fenced code",
			in:   "```\n{{% x %}}\n排名如下：{{< x >}}\n    {{< x >}}\n```\n",
			html: "<pre><code>{{% x %}}\n排名如下：{{&lt; x &gt;}}\n    {{&lt; x &gt;}}\n</code></pre>\n",
		},
		{
			name: "its < escaped",
			in:   "见 {{\\< rewards >}} 处\n",
			html: "<p>见 {{&lt; rewards &gt;}} 处</p>\n",
		},
		{
			name: "braces that are no shortcode",
			in:   "{{ 注 }}与{{1}}、{{ x 以及 ｛｛甲\n",
			html: "<p>{{ 注 }}与{{1}}、{{ x 以及 ｛｛甲</p>\n",
		},
		{
			name: "indented code not starting with one",
			in:   "    示例：{{< rewards >}}\n",
			html: "<pre><code>示例：{{&lt; rewards &gt;}}\n</code></pre>\n",
		},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs := c.Convert([]byte(tt.in), echo)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors\n got %q\nwant %q", got, tt.errs)
			}
			if (tt.html != "" || len(tt.errs) == 0) && string(out) != tt.html {
				t.Errorf("html\n got %q\nwant %q", out, tt.html)
			}
			// Shortcodes, which a check runs, finds the same.
			_, serrs := c.Shortcodes([]byte(tt.in))
			got = got[:0]
			for _, e := range serrs {
				got = append(got, e.Error())
			}
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("Shortcodes: errors\n got %q\nwant %q", got, tt.errs)
			}
		})
	}
}

// TestStraysManyBraces: a line of thousands of lone braces, of both
// widths, is scanned once, and the stray after them found.
func TestStraysManyBraces(t *testing.T) {
	src := strings.Repeat("{ ｛ ", 20000) + "排名：{{< rewards >}}\n"
	_, errs := New().Convert([]byte(src), echo)
	if len(errs) != 1 || errs[0].Line != 1 || errs[0].Col != 80001+3 {
		t.Errorf("errors %v; want one at 1:80004", errs)
	}
}

// FuzzStrays: any text converts without a panic, and every error is at a
// place in it.
func FuzzStrays(f *testing.F) {
	for _, s := range []string{
		"排名如下：{{< township-ranking >}}以上\n",
		"> - ｛｛《 x 》｝｝\n",
		"    {{% x %}}\n\t{{ x }}\n",
		"| a |\n|---|\n| `{{<` {{< x >}} |\n",
		"## {{</* x */>}}\n",
		"{{< x ＞}}",
		// Slips (slips.go): warnings, which are placed in the text too.
		"| a | b | c |\n|---|---|\n\n> | a |\n> |--|\n> | 1 | \\| 2 | 3 |\n",
		"##x **（一）\n[^1]：y\n\\**z [^2]",
	} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, s string) {
		_, errs := c.Convert([]byte(s), echo)
		lines := strings.Count(s, "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || e.Col < 1 || e.Msg == "" {
				t.Fatalf("%q: error %v out of place", s, e)
			}
		}
	})
}
