package search

import (
	"slices"
	"testing"
	"unicode"
)

// tokenizeCases are hand-written: each expected list follows the rules of
// Tokenize's doc comment, worked out by hand. The JavaScript parity test
// runs the same inputs through search.js.
var tokenizeCases = []struct {
	in   string
	want []string
}{
	{"", nil},
	{"   \t\n", nil},
	{"禁", []string{"禁"}},
	{"禁毒", []string{"禁", "禁毒", "毒"}},
	{"禁毒办", []string{"禁", "禁毒", "毒", "毒办", "办"}},
	// Punctuation ends a Han run: no bigram across it.
	{"禁毒，反诈。", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"“三重点”工作", []string{"三", "三重", "重", "重点", "点", "工", "工作", "作"}},
	// Digits and Latin letters split Han runs and form words of their own.
	{"2023年1-2月", []string{"2023", "年", "1", "2", "月"}},
	{"双政办函〔2023〕14号", []string{"双", "双政", "政", "政办", "办", "办函", "函", "2023", "14", "号"}},
	{"GDP增速", []string{"gdp", "增", "增速", "速"}},
	{"第5名Top3", []string{"第", "5", "名", "top3"}},
	// Full-width ASCII forms fold to ASCII; the ideographic space separates.
	{"２０２３年　ＡＢｃ", []string{"2023", "年", "abc"}},
	{"９５．０６％", []string{"95", "06"}},
	// Decimal numbers split at the point, percentages lose the sign.
	{"95.06%", []string{"95", "06"}},
	{"Hello, World!", []string{"hello", "world"}},
	{"e-mail: Tongbao@Example.GOV.cn", []string{"e", "mail", "tongbao", "example", "gov", "cn"}},
	// Emoji and symbols separate; a variation selector is ignored.
	{"禁毒👍工作", []string{"禁", "禁毒", "毒", "工", "工作", "作"}},
	{"❤️禁毒", []string{"禁", "禁毒", "毒"}},
	{"禁\uFE00毒", []string{"禁", "禁毒", "毒"}},
	// Combining marks and soft hyphens do not break words.
	{"Cafe\u0301 na\u00ADive", []string{"cafe", "naive"}},
	{"ÉCOLE Straße", []string{"école", "straße"}},
	{"İstanbul", []string{"istanbul"}},
	{"ΣΟΦΙΑ", []string{"σοφια"}},
	// 〇 and 々 are Han.
	{"二〇二三", []string{"二", "二〇", "〇", "〇二", "二", "二三", "三"}},
	// Circled and Roman numerals are numbers, and so words.
	{"①Ⅻ", []string{"①ⅻ"}},
	// Kana and Hangul are letters, not Han: they form words.
	{"ひらがな한국", []string{"ひらがな한국"}},
	// Astral Han (CJK Extension B) pairs like any other.
	{"𠀀𠀁", []string{"𠀀", "𠀀𠀁", "𠀁"}},
	// Invalid UTF-8 separates like a symbol.
	{"禁\xff毒", []string{"禁", "毒"}},
	{"<script>alert(1)</script>", []string{"script", "alert", "1", "script"}},
}

func TestTokenize(t *testing.T) {
	for _, c := range tokenizeCases {
		got := Tokenize(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsHan(t *testing.T) {
	for tok, want := range map[string]bool{"禁": true, "禁毒": true, "〇": true, "2023": false, "abc": false, "": false, "ひ": false} {
		if got := IsHan(tok); got != want {
			t.Errorf("IsHan(%q) = %v, want %v", tok, got, want)
		}
	}
}

// TestUnifiedIdeographsAreHan backs classify's fast path: every code
// point of the block U+4E00–U+9FFF is Han in the Unicode tables Go has.
func TestUnifiedIdeographsAreHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U is not Han (Unicode %s)", r, unicode.Version)
		}
	}
}
