package render

import (
	"strings"
	"testing"
)

// TestInterviewsNameTheirAction renders historySite for an office whose
// measures are 通报表扬 and 约谈, by rules on the composite: with more than
// one kind, `interviews` without an argument says which each entry is;
// with an argument, or with one kind, it does not repeat the heading's
// word. 2023-02's composite by hand: 甲街道 first in both township
// indicators (rank points 100, 100), 丙镇 last in both (33.33, 33.33).
func TestInterviewsNameTheirAction(t *testing.T) {
	for _, tc := range []struct {
		actions, body string
		want          []string
	}{
		{`["通报表扬", "约谈"]`, "{{< interviews >}}", []string{
			"<p>甲街道，通报表扬（乡镇、街道综合考核排名第一）；</p>",
			"<p>丙镇主要负责人，约谈（乡镇、街道综合考核排名倒数第一）。</p>"}},
		{`["通报表扬", "约谈"]`, "{{< interviews \"约谈\" >}}", []string{
			"<p>丙镇主要负责人（乡镇、街道综合考核排名倒数第一）。</p>"}},
		{`["奖励", "约谈"]`, "{{< interviews >}}", []string{
			"<p>丙镇主要负责人（乡镇、街道综合考核排名倒数第一）。</p>"}},
	} {
		f := historySite()
		f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\nactions = "+tc.actions+"\n", 1)
		praise := strings.Trim(strings.SplitN(tc.actions, ",", 2)[0], `[" `)
		if praise != "奖励" {
			f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"" + praise + "\"\n"
		}
		f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", tc.body, 1)
		circ := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
		for _, w := range tc.want {
			if !strings.Contains(circ, w) {
				i := strings.Index(circ, "丙镇主要负责人")
				t.Errorf("%s with actions %s: no %s in\n%s", tc.body, tc.actions, w, circ[max(i-300, 0):min(i+300, len(circ))])
			}
		}
		body := circ[strings.Index(circ, `<div class="doc-body">`):]
		body = body[:strings.Index(body, "</div>")]
		if n := strings.Count(body, "<p>"); n != len(tc.want) {
			t.Errorf("%s with actions %s: %d measures, want %d", tc.body, tc.actions, n, len(tc.want))
		}
	}
}

// TestCityRankWord: [terms] cityRank names an indicator's rank above in
// the circular's sentence and on its owner's page; an owner whose
// indicators have no rank above, in a site without 考核排类, is told where
// its indicators' ranks are instead of "no data". historySite's 经济运行
// is first in the city in 2023-02.
func TestCityRankWord(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\ncityRank = \"排名\"\n", 1)
	f["data/units.toml"] += "[[department]]\nname = \"区统计局\"\nslug = \"tongji\"\n"
	f["data/indicators.toml"] += "[[indicator]]\nid = \"tongji\"\nname = \"统计质量\"\nsection = \"重点工作\"\nowners = [\"区统计局\"]\ntownships = \"all\"\n"
	for _, m := range []string{"2022-12", "2023-01", "2023-02"} {
		f["data/"+m+".toml"] = f["data/"+m+".toml"][:strings.Index(f["data/"+m+".toml"], "[categories]")]
	}
	f["data/2023-02.toml"] += "[[result]]\nindicator = \"tongji\"\n[result.townships]\n\"甲街道\" = 1\n\"乙街道\" = 2\n\"丙镇\" = 3\n"
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< indicators \"重点工作\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	if circ := string(files["circulars/2023/5/index.html"]); !strings.Contains(circ, "全市排名第一。") || strings.Contains(circ, "综合排名第一") {
		i := strings.Index(circ, "经济运行")
		t.Errorf("the circular does not say 全市排名第一:\n%s", circ[max(i, 0):min(i+400, len(circ))])
	}
	if page := string(files["units/fagai/index.html"]); !strings.Contains(page, "行为该指标的全市排名名次") {
		t.Error("区发改局's page does not call the rank above 全市排名")
	}
	want := "<p>暂无考核排类，负责指标也没有全市排名或三区排名；各乡镇（街道）在负责指标中的得分和名次见上列指标的页面。</p>"
	if page := string(files["units/tongji/index.html"]); !strings.Contains(page, want) || !strings.Contains(page, `<a href="/indicators/tongji/">统计质量</a>`) {
		t.Errorf("区统计局's page lacks %s and its indicator's link", want)
	}
}

