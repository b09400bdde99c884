package site

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A Share is a part of a ranking given in percent — 排名前20%的评为优秀 —
// with how a part that is not a whole number of units rounds: of 12
// units 20% is 2.4, which one office's 考核办法 makes 2 (向下取整),
// another's 3 (向上取整). tongbao does not choose for it: a share is
// written with its rounding.
type Share struct {
	// Hundredths is the share in hundredths of a percent, 2000 for 20%,
	// so that 12 × 20% is counted exactly, not as 2.4000000000000004.
	// 0: no share.
	Hundredths int
	Round      Rounding
	// Min is the fewest units it holds (至少1名), ranked units allowing:
	// over 4 units 20% rounded down is none.
	Min int
}

// Rounding says how a share of a ranking that is not a whole number of
// units becomes one.
type Rounding int

const (
	RoundNearest Rounding = iota // 四舍五入: 2.5 is 3, 2.4 is 2
	RoundDown                    // 向下取整: 2.9 is 2
	RoundUp                      // 向上取整: 2.1 is 3
)

// roundings are a share's round values, by rounding, and their words.
var (
	roundings     = []string{RoundNearest: "nearest", RoundDown: "down", RoundUp: "up"}
	roundingWords = []string{RoundNearest: "四舍五入", RoundDown: "向下取整", RoundUp: "向上取整"}
)

// String is the rounding as a rule's round = names it.
func (r Rounding) String() string { return roundings[r] }

// Words are the rounding in Chinese: 四舍五入.
func (r Rounding) Words() string { return roundingWords[r] }

// Of is how many of n ranked units the share holds.
func (s Share) Of(n int) int {
	exact := n * s.Hundredths // in ten-thousandths of a unit
	k, rest := exact/10000, exact%10000
	switch {
	case s.Round == RoundNearest && rest >= 5000:
		k++
	case s.Round == RoundUp && rest > 0:
		k++
	}
	return max(k, min(s.Min, n))
}

// Percent is the share as written: 20%, 12.5%.
func (s Share) Percent() string {
	return strconv.FormatFloat(float64(s.Hundredths)/100, 'f', -1, 64) + "%"
}

// Bounds are the scores a ByScore rule selects: at least AtLeast (90分以
// 上, which in a 考核办法 as in law includes 90), above Above (超过90分),
// below Below (低于60分), at most AtMost (60分以下, 60 included); each nil
// when not written. Two may be written together: 60分以上、低于70分.
type Bounds struct {
	AtLeast, Above, Below, AtMost *float64
}

// Holds reports whether score v lies within the bounds.
func (b Bounds) Holds(v float64) bool {
	return (b.AtLeast == nil || v >= *b.AtLeast) && (b.Above == nil || v > *b.Above) &&
		(b.Below == nil || v < *b.Below) && (b.AtMost == nil || v <= *b.AtMost)
}

// Words say the bounds of scores counted in unit (分, %, 件), as a
// 考核办法 does: 90分以上, 低于60分, 超过10件, 60分以下, and of two,
// 60分以上、低于70分. 以上 and 以下 include the number, as in law (民法典
// 第一千二百五十九条).
func (b Bounds) Words(unit string) string {
	n := func(v *float64) string { return strconv.FormatFloat(*v, 'f', -1, 64) + unit }
	var parts []string
	if b.AtLeast != nil {
		parts = append(parts, n(b.AtLeast)+"以上")
	}
	if b.Above != nil {
		parts = append(parts, "超过"+n(b.Above))
	}
	if b.Below != nil {
		parts = append(parts, "低于"+n(b.Below))
	}
	if b.AtMost != nil {
		parts = append(parts, n(b.AtMost)+"以下")
	}
	return strings.Join(parts, "、")
}

// boundKeys are a ByScore rule's keys, in the order Bounds.Words says
// them.
var boundKeys = []string{"atLeast", "above", "below", "atMost"}

