// Package search writes the data of the site's client-side search: the
// plain text of rendered pages and search-index.json, which holds it.
//
// The search itself runs in the browser (layouts/assets/js/search.js).
// Chinese has no spaces between words and the site has no dictionary, so
// a query is split into single Han characters and the pairs of adjacent
// characters (bigrams): the query 禁毒 matches the text 禁毒 exactly, which
// ranks documents holding the word above documents holding 禁 and 毒 apart.
// Other letters and digits form words, matched whole, ignoring case and
// width. The rules are written out, in Go, in tokenize_ref_test.go.
package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlainText returns the text of an HTML fragment as a reader sees it:
// tags removed, character references decoded, and white space collapsed to
// single spaces. The boundary of a block element (a paragraph, a list item,
// a table cell, a line break) becomes a space, so that the last character
// of one paragraph and the first of the next never form a bigram, while
// inline elements (<strong>, <a>, …) join their text with what surrounds
// it: **（8）优化营商环境。**湘易办 reads as one sentence.
//
// It is a small scanner, not a full HTML parser: enough for the
// well-formed output of the Markdown converter and the shortcodes, and
// safe on anything else (every input gives some text, never a panic).
// Comments are dropped, as is the content of <script>, <style>,
// <template> and <svg> (chart markup is not text). Invalid UTF-8 becomes
// U+FFFD.
func PlainText(fragment string) string {
	var t textWriter
	t.b.Grow(len(fragment)) // the text is most of a page's bytes, never more
	s := fragment
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			t.text(s)
			break
		}
		t.text(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<!--"):
			s = skipPast(s[4:], "-->")
		case len(s) > 1 && (s[1] == '!' || s[1] == '?'):
			s = skipPast(s[2:], ">") // doctype, CDATA, processing instruction
		case len(s) > 1 && (isASCIILetter(s[1]) || s[1] == '/' && len(s) > 2 && isASCIILetter(s[2])):
			name, end, rest := readTag(s)
			s = rest
			if inlineElements[name] {
				continue
			}
			t.space()
			if !end && skippedElements[name] {
				s = skipElement(s, name)
			}
		default:
			// A '<' that starts no tag is text (HTML's own rule).
			t.text("<")
			s = s[1:]
		}
	}
	out := t.String()
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "\uFFFD")
	}
	return out
}

// inlineElements are the phrasing elements whose boundaries do not separate
// words. Every other element separates them.
var inlineElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "i": true,
	"ins": true, "kbd": true, "mark": true, "q": true, "rb": true, "rp": true, "rt": true,
	"ruby": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true,
	"var": true, "wbr": true,
}

// skippedElements hold no reader-visible text.
var skippedElements = map[string]bool{
	"script": true, "style": true, "template": true, "svg": true,
	"noscript": true, "textarea": true, "title": true,
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// skipPast returns s after the first occurrence of end, or "" if there is
// none.
func skipPast(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		return s[i+len(end):]
	}
	return ""
}

// readTag reads the tag at the start of s ("<p class=x>", "</p>"): its
// lowercased name, whether it is an end tag, and the rest of s after it.
// Quoted attribute values may hold '>'.
func readTag(s string) (name string, end bool, rest string) {
	i := 1
	if s[i] == '/' {
		end = true
		i++
	}
	j := i
	for j < len(s) && !isTagNameEnd(s[j]) {
		j++
	}
	name = strings.ToLower(s[i:j])
	var quote byte
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, end, s[j+1:]
		}
	}
	return name, end, ""
}

func isTagNameEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// skipElement skips past the end tag of name (case-insensitive), where
// the content of a skipped element ends.
func skipElement(s, name string) string {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return ""
		}
		k := i + j + 2 // the end tag's name
		if n := k + len(name); n <= len(s) && strings.EqualFold(s[k:n], name) && (n == len(s) || isTagNameEnd(s[n])) {
			_, _, rest := readTag(s[i+j:])
			return rest
		}
		i = k
	}
}

// textWriter collects text, collapsing runs of white space (and element
// boundaries) into one space, with none at either end.
type textWriter struct {
	b       strings.Builder
	pending bool // a space is due before the next text
}

func (t *textWriter) space() { t.pending = true }

func (t *textWriter) text(raw string) {
	s := raw
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	for len(s) > 0 {
		// A run of white space, then a run of anything else, copied whole.
		i := 0
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if !isSpace(r) {
				break
			}
			i += n
		}
		if i > 0 {
			t.pending = true
			s = s[i:]
			continue
		}
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isSpace(r) {
				break
			}
			i += n
		}
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.WriteString(s[:i])
		s = s[i:]
	}
}

func (t *textWriter) String() string { return t.b.String() }

// isSpace is unicode.IsSpace, answering for the Chinese text that is most
// of every page without the table: no white space lies above U+3000.
func isSpace(r rune) bool {
	return r <= 0x3000 && unicode.IsSpace(r)
}
