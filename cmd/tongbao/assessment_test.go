package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// assess uncomments init's [assessment] period and sets it to kind.
func assess(t *testing.T, dir, kind string) {
	t.Helper()
	edit(t, dir, "config.toml", "# period = \"month\"", "period = \""+kind+"\"")
}

// cumulativeOffice turns the starter site into a monthly office that
// writes its periods cumulatively from January: data/2024-02.toml of
// 1-2月, 2024-03 of 1-3月, 2024-04 of 1-4月, each with the starter
// month's scores but 戊乡's (lastTownship), the worst there can be on
// each indicator ranking it — -100 on 规模工业增加值增速 and 固定资产投资增速,
// 999 件 on 信访总量 (lower is better) — and their circulars; 丁乡 is
// exempt in March (its scores left out), and a rule 约谈 the composite's
// last three months running. So 戊乡 is last on each of its three
// indicators every month, the only one: with rank points its composite
// is 100·1/6 = 16.67 (in March, of five, 20), every other township's at
// least 100·2/6 = 33.33 (40) — last every month, whatever the starter's
// other scores.
func cumulativeOffice(t *testing.T, dir string) {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	data, circ := read("data/2024-01.toml"), read("content/circulars/2024-01.md")
	for id, score := range map[string]string{"gongye": "-100", "touzi": "-100", "xinfang": "999"} {
		// The line of 戊乡's score in the indicator's [[result]].
		re := regexp.MustCompile(`(?s)(indicator = "` + id + `"\n.*?\n"` + lastTownship + `" = )[^\n]*`)
		if !re.MatchString(data) {
			t.Fatalf("the starter's data/2024-01.toml has no score of %s on %s", lastTownship, id)
		}
		data = re.ReplaceAllString(data, "${1}"+score)
	}
	for n := 2; n <= 4; n++ {
		key := "2024-0" + string(rune('0'+n))
		d := strings.Replace(data, `period      = "1月"`, `period      = "1-`+string(rune('0'+n))+`月"`, 1)
		if n == 3 {
			var kept []string
			for _, l := range strings.Split(d, "\n") {
				if !strings.HasPrefix(l, `"丁乡" =`) {
					kept = append(kept, l)
				}
			}
			d = strings.Join(kept, "\n")
		}
		c := strings.NewReplacer(`data   = "2024-01"`, `data   = "`+key+`"`,
			"〔2024〕3号", "〔2024〕"+string(rune('0'+n+2))+"号",
			"date   = 2024-02-20", "date   = 2024-0"+string(rune('0'+n+1))+"-20",
			"2024年1月", "2024年1-"+string(rune('0'+n))+"月").Replace(circ)
		for name, text := range map[string]string{"data/" + key + ".toml": d, "content/circulars/" + key + ".md": c} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, name := range []string{"data/2024-01.toml", "content/circulars/2024-01.md"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, dir, "data/units.toml", "name = \"丁乡\"\n", "name = \"丁乡\"\nexempt = [{month = \"2024-03\", reason = \"数据报送不全\"}]\n")
	b := []byte(read("config.toml") + "\n[[rule]]\non     = \"composite\"\nselect = \"last\"\nstreak = 3\naction = \"约谈\"\nwho    = \"行政负责人\"\n")
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// lastTownship is the township cumulativeOffice makes last every month,
// and lastSlug its slug in the starter's units.toml.
const lastTownship, lastSlug = "戊乡", "wuxiang"

// TestCumulativeMonthlyOffice: an office that assesses every month and
// writes 1-2月, 1-3月, 1-4月 reports a month in each file, 1-3月 too
// (which alone reads as the first quarter): the March circular's note of
// the exempt 丁乡 says 不参加本月各项排名 as February's would, not 本
// 季度; the rule of three months running 约谈 戊乡, made last in each
// (cumulativeOffice), in April (连续3个月, February to April) and not
// before; 戊乡's page says 比上月 of its April rank: sixth of six, fifth
// of five in March, 下降1位. So with [assessment] period = "month"; and
// without it, the files' mixed periods make the office monthly all the
// same, check warning at config.toml that the key says which it is.
func TestCumulativeMonthlyOffice(t *testing.T) {
	for _, keyed := range []bool{true, false} {
		dir := initSite(t)
		cumulativeOffice(t, dir)
		if keyed {
			assess(t, dir, "month")
		}
		code, out, errOut := runCmd("check", "-s", dir)
		if code != 0 {
			t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
		}
		warning := `config.toml:1:1: 警告：数据文件的期别有的像是一个季度的（data/2024-03.toml 的 period 为 "1-3月"），有的不是（data/2024-02.toml 的 period 为 "1-2月"），本站就按每月考核读取，每个文件报告它那个月：` +
			`本站每月考核、期别写累计的月份的，在 config.toml 写 [assessment] period = "month"，不再提醒；本站每季度考核的，写 period = "quarter"，check 会指出期别不是季度的文件`
		if got := strings.Contains(out+errOut, warning); got == keyed {
			t.Errorf("keyed %v: check warns %v of the mixed periods, want %v:\n%s%s", keyed, got, !keyed, out, errOut)
		}
		dest := filepath.Join(t.TempDir(), "public")
		if code, out, errOut := runCmd("build", "-s", dir, "-d", dest); code != 0 {
			t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
		}
		page := func(rel string) string {
			b, err := os.ReadFile(filepath.Join(dest, rel))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		// Numbers 〔2024〕4号, 5号, 6号: /circulars/2024/4/ is 1-2月.
		march, april := page("circulars/2024/5/index.html"), page("circulars/2024/6/index.html")
		if want := "注：丁乡2024年1-3月免于考核（数据报送不全），不参加本月各项排名。"; !strings.Contains(march, want) {
			t.Errorf("keyed %v: the 1-3月 circular lacks %q", keyed, want)
		}
		streak := lastTownship + "行政负责人（连续3个月综合考核排名倒数第一）"
		if !strings.Contains(april, streak) || strings.Contains(march, streak) {
			t.Errorf("keyed %v: %q in April's circular %v (want true), in March's %v (want false)",
				keyed, streak, strings.Contains(april, streak), strings.Contains(march, streak))
		}
		unit := page("units/" + lastSlug + "/index.html")
		for _, p := range []string{march, april, unit} {
			if strings.Contains(p, "季度") {
				t.Errorf("keyed %v: a page of the monthly office speaks of 季度", keyed)
			}
		}
		if want := `<a href="/circulars/2024/6/">2024年1-4月</a>综合考核排名第六（共6个），比上月下降1位。`; !strings.Contains(unit, want) {
			t.Errorf("keyed %v: %s's page does not say %s", keyed, lastTownship, want)
		}
	}
}

// TestNewAfterCumulativeMonth: tongbao new after 1-3月 of a monthly
// office drafts 1-4月, the months so far, not 4-6月 (a quarter's) nor 4月.
func TestNewAfterCumulativeMonth(t *testing.T) {
	dir := initSite(t)
	cumulativeOffice(t, dir)
	assess(t, dir, "month")
	for _, name := range []string{"data/2024-04.toml", "content/circulars/2024-04.md"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runCmd("new", "-s", dir, "2024-04"); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "data/2024-04.toml"))
	if !strings.Contains(string(b), `period      = "1-4月"`) {
		t.Errorf("data/2024-04.toml after 1-3月 is not of period 1-4月:\n%s", b)
	}
}

// TestFirstWorkbookOfQuarterlyOffice: an office whose config.toml says
// it assesses once a quarter has its very first month file and workbook
// (tongbao new 2024-03 --xlsx, no data yet) drafted as the first
// quarter's: period = "1-3月", the overview sheet 本季度概况 with 期别
// 1-3月, which nothing else could tell before there were files. A month
// that ends no quarter is refused, saying which files the office has.
func TestFirstWorkbookOfQuarterlyOffice(t *testing.T) {
	dir := initSite(t)
	for _, name := range []string{"data/2024-01.toml", "content/circulars/2024-01.md"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	assess(t, dir, "quarter")
	code, _, errOut := runCmd("new", "-s", dir, "2024-05", "--xlsx")
	want := `tongbao new: 本站每季度考核一次（config.toml 的 [assessment] period = "quarter"），数据文件是每季度最后一个月的，` +
		`2024年的是 data/2024-03.toml、data/2024-06.toml、data/2024-09.toml、data/2024-12.toml（如 data/2024-12.toml 的 period = "10-12月"），5月不是季度的最后一个月：` +
		`这个月的数据不是一期考核的，删去它或移出 data/；本站其实每月考核的，把 config.toml 的 [assessment] period 改为 "month"` + "\n"
	if code != 1 || errOut != want {
		t.Errorf("new 2024-05: exit %d\n%s\nwant exit 1\n%s", code, errOut, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "2024-05.toml")); err == nil {
		t.Error("new 2024-05 wrote data/2024-05.toml")
	}

	if code, out, errOut := runCmd("new", "-s", dir, "2024-03", "--xlsx"); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "data/2024-03.toml"))
	if !strings.Contains(string(b), `period      = "1-3月"`) {
		t.Errorf("the first file of a quarterly office is not of period 1-3月:\n%s", b)
	}
	// Its first circular is titled as a quarterly office titles it, the
	// quarter named, as new moves it on in the next (第二季度).
	b, _ = os.ReadFile(filepath.Join(dir, "content/circulars/2024-03.md"))
	if !strings.Contains(string(b), `title  = "关于2024年第一季度考核情况的通报"`) {
		t.Errorf("the first circular of a quarterly office is not titled 关于2024年第一季度考核情况的通报:\n%s", b)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "data", "2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("本季度概况")
	if err != nil {
		t.Fatalf("no sheet 本季度概况 among %q: %v", x.GetSheetList(), err)
	}
	if len(rows) < 3 || len(rows[2]) < 2 || rows[2][0] != "期别" || rows[2][1] != "1-3月" {
		t.Errorf("本季度概况 has no 期别 1-3月: %q", rows)
	}
	for _, name := range x.GetSheetList() {
		if strings.Contains(name, "本月") {
			t.Errorf("the quarterly office's first workbook has a sheet %s", name)
		}
	}
	// The quarter still being gathered is said to be a quarter, as new
	// said it (这个季度齐全之前): not 这个月尚未齐全.
	code, _, errOut = runCmd("check", "-s", dir)
	if want := "tongbao: 这些问题都在最新的 2024-03 的数据和通报中（这个季度尚未齐全）；要只检查其余部分，运行 tongbao check -s " + dir + " --without 2024-03\n"; code != 1 || !strings.HasSuffix(errOut, want) {
		t.Errorf("check: exit %d\n%s\nwant exit 1, ending\n%s", code, errOut, want)
	}
}

// TestAssessmentPeriodErrors: under [assessment] period = "quarter", a
// file of a month (the starter's 1月) among the quarters is an error at
// its period line saying which files and periods the office has, and a
// quarter's file of another period (3月 in data/2024-03.toml) one saying
// the period to write; an unknown value is an error at it, the nearest
// value suggested.
func TestAssessmentPeriodErrors(t *testing.T) {
	dir := initSite(t)
	assess(t, dir, "quarter")
	line := lineOf(t, dir, "data/2024-01.toml", "period ")
	code, out, errOut := runCmd("check", "-s", dir)
	want := "data/2024-01.toml:" + strconv.Itoa(line) + `:1: 本站每季度考核一次（config.toml 的 [assessment] period = "quarter"），数据文件是每季度最后一个月的，` +
		`2024年的是 data/2024-03.toml、data/2024-06.toml、data/2024-09.toml、data/2024-12.toml（如 data/2024-12.toml 的 period = "10-12月"），1月不是季度的最后一个月：` +
		`这个月的数据不是一期考核的，删去它或移出 data/；本站其实每月考核的，把 config.toml 的 [assessment] period 改为 "month"`
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("check: exit %d\n%s%s\nwant exit 1 and\n%s", code, out, errOut, want)
	}

	dir = initSite(t)
	assess(t, dir, "quarter")
	edit(t, dir, "data/2024-01.toml", `period      = "1月"`, `period      = "3月"`)
	edit(t, dir, "content/circulars/2024-01.md", `data   = "2024-01"`, `data   = "2024-03"`)
	edit(t, dir, "content/circulars/2024-01.md", `date   = 2024-02-20`, `date   = 2024-04-20`)
	if err := os.Rename(filepath.Join(dir, "data", "2024-01.toml"), filepath.Join(dir, "data", "2024-03.toml")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd("check", "-s", dir)
	want = "data/2024-03.toml:" + strconv.Itoa(line) + `:1: 本站每季度考核一次（config.toml 的 [assessment] period = "quarter"），每个数据文件报告一个季度：` +
		`data/2024-03.toml 的 period 应为 "1-3月"（或 "第一季度"），而不是 "3月"`
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("check: exit %d\n%s%s\nwant exit 1 and\n%s", code, out, errOut, want)
	}

	dir = initSite(t)
	assess(t, dir, "quartr")
	at := lineOf(t, dir, "config.toml", `period = "quartr"`)
	code, out, errOut = runCmd("check", "-s", dir)
	want = "config.toml:" + strconv.Itoa(at) + `:1: period 应为 month、quarter、half 或 year，而不是“quartr”，是否为“quarter”？`
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("check: exit %d\n%s%s\nwant exit 1 and\n%s", code, out, errOut, want)
	}
}

// TestImportQuarterPeriodCell: a quarterly office's workbook whose 期别
// was changed to 3月 is refused by tongbao import at that cell, saying
// the period the file of March reports.
func TestImportQuarterPeriodCell(t *testing.T) {
	dir := initSite(t)
	for _, name := range []string{"data/2024-01.toml", "content/circulars/2024-01.md"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	assess(t, dir, "quarter")
	if code, out, errOut := runCmd("new", "-s", dir, "2024-03", "--xlsx"); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	book := filepath.Join(dir, "data", "2024-03.xlsx")
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellValue("本季度概况", "B3", "3月"); err != nil {
		t.Fatal(err)
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	code, out, errOut := runCmd("import", "-s", dir, "2024-03", book)
	want := `2024-03.xlsx 本季度概况!B3: 本站每季度考核一次（config.toml 的 [assessment] period = "quarter"），每个数据文件报告一个季度：data/2024-03.toml 的 period 应为 "1-3月"（或 "第一季度"），而不是 "3月"`
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("import: exit %d\n%s%s\nwant exit 1 and\n%s", code, out, errOut, want)
	}
}
