package search

import (
	"maps"
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
		if utf8.ValidString(s) && !strings.ContainsAny(s, "<&") && text != strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") {
			t.Fatalf("PlainText(%q) = %q changed text without markup", s, text)
		}
	})
}

// FuzzAnalyse holds the counter to the reference tokeniser on any text
// and title: the same tokens, counts and places.
func FuzzAnalyse(f *testing.F) {
	f.Add("禁毒工作。禁毒！", "双政办函〔2023〕14号")
	f.Add("禁\u20dd毒 ＧＤＰ增长 𠀀𠀁 \xff禁", "东风路街道")
	f.Add(strings.Repeat("禁毒", 300), "")
	f.Add("落实“三重点”工作，安全、生产（一）加强·甲(乙)\"丙\"”，“丁", "关于《安全法》（试行）的通知")
	f.Fuzz(func(t *testing.T, text, title string) {
		d := Document{Title: title, Text: text}
		if got, want := entries(t, Analyse(d)), reference(d); !maps.Equal(got, want) {
			for tok := range mergeKeys(got, want) {
				if got[tok] != want[tok] {
					t.Errorf("token %q: analysed %+v, reference %+v", tok, got[tok], want[tok])
				}
			}
			t.Fatalf("the analysis of %q (title %q) differs from the reference", text, title)
		}
	})
}

// FuzzIndex builds the index of documents cut from any text and reads it
// back: every document's tokens are where the format says, and nothing
// else is.
func FuzzIndex(f *testing.F) {
	f.Add("禁毒工作。|禁毒！|2023年工作|Search the archive")
	f.Add("甲|甲|甲|乙|甲")
	f.Fuzz(func(t *testing.T, s string) {
		var docs []Document
		for i, text := range strings.Split(s, "|") {
			docs = append(docs, Document{Kind: Page, Title: text, URL: strings.Repeat("p/", i+1), Date: "", Text: text})
		}
		as, files := buildBig(t, docs, 4, 16)
		all := shardsOf(t, files)
		seen := 0
		for id, a := range as {
			for tok, w := range entries(t, a) {
				p, ok := all[tok]
				if !ok {
					t.Fatalf("%q of document %d is in no shard", tok, id)
				}
				k := -1
				for j, d := range p.Body {
					if d == id {
						k = j
					}
				}
				if (k >= 0) != (w.body != 0) || k >= 0 && p.Places[k] != int(w.body&15) {
					t.Fatalf("%q of document %d: %+v, entry %08b", tok, id, p, w.body)
				}
				seen++
			}
		}
		total := 0
		for _, p := range all {
			in := map[int]bool{}
			for _, d := range p.Body {
				in[d] = true
			}
			for _, d := range p.Title {
				in[d] = true
			}
			total += len(in)
		}
		if total != seen {
			t.Fatalf("the shards hold %d postings, the documents %d entries", total, seen)
		}
	})
}
