package build

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// A circular once published is a public record: the ranks, scores and
// measures it states must not change because next year's method was
// written into this year's settings. Every weight, decimal place and
// [[rule]] applies to every month unless given a span, so an edit meant
// for the months ahead re-ranks the whole archive, and nothing else in
// a build says so: the pages change as the writer meant them to. So a
// build, check and the preview compare each circular's data.json with
// the one the build before published and warn of every circular whose
// results differ, with what differs. A correction is a reason to change
// one; the warning says how to mark it. Each is said once: the build
// after compares with what this one published.

// republished is a circular's data.json in the build before (old, or
// the file oldFile holding it) and in this one (now), when their bytes
// differ; before and after are their SHA-256s.
type republished struct {
	path          string // circulars/2023/14/data.json
	old, now      []byte
	oldFile       string
	before, after string
}

// diffs are the differences of r's results (resultDiffs): none for a
// data.json that changed in other fields, or that cannot be read.
func (r republished) diffs() []string {
	old := r.old
	if old == nil {
		var err error
		if old, err = os.ReadFile(r.oldFile); err != nil {
			return nil // gone or unreadable: nothing to compare with
		}
	}
	var was, is render.OpenData
	if json.Unmarshal(old, &was) != nil || json.Unmarshal(r.now, &is) != nil {
		return nil // not a data.json this version reads: nothing to say
	}
	return resultDiffs(was, is)
}

// circularData reports whether rel is a circular's data.json:
// circulars/2023/14/data.json.
func circularData(rel string) bool {
	parts := strings.Split(rel, "/")
	return len(parts) == 4 && parts[0] == "circulars" && parts[3] == "data.json"
}

// changedSince is o, when it is a circular's data.json that the build
// before, in dest, listed with other bytes.
func changedSince(before map[string]ManifestEntry, dest string, o render.Output) (republished, bool) {
	if !circularData(o.Path) || o.File != nil {
		return republished{}, false
	}
	e, ok := before[o.Path]
	if !ok {
		return republished{}, false
	}
	sum := o.Sum
	if sum == nil {
		s := sha256.Sum256(o.Data)
		sum = &s
	}
	after := hex.EncodeToString(sum[:])
	if e.SHA256 == after && e.Size == int64(len(o.Data)) {
		return republished{}, false
	}
	return republished{path: o.Path, now: o.Data, oldFile: filepath.Join(dest, filepath.FromSlash(o.Path)), before: e.SHA256, after: after}, true
}

// manifestIndex is m's entries by path.
func manifestIndex(m Manifest) map[string]ManifestEntry {
	idx := make(map[string]ManifestEntry, len(m.Files))
	for _, e := range m.Files {
		idx[e.Path] = e
	}
	return idx
}

// republishedSince are the circulars' data.json of outputs whose bytes
// differ from those the build before wrote in dest (listed in before).
func republishedSince(before Manifest, dest string, outputs []render.Output) []republished {
	idx := manifestIndex(before)
	var out []republished
	for _, o := range outputs {
		if r, ok := changedSince(idx, dest, o); ok {
			out = append(out, r)
		}
	}
	return out
}

// A recorder keeps, while a build streams its outputs, the circulars'
// data.json whose bytes differ from the build before's, with the bytes
// that build wrote: read before the new file is added, since a build in
// place overwrites it. It is safe for concurrent use.
type recorder struct {
	dest   string
	before map[string]ManifestEntry // nil: no build before

	mu    sync.Mutex
	found []republished
}

func newRecorder(dest string, before *Manifest) *recorder {
	r := &recorder{dest: dest}
	if before != nil {
		r.before = manifestIndex(*before)
	}
	return r
}

// see records o if it is a circular's data.json that changed.
func (r *recorder) see(o render.Output) {
	if r.before == nil {
		return
	}
	rp, ok := changedSince(r.before, r.dest, o)
	if !ok {
		return
	}
	old, err := os.ReadFile(rp.oldFile)
	if err != nil {
		return
	}
	rp.old = old
	r.mu.Lock()
	r.found = append(r.found, rp)
	r.mu.Unlock()
}

