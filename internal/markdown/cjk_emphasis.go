package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewCJKEmphasis returns a goldmark extension that parses '*' and '_'
// emphasis by the CommonMark CJK-friendly amendment
// (https://github.com/tats-u/markdown-cjk-friendly, specification.md).
//
// CommonMark decides whether a delimiter run may open or close emphasis by
// looking at punctuation around it. Chinese text puts full-width punctuation
// right inside the markers and a letter right outside, so in
//
//	**（8）优化营商环境。**湘易办
//
// the closing ** (after 。, before 湘) is not right-flanking and the text
// stays literal. The amendment stops CJK punctuation from blocking a run
// and lets a CJK character on either side stand in for the whitespace that
// Western text would have there. Text without CJK characters parses exactly
// as CommonMark says.
//
// The parser is registered ahead of goldmark's own emphasis parser, which
// therefore never sees a '*' or '_'; delimiter matching (rules 9–17) is
// goldmark's unchanged.
func NewCJKEmphasis() goldmark.Extender { return cjkEmphasis{} }

type cjkEmphasis struct{}

// Extend implements goldmark.Extender.
func (cjkEmphasis) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// goldmark's emphasis parser has priority 500; lower runs first.
		util.Prioritized(cjkEmphasisParser{}, 499),
	))
}

// emphasisDelimiters turns matched '*' and '_' runs into ast.Emphasis, as
// goldmark's unexported processor does.
type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

type cjkEmphasisParser struct{}

func (cjkEmphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (cjkEmphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	before := block.PrecendingCharacter()
	// The character two back matters only when the one before is a
	// variation selector, which modifies it.
	beforeBefore := '\n'
	if isGeneralVS(before) && segment.Padding == 0 {
		beforeBefore = runeBefore(block.Source(), segment.Start-utf8.RuneLen(before))
	}
	d := scanCJKDelimiter(line, before, beforeBefore)
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// runeBefore returns the rune that ends at src[off], or '\n' (which counts
// as whitespace, like the start of a line) when there is none.
func runeBefore(src []byte, off int) rune {
	if off <= 0 || off > len(src) {
		return '\n'
	}
	r, _ := utf8.DecodeLastRune(src[:off])
	return r
}

// scanCJKDelimiter measures the run of '*' or '_' at the start of line and
// decides whether it can open and close emphasis. before is the character
// just before the run ('\n' at the start of a block) and beforeBefore the
// one before that.
func scanCJKDelimiter(line []byte, before, beforeBefore rune) *parser.Delimiter {
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	after := ' ' // the end of the line counts as whitespace
	if n < len(line) {
		after = util.ToRune(line, n)
	}
	canOpen, canClose := flanking(c, before, beforeBefore, after)
	return parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters{})
}

// flanking applies the amended definitions of left- and right-flanking
// delimiter runs and rules 1–8 of CommonMark §6.2 to a run of c.
//
// Before the run the amendment reads sequences: a non-emoji variation
// selector is read together with the character it modifies. After the run
// it reads single characters.
func flanking(c byte, before, beforeBefore, after rune) (canOpen, canClose bool) {
	prev := before
	if isGeneralVS(before) && !util.IsSpaceRune(beforeBefore) {
		// A selector after whitespace modifies nothing; the amendment
		// leaves that case unspecified and it is read as a plain letter.
		prev = beforeBefore
	}
	prevSpace := util.IsSpaceRune(prev)
	prevPunct := util.IsPunctRune(prev) // a Unicode punctuation sequence
	// A CJK sequence, an Ideographic Variation Selector, or a quotation mark
	// made full-width by U+FE01 (a CJK ambiguous punctuation sequence).
	prevCJK := isCJK(prev) || isIVS(before) ||
		(before == '\uFE01' && isAmbiguousQuote(prev))
	prevNonCJKPunct := prevPunct && !prevCJK

	nextSpace := util.IsSpaceRune(after)
	nextPunct := util.IsPunctRune(after)
	nextCJK := isCJK(after)
	nextNonCJKPunct := nextPunct && !nextCJK

	// Left-flanking: (1) not followed by whitespace, and either (2a) not
	// followed by a non-CJK punctuation character, or (2b) followed by one
	// and preceded by whitespace, a non-CJK punctuation sequence, a CJK
	// sequence or an IVS. A CJK punctuation sequence is a CJK sequence, so
	// "any punctuation" covers (2bβ) and part of (2bγ).
	left := !nextSpace && (!nextNonCJKPunct || prevSpace || prevPunct || prevCJK)
	// Right-flanking: (1) not preceded by whitespace, and either (2a) not
	// preceded by a non-CJK punctuation sequence, or (2b) preceded by one
	// and followed by whitespace, a non-CJK punctuation character or a CJK
	// character.
	right := !prevSpace && (!prevNonCJKPunct || nextSpace || nextPunct || nextCJK)
	// Beyond the amendment: a run followed by a mark that ends a phrase
	// or closes a bracket (、，。 ）》) opens nothing — emphasis never
	// begins with one — so that a name masked with stars before it (对张**、
	// 李**进行约谈) is not taken for the opening of a bold that a later
	// mask closes, which printed “对张、李进行约谈” with “、李” in bold
	// and the stars gone. It can still close (要**高度重视**。).
	if endsPhrase(after) {
		left = false
	}

	if c == '_' {
		// Rules 2, 4, 6 and 8: '_' must not open or close inside a word.
		// The amendment reads "preceded by punctuation" as a sequence too.
		return left && (!right || prevPunct), right && (!left || nextPunct)
	}
	return left, right
}

// endsPhrase reports whether r is a full-width mark that ends a phrase or
// closes a bracket: what no emphasized text begins with. Not ” or ’,
// which Western text shares: without CJK characters, emphasis parses as
// CommonMark says (FuzzCJKEmphasis).
func endsPhrase(r rune) bool {
	return strings.ContainsRune("、，。；：！？）】」』》〉〕", r)
}
