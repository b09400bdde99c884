package search

import (
	"html"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// A reader reads an HTML fragment for AnalyseHTML in one pass, counting
// the tokens of its text (the text PlainText gives) into the counter,
// exactly as tokens does on that text, without writing the text out:
// reading the fragment for its text and then the text for its tokens
// cost twice as much, every character classified, checked and decoded
// once for each (FuzzAnalyseHTML holds the one pass to the two).
//
// The offsets it gives the counter are offsets in the fragment, not in
// the text: a token's place is where its bytes are in the page, which
// search.js fetches for the snippet (see Index). Text decoded from a
// character reference or an alt attribute is placed where the reference
// or the tag begins, each of its bytes one on from there.
//
// Only the well-formed case is read in one pass: at the first byte that
// is not UTF-8, the reader gives up and AnalyseHTML falls back on
// PlainText; so it does at a number's point right before markup (see
// point), whose character after it cannot see.
type reader struct {
	c      *counter
	end    int  // the fragment's length: s[0] of a rest s of it is at end − len(s)
	prev   rune // the Han character just before, or 0
	prevAt int  // its offset
	wordAt int  // where the word being read starts, or -1
}

// html reads fragment (see PlainText for what its text is), and reports
// whether it could: false if it was not valid UTF-8 or held a point
// scan cannot read (see point).
func (r *reader) html(fragment string) bool {
	r.end, r.prev, r.wordAt = len(fragment), 0, -1
	s := fragment
	for len(s) > 0 {
		if s[0] == '\n' && len(s) > 1 && s[1] == '<' {
			// The line break between two tags, which the Markdown
			// converter writes after most: no call to scan.
			r.space()
			s = s[1:]
		} else if s[0] != '<' {
			i, ok := r.scan(s, true, r.end-len(s))
			if !ok {
				return false
			}
			if i == len(s) {
				break
			}
			s = s[i:]
		}
		// s starts with '<'. A tag without attributes of the commonest
		// elements ("<p>", "</li>") is known by its eight first bytes at
		// once (plainTags): 83 % of the tags of the plain corpus's pages
		// are these, and reading their names byte by byte cost 58
		// instructions more a tag (27 M in a build).
		if len(s) >= 8 {
			x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
				uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
			// The first '>' of the eight (a zero byte of x ^ '>'…: the
			// lowest bit set is exact).
			y := x ^ 0x3E3E3E3E3E3E3E3E
			if gt := (y - 0x0101010101010101) &^ y & 0x8080808080808080; gt != 0 {
				n := bits.TrailingZeros64(gt)>>3 + 1 // the tag's length
				if class, ok := plainTag(x & (1<<(8*n) - 1)); ok {
					s = s[n:]
					if class != tagInline {
						r.space()
					}
					continue
				}
			}
		}
		// Any other tag, read here rather than by readTagClass (the same
		// reading): every page has hundreds, and the call and its results
		// cost as much as the reading.
		i, end := 1, false
		if len(s) > 2 && s[1] == '/' {
			i, end = 2, true
		}
		if len(s) <= i || !isASCIILetter(s[i]) {
			switch {
			case strings.HasPrefix(s, "<!--"):
				s = skipPast(s[4:], "-->")
			case len(s) > 1 && (s[1] == '!' || s[1] == '?'):
				s = skipPast(s[2:], ">")
			default:
				r.scan("<", false, r.end-len(s)) // a '<' that starts no tag is text
				s = s[1:]
			}
			continue
		}
		j := i
		var packed uint64
		for ; j < len(s); j++ {
			c := tagNameByte[s[j]]
			if c == 0 {
				break
			}
			packed = packed<<8 | uint64(c)
		}
		class := tagBlock
		if j-i <= 8 {
			class = tagClassOf(packed)
		}
		name := s[i:j]
		if j < len(s) && s[j] == '>' {
			j++
		} else {
			j = tagEnd(s, j)
		}
		tag, at := s[:j], r.end-len(s)
		s = s[j:]
		if class == tagInline {
			continue
		}
		r.space()
		if class == tagImg && !end {
			// Its text alternative (see PlainText).
			if _, ok := r.scan(html.UnescapeString(altText(tag)), false, at); !ok {
				return false
			}
			r.space()
		}
		if !end && class == tagSkipped {
			s = skipElement(s, name)
		}
	}
	r.endWord()
	return true
}

// space separates what comes before from what comes after: the end of a
// token.
func (r *reader) space() {
	r.prev = 0
	if r.wordAt >= 0 { // (endWord, which would not be inlined here)
		r.c.addWord(r.wordAt, false)
		r.wordAt = -1
	}
}

// endWordBefore counts the word being read, if any, and its pair with
// h, the Han character right after it.
func (r *reader) endWordBefore(h rune) {
	if r.wordAt >= 0 {
		r.c.addWordPair(r.wordAt, h, false)
		r.wordAt = -1
	}
}

// endWord counts the word being read, if any.
func (r *reader) endWord() {
	if r.wordAt >= 0 {
		r.c.addWord(r.wordAt, false)
		r.wordAt = -1
	}
}

// asciiClass classifies ASCII bytes for scan: a letter or digit is its
// lowercase self, other bytes one of these.
const (
	asciiSep   = 0 // punctuation: text that ends a token
	asciiSpace = 1
	asciiLT    = 2 // '<'
	asciiAmp   = 3 // '&'
	asciiJoin  = 4 // a joiner ("'()[]: see joins)
)

var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = asciiSpace
	}
	t['<'], t['&'] = asciiLT, asciiAmp
	for c := range rune(utf8.RuneSelf) {
		if classify(c) == joiner {
			t[c] = asciiJoin
		}
	}
	return t
}()

