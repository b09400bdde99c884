package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// omitSite is historySite with groupSize 1 (the bottom groups are the
// last alone, the city-bottom list 排全市最后, city rank 12 of 12 or the
// last of the 三区), and a group 经济组 whose 工业 (区发改局's) is twelfth
// in the city in 2023-02; entries are the 2023-02 circular's [[entry]]s,
// its body the two shortcodes.
func omitSite(entries string) map[string]string {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[ranking]\n", "[ranking]\ngroupSize = 1\n", 1)
	f["data/indicators.toml"] += "[[indicator]]\nid = \"zu\"\nname = \"经济组\"\nsection = \"重点工作\"\n" +
		"[[indicator]]\nid = \"gongye\"\nname = \"工业\"\nparent = \"zu\"\nsection = \"重点工作\"\nowners = [\"区发改局\"]\n"
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "[categories]", "[[result]]\nindicator = \"gongye\"\ncity = 12\n[categories]", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "+++\n正文。",
		entries+"+++\n{{< indicators \"重点工作\" >}}\n\n{{< city-bottom >}}", 1)
	return f
}

// bottomItems are the items of a circular's city-bottom list.
var bottomItems = regexp.MustCompile(`<li>([^<]*（责任单位：[^<]*)</li>`)

// TestOmittedEntryLeads: what a circular leaves out ([[entry]] omit), or
// ranks in its own words (ranking), the unit pages' leads, which retell
// it, leave out too; the data — the 负责指标 list's ranks, the tables —
// keep it, as the circular's appendix does. By hand from omitSite's
// 2023-02 (区发改局 一类, 1月 二类; 区财政局 二类, 1月 一类):
//   - the city-bottom list would hold, in document order, 财政收入 (third
//     of the 三区, 区财政局's) and 工业 (第十二, 区发改局's; of no rank in
//     1月, 上月无排名 in the 负责指标 list); 丙镇 is last on 经济运行 (75 against
//     95) and 安全生产 (70 against 90).
//   - 经济组 left out takes 工业 with it, from the circular's list and
//     from 区发改局's lead, which then says nothing of the list — not
//     没有, which the appendix's 第十二 would belie; 经济运行's ranking
//     sentence in other words drops it from 丙镇's lagging indicators.
//   - 财政收入 and 安全生产 left out: 区财政局's lead has its category
//     alone, 丙镇's names 经济运行 alone.
func TestOmittedEntryLeads(t *testing.T) {
	const (
		fagai    = `<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为一类，上月为二类。</p>`
		caizheng = `<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为二类，上月为一类。</p>`
		gongye   = `<p class="history-span">负责指标中排全市最后的单项目标：<a href="/indicators/gongye/">工业</a>，排名第十二。</p>`
		peerLast = `<p class="history-span">负责指标中排全市最后的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三（只考核三区）。</p>`
		jingji   = `<a href="/indicators/jingji/">经济运行</a>第三（得分75.0，第一名95.0）`
		anquan   = `<a href="/indicators/anquan/">安全生产</a>第三（得分70.0，第一名90.0）`
		lagging  = `<p class="history-span">排名最后的单项指标：`
	)
	for _, c := range []struct {
		name, entries string
		leads         map[string][]string // department slug: its lead's lines
		bing          string              // 丙镇's lagging line
		list          []string            // the circular's city-bottom items
	}{
		{"no entry", "", map[string][]string{"fagai": {fagai, gongye}, "caizheng": {caizheng, peerLast}},
			lagging + jingji + "；" + anquan + "。</p>",
			[]string{"1. 财政收入，排名第三（只考核三区）。（责任单位：区财政局）", "2. 工业，排名第十二。（责任单位：区发改局）"}},
		{"a group left out, a ranking in other words",
			"[[entry]]\nindicator = \"zu\"\nomit = true\n[[entry]]\nindicator = \"jingji\"\nranking = \"该项数据正在核实，本月暂不通报排名。\"\n",
			map[string][]string{"fagai": {fagai}, "caizheng": {caizheng, peerLast}},
			lagging + anquan + "。</p>",
			[]string{"1. 财政收入，排名第三（只考核三区）。（责任单位：区财政局）"}},
		{"entries left out", "[[entry]]\nindicator = \"caizheng\"\nomit = true\n[[entry]]\nindicator = \"anquan\"\nomit = true\n",
			map[string][]string{"fagai": {fagai, gongye}, "caizheng": {caizheng}},
			lagging + jingji + "。</p>",
			[]string{"1. 工业，排名第十二。（责任单位：区发改局）"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := renderFiles(t, loadFiles(t, omitSite(c.entries)), "")
			for slug, want := range c.leads {
				if got := leadLines(string(files["units/"+slug+"/index.html"])); !slices.Equal(got, want) {
					t.Errorf("%s's lead:\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
			bing := leadLines(string(files["units/bing/index.html"]))
			if !slices.Contains(bing, c.bing) {
				t.Errorf("丙镇's lead:\n%s\nwant the line\n%s", strings.Join(bing, "\n"), c.bing)
			}
			circ := string(files["circulars/2023/5/index.html"])
			var list []string
			for _, m := range bottomItems.FindAllStringSubmatch(circ, -1) {
				list = append(list, m[1])
			}
			if !slices.Equal(list, c.list) {
				t.Errorf("the circular's city-bottom list:\n%s\nwant\n%s", strings.Join(list, "\n"), strings.Join(c.list, "\n"))
			}
			// The data stays: 工业's twelfth in 区发改局's 负责指标 list,
			// 区财政局's 财政收入 in its own.
			if got, want := ownedNotes(t, string(files["units/fagai/index.html"])), []string{"2023年2月的排名和变化：", "经济运行 全市综合排名第一，比上月上升4位。", "工业 全市综合排名第十二，上月无排名。"}; !slices.Equal(got, want) {
				t.Errorf("区发改局's 负责指标:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestOmittedEntryLeadCached: the lead follows the circular's [[entry]]
// through the preview's cache: omit written into the 2023-02 circular
// takes 工业 from 区发改局's lead, as a build does.
func TestOmittedEntryLeadCached(t *testing.T) {
	dir := writeFiles(t, omitSite(""))
	pv := &preview{dir: dir}
	const path = "units/fagai/index.html"
	if got := leadLines(pv.page(t, path)); len(got) != 2 || !strings.Contains(got[1], "工业") {
		t.Fatalf("before the edit: %q", got)
	}
	editFile(t, dir, "content/circulars/2023-02.md", "+++\n{{<", "[[entry]]\nindicator = \"gongye\"\nomit = true\n+++\n{{<")
	if got := leadLines(pv.page(t, path)); len(got) != 1 {
		t.Errorf("工业 left out, through the cache, the lead is still %q", got)
	}
}

// TestOmittedEntryStreaks: a run toward a rule of an entry the newest
// circular leaves unsaid is not in the lead either, which would name it
// where the circular does not. omitSite with two rules of two months
// running: a city rule on the last city rank, which 工业 (区发改局's,
// twelfth of twelve in 2023-02, of no result in 1月) begins; an
// indicator rule on 经济运行's last, which 丙镇 begins (75 of 95, 85; in
// 1月 甲街道 was last). With 经济组 left out and 经济运行's ranking in
// other words, neither run is said; with other entries left out, both.
func TestOmittedEntryStreaks(t *testing.T) {
	const rules = "[[rule]]\non = \"city\"\nselect = \"last\"\nstreak = 2\naction = \"约谈\"\nwho = \"分管领导\"\n" +
		"[[rule]]\non = \"indicator\"\nindicator = \"jingji\"\nselect = \"last\"\nstreak = 2\naction = \"约谈\"\nwho = \"行政负责人\"\n"
	streaks := regexp.MustCompile(`<p class="history-streak">[^<]*</p>`)
	for _, c := range []struct {
		name, entries string
		said          bool
	}{
		{"no entry", "", true},
		{"a group left out, a ranking in other words", "[[entry]]\nindicator = \"zu\"\nomit = true\n[[entry]]\nindicator = \"jingji\"\nranking = \"该项数据正在核实，本月暂不通报排名。\"\n", false},
		{"other entries left out", "[[entry]]\nindicator = \"caizheng\"\nomit = true\n[[entry]]\nindicator = \"anquan\"\nomit = true\n", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := omitSite(c.entries)
			f["config.toml"] += rules
			files := renderFiles(t, loadFiles(t, f), "")
			for slug, name := range map[string]string{"fagai": "工业", "bing": "经济运行"} {
				got := streaks.FindAllString(string(files["units/"+slug+"/index.html"]), -1)
				said := slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, name) && strings.Contains(s, "再有1个月如此") })
				if said != c.said {
					t.Errorf("%s's runs %q: one of %s said %v, want %v", slug, got, name, said, c.said)
				}
			}
		})
	}
}
