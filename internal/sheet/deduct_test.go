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
