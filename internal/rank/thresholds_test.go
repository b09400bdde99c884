package rank

import (
	"slices"
	"strings"
	"testing"
)

// A score rule selects by the score as ranked, rounded to the
// indicator's decimals (2): 丙's 89.996 is 90.00, 90分以上 as 乙's 90 is
// (以上 includes the number, and the tie at the threshold is taken
// whole); 丁's 60 is not 低于60分, 戊's 59.99 is. 己 is not applicable
// this month and 庚 exempt: neither has a score, neither is selected,
// however the rule reads.
//
//	指标X: 甲 95, 乙 90, 丙 89.996 → 90.00, 丁 60, 戊 59.99; 己 —, 庚 —
//	  atLeast 90:            甲 乙 丙
//	  below 60:              戊
//	  atLeast 60, below 70:  丁
//	  above 95:              nobody (甲's 95 is not 超过95分)
//	  atMost 60:             丁 戊
func TestSelectByScore(t *testing.T) {
	units := strings.Replace(towns("甲", "乙", "丙", "丁", "戊", "己", "庚"), "slug = \"t6\"\n",
		"slug = \"t6\"\nexempt = [\"2024-01\"]\n", 1)
	rule := func(bounds, action string) string {
		return "\n[[rule]]\non = \"indicator\"\nindicator = \"x\"\nselect = \"score\"\n" + bounds + "\naction = \"" + action + "\"\n"
	}
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\", \"提醒\", \"通报\", \"督办\"]\n" +
		rule("atLeast = 90", "表扬") + rule("below = 60", "约谈") + rule("atLeast = 60\nbelow = 70", "提醒") +
		rule("above = 95", "通报") + rule("atMost = 60", "督办")
	s := loadSite(t, config, units, map[string]string{
		"data/2024-01.toml": "[[result]]\nindicator = \"x\"\nnotApplicable = [\"己\"]\n[result.townships]\n" +
			"\"甲\" = 95\n\"乙\" = 90\n\"丙\" = 89.996\n\"丁\" = 60\n\"戊\" = 59.99\n",
	})
	wantMeasures(t, Archive(s).Months()[0],
		"甲 表扬 0 （指标X得分90分以上）config.toml:7",
		"乙 表扬 0 （指标X得分90分以上）config.toml:7",
		"丙 表扬 0 （指标X得分90分以上）config.toml:7",
		"戊 约谈 0 （指标X得分低于60分）config.toml:14",
		"丁 提醒 0 （指标X得分60分以上、低于70分）config.toml:21",
		"丁 督办 0 （指标X得分60分以下）config.toml:36",
		"戊 督办 0 （指标X得分60分以下）config.toml:36",
	)
}

