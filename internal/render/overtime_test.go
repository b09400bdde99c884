package render

import (
	"strings"
	"testing"
)

// changedSite is historySite after a change of 考核办法 from 2023-02:
// 经济运行 is lower-is-better from then, weighs 2 and is compared at 0
// decimals. 2023-02 scores it 甲 95, 乙 85, 丙 75 and 安全生产 甲 90, 乙
// 80, 丙 70.
//
//	2023-01 (base: higher, 1 decimal): 经济运行 乙 90.0, 丙 80.0, 甲 70.0
//	2023-02 经济运行 (lower, 0 decimals): 丙 1 (75), 乙 2 (85), 甲 3 (95)
//	        → points 丙 100, 乙 66.67, 甲 33.33
//	        安全生产: 甲 100, 乙 66.67, 丙 33.33
//	        composite (2·经济 + 1·安全)/3:
//	          丙 (200 + 33.33)/3 = 77.78
//	          乙 (133.33 + 66.67)/3 = 66.67
//	          甲 (66.67 + 100)/3 = 55.56
//	        (under the base setting it was 甲 100, 乙 66.67, 丙 33.33)
func changedSite() map[string]string {
	files := historySite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `decimals = 1
[[indicator]]
id = "anquan"`, `decimals = 1
[[indicator.change]]
from = "2023-02"
better = "lower"
weight = 2
decimals = 0
[[indicator]]
id = "anquan"`, 1)
	files["content/circulars/2023-02.md"] += "\n{{< table \"jingji\" >}}\n"
	return files
}

