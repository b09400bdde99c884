package zh

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// tricky lists numerals by hand, independently of Numeral's algorithm.
var tricky = map[int]string{
	0:             "零",
	1:             "一",
	2:             "二",
	9:             "九",
	10:            "十",
	11:            "十一",
	12:            "十二",
	13:            "十三",
	14:            "十四",
	15:            "十五",
	16:            "十六",
	17:            "十七",
	18:            "十八",
	19:            "十九",
	20:            "二十",
	21:            "二十一",
	30:            "三十",
	99:            "九十九",
	100:           "一百",
	101:           "一百零一",
	105:           "一百零五",
	110:           "一百一十",
	111:           "一百一十一",
	119:           "一百一十九",
	120:           "一百二十",
	200:           "二百",
	999:           "九百九十九",
	1000:          "一千",
	1001:          "一千零一",
	1010:          "一千零一十",
	1011:          "一千零一十一",
	1100:          "一千一百",
	1101:          "一千一百零一",
	1110:          "一千一百一十",
	2000:          "二千",
	2023:          "二千零二十三",
	9999:          "九千九百九十九",
	10000:         "一万",
	10001:         "一万零一",
	10010:         "一万零一十",
	10100:         "一万零一百",
	11000:         "一万一千",
	20000:         "二万",
	100000:        "十万",
	100010:        "十万零一十",
	110000:        "十一万",
	1000000:       "一百万",
	10000005:      "一千万零五",
	100000000:     "一亿",
	100000001:     "一亿零一",
	100010000:     "一亿零一万",
	110000000:     "一亿一千万",
	1000000000:    "十亿",
	1000000000000: "一万亿",
	-1:            "负一",
	-10:           "负十",
	-110:          "负一百一十",
}

func TestNumeralTricky(t *testing.T) {
	for n, want := range tricky {
		if got := Numeral(n); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestNumeral0To120 checks every numeral 0..120 against a table built from
// spelled-out rules for tens and units, not from Numeral itself.
func TestNumeral0To120(t *testing.T) {
	ones := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	want := func(n int) string {
		switch {
		case n == 0:
			return "零"
		case n < 10:
			return ones[n]
		case n < 20:
			return "十" + ones[n-10]
		case n < 100:
			return ones[n/10] + "十" + ones[n%10]
		case n == 100:
			return "一百"
		case n < 110:
			return "一百零" + ones[n-100]
		default: // 110..120
			return "一百" + ones[(n-100)/10] + "十" + ones[n%10]
		}
	}
	for n := 0; n <= 120; n++ {
		if got, w := Numeral(n), want(n); got != w {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, w)
		}
		if w, ok := tricky[n]; ok && w != want(n) {
			t.Fatalf("test tables disagree on %d: %q vs %q", n, w, want(n))
		}
	}
}

func TestNumeralExtremes(t *testing.T) {
	for _, n := range []int{math.MaxInt, math.MinInt, math.MinInt + 1} {
		s := Numeral(n)
		if s == "" || !utf8.ValidString(s) || strings.Contains(s, "零零") {
			t.Errorf("Numeral(%d) = %q", n, s)
		}
		// Too long to write out by hand; the round trip checks them.
		if got, want := parseNumeral(t, s), strconv.Itoa(n); got != want {
			t.Errorf("parse(Numeral(%d)) = %s", n, got)
		}
	}
}

// parseNumeral reads a numeral back into decimal digits, independently of
// how Numeral builds it: it splits at the last 亿, then at 万, and reads
// each section of 千百十 places. It returns a string so that the magnitude
// of MinInt fits.
func parseNumeral(t testing.TB, s string) string {
	sign := ""
	if rest, ok := strings.CutPrefix(s, "负"); ok {
		sign, s = "-", rest
	}
	v, ok := parseUint(s)
	if !ok {
		t.Fatalf("cannot parse numeral %q", s)
	}
	return sign + strconv.FormatUint(v, 10)
}

// parseUint reads a numeral whose value fits in a uint64. The part before
// the last 亿 may itself hold 亿 (九百二十二亿…亿 for large ints).
func parseUint(s string) (uint64, bool) {
	if i := strings.LastIndex(s, "亿"); i >= 0 {
		hi, ok1 := parseUint(s[:i])
		lo, ok2 := parseBelow1e8(strings.TrimPrefix(s[i+len("亿"):], "零"))
		return hi*1e8 + lo, ok1 && ok2 && s[:i] != ""
	}
	return parseBelow1e8(s)
}

func parseBelow1e8(s string) (uint64, bool) {
	if i := strings.Index(s, "万"); i >= 0 {
		hi, ok1 := parseSection(s[:i])
		lo, ok2 := parseSection(strings.TrimPrefix(s[i+len("万"):], "零"))
		return hi*1e4 + lo, ok1 && ok2 && s[:i] != ""
	}
	return parseSection(s)
}

func parseSection(s string) (uint64, bool) {
	if s == "零" {
		return 0, true
	}
	value := map[rune]uint64{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	place := map[rune]uint64{'十': 10, '百': 100, '千': 1000}
	var total, digit uint64
	pending := false // a digit read but not yet given a place
	for i, r := range s {
		switch {
		case r == '零':
			if pending {
				return 0, false
			}
		case value[r] > 0:
			if pending {
				return 0, false
			}
			digit, pending = value[r], true
		case place[r] > 0:
			if !pending {
				if !(r == '十' && i == 0) { // leading 十 = 一十
					return 0, false
				}
				digit = 1
			}
			total += digit * place[r]
			pending = false
		default:
			return 0, false
		}
	}
	if pending {
		total += digit
	}
	return total, true
}

func FuzzNumeral(f *testing.F) {
	for _, n := range []int{0, 1, 10, 11, 19, 20, 99, 100, 101, 110, 111, 1000, 1001, 1010, 1100, 9999, 10000, 100010, -5, math.MaxInt, math.MinInt} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int) {
		s := Numeral(n)
		if s == "" || !utf8.ValidString(s) {
			t.Fatalf("Numeral(%d) = %q", n, s)
		}
		if n != 0 && strings.Contains(s, "零零") {
			t.Fatalf("Numeral(%d) = %q has a doubled 零", n, s)
		}
		if got, want := parseNumeral(t, s), strconv.Itoa(n); got != want {
			t.Fatalf("Numeral(%d) = %q reads back as %s", n, s, got)
		}
	})
}

