package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRenamedTownship renders historySite after 丙镇 became 丁镇 in
// 2023-02 (units.toml until, became, from): each has its own page with
// the months it was assessed in alone, ranked as computed by hand, and
// says when it was assessed, linking the other; the index of units says
// it under their names.
func TestRenamedTownship(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	// An indicator of two townships, named before the change: 丁镇
	// continues 丙镇 in it, and its sentence counts the two of February.
	f["data/indicators.toml"] += "[[indicator]]\nid = \"zhian\"\nname = \"治安\"\nsection = \"重点工作\"\ntownships = [\"甲街道\", \"丙镇\"]\n"
	for _, m := range []string{"2022-12", "2023-01", "2023-02"} {
		second := map[bool]string{false: "丙镇", true: "丁镇"}[m == "2023-02"]
		f["data/"+m+".toml"] = strings.Replace(f["data/"+m+".toml"], "[categories]",
			"[[result]]\nindicator = \"zhian\"\n[result.townships]\n\"甲街道\" = 80\n\""+second+"\" = 90\n[categories]", 1)
	}
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< indicators \"重点工作\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	circ := string(files["circulars/2023/5/index.html"])
	if want := "涉及该项工作共2个乡镇（街道），其中排名"; !strings.Contains(circ, want) {
		i := strings.Index(circ, "治安")
		t.Errorf("the circular of 2023-02 lacks %s:\n%s", want, circ[max(i, 0):min(i+600, len(circ))])
	}

	// The composite table's rows, newest first, by hand (rank points:
	// 100, 66.67, 33.33 of three; 100, 50 of zhian's two): 2022-12 丙镇
	// second, (33.33+66.67+100)/3 = 66.67 between 乙街道's 83.33 and
	// 甲街道's 61.11; 2023-01 first, (66.67+100+100)/3 = 88.89, up one;
	// 2023-02 丁镇 third, (33.33+33.33+100)/3 = 55.56: down two from
	// where 丙镇, which it continues, stood in January (not 上月无排名).
	for page, want := range map[string]struct {
		rows []string
		lead string
	}{
		"units/bing/index.html": {[]string{"2023年1月</a></th><td>第一</td>", "↑1", "88.89", "2022年12月</a></th><td>第二</td>", "66.67"},
			`<p class="history-span">参加考核至2023年1月，此后由<a href="/units/ding/">丁镇</a>接续。</p>`},
		"units/ding/index.html": {[]string{"2023年2月</a></th><td>第三</td>", "↓2", "下降2位", "55.56"},
			`<p class="history-span">2023年2月起参加考核，接续<a href="/units/bing/">丙镇</a>。</p>`},
	} {
		page, html := page, string(files[page])
		start := strings.Index(html, `id="composite-heading"`)
		end := strings.Index(html, "</table>")
		if start < 0 || end < start {
			t.Fatalf("%s has no composite table", page)
		}
		table := html[start:end]
		if got, n := strings.Count(table, "<tr><th scope=\"row\">"), strings.Count(strings.Join(want.rows, ""), "</th>"); got != n {
			t.Errorf("%s: %d rows in the composite table, want %d:\n%s", page, got, n, table)
		}
		at := 0
		for _, r := range want.rows {
			i := strings.Index(table[at:], r)
			if i < 0 {
				t.Errorf("%s: no row %s (in this order) in\n%s", page, r, table)
				break
			}
			at += i
		}
		if !strings.Contains(html, want.lead) {
			t.Errorf("%s lacks %s", page, want.lead)
		}
	}
	units := string(files["units/index.html"])
	for _, want := range []string{
		`<a href="/units/bing/">丙镇</a><span class="link-note">参加考核至2023年1月</span>`,
		`<a href="/units/ding/">丁镇</a><span class="link-note">2023年2月起参加考核</span>`,
		`<a href="/units/jia/">甲街道</a></li>`,
	} {
		if !strings.Contains(units, want) {
			t.Errorf("/units/ lacks %s", want)
		}
	}
}

