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
// <template> and <svg> (chart markup is not text). A picture is its text
// alternative, between spaces: what a screen reader says of a chart
// (![2023年1-2月各乡镇得分分布](…)) is what a search should find it by.
// Invalid UTF-8 becomes U+FFFD.
func PlainText(fragment string) string {
	var t textWriter
	t.html(fragment)
	return string(t.b)
}

// html writes the text of an HTML fragment (see PlainText).
func (t *textWriter) html(fragment string) {
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
			class, name, end, rest := readTagClass(s)
			tag := s[:len(s)-len(rest)]
			s = rest
			if class == tagInline {
				continue
			}
			t.space()
			if class == tagImg && !end {
				t.text(altText(tag))
				t.space()
			}
			if !end && class == tagSkipped {
				s = skipElement(s, name)
			}
		default:
			// A '<' that starts no tag is text (HTML's own rule).
			t.text("<")
			s = s[1:]
		}
	}
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

// The classes of elements, by their names, for readTagClass.
const (
	tagBlock   = iota // an element whose boundaries separate words: every one not below
	tagInline         // a phrasing element, whose boundaries do not separate words
	tagSkipped        // an element that holds no reader-visible text
	tagImg            // <img>, whose text is its alt attribute
)

// readTagClass reads the tag at the start of s ("<p class=x>", "</p>"):
// the class of its element, its name as written (for skipElement), whether
// it is an end tag, and the rest of s after it. The name is not made
// lowercase: each of its bytes goes into a number (tagNameByte), which a
// small table looks up (tagClassOf). Every tag of every page is read: the
// name's string, made lowercase when it had a capital, and two switches on
// it cost a build about 20 million instructions more.
func readTagClass(s string) (class int, name string, end bool, rest string) {
	i := 1
	if s[i] == '/' {
		end = true
		i++
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
	name = s[i:j]
	if len(name) <= 8 {
		class = tagClassOf(packed)
	}
	if j < len(s) && s[j] == '>' {
		return class, name, end, s[j+1:]
	}
	return class, name, end, s[tagEnd(s, j):]
}

// tagEnd is where the tag s ends (after its '>', or len(s)), its name
// having been read to j. Quoted attribute values may hold '>'.
func tagEnd(s string, j int) int {
	for ; j < len(s); j++ {
		switch c := s[j]; c {
		case '"', '\'':
			// A quoted value, passed over whole: a heading's id is its
			// text again.
			k := strings.IndexByte(s[j+1:], c)
			if k < 0 {
				return len(s)
			}
			j += 1 + k
		case '>':
			return j + 1
		}
	}
	return len(s)
}

// tagNameByte is a byte of a tag's name as readTagClass packs it: its
// lowercase form, 0 where the name ends ('>', '/', white space), and 0xFF
// for NUL, which is part of a name (and of none that tagClassOf knows).
var tagNameByte = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	t[0] = 0xFF
	for _, c := range ">/ \t\n\r\f" {
		t[c] = 0
	}
	return t
}()

// tagClasses holds the packed names (see readTagClass) of the elements
// that are not tagBlock, in open addressing, by the top bits of name·φ.
var tagClasses = func() (t [128]struct {
	name  uint64
	class uint8
}) {
	add := func(class int, names ...string) {
		for _, n := range names {
			var p uint64
			for i := range len(n) {
				p = p<<8 | uint64(n[i])
			}
			k := p * 0x9E3779B97F4A7C15 >> 57
			for t[k].name != 0 {
				k = (k + 1) % uint64(len(t))
			}
			t[k].name, t[k].class = p, uint8(class)
		}
	}
	add(tagInline, "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
		"ins", "kbd", "mark", "q", "rb", "rp", "rt", "ruby", "s", "samp", "small", "span",
		"strong", "sub", "sup", "time", "u", "var", "wbr")
	add(tagSkipped, "script", "style", "template", "svg", "noscript", "textarea", "title")
	add(tagImg, "img")
	return t
}()

