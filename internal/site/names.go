package site

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tongbao/internal/diag"
)

// This file checks what staff type or paste into names and scores: a
// name copied from a document may carry spaces and characters nobody can
// see, which make it another name; a score copied from a spreadsheet may
// be written in full-width digits, with spaces around it or with a unit.

// nameProblem says what is wrong with a name that looks right: spaces
// around it, or characters one cannot see or tell from a space — a
// full-width space, a no-break space, a zero-width character, a control
// or bidirectional mark. It returns "" for a clean name.
func nameProblem(s string) string {
	var hidden []string
	for _, r := range s {
		if hiddenRune(r) {
			code := fmt.Sprintf("<U+%04X>", r)
			if !contains(hidden, code) {
				hidden = append(hidden, code)
			}
		}
	}
	switch {
	case len(hidden) > 0:
		return "含看不见的字符 " + strings.Join(hidden, "、")
	case strings.TrimSpace(s) != s:
		return "前后有空格"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hiddenRune reports whether r is a character a name must not hold
// because it cannot be seen or told from a space: every space but the
// ASCII one, and what diag.Visible writes as its code point.
func hiddenRune(r rune) bool {
	if r == ' ' {
		return false
	}
	if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
		return true
	}
	var b [utf8.UTFMax]byte
	return diag.Visible(string(b[:utf8.EncodeRune(b[:], r)])) != string(r)
}

// shown writes a name so that a diagnostic shows what it holds: every
// hidden character as its code point, “罗城街道<U+200B>”.
func shown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if hiddenRune(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanName is a name without its hidden characters and surrounding
// spaces: the name that was probably meant.
func cleanName(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if hiddenRune(r) {
			return -1
		}
		return r
	}, s))
}

// scoreRE is a plain decimal number: what a score is once normalised.
var scoreRE = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$`)

// ParseScore reads a score written as text — as a score copied from a
// document or a spreadsheet cell often is. Full-width digits, signs and
// decimal points are read as their ASCII forms and surrounding spaces
// (full-width ones too) are dropped: "９５．０" and "95 " are 95. Anything
// else that is not a number is an error whose message says how to write
// it: "95%" → 95, "95,5" → 95.5. The month loader and the spreadsheet
// import read scores with it.
func ParseScore(s string) (float64, error) {
	t := strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || hiddenRune(r) })
	t = strings.Map(func(r rune) rune {
		switch {
		case '０' <= r && r <= '９':
			return '0' + r - '０'
		case r == '．':
			return '.'
		case r == '－' || r == '−':
			return '-'
		case r == '＋':
			return '+'
		}
		return r
	}, t)
	q := "“" + shown(s) + "”"
	if scoreRE.MatchString(t) {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, fmt.Errorf("得分%s超出范围", q)
		}
		return v, nil
	}
	switch {
	case t == "":
		return 0, errors.New("得分为空：请填写数值，或删去这一行")
	case strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％"):
		if n := strings.TrimRight(t, "%％ "); scoreRE.MatchString(n) {
			return 0, fmt.Errorf("得分%s带百分号：只写数值，如 %s", q, n)
		}
	case strings.ContainsAny(t, ",，。、"):
		n := strings.NewReplacer(",", ".", "，", ".", "。", ".", "、", ".").Replace(t)
		if scoreRE.MatchString(n) {
			return 0, fmt.Errorf("得分%s的小数点应为“.”：如 %s", q, n)
		}
	}
	if strings.ContainsFunc(t, unicode.IsSpace) {
		return 0, fmt.Errorf("得分%s中间有空格：一个得分只写一个数值", q)
	}
	return 0, fmt.Errorf("得分%s不是数值：应写成数，如 95 或 87.5", q)
}
