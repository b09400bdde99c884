package site

import (
	"slices"
	"strings"
)

// A Grade is a [[grade]] of config.toml: a partition of a ranking's units
// into levels (评定等次), as half-year and annual 绩效考核 make — 优秀
// （90分以上）、良好（80～90分）、合格（60～80分）、不合格（60分以下）, or by
// share, 优秀等次不超过参评单位的20%. Every unit ranked gets exactly one
// level; the circular lists each level's units, the tables carry a
// column of them. An office names its grades and levels in its own
// words (档次, 等级; A, B, C).
type Grade struct {
	On        RuleOn     // OnComposite or OnIndicator
	Indicator *Indicator // for OnIndicator
	Period    PeriodKind // the kind of period (circular) it grades
	// Name is what its levels are called: 等次 (the default), 档次, 等级.
	Name   string
	Levels []Level // best first
	// Exclude says that a tie across a share's edge is left out of the
	// level (不超过20%, strictly), where by default it is taken whole,
	// as a top group takes it (§5.2).
	Exclude bool
	Span    Span // the months it is in force, as a rule's
	Line    int  // where its [[grade]] stands in config.toml
}

// AppliesTo reports whether the grade is in force for a period, judged
// by its last month as a rule is.
func (g Grade) AppliesTo(p Period) bool { return g.Span.Contains(p.LastMonth()) }

// A Level is one level of a grade ([[grade.level]]). A unit not in a
// better level is in it when its score lies within Bounds and, when the
// level has a Share, it is among the first Share.Of(n) of the n units
// ranked, counted from the level's first; a level with neither takes
// every unit left.
type Level struct {
	Name   string
	Bounds Bounds
	Share  Share
}

// Words say what a level takes, as a 考核办法 writes it beside its
// name: 90分以上, 前20%, or both: 90分以上、前20%; "" for the rest.
func (lv Level) Words() string {
	var parts []string
	if w := lv.Bounds.Words("分"); w != "" {
		parts = append(parts, w)
	}
	if lv.Share.Hundredths > 0 {
		parts = append(parts, "前"+lv.Share.Percent())
	}
	return strings.Join(parts, "、")
}

// grades resolves the [[grade]]s read with config.toml against the
// indicators, and checks each: its levels must give every unit exactly
// one level, whatever its score — bands that overlap (a score in two)
// or leave a gap (a score in none) are errors, as are shares above 100%
// together.
func (l *loader) grades() {
	f := l.configFile
	c := &l.s.Config
	for _, rec := range l.gradeRecords {
		g := Grade{Line: rec.t.line(), Name: "等次",
			On:      RuleOn(max(0, slices.Index(ruleOns, rec.text("on")))),
			Period:  PeriodKind(max(0, slices.Index(periodKinds, rec.text("period")))),
			Exclude: rec.text("ties") == gradeTies[1],
		}
		ok := rec.has("on") // a value not of the list is reported as such
		if rec.has("name") {
			g.Name = strings.TrimSpace(rec.text("name"))
		}
		switch {
		case g.On == OnIndicator && !rec.t.has("indicator"):
			f.errorf(rec.t.path, "on = \"indicator\" 的 [[grade]] 缺少 indicator（指标 id）")
			ok = false
		case g.On == OnIndicator:
			var ranked bool
			if g.Indicator, ranked = l.rankedIndicator(rec, rec.text("indicator")); !ranked {
				ok = false
			}
		case rec.has("indicator"):
			f.errorf(rec.at("indicator"), "indicator 只用于 on = \"indicator\" 的 [[grade]]")
		}
		if g.Period != Monthly && g.On != OnComposite {
			f.errorf(rec.at("period"), "季度、半年和年度通报只有综合考核排名：period = \"%s\" 的 [[grade]] 应为 on = \"composite\"", g.Period)
			ok = false
		}
		if g.Period != Monthly && g.On == OnComposite && c.Aggregate.Method == MeanRank && l.gradeHasBounds(rec) {
			f.errorf(rec.at("period"), "[aggregate] method = \"mean-rank\" 的季度、半年和年度综合考核按各月的平均名次排名，没有得分，不能按分数段评定等次：改用 percent，或改用 mean-points、sum-points")
			ok = false
		}
		g.Span = readSpan(f, rec, "2025-01", "这项等次评定没有适用的月份")
		levels, levelsOK := l.levels(rec)
		g.Levels = levels
		if ok && levelsOK {
			c.Grades = append(c.Grades, g)
		}
	}
	l.gradeRecords = nil
}

