// Package site reads a tongbao site — config.toml, data/*.toml, content/**.md
// and layouts/ — into one validated, immutable model.
//
// Load is the only part of tongbao that reads the input files: everything
// after it (ranking, rendering) works on the model in memory, which is what
// lets the preview server rebuild without touching the disk twice. Every
// problem found is collected and returned together as a diag.List, so staff
// fix a month's data in one pass.
package site

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/diag"
	"tongbao/internal/theme"
	"tongbao/internal/zh"
)

// Site is everything a build needs, read and checked.
type Site struct {
	Config    Config
	Townships []*Unit // in units.toml order, the canonical order
	// Groups are units.toml's [[group]]s, in file order; none when it
	// declares none. A site with groups ranks every township within its
	// group (DESIGN.md §5.8).
	Groups      []*Group
	Departments []*Unit
	Indicators  []*Indicator // in document order
	Months      []*Month     // oldest first
	Circulars   []*Circular  // oldest first (by date, then 文号)
	Pages       []*Page      // plain pages, by URL path
	// Layouts and Assets are the layouts the build uses, by name: the
	// site's own layouts/*.html (and below) and layouts/assets/**, and
	// the built-in theme's file of every other name (internal/theme).
	Layouts []File
	Assets  []File
	// Static are the files of static/, by path (StaticDir): Attachments
	// without a title, each at line 1, column 1 of itself.
	Static []Attachment

	// Warnings are what the site may be built with but should be mended
	// before it is published: a picture without a text alternative, a
	// link to a page that is not there, a file under content/ that
	// nothing lists or links to (which whoever put it there may think
	// published), a layout of the site's own that would hide what its
	// pages hold.
	Warnings diag.List

	// Example reports that config.toml still names tongbao init's
	// imaginary office (ExampleDomain, ExampleCounty): a build of it is a
	// try-out, not an office's site, and its manifest says so, so that
	// the office's own first build compares nothing with it.
	Example bool

	// Sum is the SHA-256 of config.toml, units.toml and indicators.toml:
	// every output depends on them, so caches after loading key on it.
	Sum [32]byte

	// Hashed reports whether the months', circulars' and pages' Sum are
	// set, as a load with a Cache sets them: only caches read them, and
	// hashing every page is a tenth of loading a site of many.
	Hashed bool

	units      map[string]*Unit // by name and by slug
	indicators map[string]*Indicator
	months     map[string]*Month
	// filed are the month files as LoadCatalogue finds them, each with
	// its key and period alone, read without the rest: the kind of period
	// the office assesses by (Assesses) for export and import, which load
	// no month but the one they write.
	filed []*Month
}

// A File is an input file kept in memory: a layout or an asset, the
// site's or the built-in theme's.
type File struct {
	Name string // slash path relative to its folder: "circular.html", "css/site.css"
	Data []byte
	// Source names the file in diagnostics: its path in the site,
	// "layouts/partials/footer.html", or "内置主题 partials/footer.html"
	// for a file of the built-in theme.
	Source string
}

// Builtin reports whether f is the built-in theme's.
func (f File) Builtin() bool { return strings.HasPrefix(f.Source, theme.Label) }

// Published is what a build publishes of f, an asset: its bytes, less the
// record tongbao layouts --copy writes first in a stylesheet or script
// (theme.Record), a comment that tells a browser nothing — with it, a copy
// left as it was would be published under another name than the built-in
// file, and a @charset would not be first. A template's record is a
// template comment, which changes no page. A built-in script, and a copy
// of one left as it was, is published without its comments
// (theme.LeanJS); a script of the site's own as written.
func (f File) Published() []byte {
	ext := path.Ext(f.Name)
	if ext != ".css" && ext != ".js" {
		return f.Data
	}
	if ext == ".js" && f.Builtin() {
		return theme.LeanJS("assets/" + f.Name)
	}
	name, _, start, end, ok := copyRecord(f.Data)
	if !ok || f.Data[start] != '/' {
		return f.Data
	}
	data := f.Data[end:]
	if start > 0 {
		data = append(slices.Clip(f.Data[:start]), data...)
	}
	if builtin, _ := theme.Read("assets/" + f.Name); ext == ".js" && name == "assets/"+f.Name && bytes.Equal(data, builtin) {
		return theme.LeanJS(name) // a copy as it was: the built-in file's bytes
	}
	return data
}

// Config is config.toml (DESIGN.md §3), with defaults filled in.
type Config struct {
	Title    string
	BaseURL  string
	Language string
	Site     SiteInfo
	Issuer   string
	// Terms are the office's own words (DESIGN.md §3): [terms] over the
	// defaults of defaults.toml.
	Terms     Terms
	Ranking   Ranking
	Scoring   Scoring
	Aggregate Aggregate
	// Assesses is [assessment] period, how often the office assesses its
	// units; nil when unsaid, and then the data files' periods tell it
	// (Site.Assesses).
	Assesses *PeriodKind
	// Rules are the [[rule]]s: the mechanical measures, in the order their
	// measures are listed (DESIGN.md §5.9).
	Rules []Rule
	// Grades are the [[grade]]s: the partitions of rankings into levels
	// (评定等次), in the order the circular's grades shortcode lists them.
	Grades []Grade

	// places are where some keys are, or go, in config.toml (line, col),
	// for warnings made after the load — of the host, of a missing
	// orgCode — also when the preview took the config from its cache.
	places map[string][2]int
}

// place is where key is, or goes, in config.toml; 0, 0 if unknown.
func (c *Config) place(key string) (line, col int) {
	p := c.places[key]
	return p[0], p[1]
}

// Terms are the office's own words, [terms] (DESIGN.md §3): tongbao
// writes them wherever a circular, a page or a diagnostic names the
// units, the scope of a ranking, the city, the peer group, the sections
// or the measures. Their defaults are in defaults.toml, the one place
// the seed's words are written.
type Terms struct {
	Unit       string   // a ranked unit: 县（市、区）
	Department string   // an owner of indicators: 市直单位
	Scope      string   // all ranked units, the 全县 of 排名全县前三的为
	City       string   // the level above, the 全省 of 全省综合排名第十
	CityRank   string   // what an indicator's rank there is called, the 综合排名 of 全省综合排名第十
	Peer       string   // the peer ranking, the 同类县 of 同类县第三
	Sections   []string // indicator sections, in document order
	Actions    []string // the measures the office takes: 奖励, 约谈, …
	Column     string   // the portal's ColumnDescription of circulars
	Topic      string   // the circulars' 主题分类 in the portal's metadata: 综合政务
}

// SiteInfo is the portal identity printed in meta tags and the footer
// ([site], read by siteinfo.go).
type SiteInfo struct {
	Name, Domain, IDCode, OrgCode string

	// The footer's fields, each printed only when set.
	ICP     string // ICP备案号: 湘ICP备12345678号
	Police  string // 公安备案号: 湘公网安备43050202000123号
	Contact Target // 联系我们
	Errata  Target // 纠错

	// Favicon names a file of layouts/assets/ (.ico or .png) served as the
	// site's icon and as /favicon.ico; "" for the built-in one.
	Favicon string
	// Badge names the 党政机关网站标识 image in layouts/assets/, and
	// BadgeLink its registration record: a plain image and link, never
	// the issuing body's script.
	Badge     string
	BadgeLink Target

	assets []assetRef // the keys above that name files
}

