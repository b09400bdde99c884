package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	utf16pkg "unicode/utf16"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/markdown"
	"tongbao/internal/zh"
)

// MaxFileSize bounds every input file. Real month files are a few
// kilobytes; anything near this is a mistake (a pasted export, a binary)
// that would otherwise make the preview server crawl.
const MaxFileSize = 10 << 20

// Load reads and validates the site rooted at dir. On any problem it
// returns a nil Site and a diag.List holding every problem found.
func Load(dir string) (*Site, error) {
	return LoadCached(dir, nil)
}

// LoadCached is Load reusing what c holds from the last load of the same
// site; c may be nil.
func LoadCached(dir string, c *Cache) (*Site, error) {
	l, err := load(dir, c, nil)
	if err != nil {
		return nil, err
	}
	return l.s, nil
}

// LoadPreview is LoadCached for the preview server, which shows a site
// whose newest month is still being gathered: a month file with scores
// to come, a circular without its date. When every problem of the site
// is in the file of one of its newest months or in a circular of one
// (data = that month), it returns, beside the problems, the site as it
// was before those months were begun — loaded without them and their
// circulars — and their keys, so that every other page can be previewed
// as it is edited. Problems anywhere else, or in a month older than one
// without any, hold nothing back: a hole in the archive would show its
// histories wrong.
func LoadPreview(dir string, c *Cache) (*Site, []string, error) {
	l, err := load(dir, c, nil)
	if err == nil {
		return l.withoutUnreported(dir, c).s, nil, nil
	}
	if l == nil || l.badCatalogue {
		return nil, nil, err
	}
	s, held := l.without(dir, c, l.diags)
	if s == nil {
		return nil, nil, err
	}
	return s, held, err
}

// LoadWithout is LoadPreview for the problems of rendering the site in
// dir, which loads: a shortcode misspelt in the circular being written
// holds its month back as a month file's problem does. It returns nil if
// the problems are not all in the newest months' files and circulars.
func LoadWithout(dir string, c *Cache, problems diag.List) (*Site, []string) {
	l, err := load(dir, c, nil)
	if err != nil {
		return nil, nil
	}
	return l.without(dir, c, problems)
}

// LoadExcept is Load without the months named and their circulars — a
// quarter's, a half-year's or a year's too, when it spans one — for
// publishing the rest of the site while the newest month is still being
// gathered, or while its circular awaits signing (tongbao build
// --without). Only the newest months may be left out: without an older
// one, each later month's comparisons with the month before would be
// wrong. It returns the files of the circulars left out.
func LoadExcept(dir string, months []string) (*Site, []string, error) {
	hold := map[string]bool{}
	for _, m := range months {
		if p, ok := ParsePeriod(m); !ok || p.Kind != Monthly {
			return nil, nil, fmt.Errorf("“%s”不是月份（应写作 2023-03）", m)
		}
		hold[m] = true
	}
	l, err := load(dir, nil, hold)
	if len(hold) == 0 {
		if err != nil {
			return nil, nil, err
		}
		return l.withoutUnreported(dir, nil).s, nil, nil
	}
	if l == nil {
		return nil, nil, err
	}
	for _, m := range slices.Sorted(maps.Keys(hold)) {
		if !l.fileExists("data/" + m + ".toml") {
			return nil, nil, fmt.Errorf("没有 data/%s.toml，无从略去 %s", m, m)
		}
	}
	if later := l.keptAfter(hold); later != "" {
		return nil, nil, fmt.Errorf("只能略去最新的月份：%s 之后还有 data/%s.toml（略去较早的月份，其后各月与上月的比较就不对了）", slices.Min(slices.Collect(maps.Keys(hold))), later)
	}
	if err != nil {
		return nil, nil, err
	}
	return l.withoutUnreported(dir, nil).s, l.heldCirculars, nil
}

// LoadGathering is Load for tongbao build and check, which say how to go
// on when the site cannot be built for a month still being gathered. With
// the problems, it returns the newest months that hold every one of them
// if none has a circular whose 成文日期 is given: months not yet
// published, which can be left out meanwhile (LoadExcept). A month whose
// circular is dated has been published, or is about to be: leaving it out
// would take it off the portal. (Rendering finds problems only in
// circulars that load, which are dated.)
func LoadGathering(dir string) (*Site, []string, error) {
	l, err := load(dir, nil, nil)
	if err == nil {
		return l.withoutUnreported(dir, nil).s, nil, nil
	}
	if l == nil || l.badCatalogue {
		return nil, nil, err
	}
	months := l.newestFaulty(l.diags)
	for m := range months {
		if l.signed[m] {
			return nil, nil, err
		}
	}
	return nil, slices.Sorted(maps.Keys(months)), err
}

