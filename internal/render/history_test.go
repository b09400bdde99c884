package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/theme"
)

// historySite is a three-month site small enough to rank by hand.
//
// Townships 甲街道 (jia), 乙街道 (yi), 丙镇 (bing); two township indicators
// of weight 1, so with rank points (n = 3: rank 1 → 100, 2 → 66.67,
// 3 → 33.33) the composite is the mean of the two:
//
//	          jingji (higher)     anquan (higher)     composite
//	2022-12   甲1 乙2 丙3          乙1 丙2 甲3          乙83.33 #1, 甲66.67 #2, 丙50.00 #3
//	2023-01   乙1 丙2 甲3          丙1 乙2 甲3          乙83.33 #1=, 丙83.33 #1=, 甲33.33 #3
//	2023-02   甲1 乙2 丙3          甲1 乙2 丙3          甲100.00 #1, 乙66.67 #2, 丙33.33 #3
func historySite() map[string]string {
	month := func(period, jingji, anquan string, city, district int, cats string) string {
		return "period = \"" + period + "\"\n" +
			"[[result]]\nindicator = \"jingji\"\ncity = " + strconv.Itoa(city) + "\n[result.townships]\n" + jingji +
			"[[result]]\nindicator = \"anquan\"\n[result.townships]\n" + anquan +
			"[[result]]\nindicator = \"caizheng\"\ndistrict = " + strconv.Itoa(district) + "\n" +
			"[categories]\n" + cats
	}
	circular := func(number, date, data string) string {
		return "+++\nnumber = \"" + number + "\"\ntitle = \"关于测试的通报\"\ndate = " + date + "\ndata = \"" + data + "\"\n+++\n正文。\n"
	}
	return map[string]string{
		"config.toml": `title = "测试区通报"
baseURL = "/"
[issuer]
name = "测试区人民政府办公室"
[terms]
peer = "三区"
[ranking]
cityUnits = 12
districtUnits = 3
[scoring]
decimals = 2
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
name = "经济运行"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
better = "higher"
weight = 1
decimals = 1
[[indicator]]
id = "anquan"
name = "安全生产"
section = "重点任务"
owners = ["区财政局"]
townships = "all"
better = "higher"
weight = 1
decimals = 1
[[indicator]]
id = "caizheng"
name = "财政收入"
section = "重点工作"
owners = ["区财政局"]
`,
		"data/2022-12.toml": month("12月",
			"\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n",
			"\"甲街道\" = 60\n\"乙街道\" = 95\n\"丙镇\" = 70\n",
			3, 2, "\"一类\" = [\"区发改局\"]\n\"二类\" = [\"区财政局\"]\n"),
		"data/2023-01.toml": month("1月",
			"\"甲街道\" = 70\n\"乙街道\" = 90\n\"丙镇\" = 80\n",
			"\"甲街道\" = 60\n\"乙街道\" = 80\n\"丙镇\" = 90\n",
			5, 1, "\"一类\" = [\"区财政局\"]\n\"二类\" = [\"区发改局\"]\n"),
		"data/2023-02.toml": month("2月",
			"\"甲街道\" = 95\n\"乙街道\" = 85\n\"丙镇\" = 75\n",
			"\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n",
			1, 3, "\"一类\" = [\"区发改局\"]\n\"二类\" = [\"区财政局\"]\n"),
		"content/circulars/2022-12.md": circular("测政办函〔2022〕9号", "2022-12-28", "2022-12"),
		"content/circulars/2023-01.md": circular("测政办函〔2023〕2号", "2023-02-10", "2023-01"),
		"content/circulars/2023-02.md": circular("测政办函〔2023〕5号", "2023-04-03", "2023-02"),
	}
}

// loadHistorySite writes historySite, with the repository's layouts, to a
// temporary folder and loads it.
func loadHistorySite(t *testing.T) *site.Site {
	t.Helper()
	return loadFiles(t, historySite())
}

// loadFiles writes the files of a site to a temporary folder and loads it.
func loadFiles(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	s, err := site.Load(writeFiles(t, files))
	if err != nil {
		t.Fatalf("loading the site: %v", err)
	}
	return s
}

// writeFiles writes the files of a site to a temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
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

var (
	trRE   = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRE = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
)

// tableAfter returns the body rows of the first table whose markup
// follows marker, each as the inner HTML of its cells.
func tableAfter(t *testing.T, page []byte, marker string) [][]string {
	t.Helper()
	s := string(page)
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("no %q on the page", marker)
	}
	s = s[i:]
	start, end := strings.Index(s, "<tbody>"), strings.Index(s, "</tbody>")
	if start < 0 || end < start {
		t.Fatalf("no table body after %q", marker)
	}
	var rows [][]string
	for _, tr := range trRE.FindAllStringSubmatch(s[start:end], -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(tr[1], -1) {
			cells = append(cells, c[1])
		}
		rows = append(rows, cells)
	}
	return rows
}

func text(html string) string { return tagRE.ReplaceAllString(html, "") }

// rowOf finds the row whose heading cell reads name.
func rowOf(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 0 && text(r[0]) == name {
			return r
		}
	}
	t.Fatalf("no row %q among %d rows", name, len(rows))
	return nil
}

func TestTownshipCompositeHistory(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	cases := []struct {
		slug, name string
		want       [][4]string // newest first: 月份, 综合排名, 变化 (raw HTML), 综合得分
	}{
		{"bing", "丙镇", [][4]string{
			{"2023年2月", "第三", `<span aria-hidden="true">↓2</span><span class="visually-hidden">下降2位</span>`, "33.33"},
			{"2023年1月", "并列第一", `<span aria-hidden="true">↑2</span><span class="visually-hidden">上升2位</span>`, "83.33"},
			{"2022年12月", "第三", `<span aria-hidden="true">—</span><span class="visually-hidden">上月无排名</span>`, "50.00"},
		}},
		{"jia", "甲街道", [][4]string{
			{"2023年2月", "第一", `<span aria-hidden="true">↑2</span><span class="visually-hidden">上升2位</span>`, "100.00"},
			{"2023年1月", "第三", `<span aria-hidden="true">↓1</span><span class="visually-hidden">下降1位</span>`, "33.33"},
			{"2022年12月", "第二", `<span aria-hidden="true">—</span><span class="visually-hidden">上月无排名</span>`, "66.67"},
		}},
		{"yi", "乙街道", [][4]string{
			{"2023年2月", "第二", `<span aria-hidden="true">↓1</span><span class="visually-hidden">下降1位</span>`, "66.67"},
			{"2023年1月", "并列第一", `<span aria-hidden="true">—</span><span class="visually-hidden">持平</span>`, "83.33"},
			{"2022年12月", "第一", `<span aria-hidden="true">—</span><span class="visually-hidden">上月无排名</span>`, "83.33"},
		}},
	}
	for _, c := range cases {
		page := files["units/"+c.slug+"/index.html"]
		if page == nil {
			t.Fatalf("no page units/%s/", c.slug)
		}
		rows := tableAfter(t, page, ">"+c.name+"历次综合考核排名</caption>")
		if len(rows) != len(c.want) {
			t.Fatalf("%s: %d rows, want %d", c.name, len(rows), len(c.want))
		}
		for i, w := range c.want {
			got := rows[i]
			if len(got) != 4 || text(got[0]) != w[0] || got[1] != w[1] || got[2] != w[2] || got[3] != w[3] {
				t.Errorf("%s row %d = %q, want %q", c.name, i, got, w)
			}
		}
		// Each month heading links to the circular reporting it.
		if !strings.Contains(string(page), `<a href="/circulars/2023/2/">2023年1月</a>`) {
			t.Errorf("%s: 2023年1月 does not link to its circular", c.name)
		}
	}
	// The lead says it too, with the three ranked and the change the
	// table's first row shows as ↑2 (third in January, first in February);
	// 丙镇 fell from tied first to third. Its month links to the circular
	// (测政办函〔2023〕5号).
	for page, want := range map[string]string{
		"units/jia/index.html":  `<a href="/circulars/2023/5/">2023年2月</a>` + "综合考核排名第一（共3个），比上月上升2位。",
		"units/bing/index.html": `<a href="/circulars/2023/5/">2023年2月</a>` + "综合考核排名第三（共3个），比上月下降2位。",
	} {
		if w := `<p class="history-lead">` + want + `</p>`; !bytes.Contains(files[page], []byte(w)) {
			t.Errorf("%s: latest rank sentence is not %s", page, want)
		}
	}
}

func TestTownshipIndicatorMatrix(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := files["units/bing/index.html"]
	// 丙镇 on 安全生产: 2022年12月 第二 (70.0), 2023年 1月 第一 (90.0), 2月 第三 (70.0).
	// The score is printed under the rank: no hover needed to see it.
	r2022 := rowOf(t, tableAfter(t, page, `<caption id="y2022">`), "安全生产")
	if len(r2022) != 2 || text(r2022[1]) != "2名，得分70.0" {
		t.Errorf("2022 安全生产 row %q, want rank 2, score 70.0", r2022)
	}
	r2023 := rowOf(t, tableAfter(t, page, `<caption id="y2023">`), "安全生产")
	if len(r2023) != 3 || text(r2023[1]) != "1名，得分90.0" || text(r2023[2]) != "3名，得分70.0" {
		t.Errorf("2023 安全生产 row %q, want ranks 1, 3 with scores 90.0, 70.0", r2023)
	}
	if !strings.Contains(string(page), `<td>1<span class="visually-hidden">名，得分</span><small>90.0</small></td>`) {
		t.Error("the 2023年1月 安全生产 cell does not print its score under the rank")
	}
}

