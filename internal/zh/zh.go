// Package zh writes the Chinese wording of a circular: numerals, ranks,
// amounts, dates and the ranking sentences of DESIGN.md §5.3–§5.4.
//
// It takes plain strings and integers so that the wording can be checked on
// its own, against the seed's sentences, without any ranking machinery.
package zh

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var digits = [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n in Chinese numerals, as ranks are written in a circular
// (DOMAIN.md §3): 0 → 零, 10 → 十, 12 → 十二, 101 → 一百零一,
// 110 → 一百一十, 1010 → 一千零一十, 10000 → 一万, −3 → 负三.
//
// A leading 一十 is shortened to 十 (十二, 十万) but an inner one is not
// (一百一十). The digit 2 is always 二, also before 百/千/万 where speech
// prefers 两 (二千, not 两千): documents write ranks and counts with the
// same digit everywhere, and ranks — the only numerals in practice — never
// reach those places.
func Numeral(n int) string {
	if n < 0 {
		// Through uint64 so that the most negative int has a magnitude too.
		return "负" + numeral(uint64(-(n+1))+1)
	}
	return numeral(uint64(n))
}

func numeral(n uint64) string {
	if n == 0 {
		return digits[0]
	}
	var b strings.Builder
	writeNumeral(&b, n, true)
	return b.String()
}

// writeNumeral writes n > 0. Numbers of 10⁴ and more are split at 亿 (10⁸)
// or 万 (10⁴); a 零 marks a gap of zeros before the lower part.
// leading says n begins the whole numeral (for 十 versus 一十).
func writeNumeral(b *strings.Builder, n uint64, leading bool) {
	for _, u := range [...]struct {
		size uint64
		name string
	}{{1e8, "亿"}, {1e4, "万"}} {
		if n < u.size {
			continue
		}
		writeNumeral(b, n/u.size, leading)
		b.WriteString(u.name)
		if low := n % u.size; low > 0 {
			if low < u.size/10 {
				b.WriteString(digits[0])
			}
			writeNumeral(b, low, false)
		}
		return
	}
	writeSection(b, int(n), leading)
}

// writeSection writes 0 < n < 10000.
func writeSection(b *strings.Builder, n int, leading bool) {
	places := [4]string{"千", "百", "十", ""}
	gap := false // a zero digit after a written one, not yet marked by 零
	started := false
	for i, p := 0, 1000; p > 0; i, p = i+1, p/10 {
		d := n / p % 10
		switch {
		case d == 0:
			gap = started
		default:
			if gap {
				b.WriteString(digits[0])
				gap = false
			}
			if !(d == 1 && p == 10 && !started && leading) {
				b.WriteString(digits[d])
			}
			b.WriteString(places[i])
			started = true
		}
	}
}

// Ordinal writes n as an ordinal: 12 → 第十二.
func Ordinal(n int) string {
	return "第" + Numeral(n)
}

// RankPhrase writes a rank: 第五, or 并列第五 when it is shared.
func RankPhrase(rank int, tied bool) string {
	if tied {
		return "并列" + Ordinal(rank)
	}
	return Ordinal(rank)
}

// RankSentence writes an entry's city and peer ranks (DESIGN §5.4), the
// city's ranking named by cityLabel ([terms] city and cityRank: 全市综合排名)
// and the peers by districtLabel:
//
//	全市综合排名第十，三区第三。
//	全市综合排名并列第五，三区并列第一。
//	全市综合排名第十二。      (city only)
//	三区排名第三。            (peer only)
//
// A rank of 0 or less means the entry has none; with neither it returns "".
func RankSentence(cityLabel string, city int, cityTie bool, district int, districtTie bool, districtLabel string) string {
	switch {
	case city > 0 && district > 0:
		return cityLabel + RankPhrase(city, cityTie) + "，" + districtLabel + RankPhrase(district, districtTie) + "。"
	case city > 0:
		return cityLabel + RankPhrase(city, cityTie) + "。"
	case district > 0:
		return districtLabel + "排名" + RankPhrase(district, districtTie) + "。"
	}
	return ""
}

// Amount writes a sum of money in 元 the way circulars do (DOMAIN.md §3):
// 5000 元 or more in whole hundreds as 万元 with trailing zeros trimmed
// (50000 → 5万元, 5000 → 0.5万元, 12500 → 1.25万元), anything else in 元
// (3000 → 3000元, 12345 → 12345元), so that no amount is ever rounded.
func Amount(yuan int64) string {
	if yuan < 5000 || yuan%100 != 0 {
		return strconv.FormatInt(yuan, 10) + "元"
	}
	s := strconv.FormatInt(yuan/10000, 10)
	if frac := yuan % 10000 / 100; frac > 0 {
		f := strconv.FormatInt(frac+100, 10)[1:] // two digits: 5 → "05"
		s += "." + strings.TrimRight(f, "0")
	}
	return s + "万元"
}

// An Adjustment is one 加减分 on a unit's composite, as its month file
// gives it: the unit's name, the points (negative for 减分) and the
// reason, which may be empty.
type Adjustment struct {
	Unit   string
	Points float64
	Reason string
}

// Adjustments says which 加减分 a composite includes, in the order given:
// 综合得分含加减分：县财政局加2分（获省级表彰）；县水利局减1.5分。 — so that a
// reader can reproduce a composite the adjustments moved. None gives "".
// Points are written as given, never rounded (0.25 → 0.25分).
func Adjustments(as []Adjustment) string {
	if len(as) == 0 {
		return ""
	}
	parts := make([]string, len(as))
	for i, a := range as {
		verb, points := "加", a.Points
		if points < 0 {
			verb, points = "减", -points
		}
		parts[i] = a.Unit + verb + strconv.FormatFloat(points, 'f', -1, 64) + "分"
		if a.Reason != "" {
			parts[i] += "（" + a.Reason + "）"
		}
	}
	return "综合得分含加减分：" + strings.Join(parts, "；") + "。"
}

// Date writes a date without zero padding: 2023年4月3日.
func Date(y, m, d int) string {
	return strconv.Itoa(y) + "年" + strconv.Itoa(m) + "月" + strconv.Itoa(d) + "日"
}

// Or lists alternatives, as a message says what a value may be:
// 约谈或提醒约谈, 重点工作、重点项目或重点任务, “通报表扬”或“约谈”. Chinese
// puts no space around 或; beside a Latin word it stands apart, as the
// messages write one in Chinese text (see Spaced): higher 或 lower.
func Or(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return Spaced(Spaced(Join(values[:len(values)-1]), "或"), values[len(values)-1])
}

// Spaced joins two pieces of text as Chinese text mixed with Latin is
// written: a space between them where one meets the other in a Latin
// letter, digit or sign (应为 higher, 写作 `true`), none between Chinese
// characters or punctuation (应为约谈, 应为“约谈”).
func Spaced(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if a == "" || b == "" || !(latin(last) || latin(first)) || last == ' ' || first == ' ' {
		return a + b
	}
	return a + " " + b
}

// latin reports whether r is a printable ASCII character, which Chinese
// text sets apart by a space.
func latin(r rune) bool { return r > ' ' && r < utf8.RuneSelf }

// And lists names as a heading says them, the last after 和: 年度,
// 季度和年度, 季度、半年和年度.
func And(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return Join(names[:len(names)-1]) + "和" + names[len(names)-1]
}

// Join lists names with the enumeration comma: 火车站乡、兴隆街道.
func Join(names []string) string {
	return strings.Join(names, "、")
}

// Label names a group (DESIGN §5.2): 前三/后三 when it is exactly the first
// or last k, 靠前/靠后 otherwise. Two read 前两名/后两名, as one says it;
// other sizes the bare numeral: 前五, 后十; one, 第一/最后.
func Label(k int, top, exact bool) string {
	switch {
	case exact && k == 1 && top:
		return "第一"
	case exact && k == 1:
		return "最后"
	case exact && top:
		return "前" + count(k)
	case exact:
		return "后" + count(k)
	case top:
		return "靠前"
	}
	return "靠后"
}

// count is k of 前k/后k.
func count(k int) string {
	if k == 2 {
		return "两名"
	}
	return Numeral(k)
}

// Listed writes a unit noun as a reason names the units: as a list of
// its kinds when each kind is a word, 乡镇（街道） → 乡镇、街道; as it is
// when a kind is a single character, 县（市、区）, 村（社区）, 镇（街道）:
// 县 or 村 stands as a noun only bound to a word before it (各县, 本村),
// so 县、市、区 reads as abbreviations, and official documents write such
// a term whole. A noun without a bracketed part at its end is returned
// as it is.
func Listed(noun string) string {
	open := strings.Index(noun, "（")
	if open <= 0 || !strings.HasSuffix(noun, "）") {
		return noun
	}
	kinds := append([]string{noun[:open]}, strings.Split(strings.TrimSuffix(noun[open+len("（"):], "）"), "、")...)
	for _, k := range kinds {
		if utf8.RuneCountInString(k) < 2 {
			return noun
		}
	}
	return strings.Join(kinds, "、")
}

// Kind is the one of noun's kinds that every name is of, where noun
// names its kinds as Listed reads them (乡镇（街道）: 乡镇 and 街道), so
// that a count of some of the units says what they are: an indicator
// only the streets take part in is 涉及该项工作共3个街道, and one the
// townships alone 共14个乡镇, not 共3个乡镇（街道）. A name is of the
// kinds it ends with (城关街道: 街道; 舞钢市: 市) or, ending with none,
// of those whose characters hold its last one (石门镇, 杨柳乡: 乡镇). When
// the names are of several kinds, or of none or more than one each, or
// noun lists no kinds, it returns noun.
func Kind(noun string, names []string) string {
	open := strings.Index(noun, "（")
	if open <= 0 || !strings.HasSuffix(noun, "）") || len(names) == 0 {
		return noun
	}
	kinds := append([]string{noun[:open]}, strings.Split(strings.TrimSuffix(noun[open+len("（"):], "）"), "、")...)
	found := ""
	for _, name := range names {
		var of []string
		for _, k := range kinds {
			if k != "" && strings.HasSuffix(name, k) && name != k {
				of = append(of, k)
			}
		}
		if len(of) == 0 {
			last, _ := utf8.DecodeLastRuneInString(name)
			for _, k := range kinds {
				if utf8.RuneCountInString(k) > 1 && strings.ContainsRune(k, last) && utf8.RuneCountInString(name) > 1 {
					of = append(of, k)
				}
			}
		}
		if len(of) != 1 || found != "" && of[0] != found {
			return noun
		}
		found = of[0]
	}
	return found
}

// Order writes a ranking whole (township-ranking), runs of tied names as
// §5.3 writes a group: 甲、乙，丙、丁（并列），戊.
func Order(runs [][]string) string { return groupBody(runs) }

// NumberedOrder writes a ranking whole with each place named:
// 第一名舞钢市、第二名郏县、第三名宝丰县; a tie shares its place,
// 第二名郏县、宝丰县（并列）, and runs are then joined by ，.
func NumberedOrder(runs [][]string, ranks []int) string {
	items := make([][]string, len(runs))
	for i, run := range runs {
		items[i] = slices.Clone(run)
		if len(items[i]) > 0 {
			items[i][0] = Ordinal(ranks[i]) + "名" + items[i][0]
		}
	}
	return groupBody(items)
}

// A Ranking is what the ranking sentence of one indicator says.
type Ranking struct {
	// Top and Bottom are the groups as runs of names, best first; a run of
	// more than one name is a tie.
	Top, Bottom [][]string
	// TopExact and BottomExact choose 前三/后三 over 靠前/靠后.
	TopExact, BottomExact bool
	// K is the group size, written as a numeral in 前三/后三.
	K int
	// Applicable and Total count the townships the indicator applies to and
	// all townships (of the group); when fewer apply the sentence says how
	// many.
	Applicable, Total int
	// Label is the indicator's rankingLabel (e.g. 空气质量), or "".
	Label string
	// Scope names all ranked units ([terms] scope, 全区) and Unit a ranked
	// unit ([terms] unit, 乡镇（街道）).
	Scope, Unit string
	// Group is the unit group ranked, in a site with groups (DESIGN §5.8):
	// its name leads the sentence in place of the scope.
	Group string
	// Unreported are the names of the groups that did not report their
	// value (未报送) and are ranked by the office's rule: the sentence
	// says so after them, or a reader takes 后三 for the scores'.
	Unreported []string
}

// RankingSentence writes the ranking sentence of DESIGN §5.3:
//
//	排名全区前三的为：火车站乡、兴隆街道、石桥街道；排名全区后三的为：桥头街道、渡头桥镇、爱莲街道。
//	县（市）组排名前两名的为：舞钢市、汝州市；排名后两名的为：郏县、鲁山县。
//
// An empty group's clause is left out; with both empty it returns "".
// When every township ranked ties (0 complaints in each), the sentence
// says so rather than listing them all as 靠前 with no 靠后:
//
//	全区12个乡镇（街道）排名并列第一。
//	涉及该项工作的5个乡镇（街道）林长制工作排名并列第一。
func RankingSentence(r Ranking) string {
	subset := r.Applicable > 0 && r.Applicable < r.Total
	if n := allTied(r); n > 0 {
		lead := r.Scope
		switch {
		case subset:
			lead = r.Group + "涉及该项工作的"
		case r.Group != "":
			lead = r.Group
		}
		return lead + strconv.Itoa(n) + "个" + r.Unit + r.Label + "排名并列第一。"
	}
	var clauses []string
	for _, g := range [...]struct {
		runs  [][]string
		top   bool
		exact bool
	}{{r.Top, true, r.TopExact}, {r.Bottom, false, r.BottomExact}} {
		body := markedBody(g.runs, r.Unreported)
		if body == "" {
			continue
		}
		c := "排名"
		if len(clauses) == 0 {
			c = r.Label + c
			if r.Group != "" && !subset {
				c = r.Group + c
			}
		}
		if !subset && r.Group == "" {
			c += r.Scope
		}
		clauses = append(clauses, c+Label(r.K, g.top, g.exact)+"的为："+body)
	}
	if len(clauses) == 0 {
		return ""
	}
	s := strings.Join(clauses, "；") + "。"
	if subset {
		s = r.Group + "涉及该项工作共" + strconv.Itoa(r.Applicable) + "个" + r.Unit + "，其中" + s
	}
	return s
}

// allTied is the number of townships r ranks when all of them, two or
// more, tie (one run, the top group, and no bottom group), else 0. A run
// shorter than the townships counted (some not ranked that month) is not
// all of them.
func allTied(r Ranking) int {
	if groupBody(r.Bottom) != "" {
		return 0
	}
	var all []string
	for _, run := range r.Top {
		run = slices.DeleteFunc(slices.Clone(run), func(name string) bool { return name == "" })
		if len(run) == 0 {
			continue
		}
		if all != nil {
			return 0 // two runs: not one tie
		}
		all = run
	}
	n := r.Total
	if r.Applicable > 0 && r.Applicable < r.Total {
		n = r.Applicable
	}
	if len(all) < 2 || len(all) != n {
		return 0
	}
	return n
}

// markedBody lists a group's runs as groupBody does, with the runs'
// members that did not report (unreported) said so: 己乡（未报送）; a tie
// of them 戊乡、己乡（未报送，并列）; one of them tied with units that did
// report, at the lowest score, 丁乡、己乡（并列，己乡未报送）.
func markedBody(runs [][]string, unreported []string) string {
	var items []string
	tie := false
	for _, run := range runs {
		run = slices.DeleteFunc(slices.Clone(run), func(name string) bool { return name == "" })
		var un []string
		for _, name := range run {
			if slices.Contains(unreported, name) {
				un = append(un, name)
			}
		}
		switch {
		case len(run) == 0:
			continue
		case len(run) == 1 && len(un) == 1:
			items = append(items, run[0]+"（未报送）")
		case len(run) == 1:
			items = append(items, run[0])
		case len(un) == len(run):
			items = append(items, Join(run)+"（未报送，并列）")
			tie = true
		case len(un) > 0:
			items = append(items, Join(run)+"（并列，"+Join(un)+"未报送）")
			tie = true
		default:
			items = append(items, Join(run)+"（并列）")
			tie = true
		}
	}
	if tie {
		return strings.Join(items, "，")
	}
	return Join(items)
}

// groupBody lists a group's runs: ties as 甲、乙（并列）, runs joined by 、
// or, when any run is a tie, by ， so that the tie reads as one item.
// Empty names and runs are skipped rather than written as a stray 、.
func groupBody(runs [][]string) string { return markedBody(runs, nil) }

// CountNoun names what a count is a number of, by its unit (an
// indicator's scoreUnit 件, 起, 次, 名): 件数, 起数, 次数, 人数. A count's
// value is not a score — 信访件数 of 1 is 1件, not 得分1 — and a heading
// or a sentence names it so. 名 counts people (人数); 人次 is its own
// noun.
func CountNoun(unit string) string {
	switch unit {
	case "名":
		return "人数"
	case "人次":
		return "人次"
	}
	return unit + "数"
}

// Better says which way a value ranks first: a score 越高 or 越低, a
// count 越多 or 越少 (the more 信访件数, the worse; 0件 is not a low
// score but no case at all).
func Better(count, higher bool) string {
	switch {
	case count && higher:
		return "越多"
	case count:
		return "越少"
	case higher:
		return "越高"
	}
	return "越低"
}