// reportedMonths finds the months no circular reports — by data = the
// month, or a quarter, half or year spanning it — newer than the first
// one that is reported: the newest of them, newer than every reported
// month, are unreported, and a build leaves them out (see
// withoutUnreported); of the others it warns. A month file is written
// before its circular (or kept when the circular is deleted), and, read
// as any other, it published the month's ranks on the unit and indicator
// pages, /rankings/ and the open data before any circular said them.
// The months before the first reported are the archive's backfill, which
// the first circulars compare with (上月, streaks): not warned of.
func (l *loader) reportedMonths() {
	s := l.s
	// By month, once: a load of 50 years has 600 months and as many
	// circulars, and the preview loads at every save.
	months := map[Period]bool{}
	for _, c := range s.Circulars {
		if c.Data.Year == 0 {
			continue
		}
		first, last := c.Data.Months()
		for n := first; n <= last; n++ {
			months[Period{Kind: Monthly, Year: c.Data.Year, N: n}] = true
		}
	}
	reported := func(m *Month) bool { return months[Period{Kind: Monthly, Year: m.Year, N: m.Month}] }
	first, last := -1, -1
	for i, m := range s.Months { // oldest first
		if reported(m) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i, m := range s.Months {
		switch {
		case i > last:
			l.unreported = append(l.unreported, m.Key)
		case i > first && !reported(m):
			s.Warnings.Add(m.File, 1, 1, "警告：没有通报报告"+s.Assesses().This()+"（data = \"%s\"），它的名次仍在单位、指标页面、考核排名和开放数据中发布；如果它的通报删去了，这个数据文件也应删去或移出 data/", m.Key)
		}
	}
}

// assessedBy tells every month the kind of period the office assesses by
// (Month.Kind), and warns of month files that read as periods of
// different kinds when config.toml does not say which the office
// assesses by: the site is then read as a monthly office's, every file
// its month's report, which is right of an office writing its months
// cumulatively (1-2月, 1-3月, 1-4月) and wrong of a quarterly office's
// 1-3月, 4-6月 with a stray 8月 among them; the one config.toml key
// tells the two apart, and makes the stray file an error.
func (l *loader) assessedBy() {
	s := l.s
	kind := s.Assesses()
	for _, m := range s.Months {
		m.assessedBy(kind)
	}
	if s.Config.Assesses != nil || kind != Monthly {
		return
	}
	i := slices.IndexFunc(s.Months, func(m *Month) bool { return m.Reads() != Monthly })
	j := slices.IndexFunc(s.Months, func(m *Month) bool { return m.Reads() == Monthly })
	if i < 0 || j < 0 {
		return
	}
	span, month := s.Months[i], s.Months[j]
	k := span.Reads()
	s.Warnings.Add("config.toml", 1, 1, "警告：数据文件的期别有的像是一个%s的（%s 的 period 为 \"%s\"），有的不是（%s 的 period 为 \"%s\"），本站就按每月考核读取，每个文件报告它那个月："+
		"本站每月考核、期别写累计的月份的，在 config.toml 写 [assessment] period = \"month\"，不再提醒；本站每%s考核的，写 period = \"%s\"，check 会指出期别不是%s的文件",
		k.Noun(), span.File, span.Period, month.File, cmp.Or(month.Period, fmt.Sprintf("%d月", month.Month)), k.Noun(), k, k.Noun())
}

// spanRulesOfSpanFiles warns of a rule of period = "quarter" on a site
// that assesses once a quarter (Site.Assesses) and has no circular of
// data = "2024-Q1", and of period = "half" on one that assesses every
// half year and has none of data = "2024-H1": the office's word for its
// circulars is 季度 (半年), but each reports a file of the period's last
// month, a month's circular, to which only rules of period = "month"
// apply; the rule, never applied, would go unnoticed, its rewards and
// 约谈 missing from every circular.
func (l *loader) spanRulesOfSpanFiles() {
	s := l.s
	kind := s.Assesses()
	if len(s.Months) == 0 {
		return // an office that says how often it assesses, before its first file
	}
	if kind == Yearly {
		l.yearRepeats()
		return
	}
	if kind == Monthly || slices.ContainsFunc(s.Circulars, func(c *Circular) bool { return c.Data.Kind == kind }) {
		return
	}
	m := s.Months[0]
	aggregate := Period{Kind: kind, Year: m.Year, N: 1}
	for _, r := range s.Config.Rules {
		if r.Period == kind {
			s.Warnings.Add("config.toml", r.Line, 1, "警告：这条规则写了 period = \"%s\"，只用于由各月数据汇总的%s通报（data = \"%s\" 这样的），本站没有这种通报，它从不适用；"+
				"本站每%s一个数据文件（如 %s 的 period 为 \"%s\"），报告它的通报（data = \"%s\"）适用的是 period = \"month\" 的规则：删去 period 这一行",
				kind, kind.Noun(), aggregate.Key(), kind.Noun(), m.File, m.Period, m.Key)
		}
	}
}

// yearRepeats warns an office that assesses once a year (every file a
// year, Site.Assesses) of a rule of period = "year" and of a circular of
// data = "2024": the year's aggregate of its one file is that file
// again, its circular (data = "2024-12") already the year's circular, so
// the aggregate would publish the same ranking twice, and a rule of
// period = "year" would reward or 约谈 twice a unit its rules of months
// already do — or, with no aggregate there, never apply.
func (l *loader) yearRepeats() {
	s := l.s
	m := s.Months[len(s.Months)-1]
	for _, r := range s.Config.Rules {
		if r.Period == Yearly {
			s.Warnings.Add("config.toml", r.Line, 1, "警告：这条规则写了 period = \"year\"，只用于由各月数据汇总的年度通报（data = \"%d\" 这样的）；"+
				"本站每年一个数据文件（如 %s 的 period 为 \"%s\"），报告它的通报（data = \"%s\"）就是年度通报，适用的是 period = \"month\" 的规则：删去 period 这一行",
				m.Year, m.File, m.Period, m.Key)
		}
	}
	for _, c := range s.Circulars {
		if c.Data.Kind != Yearly {
			continue
		}
		at := l.dataAt[c.File]
		file := Period{Kind: Monthly, Year: c.Data.Year, N: 12}.Key()
		s.Warnings.Add(c.File, at[0], at[1], "警告：本站每年一个数据文件，data = \"%d\" 汇总的只有 data/%s.toml 这一个文件，与报告它的通报（data = \"%s\"）排名、奖惩相同，重复发布：年度通报写 data = \"%s\"",
			c.Data.Year, file, file, file)
	}
}

// withoutUnreported loads the site in dir again without the months l
// found unreported (see reportedMonths), and those l held, as LoadExcept
// does, and warns of each it adds; l itself if there are none, or if the
// load without them fails (the load with them did not).
func (l *loader) withoutUnreported(dir string, c *Cache) *loader {
	if len(l.unreported) == 0 {
		return l
	}
	hold := maps.Clone(l.hold)
	if hold == nil {
		hold = map[string]bool{}
	}
	for _, m := range l.unreported {
		hold[m] = true
	}
	w, err := load(dir, c, hold)
	if w == nil || err != nil {
		return l
	}
	for _, m := range l.unreported {
		w.s.Warnings.Add("data/"+m+".toml", 1, 1, "警告：还没有通报报告"+l.s.Assesses().This()+"（data = \"%s\"），暂不发布它的数据；写好它的通报（如 content/circulars/%s.md）后一同发布", m, m)
	}
	w.s.Warnings.Sort()
	return w
}

// keptAfter returns the oldest month file of the site that hold leaves in
// although it is newer than a month hold leaves out, or "" if none is.
func (l *loader) keptAfter(hold map[string]bool) string {
	oldest := slices.Min(slices.Collect(maps.Keys(hold)))
	kept := ""
	for _, rel := range l.walk("data") {
		if m := monthFileRE.FindStringSubmatch(rel); m != nil {
			if k := m[1] + "-" + m[2]; k > oldest && !hold[k] && (kept == "" || k < kept) {
				kept = k
			}
		}
	}
	return kept
}

// holds reports whether a circular whose data = is key is left out with
// the months held back: one of them, or a period spanning one, whose
// circular would otherwise report it without that month.
func (l *loader) holds(key string) bool { return covers(l.hold, key) }

// covers reports whether the period key is one of months or spans one.
func covers(months map[string]bool, key string) bool {
	if len(months) == 0 {
		return false
	}
	if months[key] {
		return true
	}
	span, ok := ParsePeriod(key)
	if !ok || span.Kind == Monthly {
		return false
	}
	for m := range months {
		if p, _ := ParsePeriod(m); span.Contains(p.Year, p.N) {
			return true
		}
	}
	return false
}

// LoadDraft is the site in dir with the months LoadPreview holds back
// read as drafts, for the preview to show their circulars as they stand
// while they are gathered: a month file's scores still to come are not
// there (ParseDraftMonth: a township without its score is not ranked on
// that indicator, as one not assessed), nor are departments not sorted
// into [categories] yet (the categories as they stand), and a circular
// whose front matter lacks only its date is there, Undated. It returns
// the site and the files of the circulars of those months (or of
// periods spanning one) that it holds; nil when the site has any other
// problem than those of such circulars — a month that cannot be read
// even as a draft (a syntax error, an unknown unit) among them. Never
// for a build: the site it gives is not one to publish.
//
// The problems of those circulars are returned too. Most are the
// preview's already, from the load of the site as it is (a placeholder
// still to fill in is a draft's); but an undated circular is checked
// against the others only here — its 文号 the same as another's, it is
// left out of the draft, and this says why.
func LoadDraft(dir string, c *Cache, months []string) (*Site, []string, diag.List) {
	l, err := startLoad(dir, c)
	if err != nil {
		return nil, nil, nil
	}
	l.drafts = map[string]bool{}
	for _, m := range months {
		l.drafts[m] = true
	}
	if l.rest(); l.badCatalogue {
		return nil, nil, nil
	}
	for _, d := range l.diags {
		if k, ok := l.circularData[d.File]; !ok || !covers(l.drafts, k) {
			return nil, nil, nil
		}
	}
	return l.s, l.drafted, l.diags
}

// without loads the site again without the newest months holding every
// one of problems (see newestFaulty), and returns it and them.
func (l *loader) without(dir string, c *Cache, problems diag.List) (*Site, []string) {
	hold := l.newestFaulty(problems)
	if hold == nil {
		return nil, nil
	}
	h, err := load(dir, c, hold)
	if err != nil {
		return nil, nil
	}
	return h.withoutUnreported(dir, c).s, slices.Sorted(maps.Keys(hold))
}

// load loads the site in dir without the months hold names (and their
// circulars); the loader is returned with the problems, unless the
// folder could not be read at all.
func load(dir string, c *Cache, hold map[string]bool) (*loader, error) {
	l, err := startLoad(dir, c)
	if err != nil {
		return nil, err
	}
	l.hold = hold
	return l, l.rest()
}

// rest reads and checks what follows the catalogue: the month files, the
// content, the layouts.
func (l *loader) rest() error {
	if l.badCatalogue {
		// Without the catalogue every month and circular would report
		// each unit and indicator it lost as unknown: it comes first.
		return l.diags.Err()
	}
	l.monthFiles()
	l.assessedBy()
	l.ranksBeyondUnits()
	l.deletedTownships()
	l.changesOfUnassessed()
	l.dataSound = len(l.diags) == 0
	l.content()
	l.reportedMonths()
	l.spanRulesOfSpanFiles()
	l.static()
	l.layouts()
	l.staleLayouts()
	l.lostSiteMap()
	l.unlinkedCustomCSS()
	l.staleStylesheets()
	l.baseBlocks()
	l.pageFrame()
	l.checkAssetRefs()
	l.cssRefs()
	l.finish()
	return l.diags.Err()
}

// LoadWith is Load of the site in dir as it would be with the month files
// months holds, by path (data/2023-03.toml), holding those texts, whether
// there are such files or not: how tongbao import checks the site with
// the month file it would write, before writing it. Beside every problem
// found, it returns the site whenever its configuration, units,
// indicators and month files have none — though its circulars or layouts
// may (the undated circular of a month being gathered) — since ranking
// reads no more; nil otherwise. An error that is not a diag.List says
// that the folder could not be read.
func LoadWith(dir string, months map[string][]byte) (*Site, diag.List, error) {
	l, err := startLoad(dir, nil)
	if err != nil {
		return nil, nil, err
	}
	l.with = months
	err = l.rest()
	var problems diag.List
	if err != nil && !errors.As(err, &problems) {
		return nil, nil, err
	}
	if !l.dataSound {
		return nil, problems, nil
	}
	return l.s, problems, nil
}

// newestFaulty returns the months whose files or circulars hold every
// one of problems, if they are the site's newest months; nil otherwise.
// A problem of a quarter's, half's or year's circular is held by a month
// it spans that is at fault itself (the quarter's circular written while
// its last month is gathered): holding the month holds the circular, as
// LoadExcept does.
func (l *loader) newestFaulty(problems diag.List) map[string]bool {
	if len(problems) == 0 {
		return nil
	}
	faulty := map[string]bool{}
	var spans []string // the aggregates' keys, for the months' to cover
	for _, d := range problems {
		key := ""
		if m := monthFileRE.FindStringSubmatch(d.File); m != nil {
			key = m[1] + "-" + m[2]
		} else if k, ok := l.circularData[d.File]; ok {
			key = k
		}
		p, ok := ParsePeriod(key)
		switch {
		case !ok:
			return nil
		case p.Kind != Monthly:
			spans = append(spans, key)
		default:
			faulty[key] = true
		}
	}
	for _, key := range spans {
		if !covers(faulty, key) {
			return nil
		}
	}
	if l.keptAfter(faulty) != "" {
		return nil
	}
	return faulty
}

// LoadCatalogue reads only what a month file is checked against:
// config.toml, the units and the indicators. The Site it returns has no
// months, content or layouts; ParseMonth checks a month against it.
func LoadCatalogue(dir string) (*Site, error) {
	l, err := startLoad(dir, nil)
	if err != nil {
		return nil, err
	}
	if err := l.diags.Err(); err != nil {
		return nil, err
	}
	l.s.filed = l.filedPeriods()
	return l.s, nil
}

// topPeriodRE is a month file's period = line, before its first table
// (firstTableRE).
var (
	topPeriodRE  = regexp.MustCompile(`(?m)^[ \t]*period[ \t]*=[ \t]*["']([^"'\n]*)["']`)
	firstTableRE = regexp.MustCompile(`(?m)^[ \t]*\[`)
)

// filedPeriods are the month files in data/ with their keys and periods
// only (Site.filed), each read up to its first table: what the office
// assesses by, without parsing the months — a file that is wrong is the
// concern of the commands that read it whole. A period written
// otherwise than as a plain string reads as none, a month.
func (l *loader) filedPeriods() []*Month {
	var out []*Month
	for _, rel := range l.walk("data") {
		m := monthFileRE.FindStringSubmatch(rel)
		if m == nil {
			continue
		}
		src, err := os.ReadFile(filepath.Join(l.root, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		out = append(out, &Month{Key: m[1] + "-" + m[2], File: rel, Year: atoi(m[1]), Month: atoi(m[2]), Period: headPeriod(src)})
	}
	return out
}

// headPeriod is the period a month file's text writes before its first
// table, read without parsing it; "" if none.
func headPeriod(src []byte) string {
	text := string(src)
	if i := firstTableRE.FindStringIndex(text); i != nil {
		text = text[:i[0]]
	}
	if p := topPeriodRE.FindStringSubmatch(text); p != nil {
		return PeriodText(p[1])
	}
	return ""
}

// startLoad makes the loader of the site in dir and reads the catalogue.
func startLoad(dir string, c *Cache) (*loader, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		if err == nil {
			return nil, diag.List{{File: dir, Msg: "这是一个文件，不是站点目录：-s 应指定站点的目录（其中有 config.toml）"}}
		}
		return nil, diag.List{{File: dir, Msg: "站点目录不存在"}}
	}
	if _, err := os.Stat(filepath.Join(root, "config.toml")); errors.Is(err, fs.ErrNotExist) {
		return nil, diag.List{{File: "config.toml", Msg: notASite(root)}}
	}
	l := &loader{root: root, cache: c, s: &Site{
		Hashed:     c != nil,
		units:      map[string]*Unit{},
		indicators: map[string]*Indicator{},
		months:     map[string]*Month{},
	}, md: sync.OnceValue(markdown.New)}
	l.loadCatalogue()
	return l, nil
}

// notASite says that root, which has no config.toml, is not a site, and
// where the site may be: staff start commands in the folder of the file
// they were editing (data/, content/circulars/).
func notASite(root string) string {
	msg := "无法读取：文件不存在——" + root + " 不是 tongbao 站点的目录（站点目录中有 config.toml）"
	if dir := EnclosingSite(root); dir != "" {
		return msg + "；站点目录似乎是 " + dir + "：在那里运行，或用 -s " + dir + " 指定"
	}
	return msg + "；在站点目录中运行，或用 -s 指定；新建站点用 tongbao init 目录"
}

// EnclosingSite is the site folder that dir, which has no config.toml,
// is a folder of, up to three levels up (data/, content/circulars/), or
// "" when there is none.
func EnclosingSite(dir string) string {
	for up := filepath.Dir(dir); ; up = filepath.Dir(up) {
		if _, err := os.Stat(filepath.Join(up, "config.toml")); err == nil {
			return up
		}
		if filepath.Dir(up) == up || strings.Count(dir[len(up):], string(filepath.Separator)) >= 3 {
			return ""
		}
	}
}

type loader struct {
	root  string
	cache *Cache
	s     *Site
	diags diag.List
	place func(path string) string // see tomlFile.place; nil for files on disk
	draft bool                     // a month being filled in (ParseDraftMonth)
	// assesses is the kind of period the office assesses by, told to each
	// month as it is read (Month.Kind), so that its check words speak of
	// it: config.toml's, or, unsaid, the one every file's period reads as
	// (monthFiles); nil before it is known.
	assesses *PeriodKind
	// drafts are the months read as drafts (LoadDraft), and drafted the
	// files of their circulars that were read.
	drafts  map[string]bool
	drafted []string

	// badCatalogue: a file of the catalogue could not be read or parsed,
	// or units.toml or indicators.toml has a problem. Nothing else is
	// read then (catalogue).
	badCatalogue bool
	// dataSound reports that the catalogue and the month files were read
	// without a problem (LoadWith).
	dataSound bool
	// with are month files' texts read in place of the files' (LoadWith).
	with map[string][]byte

	// otherNames are the units' other names (units.toml otherNames),
	// each with where it is written, for the indicators' names and short
	// names to be held apart from them.
	otherNames map[string]otherName

	// md finds the links of the bodies (markdown.Converter.Links).
	md func() *markdown.Converter

	// hold are the months left out, with their circulars (LoadPreview,
	// LoadExcept), and heldCirculars those circulars' files;
	// circularData is the data = of each circular read, by file, and
	// signed the months with a circular whose date is given.
	hold          map[string]bool
	heldCirculars []string
	circularData  map[string]string
	signed        map[string]bool
	// dataAt is where each circular's data = stands, by file, for what
	// is said of the circular once every file is read (yearRepeats).
	dataAt map[string][2]int
	// unreported are the newest months, which no circular reports yet
	// (see reportedMonths).
	unreported []string

	// configFile and ruleRecords are config.toml and its [[rule]]s as
	// read: rules name groups and indicators, and are resolved once
	// those are read (rules).
	configFile  *tomlFile
	ruleRecords []*record
	// gradeRecords are its [[grade]]s, resolved as the rules are (grades).
	gradeRecords []*record

	// contentFiles are the files under content/, by which a link to a
	// file that is not there is told where one of its name is (nearest);
	// byName, made once a link asks, the same by their names in lower
	// case: an archive moved from another system may have thousands of
	// links to files not there, and as many files.
	contentFiles []string
	byNameOnce   sync.Once
	byName       map[string][]string
}

// read returns a file's text ready for parsing: checked for size, UTF-8
// and symlinks leaving the site, without a BOM, with LF line ends.
func (l *loader) read(rel string) []byte {
	return readText(l.root, rel, &l.diags)
}

// readText is read for any goroutine: problems go to d.
func readText(root, rel string, d *diag.List) []byte {
	if b := readFile(root, rel, d); b != nil {
		return normalize(rel, b, d)
	}
	return nil
}

// readFile returns a file's bytes, refusing what a site must not hold: a
// symlink out of the site, something that is not a file, a huge file.
func readFile(root, rel string, d *diag.List) []byte {
	full := filepath.Join(root, filepath.FromSlash(rel))
	if b, ok := readRegular(full); ok {
		return b
	}
	// Whatever the quick read did not take — a symlink, something that
	// is not a file, a huge file, an error — is looked at here, which
	// says why.
	if _, ok := statFile(root, rel, MaxFileSize, d); !ok {
		return nil
	}
	b, err := os.ReadFile(full)
	if err != nil {
		d.Add(rel, 0, 0, "无法读取：%s", errText(err))
		return nil
	}
	return b
}

// statFile checks that rel is a file the site may hold — not a symlink
// out of the site, a file, of at most limit bytes — and returns its
// information, or reports why not.
func statFile(root, rel string, limit int64, d *diag.List) (fs.FileInfo, bool) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	if err != nil {
		d.Add(rel, 0, 0, "无法读取：%s", errText(err))
		return nil, false
	}
	// A link in the last place, or a folder of the site on the way that
	// is one (附件 linked to a shared drive), must lead to a file in the
	// site, or anything the drive holds would be published. Only then is
	// the whole path resolved: the preview stats every attachment at
	// every save, and a lstat of each folder of rel costs a tenth of
	// resolving the path from the root of the disk.
	link := fi.Mode()&fs.ModeSymlink != 0
	if link || linkedFolder(root, rel) {
		target, err := filepath.EvalSymlinks(full)
		if err != nil {
			d.Add(rel, 0, 0, "符号链接无法解析：%s", errText(err))
			return nil, false
		}
		home, err := filepath.EvalSymlinks(root)
		if err != nil {
			home = root
		}
		if r, err := filepath.Rel(home, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
			if link {
				d.Add(rel, 0, 0, "符号链接指向站点目录之外（%s），已拒绝", target)
			} else {
				d.Add(rel, 0, 0, "所在的文件夹是符号链接，指向站点目录之外（%s），已拒绝", filepath.Dir(target))
			}
			return nil, false
		}
		if fi, err = os.Stat(target); err != nil {
			d.Add(rel, 0, 0, "无法读取：%s", errText(err))
			return nil, false
		}
	}
	if !fi.Mode().IsRegular() {
		d.Add(rel, 0, 0, "不是普通文件")
		return nil, false
	}
	if fi.Size() > limit {
		d.Add(rel, 1, 1, "文件过大（%d 字节），上限为 %d MB", fi.Size(), limit>>20)
		return nil, false
	}
	return fi, true
}

// linkedFolder reports whether a folder of the slash path rel below root
// (not root itself, which the user chose) is a symbolic link.
func linkedFolder(root, rel string) bool {
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(dir))); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}

