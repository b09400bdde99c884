package render

import (
	"cmp"
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file is the shortcodes of DESIGN.md §6: the data a circular's
// Markdown pulls in with {{< name args >}}. Each shortcode makes a view
// of the period here; its markup is the template shortcodes/<name>.html
// of the built-in theme (internal/theme) unless the site's layouts/ has
// its own.

// A shortcode is one entry of the set: its arguments and its view.
type shortcode struct {
	name             string
	minArgs, maxArgs int
	usage            string
	// view makes what the template shows, for the period p as the
	// circular's [[entry]]s edit it (ed).
	view func(c *core, p *rank.Period, ed edits, args []string) (any, error)
	// monthly says it shows what only a month has — its indicators, city
	// ranks and categories — and is an error in a quarter's, half's or
	// year's circular (DESIGN.md §5.10).
	monthly bool
	// dot is the type of what view makes, the markup's dot, by which
	// the markup's fields are checked before it runs (fieldCheck).
	dot reflect.Type
}

// shortcodeSet is DESIGN.md §6's set, the one list of names: lookups,
// the list in the unknown-name message and the built-in templates'
// names all come from it. It is a fixed table, not a registry: every
// name is part of the data format staff write against.
var shortcodeSet = []shortcode{
	{"indicators", 1, 1, `需要一个参数：栏目名（[terms] sections 之一）`, indicatorsView, true, reflect.TypeFor[[]EntryView]()},
	{"city-bottom", 0, 1, `最多一个参数：主语，即“综合排名第八”之前的部分`, cityBottomView, true, reflect.TypeFor[CityBottomView]()},
	{"township-ranking", 0, 1, `最多一个参数："numbered"（写出名次：第一名……、第二名……）`, townshipRankingView, false, reflect.TypeFor[[]string]()},
	{"categories", 0, 0, "不带参数", categoriesView, true, reflect.TypeFor[[]CategoryView]()},
	{"rewards", 0, 0, "不带参数", rewardsView, false, reflect.TypeFor[[]ListItem]()},
	{"interviews", 0, 1, `最多一个参数：措施（[terms] actions 中奖励以外的一项）`, interviewsView, false, reflect.TypeFor[[]string]()},
	{"measures", 1, 1, `需要一个参数：措施（[terms] actions 之一）`, measuresView, false, reflect.TypeFor[[]string]()},
	{"period-table", 0, 0, "不带参数", periodTableView, false, reflect.TypeFor[[]PeriodTableView]()},
	{"grades", 0, 1, `最多一个参数：指标 id（只列出这一指标的等次）`, gradesView, false, reflect.TypeFor[[]string]()},
	{"table", 1, 3, `需要一至三个参数：指标 id，表题（可不写，写 "" 为默认的表题），表下的注（可不写）`, tableView, true, reflect.TypeFor[[]TableView]()},
	{"score-table", 1, 12, `需要一至十二个参数：指标 id，每个指标一列`, scoreTableView, true, reflect.TypeFor[[]ScoreTableView]()},
}

func lookupShortcode(name string) *shortcode {
	for i := range shortcodeSet {
		if shortcodeSet[i].name == name {
			return &shortcodeSet[i]
		}
	}
	return nil
}

func shortcodeNames() []string {
	names := make([]string, len(shortcodeSet))
	for i, sc := range shortcodeSet {
		names[i] = sc.name
	}
	return names
}

// edits are a circular's [[entry]]s, by indicator id.
type edits map[string]*site.EntryEdit

// omitted reports whether the circular leaves out indicator id.
func (ed edits) omitted(id string) bool { return ed[id] != nil && ed[id].Omit }

// left reports whether the circular leaves out ind's entry: by its own
// [[entry]] omit, or its group's, whose entries go with it. What the
// circular leaves out, its city-bottom list and the unit pages' leads,
// which retell the circular, leave out too; its appendix, data.json and
// the history tables, which hold the data, keep it.
func (ed edits) left(ind *site.Indicator) bool {
	for ; ind != nil; ind = ind.Parent {
		if ed.omitted(ind.ID) {
			return true
		}
	}
	return false
}

// unranked reports whether the circular says no ranking sentence of
// ind's: left out, or other words in their place ([[entry]] ranking,
// 该项数据正在核实，本月暂不通报排名), which a lead must not contradict by
// naming the unit's place in the groups the sentence would have named.
func (ed edits) unranked(ind *site.Indicator) bool {
	return ed.left(ind) || ed[ind.ID] != nil && ed[ind.ID].Ranking != ""
}

// newEdits indexes a circular's [[entry]]s by indicator id.
func newEdits(entries []site.EntryEdit) edits {
	ed := edits{}
	for i := range entries {
		ed[entries[i].Indicator] = &entries[i]
	}
	return ed
}

// reported are the [[entry]]s of the circular that reports p (reporter),
// or none for a period no circular reports.
func (c *core) reported(p *rank.Period) edits {
	if circ := c.reporter[p]; circ != nil {
		return newEdits(circ.Entries)
	}
	return nil
}

// shortcodes returns the resolver for a document reporting period p (nil
// for a page that reports none: then no shortcode works), whose [[entry]]s
// are entries.
func (c *core) shortcodes(p *rank.Period, entries []site.EntryEdit) markdown.Resolver {
	ed := newEdits(entries)
	notes := map[string]int{} // the table notes' ids given so far (see uniqueNotes)
	return func(call markdown.Shortcode) (template.HTML, error) {
		sc := lookupShortcode(call.Name)
		if sc == nil {
			names := shortcodeNames()
			if hint := site.Suggest(call.Name, names); hint != "" {
				return "", fmt.Errorf("未知短代码“%s”%s", call.Name, hint) // township-rankin
			}
			return "", fmt.Errorf("未知短代码“%s”（可用：%s）", call.Name, strings.Join(names, "、"))
		}
		if len(call.Args) < sc.minArgs || len(call.Args) > sc.maxArgs {
			return "", fmt.Errorf("短代码“%s”%s", call.Name, sc.usage)
		}
		if p == nil {
			return "", fmt.Errorf("短代码“%s”只能用于通报（content/circulars/ 下、前置信息有 data 的文件）", call.Name)
		}
		if sc.monthly && p.Aggregate() {
			return "", fmt.Errorf("短代码“%s”只能用于月度通报：%s的通报只有综合考核排名（可用 township-ranking、period-table、rewards、interviews、measures）", call.Name, p.Label)
		}
		v, err := sc.view(c, p, ed, call.Args)
		warning, warned := err.(markdown.ShortcodeWarning) // rendered all the same
		if warned {
			err = nil
		}
		if err != nil {
			return "", err
		}
		uniqueNotes(v, notes)
		html, err := c.tmpl.shortcode(sc.name, v)
		if err != nil && c.tmpl.toldField(err) {
			return "", nil // told at the markup, before it ran
		}
		if err != nil {
			// Told at the call, which the body's error is placed at,
			// with the place in the template, which is where to mend.
			d := c.tmpl.diag(err)
			msg := strings.TrimPrefix(d.Msg, "模板错误：")
			d.Msg = ""
			return "", fmt.Errorf("短代码“%s”的模板出错：%s%s", call.Name, d.String(), msg)
		}
		if warned {
			return html, warning
		}
		return html, nil
	}
}

// uniqueNotes numbers again the notes' ids of a table shortcode's view v
// that an earlier call in the same document gave (seen counts them): a
// circular may show one table twice, and two elements of one id would
// leave a screen reader's description of the second table to chance.
func uniqueNotes(v any, seen map[string]int) {
	renumber := func(id *string) {
		if *id == "" {
			return
		}
		seen[*id]++
		if n := seen[*id]; n > 1 {
			*id = strings.TrimSuffix(*id, "-note") + "-" + strconv.Itoa(n) + "-note"
		}
	}
	switch v := v.(type) {
	case []TableView:
		for i := range v {
			renumber(&v[i].NoteID)
		}
	case []PeriodTableView:
		for i := range v {
			renumber(&v[i].NoteID)
		}
	}
}

// An EntryView is one numbered entry of `indicators`.
type EntryView struct {
	ID string
	// Lead is the entry's number and name: "1. 名称" for a section's
	// entry, "（1）名称。" for a group's, ending in 。 unless Heading.
	Lead string
	// Heading marks a group entry with children: a heading, followed by
	// its own text.
	Heading bool
	// Text is the progress text and the city and peer rank sentence;
	// empty when the period has no result for the entry.
	Text template.HTML
	// Rankings are the township ranking sentences, one per unit group,
	// or the words a circular's [[entry]] puts in their place.
	Rankings []string
	// After is what the circular's [[entry]] adds after them (inline
	// Markdown, converted); "" for nothing.
	After template.HTML
}

func indicatorsView(c *core, p *rank.Period, ed edits, args []string) (any, error) {
	section := args[0]
	if sections := c.s.Config.Terms.Sections; !slices.Contains(sections, section) {
		return nil, fmt.Errorf("未知栏目“%s”，%s（[terms] sections）", section, zh.Spaced("应为", zh.Or(sections)))
	}
	// Only the indicators the month reports are listed, numbered among
	// themselves: one added to the catalogue later, or no longer
	// assessed, is not an empty heading in the month's circular, nor
	// does it renumber the circulars published before it.
	// Nor is one the circular's [[entry]] leaves out: the entries after
	// it are numbered as if it were not in the catalogue.
	// Nor is a count (扣分制) whose derived score the month has: its
	// ranking is the score's said again, and its numbers stand beside
	// the score in the tables (countColumns).
	listed := func(ind *site.Indicator) bool {
		if ed.left(ind) || p.Month.Deducted(ind) {
			return false // a group's entries go with it: numbered on, they would read as the entry's before it
		}
		if p.Month.Result(ind.ID) != nil {
			return true
		}
		return slices.ContainsFunc(ind.Children, func(ch *site.Indicator) bool { return p.Month.Result(ch.ID) != nil && !ed.omitted(ch.ID) })
	}
	var entries []EntryView
	children := map[int]*site.Indicator{}
	top, sub := 0, 0
	for _, ind := range c.s.Indicators {
		if ind.Section != section || !listed(ind) {
			continue
		}
		// A group whose children are all counts it is derived from is
		// an entry like any other, not a heading over nothing.
		e := EntryView{ID: ind.ID, Heading: ind.Parent == nil && slices.ContainsFunc(ind.Children, func(ch *site.Indicator) bool { return !p.Month.Deducted(ch) })}
		if ind.Parent == nil {
			top, sub = top+1, 0
			e.Lead = fmt.Sprintf("%d. %s", top, ind.NameIn(p.Month.Key)) // "1. 名称", as GB/T 9704 sets the third level
		} else {
			sub++
			e.Lead = fmt.Sprintf("（%d）%s", sub, ind.NameIn(p.Month.Key))
		}
		if !e.Heading {
			e.Lead = withStop(e.Lead)
		}
		if res := p.Month.Result(ind.ID); res != nil {
			e.Text = c.entryText(res)
		}
		for _, g := range p.Groups {
			if ir := g.Indicator(ind.ID); ir != nil {
				e.Rankings = append(e.Rankings, c.rankingSentence(g, ir, p.GroupSize, p.Month.Key))
			}
		}
		if ir := p.OverallOf(ind.ID); ir != nil {
			e.Rankings = append(e.Rankings, c.rankingSentence(p.Overall, ir, p.OverallSize, p.Month.Key))
		}
		if edit := ed[ind.ID]; edit != nil {
			if edit.Ranking != "" && len(e.Rankings) > 0 {
				e.Rankings = []string{edit.Ranking}
			}
			e.After = c.md.Inline(edit.After)
		}
		entries = append(entries, e)
		if ind.Parent != nil {
			children[len(entries)-1] = ind
		}
	}
	lone(entries, children, p.Month.Key)
	if len(entries) == 0 {
		// Nothing written under the heading the Markdown gives it.
		const empty = "这个短代码什么也不写出，它前面的标题下是空的：删去这个短代码和它的标题"
		if p.Month.ReportsSection(section) {
			return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：“%s”的各项在这份通报中都写了 omit = true（不列出），%s，或删去其中一项的 omit", section, empty))
		}
		switch last, every, once := sectionRun(c.s, p.Month, section); {
		case once:
			// Reported once, in the month before: as likely a section
			// assessed every quarter, or once, as one left out.
			return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 中没有“%s”的指标，这一栏此前只在%s考核过：这个月不考核它的，%s；漏填的，在其中写这一栏指标的 [[result]]",
				p.Month.File, section, last.Label(), empty))
		case every:
			// Reported in every month since it first was, the last one
			// too: most likely left out of this month's file by mistake.
			return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 中没有“%s”的指标，而此前各月（直到%s）每月都有：漏填的，在其中写这一栏指标的 [[result]]；这个月不考核这一栏的，%s",
				p.Month.File, section, last.Label(), empty))
		case last != nil:
			return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 中没有“%s”的指标，这一栏不是每月都考核（上一次在%s）：这个月不考核它，%s", p.Month.File, section, last.Label(), empty))
		case p.Month != c.s.Months[0]:
			return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 中没有“%s”的指标，此前各月也都没有，这一栏还没有开始考核：%s", p.Month.File, section, empty))
		}
		return entries, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 中没有“%s”的指标，%s，或在其中写这一栏指标的 [[result]]", p.Month.File, section, empty))
	}
	return entries, nil
}

