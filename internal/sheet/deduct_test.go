package sheet

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tongbao/internal/site"
)

// TestDeductRoundTrip: a 扣分制 office's workbook asks for the counts
// only — no column of 信访稳定 or 群众满意, whose scores are reckoned
// from them (deduct) — and imported back it is the month file, by hand:
// the counts, 县住建局 不涉及 信访, and 信访稳定's progress in its
// [[result]] without scores; the month read from it derives the same
// scores.
func TestDeductRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/offices/deduct")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "expected.toml"))
	s := load(t, dir)
	m := s.Month("2025-03")
	book, err := Export(s, m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("县直单位得分", excelize.Options{RawCellValue: true})
	if len(rows) == 0 {
		t.Fatal("no 县直单位得分 sheet")
	}
	f.Close()
	if got, want := strings.Join(rows[0], "|"), "县直单位|工作落实|信访件数|群众投诉件数"; got != want {
		t.Errorf("the scores sheet is headed %s, want %s", got, want)
	}
	back, err := Import(s, "2025-03", "2025-03.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`period = "3月"`,
		`[[result]]`, `indicator = "gongzuo"`, `[result.townships]`,
		`"县发改局" = 30.0`, `"县财政局" = 38.0`, `"县教育局" = 36.0`, `"县公安局" = 33.0`, `"县民政局" = 32.0`, `"县住建局" = 35.0`,
		`[[result]]`, `indicator = "xinfang-df"`, `progress = "全县信访总量同比下降12%。"`,
		`[[result]]`, `indicator = "xinfang"`, `notApplicable = [{township = "县住建局", reason = "本月未纳入信访考核"}]`, `[result.townships]`,
		`"县发改局" = 0`, `"县财政局" = 12`, `"县教育局" = 15`, `"县公安局" = 3`, `"县民政局" = 1`,
		`[[result]]`, `indicator = "tousu"`, `[result.townships]`,
		`"县发改局" = 3`, `"县财政局" = 1`, `"县教育局" = 0`, `"县公安局" = 5`, `"县民政局" = 7`, `"县住建局" = 0`,
	}
	if got := tomlLines(back.TOML); !slices.Equal(got, want) {
		t.Errorf("imported back:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	again, err := s.ParseMonth("data/2025-03.toml", back.TOML, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := digest(again), digest(m); !slices.Equal(got, want) {
		t.Errorf("imported back, the month holds:\n%s\nwhere it held:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	roundTrip(t, dir)
}

// TestDeductBlank: the blank workbook of the month after (tongbao new
// --xlsx) asks for the counts, not for the scores derived from them,
// and read back untouched it makes no [[result]] of a derived score.
func TestDeductBlank(t *testing.T) {
	s, err := site.Load("../../testdata/offices/deduct")
	if err != nil {
		t.Fatal(err)
	}
	book, err := Blank(s, "2025-05", "", s.Month("2025-04"), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("县直单位得分", excelize.Options{RawCellValue: true})
	f.Close()
	if len(rows) == 0 {
		t.Fatal("no 县直单位得分 sheet")
	}
	if got, want := strings.Join(rows[0], "|"), "县直单位|工作落实|信访件数|群众投诉件数"; got != want {
		t.Errorf("the scores sheet is headed %s, want %s", got, want)
	}
	back, err := Import(s, "2025-05", "2025-05.xlsx", book)
	if back != nil && (strings.Contains(string(back.TOML), `"xinfang-df"`) || strings.Contains(string(back.TOML), `"tousu-df"`)) {
		t.Errorf("the blank workbook read back has a derived score's [[result]]:\n%s", back.TOML)
	}
	if err != nil && (strings.Contains(err.Error(), "信访稳定") || strings.Contains(err.Error(), "群众满意")) {
		t.Errorf("the blank workbook read back asks for a derived score: %v", err)
	}
}

// TestCountColumnNote: the note on a count's column of the workbook says
// its direction as a count's, by hand from the 扣分制 office's
// indicators.toml (信访件数 and 群众投诉件数 better = "lower", scoreUnit
// 件; 工作落实 a score, higher, decimals 1): 件数越少排名越前, not
// 得分越低排名越前, and its help asks for a 件数 each; a score's still
// says 得分. The instructions say which columns take 件数.
func TestCountColumnNote(t *testing.T) {
	s := load(t, "../../testdata/offices/deduct")
	book, err := Export(s, s.Month("2025-04"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(readmeSheet)
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return slices.ContainsFunc(r, func(c string) bool {
			return strings.Contains(c, "每个白色格子都要填得分（信访件数、群众投诉件数填件数）；")
		})
	}) {
		t.Errorf("the instructions do not say the counts' cells take 件数: %q", rows)
	}
	comments, err := f.GetComments("县直单位得分")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"工作落实\n":   "得分越高排名越前，按1位小数比较名次，满分 40。",
		"信访件数\n":   "件数越少排名越前，按0位小数比较名次。\n件数：每个参与排名的县直单位一个件数；件数相同的并列；",
		"群众投诉件数\n": "件数越少排名越前，按0位小数比较名次。",
	}
	for _, c := range comments {
		var text strings.Builder
		for _, p := range c.Paragraph {
			text.WriteString(p.Text)
		}
		for head, line := range want {
			if strings.HasPrefix(text.String(), head) {
				if !strings.Contains(text.String(), line) {
					t.Errorf("the note on %s's column: %q, want %s", strings.TrimSpace(head), text.String(), line)
				}
				delete(want, head)
			}
		}
	}
	for head := range want {
		t.Errorf("no note on %s's column", strings.TrimSpace(head))
	}
}

// TestCountCellProblems: import names a count's cell left empty or
// filled with a dash as a count's (未填写件数, “—”不是件数), by hand at
// the 扣分制 office's April workbook: 县发改局, 县财政局 and 县教育局 are its
// rows 4 to 6, 工作落实 its column B, 信访件数 C, 群众投诉件数 D; 工作落实's
// cell is a score's still.
func TestCountCellProblems(t *testing.T) {
	s := load(t, "../../testdata/offices/deduct")
	book, err := Export(s, s.Month("2025-04"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	sh := "县直单位得分"
	for c, v := range map[string]string{"B4": "", "C5": "", "D6": "—"} {
		if err := f.SetCellValue(sh, c, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := problems(t)(Import(s, "2025-04", "2025-04.xlsx", buf.Bytes()))
	want := []string{
		"2025-04.xlsx 县直单位得分!B4: 未填写得分（县发改局，工作落实）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2025-04.xlsx 县直单位得分!C5: 未填写件数（县财政局，信访件数）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”",
		"2025-04.xlsx 县直单位得分!D6: “—”不是件数（县教育局，群众投诉件数）：本月不涉及这项工作的，填“不涉及”；逾期未报送的，填“未报送”；件数还没有的，留空",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestCountGeneralMessages: the workbook's general words about its values
// say what a count's cells take, by hand from the 扣分制 office (工作落实
// a score at decimals 1; 信访件数 and 群众投诉件数 counted in 件, decimals
// not written): its instructions, 得分可填整数或小数，件数填整数, “3件”
// pointed out too; a count's cell held as text is a 件数's, and two, a
// score's and a count's, are 得分或件数 together. Rows and columns as in
// TestCountCellProblems.
func TestCountGeneralMessages(t *testing.T) {
	s := load(t, "../../testdata/offices/deduct")
	book, err := Export(s, s.Month("2025-04"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBook(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(readmeSheet)
	const note = "得分可填整数或小数，件数填整数；全角数字和首尾空格会自动纠正，“95%”“95分”“3件”之类会被指出。"
	if !slices.ContainsFunc(rows, func(r []string) bool { return slices.Contains(r, note) }) {
		t.Errorf("the instructions lack %s: %q", note, rows)
	}
	f.Close()
	sh := "县直单位得分"
	for _, c := range []struct {
		cells map[string]string
		want  string
	}{
		{map[string]string{"C4": "2"}, "警告：此格的件数“2”存为文本，是文字而不是数（县发改局，信访件数）：Excel、WPS 的求和、排名会略过它；已按 2 读取，请把此格的格式改为“常规”后重新输入（不加撇号 '）"},
		{map[string]string{"B4": "36", "C4": "2"}, "警告：这张表中有 2 个得分或件数存为文本，是文字而不是数（如此格的“36”：县发改局，工作落实）：Excel、WPS 的求和、排名会略过它们；已按数读取，请把这些格的格式改为“常规”后重新输入（不加撇号 '）"},
	} {
		f, err := openBook(book)
		if err != nil {
			t.Fatal(err)
		}
		for cell, v := range c.cells {
			if err := f.SetCellStr(sh, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		m, err := Import(s, "2025-04", "2025-04.xlsx", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Warnings.Error(); !strings.Contains(got, c.want) {
			t.Errorf("%v: warnings\n%s\nlack\n%s", c.cells, got, c.want)
		}
	}
}

// TestCountCSVComment: a month file imported from a CSV says, in the
// comment at its head, that a CSV imported again merges its values, named
// as the office's are (得分或件数: the 扣分制 office has both), and calls
// it a CSV 表, not a 得分表, which an office that counts does not have.
// By hand from the office's six units and its 信访件数.
func TestCountCSVComment(t *testing.T) {
	s := load(t, "../../testdata/offices/deduct")
	csv := "县直单位,信访件数\n县发改局,2\n县财政局,0\n县教育局,1\n县公安局,3\n县民政局,0\n县住建局,1\n"
	m, err := Import(s, "2025-05", "counts.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := "# 再次导入 CSV 表时，其得分或件数并入本文件（与已有得分或件数不同时加 --force），也可以直接修改本文件。\n"
	if !strings.Contains(string(m.TOML), want) {
		t.Errorf("the month file lacks %q:\n%s", want, m.TOML)
	}
}
