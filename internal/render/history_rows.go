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
)

// This file writes the rows of the history tables and of the circulars'
// data appendix in Go rather than in a layout. A twenty-year archive has
// some 200,000 table cells across its history pages and appendices, and
// html/template, which escapes every value through reflective calls,
// would spend most of the build on them: with the appendix rows alone in
// partials/appendix.html, rendering the 20-year demo took 1.5 to 1.7
// times the CPU time (BenchmarkArchive/render, measured for issue 12);
// with the matrices' head rows (a column per month) in
// partials/year-matrix.html, about 1.1 to 1.2 times the wall time. The
// layouts keep the page structure, the captions and the heads of the
// other tables.

// YearMatrix is one year of a rank matrix: a row per unit or indicator,
// a column per period. Head and Body are the rows of its <thead> and
// <tbody>, written by rowWriter.
type YearMatrix struct {
	Year int
	// ID is the html id of the table's caption: y2023, or where a page
	// has one year's matrix more than once, what tells it apart before it:
	// the group's id on /rankings/ of an office with unit groups
	// (group-1-y2023), overall- for the overall ranks' (overall-y2023).
	ID      string
	Caption string // 2023年各单项指标排名
	Class   string // added to the table's classes: "heatmap"
	Head    template.HTML
	Body    template.HTML
	// Notes say what a cell cannot show, under the table: why a township
	// was 不涉及 in a month, which its cell keeps in a title that a phone
	// never shows.
	Notes []string
}

// A rowWriter writes table rows.
type rowWriter struct {
	c *core
	b strings.Builder
}

func (w *rowWriter) html() template.HTML { return template.HTML(w.b.String()) }

// link writes name, linked to the page at path when path is set.
func (w *rowWriter) link(name, path string) {
	if path == "" {
		w.b.WriteString(esc(name))
		return
	}
	w.b.WriteString(`<a href="`)
	w.b.WriteString(esc(w.c.URL(path)))
	w.b.WriteString(`">`)
	w.b.WriteString(esc(name))
	w.b.WriteString(`</a>`)
}

// rowHead starts a row with its heading cell.
func (w *rowWriter) rowHead(name, path string) {
	w.b.WriteString(`<tr><th scope="row">`)
	w.link(name, path)
	w.b.WriteString(`</th>`)
}

// groupHead writes the row that heads a unit group's rows of a matrix,
// its name across the table's span columns, in bold: the stylesheet
// sets a body row's heading, the units' names, in the text's weight, and
// the group's name must stand apart from them (in print and in forced
// colours too, where a background would not).
func (w *rowWriter) groupHead(name string, span int) {
	w.b.WriteString(`<tr class="matrix-group"><th scope="rowgroup" colspan="`)
	w.b.WriteString(strconv.Itoa(span))
	w.b.WriteString(`"><strong>`)
	w.b.WriteString(esc(name))
	w.b.WriteString(`</strong></th></tr>` + "\n")
}

// printHead writes, at the end of a unit group's rows, the row that
// heads them on paper: the group's name over the names, then the
// periods' short labels, as the table's head row has them. Paper repeats
// only a table's head (its <thead>) on each page a table goes on to, and
// a group's units at the top of the next page had no group named above
// them. The stylesheet prints each group as a table of its own headed by
// this row, repeated on every page it goes on to (@media print:
// .matrix-print-head), in place of the table's head. On screen, to a
// screen reader and without the stylesheet it is hidden (the hidden
// attribute): the table is one, headed once. It comes last so that the
// rows above it keep their places (the stylesheet's even rows); a header
// row group is laid out first wherever it is.
func (w *rowWriter) printHead(name string, months []MonthRef) {
	w.b.WriteString(`<tr class="matrix-print-head" hidden><th><strong>`)
	w.b.WriteString(esc(name))
	w.b.WriteString(`</strong></th>`)
	for _, m := range months {
		w.b.WriteString(`<th>`)
		w.b.WriteString(esc(m.Short))
		w.b.WriteString(`</th>`)
	}
	w.endRow()
}

