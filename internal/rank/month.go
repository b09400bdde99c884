package rank

import (
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// MonthResults is everything ranked for one assessed month: what the
// circular states and the archive tabulates. It is computed once per month
// and per build, and shared by every page that shows the month.
type MonthResults struct {
	Month      *site.Month
	Indicators []*IndicatorResult // one per result with township scores, document order
	Composite  []Township         // the composite ranking, best first; empty when nothing is scored
	CityBottom []*site.Result     // entries ranked in the city's bottom group, document order
	Rewards    []Award
	Interviews []site.Interview

	byIndicator map[string]*IndicatorResult
}

// An IndicatorResult is one indicator's township ranking in one month.
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

// An Award is a reward with its amount in 元.
type Award struct {
	Unit   *site.Unit
	Amount int64
	Reason string
}

// Indicator returns the township ranking of an indicator, or nil.
func (r *MonthResults) Indicator(id string) *IndicatorResult { return r.byIndicator[id] }

// CompositeOf returns a township's composite placing and whether it has one.
func (r *MonthResults) CompositeOf(u *site.Unit) (Township, bool) {
	for _, t := range r.Composite {
		if t.Unit == u {
			return t, true
		}
	}
	return Township{}, false
}

// Month ranks one month of a site by DESIGN.md §5.
func Month(s *site.Site, m *site.Month) *MonthResults {
	cfg := s.Config
	ties := Competition
	if cfg.Ranking.Dense {
		ties = Dense
	}
	k := cfg.Ranking.GroupSize
	res := &MonthResults{Month: m, byIndicator: map[string]*IndicatorResult{}}
	township := func(p Placed, placed []Placed, i int) Township {
		return Township{Unit: s.Townships[p.Unit], Value: p.Value, Rank: p.Rank, Tied: Tied(placed, i)}
	}
	convert := func(placed []Placed) []Township {
		out := make([]Township, len(placed))
		for i, p := range placed {
			out[i] = township(p, placed, i)
		}
		return out
	}
	groupOf := func(g Group, placed []Placed) TownshipGroup {
		tg := TownshipGroup{Exact: g.Exact}
		for _, run := range Runs(g.Members) {
			tg.Runs = append(tg.Runs, convert(run))
		}
		// Tied as seen in the whole ranking, not just within the run.
		for _, run := range tg.Runs {
			for i := range run {
				run[i].Tied = len(run) > 1 || tiedIn(placed, run[i].Rank)
			}
		}
		return tg
	}

	var cols []Column
	for _, r := range m.Results {
		if len(r.Scores) == 0 {
			continue
		}
		ind := r.Indicator
		scores := make([]Score, len(r.Scores))
		for i, sc := range r.Scores {
			scores[i] = Score{Unit: sc.Unit.Index, Value: sc.Value}
		}
		placed := Rank(scores, ind.Decimals, ind.HigherBetter, ties)
		top, bottom := Groups(placed, k)
		ir := &IndicatorResult{Result: r, Ranked: convert(placed), Top: groupOf(top, placed), Bottom: groupOf(bottom, placed)}
		res.Indicators = append(res.Indicators, ir)
		res.byIndicator[ind.ID] = ir
		if ind.Weight > 0 {
			cols = append(cols, Column{Weight: ind.Weight, Placed: placed})
		}
	}

	adjust := map[int]float64{}
	for _, a := range m.Adjustments {
		adjust[a.Unit.Index] += a.Points
	}
	method := RankPoints
	if cfg.Scoring.RawScore {
		method = RawScore
	}
	if comp := Composite(cols, adjust, method, cfg.Scoring.Decimals); len(comp) > 0 {
		res.Composite = convert(Rank(comp, cfg.Scoring.Decimals, true, ties))
	}

	entries := make([]Entry, len(m.Results))
	for i, r := range m.Results {
		entries[i] = Entry{City: r.City, District: r.District, DistrictUnits: r.DistrictUnits}
	}
	for _, i := range CityBottom(entries, cfg.Ranking.CityUnits, k) {
		res.CityBottom = append(res.CityBottom, m.Results[i])
	}

	res.Rewards, res.Interviews = awards(cfg.Policy, m, res.Composite)
	return res
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

// awards applies [policy] (DESIGN.md §5.6) and appends the month's
// explicit rewards and interviews after the mechanical ones.
func awards(p site.Policy, m *site.Month, composite []Township) ([]Award, []site.Interview) {
	var rewards []Award
	var interviews []site.Interview
	if p.RewardTopTownship > 0 {
		for _, t := range composite {
			if t.Rank == 1 {
				rewards = append(rewards, Award{Unit: t.Unit, Amount: p.RewardTopTownship, Reason: "乡镇、街道综合考核排名" + zh.RankPhrase(1, t.Tied)})
			}
		}
	}
	if p.RewardCityFirst > 0 {
		for _, r := range m.Results {
			if r.City != 1 {
				continue
			}
			for _, u := range r.Indicator.Owners {
				rewards = append(rewards, Award{Unit: u, Amount: p.RewardCityFirst, Reason: r.Indicator.Name + "全市排名" + zh.RankPhrase(1, r.CityTie)})
			}
		}
	}
	for _, r := range m.Rewards {
		rewards = append(rewards, Award{Unit: r.Unit, Amount: r.Amount, Reason: r.Reason})
	}
	if p.InterviewLastTownship != "" && len(composite) > 1 {
		last := composite[len(composite)-1].Rank
		for _, t := range composite {
			if t.Rank == last {
				reason := "乡镇、街道综合考核排名倒数第一"
				if t.Tied {
					reason = "乡镇、街道综合考核排名并列倒数第一"
				}
				interviews = append(interviews, site.Interview{Unit: t.Unit, Who: p.InterviewLastTownship, Kind: "约谈", Reason: reason})
			}
		}
	}
	interviews = append(interviews, m.Interviews...)
	return rewards, interviews
}
