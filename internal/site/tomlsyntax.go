package site

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"tongbao/internal/zh"
)

// This file says a TOML syntax error in the words of the staff who made
// it. The decoder speaks of tokens ("expected '.' or '=', but got '甲'
// instead"); nearly every syntax error in an office's files is one of a
// few slips — a Chinese name left without quotes, a score written 8.5分
// or 8,5, punctuation typed with the Chinese input method on (＝ ， 【】
// “”), a date written 2024年2月20日, a Windows path — and each is
// recognised here, from the decoder's message and the text where it
// stopped, and said with what to write instead. Only an error none of
// them explains keeps the decoder's own words.

// syntaxMessage returns where a syntax error of src is, as a byte offset,
// and what to do about it. off is where the decoder stopped (syntaxOffset);
// form describes the file, for the names of its keys (nil: unknown),
// values what an indicator's values are called (tomlFile.values).
func syntaxMessage(src string, off int, pe toml.ParseError, form *Format, values func(id string) string) (at int, msg string) {
	s := newSyntaxSite(src, off, pe.Message, form)
	s.noun = scoreNoun(s, values)
	for _, rule := range syntaxRules {
		if m := rule(s); m != "" {
			return s.at, m
		}
	}
	return off, "TOML 语法错误：" + pe.Message
}

// unknownKind is the kind of a value whose field the format lacks, or
// of a file without a format.
const unknownKind Kind = -1

// A syntaxSite is a syntax error with the text around it, cut where staff
// see its parts: the line, its key, its value, the table it is in.
type syntaxSite struct {
	src   string
	off   int    // the character the decoder could not take
	at    int    // where the diagnostic points: off, unless a rule moves it
	msg   string // the decoder's message
	r     rune   // the character at off; -1 at the end of the file
	line  string // the line of off, without its end
	start int    // the offset of line in src
	eq    int    // the index in line of the = (or ＝) after its key; -1 if none
	field *Field // the field of the line's key, when the format knows it
	entry string // the key of the line below a Scores or Lists field (a unit's name)
	noun  string // what the value of a Scores entry is called (scoreNoun); "" for another line
}

func newSyntaxSite(src string, off int, msg string, form *Format) *syntaxSite {
	off = min(max(off, 0), len(src))
	s := &syntaxSite{src: src, off: off, at: off, msg: msg, r: -1}
	if off < len(src) {
		s.r, _ = utf8.DecodeRuneInString(src[off:])
	}
	s.start = strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src) - off
	}
	s.line = src[s.start : off+end]
	s.eq = separator(s.line, "=＝")
	if form != nil && s.eq >= 0 {
		keys := append(tableAbove(src[:s.start]), dotted(s.line[:s.eq])...)
		s.field, s.entry = form.lookup(keys)
	}
	return s
}

// neutralNoun is what a score is called where its indicator is not
// known: a count's 件数 is no 得分, and 数值 is either.
const neutralNoun = "数值"

// scoreNoun is what the value of s's line is called when the line is a
// unit's in a result's scores: its indicator's word (得分, a count's
// 件数), by the indicator = of the [[result]] above it, as values knows
// it; neutralNoun when it does not. "" for any other line.
func scoreNoun(s *syntaxSite, values func(id string) string) string {
	if s.field == nil || s.field.Kind != Scores {
		return ""
	}
	if values != nil {
		above := s.src[:s.start]
		if loc := resultHeaderRE.FindAllStringIndex(above, -1); loc != nil {
			if m := indicatorLineRE.FindStringSubmatch(above[loc[len(loc)-1][1]:]); m != nil {
				if n := values(strings.TrimSpace(m[1])); n != "" {
					return n
				}
			}
		}
	}
	return neutralNoun
}

// resultHeaderRE is a [[result]] header; indicatorLineRE the indicator
// it names, a line below it.
var (
	resultHeaderRE  = regexp.MustCompile(`(?m)^[ \t]*\[\[[ \t]*result[ \t]*\]\]`)
	indicatorLineRE = regexp.MustCompile(`(?m)^[ \t]*indicator[ \t]*=[ \t]*["']([^"'\n]*)["']`)
)

// col is off's index in the line.
func (s *syntaxSite) col() int { return s.off - s.start }

// inValue reports whether the decoder stopped in the value of a key =
// value line.
func (s *syntaxSite) inValue() bool { return s.eq >= 0 && s.col() > s.eq }

// header reports whether the line is a table's header: [ranking], [[result]].
func (s *syntaxSite) header() bool {
	t := strings.TrimLeft(s.line, " \t")
	return s.eq < 0 && (strings.HasPrefix(t, "[") || strings.HasPrefix(t, "【") || strings.HasPrefix(t, "［"))
}

// key is the text before the line's =.
func (s *syntaxSite) key() string { return strings.TrimSpace(s.line[:max(s.eq, 0)]) }

