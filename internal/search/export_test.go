package search

// Entry encodes d as its entry in the "docs" of search-index.json:
//
//	{"title": …, "url": …, "date": …, "number": …, "text": …}
//
// with "date" and "number" left out when empty. A page's entry depends on
// that page alone, so a build encodes each as soon as the page is
// rendered and keeps only the bytes, and the preview server keeps the
// entries of the pages a save did not touch.
func Entry(d Document) []byte {
	b := appendEntryStart(make([]byte, 0, len(d.Text)+len(d.Title)+len(d.URL)+len(d.Number)+64), d)
	b = appendEscaped(b, d.Text)
	return append(b, `"}`...)
}

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
	t := textWriter{b: make([]byte, 0, len(fragment))} // the text is most of a page's bytes, never more
	t.write(fragment)
	return string(t.b)
}
