package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/rank"
	"tongbao/internal/site"
	"tongbao/internal/zh"
)

// This file renders the open data (DESIGN.md §7): beside every circular
// that reports a month, circulars/YYYY/N/data.json (everything ranked that
// month) and circulars/YYYY/N/data.csv (every township rank of the month);
// data/ranks.csv, every township rank of every month in one table; and
// data/catalogue.json, every unit and indicator with its code, which the
// other files name them by beside their names.
//
// The CSV files are UTF-8 with a byte-order mark and CRLF line ends, so
// that Excel and WPS open them as Chinese text, with a Chinese header row:
// 月份,指标,<unit>,得分,排名,并列,得分方向,单位代号,指标代号,期别,备注
// ([terms] unit names the third column; a site with unit groups has a
// column 组别 after it). The codes, the 期别 and the 备注 are last, added
// after the rest had been published: a reader's spreadsheet that takes
// columns by position keeps working, and one that joins the months across
// a township's rename or an indicator's new name joins by the codes. A
// township an indicator did not apply to (不涉及) has its row, 得分, 排名
// and 并列 empty and 备注 saying so: its absence read as data left out,
// and a word in 得分 would make Excel take the column for text; so has a
// township exempted from the month (免于考核), in each indicator that
// would have ranked it and in the composite. A quarter, half or year has
// its composite rows only.
//
// No cell is one Excel reads as a date (csvPeriod): the month is 202302,
// which it keeps as the number it is, where 2023-02, the key data.json
// writes, became 2023/2/1 or Feb-23, and was saved back so. 期别 is the
// label titles write (2023年1-2月), for a reader; it is the one cell
// Excel may take for a date (2023年3月), which it then shows as written.
//
// A cell that a spreadsheet would read
// as a formula (starting with = + - @, tab or CR) gets a leading apostrophe;
// plain numbers such as a negative composite score are left as they are.

// openData is the part of the site that writes the open data.
type openData struct {
	*core
	once sync.Once
	csv  map[*rank.Period]func() ([]byte, error) // see monthCSV
	// json, by circular, and cat are the files whose sizes the catalogue
	// and /data/ state, made once per render (see sharedFile); sizes are
	// those sizes, made once.
	json  map[*site.Circular]*sharedFile
	cat   *sharedFile
	meas  *sharedFile // data/measures.csv; nil without a circular with data
	sizes func() (fileSizes, error)
}

// A sharedFile is an output whose size another job states: made at most
// once per render, by whichever asks first, its bytes let go once its own
// job has taken them — a build would otherwise hold every data.json to
// its end — and its size kept.
type sharedFile struct {
	make  func() ([]byte, error)
	once  sync.Once
	size  int64
	err   error
	mu    sync.Mutex
	data  []byte
	taken bool
}

func (f *sharedFile) made() {
	f.once.Do(func() {
		f.data, f.err = f.make()
		f.size = int64(len(f.data))
	})
}

// bytes are the file's, for the job that writes it.
func (f *sharedFile) bytes() ([]byte, error) {
	f.made()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.taken { // no render asks twice; were one to, it gets the file whole
		return f.make()
	}
	f.taken = true
	data := f.data
	f.data = nil
	return data, f.err
}

// length is the file's size in bytes.
func (f *sharedFile) length() (int64, error) {
	f.made()
	return f.size, f.err
}

// fileSizes are the sizes in bytes of the files the catalogue lists.
type fileSizes struct {
	json, csv map[*site.Circular]int64
	ranks     int64 // data/ranks.csv; 0 without months
	measures  int64 // data/measures.csv; 0 without it
}

// setup makes the per-render memos of the open data, once.
func (o *openData) setup() {
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
		o.json = map[*site.Circular]*sharedFile{}
		for i, c := range o.s.Circulars {
			if p := o.periodOf(c); p != nil {
				o.json[c] = &sharedFile{make: func() ([]byte, error) {
					return fragment(o.core, "json:"+c.File, o.jsonInputs(c, p), func() ([]byte, error) { return o.dataJSON(i) })
				}}
			}
		}
		if len(o.json) > 0 {
			o.meas = &sharedFile{make: func() ([]byte, error) {
				return made(o.core, "measures", nil, o.measuresInputs, o.measures)
			}}
		}
		o.cat = &sharedFile{make: func() ([]byte, error) {
			return made(o.core, "catalogue", nil, o.catalogueInputs, o.catalogue)
		}}
		o.sizes = sync.OnceValues(o.fileSizes)
	})
}

// jsonInputs are what circular c's data.json reads, of period p.
func (o *openData) jsonInputs(c *site.Circular, p *rank.Period) []input {
	return append([]input{global(), frontIn(c), periodIn(p)}, attachmentInputs(c.Attachments)...)
}

// fileSizes are the sizes of the files the catalogue lists: each
// circular's data.json, made as its job makes it, and data.csv and
// data/ranks.csv, counted from the months' rows each is joined from.
func (o *openData) fileSizes() (fileSizes, error) {
	z := fileSizes{json: map[*site.Circular]int64{}, csv: map[*site.Circular]int64{}}
	for _, c := range o.s.Circulars {
		p := o.periodOf(c)
		if p == nil {
			continue
		}
		n, err := o.json[c].length()
		if err != nil {
			return z, err
		}
		z.json[c] = n
		if z.csv[c], err = o.csvSize([]*rank.Period{p}); err != nil {
			return z, err
		}
	}
	if months := o.res.Months(); len(months) > 0 {
		var err error
		if z.ranks, err = o.csvSize(months); err != nil {
			return z, err
		}
	}
	if o.meas != nil {
		var err error
		if z.measures, err = o.meas.length(); err != nil {
			return z, err
		}
	}
	return z, nil
}

// csvSize is the size of joinCSV(periods), without joining them.
func (o *openData) csvSize(periods []*rank.Period) (int64, error) {
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	if err := appendCSV(&b, [][]string{o.csvHeader()}); err != nil {
		return 0, err
	}
	n := int64(b.Len())
	for _, p := range periods {
		rows, err := o.monthCSV(p)
		if err != nil {
			return 0, err
		}
		n += int64(len(rows))
	}
	return n, nil
}

// catalogueInputs are what the catalogue reads, and /data/, which states
// the catalogue's size besides: dataInputs, and the sizes of the files
// listed, by their digest. What the files hold is every period whole; a
// score edited that leaves the sizes as they were leaves both pages as
// they were, and the preview renders neither again.
func (o *openData) catalogueInputs() []input {
	o.setup()
	in := o.dataInputs()
	z, err := o.sizes()
	if err != nil { // the jobs fail with it, and nothing is kept
		return in
	}
	var b []byte
	for _, c := range o.s.Circulars {
		if o.json[c] != nil {
			b = binary.AppendVarint(binary.AppendVarint(b, z.json[c]), z.csv[c])
		}
	}
	b = binary.AppendVarint(binary.AppendVarint(b, z.ranks), z.measures)
	return append(in, madeIn(sha256.Sum256(b)))
}