// value is the text after the line's =, up to a comment, and its offset
// in src.
func (s *syntaxSite) value() (string, int) {
	if s.eq < 0 {
		return "", s.off
	}
	_, size := utf8.DecodeRuneInString(s.line[s.eq:])
	i := s.eq + size
	rest := s.line[i:]
	if c := separator(rest, "#"); c >= 0 {
		rest = rest[:c]
	}
	lead := len(rest) - len(strings.TrimLeft(rest, " \t"))
	return strings.TrimRight(rest[lead:], " \t"), s.start + i + lead
}

// label is what the value of the line is called in a message: 得分, 上级排名.
func (s *syntaxSite) label() string {
	switch {
	case s.field == nil:
		return "这里"
	case s.noun != "":
		return s.noun
	}
	return s.field.Label
}

// named is the line's field named with its entry (fieldNamed), a unit's
// score by what its value is called: “甲镇”的件数.
func (s *syntaxSite) named() string {
	if s.noun != "" && s.entry != "" {
		return "“" + shown(s.entry) + "”的" + s.noun
	}
	return fieldNamed(s.field, s.entry, "")
}

// kind is the kind of the line's value, unknownKind when the format
// does not say: the value of a Scores entry is a Number.
func (s *syntaxSite) kind() Kind {
	switch {
	case s.field == nil:
		return unknownKind
	case s.field.Kind == Scores:
		return Number
	case s.field.Kind == Lists, s.field.Kind == Noted:
		return Texts // a Noted array is mended as its short form
	}
	return s.field.Kind
}

// lineFix is the line as it should be (fixLine), as a message's ending,
// "：写作 …"; "" when it cannot be told.
func (s *syntaxSite) lineFix() string {
	if fixed, ok := fixLine(s.line, s.kind()); ok {
		return "：写作 " + fixed
	}
	return ""
}

// valueFix is the value as it should be (fixValue), as a message's ending.
func (s *syntaxSite) valueFix() string {
	v, _ := s.value()
	if r, _ := utf8.DecodeRuneInString(v); s.kind() == Text && v != "" && !strings.ContainsRune(`"'[［【“”‘’`, r) {
		// Bare text is the text itself, to be quoted as written: made
		// ASCII as a list or a number would be, 关于“三重点”的通报 lost
		// its quotation marks and 各乡镇，区直各单位 its comma.
		if fixed := Quote(v); decodes("x = " + fixed) {
			return "：写作 " + fixed
		}
	}
	if fixed, ok := fixValue(halfWidthOutside(v), s.kind()); ok {
		return "：写作 " + fixed
	}
	return ""
}

// fix is valueFix in a value, lineFix elsewhere.
func (s *syntaxSite) fix() string {
	if s.inValue() {
		return s.valueFix()
	}
	return s.lineFix()
}

var syntaxRules = []func(*syntaxSite) string{
	controlRule,
	escapeRule,
	rangeRule,
	dateRule,
	numberFormRule,
	extraCloseRule,
	numberWordsRule,
	bareTextRule,
	typedRule,
	bareKeyRule,
	missingEqualsRule,
	headerRule,
	textAfterStringRule,
	bareValueRule,
	missingValueRule,
	unclosedStringRule,
	multilineRule,
	arrayRule,
	inlineTableRule,
	duplicateRule,
}

func controlRule(s *syntaxSite) string {
	if !strings.HasPrefix(s.msg, "TOML files cannot contain control characters") {
		return ""
	}
	// The decoder may point a character before it.
	i := strings.IndexFunc(s.src[s.start:], func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f })
	if i < 0 {
		return ""
	}
	s.at = s.start + i
	r, _ := utf8.DecodeRuneInString(s.src[s.at:])
	return fmt.Sprintf("这里有看不见的控制字符 %s，请删去", Visible(string(r)))
}

// escapeRule: a backslash in a string, nearly always a Windows path
// (附件\表.csv), which the decoder reports at the string's start.
func escapeRule(s *syntaxSite) string {
	if !strings.Contains(s.msg, "invalid escape") && !strings.Contains(s.msg, "hexadecimal digits after") {
		return ""
	}
	v, at := s.value()
	i := badEscape(v)
	if i < 0 {
		return ""
	}
	s.at = at + i
	fixed := strings.ReplaceAll(v, `\`, "/")
	if !strings.HasPrefix(v, `"`) || !decodes("x = "+fixed) {
		return `文字中的“\”要写作“\\”`
	}
	return `路径中的“\”要改为“/”：写作 ` + fixed
}

