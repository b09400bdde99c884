package rank

import (
	"sync"

	"tongbao/internal/par"
	"tongbao/internal/site"
)

// Results is an archive ranked: every period's rankings, lists and
// measures, in period order. Archive makes it once per build, before
// anything is rendered; every page that shows a period reads it from
// here, and nothing after this package ranks.
type Results struct {
	Periods []*Period // oldest first

	byKey   map[string]*Period
	byMonth map[*site.Month]*Period
}

// Period returns the results of the period with the given key, "2023-02",
// or nil.
func (r *Results) Period(key string) *Period { return r.byKey[key] }

// Of returns the results of the period a month file reports, or nil.
func (r *Results) Of(m *site.Month) *Period { return r.byMonth[m] }

// A Period is one period ranked (DESIGN.md §5): a month today. Issue 13
// adds quarters, halves and years, ranked from their months' composites,
// as further periods in the same list.
type Period struct {
	Span  site.Period
	Label string      // as titles write it: 2023年1-2月
	Month *site.Month // the month file it reports: its progress texts, categories, …
	// GroupSize is the k of the period's top and bottom groups (§5.2) and
	// of its city-bottom list: [ranking] groupSize for a month. The
	// sentences read it here, so that they say what the groups are.
	GroupSize int

	// Groups are the rankings within each group of units, in units.toml
	// order (§5.8). A site without [[group]]s has one, of every township.
	Groups []*UnitGroup
	// CityBottom are the entries ranked in the city's bottom group, in
	// document order (§5.6).
	CityBottom []*site.Result
	// Measures are the rewards, 约谈 … of the period: the rules' in
	// their order, then the month file's hand entries (§5.6, §5.9).
	Measures []Measure

	digests digests // made on first use: see digest.go
}

// A UnitGroup is one group of units' rankings in one period.
type UnitGroup struct {
	Name  string       // "" when units.toml declares no groups
	Units []*site.Unit // its townships, in units.toml order
	// Indicators are the township rankings of the indicators scored in
	// the period, in document order.
	Indicators []*IndicatorResult
	// Composite is the composite ranking, best first; empty when nothing
	// is scored.
	Composite []Township

	byIndicator map[string]*IndicatorResult
}

// Indicator returns the group's ranking on an indicator, or nil.
func (g *UnitGroup) Indicator(id string) *IndicatorResult { return g.byIndicator[id] }

// An IndicatorResult is one indicator's township ranking in one period.
type IndicatorResult struct {
	Result      *site.Result
	Ranked      []Township // best first
	Top, Bottom TownshipGroup
}

// Township is a township with its rounded score and rank.
type Township struct {
	Unit  *site.Unit
	Value float64
	Rank  int
	Tied  bool
}

// TownshipGroup is a top or bottom group: its members in runs of equal
// rank, and whether it may be called 前三/后三 (Exact) or only 靠前/靠后.
type TownshipGroup struct {
	Runs  [][]Township
	Exact bool
}

// Archive ranks every period of s in order (DESIGN.md §5).
func Archive(s *site.Site) *Results { return Update(nil, s) }

// Update is Archive reusing what prev, the results of an earlier load of
// the same site, holds: a period whose month file and catalogue are
// unchanged — the loader's cache then hands back the same *site.Month —
// is not ranked again. No rule reads an earlier period today; once one
// does (a streak, issue 13), a period is reused only when the periods it
// reads are unchanged as well (see reusable). prev may be nil.
func Update(prev *Results, s *site.Site) *Results {
	res := &Results{
		Periods: make([]*Period, len(s.Months)),
		byKey:   make(map[string]*Period, len(s.Months)),
		byMonth: make(map[*site.Month]*Period, len(s.Months)),
	}
	// Each period's rankings read its own month only, so they are made on
	// every core; the measures may read earlier periods (issue 13's
	// streaks) and follow in order.
	fresh := make([]bool, len(s.Months))
	par.Do(len(s.Months), func(i int) {
		m := s.Months[i]
		if old := prev.reusable(m); old != nil {
			res.Periods[i] = old
			return
		}
		res.Periods[i], fresh[i] = rankMonth(s, m), true
	})
	for i, p := range res.Periods {
		if fresh[i] {
			p.Measures = measures(s, p, res.Periods[:i])
		}
		res.byKey[p.Span.Key()] = p
		res.byMonth[p.Month] = p
	}
	return res
}

