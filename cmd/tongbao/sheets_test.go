package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"tongbao/internal/site"
)

// scoreSheet is the sample's scores sheet: its [terms] unit, whole, and
// 得分.
const scoreSheet = "乡镇（街道）得分"

// listDir names the files of a folder, hidden ones (a temporary file
// left behind) included.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// fillSheet gives every empty open cell of the scores sheet of the
// workbook at path the score fill returns for it, if any (rows are the
// sheet's text), and saves the workbook as out.
func fillSheet(t *testing.T, path, out string, fill func(rows [][]string, col, row int) (float64, bool)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(scoreSheet)
	if err != nil {
		t.Fatal(err)
	}
	for col := 2; col <= len(rows[0]); col++ {
		for row := 4; row <= len(rows); row++ {
			c, _ := excelize.CoordinatesToCellName(col, row)
			id, _ := f.GetCellStyle(scoreSheet, c)
			st, _ := f.GetStyle(id)
			if v, _ := f.GetCellValue(scoreSheet, c); v != "" || st.Protection == nil || st.Protection.Locked {
				continue
			}
			if score, ok := fill(rows, col, row); ok {
				f.SetCellValue(scoreSheet, c, score)
			}
		}
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// setCells writes values into the row of sheet whose first three cells
// hold key (a new row below the last for ""), in the columns headed by
// values' keys, and saves the workbook.
func setCells(t *testing.T, path, sheet, key string, values map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	row := slices.IndexFunc(rows, func(cells []string) bool { return slices.Contains(cells[:min(3, len(cells))], key) })
	if key == "" {
		row = len(rows)
	}
	if row < 0 {
		t.Fatalf("no row %s in %s", key, sheet)
	}
	for head, v := range values {
		col := slices.Index(rows[0], head)
		if col < 0 {
			t.Fatalf("no column %s in %s", head, sheet)
		}
		c, _ := excelize.CoordinatesToCellName(col+1, row+1)
		f.SetCellValue(sheet, c, v)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// fillWorkbook writes a score into every empty open cell of the columns
// of the scores sheet marked 是.
func fillWorkbook(t *testing.T, path string) {
	t.Helper()
	fillSheet(t, path, path, func(rows [][]string, col, row int) (float64, bool) {
		return float64(60 + row + col), rows[2][col-1] == "是"
	})
}

// TestNewXLSXImport: new --xlsx writes a workbook beside the scaffold; the
// unfilled workbook's import names every missing cell and changes nothing;
// filled, it replaces the untouched scaffold without --force, and a month
// file changed since is only replaced with --force.
func TestNewXLSXImport(t *testing.T) {
	dir := sampleSiteCopy(t)
	code, out, errOut := runCmd("new", "2023-03", "--xlsx", "-s", dir)
	if code != 0 || !strings.Contains(out, "data/2023-03.xlsx") {
		t.Fatalf("new --xlsx: exit %d, %q, %q", code, out, errOut)
	}
	data := filepath.Join(dir, "data")
	month := filepath.Join(data, "2023-03.toml")
	book := filepath.Join(data, "2023-03.xlsx")
	scaffold, err := os.ReadFile(month)
	if err != nil {
		t.Fatal(err)
	}
	files := listDir(t, data)

	code, _, errOut = runCmd("import", "2023-03", book, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, book+" 乡镇（街道）得分!B4: 未填写得分（汽车站街道，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”\n") ||
		!strings.HasSuffix(errOut, "发现 185 个问题，未写入任何文件\n") {
		t.Errorf("importing the unfilled workbook: exit %d, stderr ends %q", code, errOut[max(0, len(errOut)-300):])
	}
	if now, _ := os.ReadFile(month); string(now) != string(scaffold) {
		t.Error("a failed import changed the month file")
	}
	if now := listDir(t, data); !slices.Equal(now, files) {
		t.Errorf("a failed import left files: %q, before %q", now, files)
	}

	fillWorkbook(t, book)
	// --dry-run: the file's first line would change (and the rest), the
	// file does not. Of the 40 results only the 16 scored are filled: the
	// other 24 are warned of, as check would, at their rows (fuwuye's
	// first, on row 4).
	code, out, errOut = runCmd("import", "2023-03", book, "-s", dir, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, "data/2023-03.toml 第 1 行：\n- # 2023年3月的考核结果。由 tongbao new 根据 2023-02 生成。\n") ||
		!strings.HasSuffix(out, "185 个得分；有 24 个警告，请核对；--dry-run，未写入任何文件\n") ||
		!strings.HasPrefix(errOut, book+" 考核结果!B4: 警告：指标“规模以上服务业营业收入”这一项什么也没有填写") || strings.Count(errOut, "\n") != 24 {
		t.Errorf("import --dry-run: exit %d, %q, %q", code, out, errOut)
	}
	if now, _ := os.ReadFile(month); string(now) != string(scaffold) {
		t.Error("--dry-run changed the month file")
	}
	code, out, errOut = runCmd("import", "2023-03", book, "-s", dir)
	if code != 0 || !strings.Contains(out, "185 个得分") {
		t.Fatalf("importing the filled workbook over the untouched scaffold: exit %d, %q, %q", code, out, errOut)
	}
	imported, _ := os.ReadFile(month)
	if !strings.HasPrefix(string(imported), "# 2023年3月的考核结果。由 tongbao import 从 2023-03.xlsx 导入。\n") {
		t.Errorf("the month file starts %q", string(imported)[:min(len(imported), 200)])
	}
	// The site builds with it once the circular has its date and its
	// narrative.
	edit(t, dir, "content/circulars/2023-03.md", "# date   = YYYY-MM-DD", "date = 2023-05-04 #")
	fillNarrative(t, dir)
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Errorf("check after the import: exit %d, %s", code, errOut)
	}

	// Now the month file is not the scaffold: only --force replaces it.
	code, _, errOut = runCmd("import", "2023-03", book, "-s", dir)
	if code != 1 || !strings.Contains(errOut, "已存在，没有覆盖") {
		t.Errorf("importing over an imported month: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd("import", "2023-03", book, "-s", dir, "--force"); code != 0 {
		t.Errorf("import --force: exit %d, %q", code, errOut)
	}
	if now := listDir(t, data); !slices.Equal(now, files) {
		t.Errorf("files after the imports: %q, want %q", now, files)
	}
}

func TestExportCommand(t *testing.T) {
	dir := sampleSiteCopy(t)
	book := filepath.Join(t.TempDir(), "2023-02.xlsx")
	if code, out, errOut := runCmd("export", "2023-02", book, "-s", dir); code != 0 || !strings.Contains(out, book) {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := runCmd("export", "2023-02", book, "-s", dir); code != 1 || !strings.Contains(errOut, "已存在") {
		t.Errorf("export over a file: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd("export", "2023-02", book, "-s", dir, "--force"); code != 0 {
		t.Errorf("export --force: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd("export", "2023-05", book, "-s", dir, "--force"); code != 1 || !strings.Contains(errOut, "没有 2023-05 的数据") {
		t.Errorf("export of a month with no file: exit %d, %q", code, errOut)
	}
	// Exported and imported back over the month, the site checks clean.
	if code, _, errOut := runCmd("import", "2023-02", book, "-s", dir, "--force"); code != 0 {
		t.Fatalf("import of the export: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Errorf("check: exit %d, %s", code, errOut)
	}
}

// TestImportSaysWarnings: the month file an import writes is warned of as
// check warns of it — here 兴隆街道's 规模工业增加值 typed 0.932 among the
// others' 82.3 to 95.6 (data/2023-02.toml) — at the cell it was typed in,
// and the import, done, says how many warnings there are; whole or
// merged. A month with none says nothing more.
func TestImportSaysWarnings(t *testing.T) {
	dir := sampleSiteCopy(t)
	month := filepath.Join(dir, "data", "2023-02.toml")
	original := readText(t, month)
	book := filepath.Join(t.TempDir(), "2023-02.xlsx")
	if code, out, errOut := runCmd("export", "2023-02", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut := runCmd("import", "2023-02", book, "-s", dir, "--force")
	if want := "tongbao: 已从 " + book + " 导入 data/2023-02.toml：40 项考核结果，185 个得分\n"; code != 0 || out != want || errOut != "" {
		t.Fatalf("the month as exported: exit %d, %q, %q; want %q and nothing on stderr", code, out, errOut, want)
	}

	setCells(t, book, "乡镇（街道）得分", "兴隆街道", map[string]any{"规模工业增加值": 0.932})
	slip := "警告：指标“规模工业增加值”中兴隆街道的得分 0.932 远在其他乡镇（街道）的得分（82.3～95.6）之外，乘以 100 为 93.2，就在其中：是否小数点点错了位置，或少打了数字？\n"
	code, out, errOut = runCmd("import", "2023-02", book, "-s", dir, "--force")
	if want := "tongbao: 已从 " + book + " 导入 data/2023-02.toml：40 项考核结果，185 个得分；有 1 个警告，请核对\n"; code != 0 || out != want || errOut != book+" 乡镇（街道）得分!B6: "+slip {
		t.Errorf("the whole month: exit %d, %q, %q", code, out, errOut)
	}
	// Line 13: two comments, a blank line, period, overallCity, a blank
	// line, then gongye's [[result]], indicator, city, district, its
	// [result.townships] and 火车站乡 before 兴隆街道.
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 || errOut != "data/2023-02.toml:13:1: "+slip {
		t.Errorf("check after it: exit %d, %q", code, errOut)
	}

	if err := os.WriteFile(month, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd("import", "2023-02", book, "-s", dir, "--merge", "--force")
	if !strings.HasSuffix(out, "改动得分 1 个；文件中的其他内容未改动\ndata/2023-02.toml 并入后有 1 个警告，请核对\n") || code != 0 || errOut != book+" 乡镇（街道）得分!B6: "+slip {
		t.Errorf("merged: exit %d, %q, %q", code, out, errOut)
	}
}

// TestImportSaysTextScores: a score its workbook holds as text ('93.2,
// or typed into a cell formatted as 文本) is imported, and warned of at
// its cell among the import's warnings (sheet.Month.Warnings), whole or
// merged, as a quoted score of the month file is by check.
func TestImportSaysTextScores(t *testing.T) {
	dir := sampleSiteCopy(t)
	month := filepath.Join(dir, "data", "2023-02.toml")
	original := readText(t, month)
	book := filepath.Join(t.TempDir(), "2023-02.xlsx")
	if code, out, errOut := runCmd("export", "2023-02", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	setCells(t, book, "乡镇（街道）得分", "兴隆街道", map[string]any{"规模工业增加值": "92.5"})
	text := book + " 乡镇（街道）得分!B6: 警告：此格的得分“92.5”存为文本，是文字而不是数（兴隆街道，规模工业增加值）：Excel、WPS 的求和、排名会略过它；已按 92.5 读取，请把此格的格式改为“常规”后重新输入（不加撇号 '）\n"
	code, out, errOut := runCmd("import", "2023-02", book, "-s", dir, "--force")
	if want := "tongbao: 已从 " + book + " 导入 data/2023-02.toml：40 项考核结果，185 个得分；有 1 个警告，请核对\n"; code != 0 || out != want || errOut != text {
		t.Errorf("the whole month: exit %d, %q, %q", code, out, errOut)
	}
	if got := readText(t, month); !strings.Contains(got, "\"兴隆街道\" = 92.5\n") {
		t.Errorf("the month file lacks 兴隆街道's 92.5:\n%s", got)
	}
	if err := os.WriteFile(month, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd("import", "2023-02", book, "-s", dir, "--merge", "--force")
	if !strings.HasSuffix(out, "改动得分 1 个；文件中的其他内容未改动\ndata/2023-02.toml 并入后有 1 个警告，请核对\n") || code != 0 || errOut != text {
		t.Errorf("merged: exit %d, %q, %q", code, out, errOut)
	}
}

func TestImportCSVCommand(t *testing.T) {
	dir := sampleSiteCopy(t)
	csv := filepath.Join(t.TempDir(), "scores.csv")
	text := "\uFEFF乡镇（街道）,规模工业增加值\n"
	for _, n := range []string{"汽车站街道", "小江湖街道", "兴隆街道", "滨江街道", "桥头街道", "渡头桥镇",
		"爱莲街道", "龙须塘街道", "火车站乡", "东风路街道", "石桥街道"} {
		text += n + ",９０\n"
	}
	if err := os.WriteFile(csv, []byte(text+"高崇山镇,90%\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := listDir(t, filepath.Join(dir, "data"))
	code, _, errOut := runCmd("import", "2023-03", csv, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, csv+":13:2: “90%”不是数：请去掉“%”，只写数，如 90\n") {
		t.Errorf("a bad CSV: exit %d, %q", code, errOut)
	}
	if now := listDir(t, filepath.Join(dir, "data")); !slices.Equal(now, files) {
		t.Errorf("a failed import wrote files: %q", now)
	}
	if err := os.WriteFile(csv, []byte(text+"高崇山镇,90\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd("import", "2023-03", csv, "-s", dir); code != 0 || !strings.Contains(out, "1 项考核结果，12 个得分") {
		t.Errorf("a good CSV: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, _ := runCmd("import", "2023-3", csv, "-s", dir); code != 2 {
		t.Errorf("a bad month: exit %d, want 2", code)
	}
}

// TestImportCSVMerges gathers a month from a department's CSV into the
// file `tongbao new` wrote: its scores fill their commented-out lines,
// and the rest of the file, hints included, stays as it was; a score the
// file has with another value is refused, or taken with --force.
func TestImportCSVMerges(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := filepath.Join(dir, "data", "2023-03.toml")
	scaffold := readText(t, month)
	names := []string{"汽车站街道", "小江湖街道", "兴隆街道", "滨江街道", "桥头街道", "渡头桥镇",
		"爱莲街道", "龙须塘街道", "火车站乡", "东风路街道", "石桥街道", "高崇山镇"}
	csv := filepath.Join(t.TempDir(), "scores.csv")
	writeCSV := func(first string) {
		text := "乡镇（街道）,规模工业增加值\n汽车站街道," + first + "\n"
		for i, n := range names[1:] {
			text += fmt.Sprintf("%s,%d\n", n, 80+i)
		}
		if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeCSV("90")
	code, out, errOut := runCmd("import", "2023-03", csv, "-s", dir)
	if code != 0 || !strings.Contains(out, " 并入 data/2023-03.toml：填入得分 12 个；文件中的其他内容未改动") || !regexp.MustCompile(`\n本月尚有 173 个得分未填，待\S+填报，运行 tongbao check 查看\n`).MatchString(out) {
		t.Fatalf("import into the scaffold: exit %d\n%s%s", code, out, errOut)
	}
	merged := readText(t, month)
	// Each line the CSV filled, and nothing else: in the table of
	// gongye, `# "汽车站街道" =  # 上月：88.7` became the score, the note
	// kept at column 28 (a Chinese character is two columns wide).
	from := strings.Index(scaffold, `indicator = "gongye"`)
	to := from + strings.Index(scaffold[from:], "[[result]]")
	block := scaffold[from:to]
	for i, name := range names {
		v := fmt.Sprintf("%d.0", 79+i)
		if i == 0 {
			v = "90.0"
		}
		old := regexp.MustCompile(`# "` + name + `" = +(# 上月：[0-9.]+)\n`).FindStringSubmatch(block)
		if old == nil {
			t.Fatalf("scaffold has no line for %s:\n%s", name, block)
		}
		line := fmt.Sprintf("%q = %s", name, v)
		width := len(line) - len(name) + 2*utf8.RuneCountInString(name)
		block = strings.Replace(block, old[0], line+strings.Repeat(" ", 27-width)+old[1]+"\n", 1)
	}
	// Every score of the table filled: its header is no longer marked
	// 待填写.
	header := "[result.townships]         # 得分（待填写）\n"
	if strings.Count(block, header) != 1 {
		t.Fatalf("scaffold has no header %q:\n%s", header, block)
	}
	block = strings.Replace(block, header, "[result.townships]         # 得分\n", 1)
	if want := scaffold[:from] + block + scaffold[to:]; merged != want {
		t.Errorf("merged file:\n%s\nwant:\n%s", merged, want)
	}
	if !strings.Contains(merged, "\"火车站乡\" = 87.0          # 上月：95.6\n") {
		t.Errorf("merged file lacks its 火车站乡 line:\n%s", merged)
	}

	// Another value for a score the file has.
	writeCSV("90.5")
	code, _, errOut = runCmd("import", "2023-03", csv, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, "data/2023-03.toml:20:11: 指标“规模工业增加值”中乡镇（街道）“汽车站街道”的得分已是 90.0，与 "+csv+":2:2 的 90.5 不同\n") ||
		!strings.HasSuffix(errOut, "要以 scores.csv 为准，请加 --force\n") {
		t.Errorf("a conflict: exit %d\n%s", code, errOut)
	}
	if readText(t, month) != merged {
		t.Error("a refused merge changed the file")
	}
	code, out, _ = runCmd("import", "2023-03", csv, "-s", dir, "--force")
	if code != 0 || !strings.Contains(out, "改动得分 1 个，得分 11 个与原有的相同") || !strings.Contains(readText(t, month), "\"汽车站街道\" = 90.5        # 上月：88.7\n") {
		t.Errorf("--force: exit %d, %s\n%s", code, out, readText(t, month))
	}
	code, out, _ = runCmd("import", "2023-03", csv, "-s", dir)
	if code != 0 || !strings.Contains(out, "已有") || !strings.Contains(out, "的全部内容（得分 12 个），未改动") {
		t.Errorf("the same CSV again: exit %d, %s", code, out)
	}
}

// TestExportDraft exports a month still being filled in — the scaffold
// with one department's CSV merged — with its missing scores as empty
// cells; filled, the workbook imports as the whole month, the CSV's
// scores kept.
func TestExportDraft(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	csv := filepath.Join(t.TempDir(), "scores.csv")
	text := "乡镇（街道）,规模工业增加值\n"
	for i, u := range []string{"汽车站街道", "小江湖街道", "兴隆街道", "滨江街道", "桥头街道", "渡头桥镇",
		"爱莲街道", "龙须塘街道", "火车站乡", "东风路街道", "石桥街道", "高崇山镇"} {
		text += fmt.Sprintf("%s,%d.5\n", u, 70+i)
	}
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("import", "2023-03", csv, "-s", dir); code != 0 {
		t.Fatalf("import of the CSV: %s", errOut)
	}
	book := filepath.Join(t.TempDir(), "2023-03.xlsx")
	// 185 scores to fill in the scaffold (TestNewXLSXImport), 12 filled.
	code, out, errOut := runCmd("export", "2023-03", book, "-s", dir)
	if code != 0 || !strings.Contains(out, "本月尚有 173 个得分未填，在工作簿中留空") {
		t.Fatalf("export of the draft: exit %d, %q, %q", code, out, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(scoreSheet)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Row 1 names the indicators, row 3 says whether each is scored, row
	// 4 is 汽车站街道's.
	gongye, shexiao := slices.Index(rows[0], "规模工业增加值"), slices.Index(rows[0], "社会消费品零售总额")
	if gongye < 0 || shexiao < 0 || rows[3][0] != "汽车站街道" {
		t.Fatalf("scores sheet heads %q, row 4 %q", rows[0], rows[3])
	}
	if rows[2][gongye] != "是" || rows[3][gongye] != "70.5" || rows[2][shexiao] != "是" || len(rows[3]) > shexiao && rows[3][shexiao] != "" {
		t.Errorf("scores sheet: marks %q, 汽车站街道's row %q", rows[2], rows[3])
	}

	// A department fills its column of the exported sheet and saves the
	// sheet as CSV, the other columns empty though marked 是: its column
	// merges, the others are not given, the filled one is the same.
	var lines []string
	for i, row := range rows {
		row = slices.Clone(row)
		for len(row) <= shexiao {
			row = append(row, "")
		}
		if i >= 3 {
			row[shexiao] = fmt.Sprintf("%d.25", 60+i)
		}
		lines = append(lines, strings.Join(row, ","))
	}
	sheetCSV := filepath.Join(t.TempDir(), "乡镇得分.csv")
	if err := os.WriteFile(sheetCSV, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd("import", "2023-03", sheetCSV, "-s", dir)
	if code != 0 || !strings.Contains(out, "填入得分 12 个，得分 12 个与原有的相同") || !strings.Contains(out, "本月尚有 161 个得分未填") {
		t.Fatalf("import of the sheet as CSV: exit %d, %q, %q", code, out, errOut)
	}
	// The same CSV into no month file is a whole month: its empty columns
	// marked 是 are missing scores.
	os.Rename(filepath.Join(dir, "data", "2023-03.toml"), filepath.Join(dir, "2023-03.toml.kept"))
	if code, _, errOut := runCmd("import", "2023-03", sheetCSV, "-s", dir); code != 1 || !strings.Contains(errOut, sheetCSV+":4:4: 未填写得分（汽车站街道，稳就业）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”") {
		t.Errorf("the sheet as CSV into no month file: exit %d, %q", code, errOut[:min(len(errOut), 300)])
	}
	os.Rename(filepath.Join(dir, "2023-03.toml.kept"), filepath.Join(dir, "data", "2023-03.toml"))

	fillWorkbook(t, book)
	code, out, errOut = runCmd("import", "2023-03", book, "-s", dir, "--force")
	if code != 0 || !strings.Contains(out, "185 个得分") {
		t.Fatalf("import of the filled draft: exit %d, %q, %q", code, out, errOut)
	}
	s, err := site.LoadCatalogue(dir)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "data", "2023-03.toml"))
	m, err := s.ParseMonth("data/2023-03.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc := m.Result("gongye").Scores; len(sc) != 12 || sc[0].Value != 70.5 || sc[11].Value != 81.5 {
		t.Errorf("gongye imported as %v", sc)
	}
}

// fillColumn writes a score into every open cell of the scores sheet's
// column headed name, in a copy of the workbook at path, and returns the
// copy's path: a department's return of the workbook sent to it.
func fillColumn(t *testing.T, path, name string, score func(row int) float64) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name+".xlsx")
	filled := 0
	fillSheet(t, path, out, func(rows [][]string, col, row int) (float64, bool) {
		if rows[0][col-1] != name {
			return 0, false
		}
		filled++
		return score(row), true
	})
	if filled == 0 {
		t.Fatalf("no open cell in a column %s", name)
	}
	return out
}

// TestImportWorkbookMerge: the workbook `new --xlsx` wrote goes to two
// departments; each returns it with its own column of scores filled, and
// its indicator's row of results (its rank, its progress), and --merge
// gathers both into the scaffold, its hints kept. The file's lines are
// written here by hand from the scaffold's.
func TestImportWorkbookMerge(t *testing.T) {
	dir := sampleSiteCopy(t)
	// new --xlsx says how.
	if code, out, errOut := runCmd("new", "2023-03", "--xlsx", "-s", dir); code != 0 || !strings.Contains(out, "交回后运行 tongbao import 2023-03 交回的工作簿.xlsx… --merge（可一次给多个") {
		t.Fatalf("new --xlsx: exit %d, %q, %q", code, out, errOut)
	}
	book := filepath.Join(dir, "data", "2023-03.xlsx")
	month := filepath.Join(dir, "data", "2023-03.toml")
	a := fillColumn(t, book, "规模工业增加值", func(row int) float64 { return float64(row) + 80.5 })
	setCells(t, a, "考核结果", "gongye", map[string]any{"全市排名": 9, "进展情况": "新增规上企业3家"})
	setCells(t, a, "本月概况", "全市综合排名", map[string]any{"填写": 8})
	b := fillColumn(t, book, "社会消费品零售总额", func(row int) float64 { return float64(row) + 70 })
	setCells(t, b, "考核结果", "shexiao", map[string]any{"全市排名": 11, "全市并列": "是"})

	// --dry-run shows how the file would change and leaves it.
	scaffold := readText(t, month)
	code, out, errOut := runCmd("import", "2023-03", a, "-s", dir, "--merge", "--dry-run")
	if code != 0 || !strings.Contains(out, "data/2023-03.toml 第 17 行：\n- # city     =               # 上月：10\n+ city = 9                   # 上月：10\n") ||
		!strings.HasSuffix(out, "：填入得分 12 个、其他数据 3 项；--dry-run，未写入任何文件\n") || readText(t, month) != scaffold {
		t.Fatalf("--dry-run: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut = runCmd("import", "2023-03", a, "-s", dir, "--merge")
	if code != 0 || !strings.Contains(out, "填入得分 12 个、其他数据 3 项；文件中的其他内容未改动") ||
		!strings.Contains(out, "本月尚有 173 个得分未填") || strings.Contains(out, "没有并入") {
		t.Fatalf("--merge of the first department's workbook: exit %d, %q, %q", code, out, errOut)
	}
	// Not the untouched scaffold any more: a workbook alone is the whole
	// month, and the message says how to merge it instead.
	code, _, errOut = runCmd("import", "2023-03", b, "-s", dir)
	if code != 1 || !strings.HasPrefix(errOut, b+" 乡镇（街道）得分!B4: 未填写得分（汽车站街道，规模工业增加值）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”\n") ||
		!strings.HasSuffix(errOut, "data/2023-03.toml 已存在：只并入 社会消费品零售总额.xlsx 中新填的内容，请加 --merge\n") {
		t.Errorf("the second workbook without --merge: exit %d, %q", code, errOut)
	}
	code, out, errOut = runCmd("import", "2023-03", b, "-s", dir, "--merge")
	if code != 0 || !strings.Contains(out, "填入得分 12 个、其他数据 2 项；") || !strings.Contains(out, "本月尚有 161 个得分未填") {
		t.Fatalf("--merge of the second department's workbook: exit %d, %q, %q", code, out, errOut)
	}
	text := readText(t, month)
	for _, want := range []string{
		"period      = \"3月\"\noverallCity = 8            # 全市综合排名（上月：8）\n",
		"indicator = \"gongye\"       # 规模工业增加值\ncity = 9                   # 上月：10\n# district =               # 上月：3\n" +
			"progress = \"新增规上企业3家\"\n[result.townships]         # 得分\n",
		"\"汽车站街道\" = 84.5        # 上月：88.7\n", // row 4 of 规模工业增加值
		"indicator = \"shexiao\"      # 社会消费品零售总额\ncity = 11                  # 上月：12\ncityTie = true\n[result.townships]",
		"\"高崇山镇\" = 85.00         # 上月：90.60\n", // row 15 of 社会消费品零售总额, two decimals
		"# \"汽车站街道\" =           # 上月：27.1\n",   // 稳就业, not returned yet
	} {
		if !strings.Contains(text, want) {
			t.Errorf("merged month lacks %q", want)
		}
	}
	// A third copy says another rank for 规模工业增加值: refused at the
	// file's, then taken with --force.
	c := fillColumn(t, book, "稳就业", func(row int) float64 { return float64(row) + 20 })
	setCells(t, c, "考核结果", "gongye", map[string]any{"全市排名": 7})
	// …a reward, added to the file, and a change to the categories, which
	// are the office's and not merged.
	setCells(t, c, "奖励", "", map[string]any{"单位": "汽车站街道", "金额（元）": 5000, "原因": "招商引资成效突出"})
	setCells(t, c, "考核排类", "1", map[string]any{"一类": "区财政局"})
	code, _, errOut = runCmd("import", "2023-03", c, "-s", dir, "--merge")
	if code != 1 || !strings.HasPrefix(errOut, "data/2023-03.toml:17:8: 指标“规模工业增加值”的全市排名已是 9，与 "+c+" 考核结果!E3 的 7 不同\n") ||
		!strings.HasSuffix(errOut, "要以 稳就业.xlsx 为准，请加 --force\n") || readText(t, month) != text {
		t.Fatalf("a conflicting rank: exit %d, %q", code, errOut)
	}
	if code, out, errOut := runCmd("import", "2023-03", c, "-s", dir, "--merge", "--force"); code != 0 || !strings.Contains(out, "填入得分 12 个，改动其他数据 1 项，新增奖励 1 项；") ||
		!strings.HasSuffix(out, "（稳就业.xlsx 的“考核排类”表没有并入：这些请在 data/2023-03.toml 中修改）\n") ||
		!strings.Contains(readText(t, month), "city = 7                   # 上月：10\n") ||
		!strings.HasSuffix(readText(t, month), "\n\n[[reward]]\nunit   = \"汽车站街道\"\namount = 5000\nreason = \"招商引资成效突出\"\n") {
		t.Fatalf("--force: exit %d, %q, %q\n%s", code, out, errOut, readText(t, month))
	}
	// The same copy with an interview typed too: its reward is the
	// file's already, and the count names the interview alone.
	setCells(t, c, "约谈", "", map[string]any{"单位": "汽车站街道", "约谈对象": "主要负责人", "原因": "连续排名靠后"})
	if code, out, errOut := runCmd("import", "2023-03", c, "-s", dir, "--merge", "--dry-run"); code != 0 || !strings.Contains(out, "与原有的相同，新增约谈 1 项；") || strings.Contains(out, "奖励") {
		t.Fatalf("a reward there already and an interview new: exit %d, %q, %q", code, out, errOut)
	}
	// A draft exported now and sent out holds the month's values as they
	// are; the office then corrects 规模工业增加值's rank to 8 in the
	// file. The returned copy, which still says 7 there, gives only what
	// was typed into it (重点项目's scores): the file's 8 stands.
	draft := filepath.Join(t.TempDir(), "draft.xlsx")
	if code, out, errOut := runCmd("export", "2023-03", draft, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %q, %q", code, out, errOut)
	}
	text = strings.Replace(readText(t, month), "city = 7                   # 上月：10\n", "city = 8                   # 上月：10\n", 1)
	if err := os.WriteFile(month, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("import", "2023-03", draft, "-s", dir, "--merge"); code != 1 ||
		!regexp.MustCompile(`^tongbao import: \S+draft.xlsx 的 \d+ 个格子都与发出时相同，没有新填的内容，data/2023-03.toml 未改动\n$`).MatchString(errOut) {
		t.Errorf("the draft returned as sent: exit %d, %q", code, errOut)
	}
	// A reward sent out and changed changes the file's; changed again
	// from what was sent, when the file's is no longer that, it is refused.
	changed := filepath.Join(t.TempDir(), "changed.xlsx")
	if err := copyFile(draft, changed); err != nil {
		t.Fatal(err)
	}
	setCells(t, changed, "奖励", "汽车站街道", map[string]any{"金额（元）": 6000, "原因": ""})
	if code, out, errOut := runCmd("import", "2023-03", changed, "-s", dir, "--merge"); code != 1 ||
		!strings.HasPrefix(errOut, changed+" 奖励!C2: 未填写“原因”（奖励原因）\n") {
		t.Errorf("a required value emptied: exit %d, %q, %q", code, out, errOut)
	}
	setCells(t, changed, "奖励", "汽车站街道", map[string]any{"原因": "招商引资成效突出（复核）"})
	if code, out, errOut := runCmd("import", "2023-03", changed, "-s", dir, "--merge"); code != 0 || !strings.Contains(out, "：改动已有的奖励 1 项；") ||
		!strings.HasSuffix(readText(t, month), "\n\n[[reward]]\nunit   = \"汽车站街道\"\namount = 6000\nreason = \"招商引资成效突出（复核）\"\n") {
		t.Errorf("a reward sent out, changed: exit %d, %q, %q\n%s", code, out, errOut, readText(t, month))
	}
	setCells(t, changed, "奖励", "汽车站街道", map[string]any{"金额（元）": 7000})
	if code, _, errOut := runCmd("import", "2023-03", changed, "-s", dir, "--merge"); code != 1 ||
		!strings.HasPrefix(errOut, changed+" 奖励!A2: 这一项奖励是发出时已有的，data/2023-03.toml 中却已没有它（在其中改动或删去了）：请直接在 data/2023-03.toml 中修改\n") {
		t.Errorf("a reward changed in the file and in the copy: exit %d, %q", code, errOut)
	}
	d := fillColumn(t, draft, "省市重点建设项目整体推进", func(row int) float64 { return float64(row) + 60 })
	if code, out, errOut := runCmd("import", "2023-03", d, "-s", dir, "--merge"); code != 0 || !strings.Contains(out, "：填入得分 12 个；") {
		t.Fatalf("the draft returned with a column filled: exit %d, %q, %q", code, out, errOut)
	}
	if text := readText(t, month); !strings.Contains(text, "city = 8                   # 上月：10\n") || !strings.Contains(text, "\"汽车站街道\" = 64.00") ||
		strings.Count(text, "\n[[reward]]") != 1 {
		t.Errorf("merged draft:\n%s", text)
	}

	// --merge needs a file to merge into.
	os.Remove(month)
	if code, _, errOut := runCmd("import", "2023-03", a, "-s", dir, "--merge"); code != 1 || !strings.Contains(errOut, "没有 data/2023-03.toml 可以并入") {
		t.Errorf("--merge with no month file: exit %d, %q", code, errOut)
	}
}

// TestImportSeveralFiles: the copies every department returned, merged in
// one command, written once — or, if one has a problem, not at all.
func TestImportSeveralFiles(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, out, errOut := runCmd("new", "2023-03", "--xlsx", "-s", dir); code != 0 {
		t.Fatalf("new --xlsx: exit %d, %q, %q", code, out, errOut)
	}
	book := filepath.Join(dir, "data", "2023-03.xlsx")
	month := filepath.Join(dir, "data", "2023-03.toml")
	scaffold := readText(t, month)
	a := fillColumn(t, book, "规模工业增加值", func(row int) float64 { return float64(row) + 80.5 })
	b := fillColumn(t, book, "社会消费品零售总额", func(row int) float64 { return float64(row) + 70 })
	bad := fillColumn(t, book, "稳就业", func(row int) float64 { return float64(row) + 20 })
	setCells(t, bad, scoreSheet, "汽车站街道", map[string]any{"稳就业": "九十"})
	again := fillColumn(t, book, "规模工业增加值", func(row int) float64 { return float64(row) + 70 })

	code, out, errOut := runCmd("import", "2023-03", a, b, "-s", dir, "--merge", "--dry-run")
	if code != 0 || !strings.Contains(out, "规模工业增加值.xlsx 并入 data/2023-03.toml：填入得分 12 个\n") ||
		!strings.Contains(out, "社会消费品零售总额.xlsx 并入 data/2023-03.toml：填入得分 12 个\n") ||
		!strings.HasSuffix(out, "（--dry-run，未写入任何文件）\n") || readText(t, month) != scaffold {
		t.Fatalf("two files, --dry-run: exit %d, %q, %q", code, out, errOut)
	}
	// Two files with problems among four: each one's said, named by the
	// file as given (稳就业 is column D, 省市重点建设项目整体推进 E; 汽车站街道
	// is row 4, 滨江街道 row 7).
	bad2 := fillColumn(t, book, "省市重点建设项目整体推进", func(row int) float64 { return float64(row) + 60 })
	setCells(t, bad2, scoreSheet, "滨江街道", map[string]any{"省市重点建设项目整体推进": ""})
	code, _, errOut = runCmd("import", "2023-03", a, bad, b, bad2, "-s", dir, "--merge")
	if want := bad + " 乡镇（街道）得分!D4: “九十”不是数：应为数，如 95 或 87.5\n" +
		bad2 + " 乡镇（街道）得分!E7: 未填写得分（滨江街道，省市重点建设项目整体推进）：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”\n" +
		"tongbao import: " + bad + "、" + bad2 + " 中有 2 个问题，4 个文件都没有并入，data/2023-03.toml 未改动\n"; code != 1 || errOut != want || readText(t, month) != scaffold {
		t.Errorf("two files with a problem among four: exit %d\n%s\nwant\n%s", code, errOut, want)
	}
	code, _, errOut = runCmd("import", "2023-03", a, again, "-s", dir, "--merge")
	if code != 1 || !strings.HasPrefix(errOut, "data/2023-03.toml:20:11: 指标“规模工业增加值”中乡镇（街道）“汽车站街道”的得分已是 84.5，与 "+again+" 乡镇（街道）得分!B4 的 74.0 不同\n") ||
		!strings.Contains(errOut, "（data/2023-03.toml 的行号指并入前面 1 个文件之后的内容）\n") || readText(t, month) != scaffold {
		t.Errorf("two copies of one column that differ: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCmd("import", "2023-03", a, b, "-s", dir)
	if code != 1 || !strings.Contains(errOut, "多个文件只能逐个并入已有的 data/2023-03.toml") {
		t.Errorf("two workbooks without --merge: exit %d, %q", code, errOut)
	}
	// A copy returned as it was sent is passed over, not a reason to
	// merge none; copies with nothing new alone are refused.
	untouched := filepath.Join(t.TempDir(), "未填.xlsx")
	if err := os.WriteFile(untouched, []byte(readText(t, book)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCmd("import", "2023-03", untouched, untouched, "-s", dir, "--merge")
	if code != 1 || errOut != "tongbao import: 2 个文件都没有新填的内容，data/2023-03.toml 未改动\n" || readText(t, month) != scaffold {
		t.Errorf("two copies with nothing new: exit %d, %q", code, errOut)
	}
	code, out, errOut = runCmd("import", "2023-03", a, untouched, b, "-s", dir, "--merge")
	if code != 0 || !strings.Contains(out, "已写入 data/2023-03.toml；文件中的其他内容未改动\n") || !strings.Contains(out, "本月尚有 161 个得分未填") ||
		!regexp.MustCompile(`\ntongbao: `+regexp.QuoteMeta(untouched)+` 的 \d+ 个格子都与发出时相同，没有新填的内容，略过\n`).MatchString(out) {
		t.Fatalf("two files and a copy with nothing new: exit %d, %q, %q", code, out, errOut)
	}
	text := readText(t, month)
	// Who still owes scores: the owners of every indicator check finds
	// scores missing in, in units.toml's order.
	var units struct{ Department []struct{ Name string } }
	if _, err := toml.DecodeFile("../../data/units.toml", &units); err != nil {
		t.Fatal(err)
	}
	owners, due := sampleOwners(t), map[string]bool{}
	byName := map[string]string{} // the diagnostics name an indicator; owners are by id
	for id, name := range sampleNames(t) {
		byName[name] = id
	}
	for _, line := range missingScores(t, text) {
		for _, name := range owners[byName[regexp.MustCompile(`指标“([^”]+)”`).FindStringSubmatch(line)[1]]] {
			due[name] = true
		}
	}
	var names []string
	for _, d := range units.Department {
		if due[d.Name] {
			names = append(names, d.Name)
		}
	}
	if len(names) < 5 || !strings.Contains(out, "本月尚有 161 个得分未填，待"+strings.Join(names, "、")+"填报，运行 tongbao check 查看\n") {
		t.Errorf("the departments owing scores, %q, not said: %q", names, out)
	}
	for _, want := range []string{"\"汽车站街道\" = 84.5        # 上月：88.7\n", "\"高崇山镇\" = 85.00         # 上月：90.60\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("merged month lacks %q", want)
		}
	}
}

// TestExportDepartments: a workbook for each department responsible for
// an indicator, holding its indicators only — the columns of scores and
// the rows of results, read back here against indicators.toml's owners —
// merged when it comes back, and refused as a whole month.
func TestExportDepartments(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, out, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d, %q, %q", code, out, errOut)
	}
	dist := filepath.Join(t.TempDir(), "分发")
	code, out, errOut := runCmd("export", "2023-03", dist, "--departments", "-s", dir)
	if code != 0 || !strings.Contains(out, "按责任单位写入") || !strings.HasSuffix(out, "交回后运行 tongbao import 2023-03 交回的工作簿.xlsx… --merge\n") {
		t.Fatalf("export --departments: exit %d, %q, %q", code, out, errOut)
	}
	s, err := site.LoadCatalogue(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range s.Departments {
		if slices.ContainsFunc(s.Indicators, func(ind *site.Indicator) bool { return slices.Contains(ind.Owners, d) }) {
			want = append(want, d.Name+".xlsx")
		}
	}
	if got := listDir(t, dist); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("workbooks %q, want %q", got, want)
	}
	var orphans []string
	for _, ind := range s.Indicators {
		if len(ind.Owners) == 0 {
			orphans = append(orphans, ind.Name)
		}
	}
	if len(orphans) == 0 || !strings.Contains(out, "没有责任单位的指标不在其中："+strings.Join(orphans, "、")+"\n") {
		t.Errorf("the indicators in no workbook, %q, not said: %q", orphans, out)
	}
	book := filepath.Join(dist, "区发改局.xlsx")
	// Returned untouched: its one cell sent with a value (期别) is no
	// new content.
	if code, _, errOut := runCmd("import", "2023-03", book, "-s", dir, "--merge"); code != 1 ||
		errOut != "tongbao import: "+book+" 的 1 个格子与发出时相同，没有新填的内容，data/2023-03.toml 未改动\n" {
		t.Errorf("a department's workbook returned untouched: exit %d, %q", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	scores, _ := f.GetRows(scoreSheet)
	results, _ := f.GetRows("考核结果")
	readme, _ := f.GetRows("说明")
	sheets := f.GetSheetList()
	// The month's own values are the office's: locked, as a label.
	for _, c := range []string{"B3", "B4"} {
		id, err := f.GetCellStyle("本月概况", c)
		st, err2 := f.GetStyle(id)
		if name, _ := f.GetCellValue("本月概况", "A"+c[1:]); err != nil || err2 != nil || st.Protection == nil || !st.Protection.Locked {
			t.Errorf("区发改局's 本月概况!%s (%s) is open to fill: %v %v", c, name, err, err2)
		}
	}
	f.Close()
	// The categories are the office's, never merged: no sheet of them
	// to fill, nor a line of 说明 about one.
	if slices.Contains(sheets, "考核排类") || strings.Contains(fmt.Sprint(readme), "考核排类") || !slices.Contains(sheets, "奖励") {
		t.Errorf("区发改局's workbook has the sheets %q, and says %q", sheets, readme)
	}
	var wantCols, wantRows []string
	for _, ind := range s.Indicators {
		if !slices.ContainsFunc(ind.Owners, func(u *site.Unit) bool { return u.Name == "区发改局" }) {
			continue
		}
		wantRows = append(wantRows, ind.ID)
		if ind.Townships != nil {
			wantCols = append(wantCols, ind.ID)
		}
	}
	var gotRows []string
	for _, r := range results[1:] {
		gotRows = append(gotRows, r[2])
	}
	if !slices.Equal(scores[1][1:], wantCols) || !slices.Equal(gotRows, wantRows) {
		t.Errorf("区发改局's workbook: columns %q, rows %q; want %q, %q", scores[1][1:], gotRows, wantCols, wantRows)
	}

	filled := fillColumn(t, book, "省市重点建设项目整体推进", func(row int) float64 { return float64(row) + 60 })
	setCells(t, filled, "考核结果", "zhongdian", map[string]any{"全市排名": 2})
	if code, _, errOut := runCmd("import", "2023-03", filled, "-s", dir, "--force"); code != 1 ||
		!strings.Contains(errOut, "省市重点建设项目整体推进.xlsx 是发给区发改局的工作簿，只含其负责的指标：请加 --merge") {
		t.Errorf("a department's workbook as the whole month: exit %d, %q", code, errOut)
	}
	if code, out, errOut := runCmd("import", "2023-03", filled, "-s", dir, "--merge"); code != 0 || !strings.Contains(out, "：填入得分 12 个、其他数据 1 项；") {
		t.Fatalf("merge: exit %d, %q, %q", code, out, errOut)
	}
	text := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	if !strings.Contains(text, "indicator = \"zhongdian\"    # 省市重点建设项目整体推进\ncity = 2                   # 上月：4\n") || !strings.Contains(text, "\"汽车站街道\" = 64.00") {
		t.Errorf("merged month:\n%s", text)
	}
}

// TestMonthAfterReform: after a 机构改革 (区发改局 until 2023-02, became
// 区发展和改革局 from 2023-03), the month new starts carries last month's
// categories under the new name, export --departments writes a workbook for
// the new name and none for the old, and check asks the new name for the
// scores its indicators lack.
func TestMonthAfterReform(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "data/units.toml", "name = \"区发改局\"\nslug = \"fagai\"\n",
		"name = \"区发改局\"\nslug = \"fagai\"\nuntil = \"2023-02\"\nbecame = \"区发展和改革局\"\n\n[[department]]\nname = \"区发展和改革局\"\nslug = \"fazhangaige\"\nfrom = \"2023-03\"\n")
	if code, out, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d, %q, %q", code, out, errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	_, cats, _ := strings.Cut(month, "\n[categories]\n")
	if !strings.Contains(cats, "\"区发展和改革局\"") || strings.Contains(cats, "\"区发改局\"") {
		t.Errorf("the categories carried into 2023-03:\n%s", cats)
	}
	dist := filepath.Join(t.TempDir(), "分发")
	if code, out, errOut := runCmd("export", "2023-03", dist, "--departments", "-s", dir); code != 0 {
		t.Fatalf("export --departments: exit %d, %q, %q", code, out, errOut)
	}
	if got := listDir(t, dist); !slices.Contains(got, "区发展和改革局.xlsx") || slices.Contains(got, "区发改局.xlsx") {
		t.Errorf("workbooks %q: want one for 区发展和改革局, none for 区发改局", got)
	}
	_, _, errOut := runCmd("check", "-s", dir)
	if !strings.Contains(errOut, "应由区发展和改革局填报") || strings.Contains(errOut, "区发改局") {
		t.Errorf("check names the departments owing scores as:\n%s", errOut)
	}
}

// TestImportCSVMergesNotApplicable: a department's CSV merged into the
// file `tongbao new` wrote, one township's cell written 不涉及 with its
// reason: the result's notApplicable says so above its table, the
// message counts it apart from the scores, and 本月尚有 counts one score
// fewer to fill (173 with it scored, as TestImportCSVMerges finds).
func TestImportCSVMergesNotApplicable(t *testing.T) {
	dir := sampleSiteCopy(t)
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	csv := filepath.Join(t.TempDir(), "scores.csv")
	text := "乡镇（街道）,规模工业增加值\n"
	for i, n := range []string{"汽车站街道", "小江湖街道", "兴隆街道", "滨江街道", "桥头街道", "渡头桥镇",
		"爱莲街道", "龙须塘街道", "东风路街道", "石桥街道", "高崇山镇"} {
		text += fmt.Sprintf("%s,%d\n", n, 80+i)
	}
	text += "火车站乡,不涉及（本月无规模以上工业企业）\n"
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("import", "2023-03", csv, "-s", dir)
	if code != 0 || !strings.Contains(out, " 并入 data/2023-03.toml：填入得分 11 个，标为不涉及 1 个；文件中的其他内容未改动") || !strings.Contains(out, "\n本月尚有 173 个得分未填") {
		t.Fatalf("import into the scaffold: exit %d\n%s%s", code, out, errOut)
	}
	merged := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	if !strings.Contains(merged, "notApplicable = [{township = \"火车站乡\", reason = \"本月无规模以上工业企业\"}]\n[result.townships]") {
		t.Errorf("the merged file has no notApplicable above gongye's table:\n%s", merged)
	}
}

// TestExportHalfYearOffice: export, which loads the catalogue and the one
// month it writes, tells an office assessing every half year by the
// periods its files write (data/2023-12.toml of 7-12月 beside 2024-06's
// 1-6月): its workbook's overview is 本期概况 and its marks 本期评分 —
// not the 本月 of a site it would have taken for one of no months. Its
// file, imported back, says whose half it is (2024年1-6月的考核结果).
// One of those files written 6月, the office is a monthly one again.
func TestExportHalfYearOffice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCmd("init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	edit(t, dir, "data/2024-01.toml", `period      = "1月"`, `period      = "1-6月"`)
	edit(t, dir, "content/circulars/2024-01.md", `data   = "2024-01"`, `data   = "2024-06"`)
	edit(t, dir, "content/circulars/2024-01.md", `date   = 2024-02-20`, `date   = 2024-07-20`)
	first, _ := os.ReadFile(filepath.Join(dir, "data", "2024-01.toml"))
	os.Remove(filepath.Join(dir, "data", "2024-01.toml"))
	os.WriteFile(filepath.Join(dir, "data", "2024-06.toml"), first, 0o644)
	os.WriteFile(filepath.Join(dir, "data", "2023-12.toml"), []byte(strings.Replace(string(first), `"1-6月"`, `"7-12月"`, 1)), 0o644)
	sheets := func(name string) (list []string, mark string) {
		f, err := excelize.OpenFile(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		mark, _ = f.GetCellValue("考核结果", "D1")
		return f.GetSheetList(), mark
	}
	book := filepath.Join(t.TempDir(), "2024-06.xlsx")
	if code, _, errOut := runCmd("export", "2024-06", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	if list, mark := sheets(book); len(list) < 2 || list[1] != "本期概况" || mark != "本期通报" {
		t.Errorf("the half year's workbook: sheets %q, 考核结果!D1 %q; want 本期概况 second and 本期通报", list, mark)
	}
	if code, out, errOut := runCmd("import", "2024-06", book, "-s", dir, "--force"); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if imported, _ := os.ReadFile(filepath.Join(dir, "data", "2024-06.toml")); !strings.HasPrefix(string(imported), "# 2024年1-6月的考核结果。由 tongbao import 从 2024-06.xlsx 导入。\n") {
		t.Errorf("the imported file starts %q", string(imported)[:min(len(imported), 120)])
	}
	edit(t, dir, "data/2023-12.toml", `period      = "7-12月"`, `period      = "12月"`)
	if code, _, errOut := runCmd("export", "2024-06", book, "-s", dir, "--force"); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	if list, mark := sheets(book); len(list) < 2 || list[1] != "本月概况" || mark != "本月通报" {
		t.Errorf("a monthly office's workbook: sheets %q, 考核结果!D1 %q; want 本月概况 second and 本月通报", list, mark)
	}
}