func (o *openData) jobs() []job {
	o.setup()
	var jobs []job
	for _, c := range o.s.Circulars {
		p := o.periodOf(c)
		if p == nil {
			continue
		}
		at := owner{file: c.File, line: c.NumberLine, col: c.NumberCol}
		jobs = append(jobs,
			job{path: c.URLPath() + "data.json", owner: at, in: o.jsonInputs(c, p), fn: o.json[c].bytes},
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
	if o.meas != nil {
		jobs = append(jobs, job{path: measuresFile, owner: own("全部奖惩 CSV"), lazy: o.measuresInputs, fn: o.meas.bytes})
	}
	return append(jobs,
		// Units and indicators are config (global), as is the base URL
		// of their pages' addresses; its downloads are /data/'s, with
		// their sizes.
		job{path: catalogueFile, owner: own("单位和指标目录"), lazy: o.catalogueInputs, fn: o.cat.bytes},
		job{path: "data/index.html", owner: own("考核数据下载页"), lazy: o.catalogueInputs, fn: o.dataPage})
}

// catalogueFile is the site's units and indicators as open data.
const catalogueFile = "data/catalogue.json"

// OpenCatalogue is data/catalogue.json: every unit and indicator, by the
// codes the other files give beside their names. A township renamed or
// merged (行政区划调整) is two units, the old one's until and became
// leading to the new one, so that a reader can follow it across the
// months, which no name does.
type OpenCatalogue struct {
	Units      []OpenCatalogueUnit      `json:"units" zh:"全部单位，按 data/units.toml 中的顺序，先{unit}后{department}" zhNoDepartments:"全部{unit}，按 data/units.toml 中的顺序"`
	Indicators []OpenCatalogueIndicator `json:"indicators" zh:"全部指标，按通报中的顺序"`
	// Periods and Ranks list the downloads, which a portal harvesting
	// them could otherwise find only in /data/'s HTML.
	Periods []OpenCataloguePeriod `json:"periods" zh:"各期的数据文件，按通报发布的先后，最新的在前"`
	Ranks   string                `json:"ranks,omitempty" zh:"全部月份的排名 CSV 文件（data/ranks.csv）的网址（有月度数据时列出）"`
	// The sizes are the files' as this build writes them, in bytes, as
	// a portal's open-data page states them; the catalogue, which lists
	// no size of its own, is not among the files.
	RanksSize int64 `json:"ranksSize,omitempty" zh:"data/ranks.csv 的大小（字节；有月度数据时列出）"`
	// Measures, added after the rest, is every period's measures in one
	// file (measuresFile).
	Measures     string `json:"measures,omitempty" zh:"各期奖惩措施的 CSV 文件（data/measures.csv）的网址（有附考核数据的通报时列出）"`
	MeasuresSize int64  `json:"measuresSize,omitempty" zh:"data/measures.csv 的大小（字节；有附考核数据的通报时列出）"`
	// Publisher, Site and Updated say whose data it is and how new: a
	// researcher harvesting several counties' catalogues keeps each
	// apart by them, and cites the source.
	Publisher string `json:"publisher" zh:"发布这些数据的机关（站点配置 [issuer] name）；联合发文的各期，发文机关见其 data.json 的 circular.issuers"`
	Site      string `json:"site" zh:"网站首页的网址"`
	Updated   string `json:"updated,omitempty" zh:"数据的更新日期：最新一期通报的发布日期，或其后更正的日期，与考核数据下载页的更新日期相同（有通报时列出）"`
}

type OpenCataloguePeriod struct {
	Period string `json:"period" zh:"期别的代号：月份如 2023-02，季度、半年、年度如 2024-Q1、2024-H1、2024"`
	Label  string `json:"label" zh:"期别，如 2023年1-2月"`
	// Kind tells a month from a quarter whose code is its last month's
	// (2024-06, an office assessing by quarters): from period alone a
	// reader harvesting several offices' catalogues could not.
	Kind      string `json:"kind" zh:"这一期的长短：month 为一个月，quarter 为一个季度，half 为半年，year 为一年；按季度、半年考核的机关的各期为 quarter、half（period 写作这一期的最后一个月，如 2024-06），由各月汇总的季度、半年、年度通报的 period 写作 2024-Q1、2024-H1、2024"`
	Number    string `json:"number" zh:"报告这一期的通报的文号"`
	Title     string `json:"title" zh:"通报标题"`
	Published string `json:"published" zh:"通报的发布日期"`
	Updated   string `json:"updated,omitempty" zh:"通报更正的日期（更正过的才有）"`
	URL       string `json:"url" zh:"通报的网址"`
	JSON      string `json:"json" zh:"这一期 data.json 的网址"`
	JSONSize  int64  `json:"jsonSize" zh:"这一期 data.json 的大小（字节）"`
	CSV       string `json:"csv" zh:"这一期 data.csv 的网址"`
	CSVSize   int64  `json:"csvSize" zh:"这一期 data.csv 的大小（字节）"`
}

type OpenCatalogueUnit struct {
	Slug   string   `json:"slug" zh:"单位代号，即单位页面网址 /units/代号/ 中的代号；各期 data.json 的 slug、ownerSlugs 等和 CSV 文件的单位代号都是它"`
	Name   string   `json:"name" zh:"单位名称"`
	Other  []string `json:"otherNames,omitempty" zh:"单位的其他名称，如全称、旧称（units.toml 写了才有）"`
	Kind   string   `json:"kind" zh:"township：参加排名的{unit}；department：{department}" zhNoDepartments:"总是 township：参加排名的{unit}"`
	Group  string   `json:"group,omitempty" zh:"所在的组（分组排名时列出）"`
	From   string   `json:"from,omitempty" zh:"开始参加考核的月份，如 2022-07（中途设立或改名后的单位才有）"`
	Until  string   `json:"until,omitempty" zh:"最后参加考核的月份（撤销、合并或改名的单位才有）"`
	Became string   `json:"became,omitempty" zh:"改名或合并后接续它的单位的代号（有则列出）"`
	Exempt []string `json:"exempt,omitempty" zh:"免于考核的月份，如 2023-01（有则列出）"`
	// ExemptReasons are why, one to one with Exempt, as data.json's are.
	ExemptReasons []string `json:"exemptReasons,omitempty" zh:"免于考核的原因，与 exempt 一一对应，没有写原因的为空字符串（units.toml 写了原因才有）"`
	URL           string   `json:"url" zh:"单位页面的网址"`
}

type OpenCatalogueIndicator struct {
	ID         string      `json:"id" zh:"指标代号，即指标页面网址 /indicators/代号/ 中的代号；各期 data.json 的 id 和 CSV 文件的指标代号都是它"`
	Name       string      `json:"name" zh:"指标名称（最新的）"`
	Short      []string    `json:"shortNames,omitempty" zh:"指标的简称（有则列出）"`
	Former     []string    `json:"formerNames,omitempty" zh:"指标改称前的名称，此前各期 data.json 和 CSV 中用的是它（改过名称的才有）"`
	Section    string      `json:"section" zh:"所属栏目"`
	Parent     string      `json:"parent,omitempty" zh:"所属指标的代号（分项指标才有）"`
	ScoreUnit  string      `json:"scoreUnit,omitempty" zh:"得分的计量单位，如 %、件（写了的才有）" zhCount:"得分的计量单位，如 %、万元；为{countUnits}的是计数的指标，它的值是{countNouns}，不是得分（写了的才有）"`
	Max        *float64    `json:"max,omitempty" only:"bounds" zh:"得分的上限（满分），高于它的得分填报时即报错；是现行的，考核办法调整以前各月的见当月 data.json（indicators.toml 写了 max 的才有）" zhCount:"得分的上限（满分；计数的指标为{countNouns}的上限），高于它的填报时即报错；是现行的，考核办法调整以前各月的见当月 data.json（indicators.toml 写了 max 的才有）"`
	Min        *float64    `json:"min,omitempty" only:"bounds" zh:"得分的下限（最低分），低于它的得分填报时即报错；是现行的，考核办法调整以前各月的见当月 data.json（indicators.toml 写了 min 的才有）" zhCount:"得分的下限（最低分；计数的指标为{countNouns}的下限），低于它的填报时即报错；是现行的，考核办法调整以前各月的见当月 data.json（indicators.toml 写了 min 的才有）"`
	Deduct     *OpenDeduct `json:"deduct,omitempty" only:"deduct" zh:"扣分制：得分不是填报的，由其他指标的件数折算；满分、下限和每件扣分是现行的，考核办法调整以前各月的见当月 data.json（indicators.toml 写了 deduct 的才有）"`
	Owners     []string    `json:"owners" zh:"责任单位，机构改革前后的都列出（各月的见当月 data.json）" zhNoOwners:"责任单位（本站没有责任单位，总是空的）"`
	OwnerSlugs []string    `json:"ownerSlugs" zh:"责任单位的代号，与 owners 一一对应" zhNoOwners:"责任单位的代号（本站没有责任单位，总是空的）"`
	URL        string      `json:"url" zh:"指标页面的网址"`
}

// unitKinds are the catalogue's kind of each site.UnitKind.
var unitKinds = map[site.UnitKind]string{site.Township: "township", site.Department: "department"}

// catalogue is data/catalogue.json.
func (o *openData) catalogue() ([]byte, error) {
	z, err := o.sizes()
	if err != nil {
		return nil, err
	}
	c := OpenCatalogue{Units: []OpenCatalogueUnit{}, Indicators: []OpenCatalogueIndicator{}, Periods: []OpenCataloguePeriod{},
		Publisher: o.s.Config.Issuer, Site: o.AbsURL(""), Updated: dateString(o.dataUpdated())}
	for _, circ := range slices.Backward(o.s.Circulars) { // newest first, as /data/ lists them
		if p := o.periodOf(circ); p != nil {
			kind := p.Span.Kind // an aggregate's
			if p.Month != nil {
				kind = o.s.Assesses() // a month file reports a period of the office's kind
			}
			c.Periods = append(c.Periods, OpenCataloguePeriod{Period: p.Span.Key(), Label: p.Label, Kind: kind.String(), Number: circ.Number, Title: circ.Title,
				Published: circ.PublishDate().String(), Updated: dateString(circ.Updated), URL: o.AbsURL(circ.URLPath()),
				JSON: o.AbsURL(circ.URLPath() + "data.json"), JSONSize: z.json[circ], CSV: o.AbsURL(circ.URLPath() + "data.csv"), CSVSize: z.csv[circ]})
		}
	}
	if len(o.res.Months()) > 0 {
		c.Ranks, c.RanksSize = o.AbsURL("data/ranks.csv"), z.ranks
	}
	if o.meas != nil {
		c.Measures, c.MeasuresSize = o.AbsURL(measuresFile), z.measures
	}
	for _, u := range slices.Concat(o.s.Townships, o.s.Departments) {
		cu := OpenCatalogueUnit{Slug: u.Slug, Name: u.Name, Other: u.OtherNames, Kind: unitKinds[u.Kind], From: u.From, Until: u.Until, Exempt: u.Exempt, ExemptReasons: exemptReasons(u.Exempt, u.ExemptReason), URL: o.AbsURL(unitPath(u))}
		if u.Group != nil {
			cu.Group = u.Group.Name
		}
		if u.Became != nil {
			cu.Became = u.Became.Slug
		}
		c.Units = append(c.Units, cu)
	}
	for _, ind := range o.s.Indicators {
		now := ind.In(site.Latest)
		ci := OpenCatalogueIndicator{ID: ind.ID, Name: ind.Name, Short: ind.ShortNames, Former: ind.FormerNames(), Section: ind.Section, ScoreUnit: ind.ScoreUnit,
			Max: now.Max, Min: now.Min, Deduct: openDeduct(ind, site.Latest), Owners: unitList(ind.Owners), OwnerSlugs: unitSlugs(ind.Owners), URL: o.AbsURL(indicatorPath(ind))}
		if ind.Parent != nil {
			ci.Parent = ind.Parent.ID
		}
		c.Indicators = append(c.Indicators, ci)
	}
	return compactJSON(c)
}

// compactJSON is v as the open data writes JSON: compact, as APIs serve
// it (indenting data.json cost more than the rest of the file together,
// and browsers and tools indent it for reading), with its Chinese and
// its < > & as they are.
func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// OpenData is data.json. Field order is the struct order: stable output.
// Each field's zh tag is what /data/ says it holds (dataFields), in the
// office's words: {unit}, {city}, {peer}, {department} and {scope} are
// its [terms], {actions} its measures other than 奖励 in parentheses
// (“（约谈、提醒约谈）”), or nothing for an office that takes none. A
// zhNoDepartments tag, where there is one, is what it holds for an office
// without a [[department]] (a 督查室 ranking its townships): no second
// kind of unit, of which the zh tag speaks; a zhNoOwners tag, what it
// holds for an office whose indicators have no owner (noDepartments). An
// office ranking its 县直单位 may have no [[department]] and owners still:
// the units it ranks own indicators.
type OpenData struct {
	Circular    OpenCircular     `json:"circular" zh:"所属的通报"`
	Month       string           `json:"month" zh:"期别的代号：月份如 2023-02，季度、半年、年度如 2024-Q1、2024-H1、2024"`
	Period      string           `json:"period" zh:"期别，如 2023年1-2月"`
	OverallCity int              `json:"overallCity,omitempty" zh:"{city}综合排名（有则列出）"`
	Indicators  []OpenIndicator  `json:"indicators" zh:"各项指标的考核结果，按通报中的顺序（季度、半年、年度为空）"`
	Scoring     OpenScoring      `json:"scoring" zh:"各月综合得分的算法（站点配置 [scoring]，全站各期相同）"`
	Aggregate   *OpenAggregate   `json:"aggregate,omitempty" zh:"季度、半年、年度综合得分的算法（站点配置 [aggregate]，全站各期相同；季度、半年、年度才有）"`
	Composite   []OpenTownship   `json:"composite" zh:"{unit}综合考核排名，名次在前的在前"`
	Adjustments []OpenAdjustment `json:"adjustments,omitempty" zh:"综合得分所含的加减分，按当月数据中的顺序（有则列出）"`
	Exempt      []string         `json:"exempt,omitempty" zh:"这个月免于考核、不参加任何排名的{unit}；季度、半年、年度为其中各月都免于考核、不参加本期综合考核排名的（有则列出）"`
	ExemptSlugs []string         `json:"exemptSlugs,omitempty" zh:"免于考核的{unit}的代号，与 exempt 一一对应（有则列出）"`
	// ExemptReasons are parallel to Exempt, as ExemptSlugs are: a list
	// of names stays a list of names for whoever reads it so.
	ExemptReasons []string `json:"exemptReasons,omitempty" zh:"免于考核的原因，与 exempt 一一对应，没有写原因的为空字符串（units.toml 写了原因才有；季度、半年、年度没有，见各月的 data.json）"`
	// ExemptGroups are their groups, as the CSV's rows of them name them.
	ExemptGroups []string         `json:"exemptGroups,omitempty" zh:"免于考核的{unit}所在的组，与 exempt 一一对应（分组排名时列出）"`
	CityBottom   []OpenCityBottom `json:"cityBottom" zh:"{bottom}"`
	Categories   []OpenCategory   `json:"categories" zh:"{department}考核排类"`
	Rewards      []OpenReward     `json:"rewards" zh:"奖励"`
	Interviews   []OpenInterview  `json:"interviews" zh:"奖励以外的措施{actions}"`
	// Waived are the rules' measures withheld by a [[waiver]]: not
	// among rewards and interviews, as not in the circular, and listed
	// here with why, so that the open data shows both what the rules
	// gave and what the office decided.
	Waived []OpenWaived `json:"waived,omitempty" zh:"奖惩规则本期得出、经研究不予采取的措施（当月数据或季度、半年、年度通报的 [[waiver]]；有则列出）"`
	// Grades are the period's gradings ([[grade]]), last, so that an
	// office that grades nothing publishes the data.json it did.
	Grades []OpenGrading `json:"grades,omitempty" only:"grade" zh:"等次评定（站点配置 [[grade]]）：各等次评定的{unit}，按站点配置中的顺序，分组的各组分别评定（评定了才有）"`
}

type OpenCircular struct {
	Number      string           `json:"number" zh:"文号"`
	Title       string           `json:"title" zh:"标题"`
	Issuers     []string         `json:"issuers" zh:"发文机关，主办机关在前（联合发文时有几个，文号是主办机关的）"`
	Date        string           `json:"date" zh:"成文日期，如 2023-04-03"`
	Published   string           `json:"published" zh:"发布日期：在网站上发布的日期，不早于成文日期"`
	Updated     string           `json:"updated,omitempty" zh:"更新日期：发布后更正的日期（更正过才有）"`
	Correction  string           `json:"correction,omitempty" zh:"更正说明：更正了什么（写了才有）"`
	Valid       string           `json:"valid,omitempty" zh:"有效性：失效或废止（不再有效时才有；没有这一项即为有效）"`
	URL         string           `json:"url" zh:"通报的网址"`
	Attachments []OpenAttachment `json:"attachments,omitempty" zh:"通报的附件，按附件的顺序（有则列出）"`
}

// OpenAttachment is one of a circular's attachments, as its page lists it.
type OpenAttachment struct {
	Title string `json:"title" zh:"附件名称"`
	URL   string `json:"url" zh:"附件文件的网址"`
	Type  string `json:"type" zh:"文件类型，如 xlsx、pdf"`
	Size  int64  `json:"size" zh:"文件大小（字节）"`
}

// OpenIndicator is one result of the month: the city and peer ranks, and
// the township ranking when the indicator ranks townships. Max and Min
// bound the month's scores where indicators.toml gives them, typed or
// derived: a reader checking a score, or reckoning a share of the 满分,
// needs the month's, which a change may have moved.
type OpenIndicator struct {
	ID            string         `json:"id" zh:"指标代号，即指标页面网址 /indicators/代号/ 中的代号"`
	Name          string         `json:"name" zh:"指标名称"`
	Section       string         `json:"section" zh:"所属栏目"`
	Parent        string         `json:"parent,omitempty" zh:"所属指标的代号（分项指标才有）"`
	Owners        []string       `json:"owners" zh:"责任单位" zhNoOwners:"责任单位（本站没有责任单位，总是空的）"`
	OwnerSlugs    []string       `json:"ownerSlugs" zh:"责任单位的代号，与 owners 一一对应，即单位页面网址 /units/代号/ 中的代号" zhNoOwners:"责任单位的代号（本站没有责任单位，总是空的）"`
	City          int            `json:"city,omitempty" zh:"{city}排名（有则列出）"`
	CityTie       bool           `json:"cityTie,omitempty" zh:"{city}排名并列时为 true（不并列时不列出）"`
	District      int            `json:"district,omitempty" zh:"{peer}排名（有则列出）"`
	DistrictTie   bool           `json:"districtTie,omitempty" zh:"{peer}排名并列时为 true（不并列时不列出）"`
	DistrictLabel string         `json:"districtLabel,omitempty" zh:"这一项{peer}排名的名称（有{peer}排名时列出）"`
	DistrictUnits int            `json:"districtUnits,omitempty" zh:"参加这一项{peer}排名的单位数（有{peer}排名时列出）"`
	Better        string         `json:"better,omitempty" zh:"higher：得分越高越好；lower：越低越好（{unit}有得分时列出）" zhCount:"higher：得分越高越好，计数的指标{countNouns}越多越好；lower：越低越好，计数的指标越少越好（{unit}有得分时列出）"`
	Weight        *float64       `json:"weight,omitempty" zh:"这个月在{unit}综合考核中的权重，0 为不计入（{unit}有得分时列出）"`
	Decimals      *int           `json:"decimals,omitempty" zh:"这个月得分比较前保留的小数位数（{unit}有得分时列出）"`
	ScoreUnit     string         `json:"scoreUnit,omitempty" zh:"得分的计量单位，如 %、件（indicators.toml 写了 scoreUnit 的才有）" zhCount:"得分的计量单位，如 %、万元；为{countUnits}的是计数的指标，townships[].score 是{countNouns}，不是得分（indicators.toml 写了 scoreUnit 的才有）"`
	Max           *float64       `json:"max,omitempty" only:"bounds" zh:"这个月得分的上限（满分），高于它的得分填报时即报错；扣分制的与 deduct.max 相同；考核办法自某月起调整了的，各月按各月的（indicators.toml 写了 max、{unit}有得分时列出）" zhCount:"这个月得分的上限（满分；计数的指标为{countNouns}的上限），高于它的填报时即报错；扣分制的与 deduct.max 相同；考核办法自某月起调整了的，各月按各月的（indicators.toml 写了 max、{unit}有得分时列出）"`
	Min           *float64       `json:"min,omitempty" only:"bounds" zh:"这个月得分的下限（最低分），低于它的得分填报时即报错；扣分制的扣到它为止；考核办法自某月起调整了的，各月按各月的（indicators.toml 写了 min、{unit}有得分时列出）" zhCount:"这个月得分的下限（最低分；计数的指标为{countNouns}的下限），低于它的填报时即报错；扣分制的扣到它为止；考核办法自某月起调整了的，各月按各月的（indicators.toml 写了 min、{unit}有得分时列出）"`
	Deduct        *OpenDeduct    `json:"deduct,omitempty" only:"deduct" zh:"扣分制：各{unit}的得分不是填报的，由其他指标的件数折算；满分、下限和每件扣分是这个月的，考核办法自某月起调整了它们的，各月按各月的（indicators.toml 写了 deduct、{unit}有得分时列出）"`
	Townships     []OpenTownship `json:"townships,omitempty" zh:"各{unit}的得分和排名，名次在前的在前（{unit}有得分时列出）" zhCount:"各{unit}的得分（计数的指标为{countNouns}）和排名，名次在前的在前（{unit}有得分时列出）"`
	// NotApplicable are the townships the result left out this month
	// (不涉及): in no ranking of it, and not counted in townships[].
	NotApplicable []OpenExclusion `json:"notApplicable,omitempty" zh:"这个月不涉及这项工作、不参加这一项排名的{unit}，其综合得分按其余各项计算（有则列出）"`
}

// OpenDeduct says how a derived indicator's scores are reckoned (扣分制,
// site.Indicator.Deduct): a reader of the open data can recompute each
// one from the counts the same file gives.
type OpenDeduct struct {
	Max    float64     `json:"max" zh:"满分：扣分的基数"`
	Min    float64     `json:"min" zh:"得分的下限：扣完为止，不低于它"`
	Counts []OpenCount `json:"counts" zh:"所依据的件数，得分 = max − Σ per × 件数（不涉及这个单位的那一项不扣分），不低于 min，按 decimals 四舍五入"`
	Text   string      `json:"text" zh:"折算办法的文字，如“由信访件数折算（每件扣1分）”"`
}

// OpenCount is one count a derived score is deducted by.
type OpenCount struct {
	ID   string  `json:"id" zh:"件数指标的代号"`
	Name string  `json:"name" zh:"件数指标的名称"`
	Per  float64 `json:"per" zh:"每件扣的分数"`
}

// openDeduct is ind's OpenDeduct in month key (site.Latest: as it is
// now), nil for an indicator whose scores are written.
func openDeduct(ind *site.Indicator, key string) *OpenDeduct {
	if len(ind.Deduct) == 0 {
		return nil
	}
	set := ind.In(key)
	d := &OpenDeduct{Max: *set.Max, Min: set.Floor(), Text: ind.DeductText(key)}
	for i, c := range ind.Deduct {
		d.Counts = append(d.Counts, OpenCount{ID: c.From.ID, Name: c.From.NameIn(key), Per: set.Per[i]})
	}
	return d
}

// OpenExclusion is a township an indicator did not apply to in a month.
type OpenExclusion struct {
	Name   string `json:"name" zh:"{unit}名称"`
	Slug   string `json:"slug" zh:"单位代号，即单位页面网址 /units/代号/ 中的代号"`
	Group  string `json:"group,omitempty" zh:"所在的组（分组排名时列出）"`
	Reason string `json:"reason,omitempty" zh:"不涉及的原因（当月数据写了才有）"`
}

// exemptReasons are the reasons of the months or units of exempt, by
// reason; nil when none has one, which leaves the key out.
func exemptReasons[T any](exempt []T, reason func(T) string) []string {
	out := make([]string, len(exempt))
	given := false
	for i, e := range exempt {
		out[i] = reason(e)
		given = given || out[i] != ""
	}
	if !given {
		return nil
	}
	return out
}

// OpenScoring is how a month's composite is made from its indicators
// ([scoring]): without the method, the weights and decimals of
// indicators[] are not enough to reproduce composite[]. It is a site
// setting, not a month's (no [[indicator.change]] or from for it), so
// every circular states the one in force when it was built.
type OpenScoring struct {
	Method   string `json:"method" zh:"rank-points：各指标名次折算的分（第 r 名为 100×(n−r+1)÷n，n 为参加排名的单位数）的加权平均；score：各指标得分的加权平均；sum：各指标得分的加权和。都再加上加减分"`
	Decimals int    `json:"decimals" zh:"综合得分保留的小数位数"`
}

// OpenAggregate is how a quarter's, half's or year's composite is made
// from the months' ([aggregate]), a site setting like OpenScoring.
type OpenAggregate struct {
	Method string `json:"method" zh:"mean-points：各月综合得分的平均；sum-points：各月综合得分之和；mean-rank：各月综合名次的平均，越小越好"`
}

// OpenTownship is a township's score and rank, best first.
type OpenTownship struct {
	Name  string `json:"name" zh:"{unit}名称"`
	Slug  string `json:"slug" zh:"单位代号，即单位页面网址 /units/代号/ 中的代号"`
	Group string `json:"group,omitempty" zh:"所在的组（分组排名时列出，各组分别排名）"` // ranked apart (DESIGN.md §5.8)
	// Score is nil, null in the file, for a township that did not report
	// and is ranked last for it (未报送, unreported = "last"): it has none.
	Score *float64 `json:"score" zh:"得分" zhCount:"得分；计数的指标（scoreUnit 为{countUnits}）为{countNouns}，不是得分"`
	Rank  int      `json:"rank" zh:"名次"`
	Tied  bool     `json:"tied" zh:"与他人并列时为 true"`
	// Months are, in a quarter's, half's or year's composite, the months
	// whose composites its score is made of: those it was ranked in, which
	// the appendix names and a reader of the data could not tell.
	Months []string `json:"months,omitempty" zh:"季度、半年、年度的综合排名中：得分所依据的月份，即这个{unit}参加了综合排名的月份，如 2024-01（季度、半年、年度才有）"`
	// OverallRank and OverallTied are its place in the overall ranking
	// ([ranking] overall), of every group's units together, beside its
	// group's (Rank).
	OverallRank int  `json:"overallRank,omitempty" zh:"{scope}排名：各组{unit}合在一起的名次（分组排名又排{scope}排名时列出；rank 是组内的名次）" only:"overall"`
	OverallTied bool `json:"overallTied,omitempty" zh:"{scope}排名与他人并列时为 true（不并列时不列出）" only:"overall"`
	// OverallScore is, in the composite, the score its overall rank is
	// of: with rank points, the composite of the indicators' overall
	// ranks, which is not its group's (Score).
	// Status and Reason say, of a township that did not report its
	// value (未报送), so and why: its score is then the lowest
	// (unreported = "zero") or none (null: "last").
	Status       string   `json:"status,omitempty" only:"status" zh:"unreported：这个月未报送这一项指标，按站点配置 [ranking] unreported 排名：last 排在报送了的{unit}之后，score 为 null；zero 按最低分计，score 为这个最低分（指标的排名中有未报送的才列出）；vetoed：一票否决（[[waiver]] 的 last = true），综合考核排名列最后，score 照旧（综合考核排名中有否决的才列出）"`
	Reason       string   `json:"reason,omitempty" only:"status" zh:"未报送或一票否决的原因（写了才列出）"`
	OverallScore *float64 `json:"overallScore,omitempty" zh:"{scope}排名所依据的综合得分（分组排名又排{scope}排名时，综合考核排名中才有；按名次折算时由各指标的{scope}名次算出，与组内的 score 不同；季度、半年、年度为各月的{scope}综合得分的平均、合计或{scope}名次的平均）" only:"overall"`
}

type OpenCityBottom struct {
	ID          string   `json:"id" zh:"指标代号"`
	Name        string   `json:"name" zh:"指标名称"`
	City        int      `json:"city,omitempty" zh:"{city}排名（有则列出）"`
	CityTie     bool     `json:"cityTie,omitempty" zh:"{city}排名并列时为 true（不并列时不列出）"`
	District    int      `json:"district,omitempty" zh:"{peer}排名（有则列出）"`
	DistrictTie bool     `json:"districtTie,omitempty" zh:"{peer}排名并列时为 true（不并列时不列出）"`
	Owners      []string `json:"owners" zh:"责任单位" zhNoOwners:"责任单位（本站没有责任单位，总是空的）"`
	OwnerSlugs  []string `json:"ownerSlugs" zh:"责任单位的代号，与 owners 一一对应" zhNoOwners:"责任单位的代号（本站没有责任单位，总是空的）"`
}

type OpenCategory struct {
	Name      string   `json:"name" zh:"类别，如 一类"`
	Units     []string `json:"units" zh:"这一类的单位"`
	UnitSlugs []string `json:"unitSlugs" zh:"这一类的单位的代号，与 units 一一对应"`
}

type OpenReward struct {
	Unit   string `json:"unit" zh:"单位"`
	Slug   string `json:"slug" zh:"单位代号，即单位页面网址 /units/代号/ 中的代号"`
	Amount int64  `json:"amount" zh:"金额（元）"`
	Reason string `json:"reason" zh:"事由"`
	Source string `json:"source" zh:"依据：站点配置中的第几条奖惩规则，或当月数据中的第几项，如 config.toml [[rule]] 第1条、data/2023-02.toml [[reward]] 第1条"` // by number, not line: see rank.Source.Public
}

// OpenInterview is any measure but a reward: 约谈, 提醒约谈, 书面检查, ….
type OpenInterview struct {
	Unit   string `json:"unit" zh:"单位"`
	Slug   string `json:"slug" zh:"单位代号"`
	Who    string `json:"who" zh:"对象，如 主要负责人"`
	By     string `json:"by,omitempty" zh:"由谁实施（有则列出）"`
	Kind   string `json:"kind" zh:"措施{actions}"`
	Reason string `json:"reason" zh:"事由"`
	Source string `json:"source" zh:"依据，同上"`
}

// OpenWaived is a rule's measure a [[waiver]] withholds: the month
// file's, or an aggregate circular's.
type OpenWaived struct {
	Unit         string `json:"unit" zh:"单位"`
	Slug         string `json:"slug" zh:"单位代号"`
	Kind         string `json:"kind" zh:"规则得出的措施：奖励，或奖励以外的措施{actions}"`
	Who          string `json:"who,omitempty" zh:"对象（有则列出）"`
	Amount       int64  `json:"amount,omitempty" zh:"金额（元，奖励才有）"`
	Reason       string `json:"reason" zh:"规则得出它的事由"`
	Source       string `json:"source" zh:"得出它的规则，如 config.toml [[rule]] 第2条"`
	WaiverReason string `json:"waiverReason" zh:"不予采取的原因"`
	WaiverSource string `json:"waiverSource" zh:"写明不予采取的一项，如 data/2024-05.toml [[waiver]] 第1条，年度的如 content/circulars/2024-nd.md [[waiver]] 第1条"`
}

// unitList are the names of units, and unitSlugs their slugs: data.json
// gives both, one list beside the other, as composite[] gives a name and
// a slug, so that a reader joins a unit's months by its slug across a
// rename, where its name changed.
func unitList(units []*site.Unit) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		out = append(out, u.Name)
	}
	return out
}