// td writes a cell of text; "—", nothing to show, as none writes it.
func (w *rowWriter) td(class, text string) {
	if text == "—" {
		w.tdNone(class, "")
		return
	}
	if class != "" {
		w.b.WriteString(`<td class="` + class + `">`)
	} else {
		w.b.WriteString(`<td>`)
	}
	w.b.WriteString(esc(text))
	w.b.WriteString(`</td>`)
}

// tdNone writes an empty cell, a dash said to a screen reader as said (无
// when ""): 免考 in a month a township was exempted from, which 无 would
// have the reader take for a month it had no rank in.
func (w *rowWriter) tdNone(class, said string) {
	if class != "" {
		w.b.WriteString(`<td class="` + class + `">`)
	} else {
		w.b.WriteString(`<td>`)
	}
	w.none(said)
	w.b.WriteString(`</td>`)
}

// none writes what stands in an empty cell: a dash for the eye, and for
// a screen reader the words said (无 unless told), which otherwise reads
// the dash's name, 破折号, as though it were the value.
func (w *rowWriter) none(said string) {
	w.b.WriteString(`<span aria-hidden="true">—</span><span class="visually-hidden">`)
	w.b.WriteString(esc(cmp.Or(said, "无")))
	w.b.WriteString(`</span>`)
}

// endRow ends a row.
func (w *rowWriter) endRow() { w.b.WriteString("</tr>\n") }

// A rankCell is one cell of a rank matrix.
type rankCell struct {
	text  string // the rank in digits, "3", or a category; "" when none
	score string // the score, printed under the rank when set
	unit  string // what the score is counted in (scoreUnit: 件, %), said after it
	title string // what an empty cell means: 无排名
	class string // heat-1 … heat-6 on the rankings page
	// unreported says score is 未报送, not a score: read “5名，未报送”.
	unreported bool
}