// scan reads s up to its first '<' (all of s if tags is false: decoded
// text, where '<' and '&' are themselves), and returns where it stopped,
// or false at a byte that is not UTF-8 or a point it cannot read (see
// point). Byte i of s is at offset off+i (see reader).
func (r *reader) scan(s string, tags bool, off int) (int, bool) {
	c := r.c
	i := 0
	for i < len(s) {
		b := s[i]
		if b < utf8.RuneSelf {
			switch a := asciiClass[b]; a {
			case asciiSpace:
				r.space()
				i++
				continue
			case asciiLT, asciiAmp:
				if tags {
					if b == '<' {
						return i, true
					}
					// A character reference: the rest of the text,
					// decoded, is read as text (&lt; is no tag, &nbsp;
					// is white space).
					end := len(s)
					if j := strings.IndexByte(s[i:], '<'); j >= 0 {
						end = i + j
					}
					if _, ok := r.scan(html.UnescapeString(s[i:end]), false, off+i); !ok {
						return i, false
					}
					return end, true
				}
				fallthrough
			default:
				if a >= '0' {
					if r.wordAt < 0 {
						r.wordAt = i + off
					}
					c.word = append(c.word, a)
					r.prev = 0
				} else if b == '.' && c.endsInDigit() {
					if !r.point(s[i+1:], tags) {
						return i, false
					}
				} else {
					r.endWord()
					if a != asciiJoin {
						r.prev = 0 // the Han character before pairs across a joiner only
					}
				}
				i++
				continue
			}
		}
		if b-0xE4 <= 0xE9-0xE4 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if h := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); h >= uniStart {
				// A CJK Unified Ideograph, and most likely a run of them.
				r.endWordBefore(h)
				if r.prev == 0 {
					// Nothing to pair with (after a tag, most): addHan's
					// one case that matters, without the call.
					c.units++
					c.addUni(h-uniStart, i+off, false)
				} else {
					c.addHan(r.prev, h, r.prevAt, i+off, false)
				}
				i, r.prev, r.prevAt = c.run(s, i+3, h, i+off, off)
				continue
			}
		}
		if i+2 < len(s) {
			// A punctuation mark that no character follows (the run
			// passes over the others): "。" before a tag, "，" before a
			// number, classed by its bytes (markOf) without decoding it:
			// all 190,000 of the characters of the plain corpus's pages
			// that come here.
			if m := markOf(b, s[i+1], s[i+2]); m != noMark {
				if b == 0xEF && s[i+1] == 0xBC && s[i+2] == 0x8E && c.endsInDigit() { // ．
					if !r.point(s[i+3:], tags) {
						return i, false
					}
					i += 3
					continue
				}
				r.endWord()
				if m != joiner {
					r.prev = 0
				}
				i += 3
				continue
			}
		}
		h, n := utf8.DecodeRuneInString(s[i:])
		if h == utf8.RuneError && n == 1 {
			return i, false
		}
		if isSpace(h) {
			r.space()
			i += n
			continue
		}
		h = foldWidth(h)
		switch classOf(h) {
		case han:
			r.endWordBefore(h)
			c.addHan(r.prev, h, r.prevAt, i+off, false)
			r.prev, r.prevAt = h, i+off
		case wordChar:
			if r.wordAt < 0 {
				r.wordAt = i + off
			}
			c.word = utf8.AppendRune(c.word, lower(h))
			r.prev = 0
		case ignored:
		case joiner:
			r.endWord() // the Han character before pairs across it
		default:
			r.endWord()
			r.prev = 0
		}
		i += n
	}
	return len(s), true
}

// point reads a point (. or ．) right after a word that ends in a digit,
// next being what follows it in the string being scanned: part of the
// word if a digit follows (a decimal point: see Tokenize), else the word's
// end. It reports false where what follows is markup (a tag, a character
// reference) or the end of a decoded piece, past which the reader cannot
// see the next character from here: AnalyseHTML then reads the text
// PlainText gives, which is rare (a number's point right before a tag).
// At the fragment's end (next empty, tags true) nothing follows.
func (r *reader) point(next string, tags bool) bool {
	if tags && len(next) > 0 && (next[0] == '<' || next[0] == '&') || !tags && len(next) == 0 {
		return false
	}
	if r.c.pointJoins(next) {
		r.c.word = append(r.c.word, '.')
	} else {
		r.endWord()
		r.prev = 0
	}
	return true
}
