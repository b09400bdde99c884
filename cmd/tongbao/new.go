package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/build"
	"tongbao/internal/sheet"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// placeholder stands for a narrative paragraph of the previous circular.
const placeholder = site.Placeholder

func cmdNew(args []string, stdout, stderr io.Writer) int {
	var opts build.Options
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	siteFlags(flags, &opts)
	xlsx := flags.Bool("xlsx", false, "另生成填报工作簿 data/YYYY-MM.xlsx（填好后用 tongbao import 导入）")
	rest, ok := parse(flags, args, stderr)
	if !ok {
		return 2
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "用法：tongbao new YYYY-MM [-s 目录] [--xlsx]，如 tongbao new 2023-03")
		return 2
	}
	year, month, ok := parseMonth(rest[0])
	if p, span := site.ParsePeriod(rest[0]); !ok && span && p.Kind != site.Monthly {
		// What a newcomer tries for the quarter's circular: it has no
		// file of data to start, and its circular is not drafted.
		fmt.Fprintf(stderr, "tongbao new: “%s”是%s：tongbao new 只新建月份。季度、半年和年度通报没有自己的数据文件，由各月的数据算出："+
			"在 content/circulars/ 中新建一个通报，前置信息写 data = \"%s\"，正文用 township-ranking、period-table 等短代码（见 docs/rules.md 的“季度、半年和年度”）\n",
			rest[0], p.Kind.Noun(), rest[0])
		// Or the office assesses once a quarter, a half or a year, with
		// no months to aggregate: its period is a file of its last month.
		first, last := p.Months()
		fmt.Fprintf(stderr, "按%s考核、没有月度数据的机关，每%s一个数据文件，以最后一个月命名：tongbao new %04d-%02d，再把其中的 period 改为 \"%d-%d月\"（见 docs/rules.md 的“按%s考核的机关”）\n",
			p.Kind.Noun(), p.Kind.Noun(),
			p.Year, last, first, last, p.Kind.Noun())
		return 2
	}
	if !ok {
		fmt.Fprintf(stderr, "tongbao new: 月份“%s”格式不对，应为 YYYY-MM%s\n", rest[0], monthFix(rest[0], "2023-03"))
		return 2
	}
	key := fmt.Sprintf("%04d-%02d", year, month)
	files := []struct{ rel, text string }{
		{rel: "data/" + key + ".toml"},
		{rel: "content/circulars/" + key + ".md"},
	}
	if *xlsx {
		files = append(files, struct{ rel, text string }{rel: "data/" + key + ".xlsx"})
	}
	// Check both before writing either: a refusal leaves the site as it was.
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(opts.Source, filepath.FromSlash(f.rel))); err == nil {
			fmt.Fprintf(stderr, "tongbao new: 文件 %s 已存在，不会覆盖。如要重新生成，请先删除或改名。\n", f.rel)
			return 1
		}
	}
	// The new month follows the site as it stands, so that must load.
	s, err := site.Load(opts.Source)
	if err != nil {
		fmt.Fprintln(stderr, "tongbao new: 站点现有的输入有问题，请先修正（tongbao check）：")
		return report(stderr, err)
	}
	if k := s.Assesses(); s.Config.Assesses != nil && k != site.Monthly {
		if p, _ := k.Written(month); p == "" {
			fmt.Fprintf(stderr, "tongbao new: %s\n", k.NotEnding(year, month))
			return 1
		}
	}
	sc := newScaffold(s, year, month)
	files[0].text, files[1].text = sc.monthFile(), sc.circularFile()
	if *xlsx {
		book, err := sheet.Blank(s, key, sc.period(), sc.prev, []byte(files[0].text))
		if err != nil {
			return report(stderr, err)
		}
		files[2].text = string(book)
	}
	var written []string
	for _, f := range files {
		if err := writeNew(filepath.Join(opts.Source, filepath.FromSlash(f.rel)), f.text); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			if errors.Is(err, os.ErrExist) {
				fmt.Fprintf(stderr, "tongbao new: 文件 %s 已存在，不会覆盖。\n", f.rel)
			} else {
				fmt.Fprintf(stderr, "tongbao new: 无法写入 %s：%v\n", f.rel, err)
			}
			return 1
		}
		written = append(written, filepath.Join(opts.Source, filepath.FromSlash(f.rel)))
	}
	from := "（没有更早的月份，列出了全部指标）"
	if sc.prev != nil {
		from = "（根据 " + sc.prev.Key + " 生成）"
	}
	fmt.Fprintf(stdout, "tongbao: 已创建 %s 和 %s%s\n", files[0].rel, files[1].rel, from)
	// How a month is gathered from the departments, where indicators
	// have them: a workbook each, merged when it comes back.
	owned := s.Owned()
	if *xlsx {
		fmt.Fprintf(stdout, "tongbao: 已创建填报工作簿 %s：填好后运行 tongbao import %s %s，以其内容替换 %s\n", files[2].rel, key, files[2].rel, files[0].rel)
		if owned {
			fmt.Fprintf(stdout, "分发给各部门填写的：可发出这个工作簿，或运行 tongbao export %s 分发 --departments，给每个责任单位各写一份只含其指标的工作簿；"+
				"交回后运行 tongbao import %s 交回的工作簿.xlsx… --merge（可一次给多个；加 --dry-run 先看改动），只并入其中新填的内容\n", key, key)
		}
	} else {
		fmt.Fprintln(stdout, "请填写标有“待填写”的名次、"+scoredNoun(s)+"、进展和成文日期，再运行 tongbao check 查看尚缺的内容。")
		if owned {
			fmt.Fprintf(stdout, "由各责任单位填写的：运行 tongbao export %s 分发 --departments，给每个单位各写一份只含其指标的工作簿，交回后运行 tongbao import %s 交回的工作簿.xlsx… --merge\n", key, key)
		}
	}
	// Gathering takes days; the site need not wait for it.
	fmt.Fprintf(stdout, s.Assesses().Reword().Replace("这个月齐全之前，tongbao build 会因它尚缺的内容而失败；其间要发布其余页面（如更正已发的通报），运行 tongbao build --without %s\n"), key)
	return 0
}

var monthArgRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// monthFix ends the message of a month argument that is not YYYY-MM:
// what to write when it is a month written loosely (2024-4, 2024年4月),
// else an example.
func monthFix(arg, example string) string {
	if m, ok := site.LooseMonth(arg); ok {
		return "：写作 " + m
	}
	return "，如 " + example
}

func parseMonth(s string) (year, month int, ok bool) {
	m := monthArgRE.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(m[1])
	month, _ = strconv.Atoi(m[2])
	return year, month, month >= 1 && month <= 12
}

// writeNew creates a file that must not exist yet, even if another
// process made it since the check.
func writeNew(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}

// A scaffold derives a new month and its circular from the latest ones.
type scaffold struct {
	s           *site.Site
	year, month int
	key         string
	prev        *site.Month    // the latest month before the new one, or nil
	circ        *site.Circular // the circular to follow, or nil
}

func newScaffold(s *site.Site, year, month int) *scaffold {
	sc := &scaffold{s: s, year: year, month: month, key: fmt.Sprintf("%04d-%02d", year, month)}
	for _, m := range s.Months { // oldest first
		if m.Key < sc.key {
			sc.prev = m
		}
	}
	// Follow the circular of the previous month, or else the latest
	// monthly one.
	for _, c := range s.Circulars {
		if sc.prev != nil && c.Data == sc.prev.Span() {
			sc.circ = c
		}
	}
	if sc.circ == nil { // else the latest month's: a year's has other sections
		for _, c := range s.Circulars {
			if c.Data.Kind == site.Monthly {
				sc.circ = c
			}
		}
	}
	return sc
}

// period guesses the period label: a single month, unless the month
// before was written as a span ending with its month (1-3月 of an office
// assessing once a quarter, 第一季度, 7-12月 of one every half year, 上
// 半年): then the months since, as the same kind of span (4-6月, 第二季
// 度, 1-6月, 下半年), from January in a new year. A monthly office
// whose month before was months from January, 1-3月 or longer, writes
// its months cumulatively: 1-4月 follows. The first file of an office
// that config.toml says assesses once a quarter (half, year) is of
// the period its month ends: 1-3月 of data/2024-03.toml.
func (sc *scaffold) period() string {
	single := fmt.Sprintf("%d月", sc.month)
	if sc.prev == nil {
		if sc.s.Config.Assesses != nil {
			if p, _ := sc.s.Assesses().Written(sc.month); p != "" {
				return p
			}
		}
		return single
	}
	first := 1
	if sc.prev.Year == sc.year {
		first = sc.prev.Month + 1
	}
	if was, last, dash, ok := site.MonthSpan(sc.prev.Period); ok && sc.prev.Kind() == site.Monthly &&
		was == 1 && last == sc.prev.Month && last >= 3 && first > 1 {
		// 1-2月 alone says no more than that January and February were
		// assessed together: 3月 may follow.
		return fmt.Sprintf("1%s%d月", dash, sc.month)
	}
	if kind := sc.prev.Kind(); kind != site.Monthly {
		if _, _, _, ok := site.MonthSpan(sc.prev.Period); !ok { // named: 第一季度, 上半年
			was, _ := sc.prev.Reported().Months()
			n := sc.prev.Month - was + 1
			if first != sc.month-n+1 || sc.month%n != 0 {
				return single
			}
			return namedLike(sc.prev.Period, kind, sc.month/n)
		}
	}
	// Only as long a span as the one before: 3月 after 1-2月 is the
	// month it says, where 3-5月 after 1-2月 would guess at a cadence.
	was, last, dash, ok := site.MonthSpan(sc.prev.Period)
	if !ok || last != sc.prev.Month {
		return single
	}
	if span := sc.prev.Month - was; span < 1 || sc.month-first != span {
		return single
	}
	return fmt.Sprintf("%d%s%d月", first, dash, sc.month)
}

