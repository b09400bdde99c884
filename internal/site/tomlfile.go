package site

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"tongbao/internal/diag"
)

// tomlFile is one decoded TOML file together with where its keys are, so
// that every problem in its values can be reported at file:line:col.
type tomlFile struct {
	name string // slash path relative to the site root
	src  string
	pos  map[string]int
	// lineStarts are the offsets at which lines start, made on first use.
	lineStarts []int
	diags      *diag.List
	top        string // what messages call the root table: "文件顶层" by default, "前置信息" in Markdown
	// format describes the file, for what messages call its keys:
	// city（上级排名）; nil for a file without a description.
	format *Format
	// values says what the values of an indicator, by its id, are called
	// (Indicator.ValueName: 得分, a count's 件数), for a syntax error in
	// a result's scores; nil, or "" of an id it does not know, when the
	// file is read without its site's indicators (scoreNoun).
	values func(id string) string
	// place, when set, names where the value at a path was typed, when
	// the file was made from another (a workbook's cell, "乡镇（街道）得分!C7"):
	// problems are reported there, not at a line of a file nobody wrote.
	place func(path string) string
}

// decodeTOML parses src, a file of the given format (nil if it has no
// description). A syntax error is reported and ok is false.
func decodeTOML(name string, src []byte, form *Format, diags *diag.List) (root *table, f *tomlFile, ok bool) {
	f = &tomlFile{name: name, src: string(src), diags: diags, format: form}
	root, ok = f.decode()
	return root, f, ok
}

// decodeMonth is decodeTOML of a month file of site s, whose syntax
// errors in a result's scores call them as the result's indicator's
// values are called: a count's 件数.
func (s *Site) decodeMonth(name string, src []byte, diags *diag.List) (root *table, f *tomlFile, ok bool) {
	f = &tomlFile{name: name, src: string(src), diags: diags, format: MonthFile, values: func(id string) string {
		if ind := s.indicators[id]; ind != nil {
			return ind.ValueName()
		}
		return ""
	}}
	root, ok = f.decode()
	return root, f, ok
}

// decode parses f's text; a syntax error is reported and ok is false.
func (f *tomlFile) decode() (root *table, ok bool) {
	m, simple := decodeSimple(f.src)
	if simple {
		f.pos = keyPositions(f.src)
		return &table{f: f, m: m, used: map[string]bool{}}, true
	}
	m = map[string]any{}
	if _, err := toml.Decode(f.src, &m); err != nil {
		f.syntaxErrors(err)
		return nil, false
	}
	f.pos = keyPositions(f.src)
	return &table{f: f, m: m, used: map[string]bool{}}, true
}

// maxSyntaxErrors is how many syntax errors of one file are reported at
// once.
const maxSyntaxErrors = 20

// syntaxErrors reports err, the decoder's error in f, and the syntax
// errors after it. The decoder stops at the first, and staff who typed a
// dozen names without quotes would learn of them one save at a time; so
// the line at fault is blanked (with spaces, which keep every offset)
// and the file decoded again, as long as the slip is one its line holds.
// After a table's header, or a line that opens a bracket or a string it
// does not close, the lines below would be read otherwise without it,
// and their errors would be the blanking's, not the file's: the report
// stops there.
func (f *tomlFile) syntaxErrors(err error) {
	src := []byte(f.src)
	last := 0 // the last line reported
	for range maxSyntaxErrors {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			if last == 0 {
				f.diags.Add(f.name, 1, 1, "TOML 语法错误：%v", err)
			}
			return
		}
		// The decoder's own column is off at the start of a line; the
		// byte offset is right, so the column is computed from it.
		off := syntaxOffset(src, pe)
		if pe.Position.Start == 0 && pe.Position.Line > 1 {
			off = f.lineStart(pe.Position.Line)
		}
		at, msg := syntaxMessage(string(src), off, pe, f.format, f.values)
		line, col := f.lineCol(at)
		if line <= last {
			return // not past the line blanked: the blanking's own error
		}
		f.diags.Add(f.name, line, col, "%s", msg)
		last = line
		// The lines from the one reported to the one the decoder stopped
		// at (a rule may point at the line before, where a string was
		// left open).
		end, _ := f.lineCol(off)
		if end < line {
			return
		}
		from, to := f.lineStart(line), f.lineStart(end+1)
		if !selfContained(string(src[from:to])) {
			return
		}
		for i := from; i < to; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
		if _, err = toml.Decode(string(src), &map[string]any{}); err == nil {
			return
		}
	}
}

