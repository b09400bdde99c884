package site

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// spanSite is miniSite after a 行政区划调整: 丙镇 was 丙乡 until 2023-01,
// 丁乡 was merged into 乙街道 after 2023-01, and 戊镇 was set up in
// 2023-02. 2023-01 scores 丙乡, 丁乡 and the others; 2023-02 丙镇, 戊镇 and
// the others.
func spanSite() map[string]string {
	files := miniSite()
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], `[[township]]
name = "丙镇"
slug = "bing"
`, `[[township]]
name = "丙乡"
slug = "bingxiang"
until = "2023-01"
became = "丙镇"
[[township]]
name = "丙镇"
slug = "bing"
from = "2023-02"
[[township]]
name = "丁乡"
slug = "ding"
until = "2023-01"
became = "乙街道"
[[township]]
name = "戊镇"
slug = "wu"
from = "2023-02"
`, 1)
	files["data/indicators.toml"] += `[[indicator]]
id = "anquan"
name = "安全"
section = "重点工作"
townships = ["甲街道", "丙乡"]
`
	files["data/2023-01.toml"] = `[[result]]
indicator = "jingji"
[result.townships]
"甲街道" = 90
"乙街道" = 80
"丙乡" = 70
"丁乡" = 60
[[result]]
indicator = "anquan"
[result.townships]
"甲街道" = 1
"丙乡" = 2
`
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"丙镇" = 70
`, `"丙镇" = 70
"戊镇" = 75
[[result]]
indicator = "anquan"
[result.townships]
"甲街道" = 1
"丙镇" = 2
`, 1)
	return files
}

// A township's from, until and became: the months it is scored in, the
// one that continues it, and an indicator's list written before the
// change covering the township that continues one it names.
func TestAssessedSpans(t *testing.T) {
	s, err := Load(writeSite(t, spanSite()))
	if err != nil {
		t.Fatal(err)
	}
	u := func(name string) *Unit { return s.units[name] }
	for _, c := range []struct {
		name        string
		from, until string
		became      string
		was         []string
		in, out     []string
	}{
		{"甲街道", "", "", "", nil, []string{"2000-01", "2023-01", "2099-12"}, nil},
		{"乙街道", "", "", "", []string{"丁乡"}, []string{"2023-01", "2023-02"}, nil},
		{"丙乡", "", "2023-01", "丙镇", nil, []string{"2022-12", "2023-01"}, []string{"2023-02", "2024-01"}},
		{"丙镇", "2023-02", "", "", []string{"丙乡"}, []string{"2023-02", "2030-01"}, []string{"2023-01", "2022-02"}},
		{"丁乡", "", "2023-01", "乙街道", nil, []string{"2023-01"}, []string{"2023-02"}},
		{"戊镇", "2023-02", "", "", nil, []string{"2023-02"}, []string{"2023-01"}},
	} {
		x := u(c.name)
		became := ""
		if x.Became != nil {
			became = x.Became.Name
		}
		if x.From != c.from || x.Until != c.until || became != c.became || !slices.Equal(names(x.Was), c.was) {
			t.Errorf("%s: from %q until %q became %q was %v; want %q %q %q %v", c.name, x.From, x.Until, became, names(x.Was), c.from, c.until, c.became, c.was)
		}
		for _, m := range c.in {
			if !x.AssessedIn(m) {
				t.Errorf("%s is not assessed in %s", c.name, m)
			}
		}
		for _, m := range c.out {
			if x.AssessedIn(m) {
				t.Errorf("%s is assessed in %s", c.name, m)
			}
		}
	}
	if got := names(s.Indicator("anquan").Townships); !slices.Equal(got, []string{"甲街道", "丙乡", "丙镇"}) {
		t.Errorf("anquan ranks %v; want 甲街道, 丙乡 and 丙镇, which continues 丙乡", got)
	}
	if got := len(s.Month("2023-01").Result("jingji").Scores); got != 4 {
		t.Errorf("2023-01 has %d scores of jingji, want 4", got)
	}
}

// What is wrong in units.toml's spans, and a month's scores and entries
// of a township not assessed in it, each said where it is written, with
// the name to write instead.
func TestAssessedSpanProblems(t *testing.T) {
	const units, jan, feb = "data/units.toml", "data/2023-01.toml", "data/2023-02.toml"
	for _, c := range []struct{ name, file, old, new, want string }{
		{"not a month", units, `from = "2023-02"`, `from = "2023年2月"`,
			units + `:15:1: from 应为月份，写作 "2023-02"，而不是“2023年2月”`},
		{"six digits", units, `from = "2023-02"`, `from = "202302"`,
			units + `:15:1: from 应为月份，写作 "2023-02"，而不是“202302”`},
		{"one digit", units, `from = "2023-02"`, `from = "2023-2"`,
			units + `:15:1: from 应为月份，写作 "2023-02"，而不是“2023-2”`},
		{"a day", units, `from = "2023-02"`, `from = "2023/2/1"`,
			units + `:15:1: from 应为月份，写作 "2023-02"，而不是“2023/2/1”`},
		{"no year", units, `from = "2023-02"`, `from = "2月"`,
			units + `:15:1: from 应为月份，要写年份，如 "2022-07"，而不是“2月”`},
		{"no such month", units, `from = "2023-02"`, `from = "2023-13"`,
			units + `:15:1: from 应为月份，如 "2022-07"，而不是“2023-13”`},
		{"a year unquoted", units, `from = "2023-02"`, `from = 2023`,
			units + `:15:1: from（起始月份）应为字符串：加英文引号，写年和月，如 "2023-01"`},
		{"six digits unquoted", units, `from = "2023-02"`, `from = 202302`,
			units + `:15:1: from（起始月份）应为字符串：加英文引号，写作 "2023-02"`},
		{"a date unquoted", units, `from = "2023-02"`, `from = 2023-02-01`,
			units + `:15:1: from（起始月份）应为字符串：加英文引号，只写年月，写作 "2023-02"`},
		{"a quarter", units, `until = "2023-01"`, `until = "2023-Q1"`,
			units + `:10:1: until 应为月份`},
		{"until before from", units, `from = "2023-02"`, `from = "2023-02"
