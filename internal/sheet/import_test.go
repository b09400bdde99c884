package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"tongbao/internal/diag"
	"tongbao/internal/site"
)

func sample(t *testing.T) *site.Site {
	t.Helper()
	return load(t, filepath.Join("..", ".."))
}

// exportSample is the workbook of s's 2023-02 (the sample's month) and the
// workbook opened, which the test's end closes: what a test then reads or
// edits as staff would.
func exportSample(t *testing.T, s *site.Site) ([]byte, *excelize.File) {
	t.Helper()
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return book, f
}

// edit opens a workbook, sets cells ("乡镇（街道）得分!B4" → value) and returns
// its bytes.
func edit(t *testing.T, book []byte, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range cells {
		sheet, c, _ := strings.Cut(ref, "!")
		if err := f.SetCellValue(sheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// problems returns a function that takes what an import that must fail
// returns and gives its messages: problems(t)(Import(…)).
func problems(t *testing.T) func(*Month, error) []string {
	return func(m *Month, err error) []string {
		t.Helper()
		var l diag.List
		if !errors.As(err, &l) {
			t.Fatalf("import: %v (month %v), want diagnostics", err, m != nil)
		}
		out := make([]string, len(l))
		for i, d := range l {
			out[i] = d.String()
		}
		return out
	}
}

// scores is the sample's scores sheet: its [terms] unit, whole, and 得分.
const scores = "乡镇（街道）得分"

// The townships' rows of the scores sheet, in units.toml order, and the
// columns of some indicators (by the order of indicators.toml among those
// ranked by township), worked out by hand from the sample's data files.
const (
	rowQichezhan  = "4"
	rowXinglong   = "6"
	rowAilian     = "10"
	rowHuochezhan = "12"
	rowDongfenglu = "13"
	rowShiqiao    = "14"
	rowGaochong   = "15"
	colGongye     = "B" // 规模工业增加值, the first
	colBanzheng   = "O" // 安置地自建房办证, the 14th: only five townships
)

func TestImportBlankNamesEveryMissingCell(t *testing.T) {
	s := sample(t)
	book, err := Blank(s, "2023-03", "", s.Month("2023-02"), []byte("scaffold"))
	if err != nil {
		t.Fatal(err)
	}
	got := problems(t)(Import(s, "2023-03", "2023-03.xlsx", book))
	// 16 indicators had scores in 2023-02: 15 of all 12 townships, one
	// (安置地自建房办证) of five.
	if len(got) != 15*12+5 {
		t.Errorf("%d problems, want %d", len(got), 15*12+5)
	}
	for _, want := range []string{
		"2023-03.xlsx " + scores + "!" + colGongye + rowQichezhan + ": 未填写得分（汽车站街道，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colGongye + rowGaochong + ": 未填写得分（高崇山镇，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colBanzheng + rowXinglong + ": 未填写得分（兴隆街道，安置地自建房办证）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colBanzheng + rowAilian + ": 未填写得分（爱莲街道，安置地自建房办证）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colBanzheng + rowHuochezhan + ": 未填写得分（火车站乡，安置地自建房办证）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colBanzheng + rowDongfenglu + ": 未填写得分（东风路街道，安置地自建房办证）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-03.xlsx " + scores + "!" + colBanzheng + rowShiqiao + ": 未填写得分（石桥街道，安置地自建房办证）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, p := range got {
		if !strings.Contains(p, ": 未填写得分（") {
			t.Errorf("unexpected problem %q", p)
		}
		if strings.HasPrefix(p, "2023-03.xlsx "+scores+"!"+colBanzheng+rowQichezhan+":") {
			t.Errorf("a greyed cell is reported: %q", p)
		}
	}
	if got[0] != "2023-03.xlsx 乡镇（街道）得分!B4: 未填写得分（汽车站街道，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”" || !strings.HasPrefix(got[1], "2023-03.xlsx 乡镇（街道）得分!C4:") {
		t.Errorf("problems not in the sheet's order: %q, %q", got[0], got[1])
	}

	// Filled in, it imports: every scored cell, the scaffold's checksum.
	f, _ := excelize.OpenReader(bytes.NewReader(book))
	rows, _ := f.GetRows(scores, excelize.Options{RawCellValue: true})
	cells := map[string]any{}
	n := 0
	for col := 2; col <= len(rows[0]); col++ {
		if rows[2][col-1] != yes {
			continue
		}
		for row := 4; row <= 15; row++ {
			ref := cell(col, row)
			if style, _ := f.GetCellStyle(scores, ref); !isLocked(t, f, style) {
				cells[scores+"!"+ref] = 80 + row
				n++
			}
		}
	}
	f.Close()
	m, err := Import(s, "2023-03", "2023-03.xlsx", edit(t, book, cells))
	if err != nil {
		t.Fatalf("the filled workbook: %v", err)
	}
	if m.Scores != n || n != 15*12+5 {
		t.Errorf("%d scores imported, %d cells filled; want %d", m.Scores, n, 15*12+5)
	}
	if m.Results != 40 {
		t.Errorf("%d results, want the 40 of 2023-02", m.Results)
	}
	if !Untouched(book, []byte("scaffold")) || Untouched(book, []byte("scaffold\n")) {
		t.Error("the workbook does not tell its scaffold's bytes from others")
	}
	if !bytes.Contains(m.TOML, []byte("[[result]]\nindicator = \"gongye\"       # 规模工业增加值\n[result.townships]\n\"汽车站街道\" = 84.0\n")) {
		t.Errorf("the month file does not start gongye as expected:\n%s", m.TOML[:min(len(m.TOML), 600)])
	}
}

func sameProblems(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func isLocked(t *testing.T, f *excelize.File, style int) bool {
	st, err := f.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

// TestImportProblemsAtCells changes cells of the exported sample month and
// expects each problem at its cell, worded by the loader where it is the
// loader's rule.
func TestImportProblemsAtCells(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]any{
		scores + "!B4": "95%",
		scores + "!C5": "９６．７５ ", // read as 96.75
		scores + "!D6": " 30 ",
		scores + "!O4": 50, // a greyed cell: 汽车站街道 is not assessed on 安置地自建房办证
		scores + "!E7": "",
		"考核结果!E3":      13, // gongye's city rank
		"考核结果!F3":      "maybe",
		"考核结果!G3":      2.5,
		"考核结果!E4":      "第3名",
		"考核排类!B2":      "区信访\u200b局",
		"考核排类!C3":      "区财政",
		"约谈!A2":        "双清公安分",
		"奖励!A2":        "区信访局",
		"奖励!B2":        "3万",
		"加减分!B2":       "－1",
		"考核结果!D2":      "否",
		"考核结果!K2":      "不应填",
		"考核结果!D10":     "也许",
	}
	got := problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, cells)))
	want := []string{
		"2023-02.xlsx 乡镇（街道）得分!B4: “95%”不是数：请去掉“%”，只写数，如 95",
		"2023-02.xlsx 乡镇（街道）得分!O4: 乡镇（街道）“汽车站街道”不在指标“安置地自建房办证”的考核范围内",
		"2023-02.xlsx 乡镇（街道）得分!E7: 未填写得分（滨江街道，省市重点建设项目整体推进）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2023-02.xlsx 考核结果!K2: “本月通报”不是“是”，本行不应填写；要列入本月通报请把 考核结果!D2 改为“是”",
		"2023-02.xlsx 考核结果!E3: 全市排名 13 超出范围（应为 1～12）",
		"2023-02.xlsx 考核结果!F3: 全市并列：应为“是”或留空，而不是“maybe”",
		"2023-02.xlsx 考核结果!G3: 同级排名：应为整数，而不是 2.5",
		"2023-02.xlsx 考核结果!E4: 全市排名：“第3名”：只写整数，去掉“第”“名”，写作 3",
		"2023-02.xlsx 考核结果!D10: “本月通报”应为“是”或“否”，而不是“也许”",
		"2023-02.xlsx 考核排类!B2: “区信访<U+200B>局”中有看不见的字符，请删去（删去后为“区信访局”）",
		"2023-02.xlsx 考核排类!C3: 未知单位“区财政”，是否为“区财政局”？",
		"2023-02.xlsx 加减分!A2: 未填写“单位”（加减分的单位）", // only 分值 filled in
		"2023-02.xlsx 奖励!B2: 金额（元）：“3万”不是数：应为数，如 95 或 87.5",
		"2023-02.xlsx 奖励!C2: 未填写“原因”（奖励原因）",
		"2023-02.xlsx 约谈!A2: 未知单位“双清公安分”，是否为“双清公安分局”？",
	}
	sameProblems(t, got, want)

	// Another month's workbook: that alone is said, not what its cells
	// would be wrong for as this month's.
	cells["本月概况!B2"] = "2023-01"
	got = problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, cells)))
	sameProblems(t, got, []string{"2023-02.xlsx 本月概况!B2: 本工作簿是 2023-01 的，不是 2023-02 的：请核对命令中的月份，或换用该月的工作簿"})
}