// normalize checks that b is UTF-8 and normalises it: no BOM, LF line ends.
func normalize(rel string, b []byte, d *diag.List) []byte {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if kind, ok := binaryKind(b); ok {
		d.Add(rel, 1, 1, "%s", notTextMsg(rel, kind))
		return nil
	}
	if utf16Text(b) {
		// A position inside UTF-16 read as UTF-8 means nothing to the
		// user (NUL bytes pass as UTF-8, the TOML reader trips later):
		// the whole file is in the wrong encoding, so its start is told.
		d.Add(rel, 1, 1, "%s", utf16Msg)
		return nil
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := diag.Position(b, off)
		if !utf8.FullRune(b[off:]) {
			// The first bytes of a character and nothing after: a file
			// read while it was being saved (the preview reads at each
			// save), or cut short; not GBK.
			d.Add(rel, line, col, "文件在一个字符的中间结束：可能还没有保存完，或被截断了；保存完整后再生成（预览会自动重新读取）")
			return nil
		}
		if controlBytes(b) {
			// Not text in any encoding: GBK has no control bytes either.
			d.Add(rel, 1, 1, "%s", notTextMsg(rel, ""))
			return nil
		}
		d.Add(rel, line, col, "%s", notUTF8Msg)
		return nil
	}
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
}

// notUTF8Msg is what a file in another encoding is told: on a Chinese
// Windows, Notepad and WPS save text as GBK, which they call ANSI.
const notUTF8Msg = "文件不是 UTF-8 编码（多半是 GBK，记事本中叫“ANSI”）：请用记事本打开，“另存为”时编码选“UTF-8”后保存"

// utf16Msg is what a file saved as UTF-16 is told, with a byte order
// mark or without (Notepad's “Unicode”, some Excel exports).
const utf16Msg = "文件似乎是 UTF-16 编码，请以 UTF-8 保存（记事本“另存为”时编码选“UTF-8”）"

// notTextMsg is what a file that is not text is told — a Word document
// or a workbook saved under the file's name, an image, an archive —
// rather than that its bytes are GBK: kind names what it looks like, if
// known.
func notTextMsg(rel, kind string) string {
	what := "文件不是文本文件"
	if kind != "" {
		what += "（看来是 " + kind + "）"
	}
	return fmt.Sprintf("%s：%s 应是纯文本，用记事本等文本编辑器编写，以 UTF-8 保存；不要用 Word、WPS 或 Excel 保存它，也不要把别的文件改名为它", what, path.Base(rel))
}

// binaryKinds are the first bytes of the files a clerk may save under a
// text file's name, and what each is.
var binaryKinds = []struct{ magic, kind string }{
	{"PK\x03\x04", "ZIP 压缩包，或 Word、Excel、WPS 的 .docx、.xlsx 文档"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Word、Excel 或 WPS 的旧格式文档（.doc、.xls、.wps）"},
	{"%PDF-", "PDF 文件"},
	{"{\\rtf", "RTF 文档（写字板、Word 的“RTF 格式”）"},
	{"\x89PNG\r\n\x1A\n", "PNG 图片"},
	{"\xFF\xD8\xFF", "JPEG 图片"},
	{"GIF8", "GIF 图片"},
	{"\x1F\x8B", "gzip 压缩文件"},
	{"Rar!\x1A\x07", "RAR 压缩包"},
	{"7z\xBC\xAF\x27\x1C", "7z 压缩包"},
}

// binaryKind reports whether b starts as a binary format does, and which.
// An RTF document is text, but not the text tongbao reads.
func binaryKind(b []byte) (string, bool) {
	for _, k := range binaryKinds {
		if bytes.HasPrefix(b, []byte(k.magic)) {
			return k.kind, true
		}
	}
	return "", false
}

// controlBytes reports whether b, which is not UTF-8, holds bytes no text
// does: a NUL (not UTF-16, which was looked for first) or more than a few
// control characters other than the spaces and line ends (a stray one
// or two in a file of GBK is still GBK). Compressed or random bytes are
// one in eight of them.
func controlBytes(b []byte) bool {
	n := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B:
			n++
		}
	}
	return n > 2 && n*64 >= len(b)
}