// TestReformedDepartment renders historySite after 区发改局 became
// 区发展改革局 in 2023-02 (units.toml until, became, from), its indicator
// jingji still written with the old name: each page says when it was
// assessed and links the other, and shows jingji's ranks of its own months.
func TestReformedDepartment(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"区发改局\"\nslug = \"fagai\"\n",
		"name = \"区发改局\"\nslug = \"fagai\"\nuntil = \"2023-01\"\nbecame = \"区发展改革局\"\n[[department]]\nname = \"区发展改革局\"\nslug = \"fgj\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "区发改局", "区发展改革局")
	files := renderFiles(t, loadFiles(t, f), "/")
	// jingji's city ranks: 3 in 2022-12, 5 in 2023-01, 1 in 2023-02.
	for page, want := range map[string][]string{
		"units/fagai/index.html": {`<p class="history-span">参加考核至2023年1月，此后由<a href="/units/fgj/">区发展改革局</a>接续。</p>`,
			`<p class="owned-period"><a href="/circulars/2023/2/">2023年1月</a>的排名和变化：</p>`, `<span class="link-note">全市综合排名第五，比上月下降2位。`},
		"units/fgj/index.html": {`<p class="history-span">2023年2月起参加考核，接续<a href="/units/fagai/">区发改局</a>。</p>`,
			`<p class="owned-period"><a href="/circulars/2023/5/">2023年2月</a>的排名和变化：</p>`, `<span class="link-note">全市综合排名第一，比上月上升4位。`}, // its predecessor's indicator, 5 in January
	} {
		html := string(files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
	// jingji's page and the index of indicators name both, the old one
	// with its last month.
	if want := `责任单位：区发改局（至2023年1月）、区发展改革局`; !strings.Contains(string(files["indicators/index.html"]), want) {
		t.Errorf("/indicators/ lacks %s", want)
	}
	if page := string(files["indicators/jingji/index.html"]); !strings.Contains(page, `<a href="/units/fagai/">区发改局</a>（至2023年1月）、<a href="/units/fgj/">区发展改革局</a>`) {
		t.Errorf("jingji's page does not name its owners as expected")
	}
	// Each month's data.json names the owner of its month.
	for path, want := range map[string]string{"circulars/2023/2/data.json": `"owners":["区发改局"]`, "circulars/2023/5/data.json": `"owners":["区发展改革局"]`} {
		if !strings.Contains(string(files[path]), want) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
	// The new name's page has no 2022 (nothing of its own then); the old
	// one's 2023 row of city ranks stops at January.
	if fgj := string(files["units/fgj/index.html"]); strings.Contains(fgj, "2022年") {
		t.Errorf("区发展改革局's page shows 2022")
	}
	old := string(files["units/fagai/index.html"])
	i := strings.Index(old, "经济运行（全市）")
	if i < 0 {
		t.Fatalf("区发改局's page has no row of jingji's city ranks")
	}
	row := old[i : strings.Index(old[i:], "</tr>")+i]
	if strings.Count(row, "<td") != 2 || !strings.Contains(row, ">5<") || strings.Contains(row, ">1<") {
		t.Errorf("区发改局's 2023 row of jingji's city ranks: %s", row)
	}
}

// TestCellsOutsideSpan: a year's table keeps a column for each of its
// months on every page, so a township set up or renamed within the year
// has cells for months it was not assessed in; those say so — 尚未参加考核
// before its from, 不再参加考核 after its until, to a screen reader and
// on hover — not 无排名, as though it had been assessed and ranked
// nowhere. By hand, historySite with 丙镇 renamed 丁镇 from 2023-02:
// 安全生产 2023-01 乙80 丙90 甲60 (丙 first, 90.0), 2023-02 甲90 乙80
// 丁70 (丁 third, 70.0); the composite 2023-01 乙 and 丙 tied first at
// 83.33, 2023-02 丁 third at 33.33; 经济运行's city rank 5 in 2023-01 (区发改局
// until then) and 1 in 2023-02 (区发展改革局 from then).
func TestCellsOutsideSpan(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"区发改局\"\nslug = \"fagai\"\n",
		"name = \"区发改局\"\nslug = \"fagai\"\nuntil = \"2023-01\"\nbecame = \"区发展改革局\"\n[[department]]\nname = \"区发展改革局\"\nslug = \"fgj\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇"), "区发改局", "区发展改革局")
	files := renderFiles(t, loadFiles(t, f), "/")
	row := func(page, name string) []string {
		t.Helper()
		var got []string
		for _, c := range rowOf(t, tableAfter(t, files[page], `<caption id="y2023">`), name)[1:] {
			got = append(got, text(c))
		}
		return got
	}
	for _, c := range []struct {
		page, row string
		want      []string // 2023年1月, 2月
	}{
		{"units/bing/index.html", "安全生产", []string{"1名，得分90.0", "—不再参加考核"}},
		{"units/ding/index.html", "安全生产", []string{"—尚未参加考核", "3名，得分70.0"}},
		{"indicators/anquan/index.html", "丙镇", []string{"1名，得分90.0", "—不再参加考核"}},
		{"indicators/anquan/index.html", "丁镇", []string{"—尚未参加考核", "3名，得分70.0"}},
		{"rankings/index.html", "丙镇", []string{"1名，得分83.33", "—不再参加考核"}},
		{"rankings/index.html", "丁镇", []string{"—尚未参加考核", "3名，得分33.33"}},
		{"units/fagai/index.html", "经济运行（全市）", []string{"5", "—不再参加考核"}},
		{"units/fgj/index.html", "经济运行（全市）", []string{"—尚未参加考核", "1"}},
	} {
		if got := row(c.page, c.row); !slices.Equal(got, c.want) {
			t.Errorf("%s: 2023 row %s reads %q, want %q", c.page, c.row, got, c.want)
		}
	}
	// The same words on hover, where the rankings page shows a title.
	for page, want := range map[string]string{
		"units/ding/index.html":  `<td title="尚未参加考核"><span aria-hidden="true">—</span><span class="visually-hidden">尚未参加考核</span></td>`,
		"rankings/index.html":    `<td title="不再参加考核"><span aria-hidden="true">—</span><span class="visually-hidden">不再参加考核</span></td>`,
		"units/fagai/index.html": `<td title="不再参加考核">`,
	} {
		if !strings.Contains(string(files[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	// A year wholly before it has no table at all, rather than a row of
	// 尚未参加考核.
	if strings.Contains(string(files["units/ding/index.html"]), `<caption id="y2022">`) {
		t.Error("丁镇's page has a table of 2022, before it was set up")
	}
}

// TestMergedTownship renders historySite after 丙镇 merged into 甲街道,
// assessed all along, from 2023-02 (until, became, no from): 甲街道 did
// not become 丙镇's successor under a new name, so neither page says 接续
// (a 县档案局 merged into the 县委办公室 read “县委办公室：接续县档案局”):
// 丙镇's says it merged into 甲街道, 甲街道's that 丙镇 merged into it.
func TestMergedTownship(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"甲街道\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "\"丙镇\" = 75\n", "")
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "\"丙镇\" = 70\n", "")
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, want := range map[string]string{
		"units/bing/index.html": `<p class="history-span">参加考核至2023年1月，此后并入<a href="/units/jia/">甲街道</a>。</p>`,
		"units/jia/index.html":  `<p class="history-span"><a href="/units/bing/">丙镇</a>并入。</p>`,
	} {
		if html := string(files[page]); !strings.Contains(html, want) {
			i := strings.Index(html, "history-span")
			t.Errorf("%s lacks %s; it has\n%s", page, want, html[max(i, 0):min(max(i, 0)+300, len(html))])
		}
	}
}

// TestTownshipsMergedIntoNew renders historySite after 乙街道 and 丙镇
// were merged into a new 丁街道 from 2023-02: 丁街道 continues neither
// alone (its streaks are its own), so its page says both merged into it,
// and each of theirs that it merged into 丁街道.
func TestTownshipsMergedIntoNew(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"乙街道\"\nslug = \"yi\"\n",
		"name = \"乙街道\"\nslug = \"yi\"\nuntil = \"2023-01\"\nbecame = \"丁街道\"\n", 1)
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁街道\"\n[[township]]\nname = \"丁街道\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	for _, drop := range []string{"\"乙街道\" = 85\n", "\"乙街道\" = 80\n", "\"丙镇\" = 70\n"} {
		f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], drop, "", 1)
	}
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "\"丙镇\" = 75\n", "\"丁街道\" = 75\n", 1)
	f["data/2023-02.toml"] = strings.Replace(f["data/2023-02.toml"], "\"甲街道\" = 90\n", "\"甲街道\" = 90\n\"丁街道\" = 70\n", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, want := range map[string]string{
		"units/ding/index.html": `<p class="history-span">2023年2月起参加考核，由<a href="/units/yi/">乙街道</a>、<a href="/units/bing/">丙镇</a>合并设立。</p>`,
		"units/yi/index.html":   `<p class="history-span">参加考核至2023年1月，此后并入<a href="/units/ding/">丁街道</a>。</p>`,
		"units/bing/index.html": `<p class="history-span">参加考核至2023年1月，此后并入<a href="/units/ding/">丁街道</a>。</p>`,
	} {
		if html := string(files[page]); !strings.Contains(html, want) {
			i := strings.Index(html, "history-span")
			t.Errorf("%s lacks %s; it has\n%s", page, want, html[max(i, 0):min(max(i, 0)+300, len(html))])
		}
	}
	// The search finds 丁街道 by each of their names too, and its entry
	// says what its page says.
	names := searchNames(t, files)
	for _, name := range []string{"乙街道", "丙镇"} {
		if got := slices.Sorted(slices.Values(names[name])); !slices.Contains(got, "units/ding/") || len(got) != 2 {
			t.Errorf("the name %s finds %q, want its own page and units/ding/", name, got)
		}
	}
	for _, d := range searchIndexDocs(t, files) {
		if d.URL == "units/ding/" && !strings.Contains(d.Text, "。由乙街道、丙镇合并设立") {
			t.Errorf("丁街道's entry in the search: %q", d.Text)
		}
	}
}

