package rank

import (
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
