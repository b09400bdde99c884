package render

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
)

// TestTemplateErrorsWorded: the mistakes staff make most in a footer of
// their own are told in Chinese, at the place to mend (columns counted by
// hand, in characters from 1), with the nearest name: a function or a
// field misspelt, an {{end}} missing — at the action it would close, not
// at the end of the file, where Go says "unexpected EOF" — or one too
// many, a partial misspelt (which html/template, not text/template,
// reports, in a form of its own that was not placed at all). Go places
// its parse errors at a line only; each is told at its column too, as
// every diagnostic of tongbao's is.
func TestTemplateErrorsWorded(t *testing.T) {
	for _, tc := range []struct{ footer, want string }{
		{
			"<footer>\n  <p>{{printff \"%s\" .Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:8: 模板错误：没有函数“printff”，是否为“printf”？",
		},
		{
			"<footer>\n  <p>{{.Site.IdCode}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:13: 模板错误：{{.Site.IdCode}}：.Site 没有字段“IdCode”，是否为“IDCode”？",
		},
		{
			"<footer>\n  {{with .Site.Name}}<p>主办：{{.}}</p>\n  {{range .Site.Map}}<a href=\"{{url .Path}}\">{{.Title}}</a>{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:3: 模板错误：{{with .Site.Name}} 没有对应的 {{end}}：到文件末尾仍未结束",
		},
		{
			"<footer>\n  <p>{{template \"partials/appendx.html\" .}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:17: 模板错误：没有模板“partials/appendx.html”，是否为“partials/appendix.html”？",
		},
		// The same misspelt in partialCached, the theme's way to call a
		// partial: told the nearest name too.
		{
			"<footer>\n  <p>{{partialCached \"partials/appendx.html\" .}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:8: 模板错误：{{partialCached \"partials/appendx.html\" .}}：调用 partialCached 出错：没有模板“partials/appendx.html”，是否为“partials/appendix.html”？（partialCached 的模板须在 partials/ 下或为 base.html）",
		},
		// A partial of a name like no other's is named alone: every
		// partial's path shares partials/ and .html, which made the
		// footer itself look a few letters from partials/nope.html.
		{
			"<footer>\n  <p>{{template \"partials/nope.html\" .}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:17: 模板错误：没有模板“partials/nope.html”",
		},
		// One of a partial's name without its folder is told the folder.
		{
			"<footer>\n  <p>{{template \"appendix.html\" .}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:17: 模板错误：没有模板“appendix.html”，是否为“partials/appendix.html”？",
		},
		// An asset misspelt, or without its folder, is told the nearest
		// (placed at the function's name, as a call of any other is).
		{
			"<footer>\n  <link rel=\"stylesheet\" href=\"{{asset \"css/sit.css\"}}\">\n</footer>\n",
			"layouts/partials/footer.html:2:34: 模板错误：{{asset \"css/sit.css\"}}：调用 asset 出错：资源文件 layouts/assets/css/sit.css 不存在，是否为“css/site.css”？",
		},
		{
			"<footer>\n  <script src=\"{{asset \"page.js\"}}\"></script>\n</footer>\n",
			"layouts/partials/footer.html:2:18: 模板错误：{{asset \"page.js\"}}：调用 asset 出错：资源文件 layouts/assets/page.js 不存在，是否为“js/page.js”？",
		},
		// A comment left open, a second {{else}}, an index past the end.
		{
			"<footer>\n  {{/* 页脚\n  <p>{{.Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:3: 模板错误：注释没有结束：{{/* 之后缺少 */}}",
		},
		// A comment whose */ is not followed by its }} (a space between,
		// as actions are written; or none of its own, a stylesheet's */
		// the first after it): Go's "comment ends before closing
		// delimiter", at the comment's {{.
		{
			"<footer>\n  <p>{{.Site.Name}}</p>{{/* 页脚 */ }}\n</footer>\n",
			"layouts/partials/footer.html:2:24: 模板错误：注释没有正确结束：{{/* 之后的第一个 */ 要紧接 }}（写成 {{/* … */}}，*/ 与 }} 之间不能有空格）",
		},
		{
			"<footer>\n  {{- /* 页脚\n  <style>/* 样式 */</style>\n</footer>\n",
			"layouts/partials/footer.html:2:3: 模板错误：注释没有正确结束：{{/* 之后的第一个 */ 要紧接 }}（写成 {{/* … */}}，*/ 与 }} 之间不能有空格）",
		},
		// A comment written as actions are, with a space after its {{
		// (Go: unexpected "/" in command), at that {{, not at a comment
		// written right before it on the line.
		{
			"<footer>\n  {{ /* 页脚 */ }}\n  <p>{{.Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:3: 模板错误：注释的 /* 要紧接 {{：写成 {{/* … */}} 或 {{- /* … */ -}}，{{ 与 /* 之间不能有空格",
		},
		{
			"<footer>\n  <p>{{- /* 名称 */ -}}{{.Site.Name}}</p>{{ /* 页脚 */ -}}\n</footer>\n",
			"layouts/partials/footer.html:2:40: 模板错误：注释的 /* 要紧接 {{：写成 {{/* … */}} 或 {{- /* … */ -}}，{{ 与 /* 之间不能有空格",
		},
		{
			"<footer>\n  {{if .Site.Name}}<p>{{.Site.Name}}</p>{{else}}<p>无</p>{{else}}<p>又</p>{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:57: 模板错误：多余的 {{else}}：一个 if、with 或 range 只能有一个 {{else}}，另一个条件写 {{else if …}}",
		},
		{
			"<footer>\n  <p>{{index .Site.Map 99}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:8: 模板错误：{{index .Site.Map 99}}：下标 99 超出范围：这个列表（或文字）没有这么多项，下标从 0 数起",
		},
		// A template calling itself under a condition that stays true:
		// Go's limit of depth, in words, at the call (Go places a
		// {{template}} at its name: col 43, the "x" of the action at 32).
		{
			"{{define \"x\"}}{{if .Site.Name}}{{template \"x\" .}}{{end}}{{end}}<footer>{{template \"x\" .}}</footer>\n",
			"layouts/partials/footer.html:1:43: 模板错误：{{template \"x\" .}}：模板一层层地调用自己，超过了十万层：它调用的模板又回头调用了它所在的模板，而且条件一直成立，会无限递归",
		},
		// The function's name in the text before it is not the place.
		{
			"<footer>\n  <p>用 printff 写：{{printff \"%s\" .Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:20: 模板错误：没有函数“printff”，是否为“printf”？",
		},
		// On a line of an action begun before it.
		{
			"<footer>\n  <p>{{with .Site.Name}}{{.\n  | printff \"%s\"}}{{end}}</p>\n</footer>\n",
			"layouts/partials/footer.html:3:5: 模板错误：没有函数“printff”，是否为“printf”？",
		},
		// A field of a list's items asked of the list: the items have
		// it, and the list is to be ranged over — not "NavItem has no
		// field Title". Told before anything runs (fieldCheck), at
		// the field the list has not: .Title, the 15th character.
		{
			"<footer>\n<p>{{.Site.Map.Title}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:15: 模板错误：{{.Site.Map.Title}}：.Site.Map 是一个列表，列表没有字段“Title”：要用 {{range}} 逐个取出，在其中写 {{.Title}}",
		},
		{
			"<footer>\n<p>{{.Site.Map.Titel}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:15: 模板错误：{{.Site.Map.Titel}}：.Site.Map 是一个列表，列表没有字段“Titel”，列表的项也没有，是否为“Title”？",
		},
		// A lone } in an action is a brace short of its end, not one
		// too many: }}} ends the action at the first two.
		{
			"<footer>\n  <p>{{.Site.Name}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:18: 模板错误：动作中有单独的一个“}”：动作以 }} 结束，是否少写了一个“}”？",
		},
		{
			"<footer>\n  <p>{{.Site.Name}}</p>{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:24: 模板错误：多余的 {{end}}：前面没有与它对应的 if、with、range、define 或 block",
		},
		// The same brace short, written with spaces inside the braces,
		// as many write them: Go words it "unexpected "}" in operand".
		{
			"<footer>\n  <p>{{ .Site.Name }</p>\n</footer>\n",
			"layouts/partials/footer.html:2:20: 模板错误：动作中有单独的一个“}”：动作以 }} 结束，是否少写了一个“}”？",
		},
		// A brace too many at the start ({{{, as Mustache writes it):
		// Go words it "unexpected "{" in command".
		{
			"<footer>\n  <p>{{{ .Site.Name }}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:6: 模板错误：动作中有多余的“{”：动作以 {{ 开始、以 }} 结束，是否多写了一个“{”？",
		},
		// No }} at all: the action runs on into the markup.
		{
			"<footer>\n  <p>{{ .Site.Name </p>\n</footer>\n",
			"layouts/partials/footer.html:2:20: 模板错误：动作中不能有“<”：前面的动作是否少写了 }}？",
		},
		// Placed at the action, not at the end of the file.
		{
			"<footer>\n  <p>{{.Site.Name\n\n\n",
			"layouts/partials/footer.html:2:6: 模板错误：动作到文件末尾仍未结束：缺少 }}",
		},
		{
			"<footer>\n  <p>{{.Site.Name}}</p>{{else}}\n</footer>\n",
			"layouts/partials/footer.html:2:24: 模板错误：多余的 {{else}}：前面没有与它对应的 if、with 或 range",
		},
		{
			"<footer>\n  <p>{{printf \"%s .Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:15: 模板错误：字符串缺少后面的引号（\"）",
		},
		{
			"<footer>\n  <p>{{$name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:8: 模板错误：没有变量 $name：变量要先用 {{$name := …}} 定义，在 if、with、range 中定义的只用到它的 {{end}}",
		},
		{
			"<footer>\n  {{if}}<p>{{.Site.Name}}</p>{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:3: 模板错误：{{if}} 缺少要判断的值",
		},
		{
			"<footer>\n  <p>{{.Site.Name}}</p>{{- range -}}x{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:24: 模板错误：{{range}} 缺少要判断的值",
		},
		{
			"<footer>\n  {{if .Site.Name}}<p>{{.Site.Name}}</p>{{ else if }}x{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:41: 模板错误：{{if}} 缺少要判断的值",
		},
		// Signs typed with the Chinese input method on: Go's words
		// ("unrecognized character in action") were left in English,
		// and no column.
		{
			"<footer>\n  <p>{{ .Site.Name ＞}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:20: 模板错误：动作（{{ }} 之间）中不能有全角字符 ＞：这是中文输入法打出的，改为半角的 >",
		},
		{
			"<footer>\n  <p>{{printf “%s” .Site.Name}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:15: 模板错误：动作（{{ }} 之间）中不能有全角字符 “：这是中文输入法打出的，改为半角的 \"",
		},
		// Of two {{end}}s on a line, the one nothing is open for; of
		// three elses, the plain one after a plain one.
		{
			"<footer>\n  {{with .Site.Name}}<p>{{.}}</p>{{end}}{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:41: 模板错误：多余的 {{end}}：前面没有与它对应的 if、with、range、define 或 block",
		},
		{
			"<footer>\n  {{if .Site.Name}}a{{else if .Site.IDCode}}b{{else}}c{{else}}d{{end}}\n</footer>\n",
			"layouts/partials/footer.html:2:55: 模板错误：多余的 {{else}}：一个 if、with 或 range 只能有一个 {{else}}，另一个条件写 {{else if …}}",
		},
		// A Hugo function is told what tongbao writes instead, not the
		// nearest name: now is not "not".
		{
			"<footer>\n  <p>© {{now.Year}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:10: 模板错误：没有函数“now”（Hugo 有，tongbao 没有）：同样的输入总是生成同样的文件，页面不写生成时的时间；页面的日期用 {{with .Date}}{{.ISO}}{{end}}",
		},
		{
			"<footer>\n  {{partial \"logo.html\" .}}\n</footer>\n",
			"layouts/partials/footer.html:2:5: 模板错误：没有函数“partial”（Hugo 有，tongbao 没有）：用 {{template \"partials/名称.html\" .}}，或 {{partialCached \"partials/名称.html\" . 变体…}}",
		},
		// Go says "missing value for command" of an empty action, which
		// is no {{command}}.
		{
			"<footer>\n  <p>{{ }}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:6: 模板错误：动作中没有内容：{{ }} 之间是空的，或 := 之后缺少值",
		},
		// A field of what a page has not (a footer asking every page for
		// a circular's 文号): told so, not "nil pointer evaluating".
		{
			"<footer>\n  <p>{{.Circular.Number}}</p>\n</footer>\n",
			"layouts/partials/footer.html:2:17: 模板错误：{{.Circular.Number}}：这个页面没有 .Circular（为空），取不到它的 Number：写在 {{with .Circular}}…{{end}} 之中",
		},
	} {
		s := withLayouts(loadSample(t), map[string]string{"partials/footer.html": tc.footer})
		_, err := Render(s, rank.Archive(s), Options{})
		var l diag.List
		if !errors.As(err, &l) || len(l) != 1 || l[0].String() != tc.want {
			t.Errorf("footer %q:\n%v\nwant\n%s", tc.footer, err, tc.want)
		}
	}
}

