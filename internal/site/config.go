package site

import (
	"cmp"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/zh"
)

// This file reads config.toml by its description, ConfigFile: the one
// list of every key a site's configuration may hold, with its label and
// help in Chinese. The loader reads through it (unknown keys, kinds and
// the values a key may take are checked in one place), and the reference
// documentation is written from it.

// ConfigFile is config.toml (DESIGN.md §3).
var ConfigFile = &Format{Name: "站点配置", Fields: []Field{
	{Key: "title", Kind: Text, Label: "网站名称", Help: "网站的名称，用于页面标题、首页和订阅；应填写（不填则网站没有名称）"},
	{Key: "baseURL", Kind: Text, Label: "网站地址",
		Help: "以 / 开头的路径（如 \"/\"、\"/tongbao/\"），或 http(s):// 开头的完整地址；默认 \"/\"。完整地址的协议和域名按小写写出，省去默认端口（:443、:80），路径照写"},
	{Key: "language", Kind: Text, Label: "语言", Help: "页面语言，默认 zh-CN"},
	{Key: "site", Kind: Section, Label: "网站标识", Help: "页面元数据和页脚中的网站标识", Fields: []Field{
		{Key: "name", Kind: Text, Label: "主办单位", Help: "网站主办单位的全称，用于页面元数据和页脚；不填则不显示"},
		{Key: "domain", Kind: Text, Label: "域名", Help: "网站的域名，如 www.example.gov.cn（不含 https:// 和路径）；baseURL 只是路径时，站点地图、订阅和规范链接的完整网址用它。不填且 baseURL 也不含域名时，这些网址只有路径，check 和 build 会提醒；仍是 tongbao init 写的示例域名 " + ExampleDomain + " 时也会提醒"},
		{Key: "idCode", Kind: Text, Label: "网站标识码", Help: "政府网站标识码，用于页面元数据和页脚；不填则不显示"},
		{Key: "orgCode", Kind: Text, Label: "机构代码", Help: "9位组织机构代码，索引号（机构代码/年份-序号）的第一段；不填则索引号以“/”开头，check 和 build 会提醒"},
		{Key: "icp", Kind: Text, Label: "ICP备案号", Help: "页脚的ICP备案号，如“湘ICP备12345678号”，链接到工业和信息化部备案系统；不填则不显示"},
		{Key: "police", Kind: Text, Label: "公安备案号", Help: "页脚的公安机关备案号，如“湘公网安备43050202000123号”；含备案编号时链接到其备案记录；不填则不显示"},
		{Key: "contact", Kind: Text, Label: "联系我们", Help: "页脚“联系我们”：https 网址、mailto:/tel: 地址、电子邮箱、站内页面路径（如 about/），或一段文字（如电话号码）；不填则不显示"},
		{Key: "errata", Kind: Text, Label: "纠错", Help: "页脚“纠错”链接：网址或站内页面路径；不填则不显示"},
		{Key: "favicon", Kind: Text, Label: "网站图标", Help: "layouts/assets/ 下的 .ico 或 .png 文件，也写作站点根目录的 favicon.ico；不填则用 static/favicon.ico，没有它时用内置图标"},
		{Key: "govBadge", Kind: Text, Label: "党政机关标识", Help: "layouts/assets/ 下的党政机关网站标识图片；不填则不显示"},
		{Key: "govBadgeLink", Kind: Text, Label: "标识链接", Help: "党政机关网站标识的注册记录网址；须同时填 govBadge"},
	}},
	{Key: "issuer", Kind: Section, Label: "发文机关", Help: "通报的发文机关", Fields: []Field{
		{Key: "name", Kind: Text, Label: "发文机关", Required: true, Help: "发文机关全称，用于版头和落款"},
	}},
	{Key: "terms", Kind: Section, Label: "用语",
		Help: "本机关的用语；不写的键沿用默认值（docs/reference.md 列出）", Fields: []Field{
			{Key: "unit", Kind: Text, Label: "排名单位", Help: "参与排名的单位的统称，如“县（市、区）”“乡镇”；不填用默认值"},
			{Key: "department", Kind: Text, Label: "责任单位", Help: "负责指标的单位（[[department]]）的统称，如“市直单位”；不填用默认值"},
			{Key: "scope", Kind: Text, Label: "排名范围", Help: "排名句中的范围，如“排名全县前三的为”中的“全县”；不填用默认值"},
			{Key: "city", Kind: Text, Label: "上级", Help: "上级综合排名的范围，如“全省综合排名第十”中的“全省”；不填用默认值"},
			{Key: "cityRank", Kind: Text, Label: "上级排名的说法", Help: "指标在上级排名中的名次前的词，如“全省综合排名第十”中的“综合排名”；上级只排名次、不算综合得分时可写“排名”；不填用默认值"},
			{Key: "peer", Kind: Text, Label: "同级排名", Help: "同级排名的名称，如“同类县第三”中的“同类县”；不填用默认值"},
			{Key: "sections", Kind: Texts, Label: "栏目", Help: "指标所属的栏目，按通报中的顺序，如 [\"重点工作\", \"重点项目\"]；不填用默认值"},
			{Key: "actions", Kind: Texts, Label: "措施", Help: "本机关采取的奖惩措施，如 [\"奖励\", \"约谈\", \"书面检查\"]；“奖励”带金额；不填用默认值"},
			{Key: "column", Kind: Text, Label: "栏目描述", Help: "政府网站栏目描述（ColumnDescription），如“县政府重点工作落实情况通报”；不填用默认值"},
			{Key: "topic", Kind: Text, Label: "主题分类", Help: "政府信息公开的主题分类，列在每期通报的元数据中，如“综合政务”“城乡建设、环境保护”；一期通报可在前置信息中另写 topic；不填用默认值"},
		}},
	{Key: "ranking", Kind: Section, Label: "排名", Help: "月度排名的设置", Fields: []Field{
		{Key: "ties", Kind: Text, Label: "并列方式", Values: []string{"competition", "dense"},
			Help: "competition：并列后跳过名次（1、2、2、4，默认）；dense：不跳过（1、2、2、3），只改变名次的写法，前几名、后几名和名次分仍按排在前面的单位数计算（见 rules.md）"},
		{Key: "groupSize", Kind: Integer, Label: "前后名数", Help: "排名句中前几名、后几名的人数，默认 3（前三、后三）；写得大于现有的单位数（分组时大于最大的一组）或 cityUnits 时，check 提醒：前几名就是全部单位"},
		{Key: "labels", Kind: Text, Label: "前后名的叫法", Values: []string{"auto", "loose"},
			Help: "auto：恰好前几名、后几名且无并列时叫“前三”“后三”，否则叫“靠前”“靠后”（默认）；loose：排名句和排在上级后几名的单项目标一律叫“靠前”“靠后”"},
		{Key: "unreported", Kind: Text, Label: "未报送的名次", Values: []string{"last", "zero"},
			Help: "月度数据中写为未报送（[[result]] 的 unreported）的单位怎样排名：last：排在本项全部报送了的单位之后，未报送的几个并列（默认）；zero：按本项的最低分（min，不写为 0；越低越好的为 max）计分并排名；用得分算综合（[scoring] method 为 score、sum）的，两种都按最低分计入综合得分（见 rules.md 的“未报送”）"},
		{Key: "cityUnits", Kind: Integer, Label: "上级排名单位数", Help: "上级综合排名中的单位数，默认 12"},
		{Key: "districtUnits", Kind: Integer, Label: "同级单位数", Help: "同级排名中的单位数，默认 3"},
		{Key: "cityRanks", Kind: Flag, Label: "有上级排名",
			Help: "false：本地区没有上级排名（上级综合排名 overallCity 和各项的 city），新月份的文件、填报工作簿和第一期通报的草稿都不列出；不再有上级排名的也写 false（以前月份填的上级排名照样保留，导出那个月的工作簿时照样列出）；true：还没有哪个月有时也列出；不写时看已有的月份：有一个月填了就列出，有月份而都没填的视为没有（见 reference.md 的“上级和同级排名”）"},
		{Key: "districtRanks", Kind: Flag, Label: "有同级排名",
			Help: "同 cityRanks，对同级排名（各项的 district）：false 时不列出，不写时看已有的月份"},
		{Key: "overall", Kind: Flag, Label: "另排总排名",
			Help: "分组排名（units.toml 写了 [[group]]）的机关：true 则各项排名和综合考核排名在组内排名之外，再把各组的单位合在一起排一次（如“全县排名”，“全县”是 [terms] scope）：通报附表和 table 短代码在组内名次旁列出，排名句后另写一句，规则可写 overall = true 依据它选取；不分组的不写（见 rules.md 的“全县排名”）"},
		{Key: "overallSize", Kind: Integer, Label: "总排名前后名数",
			Help: "overall = true 时，总排名的排名句中前几名、后几名的人数，如 10（“全县排名前十的为”）；默认与 groupSize 相同（季度、半年、年度与 [aggregate] groupSize 相同）"},
	}},
	{Key: "scoring", Kind: Section, Label: "综合考核", Help: "综合考核得分的算法", Fields: []Field{
		{Key: "method", Kind: Text, Label: "算法", Values: scoringMethods,
			Help: "rank-points：按名次折算得分（默认）；score：各指标得分的加权平均；sum：各指标得分的加权和（总分，不参加的指标不得分）"},
		{Key: "decimals", Kind: Integer, Label: "小数位数", Help: "综合得分保留的小数位数（0～6），默认 2"},
	}},
	{Key: "aggregate", Kind: Section, Label: "季度、半年和年度", Help: "季度、半年和年度通报的综合排名", Fields: []Field{
		{Key: "method", Kind: Text, Label: "算法", Values: aggregateMethods,
			Help: "mean-points：各月综合得分的平均（默认）；sum-points：各月综合得分之和；mean-rank：各月综合名次的平均，越小越好"},
		{Key: "groupSize", Kind: Integer, Label: "前后名数", Help: "季度、半年和年度通报中前几名、后几名的人数，默认与 [ranking] 相同；写得大于现有的单位数（分组时大于最大的一组）时，check 提醒"},
	}},
	{Key: "assessment", Kind: Section, Label: "考核周期", Help: "本机关多久考核一次", Fields: []Field{
		{Key: "period", Kind: Text, Label: "考核周期", Values: periodKinds, Meant: []string{"月", "季", "半年", "年"},
			Help: "month：每月考核，每个数据文件报告它的月份（period 写累计的 \"1-3月\" 也是3月的考核）；quarter：每季度，数据文件是各季度最后一个月的（data/2024-06.toml，period = \"4-6月\"）；half：每半年（data/2024-06.toml 的 \"1-6月\"、data/2024-12.toml 的 \"7-12月\"）；year：每年（data/2024-12.toml 的 \"1-12月\"）。写了 quarter、half 或 year，期别不是这种期的数据文件是错误；第一个数据文件之前（tongbao new --xlsx 的工作簿）也照此称本季度、本期、本年度。不写时看已有数据文件的期别：都是季度的按季度，以此类推，否则按月"},
	}},
	{Key: "rule", Kind: Tables, Label: "奖惩规则", Help: "由排名得出的奖惩措施，每条规则一项", Fields: []Field{
		{Key: "on", Kind: Text, Label: "依据", Required: true, Values: ruleOns,
			Help: "composite：综合考核排名；indicator：某一指标的排名（写 indicator）；city：各指标的上级排名，措施给其责任单位"},
		{Key: "indicator", Kind: IndicatorRef, Label: "指标", Help: "on = \"indicator\" 时必填：指标 id；其他规则不写"},
		{Key: "select", Kind: Text, Label: "选取", Required: true, Values: selections,
			Help: "first：第一名；last：最后一名；top：前 count 名（或前 percent%）；bottom：后 count 名（或后 percent%）；rank：第 rank 名（并列的一并选取）；score：得分在 atLeast、above、below、atMost 所写界限之内的全部单位"},
		{Key: "count", Kind: Integer, Label: "名数", Help: "top、bottom 选取的名数，默认 [ranking] groupSize（季度、半年、年度的规则默认 [aggregate] groupSize）"},
		{Key: "overlap", Kind: Flag, Label: "后几名含前几名",
			Help: "select = \"bottom\" 时：true 则选最后 count 名，单位少于 2×count 个时其中也有前 count 名的单位（5个乡镇的“后三名约谈”选第3～5名）；不写或 false：后一组不含前一组的单位，与排名句的“后三”相同（5个乡镇只选第4、5名）"},
		{Key: "rank", Kind: Integer, Label: "名次",
			Help: "select = \"rank\" 时必填：选取这个名次的单位，如 2（第二名，并列第二的都选）；各名次奖励不同金额时每个名次写一条规则。有并列时其后的名次空缺（两个并列第一则没有第二名）；大于同时参加排名的单位数（同一期在册的，按季度考核的按季度算；on = \"city\" 的大于 cityUnits）是错误：这个名次永远没有；其他规则不写"},
		{Key: "percent", Kind: Number, Label: "比例（%）",
			Help: "select = \"top\" 或 \"bottom\" 时代替 count：选前（后）百分之几，如 20（排名前20%）；各期按参加排名的单位数计算名数，须同时写 round；大于 0、不大于 100，最多两位小数"},
		{Key: "round", Kind: Text, Label: "取整", Values: roundings, Meant: roundingWords,
			Help: "与 percent 须同时写：名数不是整数时怎样取，nearest：四舍五入；down：向下取整；up：向上取整（12个单位的20%是2.4名，分别取2、2、3名）"},
		{Key: "minCount", Kind: Integer, Label: "至少名数", Help: "写了 percent 时可写：至少选几名，如 1（单位少、按比例不足1名时仍选1名；参加排名的单位更少时选全部）；不写为 0"},
		{Key: "atLeast", Kind: Number, Label: "得分不低于", Help: "select = \"score\" 时：选得分不低于它的单位，如 90（“90分以上”，含90分）；不写则不限下限"},
		{Key: "above", Kind: Number, Label: "得分高于", Help: "select = \"score\" 时：选得分高于它的单位（“超过90分”，不含90分）；不写则不限下限"},
		{Key: "below", Kind: Number, Label: "得分低于", Help: "select = \"score\" 时：选得分低于它的单位，如 60（“低于60分”，不含60分）；不写则不限上限"},
		{Key: "atMost", Kind: Number, Label: "得分不高于", Help: "select = \"score\" 时：选得分不高于它的单位（“60分以下”，含60分）；不写则不限上限。下限（atLeast 或 above）和上限（below 或 atMost）可以同时写，选两者之间的；比较的是四舍五入到 decimals 后的得分，与排名所用的相同；四个都不写是错误"},
		{Key: "group", Kind: Text, Label: "组别", Help: "只用于这一组（units.toml 的 [[group]]）；不写则各组分别适用"},
		{Key: "overall", Kind: Flag, Label: "依据总排名", Help: "true：依据各组单位合在一起的总排名（[ranking] overall = true）选取，而不是在各组中分别选取；不写则各组分别适用（或只用于 group 的一组）；不能同时写 group"},
		{Key: "streak", Kind: Integer, Label: "连续期数",
			Help: "连续这么多个考核期（含本期）都被选取时才适用，如 2：连续两个月；没有数据文件的月份不算考核期，也不打断连续；不写为 1（只看本期）。同时写了 from 和 until 的规则，streak 多于其间的期数是错误（永远不会适用）"},
		{Key: "period", Kind: Text, Label: "适用期别", Values: periodKinds, Meant: []string{"月", "季", "半年", "年"},
			Help: "month：月度通报（默认）；quarter、half、year：季度、半年、年度通报"},
		{Key: "from", Kind: Text, Label: "起始月份",
			Help: "考核办法调整后，本规则开始适用的月份，如 \"2025-01\"：这个月及以后的各期才适用（季度、半年和年度看其最后一个月），连续期数也只数这以后的期；此前已发布的通报不变；不写则一直适用"},
		{Key: "until", Kind: Text, Label: "截止月份",
			Help: "考核办法调整后不再用的规则，最后适用的月份，如 \"2024-12\"；此后各期不再适用，此前已发布的通报不变；不写则一直适用"},
		{Key: "action", Kind: Text, Label: "措施", Required: true, Help: "[terms] actions 之一，如“奖励”“约谈”"},
		{Key: "amount", Kind: Integer, Label: "金额（元）", Help: "奖励金额，单位为元；action = \"奖励\" 时必填，其他措施不写"},
		{Key: "who", Kind: Text, Label: "对象", Help: "措施的对象，如“行政负责人”；可写 {unitPlaceholder}（单位名称）、{group}（单位所在的组），按每个选出的单位替换，如“{group}分管领导”；不填则只写单位"},
		{Key: "by", Kind: Text, Label: "实施人", Help: "由谁实施，如“分管领导”，可不填"},
		{Key: "reason", Kind: Text, Label: "原因", Help: "不填则自动生成，如“县（市）组综合考核排名第一”“连续2个月综合考核排名后两名”"},
	}},
	gradeField,
}}

