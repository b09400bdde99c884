package site

import (
	"fmt"
	"slices"
	"strings"

	"tongbao/internal/zh"
)

// overallRule reads a rule's overall key: the rule selects from the
// overall ranking ([ranking] overall), which only a site of groups that
// asks for it has, and which is of no group and of no city entry. It
// reports whether the rule can still be kept.
func (l *loader) overallRule(rec *record, r *Rule) bool {
	if !rec.has("overall") {
		return true
	}
	f, c := l.configFile, &l.s.Config
	r.Overall = rec.flag("overall")
	if !r.Overall {
		return true
	}
	switch {
	case r.On == OnCity:
		f.errorf(rec.at("overall"), "on = \"city\" 的规则依据上级排名，不能写 overall（overall 依据各组单位合在一起的%s排名）", c.Terms.Scope)
	case len(l.s.Groups) == 0:
		f.errorf(rec.at("overall"), "units.toml 中没有 [[group]]：各项排名本来就是%s的，删去 overall", c.Terms.Scope)
	case !c.Ranking.Overall:
		f.errorf(rec.at("overall"), "overall = true 的规则依据%s排名，但 config.toml 没有要%s排名：在 [ranking] 中写 overall = true", c.Terms.Scope, c.Terms.Scope)
	case r.Group != nil:
		f.errorf(rec.at("overall"), "overall = true 的规则依据各组单位合在一起的%s排名，不能同时写 group（只用于“%s”一组的，删去 overall）", c.Terms.Scope, r.Group.Name)
	default:
		return true
	}
	return false
}

// overall checks [ranking] overall and overallSize against the groups
// and the composite's method (DESIGN.md §5.8). A composite of rank
// points or of a weighted mean is on one scale of 100 whatever
// indicators apply to a unit, so the groups' units compare however the
// groups' indicators differ; a weighted sum (sum) is a total, which two
// groups assessed on different indicators can compare only when their
// full marks are equal: a group without 污水治理's 20 points would rank
// last county-wide for what it is not assessed on.
func (l *loader) overall() {
	f, c := l.configFile, &l.s.Config
	rk := c.Ranking
	if _, written := f.pos["ranking.overallSize"]; written && !rk.Overall {
		f.warnf(&l.s.Warnings, "ranking.overallSize", "警告：overallSize 是%s排名的前后名数，没有 overall = true 时不起作用", c.Terms.Scope)
	}
	if !rk.Overall {
		return
	}
	if len(l.s.Groups) == 0 {
		f.errorf("ranking.overall", "units.toml 中没有 [[group]]：各项排名本来就是%s的，删去 overall", c.Terms.Scope)
		return
	}
	if len(l.s.Groups) == 1 {
		f.warnf(&l.s.Warnings, "ranking.overall", "警告：units.toml 只有一组（“%s”）：%s排名与组内排名相同，通报和单位页面会把同一个排名再说一遍；不必写 overall", l.s.Groups[0].Name, c.Terms.Scope)
	}
	for _, g := range l.s.Groups {
		if g.Name == c.Terms.Scope {
			f.errorf("ranking.overall", "组“%s”与排名范围（[terms] scope）同名：%s排名和这一组的排名分不清，改组名或 scope", g.Name, c.Terms.Scope)
			return
		}
	}
	if c.Scoring.RawSum {
		if msg := l.unequalTotals(); msg != "" {
			f.errorf("ranking.overall", "%s", msg)
		}
	}
}

// unequalTotals says why the groups' composites, weighted sums, do not
// compare in some month's 考核办法 (the base setting, and each change's
// from on), or "" when they do: every group is assessed on the same
// weighted indicators, or on indicators whose full marks (weight × max)
// add up alike.
func (l *loader) unequalTotals() string {
	months := []string{""} // "" for the base setting
	for _, ind := range l.s.Indicators {
		for _, ch := range ind.Changes {
			if !slices.Contains(months, ch.From) {
				months = append(months, ch.From)
			}
		}
	}
	slices.Sort(months)
	for _, month := range months {
		key := month
		if key == "" {
			key = "0000-00" // before every change
		}
		type total struct {
			ids   []string
			marks float64
			known bool
		}
		totals := make([]total, len(l.s.Groups))
		for i, g := range l.s.Groups {
			totals[i].known = true
			for _, ind := range l.s.Indicators {
				set := ind.In(key)
				if !(set.Weight > 0) || !slices.ContainsFunc(ind.Townships, func(u *Unit) bool { return u.Group == g }) {
					continue
				}
				totals[i].ids = append(totals[i].ids, ind.ID)
				if set.Max == nil {
					totals[i].known = false
				} else {
					totals[i].marks += set.Weight * *set.Max
				}
			}
		}
		same, equal := true, true
		for i := range totals {
			same = same && slices.Equal(totals[i].ids, totals[0].ids)
			equal = equal && totals[i].known && totals[i].marks == totals[0].marks
		}
		if same || equal {
			continue
		}
		when := ""
		if month != "" {
			when = "自 " + month + " 起，"
		}
		var parts []string
		for i, g := range l.s.Groups {
			var names []string
			for _, id := range totals[i].ids {
				names = append(names, l.s.indicators[id].In(key).Name)
			}
			marks := "满分未知（有的指标没写 max）"
			if totals[i].known {
				marks = "满分" + trimFloat(totals[i].marks) + "分"
			}
			parts = append(parts, fmt.Sprintf("%s考核%s，%s", g.Name, zh.Join(names), marks))
		}
		return fmt.Sprintf("综合得分按得分之和（[scoring] method = \"sum\"）计算，%s各组考核的指标不同：%s。满分不同的总分不能合在一起排%s排名：各组的满分（weight × max 之和）相同时才可以；写明各指标的 max 使其相同，或删去 overall",
			when, strings.Join(parts, "；"), l.s.Config.Terms.Scope)
	}
	return ""
}

// trimFloat writes a number without trailing zeros: 100, 97.5.
func trimFloat(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.6f", v), "0"), ".")
}
