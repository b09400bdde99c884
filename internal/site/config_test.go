package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A site writes only the words it wants otherwise: [terms] keys left out
// keep defaults.toml's, and the loader's own messages say the site's.
func TestTerms(t *testing.T) {
	files := miniSite()
	files["config.toml"] += "[terms]\nunit = \"乡镇\"\ncityRank = \"排名\"\nsections = [\"重点工作\", \"民生实事\"]\nactions = [\"奖励\", \"约谈\", \"书面检查\"]\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	got := s.Config.Terms
	want := Terms{Unit: "乡镇", Department: "区直单位", Scope: "全区", City: "全市", CityRank: "排名", Peer: "三区",
		Sections: []string{"重点工作", "民生实事"}, Actions: []string{"奖励", "约谈", "书面检查"}, Column: "区政府“三重点”落实情况通报", Topic: "综合政务"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("terms %+v\nwant  %+v", got, want)
	}
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"乙街道" = 80`, `"乙街" = 80`, 1)
	_, err = Load(writeSite(t, files))
	if err == nil || !strings.Contains(err.Error(), "data/2023-02.toml:7:1: 未知乡镇“乙街”，是否为“乙街道”？") {
		t.Errorf("the diagnostic does not say the site's unit: %v", err)
	}
}

func TestTermsErrors(t *testing.T) {
	for _, c := range []struct{ terms, want string }{
		{`unit = ""`, "config.toml:9:1: [terms] unit 不能为空"},
		{`sections = ["重点工作", "重点工作"]`, "config.toml:9:21: [terms] sections 中“重点工作”重复"},
		{`actions = []`, "config.toml:9:1: [terms] actions 至少要有一项"},
		{`unit = 3`, "config.toml:9:1: [terms] unit（排名单位）应为字符串：加英文引号，写作 \"3\""},
		{`words = "x"`, "config.toml:9:1: 未知的键“terms.words”"},
	} {
		files := miniSite()
		files["config.toml"] += "[terms]\n" + c.terms + "\n"
		_, err := Load(writeSite(t, files))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("[terms] %s: %v\nwant %s", c.terms, err, c.want)
		}
	}
}

// Every key ConfigFile describes is read: a config.toml writing each of
// them, with a value of its kind, loads without an unknown key.
func TestConfigFileDescribesWhatIsRead(t *testing.T) {
	var b strings.Builder
	value := func(f Field) string {
		switch {
		case len(f.Values) > 0:
			return Quote(f.Values[len(f.Values)-1])
		case f.Kind == Integer:
			return "3"
		case f.Kind == Flag:
			return "false"
		case f.Kind == Texts:
			return `["重点工作", "奖励", "约谈"]`
		case f.Key == "baseURL":
			return `"/"`
		case f.Key == "indicator":
			return `"jingji"`
		case f.Key == "action":
			return `"约谈"`
		case f.Key == "orgCode":
			return `"000000000"`
		case f.Key == "errata", f.Key == "govBadgeLink":
			return `"https://www.example.gov.cn/"`
		case f.Key == "favicon", f.Key == "govBadge":
			return `"icon.png"` // written into layouts/assets/ below
		}
		return `"测试"`
	}
	var sections []Field
	for _, f := range ConfigFile.Fields {
		switch f.Kind {
		case Section, Tables:
			sections = append(sections, f)
		default:
			fmt.Fprintf(&b, "%s = %s\n", f.Key, value(f))
		}
	}
	for _, sec := range sections {
		if sec.Kind == Tables {
			fmt.Fprintf(&b, "[[%s]]\n", sec.Key)
		} else {
			fmt.Fprintf(&b, "[%s]\n", sec.Key)
		}
		for _, f := range sec.Fields {
			switch f.Key {
			case "group", "amount", "rank": // a group needs [[group]]s; amount goes with 奖励, rank with select = "rank"
				continue
			case "percent", "round", "minCount", "atLeast", "above", "below", "atMost": // a share replaces count; bounds go with select = "score"
				continue
			case "level": // a grade's levels, each key in one of them, partitioning every score
				b.WriteString("[[grade.level]]\nname = \"A\"\natLeast = 90\npercent = 20\nround = \"down\"\nminCount = 1\n" +
					"[[grade.level]]\nname = \"B\"\natLeast = 90\n[[grade.level]]\nname = \"C\"\nabove = 60\nbelow = 90\n[[grade.level]]\nname = \"D\"\natMost = 60\n")
				continue
			case "select":
				fmt.Fprintf(&b, "%s = %q\n", f.Key, "bottom")
				continue
			case "on":
				fmt.Fprintf(&b, "%s = %q\n", f.Key, "indicator")
				continue
			case "period":
				fmt.Fprintf(&b, "%s = %q\n", f.Key, "month")
				continue
			case "from":
				fmt.Fprintf(&b, "%s = %q\n", f.Key, "2023-02")
				continue
			case "until": // three months: a streak of 3 can be met in them
				fmt.Fprintf(&b, "%s = %q\n", f.Key, "2023-04")
				continue
			}
			fmt.Fprintf(&b, "%s = %s\n", f.Key, value(f))
		}
	}
	files := miniSite()
	files["config.toml"] = b.String()
	files["layouts/assets/icon.png"] = "\x89PNG\r\n\x1a\n"
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatalf("%v\nconfig.toml:\n%s", err, b.String())
	}
	if len(s.Config.Rules) != 1 || s.Config.Rules[0].Streak != 3 || s.Config.Rules[0].By != "测试" {
		t.Errorf("the rule read as %+v", s.Config.Rules)
	}
	if len(s.Config.Grades) != 1 || len(s.Config.Grades[0].Levels) != 4 || s.Config.Grades[0].Levels[0].Share.Min != 1 {
		t.Errorf("the grade read as %+v", s.Config.Grades)
	}
}

// [[rule]]s are read with what they name resolved, and written back as
// they were read.
func TestRules(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] = "[[group]]\nname = \"街道组\"\n[[group]]\nname = \"镇组\"\n" +
		strings.NewReplacer(`slug = "jia"`, "slug = \"jia\"\ngroup = \"街道组\"", `slug = "yi"`, "slug = \"yi\"\ngroup = \"街道组\"", `slug = "bing"`, "slug = \"bing\"\ngroup = \"镇组\"").Replace(files["data/units.toml"])
	rules := `[[rule]]
on     = "indicator"
indicator = "jingji"
select = "top"
count  = 2
group  = "街道组"
action = "奖励"
amount = 10000

[[rule]]
on     = "composite"
select = "bottom"
overlap = true
streak = 3
period = "year"
action = "约谈"
who    = "主要负责人"
by     = "分管领导"
reason = "连续三年排名靠后"

[[rule]]
on     = "composite"
select = "rank"
rank   = 2
action = "奖励"
amount = 3000
`
	files["config.toml"] += rules
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	r := s.Config.Rules
	if len(r) != 3 || r[2].Select != AtRank || r[2].Rank != 2 || r[2].Amount != 3000 || r[2].Line != 28 || r[0].On != OnIndicator || r[0].Indicator.ID != "jingji" || r[0].Select != Top || r[0].Count != 2 ||
		r[0].Group != s.Groups[0] || r[0].Amount != 10000 || r[0].Line != 8 ||
		r[1].Select != Bottom || !r[1].Overlap || r[0].Overlap || r[1].Streak != 3 || r[1].Period != Yearly || r[1].Who != "主要负责人" || r[1].By != "分管领导" || r[1].Line != 17 {
		t.Errorf("rules read as %+v", r)
	}
	if s.Townships[2].Group != s.Groups[1] || len(s.Groups[0].Units) != 2 {
		t.Errorf("groups read as %+v", s.Groups)
	}
	w := NewWriter(ConfigFile)
	w.Rule(r[0])
	w.Line("")
	w.Rule(r[1])
	w.Line("")
	w.Rule(r[2])
	if got := w.String(); got != rules {
		t.Errorf("written back:\n%s\nwant:\n%s", got, rules)
	}
}

// The help of an [[interview]]'s kind, in the words of an office whose
// only measure but 奖励 is 约谈, offers that one: not “约谈”之一, one of
// one. With more, it offers them all.
func TestInterviewKindHelpInTheOfficesWords(t *testing.T) {
	kind := MonthFile.Field("interview.kind")
	for _, c := range []struct {
		actions     []string
		help, cells string
	}{
		{[]string{"奖励", "约谈"}, "可填“约谈”；不填为约谈", "填“约谈”；不填为约谈"},
		{[]string{"奖励", "约谈", "提醒约谈"}, "可填“约谈”或“提醒约谈”；不填为约谈", "填“约谈”或“提醒约谈”；不填为约谈"},
		// A 县委督查室 takes 提醒约谈 and no 约谈: an empty kind is refused.
		{[]string{"奖励", "提醒约谈"}, "可填“提醒约谈”；须填写（本机关的措施中没有约谈）", "填“提醒约谈”；须填写（本机关的措施中没有约谈）"},
	} {
		words := (&Config{Terms: Terms{Actions: c.actions}}).Words()
		if got := words.Replace(kind.Help); got != c.help {
			t.Errorf("%q: the month file's help %q, want %q", c.actions, got, c.help)
		}
		if got := words.Replace(kind.Sheet); got != c.cells {
			t.Errorf("%q: the workbook's help %q, want %q", c.actions, got, c.cells)
		}
	}
}

// TestAssessmentPeriodValue: [assessment] period is one of month,
// quarter, half and year; another value is an error at it, answered with
// the value meant — the nearest by spelling, or, written in Chinese, the
// one its word names (半年度 is half, though it holds 年 too). A
// [[rule]]'s period is answered alike.
func TestAssessmentPeriodValue(t *testing.T) {
	const head = "config.toml:9:1: period 应为 month、quarter、half 或 year，而不是"
	for _, c := range []struct{ value, want string }{
		{"quartr", head + "“quartr”，是否为“quarter”？"},
		{"monthly", head + "“monthly”，是否为“month”？"},
		{"季度", head + "“季度”，是否为“quarter”？"},
		{"每半年度", head + "“每半年度”，是否为“half”？"},
		{"年度", head + "“年度”，是否为“year”？"},
		{"按月", head + "“按月”，是否为“month”？"},
		{"weekly", head + "“weekly”"},
	} {
		files := miniSite()
		files["config.toml"] += "[assessment]\nperiod = \"" + c.value + "\"\n"
		_, err := Load(writeSite(t, files))
		if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), c.want) {
			t.Errorf("period = %q: %v\nwant %s", c.value, err, c.want)
		}
	}
	files := miniSite()
	files["config.toml"] += "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\namount = 1\nperiod = \"季度\"\n"
	want := "config.toml:13:1: period 应为 month、quarter、half 或 year，而不是“季度”，是否为“quarter”？"
	if _, err := Load(writeSite(t, files)); err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), want) {
		t.Errorf("a rule's period = \"季度\": %v\nwant %s", err, want)
	}
}