// TestImportRequiredCells: a required value left empty is reported at its
// cell, in the sheet's words, and a required column whose heading is gone
// once, at the heading row; the month file's keys (reward缺少“reason”) are
// not shown.
func TestImportRequiredCells(t *testing.T) {
	s := sample(t)
	book, _ := Export(s, s.Month("2023-02"))
	got := problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, map[string]any{
		"奖励!A2":  "区信访局",
		"奖励!B2":  30000,
		"奖励!A3":  "区财政局",
		"约谈!A3":  "区财政局", // below the month's own 约谈, with no 约谈对象
		"约谈!D3":  "工作滞后",
		"加减分!C1": "", // the heading 原因: the column is optional
		"加减分!A2": "滨江街道",
		"加减分!B2": 1,
		"奖励!C1":  "", // the heading 原因
		"奖励!C2":  "按时完成",
	})))
	want := []string{
		"2023-02.xlsx 奖励!C1: 缺少“原因”一列（奖励原因）：请在第1行加上表头“原因”",
		"2023-02.xlsx 奖励!C2: 这一列没有（可识别的）表头，内容无法导入",
		"2023-02.xlsx 奖励!B3: 未填写“金额（元）”（奖励金额，单位为元）",
		// 约谈!B3, the 约谈对象 left empty, is none: a measure may name
		// the unit alone, as a rule's may.
	}
	sameProblems(t, got, want)
}

// TestImportForgivingCells: full-width digits, spaces, a point written
// full-width, a tie flag written “并列”, and a month file written in the
// style new writes.
func TestImportForgivingCells(t *testing.T) {
	s := sample(t)
	book, _ := Export(s, s.Month("2023-02"))
	m, err := Import(s, "2023-02", "2023-02.xlsx", edit(t, book, map[string]any{
		scores + "!B4": "\u3000９５．６ \u200b", // 汽车站街道, 规模工业增加值 (decimals 1)
		scores + "!C4": " 96.75\u00a0",
		"考核结果!F3":      "并列",
		"加减分!A2":       " 滨江街道\u3000\u200b", // a zero-width space at the end is dropped with the spaces
		"加减分!B2":       "－１",
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\"汽车站街道\" = 95.6\n",
		"\"汽车站街道\" = 96.75\n",
		"city     = 10\ncityTie  = true\n",
		"[[adjustment]]\ntownship = \"滨江街道\"\npoints   = -1.0\n",
	} {
		if !bytes.Contains(m.TOML, []byte(want)) {
			t.Errorf("the month file lacks %q", want)
		}
	}
}

// TestImportKeepsTieOrder: a month file lists a tie's members in its own
// order; the workbook records it and the import writes it back.
func TestImportKeepsTieOrder(t *testing.T) {
	s := sample(t)
	m := *s.Month("2023-02")
	m.Results = slices.Clone(m.Results)
	var gongye *site.Result
	for i, r := range m.Results {
		if r.Indicator.ID == "gongye" {
			c := *r
			c.Scores = slices.Clone(r.Scores)
			slices.Reverse(c.Scores)
			m.Results[i], gongye = &c, &c
		}
	}
	book, err := Export(s, &m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, sc := range gongye.Scores {
		want.WriteString(site.Quote(sc.Unit.Name) + " = ")
	}
	var order strings.Builder
	text := string(got.TOML)
	start := strings.Index(text, "indicator = \"gongye\"")
	start += strings.Index(text[start:], "[result.townships]\n") + len("[result.townships]\n")
	for _, line := range strings.Split(text[start:], "\n")[:12] {
		k, _, _ := strings.Cut(line, "= ")
		order.WriteString(k + "= ")
	}
	if order.String() != want.String() {
		t.Errorf("gongye's scores in the order\n%s\nwant\n%s", order.String(), want.String())
	}
	// The reversed order is 东风路街道 (the month file's last) first.
	if !strings.HasPrefix(order.String(), "\"东风路街道\" = ") {
		t.Errorf("order %s", order.String())
	}
}

// TestImportSortedSheetKeepsUnitsOrder: a blank workbook filled in and
// then sorted (rows of 桥头街道 and 东风路街道 exchanged, as Excel's 排序 by
// one column moves whole rows) imports as the unsorted one: each result's
// scores in units.toml's order, the order a tie's members are listed in,
// and not the rows' (东风路街道 ahead of 兴隆街道, tied with it).
func TestImportSortedSheetKeepsUnitsOrder(t *testing.T) {
	s := sample(t)
	book, err := Blank(s, "2023-03", "", s.Month("2023-02"), []byte("scaffold"))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(book))
	rows, _ := f.GetRows(scores, excelize.Options{RawCellValue: true})
	filled := map[string]any{}
	for col := 2; col <= len(rows[0]); col++ {
		for row := 4; row <= 15; row++ {
			ref := cell(col, row)
			if style, _ := f.GetCellStyle(scores, ref); rows[2][col-1] == yes && !isLocked(t, f, style) {
				filled[scores+"!"+ref] = 80 // every indicator one tie of all
			}
		}
	}
	f.Close()
	book = edit(t, book, filled)
	sorted := map[string]any{}
	for col := 1; col <= len(rows[0]); col++ {
		a, b := scores+"!"+cell(col, 8), scores+"!"+cell(col, 13) // 桥头街道, 东风路街道
		sorted[a], sorted[b] = filled[b], filled[a]
		if col == 1 {
			sorted[a], sorted[b] = "东风路街道", "桥头街道"
		}
	}
	want, err := Import(s, "2023-03", "2023-03.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Import(s, "2023-03", "2023-03.xlsx", edit(t, book, sorted))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.TOML, want.TOML) {
		t.Errorf("the sorted sheet's month file differs from the unsorted one's:\n%s", got.TOML[:min(len(got.TOML), 800)])
	}
	gongye := "indicator = \"gongye\"       # 规模工业增加值\n[result.townships]\n\"汽车站街道\" = 80.0\n\"小江湖街道\" = 80.0\n\"兴隆街道\" = 80.0\n\"滨江街道\" = 80.0\n\"桥头街道\" = 80.0\n"
	if !bytes.Contains(got.TOML, []byte(gongye)) {
		t.Errorf("gongye's scores are not in units.toml's order:\n%s", got.TOML[:min(len(got.TOML), 800)])
	}
}

// TestImportMisnamedRowSuggestsItsTownship: a name typed wrong in a row
// of the scores sheet is suggested the township that has no row — whose
// row it is —, not one that has its own: 石头街道 in 石桥街道's row is one
// character from 桥头街道 too, listed first in units.toml; 桥头镇, in
// 渡头桥镇's, is no name's typo by the edits, but of the two townships
// without a row only 渡头桥镇 holds two of its characters. The only name
// unknown where only one township has no row is that township's.
func TestImportMisnamedRowSuggestsItsTownship(t *testing.T) {
	s := sample(t)
	book, _ := exportSample(t, s)
	sameProblems(t, problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, map[string]any{
		scores + "!A" + rowShiqiao: "石头街道",
		scores + "!A9":             "桥头镇", // 渡头桥镇
	}))), []string{
		"2023-02.xlsx " + scores + "!A9: 未知乡镇（街道）“桥头镇”，是否为“渡头桥镇”？（表中没有它的一行）",
		"2023-02.xlsx " + scores + "!A" + rowShiqiao + ": 未知乡镇（街道）“石头街道”，是否为“石桥街道”？",
	})
	sameProblems(t, problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, map[string]any{
		scores + "!A" + rowShiqiao: "张三",
	}))), []string{
		"2023-02.xlsx " + scores + "!A" + rowShiqiao + ": 未知乡镇（街道）“张三”，是否为“石桥街道”？（表中只缺它这一行）",
	})
}