// sectionRun tells whether a month without results of section is most
// likely a file with them left out: the month file before m has some,
// and so has every month file since the section's first, two at least.
// last is the latest month file before m with results of section, nil
// for none. A section only some months report (one assessed every
// quarter in a monthly office) has a month without it before last, and
// one the office began to assess after m has none: neither is a slip in
// m's file, and its circular only has a heading too many. Nor is one
// reported once, in the month file before m (once): a quarter's section
// seen first in March says nothing yet of April, and two months in a row
// are the least that shows a monthly cadence.
func sectionRun(s *site.Site, m *site.Month, section string) (last *site.Month, every, once bool) {
	has := func(m *site.Month) bool { return m.ReportsSection(section) }
	before := s.Months[:max(slices.Index(s.Months, m), 0)]
	first := slices.IndexFunc(before, has)
	if first < 0 {
		return nil, false, false
	}
	j := len(before) - 1
	for !has(before[j]) {
		j--
	}
	if first == len(before)-1 {
		return before[j], false, true
	}
	// Every month from the first to the one before m, without a gap.
	return before[j], !slices.ContainsFunc(before[first:], func(o *site.Month) bool { return !has(o) }), false
}

// lone writes the entry a group lists alone, others left out by the
// circular's [[entry]] or not reported in the month, without （1）: an
// official document numbers the items of a list, and one item is none,
// so it reads as the group's text under its name. children are the
// entries of groups, by their index in entries.
func lone(entries []EntryView, children map[int]*site.Indicator, month string) {
	for i := range entries {
		ind, ok := children[i]
		if !ok {
			continue
		}
		if prev, next := children[i-1], children[i+1]; (prev == nil || prev.Parent != ind.Parent) && (next == nil || next.Parent != ind.Parent) {
			entries[i].Lead = withStop(ind.NameIn(month))
		}
	}
}

