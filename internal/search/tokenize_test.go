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
	// Clause and sentence punctuation ends a Han run: no pair across it
	// (安全、生产 is two words, and nobody types 安全生产 for it)…
	{"禁毒，反诈。", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"安全、生产", []string{"安", "安全", "全", "生", "生产", "产"}},
	{"甲；乙：丙！丁？戊…己——庚", []string{"甲", "乙", "丙", "丁", "戊", "己", "庚"}},
	{"甲,乙.丙;丁:戊!己?庚", []string{"甲", "乙", "丙", "丁", "戊", "己", "庚"}},
	// …but quotation marks, book-title marks, brackets and middle dots
	// (joiners, alone or in a row) do not: the characters on either side
	// pair (people type 落实三重点工作, not 落实“三重点”工作).
	{"“三重点”工作", []string{"三", "三重", "重", "重点", "点", "点工", "工", "工作", "作"}},
	{"落实“三重点”工作", []string{"落", "落实", "实", "实三", "三", "三重", "重", "重点", "点", "点工", "工", "工作", "作"}},
	{"《安全法》（试行）", []string{"安", "安全", "全", "全法", "法", "法试", "试", "试行", "行"}},
	{"办法(试行)的", []string{"办", "办法", "法", "法试", "试", "试行", "行", "行的", "的"}},
	{"【动态】‘甲’「乙」『丙』〈丁〉〔戊〕〖己〗", []string{"动", "动态", "态", "态甲", "甲", "甲乙", "乙", "乙丙", "丙", "丙丁", "丁", "丁戊", "戊", "戊己", "己"}},
	{"甲\"乙\"'丙'[丁]", []string{"甲", "甲乙", "乙", "乙丙", "丙", "丙丁", "丁"}},
	{"甲＂乙＇丙［丁］", []string{"甲", "甲乙", "乙", "乙丙", "丙", "丙丁", "丁"}},
	{"阿卜·买提", []string{"阿", "阿卜", "卜", "卜买", "买", "买提", "提"}},
	{"甲・乙•丙‧丁", []string{"甲", "甲乙", "乙", "乙丙", "丙", "丙丁", "丁"}},
	// A numbered heading's bracket joins like any other: the rule cannot
	// tell it from 办法（试行）的, whose pairs a title typed without its
	// brackets needs.
	{"（一）加强", []string{"一", "一加", "加", "加强", "强"}},
	// Anything else among joiners parts the characters: clause
	// punctuation, white space (a paragraph's end is a space in the text:
	// see PlainText), a symbol or a word.
	{"《通报》、（一）", []string{"通", "通报", "报", "一"}},
	{"禁毒”，“反诈", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"禁毒 反诈", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"禁毒。\n反诈", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"禁毒” “反诈", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"禁毒“★”反诈", []string{"禁", "禁毒", "毒", "反", "反诈", "诈"}},
	{"禁毒“x”反诈", []string{"禁", "禁毒", "毒", "x", "反", "反诈", "诈"}},
	// Digits and Latin letters split Han runs and form words of their own;
	// a word pairs with the Han character right after it, not before.
	{"2023年1-2月", []string{"2023", "2023年", "年", "1", "2", "2月", "月"}},
	{"双政办函〔2023〕14号", []string{"双", "双政", "政", "政办", "办", "办函", "函", "2023", "14", "14号", "号"}},
	{"双政办函2023", []string{"双", "双政", "政", "政办", "办", "办函", "函", "2023"}},
	{"GDP增速", []string{"gdp", "gdp增", "增", "增速", "速"}},
	{"第5名Top3", []string{"第", "5", "5名", "名", "top3"}},
	{"3\u0301月 3 月", []string{"3", "3月", "月", "3", "月"}},
	// Full-width ASCII forms fold to ASCII; the ideographic space separates.
	{"２０２３年　ＡＢｃ", []string{"2023", "2023年", "年", "abc"}},
	// A point between two digits is a decimal point, part of the number
	// (UAX #29's WB11 and WB12): 95 is no token of 17.95, nor 95分 of
	// 87.95分. Anywhere else a point separates, as a comma always does (a
	// full-width comma is one after folding: 1，2月 is two months).
	// Percentages lose the sign.
	{"９５．０６％", []string{"95.06"}},
	{"95.06%", []string{"95.06"}},
	{"得分87.95分", []string{"得", "得分", "分", "87.95", "87.95分", "分"}},
	{"1.5万元", []string{"1.5", "1.5万", "万", "万元", "元"}},
	{"PM2.5", []string{"pm2.5"}},
	{"v1.2.3 2023.12", []string{"v1.2.3", "2023.12"}},
	{"1.５ １.5 １．５", []string{"1.5", "1.5", "1.5"}},
	{"1\u00AD.5 1.\u00AD5", []string{"1.5", "1", "5"}},
	{"1..5 5. .5 a.5 3.x 1,234 1，2月", []string{"1", "5", "5", "5", "a", "5", "3", "x", "1", "234", "1", "2", "2月", "月"}},
	{"第1.项", []string{"第", "1", "项"}},
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

