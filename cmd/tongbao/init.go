package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// cmdInit writes a new office's site into an empty folder: a config.toml
// holding every key tongbao knows, set or commented out, each explained;
// units, indicators, one month, its circular and an about page, for an
// imaginary county (某某县, 甲镇, 乙镇…) that staff rewrite as their own.
// It builds at once, with the built-in theme: there is no layouts/.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("init", flag.ContinueOnError)
	rest, ok := parse(flags, args, stderr)
	if !ok {
		return 2
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "用法：tongbao init 目录，如 tongbao init tongbao-site")
		return 2
	}
	dir := rest[0]
	files := starterFiles()
	if err := demo.WriteFiles(dir, files); err != nil {
		if errors.Is(err, demo.ErrNotEmpty) {
			fmt.Fprintf(stderr, "tongbao init: 目录“%s”不为空，请指定一个不存在或空的目录（init 不会改动已有的文件）\n", dir)
			return 1
		}
		fmt.Fprintln(stderr, "tongbao init:", err)
		return 1
	}
	names := make([]string, 0, len(files))
	for name := range files {
		if !strings.HasPrefix(name, ".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	fmt.Fprintf(stdout, `tongbao: 已在 %s 新建站点：%s
下一步：
  cd %s
  tongbao serve                 预览：浏览器打开 http://127.0.0.1:1313/，改动保存即刷新
  把 config.toml、data/units.toml、data/indicators.toml 改成本机关的（每个键都有说明）
  tongbao new 2024-02 --xlsx    下个月的数据文件、通报草稿和填报工作簿
  tongbao build                 生成网站到 public/，上传到门户网站
`, filepath.Clean(dir), strings.Join(names, "、"), filepath.Clean(dir))
	return 0
}

// The starter office: a county ranking its townships, ranked itself in
// its province and among counties of its kind. Its words are [terms]
// written into its config.toml; none is the seed office's.
var starterTerms = site.Terms{
	Unit:       "乡镇",
	Department: "县直单位",
	Scope:      "全县",
	City:       "全省",
	Peer:       "同类县",
	Sections:   []string{"重点工作", "重点项目"},
	Actions:    []string{"奖励", "约谈", "书面检查"},
	Column:     "某某县重点工作落实情况通报",
}

type starterUnit struct{ name, slug string }

var (
	starterTownships = []starterUnit{
		{"甲镇", "jiazhen"}, {"乙镇", "yizhen"}, {"丙镇", "bingzhen"},
		{"丁乡", "dingxiang"}, {"戊乡", "wuxiang"}, {"己乡", "jixiang"},
	}
	starterDepartments = []starterUnit{
		{"县发改局", "fagai"}, {"县财政局", "caizheng"}, {"县住建局", "zhujian"},
		{"县信访局", "xinfang"}, {"县应急管理局", "yingji"},
	}
)

// starterFiles returns every file of the starter site by slash path.
func starterFiles() map[string][]byte {
	return map[string][]byte{
		".gitignore":                   []byte("# tongbao build 的输出，每次生成都会替换\n/public/\n"),
		"config.toml":                  []byte(starterConfig()),
		"data/units.toml":              []byte(starterUnits()),
		"data/indicators.toml":         []byte(starterIndicators()),
		"data/2024-01.toml":            []byte(starterMonth()),
		"content/circulars/2024-01.md": []byte(starterCircular()),
		"content/about.md":             []byte(starterAbout),
	}
}

// starterConfig writes config.toml from its description, site.ConfigFile:
// every key, with its label and help as a comment, set where the starter
// office needs it and commented out (with its default or an example)
// where it does not, so that no key tongbao knows is missing from it.
func starterConfig() string {
	set := map[string]any{
		"title":                 "某某县重点工作落实情况通报",
		"baseURL":               "/",
		"site.name":             "某某县人民政府",
		"site.domain":           site.ExampleDomain,
		"site.contact":          "about/",
		"issuer.name":           "某某县人民政府办公室",
		"terms.unit":            starterTerms.Unit,
		"terms.department":      starterTerms.Department,
		"terms.scope":           starterTerms.Scope,
		"terms.city":            starterTerms.City,
		"terms.peer":            starterTerms.Peer,
		"terms.sections":        starterTerms.Sections,
		"terms.actions":         starterTerms.Actions,
		"terms.column":          starterTerms.Column,
		"ranking.groupSize":     3,
		"ranking.cityUnits":     100,
		"ranking.districtUnits": 8,
	}
	// What a commented-out key would say: its default, or an example.
	example := map[string]string{
		"language":              `"zh-CN"`,
		"site.idCode":           `"0000000000"`,
		"terms.topic":           `"综合政务"`,
		"terms.cityRank":        `"综合排名"`,
		"site.orgCode":          `"000000000"`,
		"site.icp":              `"某ICP备00000000号"`,
		"site.police":           `"某公网安备00000000000000号"`,
		"site.errata":           `"https://www.example.gov.cn/jiucuo/"`,
		"site.favicon":          `"img/favicon.png"`,
		"site.govBadge":         `"img/dzjg.png"`,
		"site.govBadgeLink":     `"https://bszs.conac.cn/sitename?method=show&id=…"`,
		"ranking.ties":          `"competition"`,
		"ranking.labels":        `"auto"`,
		"ranking.unreported":    `"last"`,
		"ranking.cityRanks":     "false",
		"ranking.districtRanks": "false",
		"ranking.overall":       "false",
		"ranking.overallSize":   "10",
		"scoring.method":        `"rank-points"`,
		"scoring.decimals":      "2",
		"aggregate.method":      `"mean-points"`,
		"aggregate.groupSize":   "3",
		"assessment.period":     `"month"`,
	}
	w := site.NewWriter(site.ConfigFile)
	w.Comment(`站点配置，由 tongbao init 生成。下面列出了 tongbao 认识的每一个键，每个键上方是它的说明。
以 # 开头的行是注释：去掉键前的 # 即启用它；注释掉的键用默认值（注释里写的就是默认值或示例）。
这是一个虚构的“某某县”的设置，请逐项改成本机关的。各键的完整说明见 tongbao 的 docs/reference.md，
排名和奖惩规则的算法见 docs/rules.md。改完运行 tongbao check 检查。
门户网站要求放在网站上的其他文件（如搜索引擎的网站验证文件 baidu_verify_xxx.html），放到站点的 static/ 文件夹：
static/x 原样发布为网站的 /x。`)
	write := func(path string, f site.Field, width int) {
		w.Comment(w.Describe(&f))
		if v, ok := set[path]; ok {
			w.Value(path, width, v, "")
			return
		}
		ex, ok := example[path]
		if !ok {
			panic("init: no value or example for " + path)
		}
		w.Todo(path, width, ex, "")
	}
	var sections []site.Field
	for _, f := range site.ConfigFile.Fields {
		if f.Kind == site.Section || f.Kind == site.Tables {
			sections = append(sections, f)
			continue
		}
		write(f.Key, f, keyWidth(site.ConfigFile.Fields))
	}
	for _, sec := range sections {
		w.Line("")
		w.Comment(strings.Repeat("—", 30) + "\n" + w.Describe(&sec))
		if sec.Kind == site.Tables && sec.Key == "rule" {
			starterRules(w)
			continue
		}
		if sec.Kind == site.Tables {
			// The starter office grades nothing: every key, commented out.
			w.Comment("去掉 # 并填写即成一项（每个等次一项 [[" + sec.Key + ".level]]），写法和例子见 docs/rules.md 的“评定等次”：")
			w.Example(sec.Key)
			continue
		}
		w.Section(sec.Key)
		for _, f := range sec.Fields {
			write(sec.Key+"."+f.Key, f, keyWidth(sec.Fields))
		}
	}
	return w.String()
}

// starterRules writes the starter office's [[rule]]s and, commented out,
// one with every key a rule may hold.
func starterRules(w *site.Writer) {
	w.Comment(`每条 [[rule]] 是一条规则：在它适用的每一期，按排名选出单位，给予一项措施（[terms] actions）。
措施的原因不写时自动生成。写法和例子见 docs/rules.md。`)
	for i, r := range []site.Rule{
		{On: site.OnComposite, Select: site.First, Action: "奖励", Amount: 20000},
		{On: site.OnComposite, Select: site.Last, Action: "约谈", Who: "主要负责人"},
		{On: site.OnComposite, Select: site.Bottom, Count: 2, Streak: 2, Action: "书面检查"},
	} {
		w.Line("")
		w.Comment([]string{
			"综合考核排名第一的乡镇，奖励2万元",
			"综合考核排名最后的乡镇，约谈其主要负责人",
			"连续两个月综合考核排名后两名的乡镇，书面检查",
		}[i])
		w.Rule(r)
	}
	w.Line("")
	w.Comment("规则可用的全部键（去掉 # 并填写即成一条新规则）：")
	w.Example("rule")
}

// keyWidth is the width of the longest key, to align the values.
func keyWidth(fields []site.Field) int {
	n := 0
	for _, f := range fields {
		if f.Kind != site.Section && f.Kind != site.Tables {
			n = max(n, len(f.Key))
		}
	}
	return n
}

func starterUnits() string {
	w := site.NewWriter(site.UnitsFile)
	w.Comment(`单位，由 tongbao init 生成：参与排名的单位（[[township]]）和负责指标的单位（[[department]]）。
参与排名的单位也可以负责指标（考核县直单位时，县信访局负责信访件办理）：它只写作 [[township]]，指标的 owners 写它的名称。
排列的顺序就是通报中列出的顺序；名称和网址名（slug）都不能重复。各键：`)
	w.Help("township.name", "township.slug", "township.group", "township.from", "township.until", "township.became", "township.exempt")
	w.Line("")
	w.Comment(`行政区划调整（撤乡设镇、乡镇合并）之后，以前的单位不删：写上 until 和 became，新单位写 from，
以前各月的数据和已发布的通报就不用改（机构改革后的 [[department]] 也一样）。例如：
[[township]]
name   = "丁乡"
slug   = "dingxiang"
until  = "2024-06"
became = "丁镇"

[[township]]
name = "丁镇"
slug = "dingzhen"
from = "2024-07"`)
	w.Line("")
	w.Comment(`分组排名：排名单位分属几组、各组分别排名时（如“县（市）组”和“市辖区组”），
先按顺序写出各组，再在每个 [[township]] 中写 group = "组名"。不分组则不写。例如：`)
	w.Example("group")
	for _, u := range starterTownships {
		w.Line("")
		w.Tables("township")
		w.Value("township.name", 4, u.name, "")
		w.Value("township.slug", 4, u.slug, "")
	}
	w.Line("")
	w.Comment(w.HelpText(site.UnitsFile.Field("department")))
	for _, u := range starterDepartments {
		w.Line("")
		w.Tables("department")
		w.Value("department.name", 4, u.name, "")
		w.Value("department.slug", 4, u.slug, "")
	}
	return w.String()
}

// starterIndicator is one entry of the starter catalogue; townships nil
// means all, an empty list none.
type starterIndicator struct {
	id, name, section, parent string
	owners                    []string
	townships                 []string
	all, lower                bool
	decimals                  int
	scoreUnit                 string // a count's (件) writes decimals = 0 as well
	note                      string // a comment above it
}

var starterCatalogue = []starterIndicator{
	{id: "jingji", name: "经济运行", section: "重点工作", owners: []string{"县发改局"},
		note: "一组指标的标题：下面两项嵌套在它之下，编号为（1）（2）"},
	{id: "gongye", name: "规模工业增加值增速", parent: "jingji", owners: []string{"县发改局"}, all: true, decimals: 1},
	{id: "touzi", name: "固定资产投资增速", parent: "jingji", owners: []string{"县发改局", "县财政局"}, all: true, decimals: 1},
	{id: "xinfang", name: "信访总量", section: "重点工作", owners: []string{"县信访局"}, all: true, lower: true, scoreUnit: "件"},
	{id: "anquan", name: "安全生产", section: "重点工作", owners: []string{"县应急管理局"},
		note: "不写 townships：本项没有乡镇得分，只有全省、同类县排名"},
	{id: "xiangmu", name: "重点项目投资完成率", section: "重点项目", owners: []string{"县发改局", "县住建局"}, townships: []string{"甲镇", "乙镇", "丙镇", "丁乡"}},
}

func starterIndicators() string {
	w := site.NewWriter(site.IndicatorsFile)
	w.Comment(`指标，由 tongbao init 生成：每个 [[indicator]] 一项，按通报中的顺序。各键：`)
	var paths []string
	for _, f := range site.IndicatorsFile.Field("indicator").Fields {
		paths = append(paths, "indicator."+f.Key)
	}
	w.Help(paths...)
	for _, ind := range starterCatalogue {
		w.Line("")
		if ind.note != "" {
			w.Comment(ind.note)
		}
		w.Tables("indicator")
		w.Value("indicator.id", 9, ind.id, "")
		w.Value("indicator.name", 9, ind.name, "")
		if ind.parent != "" {
			w.Value("indicator.parent", 9, ind.parent, "嵌套在上一项之下，栏目同上级")
		} else {
			w.Value("indicator.section", 9, ind.section, "")
		}
		w.Value("indicator.owners", 9, ind.owners, "")
		switch {
		case ind.all:
			w.Value("indicator.townships", 9, "all", "全部乡镇参与排名")
		case ind.townships != nil:
			w.Value("indicator.townships", 9, ind.townships, "只有这几个乡镇参与排名")
		}
		if ind.lower {
			w.Value("indicator.better", 9, "lower", "越少越好")
		}
		if ind.scoreUnit != "" {
			w.Value("indicator.scoreUnit", 9, ind.scoreUnit, "")
		}
		switch {
		case ind.decimals > 0:
			w.Value("indicator.decimals", 9, ind.decimals, "")
		case site.CountUnit(ind.scoreUnit):
			// Written though it is the default of a count: the key a
			// clerk changes for an indicator whose counts are averaged.
			w.Value("indicator.decimals", 9, 0, "件数是整数：按整数比较和显示")
		}
	}
	return w.String()
}

// starterScores are the month's scores, in units.toml order.
var starterScores = map[string][]float64{
	"gongye":  {8.5, 7.2, 7.2, 6.8, 5.1, 4.3},
	"touzi":   {12.0, 10.5, 9.8, 11.2, 8.0, 7.5},
	"xinfang": {3, 5, 2, 4, 6, 1},
	"xiangmu": {95, 88, 91, 80},
}

func starterMonth() string {
	type entry struct {
		id, progress     string
		city, peer       int
		cityTie, peerTie bool
	}
	w := site.NewWriter(site.MonthFile)
	w.Comment(`2024年1月的考核结果（示例：某某县的虚构数据），由 tongbao init 生成。试用时，下个月运行
tongbao new 2024-02 --xlsx，它会据此生成 data/2024-02.toml 和填报工作簿。units.toml、indicators.toml
改成本机关的以后，这个示例就对不上了：删去本文件和 content/circulars/2024-01.md（示例通报），
再运行 tongbao new YYYY-MM --xlsx 开始本机关的第一个月。每个 [[result]] 是一个指标的结果，各键：`)
	w.Help("overallCity", "result.indicator", "result.city", "result.district", "result.progress", "result.notApplicable", "result.townships")
	w.Line("")
	w.Value("period", 11, "1月", "")
	w.Value("overallCity", 11, 41, "本县在全省的综合排名")
	for _, e := range []entry{
		{id: "gongye", progress: "全县规模工业增加值同比增长**7.1%**，高于全省平均水平。", city: 36, peer: 3},
		{id: "touzi", progress: "完成固定资产投资12.6亿元，同比增长10.2%。", city: 52},
		{id: "xinfang", progress: "受理信访事项21件，办结率100%。", peer: 2},
		{id: "anquan", progress: "开展安全生产检查46次，整改隐患132处。", city: 98},
		{id: "xiangmu", progress: "12个重点项目完成投资4.3亿元，占年度计划的9.1%。"},
	} {
		w.Line("")
		w.Tables("result")
		w.Value("result.indicator", 9, e.id, "")
		if e.city > 0 {
			w.Value("result.city", 9, e.city, "")
		}
		if e.peer > 0 {
			w.Value("result.district", 9, e.peer, "")
		}
		w.Value("result.progress", 9, e.progress, "")
		scores := starterScores[e.id]
		if scores == nil {
			continue
		}
		note := "得分；同分的乡镇并列，按这里写的顺序列出"
		if i := slices.IndexFunc(starterCatalogue, func(ind starterIndicator) bool { return ind.id == e.id }); site.CountUnit(starterCatalogue[i].scoreUnit) {
			note = "件数；件数相同的乡镇并列，按这里写的顺序列出" // 信访总量's 件 are no score
		}
		w.Table("result.townships", note)
		for i, v := range scores {
			w.Entry("result.townships", starterTownships[i].name, strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	w.Line("")
	w.Comment(w.Describe(site.MonthFile.Field("categories")))
	w.Table("categories", "")
	for _, c := range []struct {
		name  string
		units []string
	}{
		{"一类", []string{"县发改局", "县财政局"}},
		{"二类", []string{"县住建局", "县信访局"}},
		{"三类", []string{"县应急管理局"}},
	} {
		w.Entry("categories", c.name, c.units)
	}
	w.Line("")
	handEntryExamples(w, "规则（config.toml 的 [[rule]]）之外的加减分、奖励和约谈，和规则得出、经研究本月不予采取的措施（[[waiver]]），按需填写，例如：")
	return w.String()
}

func starterCircular() string {
	w := site.NewWriter(site.CircularFront)
	w.Line("+++")
	w.Value("number", 6, "某政办函〔2024〕3号", "文号：年份和序号决定网址 /circulars/2024/3/")
	w.Value("title", 6, "关于2024年1月重点工作落实情况的通报", "")
	w.Value("date", 6, site.Date{Year: 2024, Month: 2, Day: 20}, "成文日期")
	w.Todo("published", 6, "2024-02-22", "发布日期：晚于成文日期在网站上发布时填写")
	w.Value("to", 6, "各乡镇人民政府，县直各单位", "主送机关")
	w.Value("data", 6, "2024-01", "通报的月份：data/2024-01.toml")
	w.Value("format", 6, "letter", "信函格式；文件格式写 file")
	w.Todo("issuers", 6, `["中共某县委办公室", "某县人民政府办公室"]`, "联合发文机关：几个机关联合发文时写，主办机关在前，须有 config.toml 的 issuer")
	w.Todo("valid", 6, `"有效"`, "有效性：有效（默认）、失效或废止")
	w.Todo("note", 6, `"此件公开发布"`, "附注：写在成文日期下，加圆括号")
	w.Todo("cc", 6, `"市政府办公室，县委办公室"`, "抄送机关：写在文末的版记中")
	w.Line("# 附件：每个一项，文件路径相对于本文件所在的文件夹，如 content/circulars/附件/ 下的文件：")
	w.Line("# [[attachment]]")
	w.Line("# title = \"2024年1月各乡镇考核得分汇总表\"")
	w.Line("# file  = \"附件/2024-01得分汇总表.xlsx\"")
	w.Line("+++")
	t := starterTerms
	w.Line(fmt.Sprintf(`现将2024年1月%[1]s重点工作落实情况通报如下：

## 一、任务完成情况

### （一）%[2]s

{{< indicators %[2]q >}}

### （二）%[3]s

{{< indicators %[3]q >}}

## 二、存在的问题

{{< city-bottom "%[1]s重点工作" >}}

**（一）项目推进不快。**部分项目前期工作滞后，开工率低于序时进度。

**（二）安全生产形势严峻。**个别乡镇隐患整改不到位。

## 三、考核排名

### （一）%[4]s综合考核排名

{{< township-ranking >}}

### （二）%[5]s考核排类

{{< categories >}}

## 四、考核奖惩

### （一）%[6]s

{{< rewards >}}

### （二）%[7]s

{{< measures %[7]q >}}

### （三）%[8]s

{{< measures %[8]q >}}

各%[4]s、%[5]s要对照通报的问题，认真整改，确保各项工作按时完成。`, t.Scope, t.Sections[0], t.Sections[1], t.Unit, t.Department, t.Actions[0], t.Actions[1], t.Actions[2]))
	return w.String()
}

const starterAbout = `+++
title = "关于本站"
# date  = 2024-02-20    # 发布日期，可不填
# valid = "有效"        # 有效性：有效（默认）、失效或废止
+++
本站公布某某县人民政府办公室关于重点工作落实情况的通报，以及各乡镇、各指标的历次排名。

本站的页面由 tongbao 根据通报数据生成。通报的数据可从每期通报页面下载（data.json、data.csv）。

联系电话：0000-0000000。
`
