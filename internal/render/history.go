package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the history pages of the archive (DESIGN.md §7):
// /units/<slug>/ for every township and department, /indicators/<id>/
// for every indicator, and /rankings/, the composite ranks of all months
// as a heat map; and the data appendix under every circular.
//
// The history is arranged once per build (newHistory) from the ranked
// months the renderer already holds; each page then only reads its row of
// it, so that a twenty-year archive costs a few milliseconds a page.

// A placing is one unit's rank and value in one month; rank 0: none.
type placing struct {
	rank  int
	tied  bool
	value float64
}

// yearSpan is the months of one calendar year: months[lo:hi].
type yearSpan struct {
	year   int
	lo, hi int
	// key hashes what a year of a matrix shows: the global inputs, the
	// year's month files and the circulars its months link to. A save
	// touches one year; the preview server reuses the other years' tables.
	key [32]byte
}

// history is every month's ranks arranged by unit and by indicator.
type history struct {
	months []*site.Month
	refs   []MonthRef // by month index
	years  []yearSpan
	// composite holds each township's composite placing by month.
	composite map[*site.Unit][]placing
	// townships holds, by indicator id, each township's placing by month.
	townships map[string]map[*site.Unit][]placing
	// category holds each department's 考核排类 by month ("" when unlisted).
	category map[*site.Unit][]string
	// owned lists each department's indicators, in document order.
	owned   map[*site.Unit][]*site.Indicator
	updated *DateData // the newest circular's date: the pages' update date
	// refsSum hashes refs and updated, which every page shows.
	refsSum [32]byte
}

func (r *renderer) newHistory() *history {
	s := r.s
	n := len(s.Months)
	h := &history{
		months:    s.Months,
		refs:      make([]MonthRef, n),
		composite: map[*site.Unit][]placing{},
		townships: map[string]map[*site.Unit][]placing{},
		category:  map[*site.Unit][]string{},
		owned:     map[*site.Unit][]*site.Indicator{},
	}
	circular := map[*site.Month]string{}
	for _, c := range s.Circulars { // oldest first: a month links to its first circular
		if c.Data != nil && circular[c.Data] == "" {
			circular[c.Data] = c.URLPath()
		}
	}
	if k := len(s.Circulars); k > 0 {
		h.updated = dateData(s.Circulars[k-1].Date)
	}
	for i, m := range s.Months {
		h.refs[i] = monthRef(m, circular[m])
		if len(h.years) == 0 || h.years[len(h.years)-1].year != m.Year {
			h.years = append(h.years, yearSpan{year: m.Year, lo: i})
		}
		h.years[len(h.years)-1].hi = i + 1
	}
	var refs dataKey
	for _, ref := range h.refs {
		refs.str(ref.Key)
		refs.str(ref.Label)
		refs.str(ref.Short)
		refs.str(ref.Path)
	}
	if h.updated != nil {
		refs.str(h.updated.ISO)
	}
	h.refsSum = sha256.Sum256(refs.b)
	for yi := range h.years {
		y := &h.years[yi]
		hash := sha256.New()
		hash.Write(r.global[:])
		for i := y.lo; i < y.hi; i++ {
			hash.Write(s.Months[i].Sum[:])
			fmt.Fprintf(hash, "%q %q\n", h.refs[i].Label, h.refs[i].Path)
		}
		copy(y.key[:], hash.Sum(nil))
	}
	for _, t := range s.Townships {
		h.composite[t] = make([]placing, n)
	}
	for _, d := range s.Departments {
		h.category[d] = make([]string, n)
	}
	for _, ind := range s.Indicators {
		for _, o := range ind.Owners {
			h.owned[o] = append(h.owned[o], ind)
		}
		if len(ind.Townships) == 0 {
			continue
		}
		byUnit := map[*site.Unit][]placing{}
		for _, t := range ind.Townships {
			byUnit[t] = make([]placing, n)
		}
		h.townships[ind.ID] = byUnit
	}
	for i, m := range s.Months {
		res := r.results[m]
		for _, t := range res.Composite {
			if row := h.composite[t.Unit]; row != nil {
				row[i] = placing{t.Rank, t.Tied, t.Value}
			}
		}
		for _, ir := range res.Indicators {
			byUnit := h.townships[ir.Result.Indicator.ID]
			for _, t := range ir.Ranked {
				if row := byUnit[t.Unit]; row != nil {
					row[i] = placing{t.Rank, t.Tied, t.Value}
				}
			}
		}
		for _, c := range m.Categories {
			for _, u := range c.Units {
				if row := h.category[u]; row != nil {
					row[i] = c.Name
				}
			}
		}
	}
	return h
}

