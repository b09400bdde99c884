package site

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"tongbao/internal/diag"
)

// simpleCases are documents around the edges of what decodeSimple takes;
// true marks those it must take, the rest it must leave to the decoder.
var simpleCases = map[string]bool{
	"":   true,
	"\n": true,
	"\ntitle = \"关于做好2023年森林防火工作的通知（第1号）\"\ndate  = 2023-02-28\n": true,
	"title=\"\"\n\t date\t=\t2024-02-29 \t\n\n":                   true,
	"a-b_9 = \"x'y\"":              true,
	"2023-02-28 = 2023-02-28":      true,
	"title = \"a\" # 注释":           false,
	"# 注释\ntitle = \"a\"":          false,
	"title = \"a\\\"b\"":           false,
	"title = \"a\tb\"":             false,
	"title = \"\"\"a\"\"\"":        false,
	"title = 'a'":                  false,
	"title = \"a\"\ntitle = \"b\"": false,
	"site.name = \"a\"":            false,
	"\"title\" = \"a\"":            false,
	"title = \"a\" \"b\"":          false,
	"title = \"a":                  false,
	"title = \"a\nb\"":             false,
	"title = \"a\"\r\n":            false,
	"title":                        false,
	"= \"a\"":                      false,
	"[page]\ntitle = \"a\"":        false,
	"date = 2023-02-30":            false,
	"date = 2023-13-01":            false,
	"date = 2023-00-10":            false,
	"date = 2023-2-28":             false,
	"date = 2023-02-28 10:00:00":   false,
	"date = 2023-02-28T10:00:00":   false,
	"date = 2023-02-28Z":           false,
	"date = 20230228":              false,
	"n = 14":                       false,
	"b = true":                     false,
	"t = \"a\"\n[[x]]":             false,
}

func TestDecodeSimple(t *testing.T) {
	for src, want := range simpleCases {
		if _, ok := decodeSimple(src); ok != want {
			t.Errorf("decodeSimple(%q) took it: %v; want %v", src, ok, want)
		}
		sameAsDecoder(t, src)
	}
}

// FuzzDecodeSimple holds decodeSimple to the TOML decoder: whatever it
// takes, the decoder takes too, with the same values.
func FuzzDecodeSimple(f *testing.F) {
	for src := range simpleCases {
		f.Add(src)
	}
	f.Fuzz(sameAsDecoder)
}

func sameAsDecoder(t *testing.T, src string) {
	got, ok := decodeSimple(src)
	if !ok {
		return
	}
	want := map[string]any{}
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("decodeSimple took %q, which the decoder refuses: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeSimple(%q) = %#v; the decoder gives %#v", src, got, want)
	}
}

