package render

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// pageText is a page's text without its tags and white space.
func pageText(page string) string {
	return regexp.MustCompile(`\s+`).ReplaceAllString(html.UnescapeString(text(page)), "")
}

// kindSite is a county's office ranking four 乡镇 and two 街道 (乡镇（街道）)
// in 2024-03: 农业 the townships alone, 城管 the streets alone, 安全 all
// six; it is given no ranking from above (cityRanks, districtRanks
// false), and 招商 is a heading over two indicators, of no scores.
func kindSite() map[string]string {
	return map[string]string{
		"config.toml": "title = \"青石县通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"青石县人民政府督查室\"\n" +
			"[terms]\nunit = \"乡镇（街道）\"\nscope = \"全县\"\ncity = \"全市\"\npeer = \"同类县\"\nsections = [\"重点工作\"]\n" +
			"[ranking]\ngroupSize = 2\ncityRanks = false\ndistrictRanks = false\n",
		"data/units.toml": `[[township]]
name = "石门镇"
slug = "shimen"
[[township]]
name = "龙潭镇"
slug = "longtan"
[[township]]
name = "杨柳乡"
slug = "yangliu"
[[township]]
name = "东岭乡"
slug = "dongling"
[[township]]
name = "城关街道"
slug = "chengguan"
[[township]]
name = "城东街道"
slug = "chengdong"
`,
		"data/indicators.toml": `[[indicator]]
id = "zhaoshang"
name = "招商引资"
section = "重点工作"
[[indicator]]
id = "nongye"
name = "农业产业发展"
parent = "zhaoshang"
townships = ["石门镇", "龙潭镇", "杨柳乡", "东岭乡"]
[[indicator]]
id = "chengguan"
name = "城市精细化管理"
parent = "zhaoshang"
townships = ["城关街道", "城东街道"]
[[indicator]]
id = "anquan"
name = "安全生产"
section = "重点工作"
townships = "all"
`,
		"data/2024-03.toml": `[[result]]
indicator = "nongye"
[result.townships]
"石门镇" = 90
"龙潭镇" = 85
"杨柳乡" = 80
"东岭乡" = 75
[[result]]
indicator = "chengguan"
[result.townships]
"城关街道" = 88
"城东街道" = 88
[[result]]
indicator = "anquan"
[result.townships]
"石门镇" = 90
"龙潭镇" = 85
"杨柳乡" = 80
"东岭乡" = 75
"城关街道" = 70
"城东街道" = 65
`,
		"content/circulars/2024-03.md": "+++\nnumber = \"青督查〔2024〕5号\"\ntitle = \"关于3月的通报\"\ndate = 2024-04-10\ndata = \"2024-03\"\n+++\n" +
			"{{< indicators \"重点工作\" >}}\n\n{{< table \"chengguan\" >}}\n",
	}
}

// TestKindOfUnitsCounted: where the units an indicator ranks are all of
// one of the kinds [terms] unit names (乡镇（街道）), its sentence, its
// tables' captions and its page call them by that kind, written by hand:
// 农业's four (镇 and 乡) are 4个乡镇 — 前两名 石门镇、龙潭镇, 后两名 杨柳乡、
// 东岭乡 —, 城管's two streets, tied at 88, 2个街道 排名并列第一; 安全,
// ranked by all six, keeps the term (排名全县前两名…). And an office given
// no ranking from above has no section of them on 招商's page, a heading
// over two indicators, where it said 本指标暂无全市排名或同类县排名.
func TestKindOfUnitsCounted(t *testing.T) {
	files := renderFiles(t, loadFiles(t, kindSite()), "/")
	circ := pageText(string(files["circulars/2024/5/index.html"]))
	for _, want := range []string{
		"涉及该项工作共4个乡镇，其中排名前两名的为：石门镇、龙潭镇；排名后两名的为：杨柳乡、东岭乡。",
		"涉及该项工作的2个街道排名并列第一。",
		"排名全县前两名的为：石门镇、龙潭镇；排名全县后两名的为：城关街道、城东街道。",
		"城市精细化管理街道排名", // the table shortcode's caption, and the appendix's
		"农业产业发展乡镇排名",
		"安全生产乡镇（街道）排名",
	} {
		if !strings.Contains(circ, want) {
			t.Errorf("the circular does not say %s", want)
		}
	}
	if strings.Contains(circ, "个乡镇（街道），其中") {
		t.Error("the circular counts units of one kind as 乡镇（街道）")
	}
	for path, want := range map[string]string{
		"indicators/chengguan/index.html": "共2个街道参与",
		"indicators/nongye/index.html":    "共4个乡镇参与",
		"indicators/anquan/index.html":    "共6个乡镇（街道）参与",
	} {
		if !strings.Contains(pageText(string(files[path])), want) {
			t.Errorf("%s does not say %s", path, want)
		}
	}
	// The open data's columns are explained in no district's words: a
	// county's /data/ page gave 区分管领导 as who conducts a measure.
	if data := pageText(string(files["data/index.html"])); !strings.Contains(data, "由谁实施，如分管领导") {
		t.Error("/data/ does not explain 实施 as 由谁实施，如 分管领导")
	}
	heading := string(files["indicators/zhaoshang/index.html"])
	for _, no := range []string{"本指标暂无", `id="ranks-heading"`, "全市排名", "同类县"} {
		if strings.Contains(heading, no) {
			t.Errorf("招商引资's page, of an office given no ranking from above, says %s", no)
		}
	}
	if !strings.Contains(heading, `<meta name="description" content="招商引资历次排名">`) {
		t.Error("招商引资's description is not 招商引资历次排名")
	}
}
