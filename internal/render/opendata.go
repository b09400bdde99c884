package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// This file renders the open data (DESIGN.md §7): beside every circular
// that reports a month, circulars/YYYY/N/data.json (everything ranked that
// month) and circulars/YYYY/N/data.csv (every township rank of the month);
// and data/ranks.csv, every township rank of every month in one table.
//
// The CSV files are UTF-8 with a byte-order mark and CRLF line ends, so
// that Excel and WPS open them as Chinese text, with a Chinese header row:
// 月份,指标,<unit>,得分,排名,并列 ([terms] unit names the third
// column; a site with unit groups has a column 组别 after it). A quarter,
// half or year has its composite rows only, its key in the first column.
// A cell that a spreadsheet would read
// as a formula (starting with = + - @, tab or CR) gets a leading apostrophe;
// plain numbers such as a negative composite score are left as they are.

// openData is the part of the site that writes the open data.
type openData struct {
	*core
	once sync.Once
	csv  map[*rank.Period]func() ([]byte, error) // see monthCSV
}

func (o *openData) jobs() []job {
	var jobs []job
	for i, c := range o.s.Circulars {
		p := o.periodOf(c)
		if p == nil {
			continue
		}
		at := owner{file: c.File, line: c.NumberLine, col: c.NumberCol}
		jobs = append(jobs,
			job{path: c.URLPath() + "data.json", owner: at, in: []input{global(), frontIn(c), periodIn(p)},
				fn: func() ([]byte, error) { return o.dataJSON(i) }},
			job{path: c.URLPath() + "data.csv", owner: at, in: []input{global(), periodIn(p)},
				fn: func() ([]byte, error) { return o.joinCSV([]*rank.Period{p}) }},
		)
	}
	if months := o.res.Months(); len(months) > 0 {
		in := []input{global()}
		for _, p := range months {
			in = append(in, periodIn(p))
		}
		jobs = append(jobs, job{path: "data/ranks.csv", owner: own("全部排名 CSV"), in: in,
			fn: func() ([]byte, error) { return o.joinCSV(months) }})
	}
	return jobs
}

// OpenData is data.json. Field order is the struct order: stable output.
type OpenData struct {
	Circular    OpenCircular     `json:"circular"`
	Month       string           `json:"month"`  // 2023-02
	Period      string           `json:"period"` // 2023年1-2月
	OverallCity int              `json:"overallCity,omitempty"`
	Indicators  []OpenIndicator  `json:"indicators"`
	Composite   []OpenTownship   `json:"composite"`
	CityBottom  []OpenCityBottom `json:"cityBottom"`
	Categories  []OpenCategory   `json:"categories"`
	Rewards     []OpenReward     `json:"rewards"`
	Interviews  []OpenInterview  `json:"interviews"`
}

type OpenCircular struct {
	Number string `json:"number"` // 文号
	Title  string `json:"title"`
	Date   string `json:"date"` // 成文日期, 2023-04-03
	URL    string `json:"url"`
}

// OpenIndicator is one result of the month: the city and peer ranks, and
// the township ranking when the indicator ranks townships.
type OpenIndicator struct {
	ID            string         `json:"id"`
	Name          string         `json:"name"`
	Section       string         `json:"section"`
	Parent        string         `json:"parent,omitempty"`
	Owners        []string       `json:"owners"`
	City          int            `json:"city,omitempty"`
	CityTie       bool           `json:"cityTie,omitempty"`
	District      int            `json:"district,omitempty"`
	DistrictTie   bool           `json:"districtTie,omitempty"`
	DistrictLabel string         `json:"districtLabel,omitempty"`
	DistrictUnits int            `json:"districtUnits,omitempty"`
	Better        string         `json:"better,omitempty"` // higher | lower, when townships are ranked
	Townships     []OpenTownship `json:"townships,omitempty"`
}