// withStop ends a name or lead-in with 。 unless it already ends a sentence.
func withStop(s string) string {
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, "：") || strings.HasSuffix(s, "？") {
		return s
	}
	return s + "。"
}

// entryText is an entry's progress text followed by its rank sentence.
func (c *core) entryText(res *site.Result) template.HTML {
	text := string(c.md.Inline(res.Progress))
	return template.HTML(text + template.HTMLEscapeString(c.rankSentence(res)))
}

// rankSentence is an entry's city and peer rank sentence (§5.4).
func (c *core) rankSentence(res *site.Result) string {
	return zh.RankSentence(c.s.Config.Terms.City+c.s.Config.Terms.CityRank, res.City, res.CityTie, res.District, res.DistrictTie, res.DistrictLabel)
}

// rankingSentence is an indicator's ranking sentence in unit group g
// (§5.3) in month: of every township, or of the group's. Townships not
// assessed in the month (units.toml from, until) are not counted; those
// the result leaves out this month (notApplicable, 不涉及) are not among
// those it applies to, and the sentence says how many it does, named
// by their kind where they are all of one (zh.Kind: 共3个街道), or as
// their group calls them (Site.UnitsCalled: 共5个县（市）).
func (c *core) rankingSentence(g *rank.UnitGroup, ir *rank.IndicatorResult, k int, month string) string {
	ind := ir.Result.Indicator
	applicable, total := 0, 0
	var in []*site.Unit // the units it applies to, whose kind the count names
	for _, u := range g.Units {
		if u.AssessedIn(month) {
			total++
			if _, na := ir.Result.Excludes(u); slices.Contains(ind.Townships, u) && !na {
				applicable++
				in = append(in, u)
			}
		}
	}
	terms := c.s.Config.Terms
	return zh.RankingSentence(zh.Ranking{
		Top:         runNames(ir.Top.Runs),
		Bottom:      runNames(ir.Bottom.Runs),
		TopExact:    ir.Top.Exact && !c.s.Config.Ranking.Loose,
		BottomExact: ir.Bottom.Exact && !c.s.Config.Ranking.Loose,
		K:           k,
		Applicable:  applicable,
		Total:       total,
		Label:       ind.RankingLabel,
		Scope:       terms.Scope,
		Unit:        c.s.UnitsCalled(in),
		Group:       g.Name,
		Unreported:  unreportedNames(ir.Ranked),
	})
}

// unreportedNames are the names of the townships of a ranking that did
// not report their value (未报送), which its sentence says so of.
func unreportedNames(ts []rank.Township) []string {
	var out []string
	for _, t := range ts {
		if t.Unreported {
			out = append(out, t.Unit.Name)
		}
	}
	return out
}

func runNames(runs [][]rank.Township) [][]string {
	out := make([][]string, len(runs))
	for i, run := range runs {
		for _, t := range run {
			out[i] = append(out[i], t.Unit.Name)
		}
	}
	return out
}

// A ListItem is an item of a numbered list: "1. …".
type ListItem struct {
	N    int
	Text string
}

// CityBottomView is `city-bottom`: the overall city rank and the entries
// ranked in the city's bottom group.
type CityBottomView struct {
	// Lead is the overall city rank, "1-2月份<scope>综合排名<city>第八。";
	// "" without one.
	Lead  string
	Items []ListItem
	// Intro leads the list, None stands for it when it is empty: the
	// office's words (issue 13's [terms]), not the markup's.
	Intro, None string
}