func unitSlugs(units []*site.Unit) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		out = append(out, u.Slug)
	}
	return out
}

// OpenAdjustment is one 加减分 of a month's composite. Without them the
// composite scores of data.json could not be reproduced from its
// indicators' ranks.
type OpenAdjustment struct {
	Unit   string  `json:"unit" zh:"{unit}名称"`
	Slug   string  `json:"slug" zh:"单位代号"`
	Points float64 `json:"points" zh:"分值：加分为正，减分为负"`
	Reason string  `json:"reason,omitempty" zh:"原因（有则列出）"`
}

func openTownships(group string, ts []rank.Township, res *site.Result) []OpenTownship {
	out := make([]OpenTownship, 0, len(ts))
	for i := range ts {
		t := &ts[i] // a ranking is not changed once made: its score may be pointed to
		ot := OpenTownship{Name: t.Unit.Name, Slug: t.Unit.Slug, Group: group, Rank: t.Rank, Tied: t.Tied}
		if !math.IsNaN(t.Value) {
			ot.Score = &t.Value
		}
		if t.Unreported {
			ot.Status = "unreported"
			ot.Reason, _ = res.Unreports(t.Unit)
		}
		out = append(out, ot)
	}
	return out
}

// joinNotes joins two notes of one row of the CSV with ；, either may
// be "".
func joinNotes(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "；" + b
}