const csvScores = `乡镇（街道）,规模工业增加值,社会消费品零售总额
汽车站街道,88.7,96.75
小江湖街道,９０．５,87.25
兴隆街道, 93.2 ,94.2
滨江街道,86.4,91.35
桥头街道,82.3,88.9
渡头桥镇,82.3,93.65
爱莲街道,82.3,98.4
龙须塘街道,87.9,92.8
火车站乡,95.6,85.4
东风路街道,82.3,95.1
石桥街道,91.8,96.75
高崇山镇,85,90.6
`

// wantCSV is the month file the CSV above makes, written by hand.
const wantCSV = `# 2023年3月的考核结果。由 tongbao import 从 %s 导入。
# 再次导入 CSV 表时，其得分并入本文件（与已有得分不同时加 --force），也可以直接修改本文件。

[[result]]
indicator = "gongye"       # 规模工业增加值
[result.townships]
"汽车站街道" = 88.7
"小江湖街道" = 90.5
"兴隆街道" = 93.2
"滨江街道" = 86.4
"桥头街道" = 82.3
"渡头桥镇" = 82.3
"爱莲街道" = 82.3
"龙须塘街道" = 87.9
"火车站乡" = 95.6
"东风路街道" = 82.3
"石桥街道" = 91.8
"高崇山镇" = 85.0

[[result]]
indicator = "shexiao"      # 社会消费品零售总额
[result.townships]
"汽车站街道" = 96.75
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

func TestImportCSVEncodings(t *testing.T) {
	s := sample(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(csvScores))
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(csvScores, "\n", "\r\n")
	for name, data := range map[string][]byte{
		"utf8.csv":       []byte(csvScores),
		"bom.csv":        append([]byte("\uFEFF"), crlf...),
		"gbk.csv":        gbk,
		"tabs.txt":       []byte(strings.ReplaceAll(csvScores, ",", "\t")),
		"semicolons.csv": []byte(strings.ReplaceAll(csvScores, ",", ";")),
		"sheet-as.csv":   []byte(strings.Replace(csvScores, "\n", "\n指标 id,gongye,shexiao\n本月评分,是,是\n", 1)),
	} {
		m, err := Import(s, "2023-03", name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if want := strings.Replace(wantCSV, "%s", name, 1); string(m.TOML) != want {
			t.Errorf("%s gave\n%s\nwant\n%s", name, m.TOML, want)
		}
		if m.Results != 2 || m.Scores != 24 {
			t.Errorf("%s: %d results, %d scores", name, m.Results, m.Scores)
		}
	}
	if !bytes.Contains(gbk, []byte{0xCF, 0xE7}) { // 乡 in GBK: the file really is not UTF-8
		t.Fatal("the GBK sample is not GBK")
	}
}

func TestImportCSVProblems(t *testing.T) {
	s := sample(t)
	bad := strings.NewReplacer(
		"规模工业增加值", "规模工业",
		"兴隆街道, 93.2 ,94.2", "兴隆街道, 93.2 ,94.2%",
		"火车站乡,95.6", "火车站\u200b乡,95.6",
		"高崇山镇,85,90.6\n", "",
		"滨江街道,86.4,91.35", "滨江街道,86.4,",
	).Replace(csvScores)
	got := problems(t)(Import(s, "2023-03", "scores.csv", []byte("\uFEFF"+bad)))
	want := []string{
		"scores.csv:1:1: 缺少“高崇山镇”这一行（第一列为乡镇（街道）名称）",
		"scores.csv:1:2: “规模工业”不是指标的名称或 id，是否为“规模工业增加值”？",
		"scores.csv:4:3: “94.2%”不是数：请去掉“%”，只写数，如 94.2",
		"scores.csv:5:3: 未填写得分（滨江街道，社会消费品零售总额）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"scores.csv:10:1: “火车站<U+200B>乡”中有看不见的字符，请删去（删去后为“火车站乡”）",
	}
	sameProblems(t, got, want)
}

func TestImportRefusesOldAndEmpty(t *testing.T) {
	s := sample(t)
	if _, err := Import(s, "2023-03", "scores.xls", []byte{0xD0, 0xCF}); err == nil || !strings.Contains(err.Error(), "另存为 .xlsx") {
		t.Errorf("an .xls: %v", err)
	}
	if got := problems(t)(Import(s, "2023-03", "empty.csv", nil)); len(got) != 1 || !strings.HasPrefix(got[0], "empty.csv: 文件是空的") {
		t.Errorf("an empty CSV: %q", got)
	}
	// Excel opens these whatever their names say; the message says what
	// the file is, in staff's words, not Go's "zip: not a valid zip file".
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"broken.xlsx":  {[]byte("PK\x03\x04 not really"), "broken.xlsx：不是 .xlsx 工作簿（文件已损坏，或是别的文件改了名字）；请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿或 CSV"},
		"renamed.xlsx": {[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "renamed.xlsx：这是旧的 .xls 格式（Excel 97-2003），只是名字改成了 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 工作簿或 CSV"},
		// A workbook with a password to open is kept in the same compound
		// file as an .xls: no .xls at all.
		"locked.xlsx": {locked(t), "locked.xlsx：工作簿设置了打开密码（已加密），tongbao 无法读取；请在 Excel 或 WPS 中打开它，取消密码后另存为 .xlsx 工作簿或 CSV"},
	} {
		if _, err := Import(s, "2023-03", name, c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", name, err, c.want)
		}
	}
}

// TestImportRefusesSheetsPastBounds: a workbook of a few kilobytes whose
// sheet reaches far (a cell in the last column, XFD, on many rows, which
// read whole took half a megabyte a row) is refused at once, saying
// where the sheet reaches; one cell typed just past the table is read.
func TestImportRefusesSheetsPastBounds(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	far := map[string]any{}
	for row := 30; row < 60; row++ {
		far[fmt.Sprintf("%s!XFD%d", scores, row)] = "x"
	}
	_, err = Import(s, "2023-02", "far.xlsx", edit(t, book, far))
	if want := "far.xlsx：工作表“" + scores + "”第 30 行写到了第 XFD 列，超出了 tongbao 读取的 1000 列"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a sheet reaching column XFD: %v\nwant %s…", err, want)
	}
	deep := edit(t, book, map[string]any{scores + "!A20000": "x"})
	_, err = Import(s, "2023-02", "deep.xlsx", deep)
	if want := "deep.xlsx：工作表“" + scores + "”写到了第 20000 行，超出了 tongbao 读取的 10000 行"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a sheet reaching row 20000: %v\nwant %s…", err, want)
	}
	if _, err := Import(s, "2023-02", "near.xlsx", edit(t, book, map[string]any{scores + "!AZ40": "备注"})); err != nil && strings.Contains(err.Error(), "超出了 tongbao 读取") {
		t.Errorf("a cell just past the table: %v", err)
	}
}

// TestImportUnreadableRow: a row the workbook holds but excelize cannot
// read — a cell named "@@" in row 40, below the townships; a row past
// Excel's last — is said, with the sheet, not the rest of the sheet left
// out without a word.
func TestImportUnreadableRow(t *testing.T) {
	s := sample(t)
	book, f := exportSample(t, s)
	// excelize writes the nth sheet as xl/worksheets/sheet<n>.xml.
	part := ""
	for i, name := range f.GetSheetList() {
		if name == scores {
			part = "xl/worksheets/sheet" + string(rune('1'+i)) + ".xml"
		}
	}
	for _, c := range []struct{ before, row, want string }{
		{"</sheetData>", `<row r="40"><c r="@@"><v>1</v></c></row>`, "bad.xlsx：工作表“" + scores + "”读到第 40 行时出错（"},
		// excelize reads on into the next row to end one.
		{"</sheetData>", `<row r="2000000"><c r="B2000000"><v>1</v></c></row>`, "bad.xlsx：工作表“" + scores + "”读到第 15 行时出错（row number exceeds maximum limit）"},
		{"<row ", `<row r="2000000"><c r="B2000000"><v>1</v></c></row>`, "bad.xlsx：工作表“" + scores + "”读第一行时出错（row number exceeds maximum limit）"},
	} {
		bad := rezip(t, book, part, func(xml string) string {
			return strings.Replace(xml, c.before, c.row+c.before, 1)
		})
		_, err := Import(s, "2023-02", "bad.xlsx", bad)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "其后的内容都没有读到") {
			t.Errorf("%s: %v\nwant %s…", c.row, err, c.want)
		}
	}
}

// rezip returns the workbook book with its part name changed by edit.
func rezip(t *testing.T, book []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			data, found = []byte(edit(string(data))), true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("the workbook has no part %s", name)
	}
	return b.Bytes()
}

// TestLayoutCoversFormat: every field of the month file has its place in
// the workbook, listed on the 说明 sheet with its label and help (its
// SheetLabel and Sheet, with the office's words, where it has them: see
// TestWorkbookInOfficeWords) — the one that names the indicator of a
// result excepted, which is the row itself.
func TestLayoutCoversFormat(t *testing.T) {
	s := sample(t)
	_, f := exportSample(t, s)
	rows, _ := f.GetRows(readmeSheet)
	listed := map[string]string{}
	for _, r := range rows {
		if len(r) == 4 {
			listed[r[2]] = r[1] + "：" + r[3]
		}
	}
	var walk func(prefix string, fields []site.Field)
	n := 0
	walk = func(prefix string, fields []site.Field) {
		for _, fd := range fields {
			path := prefix + fd.Key
			switch {
			case fd.Kind == site.IndicatorRef:
			case fd.Kind == site.Tables:
				walk(path+".", fd.Fields)
			case strings.Contains(listed[path], "{"),
				fd.Sheet == "" && !strings.Contains(fd.Help, "{") && listed[path] != fd.Label+"："+fd.Help,
				fd.Sheet != "" && fd.SheetLabel == "" && !strings.HasPrefix(listed[path], fd.Label+"："),
				fd.Sheet != "" && strings.HasSuffix(listed[path], "："+fd.Help):
				t.Errorf("%s is listed as %q, want its label and help", path, listed[path])
			default:
				n++
			}
		}
	}
	walk("", site.MonthFile.Fields)
	if n < 20 {
		t.Errorf("only %d fields listed", n)
	}
	// Help with the office's words in it, in the sample's: its level above
	// is 全市, of 12 units.
	for path, want := range map[string]string{
		"overallCity": "全市综合排名：本地区在全市综合排名中的名次（1～12），可不填",
		"result.city": "全市排名：本项在全市排名中的名次（1～12），可不填",
	} {
		if listed[path] != want {
			t.Errorf("%s is listed as %q, want %q", path, listed[path], want)
		}
	}
	sheets := f.GetSheetList()
	want := []string{"说明", "本月概况", "乡镇（街道）得分", "考核结果", "考核排类", "加减分", "奖励", "约谈", "免予措施", "名单", "tongbao"}
	if !slices.Equal(sheets, want) {
		t.Errorf("sheets %q, want %q", sheets, want)
	}
}

// TestWorkbookLocksAndChecks: the scores sheet as an office receives it —
// headings and names locked under a sheet protection without a password,
// grey cells locked, open cells checked, the ids hidden, the headings
// frozen, each heading's note.
func TestWorkbookLocksAndChecks(t *testing.T) {
	s := sample(t)
	book, f := exportSample(t, s)
	const sh = scores
	for ref, locked := range map[string]bool{
		"A1": true, "B1": true, "A4": true, // headings, names
		"B3": false, "B4": false, "Q15": false, // 本月评分, scores
		colBanzheng + rowQichezhan: true, // grey: not assessed
		colBanzheng + rowShiqiao:   false,
	} {
		id, _ := f.GetCellStyle(sh, ref)
		if got := isLocked(t, f, id); got != locked {
			t.Errorf("%s!%s locked = %v, want %v", sh, ref, got, locked)
		}
	}
	zr, _ := zipFile(book, "xl/worksheets/sheet3.xml")
	if !strings.Contains(zr, `<sheetProtection`) || strings.Contains(zr, `password=`) || strings.Contains(zr, `hashValue=`) {
		t.Errorf("the scores sheet is not protected, or has a password")
	}
	if visible, _ := f.GetRowVisible(sh, 2); visible {
		t.Error("the row of ids is visible")
	}
	if p, _ := f.GetPanes(sh); !p.Freeze || p.TopLeftCell != "B4" {
		t.Errorf("panes %+v, want frozen at B4", p)
	}
	dvs, _ := f.GetDataValidations(sh)
	kinds, formulas := map[string]string{}, map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref], formulas[dv.Sqref] = dv.Type, dv.Formula1
	}
	// A score is a number, or 不涉及 (with a reason after it): the formula
	// is of the range's first cell, which Excel moves along the range.
	if kinds["B4:Q15"] != "custom" || formulas["B4:Q15"] != `OR(ISNUMBER(B4),LEFT(TRIM(B4),3)="不涉及",LEFT(TRIM(B4),3)="未报送")` || kinds["B3:Q3"] != "list" {
		t.Errorf("validations %v, formulas %v", kinds, formulas)
	}
	comments, _ := f.GetComments(sh)
	if len(comments) != 17 || !strings.Contains(comments[1].Paragraph[0].Text, "得分越高排名越前，按1位小数比较名次") {
		t.Errorf("%d notes on the scores sheet; the first indicator's: %+v", len(comments), comments[1])
	}
}

// TestExportScoreBounds: an indicator's min and max (满分) bound its
// column's validation, so that Excel refuses 105 as it is typed; the
// columns without bounds keep the plain one.
func TestExportScoreBounds(t *testing.T) {
	s := sample(t)
	lo, hi := 0.0, 100.0
	for _, ind := range s.Indicators {
		if ind.ID == "gongye" { // column B
			ind.Min, ind.Max = &lo, &hi
		}
	}
	_, f := exportSample(t, s)
	dvs, err := f.GetDataValidations(scores)
	if err != nil {
		t.Fatal(err)
	}
	formulas, messages := map[string]string{}, map[string]string{}
	for _, dv := range dvs {
		formulas[dv.Sqref] = dv.Formula1
		if dv.Error != nil {
			messages[dv.Sqref] = *dv.Error
		}
	}
	if got := formulas["B4:B15"]; got != `OR(AND(ISNUMBER(B4),B4>=0,B4<=100),LEFT(TRIM(B4),3)="不涉及",LEFT(TRIM(B4),3)="未报送")` {
		t.Errorf("gongye's validation is %q", got)
	}
	if got := messages["B4:B15"]; got != "应填0～100的数（满分 100）；本月不涉及这项工作的填“不涉及”，逾期未报送的填“未报送”" {
		t.Errorf("gongye's message is %q", got)
	}
	if got := formulas["C4:Q15"]; got != `OR(ISNUMBER(C4),LEFT(TRIM(C4),3)="不涉及",LEFT(TRIM(C4),3)="未报送")` {
		t.Errorf("the other columns' validation is %q (all: %v)", got, formulas)
	}
}

// TestExportScoreBoundsOfTheMonth: the 考核细则 lowers gongye's 满分 from
// 100 to 90 from February 2023, the month exported, and raises
// shexiao's (column C) from 100 to 120 only from March: February's book
// refuses 95 of gongye and takes 110 of neither — column B bounded by
// 90, column C by 100, each column's note giving that 满分.
func TestExportScoreBoundsOfTheMonth(t *testing.T) {
	s := sample(t)
	lo, hi, ninety, more := 0.0, 100.0, 90.0, 120.0
	for _, ind := range s.Indicators {
		switch ind.ID {
		case "gongye": // column B
			ind.Min, ind.Max = &lo, &hi
			set := ind.In("2023-02")
			set.Max = &ninety
			ind.Changes = append(ind.Changes, site.Change{From: "2023-02", Setting: set, Set: []string{"max"}})
		case "shexiao": // column C
			ind.Min, ind.Max = &lo, &hi
			set := ind.In("2023-03")
			set.Max = &more
			ind.Changes = append(ind.Changes, site.Change{From: "2023-03", Setting: set, Set: []string{"max"}})
		}
	}
	_, f := exportSample(t, s)
	dvs, err := f.GetDataValidations(scores)
	if err != nil {
		t.Fatal(err)
	}
	formulas := map[string]string{}
	for _, dv := range dvs {
		formulas[dv.Sqref] = dv.Formula1
	}
	if got := formulas["B4:B15"]; got != `OR(AND(ISNUMBER(B4),B4>=0,B4<=90),LEFT(TRIM(B4),3)="不涉及",LEFT(TRIM(B4),3)="未报送")` {
		t.Errorf("gongye's validation is %q (all: %v)", got, formulas)
	}
	if got := formulas["C4:C15"]; got != `OR(AND(ISNUMBER(C4),C4>=0,C4<=100),LEFT(TRIM(C4),3)="不涉及",LEFT(TRIM(C4),3)="未报送")` {
		t.Errorf("column C's validation is %q (all: %v)", got, formulas)
	}
	comments, _ := f.GetComments(scores)
	notes := map[string]string{}
	for _, c := range comments {
		for _, p := range c.Paragraph {
			notes[c.Cell] += p.Text
		}
	}
	for cell, want := range map[string]string{"B1": "按1位小数比较名次，满分 90。", "C1": "按2位小数比较名次，满分 100。"} {
		if !strings.Contains(notes[cell], want) {
			t.Errorf("the note of %s lacks %q: %q", cell, want, notes[cell])
		}
	}
}

// zipFile returns one file of a zip archive as text.
func zipFile(archive []byte, name string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		return "", err
	}
	rc, err := zr.Open(name)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

// FuzzImportCSV: whatever a CSV holds, the import returns a month or
// problems, never panics, and a month it returns is one the loader reads.
func FuzzImportCSV(f *testing.F) {
	f.Add([]byte(csvScores))
	f.Add([]byte("乡镇（街道）,gongye\n汽车站街道,９５％\n"))
	f.Add([]byte("\"a\nb\",\"\n"))
	s, err := site.Load(filepath.Join("..", ".."))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Import(s, "2023-03", "f.csv", data)
		if err != nil {
			return
		}
		if _, err := s.ParseMonth("data/2023-03.toml", m.TOML, nil); err != nil {
			t.Fatalf("an imported month does not load: %v\n%s", err, m.TOML)
		}
	})
}

// FuzzImportWorkbook changes two cells of a workbook of the sample's
// February — the office's, or one department's — to anything, and reads
// it back as the whole month and as a copy to merge: never a panic; a
// problem is said at a cell or of the file; a month imported loads; a
// copy's edits merge into the month file, or are refused, without one.
// (A workbook is written for each input: a few hundred a second.)
func FuzzImportWorkbook(f *testing.F) {
	f.Add(uint8(2), uint8(2), uint8(4), "95.5", uint8(3), uint8(5), uint8(2), "3", false)
	f.Add(uint8(3), uint8(11), uint8(3), "进展\n顺利", uint8(6), uint8(1), uint8(2), "区发改局", true)
	f.Add(uint8(1), uint8(2), uint8(3), "", uint8(4), uint8(2), uint8(3), "一类", false)
	f.Add(uint8(2), uint8(1), uint8(4), "汽车站街道 ", uint8(2), uint8(3), uint8(1), "zhongdian", true)
	s, err := site.Load(filepath.Join("..", ".."))
	if err != nil {
		f.Fatal(err)
	}
	rel := "data/2023-02.toml"
	text, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(rel)))
	if err != nil {
		f.Fatal(err)
	}
	month, err := s.ParseDraftMonth(rel, text)
	if err != nil {
		f.Fatal(err)
	}
	office, err := Export(s, month)
	if err != nil {
		f.Fatal(err)
	}
	dept, err := ExportFor(s, month, s.Indicators[1].Owners[0])
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, sh1, col1, row1 uint8, v1 string, sh2, col2, row2 uint8, v2 string, department bool) {
		book := office
		if department {
			book = dept
		}
		wb, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		sheets := wb.GetSheetList()
		for _, c := range []struct {
			sheet, col, row uint8
			v               string
		}{{sh1, col1, row1, v1}, {sh2, col2, row2, v2}} {
			ref, _ := excelize.CoordinatesToCellName(1+int(c.col)%20, 1+int(c.row)%60)
			// A string the workbook cannot hold is refused by excelize,
			// as by Excel: not this reader's to read.
			if err := wb.SetCellValue(sheets[int(c.sheet)%len(sheets)], ref, c.v); err != nil {
				return
			}
		}
		var b bytes.Buffer
		if _, err := wb.WriteTo(&b); err != nil {
			return
		}
		said := func(err error) {
			var l diag.List
			if errors.As(err, &l) {
				for _, d := range l {
					if d.File == "" || d.Msg == "" {
						t.Fatalf("a problem with no place or message: %+v", d)
					}
				}
			}
		}
		if m, err := Import(s, "2023-02", "f.xlsx", b.Bytes()); err != nil {
			said(err)
		} else if _, err := s.ParseMonth(rel, m.TOML, nil); err != nil {
			t.Fatalf("an imported month does not load: %v\n%s", err, m.TOML)
		}
		m, err := ImportScores(s, "2023-02", "f.xlsx", b.Bytes(), month)
		if err != nil {
			said(err)
			return
		}
		for _, force := range []bool{false, true} {
			out, _, err := s.MergeMonth(rel, text, m.Edits, force)
			if err != nil {
				said(err)
				continue
			}
			if _, err := s.ParseDraftMonth(rel, out); err != nil {
				t.Fatalf("merged (force %v), the month does not load: %v\n%s", force, err, out)
			}
		}
	})
}

// TestBlankFirstMonth: with no month before it, the workbook reports every
// indicator and scores every one ranked by township.
func TestBlankFirstMonth(t *testing.T) {
	s := sample(t)
	book, err := Blank(s, "2023-01", "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(book))
	defer f.Close()
	marks, _ := f.GetRows("考核结果", excelize.Options{RawCellValue: true})
	if len(marks) != 1+42 {
		t.Fatalf("%d rows on 考核结果, want a heading and the 42 indicators", len(marks))
	}
	for _, r := range marks[1:] {
		if r[resReported-1] != yes {
			t.Errorf("%s is not reported", r[resName-1])
		}
	}
	scores, _ := f.GetRows(scores, excelize.Options{RawCellValue: true})
	if got := scores[scoreMarks-1][1:]; len(got) != 16 || slices.ContainsFunc(got, func(m string) bool { return m != yes }) {
		t.Errorf("本月评分 %q, want 16 × 是", got)
	}
	if v, _ := f.GetCellValue("本月概况", "B3"); v != "1月" {
		t.Errorf("期别 %q, want 1月", v)
	}
	if got := problems(t)(Import(s, "2023-01", "2023-01.xlsx", book)); len(got) != 15*12+5 {
		t.Errorf("%d problems, want %d", len(got), 15*12+5)
	}
}

// TestWorkbookInOfficeWords: what the workbook asks of whoever fills it
// (the 说明 sheet, the 本月概况 notes, the prompts of its cells and the
// notes on its headings) is in the cells' words and the office's: no keys
// or values of the month file or the config (“填 true”, “[terms] city”),
// and, for an office whose level above is 全省 of 14 units, 全省 and 14.
// Only the 说明 sheet's column of keys names the month file's keys.
func TestWorkbookInOfficeWords(t *testing.T) {
	jargon := regexp.MustCompile(`\[terms\]|\[ranking\]|\[\[|\btrue\b|\bslug\b|Markdown|[a-z]+Units|\{[a-z]+\}`)
	for _, office := range []struct {
		city, peer string
		cityUnits  int
		want       map[string]string // the prompt of a range of cells, or the text of a heading
	}{
		{"全市", "三区", 12, map[string]string{
			"考核结果!E2:E43": "本项在全市排名中的名次（1～12），可不填",
			"考核结果!F2:F43": "全市排名并列时填“是”",
			"本月概况!B4":     "本地区在全市综合排名中的名次（1～12），可不填",
			"约谈!C2:C21":   "填“约谈”或“提醒约谈”；不填为约谈",
			"考核结果!E1":     "全市排名", // headings: a cell's text
			"考核结果!F1":     "全市并列",
			"本月概况!A4":     "全市综合排名",
			"考核结果!A1":     "栏目", // as indicators.toml and the docs name it
		}},
		{"全省", "同类县", 14, map[string]string{
			"考核结果!E2:E43": "本项在全省排名中的名次（1～14），可不填",
			"考核结果!F2:F43": "全省排名并列时填“是”",
			"考核结果!I2:I43": "本项的同级排名不是同类县时填写，如“四区”",
			"考核结果!E1":     "全省排名",
			"考核结果!G1":     "同级排名",
		}},
	} {
		s := sample(t)
		s.Config.Terms.City, s.Config.Terms.Peer, s.Config.Ranking.CityUnits = office.city, office.peer, office.cityUnits
		book, err := Export(s, s.Month("2023-02"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		prompts, cells := map[string]string{}, map[string]string{}
		for _, sh := range f.GetSheetList() {
			if v, _ := f.GetSheetVisible(sh); !v {
				continue
			}
			var texts []string
			rows, _ := f.GetRows(sh)
			for i, row := range rows {
				for j, c := range row {
					cells[sh+"!"+cell(j+1, i+1)] = c
					if !(sh == readmeSheet && j == 2) { // the keys, for whoever reads the month file
						texts = append(texts, fmt.Sprintf("%s!%s %s", sh, cell(j+1, i+1), c))
					}
				}
			}
			dvs, _ := f.GetDataValidations(sh)
			for _, dv := range dvs {
				if dv.Prompt != nil {
					prompts[sh+"!"+dv.Sqref] = *dv.Prompt
					texts = append(texts, sh+"!"+dv.Sqref+" (prompt) "+*dv.Prompt)
				}
			}
			comments, _ := f.GetComments(sh)
			for _, c := range comments {
				for _, p := range c.Paragraph {
					texts = append(texts, sh+"!"+c.Cell+" (note) "+p.Text)
				}
			}
			for _, text := range texts {
				if m := jargon.FindString(text); m != "" {
					t.Errorf("%s: %q speaks of the month file or the config (%q)", office.city, text, m)
				}
			}
		}
		// 栏目 is the section (重点工作), the 考核结果 sheet's first
		// column: the 说明's list of what to fill heads its items
		// otherwise, or a 栏目 would be two things in one workbook.
		for ref, c := range cells {
			if strings.HasPrefix(ref, readmeSheet+"!") && c == "栏目" {
				t.Errorf("%s: the 说明 heads a column 栏目 (%s), as the 考核结果 sheet its sections", office.city, ref)
			}
		}
		// A grey cell is also an exempt unit's (免考), or one before its
		// from or after its until (AssessedIn), not only one the
		// indicator does not assess: the 说明 says all three.
		if !slices.ContainsFunc(slices.Collect(maps.Values(cells)), func(c string) bool {
			return strings.Contains(c, "灰色格子不填（该单位不参与这一指标，或本月不参加考核：免考、尚未开始或已不再参加）")
		}) {
			t.Errorf("%s: the 说明 does not say what a grey cell is", office.city)
		}
		for at, want := range office.want {
			got, ok := prompts[at]
			if !ok {
				got = cells[at]
			}
			if got != want {
				t.Errorf("%s: %s (its cells' prompt, or a heading) is %q; want %q", office.city, at, got, want)
			}
		}
	}
}

// TestImportOlderHeadings: a workbook written before the headings were in
// the office's words (上级综合排名, not 全市综合排名) imports the same month.
func TestImportOlderHeadings(t *testing.T) {
	s := sample(t)
	book, _ := Export(s, s.Month("2023-02"))
	want, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	older := edit(t, book, map[string]any{"本月概况!A4": "上级综合排名", "考核结果!E1": "上级排名", "考核结果!F1": "上级并列"})
	got, err := Import(s, "2023-02", "2023-02.xlsx", older)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.TOML, want.TOML) || !bytes.Contains(got.TOML, []byte("overallCity = 8\n")) {
		t.Errorf("the older workbook gives\n%s\nwant\n%s", got.TOML, want.TOML)
	}
}

// A township not assessed in the month (units.toml until: abolished,
// merged or renamed) has no cell to fill in the month's workbook: its row
// is greyed and locked, left empty it is no problem, and a score typed
// into it anyway is the loader's problem at that cell.
func TestBlankLeavesOutTownshipsNotAssessed(t *testing.T) {
	s := sample(t)
	u, err := s.Township("火车站乡")
	if err != nil {
		t.Fatal(err)
	}
	u.Until = "2023-02"
	book, err := Blank(s, "2023-03", "", s.Month("2023-02"), []byte("scaffold"))
	if err != nil {
		t.Fatal(err)
	}
	got := problems(t)(Import(s, "2023-03", "2023-03.xlsx", book))
	// As TestImportBlankNamesEveryMissingCell, less 火车站乡's sixteen.
	if len(got) != 15*11+4 {
		t.Errorf("%d problems, want %d", len(got), 15*11+4)
	}
	for _, p := range got {
		if strings.Contains(p, "火车站乡") {
			t.Errorf("a township not assessed is asked for: %q", p)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{colGongye, colBanzheng} {
		if style, _ := f.GetCellStyle(scores, col+rowHuochezhan); !isLocked(t, f, style) {
			t.Errorf("%s%s, 火车站乡's, is open to fill in", col, rowHuochezhan)
		}
	}
	// Nor is it offered by the drop-down lists of units (奖励, 约谈,
	// 加减分): the other 11 townships, then the departments, with no gap.
	lists, _ := f.GetCols("名单")
	for i := range lists {
		lists[i] = slices.DeleteFunc(lists[i], func(s string) bool { return s == "" })
	}
	if len(lists) < 3 || slices.Contains(lists[0], "火车站乡") || slices.Contains(lists[2], "火车站乡") || len(lists[0]) != 1+11 || lists[2][12] != lists[1][1] {
		t.Errorf("the lists offer 火车站乡 or leave a gap:\n%q", lists)
	}
	f.Close()
	got = problems(t)(Import(s, "2023-03", "2023-03.xlsx", edit(t, book, map[string]any{scores + "!" + colGongye + rowHuochezhan: 80})))
	want := "2023-03.xlsx " + scores + "!" + colGongye + rowHuochezhan + ": “火车站乡”在 2023-02 之后不再参加考核（units.toml 的 until），2023-03 没有它"
	if !slices.Contains(got, want) {
		t.Errorf("a score typed in for 火车站乡: want %q among\n%s", want, strings.Join(got, "\n"))
	}
}

// TestSheetName: the scores sheet is named by the whole [terms] unit —
// 县（市、区）, not 县, for counties, cities and districts — with only what
// Excel refuses changed, within Excel's 31 characters.
func TestSheetName(t *testing.T) {
	for _, c := range []struct{ term, want string }{
		{"乡镇（街道）", "乡镇（街道）得分"},
		{"县（市、区）", "县（市、区）得分"},
		{"乡镇/街道[甲]", "乡镇／街道［甲］得分"},
		{`'a:b*c?d\e`, "a：b＊c？d＼e得分"},
		// 29 characters and 得分 make 31; the 30th goes.
		{strings.Repeat("甲", 29) + "乙", strings.Repeat("甲", 29) + "得分"},
		// 𠀀 is two UTF-16 units: after 28 甲 it would make 32.
		{strings.Repeat("甲", 28) + "𠀀", strings.Repeat("甲", 28) + "得分"},
		{strings.Repeat("甲", 27) + "𠀀", strings.Repeat("甲", 27) + "𠀀得分"},
	} {
		if got := sheetName(c.term, "得分"); got != c.want {
			t.Errorf("sheetName(%q) = %q, want %q", c.term, got, c.want)
		}
	}
	// What it makes, Excel (excelize, which checks by its rules) takes.
	f := excelize.NewFile()
	defer f.Close()
	for _, term := range []string{`'a:b*c?d\e`, strings.Repeat("甲", 28) + "𠀀"} {
		if _, err := f.NewSheet(sheetName(term, "得分")); err != nil {
			t.Errorf("%q: %v", sheetName(term, "得分"), err)
		}
	}
}

