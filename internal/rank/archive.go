package rank

import (
	"cmp"
	"math/big"
	"slices"
	"sync"

	"tongbao/internal/par"
	"tongbao/internal/site"
)

// Results is an archive ranked: every period's rankings, lists and
// measures, in period order. Archive makes it once per build, before
// anything is rendered; every page that shows a period reads it from
// here, and nothing after this package ranks.
type Results struct {
	// Periods are every period, oldest first: the months, and each
	// quarter, half and year a circular reports right after the last of
	// its months (a year after its fourth quarter and second half).
	Periods []*Period

	months  []*Period
	kind    site.PeriodKind // the office's, whose words the measures' reasons use (连续2个季度)
	byKey   map[string]*Period
	byMonth map[*site.Month]*Period
}

// Period returns the results of the period with the given key, "2023-02"
// or "2024-Q1", or nil.
func (r *Results) Period(key string) *Period { return r.byKey[key] }

// Of returns the results of the period a month file reports, or nil.
func (r *Results) Of(m *site.Month) *Period { return r.byMonth[m] }

// Months are the periods of the month files, oldest first.
func (r *Results) Months() []*Period { return r.months }

// A Period is one period ranked (DESIGN.md §5): a month, or a quarter,
// half or year of months aggregated (§5.10).
type Period struct {
	Span  site.Period
	Label string      // as titles write it: 2023年1-2月, 2024年度
	Month *site.Month // the month file it reports: its progress texts, categories, …; nil for an aggregate
	// Months are the months an aggregate is made of, oldest first; nil
	// for a month.
	Months []*Period
	// GroupSize is the k of the period's top and bottom groups (§5.2) and
	// of its city-bottom list: [ranking] groupSize for a month,
	// [aggregate] groupSize for an aggregate. The sentences read it here,
	// so that they say what the groups are.
	GroupSize int

	// Groups are the rankings within each group of units, in units.toml
	// order (§5.8). A site without [[group]]s has one, of every township.
	Groups []*UnitGroup
	// Overall is the ranking of every group's units together, named by
	// [terms] scope (全县), of an office of groups that asks for it
	// ([ranking] overall); nil otherwise. See overall.go.
	Overall *UnitGroup
	// OverallSize is the k of Overall's top and bottom groups: [ranking]
	// overallSize, or GroupSize.
	OverallSize int
	// CityBottom are the entries ranked in the city's bottom group, in
	// document order (§5.6).
	CityBottom []*site.Result
	// Measures are the rewards, 约谈 … of the period: the rules' in
	// their order, then the month file's hand entries (§5.6, §5.9).
	Measures []Measure
	// Conflicts are the hand entries that repeat a rule's measure: each
	// is an error (Results.Err).
	Conflicts []Conflict
	// Waived are the rules' measures the month file's [[waiver]]s
	// withhold, in the waivers' order, and the waivers that withhold none
	// (an error, Results.Err).
	Waived []Waived

	digests digests    // made on first use: see digest.go
	picks   selections // what each rule selects, made on first use: see measures.go
}

// Aggregate reports whether the period is a quarter, half or year
// aggregated from its months.
func (p *Period) Aggregate() bool { return p.Month == nil }

// A UnitGroup is one group of units' rankings in one period.
type UnitGroup struct {
	Name  string       // "" when units.toml declares no groups
	Units []*site.Unit // its townships, in units.toml order
	// Indicators are the township rankings of the indicators scored in
	// the period, in document order; none in an aggregate.
	Indicators []*IndicatorResult
	// Composite is the composite ranking, best first; empty when nothing
	// is scored. In an aggregate, the aggregate of the months' (§5.10).
	Composite []Township

	byIndicator map[string]*IndicatorResult
}

// Indicator returns the group's ranking on an indicator, or nil.
func (g *UnitGroup) Indicator(id string) *IndicatorResult { return g.byIndicator[id] }