// cell writes a matrix cell. The rank is written in digits, which keeps
// a year of months on one screen; with a score the cell reads “3名，得分
// 82.3” to a screen reader, or with the unit it is counted in “3名，2件”:
// 得分2 said a count of petitions as though it were points. Matrices are large (a twenty-year indicator
// page has 2,880 cells), so the markup is kept short: no class on plain
// cells, a title only where it adds what the cell does not show.
func (w *rowWriter) cell(c rankCell) {
	b := &w.b
	b.WriteString(`<td`)
	if c.class != "" {
		b.WriteString(` class="`)
		b.WriteString(c.class)
		b.WriteString(`"`)
	}
	if c.title != "" {
		b.WriteString(` title="`)
		b.WriteString(esc(c.title))
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	switch {
	case c.text == "":
		w.none(c.title)
	case c.unreported:
		b.WriteString(esc(c.text))
		b.WriteString(`<span class="visually-hidden">名，</span><small>`)
		b.WriteString(esc(c.score))
		b.WriteString(`</small>`)
	case c.score != "" && c.unit != "":
		b.WriteString(esc(c.text))
		b.WriteString(`<span class="visually-hidden">名，</span><small>`)
		b.WriteString(esc(c.score))
		b.WriteString(`</small><span class="visually-hidden">`)
		b.WriteString(esc(c.unit))
		b.WriteString(`</span>`)
	case c.score != "":
		b.WriteString(esc(c.text))
		b.WriteString(`<span class="visually-hidden">名，得分</span><small>`)
		b.WriteString(esc(c.score))
		b.WriteString(`</small>`)
	default:
		b.WriteString(esc(c.text))
	}
	b.WriteString(`</td>`)
}

// monthHead writes the header row of a matrix: the row headings' column,
// then one column per period, linked to the circular that reports it.
func (w *rowWriter) monthHead(first string, months []MonthRef) {
	w.b.WriteString(`<tr><th scope="col">`)
	w.b.WriteString(esc(first))
	w.b.WriteString(`</th>`)
	for _, m := range months {
		w.b.WriteString(`<th scope="col">`)
		// The year is in the caption, for the eye; a screen reader's list
		// of links has no caption, and a page of several years has a 1月
		// in each: the link carries its year, unseen.
		if year, ok := strings.CutSuffix(m.Label, m.Short); ok && year != "" && m.Path != "" {
			w.b.WriteString(`<a href="`)
			w.b.WriteString(esc(w.c.URL(m.Path)))
			w.b.WriteString(`"><span class="visually-hidden">`)
			w.b.WriteString(esc(year))
			w.b.WriteString(`</span>`)
			w.b.WriteString(esc(m.Short))
			w.b.WriteString(`</a>`)
		} else {
			w.link(m.Short, m.Path)
		}
		w.b.WriteString(`</th>`)
	}
	w.endRow()
}

// change writes the move of a rank since the previous month.
func (w *rowWriter) change(c Change) {
	w.b.WriteString(`<td class="change ` + c.Class + `"><span aria-hidden="true">`)
	w.b.WriteString(esc(c.Text))
	w.b.WriteString(`</span><span class="visually-hidden">`)
	w.b.WriteString(esc(c.Spoken))
	w.b.WriteString(`</span></td>`)
}

// Change is the move of a rank since the previous month, written so that
// colour is never the only signal: an arrow and a number to see, words to
// hear (DOMAIN.md §2).
type Change struct {
	Text   string // ↑2, ↓1, —
	Spoken string // 上升2位, 下降1位, 持平, 上月无排名, 上月免考
	Class  string // up, down, same, none
}

// rankChange compares a rank with the previous period's; 0 means no
// rank. each is the period's word (PeriodWords.Each): 上月无排名, or
// 上季度无排名 of an office assessing once a quarter.
func rankChange(prev, cur int, each string) Change {
	switch {
	case cur == 0:
		return Change{"—", "本" + each + "无排名", "none"}
	case prev == 0:
		return Change{"—", "上" + each + "无排名", "none"}
	case cur < prev:
		return Change{"↑" + strconv.Itoa(prev-cur), "上升" + strconv.Itoa(prev-cur) + "位", "up"}
	case cur > prev:
		return Change{"↓" + strconv.Itoa(cur-prev), "下降" + strconv.Itoa(cur-prev) + "位", "down"}
	}
	return Change{"—", "持平", "same"}
}

// townshipChange is rankChange on a township's page, where a month
// without a rank may be one it was exempted from (免考, units.toml
// exempt): 本月无排名 or 上月无排名 there would leave the reader to guess
// whether it was left out, had no data or ranked nowhere; the docs and
// the office call it 免考. exemptNow and exemptBefore say whether the
// month and the one before it were exempted.
func townshipChange(prev, cur int, exemptBefore, exemptNow bool, each string) Change {
	c := rankChange(prev, cur, each)
	switch {
	case cur == 0 && exemptNow:
		c.Spoken = "本" + each + "免考"
	case cur != 0 && prev == 0 && exemptBefore:
		c.Spoken = "上" + each + "免考"
	}
	return c
}

// absence says why unit u has nothing in the month key when it is not
// for want of a rank, "" when it is: 尚未参加考核 before its from and
// 不再参加考核 after its until, 免考 in a month it was exempted from
// (units.toml exempt). A matrix keeps a column for every month of its
// year, lined up with the other units' and the rankings' tables, and
// 无排名 there would say a township set up in March had been assessed in
// January and ranked nowhere; of an exempt month, that it had been
// assessed then, not excused, as the change column already says (本月免考).
// The words are the page's own (2022年7月起参加考核, assessedSpan) and the
// office's (免考).
func absence(u *site.Unit, key string) string {
	switch {
	case u.From != "" && key < u.From:
		return "尚未参加考核"
	case u.Until != "" && key > u.Until:
		return "不再参加考核"
	case slices.Contains(u.Exempt, key):
		return exemptText(u, key)
	}
	return ""
}

// notApplicable is what a cell of a township says of an indicator that
// did not apply to it in a month (不涉及, the result's notApplicable),
// with the reason when the month file gives one: not a dash, which would
// read as a rank missing, nor 0.
const notApplicable = "不涉及"

// notApplicableText is notApplicable with its reason, if any:
// 不涉及（本月无规模以上工业企业）.
func notApplicableText(reason string) string {
	return notApplicable + parenthesised(reason)
}

// parenthesised is s in full-width parentheses, "" when s is.
func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}

// exemptText is 免考 with the month's reason, if units.toml gives one:
// 免考（数据报送不全）.
func exemptText(u *site.Unit, key string) string {
	return "免考" + parenthesised(u.ExemptReason(key))
}

