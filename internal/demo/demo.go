// Package demo writes a complete synthetic tongbao site — config, units,
// indicators, several years of monthly results and one circular per month —
// for trying the archive's history pages, feeds and open data on more than
// the one month the sample holds.
//
// The units, the indicator catalogue, the settings and any layouts of its
// own are taken from a loaded sample site (the repository's own site), so the demo never
// drifts from it. Everything else is generated with a seeded pseudo-random
// generator: the same sample, years and seed give byte-identical files.
// Every generated text says 演示数据, and the site title starts with it, so
// no page of a demo site can be mistaken for a real circular.
package demo

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/site"
)

// Last is the last month a demo site covers; the months run back from it.
// It is the sample circular's month (2023年1-2月, data/2023-02.toml).
const Last = "2023-02"

const lastYear, lastMonth = 2023, 2

// Marker is written into the title and every narrative of a demo site.
const Marker = "演示数据"

// ErrNotEmpty is returned when the target folder already holds files.
var ErrNotEmpty = errors.New("目标目录不为空")

// Months returns the keys of the months a demo of the given years covers,
// oldest first: 12·years months ending with Last.
func Months(years int) []string {
	var out []string
	for _, ym := range months(years) {
		out = append(out, ym.key())
	}
	return out
}

type yearMonth struct{ y, m int }

func (ym yearMonth) key() string { return fmt.Sprintf("%04d-%02d", ym.y, ym.m) }

func months(years int) []yearMonth {
	n := 12 * max(years, 0)
	out := make([]yearMonth, n)
	y, m := lastYear, lastMonth
	for i := n - 1; i >= 0; i-- {
		out[i] = yearMonth{y, m}
		if m--; m == 0 {
			y, m = y-1, 12
		}
	}
	return out
}

// Write creates a demo site in dir, which must not exist or be empty:
// config.toml, data/units.toml and data/indicators.toml rebuilt from the
// sample, one data/YYYY-MM.toml and one content/circulars/YYYY-MM.md per
// month of Months(years), content/about.md, and the layouts the sample
// has of its own (none for the repository's: it uses the built-in theme).
func Write(dir string, sample *site.Site, years int, seed int64) error {
	if years < 1 {
		return fmt.Errorf("年数应为正整数，而不是 %d", years)
	}
	if years > 50 {
		return fmt.Errorf("年数 %d 过大（最多 50 年）", years)
	}
	if len(sample.Townships) == 0 {
		return errors.New("示例站点没有 [[township]]")
	}
	return WriteFiles(dir, Files(sample, years, seed))
}

// WriteFiles writes files (slash paths below dir) into dir, which must be
// empty or not exist, in name order: the same files give the same tree.
func WriteFiles(dir string, files map[string][]byte) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return ErrNotEmpty
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Files returns every file of the demo site by its slash path, without
// touching the disk.
func Files(sample *site.Site, years int, seed int64) map[string][]byte {
	g := &gen{s: sample, rng: rand.New(rand.NewPCG(uint64(seed), 0x7467626f64656d6f)), files: map[string][]byte{}}
	g.config()
	g.units()
	g.indicators()
	g.strength()
	serials := map[int]int{}
	all := months(years)
	for i, ym := range all {
		g.month(ym.key(), ym.y, ym.m)
		g.circular(site.Period{Kind: site.Monthly, Year: ym.y, N: ym.m}, serials)
		// After each December of a whole year, an annual circular; after
		// each quarter of the last twelve months, a quarterly one.
		if ym.m == 12 && i >= 11 {
			g.circular(site.Period{Kind: site.Yearly, Year: ym.y}, serials)
		}
		if ym.m%3 == 0 && i >= 2 && len(all)-i <= 12 {
			g.circular(site.Period{Kind: site.Quarterly, Year: ym.y, N: ym.m / 3}, serials)
		}
	}
	g.about(years)
	// The sample's own layouts, if it overrides any of the built-in
	// theme's: a demo looks as its sample does.
	for _, f := range sample.Layouts {
		if !f.Builtin() {
			g.files["layouts/"+f.Name] = f.Data
		}
	}
	for _, f := range sample.Assets {
		if !f.Builtin() {
			g.files["layouts/assets/"+f.Name] = f.Data
		}
	}
	return g.files
}

