package site

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"

	"tongbao/internal/diag"
)

// miniSite is a small valid site; tests change one file of it at a time.
func miniSite() map[string]string {
	return map[string]string{
		"config.toml": `title = "测试"
[issuer]
name = "测试区人民政府办公室"
[ranking]
cityUnits = 12
[site]
orgCode = "123456789"
`,
		"data/units.toml": `[[township]]
name = "甲街道"
slug = "jia"
[[township]]
name = "乙街道"
slug = "yi"
[[township]]
name = "丙镇"
slug = "bing"
[[department]]
name = "区发改局"
slug = "fagai"
[[department]]
name = "区财政局"
slug = "caizheng"
`,
		"data/indicators.toml": `[[indicator]]
id = "jingji"
name = "经济"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
[[indicator]]
id = "caizheng"
name = "财政收入"
section = "重点工作"
owners = ["区财政局"]
`,
		"data/2023-02.toml": `period = "1-2月"
[[result]]
indicator = "jingji"
city = 3
[result.townships]
"甲街道" = 90
"乙街道" = 80
"丙镇" = 70
[[result]]
indicator = "caizheng"
district = 2
[categories]
"一类" = ["区发改局"]
"二类" = ["区财政局"]
`,
		"content/circulars/2023-02.md": `+++
number = "测政办函〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
+++
正文。
`,
		// Small, with what every page's frame must have (pageFrame):
		// the built-in header has the search box and 适老模式.
		"layouts/base.html": `<html lang="zh-CN">{{block "head" .}}{{end}}<a href="#main">跳到正文</a>{{template "partials/header.html" .}}<main id="main">{{template "main" .}}</main></html>`,
	}
}

// movedMonth makes miniSite's month (data/2023-02.toml, 1-2月) the file
// of the month key with the given period, as an office assessing by
// quarter, half or year writes it (data/2023-03.toml, 1-3月), and points
// its circular at it.
func movedMonth(f map[string]string, key, period string) {
	month := f["data/2023-02.toml"]
	delete(f, "data/2023-02.toml")
	f["data/"+key+".toml"] = strings.Replace(month, `"1-2月"`, `"`+period+`"`, 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], `data = "2023-02"`, `data = "`+key+`"`, 1)
}

// warningsOf loads the site of files and gives its warnings in the files
// named, as warningLines writes them.
func warningsOf(t *testing.T, files map[string]string, in ...string) []string {
	t.Helper()
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warningLines(s) {
		if slices.ContainsFunc(in, func(file string) bool { return strings.HasPrefix(w, file+":") }) {
			got = append(got, w)
		}
	}
	return got
}

func writeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
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

func TestLoadMiniSite(t *testing.T) {
	s, err := Load(writeSite(t, miniSite()))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Townships) != 3 || len(s.Departments) != 2 || len(s.Months) != 1 || len(s.Circulars) != 1 {
		t.Fatalf("loaded %d townships, %d departments, %d months, %d circulars", len(s.Townships), len(s.Departments), len(s.Months), len(s.Circulars))
	}
	c := s.Circulars[0]
	if c.Year != 2023 || c.Serial != 5 || c.URLPath() != "circulars/2023/5/" || c.Date != (Date{2023, 4, 3}) || c.BodyLine != 7 {
		t.Errorf("circular read as %+v", c)
	}
	r := s.Months[0].Result("jingji")
	if r == nil || len(r.Scores) != 3 || r.Scores[1].Unit.Name != "乙街道" || r.City != 3 {
		t.Errorf("result read as %+v", r)
	}
	if d := s.Months[0].Result("caizheng"); d.District != 2 || d.DistrictLabel != "三区" || d.DistrictUnits != 3 {
		t.Errorf("district defaults not applied: %+v", d)
	}
}

// TestLoadDiagnostics changes one file of the mini site per case and
// expects one exact diagnostic (among possibly others) at file:line:col.
func TestLoadDiagnostics(t *testing.T) {
	cases := []struct {
		name, file, old, new, want string
	}{
		{"misspelt township", "data/2023-02.toml", `"乙街道" = 80`, `"乙街" = 80`,
			"data/2023-02.toml:7:1: 未知乡镇（街道）“乙街”，是否为“乙街道”？"},
		// One character from 甲街道, scored the line above, and from
		// 乙街道, which has no score: the typo is of the latter.
		{"misspelt township beside a near one", "data/2023-02.toml", `"乙街道" = 80`, `"甲乙街道" = 80`,
			"data/2023-02.toml:7:1: 未知乡镇（街道）“甲乙街道”，是否为“乙街道”？"},
		{"missing township", "data/2023-02.toml", "\"乙街道\" = 80\n", "",
			"data/2023-02.toml:5:1: 指标“经济”缺少乡镇（街道）“乙街道”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"乙街道\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"乙街道\"]"},
		// A result that lists its units not concerned already: the remedy
		// adds to its list, where a second notApplicable would be a key
		// written twice.
		{"missing township beside one not applicable", "data/2023-02.toml", "city = 3\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n", "city = 3\nnotApplicable = [\"甲街道\"]\n[result.townships]\n",
			"data/2023-02.toml:6:1: 指标“经济”缺少乡镇（街道）“乙街道”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 notApplicable 中加上 {township = \"乙街道\", reason = \"不涉及的原因\"}，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"乙街道\"]"},
		// And one that lists its units that did not report: the remedy
		// adds to that list too.
		{"missing township beside one unreported", "data/2023-02.toml", "city = 3\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n", "city = 3\nunreported = [\"甲街道\"]\n[result.townships]\n",
			"data/2023-02.toml:6:1: 指标“经济”缺少乡镇（街道）“乙街道”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"乙街道\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 unreported 中加上 \"乙街道\""},
		{"unknown indicator", "data/2023-02.toml", `indicator = "caizheng"`, `indicator = "caizhen"`,
			"data/2023-02.toml:10:1: 未知指标“caizhen”，是否为“caizheng”？"},
		{"duplicate result", "data/2023-02.toml", `indicator = "caizheng"`, `indicator = "jingji"`,
			"data/2023-02.toml:10:1: 指标“经济”（jingji）的结果重复（第一次在第2行）"},
		{"rank out of range", "data/2023-02.toml", "city = 3", "city = 13",
			"data/2023-02.toml:4:1: 全市排名 13 超出范围（应为 1～12）"},
		{"district out of range", "data/2023-02.toml", "district = 2", "district = 0",
			"data/2023-02.toml:11:1: 三区排名 0 超出范围（应为 1～3）"},
		{"wrong type", "data/2023-02.toml", "city = 3", `city = "三"`,
			"data/2023-02.toml:4:1: city（上级排名）应为整数"},
		{"unknown key", "config.toml", "cityUnits = 12", "cityUnits = 12\ncolour = 1",
			"config.toml:6:1: 未知的键“ranking.colour”"},
		{"department twice", "data/2023-02.toml", `"二类" = ["区财政局"]`, `"二类" = ["区财政局", "区发改局"]`,
			"data/2023-02.toml:14:17: 区直单位“区发改局”在排类中重复（已列入“一类”）"},
		{"department missing", "data/2023-02.toml", `"二类" = ["区财政局"]`, `"二类" = []`,
			"data/2023-02.toml:12:1: 区直单位“区财政局”未列入 [categories]"},
		{"a ranked unit written again as a department", "data/units.toml", "[[department]]\nname = \"区发改局\"", "[[department]]\nname = \"甲街道\"",
			"data/units.toml:11:1: 单位名称“甲街道”重复：参与排名的单位也可以负责指标，只写作 [[township]]，在指标的 owners 中写它的名称，删去这个 [[department]]"},
		{"unknown owner", "data/indicators.toml", `owners = ["区财政局"]`, `owners = ["甲街"]`,
			"data/indicators.toml:11:11: 未知单位“甲街”，是否为“甲街道”？"},
		{"missing month", "content/circulars/2023-02.md", `data = "2023-02"`, `data = "2023-03"`,
			"content/circulars/2023-02.md:5:1: 通报引用的月份数据“2023-03”不存在（应有文件 data/2023-03.toml）"},
		{"month of one digit", "content/circulars/2023-02.md", `data = "2023-02"`, `data = "2023-2"`,
			"content/circulars/2023-02.md:5:1: data“2023-2”应为月份：写作 \"2023-02\""},
		{"not a period", "content/circulars/2023-02.md", `data = "2023-02"`, `data = "二月"`,
			"content/circulars/2023-02.md:5:1: data“二月”应为月份（2023-02）、季度（2024-Q1）、半年（2024-H1）或年度（2024）"},
		{"bad 文号", "content/circulars/2023-02.md", "〔2023〕5号", "[2023]5号",
			"content/circulars/2023-02.md:2:1: 文号“测政办函[2023]5号”格式不对"},
		{"文号 with a space", "content/circulars/2023-02.md", "〔2023〕5号\"", "〔2023〕5号 \"",
			"content/circulars/2023-02.md:2:1: 文号“测政办函〔2023〕5号<U+0020>”的前后有空格，请删去：写作 \"测政办函〔2023〕5号\""},
		{"front matter syntax", "content/circulars/2023-02.md", `title = "关于测试的通报"`, `title = = "x"`,
			"content/circulars/2023-02.md:3:9: 多写了一个“=”"},
		{"no front matter", "content/circulars/2023-02.md", "+++\nnumber", "number",
			"content/circulars/2023-02.md:1:1: 缺少 TOML 前置信息"},
		{"bad date", "content/circulars/2023-02.md", "date = 2023-04-03", `date = "2023年4月3日"`,
			"content/circulars/2023-02.md:4:1: date（成文日期）应为日期：写作 2023-04-03，不加引号"},
		{"duplicate slug", "data/units.toml", `slug = "yi"`, `slug = "jia"`,
			"data/units.toml:6:1: slug“jia”重复（已用于“甲街道”）"},
		{"bad month file name", "data/2023-2.toml", "", "period = \"2月\"\n",
			"data/2023-2.toml:1:1: 数据文件名应为 YYYY-MM.toml：改名为 data/2023-02.toml"},
		{"month file named in Chinese", "data/2023年3月.toml", "", "period = \"3月\"\n",
			"data/2023年3月.toml:1:1: 数据文件名应为 YYYY-MM.toml：改名为 data/2023-03.toml"},
		{"month file with an underscore", "data/2023_03.toml", "", "period = \"3月\"\n",
			"data/2023_03.toml:1:1: 数据文件名应为 YYYY-MM.toml：改名为 data/2023-03.toml"},
		{"month file of no month", "data/三月.toml", "", "period = \"3月\"\n",
			"data/三月.toml:1:1: 数据文件名应为 YYYY-MM.toml（如 data/2023-02.toml）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, miniSite(), c.file, c.old, c.new, c.want)
		})
	}
}