func TestRankChartRankOneOnTop(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := string(files["units/jia/index.html"])
	// 甲街道 ranks 2, 3, 1. The plot spans x 44…700 and y 34…214; with
	// three months x is 44, 372, 700; with three ranks rank 1 is at y 34
	// (the top), rank 2 at 124, rank 3 at 214.
	const want = `d="M44.0 124.0 L372.0 214.0 L700.0 34.0"`
	if !strings.Contains(page, want) {
		t.Fatalf("chart path is not %s:\n%s", want, regexp.MustCompile(`class="chart-line" d="[^"]*"`).FindString(page))
	}
	m := regexp.MustCompile(`class="chart-line" d="M([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no chart line")
	}
	yRank2, yRank3, yRank1 := m[2], m[4], m[6]
	if !(num(t, yRank1) < num(t, yRank2) && num(t, yRank2) < num(t, yRank3)) {
		t.Errorf("y of ranks 1, 2, 3 = %s, %s, %s: rank 1 must be highest (smallest y)", yRank1, yRank2, yRank3)
	}
	for _, w := range []string{
		`<svg class="rank-chart rank-chart-wide" role="img" aria-labelledby="chart-composite-title" aria-describedby="chart-composite-desc"`,
		`<title id="chart-composite-title">甲街道综合考核排名走势</title>`,
		`<desc id="chart-composite-desc">2022年12月至2023年2月共3期，综合考核排名最好为第一，最差为第三，最近一期（2023年2月）为第一。`,
		`>2022</text>`, `>2023</text>`, // year ticks
	} {
		if !strings.Contains(page, w) {
			t.Errorf("chart lacks %s", w)
		}
	}
	// The phone's drawing, 300 × 210 with the plot at x 30…288 and y
	// 32…180: x 30, 159, 288; rank 1 at y 32, 2 at 106, 3 at 180.
	for _, w := range []string{
		`<svg class="rank-chart rank-chart-narrow" role="img" aria-labelledby="chart-composite-n-title" aria-describedby="chart-composite-n-desc" viewBox="0 0 300 210"`,
		`class="chart-line" d="M30.0 106.0 L159.0 180.0 L288.0 32.0"`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the narrow chart lacks %s", w)
		}
	}
	// The table is the chart's equivalent, right after it.
	if i, j := strings.Index(page, "</svg>"), strings.Index(page, "甲街道历次综合考核排名</caption>"); i < 0 || j < i || strings.Contains(page[i:j], "<h2") {
		t.Error("the composite table does not follow the chart")
	}
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRankingsHeatmap(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := files["rankings/index.html"]
	// Three townships in six shades: rank 1 → shade 2, 2 → 4, 3 → 6.
	row := rowOf(t, tableAfter(t, page, `<caption id="y2023">`), "丙镇")
	want := []string{"丙镇", "1名，得分83.33", "3名，得分33.33"}
	if len(row) != 3 || text(row[1]) != want[1] || text(row[2]) != want[2] {
		t.Fatalf("2023 丙镇 row %q, want %q", row, want)
	}
	for _, w := range []string{
		`<td class="heat-2">1<span class="visually-hidden">名，得分</span><small>83.33</small></td><td class="heat-6">3<span class="visually-hidden">名，得分</span><small>33.33</small></td>`,
		`<span class="heat-swatch heat-2" aria-hidden="true"></span>第1名`,
		`<span class="heat-swatch heat-4" aria-hidden="true"></span>第2名`,
		`<span class="heat-swatch heat-6" aria-hidden="true"></span>第3名`,
	} {
		if !bytes.Contains(page, []byte(w)) {
			t.Errorf("rankings page lacks %s", w)
		}
	}
	// 2022 holds one month; 2023 two; years are separate tables.
	if got := len(rowOf(t, tableAfter(t, page, `<caption id="y2022">`), "甲街道")); got != 2 {
		t.Errorf("2022 row has %d cells, want 2", got)
	}
}

func TestHeatLevel(t *testing.T) {
	for _, c := range []struct{ rank, n, want int }{
		{1, 12, 1}, {2, 12, 1}, {3, 12, 2}, {7, 12, 4}, {11, 12, 6}, {12, 12, 6},
		{1, 3, 2}, {2, 3, 4}, {3, 3, 6}, {1, 1, 6}, {5, 7, 5},
	} {
		if got := heatLevel(c.rank, c.n); got != c.want {
			t.Errorf("heatLevel(%d, %d) = %d, want %d", c.rank, c.n, got, c.want)
		}
	}
}

func TestIndicatorPage(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := files["indicators/jingji/index.html"]
	// 经济运行 city ranks 3, 5, 1; no peer rank.
	rows := tableAfter(t, page, "经济运行历次全市排名和三区排名</caption>")
	want := [][]string{ // newest first
		{"2023年2月", "第一", "—无", "↑4上升4位"},
		{"2023年1月", "第五", "—无", "↓2下降2位"},
		{"2022年12月", "第三", "—无", "—上月无排名"},
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	for i, w := range want {
		r := rows[i]
		if len(r) != 4 || text(r[0]) != w[0] || r[1] != w[1] || text(r[2]) != w[2] || text(r[3]) != w[3] {
			t.Errorf("row %d = %q, want %q", i, r, w)
		}
	}
	if !bytes.Contains(page, []byte(`<th scope="col">三区排名</th><th scope="col">全市排名变化</th>`)) {
		t.Error("change column not labelled as the city rank's")
	}
	// Township matrix: 丙镇 2023年1月 第二 with 80.0, 2月 第三 with 75.0.
	row := rowOf(t, tableAfter(t, page, `<caption id="y2023">`), "丙镇")
	cell := `2<span class="visually-hidden">名，得分</span><small>80.0</small>`
	if len(row) != 3 || row[1] != cell || text(row[2]) != "3名，得分75.0" {
		t.Errorf("丙镇 2023 row %q, want first cell %q", row, cell)
	}
	if !bytes.Contains(page, []byte(`id="chart-city-title">经济运行全市排名走势</title>`)) || bytes.Contains(page, []byte("chart-peer")) {
		t.Error("want a city chart and no peer chart")
	}
	if !bytes.Contains(page, []byte(`<a href="/units/fagai/">区发改局</a>`)) {
		t.Error("owner not linked to its unit page")
	}

	// 财政收入 has peer ranks only: 2, 1, 3 among 三区, and the change
	// column follows them; newest first.
	page = files["indicators/caizheng/index.html"]
	rows = tableAfter(t, page, "财政收入历次全市排名和三区排名</caption>")
	if len(rows) != 3 || rows[2][2] != "三区第二" || rows[1][2] != "三区第一" || rows[0][2] != "三区第三" || text(rows[0][1]) != "—无" ||
		text(rows[1][3]) != "↑1上升1位" || text(rows[0][3]) != "↓2下降2位" || text(rows[2][3]) != "—上月无排名" {
		t.Errorf("财政收入 rows %q", rows)
	}
	if !bytes.Contains(page, []byte(`<th scope="col">三区排名变化</th>`)) {
		t.Error("change column not labelled as the peer rank's")
	}
	if !bytes.Contains(page, []byte(`d="M44.0 124.0 L372.0 34.0 L700.0 214.0"`)) {
		t.Error("peer chart: ranks 2, 1, 3 among 3 not drawn at y 124, 34, 214")
	}
}

func TestDepartmentPage(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := files["units/caizheng/index.html"]
	for _, w := range []string{
		`<p class="owned-period"><a href="/circulars/2023/5/">2023年2月</a>的排名和变化：</p>`,
		`<a href="/indicators/caizheng/">财政收入</a><span class="link-note">三区排名第三，比上月下降2位。</span>`, // 1 in January
		`<a href="/indicators/anquan/">安全生产</a>`,
	} {
		if !bytes.Contains(page, []byte(w)) {
			t.Errorf("区财政局 page lacks %s", w)
		}
	}
	rows := tableAfter(t, page, `<caption id="y2023">`)
	if r := rowOf(t, rows, "考核排类"); len(r) != 3 || r[1] != "一类" || r[2] != "二类" {
		t.Errorf("2023 考核排类 %q, want 一类, 二类", r)
	}
	if r := rowOf(t, rows, "财政收入（三区）"); len(r) != 3 || r[1] != "1" || r[2] != "3" {
		t.Errorf("2023 财政收入（三区） %q, want 1, 3", r)
	}
	if r := rowOf(t, tableAfter(t, page, `<caption id="y2022">`), "考核排类"); len(r) != 2 || r[1] != "二类" {
		t.Errorf("2022 考核排类 %q, want 二类", r)
	}
	// 安全生产 has no city or peer rank: no rows for it.
	if bytes.Contains(page, []byte("安全生产（全市）")) || bytes.Contains(page, []byte("安全生产（三区）")) {
		t.Error("rows for ranks 安全生产 does not have")
	}
}

// TestDepartmentPageWithoutCategories: an office that sorts its
// departments into no 考核排类 gets no such row of empty cells, and the
// heading and description name only the indicators' ranks.
func TestDepartmentPageWithoutCategories(t *testing.T) {
	f := historySite()
	cats := regexp.MustCompile(`(?s)\[categories\]\n.*`)
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = cats.ReplaceAllString(src, "")
		}
	}
	page := renderFiles(t, loadFiles(t, f), "")["units/caizheng/index.html"]
	if !bytes.Contains(page, []byte(`<h2 id="years-heading">历次负责指标排名</h2>`)) {
		t.Error("the heading is not 历次负责指标排名")
	}
	if bytes.Contains(page, []byte("考核排类")) {
		t.Error("a page of an office without categories speaks of 考核排类")
	}
	if r := rowOf(t, tableAfter(t, page, `<caption id="y2023">`), "财政收入（三区）"); len(r) != 3 || r[1] != "1" || r[2] != "3" {
		t.Errorf("2023 财政收入（三区） %q, want 1, 3", r)
	}
}

func TestArchiveByYear(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	page := string(files["circulars/index.html"])
	i, j := strings.Index(page, `2023年<span class="count">（2件）</span>`), strings.Index(page, `2022年<span class="count">（1件）</span>`)
	if i < 0 || j < 0 || j < i {
		t.Errorf("archive years: 2023（2件） at %d, 2022（1件） at %d; want both, newest first", i, j)
	}
}

// TestAppendixSample checks the appendix of the sample circular against
// data/2023-02.toml.
func TestAppendixSample(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	page := files["circulars/2023/14/index.html"]
	for _, c := range []struct {
		table, name, rank, score string
	}{
		{"appendix-gongye", "桥头街道", "并列第九", "82.3"}, // four townships at 82.3
		{"appendix-gongye", "火车站乡", "第一", "95.6"},
		{"appendix-jindu", "桥头街道", "第一", "98.6"},
		{"appendix-jindu", "滨江街道", "第十二", "79.8"},
		{"appendix-shexiao", "石桥街道", "并列第二", "96.75"},
	} {
		rows := tableAfter(t, page, `id="`+c.table+`"`)
		var row []string
		for _, r := range rows {
			if len(r) == 3 && text(r[1]) == c.name {
				row = r
			}
		}
		if row == nil {
			t.Errorf("%s: no row for %s", c.table, c.name)
			continue
		}
		if row[0] != c.rank || row[2] != c.score {
			t.Errorf("%s %s: rank %q score %q, want %q %q", c.table, c.name, row[0], row[2], c.rank, c.score)
		}
		if !strings.Contains(row[1], `href="/units/`) {
			t.Errorf("%s %s: not linked to its unit page", c.table, c.name)
		}
	}
	rows := tableAfter(t, page, `id="appendix-composite"`)
	if len(rows) != 12 || text(rows[0][1]) != "东风路街道" || rows[0][0] != "第一" || text(rows[11][1]) != "火车站乡" {
		t.Errorf("composite rows: %q", rows)
	}
	// City ranks: 规模工业增加值 第十, 三区第三 (data/2023-02.toml).
	if r := rowOf(t, tableAfter(t, page, `id="appendix-city"`), "规模工业增加值"); r[1] != "第十" || r[2] != "三区第三" {
		t.Errorf("city rank row %q", r)
	}
	// The home page's ranking links its townships.
	if !bytes.Contains(files["index.html"], []byte(`<a href="/units/dongfenglu/">东风路街道</a>`)) {
		t.Error("home ranking does not link 东风路街道")
	}
}

// TestAppendixNamesItsCircular: a circular's appendix begins with the
// circular's own 文号, which paper printed by 打印附表 would otherwise
// lack (GB/T 9704-2012 §7.3.7), before the folded tables, so that it is
// the first line printed; each circular's appendix its own.
func TestAppendixNamesItsCircular(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	for page, number := range map[string]string{
		"circulars/2022/9/index.html": "测政办函〔2022〕9号",
		"circulars/2023/2/index.html": "测政办函〔2023〕2号",
		"circulars/2023/5/index.html": "测政办函〔2023〕5号",
	} {
		s := string(files[page])
		i := strings.Index(s, `<section class="panel appendix"`)
		if i < 0 {
			t.Fatalf("%s has no appendix", page)
		}
		want := `<p class="appendix-of">` + number + `</p>`
		j, k := strings.Index(s[i:], want), strings.Index(s[i:], "<details")
		if j < 0 || k < 0 || j > k {
			t.Errorf("%s: the appendix does not begin with %s before its tables:\n%s", page, want, s[i:min(i+400, len(s))])
		}
		if n := strings.Count(s, `class="appendix-of"`); n != 1 {
			t.Errorf("%s: %d lines naming the circular, want 1", page, n)
		}
	}
}

