package render

import (
	"maps"
	"strings"
	"testing"
)

// TestEntryEdits renders historySite's 2023-02 circular, whose 重点工作 are
// 1. 经济运行 (township scores, 全市第一) and 2. 财政收入 (三区第三 of
// three: in city-bottom), as its [[entry]]s edit them: the ranking
// sentence of 经济运行 replaced, a sentence after it, 财政收入 left out of
// both shortcodes; then 经济运行 left out, 财政收入 numbered 1. The
// appendix, which is outside the body, is not edited.
func TestEntryEdits(t *testing.T) {
	for _, tc := range []struct {
		entries      string
		want, absent []string
	}{
		{`[[entry]]
indicator = "jingji"
ranking = "该项数据正在核实，本月暂不通报排名。"
after = "甲街道连续两月全区第一，予以**表扬**。"

[[entry]]
indicator = "caizheng"
omit = true
`, []string{
			`<p id="entry-jingji"><strong>1. 经济运行。</strong>全市综合排名第一。</p>
<p class="ranking">该项数据正在核实，本月暂不通报排名。</p>
<p class="ranking-after">甲街道连续两月全区第一，予以<strong>表扬</strong>。</p>`,
			`<p>本期没有排全市后三的单项目标。</p>`,
		}, []string{"排名全区", "财政收入", "2. "}},
		{`[[entry]]
indicator = "jingji"
omit = true
`, []string{
			`<p id="entry-caizheng"><strong>1. 财政收入。</strong>三区排名第三。</p>`,
			`财政收入，排名第三（只考核三区）。（责任单位：区财政局）`,
		}, []string{"经济运行", "ranking-after"}},
	} {
		f := historySite()
		c := f["content/circulars/2023-02.md"]
		c = strings.Replace(c, "+++\n正文。", tc.entries+"+++\n{{< indicators \"重点工作\" >}}\n\n{{< city-bottom >}}", 1)
		f["content/circulars/2023-02.md"] = c
		circ := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
		body := circ[strings.Index(circ, `<div class="doc-body">`):]
		body = body[:strings.Index(body, "</div>")]
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the body lacks\n%s\nin\n%s", tc.entries, w, body)
			}
		}
		for _, a := range tc.absent {
			if strings.Contains(body, a) {
				t.Errorf("%s: the body has %s:\n%s", tc.entries, a, body)
			}
		}
		if !strings.Contains(circ[strings.Index(circ, "</article>"):], "经济运行") {
			t.Errorf("%s: the appendix lost 经济运行", tc.entries)
		}
	}
}

// TestTableCaptionAndNote: the table shortcode's second argument is its
// caption as written ("" keeps 安全生产乡镇（街道）排名), its third a note
// under it, in the 注： the table is described by, ending in 。.
func TestTableCaptionAndNote(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。",
		`{{< table "anquan" "2023年2月各街道安全生产排名" "注：按属地统计" >}}`+"\n\n"+`{{< table "jingji" "" "含开发区" >}}`, 1)
	circ := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
	for _, want := range []string{
		`<table class="ranking-table score-last" aria-describedby="table-anquan-note">
<caption>2023年2月各街道安全生产排名</caption>`,
		`<p class="note table-note" id="table-anquan-note">注：按属地统计。</p>`,
		`<table class="ranking-table score-last" aria-describedby="table-jingji-note">
<caption>经济运行乡镇（街道）排名</caption>`,
		`<p class="note table-note" id="table-jingji-note">注：含开发区。</p>`,
	} {
		if !strings.Contains(circ, want) {
			i := strings.Index(circ, "ranking-table")
			t.Errorf("no\n%s\nin\n%s", want, circ[max(i-100, 0):min(i+1500, len(circ))])
		}
	}
}

