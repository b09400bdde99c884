package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tongbao/internal/zh"
)

// This file describes the data formats: each key a file may hold, its
// kind, whether it must be there, and what staff read about it (a label
// and a line of help, in Chinese). The loader reads a file by its
// description (record), `tongbao new` and gen-demo write one through it
// (Writer), and a workbook layout can be derived from it: a column per
// field, headed by its label, the help as its note.

// A Kind is the type of a field's value.
type Kind int

const (
	Text         Kind = iota // a string
	Integer                  // a whole number
	Number                   // a number, whole or decimal
	Flag                     // true or false
	Rank                     // a rank: a whole number from 1 to the number ranked
	UnitRef                  // the name (or slug) of a unit of data/units.toml
	IndicatorRef             // the id of an indicator of data/indicators.toml
	Tables                   // an array of tables of the field's Fields: [[result]]
	Scores                   // a table of one number per township, keyed by name or slug
	Lists                    // a table of lists of unit names, keyed by names staff choose
	Section                  // a table of the field's Fields: [ranking]
	Texts                    // an array of strings
	Day                      // a date: 2023-04-03
	UnitSet                  // "all", or an array of names of ranked units
	// Noted is an array of strings, each of which may instead be a table
	// of the field's Fields, the first of them what the string alone
	// says, the others a note on it: exempt = ["2024-02", {month =
	// "2024-03", reason = "数据报送不全"}]. An office says why only where
	// it has a reason to give, and the short form stays valid.
	Noted
	// Lines is a string, or an array of strings each on a line of its
	// own: note = "此件公开发布", or note = ["此件公开发布", "联系人：…"].
	// The short form stays valid where a list was added.
	Lines
)

// A Field is one key of a data file.
type Field struct {
	Key   string
	Kind  Kind
	Label string // short Chinese name: a workbook's column heading
	// Help is what to write, in Chinese. {city}, {cityUnits}, {peer},
	// {districtUnits}, {unit}, {department}, {actions}, {allActions} (every
	// action, 奖励 too) and {kindDefault}
	// (what an [[interview]] without a kind is) in it stand for
	// the office's own words and numbers ([terms], [ranking]): a file
	// written for one office says them (Config.Words), the reference says
	// where they are set (GenericWords).
	Help string
	// Sheet is what to write in a workbook's cell (internal/sheet), where
	// Help speaks of the month file's keys and values; "" when Help says
	// it in the cells' words already. Its placeholders are Help's.
	Sheet string
	// SheetLabel is Label in the office's words, where it has one:
	// {city}排名 for 上级排名. A workbook's heading, and the name a month
	// file written for the office gives the key.
	SheetLabel string
	Required   bool
	// Values are the values a Text may take, when it may take only
	// these: ties = "competition" or "dense".
	Values []string
	// Meant are the Chinese words for Values, one each (季度 for
	// quarter): a value written in Chinese is answered with the value
	// whose word it holds, as a misspelt one is with the nearest.
	Meant  []string
	Fields []Field // the keys of each table, for Tables and Section
}