// before is the file before as the new one's notes call it: 上月, 上季度
// of an office assessing once a quarter, 上期 of one every half year (上
// 半年 would be January to June).
func (sc *scaffold) before() string { return "上" + sc.s.Assesses().Each() }

// label is the new file's period as titles write it (site.Month.Label):
// 2024年3月, 2024年1-2月, 2025年度 of a year's file of period = "全年".
func (sc *scaffold) label() string {
	return (&site.Month{Year: sc.year, Month: sc.month, Period: sc.period()}).Label()
}

// titleLabel names the period in the first circular's title as an
// office of its kind names it: 2024年第一季度, 2024年上半年, 2024年度 for
// the file of a quarterly, half-yearly or yearly office, whose figures
// say 2024年1-3月; a monthly office's month as label does.
func (sc *scaffold) titleLabel() string {
	k := sc.s.Assesses()
	switch {
	case k == site.Quarterly && sc.month%3 == 0:
		return site.Period{Kind: k, Year: sc.year, N: sc.month / 3}.Label()
	case k == site.HalfYearly && sc.month%6 == 0:
		return site.Period{Kind: k, Year: sc.year, N: sc.month / 6}.Label()
	case k == site.Yearly && sc.month == 12:
		return site.Period{Kind: k, Year: sc.year}.Label()
	}
	return sc.label()
}