// tagClassOf is the class of the element whose name, of at most 8 bytes,
// packs to packed.
func tagClassOf(packed uint64) int {
	for k := packed * 0x9E3779B97F4A7C15 >> 57; ; k = (k + 1) % uint64(len(tagClasses)) {
		switch tagClasses[k].name {
		case packed:
			return int(tagClasses[k].class)
		case 0:
			return tagBlock
		}
	}
}

// plainTags are the tags without attributes of the commonest elements
// of a page ("<p>", "</li>"), of at most 8 bytes and neither skipped nor
// an image, by their bytes read as a little-endian number, in open
// addressing by the top bits of tag·φ; and their classes, which are
// tagClassOf's.
var plainTags = func() (t struct {
	tag   [256]uint64 // 80 of them
	class [256]uint8
}) {
	for _, name := range strings.Fields("p br hr li ul ol dl dt dd td th tr table thead tbody tfoot caption " +
		"h1 h2 h3 h4 h5 h6 div pre blockquote section article aside header footer nav figure " +
		"strong em b i u s code span sub sup small mark q") {
		var packed uint64
		for i := range len(name) {
			packed = packed<<8 | uint64(name[i])
		}
		class := tagClassOf(packed)
		if class != tagBlock && class != tagInline {
			panic("search: plainTags: " + name + " is skipped or an image")
		}
		for _, tag := range []string{"<" + name + ">", "</" + name + ">"} {
			if len(tag) > 8 {
				continue
			}
			var key uint64
			for i := range len(tag) {
				key |= uint64(tag[i]) << (8 * i)
			}
			k := plainTagHome(key)
			for t.tag[k] != 0 {
				k = (k + 1) % uint64(len(t.tag))
			}
			t.tag[k], t.class[k] = key, uint8(class)
		}
	}
	return t
}()

func plainTagHome(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 56 }

// plainTag is the class of the tag whose bytes, read as a little-endian
// number, are key, if it is one of plainTags.
func plainTag(key uint64) (int, bool) {
	for k := plainTagHome(key); ; k = (k + 1) % uint64(len(plainTags.tag)) {
		switch plainTags.tag[k] {
		case key:
			return int(plainTags.class[k]), true
		case 0:
			return 0, false
		}
	}
}

// altText is the alt attribute of an img tag ("<img src=x alt=\"说明\">"),
// as written (character references not decoded), or "".
func altText(tag string) string {
	i := len("<img")
	for i < len(tag) {
		for i < len(tag) && (isTagNameEnd(tag[i]) && tag[i] != '>') {
			i++ // white space and '/' between attributes
		}
		if i >= len(tag) || tag[i] == '>' {
			break
		}
		j := i
		for j < len(tag) && tag[j] != '=' && !isTagNameEnd(tag[j]) {
			j++
		}
		name, value := tag[i:j], ""
		i = j
		if i < len(tag) && tag[i] == '=' {
			i++
			if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
				k := strings.IndexByte(tag[i+1:], tag[i])
				if k < 0 {
					break
				}
				value, i = tag[i+1:i+1+k], i+2+k
			} else {
				k := i
				for k < len(tag) && tag[k] != '>' && (!isTagNameEnd(tag[k]) || tag[k] == '/') {
					k++
				}
				value, i = tag[i:k], k
			}
		}
		if strings.EqualFold(name, "alt") {
			return value
		}
	}
	return ""
}

// isTagNameEnd reports whether a tag's name ends before c: '>', '/' or
// white space (see tagNameByte).
func isTagNameEnd(c byte) bool { return tagNameByte[c] == 0 }

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
			return s[tagEnd(s, n):]
		}
		i = k
	}
}

// textWriter collects text, collapsing runs of white space (and element
// boundaries) into one space, with none at either end.
type textWriter struct {
	b       []byte
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