//go:embed defaults.toml
var defaultsTOML []byte

// defaultTerms are the words of defaults.toml.
func defaultTerms() Terms {
	var d diag.List
	t, _, ok := decodeTOML("defaults.toml", defaultsTOML, ConfigFile, &d)
	var terms Terms
	if ok {
		readTerms(read(t, ConfigFile.Fields).section("terms"), &terms)
	}
	if len(d) > 0 {
		panic("site: defaults.toml: " + d.Error())
	}
	return terms
}

func (l *loader) config() {
	const name = "config.toml"
	t, f, ok := l.decodeFile(name, ConfigFile)
	if !ok {
		return
	}
	l.configFile = f
	l.s.Config.places = map[string][2]int{}
	for _, key := range []string{"baseURL", "site.domain", "site.orgCode"} {
		line, col := f.position(key)
		l.s.Config.places[key] = [2]int{line, col}
	}
	// Keys of earlier versions: each is reported with what to write
	// instead, and read no further.
	if pt := t.sub("policy"); pt != nil {
		policy(pt, f)
	}
	if rt, ok := t.m["ranking"].(map[string]any); ok {
		if label, ok := rt["districtLabel"].(string); ok {
			f.errorf("ranking.districtLabel", "[ranking] districtLabel 已改为 [terms] peer：请删去本行，在 [terms] 中写 peer = %s", Quote(label))
			delete(rt, "districtLabel")
		}
	}
	top := read(t, ConfigFile.Fields)
	c := &l.s.Config
	c.Title = top.text("title")
	base, err := ParseBaseURL(top.text("baseURL"))
	if err != nil {
		f.errorf("baseURL", "baseURL “%s” 无效：%v", top.text("baseURL"), err)
		base = "/"
	}
	c.BaseURL = base
	c.Language = cmp.Or(top.text("language"), "zh-CN")
	st := top.section("site")
	c.Site = siteInfo(st, f)
	l.exampleDomain(f)
	l.exampleCounty(f, t.m)
	if n := utf8.RuneCountInString(c.Site.OrgCode); c.Site.OrgCode != "" && n != 9 {
		f.errorf("site.orgCode", "orgCode 应为9位机构代码（现为%d位）", n)
	}
	c.Issuer = top.section("issuer").text("name") // a missing name is reported there
	if !t.has("issuer") {
		f.errorf("", "缺少发文机关 [issuer] name")
	}

	c.Terms = defaultTerms()
	readTerms(top.section("terms"), &c.Terms)

	rk := top.section("ranking")
	c.Ranking = Ranking{GroupSize: 3, CityUnits: 12, DistrictUnits: 3, Dense: rk.text("ties") == "dense", Loose: rk.text("labels") == "loose"}
	positive(rk, f, "groupSize", &c.Ranking.GroupSize)
	positive(rk, f, "cityUnits", &c.Ranking.CityUnits)
	positive(rk, f, "districtUnits", &c.Ranking.DistrictUnits)
	c.Ranking.CityRanks, c.Ranking.DistrictRanks = said(rk, "cityRanks"), said(rk, "districtRanks")
	c.Ranking.Zero = rk.text("unreported") == "zero"
	c.Ranking.Overall = rk.flag("overall")
	positive(rk, f, "overallSize", &c.Ranking.OverallSize)

	sc := top.section("scoring")
	c.Scoring = Scoring{RawScore: sc.text("method") == scoringMethods[1], RawSum: sc.text("method") == scoringMethods[2], Decimals: 2}
	if n, ok := sc.int("decimals"); ok {
		c.Scoring.Decimals = decimals(f, sc.at("decimals"), n)
	}

	ag := top.section("aggregate")
	c.Aggregate = Aggregate{GroupSize: c.Ranking.GroupSize}
	if m := slices.Index(aggregateMethods, ag.text("method")); m > 0 {
		c.Aggregate.Method = AggregateMethod(m)
	}
	positive(ag, f, "groupSize", &c.Aggregate.GroupSize)

	if i := slices.Index(periodKinds, top.section("assessment").text("period")); i >= 0 {
		k := PeriodKind(i)
		c.Assesses = &k
	}

	// Rules name groups and indicators, which are read after this file:
	// they are resolved then (rules).
	l.ruleRecords = top.records("rule")
	l.gradeRecords = top.records("grade")
}

