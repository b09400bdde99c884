package rank

import "tongbao/internal/site"

// A Grading is what one [[grade]] makes of a period's ranking in one
// unit group: each level's units, in rank order (评定为优秀等次的乡镇（3
// 个）：甲镇、乙镇、丙镇). Every unit ranked is in one level.
type Grading struct {
	Grade *site.Grade
	Group string // the unit group, "" without groups
	// Levels are the grade's levels' units, by level, best first; a
	// level no unit reached is empty.
	Levels [][]Township
}

// Level is the name of unit u's level in the grading, "" when it is not
// graded (not ranked in the period).
func (g Grading) Level(u *site.Unit) string {
	for i, ts := range g.Levels {
		for _, t := range ts {
			if t.Unit == u {
				return g.Grade.Levels[i].Name
			}
		}
	}
	return ""
}

// Gradings are the period's gradings: each [[grade]] of its kind in
// force for it, in config.toml's order, and within one grade each unit
// group in the period's order. They are made from the period's rankings
// and config.toml on each call (a grading costs a pass over a ranking),
// so that a period kept whole across an edit of config.toml's grades
// never reads the old ones.
func (p *Period) Gradings(s *site.Site) []Grading {
	var out []Grading
	for i := range s.Config.Grades {
		gr := &s.Config.Grades[i]
		if gr.Period != p.Span.Kind || !gr.AppliesTo(p.Span) {
			continue
		}
		for _, g := range p.Groups {
			var ranked []Township
			if gr.On == site.OnIndicator {
				if ir := g.Indicator(gr.Indicator.ID); ir != nil {
					ranked = ir.Ranked
				}
			} else {
				ranked = g.Composite
			}
			if len(ranked) == 0 {
				continue
			}
			out = append(out, Grading{Grade: gr, Group: g.Name, Levels: grade(gr, ranked)})
		}
	}
	return out
}

// GradingsOf are the gradings of p on its composite (on OnComposite, ind
// nil) or on indicator ind: what the column of levels of the tables of
// that ranking shows.
func (p *Period) GradingsOf(s *site.Site, on site.RuleOn, ind *site.Indicator) []Grading {
	var out []Grading
	for _, g := range p.Gradings(s) {
		if g.Grade.On == on && g.Grade.Indicator == ind {
			out = append(out, g)
		}
	}
	return out
}

// grade partitions ranked, best first, into gr's levels. Each level, in
// order, takes of the units no better level took those whose scores lie
// within its bounds (all, without bounds) and, when it has a share, the
// first Share.Of(n) of those, n the units ranked: a tie across that edge
// is taken whole, or, with ties = "exclude", left whole to the levels
// after (优秀不超过20%). A level with neither takes every unit left.
func grade(gr *site.Grade, ranked []Township) [][]Township {
	out := make([][]Township, len(gr.Levels))
	left := ranked
	for i, lv := range gr.Levels {
		var cand []Township
		for _, t := range left {
			if lv.Bounds.Holds(t.Value) {
				cand = append(cand, t)
			}
		}
		if lv.Share.Hundredths > 0 {
			k := min(lv.Share.Of(len(ranked)), len(cand))
			if k > 0 && k < len(cand) && cand[k].Rank == cand[k-1].Rank {
				edge := cand[k-1].Rank
				if gr.Exclude {
					for k > 0 && cand[k-1].Rank == edge {
						k--
					}
				} else {
					for k < len(cand) && cand[k].Rank == edge {
						k++
					}
				}
			}
			cand = cand[:k]
		}
		out[i] = cand
		taken := make(map[*site.Unit]bool, len(cand))
		for _, t := range cand {
			taken[t.Unit] = true
		}
		var rest []Township // in rank order: those past a share go on to the next level
		for _, t := range left {
			if !taken[t.Unit] {
				rest = append(rest, t)
			}
		}
		left = rest
	}
	return out
}
