package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Slips of Markdown that goldmark publishes as text, where the author
// meant markup: `##二、…` (no blank after the #s, common in Chinese
// writing), a `**` or `__` whose partner is missing, a footnote `[^1]` never
// defined, a table whose delimiter row has fewer cells than its header
// (the whole table stays text), and a table row with more
// cells than its header (the extra ones are dropped). Each is a warning
// at its place: the page is built, but not as written.
//
// They are found on the tree the converter has parsed anyway, and only
// in blocks whose lines hold a candidate; a text of a code span, a code
// block or a link's destination is not a candidate, being no Text of a
// paragraph.

// slips returns a warning for each slip of root (see above).
func slips(root ast.Node, src []byte) []Error {
	s := slipScan{
		src:    src,
		hash:   bytes.IndexByte(src, '#') >= 0,
		stars:  bytes.Contains(src, []byte("**")),
		unders: bytes.Contains(src, []byte("__")),
		foot:   bytes.Contains(src, []byte("[^")),
		pipe:   bytes.IndexByte(src, '|') >= 0,
	}
	if !s.hash && !s.stars && !s.unders && !s.foot && !s.pipe {
		return nil
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			s.block(n)
			return ast.WalkSkipChildren, nil
		case east.KindTableRow:
			if s.pipe {
				s.row(n.(*east.TableRow))
			}
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(s.offsets) == 0 {
		return nil
	}
	errs := make([]Error, len(s.offsets))
	positions(src, s.offsets, func(i, line, col int) { errs[i] = Error{Line: line, Col: col, Msg: s.msgs[i], Warning: true} })
	return errs
}

// slipScan is the state of one slips.
type slipScan struct {
	src []byte
	// Whether src holds what each kind of slip needs at all: most bodies
	// lack one or another, and their blocks are not looked at for it.
	hash, stars, unders, foot, pipe bool

	offsets []int
	msgs    []string

	// The block being looked at, and its literal text (literalText),
	// found when first needed: most blocks never need it.
	node    ast.Node
	literal [][2]int
	found   bool
}

// isLiteral reports whether the byte at off is of the literal text of
// the block being looked at.
func (s *slipScan) isLiteral(off int) bool {
	if !s.found {
		s.literal, s.found = literalText(s.node, s.literal), true
	}
	_, ok := slices.BinarySearchFunc(s.literal, off, func(r [2]int, off int) int {
		switch {
		case r[1] <= off:
			return -1
		case r[0] > off:
			return 1
		}
		return 0
	})
	return ok
}

func (s *slipScan) add(off int, format string, args ...any) {
	s.offsets = append(s.offsets, off)
	s.msgs = append(s.msgs, "警告："+fmt.Sprintf(format, args...))
}

// block looks for slips in the lines of n, a block of inline text.
func (s *slipScan) block(n ast.Node) {
	s.node, s.literal, s.found = n, s.literal[:0], false
	paragraph := n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock
	lines := n.Lines()
	delimSeen := false
	starred := false // a line of the block holds **
	for i := range lines.Len() {
		seg := lines.At(i)
		line := s.src[seg.Start:seg.Stop]
		if paragraph && s.hash {
			s.heading(seg.Start, line)
		}
		if s.stars && bytes.Contains(line, []byte("**")) {
			s.emphasis(seg.Start, line, '*')
			starred = true
		}
		if s.unders && bytes.Contains(line, []byte("__")) {
			s.emphasis(seg.Start, line, '_')
		}
		if s.foot && bytes.Contains(line, []byte("[^")) {
			s.footnotes(seg.Start, line)
		}
		if paragraph && s.pipe && i > 0 && !delimSeen {
			// goldmark tries the first delimiter row of a paragraph only,
			// and takes no table whose header is wider (a narrower one it
			// fills with empty cells): a paragraph still holding a
			// delimiter row has such a header.
			if cols, ok := delimiterCells(line); ok {
				delimSeen = true
				prev := lines.At(i - 1)
				header := s.src[prev.Start:prev.Stop]
				piped := bytes.IndexByte(header, '|') >= 0 || bytes.IndexByte(line, '|') >= 0
				if cells := len(rowCells(header)); cells > cols && piped {
					at := len(line) - len(bytes.TrimLeft(line, " \t"))
					s.add(seg.Start+at, "表格的分隔行只有 %d 格，表头有 %d 格，整张表格会显示为文字：分隔行要与表头的格数相同", cols, cells)
				}
			}
		}
	}
	if starred {
		s.maskedBold(n)
	}
}

// heading warns of line, at off, when it starts with #s followed by a
// character other than a blank: a heading meant, a paragraph made.
func (s *slipScan) heading(off int, line []byte) {
	at := 0
	for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
		at++
	}
	if at == len(line) || line[at] != '#' {
		return // most lines: every line of every paragraph comes here
	}
	text := line[at:]
	marks := len(text) - len(bytes.TrimLeft(text, "#"))
	if marks == 0 || marks > 6 || marks == len(text) || !s.isLiteral(off+at) {
		return
	}
	r, _ := utf8.DecodeRune(text[marks:])
	if unicode.IsSpace(r) {
		return
	}
	title := strings.TrimRightFunc(string(text[marks:]), unicode.IsSpace)
	if utf8.RuneCountInString(title) > 30 {
		title = string([]rune(title)[:30]) + "…"
	}
	hashes := string(text[:marks])
	s.add(off+at, "“%s”后要有一个空格才是标题（写作“%s %s”）", hashes, hashes, title)
}