// readTerms reads [terms] over the words t already holds: each key
// written replaces its word.
func readTerms(r *record, t *Terms) {
	f := r.t.f
	for _, w := range []struct {
		key string
		dst *string
	}{
		{"unit", &t.Unit}, {"department", &t.Department}, {"scope", &t.Scope},
		{"city", &t.City}, {"cityRank", &t.CityRank}, {"peer", &t.Peer}, {"column", &t.Column}, {"topic", &t.Topic},
	} {
		key, dst := w.key, w.dst
		if !r.has(key) {
			continue
		}
		v := r.text(key)
		if strings.TrimSpace(v) == "" {
			f.errorf(r.at(key), "[terms] %s 不能为空", key)
			continue
		}
		*dst = v
	}
	for _, w := range []struct {
		key string
		dst *[]string
	}{{"sections", &t.Sections}, {"actions", &t.Actions}} {
		key, dst := w.key, w.dst
		if !r.has(key) {
			continue
		}
		var words []string
		for _, e := range r.texts(key) {
			switch {
			case strings.TrimSpace(e.value) == "":
				f.errorf(e.path, "[terms] %s 中有空项", key)
			case slices.Contains(words, e.value):
				f.errorf(e.path, "[terms] %s 中“%s”重复", key, e.value)
			default:
				words = append(words, e.value)
			}
		}
		if len(words) == 0 {
			f.errorf(r.at(key), "[terms] %s 至少要有一项", key)
			continue
		}
		*dst = words
	}
}