// gradeTies are a grade's ties values: include (default), exclude.
var gradeTies = []string{"include", "exclude"}

// gradeHasBounds reports whether a [[grade]] has a level by score.
func (l *loader) gradeHasBounds(rec *record) bool {
	for _, lr := range rec.records("level") {
		for _, key := range boundKeys {
			if lr.has(key) {
				return true
			}
		}
	}
	return false
}

// levels reads a [[grade]]'s levels and checks that they partition every
// score: names given once each, bounds of one lower and one upper at most
// per level, no two levels by score alone that a score lies in both, no
// score in none, shares of at most 100% in all.
func (l *loader) levels(rec *record) ([]Level, bool) {
	f := l.configFile
	recs := rec.records("level")
	if len(recs) < 2 {
		f.errorf(rec.t.path, "[[grade]] 至少要有两个等次（[[grade.level]]，每个写 name，按从好到差的顺序）")
		return nil, false
	}
	ok := true
	var out []Level
	seen := map[string]bool{}
	total := 0 // the shares, in hundredths of a percent
	for _, lr := range recs {
		lv := Level{Name: strings.TrimSpace(lr.text("name"))}
		switch {
		case !lr.has("name"):
			ok = false // missing: reported as a required key
		case lv.Name == "":
			f.errorf(lr.at("name"), "等次的 name 不能为空")
			ok = false
		case seen[lv.Name]:
			f.errorf(lr.at("name"), "等次“%s”写了两次", lv.Name)
			ok = false
		}
		seen[lv.Name] = true
		boundsOK := levelBounds(f, lr, &lv)
		if !levelShare(f, lr, &lv) || !boundsOK {
			ok = false
		}
		total += lv.Share.Hundredths
		out = append(out, lv)
	}
	if !ok {
		return nil, false
	}
	if total > 10000 {
		f.errorf(rec.t.path, "各等次的 percent 合计 %s，超过100%%：后面的等次分不到这么多单位", Share{Hundredths: total}.Percent())
		return nil, false
	}
	return out, partitions(f, rec, recs, out)
}

// levelBounds reads a level's bounds: one lower bound and one upper at
// most, the lower below the upper.
func levelBounds(f *tomlFile, lr *record, lv *Level) bool {
	for i, key := range boundKeys {
		if v, has := lr.number(key); has {
			*lv.Bounds.fields()[i] = &v
		}
	}
	b := lv.Bounds
	switch key, msg, empty := b.fault(); {
	case msg != "":
		f.errorf(lr.at(key), "%s", msg)
		return false
	case empty:
		f.errorf(lr.at(key), "等次“%s”的得分%s：下限不低于上限，没有单位能评为这个等次；上下限写反了？", lv.Name, b.Words("分"))
		return false
	}
	return true
}

// levelShare reads a level's share (see readPercent).
func levelShare(f *tomlFile, lr *record, lv *Level) bool {
	var ok bool
	lv.Share, ok = readPercent(f, lr, shareText{
		only:     "%s 只用于写了 percent（按比例评定）的等次",
		noRound:  "等次“" + lv.Name + "”写了 percent，缺少 round：名数不是整数时怎样取",
		roundEx:  "12个单位的20%是2.4个，分别取2、2、3个",
		minCount: "minCount 应为不小于 0 的整数（至少评几个）",
	}, nil)
	return ok
}

