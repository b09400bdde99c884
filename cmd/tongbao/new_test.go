package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"tongbao/internal/site"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"
)

// sampleOwners reads the departments responsible for each of the
// repository's indicators from its indicators.toml.
func sampleOwners(t *testing.T) map[string][]string {
	t.Helper()
	var catalogue struct {
		Indicator []struct {
			ID     string
			Owners []string
		}
	}
	if _, err := toml.DecodeFile("../../data/indicators.toml", &catalogue); err != nil {
		t.Fatal(err)
	}
	owners := map[string][]string{}
	for _, ind := range catalogue.Indicator {
		if len(ind.Owners) > 0 {
			owners[ind.ID] = ind.Owners
		}
	}
	return owners
}

// sampleNames reads the name of each of the repository's indicators, by
// id: the diagnostics name an indicator as staff know it.
func sampleNames(t *testing.T) map[string]string {
	t.Helper()
	var catalogue struct {
		Indicator []struct{ ID, Name string }
	}
	if _, err := toml.DecodeFile("../../data/indicators.toml", &catalogue); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, ind := range catalogue.Indicator {
		names[ind.ID] = ind.Name
	}
	return names
}

// missingScores reads a month file written by `tongbao new` and returns
// the diagnostics check must give for it: for each real [result.townships]
// table, one per township line left commented, or one for the table when
// every line is (and there are several), which names the departments
// the repository's indicators.toml makes responsible for it.
func missingScores(t *testing.T, text string) []string {
	t.Helper()
	owners := map[string]string{}
	for id, names := range sampleOwners(t) {
		owners[id] = "，应由" + strings.Join(names, "、") + "填报"
	}
	indName := sampleNames(t)
	var want []string
	id, table, tableLine := "", false, 0
	var names []string // commented in the table
	filled := 0        // lines of the table filled
	end := func() {
		if table && filled == 0 && len(names) > 1 {
			want = append(want, fmt.Sprintf("data/2023-03.toml:%d:1: 指标“%s”缺少全部 %d 个乡镇（街道）的得分%s（本月不评分的指标，删去它的 [result.townships] 表）", tableLine, indName[id], len(names), owners[id]))
		} else if table {
			for _, n := range names {
				want = append(want, fmt.Sprintf("data/2023-03.toml:%d:1: 指标“%s”缺少乡镇（街道）“%s”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"%s\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"%s\"]", tableLine, indName[id], n, n, n))
			}
		}
		table, names, filled = false, nil, 0
	}
	indRE := regexp.MustCompile(`^indicator = "([^"]+)"`)
	townRE := regexp.MustCompile(`^# "([^"]+)" =`)
	for i, line := range strings.Split(text, "\n") {
		switch {
		case line == "[[result]]":
			end()
		case indRE.MatchString(line):
			id = indRE.FindStringSubmatch(line)[1]
		case strings.HasPrefix(line, "[result.townships]"):
			end()
			table, tableLine = true, i+1
		case strings.HasPrefix(line, "["):
			end()
		case table && townRE.MatchString(line):
			names = append(names, townRE.FindStringSubmatch(line)[1])
		case table && strings.HasPrefix(line, `"`):
			filled++
		}
	}
	end()
	return want
}

// fillScores gives every township line left to fill a score, and the
// circular its date and its narrative: what staff do after `tongbao new`.
func fillScores(t *testing.T, dir string) {
	t.Helper()
	fillTownships(t, dir, "2023-03")
	edit(t, dir, "content/circulars/2023-03.md", "# date   = YYYY-MM-DD", "date   = 2023-05-06")
	fillNarrative(t, dir)
}

// fillTownships gives every township left to fill in the month file a
// score.
func fillTownships(t *testing.T, dir, key string) {
	t.Helper()
	month := filepath.Join(dir, "data", key+".toml")
	b, err := os.ReadFile(month)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	table := false
	lines := strings.Split(string(b), "\n")
	townRE := regexp.MustCompile(`^# ("[^"]+") =.*$`)
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "[result.townships]"):
			table = true
		case strings.HasPrefix(line, "[") || strings.HasPrefix(line, "# ["):
			table = false
		case table && townRE.MatchString(line):
			n++
			lines[i] = townRE.ReplaceAllString(line, fmt.Sprintf("$1 = %.1f", 100-float64(n%13)*1.5))
		}
	}
	if n == 0 {
		t.Fatal("no township lines to fill")
	}
	os.WriteFile(month, []byte(strings.Join(lines, "\n")), 0o644)
}

// fillNarrative writes a sentence in each place the circular's draft
// left to fill (site.Placeholder).
func fillNarrative(t *testing.T, dir string) {
	t.Helper()
	name := filepath.Join(dir, "content", "circulars", "2023-03.md")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, bytes.ReplaceAll(b, []byte(site.Placeholder), []byte("各项工作有序推进。")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// placeholderLines returns the diagnostics check gives for the places a
// circular's draft (text, in file) leaves to fill: one for each
// site.Placeholder after the front matter, at its line and column 1,
// where the draft writes it, on a line of its own.
func placeholderLines(t *testing.T, file, text string) []string {
	t.Helper()
	var want []string
	fences := 0
	for i, line := range strings.Split(text, "\n") {
		if line == "+++" {
			fences++
			continue
		}
		if fences < 2 {
			continue
		}
		if line == site.Placeholder {
			want = append(want, fmt.Sprintf("%s:%d:1: “（待填写）”尚未填写：填上内容或删去这一行", file, i+1))
		} else if strings.Contains(line, site.Placeholder) {
			t.Fatalf("%s:%d: a placeholder not on a line of its own: %q", file, i+1, line)
		}
	}
	return want
}

func diagLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l != "" && !strings.HasPrefix(l, "tongbao:") {
			out = append(out, l)
		}
	}
	return out
}