// positive sets *dst to the key's value when it is there and positive.
// said is a flag that may be left unsaid: nil then.
func said(r *record, key string) *bool {
	if !r.has(key) {
		return nil
	}
	b := r.flag(key)
	return &b
}

func positive(r *record, f *tomlFile, key string, dst *int) {
	if n, ok := r.int(key); ok {
		if n > 0 {
			*dst = n
		} else {
			f.errorf(r.at(key), "%s 应为正整数", key)
		}
	}
}

// policy reports [policy], which [[rule]]s replaced, with the rules that
// say the same, ready to copy: the rewards, then the 约谈, in the order
// [policy]'s measures were listed.
func policy(pt *table, f *tomlFile) {
	w := NewWriter(ConfigFile)
	amount := func(key string) (int64, bool) {
		v, ok := pt.get(key)
		n, isInt := v.(int64)
		return n, ok && isInt && n > 0
	}
	var rules []Rule
	if n, ok := amount("rewardTopTownship"); ok {
		rules = append(rules, Rule{On: OnComposite, Select: First, Action: RewardAction, Amount: n})
	}
	if n, ok := amount("rewardCityFirst"); ok {
		rules = append(rules, Rule{On: OnCity, Select: First, Action: RewardAction, Amount: n})
	}
	if v, ok := pt.get("interviewLastTownship"); ok {
		if who, ok := v.(string); ok && who != "" {
			rules = append(rules, Rule{On: OnComposite, Select: Last, Action: "约谈", Who: who})
		}
	}
	for i, r := range rules {
		if i > 0 {
			w.Line("")
		}
		w.Rule(r)
	}
	msg := "[policy] 已停用，奖惩改由 [[rule]] 规则写出：请删去 [policy] 整节"
	if len(rules) > 0 {
		msg += "，换成以下等价的规则（可直接复制）："
	} else {
		msg += "（其中没有会产生措施的设置）"
	}
	line, col := f.position(pt.path)
	f.diags.Add(f.name, line, col, "%s", msg)
	(*f.diags)[len(*f.diags)-1].Text = w.String()
}

