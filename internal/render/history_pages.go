package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the history pages (DESIGN.md §7) from the arranged
// history (history_model.go): a unit's, an indicator's, and /rankings/.

// history is the part of the site that renders the history pages. The
// history is arranged by the first job that needs it and shared by the
// others; listing the jobs arranges nothing (the sitemap lists them all).
type history struct {
	*core
	once sync.Once
	m    *historyModel
}

func (h *history) model() *historyModel {
	h.once.Do(func() { h.m = newHistoryModel(h.core) })
	return h.m
}

// each declares, for every period, its ref and what reads(p) names.
func (h *history) each(reads func(*rank.Period) []input) []input {
	in := []input{global(), newest()}
	for _, p := range h.res.Periods {
		in = append(append(in, refIn(p)), reads(p)...)
	}
	return in
}

// jobs are the history pages. Each is keyed by what the periods say of
// its unit or indicator, so that in the preview server a moved score
// renders again only the pages it moves; and quickly by every period
// whole, so that a save that changes no period keys none of them in
// detail.
func (h *history) jobs() []job {
	var jobs []job
	quick := []input{global(), newest(), periods()}
	add := func(path string, o owner, reads func(*rank.Period) []input, fn func() ([]byte, error)) {
		jobs = append(jobs, job{path: path, owner: o, quick: quick, lazy: func() []input { return h.each(reads) }, fn: fn})
	}
	for _, u := range h.s.Townships {
		add(unitPath(u)+"index.html", own("单位“%s”的历史页", u.Name),
			h.townshipReads(u), func() ([]byte, error) { return h.townshipPage(u) })
	}
	for _, u := range h.s.Departments {
		add(unitPath(u)+"index.html", own("单位“%s”的历史页", u.Name), h.departmentReads(u),
			func() ([]byte, error) { return h.departmentPage(u) })
	}
	for _, ind := range h.s.Indicators {
		add(indicatorPath(ind)+"index.html", own("指标“%s”的历史页", ind.Name),
			func(p *rank.Period) []input { return []input{indicatorIn(p, ind)} },
			func() ([]byte, error) { return h.indicatorPage(ind) })
	}
	add("rankings/index.html", own("历次考核排名页"),
		func(p *rank.Period) []input { return []input{compositeIn(p)} }, h.rankingsPage)
	return jobs
}

// unitReads is what a unit's page reads of a period: its own ranks or
// category, and the ranks of the indicators it owns.
func (h *history) unitReads(u *site.Unit) func(*rank.Period) []input {
	var owned []*site.Indicator
	for _, ind := range h.s.Indicators {
		for _, o := range ind.Owners {
			if o == u {
				owned = append(owned, ind)
			}
		}
	}
	return func(p *rank.Period) []input {
		in := []input{unitIn(p, u)}
		for _, ind := range owned {
			in = append(in, indicatorIn(p, ind))
		}
		return in
	}
}

// townshipReads is what a township's page reads of a period: what
// unitReads says, and the others' ranks its lead reads — how many were
// ranked with it (the composite), the indicators' bottom groups and
// first scores, and the streaks toward the rules, which select from
// either in every period before: the period's rankings, not its results'
// progress texts, so that a save of one (the commonest in the preview)
// does not render every township's page again.
func (h *history) townshipReads(u *site.Unit) func(*rank.Period) []input {
	own := h.unitReads(u)
	return func(p *rank.Period) []input { return append(own(p), rankingsIn(p)) }
}

// departmentReads is what a department's page reads of a period: what
// unitReads says, and, of a department that continues exactly one other
// (a 机构改革's new name), that one's category too, which its lead's
// first period is compared with (departmentLead). The runs toward a city
// rule read the entries it owns, which its predecessor owned too.
func (h *history) departmentReads(u *site.Unit) func(*rank.Period) []input {
	own := h.unitReads(u)
	if len(u.Was) != 1 {
		return own
	}
	return func(p *rank.Period) []input { return append(own(p), unitIn(p, u.Was[0])) }
}

func unitPath(u *site.Unit) string { return "units/" + u.Slug + "/" }

func indicatorPath(ind *site.Indicator) string { return "indicators/" + ind.ID + "/" }

// Link is a named link to a page of the site.
type Link struct {
	Name string
	Path string
	Note string // e.g. the latest rank, shown after the link
}

// UnitView is a township's or a department's page.
type UnitView struct {
	Name     string
	Slug     string
	Township bool
	Kind     string // [terms] unit or department
	Group    string // its unit group, when units.toml has groups
	// Peers are the units it is ranked among, in the office's words: a
	// kind all of them are of (zh.Kind: 街道 of a 城区组 of streets), or
	// [terms] unit. The matrix's note says its rank is among those of
	// them ranked on the indicator (在参与该项排名的乡镇（街道）中): an
	// indicator of some units ranks fewer than all.
	Peers     string
	GroupID   string // the id of the heading of /units/ that lists it (index.go)
	CityLabel string // [terms] city
	PeerLabel string // [terms] peer
	// Township pages: the composite rank over time as a chart and, right
	// after it, as the rows of a table (月份, 综合排名, 变化, 综合得分),
	// newest first.
	Chart     template.HTML
	Composite template.HTML
	// Latest is its newest composite rank, within its group when units.toml
	// has groups (2024年3月城区组综合考核排名第一: first of three, not of
	// the eleven the page's reader would otherwise count).
	Latest string // 2023年1-2月综合考核排名第三
	// LatestOf is how many were ranked with it that period (its group's,
	// or every township's), LatestChange how its rank moved from the
	// period before, in the composite table's words with 比/与上月 before
	// them: 比上月下降3位, 与上月持平, 上月无排名. A 党委副书记 opening the
	// page the day a circular comes out asks first where they stand and
	// whether it is better or worse, which the table's first row says only
	// in an arrow and the count of rows nowhere.
	LatestOf     int
	LatestChange string
	// LatestOverall is its place in the overall ranking of that period,
	// of every group's units together (全县排名第十二（共64个）), where the
	// office ranks overall ([ranking] overall); "" otherwise.
	LatestOverall string
	// OverallHeader heads the composite table's column of its overall
	// ranks (全县排名) beside its group's; "" without one.
	OverallHeader string
	// LatestPath is the circular reporting Latest's period, LatestPeriod
	// that period (2023年2月) and LatestRank the rest (综合考核排名第十一):
	// the lead links the period to where the circular names the unit.
	// A department's Latest is its 考核排类 (LatestRank 考核排类为二类,
	// LatestChange 上月为一类 or 与上月相同), and LatestPeriod and
	// LatestPath are its newest period's even without one: the lead's
	// next line links them then (departmentLead).
	LatestPath   string
	LatestPeriod string
	LatestRank   string
	// Streaks say how near the office's rules with a streak (config.toml
	// [[rule]] streak) it stands after the newest period, one sentence a
	// rule: 已连续2个月综合考核排名后两名，再有1个月如此，按规则予以提醒约谈.
	// Computed from the rules as the measures are (rank.Streaks), never
	// guessed; none for an office without such rules.
	Streaks []string
	// Grades say its level in the newest period each [[grade]] graded
	// it in, with how often it was given each level before: 2024年综合考核
	// 评定为优秀等次（共评定3次：优秀2次、良好1次）. None for an office
	// that grades nothing.
	Grades []string
	// Lagging are the indicators it was in the bottom group of (后三, or
	// 靠后 where a tie or a short group leaves no exact three, as the
	// circular's lists say) in its newest ranked period, worst first, at
	// most three: what pulled its composite down, with its score and the
	// first's. LaggingWords names the group (街道组排名后三), LaggingAll
	// counts them all when there are more than three.
	Lagging      []LaggingIndicator
	LaggingWords string
	LaggingAll   int
	// OverallLagging are, where the office ranks overall, the indicators
	// it was in the overall ranking's bottom group of but not its
	// group's, worst first, at most three, each with its group's place
	// (Other); OverallLaggingWords names that group (全县排名后十, after
	// Lagging 另有全县排名后十), OverallLaggingAll counts them all when
	// there are more than three.
	OverallLagging      []LaggingIndicator
	OverallLaggingWords string
	OverallLaggingAll   int
	// Bottom are the indicators it owns (a department's, or a ranked
	// unit's that owns some) that the lead's period lists among its
	// 排全市后三的单项目标 (§5.6), in document order, each with where it
	// stands as the list says it (Note: 排名第十一); BottomWords names
	// the list as the circular does. BottomNone says that none is, though
	// some ranked from above that period: 负责指标中没有排全市后三的单项
	// 目标, which its 局长 asks first. Neither for an office never given a
	// rank from above, nor for a unit owning no indicator so ranked.
	Bottom      []Link
	BottomWords string
	BottomNone  bool
	// PeriodMeasures are the measures the lead's period gave it, each as
	// a clause of a sentence, MeasuresWhen the period the sentence opens
	// with: 本月予以奖励3万元（信访维稳全市排名第一）；对其行政负责人予以约谈（…）.
	// What the circular out that day did to it, which the year's count
	// below does not tell from the months before. MeasuresWhen is 本月
	// (本季度, 本期) of the archive's newest period, and that period's name
	// of an older one (2025年6月: a unit no longer assessed, or exempted
	// since), which a reader months later would not take 本月 to be.
	PeriodMeasures []string
	MeasuresWhen   string
	// YearMeasures counts the measures of the newest period's year by
	// action, in the order they were last given: 提醒约谈1次、奖励2次, for
	// the lead to say and 奖惩情况 below to list; "" when none.
	MeasureYear  int
	YearMeasures string
	// Span says when a unit set up, abolished, merged or renamed within
	// the archive was assessed ("2022年7月起参加考核"); "" for one always
	// assessed. Was are the units it continues, Became the one that
	// continues it (units.toml became).
	Span string
	// Exempt are the months it was exempted from (免考), each with its
	// reason where units.toml gives one: 2024年2月（数据报送不全）; its
	// matrix's cells say 免考, its composite table's a dash, which it says
	// 免考 to a screen reader.
	Exempt []string
	// NotApplicable are the indicators that did not apply to it in a
	// month (不涉及), newest first, each with its month and reason:
	// 2024年2月规模工业增加值（本月无规模以上工业企业）.
	NotApplicable []string
	// Unreported are the indicators it did not report in a month (未报送),
	// said as NotApplicable: 2024年1月规模工业增加值（逾期未报送）.
	Unreported []string
	// Vetoed are the periods a veto (一票否决, [[waiver]] last = true) put
	// it last in the composite ranking of, newest first, each with the
	// reason: 2024年1月（发生较大生产安全事故）.
	Vetoed []string
	Was    []Link
	Became *Link
	// WasMerged says Was merged into it (并入) rather than that it is
	// their one unit renamed (更名、撤乡设镇: 接续); BecameMerger likewise
	// that it merged into Became: a 县档案局 merged into the 县委办公室
	// assessed all along did not become it.
	WasMerged    bool
	BecameMerger bool
	// SetUpFrom says it was set up from the several units of Was, each
	// no longer assessed by then (合并设立): 由乙街道、丙镇合并设立, where
	// 乙街道、丙镇并入 would have them join a unit that was there before.
	SetUpFrom bool
	// OtherNames are what else it is called (units.toml otherNames: its
	// full name, a name it had), by which the search finds this page.
	OtherNames []string
	// Aggregates are its ranks in the quarters, halves and years that
	// circulars report, newest first as every history table is, so that
	// a reader finds the latest at the top of each (a year before its
	// fourth quarter, which ends with it); AggregateKinds names the kinds
	// there are (季度和年度, not 半年 too when no circular reports one).
	Aggregates     []AggregateRank
	AggregateKinds string
	AggregateScore string // the heading of their values: 得分, 得分合计 or 平均名次 (see aggregateHeading)
	// Per year: a township's rank on every indicator that applies to it;
	// a department's 考核排类 and its indicators' city and peer ranks.
	Years []YearMatrix
	// Below names the values under the ranks in Years' cells, as the
	// legend says them: 得分, or with the counts among its indicators
	// 得分或件数 (valueNames).
	Below string
	// Measures are the rewards, 约谈 and the office's other measures its
	// circulars gave the unit, by rule or by hand, newest first: a unit's
	// record, which its readers otherwise gather circular by circular.
	Measures []UnitMeasure
	Owned    []Link // the indicators it owns: a department's, or a ranked unit's that owns some
	// OwnedPeriod is the newest period in which one of them was ranked
	// from above, said once above the list (2023年2月的排名和变化：), and
	// OwnedPath its circular; a note of one ranked last before it names
	// its own period (2022年12月：全市综合排名第三。), and OwnedOthers
	// says there is such a note. The list said the period on every line.
	// OwnedChanges says the notes say the changes since the period
	// before, which the archive's first period has none of: 的排名和变化,
	// or 的排名 alone.
	OwnedPeriod, OwnedPath    string
	OwnedOthers, OwnedChanges bool
	// Categorised says a department was sorted into a 考核排类 in some
	// month, and so its matrix has that row.
	Categorised bool
	// Higher is which rankings from above the site holds (HigherHeld): a
	// department's page speaks of its indicators' city and peer ranks only
	// where the office is given them, not of the default 全市 and 三区 of
	// an office that has neither. HigherRanks names them, 全市排名或三区排名,
	// "" when there are none.
	Higher      site.Higher
	HigherRanks string
}

