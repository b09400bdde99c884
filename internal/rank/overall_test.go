package rank

import (
	"slices"
	"strings"
	"testing"
)

// overallUnits are two groups, 东片 of three and 西片 of four, in
// units.toml order 甲 乙 丙 丁 戊 己 庚.
const overallUnits = "[[group]]\nname = \"东片\"\n[[group]]\nname = \"西片\"\n"

func overallTowns() string {
	return overallUnits + towns("甲/东片", "乙/东片", "丙/东片", "丁/西片", "戊/西片", "己/西片", "庚/西片")
}

// The overall ranking ranks every group's units together ([ranking]
// overall, DESIGN.md §5.8), ties across groups as within one (§5.1):
//
//	2024-01 x: 甲 90, 乙 80, 丙 70 | 丁 90, 戊 85, 己 70, 庚 60
//	  东片: 甲1 乙2 丙3; 西片: 丁1 戊2 己3 庚4
//	  全县 (file order orders a tie): 甲1 丁1 戊3 乙4 丙5 己5 庚7
//	  composite, rank points over the 7: 100·(7−r+1)/7 → 甲 丁 100, 戊 71.43,
//	  乙 57.14, 丙 己 42.86, 庚 14.29 — not the groups' points (戊 75 in 西片)
//	2024-02 x: 甲 70, 乙 90, 丙 80 | 丁 95, 戊 60, 己 85, 庚 50
//	  全县: 丁1 乙2 己3 丙4 甲5 戊6 庚7 → 100, 85.71, 71.43, 57.14, 42.86, 28.57, 14.29
//	2024-Q1, mean of the months' overall composites (exact hundredths):
//	  丁 100; 甲 (100+42.86)/2 = 71.43; 乙 (57.14+85.71)/2 = 71.425 → 71.43;
//	  己 (42.86+71.43)/2 = 57.145 → 57.15; 丙 戊 50; 庚 14.29
func TestOverallRanking(t *testing.T) {
	s := loadSite(t, `[terms]
scope = "全县"

[ranking]
overall = true
overallSize = 2

[[rule]]
on = "composite"
select = "top"
count = 2
overall = true
action = "奖励"
amount = 10000

[[rule]]
on = "indicator"
indicator = "x"
select = "bottom"
count = 3
overall = true
action = "约谈"

[[rule]]
on = "composite"
select = "last"
streak = 2
overall = true
action = "提醒约谈"
who = "分管领导"

[[rule]]
on = "composite"
select = "first"
action = "奖励"
amount = 5000
`, overallTowns(), map[string]string{
		"data/2024-01.toml":            month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚=60"),
		"data/2024-02.toml":            month("甲=70 乙=90 丙=80 丁=95 戊=60 己=85 庚=50"),
		"content/circulars/2024-q1.md": "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"季度\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n",
	})
	res := Archive(s)
	jan, feb := res.Months()[0], res.Months()[1]
	if jan.Overall == nil || jan.Overall.Name != "全县" || jan.OverallSize != 2 {
		t.Fatalf("January's overall ranking: %+v", jan.Overall)
	}
	if got, want := order(jan.Overall.Indicator("x").Ranked), "甲1(90) 丁1(90) 戊3(85) 乙4(80) 丙5(70) 己5(70) 庚7(60)"; got != want {
		t.Errorf("全县 x: %s, want %s", got, want)
	}
	if got, want := order(jan.Overall.Composite), "甲1(100) 丁1(100) 戊3(71.43) 乙4(57.14) 丙5(42.86) 己5(42.86) 庚7(14.29)"; got != want {
		t.Errorf("全县 composite: %s, want %s", got, want)
	}
	// The groups are ranked as without the overall ranking.
	if got, want := order(jan.Groups[1].Composite), "丁1(100) 戊2(75) 己3(50) 庚4(25)"; got != want {
		t.Errorf("西片 composite: %s, want %s", got, want)
	}
	ir := jan.Overall.Indicator("x")
	if got := runNames(ir.Top.Runs); got != "甲丁" || ir.Top.Exact {
		t.Errorf("全县 top group %s exact %v, want 甲丁 (tied) not exact", got, ir.Top.Exact)
	}
	if got := runNames(ir.Bottom.Runs); got != "丙己|庚" || ir.Bottom.Exact {
		t.Errorf("全县 bottom group %s exact %v, want 丙己|庚 not exact", got, ir.Bottom.Exact)
	}
	wantMeasures(t, jan,
		"甲 奖励 10000 （全县综合考核排名前两名）config.toml:11",
		"丁 奖励 10000 （全县综合考核排名前两名）config.toml:11",
		"丙 约谈 0 （全县指标X排名后三）config.toml:19",
		"己 约谈 0 （全县指标X排名后三）config.toml:19",
		"庚 约谈 0 （全县指标X排名后三）config.toml:19",
		"甲 奖励 5000 （东片综合考核排名第一）config.toml:35",
		"丁 奖励 5000 （西片综合考核排名第一）config.toml:35",
	)
	wantMeasures(t, feb,
		"丁 奖励 10000 （全县综合考核排名前两名）config.toml:11",
		"乙 奖励 10000 （全县综合考核排名前两名）config.toml:11",
		"甲 约谈 0 （全县指标X排名后三）config.toml:19",
		"戊 约谈 0 （全县指标X排名后三）config.toml:19",
		"庚 约谈 0 （全县指标X排名后三）config.toml:19",
		"庚 提醒约谈 0 分管领导（全县综合考核连续2个月排名倒数第一）config.toml:27",
		"乙 奖励 5000 （东片综合考核排名第一）config.toml:35",
		"丁 奖励 5000 （西片综合考核排名第一）config.toml:35",
	)
	q := res.Period("2024-Q1")
	if q.Overall == nil || len(q.Groups) != 2 {
		t.Fatalf("the quarter's overall ranking: %+v, groups %d", q.Overall, len(q.Groups))
	}
	if got, want := order(q.Overall.Composite), "丁1(100) 甲2(71.43) 乙2(71.43) 己4(57.15) 丙5(50) 戊5(50) 庚7(14.29)"; got != want {
		t.Errorf("the quarter's 全县 composite: %s, want %s", got, want)
	}
}