// Rule writes a [[rule]] with the keys it needs, in the order ConfigFile
// describes them.
func (w *Writer) Rule(r Rule) {
	w.Tables("rule")
	value := func(key string, v any) { w.Value("rule."+key, 6, v, "") }
	value("on", r.On.String())
	if r.Indicator != nil {
		value("indicator", r.Indicator.ID)
	}
	value("select", r.Select.String())
	if r.Count > 0 {
		value("count", r.Count)
	}
	if r.Overlap {
		value("overlap", true)
	}
	if r.Rank > 0 {
		value("rank", r.Rank)
	}
	r.writeShareAndBounds(value)
	if r.Group != nil {
		value("group", r.Group.Name)
	}
	if r.Overall {
		value("overall", true)
	}
	if r.Streak > 1 {
		value("streak", r.Streak)
	}
	if r.Period != Monthly {
		value("period", r.Period.String())
	}
	if r.Span.From != "" {
		value("from", r.Span.From)
	}
	if r.Span.Until != "" {
		value("until", r.Span.Until)
	}
	value("action", r.Action)
	if r.Amount > 0 {
		value("amount", r.Amount)
	}
	for _, kv := range [][2]string{{"who", r.Who}, {"by", r.By}, {"reason", r.Reason}} {
		if kv[1] != "" {
			value(kv[0], kv[1])
		}
	}
}

// rankedIndicator is the indicator id that rec's indicator key names (a
// rule's or a grade's), and whether units are ranked on it: an unknown
// id, or an indicator no unit is ranked on, is told at the key.
func (l *loader) rankedIndicator(rec *record, id string) (*Indicator, bool) {
	ind := l.s.indicators[id]
	switch {
	case ind == nil:
		l.configFile.errorf(rec.at("indicator"), "未知指标“%s”%s", id, l.s.IndicatorHint(id))
		return nil, false
	case ind.Townships == nil:
		l.configFile.errorf(rec.at("indicator"), "指标“%s”不参与%s排名（indicators.toml 中没有 townships）", id, l.s.Config.Terms.Unit)
		return ind, false
	}
	return ind, true
}

// rules resolves the [[rule]]s read with config.toml against the groups
// and indicators, and checks each (DESIGN.md §5.9).
func (l *loader) rules() {
	f := l.configFile
	c := &l.s.Config
	for _, rec := range l.ruleRecords {
		r := Rule{Line: rec.t.line(), Streak: 1, Who: rec.text("who"), By: rec.text("by"), Reason: rec.text("reason"),
			On:     RuleOn(max(0, slices.Index(ruleOns, rec.text("on")))),
			Select: Selection(max(0, slices.Index(selections, rec.text("select")))),
			Period: PeriodKind(max(0, slices.Index(periodKinds, rec.text("period")))),
		}
		ok := rec.has("on") && rec.has("select") && rec.has("action")
		id := rec.text("indicator")
		switch {
		case r.On == OnIndicator && !rec.t.has("indicator"):
			f.errorf(rec.t.path, "on = \"indicator\" 的规则缺少 indicator（指标 id）")
			ok = false
		case r.On == OnIndicator && !rec.has("indicator"):
			ok = false // one of the wrong kind, reported as such
		case r.On == OnIndicator:
			var ranked bool
			if r.Indicator, ranked = l.rankedIndicator(rec, id); !ranked {
				ok = false
			}
		case rec.has("indicator"):
			f.errorf(rec.at("indicator"), "indicator 只用于 on = \"indicator\" 的规则")
		}
		if n, has := rec.int("count"); has {
			switch {
			case r.Select != Top && r.Select != Bottom:
				f.errorf(rec.at("count"), "count 只用于 select = \"top\" 或 \"bottom\" 的规则")
			case n < 1:
				f.errorf(rec.at("count"), "count 应为正整数")
			default:
				r.Count = n
			}
		}
		if rec.has("overlap") {
			switch {
			case r.Select != Bottom || r.On == OnCity:
				f.errorf(rec.at("overlap"), "overlap 只用于 select = \"bottom\" 且 on 为 composite 或 indicator 的规则")
			default:
				r.Overlap = rec.flag("overlap")
			}
		}
		n, hasRank := rec.int("rank")
		switch {
		case r.Select == AtRank && !rec.t.has("rank"):
			f.errorf(rec.t.path, "select = \"rank\" 的规则缺少 rank（选取的名次，如 2）")
			ok = false
		case r.Select == AtRank && !hasRank:
			ok = false // a rank of the wrong kind, reported as such
		case hasRank && r.Select != AtRank:
			f.errorf(rec.at("rank"), "rank 只用于 select = \"rank\" 的规则")
		case hasRank && n < 1:
			f.errorf(rec.at("rank"), "rank 应为正整数（名次）")
			ok = false
		case hasRank:
			r.Rank = n
			r.RankLine, r.RankCol = f.position(rec.at("rank"))
		}
		shareOK := readShare(f, rec, &r)
		boundsOK := readBounds(f, rec, &r)
		if !shareOK || !boundsOK || !l.scoreRuleReads(rec, r) {
			ok = false
		}
		if rec.has("group") {
			name := rec.text("group")
			for _, g := range l.s.Groups {
				if g.Name == name {
					r.Group = g
				}
			}
			switch {
			case r.On == OnCity:
				f.errorf(rec.at("group"), "on = \"city\" 的规则按指标的责任单位适用，不分组，不能写 group")
			case len(l.s.Groups) == 0:
				f.errorf(rec.at("group"), "未知的组“%s”（units.toml 中没有 [[group]]）", shown(name))
				ok = false
			case r.Group == nil:
				f.errorf(rec.at("group"), "未知的组“%s”%s", shown(name), Suggest(name, names(groupUnits(l.s.Groups))))
				ok = false
			}
		}
		ok = l.overallRule(rec, &r) && ok
		l.ruleWho(rec, r)
		if n, has := rec.int("streak"); has {
			if n < 1 {
				f.errorf(rec.at("streak"), "streak 应为正整数（连续的考核期数，含本期）")
			} else {
				r.Streak = n
			}
		}
		r.Span = readSpan(f, rec, "2025-01", "这条规则没有适用的月份。不再用的旧规则写 until（最后适用的月份），新规则写 from（开始适用的月份），分别写在两条规则中")
		if r.Period != Monthly && r.On != OnComposite {
			f.errorf(rec.at("period"), "季度、半年和年度通报只有综合考核排名：period = \"%s\" 的规则应为 on = \"composite\"", r.Period)
			ok = false
		}
		r.Action = rec.text("action")
		actionOK := slices.Contains(c.Terms.Actions, r.Action)
		if rec.has("action") && !actionOK {
			f.errorf(rec.at("action"), "%s", badAction(r.Action, c.Terms.Actions))
			ok = false
		}
		n, hasAmount := rec.int("amount")
		switch {
		case !actionOK: // whether an unknown action takes an amount is unknown too
		case r.Action == RewardAction && !rec.t.has("amount"):
			f.errorf(rec.t.path, "“%s”规则缺少 amount（金额，元）", RewardAction)
		case r.Action == RewardAction && !hasAmount:
			ok = false // an amount of the wrong kind, reported as such
		case r.Action != RewardAction && hasAmount:
			f.errorf(rec.at("amount"), "amount 只用于“%s”规则", RewardAction)
		case hasAmount && n <= 0:
			f.errorf(rec.at("amount"), "amount 应为正整数（元）")
		default:
			r.Amount = int64(n)
			r.AmountLine, r.AmountCol = f.position(rec.at("amount"))
		}
		if ok && l.neverSelects(rec, r) {
			ok = false
		}
		if ok {
			l.warnFewUnits(rec, r)
			c.Rules = append(c.Rules, r)
		}
	}
	l.ruleRecords = nil
	l.warnGroupSizes()
}