// A LaggingIndicator is an indicator a township was in the bottom group
// of in a period.
type LaggingIndicator struct {
	Name string // as the period named it
	Path string
	Rank string // 第十二, 并列第十一
	// Of is how many it ranked, when fewer than the composite did (an
	// indicator of some townships): 第四 of five, which beside a 第十二
	// of twelve read as a good place; 0 otherwise.
	Of    int
	Score string // its score, with the indicator's scoreUnit
	First string // the first's score
	// Noun names the values before them: 得分 of a score, "" of a count,
	// whose unit after it says what it is (1件, not 得分1件).
	Noun string
	// Lower says lower values rank first in its period, 越低越好 (信访维稳)
	// or of a count 越少越好 (群众投诉件数), said before the values:
	// 得分4.70，第一名0.96 alone reads as though 4.70 beat 0.96; "" when
	// higher is better.
	Lower string
	// Other is its place in the other ranking of an office that ranks
	// overall too: a group's lagging indicator's overall place
	// (全县第六十二), an overall one's in its group (城关镇第一); "" where
	// there is none, or it would say the same.
	Other string
}

// An AggregateRank is a township's rank in a quarter, half or year.
type AggregateRank struct {
	Label string // 2024年度
	Path  string // the circular that reports it
	Rank  string // 第三
	Score string
	// Overall is its rank in the period's overall ranking (全县排名)
	// where the office ranks overall, "—" where it has none then.
	Overall string
}

// IndicatorView is an indicator's page.
type IndicatorView struct {
	ID        string
	Name      string
	Number    string // 1. or （1）
	Section   string
	Unit      string // [terms] unit
	CityLabel string // [terms] city
	PeerLabel string // [terms] peer
	// Higher is which rankings from above the site holds (HigherHeld),
	// or both when it holds none, and HigherRanks names them in the
	// office's words (全市排名和三区排名, 全省排名): the section of those
	// ranks has a column, and its heading and caption a name, only for
	// a ranking the office is given — an office ranked by the province
	// alone has no 三区排名 column of dashes under 全省排名和三区排名.
	// HigherRanks is "" for an office given none: the page has no such
	// section.
	Higher      site.Higher
	HigherRanks string
	Grouped     bool // units.toml has groups: the township matrix ranks each apart
	Parent      *Link
	Children    []Link
	Owners      []Link
	Short       []string // its short names (indicators.toml shortNames)
	Better      string   // 得分越高越好 | 得分越低越好 | 件数越少越好 (BetterText), when townships are ranked
	Weight      string   // its weight in the township composite
	// Changes say when the 考核办法 changed its weight, direction or
	// decimals, one line each, oldest first: 自2025年1月起权重为1.5. Better
	// and Weight are what it had before the first change of each, and
	// say so: Better 2025年1月前得分越高越好, WeightBefore 2025年1月前 —
	// empty when the weight changed with the direction, which Better has
	// dated already, or never did.
	WeightBefore string
	Changes      []string
	// Deduct says how a derived score is reckoned (扣分制, deduct):
	// 满分10分，由信访件数折算（每件扣1分），最低0分; "" for one written.
	// DeductedBy are the scores a count is reckoned into.
	Deduct     string
	DeductedBy []Link
	// Assessed says the months it was assessed in when they are not the
	// archive's: 自2025年1月起 of one added, 2021年3月至2024年12月，此后不再考核
	// of one dropped; "" otherwise.
	Assessed  string
	Townships int // number of townships it ranks
	// TookPart says how many units took part: 共12个县直单位参与, or, where
	// more took part over the months than in the newest (one merged away,
	// another set up), 先后共13个县直单位参与（2025年8月12个）: the newest
	// month's count alone said 12 of an indicator 13 had taken part in.
	TookPart  string
	CityChart template.HTML
	PeerChart template.HTML
	// Ranks are the rows of the charts' table (月份, <city>排名 and <peer>排名
	// as Higher has them, 变化),
	// one per month with a city or peer rank, newest first. The change is
	// of the city rank, or of the peer rank when there is never a city one.
	Ranks       template.HTML
	ChangeLabel string       // <city>排名变化 | <peer>排名变化
	Years       []YearMatrix // the township rank matrix, without unit groups
	// Groups are the township rank matrix group by group, when units.toml
	// has groups (Years is then empty): a section a group of its units,
	// as /rankings/ has (RankingsView.Groups).
	Groups []RankingGroup
	Below  string // what its cells hold under the ranks: 得分, 件数 of a count
	// Overall is the matrix of its overall ranks, every group's units
	// together (全县排名), of an office that ranks overall and an
	// indicator of units of more than one group; OverallHeading heads it.
	Overall        []YearMatrix
	OverallHeading string
}

// RankingsView is /rankings/.
type RankingsView struct {
	Unit  string // [terms] unit
	Years []YearMatrix
	// Legend is the shades of the largest group's ranks (every township's
	// without groups). GroupLegends, set when units.toml's groups differ
	// in size, are each size's: a shade is a share of the group's ranks,
	// and the last of three is shaded as the last of eight, not as a
	// 第3名 of eight would be.
	Legend       []LegendItem
	GroupLegends []GroupLegend
	Grouped      bool // units.toml has groups: each ranks apart
	// Groups are the heat map group by group, when units.toml has groups
	// (Years is then empty): each group's years and units in a section of
	// its own, which a phone folds and the 本页目录 leads to, where one
	// matrix a year of every group's rows made a reader of the last of a
	// county's eight 乡镇 scroll past seven others' rows, year after year.
	Groups   []RankingGroup
	Units    []UnitGroup    // as /units/ lists them (index.go)
	Listed   []UnitGroup    // those of Units that no group's section lists: the 县直单位
	Sections []IndexSection // as /indicators/ lists them
	// Overall is the overall composite's heat map, every group's units
	// together (全县排名), of an office that ranks overall, shaded by
	// OverallLegend and headed by OverallHeading; none otherwise.
	Overall        []YearMatrix
	OverallLegend  []LegendItem
	OverallHeading string
}

// RankingGroup is one unit group's section of /rankings/ (its composite
// ranks a year at a time and its units) or of an indicator's page (its
// ranks on the indicator), partials/group-fold.html.
type RankingGroup struct {
	ID    string // group-1: the id /units/ and the search give the group
	Name  string
	Years []YearMatrix
	Units []Link // on /rankings/, listed under its years
	Unit  string // [terms] unit: the words its Units are listed under
}

// GroupLegend is the heat map's legend of the ranks of the unit groups
// of one size.
type GroupLegend struct {
	Name  string // the groups', in units.toml's order: 东片、西片
	Items []LegendItem
}

// LegendItem is one shade of the heat map.
type LegendItem struct {
	Class  string
	Label  string // 第1～2名
	Spoken string // 第1至2名: what a screen reader says, which at its usual level drops ～ (第1 2名); "" when the label says it
}

