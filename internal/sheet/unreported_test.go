package sheet

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// TestImportCSVUnreported: a score's cell written 未报送, alone or with its
// reason in full-width or ASCII brackets, surrounding spaces and all,
// makes the result's unreported, in units.toml's order, after its
// notApplicable when it has one; the township has no score in it (the
// month file written by hand).
func TestImportCSVUnreported(t *testing.T) {
	s := sample(t)
	csv := strings.Replace(csvScores, "兴隆街道, 93.2 ,", "兴隆街道,不涉及,", 1)
	csv = strings.Replace(csv, "火车站乡,95.6,", "火车站乡,未报送（逾期未报送）,", 1)
	csv = strings.Replace(csv, "东风路街道,82.3,", "东风路街道, 未报送 ,", 1)
	csv = strings.Replace(csv, "汽车站街道,88.7,96.75", "汽车站街道,88.7,未报送 (数据不予采用) ", 1)
	m, err := Import(s, "2023-03", "scores.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。由 tongbao import 从 scores.csv 导入。
# 再次导入 CSV 表时，其得分并入本文件（与已有得分不同时加 --force），也可以直接修改本文件。

[[result]]
indicator = "gongye"       # 规模工业增加值
notApplicable = ["兴隆街道"]
unreported = [{township = "火车站乡", reason = "逾期未报送"}, "东风路街道"]
[result.townships]
"汽车站街道" = 88.7
"小江湖街道" = 90.5
"滨江街道" = 86.4
"桥头街道" = 82.3
"渡头桥镇" = 82.3
"爱莲街道" = 82.3
"龙须塘街道" = 87.9
"石桥街道" = 91.8
"高崇山镇" = 85.0

[[result]]
indicator = "shexiao"      # 社会消费品零售总额
unreported = [{township = "汽车站街道", reason = "数据不予采用"}]
[result.townships]
"小江湖街道" = 87.25
"兴隆街道" = 94.20
"滨江街道" = 91.35
"桥头街道" = 88.90
"渡头桥镇" = 93.65
"爱莲街道" = 98.40
"龙须塘街道" = 92.80
"火车站乡" = 85.40
"东风路街道" = 95.10
"石桥街道" = 96.75
"高崇山镇" = 90.60
`
	if got := string(m.TOML); got != want {
		t.Errorf("month file:\n%s\nwant:\n%s", got, want)
	}
	if m.Scores != 20 {
		t.Errorf("%d scores written, want 20", m.Scores)
	}
}

// TestImportUnreportedMixed: a cell that holds 未报送 or 不涉及 along with
// a score, or with a reason not in brackets, or that says both, is one
// problem at the cell, saying what to write — not read as either, nor
// told again as a score missing.
func TestImportUnreportedMixed(t *testing.T) {
	s := sample(t)
	const at = "scores.csv:10:2: "
	for cell, want := range map[string]string{
		"未报送5":      "“未报送5”不是得分，也不是“未报送”（火车站乡，规模工业增加值）：逾期未报送的只填“未报送”，要写明原因的填“未报送（原因）”；已报送的只填得分",
		"5（未报送）":    "“5（未报送）”不是得分，也不是“未报送”（火车站乡，规模工业增加值）：逾期未报送的只填“未报送”，要写明原因的填“未报送（原因）”；已报送的只填得分",
		"未报送，逾期":    "“未报送，逾期”不是得分，也不是“未报送”（火车站乡，规模工业增加值）：逾期未报送的只填“未报送”，要写明原因的填“未报送（原因）”；已报送的只填得分",
		" 95.6 不涉及": "“95.6 不涉及”不是得分，也不是“不涉及”（火车站乡，规模工业增加值）：本月这项工作不涉及它的只填“不涉及”，要写明原因的填“不涉及（原因）”；涉及的只填得分",
		"不涉及（未报送）":  "“不涉及（未报送）”说它既不涉及又未报送（火车站乡，规模工业增加值），只能是其一：本月这项工作不涉及它的，填“不涉及”；逾期未报送的，填“未报送”",
		"未报送(不涉及)":  "“未报送(不涉及)”说它既不涉及又未报送（火车站乡，规模工业增加值），只能是其一：本月这项工作不涉及它的，填“不涉及”；逾期未报送的，填“未报送”",
	} {
		csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,"+cell+",", 1)
		got := problems(t)(Import(s, "2023-03", "scores.csv", []byte(csv)))
		if !slices.Equal(got, []string{at + want}) {
			t.Errorf("%q: problems %q, want %q", cell, got, at+want)
		}
	}
}

// TestImportBlankSaysUnreported: a score's cell left empty is told how a
// township that did not report is written, beside one not concerned.
func TestImportBlankSaysUnreported(t *testing.T) {
	s := sample(t)
	csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,,", 1)
	got := problems(t)(Import(s, "2023-03", "scores.csv", []byte(csv)))
	want := []string{"scores.csv:10:2: 未填写得分（火车站乡，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestExportUnreported: export writes 未报送 (and its reason) in the cell of
// a township the month's result says did not report, and importing the
// workbook gives the month's unreported back, in the order written (not
// units.toml's: 东风路街道 before 火车站乡), reasons and all; merged into
// the month it was exported from, nothing is new.
func TestExportUnreported(t *testing.T) {
	s := sample(t)
	src, err := readSample("data/2023-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(src, "[[result]]\nindicator = \"gongye\"\ncity = 10\ndistrict = 3\n[result.townships]",
		"[[result]]\nindicator = \"gongye\"\ncity = 10\ndistrict = 3\nnotApplicable = [\"石桥街道\"]\nunreported = [\"东风路街道\", {township = \"火车站乡\", reason = \"逾期未报送\"}]\n[result.townships]", 1)
	for _, line := range []string{"\"火车站乡\" = 95.6", "\"东风路街道\" = 82.3", "\"石桥街道\" = 91.8"} {
		text = strings.Replace(text, line, "", 1)
	}
	if text == src {
		t.Fatal("the sample's 2023-02 has no gongye result as this test expects")
	}
	m, err := s.ParseMonth("data/2023-02.toml", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	book, err := Export(s, m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{
		colGongye + rowHuochezhan: "未报送（逾期未报送）",
		colGongye + rowDongfenglu: "未报送",
		colGongye + rowShiqiao:    "不涉及",
		colGongye + rowXinglong:   "93.2",
	} {
		if got, _ := f.GetCellValue(scores, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", scores, ref, got, want)
		}
	}
	back, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	if want := "notApplicable = [\"石桥街道\"]\nunreported = [\"东风路街道\", {township = \"火车站乡\", reason = \"逾期未报送\"}]\n[result.townships]\n"; !strings.Contains(string(back.TOML), want) {
		t.Errorf("imported back, the month file lacks %q:\n%s", want, back.TOML)
	}
	again, err := s.ParseMonth("data/2023-02.toml", back.TOML, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []site.Exclusion{{Unit: unitNamed(s, "东风路街道")}, {Unit: unitNamed(s, "火车站乡"), Reason: "逾期未报送"}}
	if got := again.Result("gongye").Unreported; !slices.Equal(got, want) || len(again.Result("gongye").Scores) != 9 {
		t.Errorf("imported back: unreported %v with %d scores, want %v with 9", got, len(again.Result("gongye").Scores), want)
	}
	merged, err := ImportScores(s, "2023-02", "2023-02.xlsx", book, m)
	if err != nil {
		t.Fatalf("merging the workbook as exported: %v", err)
	}
	if !merged.Edits.Empty() {
		t.Errorf("merging the workbook as exported edits %+v", merged.Edits)
	}
}

// TestMergeUnreportedCells: scores merged into a month file (ImportScores)
// carry a cell written 未报送 as an unreported township of its result,
// with its reason and cell, which MergeMonth writes into unreported.
func TestMergeUnreportedCells(t *testing.T) {
	s := sample(t)
	csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,未报送（逾期未报送）,", 1)
	csv = strings.Replace(csv, "石桥街道,91.8,96.75", "石桥街道,91.8,未报送", 1)
	m, err := ImportScores(s, "2023-03", "scores.csv", []byte(csv), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []site.ExclusionEdit{
		{Indicator: s.Indicator("gongye"), Unit: unitNamed(s, "火车站乡"), Reason: "逾期未报送", From: "scores.csv:10:2"},
		{Indicator: s.Indicator("shexiao"), Unit: unitNamed(s, "石桥街道"), From: "scores.csv:12:3"},
	}
	if !slices.Equal(m.Edits.Unreported, want) || len(m.Edits.Excluded) != 0 || len(m.Edits.Scores) != 22 {
		t.Errorf("edits: unreported %+v, excluded %+v and %d scores, want %+v, none and 22", m.Edits.Unreported, m.Edits.Excluded, len(m.Edits.Scores), want)
	}
}

// TestMarkCell: how a cell of scores is read for 不涉及 and 未报送 (site.MarkReason).
func TestMarkCell(t *testing.T) {
	for _, c := range []struct {
		text, mark, reason string
		ok                 bool
	}{
		{"未报送", unreportedMark, "", true},
		{"  未报送\t", unreportedMark, "", true},
		{"未报送（逾期未报送）", unreportedMark, "逾期未报送", true},
		{"未报送 ( 数据不实 ) ", unreportedMark, "数据不实", true},
		{"未报送（）", unreportedMark, "", true},
		{"未报送5", unreportedMark, "", false},
		{"未报送（逾期)", unreportedMark, "", false},
		{"不涉及", unreportedMark, "", false},
		{"不涉及（无企业）", notApplicableMark, "无企业", true},
	} {
		reason, ok := site.MarkReason(c.text, c.mark)
		if reason != c.reason || ok != c.ok {
			t.Errorf("site.MarkReason(%q, %s) = %q, %v; want %q, %v", c.text, c.mark, reason, ok, c.reason, c.ok)
		}
	}
	for text, want := range map[string][2]string{
		"未报送":        {"", ""},
		"未报送（逾期）":    {"", ""},
		"95":         {"", ""},
		"未报送5":       {unreportedMark, ""},
		"5（未报送）":     {unreportedMark, ""},
		"不涉及5":       {notApplicableMark, ""},
		"不涉及（未报送）":   {notApplicableMark, unreportedMark},
		"未报送（本月不涉及）": {unreportedMark, notApplicableMark},
	} {
		if mark, other := strayMark(text); mark != want[0] || other != want[1] {
			t.Errorf("strayMark(%q) = %q, %q; want %q, %q", text, mark, other, want[0], want[1])
		}
	}
	if got := fmt.Sprint(markText(unreportedMark, ""), " ", markText(unreportedMark, "逾期未报送")); got != "未报送 未报送（逾期未报送）" {
		t.Errorf("markText: %s", got)
	}
}
