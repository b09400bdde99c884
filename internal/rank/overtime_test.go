package rank

import (
	"strings"
	"testing"
)

// The tests of this file hold the 考核办法 changing over time: an
// indicator's [[indicator.change]] and a rule's from and until. Each
// month is ranked, composed and measured by the rules of its own time,
// so that a change for next year leaves every published month as it was.

// twoIndicators is a catalogue of x and y, both scored for every
// township; y's weight is 3 from 2024-03 on.
const twoIndicators = `[[indicator]]
id = "x"
name = "指标X"
section = "重点工作"
townships = "all"
[[indicator]]
id = "y"
name = "指标Y"
section = "重点工作"
townships = "all"
[[indicator.change]]
from = "2024-03"
weight = 3
`

// xy writes a month scoring x and y.
func xy(x, y string) string {
	return month(x) + "\n" + strings.ReplaceAll(month(y), `"x"`, `"y"`)
}

// A weight changed from 2024-03 composes 2024-03 by the new weight and
// the months before by the old, and a quarter sums the composites each
// month published.
//
//	every month: x 甲 1, 乙 2, 丙 3 → points 100, 66.67, 33.33
//	             y 乙 1, 丙 2, 甲 3 → points 100, 66.67, 33.33
//	2024-01, 02 (x 1, y 1): 甲 (100 + 33.33)/2 = 66.67
//	                        乙 (66.67 + 100)/2 = 83.33
//	                        丙 (33.33 + 66.67)/2 = 50
//	2024-03 (x 1, y 3):     甲 (100 + 3·33.33)/4 = 200/4 = 50
//	                        乙 (66.67 + 3·100)/4 = 1100/12 = 91.67
//	                        丙 (33.33 + 3·66.67)/4 = 700/12 = 58.33
//	2024-Q1 mean-points:    甲 (66.67 + 66.67 + 50)/3 = 61.11
//	                        乙 (83.33 + 83.33 + 91.67)/3 = 86.11
//	                        丙 (50 + 50 + 58.33)/3 = 52.78
func TestWeightChange(t *testing.T) {
	scores := xy("甲=90 乙=80 丙=70", "乙=90 丙=80 甲=70")
	s := loadSite(t, "", towns("甲", "乙", "丙"), map[string]string{
		"data/indicators.toml":         twoIndicators,
		"data/2024-01.toml":            scores,
		"data/2024-02.toml":            scores,
		"data/2024-03.toml":            scores,
		"content/circulars/2024-q1.md": "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"季度\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n",
	})
	res := Archive(s)
	for _, c := range []struct{ period, want string }{
		{"2024-01", "乙1(83.33) 甲2(66.67) 丙3(50)"},
		{"2024-02", "乙1(83.33) 甲2(66.67) 丙3(50)"},
		{"2024-03", "乙1(91.67) 丙2(58.33) 甲3(50)"},
		{"2024-Q1", "乙1(86.11) 甲2(61.11) 丙3(52.78)"},
	} {
		if got := order(res.Period(c.period).Groups[0].Composite); got != c.want {
			t.Errorf("%s composite: %s, want %s", c.period, got, c.want)
		}
	}
}

// A change of decimals that makes a tie, and of direction that turns a
// ranking round (competition ties):
//
//	scores every month: 甲 90.4, 乙 90.2, 丙 80
//	2024-01 (2 decimals, higher): 甲 1, 乙 2, 丙 3
//	2024-02 (0 decimals):         甲 90, 乙 90 → 甲 1, 乙 1 (in file order), 丙 3
//	2024-03 (0 decimals, lower):  丙 1, 甲 2, 乙 2
func TestDecimalsAndDirectionChange(t *testing.T) {
	scores := month("甲=90.4 乙=90.2 丙=80")
	s := loadSite(t, "", towns("甲", "乙", "丙"), map[string]string{
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\ntownships = \"all\"\n" +
			"[[indicator.change]]\nfrom = \"2024-03\"\nbetter = \"lower\"\n" +
			"[[indicator.change]]\nfrom = \"2024-02\"\ndecimals = 0\n",
		"data/2024-01.toml": scores,
		"data/2024-02.toml": scores,
		"data/2024-03.toml": scores,
	})
	res := Archive(s)
	for _, c := range []struct{ period, want string }{
		{"2024-01", "甲1(90.4) 乙2(90.2) 丙3(80)"},
		{"2024-02", "甲1(90) 乙1(90) 丙3(80)"},
		{"2024-03", "丙1(80) 甲2(90) 乙2(90)"},
	} {
		if got := order(res.Period(c.period).Groups[0].Indicator("x").Ranked); got != c.want {
			t.Errorf("%s x: %s, want %s", c.period, got, c.want)
		}
	}
}