until = "2022-12"`, units + `:16:1: until（2022-12）早于 from（2023-02）：“丙镇”没有参加考核的月份`},
		{"became without until", units, "until = \"2023-01\"\nbecame = \"丙镇\"", `became = "丙镇"`,
			units + `:10:1: 写了 became（后续单位）也要写 until：“丙乡”最后参加考核的月份`},
		{"became itself", units, `became = "丙镇"`, `became = "丙乡"`,
			units + `:11:1: became（后续单位）不能是“丙乡”自己`},
		{"became a department", units, `became = "丙镇"`, `became = "区发改局"`,
			units + `:11:1: became（后续单位）：“区发改局”是区直单位，不是乡镇（街道）`},
		{"became one that ended first", units, `became = "乙街道"`, `became = "丙乡"`,
			units + `:20:1: became（后续单位）“丙乡”在 2023-01 之后不再参加考核（until = "2023-01"），不能接续“丁乡”`},
		{"the new name before", jan, `"丙乡" = 70`, `"丙镇" = 70`,
			jan + `:6:1: “丙镇”从 2023-02 起参加考核（units.toml 的 from），2023-01 没有它；此前应写作“丙乡”`},
		{"the old name after", feb, `"丙镇" = 70`, `"丙乡" = 70`,
			feb + `:8:1: “丙乡”在 2023-01 之后不再参加考核（units.toml 的 until），2023-02 没有它；此后应写作“丙镇”`},
		{"merged, scored after", feb, `"戊镇" = 75`, `"戊镇" = 75
"丁乡" = 1`, feb + `:10:1: “丁乡”在 2023-01 之后不再参加考核（units.toml 的 until），2023-02 没有它；此后应写作“乙街道”`},
		{"an adjustment", feb, `[categories]`, `[[adjustment]]