// selfContained reports whether lines of TOML can be left out without
// changing how the lines after them are read: no table's header, and no
// bracket or multi-line string opened and not closed. (Brackets inside
// strings are counted too: such a line stops the report early, which
// costs a save, not a wrong message.)
func selfContained(lines string) bool {
	for line := range strings.Lines(lines) {
		// A header, or one typed with the Chinese input method on.
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(line)); strings.ContainsRune("[［【〔", r) {
			return false
		}
	}
	return !strings.Contains(lines, `"""`) && !strings.Contains(lines, "'''") &&
		strings.Count(lines, "[") == strings.Count(lines, "]") &&
		strings.Count(lines, "{") == strings.Count(lines, "}")
}

// decodeSimple decodes a document made only of lines `key = "text"` and
// `key = 2023-04-03`, and blank lines: the front matter of nearly every
// page. The TOML decoder spends as long on such a document as reading the
// page takes; this is a tenth of that. The values are the decoder's own,
// down to the time zone of a date. ok is false for anything else — a
// comment, an escape, another type, a table, a key given twice — which is
// left to the decoder, to read or to report.
func decodeSimple(src string) (m map[string]any, ok bool) {
	m = make(map[string]any, 4)
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			continue
		}
		k := 0
		for k < len(line) && isBareKeyByte(line[k]) {
			k++
		}
		key := line[:k]
		rest := strings.TrimLeft(line[k:], " \t")
		if key == "" || !strings.HasPrefix(rest, "=") {
			return nil, false
		}
		if _, dup := m[key]; dup {
			return nil, false
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		var v any
		switch {
		case strings.HasPrefix(rest, "\""):
			end := strings.IndexByte(rest[1:], '"') + 1
			if end == 0 || strings.TrimRight(rest[end+1:], " \t") != "" {
				return nil, false
			}
			text := rest[1:end]
			for i := 0; i < len(text); i++ {
				if c := text[i]; c < 0x20 || c == 0x7f || c == '\\' {
					return nil, false
				}
			}
			if !utf8.ValidString(text) {
				return nil, false
			}
			v = text
		case len(rest) >= 10 && strings.TrimRight(rest[10:], " \t") == "":
			d, ok := localDate(rest[:10])
			if !ok {
				return nil, false
			}
			v = d
		default:
			return nil, false
		}
		m[key] = v
	}
	return m, true
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// localDate reads a TOML local date, 2023-04-03, as the decoder does.
func localDate(s string) (time.Time, bool) {
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return time.Time{}, false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	year, _ := strconv.Atoi(s[:4])
	month, _ := strconv.Atoi(s[5:7])
	day, _ := strconv.Atoi(s[8:])
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, localDateZone())
	if d.Year() != year || int(d.Month()) != month || d.Day() != day {
		return time.Time{}, false // 2023-02-30: the decoder refuses it
	}
	return d, true
}

// localDateZone is the zone the decoder gives local dates, which it keeps
// to itself: it is taken from a date it decoded.
var localDateZone = sync.OnceValue(func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
})

// gotRE finds the character a syntax error names: "…, but got '\n' instead".
var gotRE = regexp.MustCompile(`\bgot ('(?:[^'\\]|\\.)+')`)

