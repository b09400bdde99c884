package site

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"tongbao/internal/zh"
)

// A PeriodKind says what span of time a period covers: a month, whose
// results are a month file's, or a quarter, a half or a year, whose
// results are aggregated from the month files in it (DESIGN.md §5.10).
type PeriodKind int

const (
	Monthly PeriodKind = iota
	Quarterly
	HalfYearly
	Yearly
)

// periodKinds are the kinds as a [[rule]]'s period = names them.
var periodKinds = []string{"month", "quarter", "half", "year"}

// String is the kind as config.toml writes it: month, quarter, half, year.
func (k PeriodKind) String() string { return periodKinds[k] }

// Noun is the kind as a period of it is called: 月, 季度, 半年, 年度 (a
// year's column is 年度, its circular 2024年度).
func (k PeriodKind) Noun() string {
	return [...]string{"月", "季度", "半年", "年度"}[k]
}

// Every is how often an office assessing by kind k assesses: 每月,
// 每季度, 每半年, 每年.
func (k PeriodKind) Every() string {
	return [...]string{"每月", "每季度", "每半年", "每年"}[k]
}

// Said is what config.toml says of an office assessing by kind k, as
// a diagnostic about a file not of such a period begins: 本站每季度考核
// 一次（config.toml 的 [assessment] period = "quarter"）.
func (k PeriodKind) Said() string {
	return fmt.Sprintf("本站%s考核一次（config.toml 的 [assessment] period = \"%s\"）", k.Every(), k)
}

// Written is how the file of month n writes the period of kind k it
// reports, and the other way it may be written: "4-6月" and "第二季度"
// of June for quarters, "1-6月" and "上半年", "1-12月" and "全年"; ""
// when no period of kind k ends with month n (and of months, which a
// file writes as it likes).
func (k PeriodKind) Written(n int) (period, named string) {
	switch {
	case k == Quarterly && n%3 == 0:
		return fmt.Sprintf("%d-%d月", n-2, n), "第" + zh.Numeral(n/3) + "季度"
	case k == HalfYearly && n == 6:
		return "1-6月", "上半年"
	case k == HalfYearly && n == 12:
		return "7-12月", "下半年"
	case k == Yearly && n == 12:
		return "1-12月", "全年"
	}
	return "", ""
}

// NotEnding says that month n of year y ends no period of kind k, which
// the office assesses by (Said): which files it has instead, and what
// to do with a file of that month.
func (k PeriodKind) NotEnding(y, n int) string {
	var files []string
	for m := 1; m <= 12; m++ {
		if w, _ := k.Written(m); w != "" {
			files = append(files, "data/"+Period{Kind: Monthly, Year: y, N: m}.Key()+".toml")
		}
	}
	example, _ := k.Written(12)
	return fmt.Sprintf("%s，数据文件是每%s最后一个月的，%d年的是 %s（如 %s 的 period = \"%s\"），%d月不是%s的最后一个月："+
		"这个月的数据不是一期考核的，删去它或移出 data/；本站其实每月考核的，把 config.toml 的 [assessment] period 改为 \"month\"",
		k.Said(), k.Noun(), y, strings.Join(files, "、"), files[len(files)-1], example, n, k.Noun())
}

// Ending is the first month at or after month (a key, "2025-07") that
// ends a period of kind k, the month a unit set up in month is first
// assessed in: 2025-09 of 2025-07 for quarters, month itself for months
// (and "" or a key not a month). Units within their span at it are those
// ranked together from month on.
func (k PeriodKind) Ending(month string) string { return k.ending(month, Period.nextMonth) }

// LastEnding is the last month at or before month (a key) that ends a
// period of kind k, the month a unit with until = month is last assessed
// in: 2025-06 of 2025-07 for quarters, month itself for months (and ""
// or a key not a month).
func (k PeriodKind) LastEnding(month string) string { return k.ending(month, Period.prevMonth) }

// ending is the first month from month (a key) on that ends a period of
// kind k, going a month at a time by step: Ending forward, LastEnding
// back. Every kind's periods end in December, so either finds one within
// a year.
func (k PeriodKind) ending(month string, step func(Period) Period) string {
	p, ok := ParsePeriod(month)
	if !ok || p.Kind != Monthly || k == Monthly {
		return month
	}
	for {
		if w, _ := k.Written(p.N); w != "" {
			return p.Key()
		}
		p = step(p)
	}
}

