package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// A shortcode that is not on a line of its own, or is written slightly
// wrong, would be published as text: `{{% township-ranking %}}` (Hugo's
// other delimiters), `{{＜ … ＞}}` or `{{《 … 》}}` (brackets typed with a
// Chinese input method), `排名如下：{{< … >}}` (text before it), a line
// indented four columns (an indented code block). Each is an error at its
// "{{", saying how to write it. A shortcode is text only where the author
// says so: in a code span or a fenced code block, or with its "<"
// escaped ({{\<), which is no longer "{{<" in the source.

// wideBrace is the full-width "{" of a Chinese input method.
var wideBrace = []byte("｛")

// isDelim reports whether r stands between a shortcode's braces and its
// name: '<' and '>', their full-width forms and the book-title marks a
// Chinese input method types for them, and Hugo's '%'.
func isDelim(r rune) bool {
	switch r {
	case '<', '>', '＜', '＞', '《', '》', '〈', '〉', '%', '％':
		return true
	}
	return false
}

// openMark returns the length of the opening mark at the start of s —
// two braces, blanks, and a delimiter if there is one — and whether it is
// exactly "{{<". ok is false when s does not start with two braces.
func openMark(s []byte) (n int, exact, ok bool) {
	for range 2 {
		r, size := utf8.DecodeRune(s[n:])
		if r != '{' && r != '｛' {
			return 0, false, false
		}
		n += size
	}
	if bytes.HasPrefix(s, []byte(shortcodeOpen)) {
		return len(shortcodeOpen), true, true
	}
	for n < len(s) {
		r, size := utf8.DecodeRune(s[n:])
		if !unicode.IsSpace(r) {
			if isDelim(r) {
				n += size
			}
			break
		}
		n += size
	}
	return n, false, true
}

// closeMark finds the first closing mark in s, the text of a line after
// a shortcode's opening mark: two braces of either width, with a
// delimiter and blanks before them if there are. It returns where the
// mark starts and ends, or -1, -1.
func closeMark(s []byte) (start, end int) {
	prev := -1 // the offset of the brace just before, or -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r != '}' && r != '｝' {
			prev = -1
			i += size
			continue
		}
		if prev < 0 {
			prev = i
			i += size
			continue
		}
		start, end = prev, i+size
		for k := start; k > 0; {
			r, size := utf8.DecodeLastRune(s[:k])
			if !unicode.IsSpace(r) {
				if isDelim(r) {
					start = k - size
				}
				break
			}
			k -= size
		}
		return start, end
	}
	return -1, -1
}

// mistyped reports whether s, the text of a line from two braces on,
// opens a shortcode written wrong — but near enough to be one and not
// meant as text — and says how to write it. The "{{<" of a shortcode is
// not mistyped, whatever follows. Without a delimiter after the braces,
// only `{{ name … }}` is taken for a shortcode.
func mistyped(s []byte) (string, bool) {
	n, exact, ok := openMark(s)
	if !ok || exact {
		return "", false
	}
	open := bytes.TrimRightFunc(s[:n], unicode.IsSpace)
	start, end := closeMark(s[n:])
	var close []byte
	if start >= 0 {
		close = s[n+start : n+end]
	}
	last, _ := utf8.DecodeLastRune(open)
	if !isDelim(last) {
		first, _ := utf8.DecodeRune(s[n:])
		if close == nil || first < 'a' || first > 'z' {
			return "", false
		}
	}
	return markMistake(open, close), true
}

// markMistake says how to write a shortcode whose opening mark (and
// closing mark, nil if not found) is written as given.
func markMistake(open, close []byte) string {
	written := string(open) + " …"
	if close != nil {
		written += " " + string(close)
	}
	marks := string(open) + string(close)
	has := func(runes string) bool { return bytes.ContainsAny([]byte(marks), runes) }
	last, _ := utf8.DecodeLastRune(open)
	switch {
	case last == '%' || last == '％':
		return "短代码用 {{< … >}}，不用 {{% … %}}"
	case has("｛｝") && has("＜＞《》〈〉"):
		return fmt.Sprintf("短代码写作 {{< … >}}（半角的 { } < >），不是“%s”", written)
	case has("｛｝"):
		return fmt.Sprintf("短代码写作 {{< … >}}（半角的 { }），不是“%s”", written)
	case has("＜＞《》〈〉"):
		return fmt.Sprintf("短代码写作 {{< … >}}（半角的 < >），不是“%s”", written)
	case !isDelim(last):
		return fmt.Sprintf("短代码写作 {{< … >}}，名称两边要有 < >，不是“%s”", written)
	case bytes.ContainsFunc(open, unicode.IsSpace) || bytes.ContainsFunc(close, unicode.IsSpace):
		return fmt.Sprintf("短代码写作 {{< … >}}，{{< 和 >}} 中间不能有空格，不是“%s”", written)
	}
	return fmt.Sprintf("短代码写作 {{< … >}}，不是“%s”", written)
}