// rewrittenWarnings are the warnings of the circulars whose results in
// found differ (diffs, republished.diffs or a cache of it), in the order
// the circulars were issued (s.Circulars: by date, then 文号), not of
// their addresses as text, where circulars/2023/12/ comes before
// circulars/2023/3/; a data.json that changed in its other fields (a
// title, an attachment, a reason's wording) is not one. Past ten
// circulars, one line counts the rest: a weight changed for every month
// changes every circular, and the ten told are the earliest.
func rewrittenWarnings(s *site.Site, found []republished, diffs func(republished) []string) diag.List {
	at := map[string]*site.Circular{}
	order := map[string]int{}
	for i, c := range s.Circulars {
		at[c.URLPath()+"data.json"] = c
		order[c.URLPath()+"data.json"] = i
	}
	found = slices.Clone(found)
	slices.SortFunc(found, func(a, b republished) int {
		i, aok := order[a.path]
		j, bok := order[b.path]
		if aok != bok { // one no circular has now: after those that have
			if aok {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(i, j), strings.Compare(a.path, b.path))
	})
	var out diag.List
	n := 0
	// The first month whose results differ, and the first quarter, half
	// and year: a quarter's rule changes only the quarters' circulars.
	earliest := map[site.PeriodKind]republished{}
	earliestKey := map[site.PeriodKind]string{}
	for _, f := range found {
		d := diffs(f)
		if len(d) == 0 {
			continue
		}
		// By the circular's period, not its data.json read again: at every
		// save of the preview, every circular a weight re-ranked is here.
		if c := at[f.path]; c != nil {
			p := c.Data
			if k, seen := earliestKey[p.Kind]; !seen || p.Key() < k {
				earliest[p.Kind], earliestKey[p.Kind] = f, p.Key()
			}
		}
		if n++; n > mostRewritten {
			continue
		}
		const most = 8
		if len(d) > most {
			d = append(d[:most:most], fmt.Sprintf("等%d处", len(d)))
		}
		var now render.OpenData
		_ = json.Unmarshal(f.now, &now) // read by diffs already
		name := now.Period + "的通报"
		if now.Circular.Number != "" {
			name += "（" + now.Circular.Number + "）"
		}
		file, line, col := "", 0, 0
		correction := "如果是更正这份通报，在它的前置信息中写上 updated = 更正日期，和 correction = 更正说明（页面上写明更正了什么）"
		if c := at[f.path]; c != nil {
			file, line, col = c.File, c.NumberLine, c.NumberCol
			if c.Updated != (site.Date{}) {
				correction = "这份通报已写明更正日期（updated = " + c.Updated.String() + "）：这正是更正的内容的，不必理会"
			}
		}
		// A method has no from: the advice to write one would send the
		// writer looking for a key that is not there.
		method := ""
		if slices.ContainsFunc(d, func(s string) bool {
			return strings.HasPrefix(s, scoringMethodDiff) || strings.HasPrefix(s, aggregateMethodDiff)
		}) {
			method = "综合得分的算法是全站各期通用的设置，不能只对以后的月份适用，改了就改写全部已发布的通报；"
		}
		out.Add(file, line, col, "警告：已发布的%s，考核结果与上次生成的不同：%s。%s"+
			"如果是改了权重、小数位数、指标名称或奖惩规则，新的办法也改写了已发布的通报：只对以后的月份适用的，写明起始月份（指标写 [[indicator.change]]，规则写 from，见 docs/rules.md 的“考核办法调整”）；"+
			"%s", name, strings.Join(d, "；"), method, correction)
	}
	if n > mostRewritten {
		out = append(out, diag.Diagnostic{Msg: fmt.Sprintf("警告：……共 %d 份已发布的通报考核结果与上次生成的不同", n)})
	}
	for _, k := range []site.PeriodKind{site.Monthly, site.Quarterly, site.HalfYearly, site.Yearly} {
		if f, ok := earliest[k]; ok {
			out = append(out, spansRewriting(s, k, f)...)
		}
	}
	return out
}

// spansRewriting warns at each [[indicator.change]] and [[rule]] in
// force from f's period, the first of its kind (a month, or a quarter,
// half or year) whose published results differ, that f's differences
// show to be at work: a new 考核办法 given a month already published (a
// slip of the year), the likeliest cause, said where it is written. A
// change of direction is at work when the indicator's direction differs,
// of decimals when its scores do, of weight when the composite does (a
// data.json written before they were stated has no weights to compare);
// a rule from the period when a
// measure it gives is new, a rule whose until leaves the period out when
// a measure of its action is gone. Changes are told of at a month's, a
// rule at its own period's: a quarter's rule changes only the quarters'.
func spansRewriting(s *site.Site, kind site.PeriodKind, f republished) diag.List {
	var out diag.List
	old := f.old
	if old == nil {
		var err error
		if old, err = os.ReadFile(f.oldFile); err != nil {
			return out
		}
	}
	var was, is render.OpenData
	if json.Unmarshal(old, &was) != nil || json.Unmarshal(f.now, &is) != nil {
		return out
	}
	earliest := is.Month
	// first is the first period of the kind from key on — a month with
	// data, or a quarter, half or year with a circular, whose last month
	// is key or after: the first a span starting at key applies to
	// (Rule.AppliesTo).
	var periods []site.Period
	if kind == site.Monthly {
		for _, m := range s.Months {
			periods = append(periods, m.Span())
		}
	} else {
		for _, c := range s.Circulars {
			if c.Data.Kind == kind {
				periods = append(periods, c.Data)
			}
		}
	}
	first := func(key string) string {
		f, last := "", ""
		for _, p := range periods {
			if l := p.LastMonth(); l >= key && (f == "" || l < last) {
				f, last = p.Key(), l
			}
		}
		return f
	}
	indicator := func(d render.OpenData, id string) (render.OpenIndicator, bool) {
		for _, ind := range d.Indicators {
			if ind.ID == id {
				return ind, true
			}
		}
		return render.OpenIndicator{}, false
	}
	scores := func(ts []render.OpenTownship) string {
		var b strings.Builder
		for _, t := range ts {
			fmt.Fprintf(&b, "%s %v %d;", t.Name, publishedScore(t.Score), t.Rank)
		}
		return b.String()
	}
	composite := scores(was.Composite) != scores(is.Composite)
	atWork := func(ind *site.Indicator, c site.Change) bool {
		a, _ := indicator(was, ind.ID)
		b, _ := indicator(is, ind.ID)
		for _, k := range c.Set {
			switch {
			case k == "better" && a.Better != b.Better,
				k == "decimals" && scores(a.Townships) != scores(b.Townships),
				k == "deduct" && scores(a.Townships) != scores(b.Townships),
				// A derived score is deducted from the month's max, and
				// floored at its min; a typed one only bounded by them.
				(k == "max" || k == "min") && scores(a.Townships) != scores(b.Townships),
				k == "weight" && composite:
				return true
			}
		}
		return false
	}
	type measure struct{ kind, source string }
	measures := func(d render.OpenData) []measure {
		var m []measure
		for _, r := range d.Rewards {
			m = append(m, measure{site.RewardAction, r.Source})
		}
		for _, i := range d.Interviews {
			m = append(m, measure{i.Kind, i.Source})
		}
		return m
	}
	wasM, isM := measures(was), measures(is)
	const fix = "（见各期通报的提醒）：新的考核办法只对以后的月份适用的，from 写尚未发布的第一个月"
	for _, ind := range s.Indicators {
		for _, c := range ind.Changes {
			if kind == site.Monthly && first(c.From) == earliest && atWork(ind, c) {
				out.Add("data/indicators.toml", c.Line, c.Col, "警告：指标“%s”自 %s 起的调整改变了已发布的 %s 及以后各期通报的考核结果"+fix, ind.Name, c.From, earliest)
			}
		}
	}
	for i, r := range s.Config.Rules {
		source := fmt.Sprintf("config.toml [[rule]] 第%d条", i+1)
		switch {
		case r.Period != kind:
		case r.Span.From != "" && first(r.Span.From) == earliest &&
			slices.ContainsFunc(isM, func(m measure) bool { return m.source == source && !slices.Contains(wasM, m) }):
			out.Add("config.toml", r.Line, 1, "警告：这条规则自 %s 起适用（from），改变了已发布的 %s 及以后各期通报的考核结果"+fix, r.Span.From, earliest)
		// The first period after until (its last month after it, so not
		// compared as text: 2023 is before 2023-06).
		case r.Span.Until != "" && first(nextMonth(r.Span.Until)) == earliest &&
			slices.ContainsFunc(wasM, func(m measure) bool { return m.kind == r.Action && !slices.Contains(isM, m) }):
			out.Add("config.toml", r.Line, 1, "警告：这条规则截止于 %s（until），此后不再适用，改变了已发布的 %s 及以后各期通报的考核结果（见各期通报的提醒）："+
				"不再用的规则，until 写已发布的最后一个月", r.Span.Until, earliest)
		}
	}
	return out
}

// nextMonth is the month after key (YYYY-MM).
func nextMonth(key string) string {
	p, ok := site.ParsePeriod(key)
	if !ok {
		return key
	}
	y, m := p.Year, p.N+1
	if m > 12 {
		y, m = y+1, 1
	}
	return fmt.Sprintf("%d-%02d", y, m)
}

// mostRewritten is how many circulars rewrittenWarnings describes.
const mostRewritten = 10

// resultDiffs says, in the circular's words, how the results of old and
// now differ: the measures taken and withdrawn, which weigh most, then
// each ranking's scores and ranks, unit by unit, the scores with the
// decimals the circulars show them with (da, db: old's and now's). A
// count's values (scoreUnit 件, 起: site.CountUnit) are said with their
// unit, 乙2件→3件, not as scores, 得分2→3.
func resultDiffs(old, now render.OpenData) []string {
	var out []string
	ranking := func(what string, a, b []render.OpenTownship, da, db int, unit string) {
		// A score is said 得分8→7.50 and 8.0分; a count 2件→3件 and 1件.
		scored, after, points := "得分", "", "分"
		if site.CountUnit(unit) {
			scored, after, points = "", strings.TrimSpace(unit), strings.TrimSpace(unit)
		}
		value := func(v float64, decimals int) string {
			if math.IsNaN(v) {
				return unreportedScore
			}
			return score(v, decimals) + after
		}
		type key struct{ group, name string }
		was := map[key]render.OpenTownship{}
		for _, t := range a {
			was[key{t.Group, t.Name}] = t
		}
		is := map[key]bool{}
		for _, t := range b {
			k := key{t.Group, t.Name}
			is[k] = true
			o, ok := was[k]
			sa, sb := publishedScore(o.Score), publishedScore(t.Score)
			switch {
			case !ok && math.IsNaN(sb):
				out = append(out, fmt.Sprintf("%s新列入%s（%s，%s）", what, t.Name, unreportedScore, rankText(t)))
			case !ok:
				out = append(out, fmt.Sprintf("%s新列入%s（%s%s，%s）", what, t.Name, score(sb, db), points, rankText(t)))
			case !sameScore(sa, sb) && (o.Rank != t.Rank || o.Tied != t.Tied):
				out = append(out, fmt.Sprintf("%s%s%s%s→%s，%s→%s", what, t.Name, scored, value(sa, da), value(sb, db), rankText(o), rankText(t)))
			case !sameScore(sa, sb):
				out = append(out, fmt.Sprintf("%s%s%s%s→%s", what, t.Name, scored, value(sa, da), value(sb, db)))
			case o.Rank != t.Rank || o.Tied != t.Tied:
				out = append(out, fmt.Sprintf("%s%s%s→%s", what, t.Name, rankText(o), rankText(t)))
			}
		}
		for _, t := range a {
			if !is[key{t.Group, t.Name}] {
				out = append(out, fmt.Sprintf("%s不再列入%s", what, t.Name))
			}
		}
	}
	// Measures, by what they do to whom, not by their wording.
	measures := func(d render.OpenData) []string {
		var m []string
		for _, r := range d.Rewards {
			m = append(m, fmt.Sprintf("奖励%s%d元", r.Unit, r.Amount))
		}
		for _, i := range d.Interviews {
			who := i.Unit + strings.TrimPrefix(i.Who, i.Unit) // named once, as the circular names it
			m = append(m, i.Kind+who)
		}
		return m
	}
	a, b := measures(old), measures(now)
	for _, m := range b {
		if i := slices.Index(a, m); i >= 0 {
			a = slices.Delete(a, i, i+1)
			continue
		}
		out = append(out, "新增"+m)
	}
	for _, m := range a {
		out = append(out, "不再"+m)
	}
	// The composite's method, a site-wide setting: changed, it re-ranks
	// every circular, and the scores below say how, but not why. A
	// data.json that does not state it (written before data.json did)
	// is not told of: every circular would differ for it.
	if a, b := old.Scoring.Method, now.Scoring.Method; a != "" && b != "" && a != b {
		out = append(out, scoringMethodDiff+a+"→"+b)
	}
	if old.Aggregate != nil && now.Aggregate != nil && old.Aggregate.Method != now.Aggregate.Method {
		out = append(out, aggregateMethodDiff+old.Aggregate.Method+"→"+now.Aggregate.Method)
	}
	ranking("综合考核", old.Composite, now.Composite, old.Scoring.Decimals, now.Scoring.Decimals, "")
	was := map[string]render.OpenIndicator{}
	for _, ind := range old.Indicators {
		was[ind.ID] = ind
	}
	decimals := func(ind render.OpenIndicator) int {
		if ind.Decimals == nil {
			return 0 // a data.json of before: as it has them
		}
		return *ind.Decimals
	}
	is := map[string]bool{}
	for _, ind := range now.Indicators {
		is[ind.ID] = true
		if o, ok := was[ind.ID]; ok {
			if o.Name != ind.Name {
				out = append(out, "指标名称“"+o.Name+"”→“"+ind.Name+"”")
			}
			ranking(ind.Name, o.Townships, ind.Townships, decimals(o), decimals(ind), ind.ScoreUnit)
		} else if len(ind.Townships) > 0 {
			out = append(out, "新增"+ind.Name+"的排名")
		}
	}
	for _, ind := range old.Indicators {
		if !is[ind.ID] && len(ind.Townships) > 0 {
			out = append(out, "不再有"+ind.Name+"的排名")
		}
	}
	return out
}

// The differences of method start so (resultDiffs), which the warning
// of a circular reads to say that a method has no from (rewrittenWarnings).
const (
	scoringMethodDiff   = "综合得分的算法（[scoring] method）"
	aggregateMethodDiff = "季度、半年、年度综合得分的算法（[aggregate] method）"
)

// score is a score as a circular shows it, with at least decimals
// places: data.json has 78.1 of a 78.10, and a score of more places (one
// of a data.json that did not say its decimals) keeps them all.
func score(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	places := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		places = len(s) - i - 1
	} else if decimals > 0 {
		s += "."
	}
	return s + strings.Repeat("0", max(0, decimals-places))
}

// rankText is a rank as a circular says it: 第3名, 并列第3名.
func rankText(t render.OpenTownship) string {
	r := "第" + strconv.Itoa(t.Rank) + "名"
	if t.Tied {
		return "并列" + r
	}
	return r
}

// sameScore reports whether two scores of data.json are one: NaN, a
// township's that did not report (未报送, its score null), is its own.
func sameScore(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// publishedScore is a township's score in data.json, NaN where it has
// none (null: it did not report, and is ranked last for it).
func publishedScore(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// unreportedScore says a score that is not there (未报送).
const unreportedScore = "未报送"
