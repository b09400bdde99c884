package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
)

// leadLines are the paragraphs a unit's page opens with, above its
// 本页目录: the lead, the list, the streaks, the year's measures.
func leadLines(page string) []string {
	head, _, _ := strings.Cut(page, `<nav class="history-toc"`)
	return regexp.MustCompile(`<p class="history-(?:lead|span|streak)">.*?</p>`).FindAllString(head, -1)
}

// TestDepartmentLeadSeed: the repository's own site, by hand from
// data/2023-02.toml (双政办函〔2023〕14号 reports 1-2月; groupSize 3 of
// cityUnits 12, so the city-bottom list holds the entries ranked tenth
// or below). 区发改局 is 二类 and owns 规模以上服务业营业收入 (第十一),
// 固定资产投资 (第四), 推动经济高质量发展 (第十), 省市重点建设项目整体推进
// and 地方政府专项债券项目 (第四) and 中央预算内投资项目 (第八): two on the
// list, in document order. 区信访局
// is 一类, its 信访维稳 first in the city, none on the list, and the
// rule of a city first rewards it. The archive's one month has no month
// before, so neither says how its category changed.
func TestDepartmentLeadSeed(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	for slug, want := range map[string][]string{
		"fagai": {
			`<p class="history-lead"><a href="/circulars/2023/14/">2023年1-2月</a>考核排类为二类。</p>`,
			`<p class="history-span">负责指标中排全市后三的单项目标：<a href="/indicators/fuwuye/">规模以上服务业营业收入</a>，排名第十一；<a href="/indicators/gaozhiliang/">推动经济高质量发展</a>，排名第十。</p>`,
		},
		"xinfang": {
			`<p class="history-lead"><a href="/circulars/2023/14/">2023年1-2月</a>考核排类为一类。</p>`,
			`<p class="history-span">负责指标中没有排全市后三的单项目标。</p>`,
			`<p class="history-span">本月予以奖励3万元（信访维稳全市排名第一）。</p>`,
		},
		// 安置地自建房办证 (banzheng) is ranked among the 三区 alone, and last (district = 3).
		"ziranziyuan": {
			`<p class="history-lead"><a href="/circulars/2023/14/">2023年1-2月</a>考核排类为二类。</p>`,
			`<p class="history-span">负责指标中排全市后三的单项目标：<a href="/indicators/banzheng/">安置地自建房办证</a>，排名第三（只考核三区）。</p>`,
		},
	} {
		if got := leadLines(string(files["units/"+slug+"/index.html"])); !slices.Equal(got, want) {
			t.Errorf("%s's lead:\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDepartmentLeadCategories: historySite sorts its departments every
// month. By hand, 2023年2月: 区发改局 一类 (一月二类), its 经济运行 first
// in the city; 区财政局 二类 (一月一类), its 财政收入 third of the 三区
// with no city rank, so on the list (§5.6). With 区发改局 二类 in February
// as in January, its category is 与上月相同. Without categories, the
// list's line is the first, and links the period.
func TestDepartmentLeadCategories(t *testing.T) {
	files := renderFiles(t, loadFiles(t, historySite()), "")
	for slug, want := range map[string][]string{
		"fagai": {
			`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为一类，上月为二类。</p>`,
			`<p class="history-span">负责指标中没有排全市后三的单项目标。</p>`,
		},
		"caizheng": {
			`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为二类，上月为一类。</p>`,
			`<p class="history-span">负责指标中排全市后三的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三（只考核三区）。</p>`,
		},
	} {
		if got := leadLines(string(files["units/"+slug+"/index.html"])); !slices.Equal(got, want) {
			t.Errorf("%s's lead:\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	f := historySite()
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "\"一类\" = [\"区发改局\"]\n\"二类\" = [\"区财政局\"]\n", "\"一类\" = [\"区财政局\"]\n\"二类\" = [\"区发改局\"]\n", 1)
	page := string(renderFiles(t, loadFiles(t, f), "")["units/fagai/index.html"])
	if want := `<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为二类，与上月相同。</p>`; !strings.Contains(page, want) {
		t.Errorf("区发改局, 二类 two months running, lacks %s", want)
	}

	// Without [categories], the list's line leads, and links the period.
	f = historySite()
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = regexp.MustCompile(`(?s)\[categories\]\n.*`).ReplaceAllString(src, "")
		}
	}
	files = renderFiles(t, loadFiles(t, f), "")
	for slug, want := range map[string][]string{
		"fagai":    {`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>负责指标中没有排全市后三的单项目标。</p>`},
		"caizheng": {`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>负责指标中排全市后三的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三（只考核三区）。</p>`},
	} {
		if got := leadLines(string(files["units/"+slug+"/index.html"])); !slices.Equal(got, want) {
			t.Errorf("without categories, %s's lead:\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDepartmentLeadWithoutCityRanks: an office given no ranks from
// above has no city-bottom list to be on, and one that sorts no
// categories no category to say: with neither, a department's page opens
// with nothing (its tables say what there is), and never with 全市 or
// 考核排类. (Given peer ranks alone: TestPeerOnlyBottom.)
func TestDepartmentLeadWithoutCityRanks(t *testing.T) {
	f := historySite()
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			src = regexp.MustCompile(`(?m)^(city|district) = \d+\n`).ReplaceAllString(src, "")
			f[name] = regexp.MustCompile(`(?s)\[categories\]\n.*`).ReplaceAllString(src, "")
		}
	}
	files := renderFiles(t, loadFiles(t, f), "")
	for _, slug := range []string{"fagai", "caizheng"} {
		page := string(files["units/"+slug+"/index.html"])
		if got := leadLines(page); len(got) != 0 {
			t.Errorf("%s's page, with no city ranks or categories, opens with %q", slug, got)
		}
		for _, word := range []string{"全市", "三区", "考核排类为"} {
			if strings.Contains(page, word) {
				t.Errorf("%s's page speaks of %s", slug, word)
			}
		}
	}
}

// TestDepartmentLeadRules: a department named by a rule's measure, and
// its runs toward a city rule with a streak. historySite's 经济运行
// (区发改局's) is ranked 3, 5, 1 in the city: a city first's reward in
// 2023年2月, the year's only one (本月予以奖励…, and no count of the year); the
// city top three three months running (streak 3) broken by January's 5,
// so one month toward it, two more to go. With January's rank 2, three
// months running: one more for a streak of 4, and for a streak of 3 its
// reward in February, whose circular gives it. The top five rewarded
// each month: January's and February's, so the year's count too.
func TestDepartmentLeadRules(t *testing.T) {
	first := "[[rule]]\non = \"city\"\nselect = \"first\"\naction = \"奖励\"\namount = 30000\n"
	top := func(streak string) string {
		return "[[rule]]\non = \"city\"\nselect = \"top\"\nstreak = " + streak + "\naction = \"奖励\"\namount = 20000\n"
	}
	streaks := regexp.MustCompile(`<p class="history-streak">[^<]*</p>`)
	for _, c := range []struct {
		name, rules, january string
		streaks              []string
		period, year         string
	}{
		{"broken", first + top("3"), "5", []string{"本月经济运行全市排名前三，再有2个月如此，按规则予以奖励。"}, "予以奖励3万元（经济运行全市排名第一）", ""},
		{"running", top("4"), "2", []string{"已连续3个月经济运行全市排名前三，再有1个月如此，按规则予以奖励。"}, "", ""},
		{"reached", top("3"), "2", nil, "予以奖励2万元（连续3个月经济运行全市排名前三）", ""},
		{"year", "[[rule]]\non = \"city\"\nselect = \"top\"\ncount = 5\naction = \"奖励\"\namount = 10000\n", "5", nil,
			"予以奖励1万元（经济运行全市排名第一）", "奖励2次"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := historySite()
			f["config.toml"] += c.rules
			f["data/2023-01.toml"] = strings.Replace(f["data/2023-01.toml"], "city = 5\n", "city = "+c.january+"\n", 1)
			files := renderFiles(t, loadFiles(t, f), "")
			page := string(files["units/fagai/index.html"])
			var want []string
			for _, s := range c.streaks {
				want = append(want, `<p class="history-streak">`+s+`</p>`)
			}
			if got := streaks.FindAllString(page, -1); !slices.Equal(got, want) {
				t.Errorf("区发改局's streaks: %q, want %q", got, want)
			}
			for _, line := range []struct{ said, want string }{
				{"本月予以", `<p class="history-span">本月` + c.period + `。</p>`},
				{"2023年奖惩：", `<p class="history-span">2023年奖惩：` + c.year + `（见<a href="#measures-heading">奖惩情况</a>）。</p>`},
			} {
				if c.period == "" && line.said == "本月予以" || c.year == "" && line.said == "2023年奖惩：" {
					if strings.Contains(page, line.said) {
						t.Errorf("区发改局's page says %s…, but should not", line.said)
					}
				} else if !strings.Contains(page, line.want) {
					t.Errorf("区发改局's page lacks %s", line.want)
				}
			}
			// 区财政局 owns no city-ranked entry: no run, no measure.
			if other := string(files["units/caizheng/index.html"]); strings.Contains(other, "history-streak") || strings.Contains(other, "本月予以") {
				t.Error("区财政局's page speaks of 区发改局's run or measure")
			}
		})
	}
}

// TestRankedOwnerLead: a ranked unit that owns an indicator (县信访局 of
// a 县委督查室 ranking the county's departments) says, after where it
// stands, that what it owns is on the city-bottom list: with groupSize 1,
// 信访件办理 ranked 12th of the city's 12 is 排全市最后. By hand, its
// 政府部门 composite (rank-points, three units): 督办件 third (33.33),
// 12345热线 second (66.67), 信访件 first (100, fewer is better), 66.67 to
// 县发改局's 55.56 and 县政务服务中心's 77.78: second of three. 县政务服务中心
// owns 12345热线满意度, ranked in no city: no such line; nor for 县委督查室,
// a department owning one such entry and sorted into no category, whose
// page opens with nothing.
func TestRankedOwnerLead(t *testing.T) {
	f := departmentOffice()
	f["config.toml"] = strings.Replace(f["config.toml"], "cityRanks = false\n", "", 1)
	f["data/2024-01.toml"] = strings.Replace(f["data/2024-01.toml"], "indicator = \"xinfang\"\n", "indicator = \"xinfang\"\ncity = 12\n", 1)
	files := renderFiles(t, loadFiles(t, f), "")
	got := leadLines(string(files["units/xinfang/index.html"]))
	want := []string{
		`<p class="history-lead"><a href="/circulars/2024/1/">2024年1月</a>政府部门综合考核排名第二（共3个）。</p>`,
		`<p class="history-span">负责指标中排全市最后的单项目标：<a href="/indicators/xinfang/">信访件办理</a>，排名第十二。</p>`,
	}
	if len(got) < 2 || !slices.Equal(got[:2], want) {
		t.Errorf("县信访局's lead:\n%s\nwant it to open with\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if page := string(files["units/zhengwu/index.html"]); strings.Contains(page, "单项目标") {
		t.Error("县政务服务中心's page speaks of the city-bottom list, where it owns no entry ranked in the city")
	}
	if got := leadLines(string(files["units/duchashi/index.html"])); len(got) != 0 {
		t.Errorf("县委督查室's page opens with %q", got)
	}
}

// TestDepartmentLeadPeriodWords: the lead speaks of the office's period,
// as the township's does. historySite as a quarterly office's and a
// half-year office's: 区发改局 一类 in the newest period, 二类 in the one
// before — 上季度为二类, 上期为二类 (上半年度 would name January to June);
// its city first rewarded 本季度, 本期.
func TestDepartmentLeadPeriodWords(t *testing.T) {
	rule := "[[rule]]\non = \"city\"\nselect = \"first\"\naction = \"奖励\"\namount = 30000\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"quarterly", quarterlyHistorySite(), []string{
			`<p class="history-lead"><a href="/circulars/2023/5/">2023年4-6月</a>考核排类为一类，上季度为二类。</p>`,
			`<p class="history-span">负责指标中没有排全市后三的单项目标。</p>`,
			`<p class="history-span">本季度予以奖励3万元（经济运行全市排名第一）。</p>`,
		}},
		{"half-yearly", halfYearHistorySite(), []string{
			`<p class="history-lead"><a href="/circulars/2023/5/">2023年7-12月</a>考核排类为一类，上期为二类。</p>`,
			`<p class="history-span">负责指标中没有排全市后三的单项目标。</p>`,
			`<p class="history-span">本期予以奖励3万元（经济运行全市排名第一）。</p>`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.files["config.toml"] += rule
			page := string(renderFiles(t, loadFiles(t, c.files), "")["units/fagai/index.html"])
			if got := leadLines(page); !slices.Equal(got, c.want) {
				t.Errorf("区发改局's lead:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestDepartmentLeadRenamed: a department renamed in a 机构改革 (区发改局
// until 2023-01, 区发展和改革局 from 2023-02, both owning 经济运行) goes on
// with its predecessor's run toward a city rule, as its measures do: 经济
// 运行 third, second and first in the city, three months in its top three
// — one more for a streak of 4 — and its category with its
// predecessor's the month before (一类, 上月为二类), as a township's
// rank goes on from its former name's.
func TestDepartmentLeadRenamed(t *testing.T) {
	f := historySite()
	f["config.toml"] += "[[rule]]\non = \"city\"\nselect = \"top\"\nstreak = 4\naction = \"奖励\"\namount = 20000\n"
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"fagai\"\n", "slug = \"fagai\"\nuntil = \"2023-01\"\nbecame = \"区发展和改革局\"\n[[department]]\nname = \"区发展和改革局\"\nslug = \"fazhangaige\"\nfrom = \"2023-02\"\n", 1)
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], `owners = ["区发改局"]`, `owners = ["区发改局", "区发展和改革局"]`, 1)
	f["data/2023-01.toml"] = strings.Replace(f["data/2023-01.toml"], "city = 5\n", "city = 2\n", 1)
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], `"一类" = ["区发改局"]`, `"一类" = ["区发展和改革局"]`, 1)
	files := renderFiles(t, loadFiles(t, f), "")
	want := []string{
		`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为一类，上月为二类。</p>`,
		`<p class="history-span">负责指标中没有排全市后三的单项目标。</p>`,
		`<p class="history-streak">已连续3个月经济运行全市排名前三，再有1个月如此，按规则予以奖励。</p>`,
	}
	if got := leadLines(string(files["units/fazhangaige/index.html"])); !slices.Equal(got, want) {
		t.Errorf("区发展和改革局's lead:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The former name's category moved: the page, through the preview's
	// cache, says the new one as a build does (departmentReads).
	dir := writeFiles(t, f)
	pv := &preview{dir: dir}
	const successor = "units/fazhangaige/index.html"
	pv.page(t, successor)
	editFile(t, dir, "data/2023-01.toml", `"一类" = ["区财政局"]`+"\n"+`"二类" = ["区发改局"]`, `"一类" = ["区财政局", "区发改局"]`)
	if page := pv.page(t, successor); !strings.Contains(page, "考核排类为一类，与上月相同。") {
		t.Errorf("区发改局 一类 in January, 区发展和改革局's page through the cache says %q", leadLines(page)[0])
	}
	// 区发改局's page speaks of its last month, 2023年1月, and of no run.
	old := leadLines(string(files["units/fagai/index.html"]))
	if len(old) == 0 || !strings.Contains(old[0], "2023年1月</a>考核排类为二类，上月为一类。") || slices.ContainsFunc(old, func(s string) bool { return strings.Contains(s, "history-streak") }) {
		t.Errorf("区发改局's lead: %q", old)
	}
}

// ownedNotes are the 负责指标 list of a unit's page: the line of its
// period, if any, then its items, each indicator's name and what is said
// of its ranks.
func ownedNotes(t *testing.T, page string) []string {
	t.Helper()
	_, list, ok := strings.Cut(page, `<h2 id="owned-heading">负责指标</h2>`)
	if !ok {
		t.Fatal("no 负责指标 section")
	}
	list, _, _ = strings.Cut(list, "</ul>")
	var out []string
	// The period said once above the list (text: its link's markup
	// dropped), then the items.
	if m := regexp.MustCompile(`<p class="owned-period">(.*?)</p>`).FindStringSubmatch(list); m != nil {
		out = append(out, text(m[1]))
	}
	for _, m := range regexp.MustCompile(`<li><a href="[^"]*">([^<]*)</a>(?:<span class="link-note">([^<]*)</span>)?</li>`).FindAllStringSubmatch(list, -1) {
		out = append(out, strings.TrimSpace(m[1]+" "+m[2]))
	}
	return out
}

// TestOwnedRankChanges: the 负责指标 list says each indicator's change
// since the period before, by hand from historySite. 经济运行 (区发改局's)
// is 3, 5, 1 in the city: 2023年2月 比上月上升4位. 财政收入 (区财政局's) is
// 2, 1, 3 of the 三区: 下降2位; 安全生产 has no rank from above (listed
// after it, its section 重点任务 after 重点工作). With
// February's 经济运行 并列第七 in the city and 并列第一 of the 三区, January
// fifth in the city and of no peer rank: a tie is a rank like any other
// (下降2位), a rank missing the month before is 上月无排名. The archive's
// first month says no change, nor 和变化 above the list. A quarterly
// office says 上季度, a half-year one 上期. The period is said once,
// above the list; 财政收入, given to 区发改局 and ranked last in January
// (三区第一, 上月第二), says its own (安全生产, of 重点任务, after it).
func TestOwnedRankChanges(t *testing.T) {
	for _, c := range []struct {
		name  string
		files func() map[string]string
		slug  string
		want  []string
	}{
		{"monthly", historySite, "fagai", []string{"2023年2月的排名和变化：", "经济运行 全市综合排名第一，比上月上升4位。"}},
		{"peer only", historySite, "caizheng", []string{"2023年2月的排名和变化：", "财政收入 三区排名第三，比上月下降2位。", "安全生产"}},
		{"ties, none before", func() map[string]string {
			f := historySite()
			f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "indicator = \"jingji\"\ncity = 1\n", "indicator = \"jingji\"\ncity = 7\ncityTie = true\ndistrict = 1\ndistrictTie = true\n", 1)
			return f
		}, "fagai", []string{"2023年2月的排名和变化：", "经济运行 全市综合排名并列第七，比上月下降2位；三区并列第一，上月无排名。"}},
		{"a tie the month before, and the same rank", func() map[string]string {
			f := historySite()
			f["data/2023-01.toml"] = strings.Replace(f["data/2023-01.toml"], "indicator = \"jingji\"\ncity = 5\n", "indicator = \"jingji\"\ncity = 1\ncityTie = true\ndistrict = 2\n", 1)
			f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "indicator = \"jingji\"\ncity = 1\n", "indicator = \"jingji\"\ncity = 1\ndistrict = 3\n", 1)
			return f
		}, "fagai", []string{"2023年2月的排名和变化：", "经济运行 全市综合排名第一，与上月持平；三区第三，比上月下降1位。"}},
		{"the archive's first month", func() map[string]string {
			f := historySite()
			for _, name := range []string{"data/2023-01.toml", "data/2023-02.toml", "content/circulars/2023-01.md", "content/circulars/2023-02.md"} {
				delete(f, name)
			}
			return f
		}, "fagai", []string{"2022年12月的排名：", "经济运行 全市综合排名第三。"}},
		{"one ranked last the month before", func() map[string]string {
			f := historySite()
			f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "owners = [\"区财政局\"]\n", "owners = [\"区发改局\"]\n", 2)
			f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "district = 3\n", "", 1)
			return f
		}, "fagai", []string{"2023年2月的排名和变化（另注明的除外）：", "经济运行 全市综合排名第一，比上月上升4位。", "财政收入 2023年1月：三区排名第一，比上月上升1位。", "安全生产"}},
		{"quarterly", quarterlyHistorySite, "fagai", []string{"2023年4-6月的排名和变化：", "经济运行 全市综合排名第一，比上季度上升4位。"}},
		{"half-yearly", halfYearHistorySite, "caizheng", []string{"2023年7-12月的排名和变化：", "财政收入 三区排名第三，比上期下降2位。", "安全生产"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := string(renderFiles(t, loadFiles(t, c.files()), "")["units/"+c.slug+"/index.html"])
			if got := ownedNotes(t, page); !slices.Equal(got, c.want) {
				t.Errorf("%s's 负责指标:\n%s\nwant\n%s", c.slug, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestOwnedRankChangeCached: the change is read from the period before,
// which the preview's cache keys the page on too: 经济运行 moved in
// January from fifth to second in the city, 区发改局's page says
// February's first 比上月上升1位, not the 4 it said.
func TestOwnedRankChangeCached(t *testing.T) {
	dir := writeFiles(t, historySite())
	pv := &preview{dir: dir}
	const path = "units/fagai/index.html"
	if got := ownedNotes(t, pv.page(t, path)); !slices.Equal(got, []string{"2023年2月的排名和变化：", "经济运行 全市综合排名第一，比上月上升4位。"}) {
		t.Fatalf("before the edit: %q", got)
	}
	editFile(t, dir, "data/2023-01.toml", "city = 5\n", "city = 2\n")
	if got := ownedNotes(t, pv.page(t, path)); !slices.Equal(got, []string{"2023年2月的排名和变化：", "经济运行 全市综合排名第一，比上月上升1位。"}) {
		t.Errorf("after January's rank moved, through the cache: %q", got)
	}
}

// TestPeerOnlyBottom: an office given its peers' ranks alone (historySite
// without its city ranks: 财政收入 of the 三区 2, 1, 3, 经济运行 of none)
// lists in city-bottom the entries ranked last among the 三区 (§5.6), and
// names the list for them, as 区财政局's page does: 2023年2月 财政收入 third
// of three, 1月 first, so none. One whose peers are others (districtLabel
// 四区, fourth of four) says them. A month of no peer rank is warned of,
// not pointed at cityRanks = false: the list is the office's own.
func TestPeerOnlyBottom(t *testing.T) {
	peerOnly := func() map[string]string {
		f := historySite()
		for name, src := range f {
			if strings.HasPrefix(name, "data/20") {
				f[name] = regexp.MustCompile(`(?m)^city = \d+\n`).ReplaceAllString(src, "")
			}
		}
		for _, c := range []string{"content/circulars/2023-01.md", "content/circulars/2023-02.md"} {
			f[c] = strings.Replace(f[c], "正文。\n", "正文。\n\n{{< city-bottom >}}\n", 1)
		}
		return f
	}
	render := func(t *testing.T, f map[string]string) (map[string][]byte, []string) {
		t.Helper()
		s := loadFiles(t, f)
		var warned []string
		out, err := Render(s, rank.Archive(s), Options{Warn: func(d diag.Diagnostic) { warned = append(warned, d.String()) }})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, o := range out {
			files[o.Path] = contentOf(t, o)
		}
		return files, warned
	}
	files, warned := render(t, peerOnly())
	for page, want := range map[string]string{
		"circulars/2023/5/index.html": "<p>排三区最后的单项目标有：</p>\n<ol class=\"numbered\" role=\"list\">\n<li>1. 财政收入，排名第三。（责任单位：区财政局）</li>\n</ol>",
		"circulars/2023/2/index.html": "<p>本期没有排三区最后的单项目标。</p>",
	} {
		if !strings.Contains(string(files[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
		if strings.Contains(string(files[page]), "排全市") {
			t.Errorf("%s speaks of 排全市", page)
		}
	}
	if len(warned) != 0 {
		t.Errorf("warned %q", warned)
	}
	for slug, want := range map[string][]string{
		"caizheng": {`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为二类，上月为一类。</p>`,
			`<p class="history-span">负责指标中排三区最后的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三。</p>`},
		// 经济运行 has no rank from above: no line of a list it cannot be on.
		"fagai": {`<p class="history-lead"><a href="/circulars/2023/5/">2023年2月</a>考核排类为一类，上月为二类。</p>`},
	} {
		if got := leadLines(string(files["units/"+slug+"/index.html"])); !slices.Equal(got, want) {
			t.Errorf("%s's lead:\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	// Fourth of the 四区 in February.
	f := peerOnly()
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "district = 3\n", "district = 4\ndistrictLabel = \"四区\"\ndistrictUnits = 4\n", 1)
	files, _ = render(t, f)
	if want := "<li>1. 财政收入，排名第四（四区）。（责任单位：区财政局）</li>"; !strings.Contains(string(files["circulars/2023/5/index.html"]), want) {
		t.Errorf("the 四区's last: no %s", want)
	}
	if got, want := leadLines(string(files["units/caizheng/index.html"])), `<p class="history-span">负责指标中排三区最后的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第四（四区）。</p>`; len(got) != 2 || got[1] != want {
		t.Errorf("区财政局's lead %q, want its second line %s", got, want)
	}

	// February's peer ranks not come.
	f = peerOnly()
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "district = 3\n", "", 1)
	files, warned = render(t, f)
	want := []string{"content/circulars/2023-02.md:9:1: 警告：data/2023-02.toml 没有一项三区排名（各项的 district 都没有填），" +
		"这里会写出“本期没有排三区最后的单项目标。”：排名还没下发的，填好再发布"}
	if !slices.Equal(warned, want) {
		t.Errorf("warned\n%q\nwant\n%q", warned, want)
	}
	if !strings.Contains(string(files["circulars/2023/5/index.html"]), "<p>本期没有排三区最后的单项目标。</p>") {
		t.Error("February, of no peer rank, does not say 本期没有排三区最后的单项目标")
	}
}

// TestPeerOnlyBottomCached: the list's name follows every month at once
// (HigherHeld), which the preview's cache keys every page on: a city
// rank written into December's 经济运行 makes the office's list the
// city's, and 区财政局's page, whose own indicators did not move, says it
// through the cache as a build does.
func TestPeerOnlyBottomCached(t *testing.T) {
	f := historySite()
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = regexp.MustCompile(`(?m)^city = \d+\n`).ReplaceAllString(src, "")
		}
	}
	dir := writeFiles(t, f)
	pv := &preview{dir: dir}
	const path = "units/caizheng/index.html"
	line := func() string {
		t.Helper()
		got := leadLines(pv.page(t, path))
		if len(got) != 2 {
			t.Fatalf("区财政局's lead: %q", got)
		}
		return got[1]
	}
	if got, want := line(), `<p class="history-span">负责指标中排三区最后的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三。</p>`; got != want {
		t.Fatalf("peer ranks alone: %s, want %s", got, want)
	}
	editFile(t, dir, "data/2022-12.toml", "indicator = \"jingji\"\n", "indicator = \"jingji\"\ncity = 3\n")
	if got, want := line(), `<p class="history-span">负责指标中排全市后三的单项目标：<a href="/indicators/caizheng/">财政收入</a>，排名第三（只考核三区）。</p>`; got != want {
		t.Errorf("a city rank in December, through the cache: %s, want %s", got, want)
	}
}