// runNames writes a group's runs as names, runs apart by |.
func runNames(runs [][]Township) string {
	out := ""
	for i, run := range runs {
		if i > 0 {
			out += "|"
		}
		for _, t := range run {
			out += t.Unit.Name
		}
	}
	return out
}

// An indicator only one group's units take part in has its overall
// ranking in the rankings (the overall composite counts it, a rule may
// read it), but OverallOf leaves it out: the group's ranking is the
// overall one, and a circular would say it twice.
func TestOverallOfOneGroupsIndicator(t *testing.T) {
	s := loadSite(t, "[ranking]\noverall = true\n", overallTowns(), map[string]string{
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\ntownships = \"all\"\n" +
			"[[indicator]]\nid = \"y\"\nname = \"指标Y\"\nsection = \"重点工作\"\ntownships = [\"甲\", \"乙\", \"丙\"]\n",
		"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚=60") +
			"\n[[result]]\nindicator = \"y\"\n[result.townships]\n\"甲\" = 1\n\"乙\" = 3\n\"丙\" = 2\n",
	})
	p := Archive(s).Months()[0]
	if p.OverallOf("x") == nil {
		t.Error("x, of both groups, has no overall ranking")
	}
	if p.OverallOf("y") != nil {
		t.Error("y, of 东片 alone, has an overall ranking of its own")
	}
	if got, want := order(p.Overall.Indicator("y").Ranked), "乙1(3) 丙2(2) 甲3(1)"; got != want {
		t.Errorf("全县 y: %s, want %s", got, want)
	}
}

// Without overall = true nothing is ranked overall.
func TestNoOverallUnlessAsked(t *testing.T) {
	s := loadSite(t, "", overallTowns(), map[string]string{"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚=60")})
	if p := Archive(s).Months()[0]; p.Overall != nil || p.OverallOf("x") != nil || len(p.Rankings()) != 2 {
		t.Errorf("an overall ranking nobody asked for: %+v", p.Overall)
	}
}