// unrankedCell is the cell of township u in month m's ranking on ind when
// the month ranked ind without u, and ok: 不涉及 where the result did not
// apply to u, its reason the cell's title, shown on hover and read out;
// else 免考 where u was exempted from the month (exemptCell). Not ok when
// u was ranked, or m has no result of ind.
func unrankedCell(m *site.Month, ind *site.Indicator, u *site.Unit) (rankCell, bool) {
	res := m.Result(ind.ID)
	if res == nil {
		return rankCell{}, false
	}
	if reason, ok := res.Excludes(u); ok {
		return rankCell{text: notApplicable, title: reason}, true
	}
	return exemptCell(u, m.Key)
}

// exemptWord is what a matrix's cell of a township says of a month it was
// exempted from (免考, units.toml exempt), as a cell says 不涉及: a dash,
// said 免考 to a screen reader alone, left a sighted reader of an
// indicator's page or /rankings/, which have no line of the township's
// exempt months, to read a month with no data; and a row of dashes only,
// a township exempted from every month of a year, was left out, the
// township gone from the year while the page counted it.
const exemptWord = "免考"

// exemptCell is the cell of township u in the month key when it was
// exempted from it, and ok; not ok when it was not. The reason, if
// units.toml gives one, is its title, as a 不涉及 cell's is, and the
// table's note says it (exemptNotes).
func exemptCell(u *site.Unit, key string) (rankCell, bool) {
	if !u.ExemptIn(key) {
		return rankCell{}, false
	}
	return rankCell{text: exemptWord, title: u.ExemptReason(key)}, true
}

// exemptNotes say under a year's matrix why each of units was exempted
// from the months of year that the matrix would have ranked it in
// (ranks(p, u)), where units.toml gives a reason, one sentence a
// township and reason, its months as the columns name them and a run of
// three or more written as one: 2024年1月至12月己镇免于考核（撤并过渡）。
// The cells say only 免考, and a phone shows no title.
func exemptNotes(periods []*rank.Period, year int, units []*site.Unit, ranks func(*rank.Period, *site.Unit) bool) []string {
	var notes []string
	for _, u := range units {
		var reasons []string
		months := map[string][]*site.Month{}
		for _, p := range periods {
			m := p.Month
			if p.Span.Year != year || m == nil || !u.ExemptIn(m.Key) || !ranks(p, u) {
				continue
			}
			reason := u.ExemptReason(m.Key)
			if reason == "" {
				continue
			}
			if months[reason] == nil {
				reasons = append(reasons, reason)
			}
			months[reason] = append(months[reason], m)
		}
		for _, r := range reasons {
			notes = append(notes, monthRuns(months[r])+u.Name+"免于考核"+parenthesised(r)+"。")
		}
	}
	return notes
}

// monthRuns names months of one year, in order, as a note does: the
// first with its year, the others as their columns' headings, and a run
// of three or more consecutive months from its first to its last:
// 2024年1月、3月至6月, where twelve months named one by one made a note
// longer than the table's row.
func monthRuns(ms []*site.Month) string {
	short := func(m *site.Month) string { return cmp.Or(m.Period, strconv.Itoa(m.Month)+"月") }
	var b strings.Builder
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Month == ms[j-1].Month+1 {
			j++
		}
		if j-i < 3 {
			j = i + 1
		}
		if i == 0 {
			b.WriteString(ms[i].Label())
		} else {
			b.WriteString("、" + short(ms[i]))
		}
		if j-i >= 3 {
			b.WriteString("至" + short(ms[j-1]))
		}
		i = j
	}
	return b.String()
}

// townshipCell is a township's rank on one indicator in one month, the
// score printed under it: a title shown on hover would hide it from
// phones and the keyboard. An empty cell says why (absent, see absence),
// or 无排名. The score is said in ind's scoreUnit where it has one (see
// rankCell.unit).
func townshipCell(ind *site.Indicator, p placing, decimals int, absent string) rankCell {
	if p.rank == 0 {
		return rankCell{title: cmp.Or(absent, "无排名")}
	}
	if p.unreported {
		return rankCell{text: strconv.Itoa(p.rank), score: unreportedText, unreported: true}
	}
	return rankCell{text: strconv.Itoa(p.rank), score: formatScore(p.value, decimals), unit: ind.ScoreUnit}
}

