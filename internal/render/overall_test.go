package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// overallSite is groupedPagesSite ranked county-wide too ([ranking]
// overall, overallSize 2), with a second indicator y that 丁村 is not
// assessed on this month:
//
//	x: 甲村 90, 乙村 80 | 丙村 80, 丁村 60
//	   城关镇 甲1 乙2; 河口镇 丙1 丁2; 全县 甲1, 乙 丙 并列第二 (乙 written first), 丁4
//	y: 甲村 1, 乙村 2 | 丙村 3, 丁村 不涉及
//	   城关镇 乙1 甲2; 河口镇 丙1; 全县 丙1 乙2 甲3
//	composite over the county, rank points (100·(n−r+1)/n): x of 4, y of 3
//	   甲 (100 + 33.33)/2 = 66.67, 乙 (75 + 66.67)/2 = 70.83, 丙 (75 + 100)/2 = 87.5, 丁 25
//	   → 丙1 乙2 甲3 丁4
//	within the groups: 城关镇 甲 (100+50)/2 = 75, 乙 (50+100)/2 = 75, tied first;
//	   河口镇 丙 100, 丁 50
func overallSite() map[string]string {
	files := groupedPagesSite()
	files["config.toml"] += "[ranking]\noverall = true\noverallSize = 2\n"
	files["data/indicators.toml"] += "[[indicator]]\nid = \"y\"\nname = \"厕所改造\"\nsection = \"重点工作\"\ntownships = \"all\"\n"
	files["data/2024-01.toml"] = "[[result]]\nindicator = \"x\"\n[result.townships]\n\"甲村\" = 90\n\"乙村\" = 80\n\"丙村\" = 80\n\"丁村\" = 60\n" +
		"[[result]]\nindicator = \"y\"\nnotApplicable = [{township = \"丁村\", reason = \"已整村搬迁\"}]\n[result.townships]\n\"甲村\" = 1\n\"乙村\" = 2\n\"丙村\" = 3\n"
	files["content/circulars/2024-01.md"] = strings.Replace(files["content/circulars/2024-01.md"], "{{< indicators \"重点工作\" >}}\n",
		"{{< indicators \"重点工作\" >}}\n\n{{< township-ranking >}}\n\n{{< table \"x\" >}}\n\n{{< table \"y\" >}}\n", 1)
	return files
}