// TestCorrectionTold: a circular corrected after publication says so
// before the document, with the day (updated) and what (correction),
// ending a sentence; data.json carries both.
func TestCorrectionTold(t *testing.T) {
	f := historySite()
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "data = ",
		"updated = 2023-05-10\ncorrection = \"甲街道经济运行得分由95更正为59\"\ndata = ", 1)
	out := renderFiles(t, loadFiles(t, f), "/")
	circ := string(out["circulars/2023/5/index.html"])
	want := `<p class="doc-correction" role="note"><strong>更正说明</strong>（<time datetime="2023-05-10">2023年5月10日</time>）：甲街道经济运行得分由95更正为59。</p>`
	if i, j := strings.Index(circ, want), strings.Index(circ, "<article"); i < 0 || i > j {
		t.Errorf("no %s before the document in\n%s", want, circ[:min(j+200, len(circ))])
	}
	if data := string(out["circulars/2023/5/data.json"]); !strings.Contains(data, `"updated":"2023-05-10","correction":"甲街道经济运行得分由95更正为59",`) {
		t.Errorf("data.json lacks the correction: %s", data[:min(400, len(data))])
	}
}

// TestEntryOmitsGroup: a group's [[entry]] omit leaves out its entries
// too, which would otherwise be numbered （1） under the entry before it.
// historySite gains 3. 经济组 with （1）工业 in 2023-02.
func TestEntryOmitsGroup(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] += "[[indicator]]\nid = \"zu\"\nname = \"经济组\"\nsection = \"重点工作\"\n" +
		"[[indicator]]\nid = \"gongye\"\nname = \"工业\"\nparent = \"zu\"\ntownships = \"all\"\n"
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "[categories]", "[[result]]\nindicator = \"gongye\"\n[result.townships]\n\"甲街道\" = 3\n\"乙街道\" = 2\n\"丙镇\" = 1\n[categories]", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "+++\n正文。",
		"[[entry]]\nindicator = \"zu\"\nomit = true\n+++\n{{< indicators \"重点工作\" >}}", 1)
	circ := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
	body := circ[strings.Index(circ, `<div class="doc-body">`):]
	body = body[:strings.Index(body, "</div>")]
	if !strings.Contains(body, "<strong>2. 财政收入。</strong>") || strings.Contains(body, "经济组") || strings.Contains(body, "工业") {
		t.Errorf("经济组 and its 工业 left out, 财政收入 the last, want; got\n%s", body)
	}
}

// TestEntryLoneChild: a group left with one entry by the circular's
// [[entry]] omit lists it unnumbered, its name the lead of its text: an
// official document numbers no lone item. historySite gains 3. 经济组 with
// 工业 and 投资 in 2023-02; 投资 left out. A group of two keeps （1）（2）.
func TestEntryLoneChild(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] += "[[indicator]]\nid = \"zu\"\nname = \"经济组\"\nsection = \"重点工作\"\n" +
		"[[indicator]]\nid = \"gongye\"\nname = \"工业\"\nparent = \"zu\"\ntownships = \"all\"\n" +
		"[[indicator]]\nid = \"touzi\"\nname = \"投资\"\nparent = \"zu\"\ntownships = \"all\"\n"
	scores := "[result.townships]\n\"甲街道\" = 3\n\"乙街道\" = 2\n\"丙镇\" = 1\n"
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "[categories]",
		"[[result]]\nindicator = \"gongye\"\nprogress = \"工业进展。\"\n"+scores+"[[result]]\nindicator = \"touzi\"\n"+scores+"[categories]", 1)
	body := func(front string) string {
		g := maps.Clone(f)
		g["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "+++\n正文。", front+"+++\n{{< indicators \"重点工作\" >}}", 1)
		circ := string(renderFiles(t, loadFiles(t, g), "/")["circulars/2023/5/index.html"])
		b := circ[strings.Index(circ, `<div class="doc-body">`):]
		return b[:strings.Index(b, "</div>")]
	}
	if b := body(""); !strings.Contains(b, "<strong>（1）工业。</strong>工业进展。") || !strings.Contains(b, "<strong>（2）投资。</strong>") {
		t.Errorf("经济组's two entries numbered （1）（2）, want; got\n%s", b)
	}
	b := body("[[entry]]\nindicator = \"touzi\"\nomit = true\n")
	if !strings.Contains(b, "3. 经济组</h4>") || !strings.Contains(b, "<strong>工业。</strong>工业进展。") || strings.Contains(b, "（1）") || strings.Contains(b, "投资") {
		t.Errorf("经济组's lone 工业 unnumbered, 投资 left out, want; got\n%s", b)
	}
}
