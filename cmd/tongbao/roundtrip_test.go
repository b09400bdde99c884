package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// roundTripOffice is a 县督查室 with no ranks from above whose month has
// the recent features: 戊镇 不涉及 规模工业增加值 for its reason, written
// before 丁镇 without one; 己镇 exempted from the month for its reason; a
// quoted score; 信访积案化解 compared as whole numbers, lower being
// better, with a score of 2.5; an adjustment, a hand-entered reward and
// a measure of the office's own kind.
var roundTripOffice = map[string]string{
	"config.toml": "title = \"某县重点工作通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"某县人民政府督查室\"\n" +
		"[terms]\nunit = \"乡镇\"\ndepartment = \"县直单位\"\nscope = \"全县\"\nsections = [\"重点工作\"]\nactions = [\"奖励\", \"约谈\", \"书面检查\"]\n" +
		"[ranking]\ngroupSize = 2\ncityRanks = false\ndistrictRanks = false\n",
	"data/units.toml": "[[township]]\nname = \"甲镇\"\nslug = \"jia\"\n[[township]]\nname = \"乙镇\"\nslug = \"yi\"\n" +
		"[[township]]\nname = \"丙镇\"\nslug = \"bing\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\n" +
		"[[township]]\nname = \"戊镇\"\nslug = \"wu\"\n[[township]]\nname = \"己镇\"\nslug = \"ji\"\n" +
		"exempt = [{month = \"2024-02\", reason = \"数据报送不全\"}]\n" +
		"[[department]]\nname = \"县发改局\"\nslug = \"fagai\"\n[[department]]\nname = \"县信访局\"\nslug = \"xinfang\"\n",
	"data/indicators.toml": "[[indicator]]\nid = \"gongye\"\nname = \"规模工业增加值\"\nsection = \"重点工作\"\nowners = [\"县发改局\"]\ntownships = \"all\"\ndecimals = 1\n" +
		"[[indicator]]\nid = \"xinfang\"\nname = \"信访积案化解\"\nsection = \"重点工作\"\nowners = [\"县信访局\"]\ntownships = \"all\"\nbetter = \"lower\"\ndecimals = 0\n",
	"data/2024-02.toml": `period = "1-2月"

[[result]]
indicator = "gongye"
notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}, "丁镇"]
[result.townships]
"甲镇" = 8.5
"乙镇" = "7.25"
"丙镇" = 6.0

[[result]]
indicator = "xinfang"
[result.townships]
"甲镇" = 3
"乙镇" = 0
"丙镇" = 12
"丁镇" = 2.5
"戊镇" = 3

[[adjustment]]
township = "乙镇"
points = -1.5
reason = "安全生产事故扣分"

[[reward]]
unit = "县发改局"
amount = 20000
reason = "招商引资成效显著"

[[interview]]
unit = "戊镇"
who = "分管领导"
kind = "书面检查"
reason = "安全生产工作滞后"
`,
	"content/circulars/2024-02.md": "+++\nnumber = \"某督办〔2024〕2号\"\ntitle = \"关于1-2月重点工作落实情况的通报\"\ndate = 2024-03-08\ndata = \"2024-02\"\n+++\n" +
		"{{< indicators \"重点工作\" >}}\n\n{{< township-ranking >}}\n\n{{< rewards >}}\n\n{{< measures \"书面检查\" >}}\n",
}