// historyJobs are the outputs of this file; the appendix is part of the
// circular page (pages.go). The history is arranged by the first job that
// runs and shared by the others; listing the jobs computes nothing (the
// sitemap lists them all again).
func (r *renderer) historyJobs() []job {
	h := sync.OnceValue(r.newHistory)
	var jobs []job
	// Unit and indicator pages are keyed by the data they show (see
	// dataKey), so that in the preview server a moved score renders again
	// only the pages it moves, not every page of the archive.
	for _, u := range r.s.Townships {
		jobs = append(jobs, job{path: unitPath(u) + "index.html",
			fn:    func() ([]byte, error) { return r.townshipPage(h(), u) },
			keyFn: func() [32]byte { return h().townshipKey(r, u) }})
	}
	for _, u := range r.s.Departments {
		jobs = append(jobs, job{path: unitPath(u) + "index.html",
			fn:    func() ([]byte, error) { return r.departmentPage(h(), u) },
			keyFn: func() [32]byte { return h().departmentKey(r, u) }})
	}
	for _, ind := range r.s.Indicators {
		jobs = append(jobs, job{path: indicatorPath(ind) + "index.html",
			fn:    func() ([]byte, error) { return r.indicatorPage(h(), ind) },
			keyFn: func() [32]byte { return h().indicatorKey(r, ind) }})
	}
	jobs = append(jobs, job{path: "rankings/index.html", fn: func() ([]byte, error) { return r.rankingsPage(h()) }})
	return jobs
}

func unitPath(u *site.Unit) string { return "units/" + u.Slug + "/" }

func indicatorPath(ind *site.Indicator) string { return "indicators/" + ind.ID + "/" }

// MonthRef is an assessed month as a row or column heading.
type MonthRef struct {
	Key   string // 2023-02
	Year  int
	Label string // 2023年1-2月
	Short string // 1-2月
	Path  string // the circular that reports it; "" when none does
}

func monthRef(m *site.Month, path string) MonthRef {
	short := m.Period
	if short == "" {
		short = strconv.Itoa(m.Month) + "月"
	}
	return MonthRef{Key: m.Key, Year: m.Year, Label: m.Label(), Short: short, Path: path}
}

// Link is a named link to a page of the site.
type Link struct {
	Name string
	Path string
	Note string // e.g. the latest rank, shown after the link
}

// YearMatrix is one year of a rank matrix: a row per unit or indicator,
// a column per month. Head and Body are the rows of its <thead> and
// <tbody>, written by rowWriter.
type YearMatrix struct {
	Year    int
	Caption string // 2023年各单项指标排名
	Class   string // added to the table's classes: "heatmap"
	Head    template.HTML
	Body    template.HTML
}

// UnitView is a township's or a department's page.
type UnitView struct {
	Name      string
	Slug      string
	Township  bool
	Kind      string // 乡镇（街道） | 区直单位
	PeerLabel string // 三区
	// Township pages: the composite rank over time as a chart and, right
	// after it, as the rows of a table (月份, 综合排名, 变化, 综合得分).
	Chart     template.HTML
	Composite template.HTML
	Latest    string // 2023年1-2月综合考核排名第三
	// Per year: a township's rank on every indicator that applies to it;
	// a department's 考核排类 and its indicators' city and peer ranks.
	Years []YearMatrix
	Owned []Link // a department's indicators
}

// IndicatorView is an indicator's page.
type IndicatorView struct {
	ID        string
	Name      string
	Number    string // 1. or （1）
	Section   string
	PeerLabel string // 三区
	Parent    *Link
	Children  []Link
	Owners    []Link
	Better    string // 得分越高越好 | 得分越低越好, when townships are ranked
	Weight    string // its weight in the township composite
	Townships int    // number of townships it ranks
	CityChart template.HTML
	PeerChart template.HTML
	// Ranks are the rows of the charts' table (月份, 全市排名, 三区排名, 变化),
	// one per month with a city or peer rank, oldest first. The change is
	// of the city rank, or of the peer rank when there is never a city one.
	Ranks       template.HTML
	ChangeLabel string       // 全市排名变化 | 三区排名变化
	Years       []YearMatrix // the township rank matrix
}

