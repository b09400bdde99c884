package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
// 月份,指标,乡镇（街道）,得分,排名,并列. A cell that a spreadsheet would read
// as a formula (starting with = + - @, tab or CR) gets a leading apostrophe;
// plain numbers such as a negative composite score are left as they are.

// openDataJobs are the outputs of this file.
func (r *renderer) openDataJobs() []job {
	var jobs []job
	for i, c := range r.s.Circulars {
		if c.Data == nil {
			continue
		}
		key := r.jobKey(c.Sum, c.Data.Sum)
		jobs = append(jobs,
			keyed(job{path: c.URLPath() + "data.json", fn: func() ([]byte, error) { return r.dataJSON(i) }}, key),
			keyed(job{path: c.URLPath() + "data.csv", fn: func() ([]byte, error) { return r.dataCSV(c.Data) }}, key),
		)
	}
	if len(r.s.Months) > 0 {
		jobs = append(jobs, job{path: "data/ranks.csv", fn: r.ranksCSV})
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
}

type OpenInterview struct {
	Unit   string `json:"unit"`
	Who    string `json:"who"`
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

func unitList(units []*site.Unit) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		out = append(out, u.Name)
	}
	return out
}

func openTownships(ts []rank.Township) []OpenTownship {
	out := make([]OpenTownship, 0, len(ts))
	for _, t := range ts {
		out = append(out, OpenTownship{Name: t.Unit.Name, Slug: t.Unit.Slug, Score: t.Value, Rank: t.Rank, Tied: t.Tied})
	}
	return out
}

func (r *renderer) dataJSON(i int) ([]byte, error) {
	c := r.s.Circulars[i]
	m := c.Data
	res := r.results[m]
	v := r.circular(i)
	d := OpenData{
		Circular:    OpenCircular{Number: c.Number, Title: v.Title, Date: c.Date.String(), URL: r.link(c.URLPath())},
		Month:       m.Key,
		Period:      m.Label(),
		OverallCity: m.OverallCity,
		Indicators:  []OpenIndicator{},
		Composite:   openTownships(res.Composite),
		CityBottom:  []OpenCityBottom{},
		Categories:  []OpenCategory{},
		Rewards:     []OpenReward{},
		Interviews:  []OpenInterview{},
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
		if ir := res.Indicator(ind.ID); ir != nil {
			oi.Better = "higher"
			if !ind.HigherBetter {
				oi.Better = "lower"
			}
			oi.Townships = openTownships(ir.Ranked)
		}
		d.Indicators = append(d.Indicators, oi)
	}
	for _, e := range res.CityBottom {
		d.CityBottom = append(d.CityBottom, OpenCityBottom{ID: e.Indicator.ID, Name: e.Indicator.Name, City: e.City, District: e.District, Owners: unitList(e.Indicator.Owners)})
	}
	for _, cat := range m.Categories {
		d.Categories = append(d.Categories, OpenCategory{Name: cat.Name, Units: unitList(cat.Units)})
	}
	for _, a := range res.Rewards {
		d.Rewards = append(d.Rewards, OpenReward{Unit: a.Unit.Name, Amount: a.Amount, Reason: a.Reason})
	}
	for _, iv := range res.Interviews {
		d.Interviews = append(d.Interviews, OpenInterview{Unit: iv.Unit.Name, Who: iv.Who, Kind: iv.Kind, Reason: iv.Reason})
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

// CSVHeader is the header row of every rank CSV.
var CSVHeader = []string{"月份", "指标", "乡镇（街道）", "得分", "排名", "并列"}

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

// rankRows appends a month's township ranks: each ranked indicator in
// document order, then the composite.
func (r *renderer) rankRows(rows [][]string, m *site.Month) [][]string {
	res := r.results[m]
	add := func(label string, ts []rank.Township, decimals int) {
		for _, t := range ts {
			tied := "否"
			if t.Tied {
				tied = "是"
			}
			rows = append(rows, []string{m.Key, label, t.Unit.Name, formatScore(t.Value, decimals), strconv.Itoa(t.Rank), tied})
		}
	}
	for _, ir := range res.Indicators {
		add(ir.Result.Indicator.Name, ir.Ranked, ir.Result.Indicator.Decimals)
	}
	add(CompositeLabel, res.Composite, r.s.Config.Scoring.Decimals)
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

// monthCSV is the body of a month's data.csv, without BOM and header:
// data.csv and data/ranks.csv share it, so it is made once per month and,
// in the preview server, once per edit of that month.
func (r *renderer) monthCSV(m *site.Month) ([]byte, error) {
	return r.csvOnce[m]()
}

// newMonthCSV makes the function behind monthCSV for m: computed at most
// once per render, whichever job asks first.
func (r *renderer) newMonthCSV(m *site.Month) func() ([]byte, error) {
	return sync.OnceValues(func() ([]byte, error) {
		name, key := "csv:"+m.File, keyOf(r.global, m.Sum)
		if data, ok := r.cache.lookup(name, key); ok {
			return data, nil
		}
		var b bytes.Buffer
		if err := appendCSV(&b, r.rankRows(nil, m)); err != nil {
			return nil, err
		}
		r.cache.store(name, key, b.Bytes())
		return b.Bytes(), nil
	})
}

func (r *renderer) dataCSV(m *site.Month) ([]byte, error) {
	return r.joinCSV([]*site.Month{m})
}

// ranksCSV is data/ranks.csv: every month, oldest first.
func (r *renderer) ranksCSV() ([]byte, error) {
	return r.joinCSV(r.s.Months)
}

// joinCSV writes the BOM, the header and the months' rows.
func (r *renderer) joinCSV(months []*site.Month) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	if err := appendCSV(&b, [][]string{CSVHeader}); err != nil {
		return nil, err
	}
	for _, m := range months {
		rows, err := r.monthCSV(m)
		if err != nil {
			return nil, err
		}
		b.Write(rows)
	}
	return b.Bytes(), nil
}