func cityBottomView(c *core, p *rank.Period, ed edits, args []string) (any, error) {
	m := p.Month
	period := strings.TrimSpace(m.Period)
	if period == "" {
		period = fmt.Sprintf("%d月", m.Month)
	}
	if strings.HasSuffix(period, "月") {
		period += "份" // 1-2月份; a period named otherwise is said as it is: 第一季度, 上半年, 全年
	}
	terms := c.s.Config.Terms
	bottom := c.cityBottomName(p)
	v := CityBottomView{Intro: bottom + "有：", None: "本期没有" + bottom + "。"}
	if m.OverallCity > 0 {
		subject := terms.Scope
		if len(args) > 0 {
			subject = args[0]
		}
		v.Lead = fmt.Sprintf("%s%s综合排名%s%s。", period, subject, terms.City, zh.Ordinal(m.OverallCity))
	}
	var omitted []string
	for _, e := range p.CityBottom {
		if ed.left(e.Indicator) {
			omitted = append(omitted, e.Indicator.NameIn(m.Key))
			continue // the circular leaves it out ([[entry]] omit), or its group
		}
		item := e.Indicator.NameIn(m.Key) + "，" + c.cityBottomRank(e) + "。"
		if owners := e.Indicator.OwnersIn(m.Key); len(owners) > 0 {
			item += "（责任单位：" + zh.Join(unitNames(owners)) + "）"
		}
		v.Items = append(v.Items, ListItem{N: len(v.Items) + 1, Text: item})
	}
	if len(v.Items) == 0 && len(omitted) > 0 {
		// Every entry of the list left out: "none" would be untrue.
		return v, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s（%s）在这份通报中都写了 omit = true（不列出），这里会写出“%s”，而其实有：不列出它们的，删去这个短代码；要列出的，删去 omit",
			bottom, zh.Join(omitted), v.None))
	}
	if c.peerBottom() && !m.Higher().Peer {
		// An office ranked among its peers alone: a month without a peer
		// rank has them still to come, or lost; the list it names is its
		// only use of the shortcode.
		return v, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 没有一项%s排名（各项的 district 都没有填），这里会写出“%s”：排名还没下发的，填好再发布",
			m.File, terms.Peer, v.None))
	}
	if !m.HigherRanked() {
		// Not "none in the bottom group": no rank from above at all, which
		// an office never given one, or a month whose ranks have not come
		// yet, would publish as if it were. An office never given one is
		// pointed at cityRanks = false too, which stops the month files
		// and workbooks asking for the ranks, unless it said so already.
		never := "请删去这个短代码"
		if said := c.s.Config.Ranking.CityRanks; said == nil || *said {
			never += fmt.Sprintf("，并在 config.toml 的 [ranking] 中写 cityRanks = false，以后新月份的文件和填报工作簿就不再列出%s排名", terms.City)
		}
		return v, markdown.ShortcodeWarning(fmt.Sprintf("警告：%s 没有一项%s排名（%s都没有填），这里会写出“%s”：本地区没有%s排名的，%s；排名还没下发的，填好再发布",
			m.File, terms.City, higherKeys(c.s.Higher()), v.None, terms.City, never))
	}
	return v, nil
}

// cityBottomName is what the circulars call p's city-bottom list (§5.6):
// 排全市后三的单项目标, or 靠后 of an office whose labels are loose. An
// office given its peers' ranks alone lists the entries ranked last among
// them, and names the list for them: 排三区最后的单项目标.
func (c *core) cityBottomName(p *rank.Period) string { return c.bottomName(p.GroupSize) }

// bottomName is cityBottomName of a month whose bottom groups hold k:
// what /data/ calls data.json's cityBottom too ([ranking] groupSize).
func (c *core) bottomName(k int) string {
	terms := c.s.Config.Terms
	if c.peerBottom() {
		return "排" + terms.Peer + zh.Label(1, false, true) + "的单项目标"
	}
	return "排" + terms.City + zh.Label(k, false, !c.s.Config.Ranking.Loose) + "的单项目标"
}

// peerBottom says whether the city-bottom list is the peers' (§5.6): the
// office's data holds or asks for peer ranks and no city rank
// (HigherHeld), so every entry the list can hold is one ranked last
// among its peers. An office given city ranks once keeps the city's list,
// its peer-only entries marked 只考核三区.
func (c *core) peerBottom() bool {
	h := c.s.HigherHeld()
	return h.Peer && !h.City
}

// cityBottomRank is where an entry of the city-bottom list stands, as
// the list says it: 排名第十一, or 排名第三（只考核三区） of one ranked
// among its peers alone. In the peers' own list (peerBottom) the title
// names them: 排名第三, or 排名第四（四区） of an entry whose peers are
// others (districtLabel).
func (c *core) cityBottomRank(e *site.Result) string {
	switch {
	case e.City > 0:
		return "排名" + zh.RankPhrase(e.City, e.CityTie)
	case !c.peerBottom():
		return "排名" + zh.RankPhrase(e.District, e.DistrictTie) + "（只考核" + e.DistrictLabel + "）"
	case e.DistrictLabel != c.s.Config.Terms.Peer:
		return "排名" + zh.RankPhrase(e.District, e.DistrictTie) + "（" + e.DistrictLabel + "）"
	}
	return "排名" + zh.RankPhrase(e.District, e.DistrictTie)
}

// higherKeys names the month file's keys of the rankings from above
// that the office may write: overallCity and each result's city, of the
// ranking city-bottom speaks of, and district when h has a peer ranking
// or says nothing of either — an office given no peer ranking is not
// told of a district it never writes.
func higherKeys(h site.Higher) string {
	keys := "overallCity、各项的 city"
	if h.Peer || !h.Any() {
		keys += "、district"
	}
	return keys + " "
}