// badEscape is the index of the first backslash of v that does not start
// an escape TOML knows, -1 if none does.
func badEscape(v string) int {
	hex := func(s string, n int) bool {
		if len(s) < n {
			return false
		}
		for _, c := range []byte(s[:n]) {
			if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' {
			continue
		}
		if i+1 >= len(v) {
			return i
		}
		switch c := v[i+1]; {
		case strings.IndexByte(`btnfre"\`, c) >= 0:
			i++
			continue
		case c == 'x' && hex(v[i+2:], 2), c == 'u' && hex(v[i+2:], 4), c == 'U' && hex(v[i+2:], 8):
			i++
			continue
		}
		return i
	}
	return -1
}

var (
	rangeRE      = regexp.MustCompile(`^(\S+) is out of range for`)
	bareMonthRE  = regexp.MustCompile(`^invalid datetime: "(\d{4})-(\d{1,2})"$`)
	shortPartsRE = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}$`)
)

func rangeRule(s *syntaxSite) string {
	m := rangeRE.FindStringSubmatch(s.msg)
	if m == nil {
		return ""
	}
	return fmt.Sprintf("“%s”超出了数的范围，请核对", m[1])
}

// dateRule: a date TOML does not read — 2024-2-20, 2024-02-30,
// 2024年2月20日, 2024/02/20, 2024.02.20 — or a month written without
// quotes, data = 2024-01.
func dateRule(s *syntaxSite) string {
	v, at := s.value()
	if !s.inValue() {
		return ""
	}
	if m := bareMonthRE.FindStringSubmatch(s.msg); m != nil && s.kind() != Day {
		s.at = at
		month, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("月份要加英文引号：写作 \"%s-%02d\"", m[1], month)
	}
	if !strings.HasPrefix(s.msg, "invalid datetime") && !strings.HasPrefix(s.msg, "Invalid float value") &&
		!strings.HasPrefix(s.msg, "expected a top-level item to end") {
		return ""
	}
	d, problem, ok := looseDate(v)
	if !ok {
		if strings.HasPrefix(s.msg, "invalid datetime") {
			s.at = at
			return fmt.Sprintf("“%s”不是日期：%s", v, dateForm)
		}
		return ""
	}
	s.at = at
	switch {
	case problem != "":
		return problem
	case shortPartsRE.MatchString(v):
		return "日期的月和日都写两位：写作 " + d
	}
	return "日期写作 " + d + "（不加引号）"
}

// numberFormRule: a number TOML does not take as written: 08, 8., .5.
func numberFormRule(s *syntaxSite) string {
	v, at := s.value()
	switch {
	case strings.Contains(s.msg, "cannot have leading zeroes"):
		n := strings.TrimLeft(v, "0")
		if n == "" || n[0] == '.' {
			n = "0" + n
		}
		s.at = at
		return "数不以 0 开头：写作 " + n
	case strings.Contains(s.msg, "'.' must be followed by one or more digits") && v != "":
		s.at = at
		return "小数点后要有数字：写作 " + strings.TrimSuffix(strings.Fields(v)[0], ".")
	case s.msg == "floats must start with a digit, not '.'":
		return "小数点前要有数字：写作 0" + v
	case v != "" && (strings.HasPrefix(s.msg, "Invalid float") || strings.HasPrefix(s.msg, "Invalid integer") ||
		strings.HasPrefix(s.msg, "expected a digit but got") ||
		strings.HasPrefix(s.msg, "not an octal number") || strings.HasPrefix(s.msg, "not a hexadecimal number") ||
		strings.HasPrefix(s.msg, "not a binary number")):
		s.at = at
		return fmt.Sprintf("“%s”不是数：应为数，如 95 或 87.5", strings.Fields(v)[0])
	}
	return ""
}

// numberWordsRule: a number followed by what is not one: 8.5分, 95%,
// 8,5, 8。5, 2万元, 36名, a no-break space pasted with it.
func numberWordsRule(s *syntaxSite) string {
	if !strings.HasPrefix(s.msg, "expected a top-level item to end") || !s.inValue() {
		return ""
	}
	v, at := s.value()
	if k := s.kind(); k == Text || k == Day || s.off < at || s.off > at+len(v) {
		return ""
	}
	n, ok := parseLooseNumber(strings.Map(halfWidth, v))
	switch {
	case ok && (n.point != "" || s.r == '．'):
		// The point as typed, which halfWidth may have made ASCII (a
		// full-width ．): the decoder stopped at it.
		return fmt.Sprintf("小数点用“.”，不用“%c”：写作 %s", s.r, n.value)
	case ok && n.grouped:
		return "数中不加千位分隔的逗号：写作 " + n.value
	case ok && len(n.words) > 0:
		return fmt.Sprintf("%s只写数字，去掉%s：写作 %s", s.label(), quoteEach(n.words), n.value)
	}
	spaces := func(r rune) bool { return r == ' ' || r == '\t' }
	if joined := strings.Join(strings.FieldsFunc(v, spaces), ""); joined != v && decodes("x = "+joined) {
		return "数字中间不能有空格：写作 " + joined
	}
	// Anything else after a number: 95x.
	head, rest := strings.TrimSpace(s.src[at:s.off]), strings.TrimSpace(s.src[s.off:at+len(v)])
	if _, err := strconv.ParseFloat(head, 64); err == nil && decodes("x = "+head) && rest != "" {
		return fmt.Sprintf("%s只写数字，去掉“%s”：写作 %s", s.label(), rest, head)
	}
	return ""
}

// dateForm says how a date is written.
const dateForm = "日期写成“年-月-日”，如 2023-04-03（不加引号）"

// bareTextRule: text without quotes that starts with a digit, title =
// 2024年工作通报.
func bareTextRule(s *syntaxSite) string {
	v, at := s.value()
	k := s.kind()
	if !strings.HasPrefix(s.msg, "expected a top-level item to end") || !s.inValue() || strings.HasPrefix(v, `"`) ||
		k != Text && k != UnitRef && k != IndicatorRef {
		return ""
	}
	s.at = at
	return "文字要加英文引号" + s.valueFix()
}

// typedRule: a character typed with the Chinese input method where TOML
// wants its ASCII form — ＝ ， 【】 “” ０-９ ： — or a space one cannot
// see.
func typedRule(s *syntaxSite) string {
	switch r := s.r; {
	case r == '＝':
		return "等号要用英文的“=”" + s.lineFix()
	case r == '，':
		return "逗号要用英文的“,”" + s.fix()
	case strings.ContainsRune("【】［］", r):
		return "方括号要用英文的“[”“]”" + s.fix()
	case strings.ContainsRune("“”‘’＂", r) && s.inValue():
		if k := s.kind(); k != Text && k != Texts && k != unknownKind {
			if fix := s.valueFix(); !strings.Contains(fix, `"`) {
				return s.label() + "不加引号" + fix
			}
		}
		return "引号要用英文的“\"”" + s.valueFix()
	case strings.ContainsRune("“”‘’＂", r):
		return "引号要用英文的“\"”" + s.lineFix()
	case '０' <= r && r <= '９':
		return "数字要用半角的 0～9" + s.fix()
	case r == '．':
		return "点要用半角的“.”" + s.fix()
	case (r == '：' || r == ':') && !s.inValue():
		return "键和值之间用“=”" + s.lineFix()
	case r == '\u3000':
		return "这里有全角空格，请删去" + s.fix()
	case r > 0x7f && invisible(r):
		return fmt.Sprintf("这里有看不见的字符 %s，请删去", Visible(string(r))) + s.fix()
	}
	return ""
}

// bareKeyRule: a name written as a key without quotes, 甲镇 = 8.5.
func bareKeyRule(s *syntaxSite) string {
	if !strings.HasPrefix(s.msg, "expected '.' or '='") || s.r < 0x80 || !unicode.IsLetter(s.r) || s.header() {
		return ""
	}
	s.at = s.start + len(s.line) - len(strings.TrimLeft(s.line, " \t"))
	return "名称要加英文引号" + s.lineFix()
}

// missingEqualsRule: a key without its =, title "x"; a key alone on its
// line; an = without its key.
func missingEqualsRule(s *syntaxSite) string {
	switch {
	case s.msg == "unexpected '=': key name appears blank":
		return "“=”前面缺少键名"
	case strings.HasPrefix(s.msg, "unexpected EOF; expected key separator") && !s.header():
		// A key on the last line, and no line end after it (as Notepad
		// saves).
		return fmt.Sprintf("“%s”后面缺少“= 值”", strings.Trim(strings.TrimSpace(s.line), `"'`))
	case !strings.HasPrefix(s.msg, "expected '.' or '='") || s.header():
		return ""
	case s.r == '\n' || s.r < 0:
		return fmt.Sprintf("“%s”后面缺少“= 值”", strings.Trim(strings.TrimSpace(s.line), `"'`))
	case s.eq >= 0 && s.col() < s.eq:
		return badKey(s)
	}
	return "键和值之间缺少“=”" + s.lineFix()
}

// badKey: a key holding what no key may hold unquoted — a space, a stray
// *. Without it, the key may be one the file takes.
func badKey(s *syntaxSite) string {
	key := s.key()
	if strings.ContainsAny(key, " \t") {
		return "键名中不能有空格"
	}
	bad := strings.IndexFunc(key, func(r rune) bool { return r >= 0x80 || !isBareKeyByte(byte(r)) && r != '.' })
	if bad < 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(key[bad:])
	msg := fmt.Sprintf("键名中不能有“%c”", r)
	stripped := strings.Map(func(r rune) rune {
		if r < 0x80 && (isBareKeyByte(byte(r)) || r == '.') {
			return r
		}
		return -1
	}, key)
	if fixed, ok := fixLine(stripped+s.line[s.eq:], s.kind()); ok && stripped != "" {
		msg += "：去掉它，写作 " + fixed
	}
	return msg
}

// headerRule: a table's header not closed, [[result], [result.townships.
func headerRule(s *syntaxSite) string {
	if !s.header() {
		return ""
	}
	switch {
	case strings.HasPrefix(s.msg, "expected end of table array name delimiter"),
		strings.HasPrefix(s.msg, "expected '.' or ']' to end table name") && (s.r == '\n' || s.r < 0):
		return "表头缺少结尾的“]”" + s.lineFix()
	case strings.HasPrefix(s.msg, "unexpected end of table name"):
		return "方括号中缺少表名"
	}
	return ""
}

// textAfterStringRule: text after a string — quotes inside it, "关于"x"的
// 通知", or several strings where an array was meant.
func textAfterStringRule(s *syntaxSite) string {
	v, at := s.value()
	if !strings.HasPrefix(s.msg, "expected a top-level item to end") || !strings.HasPrefix(v, `"`) || !s.inValue() ||
		s.off < at || s.off > at+len(v) {
		return ""
	}
	rest := strings.TrimLeft(s.src[s.off:at+len(v)], " \t")
	if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "，") {
		if fixed, ok := fixValue("["+halfWidthOutside(v)+"]", s.kind()); ok {
			return "几项要写成数组，加上方括号：写作 " + fixed
		}
		return ""
	}
	if !strings.HasSuffix(v, `"`) {
		return ""
	}
	s.at = at + strings.LastIndexByte(v[:s.off-at], '"')
	inner := v[1 : len(v)-1]
	for open := true; strings.Contains(inner, `"`); open = !open {
		q := "”"
		if open {
			q = "“"
		}
		inner = strings.Replace(inner, `"`, q, 1)
	}
	return "文字中的引号要用中文的“”（英文引号 \" 只在两端）：写作 " + Quote(inner)
}

// bareValueRule: a value that is not one — text without quotes, 第36名,
// 是.
func bareValueRule(s *syntaxSite) string {
	// (the decoder quotes what it found with " when it read a word)
	if !strings.HasPrefix(s.msg, `expected value but found "`) || !s.inValue() {
		return ""
	}
	v, _ := s.value()
	if strings.HasPrefix(v, "[") {
		return "数组中的文字要加英文引号" + s.valueFix()
	}
	switch s.kind() {
	case Number, Integer, Rank:
		if n, ok := parseLooseNumber(v); ok {
			return fmt.Sprintf("%s只写数字，去掉%s：写作 %s", s.label(), quoteEach(n.words), n.value)
		}
		return s.label() + "只写阿拉伯数字"
	case Flag:
		return s.label() + "写作 true（是）或 false（否），不加引号"
	case Day:
		return dateForm
	case Texts:
		return s.label() + "写成数组，文字加英文引号" + s.valueFix()
	}
	if s.field != nil && len(s.field.Values) > 0 {
		quoted := make([]string, len(s.field.Values))
		for i, v := range s.field.Values {
			quoted[i] = Quote(v)
		}
		return zh.Spaced(fieldNamed(s.field, "", "")+"应为", zh.Or(quoted))
	}
	return "文字要加英文引号" + s.valueFix()
}

func missingValueRule(s *syntaxSite) string {
	if s.msg == `expected value but found '=' instead` {
		return "多写了一个“=”"
	}
	// A comment right after the = is no value either: new's lines of a
	// month after the first carry last month's score (# 上月：8.5).
	if s.msg != "unexpected EOF; expected value" && s.msg != `expected value but found '\n' instead` && s.msg != `expected value but found '}' instead` && s.msg != `expected value but found '#' instead` {
		return ""
	}
	if v, _ := s.value(); strings.HasPrefix(v, "[") {
		return "数组缺少结尾的“]”"
	}
	// At the end of the file, after an array's comma: the decoder stops
	// past the last line, where the ] is missing.
	if prev, line := s.lineBefore(); strings.TrimSpace(s.line) == "" && strings.Contains(line, "[") {
		s.at = len(prev)
		return "数组缺少结尾的“]”"
	}
	// A score left to fill in as new wrote it, its # taken away: what to
	// do with it, not the grammar's word.
	if s.field != nil && s.field.Kind == Scores && s.entry != "" {
		return s.named() + "没有填：在“=”后填上" + s.noun + "；还没有报来的，在行首加 # 先不填（check 会列出尚缺的" + s.noun + "）"
	}
	return "“=”后面缺少值"
}

// lineBefore returns src up to the end of the last line before s's that
// is not blank, and that line.
func (s *syntaxSite) lineBefore() (prev, line string) {
	prev = strings.TrimRight(s.src[:s.start], " \t\r\n")
	return prev, prev[strings.LastIndexByte(prev, '\n')+1:]
}

// unclosedStringRule: a string without its closing quote, or closed with
// a Chinese one.
func unclosedStringRule(s *syntaxSite) string {
	if s.msg != "strings cannot contain newlines" && s.msg != `unexpected EOF; expected '"'` {
		return ""
	}
	v, _ := s.value()
	if strings.HasSuffix(v, "”") && strings.HasPrefix(v, `"`) {
		return "结尾的引号要用英文的“\"”：写作 " + Quote(strings.TrimSuffix(v[1:], "”"))
	}
	if strings.HasPrefix(v, "'") {
		return "文字缺少结尾的引号“'”"
	}
	return "文字缺少结尾的英文引号“\"”"
}

// multilineRule: a multi-line text ("""…) not closed, which the decoder
// reports at the end of the file; it is told where it opened, the last
// of its marks in the file.
func multilineRule(s *syntaxSite) string {
	var mark string
	switch s.msg {
	case `unexpected EOF; expected '"""'`:
		mark = `"""`
	case `unexpected EOF; expected "'''"`:
		mark = "'''"
	default:
		return ""
	}
	if i := strings.LastIndex(s.src, mark); i >= 0 {
		s.at = i
	}
	return "多行文字缺少结尾的“" + mark + "”"
}

// extraCloseRule: a ] or } more than was opened.
func extraCloseRule(s *syntaxSite) string {
	if !strings.HasPrefix(s.msg, "expected a top-level item to end") || s.r != ']' && s.r != '}' {
		return ""
	}
	return fmt.Sprintf("多了一个“%c”，请删去", s.r)
}

// inlineTableRule: an inline table ({ x = 1 }) whose items are not
// separated by commas, or which is not closed — then the decoder stops
// at the next line or the end of the file, and the } is missing at the
// end of the line where it opened.
func inlineTableRule(s *syntaxSite) string {
	if !strings.HasPrefix(s.msg, "expected a comma or an inline table terminator '}'") {
		return ""
	}
	if strings.HasSuffix(s.msg, "end of file instead") || strings.TrimSpace(s.src[s.start:s.off]) == "" {
		if open := strings.LastIndexByte(s.src[:s.off], '{'); open >= 0 {
			end := strings.IndexByte(s.src[open:], '\n')
			if end < 0 {
				end = len(s.src) - open
			}
			s.at = len(strings.TrimRight(s.src[:open+end], " \t\r"))
		}
		return "内联表缺少结尾的“}”"
	}
	return "内联表的各项之间用英文逗号“,”分隔"
}

// arrayRule: an array whose items are not separated by commas, or which
// is not closed.
func arrayRule(s *syntaxSite) string {
	switch {
	case s.msg == "unexpected comma":
		return "数组中多了一个逗号"
	case !strings.HasPrefix(s.msg, "expected a comma (',') or array terminator (']')"):
		return ""
	case strings.HasSuffix(s.msg, "end of file"), strings.TrimLeft(s.src[s.start:s.off], " \t") == "":
		// The array went on to the next key: its ] is missing at the
		// end of the line before.
		prev := strings.TrimRight(s.src[:s.start], " \t\n")
		if strings.HasSuffix(s.msg, "end of file") {
			prev = strings.TrimRight(s.src, " \t\n")
		}
		s.at = len(prev)
		return "数组缺少结尾的“]”"
	}
	return "数组的各项之间用英文逗号“,”分隔"
}

// duplicateRule: a key or a table written twice.
func duplicateRule(s *syntaxSite) string {
	array := strings.HasSuffix(s.msg, "cannot be used as an array.")
	if !array && !strings.HasSuffix(s.msg, "has already been defined.") && !strings.HasSuffix(s.msg, "was already created as a hash.") {
		return ""
	}
	s.at = s.start + len(s.line) - len(strings.TrimLeft(s.line, " \t"))
	switch {
	case array:
		if msg := subTableFirst(s); msg != "" {
			return msg
		}
		return fmt.Sprintf("%s 前面已有同名的键或表，不能再作表数组", strings.TrimSpace(s.line))
	case s.header():
		return fmt.Sprintf("%s 写了两次：同一个表只写一次，内容写在一处", strings.TrimSpace(s.line))
	case s.field != nil:
		return s.named() + "写了两次：每个键只写一次"
	}
	return fmt.Sprintf("“%s”写了两次：每个键只写一次", strings.Trim(s.key(), `"'`))
}

// subTableFirst: [[indicator.change]] written before the first
// [[indicator]], or [result.townships] before the first [[result]], whose
// [[indicator]] or [[result]] then cannot be an array: the
// diagnostic points at the sub-table, which belongs after the one it
// changes.
func subTableFirst(s *syntaxSite) string {
	name, ok := strings.CutPrefix(strings.TrimSpace(s.line), "[[")
	if !ok {
		return ""
	}
	if name, ok = strings.CutSuffix(name, "]]"); !ok {
		return ""
	}
	name = strings.TrimSpace(name)
	off := 0
	for _, line := range strings.SplitAfter(s.src[:s.start], "\n") {
		h := strings.TrimSpace(line)
		if (strings.HasPrefix(h, "["+name+".") || strings.HasPrefix(h, "[["+name+".")) && strings.HasSuffix(h, "]") {
			s.at = off + len(line) - len(strings.TrimLeft(line, " \t"))
			return fmt.Sprintf("%s 要紧跟在它所属的 [[%s]] 之后，不能写在第一个 [[%s]] 之前", h, name, name)
		}
		off += len(line)
	}
	return ""
}

// fixLine is line as it should be: punctuation typed in Chinese made
// ASCII, a name used as a key quoted, its value as fixValue makes it; ok
// is false unless the result is valid TOML. kind is the value's.
func fixLine(line string, kind Kind) (string, bool) {
	t := strings.TrimSpace(halfWidthOutside(line))
	if c := separator(t, "#"); c >= 0 {
		t = strings.TrimSpace(t[:c])
	}
	if strings.HasPrefix(t, "[") {
		brackets := "["
		if strings.HasPrefix(t, "[[") {
			brackets = "[["
		}
		t = brackets + strings.Trim(t, "[] \t") + strings.Repeat("]", len(brackets))
		return t, decodes(t)
	}
	eq := separator(t, "=")
	if eq < 0 {
		eq = separator(t, ":")
	}
	if eq < 0 {
		// A key without its =: title "x", "甲镇" 8.5.
		eq = strings.IndexAny(t, " \t\"'")
		if eq == 0 {
			eq = strings.IndexByte(t[1:], t[0]) + 2
		}
		if eq <= 1 || eq >= len(t) {
			return "", false
		}
		t = t[:eq] + "=" + t[eq:]
	}
	key, value := strings.TrimSpace(t[:eq]), strings.TrimSpace(t[eq+1:])
	if !strings.HasPrefix(key, `"`) && !strings.HasPrefix(key, "'") && strings.IndexFunc(key, func(r rune) bool {
		return !(r < 0x80 && (isBareKeyByte(byte(r)) || r == '.'))
	}) >= 0 {
		key = Quote(key)
	}
	value, ok := fixValue(value, kind)
	if !ok {
		return "", false
	}
	fixed := key + " = " + value
	return fixed, decodes(fixed)
}

// fixValue is v, a value as staff wrote it, as TOML writes it: 8.5 for
// 8.5分 and 8,5, 36 for 第36名, 2024-02-20 for 2024年2月20日, a name
// quoted; ok is false unless the result is a valid value. kind is the
// value's.
func fixValue(v string, kind Kind) (string, bool) {
	v = strings.TrimSpace(v)
	text := kind == Text || kind == Texts || kind == UnitRef || kind == IndicatorRef || kind == UnitSet || kind == Lines || kind == unknownKind
	if inner, ok := strings.CutPrefix(v, `"`); ok && strings.HasSuffix(inner, `"`) && !text {
		v = inner[:len(inner)-1] // a number or a date in quotes: without them
	}
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
		var items []string
		for _, item := range splitOutside(v[1:len(v)-1], ',') {
			if item = strings.TrimSpace(item); item != "" {
				fixed, ok := fixValue(item, Text)
				if !ok {
					return "", false
				}
				items = append(items, fixed)
			}
		}
		v = "[" + strings.Join(items, ", ") + "]"
		return v, decodes("x = " + v)
	}
	if decodes("x = " + v) {
		return v, true
	}
	if d, problem, ok := looseDate(v); ok && problem == "" && (kind == Day || kind == unknownKind) {
		return d, true
	}
	if n, ok := parseLooseNumber(strings.Map(halfWidth, v)); ok && (kind == Number || kind == Integer || kind == Rank || kind == unknownKind) {
		return n.value, true
	}
	switch {
	case kind == Flag && (v == "是" || v == "对"):
		return "true", true
	case kind == Flag && (v == "否" || v == "不是" || v == "错"):
		return "false", true
	case kind == Texts:
		v = "[" + Quote(strings.Trim(v, `"'“”`)) + "]"
	case text:
		v = Quote(strings.Trim(v, `"'“”`))
	}
	return v, decodes("x = " + v)
}