type gen struct {
	s     *site.Site
	rng   *rand.Rand
	files map[string][]byte
	power map[*site.Unit]float64 // a township's lasting strength, so histories look plausible
	// lastDay is the day of the last circular dated in a month: a year's
	// circular, numbered after December's, is dated after it too.
	lastDay map[[2]int]int
}

func qlist(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = site.Quote(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func names(units []*site.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

// float writes a TOML float that always has a fraction part.
func float(v float64, decimals int) string {
	if decimals < 1 {
		decimals = 1
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

func (g *gen) config() {
	c := g.s.Config
	var b strings.Builder
	fmt.Fprintf(&b, "# %s：由 tongbao gen-demo 生成的演示站点，全部考核数据均为虚构，不代表真实考核结果。\n", Marker)
	fmt.Fprintf(&b, "title    = %s\n", site.Quote(Marker+"·"+strings.TrimPrefix(c.Title, Marker+"·")))
	fmt.Fprintf(&b, "baseURL  = %s\n", site.Quote(c.BaseURL))
	fmt.Fprintf(&b, "language = %s\n\n", site.Quote(c.Language))
	fmt.Fprintf(&b, "[site]\nname     = %s\ndomain   = %s\nidCode   = %s\norgCode  = %s\n\n",
		site.Quote(c.Site.Name), site.Quote(c.Site.Domain), site.Quote(c.Site.IDCode), site.Quote(c.Site.OrgCode))
	fmt.Fprintf(&b, "[issuer]\nname = %s\n\n", site.Quote(c.Issuer))
	t := c.Terms
	fmt.Fprintf(&b, "[terms]\nunit       = %s\ndepartment = %s\nscope      = %s\ncity       = %s\npeer       = %s\nsections   = %s\nactions    = %s\ncolumn     = %s\n\n",
		site.Quote(t.Unit), site.Quote(t.Department), site.Quote(t.Scope), site.Quote(t.City), site.Quote(t.Peer),
		qlist(t.Sections), qlist(t.Actions), site.Quote(t.Column))
	ties := "competition"
	if c.Ranking.Dense {
		ties = "dense"
	}
	fmt.Fprintf(&b, "[ranking]\nties          = %s\ngroupSize     = %d\ncityUnits     = %d\ndistrictUnits = %d\n\n",
		site.Quote(ties), c.Ranking.GroupSize, c.Ranking.CityUnits, c.Ranking.DistrictUnits)
	fmt.Fprintf(&b, "[scoring]\nmethod   = %s\ndecimals = %d\n\n", site.Quote(c.Scoring.Method()), c.Scoring.Decimals)
	fmt.Fprintf(&b, "[aggregate]\nmethod    = %s\ngroupSize = %d\n", site.Quote(c.Aggregate.Method.String()), c.Aggregate.GroupSize)
	w := site.NewWriter(site.ConfigFile)
	for _, r := range g.rules() {
		w.Line("")
		w.Rule(r)
	}
	b.WriteString(w.String())
	g.files["config.toml"] = []byte(b.String())
}

// rules are the sample's rules, and two of the demo's own: a streak — the
// composite's bottom two in two consecutive months are reminded — and a
// reward for each year's first, so that the demo's archive has measures
// that read earlier months and an annual circular's.
func (g *gen) rules() []site.Rule {
	rules := slices.Clone(g.s.Config.Rules)
	actions := g.s.Config.Terms.Actions
	if a := actions[len(actions)-1]; a != site.RewardAction {
		rules = append(rules, site.Rule{On: site.OnComposite, Select: site.Bottom, Count: 2, Streak: 2, Action: a, Who: "行政负责人"})
	}
	if slices.Contains(actions, site.RewardAction) {
		rules = append(rules, site.Rule{On: site.OnComposite, Select: site.First, Period: site.Yearly, Action: site.RewardAction, Amount: 100000})
	}
	return rules
}

func (g *gen) units() {
	var b strings.Builder
	b.WriteString("# 单位：与示例站点相同（由 tongbao gen-demo 按示例站点生成）。\n")
	// The groups too: the sample's rules may name them, and its townships
	// are ranked within them.
	for _, gr := range g.s.Groups {
		fmt.Fprintf(&b, "\n[[group]]\nname = %s\n", site.Quote(gr.Name))
	}
	for _, u := range g.s.Townships {
		fmt.Fprintf(&b, "\n[[township]]\nname = %s\nslug = %s\n", site.Quote(u.Name), site.Quote(u.Slug))
		if u.Group != nil {
			fmt.Fprintf(&b, "group = %s\n", site.Quote(u.Group.Name))
		}
	}
	for _, u := range g.s.Departments {
		fmt.Fprintf(&b, "\n[[department]]\nname = %s\nslug = %s\n", site.Quote(u.Name), site.Quote(u.Slug))
	}
	g.files["data/units.toml"] = []byte(b.String())
}

func (g *gen) indicators() {
	var b strings.Builder
	b.WriteString("# 指标目录：与示例站点相同（由 tongbao gen-demo 按示例站点生成），文件顺序即通报中的顺序。\n")
	for _, ind := range g.s.Indicators {
		fmt.Fprintf(&b, "\n[[indicator]]\nid      = %s\n", site.Quote(ind.ID))
		if ind.Parent != nil {
			fmt.Fprintf(&b, "parent  = %s\n", site.Quote(ind.Parent.ID))
		}
		fmt.Fprintf(&b, "name    = %s\nsection = %s\n", site.Quote(ind.Name), site.Quote(ind.Section))
		if len(ind.Owners) > 0 {
			fmt.Fprintf(&b, "owners  = %s\n", qlist(names(ind.Owners)))
		}
		if ind.Townships != nil {
			if len(ind.Townships) == len(g.s.Townships) {
				b.WriteString("townships = \"all\"\n")
			} else {
				fmt.Fprintf(&b, "townships = %s\n", qlist(names(ind.Townships)))
			}
			better := "higher"
			if !ind.HigherBetter {
				better = "lower"
			}
			fmt.Fprintf(&b, "better  = %s\nweight  = %s\n", site.Quote(better), strconv.FormatFloat(ind.Weight, 'f', -1, 64))
		}
		fmt.Fprintf(&b, "decimals = %d\n", ind.Decimals)
		if ind.RankingLabel != "" {
			fmt.Fprintf(&b, "rankingLabel = %s\n", site.Quote(ind.RankingLabel))
		}
		if len(ind.ShortNames) > 0 {
			fmt.Fprintf(&b, "shortNames = %s\n", qlist(ind.ShortNames))
		}
		// The office's 考核办法 as it changed: its months are ranked,
		// composed and scored by the setting of their time (ind.In), as
		// the office's are.
		for _, c := range ind.Changes {
			fmt.Fprintf(&b, "\n[[indicator.change]]\nfrom = %s\n", site.Quote(c.From))
			for _, key := range c.Set {
				switch key {
				case "better":
					better := "higher"
					if !c.HigherBetter {
						better = "lower"
					}
					fmt.Fprintf(&b, "better = %s\n", site.Quote(better))
				case "weight":
					fmt.Fprintf(&b, "weight = %s\n", strconv.FormatFloat(c.Weight, 'f', -1, 64))
				case "decimals":
					fmt.Fprintf(&b, "decimals = %d\n", c.Decimals)
				}
			}
		}
	}
	g.files["data/indicators.toml"] = []byte(b.String())
}

// strength gives every township a lasting strength in [-1, 1].
func (g *gen) strength() {
	g.power = map[*site.Unit]float64{}
	for _, u := range g.s.Townships {
		g.power[u] = 2*g.rng.Float64() - 1
	}
}

// template returns the results a demo month carries: the sample's latest
// month's, or one per indicator when the sample has no month.
func (g *gen) template() []*site.Result {
	if n := len(g.s.Months); n > 0 {
		return g.s.Months[n-1].Results
	}
	var out []*site.Result
	for _, ind := range g.s.Indicators {
		r := &site.Result{Indicator: ind, City: 1, DistrictUnits: g.s.Config.Ranking.DistrictUnits}
		if ind.Townships != nil {
			r.Scores = []site.Score{{}}
		}
		out = append(out, r)
	}
	return out
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// month writes a month file through the month file's format.
func (g *gen) month(key string, y, m int) {
	rk := g.s.Config.Ranking
	rng := g.rng
	w := site.NewWriter(site.MonthFile)
	w.Comment(fmt.Sprintf("%s：%d年%d月的考核结果，由 tongbao gen-demo 生成，全部得分和名次均为虚构。", Marker, y, m))
	w.Line("")
	w.Value("period", 11, fmt.Sprintf("%d月", m), "")
	w.Value("overallCity", 11, 1+rng.IntN(rk.CityUnits), "")
	worst, worstCity := (*site.Indicator)(nil), 0
	for _, t := range g.template() {
		ind := t.Indicator
		w.Line("")
		w.Tables("result")
		w.Value("result.indicator", 9, ind.ID, "")
		if t.City > 0 {
			city := 1 + rng.IntN(rk.CityUnits)
			w.Value("result.city", 0, city, "")
			if city > worstCity && len(ind.Owners) > 0 {
				worst, worstCity = ind, city
			}
		}
		if t.District > 0 && t.DistrictUnits > 0 {
			w.Value("result.district", 0, 1+rng.IntN(t.DistrictUnits), "")
			if t.DistrictLabel != g.s.Config.Terms.Peer {
				w.Value("result.districtLabel", 0, t.DistrictLabel, "")
			}
			if t.DistrictUnits != rk.DistrictUnits {
				w.Value("result.districtUnits", 0, t.DistrictUnits, "")
			}
		}
		w.Value("result.progress", 9, fmt.Sprintf("（%s）本月完成年度目标任务的%d%%。", Marker, 5+rng.IntN(90)), "")
		if ind.Townships == nil || len(t.Scores) == 0 {
			continue
		}
		// One indicator in four is scored in whole points on a narrow
		// scale, so that ties — and （并列） — appear in the demo.
		whole := rng.IntN(4) == 0
		set := ind.In(key) // the month's setting, were a demo to change one
		w.Table("result.townships", "")
		for _, u := range ind.Townships {
			p := g.power[u]
			var v float64
			switch {
			case set.HigherBetter && whole:
				v = math.Round(94 + 1.5*p + 1.5*rng.NormFloat64())
			case set.HigherBetter:
				v = 88 + 3*p + 3*rng.NormFloat64()
			case whole:
				v = math.Round(3 - p + rng.NormFloat64())
			default:
				v = 3 - 0.8*p + rng.NormFloat64()
			}
			if set.HigherBetter {
				v = min(max(v, 60), 100)
			} else {
				v = min(max(v, 0.1), 10)
			}
			dec := set.Decimals
			if whole {
				dec = 0
			}
			v = round(v, dec)
			w.Entry("result.townships", u.Name, float(v, dec))
		}
	}
	if rng.IntN(4) == 0 {
		u := g.s.Townships[rng.IntN(len(g.s.Townships))]
		w.Line("")
		w.Tables("adjustment")
		w.Value("adjustment.township", 8, u.Name, "")
		w.Value("adjustment.points", 8, "-1.0", "")
		w.Value("adjustment.reason", 8, "（"+Marker+"）未按时报送工作材料", "")
	}
	if deps := g.s.Departments; len(deps) > 0 {
		// 一类 and 三类 hold a few units each, 二类 the rest; every
		// department exactly once, in units.toml order within a class.
		class := make([]int, len(deps))
		for i := range class {
			switch x := rng.IntN(10); {
			case x == 0:
				class[i] = 0
			case x == 9:
				class[i] = 2
			default:
				class[i] = 1
			}
		}
		if len(deps) >= 3 {
			for c := range 3 {
				if !slices.Contains(class, c) {
					class[rng.IntN(len(deps))] = c
				}
			}
		}
		w.Line("")
		w.Table("categories", "")
		for c, label := range []string{"一类", "二类", "三类"} {
			var list []string
			for i, u := range deps {
				if class[i] == c {
					list = append(list, u.Name)
				}
			}
			if len(list) > 0 {
				w.Entry("categories", label, list)
			}
		}
	}
	// A hand reminder for the owner of the entry ranked lowest in the city,
	// unless a rule of the sample already takes that action by city rank:
	// the hand entry would repeat the rule's measure, an error.
	byRule := func(action string) bool {
		return slices.ContainsFunc(g.s.Config.Rules, func(r site.Rule) bool { return r.On == site.OnCity && r.Action == action })
	}
	if actions := g.s.Config.Terms.Actions; worst != nil && worstCity > rk.CityUnits-rk.GroupSize && len(actions) > 1 && !byRule(actions[len(actions)-1]) {
		w.Line("")
		w.Tables("interview")
		w.Value("interview.unit", 6, worst.Owners[0].Name, "")
		w.Value("interview.who", 6, "分管领导", "")
		w.Value("interview.kind", 6, actions[len(actions)-1], "")
		w.Value("interview.reason", 6, worst.Name+"工作"+g.s.Config.Terms.City+"排名靠后", "")
	}
	g.files["data/"+key+".toml"] = []byte(w.String())
}

// circular writes the circular of a period — a month, or a quarter or
// year — published in the month after it; its 文号 serial counts up
// within the publication year, with gaps for the office's other 函 of
// the year. Its words follow the sample's last circular and [terms].
func (g *gen) circular(span site.Period, serials map[int]int) {
	_, last := span.Months()
	py, pm := span.Year, last+1
	if pm == 13 {
		py, pm = span.Year+1, 1
	}
	day := 3 + g.rng.IntN(20)
	if g.lastDay == nil {
		g.lastDay = map[[2]int]int{}
	}
	day = min(max(day, g.lastDay[[2]int{py, pm}]+1+g.rng.IntN(3)), 28)
	g.lastDay[[2]int{py, pm}] = day
	serials[py] += 1 + g.rng.IntN(3)
	label := span.Label()
	terms := g.s.Config.Terms
	code, title, to := "测政办函", "关于"+label+"考核情况的通报", "各有关单位"
	if n := len(g.s.Circulars); n > 0 {
		c := g.s.Circulars[n-1]
		code, to = c.Code, c.To
		if old := g.sampleLabel(c); old != "" && strings.Contains(c.Title, old) {
			title = strings.ReplaceAll(c.Title, old, label)
		}
	}
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "number = %s\n", site.Quote(fmt.Sprintf("%s〔%d〕%d号", code, py, serials[py])))
	fmt.Fprintf(&b, "title  = %s\n", site.Quote(title))
	fmt.Fprintf(&b, "date   = %04d-%02d-%02d\n", py, pm, day)
	fmt.Fprintf(&b, "to     = %s\n", site.Quote(to))
	fmt.Fprintf(&b, "data   = %s\n", site.Quote(span.Key()))
	b.WriteString("format = \"letter\"\n+++\n\n")
	fmt.Fprintf(&b, "**本通报为%s，由 tongbao gen-demo 生成，不代表真实考核结果。**\n\n", Marker)
	fmt.Fprintf(&b, "现将%s考核情况通报如下：\n\n", label)
	if span.Kind != site.Monthly {
		fmt.Fprintf(&b, "## 一、%s综合考核排名\n\n{{< township-ranking \"numbered\" >}}\n\n{{< period-table >}}\n\n", terms.Unit)
		b.WriteString("## 二、考核奖惩\n\n")
		// The measures of the office's rules of this kind of period in
		// force for it (年度最后一名约谈) besides the rewards, each in a
		// part of its own: a body without them would be warned of
		// (render.Unlisted).
		var others []string
		for _, a := range terms.Actions {
			if a != site.RewardAction && slices.ContainsFunc(g.s.Config.Rules, func(r site.Rule) bool { return r.Action == a && r.Period == span.Kind && r.AppliesTo(span) }) {
				others = append(others, a)
			}
		}
		if len(others) == 0 {
			b.WriteString("{{< rewards >}}\n")
		} else {
			b.WriteString("### （一）奖励\n\n{{< rewards >}}\n")
			for i, a := range others {
				fmt.Fprintf(&b, "\n### （%s）%s\n\n{{< measures %s >}}\n", chineseSmall(i+2), a, site.Quote(a))
			}
		}
		g.files["content/circulars/"+span.Key()+".md"] = []byte(b.String())
		return
	}
	b.WriteString("## 一、任务完成情况\n")
	n := 0
	for _, sec := range terms.Sections {
		if !slices.ContainsFunc(g.s.Indicators, func(ind *site.Indicator) bool { return ind.Section == sec }) {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n### （%s）%s\n\n{{< indicators %s >}}\n", chineseSmall(n), sec, site.Quote(sec))
	}
	b.WriteString("\n## 二、督查发现问题情况\n\n")
	fmt.Fprintf(&b, "（%s）部分单位资料报送不及时，个别项目推进偏慢。\n\n", Marker)
	b.WriteString("{{< city-bottom >}}\n\n")
	fmt.Fprintf(&b, "## 三、考核排名\n\n### （一）%s综合考核排名\n\n{{< township-ranking >}}\n\n", terms.Unit)
	fmt.Fprintf(&b, "### （二）%s考核排类\n\n{{< categories >}}\n\n", terms.Department)
	b.WriteString("## 四、考核奖惩\n\n### （一）奖励\n\n{{< rewards >}}\n")
	n = 1
	for _, a := range terms.Actions {
		if a == site.RewardAction {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n### （%s）%s\n\n{{< measures %s >}}\n", chineseSmall(n), a, site.Quote(a))
	}
	g.files["content/circulars/"+span.Key()+".md"] = []byte(b.String())
}

// sampleLabel is how the sample's circular c names its period, which
// its title holds: 2023年1-2月.
func (g *gen) sampleLabel(c *site.Circular) string {
	for _, m := range g.s.Months {
		if m.Key == c.Data.Key() {
			return m.Label()
		}
	}
	return c.Data.Label()
}

func chineseSmall(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n < len(digits) {
		return digits[n]
	}
	return strconv.Itoa(n)
}

func (g *gen) about(years int) {
	months := Months(years)
	first, last := months[0], months[len(months)-1]
	text := fmt.Sprintf(`+++
title = "关于本站（%s）"
date  = %s-01
+++

本站是由 tongbao gen-demo 生成的演示站点，覆盖 %s 至 %s 共%d个月。站内全部考核得分、名次、排类、奖惩和通报文号均为%s，不代表真实考核结果，仅用于演示归档、历史排名、订阅和开放数据等功能。
`, Marker, last, first, last, len(months), Marker)
	g.files["content/about.md"] = []byte(text)
}
