package search

// This file holds the tokeniser's character rules, those of search.js's
// tokenize, written in Go with Go's Unicode tables. The index's fast
// counter (analyse.go) applies them; Tokenize (tokenize_ref_test.go) is
// the reference spelled out for clarity, which the counter is held to;
// search.js carries the character classes as a table generated from
// classify (jstable_test.go), and TestJSTokenize runs search.js on tricky
// strings and requires Tokenize's tokens. Change the rules here and in
// search.js together.

import (
	"unicode"
)

// foldWidth maps the full-width forms of ASCII (U+FF01–U+FF5E) to ASCII,
// so that a query typed with a Chinese input method in full-width mode
// finds the half-width digits and letters of the documents.
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// A charClass is what a character does in tokenising.
type charClass uint8

const (
	separator charClass = iota // ends a word and is dropped; two Han characters pair across it unless it is white space (isSpace)
	han                        // a token by itself, and in bigrams
	wordChar                   // part of a word
	ignored                    // invisible inside a token: neither part nor end of it
)

// classify gives the class of r (after foldWidth). search.js carries these
// classes as a table generated from this function (see jstable_test.go),
// so that the browser agrees with Go whatever its own Unicode version.
func classify(r rune) charClass {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return wordChar
		}
		return separator
	case 0x4E00 <= r && r <= 0x9FFF:
		// The common case first: the CJK Unified Ideographs block is Han
		// throughout (TestUnifiedIdeographsAreHan) and holds no marks.
		return han
	case r == '\u00AD' || unicode.IsMark(r): // soft hyphen, combining marks, variation selectors
		return ignored
	case unicode.Is(unicode.Han, r):
		return han
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return wordChar
	}
	return separator
}

// lower is the simple (one rune to one rune) lowercase mapping. The
// JavaScript copy uses the first code point of toLowerCase(), which is the
// same mapping.
func lower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