func unitNames(units []*site.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

// townshipRankingView is `township-ranking ["numbered"]`: the composite
// order of each unit group, written as §5.3 writes a group, or with each
// place named (第一名……、第二名……). With groups, each group's paragraph
// starts with its name.
func townshipRankingView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	numbered := len(args) > 0
	if numbered && args[0] != "numbered" {
		return nil, fmt.Errorf("township-ranking 的参数只能是 \"numbered\"，而不是“%s”", args[0])
	}
	var orders []string
	for _, g := range p.Rankings() {
		if len(g.Composite) == 0 {
			continue
		}
		var runs [][]rank.Township
		var ranks []int
		for i, t := range g.Composite {
			if i == 0 || t.Rank != g.Composite[i-1].Rank {
				runs = append(runs, nil)
				ranks = append(ranks, t.Rank)
			}
			runs[len(runs)-1] = append(runs[len(runs)-1], t)
		}
		names := runNames(runs)
		for i, run := range runs {
			// 第六名甲镇（一票否决）: last by the veto, not by its work;
			// the vetoed tie with each other alone, 甲镇、丙镇（一票否决，并列）.
			switch {
			case len(run) > 1 && run[0].Vetoed:
				names[i] = []string{zh.Join(names[i]) + "（一票否决，并列）"}
			case len(run) == 1 && run[0].Vetoed:
				names[i][0] += "（一票否决）"
			}
		}
		order := zh.Order(names)
		if numbered {
			order = zh.NumberedOrder(names, ranks)
		}
		if g.Name != "" {
			order = g.Name + "：" + order
		}
		orders = append(orders, order+"。")
	}
	if len(orders) == 0 {
		for _, g := range p.Groups {
			for _, r := range g.Indicators {
				if len(r.Ranked) > 0 {
					// Scores there are: none on an indicator that counts.
					return nil, fmt.Errorf("%s有%s得分，但"+c.s.Assesses().Reword().Replace("这个月")+"的指标权重（data/indicators.toml 的 weight）都是 0，没有计入综合考核排名的指标", p.Label, c.s.Config.Terms.Unit)
				}
			}
		}
		return nil, fmt.Errorf("%s没有%s得分，无法给出综合考核排名", p.Label, c.s.Config.Terms.Unit)
	}
	return orders, nil
}

// CategoryView is one 考核排类 of `categories`.
type CategoryView struct {
	Name  string // 一类
	Units string // its units, joined
}

func categoriesView(c *core, p *rank.Period, _ edits, _ []string) (any, error) {
	if len(p.Month.Categories) == 0 {
		return nil, fmt.Errorf(c.s.Assesses().Reword().Replace("本月数据没有 [categories]：在 data/%s.toml 中填写本月的考核排类，或删去这个短代码"), p.Month.Key)
	}
	var out []CategoryView
	for _, cat := range p.Month.Categories {
		out = append(out, CategoryView{Name: cat.Name, Units: zh.Join(unitNames(cat.Units))})
	}
	return out, nil
}

// listEnd ends item i of n as official lists do: ；between items, 。 last.
func listEnd(i, n int) string {
	if i == n-1 {
		return "。"
	}
	return "；"
}

// rewardsView is `rewards`: the period's rewards, numbered.
func rewardsView(c *core, p *rank.Period, _ edits, _ []string) (any, error) {
	rewards := p.Rewards()
	items := make([]ListItem, len(rewards))
	for i, a := range rewards {
		items[i] = ListItem{N: i + 1, Text: measureText(a, false) + listEnd(i, len(rewards))}
	}
	return items, nil
}

// interviewsView is `interviews`: the period's measures of one action
// but the rewards, or all of them.
func interviewsView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	action := ""
	if len(args) > 0 {
		action = args[0]
		if err := c.checkAction(action); err != nil {
			return nil, err
		}
		if action == site.RewardAction {
			return nil, fmt.Errorf("奖励用 rewards 或 measures \"%s\" 列出", action)
		}
	}
	// One list of several kinds of measure must say which each is:
	// 东山县，通报表扬（…）, 火车站乡行政负责人，约谈（…）.
	return measureItems(p.Interviews(action), action == "" && c.otherActions() > 1), nil
}

// otherActions counts the office's actions other than 奖励: with more than
// one, an unqualified `interviews` mixes kinds.
func (c *core) otherActions() int {
	n := 0
	for _, a := range c.s.Config.Terms.Actions {
		if a != site.RewardAction {
			n++
		}
	}
	return n
}

// measuresView is `measures "书面检查"`: the period's measures of any
// one action of [terms] actions.
func measuresView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	if err := c.checkAction(args[0]); err != nil {
		return nil, err
	}
	return measureItems(p.Actions(args[0]), false), nil
}

func (c *core) checkAction(action string) error {
	if actions := c.s.Config.Terms.Actions; !slices.Contains(actions, action) {
		return fmt.Errorf("未知措施“%s”，%s（[terms] actions）", action, zh.Spaced("应为", zh.Or(actions)))
	}
	return nil
}

// measureItems are measures as list items, each ending as official
// lists do, each naming its action if named.
func measureItems(list []rank.Measure, named bool) []string {
	items := make([]string, len(list))
	for i, m := range list {
		items[i] = measureText(m, named) + listEnd(i, len(list))
	}
	return items
}

// measureText writes one measure: 东风路街道，奖励5万元（…） for one with an
// amount, 火车站乡行政负责人（…） for the others, and who conducts it when
// the rule says: （…，由区分管领导约谈）; named, the others too name their
// action as a reward does: 火车站乡行政负责人，约谈（…）.
func measureText(m rank.Measure, named bool) string {
	reason := measureReason(m)
	if m.Amount > 0 {
		return fmt.Sprintf("%s，%s%s（%s）", m.Unit.Name, m.Action, zh.Amount(m.Amount), reason)
	}
	if named {
		return fmt.Sprintf("%s%s，%s（%s）", m.Unit.Name, whoOf(m), m.Action, reason)
	}
	return fmt.Sprintf("%s%s（%s）", m.Unit.Name, whoOf(m), reason)
}

// whoOf is the person a measure addresses, less the unit's name at its
// head: the sentences name the unit first (王湾村党支部书记), and a who
// written {unit}党支部书记 (docs/rules.md), or with the name itself, read
// 王湾村王湾村党支部书记; on the unit's own page, 对其党支部书记.
func whoOf(m rank.Measure) string {
	return strings.TrimPrefix(m.Who, m.Unit.Name)
}