// RankingsView is /rankings/.
type RankingsView struct {
	Years       []YearMatrix
	Legend      []LegendItem
	Townships   []Link
	Departments []Link
	Sections    []IndexSection
}

// LegendItem is one shade of the heat map.
type LegendItem struct {
	Class string
	Label string // 第1～2名
}

// IndexSection lists the indicators of one section.
type IndexSection struct {
	Name       string
	Indicators []IndexEntry
}

// IndexEntry is a top-level indicator with the children of its group.
type IndexEntry struct {
	Link
	Children []Link
}

var historyColumn = Column{Name: "考核排名", Description: "乡镇（街道）综合考核排名及各单位、各指标历次排名", Keywords: "考核排名,综合排名,历史数据", Type: "数据"}

// rowWriter writes the rows of the history tables in Go rather than in a
// layout. A twenty-year archive has some 200,000 table cells across its
// history pages and appendices, and html/template, which escapes every
// value through reflective calls, would spend most of the build on them;
// the layouts keep the page structure, captions and headings.
type rowWriter struct {
	r *renderer
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
	w.b.WriteString(esc(w.r.URL(path)))
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

// td writes a cell of text.
func (w *rowWriter) td(class, text string) {
	if class != "" {
		w.b.WriteString(`<td class="` + class + `">`)
	} else {
		w.b.WriteString(`<td>`)
	}
	w.b.WriteString(esc(text))
	w.b.WriteString(`</td>`)
}

// endRow ends a row.
func (w *rowWriter) endRow() { w.b.WriteString("</tr>\n") }

// monthHead writes the header row of a matrix: the row headings' column,
// then one column per month, linked to the circular that reports it.
func (w *rowWriter) monthHead(first string, months []MonthRef) {
	fmt.Fprintf(&w.b, `<tr><th scope="col">%s</th>`, esc(first))
	for _, m := range months {
		w.b.WriteString(`<th scope="col">`)
		w.link(m.Short, m.Path)
		w.b.WriteString(`</th>`)
	}
	w.endRow()
}

// A rankCell is one cell of a rank matrix.
type rankCell struct {
	text  string // the rank in digits, "3", or a category; "" when none
	score string // the score, printed under the rank when set
	title string // what an empty cell means: 无排名
	class string // heat-1 … heat-6 on the rankings page
}

// cell writes a matrix cell. The rank is written in digits, which keeps
// a year of months on one screen; with a score the cell reads “3名，得分
// 82.3” to a screen reader. Matrices are large (a twenty-year indicator
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
		b.WriteString(`<span aria-hidden="true">—</span><span class="visually-hidden">`)
		b.WriteString(esc(cmpOr(c.title, "无")))
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
	Spoken string // 上升2位, 下降1位, 持平, 上月无排名
	Class  string // up, down, same, none
}

// rankChange compares a rank with the previous month's; 0 means no rank.
func rankChange(prev, cur int) Change {
	switch {
	case cur == 0:
		return Change{"—", "本月无排名", "none"}
	case prev == 0:
		return Change{"—", "上月无排名", "none"}
	case cur < prev:
		return Change{"↑" + strconv.Itoa(prev-cur), "上升" + strconv.Itoa(prev-cur) + "位", "up"}
	case cur > prev:
		return Change{"↓" + strconv.Itoa(cur-prev), "下降" + strconv.Itoa(cur-prev) + "位", "down"}
	}
	return Change{"—", "持平", "same"}
}

// townshipCell is a township's rank on one indicator in one month, the
// score printed under it: a title shown on hover would hide it from
// phones and the keyboard.
func townshipCell(p placing, decimals int) rankCell {
	if p.rank == 0 {
		return rankCell{title: "无排名"}
	}
	return rankCell{text: strconv.Itoa(p.rank), score: formatScore(p.value, decimals)}
}

// matrices writes a matrix a year at a time (see matrix), each year's
// table captioned by caption, a format taking the year.
func matrices[K any](r *renderer, h *history, page, first, caption string, keys []K, row func(K) (name, path string), cell func(K, int) rankCell) []YearMatrix {
	var out []YearMatrix
	for _, y := range h.years {
		if ym, ok := matrix(r, h, y, page, first, keys, row, cell); ok {
			ym.Caption = fmt.Sprintf(caption, ym.Year)
			out = append(out, ym)
		}
	}
	return out
}

