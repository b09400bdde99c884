package site

import (
	"fmt"
	"strings"
)

// This file checks the names a site's files define and name: a name
// copied from a document may carry spaces and characters nobody can see,
// which make it another name (typed.go reads such text, as staff type it
// into a cell, and shows what it holds).

// nameProblem says what is wrong with a name that looks right: spaces
// around it, or characters one cannot see or tell from a space — a
// full-width space, a no-break space, a zero-width character, a control
// or bidirectional mark. It returns "" for a clean name.
func nameProblem(s string) string {
	var hidden []string
	for _, r := range s {
		if invisible(r) {
			if code := fmt.Sprintf("<U+%04X>", r); !contains(hidden, code) {
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

// shown writes a name so that a diagnostic shows what it holds: every
// hidden character, and a space at either end, as its code point,
// “罗城街道<U+200B>”.
func shown(s string) string { return Visible(s) }

// cleanName is a name without its hidden characters and surrounding
// spaces: the name that was probably meant.
func cleanName(s string) string { return strings.Map(dropInvisible, trimInvisible(s)) }
