package site

import (
	"slices"
	"strings"
	"testing"
)

// A top or bottom rule over fewer townships than its groups need is
// warned of at its count (or its select), saying what it will select
// (DESIGN.md §5.2, §5.9). Townships now: 甲街道, 乙街道, 丙镇 — 丁乡's
// until is past, and it is not counted — so n = 3; the indicator
// xiangmu ranks 甲街道 and 乙街道 alone, n = 2:
//
//	line 11: bottom, count 2: 3 < 2×2 → the last 2 less the top 2: place 3 alone, 1;
//	         overlap = true would select the last 2, places 2–3
//	line 16: bottom, count 3 (groupSize): 3 ≤ 3 → all in the top 3, none
//	line 22: top, count 4: 3 < 4 → all three
//	         top, count 2: 3 ≥ 2, the first two; no warning
//	         bottom, count 1: 3 ≥ 2×1, no warning
//	         bottom of xiangmu, count 1: 2 ≥ 2×1, no warning
//	line 48: bottom of xiangmu, count 2: 2 ≤ 2 → none
//	         a rule no longer in force (until): no warning
//	line 61: a city rule is not measured against the townships, but its
//	         count of 20 passes cityUnits (12): every entry is selected
func TestRuleOverFewUnitsWarned(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] += "[[township]]\nname = \"丁乡\"\nslug = \"ding\"\nuntil = \"2022-12\"\n"
	files["data/indicators.toml"] += "[[indicator]]\nid = \"xiangmu\"\nname = \"项目\"\nsection = \"重点工作\"\ntownships = [\"甲街道\", \"乙街道\"]\n"
	files["config.toml"] += `[[rule]]
on     = "composite"
select = "bottom"
count  = 2
action = "约谈"

[[rule]]
on     = "composite"
select = "bottom"
action = "约谈"

[[rule]]
on     = "composite"
select = "top"
count  = 4
action = "约谈"

[[rule]]
on     = "composite"
select = "top"
count  = 2
action = "约谈"

[[rule]]
on     = "composite"
select = "bottom"
count  = 1
action = "约谈"

[[rule]]
on     = "indicator"
indicator = "xiangmu"
select = "bottom"
count  = 1
action = "约谈"

[[rule]]
on     = "indicator"
indicator = "xiangmu"
select = "bottom"
count  = 2
action = "约谈"

[[rule]]
on     = "composite"
select = "bottom"
count  = 3
action = "约谈"
until  = "2022-12"

[[rule]]
on     = "city"
select = "bottom"
count  = 20
action = "约谈"
`
	want := []string{
		"config.toml:11:1: 警告：这条规则选后2名，但现有3个乡镇（街道），不足4个：后2名与前2名重叠，后一组不含前一组的单位，无并列时每期只选第3名（1个），原因写各自的位次（倒数第一……），不写“后两名”；要选最后2名本身（第2～3名），写 overlap = true",
		"config.toml:16:1: 警告：这条规则选后3名，但现有3个乡镇（街道），都在前3名之中，而后一组不含前一组的单位：这条规则不会选出任何单位",
		"config.toml:22:1: 警告：这条规则选前4名，但现有3个乡镇（街道），不足4个：每期选全部单位，原因写各自的名次（第一、第二……）",
		// 项目 ranks the two 街道 alone: named so, as its sentence names them (涉及该项工作共2个街道).
		"config.toml:48:1: 警告：这条规则选后2名，但现有2个街道，都在前2名之中，而后一组不含前一组的单位：这条规则不会选出任何单位",
		"config.toml:61:1: 警告：这条规则选全市排名后20名，但全市排名只有12个单位（cityUnits）：每一项有全市名次的指标都会选中",
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// With groups each is counted apart: a bottom one of 街道组 (甲街道,
// 乙街道: 2 ≥ 2×1) selects 乙街道, of 镇组 (丙镇 alone: 1 ≤ 1) none; a
// rule naming 街道组 is not warned of for 镇组.
func TestRuleOverFewUnitsWarnedByGroup(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] = "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"镇组\"\n" +
		strings.NewReplacer(`slug = "jia"`, "slug = \"jia\"\ngroup = \"街道组\"", `slug = "yi"`, "slug = \"yi\"\ngroup = \"街道组\"", `slug = "bing"`, "slug = \"bing\"\ngroup = \"镇组\"").Replace(files["data/units.toml"])
	files["config.toml"] += `[[rule]]
on     = "composite"
select = "bottom"
count  = 1
action = "约谈"

[[rule]]
on     = "composite"
select = "bottom"
count  = 1
group  = "街道组"
action = "约谈"
`
	want := []string{
		"config.toml:11:1: 警告：这条规则选后1名，但镇组现有1个乡镇，都在前1名之中，而后一组不含前一组的单位：这条规则不会选出任何单位",
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A bottom rule with overlap selects the last k as they stand, the top
// group's units among them (DESIGN.md §5.9): over the three townships of
// miniSite, count 2 (3 ≥ 2 but < 2×2) is not warned of; count 3 (3 ≤ 3)
// selects all three each period, which is said. overlap on a top rule
// or a city rule is an error at the key.
func TestOverlapRule(t *testing.T) {
	files := miniSite()
	files["config.toml"] += `[[rule]]
on      = "composite"
select  = "bottom"
count   = 2
overlap = true
action  = "约谈"

[[rule]]
on      = "composite"
select  = "bottom"
count   = 3
overlap = true
action  = "约谈"
`
	want := []string{
		"config.toml:18:1: 警告：这条规则选最后3名（overlap = true），但现有3个乡镇（街道），不多于3个：每期选全部单位",
	}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if rs := s.Config.Rules; len(rs) != 2 || !rs[0].Overlap || !rs[1].Overlap {
		t.Fatalf("rules: %+v, want two with Overlap", rs)
	}

	for _, bad := range []struct{ rule, want string }{
		{"on = \"composite\"\nselect = \"top\"\noverlap = true\naction = \"约谈\"\n", "config.toml:11:1: overlap 只用于 select = \"bottom\" 且 on 为 composite 或 indicator 的规则"},
		{"on = \"city\"\nselect = \"bottom\"\noverlap = true\naction = \"约谈\"\n", "config.toml:11:1: overlap 只用于 select = \"bottom\" 且 on 为 composite 或 indicator 的规则"},
	} {
		files := miniSite()
		files["config.toml"] += "[[rule]]\n" + bad.rule
		_, err := Load(writeSite(t, files))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got\n%s\nwant %s", bad.rule, err, bad.want)
		}
	}
}

// A groupSize written larger than the townships a ranking holds is warned
// of at the key (DESIGN.md §5.2): the first k are all of them. One
// groupSize serves every group, so it is measured against the largest;
// one equal to the townships, or not written, is not told; [ranking]'s
// beyond cityUnits puts every city rank on the city-bottom list.
func TestGroupSizeBeyondUnits(t *testing.T) {
	const tail = "就是全部单位，分不出前几名和后几名（都算“靠前”，没有“靠后”，top、bottom 规则选全部单位或不选）；groupSize 应小于单位数，以不超过其一半为宜，如 groupSize = 1"
	grouped := "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"镇组\"\n" +
		strings.NewReplacer(`slug = "jia"`, "slug = \"jia\"\ngroup = \"街道组\"", `slug = "yi"`, "slug = \"yi\"\ngroup = \"街道组\"", `slug = "bing"`, "slug = \"bing\"\ngroup = \"镇组\"").Replace(miniSite()["data/units.toml"])
	for _, c := range []struct {
		name, ranking, units string
		cityRank             string // the month's city rank of 经济
		want                 []string
	}{
		// 丁乡 is past (until): three townships now.
		{"equal", "groupSize = 3\ncityUnits = 12\n", miniSite()["data/units.toml"] + "[[township]]\nname = \"丁乡\"\nslug = \"ding\"\nuntil = \"2022-12\"\n", "3", nil},
		{"beyond", "groupSize = 4\ncityUnits = 12\n", miniSite()["data/units.toml"] + "[[township]]\nname = \"丁乡\"\nslug = \"ding\"\nuntil = \"2022-12\"\n", "3",
			[]string{"config.toml:5:1: 警告：groupSize = 4，但现有3个乡镇（街道）：各项排名和综合考核排名的前4名" + tail}},
		// 镇组 has one township, fewer than 2: the 街道组's two are the measure.
		{"groups", "groupSize = 2\ncityUnits = 12\n", grouped, "3", nil},
		{"beyond the largest group", "groupSize = 3\ncityUnits = 12\n", grouped, "3",
			[]string{"config.toml:5:1: 警告：groupSize = 3，但最大的一组“街道组”现有2个街道：各项排名和综合考核排名的前3名" + tail}},
		{"not written", "cityUnits = 12\n", grouped, "3", nil},
		{"beyond cityUnits", "groupSize = 3\ncityUnits = 2\n", miniSite()["data/units.toml"], "2",
			[]string{"config.toml:5:1: 警告：groupSize = 3，但全市排名只有2个单位（cityUnits）：每一项有全市名次的指标都在后3名之中，都会列入“排全市后几名的单项目标”；groupSize 应小于 cityUnits"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\ncityUnits = 12\n", "[ranking]\n"+c.ranking, 1)
			files["data/units.toml"] = c.units
			files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "city = 3", "city = "+c.cityRank, 1)
			if got := loadWarnings(t, files); !slices.Equal(got, c.want) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	files := miniSite()
	files["config.toml"] += "[aggregate]\ngroupSize = 5\n"
	want := []string{"config.toml:9:1: 警告：groupSize = 5，但现有3个乡镇（街道）：季度、半年和年度综合考核排名的前5名" + tail}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("[aggregate] warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A rule that no data the site can hold makes select is an error at its
// key: a rank beyond the townships ranked at once — units.toml has five,
// but 丁乡 (until 2022-12) and 戊镇 (from 2023-03) are never ranked
// together, so four at most — and a streak beyond the periods between
// its from and until.
func TestRuleNeverSelects(t *testing.T) {
	units := miniSite()["data/units.toml"] + "[[township]]\nname = \"丁乡\"\nslug = \"ding\"\nuntil = \"2022-12\"\n[[township]]\nname = \"戊镇\"\nslug = \"wu\"\nfrom = \"2023-03\"\n"
	for _, c := range []struct{ rule, want string }{
		{"select = \"rank\"\nrank = 4\n", ""},
		{"select = \"rank\"\nrank = 5\n", "config.toml:11:1: rank = 5，但同时参加排名的乡镇（街道）最多4个（units.toml）：名次只到第4名，这条规则不会选出任何单位；rank 应在1～4之间，或删去这条规则"},
		{"select = \"last\"\nstreak = 3\nfrom = \"2023-02\"\nuntil = \"2023-04\"\n", ""},
		{"select = \"last\"\nstreak = 4\nfrom = \"2023-02\"\nuntil = \"2023-04\"\n", "config.toml:11:1: streak = 4 要连续4个月，但这条规则只适用于 2023-02 至 2023-04，其间最多3个月：它不会适用；streak 应不大于3，或改 from、until"},
		// Two halves end in 2023 (June, December); two years in 2023–2024.
		{"select = \"last\"\nperiod = \"half\"\nstreak = 3\nfrom = \"2023-01\"\nuntil = \"2023-12\"\n", "config.toml:12:1: streak = 3 要连续3个半年度，但这条规则只适用于 2023-01 至 2023-12，其间最多2个半年度：它不会适用；streak 应不大于2，或改 from、until"},
		{"select = \"last\"\nperiod = \"year\"\nstreak = 2\nfrom = \"2023-01\"\nuntil = \"2024-12\"\n", ""},
		{"select = \"last\"\nstreak = 100\n", ""},
	} {
		files := miniSite()
		files["data/units.toml"] = units
		files["config.toml"] += "[[rule]]\non = \"composite\"\n" + c.rule + "action = \"约谈\"\n"
		_, err := Load(writeSite(t, files))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.rule, err)
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("%s: %v\nwant %s", c.rule, err, c.want)
		}
	}
}

// TestRankedAtOnceByPeriod: the units ranked at once are counted by the
// periods the office assesses by. 丁乡 (until 2023-04) and 戊镇 (from
// 2023-04) are both assessed in April, so that a monthly office ranks
// five townships that month and rank = 5 can select; a quarterly
// office's April is in the second quarter (data/2023-06.toml), in which
// 丁乡, whose span ends before June, is not: each quarter ranks four, and
// rank = 5 never selects — told, whether config.toml says the office
// assesses by quarter or its files do.
func TestRankedAtOnceByPeriod(t *testing.T) {
	const want = "config.toml:11:1: rank = 5，但同时参加排名的乡镇（街道）最多4个（units.toml）：名次只到第4名，这条规则不会选出任何单位；rank 应在1～4之间，或删去这条规则"
	units := miniSite()["data/units.toml"] + "[[township]]\nname = \"丁乡\"\nslug = \"ding\"\nuntil = \"2023-04\"\n[[township]]\nname = \"戊镇\"\nslug = \"wu\"\nfrom = \"2023-04\"\n"
	quarterly := func(files map[string]string) {
		movedMonth(files, "2023-06", "4-6月")
		q2 := strings.Replace(files["data/2023-06.toml"], `"丙镇" = 70`, "\"丙镇\" = 70\n\"戊镇\" = 60", 1)
		files["data/2023-06.toml"] = q2
		files["data/2023-03.toml"] = strings.Replace(strings.Replace(q2, `"4-6月"`, `"1-3月"`, 1), "戊镇", "丁乡", 1)
	}
	for _, c := range []struct {
		name string
		edit func(map[string]string)
		want string
	}{
		{"monthly", func(files map[string]string) {
			files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"丙镇" = 70`, "\"丙镇\" = 70\n\"丁乡\" = 60", 1)
		}, ""},
		{"quarterly files", quarterly, want},
		{"quarterly config", func(files map[string]string) {
			quarterly(files)
			files["config.toml"] += "[assessment]\nperiod = \"quarter\"\n"
		}, strings.Replace(want, ":11:", ":13:", 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := miniSite()
			files["data/units.toml"] = units
			c.edit(files)
			files["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"rank\"\nrank = 5\naction = \"约谈\"\n"
			_, err := Load(writeSite(t, files))
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%v", err)
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("%v\nwant %s", err, c.want)
			}
		})
	}
}

// A city rule's top or bottom of k is each entry's city rank among
// cityUnits: k of 12 or more select every entry given a city rank, which
// is said at its count; 11 of 12 is not told.
func TestCityRuleOverAllUnits(t *testing.T) {
	files := miniSite()
	files["config.toml"] += `[[rule]]
on     = "city"
select = "bottom"
count  = 12
action = "约谈"

[[rule]]
on     = "city"
select = "top"
count  = 11
action = "约谈"
`
	want := []string{"config.toml:11:1: 警告：这条规则选全市排名后12名，但全市排名只有12个单位（cityUnits）：每一项有全市名次的指标都会选中"}
	if got := loadWarnings(t, files); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
