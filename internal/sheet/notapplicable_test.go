package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/site"
)

// TestImportCSVNotApplicable: a score's cell written 不涉及, with its reason
// in brackets or without, makes the result's notApplicable, and the
// township has no score in it (the month file written by hand).
func TestImportCSVNotApplicable(t *testing.T) {
	s := sample(t)
	csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,不涉及（本月无规模以上工业企业）,", 1)
	csv = strings.Replace(csv, "东风路街道,82.3,", "东风路街道, 不涉及 ,", 1)
	m, err := Import(s, "2023-03", "scores.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(wantCSV, "scores.csv")
	want = strings.Replace(want, "[result.townships]\n", "notApplicable = [{township = \"火车站乡\", reason = \"本月无规模以上工业企业\"}, \"东风路街道\"]\n[result.townships]\n", 1)
	want = strings.Replace(want, "\"火车站乡\" = 95.6\n", "", 1)
	want = strings.Replace(want, "\"东风路街道\" = 82.3\n", "", 1)
	if got := string(m.TOML); got != want {
		t.Errorf("month file:\n%s\nwant:\n%s", got, want)
	}
}

// TestImportDashNotApplicable: a dash or a slash in a score's cell is not
// taken for 不涉及, which it may not mean: one problem, at the cell,
// saying what to write either way, and not a second for the score missing.
func TestImportDashNotApplicable(t *testing.T) {
	s := sample(t)
	for _, dash := range []string{"/", "—", "无"} {
		csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,"+dash+",", 1)
		got := problems(t)(Import(s, "2023-03", "scores.csv", []byte(csv)))
		want := []string{"scores.csv:10:2: “" + dash + "”不是得分（火车站乡，规模工业增加值）：本月不涉及这项工作的，填“不涉及”；逾期未报送的，填“未报送”；得分还没有的，留空"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: problems %q, want %q", dash, got, want)
		}
	}
}

// TestExportNotApplicable: export writes 不涉及 (and its reason) in the
// cell of a township the month's result leaves out, and importing the
// workbook gives the month's notApplicable back, reasons and all.
func TestExportNotApplicable(t *testing.T) {
	s := sample(t)
	src, err := readSample("data/2023-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(src, "[[result]]\nindicator = \"gongye\"\ncity = 10\ndistrict = 3\n[result.townships]",
		"[[result]]\nindicator = \"gongye\"\ncity = 10\ndistrict = 3\nnotApplicable = [{township = \"火车站乡\", reason = \"本月无规模以上工业企业\"}, \"东风路街道\"]\n[result.townships]", 1)
	text = strings.Replace(text, "\"火车站乡\" = 95.6", "", 1)
	text = strings.Replace(text, "\"东风路街道\" = 82.3", "", 1)
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
		colGongye + rowHuochezhan: "不涉及（本月无规模以上工业企业）",
		colGongye + rowDongfenglu: "不涉及",
		colGongye + rowShiqiao:    "91.8",
	} {
		if got, _ := f.GetCellValue(scores, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", scores, ref, got, want)
		}
	}
	back, err := Import(s, "2023-02", "2023-02.xlsx", book)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.ParseMonth("data/2023-02.toml", back.TOML, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []site.Exclusion{{Unit: unitNamed(s, "火车站乡"), Reason: "本月无规模以上工业企业"}, {Unit: unitNamed(s, "东风路街道")}}
	if got := again.Result("gongye").NotApplicable; !slices.Equal(got, want) || len(again.Result("gongye").Scores) != 10 {
		t.Errorf("imported back: notApplicable %v with %d scores, want %v with 10", got, len(again.Result("gongye").Scores), want)
	}
	// Merged into the month it was exported from, the cells as sent are
	// the file's already: nothing to tell, nothing to merge.
	merged, err := ImportScores(s, "2023-02", "2023-02.xlsx", book, m)
	if err != nil {
		t.Fatalf("merging the workbook as exported: %v", err)
	}
	if !merged.Edits.Empty() {
		t.Errorf("merging the workbook as exported edits %+v", merged.Edits)
	}
}

func unitNamed(s *site.Site, name string) *site.Unit {
	u, _ := s.Township(name)
	return u
}

// readSample reads a file of the sample site, the repository's own.
func readSample(rel string) (string, error) {
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(rel)))
	return string(b), err
}

// TestMergeNotApplicable: scores merged into a month file (ImportScores)
// carry a cell written 不涉及 as an exclusion of its result, with its
// reason and cell, which MergeMonth writes into notApplicable.
func TestMergeNotApplicable(t *testing.T) {
	s := sample(t)
	csv := strings.Replace(csvScores, "火车站乡,95.6,", "火车站乡,不涉及（本月无规模以上工业企业）,", 1)
	m, err := ImportScores(s, "2023-03", "scores.csv", []byte(csv), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []site.ExclusionEdit{{Indicator: s.Indicator("gongye"), Unit: unitNamed(s, "火车站乡"), Reason: "本月无规模以上工业企业", From: "scores.csv:10:2"}}
	if !slices.Equal(m.Edits.Excluded, want) || len(m.Edits.Scores) != 23 {
		t.Errorf("edits: excluded %+v and %d scores, want %+v and 23", m.Edits.Excluded, len(m.Edits.Scores), want)
	}
}
