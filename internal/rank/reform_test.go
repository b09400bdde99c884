package rank

import (
	"fmt"
	"strings"
	"testing"
)

// TestReformedDepartment: a department renamed in a 机构改革 (units.toml
// until, became, from), its indicator written in indicators.toml with the
// name it has now: each month's reward for the indicator's city rank goes
// to the department assessed in that month, the old name before, the new
// after.
func TestReformedDepartment(t *testing.T) {
	units := towns("甲", "乙") + `
[[department]]
name = "市发改委"
slug = "fagaiwei"
until = "2024-01"
became = "市发展改革委"
[[department]]
name = "市发展改革委"
slug = "fagai"
from = "2024-02"
`
	first := func() string {
		return "[[result]]\nindicator = \"x\"\ncity = 1\n[result.townships]\n\"甲\" = 90\n\"乙\" = 80\n"
	}
	s := loadSite(t, `
[[rule]]
on = "city"
select = "first"
action = "奖励"
amount = 1000
`, "", map[string]string{
		"data/units.toml":      units,
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\nowners = [\"市发展改革委\"]\ntownships = \"all\"\n",
		"data/2024-01.toml":    first(),
		"data/2024-02.toml":    first(),
	})
	if got := s.Indicator("x").Owners; len(got) != 2 {
		t.Fatalf("x is owned by %d departments, want the two names", len(got))
	}
	res := Archive(s)
	for key, want := range map[string]string{"2024-01": "市发改委 奖励 1000", "2024-02": "市发展改革委 奖励 1000"} {
		got := measureList(res.Period(key))
		if len(got) != 1 || !strings.HasPrefix(got[0], want+" ") {
			t.Errorf("%s: measures %q, want one: %s", key, got, want)
		}
	}
}

// A township set up to continue exactly one other (撤乡设镇: 丙乡 until
// 2024-01, became 丙镇, from 2024-02) keeps its streak: last in January
// as 丙乡 and in February as 丙镇 is two months running. One that another
// merged into (丁乡 into 乙, which was always there) starts its own: 乙
// last in February after 丁乡 was last in January is one month.
//
//	rename: 2024-01 甲 90, 乙 85, 丙乡 60 → 丙乡 last; 2024-02 甲 90, 乙 80, 丙镇 50 → 丙镇 last
//	merger: 2024-01 甲 90, 乙 85, 丁乡 50 → 丁乡 last; 2024-02 甲 90, 乙 40 → 乙 last
func TestStreakAcrossRename(t *testing.T) {
	const rule = `
[[rule]]
on = "composite"
select = "last"
streak = 2
action = "约谈"
who = "行政负责人"
`
	const fagai = "\n[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n"
	for _, c := range []struct {
		name, units, jan, feb, want string
	}{
		{"rename", towns("甲", "乙") + `[[township]]
name = "丙乡"
slug = "bingxiang"
until = "2024-01"
became = "丙镇"
[[township]]
name = "丙镇"
slug = "bingzhen"
from = "2024-02"
`, "甲=90 乙=85 丙乡=60", "甲=90 乙=80 丙镇=50", "丙镇 约谈 0 行政负责人（连续2个月"},
		{"merger", towns("甲", "乙") + `[[township]]
name = "丁乡"
slug = "dingxiang"
until = "2024-01"
became = "乙"
`, "甲=90 乙=85 丁乡=50", "甲=90 乙=40", ""},
		// 新镇 was set up in February while 丁乡 was still assessed (until
		// March): 丁乡 merges into a unit already there, whose streak is
		// its own — 丁乡's January is not 新镇's, though 新镇 has a from
		// and only 丁乡 became it.
		{"merger into a unit set up before", towns("甲", "乙") + `[[township]]
name = "丁乡"
slug = "dingxiang"
until = "2024-03"
became = "新镇"
[[township]]
name = "新镇"
slug = "xinzhen"
from = "2024-02"
`, "甲=90 乙=85 丁乡=50", "甲=90 乙=80 丁乡=70 新镇=40", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := loadSite(t, rule, "", map[string]string{
				"data/units.toml":   c.units + fagai,
				"data/2024-01.toml": month(c.jan),
				"data/2024-02.toml": month(c.feb),
			})
			got := measureList(Archive(s).Period("2024-02"))
			if c.want == "" && len(got) != 0 || c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want)) {
				t.Errorf("2024-02: %q, want %q", got, c.want)
			}
		})
	}
}