// IndexSection lists the indicators of one section.
type IndexSection struct {
	Name       string
	Indicators []IndexEntry
}

// IndexEntry is a top-level indicator with the children of its group
// (index.go).
type IndexEntry struct {
	Link
	Children []Link
}

// historyColumn is the portal column of the history pages.
func (c *core) historyColumn() Column {
	return Column{Name: "考核排名", Description: c.s.Config.Terms.Unit + "综合考核排名及各单位、各指标历次排名", Keywords: "考核排名,综合排名,历史数据", Type: "数据"}
}

func (h *history) townshipPage(u *site.Unit) ([]byte, error) {
	m := h.model()
	dec := h.s.Config.Scoring.Decimals
	comp := m.composite[u]
	terms := h.s.Config.Terms
	v := &UnitView{Name: u.Name, Slug: u.Slug, Township: true, Kind: terms.Unit, GroupID: h.unitGroupOf(u), CityLabel: terms.City, PeerLabel: terms.Peer, OtherNames: u.OtherNames,
		Measures: m.measures[u]}
	h.ownedLinks(v, u)
	peers := h.s.Townships
	if u.Group != nil {
		v.Group = u.Group.Name
		peers = u.Group.Units
	}
	v.Peers = h.s.UnitsCalled(peers)
	kinds := map[site.PeriodKind]bool{}
	agg := m.aggregate[u]
	for i := len(agg) - 1; i >= 0; i-- { // m.aggregates run oldest first
		if p := agg[i]; p.rank > 0 {
			v.Aggregates = append(v.Aggregates, AggregateRank{Label: m.aggRefs[i].Label, Path: m.aggRefs[i].Path,
				Rank: zh.RankPhrase(p.rank, p.tied), Score: formatScore(p.value, dec)})
			if h.overall() {
				v.Aggregates[len(v.Aggregates)-1].Overall = overallOf(m.aggregates[i].Overall.Composite).phrase(u)
			}
			kinds[m.aggregates[i].Span.Kind] = true
		}
	}
	var names []string
	for _, k := range []site.PeriodKind{site.Quarterly, site.HalfYearly, site.Yearly} {
		if kinds[k] {
			names = append(names, k.Noun())
		}
	}
	v.AggregateKinds = zh.And(names)
	v.AggregateScore = aggregateHeading(h.s.Config.Aggregate.Method)
	v.span(u, h.s.Assesses())
	v.Streaks = h.streaks(u)
	v.Grades = unitGrades(h.s, h.res.Periods, u)
	v.Exempt, _ = exemptMonths(u, m.periods)
	v.NotApplicable = notApplicableRuns(u, m.periods, (*site.Result).Excludes)
	v.Unreported = notApplicableRuns(u, m.periods, (*site.Result).Unreports)
	for i := len(h.res.Periods) - 1; i >= 0; i-- {
		if p := h.res.Periods[i]; slices.ContainsFunc(p.Rankings(), func(g *rank.UnitGroup) bool {
			return slices.ContainsFunc(g.Composite, func(t rank.Township) bool { return t.Unit == u && t.Vetoed })
		}) {
			reason, _ := p.Veto(u)
			v.Vetoed = append(v.Vetoed, p.Label+parenthesised(reason))
		}
	}
	// Only the months it was assessed in: a township set up in the
	// archive's eighth year has no rows, and its chart no axis, for the
	// seven before.
	lo, hi := assessedPeriods(u, m.periods)
	comp, refs := comp[lo:hi], m.refs[lo:hi]
	latest := -1
	ranks := make([]int, len(comp))
	for i, p := range comp {
		ranks[i] = p.rank
		if p.rank != 0 {
			v.LatestPeriod, v.LatestPath = refs[i].Label, refs[i].Path
			v.LatestRank = v.Group + "综合考核排名" + zh.RankPhrase(p.rank, p.tied)
			v.Latest = v.LatestPeriod + v.LatestRank
			v.LatestOf = rankedIn(m, h.s.Townships, u, lo+i)
			latest = i
		}
	}
	// Newest first: the current month heads the table, each row's
	// change measured against the month before it, the row below.
	exempt := func(i int) bool { return i >= 0 && slices.Contains(u.Exempt, m.periods[lo+i].Span.Key()) }
	// A township renamed — the one that became it alone, in its group —
	// goes on from where its former name stood, as its streaks do: its
	// first month's change is from that name's rank the month before,
	// not 上月无排名.
	before := 0
	if len(u.Was) == 1 && u.Was[0].Group == u.Group && lo > 0 && lo-1 < len(m.composite[u.Was[0]]) {
		before = m.composite[u.Was[0]][lo-1].rank
	}
	if latest >= 0 {
		v.lagging(m.periods[lo+latest], u, v.Group, terms.Scope, h.reported(m.periods[lo+latest]), v.LatestOf)
		if len(v.Owned) > 0 {
			v.ownedBottom(h.core, h.s.HigherHeld(), m.periods[lo+latest], u)
		}
		v.leadMeasures(m.periods[lo+latest], h.measuresWhen(lo+latest))
		prev := previous(ranks, latest)
		if latest == 0 {
			prev = before
		}
		v.LatestChange = leadChange(townshipChange(prev, ranks[latest], exempt(latest-1), false, h.core.view.Period.Each), h.core.view.Period.Each)
		v.LatestOverall = h.latestOverall(m.periods[lo+latest], u)
	}
	if h.overall() {
		v.OverallHeader = h.overallHeader()
	}
	rows := rowWriter{c: h.core}
	for i := len(comp) - 1; i >= 0; i-- {
		p := comp[i]
		rows.rowHead(refs[i].Label, refs[i].Path)
		// A month it was exempted from says so in each cell, as the
		// change does, rather than 无 as though it had gone unranked.
		absent := absence(u, m.periods[lo+i].Span.Key())
		if p.rank == 0 {
			rows.tdNone("", absent)
		} else {
			rows.td("", zh.RankPhrase(p.rank, p.tied))
		}
		if v.OverallHeader != "" {
			rows.overallComposite(m.periods[lo+i], u, absent)
		}
		prev := previous(ranks, i)
		if i == 0 {
			prev = before
		}
		rows.change(townshipChange(prev, p.rank, exempt(i-1), exempt(i), h.core.view.Period.Each))
		if p.rank == 0 {
			rows.tdNone("num", absent)
		} else {
			rows.td("num", formatScore(p.value, dec))
		}
		rows.endRow()
	}
	v.Composite = rows.html()
	if len(comp) > 0 {
		chart := &rankChart{id: "chart-composite", title: u.Name + "综合考核排名走势", noun: v.Group + "综合考核排名", // its group's ranks, as Latest says
			worst: rankedWith(h.s, u), months: refs, ranks: ranks}
		v.Chart = chart.html()
	}
	var inds []*site.Indicator
	for _, ind := range h.s.Indicators {
		if m.townships[ind.ID][u] != nil {
			inds = append(inds, ind)
		}
	}
	v.Below = valueNames(inds)
	v.Years = matrices(h, unitPath(u), "指标", "%d年各单项指标排名", inds, nil,
		func(ind *site.Indicator, y yearSpan) (string, string) {
			if months, lower := lowerIn(ind, m.periods[y.lo:y.hi]); lower {
				return ind.Name + "（" + months + ind.BetterText(false) + "）", indicatorPath(ind)
			}
			return ind.Name, indicatorPath(ind)
		},
		func(ind *site.Indicator, i int) rankCell {
			if c, ok := unrankedCell(m.periods[i].Month, ind, u); ok {
				return c
			}
			return townshipCell(ind, m.townships[ind.ID][u][i], ind.In(m.periods[i].Month.Key).Decimals, absence(u, m.periods[i].Span.Key()))
		},
		func(p *rank.Period) []input { return []input{unitIn(p, u)} })
	return h.tmpl.execute("unit.html", &Page{
		Kind:        "unit",
		Title:       u.Name + "历次考核排名",
		Path:        unitPath(u),
		Description: u.Name + "历次综合考核排名和各单项指标排名",
		Date:        m.updated,
		Column:      h.historyColumn(),
		Unit:        v,
	})
}

// notApplicableRuns are the indicators that did not apply to township u
// in a month (notApplicable), newest year first: an indicator and reason
// a clause a year, its months as monthRuns names them, in the order they
// last occur, newest first — 2024年1月至6月12345热线满意度（本月无12345热线工单）,
// where a unit 不涉及 one indicator every month had twelve clauses a year.
//
// of says whether a result names u, and why: Result.Excludes, or
// Result.Unreports for the indicators u did not report (未报送).
func notApplicableRuns(u *site.Unit, periods []*rank.Period, of func(*site.Result, *site.Unit) (string, bool)) []string {
	type run struct {
		year         int
		name, reason string
	}
	var runs []run
	months := map[run][]*site.Month{}
	for _, p := range periods {
		for _, res := range p.Month.Results {
			if reason, ok := of(res, u); ok {
				r := run{p.Span.Year, res.Indicator.NameIn(p.Month.Key), reason}
				if months[r] == nil {
					runs = append(runs, r)
				}
				months[r] = append(months[r], p.Month)
			}
		}
	}
	// Newest first, as the page's tables run: by year, then by the last
	// month of each (runs of one year and month keep the indicators'
	// order).
	last := func(r run) string { ms := months[r]; return ms[len(ms)-1].Key }
	slices.SortStableFunc(runs, func(a, b run) int {
		return cmp.Or(b.year-a.year, strings.Compare(last(b), last(a)))
	})
	out := make([]string, len(runs))
	for i, r := range runs {
		out[i] = monthRuns(months[r]) + r.name + parenthesised(r.reason)
	}
	return out
}