// Each month's circular, appendix and open data show the indicator as
// the 考核办法 of that month had it; the indicator's page says when it
// changed.
func TestIndicatorChangeRendered(t *testing.T) {
	files := renderFiles(t, loadFiles(t, changedSite()), "")

	jan := tableAfter(t, files["circulars/2023/2/index.html"], `id="appendix-jingji"`)
	if got := text(jan[0][1]) + " " + jan[0][2]; got != "乙街道 90.0" {
		t.Errorf("2023-01 经济运行 first row %q, want 乙街道 90.0 (base: higher, 1 decimal)", got)
	}
	feb := files["circulars/2023/5/index.html"]
	rows := tableAfter(t, feb, `id="appendix-jingji"`)
	var got []string
	for _, r := range rows {
		got = append(got, r[0]+" "+text(r[1])+" "+r[2])
	}
	if want := "第一 丙镇 75|第二 乙街道 85|第三 甲街道 95"; strings.Join(got, "|") != want {
		t.Errorf("2023-02 经济运行 rows %q, want %s", got, want)
	}
	if !strings.Contains(string(feb), `经济运行乡镇（街道）排名（得分越低，排名越前）`) {
		t.Error("2023-02's 经济运行 table does not say lower is better")
	}
	if strings.Contains(string(files["circulars/2023/2/index.html"]), `经济运行乡镇（街道）排名（得分越低，排名越前）`) {
		t.Error("2023-01's 经济运行 table says lower is better, as only 2023-02 on has it")
	}
	// The table shortcode in the circular's text says it as the appendix does.
	if want := `<caption>经济运行乡镇（街道）排名（得分越低，排名越前）</caption>`; !strings.Contains(string(feb), want) {
		t.Errorf("the table shortcode does not write %s", want)
	}
	got = nil
	for _, r := range tableAfter(t, feb, `<caption>经济运行乡镇（街道）排名（得分越低，排名越前）</caption>`) {
		got = append(got, r[0]+" "+text(r[1])+" "+r[2])
	}
	if want := "第一 丙镇 75|第二 乙街道 85|第三 甲街道 95"; strings.Join(got, "|") != want {
		t.Errorf("the table shortcode's rows %q, want %s", got, want)
	}
	got = nil
	for _, r := range tableAfter(t, feb, `id="appendix-composite"`) {
		got = append(got, text(r[1])+" "+r[2])
	}
	if want := "丙镇 77.78|乙街道 66.67|甲街道 55.56"; strings.Join(got, "|") != want {
		t.Errorf("2023-02 composite %q, want %s", got, want)
	}

	if j := string(files["circulars/2023/5/data.json"]); !strings.Contains(j, `"id":"jingji"`) || !strings.Contains(j[strings.Index(j, `"id":"jingji"`):], `"better":"lower"`) {
		t.Errorf("2023-02 data.json does not say 经济运行 is lower-is-better")
	}
	if j := string(files["circulars/2023/2/data.json"]); !strings.Contains(j[strings.Index(j, `"id":"jingji"`):], `"better":"higher"`) {
		t.Errorf("2023-01 data.json does not say 经济运行 is higher-is-better")
	}
	// And with the weight and decimals of its month, by which a reader
	// of the open data can make the composite again.
	for path, want := range map[string]string{
		"circulars/2023/5/data.json": `"better":"lower","weight":2,"decimals":0,`,
		"circulars/2023/2/data.json": `"better":"higher","weight":1,"decimals":1,`,
	} {
		j := string(files[path])
		if i := strings.Index(j, `"id":"jingji"`); i < 0 || !strings.Contains(j[i:], want) {
			t.Errorf("%s does not say %s of 经济运行", path, want)
		}
	}
	if c := string(files["circulars/2023/5/data.csv"]); !strings.Contains(c, ",经济运行,丙镇,75,1,否,越低越好") {
		t.Errorf("2023-02 data.csv lacks 经济运行's row of 丙镇 at 0 decimals, lower better:\n%s", c)
	}

	page := string(files["indicators/jingji/index.html"])
	for _, want := range []string{
		`<dd>共3个乡镇（街道）参与，2023年2月前得分越高越好，综合考核权重1</dd>`, // before the change: said so, not read as now
		`<div><dt>考核办法调整</dt><dd>自2023年2月起得分越低越好，权重为2，得分保留0位小数</dd></div>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the indicator page lacks %s", want)
		}
	}
	// Its matrix of ranks spans both directions: it claims neither.
	if strings.Contains(page, "排名（得分越低，排名越前）") {
		t.Error("the indicator page's matrix says lower is better of months that were not")
	}
	// Each month's cell of a history page at that month's decimals: 丙镇
	// 2nd at 80.0 in 2023-01, 1st at 75 in 2023-02.
	cells := `<td>2<span class="visually-hidden">名，得分</span><small>80.0</small></td><td>1<span class="visually-hidden">名，得分</span><small>75</small></td>`
	if !strings.Contains(page, `<a href="/units/bing/">丙镇</a></th>`+cells) {
		t.Error("the indicator page's 2023 row of 丙镇 does not show each month at its decimals")
	}
	if !strings.Contains(string(files["units/bing/index.html"]), `<a href="/indicators/jingji/">经济运行（2023年2月得分越低越好）</a></th>`+cells) {
		t.Error("丙镇's page's row of 经济运行 does not show each month at its decimals")
	}
	// An indicator without changes has no such line.
	if strings.Contains(string(files["indicators/anquan/index.html"]), "考核办法调整") {
		t.Error("安全生产's page speaks of a change")
	}
}

// TestDirectionByTheMonth: a history page's table of a year says lower
// is better of the months it was, whichever way the 考核办法 turned it —
// the unit page's row heading and the indicator page's caption — where
// 得分越低越好 was said only of an indicator lower-is-better in every
// month, and so of neither year here.
func TestDirectionByTheMonth(t *testing.T) {
	for _, c := range []struct {
		name, base, changed string
		// 丙镇's row heading and the indicator page's caption, by year.
		row2022, row2023, cap2022, cap2023 string
	}{
		{"turned lower in 2023-02", "higher", "lower",
			"经济运行", "经济运行（2023年2月得分越低越好）",
			"2022年乡镇（街道）排名", "2023年乡镇（街道）排名（2023年2月得分越低，排名越前）"},
		{"turned higher in 2023-02", "lower", "higher",
			"经济运行（得分越低越好）", "经济运行（2023年1月得分越低越好）",
			"2022年乡镇（街道）排名（得分越低，排名越前）", "2023年乡镇（街道）排名（2023年1月得分越低，排名越前）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := historySite()
			files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `better = "higher"
weight = 1
decimals = 1
[[indicator]]
id = "anquan"`, `better = "`+c.base+`"
weight = 1
decimals = 1
[[indicator.change]]
from = "2023-02"
better = "`+c.changed+`"
[[indicator]]
id = "anquan"`, 1)
			out := renderFiles(t, loadFiles(t, files), "")
			unit, ind := out["units/bing/index.html"], out["indicators/jingji/index.html"]
			for _, y := range []struct{ year, row, caption string }{{"2022", c.row2022, c.cap2022}, {"2023", c.row2023, c.cap2023}} {
				r := rowOf(t, tableAfter(t, unit, `<caption id="y`+y.year+`">`), y.row)
				if len(r) < 2 {
					t.Errorf("丙镇's %s row %q", y.year, r)
				}
				if want := `<caption id="y` + y.year + `">` + y.caption + `</caption>`; !strings.Contains(string(ind), want) {
					t.Errorf("the indicator page lacks %s", want)
				}
			}
		})
	}
}

// A change of weight alone leaves the direction as it always was: the
// indicator's page dates the weight it had before, not the direction,
// which would read as though 2023-02 had turned it around.
func TestIndicatorWeightChangeDatesTheWeight(t *testing.T) {
	files := historySite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `decimals = 1
[[indicator]]
id = "anquan"`, `decimals = 1
[[indicator.change]]
from = "2023-02"
weight = 2
[[indicator]]
id = "anquan"`, 1)
	page := string(renderFiles(t, loadFiles(t, files), "")["indicators/jingji/index.html"])
	for _, want := range []string{
		`<dd>共3个乡镇（街道）参与，得分越高越好，2023年2月前综合考核权重1</dd>`,
		`<div><dt>考核办法调整</dt><dd>自2023年2月起权重为2</dd></div>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the indicator page lacks %s", want)
		}
	}
}