// matrix writes one year of a matrix with a row per key, from cells(key,
// month index); a row whose cells are all empty is left out, and so is a
// year without rows. page names the page it is on, for the cache: the
// cells must come from that year's months only (see yearSpan.key).
func matrix[K any](r *renderer, h *history, y yearSpan, page, first string, keys []K, row func(K) (name, path string), cell func(K, int) rankCell) (YearMatrix, bool) {
	type cached struct {
		ym YearMatrix
		ok bool
	}
	name := "matrix:" + page + "|" + first + "|" + strconv.Itoa(y.year)
	if v, ok := r.cache.lookupValue(name, y.key); ok {
		c := v.(cached)
		return c.ym, c.ok
	}
	ym, ok := writeMatrix(r, h, y, first, keys, row, cell)
	r.cache.storeValue(name, y.key, nil, cached{ym, ok})
	return ym, ok
}

func writeMatrix[K any](r *renderer, h *history, y yearSpan, first string, keys []K, row func(K) (name, path string), cell func(K, int) rankCell) (YearMatrix, bool) {
	var head, body rowWriter
	head.r, body.r = r, r
	head.monthHead(first, h.refs[y.lo:y.hi])
	cells := make([]rankCell, y.hi-y.lo)
	body.b.Grow(len(keys) * (len(cells)*120 + 100))
	any := false
	for _, k := range keys {
		filled := false
		for i := range cells {
			cells[i] = cell(k, y.lo+i)
			filled = filled || cells[i].text != ""
		}
		if !filled {
			continue
		}
		any = true
		body.rowHead(row(k))
		for _, c := range cells {
			body.cell(c)
		}
		body.endRow()
	}
	return YearMatrix{Year: y.year, Head: head.html(), Body: body.html()}, any
}

func (r *renderer) townshipPage(h *history, u *site.Unit) ([]byte, error) {
	dec := r.s.Config.Scoring.Decimals
	comp := h.composite[u]
	v := &UnitView{Name: u.Name, Slug: u.Slug, Township: true, Kind: "乡镇（街道）", PeerLabel: r.s.Config.Ranking.DistrictLabel}
	ranks := make([]int, len(comp))
	rows := rowWriter{r: r}
	prev := 0
	for i, p := range comp {
		rows.rowHead(h.refs[i].Label, h.refs[i].Path)
		if p.rank == 0 {
			rows.td("", "—")
		} else {
			rows.td("", zh.RankPhrase(p.rank, p.tied))
			v.Latest = h.refs[i].Label + "综合考核排名" + zh.RankPhrase(p.rank, p.tied)
		}
		rows.change(rankChange(prev, p.rank))
		if p.rank == 0 {
			rows.td("num", "—")
		} else {
			rows.td("num", formatScore(p.value, dec))
		}
		rows.endRow()
		ranks[i] = p.rank
		prev = p.rank
	}
	v.Composite = rows.html()
	if len(h.months) > 0 {
		chart := &rankChart{id: "chart-composite", title: u.Name + "综合考核排名走势", noun: "综合考核排名",
			worst: len(r.s.Townships), months: h.refs, ranks: ranks}
		v.Chart = chart.html()
	}
	var inds []*site.Indicator
	for _, ind := range r.s.Indicators {
		if h.townships[ind.ID][u] != nil {
			inds = append(inds, ind)
		}
	}
	v.Years = matrices(r, h, unitPath(u), "指标", "%d年各单项指标排名", inds,
		func(ind *site.Indicator) (string, string) { return ind.Name, indicatorPath(ind) },
		func(ind *site.Indicator, i int) rankCell {
			return townshipCell(h.townships[ind.ID][u][i], ind.Decimals)
		})
	return r.execute("unit.html", &Page{
		Kind:        "unit",
		Title:       u.Name + "历次考核排名",
		Path:        unitPath(u),
		Description: u.Name + "历次综合考核排名和各单项指标排名",
		Date:        h.updated,
		Column:      historyColumn,
		Unit:        v,
	})
}

// peerPhrase writes a peer rank with its group: 三区第二, 四区并列第一.
func peerPhrase(res *site.Result) string {
	if res == nil || res.District == 0 {
		return "—"
	}
	return res.DistrictLabel + zh.RankPhrase(res.District, res.DistrictTie)
}

