package render

import (
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file holds what every layout receives: the Page and the views
// common to all pages.

// Page is what every layout receives as its dot.
type Page struct {
	Site        *SiteData
	Kind        string // home | circular | archive | year | page | list | 404 | alias | unit | department | indicator | rankings | units | indicators | data
	Title       string
	Path        string // below the site root: "circulars/2023/14/"
	Permalink   string // the page's full address (absURL of Path), or "" on the 404 page, which has none
	Image       string // the full address of the first picture its body shows, or "" (the portal's Image meta)
	Description string
	Date        *DateData // publish date shown on the page (portal rule), if any
	Updated     *DateData // the date it was corrected after publication (front matter updated), if any
	Valid       string    // a plain page's 有效性 (a circular's is Circular.Valid)
	Column      Column
	Content     template.HTML
	Attachments []AttachmentLink // a plain page's (a circular's are Circular.Attachments)

	Circular  *Circular   // circular
	Circulars []*Circular // home: the latest few; archive: all, newest first; year: the year's
	Years     []Year      // archive: the years listed in full, newest first; year: its year
	YearLinks []YearLink  // archive, year: every year, newest first
	Latest    *Circular   // home
	Ranking   *Ranking    // home: the latest month's composite ranking
	Pages     []*PlainPage

	UnitGroups []UnitGroup    // units: every unit, by group (index.go)
	Sections   []IndexSection // indicators: the catalogue, by section
	Unit       *UnitView      // unit, department (history_pages.go)
	Indicator  *IndicatorView // indicator
	Rankings   *RankingsView  // rankings
	Data       *DataView      // data (opendata.go)

	// SearchIndex is, on the search page, the index's manifest
	// (search-index.json), which the page carries so that a query need
	// not fetch it first.
	SearchIndex template.JS

	// Nav is the site's navigation as this page shows it: Current says
	// which entry the page is, or is under, for aria-current.
	Nav []NavItem
}

// SiteData is the part of every page that comes from config.toml.
type SiteData struct {
	Title    string
	Language string
	Name     string // 主办单位
	Domain   string
	IDCode   string // 网站标识码
	Issuer   string
	BaseURL  string
	Nav      []NavItem
	// Map is the footer's 网站导航: every index of the site and the plain
	// pages at its top (关于本站), which the main navigation, three entries
	// on a phone, has no room for and which nothing else may link to.
	Map []NavItem
	// Terms are the office's words ([terms]), for layouts that name the
	// units, the city or the peer group.
	Terms site.Terms
	// Period names one assessed period, a month file: 月 (当月, 共4个月,
	// 点击月份), 季度 for an office that assesses once a quarter, 期 and
	// 半年度 for one every half year (site.Site.Assesses).
	Period PeriodWords

	// Icon and IconType are the site's icon for <link rel="icon"> (icon.go).
	Icon, IconType string
	// The footer's portal fields ([site]); each is printed only when set.
	ICP     string     // ICP备案号, linked to the MIIT's register
	Police  FooterLink // 公安备案号, linked to its record when the number is found
	Contact FooterLink // 联系我们: Href "" when it is text (a telephone number)
	Errata  FooterLink // 纠错
	Badge   FooterLink // 党政机关网站标识: Text is the image's address
}

// PeriodWords are the words for one assessed period.
type PeriodWords struct {
	Each  string // 月, 季度, 期: 当月, 该季度, 上期无排名
	Noun  string // 月份, 季度, 半年度: a column's heading, 点击月份
	Count string // 个月, 个季度, 个半年度: 共4个月
}

// periodWords are the words for month files that each report a period
// of kind k (site.Month.Kind): a month, a quarter or a half year.
func periodWords(k site.PeriodKind) PeriodWords {
	return PeriodWords{Each: k.Each(), Noun: k.Column(), Count: k.Counted()}
}

// FooterLink is a footer entry: its text and, if it links, where.
type FooterLink struct {
	Text string
	Href string
}

// policeRE finds the record number in a 公安备案号: 湘公网安备 43050202000123号.
var policeRE = regexp.MustCompile(`\d{10,}`)

// footer fills the footer's fields of v from [site]; page addresses are
// below base.
func (v *SiteData) footer(si site.SiteInfo, base site.Base, asset func(string) string) {
	v.ICP = si.ICP
	if si.Police != "" {
		v.Police.Text = si.Police
		if code := policeRE.FindString(si.Police); code != "" {
			v.Police.Href = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + code
		}
	}
	href := func(t site.Target) string {
		if t.Page != "" {
			return base.Path + t.Page
		}
		return t.URL
	}
	if si.Contact.IsSet() {
		v.Contact = FooterLink{Text: si.Contact.Text, Href: href(si.Contact)}
	}
	if si.Errata.IsSet() {
		v.Errata = FooterLink{Text: si.Errata.Text, Href: href(si.Errata)}
	}
	if si.Badge != "" {
		v.Badge = FooterLink{Text: asset(si.Badge), Href: href(si.BadgeLink)}
	}
}

type NavItem struct {
	Title   string
	Path    string
	Current string // "page" for the page itself, "true" for its section, ""
}

// nav marks the navigation entry of page p: the entry it is, or the
// section it belongs to (a circular and a year's list are under 通报; a
// unit's or an indicator's history, their indexes and the data downloads
// under 排名).
func nav(items []NavItem, p *Page) []NavItem {
	out := make([]NavItem, len(items))
	for i, it := range items {
		out[i] = it
		switch {
		case it.Path == p.Path && p.Kind != "404":
			out[i].Current = "page"
		case it.Path == "circulars/" && (p.Kind == "circular" || p.Kind == "year"),
			it.Path == "rankings/" && (p.Kind == "unit" || p.Kind == "department" || p.Kind == "indicator" || p.Kind == "units" || p.Kind == "indicators" || p.Kind == "data"):
			out[i].Current = "true"
		}
	}
	return out
}

// Column is the portal's column metadata (DOMAIN.md §2).
type Column struct {
	Name, Description, Keywords, Type string
}

// DateData is a date written both ways: the body writes 2023年4月3日,
// listings and metadata 2023-04-03.
type DateData struct {
	ISO     string
	Chinese string
}

func dateData(d site.Date) *DateData {
	if d.Year == 0 {
		return nil
	}
	return &DateData{ISO: d.String(), Chinese: zh.Date(d.Year, d.Month, d.Day)}
}

// Circular is one circular as layouts see it.
type Circular struct {
	Number     string // 文号
	Title      string // full title: issuer + 关于……的通报
	ShortTitle string // front matter title
	To         string // 主送机关
	// Issuer is the lead office (主办机关): the portal's ContentSource,
	// the 印发机关 unless printer says otherwise. The site's issuer, but
	// for a joint circular led by another office.
	Issuer string
	// Issuers are every office that issues it, the lead first: one, the
	// site's issuer, unless the front matter's issuers names several
	// (联合行文), whose names the letterhead of 文件格式 stacks and the
	// signature lists.
	Issuers   []string
	Date      *DateData // 成文日期
	Published *DateData // 发布日期: the front matter's published, else the 成文日期
	IndexNo   string    // 索引号
	Topic     string    // 主题分类
	Letter    bool      // 信函格式
	Valid     string    // 有效性: 有效 | 失效 | 废止
	// Notes are the 附注, each to be set in parentheses on a line of its
	// own; Note is them in one, joined by “，”, as a layout written
	// before there could be several shows them.
	Notes       []string
	Note        string
	Correction  string    // 更正说明, dated by the page's Updated; "" for none
	CC          string    // 抄送机关, without the closing 。
	Printer     string    // 印发机关, when Printed is set
	Printed     *DateData // 印发日期: 文件格式's 版记 has a 印发 line
	Attachments []AttachmentLink
	Period      string // 2023年1-2月, the period's label: what lists lead with
	Path        string
	Body        template.HTML
	Prev, Next  *Circular // neighbours in date order, for navigation
	Appendix    *Appendix // the period's tables (history_appendix.go); nil without data

	year  int // of the 文号: the year of its address
	index int // in site.Circulars
}

// An AttachmentLink is one of a circular's attachments as its page lists
// it: 附件：1. 名称, a link beside the page, the file's type and size.
type AttachmentLink struct {
	Title string
	Href  string // relative to the circular's page: attachment-1.xlsx
	// Download is the name a browser saves the file under: 附件1 名称.xlsx.
	// The address is plain ASCII, which every portal's upload keeps; the
	// name the reader gets says what the file is.
	Download string
	Type     string // XLSX
	Size     string // 12 KB
}

// IssuerNames are the issuers' names in one line, the lead first, a
// space between: the metadata's 发布机构, and what a title begins with
// when tongbao put the issuers before it.
func (c *Circular) IssuerNames() string { return joinIssuers(c.Issuers) }

// IssuersBeforeLast and LastIssuer are the issuers as the signature
// sets them: the last over the date.
func (c *Circular) IssuersBeforeLast() []string { return c.Issuers[:len(c.Issuers)-1] }
func (c *Circular) LastIssuer() string          { return c.Issuers[len(c.Issuers)-1] }

// Joint reports whether several offices issue it (联合行文).
func (c *Circular) Joint() bool { return len(c.Issuers) > 1 }

// ListTitle is how a list names the circular: the period first, which a
// long title buries at its end, then the title without the issuer, who
// is the same on every line: 2023年1-2月 · 关于区政府…的通报. Layouts write
// the two parts with their own markup.
func (c *Circular) ListTitle() string {
	if c.Period == "" {
		return c.ShortTitle
	}
	return c.Period + " · " + c.ShortTitle
}

// Year is one year's circulars, in the archive and on its own page.
type Year struct {
	Year      int
	Path      string // circulars/2023/
	Circulars []*Circular
}

// YearLink is a year in the archive's year navigation.
type YearLink struct {
	Year    int
	Path    string
	Count   int
	Current bool // the year of the page it is on
}

// Ranking is a month's composite ranking for the home page.
type Ranking struct {
	Period string
	Unit   string // [terms] unit: the heading of the names' column
	Rows   []RankRow
	// Groups are Rows by unit group, in units.toml's order: the table
	// heads each group's rows with its name once, as the rankings' matrix
	// does, where a 组别 column said it on every row (63 rows of eight
	// 乡镇). One group named "" without groups.
	Groups []RankGroup
	// OverallHeader heads the groups' column of each unit's place in the
	// overall ranking (全县排名), as the appendix's tables have it, and
	// Overall is that ranking, every group's units together, with the
	// scores its order is of (with rank points not the groups'), its Name
	// the table's caption: where the office ranks overall ([ranking]
	// overall); "" and nil otherwise.
	OverallHeader string
	Overall       *RankGroup
	// Folded is set when the groups are more than one: each is a table
	// in a section of its own, which a phone folds, as /rankings/ does.
	Folded bool
}

// RankGroup is a unit group's rows of the home page's ranking.
type RankGroup struct {
	ID   string // group-1, as /rankings/ and /units/ have it
	Name string
	Rows []RankRow
}

type RankRow struct {
	Group string // its unit group, when units.toml has groups
	Rank  string // 第一, 并列第三
	// Overall is its place in the overall ranking beside its group's
	// (并列第二), "—" where it has none; "" without the overall ranking.
	Overall string
	Name    string
	Path    string // the unit's page
	Score   string
}

// PlainPage is a Markdown page outside circulars/.
type PlainPage struct {
	Title string
	Path  string
	Date  *DateData
}

func newSiteData(s *site.Site, base site.Base) *SiteData {
	c := s.Config
	return &SiteData{
		Title:    c.Title,
		Language: c.Language,
		Name:     c.Site.Name,
		Domain:   c.Site.Domain,
		IDCode:   c.Site.IDCode,
		Issuer:   c.Issuer,
		BaseURL:  base.URL,
		Terms:    c.Terms,
		Period:   periodWords(s.Assesses()),
		Nav: []NavItem{
			{Title: "首页", Path: ""},
			{Title: "通报", Path: "circulars/"},
			{Title: "排名", Path: "rankings/"},
		},
		Map: siteMap(s),
	}
}

// siteMap is SiteData.Map: the indexes, then the top pages by path.
func siteMap(s *site.Site) []NavItem {
	m := []NavItem{
		{Title: "通报归档", Path: "circulars/"},
		{Title: "考核排名", Path: "rankings/"},
		{Title: "考核单位", Path: "units/"},
		{Title: "考核指标", Path: "indicators/"},
		{Title: "考核数据下载", Path: "data/"},
		{Title: "站内搜索", Path: "search/"},
	}
	var top []NavItem
	for _, p := range s.Pages {
		if p.Path != "" && strings.Count(p.Path, "/") == 1 {
			top = append(top, NavItem{Title: p.Title, Path: p.Path})
		}
	}
	slices.SortFunc(top, func(a, b NavItem) int { return strings.Compare(a.Path, b.Path) })
	return append(m, top...)
}

// unreportedText is what a table prints for a value a unit did not
// report (未报送), in place of a score: with unreported = "zero" it is
// ranked at the lowest score, which is not a score it reported.
const unreportedText = "未报送"

// townshipScore is t's score on an indicator as a table prints it: the
// score, or 未报送 for a township that did not report it.
func townshipScore(t rank.Township, decimals int) string {
	if t.Unreported {
		return unreportedText
	}
	return formatScore(t.Value, decimals)
}

func formatScore(v float64, decimals int) string {
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