// From 2025 the last two, not three, are 约谈: a rule until 2024-12 and
// its successor from 2025-01, each in force in its own months only.
//
//	both months: 甲 90, 乙 80, 丙 70, 丁 60, 戊 50, 己 40 → ranks 1…6
//	2024-12: bottom three 丁, 戊, 己 (the first rule)
//	2025-01: bottom two 戊, 己 (the second)
func TestRuleSpans(t *testing.T) {
	scores := month("甲=90 乙=80 丙=70 丁=60 戊=50 己=40")
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "bottom"
count = 3
until = "2024-12"
action = "约谈"

[[rule]]
on = "composite"
select = "bottom"
count = 2
from = "2025-01"
action = "约谈"
`, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-12.toml": scores,
		"data/2025-01.toml": scores,
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0],
		"丁 约谈 0 （乡镇、街道综合考核排名后三）config.toml:5",
		"戊 约谈 0 （乡镇、街道综合考核排名后三）config.toml:5",
		"己 约谈 0 （乡镇、街道综合考核排名后三）config.toml:5",
	)
	wantMeasures(t, ms[1],
		"戊 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:12",
		"己 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:12",
	)
}

// A streak rule from 2025-01 counts only the periods from then on: 戊,
// last in 2024-12 and 2025-01, is not punished in 2025-01 for 2024-12,
// a month the rule was not in force; in 2025-02, last again, it is. The
// same rule without from fires in 2025-01 already.
//
//	every month: 甲 90, 乙 80, 戊 50 → 戊 last
func TestStreakFromItsMonth(t *testing.T) {
	scores := month("甲=90 乙=80 戊=50")
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "last"
streak = 2
from = "2025-01"
action = "约谈"

[[rule]]
on = "composite"
select = "last"
streak = 2
action = "提醒约谈"
`, towns("甲", "乙", "戊"), map[string]string{
		"data/2024-12.toml": scores,
		"data/2025-01.toml": scores,
		"data/2025-02.toml": scores,
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1], "戊 提醒约谈 0 （连续2个月综合考核排名倒数第一）config.toml:12")
	wantMeasures(t, ms[2],
		"戊 约谈 0 （连续2个月综合考核排名倒数第一）config.toml:5",
		"戊 提醒约谈 0 （连续2个月综合考核排名倒数第一）config.toml:12",
	)
}

// A quarterly rule is in force for a quarter whose last month lies in its
// span: one until 2025-02 is not for 2025-Q1, one from 2025-03 is.
func TestAggregateRuleSpan(t *testing.T) {
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "first"
period = "quarter"
until = "2025-02"
action = "奖励"
amount = 10000

[[rule]]
on = "composite"
select = "first"
period = "quarter"
from = "2025-03"
action = "奖励"
amount = 20000
`, towns("甲", "乙"), map[string]string{
		"data/2025-01.toml":            month("甲=90 乙=80"),
		"content/circulars/2025-q1.md": "+++\nnumber = \"测政办函〔2025〕1号\"\ntitle = \"季度\"\ndate = 2025-04-10\ndata = \"2025-Q1\"\n+++\n",
	})
	wantMeasures(t, Archive(s).Period("2025-Q1"), "甲 奖励 20000 （乡镇、街道第一季度综合考核排名第一）config.toml:13")
}
