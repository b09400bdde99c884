package render

import (
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