// unreportedNote is the CSV's 备注 of a township that did not report
// its value (未报送), with the reason written: "" for one that did.
func unreportedNote(t rank.Township, res *site.Result) string {
	if !t.Unreported || res == nil {
		return ""
	}
	reason, _ := res.Unreports(t.Unit)
	return unreportedText + parenthesised(reason)
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
		Circular:    OpenCircular{Number: c.Number, Title: v.Title, Issuers: v.Issuers, Date: c.Date.String(), Published: c.PublishDate().String(), Updated: dateString(c.Updated), Correction: c.Correction, Valid: notValid(c.Valid), URL: o.AbsURL(c.URLPath()), Attachments: o.openAttachments(c)},
		Month:       p.Span.Key(),
		Period:      p.Label,
		OverallCity: m.OverallCity,
		Indicators:  []OpenIndicator{},
		Scoring:     OpenScoring{Method: o.s.Config.Scoring.Method(), Decimals: o.s.Config.Scoring.Decimals},
		Composite:   []OpenTownship{},
		CityBottom:  []OpenCityBottom{},
		Categories:  []OpenCategory{},
		Rewards:     []OpenReward{},
		Interviews:  []OpenInterview{},
	}
	if p.Aggregate() {
		d.Aggregate = &OpenAggregate{Method: o.s.Config.Aggregate.Method.String()}
	}
	d.Grades = openGradings(o.s, p)
	for _, g := range p.Groups {
		ts := openTownships(g.Name, g.Composite, nil)
		for i, t := range g.Composite {
			if reason, ok := p.Veto(t.Unit); ok && t.Vetoed {
				ts[i].Status, ts[i].Reason = "vetoed", reason
			}
		}
		if p.Aggregate() {
			for k, t := range g.Composite {
				for _, m := range p.RankedIn(t.Unit) { // as the appendix's note names them
					ts[k].Months = append(ts[k].Months, m.Span.Key())
				}
			}
		}
		if p.Overall != nil {
			setOverall(ts, p.Overall.Composite)
			for k := range ts {
				for _, t := range p.Overall.Composite {
					if t.Unit.Slug == ts[k].Slug {
						ts[k].OverallScore = &t.Value
					}
				}
			}
		}
		d.Composite = append(d.Composite, ts...)
	}
	for _, a := range m.Adjustments {
		d.Adjustments = append(d.Adjustments, OpenAdjustment{Unit: a.Unit.Name, Slug: a.Unit.Slug, Points: a.Points, Reason: a.Reason})
	}
	exempted := periodExempted(o.s, p)
	for _, u := range exempted {
		d.Exempt = append(d.Exempt, u.Name)
		d.ExemptSlugs = append(d.ExemptSlugs, u.Slug)
	}
	if p.Month != nil { // an aggregate's months each have their own
		d.ExemptReasons = exemptReasons(exempted, func(u *site.Unit) string { return u.ExemptReason(m.Key) })
	}
	if len(o.s.Groups) > 0 {
		for _, u := range exempted {
			d.ExemptGroups = append(d.ExemptGroups, u.Group.Name)
		}
	}
	for _, res1 := range m.Results {
		ind := res1.Indicator
		oi := OpenIndicator{
			ID:          ind.ID,
			Name:        ind.NameIn(m.Key),
			Section:     ind.Section,
			Owners:      unitList(ind.OwnersIn(m.Key)),
			OwnerSlugs:  unitSlugs(ind.OwnersIn(m.Key)),
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
				set := ind.In(m.Key) // the month's own 考核办法
				oi.Better = "higher"
				if !set.HigherBetter {
					oi.Better = "lower"
				}
				oi.Weight, oi.Decimals, oi.ScoreUnit, oi.Deduct = &set.Weight, &set.Decimals, ind.ScoreUnit, openDeduct(ind, m.Key)
				oi.Max, oi.Min = set.Max, set.Min
				ts := openTownships(g.Name, ir.Ranked, ir.Result)
				if p.Overall != nil {
					if over := p.Overall.Indicator(ind.ID); over != nil {
						setOverall(ts, over.Ranked)
					}
				}
				oi.Townships = append(oi.Townships, ts...)
			}
		}
		for _, e := range res1.NotApplicable {
			oe := OpenExclusion{Name: e.Unit.Name, Slug: e.Unit.Slug, Reason: e.Reason}
			if g := p.Group(e.Unit); g != nil {
				oe.Group = g.Name // "" without groups
			}
			oi.NotApplicable = append(oi.NotApplicable, oe)
		}
		d.Indicators = append(d.Indicators, oi)
	}
	for _, e := range p.CityBottom {
		d.CityBottom = append(d.CityBottom, OpenCityBottom{ID: e.Indicator.ID, Name: e.Indicator.NameIn(m.Key), City: e.City, CityTie: e.CityTie, District: e.District, DistrictTie: e.DistrictTie,
			Owners: unitList(e.Indicator.OwnersIn(m.Key)), OwnerSlugs: unitSlugs(e.Indicator.OwnersIn(m.Key))})
	}
	for _, cat := range m.Categories {
		d.Categories = append(d.Categories, OpenCategory{Name: cat.Name, Units: unitList(cat.Units), UnitSlugs: unitSlugs(cat.Units)})
	}
	for _, a := range p.Rewards() {
		d.Rewards = append(d.Rewards, OpenReward{Unit: a.Unit.Name, Slug: a.Unit.Slug, Amount: a.Amount, Reason: a.Reason, Source: a.Source.Public()})
	}
	for _, iv := range p.Interviews("") {
		d.Interviews = append(d.Interviews, OpenInterview{Unit: iv.Unit.Name, Slug: iv.Unit.Slug, Who: iv.Who, By: iv.By, Kind: iv.Action, Reason: iv.Reason, Source: iv.Source.Public()})
	}
	for _, w := range p.Waived {
		if m := w.Measure; w.Matched {
			d.Waived = append(d.Waived, OpenWaived{Unit: m.Unit.Name, Slug: m.Unit.Slug, Kind: m.Action, Who: m.Who, Amount: m.Amount,
				Reason: m.Reason, Source: m.Source.Public(), WaiverReason: w.Reason, WaiverSource: w.Source.Public()})
		}
	}
	return compactJSON(d)
}