// Group returns the period's group of a unit, or nil.
func (p *Period) Group(u *site.Unit) *UnitGroup {
	for _, g := range p.Groups {
		if g.Name == "" || u.Group != nil && g.Name == u.Group.Name {
			return g
		}
	}
	return nil
}

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
	// Unreported says the township did not report its value of the
	// indicator (未报送, site.Result.Unreported): it is ranked by the
	// office's rule, and Value is NaN (ranked last) or the lowest score
	// it was given, which no page prints as a score.
	Unreported bool
	// Vetoed says the township's composite rank is last by a veto (一票
	// 否决, a [[waiver]] with last = true), whatever its score: the rules
	// read the ranking without it (see ranking).
	Vetoed bool
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
// the same site, holds. A month whose file and catalogue are unchanged —
// the loader's cache then hands back the same *site.Month — is not ranked
// again, and an aggregate whose months were not is not aggregated again.
// Measures are made again for every period from the first that is not
// prev's own, because a streak reads the periods before (§5.9): an edit
// of an early month may change a later month's measures. They cost
// little; a period whose measures come out as they were is kept whole,
// and one whose measures changed is a new Period sharing its rankings, so
// that its digests are made anew and no page showing it is served stale.
// prev may be nil.
func Update(prev *Results, s *site.Site) *Results {
	if prev != nil && prev.kind != s.Assesses() {
		// The same months now speak of another kind of period (a monthly
		// office's 1-3月, once its only file, is March's report once 1-4月
		// is written beside it): nothing of prev says what they say now.
		prev = nil
	}
	months := make([]*Period, len(s.Months))
	fresh := make([]bool, len(s.Months))
	par.Do(len(s.Months), func(i int) {
		m := s.Months[i]
		if prev != nil {
			if old := prev.byMonth[m]; old != nil {
				months[i] = old
				return
			}
		}
		months[i], fresh[i] = rankMonth(s, m), true
	})
	// While the months are the previous results' very periods, in the same
	// places, their measures are too: a streak reads only the months
	// before. From the first that differs on, they are made again.
	same := prev != nil
	for i, p := range months {
		if same = same && i < len(prev.months) && prev.months[i] == p; same {
			continue
		}
		ms, cs, ws := measures(s, p, months[:i])
		if fresh[i] {
			p.Measures, p.Conflicts, p.Waived = ms, cs, ws
			continue
		}
		if !slices.Equal(ms, p.Measures) || !slices.Equal(cs, p.Conflicts) || !slices.Equal(ws, p.Waived) {
			months[i] = p.remeasured(ms, cs, ws)
		}
	}
	res := &Results{
		months:  months,
		kind:    s.Assesses(),
		byKey:   make(map[string]*Period, len(months)),
		byMonth: make(map[*site.Month]*Period, len(months)),
	}
	for _, p := range months {
		res.byKey[p.Span.Key()] = p
		res.byMonth[p.Month] = p
	}
	res.Periods = withAggregates(months, aggregates(prev, s, months))
	for _, p := range res.Periods {
		res.byKey[p.Span.Key()] = p
	}
	return res
}

// remeasured is p with other measures: a new Period sharing p's
// rankings, whose digests are made anew.
func (p *Period) remeasured(ms []Measure, cs []Conflict, ws []Waived) *Period {
	return &Period{Span: p.Span, Label: p.Label, Month: p.Month, Months: p.Months, GroupSize: p.GroupSize,
		Groups: p.Groups, Overall: p.Overall, OverallSize: p.OverallSize, CityBottom: p.CityBottom, Measures: ms, Conflicts: cs, Waived: ws, picks: p.picks}
}

// rankMonth ranks one month's scores (§5.1–§5.6), within each group of
// units (§5.8); its measures are left to measures.
func rankMonth(s *site.Site, m *site.Month) *Period {
	cfg := s.Config
	ties := ties(s)
	p := &Period{Span: m.Span(), Label: m.Label(), Month: m, GroupSize: cfg.Ranking.GroupSize}
	if len(s.Groups) == 0 {
		p.Groups = []*UnitGroup{rankGroup(s, m, "", s.Townships, ties, p.GroupSize)}
	}
	for _, g := range s.Groups {
		p.Groups = append(p.Groups, rankGroup(s, m, g.Name, g.Units, ties, p.GroupSize))
	}
	if overall(s) {
		p.OverallSize = cmp.Or(cfg.Ranking.OverallSize, p.GroupSize)
		p.Overall = rankGroup(s, m, cfg.Terms.Scope, s.Townships, ties, p.OverallSize)
	}
	entries := make([]Entry, len(m.Results))
	for i, r := range m.Results {
		entries[i] = Entry{City: r.City, District: r.District, DistrictUnits: r.DistrictUnits}
	}
	for _, i := range CityBottom(entries, cfg.Ranking.CityUnits, p.GroupSize) {
		p.CityBottom = append(p.CityBottom, m.Results[i])
	}
	return p
}

