package site

import (
	"strings"
	"testing"
)

func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		key, label  string
		kind        PeriodKind
		first, last int
	}{
		{"2023-02", "2023年2月", Monthly, 2, 2},
		{"2024-Q1", "2024年第一季度", Quarterly, 1, 3},
		{"2024-Q4", "2024年第四季度", Quarterly, 10, 12},
		{"2024-H1", "2024年上半年", HalfYearly, 1, 6},
		{"2024-H2", "2024年下半年", HalfYearly, 7, 12},
		{"2024", "2024年度", Yearly, 1, 12},
	} {
		p, ok := ParsePeriod(c.key)
		if !ok || p.Kind != c.kind || p.Key() != c.key || p.Label() != c.label {
			t.Errorf("%s: %+v %v, key %s, label %s", c.key, p, ok, p.Key(), p.Label())
		}
		if first, last := p.Months(); first != c.first || last != c.last {
			t.Errorf("%s: months %d–%d, want %d–%d", c.key, first, last, c.first, c.last)
		}
		if !p.Contains(p.Year, c.first) || !p.Contains(p.Year, c.last) || p.Contains(p.Year+1, c.first) || c.first > 1 && p.Contains(p.Year, c.first-1) {
			t.Errorf("%s: Contains is wrong", c.key)
		}
	}
	for _, bad := range []string{"2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-H3", "24", "2024-1", "2024年", "2024-02-01", ""} {
		if p, ok := ParsePeriod(bad); ok {
			t.Errorf("ParsePeriod(%q) = %+v, want refused", bad, p)
		}
	}
	if Monthly.Counted() != "个月" || Quarterly.Counted() != "个季度" || HalfYearly.Counted() != "个半年度" || Yearly.Counted() != "年" {
		t.Error("Counted")
	}
	// 上期, not 上半年: a half's words after 上, 当, 本 name the one before.
	if Monthly.Each() != "月" || Quarterly.Each() != "季度" || HalfYearly.Each() != "期" ||
		Monthly.Column() != "月份" || Quarterly.Column() != "季度" || HalfYearly.Column() != "半年度" {
		t.Error("Each, Column")
	}
	const help = "本月不涉及本项工作的单位（如当月没有规模以上工业企业），各月的见这个月的"
	for k, want := range map[PeriodKind]string{
		Monthly:    help,
		Quarterly:  "本季度不涉及本项工作的单位（如当季度没有规模以上工业企业），各季度的见这个季度的",
		HalfYearly: "本期不涉及本项工作的单位（如当期没有规模以上工业企业），各期的见这一期的",
	} {
		if got := k.Reword().Replace(help); got != want {
			t.Errorf("%v.Reword: %s, want %s", k, got, want)
		}
	}
}

