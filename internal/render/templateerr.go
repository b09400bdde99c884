package render

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"tongbao/internal/site"
)

// explain words the template errors staff make most — a function or a
// field misspelt, an {{end}} missing or one too many — as tongbao's other
// diagnostics are worded: in Chinese, with the nearest name, and at the
// place to mend. msg is Go's text after its location; text is the
// layout's, line Go's line; funcs and templates the names a misspelt
// one may be near. It returns the words, and the line and the
// byte column from 0 of the place when it knows better than Go (0, -1
// otherwise). Any other error is left in Go's words.
func explain(msg string, text []byte, line int, funcs, templates []string) (string, int, int) {
	if m := execRE.FindStringSubmatch(msg); m != nil {
		at, rest := m[1], m[2]
		if !strings.HasPrefix(at, "{{") {
			at = "{{" + at + "}}"
		}
		if m := fieldRE.FindStringSubmatch(rest); m != nil {
			// A field asked of a list ([]render.NavItem) is most often
			// one of its items', {{range}} forgotten: the list is not
			// the item, and the item may well have it.
			elem, list := strings.CutPrefix(m[2], "[]")
			typ := elem[strings.LastIndex(elem, ".")+1:] // SiteData of *render.SiteData
			fields := fieldsOf(elem)
			switch {
			case list && slices.Contains(fields, m[1]):
				return fmt.Sprintf("%s：这是 %s 的列表，列表没有字段 %s：要用 {{range}} 逐个取出，在其中写 {{.%s}}", at, typ, m[1], m[1]), 0, -1
			case list:
				return fmt.Sprintf("%s：这是 %s 的列表，列表没有字段 %s，%s 也没有%s", at, typ, m[1], typ, site.Suggest(m[1], fields)), 0, -1
			}
			return fmt.Sprintf("%s：%s 没有字段 %s%s", at, typ, m[1], site.Suggest(m[1], fields)), 0, -1
		}
		if m := callRE.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf("%s：调用 %s 出错：%s", at, m[1], m[2]), 0, -1
		}
		if m := argsRE.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf("%s：%s 要 %s 个参数，这里给了 %s 个", at, m[1], m[2], m[3]), 0, -1
		}
		if m := rangeRE.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf("%s：range 不能遍历 %s", at, m[1]), 0, -1
		}
		if m := nilRE.FindStringSubmatch(rest); m != nil {
			// A field of what this page has not: a footer, on every
			// page, asking for a circular's 文号. What holds the field
			// is named as the action names it (the type may be another
			// field's: .Prev of a *Circular).
			if holder, ok := strings.CutSuffix(strings.TrimSuffix(strings.TrimPrefix(at, "{{"), "}}"), "."+m[2]); ok && strings.HasPrefix(holder, ".") && !strings.ContainsAny(holder, " ()|") {
				return fmt.Sprintf("%s：这个页面没有 %s（为空），取不到它的 %s：写在 {{with %s}}…{{end}} 之中", at, holder, m[2], holder), 0, -1
			}
			return fmt.Sprintf("%s：取不到 %s：它所在的值为空（nil）", at, m[2]), 0, -1
		}
		return at + "：" + rest, 0, -1
	}
	if m := noTemplateRE.FindStringSubmatch(msg); m != nil {
		near := ""
		if p := site.NearestPath(m[1], templates); p != "" {
			near = "，是否为“" + p + "”？"
		}
		return fmt.Sprintf("没有模板“%s”%s", m[1], near), 0, -1
	}
	if m := funcRE.FindStringSubmatch(msg); m != nil {
		// Go gives the line: the name within an action of it, not
		// in the text around (用 printff 写：{{printff …}}), or
		// anywhere on it, of an action begun on a line before.
		col := -1
		if l := lineOf(text, line); l != nil {
			name := regexp.MustCompile(`\b` + regexp.QuoteMeta(m[1]) + `\b`)
			for _, a := range actionSpanRE.FindAllIndex(l, -1) {
				if loc := name.FindIndex(l[a[0]:a[1]]); loc != nil {
					col = a[0] + loc[0]
					break
				}
			}
			if loc := name.FindIndex(l); col < 0 && loc != nil {
				col = loc[0]
			}
		}
		return fmt.Sprintf("没有函数“%s”%s", m[1], site.Suggest(m[1], funcs)), line, col
	}
	switch {
	case strings.HasPrefix(msg, "unclosed action"): // "… started at x.html:2" when it spans lines
		// Go says so at the end of the file; the place is the action's
		// {{, the last one no }} follows.
		if at := bytes.LastIndex(text, []byte("{{")); at >= 0 && !bytes.Contains(text[at:], []byte("}}")) {
			l, c := placeOf(text, at)
			return "动作到文件末尾仍未结束：缺少 }}", l, c
		}
		return "动作到文件末尾仍未结束：缺少 }}", 0, -1
	case msg == "unexpected {{else}}":
		return "多余的 {{else}}：前面没有与它对应的 if、with 或 range", 0, -1
	case msg == "unterminated quoted string":
		return "字符串缺少后面的引号（\"）", 0, -1
	case msg == "missing value for if", msg == "missing value for with", msg == "missing value for range":
		return fmt.Sprintf("{{%s}} 缺少要判断的值", strings.TrimPrefix(msg, "missing value for ")), 0, -1
	case msg == "missing value for command":
		return "动作中没有内容：{{ }} 之间是空的，或 := 之后缺少值", 0, -1
	case msg == "unexpected EOF":
		if l, c, word := unclosed(text); l > 0 {
			return fmt.Sprintf("{{%s}} 没有对应的 {{end}}：到文件末尾仍未结束", word), l, c
		}
		return "模板到文件末尾仍未结束：缺少 {{end}} 或 }}？", 0, -1
	case msg == "unexpected {{end}}":
		return "多余的 {{end}}：前面没有与它对应的 if、with、range、define 或 block", 0, -1
	}
	if m := undefinedRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("没有变量 %s：变量要先用 {{%s := …}} 定义，在 if、with、range 中定义的只用到它的 {{end}}", m[1], m[1]), 0, -1
	}
	if m := operandRE.FindStringSubmatch(msg); m != nil {
		switch m[1] {
		case "}":
			// {{ .Site.Name }</p>: the lone } of charRE's, after a
			// space, which Go words as an operand.
			return loneBrace, 0, -1
		case "<":
			// {{ .Site.Name </p>: the action runs on into the markup.
			return "动作中不能有“<”：前面的动作是否少写了 }}？", 0, -1
		}
		return fmt.Sprintf("动作（{{ }} 之间）中此处不能有“%s”", m[1]), 0, -1
	}
	if m := charRE.FindStringSubmatch(msg); m != nil {
		if m[1] == "}" {
			// {{.Site.Name}</p>: a brace short, as }}} would end the
			// action at its first two and leave the third as text.
			return loneBrace, 0, -1
		}
		return fmt.Sprintf("动作（{{ }} 之间）中不能有字符“%s”", m[1]), 0, -1
	}
	return msg, 0, -1
}

