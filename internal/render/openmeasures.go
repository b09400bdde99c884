package render

import (
	"bytes"
	"strconv"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// measuresFile is every measure of every published period in one table.
// Each data.json lists its own period's rewards, interviews and waived;
// a reader asking how often a township was 约谈 this year would otherwise
// open every circular's file. A row is a measure, taken or withheld by a
// [[waiver]], so that the count of what the rules gave and of what the
// office did are both a filter away.
const measuresFile = "data/measures.csv"

// measuresHeader is the header row of data/measures.csv. Its first
// column is the rank CSVs' (月份, or 期别代号), holding the same codes,
// so that a reader joins the two files by it and 单位代号.
func (o *openData) measuresHeader() []string {
	return []string{o.keyColumn(), "期别", "文号", "单位", "单位代号", "单位类别", "措施", "对象", "实施", "金额（元）",
		"事由", "依据", "规则得出", "是否采取", "不予采取的原因", "通报网址"}
}

// measuresColumns are measuresHeader and what each column holds, for
// /data/ and docs/reference.md.
func (o *openData) measuresColumns() []DataField {
	terms := o.s.Config.Terms
	kinds := "“" + terms.Unit + "”或“" + terms.Department + "”"
	if len(o.s.Departments) == 0 {
		kinds = "总是“" + terms.Unit + "”"
	}
	doc := map[string]string{
		"期别":      "期别，如 2023年1-2月、2024年第一季度，与通报标题的写法相同（即 data.json 的 period）",
		"文号":      "报告这一期的通报的文号",
		"单位":      "受奖励或被采取措施的单位的名称（当期的名称）",
		"单位代号":    "单位代号，即单位页面网址 /units/代号/ 中的代号；名称的写法（全称、简称）变了代号不变；撤乡设镇、更名、合并后的单位是另一个单位、另有代号，按单位和指标目录的 until、became 与以前的单位连起来",
		"单位类别":    kinds,
		"措施":      "奖励，或奖励以外的措施" + o.words().Replace("{actions}"),
		"对象":      "措施的对象，如 主要负责人（写了才有）",
		"实施":      "由谁实施，如 分管领导（写了才有）",
		"金额（元）":   "奖励的金额（元；其他措施为空）",
		"事由":      "事由，与通报的写法相同",
		"依据":      "依据：站点配置中的第几条奖惩规则，或当月数据中的第几项，如 config.toml [[rule]] 第1条、data/2023-02.toml [[reward]] 第1条（即 data.json 的 source）",
		"规则得出":    "是：由奖惩规则按排名得出；否：当月数据中逐项写明的",
		"是否采取":    "是：通报采取的措施（即 data.json 的 rewards、interviews）；否：规则得出、经研究不予采取的（即 data.json 的 waived），通报中没有",
		"不予采取的原因": "不予采取的原因（是否采取为“否”的才有，即 data.json 的 waiverReason）",
		"通报网址":    "报告这一期的通报的网址",
	}
	doc[o.keyColumn()] = "期别的代号，与排名 CSV 的第一列相同：月份为年和月的六位数字，如 202302；季度、半年、年度通报为 2024-Q1、2024-H1、2024"
	if o.keyColumn() != "月份" {
		doc[o.keyColumn()] = o.spanKeyDoc()
	}
	var out []DataField
	for _, h := range o.measuresHeader() {
		out = append(out, DataField{Name: h, Doc: o.periodDocs(doc[h])})
	}
	return out
}

// measuresInputs are what data/measures.csv reads: every published
// period's measures and its circular's front matter (文号, the
// waivers of an aggregate circular).
func (o *openData) measuresInputs() []input {
	in := []input{global()}
	for _, c := range o.s.Circulars {
		if p := o.periodOf(c); p != nil {
			in = append(in, frontIn(c), periodIn(p))
		}
	}
	return in
}

// measures is data/measures.csv: the circulars in order, oldest first as
// ranks.csv runs, each period's measures as the circular lists them, then
// those withheld.
func (o *openData) measures() ([]byte, error) {
	terms := o.s.Config.Terms
	kind := func(u *site.Unit) string {
		if u.Kind == site.Department {
			return terms.Department
		}
		return terms.Unit
	}
	yesNo := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	var rows [][]string
	for _, c := range o.s.Circulars {
		p := o.periodOf(c)
		if p == nil {
			continue
		}
		row := func(m rank.Measure, taken bool, waiverReason string) {
			amount := ""
			if m.Action == site.RewardAction {
				amount = strconv.FormatInt(m.Amount, 10)
			}
			rows = append(rows, []string{csvPeriod(p.Span), p.Label, c.Number, m.Unit.Name, m.Unit.Slug, kind(m.Unit),
				m.Action, m.Who, m.By, amount, m.Reason, m.Source.Public(), yesNo(m.Source.Rule), yesNo(taken), waiverReason, o.AbsURL(c.URLPath())})
		}
		for _, m := range p.Rewards() { // as data.json and the circular list them
			row(m, true, "")
		}
		for _, m := range p.Interviews("") {
			row(m, true, "")
		}
		for _, w := range p.Waived {
			if w.Matched {
				row(w.Measure, false, w.Reason)
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(utf8BOM)
	err := appendCSV(&b, append([][]string{o.measuresHeader()}, rows...))
	return b.Bytes(), err
}