// monthFile writes data/YYYY-MM.toml through the month file's format:
// every indicator that had a result in the previous month (every
// indicator without one), with what stays the same carried forward and
// every value to fill left as a commented-out key.
//
// The townships of an indicator scored by township are listed as commented
// lines under a real [result.townships] table: the file is valid TOML, and
// `tongbao check` reports each township still missing a score, by name,
// until its line is filled in.
func (sc *scaffold) monthFile() string {
	s := sc.s
	rk := s.Config.Ranking
	w := site.NewOfficeWriter(site.MonthFile, &s.Config).For(s.Assesses())
	if sc.prev != nil {
		w.Comment(fmt.Sprintf("%s的考核结果。由 tongbao new 根据 %s 生成。", sc.label(), sc.prev.Key))
		if changed := sc.methodChanged(); changed != "" {
			w.Comment(changed)
		}
	} else {
		w.Comment(sc.label() + "的考核结果。由 tongbao new 生成。")
	}
	w.Comment("\n待填写：去掉行首的 # 并填上数值，不适用的行删去。tongbao check 会列出尚缺的" + scoredNoun(s) + "。")
	// The ranks from above the office is not given are not asked for.
	higher := s.Higher()
	var help []string
	for _, p := range []string{"overallCity", "result.city", "result.district", "result.progress", "result.notApplicable", "result.unreported", "result.townships"} {
		if higher.Uses(p[strings.LastIndex(p, ".")+1:]) {
			help = append(help, p)
		}
	}
	w.Help(help...)
	w.Line("")
	w.Value("period", 11, sc.period(), "")
	if higher.City {
		last := "待填写"
		if sc.prev != nil && sc.prev.OverallCity > 0 {
			last += fmt.Sprintf("；%s：%d", sc.before(), sc.prev.OverallCity)
		}
		w.Todo("overallCity", 0, "", w.Label(site.MonthFile.Field("overallCity"))+"（"+last+"）")
	}

	for _, ind := range s.Indicators {
		var prev *site.Result
		if sc.prev != nil {
			// Last month's indicators, and a new one no month has
			// assessed yet (a new 考核办法): its scores are asked for.
			if prev = sc.prev.Result(ind.ID); prev == nil && !s.NewIndicator(ind) {
				continue
			}
		}
		// A derived score (扣分制, deduct) is reckoned from its counts,
		// which are asked for: its [[result]] only for what else last
		// month's held (progress, ranks from above), and never a score.
		if ind.Deduct != nil && (prev == nil || prev.Progress == "" && prev.City == 0 && prev.District == 0) {
			continue
		}
		w.Line("")
		w.Tables("result")
		w.Value("result.indicator", 0, ind.ID, ind.Name)
		if prev != nil {
			if prev.DistrictLabel != s.Config.Terms.Peer {
				w.Value("result.districtLabel", 0, prev.DistrictLabel, "")
			}
			if prev.DistrictUnits != rk.DistrictUnits {
				w.Value("result.districtUnits", 0, prev.DistrictUnits, "")
			}
		}
		switch {
		case prev == nil:
			if higher.City {
				w.Todo("result.city", 8, "", "")
			}
			if higher.Peer {
				w.Todo("result.district", 8, "", "")
			}
		default:
			if prev.City > 0 {
				w.Todo("result.city", 8, "", sc.before()+"："+rankText(prev.City, prev.CityTie))
			}
			if prev.District > 0 {
				w.Todo("result.district", 8, "", sc.before()+"："+rankText(prev.District, prev.DistrictTie))
			}
		}
		if prev == nil || prev.Progress != "" {
			w.Todo("result.progress", 0, `""`, "")
		}
		if ind.Townships == nil || ind.Deduct != nil {
			continue
		}
		scored := prev == nil || len(prev.Scores) > 0
		last := map[*site.Unit]float64{}
		// Last month's scores as its circular printed them, to its
		// decimals then (11.0, not 11).
		lastScore := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
		if prev != nil {
			for _, sc := range prev.Scores {
				last[sc.Unit] = sc.Value
			}
			decimals := ind.In(sc.prev.Key).Decimals
			lastScore = func(v float64) string { return strconv.FormatFloat(v, 'f', decimals, 64) }
		}
		if scored {
			w.Table("result.townships", ind.ValueName()+"（待填写）")
		} else {
			w.TodoTable("result.townships", sc.before()+"没有"+ind.ValueName()+"；本"+sc.s.Assesses().Each()+"如有，去掉本行和下面各行的 #")
		}
		for _, u := range ind.Townships {
			if !u.AssessedIn(sc.key) {
				continue
			}
			note := ""
			if v, ok := last[u]; ok {
				note = sc.before() + "：" + lastScore(v)
			}
			// The first month of a township that continues another:
			// last month's score is the other's, named.
			for _, was := range u.Was {
				if v, ok := last[was]; ok && note == "" {
					note = sc.before() + "（" + was.Name + "）：" + lastScore(v)
				}
			}
			// One the indicator did not apply to last month (不涉及), or
			// that did not report (未报送), is said so, its reason too,
			// where a blank note read as a score forgotten: whether it
			// applies, or reports, this month is the office's to say again.
			if prev != nil && note == "" {
				for _, said := range []struct {
					is   func(*site.Unit) (string, bool)
					word string
				}{{prev.Excludes, "不涉及"}, {prev.Unreports, "未报送"}} {
					if reason, ok := said.is(u); ok {
						note = sc.before() + "：" + said.word
						if reason != "" {
							note += "（" + reason + "）"
						}
					}
				}
			}
			w.TodoEntry("result.townships", u.Name, note)
		}
	}

	categories := site.MonthFile.Field("categories")
	if sc.prev != nil && len(sc.prev.Categories) > 0 {
		w.Line("")
		w.Comment(categories.Label + "（沿用" + sc.before() + "，如有调整请修改）")
		w.Table("categories", "")
		for _, c := range site.CarryCategories(sc.prev.Categories, sc.key) {
			names := make([]string, len(c.Units))
			for i, u := range c.Units {
				names[i] = u.Name
			}
			w.Entry("categories", c.Name, names)
		}
	} else if len(sc.s.Departments) > 0 {
		// An office without departments has nothing to sort into
		// categories and is not asked to.
		w.Line("")
		w.Comment(w.Describe(categories))
		w.TodoTable("categories", "")
		w.Comment(`"一类" = []`)
	}
	w.Line("")
	handEntryExamples(w, "加减分、奖励和约谈按需填写；规则得出、经研究本月不予采取的措施写 [[waiver]]，例如：")
	return w.String()
}