// With [scoring] method = "score" the composite is a weighted mean of the
// scores, higher better: an indicator where lower is better (信访量) would
// lift the township with the most complaints, so it must weigh 0 there.
func TestScoreCompositeRefusesLowerIsBetter(t *testing.T) {
	files := miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"score\"\n"
	wantDiagnostic(t, files, "data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\nbetter = \"lower\"\n",
		"data/indicators.toml:7:1: 指标“经济”越低越好（better = \"lower\"），而综合考核按得分的加权平均（config.toml [scoring] method = \"score\"），得分越高综合得分越高，会让它排名越靠后的单位综合排名越靠前；"+
			"请把它的 weight 写为 0（只列出、不计入综合考核），或把 method 改为 \"rank-points\"（按名次折算得分）")

	// A total (method = "sum") adds the scores up just as blindly.
	files = miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"sum\"\n"
	wantDiagnostic(t, files, "data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\nbetter = \"lower\"\n",
		"data/indicators.toml:7:1: 指标“经济”越低越好（better = \"lower\"），而综合考核按得分的加权和（config.toml [scoring] method = \"sum\"），得分越高综合得分越高，会让它排名越靠后的单位综合排名越靠前；"+
			"请把它的 weight 写为 0（只列出、不计入综合考核），或把 method 改为 \"rank-points\"（按名次折算得分）；扣分制按件数扣分的，件数这一项写 weight = 0，计入总分的得分一项写 deduct，由件数折算，见 docs/rules.md 的“扣分制”")

	// A 扣分制 office writing a count's deduction as a negative weight
	// (每件扣0.5分) is told how it is written instead.
	wantDiagnostic(t, miniSite(), "data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\nweight = -0.5\n",
		"data/indicators.toml:7:1: weight 不能为负数：不计入综合考核的写 0；扣分制按件数扣分的，件数这一项写 weight = 0，扣分后的得分一项写 deduct（如 deduct = [{ indicator = \"xinfang\", per = 0.5 }]），见 docs/rules.md 的“扣分制”")

	files = miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"score\"\n"
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nbetter = \"lower\"\nweight = 0\n", 1)
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Errorf("weight 0: %v", err)
	}
}

// wantDiagnostic replaces old by new in one of the files of a site (the
// whole file when old is ""), loads it and expects want among the
// diagnostics.
func wantDiagnostic(t *testing.T, files map[string]string, file, old, new, want string) {
	t.Helper()
	if old == "" {
		files[file] = new
	} else {
		if !strings.Contains(files[file], old) {
			t.Fatalf("%s lacks %q", file, old)
		}
		files[file] = strings.Replace(files[file], old, new, 1)
	}
	_, err := Load(writeSite(t, files))
	l, ok := err.(diag.List)
	if !ok {
		t.Fatalf("Load returned %v, want a diag.List", err)
	}
	if !strings.Contains(l.Error(), want) {
		t.Errorf("want %q among:\n%s", want, l.Error())
	}
}

