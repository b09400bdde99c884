package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the overall ranking ([ranking] overall, DESIGN.md
// §5.8) beside a group's: a column of each unit's overall rank in the
// tables, headed in the office's words.

// overallHeader heads the column of the overall ranks: [terms] scope's
// 排名, 全县排名 or 全市排名.
func (c *core) overallHeader() string { return c.s.Config.Terms.Scope + "排名" }

// overallRanked are the units of an overall ranking by unit, for the
// column beside a group's; nil for none.
type overallRanked map[*site.Unit]rank.Township

func overallRanks(ir *rank.IndicatorResult) overallRanked {
	if ir == nil {
		return nil
	}
	return overallOf(ir.Ranked)
}

func overallOf(ts []rank.Township) overallRanked {
	out := make(overallRanked, len(ts))
	for _, t := range ts {
		out[t.Unit] = t
	}
	return out
}

// phrase is u's overall rank as the tables write a rank (第一, 并列第三),
// "" without an overall ranking; "—" for a unit it does not rank.
func (o overallRanked) phrase(u *site.Unit) string {
	if o == nil {
		return ""
	}
	t, ok := o[u]
	if !ok {
		return "—"
	}
	return zh.RankPhrase(t.Rank, t.Tied)
}

// overallCell writes u's overall rank in a row of a group's table: a dash
// read 无排名 for a unit the overall ranking does not have.
func (w *rowWriter) overallCell(o overallRanked, u *site.Unit) {
	if t, ok := o[u]; ok {
		w.td("rank", zh.RankPhrase(t.Rank, t.Tied))
		return
	}
	w.tdNone("rank", "无排名")
}

// overall reports whether the site ranks its groups' units together too
// ([ranking] overall with [[group]]s), which the open data's columns and
// fields of the overall ranks follow.
func (c *core) overall() bool { return c.s.Config.Ranking.Overall && len(c.s.Groups) > 0 }

// setOverall fills in the overall ranks of ts, a group's townships in
// data.json, from the overall ranking over.
func setOverall(ts []OpenTownship, over []rank.Township) {
	bySlug := make(map[string]rank.Township, len(over))
	for _, t := range over {
		bySlug[t.Unit.Slug] = t
	}
	for i := range ts {
		if t, ok := bySlug[ts[i].Slug]; ok {
			ts[i].OverallRank, ts[i].OverallTied = t.Rank, t.Tied
		}
	}
}

// overallColumns head the CSV's last three columns of an office that
// ranks overall: 全县得分, 全县排名, 全县并列, after the columns every
// office's CSV has, so that a reader's spreadsheet taking them by
// position keeps working. 全县得分 is the score the overall rank is of:
// an indicator's own, and of the composite, with rank points, the
// overall one, not the group's of 得分.
func (o *openData) overallColumns() []string {
	scope := o.s.Config.Terms.Scope
	return []string{scope + "得分", scope + "排名", scope + "并列"}
}

// overallCells appends to each of a period's CSV rows the score its
// unit's overall rank is of, that rank and whether it is tied there, in the indicator's (or the
// composite's) overall ranking: empty for a row without a rank (不涉及,
// 免于考核). A site without the overall ranking keeps its rows as they are.
func (o *openData) overallCells(rows [][]string, p *rank.Period) {
	if !o.overall() {
		return
	}
	const slug, id, ranked = 8, 9, 5 // the columns, of a site with groups: 单位代号, 指标代号, 排名
	var composite overallRanked
	if p.Overall != nil {
		composite = overallOf(p.Overall.Composite)
	}
	bySlug := map[string]*site.Unit{}
	for _, u := range o.s.Townships {
		bySlug[u.Slug] = u
	}
	byID := map[string]overallRanked{}
	for i, r := range rows {
		over := composite
		if r[id] != "" {
			var ok bool
			if over, ok = byID[r[id]]; !ok && p.Overall != nil {
				if ir := p.Overall.Indicator(r[id]); ir != nil {
					over = overallOf(ir.Ranked)
				}
				byID[r[id]] = over
			}
		}
		score, rank, tied := "", "", ""
		if t, ok := over[bySlug[r[slug]]]; ok && r[ranked] != "" {
			score, rank, tied = r[ranked-1], strconv.Itoa(t.Rank), "否"
			if r[id] == "" {
				score = formatScore(t.Value, o.s.Config.Scoring.Decimals)
			}
			if t.Tied {
				tied = "是"
			}
		}
		rows[i] = append(r, score, rank, tied)
	}
}

// latestOverall is a township's lead's place in period p's overall
// composite, 全县排名第十二（共64个）, or "" without one.
func (c *core) latestOverall(p *rank.Period, u *site.Unit) string {
	if p.Overall == nil {
		return ""
	}
	for _, t := range p.Overall.Composite {
		if t.Unit == u {
			return fmt.Sprintf("%s%s（共%d个）", c.overallHeader(), zh.RankPhrase(t.Rank, t.Tied), len(p.Overall.Composite))
		}
	}
	return ""
}

// overallComposite writes the cell of a township's overall composite rank
// in period p beside its group's, a dash said as absent says it where it
// has none.
func (w *rowWriter) overallComposite(p *rank.Period, u *site.Unit, absent string) {
	if p.Overall != nil {
		for _, t := range p.Overall.Composite {
			if t.Unit == u {
				w.td("", zh.RankPhrase(t.Rank, t.Tied))
				return
			}
		}
	}
	w.tdNone("", absent)
}

// overallMatrices gives an indicator's page the matrix of its overall
// ranks, a year a table, its units in units.toml order (no group heads:
// they rank together), when the office ranks overall and the indicator's
// units are of more than one group (one group's ranking is the overall
// one, which its matrix shows already).
func (h *history) overallMatrices(v *IndicatorView, ind *site.Indicator) {
	if !h.overall() || !slices.ContainsFunc(ind.Townships, func(u *site.Unit) bool { return u.Group != ind.Townships[0].Group }) {
		return
	}
	m := h.model()
	v.OverallHeading = h.overallHeader()
	byPeriod := make([]overallRanked, len(m.periods))
	for i, p := range m.periods {
		if p.Overall != nil {
			if ir := p.Overall.Indicator(ind.ID); ir != nil {
				byPeriod[i] = overallOf(ir.Ranked)
			}
		}
	}
	v.Overall = matrices(h, indicatorPath(ind)+"#overall", v.Unit, "%d年"+v.Unit+h.overallHeader(), ind.Townships, nil,
		func(t *site.Unit, _ yearSpan) (string, string) { return t.Name, unitPath(t) },
		func(t *site.Unit, i int) rankCell {
			if c, ok := unrankedCell(m.periods[i].Month, ind, t); ok {
				return c
			}
			p := placing{}
			if o, ok := byPeriod[i][t]; ok {
				p = placing{rank: o.Rank, tied: o.Tied, value: o.Value}
			}
			return townshipCell(ind, p, ind.In(m.periods[i].Month.Key).Decimals, absence(t, m.periods[i].Span.Key()))
		},
		func(p *rank.Period) []input { return []input{indicatorIn(p, ind)} })
	for i := range v.Overall {
		v.Overall[i].ID = "overall-" + v.Overall[i].ID
	}
}

// overallCompositeTable is the appendix's table of the overall composite
// (全县综合考核排名), after the groups': with rank points its scores are
// not the groups', and without them no reader could check the 全县排名
// column of the groups' tables.
func (c *core) overallCompositeTable(p *rank.Period, id, scoreLabel string, rows template.HTML) AppendixTable {
	terms := c.s.Config.Terms
	return AppendixTable{ID: id, Caption: terms.Scope + terms.Unit + "综合考核排名", UnitHeader: terms.Unit, ScoreLabel: scoreLabel, Rows: rows}
}

// overallHeatmap gives the rankings page the heat map of the overall
// composite, a year a table, every unit shaded among all those ranked
// (全县行政村综合考核排名), of an office that ranks overall.
func (h *history) overallHeatmap(v *RankingsView) {
	if !h.overall() {
		return
	}
	m := h.model()
	terms := h.s.Config.Terms
	v.OverallHeading = terms.Scope + terms.Unit + "综合考核排名"
	byPeriod := make([]overallRanked, len(m.periods))
	n := 0 // the shades cover the most ranked together
	for i, p := range m.periods {
		if p.Overall != nil {
			byPeriod[i] = overallOf(p.Overall.Composite)
			n = max(n, len(p.Overall.Composite))
		}
	}
	v.OverallLegend = heatLegend(n)
	dec := h.s.Config.Scoring.Decimals
	v.Overall = matrices(h, "rankings/#overall", terms.Unit, "%d年"+v.OverallHeading, h.s.Townships, nil,
		func(t *site.Unit, _ yearSpan) (string, string) { return t.Name, unitPath(t) },
		func(t *site.Unit, i int) rankCell {
			if c, ok := exemptCell(t, m.periods[i].Month.Key); ok {
				return c
			}
			o, ok := byPeriod[i][t]
			if !ok {
				return rankCell{title: cmp.Or(absence(t, m.periods[i].Span.Key()), "无排名")}
			}
			return rankCell{text: strconv.Itoa(o.Rank), score: formatScore(o.Value, dec), class: "heat-" + strconv.Itoa(heatLevel(o.Rank, len(m.periods[i].Overall.Composite)))}
		},
		func(p *rank.Period) []input { return []input{compositeIn(p)} })
	for i := range v.Overall {
		v.Overall[i].Class = "heatmap"
		v.Overall[i].ID = "overall-" + v.Overall[i].ID
		v.Overall[i].Notes = exemptNotes(m.periods, v.Overall[i].Year, h.s.Townships, func(*rank.Period, *site.Unit) bool { return true })
	}
}

// monthRanking is the ranking of u in month m that a period-table row of
// an aggregate's ranking shows: the overall one for the overall table,
// u's group's otherwise.
func monthRanking(m *rank.Period, overall bool, u *site.Unit) *rank.UnitGroup {
	if overall {
		return m.Overall
	}
	return m.Group(u)
}

// homeOverall gives the home page's ranking rk of period p, whose rows
// have their places in it already, the overall ranking's column heading
// and, after the groups, the overall composite, headed in the office's
// words (全县行政村综合考核排名): nothing without one.
func (c *core) homeOverall(rk *Ranking, p *rank.Period) {
	if p.Overall == nil || len(p.Overall.Composite) == 0 {
		return
	}
	terms := c.s.Config.Terms
	rk.OverallHeader = c.overallHeader()
	rk.Overall = &RankGroup{Name: terms.Scope + terms.Unit + "综合考核排名"}
	for _, t := range p.Overall.Composite {
		row := RankRow{Rank: zh.RankPhrase(t.Rank, t.Tied), Name: t.Unit.Name, Path: unitPath(t.Unit), Score: formatScore(t.Value, c.s.Config.Scoring.Decimals)}
		if t.Unit.Group != nil {
			row.Group = t.Unit.Group.Name
		}
		rk.Overall.Rows = append(rk.Overall.Rows, row)
	}
}