// methodChanged says what of the 考核办法 takes effect since last month:
// each indicator's [[indicator.change]] from a month after last month's
// up to this one, each [[rule]] that starts in them or ended since; ""
// when nothing does.
func (sc *scaffold) methodChanged() string {
	since := func(key string) bool { return key > sc.prev.Key && key <= sc.key }
	var inds []string
	for _, ind := range sc.s.Indicators {
		set := ind.In("") // the setting each change builds on
		for i, c := range ind.Changes {
			before := set
			set = c.Setting
			if !since(c.From) {
				continue
			}
			parts := ind.ChangeParts(i, func(pers []string) []string {
				return []string{"扣分标准改为" + strings.Join(pers, "、")} // 扣分标准改为群众投诉件数每件扣1分
			})
			inds = append(inds, before.Name+strings.Join(parts, "，")) // 信访稳定改称“信访工作”: the name it had
		}
	}
	// Rules by what befalls them: 第6、7条自本月起适用.
	var said []string
	which := map[string][]string{}
	for i, r := range sc.s.Config.Rules {
		what := ""
		switch {
		case r.Span.From != "" && since(r.Span.From):
			what = "自本月起适用"
		case r.Span.Until != "" && r.Span.Until >= sc.prev.Key && r.Span.Until < sc.key:
			p, _ := site.ParsePeriod(r.Span.Until)
			what = "已于" + p.Label() + "截止"
		default:
			continue
		}
		if which[what] == nil {
			said = append(said, what)
		}
		which[what] = append(which[what], strconv.Itoa(i+1))
	}
	var rules []string
	for _, what := range said {
		rules = append(rules, "第"+strings.Join(which[what], "、")+"条"+what)
	}
	var out []string
	if len(inds) > 0 {
		out = append(out, "考核办法自本月起调整（data/indicators.toml 的 [[indicator.change]]）："+strings.Join(inds, "；")+"。")
	}
	if len(rules) > 0 {
		out = append(out, "奖惩规则（config.toml 的 [[rule]]）："+strings.Join(rules, "；")+"。")
	}
	return strings.Join(out, "\n")
}

// handEntryExamples writes, commented out, an example of each entry a
// month file takes by hand (an adjustment, a reward, an interview, a
// waiver of a rule's measure): where the office edits a month, it learns
// what it may write.
func handEntryExamples(w *site.Writer, intro string) {
	w.Comment(intro)
	for i, path := range []string{"adjustment", "reward", "interview", "waiver"} {
		if i > 0 {
			w.Line("#")
		}
		w.Example(path)
	}
}

func rankText(rank int, tie bool) string {
	if tie {
		return fmt.Sprintf("%d（并列）", rank)
	}
	return strconv.Itoa(rank)
}