// Counted is the kind as periods of it are counted, in the phrase
// 连续2个月 of a streak's reason and 共4个月: 个月, 个季度, 个半年度, 年.
// A half year is counted as 半年度, the period official documents call
// it by (半年度考核): 连续2个半年 would read as two and a half years.
func (k PeriodKind) Counted() string {
	return [...]string{"个月", "个季度", "个半年度", "年"}[k]
}

// Each is the kind as one period of it is called after 本, 上, 当, 该,
// 各 and 每: 本月, 上季度无排名, 当年度. A half year is 期 there (上期无
// 排名, 当期通报): 上半年 and 本半年 name the first half and a half of
// this year, never the half before or this one.
func (k PeriodKind) Each() string {
	return [...]string{"月", "季度", "期", "年度"}[k]
}

// Column is the kind as a column of periods of it is headed, and as
// 点击月份 names one: 月份, 季度, 半年度, 年度.
func (k PeriodKind) Column() string {
	return [...]string{"月份", "季度", "半年度", "年度"}[k]
}

// This is one period of kind k as a warning points at its file: 这个月份,
// 这个季度, 这一期 (of half years, as Reword says it), 这个年度.
func (k PeriodKind) This() string {
	if k == Monthly {
		return "这个月份"
	}
	return k.Reword().Replace("这个月")
}

// Reword is a replacer that puts text written of months (本月, 当月, 各
// 月, 这个月: the fields' help, the open data's docs) in the words of an
// office whose every file reports a period of kind k (Site.Assesses):
// 本季度, 当季度, 各季度, 这个季度 of quarters; 本期, 当期, 各期, 这一期
// of half years (Each). A monthly office's text is left as written.
func (k PeriodKind) Reword() *strings.Replacer {
	if k == Monthly {
		return strings.NewReplacer()
	}
	this := "这个" + k.Each()
	if k.Each() == "期" {
		this = "这一期"
	}
	return strings.NewReplacer("本月", "本"+k.Each(), "当月", "当"+k.Each(), "各月", "各"+k.Each(), "这个月", this)
}

// These names n periods of kind k still being gathered, as the preview
// and check say them: 这个月, 这几个月; 这个季度, 这几个季度; 这一期, 这几期
// (of half years, as Reword says it); 这个年度, 这几个年度.
func (k PeriodKind) These(n int) string {
	if n <= 1 {
		return k.Reword().Replace("这个月")
	}
	if k == HalfYearly {
		return "这几期"
	}
	return "这几个" + k.Each()
}

// A Period is the span one set of results covers: a month file's month,
// or a quarter, half or year of them.
type Period struct {
	Kind PeriodKind
	Year int
	N    int // the month 1…12, the quarter 1…4 or the half 1…2; 0 for a year
}

// Key is the period as data = writes it: "2023-02", "2024-Q1", "2024-H1",
// "2024".
func (p Period) Key() string {
	switch p.Kind {
	case Quarterly:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case HalfYearly:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	case Yearly:
		return fmt.Sprintf("%04d", p.Year)
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.N)
}

// Label is the period as titles and captions write it: 2023年2月,
// 2024年第一季度, 2024年上半年, 2024年度. A month file may name its month
// otherwise (period = "1-2月"): Month.Label says so, and ranked results
// carry that label.
func (p Period) Label() string {
	switch p.Kind {
	case Quarterly:
		return fmt.Sprintf("%d年第%s季度", p.Year, [...]string{"", "一", "二", "三", "四"}[p.N])
	case HalfYearly:
		return fmt.Sprintf("%d年%s半年", p.Year, [...]string{"", "上", "下"}[p.N])
	case Yearly:
		return fmt.Sprintf("%d年度", p.Year)
	}
	return fmt.Sprintf("%d年%d月", p.Year, p.N)
}

// InYear is the period as named within its year, as a measure's reason
// says which ranking it is: 第一季度, 上半年, 年度 (a year's is 年度, as
// 年度综合考核 is said), 2月. The circular's title gives the year.
func (p Period) InYear() string {
	l := p.Label()
	if p.Kind == Yearly {
		return "年度"
	}
	return l[len(strconv.Itoa(p.Year)+"年"):]
}