// tableRows are the rows of a page's tables with a 全县排名 column, as
// their cells' text joined by a space.
func tableRows(page string) []string {
	var out []string
	for _, row := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(page, -1) {
		cells := regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`).FindAllStringSubmatch(row[1], -1)
		var texts []string
		for _, c := range cells {
			text := regexp.MustCompile(`<span class="visually-hidden">[^<]*</span>|<[^>]*>`).ReplaceAllString(c[1], "")
			texts = append(texts, strings.TrimSpace(html.UnescapeString(text)))
		}
		out = append(out, strings.Join(texts, " "))
	}
	return out
}

// The circular of an office that ranks overall says the overall ranking
// after each group's (docs/rules.md 全县排名): the sentence, with a tie
// across the groups, the composite paragraph, and each table's 全县排名
// column, a dash for the unit the indicator did not apply to.
func TestOverallInTheCircular(t *testing.T) {
	files := renderFiles(t, loadFiles(t, overallSite()), "/")
	page := string(files["circulars/2024/1/index.html"])
	for _, want := range []string{
		`<p class="ranking">城关镇排名靠前的为：甲村、乙村。</p>`,
		`<p class="ranking">河口镇排名靠前的为：丙村、丁村。</p>`,
		`<p class="ranking">全县排名靠前的为：甲村，乙村、丙村（并列）；排名靠后的为：丁村。</p>`,
		`<p class="ranking">全县涉及该项工作共3个行政村，其中排名靠前的为：丙村、乙村；排名靠后的为：甲村。</p>`, // 3 units < 2×2: not 前两名
		`<p class="composite">城关镇：甲村、乙村（并列）。</p>`,
		`<p class="composite">河口镇：丙村、丁村。</p>`,
		`<p class="composite">全县：丙村、乙村、甲村、丁村。</p>`,
		`<tr><th scope="col">排名</th><th scope="col">全县排名</th><th scope="col">行政村</th><th scope="col">得分</th></tr>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the circular does not say\n%s", want)
		}
	}
	body := page[strings.Index(page, `<p class="composite">全县`):strings.Index(page, "附：")]
	want := []string{
		"排名 全县排名 行政村 得分",
		"第一 第一 甲村 90.00", "第二 并列第二 乙村 80.00",
		"排名 全县排名 行政村 得分",
		"第一 并列第二 丙村 80.00", "第二 第四 丁村 60.00",
		"排名 全县排名 行政村 得分",
		"第一 第二 乙村 2.00", "第二 第三 甲村 1.00",
		"排名 全县排名 行政村 得分",
		"第一 第一 丙村 3.00", "— — 丁村 不涉及（已整村搬迁）",
	}
	if got := tableRows(body); !slices.Equal(got, want) {
		t.Errorf("the table shortcodes' rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The appendix's composite tables, each group's, with the overall rank.
	if !strings.Contains(page, "<caption>全县行政村综合考核排名</caption>") && !strings.Contains(page, ">全县行政村综合考核排名<") {
		t.Error("the appendix has no table of the overall composite")
	}
	appendix := page[strings.Index(page, "城关镇综合考核排名"):]
	want = []string{
		"排名 全县排名 行政村 综合得分",
		"并列第一 第三 甲村 75.00", "并列第一 第二 乙村 75.00",
		"排名 全县排名 行政村 综合得分",
		"第一 第一 丙村 100.00", "第二 第四 丁村 50.00",
		// Then the overall composite, whose scores the 全县排名 column is of.
		"排名 行政村 综合得分",
		"第一 丙村 87.50", "第二 乙村 70.83", "第三 甲村 66.67", "第四 丁村 25.00",
	}
	if got := tableRows(appendix)[:11]; !slices.Equal(got, want) {
		t.Errorf("the appendix's composite rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// data.json gives each unit's overall rank beside its group's, and the
// CSV two columns more, last: 全县排名 and 全县并列, empty where the unit
// has no rank.
func TestOverallInTheOpenData(t *testing.T) {
	files := renderFiles(t, loadFiles(t, overallSite()), "/")
	var d OpenData
	if err := json.Unmarshal(files["circulars/2024/1/data.json"], &d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Composite {
		score := "nil"
		if c.OverallScore != nil {
			score = strconv.FormatFloat(*c.OverallScore, 'f', -1, 64)
		}
		got = append(got, fmt.Sprintf("%s %d %d %s", c.Name, c.Rank, c.OverallRank, score))
	}
	if want := []string{"甲村 1 3 66.67", "乙村 1 2 70.83", "丙村 1 1 87.5", "丁村 2 4 25"}; !slices.Equal(got, want) {
		t.Errorf("composite (name, rank, overallRank, overallScore): %v, want %v", got, want)
	}
	x := d.Indicators[0].Townships
	if x[1].Name != "乙村" || x[1].OverallRank != 2 || !x[1].OverallTied || x[0].OverallTied {
		t.Errorf("x's townships: %+v", x)
	}
	csv := strings.Split(strings.TrimPrefix(string(files["circulars/2024/1/data.csv"]), "\ufeff"), "\r\n")
	for _, want := range []string{
		"月份,指标,行政村,组别,得分,排名,并列,得分方向,单位代号,指标代号,期别,备注,全县得分,全县排名,全县并列",
		"202401,垃圾治理,乙村,城关镇,80.00,2,否,越高越好,yi,x,2024年1月,,80.00,2,是",
		"202401,厕所改造,丁村,河口镇,,,,越高越好,ding,y,2024年1月,不涉及（已整村搬迁）,,,",
		// 丙村's composite: 100 in 河口镇, 87.50 county-wide (overallSite).
		"202401,综合,丙村,河口镇,100.00,1,否,越高越好,bing,,2024年1月,,87.50,1,否",
	} {
		if !slices.Contains(csv, want) {
			t.Errorf("data.csv has no line\n%s\nit has:\n%s", want, strings.Join(csv, "\n"))
		}
	}
}

// The preview's cache renders what a fresh build does when a score moves
// the overall ranking: a page reading it declares it.
func TestOverallCacheMatchesFreshRender(t *testing.T) {
	dir := writeFiles(t, overallSite())
	var sc site.Cache
	var rc Cache
	var results *rank.Results
	render := func() {
		t.Helper()
		s, err := site.LoadCached(dir, &sc)
		if err != nil {
			t.Fatal(err)
		}
		results = rank.Update(results, s)
		out, err := Render(s, results, Options{Cache: &rc})
		if err != nil {
			t.Fatal(err)
		}
		s, err = site.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		fresh := renderFiles(t, s, "/")
		for _, o := range out {
			if !bytes.Equal(contentOf(t, o), fresh[o.Path]) {
				t.Errorf("%s differs between the cached and the fresh render", o.Path)
			}
		}
	}
	render()
	editFile(t, dir, "data/2024-01.toml", `"丙村" = 80`, `"丙村" = 95`) // 河口镇 as it was; 丙村 first county-wide
	render()
}

// A quarter's period-table has, after each group's table, the overall
// one: each unit's monthly overall composite ranks beside its mean of
// them. overallSite's January, repeated in February: 丙 87.50, 乙 70.83,
// 甲 66.67, 丁 25.00 both months, and so their mean.
func TestOverallPeriodTable(t *testing.T) {
	files := overallSite()
	files["data/2024-02.toml"] = files["data/2024-01.toml"]
	files["content/circulars/2024-q1.md"] = "+++\nnumber = \"某农发〔2024〕9号\"\ntitle = \"关于2024年第一季度的通报\"\ndate = 2024-04-10\ndata = \"2024-Q1\"\n+++\n{{< period-table >}}\n"
	out := renderFiles(t, loadFiles(t, files), "/")
	page := string(out["circulars/2024/9/index.html"])
	i := strings.Index(page, "<caption>2024年第一季度全县综合考核排名</caption>")
	if i < 0 {
		t.Fatal("the quarter's circular has no overall period-table")
	}
	table := page[i : i+strings.Index(page[i:], "</table>")]
	want := []string{
		"行政村 1月 2月 季度得分 季度排名",
		"丙村 第一 第一 87.50 第一",
		"乙村 第二 第二 70.83 第二",
		"甲村 第三 第三 66.67 第三",
		"丁村 第四 第四 25.00 第四",
	}
	if got := tableRows(table); !slices.Equal(got, want) {
		t.Errorf("the overall period-table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 甲村's page lists the quarter's overall rank beside its group's: in
	// 城关镇 甲 and 乙 tie at 75 both months, 并列第一; county-wide 甲 is third.
	unit := string(out["units/jia/index.html"])
	if !slices.Contains(tableRows(unit), "2024年第一季度 并列第一 第三 75.00") {
		t.Errorf("甲村's page has no row 2024年第一季度 并列第一 第三 75.00 among\n%s", strings.Join(tableRows(unit), "\n"))
	}
}

// The home page of an office that ranks overall gives each group's table
// a 全县排名 column, as the appendix's tables do, and after the groups
// the overall composite in a section of its own, with the scores its
// order is of and each unit's group said: folded on a phone (data-fold),
// so that the page is no longer there than the groups' rows and a line.
// By hand (overallSite): 城关镇 甲 乙 tied first, 75 each, 全县 third and
// second; 河口镇 丙 100, 丁 50, 全县 first and fourth; 全县 丙 87.50,
// 乙 70.83, 甲 66.67, 丁 25.00.
func TestOverallOnTheHomePage(t *testing.T) {
	home := string(renderFiles(t, loadFiles(t, overallSite()), "/")["index.html"])
	start, end := strings.Index(home, `<section class="home-ranking"`), strings.Index(home, `<section class="home-recent"`)
	if start < 0 || end < start {
		t.Fatalf("the home page has no ranking section:\n%s", home)
	}
	ranking := home[start:end]
	want := []string{
		"名次 全县排名 行政村 综合得分",
		"并列第一 第三 甲村 75.00", "并列第一 第二 乙村 75.00",
		"名次 全县排名 行政村 综合得分",
		"第一 第一 丙村 100.00", "第二 第四 丁村 50.00",
		"名次 行政村 综合得分",
		"第一 丙村（河口镇） 87.50", "第二 乙村（城关镇） 70.83", "第三 甲村（城关镇） 66.67", "第四 丁村（河口镇） 25.00",
	}
	if got := tableRows(ranking); !slices.Equal(got, want) {
		t.Errorf("the home page's ranking rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, want := range []string{
		// A table a group, in a section of its own (as /rankings/).
		`<details class="fold" id="group-1" open data-fold="phone">`,
		`<caption>2024年1月城关镇综合考核排名</caption>`,
		`<details class="fold" id="overall-ranking" open data-fold="phone">`,
		`<summary><h3 class="fold-heading">全县行政村综合考核排名</h3></summary>`,
		`<caption>2024年1月全县行政村综合考核排名</caption>`,
		// A long group's name may go under the unit's, kept whole.
		`<th scope="row"><a href="/units/bing/">丙村</a><wbr>（河口镇）</th>`,
	} {
		if !strings.Contains(ranking, want) {
			t.Errorf("the home page's ranking does not have\n%s", want)
		}
	}
}

// A unit's page of an office that ranks overall says, of each indicator
// its lead names as lagging in its group, its overall place too, and
// names the indicators it lagged in overall but not in its group, each
// with its group's place (docs/rules.md 全县排名). By hand, from
// overallSite:
//
//   - as it is (groupSize 3, groups of two: no group has a bottom; 全县
//     后两名, overallSize 2): 全县 x 甲1, 乙 丙 并列第二, 丁4 → bottom 丁
//     alone (靠后); y 丙1 乙2 甲3 → bottom 甲 (靠后, of three: 共3个 beside
//     the composite's four);
//   - groupSize 1: each group's last is its bottom (最后): x 城关镇 乙,
//     河口镇 丁; y 城关镇 甲 (乙 2 beats 甲 1), 河口镇 丙 alone, no
//     bottom; 全县 as above, but 丁's x and 甲's y are said in the group's
//     sentence already, with the overall place after them;
//   - groupSize 1 and x 甲70 乙60 丙90 丁80: 全县 x 丙 丁 甲 乙, bottom
//     甲 乙, exactly two (后两名): 甲 is 城关镇's first in x, so x is
//     said after its group's y, 另有.
func TestOverallLaggingIndicators(t *testing.T) {
	lead := func(files map[string]string, slug string) []string {
		t.Helper()
		page := string(renderFiles(t, loadFiles(t, files), "/")["units/"+slug+"/index.html"])
		var out []string
		for _, p := range regexp.MustCompile(`<p class="history-span">(.*?)</p>`).FindAllStringSubmatch(page, -1) {
			if text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(p[1], "")); strings.Contains(text, "的单项指标：") {
				out = append(out, text)
			}
		}
		return out
	}
	groupOfOne := func(x string) map[string]string {
		f := overallSite()
		f["config.toml"] += "groupSize = 1\n"
		if x != "" {
			f["data/2024-01.toml"] = strings.Replace(f["data/2024-01.toml"], "\"甲村\" = 90\n\"乙村\" = 80\n\"丙村\" = 80\n\"丁村\" = 60\n", x, 1)
		}
		return f
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		slug  string
		want  []string
	}{
		{"overall only", overallSite(), "ding", []string{"全县排名靠后的单项指标：垃圾治理第四（得分60.00，第一名90.00），河口镇第二。"}},
		{"overall only, of fewer", overallSite(), "jia", []string{"全县排名靠后的单项指标：厕所改造第三（共3个，得分1.00，第一名3.00），城关镇第二。"}},
		{"overall only, none", overallSite(), "bing", nil},
		{"group, tied overall", groupOfOne(""), "yi", []string{"城关镇排名最后的单项指标：垃圾治理第二（得分80.00，第一名90.00），全县并列第二。"}},
		{"group, of fewer overall", groupOfOne(""), "jia", []string{"城关镇排名最后的单项指标：厕所改造第二（得分1.00，第一名2.00），全县第三（共3个）。"}},
		{"group and overall", groupOfOne(""), "ding", []string{"河口镇排名最后的单项指标：垃圾治理第二（得分60.00，第一名80.00），全县第四。"}},
		{"both sentences", groupOfOne("\"甲村\" = 70\n\"乙村\" = 60\n\"丙村\" = 90\n\"丁村\" = 80\n"), "jia", []string{
			"城关镇排名最后的单项指标：厕所改造第二（得分1.00，第一名2.00），全县第三（共3个）。",
			"另有全县排名后两名的单项指标：垃圾治理第三（得分70.00，第一名90.00），城关镇第一。",
		}},
	} {
		if got := lead(c.files, c.slug); !slices.Equal(got, c.want) {
			t.Errorf("%s: units/%s/ says\n%s\nwant\n%s", c.name, c.slug, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}
