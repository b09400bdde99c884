package site

import (
	"slices"
	"strings"
	"testing"

	"tongbao/internal/theme"
)

// A circular's [[entry]] names an indicator its month reports, and says
// what it changes; each mistake is told at its line. miniSite's 2023-02
// reports 经济 (jingji, ranked by township) and 财政收入 (caizheng, a
// peer rank only); the front matter's [[entry]] starts on line 6.
func TestEntryEditDiagnostics(t *testing.T) {
	for _, tc := range []struct{ entries, want string }{
		{"[[entry]]\nindicator = \"jingjj\"\nafter = \"x\"\n", "content/circulars/2023-02.md:7:1: 未知指标“jingjj”，是否为“jingji”？"},
		{"[[entry]]\nindicator = \"caizheng\"\nranking = \"x\"\n", "content/circulars/2023-02.md:7:1: 指标“财政收入”不给乡镇（街道）排名，没有排名句可代替：要在这一项后加一段话，写 after"},
		{"[[entry]]\nindicator = \"jingji\"\nomit = true\nafter = \"x\"\n", "content/circulars/2023-02.md:8:1: omit = true 不列出这一项，after、ranking 就无处可写：删去 omit 或删去 after、ranking"},
		{"[[entry]]\nindicator = \"jingji\"\n", "content/circulars/2023-02.md:6:1: 这个 [[entry]] 没有调整什么"},
		{"[[entry]]\nindicator = \"jingji\"\nafter = \"x\"\n[[entry]]\nindicator = \"jingji\"\nomit = true\n", "content/circulars/2023-02.md:10:1: 指标“jingji”已在第 7 行的 [[entry]] 中调整过"},
	} {
		wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\n"+tc.entries, tc.want)
	}
}

// An indicator the month has no [[result]] for is in no circular of it:
// an [[entry]] copied from last month's for it edits nothing and says so.
func TestEntryOfIndicatorNotReported(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] += "[[indicator]]\nid = \"xinfang\"\nname = \"信访\"\nsection = \"重点工作\"\n"
	wantDiagnostic(t, files, "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\n[[entry]]\nindicator = \"xinfang\"\nafter = \"x\"\n",
		"content/circulars/2023-02.md:7:1: 2023年1-2月没有指标“信访”的考核结果（data/2023-02.toml 中没有它的 [[result]]），通报中本来就没有这一项：删去这个 [[entry]]")
}

// A correction is dated: without updated it is an error at it.
func TestCorrectionNeedsUpdated(t *testing.T) {
	wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\ncorrection = \"得分更正\"\n",
		"content/circulars/2023-02.md:6:1: 写了 correction（更正说明）也要写 updated（更正的日期，不加引号）：页面上写明何时更正")
}

