package render

import (
	"html/template"

	"tongbao/internal/rank"
	"tongbao/internal/zh"
)

// This file renders a circular's data appendix: every table behind its
// sentences, so that readers can check each rank against the scores. It
// is part of the circular's page (circulars.go); its rows are written by
// rowWriter (history_rows.go).

// Appendix is the data appendix of a circular: every table behind its
// sentences, so that readers can check each rank against the scores.
type Appendix struct {
	Period     string
	PeerHeader string // 三区排名
	Composite  *AppendixTable
	Tables     []AppendixTable // one per indicator with township scores
	// CityRanks are the rows of the table of city and peer ranks (指标,
	// 全市排名, 三区排名); empty when no entry has one.
	CityRanks template.HTML
}

// AppendixTable is one township table of the appendix. Its rows (排名,
// 乡镇（街道）, 得分) are written by rowWriter.
type AppendixTable struct {
	ID         string // html id: appendix-gongye
	Caption    string
	Path       string // the indicator's page; "" for the composite
	ScoreLabel string // 得分 | 得分（越低越好） | 综合得分
	Rows       template.HTML
}

// lowerBetterNote follows the caption of a table of scores where lower is
// better (better = "lower").
const lowerBetterNote = "（得分越低，排名越前）"

// appendix builds the data appendix of the circular reporting period p.
func (c *core) appendix(p *rank.Period) *Appendix {
	a := &Appendix{Period: p.Label, PeerHeader: c.s.Config.Ranking.DistrictLabel + "排名"}
	rows := func(ts []rank.Township, decimals int) template.HTML {
		w := rowWriter{c: c}
		for _, t := range ts {
			w.b.WriteString(`<tr>`)
			w.td("", zh.RankPhrase(t.Rank, t.Tied))
			w.b.WriteString(`<th scope="row">`)
			w.link(t.Unit.Name, unitPath(t.Unit))
			w.b.WriteString(`</th>`)
			w.td("num", formatScore(t.Value, decimals))
			w.endRow()
		}
		return w.html()
	}
	for _, g := range p.Groups {
		if len(g.Composite) > 0 {
			a.Composite = &AppendixTable{ID: "appendix-composite", Caption: "乡镇（街道）综合考核排名", ScoreLabel: "综合得分",
				Rows: rows(composite(p), c.s.Config.Scoring.Decimals)}
			break
		}
	}
	for _, g := range p.Groups {
		for _, ir := range g.Indicators {
			ind := ir.Result.Indicator
			t := AppendixTable{ID: "appendix-" + ind.ID, Caption: ind.Name + "乡镇（街道）排名", Path: indicatorPath(ind), ScoreLabel: "得分",
				Rows: rows(ir.Ranked, ind.Decimals)}
			if !ind.HigherBetter {
				// 并列第一 beside 0.00 reads as a mistake unless the table says why.
				t.Caption += lowerBetterNote
				t.ScoreLabel = "得分（越低越好）"
			}
			a.Tables = append(a.Tables, t)
		}
	}
	w := rowWriter{c: c}
	for _, res := range p.Month.Results {
		if res.City == 0 && res.District == 0 {
			continue
		}
		w.rowHead(res.Indicator.Name, indicatorPath(res.Indicator))
		if res.City > 0 {
			w.td("", zh.RankPhrase(res.City, res.CityTie))
		} else {
			w.td("", "—")
		}
		w.td("", peerPhrase(res))
		w.endRow()
	}
	a.CityRanks = w.html()
	return a
}
