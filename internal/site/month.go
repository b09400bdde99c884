package site

import (
	"cmp"
	"fmt"
	"math/big"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/par"
	"tongbao/internal/zh"
)

// This file reads the month files, data/YYYY-MM.toml, by their
// description (MonthFile, format.go).

var monthFileRE = regexp.MustCompile(`^data/(\d{4})-(\d{2})\.toml$`)

// copyFileRE is a month file's copy as Windows, macOS and staff name it:
// 2024-02 - 副本.toml, 2024-02 (2).toml, 2024-02 copy.toml, 2024-02备份.toml.
// It is left unread with a warning, not an error that stops the preview:
// staff keep such copies on purpose, beside the file they are changing.
// looseMonthFileRE is a month file named otherwise than YYYY-MM.toml
// (2023-3.toml, 2023年3月.toml, 2023_03.toml, 202303.toml): named for its
// month all the same, which the problem then says to rename it to.
var looseMonthFileRE = regexp.MustCompile(`^data/(\d{4})\s*(?:[-_.年]\s*)?(\d{1,2})\s*月?\.toml$`)

// badMonthFileName is the problem of a month file whose name is not
// YYYY-MM.toml, naming the file to rename it to when its name gives a
// month.
func badMonthFileName(rel string) string {
	const msg = "数据文件名应为 YYYY-MM.toml（如 data/2023-02.toml）"
	m := looseMonthFileRE.FindStringSubmatch(rel)
	if m == nil {
		return msg
	}
	n, _ := strconv.Atoi(m[2])
	if n < 1 || n > 12 {
		return msg
	}
	return fmt.Sprintf("数据文件名应为 YYYY-MM.toml：改名为 data/%s-%02d.toml", m[1], n)
}

var copyFileRE = regexp.MustCompile(`^data/(\d{4}-\d{2})\s*(?:-\s*)?(?:副本|备份|[Cc]opy|拷贝|\(\d+\)|（\d+）)[^/]*\.toml$`)

// monthFiles reads every month file and parses them in parallel: on a
// long archive they are most of the loading. Diagnostics keep file order.
func (l *loader) monthFiles() {
	type job struct {
		rel         string
		year, month int
		src         []byte
		e           monthEntry
	}
	key := func(j *job) string { return Period{Kind: Monthly, Year: j.year, N: j.month}.Key() }
	var jobs []*job
	files := l.walk("data")
	for rel := range l.with {
		if !slices.Contains(files, rel) {
			files = append(files, rel)
		}
	}
	slices.Sort(files)
	for _, rel := range files {
		if rel == "data/units.toml" || rel == "data/indicators.toml" || path.Ext(rel) != ".toml" {
			continue
		}
		m := monthFileRE.FindStringSubmatch(rel)
		if m == nil {
			if c := copyFileRE.FindStringSubmatch(rel); c != nil {
				l.s.Warnings.Add(rel, 1, 1, "警告：这像是 data/%s.toml 的副本，不作为月度数据读取；不再需要就删去，要留作备份请移出 data/", c[1])
				continue
			}
			l.diags.Add(rel, 1, 1, "%s", badMonthFileName(rel))
			continue
		}
		year, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if month < 1 || month > 12 {
			l.diags.Add(rel, 1, 1, "文件名中的月份 %s 无效", m[2])
			continue
		}
		if l.hold[m[1]+"-"+m[2]] {
			continue
		}
		jobs = append(jobs, &job{rel: rel, year: year, month: month})
	}
	par.Do(len(jobs), func(i int) {
		j := jobs[i]
		src, sum, ok := l.source(j.rel, &j.e.diags)
		if !ok {
			return
		}
		j.src, j.e.sum = src, sum
	})
	// Each month speaks of the office's kind of period, which, unsaid,
	// the files' periods tell together: read first from their heads.
	kind := l.s.Config.Assesses
	if kind == nil {
		var heads []*Month
		for _, j := range jobs {
			if j.src != nil {
				heads = append(heads, &Month{Year: j.year, Month: j.month, Period: headPeriod(j.src)})
			}
		}
		k := FilesKind(heads)
		kind = &k
	}
	l.assesses = kind
	par.Do(len(jobs), func(i int) {
		j := jobs[i]
		if j.src == nil {
			return
		}
		// A draft is not the month: never taken from the cache as it.
		if e, ok := l.cachedMonth(j.rel, j.e.sum, *kind); ok && !l.drafts[key(j)] {
			j.e = e
			return
		}
		j.e.kind = *kind
		j.e.month = l.month(j.rel, j.src, j.year, j.month, &j.e.diags)
		if j.e.month != nil {
			j.e.month.Sum = j.e.sum
		}
	})
	keep := make(map[string]monthEntry, len(jobs))
	for _, j := range jobs {
		l.diags = append(l.diags, j.e.diags...)
		if l.drafts[key(j)] {
			if e, ok := l.cachedMonth(j.rel, j.e.sum, *kind); ok {
				keep[j.rel] = e // the month itself, for the next load
			}
		}
		if j.e.month == nil {
			continue
		}
		if !l.drafts[key(j)] {
			keep[j.rel] = j.e
		}
		l.s.Warnings = append(l.s.Warnings, j.e.month.warnings...)
		if !l.drafts[key(j)] {
			// A month being gathered has its results still empty: what
			// it lacks is its problems, not a warning for each.
			l.emptyResults(j.e.month)
		}
		l.s.Months = append(l.s.Months, j.e.month)
		l.s.months[j.e.month.Key] = j.e.month
	}
	l.keepMonths(keep)
}

// emptyResults warns of each [[result]] of m that holds nothing — no
// score, rank or progress — as tongbao new leaves one for staff to fill:
// the circular would print the indicator's heading alone.
func (l *loader) emptyResults(m *Month) {
	for _, r := range m.Results {
		if r.City == 0 && r.District == 0 && r.Progress == "" && len(r.Scores) == 0 {
			l.s.Warnings.Add(m.File, r.Line, 1, m.Kind().Reword().Replace("警告：指标“%s”这一项什么也没有填写（%s、排名、进展都没有），通报中只会有它的标题；这个月不考核它，就删去这个 [[result]]"), r.Indicator.Name, r.Indicator.ValueName())
		}
	}
}

// ParseMonth reads src as the month file rel (data/YYYY-MM.toml) of s,
// with every check the loader makes of a month file, without reading or
// changing anything else: it is how a month made from a workbook is
// validated before it is written, and how one month is read while others
// may still be half filled in (ParseDraftMonth reads one that is). src is
// read as the loader reads a file: UTF-8, a byte order mark and CR line
// ends dropped. place, when not nil, names where the value at a TOML path
// ("result.0.townships.火车站乡") was typed; problems with a value it
// places are reported there, every other at its line.
func (s *Site) ParseMonth(rel string, src []byte, place func(path string) string) (*Month, error) {
	return s.parseMonth(rel, src, &loader{s: s, place: place, assesses: s.assesses()})
}

// assesses is s.Assesses, for a loader reading one month of s.
func (s *Site) assesses() *PeriodKind {
	k := s.Assesses()
	return &k
}

// ParseDraftMonth reads src as ParseMonth does, but as a month still being
// filled in: a score its tables lack is no problem, but listed in its
// result's Unscored, so that the month can be exported as a workbook
// with those cells left to fill. Every other problem still is one.
func (s *Site) ParseDraftMonth(rel string, src []byte) (*Month, error) {
	return s.parseMonth(rel, src, &loader{s: s, draft: true, assesses: s.assesses()})
}

