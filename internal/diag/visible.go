package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character that a terminal would act on
// rather than show written as its code point: C0 and C1 controls and DEL
// (an ESC sequence in a key could move the cursor and print a fake
// “已生成”), the bidirectional overrides and isolates that reorder what
// follows, zero-width characters, the line and paragraph separators and
// the byte order mark. A byte that is not UTF-8 is written as <0xFF>.
// Diagnostics echo data, so every one passes through here once, where it
// is formatted.
func Visible(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if invisible(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // nearly every message: nothing to do
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "<0x%02X>", s[i])
		case invisible(r, size):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// invisible reports whether the character r, of size bytes, is written as
// its code point by Visible.
func invisible(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r < 0x20, 0x7f <= r && r <= 0x9f: // C0, DEL, C1
		return true
	case 0x200b <= r && r <= 0x200f, // zero-width space, joiners, LRM, RLM
		0x2028 <= r && r <= 0x202e, // line and paragraph separators, bidi embeddings and overrides
		0x2060 <= r && r <= 0x2064, // word joiner, invisible operators
		0x2066 <= r && r <= 0x2069, // bidi isolates
		r == 0x061c, r == 0xfeff, r == 0x00ad:
		return true
	}
	return false
}
