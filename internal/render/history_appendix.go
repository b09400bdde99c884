package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders a circular's data appendix: every table behind its
// sentences, so that readers can check each rank against the scores. It
// is part of the circular's page (circulars.go); its rows are written by
// rowWriter (history_rows.go).

// Appendix is the data appendix of a circular: every table behind its
// sentences, so that readers can check each rank against the scores.
type Appendix struct {
	// Number is the 文号 of the circular it belongs to. Printed alone
	// (打印附表) the appendix is paper apart from the document, and GB/T
	// 9704-2012 §7.3.7 puts the document's 发文字号 at the top left of an
	// appendix that is not bound with it: without it no sheet says which
	// circular its tables are from. On screen the document is above it.
	// The standard writes “附件” and its number after the 文号; this
	// appendix is not one of the 附件 the document's 附件说明 lists (those
	// are its attachments, 附件1…), so the line is the 文号 alone and the
	// appendix's own heading, 附：…考核数据, says what it is.
	Number     string
	Period     string
	Note       string // what the tables are, in the office's words
	CityHeader string // <city>排名
	PeerHeader string // <peer>排名
	// Composite are the composite rankings, one per unit group: of a
	// month, or an aggregate's of its months.
	Composite []AppendixTable
	Tables    []AppendixTable // one per indicator with township scores (and group)
	// CityRanks are the rows of the table of city and peer ranks (指标,
	// <city>排名, <peer>排名); empty when no entry has one.
	CityRanks template.HTML
	// CityColumn and PeerColumn say which of the two kinds of rank the
	// month has, and so which columns CityRanks holds.
	CityColumn, PeerColumn bool
	// Partial says, in an aggregate, which townships were ranked in only
	// some of its months, and so were aggregated over those (§5.10); in a
	// month, which were exempted from it (免考).
	Partial []string
	// Adjusted says, in a month, the 加减分 its composite includes, with
	// their reasons: without it no reader can reproduce a composite they
	// moved from the tables (综合得分含加减分：…); "" when there are none.
	Adjusted string
	// Waived says which of the rules' measures of the period a [[waiver]]
	// withheld (一票否决) and why, one sentence each, as the unit's page
	// says them: a reader who finds the first of a ranking missing from
	// the rewards learns why here, not only from data.json.
	Waived []string
}

// AppendixTable is one township table of the appendix. Its rows (排名,
// <unit>, 得分) are written by rowWriter.
type AppendixTable struct {
	ID         string // html id: appendix-gongye
	Caption    string
	Path       string // the indicator's page; "" for the composite
	UnitHeader string // [terms] unit
	ScoreLabel string // 得分 | 得分（越低越好） | 件数（越少越好） | 综合得分 | 平均综合得分 …
	// CountLabels head the columns of counts a derived score is reckoned
	// from (扣分制: 信访件数), before ScoreLabel's; none otherwise.
	CountLabels []string
	// OverallHeader heads the column of each unit's overall rank, beside
	// its group's (全县排名: [ranking] overall); "" without one.
	OverallHeader string
	Rows          template.HTML
	// GradeLabel heads the column of levels (等次) a table has when a
	// [[grade]] grades its ranking (the composite's, or the indicator's),
	// after the score's; "" for none.
	GradeLabel string
	// Notes say why a township is in the table without a rank (不涉及),
	// printed right under it: at the head of the appendix, tables away
	// from its row, the reason was found by no one, and in the row's
	// score column it squeezed the table on a phone.
	Notes []string
}

// Columns is the number of the table's columns, which the row that
// titles it on paper spans. A table of a circular's (the appendix's, the
// `table` and `period-table` shortcodes') has in its head, first, a row
// hidden on screen and from screen readers (the hidden attribute) that
// titles it on paper: <tr class="print-title" hidden><td colspan="N"
// data-title="caption"></td></tr>, N its Columns. Paper repeats a
// table's head on every page the table goes on to, not its caption: a
// group's table went on to a page under 排名 县（市、区） 得分 with
// nothing to say whose ranks they were. The stylesheet prints the row in
// place of the caption, its title from data-title and 续表 at the end of
// its line on every page but the table's first (@media print:
// .print-title). The title is an attribute's, not text, so that the
// caption is not said twice where a page's text is read without its
// stylesheet (the search index, a feed reader).
func (t AppendixTable) Columns() int {
	n := 3 + len(t.CountLabels) + min(len(t.OverallHeader), 1)
	if t.GradeLabel != "" {
		n++ // the levels' (等次)
	}
	return n
}

