package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"tongbao/internal/rank"
)

// gradeBands is a [[grade]] of historySite's composite by score bands.
const gradeBands = `
[[grade]]
on = "composite"
[[grade.level]]
name    = "优秀"
atLeast = 80
[[grade.level]]
name    = "良好"
atLeast = 50
below   = 80
[[grade.level]]
name    = "一般"
below   = 50
`

// TestGradeSentences renders historySite graded by score bands, its
// composites worked by hand from the rank points (3 units: 100, 66.67,
// 33.33 a rank):
//
//	2022-12: 乙 83.33, 甲 (100 + 33.33) / 2 = 66.67, 丙 (33.33 + 66.67) / 2 = 50.00
//	         → 优秀 乙; 良好 甲 丙 (50 is 50以上); 一般 none
//	2023-01: 乙 (100 + 66.67) / 2 = 83.33, 丙 83.33 (tied first), 甲 33.33
//	         → 优秀 乙 丙; 良好 none; 一般 甲
//	2023-02: 甲 100, 乙 66.67, 丙 33.33 → 优秀 甲; 良好 乙; 一般 丙
//
// The circular says a sentence a level, 无 for an empty one, calling the
// units by the kind they are all of (乡镇（街道）: 街道 of 甲 alone, 乡镇
// of 丙镇), 乡镇、街道 before a count of both kinds, the term whole over
// none (无); the
// appendix's composite table has a column 等次; the unit page says the
// newest level and the tally; data.json and data.csv carry them.
func TestGradeSentences(t *testing.T) {
	f := historySite()
	f["config.toml"] += gradeBands
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "正文。", "{{< grades >}}", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< grades >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, want := range map[string][]string{
		"circulars/2023/2/index.html": {
			"<p>评定为优秀等次的乡镇、街道（2个）：乙街道、丙镇。</p>",
			"<p>评定为良好等次的乡镇（街道）：无。</p>",
			"<p>评定为一般等次的街道（1个）：甲街道。</p>",
		},
		"circulars/2023/5/index.html": {
			"<p>评定为优秀等次的街道（1个）：甲街道。</p>",
			"<p>评定为良好等次的街道（1个）：乙街道。</p>",
			"<p>评定为一般等次的乡镇（1个）：丙镇。</p>",
			`<th scope="col" class="num">综合得分</th><th scope="col">等次</th></tr>`,
			`<td class="num">100.00</td><td class="level">优秀</td></tr>`,
			`<td class="num">33.33</td><td class="level">一般</td></tr>`,
			`<tr class="print-title" hidden><td colspan="4" data-title="乡镇（街道）综合考核排名"></td></tr>`,
		},
		"units/bing/index.html": {
			"<p class=\"history-span\">2023年2月综合考核评定为一般等次（共评定3次：优秀1次、良好1次、一般1次）。</p>",
		},
		"units/jia/index.html": {
			"<p class=\"history-span\">2023年2月综合考核评定为优秀等次（共评定3次：优秀1次、良好1次、一般1次）。</p>",
		},
	} {
		got := string(files[page])
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
	var d struct {
		Grades []struct {
			On     string
			Name   string
			Levels []struct {
				Name, Rule string
				Units      []string
			}
		}
	}
	if err := json.Unmarshal(files["circulars/2023/2/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	want := `[{composite 等次 [{优秀 80分以上 [乙街道 丙镇]} {良好 50分以上、低于80分 []} {一般 低于50分 [甲街道]}]}]`
	if got := fmt.Sprint(d.Grades); got != want {
		t.Errorf("data.json grades: %s, want %s", got, want)
	}
	csv := string(files["circulars/2023/2/data.csv"])
	for _, w := range []string{",备注,等次\r\n", ",综合,丙镇,83.33,1,是,越高越好,bing,,2023年1月,,优秀\r\n", ",经济运行,甲街道,70.0,3,否,越高越好,jia,jingji,2023年1月,,\r\n"} {
		if !strings.Contains(csv, w) {
			t.Errorf("data.csv lacks %q:\n%s", w, csv)
		}
	}
}

// TestGradeGroupsAndIndicators: with groups each group is graded apart,
// its sentences opening with its name; an indicator's grading opens with
// the indicator's, and `grades "jingji"` lists it alone. 2023-02 by hand:
//
//	街道组 (rank points of two: 100, 50): 甲 100, 乙 50; 镇组: 丙 100
//	  → 街道组 优秀 甲, 良好 乙, 一般 none; 镇组 优秀 丙
//	经济运行 (all three, as scored: 95, 85, 75), by share with a name
//	of its own: A 34% down (1.02 → 1): 甲 within 街道组 (of two: 0.68 → 0,
//	minCount 1 → 1); 镇组 丙 (1 of 1)
func TestGradeGroupsAndIndicators(t *testing.T) {
	f := historySite()
	groupHistorySite(f)
	f["config.toml"] += gradeBands + `
[[grade]]
on        = "indicator"
indicator = "jingji"
name      = "档次"
[[grade.level]]
name     = "A"
percent  = 34
round    = "down"
minCount = 1
[[grade.level]]
name     = "B"
`
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< grades >}}\n\n## 经济运行\n\n{{< grades \"jingji\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	got := string(files["circulars/2023/5/index.html"])
	body := got[strings.Index(got, `<div class="doc-body">`):]
	body = body[:strings.Index(body, "</div>")]
	var paras []string
	for _, p := range strings.Split(body, "<p>")[1:] {
		paras = append(paras, p[:strings.Index(p, "</p>")])
	}
	want := []string{
		"街道组评定为优秀等次的街道（1个）：甲街道。",
		"街道组评定为良好等次的街道（1个）：乙街道。",
		"街道组评定为一般等次的街道：无。",
		"镇组评定为优秀等次的乡镇（1个）：丙镇。",
		"镇组评定为良好等次的乡镇：无。",
		"镇组评定为一般等次的乡镇：无。",
		"街道组经济运行评定为A档次的街道（1个）：甲街道。",
		"街道组经济运行评定为B档次的街道（1个）：乙街道。",
		"镇组经济运行评定为A档次的乡镇（1个）：丙镇。",
		"镇组经济运行评定为B档次的乡镇：无。",
		"街道组经济运行评定为A档次的街道（1个）：甲街道。",
		"街道组经济运行评定为B档次的街道（1个）：乙街道。",
		"镇组经济运行评定为A档次的乡镇（1个）：丙镇。",
		"镇组经济运行评定为B档次的乡镇：无。",
	}
	if strings.Join(paras, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(paras, "\n"), strings.Join(want, "\n"))
	}
}

