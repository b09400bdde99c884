// Package search makes the files of the site's client-side search: the
// plain text of rendered pages (PlainText), each document's tokens
// (Analyse), and the index of them all (Index, which describes the files).
//
// The search itself runs in the browser (layouts/assets/js/search.js).
// Chinese has no spaces between words and the site has no dictionary, so
// text is split into single Han characters and the pairs of adjacent
// characters (bigrams): the query 禁毒 looks up the pair 禁毒, which only
// documents holding the word hold, not those holding 禁 and 毒 apart.
// Other letters and digits form words, matched whole, ignoring case and
// width. The rules are written out in tokenize.go; search.js follows them
// (js_test.go holds it to them).
package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
	t := textWriter{b: make([]byte, 0, len(fragment))} // the text is most of a page's bytes
	t.write(fragment)
	// The bytes are not written again: the string is made of them, not
	// of a copy (as strings.Builder does), a page's text once.
	return unsafe.String(unsafe.SliceData(t.b), len(t.b))
}

// write writes the text of an HTML fragment: in one pass over it while it
// is valid UTF-8, which every page is, and again by the general scan from
// the start if it is not.
func (t *textWriter) write(fragment string) {
	t.valid = true
	t.html(fragment)
	if t.valid {
		return
	}
	t.b, t.pending = t.b[:0], false
	t.html(fragment)
}

// html writes the text of an HTML fragment (see PlainText).
func (t *textWriter) html(fragment string) {
	s := fragment
	for len(s) > 0 {
		var i int
		if t.valid {
			if i = t.scan(s, true); !t.valid {
				return // not UTF-8: write starts again with the general scan
			}
		} else if i = strings.IndexByte(s, '<'); i >= 0 {
			t.text(s[:i])
		} else {
			t.text(s)
		}
		if i < 0 || i == len(s) {
			break
		}
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<!--"):
			s = skipPast(s[4:], "-->")
		case len(s) > 1 && (s[1] == '!' || s[1] == '?'):
			s = skipPast(s[2:], ">") // doctype, CDATA, processing instruction
		case len(s) > 1 && (isASCIILetter(s[1]) || s[1] == '/' && len(s) > 2 && isASCIILetter(s[2])):
			name, end, rest := readTag(s)
			s = rest
			if isInline(name) {
				continue
			}
			t.space()
			if !end && isSkipped(name) {
				s = skipElement(s, name)
			}
		default:
			// A '<' that starts no tag is text (HTML's own rule).
			t.text("<")
			s = s[1:]
		}
	}
}

// isInline reports whether name is a phrasing element, whose boundaries
// do not separate words. Every other element separates them. (A switch:
// every tag of every page is looked up.)
func isInline(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
		"ins", "kbd", "mark", "q", "rb", "rp", "rt", "ruby", "s", "samp", "small", "span",
		"strong", "sub", "sup", "time", "u", "var", "wbr":
		return true
	}
	return false
}

// isSkipped reports whether name is an element that holds no
// reader-visible text.
func isSkipped(name string) bool {
	switch name {
	case "script", "style", "template", "svg", "noscript", "textarea", "title":
		return true
	}
	return false
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
	b       []byte
	valid   bool // the fragment is valid UTF-8 as far as scan went: scan it in one pass
	pending bool // a space is due before the next text
}

func (t *textWriter) space() { t.pending = true }

func (t *textWriter) text(raw string) {
	s := raw
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	for len(s) > 0 {
		// A run of anything but white space, copied whole, then one white
		// space character.
		i, n := nextSpace(s)
		if i > 0 {
			if t.pending && len(t.b) > 0 {
				t.b = append(t.b, ' ')
			}
			t.pending = false
			switch run := s[:i]; {
			case utf8.ValidString(run):
				t.b = append(t.b, run...)
			default:
				// Each run of text on its own: bytes a tag separates
				// never join into a character.
				t.b = append(t.b, strings.ToValidUTF8(run, "\uFFFD")...)
			}
		}
		if n > 0 {
			t.pending = true
		}
		s = s[i+n:]
	}
}

