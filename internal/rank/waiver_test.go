package rank

import (
	"strconv"
	"strings"
	"testing"
)

// A [[waiver]] withholds a rule's measure in its month only: the rule
// stays, the next month gives the measure again, the streak it reads
// counts the waived month (it reads the ranks, not the measures), and a
// hand entry may give the unit the same action otherwise.
//
//	2024-01: 甲 90 乙 80 丙 70 丁 60 戊 50 → last 戊: 约谈 (rule 1, config.toml:8)
//	         withheld by the waiver; bottom two 丁, 戊 (rule 2's streak: one month)
//	         [[interview]] 戊 约谈 of 分管负责人 (line 15): no conflict, the rule's is gone
//	2024-02: 甲 90 乙 80 丙 70 丁 50 戊 60 → last 丁: 约谈; bottom two 戊, 丁 both a
//	         second month → 书面检查 (config.toml:14) for each, 戊's streak counting January
func TestWaiverWithholdsOneMonth(t *testing.T) {
	s := loadSite(t, `
[terms]
actions = ["奖励", "约谈", "书面检查"]

[[rule]]
on = "composite"
select = "last"
action = "约谈"
who = "主要负责人"

[[rule]]
on = "composite"
select = "bottom"
count = 2
streak = 2
action = "书面检查"
`, towns("甲", "乙", "丙", "丁", "戊"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=60 戊=50", `[[waiver]]
unit = "戊"
action = "约谈"
reason = "全力投入防汛救灾，本月不予约谈"

[[interview]]
unit = "戊"
who = "分管负责人"
reason = "汛期值班不到位"`),
		"data/2024-02.toml": month("甲=90 乙=80 丙=70 丁=50 戊=60"),
	})
	res := Archive(s)
	if err := res.Err(); err != nil {
		t.Fatalf("a waiver and a hand entry of the action it withholds: %v", err)
	}
	ms := res.Months()
	wantMeasures(t, ms[0], "戊 约谈 0 分管负责人（汛期值班不到位）data/2024-01.toml:15")
	if n := len(ms[0].Waived); n != 1 {
		t.Fatalf("2024-01 has %d waived measures, want 1", n)
	}
	w := ms[0].Waived[0]
	if got, want := w.Measure.Unit.Name+" "+w.Measure.Action+" "+w.Measure.Who+"（"+w.Measure.Reason+"）"+w.Measure.Source.Public(),
		"戊 约谈 主要负责人（乡镇、街道综合考核排名倒数第一）config.toml [[rule]] 第1条"; got != want {
		t.Errorf("waived %q, want %q", got, want)
	}
	if got, want := w.Reason+" "+w.Source.Public(), "全力投入防汛救灾，本月不予约谈 data/2024-01.toml [[waiver]] 第1条"; got != want {
		t.Errorf("the waiver %q, want %q", got, want)
	}
	wantMeasures(t, ms[1],
		"丁 约谈 0 主要负责人（乡镇、街道综合考核排名倒数第一）config.toml:8",
		"戊 书面检查 0 （连续2个月综合考核排名后两名）config.toml:14",
		"丁 书面检查 0 （连续2个月综合考核排名后两名）config.toml:14",
	)
	if len(ms[1].Waived) != 0 {
		t.Errorf("2024-02 withholds %v: a waiver is its month's only", ms[1].Waived)
	}
}

// A waiver no rule's measure answers is an error at the waiver, saying
// what the rules did give: a wrong unit, a hand entry (deleted, not
// waived), a second waiver of one measure.
//
//	甲 90 乙 80 丙 70 → the rule's 约谈 goes to 丙 alone
func TestStrayWaiver(t *testing.T) {
	s := loadSite(t, `
[terms]
actions = ["奖励", "约谈"]

[[rule]]
on = "composite"
select = "last"
action = "约谈"
`, towns("甲", "乙", "丙"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70", `[[waiver]]
unit = "乙"
action = "约谈"
reason = "防汛"

[[interview]]
unit = "甲"
who = "分管负责人"
reason = "汛期值班不到位"

[[waiver]]
unit = "甲"
action = "约谈"
reason = "防汛"

[[waiver]]
unit = "丙"
action = "约谈"
reason = "防汛"

[[waiver]]
unit = "丙"
action = "约谈"
reason = "防汛"`),
	})
	err := Archive(s).Err()
	if err == nil {
		t.Fatal("three stray waivers, no error")
	}
	want := []string{
		"data/2024-01.toml:8:1: [[waiver]] 没有可免的措施：2024年1月的奖惩规则没有对“乙”作出“约谈”（本期规则作出“约谈”的是 丙）；单位或措施写错了，或者排名变了、已不必免予，请核对或删去这一项",
		"data/2024-01.toml:18:1: [[waiver]] 没有可免的措施：2024年1月的奖惩规则没有对“甲”作出“约谈”：它是第 13 行手写的 [[interview]]，不采取就删去那一项",
		"data/2024-01.toml:28:1: [[waiver]] 没有可免的措施：2024年1月的奖惩规则没有对“丙”作出“约谈”，第 23 行的 [[waiver]] 已免予它，请删去其中之一",
	}
	if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// yearRules reward the year's first and 约谈 its last; a month's first
// is rewarded too, so that a year's waiver is seen to leave its months.
const yearRules = `
[terms]
actions = ["奖励", "约谈"]

[[rule]]
on = "composite"
select = "first"
action = "奖励"
amount = 5000

[[rule]]
on = "composite"
select = "first"
period = "year"
action = "奖励"
amount = 20000

[[rule]]
on = "composite"
select = "last"
period = "year"
action = "约谈"
`

// An annual circular's [[waiver]] withholds the year's measure a rule
// gives, as a month file's withholds a month's: a quarter, half or year
// has no month file. The months keep theirs.
//
//	2024-01, 2024-02: 甲 9 乙 8 丙 7 丁 6 → 甲 first, 丁 last in each month and in the year
//	(config.toml: three lines of loadSite's, then yearRules from line 4)
//	months: 甲 奖励 5000 (config.toml:8)
//	2024: 甲 奖励 20000 (config.toml:14) withheld by the circular's waiver (line 7); 丁 约谈 (config.toml:21)
func TestWaiverInAggregateCircular(t *testing.T) {
	s := loadSite(t, yearRules, towns("甲", "乙", "丙", "丁"), map[string]string{
		"data/2024-01.toml": month("甲=9 乙=8 丙=7 丁=6"),
		"data/2024-02.toml": month("甲=9 乙=8 丙=7 丁=6"),
		"content/circulars/2024.md": `+++
number = "测政办函〔2024〕9号"
title = "年度"
date = 2025-01-10
data = "2024"

[[waiver]]
unit = "甲"
action = "奖励"
reason = "发生较大安全生产事故，一票否决，取消年度评先评优资格"
+++
`,
	})
	res := Archive(s)
	if err := res.Err(); err != nil {
		t.Fatalf("a waiver of the year's reward: %v", err)
	}
	for _, m := range res.Months() {
		wantMeasures(t, m, "甲 奖励 5000 （乡镇、街道综合考核排名第一）config.toml:8")
		if len(m.Waived) != 0 {
			t.Errorf("%s withholds %v: the year's waiver is the year's", m.Label, m.Waived)
		}
	}
	y := res.Period("2024")
	wantMeasures(t, y, "丁 约谈 0 （乡镇、街道年度综合考核排名倒数第一）config.toml:21")
	if len(y.Waived) != 1 {
		t.Fatalf("the year withholds %d measures, want 1", len(y.Waived))
	}
	w := y.Waived[0]
	if got, want := w.Measure.Unit.Name+" "+w.Measure.Action+" "+strconv.FormatInt(w.Measure.Amount, 10)+"（"+w.Measure.Reason+"）"+w.Measure.Source.Public(),
		"甲 奖励 20000（乡镇、街道年度综合考核排名第一）config.toml [[rule]] 第2条"; got != want {
		t.Errorf("waived %q, want %q", got, want)
	}
	if got, want := w.Reason+" "+w.Source.Public(), "发生较大安全生产事故，一票否决，取消年度评先评优资格 content/circulars/2024.md [[waiver]] 第1条"; got != want {
		t.Errorf("the waiver %q, want %q", got, want)
	}
}

// A circular's waiver no rule's measure answers is an error at the
// waiver's line and column in the circular, as a month file's is at its
// line, saying what the year's rules gave.
//
//	2024: 甲 奖励 (rule 2), 丁 约谈 (rule 3)
//	line 7: 乙 奖励 — the rule rewards 甲
//	line 12: 甲 奖励 — withheld; line 16 (indented two, column 3): 甲 奖励 again
//	the quarter's circular: 丁 约谈 — no quarter's rule
func TestStrayCircularWaiver(t *testing.T) {
	s := loadSite(t, yearRules, towns("甲", "乙", "丙", "丁"), map[string]string{
		"data/2024-01.toml": month("甲=9 乙=8 丙=7 丁=6"),
		"content/circulars/2024.md": `+++
number = "测政办函〔2024〕9号"
title = "年度"
date = 2025-01-10
data = "2024"

[[waiver]]
unit = "乙"
action = "奖励"
reason = "事故"

[[waiver]]
unit = "甲"
action = "奖励"
reason = "事故"
  [[waiver]]
unit = "甲"
action = "奖励"
reason = "事故"
+++
`,
		"content/circulars/2024-q1.md": `+++
number = "测政办函〔2024〕3号"
title = "季度"
date = 2024-04-10
data = "2024-Q1"
[[waiver]]
unit = "丁"
action = "约谈"
reason = "防汛"
+++
`,
	})
	err := Archive(s).Err()
	if err == nil {
		t.Fatal("stray waivers in circulars, no error")
	}
	want := []string{
		"content/circulars/2024-q1.md:6:1: [[waiver]] 没有可免的措施：2024年第一季度的奖惩规则没有对“丁”作出“约谈”（本期规则没有作出“约谈”）；单位或措施写错了，或者排名变了、已不必免予，请核对或删去这一项",
		"content/circulars/2024.md:7:1: [[waiver]] 没有可免的措施：2024年度的奖惩规则没有对“乙”作出“奖励”（本期规则作出“奖励”的是 甲）；单位或措施写错了，或者排名变了、已不必免予，请核对或删去这一项",
		"content/circulars/2024.md:16:3: [[waiver]] 没有可免的措施：2024年度的奖惩规则没有对“甲”作出“奖励”，第 12 行的 [[waiver]] 已免予它，请删去其中之一",
	}
	if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// One waiver withholds every measure of its action the rules give its
// unit in the period — 一票否决 of a unit two rules reward — and no other
// unit's: the reward does not pass to the next.
//
//	甲 90 乙 80 丙 70: rule 1 (first) rewards 甲 5000; rule 2 (top 2) rewards 甲, 乙 3000
//	the waiver of 甲's 奖励 takes both of 甲's; 乙 keeps its 3000, and nobody gets rule 1's
func TestWaiverVetoesEveryReward(t *testing.T) {
	s := loadSite(t, `
[terms]
actions = ["奖励", "约谈"]
`+compositeRule("first", 0, "奖励")+"amount = 5000\n"+compositeRule("top", 2, "奖励")+"amount = 3000\n",
		towns("甲", "乙", "丙"), map[string]string{
			"data/2024-01.toml": month("甲=90 乙=80 丙=70", `[[waiver]]
unit = "甲"
action = "奖励"
reason = "发生较大安全生产事故，一票否决"`),
		})
	res := Archive(s)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	m := res.Months()[0]
	wantMeasures(t, m, "乙 奖励 3000 （乡镇、街道综合考核排名前两名）config.toml:14")
	var got []string
	for _, w := range m.Waived {
		got = append(got, w.Measure.Unit.Name+" "+strconv.FormatInt(w.Measure.Amount, 10)+" "+w.Measure.Source.Public()+" "+w.Source.Public())
	}
	want := []string{
		"甲 5000 config.toml [[rule]] 第1条 data/2024-01.toml [[waiver]] 第1条",
		"甲 3000 config.toml [[rule]] 第2条 data/2024-01.toml [[waiver]] 第1条",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("waived\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