// A score rule on the composite reads the composite score; with groups,
// each group's, and a streak of it is a streak of months below the
// threshold, said after the group's 综合考核 as a place's streak is. An
// indicator counted in its own unit (件) is said in it, not in 分.
//
//	[scoring] method = "score": the composite is X's score.
//	2024-01: 东片 甲 70, 乙 55; 西片 丙 50, 丁 80 → below 60: 乙, 丙
//	2024-02: 东片 甲 58, 乙 65; 西片 丙 59, 丁 90 → below 60: 甲, 丙 (丙 twice → 约谈)
//	信访 (件, better lower): 2024-02 甲 3, 乙 12, 丙 11, 丁 0 → above 10: 乙 丙
func TestScoreRuleComposite(t *testing.T) {
	config := "[scoring]\nmethod = \"score\"\n[terms]\nactions = [\"奖励\", \"约谈\", \"提醒\"]\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"score\"\nbelow = 60\nstreak = 2\naction = \"约谈\"\n" +
		"\n[[rule]]\non = \"indicator\"\nindicator = \"xf\"\nselect = \"score\"\nabove = 10\naction = \"提醒\"\n"
	units := "[[group]]\nname = \"东片\"\n[[group]]\nname = \"西片\"\n" + towns("甲/东片", "乙/东片", "丙/西片", "丁/西片")
	xf := "\n[[indicator]]\nid = \"xf\"\nname = \"信访总量\"\nsection = \"重点工作\"\ntownships = \"all\"\nbetter = \"lower\"\nscoreUnit = \"件\"\nweight = 0\n"
	s := loadSite(t, config, units, map[string]string{
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = \"all\"\n" + xf,
		"data/2024-01.toml":    month("甲=70 乙=55 丙=50 丁=80"),
		"data/2024-02.toml": month("甲=58 乙=65 丙=59 丁=90",
			"[[result]]\nindicator = \"xf\"\n[result.townships]\n\"甲\" = 3\n\"乙\" = 12\n\"丙\" = 11\n\"丁\" = 0"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1],
		"丙 约谈 0 （西片综合考核连续2个月得分低于60分）config.toml:9",
		"乙 提醒 0 （东片信访总量超过10件）config.toml:16",
		"丙 提醒 0 （西片信访总量超过10件）config.toml:16",
	)
}

// A share's k is worked out in each period from the units ranked there,
// rounded as the rule says: an exempt unit is not counted, so 50% of six
// rounded up is three (of seven it would be four).
//
//	2024-01: 甲 90 乙 85 丙 85 丁 80 戊 70 己 60; 庚 exempt; n = 6
//	  composite ranks 1 2 2 4 5 6
//	  top 50% up:          6 × 0.5 = 3   → rank ≤ 3: 甲 乙 丙, three: 前50%
//	  top 40% down:        2.4 → 2       → rank ≤ 2: 甲 乙 丙, a tie at the
//	                                        edge: 乙 丙 并列第二, 甲 前40%
//	  bottom 20% nearest:  1.2 → 1       → 己: 后20%
//	  bottom 10% down:     0.6 → 0       → nobody
//	  bottom 10% down, minCount 1: 1     → 己
//	  bottom 10% up:       0.6 → 1       → 己
func TestSelectByShare(t *testing.T) {
	units := strings.Replace(towns("甲", "乙", "丙", "丁", "戊", "己", "庚"), "slug = \"t6\"\n",
		"slug = \"t6\"\nexempt = [\"2024-01\"]\n", 1)
	rule := func(sel, share, action string) string {
		return "\n[[rule]]\non = \"composite\"\nselect = \"" + sel + "\"\n" + share + "\naction = \"" + action + "\"\n"
	}
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"通报\", \"约谈\", \"提醒\", \"督办\", \"警示\"]\n" +
		rule("top", "percent = 50\nround = \"up\"", "表扬") +
		rule("top", "percent = 40\nround = \"down\"", "通报") +
		rule("bottom", "percent = 20\nround = \"nearest\"", "约谈") +
		rule("bottom", "percent = 10\nround = \"down\"", "提醒") +
		rule("bottom", "percent = 10\nround = \"down\"\nminCount = 1", "督办") +
		rule("bottom", "percent = 10\nround = \"up\"", "警示")
	s := loadSite(t, config, units, map[string]string{"data/2024-01.toml": month("甲=90 乙=85 丙=85 丁=80 戊=70 己=60")})
	p := Archive(s).Months()[0]
	if got, want := order(p.Groups[0].Composite), "甲1(100) 乙2(83.33) 丙2(83.33) 丁4(50) 戊5(33.33) 己6(16.67)"; got != want {
		t.Errorf("composite: %s, want %s", got, want)
	}
	wantMeasures(t, p,
		"甲 表扬 0 （乡镇、街道综合考核排名前50%）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前50%）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前50%）config.toml:7",
		"甲 通报 0 （乡镇、街道综合考核排名前40%）config.toml:14",
		"乙 通报 0 （乡镇、街道综合考核排名并列第二）config.toml:14",
		"丙 通报 0 （乡镇、街道综合考核排名并列第二）config.toml:14",
		"己 约谈 0 （乡镇、街道综合考核排名后20%）config.toml:21",
		"己 督办 0 （乡镇、街道综合考核排名后10%）config.toml:35",
		"己 警示 0 （乡镇、街道综合考核排名后10%）config.toml:43",
	)
}

// An indicator's share counts the units it ranks this month: one not
// applicable is not among them. 25% of five (六 less 己, not applicable)
// rounded to the nearest is 1.25 → 1: 甲 alone; of six it would be 1.5 → 2.
func TestShareCountsApplicableOnly(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\"]\n" +
		"\n[[rule]]\non = \"indicator\"\nindicator = \"x\"\nselect = \"top\"\npercent = 25\nround = \"nearest\"\naction = \"表扬\"\n"
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-01.toml": "[[result]]\nindicator = \"x\"\nnotApplicable = [\"己\"]\n[result.townships]\n" +
			"\"甲\" = 95\n\"乙\" = 90\n\"丙\" = 85\n\"丁\" = 80\n\"戊\" = 75\n",
	})
	wantMeasures(t, Archive(s).Months()[0], "甲 表扬 0 （指标X排名前25%）config.toml:7")
}

// A reward of a share pays each unit tied across the share's edge in
// full, and is warned of as a count's is, with the share's places: 20%
// of six rounded down is one, and 甲 乙 are tied first.
func TestShareRewardWarned(t *testing.T) {
	config := "\n[[rule]]\non = \"composite\"\nselect = \"top\"\npercent = 20\nround = \"down\"\naction = \"奖励\"\namount = 10000\n"
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=90 丙=80 丁=70 戊=60 己=50"),
	})
	res := Archive(s)
	want := []string{"config.toml:11:1: 警告：2024年1月乡镇、街道综合考核排名，甲、乙并列第一；这条规则奖励1名、每名1万元，并列的各得全额，2个单位共2万元：并列的是否平分，由考核办法定；要平分的，在 data/2024-01.toml 中为甲、乙各写一项 [[waiver]] 免去规则的奖励，另写 [[reward]] 给出各自的金额"}
	var got []string
	for _, d := range res.SharedRewards(s) {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A threshold the 考核办法 raises from a month is two rules, the old one
// until the month before, the new one from it: each month is judged by
// the threshold in force then.
//
//	2024-01 (低于60分): 甲 62, 乙 58 → 乙
//	2024-02 (低于65分): 甲 62, 乙 70 → 甲
func TestScoreThresholdChanges(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"约谈\"]\n" +
		"\n[[rule]]\non = \"indicator\"\nindicator = \"x\"\nselect = \"score\"\nbelow = 60\nuntil = \"2024-01\"\naction = \"约谈\"\n" +
		"\n[[rule]]\non = \"indicator\"\nindicator = \"x\"\nselect = \"score\"\nbelow = 65\nfrom = \"2024-02\"\naction = \"约谈\"\n"
	s := loadSite(t, config, towns("甲", "乙"), map[string]string{
		"data/2024-01.toml": month("甲=62 乙=58"),
		"data/2024-02.toml": month("甲=62 乙=70"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0], "乙 约谈 0 （指标X得分低于60分）config.toml:7")
	wantMeasures(t, ms[1], "甲 约谈 0 （指标X得分低于65分）config.toml:15")
}