// csvHeader is the header row of every rank CSV.
func (o *openData) csvHeader() []string {
	if o.overall() {
		return append(o.withLevels([]string{o.keyColumn(), "指标", o.s.Config.Terms.Unit, "组别", "得分", "排名", "并列", "得分方向", "单位代号", "指标代号", "期别", "备注"}), o.overallColumns()...)
	}
	if len(o.s.Groups) > 0 {
		return o.withLevels([]string{o.keyColumn(), "指标", o.s.Config.Terms.Unit, "组别", "得分", "排名", "并列", "得分方向", "单位代号", "指标代号", "期别", "备注"})
	}
	return o.withLevels([]string{o.keyColumn(), "指标", o.s.Config.Terms.Unit, "得分", "排名", "并列", "得分方向", "单位代号", "指标代号", "期别", "备注"})
}

// keyColumn heads the CSV files' first column, the period's code: 月份,
// or 期别代号 for an office whose files are quarters or half years
// (site.Site.Assesses), to whom 202406 is the half 1-6月, no month. A
// monthly office's column keeps its name, which readers' scripts take
// it by.
func (o *openData) keyColumn() string {
	if o.s.Assesses() == site.Monthly {
		return "月份"
	}
	return "期别代号"
}

// csvPeriod is the 月份 (期别代号) cell of period p: a month as six digits, 202302,
// which Excel and WPS read as the number it is and every other reader as
// text or a number, and which sorts as the months run; a quarter, half
// or year by its key, 2024-Q1, 2024-H1, 2024, which no spreadsheet reads
// as a date. 2023-02 Excel read as the date 2023-02-01, showed as
// 2023/2/1 or Feb-23 and saved back so.
func csvPeriod(p site.Period) string {
	if p.Kind == site.Monthly {
		return fmt.Sprintf("%04d%02d", p.Year, p.N)
	}
	return p.Key()
}