// partitions checks that the levels give every score exactly one level.
// A level by share may leave units to the next (those past its share),
// so only the levels by score alone, or the rest (neither), are the
// ones every unit must find: their bands may not overlap (a score in
// two is graded by the first, which the office did not mean), and
// together, with the rest, they must hold every score — one with no
// level is a gap. Levels are written best first: a band above a
// better one's is told too, as a slip of order.
func partitions(f *tomlFile, rec *record, recs []*record, levels []Level) bool {
	ok := true
	type band struct {
		i               int
		lo, hi          *float64
		loIn, hiIn, all bool
	}
	var bands []band
	for i, lv := range levels {
		if lv.Share.Hundredths > 0 {
			continue
		}
		lo, loIn, hi, hiIn := lowest(lv.Bounds)
		bands = append(bands, band{i: i, lo: lo, hi: hi, loIn: loIn, hiIn: hiIn, all: lo == nil && hi == nil})
	}
	for j, b := range bands {
		if b.all && j < len(bands)-1 {
			// Every unit left ends here: the levels after it are empty.
			f.errorf(recs[bands[j+1].i].t.path, "等次“%s”不会有单位：前面的等次“%s”没有得分界限，已评定其余的全部单位；没有界限的等次应写在最后", levels[bands[j+1].i].Name, levels[b.i].Name)
			return false
		}
	}
	for a := 0; a < len(bands); a++ {
		for b := a + 1; b < len(bands); b++ {
			x, y := bands[a], bands[b]
			if x.all || y.all {
				continue
			}
			if overlap(x.lo, x.loIn, x.hi, x.hiIn, y.lo, y.loIn, y.hi, y.hiIn) {
				f.errorf(recs[y.i].t.path, "等次“%s”（%s）与“%s”（%s）的分数段重叠：一个得分只能评为一个等次；相邻的两段，一段写 below（低于）、另一段写 atLeast（不低于），如 below = 90 与 atLeast = 90",
					levels[y.i].Name, levels[y.i].Bounds.Words("分"), levels[x.i].Name, levels[x.i].Bounds.Words("分"))
				ok = false
			}
		}
	}
	if !ok || len(bands) > 0 && bands[len(bands)-1].all {
		return ok
	}
	// No rest: the bands must cover every score. Sort them by their lower
	// bounds, −∞ first, and walk up.
	sorted := slices.Clone(bands)
	slices.SortStableFunc(sorted, func(x, y band) int {
		switch {
		case x.lo == nil && y.lo == nil:
			return 0
		case x.lo == nil:
			return -1
		case y.lo == nil:
			return 1
		}
		if *x.lo != *y.lo {
			if *x.lo < *y.lo {
				return -1
			}
			return 1
		}
		if x.loIn && !y.loIn {
			return -1
		}
		if y.loIn && !x.loIn {
			return 1
		}
		return 0
	})
	gap := func(words string) {
		f.errorf(rec.t.path, "得分%s的单位没有等次：各等次的分数段之间不能有空隙；补上这一段，或在最后写一个不写界限的等次（其余的单位）", words)
		ok = false
	}
	if len(sorted) == 0 {
		f.errorf(rec.t.path, "各等次都按比例评定（percent），比例之外的单位没有等次：在最后写一个不写 percent 的等次（其余的单位）")
		return false
	}
	if sorted[0].lo != nil {
		b := Bounds{}
		if sorted[0].loIn {
			b.Below = sorted[0].lo
		} else {
			b.AtMost = sorted[0].lo
		}
		gap(b.Words("分"))
	}
	reach, reachIn, open := sorted[0].hi, sorted[0].hiIn, sorted[0].hi == nil
	for _, b := range sorted[1:] {
		if open {
			break
		}
		// reach is covered up to (and with reachIn including) it.
		if *b.lo > *reach || *b.lo == *reach && !reachIn && !b.loIn {
			var g Bounds
			if reachIn {
				g.Above = reach
			} else {
				g.AtLeast = reach
			}
			if b.loIn {
				g.Below = b.lo
			} else {
				g.AtMost = b.lo
			}
			gap(g.Words("分"))
		}
		switch {
		case b.hi == nil:
			open = true
		case *b.hi > *reach || *b.hi == *reach && b.hiIn:
			reach, reachIn = b.hi, b.hiIn
		}
	}
	if !open {
		b := Bounds{}
		if reachIn {
			b.Above = reach
		} else {
			b.AtLeast = reach
		}
		gap(b.Words("分"))
	}
	return ok
}