// TestMonthKinds: the kind of period a month file reports, as its period
// writes it: a quarter or a half year only when the span ends with the
// file's month and starts where the calendar's quarter or half does.
func TestMonthKinds(t *testing.T) {
	for _, c := range []struct {
		key, period string
		kind        PeriodKind
		reported    string
	}{
		{"2024-06", "1-6月", HalfYearly, "2024-H1"},
		{"2024-12", "7-12月", HalfYearly, "2024-H2"},
		{"2024-12", "7—12月", HalfYearly, "2024-H2"},
		{"2024-06", "上半年", HalfYearly, "2024-H1"},
		{"2024-12", "下半年度", HalfYearly, "2024-H2"},
		{"2024-06", "4-6月", Quarterly, "2024-Q2"},
		{"2024-06", "第二季度", Quarterly, "2024-Q2"},
		{"2024-06", "6月", Monthly, "2024-06"},
		{"2024-06", "", Monthly, "2024-06"},
		{"2024-06", "下半年", Monthly, "2024-06"}, // the wrong half
		{"2024-12", "上半年", Monthly, "2024-12"},
		{"2024-06", "2-6月", Monthly, "2024-06"},
		{"2024-07", "2-7月", Monthly, "2024-07"}, // six months, not a half
		{"2024-05", "1-5月", Monthly, "2024-05"},
		{"2024-12", "1-12月", Yearly, "2024"}, // an office assessing once a year
		{"2024-12", "1—12月", Yearly, "2024"},
		{"2024-12", "全年", Yearly, "2024"},
		{"2024-12", "年度", Yearly, "2024"},
		{"2024-11", "1-11月", Monthly, "2024-11"},
		{"2024-11", "全年", Monthly, "2024-11"}, // a year ends with December
		{"2024-12", "2-12月", Monthly, "2024-12"},
	} {
		y, mo := atoi(c.key[:4]), atoi(c.key[5:])
		m := &Month{Key: c.key, Year: y, Month: mo, Period: c.period}
		if got := m.Kind(); got != c.kind || m.Reported().Key() != c.reported {
			t.Errorf("%s of %q: %v, reported %s; want %v, %s", c.key, c.period, got, m.Reported().Key(), c.kind, c.reported)
		}
	}
	months := func(periods ...string) []*Month {
		var ms []*Month
		for i, p := range periods {
			ms = append(ms, &Month{Year: 2024 + i/2, Month: 6 * (1 + i%2), Period: p})
		}
		return ms
	}
	for _, c := range []struct {
		months []*Month
		want   PeriodKind
	}{
		{months("1-6月", "7-12月", "1-6月"), HalfYearly},
		{months("上半年", "7-12月"), HalfYearly},
		{months("1-6月", "12月"), Monthly},
		{months("4-6月", "10-12月"), Quarterly},
		{months("4-6月", "7-12月"), Monthly},
		{nil, Monthly},
	} {
		if got := FilesKind(c.months); got != c.want {
			t.Errorf("FilesKind(%d files) = %v, want %v", len(c.months), got, c.want)
		}
	}
}

// A year's file named 全年 or 年度 is titled 2024年度, as annual circulars
// are, not 2024年全年 or 2024年年度; one of 1-12月 keeps its months. A
// period's name within its year is what an aggregate's reason says.
func TestYearLabels(t *testing.T) {
	for period, want := range map[string]string{"全年": "2024年度", "年度": "2024年度", "1-12月": "2024年1-12月", "12月": "2024年12月"} {
		if got := (&Month{Year: 2024, Month: 12, Period: period}).Label(); got != want {
			t.Errorf("2024-12 of %q: %s, want %s", period, got, want)
		}
	}
	for key, want := range map[string]string{"2024": "年度", "2024-Q1": "第一季度", "2024-H2": "下半年", "2024-02": "2月"} {
		if p, _ := ParsePeriod(key); p.InYear() != want {
			t.Errorf("%s in its year: %s, want %s", key, p.InYear(), want)
		}
	}
}

// TestPeriodThis: a warning points at a file as 这个月份, 这个季度, 这一期
// (上半年 names the first half, never this one), 这个年度.
func TestPeriodThis(t *testing.T) {
	for k, want := range map[PeriodKind]string{Monthly: "这个月份", Quarterly: "这个季度", HalfYearly: "这一期", Yearly: "这个年度"} {
		if got := k.This(); got != want {
			t.Errorf("%v.This() = %q, want %q", k, got, want)
		}
	}
}