func (s *Site) parseMonth(rel string, src []byte, l *loader) (*Month, error) {
	m := monthFileRE.FindStringSubmatch(rel)
	if m == nil {
		return nil, diag.List{{File: rel, Line: 1, Col: 1, Msg: badMonthFileName(rel)}}
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	var d diag.List
	if src = normalize(rel, src, &d); src == nil {
		return nil, d.Err()
	}
	mo := l.month(rel, src, year, month, &d)
	if err := d.Err(); err != nil {
		return nil, err
	}
	return mo, nil
}

// monthReader reads one month file. Many run at once: each only reads
// the catalogue and reports to its own file.
type monthReader struct {
	l  *loader
	f  *tomlFile
	mo *Month
	// unassessed are the units written in the month that were not
	// assessed in it, in the order met, each with where it was written:
	// told once, at the first (see assessed).
	unassessed []unassessedUnit
	// missing are, by township, the score tables of the month that lack
	// its score alone (told per indicator), and scored the townships
	// with a score in any table: a township with none at all, in two
	// tables or more, is told once as a month it was not assessed in
	// (see unscored).
	missing []missingScore
	scored  map[*Unit]bool
	// naAt are where each result's notApplicable or unreported names
	// each township, for a score written for it all the same.
	naAt map[*Result]map[*Unit]string
	// resultAt are where each indicator's [[result]] names it, for what
	// derive finds wrong with it.
	resultAt map[string]string
}

type missingScore struct {
	u               *Unit
	path, indicator string
	noun            string // what its values are: 得分, 件数 (Indicator.ValueName)
	// listed and reported are whether the result has a notApplicable
	// and an unreported already: the remedy adds the unit to it then,
	// where a second one would be a key written twice.
	listed, reported bool
}

type unassessedUnit struct {
	u     *Unit
	paths []string
}

// month parses one month file.
func (l *loader) month(rel string, src []byte, year, month int, d *diag.List) *Month {
	t, f, ok := l.s.decodeMonth(rel, src, d)
	if !ok {
		return nil
	}
	f.place = l.place
	top := read(t, MonthFile.Fields)
	r := &monthReader{l: l, f: f, mo: &Month{
		Key:         Period{Kind: Monthly, Year: year, N: month}.Key(),
		Year:        year,
		Month:       month,
		File:        rel,
		Period:      PeriodText(top.text("period")),
		byIndicator: map[string]*Result{},
	}, scored: map[*Unit]bool{}}
	if k := l.assesses; k != nil {
		r.mo.assessedBy(*k)
	}
	if k := l.s.Config.Assesses; r.periodMonths(top) && k != nil {
		r.reportsPeriod(top, *k)
	}
	if n, ok := top.int("overallCity"); ok {
		r.mo.OverallCity = n
		r.checkRank(top.at("overallCity"), l.s.Config.Terms.City+"综合排名", n, l.s.Config.Ranking.CityUnits)
	}
	lines := map[string]int{} // where each indicator's result stands
	for _, rt := range top.tables("result") {
		r.result(rt, lines)
	}
	slices.SortStableFunc(r.mo.Results, func(a, b *Result) int { return cmp.Compare(a.Indicator.Index, b.Indicator.Index) })
	for _, at := range top.tables("adjustment") {
		r.adjustment(at)
	}
	if ct := top.table("categories"); ct != nil {
		r.categories(ct)
	}
	for _, rt := range top.tables("reward") {
		r.reward(rt)
	}
	for _, it := range top.tables("interview") {
		r.interview(it)
	}
	for _, wt := range top.tables("waiver") {
		r.waiver(wt)
	}
	r.unscored()
	r.excludedThroughout()
	r.derive()
	for _, un := range r.unassessed {
		msg := notAssessed(un.u, r.mo.Key)
		if n := len(un.paths); n > 1 {
			msg += fmt.Sprintf("（这个文件中共 %d 处写了它）", n)
		}
		r.f.errorf(un.paths[0], "%s", msg)
	}
	return r.mo
}

// monthRE is a month file's period written as one month: 3月.
var monthRE = regexp.MustCompile(`^(\d{1,2})月$`)

// periodMonths reports a period line that names months other than the
// file's — 5月, 3-1月, 1-13月 or 第一季度 in data/2024-02.toml — or
// nothing: the title would read 2024年1-13月, or the file would stand
// for a period it does not report. It returns false when it reported.
func (r *monthReader) periodMonths(top *record) bool {
	m := r.mo
	if !top.has("period") {
		return true
	}
	// Told as written (１３-２月), read as the title would print it.
	at, p, written := top.at("period"), m.Period, top.text("period")
	file := fmt.Sprintf("%s 是%d月的数据", m.File, m.Month)
	sofar, or := fmt.Sprintf("%d月", m.Month), "" // or the months so far this year
	if m.Month > 1 {
		sofar = fmt.Sprintf("1-%d月", m.Month)
		or = fmt.Sprintf("（或累计的 \"%s\"）", sofar)
	}
	_, ends, _ := namedPeriod(p) // 0 when p names none
	switch first, last, _, span := MonthSpan(p); {
	case p == "":
		r.f.errorf(at, "period（期别）是空的：写上标题所用的期别，如 \"%s\"，或删去这一行（不写则为 \"%d月\"）", sofar, m.Month)
	case span && (first < 1 || last > 12 || first >= last):
		r.f.errorf(at, "period“%s”不是一段月份：前一个月份在前，都在1～12月之间，如 \"%s\"", written, sofar)
	case span && last != m.Month:
		r.f.errorf(at, "%s，period 应以%d月结束，如 \"%s\"，而不是“%s”：标题会写成“%d年%s”", file, m.Month, sofar, written, m.Year, p)
	case monthRE.MatchString(p) && atoi(monthRE.FindStringSubmatch(p)[1]) != m.Month:
		r.f.errorf(at, "%s，period 应为 \"%d月\"%s，而不是“%s”", file, m.Month, or, written)
	case ends > 0 && ends != m.Month:
		r.f.errorf(at, "%s，而“%s”到%d月才结束：它的数据写在 data/%d-%02d.toml 中，period 写 \"%s\"；这个文件的 period 应为 \"%d月\"%s", file, p, ends, m.Year, ends, p, m.Month, or)
	case yearWrittenRE.MatchString(p):
		// The title puts the file's year before the period: 2023年2023年1-2月.
		rest := PeriodText(yearWrittenRE.ReplaceAllString(p, ""))
		if rest == "" {
			rest = sofar
		}
		r.f.errorf(at, "period 不写年份（年份是文件名 %s 的）：写作 \"%s\"，而不是“%s”，否则标题会写成“%d年%s”", m.File, rest, written, m.Year, p)
	case !span && !monthRE.MatchString(p) && ends == 0:
		// Published as written, but likely a slip: 二月, 1、2月, 一至二月.
		r.f.warnf(&m.warnings, at, "警告：period“%s”不是 tongbao 认得的期别（如 \"%d月\"、\"%s\"、\"第一季度\"、\"上半年\"、\"全年\"）：标题照写为“%s”，这个文件按%d月的考核算", written, m.Month, sofar, m.Label(), m.Month)
		return true
	default:
		return true
	}
	return false
}

// yearWrittenRE is a year written at the start of a period: 2023年1-2月.
var yearWrittenRE = regexp.MustCompile(`^\d{4}\s*年(度)?`)

// reportsPeriod reports a month file that is not of a period of kind k,
// which config.toml says the office assesses by ([assessment] period):
// a quarterly office's files are its quarters' last months, each of
// period = "4-6月" or "第二季度" — a file of a month, or of 1-6月, is a
// slip that would otherwise be ranked as the quarter. A monthly office's
// file reports its month whatever its period says (1-3月 of the months
// so far this year).
func (r *monthReader) reportsPeriod(top *record, k PeriodKind) {
	m := r.mo
	if k == Monthly || m.Reads() == k {
		return
	}
	said := k.Said()
	at := ""
	if top.has("period") {
		at = top.at("period")
	}
	want, also := k.Written(m.Month)
	switch {
	case want == "":
		r.f.errorf(at, "%s", k.NotEnding(m.Year, m.Month))
	case at == "":
		r.f.errorf(at, said+"，每个数据文件报告一个%s：%s 缺少 period，应写 period = \"%s\"（或 \"%s\"）", k.Noun(), m.File, want, also)
	default:
		r.f.errorf(at, said+"，每个数据文件报告一个%s：%s 的 period 应为 \"%s\"（或 \"%s\"），而不是 \"%s\"", k.Noun(), m.File, want, also, top.text("period"))
	}
}

// result reads one [[result]]; lines holds the line of each indicator's
// first result, to report a second one.
func (r *monthReader) result(t *table, lines map[string]int) {
	fields := MonthFile.Field("result").Fields
	rec := read(t, fields)
	if !rec.has("indicator") {
		return
	}
	rk := r.l.s.Config.Ranking
	res := &Result{Progress: rec.text("progress"), Line: t.line()}
	if err := markdown.Check([]byte(res.Progress)); err != nil {
		r.f.errorf(rec.at("progress"), "progress 的第%d行第%d列：%s", err.Line, err.Col, err.Msg)
	}
	id := rec.text("indicator")
	res.Indicator = r.l.s.indicators[id]
	switch first, dup := lines[id]; {
	case res.Indicator == nil:
		if hint := r.l.s.IndicatorHint(id); hint != "" {
			r.f.errorf(rec.at("indicator"), "未知指标“%s”%s", id, hint)
		} else {
			r.f.errorf(rec.at("indicator"), "未知指标“%s”：data/indicators.toml 中没有这个 id；不再考核的指标不要从中删去（以前各月仍用它），以后的月份不写它的 [[result]] 即可", id)
		}
	case dup:
		r.f.errorf(rec.at("indicator"), "指标“%s”（%s）的结果重复（第一次在第%d行）", res.Indicator.Name, id, first)
		res.Indicator = nil
	default:
		lines[id] = res.Line
		if r.resultAt == nil {
			r.resultAt = map[string]string{}
		}
		r.resultAt[id] = rec.at("indicator")
	}
	res.DistrictLabel = cmp.Or(rec.text("districtLabel"), r.l.s.Config.Terms.Peer)
	res.DistrictUnits = rk.DistrictUnits
	if n, ok := rec.int("districtUnits"); ok {
		if n <= 0 { // told once: the rank is then checked against [ranking]'s
			r.f.errorf(rec.at("districtUnits"), "districtUnits 应为正整数")
		} else {
			res.DistrictUnits = n
		}
	}
	if n, ok := rec.int("city"); ok {
		res.City = n
		r.checkRank(rec.at("city"), r.l.s.Config.Terms.City+"排名", n, rk.CityUnits)
	}
	if n, ok := rec.int("district"); ok {
		res.District = n
		r.checkRank(rec.at("district"), res.DistrictLabel+"排名", n, res.DistrictUnits)
	}
	res.CityTie, res.DistrictTie = rec.flag("cityTie"), rec.flag("districtTie")
	// A city of the wrong kind is reported as such, not as missing.
	if res.CityTie && !rec.t.has("city") {
		r.f.errorf(rec.at("cityTie"), "有 cityTie 却没有 city")
	}
	if res.DistrictTie && !rec.t.has("district") {
		r.f.errorf(rec.at("districtTie"), "有 districtTie 却没有 district")
	}
	if ind := res.Indicator; ind != nil && ind.Deduct != nil {
		// Its scores are the counts' (derive): a second copy typed by
		// hand is refused, agreeing or not, so that no month holds two.
		r.handDerived(rec, res)
		r.mo.byIndicator[id] = res
		r.mo.Results = append(r.mo.Results, res)
		return
	}
	// An indicator ranked by township may go without scores in a month
	// (not everything is assessed every month): nothing is ranked then.
	r.notApplicable(rec, res)
	r.unreported(rec, res)
	if tt := rec.table("townships"); tt != nil {
		r.scores(tt, res)
	} else {
		for _, k := range []struct {
			key string
			n   int
		}{{"notApplicable", len(res.NotApplicable)}, {"unreported", len(res.Unreported)}} {
			if key := k.key; k.n > 0 {
				noun := res.Indicator.ValueName()
				r.f.errorf(rec.at(key), r.mo.Kind().Reword().Replace("指标“%s”这个月没有%s（没有 [result.townships]），%s 无从说起：删去它，或写上其余%s的%s"), res.Indicator.Name, noun, key, r.l.s.Config.Terms.Unit, noun)
			}
		}
	}
	if res.Indicator != nil {
		r.mo.byIndicator[id] = res
		r.mo.Results = append(r.mo.Results, res)
	}
}

// higherRanks names the ranks from above res has, as a warning says
// them: 全市排名（city）, 三区排名（district）, or both; "" for none.
func (r *monthReader) higherRanks(res *Result) string {
	terms := r.l.s.Config.Terms
	var ranks []string
	if res.City > 0 {
		ranks = append(ranks, terms.City+"排名（city）")
	}
	if res.District > 0 {
		ranks = append(ranks, cmp.Or(res.DistrictLabel, terms.Peer)+"排名（district）")
	}
	return strings.Join(ranks, "和")
}

// handDerived reports the scores and notApplicable a month file writes
// for a derived indicator (Indicator.Deduct): both are the counts'.
func (r *monthReader) handDerived(rec *record, res *Result) {
	ind := res.Indicator
	if tt := rec.table("townships"); tt != nil {
		keys := tt.keys()
		at := tt.path
		if len(keys) > 0 {
			at = tt.at(keys[0])
		}
		for _, k := range keys {
			tt.get(k) // not also an unknown key each
		}
		r.f.errorf(at, "%s的得分%s，不要另行填写：删去这个 [result.townships] 表，只填%s", ind.Name, ind.DeductText(r.mo.Key), deductSources(ind))
	}
	if rec.t.has("notApplicable") {
		rec.t.get("notApplicable")
		r.f.errorf(rec.at("notApplicable"), "%s的得分%s，不涉及的单位写在%s的 notApplicable 中，它们也就没有%s的得分", ind.Name, ind.DeductText(r.mo.Key), deductSources(ind), ind.Name)
	}
	if rec.t.has("unreported") {
		rec.t.get("unreported")
		r.f.errorf(rec.at("unreported"), "%s的得分%s，未报送的单位写在%s的 unreported 中，它们%s的得分也就是未报送", ind.Name, ind.DeductText(r.mo.Key), deductSources(ind), ind.Name)
	}
}

// deductSources names the counts a derived indicator is reckoned from:
// “信访件数”的件数, or “信访件数”“来信件数”的件数.
func deductSources(ind *Indicator) string {
	var b strings.Builder
	for _, d := range ind.Deduct {
		b.WriteString("“" + d.From.Name + "”")
	}
	return b.String() + "的件数"
}

// derive fills in the scores of each indicator derived from counts
// (扣分制, Indicator.Deduct) that the month reports counts of: for each
// township with a count in every one of them, max less per × count,
// summed and rounded exactly in decimals (not in binary floats: 10 −
// 0.5 × 3 is 8.5, not 8.4999…), not below its floor. A township without
// a count is not scored — not applicable, exempt, not yet assessed:
// never given the full score for it. One not applicable to a count is
// not applicable to the score, for the same reason. A month without any
// of the counts reports nothing of the score; one with some and not all
// of them is an error: the score cannot be reckoned.
func (r *monthReader) derive() {
	added := false
	for _, ind := range r.l.s.Indicators {
		if ind.Deduct == nil {
			continue
		}
		var srcs []*Result
		var absent []string
		for _, d := range ind.Deduct {
			if res := r.mo.byIndicator[d.From.ID]; res != nil && (len(res.Scores) > 0 || len(res.NotApplicable) > 0 || len(res.Unscored) > 0) {
				srcs = append(srcs, res)
			} else {
				absent = append(absent, d.From.Name)
			}
		}
		if len(srcs) == 0 {
			continue
		}
		if len(absent) > 0 {
			r.f.errorf(r.resultAt[srcs[0].Indicator.ID], r.mo.Kind().Reword().Replace("%s的得分%s，这个月有“%s”的件数而没有“%s”的：写上它的 [[result]]（没有件数的写 0）"), ind.Name, ind.DeductText(r.mo.Key), srcs[0].Indicator.Name, strings.Join(absent, "”“"))
			continue
		}
		res := r.mo.byIndicator[ind.ID]
		if res == nil {
			res = &Result{Indicator: ind, DistrictLabel: r.l.s.Config.Terms.Peer, DistrictUnits: r.l.s.Config.Ranking.DistrictUnits, Line: srcs[0].Line}
			r.mo.byIndicator[ind.ID] = res
			r.mo.Results = append(r.mo.Results, res)
			added = true
		}
		set := ind.In(r.mo.Key)
		applies := map[*Unit]bool{}
		for _, u := range ind.Townships {
			applies[u] = true
		}
		// A count that does not apply to a township (not in its
		// townships, or 不涉及 this month: 办件超时 of a unit with no
		// 办件) deducts nothing from one the others apply to: written as
		// 0 it would publish a count that is not, and dropping the whole
		// score cost a sum office the item's points. One missing from a
		// count that applies (exempt, unscored) has no score.
		outside := func(i int, u *Unit) bool {
			_, na := srcs[i].Excludes(u)
			return na || !slices.Contains(ind.Deduct[i].From.Townships, u)
		}
		// In the order the counts' tables write them, the first's
		// first: the order of a tie's members (DESIGN.md §5.1).
		var order []*Unit
		seen := map[*Unit]bool{}
		for _, src := range srcs {
			for _, sc := range src.Scores {
				if u := sc.Unit; applies[u] && !seen[u] {
					seen[u] = true
					order = append(order, u)
				}
			}
		}
		scoredUnits := map[*Unit]bool{}
		for _, u := range order {
			left := exact(*set.Max) // the month's 满分
			scored := true
			for i, d := range ind.Deduct {
				v, ok := resultScore(srcs[i], u)
				if !ok && outside(i, u) {
					continue
				}
				if !ok {
					scored = false
					break
				}
				n, _ := new(big.Rat).SetString(roundedText(v, d.From.In(r.mo.Key).Decimals)) // the count as ranked and shown
				left.Sub(left, n.Mul(n, exact(set.Per[i])))
			}
			if !scored {
				continue
			}
			if floor := exact(set.Floor()); left.Cmp(floor) < 0 {
				left = floor
			}
			v, _ := new(big.Rat).SetString(left.FloatString(set.Decimals))
			f, _ := v.Float64()
			res.Scores = append(res.Scores, Score{Unit: u, Value: f})
			scoredUnits[u] = true
		}
		for _, src := range srcs {
			// The circular shows the count through its score (Month.
			// Deducted): a progress text of the count's would not print.
			if src.Progress != "" && len(res.Scores) > 0 {
				r.f.warnf(&r.mo.warnings, r.resultAt[src.Indicator.ID], "警告：“%s”的件数折算为“%s”的得分，通报中不单列它，它的进展（progress）不会印出：写在“%s”的 [[result]] 中", src.Indicator.Name, ind.Name, ind.Name)
			}
			// Nor a rank from above of the count's: it would print, under
			// a name the circular heads no entry with, in the city-bottom
			// list and the appendix, and the score's entry would lack it.
			if ranks := r.higherRanks(src); ranks != "" && len(res.Scores) > 0 {
				r.f.warnf(&r.mo.warnings, r.resultAt[src.Indicator.ID], "警告：“%s”的件数折算为“%s”的得分，通报中不单列它，它的%s却会以“%s”列出（排名靠后的单项目标、附表）：写在“%s”的 [[result]] 中", src.Indicator.Name, ind.Name, ranks, src.Indicator.Name, ind.Name)
			}
			// Not reported of the score: a count not reported leaves
			// its score unknown, which the office's rule ranks as one.
			for _, e := range src.Unreported {
				if _, dup := res.Unreports(e.Unit); applies[e.Unit] && !dup && !scoredUnits[e.Unit] {
					res.Unreported = append(res.Unreported, e)
				}
			}
			// Not applicable to the score: to none of its counts.
			for _, e := range src.NotApplicable {
				_, dup := res.Excludes(e.Unit)
				if !applies[e.Unit] || dup || scoredUnits[e.Unit] {
					continue
				}
				none := true
				for i := range srcs {
					none = none && outside(i, e.Unit)
				}
				if none {
					res.NotApplicable = append(res.NotApplicable, e)
				}
			}
		}
	}
	if added { // in document order, as month sorts the results written
		slices.SortStableFunc(r.mo.Results, func(a, b *Result) int { return cmp.Compare(a.Indicator.Index, b.Indicator.Index) })
	}
}

// exact is v as written in a file: the shortest decimal that reads back
// as v (0.5 is 1/2, 0.1 is 1/10, not the binary 0.1000…0555).
func exact(v float64) *big.Rat {
	r, ok := new(big.Rat).SetString(numberText(v))
	if !ok {
		return new(big.Rat) // NaN or an infinity: not written in a file
	}
	return r
}

// resultScore is u's score in res, if it has one.
func resultScore(res *Result, u *Unit) (float64, bool) {
	for _, sc := range res.Scores {
		if sc.Unit == u {
			return sc.Value, true
		}
	}
	return 0, false
}

// notApplicable reads a result's notApplicable: townships of the
// indicator's set it did not apply to this month (不涉及), each once.
// One outside the set is told, as it would be if scored: the set already
// leaves it out, every month.
func (r *monthReader) notApplicable(rec *record, res *Result) {
	l, f := r.l, r.f
	terms := l.s.Config.Terms
	ind := res.Indicator
	for _, e := range rec.noted("notApplicable") {
		u := r.assessed(e.path, l.township(f, e.path, strings.TrimSpace(e.value)))
		switch _, dup := res.Excludes(u); {
		case u == nil || ind == nil:
		case ind.Townships == nil:
			f.errorf(e.path, "指标“%s”不参与%s排名（indicators.toml 中没有 townships），不必写 notApplicable", ind.Name, terms.Unit)
			return
		case !slices.Contains(ind.Townships, u):
			f.errorf(e.path, "%s“%s”不在指标“%s”的考核范围内（indicators.toml 的 townships），每个月都不涉及，不必写进 notApplicable", terms.Unit, u.Name, ind.Name)
		case dup:
			f.errorf(e.path, "notApplicable 中的%s“%s”重复", terms.Unit, u.Name)
		default:
			res.NotApplicable = append(res.NotApplicable, Exclusion{Unit: u, Reason: e.reason})
			if r.naAt == nil {
				r.naAt = map[*Result]map[*Unit]string{}
			}
			if r.naAt[res] == nil {
				r.naAt[res] = map[*Unit]string{}
			}
			r.naAt[res][u] = e.path
		}
	}
}

// unreported reads a result's unreported: townships of the indicator's
// set that did not report their value this month (未报送), each once,
// none also not applicable (不涉及 is another thing: the work is not
// theirs) and, under unreported = "zero", none of a lower-is-better
// indicator without max, which has no lowest score to give them.
func (r *monthReader) unreported(rec *record, res *Result) {
	l, f := r.l, r.f
	terms := l.s.Config.Terms
	ind := res.Indicator
	for _, e := range rec.noted("unreported") {
		u := r.assessed(e.path, l.township(f, e.path, strings.TrimSpace(e.value)))
		_, na := res.Excludes(u)
		_, dup := res.Unreports(u)
		switch {
		case u == nil || ind == nil:
		case ind.Townships == nil:
			f.errorf(e.path, "指标“%s”不参与%s排名（indicators.toml 中没有 townships），不必写 unreported", ind.Name, terms.Unit)
			return
		case !slices.Contains(ind.Townships, u):
			f.errorf(e.path, "%s“%s”不在指标“%s”的考核范围内（indicators.toml 的 townships），不必报送，不能写进 unreported", terms.Unit, u.Name, ind.Name)
		case dup:
			f.errorf(e.path, "unreported 中的%s“%s”重复", terms.Unit, u.Name)
		case na:
			f.errorf(e.path, r.mo.Kind().Reword().Replace("%s“%s”这个月既写在 notApplicable 中（不涉及），又写在 unreported 中（未报送）：不涉及这项工作的删去 unreported 中的它，应报送而未报送的删去 notApplicable 中的它"), terms.Unit, u.Name)
		default:
			if _, ok := l.s.UnreportedValue(ind, r.mo.Key); !ok {
				f.errorf(e.path, "指标“%s”越低越好，没有 max，未报送的“%s”无从按最低分计（[ranking] unreported = \"zero\"）：在 indicators.toml 中给它写 max，或改用 unreported = \"last\"（排在最后）", ind.Name, u.Name)
				continue
			}
			res.Unreported = append(res.Unreported, Exclusion{Unit: u, Reason: e.reason})
			// Ranked on it, as one scored is: not a township left out
			// of the month (excludedThroughout, unscored).
			if r.scored == nil {
				r.scored = map[*Unit]bool{}
			}
			r.scored[u] = true
			if r.naAt == nil {
				r.naAt = map[*Result]map[*Unit]string{}
			}
			if r.naAt[res] == nil {
				r.naAt[res] = map[*Unit]string{}
			}
			r.naAt[res][u] = e.path
		}
	}
}

func (r *monthReader) adjustment(t *table) {
	rec := read(t, MonthFile.Field("adjustment").Fields)
	a := Adjustment{Reason: rec.text("reason")}
	if rec.has("township") {
		a.Unit = r.assessed(rec.at("township"), r.l.township(r.f, rec.at("township"), rec.text("township")))
	}
	a.Points, _ = rec.number("points")
	if a.Unit != nil {
		r.mo.Adjustments = append(r.mo.Adjustments, a)
	}
}

func (r *monthReader) reward(t *table) {
	rec := read(t, MonthFile.Field("reward").Fields)
	rw := Reward{Reason: rec.text("reason"), Line: t.line()}
	if actions := r.l.s.Config.Terms.Actions; !slices.Contains(actions, RewardAction) {
		r.f.errorf(t.path, "[terms] actions 中没有“%s”，不能写 [[reward]]（现有措施：%s）", RewardAction, strings.Join(actions, "、"))
	}
	if rec.has("unit") {
		rw.Unit = r.assessed(rec.at("unit"), r.l.unit(r.f, rec.at("unit"), rec.text("unit")))
	}
	if n, ok := rec.int("amount"); ok {
		if n < 0 {
			r.f.errorf(rec.at("amount"), "amount 不能为负数")
			n = 0
		}
		rw.Amount = int64(n)
	}
	if rw.Unit != nil {
		r.mo.Rewards = append(r.mo.Rewards, rw)
	}
}

func (r *monthReader) interview(t *table) {
	rec := read(t, MonthFile.Field("interview").Fields)
	iv := Interview{Who: rec.text("who"), Kind: cmp.Or(rec.text("kind"), "约谈"), Reason: rec.text("reason"), Line: t.line()}
	if rec.has("unit") {
		iv.Unit = r.assessed(rec.at("unit"), r.l.unit(r.f, rec.at("unit"), rec.text("unit")))
	}
	actions := r.l.s.Config.Terms.Actions
	switch {
	case iv.Kind == RewardAction:
		r.f.errorf(rec.at("kind"), "奖励应写在 [[reward]] 中（带 amount），不写在 [[interview]] 中")
	case !slices.Contains(actions, iv.Kind):
		var others []string
		for _, a := range actions {
			if a != RewardAction {
				others = append(others, a)
			}
		}
		if rec.text("kind") == "" {
			// The default is not the office's: it wrote no 约谈.
			r.f.errorf(t.path, "没有写 kind（措施）：不写时为约谈，而 [terms] actions 中没有约谈；写上 kind，%s", zh.Spaced("应为", zh.Or(others)))
			break
		}
		r.f.errorf(cmp.Or(pathIf(t, "kind"), t.path), "kind %s（[terms] actions 中的措施），而不是“%s”%s", zh.Spaced("应为", zh.Or(others)), shown(iv.Kind), Suggest(iv.Kind, others))
	}
	if iv.Unit != nil {
		r.mo.Interviews = append(r.mo.Interviews, iv)
	}
}

// waiver reads one [[waiver]]. Whether a rule gives the measure it
// withholds is known only once the month is ranked (rank.Results.Err).
func (r *monthReader) waiver(t *table) {
	rec := read(t, MonthFile.Field("waiver").Fields)
	w := Waiver{Action: rec.text("action"), Reason: rec.text("reason"), Line: t.line(), Last: rec.flag("last")}
	if rec.has("unit") {
		w.Unit = r.assessed(rec.at("unit"), r.l.unit(r.f, rec.at("unit"), rec.text("unit")))
	}
	if w.Last && w.Unit != nil && w.Unit.Kind != Township {
		r.f.errorf(rec.at("last"), "“%s”不参加%s综合考核排名，last = true（一票否决，排名列最后）无从说起：只免予措施的删去 last", w.Unit.Name, r.l.s.Config.Terms.Unit)
		return
	}
	if actions := r.l.s.Config.Terms.Actions; rec.has("action") && !slices.Contains(actions, w.Action) {
		r.f.errorf(rec.at("action"), "%s", badAction(w.Action, actions))
		return
	}
	if w.Unit != nil && w.Action != "" {
		r.mo.Waivers = append(r.mo.Waivers, w)
	}
}

func (r *monthReader) checkRank(at, what string, rank, units int) {
	if rank < 1 || rank > units {
		r.f.errorf(at, "%s %d 超出范围（应为 1～%d）", what, rank, units)
	}
}

// assessed is u if it was assessed in the month read, else nil, the
// mistake noted at at: a unit before its from or after its until (a
// month written before a 行政区划调整 or 机构改革 with the new name, or
// after it with the old). It is told once a unit, where it is first
// written, with how many times the file writes it: one name written
// wrong in every indicator's scores is one mistake, not sixteen.
func (r *monthReader) assessed(at string, u *Unit) *Unit {
	if u == nil || u.AssessedIn(r.mo.Key) {
		return u
	}
	i := slices.IndexFunc(r.unassessed, func(un unassessedUnit) bool { return un.u == u })
	if i < 0 {
		i = len(r.unassessed)
		r.unassessed = append(r.unassessed, unassessedUnit{u: u})
	}
	r.unassessed[i].paths = append(r.unassessed[i].paths, at)
	return nil
}

// notAssessed says why u has nothing in month, which it was not assessed in.
func notAssessed(u *Unit, month string) string {
	if u.InSpan(month) { // within its span: exempted from this month
		return fmt.Sprintf("“%s”%s 免于考核（units.toml 的 exempt），这个月没有它", u.Name, month)
	}
	if u.From != "" && month < u.From {
		was := ""
		if len(u.Was) > 0 {
			was = "；此前应写作“" + strings.Join(names(u.Was), "”或“") + "”"
		}
		return fmt.Sprintf("“%s”从 %s 起参加考核（units.toml 的 from），%s 没有它%s", u.Name, u.From, month, was)
	}
	became := ""
	if u.Became != nil {
		became = "；此后应写作“" + u.Became.Name + "”"
	}
	return fmt.Sprintf("“%s”在 %s 之后不再参加考核（units.toml 的 until），%s 没有它%s", u.Name, u.Until, month, became)
}

func (l *loader) unit(f *tomlFile, at, key string) *Unit {
	if u := l.s.units[key]; u != nil {
		return u
	}
	f.errorf(at, "%s", l.unknownUnit(key))
	return nil
}

// unknownUnit says that no unit is named key: one units.toml has not
// yet or no longer (hidden), or a misspelt name, with a suggestion.
func (l *loader) unknownUnit(key string) string {
	if msg := l.s.hidden("单位", key); msg != "" {
		return msg
	}
	return fmt.Sprintf("未知单位“%s”%s", key, Suggest(key, append(names(l.s.Townships), names(l.s.Departments)...)))
}

// badAction says that action is not one of the office's measures
// ([terms] actions), with a suggestion.
func badAction(action string, actions []string) string {
	return fmt.Sprintf("action %s（[terms] actions 中的措施），而不是“%s”%s", zh.Spaced("应为", zh.Or(actions)), shown(action), Suggest(action, actions))
}

// townshipBeside is township for a key of a table of scores that has
// those of scored: a typo is suggested a township without one, never a
// township the table scores already — 东峰村, typed for 东峰社区, is one
// character from 东风村, whose score is the line above (Misnamed, as a
// workbook's rows are told).
func (l *loader) townshipBeside(f *tomlFile, at, key string, scored map[*Unit]bool) *Unit {
	u, err := l.s.Township(key)
	if err != nil {
		var absent []*Unit
		for _, t := range l.s.Townships {
			if !scored[t] {
				absent = append(absent, t)
			}
		}
		f.errorf(at, "%s", l.s.Misnamed(key, err, absent, false))
	}
	return u
}

// scores reads [result.townships] and checks it against the indicator's
// applicable townships: every one scored once, no other.
func (r *monthReader) scores(tt *table, res *Result) {
	l, f := r.l, r.f
	terms := l.s.Config.Terms
	got := map[*Unit]float64{}
	var order []*Unit  // as the file writes them: the order of a tie's members (DESIGN.md §5.1)
	var wrong []string // names that are no township of the month, reported
	keys := map[*Unit]string{}
	var asText []string // the keys of scores written as text
	noun := "得分"        // what its values are called: a count's 件数 (Indicator.ValueName)
	if res.Indicator != nil {
		noun = res.Indicator.ValueName()
	}
	scored := map[*Unit]bool{}
	for _, k := range tt.keys() {
		if u, err := l.s.Township(k); err == nil {
			scored[u] = true
		}
	}
	for _, k := range tt.keys() {
		v, text := r.score(tt, k, noun)
		if text {
			asText = append(asText, k)
		}
		u := r.assessed(tt.at(k), l.townshipBeside(f, tt.at(k), k, scored))
		if u == nil {
			wrong = append(wrong, k)
			continue
		}
		if _, dup := got[u]; dup {
			f.errorf(tt.at(k), "%s“%s”的%s重复（名称和 slug 指同一单位）", terms.Unit, u.Name, noun)
			continue
		}
		got[u], keys[u] = v, k
		order = append(order, u)
	}
	tt.done()
	r.quotedScores(tt, asText, noun)
	ind := res.Indicator
	if ind == nil {
		return
	}
	if ind.Townships == nil {
		f.errorf(tt.path, "指标“%s”不参与%s排名（indicators.toml 中没有 townships），不应有%s", ind.Name, terms.Unit, noun)
		return
	}
	applicable := map[*Unit]bool{}
	var missing []*Unit
	assessed := 0 // the applicable townships assessed this month
	for _, u := range ind.Townships {
		applicable[u] = true
		if _, na := res.Excludes(u); !u.AssessedIn(r.mo.Key) || na {
			continue
		}
		if _, un := res.Unreports(u); un {
			continue // reported as not reported: nothing is missing
		}
		assessed++
		if _, ok := got[u]; !ok {
			missing = append(missing, u)
		}
	}
	rest, unsure := r.stillMissing(missing, wrong, l.s.Townships)
	// The indicator by its name, as the staff who fill in the scores
	// know it and as the month's warnings name it (a score far out of
	// the others', a result left empty): the id is the file's key, and
	// the line number already leads to it.
	switch {
	case l.draft || l.drafts[r.mo.Key]:
		res.Unscored = missing
	case unsure > 0 && len(rest) <= unsure:
		// Each could be one of the names not recognised, already
		// reported: saying it is missing as well would only repeat it.
	case unsure > 0:
		f.errorf(tt.path, "指标“%s”缺少%s%s的%s（%s）", ind.Name, terms.Unit, quoted(names(rest)), ind.ValueName(), unsureHint(wrong, unsure))
	case len(rest) > 1 && len(rest) == assessed:
		// A table not begun is one problem, not one per unit: a month
		// being filled in has a dozen of them.
		// Whose table it is: the one to ask for it.
		by := ""
		if owners := ind.OwnersIn(r.mo.Key); len(owners) > 0 {
			by = "，应由" + strings.Join(names(owners), "、") + "填报"
		}
		f.errorf(tt.path, r.mo.Kind().Reword().Replace("指标“%s”缺少全部 %d 个%s的%s%s（本月不评分的指标，删去它的 [result.townships] 表）"), ind.Name, len(rest), r.l.s.UnitsCalled(rest), ind.ValueName(), by)
	default:
		for _, u := range rest {
			r.missing = append(r.missing, missingScore{u, tt.path, ind.Name, ind.ValueName(), len(res.NotApplicable) > 0, len(res.Unreported) > 0})
		}
	}
	for u := range got {
		r.scored[u] = true
	}
	for _, k := range tt.keys() {
		if u := l.s.units[k]; u != nil && u.Kind == Township && !applicable[u] {
			// indicators.toml written with the name a township has now:
			// the earlier one is not in it (its months could not say
			// which indicators it had).
			hint := ""
			for b := u.Became; b != nil; b = b.Became {
				if applicable[b] {
					hint = fmt.Sprintf("；indicators.toml 中这一项写的是接续它的“%s”，要把“%s”也写进它的 townships", b.Name, u.Name)
					break
				}
			}
			f.errorf(tt.at(k), "%s“%s”不在指标“%s”的考核范围内%s", terms.Unit, u.Name, ind.Name, hint)
		}
	}
	for _, u := range order {
		if _, na := res.Excludes(u); na {
			line, _ := f.position(r.naAt[res][u])
			f.errorf(tt.at(keys[u]), r.mo.Kind().Reword().Replace("%s“%s”这个月不涉及指标“%s”（第%d行 notApplicable），却又有%s：不涉及就删去这个%s，涉及就从 notApplicable 中删去它"), terms.Unit, u.Name, ind.Name, line, ind.ValueName(), ind.ValueName())
			continue
		}
		if _, un := res.Unreports(u); un {
			line, _ := f.position(r.naAt[res][u])
			f.errorf(tt.at(keys[u]), r.mo.Kind().Reword().Replace("%s“%s”这个月未报送指标“%s”（第%d行 unreported），却又有%s：已报送的就从 unreported 中删去它，未报送的就删去这个%s"), terms.Unit, u.Name, ind.Name, line, ind.ValueName(), ind.ValueName())
			continue
		}
		if applicable[u] {
			res.Scores = append(res.Scores, Score{Unit: u, Value: got[u]})
		}
	}
	// Outside the indicator's range: typed wrong, whatever the others are.
	inRange := true
	// A count's max and min bound it, not a score's 满分 and 最低分.
	top, bottom := "满分", "最低分"
	if ind.IsCount() {
		top, bottom = "上限", "下限"
	}
	// The month's bounds: a 满分 changed from a month bounds that month
	// on, and the months before keep theirs.
	set := ind.In(r.mo.Key)
	for _, sc := range res.Scores {
		switch v := sc.Value; {
		case set.Max != nil && v > *set.Max:
			f.errorf(tt.at(keys[sc.Unit]), "指标“%s”中%s的%s %s 高于%s %s（%s）：是否打错了？", ind.Name, sc.Unit.Name, ind.ValueName(), numberText(v), top, numberText(*set.Max), ind.boundSource(r.mo.Key, "max"))
			inRange = false
		case set.Min != nil && v < *set.Min:
			f.errorf(tt.at(keys[sc.Unit]), "指标“%s”中%s的%s %s 低于%s %s（%s）：是否打错了？", ind.Name, sc.Unit.Name, ind.ValueName(), numberText(v), bottom, numberText(*set.Min), ind.boundSource(r.mo.Key, "min"))
			inRange = false
		}
	}
	var slipped map[*Unit]bool
	if inRange {
		slipped = r.warnSlips(tt, ind, res.Scores, keys)
	}
	// A count's decimals default to 0: a fraction (an average, 2.5 件 a
	// village) would be rounded unseen, 2.5 tied with 3.
	// Written decimals are the office's choice, but a score with more
	// digits is as unseen when rounded (85.46 and 85.45 both 85.5, tied):
	// ranks follow the rounded value (DESIGN.md §5.1), so it is said.
	written := ind.DecimalsWritten(r.mo.Key)
	for _, sc := range res.Scores {
		// A slip (0.932 among 82.3 to 95.6) is told of already, and its
		// digits are the slip's, not a finer measure.
		n := fractionDigits(sc.Value)
		if n <= set.Decimals || slipped[sc.Unit] {
			continue
		}
		switch {
		case written:
			r.f.warnf(&r.mo.warnings, tt.at(keys[sc.Unit]), "警告：指标“%s”写了 decimals = %d，按%s比较和显示，而%s的%s %s 有%d位小数，四舍五入为 %s 排名，与四舍五入后%s相同的单位并列；%s确需%d位小数的，在 data/indicators.toml 中把这一项改为 decimals = %d",
				ind.Name, set.Decimals, decimalsText(set.Decimals), sc.Unit.Name, noun, numberText(sc.Value), n, roundedText(sc.Value, set.Decimals), noun, noun, n, min(n, 6))
		case ind.Counted && set.Decimals == 0:
			r.f.warnf(&r.mo.warnings, tt.at(keys[sc.Unit]), "警告：指标“%s”的计量单位是“%s”，没有写 decimals，按整数比较和显示，而%s的%s %s 有小数，会按 %s 排名；%s确有小数的，在 data/indicators.toml 中给这一项写 decimals（如 decimals = 2）",
				ind.Name, ind.ScoreUnit, sc.Unit.Name, noun, numberText(sc.Value), roundedText(sc.Value, 0), noun)
		default:
			continue
		}
		break
	}
}

// fractionDigits is how many digits v has after the point as written
// (its shortest decimal form, as numberText shows it): 2 of 85.46.
func fractionDigits(v float64) int {
	_, frac, _ := strings.Cut(numberText(v), ".")
	return len(frac)
}

// roundedText is v rounded to decimals places, half away from zero, as
// ranking rounds it (rank.Round): of its decimal form, so 2.675 is 2.68.
func roundedText(v float64, decimals int) string {
	r, ok := new(big.Rat).SetString(numberText(v))
	if !ok {
		return numberText(v)
	}
	return r.FloatString(decimals)
}

// decimalsText is how a comparison at n decimals is said: 整数, 1位小数.
func decimalsText(n int) string {
	if n == 0 {
		return "整数"
	}
	return strconv.Itoa(n) + "位小数"
}

// unscored tells the scores missing one by one (scores), but a township
// that has no score in the whole month, missing from two tables or more,
// once: a township whose data did not come in for the month (数据报送不全)
// is left out of every table, and five lines, one per indicator, did not
// say that such a month is written as exempt in units.toml.
func (r *monthReader) unscored() {
	terms := r.l.s.Config.Terms
	count := map[*Unit]int{}
	for _, m := range r.missing {
		count[m.u]++
	}
	nouns := map[*Unit][]string{} // what its missing values are called: 得分, a count's 件数
	for _, m := range r.missing {
		if !slices.Contains(nouns[m.u], m.noun) {
			nouns[m.u] = append(nouns[m.u], m.noun)
		}
	}
	told := map[*Unit]bool{}
	for _, m := range r.missing {
		switch {
		case count[m.u] < 2 || r.scored[m.u]:
			if off := commentedScore(r.f, m.path, m.u); off >= 0 {
				// A draft (tongbao new) holds the score's line commented
				// out: the table's header is not where to type it.
				line, col := r.f.lineCol(off)
				r.f.diags.Add(r.f.name, line, col, "指标“%s”缺少%s“%s”的%s：这一行还是注释，填上%s后去掉行首的 #", m.indicator, terms.Unit, m.u.Name, m.noun, m.noun)
				continue
			}
			r.f.errorf(m.path, "指标“%s”缺少%s“%s”的%s：%s", m.indicator, terms.Unit, m.u.Name, m.noun, r.missingHint(m))
		case !told[m.u]:
			told[m.u] = true
			noun := strings.Join(nouns[m.u], "或")
			r.f.errorf(m.path, r.mo.Kind().Reword().Replace("%s“%s”在 %s 没有任何%s（%d 项指标都缺少它的%s）：请填上它的%s；它这个月不参加考核（免于考核、数据报送不全等）的，在 data/units.toml 中它的 [[township]] 写 exempt = [\"%s\"]，这个月的各项排名就不含它"), terms.Unit, m.u.Name, r.mo.Key, noun, count[m.u], noun, noun, r.mo.Key)
		}
	}
}

// missingHint is what to do of one unit's value missing from one
// result, in the month file's words: fill it in; when the work does not
// concern the unit that month, list it in the result's notApplicable
// with a reason; when the unit did not report it in time, in its
// unreported (docs/reference.md) — the only three things the missing
// value can mean, where the message said what was wrong alone, and the
// one for a unit with no value at all says its remedy.
//
// A month made from a workbook (ParseMonth with places: tongbao import)
// is told in the workbook's words, whose cell says 不涉及 for
// notApplicable and 未报送 for unreported.
func (r *monthReader) missingHint(m missingScore) string {
	if r.l.place != nil {
		return r.mo.Kind().Reword().Replace("请填上；本月这项工作不涉及它的，填“不涉及”，逾期未报送的，填“未报送”，要写明原因的填“不涉及（原因）”或“未报送（原因）”")
	}
	entry := fmt.Sprintf("{township = %s, reason = \"不涉及的原因\"}", Quote(m.u.Name))
	where := "在这一项的 [result.townships] 之前写 notApplicable = [" + entry + "]"
	if m.listed {
		where = "在这一项的 notApplicable 中加上 " + entry
	}
	late := fmt.Sprintf("在这一项的 [result.townships] 之前写 unreported = [%s]", Quote(m.u.Name))
	if m.reported {
		late = fmt.Sprintf("在这一项的 unreported 中加上 %s", Quote(m.u.Name))
	}
	return r.mo.Kind().Reword().Replace("请填上它的" + m.noun + "；这个月这项工作不涉及它的，" + where + "，这一项的排名就不含它；它逾期未报送的，" + late)
}

// excludedThroughout warns of a township left out (notApplicable) of
// every result that would rank it and scored in none: it has no
// composite either, and the month's rankings leave it out as if it were
// exempted, which units.toml would say, and the appendix with it.
func (r *monthReader) excludedThroughout() {
	for _, u := range r.l.s.Townships {
		if r.scored[u] {
			continue
		}
		var first string
		var inds []*Indicator // what its values would be: 得分, a count's 件数
		for _, res := range r.mo.Results {
			if at := r.naAt[res][u]; at != "" {
				first = cmp.Or(first, at)
				inds = append(inds, res.Indicator)
			}
		}
		if first != "" {
			r.f.warnf(&r.mo.warnings, first, r.mo.Kind().Reword().Replace("警告：%s“%s”这个月不涉及它参与排名的每一项，没有任何%s，也就不参加综合考核排名；这个月它免于考核的，在 data/units.toml 中写 exempt = [\"%s\"]"), r.l.s.Config.Terms.Unit, u.Name, ValuesName(inds), r.mo.Key)
		}
	}
}

// commentedScore is the offset of u's score line, commented out, in the
// score table at path of f as the file writes it (# "甲镇" = …, as
// tongbao new writes them), or -1: none, or a table placed elsewhere
// (a workbook's cells, see placeUp).
func commentedScore(f *tomlFile, path string, u *Unit) int {
	start, ok := f.pos[path]
	if !ok || placeUp(f.place, path) != "" {
		return -1
	}
	// The table ends at the next header.
	body, _, _ := strings.Cut(f.src[start:], "\n")
	from := start + len(body) + 1
	if from > len(f.src) {
		return -1
	}
	end := len(f.src)
	for off := from; off < len(f.src); {
		line, _, _ := strings.Cut(f.src[off:], "\n")
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "[") {
			end = off
			break
		}
		off += len(line) + 1
	}
	for _, key := range []string{`"` + u.Name + `"`, u.Name, `"` + u.Slug + `"`, u.Slug} {
		if key == "" || key == `""` {
			continue
		}
		if off := commentedKey(f.src[from:end], key); off >= 0 {
			return from + off
		}
	}
	return -1
}

