package site

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file reads values as staff type them — into a spreadsheet cell, or
// quoted in a TOML file — where what looks right on screen is not always
// what the bytes say: digits typed with a Chinese input method are
// full-width, a pasted cell brings spaces or a zero-width space along.

// ParseScore reads a number as staff type it. Surrounding spaces (ASCII,
// full-width, no-break, zero-width) are dropped; full-width digits, point,
// signs and commas (０-９ ． ＋ － ，) count as their ASCII forms; commas
// may group thousands (1,234.5); an exponent (1.5E-3) is read, because
// spreadsheets store small numbers that way. So "９５．０" and " 95 " are
// 95. Anything else — "95%", "95分", "95,5", "九十五", an infinity — is an
// error whose message shows the text (invisible characters made visible)
// and, where it can tell, how to write it.
func ParseScore(s string) (float64, error) {
	t := strings.Map(halfWidth, trimInvisible(s))
	if t == "" {
		return 0, errors.New("没有填写数值")
	}
	if decimalRE.MatchString(t) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
		if err == nil && !tooLarge(v) {
			return v, nil
		}
		return 0, fmt.Errorf("“%s”超出了数的范围：%s", Visible(s), tooLargeMsg)
	}
	return 0, fmt.Errorf("“%s”不是数：%s", Visible(s), scoreHint(t))
}

// MarkReason reads text written as the word mark in place of a score —
// 不涉及 or 未报送, as a workbook's cell has it and a clerk types it — alone
// or with its reason in brackets, full-width or not: 不涉及（本月无规模以上
// 工业企业）, 未报送(逾期未报送). ok is false for any other text, a score
// beside the word (未报送5) or a reason outside brackets included: only
// the clerk can tell which is meant.
func MarkReason(text, mark string) (reason string, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), mark)
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if inner, ok := strings.CutPrefix(rest, b[0]); ok {
			if inner, ok := strings.CutSuffix(inner, b[1]); ok {
				return strings.TrimSpace(inner), true
			}
		}
	}
	return "", rest == ""
}

// maxMagnitude bounds every number of the data. Beyond it a float64 no
// longer holds each integer, so a score would be ranked and shown other
// than as written, and 1e300, which TOML reads, would be published with
// 301 digits.
const maxMagnitude = 1e15

// tooLarge reports whether v is out of the range numbers are kept in
// (infinity included).
func tooLarge(v float64) bool { return !(math.Abs(v) < maxMagnitude) }

// tooLargeMsg says what the range is.
const tooLargeMsg = "绝对值须小于 10 的 15 次方（1000 万亿）"

// decimalRE is a decimal number after halfWidth: optional sign, digits
// (grouped by commas in threes, or not at all), an optional fraction and
// exponent.
var decimalRE = regexp.MustCompile(`^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)

// scoreHint says how to write t, which is not a number.
func scoreHint(t string) string {
	plain := decimalRE.MatchString
	for _, suffix := range []string{"%", "％", "分", "元"} {
		if u := strings.TrimSpace(strings.TrimSuffix(t, suffix)); u != t && plain(u) {
			return fmt.Sprintf("请去掉“%s”，只写数，如 %s", suffix, u)
		}
	}
	for _, point := range []string{",", "。", "、"} {
		if u := strings.Replace(t, point, ".", 1); strings.Count(t, point) == 1 && plain(u) {
			return fmt.Sprintf("小数点请用“.”，如 %s", u)
		}
	}
	if u := strings.Join(strings.Fields(t), ""); u != t && plain(u) {
		return fmt.Sprintf("数字中间不能有空格，如 %s", u)
	}
	if u := strings.Map(dropInvisible, t); u != t && plain(u) {
		return fmt.Sprintf("其中有看不见的字符，请删去，只写 %s", u)
	}
	// Any other words after a number — a unit of measure copied with the
	// value from a monitoring report, 45.3微克/立方米 — go as 分 does, as
	// the month file's own check says of them. Words with a digit or a
	// point in them (0x10, 95。5) are not a unit, nor is a magnitude (3万
	// is not 3): the number is unclear.
	if m := numberWordsRE.FindStringSubmatch(t); m != nil && !strings.ContainsAny(m[2], "0123456789.,") &&
		!strings.ContainsRune("十百千万亿", []rune(m[2])[0]) {
		return fmt.Sprintf("请去掉“%s”，只写数，如 %s", m[2], m[1])
	}
	return "应为数，如 95 或 87.5"
}

// numberWordsRE is a plain number and the words after it.
var numberWordsRE = regexp.MustCompile(`^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(\S.*)$`)

// halfWidth maps the full-width forms of what a number is written with to
// ASCII.
func halfWidth(r rune) rune {
	switch {
	case r == '．':
		return '.'
	case r == '＋':
		return '+'
	case r == '－', r == '−': // full-width hyphen-minus, minus sign
		return '-'
	case r == '，':
		return ','
	case r == 'Ｅ':
		return 'E'
	case r == 'ｅ':
		return 'e'
	}
	return asciiDigit(r)
}

// invisible reports whether r shows as nothing, or as a space that is not
// the ASCII one: zero-width and other format characters, controls, and
// every other kind of space.
func invisible(r rune) bool {
	return r != ' ' && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r))
}

// trimInvisible drops surrounding spaces of every kind and the zero-width
// characters among them.
func trimInvisible(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == ' ' || invisible(r) })
}

func dropInvisible(r rune) rune {
	if invisible(r) {
		return -1
	}
	return r
}

// Visible shows what s holds that would not be seen when printed: every
// invisible character (see invisible), and a space at either end, is
// written as <U+XXXX>. “罗城街道\u200b” reads “罗城街道<U+200B>”, so that a
// message saying two names differ shows how.
func Visible(s string) string {
	if !strings.ContainsFunc(s, invisible) && !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ") {
		return s
	}
	var b strings.Builder
	inner := strings.TrimFunc(s, func(r rune) bool { return r == ' ' })
	start := strings.Index(s, inner)
	if inner == "" {
		start = len(s)
	}
	for i, r := range s {
		if invisible(r) || (r == ' ' && (i < start || i >= start+len(inner))) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CleanName reads a name typed into a cell: surrounding spaces and
// zero-width characters — what a pasted cell brings along — are dropped,
// and a name that still holds an invisible character is an error showing
// it, since “罗城街道” and “罗城街道\u200b” look the same and are
// not. The name is returned without them either way, so that what else
// is wrong with it can still be found.
func CleanName(s string) (string, error) {
	t := trimInvisible(s)
	if strings.ContainsFunc(t, invisible) {
		clean := strings.Map(dropInvisible, t)
		return clean, fmt.Errorf("“%s”中有看不见的字符，请删去（删去后为“%s”）", Visible(t), clean)
	}
	return t, nil
}
