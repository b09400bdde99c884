package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// Page is what every layout receives as its dot.
type Page struct {
	Site        *SiteData
	Kind        string // home | circular | archive | page | list | 404 | unit | department | indicator | rankings
	Title       string
	Path        string // below the site root: "circulars/2023/14/"
	Permalink   string // the page's full address (absURL of Path), or "" on the 404 page, which has none
	Description string
	Date        *DateData // publish date shown on the page (portal rule), if any
	Column      Column
	Content     template.HTML

	Circular  *Circular   // circular
	Circulars []*Circular // home: the latest few; archive: all, newest first
	Years     []Year      // archive
	Latest    *Circular   // home
	Ranking   *Ranking    // home: the latest month's composite ranking
	Pages     []*PlainPage

	Unit      *UnitView      // unit, department (history.go)
	Indicator *IndicatorView // indicator
	Rankings  *RankingsView  // rankings

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
}

type NavItem struct {
	Title   string
	Path    string
	Current string // "page" for the page itself, "true" for its section, ""
}

// nav marks the navigation entry of page p: the entry it is, or the
// section it belongs to (a circular is under 通报, a unit's or an
// indicator's history under 排名).
func nav(items []NavItem, p *Page) []NavItem {
	out := make([]NavItem, len(items))
	for i, it := range items {
		out[i] = it
		switch {
		case it.Path == p.Path && p.Kind != "404":
			out[i].Current = "page"
		case it.Path == "circulars/" && p.Kind == "circular",
			it.Path == "rankings/" && (p.Kind == "unit" || p.Kind == "department" || p.Kind == "indicator"):
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
	Issuer     string
	Date       *DateData // 成文日期
	IndexNo    string    // 索引号
	Topic      string    // 主题分类
	Letter     bool      // 信函格式
	Period     string    // 2023年1-2月
	Path       string
	Body       template.HTML
	Prev, Next *Circular // neighbours in date order, for navigation
	Appendix   *Appendix // the month's tables (history.go); nil without data

	date site.Date
}

// Year groups the archive.
type Year struct {
	Year      int
	Circulars []*Circular
}

// Ranking is a month's composite ranking for the home page.
type Ranking struct {
	Period string
	Rows   []RankRow
}

type RankRow struct {
	Rank  string // 第一, 并列第三
	Name  string
	Path  string // the unit's page
	Score string
}

// PlainPage is a Markdown page outside circulars/.
type PlainPage struct {
	Title string
	Path  string
	Date  *DateData
}

func (r *renderer) newSiteData() *SiteData {
	c := r.s.Config
	return &SiteData{
		Title:    c.Title,
		Language: c.Language,
		Name:     c.Site.Name,
		Domain:   c.Site.Domain,
		IDCode:   c.Site.IDCode,
		Issuer:   c.Issuer,
		BaseURL:  r.base,
		Nav: []NavItem{
			{Title: "首页", Path: ""},
			{Title: "通报", Path: "circulars/"},
			{Title: "排名", Path: "rankings/"},
		},
	}
}

// circular builds the layout view of circular i, without its body.
func (r *renderer) circular(i int) *Circular {
	c := r.s.Circulars[i]
	title := c.Title
	if !strings.HasPrefix(title, r.s.Config.Issuer) {
		title = r.s.Config.Issuer + title
	}
	v := &Circular{
		Number:     c.Number,
		Title:      title,
		ShortTitle: c.Title,
		To:         c.To,
		Issuer:     r.s.Config.Issuer,
		Date:       dateData(c.Date),
		IndexNo:    fmt.Sprintf("%s/%d-%05d", r.s.Config.Site.OrgCode, c.Year, c.Serial),
		Topic:      "综合政务",
		Letter:     c.Letter,
		Path:       c.URLPath(),
		date:       c.Date,
	}
	if c.Data != nil {
		v.Period = c.Data.Label()
	}
	return v
}

var circularColumn = Column{Name: "工作通报", Description: "区政府“三重点”落实情况通报", Keywords: "通报,三重点,考核排名", Type: "公文"}

func (r *renderer) circularPage(i int) ([]byte, error) {
	v := r.circular(i)
	if i > 0 {
		v.Prev = r.circular(i - 1)
	}
	if i+1 < len(r.s.Circulars) {
		v.Next = r.circular(i + 1)
	}
	v.Body = r.bodies[i]
	if c := r.s.Circulars[i]; c.Data != nil {
		v.Appendix = r.appendix(r.results[c.Data])
	}
	return r.execute("circular.html", &Page{
		Kind:        "circular",
		Title:       v.Title,
		Path:        v.Path,
		Description: v.Title,
		Date:        v.Date,
		Column:      circularColumn,
		Circular:    v,
	})
}

// plainPage renders plain page i, and its search entry while its body is
// at hand.
func (r *renderer) plainPage(i int) ([]byte, error) {
	p := r.s.Pages[i]
	body, err := r.convertPage(p)
	if err != nil {
		return nil, err
	}
	r.pageEntry(i, body)
	return r.execute("page.html", &Page{
		Kind:    "page",
		Title:   p.Title,
		Path:    p.Path,
		Date:    dateData(p.Date),
		Column:  Column{Name: p.Title, Type: "信息"},
		Content: body,
	})
}

func (r *renderer) listPage(dir string) ([]byte, error) {
	var pages []*PlainPage
	var latest site.Date
	for _, p := range r.s.Pages {
		if strings.HasPrefix(p.Path, dir) && p.Path != dir {
			pages = append(pages, &PlainPage{Title: p.Title, Path: p.Path, Date: dateData(p.Date)})
			if latest.Before(p.Date) {
				latest = p.Date
			}
		}
	}
	// Newest first; pages without a date last, by path for stability.
	slices.SortStableFunc(pages, func(a, b *PlainPage) int {
		switch {
		case a.Date == nil && b.Date == nil:
			return strings.Compare(a.Path, b.Path)
		case a.Date == nil:
			return 1
		case b.Date == nil:
			return -1
		}
		return -strings.Compare(a.Date.ISO, b.Date.ISO)
	})
	title := strings.TrimSuffix(dir, "/")
	return r.execute("list.html", &Page{
		Kind:   "list",
		Title:  title,
		Path:   dir,
		Date:   dateData(latest),
		Column: Column{Name: title, Type: "列表"},
		Pages:  pages,
	})
}

// newestFirst lists the circulars' views, newest first.
func (r *renderer) newestFirst() []*Circular {
	n := len(r.s.Circulars)
	out := make([]*Circular, n)
	for i := range n {
		out[n-1-i] = r.circular(i)
	}
	return out
}

func (r *renderer) homePage() ([]byte, error) {
	all := r.newestFirst()
	p := &Page{
		Kind:        "home",
		Title:       r.s.Config.Title,
		Description: r.s.Config.Title,
		Column:      Column{Name: "首页", Description: r.s.Config.Title, Keywords: "通报,三重点,考核排名", Type: "首页"},
		Circulars:   all[:min(len(all), 10)],
	}
	if len(all) > 0 {
		p.Latest = all[0]
		p.Date = all[0].Date
	}
	if n := len(r.s.Months); n > 0 {
		m := r.s.Months[n-1]
		res := r.results[m]
		if len(res.Composite) > 0 {
			rk := &Ranking{Period: m.Label()}
			for _, t := range res.Composite {
				rk.Rows = append(rk.Rows, RankRow{Rank: zh.RankPhrase(t.Rank, t.Tied), Name: t.Unit.Name, Path: unitPath(t.Unit), Score: formatScore(t.Value, r.s.Config.Scoring.Decimals)})
			}
			p.Ranking = rk
		}
	}
	return r.execute("home.html", p)
}

func (r *renderer) archivePage() ([]byte, error) {
	all := r.newestFirst()
	var years []Year
	for _, c := range all {
		year := c.date.Year
		if len(years) == 0 || years[len(years)-1].Year != year {
			years = append(years, Year{Year: year})
		}
		years[len(years)-1].Circulars = append(years[len(years)-1].Circulars, c)
	}
	p := &Page{
		Kind:      "archive",
		Title:     "通报归档",
		Path:      "circulars/",
		Column:    circularColumn,
		Circulars: all,
		Years:     years,
	}
	if len(all) > 0 {
		p.Date = all[0].Date
	}
	return r.execute("archive.html", p)
}

func (r *renderer) notFoundPage() ([]byte, error) {
	return r.execute("404.html", &Page{Kind: "404", Title: "页面不存在", Column: Column{Name: "页面不存在", Type: "其他"}})
}

func formatScore(v float64, decimals int) string {
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
