package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// officeCopy copies testdata/offices/name, a small site of an office
// shaped otherwise than the sample, into a temporary folder.
func officeCopy(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "offices", name))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The city office's [[rule]] that interviews every group's last
// (config.toml line 41), and what it does in 2024-03: its 县（市）组's
// last is 郏县 (testdata/offices/city-groups/expected.toml works it out).
const cityInterview = "[[interview]] 与规则重复：config.toml:41 的 [[rule]] 已对“郏县”作出“约谈”（县（市）组综合考核排名倒数第一），请删去其中之一"

// TestImportChecksTheSite: what check would find in the site with the
// month file an import would write — here a 约谈 typed into the workbook
// for a unit a [[rule]] interviews already, which only ranking finds —
// refuses the import, whole or merged, at the cell it was typed in; one
// that no cell typed is said at the file's line. Nothing is written.
func TestImportChecksTheSite(t *testing.T) {
	dir := officeCopy(t, "city-groups")
	month := filepath.Join(dir, "data", "2024-03.toml")
	original := readText(t, month)
	book := filepath.Join(t.TempDir(), "2024-03.xlsx")
	if code, out, errOut := runCmd("export", "2024-03", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	// The 约谈 sheet's first row is its headings; the month has none.
	setCells(t, book, "约谈", "", map[string]any{"单位": "郏县", "约谈对象": "主要负责人", "原因": "综合考核排名靠后"})
	want := book + " 约谈!A2: " + cityInterview + "\ntongbao: 发现 1 个问题，未写入任何文件\n"
	for _, flags := range [][]string{{"--force"}, {"--merge"}, {"--merge", "--dry-run"}, {"--force", "--dry-run"}} {
		code, out, errOut := runCmd(append([]string{"import", "2024-03", book, "-s", dir}, flags...)...)
		if code != 1 || errOut != want || out != "" {
			t.Errorf("import %s: exit %d, %q\n%s\nwant\n%s", flags, code, out, errOut, want)
		}
		if readText(t, month) != original {
			t.Fatalf("import %s changed the month file", flags)
		}
	}
	// The same row for a unit no rule interviews is no problem.
	setCells(t, book, "约谈", "郏县", map[string]any{"单位": "汝州市"})
	if code, out, errOut := runCmd("import", "2024-03", book, "-s", dir, "--merge"); code != 0 || !strings.Contains(out, "新增约谈 1 项") {
		t.Fatalf("an interview no rule makes: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Errorf("check after the import: exit %d, %q", code, errOut)
	}

	// The month being gathered: 郏县's 地区生产总值增速 still to come, and a
	// 约谈 of 郏县 written into the file by hand (its header on line 38:
	// the file's 36 lines, a blank one, then it). The data does not load
	// yet, so nothing is ranked; the copy that completes it is refused,
	// at that line, which no cell of it typed.
	text := strings.Replace(original, "\"郏县\"   = 6.1\n", "# \"郏县\"   = 6.1\n", 1) +
		"\n[[interview]]\nunit   = \"郏县\"\nwho    = \"主要负责人\"\nreason = \"综合考核排名靠后\"\n"
	if err := os.WriteFile(month, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(t.TempDir(), "draft.xlsx")
	if code, out, errOut := runCmd("export", "2024-03", draft, "-s", dir); code != 0 || !strings.Contains(out, "尚有 1 个得分未填") {
		t.Fatalf("export of the draft: exit %d, %q, %q", code, out, errOut)
	}
	setCells(t, draft, "县（市、区）得分", "郏县", map[string]any{"地区生产总值增速": 6.1})
	want = "data/2024-03.toml:38:1: " + cityInterview + "\ntongbao: 发现 1 个问题，未写入任何文件\n"
	if code, _, errOut := runCmd("import", "2024-03", draft, "-s", dir, "--merge"); code != 1 || errOut != want {
		t.Errorf("the copy completing the month: exit %d\n%s\nwant\n%s", code, errOut, want)
	}
	if readText(t, month) != text {
		t.Error("the refused merge changed the month file")
	}

	// The month complete, the 约谈 repeating the rule there already: the
	// office's to mend, which a merge of something else does not hold
	// up; a whole month replacing the file has it as its own, though.
	text = original + "\n[[interview]]\nunit   = \"郏县\"\nwho    = \"主要负责人\"\nreason = \"综合考核排名靠后\"\n"
	if err := os.WriteFile(month, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	copy := filepath.Join(t.TempDir(), "copy.xlsx")
	if code, out, errOut := runCmd("export", "2024-03", copy, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	setCells(t, copy, "考核结果", "gdp", map[string]any{"进展情况": "增速居全省前列"})
	if code, out, errOut := runCmd("import", "2024-03", copy, "-s", dir, "--merge", "--dry-run"); code != 0 || !strings.Contains(out, "其他数据 1 项") {
		t.Errorf("a merge into a file with a problem of its own: exit %d, %q, %q", code, out, errOut)
	}
	want = copy + " 约谈!A2: " + cityInterview + "\ntongbao: 发现 1 个问题，未写入任何文件\n"
	if code, _, errOut := runCmd("import", "2024-03", copy, "-s", dir, "--force"); code != 1 || errOut != want {
		t.Errorf("the whole month over it: exit %d\n%s\nwant\n%s", code, errOut, want)
	}
}

// TestImportHintsMerge: a workbook with problems imported whole over a
// month file says to merge it instead only when the file there is one it
// would not replace: not the scaffold `new --xlsx` wrote beside it,
// untouched, nor with --force. The office's sheet is named by its whole
// [terms] unit, 县（市、区）.
func TestImportHintsMerge(t *testing.T) {
	dir := officeCopy(t, "city-groups")
	if code, out, errOut := runCmd("new", "2024-04", "--xlsx", "-s", dir); code != 0 {
		t.Fatalf("new --xlsx: exit %d, %q, %q", code, out, errOut)
	}
	book := filepath.Join(dir, "data", "2024-04.xlsx")
	month := filepath.Join(dir, "data", "2024-04.toml")
	// 舞钢市 is the first township (row 4), 地区生产总值增速 the first
	// indicator (column B).
	first := book + " 县（市、区）得分!B4: 未填写得分（舞钢市，地区生产总值增速）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”\n"
	hint := "data/2024-04.toml 已存在：只并入 2024-04.xlsx 中新填的内容，请加 --merge\n"
	code, _, errOut := runCmd("import", "2024-04", book, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, first) || strings.Contains(errOut, "已存在") {
		t.Errorf("the unfilled workbook over its untouched scaffold: exit %d, %q", code, errOut)
	}
	if err := os.WriteFile(month, []byte(readText(t, month)+"# 已核对\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd("import", "2024-04", book, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, first) || !strings.HasSuffix(errOut, hint) {
		t.Errorf("the unfilled workbook over a month file changed since: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCmd("import", "2024-04", book, "-s", dir, "--force")
	if code != 1 || !strings.HasPrefix(errOut, first) || strings.Contains(errOut, "已存在") {
		t.Errorf("with --force: exit %d, %q", code, errOut)
	}
	// A file that is no workbook at all, or a department's workbook, whose
	// own message says to merge it, is not told to merge besides: merging
	// would not read the first, and the second is told once.
	junk := filepath.Join(t.TempDir(), "2024-04.xlsx")
	if err := os.WriteFile(junk, []byte("这不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd("import", "2024-04", junk, "-s", dir)
	if want := "tongbao: " + junk + "：不是 .xlsx 工作簿（文件已损坏，或是别的文件改了名字）；请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿或 CSV\n"; code != 1 || errOut != want {
		t.Errorf("a file that is no workbook: exit %d, %q, want %q", code, errOut, want)
	}
}

// TestImportMergeHelpNeutral: import's help, said before any site is
// read, names what --merge takes of a workbook without calling every
// value a score: a count's is a 件数 (site.Indicator.ValueName).
func TestImportMergeHelpNeutral(t *testing.T) {
	_, out, errOut := runCmd("import", "-h")
	help := out + errOut
	if want := "只把工作簿中新填的内容（各项的数值、排名、进展、加减分、奖励和约谈）并入已有的月份文件"; !strings.Contains(help, want) {
		t.Errorf("import's help lacks %s:\n%s", want, help)
	}
	if strings.Contains(help, "得分") {
		t.Errorf("import's help calls the values 得分:\n%s", help)
	}
}

// TestUsageNeutral: the usage tongbao prints without a command speaks of
// import's CSV and export's blank cells without calling the values 得分:
// an office's table may hold counts (件数), as TestImportMergeHelpNeutral
// holds of import's own help.
func TestUsageNeutral(t *testing.T) {
	code, out, errOut := runCmd()
	usage := out + errOut
	if code != 2 {
		t.Errorf("tongbao without a command: exit %d, want 2", code)
	}
	for _, want := range []string{
		"把一个月的数据导出为填报工作簿（尚未填写的数值留空）",
		"从填好的工作簿（.xlsx）或 CSV 表（.csv）生成 data/YYYY-MM.toml",
		"CSV 表并入已有的月份文件，--merge：工作簿也只并入新填的内容",
	} {
		if !strings.Contains(usage, want) {
			t.Errorf("the usage lacks %s:\n%s", want, usage)
		}
	}
	if strings.Contains(usage, "得分") {
		t.Errorf("the usage calls the values 得分:\n%s", usage)
	}
}