// circularFile writes content/circulars/YYYY-MM.md: the front matter of
// the previous circular carried forward (the next serial number, the new
// title; the date left to fill, so check reports it), and its section
// skeleton — headings and shortcodes — with narrative replaced by a
// placeholder.
func (sc *scaffold) circularFile() string {
	var b strings.Builder
	b.WriteString("+++\n")
	c := sc.circ
	if c == nil {
		b.WriteString("# number = \"〔" + strconv.Itoa(sc.year) + "〕1号\"   # 文号（待填写）\n")
		fmt.Fprintf(&b, "title  = %s   # 请改写\n", site.Quote("关于"+sc.titleLabel()+"考核情况的通报"))
	} else {
		if number, ok := sc.nextNumber(); ok {
			fmt.Fprintf(&b, "number = %s   # 按上一期文号顺延，请核对\n", site.Quote(number))
		} else {
			fmt.Fprintf(&b, "# number = %s   # 文号（待填写；上一期为 %s）\n", site.Quote(""), c.Number)
		}
		title := c.Title
		if old := sc.oldLabel(); old != "" && strings.Contains(title, old) {
			fmt.Fprintf(&b, "title  = %s\n", site.Quote(strings.ReplaceAll(title, old, sc.label())))
		} else if old, label := sc.spanLabels(); old != "" && strings.Contains(title, old) {
			fmt.Fprintf(&b, "title  = %s\n", site.Quote(strings.ReplaceAll(title, old, label)))
		} else {
			fmt.Fprintf(&b, "title  = %s   # 沿用上一期标题，请改写\n", site.Quote(title))
		}
	}
	b.WriteString("# date   = YYYY-MM-DD         # 成文日期（待填写，印发时填上并去掉行首的 #）\n")
	b.WriteString("# published = YYYY-MM-DD      # 发布日期：晚于成文日期在网站上发布时填写\n")
	format := "letter"
	if c != nil {
		if !c.Letter {
			format = "file"
		}
		fmt.Fprintf(&b, "to     = %s\n", site.Quote(c.To))
	} else {
		b.WriteString("# to     = \"\"               # 主送机关（待填写）\n")
	}
	fmt.Fprintf(&b, "data   = %s\n", site.Quote(sc.key))
	fmt.Fprintf(&b, "format = %s\n", site.Quote(format))
	if c != nil && len(c.Issuers) > 0 {
		// A joint series (两办's monthly circular) stays joint.
		names := make([]string, len(c.Issuers))
		for k, name := range c.Issuers {
			names[k] = site.Quote(name)
		}
		fmt.Fprintf(&b, "issuers = [%s]\n", strings.Join(names, ", "))
	}
	if c != nil {
		carryRecord(&b, c)
	}
	b.WriteString("+++\n\n")
	if c == nil {
		b.WriteString(withGrades(defaultSkeleton(sc.s.Config.Terms, sc.label(), sc.prev != nil && len(sc.prev.Categories) > 0, sc.s.Higher().Any()), sc.graded()))
	} else {
		// The actions are those the skeleton lists nowhere: it keeps the
		// shortcode lines of a part the body put out with <!-- … -->, which
		// a part added for the same action would repeat.
		body := skeleton(string(c.Body), sc.oldLabel(), sc.label())
		b.WriteString(withGrades(withActions(body, sc.unlistedActions(c, []byte(body))), sc.graded()))
	}
	return b.String()
}

// graded reports whether a [[grade]] of config.toml grades the new month
// (a monthly one in force for it), as the ranking judges it
// (rank.Period.Gradings).
func (sc *scaffold) graded() bool {
	p := site.Period{Kind: site.Monthly, Year: sc.year, N: sc.month}
	return slices.ContainsFunc(sc.s.Config.Grades, func(g site.Grade) bool {
		return g.Period == site.Monthly && g.AppliesTo(p)
	})
}

// gradesLineRE matches a shortcode line that lists levels (grades).
var gradesLineRE = regexp.MustCompile(`^\s*\{\{<\s*grades\b`)

// rankingLineRE matches the composite ranking's shortcode line.
var rankingLineRE = regexp.MustCompile(`^\s*\{\{<\s*township-ranking\b`)

// withGrades drafts in the body the list of the month's levels where the
// month is graded and the body, drafted from a circular of a month that
// was not (a [[grade]] from next January), lists none: {{< grades >}}
// after the composite ranking, which it grades, or at the end. Where the
// month is graded by none (a [[grade]] until last December) it takes out
// the lists of levels the body carried, each of which would say 本期未评定
// 等次 and be warned of. Otherwise the body is left as it is.
func withGrades(body string, graded bool) string {
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	listed := slices.ContainsFunc(lines, gradesLineRE.MatchString)
	switch {
	case graded && !listed:
		at := len(lines)
		for i, line := range lines {
			if rankingLineRE.MatchString(line) {
				at = i + 1
			}
		}
		lines = slices.Insert(lines, at, "", "{{< grades >}}")
	case !graded && listed:
		var kept []string
		for _, line := range lines {
			if gradesLineRE.MatchString(line) {
				if n := len(kept); n > 0 && strings.TrimSpace(kept[n-1]) == "" {
					kept = kept[:n-1] // the blank line before it
				}
				continue
			}
			kept = append(kept, line)
		}
		lines = kept
	default:
		return body
	}
	return strings.Join(lines, "\n") + "\n"
}

// unlistedActions are the actions of the monthly rules come into force
// since the circular followed (c) and in force for the new month that
// body, drafted from it, lists nowhere: a rule of a new action (书面检查,
// from next January) in a body written before it. A rule of before is
// left alone: its measures went unlisted in c too, written out by hand
// perhaps.
func (sc *scaffold) unlistedActions(c *site.Circular, body []byte) []string {
	var out []string
	since := c.Data.LastMonth()
	for _, a := range sc.s.Config.Terms.Actions {
		if slices.ContainsFunc(sc.s.Config.Rules, func(r site.Rule) bool {
			return r.Action == a && r.Period == site.Monthly && r.Span.From > since && r.Span.Contains(sc.key)
		}) && !build.Lists(body, a) {
			out = append(out, a)
		}
	}
	return out
}