func (r *renderer) departmentPage(h *history, u *site.Unit) ([]byte, error) {
	label := r.s.Config.Ranking.DistrictLabel
	v := &UnitView{Name: u.Name, Slug: u.Slug, Kind: "区直单位", PeerLabel: label}
	owned := h.owned[u]
	for _, ind := range owned {
		l := Link{Name: ind.Name, Path: indicatorPath(ind)}
		for i := len(h.months) - 1; i >= 0; i-- {
			if res := h.months[i].Result(ind.ID); res != nil && (res.City > 0 || res.District > 0) {
				l.Note = h.refs[i].Label + "：" + zh.RankSentence(res.City, res.CityTie, res.District, res.DistrictTie, res.DistrictLabel)
				break
			}
		}
		v.Owned = append(v.Owned, l)
	}
	// Rows: the category, then each owned indicator's city and peer rank.
	type rowKey struct {
		ind  *site.Indicator // nil: the category row
		peer bool
	}
	keys := []rowKey{{}}
	for _, ind := range owned {
		keys = append(keys, rowKey{ind, false}, rowKey{ind, true})
	}
	cats := h.category[u]
	name := func(k rowKey) (string, string) {
		switch {
		case k.ind == nil:
			return "考核排类", ""
		case k.peer:
			return k.ind.Name + "（" + label + "）", indicatorPath(k.ind)
		}
		return k.ind.Name + "（全市）", indicatorPath(k.ind)
	}
	cell := func(k rowKey, i int) rankCell {
		if k.ind == nil {
			return rankCell{text: cats[i]}
		}
		res := h.months[i].Result(k.ind.ID)
		switch {
		case res == nil:
			return rankCell{}
		case !k.peer && res.City > 0:
			return rankCell{text: strconv.Itoa(res.City)}
		case k.peer && res.District > 0:
			c := rankCell{text: strconv.Itoa(res.District)}
			if res.DistrictLabel != label {
				c.text += "（" + res.DistrictLabel + "）"
			}
			return c
		}
		return rankCell{}
	}
	v.Years = matrices(r, h, unitPath(u), "项目", "%d年", keys, name, cell)
	return r.execute("unit.html", &Page{
		Kind:        "department",
		Title:       u.Name + "历次考核情况",
		Path:        unitPath(u),
		Description: u.Name + "负责指标的历次全市排名和历次考核排类",
		Date:        h.updated,
		Column:      historyColumn,
		Unit:        v,
	})
}

func (r *renderer) indicatorPage(h *history, ind *site.Indicator) ([]byte, error) {
	label := r.s.Config.Ranking.DistrictLabel
	v := &IndicatorView{ID: ind.ID, Name: ind.Name, Number: ind.Number(), Section: ind.Section,
		PeerLabel: label, Townships: len(ind.Townships)}
	if ind.Parent != nil {
		v.Parent = &Link{Name: ind.Parent.Name, Path: indicatorPath(ind.Parent)}
	}
	for _, c := range ind.Children {
		v.Children = append(v.Children, Link{Name: c.Name, Path: indicatorPath(c)})
	}
	for _, o := range ind.Owners {
		v.Owners = append(v.Owners, Link{Name: o.Name, Path: unitPath(o)})
	}
	if len(ind.Townships) > 0 {
		v.Better = "得分越高越好"
		if !ind.HigherBetter {
			v.Better = "得分越低越好"
		}
		v.Weight = strconv.FormatFloat(ind.Weight, 'f', -1, 64)
	}

	city := make([]int, len(h.months))
	peer := make([]int, len(h.months))
	peerWorst, anyCity, anyPeer := 0, false, false
	for i, m := range h.months {
		if res := m.Result(ind.ID); res != nil {
			city[i], peer[i] = res.City, res.District
			anyCity = anyCity || res.City > 0
			anyPeer = anyPeer || res.District > 0
			peerWorst = max(peerWorst, res.DistrictUnits, res.District)
		}
	}
	moved := city
	v.ChangeLabel = "全市排名变化"
	if !anyCity {
		moved, v.ChangeLabel = peer, label+"排名变化"
	}
	rows := rowWriter{r: r}
	for i, m := range h.months {
		res := m.Result(ind.ID)
		if res == nil || (res.City == 0 && res.District == 0) {
			continue
		}
		rows.rowHead(h.refs[i].Label, h.refs[i].Path)
		if res.City > 0 {
			rows.td("", zh.RankPhrase(res.City, res.CityTie))
		} else {
			rows.td("", "—")
		}
		rows.td("", peerPhrase(res))
		prev := 0
		if i > 0 {
			prev = moved[i-1]
		}
		rows.change(rankChange(prev, moved[i]))
		rows.endRow()
	}
	v.Ranks = rows.html()
	if anyCity {
		c := &rankChart{id: "chart-city", title: ind.Name + "全市排名走势", noun: "全市排名",
			worst: r.s.Config.Ranking.CityUnits, months: h.refs, ranks: city}
		v.CityChart = c.html()
	}
	if anyPeer {
		c := &rankChart{id: "chart-peer", title: ind.Name + label + "排名走势", noun: label + "排名",
			worst: peerWorst, months: h.refs, ranks: peer}
		v.PeerChart = c.html()
	}

	if byUnit := h.townships[ind.ID]; byUnit != nil {
		v.Years = matrices(r, h, indicatorPath(ind), "乡镇（街道）", "%d年乡镇（街道）排名", ind.Townships,
			func(t *site.Unit) (string, string) { return t.Name, unitPath(t) },
			func(t *site.Unit, i int) rankCell { return townshipCell(byUnit[t][i], ind.Decimals) })
	}
	return r.execute("indicator.html", &Page{
		Kind:        "indicator",
		Title:       ind.Name + "历次排名",
		Path:        indicatorPath(ind),
		Description: ind.Name + "历次全市排名、" + label + "排名和乡镇（街道）排名",
		Date:        h.updated,
		Column:      historyColumn,
		Indicator:   v,
	})
}

