package sheet

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A formatted is a cell's value with the number format it is shown by: a
// built-in one by id (numFmt), or a code of the workbook's own (code).
type formatted struct {
	v      any
	numFmt int
	code   string
}

// format sets cells ("乡镇（街道）得分!B4" → value and format) of a workbook,
// as a clerk's Excel leaves them, and returns its bytes.
func format(t *testing.T, book []byte, cells map[string]formatted) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, c := range cells {
		sheet, at, _ := strings.Cut(ref, "!")
		st := &excelize.Style{NumFmt: c.numFmt}
		if c.code != "" {
			st.CustomNumFmt = &c.code
		}
		id, err := f.NewStyle(st)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue(sheet, at, c.v); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheet, at, at, id); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImportCellsShownOtherwise: a number shown as a percentage (built-in
// 0% and 0.00%, or a code with %), or as a date or a time, and a logical
// value, are not read as the number the cell holds, which the clerk did
// not see: each is refused at its cell, saying what to write — for a
// percentage the number shown, as for "93.2%" typed (site.ParseScore).
// The sample's 2023-02: 兴隆街道 is row 6, 规模工业增加值 column B; the
// 考核结果 row of gongye is 3, of fuwuye 4.
func TestImportCellsShownOtherwise(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	got := problems(t)(Import(s, "2023-02", "2023-02.xlsx", format(t, book, map[string]formatted{
		scores + "!B6": {v: 0.932, numFmt: 10},    // 0.00%: 93.20%
		scores + "!C4": {v: 0.9675, code: "0.0%"}, // 96.8%
		scores + "!G4": {v: 0.938, numFmt: 9},     // 0%: 94%
		scores + "!D4": {v: 45000, numFmt: 14},    // 03-15-23
		scores + "!E4": {v: 45000.5, code: `yyyy"年"m"月"d"日" h:mm`},
		scores + "!F4": {v: true},
		"考核结果!K3":      {v: 0.5, numFmt: 10}, // 进展情况, a text: 50.00%
		"考核结果!E4":      {v: false},           // fuwuye's 全市排名
		"奖励!A2":        {v: "区信访局"},
		"奖励!B2":        {v: 45000, numFmt: 31}, // yyyy"年"m"月"d"日", a Chinese built-in
		"奖励!C2":        {v: "按时完成"},
	})))
	const at = "2023-02.xlsx " + scores + "!"
	want := []string{
		at + "C4: 此格的格式是百分比，存的是 0.9675（即 96.75%）：只写数，不用百分比；请把单元格格式改为“常规”，填 96.75",
		at + "D4: 此格的格式是日期或时间，存的是 45000（日期存为天数），不是所填的数：请把单元格格式改为“常规”后重新填写",
		at + "E4: 此格的格式是日期或时间，存的是 45000.5（日期存为天数），不是所填的数：请把单元格格式改为“常规”后重新填写",
		at + "F4: 此格是逻辑值 TRUE（存为 1），不是数：请填数",
		at + "G4: 此格的格式是百分比，存的是 0.938（即 93.8%）：只写数，不用百分比；请把单元格格式改为“常规”，填 93.8",
		at + "B6: 此格的格式是百分比，存的是 0.932（即 93.2%）：只写数，不用百分比；请把单元格格式改为“常规”，填 93.2",
		"2023-02.xlsx 考核结果!K3: 进展情况：此格的格式是百分比，存的是 0.5（即 50%），导入的将是 0.5：请把单元格格式改为“文本”后重新填写",
		// Not 全市排名 0 超出范围 besides: 0 is not what was typed.
		"2023-02.xlsx 考核结果!E4: 全市排名：此格是逻辑值 FALSE（存为 0），不是数：请填数",
		"2023-02.xlsx 奖励!B2: 金额（元）：此格的格式是日期或时间，存的是 45000（日期存为天数），不是所填的数：请把单元格格式改为“常规”后重新填写",
	}
	sameProblems(t, got, want)
}

// TestImportCellsShownAsHeld: a % quoted in a format's code is text after
// the number, which is shown as held (93.2 as 93.2%); a text is itself
// whatever its cell's format; a number format that only rounds is no
// matter; and a logical TRUE in a flag's cell is 是. These import, as
// the number held.
func TestImportCellsShownAsHeld(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Import(s, "2023-02", "2023-02.xlsx", format(t, book, map[string]formatted{
		scores + "!B6": {v: 93.4, code: `0.0"%"`},
		scores + "!B4": {v: 88.6, code: `0.0\%`},
		scores + "!B5": {v: "90.4", numFmt: 10}, // a text, in a cell formatted 0.00%
		scores + "!C4": {v: 96.75, numFmt: 2},   // 0.00
		"考核结果!F3":      {v: true},               // gongye's 全市并列
	}))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	for _, want := range []string{
		"\"兴隆街道\" = 93.4\n",
		"\"汽车站街道\" = 88.6\n",
		"\"小江湖街道\" = 90.4\n",
		"\"汽车站街道\" = 96.75\n",
		"indicator = \"gongye\"       # 规模工业增加值\ncity     = 10\ncityTie  = true\n",
	} {
		if !bytes.Contains(m.TOML, []byte(want)) {
			t.Errorf("the month file lacks %q:\n%s", want, m.TOML[:min(len(m.TOML), 1500)])
		}
	}
}

// TestImportFormulaUncalculated: a score cell holding a formula whose
// result the file does not hold (excelize writes none, as programs that
// make workbooks do; Excel set to calculate by hand too) reads empty: it
// is told as a formula to recalculate, not as 未填写得分, which the clerk,
// seeing a number in Excel, could not make sense of. One with its result
// imports as the result.
func TestImportFormulaUncalculated(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	// withFormula is book with B6 a formula, its result held or not.
	withFormula := func(held bool) []byte {
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if !held {
			if err := f.SetCellValue(scores, "B6", nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SetCellFormula(scores, "B6", "=90+3.2"); err != nil { // 93.2 held, when held
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := f.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	got := problems(t)(Import(s, "2023-02", "2023-02.xlsx", withFormula(false)))
	want := []string{"2023-02.xlsx " + scores + "!B6: 此格是公式，但文件中没有它的计算结果（兴隆街道，规模工业增加值）：文件由其他程序生成，或 Excel 设为手动计算时会这样；请在 Excel 或 WPS 中打开，重新计算（F9）后保存，再导入"}
	sameProblems(t, got, want)
	m, err := Import(s, "2023-02", "2023-02.xlsx", withFormula(true))
	if err != nil || m == nil || !strings.Contains(string(m.TOML), "\"兴隆街道\" = 93.2\n") {
		t.Errorf("a formula with its result: %v", err)
	}
}

// TestImportFormulaResultAsShown: Excel keeps a typed number to 15
// significant digits, but writes a formula's result with 17 — the rate
// =1753/2000*100 as 87.649999999999991 —, and shows it, and rounds it
// with ROUND, as 87.65. Read as held, 兴隆街道 would be ranked on 87.6
// (规模工业增加值 has 1 decimal) below a unit that typed 87.65, and an
// adjustment =0.1+0.2 written 0.30000000000000004 into the month file.
// The cells are written raw, as Excel writes them (excelize's own
// SetCellValue would round them first).
func TestImportFormulaResultAsShown(t *testing.T) {
	s := sample(t)
	_, f := exportSample(t, s)
	for _, c := range []struct{ sheet, at, v string }{
		{scores, "B6", "87.649999999999991"},
		{"加减分", "A2", "兴隆街道"},
		{"加减分", "B2", "0.30000000000000004"},
		{"加减分", "C2", "按时完成"},
	} {
		if err := f.SetCellDefault(c.sheet, c.at, c.v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m, err := Import(s, "2023-02", "2023-02.xlsx", b.Bytes())
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	for _, want := range []string{"\"兴隆街道\" = 87.65\n", "points   = 0.3\n"} {
		if !bytes.Contains(m.TOML, []byte(want)) {
			t.Errorf("the month file lacks %q:\n%s", want, m.TOML)
		}
	}
}

// TestImportScoreTypedAsText: a score cell that holds text — a number
// typed after an apostrophe ('93.2), or into a cell formatted as 文本, or
// pasted as text — imports as the number (as a quoted score of a month
// file does, DESIGN §4), and is warned of at its cell: the workbook's own
// sums and ranks pass over it, and the clerk should learn it is no
// number, as of "93.2" in a month file. One warning a sheet, at its first
// such cell row by row, with how many there are: a column pasted or
// formatted whole is one slip. A text that is no number (不涉及) and a
// number are not warned of, nor is a score of a CSV, which has no types.
// The sample's 2023-02: 汽车站街道 is row 4, 兴隆街道 6, 爱莲街道 10;
// 规模工业增加值 column B, 社会消费品零售总额 C (the second indicator
// ranked by township in indicators.toml).
func TestImportScoreTypedAsText(t *testing.T) {
	s := sample(t)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		t.Fatal(err)
	}
	const at = "2023-02.xlsx " + scores + "!"
	for _, c := range []struct {
		cells map[string]any
		want  []string
		toml  []string
	}{
		{
			map[string]any{scores + "!B6": "93.2"},
			[]string{at + "B6: 警告：此格的得分“93.2”存为文本，是文字而不是数（兴隆街道，规模工业增加值）：Excel、WPS 的求和、排名会略过它；已按 93.2 读取，请把此格的格式改为“常规”后重新输入（不加撇号 '）"},
			[]string{"\"兴隆街道\" = 93.2\n"},
		},
		{
			map[string]any{scores + "!B6": "93.2", scores + "!B10": " 82.3 ", scores + "!C4": "９６.７５"},
			[]string{at + "C4: 警告：这张表中有 3 个得分存为文本，是文字而不是数（如此格的“９６.７５”：汽车站街道，社会消费品零售总额）：Excel、WPS 的求和、排名会略过它们；已按数读取，请把这些格的格式改为“常规”后重新输入（不加撇号 '）"},
			[]string{"\"兴隆街道\" = 93.2\n", "\"爱莲街道\" = 82.3\n", "\"汽车站街道\" = 96.75\n"},
		},
		// Numbers, and a text that is no number: nothing to say.
		{map[string]any{scores + "!B6": 93.2, scores + "!B10": "不涉及"}, nil, []string{"\"兴隆街道\" = 93.2\n"}},
	} {
		m, err := Import(s, "2023-02", "2023-02.xlsx", edit(t, book, c.cells))
		if err != nil {
			t.Fatalf("%v: import: %v", c.cells, err)
		}
		var got []string
		for _, d := range m.Warnings {
			got = append(got, d.String())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: warnings\n%s\nwant\n%s", c.cells, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		for _, want := range c.toml {
			if !bytes.Contains(m.TOML, []byte(want)) {
				t.Errorf("%v: the month file lacks %q", c.cells, want)
			}
		}
	}
	// Merged into the month file: warned of alike.
	m, err := ImportScores(s, "2023-02", "2023-02.xlsx", edit(t, book, map[string]any{scores + "!B6": "92.5"}), s.Month("2023-02"))
	want := at + "B6: 警告：此格的得分“92.5”存为文本，是文字而不是数（兴隆街道，规模工业增加值）：Excel、WPS 的求和、排名会略过它；已按 92.5 读取，请把此格的格式改为“常规”后重新输入（不加撇号 '）"
	if err != nil {
		t.Fatalf("merged: %v", err)
	}
	if len(m.Warnings) != 1 || m.Warnings[0].String() != want || len(m.Edits.Scores) != 1 || m.Edits.Scores[0].Value != "92.5" {
		t.Errorf("merged: warnings %v, scores %v\nwant %s", m.Warnings, m.Edits.Scores, want)
	}
	// A CSV's cells have no type.
	csv := "乡镇（街道）,规模工业增加值\n"
	for _, u := range s.Townships {
		csv += u.Name + ",\"90\"\n"
	}
	m, err = ImportScores(s, "2023-02", "scores.csv", []byte(csv), s.Month("2023-02"))
	if err != nil {
		t.Fatalf("a CSV: %v", err)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("a CSV: warnings %v", m.Warnings)
	}
}