// exemptMonths are the months township u was exempted from (免考), each
// with its reason where units.toml gives one: 2023年1-2月（数据报送不全）,
// and what they read of ps, the months' refs. A month is named as its
// row and its circular name it (2023年1-2月), not as its file is named
// (2023年2月), which the reader would look for in the table in vain; a
// month without a file, by its name — but only up to the newest month
// there is: an exemption units.toml holds for a month to come is not
// published with the months before it (nor with none), which would
// announce it ahead of the month's circular and keep it there should the
// office change its mind.
func exemptMonths(u *site.Unit, ps []*rank.Period) ([]string, []input) {
	var out []string
	var in []input
	newest := ""
	for _, p := range ps {
		if p.Month != nil {
			newest = max(newest, p.Month.Key)
		}
	}
	for _, key := range u.Exempt {
		if key > newest {
			in = append(in, periods()) // shown once its month is there
			continue
		}
		label := monthLabel(key)
		for _, p := range ps {
			if p.Month != nil && p.Month.Key == key {
				label = p.Month.Label()
				in = append(in, refIn(p))
			}
		}
		out = append(out, label+parenthesised(u.ExemptReason(key)))
	}
	return out, in
}

// A UnitMeasure is one measure a period's circular gave a unit.
type UnitMeasure struct {
	Period  string // 2024年3月, 2024年第一季度
	Path    string // the circular that gave it; "" when none reports the period
	Measure string // 奖励2万元; 行政负责人，约谈
	Reason  string // 连续2个月综合考核排名后两名，由区分管领导约谈
	lead    string // as the lead says it: 由区分管领导对其行政负责人予以约谈（连续2个月综合考核排名后两名）
	year    int    // of its period
	key     string // its period's (rank.Period.Span.Key)
	action  string // 奖励, 约谈: what MeasuresThisYear counts
	// waived says the rule's measure was withheld ([[waiver]], 一票否决):
	// listed, for the unit's record shows what its rank earned and why it
	// was not given, but neither counted nor said as given.
	waived bool
}

// unitMeasures are the measures the periods give each unit, newest
// first.
func unitMeasures(c *core) map[*site.Unit][]UnitMeasure {
	out := map[*site.Unit][]UnitMeasure{}
	for i := len(c.res.Periods) - 1; i >= 0; i-- {
		p := c.res.Periods[i]
		path := ""
		if circ := c.reporter[p]; circ != nil {
			path = circ.URLPath()
		}
		for _, m := range p.Measures {
			um := UnitMeasure{Period: p.Label, Path: path, Measure: m.Action, Reason: measureReason(m), year: p.Span.Year, key: p.Span.Key(), action: m.Action}
			switch {
			case m.Amount > 0:
				um.Measure += zh.Amount(m.Amount)
			case whoOf(m) != "":
				um.Measure = whoOf(m) + "，" + m.Action // as the circulars name it: 火车站乡行政负责人，约谈（…）
			}
			um.lead = leadClause(m)
			out[m.Unit] = append(out[m.Unit], um)
		}
		for _, w := range p.Waived {
			if !w.Matched {
				continue // an error of the data, which the build reports
			}
			clause := waivedClause(w)
			out[w.Measure.Unit] = append(out[w.Measure.Unit], UnitMeasure{Period: p.Label, Path: path, Measure: clause, Reason: w.Reason,
				lead: clause + parenthesised(w.Reason), year: p.Span.Year, key: p.Span.Key(), action: w.Measure.Action, waived: true})
		}
	}
	return out
}

// waivedClause says what a rule gave that a [[waiver]] withheld, before
// the waiver's reason: 乡镇综合考核排名第一，不予奖励. The rule's reason
// says what the rank earned, which the waiver's (发生较大安全生产事故，
// 一票否决) does not; the amount, who and by whom are the rule's, of a
// measure not taken, and stay in the open data.
func waivedClause(w rank.Waived) string {
	return w.Measure.Reason + "，不予" + w.Measure.Action
}

// leadClause is measure m as a clause of the lead's sentence, which
// opens with the period (本月, 2025年6月) and has the unit for its topic:
// 予以奖励3万元（信访维稳全市排名第一）, 对其行政负责人予以约谈（…）, 由县委
// 副书记对其党（工）委书记予以约谈（…）. 予以 fits any action an office
// configures (奖励, 约谈, 书面检查, 通报批评), where 被约谈 does not fit
// 书面检查 and the circulars' 行政负责人，约谈 is a list's item, not a
// sentence; who carries it out (by) is said before, not again in the
// brackets.
func leadClause(m rank.Measure) string {
	var b strings.Builder
	if m.By != "" {
		b.WriteString("由" + m.By)
	}
	if who := whoOf(m); who != "" {
		b.WriteString("对其" + who)
	}
	b.WriteString("予以" + m.Action)
	if m.Amount > 0 {
		b.WriteString(zh.Amount(m.Amount))
	}
	b.WriteString(parenthesised(m.Reason))
	return b.String()
}

// span says when u was assessed and links the units it continues and
// that continue it, in an office assessing by k (site.Unit.Renames).
func (v *UnitView) span(u *site.Unit, k site.PeriodKind) {
	v.Span = assessedSpan(u, k)
	for _, w := range u.Was {
		v.Was = append(v.Was, Link{Name: w.Name, Path: unitPath(w)})
	}
	v.WasMerged = len(u.Was) > 0 && !u.Renames(k)
	v.SetUpFrom = len(u.Was) > 1 && !slices.ContainsFunc(u.Was, func(w *site.Unit) bool { return !u.After(w, k) })
	if b := u.Became; b != nil {
		v.Became = &Link{Name: b.Name, Path: unitPath(b)}
		v.BecameMerger = !b.Renames(k)
	}
}

// assessedSpan is when unit u was assessed, if not always:
// "2022年7月起参加考核", "参加考核至2022年6月", "2019年3月至2022年6月参加考核".
//
// In an office assessing by quarter, half or year (k) it names the
// periods: 2025年第三季度起参加考核 of from = "2025-07", 参加考核至2025年
// 第二季度 of until = "2025-07" — its last quarter, where 至2025年7月 read
// as though it had been assessed in July.
func assessedSpan(u *site.Unit, k site.PeriodKind) string {
	label := func(month string) string {
		p, _ := site.ParsePeriod(month)
		return k.Of(p).Label()
	}
	switch {
	case u.From != "" && u.Until != "":
		return label(k.Ending(u.From)) + "至" + label(k.LastEnding(u.Until)) + "参加考核"
	case u.From != "":
		return label(k.Ending(u.From)) + "起参加考核"
	case u.Until != "":
		return "参加考核至" + label(k.LastEnding(u.Until))
	}
	return ""
}

// monthLabel is a month key as the pages write it: "2022-07" → 2022年7月.
func monthLabel(key string) string {
	p, _ := site.ParsePeriod(key)
	return p.Label()
}

// untilNote is "至2021年6月" for a unit assessed until then (an owner of an
// indicator before a 机构改革), "" for one assessed still; in an office
// assessing by quarter, half or year (k), its last period, as
// assessedSpan says it: 至2025年第二季度 of until = "2025-07".
func untilNote(u *site.Unit, k site.PeriodKind) string {
	if u.Until == "" {
		return ""
	}
	p, _ := site.ParsePeriod(k.LastEnding(u.Until))
	return "至" + k.Of(p).Label()
}

// assessedPeriods are the periods of u's span, periods[lo:hi]: all of
// them but for a unit with from or until. A month it was exempted from
// (exempt) is in it, shown without a rank, even its first or last.
func assessedPeriods(u *site.Unit, periods []*rank.Period) (lo, hi int) {
	hi = len(periods)
	for lo < hi && !u.InSpan(periods[lo].Span.Key()) {
		lo++
	}
	for hi > lo && !u.InSpan(periods[hi-1].Span.Key()) {
		hi--
	}
	return lo, hi
}

// previous is the rank of the period before period i, 0 for none.
func previous(ranks []int, i int) int {
	if i == 0 {
		return 0
	}
	return ranks[i-1]
}

// lagging sets v's Lagging from period p: the indicators whose bottom
// group u was in there, of those whose ranking sentences p's circular
// says (ed): not one it leaves out or words otherwise ([[entry]] omit,
// ranking), nor a count its derived score speaks for. Of the composite's of ranked with u, an indicator that
// ranked fewer says how many.
//
// Where the office ranks overall too ([ranking] overall), each says u's
// place in the indicator's overall ranking as well (全县第六十二, where
// 城关镇第八 alone tells a village's 书记 nothing of the county), and
// OverallLagging are the indicators whose overall bottom group u was in
// but not its group's (城关镇第一 and 全县第五十: the office's rules may
// act on that), each with its group's place: scope names that ranking.
// An indicator only one group's units take part in has no overall place
// of its own (rank.Period.OverallOf): its group's says it.
func (v *UnitView) lagging(p *rank.Period, u *site.Unit, group, scope string, ed edits, of int) {
	g := p.Group(u)
	if g == nil {
		return
	}
	overallOf := 0 // how many the overall composite ranked
	if p.Overall != nil {
		overallOf = len(p.Overall.Composite)
	}
	// said reports whether an indicator's sentences are said, and of its
	// own scores: a count (扣分制) is said through the score derived
	// from it.
	said := func(ir *rank.IndicatorResult) bool {
		return len(ir.Ranked) > 0 && !ed.unranked(ir.Result.Indicator) && !p.Month.Deducted(ir.Result.Indicator)
	}
	var lags []lag
	listed := map[*site.Indicator]bool{}
	exact := true
	for _, ir := range g.Indicators {
		mine := bottomPlace(ir, u)
		if mine == nil || !said(ir) {
			continue
		}
		exact = exact && ir.Bottom.Exact
		li := laggingItem(p, ir, *mine, of)
		if o := p.OverallOf(ir.Result.Indicator.ID); o != nil {
			li.Other = placeIn(o, u, scope, overallOf)
		}
		listed[ir.Result.Indicator] = true
		lags = append(lags, lag{mine.Rank, li})
	}
	if len(lags) > 0 {
		v.Lagging, v.LaggingAll = worstFirst(lags)
		// One indicator's group short of k, or tied across its edge, is not
		// 后三 (§5.2): all are then said as the circular says such a group.
		v.LaggingWords = group + "排名" + zh.Label(p.GroupSize, false, exact)
	}
	if p.Overall == nil {
		return
	}
	var over []lag
	exact = true
	for _, o := range p.Overall.Indicators {
		mine := bottomPlace(o, u)
		if mine == nil || listed[o.Result.Indicator] || p.OverallOf(o.Result.Indicator.ID) == nil || !said(o) {
			continue
		}
		exact = exact && o.Bottom.Exact
		li := laggingItem(p, o, *mine, overallOf)
		if gi := g.Indicator(o.Result.Indicator.ID); gi != nil {
			li.Other = placeIn(gi, u, group, of)
		}
		over = append(over, lag{mine.Rank, li})
	}
	if len(over) == 0 {
		return
	}
	v.OverallLagging, v.OverallLaggingAll = worstFirst(over)
	v.OverallLaggingWords = scope + "排名" + zh.Label(p.OverallSize, false, exact)
	if len(lags) > 0 {
		v.OverallLaggingWords = "另有" + v.OverallLaggingWords
	}
}