// countColumns are the counts a derived indicator's scores are reckoned
// from (扣分制, site.Indicator.Deduct), each a column before the score's
// in its tables: the reader who asks why 7.0 finds 3 件 beside it, where
// the count's own table, dropped, said the same ranking again.
type countColumns struct {
	heads []string                // 信访件数; 事故（起） with a unit its name lacks
	cells map[*site.Unit][]string // each township's counts, as the count's table wrote them; "" where it has none
}

// of are u's cells under the heads, none for an indicator without count
// columns; "—" under a count it has none of, one not applicable to it
// (办件超时次数 of a unit with no 办件, which the score is reckoned
// without). A township the derived score skips keeps the counts it
// reported: 2 under 办件超时次数 beside — under 群众投诉起数, as data.json
// and data.csv give them.
func (cc countColumns) of(u *site.Unit) []string {
	if len(cc.heads) == 0 {
		return nil
	}
	out := make([]string, len(cc.heads))
	for i := range out {
		out[i] = noCount
		if c := cc.cells[u]; c != nil && c[i] != "" {
			out[i] = c[i]
		}
	}
	return out
}

// noCount stands in a count column where the unit has no count: the
// appendix writes it as a dash read 不涉及 (countCells), the table
// shortcode's template likewise.
const noCount = "—"

// countCells writes a row's cells under the count columns.
func (w *rowWriter) countCells(cells []string) {
	for _, n := range cells {
		if n == noCount {
			w.tdNone("num", notApplicable)
		} else {
			w.td("num", n)
		}
	}
}

// countsOf are the count columns of ind in month m: none for an indicator
// whose scores are written, or for an aggregate (m nil).
func countsOf(m *site.Month, ind *site.Indicator) countColumns {
	if m == nil || len(ind.Deduct) == 0 {
		return countColumns{}
	}
	cc := countColumns{cells: map[*site.Unit][]string{}}
	for _, d := range ind.Deduct {
		head := d.From.NameIn(m.Key)
		if u := d.From.ScoreUnit; u != "" && !strings.Contains(head, u) { // 信访件数, not 信访件数（件）
			head += "（" + d.From.ScoreUnit + "）"
		}
		cc.heads = append(cc.heads, head)
		if r := m.Result(d.From.ID); r != nil {
			decimals := d.From.In(m.Key).Decimals
			for _, sc := range r.Scores {
				if cc.cells[sc.Unit] == nil {
					cc.cells[sc.Unit] = make([]string, len(ind.Deduct))
				}
				cc.cells[sc.Unit][len(cc.heads)-1] = formatScore(sc.Value, decimals)
			}
		}
	}
	return cc
}

// lowerBetterNote follows the caption of a table of ind's values where
// lower is better (better = "lower"), in its months when not all of them
// (lowerIn): （得分越低，排名越前）, of a count （件数越少，排名越前）.
func lowerBetterNote(ind *site.Indicator, months string) string {
	return "（" + months + ind.ValueName() + ind.Better(false) + "，排名越前）"
}

// scoreHeading heads an indicator's column of values: 得分, with what
// they are counted in (indicators.toml scoreUnit: 得分（%）) and, where
// lower is better, that (得分（%，越低越好）): 并列第一 beside 0.00 reads
// as a mistake unless the table says why. A count's column is headed by
// what it counts, its unit in the noun (件数, 件数（越少越好）): 3 of
// 信访 is 3件, not a score of 3.
func scoreHeading(ind *site.Indicator, higherBetter bool) string {
	var notes []string
	if ind.ScoreUnit != "" && !ind.IsCount() {
		notes = append(notes, ind.ScoreUnit)
	}
	if !higherBetter {
		notes = append(notes, ind.Better(false)+"越好")
	}
	if len(notes) == 0 {
		return ind.ValueName()
	}
	return ind.ValueName() + "（" + strings.Join(notes, "，") + "）"
}