// measuresLineRE matches a shortcode line that lists measures.
var measuresLineRE = regexp.MustCompile(`^\s*\{\{<\s*(rewards|interviews|measures)\b`)

// withActions adds to the skeleton body a part for each action, after its
// last list of measures (or at its end), headed as the part before it
// and left to be titled: the build refuses the placeholder until it is.
// A part before it headed by a heading of its own gets one of the same
// level; one under a heading that heads other lists too (## 三、奖惩, its
// parts headed by bold paragraphs, which the skeleton leaves to write) a
// paragraph — a heading of that level would make the new part a section
// beside 奖惩 rather than a part of it.
func withActions(body string, actions []string) string {
	if len(actions) == 0 {
		return body
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	at, head, lists := len(lines), -1, 0
	for i, line := range lines {
		if measuresLineRE.MatchString(line) {
			at = i + 1
		}
	}
	for i, line := range lines[:at] {
		switch {
		case headingRE.MatchString(line):
			head, lists = i, 0
		case measuresLineRE.MatchString(line):
			lists++
		}
	}
	heading := ""
	if head >= 0 && lists <= 1 {
		heading = lines[head][:len(lines[head])-len(strings.TrimLeft(lines[head], "#"))] + " "
	}
	var add []string
	for _, a := range actions {
		sc := "{{< measures " + site.Quote(a) + " >}}"
		if a == site.RewardAction {
			sc = "{{< rewards >}}"
		}
		add = append(add, "", heading+placeholder+a, "", sc)
	}
	lines = slices.Insert(lines, at, add...)
	return strings.Join(lines, "\n") + "\n"
}

// carryRecord carries forward what the office writes the same every month,
// the 主题分类, the 附注 and the 版记's 抄送 and 印发机关, and leaves the 印发日期 and the
// attachments, which are the month's own, to fill in.
func carryRecord(b *strings.Builder, c *site.Circular) {
	if c.Topic != "" {
		fmt.Fprintf(b, "topic  = %s\n", site.Quote(c.Topic))
	}
	switch len(c.Notes) {
	case 0:
	case 1:
		fmt.Fprintf(b, "note   = %s\n", site.Quote(c.Notes[0]))
	default:
		quoted := make([]string, len(c.Notes))
		for k, n := range c.Notes {
			quoted[k] = site.Quote(n)
		}
		fmt.Fprintf(b, "note   = [%s]\n", strings.Join(quoted, ", "))
	}
	if c.CC != "" {
		fmt.Fprintf(b, "cc     = %s\n", site.Quote(c.CC))
	}
	if c.Printer != "" {
		fmt.Fprintf(b, "printer = %s\n", site.Quote(c.Printer))
	}
	if c.Printed != (site.Date{}) {
		b.WriteString("# printed = YYYY-MM-DD        # 印发日期（待填写，填上并去掉行首的 #）\n")
	}
	if n := len(c.Attachments); n > 0 {
		fmt.Fprintf(b, "# 上一期有 %d 个附件；本期的附件各写一项（去掉行首的 #），文件路径相对于本文件所在的文件夹：\n", n)
		b.WriteString("# [[attachment]]\n# title = \"\"\n# file  = \"附件/\"\n")
	}
}

// spanLabels are the followed circular's quarter or half year and the
// new one's as titles write them (2024年第一季度, 2024年第二季度; 2024年
// 下半年, 2025年上半年) when both month files report one of the same kind
// (site.Month.Kind): an office assessing once a quarter or every half
// year titles its circular so, where its files say 1-3月 or 7-12月.
func (sc *scaffold) spanLabels() (old, label string) {
	if sc.circ == nil || sc.circ.Data.Kind != site.Monthly {
		return "", ""
	}
	next := &site.Month{Year: sc.year, Month: sc.month, Period: sc.period()}
	for _, m := range sc.s.Months {
		if m.Span() == sc.circ.Data && m.Kind() != site.Monthly && next.Kind() == m.Kind() {
			return m.Reported().Label(), next.Reported().Label()
		}
	}
	return "", ""
}

// namedLike names the n-th period of kind as was, the period before,
// names its own: 第二季度 after 第一季度, 二季度 after 一季度, 下半年 after
// 上半年, 上半年度 after 下半年度.
func namedLike(was string, kind site.PeriodKind, n int) string {
	was = strings.TrimSpace(was)
	if kind == site.Yearly {
		return was // 全年 after 全年
	}
	if kind == site.HalfYearly {
		half := [...]string{"", "上", "下"}[n] + "半年"
		if strings.HasSuffix(was, "度") {
			half += "度"
		}
		return half
	}
	word := zh.Numeral(n) + "季度"
	if strings.HasPrefix(was, "第") {
		return "第" + word
	}
	return word
}

func (sc *scaffold) oldLabel() string {
	if sc.circ == nil {
		return ""
	}
	for _, m := range sc.s.Months {
		if m.Span() == sc.circ.Data {
			return m.Label()
		}
	}
	return sc.circ.Data.Label()
}

// nextNumber continues the 文号 of the followed circular: the same 代字,
// the year the new circular is likely issued in, and the next free serial
// of that year (1 in a new year).
func (sc *scaffold) nextNumber() (string, bool) {
	prefix := sc.circ.Code
	if prefix == "" {
		return "", false
	}
	// The new circular is issued as long after its month as the last one
	// was after its own: 2023-02's was dated 2023-04-03.
	year := sc.year
	if c := sc.circ; c.Data.Year > 0 && c.Date.Year > 0 {
		_, last := c.Data.Months()
		lag := (c.Date.Year*12 + c.Date.Month) - (c.Data.Year*12 + last)
		issued := sc.year*12 + (sc.month - 1) + max(lag, 0)
		year = issued / 12
	}
	serial := 0
	for _, c := range sc.s.Circulars {
		if c.Code == prefix && c.Year == year {
			serial = max(serial, c.Serial)
		}
	}
	return fmt.Sprintf("%s〔%d〕%d号", prefix, year, serial+1), true
}

var shortcodeLineRE = regexp.MustCompile(`^\s*\{\{<.*>\}\}\s*$`)
var headingRE = regexp.MustCompile(`^#{1,6}\s`)

// skeleton keeps a circular body's headings and shortcode lines and
// replaces each run of narrative between them by one placeholder.
func skeleton(body, oldLabel, newLabel string) string {
	var b strings.Builder
	pending, blank := false, true
	flush := func() {
		if pending {
			if !blank {
				b.WriteString("\n")
			}
			b.WriteString(placeholder + "\n")
			blank, pending = false, false
		}
	}
	for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case headingRE.MatchString(line) || shortcodeLineRE.MatchString(line):
			flush()
			if oldLabel != "" {
				line = strings.ReplaceAll(line, oldLabel, newLabel)
			}
			if !blank {
				b.WriteString("\n")
			}
			b.WriteString(line + "\n")
			blank = false
		default:
			pending = true
		}
	}
	flush()
	return b.String()
}