// utf16Text reports whether b looks like UTF-16, LE or BE: it starts with
// a UTF-16 byte order mark, or NUL bytes — which text in UTF-8 does not
// hold — fall mostly at one parity, as the high bytes of ASCII characters
// do. Han characters have no NUL byte, so a few NULs suffice when b is
// not UTF-8 anyway; when it is, a stray NUL is not taken for a whole file
// in UTF-16 (the reader of the file tells where it is).
func utf16Text(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	if bytes.IndexByte(b, 0) < 0 {
		return false
	}
	n := len(b) &^ 1
	var even, odd int
	for i := 0; i < n; i++ {
		if b[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	// 一 (U+4E00) and its like put a NUL at the other parity.
	nul, other := max(even, odd), min(even, odd)
	if nul == 0 || nul < 2*other {
		return false
	}
	return (nul*32 >= n/2 || !utf8.Valid(b)) && utf16Decodes(b[:n], odd >= even)
}

// utf16Decodes reports whether b, read as UTF-16 (little-endian when le),
// is text: no control character but the spaces and line ends, no half of
// a surrogate pair alone. Binary bytes whose NULs happen to fall at one
// parity (a compressed file's) are not.
func utf16Decodes(b []byte, le bool) bool {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if le {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	for _, r := range utf16pkg.Decode(units) {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return false
		}
	}
	return true
}

func (l *loader) fileExists(rel string) bool {
	_, err := os.Lstat(filepath.Join(l.root, filepath.FromSlash(rel)))
	return err == nil
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "文件不存在"
	}
	return err.Error()
}

// walk lists the regular files (and symlinks) below dir, slash paths
// relative to the site root, sorted, skipping what is Hidden (Skipped:
// static/.well-known is read).
func (l *loader) walk(dir string) []string { return l.walkSkipping(dir, nil) }

// walkSkipping is walk that also tells skipped of each Hidden file and
// folder it passes over (not of what is inside a Hidden folder), in the
// order of the walk.
func (l *loader) walkSkipping(dir string, skipped func(rel string, isDir bool)) []string {
	var out []string
	base := filepath.Join(l.root, dir)
	if _, err := os.Stat(base); err != nil {
		return nil
	}
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(l.root, p)
		rel = filepath.ToSlash(rel)
		if p != base && Hidden(d.Name()) && rel != "static/"+WellKnown {
			if skipped != nil {
				skipped(rel, d.IsDir())
			}
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	slices.Sort(out)
	return out
}

// decodeFile reads and decodes one required TOML file, of the format form.
func (l *loader) decodeFile(name string, form *Format) (*table, *tomlFile, bool) {
	src := l.read(name)
	if src == nil {
		l.badCatalogue = true
		return nil, nil, false
	}
	t, f, ok := decodeTOML(name, src, form, &l.diags)
	l.badCatalogue = l.badCatalogue || !ok
	return t, f, ok
}

// decimals checks a number of decimal places read at path.
func decimals(f *tomlFile, at string, n int) int {
	if n < 0 || n > 6 {
		f.errorf(at, "%s 应在 0～6 之间", at[strings.LastIndexByte(at, '.')+1:])
		return 2
	}
	return n
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (l *loader) units() {
	const name = "data/units.toml"
	t, f, ok := l.decodeFile(name, UnitsFile)
	if !ok {
		return
	}
	top := read(t, UnitsFile.Fields)
	terms := l.s.Config.Terms
	groups := map[string]*Group{}
	groupAt := map[*Group]string{} // where each group is named, for its diagnostics
	for _, r := range top.records("group") {
		g := &Group{Name: r.text("name"), Unit: r.text("unit")}
		switch {
		case !r.has("name"):
		case !l.cleanName(f, r.at("name"), "组名", g.Name):
		case r.has("unit") && !l.cleanName(f, r.at("unit"), "单位称谓", g.Unit):
		case groups[g.Name] != nil:
			f.errorf(r.at("name"), "组名“%s”重复", g.Name)
		default:
			groups[g.Name] = g
			groupAt[g] = r.at("name")
			l.s.Groups = append(l.s.Groups, g)
		}
	}
	slugs := map[string]string{}
	folded := map[string]*record{} // by foldName: a unit written twice, once with other brackets or spaces
	became := map[*Unit]*record{}
	add := func(r *record, kind UnitKind) *Unit {
		u := &Unit{Name: r.text("name"), Slug: r.text("slug"), Kind: kind}
		if !r.has("name") || !r.has("slug") || !l.cleanName(f, r.at("name"), "单位名称", u.Name) {
			return nil
		}
		if !slugRE.MatchString(u.Slug) {
			f.errorf(r.at("slug"), "slug“%s”只能由小写字母、数字和连字符组成", u.Slug)
		} else if why := unportable(u.Slug); why != "" {
			f.errorf(r.at("slug"), "slug“%s”%s：它是单位页面的网址 /units/%s/", u.Slug, why, u.Slug)
		}
		if prev := l.s.units[u.Name]; prev != nil {
			// One unit of both kinds — a 县直单位 ranked and owning an
			// indicator — is written once, as a ranked unit.
			both := ""
			if prev.Kind != kind {
				both = "：参与排名的单位也可以负责指标，只写作 [[township]]，在指标的 owners 中写它的名称，删去这个 [[department]]"
				if kind == Township {
					both = "：参与排名的单位也可以负责指标，只写作 [[township]]，在指标的 owners 中写它的名称，删去前面的 [[department]]"
				}
			}
			f.errorf(r.at("name"), "单位名称“%s”重复%s", u.Name, both)
			return nil
		}
		if prev := folded[foldName(u.Name)]; prev != nil {
			line, _ := f.position(prev.at("name"))
			f.errorf(r.at("name"), "单位名称“%s”与第 %d 行的“%s”只差全角、半角或空格，读者看来是同一个单位：同一个单位只写一次，删去这一项；确是两个单位的，改用看得出区别的名称",
				u.Name, line, prev.text("name"))
			return nil
		}
		if prev, dup := slugs[u.Slug]; dup {
			f.errorf(r.at("slug"), "slug“%s”重复（已用于“%s”）", u.Slug, prev)
			return nil
		}
		if kind == Township { // departments are never grouped: group = is unknown there
			group := r.text("group")
			switch g := groups[group]; {
			case len(groups) == 0 && r.t.has("group"):
				f.errorf(r.at("group"), "未知的组“%s”（units.toml 中没有 [[group]]）", shown(group))
			case len(groups) == 0:
			case !r.t.has("group"):
				f.errorf(r.t.path, "%s“%s”缺少 group（units.toml 有 [[group]] 时每个 [[township]] 都要写明所属组）", terms.Unit, u.Name)
			case !r.has("group"): // of the wrong kind, reported as such
			case g == nil:
				f.errorf(r.at("group"), "未知的组“%s”%s", shown(group), Suggest(group, names(groupUnits(l.s.Groups))))
			default:
				u.Group = g
				g.Units = append(g.Units, u)
			}
		}
		l.assessedSpan(f, r, u)
		if r.has("became") {
			became[u] = r
		}
		slugs[u.Slug] = u.Name
		folded[foldName(u.Name)] = r
		l.s.units[u.Name] = u
		return u
	}
	var named []*record // of each unit added, to read its other names once all are
	for _, r := range top.records("township") {
		if u := add(r, Township); u != nil {
			l.s.Townships = append(l.s.Townships, u)
			named = append(named, r)
		}
	}
	for _, r := range top.records("department") {
		if u := add(r, Department); u != nil {
			l.s.Departments = append(l.s.Departments, u)
			named = append(named, r)
		}
	}
	l.otherNames = nil
	for i, u := range slices.Concat(l.s.Townships, l.s.Departments) {
		l.unitOtherNames(f, named[i], u)
	}
	for i, u := range l.s.Townships {
		u.Index = i
	}
	for i, u := range l.s.Departments {
		u.Index = len(l.s.Townships) + i
	}
	for _, u := range slices.Concat(l.s.Townships, l.s.Departments) {
		l.s.units[u.Slug] = u
	}
	for _, u := range slices.Concat(l.s.Townships, l.s.Departments) {
		if r := became[u]; r != nil {
			l.became(f, r, u)
		}
	}
	if len(l.s.Townships) == 0 {
		f.errorf("", "units.toml 中没有%s [[township]]", terms.Unit)
	}
	for _, g := range l.s.Groups {
		if len(g.Units) == 0 {
			f.errorf(groupAt[g], "组“%s”没有%s（没有 [[township]] 写 group = %s）", g.Name, terms.Unit, Quote(g.Name))
		}
	}
}

// alsoName reads e, one of the names something is also called by (a
// unit's otherNames, an indicator's shortNames, which what calls it):
// not blank, not its own name (ownWhat), not one of those read before
// (have). The name is trimmed; a problem is told at e.
func alsoName(f *tomlFile, e element, what, ownWhat, own string, have []string) (string, bool) {
	switch name := strings.TrimSpace(e.value); {
	case name == "":
		f.errorf(e.path, "%s不能为空", what)
	case name == own:
		f.errorf(e.path, "%s“%s”就是%s，不必写", what, name, ownWhat)
	case slices.Contains(have, name):
		f.errorf(e.path, "%s“%s”重复", what, name)
	default:
		return name, true
	}
	return "", false
}

// An otherName is a unit's other name, where units.toml writes it.
type otherName struct {
	u    *Unit
	f    *tomlFile
	path string
}

// unitOtherNames reads u's otherNames: each is its own (its name would
// lead a search to two pages), and said once.
func (l *loader) unitOtherNames(f *tomlFile, r *record, u *Unit) {
	for _, e := range r.texts("otherNames") {
		switch name, ok := alsoName(f, e, "其他名称", "单位名称", u.Name, u.OtherNames); {
		case !ok:
		case l.s.units[name] != nil && l.s.units[name].Name == name:
			f.errorf(e.path, "其他名称“%s”是另一个单位的名称，搜索它应找到那个单位", name)
		case l.otherNames[name].u != nil:
			f.errorf(e.path, "其他名称“%s”也是“%s”的其他名称：一个名称只能属于一个单位", name, l.otherNames[name].u.Name)
		default:
			u.OtherNames = append(u.OtherNames, name)
			if l.otherNames == nil {
				l.otherNames = map[string]otherName{}
			}
			l.otherNames[name] = otherName{u, f, e.path}
		}
	}
}

// noPeriodEnds reports whether month p ends no period of the kind
// config.toml says the office assesses by ([assessment] period): a
// quarterly office has no assessment in 2024-02, so exempting a unit
// from it exempts it from nothing. Unsaid, the kind is the files' own,
// known only once they are read; a monthly office assesses every month.
func (l *loader) noPeriodEnds(p Period) bool {
	k := l.s.Config.Assesses
	if k == nil || *k == Monthly {
		return false
	}
	w, _ := k.Written(p.N)
	return w == ""
}

// assessedSpan reads a unit's from and until, the months it was assessed
// in.
func (l *loader) assessedSpan(f *tomlFile, r *record, u *Unit) {
	sp := readSpan(f, r, "2022-07", fmt.Sprintf("“%s”没有参加考核的月份", u.Name))
	u.From, u.Until = sp.From, sp.Until
	if u.Kind != Township { // departments are not ranked: nothing to exempt them from
		return
	}
	for _, e := range r.noted("exempt") {
		v := strings.TrimSpace(e.value)
		switch p, ok := ParsePeriod(v); {
		case !ok || p.Kind != Monthly:
			f.errorf(e.path, "exempt 中的每一项应为月份%s", notMonth(v, "2024-02"))
		case slices.Contains(u.Exempt, v):
			f.errorf(e.path, "exempt 中的月份 %s 重复", v)
		case !u.InSpan(v):
			f.errorf(e.path, "exempt 中的 %s 不在“%s”参加考核的月份内（units.toml 的 from、until），不必免考", v, u.Name)
		case l.noPeriodEnds(p):
			k := *l.s.Config.Assesses
			of := k.Of(p)
			f.errorf(e.path, "exempt 中的 %s 不是一期考核：%s，数据文件是每%s最后一个月的，%s 没有考核可免；免于%s考核的，写 \"%s\"",
				v, k.Said(), k.Noun(), v, of.Label(), of.LastMonth())
		default:
			u.Exempt = append(u.Exempt, v)
			if e.reason != "" {
				if u.ExemptReasons == nil {
					u.ExemptReasons = map[string]string{}
				}
				u.ExemptReasons[v] = e.reason
			}
		}
	}
	slices.Sort(u.Exempt)
}

// notMonth ends the message of v, written for a month and not one: the
// month to write when v says one another way (2023-1, 2023年1月,
// 202301, 2023/01, a day of it), that the year is wanted when v is a
// month alone (1月), or example otherwise.
func notMonth(v, example string) string {
	if m, ok := looseMonth(v); ok {
		return fmt.Sprintf("，写作 \"%s\"，而不是“%s”", m, shown(v))
	}
	if yearlessMonthRE.MatchString(strings.Map(halfWidth, v)) {
		return fmt.Sprintf("，要写年份，如 \"%s\"，而不是“%s”", example, shown(v))
	}
	return fmt.Sprintf("，如 \"%s\"，而不是“%s”", example, shown(v))
}

var (
	looseMonthRE    = regexp.MustCompile(`^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:月|[-/.月]\s*\d{1,2}\s*日?)?|(\d{2}))$`)
	yearlessMonthRE = regexp.MustCompile(`^\d{1,2}\s*月?$`)
)

// looseMonth is the month v writes another way than YYYY-MM: 2023-1,
// 2023年1月, 202301, 2023/01, 2023-01-15.
// LooseMonth is looseMonth, for what a command is given: 2024-4 is
// 2024-04, which its message then says to write.
func LooseMonth(v string) (string, bool) { return looseMonth(v) }

func looseMonth(v string) (string, bool) {
	m := looseMonthRE.FindStringSubmatch(strings.Map(halfWidth, strings.TrimSpace(v)))
	if m == nil {
		return "", false
	}
	n, _ := strconv.Atoi(m[2] + m[3])
	if n < 1 || n > 12 {
		return "", false
	}
	return fmt.Sprintf("%s-%02d", m[1], n), true
}

// readSpan reads the from and until of a record, months both: a unit's
// span or a rule's, checked alike. example is a month for the message of
// a value that is not one; none is what an until before the from leaves,
// for its message.
func readSpan(f *tomlFile, r *record, example, none string) Span {
	var sp Span
	for _, k := range []string{"from", "until"} {
		if !r.has(k) {
			continue
		}
		v := strings.TrimSpace(r.text(k))
		if p, ok := ParsePeriod(v); !ok || p.Kind != Monthly {
			f.errorf(r.at(k), "%s 应为月份%s", k, notMonth(v, example))
			continue
		}
		if k == "from" {
			sp.From = v
		} else {
			sp.Until = v
		}
	}
	if sp.From != "" && sp.Until != "" && sp.Until < sp.From {
		f.errorf(r.at("until"), "until（%s）早于 from（%s）：%s", sp.Until, sp.From, none)
	}
	return sp
}

// became reads a unit's became, the unit of its kind that continues it.
func (l *loader) became(f *tomlFile, r *record, u *Unit) {
	terms := l.s.Config.Terms
	name := r.text("became")
	next := l.s.units[name]
	switch {
	case u.Until == "":
		f.errorf(r.at("became"), "写了 became（后续单位）也要写 until：“%s”最后参加考核的月份", u.Name)
	case next == u:
		f.errorf(r.at("became"), "became（后续单位）不能是“%s”自己", u.Name)
	case next == nil || next.Kind != u.Kind:
		msg := ""
		switch {
		case u.Kind == Township:
			_, err := l.s.Township(name)
			msg = err.Error()
		case next == nil:
			msg = fmt.Sprintf("未知%s“%s”%s", terms.Department, name, Suggest(name, names(l.s.Departments)))
		default:
			msg = fmt.Sprintf("“%s”是%s，不是%s", name, terms.Unit, terms.Department)
		}
		f.errorf(r.at("became"), "became（后续单位）：%s", msg)
	case next.Until != "" && next.Until <= u.Until:
		f.errorf(r.at("became"), "became（后续单位）“%s”在 %s 之后不再参加考核（until = %s），不能接续“%s”", next.Name, u.Until, Quote(next.Until), u.Name)
	default:
		u.Became = next
		next.Was = append(next.Was, u)
	}
}

// groupUnits stands the groups' names in for units', for suggest.
func groupUnits(groups []*Group) []*Unit {
	out := make([]*Unit, len(groups))
	for i, g := range groups {
		out[i] = &Unit{Name: g.Name}
	}
	return out
}

// cleanName reports a name holding spaces around it or characters one
// cannot see (names.go); it returns whether the name is clean.
func (l *loader) cleanName(f *tomlFile, at, what, name string) bool {
	if p := nameProblem(name); p != "" {
		f.errorf(at, "%s“%s”%s，请删去", what, shown(name), p)
		return false
	}
	return true
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func (l *loader) indicatorCatalogue() {
	const name = "data/indicators.toml"
	t, f, ok := l.decodeFile(name, IndicatorsFile)
	if !ok {
		return
	}
	s := l.s
	terms := s.Config.Terms
	order := map[string]int{} // siblings counted per section or parent
	// An indicator's name is all the circular's tables say of it, and what
	// a workbook's columns are headed by and an imported one is read by:
	// two of one name could not be told apart. A name is unique outright,
	// over all time: a name an [[indicator.change]] gives is the
	// indicator's from then on, and its page, search and the workbooks
	// filled before know it by each of its names, so none may be another
	// indicator's, then or ever.
	type naming struct {
		id   string
		line int
	}
	named := map[string]naming{}
	type renaming struct {
		ind        *Indicator
		name, path string
	}
	var renames []renaming
	type shortName struct {
		ind         *Indicator
		short, path string
	}
	var shorts []shortName
	type deducting struct {
		ind *Indicator
		r   *record
	}
	var deducts, nested []deducting // nested: the children, for scoredParent
	for _, r := range read(t, IndicatorsFile.Fields).records("indicator") {
		ind := &Indicator{
			ID:           r.text("id"),
			Name:         r.text("name"),
			Section:      r.text("section"),
			HigherBetter: r.text("better") != "lower",
			Weight:       1,
			Decimals:     2,
			RankingLabel: r.text("rankingLabel"),
			ScoreUnit:    r.text("scoreUnit"),
		}
		if !r.has("id") || !r.has("name") {
			continue
		}
		if l.cleanName(f, r.at("name"), "指标名称", ind.Name) {
			if first, dup := named[ind.Name]; dup {
				f.errorf(r.at("name"), "指标名称“%s”重复（已用于第 %d 行的指标“%s”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称", ind.Name, first.line, first.id)
			} else {
				line, _ := f.position(r.at("name"))
				named[ind.Name] = naming{ind.ID, line}
			}
		}
		if !idRE.MatchString(ind.ID) {
			f.errorf(r.at("id"), "指标 id“%s”只能由小写字母、数字、下划线和连字符组成", ind.ID)
		}
		if s.indicators[ind.ID] != nil {
			f.errorf(r.at("id"), "指标 id“%s”重复", ind.ID)
			continue
		}
		if p := r.text("parent"); p != "" {
			parent := s.indicators[p]
			switch {
			case p == ind.ID:
				f.errorf(r.at("parent"), "上级指标不能是“%s”自己：写它上一级指标的 id，没有上级就删去 parent", p)
			case parent == nil:
				f.errorf(r.at("parent"), "上级指标“%s”不存在（上级须写在前面）%s", p, s.IndicatorHint(p))
			case parent.Parent != nil:
				f.errorf(r.at("parent"), "指标只能嵌套一层：“%s”本身已有上级", p)
			default:
				ind.Parent = parent
				if ind.Section == "" {
					ind.Section = parent.Section
				} else if ind.Section != parent.Section {
					f.errorf(r.at("section"), "section“%s”与上级指标的“%s”不一致", ind.Section, parent.Section)
				}
				parent.Children = append(parent.Children, ind)
			}
		}
		// One whose parent is not found has no section to take from it:
		// the parent's error is the one to mend.
		if !slices.Contains(terms.Sections, ind.Section) && !(ind.Section == "" && r.text("parent") != "" && ind.Parent == nil) {
			f.errorf(cmp.Or(pathIf(r.t, "section"), r.t.path), "section %s，而不是“%s”%s", zh.Spaced("应为", zh.Or(terms.Sections)), ind.Section, Suggest(ind.Section, terms.Sections))
		}
		for _, e := range r.texts("shortNames") {
			if short, ok := alsoName(f, e, "简称", "指标名称", ind.Name, ind.ShortNames); ok {
				ind.ShortNames = append(ind.ShortNames, short)
				shorts = append(shorts, shortName{ind, short, e.path})
			}
		}
		// An owner is a [[department]], or a ranked unit itself: an office
		// that ranks its 县直单位 has 县信访局 own 信访件办理 and be ranked
		// on it, one unit with one page, not two of one name.
		for _, e := range r.texts("owners") {
			if u := s.units[e.value]; u == nil {
				f.errorf(e.path, "未知单位“%s”%s", e.value, Suggest(e.value, append(names(s.Departments), names(s.Townships)...)))
			} else {
				ind.Owners = append(ind.Owners, u)
			}
		}
		// A department renamed or merged (机构改革) owns what the one it
		// continues owned, and the other way round, whichever name
		// indicators.toml writes: each month's measures go to the one
		// assessed in it (rank), each page shows its own months.
		for i := 0; i < len(ind.Owners); i++ {
			for _, o := range append(slices.Clone(ind.Owners[i].Was), ind.Owners[i].Became) {
				if o != nil && !slices.Contains(ind.Owners, o) {
					ind.Owners = append(ind.Owners, o)
				}
			}
		}
		if all, list, ok := r.unitSet("townships"); ok {
			ind.Townships = l.indicatorTownships(f, r, all, list)
		}
		if w, ok := r.number("weight"); ok {
			if w < 0 {
				f.errorf(r.at("weight"), negativeWeight)
			}
			ind.Weight = w
		}
		if n, ok := r.int("decimals"); ok {
			ind.Decimals = decimals(f, r.at("decimals"), n)
			ind.decimalsWritten = true
		} else if CountUnit(ind.ScoreUnit) {
			ind.Decimals, ind.Counted = 0, true // 3 件, not 3.00
		}
		if v, ok := r.number("min"); ok {
			ind.Min = &v
		}
		if v, ok := r.number("max"); ok {
			ind.Max = &v
			if ind.Min != nil && *ind.Min >= v {
				f.errorf(r.at("max"), "指标“%s”的满分 max（%s）应大于最低分 min（%s）", ind.Name, numberText(v), numberText(*ind.Min))
			}
		}
		l.scoredLowerBetter(f, r, ind, ind.In(""), "better = \"lower\"")
		ind.Changes = l.changes(f, r, ind)
		if r.has("deduct") {
			deducts = append(deducts, deducting{ind, r})
		}
		if ind.Parent != nil {
			nested = append(nested, deducting{ind, r})
		}
		for _, c := range r.records("change") {
			if n := strings.TrimSpace(c.text("name")); c.has("name") && nameProblem(n) == "" {
				renames = append(renames, renaming{ind, n, c.at("name")})
			}
		}
		key := ind.Section
		if ind.Parent != nil {
			key = "parent:" + ind.Parent.ID
		}
		order[key]++
		ind.Order = order[key]
		ind.Index = len(s.Indicators)
		s.Indicators = append(s.Indicators, ind)
		s.indicators[ind.ID] = ind
	}
	// A count may be written after the score deducted by it (a group's
	// child after the group): read once every indicator is known.
	derived := map[*Indicator]bool{}
	for _, d := range deducts {
		derived[d.ind] = true
	}
	for _, d := range deducts {
		l.deduct(f, d.r, d.ind, derived)
	}
	for _, d := range nested {
		scoredParent(f, &s.Warnings, d.r, d.ind)
	}
	for _, ind := range s.Indicators {
		for _, d := range ind.Deduct {
			d.From.DeductedBy = append(d.From.DeductedBy, ind)
		}
	}
	// A new name clashes with a name written before it, so the error is
	// at the change, not at the indicator that had the name all along.
	for _, rn := range renames {
		switch first, dup := named[rn.name]; {
		case !dup:
			line, _ := f.position(rn.path)
			named[rn.name] = naming{rn.ind.ID, line}
		case first.id != rn.ind.ID:
			f.errorf(rn.path, "指标名称“%s”重复（已用于第 %d 行的指标“%s”）；同名的两项在通报的表格和开放数据中无法区分，请改用不同的名称", rn.name, first.line, first.id)
		}
	}
	// A short name is one indicator's: another's name, or another's
	// short name, would lead a search for it to the wrong page or to two.
	shortOf := map[string]*Indicator{}
	for _, sh := range shorts {
		if other, ok := named[sh.short]; ok && other.id != sh.ind.ID {
			f.errorf(sh.path, "简称“%s”是另一个指标的名称（%s），搜索它应找到那个指标", sh.short, other.id)
		} else if u := s.units[sh.short]; u != nil && u.Name == sh.short {
			// A unit's page is found by its name too: a search for the
			// unit would find two pages that match it.
			kind := s.Config.Terms.Unit
			if u.Kind != Township {
				kind = s.Config.Terms.Department
			}
			f.errorf(sh.path, "简称“%s”是%s“%s”的名称，搜索它应找到那个单位", sh.short, kind, u.Name)
		} else if on := l.otherNames[sh.short]; on.u != nil {
			f.errorf(sh.path, "简称“%s”是单位“%s”的其他名称，搜索它应找到那个单位", sh.short, on.u.Name)
		} else if other := shortOf[sh.short]; other != nil {
			f.errorf(sh.path, "简称“%s”也是指标“%s”（%s）的简称：一个简称只能属于一个指标", sh.short, other.Name, other.ID)
		} else {
			shortOf[sh.short] = sh.ind
		}
	}
	// A unit's other name that is an indicator's name would find two
	// pages, the unit's and the indicator's.
	for _, name := range slices.Sorted(maps.Keys(l.otherNames)) {
		if n, ok := named[name]; ok {
			on := l.otherNames[name]
			on.f.errorf(on.path, "其他名称“%s”是指标（%s）的名称，搜索它应找到那个指标", name, n.id)
		}
	}
	// Document order is section order first: a 重点项目 entry written
	// before a 重点工作 one still prints after it.
	slices.SortStableFunc(s.Indicators, func(a, b *Indicator) int {
		return cmp.Compare(slices.Index(terms.Sections, a.Section), slices.Index(terms.Sections, b.Section))
	})
	s.Indicators = groupChildren(s.Indicators)
	for i, ind := range s.Indicators {
		ind.Index = i
	}
}

// scoredParent warns, at its parent key, of a child whose parent has a
// score of its own (信访稳定 over 信访件数, the parent ranks and composes as
// any indicator does) where both weigh in some month's composite, for the
// same units: a parent's score is often the sum of its children's, and the
// child then counts twice, as a count weighted beside the score deducted
// by it does (deduct). tongbao cannot tell, so it is a warning, not an
// error. A parent whose score is deducted by counts (deduct) holds no
// other child's score: deduct warns of its own counts weighted.
func scoredParent(f *tomlFile, w *diag.List, r *record, child *Indicator) {
	parent := child.Parent
	if parent.Townships == nil || child.Townships == nil || len(parent.Deduct) > 0 ||
		!slices.ContainsFunc(child.Townships, func(u *Unit) bool { return slices.Contains(parent.Townships, u) }) {
		return
	}
	// The months a weight can change in: before any change, and each
	// change's from, of either.
	months := []string{""}
	for _, ind := range []*Indicator{parent, child} {
		for _, c := range ind.Changes {
			months = append(months, c.From)
		}
	}
	if !slices.ContainsFunc(months, func(m string) bool { return parent.In(m).Weight > 0 && child.In(m).Weight > 0 }) {
		return
	}
	f.warnf(w, r.at("parent"), "警告：“%s”的%s和它的上级“%s”的%s都计入综合考核（权重不为 0）：上级的%s已含下级的，同一项就计了两次，把其中一项写 weight = 0；两项各考各的，可不理会",
		child.Name, child.ValueName(), parent.Name, parent.ValueName(), parent.ValueName())
}

// deduct reads a derived indicator's deduct (扣分制, DESIGN.md §4): the
// counts its score is reckoned from. Each must be a lower-is-better
// indicator of township scores whose own score is written, not derived:
// a count ranked higher-is-better would put the unit with most 信访件 at
// the head of its own ranking, and one derived from a derived score
// could go round in a circle. The derived indicator needs a max to
// deduct from and ranks higher-is-better.
func (l *loader) deduct(f *tomlFile, r *record, ind *Indicator, derived map[*Indicator]bool) {
	s := l.s
	defer l.perChanges(f, r, ind) // once ind.Deduct is what it will be
	seen := map[*Indicator]bool{}
	ok := true
	for _, c := range r.records("deduct") {
		if !c.has("indicator") {
			ok = false
			continue // reported: indicator is required
		}
		id := strings.TrimSpace(c.text("indicator"))
		from := s.indicators[id]
		per, hasPer := c.number("per")
		switch {
		case from == nil:
			f.errorf(c.at("indicator"), "未知指标“%s”%s", id, cmp.Or(s.IndicatorHint(id), "：data/indicators.toml 中没有这个 id"))
		case from == ind:
			f.errorf(c.at("indicator"), "指标“%s”不能按自己的件数扣分：写件数那一项的 id", ind.Name)
		case derived[from]:
			f.errorf(c.at("indicator"), "指标“%s”的得分本身由件数折算（它有 deduct），不能再作为扣分的依据：写它所依据的件数那一项的 id", from.Name)
		case from.Townships == nil:
			f.errorf(c.at("indicator"), "指标“%s”没有单位得分（indicators.toml 中没有 townships），没有可扣分的件数", from.Name)
		case seen[from]:
			f.errorf(c.at("indicator"), "指标“%s”在 deduct 中重复：同一项件数的扣分写在一项中", from.Name)
		case ind.Parent == from:
			// The circular shows the count through its score: a heading
			// of a count it does not list would be left over nothing.
			f.errorf(c.at("indicator"), "指标“%s”的上级“%s”是它所依据的件数：反过来写，件数一项写 parent = %s，嵌套在得分之下", ind.Name, from.Name, Quote(ind.ID))
		default:
			if when, higher := from.higherBetterIn(); higher {
				// In the count's own noun (起数 of 安全事故起数), 件数 when
				// its scoreUnit does not say what it counts.
				noun := "件数"
				if from.IsCount() {
					noun = from.ValueName()
				}
				f.errorf(c.at("indicator"), "指标“%s”按“%s”的%s扣分，而“%s”%s%s：%s越多扣分越多，%s应越少越好：给它写 better = \"lower\"", ind.Name, from.Name, noun, from.Name, when, from.BetterText(true), noun, noun)
			}
			seen[from] = true
			// Under rank-points a weighted count is no error (scored
			// composites refuse it: scoredLowerBetter), but it ranks the
			// units a second time on what the score already ranks them on.
			if sc := s.Config.Scoring; !sc.RawScore && !sc.RawSum && weighted(from) {
				f.warnf(&s.Warnings, c.at("indicator"), "警告：“%s”的件数已折算为“%s”的得分，它自己又计入综合考核（权重不为 0）：同一件数计了两次；件数这一项写 weight = 0", from.Name, ind.Name)
			}
			if hasPer && !(per > 0) {
				f.errorf(c.at("per"), "per（每件扣分）应大于 0，而不是 %s", numberText(per))
				ok = false
			}
			if !hasPer {
				ok = false
			}
			ind.Deduct = append(ind.Deduct, Deduction{From: from, Per: per})
			continue
		}
		ok = false
	}
	if !ok {
		ind.Deduct = nil
	}
	if ind.Max == nil {
		f.errorf(r.at("deduct"), "指标“%s”的得分按件数扣分（deduct），须写满分 max：扣分从它扣起，如 max = 10", ind.Name)
		ind.Deduct = nil
	}
	for i, set := range append([]Setting{ind.In("")}, changeSettings(ind)...) {
		if !set.HigherBetter {
			at := r.at("better")
			if i > 0 {
				c := ind.Changes[i-1]
				f.errorf(r.at("deduct"), "指标“%s”的得分按件数扣分（deduct），得分越高越好：删去第 %d 行自 %s 起的 better = \"lower\"（越低越好的是件数那一项）", ind.Name, c.Line, c.From)
			} else {
				f.errorf(at, "指标“%s”的得分按件数扣分（deduct），得分越高越好：删去 better = \"lower\"（越低越好的是件数那一项）", ind.Name)
			}
			break
		}
	}
	// A count may apply to fewer units than its score (办件超时 of those
	// with 办件): it deducts nothing from the others (derive). A unit
	// none of the counts applies to has nothing to be scored by.
	counted := func(u *Unit) bool {
		return slices.ContainsFunc(ind.Deduct, func(d Deduction) bool { return slices.Contains(d.From.Townships, u) })
	}
	if ind.Townships == nil && len(ind.Deduct) > 0 {
		// The counts' units are the score's, said in the counts: those
		// any of them applies to, in units.toml's order.
		for _, u := range s.Townships {
			if counted(u) {
				ind.Townships = append(ind.Townships, u)
			}
		}
	}
	if len(ind.Deduct) == 0 {
		return
	}
	for _, u := range ind.Townships {
		if !counted(u) {
			var names []string
			for _, d := range ind.Deduct {
				names = append(names, "“"+d.From.Name+"”")
			}
			f.errorf(cmp.Or(pathIf(r.t, "townships"), r.at("deduct")), "%s“%s”在指标“%s”的考核范围内，而不在它所依据的件数%s的范围内（townships），没有件数可扣：把它写进件数一项的 townships，或从“%s”的 townships 中删去", s.Config.Terms.Unit, u.Name, ind.Name, strings.Join(names, ""), ind.Name)
			ind.Deduct = nil
			return
		}
	}
}

// perChanges sets the per of each of ind's changes (Setting.Per): those
// a change's deduct writes (扣分标准 changed from its month), the rest
// carried over from the change before. A change's deduct names the
// counts of ind's own, and changes their per only: a count added or
// taken away from a month would change what the month files are asked
// for, and is a new indicator.
func (l *loader) perChanges(f *tomlFile, r *record, ind *Indicator) {
	recs := map[string]*record{}
	for _, c := range r.records("change") {
		if c.has("deduct") {
			recs[strings.TrimSpace(c.text("from"))] = c
		}
	}
	per := ind.In("").Per
	for i := range ind.Changes {
		c := &ind.Changes[i]
		if rec := recs[c.From]; rec != nil && ind.Deduct != nil {
			before, bad := per, false
			per = slices.Clone(per)
			for _, e := range rec.records("deduct") {
				id := strings.TrimSpace(e.text("indicator"))
				j := slices.IndexFunc(ind.Deduct, func(d Deduction) bool { return d.From.ID == id })
				v, ok := e.number("per")
				switch {
				case !e.has("indicator"):
				case j < 0:
					var ids []string
					for _, d := range ind.Deduct {
						ids = append(ids, Quote(d.From.ID))
					}
					f.errorf(e.at("indicator"), "指标“%s”自 %s 起的 deduct 只改每件扣分 per，所依据的件数不变：“%s”不是它 deduct 中的件数（%s）；改按别的件数扣分的，另设一项指标", ind.Name, c.From, id, strings.Join(ids, "、"))
					bad = true
				case ok && !(v > 0):
					f.errorf(e.at("per"), "per（每件扣分）应大于 0，而不是 %s", numberText(v))
					bad = true
				case ok:
					per[j] = v
				}
			}
			// A per written as it was changes nothing, as a weight
			// written as it was does not: the page would date a change
			// the 考核办法 never made.
			if !bad && slices.Equal(per, before) {
				c.Set = slices.DeleteFunc(c.Set, func(k string) bool { return k == "deduct" })
				switch {
				case len(c.Set) > 0:
				case i == 0:
					f.errorf(rec.at("deduct"), "指标“%s”自 %s 起的调整没有改变什么：所写的每件扣分与这个指标 [[indicator]] 的 deduct 中的相同（%s）；"+
						"如果是把 deduct 中原来的 per 改成了新的，改回原来的值（%s 以前各月仍按它折算）；否则删去这一项", ind.Name, c.From, perTexts(ind, per, c.From), c.From)
				default:
					f.errorf(rec.at("deduct"), "指标“%s”自 %s 起的调整没有改变什么：所写的每件扣分与此前的相同（%s）；删去这一项，或写上改变后的 per", ind.Name, c.From, perTexts(ind, per, c.From))
				}
			}
		}
		c.Per = per
	}
	if ind.Deduct == nil {
		for i := range ind.Changes {
			c := &ind.Changes[i]
			c.Per = nil
			c.Set = slices.DeleteFunc(c.Set, func(k string) bool { return k == "deduct" })
		}
	}
}

// weighted reports whether ind weighs in the composite in any month.
func weighted(ind *Indicator) bool {
	if ind.Weight > 0 {
		return true
	}
	return slices.ContainsFunc(ind.Changes, func(c Change) bool { return c.Weight > 0 })
}

// higherBetterIn reports whether ind is higher-is-better in any month,
// and when: "" for its own setting, or the change that makes it so.
func (ind *Indicator) higherBetterIn() (when string, higher bool) {
	if ind.HigherBetter {
		return "", true
	}
	for _, c := range ind.Changes {
		if c.HigherBetter {
			return fmt.Sprintf("自 %s 起（第 %d 行的 [[indicator.change]]）", c.From, c.Line), true
		}
	}
	return "", false
}

// changeSettings are the settings of ind's changes, oldest first.
func changeSettings(ind *Indicator) []Setting {
	var out []Setting
	for _, c := range ind.Changes {
		out = append(out, c.Setting)
	}
	return out
}

// negativeWeight says why a weight cannot be negative to the office that
// wrote one to deduct by a count (weight = -0.5: 每件扣0.5分), and how
// it is done instead.
const negativeWeight = "weight 不能为负数：不计入综合考核的写 0；扣分制按件数扣分的，件数这一项写 weight = 0，扣分后的得分一项写 deduct（如 deduct = [{ indicator = \"xinfang\", per = 0.5 }]），见 docs/rules.md 的“扣分制”"

// scoredLowerBetter reports a setting of an indicator with township
// scores (r, an [[indicator]] or one of its changes) that is lower-is-
// better and weighted in a composite of scores (method = "score" or
// "sum"), which counts a higher score as better: it would rank first the
// township it ranks last (DESIGN.md §5.5). written is what r wrote that
// makes it so: better = "lower", or a change's month and new weight.
func (l *loader) scoredLowerBetter(f *tomlFile, r *record, ind *Indicator, set Setting, written string) {
	sc := l.s.Config.Scoring
	if !(sc.RawScore || sc.RawSum) || set.HigherBetter || !(set.Weight > 0) || ind.Townships == nil {
		return
	}
	how, method := "加权平均", "score"
	if sc.RawSum {
		how, method = "加权和", "sum"
	}
	at := r.t.path
	if r.has("better") {
		at = r.at("better")
	} else if r.has("weight") {
		at = r.at("weight")
	}
	// A total is how a 扣分制 office scores (100 less its deductions),
	// whose counts (信访件数) are lower-is-better: the way to count them is
	// not this weight but a scored indicator of what is left once deducted.
	deduct := ""
	if sc.RawSum {
		deduct = "；扣分制按件数扣分的，件数这一项写 weight = 0，计入总分的得分一项写 deduct，由件数折算，见 docs/rules.md 的“扣分制”"
	}
	f.errorf(at, "指标“%s”越低越好（%s），而综合考核按得分的%s（config.toml [scoring] method = \"%s\"），得分越高综合得分越高，会让它排名越靠后的单位综合排名越靠前；"+
		"请把它的 weight 写为 0（只列出、不计入综合考核），或把 method 改为 \"rank-points\"（按名次折算得分）%s", ind.Name, written, how, method, deduct)
}

// changes reads an indicator's [[indicator.change]]s (DESIGN.md §4): each
// the setting in force from its month on, the keys it leaves out carried
// over from the one before. Two of one month, and one that changes
// nothing, are errors at it: either is a slip that would leave staff
// unsure which 考核办法 a month was ranked by.
func (l *loader) changes(f *tomlFile, r *record, ind *Indicator) []Change {
	type read struct {
		rec  *record
		from string
	}
	var recs []read
	seen := map[string]int{} // from → line of the first
	for _, c := range r.records("change") {
		if !c.has("from") {
			continue // reported: from is required
		}
		v := strings.TrimSpace(c.text("from"))
		if p, ok := ParsePeriod(v); !ok || p.Kind != Monthly {
			f.errorf(c.at("from"), "from 应为月份%s", notMonth(v, "2025-01"))
			continue
		}
		if line, dup := seen[v]; dup {
			f.errorf(c.at("from"), "指标“%s”自 %s 起的调整重复（第 %d 行已写了同一个月）：同一个月的改变写在一项中", ind.Name, v, line)
			continue
		}
		seen[v], _ = f.position(c.at("from"))
		recs = append(recs, read{c, v})
	}
	// Each change builds on the one in force before its month, whatever
	// order the file writes them in.
	slices.SortStableFunc(recs, func(a, b read) int { return cmp.Compare(a.from, b.from) })
	var out []Change
	set := ind.In("")
	for _, rc := range recs {
		c := rc.rec
		ch := Change{From: rc.from, Setting: set}
		ch.Line, ch.Col = f.position(c.at("from"))
		if c.has("better") {
			if hb := c.text("better") != "lower"; hb != set.HigherBetter {
				ch.HigherBetter = hb
				ch.Set = append(ch.Set, "better")
			}
		}
		if w, ok := c.number("weight"); ok {
			if w < 0 {
				f.errorf(c.at("weight"), negativeWeight)
			}
			if w != set.Weight {
				ch.Weight = w
				ch.Set = append(ch.Set, "weight")
			}
		}
		if c.has("name") {
			if n := strings.TrimSpace(c.text("name")); l.cleanName(f, c.at("name"), "指标名称", n) && n != set.Name {
				ch.Name = n
				ch.Set = append(ch.Set, "name")
			}
		}
		// A key whose value was reported is not read as changing nothing.
		bad := false
		for _, k := range []string{"better", "weight", "decimals", "name", "deduct", "max", "min"} {
			bad = bad || c.t.has(k) && !c.has(k)
		}
		if n, ok := c.int("decimals"); ok {
			bad = bad || n < 0 || n > 6
			if n = decimals(f, c.at("decimals"), n); n != set.Decimals {
				ch.Decimals = n
				ch.Set = append(ch.Set, "decimals")
			}
		}
		// 满分 and 最低分 as the 考核细则 of the year have them (村容村貌
		// from 40 to 35 points): the months before keep theirs, so a
		// score published under the old 满分 is not refused by the new.
		for _, k := range []string{"max", "min"} {
			v, ok := c.number(k)
			if !ok {
				continue
			}
			old := &set.Max
			if k == "min" {
				old = &set.Min
			}
			if *old == nil || **old != v {
				now := v
				if k == "max" {
					ch.Max = &now
				} else {
					ch.Min = &now
				}
				ch.Set = append(ch.Set, k)
			}
		}
		if ch.Min != nil && ch.Max != nil && *ch.Min >= *ch.Max && (slices.Contains(ch.Set, "max") || slices.Contains(ch.Set, "min")) {
			at := c.at("max")
			if !slices.Contains(ch.Set, "max") {
				at = c.at("min")
			}
			f.errorf(at, "指标“%s”自 %s 起的满分 max（%s）应大于最低分 min（%s）", ind.Name, rc.from, numberText(*ch.Max), numberText(*ch.Min))
			bad = true
		}
		if c.has("deduct") {
			// Its per are read with the indicator's deduct, once every
			// count is known (deduct).
			if r.has("deduct") {
				ch.Set = append(ch.Set, "deduct")
			} else {
				f.errorf(c.at("deduct"), "指标“%s”的得分不由件数折算（它的 [[indicator]] 没有 deduct），[[indicator.change]] 中不能写 deduct", ind.Name)
				bad = true
			}
		}
		// In the order the page says them, as a derived score's rule
		// reads: 满分, then the deductions, then 最低.
		slices.SortStableFunc(ch.Set, func(a, b string) int { return cmp.Compare(setOrder[a], setOrder[b]) })
		if len(ch.Set) == 0 && bad {
			continue
		}
		if len(ch.Set) == 0 {
			if !c.has("better") && !c.has("weight") && !c.has("decimals") && !c.has("name") && !c.has("max") && !c.has("min") {
				f.errorf(c.t.path, "指标“%s”自 %s 起的调整没有写要改变的 weight、decimals、better、name、max 或 min", ind.Name, rc.from)
			} else if len(out) == 0 {
				// The first, the same as the indicator's own values: most
				// likely the old value edited to the new one as well.
				f.errorf(c.t.path, "指标“%s”自 %s 起的调整没有改变什么：所写的值与这个指标 [[indicator]] 中的相同（%s）；"+
					"如果是把 [[indicator]] 中原来的值改成了新的，改回原来的值（%s 以前各月仍按它排名）；否则删去这一项",
					ind.Name, rc.from, settingText(ind, set, c), rc.from)
			} else {
				f.errorf(c.t.path, "指标“%s”自 %s 起的调整没有改变什么：所写的值与此前的相同（%s）；删去这一项，或写上改变后的值",
					ind.Name, rc.from, settingText(ind, set, c))
			}
			continue
		}
		// Said of what the change wrote: the direction, or a weight given
		// to an indicator lower-is-better already. One that wrote neither
		// (decimals) leaves the setting's problem as it was, told where
		// it was written.
		switch {
		case slices.Contains(ch.Set, "better"):
			l.scoredLowerBetter(f, c, ind, ch.Setting, "自 "+rc.from+" 起 better = \"lower\"")
		case slices.Contains(ch.Set, "weight"):
			l.scoredLowerBetter(f, c, ind, ch.Setting, "自 "+rc.from+" 起 weight = "+strconv.FormatFloat(ch.Weight, 'f', -1, 64))
		}
		out = append(out, ch)
		set = ch.Setting
	}
	if set.Name != ind.Name {
		// Renamed: its page goes by the newest name, each month by its own.
		ind.baseName, ind.Name = ind.Name, set.Name
	}
	return out
}

// setOrder is the order of a Change's Set.
var setOrder = map[string]int{"better": 0, "weight": 1, "name": 2, "decimals": 3, "max": 4, "deduct": 5, "min": 6}

// settingText says set, the setting a change c wrote nothing new to, as
// the error saying so names it: 权重1，2位小数，得分越高越好, and its
// 满分 and 最低分 where c wrote them (满分40).
func settingText(ind *Indicator, set Setting, c *record) string {
	out := fmt.Sprintf("权重%s，%d位小数，%s", strconv.FormatFloat(set.Weight, 'f', -1, 64), set.Decimals, ind.BetterText(set.HigherBetter))
	if c.has("max") && set.Max != nil {
		out += "，满分" + numberText(*set.Max)
	}
	if c.has("min") && set.Min != nil {
		out += "，最低分" + numberText(*set.Min)
	}
	return out
}

// deletedTownships adds, to the months' problems, one line for each
// township name unknown in more than one month file: a unit deleted from
// units.toml when it was merged or renamed, which the months before still
// name, each of them reported where it stands without saying why.
func (l *loader) deletedTownships() {
	unknown := regexp.MustCompile("^未知" + regexp.QuoteMeta(l.s.Config.Terms.Unit) + "“(.+)”$")
	files := map[string][]string{}
	var order []string
	for _, d := range l.diags {
		m := unknown.FindStringSubmatch(d.Msg)
		if m == nil || !monthFileRE.MatchString(d.File) {
			continue
		}
		if _, ok := files[m[1]]; !ok {
			order = append(order, m[1])
		}
		if fs := files[m[1]]; !slices.Contains(fs, d.File) {
			files[m[1]] = append(fs, d.File)
		}
	}
	slices.Sort(order) // as the months are read, in any order
	for _, name := range order {
		fs := files[name]
		if len(fs) < 2 {
			continue
		}
		slices.Sort(fs)
		l.diags.Add("data/units.toml", 1, 1, "“%s”出现在 %d 个月份的数据中（%s 至 %s），而 data/units.toml 中没有它："+
			"撤销、合并或更名的单位不要删去，以前各月仍用它；写上 until（最后参加考核的月份）和 became（接续的单位），见 docs/rules.md 的“单位的设立、撤并和更名”",
			name, len(fs), fs[0], fs[len(fs)-1])
	}
}

// changesOfUnassessed warns of each [[indicator.change]] of an indicator
// that no month before its from assessed, in an archive that has months
// before it: it changes nothing that was ranked, and is most likely
// meant for another indicator — an [[indicator.change]] changes the
// [[indicator]] it follows, and one appended at the end of the file, as
// a new indicator is, changes that new one.
func (l *loader) changesOfUnassessed() {
	if len(l.s.Months) == 0 {
		return
	}
	first := l.s.Months[0].Key
	for _, m := range l.s.Months {
		first = min(first, m.Key)
	}
	for _, ind := range l.s.Indicators {
		for _, c := range ind.Changes {
			if c.From <= first || ind.assessedBefore(l.s, c.From) {
				continue
			}
			l.s.Warnings.Add("data/indicators.toml", c.Line, c.Col,
				"警告：这项 [[indicator.change]] 写在指标“%s”之后，调整的是它，而“%s”在 %s 之前没有哪个月考核过，没有可调整的："+
					"要调整的是别的指标，把这一项移到那个指标的 [[indicator]] 之后；新指标的权重、小数位数和得分方向直接写在它自己的 [[indicator]] 中",
				ind.Name, ind.Name, c.From)
		}
	}
}

// assessedBefore reports whether a month before the month key has a
// result of ind.
func (ind *Indicator) assessedBefore(s *Site, key string) bool {
	for _, m := range s.Months {
		if m.Key < key && m.Result(ind.ID) != nil {
			return true
		}
	}
	return false
}

func pathIf(t *table, key string) string {
	if t.has(key) {
		return t.at(key)
	}
	return ""
}

// indicatorTownships reads an indicator's townships: "all", or a list of
// names, kept in units.toml order whatever order they were listed in.
func (l *loader) indicatorTownships(f *tomlFile, r *record, all string, list []element) []*Unit {
	s := l.s
	if list == nil {
		if all != "all" {
			f.errorf(r.at("townships"), "townships 应为 \"all\" 或%s名称的数组", s.Config.Terms.Unit)
		}
		return slices.Clone(s.Townships)
	}
	seen := map[*Unit]bool{}
	for _, e := range list {
		u := l.township(f, e.path, e.value)
		if u == nil {
			continue
		}
		if seen[u] {
			f.errorf(e.path, "%s“%s”重复", s.Config.Terms.Unit, u.Name)
			continue
		}
		seen[u] = true
	}
	// A township continues what it became from: the list written before
	// a 行政区划调整 holds the new name too.
	for _, u := range s.Townships {
		for w := u; w.Became != nil && seen[w] && !seen[w.Became]; w = w.Became {
			seen[w.Became] = true
		}
	}
	var out []*Unit
	for _, u := range s.Townships {
		if seen[u] {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		f.errorf(r.at("townships"), "townships 为空")
	}
	return out
}

// groupChildren puts every group's children right after it, so that
// document order is the order a reader meets the entries.
func groupChildren(in []*Indicator) []*Indicator {
	out := make([]*Indicator, 0, len(in))
	for _, ind := range in {
		if ind.Parent == nil {
			out = append(out, ind)
			out = append(out, ind.Children...)
		}
	}
	return out
}

// township resolves a township by name or slug, reporting an unknown one
// with the nearest name.
func (l *loader) township(f *tomlFile, at, key string) *Unit {
	u, err := l.s.Township(key)
	if err != nil {
		f.errorf(at, "%s", err)
	}
	return u
}

// Township finds a township by name or slug; the error says why there is
// none: the name is a department's, holds spaces or characters one cannot
// see, or looks like a typo of the nearest name.
func (s *Site) Township(key string) (*Unit, error) {
	terms := s.Config.Terms
	u := s.units[key]
	if u != nil && u.Kind == Township {
		return u, nil
	}
	if u != nil {
		return nil, fmt.Errorf("“%s”是%s，不是%s", key, terms.Department, terms.Unit)
	}
	if msg := s.hidden(terms.Unit, key); msg != "" {
		return nil, errors.New(msg)
	}
	return nil, fmt.Errorf("未知%s“%s”%s", terms.Unit, key, Suggest(key, names(s.Townships)))
}

// Misnamed is Township's error err for key in a list of townships, one a
// row (a workbook's scores sheet, a CSV), once the list is read: absent
// are the townships it has no row of, sole whether key is the only name
// that is no township's. A typo is then suggested the absent township it
// is near, the one whose row it must be, and never a township with a row
// of its own: 东峰村, typed in the row of 东峰社区, is one character from
// 东风村, listed above it, and two from 东峰社区. The only name unknown
// where one township is absent is its row, however it was typed.
func (s *Site) Misnamed(key string, err error, absent []*Unit, sole bool) error {
	if s.units[key] != nil || s.hidden(s.Config.Terms.Unit, key) != "" {
		return err // a department's name, spaces: not a typo of a name
	}
	hint := Suggest(key, names(absent))
	if hint != "" {
		return fmt.Errorf("未知%s“%s”%s", s.Config.Terms.Unit, key, hint)
	}
	// Farther in edits, but the one absent that holds two of its
	// characters: 东峰村 and 东峰社区, a 村 for a 社区.
	var sharing []*Unit
	for _, u := range absent {
		if shared(key, u.Name) >= 2 {
			sharing = append(sharing, u)
		}
	}
	switch {
	case len(sharing) == 1:
		hint = fmt.Sprintf("，是否为“%s”？（表中没有它的一行）", sharing[0].Name)
	case sole && len(absent) == 1:
		hint = fmt.Sprintf("，是否为“%s”？（表中只缺它这一行）", absent[0].Name)
	}
	return fmt.Errorf("未知%s“%s”%s", s.Config.Terms.Unit, key, hint)
}

// shared counts the characters of a that b holds, each once.
func shared(a, b string) int {
	n := 0
	for i, r := range a {
		if !strings.ContainsRune(a[:i], r) && strings.ContainsRune(b, r) {
			n++
		}
	}
	return n
}

// hidden says why a unit name is unknown when it holds spaces around it
// or characters one cannot see (names.go), with the name it is once they
// are gone; "" for any other name.
func (s *Site) hidden(what, key string) string {
	p := nameProblem(key)
	if p == "" {
		return ""
	}
	msg := fmt.Sprintf("%s名称“%s”%s，请删去", what, shown(key), p)
	if u := s.units[cleanName(key)]; u != nil {
		msg += fmt.Sprintf("（删去后为“%s”）", u.Name)
	}
	return msg
}

func names(units []*Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

// foldName is a name as a reader tells it from others: its full-width
// letters, digits and brackets as their ASCII forms, and without spaces.
// An office's list pasted from two documents writes one unit as
// 区公安分局（交警大队） and 区公安分局(交警大队), or 东风路 街道.
func foldName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		}
		return r
	}, name)
}

// IndicatorHint is what follows 未知指标“id” where id names no indicator:
// the id to write where it is an indicator's name, or a short name, or a
// name it had (a circular's text and the workbooks call it so); the id
// itself where only its case differs; else the nearest id, if any is
// near (Suggest).
func (s *Site) IndicatorHint(id string) string {
	written := strings.TrimSpace(id)
	ids := make([]string, 0, len(s.Indicators))
	for _, ind := range s.Indicators {
		if ind.Name == written {
			return fmt.Sprintf("：这是指标的名称，这里写它在 data/indicators.toml 中的 id %s", Quote(ind.ID))
		}
		if slices.Contains(ind.ShortNames, written) || ind.baseName != "" && ind.baseName == written ||
			slices.ContainsFunc(ind.Changes, func(c Change) bool { return c.Name == written }) {
			return fmt.Sprintf("：这是指标“%s”的简称或曾用名，这里写它在 data/indicators.toml 中的 id %s", ind.Name, Quote(ind.ID))
		}
		if strings.EqualFold(ind.ID, written) {
			return fmt.Sprintf("，是否为“%s”？（id 区分大小写）", ind.ID)
		}
		ids = append(ids, ind.ID)
	}
	return Suggest(id, ids)
}

// Suggest returns "，是否为“X”？" for the candidate nearest to s by edit
// distance, when it is near enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	if c := Nearest(s, candidates); c != "" {
		return fmt.Sprintf("，是否为“%s”？", c)
	}
	return ""
}