// suggestValue is Suggest of s among f's Values, or, for s in Chinese,
// the value whose word (Meant) s holds, the longest such word: 半年度 is
// half, not year.
func suggestValue(s string, f *Field) string {
	if hint := Suggest(s, f.Values); hint != "" {
		return hint
	}
	best := -1
	for i, w := range f.Meant {
		if strings.Contains(s, w) && (best < 0 || len(w) > len(f.Meant[best])) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return fmt.Sprintf("，是否为“%s”？", f.Values[best])
}

// A Format is one kind of data file.
type Format struct {
	Name   string // 月度考核数据
	Fields []Field
}

// Field returns the field at a dotted path of keys, "result.city". A path
// the format lacks is a programming error: it panics.
func (f *Format) Field(path string) *Field {
	fields := f.Fields
	var found *Field
	for _, key := range strings.Split(path, ".") {
		found = nil
		for i := range fields {
			if fields[i].Key == key {
				found = &fields[i]
				break
			}
		}
		if found == nil {
			panic("site: the " + f.Name + " format has no field " + path)
		}
		fields = found.Fields
	}
	return found
}

// lookup is Field without the panic, for a path read from a file: the
// field at keys, whose element indexes ("result", "0", "city") are
// skipped, and the key below a Scores or Lists field, which staff name
// (result.townships.甲镇 is the field townships, entry 甲镇). The field is
// nil when the format has no such key.
func (f *Format) lookup(keys []string) (field *Field, entry string) {
	fields := f.Fields
	for _, key := range keys {
		if field != nil && (field.Kind == Scores || field.Kind == Lists) {
			return field, key
		}
		var next *Field
		for i := range fields {
			if fields[i].Key == key {
				next = &fields[i]
			}
		}
		if next == nil {
			if _, err := strconv.Atoi(key); err == nil && field != nil {
				continue // an element's index
			}
			return nil, ""
		}
		field, fields = next, next.Fields
	}
	return field, ""
}

// UnitsFile is data/units.toml, the units (DESIGN.md §4). File order is
// the canonical order of units.
var UnitsFile = &Format{Name: "单位", Fields: []Field{
	{Key: "group", Kind: Tables, Label: "组",
		Help: "分组排名时的组，按顺序写；写了组，各项排名都在组内进行；不分组则不写", Fields: []Field{
			{Key: "name", Kind: Text, Label: "组名", Required: true, Help: "组的名称，如“县（市）组”，也用于排名句：“县（市）组排名前三的为”"},
			{Key: "unit", Kind: Text, Label: "单位称谓",
				Help: "数本组单位的句子对它们的称呼，如“县（市）”：“县（市）组涉及该项工作共5个县（市）”；只有其中一类参加的照样写那一类（“共3个县”）；不写则用 [terms] unit"},
		}},
	{Key: "township", Kind: Tables, Label: "排名单位",
		Help: "参与排名的单位（[terms] unit），按通报中列出的顺序，至少一个", Fields: []Field{
			{Key: "name", Kind: Text, Label: "名称", Required: true, Help: "单位全称，如“甲镇”；名称在全部单位中不能重复"},
			{Key: "slug", Kind: Text, Label: "网址名", Required: true, Help: "用于网址的英文名：小写字母、数字和连字符，如 jiazhen；不能重复"},
			{Key: "otherNames", Kind: Texts, Label: "其他名称",
				Help: "人们也用的名称，如全称、旧称 [\"区发展和改革局\"]（名称为“区发改局”时）：在站内搜索这些词也能找到本单位的页面，页面上列出；不能是别的单位或指标的名称；可不填"},
			{Key: "group", Kind: Text, Label: "所属组", Help: "所属组（[[group]] 的 name）；有 [[group]] 时必填，没有时不写"},
			{Key: "from", Kind: Text, Label: "起始月份",
				Help: "新设或更名后的单位，第一个参加考核的月份，如 \"2022-07\"；此前各月没有它的得分；不写则一直参加。按季度、半年或年度考核的，数据文件以一期的最后一个月命名，from、until 之间有这个月的一期它才参加：from 写这一期中的哪个月都一样（\"2025-07\"、\"2025-09\" 都从第三季度起），通常写行政区划调整的月份"},
			{Key: "until", Kind: Text, Label: "截止月份",
				Help: "撤销、合并或更名前的单位，最后一个参加考核的月份，如 \"2022-06\"；此后各月没有它的得分；不写则一直参加。按季度、半年或年度考核的，最后一期是最后一个月不晚于 until 的一期：第二季度最后参加考核的写 \"2025-06\"，写 \"2025-07\"、\"2025-08\" 也是（第三季度的 \"2025-09\" 晚于它）；接续它的单位的 from 写同一个月的，两者没有同时参加过一期考核，仍是更名"},
			{Key: "became", Kind: Text, Label: "后续单位",
				Help: "写了 until 时，更名后或并入的单位（另一个 [[township]] 的名称），如“甲镇”；两者的历史页互相链接；可不填"},
			{Key: "exempt", Kind: Noted, Label: "免考月份",
				Help: "本单位免于考核的月份，如 [\"2024-02\"]：这些月份它不参加任何排名，月度数据中没有它的得分，前后的月份照常；要写明原因的，把那一项写作 {month = \"2024-02\", reason = \"数据报送不全\"}，原因写入通报附表和 `table`、`period-table` 短代码的表下、单位页面、指标页面和考核排名页的表下、站内搜索和开放数据（提前写好的、还没有月度数据的月份，单位页面和站内搜索等这个月的数据文件建立后才写出）；按季度、半年、年度考核的机关写这一期的数据文件的月份（免于第三季度考核写 \"2024-09\"，写季度中的其他月份报错）；不写则每月都参加", Fields: []Field{
					{Key: "month", Kind: Text, Label: "月份", Required: true, Help: "免于考核的月份，如 \"2024-02\""},
					{Key: "reason", Kind: Text, Label: "原因", Help: "免于考核的原因，如“数据报送不全”“撤并过渡期”；可不填"},
				}},
		}},
	{Key: "department", Kind: Tables, Label: "责任单位",
		Help: "负责指标的单位（[terms] department），可列入考核排类；不参与排名，不分组", Fields: []Field{
			{Key: "name", Kind: Text, Label: "名称", Required: true, Help: "单位全称，如“县发改局”"},
			{Key: "slug", Kind: Text, Label: "网址名", Required: true, Help: "用于网址的英文名，如 fagai"},
			{Key: "otherNames", Kind: Texts, Label: "其他名称",
				Help: "人们也用的名称，如全称、旧称 [\"区发展和改革局\"]（名称为“区发改局”时）：在站内搜索这些词也能找到本单位的页面，页面上列出；不能是别的单位或指标的名称；可不填"},
			{Key: "from", Kind: Text, Label: "起始月份",
				Help: "新设或更名后的单位（机构改革），第一个参加考核的月份，如 \"2019-03\"；此前各月的排类中没有它；不写则一直参加"},
			{Key: "until", Kind: Text, Label: "截止月份",
				Help: "撤销、合并或更名前的单位，最后一个参加考核的月份，如 \"2019-02\"；此后各月的排类中没有它；不写则一直参加"},
			{Key: "became", Kind: Text, Label: "后续单位",
				Help: "写了 until 时，更名后或职责划入的单位（另一个 [[department]] 的名称）；以前的单位负责的指标由它接着负责；可不填"},
		}},
}}

// IndicatorsFile is data/indicators.toml, the indicator catalogue in
// document order (DESIGN.md §4).
var IndicatorsFile = &Format{Name: "指标", Fields: []Field{
	{Key: "indicator", Kind: Tables, Label: "指标", Help: "每个指标一项，按通报中的顺序", Fields: []Field{
		{Key: "id", Kind: Text, Label: "指标 id", Required: true,
			Help: "用于网址和数据文件的英文名：小写字母、数字、下划线和连字符，如 gongye；不能重复"},
		{Key: "name", Kind: Text, Label: "名称", Required: true, Help: "指标名称，如“规模工业增加值”；不能重复"},
		{Key: "section", Kind: Text, Label: "栏目",
			Help: "[terms] sections 之一；有 parent 时可不写（同上级）"},
		{Key: "parent", Kind: IndicatorRef, Label: "上级指标",
			Help: "把本项嵌套在另一指标之下（写在它后面，只能嵌套一层）；上级也有自己的得分、两项都计入综合考核（权重都不为 0，有共同的单位）时，`check`、`build` 和预览在这里提醒：上级的得分已含本项的，同一项计了两次，把其中一项写 `weight = 0`；不写则为栏目下的一项"},
		{Key: "owners", Kind: Texts, Label: "责任单位", Help: "负责本项的单位的名称，如 [\"县发改局\"]：[[department]]，也可以是参与排名的 [[township]]（考核县直单位的机关中，县信访局负责信访件办理，自己也参与排名）；可不填"},
		{Key: "townships", Kind: UnitSet, Label: "参与排名的单位",
			Help: "\"all\"：全部排名单位；或排名单位名称的数组；不写则本项没有单位得分，只有上级、同级排名"},
		{Key: "better", Kind: Text, Label: "得分方向", Values: []string{"higher", "lower"},
			Help: "higher：得分越高越好（默认）；lower：越低越好（如发案数）"},
		{Key: "weight", Kind: Number, Label: "权重", Help: "在综合考核中的权重，默认 1；0 表示只列出、不计入综合考核"},
		{Key: "decimals", Kind: Integer, Label: "小数位数", Help: "得分比较前保留的小数位数（0～6），通报中的得分也写到这一位；默认 2，scoreUnit 为件、次、个、人、户、家、项等计数单位的默认 0（得分是整数，写作 3 而不是 3.00）。得分的位数多于写明的 decimals（`decimals = 1` 而得分为 85.46）时，按四舍五入后的 85.5 排名，与 85.45 并列，`check` 会在这个得分处提醒"},
		{Key: "min", Kind: Number, Label: "最低分", Help: "得分的下限，如 0；低于它的得分报错（多半是录入时打错了）；不写则不限"},
		{Key: "max", Kind: Number, Label: "满分", Help: "得分的上限，如 40；高于它的得分报错，如把 38.4 打成 48.4、384；按件数扣分（deduct）的从它扣起；考核办法自某月起调整了满分的，这里写原来的，新的写在 [[indicator.change]] 的 max 中；各期 data.json 和单位和指标目录写明（见“开放数据”）；不写则不限"},
		{Key: "rankingLabel", Kind: Text, Label: "排名名称",
			Help: "写在排名句前，如“空气质量” → “空气质量排名全县前三的为……”；可不填"},
		{Key: "scoreUnit", Kind: Text, Label: "得分单位",
			Help: "得分的计量单位，如 \"%\"、\"件\"、\"万元\"：通报附表和排名表的“得分”列写作“得分（%）”，开放数据中写明；件、次、起、人等计数单位的（计数的指标，如信访件数、安全事故起数），它的值是件数、次数、起数、人数而不是得分，各处都这样称呼：附表和排名表的列写作“件数”“件数（越少越好）”，表题后写“（件数越少，排名越前）”，单位页面写“信访件数第十一（越少越好，2件，第一名0件）”，指标页面写“件数越少越好”，`check`、填报工作簿和开放数据的说明也说件数，`new`、`import`、`export` 和填报工作簿说到各项的值合在一起时写“得分或件数”（“本月尚有 6 个得分或件数未填”）；单位和指标历史页的各年排名表中，格子里的值后由读屏软件读出单位（“3名，2件”，而不是“3名，得分2”）；不填则只写“得分”"},
		{Key: "shortNames", Kind: Texts, Label: "简称",
			Help: "人们常用的简称，如 [\"社消零\"]（社会消费品零售总额）：在站内搜索这些词也能找到本指标的页面，页面上列出；不能是别的指标的名称或简称，也不能是单位的名称；可不填"},
		{Key: "deduct", Kind: Tables, Label: "扣分",
			Help: "扣分制：本项的得分由其他指标的件数折算，如 deduct = [{ indicator = \"xinfang\", per = 1 }]（每件信访扣1分）：各单位每月的得分 = 满分 max − Σ per × 件数，扣完为止（不低于 min，不写 min 则不低于 0），按本项的 decimals 四舍五入；" +
				"月度数据只填件数，不填本项的得分（填了是错误）；件数一项须写 better = \"lower\"；某单位某月没有件数（未考核、漏填）则本项也没有得分，几项件数中不涉及它的那几项不扣分，都不涉及的本项也不涉及；须写 max；扣分标准自某月起改变的，写在 [[indicator.change]] 的 deduct 中；可不填", Fields: deductFields},
		{Key: "change", Kind: Tables, Label: "考核办法调整",
			Help: "考核办法调整后，本指标的权重、小数位数、得分方向、名称、满分、最低分或每件扣分（deduct 的 per）自某月起改变时，每次改变写一项 [[indicator.change]]，紧跟在本指标之后；此前各月仍按原来的值排名，已发布的通报不变；不改变则不写", Fields: changeFields},
	}},
}}

// deductFields are the keys of each count of a deduct: the indicator
// counted, and the points a 件 of it deducts.
var deductFields = []Field{
	{Key: "indicator", Kind: IndicatorRef, Label: "件数指标", Required: true, Help: "按其件数扣分的指标 id，如 \"xinfang\"：越低越好（better = \"lower\"），本身不由件数折算"},
	{Key: "per", Kind: Number, Label: "每件扣分", Required: true, Help: "每件扣的分数，大于 0，如 1、0.5"},
}

// changeFields are the keys of an [[indicator.change]]: the month it
// takes effect, and the indicator's own keys it may change, described as
// those are.
var changeFields = []Field{
	{Key: "from", Kind: Text, Label: "起始月份", Required: true,
		Help: "自这个月起按本项的值排名，如 \"2025-01\"；同一指标的各项不能是同一个月"},
	{Key: "better", Kind: Text, Label: "得分方向", Values: []string{"higher", "lower"},
		Help: "自 from 起的得分方向：higher 越高越好，lower 越低越好；不写则沿用此前的"},
	{Key: "weight", Kind: Number, Label: "权重", Help: "自 from 起在综合考核中的权重；不写则沿用此前的"},
	{Key: "decimals", Kind: Integer, Label: "小数位数", Help: "自 from 起得分比较前保留的小数位数（0～6）；不写则沿用此前的"},
	{Key: "deduct", Kind: Tables, Label: "扣分", Help: "自 from 起每件扣的分数，如 deduct = [{ indicator = \"xinfang\", per = 2 }]：只用于写了 deduct 的指标，所依据的件数指标与它的 deduct 相同，只改 per；不写则沿用此前的", Fields: deductFields},
	{Key: "max", Kind: Number, Label: "满分", Help: "自 from 起的满分（得分的上限），如 35：此前各月的得分仍按原来的满分检查，按件数扣分（deduct）的此前各月仍从原来的满分扣起；须大于这个月的 min；不写则沿用此前的"},
	{Key: "min", Kind: Number, Label: "最低分", Help: "自 from 起的最低分（得分的下限），如 0：按件数扣分的扣到它为止；须小于这个月的 max；不写则沿用此前的"},
	{Key: "name", Kind: Text, Label: "名称", Help: "自 from 起的指标名称（改称）；此前各月的通报仍用原来的名称，指标页面用最新的，站内搜索旧名称也能找到它，导入的表格用旧名称作表头也认得；不写则沿用此前的"},
}

// CircularFront is the front matter of a circular, a Markdown file under
// content/circulars/ (DESIGN.md §6).
var CircularFront = &Format{Name: "通报前置信息", Fields: []Field{
	{Key: "number", Kind: Text, Label: "文号", Required: true,
		Help: "发文字号，如“某政办函〔2024〕3号”：六角括号〔〕、四位年份、序号不加“第”和前导零，数字用半角；年份和序号决定网址 /circulars/2024/3/"},
	{Key: "title", Kind: Text, Label: "标题", Required: true, Help: "通报标题，如“关于2024年1月重点工作落实情况的通报”；其中的数字用半角（全角的照写，check 提醒）"},
	{Key: "date", Kind: Day, Label: "成文日期", Required: true, Help: "成文日期，如 2024-02-20（不加引号）；早于所通报的月份（或季度、年度）时 build 和 check 提醒，多半是年份或月份写错了"},
	{Key: "published", Kind: Day, Label: "发布日期", Help: "在网站上发布的日期，如 2024-02-22（不加引号），不早于成文日期；页面的元数据、订阅（feed）和网站地图用它；与成文日期相同就不写"},
	{Key: "to", Kind: Text, Label: "主送机关", Help: "主送机关，如“各乡镇人民政府，县直各单位”；可不填"},
	{Key: "data", Kind: Text, Label: "通报期别", Required: true,
		Help: "所通报的月份，如 \"2024-01\"（须有 data/2024-01.toml；没有时报错，标题写的月份有数据文件的——data 的年份或月份写错了，或复制来的标题没有改——错误中一并指出）；或季度 \"2024-Q1\"、半年 \"2024-H1\"、年度 \"2024\""},
	{Key: "slug", Kind: Text, Label: "网址名",
		Help: "网址的最后一段，默认为文号的序号（/circulars/2024/3/）；写 slug = \"fa-3\"，网址为 /circulars/2024/fa-3/。只在两种文号（如“某政办函〔2024〕3号”和“某政办发〔2024〕3号”）年份和序号相同、网址相撞时给其中一份写；小写字母、数字和“-”"},
	{Key: "indexNo", Kind: Text, Label: "索引号",
		Help: "政府信息公开的索引号，默认为 config.toml 的 orgCode、年份和五位序号（000000000/2024-00003）；门户网站另有编排，或两种文号的序号相同时写上"},
	{Key: "format", Kind: Text, Label: "公文格式", Help: "letter：信函格式（默认，用于“函”）；file：文件格式"},
	{Key: "issuers", Kind: Texts, Label: "联合发文机关",
		Help: "几个机关联合发文时写上各机关的全称，主办机关在前，如 [\"中共某县委办公室\", \"某县人民政府办公室\"]；须有本站的发文机关（config.toml 的 issuer）；文件格式的版头依次排列各机关名称、“文件”二字居右，信函格式的版头只用主办机关的（GB/T 9704），标题、落款和发布机构列出各机关，文号、印发机关用主办机关的；不写则只有 config.toml 的 issuer"},
	{Key: "valid", Kind: Text, Label: "有效性", Help: "有效（默认）、失效或废止，显示在页面的元数据中；失效、废止的通报在 data.json 中记为 valid，考核数据页在它的一行中标明（已废止）"},
	{Key: "topic", Kind: Text, Label: "主题分类", Help: "本期的主题分类，显示在页面的元数据中；不填用 config.toml 中 [terms] 的 topic（默认“综合政务”）"},
	{Key: "note", Kind: Lines, Label: "附注", Help: "写在成文日期下，加圆括号，如“此件公开发布”；联系人和电话也写在附注中（GB/T 9704 的版记没有这一项），如“此件公开发布，联系人：王明，联系电话：0739-1234567”；几项各加圆括号、各占一行的，写成数组，如 [\"此件公开发布\", \"联系人：王明，联系电话：0739-1234567\"]；可不填"},
	{Key: "cc", Kind: Text, Label: "抄送机关", Help: "写在文末版记中，如“市政府办公室，县委办公室”；可不填"},
	{Key: "printer", Kind: Text, Label: "印发机关", Help: "文件格式的版记中的印发机关，默认为 config.toml 的 issuer；只在写了 printed 时列出"},
	{Key: "printed", Kind: Day, Label: "印发日期", Help: "文件格式的版记中的印发日期，如 2024-02-21（不加引号）；不填则版记不列印发机关和日期；信函格式不用"},
	{Key: "entry", Kind: Tables, Label: "条目调整",
		Help: "只在本期通报中调整 indicators 短代码写出的某一项，每项一个：排名句后加一段话（after）、代替排名句（ranking）或不列出这一项（omit）；考核数据、综合考核、附表、data.json 和其他各期不变；月度通报才能写", Fields: []Field{
			{Key: "indicator", Kind: IndicatorRef, Label: "指标", Required: true, Help: "本月有考核结果的指标 id，如 \"gongye\""},
			{Key: "after", Kind: Text, Label: "排名句后", Help: "紧接这一项的排名句（没有排名句时紧接进展情况）写的一段话，可用行内 Markdown，如“丁乡增速连续两月全县第一，予以通报表扬。”；可不填"},
			{Key: "ranking", Kind: Text, Label: "排名句", Help: "代替生成的排名句的文字（分组时代替各组的排名句，又排全县排名的连同全县的一句），如“该项数据正在核实，本月暂不通报排名。”；附表和 data.json 仍列出排名；只用于有单位排名的指标；可不填"},
			{Key: "omit", Kind: Flag, Label: "不列出", Help: "true：本期通报的 indicators 短代码不写这一项（其余各项依次编号），city-bottom 也不列它，单位页面开头复述通报的几句也不提它；不能与 after、ranking 同写；可不填"},
		}},
	{Key: "waiver", Kind: Tables, Label: "免予措施",
		Help: "季度、半年、年度通报（data = \"2024-Q1\"、\"2024-H1\"、\"2024\"）的奖惩规则（[[rule]]）本期得出、经研究不予采取的措施，每项一个，如“发生较大安全生产事故，取消年度评先评优资格”（一票否决）；规则不变，只这一期通报的正文不列出，通报附表、单位页面的奖惩情况和 data.json 写明原因；月度的写在当月数据文件中；可不填", Fields: waiverFields},
	updatedField,
	{Key: "correction", Kind: Text, Label: "更正说明",
		Help: "发布后更正了什么，如“甲镇规模工业增加值增速得分由8.5更正为6.0，排名相应调整”：页面上通报之前写明“更正说明（更新日期）：……”（打印时不印），data.json 记为 circular.correction；须同时写 updated；可不填"},
	attachmentField,
	aliasesField,
}}

// updatedField is the date a published circular or page was last
// corrected: a feed reader, a search engine and the open data's users
// learn of a correction by it.
var updatedField = Field{Key: "updated", Kind: Day, Label: "更新日期",
	Help: "发布后更正或修改的日期，如 2024-03-05（不加引号）；不早于成文（发布）日期；订阅（feed）、网站地图和考核数据页以它为更新日期（订阅列出最近发布或更正的 50 份通报，更正过的旧通报也在其中），考核数据页在通报的一行列出更正日期，通报的 data.json 记为 updated，页面的元数据中列出；没有更正就不写"}

// aliasesField is the earlier addresses of a circular or a page.
var aliasesField = Field{Key: "aliases", Kind: Texts, Label: "旧网址",
	Help: "本文以前的网址（改了文号，或改了文件名、移了文件夹之后），如 [\"/circulars/2024/3/\"]，从网站根目录写起；生成时在每个旧网址写一个转到本文的页面，别处指向旧网址的链接仍然有效；可不填"}

// attachmentField is the attachments of a circular or a page.
var attachmentField = Field{Key: "attachment", Kind: Tables, Label: "附件", Help: "随本文发布的文件，每个一项，按附件顺序；正文后列出“附件：”及下载链接", Fields: []Field{
	{Key: "title", Kind: Text, Label: "附件名称", Required: true, Help: "如“2024年1月各乡镇考核得分汇总表”（末尾不加标点）"},
	{Key: "file", Kind: Text, Label: "文件", Required: true,
		Help: "文件的路径，相对于本文件所在的文件夹，如 \"附件/2024-01得分汇总表.xlsx\"；须在 content/ 之下，不超过 50 MB；类型为 " + attachmentTypesText},
}}

// PageFront is the front matter of a plain page: any other Markdown file
// under content/ (DESIGN.md §6).
var PageFront = &Format{Name: "页面前置信息", Fields: []Field{
	{Key: "title", Kind: Text, Label: "标题", Required: true, Help: "页面标题"},
	{Key: "date", Kind: Day, Label: "发布日期", Help: "发布日期，如 2024-02-20（不加引号）；文件夹的列表页按它从新到旧排列；可不填"},
	{Key: "valid", Kind: Text, Label: "有效性", Help: "有效（默认）、失效或废止；不是“有效”时显示在标题下"},
	updatedField,
	attachmentField,
	aliasesField,
}}

// MonthFile is data/YYYY-MM.toml, one assessed month (DESIGN.md §4).
var MonthFile = &Format{Name: "月度考核数据", Fields: []Field{
	{Key: "period", Kind: Text, Label: "期别",
		Help: "标题所用的期别，如“1-2月”；不填则为“N月”；写的是本文件的月份，或以它结束的几个月（data/2024-03.toml 写“3月”“1-3月”或“第一季度”）；中文输入法打出的全角数字和连接号（“１－２月”）照读，标题写作“1-2月”；不写年份（年份是文件名的）；别的写法（“二月”“1、2月”）照写入标题，check 提醒"},
	{Key: "overallCity", Kind: Rank, Label: "上级综合排名", SheetLabel: "{city}综合排名",
		Help: "本地区在{city}综合排名中的名次（1～{cityUnits}），可不填"},
	{Key: "result", Kind: Tables, Label: "考核结果", Help: "每个指标一项", Fields: []Field{
		{Key: "indicator", Kind: IndicatorRef, Label: "指标", Required: true,
			Help: "data/indicators.toml 中的指标 id"},
		{Key: "city", Kind: Rank, Label: "上级排名", SheetLabel: "{city}排名",
			Help: "本项在{city}排名中的名次（1～{cityUnits}），可不填"},
		{Key: "cityTie", Kind: Flag, Label: "上级并列", SheetLabel: "{city}并列",
			Help:  "{city}排名并列时填 true",
			Sheet: "{city}排名并列时填“是”"},
		{Key: "district", Kind: Rank, Label: "同级排名",
			Help:  "本项在{peer}排名中的名次（1～{districtUnits}；本项写了 districtLabel、districtUnits 时以其为准），可不填",
			Sheet: "本项在{peer}（或本行“同级排名名称”）中的名次（1～{districtUnits}，或本行“同级单位数”），可不填"},
		{Key: "districtTie", Kind: Flag, Label: "同级并列",
			Help:  "{peer}排名并列时填 true",
			Sheet: "同级排名并列时填“是”"},
		{Key: "districtLabel", Kind: Text, Label: "同级排名名称",
			Help:  "本项的同级排名与 [terms] peer 不同时填写，如“四区”",
			Sheet: "本项的同级排名不是{peer}时填写，如“四区”"},
		{Key: "districtUnits", Kind: Integer, Label: "同级单位数",
			Help:  "本项的同级单位数与 [ranking] districtUnits 不同时填写",
			Sheet: "本项的同级单位数不是{districtUnits}个时填写"},
		{Key: "progress", Kind: Text, Label: "进展情况",
			Help:  "进展情况（可用行内 Markdown）；排名句子由 tongbao 生成；不填则只有排名",
			Sheet: "进展情况；排名句子由 tongbao 生成；不填则只有排名"},
		{Key: "notApplicable", Kind: Noted, Label: "不涉及的单位",
			Help: "本月不涉及本项工作的单位（如当月没有规模以上工业企业），如 [\"甲镇\"]：它们本月不写得分，本项在其余单位中排名，排名句写“涉及该项工作共N个…”，它们的综合考核按其余各项计算；要写明原因的，把那一项写作 {township = \"甲镇\", reason = \"本月无规模以上工业企业\"}；须是本项参与排名的单位；写在 [result.townships] 之前；不写则都涉及", Fields: []Field{
				{Key: "township", Kind: UnitRef, Label: "单位", Required: true, Help: "不涉及本项工作的单位的名称或 slug"},
				{Key: "reason", Kind: Text, Label: "原因", Help: "不涉及的原因，如“本月无规模以上工业企业”；可不填"},
			}},
		{Key: "unreported", Kind: Noted, Label: "未报送的单位",
			Help: "本月应报送而未报送本项的单位，如 [\"甲镇\"]：它们不写得分（通报中得分处写“未报送”），仍参加本项排名，{unreported}，综合考核照此计入；要写明原因的，把那一项写作 {township = \"甲镇\", reason = \"逾期未报送\"}；须是本项参与排名的单位，不能又写在 notApplicable 中；写在 [result.townships] 之前；不写则都已报送", Fields: []Field{
				{Key: "township", Kind: UnitRef, Label: "单位", Required: true, Help: "未报送本项的单位的名称或 slug"},
				{Key: "reason", Kind: Text, Label: "原因", Help: "未报送的原因，如“逾期未报送”；可不填"},
			}},
		{Key: "townships", Kind: Scores, Label: "得分",
			Help:  "每个参与排名的单位一个得分，键为单位名称或 slug；同分的并列，按这里写的顺序列出；本月不评分的指标不写",
			Sheet: "每个参与排名的{unit}一个得分；同分的并列；本月不涉及这项工作的{unit}填“不涉及”，逾期未报送的填“未报送”；本月不评分的指标不填"},
	}},
	{Key: "adjustment", Kind: Tables, Label: "加减分", Help: "综合得分的加减分，可不填；通报附表和 data.json 列出每一项及其原因", Fields: []Field{
		{Key: "township", Kind: UnitRef, Label: "单位", Required: true, Help: "加减分的单位"},
		{Key: "points", Kind: Number, Label: "分值", Required: true, Help: "加分为正，减分为负"},
		{Key: "reason", Kind: Text, Label: "原因", Help: "加减分的原因；可不填"},
	}},
	{Key: "categories", Kind: Lists, Label: "考核排类",
		Help:  "各类的单位名称；列出时每个 [[department]] 恰好列入一类；不写则通报不列排类",
		Sheet: "各类的单位名称；列出时每个{department}恰好列入一类；不填则通报不列排类"},
	{Key: "reward", Kind: Tables, Label: "奖励", Help: "规则（[[rule]]）之外另行给予的奖励，可不填", Fields: []Field{
		{Key: "unit", Kind: UnitRef, Label: "单位", Required: true, Help: "获奖单位"},
		{Key: "amount", Kind: Integer, Label: "金额（元）", Required: true, Help: "奖励金额，单位为元"},
		{Key: "reason", Kind: Text, Label: "原因", Required: true, Help: "奖励原因"},
	}},
	{Key: "interview", Kind: Tables, Label: "约谈", Help: "规则（[[rule]]）之外另行采取的约谈、书面检查等措施（[terms] actions），可不填", Fields: []Field{
		{Key: "unit", Kind: UnitRef, Label: "单位", Required: true, Help: "采取措施的单位"},
		// Optional, as a rule's who is: a hand-written 通报表扬 or 书面检查 of
		// a unit has no one in it to name (东山县，通报表扬（…）).
		{Key: "who", Kind: Text, Label: "约谈对象", Help: "措施的对象，如“分管领导”；不填则只写单位（如通报表扬一个单位）"},
		{Key: "kind", Kind: Text, Label: "措施", Help: "可填{actions}{kindDefault}",
			Sheet: "填{actions}{kindDefault}"},
		{Key: "reason", Kind: Text, Label: "原因", Required: true, Help: "采取措施的原因"},
	}},
	{Key: "waiver", Kind: Tables, Label: "免予措施", Help: "规则（[[rule]]）本期得出、经研究不予采取的措施（如因防汛救灾不予约谈），可不填：规则不变，只这一期通报的正文不列出；通报附表、单位页面的奖惩情况和 data.json 写明规则的原因和不予采取的原因（附表：“甲镇，乡镇综合考核排名第一，不予奖励（发生较大安全生产事故，一票否决）。”）", Fields: waiverFields},
}}

// waiverFields are the keys of a [[waiver]]: a month file's, and a
// quarterly, half-year or annual circular's, which has no month file of
// its own to write it in.
var waiverFields = []Field{
	{Key: "unit", Kind: UnitRef, Label: "单位", Required: true, Help: "规则对其采取措施的单位"},
	{Key: "action", Kind: Text, Label: "措施", Required: true, Help: "规则得出的措施：{allActions}",
		Sheet: "规则得出的措施，如“约谈”“奖励”"},
	{Key: "reason", Kind: Text, Label: "原因", Required: true, Help: "不予采取的原因，如“全力投入防汛救灾，经研究不予约谈”"}, // no 县政府: every office reads it, a 县委督查室 too
	{Key: "last", Kind: Flag, Label: "排名末位",
		Help:  "true：一票否决，这个单位本期综合考核排名列最后（几个否决的并列最后，其余单位的名次依次提前），规则不因它列最后而对它采取措施，它本期由规则得出的这种措施（action，通常是“奖励”）都免予，没有也不报错；须是参加综合考核排名的单位；不写则只免予措施、名次不变",
		Sheet: "一票否决、本期综合考核排名列最后的填“是”（几个否决的并列最后，其余单位的名次依次提前），规则不因它列最后而对它采取措施，它本期由规则得出的这种措施都免予；不填则只免予措施、名次不变"},
}

// A record is one TOML table read by its description: every value is
// read once, as its field's kind, when the record is made; a missing
// required key, a value of the wrong kind and a key the description lacks
// are reported then, and the getters only hand the values out.
type record struct {
	t      *table
	fields []Field
	values map[string]any // by key: the values that are there and of their kind
}

// read reads t as a table of fields.
func read(t *table, fields []Field) *record {
	r := &record{t: t, fields: fields, values: make(map[string]any, len(fields))}
	for i := range fields {
		f := &fields[i]
		if f.Required && !misspelt(t, fields, f.Key) {
			t.require(f.Key)
		}
		if v, ok := r.get(f); ok {
			r.values[f.Key] = v
		}
	}
	t.done()
	return r
}

// misspelt reports whether t holds a key that fields lack and that looks
// like key misspelt (titel for title): done reports that key with key
// suggested, which says all that "缺少 key" would.
func misspelt(t *table, fields []Field, key string) bool {
	for k := range t.m {
		if !slices.ContainsFunc(fields, func(f Field) bool { return f.Key == k }) && Suggest(k, []string{key}) != "" {
			return true
		}
	}
	return false
}

// get reads one field's value as its kind; ok is false when it is not
// there or was reported.
func (r *record) get(f *Field) (any, bool) {
	t := r.t
	if !t.has(f.Key) {
		t.get(f.Key) // asked for: a misspelt key may be meant to be this one
		return nil, false
	}
	switch f.Kind {
	case Text, UnitRef, IndicatorRef:
		if v, _ := t.get(f.Key); strings.HasSuffix(f.Label, "月份") {
			// A month written unquoted, as a TOML date or a number: the
			// month to write, not the day or number textHint would quote.
			if hint := monthHint(v); hint != "" {
				t.typeErr(f.Key, "字符串", hint)
				return nil, false
			}
		}
		s := t.str(f.Key)
		if _, isString := t.m[f.Key].(string); !isString {
			return nil, false // reported: not there for checks that would report it again
		}
		if f.Required && strings.TrimSpace(s) == "" {
			// As good as missing, and said where it stands: an empty
			// reason of a waiver or name of a group would be published
			// as nothing.
			t.f.errorf(t.at(f.Key), "%s不能为空：写上%s", t.f.named(t.at(f.Key)), f.Label)
			return nil, false
		}
		if len(f.Values) > 0 && !slices.Contains(f.Values, s) {
			t.f.errorf(t.at(f.Key), "%s %s，而不是“%s”%s", f.Key, zh.Spaced("应为", zh.Or(f.Values)), s, suggestValue(s, f))
			return nil, false
		}
		return s, true
	case Integer, Rank:
		return t.intOK(f.Key)
	case Number:
		return t.float(f.Key)
	case Flag:
		return t.boolean(f.Key), true // false, reported, when it is not a boolean
	case Tables:
		tables := t.tables(f.Key)
		return tables, tables != nil
	case Scores, Lists, Section:
		sub := t.sub(f.Key)
		return sub, sub != nil
	case Texts:
		elems := t.strings(f.Key)
		return elems, elems != nil
	case Noted:
		elems := t.noted(f.Key, f.Fields)
		return elems, elems != nil
	case Lines:
		switch t.m[f.Key].(type) {
		case string:
			return []element{{t.str(f.Key), t.at(f.Key)}}, true
		case []any:
			elems := t.strings(f.Key)
			return elems, elems != nil
		}
		t.get(f.Key) // read, if of the wrong kind: not also an unknown key
		t.typeErr(f.Key, "字符串或字符串数组", "")
		return nil, false
	case Day:
		return t.date(f.Key)
	case UnitSet:
		if _, ok := t.m[f.Key].(string); ok {
			return t.str(f.Key), true
		}
		elems := t.strings(f.Key)
		return elems, elems != nil
	}
	panic(fmt.Sprintf("site: field %s has kind %d", f.Key, f.Kind))
}

// monthHint says how to write v, a month written unquoted (2023-01-01,
// 202301, 2023), as one; "" when v is none of these.
func monthHint(v any) string {
	switch v := v.(type) {
	case time.Time:
		return "加英文引号，只写年月，写作 " + Quote(v.Format("2006-01"))
	case int64:
		if m, ok := looseMonth(strconv.FormatInt(v, 10)); ok {
			return "加英文引号，写作 " + Quote(m)
		}
		if v >= 1000 && v <= 9999 {
			return fmt.Sprintf("加英文引号，写年和月，如 \"%d-01\"", v)
		}
	}
	return ""
}

func (r *record) has(key string) bool { _, ok := r.values[r.field(key).Key]; return ok }

// field returns the description of key; a key it lacks is a programming
// error.
func (r *record) field(key string) *Field {
	for i := range r.fields {
		if r.fields[i].Key == key {
			return &r.fields[i]
		}
	}
	panic("site: no field " + key)
}

func (r *record) text(key string) string { s, _ := r.values[r.field(key).Key].(string); return s }

func (r *record) int(key string) (int, bool) {
	n, ok := r.values[r.field(key).Key].(int)
	return n, ok
}

func (r *record) number(key string) (float64, bool) {
	n, ok := r.values[r.field(key).Key].(float64)
	return n, ok
}

func (r *record) flag(key string) bool { b, _ := r.values[r.field(key).Key].(bool); return b }

func (r *record) tables(key string) []*table {
	ts, _ := r.values[r.field(key).Key].([]*table)
	return ts
}

func (r *record) table(key string) *table { t, _ := r.values[r.field(key).Key].(*table); return t }

// section reads the table at key through its field's description; a
// table that is not there reads as one without keys.
func (r *record) section(key string) *record {
	f := r.field(key)
	if t := r.table(key); t != nil {
		return read(t, f.Fields)
	}
	return &record{t: &table{f: r.t.f, path: r.t.at(key), m: map[string]any{}, used: map[string]bool{}}, fields: f.Fields, values: map[string]any{}}
}

// records reads each table of the array of tables at key through its
// field's description.
func (r *record) records(key string) []*record {
	f := r.field(key)
	var out []*record
	for _, t := range r.tables(key) {
		out = append(out, read(t, f.Fields))
	}
	return out
}

// texts returns an array of strings, each with its path.
func (r *record) texts(key string) []element {
	e, _ := r.values[r.field(key).Key].([]element)
	return e
}

// noted returns a Noted array's items, each with its path and note.
func (r *record) noted(key string) []notedElement {
	e, _ := r.values[r.field(key).Key].([]notedElement)
	return e
}

func (r *record) date(key string) (Date, bool) {
	d, ok := r.values[r.field(key).Key].(Date)
	return d, ok
}

// unitSet returns a UnitSet's value: all for a string (which should be
// "all"), or the names of the array, each with its path.
func (r *record) unitSet(key string) (all string, names []element, ok bool) {
	switch v := r.values[r.field(key).Key].(type) {
	case string:
		return v, nil, true
	case []element:
		return "", v, true
	}
	return "", nil, false
}

// at is the path of key, for diagnostics about its value.
func (r *record) at(key string) string { return r.t.at(r.field(key).Key) }

// A Writer writes a data file through its format: only the keys the
// format describes, each value written as its kind. Values to fill in
// later are written as commented-out keys (Todo), so that the file stays
// valid TOML and `tongbao check` names what is missing.
type Writer struct {
	format *Format
	words  *strings.Replacer // the placeholders of labels and help (Field.Help)
	office bool              // in the office's words: labels are SheetLabel
	period *strings.Replacer // help written of months in the office's periods (For)
	b      strings.Builder
}

// NewWriter starts a file of the given format, its help saying where the
// office's words are set (GenericWords).
func NewWriter(f *Format) *Writer {
	return &Writer{format: f, words: GenericWords(), period: Monthly.Reword()}
}

// NewOfficeWriter starts a file of the given format for the office whose
// config is c: its labels and help in the office's words (Config.Words).
func NewOfficeWriter(f *Format, c *Config) *Writer {
	return &Writer{format: f, words: c.Words(), office: true, period: Monthly.Reword()}
}

// For has w's help speak of the periods of kind k that the office's
// files report (Site.Assesses): 本期 where it says 本月, to an office
// assessing every half year. It returns w.
func (w *Writer) For(k PeriodKind) *Writer {
	w.period = k.Reword()
	return w
}

// String returns the file written so far.
func (w *Writer) String() string { return w.b.String() }

// Line writes text as it is, followed by a line end: comments, blank lines.
func (w *Writer) Line(text string) {
	w.b.WriteString(text)
	w.b.WriteByte('\n')
}

// Comment writes each line of text as a comment, in the words of the
// office's periods (For), as the fields' help is.
func (w *Writer) Comment(text string) {
	for _, l := range strings.Split(w.period.Replace(text), "\n") {
		if l == "" {
			w.Line("#")
		} else {
			w.Line("# " + l)
		}
	}
}

// Tables starts an element of the array of tables at path: [[result]].
func (w *Writer) Tables(path string) {
	w.kind(path, Tables)
	w.Line("[[" + path + "]]")
}

// Section starts the table of settings at path: [ranking].
func (w *Writer) Section(path string) {
	w.kind(path, Section)
	w.Line("[" + path + "]")
}

// Table starts the table at path, [result.townships], followed by a
// comment when note is set.
func (w *Writer) Table(path, note string) {
	f := w.format.Field(path)
	if f.Kind != Scores && f.Kind != Lists {
		panic("site: " + path + " is not a table")
	}
	w.Line(comment("["+path+"]", note))
}

// Value writes key = value for the field at path, the key padded to width
// columns, followed by a comment when note is set. A float is written
// with decimals places (at least one, so that TOML reads it as a float).
func (w *Writer) Value(path string, width int, v any, note string) {
	f := w.format.Field(path)
	w.Line(comment(pad(f.Key, width)+" = "+formatValue(f, v), note))
}

// Entry writes one entry of a Scores or Lists table at path: a unit's
// score (written by the caller with its decimals), or a category's units,
// a few to a line.
func (w *Writer) Entry(path, key string, v any) {
	w.kind(path, Scores, Lists)
	switch v := v.(type) {
	case string:
		w.Line(Quote(key) + " = " + v)
	case []string:
		names := make([]string, len(v))
		for i, n := range v {
			names[i] = Quote(n)
		}
		if len(names) <= 4 {
			w.Line(Quote(key) + " = [" + strings.Join(names, ", ") + "]")
			return
		}
		w.Line(Quote(key) + " = [")
		for i := 0; i < len(names); i += 5 {
			w.Line("  " + strings.Join(names[i:min(i+5, len(names))], ", ") + ",")
		}
		w.Line("]")
	default:
		panic(fmt.Sprintf("site: entry %v of %s", v, path))
	}
}

// Todo writes the key of the field at path commented out, for staff to
// fill in: "# city     =", or with an example value after the =.
func (w *Writer) Todo(path string, width int, example, note string) {
	f := w.format.Field(path)
	line := "# " + pad(f.Key, width) + " ="
	if example != "" {
		line += " " + example
	}
	w.Line(comment(line, note))
}

// TodoEntry writes an entry of a Scores table commented out: a unit
// still to be scored.
func (w *Writer) TodoEntry(path, key, note string) {
	w.kind(path, Scores)
	w.Line(comment("# "+Quote(key)+" =", note))
}

// TodoTable writes the header of the table at path commented out.
func (w *Writer) TodoTable(path, note string) {
	w.kind(path, Scores, Lists)
	w.Line(comment("# ["+path+"]", note))
}

// Example writes a commented-out element of the array of tables at path
// with every key of its description, each with its label and help: how
// to add one by hand.
func (w *Writer) Example(path string) {
	f := w.format.Field(path)
	if f.Kind != Tables {
		panic("site: " + path + " is not an array of tables")
	}
	w.Line("# [[" + path + "]]")
	width := 0
	for _, sub := range f.Fields {
		width = max(width, len(sub.Key))
	}
	for _, sub := range f.Fields {
		if sub.Kind == Tables {
			// A table of its own under each one ([[grade.level]]), after
			// the keys: in TOML a key after it would be the sub-table's.
			defer w.Example(path + "." + sub.Key)
			continue
		}
		example := `""`
		switch sub.Kind {
		case Integer, Rank, Number:
			example = "0"
		case Flag:
			example = "false"
		}
		w.Line(comment("# "+pad(sub.Key, width)+" = "+example, w.Describe(&sub)))
	}
}

// Help writes a comment listing the fields at paths, each with its label
// and help: what a file left to fill asks for.
func (w *Writer) Help(paths ...string) {
	width := 0
	for _, p := range paths {
		width = max(width, len(w.format.Field(p).Key))
	}
	for _, p := range paths {
		f := w.format.Field(p)
		w.Line("#   " + pad(f.Key, width) + "  " + w.Describe(f))
	}
}

// Describe is f's label and help, as the file speaks: 全市排名：本项在全市排名中的名次….
func (w *Writer) Describe(f *Field) string { return w.Label(f) + "：" + w.HelpText(f) }

// HelpText is f's help as the file speaks (see Field.Help).
func (w *Writer) HelpText(f *Field) string { return w.period.Replace(w.words.Replace(f.Help)) }

// Label is f's label as the file speaks: in the office's words when it
// is written for one (NewOfficeWriter).
func (w *Writer) Label(f *Field) string {
	if w.office && f.SheetLabel != "" {
		return w.words.Replace(f.SheetLabel)
	}
	return f.Label
}

func (w *Writer) kind(path string, kinds ...Kind) {
	f := w.format.Field(path)
	for _, k := range kinds {
		if f.Kind == k {
			return
		}
	}
	panic("site: " + path + " is not of the kind written")
}

// comment appends "# note" to line, the # in column 28, when note is
// set.
func comment(line, note string) string {
	if note == "" {
		return line
	}
	return padWide(line, 27) + "# " + note
}

func pad(s string, width int) string {
	if n := len(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// padWide fills s with spaces to width columns, counting a Chinese
// character as two, with at least one space.
func padWide(s string, width int) string {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 {
			w++
		}
	}
	return s + strings.Repeat(" ", max(width-w, 1))
}

// A Note is an item of a Noted field as a Writer writes it: its value
// alone, or with its reason as a table ({township = "甲镇", reason = "…"}).
type Note struct {
	Value, Reason string
}

// formatValue writes v as the field's kind.
func formatValue(f *Field, v any) string {
	switch f.Kind {
	case Text, UnitRef, IndicatorRef:
		return Quote(v.(string))
	case Integer, Rank:
		switch n := v.(type) {
		case int:
			return strconv.Itoa(n)
		case int64:
			return strconv.FormatInt(n, 10)
		}
	case Number:
		switch n := v.(type) {
		case float64:
			return strconv.FormatFloat(n, 'f', -1, 64)
		case string:
			return n // written by the caller with its decimals
		}
	case Flag:
		return strconv.FormatBool(v.(bool))
	case Day:
		return v.(Date).String()
	case Noted:
		var items []string
		switch v := v.(type) {
		case []string:
			for _, s := range v {
				items = append(items, Quote(s))
			}
		case []Note:
			for _, n := range v {
				if n.Reason == "" {
					items = append(items, Quote(n.Value))
					continue
				}
				items = append(items, "{"+f.Fields[0].Key+" = "+Quote(n.Value)+", reason = "+Quote(n.Reason)+"}")
			}
		}
		if items != nil {
			return "[" + strings.Join(items, ", ") + "]"
		}
	case Texts, UnitSet, Lines:
		switch v := v.(type) {
		case string:
			return Quote(v) // UnitSet's "all"
		case []string:
			quoted := make([]string, len(v))
			for i, s := range v {
				quoted[i] = Quote(s)
			}
			return "[" + strings.Join(quoted, ", ") + "]"
		}
	}
	panic(fmt.Sprintf("site: value %v for field %s", v, f.Key))
}