// TestShortcodeTemplateError: an error in a shortcode's markup of the
// site's own is told at the shortcode's call in the circular, naming the
// place in the template to mend and the error as a layout's is told —
// it quoted Go's whole text, the place buried in it. (A field misspelt
// there is told at the markup before anything runs: TestFieldCheck.)
func TestShortcodeTemplateError(t *testing.T) {
	s := withLayouts(loadSample(t), map[string]string{"shortcodes/rewards.html": "<ol>\n{{range .}}<li>{{index $ 99}}</li>{{end}}\n</ol>\n"})
	_, err := Render(s, rank.Archive(s), Options{})
	// Go places a call of index at its name: the 18th character.
	want := "content/circulars/2023-02.md:50:1: 短代码“rewards”的模板出错：layouts/shortcodes/rewards.html:2:18: {{index $ 99}}：下标 99 超出范围：这个列表（或文字）没有这么多项，下标从 0 数起"
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].String() != want {
		t.Errorf("Render = %v\nwant\n%s", err, want)
	}
}

// TestUnclosedInDefine: an {{if}} left open inside a {{define}} takes the
// {{end}} written for the define, and Go's "unexpected EOF" was told at
// the {{define}}, which looks closed: it is told at the {{if}} (range,
// with) that lacks its {{end}}, naming the {{end}} that closed it instead,
// as one at the top of a file is. So is one before a second {{define}} of
// the file, of which Go said "unexpected <define> in command" at that one.
// Where the {{end}} is indented as the {{if}} is and not as the {{define}}
// is, or text follows it, it is the define's {{end}} that is missing.
// (Columns counted by hand.)
func TestUnclosedInDefine(t *testing.T) {
	for _, tc := range []struct{ page, want string }{
		{
			"{{define \"main\"}}\n<main>\n  {{if .Title}}\n  <h1>{{.Title}}</h1>\n</main>\n{{end}}\n",
			"layouts/page.html:3:3: 模板错误：{{if .Title}} 没有对应的 {{end}}：第 6 行的 {{end}} 结束的是它，{{define \"main\"}} 因而到文件末尾仍未结束",
		},
		{
			"{{define \"main\"}}\n<main>\n  {{- range .Site.Map}}\n  <a>{{.Title}}</a>\n</main>\n{{- end}}\n",
			"layouts/page.html:3:3: 模板错误：{{range .Site.Map}} 没有对应的 {{end}}：第 6 行的 {{end}} 结束的是它，{{define \"main\"}} 因而到文件末尾仍未结束",
		},
		{
			"{{define \"head\"}}\n  {{with .Title}}<meta name=\"t\" content=\"{{.}}\">\n{{end}}\n{{define \"main\"}}\n<main></main>\n{{end}}\n",
			"layouts/page.html:2:3: 模板错误：{{with .Title}} 没有对应的 {{end}}：第 3 行的 {{end}} 结束的是它，{{define \"head\"}} 因而到第 4 行的 {{define}} 仍未结束",
		},
		{
			"{{define \"head\"}}{{if .Title}}<meta>\n{{define \"main\"}}\n<main></main>\n{{end}}\n",
			"layouts/page.html:1:18: 模板错误：{{if .Title}} 没有对应的 {{end}}：到第 2 行的 {{define}} 仍未结束",
		},
		// The define's own {{end}} left out.
		{
			"{{define \"main\"}}\n  <main>\n  {{if .Title}}\n  <h1>{{.Title}}</h1>\n  {{end}}\n  </main>\n",
			"layouts/page.html:1:1: 模板错误：{{define \"main\"}} 没有对应的 {{end}}：到文件末尾仍未结束",
		},
		{
			"{{define \"main\"}}\n  {{if .Title}}\n  <h1>{{.Title}}</h1>\n  {{end}}\n",
			"layouts/page.html:1:1: 模板错误：{{define \"main\"}} 没有对应的 {{end}}：到文件末尾仍未结束",
		},
		{
			"{{define \"head\"}}\n  {{with .Title}}<meta>{{end}}\n{{define \"main\"}}\n<main></main>\n{{end}}\n",
			"layouts/page.html:1:1: 模板错误：{{define \"head\"}} 没有对应的 {{end}}：到第 3 行的 {{define}} 仍未结束",
		},
	} {
		s := withLayouts(loadSample(t), map[string]string{"page.html": tc.page})
		_, err := Render(s, rank.Archive(s), Options{})
		var l diag.List
		if !errors.As(err, &l) || len(l) != 1 || l[0].String() != tc.want {
			t.Errorf("page.html %q:\n%v\nwant\n%s", tc.page, err, tc.want)
		}
	}
}

