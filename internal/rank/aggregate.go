package rank

import (
	"cmp"
	"math"
	"slices"

	"tongbao/internal/site"
)

// This file makes the quarters, halves and years that circulars report
// (DESIGN.md §5.10): each township's aggregate of its monthly composites,
// ranked within its group.

// aggregates ranks every quarter, half and year a circular reports, from
// the months in it, and applies their rules; in the order withAggregates
// places them. An aggregate of prev made of the very same month periods
// is kept when its measures come out the same.
func aggregates(prev *Results, s *site.Site, months []*Period) []*Period {
	var spans []site.Period
	for _, c := range s.Circulars {
		if c.Data.Kind != site.Monthly && c.Data.Year != 0 && !slices.Contains(spans, c.Data) {
			spans = append(spans, c.Data)
		}
	}
	var out []*Period
	fresh := map[*Period]bool{}
	for _, span := range spans {
		var in []*Period
		for _, m := range months {
			if span.Contains(m.Span.Year, m.Span.N) {
				in = append(in, m)
			}
		}
		if len(in) == 0 {
			continue // the loader reports it
		}
		if prev != nil {
			if p := prev.byKey[span.Key()]; p != nil && slices.Equal(p.Months, in) {
				out = append(out, p)
				continue
			}
		}
		p := aggregate(s, span, in)
		fresh[p] = true
		out = append(out, p)
	}
	// In their order among the months: a streak reads the earlier ones.
	slices.SortStableFunc(out, func(a, b *Period) int {
		return cmp.Or(cmp.Compare(lastMonth(months, a), lastMonth(months, b)), cmp.Compare(a.Span.Kind, b.Span.Kind))
	})
	for i, p := range out {
		var before []*Period
		for _, q := range out[:i] {
			if q.Span.Kind == p.Span.Kind {
				before = append(before, q)
			}
		}
		ms, cs, ws := measures(s, p, before)
		switch {
		case fresh[p]:
			p.Measures, p.Conflicts, p.Waived = ms, cs, ws
		case !slices.Equal(ms, p.Measures) || !slices.Equal(cs, p.Conflicts) || !slices.Equal(ws, p.Waived):
			out[i] = p.remeasured(ms, cs, ws)
		}
	}
	return out
}

// lastMonth is the index in months of an aggregate's last month.
func lastMonth(months []*Period, p *Period) int {
	return slices.Index(months, p.Months[len(p.Months)-1])
}

// withAggregates places each aggregate, in the order aggregates returns
// them, after the last of its months.
func withAggregates(months, aggs []*Period) []*Period {
	out := make([]*Period, 0, len(months)+len(aggs))
	j := 0
	for i, m := range months {
		out = append(out, m)
		for j < len(aggs) && lastMonth(months, aggs[j]) == i {
			out = append(out, aggs[j])
			j++
		}
	}
	return out
}

// aggregate ranks span from its months' composites: within each group,
// each township's mean or sum of its composite points, or the mean of its
// composite ranks, over the months it was ranked in.
func aggregate(s *site.Site, span site.Period, months []*Period) *Period {
	cfg := s.Config
	p := &Period{Span: span, Label: span.Label(), Months: months, GroupSize: cfg.Aggregate.GroupSize}
	groups := []*UnitGroup{{Units: s.Townships}}
	if len(s.Groups) > 0 {
		groups = nil
		for _, g := range s.Groups {
			groups = append(groups, &UnitGroup{Name: g.Name, Units: g.Units})
		}
	}
	if overall(s) {
		p.OverallSize = cmp.Or(cfg.Ranking.OverallSize, p.GroupSize)
		groups = append(groups, &UnitGroup{Name: cfg.Terms.Scope, Units: s.Townships})
	}
	for _, g := range groups {
		g.byIndicator = map[string]*IndicatorResult{}
		// Each month's composite is published rounded to decimals, so it is
		// a whole number of 10^-decimals; sum those whole numbers, exactly:
		// binary floats drift (80 + 60.33 is 140.32999…) and a mean that
		// is exactly half a last digit (70.165) would round the wrong way.
		// Whole numbers are kept in floats, exact below 2⁵³, where int64
		// would wrap around past 9.2·10¹⁸ (10¹³ yuan at 6 decimals).
		scale := math.Pow10(cfg.Scoring.Decimals)
		if cfg.Aggregate.Method == site.MeanRank {
			scale = 1
		}
		type acc struct {
			sum float64 // whole numbers
			n   int
		}
		sums := map[*site.Unit]*acc{}
		for _, m := range months {
			for _, mg := range m.Rankings() {
				if mg.Name != g.Name {
					continue
				}
				for _, t := range mg.Composite {
					a := sums[t.Unit]
					if a == nil {
						a = &acc{}
						sums[t.Unit] = a
					}
					a.n++
					if cfg.Aggregate.Method == site.MeanRank {
						a.sum += float64(t.Rank)
					} else {
						a.sum += math.Round(t.Value * scale)
					}
				}
			}
		}
		var scores []Score // in units.toml order, which orders a tie (§5.1)
		for _, u := range g.Units {
			a := sums[u]
			if a == nil {
				continue
			}
			// One division of exact integers, correctly rounded: a mean that
			// is a half in decimal comes out as the float nearest it, which
			// Round reads as that decimal.
			div := scale
			if cfg.Aggregate.Method != site.SumPoints {
				div *= float64(a.n)
			}
			v := a.sum / div
			scores = append(scores, Score{Unit: u.Index, Value: v})
		}
		if len(scores) > 0 {
			higher := cfg.Aggregate.Method != site.MeanRank
			g.Composite = vetoLast(s, Rank(scores, cfg.Scoring.Decimals, higher, ties(s)), vetoedIn(s, span), cfg.Scoring.Decimals, higher)
		}
		if overall(s) && g.Name == cfg.Terms.Scope {
			p.Overall = g // the last, of every unit
			break
		}
		p.Groups = append(p.Groups, g)
	}
	return p
}

// Assessed returns how many of an aggregate's months ranked u in the
// composite, and how many months it has: a township assessed in only some
// months is aggregated over those, and the circular says so (§5.10).
func (p *Period) Assessed(u *site.Unit) (ranked, months int) {
	return len(p.RankedIn(u)), len(p.Months)
}

// RankedIn returns the months of an aggregate whose composite ranked u,
// oldest first.
func (p *Period) RankedIn(u *site.Unit) []*Period {
	var out []*Period
	for _, m := range p.Months {
		if g := m.Group(u); g != nil && slices.ContainsFunc(g.Composite, func(t Township) bool { return t.Unit == u }) {
			out = append(out, m)
		}
	}
	return out
}

// vetoedIn are the units the circulars reporting the aggregate span put
// last in its composite ranking (一票否决, a [[waiver]] with last =
// true in the front matter), by index.
func vetoedIn(s *site.Site, span site.Period) map[int]bool {
	var ws []site.Waiver
	for _, c := range s.Circulars {
		if c.Data == span {
			ws = append(ws, c.Waivers...)
		}
	}
	return vetoed(ws)
}
