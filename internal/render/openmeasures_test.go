package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// measuresSite is an office of four townships and a department with two
// months and a year: January's reward withheld by a [[waiver]], a 约谈
// each month by rule, February's 约谈 of the department entered by hand,
// and the year's reward.
func measuresSite() map[string]string {
	return map[string]string{
		"config.toml": "title = \"测试区通报\"\nbaseURL = \"https://www.ce.example.gov.cn/\"\n[issuer]\nname = \"测试区人民政府办公室\"\n" +
			"[ranking]\ngroupSize = 1\n" + `
[[rule]]
on     = "composite"
select = "first"
action = "奖励"
amount = 2000
reason = "综合考核排名第一"
[[rule]]
on     = "composite"
select = "last"
action = "约谈"
who    = "主要负责人"
by     = "区分管领导"
reason = "综合考核排名最后一名"
[[rule]]
on     = "composite"
select = "first"
period = "year"
action = "奖励"
amount = 10000
reason = "年度综合考核排名第一"
`,
		"data/units.toml": `[[township]]
name = "甲镇"
slug = "jia"
[[township]]
name = "乙镇"
slug = "yi"
[[township]]
name = "丙镇"
slug = "bing"
[[township]]
name = "丁镇"
slug = "ding"
[[department]]
name = "区发改局"
slug = "fagai"
`,
		"data/indicators.toml": `[[indicator]]
id = "gongye"
name = "规模工业增加值"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
`,
		"data/2024-01.toml": `[[result]]
indicator = "gongye"
[result.townships]
"甲镇" = 90
"乙镇" = 80
"丙镇" = 70
"丁镇" = 60
[[waiver]]
unit   = "甲镇"
action = "奖励"
reason = "发生较大生产安全事故，一票否决"
`,
		"data/2024-02.toml": `[[result]]
indicator = "gongye"
[result.townships]
"乙镇" = 90
"丙镇" = 80
"甲镇" = 70
"丁镇" = 60
[[interview]]
unit   = "区发改局"
who    = "主要负责人"
reason = "项目推进滞后"
`,
		"content/circulars/2024-01.md": "+++\nnumber = \"测政办函〔2024〕3号\"\ntitle = \"关于1月的通报\"\ndate = 2024-02-10\ndata = \"2024-01\"\n+++\n{{< township-ranking >}}\n",
		"content/circulars/2024-02.md": "+++\nnumber = \"测政办函〔2024〕5号\"\ntitle = \"关于2月的通报\"\ndate = 2024-03-10\ndata = \"2024-02\"\n+++\n{{< township-ranking >}}\n",
		"content/circulars/2024.md":    "+++\nnumber = \"测政办函〔2025〕2号\"\ntitle = \"关于2024年度的通报\"\ndate = 2025-01-20\ndata = \"2024\"\n+++\n{{< township-ranking >}}\n",
	}
}