// strays returns an error for every shortcode of root that the block
// parser did not take (see the comment at the top of this file): in a
// paragraph, a heading or a table cell, outside code spans, or at the
// start of a line of an indented code block. Every stray of a line is
// named, so that staff mend them all at once; a line of an indented
// code block is code but for its start, where a shortcode was meant.
func strays(root ast.Node, src []byte) []Error {
	if bytes.IndexByte(src, '{') < 0 && !bytes.Contains(src, wideBrace) {
		return nil
	}
	var offsets []int
	var msgs []string
	add := func(off int, msg string) {
		offsets = append(offsets, off)
		msgs = append(msgs, msg)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			code := codeSpans(n)
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				strayInLine(n.Kind(), src, seg.Start, seg.Start, seg.Stop, code, add)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				line := src[seg.Start:seg.Stop]
				at := len(line) - len(bytes.TrimLeftFunc(line, unicode.IsSpace))
				if msg, ok := misplaced(line[at:], "", indented); ok {
					add(seg.Start+at, msg)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	errs := make([]Error, len(offsets))
	positions(src, offsets, func(i, line, col int) { errs[i] = Error{Line: line, Col: col, Msg: msgs[i]} })
	return errs
}

// codeSpans returns the source ranges of the code spans in block n, in
// order.
func codeSpans(n ast.Node) [][2]int {
	var spans [][2]int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Kind() != ast.KindCodeSpan {
			return ast.WalkContinue, nil
		}
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if t, ok := t.(*ast.Text); ok {
				spans = append(spans, [2]int{t.Segment.Start, t.Segment.Stop})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return spans
}

// strayInLine looks in src[from:stop], of the line src[start:stop] of a
// block of kind, for each two braces outside the code spans that open a
// shortcode or a mistyped one, and tells add where they are and what to
// do; from is past a stray found already, or start. The search
// goes on after a stray's closing mark, so that its "}}" is not taken
// for the start of another; the text quoted as before a later stray is
// what follows the one before it, which is moved on its own.
func strayInLine(kind ast.NodeKind, src []byte, start, from, stop int, code [][2]int, add func(off int, msg string)) {
	line := src[start:stop]
	from -= start                 // where the text after the last stray found begins
	nextASCII, nextWide := -2, -2 // not yet looked for
	for i := from; i < len(line); {
		if nextASCII < i && nextASCII != -1 {
			if nextASCII = bytes.IndexByte(line[i:], '{'); nextASCII >= 0 {
				nextASCII += i
			}
		}
		if nextWide < i && nextWide != -1 {
			if nextWide = bytes.Index(line[i:], wideBrace); nextWide >= 0 {
				nextWide += i
			}
		}
		switch {
		case nextASCII < 0 && nextWide < 0:
			return
		case nextASCII < 0 || nextWide >= 0 && nextWide < nextASCII:
			i = nextWide
		default:
			i = nextASCII
		}
		off := start + i
		inCode := slices.ContainsFunc(code, func(r [2]int) bool { return r[0] <= off && off < r[1] })
		if !inCode {
			before := bytes.TrimSpace(line[:i])
			where := placed(kind, before)
			if msg, ok := misplaced(line[i:], string(bytes.TrimSpace(line[from:i])), where); ok {
				add(off, msg)
				n, _, _ := openMark(line[i:])
				if _, end := closeMark(line[i+n:]); end >= 0 {
					n += end
				}
				i += n
				from = i
				continue
			}
		}
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
}

// A placing is where in a block a shortcode stands, for the message
// that says how to put it on a line of its own.
type placing int

const (
	afterText placing = iota // text before it on its line
	indented                 // alone, but indented: a continuation line, or code
	inHeading
	inTable
)

// placed tells where a shortcode stands in a block of kind, with the
// text before it on its line.
func placed(kind ast.NodeKind, before []byte) placing {
	switch {
	case kind == ast.KindHeading:
		return inHeading
	case kind == east.KindTableCell:
		return inTable
	case len(before) == 0:
		// A paragraph's line that starts with "{{<" is taken by the
		// block parser unless it is indented four columns or more.
		return indented
	}
	return afterText
}

// misplaced reports whether s, a line's text from two braces on, is a
// shortcode the block parser did not take, standing as where says after
// before, and says what to do. before is "" after text for a shortcode
// right after another stray on its line.
func misplaced(s []byte, before string, where placing) (string, bool) {
	n, exact, ok := openMark(s)
	if !ok {
		return "", false
	}
	var form, after string
	if exact {
		_, _, perr := parseShortcode(s)
		switch {
		case perr != nil && perr.msg == hugoEscape:
			return hugoEscape, true
		case perr != nil && perr.msg == trailingText:
			after = string(bytes.TrimSpace(s[perr.off:]))
		}
	} else {
		if form, ok = mistyped(s); !ok {
			return "", false
		}
		if _, end := closeMark(s[n:]); end >= 0 {
			after = string(bytes.TrimSpace(s[n+end:]))
		}
	}
	var place string
	switch where {
	case inHeading:
		place = "短代码不能写在标题中：另起一行，写在标题下面"
	case inTable:
		place = "短代码不能写在表格中：写在表格外，单独成行"
	case indented:
		place = "短代码前不能缩进：删去它前面的空格"
	case afterText:
		place = fmt.Sprintf("短代码要单独成行：把“%s”移到上一行", clip(before, true))
		if before == "" {
			place = "短代码要单独成行：另起一行写它"
		}
		if after != "" {
			place += fmt.Sprintf("，“%s”移到下一行", clip(after, false))
		}
	}
	if form != "" {
		return form + "；" + place, true
	}
	return place, true
}

// clip shortens a text quoted in a message to its last (or first)
// dozen characters.
func clip(s string, end bool) string {
	const most = 12
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	if end {
		return "…" + string(r[len(r)-most:])
	}
	return string(r[:most]) + "…"
}
