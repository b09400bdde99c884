package site

import (
	"reflect"
	"strings"
	"testing"
)

// An indicator's [[indicator.change]]s: each is in force from its month,
// carrying over what it does not write, whatever order the file writes
// them in; before the first the base values are.
func TestIndicatorChanges(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
weight = 2
[[indicator.change]]
from = "2025-01"
decimals = 1
better = "lower"
[[indicator.change]]
from = "2024-07"
weight = 1.5
`, 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	ind := s.Indicator("jingji")
	for _, c := range []struct {
		month string
		want  Setting
	}{
		{"2024-06", Setting{HigherBetter: true, Weight: 2, Decimals: 2, Name: "经济"}},   // base
		{"2024-07", Setting{HigherBetter: true, Weight: 1.5, Decimals: 2, Name: "经济"}}, // the first change, from its month
		{"2024-12", Setting{HigherBetter: true, Weight: 1.5, Decimals: 2, Name: "经济"}},
		{"2025-01", Setting{HigherBetter: false, Weight: 1.5, Decimals: 1, Name: "经济"}}, // the second keeps the first's weight
		{"2026-03", Setting{HigherBetter: false, Weight: 1.5, Decimals: 1, Name: "经济"}},
	} {
		if got := ind.In(c.month); !reflect.DeepEqual(got, c.want) {
			t.Errorf("In(%s) = %+v, want %+v", c.month, got, c.want)
		}
	}
	if len(ind.Changes) != 2 || strings.Join(ind.Changes[1].Set, ",") != "better,decimals" || strings.Join(ind.Changes[0].Set, ",") != "weight" {
		t.Errorf("changes %+v: want 2024-07 setting weight, then 2025-01 better and decimals", ind.Changes)
	}
	// An indicator without changes is its base setting in every month.
	if got := s.Indicator("caizheng").In("2030-01"); !reflect.DeepEqual(got, Setting{HigherBetter: true, Weight: 1, Decimals: 2, Name: "财政收入"}) {
		t.Errorf("caizheng: %+v", got)
	}
}

// Bad changes are errors at their lines, in Chinese; every one is found
// in one pass.
func TestIndicatorChangeErrors(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
[[indicator.change]]
from = "2025-01"
weight = 2
[[indicator.change]]
from = "2025-01"
decimals = 1
[[indicator.change]]
from = "2025-13"
weight = 3
[[indicator.change]]
from = "2026-01"
weight = 2
[[indicator.change]]
from = "2027-01"
[[indicator.change]]
from = "2028-01"
decimals = 9
better = "高"
[[indicator.change]]
weight = 4
[[indicator.change]]
from = "2029-01"
weight = 4
colour = "红"
`, 1)
	_, err := Load(writeSite(t, files))
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		`data/indicators.toml:11:1: 指标“经济”自 2025-01 起的调整重复（第 8 行已写了同一个月）`,
		`data/indicators.toml:14:1: from 应为月份，如 "2025-01"，而不是“2025-13”`,
		`data/indicators.toml:16:1: 指标“经济”自 2026-01 起的调整没有改变什么：所写的值与此前的相同（权重2，2位小数，得分越高越好）`,
		`data/indicators.toml:19:1: 指标“经济”自 2027-01 起的调整没有写要改变的 weight、decimals、better、name、max 或 min`,
		`data/indicators.toml:23:1: decimals 应在 0～6 之间`,
		`data/indicators.toml:24:1: better 应为 higher 或 lower，而不是“高”`,
		`data/indicators.toml:25:1: [[indicator.change]] 这一项缺少“from”（起始月份）`,
		`data/indicators.toml:30:1: 未知的键“indicator.change.colour”`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %s in\n%v", want, err)
		}
	}
	// 2028-01's values are reported as such, not as changing nothing.
	if strings.Contains(err.Error(), "2028-01 起的调整没有") {
		t.Errorf("a change with bad values reported as changing nothing:\n%v", err)
	}
}

