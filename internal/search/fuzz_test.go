package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzTokenize checks the properties every token list must have. Its seed
// corpus in testdata/fuzz/FuzzTokenize runs with every go test.
func FuzzTokenize(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		if !slices.Equal(toks, Tokenize(s)) {
			t.Fatalf("Tokenize(%q) is not deterministic", s)
		}
		hanRunes := 0
		for _, r := range s {
			if classify(foldWidth(r)) == han {
				hanRunes++
			}
		}
		unigrams := 0
		for _, tok := range toks {
			if tok == "" || !utf8.ValidString(tok) {
				t.Fatalf("Tokenize(%q) gave the token %q", s, tok)
			}
			runes := []rune(tok)
			if IsHan(tok) {
				if len(runes) > 2 || !allRunes(runes, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					t.Fatalf("Tokenize(%q): Han token %q is not one or two Han characters", s, tok)
				}
				if len(runes) == 1 {
					unigrams++
				}
			} else if !allRunes(runes, func(r rune) bool {
				return (unicode.IsLetter(r) || unicode.IsNumber(r)) && !unicode.Is(unicode.Han, r) && lower(r) == r
			}) {
				t.Fatalf("Tokenize(%q): word %q holds a Han, non-word or upper-case character", s, tok)
			}
			// A token is found again in itself: the query for a token
			// finds the documents holding it.
			if !slices.Contains(Tokenize(tok), tok) {
				t.Fatalf("Tokenize(%q) = %q lacks %q", tok, Tokenize(tok), tok)
			}
		}
		if unigrams != hanRunes {
			t.Fatalf("Tokenize(%q): %d Han unigrams for %d Han characters", s, unigrams, hanRunes)
		}
	})
}

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

func allRunes(rs []rune, ok func(rune) bool) bool {
	for _, r := range rs {
		if !ok(r) {
			return false
		}
	}
	return true
}