// stillMissing is what of missing is missing for sure, once each of the
// names of the same table that are no unit of the month (wrong, each
// reported already, with a suggestion where there is one) is taken as
// the unit it most likely means: the one the suggestion names, the name
// without its stray spaces, the unit that continues a unit no longer
// assessed. unsure counts the names that mean none of missing, as far as
// can be told: any of the rest may be theirs. A misspelt name thus hides
// the one unit it means, not every other unit still missing.
func (r *monthReader) stillMissing(missing []*Unit, wrong []string, candidates []*Unit) (rest []*Unit, unsure int) {
	meant := map[*Unit]bool{}
	for _, k := range wrong {
		u := r.l.s.units[cleanName(k)]
		if u == nil {
			u = r.l.s.units[Nearest(k, names(candidates))]
		}
		for u != nil && !slices.Contains(missing, u) {
			u = u.Became // a unit no longer assessed: the one continuing it
		}
		if u == nil || meant[u] {
			unsure++
			continue
		}
		meant[u] = true
	}
	for _, u := range missing {
		if !meant[u] {
			rest = append(rest, u)
		}
	}
	return rest, unsure
}

// unsureHint says that names not recognised (wrong, unsure of which mean
// no unit known) may be some of the units said to be missing.
func unsureHint(wrong []string, unsure int) string {
	if unsure == 1 && len(wrong) == 1 {
		return fmt.Sprintf("表中未能识别的“%s”若指其中之一，改正名称即可", shown(wrong[0]))
	}
	return "表中未能识别的名称若指其中的单位，改正名称即可"
}