// TestPrintfBadVerb: a printf whose arguments do not fit its format runs
// without error in Go, and its complaint was published on every page
// (某某县%!(EXTRA int=3)). It is an error at the layout that calls printf,
// naming a page and what it wrote; nothing is written.
func TestPrintfBadVerb(t *testing.T) {
	for footer, wrote := range map[string]string{
		"<footer>\n  <p>{{printf \"%s\" .Site.Name 3}}</p>\n</footer>\n": "%!(EXTRA int=3)",
		"<footer>\n  <p>{{printf \"%d年\" .Site.Name}}</p>\n</footer>\n":  "%!d(string=",
	} {
		s := withLayouts(loadSample(t), map[string]string{"partials/footer.html": footer})
		_, err := Render(s, rank.Archive(s), Options{})
		var l diag.List
		if !errors.As(err, &l) || len(l) != 1 || !strings.HasPrefix(l[0].String(), "layouts/partials/footer.html:1:1: 模板错误：页面 /") ||
			!strings.Contains(l[0].String(), "中有 printf 写出的“"+wrote) || !strings.Contains(l[0].String(), "printf 的格式与参数不符") {
			t.Errorf("footer %q: Render = %v, want an error at layouts/partials/footer.html saying a page has %s", footer, err, wrote)
		}
	}
	// Text that only looks like it, on a site whose layouts are the
	// theme's, is published as written.
	s := loadSample(t)
	s.Pages[0].Body = append(s.Pages[0].Body, "\n\nGo 的 fmt 把多余的参数写作 `%!(EXTRA int=3)`。\n"...)
	if _, err := Render(s, rank.Archive(s), Options{}); err != nil {
		t.Errorf("a page whose text holds %%!(EXTRA int=3): %v", err)
	}
}

