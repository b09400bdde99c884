package search

import "unicode/utf8"

// A Document is one page as the search sees it.
type Document struct {
	Title  string // matched with more weight than the text
	URL    string // slash path below the site root: "circulars/2023/14/"
	Date   string // 2023-04-03, or ""
	Number string // 文号, or "": matched with the title, so 14号 finds it
	Text   string // plain text of the body (see PlainText)
}

// HTMLEntry is the entry of d with the text of html as its text: it is
// Entry(d) with d.Text set to PlainText(html), in one pass, the text
// escaped as it is extracted.
func HTMLEntry(d Document, html string) []byte {
	t := textWriter{json: true}
	t.b = appendEntryStart(make([]byte, 0, len(html)+len(d.Title)+len(d.URL)+len(d.Number)+64), d)
	t.start = len(t.b)
	t.write(html)
	return append(t.b, `"}`...)
}

// appendEntryStart appends d's entry up to the opening quote of its text.
func appendEntryStart(b []byte, d Document) []byte {
	b = append(b, `{"title":`...)
	b = appendString(b, d.Title)
	b = append(b, `,"url":`...)
	b = appendString(b, d.URL)
	if d.Date != "" {
		b = append(b, `,"date":`...)
		b = appendString(b, d.Date)
	}
	if d.Number != "" {
		b = append(b, `,"number":`...)
		b = appendString(b, d.Number)
	}
	return append(b, `,"text":"`...)
}

// JSON assembles a part of the index, search/docs-N.json, from its
// documents' entries, in their order, one a line (search-index.json, made
// by the renderer, lists the parts):
//
//	{"v":2,"docs":[
//	{…},
//	{…}]}
//
// The file holds the text and no index of it: search.js finds a query's
// words by scanning the texts in the browser (see its header). Scanning
// ten megabytes of text takes the browser a fraction of a second per
// query; an inverted index of every character and pair of characters
// was half as large again as the text it indexed and cost the build as
// much as converting the Markdown.
//
// Strings are written as they are but for what JSON requires escaped (",
// \ and control characters), U+2028 and U+2029 (for older JavaScript
// parsers); invalid UTF-8 becomes U+FFFD. The file is parsed, never
// inserted into a page, so <, > and & need no escaping.
func JSON(entries [][]byte) []byte {
	size := len(`{"v":2,"docs":[]}`) + 2
	for _, e := range entries {
		size += len(e) + 2
	}
	b := make([]byte, 0, size)
	b = append(b, `{"v":2,"docs":[`...)
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, e...)
	}
	return append(b, "]}\n"...)
}

// appendString appends s as a JSON string (see JSON for what is escaped).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends s escaped for a JSON string, without the quotes.
func appendEscaped(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return appendInvalid(b, s)
	}
	// Valid UTF-8, which is every page's text: only ASCII bytes and the
	// sequences of U+2028 and U+2029 (E2 80 A8 and E2 80 A9) need a look;
	// other multi-byte characters are passed over whole, by the length
	// their first byte gives.
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
		case c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', "89"[s[i+2]-0xA8])
			i += 3
			start = i
		case c >= 0xF0:
			i += 4
		case c >= 0xE0:
			i += 3
		default:
			i += 2
		}
	}
	return append(b, s[start:]...)
}

// appendEscape appends the JSON escape of an ASCII byte.
func appendEscape(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// appendInvalid is appendEscaped for a string that is not valid UTF-8:
// it decodes every sequence, to replace each run of invalid bytes with one
// U+FFFD, as strings.ToValidUTF8 does.
func appendInvalid(b []byte, s string) []byte {
	start := 0
	invalid := false // the byte before i was invalid
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			invalid = false
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			if !invalid {
				b = append(b, "\uFFFD"...)
			}
			invalid = true
		case r == '\u2028' || r == '\u2029':
			invalid = false
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', "89"[r-'\u2028'])
		default:
			invalid = false
			i += n
			continue
		}
		i += n
		start = i
	}
	return append(b, s[start:]...)
}