// scan is text for a fragment that is valid UTF-8 so far, fused with the
// search for tags and character references and with the check of UTF-8:
// one pass over s, a table look-up a character, a Han character passed
// over whole by the length its first byte gives once its continuation
// bytes are checked. It writes the text of s up to its first '<' (or all
// of s if tags is false) and returns where it stopped. At the first byte
// that is not UTF-8 it sets t.valid to false and stops.
func (t *textWriter) scan(s string, tags bool) int {
	start := 0 // s[start:i] is text not yet written
	i := 0
	for i < len(s) {
		c := textBytes[s[i]]
		switch {
		case c == 1:
			i++
			continue
		case c == 3:
			if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3
				continue
			}
			t.valid = false
			return i
		case c == 2:
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
			t.valid = false
			return i
		}
		switch c {
		case spaceByte:
			t.run(s[start:i])
			t.pending = true
			i++
			start = i
		case decodeByte, spaceLead:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				t.valid = false
				return i
			}
			if c == spaceLead && isSpace(r) { // U+2028 and U+2029 among them: never written
				t.run(s[start:i])
				t.pending = true
				start = i + n
			}
			i += n
		case ltByte:
			if tags {
				t.run(s[start:i])
				return i
			}
			i++
		case ampByte:
			if !tags {
				i++ // decoded text: an & is itself
				continue
			}
			// A character reference: the rest of the text, decoded, is
			// scanned as text (&lt; is no tag, &nbsp; is white space).
			end := len(s)
			if j := strings.IndexByte(s[i:], '<'); j >= 0 {
				end = i + j
			}
			t.run(s[start:i])
			t.scan(html.UnescapeString(s[i:end]), false)
			return end
		default: // a byte that no character starts with
			t.valid = false
			return i
		}
	}
	t.run(s[start:])
	return len(s)
}

// open writes the space due before more text.
func (t *textWriter) open() {
	if t.pending && len(t.b) > 0 {
		t.b = append(t.b, ' ')
	}
	t.pending = false
}

// run writes a run of text that holds no white space and nothing to
// escape.
func (t *textWriter) run(run string) {
	if run != "" {
		t.open()
		t.b = append(t.b, run...)
	}
}

// textBytes classifies bytes for scan: 1 for ASCII text, 2 and 3 for the
// first byte of a two- or three-byte character whose continuation bytes
// may take any value, or one of these.
const (
	spaceByte   = 8 + iota // ASCII white space
	spaceLead              // the first byte of some multi-byte white space (see spaceBytes)
	decodeByte             // the first byte of a character with narrower ranges: E0, ED, F0–F4
	ltByte                 // '<'
	ampByte                // '&'
	invalidByte            // never the first byte of a character
)

var textBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c < 0x80:
			t[c] = 1
		case c < 0xC2, c > 0xF4:
			t[c] = invalidByte // continuation bytes, overlong leads, beyond U+10FFFF
		case c < 0xE0:
			t[c] = 2
		case c == 0xE0, c == 0xED, c >= 0xF0:
			t[c] = decodeByte
		default:
			t[c] = 3
		}
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = spaceByte
	}
	t['<'], t['&'] = ltByte, ampByte
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = spaceLead
	}
	return t
}()

// nextSpace returns where the first white space character of s starts and
// its length in bytes, or len(s) and 0. Of the multi-byte characters only
// those whose first byte some white space shares are decoded (see
// spaceBytes): the Han characters that are most of every page are passed
// over by a table look-up a byte.
func nextSpace(s string) (at, size int) {
	for i := 0; i < len(s); i++ {
		switch spaceBytes[s[i]] {
		case 0:
			continue
		case 1:
			return i, 1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			return i, n
		}
		i += n - 1
	}
	return len(s), 0
}

// spaceBytes is 1 for the bytes that are white space, 2 for those that
// start a multi-byte white space character (U+0085 and U+00A0 start with
// C2, U+1680 with E1, U+2000–U+205F with E2, U+3000 with E3), 0 for the
// rest.
var spaceBytes = [256]uint8{
	'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1,
	0xC2: 2, 0xE1: 2, 0xE2: 2, 0xE3: 2,
}

// isSpace is unicode.IsSpace, answering for the Chinese text that is most
// of every page without the table: no white space lies above U+3000.
func isSpace(r rune) bool {
	return r <= 0x3000 && unicode.IsSpace(r)
}
