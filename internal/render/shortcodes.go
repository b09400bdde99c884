package render

import (
	"errors"
	"fmt"
	"html/template"
	"strings"

	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file is the shortcodes of DESIGN.md §6: the data a circular's
// Markdown pulls in with {{< name args >}}. Each shortcode makes a view
// of the period here; its markup is the template shortcodes/<name>.html,
// built in (internal/render/shortcodes/) unless the site's layouts/ has
// its own.

// A shortcode is one entry of the set: its arguments and its view.
type shortcode struct {
	name             string
	minArgs, maxArgs int
	usage            string
	// view makes what the template shows, for the period p.
	view func(c *core, p *rank.Period, args []string) (any, error)
}

// shortcodeSet is DESIGN.md §6's set, the one list of names: lookups,
// the list in the unknown-name message and the built-in templates'
// names all come from it. It is a fixed table, not a registry: every
// name is part of the data format staff write against.
var shortcodeSet = []shortcode{
	{"indicators", 1, 1, `需要一个参数：栏目名（"重点工作"、"重点项目"或"重点任务"）`, indicatorsView},
	{"city-bottom", 0, 1, `最多一个参数：主语，如 "全区“三重点工作”"`, cityBottomView},
	{"township-ranking", 0, 0, "不带参数", townshipRankingView},
	{"categories", 0, 0, "不带参数", categoriesView},
	{"rewards", 0, 0, "不带参数", rewardsView},
	{"interviews", 0, 1, `最多一个参数：约谈方式（"约谈"或"提醒约谈"）`, interviewsView},
	{"table", 1, 1, `需要一个参数：指标 id`, tableView},
}

func lookupShortcode(name string) *shortcode {
	for i := range shortcodeSet {
		if shortcodeSet[i].name == name {
			return &shortcodeSet[i]
		}
	}
	return nil
}

func shortcodeNames() string {
	names := make([]string, len(shortcodeSet))
	for i, sc := range shortcodeSet {
		names[i] = sc.name
	}
	return strings.Join(names, "、")
}

// shortcodes returns the resolver for a document reporting period p (nil
// for a page that reports none: then no shortcode works).
func (c *core) shortcodes(p *rank.Period) markdown.Resolver {
	return func(call markdown.Shortcode) (template.HTML, error) {
		sc := lookupShortcode(call.Name)
		if sc == nil {
			return "", fmt.Errorf("未知短代码“%s”（可用：%s）", call.Name, shortcodeNames())
		}
		if len(call.Args) < sc.minArgs || len(call.Args) > sc.maxArgs {
			return "", fmt.Errorf("短代码“%s”%s", call.Name, sc.usage)
		}
		if p == nil {
			return "", fmt.Errorf("短代码“%s”只能用于通报（content/circulars/ 下、前置信息有 data 的文件）", call.Name)
		}
		v, err := sc.view(c, p, call.Args)
		if err != nil {
			return "", err
		}
		html, err := c.tmpl.shortcode(sc.name, v)
		if err != nil {
			return "", fmt.Errorf("短代码“%s”的模板出错：%v", call.Name, err)
		}
		return html, nil
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
	// Rankings are the township ranking sentences, one per unit group.
	Rankings []string
}

func indicatorsView(c *core, p *rank.Period, args []string) (any, error) {
	section := args[0]
	found := false
	for _, s := range site.Sections {
		found = found || s == section
	}
	if !found {
		return nil, fmt.Errorf("未知栏目“%s”，应为 重点工作、重点项目 或 重点任务", section)
	}
	var entries []EntryView
	for _, ind := range c.s.Indicators {
		if ind.Section != section {
			continue
		}
		e := EntryView{ID: ind.ID, Heading: ind.Parent == nil && len(ind.Children) > 0}
		e.Lead = ind.Number() + ind.Name
		if ind.Parent == nil {
			e.Lead = ind.Number() + " " + ind.Name // "1. 名称", as GB/T 9704 sets the third level
		}
		if !e.Heading {
			e.Lead = withStop(e.Lead)
		}
		if res := p.Month.Result(ind.ID); res != nil {
			e.Text = c.entryText(res)
		}
		for _, g := range p.Groups {
			if ir := g.Indicator(ind.ID); ir != nil {
				e.Rankings = append(e.Rankings, c.rankingSentence(ir, p.GroupSize))
			}
		}
		entries = append(entries, e)
	}
	return entries, nil
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
	rs := zh.RankSentence(res.City, res.CityTie, res.District, res.DistrictTie, res.DistrictLabel)
	return template.HTML(text + template.HTMLEscapeString(rs))
}

func (c *core) rankingSentence(ir *rank.IndicatorResult, k int) string {
	ind := ir.Result.Indicator
	return zh.RankingSentence(zh.Ranking{
		Top:         runNames(ir.Top.Runs),
		Bottom:      runNames(ir.Bottom.Runs),
		TopExact:    ir.Top.Exact,
		BottomExact: ir.Bottom.Exact,
		K:           k,
		Applicable:  len(ind.Townships),
		Total:       len(c.s.Townships),
		Label:       ind.RankingLabel,
	})
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
	Lead  string // 1-2月份全区综合排名全市第八。 — "" without an overall rank
	Items []ListItem
	// Intro leads the list, None stands for it when it is empty: the
	// office's words (issue 13's [terms]), not the markup's.
	Intro, None string
}

func cityBottomView(c *core, p *rank.Period, args []string) (any, error) {
	m := p.Month
	period := m.Period
	if period == "" {
		period = fmt.Sprintf("%d月", m.Month)
	}
	v := CityBottomView{Intro: "排全市后三的单项目标有：", None: "本期没有排全市后三的单项目标。"}
	if m.OverallCity > 0 {
		subject := "全区"
		if len(args) > 0 {
			subject = args[0]
		}
		v.Lead = fmt.Sprintf("%s份%s综合排名全市%s。", period, subject, zh.Ordinal(m.OverallCity))
	}
	for i, e := range p.CityBottom {
		var item string
		if e.City > 0 {
			item = fmt.Sprintf("%s，排名%s。", e.Indicator.Name, zh.RankPhrase(e.City, e.CityTie))
		} else {
			item = fmt.Sprintf("%s，排名%s（只考核%s）。", e.Indicator.Name, zh.RankPhrase(e.District, e.DistrictTie), e.DistrictLabel)
		}
		if owners := e.Indicator.Owners; len(owners) > 0 {
			item += "（责任单位：" + zh.Join(unitNames(owners)) + "）"
		}
		v.Items = append(v.Items, ListItem{N: i + 1, Text: item})
	}
	return v, nil
}

func unitNames(units []*site.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

// townshipRankingView is `township-ranking`: the composite order of each
// unit group, written as §5.3 writes a group.
func townshipRankingView(c *core, p *rank.Period, _ []string) (any, error) {
	var orders []string
	for _, g := range p.Groups {
		if len(g.Composite) == 0 {
			continue
		}
		var runs [][]rank.Township
		for i, t := range g.Composite {
			if i == 0 || t.Rank != g.Composite[i-1].Rank {
				runs = append(runs, nil)
			}
			runs[len(runs)-1] = append(runs[len(runs)-1], t)
		}
		orders = append(orders, joinRuns(runNames(runs))+"。")
	}
	if len(orders) == 0 {
		return nil, errors.New("本月没有乡镇（街道）得分，无法给出综合考核排名")
	}
	return orders, nil
}

// joinRuns writes runs of names the way §5.3 writes a group: a tie is
// followed by （并列）, and runs are joined by ， once any tie appears.
func joinRuns(runs [][]string) string {
	sep := "、"
	parts := make([]string, len(runs))
	for i, run := range runs {
		parts[i] = zh.Join(run)
		if len(run) > 1 {
			parts[i] += "（并列）"
			sep = "，"
		}
	}
	return strings.Join(parts, sep)
}

// CategoryView is one 考核排类 of `categories`.
type CategoryView struct {
	Name  string // 一类
	Units string // its units, joined
}

func categoriesView(c *core, p *rank.Period, _ []string) (any, error) {
	if len(p.Month.Categories) == 0 {
		return nil, errors.New("本月数据没有 [categories]")
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
func rewardsView(c *core, p *rank.Period, _ []string) (any, error) {
	rewards := p.Rewards()
	items := make([]ListItem, len(rewards))
	for i, a := range rewards {
		items[i] = ListItem{N: i + 1, Text: fmt.Sprintf("%s，奖励%s（%s）%s", a.Unit.Name, zh.Amount(a.Amount), a.Reason, listEnd(i, len(rewards)))}
	}
	return items, nil
}

// interviewsView is `interviews`: the period's 约谈 of one kind, or all.
func interviewsView(c *core, p *rank.Period, args []string) (any, error) {
	kind := ""
	if len(args) > 0 {
		if kind = args[0]; kind != "约谈" && kind != "提醒约谈" {
			return nil, fmt.Errorf("约谈方式应为“约谈”或“提醒约谈”，而不是“%s”", kind)
		}
	}
	list := p.Interviews(kind)
	items := make([]string, len(list))
	for i, iv := range list {
		items[i] = fmt.Sprintf("%s%s（%s）%s", iv.Unit.Name, iv.Who, iv.Reason, listEnd(i, len(list)))
	}
	return items, nil
}

// TableView is `table`: an indicator's township ranking, whole.
type TableView struct {
	Caption string // 规模工业增加值乡镇（街道）排名
	Unit    string // the heading of the units' column
	Rows    []TableRow
}

// A TableRow is one township of a TableView.
type TableRow struct {
	Rank  string // 第一, 并列第三
	Name  string
	Score string
}

func tableView(c *core, p *rank.Period, args []string) (any, error) {
	ind := c.s.Indicator(args[0])
	if ind == nil {
		return nil, fmt.Errorf("未知指标“%s”", args[0])
	}
	v := TableView{Caption: ind.Name + "乡镇（街道）排名", Unit: "乡镇（街道）"}
	found := false
	for _, g := range p.Groups {
		ir := g.Indicator(ind.ID)
		if ir == nil {
			continue
		}
		found = true
		for _, t := range ir.Ranked {
			v.Rows = append(v.Rows, TableRow{Rank: zh.RankPhrase(t.Rank, t.Tied), Name: t.Unit.Name, Score: formatScore(t.Value, ind.Decimals)})
		}
	}
	if !found {
		return nil, fmt.Errorf("指标“%s”本月没有乡镇（街道）得分", ind.ID)
	}
	return v, nil
}