func TestOrdinalAndRankPhrase(t *testing.T) {
	tests := []struct {
		rank int
		tied bool
		want string
	}{
		{1, false, "第一"},
		{5, false, "第五"},
		{5, true, "并列第五"},
		{10, false, "第十"},
		{12, false, "第十二"},
		{1, true, "并列第一"},
		{99, false, "第九十九"},
	}
	for _, tt := range tests {
		if got := RankPhrase(tt.rank, tt.tied); got != tt.want {
			t.Errorf("RankPhrase(%d, %v) = %q, want %q", tt.rank, tt.tied, got, tt.want)
		}
	}
	if got := Ordinal(12); got != "第十二" {
		t.Errorf("Ordinal(12) = %q, want 第十二", got)
	}
}

func TestRankSentence(t *testing.T) {
	tests := []struct {
		city        int
		cityTie     bool
		district    int
		districtTie bool
		label       string
		want        string
	}{
		{10, false, 3, false, "三区", "全市综合排名第十，三区第三。"},
		{5, true, 1, true, "三区", "全市综合排名并列第五，三区并列第一。"},
		{5, false, 1, true, "三区", "全市综合排名第五，三区并列第一。"},
		{12, false, 0, false, "三区", "全市综合排名第十二。"},
		{11, true, 0, false, "", "全市综合排名并列第十一。"},
		{0, false, 3, false, "三区", "三区排名第三。"},
		{0, false, 1, false, "四区", "四区排名第一。"},
		{0, false, 0, false, "三区", ""},
	}
	if got := RankSentence("全省综合排名", 3, false, 2, false, "同类县"); got != "全省综合排名第三，同类县第二。" {
		t.Errorf("RankSentence with another city = %q", got)
	}
	for _, tt := range tests {
		got := RankSentence("全市综合排名", tt.city, tt.cityTie, tt.district, tt.districtTie, tt.label)
		if got != tt.want {
			t.Errorf("RankSentence(%d, %v, %d, %v, %q) = %q, want %q",
				tt.city, tt.cityTie, tt.district, tt.districtTie, tt.label, got, tt.want)
		}
	}
}