// decodes reports whether src is valid TOML.
func decodes(src string) bool {
	_, err := toml.Decode(src, new(map[string]any))
	return err == nil
}

// halfWidthOutside makes ASCII the punctuation typed in Chinese outside
// the strings of line — ＝ ， 【】［］ ０-９ ． ： — writes its curly quotes
// “” as ", and drops the full-width, no-break and zero-width spaces
// there.
func halfWidthOutside(line string) string {
	var b strings.Builder
	var q quoteState
	for i, r := range line {
		in := q.close != 0
		if !q.step(r) {
			if isCurlyQuote(r) && (!in || q.close == 0) {
				r = '"' // a curly quote opening or closing a string
			}
			b.WriteRune(r)
			continue
		}
		switch {
		case r == '＝':
			r = '='
		case r == '，':
			b.WriteRune(',')
			if strings.HasPrefix(line[i+len("，"):], " ") {
				continue
			}
			r = ' '
		case r == '【' || r == '［':
			r = '['
		case r == '】' || r == '］':
			r = ']'
		case r == '：':
			r = ':'
		case r > 0x7f && invisible(r):
			continue
		default:
			r = halfWidth(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// A quoteState follows a line through its strings: "…" with its escapes,
// '…', and “…” as staff type them.
type quoteState struct {
	close   rune // the quote that ends the string we are in; 0 outside
	escaped bool // the last character was a backslash in a "…" string
}

// step takes the next character, r, and reports whether it is outside
// every string; the quotes around a string are inside it.
func (q *quoteState) step(r rune) bool {
	switch {
	case q.escaped:
		q.escaped = false
	case q.close == '"' && r == '\\':
		q.escaped = true
	case q.close == r, q.close == '”' && (isCurlyQuote(r) || r == '"'):
		q.close = 0
	case q.close != 0:
	case r == '"' || r == '\'':
		q.close = r
	case isCurlyQuote(r):
		q.close = '”'
	default:
		return true
	}
	return false
}

func isCurlyQuote(r rune) bool { return strings.ContainsRune("“”‘’＂", r) }

// separator is the index in line of the first of the characters seps
// outside its strings, -1 if there is none.
func separator(line, seps string) int {
	var q quoteState
	for i, r := range line {
		if q.step(r) && strings.ContainsRune(seps, r) {
			return i
		}
	}
	return -1
}

// splitOutside splits s at every sep outside its strings.
func splitOutside(s string, sep rune) []string {
	var out []string
	for {
		i := separator(s, string(sep))
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+utf8.RuneLen(sep):]
	}
}

// tableAbove is the keys of the table whose header is the last one in
// src: [result.townships] is result, townships.
func tableAbove(src string) []string {
	for len(src) > 0 {
		src = strings.TrimSuffix(src, "\n")
		i := strings.LastIndexByte(src, '\n')
		line := strings.TrimSpace(src[i+1:])
		src = src[:i+1]
		if c := separator(line, "#"); c >= 0 {
			line = strings.TrimSpace(line[:c])
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") && separator(line, "=") < 0 {
			return dotted(strings.Trim(line, "[] \t"))
		}
		if i < 0 {
			break
		}
	}
	return nil
}

// dotted splits a dotted key, "result".townships, into its keys, unquoted.
func dotted(key string) []string {
	var out []string
	for _, k := range splitOutside(key, '.') {
		k = strings.TrimSpace(k)
		if u, err := strconv.Unquote(k); err == nil {
			k = u
		}
		out = append(out, strings.Trim(k, `'“”`))
	}
	return out
}

// A looseNumber is a number as staff write it in words: 第36名, 8.5分,
// 8,5, 8。5, 8,500, 2万元.
type looseNumber struct {
	value   string   // as TOML writes it: 36, 8.5, 8500, 20000
	words   []string // the words around it, to leave out: 第, 名, 万, 元
	point   string   // the decimal point written for ".": "," or "。"
	grouped bool     // thousands grouped by a comma: 8,500
}

var looseNumberRE = regexp.MustCompile(`^(第?)[ \t]*([+-]?\d+)(?:([.,。、])(\d+))?[ \t]*(万?)[ \t]*([\p{Han}%％]*)$`)

// parseLooseNumber reads s, a number in words after halfWidth; ok is
// false for anything else.
func parseLooseNumber(s string) (looseNumber, bool) {
	m := looseNumberRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return looseNumber{}, false
	}
	var n looseNumber
	whole, point, frac, wan := m[2], m[3], m[4], m[5]
	switch {
	case point == "," && len(frac) == 3:
		n.grouped = true
		whole, point, frac = whole+frac, "", ""
	case point != "" && point != ".":
		n.point = point
	}
	if m[1] != "" {
		n.words = append(n.words, m[1])
	}
	if wan != "" {
		// 万 is ten thousand: the point moves four places.
		frac += "0000"
		whole, frac = whole+frac[:4], strings.TrimRight(frac[4:], "0")
		n.words = append(n.words, wan)
	}
	if m[6] != "" {
		n.words = append(n.words, m[6])
	}
	sign := ""
	if whole[0] == '+' || whole[0] == '-' {
		sign, whole = whole[:1], whole[1:]
	}
	if whole = strings.TrimLeft(whole, "0"); whole == "" {
		whole = "0"
	}
	if frac != "" {
		whole += "." + frac
	}
	n.value = sign + whole
	return n, true
}

// quoteEach writes words as “第”“名”.
func quoteEach(words []string) string {
	return "“" + strings.Join(words, "”“") + "”"
}

var looseDateRE = regexp.MustCompile(`^(\d{4})[ \t]*[-/.年][ \t]*(\d{1,2})[ \t]*[-/.月][ \t]*(\d{1,2})[ \t]*日?$`)

// looseDate reads a date as staff write it — 2024-2-20, 2024年2月20日,
// 2024/02/20, 2024.02.20 — as TOML writes it, 2024-02-20. A date that does
// not exist gives problem, what is wrong with it.
func looseDate(s string) (date, problem string, ok bool) {
	m := looseDateRE.FindStringSubmatch(strings.TrimSpace(strings.Map(halfWidth, s)))
	if m == nil {
		return "", "", false
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	switch {
	case month < 1 || month > 12:
		return "", fmt.Sprintf("没有%d月：月份应为 01～12", month), true
	case day < 1 || day > daysIn(year, month):
		return "", fmt.Sprintf("%d年%d月没有%d日（只有%d天）", year, month, day, daysIn(year, month)), true
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), "", true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