type Ranking struct {
	Dense         bool // ties = "dense"; competition ranking otherwise
	GroupSize     int
	CityUnits     int
	DistrictUnits int
	// Loose is labels = "loose": the groups of a ranking sentence are
	// always 靠前/靠后, never 前三/后三, as some offices word every circular.
	Loose bool
	// CityRanks and DistrictRanks are cityRanks and districtRanks: whether
	// the office is given a city ranking and a peer ranking, nil when
	// config.toml does not say (Site.Higher decides then).
	CityRanks, DistrictRanks *bool
	// Overall is overall = true: an office of unit groups ranks every
	// ranking once more over the units of all its groups (全县排名
	// beside each group's), as a county ranks its villages within their
	// townships and county-wide. Only with [[group]]s.
	Overall bool
	// OverallSize is overallSize, the k of the overall ranking's top and
	// bottom groups (全县前十); 0 for the period's own groupSize.
	OverallSize int
	// Zero is unreported = "zero": a unit that did not report a value
	// (Result.Unreported) is scored the indicator's worst bound and
	// ranked by it, as a 考核办法 that says 未报送的计零分 has it;
	// otherwise it is ranked after every unit that reported (排名末位).
	Zero bool
}

type Scoring struct {
	RawScore bool // method = "score"; rank points otherwise
	RawSum   bool // method = "sum": the weighted sum of the scores, a total
	Decimals int
}

// scoringMethods are [scoring] method's values, rank points first (the
// default).
var scoringMethods = []string{"rank-points", "score", "sum"}

// Method is the method as config.toml writes it (what a reader of
// data.json looks up in the documentation, what gen-demo writes).
func (s Scoring) Method() string {
	switch {
	case s.RawScore:
		return scoringMethods[1]
	case s.RawSum:
		return scoringMethods[2]
	}
	return scoringMethods[0]
}

// Aggregate is [aggregate]: how quarterly, half-year and annual
// circulars rank their townships (DESIGN.md §5.10).
type Aggregate struct {
	Method    AggregateMethod
	GroupSize int // k of the aggregates' top and bottom groups
}

// AggregateMethod says what a township's aggregate over several months is.
type AggregateMethod int

const (
	MeanPoints AggregateMethod = iota // the mean of its monthly composites
	SumPoints                         // their sum
	MeanRank                          // the mean of its monthly composite ranks, lower is better
)

// aggregateMethods are [aggregate] method's values, by method.
var aggregateMethods = []string{MeanPoints: "mean-points", SumPoints: "sum-points", MeanRank: "mean-rank"}

// String is the method as config.toml writes it.
func (m AggregateMethod) String() string { return aggregateMethods[m] }

// A Rule turns ranks into measures for every period it applies to
// (DESIGN.md §5.9): the units it selects from a ranking get its action.
type Rule struct {
	On        RuleOn
	Indicator *Indicator // for OnIndicator
	Select    Selection
	Count     int // k of Top and Bottom; 0: the period's group size
	// Overlap makes a Bottom rule select the last k as they stand, the
	// top group's units among them over fewer than 2k units, not §5.2's
	// bottom group, which leaves those out.
	Overlap bool
	Rank    int // the rank AtRank selects: 2 for every unit ranked second
	// RankLine and RankCol are where its rank is written, for a rank
	// beyond the units ever ranked at once, which is told only once the
	// month files say what period the office assesses by.
	RankLine, RankCol int
	Group             *Group // only this group's units; nil: every group apart
	// Overall selects from the overall ranking ([ranking] overall), of
	// every group's units together, in place of each group's.
	Overall bool
	// Streak is how many consecutive assessed periods, the current one
	// last, the selection must have held in; 1 for the current alone.
	Streak int
	Period PeriodKind // the kind of period (circular) it applies to
	Action string     // one of [terms] actions: 奖励, 约谈, …
	Amount int64      // 元, for 奖励
	Who    string     // the person addressed: 行政负责人
	By     string     // who conducts it, optional: 区分管领导
	Reason string     // as written; "" for the derived one
	// Span is the months the rule is in force (from, until): an office's
	// 考核办法 changes, and a rule added or dropped for next year must not
	// change what earlier circulars published.
	Span Span
	// Share is k of Top and Bottom as a part of the units ranked (排名前
	// 20%), in place of Count, when its Hundredths is not 0.
	Share Share
	// Bounds are what a ByScore rule selects by: the scores of the
	// ranking it reads, as ranked (rounded), within them.
	Bounds Bounds
	// Line is where the rule's [[rule]] stands in config.toml, for the
	// provenance of its measures.
	Line int
	// AmountLine and AmountCol are where its amount is written, for what
	// the ranks tell of it (a tie across its edge: each tied unit is
	// given the whole amount).
	AmountLine, AmountCol int
}

// AppliesTo reports whether the rule is in force for a period: whether
// the period's last month lies in its span. A quarter that a rule from
// "2025-02" reaches only in part is judged by the rule of its end, as
// the circular reporting it is written then.
func (r Rule) AppliesTo(p Period) bool { return r.Span.Contains(p.LastMonth()) }

// A Span is the months from From to Until ("2025-01"), either "" for no
// bound: the months a unit is assessed in, or a rule in force.
type Span struct{ From, Until string }

// Contains reports whether the month key lies in the span.
func (s Span) Contains(month string) bool {
	return (s.From == "" || month >= s.From) && (s.Until == "" || month <= s.Until)
}

// RuleOn names the ranking a rule reads.
type RuleOn int

const (
	OnComposite RuleOn = iota // the townships' composite ranking
	OnIndicator               // one indicator's township ranking
	OnCity                    // each entry's city rank; the measure goes to the entry's owners
)

var ruleOns = []string{"composite", "indicator", "city"}

// String is the ranking as a rule's on = names it.
func (o RuleOn) String() string { return ruleOns[o] }

// Selection says which units of a ranking a rule selects.
type Selection int

const (
	First  Selection = iota // every unit ranked first
	Last                    // every unit with the last rank, when more than one is ranked
	Top                     // the top group of §5.2, k = Count
	Bottom                  // the bottom group of §5.2, k = Count
	// AtRank selects every unit ranked Rank: an office that rewards the
	// first three with different amounts (5000, 3000, 2000元) writes a
	// rule for each rank. With competition ranks a tie leaves the ranks
	// after it empty: two tied first, nobody is second.
	AtRank
	// ByScore selects every unit whose score lies within the rule's
	// Bounds (得分低于60分的约谈, 90分以上的通报表扬), however many or few:
	// a threshold, not a place.
	ByScore
)

var selections = []string{"first", "last", "top", "bottom", "rank", "score"}

// String is the selection as a rule's select = names it.
func (s Selection) String() string { return selections[s] }

// A Group is a [[group]] of units.toml: townships ranked apart from the
// others (DESIGN.md §5.8).
type Group struct {
	Name string
	// Unit is what its units are called where a sentence counts them
	// (units.toml unit: 县（市） of a 县（市）组), "" for [terms] unit: a
	// group of counties and cities is not of 县（市、区）. See
	// Site.UnitsCalled.
	Unit  string
	Units []*Unit // in units.toml order
}

// UnitKind tells townships from departments.
type UnitKind int

const (
	Township   UnitKind = iota // a ranked unit ([terms] unit)
	Department                 // an owner of indicators ([terms] department)
)

