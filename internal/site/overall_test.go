package site

import (
	"slices"
	"strings"
	"testing"
)

// groupedMiniSite is miniSite with its townships in two groups: 街道组
// (甲街道, 乙街道) and 镇组 (丙镇).
func groupedMiniSite() map[string]string {
	files := miniSite()
	files["data/units.toml"] = "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"镇组\"\n" +
		strings.NewReplacer(`slug = "jia"`, "slug = \"jia\"\ngroup = \"街道组\"", `slug = "yi"`, "slug = \"yi\"\ngroup = \"街道组\"", `slug = "bing"`, "slug = \"bing\"\ngroup = \"镇组\"").Replace(files["data/units.toml"])
	return files
}

// loadErrorLines loads files, which must fail, and returns its
// diagnostics a line each.
func loadErrorLines(t *testing.T, files map[string]string) []string {
	t.Helper()
	_, err := Load(writeSite(t, files))
	if err == nil {
		t.Fatal("loaded without error")
	}
	return strings.Split(strings.TrimSpace(err.Error()), "\n")
}

// The overall ranking's keys are checked where they are written
// (DESIGN.md §5.8): config.toml's lines are miniSite's five less its [ranking],
// then what each case adds, from line 6.
func TestOverallDiagnostics(t *testing.T) {
	rule := "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 10000\n"
	cases := []struct {
		name    string
		grouped bool
		config  string
		want    string
	}{
		{"overall without groups", false, "[terms]\nscope = \"全县\"\n[ranking]\noverall = true\n",
			"config.toml:9:1: units.toml 中没有 [[group]]：各项排名本来就是全县的，删去 overall"},
		{"a rule's overall without [ranking] overall", true, rule + "overall = true\n",
			"config.toml:11:1: overall = true 的规则依据全区排名，但 config.toml 没有要全区排名：在 [ranking] 中写 overall = true"},
		{"a rule's overall with a group", true, "[ranking]\noverall = true\n" + rule + "group = \"镇组\"\noverall = true\n",
			"config.toml:14:1: overall = true 的规则依据各组单位合在一起的全区排名，不能同时写 group（只用于“镇组”一组的，删去 overall）"},
		{"a city rule's overall", true, "[ranking]\noverall = true\n[[rule]]\non = \"city\"\nselect = \"first\"\naction = \"约谈\"\noverall = true\n",
			"config.toml:12:1: on = \"city\" 的规则依据上级排名，不能写 overall（overall 依据各组单位合在一起的全区排名）"},
		{"a rule's overall without groups", false, "[ranking]\noverall = true\n" + rule + "overall = true\n",
			"config.toml:13:1: units.toml 中没有 [[group]]：各项排名本来就是全区的，删去 overall"},
		{"a group named as the scope", true, "[terms]\nscope = \"镇组\"\n[ranking]\noverall = true\n",
			"config.toml:9:1: 组“镇组”与排名范围（[terms] scope）同名：镇组排名和这一组的排名分不清，改组名或 scope"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			if c.grouped {
				files = groupedMiniSite()
			}
			files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "", 1) + c.config
			if got := loadErrorLines(t, files); !slices.Contains(got, c.want) {
				t.Errorf("got:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

// overallSize without overall is warned of: it changes nothing (an
// office that stopped ranking overall for a year keeps its size).
func TestOverallSizeWithoutOverallWarned(t *testing.T) {
	files := groupedMiniSite()
	files["config.toml"] += "[ranking]\noverallSize = 10\n"
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "", 1)
	want := "config.toml:7:1: 警告：overallSize 是全区排名的前后名数，没有 overall = true 时不起作用"
	if got := loadWarnings(t, files); !slices.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), want)
	}
}

// A weighted sum is a total: the groups' compare only when each is
// assessed on the same indicators, or on indicators whose full marks
// (weight × max) add up alike. 经济 (all, max 60) and 项目 (街道组 only,
// max 40) give 街道组 100 and 镇组 60: refused, saying so. With 镇组's
// own 40-point 农业 both are 100: allowed. rank-points is a mean of
// points of 100 and compares however the indicators differ.
func TestOverallSumNeedsEqualFullMarks(t *testing.T) {
	indicators := "[[indicator]]\nid = \"jingji\"\nname = \"经济\"\nsection = \"重点工作\"\nowners = [\"区发改局\"]\ntownships = \"all\"\nmax = 60\n" +
		"[[indicator]]\nid = \"xiangmu\"\nname = \"项目\"\nsection = \"重点工作\"\ntownships = [\"甲街道\", \"乙街道\"]\nmax = 40\n"
	files := groupedMiniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\n", "[scoring]\nmethod = \"sum\"\n[ranking]\noverall = true\n", 1)
	files["data/indicators.toml"] = indicators
	delete(files, "data/2023-02.toml")
	delete(files, "content/circulars/2023-02.md")
	want := "config.toml:7:1: 综合得分按得分之和（[scoring] method = \"sum\"）计算，各组考核的指标不同：街道组考核经济、项目，满分100分；镇组考核经济，满分60分。满分不同的总分不能合在一起排全区排名：各组的满分（weight × max 之和）相同时才可以；写明各指标的 max 使其相同，或删去 overall"
	if got := loadErrorLines(t, files); !slices.Contains(got, want) {
		t.Errorf("got:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), want)
	}

	files["data/indicators.toml"] = indicators + "[[indicator]]\nid = \"nongye\"\nname = \"农业\"\nsection = \"重点工作\"\ntownships = [\"丙镇\"]\nmax = 40\n"
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Errorf("equal full marks refused: %v", err)
	}

	files["data/indicators.toml"] = indicators
	files["config.toml"] = strings.Replace(files["config.toml"], "method = \"sum\"", "method = \"rank-points\"", 1)
	if _, err := Load(writeSite(t, files)); err != nil {
		t.Errorf("rank points refused: %v", err)
	}
}

