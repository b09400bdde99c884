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
	separator charClass = iota // ends a token and is dropped; parts two Han characters
	han                        // a token by itself, and in bigrams
	wordChar                   // part of a word
	ignored                    // invisible inside a token: neither part nor end of it
	joiner                     // ends a word and is dropped, but two Han characters pair across it (see joins)
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
		if joins(r) {
			return joiner
		}
		return separator
	case 0x4E00 <= r && r <= 0x9FFF:
		// The common case first: the CJK Unified Ideographs block is Han
		// throughout (TestUnifiedIdeographsAreHan) and holds no marks.
		return han
	case joins(r):
		return joiner
	case r == '\u00AD' || unicode.IsMark(r): // soft hyphen, combining marks, variation selectors
		return ignored
	case unicode.Is(unicode.Han, r):
		return han
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return wordChar
	}
	return separator
}

// joins reports whether two Han characters with r between them pair as
// if adjacent (r is a joiner): the marks that enclose a word or a name and
// that people leave out when they type it, quotation marks, book-title
// marks and brackets, and the middle dot between the parts of a
// foreign name. 落实“三重点”工作 holds the pairs 实三 and 点工, so that
// 落实三重点工作 finds it whole, 《安全生产法》 and 办法（试行）的通知 read
// on across their marks, and 阿卜杜拉·买买提 pairs 拉买. Clause and
// sentence punctuation (，。、；：！？…— and , . ; : ! ?), white space and
// every other symbol part two characters: nobody leaves them out, and
// pairs across them (作。本, 全生 in 安全、生产) would join what a sentence
// or a list keeps apart. Several joiners in a row join as one (”“, ）《);
// anything else among them parts (”，“, ” “). r is taken after foldWidth:
// （）［］＂＇ are ()[]"'. This is the one list of them: classify gives
// them their class, from which the counter's tables and search.js's
// classes are made.
func joins(r rune) bool {
	switch r {
	case '"', '\'', '‘', '’', '“', '”', '「', '」', '『', '』', '〝', '〞', '〟', // quotation marks
		'《', '》', '〈', '〉', // book-title marks
		'(', ')', '[', ']', '【', '】', '〔', '〕', '〖', '〗', '〘', '〙', '〚', '〛', // brackets
		'·', '・', '•', '‧': // middle dots
		return true
	}
	return false
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