// groupHistorySite puts historySite's two 街道 in a group 街道组 and 丙镇
// in 镇组.
func groupHistorySite(f map[string]string) {
	f["data/units.toml"] = "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"镇组\"\n" +
		strings.NewReplacer("slug = \"jia\"\n", "slug = \"jia\"\ngroup = \"街道组\"\n", "slug = \"yi\"\n", "slug = \"yi\"\ngroup = \"街道组\"\n",
			"slug = \"bing\"\n", "slug = \"bing\"\ngroup = \"镇组\"\n").Replace(f["data/units.toml"])
}

// TestPeriodTableCaptions: a quarter's table of monthly ranks is captioned
// with the units' word, or with each group's name in its place — not both;
// a unit's page names the kinds of period it was ranked in (only quarters
// here, not 季度、半年和年度).
func TestPeriodTableCaptions(t *testing.T) {
	for _, grouped := range []bool{false, true} {
		f := historySite()
		if grouped {
			groupHistorySite(f)
		}
		f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< period-table >}}\n"
		files := renderFiles(t, loadFiles(t, f), "/")
		circ := string(files["circulars/2023/6/index.html"])
		for _, w := range []string{`<h2 id="aggregates-heading">季度综合考核排名</h2>`, "<caption>甲街道季度综合考核排名</caption>"} {
			if !strings.Contains(string(files["units/jia/index.html"]), w) {
				t.Errorf("甲街道's page lacks %s", w)
			}
		}
		want := []string{"<caption>2023年第一季度乡镇（街道）综合考核排名</caption>"}
		if grouped {
			want = []string{"<caption>2023年第一季度街道组综合考核排名</caption>", "<caption>2023年第一季度镇组综合考核排名</caption>"}
		}
		if got := strings.Count(circ, "<caption>2023年第一季度"); got != len(want) { // the appendix's tables have theirs
			t.Errorf("grouped %v: %d tables of the quarter, want %d", grouped, got, len(want))
		}
		for _, w := range want {
			if !strings.Contains(circ, w) {
				t.Errorf("grouped %v: no %s in\n%s", grouped, w, circ[max(strings.Index(circ, "<caption>"), 0):][:min(300, len(circ))])
			}
		}
	}
}

// TestWaiverInCircularAndData: historySite's 2023-02 gives 丙镇, last in
// the composite, the rule's 约谈; the month's [[waiver]] withholds it. The
// circular lists no 约谈 (本期无。), and data.json lists none among its
// interviews and the rule's 约谈 under waived, with the rule's reason and
// source and the waiver's.
func TestWaiverInCircularAndData(t *testing.T) {
	f := historySite()
	f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
	f["data/2023-02.toml"] += "\n[[waiver]]\nunit = \"丙镇\"\naction = \"约谈\"\nreason = \"全力投入防汛救灾，经区政府研究不予约谈\"\n"
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", `{{< interviews "约谈" >}}`, 1)
	out := renderFiles(t, loadFiles(t, f), "/")
	circ := string(out["circulars/2023/5/index.html"])
	if !strings.Contains(circ, "<p>本期无。</p>") || strings.Contains(circ, "丙镇主要负责人") {
		i := strings.Index(circ, `<div class="doc-body">`)
		t.Errorf("the circular lists the waived 约谈:\n%s", circ[i:min(i+600, len(circ))])
	}
	data := string(out["circulars/2023/5/data.json"])
	for _, want := range []string{
		`"interviews":[]`,
		`"waived":[{"unit":"丙镇","slug":"bing","kind":"约谈","who":"主要负责人","reason":"乡镇、街道综合考核排名倒数第一","source":"config.toml [[rule]] 第1条","waiverReason":"全力投入防汛救灾，经区政府研究不予约谈","waiverSource":"data/2023-02.toml [[waiver]] 第1条"}]`,
	} {
		if !strings.Contains(data, want) {
			t.Errorf("data.json has no %s:\n%s", want, data[max(len(data)-700, 0):])
		}
	}
}