// An office that grades nothing publishes what it did: no column, no
// cell, no key (TestGradeSentences holds that one that grades gets
// them); its pages do not say 等次, nor /data/ explain a grades field.
func TestNoGradesNoColumn(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "/")
	for _, page := range []string{"circulars/2023/5/index.html", "circulars/2023/5/data.json", "circulars/2023/5/data.csv", "units/jia/index.html", "data/index.html"} {
		if strings.Contains(string(files[page]), "等次") || strings.Contains(string(files[page]), `"grades"`) {
			t.Errorf("%s speaks of 等次 in a site without [[grade]]", page)
		}
	}
}

// A period graded whose circular lists no levels is warned of, at the
// body's first line (line 7, after six lines of front matter); one that
// lists them is not. Every month of historySite is graded by gradeBands;
// only 2023-02's circular has `grades`.
func TestUngradedCircularWarned(t *testing.T) {
	f := historySite()
	f["config.toml"] += gradeBands
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< grades >}}", 1)
	s := loadFiles(t, f)
	var got []string
	for _, d := range Unlisted(s, rank.Archive(s)) {
		got = append(got, d.String())
	}
	want := []string{
		"content/circulars/2022-12.md:7:1: 警告：2022年12月评定了等次（config.toml 的 [[grade]]），通报正文没有列出：要列出，在正文中加一行 {{< grades >}}",
		"content/circulars/2023-01.md:7:1: 警告：2023年1月评定了等次（config.toml 的 [[grade]]），通报正文没有列出：要列出，在正文中加一行 {{< grades >}}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// gradeJingji is a [[grade]] of historySite's 经济运行 by one band.
const gradeJingji = `
[[grade]]
on        = "indicator"
indicator = "jingji"
[[grade.level]]
name    = "优秀"
atLeast = 90
[[grade.level]]
name    = "合格"
`

// TestGradeColumnsInTables: a ranking graded has its column of levels in
// every table of it a circular shows, not only the appendix's composite.
// historySite's 2023-02 with 丙镇 left out of 经济运行 (不涉及): 甲街道
// 95 ranks first, 90 and above, 优秀; 乙街道 85, 合格; 丙镇 is not
// ranked, so not graded — its cell a dash, said 未评定等次. 安全生产 is
// graded by none: no column, no level in its cells.
func TestGradeColumnsInTables(t *testing.T) {
	f := historySite()
	f["config.toml"] += gradeJingji
	f["data/2023-02.toml"] = strings.Replace(strings.Replace(f["data/2023-02.toml"], "\"丙镇\" = 75\n", "", 1),
		"indicator = \"jingji\"\n", "indicator = \"jingji\"\nnotApplicable = [{township = \"丙镇\", reason = \"无工业\"}]\n", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< table \"jingji\" >}}\n\n{{< table \"anquan\" >}}\n\n{{< score-table \"jingji\" \"anquan\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	got := string(files["circulars/2023/5/index.html"])
	for _, w := range []string{
		// the table shortcode's
		`<tr class="print-title" hidden><td colspan="4" data-title="经济运行乡镇（街道）排名"></td></tr>`,
		`<th scope="col">得分</th><th scope="col">等次</th></tr></thead>`,
		`<th scope="row">甲街道</th><td>95.0</td><td class="level">优秀</td></tr>`,
		`<th scope="row">乙街道</th><td>85.0</td><td class="level">合格</td></tr>`,
		`<td class="level"><span aria-hidden="true">—</span><span class="visually-hidden">未评定等次</span></td></tr>`,
		`<tr class="print-title" hidden><td colspan="3" data-title="安全生产乡镇（街道）排名"></td></tr>`,
		`<th scope="row">甲街道</th><td>90.0</td></tr>`,
		// the score-table's
		`<caption>各乡镇（街道）各项考核得分、名次和等次</caption>`,
		`<td>95.0<span class="score-rank"><span class="visually-hidden">，</span><span>第一</span></span><span class="score-level"><span class="visually-hidden">，</span>优秀</span></td><td>90.0<span class="score-rank"><span class="visually-hidden">，</span><span>第一</span></span></td></tr>`,
		// the appendix's
		`<th scope="col" class="num">得分</th><th scope="col">等次</th></tr>`,
		`<td class="num">95.0</td><td class="level">优秀</td></tr>`,
		`<td class="num">不涉及</td><td class="level"><span aria-hidden="true">—</span><span class="visually-hidden">未评定等次</span></td></tr>`,
		`<td class="num">90.0</td></tr>`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("circular lacks %s", w)
		}
	}
	if n := strings.Count(got, `<td class="level">`); n != 6 { // 甲 乙 丙, in the shortcode's and in the appendix's
		t.Errorf("%d cells of levels, want 6", n)
	}
}

// TestGradeColumnInPeriodTable: a quarter graded has its levels after
// its ranks in period-table. 2023 Q1 of historySite by hand (mean of the
// months' composites; January 乙 and 丙 tied first): 乙 (83.33 + 66.67) /
// 2 = 75.00, 甲 (33.33 + 100) / 2 = 66.67, 丙 (83.33 + 33.33) / 2 =
// 58.33; 70 and above 优秀: 乙; 合格 甲, 丙. The months are graded by none, so the monthly circulars' tables
// have no column.
func TestGradeColumnInPeriodTable(t *testing.T) {
	f := historySite()
	f["config.toml"] += `
[[grade]]
on     = "composite"
period = "quarter"
[[grade.level]]
name    = "优秀"
atLeast = 70
[[grade.level]]
name    = "合格"
`
	f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< period-table >}}\n\n{{< grades >}}\n"
	files := renderFiles(t, loadFiles(t, f), "/")
	got := string(files["circulars/2023/6/index.html"])
	for _, w := range []string{
		`<tr class="print-title" hidden><td colspan="6" data-title="2023年第一季度乡镇（街道）综合考核排名"></td></tr>`,
		`<th scope="col">季度排名</th><th scope="col">季度等次</th></tr></thead>`,
		`<th scope="row">乙街道</th><td>并列第一</td><td>第二</td><td>75.00</td><td>第一</td><td>优秀</td></tr>`,
		`<th scope="row">甲街道</th><td>第三</td><td>第一</td><td>66.67</td><td>第二</td><td>合格</td></tr>`,
		`<th scope="row">丙镇</th><td>并列第一</td><td>第三</td><td>58.33</td><td>第三</td><td>合格</td></tr>`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("quarter's circular lacks %s", w)
		}
	}
	if strings.Contains(string(files["circulars/2023/5/index.html"]), "等次") {
		t.Error("February's circular, graded by none, speaks of 等次")
	}
}