// TestExportImportRoundTrip: tongbao export, then tongbao import --force
// of the workbook over the month, gives the month back — the lines below,
// by hand: 不涉及 in the order written with its reason, the quoted score
// as its number, the whole scores of decimals = 0 whole and its 2.5 as
// given — and the site builds the same circular data, whose CSV has
// 己镇's rows saying why it has no rank. Then each department's workbook
// (export --departments), returned with 县发改局's 丁镇 said 不涉及 for a
// reason, merges (import --merge) that reason into the month, the rest as
// sent.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for name, body := range roundTripOffice {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	built := func(out string) (json, csv string) {
		t.Helper()
		if code, _, errOut := runCmd("build", "-s", dir, "-d", out); code != 0 {
			t.Fatalf("build: exit %d, %s", code, errOut)
		}
		return readText(t, filepath.Join(out, "circulars", "2024", "2", "data.json")), readText(t, filepath.Join(out, "circulars", "2024", "2", "data.csv"))
	}
	json, csv := built(filepath.Join(t.TempDir(), "before"))
	for _, row := range []string{
		"202402,规模工业增加值,己镇,,,,越高越好,ji,gongye,2024年1-2月,免于考核（数据报送不全）\r\n",
		"202402,信访积案化解,己镇,,,,越低越好,ji,xinfang,2024年1-2月,免于考核（数据报送不全）\r\n",
		"202402,综合,己镇,,,,越高越好,ji,,2024年1-2月,免于考核（数据报送不全）\r\n",
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("data.csv has no row %q:\n%s", row, csv)
		}
	}

	book := filepath.Join(t.TempDir(), "2024-02.xlsx")
	if code, _, errOut := runCmd("export", "2024-02", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	// 7.25 and 2.5 have more digits than their decimals: kept as written,
	// and warned of, as check warns of them in the month file.
	rounded := book + " 乡镇得分!B5: 警告：指标“规模工业增加值”写了 decimals = 1，按1位小数比较和显示，而乙镇的得分 7.25 有2位小数，四舍五入为 7.3 排名，与四舍五入后得分相同的单位并列；得分确需2位小数的，在 data/indicators.toml 中把这一项改为 decimals = 2\n" +
		book + " 乡镇得分!C7: 警告：指标“信访积案化解”写了 decimals = 0，按整数比较和显示，而丁镇的得分 2.5 有1位小数，四舍五入为 3 排名，与四舍五入后得分相同的单位并列；得分确需1位小数的，在 data/indicators.toml 中把这一项改为 decimals = 1\n"
	if code, out, errOut := runCmd("import", "2024-02", book, "-s", dir, "--force"); code != 0 || errOut != rounded {
		t.Fatalf("import --force: exit %d, %q, %q, want %q", code, out, errOut, rounded)
	}
	text := readText(t, filepath.Join(dir, "data", "2024-02.toml"))
	for _, line := range []string{
		"period      = \"1-2月\"\n",
		"notApplicable = [{township = \"戊镇\", reason = \"本月无规模以上工业企业\"}, \"丁镇\"]\n[result.townships]\n\"甲镇\" = 8.5\n\"乙镇\" = 7.25\n\"丙镇\" = 6.0\n",
		"[result.townships]\n\"甲镇\" = 3\n\"乙镇\" = 0\n\"丙镇\" = 12\n\"丁镇\" = 2.5\n\"戊镇\" = 3\n",
		"township = \"乙镇\"\npoints   = -1.5\nreason   = \"安全生产事故扣分\"\n",
		"unit   = \"县发改局\"\namount = 20000\nreason = \"招商引资成效显著\"\n",
		"unit   = \"戊镇\"\nwho    = \"分管领导\"\nkind   = \"书面检查\"\nreason = \"安全生产工作滞后\"\n",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("imported back, the month file lacks %q:\n%s", line, text)
		}
	}
	if json2, csv2 := built(filepath.Join(t.TempDir(), "after")); json2 != json || csv2 != csv {
		t.Errorf("after the round trip data.json or data.csv differ:\n%s\n%s\nbefore:\n%s\n%s", json2, csv2, json, csv)
	}

	dist := filepath.Join(t.TempDir(), "分发")
	if code, _, errOut := runCmd("export", "2024-02", dist, "--departments", "-s", dir); code != 0 {
		t.Fatalf("export --departments: exit %d, %s", code, errOut)
	}
	fagai := filepath.Join(dist, "县发改局.xlsx")
	f, err := excelize.OpenFile(fagai)
	if err != nil {
		t.Fatal(err)
	}
	// 丁镇's row is the fifth: the heading, the ids, the marks, 甲乙丙.
	if got, _ := f.GetCellValue("乡镇得分", "B7"); got != "不涉及" {
		t.Fatalf("县发改局's 丁镇 规模工业增加值 cell: %q, want 不涉及", got)
	}
	f.SetCellValue("乡镇得分", "B7", "不涉及（撤并后无工业企业）")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.WriteFile(fagai, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("import", "2024-02", fagai, filepath.Join(dist, "县信访局.xlsx"), "-s", dir, "--merge")
	if code != 0 || !strings.Contains(out, "县发改局.xlsx 并入 data/2024-02.toml：填入其他数据 1 项") {
		t.Fatalf("import --merge: exit %d, %q, %q", code, out, errOut)
	}
	merged := readText(t, filepath.Join(dir, "data", "2024-02.toml"))
	if want := strings.Replace(text, `, "丁镇"]`, `, {township = "丁镇", reason = "撤并后无工业企业"}]`, 1); merged != want {
		t.Errorf("merged:\n%s\nwant:\n%s", merged, want)
	}
}