// A reward rule on the overall ranking is told of a tie across its edge
// as a group's is, counting the overall places: 甲 and 丁, of two groups,
// tie first county-wide (TestOverallRanking's January), two for one
// place. The 东片 and 西片 first of a group rule are one each, not told.
func TestOverallSharedRewardWarned(t *testing.T) {
	s := loadSite(t, "[terms]\nscope = \"全县\"\n[ranking]\noverall = true\n"+
		"\n[[rule]]\non = \"composite\"\nselect = \"first\"\noverall = true\naction = \"奖励\"\namount = 50000\n"+
		"\n[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 20000\n",
		overallTowns(), map[string]string{"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚=60")})
	res := Archive(s)
	want := []string{
		"config.toml:14:1: 警告：2024年1月全县综合考核排名，甲、丁并列第一；这条规则奖励1名、每名5万元，并列的各得全额，2个单位共10万元：并列的是否平分，由考核办法定；要平分的，在 data/2024-01.toml 中为甲、丁各写一项 [[waiver]] 免去规则的奖励，另写 [[reward]] 给出各自的金额",
	}
	var got []string
	for _, d := range res.SharedRewards(s) {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Exempt and notApplicable units are out of the overall ranking as they
// are out of their group's (§5.1): 庚 exempt from 2024-01, 己 not
// assessed on x that month. The five left rank 甲 丁 (90, tied) 1, 戊 3,
// 乙 4, 丙 5; rank points over five: 100, 100, 60, 40, 20.
func TestOverallLeavesOutWhomTheGroupsDo(t *testing.T) {
	units := strings.Replace(overallTowns(), "name = \"庚\"\nslug = \"t6\"\n", "name = \"庚\"\nslug = \"t6\"\nexempt = [\"2024-01\"]\n", 1)
	s := loadSite(t, "[terms]\nscope = \"全县\"\n[ranking]\noverall = true\n", units, map[string]string{
		"data/2024-01.toml": "[[result]]\nindicator = \"x\"\nnotApplicable = [\"己\"]\n[result.townships]\n\"甲\" = 90\n\"乙\" = 80\n\"丙\" = 70\n\"丁\" = 90\n\"戊\" = 85\n",
	})
	p := Archive(s).Months()[0]
	if got, want := order(p.Overall.Composite), "甲1(100) 丁1(100) 戊3(60) 乙4(40) 丙5(20)"; got != want {
		t.Errorf("全县 composite: %s, want %s", got, want)
	}
}

// A renamed unit's streak on the overall ranking goes on as on its
// group's (docs/rules.md 单位的设立、撤并和更名): 庚乡 (西片) until 2024-01,
// became 庚镇 from 2024-02, last county-wide both months.
//
//	2024-01: 甲 90 乙 80 丙 70 | 丁 90 戊 85 己 70 庚乡 60 → 庚乡 last of 7
//	2024-02: 甲 70 乙 90 丙 80 | 丁 95 戊 60 己 85 庚镇 50 → 庚镇 last of 7
func TestOverallStreakAcrossRename(t *testing.T) {
	units := overallUnits + towns("甲/东片", "乙/东片", "丙/东片", "丁/西片", "戊/西片", "己/西片") +
		"[[township]]\nname = \"庚乡\"\nslug = \"gengxiang\"\ngroup = \"西片\"\nuntil = \"2024-01\"\nbecame = \"庚镇\"\n" +
		"[[township]]\nname = \"庚镇\"\nslug = \"gengzhen\"\ngroup = \"西片\"\nfrom = \"2024-02\"\n"
	s := loadSite(t, "[terms]\nscope = \"全县\"\n[ranking]\noverall = true\n\n[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = 2\noverall = true\naction = \"约谈\"\n",
		units, map[string]string{
			"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚乡=60"),
			"data/2024-02.toml": month("甲=70 乙=90 丙=80 丁=95 戊=60 己=85 庚镇=50"),
		})
	wantMeasures(t, Archive(s).Period("2024-02"), "庚镇 约谈 0 （全县综合考核连续2个月排名倒数第一）config.toml:9")
}

// A veto that puts a unit last ([[waiver]] last = true) puts it last in
// the overall ranking too, not only in its group: the overall composite
// is made by the same ranking. By hand, 2024-01 of TestOverallRanking
// with 甲 vetoed:
//
//	东片: 乙1 丙2, 甲3 (vetoed, its 100 kept)
//	全县: 丁1(100) 戊2(71.43) 乙3(57.14) 丙4 己4(42.86) 庚6(14.29), 甲7(100)
func TestVetoLastOverall(t *testing.T) {
	s := loadSite(t, "[terms]\nscope = \"全县\"\n\n[ranking]\noverall = true\n", overallTowns(), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=90 戊=85 己=70 庚=60",
			"[[waiver]]\nunit = \"甲\"\naction = \"奖励\"\nreason = \"发生较大生产安全事故\"\nlast = true"),
	})
	jan := Archive(s).Months()[0]
	if got, want := order(jan.Groups[0].Composite), "乙1(66.67) 丙2(33.33) 甲3(100)"; got != want {
		t.Errorf("东片 composite: %s, want %s", got, want)
	}
	if got, want := order(jan.Overall.Composite), "丁1(100) 戊2(71.43) 乙3(57.14) 丙4(42.86) 己4(42.86) 庚6(14.29) 甲7(100)"; got != want {
		t.Errorf("全县 composite: %s, want %s", got, want)
	}
	if last := jan.Overall.Composite[len(jan.Overall.Composite)-1]; !last.Vetoed {
		t.Errorf("全县: 甲 not marked vetoed: %+v", last)
	}
}