// appendix builds the data appendix of the circular reporting period p.
func (c *core) appendix(p *rank.Period) *Appendix {
	terms := c.s.Config.Terms
	a := &Appendix{Period: p.Label, CityHeader: terms.City + "排名", PeerHeader: terms.Peer + "排名"}
	var tabled []*site.Indicator // the indicators a.Tables are of, in order
	rows := func(ts []rank.Township, decimals int, counts countColumns, over overallRanked, levelOf func(*site.Unit) string) template.HTML {
		w := rowWriter{c: c}
		for _, t := range ts {
			w.b.WriteString(`<tr>`)
			w.td("rank", zh.RankPhrase(t.Rank, t.Tied)) // never broken (site.css)
			if over != nil {
				w.overallCell(over, t.Unit)
			}
			w.b.WriteString(`<th scope="row">`)
			w.link(t.Unit.Name, unitPath(t.Unit))
			w.b.WriteString(`</th>`)
			w.countCells(counts.of(t.Unit))
			w.td("num", townshipScore(t, decimals))
			if levelOf != nil {
				w.td("level", levelOf(t.Unit))
			}
			w.endRow()
		}
		return w.html()
	}
	// ids are the tables' html ids: one per group, numbered when there
	// are groups.
	id := func(base string, i int) string {
		if len(p.Groups) > 1 {
			return fmt.Sprintf("%s-%d", base, i+1)
		}
		return base
	}
	scoreLabel := "综合得分"
	if p.Aggregate() {
		scoreLabel = [...]string{site.MeanPoints: "平均综合得分", site.SumPoints: "综合得分合计", site.MeanRank: "平均名次"}[c.s.Config.Aggregate.Method]
		each := aggregateWords(p).Each
		a.Note = fmt.Sprintf("以下为本期通报所依据的%s综合考核排名：%s%s各%s%s，每%s的名次见各%s通报。", terms.Unit, p.Label, terms.Unit, each,
			[...]string{site.MeanPoints: "综合得分的平均", site.SumPoints: "综合得分之和", site.MeanRank: "综合考核名次的平均（越小越好）"}[c.s.Config.Aggregate.Method], each, each)
	}
	var overComposite overallRanked // each unit's overall composite rank, beside its group's
	if p.Overall != nil {
		overComposite = overallOf(p.Overall.Composite)
	}
	for i, g := range p.Groups {
		if len(g.Composite) > 0 {
			label, levelOf := levelsIn(c.s, p, g, nil)
			a.Composite = append(a.Composite, AppendixTable{ID: id("appendix-composite", i), Caption: g.Name + terms.Unit + "综合考核排名",
				UnitHeader: terms.Unit, ScoreLabel: scoreLabel, GradeLabel: label, Rows: rows(g.Composite, c.s.Config.Scoring.Decimals, countColumns{}, overComposite, levelOf)})
			if g.Name != "" {
				a.Composite[len(a.Composite)-1].Caption = g.Name + "综合考核排名"
			}
			if overComposite != nil {
				a.Composite[len(a.Composite)-1].OverallHeader = c.overallHeader()
			}
			a.Composite[len(a.Composite)-1].Notes = vetoNotes(p, g.Composite)
		}
		if p.Aggregate() {
			for _, t := range g.Composite {
				if note := partialSentence(t.Unit, p, c.s.Assesses()); note != "" {
					a.Partial = append(a.Partial, note)
				}
			}
		}
	}
	if p.Overall != nil && len(p.Overall.Composite) > 0 {
		a.Composite = append(a.Composite, c.overallCompositeTable(p, id("appendix-composite", len(p.Groups)), scoreLabel, rows(p.Overall.Composite, c.s.Config.Scoring.Decimals, countColumns{}, nil, nil)))
	}
	if p.Aggregate() {
		// A township exempted from every month of the period it was in
		// (免考) is in none of its rankings: said, as a month's appendix
		// says it, or the reader counts one short and wonders why.
		for _, u := range c.s.Townships {
			if note, ok := exemptPeriodSentence(u, p); ok {
				a.Partial = append(a.Partial, note)
			}
		}
	}
	if p.Month != nil {
		// A township exempted from the month (免考) is in none of its
		// tables: said, or the reader counts one short and wonders why
		// (its page's dash for the month says 免考 to a screen reader
		// only).
		a.Partial = append(a.Partial, exemptSentences(c.s.Exempted(p.Month.Key), p)...)
	}
	for i, g := range p.Groups {
		for _, ir := range g.Indicators {
			ind := ir.Result.Indicator
			if p.Month != nil && p.Month.Deducted(ind) {
				continue // a column of its derived score's table
			}
			set := ind.In(p.Span.LastMonth()) // the month's own 考核办法, and name
			caption := set.Name + resultKind(terms.Unit, g, ir) + "排名"
			if g.Name != "" {
				caption = set.Name + g.Name + "排名"
			}
			counts := countsOf(p.Month, ind)
			over := overallRanks(p.OverallOf(ind.ID))
			label, levelOf := levelsIn(c.s, p, g, ind)
			rs := rows(ir.Ranked, set.Decimals, counts, over, levelOf)
			if excluded := excludedRows(c, g, ir.Result, counts, over != nil, label); excluded != "" {
				rs += excluded
			}
			t := AppendixTable{ID: id("appendix-"+ind.ID, i), Caption: caption, Path: indicatorPath(ind),
				UnitHeader: terms.Unit, ScoreLabel: scoreHeading(ind, set.HigherBetter), CountLabels: counts.heads, GradeLabel: label, Rows: rs}
			if over != nil {
				t.OverallHeader = c.overallHeader()
			}
			// A township the indicator did not apply to this month
			// (不涉及): the table lists it last, and the note under it
			// says why.
			for _, e := range ir.Result.NotApplicable {
				if slices.Contains(g.Units, e.Unit) && p.Month != nil {
					t.Notes = append(t.Notes, fmt.Sprintf("%s%s不涉及%s%s，不参加该项排名，综合考核按其余各项计算。", e.Unit.Name, p.Label, set.Name, parenthesised(e.Reason)))
				}
			}
			t.Notes = append(t.Notes, unreportedNotes(c.s, p, g, ir)...)
			if !set.HigherBetter {
				t.Caption += lowerBetterNote(ind, "")
			}
			a.Tables = append(a.Tables, t)
			tabled = append(tabled, ind)
		}
	}
	for _, w := range p.Waived {
		if w.Matched {
			a.Waived = append(a.Waived, w.Measure.Unit.Name+"，"+waivedClause(w)+parenthesised(w.Reason)+"。")
		}
	}
	if p.Month == nil {
		return a
	}
	// A column only for a kind of rank the month has: an office whose
	// level above ranks but never compares it with its peers (or the
	// reverse) gets no column of dashes.
	var city, peer bool
	for _, res := range p.Month.Results {
		city, peer = city || res.City > 0, peer || res.District > 0
	}
	a.CityColumn, a.PeerColumn = city, peer
	w := rowWriter{c: c}
	for _, res := range p.Month.Results {
		if res.City == 0 && res.District == 0 {
			continue
		}
		w.rowHead(res.Indicator.NameIn(p.Month.Key), indicatorPath(res.Indicator))
		switch {
		case !city:
		case res.City > 0:
			w.td("", zh.RankPhrase(res.City, res.CityTie))
		default:
			w.td("", "—")
		}
		if peer {
			w.td("", peerPhrase(res))
		}
		w.endRow()
	}
	a.CityRanks = w.html()
	var adjusted []zh.Adjustment
	for _, adj := range p.Month.Adjustments {
		adjusted = append(adjusted, zh.Adjustment{Unit: adj.Unit.Name, Points: adj.Points, Reason: adj.Reason})
	}
	a.Adjusted = zh.Adjustments(adjusted)
	values := ""
	if len(tabled) > 0 {
		values = valueNames(tabled)
	}
	a.Note = monthNote(terms.Unit, len(a.Composite) > 0, values, city, peer, a.CityHeader, a.PeerHeader)
	return a
}

