package rank

import (
	"fmt"

	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// A Measure is a reward, a 约谈 or any other action an office takes on
// a unit for its ranks (DESIGN.md §5.6, §5.9).
type Measure struct {
	Unit   *site.Unit
	Action string // 奖励, 约谈, 提醒约谈
	Amount int64  // 元, for 奖励
	Who    string // the person addressed: 行政负责人
	Reason string
	Source Source
}

// A Source is what produced a measure: a rule of config.toml or a hand
// entry of a month file, each by its line.
type Source struct {
	File string // config.toml, or data/2023-02.toml
	Line int
	Rule bool // made by a rule; a hand entry otherwise
}

// String is file:line, as diagnostics and data.json write it.
func (s Source) String() string { return fmt.Sprintf("%s:%d", s.File, s.Line) }

// The action of a reward: the measures that carry an amount.
const Reward = "奖励"

// Rewards returns the period's rewards, in order.
func (p *Period) Rewards() []Measure {
	var out []Measure
	for _, m := range p.Measures {
		if m.Action == Reward {
			out = append(out, m)
		}
	}
	return out
}

// Interviews returns the period's 约谈 of one kind ("约谈", "提醒约谈"),
// or of every kind when kind is "": every measure but the rewards.
func (p *Period) Interviews(kind string) []Measure {
	var out []Measure
	for _, m := range p.Measures {
		if m.Action != Reward && (kind == "" || m.Action == kind) {
			out = append(out, m)
		}
	}
	return out
}

// measures applies the site's rules to period p, then appends the month
// file's hand entries. before are the periods before p, oldest first:
// what a rule over consecutive periods (issue 13's streak) reads.
func measures(s *site.Site, p *Period, before []*Period) []Measure {
	var out []Measure
	for _, rule := range s.Config.Rules {
		out = append(out, apply(rule, p)...)
	}
	m := p.Month
	for _, r := range m.Rewards {
		out = append(out, Measure{Unit: r.Unit, Action: Reward, Amount: r.Amount, Reason: r.Reason,
			Source: Source{File: m.File, Line: r.Line}})
	}
	for _, iv := range m.Interviews {
		out = append(out, Measure{Unit: iv.Unit, Action: iv.Kind, Who: iv.Who, Reason: iv.Reason,
			Source: Source{File: m.File, Line: iv.Line}})
	}
	return out
}

// apply selects the units a rule names in period p (§5.9).
func apply(rule site.Rule, p *Period) []Measure {
	measure := func(u *site.Unit, reason string) Measure {
		return Measure{Unit: u, Action: rule.Action, Amount: rule.Amount, Who: rule.Who, Reason: reason,
			Source: Source{File: "config.toml", Line: rule.Line, Rule: true}}
	}
	var out []Measure
	switch rule.On {
	case site.OnComposite:
		for _, g := range p.Groups {
			comp := g.Composite
			switch rule.Select {
			case site.First:
				for _, t := range comp {
					if t.Rank == 1 {
						out = append(out, measure(t.Unit, "乡镇、街道综合考核排名"+zh.RankPhrase(1, t.Tied)))
					}
				}
			case site.Last:
				if len(comp) < 2 {
					break
				}
				last := comp[len(comp)-1].Rank
				for _, t := range comp {
					if t.Rank == last {
						reason := "乡镇、街道综合考核排名倒数第一"
						if t.Tied {
							reason = "乡镇、街道综合考核排名并列倒数第一"
						}
						out = append(out, measure(t.Unit, reason))
					}
				}
			}
		}
	case site.OnCity:
		// Only the first is selected on city ranks today: an entry's last
		// city rank is not known (issue 13 adds select on any ranking).
		if rule.Select != site.First {
			break
		}
		for _, r := range p.Month.Results {
			if r.City != 1 {
				continue
			}
			for _, u := range r.Indicator.Owners {
				out = append(out, measure(u, r.Indicator.Name+"全市排名"+zh.RankPhrase(1, r.CityTie)))
			}
		}
	}
	return out
}