// A lower-is-better change of an indicator in a composite of scores is
// refused as its base would be.
func TestIndicatorChangeLowerInScoreComposite(t *testing.T) {
	files := miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"score\"\n"
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
[[indicator.change]]
from = "2025-01"
better = "lower"
`, 1)
	_, err := Load(writeSite(t, files))
	if err == nil || !strings.Contains(err.Error(), `data/indicators.toml:9:1: 指标“经济”越低越好（自 2025-01 起 better = "lower"）`) {
		t.Errorf("got %v", err)
	}
}

// A change that writes only the weight of an indicator lower-is-better
// from the start is refused for that weight, and says so: not as though
// it had made the indicator lower-is-better. One that changes neither
// (decimals) adds nothing to what its indicator's own problem says.
func TestIndicatorChangeWeightOfLowerInScoreComposite(t *testing.T) {
	files := miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"score\"\n"
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
better = "lower"
weight = 0
[[indicator.change]]
from = "2025-01"
weight = 2
`, 1)
	_, err := Load(writeSite(t, files))
	want := `data/indicators.toml:11:1: 指标“经济”越低越好（自 2025-01 起 weight = 2），而综合考核按得分的加权平均`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want %s in\n%v", want, err)
	}

	files = miniSite()
	files["config.toml"] += "[scoring]\nmethod = \"score\"\n"
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
better = "lower"
[[indicator.change]]
from = "2025-01"
decimals = 1
`, 1)
	_, err = Load(writeSite(t, files))
	if err == nil || strings.Count(err.Error(), "越低越好") != 1 || !strings.Contains(err.Error(), `data/indicators.toml:7:1: 指标“经济”越低越好（better = "lower"）`) {
		t.Errorf("want the indicator's problem once, at its better, got\n%v", err)
	}
}

// A rule's from and until: months, from not after until, checked as a
// unit's are, each at its key.
func TestRuleSpan(t *testing.T) {
	files := miniSite()
	files["config.toml"] += `[[rule]]
on = "composite"
select = "last"
action = "约谈"
from = "2025-01"
until = "2025-12"
[[rule]]
on = "composite"
select = "first"
action = "约谈"
from = "2025-1"
[[rule]]
on = "composite"
select = "first"
action = "约谈"
from = "2025-06"
until = "2025-05"
`
	_, err := Load(writeSite(t, files))
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		`config.toml:18:1: from 应为月份，写作 "2025-01"，而不是“2025-1”`,
		`config.toml:24:1: until（2025-05）早于 from（2025-06）：这条规则没有适用的月份。不再用的旧规则写 until（最后适用的月份），新规则写 from（开始适用的月份），分别写在两条规则中`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("want %s in\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "config.toml:10:") || strings.Contains(err.Error(), "config.toml:11:") {
		t.Errorf("a good span reported:\n%v", err)
	}

	files["config.toml"] = miniSite()["config.toml"] + `[[rule]]
on = "composite"
select = "last"
action = "约谈"
from = "2025-01"
until = "2025-12"
`
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	r := s.Config.Rules[0]
	if r.Span != (Span{"2025-01", "2025-12"}) {
		t.Fatalf("span %+v", r.Span)
	}
	for _, c := range []struct {
		period string
		want   bool
	}{
		{"2024-12", false}, {"2025-01", true}, {"2025-12", true}, {"2026-01", false},
		{"2024-Q4", false}, {"2025-Q1", true}, {"2025-H2", true}, {"2025", true}, {"2024", false},
	} {
		p, _ := ParsePeriod(c.period)
		if got := r.AppliesTo(p); got != c.want {
			t.Errorf("AppliesTo(%s) = %v, want %v", c.period, got, c.want)
		}
	}
	// A quarter is judged by its last month: a rule until 2025-02 is not
	// in force for 2025-Q1, one from 2025-03 is.
	q1, _ := ParsePeriod("2025-Q1")
	if (Rule{Span: Span{Until: "2025-02"}}).AppliesTo(q1) || !(Rule{Span: Span{From: "2025-03"}}).AppliesTo(q1) {
		t.Error("a quarter is not judged by its last month")
	}
}

// A change written as anything but an array of tables is told how its
// header is written, [[indicator.change]], not the bare key.
func TestIndicatorChangeNotTables(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
`, `townships = "all"
change = 3
`, 1)
	_, err := Load(writeSite(t, files))
	if err == nil || !strings.Contains(err.Error(), `data/indicators.toml:7:1: change（考核办法调整）应为表数组（[[indicator.change]]）`) {
		t.Errorf("got %v", err)
	}
}