// parityStrings are tricky inputs beyond tokenizeCases: search.js and the
// index's counter must agree with Tokenize on them.
var parityStrings = []string{
	"邵阳市双清区人民政府办公室关于区政府2023年1-2月“三重点”落实情况的通报",
	"全市综合排名第十，三区第三。规模以上服务业营业收入，排名第十一。（责任单位：区发改局）",
	"１２３４５６７８９０　ＡＢＣａｂｃ！＃＄％＆",
	"ｱｲｳｴｵ半角片假名 ﾊﾟ",
	"【重要】禁毒工作（2023）〔2023〕第14号～〜",
	"👨\u200d👩\u200d👧\u200d👦家庭🇨🇳中国😀2023🎉",
	"«guillemets» „Anführung“ ‘single’ \"double\" 「引号」『书名』《通报》",
	"tab\tnew\nline\r\ncr\u2028ls\u2029ps\u0085nel",
	"x²+y³=z⁴ ½ ⅓ 5㎡",
	"ﬁnancial ﬀ ǅungla ǈ ǲ",
	"Ⅻ月ⅰ Ⅳ",
	"𝐀𝐁𝐂 𝟏𝟐 𝔸",
	"Ꭰꭰ ᏸ",
	"ΣΑΣ ὈΔΥΣΣΕΎΣ",
	"İI ı K Å",
	"\u200b零宽\u200d连接\ufeff字符\u2060",
	"e\u0301\u0302x 禁\u20dd毒 \u0301\u0302",
	"禁\u3000毒 禁\u00a0毒 禁\u202f毒",
	"⺀⼀⿰⿱〆〇々〻㐀䶿龥鿿𪜀𫝀",
	"1️⃣2️⃣#️⃣ ©️®️™️",
	"عربي ١٢٣ हिन्दी ०१ ไทย",
	"\xff禁\xc0\xaf毒\xed\xa0\x80",
	// A word and the Han character after it: across marks, soft hyphens
	// and joiners (ignored), not across spaces or a 〔; folded and
	// lowercased words; astral digits and Han.
	"３\u0301月 ab\u00AD禁 x\uFE00禁 Ⅻ\u200d月 2023年\u20dd3月 ２０２３　年",
	"𝟏𝟐月 ǅ禁 İ禁 ΣΑΣ禁 ﬁ禁 ①号 𠀀𠀁1𠀀 1𠀀𠀁",
	"双政办函〔2023〕14号 双政办函2023年14号 第14号 14 号 GDP增速3.5%以上",
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

// TestKey: the exact form of titles and 文号, worked out by hand.
func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		"，。":            "",
		"双政办函〔2023〕14号": "双政办函 2023 14 号",
		"双政办函2023 14号":  "双政办函 2023 14 号",
		"东风路街道":         "东风路街道",
		" 东风路 街道 ":      "东风路 街道",
		"GDP增速":         "gdp 增速",
		"禁\uFE00毒":      "禁毒", // an ignored character keeps the run whole
		"关于区政府2023年1-2月“三重点”落实情况的通报": "关于区政府 2023 年 1 2 月三重点落实情况的通报",
		"关于做好“三重点”工作的通知":             "关于做好三重点工作的通知",
		"东风路、街道": "东风路 街道", // 、 parts the runs, as a space does
		"关于印发《安全生产办法（试行）》的通知": "关于印发安全生产办法试行的通知",
		"关于甲、乙两镇的通报":          "关于甲 乙两镇的通报",
		"“”":                  "",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}
