package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzPlainText checks that any input gives tidy text without panicking.
func FuzzPlainText(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		text := PlainText(s)
		if text != strings.TrimSpace(text) || strings.Contains(text, "  ") || strings.ContainsAny(text, "\n\t\r") {
			t.Fatalf("PlainText(%q) = %q: white space not collapsed", s, text)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("PlainText(%q) = %q is not valid UTF-8", s, text)
		}
		// The one-pass scan (and its fall-back on invalid UTF-8) against
		// the general one.
		slow := textWriter{}
		slow.html(s)
		if string(slow.b) != text {
			t.Fatalf("PlainText(%q) = %q; the general scan gives %q", s, text, slow.b)
		}
		if got, want := HTMLEntry(Document{URL: "a/"}, s), Entry(Document{URL: "a/", Text: text}); !bytes.Equal(got, want) {
			t.Fatalf("HTMLEntry of %q is\n%s\nEntry of its plain text\n%s", s, got, want)
		}
		if utf8.ValidString(s) && !strings.ContainsAny(s, "<&") && text != strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") {
			t.Fatalf("PlainText(%q) = %q changed text without markup", s, text)
		}
	})
}

// FuzzEntry checks that every document's entry is JSON that decodes to
// the document, invalid UTF-8 replaced, whatever the strings hold.
func FuzzEntry(f *testing.F) {
	f.Add("禁毒通报", "circulars/2023/14/", "2023-04-03", "双政办函〔2023〕14号", "经区政府研究，现将……通报如下：")
	f.Add("\"\\\n", "a/", "", "", "ls\u2028ps\u2029 bad\xffbyte \xe2\x80 \xe2")
	f.Fuzz(func(t *testing.T, title, url, date, number, text string) {
		d := Document{Title: title, URL: url, Date: date, Number: number, Text: text}
		data := JSON([][]byte{Entry(d)})
		var got struct {
			V    int
			Docs []Document
		}
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("the entry of %+v does not decode: %v\n%s", d, err, data)
		}
		if bytes.ContainsAny(data, "\u2028\u2029") {
			t.Fatalf("the entry of %+v holds a raw U+2028 or U+2029", d)
		}
		want := Document{Title: valid(title), URL: valid(url), Date: valid(date), Number: valid(number), Text: valid(text)}
		if got.V != 2 || len(got.Docs) != 1 || got.Docs[0] != want {
			t.Fatalf("the entry of %+v decodes to %+v", d, got)
		}
	})
}

// valid replaces each run of invalid UTF-8 with U+FFFD.
func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