// TestPlaced: a problem at the line and column where a key, a table or
// an element of a month file starts moves to where place says it (or
// the table enclosing it) was typed; others stay where they are.
func TestPlaced(t *testing.T) {
	src := "\uFEFFperiod = \"3月\"\r\n\r\n[[interview]]\r\nunit = \"甲街道\"\r\nwho = \"分管领导\"\r\n[categories]\r\n\"一类\" = [\"区发改局\", \"区财政局\"]\r\n"
	place := map[string]string{"interview.0": "b.xlsx 约谈!A2", "interview.0.who": "b.xlsx 约谈!B2", "categories.一类.1": "b.xlsx 考核排类!B3"}
	rel := "data/2023-03.toml"
	got := Placed(diag.List{
		{File: rel, Line: 3, Col: 1, Msg: "约谈重复"}, // the entry's header
		{File: rel, Line: 4, Col: 1, Msg: "单位"},   // its unit, not placed: its entry
		{File: rel, Line: 5, Col: 1, Msg: "对象"},   // its who, placed
		{File: rel, Line: 4, Col: 8, Msg: "值"},    // no key starts there
		{File: rel, Line: 1, Col: 1, Msg: "月份"},   // placed nowhere
		{File: rel, Line: 7, Col: 17, Msg: "第二个"}, // "区财政局", the list's second element
		{File: rel, Line: 0, Col: 0, Msg: "整个文件"},
		{File: "data/2023-02.toml", Line: 3, Col: 1, Msg: "另一个文件"},
	}, rel, []byte(src), func(p string) string { return place[p] })
	want := diag.List{
		{File: "b.xlsx 约谈!A2", Msg: "约谈重复"},
		{File: "b.xlsx 约谈!A2", Msg: "单位"},
		{File: "b.xlsx 约谈!B2", Msg: "对象"},
		{File: rel, Line: 4, Col: 8, Msg: "值"},
		{File: rel, Line: 1, Col: 1, Msg: "月份"},
		{File: "b.xlsx 考核排类!B3", Msg: "第二个"},
		{File: rel, Msg: "整个文件"},
		{File: "data/2023-02.toml", Line: 3, Col: 1, Msg: "另一个文件"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Placed:\n%s\nwant:\n%s", got.Error(), want.Error())
	}
}

// loadErrors loads the mini site with file's old replaced by new (or
// set to new when old is ""), and returns every diagnostic, one a line.
func loadErrors(t *testing.T, file, old, new string) string {
	t.Helper()
	files := miniSite()
	switch {
	case old == "":
		files[file] = new
	case !strings.Contains(files[file], old):
		t.Fatalf("%s lacks %q", file, old)
	default:
		files[file] = strings.Replace(files[file], old, new, 1)
	}
	_, err := Load(writeSite(t, files))
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestValueMessages: a value of the wrong type is named by its key and
// label, and the message says what to write when the value shows it —
// and says it once: a value reported malformed is not reported missing
// as well.
func TestValueMessages(t *testing.T) {
	rule := "[[rule]]\non = \"composite\"\nselect = \"first\"\naction = \"奖励\"\n"
	for _, c := range []struct{ file, old, new, want string }{
		{"data/2023-02.toml", "city = 3", "city = 36.0",
			"data/2023-02.toml:4:1: city（上级排名）应为整数：写作 36"},
		{"data/2023-02.toml", "city = 3", `city = "第3名"`,
			"data/2023-02.toml:4:1: city（上级排名）应为整数：写作 3，不加引号，不带“第”“名”"},
		{"data/2023-02.toml", "city = 3", `city = "三"`,
			"data/2023-02.toml:4:1: city（上级排名）应为整数"},
		// cityTie with a city of the wrong kind: the city is the problem.
		{"data/2023-02.toml", "city = 3", "city = \"3\"\ncityTie = true",
			"data/2023-02.toml:4:1: city（上级排名）应为整数：写作 3，不加引号"},
		{"data/2023-02.toml", "city = 3", `cityTie = "是"`,
			"data/2023-02.toml:4:1: cityTie（上级并列）应为布尔值（true 或 false）：写作 true（是），不加引号"},
		{"data/2023-02.toml", `"甲街道" = 90`, `"甲街道" = nan`,
			"data/2023-02.toml:6:1: “甲街道”的得分应为有限的数：写作数，如 8.5，不能是 nan 或 inf"},
		{"data/2023-02.toml", `"甲街道" = 90`, `"甲街道" = -inf`,
			"data/2023-02.toml:6:1: “甲街道”的得分应为有限的数：写作数，如 8.5，不能是 nan 或 inf"},
		// Beyond 10^15 a score is no longer kept as written (and 1e300
		// would be published with 301 digits); integers as well.
		{"data/2023-02.toml", `"甲街道" = 90`, `"甲街道" = 1e300`,
			"data/2023-02.toml:6:1: “甲街道”的得分应为绝对值小于 10 的 15 次方（1000 万亿）的数"},
		{"data/2023-02.toml", `"甲街道" = 90`, `"甲街道" = -1_000_000_000_000_000`,
			"data/2023-02.toml:6:1: “甲街道”的得分应为绝对值小于 10 的 15 次方（1000 万亿）的数"},
		{"data/2023-02.toml", `"甲街道" = 90`, `"甲街道" = "2e15"`,
			"data/2023-02.toml:6:1: 甲街道的得分“2e15”超出了数的范围：绝对值须小于 10 的 15 次方（1000 万亿）"},
		{"data/2023-02.toml", `"二类" = ["区财政局"]`, "\"二类\" = \"区财政局\"",
			"data/2023-02.toml:14:1: 考核排类“二类”应为字符串数组：加上方括号，写作 [\"区财政局\"]"},
		{"data/2023-02.toml", `"二类" = ["区财政局"]`, "\"二类\" = [\"区财政局\"]\n[[adjustment]]\ntownship = \"甲街道\"\npoints = \"+2\"",
			"data/2023-02.toml:17:1: points（分值）应为数：写作 +2，不加引号"},
		{"content/circulars/2023-02.md", "date = 2023-04-03", `date = "2023-04-03"`,
			"content/circulars/2023-02.md:4:1: date（成文日期）应为日期：去掉引号，写作 2023-04-03"},
		{"content/circulars/2023-02.md", "date = 2023-04-03", `date = 2023-04-03 09:30:00`,
			"content/circulars/2023-02.md:4:1: date（成文日期）应为日期：只写日期，写作 2023-04-03"},
		// printer with a printed of the wrong kind: the printed is the problem.
		{"content/circulars/2023-02.md", "date = 2023-04-03", "date = 2023-04-03\nformat = \"file\"\nprinter = \"区政府办公室\"\nprinted = \"2023-04-04\"",
			"content/circulars/2023-02.md:7:1: printed（印发日期）应为日期：去掉引号，写作 2023-04-04"},
		// A correction comes after the circular it corrects.
		{"content/circulars/2023-02.md", "date = 2023-04-03", "date = 2023-04-03\nupdated = 2023-04-01",
			"content/circulars/2023-02.md:5:1: 更新日期 2023-04-01 早于成文日期 2023-04-03：更新日期是发布后更正的日期"},
		// A circular is published once it is signed, and corrected after it is published.
		{"content/circulars/2023-02.md", "date = 2023-04-03", "date = 2023-04-03\npublished = 2023-03-04",
			"content/circulars/2023-02.md:5:1: 发布日期 2023-03-04 早于成文日期 2023-04-03：通报成文之后才能发布；是不是年份或月份写错了？"},
		{"content/circulars/2023-02.md", "date = 2023-04-03", "date = 2023-04-03\npublished = 2023-04-07\nupdated = 2023-04-05",
			"content/circulars/2023-02.md:6:1: 更新日期 2023-04-05 早于发布日期 2023-04-07：更新日期是发布后更正的日期"},
		{"content/circulars/2023-02.md", "date = 2023-04-03", `date = 2023-04-03` + "\npublished = \"2023-04-07\"",
			"content/circulars/2023-02.md:5:1: published（发布日期）应为日期：去掉引号，写作 2023-04-07"},
		{"content/circulars/2023-02.md", "date = 2023-04-03", `date = 20230403`,
			"content/circulars/2023-02.md:4:1: date（成文日期）应为日期（如 2023-04-03）"},
		{"content/circulars/2023-02.md", `data = "2023-02"`, `data = 2023-02-01`,
			"content/circulars/2023-02.md:5:1: data（通报期别）应为字符串：加英文引号，写作 \"2023-02-01\""},
		{"content/circulars/2023-02.md", `title = "关于测试的通报"`, `title = 2023`,
			"content/circulars/2023-02.md:3:1: title（标题）应为字符串：加英文引号，写作 \"2023\""},
		// A [terms] word of the wrong kind is not empty as well.
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n[terms]\nunit = 3",
			"config.toml:7:1: [terms] unit（排名单位）应为字符串：加英文引号，写作 \"3\""},
		{"config.toml", "cityUnits = 12", "cityUnits = \"12个\"",
			"config.toml:5:1: [ranking] cityUnits（上级排名单位数）应为整数：写作 12，不加引号，不带“个”"},
		// A reward rule whose amount is of the wrong kind does not lack it.
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n" + rule + `amount = "2万元"`,
			"config.toml:10:1: amount（金额，元）应为整数：写作 20000，不加引号，不带“万”“元”"},
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n" + rule + "amount = 20000.0",
			"config.toml:10:1: amount（金额，元）应为整数：写作 20000"},
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n" + rule,
			"config.toml:6:1: “奖励”规则缺少 amount（金额，元）"},
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n[[rule]]\non = \"indicator\"\nselect = \"first\"\naction = \"约谈\"\nindicator = 3",
			"config.toml:10:1: indicator（指标）应为字符串：加英文引号，写作 \"3\""},
		{"config.toml", "cityUnits = 12", "cityUnits = 12\n[[rule]]\non = \"indicator\"\nselect = \"first\"\naction = \"约谈\"",
			"config.toml:6:1: on = \"indicator\" 的规则缺少 indicator（指标 id）"},
		// A misspelt key that is a required one: told once, with the key.
		{"content/circulars/2023-02.md", `title = "关于测试的通报"`, `titel = "关于测试的通报"`,
			"content/circulars/2023-02.md:3:1: 未知的键“titel”，是否为“title”？"},
		{"content/circulars/2023-02.md", `title = "关于测试的通报"`, `heading = "关于测试的通报"`,
			"content/circulars/2023-02.md:1:1: 前置信息缺少“title”\ncontent/circulars/2023-02.md:3:1: 未知的键“heading”"},
	} {
		if got := loadErrors(t, c.file, c.old, c.new); got != c.want {
			t.Errorf("%s with %q:\n got %s\nwant %s", c.file, c.new, got, c.want)
		}
	}
}