// A site's indicators.html copied before [[entry]] had after prints no
// .After: the leadership's sentence would be dropped from the circular,
// and the clerk is told, at the layout, which circular's is. One that
// prints no ranking sentences drops a ranking's words too. The built-in
// one, or an override that prints both, is no warning.
func TestStaleIndicatorsLayout(t *testing.T) {
	const old = "{{- range .}}<p id=\"entry-{{.ID}}\"><strong>{{.Lead}}</strong>{{.Text}}</p>\n{{- range .Rankings}}<p>{{.}}</p>{{end}}{{end -}}\n"
	entries := "data = \"2023-02\"\n[[entry]]\nindicator = \"jingji\"\nafter = \"领导批示。\"\n"
	for _, tc := range []struct{ layout, entries, want string }{
		{old, entries, "layouts/shortcodes/indicators.html:1:1: 警告：这个模板覆盖了内置的 shortcodes/indicators.html，却没有用到 .After：通报中不会显示 content/circulars/2023-02.md 中 [[entry]] 的 after（及其他通报中的同类调整）。运行 tongbao layouts shortcodes/indicators.html 查看内置模板的写法"},
		{"{{range .}}{{.Lead}}{{end}}", "data = \"2023-02\"\n[[entry]]\nindicator = \"jingji\"\nranking = \"排名另行通报。\"\n",
			"layouts/shortcodes/indicators.html:1:1: 警告：这个模板覆盖了内置的 shortcodes/indicators.html，却没有用到 .Rankings：通报中不会显示 content/circulars/2023-02.md 中 [[entry]] 的 ranking（及其他通报中的同类调整）。运行 tongbao layouts shortcodes/indicators.html 查看内置模板的写法"},
		{old, "data = \"2023-02\"\n[[entry]]\nindicator = \"jingji\"\nomit = true\n", ""},
		{strings.Replace(old, "{{end -}}", "{{.After}}{{end -}}", 1), entries, ""},
		{"", entries, ""},
	} {
		files := miniSite()
		files["content/circulars/2023-02.md"] = strings.Replace(files["content/circulars/2023-02.md"], "data = \"2023-02\"\n", tc.entries, 1)
		if tc.layout != "" {
			files["layouts/shortcodes/indicators.html"] = tc.layout
		}
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "indicators.html") {
				got = append(got, w)
			}
		}
		if want := []string{tc.want}; tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, want) {
			t.Errorf("layout %q, front matter %q: warnings %q, want %q", tc.layout, tc.entries, got, tc.want)
		}
	}
}

// A site's unit.html copied from the theme before a unit's page opened
// with its lead shows none of it: the clerk is told, at the layout, which
// fields it lacks and what the pages lose. miniSite ranks townships,
// sorts departments and gives 经济 (区发改局's) a city rank: .Latest,
// .Lagging, .Bottom, and the 负责指标 list's .OwnedPeriod; a rule with
// a streak adds its measures and runs.
// .LatestPath is not .Latest. The theme's own unit.html, copied as it
// is, and the built-in one are no warning.
func TestStaleUnitLayout(t *testing.T) {
	const old = "{{define \"main\"}}<h1>{{.Title}}</h1>{{with .Unit}}{{if .LatestPath}}<a href=\"{{.LatestPath}}\">{{.LatestPeriod}}</a>{{end}}{{.Composite}}{{end}}{{end}}"
	builtin, ok := theme.Read("unit.html")
	if !ok {
		t.Fatal("no built-in unit.html")
	}
	const rule = "[[rule]]\non = \"composite\"\nselect = \"bottom\"\ncount = 2\nstreak = 2\naction = \"约谈\"\nwho = \"行政负责人\"\n"
	const warn = "layouts/unit.html:1:1: 警告：这个模板覆盖了内置的 unit.html，却没有用到 "
	// Ranked overall too, under miniSite's [ranking], of its townships
	// in groups (groupedMiniSite).
	const overall = "overall = true\n"
	for _, tc := range []struct {
		name, layout, rule, want string
	}{
		{"old", old, "", warn + ".Bottom、.Lagging、.Latest、.OwnedPeriod：单位页不会显示负责指标中排全市靠后的单项目标、排名靠后的单项指标、最新一期的排名或考核排类、负责指标的排名是哪一期的。运行 tongbao layouts unit.html 查看内置模板的写法"},
		{"old, with a rule", old, rule, warn + ".Bottom、.Lagging、.Latest、.MeasuresWhen、.OwnedPeriod、.PeriodMeasures、.Streaks、.YearMeasures：单位页不会显示负责指标中排全市靠后的单项目标、排名靠后的单项指标、最新一期的排名或考核排类、奖惩是哪一期的、负责指标的排名是哪一期的、本期的奖惩、离规则的奖惩还差几期、本年的奖惩。运行 tongbao layouts unit.html 查看内置模板的写法"},
		{"the township lead alone", strings.Replace(old, "{{.Composite}}", "{{.Latest}}{{.Lagging}}{{.Composite}}", 1), "", warn + ".Bottom、.OwnedPeriod：单位页不会显示负责指标中排全市靠后的单项目标、负责指标的排名是哪一期的。运行 tongbao layouts unit.html 查看内置模板的写法"},
		{"the theme's own", string(builtin), rule, ""},
		// A copy of the theme's before the lead named the measures'
		// period, which said 本月奖惩 of a unit no longer assessed.
		{"before the measures' period", strings.Replace(string(builtin), "{{$.Unit.MeasuresWhen}}", "本{{$.Site.Period.Each}}奖惩：", 1), rule,
			warn + ".MeasuresWhen：单位页不会显示奖惩是哪一期的。运行 tongbao layouts unit.html 查看内置模板的写法"},
		{"the built-in", "", rule, ""},
		// An office that ranks overall ([ranking] overall, with groups):
		// a copy from before the lead named the indicators lagged in
		// overall alone.
		{"overall", strings.Replace(old, "{{.Composite}}", "{{.Latest}}{{.Lagging}}{{.Composite}}", 1), overall,
			warn + ".Bottom、.OverallLagging、.OwnedPeriod：单位页不会显示负责指标中排全市靠后的单项目标、全区排名靠后而组内不靠后的单项指标、负责指标的排名是哪一期的。运行 tongbao layouts unit.html 查看内置模板的写法"},
		{"overall, the theme's own", string(builtin), overall, ""},
	} {
		files := miniSite()
		if tc.rule == overall {
			files = groupedMiniSite()
			files["config.toml"] = strings.Replace(files["config.toml"], "cityUnits = 12\n", "cityUnits = 12\n"+overall, 1)
		} else {
			files["config.toml"] += tc.rule
		}
		if tc.layout != "" {
			files["layouts/unit.html"] = tc.layout
		}
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "unit.html") {
				got = append(got, w)
			}
		}
		if want := []string{tc.want}; tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A site's site.css made before the theme's stylesheet selected by a
