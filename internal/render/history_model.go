package render

import (
	"strconv"
	"strings"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// This file arranges the archive's results for the history pages
// (DESIGN.md §7): /units/<slug>/ for every township and department,
// /indicators/<id>/ for every indicator, and /rankings/, the composite
// ranks of all periods as a heat map (history_pages.go).
//
// The history is arranged once per render (newHistoryModel) from the
// ranked periods; each page then only reads its row of it, so that a
// twenty-year archive costs a few milliseconds a page.

// A placing is one unit's rank and value in one period; rank 0: none.
type placing struct {
	rank  int
	tied  bool
	value float64
	// unreported says the township did not report the value (未报送),
	// ranked by the office's rule: its cell says so, not a score.
	unreported bool
}

// yearSpan is the periods of one calendar year: periods[lo:hi].
type yearSpan struct {
	year   int
	lo, hi int
}

// historyModel is every period's ranks arranged by unit and by
// indicator: the months' as the columns of the matrices and charts, and
// the quarters', halves' and years' beside them.
type historyModel struct {
	periods []*rank.Period // the months
	refs    []MonthRef     // by period index
	years   []yearSpan
	// composite holds each township's composite placing by period.
	composite map[*site.Unit][]placing
	// townships holds, by indicator id, each township's placing by period.
	townships map[string]map[*site.Unit][]placing
	// category holds each department's 考核排类 by period ("" when unlisted).
	category map[*site.Unit][]string
	// owned lists each department's indicators, in document order.
	owned   map[*site.Unit][]*site.Indicator
	updated *DateData // the newest circular's date: the pages' update date

	// aggregates are the quarters, halves and years circulars report,
	// in order, with aggRefs their headings; aggregate holds each
	// township's placing in them.
	aggregates []*rank.Period
	aggRefs    []MonthRef
	aggregate  map[*site.Unit][]placing

	measures map[*site.Unit][]UnitMeasure // newest first
}

func newHistoryModel(c *core) *historyModel {
	s := c.s
	periods := c.res.Months()
	n := len(periods)
	h := &historyModel{
		periods:   periods,
		refs:      make([]MonthRef, n),
		composite: map[*site.Unit][]placing{},
		townships: map[string]map[*site.Unit][]placing{},
		category:  map[*site.Unit][]string{},
		owned:     map[*site.Unit][]*site.Indicator{},
	}
	h.updated = dateData(s.LastPublished())
	h.measures = unitMeasures(c)
	for i, p := range periods {
		path := ""
		if circ := c.reporter[p]; circ != nil {
			path = circ.URLPath()
		}
		h.refs[i] = monthRef(p, path)
		if len(h.years) == 0 || h.years[len(h.years)-1].year != p.Span.Year {
			h.years = append(h.years, yearSpan{year: p.Span.Year, lo: i})
		}
		h.years[len(h.years)-1].hi = i + 1
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
	for i, p := range periods {
		for _, g := range p.Groups {
			for _, t := range g.Composite {
				if row := h.composite[t.Unit]; row != nil {
					row[i] = placing{t.Rank, t.Tied, t.Value, false}
				}
			}
			for _, ir := range g.Indicators {
				byUnit := h.townships[ir.Result.Indicator.ID]
				for _, t := range ir.Ranked {
					if row := byUnit[t.Unit]; row != nil {
						row[i] = placing{t.Rank, t.Tied, t.Value, t.Unreported}
					}
				}
			}
		}
		for _, cat := range p.Month.Categories {
			for _, u := range cat.Units {
				if row := h.category[u]; row != nil {
					row[i] = cat.Name
				}
			}
		}
	}
	h.aggregate = map[*site.Unit][]placing{}
	for _, p := range c.res.Periods {
		if !p.Aggregate() {
			continue
		}
		i := len(h.aggregates)
		h.aggregates = append(h.aggregates, p)
		path := ""
		if circ := c.reporter[p]; circ != nil {
			path = circ.URLPath()
		}
		h.aggRefs = append(h.aggRefs, monthRef(p, path))
		for _, g := range p.Groups {
			for _, t := range g.Composite {
				row := h.aggregate[t.Unit]
				for len(row) <= i {
					row = append(row, placing{})
				}
				row[i] = placing{t.Rank, t.Tied, t.Value, false}
				h.aggregate[t.Unit] = row
			}
		}
	}
	return h
}

// MonthRef is an assessed period as a row or column heading.
type MonthRef struct {
	Key   string // 2023-02
	Year  int
	Label string // 2023年1-2月
	Short string // 1-2月
	Path  string // the circular that reports it; "" when none does
}

func monthRef(p *rank.Period, path string) MonthRef {
	short := strings.TrimPrefix(p.Label, strconv.Itoa(p.Span.Year)+"年") // 1-2月, 第一季度, 上半年, 度
	if p.Span.Kind == site.Yearly {
		short = "全年"
	}
	return MonthRef{Key: p.Span.Key(), Year: p.Span.Year, Label: p.Label, Short: short, Path: path}
}