// readBounds reads a rule's score bounds and checks them: a ByScore rule
// needs one at least, a lower and an upper bound that leave no score
// between them select nothing, and no other rule has any. It reports
// whether the rule can stand.
func readBounds(f *tomlFile, rec *record, r *Rule) bool {
	written := 0
	for i, key := range boundKeys {
		v, ok := rec.number(key)
		if !ok {
			continue
		}
		if r.Select != ByScore {
			f.errorf(rec.at(key), "%s 只用于 select = \"score\" 的规则（按得分选取）", key)
			continue
		}
		*r.Bounds.fields()[i] = &v
		written++
	}
	if r.Select != ByScore {
		return true
	}
	b := r.Bounds
	if written == 0 {
		f.errorf(rec.at("select"), "select = \"score\" 的规则缺少得分的界限：写 atLeast（不低于，“90分以上”）、above（超过）、below（低于，“低于60分”）或 atMost（不超过，“60分以下”）")
		return false
	}
	switch key, msg, empty := b.fault(); {
	case msg != "":
		f.errorf(rec.at(key), "%s", msg)
		return false
	case empty:
		f.errorf(rec.at(key), "得分%s的单位不存在：下限不低于上限，这条规则不会选出任何单位；上下限写反了，还是要选“%s”或“%s”的两条规则？",
			b.Words("分"), Bounds{AtLeast: b.AtLeast, Above: b.Above}.Words("分"), Bounds{Below: b.Below, AtMost: b.AtMost}.Words("分"))
		return false
	}
	return true
}

// fields are b's bounds in the order of boundKeys, for a reader to set.
func (b *Bounds) fields() []**float64 {
	return []**float64{&b.AtLeast, &b.Above, &b.Below, &b.AtMost}
}

// fault is b's first fault, a rule's or a grade level's alike: two lower
// bounds or two upper ones (the key to point at and msg, the message),
// or a lower bound not below the upper, which leaves no score between
// them (the key and empty, for the caller to say what it then cannot
// select); "" and false when b has none.
func (b Bounds) fault() (key, msg string, empty bool) {
	switch {
	case b.AtLeast != nil && b.Above != nil:
		return "above", "atLeast 和 above 都是下限，只写一个", false
	case b.Below != nil && b.AtMost != nil:
		return "atMost", "below 和 atMost 都是上限，只写一个", false
	}
	lo, loIn, hi, hiIn := lowest(b)
	if lo != nil && hi != nil && (*lo > *hi || *lo == *hi && !(loIn && hiIn)) {
		if b.AtMost != nil {
			return "atMost", "", true
		}
		return "below", "", true
	}
	return "", "", false
}

// lowest and the rest are b's lower and upper bound, whichever key
// gives each, and whether each is included.
func lowest(b Bounds) (lo *float64, loIn bool, hi *float64, hiIn bool) {
	switch {
	case b.AtLeast != nil:
		lo, loIn = b.AtLeast, true
	case b.Above != nil:
		lo = b.Above
	}
	switch {
	case b.AtMost != nil:
		hi, hiIn = b.AtMost, true
	case b.Below != nil:
		hi = b.Below
	}
	return lo, loIn, hi, hiIn
}

// readShare reads a top or bottom rule's share, percent with its round
// and minCount (see readPercent), which goes with top and bottom only, in
// place of count. It reports whether the rule can stand.
func readShare(f *tomlFile, rec *record, r *Rule) bool {
	var ok bool
	r.Share, ok = readPercent(f, rec, shareText{
		only:     "%s 只用于写了 percent（按比例选取）的规则",
		noRound:  "写了 percent 的规则缺少 round：份额不是整数名时怎样取",
		roundEx:  "12个单位的20%是2.4名，分别取2、2、3名",
		minCount: "minCount 应为不小于 0 的整数（至少选几名）",
	}, func(at string) bool {
		switch {
		case r.Select != Top && r.Select != Bottom:
			f.errorf(at, "percent 只用于 select = \"top\" 或 \"bottom\" 的规则（排名前、后百分之几）")
			return false
		case rec.has("count"):
			f.errorf(at, "percent 和 count 只写一个：前几名写 count，前百分之几写 percent")
			return false
		}
		return true
	})
	return ok
}

// shareText is what readPercent's diagnostics say of the record whose
// share it reads: a rule selects, a grade level grades.
type shareText struct {
	only     string // round or minCount without percent, with the key for %s
	noRound  string // percent without round, before the choices
	roundEx  string // an example of the roundings, after them
	minCount string // minCount below 0
}