// A lag is a lagging indicator with u's rank there, which orders them.
type lag struct {
	rank int
	ind  LaggingIndicator
}

// worstFirst are the three worst of lags, then in document order, and how
// many there are when more than three (0 otherwise).
func worstFirst(lags []lag) ([]LaggingIndicator, int) {
	slices.SortStableFunc(lags, func(a, b lag) int { return b.rank - a.rank })
	var out []LaggingIndicator
	for _, l := range lags[:min(3, len(lags))] {
		out = append(out, l.ind)
	}
	if len(lags) > 3 {
		return out, len(lags)
	}
	return out, 0
}

// bottomPlace is u in ir's bottom group, nil when it is not there.
func bottomPlace(ir *rank.IndicatorResult, u *site.Unit) *rank.Township {
	for _, run := range ir.Bottom.Runs {
		for i := range run {
			if run[i].Unit == u {
				return &run[i]
			}
		}
	}
	return nil
}

// laggingItem is the indicator of ranking ir in period p where u stood at
// mine, with its score and the first's; of is how many the composite
// beside it ranked, said when the indicator ranked fewer.
func laggingItem(p *rank.Period, ir *rank.IndicatorResult, mine rank.Township, of int) LaggingIndicator {
	ind := ir.Result.Indicator
	set := ind.In(p.Month.Key)
	score := func(x float64) string { return formatScore(x, set.Decimals) + ind.ScoreUnit }
	li := LaggingIndicator{Name: set.Name, Path: indicatorPath(ind),
		Rank: zh.RankPhrase(mine.Rank, mine.Tied), Score: score(mine.Value), First: score(ir.Ranked[0].Value), Noun: "得分"}
	if ind.IsCount() {
		li.Noun = ""
	}
	if mine.Unreported { // 第六（未报送，第一名90.00）
		li.Noun, li.Score = "", unreportedText
	}
	if !set.HigherBetter {
		li.Lower = ind.Better(false) + "越好"
	}
	if len(ir.Ranked) < of {
		li.Of = len(ir.Ranked)
	}
	return li
}

// placeIn is u's place in ranking ir, named by the ranking (全县并列第五,
// 城关镇第一), with how many it ranked when fewer than of, the
// composite's beside it: 全县第三（共3个）; "" where u has none.
func placeIn(ir *rank.IndicatorResult, u *site.Unit, name string, of int) string {
	for _, t := range ir.Ranked {
		if t.Unit == u {
			place := name + zh.RankPhrase(t.Rank, t.Tied)
			if len(ir.Ranked) < of {
				place += fmt.Sprintf("（共%d个）", len(ir.Ranked))
			}
			return place
		}
	}
	return ""
}

// ownedBottom sets v's Bottom from period p: the entries u owns in p's
// city-bottom list, as the circular lists them (without those its
// [[entry]] omit leaves out) and by its name — the
// city's (排全市后三), or of an office ranked among its peers alone the
// peers' (排三区最后, peerBottom). Only where the site is given ranks from
// above (held, HigherHeld, as the page's tables have their rows).
func (v *UnitView) ownedBottom(c *core, held site.Higher, p *rank.Period, u *site.Unit) {
	m := p.Month
	if m == nil || !held.Any() {
		return
	}
	owns := func(res *site.Result) bool { return slices.Contains(res.Indicator.OwnersIn(m.Key), u) }
	if !slices.ContainsFunc(m.Results, func(res *site.Result) bool { return owns(res) && (res.City > 0 || res.District > 0) }) {
		return
	}
	v.BottomWords = c.cityBottomName(p)
	ed := c.reported(p)
	withheld := false
	for _, e := range p.CityBottom {
		switch {
		case !owns(e):
		case ed.left(e.Indicator):
			withheld = true // the circular's list leaves it out ([[entry]] omit)
		default:
			v.Bottom = append(v.Bottom, Link{Name: e.Indicator.NameIn(m.Key), Path: indicatorPath(e.Indicator), Note: c.cityBottomRank(e)})
		}
	}
	// None on the list, but one the circular left out would be: not
	// 没有, which the appendix's ranks would belie; the lead says nothing.
	v.BottomNone = len(v.Bottom) == 0 && !withheld
}

// departmentLead sets what a department's page opens with, of the
// newest period it was assessed in: its 考核排类 and
// how it changed (考核排类为二类，上月为一类), the indicators it owns in
// the city-bottom list, its runs toward the rules (a city rule's, of
// the entries it owns) and the year's measures — what its 局长 is asked
// by the county's leaders the day a circular comes out. Each is left
// unsaid where the office has no such thing: no categories, no ranks
// from above, no rule with a streak, no measure.
func (h *history) departmentLead(v *UnitView, u *site.Unit, cats []string) {
	m := h.model()
	each := h.core.view.Period.Each
	v.Streaks = h.streaks(u)
	lo, hi := assessedPeriods(u, m.periods)
	if hi == lo {
		return
	}
	i := hi - 1
	p := m.periods[i]
	v.LatestPeriod, v.LatestPath = m.refs[i].Label, m.refs[i].Path
	if cat := cats[i]; cat != "" {
		v.LatestRank = "考核排类为" + cat
		v.Latest = v.LatestPeriod + v.LatestRank
		// A department renamed — the one that became it alone — goes on
		// from its former name's category, as a township's change goes on
		// from its former name's rank.
		switch {
		case i > lo:
			v.LatestChange = categoryChange(cats[i-1], cat, each)
		case len(u.Was) == 1 && i > 0 && i-1 < len(m.category[u.Was[0]]):
			v.LatestChange = categoryChange(m.category[u.Was[0]][i-1], cat, each)
		}
	}
	v.ownedBottom(h.core, v.Higher, p, u)
	v.leadMeasures(p, h.measuresWhen(i))
}

// measuresWhen is how the lead names period i when it says its
// measures: 本月 (本季度, 本期) of the archive's newest, which the page is
// read in the days of, and the period itself of an older one.
func (h *history) measuresWhen(i int) string {
	m := h.model()
	if i == len(m.periods)-1 {
		return "本" + h.core.view.Period.Each
	}
	return m.refs[i].Label
}

// categoryChange says a department's 考核排类 against the period
// before's: 与上月相同, 上月为一类, or "" when it had none then. The
// categories are the office's names, in no order tongbao knows: it says
// what it was, not 上升 or 下降.
func categoryChange(before, now, each string) string {
	switch before {
	case "":
		return ""
	case now:
		return "与上" + each + "相同"
	}
	return "上" + each + "为" + before
}

// leadMeasures sets what the lead says of v's measures after period p,
// named when: those p gave, and the count of p's year by action — unless
// p's are all the year had, which the line before says already.
func (v *UnitView) leadMeasures(p *rank.Period, when string) {
	v.MeasureYear = p.Span.Year
	v.MeasuresWhen = when
	n, given := 0, 0 // measures given in the year, and in p
	for _, m := range v.Measures {
		if m.key == p.Span.Key() {
			v.PeriodMeasures = append(v.PeriodMeasures, m.lead)
			if !m.waived {
				given++
			}
		}
		if m.year == v.MeasureYear && !m.waived {
			n++
		}
	}
	if n > given {
		v.YearMeasures = yearMeasures(v.Measures, v.MeasureYear)
	}
}

// yearMeasures counts measures (newest first) of year by action:
// 提醒约谈1次、奖励2次.
func yearMeasures(ms []UnitMeasure, year int) string {
	var actions []string
	n := map[string]int{}
	for _, m := range ms {
		if m.year != year || m.waived {
			continue
		}
		if n[m.action] == 0 {
			actions = append(actions, m.action)
		}
		n[m.action]++
	}
	for i, a := range actions {
		actions[i] = a + strconv.Itoa(n[a]) + "次"
	}
	return strings.Join(actions, "、")
}

// rankedIn is how many townships were ranked with u in period i: those
// of its group, or all, with a composite rank then.
func rankedIn(m *historyModel, townships []*site.Unit, u *site.Unit, i int) int {
	n := 0
	for _, o := range townships {
		if o.Group == u.Group && i < len(m.composite[o]) && m.composite[o][i].rank > 0 {
			n++
		}
	}
	return n
}

// streaks are the sentences of u's runs toward the rules after the
// newest period (rank.Streaks), but for a run of an entry that period's
// circular leaves unsaid — a city rule's entry it leaves out ([[entry]]
// omit), an indicator rule's whose ranking sentence it leaves out or
// words otherwise (ranking) — which the lead would name where the
// circular does not. The rule counts the run all the same; its measure,
// when it comes, is in a circular with its reason.
func (h *history) streaks(u *site.Unit) []string {
	m := h.model()
	runs := rank.Streaks(h.s, u, m.periods)
	if len(m.periods) > 0 {
		ed := h.reported(m.periods[len(m.periods)-1])
		runs = slices.DeleteFunc(runs, func(r rank.Streak) bool {
			if r.Entry != nil {
				return ed.left(r.Entry)
			}
			rule := h.s.Config.Rules[r.Rule]
			return rule.On == site.OnIndicator && rule.Indicator != nil && ed.unranked(rule.Indicator)
		})
	}
	return streakSentences(runs, h.core.view.Period.Each)
}