// quoted is names, each in quotation marks: “甲镇”“乙镇”.
func quoted(names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString("“" + n + "”")
	}
	return b.String()
}

// score reads one township's score: a number, or a number written as
// text, which ParseScore reads (full-width digits, spaces around it) or
// explains ("95%"). noun is what the value is called: 得分, a count's 件数.
func (r *monthReader) score(tt *table, key, noun string) (v float64, text bool) {
	if s, ok := tt.m[key].(string); ok {
		tt.used[key] = true
		n, err := ParseScore(s)
		switch {
		case err == nil:
		case listWord(s) != "":
			r.f.errorf(tt.at(key), "%s的%s“%s”不是数：%s", shown(key), noun, Visible(s), listWordHint(listWord(s), key, noun))
		default:
			r.f.errorf(tt.at(key), "%s的%s%v", shown(key), noun, err)
		}
		return n, err == nil
	}
	v, _ = tt.float(key)
	return v, false
}

// listWord is 不涉及 or 未报送 if a score's text is that word, alone or with
// a reason in brackets, as a workbook's cell says it (MarkReason); else
// "". A clerk who has filled workbooks writes the month file so too.
func listWord(s string) string {
	for _, w := range []string{"不涉及", "未报送"} {
		if _, ok := MarkReason(s, w); ok {
			return w
		}
	}
	return ""
}