// readPercent reads a share, percent with its round and minCount, from a
// rule's or a grade level's record, and checks it: a share needs its
// rounding (tongbao does not guess an office's) and is more than 0% and
// at most 100%, to two decimals. check, if not nil, is the record's own
// check of a percent written at at. It reports whether the record can
// stand; without percent the share is zero.
func readPercent(f *tomlFile, rec *record, t shareText, check func(at string) bool) (Share, bool) {
	p, hasPercent := rec.number("percent")
	if !hasPercent {
		for _, key := range []string{"round", "minCount"} {
			if rec.has(key) {
				f.errorf(rec.at(key), t.only, key)
			}
		}
		return Share{}, !rec.t.has("percent") // one of the wrong kind, reported as such
	}
	at := rec.at("percent")
	if check != nil && !check(at) {
		return Share{}, false
	}
	switch {
	case p <= 0 || p > 100:
		f.errorf(at, "percent 应大于 0、不大于 100（百分之几），而不是 %s", strconv.FormatFloat(p, 'f', -1, 64))
		return Share{}, false
	case math.Abs(p*100-math.Round(p*100)) > 1e-6:
		f.errorf(at, "percent 最多两位小数，如 12.5，而不是 %s", strconv.FormatFloat(p, 'f', -1, 64))
		return Share{}, false
	case !rec.t.has("round"):
		f.errorf(rec.t.path, "%s，由考核办法定——round = \"nearest\"（四舍五入）、\"down\"（向下取整）或 \"up\"（向上取整）；%s", t.noRound, t.roundEx)
		return Share{}, false
	case !rec.has("round"):
		return Share{}, false // a value not of the list, reported as such
	}
	sh := Share{Hundredths: int(math.Round(p * 100)), Round: Rounding(max(0, slices.Index(roundings, rec.text("round"))))}
	if n, has := rec.int("minCount"); has {
		if n < 0 {
			f.errorf(rec.at("minCount"), "%s", t.minCount)
			return Share{}, false
		}
		sh.Min = n
	}
	return sh, true
}

// scoreRuleReads reports whether a ByScore rule reads a ranking that has
// scores, telling the one that does not: a city rank is a place, and an
// aggregate of mean ranks (mean-rank) ranks by the mean of places, not
// by a score a threshold of 分 could be set on.
func (l *loader) scoreRuleReads(rec *record, r Rule) bool {
	f, c := l.configFile, &l.s.Config
	switch {
	case r.Select != ByScore:
		return true
	case r.On == OnCity:
		f.errorf(rec.at("select"), "select = \"score\" 按得分选取，%s排名只有名次、没有得分：on = \"city\" 的规则用 first、last、top、bottom 或 rank", c.Terms.City)
		return false
	case r.Period != Monthly && c.Aggregate.Method == MeanRank:
		f.errorf(rec.at("select"), "[aggregate] method = \"mean-rank\" 的季度、半年和年度综合考核按各月的平均名次排名，没有得分：select = \"score\" 的规则用于 period = \"month\"，或改用 mean-points、sum-points")
		return false
	}
	return true
}

// writeShareAndBounds writes r's share and score bounds through value,
// as Writer.Rule writes the other keys, in ConfigFile's order.
func (r Rule) writeShareAndBounds(value func(key string, v any)) {
	if s := r.Share; s.Hundredths > 0 {
		value("percent", float64(s.Hundredths)/100)
		value("round", s.Round.String())
		if s.Min > 0 {
			value("minCount", s.Min)
		}
	}
	for i, v := range []*float64{r.Bounds.AtLeast, r.Bounds.Above, r.Bounds.Below, r.Bounds.AtMost} {
		if v != nil {
			value(boundKeys[i], *v)
		}
	}
}

// warnEmptyShare warns of a share that, over the units units.toml has
// now (those without until) in a group the rule reads, rounds to no unit
// at all: 20% of four rounded down is 0.8 → 0, so a 排名前20%的表扬 never
// praises anyone there. minCount = 1 is what an office whose 考核办法
// says 至少1名 writes. A city rule's share is of cityUnits.
func (l *loader) warnEmptyShare(rec *record, r Rule) {
	c := &l.s.Config
	at := rec.at("percent")
	say := func(what string, n int) {
		l.configFile.warnf(&l.s.Warnings, at, "警告：这条规则选%s%s（%s），但%s，%s×%s = %s名，取整后为0名：每期不选任何单位；考核办法规定至少选1名的，写 minCount = 1",
			map[bool]string{true: "前", false: "后"}[r.Select == Top], r.Share.Percent(), r.Share.Round.Words(), what,
			strconv.Itoa(n), r.Share.Percent(), strconv.FormatFloat(float64(n*r.Share.Hundredths)/10000, 'f', -1, 64))
	}
	if r.On == OnCity {
		if n := c.Ranking.CityUnits; r.Share.Of(n) == 0 {
			say(fmt.Sprintf("%s排名只有%d个单位（cityUnits）", c.Terms.City, n), n)
		}
		return
	}
	for _, now := range ruleUnitsNow(l.s, r) {
		if n := len(now.units); n > 0 && r.Share.Of(n) == 0 {
			say(now.what, n)
		}
	}
}