// TestYAMLFrontMatter: front matter between --- lines is YAML, which is
// refused with what to write: the TOML it becomes, when it is plain.
func TestYAMLFrontMatter(t *testing.T) {
	const lead = "content/about.md:1:1: 前置信息不能用 YAML（--- 之间的 key: value）：要用 TOML，首尾两行写 +++，每行写作 key = \"value\""
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: 关于本站\ndate: 2023-04-03\n\n# 旧网址\naliases: [/a/, \"/b/\"]\n---\n正文\n",
			lead + "，即：\n    +++\n    title = \"关于本站\"\n    date = 2023-04-03\n\n    # 旧网址\n    aliases = [\"/a/\", \"/b/\"]\n    +++"},
		{"---\ntitle: '关于 \"本站\"'\n---\n", lead + "，即：\n    +++\n    title = \"关于 \\\"本站\\\"\"\n    +++"},
		// Not plain: a list over lines, a date that is not one, no end.
		{"---\ntitle: 关于本站\ntags:\n  - a\n---\n正文\n", lead},
		{"---\ntitle: 关于本站\ndate: 2023年4月3日\n---\n", lead},
		{"---\ntitle: 关于本站\n", lead},
	} {
		if got := loadErrors(t, "content/about.md", "", c.src); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
	}
	if got := loadErrors(t, "content/about.md", "", "title = \"关于本站\"\n"); got != "content/about.md:1:1: 缺少 TOML 前置信息（文件应以一行 +++ 开头）" {
		t.Errorf("no front matter: %s", got)
	}
}

