package render

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
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
			// Go names the value by its Go type (*render.SiteData),
			// which layouts show nowhere: it is named as the action
			// writes what holds the field (.Site of .Site.Titel; Go's
			// own node where that is not the action's end, the value
			// of (or .Circular .Site).Titel), or as dot.
			written := strings.TrimSuffix(strings.TrimPrefix(at, "{{"), "}}")
			written = strings.TrimSuffix(written, "."+m[1])
			return missing(at, written, "", m[1], goShape(m[2])), 0, -1
		}
		if m := callRE.FindStringSubmatch(rest); m != nil {
			if n, ok := strings.CutPrefix(m[2], "index out of range: "); ok && (m[1] == "index" || m[1] == "slice") {
				// {{index .Site.Map 9}} of a site with seven entries.
				return fmt.Sprintf("%s：下标 %s 超出范围：这个列表（或文字）没有这么多项，下标从 0 数起", at, n), 0, -1
			}
			return fmt.Sprintf("%s：调用 %s 出错：%s", at, m[1], m[2]), 0, -1
		}
		if m := argsRE.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf("%s：%s 要 %s 个参数，这里给了 %s 个", at, m[1], m[2], m[3]), 0, -1
		}
		if m := rangeRE.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf("%s：range 不能遍历 %s", at, m[1]), 0, -1
		}
		if strings.HasPrefix(rest, "exceeded maximum template depth") {
			// A template calling itself, or one that calls it, under a
			// condition that stays true ({{if .Title}}): unconditional
			// calls are refused before anything runs (recursion.go).
			return fmt.Sprintf("%s：模板一层层地调用自己，超过了十万层：它调用的模板又回头调用了它所在的模板，而且条件一直成立，会无限递归", at), 0, -1
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
		if l, _ := lineOf(text, line); l != nil {
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
		if instead, ok := hugoFuncs[m[1]]; ok {
			// A Hugo function, as a developer who knows Hugo writes
			// one: the nearest name (now → not) misleads.
			return fmt.Sprintf("没有函数“%s”（Hugo 有，tongbao 没有）：%s", m[1], instead), line, col
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
	case msg == "unclosed comment":
		// At its {{, the last /* no */ follows.
		if at := bytes.LastIndex(text, []byte("/*")); at >= 0 && !bytes.Contains(text[at:], []byte("*/")) {
			if open := bytes.LastIndex(text[:at], []byte("{{")); open >= 0 {
				l, c := placeOf(text, open)
				return "注释没有结束：{{/* 之后缺少 */}}", l, c
			}
		}
		return "注释没有结束：{{/* 之后缺少 */}}", 0, -1
	case msg == "comment ends before closing delimiter":
		// {{/* 页脚 */ }}: the comment's first */ is not followed by
		// its }} — a space between, as actions are written, or the
		// comment's own */ left out and a stylesheet's the first after.
		const words = "注释没有正确结束：{{/* 之后的第一个 */ 要紧接 }}（写成 {{/* … */}}，*/ 与 }} 之间不能有空格）"
		if at := unendedComment(text, line); at >= 0 {
			l, c := placeOf(text, at)
			return words, l, c
		}
		return words, 0, -1
	case msg == `unexpected "/" in command`:
		// {{ /* 页脚 */ }}: a comment written as actions are, a space
		// after its {{, which Go reads as an action beginning with /.
		if l, _ := lineOf(text, line); l != nil {
			if loc := spacedCommentRE.FindIndex(l); loc != nil {
				return "注释的 /* 要紧接 {{：写成 {{/* … */}} 或 {{- /* … */ -}}，{{ 与 /* 之间不能有空格", line, loc[0]
			}
		}
	case msg == "expected end; found {{else}}":
		l, c := stray(text, line, "else2")
		return "多余的 {{else}}：一个 if、with 或 range 只能有一个 {{else}}，另一个条件写 {{else if …}}", l, c
	case msg == "unexpected {{else}}":
		l, c := stray(text, line, "else")
		return "多余的 {{else}}：前面没有与它对应的 if、with 或 range", l, c
	case msg == "unterminated quoted string":
		return "字符串缺少后面的引号（\"）", line, inAction(text, line, unterminatedAt)
	case msg == "missing value for if", msg == "missing value for with", msg == "missing value for range":
		// Go gives the line: the place is the first such action on it.
		kw := strings.TrimPrefix(msg, "missing value for ")
		words := fmt.Sprintf("{{%s}} 缺少要判断的值", kw)
		if l, _ := lineOf(text, line); l != nil {
			if loc := regexp.MustCompile(`\{\{-?\s*(?:else\s+)?` + kw + `\s*-?\}\}`).FindIndex(l); loc != nil {
				return words, line, loc[0]
			}
		}
		return words, 0, -1
	case msg == "missing value for command":
		return "动作中没有内容：{{ }} 之间是空的，或 := 之后缺少值", line, firstOnLine(text, line, emptyActionRE)
	case msg == "unexpected EOF":
		if msg, l, c := unclosed(text, len(text), "到文件末尾"); l > 0 {
			return msg, l, c
		}
		return "模板到文件末尾仍未结束：缺少 {{end}} 或 }}？", 0, -1
	case msg == "unexpected <define> in command":
		// A {{define}} where an action is still open: a define
		// before it, or an if, lacks its {{end}}.
		if at := defineOn(text, line); at >= 0 {
			if msg, l, c := unclosed(text, at, fmt.Sprintf("到第 %d 行的 {{define}} ", line)); l > 0 {
				return msg, l, c
			}
		}
	case msg == "unexpected {{end}}":
		l, c := stray(text, line, "end")
		return "多余的 {{end}}：前面没有与它对应的 if、with、range、define 或 block", l, c
	}
	if m := undefinedRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("没有变量 %s：变量要先用 {{%s := …}} 定义，在 if、with、range 中定义的只用到它的 {{end}}", m[1], m[1]),
			line, inAction(text, line, func(a []byte) int { return wordAt(a, m[1]) })
	}
	if m := operandRE.FindStringSubmatch(msg); m != nil {
		switch m[1] {
		case "}":
			// {{ .Site.Name }</p>: the lone } of charRE's, after a
			// space, which Go words as an operand.
			return loneBrace, line, inAction(text, line, loneBraceAt)
		case "<":
			// {{ .Site.Name </p>: the action runs on into the markup;
			// the place is the <, before which its }} goes.
			return missingClose, line, inAction(text, line, func(a []byte) int { return bytes.IndexByte(a, '<') })
		case "{":
			// {{{ .Site.Name }}}, as Mustache writes it (Go: in command).
			return "动作中有多余的“{”：动作以 {{ 开始、以 }} 结束，是否多写了一个“{”？", line, firstOnLine(text, line, tripleBraceRE)
		}
		return fmt.Sprintf("动作（{{ }} 之间）中此处不能有“%s”", m[1]), line, inAction(text, line, func(a []byte) int { return bytes.Index(a, []byte(m[1])) })
	}
	if m := charRE.FindStringSubmatch(msg); m != nil {
		if m[1] == "}" {
			// {{.Site.Name}</p>: a brace short, as }}} would end the
			// action at its first two and leave the third as text.
			return loneBrace, line, inAction(text, line, loneBraceAt)
		}
		at := inAction(text, line, func(a []byte) int { return bytes.Index(a, []byte(m[1])) })
		if m[1] == "<" {
			// {{.Title</h1>, as {{ .Title </h1> is told.
			return missingClose, line, at
		}
		// A full-width sign typed with the Chinese input method on
		// ({{ .Title ＞}}, {{printf “%s” .Title}}) is told the sign to
		// type instead.
		if half, ok := fullWidth[m[1]]; ok {
			return fmt.Sprintf("动作（{{ }} 之间）中不能有全角字符 %s：这是中文输入法打出的，改为半角的 %s", m[1], half), line, at
		}
		return fmt.Sprintf("动作（{{ }} 之间）中不能有字符“%s”", m[1]), line, at
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
	// charRE is Go's words for a character no action may have: "bad
	// character" within a name, "unrecognized character in action"
	// elsewhere (a full-width ＞ typed for >).
	charRE      = regexp.MustCompile(`^(?:bad character|unrecognized character in action:) U\+[0-9A-F]+ '(.+)'$`)
	nilRE       = regexp.MustCompile(`^nil pointer evaluating \*?(\S+)\.(\w+)$`)
	undefinedRE = regexp.MustCompile(`^undefined variable "([^"]+)"$`)
	operandRE   = regexp.MustCompile(`^unexpected "(.+)" in (?:operand|command)$`)
	// commentOpenRE finds a comment's opening as Go reads one: {{/* or
	// {{- /*.
	commentOpenRE = regexp.MustCompile(`\{\{(?:-[ \t\r\n])?/\*`)
	// spacedCommentRE finds a comment's opening that Go does not take
	// for one: {{ /*, {{ - /*, {{-  /* (only {{/* and {{- /* are).
	spacedCommentRE = regexp.MustCompile(`\{\{(?:\s+-?\s*|-\s\s+)/\*`)
	actionSpanRE    = regexp.MustCompile(`\{\{.*?(?:\}\}|$)`) // on one line; to its end when the action goes on
)

// missingClose is the words for a < in an action ({{ .Site.Name </p>):
// the action runs on into the markup, its }} left out.
const missingClose = "动作中不能有“<”：前面的动作是否少写了 }}？"

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
	for _, v := range []any{Page{}, SiteData{}, PeriodWords{}, FooterLink{}, NavItem{}, Column{}, DateData{}, Circular{}, AttachmentLink{}, Year{}, YearLink{}, Ranking{}, RankRow{}, PlainPage{},
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
	t := views[strings.TrimLeft(typ, "*")]
	if t == nil {
		return nil
	}
	return fieldNames(t)
}

// goShape is the shape of a value of the type as Go's error names it
// (*render.SiteData, []render.NavItem, string): the fields of one of
// views, else none known.
func goShape(typ string) shape {
	typ = strings.TrimLeft(typ, "*")
	if elem, ok := strings.CutPrefix(typ, "[]"); ok {
		return shape{fields: fieldsOf(elem), list: true}
	}
	switch typ {
	case "string", "template.HTML", "template.JS", "template.URL", "template.CSS", "template.HTMLAttr":
		return shape{kind: "文字"}
	case "bool":
		return shape{kind: "真假值"}
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return shape{kind: "数"}
	}
	return shape{fields: fieldsOf(typ)}
}

// lineOf returns line n (from 1) of text and the offset in text where it
// begins, or nil.
func lineOf(text []byte, n int) (line []byte, off int) {
	if n < 1 {
		return nil, 0
	}
	for ; n > 1; n-- {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return nil, 0
		}
		off += i + 1
	}
	line = text[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return line, off
}

// actionRE finds each action of a layout and its first word: a comment
// ({{/* … */}}) is matched whole and has none.
var actionRE = regexp.MustCompile(`\{\{-?\s*(?:/\*[\s\S]*?\*/\s*-?\}\}|([a-z]*)[^}]*\}\})`)

// unclosed says which if, with, range, define or block of text[:upTo]
// no {{end}} closes, the last one, and where it is: its line, and its
// byte column from 0; line 0 when each is closed. until says where it
// is still open (到文件末尾).
//
// An {{if}} left open inside a {{define}} takes the {{end}} written for
// the define, which then looks closed and is the one left open: when only
// a define (or block) is, and the last {{end}} before upTo closed an if,
// with or range directly inside it, is followed by nothing but white space
// and is not indented as that action is rather than as the define is, it
// is that action that lacks its {{end}}, and the message says which
// {{end}} closed it.
func unclosed(text []byte, upTo int, until string) (msg string, line, col int) {
	type action struct {
		at   int // where its {{ is
		word string
	}
	var stack []action
	var last struct {
		end, after int    // where the last {{end}} is, and ends
		closed     action // what it closed
		depth      int    // the actions open after it
	}
	last.end = -1
	for _, m := range actionRE.FindAllSubmatchIndex(text[:upTo], -1) {
		if m[2] < 0 {
			continue
		}
		switch w := string(text[m[2]:m[3]]); w {
		case "if", "with", "range", "define", "block":
			stack = append(stack, action{m[0], w})
		case "end":
			if len(stack) > 0 {
				last.end, last.after, last.closed, last.depth = m[0], m[1], stack[len(stack)-1], len(stack)-1
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return "", 0, 0
	}
	open := stack[len(stack)-1]
	msg = fmt.Sprintf("{{%s}} 没有对应的 {{end}}：%s仍未结束", between(text, open.at), until)
	if d := open.word; len(stack) == 1 && (d == "define" || d == "block") && last.end > open.at && last.depth == 1 &&
		(last.closed.word == "if" || last.closed.word == "with" || last.closed.word == "range") &&
		len(bytes.TrimSpace(text[last.after:upTo])) == 0 {
		end, inner, outer := indent(text, last.end), indent(text, last.closed.at), indent(text, open.at)
		if end != inner || end == outer {
			msg = fmt.Sprintf("{{%s}} 没有对应的 {{end}}：第 %d 行的 {{end}} 结束的是它，{{%s}} 因而%s仍未结束",
				between(text, last.closed.at), lineAt(text, last.end), between(text, open.at), until)
			open = last.closed
		}
	}
	return msg, lineAt(text, open.at), open.at - (bytes.LastIndexByte(text[:open.at], '\n') + 1)
}

// between is the text of the action at text[at:] between its braces,
// without its trim markers: "if .Title" of {{- if .Title}}.
func between(text []byte, at int) string {
	end := bytes.Index(text[at:], []byte("}}"))
	s := strings.TrimSpace(strings.TrimPrefix(string(text[at+2:at+end]), "-"))
	return strings.TrimSpace(strings.TrimSuffix(s, "-"))
}

// lineAt is the line, from 1, of text[at].
func lineAt(text []byte, at int) int { return 1 + bytes.Count(text[:at], []byte("\n")) }

// indent is the white space that begins the line of text[at].
func indent(text []byte, at int) string {
	l := text[bytes.LastIndexByte(text[:at], '\n')+1:]
	return string(l[:len(l)-len(bytes.TrimLeft(l, " \t"))])
}

// unendedComment returns where the comment on line n (from 1) of text
// begins whose first */ is not followed by }} (or -}} after a space), as
// Go reads a comment, or -1.
func unendedComment(text []byte, n int) int {
	l, off := lineOf(text, n)
	if l == nil {
		return -1
	}
	for _, m := range commentOpenRE.FindAllIndex(l, -1) {
		rest := text[off+m[1]:]
		k := bytes.Index(rest, []byte("*/"))
		if k < 0 {
			return -1
		}
		after := rest[k+2:]
		if !bytes.HasPrefix(after, []byte("}}")) && !(len(after) > 1 && strings.IndexByte(" \t\r\n", after[0]) >= 0 && bytes.HasPrefix(after[1:], []byte("-}}"))) {
			return off + m[0]
		}
	}
	return -1
}

// defineOn returns where the {{define}} on line n (from 1) of text
// begins, or -1.
func defineOn(text []byte, n int) int {
	l, off := lineOf(text, n)
	if l == nil {
		return -1
	}
	for _, m := range actionRE.FindAllSubmatchIndex(l, -1) {
		if m[2] >= 0 && string(l[m[2]:m[3]]) == "define" {
			return off + m[0]
		}
	}
	return -1
}

// fullWidth maps the full-width signs a Chinese input method types to the
// ASCII ones an action is written with.
var fullWidth = map[string]string{
	"＞": ">", "＜": "<", "｝": "}", "｛": "{", "（": "(", "）": ")", "“": `"`, "”": `"`, "＂": `"`,
	"‘": "'", "’": "'", "｜": "|", "＄": "$", "．": ".", "，": " ", "：": ":", "＝": "=", "－": "-", "　": " ",
}

var (
	emptyActionRE = regexp.MustCompile(`\{\{-?\s*(?:\$\w+\s*:?=\s*)?-?\}\}`)
	tripleBraceRE = regexp.MustCompile(`\{\{\{`)
)

// firstOnLine is the byte column from 0 of the first match of re on line
// n (from 1) of text, or -1.
func firstOnLine(text []byte, n int, re *regexp.Regexp) int {
	l, _ := lineOf(text, n)
	if loc := re.FindIndex(l); loc != nil {
		return loc[0]
	}
	return -1
}

// inAction is the byte column from 0, on line n (from 1) of text, of the
// place find finds in the first action of the line it finds one in; find
// is given an action from its {{ to its }} (or the line's end) and returns
// an offset in it, or -1. Go places its parse errors at a line only.
func inAction(text []byte, n int, find func(action []byte) int) int {
	l, _ := lineOf(text, n)
	for _, a := range actionSpanRE.FindAllIndex(l, -1) {
		if at := find(l[a[0]:a[1]]); at >= 0 {
			return a[0] + at
		}
	}
	return -1
}

// loneBraceAt is where action a has a } that is not one of a }}: the
// brace short of {{ .Site.Name }</p>, or -1.
func loneBraceAt(a []byte) int {
	inString := false
	for i := 2; i < len(a); i++ {
		switch {
		case a[i] == '"' && a[i-1] != '\\':
			inString = !inString
		case inString:
		case a[i] == '}' && i+1 < len(a) && a[i+1] == '}':
			return -1
		case a[i] == '}':
			return i
		}
	}
	return -1
}

// unterminatedAt is where action a begins a string it does not end on
// its line, or -1.
func unterminatedAt(a []byte) int {
	start := -1
	for i := 2; i < len(a); i++ {
		switch {
		case start < 0 && a[i] == '"':
			start = i
		case start >= 0 && a[i] == '\\':
			i++
		case start >= 0 && a[i] == '"':
			start = -1
		}
	}
	return start
}

// wordAt is where name (a variable, $x) is in action a, not as part of a
// longer name, or -1.
func wordAt(a []byte, name string) int {
	for i := 0; ; {
		k := bytes.Index(a[i:], []byte(name))
		if k < 0 {
			return -1
		}
		end := i + k + len(name)
		if end == len(a) || !(a[end] == '_' || a[end] >= '0' && a[end] <= '9' || a[end] >= 'a' && a[end] <= 'z' || a[end] >= 'A' && a[end] <= 'Z' || a[end] >= 0x80) {
			return i + k
		}
		i = end
	}
}

// stray is where, on line n (from 1) of text, the {{end}} or {{else}} is
// that Go finds no place for — kind "end": an {{end}} nothing is open
// for; "else": an {{else}} outside any if, with or range; "else2": a
// second {{else}} of one — as the line and the byte column from 0 of its
// {{, or 0, -1. Go names only the line, which may have several.
func stray(text []byte, n int, kind string) (line, col int) {
	type open struct {
		word  string
		elsed bool // a plain {{else}} has been
	}
	var stack []open
	for _, m := range actionRE.FindAllSubmatchIndex(text, -1) {
		if m[2] < 0 {
			continue
		}
		culprit := false
		switch w := string(text[m[2]:m[3]]); w {
		case "if", "with", "range", "define", "block":
			stack = append(stack, open{word: w})
		case "end":
			culprit = kind == "end" && len(stack) == 0
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case "else":
			top := len(stack) - 1
			inIf := top >= 0 && stack[top].word != "define" && stack[top].word != "block"
			culprit = kind == "else" && !inIf || kind == "else2" && inIf && stack[top].elsed
			if inIf && between(text, m[0]) == "else" {
				stack[top].elsed = true
			}
		}
		if culprit && lineAt(text, m[0]) == n {
			return placeOf(text, m[0])
		}
	}
	return 0, -1
}

// hugoFuncs says, of the Hugo functions layouts copied from a Hugo theme
// use most, what tongbao's layouts write instead.
var hugoFuncs = map[string]string{
	"partial":     `用 {{template "partials/名称.html" .}}，或 {{partialCached "partials/名称.html" . 变体…}}`,
	"relURL":      `用 url：{{url "circulars/"}}`,
	"relLangURL":  `用 url：{{url "circulars/"}}`,
	"absLangURL":  `用 absURL：{{absURL "circulars/"}}`,
	"site":        `用 .Site（在 {{with}}、{{range}} 之中写 $.Site）`,
	"now":         `同样的输入总是生成同样的文件，页面不写生成时的时间；页面的日期用 {{with .Date}}{{.ISO}}{{end}}`,
	"safeHTML":    `模板中的文字一律转义，以免通报、页面的文字改变网页的结构；要写的 HTML 直接写在模板中`,
	"safeURL":     `网址由 url、absURL、asset 给出，不必再标记`,
	"safeCSS":     `样式写在 layouts/assets/css/custom.css 中`,
	"safeJS":      `脚本写在 layouts/assets/js/ 下，用 {{asset "js/名称.js"}} 链接`,
	"markdownify": `正文已经是 HTML：{{.Content}}`,
	"resources":   `资源文件放在 layouts/assets/ 下，用 {{asset "css/名称.css"}} 取得它的地址`,
	"default":     `用 {{with 值}}{{.}}{{else}}默认值{{end}}`,
	"dict":        `局部模板收到的是页面（.），在其中取所需的值`,
	"T":           `站点只有中文，文字直接写在模板中`,
	"i18n":        `站点只有中文，文字直接写在模板中`,
}
