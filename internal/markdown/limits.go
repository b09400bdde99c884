package markdown

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode/utf8"
)

// The limits of one Markdown text. goldmark's parser takes time that grows
// faster than the text in several structures: nested block quotes and
// lists (a line of 100,000 `>` took 5.9 s), footnotes (each reference is
// looked up among all definitions), emphasis markers that find no partner
// (each searches back through all earlier ones in its paragraph), link
// destinations and titles and code spans that find no end (each scans the
// rest of its line or paragraph), link reference definitions (each removal
// copies the rest of its paragraph) — and every element costs a few
// microseconds, so that a text made of nothing but elements is slow even
// where the cost is linear. Check refuses, before goldmark sees it, any text
// that exceeds one of these bounds; each is far above what a circular or a
// long page uses (a circular nests lists two deep, has a dozen footnotes and
// a few hundred elements), and together they keep any text within the
// loader's 10 MB cap under a second or two (limits_bench_test.go measures
// both the pathological inputs and the largest inputs each limit admits).
const (
	// MaxNesting bounds block quotes, list items and footnote definitions
	// inside one another; lists nested by indentation count one level per
	// two columns.
	MaxNesting = 32
	// MaxBlocks bounds the lines plus the block quote, list and footnote
	// markers of a text.
	MaxBlocks = 50_000
	// MaxInlineMarks bounds the characters that open or close inline
	// elements: [ ] < and runs of * _ `.
	MaxInlineMarks = 50_000
	// MaxFootnotes and MaxFootnoteRefs bound the footnote definitions and
	// the references to them ([^1]).
	MaxFootnotes    = 1_000
	MaxFootnoteRefs = 10_000

	// The three budgets below are sums, over the lines or the paragraphs
	// (runs of lines without a blank line between them) of a text, of what
	// goldmark's slowest searches may cost there. A paragraph contains
	// every inline context goldmark makes in it (a paragraph, a heading, a
	// table cell, a list item's text), so the sums are upper bounds.

	// maxEmphasisWork bounds Σ r², r the runs of * and _ in a paragraph:
	// each that finds no partner searches back through all before it.
	maxEmphasisWork = 100_000_000
	// maxScanWork bounds Σ d·l over the lines, d the link destinations
	// "](" of a line and l its bytes (each destination that does not end
	// is read to the end of its line), plus Σ (t + r + k)·w over the
	// paragraphs, t the blanks followed by ( " or ' after a destination
	// (where a link title may open), r the "][" of reference links, k the
	// different lengths of runs of backticks, and w the paragraph's bytes
	// plus lineWeight per line (a title, a reference label or a code span
	// that does not end is searched for to the end of its paragraph).
	maxScanWork = 50_000_000
	// maxRefDefWork bounds Σ d·l, d the lines of a paragraph that may
	// define a link reference ([x]: …), l its lines: each definition taken
	// out of a paragraph copies the rest of it.
	maxRefDefWork = 10_000_000

	// lineWeight is what a line of a paragraph costs a search that crosses
	// it, in bytes: goldmark makes a segment or a node for each.
	lineWeight = 64
)

// Check returns the first limit src exceeds, at its place, or nil. It
// reads src once, byte by byte, without allocating: it runs on every body
// of every build.
func Check(src []byte) *Error {
	var s limitScan
	return s.run(src)
}

// limitScan is the state of one Check.
type limitScan struct {
	line int    // 1-based number of the line being read
	text []byte // that line

	blocks, marks, footnotes, footnoteRefs int

	par paragraph // the paragraph being read

	// The budgets, each with the place that spends most of it.
	emphasis, scan, refDefs budget
}

// A budget sums the cost of a kind of search over a text and keeps the
// place where it costs most, for the diagnostic.
type budget struct {
	spent int
	worst int    // the largest single cost
	line  int    // where it is
	what  [4]int // the counts the message gives
	lines bool   // whether the worst cost is a line's rather than a paragraph's
}

func (b *budget) add(cost, line int, what [4]int) {
	b.spent += cost
	if cost > b.worst {
		b.worst, b.line, b.what = cost, line, what
	}
}

// A paragraph is a run of non-blank lines, and what the searches of
// goldmark's inline parsers may cost there. It contains every inline
// context goldmark makes (a paragraph, a heading, a table cell), so the
// costs are an upper bound.
type paragraph struct {
	line, lines, bytes int
	emphasis           int    // runs of * or _
	searches           int    // possible link titles and reference labels
	ticks              uint64 // lengths 1–63 of backtick runs, as bits
	longTicks          int    // runs of 64 backticks or more
	refDefs            int    // lines that may define a link reference
}

func (p *paragraph) codeLengths() int { return bits.OnesCount64(p.ticks) + p.longTicks }