// TestAggregateWaiverInCircularAndData: a quarter's rule gives each of
// the three townships (the top three of three, whatever their ranks) a
// 约谈; the quarter's circular waives 丙镇's in its front matter. The
// circular lists 甲街道's and 乙街道's alone, and its data.json lists
// 丙镇's under waived, with the circular's [[waiver]] as its source.
func TestAggregateWaiverInCircularAndData(t *testing.T) {
	f := historySite()
	f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"top\"\ncount = 3\nperiod = \"quarter\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
	f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n\n" +
		"[[waiver]]\nunit = \"丙镇\"\naction = \"约谈\"\nreason = \"发生较大安全生产事故，另行处理\"\n+++\n{{< interviews \"约谈\" >}}\n"
	out := renderFiles(t, loadFiles(t, f), "/")
	circ := string(out["circulars/2023/6/index.html"])
	if !strings.Contains(circ, "甲街道主要负责人") || !strings.Contains(circ, "乙街道主要负责人") || strings.Contains(circ, "丙镇主要负责人") {
		i := strings.Index(circ, `<div class="doc-body">`)
		t.Errorf("the circular does not list 甲街道's and 乙街道's 约谈 alone:\n%s", circ[i:min(i+600, len(circ))])
	}
	data := string(out["circulars/2023/6/data.json"])
	if strings.Contains(data, `"interviews":[{"unit":"丙镇"`) || strings.Count(data, `"unit":"丙镇","slug":"bing","kind":"约谈"`) != 1 {
		t.Errorf("data.json should list 丙镇's 约谈 once, under waived:\n%s", data[max(len(data)-900, 0):])
	}
	for _, want := range []string{
		`"waived":[{"unit":"丙镇","slug":"bing","kind":"约谈","who":"主要负责人",`,
		`"source":"config.toml [[rule]] 第1条","waiverReason":"发生较大安全生产事故，另行处理","waiverSource":"content/circulars/2023-Q1.md [[waiver]] 第1条"}]`,
	} {
		if !strings.Contains(data, want) {
			t.Errorf("data.json has no %s:\n%s", want, data[max(len(data)-900, 0):])
		}
	}
}