// emphasis warns of each run of two or more marks (* or _) of line, at
// off, left as text where bold was meant: its partner missing or in
// another paragraph. A run of *s that stands where bold opens or closes
// (meantAsBold) is told whatever else the line holds; any other run, and
// every __, only when the line holds an odd number of them: one alone
// opened bold that nothing closes (GDP**增长), where two (a ** b ** c)
// pair as the writer meant. A run that masks a name or a number (masks)
// is never told, nor one between two blanks (a ** b); of _s, only a run
// of two, as bold is written: a longer one is a blank to fill in
// (姓名：______).
func (s *slipScan) emphasis(off int, line []byte, mark byte) {
	type run struct {
		start, end int
		told       bool // meant as bold where it stands
	}
	var runs []run
	for i := 0; i < len(line); {
		j := bytes.IndexByte(line[i:], mark)
		if j < 0 {
			break
		}
		start := i + j
		end := start
		for end < len(line) && line[end] == mark {
			end++
		}
		i = end
		if mark == '_' && end-start != 2 {
			continue
		}
		backslashes := 0
		for k := start - 1; k >= 0 && line[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 1 {
			start++ // the first mark is escaped
		}
		// Of ***甲**, two stars make the bold and one is text.
		for start < end && !s.isLiteral(off+start) {
			start++
		}
		for end > start && !s.isLiteral(off+end-1) {
			end--
		}
		before, after := line[:start], line[end:]
		if end-start < 2 || masks(before, after) || betweenBlanks(before, after) {
			continue
		}
		runs = append(runs, run{start, end, mark == '*' && meantAsBold(before, after)})
	}
	odd := len(runs)%2 == 1
	for _, r := range runs {
		if !r.told && !odd {
			continue
		}
		run := string(line[r.start:r.end])
		if n, _ := utf8.DecodeRune(line[r.end:]); unicode.IsSpace(n) && len(bytes.TrimSpace(line[:r.start])) == 0 {
			// ** 加强调度**: opening the line, its partner may well
			// be there.
			s.add(off+r.start, "这个“%s”之后有空格，不能开始加粗，会照原样显示：“%s”与要加粗的文字之间不空格", run, run)
			continue
		}
		s.add(off+r.start, "这个“%s”在本段中没有配对的“%s”，会照原样显示：加粗的文字两边各写一个“**”，而且要在同一段内", run, run)
	}
}

// masks reports whether a run of marks between before and after on its
// line masks what it stands for, as offices hide a name or a number with
// stars (张**、王**同志、138****5678、430521**********1234、湘E**): right
// after a Han character, unless it opens a heading's number
// (前文**（一）, bold meant); right after a digit; or after a Latin
// letter and before anything but a Han character (a**b, x__, but not
// GDP**增长, bold meant before Chinese text).
func masks(before, after []byte) bool {
	p, _ := utf8.DecodeLastRune(before)
	n, _ := utf8.DecodeRune(after)
	switch {
	case len(before) == 0:
		return false
	case unicode.Is(unicode.Han, p):
		return !headingNumberRE.Match(after)
	case p >= '0' && p <= '9':
		return true
	case p < utf8.RuneSelf && unicode.IsLetter(p):
		return len(after) == 0 || !unicode.Is(unicode.Han, n)
	}
	return false
}

// headingNumberRE matches a heading's number in brackets at the start of
// a text: （一）, （12）, (3).
var headingNumberRE = regexp.MustCompile(`^[（(](?:[一二三四五六七八九十]+|[0-9]+)[）)]`)

// betweenBlanks reports whether a run stands between two blanks within
// its line (a ** b), or after one at the line's end: neither opening
// nor closing anything, and no slip of bold that this check knows.
func betweenBlanks(before, after []byte) bool {
	p, _ := utf8.DecodeLastRune(before)
	n, _ := utf8.DecodeRune(after)
	return len(before) > 0 && unicode.IsSpace(p) && (len(after) == 0 || unicode.IsSpace(n))
}

// meantAsBold reports whether a run of *s left as text, between before
// and after on its line, stands where bold opens or closes: at the
// start of a line or after a blank, followed by text (**（一）…); after
// punctuation (…明显。**); or before an opening bracket or quote.
// Between letters, or before other punctuation after a letter (张**、李**),
// it is more likely meant as stars.
func meantAsBold(before, after []byte) bool {
	p, _ := utf8.DecodeLastRune(before)
	n, _ := utf8.DecodeRune(after)
	edgeBefore := len(before) == 0 || unicode.IsSpace(p)
	edgeAfter := len(after) == 0 || unicode.IsSpace(n)
	switch {
	case edgeBefore:
		return !edgeAfter
	case unicode.IsPunct(p) || unicode.IsSymbol(p):
		return true
	}
	return !edgeAfter && (unicode.Is(unicode.Ps, n) || unicode.Is(unicode.Pi, n))
}

// footnotes warns of each footnote reference [^label] of line, at off,
// left as text: no definition of label. A definition written with a
// full-width colon, [^1]：…, is no definition, and is told so.
func (s *slipScan) footnotes(off int, line []byte) {
	for i := 0; i < len(line); {
		j := bytes.Index(line[i:], []byte("[^"))
		if j < 0 {
			return
		}
		start := i + j
		i = start + 2
		if start > 0 && line[start-1] == '\\' {
			continue
		}
		k := bytes.IndexByte(line[start+2:], ']')
		if k <= 0 {
			continue
		}
		label := line[start+2 : start+2+k]
		if bytes.ContainsFunc(label, unicode.IsSpace) || bytes.ContainsAny(label, "[^") || !s.isLiteral(off+start) {
			continue
		}
		ref := line[start : start+2+k+1]
		i = start + len(ref)
		if len(bytes.TrimLeft(line[:start], " \t")) == 0 && bytes.HasPrefix(line[i:], []byte("：")) {
			s.add(off+start, "脚注定义“%s：”的冒号要用半角（写作“%s: …”），否则不是定义，会照原样显示", ref, ref)
			continue
		}
		s.add(off+start, "脚注“%s”没有定义，会照原样显示：在正文末尾另起一段，写“%s: 注释的内容”", ref, ref)
	}
}

// row warns of a body row of a table with more cells than the header:
// goldmark drops the extra ones. Fewer cells are filled with empty ones,
// as Markdown means. (The header's cells are a TableHeader's, no row's.)
func (s *slipScan) row(r *east.TableRow) {
	start := r.Pos()
	end := bytes.IndexByte(s.src[start:], '\n')
	if end < 0 {
		end = len(s.src) - start
	}
	line := s.src[start : start+end]
	// At most one cell more than the |s not escaped, one less when the
	// line opens and closes with one: counted, the cells are not made
	// for the row of every table that has no more than its header.
	most := 1
	for i, b := range line {
		if b == '|' && (i == 0 || line[i-1] != '\\') {
			most++
		}
	}
	if t := bytes.TrimSpace(line); len(t) > 1 && t[0] == '|' && t[len(t)-1] == '|' && t[len(t)-2] != '\\' {
		most -= 2
	}
	if most <= len(r.Alignments) {
		return
	}
	cells := rowCells(line)
	if len(cells) <= len(r.Alignments) {
		return
	}
	var quoted []string
	first := -1
	for _, c := range cells[len(r.Alignments):] {
		if c[0] == c[1] {
			continue
		}
		if first < 0 {
			first = c[0]
		}
		quoted = append(quoted, "“"+clip(string(line[c[0]:c[1]]), false)+"”")
	}
	if first < 0 {
		return // only empty cells: nothing is lost
	}
	s.add(start+first, "表格这一行有 %d 格，表头只有 %d 格，多出的%s不会显示", len(cells), len(r.Alignments), strings.Join(quoted, "、"))
}

// rowCells returns where the cells of a table row's line are, their
// text without the blanks around it, split as goldmark splits them: at
// each | not escaped, after a | opening or closing the line is dropped.
func rowCells(line []byte) [][2]int {
	start := len(line) - len(bytes.TrimLeft(line, " \t"))
	limit := len(bytes.TrimRight(line, " \t\r\n"))
	if start < limit && line[start] == '|' {
		start++
	}
	if start < limit && line[limit-1] == '|' {
		limit--
	}
	var cells [][2]int
	for pos := start; pos < limit; {
		end := pos
		for end < limit && (line[end] != '|' || end > 0 && line[end-1] == '\\') {
			end++
		}
		a, b := pos, end
		for a < b && (line[a] == ' ' || line[a] == '\t') {
			a++
		}
		for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
			b--
		}
		cells = append(cells, [2]int{a, b})
		pos = end + 1
	}
	return cells
}