func TestAmount(t *testing.T) {
	tests := []struct {
		yuan int64
		want string
	}{
		{50000, "5万元"},
		{5000, "0.5万元"},
		{12500, "1.25万元"},
		{30000, "3万元"},
		{10100, "1.01万元"},
		{123400, "12.34万元"},
		{32000000, "3200万元"},
		{3000, "3000元"},
		{4999, "4999元"},
		{4900, "4900元"},
		{12345, "12345元"},
		{50050, "50050元"},
		{0, "0元"},
		{-50000, "-50000元"},
	}
	for _, tt := range tests {
		if got := Amount(tt.yuan); got != tt.want {
			t.Errorf("Amount(%d) = %q, want %q", tt.yuan, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{2023, 4, 3, "2023年4月3日"},
		{2023, 12, 31, "2023年12月31日"},
		{2024, 1, 10, "2024年1月10日"},
	}
	for _, tt := range tests {
		if got := Date(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("Date(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"火车站乡"}, "火车站乡"},
		{[]string{"火车站乡", "兴隆街道", "石桥街道"}, "火车站乡、兴隆街道、石桥街道"},
	}
	for _, tt := range tests {
		if got := Join(tt.names); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		k          int
		top, exact bool
		want       string
	}{
		{3, true, true, "前三"},
		{3, false, true, "后三"},
		{3, true, false, "靠前"},
		{3, false, false, "靠后"},
		{5, true, true, "前五"},
		{10, false, true, "后十"},
		// §5.2: k = 2 is said 前两名/后两名, never 前二.
		{2, true, true, "前两名"},
		{2, false, true, "后两名"},
		{2, false, false, "靠后"},
		{1, true, true, "第一"},
		{1, false, true, "最后"},
	}
	for _, tt := range tests {
		if got := Label(tt.k, tt.top, tt.exact); got != tt.want {
			t.Errorf("Label(%d, %v, %v) = %q, want %q", tt.k, tt.top, tt.exact, got, tt.want)
		}
	}
}

// one makes runs of single names: no ties.
func one(names ...string) [][]string {
	var runs [][]string
	for _, n := range names {
		runs = append(runs, []string{n})
	}
	return runs
}

func TestRankingSentence(t *testing.T) {
	tests := []struct {
		name string
		r    Ranking
		want string
	}{
		{
			name: "前三/后三 (DESIGN §5.3)",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      one("火车站乡", "兴隆街道", "石桥街道"),
				Bottom:   one("桥头街道", "渡头桥镇", "爱莲街道"),
				TopExact: true, BottomExact: true, K: 3, Applicable: 12, Total: 12,
			},
			want: "排名全区前三的为：火车站乡、兴隆街道、石桥街道；排名全区后三的为：桥头街道、渡头桥镇、爱莲街道。",
		},
		{
			name: "one not reported, ranked last",
			r: Ranking{Scope: "全县", Unit: "乡镇",
				Top:      one("甲镇", "乙镇", "丙镇"),
				Bottom:   one("丁乡", "戊乡", "己乡"),
				TopExact: true, BottomExact: true, K: 3, Applicable: 6, Total: 6,
				Unreported: []string{"己乡"},
			},
			want: "排名全县前三的为：甲镇、乙镇、丙镇；排名全县后三的为：丁乡、戊乡、己乡（未报送）。",
		},
		{
			name: "two not reported, tied last",
			r: Ranking{Scope: "全县", Unit: "乡镇",
				Top:      one("甲镇", "乙镇", "丙镇"),
				Bottom:   [][]string{{"丁乡"}, {"戊乡", "己乡"}},
				TopExact: true, K: 3, Applicable: 6, Total: 6,
				Unreported: []string{"戊乡", "己乡"},
			},
			want: "排名全县前三的为：甲镇、乙镇、丙镇；排名全县靠后的为：丁乡，戊乡、己乡（未报送，并列）。",
		},
		{
			name: "not reported, at the lowest score, tied with one that reported it",
			r: Ranking{Scope: "全县", Unit: "乡镇",
				Top:      one("甲镇", "乙镇", "丙镇"),
				Bottom:   [][]string{{"丁乡"}, {"戊乡", "己乡"}},
				TopExact: true, K: 3, Applicable: 6, Total: 6,
				Unreported: []string{"己乡"},
			},
			want: "排名全县前三的为：甲镇、乙镇、丙镇；排名全县靠后的为：丁乡，戊乡、己乡（并列，己乡未报送）。",
		},
		{
			name: "tie in the top (DESIGN §5.3)",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      [][]string{{"爱莲街道"}, {"石桥街道", "汽车站街道"}},
				Bottom:   one("桥头街道", "小江湖街道", "火车站乡"),
				TopExact: false, BottomExact: true, K: 3, Applicable: 12, Total: 12,
			},
			want: "排名全区靠前的为：爱莲街道，石桥街道、汽车站街道（并列）；排名全区后三的为：桥头街道、小江湖街道、火车站乡。",
		},
		{
			name: "subset of townships (DESIGN §5.3)",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:    one("石桥街道", "东风路街道", "兴隆街道"),
				Bottom: [][]string{{"爱莲街道", "火车站乡"}},
				K:      3, Applicable: 5, Total: 12,
			},
			want: "涉及该项工作共5个乡镇（街道），其中排名靠前的为：石桥街道、东风路街道、兴隆街道；排名靠后的为：爱莲街道、火车站乡（并列）。",
		},
		{
			name: "rankingLabel (DESIGN §5.3)",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      one("汽车站街道", "龙须塘街道", "桥头街道"),
				Bottom:   one("高崇山镇", "渡头桥镇", "爱莲街道"),
				TopExact: true, BottomExact: true, K: 3, Applicable: 12, Total: 12,
				Label: "空气质量",
			},
			want: "空气质量排名全区前三的为：汽车站街道、龙须塘街道、桥头街道；排名全区后三的为：高崇山镇、渡头桥镇、爱莲街道。",
		},
		{
			name: "tie in the bottom, after a single",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      one("小江湖街道", "滨江街道", "龙须塘街道"),
				Bottom:   [][]string{{"渡头桥镇"}, {"火车站乡", "滨江街道"}},
				TopExact: true, K: 3, Applicable: 12, Total: 12,
			},
			want: "排名全区前三的为：小江湖街道、滨江街道、龙须塘街道；排名全区靠后的为：渡头桥镇，火车站乡、滨江街道（并列）。",
		},
		{
			name: "whole top group tied",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:         [][]string{{"滨江街道", "桥头街道", "渡头桥镇"}},
				Bottom:      one("高崇山镇", "石桥街道", "汽车站街道"),
				BottomExact: true, K: 3, Applicable: 12, Total: 12,
			},
			want: "排名全区靠前的为：滨江街道、桥头街道、渡头桥镇（并列）；排名全区后三的为：高崇山镇、石桥街道、汽车站街道。",
		},
		{
			name: "two ties in one group",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:         [][]string{{"甲", "乙"}, {"丙"}, {"丁", "戊"}},
				Bottom:      one("己", "庚", "辛"),
				BottomExact: true, K: 3, Applicable: 12, Total: 12,
			},
			want: "排名全区靠前的为：甲、乙（并列），丙，丁、戊（并列）；排名全区后三的为：己、庚、辛。",
		},
		{
			name: "label and subset together",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:    one("石桥街道", "东风路街道", "兴隆街道"),
				Bottom: [][]string{{"爱莲街道", "火车站乡"}},
				K:      3, Applicable: 5, Total: 12, Label: "林长制工作",
			},
			want: "涉及该项工作共5个乡镇（街道），其中林长制工作排名靠前的为：石桥街道、东风路街道、兴隆街道；排名靠后的为：爱莲街道、火车站乡（并列）。",
		},
		{
			name: "empty bottom: everyone tied",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top: [][]string{{"甲", "乙", "丙", "丁"}},
				K:   3, Applicable: 12, Total: 12,
			},
			want: "排名全区靠前的为：甲、乙、丙、丁（并列）。",
		},
		{
			// A run shorter than the townships counted is not all of them
			// (above: 4 of 12); all 12 tied is said so, 0 complaints in each.
			name: "every township tied",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top: [][]string{{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"}},
				K:   3, Applicable: 12, Total: 12,
			},
			want: "全区12个乡镇（街道）排名并列第一。",
		},
		{
			name: "every township of a subset tied, with a label",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top: [][]string{{"甲", "乙", "丙", "丁", "戊"}},
				K:   3, Applicable: 5, Total: 12, Label: "林长制工作",
			},
			want: "涉及该项工作的5个乡镇（街道）林长制工作排名并列第一。",
		},
		{
			name: "every unit of a group tied",
			r: Ranking{Scope: "全市", Unit: "县（市、区）", Group: "市辖区组",
				Top: [][]string{{"甲区", "乙区", "丙区"}},
				K:   2, Applicable: 3, Total: 3,
			},
			want: "市辖区组3个县（市、区）排名并列第一。",
		},
		{
			name: "empty top, label goes to the bottom clause",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Bottom: one("甲", "乙", "丙"), BottomExact: true,
				K: 3, Applicable: 12, Total: 12, Label: "空气质量",
			},
			want: "空气质量排名全区后三的为：甲、乙、丙。",
		},
		{
			name: "empty runs and names are skipped",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      [][]string{{}, {"甲"}, {"乙", ""}, {"丙"}},
				Bottom:   [][]string{{}, {"", ""}},
				TopExact: true, K: 3,
			},
			want: "排名全区前三的为：甲、乙、丙。",
		},
		{
			name: "group size five",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top:      one("甲", "乙", "丙", "丁", "戊"),
				Bottom:   one("子", "丑", "寅", "卯", "辰"),
				TopExact: true, BottomExact: true, K: 5, Applicable: 10, Total: 10,
			},
			want: "排名全区前五的为：甲、乙、丙、丁、戊；排名全区后五的为：子、丑、寅、卯、辰。",
		},
		{
			name: "counts unknown: treated as all",
			r: Ranking{Scope: "全区", Unit: "乡镇（街道）",
				Top: one("甲", "乙", "丙"), TopExact: true, K: 3,
			},
			want: "排名全区前三的为：甲、乙、丙。",
		},
		{
			name: "groups: the group's name in place of the scope (DESIGN §5.3, §5.8)",
			r: Ranking{Scope: "全市", Unit: "县（市、区）", Group: "县（市）组",
				Top: one("舞钢市", "汝州市"), Bottom: one("郏县", "鲁山县"),
				TopExact: true, BottomExact: true, K: 2, Applicable: 4, Total: 4,
			},
			want: "县（市）组排名前两名的为：舞钢市、汝州市；排名后两名的为：郏县、鲁山县。",
		},
		{
			name: "groups with a label",
			r: Ranking{Scope: "全市", Unit: "县（市、区）", Group: "市辖区组", Label: "空气质量",
				Top: one("卫东区"), Bottom: one("湛河区"),
				TopExact: true, BottomExact: true, K: 1, Applicable: 2, Total: 2,
			},
			want: "市辖区组空气质量排名第一的为：卫东区；排名最后的为：湛河区。",
		},
		{
			name: "groups, a subset of the group",
			r: Ranking{Scope: "全市", Unit: "县（市、区）", Group: "县（市）组",
				Top: one("舞钢市"), Bottom: one("郏县"),
				K: 2, Applicable: 3, Total: 4,
			},
			want: "县（市）组涉及该项工作共3个县（市、区），其中排名靠前的为：舞钢市；排名靠后的为：郏县。",
		},
		{
			name: "other words: scope and unit from [terms]",
			r: Ranking{Scope: "全县", Unit: "乡镇",
				Top: one("城关镇", "东乡"), Bottom: one("西乡"), TopExact: true, K: 2, Applicable: 4, Total: 5,
			},
			want: "涉及该项工作共4个乡镇，其中排名前两名的为：城关镇、东乡；排名靠后的为：西乡。",
		},
		{
			name: "nothing",
			r:    Ranking{K: 3, Applicable: 12, Total: 12, Label: "空气质量", Scope: "全区"},
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RankingSentence(tt.r); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// runsOf reads "甲,乙;丙" as runs [[甲 乙] [丙]] for the fuzz target.
func runsOf(s string) [][]string {
	if s == "" {
		return nil
	}
	var runs [][]string
	for _, r := range strings.Split(s, ";") {
		runs = append(runs, strings.Split(r, ","))
	}
	return runs
}

func FuzzRankingSentence(f *testing.F) {
	f.Add("火车站乡;兴隆街道;石桥街道", "桥头街道;渡头桥镇;爱莲街道", true, true, 3, 12, 12, "")
	f.Add("爱莲街道;石桥街道,汽车站街道", "桥头街道;小江湖街道;火车站乡", false, true, 3, 12, 12, "")
	f.Add("石桥街道;东风路街道;兴隆街道", "爱莲街道,火车站乡", false, false, 3, 5, 12, "")
	f.Add("汽车站街道;龙须塘街道;桥头街道", "高崇山镇;渡头桥镇;爱莲街道", true, true, 3, 12, 12, "空气质量")
	f.Add("", "", false, false, 0, 0, 0, "")
	f.Add(";,", ",;", true, false, -7, -1, 3, "\xff")
	f.Add("a", "", true, true, math.MinInt, 1, math.MaxInt, "x")
	f.Fuzz(func(t *testing.T, top, bottom string, topExact, bottomExact bool, k, applicable, total int, label string) {
		// Names and labels come from UTF-8 TOML files; make fuzzed ones so.
		top, bottom, label = strings.ToValidUTF8(top, "?"), strings.ToValidUTF8(bottom, "?"), strings.ToValidUTF8(label, "?")
		r := Ranking{Scope: "全区", Unit: "乡镇（街道）",
			Top: runsOf(top), Bottom: runsOf(bottom),
			TopExact: topExact, BottomExact: bottomExact,
			K: k, Applicable: applicable, Total: total, Label: label,
		}
		s := RankingSentence(r)
		if !utf8.ValidString(s) {
			t.Fatalf("RankingSentence(%+v) = %q is not valid UTF-8", r, s)
		}
		named := strings.ReplaceAll(strings.ReplaceAll(top+bottom, ";", ""), ",", "") != ""
		if named != (s != "") {
			t.Fatalf("RankingSentence(%+v) = %q: names given %v", r, s, named)
		}
		if s != "" && !strings.HasSuffix(s, "。") {
			t.Fatalf("RankingSentence(%+v) = %q does not end with 。", r, s)
		}
	})
}

func TestListed(t *testing.T) {
	for in, want := range map[string]string{
		"乡镇（街道）":    "乡镇、街道",
		"县（市、区）":    "县（市、区）", // 县 alone is no word: the term is written whole
		"村（社区）":     "村（社区）",
		"镇（街道）":     "镇（街道）",
		"部门（单位）":    "部门、单位",
		"乡镇（街道、园区）": "乡镇、街道、园区",
		"乡镇":        "乡镇",
		"（街道）":      "（街道）",
		"县（市）组成员":   "县（市）组成员",
	} {
		if got := Listed(in); got != want {
			t.Errorf("Listed(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKind: the noun a count of some units takes, by hand from the
// names: the streets of 乡镇（街道） are 街道, its townships (镇 and 乡
// alike) 乡镇, the two together the term whole; 县（市、区）'s cities 市.
func TestKind(t *testing.T) {
	for _, c := range []struct {
		noun  string
		names []string
		want  string
	}{
		{"乡镇（街道）", []string{"城关街道", "城东街道", "城西街道"}, "街道"},
		{"乡镇（街道）", []string{"石门镇", "杨柳乡", "东岭乡"}, "乡镇"},
		{"乡镇（街道）", []string{"石门镇", "城关街道"}, "乡镇（街道）"},
		{"乡镇（街道）", []string{"石门镇", "经济开发区"}, "乡镇（街道）"}, // 开发区 is of no kind
		{"乡镇（街道）", nil, "乡镇（街道）"},
		{"县（市、区）", []string{"舞钢市", "汝州市"}, "市"},
		{"县（市、区）", []string{"郏县", "宝丰县"}, "县"},
		{"县（市、区）", []string{"郏县", "舞钢市"}, "县（市、区）"},
		{"村（社区）", []string{"新华社区", "东风社区"}, "社区"},
		{"乡镇", []string{"石门镇"}, "乡镇"},
		{"市直部门", []string{"市发改委"}, "市直部门"},
	} {
		if got := Kind(c.noun, c.names); got != c.want {
			t.Errorf("Kind(%q, %q) = %q, want %q", c.noun, c.names, got, c.want)
		}
	}
}

func TestOrder(t *testing.T) {
	runs := [][]string{{"舞钢市"}, {"郏县", "宝丰县"}, {"鲁山县"}}
	if got, want := Order(runs), "舞钢市，郏县、宝丰县（并列），鲁山县"; got != want {
		t.Errorf("Order = %q, want %q", got, want)
	}
	if got, want := NumberedOrder(runs, []int{1, 2, 4}), "第一名舞钢市，第二名郏县、宝丰县（并列），第四名鲁山县"; got != want {
		t.Errorf("NumberedOrder = %q, want %q", got, want)
	}
	if got, want := NumberedOrder(one("舞钢市", "郏县", "宝丰县"), []int{1, 2, 3}), "第一名舞钢市、第二名郏县、第三名宝丰县"; got != want {
		t.Errorf("NumberedOrder = %q, want %q", got, want)
	}
}

func TestOr(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"约谈"}, "约谈"},
		{[]string{"约谈", "提醒约谈"}, "约谈或提醒约谈"},
		{[]string{"重点工作", "重点项目", "重点任务"}, "重点工作、重点项目或重点任务"},
		{[]string{"“通报表扬”", "“约谈”"}, "“通报表扬”或“约谈”"},
		// Latin words stand apart from the Chinese around them.
		{[]string{"month", "quarter", "half", "year"}, "month、quarter、half 或 year"},
		{[]string{"约谈", "B级"}, "约谈或 B级"},
	} {
		if got := Or(c.in); got != c.want {
			t.Errorf("Or(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSpaced(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"应为", "约谈", "应为约谈"},
		{"应为", "“约谈”", "应为“约谈”"},
		{"应为", "higher", "应为 higher"},
		{"应为", "`true`", "应为 `true`"},
		{"section", "应为", "section 应为"},
		{"x ", "应为", "x 应为"},
		{"", "higher", "higher"},
		{"应为", "", "应为"},
	} {
		if got := Spaced(c.a, c.b); got != c.want {
			t.Errorf("Spaced(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func TestAnd(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"年度"}, "年度"}, {[]string{"季度", "年度"}, "季度和年度"}, {[]string{"季度", "半年", "年度"}, "季度、半年和年度"}} {
		if got := And(c.in); got != c.want {
			t.Errorf("And(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAdjustments(t *testing.T) {
	tests := []struct {
		in   []Adjustment
		want string
	}{
		{nil, ""},
		{[]Adjustment{{"县财政局", 2, "获省级表彰"}}, "综合得分含加减分：县财政局加2分（获省级表彰）。"},
		{[]Adjustment{{"县财政局", 2, "获省级表彰"}, {"县水利局", -1.5, ""}, {"县住建局", 0.25, "信息迟报"}},
			"综合得分含加减分：县财政局加2分（获省级表彰）；县水利局减1.5分；县住建局加0.25分（信息迟报）。"},
	}
	for _, tt := range tests {
		if got := Adjustments(tt.in); got != tt.want {
			t.Errorf("Adjustments(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCountNoun: what a count of each count unit is a number of, by
// hand: 名 counts people, 人次 is its own noun.
func TestCountNoun(t *testing.T) {
	for unit, want := range map[string]string{"件": "件数", "起": "起数", "次": "次数", "人": "人数", "名": "人数", "人次": "人次", "户": "户数", "处": "处数"} {
		if got := CountNoun(unit); got != want {
			t.Errorf("CountNoun(%q) = %q, want %q", unit, got, want)
		}
	}
}

// TestBetter: a score is higher or lower, a count more or fewer.
func TestBetter(t *testing.T) {
	for _, c := range []struct {
		count, higher bool
		want          string
	}{{false, true, "越高"}, {false, false, "越低"}, {true, true, "越多"}, {true, false, "越少"}} {
		if got := Better(c.count, c.higher); got != c.want {
			t.Errorf("Better(%v, %v) = %q, want %q", c.count, c.higher, got, c.want)
		}
	}
}
