package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// headingIDs generates heading anchors that keep Chinese: goldmark's
// default keeps only ASCII letters and digits, which would give every
// heading of a circular the same id ("heading", "heading-1", …) and make
// links like #一任务完成情况 impossible.
//
// One value serves one document: Convert makes a fresh one per call so
// that ids are numbered from scratch and never shared across goroutines.
type headingIDs struct {
	used map[string]bool
	last map[string]int // last suffix tried for a base, so duplicates cost O(1)
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, last: map[string]int{}}
}

// Generate implements parser.IDs. It keeps letters (Chinese included,
// Latin lower-cased), numbers, '-' and '_', turns each run of whitespace
// into one '-', and drops everything else: ASCII and full-width punctuation
// (、，。（）“”：；) and Markdown markup alike. A duplicate gets -1, -2, …; an
// empty result becomes "h".
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := make([]byte, 0, len(value))
	space := false
	for len(value) > 0 {
		r, size := utf8.DecodeRune(value)
		value = value[size:]
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-' || r == '_':
			if space && len(id) > 0 {
				id = append(id, '-')
			}
			space = false
			id = utf8.AppendRune(id, unicode.ToLower(r))
		}
	}
	if len(id) == 0 {
		id = append(id, 'h')
	}
	base := string(id)
	result := base
	for i := s.last[base] + 1; s.used[result]; i++ {
		result = base + "-" + strconv.Itoa(i)
		s.last[base] = i
	}
	s.used[result] = true
	return []byte(result)
}

// Put implements parser.IDs: it records an id chosen by hand.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