// TestImportOldSheetName: a workbook an earlier tongbao wrote names its
// scores sheet by the term cut at （ — 乡镇得分, its cells recorded so in
// its meta sheet — and imports as before, its cells named by that name.
func TestImportOldSheetName(t *testing.T) {
	s := sample(t)
	book, _ := Export(s, s.Month("2023-02"))
	want, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	old := oldWorkbook(t, book)
	got, err := Import(s, "2023-02", "2023-02.xlsx", old)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.TOML, want.TOML) {
		t.Errorf("the old workbook gives\n%s\nwant\n%s", got.TOML, want.TOML)
	}
	sameProblems(t, problems(t)(Import(s, "2023-02", "交回/2023-02.xlsx", edit(t, old, map[string]any{"乡镇得分!B4": "95%"}))),
		[]string{"交回/2023-02.xlsx 乡镇得分!B4: “95%”不是数：请去掉“%”，只写数，如 95"})
	// Returned to be merged: its cells sent out are known by the old
	// name, and the one changed is named by it.
	m, err := ImportScores(s, "2023-02", "交回/2023-02.xlsx", edit(t, old, map[string]any{"乡镇得分!B4": 90.5}), s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Edits.Scores) != 1 || m.Edits.Scores[0].From != "交回/2023-02.xlsx 乡镇得分!B4" || m.Edits.Scores[0].Value != "90.5" {
		t.Errorf("merged from the old workbook: %+v", m.Edits.Scores)
	}
}