func TestAppendixPrintCSS(t *testing.T) {
	css, ok := theme.Read("assets/css/site.css")
	if !ok {
		t.Fatal("the built-in theme has no assets/css/site.css")
	}
	s := string(css)
	i := strings.Index(s, "History pages")
	if i < 0 {
		t.Fatal("no history section in site.css")
	}
	s = s[i:]
	p := strings.Index(s, "@media print")
	if p < 0 {
		t.Fatal("history section has no print rules")
	}
	for _, w := range []string{".appendix tr,", "break-inside: avoid;", ".appendix thead,", "display: table-header-group;"} {
		if !strings.Contains(s[p:], w) {
			t.Errorf("print rules lack %q", w)
		}
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkLinks resolves every link of every HTML output against the list
// of outputs, with base the site's path, and checks that every history
// page can be reached from the home page.
func checkLinks(t *testing.T, files map[string][]byte, base string) {
	t.Helper()
	links := map[string][]string{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkRE.FindAllSubmatch(data, -1) {
			link := string(m[1])
			target, frag, _ := strings.Cut(link, "#")
			switch {
			case target == "":
				target = name
			case strings.HasPrefix(target, base):
				target = strings.TrimPrefix(target, base)
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			case strings.Contains(target, "://"):
				continue
			default:
				t.Errorf("%s: link %q is outside the base path %s", name, link, base)
				continue
			}
			page, ok := files[target]
			if !ok {
				t.Errorf("%s: link %q points at nothing", name, link)
				continue
			}
			if frag != "" && !bytes.Contains(page, []byte(`id="`+frag+`"`)) {
				t.Errorf("%s: link %q: no id %q there", name, link, frag)
			}
			links[name] = append(links[name], target)
		}
	}
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range links[p] {
			if !seen[q] {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	n := 0
	for name := range files {
		if strings.HasPrefix(name, "units/") || strings.HasPrefix(name, "indicators/") || name == "rankings/index.html" {
			n++
			if !seen[name] {
				t.Errorf("%s cannot be reached by links from the home page", name)
			}
		}
	}
	if n == 0 {
		t.Error("no history pages at all")
	}
}

func TestHistoryLinks(t *testing.T) {
	s := loadHistorySite(t)
	files := renderFiles(t, s, "https://portal.example.gov.cn/tb/")
	for _, want := range []string{
		"units/jia/index.html", "units/yi/index.html", "units/bing/index.html",
		"units/fagai/index.html", "units/caizheng/index.html",
		"indicators/jingji/index.html", "indicators/anquan/index.html", "indicators/caizheng/index.html",
		"rankings/index.html",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	if !bytes.Contains(files["units/jia/index.html"], []byte(`href="/tb/circulars/2023/2/"`)) {
		t.Error("links ignore baseURL's path")
	}
	checkLinks(t, files, "/tb/")
	checkLinks(t, renderFiles(t, loadSample(t), ""), "/")
}

func TestHistoryDeterministic(t *testing.T) {
	s := loadHistorySite(t)
	a, b := renderFiles(t, s, ""), renderFiles(t, s, "")
	var names []string
	for name := range a {
		if strings.HasPrefix(name, "units/") || strings.HasPrefix(name, "indicators/") || strings.HasPrefix(name, "rankings/") || strings.HasPrefix(name, "circulars/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if len(names) < 10 {
		t.Fatalf("only %d pages", len(names))
	}
	for _, name := range names {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestLowerIsBetterSaysSo: a table of scores where lower is better (the
// sample's 信访维稳, better = "lower") says so in its caption and score
// heading, where 并列第一 beside 0.00 would otherwise read as a mistake
// (issue 15, item 11); its ranks run best first. A higher-is-better table
// says nothing.
func TestLowerIsBetterSaysSo(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	circ := files["circulars/2023/14/index.html"]
	rows := tableAfter(t, circ, `<caption><a href="/indicators/xinfang/">信访维稳乡镇（街道）排名（得分越低，排名越前）</a></caption>`)
	// data/2023-02.toml: 滨江街道, 桥头街道, 渡头桥镇 0.00, then 东风路街道 0.85.
	if len(rows) != 12 || rows[0][0] != "并列第一" || rows[0][2] != "0.00" || rows[3][0] != "第四" || rows[3][2] != "0.85" {
		t.Errorf("信访维稳's appendix rows begin %q", rows[:min(len(rows), 4)])
	}
	head := `<tr><th scope="col">排名</th><th scope="col">乡镇（街道）</th><th scope="col" class="num">得分（越低越好）</th></tr>`
	if i := bytes.Index(circ, []byte(`id="appendix-xinfang"`)); i < 0 || !bytes.Contains(circ[i:i+800], []byte(head)) {
		t.Error("信访维稳's appendix table does not head its scores 得分（越低越好）")
	}
	if bytes.Contains(circ, []byte("规模工业增加值乡镇（街道）排名（得分越低")) {
		t.Error("a higher-is-better table says lower is better")
	}
	if !bytes.Contains(files["indicators/xinfang/index.html"], []byte(`<caption id="y2023">2023年乡镇（街道）排名（得分越低，排名越前）</caption>`)) {
		t.Error("信访维稳's township matrix does not say lower is better")
	}
	if !bytes.Contains(files["units/dongfenglu/index.html"], []byte(`<a href="/indicators/xinfang/">信访维稳（得分越低越好）</a>`)) {
		t.Error("东风路街道's row of 信访维稳 does not say lower is better")
	}

	// The table shortcode in a circular's text says it as the appendix
	// does. Its head opens with the row that titles it on paper, hidden
	// elsewhere, across its three columns: its caption as an attribute.
	s := loadSample(t)
	s.Circulars[0].Body = append(s.Circulars[0].Body, "\n{{< table \"xinfang\" >}}\n\n{{< table \"gongye\" >}}\n"...)
	body := string(renderFiles(t, s, "")["circulars/2023/14/index.html"])
	for _, want := range []string{
		`<caption>信访维稳乡镇（街道）排名（得分越低，排名越前）</caption>
<thead><tr class="print-title" hidden><td colspan="3" data-title="信访维稳乡镇（街道）排名（得分越低，排名越前）"></td></tr>
<tr><th scope="col">排名</th><th scope="col">乡镇（街道）</th><th scope="col">得分（越低越好）</th></tr></thead>`,
		`<caption>规模工业增加值乡镇（街道）排名</caption>
<thead><tr class="print-title" hidden><td colspan="3" data-title="规模工业增加值乡镇（街道）排名"></td></tr>
<tr><th scope="col">排名</th><th scope="col">乡镇（街道）</th><th scope="col">得分</th></tr></thead>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the table shortcode does not write\n%s", want)
		}
	}
}

// TestPrintTitleSpans: the row that titles a table on paper spans all of
// its columns, counted by hand: 排名, the units, 信访件数 and 得分 in a
// 扣分制 table of one count; a quarter's period-table's 乡镇, its three
// months, 季度得分 and 季度排名.
func TestPrintTitleSpans(t *testing.T) {
	if n := (AppendixTable{CountLabels: []string{"信访件数"}}).Columns(); n != 4 {
		t.Errorf("an appendix table of one count spans %d columns; want 4", n)
	}
	if n := (TableView{Counts: []string{"信访件数"}}).Columns(); n != 4 {
		t.Errorf("a table shortcode's table of one count spans %d columns; want 4", n)
	}
	if n := (AppendixTable{}).Columns(); n != 3 {
		t.Errorf("an appendix table spans %d columns; want 3", n)
	}
	if n := (PeriodTableView{Months: []string{"1月", "2月", "3月"}}).Columns(); n != 6 {
		t.Errorf("a quarter's period-table spans %d columns; want 6", n)
	}
}

// TestScoreUnit: an indicator's scoreUnit heads its scores' column in the
// appendix and the table shortcode (得分（%）), and a count's column is
// headed by what it counts, 件数, beside lower-is-better where it is
// (件数（越少越好）: 并列第一 beside 0 reads as a mistake unless the
// heading says why, and 3 of 信访 is not a score); data.json and the
// catalogue give the unit; an indicator without one is headed 得分 alone,
// as above.
func TestScoreUnit(t *testing.T) {
	s := loadSample(t)
	s.Indicator("gongye").ScoreUnit = "%"
	s.Indicator("xinfang").ScoreUnit = "件"
	s.Circulars[0].Body = append(s.Circulars[0].Body, "\n{{< table \"xinfang\" >}}\n\n{{< table \"gongye\" >}}\n"...)
	files := renderFiles(t, s, "")
	circ := files["circulars/2023/14/index.html"]
	for id, head := range map[string]string{"gongye": "得分（%）", "xinfang": "件数（越少越好）"} {
		want := `<th scope="col" class="num">` + head + `</th></tr>`
		if i := bytes.Index(circ, []byte(`id="appendix-`+id+`"`)); i < 0 || !bytes.Contains(circ[i:i+800], []byte(want)) {
			t.Errorf("%s's appendix table is not headed %s", id, head)
		}
		if !bytes.Contains(circ, []byte(`<th scope="col">`+head+`</th></tr></thead>`)) {
			t.Errorf("%s's table shortcode is not headed %s", id, head)
		}
	}
	var data struct {
		Indicators []struct{ ID, ScoreUnit string }
	}
	if err := json.Unmarshal(files["circulars/2023/14/data.json"], &data); err != nil {
		t.Fatal(err)
	}
	units := map[string]string{}
	for _, ind := range data.Indicators {
		units[ind.ID] = ind.ScoreUnit
	}
	if units["gongye"] != "%" || units["xinfang"] != "件" || units["jindu"] != "" {
		t.Errorf("data.json's scoreUnits: %v", units)
	}
	if !bytes.Contains(files["data/catalogue.json"], []byte(`"scoreUnit":"%"`)) {
		t.Error("the catalogue does not give gongye's scoreUnit")
	}
}

// TestMatrixCellSaysScoreUnit: a matrix cell of an indicator counted in a
// unit (scoreUnit 件) says the count with it to a screen reader, 3名，70件,
// on the unit's page and the indicator's, where 3名，得分70 read a count of
// cases as points; an indicator without one still says 得分.
func TestMatrixCellSaysScoreUnit(t *testing.T) {
	s := loadHistorySite(t)
	s.Indicator("anquan").ScoreUnit = "件"
	files := renderFiles(t, s, "")
	// 丙镇 on 安全生产 in 2023: 1月 第一 with 90, 2月 第三 with 70 (see
	// historySite); 经济运行 1月 第二 with 80.
	for _, c := range []struct{ page, row string }{
		{"units/bing/index.html", "安全生产"},
		{"indicators/anquan/index.html", "丙镇"},
	} {
		r := rowOf(t, tableAfter(t, files[c.page], `<caption id="y2023">`), c.row)
		if len(r) != 3 || text(r[1]) != "1名，90.0件" || text(r[2]) != "3名，70.0件" {
			t.Errorf("%s: 2023 %s row %q, want 1名，90.0件 and 3名，70.0件", c.page, c.row, r)
		}
		if !bytes.Contains(files[c.page], []byte(`<td>1<span class="visually-hidden">名，</span><small>90.0</small><span class="visually-hidden">件</span></td>`)) {
			t.Errorf("%s: the 2023年1月 cell does not print 90.0 alone and say 件 unseen", c.page)
		}
	}
	r := rowOf(t, tableAfter(t, files["units/bing/index.html"], `<caption id="y2023">`), "经济运行")
	if len(r) != 3 || text(r[1]) != "2名，得分80.0" {
		t.Errorf("2023 经济运行 row %q, want 2名，得分80.0", r)
	}
}

// TestMatricesNewestYearFirst: a history page's yearly matrices run from
// the current year back.
func TestMatricesNewestYearFirst(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	for _, p := range []string{"units/bing/index.html", "indicators/jingji/index.html", "rankings/index.html"} {
		page := string(files[p])
		if a, b := strings.Index(page, `<caption id="y2023">`), strings.Index(page, `<caption id="y2022">`); a < 0 || b < 0 || a > b {
			t.Errorf("%s: 2023's matrix (at %d) does not come before 2022's (at %d)", p, a, b)
		}
	}
}

// TestAggregatesNewestFirst: a township's ranks in quarters and years run
// newest first, as its monthly ranks and every other history table do.
// historySite's composites (see there), by hand, with [aggregate]'s
// default mean of the monthly composites:
//
//	2022年第四季度, 2022年度 (2022-12 alone)  乙83.33 #1, 甲66.67 #2, 丙50.00 #3
//	2023年第一季度 (2023-01, 2023-02)        乙75.00 #1, 甲66.67 #2, 丙58.33 #3
//
// The year 2022 ends with its fourth quarter and spans it: it comes
// first of the two.
func TestAggregatesNewestFirst(t *testing.T) {
	f := historySite()
	aggregate := func(number, date, data string) string {
		return "+++\nnumber = \"" + number + "\"\ntitle = \"关于综合考核的通报\"\ndate = " + date + "\ndata = \"" + data + "\"\n+++\n正文。\n"
	}
	f["content/circulars/2022-Q4.md"] = aggregate("测政办函〔2023〕1号", "2023-01-05", "2022-Q4")
	f["content/circulars/2022.md"] = aggregate("测政办函〔2023〕3号", "2023-02-15", "2022")
	f["content/circulars/2023-Q1.md"] = aggregate("测政办函〔2023〕6号", "2023-04-10", "2023-Q1")
	files := renderFiles(t, loadFiles(t, f), "/")
	for _, c := range []struct {
		slug, name string
		want       [][3]string // 期间 (raw HTML), 综合排名, 得分
	}{
		{"yi", "乙街道", [][3]string{
			{`<a href="/circulars/2023/6/">2023年第一季度</a>`, "第一", "75.00"},
			{`<a href="/circulars/2023/3/">2022年度</a>`, "第一", "83.33"},
			{`<a href="/circulars/2023/1/">2022年第四季度</a>`, "第一", "83.33"},
		}},
		{"bing", "丙镇", [][3]string{
			{`<a href="/circulars/2023/6/">2023年第一季度</a>`, "第三", "58.33"},
			{`<a href="/circulars/2023/3/">2022年度</a>`, "第三", "50.00"},
			{`<a href="/circulars/2023/1/">2022年第四季度</a>`, "第三", "50.00"},
		}},
	} {
		rows := tableAfter(t, files["units/"+c.slug+"/index.html"], "<caption>"+c.name+"季度和年度综合考核排名</caption>")
		if len(rows) != len(c.want) {
			t.Fatalf("%s: %d rows, want %d: %q", c.name, len(rows), len(c.want), rows)
		}
		for i, w := range c.want {
			if got := rows[i]; len(got) != 3 || got[0] != w[0] || got[1] != w[1] || got[2] != w[2] {
				t.Errorf("%s row %d = %q, want %q", c.name, i, got, w)
			}
		}
	}
}

// TestYTicks: a phone's chart labels a few round ranks (1, 4, 8, 12 of
// twelve), not every one.
func TestYTicks(t *testing.T) {
	for _, c := range []struct {
		worst, most int
		want        []int
	}{
		{12, 4, []int{1, 4, 8, 12}},
		{3, 4, []int{1, 2, 3}},
		{4, 4, []int{1, 2, 3, 4}},
		{6, 4, []int{1, 2, 4, 6}},
		{8, 4, []int{1, 4, 8}},
		{16, 4, []int{1, 5, 10, 16}},
		{34, 4, []int{1, 20, 34}},
		{12, 12, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{34, 12, []int{1, 4, 8, 12, 16, 20, 24, 28, 32, 34}},
	} {
		if got := yTicks(c.worst, c.most); !slices.Equal(got, c.want) {
			t.Errorf("yTicks(%d, %d) = %v, want %v", c.worst, c.most, got, c.want)
		}
	}
}

// TestRankChartWindowAndMinimum: fewer than three ranked periods draw no
// chart (the table is enough); a phone's drawing shows the last 24
// periods, reaching further back only to hold three ranks.
func TestRankChartWindowAndMinimum(t *testing.T) {
	months := func(n int) []MonthRef {
		out := make([]MonthRef, n)
		for i := range out {
			out[i] = MonthRef{Year: 2020 + i/12, Label: strconv.Itoa(2020+i/12) + "年" + strconv.Itoa(1+i%12) + "月"}
		}
		return out
	}
	two := &rankChart{id: "c", title: "t", noun: "排名", worst: 12, months: months(5), ranks: []int{0, 3, 0, 4, 0}}
	if got := two.html(); got != "" {
		t.Errorf("two ranked periods drew a chart:\n%s", got)
	}
	ranks := make([]int, 40)
	for i := range ranks {
		ranks[i] = 1 + i%12
	}
	long := string((&rankChart{id: "c", title: "t", noun: "排名", worst: 12, months: months(40), ranks: ranks}).html())
	// The narrow drawing and its heading in the page's text (the
	// 适老模式's), after the wide's.
	narrowAt := strings.Index(long, `<p class="chart-title chart-title-narrow`)
	narrow := long[narrowAt:]
	if !strings.Contains(narrow, "<desc id=\"c-n-desc\">2021年5月至2023年4月共24期") {
		t.Errorf("the narrow chart does not show the last 24 of 40 periods: %s", regexp.MustCompile(`<desc[^<]*`).FindString(narrow))
	}
	if !strings.Contains(long[:narrowAt], "2020年1月至2023年4月共40期") {
		t.Error("the wide chart does not show every period")
	}
	// The phone's heading says it shows the last periods; the wide one,
	// which shows all, does not.
	if !strings.Contains(narrow, `font-weight="700">t（最近24期）</text>`) || strings.Contains(long[:narrowAt], "（最近") {
		t.Error("the narrow chart's visible heading does not say it shows the last 24 periods, or the wide one says it")
	}
	if !strings.HasPrefix(long, `<p class="chart-title chart-title-wide" aria-hidden="true">t</p>`) ||
		!strings.HasPrefix(narrow, `<p class="chart-title chart-title-narrow" aria-hidden="true">t（最近24期）</p>`) {
		t.Errorf("each drawing is not preceded by its heading in the page's text:\n%.120s\n%.120s", long, narrow)
	}
	// Ranks only in the first three of 30 periods: the phone's window
	// reaches back to them.
	sparse := make([]int, 30)
	sparse[0], sparse[1], sparse[2] = 2, 1, 3
	html := string((&rankChart{id: "c", title: "t", noun: "排名", worst: 12, months: months(30), ranks: sparse}).html())
	if !strings.Contains(html, "<desc id=\"c-n-desc\">2020年1月至2022年6月共30期（其中3期有排名）") {
		t.Errorf("the narrow window of a sparse series: %s", regexp.MustCompile(`<desc id="c-n-desc">[^<]*`).FindString(html))
	}
}

// TestAppendixNoteSaysWhatItHolds: the line above a month's appendix
// names the rankings its tables show, and no other: an office whose level
// above ranks none of its indicators that month is not told of 全市排名
// or 三区排名.
func TestAppendixNoteSaysWhatItHolds(t *testing.T) {
	f := historySite()
	city := regexp.MustCompile(`(?m)^city = \d+\n`)
	district := regexp.MustCompile(`(?m)^district = \d+\n`)
	f["data/2023-01.toml"] = district.ReplaceAllString(city.ReplaceAllString(f["data/2023-01.toml"], ""), "")
	f["data/2023-02.toml"] = city.ReplaceAllString(f["data/2023-02.toml"], "")
	files := renderFiles(t, loadFiles(t, f), "")
	const held = "以下为本期通报所依据的全部排名：乡镇（街道）综合考核排名，各单项指标的乡镇（街道）得分和排名"
	for page, want := range map[string]string{
		"circulars/2022/9/index.html": held + "，以及全市排名和三区排名。",
		"circulars/2023/2/index.html": held + "。",
		"circulars/2023/5/index.html": held + "，以及三区排名。",
	} {
		s := string(files[page])
		if !strings.Contains(s, `<p class="note">`+want) {
			i := strings.Index(s, "以下为本期")
			t.Errorf("%s: the appendix's note is not %s:\n%s", page, want, s[max(i, 0):min(max(i, 0)+300, len(s))])
		}
	}
	// The table of those ranks has a column for each kind the month has:
	// 2023-02 only 三区排名 (财政收入's), no column of dashes for 全市排名.
	for page, want := range map[string]struct {
		caption, head string
		cells         int
	}{
		"circulars/2022/9/index.html": {"全市排名和三区排名", `<th scope="col">指标</th><th scope="col">全市排名</th><th scope="col">三区排名</th>`, 3},
		"circulars/2023/5/index.html": {"三区排名", `<th scope="col">指标</th><th scope="col">三区排名</th>`, 2},
	} {
		s := files[page]
		if !bytes.Contains(s, []byte(`<caption>`+want.caption+`</caption>`)) || !bytes.Contains(s, []byte(want.head)) {
			t.Errorf("%s: the table of ranks is not headed %s / %s", page, want.caption, want.head)
		}
		for _, r := range tableAfter(t, s, `id="appendix-city"`) {
			if len(r) != want.cells {
				t.Errorf("%s: a row of the table of ranks has %d cells, want %d: %q", page, len(r), want.cells, r)
			}
		}
	}
}

// TestAdjustmentsPublished: a month's 加减分 are in its circular's
// appendix, beside the composite they moved, and in its data.json, so
// that a reader can reproduce every composite score. By hand, 2023-02
// without them is 甲100.00 #1, 乙66.67 #2, 丙33.33 #3 (historySite); with
// 丙镇 +40 and 甲街道 −0.5 it is 甲99.50 #1, 丙73.33 #2, 乙66.67 #3.
func TestAdjustmentsPublished(t *testing.T) {
	f := historySite()
	f["data/2023-02.toml"] += "[[adjustment]]\ntownship = \"丙镇\"\npoints = 40\nreason = \"获评先进\"\n" +
		"[[adjustment]]\ntownship = \"甲街道\"\npoints = -0.5\n"
	files := renderFiles(t, loadFiles(t, f), "")
	page := files["circulars/2023/5/index.html"]
	var got [][2]string
	for _, r := range tableAfter(t, page, `id="appendix-composite"`) {
		got = append(got, [2]string{text(r[1]), r[0] + " " + r[2]})
	}
	if want := [][2]string{{"甲街道", "第一 99.50"}, {"丙镇", "第二 73.33"}, {"乙街道", "第三 66.67"}}; !slices.Equal(got, want) {
		t.Errorf("composite rows %q, want %q", got, want)
	}
	if want := `<p class="note">综合得分含加减分：丙镇加40分（获评先进）；甲街道减0.5分。</p>`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the appendix lacks %s", want)
	}
	var d struct {
		Adjustments []map[string]any `json:"adjustments"`
	}
	if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{"unit": "丙镇", "slug": "bing", "points": 40.0, "reason": "获评先进"}, {"unit": "甲街道", "slug": "jia", "points": -0.5}}
	if !reflect.DeepEqual(d.Adjustments, want) {
		t.Errorf("data.json adjustments %v, want %v", d.Adjustments, want)
	}
	// A month without them says nothing of them.
	if other := files["circulars/2023/2/index.html"]; bytes.Contains(other, []byte("加减分")) || bytes.Contains(files["circulars/2023/2/data.json"], []byte("adjustments")) {
		t.Error("2023-01, which has no 加减分, speaks of them")
	}
}

// TestExemptUnit: a township exempted from a month (units.toml exempt)
// is in none of its rankings, and the month is ranked as if it had only
// the others — not as an indicator some townships take no part in. By
// hand, 2023-01 of historySite without 丙镇: jingji 乙90 甲70, anquan 乙80
// 甲60, so with n = 2 (rank 1 → 100, 2 → 50) the composite is 乙100.00
// #1, 甲50.00 #2; with groupSize 3 and two townships both are 靠前. 丙镇's
// page shows the month without a rank, between its two ranked months.
func TestExemptUnit(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\"2023-01\"]\n", 1)
	drop := regexp.MustCompile(`"丙镇" = \d+\n`)
	f["data/2023-01.toml"] = drop.ReplaceAllString(f["data/2023-01.toml"], "")
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "正文。", "{{< indicators \"重点工作\" >}}\n\n{{< township-ranking \"numbered\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "")
	page := string(files["circulars/2023/2/index.html"])
	var got [][2]string
	for _, r := range tableAfter(t, []byte(page), `id="appendix-composite"`) {
		got = append(got, [2]string{text(r[1]), r[0] + " " + r[2]})
	}
	if want := [][2]string{{"乙街道", "第一 100.00"}, {"甲街道", "第二 50.00"}}; !slices.Equal(got, want) {
		t.Errorf("composite rows %q, want %q", got, want)
	}
	for _, want := range []string{"排名全区靠前的为：乙街道、甲街道。", "第一名乙街道、第二名甲街道。"} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular lacks %s", want)
		}
	}
	if strings.Contains(page, "涉及该项工作") {
		t.Error("an exempted township makes the month's indicators read as ones some townships take no part in")
	}
	// The appendix says why 丙镇 is in none of its tables.
	if want := `<p class="note">注：丙镇2023年1月免于考核，不参加本月各项排名。</p>`; !strings.Contains(page, want) {
		t.Errorf("the appendix lacks %s", want)
	}
	if other := string(files["circulars/2023/5/index.html"]); other == "" || strings.Contains(other, "免于考核") {
		t.Error("2023-02, which exempts no one, speaks of 免考")
	}
	// So does data.json, and only the month's.
	var d struct {
		Exempt      []string `json:"exempt"`
		ExemptSlugs []string `json:"exemptSlugs"`
	}
	if err := json.Unmarshal(files["circulars/2023/2/data.json"], &d); err != nil || !slices.Equal(d.Exempt, []string{"丙镇"}) || !slices.Equal(d.ExemptSlugs, []string{"bing"}) {
		t.Errorf("data.json exempt %q, exemptSlugs %q (%v), want [丙镇], [bing]", d.Exempt, d.ExemptSlugs, err)
	}
	if bytes.Contains(files["circulars/2023/5/data.json"], []byte(`"exempt"`)) {
		t.Error("2023-02's data.json lists an exempted township")
	}
	months := compositeRanks(t, files["units/bing/index.html"])
	if want := []string{"2023年2月 第三", "2023年1月 —免考", "2022年12月 第三"}; !slices.Equal(months, want) {
		t.Errorf("丙镇's composite ranks %q, want %q", months, want)
	}
}

// compositeRanks reads a township page's table of composite ranks as
// "month rank" rows, newest first.
func compositeRanks(t *testing.T, page []byte) []string {
	t.Helper()
	var months []string
	for _, r := range tableAfter(t, page, "历次综合考核排名</caption>") {
		months = append(months, text(r[0])+" "+text(r[1]))
	}
	return months
}

// exemptBing renders historySite with 丙镇 exempt in month (its score
// taken out of the month's file).
func exemptBing(t *testing.T, month string) map[string][]byte {
	t.Helper()
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\""+month+"\"]\n", 1)
	f["data/"+month+".toml"] = regexp.MustCompile(`"丙镇" = \d+\n`).ReplaceAllString(f["data/"+month+".toml"], "")
	return renderFiles(t, loadFiles(t, f), "")
}

// TestExemptLastMonth: a township exempted from the newest month still
// has it on its page, without a rank, rather than a history that seems
// to end the month before, as a township abolished then (until) would.
func TestExemptLastMonth(t *testing.T) {
	files := exemptBing(t, "2023-02")
	months := compositeRanks(t, files["units/bing/index.html"])
	// 2023-01: 乙 and 丙 both 83.33 (historySite), tied first.
	if want := []string{"2023年2月 —免考", "2023年1月 并列第一", "2022年12月 第三"}; !slices.Equal(months, want) {
		t.Errorf("丙镇's composite ranks %q, want %q", months, want)
	}
}

// TestExemptMonthChangeSaid: on the page of a township exempted from a
// month, the change column of that month and of the month after says
// 免考, not 无排名 — as though it had been left out or had no data. By
// hand, historySite with 丙镇 exempt in 2023-01: 2022-12 is its first
// month (nothing before it: 上月无排名), 2023-01 is exempt (本月免考),
// 2023-02 follows the exempt month (上月免考); the dash is what the eye
// sees in each.
func TestExemptMonthChangeSaid(t *testing.T) {
	files := exemptBing(t, "2023-01")
	var got []string
	for _, r := range tableAfter(t, files["units/bing/index.html"], "历次综合考核排名</caption>") {
		got = append(got, text(r[0])+" "+text(r[2]))
	}
	if want := []string{"2023年2月 —上月免考", "2023年1月 —本月免考", "2022年12月 —上月无排名"}; !slices.Equal(got, want) {
		t.Errorf("丙镇's changes %q, want %q", got, want)
	}
	// A township assessed every month keeps 上月无排名 for its first.
	got = got[:0]
	for _, r := range tableAfter(t, files["units/jia/index.html"], "历次综合考核排名</caption>") {
		got = append(got, text(r[0])+" "+text(r[2]))
	}
	// 甲街道: 2022-12 #2, 2023-01 #2, 2023-02 #1 (historySite without 丙镇
	// in January: jingji 乙1 甲2, anquan 乙1 甲2, so 甲 is #2 of two).
	if want := []string{"2023年2月 ↑1上升1位", "2023年1月 —持平", "2022年12月 —上月无排名"}; !slices.Equal(got, want) {
		t.Errorf("甲街道's changes %q, want %q", got, want)
	}
}

// TestExemptPeriodTableSaid: a quarter's period-table's cell of the month
// a township was exempted from says 免考, to the eye and to a screen
// reader, as the rankings and indicator pages' cells do — not a dash,
// which it also shows of a month before a township was set up, nor
// 无排名, as though it had been assessed and ranked nowhere; its reason
// is the cell's title, and the note under the table says why to every
// reader; a township exempted from every month of the quarter has no
// row, and the note names it. A month it was ranked in reads as before.
// By hand, historySite with 丙镇 exempt in 2023-01: its 2023-02
// composite is third (TestExemptCellsSaid).
func TestExemptPeriodTableSaid(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\"2023-01\"]\n", 1)
	f["data/2023-01.toml"] = regexp.MustCompile(`"丙镇" = \d+\n`).ReplaceAllString(f["data/2023-01.toml"], "")
	f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< period-table >}}\n"
	files := renderFiles(t, loadFiles(t, f), "")
	page := files["circulars/2023/6/index.html"]
	row := rowOf(t, tableAfter(t, page, "<caption>2023年第一季度乡镇（街道）综合考核排名</caption>"), "丙镇")
	if got, want := []string{row[1], row[2]}, []string{"免考", "第三"}; !slices.Equal(got, want) {
		t.Errorf("丙镇's 1月 and 2月 in the quarter's table read %q, want %q", got, want)
	}
	if !strings.Contains(string(page), `<th scope="row">丙镇</th><td>免考</td>`) {
		t.Error("丙镇's exempt month's cell in the quarter's table is not <td>免考</td> (no reason, no title)")
	}
	// The note under the table says why, to all.
	for _, want := range []string{`<table class="ranking-table period-table" aria-describedby="period-table-note">`,
		"</table></div>\n" + `<p class="note table-note" id="period-table-note">注：丙镇2023年1月免于考核，本期综合考核按其参与的月份计算。</p>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the quarter's circular lacks %s", want)
		}
	}

	// Exempted from both months of the quarter there are, for a reason
	// in January: no row, and the note says so in the appendix's words.
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], `exempt = ["2023-01"]`, `exempt = [{month = "2023-01", reason = "数据报送不全"}, "2023-02"]`, 1)
	f["data/2023-02.toml"] = regexp.MustCompile(`"丙镇" = \d+\n`).ReplaceAllString(f["data/2023-02.toml"], "")
	out := renderFiles(t, loadFiles(t, f), "")
	page = out["circulars/2023/6/index.html"]
	// Its open data say so too, where it was missing from both: a row
	// of the composite, 备注 免于考核 (the months' reasons are theirs),
	// and data.json's exempt, without exemptReasons.
	var rows []string
	for _, l := range csvLines(t, out["circulars/2023/6/data.csv"]) {
		if strings.Contains(l, ",丙镇,") {
			rows = append(rows, l)
		}
	}
	if want := []string{"2023-Q1,综合,丙镇,,,,越高越好,bing,,2023年第一季度,免于考核"}; !slices.Equal(rows, want) {
		t.Errorf("the quarter's data.csv has of 丙镇 %q, want %q", rows, want)
	}
	var d map[string]any
	if err := json.Unmarshal(out["circulars/2023/6/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	if _, reasons := d["exemptReasons"]; fmt.Sprint(d["exempt"], d["exemptSlugs"]) != "[丙镇] [bing]" || reasons {
		t.Errorf("the quarter's data.json: exempt %v, exemptSlugs %v, exemptReasons given %v; want [丙镇], [bing] and none", d["exempt"], d["exemptSlugs"], reasons)
	}
	if bytes.Contains(page, []byte(`<th scope="row">丙镇</th>`)) {
		t.Error("丙镇, exempted from the whole quarter, has a row in its table")
	}
	if want := `<p class="note table-note" id="period-table-note">注：丙镇在2023年第一季度免于考核（1月、2月），不参加本期综合考核排名。</p>`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the quarter's circular lacks %s", want)
	}
	// And a reason, given for one month of two, is the note's.
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], `, "2023-02"]`, `]`, 1)
	f["data/2023-02.toml"] = historySite()["data/2023-02.toml"]
	out = renderFiles(t, loadFiles(t, f), "")
	page = out["circulars/2023/6/index.html"]
	if want := `注：丙镇2023年1月免于考核（数据报送不全），本期综合考核按其参与的月份计算。</p>`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the quarter's circular lacks %s", want)
	}
	if want := `<th scope="row">丙镇</th><td title="数据报送不全">免考</td>`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the quarter's table lacks %s", want)
	}
	// Ranked in the quarter, it is exempted from none of it.
	if bytes.Contains(out["circulars/2023/6/data.json"], []byte(`"exempt"`)) || bytes.Contains(out["circulars/2023/6/data.csv"], []byte("免于考核")) {
		t.Error("the quarter's open data call 丙镇, ranked in February, exempted from it")
	}
}

// TestPartialSaidOnce: a quarter's circular with a period-table and its
// appendix says of a township ranked in some months of it the same
// sentence in both notes, not 免于考核 under the table and 只参与了2月 in
// the appendix. Written by hand from rules.md (免于考核一个月; 季度、半年和
// 年度): exempted from January alone, for a reason, it is 免于考核 that
// month; set up in February (from) and exempted from March, a quarter of
// three files, its span comes first, then March, then the month it took.
func TestPartialSaidOnce(t *testing.T) {
	quarter := "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< period-table >}}\n"
	notes := func(t *testing.T, f map[string]string) []string {
		t.Helper()
		page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2023/6/index.html"])
		var out []string
		for _, m := range regexp.MustCompile(`注：([^<]*)</p>`).FindAllStringSubmatch(page, -1) {
			out = append(out, m[1])
		}
		return out
	}
	bing := regexp.MustCompile(`"丙镇" = \d+\n`)

	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [{month = \"2023-01\", reason = \"数据报送不全\"}]\n", 1)
	f["data/2023-01.toml"] = bing.ReplaceAllString(f["data/2023-01.toml"], "")
	f["content/circulars/2023-Q1.md"] = quarter
	want := "丙镇2023年1月免于考核（数据报送不全），本期综合考核按其参与的月份计算。"
	if got := notes(t, f); !slices.Equal(got, []string{want, want}) {
		t.Errorf("exempted from January, the quarter's notes are %q, want the table's and the appendix's %q", got, want)
	}

	f = historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nfrom = \"2023-02\"\nexempt = [\"2023-03\"]\n", 1)
	f["data/2022-12.toml"] = bing.ReplaceAllString(f["data/2022-12.toml"], "")
	f["data/2023-01.toml"] = bing.ReplaceAllString(f["data/2023-01.toml"], "")
	f["data/2023-03.toml"] = strings.Replace(bing.ReplaceAllString(f["data/2023-02.toml"], ""), `period = "2月"`, `period = "3月"`, 1)
	f["content/circulars/2023-Q1.md"] = quarter
	want = "丙镇2023年2月起参加考核，2023年3月免于考核，在2023年第一季度只参与了2月的综合考核排名，按其参与的月份计算。"
	if got := notes(t, f); !slices.Equal(got, []string{want, want}) {
		t.Errorf("set up in February and exempted from March, the quarter's notes are %q, want the table's and the appendix's %q", got, want)
	}
}

// TestExemptCellsSaid: the rank and score of a month a township was
// exempted from say 免考 to a screen reader in its composite table, as
// its change does — not 无 or 无排名, as though it had been assessed and
// gone unranked; in the matrices, which have no line of its exempt months
// above them, the cell says 免考 to the eye too, as a 不涉及 one says
// 不涉及, with no title when units.toml gives no reason. By hand,
// historySite with 丙镇 exempt in 2023-01: its 2023-02 安全生产 is 甲90
// 乙80 丙70, third at 70.0, and its composite third at 33.33.
func TestExemptCellsSaid(t *testing.T) {
	files := exemptBing(t, "2023-01")
	// The composite table: 月份, 综合排名, 变化, 综合得分.
	row := rowOf(t, tableAfter(t, files["units/bing/index.html"], "历次综合考核排名</caption>"), "2023年1月")
	if got, want := []string{text(row[1]), text(row[3])}, []string{"—免考", "—免考"}; !slices.Equal(got, want) {
		t.Errorf("丙镇's 2023年1月 rank and score read %q, want %q", got, want)
	}
	for _, c := range []struct{ page, row, want string }{
		{"units/bing/index.html", "安全生产", "3名，得分70.0"},
		{"indicators/anquan/index.html", "丙镇", "3名，得分70.0"},
		{"rankings/index.html", "丙镇", "3名，得分33.33"},
	} {
		r := rowOf(t, tableAfter(t, files[c.page], `<caption id="y2023">`), c.row)
		if got, want := []string{r[1], text(r[2])}, []string{"免考", c.want}; !slices.Equal(got, want) {
			t.Errorf("%s: 2023 row %s reads %q, want %q", c.page, c.row, got, want)
		}
		if !strings.Contains(string(files[c.page]), `<td>免考</td>`) {
			t.Errorf("%s: the exempt month's cell is not <td>免考</td>", c.page)
		}
		// Without a reason there is nothing for a note to add.
		if strings.Contains(string(files[c.page]), "免于考核（") {
			t.Errorf("%s gives a reason units.toml does not", c.page)
		}
	}
}

// TestIndicatorWithoutCityRanks: an indicator the level above never ranks
// (historySite's anquan: township scores only) has no section of 全市排名
// and 三区排名 on its page, and its description names only the rankings
// it has; one it ranks (jingji) keeps both.
func TestIndicatorWithoutCityRanks(t *testing.T) {
	files := renderFiles(t, loadHistorySite(t), "")
	anquan, jingji := string(files["indicators/anquan/index.html"]), string(files["indicators/jingji/index.html"])
	if strings.Contains(anquan, `id="ranks-heading"`) || strings.Contains(anquan, "本指标暂无") {
		t.Error("anquan, which no month ranks above the district, has a section of city and peer ranks")
	}
	if !strings.Contains(anquan, `<meta name="description" content="安全生产历次乡镇（街道）排名"`) {
		t.Error("anquan's description is not 安全生产历次乡镇（街道）排名")
	}
	if !strings.Contains(anquan, `id="townships-heading"`) {
		t.Error("anquan lost its township ranks")
	}
	if !strings.Contains(jingji, `id="ranks-heading"`) || !strings.Contains(jingji, `<meta name="description" content="经济运行历次全市排名、三区排名和乡镇（街道）排名"`) {
		t.Error("jingji, ranked city-wide, lost its section of city ranks or its description")
	}
}

// TestScoringSum: [scoring] method = "sum" makes the composite the total
// of the scores (Σw·v, weights 1 here), as an office whose indicators are
// parts of one total publishes it. By hand, 2022-12 of historySite:
// 甲 90 + 60 = 150, 乙 80 + 95 = 175, 丙 70 + 70 = 140.
func TestScoringSum(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[scoring]\n", "[scoring]\nmethod = \"sum\"\n", 1)
	files := renderFiles(t, loadFiles(t, f), "")
	var got [][2]string
	for _, r := range tableAfter(t, files["circulars/2022/9/index.html"], `id="appendix-composite"`) {
		got = append(got, [2]string{text(r[1]), r[0] + " " + r[2]})
	}
	if want := [][2]string{{"乙街道", "第一 175.00"}, {"甲街道", "第二 150.00"}, {"丙镇", "第三 140.00"}}; !slices.Equal(got, want) {
		t.Errorf("composite rows %q, want %q", got, want)
	}
}

// TestScoringScoreRounded: method = "score" averages each score as the
// appendix shows it, rounded to its indicator's decimals, so that a reader
// can reproduce the composite from the tables (docs/rules.md). By hand,
// 2022-12 of historySite with 甲街道's jingji 90.04 (decimals 1: 90.0):
// 甲 (90.0 + 60) ÷ 2 = 75.00, not 75.02.
func TestScoringScoreRounded(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[scoring]\n", "[scoring]\nmethod = \"score\"\n", 1)
	f["data/2022-12.toml"] = strings.Replace(f["data/2022-12.toml"], "\"甲街道\" = 90\n", "\"甲街道\" = 90.04\n", 1)
	files := renderFiles(t, loadFiles(t, f), "")
	got := ""
	for _, r := range tableAfter(t, files["circulars/2022/9/index.html"], `id="appendix-composite"`) {
		if text(r[1]) == "甲街道" {
			got = r[2]
		}
	}
	if got != "75.00" {
		t.Errorf("甲街道's composite %q, want 75.00", got)
	}
}

// TestLooseLabels: [ranking] labels = "loose" words every group of a
// ranking sentence 靠前/靠后 and the city-bottom list 排全市靠后的, for an
// office that never says 前三/后三. By hand, 2022-12 of historySite with
// groupSize 1: jingji 甲1 乙2 丙3 — exactly one first and one last, no
// tie, n = 3 ≥ 2k — would read 排名全区第一的为：甲街道；排名全区最后的为：丙镇。
func TestLooseLabels(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[ranking]\n", "[ranking]\ngroupSize = 1\n", 1)
	f["content/circulars/2022-12.md"] = strings.Replace(f["content/circulars/2022-12.md"], "正文。", "{{< indicators \"重点工作\" >}}\n\n{{< city-bottom >}}", 1)
	for labels, want := range map[string][]string{
		"":      {"排名全区第一的为：甲街道；排名全区最后的为：丙镇。", "排全市最后的单项目标"},
		"loose": {"排名全区靠前的为：甲街道；排名全区靠后的为：丙镇。", "排全市靠后的单项目标"},
	} {
		g := maps.Clone(f)
		if labels != "" {
			g["config.toml"] = strings.Replace(g["config.toml"], "[ranking]\n", "[ranking]\nlabels = \""+labels+"\"\n", 1)
		}
		page := string(renderFiles(t, loadFiles(t, g), "")["circulars/2022/9/index.html"])
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("labels %q: the circular lacks %s", labels, w)
			}
		}
	}
}

// TestAggregateNotesPartialMonths: a quarter's appendix names a township
// ranked in only some of its months, and says which, as its month files
// call them. By hand: 2023年第一季度 has two month files, 1-2月 (2023-02)
// and 3月 (2023-03); 丙镇 is exempt in March (units.toml exempt), so it is
// averaged over 1-2月 alone. The note said “丙镇在2023年第一季度的2个月中
// 只有1个月参与”: the quarter has three months, and 1-2月 is two of them.
// The month it missed is one it was exempted from: said so, as the
// period-table says it (TestPartialSaidOnce).
// Its data.json lists 丙镇's months as 2023-02 alone, the others' both.
func TestAggregateNotesPartialMonths(t *testing.T) {
	f := historySite()
	delete(f, "data/2023-01.toml")
	delete(f, "content/circulars/2023-01.md")
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], `period = "2月"`, `period = "1-2月"`, 1)
	f["data/2023-03.toml"] = strings.NewReplacer(`period = "1-2月"`, `period = "3月"`, "\"丙镇\" = 75\n", "", "\"丙镇\" = 70\n", "").Replace(f["data/2023-02.toml"])
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\"2023-03\"]\n", 1)
	f["content/circulars/2023-q1.md"] = "+++\nnumber = \"测政办函〔2023〕8号\"\ntitle = \"关于2023年第一季度的通报\"\ndate = 2023-04-20\ndata = \"2023-Q1\"\n+++\n{{< township-ranking >}}\n"
	files := renderFiles(t, loadFiles(t, f), "")
	page := string(files["circulars/2023/8/index.html"])
	// Its data.json says the months each township's score is made of.
	var d struct {
		Composite []struct {
			Slug   string
			Months []string
		}
	}
	if err := json.Unmarshal(files["circulars/2023/8/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Composite {
		want := []string{"2023-02", "2023-03"}
		if c.Slug == "bing" {
			want = want[:1]
		}
		if !slices.Equal(c.Months, want) {
			t.Errorf("data.json: %s's months %q, want %q", c.Slug, c.Months, want)
		}
	}
	if len(d.Composite) == 0 {
		t.Error("data.json has no composite")
	}
	var notes []string
	for _, m := range regexp.MustCompile(`<p class="note">注：(.*?)</p>`).FindAllStringSubmatch(page, -1) {
		notes = append(notes, m[1])
	}
	if want := []string{"丙镇2023年3月免于考核，本期综合考核按其参与的月份计算。"}; !slices.Equal(notes, want) {
		t.Errorf("the quarter's notes: %q, want %q", notes, want)
	}
}

// TestPeriodHeadingsSayMeanRank: a quarter ranked by the mean of its
// months' ranks ([aggregate] method = "mean-rank") heads that column
// 季度平均名次 in the circular's period-table and 平均名次 on a unit's
// page — a reviewer read 季度得分 1.00 ranked first — and by the mean of
// the composites, 季度得分 and 得分, as before.
func TestPeriodHeadingsSayMeanRank(t *testing.T) {
	for _, c := range []struct{ config, period, unit string }{
		{"", "季度得分", "得分"},
		{"\n[aggregate]\nmethod = \"mean-rank\"\n", "季度平均名次", "平均名次"},
		{"\n[aggregate]\nmethod = \"sum-points\"\n", "季度得分合计", "得分合计"},
	} {
		f := historySite()
		f["config.toml"] += c.config
		f["content/circulars/2023-Q1.md"] = "+++\nnumber = \"测政办函〔2023〕6号\"\ntitle = \"关于一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-Q1\"\n+++\n{{< period-table >}}\n"
		files := renderFiles(t, loadFiles(t, f), "")
		period := headAfter(t, files["circulars/2023/6/index.html"], "<caption>2023年第一季度乡镇（街道）综合考核排名</caption>")
		if want := `<th scope="col">` + c.period + `</th>`; !strings.Contains(period, want) {
			t.Errorf("%q: the period-table's heads lack %s", c.config, want)
		}
		unit := headAfter(t, files["units/bing/index.html"], "季度综合考核排名</caption>")
		if want := `<th scope="col" class="num">` + c.unit + `</th>`; !strings.Contains(unit, want) {
			t.Errorf("%q: 丙镇's aggregates table lacks %s", c.config, want)
		}
	}
}

// headAfter is the head of the first table after marker: its markup
// from marker to <tbody>.
func headAfter(t *testing.T, page []byte, marker string) string {
	t.Helper()
	s := string(page)
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("no %q on the page", marker)
	}
	end := strings.Index(s[i:], "<tbody>")
	if end < 0 {
		t.Fatalf("no table body after %q", marker)
	}
	return s[i : i+end]
}

// TestCompositeOfNoWeight: a month whose scored indicators all weigh 0
// says so where the composite is asked for, not that the month has no
// scores (a reviewer hunted for missing scores among fifty).
func TestCompositeOfNoWeight(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] = strings.ReplaceAll(f["data/indicators.toml"], "weight = 1\n", "weight = 0\n")
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< township-ranking >}}", 1)
	s := loadFiles(t, f)
	_, err := Render(s, rank.Archive(s), Options{BaseURL: "/"})
	if err == nil || !strings.Contains(err.Error(), "2023年2月有乡镇（街道）得分，但这个月的指标权重（data/indicators.toml 的 weight）都是 0") {
		t.Errorf("err = %v, want the weights named", err)
	}
}

// TestIndicatorRenamedFromAMonth: an indicator renamed from 2023-02 on
// ([[indicator.change]] name) keeps its old name in the circulars of the
// months before — their indicator entries, tables and data.json, which
// are published records — and has its new one from 2023-02 and on its
// page, which says when it was renamed. (Renaming it in [[indicator]]
// renamed it in every circular published: a reviewer's 853 files.)
func TestIndicatorRenamedFromAMonth(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "weight = 1\ndecimals = 1\n", "weight = 1\ndecimals = 1\n[[indicator.change]]\nfrom = \"2023-02\"\nname = \"经济发展\"\n", 1)
	for _, m := range []string{"2023-01", "2023-02"} {
		f["content/circulars/"+m+".md"] = strings.Replace(f["content/circulars/"+m+".md"], "正文。", "{{< indicators \"重点工作\" >}}\n\n{{< table jingji >}}", 1)
	}
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, name := range map[string]string{"circulars/2023/2/": "经济运行", "circulars/2023/5/": "经济发展"} {
		var d OpenData
		if err := json.Unmarshal(files[page+"data.json"], &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Indicators) == 0 || d.Indicators[0].ID != "jingji" || d.Indicators[0].Name != name {
			t.Errorf("%sdata.json names jingji %+v, want %s", page, d.Indicators, name)
		}
		html := string(files[page+"index.html"])
		other := map[string]string{"经济运行": "经济发展", "经济发展": "经济运行"}[name]
		for _, want := range []string{"1. " + name, "<caption>" + name + "乡镇（街道）排名"} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
		if strings.Contains(html, other) {
			t.Errorf("%s names the indicator %s too", page, other)
		}
	}
	page := string(files["indicators/jingji/index.html"])
	for _, want := range []string{`<h1 class="page-title">经济发展历次排名</h1>`, "自2023年2月起改称“经济发展”"} {
		if !strings.Contains(page, want) {
			t.Errorf("the indicator's page lacks %q", want)
		}
	}
}

// TestCircularTitleIssuer: a circular's title is put after the issuer
// (GB/T 9704: 发文机关 + 关于 + 事由 + 文种) when it begins with 关于 or has
// none, and kept as written when it names the issuer before its 关于 in
// another form (a reviewer's 某市人民政府督查室市政府督查室关于…).
func TestCircularTitleIssuer(t *testing.T) {
	for title, want := range map[string]string{
		"关于测试的通报":           "测试区人民政府办公室关于测试的通报",
		"区政府办关于测试的通报":       "区政府办关于测试的通报",
		"测试区人民政府办公室关于测试的通报": "测试区人民政府办公室关于测试的通报",
		"2023年一季度督查情况通报":    "测试区人民政府办公室2023年一季度督查情况通报",
	} {
		f := historySite()
		f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "关于测试的通报", title, 1)
		var d OpenData
		if err := json.Unmarshal(renderFiles(t, loadFiles(t, f), "/")["circulars/2023/5/data.json"], &d); err != nil {
			t.Fatal(err)
		}
		if got := d.Circular.Title; got != want {
			t.Errorf("title %q reads %q, want %q", title, got, want)
		}
	}
}

// TestAggregateNotesExemptThroughout: a township exempted from every month
// of a quarter is in none of the quarter's rankings, and the appendix says
// so, as a month's says it of the month — it said nothing, and the
// quarter's table was one township short without a word. By hand: the
// quarter has two month files, 1-2月 (2023-02) and 3月 (2023-03), and
// 丙镇 is exempt in both; 乙街道, exempt in March alone, is ranked over
// 1-2月, exempted from 3月 (the note of TestAggregateNotesPartialMonths).
func TestAggregateNotesExemptThroughout(t *testing.T) {
	f := historySite()
	delete(f, "data/2023-01.toml")
	delete(f, "content/circulars/2023-01.md")
	f["data/2023-02.toml"] = strings.NewReplacer(`period = "2月"`, `period = "1-2月"`, "\"丙镇\" = 75\n", "", "\"丙镇\" = 70\n", "").Replace(f["data/2023-02.toml"])
	f["data/2023-03.toml"] = strings.NewReplacer(`period = "1-2月"`, `period = "3月"`, "\"乙街道\" = 85\n", "", "\"乙街道\" = 80\n", "").Replace(f["data/2023-02.toml"])
	f["data/units.toml"] = strings.NewReplacer(
		"slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\"2023-02\", \"2023-03\"]\n",
		"slug = \"yi\"\n", "slug = \"yi\"\nexempt = [\"2023-03\"]\n").Replace(f["data/units.toml"])
	f["content/circulars/2023-q1.md"] = "+++\nnumber = \"测政办函〔2023〕8号\"\ntitle = \"关于2023年第一季度的通报\"\ndate = 2023-04-20\ndata = \"2023-Q1\"\n+++\n{{< township-ranking >}}\n"
	page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2023/8/index.html"])
	var notes []string
	for _, m := range regexp.MustCompile(`<p class="note">注：(.*?)</p>`).FindAllStringSubmatch(page, -1) {
		notes = append(notes, m[1])
	}
	want := []string{
		"乙街道2023年3月免于考核，本期综合考核按其参与的月份计算。",
		"丙镇在2023年第一季度免于考核（1-2月、3月），不参加本期综合考核排名。",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("the quarter's notes: %q, want %q", notes, want)
	}
}

// TestUnitPageMeasures: a unit's page lists the measures its circulars
// gave it, in the seed's words: 东风路街道，奖励5万元（乡镇、街道综合考核排名
// 第一）; 火车站乡's 行政负责人 给予约谈 (乡镇、街道综合考核排名倒数第一, the
// rule's reason); each period linking its circular. A unit given none
// has no such section.
func TestUnitPageMeasures(t *testing.T) {
	out := renderFiles(t, loadSample(t), "/")
	list := func(path string) string {
		page := string(out[path])
		i := strings.Index(page, `id="measures-heading"`)
		if i < 0 {
			return ""
		}
		body := page[i:]
		body = body[strings.Index(body, "<ul"):strings.Index(body, "</ul>")]
		return strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " ")), " ")
	}
	for path, want := range map[string]string{
		"units/dongfenglu/index.html": "2023年1-2月 ：奖励5万元（乡镇、街道综合考核排名第一）",
		"units/huochezhan/index.html": "2023年1-2月 ：行政负责人，约谈（乡镇、街道综合考核排名倒数第一）",
		"units/xinglong/index.html":   "",
	} {
		if got := list(path); got != want {
			t.Errorf("%s: 奖惩情况 %q, want %q", path, got, want)
		}
	}
	if !strings.Contains(string(out["units/dongfenglu/index.html"]), `<li><a href="/circulars/2023/14/">2023年1-2月</a>：奖励5万元（乡镇、街道综合考核排名第一）</li>`) {
		t.Error("东风路街道's measure does not link its circular")
	}
}

// TestDepartmentPageWithoutHigherRanks: an office given no ranks from
// above words a department's page without them — not in the default
// 全市 and 三区 its [terms] left alone — and one given only a peer rank
// names that alone, in the note over the table and in the description.
func TestDepartmentPageWithoutHigherRanks(t *testing.T) {
	strip := func(f map[string]string, res ...*regexp.Regexp) {
		for name, src := range f {
			if strings.HasPrefix(name, "data/20") {
				for _, re := range res {
					src = re.ReplaceAllString(src, "")
				}
				f[name] = src
			}
		}
	}
	city := regexp.MustCompile(`(?m)^city = \d+\n`)
	district := regexp.MustCompile(`(?m)^district = \d+\n`)
	cats := regexp.MustCompile(`(?s)\[categories\]\n.*`)

	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "peer = \"三区\"\n", "", 1)
	strip(f, city, district, cats)
	page := string(renderFiles(t, loadFiles(t, f), "")["units/fagai/index.html"])
	for _, want := range []string{
		"<p>暂无考核排类；各乡镇（街道）在负责指标中的得分和名次见上列指标的页面。</p>",
		`<meta name="description" content="区发改局负责的考核指标">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("without ranks from above, 区发改局's page lacks %s", want)
		}
	}
	for _, word := range []string{"全市", "三区"} {
		if strings.Contains(page, word) {
			t.Errorf("without ranks from above, 区发改局's page speaks of %s", word)
		}
	}

	f = historySite()
	strip(f, city)
	page = string(renderFiles(t, loadFiles(t, f), "")["units/caizheng/index.html"])
	for _, want := range []string{
		`<p class="note">“（三区）”行为三区排名名次；点击月份查看当月通报。</p>`,
		`<meta name="description" content="区财政局负责指标的历次三区排名和历次考核排类">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("with a peer rank alone, 区财政局's page lacks %s", want)
		}
	}
	if strings.Contains(page, "全市") {
		t.Error("with a peer rank alone, 区财政局's page speaks of 全市")
	}
}

// A department that owns no indicator and is never sorted has a page
// whose description is its title's words: not the ranks from above of
// indicators it has none of (负责指标的历次全市排名和三区排名), nor
// 负责的考核指标 over a page that says it owns none.
func TestDepartmentPageOwningNothing(t *testing.T) {
	f := historySite()
	f["data/units.toml"] += "[[department]]\nname = \"区审计局\"\nslug = \"shenji\"\n"
	cats := regexp.MustCompile(`(?s)\[categories\]\n.*`)
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = cats.ReplaceAllString(src, "")
		}
	}
	page := string(renderFiles(t, loadFiles(t, f), "")["units/shenji/index.html"])
	if want := `<meta name="description" content="区审计局历次考核情况">`; !strings.Contains(page, want) {
		t.Errorf("区审计局's page lacks %s", want)
	}
}

// TestIndicatorProvinceOnly: an office ranked by the province and given no
// peer ranking (a city's 督查室: [terms] city = "全省", [ranking]
// districtRanks = false, no month with a district rank) has on an
// indicator's page the province's ranks alone — heading 全省排名, no
// 三区排名 column of dashes, and a description naming only what the page
// shows. By hand, historySite's jingji is ranked 3, 5, 1 by the province:
// newest first 第一 (up 4 from 第五), 第五 (down 2 from 第三), 第三.
func TestIndicatorProvinceOnly(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "peer = \"三区\"\n", "city = \"全省\"\n", 1)
	f["config.toml"] = strings.Replace(f["config.toml"], "districtUnits = 3\n", "districtRanks = false\n", 1)
	for _, m := range []string{"data/2022-12.toml", "data/2023-01.toml", "data/2023-02.toml"} {
		f[m] = regexp.MustCompile(`district = \d+\n`).ReplaceAllString(f[m], "")
	}
	files := renderFiles(t, loadFiles(t, f), "")
	jingji := files["indicators/jingji/index.html"]
	for _, w := range []string{
		`<h2 id="ranks-heading">全省排名</h2>`,
		`<caption>经济运行历次全省排名</caption>`,
		`<tr><th scope="col">月份</th><th scope="col">全省排名</th><th scope="col">全省排名变化</th></tr>`,
		`<meta name="description" content="经济运行历次全省排名和乡镇（街道）排名">`,
	} {
		if !bytes.Contains(jingji, []byte(w)) {
			t.Errorf("jingji's page lacks %s", w)
		}
	}
	if bytes.Contains(jingji, []byte("三区")) {
		t.Error("jingji's page names 三区, a peer ranking the office is not given")
	}
	rows := tableAfter(t, jingji, "<caption>经济运行历次全省排名</caption>")
	var got [][]string
	for _, r := range rows {
		got = append(got, []string{text(r[0]), text(r[1]), text(r[len(r)-1])})
		if len(r) != 3 {
			t.Errorf("row %q has %d cells, want 3 (月份, 全省排名, 变化)", text(r[0]), len(r))
		}
	}
	want := [][]string{{"2023年2月", "第一", "↑4上升4位"}, {"2023年1月", "第五", "↓2下降2位"}, {"2022年12月", "第三", "—上月无排名"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("jingji's rows %q, want %q", got, want)
	}
	// caizheng, with no township scores and no rank from above in any
	// month, says it has no 全省排名, not 全省排名或三区排名.
	if caizheng := files["indicators/caizheng/index.html"]; !bytes.Contains(caizheng, []byte("<p>本指标暂无全省排名。</p>")) {
		t.Error("caizheng's page does not say 本指标暂无全省排名。")
	}
}

// TestUnitLatestGrouped: with unit groups a township's page says in which
// group its newest composite rank is, as the circular's reasons do
// (城区组综合考核排名第一): 丙镇, alone in 镇组, is not 综合考核排名第一
// among three. By hand, historySite's 2023-02 grouped: 街道组 甲 (95, 90)
// over 乙 (85, 80), so 甲 first and 乙 second; 丙镇 first of its one.
func TestUnitLatestGrouped(t *testing.T) {
	f := historySite()
	groupHistorySite(f)
	files := renderFiles(t, loadFiles(t, f), "")
	for page, want := range map[string]string{
		"units/jia/index.html":  `<a href="/circulars/2023/5/">2023年2月</a>` + "街道组综合考核排名第一（共2个），比上月上升1位。",
		"units/yi/index.html":   `<a href="/circulars/2023/5/">2023年2月</a>` + "街道组综合考核排名第二（共2个），比上月下降1位。",
		"units/bing/index.html": `<a href="/circulars/2023/5/">2023年2月</a>` + "镇组综合考核排名第一（共1个），与上月持平。",
	} {
		if w := `<p class="history-lead">` + want + `</p>`; !bytes.Contains(files[page], []byte(w)) {
			t.Errorf("%s lacks %s", page, w)
		}
	}
	// Its chart's words likewise: 甲 tied first in 2022-12 (75 each), second
	// in 2023-01, first in 2023-02.
	if w := "2022年12月至2023年2月共3期，街道组综合考核排名最好为第一，最差为第二，最近一期（2023年2月）为第一。"; !bytes.Contains(files["units/jia/index.html"], []byte(w)) {
		t.Errorf("甲街道's chart does not say %s", w)
	}
}

// TestRankingsGrouped: with unit groups /rankings/ gives each group a
// section of its own, in units.toml's group order, headed by the group's
// name in a fold (a phone folds it, page.js): the group's matrix of each
// year, captioned with its name (each group ranks from 1), and its units;
// each cell shaded by its rank in its group, with a legend per group when
// the groups differ in size. By hand, groupHistorySite in 2023: 街道组
// (two) 2023-01 乙 1 甲 2, 2023-02 甲 1 乙 2; 镇组 丙镇 alone, 1 and 1.
// Six shades over two ranks: 1 → ⌈6/2⌉ = 3, 2 → 6; over one rank: 1 → 6.
// A group's table has no row of the group's name on screen, where its
// caption names it; it ends with the row that heads it on paper (hidden
// elsewhere): its name and the months.
func TestRankingsGrouped(t *testing.T) {
	f := historySite()
	groupHistorySite(f)
	page := string(renderFiles(t, loadFiles(t, f), "")["rankings/index.html"])
	cell := func(rank, score string, shade int) string {
		return `<td class="heat-` + strconv.Itoa(shade) + `">` + rank + `<span class="visually-hidden">名，得分</span><small>` + score + `</small></td>`
	}
	body := func(caption string) string {
		i := strings.Index(page, caption)
		if i < 0 {
			t.Fatalf("no matrix captioned %s", caption)
		}
		b := page[i:]
		return squeezeSpace(b[strings.Index(b, "<tbody>"):strings.Index(b, "</table>")])
	}
	street := body(`<caption id="group-1-y2023">2023年街道组综合考核排名</caption>`)
	want := "<tbody>\n" +
		`<tr><th scope="row"><a href="/units/jia/">甲街道</a></th>` + cell("2", "50.00", 6) + cell("1", "100.00", 3) + "</tr>\n" +
		`<tr><th scope="row"><a href="/units/yi/">乙街道</a></th>` + cell("1", "100.00", 3) + cell("2", "50.00", 6) + "</tr>\n" +
		`<tr class="matrix-print-head" hidden><th><strong>街道组</strong></th><th>1月</th><th>2月</th></tr>` + "\n" +
		"</tbody>"
	if street != squeezeSpace(want) {
		t.Errorf("街道组's 2023 matrix body\n%s\nwant\n%s", street, want)
	}
	town := body(`<caption id="group-2-y2023">2023年镇组综合考核排名</caption>`)
	want = "<tbody>\n" +
		`<tr><th scope="row"><a href="/units/bing/">丙镇</a></th>` + cell("1", "100.00", 6) + cell("1", "100.00", 6) + "</tr>\n" +
		`<tr class="matrix-print-head" hidden><th><strong>镇组</strong></th><th>1月</th><th>2月</th></tr>` + "\n" +
		"</tbody>"
	if town != squeezeSpace(want) {
		t.Errorf("镇组's 2023 matrix body\n%s\nwant\n%s", town, want)
	}
	at := 0
	for _, w := range []string{
		`每格上方为当月在本组中的综合考核名次`,
		`<p class="heat-legend-title" id="legend-title-0">图例（街道组，底色深浅）：</p>`,
		`<li><span class="heat-swatch heat-3" aria-hidden="true"></span>第1名</li>` + "\n" + `          <li><span class="heat-swatch heat-6" aria-hidden="true"></span>第2名</li>`,
		`<p class="heat-legend-title" id="legend-title-1">图例（镇组，底色深浅）：</p>`,
		`<details class="fold" id="group-1" open data-fold="phone">` + "\n" + `        <summary><h3 class="fold-heading">街道组</h3></summary>`,
		`<caption id="group-1-y2023">`,
		`<p class="fold-units">街道组的乡镇（街道）：</p>`,
		`<a href="#main">返回顶部</a>`,
		`<details class="fold" id="group-2" open data-fold="phone">` + "\n" + `        <summary><h3 class="fold-heading">镇组</h3></summary>`,
		`<caption id="group-2-y2023">`,
	} {
		i := strings.Index(page[at:], w)
		if i < 0 {
			t.Errorf("rankings page lacks, after what precedes it, %s", w)
			continue
		}
		at += i + len(w)
	}
	for _, bad := range []string{`matrix-group`, `<caption id="y2023">`, `<h2 id="group-1">`} {
		if strings.Contains(page, bad) {
			t.Errorf("rankings page has %s", bad)
		}
	}
}

// squeezeSpace drops the indentation and blank lines a layout adds.
func squeezeSpace(s string) string {
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestQuarterlyOfficeWords: an office that assesses once a quarter
// writes each quarter as the file of its last month (period = "1-3月"),
// and its pages speak of quarters where a monthly office's speak of
// months: a column headed 季度, 上季度无排名, 点击季度查看当季度通报, 共3个季度,
// and a year's note of 各季度. historySite's three months, as quarters
// (composites from its table):
//
//	2022-12 10-12月: 乙 #1 83.33, 甲 #2 66.67, 丙 #3 50.00
//	2023-03 1-3月:   乙 #1= 83.33, 丙 #1= 83.33, 甲 #3 33.33
//	2023-06 4-6月:   甲 #1 100.00, 乙 #2 66.67, 丙 #3 33.33
func TestQuarterlyOfficeWords(t *testing.T) {
	files := renderFiles(t, loadFiles(t, quarterlyHistorySite()), "")
	bing := files["units/bing/index.html"]
	rows := tableAfter(t, bing, ">丙镇历次综合考核排名</caption>")
	want := [][4]string{
		{"2023年4-6月", "第三", `<span aria-hidden="true">↓2</span><span class="visually-hidden">下降2位</span>`, "33.33"},
		{"2023年1-3月", "并列第一", `<span aria-hidden="true">↑2</span><span class="visually-hidden">上升2位</span>`, "83.33"},
		{"2022年10-12月", "第三", `<span aria-hidden="true">—</span><span class="visually-hidden">上季度无排名</span>`, "50.00"},
	}
	if len(rows) != len(want) {
		t.Fatalf("丙镇: %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i, w := range want {
		if got := rows[i]; len(got) != 4 || text(got[0]) != w[0] || got[1] != w[1] || got[2] != w[2] || got[3] != w[3] {
			t.Errorf("丙镇 row %d = %q, want %q", i, got, w)
		}
	}
	for page, wants := range map[string][]string{
		"units/bing/index.html": {
			`<tr><th scope="col">季度</th><th scope="col" class="words">综合<wbr>排名</th>`,
			"每格上方为该季度在参与该项排名的乡镇（街道）中的名次（名次相同即为并列），下方为得分；点击季度查看当季度通报。",
		},
		"rankings/index.html":            {"每格上方为当季度综合考核名次（名次相同即为并列），下方为综合得分；底色越深名次越靠前。点击乡镇（街道）查看其历次排名，点击季度查看当季度通报。"},
		"indicators/jingji/index.html":   {"下方为得分；点击季度查看当季度通报。"},
		"indicators/caizheng/index.html": {`<tr><th scope="col">季度</th><th scope="col">全市排名</th>`},
		"data/index.html":                {"2022年10-12月至2023年4-6月，共 3 个季度，"},
		"circulars/2023/9/index.html":    {"以下为本期通报所依据的乡镇（街道）综合考核排名：2023年度乡镇（街道）各季度综合得分的平均，每季度的名次见各季度通报。"},
	} {
		s := string(files[page])
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
		for _, month := range []string{"月份", "当月", "上月", "该月", "各月", "个月"} {
			if i := strings.Index(s, month); i >= 0 && page != "data/index.html" {
				t.Errorf("%s speaks of months: …%s…", page, s[max(i-60, 0):min(i+60, len(s))])
			}
		}
	}
}

// TestHalfYearOfficeWords: an office that assesses every half year (each
// month file a half: 2023-06 of period "1-6月") has its pages speak of
// half years as TestQuarterlyOfficeWords's of quarters — 半年度 heading
// the columns, 共3个半年度 — and of 期 where a word follows 上, 当, 该 or
// 各: 上期无排名, 点击半年度查看当期通报. Never 上半年度 for the half
// before, which is January to June, nor 个半年, two and a half years.
func TestHalfYearOfficeWords(t *testing.T) {
	files := renderFiles(t, loadFiles(t, halfYearHistorySite()), "")
	rows := tableAfter(t, files["units/bing/index.html"], ">丙镇历次综合考核排名</caption>")
	want := [][4]string{
		{"2023年7-12月", "第三", `<span aria-hidden="true">↓2</span><span class="visually-hidden">下降2位</span>`, "33.33"},
		{"2023年1-6月", "并列第一", `<span aria-hidden="true">↑2</span><span class="visually-hidden">上升2位</span>`, "83.33"},
		{"2022年7-12月", "第三", `<span aria-hidden="true">—</span><span class="visually-hidden">上期无排名</span>`, "50.00"},
	}
	if len(rows) != len(want) {
		t.Fatalf("丙镇: %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i, w := range want {
		if got := rows[i]; len(got) != 4 || text(got[0]) != w[0] || got[1] != w[1] || got[2] != w[2] || got[3] != w[3] {
			t.Errorf("丙镇 row %d = %q, want %q", i, got, w)
		}
	}
	for page, wants := range map[string][]string{
		"units/bing/index.html": {
			`<tr><th scope="col">半年度</th><th scope="col" class="words">综合<wbr>排名</th>`,
			"每格上方为该期在参与该项排名的乡镇（街道）中的名次（名次相同即为并列），下方为得分；点击半年度查看当期通报。",
		},
		"rankings/index.html":            {"每格上方为当期综合考核名次（名次相同即为并列），下方为综合得分；底色越深名次越靠前。点击乡镇（街道）查看其历次排名，点击半年度查看当期通报。"},
		"indicators/jingji/index.html":   {"下方为得分；点击半年度查看当期通报。"},
		"indicators/caizheng/index.html": {`<tr><th scope="col">半年度</th><th scope="col">全市排名</th>`},
		"data/index.html":                {"2022年7-12月至2023年7-12月，共 3 个半年度，"},
		"circulars/2023/9/index.html":    {"以下为本期通报所依据的乡镇（街道）综合考核排名：2023年度乡镇（街道）各期综合得分的平均，每期的名次见各期通报。"},
	} {
		s := string(files[page])
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
		for _, month := range []string{"月份", "当月", "上月", "该月", "各月", "个月", "上半年度", "当半年", "个半年<"} {
			if i := strings.Index(s, month); i >= 0 && page != "data/index.html" {
				t.Errorf("%s speaks of months: …%s…", page, s[max(i-60, 0):min(i+60, len(s))])
			}
		}
	}
}

// halfYearHistorySite is historySite as an office assessing every half
// year writes it (TestHalfYearOfficeWords), with a year's circular.
func halfYearHistorySite() map[string]string {
	f := historySite()
	f["data/2022-12.toml"] = strings.Replace(f["data/2022-12.toml"], `period = "12月"`, `period = "7-12月"`, 1)
	f["data/2023-06.toml"] = strings.Replace(f["data/2023-01.toml"], `period = "1月"`, `period = "1-6月"`, 1)
	f["data/2023-12.toml"] = strings.Replace(f["data/2023-02.toml"], `period = "2月"`, `period = "7-12月"`, 1)
	delete(f, "data/2023-01.toml")
	delete(f, "data/2023-02.toml")
	f["content/circulars/2023-01.md"] = "+++\nnumber = \"测政办函〔2023〕2号\"\ntitle = \"关于2023年上半年的通报\"\ndate = 2023-07-10\ndata = \"2023-06\"\n+++\n正文。\n"
	f["content/circulars/2023-02.md"] = "+++\nnumber = \"测政办函〔2023〕5号\"\ntitle = \"关于2023年下半年的通报\"\ndate = 2023-12-25\ndata = \"2023-12\"\n+++\n正文。\n"
	f["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于2023年度的通报\"\ndate = 2023-12-30\ndata = \"2023\"\n+++\n{{< period-table >}}\n"
	return f
}

// quarterlyHistorySite is historySite as an office assessing once a
// quarter writes it (TestQuarterlyOfficeWords), with a year's circular.
func quarterlyHistorySite() map[string]string {
	f := historySite()
	f["data/2022-12.toml"] = strings.Replace(f["data/2022-12.toml"], `period = "12月"`, `period = "10-12月"`, 1)
	f["data/2023-03.toml"] = strings.Replace(f["data/2023-01.toml"], `period = "1月"`, `period = "1-3月"`, 1)
	f["data/2023-06.toml"] = strings.Replace(f["data/2023-02.toml"], `period = "2月"`, `period = "4-6月"`, 1)
	delete(f, "data/2023-01.toml")
	delete(f, "data/2023-02.toml")
	f["content/circulars/2023-01.md"] = "+++\nnumber = \"测政办函〔2023〕2号\"\ntitle = \"关于2023年第一季度的通报\"\ndate = 2023-04-10\ndata = \"2023-03\"\n+++\n正文。\n"
	f["content/circulars/2023-02.md"] = "+++\nnumber = \"测政办函〔2023〕5号\"\ntitle = \"关于2023年第二季度的通报\"\ndate = 2023-07-03\ndata = \"2023-06\"\n+++\n正文。\n"
	f["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2023〕9号\"\ntitle = \"关于2023年度的通报\"\ndate = 2023-12-30\ndata = \"2023\"\n+++\n{{< period-table >}}\n"
	return f
}

// TestQuarterlyOfficeExempt: a township exempted from a quarter is, in
// the year's circular of an office assessing once a quarter, assessed by
// the quarters it took part in, not the months: 丙镇 exempted from 2023-06
// (4-6月) took part in 1-3月 alone of 2023's two quarters. The table and
// the appendix say it in the same words, once each, where the appendix
// said 只参与了1-3月 beside the table's 免于考核 (TestPartialSaidOnce).
func TestQuarterlyOfficeExempt(t *testing.T) {
	f := quarterlyHistorySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [{month = \"2023-06\", reason = \"数据报送不全\"}]\n", 1)
	f["data/2023-06.toml"] = regexp.MustCompile(`(?m)^"丙镇" = .*\n`).ReplaceAllString(f["data/2023-06.toml"], "")
	page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2023/9/index.html"])
	if want := "丙镇2023年4-6月免于考核（数据报送不全），本期综合考核按其参与的季度计算。"; strings.Count(page, want) != 2 {
		t.Errorf("the year's circular says %d times %s, want twice (the table's note and the appendix's)", strings.Count(page, want), want)
	}
	if strings.Contains(page, "只参与了") {
		t.Error("the year's circular names 丙镇 again, as 只参与了")
	}
	if i := strings.Index(page, "参与的月份"); i >= 0 {
		t.Errorf("the year's circular speaks of months: …%s…", page[max(i-90, 0):i+30])
	}
}

// TestUnitStreaks: a township's page says how near a rule with a streak
// it stands after the newest month, from the rules. By hand, historySite's
// composite ranks (2022年12月, 2023年1月, 2023年2月): 甲 2, 3, 1; 乙 1,
// 并列1, 2; 丙 3, 并列1, 3. Last, streak 2: 丙 last in February alone,
// one month more. Top two, streak 4: 乙 in all three, one more; 甲 in
// February only, three more. With streak 3, 乙's three have reached it
// (its 奖励 is in the circular) and it is told nothing.
func TestUnitStreaks(t *testing.T) {
	lead := func(s string) string { return `<p class="history-streak">` + s + `</p>` }
	for _, c := range []struct {
		name, rules string
		want        map[string][]string
	}{
		{"short", "[[rule]]\non = \"composite\"\nselect = \"last\"\nstreak = 2\naction = \"约谈\"\n" +
			"[[rule]]\non = \"composite\"\nselect = \"top\"\ncount = 2\nstreak = 4\naction = \"奖励\"\namount = 10000\n",
			map[string][]string{
				"bing": {"本月乡镇、街道综合考核排名倒数第一，再有1个月如此，按规则予以约谈。"},
				"yi":   {"已连续3个月综合考核排名前两名，再有1个月如此，按规则予以奖励。"},
				"jia":  {"本月乡镇、街道综合考核排名前两名，再有3个月如此，按规则予以奖励。"},
			}},
		{"reached", "[[rule]]\non = \"composite\"\nselect = \"top\"\ncount = 2\nstreak = 3\naction = \"奖励\"\namount = 10000\n",
			map[string][]string{
				"yi":   nil,
				"bing": nil,
				"jia":  {"本月乡镇、街道综合考核排名前两名，再有2个月如此，按规则予以奖励。"},
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := historySite()
			f["config.toml"] += c.rules
			files := renderFiles(t, loadFiles(t, f), "")
			for slug, want := range c.want {
				page := string(files["units/"+slug+"/index.html"])
				got := regexp.MustCompile(`<p class="history-streak">[^<]*</p>`).FindAllString(page, -1)
				var w []string
				for _, s := range want {
					w = append(w, lead(s))
				}
				if !slices.Equal(got, w) {
					t.Errorf("%s: %q, want %q", slug, got, w)
				}
			}
		})
	}
}

// TestUnitLagging: a township's page names the indicators it was in the
// bottom group of in its newest month, worst first, with its score and
// the first's. By hand, with groupSize = 1, historySite's 2023-02: 丙镇
// last on 经济运行 (75 against 甲's 95) and on 安全生产 (70 against 90),
// both third, so in document order; 甲 and 乙 last on none. An
// indicator ranking fewer than the composite says of how many.
func TestUnitLagging(t *testing.T) {
	f := historySite()
	f["config.toml"] = strings.Replace(f["config.toml"], "[ranking]\n", "[ranking]\ngroupSize = 1\n", 1)
	files := renderFiles(t, loadFiles(t, f), "")
	want := `<p class="history-span">排名最后的单项指标：<a href="/indicators/jingji/">经济运行</a>第三（得分75.0，第一名95.0）；<a href="/indicators/anquan/">安全生产</a>第三（得分70.0，第一名90.0）。</p>`
	if page := string(files["units/bing/index.html"]); !strings.Contains(page, want) {
		t.Errorf("丙镇's page lacks %s", want)
	}
	for _, slug := range []string{"jia", "yi"} {
		if page := string(files["units/"+slug+"/index.html"]); strings.Contains(page, "的单项指标：") {
			t.Errorf("%s's page names lagging indicators, but it was last on none", slug)
		}
	}

	// 安全生产 of 乙街道 and 丙镇 alone: 丙镇 second of two (70 against
	// 80), which says of how many, where the composite ranks three.
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "owners = [\"区财政局\"]\ntownships = \"all\"\n", "owners = [\"区财政局\"]\ntownships = [\"乙街道\", \"丙镇\"]\n", 1)
	for name, src := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = regexp.MustCompile(`(indicator = "anquan"\n\[result.townships\]\n)"甲街道" = \d+\n`).ReplaceAllString(src, "$1")
		}
	}
	files = renderFiles(t, loadFiles(t, f), "")
	want = `<p class="history-span">排名最后的单项指标：<a href="/indicators/jingji/">经济运行</a>第三（得分75.0，第一名95.0）；<a href="/indicators/anquan/">安全生产</a>第二（共2个，得分70.0，第一名80.0）。</p>`
	if page := string(files["units/bing/index.html"]); !strings.Contains(page, want) {
		t.Errorf("安全生产 of two: 丙镇's page lacks %s", want)
	}
}

// TestUnitLaggingLowerBetter: an indicator whose lower scores rank first
// says so before the scores, which otherwise read as though the higher
// had won. By hand, with groupSize = 1 and 安全生产 lower-better,
// historySite's 2023-02 ranks 安全生产 丙镇 70, 乙街道 80, 甲街道 90: 甲
// last (第三) against 丙's 70; 丙 is last on 经济运行 alone, higher-better,
// said as before. From a [[indicator.change]] of 2023-02 alike, as the
// newest period's setting; from 2023-03 on, not yet: higher-better in
// 2023-02, 丙 last on both and 甲 on none, as TestUnitLagging has it.
func TestUnitLaggingLowerBetter(t *testing.T) {
	for _, c := range []struct {
		name, edit string
		lower      bool
	}{
		{"lower", "better = \"lower\"\nweight = 1\ndecimals = 1\n", true},
		{"changed", "better = \"higher\"\nweight = 1\ndecimals = 1\n[[indicator.change]]\nfrom = \"2023-02\"\nbetter = \"lower\"\n", true},
		{"later", "better = \"higher\"\nweight = 1\ndecimals = 1\n[[indicator.change]]\nfrom = \"2023-03\"\nbetter = \"lower\"\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := historySite()
			f["config.toml"] = strings.Replace(f["config.toml"], "[ranking]\n", "[ranking]\ngroupSize = 1\n", 1)
			f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "owners = [\"区财政局\"]\ntownships = \"all\"\nbetter = \"higher\"\nweight = 1\ndecimals = 1\n", "owners = [\"区财政局\"]\ntownships = \"all\"\n"+c.edit, 1)
			files := renderFiles(t, loadFiles(t, f), "")
			want := map[string]string{
				"jia":  `<p class="history-span">排名最后的单项指标：<a href="/indicators/anquan/">安全生产</a>第三（越低越好，得分90.0，第一名70.0）。</p>`,
				"bing": `<p class="history-span">排名最后的单项指标：<a href="/indicators/jingji/">经济运行</a>第三（得分75.0，第一名95.0）。</p>`,
			}
			if !c.lower { // as TestUnitLagging: 丙 last on both, 甲 on none
				want = map[string]string{"bing": `<p class="history-span">排名最后的单项指标：<a href="/indicators/jingji/">经济运行</a>第三（得分75.0，第一名95.0）；<a href="/indicators/anquan/">安全生产</a>第三（得分70.0，第一名90.0）。</p>`}
			}
			for slug, w := range want {
				if page := string(files["units/"+slug+"/index.html"]); !strings.Contains(page, w) {
					t.Errorf("%s's page lacks %s\n%s", slug, w, regexp.MustCompile(`单项指标：.*`).FindString(page))
				}
			}
		})
	}
}

// TestUnitYearMeasures: the lead counts the newest year's measures by
// action, newest first. By hand, first 奖励 and last 约谈 over
// historySite's composite ranks (甲 2, 3, 1; 乙 1, 并列1, 2; 丙 3,
// 并列1, 3): in 2023 丙 was rewarded in January (tied first) and 约谈 in
// February; 甲 约谈 in January, rewarded in February; 乙 rewarded in
// January only, its 2022年12月 reward not counted. February's measures,
// which its circular gives the day the page is read, are said first, in
// a sentence: 丙's 约谈, 甲's 奖励, none of 乙's.
func TestUnitYearMeasures(t *testing.T) {
	f := historySite()
	f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 10000\n" +
		"[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\n"
	files := renderFiles(t, loadFiles(t, f), "")
	for slug, want := range map[string]string{
		"bing": "约谈1次、奖励1次",
		"jia":  "奖励1次、约谈1次",
		"yi":   "奖励1次",
	} {
		w := `<p class="history-span">2023年奖惩：` + want + `（见<a href="#measures-heading">奖惩情况</a>）。</p>`
		if page := string(files["units/"+slug+"/index.html"]); !strings.Contains(page, w) {
			t.Errorf("%s's page lacks %s", slug, w)
		}
	}
	for slug, want := range map[string]string{
		"bing": "予以约谈（乡镇、街道综合考核排名倒数第一）",
		"jia":  "予以奖励1万元（乡镇、街道综合考核排名第一）",
		"yi":   "",
	} {
		page := string(files["units/"+slug+"/index.html"])
		if w := `<p class="history-span">本月` + want + `。</p>`; want != "" && !strings.Contains(page, w) {
			t.Errorf("%s's page lacks %s", slug, w)
		}
		if want == "" && strings.Contains(page, "本月予以") {
			t.Errorf("%s's page says 本月予以…, but February gave it nothing", slug)
		}
	}
}

// TestUnitLeadMeasuresSentence: the lead says its period's measures as
// a sentence that opens with the period — 本月 of the archive's newest,
// the period's name of an older one, which a township no longer assessed
// has for its last: 本月 would be false to a reader months later. By
// hand, historySite with 丙镇 renamed 丁镇 from 2023-02 (same scores): in
// January 乙 and 丙 tied first on the composite (奖励1万元 each) and 丙
// first on 安全生产 (90: 奖励2万元), 甲 last; in February 甲 first on
// both (95, 90), 丁镇 last (约谈 of its 主要负责人 by the 区分管领导, who is said once, before
// the measure, not again in the brackets).
func TestUnitLeadMeasuresSentence(t *testing.T) {
	f := historySite()
	f["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 10000\n" +
		"[[rule]]\non = \"indicator\"\nindicator = \"anquan\"\nselect = \"first\"\naction = \"奖励\"\namount = 20000\n" +
		"[[rule]]\non = \"composite\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\nby = \"区分管领导\"\n"
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	files := renderFiles(t, loadFiles(t, f), "")
	for slug, want := range map[string]string{
		"bing": "2023年1月予以奖励1万元（乡镇、街道综合考核排名并列第一）；予以奖励2万元（安全生产排名第一）。",
		"ding": "本月由区分管领导对其主要负责人予以约谈（乡镇、街道综合考核排名倒数第一）。",
		"jia":  "本月予以奖励1万元（乡镇、街道综合考核排名第一）；予以奖励2万元（安全生产排名第一）。",
	} {
		page := string(files["units/"+slug+"/index.html"])
		if w := `<p class="history-span">` + want + `</p>`; !strings.Contains(page, w) {
			t.Errorf("%s's page lacks %s", slug, w)
		}
	}
	if page := string(files["units/bing/index.html"]); strings.Contains(page, "本月") {
		i := strings.Index(page, "本月")
		t.Errorf("丙镇's page, assessed until January, says 本月: …%s…", page[max(i-90, 0):i+30])
	}
}

// TestUnitMatrixNote: a township's matrix of indicator ranks says its
// rank is among the units ranked on each indicator, of the kind they are
// all of where they are (zh.Kind), within its group where there are
// groups: an indicator of some units ranks fewer than all. historySite
// has two 街道 and a 镇 (乡镇（街道）); grouped, 城区组 has the 街道; with
// 市直部门 for [terms] unit, the office's word.
func TestUnitMatrixNote(t *testing.T) {
	note := func(s string) string {
		return `<p class="note">每格上方为该月在` + s + `中的名次（名次相同即为并列），下方为得分；点击月份查看当月通报。</p>`
	}
	grouped := func(f map[string]string) {
		f["data/units.toml"] = "[[group]]\nname = \"城区组\"\n[[group]]\nname = \"乡镇组\"\n" +
			strings.Replace(strings.Replace(strings.Replace(f["data/units.toml"],
				"slug = \"jia\"\n", "slug = \"jia\"\ngroup = \"城区组\"\n", 1),
				"slug = \"yi\"\n", "slug = \"yi\"\ngroup = \"城区组\"\n", 1),
				"slug = \"bing\"\n", "slug = \"bing\"\ngroup = \"乡镇组\"\n", 1)
	}
	for _, c := range []struct {
		name  string
		edit  func(map[string]string)
		notes map[string]string
	}{
		{"mixed", func(map[string]string) {}, map[string]string{"jia": "参与该项排名的乡镇（街道）", "bing": "参与该项排名的乡镇（街道）"}},
		{"grouped", grouped, map[string]string{"jia": "城区组参与该项排名的街道", "bing": "乡镇组参与该项排名的乡镇"}},
		{"terms", func(f map[string]string) {
			f["config.toml"] = strings.Replace(f["config.toml"], "[terms]\n", "[terms]\nunit = \"市直部门\"\n", 1)
		}, map[string]string{"jia": "参与该项排名的市直部门"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := historySite()
			c.edit(f)
			files := renderFiles(t, loadFiles(t, f), "")
			for slug, want := range c.notes {
				if page := string(files["units/"+slug+"/index.html"]); !strings.Contains(page, note(want)) {
					t.Errorf("%s's page lacks %s", slug, note(want))
				}
			}
		})
	}
}

// TestLeadChange: the lead's change in a quarterly office's words, and
// nothing where the table says 无排名 of the period before.
func TestLeadChange(t *testing.T) {
	for _, c := range []struct {
		prev, cur    int
		exemptBefore bool
		each, want   string
	}{
		{5, 2, false, "季度", "比上季度上升3位"},
		{2, 4, false, "月", "比上月下降2位"},
		{3, 3, false, "期", "与上期持平"},
		{0, 3, false, "月", ""},
		{0, 3, true, "月", "上月免考"},
	} {
		if got := leadChange(townshipChange(c.prev, c.cur, c.exemptBefore, false, c.each), c.each); got != c.want {
			t.Errorf("%d → %d (exempt before %v): %q, want %q", c.prev, c.cur, c.exemptBefore, got, c.want)
		}
	}
}

// TestRankingsShadesRenamed: historySite with 丙镇 renamed 丁镇 from
// 2023-02 ranks three townships every month, never four: 甲街道 and 乙街道,
// assessed throughout, are ranked with 丙镇 and then 丁镇, not both at
// once. So the rankings page's legend has a shade for each of 第1名,
// 第2名 and 第3名 and none for a 第4名 no month has, and 甲街道's rank 3
// of January (33.33) is the lightest shade, heat-6, as 丙镇's of December
// and 丁镇's of February are (3 of 3; 3 of 4 is heat-5).
func TestRankingsShadesRenamed(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	files := renderFiles(t, loadFiles(t, f), "")
	page := string(files["rankings/index.html"])
	legend := page[strings.Index(page, `id="legend-title"`):]
	legend = legend[:strings.Index(legend, "</ul>")]
	if got := pageTextOf([]byte(legend)); !strings.HasSuffix(got, "：第1名第2名第3名") {
		t.Errorf("the legend is %s, not one shade for each of 第1名, 第2名, 第3名", got)
	}
	if !strings.Contains(page, `class="heat-6"`) {
		t.Errorf("no cell of the rankings page has the lightest shade, which a rank 3 of 3 takes")
	}
	if strings.Contains(page, `class="heat-5"`) {
		t.Errorf("a cell of the rankings page has the shade of a rank 3 of 4 (heat-5), which no month ranks")
	}
}

// TestRankingsLegendPerSize: groups of the same size shade their ranks
// alike, so they share one legend, naming them all, where a legend apiece
// repeated it (a county of eight 乡镇, six of eight villages, one of five
// and one of eleven, had eight legends, six alike, before its map). Here
// 街道组 has two units, 东片 and 西片 one each: two legends, 街道组's of
// ranks 1–2 and one of rank 1 for 东片、西片, with ids in order.
func TestRankingsLegendPerSize(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"东片\"\n[[group]]\nname = \"西片\"\n" +
		strings.NewReplacer("slug = \"jia\"\n", "slug = \"jia\"\ngroup = \"街道组\"\n", "slug = \"yi\"\n", "slug = \"yi\"\ngroup = \"街道组\"\n",
			"slug = \"bing\"\n", "slug = \"bing\"\ngroup = \"东片\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\ngroup = \"西片\"\n").Replace(f["data/units.toml"])
	for name, body := range f {
		if strings.HasPrefix(name, "data/20") {
			f[name] = strings.ReplaceAll(body, "\"丙镇\" = ", "\"丁镇\" = 50\n\"丙镇\" = ")
		}
	}
	page := string(renderFiles(t, loadFiles(t, f), "")["rankings/index.html"])
	if got := strings.Count(page, `class="heat-legend-title"`); got != 2 {
		t.Errorf("/rankings/ has %d legends, want 2", got)
	}
	for _, want := range []string{
		`<p class="heat-legend-title" id="legend-title-0">图例（街道组，底色深浅）：</p>`,
		`<p class="heat-legend-title" id="legend-title-1">图例（东片、西片，底色深浅）：</p>` + "\n" +
			`        <ul role="list" aria-labelledby="legend-title-1">` + "\n" +
			`          <li><span class="heat-swatch heat-6" aria-hidden="true"></span>第1名</li>` + "\n" +
			`        </ul>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/rankings/ lacks\n%s", want)
		}
	}
}