// measureReason is why a measure is given and, when the rule says, who
// gives it: 连续2个月综合考核排名后两名，由区分管领导约谈.
func measureReason(m rank.Measure) string {
	if m.By != "" {
		return m.Reason + "，由" + m.By + m.Action
	}
	return m.Reason
}

// PeriodTableView is `period-table`: in an aggregate's circular, each
// township's monthly composite ranks beside its aggregate rank, one
// table per unit group.
type PeriodTableView struct {
	Caption string   // 2024年度<unit>综合考核排名
	Unit    string   // the heading of the units' column
	Months  []string // the months' headings: 1月, 2月, …
	Total   string   // the aggregate's heading: 年度
	// Score heads the aggregate's column after Total: 得分, 得分合计, or
	// 平均名次 ([aggregate] method), which is no score: 1.50 is good.
	Score string
	// Grade heads the column of levels after the rank's (年度等次: Total
	// and the [[grade]]'s name), when a [[grade]] grades the ranking;
	// "" without one, and no column.
	Grade string
	Rows  []PeriodTableRow
	// Notes say under the table which of its townships were exempted
	// from a month of the period (免考) and why, where its cell says
	// 免考, and which were exempted from every month and have no row.
	// NoteID is the note's id, which the table is described by.
	Notes  []string
	NoteID string
}

// Columns is the number of the table's columns, which the row that
// titles it on paper spans (see AppendixTable.Columns).
func (v PeriodTableView) Columns() int { return 3 + len(v.Months) + min(len(v.Grade), 1) }

// A PeriodTableRow is one township of a PeriodTableView.
type PeriodTableRow struct {
	Name string
	// Months are its composite rank each month: 第三; 免考 in a month it
	// was exempted from, as the rankings and indicator pages' cells say
	// (exemptCell); — when not ranked otherwise, before its from or after
	// its until. A dash for both read alike to the eye, the note under
	// the table explaining one of them.
	Months []string
	// Spoken says, of each month shown —, why, as its page does
	// (absence): 尚未参加考核, 不再参加考核, or 无排名; "" of the others.
	Spoken []string
	// Titles are the reasons of its months of 免考 where units.toml
	// gives one, shown on hover as the matrices' are; "" of the others.
	Titles []string
	Score  string // its aggregate
	Rank   string // its aggregate rank
	Level  string // its level (PeriodTableView.Grade)
}

// aggregateHeading is what an aggregate's value is called after its
// period (季度…) by method m.
func aggregateHeading(m site.AggregateMethod) string {
	return [...]string{site.MeanPoints: "得分", site.SumPoints: "得分合计", site.MeanRank: "平均名次"}[m]
}

func periodTableView(c *core, p *rank.Period, _ edits, _ []string) (any, error) {
	if !p.Aggregate() {
		return nil, fmt.Errorf("短代码“period-table”只能用于季度、半年或年度通报（data 如 \"2024\"、\"2024-Q1\"、\"2024-H1\"）")
	}
	var out []PeriodTableView
	for i, g := range p.Rankings() {
		ranked := g.Name // a group's name stands for the units, as in the sentences
		if ranked == "" {
			ranked = c.s.Config.Terms.Unit
		}
		v := PeriodTableView{Caption: p.Label + ranked + "综合考核排名", Unit: c.s.Config.Terms.Unit,
			Total: p.Span.Kind.Noun(),
			Score: aggregateHeading(c.s.Config.Aggregate.Method)}
		for _, m := range p.Months {
			v.Months = append(v.Months, monthRef(m, "").Short)
		}
		grade, levelOf := levelsIn(c.s, p, g, nil)
		if levelOf != nil {
			v.Grade = v.Total + grade
		}
		for _, t := range g.Composite {
			row := PeriodTableRow{Name: t.Unit.Name, Score: formatScore(t.Value, c.aggregateDecimals()), Rank: zh.RankPhrase(t.Rank, t.Tied)}
			if levelOf != nil {
				row.Level = levelOf(t.Unit)
			}
			for _, m := range p.Months {
				cell, spoken, title := "—", cmp.Or(absence(t.Unit, m.Span.Key()), "无排名"), ""
				if c, ok := exemptCell(t.Unit, m.Span.Key()); ok {
					cell, spoken, title = c.text, "", c.title
				}
				if mg := monthRanking(m, g == p.Overall, t.Unit); mg != nil {
					for _, mt := range mg.Composite {
						if mt.Unit == t.Unit {
							cell, spoken = zh.RankPhrase(mt.Rank, mt.Tied), ""
						}
					}
				}
				row.Months = append(row.Months, cell)
				row.Spoken = append(row.Spoken, spoken)
				row.Titles = append(row.Titles, title)
			}
			v.Rows = append(v.Rows, row)
		}
		v.Notes = periodExemptNotes(p, g, c.s.Assesses())
		v.NoteID = "period-table-note"
		if len(p.Groups) > 1 {
			v.NoteID = fmt.Sprintf("period-table-%d-note", i+1)
		}
		out = append(out, v)
	}
	return out, nil
}

// tableExemptNotes say which townships of group g indicator ind would have
// ranked were exempted from month p (免考, units.toml exempt), and why.
func tableExemptNotes(c *core, p *rank.Period, g *rank.UnitGroup, ind *site.Indicator) []string {
	if p.Month == nil {
		return nil
	}
	var us []*site.Unit
	for _, u := range c.s.Exempted(p.Month.Key) {
		if slices.Contains(g.Units, u) && slices.Contains(ind.Townships, u) {
			us = append(us, u)
		}
	}
	return exemptSentences(us, p)
}

// periodExemptNotes say which townships of group g were exempted from a
// month of aggregate p, and why where units.toml says, one sentence a
// township, as the appendix says it (partialSentence): 丙镇2024年1月免于考核
// （数据报送不全），本期综合考核按其参与的月份计算。, or, exempted from every
// month it was in, 丙镇在2024年第一季度免于考核（1月、2月、3月），不参加本期
// 综合考核排名。
func periodExemptNotes(p *rank.Period, g *rank.UnitGroup, k site.PeriodKind) []string {
	var notes []string
	for _, u := range g.Units {
		if note, ok := exemptPeriodSentence(u, p); ok {
			notes = append(notes, note)
			continue
		}
		if !slices.ContainsFunc(p.Months, func(m *rank.Period) bool { return u.ExemptIn(m.Month.Key) }) {
			continue
		}
		if note := partialSentence(u, p, k); note != "" {
			notes = append(notes, note)
		}
	}
	return notes
}

