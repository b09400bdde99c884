package rank

import (
	"fmt"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// SharedRewards warns of each reward rule that, in a period, gives its
// whole amount to each of more units than it has places for: a tie
// across its edge (two units tied first under `first`, three in the
// `top 2` of 1, 2, 2). The rule pays each tied unit in full, as §5.9
// reads it, and the output keeps that; whether the office splits the
// amount instead is its 考核办法's to say, so the office is told before
// it publishes, at the rule's amount, with the period, the units and
// what is paid. A tie inside the places (two tied first under `top 2`)
// pays no more than the rule's places, and is not told; nor is a unit a
// [[waiver]] withholds the reward of, which is how a month splits it (its
// [[reward]]s then give the shares by hand).
func (r *Results) SharedRewards(s *site.Site) diag.List {
	var l diag.List
	for _, p := range r.Periods {
		for i, rule := range s.Config.Rules {
			if rule.Amount == 0 || rule.On == site.OnCity || rule.Period != p.Span.Kind || !rule.AppliesTo(p.Span) {
				continue // a city rule's measures are each entry's, no tie among units
			}
			if rule.Select == site.ByScore {
				continue // each unit by its own score: no places to share
			}
			places := 1
			if rule.Select == site.Top || rule.Select == site.Bottom {
				places = rule.Count
				if places == 0 {
					places = p.sizeFor(rule)
				}
			}
			for _, g := range p.ruleGroups(rule) {
				places := placesOf(rule, places, g)
				var given []Township
				for _, m := range p.Measures {
					if !m.Source.Rule || m.Source.N != i+1 || p.ruleGroup(rule, m.Unit) != g {
						continue
					}
					for _, t := range ranking(rule, g) {
						if t.Unit == m.Unit {
							given = append(given, t)
						}
					}
				}
				if len(given) > places {
					l.Add("config.toml", rule.AmountLine, rule.AmountCol, "%s", p.sharedMessage(s, rule, g, given, places))
				}
			}
		}
	}
	return l
}

// sharedMessage says of reward rule's measures in group g of p, given
// to more units than its places, who is given what, and what to do if
// the 考核办法 splits the amount.
func (p *Period) sharedMessage(s *site.Site, rule site.Rule, g *UnitGroup, given []Township, places int) string {
	what := g.Name + "综合考核排名"
	switch {
	case rule.On == site.OnIndicator:
		what = g.Name + rule.Indicator.NameIn(p.Span.LastMonth()) + "排名"
	case g.Name == "":
		what = zh.Listed(s.Config.Terms.Unit) + what
	}
	// The units by their places, each run of a tie together: 甲第一，乙、丙并列第二.
	var runs []string
	for i := 0; i < len(given); {
		j := i
		var names []string
		for ; j < len(given) && given[j].Rank == given[i].Rank; j++ {
			names = append(names, given[j].Unit.Name)
		}
		runs = append(runs, zh.Join(names)+zh.RankPhrase(given[i].Rank, j-i > 1))
		i = j
	}
	msg := fmt.Sprintf("警告：%s%s，%s；这条规则奖励%d名、每名%s，并列的各得全额，%d个单位共%s：并列的是否平分，由考核办法定",
		p.Label, what, strings.Join(runs, "，"), places, zh.Amount(rule.Amount), len(given), zh.Amount(rule.Amount*int64(len(given))))
	if m := p.Month; m != nil {
		// The run tied across the edge: a top group's last, a bottom
		// group's first (the only one of first, last and rank).
		edge := given[len(given)-1].Rank
		if rule.Select == site.Bottom {
			edge = given[0].Rank
		}
		var tied []string
		for _, t := range given {
			if t.Rank == edge {
				tied = append(tied, t.Unit.Name)
			}
		}
		msg += fmt.Sprintf("；要平分的，在 %s 中为%s各写一项 [[waiver]] 免去规则的奖励，另写 [[reward]] 给出各自的金额", m.File, zh.Join(tied))
	}
	return msg
}