// An [[indicator.change]] changes the [[indicator]] it follows. Appended
// at the end of the file, as the example in rules.md is, it changes the
// last indicator, not the one meant; when that is a new indicator, which
// no month before the change's from assessed, the change alters nothing
// that was ranked: a warning at its from says so and what to write. A
// change of an indicator assessed before is not warned of.
func TestIndicatorChangeOfUnassessedWarned(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] += `[[indicator]]
id = "keji"
name = "科技"
section = "重点工作"
townships = "all"
[[indicator.change]]
from = "2023-03"
weight = 2
`
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"
[[indicator]]
id = "caizheng"`, `townships = "all"
[[indicator.change]]
from = "2023-03"
weight = 3
[[indicator]]
id = "caizheng"`, 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Warnings {
		if strings.Contains(d.Msg, "indicator.change") {
			got = append(got, d.String())
		}
	}
	want := `data/indicators.toml:21:1: 警告：这项 [[indicator.change]] 写在指标“科技”之后，调整的是它，而“科技”在 2023-03 之前没有哪个月考核过，没有可调整的：` +
		`要调整的是别的指标，把这一项移到那个指标的 [[indicator]] 之后；新指标的权重、小数位数和得分方向直接写在它自己的 [[indicator]] 中`
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q\nwant %q", got, want)
	}
}

// The slips of a new 考核办法 in indicators.toml are told what to write:
// a from on an [[indicator]] (indicators have no span: a new one is
// added, a dropped one kept for the months before), a [[change]] or an
// [[indicator.change]] before the first [[indicator]] (it changes the
// indicator it follows), an indicator deleted that earlier months score.
func TestIndicatorChangeMisplaced(t *testing.T) {
	const ind = "data/indicators.toml"
	for _, c := range []struct{ name, file, old, new, want string }{
		{"from on an indicator", ind, "townships = \"all\"\n", "townships = \"all\"\nfrom = \"2023-03\"\n",
			ind + `:7:1: 未知的键“indicator.from”：指标不写 from、until。新指标直接加上，从它开始考核的月份起写它的 [[result]]；` +
				`不再考核的指标不要删去（以前各月仍用它），以后的月份不写它的 [[result]]；权重、小数位数或得分方向自某月起改变的，写在紧跟它的 [[indicator.change]] 中`},
		{"[[change]]", ind, "townships = \"all\"\n", "townships = \"all\"\n[[change]]\nfrom = \"2023-03\"\nweight = 2\n",
			ind + `:7:1: 未知的键“change”：考核办法调整写作 [[indicator.change]]，紧跟在所调整的 [[indicator]] 之后`},
		{"before the first indicator", ind, "[[indicator]]\nid = \"jingji\"", "[[indicator.change]]\nfrom = \"2023-03\"\nweight = 2\n[[indicator]]\nid = \"jingji\"",
			ind + `:1:1: [[indicator.change]] 要紧跟在它所属的 [[indicator]] 之后，不能写在第一个 [[indicator]] 之前`},
		{"an indicator deleted", ind, "[[indicator]]\nid = \"caizheng\"\nname = \"财政收入\"\nsection = \"重点工作\"\nowners = [\"区财政局\"]\n", "",
			`data/2023-02.toml:10:1: 未知指标“caizheng”：data/indicators.toml 中没有这个 id；不再考核的指标不要从中删去（以前各月仍用它），以后的月份不写它的 [[result]] 即可`},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, miniSite(), c.file, c.old, c.new, c.want)
		})
	}
}

// The first change written the same as the indicator's own value is what
// editing the old weight, the change already written, leaves: the
// message says to put the old value back, the months before ranked by
// it, before offering to delete the change, which would re-rank them.
func TestIndicatorChangeSameAsEditedBase(t *testing.T) {
	wantDiagnostic(t, miniSite(), "data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\nweight = 2\n[[indicator.change]]\nfrom = \"2023-03\"\nweight = 2\n",
		`data/indicators.toml:8:1: 指标“经济”自 2023-03 起的调整没有改变什么：所写的值与这个指标 [[indicator]] 中的相同（权重2，2位小数，得分越高越好）；`+
			`如果是把 [[indicator]] 中原来的值改成了新的，改回原来的值（2023-03 以前各月仍按它排名）；否则删去这一项`)
}