// whoNames are the placeholders a rule's who may hold, each put in for
// the unit a measure goes to (Rule.WhoOf): a rule over every group's
// units together ([ranking] overall) addresses 青山镇分管领导 for a village
// of 青山镇 and 城关镇分管领导 for one of 城关镇, which no fixed text says.
var whoNames = []string{"{group}", "{unit}"}

// whoPlaceholder finds the placeholders of a rule's who: {name}, and a
// brace without its pair.
var whoPlaceholder = regexp.MustCompile(`\{[^{}]*\}|[{}]`)

// ruleWho checks the placeholders of rule r's who, each told at the key:
// one not known (with the nearest known one), a brace without its pair,
// and {group} where there is no group to put in — units.toml has none,
// or the rule's measures go to the owners of city entries, departments,
// which are in none. Text without braces is the person as it stands.
func (l *loader) ruleWho(rec *record, r Rule) {
	if !strings.ContainsAny(r.Who, "{}") {
		return
	}
	f := l.configFile
	for _, m := range whoPlaceholder.FindAllString(r.Who, -1) {
		switch {
		case len(m) == 1:
			f.errorf(rec.at("who"), "who 中的“%s”没有配对的括号：可替换的名称写作 {unit}（单位名称）、{group}（单位所在的组），其他文字中不用 { }", m)
		case !slices.Contains(whoNames, m):
			f.errorf(rec.at("who"), "who 中的“%s”不是可替换的名称：只能写 {unit}（单位名称）或 {group}（单位所在的组）%s", m, Suggest(m, whoNames))
		case m == "{group}" && r.On == OnCity:
			f.errorf(rec.at("who"), "on = \"city\" 的规则的措施给指标的责任单位，责任单位不分组：who 中不能写 {group}")
		case m == "{group}" && len(l.s.Groups) == 0:
			f.errorf(rec.at("who"), "units.toml 中没有 [[group]]：who 中的 {group} 无组名可替换，删去它或直接写明")
		default:
			continue
		}
		return // one diagnostic a key
	}
}

// WhoOf is the person the rule's measure given to u addresses: its who
// with u's name for {unit} and its group's for {group} (ruleWho checked
// that it has one where who names it).
func (r Rule) WhoOf(u *Unit) string {
	if !strings.Contains(r.Who, "{") {
		return r.Who
	}
	group := ""
	if u.Group != nil {
		group = u.Group.Name
	}
	return strings.NewReplacer("{unit}", u.Name, "{group}", group).Replace(r.Who)
}

// neverSelects reports a rule that no data this site can hold ever
// makes select, and returns true when it did: a city rank beyond the
// units ranked — 全市第13名 of a city of 12 (cityUnits bounds every city
// rank a month file may give) — or a streak longer than the periods
// between its from and until. A long streak alone is not told: the
// archive grows, and 连续24个月 happens in its third year. A township
// rank beyond those ranked at once (第100名 among 12) depends on the
// periods the office assesses by, which the month files may tell: see
// ranksBeyondUnits.
func (l *loader) neverSelects(rec *record, r Rule) bool {
	f, c := l.configFile, &l.s.Config
	told := false
	if r.Select == AtRank && r.On == OnCity && r.Rank > c.Ranking.CityUnits {
		f.errorf(rec.at("rank"), "rank = %d，但%s排名只有%d个单位（[ranking] cityUnits）：名次只到第%d名，这条规则不会选出任何指标；rank 应在1～%d之间，或删去这条规则",
			r.Rank, c.Terms.City, c.Ranking.CityUnits, c.Ranking.CityUnits, c.Ranking.CityUnits)
		told = true
	}
	if sp := r.Span; r.Streak > 1 && sp.From != "" && sp.Until != "" && sp.From <= sp.Until {
		if n := periodsIn(sp, r.Period); r.Streak > n {
			f.errorf(rec.at("streak"), "streak = %d 要连续%d%s，但这条规则只适用于 %s 至 %s，其间最多%d%s：它不会适用；streak 应不大于%d，或改 from、until",
				r.Streak, r.Streak, r.Period.Counted(), sp.From, sp.Until, n, r.Period.Counted(), n)
			told = true
		}
	}
	return told
}

// ranksBeyondUnits reports each rule of select = "rank" whose rank is
// beyond the townships ever ranked at once (rankedAtOnce) in the periods
// the office assesses by: it never selects a unit. Told after the month
// files are read, which say the periods when config.toml does not: a
// quarterly office's 甲镇 until 2025-07 and 乙镇 from 2025-07 are in no
// quarter together, though both are in July.
func (l *loader) ranksBeyondUnits() {
	s := l.s
	c := &s.Config
	k := s.Assesses()
	for _, r := range c.Rules {
		if r.Select != AtRank || r.On == OnCity {
			continue
		}
		n, largest := 0, (*Group)(nil)
		for _, g := range ruleGroups(s, r) {
			if m := rankedAtOnce(s, g, r.Indicator, k); m > n {
				n, largest = m, g
			}
		}
		if n == 0 || r.Rank <= n {
			continue
		}
		scope, note := "", ""
		switch {
		case r.Group != nil:
			scope = r.Group.Name
		case largest != nil:
			note = fmt.Sprintf("（最多的一组是“%s”）", largest.Name)
		}
		if r.Indicator != nil {
			scope += "指标“" + r.Indicator.Name + "”"
		}
		source := "units.toml"
		if r.Indicator != nil {
			source = "indicators.toml 的 townships"
		}
		l.diags.Add("config.toml", r.RankLine, r.RankCol, "rank = %d，但%s同时参加排名的%s最多%d个%s（%s）：名次只到第%d名，这条规则不会选出任何单位；rank 应在1～%d之间，或删去这条规则",
			r.Rank, scope, c.Terms.Unit, n, note, source, n, n)
	}
}

