package render

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// departmentOffice is a 县委督查室's site: the units it ranks are the
// county's departments, in two groups, and two of them own an indicator
// they are ranked on as well (县信访局 信访件办理, 县政务服务中心
// 12345热线满意度); 县委督查室 itself owns the other and is not ranked.
func departmentOffice() map[string]string {
	return map[string]string{
		"config.toml": `title = "青山县县直单位重点工作督查通报"
baseURL = "/"
[site]
domain = "www.example.gov.cn"
[issuer]
name = "中共青山县委督查室"
[terms]
unit = "县直单位"
department = "责任单位"
scope = "全县"
sections = ["督查督办"]
actions = ["奖励", "提醒约谈"]
[ranking]
groupSize = 1
cityRanks = false
districtRanks = false
`,
		"data/units.toml": `[[group]]
name = "党群部门"
[[group]]
name = "政府部门"
[[township]]
name = "县委办公室"
slug = "xianweiban"
group = "党群部门"
[[township]]
name = "县总工会"
slug = "zonggonghui"
group = "党群部门"
[[township]]
name = "县发改局"
slug = "fagai"
group = "政府部门"
[[township]]
name = "县信访局"
slug = "xinfang"
group = "政府部门"
[[township]]
name = "县政务服务中心"
slug = "zhengwu"
group = "政府部门"
[[department]]
name = "县委督查室"
slug = "duchashi"
`,
		"data/indicators.toml": `[[indicator]]
id = "duban"
name = "督办件按期办结率"
section = "督查督办"
owners = ["县委督查室"]
townships = "all"
scoreUnit = "%"
[[indicator]]
id = "rexian"
name = "12345热线满意度"
section = "督查督办"
owners = ["县政务服务中心"]
townships = "all"
scoreUnit = "%"
[[indicator]]
id = "xinfang"
name = "信访件办理"
section = "督查督办"
owners = ["县信访局"]
townships = "all"
better = "lower"
decimals = 0
scoreUnit = "件"
`,
		"data/2024-01.toml": `period = "1月"
[[result]]
indicator = "duban"
[result.townships]
"县委办公室" = 98.5
"县总工会" = 91.25
"县发改局" = 95
"县信访局" = 88.4
"县政务服务中心" = 99.1
[[result]]
indicator = "rexian"
notApplicable = [{township = "县总工会", reason = "本月无12345热线工单"}]
[result.townships]
"县委办公室" = 92
"县发改局" = 85.5
"县信访局" = 90
"县政务服务中心" = 96.2
[[result]]
indicator = "xinfang"
[result.townships]
"县委办公室" = 0
"县总工会" = 2
"县发改局" = 1
"县信访局" = 0
"县政务服务中心" = 3
`,
		"content/circulars/2024-01.md": `+++
number = "青督通〔2024〕1号"
title = "关于2024年1月县直单位重点工作督查情况的通报"
date = 2024-02-10
data = "2024-01"
+++
{{< indicators "督查督办" >}}
`,
	}
}

// TestRankedOwnerPage: a ranked unit that owns an indicator has one
// page, its ranked unit's, which lists what it owns beside its ranks;
// the indicator's page links its owner there, and the search finds the
// page by what it owns.
func TestRankedOwnerPage(t *testing.T) {
	files := renderFiles(t, loadFiles(t, departmentOffice()), "")
	page := string(files["units/xinfang/index.html"])
	for _, want := range []string{
		`<h1 class="page-title">县信访局历次考核排名</h1>`,
		`<h2 id="composite-heading">综合考核排名</h2>`,
		`<h2 id="owned-heading">负责指标</h2>`,
		`<p class="note">本单位是下列考核指标的责任单位；各县直单位在其中的得分和名次见指标的页面。</p>`,
		`<li><a href="/indicators/xinfang/">信访件办理</a></li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("县信访局's page lacks %s", want)
		}
	}
	if strings.Contains(page, "/indicators/rexian/\">12345热线满意度</a></li>") {
		t.Error("县信访局's page lists 12345热线满意度 among what it owns")
	}
	// 县发改局 owns nothing: no heading over nothing.
	if p := string(files["units/fagai/index.html"]); strings.Contains(p, "负责指标") {
		t.Error("县发改局's page, which owns nothing, speaks of 负责指标")
	}
	// One page a unit: /units/ links 县信访局 there alone, under its
	// ranking and among the 责任单位 (TestUnitIndexRankedOwners), and its
	// indicator's page links its owner to that page.
	if all, one := strings.Count(string(files["units/index.html"]), ">县信访局<"), strings.Count(string(files["units/index.html"]), `<a href="/units/xinfang/">县信访局</a>`); all != 2 || one != 2 {
		t.Errorf("/units/ names 县信访局 %d times, %d of them linking /units/xinfang/; want 2, both", all, one)
	}
	owner := regexp.MustCompile(`<a href="([^"]*)">县信访局</a>`).FindAllStringSubmatch(string(files["indicators/xinfang/index.html"]), -1)
	if len(owner) == 0 {
		t.Fatal("信访件办理's page does not link its owner")
	}
	for _, m := range owner {
		if m[1] != "/units/xinfang/" {
			t.Errorf("信访件办理's page links 县信访局 to %s", m[1])
		}
	}
	var found bool
	for _, d := range searchIndexDocs(t, files) {
		if d.URL == "units/xinfang/" {
			found = true
			if want := "县信访局历次综合考核排名和各单项指标排名。负责指标：信访件办理"; d.Text != want {
				t.Errorf("县信访局's search text is %q, want %q", d.Text, want)
			}
		}
	}
	if !found {
		t.Error("the search has no entry for 县信访局's page")
	}
}