// NearestPath returns the path among paths nearest to a misspelt one:
// the same file name in another folder (partials/footer.html for
// footer.html), or a file of its folder a few letters away; "" when none
// is near. The file names are compared, not the paths, whose shared
// folders and extension would make any file of a folder a few letters
// from any other (partials/nope.html from partials/footer.html, an asset
// of the site's own, assets/css/portal.css, from assets/css/site.css).
func NearestPath(name string, paths []string) string {
	var here []string
	for _, p := range paths {
		if path.Base(p) == path.Base(name) {
			return p
		}
		if path.Dir(p) == path.Dir(name) {
			here = append(here, path.Base(p))
		}
	}
	if near := Nearest(path.Base(name), here); near != "" {
		return path.Join(path.Dir(name), near)
	}
	return ""
}

// Nearest is the candidate Suggest names, or "": for a message that
// words its own hint (a field of a layout, a misspelt path).
func Nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(s, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(1, utf8.RuneCountInString(s)/3) || onlySuffixShared(s, best, candidates) {
		// An abbreviation (县应急局 for 县应急管理局) is far in edits but
		// plain to see: each of its characters in order in one name.
		return abbreviated(s, candidates)
	}
	return best
}

// onlySuffixShared reports whether s and c have nothing in common but the
// Han characters they end with, when other candidates end so too: 庚镇 is
// one edit from 甲镇, and from every other 镇.
func onlySuffixShared(s, c string, candidates []string) bool {
	rs, rc := []rune(s), []rune(c)
	n := 0
	for n < len(rs) && n < len(rc) && rs[len(rs)-1-n] == rc[len(rc)-1-n] && unicode.Is(unicode.Han, rs[len(rs)-1-n]) {
		n++
	}
	if n == 0 {
		return false
	}
	suffix, others := string(rs[len(rs)-n:]), 0
	for _, o := range candidates {
		if o != c && strings.HasSuffix(o, suffix) {
			others++
		}
	}
	head := string(rs[:len(rs)-n])
	return others > 0 && head != "" && editDistance(head, string(rc[:len(rc)-n])) >= utf8.RuneCountInString(head)
}

// abbreviated returns the one candidate that holds each character of s
// in order, s being three characters or more; "" if none or several do.
func abbreviated(s string, candidates []string) string {
	if utf8.RuneCountInString(s) < 3 {
		return ""
	}
	found := ""
	for _, c := range candidates {
		if c != s && inOrder(s, c) {
			if found != "" {
				return ""
			}
			found = c
		}
	}
	return found
}

// inOrder reports whether c holds each character of s, in s's order.
func inOrder(s, c string) bool {
	for _, r := range s {
		i := strings.IndexRune(c, r)
		if i < 0 {
			return false
		}
		c = c[i+utf8.RuneLen(r):]
	}
	return true
}

// editDistance is the distance in characters between a and b: the
// fewest insertions, deletions, substitutions and swaps of two adjacent
// characters that make one the other (optimal string alignment). A swap
// counts one, as a typing slip does: titel is one from title.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j]; three rows
	// are kept, a swap looking two back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
