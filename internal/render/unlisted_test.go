package render

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestUnlisted: the measures the rules decide for a period are warned of
// when its circular's body lists them nowhere — the month a new 考核办法
// brings 书面检查 into a body copied from the month before. historySite's
// composites, ranked by hand (see historySite): 2022-12 乙 #1, 甲 #2,
// 丙 #3; 2023-01 乙 and 丙 #1, 甲 #3; 2023-02 甲 #1, 乙 #2, 丙 #3. The
// bottom two of three leave out who is in the top two (docs/rules.md,
// 前几名和后几名), so 书面检查 falls on 丙镇 in December and February
// and on 甲街道 in January.
func TestUnlisted(t *testing.T) {
	f := ruledHistorySite(`"奖励", "约谈", "书面检查"`, `
[[rule]]
on = "composite"
select = "first"
action = "奖励"
amount = 1000

[[rule]]
on = "composite"
select = "last"
action = "约谈"

[[rule]]
on = "composite"
select = "bottom"
count = 2
action = "书面检查"
`)
	body := func(name, text string) {
		f[name] = strings.Replace(f[name], "正文。\n", text, 1)
	}
	// Written by hand, without a shortcode: each unit is named.
	body("content/circulars/2022-12.md", "正文。奖励乙街道1000元；约谈丙镇，并书面检查。\n")
	// Copied from a month of the old rules: no 书面检查, though 甲街道 is
	// named.
	body("content/circulars/2023-01.md", "正文。甲街道进展较慢。\n\n{{< rewards >}}\n\n{{< interviews \"约谈\" >}}\n")
	// Warned at the last shortcode of measures, where the new one goes.
	// 书面检查 listed only in a code block, which is no shortcode, and
	// 丙镇 named only with the 约谈 written out by hand; the rewards by a
	// shortcode whose argument is bare.
	body("content/circulars/2023-02.md", "正文。\n\n对丙镇给予约谈。\n\n```\n{{< measures \"书面检查\" >}}\n```\n\n{{< measures 奖励 >}}\n")
	s := loadFiles(t, f)
	var got []string
	for _, d := range Unlisted(s, rank.Archive(s)) {
		got = append(got, d.String())
	}
	want := []string{
		"content/circulars/2023-01.md:11:1: 警告：2023年1月有书面检查（甲街道），通报正文没有列出：要列出，在正文中加一行 {{< measures \"书面检查\" >}}",
		"content/circulars/2023-02.md:15:1: 警告：2023年2月有书面检查（丙镇），通报正文没有列出：要列出，在正文中加一行 {{< measures \"书面检查\" >}}",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Each listed in its own way: nothing to warn of.
	body2 := "正文。\n\n{{< rewards >}}\n\n{{< interviews >}}\n"
	for _, name := range []string{"content/circulars/2022-12.md", "content/circulars/2023-01.md", "content/circulars/2023-02.md"} {
		f[name] = f[name][:strings.Index(f[name], "+++\n正文")+4] + body2
	}
	s = loadFiles(t, f)
	if l := Unlisted(s, rank.Archive(s)); len(l) > 0 {
		t.Errorf("listed by rewards and a bare interviews, warned: %v", l)
	}
}

// TestUnlistedMessageNamesThree: a long list of units is cut after the
// third, with their number.
func TestUnlistedMessageNamesThree(t *testing.T) {
	var ms []rank.Measure
	for _, n := range []string{"甲乡", "乙乡", "丙乡", "丁乡", "戊乡"} {
		ms = append(ms, rank.Measure{Unit: &site.Unit{Name: n}, Action: "约谈"})
	}
	want := "警告：2024年度有约谈（甲乡、乙乡、丙乡等5个单位），通报正文没有列出：要列出，在正文中加一行 {{< measures \"约谈\" >}}"
	if got := unlistedMessage("2024年度", "约谈", ms); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	want = "警告：2024年度有奖励（甲乡），通报正文没有列出：要列出，在正文中加一行 {{< rewards >}}"
	if got := unlistedMessage("2024年度", "奖励", ms[:1]); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// A unit with two measures of the action is one unit.
	twice := []rank.Measure{ms[0], ms[1], ms[0], ms[2], ms[3]}
	want = "警告：2024年度有约谈（甲乡、乙乡、丙乡等4个单位），通报正文没有列出：要列出，在正文中加一行 {{< measures \"约谈\" >}}"
	if got := unlistedMessage("2024年度", "约谈", twice); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestUnlistedOfTwoCirculars: a month may have two circulars — the
// assessment and one commending the units rewarded. What one of them
// lists is listed for the month: the second, with only `rewards`, is not
// warned of the 约谈 the first lists. A unit rewarded twice (the first of
// the composite and of 经济运行: 甲街道 in February, 95 and by hand
// (95+90)/2 ahead of 乙's and 丙's) is named once in a warning.
func TestUnlistedOfTwoCirculars(t *testing.T) {
	f := ruledHistorySite(`"奖励", "约谈"`, `
[[rule]]
on = "composite"
select = "first"
action = "奖励"
amount = 1000

[[rule]]
on = "indicator"
indicator = "jingji"
select = "first"
action = "奖励"
amount = 500

[[rule]]
on = "composite"
select = "last"
action = "约谈"
`)
	for _, name := range []string{"content/circulars/2022-12.md", "content/circulars/2023-01.md"} {
		delete(f, name)
	}
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。\n", "正文。\n\n{{< interviews \"约谈\" >}}\n", 1)
	f["content/circulars/2023-02-b.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于表彰的通报\"\ndate = 2023-04-05\ndata = \"2023-02\"\n+++\n表彰如下。\n\n{{< rewards >}}\n"
	s := loadFiles(t, f)
	if l := Unlisted(s, rank.Archive(s)); len(l) > 0 {
		t.Errorf("each listed by one of the month's circulars, warned: %v", l)
	}
	delete(f, "content/circulars/2023-02-b.md")
	s = loadFiles(t, f)
	var got []string
	for _, d := range Unlisted(s, rank.Archive(s)) {
		got = append(got, d.String())
	}
	want := []string{"content/circulars/2023-02.md:9:1: 警告：2023年2月有奖励（甲街道），通报正文没有列出：要列出，在正文中加一行 {{< rewards >}}"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestListsNotInACommentOrCode: a part commented out (<!-- -->), or
// shown in a code block, lists nothing, though its line is a shortcode's
// as it stands; in a list item it still lists.
func TestListsNotInACommentOrCode(t *testing.T) {
	for body, want := range map[string]bool{
		"正文。\n\n{{< rewards >}}\n\n<!--\n{{< measures \"约谈\" >}}\n-->\n": false,
		"正文。\n\n{{< rewards >}}\n\n```\n{{< measures \"约谈\" >}}\n```\n":  false,
		"正文。\n\n{{< rewards >}}\n\n~~~\n{{< measures \"约谈\" >}}\n~~~\n":  false,
		"正文。\n\n{{< rewards >}}\n\n{{< measures \"约谈\" >}}\n":            true,
		"正文。\n\n{{< rewards >}}\n\n- {{< interviews \"约谈\" >}}\n":        true,
	} {
		if got := Lists([]byte(body), "约谈"); got != want {
			t.Errorf("Lists(%q, 约谈) = %v, want %v", body, got, want)
		}
	}
}

// TestListingOfHandWrittenNotParsed: a body that lists its measures by
// hand, its only shortcode a table's, is read without being parsed — the
// preview reads every circular's on every save — and lists nothing; one
// whose shortcode a line cannot tell (in a list item) is parsed.
func TestListingOfHandWrittenNotParsed(t *testing.T) {
	parsed := 0
	all := func(body string) func() []markdown.Shortcode {
		return func() []markdown.Shortcode {
			parsed++
			scs, _ := markdown.New().Shortcodes([]byte(body))
			return scs
		}
	}
	body := "正文。\n\n{{< township-ranking >}}\n\n对甲街道奖励1000元；约谈丙镇主要负责人。\n"
	if l := listingOf([]byte(body), all(body), []string{"奖励", "约谈"}, nil); l.lists("奖励") || l.lists("约谈") || parsed != 0 {
		t.Errorf("a body written by hand: listing %+v, parsed %d times", l, parsed)
	}
	body = "正文。\n\n- {{< rewards >}}\n"
	if l := listingOf([]byte(body), all(body), []string{"奖励"}, nil); !l.lists("奖励") || l.last != 3 || parsed != 1 {
		t.Errorf("rewards in a list item: listing %+v, parsed %d times", l, parsed)
	}
}

// TestDemoListsItsMeasures: gen-demo's circulars list every measure the
// office's rules decide — a year's too: the annual office's 年度最后一名约谈
// was in no part of the year's circular, and its demo was warned of at
// once (警告：2022年度有约谈（西区），通报正文没有列出). A rule not yet in
// force (通报表扬 of a year from 2030) gives no part.
func TestDemoListsItsMeasures(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("../../testdata/offices/annual")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(src, "config.toml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "\n[[rule]]\non = \"composite\"\nselect = \"first\"\nperiod = \"year\"\nfrom = \"2030-01\"\naction = \"通报表扬\"\n"...)
	if err := os.WriteFile(cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	office, err := site.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, office, 2, 1); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l := Unlisted(s, rank.Archive(s)); len(l) > 0 {
		t.Errorf("the demo is warned of:\n%v", l)
	}
	b, err = os.ReadFile(filepath.Join(dir, "content", "circulars", "2022.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := "## 二、考核奖惩\n\n### （一）奖励\n\n{{< rewards >}}\n\n### （二）约谈\n\n{{< measures \"约谈\" >}}\n"
	if !strings.HasSuffix(string(b), want) {
		t.Errorf("the year's circular ends\n%s\nwant\n%s", b[max(0, len(b)-300):], want)
	}
}

// ruledHistorySite is historySite with the office's actions (quoted and
// comma-separated, as config.toml writes them) and rules, [[rule]] tables.
func ruledHistorySite(actions, rules string) map[string]string {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], `peer = "三区"`, "peer = \"三区\"\nactions = ["+actions+"]", 1) + rules
	return f
}

// TestWrittenOut: measures are written out by hand when a paragraph names
// each unit with the action; a unit named elsewhere is not, nor is an
// action named only within another of the office's (提醒约谈 is no 约谈).
func TestWrittenOut(t *testing.T) {
	actions := []string{"奖励", "约谈", "提醒约谈"}
	ms := []rank.Measure{{Unit: &site.Unit{Name: "火车站乡"}, Action: "约谈"}}
	for body, want := range map[string]bool{
		"对火车站乡行政负责人给予约谈。\n":        true,
		"对火车站乡行政负责人给予约谈。\r\n":      true,
		"火车站乡进展较慢。\n\n约谈另行通知。\n":   false,
		"对火车站乡分管领导给予提醒约谈。\n":       false,
		"对火车站乡给予提醒约谈，并约谈其行政负责人。\n": true,
	} {
		if got := writtenOut([]byte(body), "约谈", ms, actions); got != want {
			t.Errorf("writtenOut(%q) = %v, want %v", body, got, want)
		}
	}
}

// TestUnlistedSection: a circular that lists its month's indicators by
// section, and not a section the month reports, is warned of — the body
// copied from a month that did not assess it. historySite's months report
// 重点工作 (经济运行, 财政收入) and 重点任务 (安全生产); 2023-02's body
// lists 重点工作 alone, at its line 3, the section before 重点任务. What
// shows the section's indicators otherwise, or leaves them out on
// purpose, is not warned of.
func TestUnlistedSection(t *testing.T) {
	const (
		circ = "content/circulars/2023-02.md"
		work = "正文。\n\n{{< indicators \"重点工作\" >}}\n"
		want = "content/circulars/2023-02.md:9:1: 警告：2023年2月（data/2023-02.toml）有“重点任务”1项指标的考核结果（安全生产），通报正文没有列出这一栏：要列出，在正文中加一个标题和一行 {{< indicators \"重点任务\" >}}；有意不列出的，在前置信息中为其中每项写一个 [[entry]]，omit = true"
	)
	warned := func(t *testing.T, f map[string]string) []string {
		t.Helper()
		s := loadFiles(t, f)
		var got []string
		for _, d := range Unlisted(s, rank.Archive(s)) {
			got = append(got, d.String())
		}
		return got
	}
	with := func(body string) map[string]string {
		f := historySite()
		f[circ] = strings.Replace(f[circ], "正文。\n", body, 1)
		return f
	}
	if got := warned(t, with(work)); !slices.Equal(got, []string{want}) {
		t.Errorf("重点任务 left out:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	// Before the first section listed, the warning is at the first:
	// 重点工作 left out of a body that lists 重点任务 at its line 3.
	want2 := "content/circulars/2023-02.md:9:1: 警告：2023年2月（data/2023-02.toml）有“重点工作”2项指标的考核结果（经济运行、财政收入），通报正文没有列出这一栏：要列出，在正文中加一个标题和一行 {{< indicators \"重点工作\" >}}；有意不列出的，在前置信息中为其中每项写一个 [[entry]]，omit = true"
	if got := warned(t, with("正文。\n\n{{< indicators \"重点任务\" >}}\n")); !slices.Equal(got, []string{want2}) {
		t.Errorf("重点工作 left out:\n%s\nwant\n%s", strings.Join(got, "\n"), want2)
	}
	// 财政收入 shown by a table: 经济运行 alone is left.
	want3 := "content/circulars/2023-02.md:9:1: 警告：2023年2月（data/2023-02.toml）有“重点工作”1项指标的考核结果（经济运行）"
	if got := warned(t, with("正文。\n\n{{< indicators \"重点任务\" >}}\n\n{{< table \"caizheng\" >}}\n")); len(got) != 1 || !strings.HasPrefix(got[0], want3) {
		t.Errorf("财政收入 by a table:\n%s\nwant %s…", strings.Join(got, "\n"), want3)
	}

	entry := func(f map[string]string, id string) {
		f[circ] = strings.Replace(f[circ], "+++\n正文", "\n[[entry]]\nindicator = \""+id+"\"\nomit = true\n+++\n正文", 1)
	}
	quiet := map[string]func() map[string]string{
		// Left out on purpose: 安全生产 omitted.
		"omitted": func() map[string]string {
			f := with(work)
			entry(f, "anquan")
			return f
		},
		// Shown by a table.
		"table": func() map[string]string {
			return with(work + "\n{{< table \"anquan\" >}}\n")
		},
		// Written out by hand.
		"by hand": func() map[string]string {
			return with(work + "\n### （二）重点任务\n\n安全生产。甲街道第一。\n")
		},
		// No section listed by indicators: written by hand, as every
		// circular of historySite is, or not the circular of them.
		"no section listed": func() map[string]string {
			return with("正文。\n\n{{< township-ranking >}}\n")
		},
		// A second circular of the month lists it: the first, which
		// lists 重点工作, leaves out nothing of the month.
		"another circular": func() map[string]string {
			f := with(work)
			f["content/circulars/2023-02-b.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于安全生产的通报\"\ndate = 2023-04-03\ndata = \"2023-02\"\n+++\n正文。\n\n{{< indicators \"重点任务\" >}}\n"
			return f
		},
		// A quarter's circular lists no section (indicators is monthly),
		// though its months report both.
		"quarter": func() map[string]string {
			f := with("正文。\n\n{{< indicators \"重点工作\" >}}\n\n{{< indicators \"重点任务\" >}}\n")
			f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< indicators \"重点工作\" >}}\n"
			return f
		},
	}
	for name, f := range quiet {
		t.Run(name, func(t *testing.T) {
			if got := warned(t, f()); len(got) > 0 {
				t.Errorf("warned:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// TestUnlistedSectionGroup: a group left out by its own [[entry]] omit
// leaves out its entries with it, which are then not warned of; one of
// its entries left out alone leaves the other to warn of.
func TestUnlistedSectionGroup(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] += `[[indicator]]
id = "anquan-zu"
name = "安全"
section = "重点任务"
[[indicator]]
id = "xiaofang"
name = "消防"
parent = "anquan-zu"
owners = ["区发改局"]
`
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "[categories]", "[[result]]\nindicator = \"xiaofang\"\ncity = 4\n[categories]", 1)
	const circ = "content/circulars/2023-02.md"
	f[circ] = strings.Replace(f[circ], "+++\n正文。\n", "\n[[entry]]\nindicator = \"anquan\"\nomit = true\n+++\n正文。\n\n{{< indicators \"重点工作\" >}}\n", 1)
	s := loadFiles(t, f)
	l := Unlisted(s, rank.Archive(s))
	if want := "有“重点任务”1项指标的考核结果（消防）"; len(l) != 1 || !strings.Contains(l[0].Msg, want) {
		t.Errorf("安全生产 omitted, 消防 not: %v, want one warning with %s", l, want)
	}
	f[circ] = strings.Replace(f[circ], "+++\n正文", "\n[[entry]]\nindicator = \"anquan-zu\"\nomit = true\n+++\n正文", 1)
	s = loadFiles(t, f)
	if l := Unlisted(s, rank.Archive(s)); len(l) > 0 {
		t.Errorf("the group of 消防 omitted too: %v", l)
	}
}