// OpenTownship is a township's score and rank, best first.
type OpenTownship struct {
	Name  string  `json:"name"`
	Slug  string  `json:"slug"`
	Group string  `json:"group,omitempty"` // its unit group, ranked apart (DESIGN.md §5.8)
	Score float64 `json:"score"`
	Rank  int     `json:"rank"`
	Tied  bool    `json:"tied"`
}

type OpenCityBottom struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	City     int      `json:"city,omitempty"`
	District int      `json:"district,omitempty"`
	Owners   []string `json:"owners"`
}

type OpenCategory struct {
	Name  string   `json:"name"`
	Units []string `json:"units"`
}

type OpenReward struct {
	Unit   string `json:"unit"`
	Amount int64  `json:"amount"` // 元
	Reason string `json:"reason"`
	Source string `json:"source"` // what made it: config.toml:30 (a rule) or data/2023-02.toml:88 (a hand entry)
}

// OpenInterview is any measure but a reward: 约谈, 提醒约谈, 书面检查, ….
type OpenInterview struct {
	Unit   string `json:"unit"`
	Who    string `json:"who"`
	By     string `json:"by,omitempty"`
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	Source string `json:"source"`
}

func unitList(units []*site.Unit) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		out = append(out, u.Name)
	}
	return out
}

func openTownships(group string, ts []rank.Township) []OpenTownship {
	out := make([]OpenTownship, 0, len(ts))
	for _, t := range ts {
		out = append(out, OpenTownship{Name: t.Unit.Name, Slug: t.Unit.Slug, Group: group, Score: t.Value, Rank: t.Rank, Tied: t.Tied})
	}
	return out
}