// A Unit is a township or a department.
type Unit struct {
	Name  string
	Slug  string
	Kind  UnitKind
	Group *Group // its [[group]]; nil for departments and in sites without groups
	Index int    // position in units.toml, counting townships then departments

	// From and Until are the first and last months a township was
	// assessed in ("2022-07"), "" for no bound: a township set up,
	// abolished, merged or renamed (行政区划调整) within the archive.
	// Its months before and after have no scores or entries of it.
	From, Until string
	// Became is the township that continues it after Until (the new
	// name, or the one it merged into), if units.toml names one.
	Became *Unit
	// Exempt are the months between From and Until a township was not
	// assessed in (免考, units.toml exempt), sorted: an office exempts a
	// unit from one month's assessment, and that month has no scores or
	// entries of it, as if it were outside its span for that month alone.
	Exempt []string
	// ExemptReasons are why, by month of Exempt, where units.toml says
	// (exempt = [{month = "2024-02", reason = "数据报送不全"}]): the
	// appendix, the unit's page and the open data give it.
	ExemptReasons map[string]string
	// Was are the townships that became it, in units.toml order.
	Was []*Unit
	// OtherNames are what else people call it (区发展和改革局 for 区发改局,
	// a name it had): the search finds its page by them, which share too
	// few characters with its name to find it otherwise.
	OtherNames []string
}

// UnitsCalled is what a sentence counting units calls them: their
// group's unit where they are all of one group that writes one
// (县（市）), else [terms] unit, narrowed to the one of its kinds every
// name is of (zh.Kind: 共3个县, 共2个街道).
func (s *Site) UnitsCalled(units []*Unit) string {
	noun := s.Config.Terms.Unit
	if len(units) > 0 && units[0].Group != nil && units[0].Group.Unit != "" &&
		!slices.ContainsFunc(units, func(u *Unit) bool { return u.Group != units[0].Group }) {
		noun = units[0].Group.Unit
	}
	return zh.Kind(noun, names(units))
}

// Renames reports whether u only continues one unit under another name
// (撤乡设镇、更名): set up (From), the sole unit that became it, which was
// no longer assessed by then. A unit others merged into, one set up from
// several, or one set up while the unit that later became it was still
// assessed is a merger (并入): its streaks are its own, and its page says
// the others merged into it rather than that it continues them.
//
// Assessed together means in a period of k, the kind the office assesses
// by (Site.Assesses): a quarterly office's until = "2025-07" and from =
// "2025-07" share a month no quarter ends in, so no assessment saw both,
// and the clerk who wrote them meant a rename.
func (u *Unit) Renames(k PeriodKind) bool {
	return len(u.Was) == 1 && u.After(u.Was[0], k)
}

// After reports whether u was set up (From) after w was last assessed
// (Until) in an office assessing by k: no period of k ends within the
// months from u's from to w's until, which two units assessed together
// share. A quarterly office's until = from = "2025-07" is after, as is
// until = "2025-06" before from = "2025-07".
func (u *Unit) After(w *Unit, k PeriodKind) bool {
	return u.From != "" && w.Until != "" && periodsIn(Span{u.From, w.Until}, k) == 0
}

// AssessedIn reports whether u was assessed in the month key, "2023-02":
// within its span and not exempted from it.
func (u *Unit) AssessedIn(month string) bool {
	return u.InSpan(month) && !slices.Contains(u.Exempt, month)
}

// ExemptIn reports whether u was exempted from the month key (免考):
// within its span, and not assessed.
func (u *Unit) ExemptIn(month string) bool {
	return u.InSpan(month) && slices.Contains(u.Exempt, month)
}

// ExemptReason is why u was exempted from the month key, "" when
// units.toml gives no reason or it was not.
func (u *Unit) ExemptReason(month string) string { return u.ExemptReasons[month] }

// Exempted are the townships exempted from the month key, in units.toml
// order: in none of its rankings, which a month's appendix and data.json
// say.
func (s *Site) Exempted(month string) []*Unit {
	var out []*Unit
	for _, u := range s.Townships {
		if u.ExemptIn(month) {
			out = append(out, u)
		}
	}
	return out
}

// InSpan reports whether the month key lies between u's From and Until,
// exempted or not: a unit's history runs through a month it was exempted
// from, showing that month without a rank.
func (u *Unit) InSpan(month string) bool { return Span{u.From, u.Until}.Contains(month) }

// countUnits are the units of scores that are counts: what is counted in
// them is whole, 3 件 of 信访 and not 3.00.
var countUnits = []string{"件", "次", "个", "人", "人次", "户", "家", "项", "起", "宗", "处", "名", "条"}

// CountUnit reports whether unit, an indicator's scoreUnit, counts
// things: its scores are whole numbers, and decimals defaults to 0.
func CountUnit(unit string) bool { return slices.Contains(countUnits, strings.TrimSpace(unit)) }

// An Indicator is one entry of the catalogue (data/indicators.toml).
// HigherBetter, Weight, Decimals, Min and Max are its base setting, in
// force before its first change: code ranking, composing, rounding,
// bounding or showing a month's scores reads them through In, never
// directly.
type Indicator struct {
	ID           string
	Name         string
	Section      string
	Parent       *Indicator
	Children     []*Indicator
	Owners       []*Unit
	Townships    []*Unit // the townships it ranks; nil when it ranks none
	HigherBetter bool
	Weight       float64
	Decimals     int
	RankingLabel string
	// ScoreUnit is what its scores are counted in (%, 件, 万元), which the
	// tables' 得分 heading says: 98.50 of a rate and 3 of complaints read
	// alike without it. "" for none.
	ScoreUnit string
	// Counted is that its decimals were not written and its scores are
	// counts (ScoreUnit 件, 次, 个, …: CountUnit), so compared and shown
	// as whole numbers: a score with a fraction is warned of.
	Counted bool
	// decimalsWritten is that indicators.toml writes its decimals: a
	// score with more is warned of (see DecimalsWritten).
	decimalsWritten bool
	// ShortNames are what people call it (社消零 for 社会消费品零售总额),
	// which share too few characters with its name for the search to
	// find its page by them otherwise.
	ShortNames []string
	// Min and Max bound its scores, when indicators.toml gives them (min,
	// max: 满分): a score outside is a slip of typing, refused. A change
	// may move them from a month (村容村貌 from 40 to 35 points).
	Min, Max *float64
	Index    int // position in document order
	Order    int // 1-based position among its siblings (section entries or a group's children)
	// Deduct, when not nil, is how its scores are derived (扣分制, a
	// deduct in indicators.toml): Max less Per for each of a township's
	// counts in each indicator From, not below Min (0 when it has none),
	// each the month's (In).
	// A month file does not write its scores: the clerk types the counts
	// only, once, and no second copy can disagree with them.
	Deduct []Deduction
	// DeductedBy are the derived indicators whose Deduct counts its
	// scores, as indicators.toml writes them: a circular reporting one shows
	// the count beside its score, not as an entry of its own.
	DeductedBy []*Indicator
	// Changes are its [[indicator.change]]s, oldest first: the settings
	// in force from a month on, when the office's 考核办法 changed them.
	// When one renames it, Name is its newest name, which its page and
	// the search go by; a month's circular names it as it was then (In).
	Changes []Change
	// baseName is its name before a change renamed it, "" if none did.
	baseName string
}

// A Deduction is one count a derived indicator's score is deducted by:
// Per points for each unit (件) of From's score.
type Deduction struct {
	From *Indicator
	Per  float64
}

// IsCount reports whether ind's values are counts (its scoreUnit is a
// count unit, CountUnit): 信访件数, 安全事故起数. A count's value is
// named by its noun, not 得分 (see ValueName).
func (ind *Indicator) IsCount() bool { return CountUnit(ind.ScoreUnit) }

