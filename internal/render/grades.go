package render

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file is what the pages say of the [[grade]]s (评定等次): the
// circular's sentences of each level, the tables' column, a unit's level.

// gradesView is `grades [indicator]`: for each grading of the period —
// of one indicator's with the argument — a sentence per level, as the
// circulars write them: 评定为优秀等次的乡镇（3个）：甲镇、乙镇、丙镇。 A
// level no unit reached reads 评定为优秀等次的乡镇（街道）：无。 A group's
// sentences start with its name, an indicator's with its name.
func gradesView(c *core, p *rank.Period, _ edits, args []string) (any, error) {
	var ind *site.Indicator
	if len(args) > 0 {
		ind = c.s.Indicator(args[0])
		if ind == nil {
			return nil, fmt.Errorf("未知指标“%s”%s", args[0], c.s.IndicatorHint(args[0]))
		}
	}
	var out []string
	for _, g := range p.Gradings(c.s) {
		if ind != nil && g.Grade.Indicator != ind {
			continue
		}
		out = append(out, gradeSentences(c.s, p, g)...)
	}
	if len(out) == 0 {
		// Rendered all the same (本期未评定等次。), and told: a [[grade]]
		// missing, or one of another kind of period, is a slip.
		of := ""
		if ind != nil {
			of = "（指标“" + ind.Name + "”）"
		}
		return out, markdown.ShortcodeWarning(fmt.Sprintf("警告：config.toml 中没有适用于%s的 [[grade]]（等次评定）%s：grades 短代码没有可列出的等次；在 config.toml 写 [[grade]]（period 与这一期相同），或删去这个短代码", p.Label, of))
	}
	return out, nil
}

// gradeSentences are a grading's sentences, a level each. They call the
// units by the office's word (Site.UnitsCalled: [terms] unit, or the
// group's own), narrowed to the kind the level's units are all of
// (评定为优秀等次的街道（2个）), a level no unit reached by the kind of
// all those graded (评定为良好等次的乡镇（街道）：无。); a term with its
// kinds in brackets is listed before the count (乡镇、街道（3个）), not
// bracketed twice. 单位 only where the office has no word.
func gradeSentences(s *site.Site, p *rank.Period, g rank.Grading) []string {
	lead := g.Group
	if ind := g.Grade.Indicator; ind != nil {
		lead += ind.NameIn(p.Span.LastMonth())
	}
	var graded []*site.Unit
	for _, ts := range g.Levels {
		for _, t := range ts {
			graded = append(graded, t.Unit)
		}
	}
	out := make([]string, len(g.Levels))
	for i, ts := range g.Levels {
		head := lead + "评定为" + g.Grade.Levels[i].Name + g.Grade.Name + "的"
		if len(ts) == 0 {
			out[i] = head + cmp.Or(s.UnitsCalled(graded), "单位") + "：无。"
			continue
		}
		units := make([]*site.Unit, len(ts))
		names := make([]string, len(ts))
		for j, t := range ts {
			units[j], names[j] = t.Unit, t.Unit.Name
		}
		noun := cmp.Or(s.UnitsCalled(units), "单位")
		if strings.HasSuffix(noun, "）") {
			noun = zh.Listed(noun)
		}
		out[i] = head + noun + "（" + strconv.Itoa(len(ts)) + "个）：" + zh.Join(names) + "。"
	}
	return out
}

// levelsIn are the head of the column of levels of group g's ranking in
// p — its composite, or indicator ind's when ind is not nil — (等次, a
// [[grade]]'s name), and each unit's level, of the first [[grade]]
// grading that ranking; "" and nil when none does, and the table has no
// such column. The overall ranking (p.Overall) is graded by none.
func levelsIn(s *site.Site, p *rank.Period, g *rank.UnitGroup, ind *site.Indicator) (string, func(*site.Unit) string) {
	if g == p.Overall || len(s.Config.Grades) == 0 {
		return "", nil
	}
	on := site.OnComposite
	if ind != nil {
		on = site.OnIndicator
	}
	for _, gr := range p.GradingsOf(s, on, ind) {
		if gr.Group == g.Name {
			return gr.Grade.Name, gr.Level
		}
	}
	return "", nil
}

// OpenGrading is one grading of a period in its data.json: a [[grade]]'s
// levels in one unit group, each with its units in rank order.
type OpenGrading struct {
	On        string      `json:"on" zh:"依据：composite 为综合考核，indicator 为某一指标"`
	Indicator string      `json:"indicator,omitempty" zh:"指标代号（依据某一指标的才有）"`
	Group     string      `json:"group,omitempty" zh:"组别（分组排名时列出）"`
	Name      string      `json:"name" zh:"等次的叫法，如 等次、档次"`
	Levels    []OpenLevel `json:"levels" zh:"各等次，从好到差"`
}

// OpenLevel is one level of a grading, with its units.
type OpenLevel struct {
	Name  string   `json:"name" zh:"等次名称，如 优秀"`
	Rule  string   `json:"rule,omitempty" zh:"评定办法：得分界限和比例，如 90分以上、前20%（有界限或比例的等次才有；评定其余单位的等次没有）"`
	Units []string `json:"units" zh:"评为这个等次的{unit}，名次在前的在前"`
	Slugs []string `json:"slugs" zh:"它们的代号，与 units 一一对应"`
}