// TestPeriodNamesOtherMonths: a monthly office's month file whose period
// names months other than its own, or nothing, is refused at its line;
// the months it may name — its own, the months so far that end with it,
// the quarter, half or year that ends with it — load. Messages written
// from the rule: data/2023-02.toml is February's; 第一季度 and 下半年 end
// in March and December.
func TestPeriodNamesOtherMonths(t *testing.T) {
	const file = "data/2023-02.toml"
	for _, c := range []struct{ period, want string }{
		{`"5月"`, `data/2023-02.toml:1:1: data/2023-02.toml 是2月的数据，period 应为 "2月"（或累计的 "1-2月"），而不是“5月”`},
		{`"2-1月"`, `data/2023-02.toml:1:1: period“2-1月”不是一段月份：前一个月份在前，都在1～12月之间，如 "1-2月"`},
		{`"0-2月"`, `data/2023-02.toml:1:1: period“0-2月”不是一段月份：前一个月份在前，都在1～12月之间，如 "1-2月"`},
		{`"12-13月"`, `data/2023-02.toml:1:1: period“12-13月”不是一段月份：前一个月份在前，都在1～12月之间，如 "1-2月"`},
		{`"11-12月"`, `data/2023-02.toml:1:1: data/2023-02.toml 是2月的数据，period 应以2月结束，如 "1-2月"，而不是“11-12月”：标题会写成“2023年11-12月”`},
		{`"下半年"`, `data/2023-02.toml:1:1: data/2023-02.toml 是2月的数据，而“下半年”到12月才结束：它的数据写在 data/2023-12.toml 中，period 写 "下半年"；这个文件的 period 应为 "2月"（或累计的 "1-2月"）`},
		{`"全年"`, `data/2023-02.toml:1:1: data/2023-02.toml 是2月的数据，而“全年”到12月才结束：它的数据写在 data/2023-12.toml 中，period 写 "全年"；这个文件的 period 应为 "2月"（或累计的 "1-2月"）`},
		{`" "`, `data/2023-02.toml:1:1: period（期别）是空的：写上标题所用的期别，如 "1-2月"，或删去这一行（不写则为 "2月"）`},
	} {
		t.Run(c.period, func(t *testing.T) {
			wantDiagnostic(t, miniSite(), file, `period = "1-2月"`, "period = "+c.period, c.want)
		})
	}
	for _, period := range []string{`"2月"`, `"1-2月"`, `"1～2月"`, `"2-2月"`} {
		files := miniSite()
		files[file] = strings.Replace(files[file], `period = "1-2月"`, "period = "+period, 1)
		_, err := Load(writeSite(t, files))
		if period == `"2-2月"` {
			if err == nil {
				t.Errorf("period = %s loads: a span of one month is no span", period)
			}
			continue
		}
		if err != nil {
			t.Errorf("period = %s: %v", period, err)
		}
	}
}

// TestPeriodFullWidth: a period typed with a Chinese input method — its
// digits and hyphen full-width, spaces around them, a zero, an ASCII
// tilde, a quarter's number in digits — is read as meant, and titles
// print it as GB/T 15835 and 15834 write it; a span read so is checked
// as any other, and told as the clerk typed it.
func TestPeriodFullWidth(t *testing.T) {
	for _, c := range []struct{ typed, label string }{
		{"１-２月", "2023年1-2月"},
		{"１－２月", "2023年1-2月"},
		{"1－2月", "2023年1-2月"},
		{"1–2月", "2023年1-2月"},
		{" 1 - 2月　", "2023年1-2月"},
		{"01-02月", "2023年1-2月"},
		{"1~2月", "2023年1～2月"},
		{"1～2月", "2023年1～2月"},
		{"1—2月", "2023年1—2月"},
		{"１至２月", "2023年1至2月"},
		{"２月", "2023年2月"},
		{"02月", "2023年2月"},
	} {
		files := miniSite()
		files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `period = "1-2月"`, `period = "`+c.typed+`"`, 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Errorf("period = %q: %v", c.typed, err)
			continue
		}
		if got := s.Months[0].Label(); got != c.label {
			t.Errorf("period = %q: label %s, want %s", c.typed, got, c.label)
		}
	}
	for typed, want := range map[string]string{
		"第1季度": "第一季度", "4季度": "第四季度", "第一季度": "第一季度", "1-2月份": "1-2月", "3月份": "3月", "全年": "全年", "二月": "二月",
	} {
		if got := PeriodText(typed); got != want {
			t.Errorf("PeriodText(%q) = %q, want %q", typed, got, want)
		}
	}
	wantDiagnostic(t, miniSite(), "data/2023-02.toml", `period = "1-2月"`, `period = "１２－１３月"`,
		`data/2023-02.toml:1:1: period“１２－１３月”不是一段月份：前一个月份在前，都在1～12月之间，如 "1-2月"`)
	wantDiagnostic(t, miniSite(), "data/2023-02.toml", `period = "1-2月"`, `period = "第1季度"`,
		`data/2023-02.toml:1:1: data/2023-02.toml 是2月的数据，而“第一季度”到3月才结束：它的数据写在 data/2023-03.toml 中，period 写 "第一季度"；这个文件的 period 应为 "2月"（或累计的 "1-2月"）`)
}