// Of is the period of kind k that month p lies in: 2024-Q1 of
// 2024-02 for quarters, 2024-H1 for halves, 2024 for years.
func (k PeriodKind) Of(p Period) Period {
	switch k {
	case Quarterly:
		return Period{Kind: k, Year: p.Year, N: (p.N-1)/3 + 1}
	case HalfYearly:
		return Period{Kind: k, Year: p.Year, N: (p.N-1)/6 + 1}
	case Yearly:
		return Period{Kind: k, Year: p.Year}
	}
	return p
}

// Months are the first and last month of the period.
func (p Period) Months() (first, last int) {
	switch p.Kind {
	case Quarterly:
		return 3*p.N - 2, 3 * p.N
	case HalfYearly:
		return 6*p.N - 5, 6 * p.N
	case Yearly:
		return 1, 12
	}
	return p.N, p.N
}

// LastMonth is the key of the period's last month, "2024-03" for
// 2024-Q1: the month its circular is written after.
func (p Period) LastMonth() string {
	_, last := p.Months()
	return fmt.Sprintf("%04d-%02d", p.Year, last)
}

// nextMonth is the month after month p (a Monthly period).
func (p Period) nextMonth() Period {
	if p.N == 12 {
		return Period{Kind: Monthly, Year: p.Year + 1, N: 1}
	}
	return Period{Kind: Monthly, Year: p.Year, N: p.N + 1}
}

// prevMonth is the month before month p (a Monthly period).
func (p Period) prevMonth() Period {
	if p.N == 1 {
		return Period{Kind: Monthly, Year: p.Year - 1, N: 12}
	}
	return Period{Kind: Monthly, Year: p.Year, N: p.N - 1}
}

// Contains reports whether month m of year y lies in the period.
func (p Period) Contains(y, m int) bool {
	first, last := p.Months()
	return y == p.Year && first <= m && m <= last
}

var periodRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$`)

// ParsePeriod reads a period key as data = writes it: "2023-02",
// "2024-Q1", "2024-H2" or "2024".
func ParsePeriod(s string) (Period, bool) {
	m := periodRE.FindStringSubmatch(s)
	if m == nil {
		return Period{}, false
	}
	year, _ := strconv.Atoi(m[1])
	p := Period{Kind: Yearly, Year: year}
	switch {
	case m[2] != "":
		p.Kind, p.N = Monthly, atoi(m[2])
		if p.N < 1 || p.N > 12 {
			return Period{}, false
		}
	case m[3] != "":
		p.Kind, p.N = Quarterly, atoi(m[3])
	case m[4] != "":
		p.Kind, p.N = HalfYearly, atoi(m[4])
	}
	return p, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// PeriodText is a month file's period as titles write it (GB/T 15835
// numbers, GB/T 15834 dashes): the digits and hyphen a Chinese input
// method types full-width made ASCII (１-２月, 1－2月), a month without
// its zero (02月) or 份 (1-2月份), no spaces around the dash or the
// whole, an en dash a hyphen and an ASCII tilde the wave dash ～, and a
// quarter's number in words as the site writes it (第1季度 is 第一季度). A clerk's typing is
// read as meant, and the title does not print it.
func PeriodText(period string) string {
	p := strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '－', r == '–':
			return '-'
		case r == '~':
			return '～'
		}
		return asciiDigit(r)
	}, period))
	if strings.HasSuffix(p, "月份") {
		p = strings.TrimSuffix(p, "份") // 1-2月份 is 1-2月: 份 is what city-bottom adds
	}
	if first, last, dash, ok := MonthSpan(p); ok {
		return fmt.Sprintf("%d%s%d月", first, dash, last)
	}
	if m := monthRE.FindStringSubmatch(p); m != nil {
		return fmt.Sprintf("%d月", atoi(m[1]))
	}
	if m := quarterNumberRE.FindStringSubmatch(p); m != nil {
		return "第" + zh.Numeral(atoi(m[1])) + "季度"
	}
	return p
}

var quarterNumberRE = regexp.MustCompile(`^第?([1-4])季度$`)

// asciiDigits is s with the full-width digits a Chinese input method
// types (０–９) made ASCII, and nothing else: a title's ，and － stay.
func asciiDigits(s string) string { return strings.Map(asciiDigit, s) }

// asciiDigit is r, or the ASCII digit if r is a full-width one.
func asciiDigit(r rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	return r
}