// matrices writes a matrix a year at a time (see matrix), the newest
// year first, each year's table captioned by caption, a format taking the
// year. Within a year the months run left to right, as a calendar does.
//
// With group set (townships of a site whose units.toml has groups), the
// rows go group by group, in units.toml's group order, each group's in a
// <tbody> of its own headed by its name: each group ranks from 1, and a
// column holding two 1s under one heading would read as a tie.
func matrices[K any](h *history, page, first, caption string, keys []K, group func(K) *site.Group, row func(K, yearSpan) (name, path string), cell func(K, int) rankCell, reads func(*rank.Period) []input) []YearMatrix {
	var out []YearMatrix
	years := h.model().years
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		if ym, ok := matrix(h, y, page, first, keys, group, row, cell, reads); ok {
			ym.Caption = fmt.Sprintf(caption, ym.Year)
			ym.ID = "y" + strconv.Itoa(ym.Year)
			out = append(out, ym)
		}
	}
	return out
}

// matrix writes one year of a matrix with a row per key, from cells(key,
// period index); a row whose cells are all empty is left out, and so is a
// year without rows. It is a fragment of the page named page: its cells
// must come from what reads(p) declares of the year's periods, and its
// headings from their refs.
func matrix[K any](h *history, y yearSpan, page, first string, keys []K, group func(K) *site.Group, row func(K, yearSpan) (name, path string), cell func(K, int) rankCell, reads func(*rank.Period) []input) (YearMatrix, bool) {
	type cached struct {
		ym YearMatrix
		ok bool
	}
	periods := h.model().periods[y.lo:y.hi]
	var quick []input
	if h.keys != nil { // a build keys nothing
		quick = []input{global()}
		for _, p := range periods {
			quick = append(quick, refIn(p), periodIn(p))
		}
	}
	in := func() []input {
		in := []input{global()}
		for _, p := range periods {
			in = append(append(in, refIn(p)), reads(p)...)
		}
		return in
	}
	name := "matrix:" + page + "|" + first + "|" + strconv.Itoa(y.year)
	v, _ := made(h.core, name, quick, in, func() (cached, error) {
		ym, ok := writeMatrix(h, y, first, keys, group, row, cell)
		return cached{ym, ok}, nil
	})
	return v.ym, v.ok
}

func writeMatrix[K any](h *history, y yearSpan, first string, keys []K, group func(K) *site.Group, row func(K, yearSpan) (name, path string), cell func(K, int) rankCell) (YearMatrix, bool) {
	head, body := rowWriter{c: h.core}, rowWriter{c: h.core}
	head.monthHead(first, h.model().refs[y.lo:y.hi])
	cells := make([]rankCell, y.hi-y.lo)
	body.b.Grow(len(keys) * (len(cells)*120 + 100))
	parts := [][]K{keys}
	if group != nil && len(h.s.Groups) > 0 {
		parts = make([][]K, len(h.s.Groups))
		for _, k := range keys {
			if i := slices.Index(h.s.Groups, group(k)); i >= 0 {
				parts[i] = append(parts[i], k)
			}
		}
	}
	// The keys of one group alone (a group's own matrix, /rankings/) are
	// not headed by its name on screen, which the caption says, but are
	// on paper.
	several := 0
	for _, p := range parts {
		if len(p) > 0 {
			several++
		}
	}
	any := false
	for gi, part := range parts {
		headed := false
		for _, k := range part {
			filled := false
			for i := range cells {
				cells[i] = cell(k, y.lo+i)
				filled = filled || cells[i].text != ""
			}
			if !filled {
				continue
			}
			if len(parts) > 1 && !headed {
				if any {
					body.b.WriteString("</tbody>\n<tbody>\n")
				}
				if several > 1 {
					body.groupHead(h.s.Groups[gi].Name, len(cells)+1)
				}
				headed = true
			}
			any = true
			body.rowHead(row(k, y))
			for _, c := range cells {
				body.cell(c)
			}
			body.endRow()
		}
		if headed {
			body.printHead(h.s.Groups[gi].Name, h.model().refs[y.lo:y.hi])
		}
	}
	return YearMatrix{Year: y.year, Head: head.html(), Body: body.html()}, any
}

func esc(s string) string { return template.HTMLEscapeString(s) }