// TestTableNotesAWhollyExemptGroup: a `table` shortcode says under its
// tables why a township it would have ranked is missing (免考, reference.md
// 短代码); when the township's whole group was exempted (a 乡镇 flooded,
// every village of it exempt), the group has no table to say it under,
// and the circular's text said nothing of it: the note goes under the
// last table. groupHistorySite's 镇组 is 丙镇 alone, exempted from
// 2023-01 with a reason; 街道组's table carries the note.
func TestTableNotesAWhollyExemptGroup(t *testing.T) {
	f := historySite()
	groupHistorySite(f)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [{month = \"2023-01\", reason = \"遭受洪涝灾害\"}]\n", 1)
	f["data/2023-01.toml"] = regexp.MustCompile(`"丙镇" = \d+\n`).ReplaceAllString(f["data/2023-01.toml"], "")
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "正文。", "{{< table \"jingji\" >}}", 1)
	page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2023/2/index.html"])
	body, _, _ := strings.Cut(page, `<details id="appendix"`)
	if want := "注：丙镇2023年1月免于考核（遭受洪涝灾害），不参加本月各项排名。"; !strings.Contains(body, want) {
		t.Errorf("the circular's table of 经济运行 lacks %s", want)
	}
	if got := strings.Count(body, "<caption>经济运行"); got != 1 {
		t.Errorf("%d tables of 经济运行, want 1 (街道组's)", got)
	}
}