// listWordHint says where a month file writes what a workbook's cell says
// with word (listWord) for the unit key: in the result's list of that
// name, before its scores.
func listWordHint(word, key, noun string) string {
	list, what := "notApplicable", "本月这项工作不涉及它的"
	if word == "未报送" {
		list, what = "unreported", "它逾期未报送的"
	}
	return fmt.Sprintf("%s，不写它的%s，在这一项的 [result.townships] 之前写 %s = [\"%s\"]，要写明原因的写 %s = [{township = \"%s\", reason = \"原因\"}]", what, noun, list, key, list, key)
}

// quotedScores warns of the scores of a table written as text, keys,
// read as numbers (DESIGN §4 tolerates them: a score pasted from a
// spreadsheet comes quoted, full-width or spaced): a clerk who sees 93.2
// published should still learn the file says "93.2", which the next
// "93.2%" would not pass. One warning a table, at its first: a column
// pasted whole is one slip, not twelve. noun is what the table holds:
// 得分, a count's 件数.
func (r *monthReader) quotedScores(tt *table, keys []string, noun string) {
	if len(keys) == 0 {
		return
	}
	k := keys[0]
	s := tt.m[k].(string)
	plain := strings.ReplaceAll(strings.Map(halfWidth, trimInvisible(s)), ",", "")
	fix := fmt.Sprintf("请去掉引号，写作 %s = %s", Quote(k), plain)
	if len(keys) == 1 {
		r.f.warnf(&r.mo.warnings, tt.at(k), "警告：%s的%s %s 带引号，是文字而不是数；已按 %s 读取，%s", shown(k), noun, Quote(s), plain, fix)
		return
	}
	r.f.warnf(&r.mo.warnings, tt.at(k), "警告：这张%s表中有 %d 个%s带引号，是文字而不是数（如%s的 %s）；已按数读取，请去掉这些引号，如 %s = %s",
		noun, len(keys), noun, shown(k), Quote(s), Quote(k), plain)
}