func (s *limitScan) run(src []byte) *Error {
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		s.line++
		if err := s.readLine(src[off:end]); err != nil {
			return err
		}
		off = end + 1
	}
	s.endParagraph()
	return s.budgets()
}

// readLine reads one line, without its '\n'.
func (s *limitScan) readLine(line []byte) *Error {
	s.text = line
	if isBlank(line) {
		s.endParagraph()
		return nil
	}
	if s.par.lines == 0 {
		s.par.line = s.line
	}
	s.par.lines++
	s.par.bytes += len(line) + 1
	s.blocks++
	if s.blocks > MaxBlocks {
		return s.errorAt(0, fmt.Sprintf("块级结构过多：一个文件最多 %d 行加列表、引用和脚注标记", MaxBlocks))
	}
	i, err := s.containers(line)
	if err != nil {
		return err
	}
	return s.inline(line, i)
}

// containers reads the block quote, list item and footnote definition
// markers that open the line, and returns where its content starts. The
// depth it checks is the markers plus half the columns of indentation
// before them — a list nests under another by indentation, at least two
// columns a level — except the blanks right after a list marker, which
// only widen that item, and the one blank a '>' may take with it.
func (s *limitScan) containers(line []byte) (int, *Error) {
	if isThematicBreak(line) {
		return len(line), nil
	}
	depth, indent := 0, 0
	i := 0
	var last byte // the last marker's first byte
	for {
		start := i
		cols := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			if line[i] == '\t' {
				cols += 4
			} else {
				cols++
			}
			i++
		}
		n := markerLen(line[i:])
		if n == 0 {
			i = start // blanks before the content are the content's
			break
		}
		switch {
		case last == '>' && cols > 0:
			indent += cols - 1
		case last == 0:
			indent += cols
		}
		last = line[i]
		depth++
		s.blocks++
		if last == '[' {
			s.footnotes++
			if s.footnotes > MaxFootnotes {
				return 0, s.errorAt(i, fmt.Sprintf("脚注过多：一个文件最多 %d 个脚注定义", MaxFootnotes))
			}
		}
		if depth+indent/2 > MaxNesting {
			return 0, s.errorAt(i, fmt.Sprintf("嵌套过深：引用（>）、列表和脚注定义最多嵌套 %d 层", MaxNesting))
		}
		if s.blocks > MaxBlocks {
			return 0, s.errorAt(i, fmt.Sprintf("块级结构过多：一个文件最多 %d 行加列表、引用和脚注标记", MaxBlocks))
		}
		i += n
	}
	j := i
	for j < len(line) && j-i < 4 && line[j] == ' ' {
		j++
	}
	if j+1 < len(line) && line[j] == '[' && line[j+1] != '^' && hasRefDefColon(line[j:]) {
		s.par.refDefs++
	}
	return i, nil
}

// markerLen is the length of the container marker that b starts with —
// '>', a list marker with the space after it, or a footnote definition's
// "[^label]:" — or 0.
func markerLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch c := b[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '+' || c == '*':
		if len(b) == 1 {
			return 1
		}
		if b[1] == ' ' || b[1] == '\t' {
			return 2
		}
	case '0' <= c && c <= '9':
		i := 0
		for i < len(b) && i < 10 && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i < 10 && i < len(b) && (b[i] == '.' || b[i] == ')') {
			if i+1 == len(b) {
				return i + 1
			}
			if b[i+1] == ' ' || b[i+1] == '\t' {
				return i + 2
			}
		}
	case c == '[':
		if len(b) > 2 && b[1] == '^' {
			for i := 2; i < len(b) && i < 1000; i++ {
				switch b[i] {
				case ' ', '\t', '[':
					return 0
				case ']':
					if i > 2 && i+1 < len(b) && b[i+1] == ':' {
						return i + 2
					}
					return 0
				}
			}
		}
	}
	return 0
}

// hasRefDefColon reports whether b, which starts with '[', has "]:" after
// the label: a line that may define a link reference.
func hasRefDefColon(b []byte) bool {
	for i := 1; i+1 < len(b) && i < 1000; i++ {
		if b[i] == ']' {
			return b[i+1] == ':'
		}
	}
	return false
}