// oldWorkbook is book as an earlier tongbao wrote it: its scores sheet
// named 乡镇得分, and so in the cells its meta sheet records.
func oldWorkbook(t *testing.T, book []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetSheetName(scores, "乡镇得分"); err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(metaSheet)
	renamed := 0
	for i, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], scores+"!") {
			f.SetCellValue(metaSheet, cell(1, i+1), "乡镇得分!"+strings.TrimPrefix(row[0], scores+"!"))
			renamed++
		}
	}
	if renamed == 0 {
		t.Fatal("the meta sheet records no cell of the scores sheet")
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImportCSVMisspeltUnit: a township's name misspelt is one problem,
// at its name — not also its row missing, nor its scores —, suggested
// the township without a row that holds two of its characters or more
// (高崇山镇: two edits from 高崇山街道, too far for a typo).
func TestImportCSVMisspeltUnit(t *testing.T) {
	s := sample(t)
	bad := strings.Replace(csvScores, "高崇山镇,", "高崇山街道,", 1)
	sameProblems(t, problems(t)(Import(s, "2023-03", "交回/scores.csv", []byte(bad))),
		[]string{"交回/scores.csv:13:1: 未知乡镇（街道）“高崇山街道”，是否为“高崇山镇”？（表中没有它的一行）"})
	// A row missing besides is said, and the misspelt one: which the
	// misspelt name was meant to be cannot be told for certain, so every
	// township without a row is named (and its scores not said missing
	// again); 火车站乡 has none of 高崇山街道's characters.
	bad = strings.Replace(bad, "火车站乡,95.6,85.4\n", "", 1)
	sameProblems(t, problems(t)(Import(s, "2023-03", "scores.csv", []byte(bad))), []string{
		"scores.csv:1:1: 缺少“火车站乡”这一行（第一列为乡镇（街道）名称）",
		"scores.csv:1:1: 缺少“高崇山镇”这一行（第一列为乡镇（街道）名称）",
		"scores.csv:12:1: 未知乡镇（街道）“高崇山街道”，是否为“高崇山镇”？（表中没有它的一行）",
	})
}

// TestImportCSVUnknownIndicator: a heading that names no indicator says
// which it may be: the near one, the one that holds it, or every one.
func TestImportCSVUnknownIndicator(t *testing.T) {
	s := sample(t)
	var names []string
	for _, ind := range s.Indicators {
		if ind.Townships != nil {
			names = append(names, ind.Name)
		}
	}
	for head, want := range map[string]string{
		"规模工业增长值": "unk.csv:1:2: “规模工业增长值”不是指标的名称或 id，是否为“规模工业增加值”？",
		"零售总额":    "unk.csv:1:2: “零售总额”不是指标的名称或 id，是否为“社会消费品零售总额”？",
		"营商":      "unk.csv:1:2: “营商”不是指标的名称或 id：应为以下之一：" + strings.Join(names, "、"),
	} {
		got := problems(t)(Import(s, "2023-03", "unk.csv", []byte("乡镇（街道）,"+head+"\n汽车站街道,90\n")))
		if len(got) != 1 || got[0] != want {
			t.Errorf("heading %s: %q\nwant %q", head, got, want)
		}
	}
	if len(names) != 16 || names[0] != "规模工业增加值" {
		t.Errorf("the indicators ranked by township: %q", names)
	}
}

// locked is a workbook with a password to open, as Excel encrypts it.
func locked(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	var b bytes.Buffer
	if err := f.Write(&b, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImportExemptRow: a township exempt from the month (units.toml
// exempt, 免考) needs no row; a row of it with scores is one problem, at
// its name — not one per score — in a CSV, imported whole or merged, and
// in a workbook, where its row is locked.
func TestImportExemptRow(t *testing.T) {
	s := sample(t)
	u, err := s.Township("火车站乡")
	if err != nil {
		t.Fatal(err)
	}
	u.Exempt = []string{"2023-03"}
	want := []string{"scores.csv:10:1: “火车站乡”2023-03 免于考核（免考，units.toml 的 exempt），这一行的 2 个得分不予采用：请删去这些得分"}
	sameProblems(t, problems(t)(Import(s, "2023-03", "scores.csv", []byte(csvScores))), want)
	sameProblems(t, problems(t)(ImportScores(s, "2023-03", "scores.csv", []byte(csvScores), nil)), want)

	// Its row without scores, or without the row at all: the month.
	for _, csv := range []string{
		strings.Replace(csvScores, "火车站乡,95.6,85.4\n", "火车站乡,,\n", 1),
		strings.Replace(csvScores, "火车站乡,95.6,85.4\n", "", 1),
	} {
		m, err := Import(s, "2023-03", "scores.csv", []byte(csv))
		if err != nil {
			t.Fatalf("%v\n%s", err, csv)
		}
		if m.Scores != 22 {
			t.Errorf("%d scores, want 22 (11 townships, 2 indicators)", m.Scores)
		}
	}

	book, err := Blank(s, "2023-03", "", s.Month("2023-02"), []byte("scaffold"))
	if err != nil {
		t.Fatal(err)
	}
	got := problems(t)(Import(s, "2023-03", "2023-03.xlsx", edit(t, book, map[string]any{
		scores + "!" + colGongye + rowHuochezhan:   80,
		scores + "!" + colBanzheng + rowHuochezhan: 90,
	})))
	one := "2023-03.xlsx " + scores + "!A" + rowHuochezhan + ": “火车站乡”2023-03 免于考核（免考，units.toml 的 exempt），这一行的 2 个得分不予采用：请删去这些得分"
	var of []string
	for _, p := range got {
		if strings.Contains(p, "火车站乡") {
			of = append(of, p)
		}
	}
	sameProblems(t, of, []string{one})
}

// TestImportRowLeftEmpty: a township whose data did not come in for the
// month (数据报送不全) has its row left empty: one problem at its name,
// saying how a month it is not assessed in is written (exempt), not a
// 未填写得分 for every cell of the row. A cell left empty in a row that
// has scores is told at the cell, as before. The sample's 2023-02
// exported: 兴隆街道 is row 6, 汽车站街道 row 4.
func TestImportRowLeftEmpty(t *testing.T) {
	s := sample(t)
	book, f := exportSample(t, s)
	rows, err := f.GetRows(scores)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]any{scores + "!" + colGongye + rowQichezhan: nil}
	for col := 2; col <= len(rows[5]); col++ {
		if rows[5][col-1] != "" {
			cells[scores+"!"+cell(col, 6)] = nil
		}
	}
	n := len(cells) - 1
	if n < 2 {
		t.Fatalf("兴隆街道 has %d scores in 2023-02", n)
	}
	got := problems(t)(Import(s, "2023-02", "2023-02.xlsx", edit(t, book, cells)))
	want := []string{
		"2023-02.xlsx " + scores + "!B4: 未填写得分（汽车站街道，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		fmt.Sprintf("2023-02.xlsx %s!A6: “兴隆街道”这一行没有填写任何得分（%d 项指标）：请填上；它这个月不参加考核（免于考核、数据报送不全等）的，在 data/units.toml 中它的 [[township]] 写 exempt = [\"2023-02\"]，这一行就不必填写", scores, n),
	}
	sameProblems(t, got, want)
}