// TestGradeSentencesCallUnits: the sentences call the units by the
// office's word, not 单位: [terms] unit = "行政村" (historySite's units
// renamed 东关村, 西关村, 南岭村), and with groups a group's own word
// (units.toml [[group]] unit = "建制镇" of 镇组), the other group's the
// term's kind (街道). 2023-02 by hand, as TestGradeSentences: 优秀 甲,
// 良好 乙, 一般 丙; in groups 街道组 优秀 甲, 良好 乙, 镇组 优秀 丙.
func TestGradeSentencesCallUnits(t *testing.T) {
	f := historySite()
	names := strings.NewReplacer("甲街道", "东关村", "乙街道", "西关村", "丙镇", "南岭村")
	for k, v := range f {
		f[k] = names.Replace(v)
	}
	f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\nunit = \"行政村\"\n", 1) + gradeBands
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< grades >}}", 1)
	got := string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
	for _, w := range []string{"<p>评定为优秀等次的行政村（1个）：东关村。</p>", "<p>评定为良好等次的行政村（1个）：西关村。</p>", "<p>评定为一般等次的行政村（1个）：南岭村。</p>"} {
		if !strings.Contains(got, w) {
			t.Errorf("行政村: the circular lacks %s", w)
		}
	}

	f = historySite()
	groupHistorySite(f)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"镇组\"\n", "name = \"镇组\"\nunit = \"建制镇\"\n", 1)
	f["config.toml"] += gradeBands
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< grades >}}", 1)
	got = string(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/index.html"])
	for _, w := range []string{"<p>街道组评定为优秀等次的街道（1个）：甲街道。</p>", "<p>街道组评定为一般等次的街道：无。</p>",
		"<p>镇组评定为优秀等次的建制镇（1个）：丙镇。</p>", "<p>镇组评定为良好等次的建制镇：无。</p>"} {
		if !strings.Contains(got, w) {
			t.Errorf("groups: the circular lacks %s", w)
		}
	}
}