// TestPeriodUnread: a period with the year in it is refused (the title
// puts the file's year before it: 2023年2023年1-2月); one tongbao reads
// as no month, span or named period is published as written and warned
// of — 二月 breaks the rule that dates are in Arabic digits, and 1、2月 or
// abc are more likely slips than an office's way of naming its months.
func TestPeriodUnread(t *testing.T) {
	const file = "data/2023-02.toml"
	for _, c := range []struct{ period, want string }{
		{`"2023年1-2月"`, `data/2023-02.toml:1:1: period 不写年份（年份是文件名 data/2023-02.toml 的）：写作 "1-2月"，而不是“2023年1-2月”，否则标题会写成“2023年2023年1-2月”`},
		{`"2023年"`, `data/2023-02.toml:1:1: period 不写年份（年份是文件名 data/2023-02.toml 的）：写作 "1-2月"，而不是“2023年”，否则标题会写成“2023年2023年”`},
		{`"２０２３年２月"`, `data/2023-02.toml:1:1: period 不写年份（年份是文件名 data/2023-02.toml 的）：写作 "2月"，而不是“２０２３年２月”，否则标题会写成“2023年2023年2月”`},
	} {
		wantDiagnostic(t, miniSite(), file, `period = "1-2月"`, "period = "+c.period, c.want)
	}
	for period, want := range map[string]string{
		"二月":    `data/2023-02.toml:1:1: 警告：period“二月”不是 tongbao 认得的期别（如 "2月"、"1-2月"、"第一季度"、"上半年"、"全年"）：标题照写为“2023年二月”，这个文件按2月的考核算`,
		"1、2月":  `data/2023-02.toml:1:1: 警告：period“1、2月”不是 tongbao 认得的期别（如 "2月"、"1-2月"、"第一季度"、"上半年"、"全年"）：标题照写为“2023年1、2月”，这个文件按2月的考核算`,
		"1-2月份": "",
	} {
		files := miniSite()
		files[file] = strings.Replace(files[file], `period = "1-2月"`, `period = "`+period+`"`, 1)
		got := loadWarnings(t, files)
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("period = %q: warnings %q, want %q", period, got, want)
		}
	}
}

// TestEnding: the month a unit set up in a month is first assessed in,
// and the one a unit with until = that month is last assessed in, by
// hand: the quarter, half and year a month lies in end in the third,
// sixth and twelfth months; going back from January crosses into the
// year before.
func TestEnding(t *testing.T) {
	for _, c := range []struct {
		kind               PeriodKind
		month, first, last string
	}{
		{Monthly, "2025-07", "2025-07", "2025-07"},
		{Quarterly, "2025-07", "2025-09", "2025-06"},
		{Quarterly, "2025-09", "2025-09", "2025-09"},
		{Quarterly, "2025-01", "2025-03", "2024-12"},
		{HalfYearly, "2025-07", "2025-12", "2025-06"},
		{HalfYearly, "2025-02", "2025-06", "2024-12"},
		{Yearly, "2025-01", "2025-12", "2024-12"},
		{Yearly, "2025-12", "2025-12", "2025-12"},
		{Quarterly, "2025-Q3", "2025-Q3", "2025-Q3"}, // not a month: as it is
		{Quarterly, "", "", ""},
	} {
		if got := c.kind.Ending(c.month); got != c.first {
			t.Errorf("%v.Ending(%q) = %q, want %q", c.kind, c.month, got, c.first)
		}
		if got := c.kind.LastEnding(c.month); got != c.last {
			t.Errorf("%v.LastEnding(%q) = %q, want %q", c.kind, c.month, got, c.last)
		}
	}
}