var (
	execRE       = regexp.MustCompile(`^executing "[^"]*" at <(.*?)>: (.*)$`)
	fieldRE      = regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`)
	callRE       = regexp.MustCompile(`^error calling (\S+): (.*)$`)
	argsRE       = regexp.MustCompile(`^wrong number of args for (\S+): want (\d+) got (\d+)$`)
	funcRE       = regexp.MustCompile(`^function "([^"]+)" not defined$`)
	noTemplateRE = regexp.MustCompile(`^no such template "([^"]+)"$`)
	rangeRE      = regexp.MustCompile(`^range can't iterate over (.*)$`)
	charRE       = regexp.MustCompile(`^bad character U\+[0-9A-F]+ '(.+)'$`)
	nilRE        = regexp.MustCompile(`^nil pointer evaluating \*?(\S+)\.(\w+)$`)
	undefinedRE  = regexp.MustCompile(`^undefined variable "([^"]+)"$`)
	operandRE    = regexp.MustCompile(`^unexpected "(.+)" in operand$`)
	actionSpanRE = regexp.MustCompile(`\{\{.*?(?:\}\}|$)`) // on one line; to its end when the action goes on
)

// loneBrace is the words for a } alone in an action ({{.Site.Name}</p>):
// a brace short, as }}} would end the action at its first two and leave
// the third as text.
const loneBrace = "动作中有单独的一个“}”：动作以 }} 结束，是否少写了一个“}”？"

// placeOf returns the line from 1 and the byte column from 0 of the
// byte at of text.
func placeOf(text []byte, at int) (line, col int) {
	return 1 + bytes.Count(text[:at], []byte("\n")), at - (bytes.LastIndexByte(text[:at], '\n') + 1)
}

// views are the types layouts receive, by the name Go's errors give them
// ("render.SiteData"), for the fields a misspelt one is told the nearest
// of.
var views = func() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, v := range []any{Page{}, SiteData{}, FooterLink{}, NavItem{}, Column{}, DateData{}, Circular{}, AttachmentLink{}, Year{}, YearLink{}, Ranking{}, RankRow{}, PlainPage{},
		// The shortcodes'.
		ListItem{}, CategoryView{}, CityBottomView{}, EntryView{}, PeriodTableView{}, PeriodTableRow{}, TableView{}, TableRow{}} {
		t := reflect.TypeOf(v)
		m[t.String()] = t
	}
	return m
}()

// fieldsOf returns the fields and methods a template may name of the
// type Go's error names, or nil when it is not among views.
func fieldsOf(typ string) []string {
	t := views[strings.TrimPrefix(typ, "*")]
	if t == nil {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		if f.IsExported() {
			names = append(names, f.Name)
		}
	}
	for m := range reflect.PointerTo(t).Methods() {
		names = append(names, m.Name)
	}
	return names
}

// lineOf returns line n (from 1) of text, or nil.
func lineOf(text []byte, n int) []byte {
	lines := bytes.Split(text, []byte("\n"))
	if n < 1 || n > len(lines) {
		return nil
	}
	return lines[n-1]
}

// actionRE finds each action of a layout and its first word: a comment
// ({{/* … */}}) is matched whole and has none.
var actionRE = regexp.MustCompile(`\{\{-?\s*(?:/\*[\s\S]*?\*/\s*-?\}\}|([a-z]*)[^}]*\}\})`)

// unclosed returns the line, the byte column from 0 and the text between
// the braces of the last if, with, range, define or block of text that no
// {{end}} closes; line 0 when each is closed.
func unclosed(text []byte) (line, col int, word string) {
	var stack []int
	for _, m := range actionRE.FindAllSubmatchIndex(text, -1) {
		if m[2] < 0 {
			continue
		}
		switch string(text[m[2]:m[3]]) {
		case "if", "with", "range", "define", "block":
			stack = append(stack, m[0])
		case "end":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return 0, 0, ""
	}
	at := stack[len(stack)-1]
	line = 1 + bytes.Count(text[:at], []byte("\n"))
	col = at - (bytes.LastIndexByte(text[:at], '\n') + 1)
	end := bytes.Index(text[at:], []byte("}}"))
	word = strings.TrimSpace(strings.TrimPrefix(string(text[at+2:at+end]), "-"))
	return line, col, word
}