// aggregateWords are the words for the month files aggregate p is made
// of (site.FilesKind): 月, or 季度 when each reports a quarter, as an
// office assessing once a quarter writes its year: 各季度综合得分的平均,
// 按其参与的季度计算; 期 and 半年度 when each reports a half year.
func aggregateWords(p *rank.Period) PeriodWords {
	months := make([]*site.Month, len(p.Months))
	for i, m := range p.Months {
		months[i] = m.Month
	}
	return periodWords(site.FilesKind(months))
}

// aggregateDecimals are the decimals an aggregate's values are rounded to.
func (c *core) aggregateDecimals() int { return c.s.Config.Scoring.Decimals }

// TableView is `table`: an indicator's township ranking, whole; one per
// unit group.
type TableView struct {
	Caption string // 规模工业增加值<unit>排名, with lowerBetterNote where lower is better
	Unit    string // the heading of the units' column
	Score   string // the heading of the scores' column: 得分, 得分（越低越好）, of a count 件数（越少越好）
	// Counts head the columns of counts a derived score is reckoned from
	// (扣分制: 信访件数), before the score's; none otherwise.
	Counts []string
	// Overall heads the column of each unit's rank in the overall
	// ranking (全县排名), beside the group's; "" without one.
	Overall string
	// Grade heads the column of levels after the score's (等次), when a
	// [[grade]] grades the ranking; "" without one, and no column.
	Grade string
	Rows  []TableRow
	// Notes say under the table which townships it would have ranked were
	// exempted from the month (免考, units.toml exempt), and why, as the
	// appendix does: the table has no row of them, and the circular's text
	// never says why they are missing. NoteID is the note's id, which
	// the table is described by.
	Notes  []string
	NoteID string
}

// Columns is the number of the table's columns, which the row that
// titles it on paper spans (see AppendixTable.Columns).
func (v TableView) Columns() int {
	return 3 + len(v.Counts) + min(len(v.Overall), 1) + min(len(v.Grade), 1)
}

// A TableRow is one township of a TableView.
type TableRow struct {
	Rank  string // 第一, 并列第三; — for a township Excluded
	Name  string
	Score string // or 不涉及 and its reason, for one Excluded
	// Counts are its counts under TableView.Counts; "—" (不涉及) under
	// each it has none of, for one Excluded.
	Counts []string
	// Excluded is a township the indicator did not apply to this month
	// (不涉及): no rank, and its reason where the score would be, which
	// may wrap where a score never does.
	Excluded bool
	// Overall is its rank in the overall ranking (TableView.Overall).
	Overall string
	// Level is its level (TableView.Grade): 优秀; "" for one Excluded,
	// which is not graded.
	Level string
}

func tableView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	ind := c.s.Indicator(args[0])
	if ind == nil {
		return nil, fmt.Errorf("未知指标“%s”%s", args[0], c.s.IndicatorHint(args[0]))
	}
	unit := c.s.Config.Terms.Unit
	var out []TableView
	var untabled []string // the exempted of groups without a table (every unit exempted)
	for i, g := range p.Groups {
		ir := g.Indicator(ind.ID)
		if ir == nil {
			untabled = append(untabled, tableExemptNotes(c, p, g, ind)...)
			continue
		}
		set := ind.In(p.Span.LastMonth()) // the month's own 考核办法, and name
		v := TableView{Caption: set.Name + resultKind(unit, g, ir) + "排名", Unit: unit, Score: scoreHeading(ind, set.HigherBetter)}
		if g.Name != "" {
			v.Caption = set.Name + g.Name + "排名"
		}
		if !set.HigherBetter { // as the appendix's tables say it
			v.Caption += lowerBetterNote(ind, "")
		}
		if len(args) > 1 && args[1] != "" {
			// The circular's own caption, as written: the 得分 column
			// still says which way is better. Each group's table is
			// told apart by the group's name.
			v.Caption = args[1]
			if g.Name != "" {
				v.Caption += "（" + g.Name + "）"
			}
		}
		counts := countsOf(p.Month, ind)
		v.Counts = counts.heads
		over := overallRanks(p.OverallOf(ind.ID))
		if over != nil {
			v.Overall = c.overallHeader()
		}
		var levelOf func(*site.Unit) string
		v.Grade, levelOf = levelsIn(c.s, p, g, ind)
		for _, t := range ir.Ranked {
			row := TableRow{Rank: zh.RankPhrase(t.Rank, t.Tied), Name: t.Unit.Name, Score: townshipScore(t, set.Decimals), Counts: counts.of(t.Unit),
				Overall: over.phrase(t.Unit)}
			if levelOf != nil {
				row.Level = levelOf(t.Unit)
			}
			v.Rows = append(v.Rows, row)
		}
		// Those it did not apply to this month close the table, said so:
		// a township missing from it would read as forgotten.
		for _, e := range ir.Result.NotApplicable {
			if slices.Contains(g.Units, e.Unit) {
				v.Rows = append(v.Rows, TableRow{Rank: "—", Name: e.Unit.Name, Score: notApplicableText(e.Reason), Excluded: true, Counts: counts.of(e.Unit)})
			}
		}
		if p.Month != nil {
			v.Notes = append(tableExemptNotes(c, p, g, ind), unreportedNotes(c.s, p, g, ir)...)
			v.NoteID = "table-" + ind.ID + "-note" // numbered, as the appendix's tables are, when there are groups
			if len(p.Groups) > 1 {
				v.NoteID = fmt.Sprintf("table-%s-%d-note", ind.ID, i+1)
			}
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		name := ind.In(p.Span.LastMonth()).Name
		if ind.Townships == nil {
			return nil, fmt.Errorf("指标“%s”（%s）不参与%s排名（data/indicators.toml 中没有 townships），没有得分表可列：删去这个短代码", name, ind.ID, unit)
		}
		missing := "没有它的 [[result]]"
		if p.Month.Result(ind.ID) != nil {
			missing = "它的 [[result]] 没有" + ind.ValueName()
		}
		return nil, fmt.Errorf("指标“%s”（%s）%s没有%s%s（%s 中%s）：删去这个短代码，或填写%s", name, ind.ID, c.s.Assesses().Reword().Replace("本月"), unit, ind.ValueName(), p.Month.File, missing, ind.ValueName())
	}
	// A group every unit of which was exempted (a 乡镇 flooded) has no
	// table to say it under: the last table says it, or the circular's
	// text would never say why the group is missing.
	last := &out[len(out)-1]
	last.Notes = append(last.Notes, untabled...)
	if len(args) > 2 && strings.TrimSpace(args[2]) != "" {
		// The circular's note goes under the last table, after those of
		// the exempted, in the one 注： a screen reader is pointed to.
		last.Notes = append(last.Notes, withStop(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(args[2]), "注："))))
	}
	return out, nil
}

