package render

import (
	"regexp"
	"strings"
	"testing"
)

// groupedPagesSite is an office of four 行政村 in two 乡镇 ([[group]]),
// one indicator, one month: 城关镇 甲村 90, 乙村 80; 河口镇 丙村 70,
// 丁村 60, and a 县直单位 that owns the indicator.
func groupedPagesSite() map[string]string {
	return map[string]string{
		"config.toml": "title = \"某县通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"某县农业农村局\"\n" +
			"[terms]\nunit = \"行政村\"\ndepartment = \"县直单位\"\nscope = \"全县\"\n",
		"data/units.toml": "[[group]]\nname = \"城关镇\"\n[[group]]\nname = \"河口镇\"\n" +
			township("甲村", "jia", "城关镇") + township("乙村", "yi", "城关镇") +
			township("丙村", "bing", "河口镇") + township("丁村", "ding", "河口镇") +
			"[[department]]\nname = \"县农业农村局\"\nslug = \"nyj\"\n",
		"data/indicators.toml":         "[[indicator]]\nid = \"x\"\nname = \"垃圾治理\"\nsection = \"重点工作\"\nowners = [\"县农业农村局\"]\ntownships = \"all\"\n",
		"data/2024-01.toml":            "[[result]]\nindicator = \"x\"\n[result.townships]\n\"甲村\" = 90\n\"乙村\" = 80\n\"丙村\" = 70\n\"丁村\" = 60\n",
		"content/circulars/2024-01.md": "+++\nnumber = \"某农发〔2024〕1号\"\ntitle = \"关于2024年1月的通报\"\ndate = 2024-02-10\ndata = \"2024-01\"\n+++\n{{< indicators \"重点工作\" >}}\n",
	}
}

// TestHomeRankingGrouped: the home page's ranking of an office whose
// units rank in groups is a table a group, in a section of its own
// (details.fold, which a phone folds, as /rankings/ does), headed by the
// group's name, its caption naming it too, where one table of every
// group's rows under their names made a page 5,000 px long on a phone;
// each unit's row heading still says its group, hidden, for a screen
// reader that jumps to a cell. Without groups the table is as before:
// one body, no group row, nothing hidden, no fold.
func TestHomeRankingGrouped(t *testing.T) {
	files := renderFiles(t, loadFiles(t, groupedPagesSite()), "/")
	home := string(files["index.html"])
	section := regexp.MustCompile(`(?s)<h2 id="ranking-heading">.*?<p class="more">`).FindString(home)
	if section == "" {
		t.Fatal("the home page has no ranking")
	}
	if strings.Contains(section, "组别") || strings.Contains(section, "matrix-group") {
		t.Error("the home ranking still has a 组别 column or a group's heading row")
	}
	// By hand: the two groups, each ranked apart; the composite is the
	// default 名次分 (docs/rules.md), of two: 100.00 and 50.00.
	want := []string{
		`<details class="fold" id="group-1" open data-fold="phone">`,
		`<summary><h3 class="fold-heading">城关镇</h3></summary>`,
		`<caption>2024年1月城关镇综合考核排名</caption>`,
		`<tr><td class="rank">第一</td><th scope="row"><a href="/units/jia/">甲村</a><span class="visually-hidden">（城关镇）</span></th><td class="num">100.00</td></tr>`,
		`<tr><td class="rank">第二</td><th scope="row"><a href="/units/yi/">乙村</a><span class="visually-hidden">（城关镇）</span></th><td class="num">50.00</td></tr>`,
		`</details>`,
		`<details class="fold" id="group-2" open data-fold="phone">`,
		`<summary><h3 class="fold-heading">河口镇</h3></summary>`,
		`<caption>2024年1月河口镇综合考核排名</caption>`,
		`<tr><td class="rank">第一</td><th scope="row"><a href="/units/bing/">丙村</a><span class="visually-hidden">（河口镇）</span></th><td class="num">100.00</td></tr>`,
		`<tr><td class="rank">第二</td><th scope="row"><a href="/units/ding/">丁村</a><span class="visually-hidden">（河口镇）</span></th><td class="num">50.00</td></tr>`,
		`</details>`,
	}
	var got []string
	for _, l := range strings.Split(section, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "<details") || strings.HasPrefix(l, "</details") || strings.HasPrefix(l, "<summary") || strings.HasPrefix(l, "<caption") || strings.HasPrefix(l, "<tr><td") {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the home ranking:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	f := groupedPagesSite()
	f["data/units.toml"] = strings.NewReplacer("[[group]]\nname = \"城关镇\"\n[[group]]\nname = \"河口镇\"\n", "",
		"group = \"城关镇\"\n", "", "group = \"河口镇\"\n", "").Replace(f["data/units.toml"])
	home = string(renderFiles(t, loadFiles(t, f), "/")["index.html"])
	table := regexp.MustCompile(`(?s)<section class="home-ranking".*?</section>`).FindString(home)
	for _, bad := range []string{"组别", "matrix-group", "visually-hidden", "</tbody>\n          <tbody>", "<details"} {
		if strings.Contains(table, bad) {
			t.Errorf("without groups, the home ranking has %q", bad)
		}
	}
	if !strings.Contains(table, `<tr><td class="rank">第四</td><th scope="row"><a href="/units/ding/">丁村</a></th><td class="num">25.00</td></tr>`) { // 名次分 of four
		t.Errorf("without groups, 丁村 is not fourth of four:\n%s", table)
	}
}

// TestUnitBreadcrumbNamesGroup: a grouped village's page names its
// 乡镇 in the breadcrumb, linking the section of /units/ that lists the
// villages it is ranked among; a department's, and a village's of an
// office without groups, name their kind as before.
func TestUnitBreadcrumbNamesGroup(t *testing.T) {
	crumb := func(files map[string][]byte, page string) string {
		return regexp.MustCompile(`<nav class="breadcrumb"[^>]*>.*?</nav>`).FindString(string(files[page]))
	}
	files := renderFiles(t, loadFiles(t, groupedPagesSite()), "/")
	const head = `<nav class="breadcrumb" aria-label="当前位置"><a href="/rankings/">历次考核排名</a><span aria-hidden="true"> › </span>`
	for page, want := range map[string]string{
		"units/bing/index.html": head + `<a href="/units/#group-2">河口镇</a></nav>`,
		"units/jia/index.html":  head + `<a href="/units/#group-1">城关镇</a></nav>`,
		"units/nyj/index.html":  head + `<a href="/units/#departments">县直单位</a></nav>`,
	} {
		if got := crumb(files, page); got != want {
			t.Errorf("%s: breadcrumb\n %s\nwant\n %s", page, got, want)
		}
	}
	units := string(files["units/index.html"])
	if !strings.Contains(units, `<h2 id="group-2">河口镇<span class="count">（2个）</span></h2>`) {
		t.Error("units/ has no section #group-2 headed 河口镇（2个）")
	}

	f := groupedPagesSite()
	f["data/units.toml"] = strings.NewReplacer("[[group]]\nname = \"城关镇\"\n[[group]]\nname = \"河口镇\"\n", "",
		"group = \"城关镇\"\n", "", "group = \"河口镇\"\n", "").Replace(f["data/units.toml"])
	files = renderFiles(t, loadFiles(t, f), "/")
	if got, want := crumb(files, "units/bing/index.html"), head+`<a href="/units/#townships">行政村</a></nav>`; got != want {
		t.Errorf("without groups: breadcrumb\n %s\nwant\n %s", got, want)
	}
}