// categories reads [categories]: every department assessed in the month
// exactly once.
func (r *monthReader) categories(ct *table) {
	l, f := r.l, r.f
	terms := l.s.Config.Terms
	seen := map[*Unit]string{}
	var wrong []string // names that are no department of the month, reported
	notList := false   // a category not a list, reported: whom it lists is unknown
	for _, name := range ct.keys() {
		c := Category{Name: name}
		elems := ct.strings(name)
		if elems == nil {
			notList = true
		}
		for _, e := range elems {
			u := l.s.units[e.value]
			switch {
			case u == nil:
				wrong = append(wrong, e.value)
				if msg := l.s.hidden("单位", e.value); msg != "" {
					f.errorf(e.path, "%s", msg)
				} else {
					f.errorf(e.path, "未知单位“%s”%s", e.value, Suggest(e.value, names(l.s.Departments)))
				}
			case u.Kind != Department:
				f.errorf(e.path, "“%s”是%s，不参与%s排类", e.value, terms.Unit, terms.Department)
			case seen[u] != "":
				f.errorf(e.path, "%s“%s”在排类中重复（已列入“%s”）", terms.Department, u.Name, seen[u])
			case r.assessed(e.path, u) == nil:
				wrong = append(wrong, e.value) // the name of another month
			default:
				seen[u] = name
				c.Units = append(c.Units, u)
			}
		}
		r.mo.Categories = append(r.mo.Categories, c)
	}
	ct.done()
	if notList {
		return
	}
	if l.drafts[r.mo.Key] {
		// The preview's draft of the month (LoadDraft): a department not
		// sorted yet is still to come, as a score is — the draft lists
		// the categories as they stand, and the preview's own load of
		// the month reports it. ParseDraftMonth (export) still does, as
		// it says: only scores may be missing there.
		return
	}
	var missing []*Unit
	for _, u := range l.s.Departments {
		if seen[u] == "" && u.AssessedIn(r.mo.Key) {
			missing = append(missing, u)
		}
	}
	// As with scores: a misspelt name is reported with a suggestion, and
	// the department it means is not missing as well.
	switch rest, unsure := r.stillMissing(missing, wrong, l.s.Departments); {
	case unsure > 0 && len(rest) <= unsure:
	case unsure > 0:
		f.errorf(ct.path, "%s%s未列入 [categories]（%s）", terms.Department, quoted(names(rest)), unsureHint(wrong, unsure))
	default:
		for _, u := range rest {
			f.errorf(ct.path, "%s“%s”未列入 [categories]", terms.Department, u.Name)
		}
	}
}

// numberText writes a number of the data as staff wrote it: 38.4, 40.
func numberText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
