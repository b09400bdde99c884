package render

import (
	"html/template"
	"strconv"

	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file holds what every layout receives: the Page and the views
// common to all pages.

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

	Unit      *UnitView      // unit, department (history_pages.go)
	Indicator *IndicatorView // indicator
	Rankings  *RankingsView  // rankings

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
	Appendix   *Appendix // the period's tables (history_appendix.go); nil without data

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
		Nav: []NavItem{
			{Title: "首页", Path: ""},
			{Title: "通报", Path: "circulars/"},
			{Title: "排名", Path: "rankings/"},
		},
	}
}

func formatScore(v float64, decimals int) string {
	return strconv.FormatFloat(v, 'f', decimals, 64)
}