// A circular's {{< indicators >}} lists the indicators its month has a
// result for, numbered among them: an indicator added to the catalogue
// in a later year (科技创新, from 2023-02, written between the two of 重点工作)
// is not listed, as an empty heading, in the circulars published before,
// nor does it renumber them; one a month has no result for (财政收入 in
// 2022-12, as one dropped from a new 考核办法 is) is not listed in it, as
// the warning of an empty [[result]] says.
func TestIndicatorsListTheMonths(t *testing.T) {
	site := historySite()
	site["data/indicators.toml"] = strings.Replace(site["data/indicators.toml"], `[[indicator]]
id = "anquan"`, `[[indicator]]
id = "keji"
name = "科技创新"
section = "重点工作"
[[indicator]]
id = "anquan"`, 1)
	site["data/2023-02.toml"] = strings.Replace(site["data/2023-02.toml"], "[categories]", "[[result]]\nindicator = \"keji\"\nprogress = \"科技进展。\"\n[categories]", 1)
	site["data/2022-12.toml"] = strings.Replace(site["data/2022-12.toml"], "[[result]]\nindicator = \"caizheng\"\ndistrict = 2\n", "", 1)
	for _, f := range []string{"2022-12", "2023-01", "2023-02"} {
		site["content/circulars/"+f+".md"] += "\n{{< indicators \"重点工作\" >}}\n"
	}
	files := renderFiles(t, loadFiles(t, site), "")
	for _, c := range []struct {
		page     string
		want     []string
		notWants []string
	}{
		{"circulars/2022/9/index.html", []string{"<strong>1. 经济运行。</strong>"}, []string{"财政收入。", "科技创新"}},
		{"circulars/2023/2/index.html", []string{"<strong>1. 经济运行。</strong>", "<strong>2. 财政收入。</strong>"}, []string{"科技创新"}},
		{"circulars/2023/5/index.html", []string{"<strong>1. 经济运行。</strong>", "<strong>2. 科技创新。</strong>科技进展。", "<strong>3. 财政收入。</strong>"}, nil},
	} {
		page := string(files[c.page])
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", c.page, w)
			}
		}
		for _, w := range c.notWants {
			if strings.Contains(page, w) {
				t.Errorf("%s has %q", c.page, w)
			}
		}
	}
}