// syntaxOffset is where a syntax error is. The decoder reports the span of
// the token it was reading (Position.Start and Len), which starts at the
// offending character except in two cases. When the message names a
// character read past the token's start — after `[[result]` the span is
// "]\n" and the message says it got '\n'; after `95` the span is "%" or
// "\u00a0" — that character, the last of the span, is taken. When the
// decoder ran out of input (an "unexpected EOF", or it "got" the end of the
// file), it places the span on the last byte, inside the last character if
// that is Chinese: the end of the file is taken. Whether the input ran out
// is read from the span, which then reaches the end, and not from the
// message alone: "expected … a newline, comment, or EOF, but got '%'" is
// about the '%'.
func syntaxOffset(src []byte, pe toml.ParseError) int {
	start := min(max(pe.Position.Start, 0), len(src))
	end := min(max(start+pe.Position.Len, start), len(src))
	got := ""
	if m := gotRE.FindStringSubmatch(pe.Message); m != nil {
		got, _ = strconv.Unquote(m[1])
	}
	ranOut := strings.HasPrefix(pe.Message, "unexpected EOF") || got == "\x00" ||
		strings.Contains(pe.Message, "got end of file")
	switch {
	case got != "" && got != "\x00" && end > start:
		if r, size := utf8.DecodeLastRune(src[start:end]); string(r) == got {
			return end - size
		}
	case ranOut && end == len(src):
		return len(src)
	}
	for start > 0 && start < len(src) && !utf8.RuneStart(src[start]) {
		start--
	}
	return start
}

// errorf reports a problem at the key or element named by path, or at the
// nearest enclosing one that has a known position.
func (f *tomlFile) errorf(path, format string, args ...any) {
	f.report(f.diags, path, format, args...)
}

// warnf is errorf for a warning, which goes to w.
func (f *tomlFile) warnf(w *diag.List, path, format string, args ...any) {
	f.report(w, path, format, args...)
}

func (f *tomlFile) report(l *diag.List, path, format string, args ...any) {
	if at := placeUp(f.place, path); at != "" {
		l.Add(at, 0, 0, format, args...)
		return
	}
	line, col := f.position(path)
	l.Add(f.name, line, col, format, args...)
}