// TestRankingsShadesByTheLegend: the groups differ in size (党群部门 two
// units, 政府部门 three), so /rankings/ gives each its legend and shades a
// cell among its group's ranks (heatLevel: ⌈6·rank/n⌉): 县总工会, second of
// two, as its legend's 第2名 (heat-6), 县信访局, second of three, as its
// legend's 第2名 (heat-4).
func TestRankingsShadesByTheLegend(t *testing.T) {
	page := string(renderFiles(t, loadFiles(t, departmentOffice()), "")["rankings/index.html"])
	for _, want := range []string{
		"图例（党群部门，底色深浅）：</p>",
		`<li><span class="heat-swatch heat-3" aria-hidden="true"></span>第1名</li>
          <li><span class="heat-swatch heat-6" aria-hidden="true"></span>第2名</li>`,
		"图例（政府部门，底色深浅）：</p>",
		`<li><span class="heat-swatch heat-2" aria-hidden="true"></span>第1名</li>
          <li><span class="heat-swatch heat-4" aria-hidden="true"></span>第2名</li>
          <li><span class="heat-swatch heat-6" aria-hidden="true"></span>第3名</li>`,
		`<a href="/units/zonggonghui/">县总工会</a></th><td class="heat-6">2<`,
		`<a href="/units/xinfang/">县信访局</a></th><td class="heat-4">2<`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/rankings/ lacks %s", want)
		}
	}
}