// TestMeasuresCSV reads data/measures.csv as a journalist's spreadsheet
// does and finds every measure of the year, by hand: the composite is
// the one indicator's order, January 甲乙丙丁, February 乙丙甲丁; the
// year's mean of rank points (100, 75, 50, 25) puts 乙镇 (87.5) first.
// Counting the 约谈 taken in 2024 by 单位代号 needs this file alone.
func TestMeasuresCSV(t *testing.T) {
	files := renderFiles(t, loadFiles(t, measuresSite()), "")
	data, ok := files["data/measures.csv"]
	if !ok {
		t.Fatal("no data/measures.csv")
	}
	body, ok := bytes.CutPrefix(data, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Error("data/measures.csv has no UTF-8 BOM")
	}
	if n := bytes.Count(body, []byte("\n")); n != 7 || bytes.Count(body, []byte("\r\n")) != n {
		t.Errorf("data/measures.csv: %d lines, want 7 ending in CRLF", n)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	const site = "https://www.ce.example.gov.cn/circulars/"
	want := [][]string{
		{"月份", "期别", "文号", "单位", "单位代号", "单位类别", "措施", "对象", "实施", "金额（元）", "事由", "依据", "规则得出", "是否采取", "不予采取的原因", "通报网址"},
		{"202401", "2024年1月", "测政办函〔2024〕3号", "丁镇", "ding", "乡镇（街道）", "约谈", "主要负责人", "区分管领导", "", "综合考核排名最后一名", "config.toml [[rule]] 第2条", "是", "是", "", site + "2024/3/"},
		{"202401", "2024年1月", "测政办函〔2024〕3号", "甲镇", "jia", "乡镇（街道）", "奖励", "", "", "2000", "综合考核排名第一", "config.toml [[rule]] 第1条", "是", "否", "发生较大生产安全事故，一票否决", site + "2024/3/"},
		{"202402", "2024年2月", "测政办函〔2024〕5号", "乙镇", "yi", "乡镇（街道）", "奖励", "", "", "2000", "综合考核排名第一", "config.toml [[rule]] 第1条", "是", "是", "", site + "2024/5/"},
		{"202402", "2024年2月", "测政办函〔2024〕5号", "丁镇", "ding", "乡镇（街道）", "约谈", "主要负责人", "区分管领导", "", "综合考核排名最后一名", "config.toml [[rule]] 第2条", "是", "是", "", site + "2024/5/"},
		{"202402", "2024年2月", "测政办函〔2024〕5号", "区发改局", "fagai", "区直单位", "约谈", "主要负责人", "", "", "项目推进滞后", "data/2024-02.toml [[interview]] 第1条", "否", "是", "", site + "2024/5/"},
		{"2024", "2024年度", "测政办函〔2025〕2号", "乙镇", "yi", "乡镇（街道）", "奖励", "", "", "10000", "年度综合考核排名第一", "config.toml [[rule]] 第3条", "是", "是", "", site + "2025/2/"},
	}
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d", len(rows), len(want))
	}
	for i := range min(len(rows), len(want)) {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d:\n got %q\nwant %q", i, rows[i], want[i])
		}
	}

	// The journalist's question, as a script would ask it.
	head := rows[0]
	col := func(name string) int { return slices.Index(head, name) }
	interviews := map[string]int{}
	for _, r := range rows[1:] {
		if strings.HasPrefix(r[col("月份")], "2024") && r[col("措施")] == "约谈" && r[col("是否采取")] == "是" {
			interviews[r[col("单位代号")]]++
		}
	}
	if interviews["ding"] != 2 || interviews["fagai"] != 1 || len(interviews) != 2 {
		t.Errorf("约谈 in 2024 by unit: %v, want ding 2, fagai 1", interviews)
	}

	// The catalogue lists it, with its size, as a portal harvests it.
	var cat struct {
		Measures     string `json:"measures"`
		MeasuresSize int64  `json:"measuresSize"`
	}
	if err := json.Unmarshal(files["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	if cat.Measures != "https://www.ce.example.gov.cn/data/measures.csv" || cat.MeasuresSize != int64(len(data)) {
		t.Errorf("catalogue: measures %q, %d bytes; want https://www.ce.example.gov.cn/data/measures.csv, %d", cat.Measures, cat.MeasuresSize, len(data))
	}
	page := string(files["data/index.html"])
	for _, s := range []string{`href="/data/measures.csv"`, "全部奖惩（CSV 格式，1 KB）", "各期通报的奖励和其他措施（约谈、提醒约谈）", "<caption>全部奖惩 CSV 文件的列</caption>"} {
		if !strings.Contains(page, s) {
			t.Errorf("/data/ does not say %s", s)
		}
	}
}

// TestMeasuresCSVWithoutData: a site none of whose circulars reports
// data has no data/measures.csv, and its catalogue names none.
func TestMeasuresCSVWithoutData(t *testing.T) {
	files := measuresSite()
	for _, f := range []string{"data/2024-01.toml", "data/2024-02.toml", "content/circulars/2024-01.md", "content/circulars/2024-02.md", "content/circulars/2024.md"} {
		delete(files, f)
	}
	out := renderFiles(t, loadFiles(t, files), "")
	if _, ok := out["data/measures.csv"]; ok {
		t.Error("data/measures.csv without a circular with data")
	}
	if bytes.Contains(out["data/catalogue.json"], []byte(`"measures"`)) {
		t.Errorf("the catalogue names a measures file: %s", out["data/catalogue.json"])
	}
}