// TestWaiverOnUnitPageAndAppendix: a rule's measure a [[waiver]]
// withholds (一票否决) is said where the unit's record and the circular's
// data are read, not only in data.json: the unit's list of measures, its
// lead when the period is the newest, and the circular's appendix say what
// the rank earned and why it was not given; the year's count of measures
// leaves it out. By hand, historySite: 甲街道 is first on the composite
// in February (95 and 90 on both indicators). Quarterly, the same data
// as quarters (quarterlyHistorySite): 甲街道 first in 4-6月; the year's
// mean of the two quarters' composites is 甲 (33.33+100)/2 = 66.67,
// 乙 (83.33+66.67)/2 = 75, 丙 (83.33+33.33)/2 = 58.33, so 乙街道 is the
// year's first, and the year's circular withholds its reward.
func TestWaiverOnUnitPageAndAppendix(t *testing.T) {
	const first = "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 10000\n"
	waiver := func(unit, reason string) string {
		return "\n[[waiver]]\nunit = \"" + unit + "\"\naction = \"奖励\"\nreason = \"" + reason + "\"\n"
	}
	t.Run("month", func(t *testing.T) {
		f := historySite()
		f["config.toml"] += first
		f["data/2023-02.toml"] += waiver("甲街道", "发生较大安全生产事故，一票否决")
		out := renderFiles(t, loadFiles(t, f), "/")
		page := string(out["units/jia/index.html"])
		for _, want := range []string{
			`<p class="history-span">本月乡镇、街道综合考核排名第一，不予奖励（发生较大安全生产事故，一票否决）。</p>`,
			`<li><a href="/circulars/2023/5/">2023年2月</a>：乡镇、街道综合考核排名第一，不予奖励（发生较大安全生产事故，一票否决）</li>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("甲街道's page lacks %s", want)
			}
		}
		if strings.Contains(page, "奖励1次") || strings.Contains(page, "予以奖励") {
			t.Error("甲街道's page counts or says as given the reward withheld")
		}
		// 乙街道 and 丙镇, tied first in January, keep theirs.
		if yi := string(out["units/yi/index.html"]); !strings.Contains(yi, "：奖励1万元（乡镇、街道综合考核排名并列第一）</li>") || strings.Contains(yi, "不予") {
			t.Error("乙街道's page does not list January's reward alone")
		}
		circ := string(out["circulars/2023/5/index.html"])
		if want := `<p class="note">甲街道，乡镇、街道综合考核排名第一，不予奖励（发生较大安全生产事故，一票否决）。</p>`; !strings.Contains(circ, want) {
			t.Errorf("February's appendix lacks %s", want)
		}
		if jan := string(out["circulars/2023/2/index.html"]); strings.Contains(jan, "不予") {
			t.Error("January's appendix speaks of a waiver it does not have")
		}
	})
	t.Run("quarter", func(t *testing.T) {
		f := quarterlyHistorySite()
		f["config.toml"] += first + strings.Replace(first, "amount = 10000\n", "amount = 50000\nperiod = \"year\"\n", 1)
		f["data/2023-06.toml"] += waiver("甲街道", "5月18日发生较大生产安全事故，一票否决")
		f["content/circulars/2023.md"] = strings.Replace(f["content/circulars/2023.md"], "+++\n{{", waiver("乙街道", "年内发生较大生产安全事故，一票否决")+"+++\n{{", 1)
		out := renderFiles(t, loadFiles(t, f), "/")
		jia := string(out["units/jia/index.html"])
		for _, want := range []string{
			`<p class="history-span">本季度乡镇、街道综合考核排名第一，不予奖励（5月18日发生较大生产安全事故，一票否决）。</p>`,
			`<li><a href="/circulars/2023/5/">2023年4-6月</a>：乡镇、街道综合考核排名第一，不予奖励（5月18日发生较大生产安全事故，一票否决）</li>`,
		} {
			if !strings.Contains(jia, want) {
				t.Errorf("甲街道's page lacks %s", want)
			}
		}
		yi := string(out["units/yi/index.html"])
		for _, want := range []string{
			`<li><a href="/circulars/2023/9/">2023年度</a>：乡镇、街道年度综合考核排名第一，不予奖励（年内发生较大生产安全事故，一票否决）</li>`,
			`<li><a href="/circulars/2023/2/">2023年1-3月</a>：奖励1万元（乡镇、街道综合考核排名并列第一）</li>`,
		} {
			if !strings.Contains(yi, want) {
				t.Errorf("乙街道's page lacks %s", want)
			}
		}
		year := string(out["circulars/2023/9/index.html"])
		if want := `<p class="note">乙街道，乡镇、街道年度综合考核排名第一，不予奖励（年内发生较大生产安全事故，一票否决）。</p>`; !strings.Contains(year, want) {
			t.Errorf("the year's appendix lacks %s", want)
		}
	})
}

// TestWhoNamingTheUnit: a rule's who written with the unit's name at its
// head ({unit}主要负责人, docs/rules.md) names the unit once where the
// sentence names it first — the circular's 丙镇主要负责人, not
// 丙镇丙镇主要负责人 — and not at all on the unit's own page, whose lead
// says 对其主要负责人. historySite's 2023-02: 丙镇 last on the composite
// (33.33 rank points on both township indicators, by hand).
func TestWhoNamingTheUnit(t *testing.T) {
	for _, who := range []string{"{unit}主要负责人", "主要负责人"} {
		f := historySite()
		f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"" + who + "\"\n"
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< interviews >}}", 1)
		files := renderFiles(t, loadFiles(t, f), "/")
		circ := string(files["circulars/2023/5/index.html"])
		if w := "<p>丙镇主要负责人，约谈（乡镇、街道综合考核排名倒数第一）。</p>"; !strings.Contains(circ, w) {
			i := strings.Index(circ, "主要负责人")
			t.Errorf("who %q: the circular lacks %s: …%s…", who, w, circ[max(i-120, 0):min(i+120, len(circ))])
		}
		page := string(files["units/bing/index.html"])
		if w := "本月对其主要负责人予以约谈（乡镇、街道综合考核排名倒数第一）。"; !strings.Contains(page, w) {
			i := strings.Index(page, "予以约谈")
			t.Errorf("who %q: 丙镇's page lacks %s: …%s…", who, w, page[max(i-120, 0):min(i+120, len(page))])
		}
		if strings.Contains(circ+page, "丙镇丙镇") {
			t.Errorf("who %q: the unit is named twice", who)
		}
	}
}