// aggregateScore says what the composite score of a quarter, half or
// year is, by [aggregate] method (DESIGN.md §5.10).
var aggregateScore = map[site.AggregateMethod]string{
	site.MeanPoints: "各月综合得分的平均",
	site.SumPoints:  "各月综合得分之和",
	site.MeanRank:   "各月综合排名的平均（平均名次，越小越好）",
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
// document order, its townships 不涉及 after those it ranks, then the
// composite.
func (o *openData) rankRows(rows [][]string, p *rank.Period) [][]string {
	start := len(rows) // the period's rows, which overallCells completes
	key := csvPeriod(p.Span)
	grouped := len(o.s.Groups) > 0
	levelOf := csvLevels(o.s, p)
	row := func(label, id, group string, u *site.Unit, score, rank, tied, better, note string) {
		r := []string{key, label, u.Name, score, rank, tied, better, u.Slug, id, p.Label, note}
		if grouped {
			r = slices.Insert(r, 3, group)
		}
		if levelOf != nil {
			r = append(r, levelOf(id, u))
		}
		rows = append(rows, r)
	}
	// The direction, which the circular's table says in its heading
	// (得分（越低越好）): a rate of repeated petitions ranks low first.
	direction := func(higher bool) string {
		if higher {
			return "越高越好"
		}
		return "越低越好"
	}
	add := func(label, id, group string, ts []rank.Township, decimals int, higher bool, note string, res *site.Result, vetoes *rank.Period) {
		for _, t := range ts {
			tied := "否"
			if t.Tied {
				tied = "是"
			}
			// One that did not report has its rank and no score, as
			// the circular's table: its 得分 empty, the 备注 says why.
			score, note := formatScore(t.Value, decimals), note
			if t.Unreported {
				score, note = "", joinNotes(unreportedNote(t, res), note)
			}
			if reason, ok := vetoes.Veto(t.Unit); ok && t.Vetoed {
				note = joinNotes("一票否决"+parenthesised(reason)+"，综合考核排名列最后", note)
			}
			row(label, id, group, t.Unit, score, strconv.Itoa(t.Rank), tied, direction(higher), note)
		}
	}
	// A township exempted from the month (免于考核, units.toml exempt) has
	// its row, likewise, in each indicator that would have ranked it and
	// in the composite: the CSV is read an indicator or a township at a
	// time, and it missing from either would read as data left out.
	// In an aggregate, one exempted from every month of it it was in has
	// its composite row, its 备注 免于考核 alone: the months' reasons are
	// their own files'.
	exempted := periodExempted(o.s, p)
	exempt := func(label, id string, g *rank.UnitGroup, applies func(*site.Unit) bool, better string) {
		for _, u := range exempted {
			if p.Group(u) == g && applies(u) {
				note := exemptNote
				if p.Month != nil {
					note += parenthesised(u.ExemptReason(p.Month.Key))
				}
				row(label, id, g.Name, u, "", "", "", better, note)
			}
		}
	}
	if m := p.Month; m != nil {
		for _, g := range p.Groups {
			for _, res := range m.Results { // as g.Indicators, which leaves out a result its group has no score of
				ind := res.Indicator
				set := ind.In(m.Key) // the month's own 考核办法
				if ir := g.Indicator(ind.ID); ir != nil {
					// A derived score says so, and from what, out of the
					// month's 满分: 满分10分，由信访件数折算（每件扣1分），最低0分.
					add(set.Name, ind.ID, g.Name, ir.Ranked, set.Decimals, set.HigherBetter, ind.DeductRule(m.Key), res, nil)
				}
				// A township it did not apply to has its row, without
				// score or rank, as the circular's table lists it: one
				// missing would read as data left out. Its 得分 and 排名
				// stay empty, not 不涉及, so that Excel sums them as numbers.
				for _, e := range res.NotApplicable {
					if p.Group(e.Unit) == g {
						row(set.Name, ind.ID, g.Name, e.Unit, "", "", "", direction(set.HigherBetter), notApplicableText(e.Reason))
					}
				}
				if len(res.Scores)+len(res.NotApplicable) > 0 { // it ranks townships this month
					exempt(set.Name, ind.ID, g, func(u *site.Unit) bool { return slices.Contains(ind.Townships, u) }, direction(set.HigherBetter))
				}
			}
		}
	}
	meanRank := p.Aggregate() && o.s.Config.Aggregate.Method == site.MeanRank
	for _, g := range p.Groups {
		add(CompositeLabel, "", g.Name, g.Composite, o.s.Config.Scoring.Decimals, !meanRank, "", nil, p)
		exempt(CompositeLabel, "", g, func(*site.Unit) bool { return true }, direction(!meanRank))
	}
	o.overallCells(rows[start:], p)
	return rows
}

// periodExempted are the townships exempted from period p (免考): from
// the month, or from every month of an aggregate they were in, which the
// appendix says have no rank in it (exemptPeriodSentence).
func periodExempted(s *site.Site, p *rank.Period) []*site.Unit {
	if p.Month != nil {
		return s.Exempted(p.Month.Key)
	}
	var out []*site.Unit
	for _, u := range s.Townships {
		if _, ok := exemptPeriodSentence(u, p); ok {
			out = append(out, u)
		}
	}
	return out
}

// exemptNote is the 备注 of a township's row in a month it was exempted
// from, before the reason units.toml gives: the appendix's words
// (免于考核), not the matrices' short 免考, for a reader of a file with no
// caption to explain it.
const exemptNote = "免于考核"

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
	o.setup()
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

// DataView is /data/: the open data, where each file is and what it holds.
type DataView struct {
	Ranks string // data/ranks.csv; "" when there are no months
	// Measures is data/measures.csv ("" without a circular with data),
	// MeasuresSize its size, and MeasureColumns its columns.
	Measures, MeasuresSize string
	MeasureColumns         []DataField
	Actions                string // the office's measures but 奖励, in parentheses: （约谈、提醒约谈）
	// RanksSize and CatalogueSize are the sizes of data/ranks.csv and the
	// catalogue, as a download link states them (12 KB).
	RanksSize, CatalogueSize string
	From, To                 string      // the labels of its first and last months
	Months                   int         // how many months it holds
	Columns                  []DataField // the columns of every CSV file
	Periods                  []DataLink  // each circular with data, newest first
	// Years are Periods by the year of their period, newest first: a
	// table a year. FoldYears, when they are more than one, folds each
	// but the newest (details.fold), where a twenty-year monthly
	// archive's one table was 50,000 px long on a phone.
	Years     []DataYear
	FoldYears bool
	Fields    []DataField // data.json's fields, nested ones as a.b, arrays' as a[].b
	// Catalogue is data/catalogue.json, every unit and indicator by code,
	// and CatalogueFields its fields.
	Catalogue       string
	CatalogueFields []DataField
	// Departments says the office has [[department]]s: the catalogue's
	// units are of two kinds, which an office without any is not told of.
	Departments bool
	// Owned says some indicator has an owner (site.Owned): a [[department]]
	// or, in an office ranking its 县直单位, a unit it ranks.
	Owned bool
	// Holds is what a circular's data.json has besides the CSV's scores and
	// places, in the office's words: only what the office has, so that a
	// 督查室 with no ranks from above and no departments is not told its
	// files hold 全市排名 and 区直单位考核排类 (全市排名、三区排名、区直单位考核排类和奖惩).
	Holds string
}

// holds is DataView.Holds: the ranks from above the office's data holds
// (site.HigherHeld), its departments' categories if any month sorts them, and
// the rewards and measures every circular may have.
func (o *openData) holds() string {
	terms := o.s.Config.Terms
	var parts []string
	h := o.s.HigherHeld()
	if h.City {
		parts = append(parts, terms.City+"排名")
	}
	if h.Peer {
		parts = append(parts, terms.Peer+"排名")
	}
	if o.categorised() {
		parts = append(parts, terms.Department+"考核排类")
	}
	if len(parts) == 0 {
		return "奖惩"
	}
	return strings.Join(parts, "、") + "和奖惩"
}

// A DataField is a column or a field and what it holds.
type DataField struct {
	Name string
	Doc  string
	Path []string // a field's Name cut at its dots, where a line may break
}

// DataYear is a year's periods of /data/'s 各期考核数据.
type DataYear struct {
	Year    int
	ID      string // periods-2026: the id of its fold
	Periods []DataLink
}

// A DataLink is a circular whose page has data.json and data.csv beside it.
type DataLink struct {
	Period string // 2023年1-2月
	Number string // 文号
	Title  string
	Path   string // the circular's page; its files are Path+"data.csv", Path+"data.json"
	// Published and Updated are its 发布日期 and the date it was corrected
	// (nil when it was not): a reader who downloaded a period's files
	// sees here which changed since.
	Published, Updated *DateData
	// Valid is its 有效性 when it is no longer in force (失效, 废止), or "":
	// its figures may still be downloaded, but are not to be relied on.
	Valid string
	// CSVSize and JSONSize are the sizes of its data.csv and data.json,
	// as a download link states them (12 KB).
	CSVSize, JSONSize string
}

// dateString is d as data.json writes dates, 2023-06-01, or "" for the
// zero date (a field then left out).
func dateString(d site.Date) string {
	if d.Year == 0 {
		return ""
	}
	return d.String()
}

// notValid is a 有效性 as the open data states it: "" for 有效, the
// default, which most circulars are; 失效 or 废止 as it is.
func notValid(v string) string {
	if v == site.Validities[0] {
		return ""
	}
	return v
}

// openAttachments are circular c's attachments for its data.json.
func (o *openData) openAttachments(c *site.Circular) []OpenAttachment {
	var out []OpenAttachment
	for k := range c.Attachments {
		a := &c.Attachments[k]
		out = append(out, OpenAttachment{Title: a.Title, URL: o.AbsURL(attachmentPath(c.URLPath(), c.Attachments, k)), Type: a.Ext(), Size: a.Size})
	}
	return out
}

var dataColumn = Column{Name: "考核数据", Description: "各期考核数据下载及字段说明", Keywords: "考核数据,开放数据,CSV,JSON", Type: "数据"}

// dataPage is /data/. It lists the circulars by their front matter and
// their periods' labels, the months by their labels, and each file with
// its size: only a score edit that changes a size renders it again
// (catalogueInputs).
func (o *openData) dataPage() ([]byte, error) {
	words := o.words()
	v := &DataView{Columns: o.csvColumns(), Fields: dataFields(nil, reflect.TypeFor[OpenData](), "", words, o.officeLacks()),
		Catalogue: catalogueFile, CatalogueFields: dataFields(nil, reflect.TypeFor[OpenCatalogue](), "", words, o.noDepartments()), Holds: o.holds(),
		Departments: len(o.s.Departments) > 0, Owned: o.s.Owned()}
	for _, fields := range [][]DataField{v.Fields, v.CatalogueFields} {
		for i := range fields {
			fields[i].Doc = o.periodDocs(fields[i].Doc)
		}
	}
	z, err := o.sizes()
	if err != nil {
		return nil, err
	}
	cat, err := o.cat.length()
	if err != nil {
		return nil, err
	}
	v.CatalogueSize = fileSize(cat)
	if months := o.res.Months(); len(months) > 0 {
		v.Ranks, v.Months, v.RanksSize = "data/ranks.csv", len(months), fileSize(z.ranks)
		v.From, v.To = months[0].Label, months[len(months)-1].Label
	}
	if o.meas != nil {
		v.Measures, v.MeasuresSize, v.MeasureColumns = measuresFile, fileSize(z.measures), o.measuresColumns()
		v.Actions = o.words().Replace("{actions}")
	}
	for _, c := range slices.Backward(o.s.Circulars) {
		if p := o.periodOf(c); p != nil {
			v.Periods = append(v.Periods, DataLink{Period: p.Label, Number: c.Number, Title: c.Title, Path: c.URLPath(),
				Published: dateData(c.PublishDate()), Updated: dateData(c.Updated), Valid: notValid(c.Valid),
				CSVSize: fileSize(z.csv[c]), JSONSize: fileSize(z.json[c])})
			at := slices.IndexFunc(v.Years, func(y DataYear) bool { return y.Year == p.Span.Year })
			if at < 0 {
				at = len(v.Years)
				v.Years = append(v.Years, DataYear{Year: p.Span.Year, ID: "periods-" + strconv.Itoa(p.Span.Year)})
			}
			v.Years[at].Periods = append(v.Years[at].Periods, v.Periods[len(v.Periods)-1])
		}
	}
	v.FoldYears = len(v.Years) > 1
	return o.tmpl.execute("data.html", &Page{
		Kind:        "data",
		Title:       "考核数据下载",
		Path:        "data/",
		Description: "各期考核数据（CSV、JSON 格式）的下载和字段说明",
		Date:        dateData(o.dataUpdated()),
		Column:      dataColumn,
		Data:        v,
	})
}

// words puts the office's [terms] into the fields' zh tags (OpenData).
func (o *openData) words() *strings.Replacer {
	terms := o.s.Config.Terms
	// The measures are the office's own: one that takes 通报批评 and no
	// 约谈 must not read that data.json's interviews are 约谈.
	var actions []string
	for _, a := range terms.Actions {
		if a != site.RewardAction {
			actions = append(actions, a)
		}
	}
	listed := ""
	if len(actions) > 0 {
		listed = "（" + strings.Join(actions, "、") + "）"
	}
	return strings.NewReplacer("{unit}", terms.Unit, "{city}", terms.City, "{peer}", terms.Peer, "{department}", terms.Department, "{scope}", terms.Scope,
		"{actions}", listed, "{bottom}", o.bottomDoc())
}

// bottomDoc is what data.json's cityBottom holds, named as the circulars
// name the list (cityBottomName): 排全市后三的单项目标, or of an office
// given its peers' ranks alone 排三区最后的单项目标 — not 全市 of an office
// that has no city ranking — with what it is made of (§5.6), and that an
// entry the circular leaves out of its list ([[entry]] omit) is here all
// the same, as its ranks are in the appendix.
func (o *openData) bottomDoc() string {
	terms := o.s.Config.Terms
	k := o.s.Config.Ranking.GroupSize
	name := o.bottomName(k)
	var made string
	switch h := o.s.HigherHeld(); {
	case !h.Any():
		return terms.City + "排名靠后的指标" // said lacking (officeLacks)
	case o.peerBottom():
		made = terms.Peer + "排名最后的指标"
	case !h.Peer:
		made = terms.City + "排名" + zh.Label(k, false, !o.s.Config.Ranking.Loose) + "的指标"
	default:
		made = terms.City + "排名" + zh.Label(k, false, !o.s.Config.Ranking.Loose) + "的指标，和只有" + terms.Peer + "排名、排" + terms.Peer + "最后的指标"
	}
	return name + "，即" + made + "，按通报中的顺序（季度、半年、年度为空）；通报正文经研究不列出的一项也在其中"
}

// periodDocs words a doc of the open data, written of months, for an
// office whose files are quarters or half years (site.PeriodKind.Reword):
// 这一期, 当期, 各期 of half years where it says 这个月, 当月, 各月 — its
// year's score is the mean of its halves', not of months — and its
// period's code that of its file. A monthly office's are left as they
// are.
func (o *openData) periodDocs(doc string) string {
	kind := o.s.Assesses()
	if kind == site.Monthly {
		return doc
	}
	return kind.Reword().Replace(strings.ReplaceAll(doc, "月份如 2023-02，季度、半年、年度如",
		"每期为其数据文件的年和月（这一期的最后一个月），如 2024-06；由各期汇总的季度、半年、年度通报如"))
}

// spanKeyDoc is what the 期别代号 column holds, told by the office's own
// newest file: 202406 for data/2024-06.toml, 2024年1-6月. Only an office
// whose files are quarters or half years has the column, and a file.
func (o *openData) spanKeyDoc() string {
	if len(o.s.Months) == 0 {
		// An office that says how often it assesses, before its first
		// file: a period of its kind ending in December stands for one.
		period, _ := o.s.Assesses().Written(12)
		return o.spanKeyDocOf(&site.Month{Key: "2024-12", Year: 2024, Month: 12, Period: period})
	}
	return o.spanKeyDocOf(o.s.Months[len(o.s.Months)-1])
}

// spanKeyDocOf is spanKeyDoc told by the month file m.
func (o *openData) spanKeyDocOf(m *site.Month) string {
	return fmt.Sprintf("期别的代号：这一期数据文件的年和月（这一期的最后一个月）的六位数字，如 %04d%02d（%s，即 data/%s.toml；data.json 写作 %s），Excel 不会把它当作日期；由各期汇总的季度、半年、年度通报的 data.csv 为 2024-Q1、2024-H1、2024",
		m.Year, m.Month, m.Label(), m.Key, m.Key)
}

// dataUpdated is /data/'s 更新日期: the newest circular's date, or a
// later correction's (zero without a circular). The sitemap gives it too.
func (c *core) dataUpdated() site.Date {
	var last site.Date
	for _, circ := range c.s.Circulars {
		if m := circ.Modified(); last.Before(m) {
			last = m
		}
	}
	return last
}

// dataInputs are what dataPage reads.
func (o *openData) dataInputs() []input {
	in := []input{global(), newest()}
	for _, c := range o.s.Circulars {
		in = append(in, frontIn(c)) // a correction of any dates the page (dataUpdated)
		if p := o.periodOf(c); p != nil {
			in = append(in, refIn(p))
		}
	}
	for _, p := range o.res.Months() {
		in = append(in, refIn(p))
	}
	return in
}

// csvColumns are the CSV files' columns (csvHeader) and what each holds.
func (o *openData) csvColumns() []DataField {
	doc := map[string]string{
		"月份":   "期别的代号：月份为年和月的六位数字，如 202302（2023年2月；data.json 写作 2023-02），Excel 不会把它当作日期；季度、半年、年度通报的 data.csv 为 2024-Q1、2024-H1、2024",
		"指标":   "指标名称；“" + CompositeLabel + "”为综合考核排名",
		"组别":   "所在的组（各组分别排名）",
		"得分":   "得分；“" + CompositeLabel + "”一行为综合得分，季度、半年、年度为" + aggregateScore[o.s.Config.Aggregate.Method],
		"排名":   "名次",
		"并列":   "是否与他人并列：是、否",
		"得分方向": "越高越好或越低越好：名次按此由得分排出",
		"单位代号": "单位代号，即单位页面网址 /units/代号/ 中的代号；名称的写法（全称、简称）变了代号不变；撤乡设镇、更名、合并后的单位是另一个单位、另有代号，按单位和指标目录的 until、became 与以前的单位连起来",
		"指标代号": "指标代号，即指标页面网址 /indicators/代号/ 中的代号；“" + CompositeLabel + "”一行为空",
		"期别":   "期别，如 2023年1-2月、2024年第一季度，与通报标题的写法相同（即 data.json 的 period）",
		"备注": "这个月不涉及这项工作、不参加这一项排名的" + o.s.Config.Terms.Unit + "：写“" + notApplicable + "”，当月数据写了原因的为“" + notApplicable + "（原因）”（即 data.json 的 notApplicable）；" +
			"这个月免于考核、不参加任何排名的" + o.s.Config.Terms.Unit + "，在本应参加排名的各项和“" + CompositeLabel + "”中各有一行，写“" + exemptNote + "”，写了原因的为“" + exemptNote + "（原因）”（即 data.json 的 exempt、exemptReasons）；季度、半年、年度中各月都免于考核的，在“" + CompositeLabel + "”中有一行，写“" + exemptNote + "”；这些行的得分、排名、并列为空，其余各行的备注为空",
	}
	if o.keyColumn() != "月份" {
		doc[o.keyColumn()] = o.spanKeyDoc()
	}
	if len(o.s.Config.Grades) > 0 {
		doc[levelColumn] = "评定的等次（站点配置 [[grade]]），如 优秀；这一期这个排名没有评定等次的为空（即 data.json 的 grades）"
	}
	if counts := o.countWords(); counts != nil {
		// Said only where there are counts: the others' columns read as
		// they did.
		doc["得分"] += counts.Replace("；计数的指标（data.json 的 scoreUnit 为{countUnits}）为{countNouns}，不是得分")
		doc["得分方向"] += "；计数的指标越低越好即越少越好"
	}
	if slices.ContainsFunc(o.s.Indicators, func(ind *site.Indicator) bool { return ind.Deduct != nil }) {
		// Said only where there is such a row: the others' 备注 is as it was.
		doc["备注"] = strings.Replace(doc["备注"], "；这些行的得分、排名、并列为空，其余各行的备注为空",
			"；这些行的得分、排名、并列为空；由件数折算的得分（扣分制）各行写当月的满分、折算办法和最低分，如“满分10分，由信访件数折算（每件扣1分），最低0分”（即 data.json 的 deduct.max、deduct.text、deduct.min；考核办法自某月起调整了满分的，各月不同）；其余各行的备注为空", 1)
	}
	if o.overall() {
		cols := o.overallColumns()
		doc[cols[0]] = cols[1] + "所依据的得分：各指标与“得分”相同；“" + CompositeLabel + "”一行为各组" + o.s.Config.Terms.Unit + "合在一起算出的综合得分（按名次折算时与组内的不同），季度、半年、年度为" + aggregateScore[o.s.Config.Aggregate.Method]
		doc[cols[1]] = "分组排名又排" + cols[1] + "时：各组" + o.s.Config.Terms.Unit + "合在一起的名次（“排名”是组内的名次）；不涉及、免于考核的为空"
		doc[cols[2]] = cols[1] + "是否与他人并列：是、否"
	}
	var out []DataField
	for i, h := range o.csvHeader() {
		d := o.periodDocs(doc[h])
		if i == 2 {
			d = h + "名称"
		}
		out = append(out, DataField{Name: h, Doc: d})
	}
	return out
}

// dataFields appends the fields of struct type t, from their json and zh
// tags, each nested struct's and array's fields after it. office, if not
// nil, words a field for the office (officeDocs): "" keeps its zh tag;
// lacks says the site never has it, and then it is left out when the
// file leaves it out empty (omitempty), and explained by doc, without
// its own fields, when the file always has it.
func dataFields(out []DataField, t reflect.Type, prefix string, words *strings.Replacer, office func(f reflect.StructField) (doc string, lacks bool)) []DataField {
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		field := DataField{Name: prefix + name, Doc: words.Replace(f.Tag.Get("zh")), Path: strings.Split(prefix+name, ".")}
		var doc string
		var lacks bool
		if office != nil {
			doc, lacks = office(f)
		}
		switch {
		case lacks && opts == "omitempty":
			continue
		case lacks:
			field.Doc = doc
			out = append(out, field)
			continue
		case doc != "":
			field.Doc = doc
		}
		out = append(out, field)
		switch ft := f.Type; {
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct: // aggregate, on some circulars only
			out = dataFields(out, ft.Elem(), prefix+name+".", words, office)
		case ft.Kind() == reflect.Struct:
			out = dataFields(out, ft, prefix+name+".", words, office)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = dataFields(out, ft.Elem(), prefix+name+"[].", words, office)
		}
	}
	return out
}