// TestNewMonth is the acceptance case: new, then check names each
// missing value and exits 1; once they are filled, build succeeds.
func TestNewMonth(t *testing.T) {
	dir := sampleSiteCopy(t)
	code, out, errOut := runCmd("new", "2023-03", "-s", dir)
	if code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "data/2023-03.toml") || !strings.Contains(out, "content/circulars/2023-03.md") {
		t.Errorf("new does not say what it wrote: %q", out)
	}
	// The sample's indicators have owners: how to gather from them.
	if !strings.Contains(out, "\n由各责任单位填写的：运行 tongbao export 2023-03 分发 --departments，给每个单位各写一份只含其指标的工作簿，交回后运行 tongbao import 2023-03 交回的工作簿.xlsx… --merge\n") {
		t.Errorf("new does not say how the departments fill the month in: %q", out)
	}
	if !strings.HasSuffix(out, "\n这个月齐全之前，tongbao build 会因它尚缺的内容而失败；其间要发布其余页面（如更正已发的通报），运行 tongbao build --without 2023-03\n") {
		t.Errorf("new does not say how to publish meanwhile: %q", out)
	}
	monthB, err := os.ReadFile(filepath.Join(dir, "data", "2023-03.toml"))
	if err != nil {
		t.Fatal(err)
	}
	month := string(monthB)
	circB, err := os.ReadFile(filepath.Join(dir, "content", "circulars", "2023-03.md"))
	if err != nil {
		t.Fatal(err)
	}
	circ := string(circB)

	// Carried forward: the indicator set, the peer-group override, the
	// categories; the period is the single month.
	for _, want := range []string{
		`period      = "3月"`,
		`indicator = "jindu"`,
		`indicator = "chaoqi"`,
		`districtLabel = "四区"`,
		`districtUnits = 4`,
		"[categories]",
		`"三类" = ["双清公安分局", "区禁毒办"]`,
		`# city     =               # 上月：12`,
		// Last month's score as its circular printed it, to the
		// indicator's decimals: 85.0 (one), 88.90 (two), not 85, 88.9.
		`# "高崇山镇" =             # 上月：85.0` + "\n",
		`# "桥头街道" =             # 上月：88.90` + "\n",
	} {
		if !strings.Contains(month, want) {
			t.Errorf("month file lacks %q", want)
		}
	}
	if got, want := strings.Count(month, "[[result]]"), strings.Count(readSample(t, "data/2023-02.toml"), "[[result]]"); got != want {
		t.Errorf("month file has %d results, the previous month %d", got, want)
	}
	for _, want := range []string{
		`number = "双政办函〔2023〕15号"`,
		`title  = "关于区政府2023年3月“三重点”落实情况的通报"`,
		`data   = "2023-03"`,
		`format = "letter"`,
		"## 一、任务完成情况",
		`{{< indicators "重点项目" >}}`,
		`{{< city-bottom "全区“三重点工作”" >}}`,
		`{{< interviews "提醒约谈" >}}`,
		placeholder,
	} {
		if !strings.Contains(circ, want) {
			t.Errorf("circular lacks %q", want)
		}
	}
	if strings.Contains(circ, "经区政府研究") || strings.Contains(circ, "湖口井东路") || regexp.MustCompile(`(?m)^date`).MatchString(circ) {
		t.Error("circular carries narrative or a date over from the previous one")
	}

	// check names exactly each missing value.
	code, _, errOut = runCmd("check", "-s", dir)
	if code != 1 {
		t.Fatalf("check after new: exit %d, want 1", code)
	}
	want := missingScores(t, month)
	if len(want) < 10 || !strings.Contains(strings.Join(want, "\n"), "缺少全部 12 个乡镇（街道）的得分") {
		t.Fatalf("only %d tables of township scores left to fill:\n%s", len(want), strings.Join(want, "\n"))
	}
	// The date is at the draft's line 4, commented out for the clerk to
	// fill in: told there, not at the file's first line.
	if lines := strings.Split(circ, "\n"); len(lines) < 4 || !strings.HasPrefix(lines[3], "# date ") {
		t.Fatalf("the draft's line 4 is not its date, commented out:\n%s", circ)
	}
	want = append(want, "content/circulars/2023-03.md:4:1: 前置信息缺少“date”：这一行的 date 还是注释，填写后去掉行首的 #")
	// The narrative left to fill: the sample's draft has one place before
	// the first heading and one in its second section.
	narrative := placeholderLines(t, "content/circulars/2023-03.md", circ)
	if len(narrative) < 2 {
		t.Fatalf("the draft leaves %d places to fill:\n%s", len(narrative), circ)
	}
	want = append(want, narrative...)
	// And what the draft's shortcodes cannot show yet, as the preview
	// says over the draft: its composite, of no score given.
	rankingAt := slices.IndexFunc(strings.Split(circ, "\n"), func(l string) bool { return strings.HasPrefix(l, "{{< township-ranking") })
	want = append(want, fmt.Sprintf("content/circulars/2023-03.md:%d:1: 2023年3月没有乡镇（街道）得分，无法给出综合考核排名", rankingAt+1))
	// And warned, as the preview warns over the draft: no city rank is
	// in yet, and its {{< city-bottom >}} would say there is none.
	bottomAt := slices.IndexFunc(strings.Split(circ, "\n"), func(l string) bool { return strings.HasPrefix(l, "{{< city-bottom") })
	want = append(want, fmt.Sprintf("content/circulars/2023-03.md:%d:1: 警告：data/2023-03.toml 没有一项全市排名（overallCity、各项的 city、district 都没有填），这里会写出“本期没有排全市后三的单项目标。”：本地区没有全市排名的，请删去这个短代码，并在 config.toml 的 [ranking] 中写 cityRanks = false，以后新月份的文件和填报工作簿就不再列出全市排名；排名还没下发的，填好再发布", bottomAt+1))
	got := diagLines(errOut)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("check after new reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Filled in, the site builds, with the new circular.
	fillScores(t, dir)
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Fatalf("check after filling: exit %d\n%s", code, errOut)
	}
	pub := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCmd("build", "-s", dir, "-d", pub); code != 0 {
		t.Fatalf("build after filling: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(pub, "circulars", "2023", "15", "index.html")); err != nil {
		t.Error("the new circular was not built:", err)
	}

	// A second new refuses to overwrite, and changes nothing.
	before, _ := os.ReadFile(filepath.Join(dir, "data", "2023-03.toml"))
	code, _, errOut = runCmd("new", "-s", dir, "2023-03")
	if code != 1 || !strings.Contains(errOut, "已存在，不会覆盖") {
		t.Errorf("new over an existing month: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "data", "2023-03.toml")); string(after) != string(before) {
		t.Error("refused new changed the month file")
	}
}

// TestBuildWithoutMonthBeingGathered: while the month begun by new is
// being gathered, build and check fail and say how to go on without it;
// build --without then publishes exactly what the site without that
// month's file and circulars — a quarter's among them — publishes. A month
// whose circular is dated, or problems elsewhere, get no such advice.
func TestBuildWithoutMonthBeingGathered(t *testing.T) {
	before := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCmd("build", "-s", sampleSiteCopy(t), "-d", before); code != 0 {
		t.Fatalf("build of the sample: exit %d\n%s", code, errOut)
	}
	dir := sampleSiteCopy(t)
	if code, out, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	// A first-quarter circular, dated: it reports March too.
	quarter := "+++\nnumber = \"双政办函〔2023〕16号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-05-08\ndata = \"2023-Q1\"\n+++\n\n{{< township-ranking >}}\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "circulars", "2023-q1.md"), []byte(quarter), 0o644); err != nil {
		t.Fatal(err)
	}

	pub := filepath.Join(t.TempDir(), "public")
	code, _, errOut := runCmd("build", "-s", dir, "-d", pub)
	hint := "tongbao: 这些问题都在最新的 2023-03 的数据和通报中（这个月尚未齐全）；要先发布其余页面，运行 tongbao build -s " + dir + " -d " + pub + " --without 2023-03\n"
	// 16 tables of scores, the date, the places of the draft's
	// narrative, and its {{< township-ranking >}}, which no score given
	// yet ranks (as the preview's draft says).
	draft, err := os.ReadFile(filepath.Join(dir, "content", "circulars", "2023-03.md"))
	if err != nil {
		t.Fatal(err)
	}
	problems := 18 + len(placeholderLines(t, "content/circulars/2023-03.md", string(draft)))
	if code != 1 || !strings.HasSuffix(errOut, fmt.Sprintf("tongbao: 发现 %d 个问题，未写入任何文件\n", problems)+hint) {
		t.Fatalf("build while March is gathered: exit %d\n%s\nwant it to end with %d problems and\n%s", code, errOut, problems, hint)
	}
	// The advice, run as given.
	args := strings.Fields(strings.TrimPrefix(strings.TrimSuffix(hint, "\n"), "tongbao: 这些问题都在最新的 2023-03 的数据和通报中（这个月尚未齐全）；要先发布其余页面，运行 tongbao "))
	code, out, errOut := runCmd(args...)
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	if want := "tongbao: 未包含 2023-03 的数据和通报 content/circulars/2023-03.md、content/circulars/2023-q1.md（--without）\n"; !strings.HasSuffix(out, want) {
		t.Errorf("build --without says:\n%s\nwant it to end with:\n%s", out, want)
	}
	got, want := snapshot(t, pub), snapshot(t, before)
	paths := slices.Sorted(maps.Keys(got))
	for p := range want {
		if _, ok := got[p]; !ok {
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		if got[p] != want[p] {
			t.Errorf("build --without 2023-03: %s differs from the sample's build", p)
		}
	}

	code, _, errOut = runCmd("check", "-s", dir)
	if want := "tongbao: 这些问题都在最新的 2023-03 的数据和通报中（这个月尚未齐全）；要只检查其余部分，运行 tongbao check -s " + dir + " --without 2023-03\n"; code != 1 || !strings.HasSuffix(errOut, want) {
		t.Errorf("check: exit %d\n%s\nwant it to end with\n%s", code, errOut, want)
	}
	if code, _, errOut := runCmd("check", "-s", dir, "--without", "2023-03"); code != 0 {
		t.Errorf("check --without 2023-03: exit %d\n%s", code, errOut)
	}
	for _, c := range []struct{ month, want string }{
		{"2023-02", "tongbao: 只能略去最新的月份：2023-02 之后还有 data/2023-03.toml（略去较早的月份，其后各月与上月的比较就不对了）\n"},
		{"2023-04", "tongbao: 没有 data/2023-04.toml，无从略去 2023-04\n"},
		{"2023-3", "tongbao: “2023-3”不是月份（应写作 2023-03）\n"},
	} {
		if code, _, errOut := runCmd("check", "-s", dir, "--without", c.month); code != 1 || errOut != c.want {
			t.Errorf("check --without %s: exit %d, %q; want %q", c.month, code, errOut, c.want)
		}
	}

	// Its scores in, its circular dated: March is published, or about to
	// be, and a slip in it gets no advice to leave it out.
	fillScores(t, dir)
	edit(t, dir, "data/2023-03.toml", `period      = "3月"`, `period      = 3`)
	if code, _, errOut := runCmd("check", "-s", dir); code != 1 || !strings.Contains(errOut, "period") || strings.Contains(errOut, "--without") {
		t.Errorf("check with a slip in March, its circular dated: exit %d\n%s", code, errOut)
	}
	// Undated again, with a problem outside the month: none either.
	edit(t, dir, "content/circulars/2023-03.md", "date   = 2023-05-06", "# date =")
	edit(t, dir, "content/about.md", "title", "titel")
	if code, _, errOut := runCmd("check", "-s", dir); code != 1 || strings.Contains(errOut, "--without") {
		t.Errorf("check with a problem in about.md too: exit %d\n%s", code, errOut)
	}
}

func readSample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNewRefusesExistingCircular: the circular alone existing is enough
// to refuse, and then the month file is not written either.
func TestNewRefusesExistingCircular(t *testing.T) {
	dir := sampleSiteCopy(t)
	os.WriteFile(filepath.Join(dir, "content", "circulars", "2023-04.md"), []byte("draft"), 0o644)
	code, _, errOut := runCmd("new", "-s", dir, "2023-04")
	if code != 1 || !strings.Contains(errOut, "content/circulars/2023-04.md 已存在") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "2023-04.toml")); err == nil {
		t.Error("month file written although the circular exists")
	}
}

func TestNewUsage(t *testing.T) {
	dir := sampleSiteCopy(t)
	for _, args := range [][]string{
		{"new"},
		{"new", "-s", dir},
		{"new", "2023-13", "-s", dir},
		{"new", "2023-3", "-s", dir},
		{"new", "2023-03", "2023-04", "-s", dir},
	} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// A month written loosely is told as it should be written; one that
	// is none, by an example.
	for arg, want := range map[string]string{
		"2023-3":  "tongbao new: 月份“2023-3”格式不对，应为 YYYY-MM：写作 2023-03\n",
		"2023年3月": "tongbao new: 月份“2023年3月”格式不对，应为 YYYY-MM：写作 2023-03\n",
		"23-3":    "tongbao new: 月份“23-3”格式不对，应为 YYYY-MM，如 2023-03\n",
	} {
		if code, out, errOut := runCmd("new", arg, "-s", dir); code != 2 || out != "" || errOut != want {
			t.Errorf("new %s: exit %d, stdout %q, stderr %q; want 2 and %q", arg, code, out, errOut, want)
		}
	}
	if code, _, errOut := runCmd("import", "2023-3", "x.xlsx", "-s", dir); code != 2 || errOut != "tongbao import: 月份“2023-3”格式不对，应为 YYYY-MM：写作 2023-03\n" {
		t.Errorf("import 2023-3: exit %d, stderr %q", code, errOut)
	}
}