// A top or bottom rule on the overall ranking counts every group's units
// together, and without count takes overallSize: over miniSite's three
// townships in two groups, an overall bottom rule of overallSize 2 has
// 3 < 2×2 units, warned of as 现有3个乡镇（街道）, not as each group's.
func TestOverallRuleOverFewUnitsWarned(t *testing.T) {
	files := groupedMiniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "", 1) +
		"[ranking]\noverall = true\noverallSize = 2\n[[rule]]\non = \"composite\"\nselect = \"bottom\"\noverall = true\naction = \"约谈\"\n"
	want := []string{
		"config.toml:11:1: 警告：这条规则选后2名，但现有3个乡镇（街道），不足4个：后2名与前2名重叠，后一组不含前一组的单位，无并列时每期只选第3名（1个），原因写各自的位次（倒数第一……），不写“后两名”；要选最后2名本身（第2～3名），写 overlap = true",
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// overall over one group ranks it twice alike: warned of.
func TestOverallOfOneGroupWarned(t *testing.T) {
	files := groupedMiniSite()
	files["data/units.toml"] = strings.Replace(strings.ReplaceAll(files["data/units.toml"], "group = \"镇组\"", "group = \"街道组\""), "[[group]]\nname = \"镇组\"\n", "", 1)
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "", 1) + "[ranking]\noverall = true\n"
	want := "config.toml:7:1: 警告：units.toml 只有一组（“街道组”）：全区排名与组内排名相同，通报和单位页面会把同一个排名再说一遍；不必写 overall"
	if got := loadWarnings(t, files); !slices.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), want)
	}
}

// A rule's who may name the unit ({unit}) and its group ({group}), put
// in for each unit it selects (docs/rules.md 对象中的单位和组); anything
// else in braces is an error at the key, as is {group} where no unit
// has a group to put in. config.toml's lines are as TestOverallDiagnostics
// has them: the rule from line 6, its who on line 10.
func TestRuleWhoPlaceholders(t *testing.T) {
	rule := func(on, who string) string {
		return "[[rule]]\non = \"" + on + "\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"" + who + "\"\n"
	}
	for _, c := range []struct {
		name    string
		grouped bool
		config  string
		want    string // "" loads
	}{
		{"unknown", true, rule("composite", "{乡镇}分管领导"),
			"config.toml:10:1: who 中的“{乡镇}”不是可替换的名称：只能写 {unit}（单位名称）或 {group}（单位所在的组）"},
		{"misspelt", true, rule("composite", "{grop}分管领导"),
			"config.toml:10:1: who 中的“{grop}”不是可替换的名称：只能写 {unit}（单位名称）或 {group}（单位所在的组），是否为“{group}”？"},
		{"a brace alone", true, rule("composite", "{group分管领导"),
			"config.toml:10:1: who 中的“{”没有配对的括号：可替换的名称写作 {unit}（单位名称）、{group}（单位所在的组），其他文字中不用 { }"},
		{"a closing brace alone", true, rule("composite", "group}分管领导"),
			"config.toml:10:1: who 中的“}”没有配对的括号：可替换的名称写作 {unit}（单位名称）、{group}（单位所在的组），其他文字中不用 { }"},
		{"group without groups", false, rule("composite", "{group}分管领导"),
			"config.toml:10:1: units.toml 中没有 [[group]]：who 中的 {group} 无组名可替换，删去它或直接写明"},
		{"group of a city rule", true, rule("city", "{group}分管领导"),
			"config.toml:10:1: on = \"city\" 的规则的措施给指标的责任单位，责任单位不分组：who 中不能写 {group}"},
		{"both", true, rule("composite", "{unit}党支部书记及{group}分管领导"), ""},
		{"unit without groups", false, rule("composite", "{unit}党支部书记"), ""},
		{"unit of a city rule", false, rule("city", "{unit}分管负责人"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			if c.grouped {
				files = groupedMiniSite()
			}
			files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "", 1) + c.config
			if c.want == "" {
				if _, err := Load(writeSite(t, files)); err != nil {
					t.Fatalf("does not load: %v", err)
				}
				return
			}
			if got := loadErrorLines(t, files); !slices.Equal(got, []string{c.want}) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

// WhoOf puts in the unit's name and its group's for each placeholder,
// and leaves a who without braces as it is.
func TestRuleWhoOf(t *testing.T) {
	g := &Group{Name: "青山镇"}
	u := &Unit{Name: "团结村", Group: g}
	for _, c := range []struct{ who, want string }{
		{"{group}分管领导", "青山镇分管领导"},
		{"{unit}党支部书记、{group}分管领导、{group}党委书记", "团结村党支部书记、青山镇分管领导、青山镇党委书记"},
		{"主要负责人", "主要负责人"},
		{"", ""},
	} {
		if got := (Rule{Who: c.who}).WhoOf(u); got != c.want {
			t.Errorf("WhoOf(%q) = %q, want %q", c.who, got, c.want)
		}
	}
}