// vetoNotes say, under a composite table, which townships a veto (一票
// 否决, a [[waiver]] with last = true) put last, and why: 甲镇2024年1月
// 一票否决（发生较大生产安全事故），综合考核排名列最后。 Its score is
// printed: the note says why it is last all the same.
func vetoNotes(p *rank.Period, ts []rank.Township) []string {
	var notes []string
	for _, t := range ts {
		if reason, ok := p.Veto(t.Unit); ok && t.Vetoed {
			notes = append(notes, t.Unit.Name+p.Label+"一票否决"+parenthesised(reason)+"，综合考核排名列最后。")
		}
	}
	return notes
}

// unreportedNotes say, under an indicator's table of group g, which
// townships did not report it (未报送) and how the office's rule counted
// them: 己乡2024年1月未报送规模工业增加值增速（逾期未报送），该项排名列最后。
// or, with unreported = "zero", …，该项按0分计。 A composite of the
// scores themselves (score, sum) counts it at the lowest score by
// either rule, and the note says that too.
func unreportedNotes(s *site.Site, p *rank.Period, g *rank.UnitGroup, ir *rank.IndicatorResult) []string {
	if p.Month == nil {
		return nil
	}
	set := ir.Result.Indicator.In(p.Month.Key)
	var notes []string
	for _, e := range ir.Result.Unreported {
		if !slices.Contains(g.Units, e.Unit) {
			continue
		}
		counted := "，该项排名列最后"
		v, _ := s.UnreportedValue(ir.Result.Indicator, p.Month.Key)
		if s.Config.Ranking.Zero {
			counted = "，该项按" + numberWords(v, ir.Result.Indicator) + "计"
		} else if set.Weight > 0 && (s.Config.Scoring.RawScore || s.Config.Scoring.RawSum) {
			counted += "，综合考核该项按" + numberWords(set.Floor(), ir.Result.Indicator) + "计"
		}
		notes = append(notes, e.Unit.Name+p.Label+"未报送"+set.Name+parenthesised(e.Reason)+counted+"。")
	}
	return notes
}