// rankGroup ranks the month's scores of the townships of one group. The
// members of a tie are listed as the month file writes them (§5.1): the
// scores are ranked in its order.
func rankGroup(s *site.Site, m *site.Month, name string, units []*site.Unit, ties Ties, k int) *UnitGroup {
	cfg := s.Config
	g := &UnitGroup{Name: name, Units: units, byIndicator: map[string]*IndicatorResult{}}
	member := make(map[*site.Unit]bool, len(units))
	for _, u := range units {
		member[u] = true
	}
	township := func(placed []Placed) []Township { return townships(s, placed) }
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
		ind := r.Indicator
		// A township that did not report is ranked by the office's rule
		// (site.UnreportedValue): after every one that did, tied with
		// the others that did not, as NaN ranks; or at the lowest score.
		var unreported map[int]bool // nil for the results every unit reported
		for _, e := range r.Unreported {
			if v, ok := s.UnreportedValue(ind, m.Key); ok && member[e.Unit] {
				scores = append(scores, Score{Unit: e.Unit.Index, Value: v})
				if unreported == nil {
					unreported = map[int]bool{}
				}
				unreported[e.Unit.Index] = true
			}
		}
		if len(scores) == 0 {
			continue
		}
		// The month is ranked by the 考核办法 of its own time (indicator
		// changes), so a later change leaves what was published as it was.
		set := ind.In(m.Key)
		placed := Rank(scores, set.Decimals, set.HigherBetter, ties)
		top, bottom := Groups(placed, k)
		ir := &IndicatorResult{Result: r, Ranked: township(placed), Top: groupOf(top, placed), Bottom: groupOf(bottom, placed)}
		if len(unreported) > 0 {
			marked := func(ts []Township) {
				for i := range ts {
					ts[i].Unreported = unreported[ts[i].Unit.Index]
				}
			}
			marked(ir.Ranked)
			for _, tg := range [][][]Township{ir.Top.Runs, ir.Bottom.Runs} {
				for _, run := range tg {
					marked(run)
				}
			}
		}
		g.Indicators = append(g.Indicators, ir)
		g.byIndicator[ind.ID] = ir
		if set.Weight > 0 {
			col := placed
			if len(unreported) > 0 && (cfg.Scoring.RawScore || cfg.Scoring.RawSum) {
				// A composite of the scores themselves counts a value
				// not reported as the lowest score, by either rule: a
				// place after the last has no score to add.
				col = slices.Clone(placed)
				for i := range col {
					if unreported[col[i].Unit] {
						col[i].Value = set.Floor()
					}
				}
			}
			cols = append(cols, Column{Weight: set.Weight, Placed: col})
		}
	}

	// A township's adjustments are summed as the decimals written (0.03 +
	// 0.42 is 0.45, not the binary 0.44999…), and passed on as the float
	// nearest that sum, which Composite reads back as the same decimal.
	sums := map[int]*big.Rat{}
	for _, a := range m.Adjustments {
		if member[a.Unit] {
			if sums[a.Unit.Index] == nil {
				sums[a.Unit.Index] = new(big.Rat)
			}
			sums[a.Unit.Index].Add(sums[a.Unit.Index], decimal(new(big.Rat), a.Points))
		}
	}
	adjust := make(map[int]float64, len(sums))
	for u, sum := range sums {
		adjust[u], _ = sum.Float64()
	}
	method := RankPoints
	switch {
	case cfg.Scoring.RawScore:
		method = RawScore
	case cfg.Scoring.RawSum:
		method = RawSum
	}
	// Composite returns the units in units.toml order, which orders the
	// members of a tie (§5.1): no file lists a composite.
	if comp := Composite(cols, adjust, method, cfg.Scoring.Decimals); len(comp) > 0 {
		g.Composite = vetoLast(s, Rank(comp, cfg.Scoring.Decimals, true, ties), vetoed(m.Waivers), cfg.Scoring.Decimals, true)
	}
	return g
}

// vetoed are the units ws put last in their period's composite ranking
// (一票否决, last = true), by index.
func vetoed(ws []site.Waiver) map[int]bool {
	var out map[int]bool
	for _, w := range ws {
		if w.Last && w.Unit != nil {
			if out == nil {
				out = map[int]bool{}
			}
			out[w.Unit.Index] = true
		}
	}
	return out
}

// vetoLast is a composite ranking (as Rank returns it) as townships,
// those vetoed moved last: the others ranked again among themselves,
// closing up (the second is first), and the vetoed after them, tied
// with each other — a veto does not grade whom it strikes — in units.toml
// order, as a composite's tie is listed. Their scores are kept: the
// appendix shows what they scored and says why they are last.
func vetoLast(s *site.Site, placed []Placed, vetoed map[int]bool, decimals int, higher bool) []Township {
	if !slices.ContainsFunc(placed, func(p Placed) bool { return vetoed[p.Unit] }) {
		return townships(s, placed)
	}
	var kept []Score
	var last []Placed
	for _, p := range placed {
		if vetoed[p.Unit] {
			last = append(last, p)
			continue
		}
		kept = append(kept, Score{Unit: p.Unit, Value: p.Value})
	}
	out := Rank(kept, decimals, higher, ties(s))
	rank := len(out) + 1
	if len(out) > 0 && ties(s) == Dense {
		rank = out[len(out)-1].Rank + 1
	}
	slices.SortFunc(last, func(a, b Placed) int { return cmp.Compare(a.Unit, b.Unit) })
	for _, p := range last {
		out = append(out, Placed{Unit: p.Unit, Value: p.Value, Rank: rank})
	}
	ts := townships(s, out)
	for i := range ts {
		ts[i].Vetoed = vetoed[ts[i].Unit.Index]
	}
	return ts
}

func ties(s *site.Site) Ties {
	if s.Config.Ranking.Dense {
		return Dense
	}
	return Competition
}

// townships turns a ranking of unit indexes into townships.
func townships(s *site.Site, placed []Placed) []Township {
	out := make([]Township, len(placed))
	for i, p := range placed {
		out[i] = Township{Unit: s.Townships[p.Unit], Value: p.Value, Rank: p.Rank, Tied: Tied(placed, i)}
	}
	return out
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
	rankings   [32]byte
	units      map[*site.Unit][32]byte
	indicators map[*site.Indicator][32]byte
	none       [32]byte // of a part the period does not name
}
