package build

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// rewrittenSite is a site of three townships ranked by the sum of two
// indicators' scores, the first rewarded and the last 约谈:
//
//	        经济(w 1)  财政(w 1)  sum   rank
//	甲街道      90        60      150   3  约谈
//	乙街道      80        75      155   2
//	丙镇        70        95      165   1  奖励 10000
//
// With 经济's weight 3 (next year's method written over this one's) the
// sums are 330, 315 and 305: 甲街道 first and rewarded, 丙镇 last.
func rewrittenSite(t *testing.T) string {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"config.toml": `title = "测试"
[issuer]
name = "测试区人民政府办公室"
[ranking]
cityUnits = 12
[scoring]
method = "sum"
[[rule]]
on     = "composite"
select = "first"
action = "奖励"
amount = 10000
[[rule]]
on     = "composite"
select = "last"
action = "约谈"
who    = "主要负责人"
`,
		"data/units.toml": `[[township]]
name = "甲街道"
slug = "jia"
[[township]]
name = "乙街道"
slug = "yi"
[[township]]
name = "丙镇"
slug = "bing"
`,
		"data/indicators.toml": `[[indicator]]
id = "jingji"
name = "经济"
section = "重点工作"
townships = "all"
weight = 1
[[indicator]]
id = "caizheng"
name = "财政"
section = "重点工作"
townships = "all"
`,
		"data/2023-02.toml": `period = "1-2月"
[[result]]
indicator = "jingji"
[result.townships]
"甲街道" = 90
"乙街道" = 80
"丙镇" = 70
[[result]]
indicator = "caizheng"
[result.townships]
"甲街道" = 60
"乙街道" = 75
"丙镇" = 95
`,
		"content/circulars/2023-02.md": `+++
number = "测政办函〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
+++
正文。
`,
	})
	return dir
}