// TestCatalogueFirst: while units.toml or indicators.toml has a problem,
// only the catalogue's problems are reported — not every name of a unit
// it lost, in every file that names it.
func TestCatalogueFirst(t *testing.T) {
	for _, c := range []struct{ file, old, new, want string }{
		{"data/units.toml", `name = "甲街道"`, `name = "甲街道 "`,
			"data/units.toml:2:1: 单位名称“甲街道<U+0020>”前后有空格，请删去"},
		{"data/units.toml", `name = "乙街道"`, `name = "甲街道"`,
			"data/units.toml:5:1: 单位名称“甲街道”重复"},
		{"data/units.toml", `slug = "yi"`, `slug = "jia"`,
			"data/units.toml:6:1: slug“jia”重复（已用于“甲街道”）"},
		{"data/units.toml", "", "",
			"data/units.toml:1:1: units.toml 中没有乡镇（街道） [[township]]"},
		{"data/indicators.toml", `id = "caizheng"`, `id = "jingji"`,
			"data/indicators.toml:8:1: 指标 id“jingji”重复"},
		// Two indicators of one name: the tables and data.csv would have
		// two rows no one could tell apart, a child's as a sibling's.
		{"data/indicators.toml", `name = "财政收入"`, `name = "经济"`,
			"data/indicators.toml:9:1: 指标名称“经济”重复（已用于第 3 行的指标“jingji”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称"},
		{"data/indicators.toml", "owners = [\"区财政局\"]\n", "owners = [\"区财政局\"]\n[[indicator]]\nid = \"shuishou\"\nparent = \"caizheng\"\nname = \"财政收入\"\n",
			"data/indicators.toml:15:1: 指标名称“财政收入”重复（已用于第 9 行的指标“caizheng”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称"},
		// A name given by an [[indicator.change]] is the indicator's too:
		// from that month on the tables, data.csv and the workbooks
		// would have two of it, and an imported workbook's column of it
		// would go to whichever was found first. The error is at the
		// change, wherever the other name is written.
		{"data/indicators.toml", "owners = [\"区财政局\"]\n", "owners = [\"区财政局\"]\n[[indicator.change]]\nfrom = \"2023-01\"\nname = \"经济\"\n",
			"data/indicators.toml:14:1: 指标名称“经济”重复（已用于第 3 行的指标“jingji”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称"},
		{"data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\n[[indicator.change]]\nfrom = \"2023-01\"\nname = \"财政收入\"\n",
			"data/indicators.toml:9:1: 指标名称“财政收入”重复（已用于第 12 行的指标“caizheng”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称"},
		// Renamed and renamed back, it is one indicator still.
		{"data/indicators.toml", "townships = \"all\"\n", "townships = \"all\"\n[[indicator.change]]\nfrom = \"2023-01\"\nname = \"经济运行\"\n[[indicator.change]]\nfrom = \"2023-02\"\nname = \"经济\"\n",
			""},
		// With config.toml's problems the rest is still read.
		{"config.toml", "cityUnits = 12", "cityUnits = 0",
			"config.toml:5:1: cityUnits 应为正整数"},
	} {
		if got := loadErrors(t, c.file, c.old, c.new); got != c.want {
			t.Errorf("%s with %q:\n got %s\nwant %s", c.file, c.new, got, c.want)
		}
	}
	files := miniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "cityUnits = 12", "cityUnits = 0", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"甲街道" = 90`, `"甲街" = 90`, 1)
	_, err := Load(writeSite(t, files))
	if want := "config.toml:5:1: cityUnits 应为正整数\ndata/2023-02.toml:6:1: 未知乡镇（街道）“甲街”，是否为“甲街道”？"; err == nil || err.Error() != want {
		t.Errorf("config.toml's problem and a month's: %v\nwant %s", err, want)
	}
}

// TestInterviewKindLeftOut: an [[interview]] without kind is a 约谈; in an
// office whose actions have none (通报表扬, 通报批评) the error says that
// kind was left out and what to write, not that the staff wrote “约谈”.
func TestInterviewKindLeftOut(t *testing.T) {
	files := miniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]", "[terms]\nactions = [\"奖励\", \"通报表扬\", \"通报批评\"]\n[ranking]", 1)
	files["data/2023-02.toml"] += "\n[[interview]]\nunit = \"丙镇\"\nwho = \"主要负责人\"\nreason = \"瞒报\"\n"
	_, err := Load(writeSite(t, files))
	want := "data/2023-02.toml:16:1: 没有写 kind（措施）：不写时为约谈，而 [terms] actions 中没有约谈；写上 kind，应为通报表扬或通报批评"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "瞒报\"\n", "瞒报\"\nkind = \"约谈\"\n", 1)
	_, err = Load(writeSite(t, files))
	want = "data/2023-02.toml:20:1: kind 应为通报表扬或通报批评（[terms] actions 中的措施），而不是“约谈”"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