// numberWords is a value of ind as a note says it: 0分, 60分, or of a
// count in its unit, 10件.
func numberWords(v float64, ind *site.Indicator) string {
	unit := "分"
	if ind.IsCount() {
		unit = strings.TrimSpace(ind.ScoreUnit)
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + unit
}

// resultKind is the noun of the units an indicator's table lists in
// group g, ranked or not applicable, as zh.Kind finds it: 街道 for an
// indicator only the streets take part in (城市精细化管理街道排名), the
// term whole when they are of several kinds.
func resultKind(noun string, g *rank.UnitGroup, ir *rank.IndicatorResult) string {
	var names []string
	for _, t := range ir.Ranked {
		names = append(names, t.Unit.Name)
	}
	for _, e := range ir.Result.NotApplicable {
		if slices.Contains(g.Units, e.Unit) {
			names = append(names, e.Unit.Name)
		}
	}
	return zh.Kind(noun, names)
}

// excludedRows are the rows of an indicator's table for the townships of
// group g its result did not apply to this month (不涉及), after the
// ranked ones: no rank, and 不涉及 where the score would be and under each
// count it has none of (the counts it has are printed); the reason is the
// table's note (AppendixTable.Notes). A table with a column of levels
// (grade, its head) has a dash in it, said 未评定等次: a unit not ranked
// is not graded.
func excludedRows(c *core, g *rank.UnitGroup, res *site.Result, counts countColumns, overall bool, grade string) template.HTML {
	w := rowWriter{c: c}
	for _, e := range res.NotApplicable {
		if !slices.Contains(g.Units, e.Unit) {
			continue
		}
		w.b.WriteString(`<tr>`)
		w.tdNone("", "无排名") // as the table shortcode says it: the score cell says 不涉及
		if overall {
			w.tdNone("", "无排名")
		}
		w.b.WriteString(`<th scope="row">`)
		w.link(e.Unit.Name, unitPath(e.Unit))
		w.b.WriteString(`</th>`)
		w.countCells(counts.of(e.Unit))
		w.td("num", notApplicable)
		if grade != "" {
			w.tdNone("level", "未评定"+grade)
		}
		w.endRow()
	}
	return w.html()
}

// monthNote says what a month's appendix holds: only the tables it has.
// An office whose level above ranks none of its indicators (a county's
// 督查室 ranking its departments) is not told of 全市排名 and 同类县排名
// that no table shows. values names what its indicators' tables hold
// (得分, 得分或件数: valueNames), "" when it has none.
func monthNote(unit string, composite bool, values string, city, peer bool, cityHeader, peerHeader string) string {
	var held, ranks []string
	if composite {
		held = append(held, unit+"综合考核排名")
	}
	if values != "" {
		held = append(held, "各单项指标的"+unit+values+"和排名")
	}
	if city {
		ranks = append(ranks, cityHeader)
	}
	if peer {
		ranks = append(ranks, peerHeader)
	}
	note := strings.Join(held, "，")
	switch {
	case note == "" && len(ranks) == 0:
		return ""
	case note == "":
		note = strings.Join(ranks, "和")
	case len(ranks) > 0:
		note += "，以及" + strings.Join(ranks, "和")
	}
	return "以下为本期通报所依据的全部排名：" + note + "。"
}

// exemptSentences say that townships us were exempted from month p (免考,
// units.toml exempt), and why where units.toml says: 己镇2023年2月免于考核
// （数据报送不全），不参加本月各项排名。 Those of one reason share a sentence,
// in us's order (甲镇、丙镇2023年2月免于考核（遭受洪涝灾害），……): a flooded
// 乡镇's eight villages were eight sentences alike. The appendix says them
// at its head, a table shortcode's note under the table. A file of a
// quarter, a half or a year says 本季度, 本期, 本年度 (PeriodKind.Reword):
// 本月 of 2024年1-3月 would read as March.
func exemptSentences(us []*site.Unit, p *rank.Period) []string {
	var reasons []string
	names := map[string][]string{}
	for _, u := range us {
		r := u.ExemptReason(p.Month.Key)
		if _, ok := names[r]; !ok {
			reasons = append(reasons, r)
		}
		names[r] = append(names[r], u.Name)
	}
	var out []string
	for _, r := range reasons {
		out = append(out, fmt.Sprintf("%s%s免于考核%s，不参加%s各项排名。", strings.Join(names[r], "、"), p.Label, parenthesised(r), p.Month.Kind().Reword().Replace("本月")))
	}
	return out
}

// partialSentence says which months of aggregate p township u, ranked in
// some, was not ranked in, and that its aggregate is of the others; ""
// when it was ranked in every one. The appendix and the period-table say
// it in the same words, or a circular with both names a township twice
// in two wordings. Its months are named as their files call them (1-2月,
// 3月): a count of files is not of months when two months share one, nor
// while the quarter is still under way. Months it was exempted from (免考)
// all it missed: 丙镇2024年1月免于考核（数据报送不全），本期综合考核按其参与
// 的月份计算。 Otherwise the shorter list is named, the months it missed or
// those it was ranked in, after its span and its exemptions: 县数据局2025年
// 4月起参加考核，在2025年上半年未参与3月的综合考核排名，按其参与的月份计算。
// Its span is said in periods of kind k, the office's (see assessedSpan).
func partialSentence(u *site.Unit, p *rank.Period, k site.PeriodKind) string {
	in := p.RankedIn(u)
	if len(in) == 0 || len(in) == len(p.Months) {
		return "" // a township ranked in none has no row to explain
	}
	var took, missed, reasons []string
	outside := false // a month out of its span, or one it was simply not ranked in
	exempt := map[string][]*site.Month{}
	for _, m := range p.Months {
		name := cmp.Or(m.Month.Period, fmt.Sprintf("%d月", m.Month.Month))
		switch {
		case slices.Contains(in, m):
			took = append(took, name)
			continue
		case u.ExemptIn(m.Month.Key):
			r := u.ExemptReason(m.Month.Key)
			if _, ok := exempt[r]; !ok {
				reasons = append(reasons, r)
			}
			exempt[r] = append(exempt[r], m.Month)
		default:
			outside = true
		}
		missed = append(missed, name)
	}
	var exempted []string
	for _, r := range reasons {
		exempted = append(exempted, monthRuns(exempt[r])+"免于考核"+parenthesised(r))
	}
	noun := aggregateWords(p).Noun
	if !outside && len(missed) <= len(took) {
		return u.Name + strings.Join(exempted, "，") + "，本期综合考核按其参与的" + noun + "计算。"
	}
	what := "只参与了" + strings.Join(took, "、")
	if len(missed) < len(took) {
		what = "未参与" + strings.Join(missed, "、")
	}
	// A unit set up, merged or renamed within the period missed months it
	// did not exist in: said first, or 县数据局 未参与3月 reads as if it had
	// sat March out.
	who := u.Name
	if slices.ContainsFunc(p.Months, func(m *rank.Period) bool { return !u.InSpan(m.Month.Key) }) {
		who += assessedSpan(u, k) + "，"
	}
	if len(exempted) > 0 {
		who += strings.Join(exempted, "，") + "，"
	}
	return fmt.Sprintf("%s在%s%s的综合考核排名，按其参与的%s计算。", who, p.Label, what, noun)
}

// exemptPeriodSentence says that township u was exempted from every month
// of aggregate p it was in (免考), and ok; not ok when it was assessed in
// one, or exempted from none: 丙镇在2024年第一季度免于考核（1月、2月、3月），
// 不参加本期综合考核排名。
func exemptPeriodSentence(u *site.Unit, p *rank.Period) (string, bool) {
	var exempt []string
	assessed := false
	for _, m := range p.Months {
		switch {
		case u.ExemptIn(m.Month.Key):
			exempt = append(exempt, cmp.Or(m.Month.Period, fmt.Sprintf("%d月", m.Month.Month)))
		case u.InSpan(m.Month.Key):
			assessed = true
		}
	}
	if len(exempt) == 0 || assessed {
		return "", false
	}
	return fmt.Sprintf("%s在%s免于考核（%s），不参加本期综合考核排名。", u.Name, p.Label, strings.Join(exempt, "、")), true
}