// ValueName is what ind's values are called in a heading, a sentence or
// a diagnostic: 得分, or a count's noun (件数, 起数, 人数: zh.CountNoun),
// for 1件 of 信访 is not a score of 1.
func (ind *Indicator) ValueName() string {
	if ind.IsCount() {
		return zh.CountNoun(strings.TrimSpace(ind.ScoreUnit))
	}
	return "得分"
}

// ValuesName is what the values of inds are called together, where a
// message speaks of a row's, a sheet's or a month's values at once (a
// workbook's row, an import's total): 得分; a count's 件数 where all are
// counts; 得分或件数 where both are among them.
func ValuesName(inds []*Indicator) string {
	var nouns []string
	for _, ind := range inds {
		if n := ind.ValueName(); !slices.Contains(nouns, n) {
			nouns = append(nouns, n)
		}
	}
	if nouns == nil {
		return "得分"
	}
	return strings.Join(nouns, "或")
}

// Better is the way ind's values rank first, higher or not: a score's
// 越高, 越低, a count's 越多, 越少 (zh.Better).
func (ind *Indicator) Better(higher bool) string { return zh.Better(ind.IsCount(), higher) }

// BetterText says the direction higher of ind's values, as its page and
// the workbook say it: 得分越高越好, 得分越低越好; of a count 件数越少越好.
func (ind *Indicator) BetterText(higher bool) string {
	return ind.ValueName() + ind.Better(higher) + "越好"
}

// Floor is the least score of a derived indicator (Deduct) under the
// setting: its min, or 0 — 扣完为止, a score deducted to nothing and no
// further.
func (set Setting) Floor() float64 {
	if set.Min != nil {
		return *set.Min
	}
	return 0
}

// DeductText says how a derived indicator's score is reckoned in the
// month key, in the words of a 考核办法: 由信访件数折算（每件扣1分）, or
// with two counts 由信访件数、群众投诉件数折算（信访件数每件扣1分，群众投诉件数每件扣0.5分）.
// "" for an indicator whose scores are written.
func (ind *Indicator) DeductText(month string) string {
	if len(ind.Deduct) == 0 {
		return ""
	}
	var from []string
	for _, d := range ind.Deduct {
		from = append(from, d.From.NameIn(month))
	}
	return "由" + strings.Join(from, "、") + "折算（" + perTexts(ind, ind.In(month).Per, month) + "）"
}

// DeductRule says the whole rule a derived indicator is scored by in
// the month key, its 满分 and 最低分 with its deductions: 满分10分，由信访
// 件数折算（每件扣1分），最低0分 — what a reader of that month's scores
// alone (a CSV) needs to reckon them, the 满分 of a month not being
// every month's. "" for an indicator whose scores are written.
func (ind *Indicator) DeductRule(month string) string {
	if len(ind.Deduct) == 0 {
		return ""
	}
	set := ind.In(month)
	return "满分" + strconv.FormatFloat(*set.Max, 'f', -1, 64) + "分，" + ind.DeductText(month) + "，最低" + strconv.FormatFloat(set.Floor(), 'f', -1, 64) + "分"
}

// perTexts says the per of each count of a derived indicator, named in
// the month key where there are several: 每件扣1分, or 信访件数每件扣1分，
// 群众投诉件数每件扣0.5分.
func perTexts(ind *Indicator, per []float64, month string) string {
	var out []string
	for i, d := range ind.Deduct {
		each := perText(d.From, per[i])
		if len(ind.Deduct) > 1 {
			each = d.From.NameIn(month) + each
		}
		out = append(out, each)
	}
	return strings.Join(out, "，")
}

// ChangeParts says what change i of ind sets, a part a key in the order
// the change lists them: 得分越低越好, 权重为1.5, 件数保留0位小数, 改称
// “信访工作”, 满分由40分改为35分. A derived indicator's new pers
// (PerChanges) are as deduct words them: the indicator's page, whose line
// is dated, lists each (自2025年5月起群众投诉起数每起扣3分); tongbao new's
// notes, which name the indicator first, say 扣分标准改为 before them.
func (ind *Indicator) ChangeParts(i int, deduct func(pers []string) []string) []string {
	c := ind.Changes[i]
	var parts []string
	for _, k := range c.Set {
		switch k {
		case "better":
			parts = append(parts, ind.BetterText(c.HigherBetter))
		case "weight":
			parts = append(parts, "权重为"+strconv.FormatFloat(c.Weight, 'f', -1, 64))
		case "decimals":
			parts = append(parts, fmt.Sprintf("%s保留%d位小数", ind.ValueName(), c.Decimals))
		case "name":
			parts = append(parts, "改称“"+c.Name+"”")
		case "deduct":
			parts = append(parts, deduct(ind.PerChanges(i))...)
		case "max", "min":
			parts = append(parts, ind.BoundChange(i, k))
		}
	}
	return parts
}

// PerChanges says the per that change i of ind (a derived indicator's
// [[indicator.change]] deduct) moved, each after its count's name then:
// 群众投诉起数每起扣3分. A per written as it was before is not said: of
// two counts, the one raised is the change; the other is the rule above.
func (ind *Indicator) PerChanges(i int) []string {
	before := ind.In("").Per
	if i > 0 {
		before = ind.Changes[i-1].Per
	}
	c := ind.Changes[i]
	var out []string
	for k, d := range ind.Deduct {
		if c.Per[k] != before[k] {
			out = append(out, d.From.NameIn(c.From)+perText(d.From, c.Per[k]))
		}
	}
	return out
}

// BoundChange says the max or min (key) that change i of ind moved, as
// its page and tongbao new's notes say it: 满分由40分改为35分, 最低分由0
// 分改为5分 (a derived score's floor 0 when no min was written), or of
// one not bounded before 满分为35分; of a count, or a
// score in a unit of its own (%), 上限由10件改为8件. "" when the change
// does not set key.
func (ind *Indicator) BoundChange(i int, key string) string {
	c := ind.Changes[i]
	if !slices.Contains(c.Set, key) {
		return ""
	}
	before := ind.In("")
	if i > 0 {
		before = ind.Changes[i-1].Setting
	}
	was, now := before.Max, c.Max
	name, unit := "满分", "分"
	if key == "min" {
		was, now = before.Min, c.Min
		name = "最低分"
	}
	if u := strings.TrimSpace(ind.ScoreUnit); u != "" && len(ind.Deduct) == 0 {
		name, unit = "上限", u
		if key == "min" {
			name = "下限"
		}
	}
	if key == "min" && was == nil && len(ind.Deduct) > 0 {
		zero := 0.0
		was = &zero // 扣完为止: a derived score's floor without a min
	}
	text := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + unit }
	if was == nil {
		return name + "为" + text(*now)
	}
	return name + "由" + text(*was) + "改为" + text(*now)
}

// perText says a deduction per count of from: 每件扣1分, 每起扣2分 (its
// scoreUnit, when a count's).
func perText(from *Indicator, per float64) string {
	unit := "件"
	if CountUnit(from.ScoreUnit) {
		unit = strings.TrimSpace(from.ScoreUnit)
	}
	return "每" + unit + "扣" + strconv.FormatFloat(per, 'f', -1, 64) + "分"
}

// Latest is the month key after every change of ind: In(Latest) is its
// setting now.
const Latest = "9999-12"