// categorised reports whether any month sorts departments into
// categories: what /data/ says data.json holds of them.
func (o *openData) categorised() bool {
	return slices.ContainsFunc(o.s.Months, func(m *site.Month) bool { return len(m.Categories) > 0 })
}

// officeLacks is dataFields' office for a circular's data.json: a field
// of the ranks from above or of peers (a {city} or {peer} in its zh tag)
// the office's data has none of (site.HigherHeld), or of the categories
// when no month sorts departments into them, lacks, explained as empty
// in plain words rather than the default terms the office never set; the
// others are as noDepartments words them. A 督查室 with none of them is
// not told of 全市排名.
func (o *openData) officeLacks() func(f reflect.StructField) (doc string, lacks bool) {
	h := o.s.HigherHeld()
	categorised := o.categorised()
	alone := o.noDepartments()
	plain := strings.NewReplacer("{city}", "上级", "{peer}", "同级", "{department}", "责任单位", "{unit}", o.s.Config.Terms.Unit, "{bottom}", "上级排名靠后的指标")
	return func(f reflect.StructField) (string, bool) {
		zh := f.Tag.Get("zh")
		var lack string
		switch {
		case strings.Contains(zh, "{bottom}") && !h.Any():
			lack = "上级排名"
		case strings.Contains(zh, "{bottom}"):
			return "", false // the list of the ranks the office is given (bottomDoc)
		case strings.Contains(zh, "{city}") && !h.City:
			lack = "上级排名"
		case strings.Contains(zh, "{peer}") && !h.Peer:
			lack = "同级排名"
		case strings.Contains(zh, "{department}") && !categorised:
			lack = "考核排类"
		default:
			return alone(f)
		}
		return plain.Replace(zh) + "（本站没有" + lack + "，总是空的）", true
	}
}