// TestRuntimeFieldNamesWhatTheAuthorSees: a field misspelt where the
// check before anything runs cannot follow the type ((or .Circular
// .Site).Titel) is told as it runs in Go's words, which name the Go type
// (render.SiteData, []render.NavItem); explain names what holds the field
// as the action writes it, or dot, and what the value is, as the check
// does.
func TestRuntimeFieldNamesWhatTheAuthorSees(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{`executing "x" at <.Site.Titel>: can't evaluate field Titel in type *render.SiteData`,
			"{{.Site.Titel}}：.Site 没有字段“Titel”，是否为“Title”？"},
		{`executing "x" at <$x.Numbr>: can't evaluate field Numbr in type *render.Circular`,
			"{{$x.Numbr}}：$x 没有字段“Numbr”，是否为“Number”？"},
		// Dot: what it is there is not known as it runs.
		{`executing "x" at <.Titel>: can't evaluate field Titel in type *render.Circular`,
			"{{.Titel}}：这里的“.”没有字段“Titel”，是否为“Title”？"},
		{`executing "x" at <.Titel>: can't evaluate field Titel in type []render.NavItem`,
			"{{.Titel}}：这里的“.”是一个列表，列表没有字段“Titel”，列表的项也没有，是否为“Title”？"},
		{`executing "x" at <.Title>: can't evaluate field Title in type []*render.Circular`,
			"{{.Title}}：这里的“.”是一个列表，列表没有字段“Title”：要用 {{range}} 逐个取出，在其中写 {{.Title}}"},
		{`executing "x" at <$x.Title.Foo>: can't evaluate field Foo in type string`,
			"{{$x.Title.Foo}}：$x.Title 是文字，没有字段“Foo”"},
		{`executing "x" at <.Foo>: can't evaluate field Foo in type template.HTML`,
			"{{.Foo}}：这里的“.”是文字，没有字段“Foo”"},
		{`executing "x" at <.Foo>: can't evaluate field Foo in type int`,
			"{{.Foo}}：这里的“.”是数，没有字段“Foo”"},
		// Of (…).Titel Go names the value whose field it is (.Site).
		{`executing "x" at <.Site>: can't evaluate field Titel in type *render.SiteData`,
			"{{.Site}}：.Site 没有字段“Titel”，是否为“Title”？"},
		// A type layouts are not given by name: its fields are not known.
		{`executing "x" at <.Unit.Nmae>: can't evaluate field Nmae in type *render.Other`,
			"{{.Unit.Nmae}}：.Unit 没有字段“Nmae”"},
	} {
		if got, _, _ := explain(tc.msg, nil, 1, nil, nil); got != tc.want {
			t.Errorf("explain(%s)\n = %s\nwant %s", tc.msg, got, tc.want)
		}
	}
	// As it runs: .Circular's on a circular's page, .Site's on others.
	s := withLayouts(loadSample(t), map[string]string{"partials/footer.html": "<footer>\n<p>{{(or .Circular .Site).Titel}}</p>\n</footer>\n"})
	_, err := Render(s, rank.Archive(s), Options{})
	var l diag.List
	// Go places each at the value that has not the field, which or
	// chose: .Circular, the 10th character of the line, .Site the 20th.
	want := []string{
		"layouts/partials/footer.html:2:10: 模板错误：{{.Circular}}：.Circular 没有字段“Titel”，是否为“Title”？",
		"layouts/partials/footer.html:2:20: 模板错误：{{.Site}}：.Site 没有字段“Titel”，是否为“Title”？",
	}
	if !errors.As(err, &l) || !slices.Equal(diag.Lines(err), want) {
		t.Errorf("Render = %v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}