// heatLevels is the number of shades of the heat map. Each shade covers
// an equal share of the ranks, darkest first, and the cell always prints
// the rank too, so the map reads in grey scale and without colour.
const heatLevels = 6

// heatLevel is the shade (1 … heatLevels) of rank among n.
func heatLevel(rank, n int) int {
	return min((rank*heatLevels+n-1)/n, heatLevels)
}

func (r *renderer) rankingsPage(h *history) ([]byte, error) {
	n := len(r.s.Townships)
	dec := r.s.Config.Scoring.Decimals
	v := &RankingsView{}
	v.Years = matrices(r, h, "rankings/", "乡镇（街道）", "%d年乡镇（街道）综合考核排名", r.s.Townships,
		func(t *site.Unit) (string, string) { return t.Name, unitPath(t) },
		func(t *site.Unit, i int) rankCell {
			p := h.composite[t][i]
			if p.rank == 0 {
				return rankCell{title: "无排名"}
			}
			return rankCell{
				text:  strconv.Itoa(p.rank),
				score: formatScore(p.value, dec),
				class: "heat-" + strconv.Itoa(heatLevel(p.rank, n)),
			}
		})
	for i := range v.Years {
		v.Years[i].Class = "heatmap"
	}
	for lvl, lo := 1, 1; lo <= n; lvl++ {
		hi := lo
		for hi+1 <= n && heatLevel(hi+1, n) == lvl {
			hi++
		}
		if heatLevel(lo, n) != lvl {
			continue // a shade no rank falls in (fewer townships than shades)
		}
		label := fmt.Sprintf("第%d名", lo)
		if hi > lo {
			label = fmt.Sprintf("第%d～%d名", lo, hi)
		}
		v.Legend = append(v.Legend, LegendItem{Class: "heat-" + strconv.Itoa(lvl), Label: label})
		lo = hi + 1
	}
	for _, t := range r.s.Townships {
		v.Townships = append(v.Townships, Link{Name: t.Name, Path: unitPath(t)})
	}
	for _, d := range r.s.Departments {
		v.Departments = append(v.Departments, Link{Name: d.Name, Path: unitPath(d)})
	}
	for _, sec := range site.Sections {
		is := IndexSection{Name: sec}
		for _, ind := range r.s.Indicators {
			if ind.Section != sec || ind.Parent != nil {
				continue
			}
			e := IndexEntry{Link: Link{Name: ind.Number() + " " + ind.Name, Path: indicatorPath(ind)}}
			for _, c := range ind.Children {
				e.Children = append(e.Children, Link{Name: c.Number() + c.Name, Path: indicatorPath(c)})
			}
			is.Indicators = append(is.Indicators, e)
		}
		if len(is.Indicators) > 0 {
			v.Sections = append(v.Sections, is)
		}
	}
	return r.execute("rankings.html", &Page{
		Kind:        "rankings",
		Title:       "历次考核排名",
		Path:        "rankings/",
		Description: "乡镇（街道）历次综合考核排名，及各单位、各指标的排名历史",
		Date:        h.updated,
		Column:      historyColumn,
		Rankings:    v,
	})
}

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
	ScoreLabel string // 得分 | 综合得分
	Rows       template.HTML
}