// countWords words a field for an office with counts among its
// indicators (scoreUnit 件, 起: site.CountUnit), whose values are not
// scores: {countUnits} are their units (件、起), {countNouns} what they
// count (件数、起数). nil for an office without: its fields read as
// their zh tags say.
func (o *openData) countWords() *strings.Replacer {
	var units, nouns []string
	for _, ind := range o.s.Indicators {
		if ind.IsCount() && !slices.Contains(units, strings.TrimSpace(ind.ScoreUnit)) {
			units = append(units, strings.TrimSpace(ind.ScoreUnit))
			nouns = append(nouns, ind.ValueName())
		}
	}
	if units == nil {
		return nil
	}
	return strings.NewReplacer("{countUnits}", strings.Join(units, "、"), "{countNouns}", strings.Join(nouns, "、"))
}

// noDepartments is dataFields' office for the catalogue, and officeLacks'
// last word: an office without a [[department]] reads a field's
// zhNoDepartments where it has one, so that a 督查室 is not told its units
// come 先乡镇后区直单位; one whose indicators have no owner reads
// zhNoOwners, and is not told what their owners are. A field tagged
// only:"deduct" is one an office without a derived score (扣分制) lacks,
// one tagged only:"bounds" one whose indicators have no max or min;
// one tagged only:"grade" one an office without a [[grade]] lacks;
// one tagged only:"status" one whose periods have no value not
// reported (未报送) and no veto that puts a unit last;
// one with counts among its indicators reads a field's zhCount where it
// has one (countWords), told that a count's value is not a score.
func (o *openData) noDepartments() func(f reflect.StructField) (doc string, lacks bool) {
	alone, unowned := len(o.s.Departments) == 0, !o.s.Owned()
	deducts := slices.ContainsFunc(o.s.Indicators, func(ind *site.Indicator) bool { return ind.Deduct != nil })
	bounded := slices.ContainsFunc(o.s.Indicators, func(ind *site.Indicator) bool {
		return ind.Min != nil || ind.Max != nil || slices.ContainsFunc(ind.Changes, func(c site.Change) bool { return c.Min != nil || c.Max != nil })
	})
	unreported := slices.ContainsFunc(o.s.Months, func(m *site.Month) bool {
		return slices.ContainsFunc(m.Results, func(r *site.Result) bool { return len(r.Unreported) > 0 }) ||
			slices.ContainsFunc(m.Waivers, func(w site.Waiver) bool { return w.Last })
	}) || slices.ContainsFunc(o.s.Circulars, func(c *site.Circular) bool {
		return slices.ContainsFunc(c.Waivers, func(w site.Waiver) bool { return w.Last })
	})
	words := o.words()
	counts := o.countWords()
	return func(f reflect.StructField) (string, bool) {
		if f.Tag.Get("only") == "deduct" && !deducts {
			return "", true // a field of scores derived from counts (扣分制), which the office has none of
		}
		if f.Tag.Get("only") == "bounds" && !bounded {
			return "", true // a bound (max, min) no indicator of the office is given
		}
		if f.Tag.Get("only") == "grade" && len(o.s.Config.Grades) == 0 {
			return "", true // the levels of a [[grade]], which the office has none of
		}
		if f.Tag.Get("only") == "overall" && !o.overall() {
			return "", true // a field of the overall ranking, which the office does not rank
		}
		if f.Tag.Get("only") == "status" && !unreported {
			return "", true // a value not reported (未报送) or a veto that puts last, which no period has
		}
		if doc := f.Tag.Get("zhCount"); counts != nil && doc != "" {
			return words.Replace(counts.Replace(doc)), false
		}
		if doc := f.Tag.Get("zhNoDepartments"); alone && doc != "" {
			return words.Replace(doc), false
		}
		if doc := f.Tag.Get("zhNoOwners"); unowned && doc != "" {
			return words.Replace(doc), false
		}
		return "", false
	}
}
