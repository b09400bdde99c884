package search

// The reference tokeniser, written for clarity rather than speed: the
// index's fast counter (analyse.go) and search.js are held to it by tests
// (TestTokenize, TestAnalyseTokens, TestJSTokenize). It lives in
// test code because the build never needs tokens as strings; its rules
// are the ones tokenize.go's character classes implement.

import (
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into search tokens, in order of position:
//
//   - every Han character is a token, and so is every pair of adjacent Han
//     characters (the pair comes before its second character): 禁毒办 →
//     禁, 禁毒, 毒, 毒办, 办;
//   - quotation marks, book-title marks, brackets and middle dots (the
//     joiners: see joins) between two Han characters do not part them:
//     they pair as if adjacent (落实“三重点”工作 → …, 实三, …, 点工, …), so
//     that a query typed without the marks finds them whole; anything
//     else between them parts them, alone or among joiners: white space
//     (a query's spaces part its words, and a page's paragraphs and
//     headings end in a space: see PlainText), clause and sentence
//     punctuation (安全、生产 has no 全生), other symbols and a word;
//   - a run of other letters and digits is one token, lowercased; a
//     point between two digits (a decimal point: 17.95, PM2.5, 1.5万) is
//     part of it, so that 95 does not find 17.95 nor 95分 87.95分, as in
//     Unicode's word boundaries (UAX #29, rules WB11 and WB12); a comma
//     is not, which would join 1，2月 (full-width, that is 1,2);
//   - a word right before a Han character makes a pair with it too, after
//     the word (2023年3月 → 2023, 2023年, 年, 3, 3月, 月): a month, a 文号's
//     serial and a quantity are found with their unit, not only beside it
//     (2022年3月 is then not a 2022年12月 circular whose 文号 is 〔2023〕3号);
//     a Han character before a word makes none, so that 双政办函2023 still
//     finds 双政办函〔2023〕;
//   - full-width ASCII forms count as their ASCII letters (２０２３ → 2023,
//     ＡＢ → ab);
//   - combining marks and soft hyphens are ignored: they neither make a
//     token nor break one (a variation selector after a Han character does
//     not split a bigram);
//   - everything else (spaces, punctuation, symbols, emoji) separates
//     tokens and is dropped, as joiners are.
//
// Queries are tokenised the same way as documents.
func Tokenize(s string) []string {
	var toks []string
	scan(s, func(tok string, _ int) { toks = append(toks, tok) })
	return toks
}

// scan calls emit with each token of s, in Tokenize's order, and the
// byte offset where it starts.
func scan(s string, emit func(tok string, at int)) {
	var (
		word      []byte // the word so far, lowercased and folded
		wordStart = -1   // its first byte in s, or -1
		wordEnd   int    // after its last letter in s
		wordAsIs  bool   // s[wordStart:wordEnd] spells the word exactly
		prevHan   rune   // the Han character just before, or 0
		prevAt    int    // its first byte in s
		adjacent  bool   // nothing (ignored) lies between it and the next
	)
	flush := func() {
		if wordStart < 0 {
			return
		}
		if wordAsIs {
			emit(s[wordStart:wordEnd], wordStart)
		} else {
			emit(string(word), wordStart)
		}
		word, wordStart = word[:0], -1
	}
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1 // an invalid byte; a real U+FFFD is a separator all the same
		}
		orig := r
		r = foldWidth(r)
		switch classify(r) {
		case ignored:
			adjacent = false
			wordAsIs = false
		case han:
			if wordStart >= 0 {
				mixed, at := string(word)+s[i:i+size], wordStart
				flush()
				emit(mixed, at)
			}
			if prevHan != 0 {
				if adjacent {
					emit(s[prevAt:i+size], prevAt)
				} else {
					emit(string([]rune{prevHan, r}), prevAt)
				}
			}
			emit(s[i:i+size], i) // Han characters are never folded
			prevHan, prevAt, adjacent = r, i, true
		case wordChar:
			l := lower(r)
			if wordStart < 0 {
				wordStart, wordAsIs = i, true
			}
			word = utf8.AppendRune(word, l)
			wordEnd = i + size
			wordAsIs = wordAsIs && l == orig
			prevHan = 0
		case joiner:
			flush()
			adjacent = false
		default:
			if r == '.' && len(word) > 0 && digit(rune(word[len(word)-1])) && digit(foldWidth(firstRune(s[i+size:]))) {
				word = append(word, '.')
				wordEnd = i + size
				wordAsIs = wordAsIs && orig == '.'
				continue
			}
			flush()
			prevHan = 0
		}
	}
	flush()
}

// digit reports whether r is an ASCII digit.
func digit(r rune) bool { return '0' <= r && r <= '9' }

// firstRune is the first character of s, or utf8.RuneError.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// IsPair reports whether tok is a pair: two Han characters, or a word and
// the Han character after it. Pairs are the tokens that join two others;
// a page's length counts the others only.
func IsPair(tok string) bool {
	r, size := utf8.DecodeLastRuneInString(tok)
	return size < len(tok) && unicode.Is(unicode.Han, r)
}

// IsHan reports whether tok is a Han token (a character or a bigram) rather
// than a word.
func IsHan(tok string) bool {
	for _, r := range tok {
		return unicode.Is(unicode.Han, r)
	}
	return false
}

// Key is the form of s an exact match compares: its Han runs and its
// words, in order, each as the tokeniser spells it, separated by single
// spaces; "" when s holds no token. 双政办函〔2023〕14号 and 双政办函2023 14号
// both give "双政办函 2023 14 号". The index holds the keys of every
// document's title, 文号 and names, so that a query that is one of them
// finds its document first; search.js computes the same key of the query.
func Key(s string) string {
	var b []byte
	bigram := false // the token before was a pair: this character goes on its run
	scan(s, func(tok string, _ int) {
		pair := IsPair(tok)
		han := !pair && IsHan(tok)
		switch {
		case pair && !IsHan(tok):
			return // a word and a character: each is a part of its own
		case pair:
		case han && bigram:
			b = append(b, tok...)
		default:
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, tok...)
		}
		bigram = pair
	})
	return string(b)
}