// delimiterCells reports whether line is a table's delimiter row as
// goldmark takes it (|---|:---:|), and how many cells it has.
func delimiterCells(line []byte) (int, bool) {
	line = bytes.TrimRight(line, "\r\n")
	indent := len(line) - len(bytes.TrimLeft(line, " "))
	if indent > 3 || len(bytes.Trim(line, "-")) == 0 {
		return 0, false
	}
	for _, b := range line {
		if b != ' ' && b != '\t' && b != '-' && b != '|' && b != ':' {
			return 0, false
		}
	}
	cols := bytes.Split(line, []byte{'|'})
	if len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		c = bytes.TrimSpace(c)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) > 0 {
			return 0, false
		}
	}
	return len(cols), true
}

// literalText appends to spans the source ranges of the text of block n
// that is shown as written, in order: its Text nodes but those of code
// spans.
func literalText(n ast.Node, spans [][2]int) [][2]int {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if c.Segment.Start < c.Segment.Stop {
				spans = append(spans, [2]int{c.Segment.Start, c.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	return spans
}

// maskedBold warns of a bold two masked names made (张**同志、李**同志:
// 同志、李 in bold, the stars gone), which no other check sees, the
// stars being paired: a bold of ** whose stars follow a Han character
// and whose text ends in a pause mark (、，) and one Han character — a
// surname before its mask. A bold written so on purpose ends in a word,
// not in one character after a pause (对**甲镇、乙镇**进行约谈).
func (s *slipScan) maskedBold(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		e, ok := c.(*ast.Emphasis)
		if !entering || !ok || e.Level != 2 {
			return ast.WalkContinue, nil
		}
		first, ok1 := e.FirstChild().(*ast.Text)
		last, ok2 := e.LastChild().(*ast.Text)
		open := 0
		if ok1 {
			open = first.Segment.Start - 2
		}
		if !ok1 || !ok2 || open < 1 || s.src[open] != '*' || last.Segment.Stop+2 > len(s.src) || s.src[last.Segment.Stop] != '*' {
			return ast.WalkSkipChildren, nil
		}
		before, _ := utf8.DecodeLastRune(s.src[:open])
		text := s.src[first.Segment.Start:last.Segment.Stop]
		end, n := utf8.DecodeLastRune(text)
		pause, _ := utf8.DecodeLastRune(text[:len(text)-n])
		if unicode.Is(unicode.Han, before) && unicode.Is(unicode.Han, end) && (pause == '、' || pause == '，') {
			s.add(open, "这两处“**”配成了加粗：“%s”会加粗显示，两处星号都不显示；如果是隐去的姓名，星号写作“\\*”（如“张\\*\\*”）", text)
		}
		return ast.WalkSkipChildren, nil
	})
}