// TestGroupedMatricesSayTheGroups: the matrices of /rankings/ and of an
// indicator's page hold ranks within each group, two units ranked 1 in a
// column; the note above them says so.
func TestGroupedMatricesSayTheGroups(t *testing.T) {
	files := renderFiles(t, loadFiles(t, departmentOffice()), "")
	for path, want := range map[string]string{
		"rankings/index.html": "<p class=\"note\">每格上方为当月在本组中的综合考核名次（名次相同即为并列），下方为综合得分；底色越深名次越靠前（按在本组中的名次）。",
		// 信访件办理 counts in 件: its cells hold counts, not scores.
		"indicators/xinfang/index.html": "<p class=\"note\">每格上方为在本组中的名次（名次相同即为并列），下方为件数；",
	} {
		if !strings.Contains(string(files[path]), want) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
}

// TestNotApplicableRuns: a unit 不涉及 one indicator month after month
// (县总工会, which gets no 12345 hotline orders) has its months said as one
// run on its page, as the notes under the tables say a run of exempt
// months, not a clause a month.
func TestNotApplicableRuns(t *testing.T) {
	f := departmentOffice()
	for _, m := range []string{"02", "03"} {
		f["data/2024-"+m+".toml"] = strings.Replace(f["data/2024-01.toml"], `period = "1月"`, `period = "`+strings.TrimPrefix(m, "0")+`月"`, 1)
		f["content/circulars/2024-"+m+".md"] = strings.NewReplacer("〔2024〕1号", "〔2024〕"+strings.TrimPrefix(m, "0")+"号", "2024-01", "2024-"+m, "2024年1月", "2024年"+strings.TrimPrefix(m, "0")+"月", "date = 2024-02-10", "date = 2024-"+m+"-20").Replace(f["content/circulars/2024-01.md"])
	}
	page := string(renderFiles(t, loadFiles(t, f), "")["units/zonggonghui/index.html"])
	if want := `<p class="history-span">不涉及：2024年1月至3月12345热线满意度（本月无12345热线工单）。</p>`; !strings.Contains(page, want) {
		t.Errorf("县总工会's page lacks %s", want)
	}
}

// TestExemptOwnerStillOwns: a ranked unit exempted from a month (免考) is
// in none of its rankings, and still answers for the indicator it owns:
// the month's data.json names it as 信访件办理's owner.
func TestExemptOwnerStillOwns(t *testing.T) {
	f := departmentOffice()
	f["data/units.toml"] = strings.Replace(f["data/units.toml"], "slug = \"xinfang\"\n", "slug = \"xinfang\"\nexempt = [{month = \"2024-01\", reason = \"机构调整\"}]\n", 1)
	f["data/2024-01.toml"] = regexp.MustCompile(`"县信访局" = [0-9.]+\n`).ReplaceAllString(f["data/2024-01.toml"], "")
	var doc struct {
		Indicators []struct {
			ID         string
			Owners     []string
			OwnerSlugs []string
		}
	}
	if err := json.Unmarshal(renderFiles(t, loadFiles(t, f), "")["circulars/2024/1/data.json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		if ind.ID == "xinfang" && (!slices.Equal(ind.Owners, []string{"县信访局"}) || !slices.Equal(ind.OwnerSlugs, []string{"xinfang"})) {
			t.Errorf("信访件办理's owners in the month 县信访局 was exempted from: %q %q", ind.Owners, ind.OwnerSlugs)
		}
	}
}

// TestUnitIndexRankedOwners: /units/ lists under the 责任单位 heading,
// where a reader looks for who answers for what, the ranked units that
// own an indicator as well as the departments: 县信访局 (信访件办理) and
// 县政务服务中心 (12345热线满意度) after 县委督查室, each said to be the
// unit listed under its ranking (同时参加政府部门排名), which lists it
// plain; 县发改局, owning nothing, is not among them. Without groups the
// note names the units' word (县直单位); without any [[department]] the
// heading is 责任单位, the office's [terms] department naming nothing it
// has. /rankings/ lists the same.
func TestUnitIndexRankedOwners(t *testing.T) {
	entries := func(t *testing.T, page []byte, heading string) []string {
		t.Helper()
		s := string(page)
		i := strings.Index(s, heading)
		if i < 0 {
			t.Fatalf("no %s", heading)
		}
		s = s[i:]
		s = s[:strings.Index(s, "</ul>")]
		var out []string
		for _, m := range regexp.MustCompile(`<li><a href="([^"]*)">([^<]*)</a>(?:<span class="link-note">([^<]*)</span>)?</li>`).FindAllStringSubmatch(s, -1) {
			out = append(out, strings.TrimSpace(m[1]+" "+m[2]+" "+m[3]))
		}
		return out
	}
	for _, c := range []struct {
		name   string
		edit   func(map[string]string)
		ranked string   // the heading over 县信访局's ranking
		owners string   // the heading of the owners
		want   []string // under it
	}{
		{"groups and a department", func(map[string]string) {}, `<h2 id="group-2">政府部门<span class="count">（3个）</span></h2>`,
			`<h2 id="departments">责任单位<span class="count">（3个）</span></h2>`,
			[]string{"/units/duchashi/ 县委督查室", "/units/xinfang/ 县信访局 同时参加政府部门排名", "/units/zhengwu/ 县政务服务中心 同时参加政府部门排名"}},
		{"no groups", func(f map[string]string) {
			f["data/units.toml"] = regexp.MustCompile(`(?m)^(\[\[group\]\]\nname = .*|group = .*)\n`).ReplaceAllString(f["data/units.toml"], "")
		}, `<h2 id="townships">县直单位<span class="count">（5个）</span></h2>`,
			`<h2 id="departments">责任单位<span class="count">（3个）</span></h2>`,
			[]string{"/units/duchashi/ 县委督查室", "/units/xinfang/ 县信访局 同时参加县直单位排名", "/units/zhengwu/ 县政务服务中心 同时参加县直单位排名"}},
		{"no department", func(f map[string]string) {
			f["config.toml"] = strings.Replace(f["config.toml"], `department = "责任单位"`, `department = "县直部门"`, 1)
			f["data/units.toml"], _, _ = strings.Cut(f["data/units.toml"], "[[department]]")
			f["data/indicators.toml"] = strings.Replace(f["data/indicators.toml"], "owners = [\"县委督查室\"]\n", "", 1)
		}, `<h2 id="group-2">政府部门<span class="count">（3个）</span></h2>`,
			`<h2 id="departments">责任单位<span class="count">（2个）</span></h2>`,
			[]string{"/units/xinfang/ 县信访局 同时参加政府部门排名", "/units/zhengwu/ 县政务服务中心 同时参加政府部门排名"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := departmentOffice()
			c.edit(f)
			files := renderFiles(t, loadFiles(t, f), "")
			page := files["units/index.html"]
			ranked := entries(t, page, c.ranked)
			if !slices.Contains(ranked, "/units/xinfang/ 县信访局") {
				t.Errorf("%s lists %q, want 县信访局 without a note", c.ranked, ranked)
			}
			if got := entries(t, page, c.owners); !slices.Equal(got, c.want) {
				t.Errorf("/units/ %s lists\n%q\nwant\n%q", c.owners, got, c.want)
			}
			if got := entries(t, files["rankings/index.html"], c.owners[:strings.Index(c.owners, "<span")]); !slices.Equal(got, c.want) {
				t.Errorf("/rankings/ lists %q, want %q", got, c.want)
			}
			if strings.Contains(string(page), "县直部门") {
				t.Error("/units/ heads with [terms] department an office with no department")
			}
		})
	}
}
