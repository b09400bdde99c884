package site

import (
	"math"
	"slices"
	"strconv"
)

// A slip is a score that a slip of the decimal point, or a digit typed
// once too often or too few, would explain: far outside the other units'
// scores of the month and among or near them once divided by factor (10,
// 100 or 1000; 0.1 … for one multiplied; −1 for a sign typed or left
// out: −93.2 among 82.3 to 95.6). The file is right as far as the
// loader can tell, and such a score ranks its unit first or last, where
// a rule rewards or admonishes it: 915 among 82.3 to 95.6. Near is within
// the range's width of it: the score mistyped is as often the month's
// highest or lowest, whose true value lies outside the others' range
// (284 for 28.4 among 28.7 to 39.5).
type slip struct {
	i      int     // the score's index
	factor float64 // what it was divided by to fall among or near the others
	lo, hi float64 // the range of the scores it is measured by
	all    bool    // they are all the others
}

// divides returns what divides v among or near lo … hi (within width of
// them), or 0 if nothing does.
func divides(v, lo, hi, width float64) float64 {
	for _, f := range []float64{-1, 10, 100, 1000, 0.1, 0.01, 0.001} {
		if x := v / f; x >= lo-width && x <= hi+width {
			return f
		}
	}
	return 0
}

// slips finds the slips among the scores of one indicator in one month.
// A score is measured by the bulk of the scores, those within five times
// their median absolute deviation of their median (or a twentieth of the
// median, when most are one score), so that two slips do not hide each
// other (870 and 915 among 85 to 92), nor does one 5 among deductions of
// 0 and 0.5 pass for 0.5 typed wrong; but a bulk spanning tenfold has a
// long tail, not slips (byOthers). Far outside the bulk is beyond
// twice the width of its range (or a tenth of its value, when it is one
// score); at least three scores make a bulk to go by. Growth rates of 1.2
// to 12 %, or a score of 300 among 70 to 90, are no slip: nothing divides
// them into the range.
func slips(scores []Score) []slip {
	if len(scores) < 4 {
		return nil
	}
	vals := make([]float64, len(scores))
	for i, s := range scores {
		vals[i] = s.Value
	}
	med := median(vals)
	for i, s := range scores {
		vals[i] = math.Abs(s.Value - med)
	}
	band := 5 * max(median(vals), math.Abs(med)/20)
	bulk := func(v float64) bool { return math.Abs(v-med) <= band }
	lo, hi, n := 0.0, 0.0, 0
	for _, s := range scores {
		if !bulk(s.Value) {
			continue
		}
		if n == 0 || s.Value < lo {
			lo = s.Value
		}
		if n == 0 || s.Value > hi {
			hi = s.Value
		}
		n++
	}
	if n < 3 {
		return nil
	}
	// Several beyond a bulk that spans tenfold or more (0 to 3 petitions,
	// growth of 1.2 to 12.5 %) are a long tail, not slips: whatever lies
	// up to ten times its top divides into it. More than two beyond any
	// bulk are a second level of scores (5 to 9, and 50, 60, 80), not
	// slips, which come one or two in a month. Each is measured by all
	// the others then, as one alone is.
	if n < len(scores)-2 || n < len(scores)-1 && lo != hi && !(lo > 0 && hi < 10*lo || hi < 0 && lo > 10*hi) {
		return byOthers(scores)
	}
	width := hi - lo
	if width == 0 {
		width = max(-lo, hi) / 10
	}
	var out []slip
	for i, s := range scores {
		v := s.Value
		if bulk(v) || v >= lo-2*width && v <= hi+2*width {
			continue
		}
		if f := divides(v, lo, hi, width); f != 0 {
			out = append(out, slip{i, f, lo, hi, n == len(scores)-1})
		}
	}
	return out
}

// byOthers finds the slips among scores each measured by the range of
// all the others.
func byOthers(scores []Score) []slip {
	var out []slip
	for i, s := range scores {
		lo, hi, first := 0.0, 0.0, true
		for j, o := range scores {
			if j == i {
				continue
			}
			if first || o.Value < lo {
				lo = o.Value
			}
			if first || o.Value > hi {
				hi = o.Value
			}
			first = false
		}
		width := hi - lo
		if width == 0 {
			width = max(-lo, hi) / 10
		}
		v := s.Value
		if v >= lo-2*width && v <= hi+2*width {
			continue
		}
		if f := divides(v, lo, hi, width); f != 0 {
			out = append(out, slip{i, f, lo, hi, true})
		}
	}
	return out
}

// median is the median of vs, which it sorts.
func median(vs []float64) float64 {
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return (vs[n/2-1] + vs[n/2]) / 2
}

// warnSlips warns of the slips among the scores of ind in [result.townships]
// tt, whose keys for the scored units are keys, and returns the units
// warned of.
func (r *monthReader) warnSlips(tt *table, ind *Indicator, scores []Score, keys map[*Unit]string) (slipped map[*Unit]bool) {
	for _, s := range slips(scores) {
		sc := scores[s.i]
		if slipped == nil {
			slipped = map[*Unit]bool{}
		}
		slipped[sc.Unit] = true
		x, _ := strconv.ParseFloat(strconv.FormatFloat(sc.Value/s.factor, 'g', 12, 64), 64) // 0.75/0.01 is 75, not 75.00000000000001
		where := "，就在其中"
		if x < s.lo || x > s.hi {
			where = "，与之相近"
		}
		how := "除以 " + numberText(s.factor) + " 为 " + numberText(x) + where + "：是否漏了小数点，或多打了数字？"
		switch {
		case s.factor == -1 && sc.Value < 0:
			how = "去掉负号为 " + numberText(x) + where + "：是否多打了负号？"
		case s.factor == -1:
			how = "加上负号为 " + numberText(x) + where + "：是否漏了负号？"
		case s.factor < 1:
			how = "乘以 " + numberText(1/s.factor) + " 为 " + numberText(x) + where + "：是否小数点点错了位置，或少打了数字？"
		}
		others := "其他"
		if !s.all {
			others = "多数"
		}
		r.f.warnf(&r.mo.warnings, tt.at(keys[sc.Unit]), "警告：指标“%s”中%s的%s %s 远在%s%s的%s（%s～%s）之外，%s",
			ind.Name, sc.Unit.Name, ind.ValueName(), numberText(sc.Value), others, r.l.s.Config.Terms.Unit, ind.ValueName(), numberText(s.lo), numberText(s.hi), how)
	}
	return slipped
}