// TestRewrittenCircularsWarned: a weight changed after a circular was
// published, not as a change from a later month, re-ranks it; check, the preview and the build each say which
// published circular's results change and how — every composite score
// and rank, the reward and the 约谈 moved — at the circular's 文号, and
// the build says it once. A change that leaves the results as they were
// (the title) is not warned of.
func TestRewrittenCircularsWarned(t *testing.T) {
	dir := rewrittenSite(t)
	run := func(check bool) []string { t.Helper(); return warnedOf(t, dir, check, "考核结果") }
	if w := run(false); len(w) > 0 {
		t.Fatalf("a first build warns: %q", w)
	}
	edit := func(rel, old, new string) { t.Helper(); replaceIn(t, filepath.Join(dir, rel), old, new) }
	edit("content/circulars/2023-02.md", "关于测试的通报", "关于测试情况的通报")
	if w := run(false); len(w) > 0 {
		t.Fatalf("the title changed, the results did not: %q", w)
	}

	// Next year's weight written as a change from its month: February,
	// published, stays as it was.
	edit("data/indicators.toml", "weight = 1\n", "weight = 1\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 3\n")
	if w := run(false); len(w) > 0 {
		t.Fatalf("a weight from March on: %q", w)
	}
	edit("data/indicators.toml", "[[indicator.change]]\nfrom = \"2023-03\"\nweight = 3\n", "")

	// Written over the old one, it re-ranks February.
	edit("data/indicators.toml", "weight = 1", "weight = 3")
	want := "content/circulars/2023-02.md:2:1: 警告：已发布的2023年1-2月的通报（测政办函〔2023〕5号），考核结果与上次生成的不同：" +
		"新增奖励甲街道10000元；新增约谈丙镇主要负责人；不再奖励丙镇10000元；不再约谈甲街道主要负责人；" +
		"综合考核甲街道得分150.00→330.00，第3名→第1名；综合考核乙街道得分155.00→315.00；综合考核丙镇得分165.00→305.00，第1名→第3名。"
	checked := run(true)
	if len(checked) != 1 || !strings.HasPrefix(checked[0], want) {
		t.Fatalf("check:\n got %q\nwant %q…", checked, want)
	}
	if !strings.Contains(checked[0], "updated") || !strings.Contains(checked[0], "起始月份") {
		t.Errorf("the warning does not say what to do: %q", checked[0])
	}

	// The preview, comparing with public/ while the edit is being made.
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	outputs, err := Render(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	pub := NewPublished(filepath.Join(dir, "public"))
	if d := pub.Since(s, outputs); len(d) != 1 || d[0].String() != checked[0] {
		t.Errorf("preview:\n got %v\nwant %q", d, checked[0])
	}
	// At the next save the two are not compared again: the published
	// file, spoilt here, is not read while the manifest and the new bytes
	// stay as they were.
	published := filepath.Join(dir, "public", "circulars", "2023", "5", "data.json")
	keep, err := os.ReadFile(published)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(published, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if d := pub.Since(s, outputs); len(d) != 1 || d[0].String() != checked[0] {
		t.Errorf("preview, compared again:\n got %v\nwant %q", d, checked[0])
	}
	if err := os.WriteFile(published, keep, 0o644); err != nil {
		t.Fatal(err)
	}

	if got := run(false); len(got) != 1 || got[0] != checked[0] {
		t.Errorf("build:\n got %q\nwant %q", got, checked[0])
	}
	if got := run(false); len(got) > 0 {
		t.Errorf("the build after compares with the rewritten circular: %q", got)
	}

	// A correction marked (updated): said so, not told to mark it.
	edit("content/circulars/2023-02.md", "date = ", "updated = 2023-05-06\ndate = ")
	edit("data/indicators.toml", "weight = 3", "weight = 1")
	got := run(false)
	if len(got) != 1 || !strings.HasSuffix(got[0], "这份通报已写明更正日期（updated = 2023-05-06）：这正是更正的内容的，不必理会") {
		t.Errorf("a correction marked:\n got %q", got)
	}
}

// TestRewrittenMethodStated: data.json states the composite's method,
// and the aggregate's on a quarter's circular. A public/ written before
// it did (simulated by taking the fields out of the published files and
// their manifest) is not warned of as rewritten: the results are the
// same. A method changed — a site-wide setting, so every published
// circular is re-ranked by it — is told of as a result: with method
// "score" the composite is the mean, by hand 甲(90+60)/2 = 75, 乙77.5,
// 丙82.5, the order and so the measures as before; the quarter, of one
// month, has the same scores by sum-points as by mean-points, and only
// its method differs.
func TestRewrittenMethodStated(t *testing.T) {
	dir := rewrittenSite(t)
	writeSite(t, dir, map[string]string{
		"content/circulars/2023-Q1.md": "+++\nnumber = \"测政办函〔2023〕10号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-05-08\ndata = \"2023-Q1\"\n+++\n正文。\n",
	})
	run := func() []string { t.Helper(); return warnedOf(t, dir, false, "考核结果") }
	if w := run(); len(w) > 0 {
		t.Fatalf("a first build warns: %q", w)
	}
	pub := filepath.Join(dir, "public")
	month := filepath.Join(pub, "circulars", "2023", "5", "data.json")
	quarter := filepath.Join(pub, "circulars", "2023", "10", "data.json")
	replaceIn(t, month, `"scoring":{"method":"sum","decimals":2},`, "")
	replaceIn(t, quarter, `"scoring":{"method":"sum","decimals":2},"aggregate":{"method":"mean-points"},`, "")
	m, err := ScanTree(pub)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pub, ManifestName), m.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if w := run(); len(w) > 0 {
		t.Errorf("data.json written before it stated the methods is warned of: %q", w)
	}

	cfg := filepath.Join(dir, "config.toml")
	replaceIn(t, cfg, `method = "sum"`, `method = "score"`)
	replaceIn(t, cfg, "", "[aggregate]\nmethod = \"sum-points\"\n")
	want := []string{
		"content/circulars/2023-02.md:2:1: 警告：已发布的2023年1-2月的通报（测政办函〔2023〕5号），考核结果与上次生成的不同：" +
			"综合得分的算法（[scoring] method）sum→score；综合考核丙镇得分165.00→82.50；综合考核乙街道得分155.00→77.50；综合考核甲街道得分150.00→75.00。" +
			"综合得分的算法是全站各期通用的设置，不能只对以后的月份适用，改了就改写全部已发布的通报；",
		"content/circulars/2023-Q1.md:2:1: 警告：已发布的2023年第一季度的通报（测政办函〔2023〕10号），考核结果与上次生成的不同：" +
			"综合得分的算法（[scoring] method）sum→score；季度、半年、年度综合得分的算法（[aggregate] method）mean-points→sum-points；" +
			"综合考核丙镇得分165.00→82.50；综合考核乙街道得分155.00→77.50；综合考核甲街道得分150.00→75.00。" +
			"综合得分的算法是全站各期通用的设置，不能只对以后的月份适用，改了就改写全部已发布的通报；",
	}
	got := run()
	if len(got) != len(want) {
		t.Fatalf("a changed method: got\n%q\nwant\n%q…", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("a changed method: got\n%q\nwant\n%q…", got[i], want[i])
		}
	}
}

// TestResultDiffs: the differences are told measures first (taken, then
// withdrawn; by what and to whom, not by their wording), then the
// composite and each indicator unit by unit — a score, a rank, a tie,
// a unit listed or no longer — then the indicators ranked anew or no
// longer; what is alike is not told. Scores are as the circulars show
// them, with their decimals (old's data.json, of before, says none: as
// it has them).
func TestResultDiffs(t *testing.T) {
	two := 2
	tw := func(name string, score float64, rank int, tied bool) render.OpenTownship {
		return render.OpenTownship{Name: name, Score: &score, Rank: rank, Tied: tied}
	}
	old := render.OpenData{
		Composite: []render.OpenTownship{tw("甲", 90, 1, false), tw("乙", 80, 2, false), tw("丙", 70, 3, false)},
		Indicators: []render.OpenIndicator{
			{ID: "a", Name: "经济", Townships: []render.OpenTownship{tw("甲", 9, 1, false), tw("乙", 8, 2, false)}},
			{ID: "b", Name: "财政", Townships: []render.OpenTownship{tw("甲", 1, 1, false)}},
			{ID: "d", Name: "禁毒"}, // ranked above only: not told
		},
		Rewards:    []render.OpenReward{{Unit: "甲", Amount: 100, Reason: "第一"}},
		Interviews: []render.OpenInterview{{Unit: "丙", Who: "主要负责人", Kind: "约谈", Reason: "最后"}},
	}
	now := render.OpenData{
		Composite: []render.OpenTownship{tw("甲", 90, 1, true), tw("乙", 90, 1, true), tw("丁", 60, 3, false)},
		Indicators: []render.OpenIndicator{
			{ID: "a", Name: "经济运行", Townships: []render.OpenTownship{tw("甲", 9, 1, false), tw("乙", 7.5, 2, false)}, Decimals: &two},
			{ID: "c", Name: "就业", Townships: []render.OpenTownship{tw("甲", 5, 1, false)}},
		},
		Scoring:    render.OpenScoring{Decimals: 1},
		Rewards:    []render.OpenReward{{Unit: "甲", Amount: 100, Reason: "排名第一"}},
		Interviews: []render.OpenInterview{{Unit: "丁", Who: "主要负责人", Kind: "约谈", Reason: "最后"}},
	}
	want := []string{
		"新增约谈丁主要负责人",
		"不再约谈丙主要负责人",
		"综合考核甲第1名→并列第1名",
		"综合考核乙得分80→90.0，第2名→并列第1名",
		"综合考核新列入丁（60.0分，第3名）",
		"综合考核不再列入丙",
		"指标名称“经济”→“经济运行”",
		"经济运行乙得分8→7.50",
		"新增就业的排名",
		"不再有财政的排名",
	}
	if got := resultDiffs(old, now); !slices.Equal(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := resultDiffs(old, old); len(got) != 0 {
		t.Errorf("the same results differ: %q", got)
	}
}

// TestRewrittenWarnedInOrder: the circulars a build would re-rank are
// told in the order they were issued, not by their addresses as text —
// circulars/2023/12/ sorts before circulars/2023/3/ — so that the first
// ten are the earliest and the 3号 of March comes before the 12号 of
// October.
func TestRewrittenWarnedInOrder(t *testing.T) {
	s := &site.Site{}
	var found []republished
	for i, serial := range []int{3, 7, 12, 15} {
		c := &site.Circular{File: fmt.Sprintf("content/circulars/2023-%02d.md", i+3), NumberLine: 2, NumberCol: 1, Year: 2023, Serial: serial}
		s.Circulars = append(s.Circulars, c)
		now, err := json.Marshal(render.OpenData{Period: fmt.Sprintf("2023年%d月", i+3)})
		if err != nil {
			t.Fatal(err)
		}
		found = append(found, republished{path: c.URLPath() + "data.json", now: now})
	}
	found[0], found[3] = found[3], found[0] // as a build streams them: any order
	got := rewrittenWarnings(s, found, func(republished) []string { return []string{"综合考核甲街道得分1→2"} })
	var files []string
	for _, d := range got {
		files = append(files, d.File)
	}
	want := []string{"content/circulars/2023-03.md", "content/circulars/2023-04.md", "content/circulars/2023-05.md", "content/circulars/2023-06.md"}
	if !slices.Equal(files, want) {
		t.Errorf("warned in the order\n%q\nwant\n%q", files, want)
	}
}

// TestRewrittenByASpanWarnedAtIt: a change of 考核办法 whose from is a
// month already published — a slip of the year, 2023-02 for 2024-02 —
// re-ranks that month and those after; besides each circular's warning,
// one is at the [[indicator.change]] (or the [[rule]]) whose from is the
// first month re-ranked, saying what to write. A change that rewrites
// nothing, from a month after those re-ranked, or in force in the month
// re-ranked but not what changed its results (it was published so), is
// not warned of.
func TestRewrittenByASpanWarnedAtIt(t *testing.T) {
	dir := rewrittenSite(t)
	run := func() []string { t.Helper(); return spanWarned(t, dir) }
	run()
	p := filepath.Join(dir, "data", "indicators.toml")
	replaceIn(t, p, "weight = 1\n", "weight = 1\n[[indicator.change]]\nfrom = \"2023-02\"\nweight = 3\n[[indicator.change]]\nfrom = \"2023-05\"\nweight = 4\n")
	want := []string{"data/indicators.toml:8:1: 警告：指标“经济”自 2023-02 起的调整改变了已发布的 2023-02 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"新的考核办法只对以后的月份适用的，from 写尚未发布的第一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}

	// The change above is published now: the rule below re-ranks
	// February again, and only the rule is warned of.
	cfg := filepath.Join(dir, "config.toml")
	replaceIn(t, cfg, "", "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"分管负责人\"\nfrom = \"2023-02\"\n")
	want = []string{"config.toml:18:1: 警告：这条规则自 2023-02 起适用（from），改变了已发布的 2023-02 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"新的考核办法只对以后的月份适用的，from 写尚未发布的第一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestRewrittenByAMaxWarnedAtIt: a 满分 changed from a month already
// published re-scores a score derived from counts (信访稳定, 10 − 1 a 件,
// raised to 12), and is warned of at the change as a weight is; one
// changed of a typed score (经济, 100 lowered to 95, over every score
// published) re-scores nothing and is not.
func TestRewrittenByAMaxWarnedAtIt(t *testing.T) {
	dir := rewrittenSite(t)
	replaceIn(t, filepath.Join(dir, "data", "indicators.toml"), "", `[[indicator]]
id = "xinfang-df"
name = "信访稳定"
section = "重点工作"
max = 10
deduct = [{ indicator = "xinfang", per = 1 }]
[[indicator]]
id = "xinfang"
name = "信访件数"
parent = "xinfang-df"
townships = "all"
better = "lower"
weight = 0
scoreUnit = "件"
`)
	replaceIn(t, filepath.Join(dir, "data", "2023-02.toml"), "", "[[result]]\nindicator = \"xinfang\"\n[result.townships]\n\"甲街道\" = 0\n\"乙街道\" = 1\n\"丙镇\" = 2\n")
	run := func() []string { t.Helper(); return spanWarned(t, dir) }
	run()
	p := filepath.Join(dir, "data", "indicators.toml")
	replaceIn(t, p, "weight = 1\n", "weight = 1\nmax = 100\n[[indicator.change]]\nfrom = \"2023-02\"\nmax = 95\n")
	replaceIn(t, p, "per = 1 }]\n", "per = 1 }]\n[[indicator.change]]\nfrom = \"2023-02\"\nmax = 12\n")
	want := []string{"data/indicators.toml:23:1: 警告：指标“信访稳定”自 2023-02 起的调整改变了已发布的 2023-02 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"新的考核办法只对以后的月份适用的，from 写尚未发布的第一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestRewrittenByAQuarterRuleWarnedAtIt: a quarter's rule given the from
// of a quarter already published (2023-01 for 2025-01) changes only the
// quarter's circular — no month's — and is warned of at its line as a
// month's rule is: the quarter it first applies to, 2023-Q1, is the
// earliest quarter whose results changed, by a measure the rule gives.
func TestRewrittenByAQuarterRuleWarnedAtIt(t *testing.T) {
	dir := rewrittenSite(t)
	writeSite(t, dir, map[string]string{
		"data/2023-03.toml": `[[result]]
indicator = "jingji"
[result.townships]
"甲街道" = 90
"乙街道" = 80
"丙镇" = 70
[[result]]
indicator = "caizheng"
[result.townships]
"甲街道" = 60
"乙街道" = 75
"丙镇" = 95
`,
		"content/circulars/2023-03.md": "+++\nnumber = \"测政办函〔2023〕8号\"\ntitle = \"关于三月的通报\"\ndate = 2023-04-20\ndata = \"2023-03\"\n+++\n正文。\n",
		"content/circulars/2023-Q1.md": "+++\nnumber = \"测政办函〔2023〕10号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-05-08\ndata = \"2023-Q1\"\n+++\n正文。\n",
	})
	run := func() []string { t.Helper(); return spanWarned(t, dir) }
	run()
	cfg := filepath.Join(dir, "config.toml")
	replaceIn(t, cfg, "", "[[rule]]\nperiod = \"quarter\"\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"分管负责人\"\nfrom = \"2023-01\"\n")
	want := []string{"config.toml:18:1: 警告：这条规则自 2023-01 起适用（from），改变了已发布的 2023-Q1 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"新的考核办法只对以后的月份适用的，from 写尚未发布的第一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}

	// Published so, the quarter's rule given an until before the quarter
	// takes its 约谈 away again: warned of at it.
	replaceIn(t, cfg, "from = \"2023-01\"", "until = \"2022-12\"")
	want = []string{"config.toml:18:1: 警告：这条规则截止于 2022-12（until），此后不再适用，改变了已发布的 2023-Q1 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"不再用的规则，until 写已发布的最后一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestRewrittenByAYearRuleUntilWarnedAtIt: a year's rule given an until
// within the year published (2023-06, the year's circular judged by its
// December) takes its 约谈 away and is warned of at its until — a month
// compared with the year's key as text, 2023-06 after 2023, said nothing.
func TestRewrittenByAYearRuleUntilWarnedAtIt(t *testing.T) {
	dir := rewrittenSite(t)
	months := map[string]string{}
	for m := 3; m <= 12; m++ {
		months[fmt.Sprintf("data/2023-%02d.toml", m)] = "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n[[result]]\nindicator = \"caizheng\"\n[result.townships]\n\"甲街道\" = 60\n\"乙街道\" = 75\n\"丙镇\" = 95\n"
	}
	months["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2024〕2号\"\ntitle = \"关于年度的通报\"\ndate = 2024-01-20\ndata = \"2023\"\n+++\n正文。\n"
	writeSite(t, dir, months)
	cfg := filepath.Join(dir, "config.toml")
	replaceIn(t, cfg, "", "[[rule]]\nperiod = \"year\"\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"分管负责人\"\n")
	run := func() []string { t.Helper(); return spanWarned(t, dir) }
	run()
	replaceIn(t, cfg, "", "until = \"2023-06\"\n")
	want := []string{"config.toml:18:1: 警告：这条规则截止于 2023-06（until），此后不再适用，改变了已发布的 2023 及以后各期通报的考核结果（见各期通报的提醒）：" +
		"不再用的规则，until 写已发布的最后一个月"}
	if got := run(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// spanWarned builds the site in dir and returns the warnings of published
// results that stand at a file of the settings, not at a circular: those
// at an [[indicator.change]] or a [[rule]].
func spanWarned(t *testing.T, dir string) []string {
	t.Helper()
	var warned []string
	if _, err := Build(context.Background(), Options{Source: dir, Warn: func(d diag.Diagnostic) {
		if !strings.HasPrefix(d.File, "content/") && strings.Contains(d.Msg, "已发布") {
			warned = append(warned, d.String())
		}
	}}); err != nil {
		t.Fatal(err)
	}
	return warned
}

// replaceIn replaces the first old in the file at path with new, or,
// with old "", appends new to it; old must be there.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b) + new
	if old != "" {
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q", path, old)
		}
		text = strings.Replace(string(b), old, new, 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUnlistedWarned: build and check warn of the measures a rule decides
// that the circular lists nowhere — the sample's office adds 书面检查 for
// the last township, whose body, written before, has no list of it. The
// last is 火车站乡 (the seed: 火车站乡行政负责人（乡镇、街道综合考核排名倒数
// 第一）); the warning stands at the body's last list of measures, the
// sample's line 58 ({{< interviews "提醒约谈" >}}).
func TestUnlistedWarned(t *testing.T) {
	dir := sampleCopy(t)
	config := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"提醒约谈"]`, `"提醒约谈", "书面检查"]`, 1) +
		"\n[[rule]]\non     = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\n"
	if err := os.WriteFile(config, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{`content/circulars/2023-02.md:58:1: 警告：2023年1-2月有书面检查（火车站乡），通报正文没有列出：要列出，在正文中加一行 {{< measures "书面检查" >}}`}
	for _, check := range []bool{true, false} {
		if got := warnedOf(t, dir, check, "通报正文没有列出"); !slices.Equal(got, want) {
			t.Errorf("check %v: warned\n%s\nwant\n%s", check, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestScore: a score is told with the decimals its circular shows, and
// never with fewer places than it has.
func TestScore(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{{78.1, 2, "78.10"}, {80, 2, "80.00"}, {80, 0, "80"}, {78.125, 2, "78.125"}, {7.5, 0, "7.5"}} {
		if got := score(c.v, c.decimals); got != c.want {
			t.Errorf("score(%v, %d) = %s, want %s", c.v, c.decimals, got, c.want)
		}
	}
}

// TestResultDiffsCount: a count's values changed are said with their
// unit, as the circular shows them (信访件数乙2件→3件, 新列入丙（1件…）),
// not as a score's (得分2→3, 1分); a score beside it keeps 得分.
func TestResultDiffsCount(t *testing.T) {
	tw := func(name string, score float64, rank int) render.OpenTownship {
		return render.OpenTownship{Name: name, Score: &score, Rank: rank}
	}
	zero := 0
	old := render.OpenData{Indicators: []render.OpenIndicator{
		{ID: "x", Name: "信访件数", ScoreUnit: "件", Decimals: &zero, Townships: []render.OpenTownship{tw("甲", 0, 1), tw("乙", 2, 2)}},
		{ID: "r", Name: "满意率", ScoreUnit: "%", Decimals: &zero, Townships: []render.OpenTownship{tw("甲", 98, 1)}},
	}}
	now := render.OpenData{Indicators: []render.OpenIndicator{
		{ID: "x", Name: "信访件数", ScoreUnit: "件", Decimals: &zero, Townships: []render.OpenTownship{tw("甲", 0, 1), tw("丙", 1, 2), tw("乙", 3, 3)}},
		{ID: "r", Name: "满意率", ScoreUnit: "%", Decimals: &zero, Townships: []render.OpenTownship{tw("甲", 97, 1)}},
	}}
	want := []string{
		"信访件数新列入丙（1件，第2名）",
		"信访件数乙2件→3件，第2名→第3名",
		"满意率甲得分98→97",
	}
	if got := resultDiffs(old, now); !slices.Equal(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