// ScoreTableView is one unit group's table of the score-table shortcode:
// a row per unit, a column per indicator, each cell the unit's score on
// the indicator and its rank. Where an office publishes several small
// tables a group (a county's eight 乡镇 of eight villages, four indicators:
// 32 tables of eight rows), one table a group says the same in a quarter
// of the length, on paper and on a phone; the table shortcode's form, a
// table an indicator, is unchanged for an office that keeps it.
type ScoreTableView struct {
	Caption string   // 城关镇各行政村各项考核得分和名次
	Unit    string   // the heading of the units' column
	Columns []string // the indicators' names, 越低越好 said where lower is better
	Rows    []ScoreTableRow
	Notes   []string // why not applicable (不涉及), and the exempted, as under the table shortcode's
	NoteID  string
}

// Span is the number of the table's columns, which the row that titles it
// on paper spans (see AppendixTable.Columns).
func (v ScoreTableView) Span() int { return 1 + len(v.Columns) }

// A ScoreTableRow is one unit of a ScoreTableView.
type ScoreTableRow struct {
	Name  string
	Cells []ScoreCell
}

// A ScoreCell is a unit's score and rank on one indicator: 36 and 第二
// (Tied: 并列第二, which a narrow column breaks after 并列), or, with no
// rank, None and what is said instead (不涉及, or — said 无).
type ScoreCell struct {
	Score, Rank string
	Tied        bool
	None        string
	// Level is the unit's level on the indicator (优秀), under its rank,
	// when a [[grade]] grades the indicator's ranking; "" otherwise.
	Level string
}

// scoreTableView is the score-table shortcode: the indicators args, a
// table a unit group, its units in units.toml's order, those with a
// result or a reason for none (不涉及) on any of them.
func scoreTableView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	var inds []*site.Indicator
	for _, id := range args {
		ind := c.s.Indicator(id)
		if ind == nil {
			return nil, fmt.Errorf("未知指标“%s”%s", id, c.s.IndicatorHint(id))
		}
		if ind.Townships == nil {
			return nil, fmt.Errorf("指标“%s”（%s）不参与%s排名（data/indicators.toml 中没有 townships），没有得分可列：从这个短代码中删去它", ind.In(p.Span.LastMonth()).Name, ind.ID, c.s.Config.Terms.Unit)
		}
		if slices.Contains(inds, ind) {
			return nil, fmt.Errorf("指标“%s”写了两次：每个指标一列，删去一个", id)
		}
		inds = append(inds, ind)
	}
	unit := c.s.Config.Terms.Unit
	var out []ScoreTableView
	for i, g := range p.Groups {
		v := ScoreTableView{Caption: g.Name + "各" + unit + "各项考核得分和名次", Unit: unit}
		cells := map[*site.Unit][]ScoreCell{}
		var notes []string
		var graded []string // the names of the levels its cells give (等次), when a [[grade]] grades an indicator
		for j, ind := range inds {
			set := ind.In(p.Span.LastMonth())
			name := set.Name
			if !set.HigherBetter {
				name += lowerBetterNote(ind, "")
			}
			v.Columns = append(v.Columns, name)
			cell := func(u *site.Unit, sc ScoreCell) {
				if cells[u] == nil {
					cells[u] = make([]ScoreCell, len(inds))
					for k := range cells[u] {
						cells[u][k] = ScoreCell{None: "—"}
					}
				}
				cells[u][j] = sc
			}
			if ir := g.Indicator(ind.ID); ir != nil {
				grade, levelOf := levelsIn(c.s, p, g, ind)
				if grade != "" && !slices.Contains(graded, grade) {
					graded = append(graded, grade)
				}
				for _, t := range ir.Ranked {
					sc := ScoreCell{Score: townshipScore(t, set.Decimals), Rank: zh.RankPhrase(t.Rank, false), Tied: t.Tied}
					if levelOf != nil {
						sc.Level = levelOf(t.Unit)
					}
					cell(t.Unit, sc)
				}
				for _, e := range ir.Result.NotApplicable {
					if slices.Contains(g.Units, e.Unit) {
						cell(e.Unit, ScoreCell{None: "不涉及"})
						// Its reason under the table, where a cell
						// would have to be as wide as it.
						if e.Reason != "" {
							notes = append(notes, e.Unit.Name+set.Name+notApplicableText(e.Reason)+"。")
						}
					}
				}
			}
			if ir := g.Indicator(ind.ID); ir != nil && p.Month != nil {
				notes = append(notes, unreportedNotes(c.s, p, g, ir)...)
			}
			for _, n := range tableExemptNotes(c, p, g, ind) {
				if !slices.Contains(notes, n) {
					notes = append(notes, n)
				}
			}
		}
		for _, u := range g.Units {
			if cs := cells[u]; cs != nil {
				v.Rows = append(v.Rows, ScoreTableRow{Name: u.Name, Cells: cs})
			}
		}
		if len(v.Rows) == 0 {
			continue
		}
		if len(graded) > 0 { // 各项考核得分、名次和等次
			v.Caption = g.Name + "各" + unit + "各项考核得分、名次和" + strings.Join(graded, "、")
		}
		v.Notes = notes
		v.NoteID = fmt.Sprintf("score-table-%s-%d-note", inds[0].ID, i+1)
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s没有%s得分可列（%s）：删去这个短代码，或填写得分", c.s.Assesses().Reword().Replace("本月"), unit, p.Month.File)
	}
	return out, nil
}