township = "丙乡"
points = 1
reason = "x"
[categories]`, feb + `:19:1: “丙乡”在 2023-01 之后不再参加考核`},
		{"an interview", jan, `"丙乡" = 2`, `"丙乡" = 2
[[interview]]
unit = "戊镇"
who = "行政负责人"
reason = "x"`, jan + `:14:1: “戊镇”从 2023-02 起参加考核`},
		{"still one missing", feb, "\"戊镇\" = 75\n", "",
			feb + `:5:1: 指标“经济”缺少乡镇（街道）“戊镇”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = "戊镇", reason = "不涉及的原因"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = ["戊镇"]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, maps.Clone(spanSite()), c.file, c.old, c.new, c.want)
		})
	}
}

// reformSite is miniSite after a 机构改革: 区发改局 was 区发改委 until
// 2023-01; indicators.toml names the department as it is now.
func reformSite() map[string]string {
	files := miniSite()
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], `[[department]]
name = "区发改局"
slug = "fagai"
`, `[[department]]
name = "区发改委"
slug = "fagaiwei"
until = "2023-01"
became = "区发改局"
[[department]]
name = "区发改局"
slug = "fagai"
from = "2023-02"
`, 1)
	files["data/2023-01.toml"] = `[[result]]
indicator = "jingji"
[result.townships]
"甲街道" = 90
"乙街道" = 80
"丙镇" = 70
[categories]
"一类" = ["区发改委", "区财政局"]
`
	return files
}

// A department's span: each month's categories list the departments
// assessed in it; an indicator owned under one name is owned under the
// other; categories carried into a month take the name it has then.
func TestReformedDepartments(t *testing.T) {
	s, err := Load(writeSite(t, reformSite()))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(s.Indicator("jingji").Owners); !slices.Equal(got, []string{"区发改局", "区发改委"}) {
		t.Errorf("jingji is owned by %v, want 区发改局 and 区发改委, which it continues", got)
	}
	old, now := s.units["区发改委"], s.units["区发改局"]
	fin := s.units["区财政局"]
	cats := []Category{{"一类", []*Unit{old, fin}}, {"二类", nil}}
	carried := CarryCategories(cats, "2023-02")
	if len(carried) != 2 || !slices.Equal(carried[0].Units, []*Unit{now, fin}) || len(carried[1].Units) != 0 {
		t.Errorf("carried into 2023-02: %v", carried)
	}
	// The new name already listed, in another category: not twice.
	cats = []Category{{"一类", []*Unit{old}}, {"二类", []*Unit{now, fin}}}
	if carried := CarryCategories(cats, "2023-02"); len(carried[0].Units) != 0 || !slices.Equal(carried[1].Units, []*Unit{now, fin}) {
		t.Errorf("carried with the new name listed: %v", carried)
	}
	if carried := CarryCategories(cats, "2023-01"); !slices.Equal(carried[0].Units, []*Unit{old}) || !slices.Equal(carried[1].Units, []*Unit{fin}) {
		t.Errorf("carried into 2023-01: %v", carried)
	}

	const units, jan, feb = "data/units.toml", "data/2023-01.toml", "data/2023-02.toml"
	for _, c := range []struct{ name, file, old, new, want string }{
		{"the old name after", feb, `"一类" = ["区发改局"]`, `"一类" = ["区发改委"]`,
			feb + `:13:9: “区发改委”在 2023-01 之后不再参加考核（units.toml 的 until），2023-02 没有它；此后应写作“区发改局”`},
		{"the new name before", jan, `["区发改委", "区财政局"]`, `["区发改局", "区财政局"]`,
			jan + `:8:9: “区发改局”从 2023-02 起参加考核（units.toml 的 from），2023-01 没有它；此前应写作“区发改委”`},
		{"one left out", jan, `["区发改委", "区财政局"]`, `["区财政局"]`,
			jan + `:7:1: 区直单位“区发改委”未列入 [categories]`},
		{"became a township", units, `became = "区发改局"`, `became = "甲街道"`,
			units + `:14:1: became（后续单位）：“甲街道”是乡镇（街道），不是区直单位`},
		{"became nothing known", units, `became = "区发改局"`, `became = "区发展改革局"`,
			units + `:14:1: became（后续单位）：未知区直单位“区发展改革局”`},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, maps.Clone(reformSite()), c.file, c.old, c.new, c.want)
		})
	}
}