// streakSentences write runs toward the rules: 本月乡镇、街道综合考核排名后两名
// of a run of one, 已连续2个月… of more (rank words it), then how many
// periods more the rule wants and what it gives (予以 fits 奖励 as well
// as 约谈).
func streakSentences(runs []rank.Streak, each string) []string {
	var out []string
	for _, r := range runs {
		lead := r.Words
		if r.Run == 1 {
			lead = "本" + each + r.Words
		}
		out = append(out, lead+"，再有"+strconv.Itoa(r.Left)+r.Counted+"如此，按规则予以"+r.Action)
	}
	return out
}

// leadChange is a change as the lead sentence says it: 比上月上升3位,
// 比上月下降1位, 与上月持平, or 上月免考 as it is. 上月无排名 is left
// unsaid: of the archive's first month there was no month before, and a
// unit set up since says when in the line under the lead.
func leadChange(c Change, each string) string {
	switch {
	case c.Class == "up" || c.Class == "down":
		return "比上" + each + c.Spoken
	case c.Class == "same":
		return "与上" + each + c.Spoken
	case strings.HasSuffix(c.Spoken, "免考"):
		return c.Spoken
	}
	return ""
}

// unitGroup is the group u is ranked in (nil without groups).
func unitGroup(u *site.Unit) *site.Group { return u.Group }

// rankedWith is how many townships u is ranked with at most: its
// group's, or every township, assessed in a same period while u is. A
// renamed township is one unit ranked, not two, for those ranked beside
// it too: 8 市直机关 a month, where one of them was renamed, are ranked
// 1 to 8, never 9 — in a quarterly office also where the old one's until
// and the new one's from share a month no quarter ends in (Ending).
func rankedWith(s *site.Site, u *site.Unit) int {
	kind := s.Assesses()
	units := s.Townships
	if u.Group != nil {
		units = u.Group.Units
	}
	// The count only rises in a month some township starts in (or in
	// the first, "" before every month): the most is in one of those.
	n := 0
	for _, start := range units {
		m := kind.Ending(max(start.From, u.From))
		if u.Until != "" && m > u.Until {
			continue
		}
		k := 0
		for _, o := range units {
			if o.From <= m && (o.Until == "" || m <= o.Until) {
				k++
			}
		}
		n = max(n, k)
	}
	return n
}

// peerPhrase writes a peer rank with its group: 四区并列第一.
func peerPhrase(res *site.Result) string {
	if res == nil || res.District == 0 {
		return "—"
	}
	return res.DistrictLabel + zh.RankPhrase(res.District, res.DistrictTie)
}

// ownedLinks sets v's Owned: the indicators u owns (责任单位), each with
// its latest rank from above where the office is given one, and
// OwnedPeriod. A department's page
// lists them, and so does a ranked unit's that owns some (县信访局 of an
// office that ranks its 县直单位): one page says both what it is ranked
// on and what it answers for.
func (h *history) ownedLinks(v *UnitView, u *site.Unit) {
	m := h.model()
	// An indicator it owned before a 机构改革 or after one is its own in
	// the months of its span alone (exempted from one, it owned it still:
	// OwnersIn).
	assessed := func(i int) bool { return u.InSpan(m.periods[i].Span.Key()) }
	var out []Link
	latest := make([]int, len(m.owned[u])) // the period of each one's note, -1 for none
	newest := -1
	for k, ind := range m.owned[u] {
		l := Link{Name: ind.Name, Path: indicatorPath(ind)}
		latest[k] = -1
		for i := len(m.periods) - 1; i >= 0; i-- {
			if res := m.periods[i].Month.Result(ind.ID); assessed(i) && res != nil && (res.City > 0 || res.District > 0) {
				var before *site.Result
				if i > 0 {
					before = m.periods[i-1].Month.Result(ind.ID)
				}
				l.Note = h.ownedRanks(res, before, i > 0)
				latest[k], newest = i, max(newest, i)
				break
			}
		}
		out = append(out, l)
	}
	// The newest period is said once, above the list; one ranked last
	// before it says its own.
	if newest >= 0 {
		v.OwnedPeriod, v.OwnedPath = m.refs[newest].Label, m.refs[newest].Path
		v.OwnedChanges = newest > 0 // of the archive's first period, none is said
	}
	for k, i := range latest {
		if i >= 0 && i != newest {
			out[k].Note = m.refs[i].Label + "：" + out[k].Note
			v.OwnedOthers = true
		}
	}
	v.Owned = out
}

// ownedRanks is an owned indicator's city and peer rank (§5.4), each
// with its change since the period before (before, nil when the
// indicator had no result then): 全市综合排名第十一，比上月上升2位；三区第二，
// 与上月持平。 A tie is a rank like any other (并列第五 of 第三 is 下降2位);
// a rank the period before lacks is 上月无排名. The change is the
// indicator's, whoever owned it then (a 机构改革's new department goes on
// from its predecessor's ranks). Of the archive's first period (hasBefore
// false) no change is said: there was no period before.
func (h *history) ownedRanks(res, before *site.Result, hasBefore bool) string {
	terms := h.s.Config.Terms
	each := h.core.view.Period.Each
	change := func(prev, cur int) string {
		if !hasBefore {
			return ""
		}
		c := rankChange(prev, cur, each)
		if c.Class == "none" {
			return "，" + c.Spoken
		}
		return "，" + leadChange(c, each)
	}
	var prevCity, prevPeer int
	if before != nil {
		prevCity, prevPeer = before.City, before.District
	}
	var parts []string
	if res.City > 0 {
		parts = append(parts, terms.City+terms.CityRank+zh.RankPhrase(res.City, res.CityTie)+change(prevCity, res.City))
	}
	if res.District > 0 {
		peer := res.DistrictLabel
		if res.City == 0 {
			peer += "排名" // 三区排名第三 alone, as §5.4 says a peer rank without a city one
		}
		parts = append(parts, peer+zh.RankPhrase(res.District, res.DistrictTie)+change(prevPeer, res.District))
	}
	sep := "，"
	if hasBefore {
		sep = "；" // each rank is a clause with its change
	}
	return strings.Join(parts, sep) + "。"
}

func (h *history) departmentPage(u *site.Unit) ([]byte, error) {
	m := h.model()
	terms := h.s.Config.Terms
	label := terms.Peer
	held := h.s.HigherHeld()
	v := &UnitView{Name: u.Name, Slug: u.Slug, Kind: terms.Department, GroupID: h.unitGroupOf(u), CityLabel: terms.City, PeerLabel: label, OtherNames: u.OtherNames,
		Measures: m.measures[u], Higher: held, HigherRanks: higherRanks(held, terms, "或")}
	v.span(u, h.s.Assesses())
	h.ownedLinks(v, u)
	// An indicator it owned before a 机构改革 or after one is its own in
	// the months it was assessed in alone.
	assessed := func(i int) bool { return u.AssessedIn(m.periods[i].Span.Key()) }
	owned := m.owned[u]
	// Rows: the category, then each owned indicator's city and peer rank.
	type rowKey struct {
		ind  *site.Indicator // nil: the category row
		peer bool
	}
	// The category row only for a department some month sorted: an
	// office that writes no [categories] gets no row of empty cells.
	cats := m.category[u]
	v.Categorised = slices.ContainsFunc(cats, func(c string) bool { return c != "" })
	h.departmentLead(v, u, cats)
	var keys []rowKey
	if v.Categorised {
		keys = append(keys, rowKey{})
	}
	for _, ind := range owned {
		keys = append(keys, rowKey{ind, false}, rowKey{ind, true})
	}
	name := func(k rowKey, _ yearSpan) (string, string) {
		switch {
		case k.ind == nil:
			return "考核排类", ""
		case k.peer:
			return k.ind.Name + "（" + label + "）", indicatorPath(k.ind)
		}
		return k.ind.Name + "（" + terms.City + "）", indicatorPath(k.ind)
	}
	cell := func(k rowKey, i int) rankCell {
		// Before its from or after its until, said so (absence): its
		// year's table keeps every month's column.
		if absent := absence(u, m.periods[i].Span.Key()); absent != "" {
			return rankCell{title: absent}
		}
		if k.ind == nil {
			return rankCell{text: cats[i]}
		}
		res := m.periods[i].Month.Result(k.ind.ID)
		switch {
		case res == nil || !assessed(i):
			return rankCell{}
		case !k.peer && res.City > 0:
			return rankCell{text: strconv.Itoa(res.City)}
		case k.peer && res.District > 0:
			c := rankCell{text: strconv.Itoa(res.District)}
			if res.DistrictLabel != label {
				c.text += "（" + res.DistrictLabel + "）"
			}
			return c
		}
		return rankCell{}
	}
	v.Years = matrices(h, unitPath(u), "项目", "%d年", keys, nil, name, cell, h.unitReads(u))
	// What the page holds: the ranks from above of the indicators it owns
	// and its categories, or, owning none, what its title says.
	description := u.Name
	if ranks := higherRanks(held, terms, "和"); ranks != "" && len(owned) > 0 {
		description += "负责指标的历次" + ranks
		if v.Categorised {
			description += "和"
		}
	}
	switch {
	case v.Categorised:
		description += "历次考核排类"
	case len(owned) == 0:
		description += "历次考核情况"
	case !held.Any():
		description += "负责的考核指标"
	}
	return h.tmpl.execute("unit.html", &Page{
		Kind:        "department",
		Title:       u.Name + "历次考核情况",
		Path:        unitPath(u),
		Description: description,
		Date:        m.updated,
		Column:      h.historyColumn(),
		Unit:        v,
	})
}

// higherRanks names the rankings from above that held has in the
// office's words, joined by and (或, 和): 全市排名或三区排名, 全省排名, or
// "" for an office given none.
func higherRanks(held site.Higher, terms site.Terms, and string) string {
	var names []string
	if held.City {
		names = append(names, terms.City+"排名")
	}
	if held.Peer {
		names = append(names, terms.Peer+"排名")
	}
	return strings.Join(names, and)
}

