package site

import "strconv"

// A slip is a score that a slip of the decimal point, or a digit typed
// once too often or too few, would explain: far outside the other units'
// scores of the month and within them once divided by factor (10, 100 or
// 1000; 0.1 … for one multiplied). The file is right as far as the
// loader can tell, and such a score ranks its unit first or last, where
// a rule rewards or admonishes it: 915 among 82.3 to 95.6.
type slip struct {
	i      int     // the score's index
	factor float64 // what it was divided by to fall among the others
	lo, hi float64 // the others' range
}

// slips finds the slips among the scores of one indicator in one month.
// Far outside is beyond twice the width of the others' range (or a tenth
// of their value, when they are all one score); at least three others
// make a range to go by. Growth rates of 1.2 to 12 %, or a score of 300
// among 70 to 90, are no slip: nothing divides them into the range.
func slips(scores []Score) []slip {
	if len(scores) < 4 {
		return nil
	}
	var out []slip
	for i, s := range scores {
		lo, hi := 0.0, 0.0
		first := true
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
		for _, f := range []float64{10, 100, 1000, 0.1, 0.01, 0.001} {
			if x := v / f; x >= lo && x <= hi {
				out = append(out, slip{i, f, lo, hi})
				break
			}
		}
	}
	return out
}

// warnSlips warns of the slips among the scores of ind in [result.townships]
// tt, whose keys for the scored units are keys.
func (r *monthReader) warnSlips(tt *table, ind *Indicator, scores []Score, keys map[*Unit]string) {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, s := range slips(scores) {
		sc := scores[s.i]
		how := "除以 " + num(s.factor) + " 就在其中：是否漏了小数点，或多打了数字？"
		if s.factor < 1 {
			how = "乘以 " + num(1/s.factor) + " 就在其中：是否小数点点错了位置，或少打了数字？"
		}
		r.f.warnf(&r.mo.warnings, tt.at(keys[sc.Unit]), "警告：指标“%s”中%s的得分 %s 远在其他%s的得分（%s～%s）之外，%s",
			ind.Name, sc.Unit.Name, num(sc.Value), r.l.s.Config.Terms.Unit, num(s.lo), num(s.hi), how)
	}
}