// overlap reports whether two bands, each from lo to hi (nil: no bound;
// In: including it), hold a score in common.
func overlap(alo *float64, aloIn bool, ahi *float64, ahiIn bool, blo *float64, bloIn bool, bhi *float64, bhiIn bool) bool {
	below := func(hi *float64, hiIn bool, lo *float64, loIn bool) bool {
		// every score up to hi lies below every score from lo
		if hi == nil || lo == nil {
			return false
		}
		return *hi < *lo || *hi == *lo && !(hiIn && loIn)
	}
	return !below(ahi, ahiIn, blo, bloIn) && !below(bhi, bhiIn, alo, aloIn)
}

// gradeField describes [[grade]] and its [[grade.level]]s.
var gradeField = Field{Key: "grade", Kind: Tables, Label: "等次评定",
	Help: "把一个排名的全部单位评定为几个等次（优秀、良好、合格、不合格），每项一种评定；通报的 grades 短代码逐个等次列出单位，排名表多一列等次；不评定等次的不写", Fields: []Field{
		{Key: "on", Kind: Text, Label: "依据", Required: true, Values: ruleOns[:2],
			Help: "composite：综合考核（得分或排名）；indicator：某一指标的（写 indicator）"},
		{Key: "indicator", Kind: IndicatorRef, Label: "指标", Help: "on = \"indicator\" 时必填：指标 id；其他不写"},
		{Key: "period", Kind: Text, Label: "适用期别", Values: periodKinds, Meant: []string{"月", "季", "半年", "年"},
			Help: "month：月度通报（默认）；quarter、half、year：季度、半年、年度通报（只能依据综合考核）"},
		{Key: "name", Kind: Text, Label: "叫法", Help: "等次的叫法，如“档次”“等级”，写在“评定为优秀等次的乡镇”和表头中；不写为“等次”"},
		{Key: "ties", Kind: Text, Label: "比例边上的并列", Values: gradeTies,
			Help: "按比例（percent）评定的等次，并列跨过名额时：include：并列的都评为这个等次，可能多于比例（默认，与前几名的规则相同）；exclude：并列的都不评为这个等次，留给下一个等次（“不超过20%”）"},
		{Key: "from", Kind: Text, Label: "起始月份", Help: "考核办法调整后开始适用的月份，如 \"2025-01\"（季度、半年和年度看其最后一个月）；不写则一直适用"},
		{Key: "until", Kind: Text, Label: "截止月份", Help: "考核办法调整后不再用的，最后适用的月份，如 \"2024-12\"；不写则一直适用"},
		{Key: "level", Kind: Tables, Label: "等次", Required: true,
			Help: "各等次，每个写一项 [[grade.level]]，按从好到差的顺序，至少两个：按分数段的写得分界限，按比例的写 percent，最后一个可以什么界限都不写（其余的单位）", Fields: []Field{
				{Key: "name", Kind: Text, Label: "名称", Required: true, Help: "等次的名称，如“优秀”“A”"},
				{Key: "atLeast", Kind: Number, Label: "得分不低于", Help: "得分不低于它（“90分以上”，含90分）；不写则不限下限"},
				{Key: "above", Kind: Number, Label: "得分高于", Help: "得分高于它（不含）；不写则不限下限"},
				{Key: "below", Kind: Number, Label: "得分低于", Help: "得分低于它（“低于60分”，不含60分）；不写则不限上限"},
				{Key: "atMost", Kind: Number, Label: "得分不高于", Help: "得分不高于它（含）；不写则不限上限。各等次的分数段不能重叠，合起来须包括全部得分（或最后有一个不写界限的等次）"},
				{Key: "percent", Kind: Number, Label: "比例（%）",
					Help: "按比例评定：前面等次之外、排名在前的这么多（参加排名的单位数的百分之几），如 20；同时写了得分界限的，还须在界限之内；须同时写 round；各等次合计不超过 100；不写则不按比例"},
				{Key: "round", Kind: Text, Label: "取整", Values: roundings, Meant: roundingWords,
					Help: "与 percent 须同时写：nearest：四舍五入；down：向下取整；up：向上取整"},
				{Key: "minCount", Kind: Integer, Label: "至少个数", Help: "写了 percent 时可写：至少评几个；不写为 0"},
			}},
	}}
