package rank

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// The tests of this file load small sites written here and check what
// rank makes of them against results computed by hand, in the comments.

// loadSite writes files (path → text) into a site with one indicator,
// "x", scored for every township, and loads it. config holds the
// [ranking], [aggregate] and [[rule]]s; units the [[group]]s and
// [[township]]s.
func loadSite(t *testing.T, config, units string, files map[string]string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		"config.toml":          "title = \"测试\"\n[issuer]\nname = \"测试市人民政府办公室\"\n" + config,
		"data/units.toml":      units + "\n[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n",
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = \"all\"\n",
		"layouts/base.html":    "",
	}
	for k, v := range files {
		all[k] = v
	}
	for name, text := range all {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// towns writes [[township]]s named n1, n2, …; with groups, "name/group".
func towns(names ...string) string {
	var b strings.Builder
	for i, n := range names {
		name, group, _ := strings.Cut(n, "/")
		fmt.Fprintf(&b, "[[township]]\nname = %q\nslug = \"t%d\"\n", name, i)
		if group != "" {
			fmt.Fprintf(&b, "group = %q\n", group)
		}
	}
	return b.String()
}

// month writes a month file scoring x: "甲=90 乙=85", in that order.
func month(scores string, extra ...string) string {
	var b strings.Builder
	b.WriteString("[[result]]\nindicator = \"x\"\n[result.townships]\n")
	for _, f := range strings.Fields(scores) {
		name, v, _ := strings.Cut(f, "=")
		fmt.Fprintf(&b, "%q = %s\n", name, v)
	}
	for _, e := range extra {
		b.WriteString("\n" + e + "\n")
	}
	return b.String()
}

// measureList writes a period's measures one per line: unit action
// amount who (reason) [rule line or file:line].
func measureList(p *Period) []string {
	var out []string
	for _, m := range p.Measures {
		out = append(out, fmt.Sprintf("%s %s %d %s（%s）%s", m.Unit.Name, m.Action, m.Amount, m.Who, m.Reason, m.Source))
	}
	return out
}

func wantMeasures(t *testing.T, p *Period, want ...string) {
	t.Helper()
	if got := measureList(p); !slices.Equal(got, want) {
		t.Errorf("%s measures:\n  %s\nwant:\n  %s", p.Label, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// compositeRule is a [[rule]] on the composite selecting sel (count k
// when k > 0) for action.
func compositeRule(sel string, k int, action string) string {
	c := ""
	if k > 0 {
		c = fmt.Sprintf("count = %d\n", k)
	}
	return fmt.Sprintf("\n[[rule]]\non = \"composite\"\nselect = %q\n%saction = %q\n", sel, c, action)
}

// order writes a ranking as "name rank value" items.
func order(ts []Township) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s%d(%g)", t.Unit.Name, t.Rank, t.Value))
	}
	return strings.Join(parts, " ")
}

// Two groups are ranked apart (DESIGN.md §5.8), each with its own reward
// (a rule per group) and a rule for every group.
//
//	县（市）组: 甲 90, 乙 80, 丙 70 → 甲 1, 乙 2, 丙 3; points 100, 66.67, 33.33
//	市辖区组:   丁 95, 戊 60      → 丁 1, 戊 2;       points 100, 50
func TestGroupsRankApart(t *testing.T) {
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "first"
group = "县（市）组"
action = "奖励"
amount = 500000

[[rule]]
on = "composite"
select = "first"
group = "市辖区组"
action = "奖励"
amount = 300000

[[rule]]
on = "indicator"
indicator = "x"
select = "last"
action = "约谈"
who = "主要负责人"
`, "[[group]]\nname = \"县（市）组\"\n[[group]]\nname = \"市辖区组\"\n"+towns("甲/县（市）组", "丁/市辖区组", "乙/县（市）组", "戊/市辖区组", "丙/县（市）组"),
		map[string]string{"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=95 戊=60")})
	p := Archive(s).Months()[0]
	if len(p.Groups) != 2 || p.Groups[0].Name != "县（市）组" || p.Groups[1].Name != "市辖区组" {
		t.Fatalf("groups %v", p.Groups)
	}
	if got, want := order(p.Groups[0].Indicator("x").Ranked), "甲1(90) 乙2(80) 丙3(70)"; got != want {
		t.Errorf("县（市）组 x: %s, want %s", got, want)
	}
	if got, want := order(p.Groups[1].Composite), "丁1(100) 戊2(50)"; got != want {
		t.Errorf("市辖区组 composite: %s, want %s", got, want)
	}
	if got, want := order(p.Groups[0].Composite), "甲1(100) 乙2(66.67) 丙3(33.33)"; got != want {
		t.Errorf("县（市）组 composite: %s, want %s", got, want)
	}
	wantMeasures(t, p,
		"甲 奖励 500000 （县（市）组综合考核排名第一）config.toml:5",
		"丁 奖励 300000 （市辖区组综合考核排名第一）config.toml:12",
		"丙 约谈 0 主要负责人（县（市）组指标X排名倒数第一）config.toml:19",
		"戊 约谈 0 主要负责人（市辖区组指标X排名倒数第一）config.toml:19",
	)
}

// select and count with ties (§5.2, §5.9). Scores 90 85 85 80 70 70 give
// ranks 1 2 2 4 5 5 (competition):
//
//	top, count 2:    rank ≤ 2                                → 甲 乙 丙 (a tie at the boundary is taken whole,
//	                 乙 and 丙 of three called 前两名 being 并列第二)
//	bottom, count 2: rank ≥ rank at position 6−2+1 = 5, i.e. 5 → 戊 己
//	bottom, count 3: rank ≥ rank at position 4, i.e. 4        → 丁 戊 己
//	last:            the last rank, 5                          → 戊 己, tied
//	first:           rank 1                                    → 甲
func TestSelectCountWithTies(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\", \"书面检查\", \"提醒\", \"通报\"]\n" +
		compositeRule("top", 2, "表扬") + compositeRule("bottom", 2, "约谈") + compositeRule("bottom", 3, "书面检查") + compositeRule("last", 0, "提醒") + compositeRule("first", 0, "通报")
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"),
		map[string]string{"data/2024-01.toml": month("甲=90 丙=85 乙=85 丁=80 己=70 戊=70")})
	p := Archive(s).Months()[0]
	// The tie 丙、乙 is listed as the file writes it; the composite's
	// tie (it has no file) in units.toml order: 乙 before 丙.
	if got, want := order(p.Groups[0].Indicator("x").Ranked), "甲1(90) 丙2(85) 乙2(85) 丁4(80) 己5(70) 戊5(70)"; got != want {
		t.Errorf("x: %s, want %s", got, want)
	}
	if got, want := order(p.Groups[0].Composite), "甲1(100) 乙2(83.33) 丙2(83.33) 丁4(50) 戊5(33.33) 己5(33.33)"; got != want {
		t.Errorf("composite: %s, want %s", got, want)
	}
	wantMeasures(t, p,
		"甲 表扬 0 （乡镇、街道综合考核排名前两名）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名并列第二）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名并列第二）config.toml:7",
		"戊 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:13",
		"己 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:13",
		"丁 书面检查 0 （乡镇、街道综合考核排名后三）config.toml:19",
		"戊 书面检查 0 （乡镇、街道综合考核排名后三）config.toml:19",
		"己 书面检查 0 （乡镇、街道综合考核排名后三）config.toml:19",
		"戊 提醒 0 （乡镇、街道综合考核排名并列倒数第一）config.toml:25",
		"己 提醒 0 （乡镇、街道综合考核排名并列倒数第一）config.toml:25",
		"甲 通报 0 （乡镇、街道综合考核排名第一）config.toml:30",
	)
}

// A group that takes more than count units for a tie at its edge says
// so in the reasons of those tied there; the others stay in the group's
// words (§5.9). Six units, top count 3 and bottom count 2:
//
//	2024-01: 90 85 80 80 70 60 → ranks 1 2 3 3 5 6
//	  top:    rank ≤ 3 → 甲 乙 丙 丁, four: 丙 and 丁 (places 3–4) 并列第三, 甲 乙 前三
//	  bottom: rank ≥ the 5th's, 5 → 戊 己, two: 后两名
//	2024-02: 90 85 80 75 75 70 → ranks 1 2 3 4 4 6
//	  top:    甲 乙 丙, three: 前三
//	  bottom: rank ≥ the 5th's, 4 → 丁 戊 己, three: 丁 and 戊 (places 4–5,
//	          from the end 3rd and 2nd, taking the better) 并列倒数第二, 己 后两名
func TestEdgeTieReason(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\"]\n" + compositeRule("top", 3, "表扬") + compositeRule("bottom", 2, "约谈")
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=80 丁=80 戊=70 己=60"),
		"data/2024-02.toml": month("甲=90 乙=85 丙=80 丁=75 戊=75 己=70"),
	})
	months := Archive(s).Months()
	wantMeasures(t, months[0],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"丁 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"戊 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:13",
		"己 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:13",
	)
	wantMeasures(t, months[1],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丁 约谈 0 （乡镇、街道综合考核排名并列倒数第二）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名并列倒数第二）config.toml:13",
		"己 约谈 0 （乡镇、街道综合考核排名后两名）config.toml:13",
	)
}

// Over fewer than 2k units the bottom group of §5.2 is the bottom k
// less the top group, fewer than k: its members read their places from
// the end, never 后三, which would name a unit the rule left out (§5.9).
// Five townships, top and bottom count 3 (position n−k+1 = 3):
//
//	2024-01: 甲 90 乙 85 丙 80 丁 75 戊 70 → ranks 1 2 3 4 5
//	  top:    rank ≤ 3 → 甲 乙 丙, three, the first three: 前三
//	  bottom: rank ≥ the 3rd's, 3, less the top → 丁 戊, two:
//	          丁 倒数第二, 戊 倒数第一
//	2024-02: 甲 90 乙 85 丙 80 丁 70 戊 70 → ranks 1 2 3 4 4
//	  bottom: 丁 戊, tied at places 4–5, from the end 2nd and 1st,
//	          taking the better: both 并列倒数第一
//
// Six, with a tie at third (ranks 1 2 3 3 5 6): the top takes four, the
// bottom three of the rank ≥ the 4th's (3) less the top are 戊 己, two:
// 戊 倒数第二, 己 倒数第一; the top's 丙 丁 并列第三 as before.
//
// Nine, count 5 (position 9−5+1 = 5), scores 90 88 … 74 → ranks 1…9:
// the top 甲…戊 前五; the bottom rank ≥ 5 less the top is 己 庚 辛 壬,
// four: 倒数第四, 倒数第三, 倒数第二, 倒数第一.
//
// Two, count 3: the top is both, fewer than three: 甲 第一, 乙 第二 (tied
// at 80 and 80: both 并列第一); the bottom, rank ≥ the 1st's less the
// top, is nobody.
func TestShortGroupReason(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\"]\n" + compositeRule("top", 3, "表扬") + compositeRule("bottom", 3, "约谈")
	five := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=80 丁=75 戊=70"),
		"data/2024-02.toml": month("甲=90 乙=85 丙=80 丁=70 戊=70"),
	})
	ms := Archive(five).Months()
	wantMeasures(t, ms[0],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丁 约谈 0 （乡镇、街道综合考核排名倒数第二）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名倒数第一）config.toml:13",
	)
	wantMeasures(t, ms[1],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丁 约谈 0 （乡镇、街道综合考核排名并列倒数第一）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名并列倒数第一）config.toml:13",
	)

	six := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=80 丁=80 戊=70 己=60"),
	})
	wantMeasures(t, Archive(six).Months()[0],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"丁 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"戊 约谈 0 （乡镇、街道综合考核排名倒数第二）config.toml:13",
		"己 约谈 0 （乡镇、街道综合考核排名倒数第一）config.toml:13",
	)

	nine := loadSite(t, "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\"]\n"+compositeRule("top", 5, "表扬")+compositeRule("bottom", 5, "约谈"),
		towns("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"), map[string]string{
			"data/2024-01.toml": month("甲=90 乙=88 丙=86 丁=84 戊=82 己=80 庚=78 辛=76 壬=74"),
		})
	wantMeasures(t, Archive(nine).Months()[0],
		"甲 表扬 0 （乡镇、街道综合考核排名前五）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前五）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前五）config.toml:7",
		"丁 表扬 0 （乡镇、街道综合考核排名前五）config.toml:7",
		"戊 表扬 0 （乡镇、街道综合考核排名前五）config.toml:7",
		"己 约谈 0 （乡镇、街道综合考核排名倒数第四）config.toml:13",
		"庚 约谈 0 （乡镇、街道综合考核排名倒数第三）config.toml:13",
		"辛 约谈 0 （乡镇、街道综合考核排名倒数第二）config.toml:13",
		"壬 约谈 0 （乡镇、街道综合考核排名倒数第一）config.toml:13",
	)

	two := loadSite(t, config, towns("甲", "乙"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80"),
		"data/2024-02.toml": month("甲=80 乙=80"),
	})
	ms = Archive(two).Months()
	wantMeasures(t, ms[0],
		"甲 表扬 0 （乡镇、街道综合考核排名第一）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名第二）config.toml:7",
	)
	wantMeasures(t, ms[1],
		"甲 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
	)
}

// A streak's reason names the rule's group, the same in each of its
// periods; one in which the group was short of k was not the last k, and
// the reason then says §5.2's 靠后. Bottom count 3, streak 2; 己 assessed
// from 2024-02:
//
//	2024-01: 甲 90 乙 85 丙 80 丁 75 戊 70 (five) → bottom 丁 戊, short
//	2024-02: 甲 90 乙 85 丙 80 丁 75 戊 70 己 60 (six) → bottom, rank ≥ the
//	         4th's: 丁 戊 己, the last three
//	  丁 and 戊 held both months, one of them short: 连续2个月…靠后
//	  己 was not assessed in 2024-01: that month neither counts nor
//	  breaks its streak, which has one month: none
//	2024-03: as 2024-02 → 丁 戊 己, each three in a row of 02 and 03,
//	  both exact: 连续2个月…后三
func TestShortGroupStreakReason(t *testing.T) {
	units := towns("甲", "乙", "丙", "丁", "戊") + "[[township]]\nname = \"己\"\nslug = \"t5\"\nfrom = \"2024-02\"\n"
	s := loadSite(t, "\n[[rule]]\non = \"composite\"\nselect = \"bottom\"\ncount = 3\nstreak = 2\naction = \"约谈\"\n", units, map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=80 丁=75 戊=70"),
		"data/2024-02.toml": month("甲=90 乙=85 丙=80 丁=75 戊=70 己=60"),
		"data/2024-03.toml": month("甲=90 乙=85 丙=80 丁=75 戊=70 己=60"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1],
		"丁 约谈 0 （连续2个月综合考核排名靠后）config.toml:5",
		"戊 约谈 0 （连续2个月综合考核排名靠后）config.toml:5",
	)
	wantMeasures(t, ms[2],
		"丁 约谈 0 （连续2个月综合考核排名后三）config.toml:5",
		"戊 约谈 0 （连续2个月综合考核排名后三）config.toml:5",
		"己 约谈 0 （连续2个月综合考核排名后三）config.toml:5",
	)
}

// select = "rank" gives each rank its own measure: 5000, 3000 and 2000元
// for the first three. Ranks 1 2 2 4 5 5 (as above): 甲 first, 乙 and 丙
// tied second (each 3000元, 并列第二), nobody third (the tie takes it),
// 丁 fourth; and on an indicator's ranking, the same ranks; with dense
// ranks the third exists. The rules' [[rule]] lines: 3 lines of config before, then 7 a rule (a blank line
// and six keys), 8 for the indicator's: 5, 12, 19, 26.
func TestSelectRank(t *testing.T) {
	rule := func(on string, rank, amount int) string {
		ind := ""
		if on == "indicator" {
			ind = "indicator = \"x\"\n"
		}
		return fmt.Sprintf("\n[[rule]]\non = %q\n%sselect = \"rank\"\nrank = %d\naction = \"奖励\"\namount = %d\n", on, ind, rank, amount)
	}
	config := rule("composite", 1, 5000) + rule("composite", 2, 3000) + rule("composite", 3, 2000) + rule("indicator", 4, 100)
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊", "己"),
		map[string]string{"data/2024-01.toml": month("甲=90 丙=85 乙=85 丁=80 己=70 戊=70")})
	wantMeasures(t, Archive(s).Months()[0],
		"甲 奖励 5000 （乡镇、街道综合考核排名第一）config.toml:5",
		"乙 奖励 3000 （乡镇、街道综合考核排名并列第二）config.toml:12",
		"丙 奖励 3000 （乡镇、街道综合考核排名并列第二）config.toml:12",
		"丁 奖励 100 （指标X排名第四）config.toml:26",
	)
	// Dense ranks, 1 2 2 3 4 4: the third is 丁 (its [[rule]] on line 7,
	// after [ranking] and ties).
	s = loadSite(t, "[ranking]\nties = \"dense\"\n"+rule("composite", 3, 2000), towns("甲", "乙", "丙", "丁", "戊", "己"),
		map[string]string{"data/2024-01.toml": month("甲=90 丙=85 乙=85 丁=80 己=70 戊=70")})
	wantMeasures(t, Archive(s).Months()[0], "丁 奖励 2000 （乡镇、街道综合考核排名第三）config.toml:7")
}

// When every township ties, each is first and none is last: nobody ranks
// below them, as a sole township is never last. The month all scored 100
// commends all four and admonishes none (first, last, top 2 and bottom 2
// by hand: ranks 1 1 1 1; the bottom group takes ranks above 2, of which
// there are none).
func TestAllTiedNoneLast(t *testing.T) {
	config := "[terms]\nactions = [\"表扬\", \"约谈\", \"提醒\"]\n" +
		compositeRule("first", 0, "表扬") + compositeRule("last", 0, "约谈") + compositeRule("bottom", 2, "提醒")
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁"),
		map[string]string{"data/2024-01.toml": month("甲=100 乙=100 丙=100 丁=100")})
	p := Archive(s).Months()[0]
	wantMeasures(t, p,
		"甲 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
		"丁 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:7",
	)
}

// A streak (§5.9) holds over consecutive assessed periods: the months
// between two files are no periods and do not break it, and a month in
// which a township is not ranked neither counts nor breaks its streak.
// Bottom two, count 2, of five townships: position 5−2+1 = 4.
//
//	2024-01: 甲 90 乙 80 丙 70 丁 60 戊 50 → bottom 丁 戊
//	2024-02: 甲 90 乙 80 丙 70 丁 50 戊 60 → bottom 戊 丁           → 丁、戊 two in a row: 约谈
//	(no 2024-03 file)
//	2024-04: 甲 90 乙 80 丙 60 丁 60 戊 70 → ranks 1 2 4 4 3; position 4 has rank 4 → bottom 丙 丁 (tied at the boundary)
//	         → 丁 in 02 and 04 (03 has no file): 约谈; 丙 was not in 02's bottom: none
//	         composite points (5 ranked): 100 80 60 40 40
func TestStreakAcrossMissingMonth(t *testing.T) {
	s := loadSite(t, `
[ranking]
groupSize = 2

[[rule]]
on = "composite"
select = "bottom"
streak = 2
action = "约谈"
who = "行政负责人"
`, towns("甲", "乙", "丙", "丁", "戊"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=60 戊=50"),
		"data/2024-02.toml": month("甲=90 乙=80 丙=70 丁=50 戊=60"),
		"data/2024-04.toml": month("甲=90 乙=80 丙=60 丁=60 戊=70"),
	})
	res := Archive(s)
	ms := res.Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1],
		"戊 约谈 0 行政负责人（连续2个月综合考核排名后两名）config.toml:8",
		"丁 约谈 0 行政负责人（连续2个月综合考核排名后两名）config.toml:8",
	)
	if got, want := order(ms[2].Groups[0].Composite), "甲1(100) 乙2(80) 戊3(60) 丙4(40) 丁4(40)"; got != want {
		t.Errorf("2024-04 composite: %s, want %s", got, want)
	}
	wantMeasures(t, ms[2],
		"丁 约谈 0 行政负责人（连续2个月综合考核排名后两名）config.toml:8",
	)
}

// A month in which a township has no place in the ranking a streak
// reads was not assessed for it: it neither counts nor breaks the streak.
//
//	2024-01: 甲 90 乙 80 丙 50 → bottom one (count 1): 丙
//	2024-02: 丙 not ranked on y, the rule's indicator  → bottom of y: 乙
//	2024-03: 甲 90 乙 80 丙 40 → bottom: 丙; its last assessed month before is 01 → streak of two
func TestStreakSkipsMonthsNotAssessed(t *testing.T) {
	s := loadSite(t, `
[[rule]]
on = "indicator"
indicator = "y"
select = "bottom"
count = 1
streak = 2
action = "约谈"
`, towns("甲", "乙", "丙"), map[string]string{
		"data/indicators.toml": "[[indicator]]\nid = \"y\"\nname = \"指标Y\"\nsection = \"重点工作\"\ntownships = \"all\"\n",
		"data/2024-01.toml":    strings.ReplaceAll(month("甲=90 乙=80 丙=50"), `"x"`, `"y"`),
		"data/2024-02.toml":    "[[result]]\nindicator = \"y\"\n",
		"data/2024-03.toml":    strings.ReplaceAll(month("甲=90 乙=80 丙=40"), `"x"`, `"y"`),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[1])
	wantMeasures(t, ms[2], "丙 约谈 0 （连续2个月指标Y排名最后）config.toml:5")
}

// A streak over months its unit was exempt in (units.toml exempt) skips
// them, and its derived reason says so: 连续2个月 of January and April
// alone would read as four months in the bottom.
//
//	2024-01: 甲 90 乙 80 丁 70 丙 60 → last: 丙
//	2024-02: 丙 exempt; 甲 90 乙 80 丁 70 → last: 丁
//	2024-03: 丙 exempt; 甲 90 丁 80 乙 70 → last: 乙 (丁 not last: its streak breaks)
//	2024-04: 甲 90 乙 80 丁 70 丙 60 → last: 丙; its months before, 03 and 02
//	         exempt, are skipped; 01 last → 约谈, naming 2月 and 3月
func TestStreakNamesExemptMonths(t *testing.T) {
	units := strings.Replace(towns("甲", "乙", "丙", "丁"), "slug = \"t2\"\n",
		"slug = \"t2\"\nexempt = [{month = \"2024-02\", reason = \"数据报送不全\"}, \"2024-03\"]\n", 1)
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "bottom"
count = 1
streak = 2
action = "约谈"
`, units, map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丁=70 丙=60"),
		"data/2024-02.toml": month("甲=90 乙=80 丁=70"),
		"data/2024-03.toml": month("甲=90 丁=80 乙=70"),
		"data/2024-04.toml": month("甲=90 乙=80 丁=70 丙=60"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[1])
	wantMeasures(t, ms[2])
	wantMeasures(t, ms[3], "丙 约谈 0 （连续2个月综合考核排名最后，其间2024年2月、2024年3月免于考核）config.toml:5")
}

// An office that assesses once a quarter writes each quarter as the file
// of its last month, period = "1-3月": a streak of such files is one of
// quarters, and its derived reason says 连续2个季度, not 连续2个月 (two
// files three months apart). (A file of one month among them makes the
// office a monthly one, every streak one of months:
// TestCumulativeMonthsAreMonths.)
//
//	2024-03 (1-3月):   甲 90 乙 80 丙 70 → last: 丙
//	2024-06 (4-6月):   甲 90 丙 70 乙 80 → last: 丙 → 连续2个季度
//	2024-09 (第三季度): 丙 90 甲 80 乙 70 → last: 乙
//	2024-12 (10-12月): 甲 90 丙 80 乙 70 → last: 乙 → 连续2个季度
func TestQuarterFilesStreakInQuarters(t *testing.T) {
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "last"
streak = 2
action = "约谈"
who = "主要负责人"
`, towns("甲", "乙", "丙"), map[string]string{
		"data/2024-03.toml": "period = \"1-3月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-06.toml": "period = \"4-6月\"\n" + month("甲=90 丙=70 乙=80"),
		"data/2024-09.toml": "period = \"第三季度\"\n" + month("丙=90 甲=80 乙=70"),
		"data/2024-12.toml": "period = \"10-12月\"\n" + month("甲=90 丙=80 乙=70"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1], "丙 约谈 0 主要负责人（连续2个季度综合考核排名倒数第一）config.toml:5")
	wantMeasures(t, ms[2])
	wantMeasures(t, ms[3], "乙 约谈 0 主要负责人（连续2个季度综合考核排名倒数第一）config.toml:5")
}

// An office that assesses every month and writes its periods cumulative
// from January (1-2月, 1-3月, 1-4月, as the seed's 1-2月) reports a month
// in each file, 1-3月 and 1-6月 too, which alone would read as a quarter
// and a half: a streak across them is one of months, whether
// config.toml says so ([assessment] period = "month") or the files'
// mixed periods tell it. Only the key makes lone files of 1-3月 and
// 4-6月 a monthly office's, two months (of a streak skipping those
// without a file), not two quarters.
//
//	2024-02 (1-2月): 甲 90 乙 80 丙 70 → last: 丙
//	2024-03 (1-3月): 甲 90 乙 80 丙 70 → last: 丙 → 连续2个月
//	2024-04 (1-4月): 甲 90 乙 80 丙 70 → last: 丙 → 连续2个月 (the first
//	                 rule's streak), 连续3个月 (the second's)
//	2024-06 (1-6月): 甲 90 丙 80 乙 70 → last: 乙
func TestCumulativeMonthsAreMonths(t *testing.T) {
	rules := `
[[rule]]
on = "composite"
select = "last"
streak = 2
action = "约谈"
who = "主要负责人"

[[rule]]
on = "composite"
select = "last"
streak = 3
action = "约谈"
who = "行政负责人"
`
	files := map[string]string{
		"data/2024-02.toml": "period = \"1-2月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-03.toml": "period = \"1-3月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-04.toml": "period = \"1-4月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-06.toml": "period = \"1-6月\"\n" + month("甲=90 丙=80 乙=70"),
	}
	for _, key := range []string{"", "\n[assessment]\nperiod = \"month\"\n"} {
		s := loadSite(t, rules+key, towns("甲", "乙", "丙"), files)
		ms := Archive(s).Months()
		wantMeasures(t, ms[0])
		wantMeasures(t, ms[1], "丙 约谈 0 主要负责人（连续2个月综合考核排名倒数第一）config.toml:5")
		wantMeasures(t, ms[2], "丙 约谈 0 主要负责人（连续2个月综合考核排名倒数第一）config.toml:5",
			"丙 约谈 0 行政负责人（连续3个月综合考核排名倒数第一）config.toml:12")
		wantMeasures(t, ms[3])
	}

	lone := map[string]string{
		"data/2024-03.toml": "period = \"1-3月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-06.toml": "period = \"4-6月\"\n" + month("甲=90 乙=80 丙=70"),
	}
	for key, want := range map[string]string{
		"": "连续2个季度", "\n[assessment]\nperiod = \"quarter\"\n": "连续2个季度",
		"\n[assessment]\nperiod = \"month\"\n": "连续2个月",
	} {
		s := loadSite(t, rules+key, towns("甲", "乙", "丙"), lone)
		wantMeasures(t, Archive(s).Months()[1], "丙 约谈 0 主要负责人（"+want+"综合考核排名倒数第一）config.toml:5")
	}
}

// An office that assesses every half year writes each half as the file
// of its last month, period = "1-6月" or "7-12月" (or 上半年, 下半年): a
// streak of such files is one of half years, across the year's end too,
// and its derived reason says 连续2个半年度 — not 连续2个月, nor 连续2个
// 半年, which reads as two and a half years.
//
//	2023-12 (7-12月): 甲 90 乙 80 丙 70 → last: 丙
//	2024-06 (1-6月):  甲 90 丙 70 乙 80 → last: 丙 → 连续2个半年度
//	2024-12 (下半年): 丙 90 甲 80 乙 70 → last: 乙
//	2025-06 (上半年): 甲 90 丙 80 乙 70 → last: 乙 → 连续2个半年度
func TestHalfFilesStreakInHalves(t *testing.T) {
	s := loadSite(t, `
[[rule]]
on = "composite"
select = "last"
streak = 2
action = "约谈"
who = "主要负责人"
`, towns("甲", "乙", "丙"), map[string]string{
		"data/2023-12.toml": "period = \"7-12月\"\n" + month("甲=90 乙=80 丙=70"),
		"data/2024-06.toml": "period = \"1-6月\"\n" + month("甲=90 丙=70 乙=80"),
		"data/2024-12.toml": "period = \"下半年\"\n" + month("丙=90 甲=80 乙=70"),
		"data/2025-06.toml": "period = \"上半年\"\n" + month("甲=90 丙=80 乙=70"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0])
	wantMeasures(t, ms[1], "丙 约谈 0 主要负责人（连续2个半年度综合考核排名倒数第一）config.toml:5")
	wantMeasures(t, ms[2])
	wantMeasures(t, ms[3], "乙 约谈 0 主要负责人（连续2个半年度综合考核排名倒数第一）config.toml:5")
}

// Each aggregate method over three months (§5.10), 丁 assessed in two:
//
//	points, 4 ranked: 100 75 50 25; 3 ranked: 100 66.67 33.33
//	2024-01: 丁 1, 甲 2, 乙 3, 丙 4 → 丁 100, 甲 75, 乙 50, 丙 25
//	2024-02: the same
//	2024-03: only y is scored, which does not apply to 丁: 甲 1, 乙 2, 丙 3
//	         → 甲 100, 乙 66.67, 丙 33.33
//
//	mean-points: 丁 100, 甲 83.33, 乙 55.56, 丙 27.78      → 丁 甲 乙 丙
//	sum-points:  甲 250, 丁 200, 乙 166.67, 丙 83.33       → 甲 丁 乙 丙
//	mean-rank:   丁 1, 甲 1.67, 乙 2.67, 丙 3.67 (lower better) → 丁 甲 乙 丙
func TestAggregateMethods(t *testing.T) {
	for _, c := range []struct{ method, want string }{
		{"mean-points", "丁1(100) 甲2(83.33) 乙3(55.56) 丙4(27.78)"},
		{"sum-points", "甲1(250) 丁2(200) 乙3(166.67) 丙4(83.33)"},
		{"mean-rank", "丁1(1) 甲2(1.67) 乙3(2.67) 丙4(3.67)"},
	} {
		t.Run(c.method, func(t *testing.T) {
			s := loadSite(t, fmt.Sprintf("[aggregate]\nmethod = %q\ngroupSize = 1\n\n[[rule]]\non = \"composite\"\nselect = \"first\"\nperiod = \"quarter\"\naction = \"奖励\"\namount = 10000\n", c.method),
				towns("甲", "乙", "丙", "丁"), map[string]string{
					"data/2024-01.toml": month("丁=9 甲=8 乙=7 丙=6"),
					"data/2024-02.toml": month("丁=9 甲=8 乙=7 丙=6"),
					"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\ntownships = \"all\"\n" +
						"[[indicator]]\nid = \"y\"\nname = \"指标Y\"\nsection = \"重点工作\"\ntownships = [\"甲\", \"乙\", \"丙\"]\n",
					"data/2024-03.toml":            "[[result]]\nindicator = \"y\"\n[result.townships]\n\"甲\" = 9\n\"乙\" = 8\n\"丙\" = 7\n",
					"content/circulars/2024-q1.md": "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"季度\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n",
				})
			res := Archive(s)
			q := res.Period("2024-Q1")
			if q == nil || !q.Aggregate() || q.Label != "2024年第一季度" || q.GroupSize != 1 {
				t.Fatalf("the quarter: %+v", q)
			}
			if got := order(q.Groups[0].Composite); got != c.want {
				t.Errorf("%s: %s, want %s", c.method, got, c.want)
			}
			if n, of := q.Assessed(s.Townships[3]); n != 2 || of != 3 {
				t.Errorf("丁 assessed in %d of %d months, want 2 of 3", n, of)
			}
			if keys := periodKeys(res); keys != "2024-01 2024-02 2024-03 2024-Q1" {
				t.Errorf("periods %s", keys)
			}
			first := strings.Fields(c.want)[0][:len("甲")]
			wantMeasures(t, q, first+" 奖励 10000 （乡镇、街道第一季度综合考核排名第一）config.toml:8")
			for _, m := range res.Months() {
				if len(m.Measures) > 0 {
					t.Errorf("a quarter's rule made measures in %s", m.Label)
				}
			}
		})
	}
}

// An aggregate is the mean of the composites the monthly circulars
// published (§5.10), rounded once: 甲's 80 and 60.33 average to 70.165
// exactly, 70.17 half away from zero, which ties 乙's 70.17 (甲 first by
// units.toml). Summed as binary floats, 80 + 60.33 is 140.32999…, whose
// half is 70.16499… and rounded to 70.16 put 甲 second.
func TestAggregateMeanIsExact(t *testing.T) {
	s := loadSite(t, "[scoring]\nmethod = \"score\"\n",
		towns("甲", "乙"), map[string]string{
			"data/2024-01.toml":            month("甲=80 乙=70.17"),
			"data/2024-02.toml":            month("甲=60.33 乙=70.17"),
			"content/circulars/2024-q1.md": "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"季度\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n",
		})
	q := Archive(s).Period("2024-Q1")
	if got, want := order(q.Groups[0].Composite), "甲1(70.17) 乙1(70.17)"; got != want {
		t.Errorf("the quarter: %s, want %s", got, want)
	}
}

// Large composites at many decimals (a total in yuan, 6 decimals) are
// whole numbers of millionths past int64's range: the quarter's mean of
// 10¹³ and 2·10¹³ is 1.5·10¹³, not a sum that wrapped around.
func TestAggregateOfLargeComposites(t *testing.T) {
	s := loadSite(t, "[scoring]\nmethod = \"score\"\ndecimals = 6\n",
		towns("甲", "乙"), map[string]string{
			"data/2024-01.toml":            month("甲=10000000000000 乙=1"),
			"data/2024-02.toml":            month("甲=20000000000000 乙=1"),
			"content/circulars/2024-q1.md": "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"季度\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n",
		})
	q := Archive(s).Period("2024-Q1")
	if got, want := order(q.Groups[0].Composite), "甲1(1.5e+13) 乙2(1)"; got != want {
		t.Errorf("the quarter: %s, want %s", got, want)
	}
}

// A township's adjustments are added as the decimals staff wrote (DESIGN
// §5.5): 乙 ranks second of two, 50 points, with adjustments 0.03 and 0.42:
// 50.45, 50.5 at one decimal. Summed as binary floats the two came to
// 0.44999…, and 乙 was published 50.4.
func TestAdjustmentsAddExactly(t *testing.T) {
	s := loadSite(t, "[scoring]\ndecimals = 1\n", towns("甲", "乙"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80",
			"[[adjustment]]\ntownship = \"乙\"\npoints = 0.03\nreason = \"加分\"",
			"[[adjustment]]\ntownship = \"乙\"\npoints = 0.42\nreason = \"加分\""),
	})
	if got, want := order(Archive(s).Months()[0].Groups[0].Composite), "甲1(100) 乙2(50.5)"; got != want {
		t.Errorf("composite %s, want %s", got, want)
	}
}

func periodKeys(r *Results) string {
	var keys []string
	for _, p := range r.Periods {
		keys = append(keys, p.Span.Key())
	}
	return strings.Join(keys, " ")
}

// A hand entry for the same unit and action as a rule's measure is an
// error at the hand entry, naming the rule (DESIGN.md §4).
func TestHandEntryRepeatingARule(t *testing.T) {
	s := loadSite(t, "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"行政负责人\"\n",
		towns("甲", "乙"), map[string]string{
			"data/2024-01.toml": month("甲=90 乙=80", "[[interview]]\nunit = \"乙\"\nwho = \"行政负责人\"\nkind = \"约谈\"\nreason = \"排名最后\"",
				"[[interview]]\nunit = \"甲\"\nwho = \"分管领导\"\nkind = \"约谈\"\nreason = \"另有原因\""),
		})
	err := Archive(s).Err()
	want := "data/2024-01.toml:7:1: [[interview]] 与规则重复：config.toml:4 的 [[rule]] 已对“乙”作出“约谈”（乡镇、街道综合考核排名倒数第一），请删去其中之一"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// Update makes a later month's streak again when an earlier month
// changes, and keeps a period whose measures come out the same.
func TestUpdateRemeasuresStreaks(t *testing.T) {
	config := "[ranking]\ngroupSize = 1\n[[rule]]\non = \"composite\"\nselect = \"bottom\"\nstreak = 2\naction = \"约谈\"\n"
	files := map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70"),
		"data/2024-02.toml": month("甲=90 乙=80 丙=70"),
		"data/2024-03.toml": month("甲=90 乙=80 丙=70"),
	}
	s := loadSite(t, config, towns("甲", "乙", "丙"), files)
	old := Archive(s)
	wantMeasures(t, old.Months()[1], "丙 约谈 0 （连续2个月综合考核排名最后）config.toml:6")
	// 2024-01 edited: 乙 last. 02's streak breaks; 03's holds (02, 03).
	files["data/2024-01.toml"] = month("甲=90 乙=60 丙=70")
	edited := loadSite(t, config, towns("甲", "乙", "丙"), files)
	s.Months[0] = edited.Months[0] // as the loader's cache does: the other months are the same values
	again := Update(old, s)
	wantMeasures(t, again.Months()[1])
	wantMeasures(t, again.Months()[2], "丙 约谈 0 （连续2个月综合考核排名最后）config.toml:6")
	if again.Months()[1] == old.Months()[1] {
		t.Error("2024-02's measures changed, and its period was kept")
	}
	if again.Months()[1].Groups[0] != old.Months()[1].Groups[0] {
		t.Error("2024-02's rankings did not change, and were made again")
	}
	if again.Months()[2] != old.Months()[2] {
		t.Error("2024-03's measures did not change, and its period was made again")
	}
}

// A file added beside a lone quarterly office's 1-3月 and 4-6月, of 7月,
// makes it a monthly office (its files' periods mixed), every file its
// month's report: a load through the preview's cache and Update over the
// results before word 4-6月's streak as a cold load and Archive do,
// 连续2个月, not as the results before, 连续2个季度.
func TestUpdateAfterTheOfficeKindChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "title = \"测试\"\n[issuer]\nname = \"测试市人民政府办公室\"\n\n[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = 2\naction = \"约谈\"\n")
	write("data/units.toml", towns("甲", "乙", "丙")+"\n[[department]]\nname = \"市发改委\"\nslug = \"fagai\"\n")
	write("data/indicators.toml", "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\nowners = [\"市发改委\"]\ntownships = \"all\"\n")
	write("layouts/base.html", "")
	write("data/2024-03.toml", "period = \"1-3月\"\n"+month("甲=90 乙=80 丙=70"))
	write("data/2024-06.toml", "period = \"4-6月\"\n"+month("甲=90 乙=80 丙=70"))
	var cache site.Cache
	s, err := site.LoadCached(dir, &cache)
	if err != nil {
		t.Fatal(err)
	}
	old := Archive(s)
	wantMeasures(t, old.Months()[1], "丙 约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:5")
	write("data/2024-07.toml", "period = \"7月\"\n"+month("甲=90 乙=80 丙=70"))
	s, err = site.LoadCached(dir, &cache)
	if err != nil {
		t.Fatal(err)
	}
	wantMeasures(t, Update(old, s).Months()[1], "丙 约谈 0 （连续2个月综合考核排名倒数第一）config.toml:5")
}

// A bottom rule with overlap selects the last k as they stand (§5.9),
// the top group's units among them: the 后三名约谈 of a county of five
// is places 3 to 5. Five townships, top 3 表扬, bottom 3 约谈 with
// overlap (position n−k+1 = 3):
//
//	2024-01: 甲 90 乙 85 丙 80 丁 75 戊 70 → ranks 1 2 3 4 5
//	  bottom: standing ≥ the 3rd's, 3 → 丙 丁 戊, three, none tied: 后三
//	  (丙 is 前三 too, and praised: the office's rules say both)
//	2024-02: 甲 90 乙 85 丙 80 丁 80 戊 70 → ranks 1 2 3 3 5
//	  bottom: standing ≥ 3 → 丙 丁 戊, three (the tie within): 后三
//	  top: rank ≤ 3 → 甲 乙 丙 丁, four: 丙 丁 并列第三
//	2024-03: 甲 90 乙 80 丙 80 丁 75 戊 70 → ranks 1 2 2 4 5
//	  bottom: standing ≥ the 3rd's, 2 → 乙 丙 丁 戊, four: the tie across
//	  the edge, places 2–3, from the end 4th and 3rd, taking the better:
//	  并列倒数第三; 丁 戊 后三
//	  top: rank ≤ 3 → 甲 乙 丙, three, but 乙 丙 tied at 2 inside: 前三
func TestOverlapSelectsTheLastK(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\", \"约谈\"]\n" + compositeRule("top", 3, "表扬") +
		"\n[[rule]]\non = \"composite\"\nselect = \"bottom\"\ncount = 3\noverlap = true\naction = \"约谈\"\n"
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁", "戊"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=80 丁=75 戊=70"),
		"data/2024-02.toml": month("甲=90 乙=85 丙=80 丁=80 戊=70"),
		"data/2024-03.toml": month("甲=90 乙=80 丙=80 丁=75 戊=70"),
	})
	ms := Archive(s).Months()
	wantMeasures(t, ms[0],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
		"丁 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
	)
	wantMeasures(t, ms[1],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"丁 表扬 0 （乡镇、街道综合考核排名并列第三）config.toml:7",
		"丙 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
		"丁 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
	)
	wantMeasures(t, ms[2],
		"甲 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"丙 表扬 0 （乡镇、街道综合考核排名前三）config.toml:7",
		"乙 约谈 0 （乡镇、街道综合考核排名并列倒数第三）config.toml:13",
		"丙 约谈 0 （乡镇、街道综合考核排名并列倒数第三）config.toml:13",
		"丁 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
		"戊 约谈 0 （乡镇、街道综合考核排名后三）config.toml:13",
	)
}

// An aggregate's derived reason names its ranking as the period's (§5.9,
// §5.10): 县（市、区）年度综合考核排名第一 in a year's circular, 上半年 in a
// half's, not the words of a month's; a term whose kind is a single
// character (县) is written whole. A streak over quarters counts them,
// 连续2个季度, and says no more.
func TestAggregateReasonsSayPeriod(t *testing.T) {
	circular := func(n int, data string) string {
		return fmt.Sprintf("+++\nnumber = \"测政办函〔2024〕%d号\"\ntitle = \"期\"\ndate = 2025-01-10\ndata = %q\n+++\n", n, data)
	}
	s := loadSite(t, `
[terms]
unit = "县（市、区）"

[[rule]]
on = "composite"
select = "first"
period = "year"
action = "奖励"
amount = 10000

[[rule]]
on = "composite"
select = "bottom"
count = 2
period = "half"
action = "约谈"

[[rule]]
on = "composite"
select = "last"
streak = 2
period = "quarter"
action = "提醒约谈"

[[rule]]
on = "composite"
select = "first"
action = "奖励"
amount = 100
`, towns("甲", "乙", "丙", "丁", "戊"),
		map[string]string{
			"data/2024-03.toml":       month("甲=90 乙=80 丙=70 丁=60 戊=50"),
			"data/2024-06.toml":       month("甲=90 乙=80 丙=70 丁=60 戊=50"),
			"content/circulars/q1.md": circular(1, "2024-Q1"),
			"content/circulars/q2.md": circular(2, "2024-Q2"),
			"content/circulars/h1.md": circular(3, "2024-H1"),
			"content/circulars/y.md":  circular(4, "2024"),
		})
	res := Archive(s)
	wantMeasures(t, res.Months()[0], "甲 奖励 100 （县（市、区）综合考核排名第一）config.toml:29")
	wantMeasures(t, res.Period("2024-Q1"))
	wantMeasures(t, res.Period("2024-Q2"), "戊 提醒约谈 0 （连续2个季度综合考核排名倒数第一）config.toml:22")
	wantMeasures(t, res.Period("2024-H1"),
		"丁 约谈 0 （县（市、区）上半年综合考核排名后两名）config.toml:15",
		"戊 约谈 0 （县（市、区）上半年综合考核排名后两名）config.toml:15")
	wantMeasures(t, res.Period("2024"), "甲 奖励 10000 （县（市、区）年度综合考核排名第一）config.toml:8")
}

// A group's composite streak names the group's composite before the run
// (§5.9): 东片综合考核连续2个月排名倒数第一, whose run it is said first; an
// indicator's keeps 连续 first, its group before the indicator's name, as
// does a composite without groups. By hand, two months of the same
// scores: 东片 甲 90 乙 80 丙 70, 西片 丁 95 己 85 戊 60 — 丙 and 戊 last of
// their groups twice, on x and so on the composite (x is all there is).
// A run toward a streak of 3 is 已连续 (Streaks): 已 before 连续, wherever
// 连续 stands.
func TestGroupStreakReason(t *testing.T) {
	rules := func(streak int) string {
		return fmt.Sprintf("\n[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = %d\naction = \"约谈\"\n"+
			"\n[[rule]]\non = \"indicator\"\nindicator = \"x\"\nselect = \"last\"\nstreak = %d\naction = \"约谈\"\n", streak, streak)
	}
	units := "[[group]]\nname = \"东片\"\n[[group]]\nname = \"西片\"\n" + towns("甲/东片", "乙/东片", "丙/东片", "丁/西片", "戊/西片", "己/西片")
	scores := month("甲=90 乙=80 丙=70 丁=95 戊=60 己=85")
	files := map[string]string{"data/2024-01.toml": scores, "data/2024-02.toml": scores}
	s := loadSite(t, rules(2), units, files)
	wantMeasures(t, Archive(s).Months()[1],
		"丙 约谈 0 （东片综合考核连续2个月排名倒数第一）config.toml:5",
		"戊 约谈 0 （西片综合考核连续2个月排名倒数第一）config.toml:5",
		"丙 约谈 0 （连续2个月东片指标X排名倒数第一）config.toml:11",
		"戊 约谈 0 （连续2个月西片指标X排名倒数第一）config.toml:11",
	)
	s = loadSite(t, rules(3), units, files)
	var bing *site.Unit
	for _, u := range s.Townships {
		if u.Name == "丙" {
			bing = u
		}
	}
	ps := Archive(s).Months()
	for n, want := range map[int][]string{
		1: {"东片综合考核排名倒数第一", "东片指标X排名倒数第一"},
		2: {"东片综合考核已连续2个月排名倒数第一", "已连续2个月东片指标X排名倒数第一"},
	} {
		var got []string
		for _, r := range Streaks(s, bing, ps[:n]) {
			got = append(got, r.Words)
		}
		if !slices.Equal(got, want) {
			t.Errorf("after %d months: %q, want %q", n, got, want)
		}
	}
}

// A reward rule that gives its whole amount to each of more units than
// its places, for a tie across its edge, is warned of at its amount,
// naming the period, the units and what is paid; the measures are
// unchanged. One indicator, so the composite ranks as the scores:
//
//	2024-01: 甲 90 乙 85 丙 85 丁 80 → 1 2 2 4: top 2 (20000) gives 甲 乙 丙,
//	         three for two places, 6万元; first (50000) gives 甲 alone
//	2024-02: 甲 90 乙 90 丙 80 丁 70 → 1 1 3 4: top 2 gives 甲 乙, two places,
//	         not told; first gives 甲 乙, two for one place, 10万元; the
//	         表扬 of top 1, no amount, is not told
//	2024-03: as 2024-02, with a [[waiver]] of 乙's 奖励: one unit for each
//	         rule, not told
func TestSharedRewardsWarned(t *testing.T) {
	config := "[terms]\nactions = [\"奖励\", \"表扬\"]\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"top\"\ncount = 2\naction = \"奖励\"\namount = 20000\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 50000\n" +
		compositeRule("top", 1, "表扬")
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=85 丙=85 丁=80"),
		"data/2024-02.toml": month("甲=90 乙=90 丙=80 丁=70"),
		"data/2024-03.toml": month("甲=90 乙=90 丙=80 丁=70", "[[waiver]]\nunit = \"乙\"\naction = \"奖励\"\nreason = \"并列，按考核办法另行奖励\""),
	})
	res := Archive(s)
	wantMeasures(t, res.Months()[1],
		"甲 奖励 20000 （乡镇、街道综合考核排名前两名）config.toml:7",
		"乙 奖励 20000 （乡镇、街道综合考核排名前两名）config.toml:7",
		"甲 奖励 50000 （乡镇、街道综合考核排名并列第一）config.toml:14",
		"乙 奖励 50000 （乡镇、街道综合考核排名并列第一）config.toml:14",
		"甲 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:20",
		"乙 表扬 0 （乡镇、街道综合考核排名并列第一）config.toml:20",
	)
	want := []string{
		"config.toml:12:1: 警告：2024年1月乡镇、街道综合考核排名，甲第一，乙、丙并列第二；这条规则奖励2名、每名2万元，并列的各得全额，3个单位共6万元：并列的是否平分，由考核办法定；要平分的，在 data/2024-01.toml 中为乙、丙各写一项 [[waiver]] 免去规则的奖励，另写 [[reward]] 给出各自的金额",
		"config.toml:18:1: 警告：2024年2月乡镇、街道综合考核排名，甲、乙并列第一；这条规则奖励1名、每名5万元，并列的各得全额，2个单位共10万元：并列的是否平分，由考核办法定；要平分的，在 data/2024-02.toml 中为甲、乙各写一项 [[waiver]] 免去规则的奖励，另写 [[reward]] 给出各自的金额",
	}
	var got []string
	for _, d := range res.SharedRewards(s) {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A streak's derived reason tells the run, not one period's tie: the
// first and the last of a run may be tied in one of its months only, and
// 连续2个月综合考核排名并列倒数第一 would say they were tied in both (as
// the edge ties of top and bottom are not said of a streak: §5.9,
// 连续期数的规则仍写“后三”). A unit page's run toward a rule is the same.
//
//	2024-01: 甲 90 乙 80 丙 70 丁 60 → first 甲, last 丁, neither tied
//	2024-02: 甲 90 乙 90 丙 60 丁 60 → first 甲 乙 tied, last 丙 丁 tied:
//	         甲 first twice → 表扬, 连续2个月综合考核排名第一;
//	         丁 last twice → 约谈, 连续2个月综合考核排名倒数第一;
//	         乙 and 丙 once only, none
func TestStreakReasonNotOneMonthsTie(t *testing.T) {
	config := "[terms]\nactions = [\"表扬\", \"约谈\"]\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"first\"\nstreak = 2\naction = \"表扬\"\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = 2\naction = \"约谈\"\n" +
		"\n[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = 3\naction = \"约谈\"\nwho = \"主要负责人\"\n"
	s := loadSite(t, config, towns("甲", "乙", "丙", "丁"), map[string]string{
		"data/2024-01.toml": month("甲=90 乙=80 丙=70 丁=60"),
		"data/2024-02.toml": month("甲=90 乙=90 丙=60 丁=60"),
	})
	ps := Archive(s).Months()
	wantMeasures(t, ps[1],
		"甲 表扬 0 （连续2个月综合考核排名第一）config.toml:7",
		"丁 约谈 0 （连续2个月综合考核排名倒数第一）config.toml:13",
	)
	var ding *site.Unit
	for _, u := range s.Townships {
		if u.Name == "丁" {
			ding = u
		}
	}
	var got []string
	for _, r := range Streaks(s, ding, ps) {
		got = append(got, r.Words)
	}
	if want := []string{"已连续2个月综合考核排名倒数第一"}; !slices.Equal(got, want) {
		t.Errorf("丁's run toward the rule of 3: %q, want %q", got, want)
	}
}