func (o *openData) dataJSON(i int) ([]byte, error) {
	c := o.s.Circulars[i]
	p := o.periodOf(c)
	m := p.Month
	if m == nil {
		m = &site.Month{} // an aggregate: its composite and measures only
	}
	v := o.circular(i)
	d := OpenData{
		Circular:    OpenCircular{Number: c.Number, Title: v.Title, Date: c.Date.String(), URL: o.AbsURL(c.URLPath())},
		Month:       p.Span.Key(),
		Period:      p.Label,
		OverallCity: m.OverallCity,
		Indicators:  []OpenIndicator{},
		Composite:   []OpenTownship{},
		CityBottom:  []OpenCityBottom{},
		Categories:  []OpenCategory{},
		Rewards:     []OpenReward{},
		Interviews:  []OpenInterview{},
	}
	for _, g := range p.Groups {
		d.Composite = append(d.Composite, openTownships(g.Name, g.Composite)...)
	}
	for _, res1 := range m.Results {
		ind := res1.Indicator
		oi := OpenIndicator{
			ID:          ind.ID,
			Name:        ind.Name,
			Section:     ind.Section,
			Owners:      unitList(ind.Owners),
			City:        res1.City,
			CityTie:     res1.CityTie,
			District:    res1.District,
			DistrictTie: res1.DistrictTie,
		}
		if ind.Parent != nil {
			oi.Parent = ind.Parent.ID
		}
		if res1.District > 0 {
			oi.DistrictLabel, oi.DistrictUnits = res1.DistrictLabel, res1.DistrictUnits
		}
		for _, g := range p.Groups {
			if ir := g.Indicator(ind.ID); ir != nil {
				oi.Better = "higher"
				if !ind.HigherBetter {
					oi.Better = "lower"
				}
				oi.Townships = append(oi.Townships, openTownships(g.Name, ir.Ranked)...)
			}
		}
		d.Indicators = append(d.Indicators, oi)
	}
	for _, e := range p.CityBottom {
		d.CityBottom = append(d.CityBottom, OpenCityBottom{ID: e.Indicator.ID, Name: e.Indicator.Name, City: e.City, District: e.District, Owners: unitList(e.Indicator.Owners)})
	}
	for _, cat := range m.Categories {
		d.Categories = append(d.Categories, OpenCategory{Name: cat.Name, Units: unitList(cat.Units)})
	}
	for _, a := range p.Rewards() {
		d.Rewards = append(d.Rewards, OpenReward{Unit: a.Unit.Name, Amount: a.Amount, Reason: a.Reason, Source: a.Source.String()})
	}
	for _, iv := range p.Interviews("") {
		d.Interviews = append(d.Interviews, OpenInterview{Unit: iv.Unit.Name, Who: iv.Who, By: iv.By, Kind: iv.Action, Reason: iv.Reason, Source: iv.Source.String()})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// Compact, as APIs serve JSON: indenting cost more than the rest of
	// the file together, and browsers and tools indent it for reading.
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// csvHeader is the header row of every rank CSV.
func (o *openData) csvHeader() []string {
	if len(o.s.Groups) > 0 {
		return []string{"月份", "指标", o.s.Config.Terms.Unit, "组别", "得分", "排名", "并列"}
	}
	return []string{"月份", "指标", o.s.Config.Terms.Unit, "得分", "排名", "并列"}
}

// CompositeLabel is the 指标 cell of composite rows.
const CompositeLabel = "综合"

// utf8BOM lets Excel and WPS recognise the CSV as UTF-8.
const utf8BOM = "\xEF\xBB\xBF"

// plainNumber reports whether s is -?digits(.digits)?: a number a
// spreadsheet reads as a number, which may start with a minus.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	return digits(whole) && (!dot || digits(frac))
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// csvCell neutralises what a spreadsheet would run as a formula.
func csvCell(s string) string {
	if s == "" || plainNumber(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// rankRows appends a period's township ranks: each ranked indicator in
// document order, then the composite.
func (o *openData) rankRows(rows [][]string, p *rank.Period) [][]string {
	key := p.Span.Key()
	grouped := len(o.s.Groups) > 0
	add := func(label, group string, ts []rank.Township, decimals int) {
		for _, t := range ts {
			tied := "否"
			if t.Tied {
				tied = "是"
			}
			row := []string{key, label, t.Unit.Name, formatScore(t.Value, decimals), strconv.Itoa(t.Rank), tied}
			if grouped {
				row = slices.Insert(row, 3, group)
			}
			rows = append(rows, row)
		}
	}
	for _, g := range p.Groups {
		for _, ir := range g.Indicators {
			add(ir.Result.Indicator.Name, g.Name, ir.Ranked, ir.Result.Indicator.Decimals)
		}
	}
	for _, g := range p.Groups {
		add(CompositeLabel, g.Name, g.Composite, o.s.Config.Scoring.Decimals)
	}
	return rows
}

// appendCSV writes rows, neutralised, with CRLF line ends.
func appendCSV(b *bytes.Buffer, rows [][]string) error {
	w := csv.NewWriter(b)
	w.UseCRLF = true
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = csvCell(c)
		}
		if err := w.Write(cells); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// monthCSV is the body of a period's data.csv, without BOM and header:
// data.csv and data/ranks.csv share it, so it is made at most once per
// render, whichever job asks first, and in the preview server once per
// change of the period.
func (o *openData) monthCSV(p *rank.Period) ([]byte, error) {
	o.once.Do(func() {
		o.csv = make(map[*rank.Period]func() ([]byte, error), len(o.res.Periods))
		for _, p := range o.res.Periods {
			o.csv[p] = sync.OnceValues(func() ([]byte, error) {
				return fragment(o.core, "csv:"+p.Span.Key(), []input{global(), periodIn(p)}, func() ([]byte, error) {
					var b bytes.Buffer
					err := appendCSV(&b, o.rankRows(nil, p))
					return b.Bytes(), err
				})
			})
		}
	})
	return o.csv[p]()
}

// joinCSV writes the BOM, the header and the periods' rows.
func (o *openData) joinCSV(periods []*rank.Period) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	if err := appendCSV(&b, [][]string{o.csvHeader()}); err != nil {
		return nil, err
	}
	for _, p := range periods {
		rows, err := o.monthCSV(p)
		if err != nil {
			return nil, err
		}
		b.Write(rows)
	}
	return b.Bytes(), nil
}