// placeUp is where place says the value at path, or the nearest table
// enclosing it that place names, was typed; "" if place names none, or
// is nil.
func placeUp(place func(path string) string, path string) string {
	if place == nil {
		return ""
	}
	for p := path; ; {
		if at := place(p); at != "" {
			return at
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}

// Placed is problems, each one at a line and column of the file rel,
// whose text is src, that is where a key, a table or an element starts
// moved to where place says the value there (or the table enclosing it)
// was typed, as ParseMonth with place reports its own: the problems the
// rest of the site finds with a month file made from a workbook — a
// [[interview]] repeating a rule's measure, which only ranking finds —
// at the workbook's cells. Any other problem is as it was.
func Placed(problems diag.List, rel string, src []byte, place func(path string) string) diag.List {
	var d diag.List
	text := normalize(rel, src, &d)
	if text == nil || place == nil {
		return problems
	}
	f := &tomlFile{name: rel, src: string(text), pos: keyPositions(string(text))}
	at := make(map[int]string, len(f.pos)) // offset → the path that starts there: one each
	for p, off := range f.pos {
		at[off] = p
	}
	out := slices.Clone(problems)
	for i, pr := range out {
		if pr.File != rel || pr.Line < 1 {
			continue
		}
		path, ok := at[f.offset(pr.Line, pr.Col)]
		if !ok {
			continue
		}
		if where := placeUp(place, path); where != "" {
			out[i].File, out[i].Line, out[i].Col = where, 0, 0
		}
	}
	return out
}

// offset is the byte offset of line and column (from 1, in characters)
// of the file; -1 past its end.
func (f *tomlFile) offset(line, col int) int {
	f.lineCol(0) // makes lineStarts
	if line > len(f.lineStarts) {
		return -1
	}
	off := f.lineStarts[line-1]
	for n := 1; n < col && off < len(f.src) && f.src[off] != '\n'; n++ {
		_, size := utf8.DecodeRuneInString(f.src[off:])
		off += size
	}
	return off
}

// lineCol is diag.Position for the file, by binary search in its line
// starts: a month file asks for hundreds of positions.
func (f *tomlFile) lineCol(off int) (line, col int) {
	f.findLines()
	off = min(max(off, 0), len(f.src))
	line, _ = slices.BinarySearch(f.lineStarts, off+1) // lines starting at or before off
	start := f.lineStarts[line-1]
	return line, 1 + utf8.RuneCountInString(f.src[start:off])
}

// lineStart is the offset at which the 1-based line n starts, or the
// end of the file for a line past it.
func (f *tomlFile) lineStart(n int) int {
	f.findLines()
	if n < 1 || n > len(f.lineStarts) {
		return len(f.src)
	}
	return f.lineStarts[n-1]
}

func (f *tomlFile) findLines() {
	if f.lineStarts == nil {
		f.lineStarts = []int{0}
		for i := 0; i < len(f.src); i++ {
			if f.src[i] == '\n' {
				f.lineStarts = append(f.lineStarts, i+1)
			}
		}
	}
}

func (f *tomlFile) position(path string) (line, col int) {
	for p := path; ; {
		if off, ok := f.pos[p]; ok {
			return f.lineCol(off)
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return 1, 1
		}
		p = p[:i]
	}
}

// A table reads typed values from one TOML table, reporting wrong types
// and, in done, the keys nobody asked for.
type table struct {
	f    *tomlFile
	path string
	m    map[string]any
	used map[string]bool
}

func (t *table) at(key string) string { return join(t.path, key) }

// Line is the line of the table's header or first key, for diagnostics that
// are about the table as a whole.
func (t *table) line() int {
	l, _ := t.f.position(t.path)
	return l
}

func (t *table) get(key string) (any, bool) {
	v, ok := t.m[key]
	t.used[key] = true
	return v, ok
}

func (t *table) has(key string) bool {
	_, ok := t.m[key]
	return ok
}

// typeErr reports the value at key as not of the kind want, with hint,
// when there is one, saying what to write instead.
func (t *table) typeErr(key, want, hint string) {
	msg := t.f.named(t.at(key)) + "应为" + want
	if hint != "" {
		msg += "：" + hint
	}
	t.f.errorf(t.at(key), "%s", msg)
}

// named is how messages name the value at path: by its key and its
// field's label (fieldNamed), or by the path, “result.city”, in a file
// without a description.
func (f *tomlFile) named(path string) string {
	if f.format != nil {
		keys := strings.Split(path, ".")
		if field, entry := f.format.lookup(keys); field != nil {
			section := ""
			if parent, _ := f.format.lookup(keys[:len(keys)-1]); parent != nil && parent.Kind == Section && entry == "" {
				section = displayPath(strings.Join(keys[:len(keys)-1], "."))
			}
			return fieldNamed(field, entry, section)
		}
	}
	return "“" + displayPath(path) + "”"
}

// fieldNamed is how a message names a value of field f: by its key and
// label, city（上级排名）, with the section it is in, [terms] unit（排名
// 单位）; a unit's score as “甲镇”的得分, and a category as 考核排类“二类”
// (entry is the key below a Scores or Lists field). Staff know both the
// key, which they typed, and the label, which the reference and the
// workbook's headings use.
func fieldNamed(f *Field, entry, section string) string {
	switch {
	case entry != "" && f.Kind == Scores:
		return "“" + shown(entry) + "”的" + f.Label
	case entry != "":
		return f.Label + "“" + shown(entry) + "”"
	}
	name := f.Key + "（" + strings.NewReplacer("（", "，", "）", "").Replace(f.Label) + "）"
	if section != "" {
		name = "[" + section + "] " + name
	}
	return name
}

func (t *table) str(key string) string {
	v, ok := t.get(key)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.typeErr(key, "字符串", textHint(v))
	}
	return s
}

// require reports a missing key; it returns whether the key is there.
func (t *table) require(key string) bool {
	if t.has(key) {
		return true
	}
	// At the key's own path, which a file has not, so that a reader who
	// places paths (a workbook's cells) can place the missing value.
	if t.path == "" {
		// A draft (tongbao new) holds the key commented out, to be
		// filled in: pointing at the file's first line would send the
		// clerk looking for a key that is there, behind a #.
		if off := commentedKey(t.f.src, key); off >= 0 && t.f.place == nil {
			line, col := t.f.lineCol(off)
			t.f.diags.Add(t.f.name, line, col, "%s缺少“%s”：这一行的 %s 还是注释，填写后去掉行首的 #", cmp.Or(t.f.top, "文件顶层"), key, key)
			return false
		}
		t.f.errorf(t.at(key), "%s缺少“%s”", cmp.Or(t.f.top, "文件顶层"), key)
		return false
	}
	// A table as the file writes it, [[township]] or [site], and the key
	// with its label, as other messages name it: township缺少“slug” was
	// the code's words.
	where := "[" + displayPath(t.path) + "]"
	if displayPath(t.path) != t.path {
		where = "[" + where + "]" // an array's item: township.3
	}
	what := "“" + key + "”"
	if t.f.format != nil {
		if field, _ := t.f.format.lookup(strings.Split(t.at(key), ".")); field != nil {
			what = "“" + key + "”（" + field.Label + "）"
		}
	}
	t.f.errorf(t.at(key), "%s 这一项缺少%s", where, what)
	return false
}

// commentedKey is the offset of the # of the first line of src that is
// key = … commented out (# date = YYYY-MM-DD), or -1 if none is.
func commentedKey(src, key string) int {
	for off := 0; off < len(src); {
		line, _, _ := strings.Cut(src[off:], "\n")
		rest := strings.TrimLeft(line, " \t")
		if after, ok := strings.CutPrefix(rest, "#"); ok {
			after = strings.TrimLeft(after, " \t")
			if k, ok := strings.CutPrefix(after, key); ok && strings.HasPrefix(strings.TrimLeft(k, " \t"), "=") {
				return off + len(line) - len(rest)
			}
		}
		off += len(line) + 1
	}
	return -1
}

// intOK is the integer at key, and whether the key was there and an
// integer: a value of the wrong type is reported once, not checked again
// as 0.
func (t *table) intOK(key string) (int, bool) {
	v, ok := t.get(key)
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok || n > math.MaxInt32 || n < math.MinInt32 {
		t.typeErr(key, "整数", intHint(v))
		return 0, false
	}
	return int(n), true
}

func (t *table) float(key string) (float64, bool) {
	v, ok := t.get(key)
	if !ok {
		return 0, false
	}
	var n float64
	switch x := v.(type) {
	case int64:
		n = float64(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.typeErr(key, "有限的数", "写作数，如 8.5，不能是 nan 或 inf")
			return 0, false
		}
		n = x
	default:
		t.typeErr(key, "数", numberHint(v))
		return 0, false
	}
	if tooLarge(n) {
		t.typeErr(key, "绝对值小于 10 的 15 次方（1000 万亿）的数", "")
		return 0, false
	}
	return n, true
}

func (t *table) boolean(key string) bool {
	v, ok := t.get(key)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.typeErr(key, "布尔值（true 或 false）", boolHint(v))
	}
	return b
}