// TestCataloguePeriodKinds: the catalogue says how long each period is,
// which its code does not for an office assessing by quarters (2023-06 is
// 2023年4-6月, no month): quarterlyHistorySite's three quarters and its
// year, measuresSite's two months and its year.
func TestCataloguePeriodKinds(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		want  []string // period label kind, newest first
	}{
		"quarterly": {quarterlyHistorySite(), []string{"2023 2023年度 year", "2023-06 2023年4-6月 quarter", "2023-03 2023年1-3月 quarter", "2022-12 2022年10-12月 quarter"}},
		"monthly":   {measuresSite(), []string{"2024 2024年度 year", "2024-02 2024年2月 month", "2024-01 2024年1月 month"}},
	} {
		var cat struct {
			Periods []struct{ Period, Label, Kind string } `json:"periods"`
		}
		if err := json.Unmarshal(renderFiles(t, loadFiles(t, c.files), "")["data/catalogue.json"], &cat); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range cat.Periods {
			got = append(got, p.Period+" "+p.Label+" "+p.Kind)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: periods %q, want %q", name, got, c.want)
		}
	}
}

// TestCatalogueSaysWhose: the catalogue names the office publishing the
// data, its site and the data's date — January's circular corrected on
// 2025-02-03, after the year's of 2025-01-20 — so that catalogues
// harvested from several counties stay apart and are cited by source.
func TestCatalogueSaysWhose(t *testing.T) {
	files := measuresSite()
	files["content/circulars/2024-01.md"] = strings.Replace(files["content/circulars/2024-01.md"], "date = 2024-02-10\n",
		"date = 2024-02-10\nupdated = 2025-02-03\ncorrection = \"丁镇得分由60更正为61\"\n", 1)
	var cat struct{ Publisher, Site, Updated string }
	if err := json.Unmarshal(renderFiles(t, loadFiles(t, files), "")["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	if cat.Publisher != "测试区人民政府办公室" || cat.Site != "https://www.ce.example.gov.cn/" || cat.Updated != "2025-02-03" {
		t.Errorf("catalogue: publisher %q, site %q, updated %q; want 测试区人民政府办公室, https://www.ce.example.gov.cn/, 2025-02-03", cat.Publisher, cat.Site, cat.Updated)
	}
}

// TestHandMeasureWithoutWho: a measure entered by hand names the person
// it is taken with only when it has one, as a rule's does: the office's
// 通报表扬 of a unit ([[interview]] kind = "通报表扬", no who) loads, and
// the circular lists it with the unit alone, beside a 约谈 that names its
// 主要负责人; the open data's 对象 is empty. (who was required: the clerk
// of a 64-village office invented 村两委 to publish a commendation.)
func TestHandMeasureWithoutWho(t *testing.T) {
	files := measuresSite()
	files["config.toml"] += "[terms]\nactions = [\"奖励\", \"约谈\", \"通报表扬\"]\n"
	files["data/2024-02.toml"] += "[[interview]]\nunit   = \"丙镇\"\nkind   = \"通报表扬\"\nreason = \"招商引资成效突出\"\n"
	files["content/circulars/2024-02.md"] = strings.Replace(files["content/circulars/2024-02.md"], "{{< township-ranking >}}", "{{< interviews >}}", 1)
	out := renderFiles(t, loadFiles(t, files), "")
	page := string(out["circulars/2024/5/index.html"])
	for _, want := range []string{"丙镇，通报表扬（招商引资成效突出）", "区发改局主要负责人，约谈（项目推进滞后）"} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular lacks %q", want)
		}
	}
	csvRow := "202402,2024年2月,测政办函〔2024〕5号,丙镇,bing,乡镇（街道）,通报表扬,,,,招商引资成效突出,"
	if !bytes.Contains(out["data/measures.csv"], []byte(csvRow)) {
		t.Errorf("data/measures.csv lacks the row beginning %q:\n%s", csvRow, out["data/measures.csv"])
	}
}