// rankedAtOnce is the most townships of group g (all when nil) that one
// ranking can hold in a period of kind k, of indicator ind's when it is
// given: those units.toml has at once, between their from and until, in
// a period's file (Unit.InSpan of the period's last month, as After
// judges two units' spans). It counts the periods each from or until
// changes the count in: the first to end on or after the from, or after
// the until.
func rankedAtOnce(s *Site, g *Group, ind *Indicator, k PeriodKind) int {
	var units []*Unit
	for _, u := range s.Townships {
		if (g == nil || u.Group == g) && (ind == nil || slices.Contains(ind.Townships, u)) {
			units = append(units, u)
		}
	}
	starts := []string{""} // the file of each stretch of one count
	for _, u := range units {
		if p, ok := ParsePeriod(u.From); ok {
			starts = append(starts, periodEnding(p, k))
		}
		if p, ok := ParsePeriod(u.Until); ok {
			starts = append(starts, periodEnding(p.nextMonth(), k))
		}
	}
	most := 0
	for _, m := range starts {
		n := 0
		for _, u := range units {
			if (u.From == "" || u.From <= m) && (u.Until == "" || u.Until >= m) {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}

// periodEnding is the key of the first month from month p on that ends
// a period of kind k: the file of the period p is in.
func periodEnding(p Period, k PeriodKind) string {
	for range 12 {
		if w, _ := k.Written(p.N); k == Monthly || w != "" {
			break
		}
		p = p.nextMonth()
	}
	return p.Key()
}

// periodsIn is how many periods of kind k end within span sp, whose
// from and until are both given: the most a streak can count in it.
func periodsIn(sp Span, k PeriodKind) int {
	from, ok1 := ParsePeriod(sp.From)
	until, ok2 := ParsePeriod(sp.Until)
	if !ok1 || !ok2 {
		return 0
	}
	n := 0
	for p := from; p.Key() <= until.Key(); p = p.nextMonth() {
		if w, _ := k.Written(p.N); k == Monthly || w != "" {
			n++
		}
	}
	return n
}

// warnGroupSizes warns of a groupSize written larger than the rankings
// it divides (DESIGN.md §5.2). Over n townships the first k of k > n are
// all of them: every ranking sentence names them all 靠前 and none 靠后,
// and the top and bottom rules of k select all or none. One groupSize
// serves every group, so it is told when it passes the largest, counted
// among the townships units.toml has now (those without until), as
// warnFewUnits counts them. [ranking]'s divides the city ranking too:
// beyond cityUnits every entry given a city rank would be on the
// city-bottom list (§5.6).
func (l *loader) warnGroupSizes() {
	f, c := l.configFile, &l.s.Config
	n, largest := 0, (*Group)(nil)
	for _, g := range ruleGroups(l.s, Rule{}) {
		m := 0
		for _, u := range l.s.Townships {
			if u.Until == "" && (g == nil || u.Group == g) {
				m++
			}
		}
		if m > n {
			n, largest = m, g
		}
	}
	what := fmt.Sprintf("现有%d个%s", n, c.Terms.Unit)
	if largest != nil {
		what = fmt.Sprintf("最大的一组“%s”现有%d个%s", largest.Name, n, l.s.UnitsCalled(largest.Units))
	}
	for _, key := range []string{"ranking.groupSize", "aggregate.groupSize"} {
		if _, written := f.pos[key]; !written {
			continue
		}
		k, of := c.Ranking.GroupSize, "各项排名和综合考核排名"
		if key == "aggregate.groupSize" {
			k, of = c.Aggregate.GroupSize, "季度、半年和年度综合考核排名"
		}
		switch {
		case n > 0 && k > n:
			f.warnf(&l.s.Warnings, key, "警告：groupSize = %d，但%s：%s的前%d名就是全部单位，分不出前几名和后几名（都算“靠前”，没有“靠后”，top、bottom 规则选全部单位或不选）；groupSize 应小于单位数，以不超过其一半为宜，如 groupSize = %d",
				k, what, of, k, max(1, n/2))
		case key == "ranking.groupSize" && k > c.Ranking.CityUnits && (c.Ranking.CityRanks == nil || *c.Ranking.CityRanks):
			f.warnf(&l.s.Warnings, key, "警告：groupSize = %d，但%s排名只有%d个单位（cityUnits）：每一项有%s名次的指标都在后%d名之中，都会列入“排%s后几名的单项目标”；groupSize 应小于 cityUnits",
				k, c.Terms.City, c.Ranking.CityUnits, c.Terms.City, k, c.Terms.City)
		}
	}
}

// warnFewUnits warns of a top or bottom rule over fewer units than its
// groups need (DESIGN.md §5.2): the bottom group is the last k less the
// top group, so over fewer than 2k units a bottom rule of 后三 selects
// fewer than three — two of five — and none of k or fewer; a top rule
// over fewer than k selects all. An office that wrote 后三名约谈 for a
// county of five is told what it will get, by the townships units.toml
// has now in each group the rule reads (those without until; an
// indicator's own), ties aside. A bottom rule with overlap selects the
// last k as they stand, all of them over k or fewer.
func (l *loader) warnFewUnits(rec *record, r Rule) {
	if r.Select != Top && r.Select != Bottom || r.Span.Until != "" {
		return
	}
	if r.Share.Hundredths > 0 {
		l.warnEmptyShare(rec, r)
		return
	}
	c := &l.s.Config
	k := r.Count
	if k == 0 {
		k = c.Ranking.GroupSize
		if r.Period != Monthly {
			k = c.Aggregate.GroupSize
		}
		if r.Overall && c.Ranking.OverallSize > 0 {
			k = c.Ranking.OverallSize // the overall ranking's 前十, as rank.Period.sizeFor reads it
		}
	}
	at := rec.at("select")
	if rec.has("count") {
		at = rec.at("count")
	}
	if r.On == OnCity {
		// The city's first or last k of cityUnits, each entry apart:
		// k or more of them are every city rank a month may give.
		if n := c.Ranking.CityUnits; k >= n {
			end := "前"
			if r.Select == Bottom {
				end = "后"
			}
			l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选%s排名%s%d名，但%s排名只有%d个单位（cityUnits）：每一项有%s名次的指标都会选中", c.Terms.City, end, k, c.Terms.City, n, c.Terms.City)
		}
		return
	}
	for _, now := range ruleUnitsNow(l.s, r) {
		n, what := len(now.units), now.what
		switch {
		case n == 0:
		case r.Select == Top && n < k:
			l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选前%d名，但%s，不足%d个：每期选全部单位，原因写各自的名次（第一、第二……）", k, what, k)
		case r.Select == Bottom && r.Overlap && n <= k:
			l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选最后%d名（overlap = true），但%s，不多于%d个：每期选全部单位", k, what, k)
		case r.Select == Bottom && r.Overlap:
		case r.Select == Bottom && n <= k:
			l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选后%d名，但%s，都在前%d名之中，而后一组不含前一组的单位：这条规则不会选出任何单位", k, what, k)
		case r.Select == Bottom && n < 2*k:
			l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选后%d名，但%s，不足%d个：后%d名与前%d名重叠，后一组不含前一组的单位，无并列时每期只选%s（%d个），原因写各自的位次（倒数第一……），不写“%s”；要选最后%d名本身（第%d～%d名），写 overlap = true",
				k, what, 2*k, k, k, places(k+1, n), n-k, zh.Label(k, false, true), k, n-k+1, n)
		}
	}
}

// places writes the places from first to last: 第5名, 第4～5名.
func places(first, last int) string {
	if first == last {
		return fmt.Sprintf("第%d名", first)
	}
	return fmt.Sprintf("第%d～%d名", first, last)
}

// unitsNow are the townships units.toml has now (those without until)
// that a township rule reads in one of its groups (ruleGroups), and what
// its warnings call them: 城关片现有5个乡镇, or 现有12个乡镇 without groups.
type unitsNow struct {
	units []*Unit
	what  string
}

// ruleUnitsNow are r's unitsNow, a group each: the units its count or
// its share is weighed against.
func ruleUnitsNow(s *Site, r Rule) []unitsNow {
	var out []unitsNow
	for _, g := range ruleGroups(s, r) {
		var now []*Unit
		for _, u := range s.Townships {
			if u.Until == "" && (g == nil || u.Group == g) && (r.Indicator == nil || slices.Contains(r.Indicator.Townships, u)) {
				now = append(now, u)
			}
		}
		in := "现有"
		if g != nil {
			in = g.Name + "现有"
		}
		out = append(out, unitsNow{now, fmt.Sprintf("%s%d个%s", in, len(now), s.UnitsCalled(now))})
	}
	return out
}

// ruleGroups are the unit groups a township rule reads, each apart: its
// own, every group, or nil for all townships of a site without groups.
func ruleGroups(s *Site, r Rule) []*Group {
	switch {
	case r.Overall:
		return []*Group{nil} // every group's units together
	case r.Group != nil:
		return []*Group{r.Group}
	case len(s.Groups) > 0:
		return s.Groups
	}
	return []*Group{nil}
}

// Words replaces the placeholders of a field's Help and Sheet (Field.Help)
// with the office's words and numbers: 全市 for {city}, 12 for
// {cityUnits}; and {unitPlaceholder} with {unit}, the placeholder a
// rule's who may hold (ruleWho), which {unit} itself would say as the
// office's word; {unreported} with how [ranking] unreported ranks a
// unit that did not report.
func (c *Config) Words() *strings.Replacer {
	t := c.Terms
	var actions, all []string
	for _, a := range t.Actions {
		all = append(all, "“"+a+"”")
		if a != RewardAction {
			actions = append(actions, "“"+a+"”")
		}
	}
	// An [[interview]] without a kind is a 约谈, which an office that
	// takes none (提醒约谈 alone) is refused: it is told to fill it in,
	// not that an empty cell will do.
	kindDefault := "；不填为约谈"
	if !slices.Contains(t.Actions, "约谈") {
		kindDefault = "；须填写（本机关的措施中没有约谈）"
	}
	// A unit that did not report is ranked by the office's rule, which
	// the month file it is written in says as the rule, not as its key.
	unreported := "排在本项全部报送了的单位之后（几个未报送的并列）"
	if c.Ranking.Zero {
		unreported = "按本项的最低分（indicators.toml 的 min，不写为 0；越低越好的按 max）计分"
	}
	return strings.NewReplacer(
		"{city}", t.City, "{cityUnits}", strconv.Itoa(c.Ranking.CityUnits),
		"{peer}", t.Peer, "{districtUnits}", strconv.Itoa(c.Ranking.DistrictUnits),
		"{unit}", t.Unit, "{department}", t.Department, "{actions}", zh.Or(actions), "{kindDefault}", kindDefault,
		"{allActions}", zh.Or(all), "{unitPlaceholder}", "{unit}", "{unreported}", unreported)
}

// GenericWords replaces the placeholders of a field's Help with what they
// are and where an office sets them, for the reference and for files not
// written for one office: 上级（[terms] city） for {city}.
func GenericWords() *strings.Replacer {
	return strings.NewReplacer(
		"{city}", "上级（[terms] city）", "{cityUnits}", "[ranking] cityUnits",
		"{peer}", "同级（[terms] peer）", "{districtUnits}", "[ranking] districtUnits",
		"{unit}", "单位（[terms] unit）", "{department}", "[[department]]", "{actions}", "[terms] actions 中奖励以外的措施",
		"{kindDefault}", "；不填为约谈（[terms] actions 中没有约谈时须填写）",
		"{allActions}", "[terms] actions 之一，如“约谈”“奖励”", "{unitPlaceholder}", "{unit}",
		"{unreported}", "按 [ranking] unreported 排在最后（默认）或按最低分计")
}