// unreportedMonth is roundTripOffice's month with townships that did not
// report (未报送): 丁镇 规模工业增加值 for its reason, written before 乙镇
// without one (not units.toml's order), beside 戊镇 不涉及; and 丙镇
// 信访积案化解 without a reason.
const unreportedMonth = `period = "1-2月"

[[result]]
indicator = "gongye"
notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}]
unreported = [{township = "丁镇", reason = "逾期未报送"}, "乙镇"]
[result.townships]
"甲镇" = 8.5
"丙镇" = 6.0

[[result]]
indicator = "xinfang"
unreported = ["丙镇"]
[result.townships]
"甲镇" = 3
"乙镇" = 0
"丁镇" = 2
"戊镇" = 3
`

// unreportedOffice writes roundTripOffice with unreportedMonth for its
// 2024-02 into a new folder, and returns it.
func unreportedOffice(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range roundTripOffice {
		switch name {
		case "data/2024-02.toml":
			body = unreportedMonth
		case "content/circulars/2024-02.md":
			body = "+++\nnumber = \"某督办〔2024〕2号\"\ntitle = \"关于1-2月重点工作落实情况的通报\"\ndate = 2024-03-08\ndata = \"2024-02\"\n+++\n" +
				"{{< indicators \"重点工作\" >}}\n\n{{< township-ranking >}}\n"
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestExportImportUnreported: tongbao export writes 未报送 in the cells of
// the townships that did not report, with the reason when there is one,
// and tongbao import --force of the workbook gives the month back as the
// file below, by hand: unreported above the table of scores, after
// notApplicable, in the order written, reasons and all. Exported and
// imported again, the file's bytes are the same, and the site builds the
// same circular data from it as from the file written by hand.
func TestExportImportUnreported(t *testing.T) {
	dir := unreportedOffice(t)
	built := func(out string) (json, csv string) {
		t.Helper()
		if code, _, errOut := runCmd("build", "-s", dir, "-d", out); code != 0 {
			t.Fatalf("build: exit %d, %s", code, errOut)
		}
		return readText(t, filepath.Join(out, "circulars", "2024", "2", "data.json")), readText(t, filepath.Join(out, "circulars", "2024", "2", "data.csv"))
	}
	json, csv := built(filepath.Join(t.TempDir(), "before"))

	book := filepath.Join(t.TempDir(), "2024-02.xlsx")
	if code, _, errOut := runCmd("export", "2024-02", book, "-s", dir); code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// Rows 4 to 9 are 甲乙丙丁戊己镇; B is 规模工业增加值, C 信访积案化解.
	for ref, want := range map[string]string{
		"B4": "8.5", "B5": "未报送", "B6": "6.0", "B7": "未报送（逾期未报送）", "B8": "不涉及（本月无规模以上工业企业）",
		"C5": "0", "C6": "未报送",
	} {
		if got, _ := f.GetCellValue("乡镇得分", ref); got != want {
			t.Errorf("乡镇得分!%s = %q, want %q", ref, got, want)
		}
	}
	f.Close()

	const want = `# 2024年1-2月的考核结果。由 tongbao import 从 2024-02.xlsx 导入。
# 可以改好原表后再次导入（--force 覆盖本文件），也可以直接修改本文件。

period      = "1-2月"

[[result]]
indicator = "gongye"       # 规模工业增加值
notApplicable = [{township = "戊镇", reason = "本月无规模以上工业企业"}]
unreported = [{township = "丁镇", reason = "逾期未报送"}, "乙镇"]
[result.townships]
"甲镇" = 8.5
"丙镇" = 6.0

[[result]]
indicator = "xinfang"      # 信访积案化解
unreported = ["丙镇"]
[result.townships]
"甲镇" = 3
"乙镇" = 0
"丁镇" = 2
"戊镇" = 3
`
	month := filepath.Join(dir, "data", "2024-02.toml")
	if code, out, errOut := runCmd("import", "2024-02", book, "-s", dir, "--force"); code != 0 || errOut != "" {
		t.Fatalf("import --force: exit %d, %q, %q", code, out, errOut)
	}
	if got := readText(t, month); got != want {
		t.Errorf("imported:\n%s\nwant:\n%s", got, want)
	}
	if json2, csv2 := built(filepath.Join(t.TempDir(), "after")); json2 != json || csv2 != csv {
		t.Errorf("after the round trip data.json or data.csv differ:\n%s\n%s\nbefore:\n%s\n%s", json2, csv2, json, csv)
	}

	again := filepath.Join(t.TempDir(), "2024-02.xlsx")
	if code, _, errOut := runCmd("export", "2024-02", again, "-s", dir); code != 0 {
		t.Fatalf("export again: exit %d, %s", code, errOut)
	}
	if code, out, errOut := runCmd("import", "2024-02", again, "-s", dir, "--force"); code != 0 || errOut != "" {
		t.Fatalf("import --force again: exit %d, %q, %q", code, out, errOut)
	}
	if got := readText(t, month); got != want {
		t.Errorf("imported again:\n%s\nwant:\n%s", got, want)
	}
}

// TestNewThenCSVUnreported: the next month's file, as tongbao new writes
// it, says of a township that did not report last month that it did not,
// with the reason; a CSV with cells written 未报送 merges into it as the
// result's unreported, above the table of scores, and the command counts
// them.
func TestNewThenCSVUnreported(t *testing.T) {
	dir := unreportedOffice(t)
	if code, _, errOut := runCmd("new", "2024-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d, %s", code, errOut)
	}
	month := filepath.Join(dir, "data", "2024-03.toml")
	scaffold := readText(t, month)
	for _, line := range []string{
		"# \"乙镇\" =                 # 上月：未报送\n",
		"# \"丁镇\" =                 # 上月：未报送（逾期未报送）\n",
		"# \"戊镇\" =                 # 上月：不涉及（本月无规模以上工业企业）\n",
	} {
		if !strings.Contains(scaffold, line) {
			t.Errorf("the new month file lacks %q:\n%s", line, scaffold)
		}
	}

	csv := filepath.Join(t.TempDir(), "scores.csv")
	body := "乡镇,规模工业增加值\n甲镇,9.0\n乙镇,未报送\n丙镇,7.0\n丁镇, 未报送(逾期未报送) \n戊镇,不涉及\n己镇,5.5\n"
	if err := os.WriteFile(csv, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("import", "2024-03", csv, "-s", dir)
	if code != 0 || !strings.Contains(out, "填入得分 3 个，标为不涉及 1 个，标为未报送 2 个") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	merged := readText(t, month)
	if want := "notApplicable = [\"戊镇\"]\nunreported = [\"乙镇\", {township = \"丁镇\", reason = \"逾期未报送\"}]\n[result.townships]"; !strings.Contains(merged, want) {
		t.Errorf("the merged file lacks %q:\n%s", want, merged)
	}
	for _, line := range []string{"\"甲镇\" = 9.0", "\"丙镇\" = 7.0", "\"己镇\" = 5.5"} {
		if !strings.Contains(merged, line) {
			t.Errorf("the merged file lacks %q:\n%s", line, merged)
		}
	}
}