// class is warned of, naming the classes it lacks and what to do; the
// built-in one copied as it is (by hand or with the record layouts --copy
// writes), or with its values changed (the site's colours), is not, nor is
// custom.css, which no built-in stylesheet is. (testdata/bad/
// site-css-stale-accepted is an older commit's copy.)
func TestStaleStylesheet(t *testing.T) {
	builtin, ok := theme.Read("assets/css/site.css")
	if !ok {
		t.Fatal("no built-in site.css")
	}
	css := string(builtin)
	// Without the 适老模式's chart: every rule naming .rank-chart-senior
	// gone, as in a copy made before it was drawn.
	var old []string
	for _, rule := range strings.SplitAfter(css, "}") {
		if !strings.Contains(rule, "rank-chart-senior") {
			old = append(old, rule)
		}
	}
	const warn = "layouts/assets/css/site.css:1:1: 警告：这个样式表覆盖了内置的 assets/css/site.css，却没有现在的内置样式表用到的 "
	const todo = "：它复制自较早的 tongbao，页面上这些类和属性所在的部分会显示得不对。运行 tongbao layouts --diff assets/css/site.css 查看两者的不同，把这个文件移开，用 tongbao layouts --copy assets/css/site.css 取得现在的内置样式表，再重新加上本站的改动（只改颜色、字体的，可以写在 layouts/assets/css/custom.css 中，不必覆盖 site.css）"
	for _, tc := range []struct{ name, file, css, want string }{
		{"before the senior chart", "site.css", strings.Join(old, ""), warn + ".rank-chart-senior" + todo},
		{"as it is", "site.css", css, ""},
		{"copied with its record", "site.css", string(theme.Record("assets/css/site.css", builtin)) + css, ""},
		{"its colours changed", "site.css", strings.ReplaceAll(css, "#fff", "#fefefe"), ""},
		{"custom.css", "custom.css", ".doc-title { color: #004c97; }", ""},
	} {
		files := miniSite()
		files["layouts/assets/css/"+tc.file] = tc.css
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "样式表") {
				got = append(got, w)
			}
		}
		if want := []string{tc.want}; tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestStaleRankingsLayout: a site's rankings.html copied from the theme