// defaultSkeleton is the body of a first circular: the sections of the
// sample, which follows the seed document, in the office's words — its
// sections, its units, and a part for each of its actions. The 考核排类
// are there only if the month carries them (categories): its file leaves
// them to be written, and a shortcode of nothing would not build. The
// list of the higher ranks' bottom group (city-bottom) is there unless
// the office has no higher ranks (higher, site.Higher): it would say
// 本期没有排全市后三的单项目标 every month, of ranks the office is never
// given.
func defaultSkeleton(terms site.Terms, label string, categories, higher bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "现将%s考核情况通报如下：\n\n## 一、任务完成情况\n", label)
	for i, sec := range terms.Sections {
		fmt.Fprintf(&b, "\n### （%s）%s\n\n{{< indicators %s >}}\n", zh.Numeral(i+1), sec, strconv.Quote(sec))
	}
	fmt.Fprintf(&b, "\n## 二、督查发现问题情况\n\n%s\n", placeholder)
	if higher {
		b.WriteString("\n{{< city-bottom >}}\n")
	}
	fmt.Fprintf(&b, "\n## 三、考核排名\n\n### （一）%s综合考核排名\n\n{{< township-ranking >}}\n", terms.Unit)
	if categories {
		fmt.Fprintf(&b, "\n### （二）%s考核排类\n\n{{< categories >}}\n", terms.Department)
	}
	b.WriteString("\n## 四、考核奖惩\n")
	for i, a := range terms.Actions {
		if a == site.RewardAction {
			fmt.Fprintf(&b, "\n### （%s）获奖单位\n\n{{< rewards >}}\n", zh.Numeral(i+1))
		} else {
			fmt.Fprintf(&b, "\n### （%s）%s\n\n{{< interviews %s >}}\n", zh.Numeral(i+1), a, strconv.Quote(a))
		}
	}
	return b.String()
}