// reusable returns prev's period for m if it was ranked from the very
// same month value, or nil. A period's rankings read its own month only;
// its measures are made again whenever it is ranked again. Once a rule
// reads the periods before (a streak of k periods), a reused period's
// measures are stale when one of its k−1 predecessors changed: Update
// must then make them again for that period too — compare the digests
// of the predecessors with those the period was measured against.
func (prev *Results) reusable(m *site.Month) *Period {
	if prev == nil {
		return nil
	}
	return prev.byMonth[m]
}

// rankMonth ranks one month's scores (§5.1–§5.6); its measures are left
// to measures.
func rankMonth(s *site.Site, m *site.Month) *Period {
	cfg := s.Config
	ties := Competition
	if cfg.Ranking.Dense {
		ties = Dense
	}
	p := &Period{Span: m.Span(), Label: m.Label(), Month: m, GroupSize: cfg.Ranking.GroupSize}
	p.Groups = []*UnitGroup{rankGroup(s, m, "", s.Townships, ties, p.GroupSize)}
	entries := make([]Entry, len(m.Results))
	for i, r := range m.Results {
		entries[i] = Entry{City: r.City, District: r.District, DistrictUnits: r.DistrictUnits}
	}
	for _, i := range CityBottom(entries, cfg.Ranking.CityUnits, p.GroupSize) {
		p.CityBottom = append(p.CityBottom, m.Results[i])
	}
	return p
}

// rankGroup ranks the month's scores of the townships of one group.
func rankGroup(s *site.Site, m *site.Month, name string, units []*site.Unit, ties Ties, k int) *UnitGroup {
	cfg := s.Config
	g := &UnitGroup{Name: name, Units: units, byIndicator: map[string]*IndicatorResult{}}
	member := make(map[*site.Unit]bool, len(units))
	for _, u := range units {
		member[u] = true
	}
	township := func(placed []Placed) []Township {
		out := make([]Township, len(placed))
		for i, p := range placed {
			out[i] = Township{Unit: s.Townships[p.Unit], Value: p.Value, Rank: p.Rank, Tied: Tied(placed, i)}
		}
		return out
	}
	groupOf := func(gr Group, placed []Placed) TownshipGroup {
		tg := TownshipGroup{Exact: gr.Exact}
		for _, run := range Runs(gr.Members) {
			ts := township(run)
			// Tied as seen in the whole ranking, not just within the run.
			for i := range ts {
				ts[i].Tied = len(ts) > 1 || tiedIn(placed, ts[i].Rank)
			}
			tg.Runs = append(tg.Runs, ts)
		}
		return tg
	}

	var cols []Column
	for _, r := range m.Results {
		var scores []Score
		for _, sc := range r.Scores {
			if member[sc.Unit] {
				scores = append(scores, Score{Unit: sc.Unit.Index, Value: sc.Value})
			}
		}
		if len(scores) == 0 {
			continue
		}
		ind := r.Indicator
		placed := Rank(scores, ind.Decimals, ind.HigherBetter, ties)
		top, bottom := Groups(placed, k)
		ir := &IndicatorResult{Result: r, Ranked: township(placed), Top: groupOf(top, placed), Bottom: groupOf(bottom, placed)}
		g.Indicators = append(g.Indicators, ir)
		g.byIndicator[ind.ID] = ir
		if ind.Weight > 0 {
			cols = append(cols, Column{Weight: ind.Weight, Placed: placed})
		}
	}

	adjust := map[int]float64{}
	for _, a := range m.Adjustments {
		if member[a.Unit] {
			adjust[a.Unit.Index] += a.Points
		}
	}
	method := RankPoints
	if cfg.Scoring.RawScore {
		method = RawScore
	}
	if comp := Composite(cols, adjust, method, cfg.Scoring.Decimals); len(comp) > 0 {
		g.Composite = township(Rank(comp, cfg.Scoring.Decimals, true, ties))
	}
	return g
}

func tiedIn(placed []Placed, rank int) bool {
	n := 0
	for _, p := range placed {
		if p.Rank == rank {
			n++
		}
	}
	return n > 1
}

// digests holds a period's digests once made (digest.go).
type digests struct {
	once       sync.Once
	whole      [32]byte
	composite  [32]byte
	units      map[*site.Unit][32]byte
	indicators map[*site.Indicator][32]byte
	none       [32]byte // of a part the period does not name
}
