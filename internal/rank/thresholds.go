package rank

import (
	"strconv"
	"strings"

	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file holds what rules select by other than a fixed place: a share
// of the units ranked (排名前20%) and a score (得分低于60分).

// groupK is k of a top or bottom rule over a ranking of n units: its
// share of them when it has one, worked out in each period and group
// from the units ranked there (an exempt unit, one not applicable, is
// not counted), k otherwise.
func groupK(rule site.Rule, k, n int) int {
	if rule.Share.Hundredths > 0 {
		return rule.Share.Of(n)
	}
	return k
}

// placesOf is how many units reward rule's selection in group g has
// places for: its share of g's ranking, or places (a count's, 1 of
// first, last and rank).
func placesOf(rule site.Rule, places int, g *UnitGroup) int {
	if rule.Share.Hundredths > 0 {
		return rule.Share.Of(len(ranking(rule, g)))
	}
	return places
}

// shareLabel is where a share's group is, as a reason says it: 前20%,
// 后20%.
func shareLabel(sh site.Share, top bool) string {
	if top {
		return "前" + sh.Percent()
	}
	return "后" + sh.Percent()
}

// scoreReason says why a ByScore rule selected pk, as defaultReason
// says it of a place: 乡镇、街道综合考核得分低于60分, 东片综合考核得分90分以
// 上, 乡镇年度综合考核得分90分以上, of an indicator 规模工业增加值增速得分
// 低于60分 or, of one counted in its own unit, 信访总量超过10件; of a streak
// 连续2个月综合考核得分低于60分 (东片综合考核连续2个月得分低于60分), of a
// run toward it 已连续….
func scoreReason(s *site.Site, rule site.Rule, p *Period, pk pick) string {
	noun, unit := "得分", "分"
	if ind := rule.Indicator; rule.On == site.OnIndicator {
		if u := strings.TrimSpace(ind.ScoreUnit); u != "" && u != "分" {
			// 低于5%, 超过10件: the value is not a score of points.
			noun, unit = "", u
		}
	}
	said := noun + rule.Bounds.Words(unit)
	var what string
	grouped := false
	switch rule.On {
	case site.OnIndicator:
		what = pk.group + rule.Indicator.NameIn(p.Span.LastMonth())
	default:
		what = pk.group + "综合考核"
		grouped = pk.group != ""
		if pk.group == "" && rule.Streak <= 1 {
			what = zh.Listed(s.Config.Terms.Unit) + what
		}
		if p.Span.Kind != site.Monthly && rule.Streak <= 1 {
			what = strings.TrimSuffix(what, "综合考核") + p.Span.InYear() + "综合考核"
		}
	}
	if rule.Streak <= 1 {
		return what + said
	}
	counted := p.Span.Kind.Counted()
	if pk.kind != site.Monthly {
		counted = pk.kind.Counted()
	}
	run := "连续" + strconv.Itoa(rule.Streak) + counted
	if pk.toward {
		run = "已" + run
	}
	if grouped {
		return what + run + said
	}
	return run + what + said
}