// TestExemptSentencesShareAReason: townships exempted from one month for
// one reason are said in one sentence, in units.toml order, where a
// flooded 乡镇's eight villages took eight sentences alike under every
// table. historySite's 2023-01 with 甲街道 and 丙镇 exempted for
// 数据报送不全: one sentence, under the table and in the appendix.
func TestExemptSentencesShareAReason(t *testing.T) {
	f := historySite()
	for _, slug := range []string{"jia", "bing"} {
		f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \""+slug+"\"\n", "slug = \""+slug+"\"\nexempt = [{month = \"2023-01\", reason = \"数据报送不全\"}]\n", 1)
	}
	f["data/2023-01.toml"] = regexp.MustCompile(`"(甲街道|丙镇)" = \d+\n`).ReplaceAllString(f["data/2023-01.toml"], "")
	f["content/circulars/2023-01.md"] = strings.Replace(f["content/circulars/2023-01.md"], "正文。", "{{< table \"jingji\" >}}", 1)
	page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2023/2/index.html"])
	body, appendix, _ := strings.Cut(page, `<details id="appendix"`)
	want := "注：甲街道、丙镇2023年1月免于考核（数据报送不全），不参加本月各项排名。</p>"
	if !strings.Contains(body, want) {
		t.Errorf("the table's note lacks %s", want)
	}
	if !strings.Contains(appendix, want) {
		t.Errorf("the appendix lacks %s", want)
	}
	if strings.Contains(page, "注：甲街道2023年1月") {
		t.Error("甲街道 is said apart from 丙镇, exempted for the same reason")
	}
}