// before an office's unit groups each had a section of their own uses
// .Years alone, which is empty when units.toml has groups: the clerk is
// told at the layout that the page shows no heat map. Without groups, or
// with a layout that uses .Groups, nothing is said.
func TestStaleRankingsLayout(t *testing.T) {
	const old = "{{define \"main\"}}{{with .Rankings}}{{range .Years}}{{.Caption}}{{end}}{{end}}{{end}}"
	const warn = "layouts/rankings.html:1:1: 警告：这个模板覆盖了内置的 rankings.html，却没有用到 .Groups：本站分组排名，考核排名页的综合考核排名按组分节，写在 .Groups 中（.Years 是空的），页面上不会显示综合考核排名。运行 tongbao layouts rankings.html 查看内置模板的写法"
	grouped := func(f map[string]string) {
		f["data/units.toml"] = "[[group]]\nname = \"东片\"\n" + strings.ReplaceAll(f["data/units.toml"], "slug = \"jia\"\n", "slug = \"jia\"\ngroup = \"东片\"\n")
		f["data/units.toml"] = strings.ReplaceAll(f["data/units.toml"], "slug = \"yi\"\n", "slug = \"yi\"\ngroup = \"东片\"\n")
		f["data/units.toml"] = strings.ReplaceAll(f["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\ngroup = \"东片\"\n")
	}
	for _, tc := range []struct {
		name, layout string
		groups       bool
		want         string
	}{
		{"old, grouped", old, true, warn},
		{"old, no groups", old, false, ""},
		{"using .Groups", strings.Replace(old, "{{end}}{{end}}{{end}}", "{{end}}{{range .Groups}}{{.Name}}{{end}}{{end}}{{end}}", 1), true, ""},
		{"the built-in", "", true, ""},
	} {
		files := miniSite()
		if tc.groups {
			grouped(files)
		}
		if tc.layout != "" {
			files["layouts/rankings.html"] = tc.layout
		}
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "rankings.html") {
				got = append(got, w)
			}
		}
		if want := []string{tc.want}; tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestStaleIndicatorLayout: an indicator.html copied from the theme
// before an indicator's page gave each unit group a section of its own
// uses .Years alone, empty when units.toml has groups: the clerk is told
// at the layout that the page shows no unit's ranks.
func TestStaleIndicatorLayout(t *testing.T) {
	const old = "{{define \"main\"}}{{with .Indicator}}{{range .Years}}{{.Caption}}{{end}}{{end}}{{end}}"
	const warn = "layouts/indicator.html:1:1: 警告：这个模板覆盖了内置的 indicator.html，却没有用到 .Groups：本站分组排名，指标页的各单位排名按组分节，写在 .Groups 中（.Years 是空的），页面上不会显示各单位的排名。运行 tongbao layouts indicator.html 查看内置模板的写法"
	for _, tc := range []struct {
		name, layout string
		groups       bool
		want         string
	}{
		{"old, grouped", old, true, warn},
		{"old, no groups", old, false, ""},
		{"using .Groups", strings.Replace(old, "{{end}}{{end}}{{end}}", "{{end}}{{range .Groups}}{{.Name}}{{end}}{{end}}{{end}}", 1), true, ""},
	} {
		files := miniSite()
		if tc.groups {
			files["data/units.toml"] = "[[group]]\nname = \"东片\"\n" + files["data/units.toml"]
			for _, slug := range []string{"jia", "yi", "bing"} {
				files["data/units.toml"] = strings.ReplaceAll(files["data/units.toml"], "slug = \""+slug+"\"\n", "slug = \""+slug+"\"\ngroup = \"东片\"\n")
			}
		}
		files["layouts/indicator.html"] = tc.layout
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "indicator.html") {
				got = append(got, w)
			}
		}
		if want := []string{tc.want}; tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Equal(got, want) {
			t.Errorf("%s: warnings %q, want %q", tc.name, got, tc.want)
		}
	}
}