func (h *history) indicatorPage(ind *site.Indicator) ([]byte, error) {
	m := h.model()
	terms := h.s.Config.Terms
	label := terms.Peer
	// An office given no ranking from above (cityRanks and districtRanks
	// false, or no month with one) has no section of them, not even the
	// 本指标暂无全市排名或三区排名 of an indicator without township scores
	// (a heading over its sub-indicators): it would speak of rankings the
	// office never has.
	none := !h.s.HigherHeld().Any()
	held := h.s.HigherHeld()
	if none {
		held = site.Higher{City: true, Peer: true}
	}
	// The units it ranks are named by their kind where they are all of
	// one: 街道排名, 共3个街道参与, for an indicator of the streets alone.
	unit := h.s.UnitsCalled(ind.Townships)
	v := &IndicatorView{ID: ind.ID, Name: ind.Name, Number: ind.Number(), Section: ind.Section,
		Unit: unit, CityLabel: terms.City, PeerLabel: label, Townships: len(ind.Townships),
		Higher: held, HigherRanks: higherRanks(held, terms, "和"), Grouped: len(h.s.Groups) > 0}
	if none {
		v.HigherRanks = ""
	}
	if ind.Parent != nil {
		v.Parent = &Link{Name: ind.Parent.Name, Path: indicatorPath(ind.Parent)}
	}
	for _, c := range ind.Children {
		v.Children = append(v.Children, Link{Name: c.Name, Path: indicatorPath(c)})
	}
	for _, o := range ind.Owners {
		v.Owners = append(v.Owners, Link{Name: o.Name, Path: unitPath(o), Note: untilNote(o, h.s.Assesses())})
	}
	v.Short = ind.ShortNames
	v.Below = ind.ValueName()
	if ind.Deduct != nil {
		v.Deduct = deductLine(ind)
	}
	for _, d := range ind.DeductedBy {
		v.DeductedBy = append(v.DeductedBy, Link{Name: d.Name, Path: indicatorPath(d)})
	}
	if len(ind.Townships) > 0 {
		v.Better = ind.BetterText(ind.HigherBetter)
		v.Weight = strconv.FormatFloat(ind.Weight, 'f', -1, 64)
		v.Changes = changeLines(ind)
		// The values before their first change, said so: not read as
		// the values now, which the changes below say. Only what a change
		// set is dated: a weight changed alone leaves the direction as it
		// always was, and 2025年1月前得分越低越好 would say it had turned.
		better, weight := firstSet(ind, "better"), firstSet(ind, "weight")
		if better != "" {
			v.Better = monthLabel(better) + "前" + v.Better
		}
		if weight != "" && weight != better {
			v.WeightBefore = monthLabel(weight) + "前"
		}
	}

	city := make([]int, len(m.periods))
	peer := make([]int, len(m.periods))
	peerWorst, anyCity, anyPeer := 0, false, false
	for i, p := range m.periods {
		if res := p.Month.Result(ind.ID); res != nil {
			city[i], peer[i] = res.City, res.District
			anyCity = anyCity || res.City > 0
			anyPeer = anyPeer || res.District > 0
			peerWorst = max(peerWorst, res.DistrictUnits, res.District)
		}
	}
	first, last := -1, -1
	for i, p := range m.periods {
		if p.Month.Result(ind.ID) != nil {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	switch n := len(m.periods); {
	case first < 0:
	case last < n-1 && first == last:
		v.Assessed = monthLabel(m.periods[first].Month.Key) + "，此后不再考核"
	case last < n-1:
		v.Assessed = monthLabel(m.periods[first].Month.Key) + "至" + monthLabel(m.periods[last].Month.Key) + "，此后不再考核"
	case first > 0:
		v.Assessed = "自" + monthLabel(m.periods[first].Month.Key) + "起"
	}
	v.TookPart = tookPart(ind, m.periods, h.s.Assesses(), unit)
	moved := city
	v.ChangeLabel = terms.City + "排名变化"
	if !anyCity {
		moved, v.ChangeLabel = peer, label+"排名变化"
	}
	rows := rowWriter{c: h.core} // newest first, as on a unit's page
	for i := len(m.periods) - 1; i >= 0; i-- {
		res := m.periods[i].Month.Result(ind.ID)
		if res == nil || (res.City == 0 && res.District == 0) {
			continue
		}
		rows.rowHead(m.refs[i].Label, m.refs[i].Path)
		if held.City {
			if res.City > 0 {
				rows.td("", zh.RankPhrase(res.City, res.CityTie))
			} else {
				rows.td("", "—")
			}
		}
		if held.Peer {
			rows.td("", peerPhrase(res))
		}
		rows.change(rankChange(previous(moved, i), moved[i], h.core.view.Period.Each))
		rows.endRow()
	}
	v.Ranks = rows.html()
	if anyCity {
		c := &rankChart{id: "chart-city", title: ind.Name + terms.City + "排名走势", noun: terms.City + "排名",
			worst: h.s.Config.Ranking.CityUnits, months: m.refs, ranks: city}
		v.CityChart = c.html()
	}
	if anyPeer {
		c := &rankChart{id: "chart-peer", title: ind.Name + label + "排名走势", noun: label + "排名",
			worst: peerWorst, months: m.refs, ranks: peer}
		v.PeerChart = c.html()
	}

	if byUnit := m.townships[ind.ID]; byUnit != nil {
		row := func(t *site.Unit, _ yearSpan) (string, string) { return t.Name, unitPath(t) }
		cell := func(t *site.Unit, i int) rankCell {
			if c, ok := unrankedCell(m.periods[i].Month, ind, t); ok {
				return c
			}
			return townshipCell(ind, byUnit[t][i], ind.In(m.periods[i].Month.Key).Decimals, absence(t, m.periods[i].Span.Key()))
		}
		reads := func(p *rank.Period) []input { return []input{indicatorIn(p, ind)} }
		assessed := func(p *rank.Period, _ *site.Unit) bool { return p.Month.Result(ind.ID) != nil }
		// noted gives each year of the matrices of units (of group g, or
		// nil) its notes, and its caption the months lower was better
		// (lowerIn): （2025年1月至6月得分越低，排名越前）.
		noted := func(years []YearMatrix, g *site.Group, units []*site.Unit) []YearMatrix {
			for i := range years {
				y := years[i].Year
				years[i].Notes = append(notApplicableNotes(m.periods, y, ind, g), exemptNotes(m.periods, y, units, assessed)...)
				for _, ys := range m.years {
					if months, lower := lowerIn(ind, m.periods[ys.lo:ys.hi]); ys.year == y && lower {
						years[i].Caption += lowerBetterNote(ind, months)
					}
				}
			}
			return years
		}
		if len(h.s.Groups) == 0 {
			v.Years = noted(matrices(h, indicatorPath(ind), unit, "%d年"+unit+"排名", ind.Townships, unitGroup, row, cell, reads), nil, ind.Townships)
		}
		// With unit groups, a section a group, as /rankings/ has: a
		// village's reader of a county's sixty-four, eight 乡镇 of eight,
		// scrolled past seven others' rows a year (8,900 px on a phone).
		for i, g := range h.s.Groups {
			units := slices.DeleteFunc(slices.Clone(ind.Townships), func(t *site.Unit) bool { return t.Group != g })
			id := groupID(i)
			years := matrices(h, indicatorPath(ind)+"#"+id, unit, "%d年"+g.Name+"各"+unit+"排名", units, unitGroup, row, cell, reads)
			if len(years) == 0 {
				continue
			}
			for j := range years {
				years[j].ID = id + "-y" + strconv.Itoa(years[j].Year)
			}
			v.Groups = append(v.Groups, RankingGroup{ID: id, Name: g.Name, Years: noted(years, g, units)})
		}
		h.overallMatrices(v, ind)
	}
	// The page describes only the rankings it shows.
	description := ind.Name + "历次" + higherRanks(held, terms, "、") + "和" + unit + "排名"
	switch {
	case none && v.Years == nil && v.Groups == nil:
		description = ind.Name + "历次排名"
	case v.Ranks == "" && (v.Years != nil || v.Groups != nil):
		description = ind.Name + "历次" + unit + "排名"
	}
	return h.tmpl.execute("indicator.html", &Page{
		Kind:        "indicator",
		Title:       ind.Name + "历次排名",
		Path:        indicatorPath(ind),
		Description: description,
		Date:        m.updated,
		Column:      h.historyColumn(),
		Indicator:   v,
	})
}

// notApplicableNotes say, of each month of year that ind did not apply to
// a township for a reason the month file gives (不涉及), which and why:
// 2023年1-2月兴隆街道不涉及（本月无规模以上工业企业）。 Its cell says only 不涉及.
// Only of the townships of group g, with unit groups (nil: of every one).
func notApplicableNotes(periods []*rank.Period, year int, ind *site.Indicator, g *site.Group) []string {
	var notes []string
	for _, p := range periods {
		if p.Span.Year != year || p.Month == nil {
			continue
		}
		if res := p.Month.Result(ind.ID); res != nil {
			for _, e := range res.NotApplicable {
				if e.Reason != "" && (g == nil || e.Unit.Group == g) {
					notes = append(notes, p.Month.Label()+e.Unit.Name+notApplicableText(e.Reason)+"。")
				}
			}
		}
	}
	return notes
}

// heatLevels is the number of shades of the heat map. Each shade covers
// an equal share of the ranks, darkest first, and the cell always prints
// the rank too, so the map reads in grey scale and without colour.
const heatLevels = 6

// heatLevel is the shade (1 … heatLevels) of rank among n.
func heatLevel(rank, n int) int {
	return min((rank*heatLevels+n-1)/n, heatLevels)
}

// heatLegend is the shades of the ranks 1 … n, each with the ranks it
// covers.
func heatLegend(n int) []LegendItem {
	var items []LegendItem
	for lvl, lo := 1, 1; lo <= n; lvl++ {
		hi := lo
		for hi+1 <= n && heatLevel(hi+1, n) == lvl {
			hi++
		}
		if heatLevel(lo, n) != lvl {
			continue // a shade no rank falls in (fewer townships than shades)
		}
		item := LegendItem{Class: "heat-" + strconv.Itoa(lvl), Label: fmt.Sprintf("第%d名", lo)}
		if hi > lo {
			item.Label, item.Spoken = fmt.Sprintf("第%d～%d名", lo, hi), fmt.Sprintf("第%d至%d名", lo, hi)
		}
		items = append(items, item)
		lo = hi + 1
	}
	return items
}

func (h *history) rankingsPage() ([]byte, error) {
	m := h.model()
	// Each township's ranks shade among those it is ranked with, found
	// once: rankedWith reads every pair of its group's townships, and
	// the matrix asks it of every cell.
	with := map[*site.Unit]int{}
	n := 0 // the shades cover the ranks of the largest group
	for _, t := range h.s.Townships {
		with[t] = rankedWith(h.s, t)
		n = max(n, with[t])
	}
	dec := h.s.Config.Scoring.Decimals
	terms := h.s.Config.Terms
	v := &RankingsView{Unit: terms.Unit, Grouped: len(h.s.Groups) > 0, Legend: heatLegend(n)}
	sizes := make([]int, len(h.s.Groups))
	for i, g := range h.s.Groups {
		for _, t := range g.Units {
			sizes[i] = max(sizes[i], with[t])
		}
	}
	if slices.ContainsFunc(sizes, func(k int) bool { return k != n }) {
		// Groups of one size shade alike: one legend names them all, where
		// a legend apiece stood six alike before the map of a county's eight
		// 乡镇 of eight villages but two.
		at := map[int]int{} // a size's legend in GroupLegends
		for i, g := range h.s.Groups {
			if j, ok := at[sizes[i]]; ok {
				v.GroupLegends[j].Name += "、" + g.Name
				continue
			}
			at[sizes[i]] = len(v.GroupLegends)
			v.GroupLegends = append(v.GroupLegends, GroupLegend{Name: g.Name, Items: heatLegend(sizes[i])})
		}
	}
	row := func(t *site.Unit, _ yearSpan) (string, string) { return t.Name, unitPath(t) }
	cell := func(t *site.Unit, i int) rankCell {
		p := m.composite[t][i]
		if c, ok := exemptCell(t, m.periods[i].Month.Key); ok {
			return c
		}
		if p.rank == 0 {
			return rankCell{title: cmp.Or(absence(t, m.periods[i].Span.Key()), "无排名")}
		}
		return rankCell{
			text:  strconv.Itoa(p.rank),
			score: formatScore(p.value, dec),
			// Shaded among its group's ranks, as its group's legend
			// says when the groups differ in size.
			class: "heat-" + strconv.Itoa(heatLevel(p.rank, with[t])),
		}
	}
	reads := func(p *rank.Period) []input { return []input{compositeIn(p)} }
	heatmap := func(years []YearMatrix, units []*site.Unit) []YearMatrix {
		for i := range years {
			years[i].Class = "heatmap"
			years[i].Notes = exemptNotes(m.periods, years[i].Year, units, func(*rank.Period, *site.Unit) bool { return true })
		}
		return years
	}
	h.overallHeatmap(v)
	v.Units = h.unitGroups()
	if !v.Grouped {
		v.Years = heatmap(matrices(h, "rankings/", terms.Unit, "%d年"+terms.Unit+"综合考核排名", h.s.Townships, nil, row, cell, reads), h.s.Townships)
	}
	for i, g := range h.s.Groups {
		id := groupID(i)
		// Each row of the group's (unitGroup): paper heads each page of
		// its table with the group's name, which on screen the caption
		// says.
		years := matrices(h, "rankings/#"+id, terms.Unit, "%d年"+g.Name+"综合考核排名", g.Units, unitGroup, row, cell, reads)
		for j := range years {
			years[j].ID = id + "-y" + strconv.Itoa(years[j].Year)
		}
		rg := RankingGroup{ID: id, Name: g.Name, Years: heatmap(years, g.Units), Unit: terms.Unit}
		// The group's units as /units/ lists them, those of its years
		// without a rank too.
		for _, ug := range v.Units {
			if ug.ID == id {
				rg.Units = ug.Units
			}
		}
		v.Groups = append(v.Groups, rg)
	}
	if !slices.ContainsFunc(v.Groups, func(g RankingGroup) bool { return len(g.Years) > 0 }) {
		v.Groups = nil // no month yet: the page says so once, and lists the groups' units
	}
	for _, ug := range v.Units {
		if !slices.ContainsFunc(v.Groups, func(g RankingGroup) bool { return g.ID == ug.ID }) {
			v.Listed = append(v.Listed, ug)
		}
	}
	v.Sections = h.indicatorIndex()
	return h.tmpl.execute("rankings.html", &Page{
		Kind:        "rankings",
		Title:       "历次考核排名",
		Path:        "rankings/",
		Description: terms.Unit + "历次综合考核排名，及各单位、各指标的排名历史",
		Date:        m.updated,
		Column:      h.historyColumn(),
		Rankings:    v,
	})
}

// valueNames names the values of inds, a unit's rows of ranks, as one
// legend says them: 得分 when none counts, 件数 when all count in 件, and
// 得分或件数, 得分、件数或起数 between, scores first, then each count's
// noun in the indicators' order.
func valueNames(inds []*site.Indicator) string {
	var scores bool
	var counts []string
	for _, ind := range inds {
		if !ind.IsCount() {
			scores = true
		} else if !slices.Contains(counts, ind.ValueName()) {
			counts = append(counts, ind.ValueName())
		}
	}
	if scores || len(counts) == 0 {
		counts = append([]string{"得分"}, counts...)
	}
	return zh.Or(counts)
}

// lowerIn is when lower scores of ind were better among periods, a year
// of a matrix: lower when they were in any month of them with a result
// of it, and months "" when in every such month, or those months as
// monthRuns names them (2025年1月至6月) when its direction changed (a
// 考核办法's [[indicator.change]] better) within them. The year's table
// says so by the month, as the lagging sentence says 越低越好 by the
// direction in force in its period: 得分越低越好 on every year, or on
// none, was untrue of the months on the other side of the change.
func lowerIn(ind *site.Indicator, periods []*rank.Period) (months string, lower bool) {
	var low []*site.Month
	all := true
	for _, p := range periods {
		if p.Month.Result(ind.ID) == nil {
			continue
		}
		if ind.In(p.Month.Key).HigherBetter {
			all = false
		} else {
			low = append(low, p.Month)
		}
	}
	if len(low) == 0 || all {
		return "", len(low) > 0
	}
	return monthRuns(low), true
}

// tookPart says how many of ind's townships took part in it, as the
// indicator's page says it (see IndicatorView.TookPart): those within their
// span in a month with a result of it, a unit renamed (site.Unit.Renames)
// counted once with what it continues; and, when that is more than took
// part in the newest such month, that month's count as well — not those
// merged away before, nor a successor counted beside the one it continues.
func tookPart(ind *site.Indicator, periods []*rank.Period, k site.PeriodKind, unit string) string {
	in := map[*site.Unit]bool{}
	now := 0
	for i := len(periods) - 1; i >= 0; i-- {
		key := periods[i].Month.Key
		if periods[i].Month.Result(ind.ID) == nil {
			continue
		}
		n := 0
		for _, u := range ind.Townships {
			if u.InSpan(key) {
				in[u] = true
				n++
			}
		}
		if now == 0 {
			now = n
		}
	}
	if len(in) == 0 { // no month has a result of it yet
		return fmt.Sprintf("共%d个%s参与", len(ind.Townships), unit)
	}
	all := 0
	for u := range in {
		if !(u.Renames(k) && in[u.Was[0]]) {
			all++
		}
	}
	if all <= now {
		return fmt.Sprintf("共%d个%s参与", now, unit)
	}
	for i := len(periods) - 1; ; i-- {
		if periods[i].Month.Result(ind.ID) != nil {
			return fmt.Sprintf("先后共%d个%s参与（%s%d个）", all, unit, periods[i].Month.Label(), now)
		}
	}
}

// changeLines say, one line a change, when the 考核办法 changed an
// indicator's direction, weight, decimals, name, per or bounds: 自2025年1月
// 起权重为1.5, 自2026年4月起满分由40分改为35分.
func changeLines(ind *site.Indicator) []string {
	var out []string
	for i, c := range ind.Changes {
		parts := ind.ChangeParts(i, func(pers []string) []string { return pers })
		from, _ := site.ParsePeriod(c.From)
		out = append(out, "自"+from.Label()+"起"+strings.Join(parts, "，"))
	}
	return out
}

// deductLine says how a derived indicator is scored, as first written:
// 满分10分，由信访件数折算（每件扣1分），最低0分. A 满分 or 最低分 a change
// moved says what it became, and from when, beside it — 满分10分（2025年4
// 月起20分） — and a per a change moved is dated (the changes below say
// what it is since): 2025年5月前由信访件数折算（每件扣1分）. Each part
// says its own months: a date before the line would read as the month
// every part of it changed.
func deductLine(ind *site.Indicator) string {
	base := ind.In("")
	how := ind.DeductText("")
	if from := firstSet(ind, "deduct"); from != "" {
		how = monthLabel(from) + "前" + how
	}
	return "满分" + boundHistory(ind, "max", *base.Max) + "，" + how + "，最低" + boundHistory(ind, "min", base.Floor())
}

// boundHistory says a derived indicator's max or min (key), v as first
// written, and what each change made it from its month: 10分（2025年4月起
// 20分，2026年1月起15分）.
func boundHistory(ind *site.Indicator, key string, v float64) string {
	points := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + "分" }
	var later []string
	for _, c := range ind.Changes {
		if slices.Contains(c.Set, key) {
			now := c.Max
			if key == "min" {
				now = c.Min
			}
			later = append(later, monthLabel(c.From)+"起"+points(*now))
		}
	}
	if later == nil {
		return points(v)
	}
	return points(v) + "（" + strings.Join(later, "，") + "）"
}

// firstSet is the month from which ind's first change of key (better,
// weight or decimals, as indicators.toml writes them) is in force, ""
// when none changes it.
func firstSet(ind *site.Indicator, key string) string {
	for _, c := range ind.Changes {
		if slices.Contains(c.Set, key) {
			return c.From
		}
	}
	return ""
}