// appendix builds the data appendix of the circular reporting res.
func (r *renderer) appendix(res *rank.MonthResults) *Appendix {
	a := &Appendix{Period: res.Month.Label(), PeerHeader: r.s.Config.Ranking.DistrictLabel + "排名"}
	rows := func(ts []rank.Township, decimals int) template.HTML {
		w := rowWriter{r: r}
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
	if len(res.Composite) > 0 {
		a.Composite = &AppendixTable{ID: "appendix-composite", Caption: "乡镇（街道）综合考核排名", ScoreLabel: "综合得分",
			Rows: rows(res.Composite, r.s.Config.Scoring.Decimals)}
	}
	for _, ir := range res.Indicators {
		ind := ir.Result.Indicator
		a.Tables = append(a.Tables, AppendixTable{ID: "appendix-" + ind.ID, Caption: ind.Name + "乡镇（街道）排名", Path: indicatorPath(ind), ScoreLabel: "得分",
			Rows: rows(ir.Ranked, ind.Decimals)})
	}
	w := rowWriter{r: r}
	for _, res := range res.Month.Results {
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

// A dataKey collects what a history page shows, to hash it into the
// page's cache key. Every page function below has a key function beside
// it that must write everything the page reads beyond the global inputs;
// TestCacheMatchesFreshRender holds them to it.
type dataKey struct{ b []byte }

func (k *dataKey) int(n int)       { k.b = binary.AppendVarint(k.b, int64(n)) }
func (k *dataKey) str(s string)    { k.int(len(s)); k.b = append(k.b, s...) }
func (k *dataKey) float(f float64) { k.b = binary.LittleEndian.AppendUint64(k.b, math.Float64bits(f)) }

func (k *dataKey) bool(b bool) {
	if b {
		k.int(1)
	} else {
		k.int(0)
	}
}

func (k *dataKey) placings(ps []placing) {
	for _, p := range ps {
		k.int(p.rank)
		k.bool(p.tied)
		k.float(p.value)
	}
}

// result writes the city and peer ranks of an indicator in a month.
func (k *dataKey) result(res *site.Result) {
	if res == nil {
		k.int(-1)
		return
	}
	k.int(res.City)
	k.bool(res.CityTie)
	k.int(res.District)
	k.bool(res.DistrictTie)
	k.int(res.DistrictUnits)
	k.str(res.DistrictLabel)
}

// newKey starts a page's key with what every history page shows: the
// months, the circulars they link to and the update date.
func (h *history) newKey(kind string) *dataKey {
	k := &dataKey{b: make([]byte, 0, 4096)}
	k.str(kind)
	k.b = append(k.b, h.refsSum[:]...)
	return k
}

func (k *dataKey) sum(r *renderer) [32]byte { return keyOf(r.global, sha256.Sum256(k.b)) }

func (h *history) townshipKey(r *renderer, u *site.Unit) [32]byte {
	k := h.newKey("township:" + u.Slug)
	k.placings(h.composite[u])
	for _, ind := range r.s.Indicators {
		if ps := h.townships[ind.ID][u]; ps != nil {
			k.str(ind.ID)
			k.placings(ps)
		}
	}
	return k.sum(r)
}

func (h *history) departmentKey(r *renderer, u *site.Unit) [32]byte {
	k := h.newKey("department:" + u.Slug)
	for _, c := range h.category[u] {
		k.str(c)
	}
	for _, ind := range h.owned[u] {
		k.str(ind.ID)
		for _, m := range h.months {
			k.result(m.Result(ind.ID))
		}
	}
	return k.sum(r)
}

func (h *history) indicatorKey(r *renderer, ind *site.Indicator) [32]byte {
	k := h.newKey("indicator:" + ind.ID)
	for _, m := range h.months {
		k.result(m.Result(ind.ID))
	}
	for _, t := range ind.Townships {
		k.placings(h.townships[ind.ID][t])
	}
	return k.sum(r)
}