// date reads a TOML local date (2023-04-03).
func (t *table) date(key string) (Date, bool) {
	v, ok := t.get(key)
	if !ok {
		return Date{}, false
	}
	tm, ok := v.(time.Time)
	if !ok || tm.Hour() != 0 || tm.Minute() != 0 || tm.Second() != 0 {
		if hint := dateHint(v); hint != "" {
			t.typeErr(key, "日期", hint)
		} else {
			t.typeErr(key, "日期（如 2023-04-03）", "")
		}
		return Date{}, false
	}
	return Date{Year: tm.Year(), Month: int(tm.Month()), Day: tm.Day()}, true
}

// strings reads an array of strings; each element keeps its own path so
// that a bad element is reported where it stands.
func (t *table) strings(key string) []element {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		hint := ""
		if s, ok := v.(string); ok {
			hint = "加上方括号，写作 [" + Quote(s) + "]"
		}
		t.typeErr(key, "字符串数组", hint)
		return nil
	}
	out := make([]element, 0, len(arr))
	for i, e := range arr {
		p := t.at(key) + "." + strconv.Itoa(i)
		s, ok := e.(string)
		if !ok {
			t.f.errorf(p, "%s的第%d项应为字符串", t.f.named(t.at(key)), i+1)
			continue
		}
		out = append(out, element{s, p})
	}
	return out
}

// A notedElement is an item of a Noted array: its value, where the value
// stands, and the note written with it ("" when it is written alone).
type notedElement struct {
	element
	reason string
}