func TestLoadAcceptsBOMAndCRLF(t *testing.T) {
	files := miniSite()
	files["data/2023-02.toml"] = "\uFEFF" + strings.ReplaceAll(files["data/2023-02.toml"], "\n", "\r\n")
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadRefusesNonUTF8AndOutsideSymlinks(t *testing.T) {
	files := miniSite()
	files["content/about.md"] = "+++\ntitle = \"\xb9\xd8\xd3\xda\"\n+++\n" // 关于 in GBK
	dir := writeSite(t, files)
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte("+++\ntitle = \"x\"\n+++\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "content", "leak.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := Load(dir)
	if err == nil {
		t.Fatal("loaded a GBK file and an outside symlink without complaint")
	}
	for _, want := range []string{"content/about.md:2:10: 文件不是 UTF-8 编码", "content/leak.md: 符号链接指向站点目录之外"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %q among:\n%s", want, err)
		}
	}
}

// TestLoadRefusesLinkedFolderOut: a folder of content/ that is a link to
// another place (附件 linked to a shared drive) does not publish what it
// holds, as an attachment or as a file the body links to; a link to a
// folder of the site itself is followed.
func TestLoadRefusesLinkedFolderOut(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-02.md"] = `+++
number = "测政办函〔2023〕5号"
title = "关于测试的通报"
date = 2023-04-03
data = "2023-02"
[[attachment]]
title = "名单"
file = "shared/list.txt"
+++
正文。[原件](shared/secret.txt)，[本站](mine/ok.txt)。
`
	files["content/files/ok.txt"] = "本站的文件"
	dir := writeSite(t, files)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "list.txt"), []byte("名单"), 0o644)
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("秘密"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "content", "circulars", "shared")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "content", "files"), filepath.Join(dir, "content", "circulars", "mine")); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if err == nil {
		t.Fatal("loaded files through a link to a folder outside the site without complaint")
	}
	for _, want := range []string{
		"content/circulars/shared/list.txt: 所在的文件夹是符号链接，指向站点目录之外",
		"content/circulars/shared/secret.txt: 所在的文件夹是符号链接，指向站点目录之外",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %q among:\n%s", want, err)
		}
	}
	if strings.Contains(err.Error(), "mine/ok.txt") {
		t.Errorf("a link to a folder of the site refused:\n%s", err)
	}
}

// TestLoadTellsTruncatedSave: a file read while it was being saved, cut in
// the middle of a character, is told so, not called GBK; a GBK file
// still is.
func TestLoadTellsTruncatedSave(t *testing.T) {
	full := "[[township]]\nname = \"甲街道\"\nslug = \"jia\"\n"
	cut := full[:len("[[township]]\nname = \"甲")+1] // 街's first byte of three
	wantDiagnostic(t, miniSite(), "data/units.toml", "", cut,
		"data/units.toml:2:10: 文件在一个字符的中间结束：可能还没有保存完，或被截断了")
	wantDiagnostic(t, miniSite(), "content/about.md", "", "+++\ntitle = \"\xb9\xd8\xd3\xda\"\n+++\n",
		"content/about.md:2:10: 文件不是 UTF-8 编码")
}

// utf16 encodes s as UTF-16, little- or big-endian, without a byte order
// mark.
func utf16(s string, big bool) string {
	var b []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// TestLoadRefusesUTF16: a file saved as UTF-16, with or without a byte
// order mark, is told so at its start, and nothing else is said of it (a
// position found by reading UTF-16 as UTF-8 would mean nothing).
func TestLoadRefusesUTF16(t *testing.T) {
	const msg = ":1:1: 文件似乎是 UTF-16 编码，请以 UTF-8 保存（记事本“另存为”时编码选“UTF-8”）"
	for _, tc := range []struct {
		file, bom string
		big       bool
	}{
		{"data/2023-02.toml", "", false},
		{"data/2023-02.toml", "", true},
		{"content/circulars/2023-02.md", "", false},
		{"content/circulars/2023-02.md", "", true},
		{"config.toml", "", false},
		{"data/units.toml", "\xFF\xFE", false},
		{"data/indicators.toml", "\xFE\xFF", true},
		// tongbao layouts base.html > layouts/base.html in Windows PowerShell.
		{"layouts/base.html", "\xFF\xFE", false},
	} {
		files := miniSite()
		files[tc.file] = tc.bom + utf16(files[tc.file], tc.big)
		_, err := Load(writeSite(t, files))
		var l diag.List
		if !errors.As(err, &l) {
			t.Fatalf("%s: want diagnostics, got %v", tc.file, err)
		}
		var got []string
		for _, p := range l {
			if p.File == tc.file {
				got = append(got, p.String())
			}
		}
		if want := []string{tc.file + msg}; !slices.Equal(got, want) {
			t.Errorf("%s (big-endian %v): got\n%s\nwant\n%s", tc.file, tc.big, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestUTF16Text: a NUL or two in a UTF-8 file is not UTF-16; the reader
// of the file tells where it is.
func TestUTF16Text(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"title = \"测试\"\n", false},
		{"title = \"测\x00试\"\n" + strings.Repeat("# 说明文字，说明文字。\n", 40), false},
		{"a\x00", true},
		{"\x00a", true},
		{utf16("title = \"测试\"\n", false), true},
		{utf16("title = \"测试\"\n", true), true},
		{utf16(strings.Repeat("关于本站的说明文字。", 60)+"\n", false), true},
		{utf16(strings.Repeat("一", 30)+"\n", false), true},
	} {
		if got := utf16Text([]byte(tc.src)); got != tc.want {
			t.Errorf("utf16Text(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestMonthFileNames: 08 and 09 are months, not bad octal numbers.
func TestMonthFileNames(t *testing.T) {
	files := miniSite()
	for _, m := range []string{"2022-08", "2022-09", "2022-10"} {
		files["data/"+m+".toml"] = "period = \"x\"\n"
	}
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if s.Month("2022-08") == nil || s.Month("2022-09").Month != 9 || len(s.Months) != 4 {
		t.Errorf("months read: %d", len(s.Months))
	}
}

// TestBrokenMonthIsNotMissing: a circular whose month file has a syntax
// error gets the syntax error, not a false "month does not exist".
func TestBrokenMonthIsNotMissing(t *testing.T) {
	files := miniSite()
	files["data/2023-02.toml"] = "period = = 1\n"
	_, err := Load(writeSite(t, files))
	if err == nil || !strings.Contains(err.Error(), "data/2023-02.toml:1:") {
		t.Fatalf("want the syntax error, got %v", err)
	}
	if strings.Contains(err.Error(), "不存在") {
		t.Errorf("a broken month is reported as missing:\n%s", err)
	}
}

// TestLoadPreview: a newest month being gathered — its scores to come,
// its circular without a date — holds back only itself for the preview;
// a problem anywhere else, or in a month older than a sound one, holds
// nothing back.
func TestLoadPreview(t *testing.T) {
	march := `period = "3月"
[[result]]
indicator = "jingji"
city = 4
[result.townships]
"甲街道" = 91
[[result]]
indicator = "caizheng"
district = 1
[categories]
"一类" = ["区发改局"]
"二类" = ["区财政局"]
`
	draft := "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文。\n"
	files := miniSite()
	files["data/2023-03.toml"] = march
	files["content/circulars/2023-03.md"] = draft
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n本站。\n"
	s, held, err := LoadPreview(writeSite(t, files), nil)
	var l diag.List
	if !errors.As(err, &l) || len(l) != 3 || s == nil || !slices.Equal(held, []string{"2023-03"}) {
		t.Fatalf("LoadPreview: %d problems (%v), site %v, held %q; want 3 (two scores, a date), a site, 2023-03", len(l), err, s != nil, held)
	}
	if len(s.Months) != 1 || s.Months[0].Key != "2023-02" || len(s.Circulars) != 1 || s.Circulars[0].Serial != 5 || len(s.Pages) != 1 {
		t.Errorf("held back, the site has %d months, %d circulars, %d pages; want February's one of each and the page", len(s.Months), len(s.Circulars), len(s.Pages))
	}

	for name, change := range map[string]func(map[string]string){
		"a problem outside the month": func(f map[string]string) { f["content/about.md"] = "+++\ntitle = 1\n+++\n" },
		"an older month at fault": func(f map[string]string) {
			f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], `"丙镇" = 70`, "", 1)
			f["data/2023-03.toml"] = strings.Replace(march, `"甲街道" = 91`, `"甲街道" = 91`+"\n\"乙街道\" = 1\n\"丙镇\" = 2", 1)
			f["content/circulars/2023-03.md"] = strings.Replace(draft, "+++\n正文", "date = 2023-05-04\n+++\n正文", 1)
		},
	} {
		f := maps.Clone(files)
		change(f)
		if s, held, err := LoadPreview(writeSite(t, f), nil); err == nil || s != nil || held != nil {
			t.Errorf("%s: site %v, held %q, problems %v; want the problems alone", name, s != nil, held, err)
		}
	}
	files["data/2023-03.toml"] = strings.Replace(march, `"甲街道" = 91`, `"甲街道" = 91`+"\n\"乙街道\" = 1\n\"丙镇\" = 2", 1)
	files["content/circulars/2023-03.md"] = strings.Replace(draft, "+++\n正文", "date = 2023-05-04\n+++\n正文", 1)
	dir := writeSite(t, files)
	if s, held, err := LoadPreview(dir, nil); err != nil || held != nil || len(s.Months) != 2 || len(s.Circulars) != 2 {
		t.Errorf("the month complete: held %q, problems %v", held, err)
	}
	// Problems of rendering it (a shortcode in the new circular): the
	// same, from the files they name.
	if s, held := LoadWithout(dir, nil, diag.List{{File: "content/circulars/2023-03.md", Line: 7, Col: 1, Msg: "未知短代码"}}); s == nil || len(s.Months) != 1 || len(s.Circulars) != 1 || !slices.Equal(held, []string{"2023-03"}) {
		t.Errorf("a problem rendering March's circular: site %v, held %q", s != nil, held)
	}
	for _, file := range []string{"content/about.md", "content/circulars/2023-02.md", ""} {
		if s, held := LoadWithout(dir, nil, diag.List{{File: file, Msg: "未知短代码"}}); s != nil || held != nil {
			t.Errorf("a problem rendering %q: held %q", file, held)
		}
	}
}

// TestLoadExcept: the newest months left out with their circulars, a
// quarter's that spans them too; an older month, one the site lacks, or
// what is not a month refused.
func TestLoadExcept(t *testing.T) {
	files := miniSite()
	files["data/2023-03.toml"] = monthAs(files["data/2023-02.toml"], 3) // complete: left out all the same
	files["content/circulars/2023-03.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文。\n"
	files["content/circulars/q1.md"] = "+++\nnumber = \"测政办函〔2023〕10号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-05-08\ndata = \"2023-Q1\"\n+++\n正文。\n"
	files["content/circulars/2022.md"] = "+++\nnumber = \"测政办函〔2023〕1号\"\ntitle = \"关于去年的通报\"\ndate = 2023-01-08\ndata = \"2022\"\n+++\n正文。\n"
	files["data/2022-12.toml"] = monthAs(files["data/2023-02.toml"], 12)
	files["content/about.md"] = "+++\ntitle = \"关于\"\n+++\n见[一季度通报](circulars/q1.md)。\n"
	dir := writeSite(t, files)
	if _, err := Load(dir); err == nil {
		t.Fatal("Load: March's circular has no date, and loads")
	}
	s, held, err := LoadExcept(dir, []string{"2023-03"})
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, c := range s.Circulars {
		kept = append(kept, c.File)
	}
	slices.Sort(kept)
	if len(s.Months) != 2 || s.Months[1].Key != "2023-02" || !slices.Equal(kept, []string{"content/circulars/2022.md", "content/circulars/2023-02.md"}) ||
		!slices.Equal(held, []string{"content/circulars/2023-03.md", "content/circulars/q1.md"}) {
		t.Errorf("without March: months %d, circulars %q, left out %q", len(s.Months), kept, held)
	}
	// A link to a circular left out leads nowhere in this build.
	if want := "content/about.md:4:2: 警告：链接的 content/circulars/q1.md 随它的月份略去了，这次生成的网站中这个链接会失效"; len(s.Warnings) != 1 || s.Warnings[0].String() != want {
		t.Errorf("warnings %q, want %q", s.Warnings, want)
	}
	if s, held, err := LoadExcept(dir, []string{"2023-03", "2023-02"}); err != nil || len(s.Months) != 1 || len(s.Circulars) != 1 || len(held) != 3 {
		t.Errorf("without February and March: %v, left out %q", err, held)
	}
	for months, want := range map[string]string{
		"2023-02":         "只能略去最新的月份：2023-02 之后还有 data/2023-03.toml（略去较早的月份，其后各月与上月的比较就不对了）",
		"2022-12 2023-03": "只能略去最新的月份：2022-12 之后还有 data/2023-02.toml（略去较早的月份，其后各月与上月的比较就不对了）",
		"2023-04":         "没有 data/2023-04.toml，无从略去 2023-04",
		"2023-Q1":         "“2023-Q1”不是月份（应写作 2023-03）",
	} {
		if _, _, err := LoadExcept(dir, strings.Fields(months)); err == nil || err.Error() != want {
			t.Errorf("LoadExcept %s: %v; want %s", months, err, want)
		}
	}
	// The preview holds the quarter's circular back with March too.
	if s, held, _ := LoadPreview(dir, nil); !slices.Equal(held, []string{"2023-03"}) || len(s.Circulars) != 2 {
		t.Errorf("LoadPreview: held %q, %d circulars; want March, and February's and 2022's", held, len(s.Circulars))
	}
}

// TestParseMonthPlaces checks a month made from elsewhere with the loader's
// own rules, each problem reported where place says its value was typed,
// and the rest at their lines.
func TestParseMonthPlaces(t *testing.T) {
	files := miniSite()
	s, err := LoadCatalogue(writeSite(t, map[string]string{
		"config.toml":          files["config.toml"],
		"data/units.toml":      files["data/units.toml"],
		"data/indicators.toml": files["data/indicators.toml"],
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Months) != 0 || len(s.Circulars) != 0 || len(s.Townships) != 3 {
		t.Fatalf("LoadCatalogue read %d months, %d circulars, %d townships", len(s.Months), len(s.Circulars), len(s.Townships))
	}
	src := `period = "3月"
[[result]]
indicator = "jingji"
city = 13
[result.townships]
"甲街道" = 90
"乙街" = 80
[[result]]
indicator = "caizhen"
`
	cells := map[string]string{
		"result.0.city":              "考核结果!D2",
		"result.0.townships.乙街":      "乡镇得分!B5",
		"result.0.townships":         "乡镇得分!B1",
		"result.1":                   "考核结果!A3",
		"result.1.indicator.nothing": "never asked for",
	}
	_, err = s.ParseMonth("data/2023-03.toml", []byte(src), func(path string) string { return cells[path] })
	want := []string{
		// 乙街 means 乙街道, which is not said to be missing; 丙镇 is.
		"乡镇得分!B1: 指标“经济”缺少乡镇（街道）“丙镇”的得分：请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”", // a workbook's words
		"乡镇得分!B5: 未知乡镇（街道）“乙街”，是否为“乙街道”？",
		"考核结果!A3: 未知指标“caizhen”，是否为“caizheng”？", // placed by its table: result.1.indicator is not placed
		"考核结果!D2: 全市排名 13 超出范围（应为 1～12）",
	}
	if got := diagLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without places, the same month is reported at its lines; a good
	// one reads back.
	if _, err := s.ParseMonth("data/2023-03.toml", []byte(src), nil); err == nil || !strings.Contains(err.Error(), "data/2023-03.toml:4:1: 全市排名 13") {
		t.Errorf("ParseMonth without places: %v", err)
	}
	m, err := s.ParseMonth("data/2023-03.toml", []byte("[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"丙镇\" = 1\n\"jia\" = 2\n\"乙街道\" = 3\n"), nil)
	if err != nil || m.Key != "2023-03" || len(m.Result("jingji").Scores) != 3 {
		t.Errorf("ParseMonth of a good month: %+v, %v", m, err)
	}
}

// TestParseDraftMonth: a month being filled in reads with its missing
// scores listed; any other problem is still one.
func TestParseDraftMonth(t *testing.T) {
	s := mergeSite(t)
	src := "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"乙街道\" = 80\n# \"甲街道\" =\n[[result]]\nindicator = \"anquan\"\n[result.townships]\n"
	m, err := s.ParseDraftMonth("data/2023-03.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	names := func(us []*Unit) (n []string) {
		for _, u := range us {
			n = append(n, u.Name)
		}
		return n
	}
	if r := m.Result("jingji"); len(r.Scores) != 1 || r.Scores[0].Value != 80 || strings.Join(names(r.Unscored), " ") != "甲街道 丙镇" {
		t.Errorf("jingji read as %+v, unscored %q", r.Scores, names(r.Unscored))
	}
	if r := m.Result("anquan"); len(r.Scores) != 0 || len(r.Unscored) != 3 {
		t.Errorf("anquan read as %+v, unscored %q", r.Scores, names(r.Unscored))
	}
	// A score whose line is there commented out (as tongbao new writes
	// it) is told at that line, saying to take the # away; one with no
	// line at all at its table's header.
	_, err = s.ParseMonth("data/2023-03.toml", []byte(src), nil)
	for _, want := range []string{
		"data/2023-03.toml:5:1: 指标“经济”缺少乡镇（街道）“甲街道”的得分：这一行还是注释，填上得分后去掉行首的 #\n",
		"data/2023-03.toml:3:1: 指标“经济”缺少乡镇（街道）“丙镇”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"丙镇\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"丙镇\"]\n",
	} {
		if err == nil || !strings.Contains(err.Error()+"\n", want) {
			t.Errorf("ParseMonth of the draft: %v\nwant %s", err, want)
		}
	}
	_, err = s.ParseDraftMonth("data/2023-03.toml", []byte(strings.Replace(src, "乙街道", "乙街", 1)))
	if err == nil || !strings.Contains(err.Error(), "data/2023-03.toml:4:1: 未知乡镇（街道）“乙街”，是否为“乙街道”？") {
		t.Errorf("a draft with a misspelt name: %v", err)
	}
}

// TestLoadWith: the site as it would be with a month file's text — a new
// one, or one there already — loaded with every check; the site is given
// back when its data loads, though a circular has a problem.
func TestLoadWith(t *testing.T) {
	files := miniSite()
	files["content/circulars/2023-03.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文。\n"
	dir := writeSite(t, files)
	march := "period = \"3月\"\n[[result]]\nindicator = \"jingji\"\ncity = 13\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n"
	s, problems, err := LoadWith(dir, map[string][]byte{"data/2023-03.toml": []byte(march)})
	if err != nil {
		t.Fatal(err)
	}
	// city = 13 is line 4, its key at column 1.
	if got := problems.Error(); s != nil || got != "content/circulars/2023-03.md:1:1: 前置信息缺少“date”\ndata/2023-03.toml:4:1: 全市排名 13 超出范围（应为 1～12）" {
		t.Errorf("LoadWith, a rank out of range: site %v, problems:\n%s", s != nil, got)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "2023-03.toml")); !os.IsNotExist(err) {
		t.Error("LoadWith wrote the month file")
	}
	march = strings.Replace(march, "city = 13", "city = 2", 1)
	feb := strings.Replace(files["data/2023-02.toml"], "city = 3", "city = 4", 1)
	s, problems, err = LoadWith(dir, map[string][]byte{"data/2023-03.toml": []byte(march), "data/2023-02.toml": []byte(feb)})
	if err != nil {
		t.Fatal(err)
	}
	if got := problems.Error(); got != "content/circulars/2023-03.md:1:1: 前置信息缺少“date”" {
		t.Errorf("LoadWith: problems:\n%s", got)
	}
	if s == nil || len(s.Months) != 2 || s.Month("2023-03").Result("jingji").City != 2 || s.Month("2023-02").Result("jingji").City != 4 {
		t.Errorf("LoadWith gave no site, or not with the texts given")
	}
}

// TestNotASite: a command started in a folder of the site (data/, where
// staff edit a month) or in a folder that is no site, or given a file as
// -s, says so and where the site is, not only that config.toml is missing.
func TestNotASite(t *testing.T) {
	dir := writeSite(t, miniSite())
	empty := filepath.Join(t.TempDir(), "a", "b", "c", "d")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dir, want string }{
		{filepath.Join(dir, "data"), "config.toml: 无法读取：文件不存在——" + filepath.Join(dir, "data") +
			" 不是 tongbao 站点的目录（站点目录中有 config.toml）；站点目录似乎是 " + dir + "：在那里运行，或用 -s " + dir + " 指定"},
		{filepath.Join(dir, "content", "circulars"), "站点目录似乎是 " + dir + "："},
		{empty, "config.toml: 无法读取：文件不存在——" + empty +
			" 不是 tongbao 站点的目录（站点目录中有 config.toml）；在站点目录中运行，或用 -s 指定；新建站点用 tongbao init 目录"},
		{filepath.Join(dir, "config.toml"), filepath.Join(dir, "config.toml") + ": 这是一个文件，不是站点目录：-s 应指定站点的目录（其中有 config.toml）"},
	} {
		_, err := Load(c.dir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%s): %v\nwant %s", c.dir, err, c.want)
		}
	}
}

// TestMonthFileCopies: a copy of a month file, as Windows, macOS or staff
// name it, is left unread with a warning, not an error that stops the
// preview; a month file misnamed is still an error.
func TestMonthFileCopies(t *testing.T) {
	files := miniSite()
	for _, name := range []string{"2023-02 - 副本", "2023-02 (2)", "2023-02 copy", "2023-02备份"} {
		files["data/"+name+".toml"] = "period = = 1\n" // unread: a syntax error would show
	}
	got := loadWarnings(t, files)
	want := []string{
		"data/2023-02 (2).toml:1:1: 警告：这像是 data/2023-02.toml 的副本，不作为月度数据读取；不再需要就删去，要留作备份请移出 data/",
		"data/2023-02 - 副本.toml:1:1: 警告：这像是 data/2023-02.toml 的副本，不作为月度数据读取；不再需要就删去，要留作备份请移出 data/",
		"data/2023-02 copy.toml:1:1: 警告：这像是 data/2023-02.toml 的副本，不作为月度数据读取；不再需要就删去，要留作备份请移出 data/",
		"data/2023-02备份.toml:1:1: 警告：这像是 data/2023-02.toml 的副本，不作为月度数据读取；不再需要就删去，要留作备份请移出 data/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	files = miniSite()
	files["data/2023-2.toml"] = "period = \"x\"\n"
	if _, err := Load(writeSite(t, files)); err == nil || err.Error() != "data/2023-2.toml:1:1: 数据文件名应为 YYYY-MM.toml：改名为 data/2023-02.toml" {
		t.Errorf("a misnamed month file: %v", err)
	}
}

// TestEmptyResultWarned: a [[result]] with nothing in it — as tongbao new
// leaves it, with its lines commented out — would put the indicator's
// heading alone in the circular; a result with any one thing is not
// warned of.
func TestEmptyResultWarned(t *testing.T) {
	files := miniSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "indicator = \"caizheng\"\ndistrict = 2\n", "indicator = \"caizheng\"\n# district =\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	want := "data/2023-02.toml:9:1: 警告：指标“财政收入”这一项什么也没有填写（得分、排名、进展都没有），通报中只会有它的标题；这个月不考核它，就删去这个 [[result]]"
	if len(s.Warnings) != 1 || s.Warnings[0].String() != want {
		t.Errorf("warnings %v, want %s", s.Warnings, want)
	}
	s, err = Load(writeSite(t, miniSite()))
	if err != nil || len(s.Warnings) != 0 {
		t.Errorf("the mini site: %v, warnings %v", err, s.Warnings)
	}
}

// TestLoadDraft: the month LoadPreview holds back, read as a draft for
// the preview: its scores still to come simply not there, its circular
// there without its date, newest of all, a placeholder in it no bar; a
// month that cannot be read even so, nothing. The draft never reaches a
// load with the same cache: the month and its circular are still missing
// what they miss.
func TestLoadDraft(t *testing.T) {
	files := miniSite()
	files["data/2023-03.toml"] = marchOneShort
	files["content/circulars/2023-03.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文（待填写）。\n"
	dir := writeSite(t, files)
	var c Cache
	_, held, before := LoadPreview(dir, &c)
	if !slices.Equal(held, []string{"2023-03"}) {
		t.Fatalf("held %q, problems %v", held, before)
	}
	s, drafted, found := LoadDraft(dir, &c, held)
	if s == nil || !slices.Equal(drafted, []string{"content/circulars/2023-03.md"}) {
		t.Fatalf("LoadDraft: site %v, drafted %q", s != nil, drafted)
	}
	// The circular's problems, the date and the placeholder: the
	// preview's already.
	if len(found) != 2 || !slices.ContainsFunc(found, func(d diag.Diagnostic) bool { return strings.Contains(d.Msg, "“date”") }) {
		t.Errorf("LoadDraft's problems %v", found)
	}
	for _, d := range found {
		if !strings.Contains(before.Error(), d.String()) {
			t.Errorf("LoadDraft found %q, which the preview had not", d)
		}
	}
	m := s.Month("2023-03")
	if m == nil || len(m.Results) != 1 || len(m.Results[0].Scores) != 2 || len(m.Results[0].Unscored) != 1 || m.Results[0].Unscored[0].Name != "乙街道" {
		t.Fatalf("the draft month: %+v", m)
	}
	last := s.Circulars[len(s.Circulars)-1]
	if len(s.Circulars) != 2 || last.File != "content/circulars/2023-03.md" || !last.Undated || last.Date != (Date{}) || last.Serial != 9 || last.Data.Key() != "2023-03" || !strings.Contains(string(last.Body), "正文") {
		t.Errorf("the draft circular: %+v", last)
	}
	if s.Circulars[0].Undated {
		t.Error("February's circular is undated in the draft")
	}
	_, _, after := LoadPreview(dir, &c)
	if after == nil || after.Error() != before.Error() {
		t.Errorf("after a draft, the preview's problems are\n%v\nwant\n%v", after, before)
	}
	if _, err := LoadCached(dir, &c); err == nil || !strings.Contains(err.Error(), "前置信息缺少“date”") || !strings.Contains(err.Error(), "“乙街道”的得分") {
		t.Errorf("Load: %v", err)
	}
	// The month as loaded is in the cache now: not the draft.
	if s, _, _ := LoadDraft(dir, &c, held); s == nil || len(s.Month("2023-03").Results[0].Unscored) != 1 {
		t.Error("LoadDraft after a load with its cache: not the draft")
	}

	// A department not sorted into a category yet is still to come, as a
	// score is: the draft lists the categories as they stand; the load
	// of the month as it is, and an export of it, still say it is missing.
	uncategorised := strings.Replace(files["data/2023-03.toml"], `"二类" = ["区财政局"]`, `"二类" = []`, 1)
	if uncategorised == files["data/2023-03.toml"] {
		t.Fatal("the test's month has changed: its edit no longer applies")
	}
	whole := files["data/2023-03.toml"]
	files["data/2023-03.toml"] = uncategorised
	dir = writeSite(t, files)
	files["data/2023-03.toml"] = whole
	_, held, problems := LoadPreview(dir, nil)
	if !slices.Equal(held, []string{"2023-03"}) || !strings.Contains(problems.Error(), "data/2023-03.toml:8:1: 区直单位“区财政局”未列入 [categories]") {
		t.Fatalf("a department not sorted: held %q, problems %v", held, problems)
	}
	if s, drafted, _ := LoadDraft(dir, nil, held); s == nil || len(drafted) != 1 || len(s.Month("2023-03").Categories) != 2 || len(s.Month("2023-03").Categories[1].Units) != 0 {
		t.Errorf("a department not sorted: site %v, drafted %q; want the draft, 二类 empty", s != nil, drafted)
	}
	if _, err := s.ParseDraftMonth("data/2023-03.toml", []byte(uncategorised)); err == nil || !strings.Contains(err.Error(), "未列入 [categories]") {
		t.Errorf("an export of the month with a department not sorted: %v", err)
	}

	// The draft numbered as February's circular: found only here, the
	// draft being undated, and said, since the draft is then left out.
	circular := files["content/circulars/2023-03.md"]
	files["content/circulars/2023-03.md"] = strings.Replace(circular, "〔2023〕9号", "〔2023〕5号", 1)
	dir = writeSite(t, files)
	files["content/circulars/2023-03.md"] = circular
	_, held, problems = LoadPreview(dir, nil)
	s, drafted, found = LoadDraft(dir, nil, held)
	want := diag.Diagnostic{File: "content/circulars/2023-03.md", Line: 2, Col: 1, Msg: "文号“测政办函〔2023〕5号”与 content/circulars/2023-02.md 重复"}
	if s == nil || len(drafted) != 0 || !slices.Contains(found, want) || strings.Contains(problems.Error(), want.Msg) {
		t.Errorf("the draft numbered as February's: site %v, drafted %q, problems %v (the preview's %v)", s != nil, drafted, found, problems)
	}

	// The same in a file that sorts before February's: the draft, not
	// dated yet, is the later of the two, and the one told.
	delete(files, "content/circulars/2023-03.md")
	files["content/circulars/01.md"] = strings.Replace(circular, "〔2023〕9号", "〔2023〕5号", 1)
	dir = writeSite(t, files)
	delete(files, "content/circulars/01.md")
	files["content/circulars/2023-03.md"] = circular
	_, held, _ = LoadPreview(dir, nil)
	s, drafted, found = LoadDraft(dir, nil, held)
	want.File = "content/circulars/01.md"
	if s == nil || len(drafted) != 0 || !slices.Contains(found, want) {
		t.Errorf("the draft numbered as February's, in a file before it: site %v, drafted %q, problems %v", s != nil, drafted, found)
	}

	// An attachment of the circular not dated yet is one it lists: not
	// warned of as a file nothing publishes, while the month is held.
	files["content/circulars/2023-03.md"] = strings.Replace(circular, "\n+++\n", "\n[[attachment]]\ntitle = \"三月明细\"\nfile = \"三月.xlsx\"\n+++\n", 1)
	files["content/circulars/三月.xlsx"] = "PK"
	dir = writeSite(t, files)
	files["content/circulars/2023-03.md"] = circular
	delete(files, "content/circulars/三月.xlsx")
	s, held, _ = LoadPreview(dir, nil)
	if !slices.Equal(held, []string{"2023-03"}) || s == nil {
		t.Fatalf("an undated circular's attachment: held %q", held)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("an undated circular's attachment: warnings %v", s.Warnings)
	}
	if s, drafted, _ := LoadDraft(dir, nil, held); len(drafted) != 1 || len(s.Circulars[len(s.Circulars)-1].Attachments) != 1 {
		t.Error("the draft lacks its attachment")
	}

	files["data/2023-03.toml"] = strings.Replace(files["data/2023-03.toml"], `"丙镇" = 88`, `"丙真" = 88`, 1)
	dir = writeSite(t, files)
	if s, drafted, found := LoadDraft(dir, nil, []string{"2023-03"}); s != nil || drafted != nil || found != nil {
		t.Errorf("a township misspelt: site %v, drafted %q, problems %v; want none", s != nil, drafted, found)
	}
}

// TestMisspeltNameHidesItsUnitOnly: a name in a month's scores or
// categories that is no unit is reported with its suggestion; the unit
// it means is not also said to be missing, and every other unit still
// missing is (a misspelt name used to hide them all until it was
// mended, a save later). A name that suggests nothing may mean any of
// those missing: they are said together, with that said.
func TestMisspeltNameHidesItsUnitOnly(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"scores: 乙街 is 乙街道, 丙镇 missing", "\"乙街道\" = 80\n\"丙镇\" = 70\n", "\"乙街\" = 80\n", []string{
			"data/2023-02.toml:5:1: 指标“经济”缺少乡镇（街道）“丙镇”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"丙镇\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"丙镇\"]",
			"data/2023-02.toml:7:1: 未知乡镇（街道）“乙街”，是否为“乙街道”？",
		}},
		{"scores: 乙街 is 乙街道, nothing else missing", `"乙街道" = 80`, `"乙街" = 80`, []string{
			"data/2023-02.toml:7:1: 未知乡镇（街道）“乙街”，是否为“乙街道”？",
		}},
		{"scores: 某某乡 may be either of two missing", "\"乙街道\" = 80\n\"丙镇\" = 70\n", "\"某某乡\" = 80\n", []string{
			"data/2023-02.toml:5:1: 指标“经济”缺少乡镇（街道）“乙街道”“丙镇”的得分（表中未能识别的“某某乡”若指其中之一，改正名称即可）",
			"data/2023-02.toml:7:1: 未知乡镇（街道）“某某乡”",
		}},
		{"scores: 某某乡 may be the one missing", `"丙镇" = 70`, `"某某乡" = 70`, []string{
			"data/2023-02.toml:8:1: 未知乡镇（街道）“某某乡”",
		}},
		{"categories: 区发该局 is 区发改局, 区财政局 missing", "\"一类\" = [\"区发改局\"]\n\"二类\" = [\"区财政局\"]", "\"一类\" = [\"区发该局\"]", []string{
			"data/2023-02.toml:12:1: 区直单位“区财政局”未列入 [categories]",
			"data/2023-02.toml:13:9: 未知单位“区发该局”，是否为“区发改局”？",
		}},
		{"categories: 区发该局 is 区发改局, nothing else missing", `"一类" = ["区发改局"]`, `"一类" = ["区发该局"]`, []string{
			"data/2023-02.toml:13:9: 未知单位“区发该局”，是否为“区发改局”？",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			if !strings.Contains(files["data/2023-02.toml"], c.old) {
				t.Fatalf("the month lacks %q", c.old)
			}
			files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], c.old, c.new, 1)
			_, err := Load(writeSite(t, files))
			if got := diagLines(t, err); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestSameSerialTwoKinds: an office that issues circulars as 函 and as 发
// meets each year's serials twice. The second (by date) is refused at its
// 文号, told what it shares and what to write; with slug it has its own
// address but still the other's 索引号, and with indexNo too it loads.
func TestSameSerialTwoKinds(t *testing.T) {
	second := "+++\nnumber = \"测政办发〔2023〕5号\"\ntitle = \"关于表彰的通报\"\ndate = 2023-04-10\ndata = \"2023-02\"\n%s+++\n正文。\n"
	cases := []struct{ front, want string }{
		{"", `content/circulars/fa.md:2:1: 文号“测政办发〔2023〕5号”与 content/circulars/2023-02.md 的“测政办函〔2023〕5号”年份和序号相同，网址（/circulars/2023/5/）和索引号（123456789/2023-00005）都会相同：给其中一份写 slug（网址名，如 slug = "5-2"，网址就是 /circulars/2023/5-2/）和 indexNo（门户网站给它的索引号）`},
		{"slug = \"fa-5\"\n", `content/circulars/fa.md:2:1: 索引号 123456789/2023-00005 与 content/circulars/2023-02.md（“测政办函〔2023〕5号”）相同：给其中一份写 indexNo（门户网站给它的索引号）`},
		{"slug = \"5\"\nindexNo = \"x/1\"\n", `content/circulars/fa.md:2:1: 网址 /circulars/2023/5/ 已是 content/circulars/2023-02.md（“测政办函〔2023〕5号”）的网址：给两份中的一份另写 slug（网址名）`},
		{"slug = \"Fa_5\"\n", `content/circulars/fa.md:6:1: slug（网址名）“Fa_5”只能由小写字母、数字和“-”组成，如 "fa-5"`},
		{"slug = \"fa-5\"\nindexNo = \"000000000/2023-F0005\"\n", ""},
	}
	for _, c := range cases {
		files := miniSite()
		files["content/circulars/fa.md"] = fmt.Sprintf(second, c.front)
		s, err := Load(writeSite(t, files))
		if c.want != "" {
			if err == nil || err.Error() != c.want {
				t.Errorf("front %q: %v\nwant %s", c.front, err, c.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("front %q: %v", c.front, err)
		}
		if len(s.Circulars) != 2 || s.Circulars[1].URLPath() != "circulars/2023/fa-5/" || s.IndexNo(s.Circulars[1]) != "000000000/2023-F0005" ||
			s.Circulars[0].URLPath() != "circulars/2023/5/" || s.IndexNo(s.Circulars[0]) != "123456789/2023-00005" {
			t.Errorf("two kinds loaded as %+v", s.Circulars)
		}
	}
}

// diagLines is the diagnostics err holds, a line each; a test given no
// diagnostics fails.
func diagLines(t *testing.T, err error) []string {
	t.Helper()
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("%v, want diagnostics", err)
	}
	var lines []string
	for _, d := range l {
		lines = append(lines, d.String())
	}
	return lines
}

// TestLoadPreviewQuarterBeingWritten: the circular of a quarter written
// while its last month is gathered — March's scores to come, March's and
// the quarter's circulars without their dates — holds back March, and
// the quarter's circular with it, as LoadExcept leaves it out; the draft
// has both circulars. Its problem was taken for one outside the newest
// months, and the preview held nothing back: it showed nothing new.
// A quarter's circular at fault whose months are all sound still holds
// nothing back: they may be published.
func TestLoadPreviewQuarterBeingWritten(t *testing.T) {
	files := miniSite()
	files["data/2023-03.toml"] = marchOneShort
	files["content/circulars/2023-03.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于三月的通报\"\ndata = \"2023-03\"\n+++\n正文。\n"
	files["content/circulars/q1.md"] = "+++\nnumber = \"测政办函〔2023〕10号\"\ntitle = \"关于一季度的通报\"\ndata = \"2023-Q1\"\n+++\n正文。\n"
	dir := writeSite(t, files)
	s, held, err := LoadPreview(dir, nil)
	var l diag.List
	if !errors.As(err, &l) || len(l) != 3 || s == nil || !slices.Equal(held, []string{"2023-03"}) {
		t.Fatalf("LoadPreview: %d problems (%v), site %v, held %q; want 3 (a score, two dates), a site, 2023-03", len(l), err, s != nil, held)
	}
	if len(s.Circulars) != 1 || s.Circulars[0].File != "content/circulars/2023-02.md" {
		t.Errorf("held back, the site has %d circulars; want February's", len(s.Circulars))
	}
	if s, drafted, _ := LoadDraft(dir, nil, held); s == nil || !slices.Equal(drafted, []string{"content/circulars/2023-03.md", "content/circulars/q1.md"}) {
		t.Errorf("LoadDraft: site %v, drafted %q; want March's circular and the quarter's", s != nil, drafted)
	}

	files["data/2023-03.toml"] = strings.Replace(files["data/2023-03.toml"], `"丙镇" = 88`, `"乙街道" = 80`+"\n"+`"丙镇" = 88`, 1)
	files["content/circulars/2023-03.md"] = strings.Replace(files["content/circulars/2023-03.md"], "+++\n正文", "date = 2023-05-04\n+++\n正文", 1)
	if s, held, err := LoadPreview(writeSite(t, files), nil); err == nil || s != nil || held != nil {
		t.Errorf("March complete and dated, the quarter's circular not: site %v, held %q, problems %v; want the problem alone", s != nil, held, err)
	}
}

// marchOneShort is the mini site's March being gathered: 经济's score of
// 乙街道 is still to come.
const marchOneShort = `period = "3月"
[[result]]
indicator = "jingji"
city = 4
[result.townships]
"甲街道" = 91
"丙镇" = 88
[categories]
"一类" = ["区发改局"]
"二类" = ["区财政局"]
`

// TestAggregateBeforeItsEnd: a quarter's, half's or year's circular
// dated within its span while the span still has months to come in the
// data is warned of: the months added later count in it too, and change
// what it published. One dated after its span (its months are all there
// are), or whose span the data has passed, says nothing. miniSite's
// newest month is 2023-02.
func TestAggregateBeforeItsEnd(t *testing.T) {
	circular := func(number, data, date string) string {
		return "+++\nnumber = \"" + number + "\"\ntitle = \"关于测试的通报\"\n" + date + "data = \"" + data + "\"\n+++\n正文。\n"
	}
	files := miniSite()
	files["content/circulars/2023.md"] = circular("测政办函〔2023〕9号", "2023", "date = 2023-04-10\n")
	files["content/circulars/2022.md"] = strings.Replace(circular("测政办函〔2023〕7号", "2022", "date = 2023-01-10\n"), `"2022"`, `"2023-H1"`, 1)
	got := loadWarnings(t, files)
	want := []string{
		"content/circulars/2022.md:5:1: 警告：2023年上半年的通报已成文，而这段时间的数据只到 2023-02（2023-06 才结束）：以后加上的月份也会计入这份通报，改写它已发布的排名和奖惩；应在这段时间各月的数据齐全以后成文",
		"content/circulars/2023.md:5:1: 警告：2023年度的通报已成文，而这段时间的数据只到 2023-02（2023-12 才结束）：以后加上的月份也会计入这份通报，改写它已发布的排名和奖惩；应在这段时间各月的数据齐全以后成文",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Dated after its span: the months not there were not assessed.
	files = miniSite()
	files["content/circulars/2023.md"] = circular("测政办函〔2024〕1号", "2023", "date = 2024-01-20\n")
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("warnings %q, want none", got)
	}

	// Once the data has passed its end, nothing is said.
	files = miniSite()
	files["content/circulars/2022.md"] = circular("测政办函〔2022〕7号", "2022-H2", "date = 2022-12-28\n")
	files["data/2022-12.toml"] = monthAs(files["data/2023-02.toml"], 12)
	if got := loadWarnings(t, files); len(got) != 0 {
		t.Errorf("warnings %q, want none", got)
	}
}

// TestUnreportedMonths: a month file newer than every month a circular
// reports (written before its circular, or left when the circular was
// deleted) is left out of what build, check and the preview load, with a
// warning, so that its ranks are not published before a circular says
// them; Load, which tongbao new and export read, keeps it. A month
// between reported ones that none reports is warned of and kept (later
// months compare with it); one before the first reported, the archive's
// backfill, and one a quarter's circular spans, are neither.
func TestUnreportedMonths(t *testing.T) {
	month := func(m string) string {
		return strings.Replace(miniSite()["data/2023-02.toml"], `"1-2月"`, `"`+m+`"`, 1)
	}
	circular := func(n int, data string) string {
		return "+++\nnumber = \"测政办函〔2023〕" + fmt.Sprint(n) + "号\"\ntitle = \"关于测试的通报\"\ndate = 2023-08-03\ndata = \"" + data + "\"\n+++\n正文。\n"
	}
	keys := func(s *Site) []string {
		var out []string
		for _, m := range s.Months {
			out = append(out, m.Key)
		}
		return out
	}
	for _, c := range []struct {
		name     string
		edit     func(f map[string]string)
		loaded   []string // the months LoadGathering and LoadPreview keep
		warnings []string
	}{
		{"a month before its circular", func(f map[string]string) {
			f["data/2023-03.toml"] = month("3月")
			f["data/2023-04.toml"] = month("4月")
		}, []string{"2023-02"}, []string{
			`data/2023-03.toml:1:1: 警告：还没有通报报告这个月份（data = "2023-03"），暂不发布它的数据；写好它的通报（如 content/circulars/2023-03.md）后一同发布`,
			`data/2023-04.toml:1:1: 警告：还没有通报报告这个月份（data = "2023-04"），暂不发布它的数据；写好它的通报（如 content/circulars/2023-04.md）后一同发布`,
		}},
		{"a month between two reported", func(f map[string]string) {
			f["data/2023-03.toml"] = month("3月")
			f["data/2023-04.toml"] = month("4月")
			f["content/circulars/2023-04.md"] = circular(9, "2023-04")
		}, []string{"2023-02", "2023-03", "2023-04"}, []string{
			`data/2023-03.toml:1:1: 警告：没有通报报告这个月份（data = "2023-03"），它的名次仍在单位、指标页面、考核排名和开放数据中发布；如果它的通报删去了，这个数据文件也应删去或移出 data/`,
		}},
		{"backfill, and months a quarter spans", func(f map[string]string) {
			f["data/2022-12.toml"] = month("12月")
			f["data/2023-03.toml"] = month("3月")
			f["content/circulars/2023-Q1.md"] = circular(9, "2023-Q1")
		}, []string{"2022-12", "2023-02", "2023-03"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			c.edit(f)
			dir := writeSite(t, f)
			all, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for name := range f {
				if strings.HasPrefix(name, "data/20") {
					files = append(files, strings.TrimSuffix(strings.TrimPrefix(name, "data/"), ".toml"))
				}
			}
			slices.Sort(files)
			if got := keys(all); !slices.Equal(got, files) {
				t.Errorf("Load's months %q, want every file's: %q", got, files)
			}
			s, months, err := LoadGathering(dir)
			if err != nil || months != nil {
				t.Fatalf("LoadGathering: %v, months %q", err, months)
			}
			if got := keys(s); !slices.Equal(got, c.loaded) {
				t.Errorf("LoadGathering's months %q, want %q", got, c.loaded)
			}
			var got []string
			for _, w := range warningLines(s) {
				if strings.HasPrefix(w, "data/") {
					got = append(got, w)
				}
			}
			if !slices.Equal(got, c.warnings) {
				t.Errorf("warnings\n%q\nwant\n%q", got, c.warnings)
			}
			p, held, err := LoadPreview(dir, nil)
			if err != nil || held != nil || !slices.Equal(keys(p), c.loaded) {
				t.Errorf("LoadPreview: %v, held %q, months %q; want %q", err, held, keys(p), c.loaded)
			}
		})
	}
}

// TestCircularsOfOneMonth: a circular copied from the last and given a
// new 文号 and title but not a new data = reports the last one's month
// again, silently, under a title of another month: warned of at data =,
// as reporting the month of another circular and as titled otherwise.
// A title naming its data's month ("1-2月" ends in it) is not.
func TestCircularsOfOneMonth(t *testing.T) {
	f := miniSite()
	f["data/2023-03.toml"] = strings.Replace(f["data/2023-02.toml"], `"1-2月"`, `"3月"`, 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "关于测试的通报", "关于2023年1-2月测试的通报", 1)
	f["content/circulars/2023-03.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于2023年3月测试的通报\"\ndate = 2023-05-04\ndata = \"2023-02\"\n+++\n正文。\n"
	var got []string
	for _, w := range loadWarnings(t, f) {
		if strings.HasPrefix(w, "content/") {
			got = append(got, w)
		}
	}
	want := []string{
		`content/circulars/2023-03.md:5:1: 警告：content/circulars/2023-02.md 也报告 2023年2月（data = "2023-02"）：两份通报报告同一期，它们的排名、附表和开放数据相同；是复制上一期时忘了改 data 吗？`,
		`content/circulars/2023-03.md:5:1: 警告：标题写的是2023年3月，data 却是 "2023-02"（2023年2月）：通报会报告 2023年2月 的数据`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
}

// TestUnitOtherNames: a unit's other names (its full name, a name it
// had) are read; each is one unit's alone and no indicator's name or
// short name, which would lead a search for it to two pages.
func TestUnitOtherNames(t *testing.T) {
	const units, inds = "data/units.toml", "data/indicators.toml"
	fagai := "name = \"区发改局\"\nslug = \"fagai\"\n"
	files := miniSite()
	files[units] = strings.Replace(files[units], fagai, fagai+"otherNames = [\"区发展和改革局\", \"区发改委\"]\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if u := s.units["区发改局"]; u == nil || !slices.Equal(u.OtherNames, []string{"区发展和改革局", "区发改委"}) {
		t.Errorf("区发改局's other names: %v", u)
	}
	for _, c := range []struct{ name, file, old, new, want string }{
		{"its own name", units, fagai, fagai + "otherNames = [\"区发改局\"]\n",
			units + ":13:15: 其他名称“区发改局”就是单位名称，不必写"},
		{"written twice", units, fagai, fagai + "otherNames = [\"发改局\", \"发改局\"]\n",
			units + ":13:22: 其他名称“发改局”重复"},
		{"another unit's name", units, fagai, fagai + "otherNames = [\"区财政局\"]\n",
			units + ":13:15: 其他名称“区财政局”是另一个单位的名称，搜索它应找到那个单位"},
		{"another unit's other name", units, "slug = \"caizheng\"\n", "slug = \"caizheng\"\notherNames = [\"发改\"]\n",
			units + ":17:15: 其他名称“发改”也是“区发改局”的其他名称：一个名称只能属于一个单位"},
		{"an indicator's name", units, fagai, fagai + "otherNames = [\"财政收入\"]\n",
			units + ":13:15: 其他名称“财政收入”是指标（caizheng）的名称，搜索它应找到那个指标"},
		{"an indicator's short name", inds, "name = \"经济\"\n", "name = \"经济\"\nshortNames = [\"发改\"]\n",
			inds + ":4:15: 简称“发改”是单位“区发改局”的其他名称，搜索它应找到那个单位"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			if c.name == "another unit's other name" || c.name == "an indicator's short name" {
				f[units] = strings.Replace(f[units], fagai, fagai+"otherNames = [\"发改\"]\n", 1)
			}
			wantDiagnostic(t, f, c.file, c.old, c.new, c.want)
		})
	}
}

// TestParseMonthMisnamed: a month file read on its own (by import, or a
// merge) under a name that is no month's is told at 1:1, as the loader
// tells it of data/ (TestMonthFileCopies), not without a line an editor
// can go to.
func TestParseMonthMisnamed(t *testing.T) {
	s, err := Load(writeSite(t, miniSite()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ParseMonth("data/2023-2.toml", []byte("period = \"2月\"\n"), nil)
	if want := "data/2023-2.toml:1:1: 数据文件名应为 YYYY-MM.toml：改名为 data/2023-02.toml"; err == nil || err.Error() != want {
		t.Errorf("ParseMonth = %v, want %s", err, want)
	}
}

// TestQuarterRuleOfQuarterFiles: an office that assesses once a quarter
// writes each quarter as the file of its last month (period = "1-3月"),
// whose circular is a month's: a rule it writes period = "quarter", which
// applies to aggregate circulars alone (data = "2023-Q1"), would never
// apply, its reward missing from every circular. It is warned of at its
// [[rule]]; not on a site of months, nor where a circular of data =
// "2023-Q1" is there for the rule to apply to.
func TestQuarterRuleOfQuarterFiles(t *testing.T) {
	const rule = "\n[[rule]]\non = \"composite\"\nselect = \"first\"\nperiod = \"quarter\"\naction = \"奖励\"\namount = 20000\n"
	const want = `config.toml:9:1: 警告：这条规则写了 period = "quarter"，只用于由各月数据汇总的季度通报（data = "2023-Q1" 这样的），本站没有这种通报，它从不适用；` +
		`本站每季度一个数据文件（如 data/2023-03.toml 的 period 为 "1-3月"），报告它的通报（data = "2023-03"）适用的是 period = "month" 的规则：删去 period 这一行`
	for _, c := range []struct {
		name   string
		period string // of the month file
		q1     bool   // a circular of data = "2023-Q1" too
		warned bool
	}{
		{"quarter files", "1-3月", false, true},
		{"months", "3月", false, false},
		{"quarter files and a quarter's circular", "1-3月", true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			f["config.toml"] += rule
			movedMonth(f, "2023-03", c.period)
			if c.q1 {
				f["content/circulars/2023-q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于测试的通报\"\ndate = 2023-04-05\ndata = \"2023-Q1\"\n+++\n正文。\n"
			}
			got := warningsOf(t, f, "config.toml")
			if c.warned && !slices.Equal(got, []string{want}) || !c.warned && len(got) > 0 {
				t.Errorf("warnings %q, want %v of %q", got, c.warned, want)
			}
		})
	}
}

// TestHalfRuleOfHalfFiles: as TestQuarterRuleOfQuarterFiles, for an
// office that assesses every half year, each half the file of its last
// month (period = "1-6月"): a rule of period = "half" is warned of,
// unless a circular of data = "2023-H1" is there; one of period =
// "quarter" is not (a monthly office's quarters are no concern of it).
func TestHalfRuleOfHalfFiles(t *testing.T) {
	const half = "\n[[rule]]\non = \"composite\"\nselect = \"first\"\nperiod = \"half\"\naction = \"奖励\"\namount = 20000\n"
	const want = `config.toml:9:1: 警告：这条规则写了 period = "half"，只用于由各月数据汇总的半年通报（data = "2023-H1" 这样的），本站没有这种通报，它从不适用；` +
		`本站每半年一个数据文件（如 data/2023-06.toml 的 period 为 "1-6月"），报告它的通报（data = "2023-06"）适用的是 period = "month" 的规则：删去 period 这一行`
	for _, c := range []struct {
		name, rule string
		period     string // of the month file
		h1         bool   // a circular of data = "2023-H1" too
		warned     bool
	}{
		{"half files", half, "1-6月", false, true},
		{"half files, 上半年", half, "上半年", false, true},
		{"a month", half, "6月", false, false},
		{"half files and a half's circular", half, "1-6月", true, false},
		{"half files, a rule of quarters", strings.Replace(half, `"half"`, `"quarter"`, 1), "1-6月", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			f["config.toml"] += c.rule
			movedMonth(f, "2023-06", c.period)
			if c.h1 {
				f["content/circulars/2023-h1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于测试的通报\"\ndate = 2023-07-05\ndata = \"2023-H1\"\n+++\n正文。\n"
			}
			got := warningsOf(t, f, "config.toml")
			w := want
			if c.period != "1-6月" {
				w = strings.Replace(want, `"1-6月"`, `"`+c.period+`"`, 1)
			}
			if c.warned && !slices.Equal(got, []string{w}) || !c.warned && len(got) > 0 {
				t.Errorf("warnings %q, want %v of %q", got, c.warned, w)
			}
		})
	}
}

// TestYearRuleOfYearFiles: an office that assesses once a year writes
// each year as data/2023-12.toml of period = "全年", whose circular
// (data = "2023-12") is the year's: a rule of period = "year" is warned
// of at its [[rule]] whether or not a circular of data = "2023" is there,
// and such a circular at its data =, for it aggregates that one file and
// publishes its ranking again. A site whose December is a month is not
// warned.
func TestYearRuleOfYearFiles(t *testing.T) {
	const rule = "\n[[rule]]\non = \"composite\"\nselect = \"first\"\nperiod = \"year\"\naction = \"奖励\"\namount = 20000\n"
	const ruleWarning = `config.toml:9:1: 警告：这条规则写了 period = "year"，只用于由各月数据汇总的年度通报（data = "2023" 这样的）；` +
		`本站每年一个数据文件（如 data/2023-12.toml 的 period 为 "全年"），报告它的通报（data = "2023-12"）就是年度通报，适用的是 period = "month" 的规则：删去 period 这一行`
	const circularWarning = `content/circulars/2023.md:5:1: 警告：本站每年一个数据文件，data = "2023" 汇总的只有 data/2023-12.toml 这一个文件，` +
		`与报告它的通报（data = "2023-12"）排名、奖惩相同，重复发布：年度通报写 data = "2023-12"`
	for _, c := range []struct {
		name      string
		rule      string
		period    string // of the month file
		aggregate bool   // a circular of data = "2023" too
		want      []string
	}{
		{"year files", rule, "全年", false, []string{ruleWarning}},
		{"year files and a year's circular", rule, "全年", true, []string{ruleWarning, circularWarning}},
		{"year files, a year's circular, no rule", "", "全年", true, []string{circularWarning}},
		{"a month", rule, "12月", true, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			f["config.toml"] += c.rule
			movedMonth(f, "2023-12", c.period)
			f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "2023-04-03", "2024-01-05", 1)
			if c.aggregate {
				f["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2024〕6号\"\ntitle = \"关于测试的通报\"\ndate = 2024-01-10\ndata = \"2023\"\n+++\n正文。\n"
			}
			got := warningsOf(t, f, "config.toml", "content/circulars/2023.md")
			if !slices.Equal(got, c.want) {
				t.Errorf("warnings\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// TestUnreportedQuarter: a file no circular reports is warned of in the
// office's words: 这个季度 to an office whose every file is a quarter,
// 这一期 to one of half years, 这个年度 to one of years, 这个月份 to a
// monthly one.
func TestUnreportedQuarter(t *testing.T) {
	for _, c := range []struct {
		periods [3]string
		keys    [3]string
		words   string
	}{
		{[3]string{"1-3月", "4-6月", "7-9月"}, [3]string{"2023-03", "2023-06", "2023-09"}, "这个季度"},
		{[3]string{"7-12月", "1-6月", "7-12月"}, [3]string{"2022-12", "2023-06", "2023-12"}, "这一期"},
		{[3]string{"全年", "全年", "全年"}, [3]string{"2021-12", "2022-12", "2023-12"}, "这个年度"},
		{[3]string{"1月", "2月", "3月"}, [3]string{"2023-01", "2023-02", "2023-03"}, "这个月份"},
	} {
		t.Run(c.words, func(t *testing.T) {
			f := miniSite()
			month, circular := f["data/2023-02.toml"], f["content/circulars/2023-02.md"]
			delete(f, "data/2023-02.toml")
			delete(f, "content/circulars/2023-02.md")
			for i, k := range c.keys {
				f["data/"+k+".toml"] = strings.Replace(month, `"1-2月"`, `"`+c.periods[i]+`"`, 1)
				if i != 1 {
					f["content/circulars/"+k+".md"] = strings.NewReplacer(`data = "2023-02"`, `data = "`+k+`"`, "2023-04-03", "2024-02-03", "5号", fmt.Sprintf("%d号", 5+i)).Replace(circular)
				}
			}
			s, err := Load(writeSite(t, f))
			if err != nil {
				t.Fatal(err)
			}
			want := "data/" + c.keys[1] + ".toml:1:1: 警告：没有通报报告" + c.words + "（data = \"" + c.keys[1] + "\"），它的名次仍在单位、指标页面、考核排名和开放数据中发布；如果它的通报删去了，这个数据文件也应删去或移出 data/"
			if got := warningLines(s); !slices.Contains(got, want) {
				t.Errorf("warnings %q lack %q", got, want)
			}
		})
	}
}

// TestQuarterFileWords: what check says of a file of a quarter speaks of
// the quarter: an empty [[result]] 这个季度不考核它, where it said 这个月
// of 2023年1-3月; a file of months says 这个月 as before.
func TestQuarterFileWords(t *testing.T) {
	for period, words := range map[string]string{"1-3月": "这个季度", "3月": "这个月", "1-12月": "这个年度"} {
		f := miniSite()
		key := "2023-03"
		if period == "1-12月" {
			key = "2023-12"
		}
		movedMonth(f, key, period)
		f["data/"+key+".toml"] = strings.Replace(f["data/"+key+".toml"]+"[[result]]\nindicator = \"caizheng\"\n", "[[result]]\nindicator = \"caizheng\"\ndistrict = 2\n", "", 1)
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "2023-04-03", "2024-01-05", 1)
		s, err := Load(writeSite(t, f))
		if err != nil {
			t.Fatal(err)
		}
		want := "警告：指标“财政收入”这一项什么也没有填写（得分、排名、进展都没有），通报中只会有它的标题；" + words + "不考核它，就删去这个 [[result]]"
		found := false
		for _, w := range s.Warnings {
			found = found || w.Msg == want
		}
		if !found {
			t.Errorf("%s: warnings %q lack %q", period, warningLines(s), want)
		}
	}
}

// A lone data/2023-03.toml of period = "1-3月" is a quarter's, and check
// words its empty [[result]] 这个季度; once the office's 1-2月 is beside
// it, the office is a monthly one writing its months cumulatively, the
// 1-3月 file March's report, and its words say 这个月 — through the
// preview's cache too, which read the file before as a quarter's — and
// check warns at config.toml that [assessment] period says which.
func TestCumulativeMonthWords(t *testing.T) {
	f := miniSite()
	f["data/2023-03.toml"] = strings.Replace(f["data/2023-02.toml"], `"1-2月"`, `"1-3月"`, 1) + "[[result]]\nindicator = \"caizheng\"\n"
	f["data/2023-03.toml"] = strings.Replace(f["data/2023-03.toml"], "[[result]]\nindicator = \"caizheng\"\ndistrict = 2\n", "", 1)
	f["content/circulars/2023-03.md"] = strings.NewReplacer(`data = "2023-02"`, `data = "2023-03"`, "〔2023〕5号", "〔2023〕6号", "2023-04-03", "2023-04-20").Replace(f["content/circulars/2023-02.md"])
	feb, febCirc := f["data/2023-02.toml"], f["content/circulars/2023-02.md"]
	delete(f, "data/2023-02.toml")
	delete(f, "content/circulars/2023-02.md")
	dir := writeSite(t, f)
	empty := func(words string) string {
		return "data/2023-03.toml:12:1: 警告：指标“财政收入”这一项什么也没有填写（得分、排名、进展都没有），通报中只会有它的标题；" + words + "不考核它，就删去这个 [[result]]"
	}
	mixed := `config.toml:1:1: 警告：数据文件的期别有的像是一个季度的（data/2023-03.toml 的 period 为 "1-3月"），有的不是（data/2023-02.toml 的 period 为 "1-2月"），本站就按每月考核读取，每个文件报告它那个月：` +
		`本站每月考核、期别写累计的月份的，在 config.toml 写 [assessment] period = "month"，不再提醒；本站每季度考核的，写 period = "quarter"，check 会指出期别不是季度的文件`
	var cache Cache
	s, err := LoadCached(dir, &cache)
	if err != nil {
		t.Fatal(err)
	}
	if got := warningLines(s); !slices.Contains(got, empty("这个季度")) || slices.Contains(got, mixed) {
		t.Errorf("the lone 1-3月: warnings %q\nwant %q and not the mixed periods'", got, empty("这个季度"))
	}
	for name, text := range map[string]string{"data/2023-02.toml": feb, "content/circulars/2023-02.md": febCirc} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []*Cache{&cache, nil} {
		s, err := LoadCached(dir, c)
		if err != nil {
			t.Fatal(err)
		}
		if got := warningLines(s); !slices.Contains(got, empty("这个月")) || !slices.Contains(got, mixed) {
			t.Errorf("cached %v: 1-2月 and 1-3月: warnings %q\nwant %q and %q", c != nil, got, empty("这个月"), mixed)
		}
	}
}

// monthAs is miniSite's month file (period = "1-2月") copied as the file
// of month n, whose period is that month: a copy that kept 1-2月 would be
// refused as naming other months.
func monthAs(src string, n int) string {
	return strings.Replace(src, `period = "1-2月"`, fmt.Sprintf(`period = "%d月"`, n), 1)
}

// TestLoadRefusesBinary: a file that is no text — a document or workbook
// saved under a text file's name, an image, an archive, compressed bytes
// — is told so at its start, with what it looks like when its first
// bytes say, and not that it is GBK or UTF-16; text in GBK, even with a
// stray control character, is still told it is GBK.
func TestLoadRefusesBinary(t *testing.T) {
	var zipped, gzipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(strings.Repeat("<w:t>关于区政府2023年1-2月“三重点”落实情况的通报</w:t>", 40)))
	zw.Close()
	gw := gzip.NewWriter(&gzipped)
	gw.Write([]byte(strings.Repeat(miniSite()["data/2023-02.toml"], 10)))
	gw.Close()
	// Bytes as compressed data has them, with no known first bytes.
	var noise []byte
	for i := 0; i < 600; i++ {
		noise = append(noise, byte(i*i*7+i*13+5))
	}
	const tail = "应是纯文本，用记事本等文本编辑器编写，以 UTF-8 保存；不要用 Word、WPS 或 Excel 保存它，也不要把别的文件改名为它"
	for _, c := range []struct{ file, body, want string }{
		{"config.toml", zipped.String(), "config.toml:1:1: 文件不是文本文件（看来是 ZIP 压缩包，或 Word、Excel、WPS 的 .docx、.xlsx 文档）：config.toml " + tail},
		{"config.toml", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "config.toml:1:1: 文件不是文本文件（看来是 Word、Excel 或 WPS 的旧格式文档（.doc、.xls、.wps））：config.toml " + tail},
		{"data/2023-02.toml", gzipped.String(), "data/2023-02.toml:1:1: 文件不是文本文件（看来是 gzip 压缩文件）：2023-02.toml " + tail},
		{"data/units.toml", "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", "data/units.toml:1:1: 文件不是文本文件（看来是 PNG 图片）：units.toml " + tail},
		{"content/about.md", string(noise), "content/about.md:1:1: 文件不是文本文件：about.md " + tail},
		// GBK with one stray control character is GBK still.
		{"content/about.md", "+++\ntitle = \"\xb9\xd8\xd3\xda\x07\"\n+++\n", "content/about.md:2:10: 文件不是 UTF-8 编码（多半是 GBK"},
	} {
		files := miniSite()
		files[c.file] = c.body
		_, err := Load(writeSite(t, files))
		var l diag.List
		if !errors.As(err, &l) {
			t.Fatalf("%s: want diagnostics, got %v", c.file, err)
		}
		var got []string
		for _, p := range l {
			if p.File == c.file {
				got = append(got, p.String())
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%s: got\n%s\nwant one line starting\n%s", c.file, strings.Join(got, "\n"), c.want)
		}
	}
	if utf16Text(gzipped.Bytes()) || utf16Text(noise) {
		t.Error("compressed bytes are taken for UTF-16")
	}
}

// keys are m's keys, sorted.
func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestExemptMonthOfNoPeriod: an office that assesses once a quarter (or
// half, or year) has a file for each period's last month alone, and a
// unit is exempted from a period by that month (exempt = ["2023-03"] of
// the first quarter). An exempt month within a quarter but not its last
// (2023-02) names no assessment: left alone it exempted the unit from
// nothing, and the quarter's file then asked for its scores. It is an
// error at the month, which names the month to write; a quarter's last
// month, one with no file yet, and any month of a monthly office are not.
func TestExemptMonthOfNoPeriod(t *testing.T) {
	for _, c := range []struct {
		name, assess, exempt, want string
	}{
		{"quarter, a month within", "quarter", "2023-02",
			`data/units.toml:10:11: exempt 中的 2023-02 不是一期考核：本站每季度考核一次（config.toml 的 [assessment] period = "quarter"），数据文件是每季度最后一个月的，2023-02 没有考核可免；免于2023年第一季度考核的，写 "2023-03"`},
		{"half, a month within", "half", "2023-08",
			`data/units.toml:10:11: exempt 中的 2023-08 不是一期考核：本站每半年考核一次（config.toml 的 [assessment] period = "half"），数据文件是每半年最后一个月的，2023-08 没有考核可免；免于2023年下半年考核的，写 "2023-12"`},
		{"year, a month within", "year", "2023-06",
			`data/units.toml:10:11: exempt 中的 2023-06 不是一期考核：本站每年考核一次（config.toml 的 [assessment] period = "year"），数据文件是每年度最后一个月的，2023-06 没有考核可免；免于2023年度考核的，写 "2023-12"`},
		{"quarter, a later quarter's last month", "quarter", "2023-06", ""},
		{"month", "month", "2023-01", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := miniSite()
			f["config.toml"] += "[assessment]\nperiod = \"" + c.assess + "\"\n"
			file, period := "2023-03", "1-3月"
			switch c.assess {
			case "month":
				file, period = "2023-02", "2月"
			case "half":
				file, period = "2023-06", "1-6月"
			case "year":
				file, period = "2023-12", "1-12月"
			}
			movedMonth(f, file, period)
			f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "2023-04-03", "2024-01-10", 1)
			f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\""+c.exempt+"\"]\n", 1)
			_, err := Load(writeSite(t, f))
			var got []string
			if err != nil {
				got = problems(err)
			}
			if c.want == "" && len(got) > 0 || c.want != "" && !slices.Equal(got, []string{c.want}) {
				t.Errorf("problems %q, want %q", got, c.want)
			}
		})
	}
}