// An indicator's page counts the townships that took part in it over the
// months, and the newest month's where fewer took part then: after 丙镇
// was merged into 乙街道 at the end of 2023-01, 经济运行 ranked three in
// 2022-12 and 2023-01 and two in 2023-02, and 共2个 alone said two had
// ever taken part. A township renamed (丙镇 became 丁镇, a unit set up in
// 2023-02 from it alone) is one, counted once; one set up beside the
// others (丁镇 from 2023-02, from none) is among the newest month's.
func TestIndicatorPageCountsTownships(t *testing.T) {
	for _, c := range []struct {
		name, units, want string
		drop              bool // 丙镇 has no scores in 2023-02
	}{
		{"merged", "name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"乙街道\"\n", "先后共3个乡镇（街道）参与（2023年2月2个）", true},
		{"renamed", "name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", "共3个乡镇（街道）参与", false},
		{"set up", "name = \"丙镇\"\nslug = \"bing\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", "共4个乡镇（街道）参与", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := historySite()
			site["data/units.toml"] = strings.Replace(site["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n", c.units, 1)
			// 丁镇 takes 丙镇's scores in 2023-02, or is scored beside it.
			with := "\"丁镇\" = 60\n"
			if c.name == "renamed" {
				with = ""
			}
			for _, score := range []string{"\"丙镇\" = 75\n", "\"丙镇\" = 70\n"} {
				switch {
				case c.drop:
					site["data/2023-02.toml"] = strings.ReplaceAll(site["data/2023-02.toml"], score, "")
				case c.name == "renamed":
					site["data/2023-02.toml"] = strings.ReplaceAll(site["data/2023-02.toml"], score, strings.Replace(score, "丙镇", "丁镇", 1))
				default:
					site["data/2023-02.toml"] = strings.ReplaceAll(site["data/2023-02.toml"], score, score+with)
				}
			}
			files := renderFiles(t, loadFiles(t, site), "")
			page := string(files["indicators/jingji/index.html"])
			if want := `<dd>` + c.want + `，得分越高越好，综合考核权重1</dd>`; !strings.Contains(page, want) {
				i := strings.Index(page, "参与")
				t.Errorf("the page says %q, want %s", page[max(0, i-60):i+40], want)
			}
		})
	}
}

// An indicator's page says the months it was assessed in when they are
// not the archive's: one no longer assessed (财政收入, last in 2023-01)
// until when, one added later (科技创新, from 2023-02) from when; one
// assessed throughout says nothing of it.
func TestIndicatorPageSaysItsMonths(t *testing.T) {
	site := historySite()
	site["data/indicators.toml"] += "[[indicator]]\nid = \"keji\"\nname = \"科技创新\"\nsection = \"重点任务\"\n"
	site["data/2023-02.toml"] = strings.Replace(site["data/2023-02.toml"], "[[result]]\nindicator = \"caizheng\"\ndistrict = 3\n", "[[result]]\nindicator = \"keji\"\ndistrict = 3\n", 1)
	files := renderFiles(t, loadFiles(t, site), "")
	for page, want := range map[string]string{
		"indicators/caizheng/index.html": `<div><dt>考核期间</dt><dd>2022年12月至2023年1月，此后不再考核</dd></div>`,
		"indicators/keji/index.html":     `<div><dt>考核期间</dt><dd>自2023年2月起</dd></div>`,
		"indicators/jingji/index.html":   "",
	} {
		got := string(files[page])
		if want == "" {
			if strings.Contains(got, "考核期间") {
				t.Errorf("%s says its months", page)
			}
		} else if !strings.Contains(got, want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}