// noted reads a Noted array (see Noted): each item a string, or a table
// of fields whose first is the item's value and whose reason is its note
// — a table written inline ({month = "2024-02", reason = "…"}) or as an
// array of tables. A table is read by its description, so a misspelt key
// in it is told with a suggestion; an item that is neither is told where
// it stands.
func (t *table) noted(key string, fields []Field) []notedElement {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	var arr []any
	switch v := v.(type) {
	case []any:
		arr = v
	case []map[string]any:
		for _, m := range v {
			arr = append(arr, m)
		}
	default:
		hint := ""
		if s, ok := v.(string); ok {
			hint = "加上方括号，写作 [" + Quote(s) + "]"
		}
		t.typeErr(key, "数组", hint)
		return nil
	}
	first := fields[0].Key
	out := make([]notedElement, 0, len(arr))
	for i, e := range arr {
		p := t.at(key) + "." + strconv.Itoa(i)
		switch e := e.(type) {
		case string:
			out = append(out, notedElement{element: element{e, p}})
		case map[string]any:
			rec := read(&table{f: t.f, path: p, m: e, used: map[string]bool{}}, fields)
			if !rec.has(first) {
				continue
			}
			reason := strings.TrimSpace(rec.text("reason"))
			if rec.has("reason") && reason == "" {
				t.f.errorf(rec.at("reason"), "reason（原因）不能为空：没有原因就只写 %s", Quote(rec.text(first)))
			}
			out = append(out, notedElement{element{rec.text(first), rec.at(first)}, reason})
		default:
			t.f.errorf(p, "%s的第%d项应为字符串，或写明原因的表，如 {%s = \"…\", reason = \"…\"}", t.f.named(t.at(key)), i+1, first)
		}
	}
	return out
}

// textHint, intHint, numberHint, boolHint and dateHint say how to write
// v, a value of the wrong type, as the type wanted; "" when v does not
// show what was meant.
func textHint(v any) string {
	switch v := v.(type) {
	case int64, float64, bool:
		return "加英文引号，写作 " + Quote(fmt.Sprint(v))
	case time.Time:
		if d, ok := localDate(v.Format(time.DateOnly)); ok && d.Equal(v) {
			return "加英文引号，写作 " + Quote(v.Format(time.DateOnly))
		}
	}
	return ""
}

func intHint(v any) string {
	switch v := v.(type) {
	case float64:
		if v == math.Trunc(v) && math.Abs(v) <= math.MaxInt32 {
			return "写作 " + strconv.FormatFloat(v, 'f', -1, 64)
		}
	case string:
		if n, ok := parseLooseNumber(strings.Map(halfWidth, v)); ok && n.point == "" && !strings.Contains(n.value, ".") {
			return looseHint(n)
		}
	}
	return ""
}

func numberHint(v any) string {
	if s, ok := v.(string); ok {
		if n, ok := parseLooseNumber(strings.Map(halfWidth, s)); ok {
			return looseHint(n)
		}
	}
	return ""
}

// looseHint says how to write a number given as text (in quotes).
func looseHint(n looseNumber) string {
	h := "写作 " + n.value + "，不加引号"
	if len(n.words) > 0 {
		h += "，不带" + quoteEach(n.words)
	}
	return h
}

func boolHint(v any) string {
	switch s, _ := v.(string); strings.TrimSpace(s) {
	case "true", "false":
		return "去掉引号，写作 " + strings.TrimSpace(s)
	case "是", "对":
		return "写作 true（是），不加引号"
	case "否", "不是", "错":
		return "写作 false（否），不加引号"
	}
	return ""
}

func dateHint(v any) string {
	switch v := v.(type) {
	case string:
		if _, ok := localDate(strings.TrimSpace(v)); ok {
			return "去掉引号，写作 " + strings.TrimSpace(v)
		}
		if d, problem, ok := looseDate(v); ok && problem == "" {
			return "写作 " + d + "，不加引号"
		}
	case time.Time:
		return "只写日期，写作 " + v.Format(time.DateOnly)
	}
	return ""
}

// An element is one string of an array, with its path for diagnostics.
type element struct {
	value string
	path  string
}

func (t *table) sub(key string) *table {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.typeErr(key, "表", "")
		return nil
	}
	return &table{f: t.f, path: t.at(key), m: m, used: map[string]bool{}}
}