// isThematicBreak reports a line of three or more '-', '*' or '_' and
// nothing else but blanks ("- - -"), which opens no list.
func isThematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
			n++
		case c == mark:
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// inline counts the inline marks of a line from its content start i.
func (s *limitScan) inline(line []byte, i int) *Error {
	dests := 0 // link destinations on this line so far
	for ; i < len(line); i++ {
		// Chinese text is bytes of 0x80 and above, none of them a mark:
		// eight at a time.
		for i+8 <= len(line) && binary.LittleEndian.Uint64(line[i:])&highBits == highBits {
			i += 8
		}
		if i == len(line) {
			break
		}
		c := line[i]
		if inlineClass[c] == 0 {
			continue
		}
		if inlineClass[c] == titleOpen {
			if dests > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
				s.par.searches++
			}
			continue
		}
		if (c == '*' || c == '_' || c == '`') && i > 0 && line[i-1] == c {
			continue // a run of them is one mark
		}
		s.marks++
		if s.marks > MaxInlineMarks {
			return s.errorAt(i, fmt.Sprintf("标记符号过多：一个文件最多 %d 个 [ ] < 符号和 * _ ` 符号串", MaxInlineMarks))
		}
		switch c {
		case '*', '_':
			s.par.emphasis++
		case '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			if n < 64 {
				s.par.ticks |= 1 << n
			} else {
				s.par.longTicks++
			}
		case '[':
			if i+1 < len(line) && line[i+1] == '^' {
				s.footnoteRefs++
				if s.footnoteRefs > MaxFootnoteRefs {
					return s.errorAt(i, fmt.Sprintf("脚注引用过多：一个文件最多 %d 处", MaxFootnoteRefs))
				}
			}
		case ']':
			switch {
			case i+1 >= len(line):
			case line[i+1] == '(':
				dests++
			case line[i+1] == '[':
				s.par.searches++
			}
		}
	}
	if dests > 0 {
		before := s.scan.worst
		s.scan.add(dests*(len(line)+lineWeight), s.line, [4]int{dests, len(line)})
		if s.scan.worst != before {
			s.scan.lines = true
		}
	}
	return nil
}

const highBits = 0x8080808080808080

const (
	mark      = 1 // counted by MaxInlineMarks
	titleOpen = 2 // may open a link title after a blank
)

// inlineClass classes the ASCII characters inline looks at.
var inlineClass = func() (t [256]byte) {
	for _, c := range "*_`[]<" {
		t[c] = mark
	}
	for _, c := range "(\"'" {
		t[c] = titleOpen
	}
	return t
}()

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// endParagraph adds the paragraph just read to the budgets.
func (s *limitScan) endParagraph() {
	p := &s.par
	if p.lines == 0 {
		return
	}
	s.emphasis.add(p.emphasis*p.emphasis, p.line, [4]int{p.emphasis})
	weight := p.bytes + lineWeight*p.lines
	before := s.scan.worst
	s.scan.add((p.searches+p.codeLengths())*weight, p.line, [4]int{p.searches, p.codeLengths(), p.bytes, p.lines})
	if s.scan.worst != before {
		s.scan.lines = false
	}
	s.refDefs.add(p.refDefs*p.lines, p.line, [4]int{p.refDefs, p.lines})
	*p = paragraph{}
}

// budgets reports the first budget exceeded, at the line or paragraph that
// spends most of it.
func (s *limitScan) budgets() *Error {
	switch {
	case s.emphasis.spent > maxEmphasisWork:
		b := s.emphasis
		return &Error{Line: b.line, Col: 1, Msg: fmt.Sprintf(
			"强调标记过多：从本行起的段落有 %d 处 * 或 _，全文的强调标记超出排版上限（各段处数的平方之和不超过 %d）；请删去多余的 * 和 _，或把长段落分开", b.what[0], maxEmphasisWork)}
	case s.scan.spent > maxScanWork && s.scan.lines:
		b := s.scan
		return &Error{Line: b.line, Col: 1, Msg: fmt.Sprintf(
			"链接地址过多：本行长 %d 字节，有 %d 处链接地址“](”，全文的链接超出排版上限；请把长行分开，或删去多余的链接", b.what[1], b.what[0])}
	case s.scan.spent > maxScanWork:
		b := s.scan
		return &Error{Line: b.line, Col: 1, Msg: fmt.Sprintf(
			"链接和代码标记过多：从本行起的段落长 %d 字节、%d 行，有 %d 处可能的链接标题或引用和 %d 种长度的反引号串，全文超出排版上限；请把长段落分开，或删去多余的标记", b.what[2], b.what[3], b.what[0], b.what[1])}
	case s.refDefs.spent > maxRefDefWork:
		b := s.refDefs
		return &Error{Line: b.line, Col: 1, Msg: fmt.Sprintf(
			"链接定义过多：从本行起的段落有 %d 行、%d 个链接定义（[名称]: 地址），全文超出排版上限；请在链接定义之间空行，或把长段落分开", b.what[1], b.what[0])}
	}
	return nil
}

// errorAt is an Error at byte i of the current line.
func (s *limitScan) errorAt(i int, msg string) *Error {
	return &Error{Line: s.line, Col: 1 + utf8.RuneCount(s.text[:i]), Msg: msg}
}