// openGradings are p's gradings as data.json gives them; nil when none.
func openGradings(s *site.Site, p *rank.Period) []OpenGrading {
	var out []OpenGrading
	for _, g := range p.Gradings(s) {
		og := OpenGrading{On: g.Grade.On.String(), Group: g.Group, Name: g.Grade.Name}
		if g.Grade.Indicator != nil {
			og.Indicator = g.Grade.Indicator.ID
		}
		for i, ts := range g.Levels {
			lv := OpenLevel{Name: g.Grade.Levels[i].Name, Rule: g.Grade.Levels[i].Words(), Units: []string{}, Slugs: []string{}}
			for _, t := range ts {
				lv.Units = append(lv.Units, t.Unit.Name)
				lv.Slugs = append(lv.Slugs, t.Unit.Slug)
			}
			og.Levels = append(og.Levels, lv)
		}
		out = append(out, og)
	}
	return out
}

// levelColumn heads the CSV files' column of levels, which only an
// office with a [[grade]] has: the others' files keep their columns.
const levelColumn = "等次"

// withLevels is header with the column of levels at its end when the
// site grades.
func (o *openData) withLevels(header []string) []string {
	if len(o.s.Config.Grades) == 0 {
		return header
	}
	return append(header, levelColumn)
}

// csvLevels is the level of a unit in a CSV row of p, by the row's
// indicator id ("" for the composite), of the first grading of that
// ranking; nil when the site grades nothing, and its rows have no such
// cell.
func csvLevels(s *site.Site, p *rank.Period) func(id string, u *site.Unit) string {
	if len(s.Config.Grades) == 0 {
		return nil
	}
	gs := p.Gradings(s)
	return func(id string, u *site.Unit) string {
		for _, g := range gs {
			gid := "" // the composite's
			if g.Grade.Indicator != nil {
				gid = g.Grade.Indicator.ID
			}
			if gid != id {
				continue
			}
			if lv := g.Level(u); lv != "" {
				return lv
			}
		}
		return ""
	}
}

// unitGrades are the sentences of unit u's levels (UnitView.Grades): for
// each [[grade]], its level in the newest of periods (oldest first) that
// grade graded it in — 2024年综合考核评定为优秀等次, 东片 before 综合考核
// with groups, an indicator's name in its place — and, when it was
// graded more than once, how often each level: （共评定3次：优秀2次、良好1次）.
func unitGrades(s *site.Site, periods []*rank.Period, u *site.Unit) []string {
	var out []string
	for gi := range s.Config.Grades {
		gr := &s.Config.Grades[gi]
		var last string
		count := make([]int, len(gr.Levels))
		n := 0
		for _, p := range periods {
			for _, g := range p.Gradings(s) {
				if g.Grade != gr {
					continue
				}
				lv := g.Level(u)
				if lv == "" {
					continue
				}
				what := g.Group + "综合考核"
				if gr.Indicator != nil {
					what = g.Group + gr.Indicator.NameIn(p.Span.LastMonth())
				}
				last = p.Label + what + "评定为" + lv + gr.Name
				for i, l := range gr.Levels {
					if l.Name == lv {
						count[i]++
					}
				}
				n++
			}
		}
		if n == 0 {
			continue
		}
		if n > 1 {
			var tally []string
			for i, k := range count {
				if k > 0 {
					tally = append(tally, gr.Levels[i].Name+strconv.Itoa(k)+"次")
				}
			}
			last += "（共评定" + strconv.Itoa(n) + "次：" + zh.Join(tally) + "）"
		}
		out = append(out, last)
	}
	return out
}

// ungraded warns of each circular of a period its [[grade]]s graded when
// no circular of the period lists the levels (no `grades`): an office
// that adds a [[grade]] for next year's 考核办法 copies last year's body,
// which has none, and would publish a year graded and a circular silent
// on it. The warning is at the body's first line, where no list of the
// levels is; Unlisted calls it, as it reads the bodies too.
func ungraded(s *site.Site, res *rank.Results) diag.List {
	if len(s.Config.Grades) == 0 {
		return nil
	}
	md := markdown.New()
	listed := map[*rank.Period]bool{}
	var circs []*site.Circular
	for _, circ := range s.Circulars {
		p := res.Period(circ.Data.Key())
		if p == nil || circ.Body == nil || len(p.Gradings(s)) == 0 {
			continue
		}
		circs = append(circs, circ)
		scs, _ := md.Shortcodes(circ.Body)
		for _, sc := range scs {
			if sc.Name == "grades" {
				listed[p] = true
			}
		}
	}
	var l diag.List
	for _, circ := range circs {
		if p := res.Period(circ.Data.Key()); !listed[p] {
			l.Add(circ.File, circ.BodyLine, 1, "警告：%s评定了等次（config.toml 的 [[grade]]），通报正文没有列出：要列出，在正文中加一行 {{< grades >}}", p.Label)
		}
	}
	return l
}