// tables reads an array of tables ([[result]]).
func (t *table) tables(key string) []*table {
	v, ok := t.get(key)
	if !ok {
		return nil
	}
	arr, ok := v.([]map[string]any)
	if inline, isArray := v.([]any); isArray && len(inline) > 0 {
		// An array of inline tables, deduct = [{ indicator = "x", per = 1 }]:
		// the same tables written on one line.
		ok = true
		for _, e := range inline {
			m, isTable := e.(map[string]any)
			ok = ok && isTable
			arr = append(arr, m)
		}
	}
	if !ok {
		// Named as its header is written: [[indicator.change]], not with
		// the indexes of the path.
		var header []string
		for _, k := range strings.Split(t.at(key), ".") {
			if _, err := strconv.Atoi(k); err != nil {
				header = append(header, k)
			}
		}
		t.typeErr(key, fmt.Sprintf("表数组（[[%s]]）", strings.Join(header, ".")), "")
		return nil
	}
	out := make([]*table, len(arr))
	for i, m := range arr {
		out[i] = &table{f: t.f, path: t.at(key) + "." + strconv.Itoa(i), m: m, used: map[string]bool{}}
	}
	return out
}

// keys lists the table's keys in the order they stand in the file, which
// is the order staff wrote and expect to see back.
func (t *table) keys() []string {
	type keyAt struct {
		key string
		pos int
		ok  bool
	}
	ks := make([]keyAt, 0, len(t.m))
	for k := range t.m {
		pos, ok := t.f.pos[t.at(k)]
		ks = append(ks, keyAt{k, pos, ok})
	}
	slices.SortFunc(ks, func(a, b keyAt) int {
		if a.ok != b.ok {
			if a.ok {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.pos, b.pos), strings.Compare(a.key, b.key))
	})
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.key
	}
	return out
}

// known lists the keys readers asked for, present or not: what a
// misspelt key was probably meant to be.
func (t *table) known() []string {
	var ks []string
	for k := range t.used {
		if _, present := t.m[k]; !present {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return ks
}

// done reports every key of the table that no reader asked for.
func (t *table) done() {
	unknown := 0
	for k := range t.m {
		if !t.used[k] {
			unknown++
		}
	}
	if unknown == 0 {
		return // the usual case: no need to put the keys in order
	}
	for _, k := range t.keys() {
		if t.used[k] {
			continue
		}
		at := t.at(k)
		if _, ok := t.f.pos[at]; !ok {
			if _, ok := t.f.pos[at+".0"]; ok {
				at += ".0" // an array of tables, [[change]]: at its first header
			}
		}
		if hint := misplacedKeys[t.f.format][displayPath(t.at(k))]; hint != "" {
			t.f.errorf(at, "未知的键“%s”：%s", displayPath(t.at(k)), hint)
			continue
		}
		t.f.errorf(at, "未知的键“%s”%s", displayPath(t.at(k)), Suggest(k, t.known()))
	}
}

// misplacedKeys say, for a format, what keys staff write in the wrong
// place were meant as: a from on an [[indicator]], as units and rules
// have, or an indicator's change as a table of its own.
var misplacedKeys = map[*Format]map[string]string{
	IndicatorsFile: {
		"indicator.from":  indicatorSpan,
		"indicator.until": indicatorSpan,
		"change":          "考核办法调整写作 [[indicator.change]]，紧跟在所调整的 [[indicator]] 之后",
	},
}

const indicatorSpan = "指标不写 from、until。新指标直接加上，从它开始考核的月份起写它的 [[result]]；" +
	"不再考核的指标不要删去（以前各月仍用它），以后的月份不写它的 [[result]]；权重、小数位数或得分方向自某月起改变的，写在紧跟它的 [[indicator.change]] 中"

// displayPath drops the element indexes from a path: staff know the keys
// (result.city), and the line already says which [[result]] it is.
func displayPath(p string) string {
	parts := strings.Split(p, ".")
	out := parts[:0]
	for _, s := range parts {
		if _, err := strconv.Atoi(s); err != nil {
			out = append(out, s)
		}
	}
	return strings.Join(out, ".")
}