// TestNewQuarter: a quarter, half or year given to new — what a newcomer
// tries for the quarter's circular — is told that new makes months, and
// how such a circular is written instead; nothing is written.
func TestNewQuarter(t *testing.T) {
	dir := sampleSiteCopy(t)
	before, _ := os.ReadDir(filepath.Join(dir, "content", "circulars"))
	for arg, want := range map[string]string{
		"2024-Q1": `tongbao new: “2024-Q1”是季度：tongbao new 只新建月份。季度、半年和年度通报没有自己的数据文件，由各月的数据算出：在 content/circulars/ 中新建一个通报，前置信息写 data = "2024-Q1"，正文用 township-ranking、period-table 等短代码（见 docs/rules.md 的“季度、半年和年度”）`,
		"2024-H1": `tongbao new: “2024-H1”是半年：tongbao new 只新建月份。`,
		"2024":    `按年度考核、没有月度数据的机关，每年度一个数据文件，以最后一个月命名：tongbao new 2024-12，再把其中的 period 改为 "1-12月"（见 docs/rules.md 的“按年度考核的机关”）`,
		// An office that assesses once a quarter has no months: its
		// quarter is the file of its last month.
		"2024-Q3": `按季度考核、没有月度数据的机关，每季度一个数据文件，以最后一个月命名：tongbao new 2024-09，再把其中的 period 改为 "7-9月"`,
		"2024-H2": `按半年考核、没有月度数据的机关，每半年一个数据文件，以最后一个月命名：tongbao new 2024-12，再把其中的 period 改为 "7-12月"（见 docs/rules.md 的“按半年考核的机关”）`,
	} {
		code, _, errOut := runCmd("new", "-s", dir, arg)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("new %s: exit %d, %q; want 2 and %q", arg, code, errOut, want)
		}
	}
	if after, _ := os.ReadDir(filepath.Join(dir, "content", "circulars")); len(after) != len(before) {
		t.Errorf("content/circulars holds %d files, want the %d it had", len(after), len(before))
	}
}

// TestNewNextQuarter: an office assessing once a quarter writes each
// quarter as the file of its last month (period = "1-3月") and titles
// its circular 2024年第一季度. new drafts the next quarter as one: the
// months since the last file, as long a span as it (4-6月; after 10-12月
// the new year's 1-3月; 第三季度 after 第二季度), and the title's quarter
// moved on. So does it for an office assessing every half year (7-12月
// after 1-6月, the next year's 1-6月 after 7-12月, 下半年 after 上半年). After 1-2月, as the seed writes January and February
// together, March is 3月: the span is not a cadence.
func TestNewNextQuarter(t *testing.T) {
	for _, c := range []struct {
		prev, period, title, next string // the previous file and its label, its circular's title, the new file
		wantPeriod, wantTitle     string
	}{
		{"2024-03", "1-3月", "关于2024年第一季度重点工作落实情况的通报", "2024-06", "4-6月", "关于2024年第二季度重点工作落实情况的通报"},
		{"2024-12", "10-12月", "关于2024年第四季度重点工作落实情况的通报", "2025-03", "1-3月", "关于2025年第一季度重点工作落实情况的通报"},
		{"2024-06", "第二季度", "关于2024年第二季度重点工作落实情况的通报", "2024-09", "第三季度", "关于2024年第三季度重点工作落实情况的通报"},
		{"2024-06", "1-6月", "关于2024年上半年重点工作落实情况的通报", "2024-12", "7-12月", "关于2024年下半年重点工作落实情况的通报"},
		{"2024-12", "7-12月", "关于2024年下半年重点工作落实情况的通报", "2025-06", "1-6月", "关于2025年上半年重点工作落实情况的通报"},
		{"2024-06", "上半年", "关于2024年上半年重点工作落实情况的通报", "2024-12", "下半年", "关于2024年下半年重点工作落实情况的通报"},
		{"2024-12", "下半年度", "关于2024年下半年度重点工作落实情况的通报", "2025-06", "上半年度", "关于2025年上半年度重点工作落实情况的通报"},
		// An office assessing once a year: 1-12月 after 1-12月, 全年
		// after 全年, titled 2025年度 (not 2025年全年).
		{"2024-12", "1-12月", "关于2024年1-12月重点工作落实情况的通报", "2025-12", "1-12月", "关于2025年1-12月重点工作落实情况的通报"},
		{"2024-12", "全年", "关于2024年度重点工作落实情况的通报", "2025-12", "全年", "关于2025年度重点工作落实情况的通报"},
		// A half year's file followed by a quarter's is no cadence.
		{"2024-06", "1-6月", "关于2024年上半年重点工作落实情况的通报", "2024-09", "9月", "关于2024年上半年重点工作落实情况的通报"},
		{"2024-02", "1-2月", "关于2024年1-2月重点工作落实情况的通报", "2024-03", "3月", "关于2024年3月重点工作落实情况的通报"},
		{"2024-03", "1-3月", "关于2024年第一季度重点工作落实情况的通报", "2024-04", "4月", "关于2024年第一季度重点工作落实情况的通报"},
	} {
		t.Run(c.prev+c.period+"→"+c.next, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			if code, _, errOut := runCmd("init", dir); code != 0 {
				t.Fatalf("init: exit %d\n%s", code, errOut)
			}
			edit(t, dir, "data/2024-01.toml", `period      = "1月"`, `period      = "`+c.period+`"`)
			edit(t, dir, "content/circulars/2024-01.md", `title  = "关于2024年1月重点工作落实情况的通报"`, `title  = "`+c.title+`"`)
			edit(t, dir, "content/circulars/2024-01.md", `data   = "2024-01"`, `data   = "`+c.prev+`"`)
			edit(t, dir, "content/circulars/2024-01.md", `date   = 2024-02-20`, `date   = 2025-02-20`)
			if err := os.Rename(filepath.Join(dir, "data", "2024-01.toml"), filepath.Join(dir, "data", c.prev+".toml")); err != nil {
				t.Fatal(err)
			}
			if code, _, errOut := runCmd("new", "-s", dir, c.next); code != 0 {
				t.Fatalf("new: exit %d\n%s", code, errOut)
			}
			month, _ := os.ReadFile(filepath.Join(dir, "data", c.next+".toml"))
			if want := "\nperiod      = \"" + c.wantPeriod + "\"\n"; !strings.Contains(string(month), want) {
				t.Errorf("data/%s.toml lacks %q:\n%s", c.next, want, month)
			}
			// The notes name the file before as the office's pages do:
			// 上季度, 上期 (上半年 is January to June), and the fields' help
			// 本季度, 本期.
			before, this := "上月", "本月"
			switch c.period {
			case "1-3月", "10-12月", "第二季度":
				before, this = "上季度", "本季度"
			case "1-6月", "7-12月", "上半年", "下半年度":
				before, this = "上期", "本期"
			case "1-12月", "全年":
				before, this = "上年度", "本年度"
			}
			if !strings.Contains(string(month), "# "+before+"：") || !strings.Contains(string(month), this+"不涉及本项工作的单位") {
				t.Errorf("data/%s.toml lacks %s： and %s不涉及:\n%s", c.next, before, this, month)
			}
			if before != "上月" && (strings.Contains(string(month), "上月") || strings.Contains(string(month), "本月")) {
				t.Errorf("data/%s.toml speaks of months:\n%s", c.next, month)
			}
			circ, _ := os.ReadFile(filepath.Join(dir, "content", "circulars", c.next+".md"))
			if want := "\ntitle  = \"" + c.wantTitle + "\""; !strings.Contains(string(circ), want) {
				t.Errorf("the circular lacks %q:\n%s", want, circ)
			}
		})
	}
}

// TestNewFirstMonth: without a previous month every indicator is listed,
// and without a previous circular the 文号 is left to fill too.
func TestNewFirstMonth(t *testing.T) {
	dir := sampleSiteCopy(t)
	os.Remove(filepath.Join(dir, "data", "2023-02.toml"))
	os.Remove(filepath.Join(dir, "content", "circulars", "2023-02.md"))
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errOut)
	}
	month, _ := os.ReadFile(filepath.Join(dir, "data", "2023-03.toml"))
	if got, want := strings.Count(string(month), "[[result]]"), strings.Count(readSample(t, "data/indicators.toml"), "[[indicator]]"); got != want {
		t.Errorf("%d results, want one per indicator (%d)", got, want)
	}
	code, _, errOut := runCmd("check", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "缺少“number”") || !strings.Contains(errOut, "缺少“date”") || !strings.Contains(errOut, "指标“规模工业增加值”缺少全部 12 个乡镇（街道）的得分") {
		t.Errorf("check: exit %d\n%s", code, errOut)
	}
}

func TestSkeleton(t *testing.T) {
	body := "开头一段。\n第二行。\n\n## 一、标题2023年1-2月\n\n**（一）加粗。**叙述。\n\n另一段。\n\n{{< rewards >}}\n\n### （二）小标题\n\n| 表 | 格 |\n|---|---|\n"
	want := placeholder + "\n\n## 一、标题2023年3月\n\n" + placeholder + "\n\n{{< rewards >}}\n\n### （二）小标题\n\n" + placeholder + "\n"
	if got := skeleton(body, "2023年1-2月", "2023年3月"); got != want {
		t.Errorf("skeleton:\n%s\nwant:\n%s", got, want)
	}
}