// A Setting is how an indicator's scores are ranked and composed in a
// month: its direction, its weight in the composite and the decimals its
// scores are compared at.
type Setting struct {
	HigherBetter bool
	Weight       float64
	Decimals     int
	// Name is what it is called: a circular once published keeps the
	// name it was published with when the indicator is renamed.
	Name string
	// Per are the points deducted for each 件 of each count of a derived
	// indicator (Indicator.Deduct, in its order), as the 考核办法 of the
	// month has them; nil for an indicator whose scores are written.
	Per []float64
	// Min and Max bound the month's scores (min, max: 满分, nil when not
	// written): a typed score outside them is refused, and a derived one
	// is deducted from Max and not below Min (Floor). Shared with the
	// indicator and its other changes: read, never written through.
	Min, Max *float64
}

// A Change is an [[indicator.change]]: from the month From on, Setting is
// in force (the keys it does not write carried over from before). Set
// names the keys it wrote, for the indicator's page to say what changed.
type Change struct {
	From string // "2025-01"
	Setting
	Set []string // of "better", "weight", "name", "decimals", "max", "deduct", "min", in that order
	// Line and Col are where its from is written in data/indicators.toml.
	Line, Col int
}

// In is the setting in force in the month key: the latest change from
// that month or before, or the base setting. A month published under one
// 考核办法 keeps its ranks and composite when the next year's changes.
func (ind *Indicator) In(month string) Setting {
	set := Setting{HigherBetter: ind.HigherBetter, Weight: ind.Weight, Decimals: ind.Decimals, Name: cmp.Or(ind.baseName, ind.Name), Min: ind.Min, Max: ind.Max}
	for _, d := range ind.Deduct {
		set.Per = append(set.Per, d.Per)
	}
	for _, c := range ind.Changes {
		if c.From > month {
			break
		}
		set = c.Setting
	}
	return set
}

// boundSource says where the month key's max or min (key) of ind is
// written, as a score outside it is told: indicators.toml 的 max, or
// where a change set it, indicators.toml 第 12 行自 2026-04 起的 max —
// the 满分 of the month, which the staff who remember the old one look
// for there.
func (ind *Indicator) boundSource(month, key string) string {
	out := "indicators.toml 的 " + key
	for _, c := range ind.Changes {
		if c.From > month {
			break
		}
		if slices.Contains(c.Set, key) {
			out = fmt.Sprintf("indicators.toml 第 %d 行自 %s 起的 %s", c.Line, c.From, key)
		}
	}
	return out
}

// DecimalsWritten reports whether the decimals in force in the month key
// were written, by the indicator or a change up to that month, not the
// default of 2 or of 0 for counts (Counted): the office chose to compare
// its scores at them, so a score with more digits is a slip or a finer
// measure, either way rounded unseen into a tie.
func (ind *Indicator) DecimalsWritten(month string) bool {
	written := ind.decimalsWritten
	for _, c := range ind.Changes {
		if c.From > month {
			break
		}
		written = written || slices.Contains(c.Set, "decimals")
	}
	return written
}

// NameIn is the indicator's name in the month key (see Setting.Name).
func (ind *Indicator) NameIn(month string) string { return ind.In(month).Name }