// A quarter's streak (period = "quarter", streak = 2) goes on across a
// rename as a month's does (docs/rules.md 连续期数), across the turn of
// the year, and over quarters no circular reports: one with no month
// file, and one with a month file but no quarterly circular — neither is
// a period of the rule (docs/rules.md 连续期数).
//
//	2023-Q4 (2023-10): 甲 90, 乙 80, 丙乡 60 → 丙乡 last
//	2024-Q1 (2024-01): 甲 90, 乙 80, 丙镇 50 → 丙镇 last; 丙镇 continues 丙乡 → two quarters
//	2024-Q2 (2024-04): 甲 60, 乙 80, 丙镇 90 → 甲 last, but no circular reports the quarter
//	2024-Q3 (2024-07): 甲 90, 乙 80, 丙镇 70 → 丙镇 last; the quarter before is Q1 → two quarters
//	2025-Q1 (2025-01): 甲 90, 乙 80, 丙镇 70 → 丙镇 last; Q4 has no month file, Q3 is before → two quarters
func TestQuarterStreakAcrossRename(t *testing.T) {
	const rule = `
[[rule]]
on = "composite"
select = "last"
period = "quarter"
streak = 2
action = "约谈"
`
	quarter := func(key string, n int) string {
		return fmt.Sprintf("+++\nnumber = \"测政办函〔2024〕%d号\"\ntitle = \"季度\"\ndate = 2024-12-10\ndata = %q\n+++\n", n, key)
	}
	s := loadSite(t, rule, "", map[string]string{
		"data/units.toml": towns("甲", "乙") + `[[township]]
name = "丙乡"
slug = "bingxiang"
until = "2023-12"
became = "丙镇"
[[township]]
name = "丙镇"
slug = "bingzhen"
from = "2024-01"

[[department]]
name = "市发改委"
slug = "fagai"
`,
		"data/2023-10.toml":            month("甲=90 乙=80 丙乡=60"),
		"data/2024-01.toml":            month("甲=90 乙=80 丙镇=50"),
		"data/2024-04.toml":            month("甲=60 乙=80 丙镇=90"),
		"data/2024-07.toml":            month("甲=90 乙=80 丙镇=70"),
		"data/2025-01.toml":            month("甲=90 乙=80 丙镇=70"),
		"content/circulars/2025-q1.md": quarter("2025-Q1", 4),
		"content/circulars/2023-q4.md": quarter("2023-Q4", 1),
		"content/circulars/2024-q1.md": quarter("2024-Q1", 2),
		"content/circulars/2024-q3.md": quarter("2024-Q3", 3),
	})
	res := Archive(s)
	wantMeasures(t, res.Period("2023-Q4"))
	wantMeasures(t, res.Period("2024-Q1"), "丙镇 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:5")
	wantMeasures(t, res.Period("2024-Q3"), "丙镇 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:5")
	wantMeasures(t, res.Period("2025-Q1"), "丙镇 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:5")
}

// In an office assessing by quarter or half year, a unit's until and its
// successor's from may share a month no period ends in (until =
// "2024-04", from = "2024-04": quarters end in 03, 06, 09, 12): the two
// were never assessed together, so the successor renames the unit and
// its streak goes on (docs/rules.md 单位的设立、撤并和更名). A shared
// month that ends a period (2024-06) is an overlap: a merger, whose
// streak starts over.
//
//	quarter: 2024-03 甲 90, 乙 80, 丙乡 60 → 丙乡 last; 2024-06 甲 90, 乙 80, 丙镇 50 → 丙镇 last: two quarters
//	half:    2024-06 甲 90, 乙 80, 丙乡 60 → 丙乡 last; 2024-12 甲 90, 乙 80, 丙镇 50 → 丙镇 last: two halves
func TestStreakAcrossRenameInAMonthNoPeriodEnds(t *testing.T) {
	const rule = `
[[rule]]
on = "composite"
select = "last"
streak = 2
action = "约谈"
`
	units := func(until, from string) string {
		return towns("甲", "乙") + fmt.Sprintf(`[[township]]
name = "丙乡"
slug = "bingxiang"
until = %q
became = "丙镇"
[[township]]
name = "丙镇"
slug = "bingzhen"
from = %q
`, until, from)
	}
	for _, c := range []struct {
		name, kind, until, from, first, firstPeriod, second, secondPeriod, want string
	}{
		{"quarter", "quarter", "2024-04", "2024-04", "2024-03", "1-3月", "2024-06", "4-6月", "丙镇 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:"},
		{"quarter, from the quarter's last month", "quarter", "2024-05", "2024-04", "2024-03", "1-3月", "2024-06", "4-6月", "丙镇 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:"},
		{"half", "half", "2024-09", "2024-07", "2024-06", "1-6月", "2024-12", "7-12月", "丙镇 约谈 0 （连续2个半年度综合考核排名倒数第一）config.toml:"},
		{"quarter, overlapping in a quarter's last month", "quarter", "2024-06", "2024-06", "2024-03", "1-3月", "2024-06", "4-6月", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			second := "甲=90 乙=80 丙镇=50"
			if c.want == "" {
				second = "甲=90 乙=80 丙乡=70 丙镇=50"
			}
			s := loadSite(t, "[assessment]\nperiod = \""+c.kind+"\"\n"+rule, "", map[string]string{
				"data/units.toml":            units(c.until, c.from) + "\n[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n",
				"data/" + c.first + ".toml":  "period = \"" + c.firstPeriod + "\"\n" + month("甲=90 乙=80 丙乡=60"),
				"data/" + c.second + ".toml": "period = \"" + c.secondPeriod + "\"\n" + month(second),
			})
			got := measureList(Archive(s).Period(c.second))
			if c.want == "" && len(got) != 0 || c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want)) {
				t.Errorf("%s: %q, want %q", c.second, got, c.want)
			}
		})
	}
}