func TestTOMLString(t *testing.T) {
	for in, want := range map[string]string{
		`东风路街道`:  `"东风路街道"`,
		`a"b\c`:  `"a\"b\\c"`,
		"x\ny\t": `"x\ny\t"`,
		"\x01":   `"\u0001"`,
	} {
		if got := site.Quote(in); got != want {
			t.Errorf("site.Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestNewAfterAnnualCircular: a month's circular follows the latest
// monthly one, not a year's (whose shortcodes a month does not take).
func TestNewAfterAnnualCircular(t *testing.T) {
	dir := sampleSiteCopy(t)
	annual := "+++\nnumber = \"双政办函〔2024〕1号\"\ntitle = \"关于2023年度考核情况的通报\"\ndate = 2024-01-20\ndata = \"2023\"\n+++\n\n## 年度排名\n\n{{< period-table >}}\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "circulars", "2023.md"), []byte(annual), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("new", "2024-01", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errOut)
	}
	circ, _ := os.ReadFile(filepath.Join(dir, "content", "circulars", "2024-01.md"))
	if strings.Contains(string(circ), "period-table") || !strings.Contains(string(circ), `{{< indicators "重点工作" >}}`) {
		t.Errorf("the new circular follows the annual one:\n%s", circ)
	}
}

// TestNewInOfficeWords: the month file new writes explains its keys in
// the office's words and numbers — its level above, how many units are
// ranked there, its peers — never by the config keys that set them.
func TestNewInOfficeWords(t *testing.T) {
	for _, c := range []struct {
		name   string
		config [][2]string // edits of config.toml
		want   []string
	}{
		{"the sample", nil, []string{
			"#   overallCity    全市综合排名：本地区在全市综合排名中的名次（1～12），可不填\n",
			"#   city           全市排名：本项在全市排名中的名次（1～12），可不填\n",
			"#   district       同级排名：本项在三区排名中的名次（1～3；本项写了 districtLabel、districtUnits 时以其为准），可不填\n",
			"#   notApplicable  不涉及的单位：本月不涉及本项工作的单位",
			`要写明原因的，把那一项写作 {township = "甲镇", reason = "本月无规模以上工业企业"}；`,
			// Beside it, the townships that did not report, and how the
			// office's rule ranks them, in words ([ranking] unreported
			// unwritten is "last").
			"不写则都涉及\n#   unreported     未报送的单位：本月应报送而未报送本项的单位，如 [\"甲镇\"]：它们不写得分（通报中得分处写“未报送”），仍参加本项排名，排在本项全部报送了的单位之后（几个未报送的并列），综合考核照此计入；要写明原因的，把那一项写作 {township = \"甲镇\", reason = \"逾期未报送\"}；须是本项参与排名的单位，不能又写在 notApplicable 中；写在 [result.townships] 之前；不写则都已报送\n#   townships      ",
			"# overallCity =            # 全市综合排名（待填写；上月：8）\n",
			// The waiver of a rule's measure is shown where the month is
			// edited, with the office's actions, 奖励 among them.
			"# [[waiver]]\n# unit   = \"\"              # 单位：规则对其采取措施的单位\n# action = \"\"              # 措施：规则得出的措施：“奖励”、“约谈”或“提醒约谈”\n",
			// Its reason's example names no office (经县政府研究 read
			// oddly in a 县委督查室's month file).
			"# reason = \"\"              # 原因：不予采取的原因，如“全力投入防汛救灾，经研究不予约谈”\n",
		}},
		{"an office that scores one not reported at the lowest", [][2]string{{"[ranking]\n", "[ranking]\nunreported = \"zero\"\n"}}, []string{
			"#   unreported     未报送的单位：本月应报送而未报送本项的单位，如 [\"甲镇\"]：它们不写得分（通报中得分处写“未报送”），仍参加本项排名，按本项的最低分（indicators.toml 的 min，不写为 0；越低越好的按 max）计分，综合考核照此计入；",
		}},
		{"an office a province ranks among 14", [][2]string{{`city       = "全市"`, `city       = "全省"`}, {"cityUnits     = 12", "cityUnits     = 14"}}, []string{
			"#   overallCity    全省综合排名：本地区在全省综合排名中的名次（1～14），可不填\n",
			"#   city           全省排名：本项在全省排名中的名次（1～14），可不填\n",
			"# overallCity =            # 全省综合排名（待填写；上月：8）\n",
			// A city's 督查室 ranks its 县市区, not 乡镇: the example of a
			// unit not concerned in a month names no kind of unit.
			"#   notApplicable  不涉及的单位：本月不涉及本项工作的单位（如当月没有规模以上工业企业），如 [\"甲镇\"]：",
		}},
	} {
		dir := sampleSiteCopy(t)
		for _, e := range c.config {
			edit(t, dir, "config.toml", e[0], e[1])
		}
		if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
			t.Fatalf("%s: new: %s", c.name, errOut)
		}
		month := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
		for _, w := range c.want {
			if !strings.Contains(month, w) {
				t.Errorf("%s: the month file lacks %q", c.name, w)
			}
		}
		if left := officePlaceholder.FindAllString(month, -1); left != nil {
			t.Errorf("%s: the month file says %q", c.name, left)
		}
		for _, no := range []string{"[terms]", "[ranking]", "上级", "的乡镇", "政府研究"} {
			if strings.Contains(month, no) {
				t.Errorf("%s: the month file says %q", c.name, no)
			}
		}
	}
}

// officePlaceholder matches a placeholder of the office's words left in
// a help text (site.Field.Help: {city}, {cityUnits}, {peer}…), which
// Config.Words replaces: a name in braces with nothing else, where a
// TOML inline table the help shows as an example ({township = "甲镇"})
// has its keys' = and values.
var officePlaceholder = regexp.MustCompile(`\{[A-Za-z]+\}`)

// TestOfficePlaceholder: what TestNewInOfficeWords takes for a
// placeholder left unreplaced, and what it does not.
func TestOfficePlaceholder(t *testing.T) {
	for text, want := range map[string][]string{
		"本项在{city}排名中的名次（1～{cityUnits}）":                        {"{city}", "{cityUnits}"},
		"每个参与排名的{unit}一个得分":                                     {"{unit}"},
		`把那一项写作 {township = "甲镇", reason = "本月无规模以上工业企业"}`:      nil,
		`exempt = ["2024-02", {month = "2024-03"}]，本项在{peer}排名`: {"{peer}"},
		"如 [\"甲镇\"]；{{< city-bottom >}}":                        nil,
	} {
		if got := officePlaceholder.FindAllString(text, -1); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
}

// TestNewCarriesRecord: a month's circular keeps the office's 主题分类,
// 联合发文机关, 附注, 抄送 and 印发机关 of the last, and leaves the 印发日期 and the attachments,
// which are the month's own, to fill in; filled, the circular publishes
// them.
func TestNewCarriesRecord(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "content/circulars/2023-02.md", "format = \"letter\"\n", `format = "file"
issuers = ["中共邵阳市双清区委办公室", "邵阳市双清区人民政府办公室"]
topic = "综合政务、督查"
note = "此件公开发布"
cc = "市政府办公室，区委办公室"
printer = "邵阳市双清区人民政府办公室秘书科"
printed = 2023-04-04
[[attachment]]
title = "2023年1-2月考核得分表"
file = "附件/2023-02.csv"
`)
	if err := os.MkdirAll(filepath.Join(dir, "content/circulars/附件"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2023-02.csv", "2023-03.csv"} {
		if err := os.WriteFile(filepath.Join(dir, "content/circulars/附件", name), []byte("单位,得分\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "content/circulars/2023-03.md"))
	if err != nil {
		t.Fatal(err)
	}
	front, _, _ := strings.Cut(strings.TrimPrefix(string(b), "+++\n"), "+++\n")
	for _, want := range []string{
		"format = \"file\"\n",
		"issuers = [\"中共邵阳市双清区委办公室\", \"邵阳市双清区人民政府办公室\"]\n",
		"topic  = \"综合政务、督查\"\n",
		"note   = \"此件公开发布\"\n",
		"cc     = \"市政府办公室，区委办公室\"\n",
		"printer = \"邵阳市双清区人民政府办公室秘书科\"\n",
		"# printed = YYYY-MM-DD",
		"# [[attachment]]\n# title = \"\"\n# file  = \"附件/\"\n",
	} {
		if !strings.Contains(front, want) {
			t.Errorf("the new circular's front matter lacks %q:\n%s", want, front)
		}
	}
	if strings.Contains(front, "2023年1-2月考核得分表") {
		t.Error("the new circular carries the last one's attachment")
	}

	// Filled in, as the comments say: the month's circular has its 印发
	// line and its attachment.
	fillScores(t, dir)
	edit(t, dir, "content/circulars/2023-03.md", "# printed = YYYY-MM-DD", "printed = 2023-05-07")
	edit(t, dir, "content/circulars/2023-03.md", "# [[attachment]]\n# title = \"\"\n# file  = \"附件/\"\n",
		"[[attachment]]\ntitle = \"2023年3月考核得分表\"\nfile  = \"附件/2023-03.csv\"\n")
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, errOut := runCmd("build", "-s", dir, "-d", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, errOut)
	}
	page, err := os.ReadFile(filepath.Join(out, "circulars/2023/15/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The letterhead's names carry where they may wrap (<wbr>), each part
	// in a span of its own (org-part).
	page = regexp.MustCompile(`<span class="org-part">([^<]*)</span>|<wbr>`).ReplaceAll(page, []byte("$1"))
	for _, want := range []string{
		`<span>邵阳市双清区人民政府办公室秘书科</span><span>2023年5月7日印发</span>`,
		`download="附件 2023年3月考核得分表.csv"`,
		`<p class="doc-note">（此件公开发布）</p>`,
		`<span class="doc-issuer-names"><span>中共邵阳市双清区委办公室</span><span>邵阳市双清区人民政府办公室</span></span>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("March's circular lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "circulars/2023/15/attachment-1.csv")); err != nil {
		t.Error(err)
	}
}

// TestNewLeavesOutTownshipsNotAssessed: the month file new writes asks for
// no score of a township abolished, merged or renamed before the month
// (units.toml until), and one of the township that continues it, which
// every indicator naming the first ranks.
func TestNewLeavesOutTownshipsNotAssessed(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "data/units.toml", "name = \"火车站乡\"\nslug = \"huochezhan\"\n",
		"name = \"火车站乡\"\nslug = \"huochezhan\"\nuntil = \"2023-02\"\nbecame = \"火车站镇\"\n[[township]]\nname = \"火车站镇\"\nslug = \"huochezhanzhen\"\nfrom = \"2023-03\"\n")
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	// 16 tables of scores: 15 of every township, one of 安置地自建房办证's
	// five, which names 火车站乡.
	if n := strings.Count(month, "\n# \"火车站镇\" ="); n != 16 || strings.Count(month, "火车站乡") != 16 {
		t.Errorf("the month file asks for 火车站镇 %d times (want 16) and names 火车站乡 %d times (want 16, in the notes of last month's scores)", n, strings.Count(month, "火车站乡"))
	}
	// 火车站乡's score of 2023-02 in 规模工业增加值 (gongye, the first
	// table): 95.6 in data/2023-02.toml.
	i := strings.Index(month, "\n# \"火车站镇\" =")
	if line, _, _ := strings.Cut(month[i+1:], "\n"); i < 0 || !strings.HasSuffix(line, "# 上月（火车站乡）：95.6") {
		t.Errorf("火车站镇's first line: %q, want last month's score of 火车站乡 noted", line)
	}
}

// TestNewFirstCircularFollowsTheOffice: with no circular to follow, new
// drafts one from the office's own terms — a part for each of its
// actions, in their order, and no 考核排类 when the month has none to
// list (a categories shortcode of nothing would not build) — and, filled
// in, it builds.
func TestNewFirstCircularFollowsTheOffice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCmd("init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	for _, f := range []string{"data/2024-01.toml", "content/circulars/2024-01.md"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, dir, "config.toml", `actions    = ["奖励", "约谈", "书面检查"]`, `actions    = ["约谈", "奖励", "书面检查"]`)
	if code, _, errOut := runCmd("new", "-s", dir, "2024-02"); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "content", "circulars", "2024-02.md"))
	if err != nil {
		t.Fatal(err)
	}
	circ := string(b)
	want := "## 四、考核奖惩\n\n### （一）约谈\n\n{{< interviews \"约谈\" >}}\n\n### （二）获奖单位\n\n{{< rewards >}}\n\n" +
		"### （三）书面检查\n\n{{< interviews \"书面检查\" >}}\n"
	if !strings.HasSuffix(circ, want) {
		t.Errorf("the draft does not end with the office's actions:\n%s", circ[strings.Index(circ, "## 三"):])
	}
	if strings.Contains(circ, "categories") || strings.Contains(circ, "考核排类") {
		t.Error("the draft lists 考核排类, which the month has none of")
	}

	fillTownships(t, dir, "2024-02")
	edit(t, dir, "content/circulars/2024-02.md", "# date   = YYYY-MM-DD", "date   = 2024-03-06")
	edit(t, dir, "content/circulars/2024-02.md", `# number = "〔2024〕1号"`, `number = "某政办函〔2024〕1号" #`)
	edit(t, dir, "content/circulars/2024-02.md", "\n"+placeholder+"\n", "\n本月督查发现的问题。\n")
	pub := filepath.Join(t.TempDir(), "public")
	if code, _, errOut := runCmd("build", "-s", dir, "-d", pub); code != 0 {
		t.Fatalf("build of the filled draft: exit %d\n%s", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(pub, "circulars", "2024", "1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`>（一）约谈</h3>\s*<p>[^<]+主要负责人（乡镇综合考核排名倒数第一）。</p>\s*<h3[^>]*>（二）获奖单位</h3>\s*<ol`).Match(page) {
		t.Error("the built circular lacks its parts of 约谈 and 获奖单位 in order")
	}
}

// TestNewAsksForANewIndicator: an indicator added to indicators.toml for
// a new 考核办法, which no month has assessed yet, is in the month file
// new writes, its scores to fill in, and scored in the workbook (本月评分
// 是), though last month has no result of it; filled in, it imports.
func TestNewAsksForANewIndicator(t *testing.T) {
	dir := sampleSiteCopy(t)
	f, err := os.OpenFile(filepath.Join(dir, "data", "indicators.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n[[indicator]]\nid = \"keji\"\nname = \"科技创新\"\nsection = \"重点任务\"\ntownships = \"all\"\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir, "--xlsx"); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	i := strings.Index(month, "indicator = \"keji\"")
	if i < 0 {
		t.Fatalf("the month file has no result of the new indicator:\n%s", month)
	}
	if rest, _, _ := strings.Cut(month[i:], "\n\n"); !strings.Contains(rest, "\n[result.townships]") || !strings.Contains(rest, "\n# \"汽车站街道\" =") {
		t.Errorf("the new indicator's scores are not asked for:\n%s", rest)
	}
	book := filepath.Join(dir, "data", "2023-03.xlsx")
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows(scoreSheet)
	x.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[1], "keji")
	if col < 0 || rows[2][col] != "是" {
		t.Fatalf("the workbook's keji column %d is not scored: %q", col, rows[2])
	}
	fillWorkbook(t, book)
	if code, _, errOut := runCmd("import", "2023-03", book, "-s", dir); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	month = readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	if i := strings.Index(month, "indicator = \"keji\""); i < 0 || !strings.Contains(month[i:], "\"汽车站街道\" = ") {
		t.Errorf("the imported month has no scores of keji:\n%s", month)
	}
}

// TestNewSaysTheMethodChanged: the month a new 考核办法 takes effect in,
// the month file new writes says so at its head — each indicator's
// change from it, each rule that starts or ended since last month — so
// that staff filling it in see what it is ranked by.
func TestNewSaysTheMethodChanged(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "data/indicators.toml", "rankingLabel = \"工业增加值和科技型中小企业入库工作综合\"\n",
		"rankingLabel = \"工业增加值和科技型中小企业入库工作综合\"\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 2\ndecimals = 0\n")
	f, err := os.OpenFile(filepath.Join(dir, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"分管负责人\"\nfrom = \"2023-03\"\n[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\nfrom = \"2023-03\"\n[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 1000\nuntil = \"2023-02\"\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2023-03.toml"))
	for _, want := range []string{
		"\n# 考核办法自本月起调整（data/indicators.toml 的 [[indicator.change]]）：规模工业增加值权重为2，得分保留0位小数。\n",
		"\n# 奖惩规则（config.toml 的 [[rule]]）：第4、5条自本月起适用；第6条已于2023年2月截止。\n",
	} {
		if !strings.Contains(month, want) {
			t.Errorf("the month file lacks %q:\n%s", want, month[:min(len(month), 800)])
		}
	}
}

// TestNewAddsAPartForANewAction: a rule of a new action from the new
// month on gets a part in the circular new drafts, after the last list of
// measures of the body it follows (the sample's 提醒约谈), headed as the
// parts before it and left to be titled — without it the circular would
// say nothing of the 书面检查 its month's rules decide. A rule that ended
// before the month, one of a quarter, or one in force in the month
// followed too (its measures unlisted there, written out by hand
// perhaps), adds none.
func TestNewAddsAPartForANewAction(t *testing.T) {
	dir := sampleSiteCopy(t)
	newActions(t, dir, `"书面检查", "通报批评"`, "\n[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\nfrom = \"2023-03\"\n"+
		"[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"通报批评\"\nuntil = \"2023-02\"\n"+
		"[[rule]]\non = \"composite\"\nperiod = \"quarter\"\nselect = \"last\"\naction = \"通报批评\"\n"+
		"[[rule]]\non = \"indicator\"\nindicator = \"gongye\"\nselect = \"last\"\naction = \"通报批评\"\n")
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	circ := readText(t, filepath.Join(dir, "content", "circulars", "2023-03.md"))
	want := "### （三）对以下1个单位分管领导给予提醒约谈\n\n{{< interviews \"提醒约谈\" >}}\n\n### （待填写）书面检查\n\n{{< measures \"书面检查\" >}}\n"
	if !strings.HasSuffix(circ, want) || strings.Contains(circ, "通报批评") {
		t.Errorf("the circular's end is not\n%s\nit is:\n%s", want, circ[max(0, len(circ)-400):])
	}
}

// TestNewAddsNoPartToABodyWrittenByHand: a body that lists its measures
// by hand, no shortcode of measures in it, keeps its own parts for them
// (left to fill) and gets no part for the actions of the rules — the
// sample's 奖励 and 约谈 would have had a second part each, a shortcode
// the office does not use under a heading to fill.
func TestNewAddsNoPartToABodyWrittenByHand(t *testing.T) {
	dir := sampleSiteCopy(t)
	edit(t, dir, "content/circulars/2023-02.md", "{{< rewards >}}", "奖励东风路街道5万元、区信访局3万元。")
	edit(t, dir, "content/circulars/2023-02.md", `{{< interviews "约谈" >}}`, "约谈火车站乡行政负责人。")
	edit(t, dir, "content/circulars/2023-02.md", `{{< interviews "提醒约谈" >}}`, "提醒约谈双清公安分局分管领导。")
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	circ := readText(t, filepath.Join(dir, "content", "circulars", "2023-03.md"))
	want := "### （二）对以下1个单位行政负责人给予约谈\n\n（待填写）\n\n### （三）对以下1个单位分管领导给予提醒约谈\n\n（待填写）\n"
	if !strings.HasSuffix(circ, want) {
		t.Errorf("the circular's end is not\n%s\nit is:\n%s", want, circ[max(0, len(circ)-400):])
	}
}

// TestNewAddsNoPartTwice: a part the circular followed put out with an
// HTML comment (书面检查's, written ahead of its rule) comes back in the
// draft — the skeleton keeps headings and shortcode lines, and the
// comment's marks are narrative — so the part for the action of the rule
// come into force is not added a second time after the last list of
// measures.
func TestNewAddsNoPartTwice(t *testing.T) {
	dir := sampleSiteCopy(t)
	newActions(t, dir, `"书面检查"`, "\n[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\nfrom = \"2023-03\"\n")
	edit(t, dir, filepath.Join("content", "circulars", "2023-02.md"), "{{< interviews \"提醒约谈\" >}}",
		"{{< interviews \"提醒约谈\" >}}\n\n<!--\n### （四）对以下单位给予书面检查\n\n{{< measures \"书面检查\" >}}\n-->")
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	circ := readText(t, filepath.Join(dir, "content", "circulars", "2023-03.md"))
	want := "### （三）对以下1个单位分管领导给予提醒约谈\n\n{{< interviews \"提醒约谈\" >}}\n\n（待填写）\n\n" +
		"### （四）对以下单位给予书面检查\n\n{{< measures \"书面检查\" >}}\n\n（待填写）\n"
	if !strings.HasSuffix(circ, want) || strings.Count(circ, "书面检查\" >}}") != 1 {
		t.Errorf("the circular's end is not\n%s\nit is:\n%s", want, circ[max(0, len(circ)-400):])
	}
}

// TestNewAddsAPartUnderParagraphHeads: where the parts of 考核奖惩 are
// headed by bold paragraphs (narrative to the skeleton, which leaves them
// to write), the part for a new action is headed by a paragraph left to
// write too, within 四、考核奖惩 — not by a heading of its level, a fifth
// section beside it.
func TestNewAddsAPartUnderParagraphHeads(t *testing.T) {
	dir := sampleSiteCopy(t)
	newActions(t, dir, `"书面检查"`, "\n[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\nfrom = \"2023-03\"\n")
	circ := filepath.Join("content", "circulars", "2023-02.md")
	edit(t, dir, circ, "### （一）“三重点”工作成效奖获奖单位", "**（一）“三重点”工作成效奖获奖单位**")
	edit(t, dir, circ, "### （二）对以下1个单位行政负责人给予约谈", "**（二）对以下1个单位行政负责人给予约谈**")
	edit(t, dir, circ, "### （三）对以下1个单位分管领导给予提醒约谈", "**（三）对以下1个单位分管领导给予提醒约谈**")
	if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	got := readText(t, filepath.Join(dir, "content", "circulars", "2023-03.md"))
	want := "## 四、考核奖惩\n\n（待填写）\n\n{{< rewards >}}\n\n（待填写）\n\n{{< interviews \"约谈\" >}}\n\n（待填写）\n\n" +
		"{{< interviews \"提醒约谈\" >}}\n\n（待填写）书面检查\n\n{{< measures \"书面检查\" >}}\n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("the circular's end is not\n%s\nit is:\n%s", want, got[max(0, len(got)-400):])
	}
}

// newActions adds actions (quoted and comma-separated, as config.toml
// writes them) to the sample's [terms] actions in the site in dir, and
// rules, [[rule]] tables, at the end of its config.toml.
func newActions(t *testing.T, dir, actions, rules string) {
	t.Helper()
	edit(t, dir, "config.toml", `"提醒约谈"]`, `"提醒约谈", `+actions+`]`)
	f, err := os.OpenFile(filepath.Join(dir, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(rules); err != nil {
		t.Fatal(err)
	}
}

// TestNewFirstCircularWithoutHigherRanks: the first circular of an office
// whose months carry no higher rank (a 县政府督查室 ranking departments)
// has no list of the higher ranks' bottom group, which would say 本期没有
// 排全省后三的单项目标 of ranks it is never given; one whose last month
// has them, has it.
func TestNewFirstCircularWithoutHigherRanks(t *testing.T) {
	for _, higher := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "site")
		if code, _, errOut := runCmd("init", dir); code != 0 {
			t.Fatalf("init: exit %d\n%s", code, errOut)
		}
		if err := os.Remove(filepath.Join(dir, "content", "circulars", "2024-01.md")); err != nil {
			t.Fatal(err)
		}
		if !higher {
			edit(t, dir, "data/2024-01.toml", "overallCity = 41", "")
			edit(t, dir, "data/2024-01.toml", "city      = 36", "")
			edit(t, dir, "data/2024-01.toml", "district  = 3", "")
			edit(t, dir, "data/2024-01.toml", "city      = 52", "")
			edit(t, dir, "data/2024-01.toml", "district  = 2", "")
			edit(t, dir, "data/2024-01.toml", "city      = 98", "")
		}
		if code, _, errOut := runCmd("new", "-s", dir, "2024-02"); code != 0 {
			t.Fatalf("new: exit %d\n%s", code, errOut)
		}
		b, err := os.ReadFile(filepath.Join(dir, "content", "circulars", "2024-02.md"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), "{{< city-bottom >}}"); got != higher {
			t.Errorf("higher ranks %v: the draft has city-bottom %v:\n%s", higher, got, b)
		}
	}
}

// newMarch is a copy of the sample site in which new has begun 2023-03,
// the draft circular's path and its lines.
func newMarch(t *testing.T) (dir, circular string, lines []string) {
	t.Helper()
	dir = sampleSiteCopy(t)
	if code, out, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	circular = filepath.Join(dir, "content", "circulars", "2023-03.md")
	text, err := os.ReadFile(circular)
	if err != nil {
		t.Fatal(err)
	}
	return dir, circular, strings.Split(string(text), "\n")
}

// TestCheckTellsDraftShortcode: a shortcode misspelt in the circular of
// the month begun by new is told by check (and build) with the scores
// still to come, at its line, as the preview tells it: check used to say
// nothing of it until the month was complete and dated, so that the list
// of what remained, which new points to, was one short.
func TestCheckTellsDraftShortcode(t *testing.T) {
	dir, circular, lines := newMarch(t)
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "{{< township-ranking") })
	if at < 0 {
		t.Fatal("new's circular no longer has {{< township-ranking >}}")
	}
	lines[at] = strings.Replace(lines[at], "township-ranking", "townshp-ranking", 1)
	if err := os.WriteFile(circular, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("content/circulars/2023-03.md:%d:1: 未知短代码“townshp-ranking”，是否为“township-ranking”？\n", at+1)
	for _, cmd := range [][]string{{"check", "-s", dir}, {"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public")}} {
		code, _, errOut := runCmd(cmd...)
		if code != 1 || strings.Count(errOut, want) != 1 || !strings.Contains(errOut, "这些问题都在最新的 2023-03 的数据和通报中") {
			t.Errorf("%s: exit %d\n%s\nwant once:\n%s", cmd[0], code, errOut, want)
		}
	}
}

// initWithoutMonths is a site of tongbao init without its month and
// circular: an office about to begin its first month.
func initWithoutMonths(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCmd("init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	for _, f := range []string{"content/circulars/2024-01.md", "data/2024-01.toml"} {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNewFirstMonthWithoutHigherRanks: an office's first month, with no
// month before it to show what it is given, follows config.toml: one
// that says it has no rank from above ([ranking] cityRanks and
// districtRanks false) is asked for none in the month file or the
// workbook, and its first circular has no city-bottom; one that says
// nothing is asked for both (nothing is known yet), as before.
func TestNewFirstMonthWithoutHigherRanks(t *testing.T) {
	for _, higher := range []bool{false, true} {
		dir := initWithoutMonths(t)
		if !higher {
			edit(t, dir, "config.toml", "# cityRanks     = false", "cityRanks     = false")
			edit(t, dir, "config.toml", "# districtRanks = false", "districtRanks = false")
		}
		if code, _, errOut := runCmd("new", "-s", dir, "2024-02", "--xlsx"); code != 0 {
			t.Fatalf("new: exit %d\n%s", code, errOut)
		}
		circular, err := os.ReadFile(filepath.Join(dir, "content", "circulars", "2024-02.md"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(circular), "{{< city-bottom >}}"); got != higher {
			t.Errorf("higher ranks %v: the draft has city-bottom %v:\n%s", higher, got, circular)
		}
		month, err := os.ReadFile(filepath.Join(dir, "data", "2024-02.toml"))
		if err != nil {
			t.Fatal(err)
		}
		// Asked for, each is a key to uncomment (and explained at the top).
		for _, key := range []string{"overallCity", "city", "district"} {
			asked := regexp.MustCompile(`(?m)^# ` + key + ` +=`).Match(month)
			if asked != higher {
				t.Errorf("higher ranks %v: the month file asks for %s %v:\n%s", higher, key, asked, month)
			}
		}
		book, err := excelize.OpenFile(filepath.Join(dir, "data", "2024-02.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := book.GetRows("考核结果")
		book.Close()
		want := []string{"栏目", "指标", "指标 id", "本月通报", "进展情况"}
		if higher {
			want = []string{"栏目", "指标", "指标 id", "本月通报", "全省排名", "全省并列", "同级排名", "同级并列", "同级排名名称", "同级单位数", "进展情况"}
		}
		if !slices.Equal(rows[0], want) {
			t.Errorf("higher ranks %v: the workbook's 考核结果 columns %q, want %q", higher, rows[0], want)
		}
	}
}

// TestNewWithoutDepartments: an office with no [[department]] (a
// 督查室 ranking its townships, no indicator owned) is not asked for 考核排类
// it has nothing to sort into: neither the month file new writes nor its
// workbook has them, and the workbook, filled, imports. One with
// departments is asked, in both. Nor is it told to hand the workbook out
// to departments, by new or by the workbook's 说明: only to fill it in and
// import it; one whose indicators have owners is told both.
func TestNewWithoutDepartments(t *testing.T) {
	for _, departments := range []bool{false, true} {
		dir := initWithoutMonths(t)
		if !departments {
			units, err := os.ReadFile(filepath.Join(dir, "data", "units.toml"))
			if err != nil {
				t.Fatal(err)
			}
			kept, _, _ := bytes.Cut(units, []byte("\n[[department]]"))
			inds, err := os.ReadFile(filepath.Join(dir, "data", "indicators.toml"))
			if err != nil {
				t.Fatal(err)
			}
			inds = regexp.MustCompile(`(?m)^owners .*\n`).ReplaceAll(inds, nil)
			for f, b := range map[string][]byte{"units.toml": kept, "indicators.toml": inds} {
				if err := os.WriteFile(filepath.Join(dir, "data", f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		code, out, errOut := runCmd("new", "-s", dir, "2024-02", "--xlsx")
		if code != 0 {
			t.Fatalf("departments %v: new: exit %d\n%s", departments, code, errOut)
		}
		const fill = "tongbao: 已创建填报工作簿 data/2024-02.xlsx：填好后运行 tongbao import 2024-02 data/2024-02.xlsx，以其内容替换 data/2024-02.toml\n"
		if !strings.Contains(out, fill) {
			t.Errorf("departments %v: new does not say how to import the workbook:\n%s", departments, out)
		}
		const handOut = "分发给各部门填写的：可发出这个工作簿，或运行 tongbao export 2024-02 分发 --departments"
		if told := strings.Contains(out, "分发") || strings.Contains(out, "--merge"); told != departments || departments && !strings.Contains(out, handOut) {
			t.Errorf("departments %v: new tells of handing the workbook out %v:\n%s", departments, told, out)
		}
		month, err := os.ReadFile(filepath.Join(dir, "data", "2024-02.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if asked := bytes.Contains(month, []byte("# [categories]")); asked != departments {
			t.Errorf("departments %v: the month file asks for categories %v:\n%s", departments, asked, month)
		}
		if bytes.Contains(month, []byte("\n\n\n")) {
			t.Errorf("departments %v: the month file has two empty lines running:\n%s", departments, month)
		}
		book, err := excelize.OpenFile(filepath.Join(dir, "data", "2024-02.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		sheets := book.GetSheetList()
		readme, _ := book.GetRows("说明")
		var handed, imported bool
		for _, r := range readme {
			if len(r) == 0 {
				continue
			}
			handed = handed || strings.HasPrefix(r[0], "分发给各部门时：") || strings.Contains(r[0], "--merge")
			imported = imported || strings.HasPrefix(r[0], "填好后运行：tongbao import 2024-02 本文件.xlsx。")
		}
		if handed != departments || !imported {
			t.Errorf("departments %v: the workbook's 说明 tells of handing it out %v, of importing it %v: %q", departments, handed, imported, readme)
		}
		if departments {
			book.Close()
			if !slices.Contains(sheets, "考核排类") {
				t.Errorf("with departments, the workbook's sheets %q lack 考核排类", sheets)
			}
			continue
		}
		if slices.Contains(sheets, "考核排类") || strings.Contains(fmt.Sprint(readme), "考核排类") {
			t.Errorf("without departments, the workbook has 考核排类: sheets %q, 说明 %q", sheets, readme)
		}
		// 甲镇 2, 乙镇 3, … in each column its township is ranked in (白色).
		rows, _ := book.GetRows("乡镇得分")
		for r := 3; r < len(rows); r++ {
			for c := 2; c <= len(rows[0]); c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r+1)
				if style, _ := book.GetCellStyle("乡镇得分", ref); style != 0 {
					if locked, _ := book.GetStyle(style); locked.Protection != nil && locked.Protection.Locked {
						continue
					}
				}
				book.SetCellValue("乡镇得分", ref, r)
			}
		}
		filled := filepath.Join(t.TempDir(), "filled.xlsx")
		if err := book.SaveAs(filled); err != nil {
			t.Fatal(err)
		}
		book.Close()
		if code, out, errOut := runCmd("import", "-s", dir, "2024-02", filled); code != 0 {
			t.Errorf("the filled workbook without 考核排类: import exit %d\n%s%s", code, out, errOut)
		}
	}
}

// TestCheckTellsDraftWarnings: what the preview warns of over the draft
// of a month being gathered — a link to a file not there, a picture
// without its file or its text — check and build tell too, once each, at
// the place in the draft, beside the month's problems: they said nothing
// of it until the month was complete, and the broken link went out with
// the circular if no one had the preview open.
func TestCheckTellsDraftWarnings(t *testing.T) {
	dir, circular, lines := newMarch(t)
	at := slices.Index(lines, "## 一、任务完成情况")
	if at < 0 {
		t.Fatal("new's circular no longer has its heading 一、任务完成情况")
	}
	lines = slices.Insert(lines, at, "详见[附件](files/附件1.xlsx)。", "", "![](files/现场.png)", "")
	if err := os.WriteFile(circular, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	// And a page published already has a link of its own broken: told
	// as the preview tells it beside the month's problems.
	if err := os.WriteFile(filepath.Join(dir, "content", "notice.md"), []byte("+++\ntitle = \"说明\"\n+++\n\n见[表](files/表.xlsx)。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A score of the month being gathered written as text, as one
	// pasted from a spreadsheet comes: warned of while the month is
	// gathered, not first when it is complete.
	monthFile := filepath.Join(dir, "data", "2023-03.toml")
	month, err := os.ReadFile(monthFile)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(string(month), "\n")
	scoreRE := regexp.MustCompile(`^# "([^"]+)" +=`)
	quoted := slices.IndexFunc(rows, scoreRE.MatchString)
	if quoted < 0 {
		t.Fatalf("new's month file has no score to fill:\n%s", month)
	}
	name := scoreRE.FindStringSubmatch(rows[quoted])[1]
	rows[quoted] = `"` + name + `" = "93.2"`
	if err := os.WriteFile(monthFile, []byte(strings.Join(rows, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	link, picture := at+1, at+3 // lines from 1
	want := []string{
		fmt.Sprintf(`data/2023-03.toml:%d:1: 警告：%s的得分 "93.2" 带引号，是文字而不是数；已按 93.2 读取，请去掉引号，写作 "%s" = 93.2`, quoted+1, name, name),
		"content/notice.md:5:2: 警告：链接的文件 content/files/表.xlsx 不存在，这个链接会失效",
		fmt.Sprintf("content/circulars/2023-03.md:%d:3: 警告：链接的文件 content/circulars/files/附件1.xlsx 不存在，这个链接会失效", link),
		fmt.Sprintf("content/circulars/2023-03.md:%d:1: 警告：图片没有说明文字，读屏软件读不出它的内容；请在方括号中写上，如 ![图片内容的说明](files/现场.png)", picture),
		fmt.Sprintf("content/circulars/2023-03.md:%d:1: 警告：图片的文件 content/circulars/files/现场.png 不存在，页面上不会显示", picture),
	}
	for _, cmd := range [][]string{{"check", "-s", dir}, {"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public")}} {
		code, _, errOut := runCmd(cmd...)
		if code != 1 || !strings.Contains(errOut, "这些问题都在最新的 2023-03 的数据和通报中") {
			t.Errorf("%s: exit %d\n%s\nwant 1, the month being gathered", cmd[0], code, errOut)
		}
		got := strings.Split(errOut, "\n")
		for _, w := range want {
			if n := slices.Index(got, w); n < 0 || slices.Index(got[n+1:], w) >= 0 {
				t.Errorf("%s: want once %q, got:\n%s", cmd[0], w, errOut)
			}
		}
	}
	// Mended, it is said no more.
	if err := os.MkdirAll(filepath.Join(dir, "content", "circulars", "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "circulars", "files", "附件1.xlsx"), []byte("PK"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errOut := runCmd("check", "-s", dir); strings.Contains(errOut, want[2]) || !strings.Contains(errOut, want[4]) {
		t.Errorf("附件1.xlsx added: %s\nwant the link no longer told, the picture still", errOut)
	}
}

// TestNewSaysNotApplicable: a township an indicator did not apply to last
// month (不涉及) has its line of the new month say so, with the reason,
// where it had no note and read as a score forgotten.
func TestNewSaysNotApplicable(t *testing.T) {
	dir := initSite(t)
	edit(t, dir, "data/2024-01.toml", "progress  = \"受理信访事项21件，办结率100%。\"\n", "progress  = \"受理信访事项21件，办结率100%。\"\nnotApplicable = [{township = \"己乡\", reason = \"本月无信访事项\"}]\n")
	edit(t, dir, "data/2024-01.toml", "\"己乡\" = 1\n", "")
	if code, _, errOut := runSafely(t, "new", "2024-02", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d: %s", code, errOut)
	}
	month := readText(t, filepath.Join(dir, "data/2024-02.toml"))
	block := month[strings.Index(month, `indicator = "xinfang"`):]
	block = block[:strings.Index(block, "[[result]]")]
	// The notes stand where the file's column of notes is: the spaces
	// before them are not what is held here. 信访总量, counted in 件, is
	// written whole (decimals = 0).
	for _, want := range []string{
		`(?m)^# "戊乡" = +# 上月：6$`,
		`(?m)^# "己乡" = +# 上月：不涉及（本月无信访事项）$`,
	} {
		if !regexp.MustCompile(want).MatchString(block) {
			t.Errorf("信访总量 of 2024-02 lacks %s:\n%s", want, block)
		}
	}
}

// TestNewDeduct: a 扣分制 office's next month asks for the counts, not
// for the scores derived from them (deduct): after April, whose
// 信访稳定 and 群众满意 held nothing but the derived scores, they have no
// [[result]] at all; after March, whose 信访稳定 had a progress text, it
// has one for that text, without a table of scores; a count's table asks
// for 件数, not 得分. The month filled in with counts only is complete:
// check finds nothing missing.
func TestNewDeduct(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/offices/deduct")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "expected.toml"))
	if code, out, errOut := runCmd("new", "2025-05", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "data", "2025-05.toml"))
	month := string(b)
	for _, id := range []string{"gongzuo", "xinfang", "tousu"} {
		if !strings.Contains(month, `indicator = "`+id+`"`) {
			t.Errorf("no [[result]] of %s:\n%s", id, month)
		}
	}
	for _, id := range []string{"xinfang-df", "tousu-df"} {
		if strings.Contains(month, `indicator = "`+id+`"`) {
			t.Errorf("a [[result]] of the derived %s:\n%s", id, month)
		}
	}
	// A count's table asks for 件数, a score's for 得分: 工作落实, then
	// 信访件数 and 群众投诉件数 (scoreUnit 件).
	if got := strings.Count(month, "[result.townships]         # 件数（待填写）"); got != 2 || !strings.Contains(month, "[result.townships]         # 得分（待填写）") {
		t.Errorf("%d tables of counts ask for 件数, want 2; 工作落实's asks for 得分:\n%s", got, month)
	}
	// Filled in: the counts and 工作落实, as staff would.
	filled := `period = "5月"
[[result]]
indicator = "gongzuo"
[result.townships]
"县发改局" = 36
"县财政局" = 35
"县教育局" = 37
"县公安局" = 34
"县民政局" = 36
"县住建局" = 30
[[result]]
indicator = "xinfang"
[result.townships]
"县发改局" = 0
"县财政局" = 0
"县教育局" = 1
"县公安局" = 2
"县民政局" = 0
"县住建局" = 4
[[result]]
indicator = "tousu"
[result.townships]
"县发改局" = 1
"县财政局" = 2
"县教育局" = 0
"县公安局" = 3
"县民政局" = 1
"县住建局" = 4
`
	os.WriteFile(filepath.Join(dir, "data", "2025-05.toml"), []byte(filled), 0o644)
	os.Remove(filepath.Join(dir, "content", "circulars", "2025-05.md"))
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Errorf("check of the counts alone: exit %d\n%s", code, errOut)
	}

	// After March: 信访稳定's progress is asked for again, its scores not.
	os.Remove(filepath.Join(dir, "data", "2025-05.toml"))
	os.Remove(filepath.Join(dir, "data", "2025-04.toml"))
	os.Remove(filepath.Join(dir, "content", "circulars", "2025-04.md"))
	if code, out, errOut := runCmd("new", "2025-04", "-s", dir); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	b, _ = os.ReadFile(filepath.Join(dir, "data", "2025-04.toml"))
	month = string(b)
	i := strings.Index(month, `indicator = "xinfang-df"`)
	j := strings.Index(month, `indicator = "xinfang"`)
	if i < 0 || j < i || !strings.Contains(month[i:j], "progress") || strings.Contains(month[i:j], "[result.townships]") {
		t.Errorf("信访稳定 after March is not its progress alone:\n%s", month)
	}
	if strings.Contains(month, `indicator = "tousu-df"`) {
		t.Errorf("a [[result]] of the derived tousu-df:\n%s", month)
	}
}

// TestNewSaysThePerChanged: the 扣分制 office raises 群众满意's
// deduction from 0.5 to 1 a 件 of 群众投诉 from May and renames 信访稳定
// 信访工作 then. The May file new writes says both, not the bare names
// 群众满意 and 信访稳定 that said nothing of what changed.
func TestNewSaysThePerChanged(t *testing.T) {
	dir := officeCopy(t, "deduct")
	os.Remove(filepath.Join(dir, "expected.toml"))
	edit(t, dir, "data/indicators.toml", "deduct    = [{ indicator = \"tousu\", per = 0.5 }]   # 每件投诉扣0.5分\n",
		"deduct    = [{ indicator = \"tousu\", per = 0.5 }]   # 每件投诉扣0.5分\n[[indicator.change]]\nfrom = \"2025-05\"\ndeduct = [{ indicator = \"tousu\", per = 1 }]\n")
	edit(t, dir, "data/indicators.toml", "deduct    = [{ indicator = \"xinfang\", per = 1 }]   # 每件信访扣1分，扣完为止（不写 min：不低于 0）\n",
		"deduct    = [{ indicator = \"xinfang\", per = 1 }]   # 每件信访扣1分，扣完为止（不写 min：不低于 0）\n[[indicator.change]]\nfrom = \"2025-05\"\nname = \"信访工作\"\n")
	if code, _, errOut := runCmd("new", "2025-05", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2025-05.toml"))
	if want := "\n# 考核办法自本月起调整（data/indicators.toml 的 [[indicator.change]]）：信访稳定改称“信访工作”；群众满意扣分标准改为群众投诉件数每件扣1分。\n"; !strings.Contains(month, want) {
		t.Errorf("the month file lacks %q:\n%s", want, month[:min(len(month), 800)])
	}
}

// TestNewSaysTheMaxChanged: from May the office scores 工作落实 out of
// 35 points, not 40, and 群众满意 out of 15 with no less than 2. The May
// file new writes says so, the old 满分 beside the new, as the staff
// who score against it need to know.
func TestNewSaysTheMaxChanged(t *testing.T) {
	dir := officeCopy(t, "deduct")
	os.Remove(filepath.Join(dir, "expected.toml"))
	edit(t, dir, "data/indicators.toml", "max       = 40\ndecimals  = 1\n",
		"max       = 40\ndecimals  = 1\n[[indicator.change]]\nfrom = \"2025-05\"\nmax = 35\n")
	edit(t, dir, "data/indicators.toml", "deduct    = [{ indicator = \"tousu\", per = 0.5 }]   # 每件投诉扣0.5分\n",
		"deduct    = [{ indicator = \"tousu\", per = 0.5 }]   # 每件投诉扣0.5分\n[[indicator.change]]\nfrom = \"2025-05\"\nmax = 15\nmin = 2\n")
	if code, _, errOut := runCmd("new", "2025-05", "-s", dir); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	month := readText(t, filepath.Join(dir, "data", "2025-05.toml"))
	if want := "\n# 考核办法自本月起调整（data/indicators.toml 的 [[indicator.change]]）：工作落实满分由40分改为35分；群众满意满分由10分改为15分，最低分由0分改为2分。\n"; !strings.Contains(month, want) {
		t.Errorf("the month file lacks %q:\n%s", want, month[:min(len(month), 800)])
	}
}

// gradeFrom is a [[grade]] of the sample's composite in force for the
// months of span (from = "2023-03", until = "2023-02").
func gradeFrom(span string) string {
	return "\n[[grade]]\non = \"composite\"\n" + span + "\n[[grade.level]]\nname = \"优秀\"\natLeast = 90\n[[grade.level]]\nname = \"合格\"\n"
}

// TestNewDraftsGrades: a month a [[grade]] grades gets {{< grades >}} in
// the circular new drafts, after the composite ranking it grades — the
// circular followed (the sample's February, graded by none) lists no
// levels, and the draft would publish a month graded and silent on it —
// and so does a first circular, drafted from no other. A month graded by
// none (the [[grade]] ended in February) loses the list of levels the
// circular followed carried, which would say 本期未评定等次.
func TestNewDraftsGrades(t *testing.T) {
	const ranking = "### （一）乡镇（街道）综合考核排名\n\n{{< township-ranking >}}\n\n"
	for _, c := range []struct {
		name, grade string
		listed      bool // February's circular lists the levels
		first       bool // no month before
		want        string
	}{
		{"graded from March", gradeFrom("from = \"2023-03\""), false, false, ranking + "{{< grades >}}\n\n### （二）市、区级“三重点”综合考核排类\n"},
		{"graded, listed already", gradeFrom(""), true, false, ranking + "{{< grades >}}\n\n### （二）市、区级“三重点”综合考核排类\n"},
		{"graded no more", gradeFrom("until = \"2023-02\""), true, false, ranking + "### （二）市、区级“三重点”综合考核排类\n"},
		{"not graded", "", false, false, ranking + "### （二）市、区级“三重点”综合考核排类\n"},
		{"first circular, graded", gradeFrom(""), false, true, "### （一）乡镇（街道）综合考核排名\n\n{{< township-ranking >}}\n\n{{< grades >}}\n\n## 四、考核奖惩\n"},
	} {
		dir := sampleSiteCopy(t)
		edit(t, dir, "config.toml", "[terms]", c.grade+"\n[terms]")
		if c.listed {
			edit(t, dir, filepath.Join("content", "circulars", "2023-02.md"), "{{< township-ranking >}}", "{{< township-ranking >}}\n\n{{< grades >}}")
		}
		if c.first {
			os.Remove(filepath.Join(dir, "data", "2023-02.toml"))
			os.Remove(filepath.Join(dir, "content", "circulars", "2023-02.md"))
		}
		if code, _, errOut := runCmd("new", "2023-03", "-s", dir); code != 0 {
			t.Fatalf("%s: new: %s", c.name, errOut)
		}
		got := readText(t, filepath.Join(dir, "content", "circulars", "2023-03.md"))
		if !strings.Contains(got, c.want) || strings.Count(got, "{{< grades") != strings.Count(c.want, "{{< grades") {
			t.Errorf("%s: the circular lacks\n%s\nit is:\n%s", c.name, c.want, got)
		}
	}
}
