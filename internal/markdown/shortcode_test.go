package markdown

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseShortcode(t *testing.T) {
	tests := []struct {
		in      string
		name    string
		args    []string
		errAt   int    // byte offset of the error, when errMsg != ""
		errText string // a substring of the message
	}{
		{in: `{{< city-bottom >}}`, name: "city-bottom"},
		{in: `{{<categories>}}`, name: "categories"},
		{in: `{{< indicators "重点工作" >}}`, name: "indicators", args: []string{"重点工作"}},
		{in: `{{< table gongye >}}`, name: "table", args: []string{"gongye"}},
		{in: `{{< x "a b" bare "" 2 >}}`, name: "x", args: []string{"a b", "bare", "", "2"}},
		{in: `{{< x "say \"hi\"" "back\\slash" >}}`, name: "x", args: []string{`say "hi"`, `back\slash`}},
		{in: `{{< x a>}}`, name: "x", args: []string{"a"}},
		{in: "{{<\tx\u3000重点工作 >}}", name: "x", args: []string{"重点工作"}},
		{in: `{{< x "a>}}" >}}`, name: "x", args: []string{"a>}}"}},
		{in: `{{< x 'single' >}}`, name: "x", args: []string{"'single'"}},

		{in: `{{< >}}`, errAt: 4, errText: "缺少名称"},
		{in: `{{<`, errAt: 3, errText: "缺少名称"},
		{in: `{{< Table >}}`, errAt: 4, errText: "名称 \"Table\" 无效"},
		{in: `{{< 1x >}}`, errAt: 4, errText: "无效"},
		{in: `{{< a_b >}}`, errAt: 4, errText: "无效"},
		{in: `{{< 表格 >}}`, errAt: 4, errText: "无效"},
		{in: `{{< x "open >}}`, errAt: 6, errText: "引号未闭合"},
		{in: `{{< x "a\n" >}}`, errAt: 8, errText: "无效的转义"},
		{in: `{{< x "a\`, errAt: 8, errText: "无效的转义"},
		{in: `{{< x a b`, errAt: 9, errText: "缺少结尾的 >}}"},
		{in: `{{< x`, errAt: 5, errText: "缺少结尾的 >}}"},
		{in: `{{< x "a"b >}}`, errAt: 9, errText: "应有空格"},
		{in: `{{< x a"b >}}`, errAt: 7, errText: "不能有引号"},
		{in: `{{< interviews “约谈” >}}`, errAt: 15, errText: "参数两边的引号要用英文的“\"”：写作 \"约谈\""},
		{in: `{{< city-bottom “三重点”工作 >}}`, name: "city-bottom", args: []string{"“三重点”工作"}},
		{in: `{{< x >}} {{< y >}}`, errAt: 10, errText: "每行只能写一个短代码"},
		{in: `{{< x >}}}`, errAt: 9, errText: "不能有其他内容"},
	}
	for _, tt := range tests {
		name, args, err := parseShortcode([]byte(tt.in))
		if tt.errText != "" {
			if err == nil {
				t.Errorf("%s: no error, got %q %q", tt.in, name, args)
				continue
			}
			if err.off != tt.errAt || !strings.Contains(err.msg, tt.errText) {
				t.Errorf("%s: error at %d %q, want at %d containing %q", tt.in, err.off, err.msg, tt.errAt, tt.errText)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v at %d", tt.in, err.msg, err.off)
			continue
		}
		if name != tt.name || !reflect.DeepEqual(args, tt.args) {
			t.Errorf("%s: got %q %q, want %q %q", tt.in, name, args, tt.name, tt.args)
		}
	}
}

// echo resolves every shortcode to a <div> that shows what it received,
// and rejects the name "bad" the way the real resolver rejects unknowns.
func echo(sc Shortcode) (template.HTML, error) {
	if sc.Name == "bad" {
		return "", fmt.Errorf("未知短代码 %q", sc.Name)
	}
	return template.HTML(fmt.Sprintf("<div data-line=\"%d\">%s%q</div>", sc.Line, sc.Name, sc.Args)), nil
}

func TestConvertShortcodes(t *testing.T) {
	c := New()
	tests := []struct {
		name, in, want string
		errs           []string
	}{
		{
			name: "replaces its line, unwrapped",
			in:   "# 通报\n\n前言\n{{< indicators \"重点工作\" >}}\n结语\n",
			want: "<h1 id=\"通报\">通报</h1>\n<p>前言</p>\n<div data-line=\"4\">indicators[\"重点工作\"]</div>\n<p>结语</p>\n",
		},
		{
			name: "indented up to three spaces, trailing blanks",
			in:   "   {{< city-bottom >}}  \t\n",
			want: "<div data-line=\"1\">city-bottom[]</div>\n",
		},
		{
			name: "in a fenced code block it is code",
			in:   "```\n{{< table gongye >}}\n```\n",
			want: "<pre><code>{{&lt; table gongye &gt;}}\n</code></pre>\n",
		},
		{
			name: "malformed in a fenced code block is no error",
			in:   "~~~md\n{{< \"oops\n~~~\n",
			want: "<pre><code class=\"language-md\">{{&lt; &quot;oops\n</code></pre>\n",
		},
		{
			name: "in an indented code block it is code, and an error",
			in:   "    {{< table gongye >}}\n",
			want: "<pre><code>{{&lt; table gongye &gt;}}\n</code></pre>\n",
			errs: []string{"1:5: 短代码前不能缩进：删去它前面的空格"},
		},
		{
			name: "mid-line it is text, and an error",
			in:   "见 {{< x >}} 处\n",
			want: "<p>见 {{&lt; x &gt;}} 处</p>\n",
			errs: []string{"1:3: 短代码要单独成行：把“见”移到上一行，“处”移到下一行"},
		},
		{
			name: "in a code span it is text",
			in:   "写作 `{{< rewards >}}`，单独成行。\n",
			want: "<p>写作 <code>{{&lt; rewards &gt;}}</code>，单独成行。</p>\n",
		},
		{
			name: "in a list item",
			in:   "- 项目\n- {{< rewards >}}\n",
			want: "<ul role=\"list\">\n<li>项目</li>\n<li>\n<div data-line=\"2\">rewards[]</div>\n</li>\n</ul>\n",
		},
		{
			name: "resolver error reported with line",
			in:   "第一段\n\n{{< bad >}}\n",
			want: "<p>第一段</p>\n",
			errs: []string{`3:1: 未知短代码 "bad"`},
		},
		{
			name: "every problem reported, HTML still rendered",
			in:   "{{< Bad >}}\n\n正文\n\n{{< ok >}}\n  {{< x \"open >}}\n{{< bad >}}\n{{< y >}} z\n",
			want: "<p>正文</p>\n<div data-line=\"5\">ok[]</div>\n",
			errs: []string{
				`1:5: 短代码名称 "Bad" 无效：应以小写英文字母开头，只含小写英文字母、数字和连字符`,
				"6:9: 引号未闭合",
				`7:1: 未知短代码 "bad"`,
				"8:11: 短代码 >}} 之后不能有其他内容，每行只能写一个短代码",
			},
		},
		{
			name: "column counts characters",
			in:   "> {{< x \"引号\\q\" >}}\n",
			want: "<blockquote>\n</blockquote>\n",
			errs: []string{`1:12: 无效的转义：引号内只能用 \" 表示引号、\\ 表示反斜杠`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs := c.Convert([]byte(tt.in), echo)
			if string(out) != tt.want {
				t.Errorf("html\n got %q\nwant %q", out, tt.want)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors\n got %q\nwant %q", got, tt.errs)
			}
		})
	}
}

func TestConvertNilResolver(t *testing.T) {
	out, errs := New().Convert([]byte("文字\n\n{{< rewards >}}\n{{< interviews \"a\" >}}\n"), nil)
	if string(out) != "<p>文字</p>\n" {
		t.Errorf("html %q", out)
	}
	want := []Error{{Line: 3, Col: 1, Msg: `未知短代码 "rewards"`}, {Line: 4, Col: 1, Msg: `未知短代码 "interviews"`}}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %v, want %v", errs, want)
	}
}

func TestShortcodes(t *testing.T) {
	src := "导语\n\n{{< indicators \"重点工作\" >}}\n```\n{{< fake >}}\n```\n  {{< table \"a \\\"b\\\"\" c >}}\n{{< >}}\n"
	scs, errs := New().Shortcodes([]byte(src))
	want := []Shortcode{
		{Name: "indicators", Args: []string{"重点工作"}, Line: 3, Col: 1},
		{Name: "table", Args: []string{`a "b"`, "c"}, Line: 7, Col: 3},
	}
	if !reflect.DeepEqual(scs, want) {
		t.Errorf("shortcodes\n got %+v\nwant %+v", scs, want)
	}
	if len(errs) != 1 || errs[0] != (Error{Line: 8, Col: 5, Msg: "短代码缺少名称"}) {
		t.Errorf("errors %v", errs)
	}
}

func TestErrorString(t *testing.T) {
	var err error = Error{Line: 3, Col: 7, Msg: "未知短代码 \"x\""}
	if err.Error() != `3:7: 未知短代码 "x"` {
		t.Errorf("got %q", err.Error())
	}
	var e Error
	if !errors.As(err, &e) || e.Line != 3 {
		t.Errorf("errors.As: %v", e)
	}
}

// quoteArg writes s as a quoted shortcode argument.
func quoteArg(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func FuzzShortcode(f *testing.F) {
	for _, s := range []string{
		`{{< indicators "重点工作" >}}`,
		`{{< x "say \"hi\"" "back\\slash" bare >}}`,
		`{{<x>}}`,
		`{{< x "open >}}`,
		`{{< x a"b >}}`,
		"{{<\u3000表格 >}}",
		`{{< x >}} y`,
		`{{<`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, args, err := parseShortcode([]byte(s))
		if err != nil {
			if err.off < 0 || err.off > len(s) || err.msg == "" {
				t.Fatalf("%q: bad error %+v", s, err)
			}
			return
		}
		if !validShortcodeName([]byte(name)) {
			t.Fatalf("%q: accepted name %q", s, name)
		}
		// Quoting every argument and parsing again gives the same result.
		var b strings.Builder
		b.WriteString("{{< " + name)
		for _, a := range args {
			b.WriteString(" " + quoteArg(a))
		}
		b.WriteString(" >}}")
		name2, args2, err2 := parseShortcode([]byte(b.String()))
		if err2 != nil || name2 != name || !reflect.DeepEqual(args2, args) {
			t.Fatalf("%q → %q %q; requoted %q → %q %q %v", s, name, args, b.String(), name2, args2, err2)
		}
		// The same line as a document is a shortcode of the same content.
		// Documents are valid UTF-8 (the loader refuses other files), and
		// goldmark reads an invalid byte as U+FFFD.
		if !strings.ContainsAny(s, "\n\r") && utf8.ValidString(s) {
			scs, errs := New().Shortcodes([]byte(s))
			if len(errs) != 0 || len(scs) != 1 || scs[0].Name != name || !reflect.DeepEqual(scs[0].Args, args) {
				t.Fatalf("%q: Shortcodes gave %+v %v", s, scs, errs)
			}
		}
	})
}