// TestOldNameHidesItsSuccessorOnly: a township's name of before a
// 行政区划调整, used in a later month, means the unit that continues it,
// which is not said to be missing as well; another missing still is.
func TestOldNameHidesItsSuccessorOnly(t *testing.T) {
	const feb = "data/2023-02.toml"
	files := spanSite()
	files[feb] = strings.Replace(files[feb], "\"丙镇\" = 70\n\"戊镇\" = 75\n", "\"丙乡\" = 70\n", 1)
	_, err := Load(writeSite(t, files))
	want := feb + ":5:1: 指标“经济”缺少乡镇（街道）“戊镇”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"戊镇\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"戊镇\"]\n" +
		feb + ":8:1: “丙乡”在 2023-01 之后不再参加考核（units.toml 的 until），2023-02 没有它；此后应写作“丙镇”"
	if err == nil || err.Error() != want {
		t.Errorf("Load: %v\nwant:\n%s", err, want)
	}
}

// A township deleted from units.toml when it was merged, as an office
// might at the turn of the year, leaves every earlier month naming it:
// besides each of those, one line says to keep it with until and became.
// A name unknown in one month alone is a slip of that month: no more.
func TestTownshipDeletedTold(t *testing.T) {
	files := miniSite()
	files["data/2023-01.toml"] = monthAs(files["data/2023-02.toml"], 1)
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], "[[township]]\nname = \"丙镇\"\nslug = \"bing\"\n", "", 1)
	_, err := Load(writeSite(t, files))
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("Load returned %v", err)
	}
	want := []string{
		"data/2023-01.toml:8:1: 未知乡镇（街道）“丙镇”",
		"data/2023-02.toml:8:1: 未知乡镇（街道）“丙镇”",
		"data/units.toml:1:1: “丙镇”出现在 2 个月份的数据中（data/2023-01.toml 至 data/2023-02.toml），而 data/units.toml 中没有它：" +
			"撤销、合并或更名的单位不要删去，以前各月仍用它；写上 until（最后参加考核的月份）和 became（接续的单位），见 docs/rules.md 的“单位的设立、撤并和更名”",
	}
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	files = miniSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"丙镇" = 70`, `"某某乡" = 70`, 1)
	_, err = Load(writeSite(t, files))
	if err == nil || strings.Contains(err.Error(), "出现在") {
		t.Errorf("one month's slip: %v", err)
	}
}

// TestUnassessedToldOnce: a township written under its new name in every
// indicator's scores of a month before its from is one mistake, told
// once, where it is first written, with how many places to mend.
func TestUnassessedToldOnce(t *testing.T) {
	files := spanSite()
	const jan = "data/2023-01.toml"
	if strings.Count(files[jan], `"丙乡" = `) != 2 {
		t.Fatalf("%s does not score 丙乡 twice", jan)
	}
	files[jan] = strings.ReplaceAll(files[jan], `"丙乡" = `, `"丙镇" = `)
	_, err := Load(writeSite(t, files))
	l, ok := err.(diag.List)
	if !ok {
		t.Fatalf("Load returned %v, want a diag.List", err)
	}
	var told []string
	for _, d := range l {
		if strings.Contains(d.Msg, "丙镇") {
			told = append(told, d.String())
		}
	}
	want := jan + ":6:1: “丙镇”从 2023-02 起参加考核（units.toml 的 from），2023-01 没有它；此前应写作“丙乡”（这个文件中共 2 处写了它）"
	if len(told) != 1 || told[0] != want {
		t.Errorf("told\n%q\nwant\n%q", told, want)
	}
}