// TestLoneChildUnnumbered renders historySite with 安全生产 the only
// entry under a group 安全稳定: the circular prints it unnumbered
// (安全生产。, one item is no list), and so must its page's 栏目 and the
// index of indicators, which said （1）, a number no circular gives it.
func TestLoneChildUnnumbered(t *testing.T) {
	f := historySite()
	f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "[[indicator]]\nid = \"anquan\"\nname = \"安全生产\"\nsection = \"重点任务\"\n",
		"[[indicator]]\nid = \"wending\"\nname = \"安全稳定\"\nsection = \"重点任务\"\n[[indicator]]\nid = \"anquan\"\nname = \"安全生产\"\nparent = \"wending\"\n", 1)
	f["content/circulars/2023-02.md"] = strings.Replace(f["content/circulars/2023-02.md"], "正文。", "{{< indicators \"重点任务\" >}}", 1)
	files := renderFiles(t, loadFiles(t, f), "/")
	for page, want := range map[string]string{
		"circulars/2023/5/index.html":   `<strong>安全生产。</strong>`,
		"indicators/anquan/index.html":  `<dt>栏目</dt><dd>重点任务</dd>`,
		"indicators/wending/index.html": `<dt>栏目</dt><dd>重点任务　1.</dd>`,
	} {
		if html := string(files[page]); !strings.Contains(html, want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	if index := string(files["indicators/index.html"]); strings.Contains(index, "（1）") || !strings.Contains(index, ">安全生产</a>") {
		i := strings.Index(index, "安全生产")
		t.Errorf("/indicators/ should name 安全生产 unnumbered:\n%s", index[max(i-200, 0):min(i+100, len(index))])
	}
}

// TestAggregateNoteSaysSpan renders historySite's year 2023 (January and
// February) after 丙镇 became 丁镇 in 2023-02: each took part in one of
// the two months, and the appendix's note says first that it was not yet
// or no longer assessed, or 丁镇 “未参与1月” reads as if it had sat
// January out (a 县数据局 set up in April, in a half year from March).
func TestAggregateNoteSaysSpan(t *testing.T) {
	f := historySite()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	f["content/circulars/2023.md"] = "+++\nnumber = \"测政办函〔2024〕1号\"\ntitle = \"关于2023年度的通报\"\ndate = 2024-01-20\ndata = \"2023\"\n+++\n{{< township-ranking >}}\n"
	page := string(renderFiles(t, loadFiles(t, f), "")["circulars/2024/1/index.html"])
	var notes []string
	for _, m := range regexp.MustCompile(`<p class="note">注：(.*?)</p>`).FindAllStringSubmatch(page, -1) {
		notes = append(notes, m[1])
	}
	want := []string{
		"丙镇参加考核至2023年1月，在2023年度只参与了1月的综合考核排名，按其参与的月份计算。",
		"丁镇2023年2月起参加考核，在2023年度只参与了2月的综合考核排名，按其参与的月份计算。",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("the year's notes:\n%q\nwant\n%q", notes, want)
	}
}

// TestRenameInAMonthNoQuarterEnds renders quarterlyHistorySite after 丙镇
// became 丁镇 with until = from = "2023-04": no quarter ends in April, so
// the two were never assessed together and 丁镇 continues 丙镇 (接续, not
// 并入: docs/rules.md 单位的设立、撤并和更名), their pages say when each
// was assessed in quarters, and the rankings page shades three ranks. 乙街道 and 丙镇 both ending
// in April and becoming a new 丁街道 from April were not assessed beside
// it either: it was set up from them (合并设立), not joined by them.
func TestRenameInAMonthNoQuarterEnds(t *testing.T) {
	const bing = "name = \"丙镇\"\nslug = \"bing\"\n"
	t.Run("rename", func(t *testing.T) {
		f := quarterlyHistorySite()
		f["data/units.toml"] = strings.Replace(f["data/units.toml"], bing,
			bing+"until = \"2023-04\"\nbecame = \"丁镇\"\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-04\"\n", 1)
		f["data/2023-06.toml"] = strings.ReplaceAll(f["data/2023-06.toml"], "丙镇", "丁镇")
		files := renderFiles(t, loadFiles(t, f), "/")
		for page, want := range map[string]string{
			// Their spans in quarters: 丙镇's last was 1-3月, 丁镇's first
			// 4-6月, not 至2023年4月, which read as if April were assessed.
			"units/bing/index.html": `<p class="history-span">参加考核至2023年第一季度，此后由<a href="/units/ding/">丁镇</a>接续。</p>`,
			"units/ding/index.html": `<p class="history-span">2023年第二季度起参加考核，接续<a href="/units/bing/">丙镇</a>。</p>`,
		} {
			if html := string(files[page]); !strings.Contains(html, want) {
				i := strings.Index(html, "history-span")
				t.Errorf("%s lacks %s; it has\n%s", page, want, html[max(i, 0):min(max(i, 0)+300, len(html))])
			}
		}
		// Three townships a quarter, never four: the rankings page's
		// legend has 第1名 to 第3名 (TestRankingsShadesRenamed).
		rankings := string(files["rankings/index.html"])
		legend := rankings[strings.Index(rankings, `id="legend-title"`):]
		legend = legend[:strings.Index(legend, "</ul>")]
		if got := pageTextOf([]byte(legend)); !strings.HasSuffix(got, "：第1名第2名第3名") {
			t.Errorf("the legend is %s, not one shade for each of 第1名, 第2名, 第3名", got)
		}
		// The year's period-table: 丁镇 was not yet a unit in 1-3月, a
		// dash said as such (not 免考, which is a unit's exempt month).
		want := `<th scope="row">丁镇</th><td><span aria-hidden="true">—</span><span class="visually-hidden">尚未参加考核</span></td>`
		if html := string(files["circulars/2023/9/index.html"]); !strings.Contains(html, want) {
			i := strings.Index(html, "period-table")
			t.Errorf("the year's circular lacks %s; it has\n%s", want, html[max(i, 0):min(max(i, 0)+1500, len(html))])
		}
	})
	// A department renamed so: the index of indicators notes when its
	// owning ended in quarters, as a township's span is said.
	t.Run("department", func(t *testing.T) {
		f := quarterlyHistorySite()
		f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"区发改局\"\nslug = \"fagai\"\n",
			"name = \"区发改局\"\nslug = \"fagai\"\nuntil = \"2023-04\"\nbecame = \"区发展和改革局\"\n[[department]]\nname = \"区发展和改革局\"\nslug = \"fgw\"\nfrom = \"2023-04\"\n", 1)
		f["data/2023-06.toml"] = strings.ReplaceAll(f["data/2023-06.toml"], "\"区发改局\"", "\"区发展和改革局\"")
		files := renderFiles(t, loadFiles(t, f), "/")
		if html := string(files["indicators/index.html"]); !strings.Contains(html, "区发改局（至2023年第一季度）") {
			i := strings.Index(html, "区发改局")
			t.Errorf("the index of indicators lacks 区发改局（至2023年第一季度）; it has\n%s", html[max(i, 0):min(max(i, 0)+200, len(html))])
		}
	})
	t.Run("set up from two", func(t *testing.T) {
		f := quarterlyHistorySite()
		f["data/units.toml"] = strings.Replace(f["data/units.toml"], "name = \"乙街道\"\nslug = \"yi\"\n",
			"name = \"乙街道\"\nslug = \"yi\"\nuntil = \"2023-04\"\nbecame = \"丁街道\"\n", 1)
		f["data/units.toml"] = strings.Replace(f["data/units.toml"], bing,
			bing+"until = \"2023-04\"\nbecame = \"丁街道\"\n[[township]]\nname = \"丁街道\"\nslug = \"ding\"\nfrom = \"2023-04\"\n", 1)
		f["data/2023-06.toml"] = regexp.MustCompile(`(?m)^"乙街道" = .*\n`).ReplaceAllString(f["data/2023-06.toml"], "")
		f["data/2023-06.toml"] = strings.ReplaceAll(f["data/2023-06.toml"], "丙镇", "丁街道")
		files := renderFiles(t, loadFiles(t, f), "/")
		want := `由<a href="/units/yi/">乙街道</a>、<a href="/units/bing/">丙镇</a>合并设立。</p>`
		if html := string(files["units/ding/index.html"]); !strings.Contains(html, want) {
			i := strings.Index(html, "history-span")
			t.Errorf("丁街道's page lacks %s; it has\n%s", want, html[max(i, 0):min(max(i, 0)+300, len(html))])
		}
	})
}
