package rank

import (
	"tongbao/internal/site"
)

// overall reports whether s ranks every ranking once more over all its
// units ([ranking] overall, DESIGN.md §5.8): only an office of groups,
// whose rankings are otherwise each within a group, does.
func overall(s *site.Site) bool { return s.Config.Ranking.Overall && len(s.Groups) > 0 }

// Rankings are the period's rankings of units: each group's, in units.toml
// order, then the overall one when the office has it.
func (p *Period) Rankings() []*UnitGroup {
	if p.Overall == nil {
		return p.Groups
	}
	return append(p.Groups[:len(p.Groups):len(p.Groups)], p.Overall)
}

// ruleGroups are the rankings a composite or indicator rule selects from
// in p: the overall one for a rule with overall (none in a period
// without it), each group's otherwise.
func (p *Period) ruleGroups(rule site.Rule) []*UnitGroup {
	if !rule.Overall {
		return p.Groups
	}
	if p.Overall == nil {
		return nil
	}
	return []*UnitGroup{p.Overall}
}

// ruleGroup is the ranking of u a rule reads in p: the overall one, or
// u's group's.
func (p *Period) ruleGroup(rule site.Rule, u *site.Unit) *UnitGroup {
	if rule.Overall {
		return p.Overall
	}
	return p.Group(u)
}

// sizeFor is the k of a rule that does not write count: the overall
// ranking's for a rule reading it (全县前十 where each township's is 前三),
// the period's groups' otherwise.
func (p *Period) sizeFor(rule site.Rule) int {
	if rule.Overall && p.OverallSize > 0 {
		return p.OverallSize
	}
	return p.GroupSize
}

// OverallOf returns the overall ranking of an indicator in p when it
// tells more than a group's: nil when the office has no overall ranking,
// the indicator is not scored, or its units are all of one group, whose
// ranking is then the overall one already (a 污水治理 only 城关镇's
// villages take part in ranks them alike in both).
func (p *Period) OverallOf(id string) *IndicatorResult {
	if p.Overall == nil {
		return nil
	}
	ir := p.Overall.Indicator(id)
	if ir == nil {
		return nil
	}
	for _, t := range ir.Ranked[1:] {
		if t.Unit.Group != ir.Ranked[0].Unit.Group {
			return ir
		}
	}
	return nil
}