// FormerNames are the names a change has renamed the indicator from,
// oldest first: a workbook filled before the change, and a reader who
// remembers the circulars of then, still call it by them.
func (ind *Indicator) FormerNames() []string {
	var names []string
	add := func(name string) {
		if name != ind.Name && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	add(cmp.Or(ind.baseName, ind.Name))
	for _, c := range ind.Changes {
		add(c.Name)
	}
	return names
}

// OwnersIn are the owners in the month key: of a department and the one
// that continues it after a 机构改革, both Owners, the one of that month,
// as its circular names it. A ranked owner exempted from the month's
// rankings (免考) still owns its indicator: it answers for it unranked.
func (ind *Indicator) OwnersIn(month string) []*Unit {
	var out []*Unit
	for _, u := range ind.Owners {
		if u.InSpan(month) {
			out = append(out, u)
		}
	}
	return out
}

// Number is the entry's heading number: "1." for a section's top-level
// entries and "（1）" for the children of a group, but none for a group's
// only child: an official document numbers the items of a list, and one
// item is none, as the circulars print it (its name alone, 信访件数。).
func (ind *Indicator) Number() string {
	switch {
	case ind.Parent == nil:
		return fmt.Sprintf("%d.", ind.Order)
	case len(ind.Parent.Children) == 1:
		return ""
	}
	return fmt.Sprintf("（%d）", ind.Order)
}

// A Month is one assessed month, data/YYYY-MM.toml.
type Month struct {
	Key         string // "2023-02"
	Year, Month int
	File        string
	Sum         [32]byte // SHA-256 of the file: what caches after loading key on (see Site.Hashed)
	Period      string   // "1-2月"
	OverallCity int
	Results     []*Result // in indicator document order
	Adjustments []Adjustment
	Categories  []Category
	Rewards     []Reward
	Interviews  []Interview
	Waivers     []Waiver

	// office is the kind of period the office assesses by (Site.Assesses),
	// which the loader tells every month it reads (told): the file
	// reports a period of that kind whatever its period line reads as
	// (Reads) — a monthly office's cumulative 1-3月 is March's report.
	office PeriodKind
	told   bool

	byIndicator map[string]*Result
	// warnings are the file's own (a decimal slip): kept with the month,
	// so that a load taking it from the cache warns of them again, and
	// added to the site's in the order of the months, not as the months
	// read at once finish.
	warnings diag.List
}

// Span is the period the month file reports.
func (m *Month) Span() Period { return Period{Kind: Monthly, Year: m.Year, N: m.Month} }

// Label is the month as titles write it: "2023年1-2月".
func (m *Month) Label() string {
	if yearRE.MatchString(strings.TrimSpace(m.Period)) && m.Whole() {
		return fmt.Sprintf("%d年度", m.Year) // 2024年度, not 2024年年度
	}
	if m.Period != "" {
		return fmt.Sprintf("%d年%s", m.Year, m.Period)
	}
	return fmt.Sprintf("%d年%d月", m.Year, m.Month)
}

// spanDash is a dash between a span's first and last months as staff
// type it: 1-2月, 1—2月, 1～2月, 1至2月.
const spanDash = `[-－—–~～至到]`

var (
	monthSpanRE = regexp.MustCompile(`^(\d{1,2})\s*(` + spanDash + `)\s*(\d{1,2})月$`)
	quarterRE   = regexp.MustCompile(`^第?([一二三四])季度$`)
	halfRE      = regexp.MustCompile(`^([上下])半年度?$`)
	yearRE      = regexp.MustCompile(`^(?:全年度?|年度)$`)
)

// MonthSpan reads a month file's period that names several months, as
// 1-2月 and 1-3月 do: its first and last months and the dash written
// between them.
func MonthSpan(period string) (first, last int, dash string, ok bool) {
	m := monthSpanRE.FindStringSubmatch(strings.TrimSpace(period))
	if m == nil {
		return 0, 0, "", false
	}
	first, _ = strconv.Atoi(m[1])
	last, _ = strconv.Atoi(m[3])
	return first, last, m[2], true
}

// namedPeriod reads a period written by its name — 第一季度, 上半年,
// 全年 — as the kind of period it names and the month that period ends
// with; ok is false for any other (3月, 1-3月).
func namedPeriod(period string) (k PeriodKind, end int, ok bool) {
	p := strings.TrimSpace(period)
	if q := quarterRE.FindStringSubmatch(p); q != nil {
		return Quarterly, (strings.Index("一二三四", q[1])/len("一") + 1) * 3, true
	}
	if h := halfRE.FindStringSubmatch(p); h != nil {
		if h[1] == "上" {
			return HalfYearly, 6, true
		}
		return HalfYearly, 12, true
	}
	if yearRE.MatchString(p) {
		return Yearly, 12, true
	}
	return Monthly, 0, false
}

// reportsNamed reports whether the month file's period names a period of
// kind k ending with its month (第二季度 in data/2024-06.toml), or, if
// the period is written as months, whether it is the n months ending
// with it (4-6月 for n = 3).
func (m *Month) reportsNamed(k PeriodKind, n int) bool {
	if named, end, ok := namedPeriod(m.Period); ok {
		return named == k && end == m.Month
	}
	return m.spans(n)
}

// Quarter is the quarter 1…4 the month file reports when its period
// names the calendar quarter that ends with its month (data/2024-03.toml
// of period = "1-3月" or "第一季度"), as an office assessing once a
// quarter writes it; 0 for any other month file. A streak of such files
// is counted in quarters (连续2个季度), not months.
func (m *Month) Quarter() int {
	if m.Month%3 != 0 || !m.reportsNamed(Quarterly, 3) {
		return 0
	}
	return m.Month / 3
}

// spans reports whether the month file's period is written as the n
// months that end with its month: 4-6月 in data/2024-06.toml for n = 3.
func (m *Month) spans(n int) bool {
	first, last, _, ok := MonthSpan(m.Period)
	return ok && first == m.Month-n+1 && last == m.Month
}

// Half is the half 1 or 2 the month file reports when its period names
// the half year that ends with its month (data/2024-06.toml of period =
// "1-6月" or "上半年", data/2024-12.toml of "7-12月" or "下半年"), as an
// office assessing once every half year writes it; 0 for any other.
func (m *Month) Half() int {
	if m.Month%6 != 0 || !m.reportsNamed(HalfYearly, 6) {
		return 0
	}
	return m.Month / 6
}

// Whole reports whether the month file reports its whole year:
// data/2024-12.toml of period = "1-12月", "全年" or "年度", as an office
// assessing once a year writes it.
func (m *Month) Whole() bool {
	return m.Month == 12 && m.reportsNamed(Yearly, 12)
}

// Reads is the kind of period the month file's period line reads as:
// Quarterly when it is a quarter (Quarter), HalfYearly when a half year
// (Half), Yearly when its year (Whole), else Monthly — a month, or months
// (1-2月) no office assesses by. An office that does not say how often
// it assesses is told it by what its files read as (FilesKind); what a
// file reports is the office's kind (Kind).
func (m *Month) Reads() PeriodKind {
	switch {
	case m.Quarter() > 0:
		return Quarterly
	case m.Half() > 0:
		return HalfYearly
	case m.Whole():
		return Yearly
	}
	return Monthly
}

// Kind is the kind of period the month file reports: the office's
// (Site.Assesses) for a month the loader read, so that every file of an
// office speaks of one kind — 本月 of a monthly office's 1-3月, which
// Reads takes for a quarter — and its period line's (Reads) for a Month
// made elsewhere.
func (m *Month) Kind() PeriodKind {
	if m.told {
		return m.office
	}
	return m.Reads()
}

// assessedBy tells m the kind of period its office assesses by (Kind).
func (m *Month) assessedBy(k PeriodKind) {
	if !m.told || m.office != k {
		m.office, m.told = k, true
	}
}

// Reported is the period the month file reports as a period of its
// Kind: 2024-Q2 for data/2024-06.toml of period = "4-6月", 2024-H1 for
// one of "1-6月", the month itself for any other.
func (m *Month) Reported() Period {
	switch k := m.Kind(); k {
	case Quarterly:
		return Period{Kind: k, Year: m.Year, N: m.Quarter()}
	case HalfYearly:
		return Period{Kind: k, Year: m.Year, N: m.Half()}
	case Yearly:
		return Period{Kind: k, Year: m.Year}
	}
	return m.Span()
}

// FilesKind is the kind of period months' files all read as (Month.Reads):
// Quarterly for an office that assesses once a quarter, HalfYearly for
// one that assesses every half year, Yearly for one once a year; Monthly
// when the kinds differ or there are no months.
func FilesKind(months []*Month) PeriodKind {
	if len(months) == 0 {
		return Monthly
	}
	k := months[0].Reads()
	for _, m := range months[1:] {
		if m.Reads() != k {
			return Monthly
		}
	}
	return k
}

// Assesses is the kind of period the office assesses by: config.toml's
// [assessment] period, or, unsaid, the kind its every month file reads
// as (FilesKind) — monthly when they differ, as a monthly office's
// cumulative 1-2月, 1-3月 do. Its pages speak of it, 季度, 半年度 or 年度
// where a monthly office's speak of 月 (PeriodKind.Each, Column), and so
// do its workbooks, the first file's too when config.toml says it. A site
// of the catalogue alone (LoadCatalogue) tells it by the periods its
// files write.
func (s *Site) Assesses() PeriodKind {
	if k := s.Config.Assesses; k != nil {
		return *k
	}
	if len(s.Months) == 0 {
		return FilesKind(s.filed)
	}
	return FilesKind(s.Months)
}

// Result returns the month's result for an indicator, or nil.
func (m *Month) Result(id string) *Result { return m.byIndicator[id] }

// Deducted reports whether ind is a count whose derived score m has
// (Indicator.DeductedBy, 扣分制): a circular shows the count beside
// that score, where its own ranking would repeat the score's sentence.
func (m *Month) Deducted(ind *Indicator) bool {
	for _, d := range ind.DeductedBy {
		if r := m.Result(d.ID); r != nil && len(r.Scores) > 0 {
			return true
		}
	}
	return false
}

// ReportsSection reports whether m has a result of any indicator of
// section: what a circular's indicators shortcode of it lists, and what
// the warnings of a section written over nothing or left out read.
func (m *Month) ReportsSection(section string) bool {
	return slices.ContainsFunc(m.Results, func(r *Result) bool { return r.Indicator != nil && r.Indicator.Section == section })
}

// HigherRanked reports whether the month gives the office any rank from
// above: its overall one, or an indicator's in the city or among its
// peers. An office that is never given one has no city-bottom list, and
// a month without them says nothing of where it stands above.
func (m *Month) HigherRanked() bool { return m.Higher().Any() }

// Higher is which rankings from above an office is given: the city's
// (overallCity, a result's city) and its peers' (a result's district).
type Higher struct{ City, Peer bool }

// Or is what h or o gives.
func (h Higher) Or(o Higher) Higher { return Higher{h.City || o.City, h.Peer || o.Peer} }

// Any reports whether the office is given either.
func (h Higher) Any() bool { return h.City || h.Peer }

// Uses reports whether the month file's field of key (overallCity, or a
// result's city, district, …) is of a ranking h has; every other field is.
func (h Higher) Uses(key string) bool {
	switch key {
	case "overallCity", "city", "cityTie":
		return h.City
	case "district", "districtTie", "districtLabel", "districtUnits":
		return h.Peer
	}
	return true
}

// Higher says which rankings from above the office is given, for what
// asks for them before a month has them (a new month's file, the fill-in
// workbook, a first circular's city-bottom): what config.toml's
// [ranking] cityRanks and districtRanks say; else each one a month file
// has; else, once there are months, none that no month has — an office
// never given a city rank should not be asked for one every month — and
// both while there are none, nothing being known yet. The office's word
// comes first: one no longer ranked from above says so, and its months
// of before, which keep their ranks (Month.Higher), ask no more.
func (s *Site) Higher() Higher {
	h := s.monthsHigher()
	decide := func(has *bool, said *bool) {
		switch {
		case said != nil:
			*has = *said
		case *has:
		default:
			*has = len(s.Months) == 0
		}
	}
	decide(&h.City, s.Config.Ranking.CityRanks)
	decide(&h.Peer, s.Config.Ranking.DistrictRanks)
	return h
}

// HigherHeld is which rankings from above the site's data holds or is to
// hold: those it asks for (Higher) and those any month has, which stay
// published after an office says it is no longer given them. What the
// open data is said to hold follows it, not Higher.
func (s *Site) HigherHeld() Higher { return s.Higher().Or(s.monthsHigher()) }

// monthsHigher is which rankings from above any month gives.
func (s *Site) monthsHigher() Higher {
	var h Higher
	for _, m := range s.Months {
		h = h.Or(m.Higher())
	}
	return h
}

// Higher is which rankings from above the month gives: a workbook of the
// month (tongbao export) keeps the columns of those it has, whatever the
// office now says.
func (m *Month) Higher() Higher {
	return Higher{
		City: m.OverallCity > 0 || slices.ContainsFunc(m.Results, func(r *Result) bool { return r.City > 0 }),
		Peer: slices.ContainsFunc(m.Results, func(r *Result) bool { return r.District > 0 }),
	}
}

// A Result is one indicator's assessment in one month.
type Result struct {
	Indicator     *Indicator
	City          int
	CityTie       bool
	District      int
	DistrictTie   bool
	DistrictLabel string
	DistrictUnits int
	Progress      string // inline Markdown
	Scores        []Score
	// Unscored are the units its table of scores lacks, in a month read
	// as a draft (ParseDraftMonth); a loaded month has none.
	Unscored []*Unit
	// NotApplicable are the townships of the indicator's set it did not
	// apply to this month (不涉及, notApplicable), in the order written:
	// a township with no industrial enterprise that month has no score
	// of 规模工业, is not ranked on it nor counted among those it applies
	// to, and its composite is of the other indicators — without
	// exempting it from the month or changing the catalogue for all.
	NotApplicable []Exclusion
	// Unreported are the townships of the indicator's set that did not
	// report their value this month (未报送, unreported), in the order
	// written: the indicator applies to them and they are ranked on it
	// by the office's rule (Ranking.Zero) — last, or at the lowest
	// score — where 不涉及 would leave them out, and exempting them
	// would drop them from every ranking of the month.
	Unreported []Exclusion
	Line       int // where the [[result]] stands, for later diagnostics
}

// An Exclusion is a township a result does not apply to, and why ("" when
// the month file does not say).
type Exclusion struct {
	Unit   *Unit
	Reason string
}

// Excludes reports whether the result does not apply to u (不涉及), and
// why.
func (r *Result) Excludes(u *Unit) (reason string, ok bool) {
	for _, e := range r.NotApplicable {
		if e.Unit == u {
			return e.Reason, true
		}
	}
	return "", false
}

// Unreports reports whether u did not report its value of the result
// (未报送), and the reason written.
func (r *Result) Unreports(u *Unit) (reason string, ok bool) {
	for _, e := range r.Unreported {
		if e.Unit == u {
			return e.Reason, true
		}
	}
	return "", false
}

// UnreportedValue is the value a unit that did not report is scored
// in the month key by the rule of s: the indicator's worst bound (min,
// 0 unwritten; max when lower is better) with unreported = "zero", and
// NaN, which ranks after every number (rank.Rank), with "last". ok is
// false for a lower-is-better indicator without max under "zero": it
// has no worst score.
func (s *Site) UnreportedValue(ind *Indicator, key string) (v float64, ok bool) {
	set := ind.In(key)
	switch {
	case !s.Config.Ranking.Zero:
		return math.NaN(), true
	case set.HigherBetter:
		return set.Floor(), true
	case set.Max != nil:
		return *set.Max, true
	}
	return 0, false
}

// A Score is one township's raw score on one indicator.
type Score struct {
	Unit  *Unit
	Value float64
}

type Adjustment struct {
	Unit   *Unit
	Points float64
	Reason string
}

type Category struct {
	Name  string
	Units []*Unit
}

// CarryCategories are categories of an earlier month as the month key
// would have them: a department not assessed in it (units.toml until)
// replaced by the one that continues it, if that one is and is not
// listed already, else left out. tongbao new and the fill-in workbook
// start a month from them.
func CarryCategories(cats []Category, key string) []Category {
	listed := map[*Unit]bool{}
	for _, c := range cats {
		for _, u := range c.Units {
			listed[u] = true
		}
	}
	out := make([]Category, len(cats))
	for i, c := range cats {
		out[i].Name = c.Name
		for _, u := range c.Units {
			for u != nil && !u.AssessedIn(key) {
				u = u.Became
			}
			if u != nil && (!listed[u] || slices.Contains(c.Units, u)) && !slices.Contains(out[i].Units, u) {
				listed[u] = true
				out[i].Units = append(out[i].Units, u)
			}
		}
	}
	return out
}

// RewardAction is the action of a reward: the measure that carries an
// amount, written in a month file's [[reward]] and the rewards shortcode.
const RewardAction = "奖励"

// A Reward is a hand-written [[reward]] of a month file.
type Reward struct {
	Unit   *Unit
	Amount int64
	Reason string
	Line   int // where the [[reward]] stands: the measure's provenance
}

// An Interview is a hand-written [[interview]] of a month file.
type Interview struct {
	Unit   *Unit
	Who    string
	Kind   string
	Reason string
	Line   int
}

// A Waiver is a month file's [[waiver]]: a measure its rules give this
// month that the office decided not to take (免予约谈 after a flood, a
// reward withheld for an accident), why, and where it stands. The rules
// stay as they are, and so does every other month.
//
// A quarterly, half-year or annual circular carries its period's in its
// front matter (Circular.Waivers): a quarter has no month file.
type Waiver struct {
	Unit   *Unit
	Action string
	Reason string
	Line   int
	Col    int // where [[waiver]] stands in a circular; 0 in a month file, whose tables start a line
	// Last is last = true: a veto (一票否决) that puts the unit last in
	// the period's composite ranking, the others closing up, as some
	// 考核办法 do beyond withholding its reward.
	Last bool
}

// Date is a calendar date without a time zone: documents are dated by day,
// and a time zone would make output depend on the machine.
type Date struct{ Year, Month, Day int }

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// A Circular is content/circulars/*.md: one published circular.
type Circular struct {
	File string
	Sum  [32]byte // SHA-256 of the file, for caches (see Site.Hashed)

	Number string // 文号: 双政办函〔2023〕14号
	// NumberLine and NumberCol are where number = stands: the 文号 gives
	// the circular its URL, so diagnostics about the URL point there.
	NumberLine, NumberCol int
	Code                  string // 发文机关代字, from the 文号: 双政办函
	Year                  int    // from the 文号
	Serial                int    // from the 文号
	Slug                  string // the address's last part instead of Serial (front matter slug), or ""
	IndexNo               string // 索引号 (front matter indexNo), or "": OrgCode/Year-Serial
	Title                 string
	Date                  Date
	To                    string
	Data                  Period // the period it reports: a month, or a span of months (DESIGN.md §5.10)
	Letter                bool   // format = "letter" (信函格式); "file" otherwise
	// Issuers are the offices that issue it jointly (联合行文), the lead
	// office (主办机关) first, as front matter issuers lists them; nil
	// when it is the site's issuer's alone (Site.Issuers).
	Issuers []string
	// IssuersLine and IssuersCol are where issuers = stands: whether
	// the site's own issuer is among them is checked with the config.
	IssuersLine, IssuersCol int
	Valid                   string // 有效性: 有效 | 失效 | 废止 (front matter valid)
	Topic                   string // 主题分类, if not [terms] topic
	// Notes are the 附注, each in parentheses on a line of its own (GB/T
	// 9704 §7.3.6), written without them: 此件公开发布, 联系人：…; nil for
	// none.
	Notes       []string
	CC          string // 抄送机关, without the closing 。
	Printer     string // 印发机关 (文件格式's 版记), when Printed is set
	Printed     Date   // 印发日期; zero when the 版记 lists no 印发 line
	Published   Date   // 发布日期, when the portal published it later than its date; zero otherwise
	Updated     Date   // 更新日期, when corrected after it was published; zero otherwise
	Correction  string // 更正说明: what was corrected on Updated; "" for none said
	Attachments []Attachment
	Entries     []EntryEdit // its [[entry]]s: the edits of its indicators' entries
	// Waivers are the [[waiver]]s of a quarterly, half-year or annual
	// circular: the measures its period's rules give that the office
	// does not take (§5.10 has no month file to write them in). Nil in
	// the parse, cached by the file, which holds the units' names alone:
	// the loader resolves them against units.toml (frontWaiver).
	Waivers   []Waiver
	Linked    []Attachment // the files in content/ its body links to (see bodyLinks)
	PageLinks []PageLink   // its body's links to other Markdown files
	RootLinks []RootLink   // its body's links written from the host's root (/about/)
	Aliases   []Alias      // the addresses it had before (front matter aliases)
	Body      []byte       // the Markdown; nil once a build has converted it (render.Options.ReleaseSources)
	BodyLine  int          // line of the file on which Body starts

	// Undated marks the circular of a month read as a draft (LoadDraft)
	// whose date is not given yet: Date is zero, and it sorts after every
	// dated circular, as the newest. A loaded site has none.
	Undated bool
}

// An EntryEdit is a circular's [[entry]]: what the leadership changed,
// in this circular only, of one entry the indicators shortcode writes —
// a sentence after its ranking sentences, other words in their place, or
// the entry left out. The month's data, the appendix and data.json stay
// as the rules make them: the edit is of the text.
type EntryEdit struct {
	Indicator string // its id
	After     string // inline Markdown, after the ranking sentences; "" for none
	Ranking   string // the words in place of the ranking sentences; "" to keep them
	Omit      bool
	Line, Col int // where indicator = stands
}

// Entry returns c's edit of the entry of indicator id, or nil.
func (c *Circular) Entry(id string) *EntryEdit {
	for i := range c.Entries {
		if c.Entries[i].Indicator == id {
			return &c.Entries[i]
		}
	}
	return nil
}

// URLPath is the circular's permanent path: circulars/2023/14/, or
// circulars/2023/<slug>/ where two kinds of 文号 of a year share a serial.
func (c *Circular) URLPath() string {
	if c.Slug != "" {
		return fmt.Sprintf("circulars/%d/%s/", c.Year, c.Slug)
	}
	return fmt.Sprintf("circulars/%d/%d/", c.Year, c.Serial)
}

// A Page is any other Markdown file under content/.
type Page struct {
	File string
	Sum  [32]byte // SHA-256 of the file, for caches (see Site.Hashed)

	Path        string // URL path: "about/", "notices/2023-05/"
	Title       string
	Date        Date
	Updated     Date   // 更新日期, when corrected after it was published; zero otherwise
	Valid       string // 有效性: 有效 | 失效 | 废止
	Attachments []Attachment
	Linked      []Attachment // the files in content/ its body links to (see bodyLinks)
	PageLinks   []PageLink   // its body's links to other Markdown files
	RootLinks   []RootLink   // its body's links written from the host's root (/about/)
	Aliases     []Alias      // the addresses it had before (front matter aliases)
	Body        []byte       // the Markdown; nil once a build has converted it (render.Options.ReleaseSources)
	BodyLine    int
}

// Month finds a month by its key, "2023-02".
func (s *Site) Month(key string) *Month { return s.months[key] }

// DraftFiles are the files whose warnings a draft of the circulars files
// (LoadDraft) shows: those circulars and the month files they report. A
// score written "9.6" in the month being gathered is warned of while it
// is gathered, not first when it is complete.
func (s *Site) DraftFiles(files []string) []string {
	out := slices.Clone(files)
	for _, c := range s.Circulars {
		if !slices.Contains(files, c.File) {
			continue
		}
		if m := s.Month(c.Data.Key()); m != nil && !slices.Contains(out, m.File) {
			out = append(out, m.File)
		}
	}
	return out
}

// NewIndicator reports whether ind is an indicator no month has a result
// of, not a heading of others: one added to the catalogue for a new
// 考核办法, which tongbao new and the workbook ask for though last month
// has no result of it. A heading is listed by its children's results.
func (s *Site) NewIndicator(ind *Indicator) bool {
	if len(ind.Children) > 0 {
		return false
	}
	for _, m := range s.Months {
		if m.Result(ind.ID) != nil {
			return false
		}
	}
	return true
}

// Indicator finds an indicator by id.
func (s *Site) Indicator(id string) *Indicator { return s.indicators[id] }

// Owned reports whether any indicator has an owner (责任单位): only then
// is a month's workbook handed out to the departments to fill (export
// --departments), which new and the workbook say, and an office whose
// indicators have none is not told to.
func (s *Site) Owned() bool {
	return slices.ContainsFunc(s.Indicators, func(ind *Indicator) bool { return len(ind.Owners) > 0 })
}

// Owners are the units that own an indicator (责任单位), ranked units
// first and departments after, each in units.toml order: a ranked unit
// may own one too (县信访局 of an office that ranks its 县直单位), and is
// handed its workbook and owed its scores as a department is.
func (s *Site) Owners() []*Unit {
	owns := map[*Unit]bool{}
	for _, ind := range s.Indicators {
		for _, u := range ind.Owners {
			owns[u] = true
		}
	}
	return slices.DeleteFunc(slices.Concat(s.Townships, s.Departments), func(u *Unit) bool { return !owns[u] })
}

// PublishDate is the date the circular was published (发布日期): its
// published, or else its date. Offices often publish a circular days
// after it is signed (成文日期); the portal's metadata lists both.
func (c *Circular) PublishDate() Date { return later(c.Date, c.Published) }

// LastPublished is the latest of the circulars' publish dates: the date
// the archive last grew, which the pages drawn from all of it (a unit's
// history, the indexes of units and indicators) give as their 更新日期.
// It is zero without a dated circular.
func (s *Site) LastPublished() Date {
	var last Date
	for _, c := range s.Circulars {
		last = later(last, c.PublishDate())
	}
	return last
}

// Modified is the date a circular last changed as published: its
// updated, or else its publish date.
func (c *Circular) Modified() Date { return later(c.PublishDate(), c.Updated) }

// Modified is the date a page last changed as published: its updated,
// or else its date (zero when it has neither).
func (p *Page) Modified() Date { return later(p.Date, p.Updated) }

// later is the later of two dates; a zero date is the earliest.
func later(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}
