package sheet

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tongbao/internal/site"
)

// Blank returns the fill-in workbook of month key ("2023-03"), following
// the month before it (prev, nil when there is none) as `tongbao new`
// does: the indicators prev reports (every one when prev is nil), scored
// by township where prev had scores, its peer labels and its categories
// carried forward, every value to fill left empty. scaffold is the month
// file `new` wrote beside the workbook: import may replace that file, as
// long as nobody changed it, without being told to. period is the 期别
// that file writes (4-6月 after 1-3月 of an office assessing once a
// quarter), "" for N月: a workbook's 期别 replaces the file's on import.
func Blank(s *site.Site, key, period string, prev *site.Month, scaffold []byte) ([]byte, error) {
	year, month, ok := parseKey(key)
	if !ok {
		return nil, fmt.Errorf("月份“%s”格式不对，应为 YYYY-MM", key)
	}
	m := &site.Month{Key: key, Year: year, Month: month, Period: cmp.Or(period, fmt.Sprintf("%d月", month))}
	scored := map[*site.Indicator]bool{}
	rk := s.Config.Ranking
	for _, ind := range s.Indicators {
		r := &site.Result{Indicator: ind, DistrictLabel: s.Config.Terms.Peer, DistrictUnits: rk.DistrictUnits}
		var p *site.Result
		if prev != nil {
			// Last month's indicators, and a new one no month has
			// assessed yet (a new 考核办法), as tongbao new writes them.
			if p = prev.Result(ind.ID); p == nil && !s.NewIndicator(ind) {
				continue
			}
			if p != nil {
				r.DistrictLabel, r.DistrictUnits = p.DistrictLabel, p.DistrictUnits
			}
		}
		// A derived score (扣分制) is not typed: its counts are.
		scored[ind] = ind.Townships != nil && ind.Deduct == nil && (p == nil || len(p.Scores) > 0)
		m.Results = append(m.Results, r)
	}
	if prev != nil {
		m.Categories = site.CarryCategories(prev.Categories, key)
	}
	sum := sha256Hex(scaffold)
	return write(s, m, func(r *site.Result) bool { return scored[r.Indicator] }, sum, nil)
}

// Export returns month m of s as a workbook in the fill-in layout, every
// value in its cell: importing it gives m back. A month read as a draft
// (site.ParseDraftMonth) leaves the cells of its unscored units empty,
// to be filled in.
func Export(s *site.Site, m *site.Month) ([]byte, error) {
	return ExportFor(s, m, nil)
}

// ExportFor is Export for one department, owner (nil for all): the
// indicators it is responsible for ([indicator] owners) and nothing of the
// others, so that each department fills its own workbook; it says whose
// it is, and imports only to be merged (ImportScores). It returns nil if
// owner has no indicator.
func ExportFor(s *site.Site, m *site.Month, owner *site.Unit) ([]byte, error) {
	if owner != nil && !slices.ContainsFunc(s.Indicators, func(ind *site.Indicator) bool { return slices.Contains(ind.Owners, owner) }) {
		return nil, nil
	}
	// A result scored this month has a table of scores, whose every
	// township may be 不涉及 or 未报送 as well as scored or still to be.
	return write(s, m, func(r *site.Result) bool {
		return len(r.Scores)+len(r.Unscored)+len(r.NotApplicable)+len(r.Unreported) > 0
	}, "", owner)
}

// A book is the workbook being written. Nearly every excelize call returns
// an error that only a mistake in this package can cause (a bad cell name,
// a sheet that does not exist); the first is kept and returned at the end.
type book struct {
	*layout
	f     *excelize.File
	err   error
	style struct{ title, head, headInput, label, input, text, na, note, mark int }
	m     *site.Month
	res   map[*site.Indicator]*site.Result // m's results: a Month made here has no index of its own

	owner *site.Unit        // the department the workbook is for, nil for the office
	rows  []*site.Indicator // the results sheet's rows: every indicator, or owner's

	border      []excelize.Border
	scoreStyles map[int]int // by decimals
	// sent are the input cells written with a value, and their text as
	// the workbook holds it (see book.meta).
	sent [][2]string
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) set(sheet string, col, row int, v any, style int) {
	c := cell(col, row)
	if v != nil {
		b.check(b.f.SetCellValue(sheet, c, v))
	}
	b.check(b.f.SetCellStyle(sheet, c, c, style))
}

// input writes the value v of an input cell, and remembers it when
// there is one: the value sent out.
func (b *book) input(sheet string, col, row int, v any, style int) {
	b.set(sheet, col, row, v, style)
	if v != nil {
		text, err := b.f.GetCellValue(sheet, cell(col, row), excelize.Options{RawCellValue: true})
		b.check(err)
		b.sent = append(b.sent, [2]string{at(sheet, col, row), text})
	}
}

func (b *book) width(sheet string, col int, w float64) {
	name, _ := excelize.ColumnNumberToName(col)
	b.check(b.f.SetColWidth(sheet, name, name, w))
}

// note attaches a comment to a heading: the help of its field.
func (b *book) note(sheet string, col, row int, text string) {
	b.check(b.f.AddComment(sheet, excelize.Comment{
		Cell: cell(col, row), Author: "tongbao", Width: 240, Height: 110,
		Paragraph: []excelize.RichTextRun{{Text: text}},
	}))
}

// freeze keeps the rows above and the columns left of (col, row) in view.
func (b *book) freeze(sheet string, col, row int) {
	b.check(b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: col - 1, YSplit: row - 1, TopLeftCell: cell(col, row), ActivePane: "bottomRight",
	}))
}

// protect locks every cell but the ones styled as input. There is no
// password: protection keeps headings and names from being changed by
// mistake, and 审阅 › 撤销工作表保护 lifts it.
func (b *book) protect(sheet string) {
	b.check(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
	// Printed on A4 across, as wide as the page: an office checks a
	// filled workbook on paper.
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}))
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
}

// printTitles repeats rows 1 to rows on every printed page.
func (b *book) printTitles(sheet string, rows int) {
	b.check(b.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, rows), Scope: sheet,
	}))
}

func ptr[T any](v T) *T { return &v }

// validate adds the checks a spreadsheet makes while staff type, for a
// field's kind, to the cells of ref ("B4:B15"); the help shows when one
// is selected. ind is the indicator whose scores the cells hold, whose
// min and max bound them; nil for cells of any other field.
func (b *book) validate(sheet, ref string, f *site.Field, ind *site.Indicator) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(ref)
	var msg string
	switch f.Kind {
	case site.Rank:
		b.check(dv.SetRange(1, 999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		msg = "应填名次：正整数"
	case site.Integer:
		b.check(dv.SetRange(0, 2147483647, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		msg = "应填整数"
	case site.Number:
		b.check(dv.SetRange(-1e9, 1e9, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		msg = "应填数，如 95 或 87.5"
	case site.Scores:
		// A number, or 不涉及 (with its reason) for a township the
		// indicator does not apply to this month, or 未报送 for one that
		// did not report: a range of decimals would refuse the words as
		// they are typed.
		// Bounded by the indicator's min and max (满分), as the import
		// is: 105 is refused as it is typed, not at the import.
		first, _, _ := strings.Cut(ref, ":")
		number, what := fmt.Sprintf("ISNUMBER(%s)", first), "数，如 95 或 87.5"
		if ind != nil {
			// The month's: a 满分 changed from April bounds April's book.
			set := ind.In(b.m.Key)
			var bound []string
			if set.Min != nil {
				bound = append(bound, first+">="+formatBound(*set.Min))
			}
			if set.Max != nil {
				bound = append(bound, first+"<="+formatBound(*set.Max))
			}
			if bound != nil {
				number = "AND(" + number + "," + strings.Join(bound, ",") + ")"
			}
			switch {
			case set.Min != nil && set.Max != nil:
				what = formatBound(*set.Min) + "～" + formatBound(*set.Max) + "的数（满分 " + formatBound(*set.Max) + "）"
			case set.Max != nil:
				what = "不高于 " + formatBound(*set.Max) + " 的数（满分）"
			case set.Min != nil:
				what = "不低于 " + formatBound(*set.Min) + " 的数"
			}
		}
		dv.Type = "custom"
		// The formula is the XML's text, its < and > escaped.
		marks := []string{number}
		for _, mark := range []string{notApplicableMark, unreportedMark} {
			marks = append(marks, fmt.Sprintf(`LEFT(TRIM(%s),%d)="%s"`, first, utf8.RuneCountInString(mark), mark))
		}
		dv.Formula1 = xmlText.Replace("OR(" + strings.Join(marks, ",") + ")")
		msg = "应填" + what + "；" + b.this + "不涉及这项工作的填“" + notApplicableMark + "”，逾期未报送的填“" + unreportedMark + "”"
	case site.Flag:
		b.check(dv.SetDropList([]string{yes, no}))
		msg = "请选“是”或留空"
	case site.UnitRef:
		dv.SetSqrefDropList(b.unitList())
		msg = "请从列表中选择单位"
	}
	if h := b.help(f); len(h) < 250 {
		dv.SetInput(b.label(f), h)
	}
	if msg != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, b.label(f), msg)
	}
	if dv.Type != "" || dv.ShowInputMessage {
		b.check(b.f.AddDataValidation(sheet, dv))
	}
}

var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// sameBounds reports whether a and b bound their scores alike in the
// month key.
func sameBounds(a, b *site.Indicator, key string) bool {
	same := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	sa, sb := a.In(key), b.In(key)
	return same(sa.Min, sb.Min) && same(sa.Max, sb.Max)
}

// boundNote says the month's 满分 of ind in its column's note (set is
// its setting then): ，满分 35 — the one to score against when the
// 考核细则 changed it, ahead of the cell's refusal. "" when it has none.
func boundNote(set site.Setting) string {
	if set.Max == nil {
		return ""
	}
	return "，满分 " + formatBound(*set.Max)
}

// formatBound writes a bound as one types it: 100, 37.5.
func formatBound(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// dropList offers the cells of ref a choice among the names in column
// col of the hidden lists sheet.
func (b *book) dropList(sheet, ref string, col, n int, title, msg string) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(ref)
	dv.SetSqrefDropList(listRange(col, n))
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	b.check(b.f.AddDataValidation(sheet, dv))
}

// The hidden lists sheet's columns.
const (
	namesTownships   = 1
	namesDepartments = 2
	namesUnits       = 3 // townships, then departments
)

func listRange(col, n int) string {
	first, _ := excelize.CoordinatesToCellName(col, 2, true)
	last, _ := excelize.CoordinatesToCellName(col, max(n, 1)+1, true)
	return "'" + listsSheet + "'!" + first + ":" + last
}

func (b *book) unitList() string {
	towns, depts := b.listed()
	return listRange(namesUnits, len(towns)+len(depts))
}

func write(s *site.Site, m *site.Month, scored func(*site.Result) bool, scaffold string, owner *site.Unit) ([]byte, error) {
	b := &book{layout: newLayout(s, m), f: excelize.NewFile(), m: m, res: map[*site.Indicator]*site.Result{}, owner: owner, rows: s.Indicators}
	if owner != nil {
		others := func(ind *site.Indicator) bool { return !slices.Contains(ind.Owners, owner) }
		b.rows = slices.DeleteFunc(slices.Clone(b.rows), others)
		b.scored = slices.DeleteFunc(slices.Clone(b.scored), others)
	}
	for _, r := range m.Results {
		b.res[r.Indicator] = r
	}
	defer b.f.Close()
	b.styles()
	b.check(b.f.SetSheetName("Sheet1", readmeSheet))
	for _, name := range append(b.sheets[1:], listsSheet, metaSheet) {
		if name == b.listSheet && owner != nil {
			// The categories are the office's, never merged: a
			// department's workbook has no sheet of them to fill in vain.
			continue
		}
		_, err := b.f.NewSheet(name)
		b.check(err)
	}
	b.readme()
	b.overview()
	b.scoreSheetOf(scored)
	b.resultSheetOf(scored)
	if owner == nil && b.hasLists {
		b.listSheetOf()
	}
	for _, t := range b.tables {
		b.tableSheet(t)
	}
	b.names()
	b.meta(scaffold)
	for _, name := range []string{listsSheet, metaSheet} {
		b.check(b.f.SetSheetVisible(name, false))
	}
	idx, err := b.f.GetSheetIndex(b.scoreSheet)
	b.check(err)
	b.f.SetActiveSheet(idx)
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Creator: "tongbao", Title: m.Label() + "考核数据", Language: "zh-CN",
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", // fixed: the same month gives the same bytes
	}))
	if b.err != nil {
		return nil, fmt.Errorf("生成工作簿：%w", b.err)
	}
	var out bytes.Buffer
	if _, err := b.f.WriteTo(&out); err != nil {
		return nil, fmt.Errorf("生成工作簿：%w", err)
	}
	return out.Bytes(), nil
}

func (b *book) styles() {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	b.border, b.scoreStyles = border, map[int]int{}
	locked := &excelize.Protection{Locked: true}
	open := &excelize.Protection{Locked: false}
	solid := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	mk := func(st *excelize.Style) int {
		id, err := b.f.NewStyle(st)
		b.check(err)
		return id
	}
	middle := &excelize.Alignment{Vertical: "center", WrapText: true}
	b.style.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Protection: locked})
	b.style.head = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: solid("DDEBF7"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: locked})
	b.style.headInput = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: solid("DDEBF7"), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, NumFmt: 49, Protection: open})
	b.style.label = mk(&excelize.Style{Fill: solid("F2F2F2"), Border: border, Alignment: middle, Protection: locked})
	b.style.input = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center"}, Protection: open})
	b.style.text = mk(&excelize.Style{Border: border, Alignment: middle, NumFmt: 49, Protection: open}) // 49: text, so 1-2月 stays text
	b.style.mark = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Protection: open})
	b.style.na = mk(&excelize.Style{Fill: solid("BFBFBF"), Border: border, Protection: locked})
	b.style.note = mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked})
}

// scoreStyle is the style of a score cell of an indicator compared at
// decimals places: shown with that many, and more when a score has them
// (95.555 is not shown as 95.56).
func (b *book) scoreStyle(decimals int) int {
	if decimals < 1 {
		return b.style.input
	}
	if id, ok := b.scoreStyles[decimals]; ok {
		return id
	}
	id, err := b.f.NewStyle(&excelize.Style{Border: b.border, Alignment: &excelize.Alignment{Vertical: "center"},
		CustomNumFmt: ptr("0." + strings.Repeat("0", decimals) + "####"), Protection: &excelize.Protection{Locked: false}})
	b.check(err)
	b.scoreStyles[decimals] = id
	return id
}

// inputStyle is the style of a cell staff fill with a value of f's kind.
func (b *book) inputStyle(f *site.Field) int {
	if f.Kind == site.Text {
		return b.style.text
	}
	return b.style.input
}

func (b *book) readme() {
	sh := readmeSheet
	title := b.s.Config.Title + " · " + b.m.Label() + "考核数据填报表"
	if b.owner != nil {
		title += "（" + b.owner.Name + "）"
	}
	b.set(sh, 1, 1, title, b.style.title)
	b.check(b.f.MergeCell(sh, cell(1, 1), cell(4, 1)))
	b.check(b.f.SetRowHeight(sh, 1, 28))
	var tables []string // 加减分、奖励、约谈, as the office calls them
	for _, t := range b.tables {
		tables = append(tables, t.Label)
	}
	entries := strings.Join(tables, "、")
	lines := []string{
		"填写方法：白色格子填写，灰色格子不填（该单位不参与这一指标，或" + b.this + "不参加考核：免考、尚未开始或已不再参加）。表头和名称已锁定（工作表保护，没有密码）。",
		fmt.Sprintf("「%s」：每个指标一列，每个%s一行。第%d行“%s”为“是”的指标，每个白色格子都要填%s；为“否”的不填。", b.scoreSheet, b.unit, scoreMarks, b.this+scoredSuffix, b.scoreFill()),
		fmt.Sprintf("「%s」：每个指标一行。“%s”为“是”的指标列入%s通报，并填写%s。", b.resultSheet, b.this+reportedSuffix, b.this, b.resultFill()),
	}
	if b.owner == nil && b.hasLists {
		// A department's workbook has no sheet of the categories.
		lines = append(lines, fmt.Sprintf("「%s」：第1行写类别名称，其下列出该类的单位；列出时每个单位恰好列入一类。", b.listSheet))
	}
	if entries != "" {
		lines = append(lines, entries+"：按需逐行填写，空行不计。")
		entries = "（及其" + entries + "）"
	}
	lines = append(lines, b.numbersNote())
	if b.owner != nil {
		lines = append(lines, fmt.Sprintf("本工作簿只含%s负责的指标。填好后交回；汇总时运行 tongbao import %s 交回的工作簿.xlsx… --merge，只并入新填的格子，与已有的不同时逐个指出。", b.owner.Name, b.m.Key))
	} else {
		lines = append(lines, fmt.Sprintf("填好后运行：tongbao import %s 本文件.xlsx。有问题时逐格指出（如 %s!C7），什么也不写入；改正后再导入即可。", b.m.Key, b.scoreSheet))
		if b.s.Owned() { // no department owns anything to fill of an office without owners
			lines = append(lines, fmt.Sprintf("分发给各部门时：各部门只填本部门指标的一列%s和一行名次、进展%s，交回后运行 tongbao import %s 交回的工作簿.xlsx… --merge（可一次给多个），只并入新填的格子，与已有的不同时逐个指出。", b.scoreFill(), entries, b.m.Key))
		}
	}
	for i, l := range lines {
		b.set(sh, 1, 3+i, l, b.style.note)
		b.check(b.f.MergeCell(sh, cell(1, 3+i), cell(4, 3+i)))
		b.check(b.f.SetRowHeight(sh, 3+i, 30))
	}
	row := 4 + len(lines)
	for c, h := range []string{"工作表", "项目", "键（数据文件中）", "说明"} {
		b.set(sh, c+1, row, h, b.style.head)
	}
	add := func(sheet string, f *site.Field, key string) {
		row++
		b.set(sh, 1, row, sheet, b.style.label)
		b.set(sh, 2, row, b.label(f), b.style.label)
		b.set(sh, 3, row, key, b.style.label)
		b.set(sh, 4, row, b.help(f), b.style.label)
	}
	for _, f := range b.shownTop {
		add(b.overviewSheet, f, f.Key)
	}
	add(b.scoreSheet, b.scores, b.result.Key+"."+b.scores.Key)
	for _, f := range b.shown {
		add(b.resultSheet, f, b.result.Key+"."+f.Key)
	}
	if b.owner == nil && b.hasLists {
		add(b.listSheet, b.lists, b.lists.Key)
	}
	for _, t := range b.tables {
		for i := range t.Fields {
			add(t.Label, &t.Fields[i], t.Key+"."+t.Fields[i].Key)
		}
	}
	b.width(sh, 1, 14)
	b.width(sh, 2, 16)
	b.width(sh, 3, 22)
	b.width(sh, 4, 70)
	b.protect(sh)
}

// overview writes the month and the top-level values, a row each.
func (b *book) overview() {
	sh := b.overviewSheet
	for c, h := range []string{"项目", "填写", "说明"} {
		b.set(sh, c+1, 1, h, b.style.head)
	}
	b.set(sh, 1, 2, b.keyLabel, b.style.label)
	b.set(sh, 2, 2, b.m.Key, b.style.label)
	if b.keyLabel == "月份" {
		b.set(sh, 3, 2, "本工作簿所填的月份；导入时须与命令中的月份一致", b.style.label)
	} else {
		b.set(sh, 3, 2, fmt.Sprintf("本工作簿所填的一期（数据文件 data/%s.toml，以这一期的最后一个月命名）；导入时须与命令中的 %s 一致", b.m.Key, b.m.Key), b.style.label)
	}
	for i, f := range b.shownTop {
		row := 3 + i
		b.set(sh, 1, row, b.label(f), b.style.label)
		b.set(sh, 3, row, b.help(f), b.style.label)
		if b.owner != nil {
			// The month's own values (its period, the region's
			// composite rank) are the office's: a department sees them,
			// locked, as it sees another's row.
			b.input(sh, 2, row, topValue(b.m, f.Key), b.style.label)
			continue
		}
		b.input(sh, 2, row, topValue(b.m, f.Key), b.inputStyle(f))
		b.validate(sh, cell(2, row), f, nil)
	}
	b.width(sh, 1, 16)
	b.width(sh, 2, 16)
	b.width(sh, 3, 60)
	b.protect(sh)
}

// numbersNote tells what numbers the score sheet's cells take: a score
// integers or decimals, a count whose decimals are not written (Counted)
// whole numbers, for its fraction is warned of; and what is pointed out:
// 得分可填整数或小数，件数填整数；全角数字和首尾空格会自动纠正，“95%”“95分”
// “3件”之类会被指出。
func (b *book) numbersNote() string {
	var decimal, whole, marks []string
	add := func(list []string, s string) []string {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
		return list
	}
	for _, ind := range b.scored {
		if ind.Counted {
			whole = add(whole, ind.ValueName())
			marks = add(marks, "“3"+strings.TrimSpace(ind.ScoreUnit)+"”")
			continue
		}
		decimal = add(decimal, ind.ValueName())
		if !ind.IsCount() {
			marks = add(marks, "“95%”“95分”")
		}
	}
	var said []string
	if decimal != nil || whole == nil {
		said = append(said, cmp.Or(strings.Join(decimal, "和"), "得分")+"可填整数或小数")
	}
	if whole != nil {
		said = append(said, strings.Join(whole, "、")+"填整数")
	}
	if marks == nil {
		marks = []string{"“95%”“95分”"}
	}
	return strings.Join(said, "，") + "；全角数字和首尾空格会自动纠正，" + strings.Join(marks, "") + "之类会被指出。"
}

// scoreFill is what the scores sheet's white cells take, as its
// instructions say it: 得分, or with counts among the columns what those
// take, 得分（信访件数、群众投诉件数填件数）: a count is not a score.
func (b *book) scoreFill() string {
	var names, nouns []string
	for _, ind := range b.scored {
		if ind.IsCount() {
			names = append(names, ind.In(b.m.Key).Name)
			if !slices.Contains(nouns, ind.ValueName()) {
				nouns = append(nouns, ind.ValueName())
			}
		}
	}
	if names == nil {
		return "得分"
	}
	if len(names) == len(b.scored) {
		return strings.Join(nouns, "、")
	}
	return "得分（" + strings.Join(names, "、") + "填" + strings.Join(nouns, "、") + "）"
}

// scoreSheetOf writes the townships × indicators matrix.
func (b *book) scoreSheetOf(scored func(*site.Result) bool) {
	sh := b.scoreSheet
	b.set(sh, 1, scoreHead, b.unit, b.style.head)
	b.set(sh, 1, scoreIDs, "指标 id", b.style.label)
	b.set(sh, 1, scoreMarks, b.this+scoredSuffix, b.style.label)
	b.note(sh, 1, scoreMarks, "“是”："+b.this+"按"+b.unit+"评分，该列每个白色格子都要填；“否”："+b.this+"不评分，该列不填。")
	for i, u := range b.s.Townships {
		b.set(sh, 1, scoreFirst+i, u.Name, b.style.label)
	}
	last := scoreFirst + len(b.s.Townships) - 1
	for j, ind := range b.scored {
		col := scoreFirstC + j
		b.set(sh, col, scoreHead, ind.Name, b.style.head)
		set := ind.In(b.m.Key) // the month's own 考核办法
		b.note(sh, col, scoreHead, fmt.Sprintf("%s\n%s，按%d位小数比较名次%s。\n%s", ind.Name, lowHigh(ind, set), set.Decimals, boundNote(set), countHelp(ind, b.labelHelp(b.scores))))
		b.set(sh, col, scoreIDs, ind.ID, b.style.label)
		r := b.res[ind]
		mark := no
		if r != nil && scored(r) {
			mark = yes
		}
		b.set(sh, col, scoreMarks, mark, b.style.mark)
		values := map[*site.Unit]any{}
		if r != nil {
			for _, sc := range r.Scores {
				values[sc.Unit] = sc.Value
			}
			for _, e := range r.NotApplicable {
				values[e.Unit] = markText(notApplicableMark, e.Reason)
			}
			for _, e := range r.Unreported {
				values[e.Unit] = markText(unreportedMark, e.Reason)
			}
		}
		applies := map[*site.Unit]bool{}
		for _, u := range ind.Townships {
			applies[u] = u.AssessedIn(b.m.Key) // not before its from, after its until
		}
		input := b.scoreStyle(set.Decimals)
		for i, u := range b.s.Townships {
			style := b.style.na
			if applies[u] {
				style = input
			}
			var v any
			if x, ok := values[u]; ok {
				v = x
			}
			b.input(sh, col, scoreFirst+i, v, style)
		}
		b.width(sh, col, 11)
	}
	lastCol := scoreFirstC + len(b.scored) - 1
	if len(b.scored) > 0 {
		// A validation a run of columns of the same bounds, or none.
		for start := 0; start < len(b.scored); {
			end := start
			for end+1 < len(b.scored) && sameBounds(b.scored[end+1], b.scored[start], b.m.Key) {
				end++
			}
			b.validate(sh, cell(scoreFirstC+start, scoreFirst)+":"+cell(scoreFirstC+end, last), b.scores, b.scored[start])
			start = end + 1
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(scoreFirstC, scoreMarks) + ":" + cell(lastCol, scoreMarks))
		b.check(dv.SetDropList([]string{yes, no}))
		b.check(b.f.AddDataValidation(sh, dv))
	}
	b.check(b.f.SetRowVisible(sh, scoreIDs, false))
	b.check(b.f.SetRowHeight(sh, scoreHead, 64))
	b.width(sh, 1, 14)
	b.freeze(sh, scoreFirstC, scoreFirst)
	b.printTitles(sh, scoreMarks)
	b.protect(sh)
}

// resultFill says what a reported indicator's row is filled with: its
// ranks from above only where the sheet has their columns — a town with
// none was asked for 名次 it had nowhere to write.
func (b *book) resultFill() string {
	for _, f := range b.shown {
		if f.Kind == site.Rank {
			return "其名次和进展"
		}
	}
	return "其进展"
}

// resultSheetOf writes a row per indicator: whether the month reports it,
// and every field of its result but the scores.
func (b *book) resultSheetOf(scored func(*site.Result) bool) {
	sh := b.resultSheet
	heads := []string{"栏目", "指标", "指标 id", b.this + reportedSuffix}
	for c, h := range heads {
		b.set(sh, c+1, 1, h, b.style.head)
	}
	b.note(sh, resReported, 1, "“是”："+b.this+"通报列入该指标，并填写"+b.resultFill()+"；“否”或留空："+b.this+"不列入（"+b.this+scoredSuffix+"为“是”的指标总是列入）。")
	for i, f := range b.shown {
		b.set(sh, resFirst+i, 1, b.label(f), b.style.head)
		b.note(sh, resFirst+i, 1, b.labelHelp(f))
	}
	for i, ind := range b.rows {
		row := 2 + i
		b.set(sh, resSection, row, ind.Section, b.style.label)
		b.set(sh, resName, row, label(ind), b.style.label)
		b.set(sh, resID, row, ind.ID, b.style.label)
		r := b.res[ind]
		mark := no
		if r != nil {
			mark = yes
		}
		b.set(sh, resReported, row, mark, b.style.mark)
		lines := textLines(label(ind), nameWidth)
		for j, f := range b.shown {
			var v any
			if r != nil {
				v = resultValue(r, f.Key, b.s.Config)
			}
			b.input(sh, resFirst+j, row, v, b.inputStyle(f))
			if text, ok := v.(string); ok {
				lines = max(lines, textLines(text, columnWidth(f)))
			}
		}
		if lines > 1 {
			b.check(b.f.SetRowHeight(sh, row, 15*float64(lines)))
		}
	}
	last := 1 + len(b.rows)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell(resReported, 2) + ":" + cell(resReported, last))
	b.check(dv.SetDropList([]string{yes, no}))
	b.check(b.f.AddDataValidation(sh, dv))
	for j, f := range b.shown {
		b.validate(sh, cell(resFirst+j, 2)+":"+cell(resFirst+j, last), f, nil)
		b.width(sh, resFirst+j, columnWidth(f))
	}
	b.width(sh, resSection, 9)
	b.width(sh, resName, nameWidth)
	b.width(sh, resReported, 9)
	id, _ := excelize.ColumnNumberToName(resID)
	b.check(b.f.SetColVisible(sh, id, false))
	b.check(b.f.SetRowHeight(sh, 1, 32))
	b.freeze(sh, resReported, 2)
	b.printTitles(sh, 1)
	b.protect(sh)
}

// nameWidth is the width of the results sheet's column of indicators.
const nameWidth = 34

// columnWidth is the width of a result field's column: the progress text
// gets the room of a paragraph.
func columnWidth(f *site.Field) float64 {
	switch {
	case f.Key == "progress":
		return 60
	case f.Kind == site.Text:
		return 14
	}
	return 9
}

// textLines estimates how many lines text takes in a column of width
// characters, a Chinese character counting two: the height its row needs,
// which spreadsheets do not all work out by themselves.
func textLines(text string, width float64) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0
		for _, r := range para {
			w++
			if r >= 0x1100 {
				w++
			}
		}
		lines += max(1, int(math.Ceil(float64(w)/(width-2))))
	}
	return lines
}

// listSheetOf writes the categories: a column per category, its name on
// top and its units below, with room for more.
func (b *book) listSheetOf() {
	sh := b.listSheet
	cats := b.m.Categories
	cols := max(len(cats)+2, 5)
	rows := max(len(b.s.Departments), 10)
	b.set(sh, 1, 1, "类别名称", b.style.head)
	b.note(sh, 1, 1, b.labelHelp(b.lists))
	for i := 1; i <= rows; i++ {
		b.set(sh, 1, 1+i, i, b.style.label)
	}
	for c := 0; c < cols; c++ {
		var name any
		var units []*site.Unit
		if c < len(cats) {
			name, units = cats[c].Name, cats[c].Units
		}
		b.set(sh, 2+c, 1, name, b.style.headInput)
		for i := 0; i < rows; i++ {
			var v any
			if i < len(units) {
				v = units[i].Name
			}
			b.set(sh, 2+c, 2+i, v, b.style.input)
		}
		b.width(sh, 2+c, 26)
	}
	_, depts := b.listed()
	b.dropList(sh, cell(2, 2)+":"+cell(1+cols, 1+rows), namesDepartments, len(depts), b.lists.Label, "请从列表中选择单位")
	b.width(sh, 1, 9)
	b.freeze(sh, 2, 2)
	b.protect(sh)
}

// tableSheet writes an array of tables (adjustment, reward, interview): a
// row per entry, a column per field, with empty rows to add more.
func (b *book) tableSheet(t *site.Field) {
	sh := t.Label
	entries := tableValues(b.m, t.Key)
	rows := max(len(entries)+10, 20)
	for j := range t.Fields {
		f := &t.Fields[j]
		b.set(sh, 1+j, 1, b.label(f), b.style.head)
		b.note(sh, 1+j, 1, b.labelHelp(f))
		for i := 0; i < rows; i++ {
			var v any
			if i < len(entries) {
				v = entries[i][f.Key]
			}
			b.input(sh, 1+j, 2+i, v, b.inputStyle(f))
		}
		b.validate(sh, cell(1+j, 2)+":"+cell(1+j, 1+rows), f, nil)
		w := 12.0
		switch f.Kind {
		case site.Text:
			w = 30
		case site.UnitRef:
			w = 22
		}
		b.width(sh, 1+j, w)
	}
	b.freeze(sh, 1, 2)
	b.protect(sh)
}

// names writes the hidden sheet the drop-down lists read.
func (b *book) names() {
	sh := listsSheet
	b.set(sh, namesTownships, 1, b.unit, b.style.head)
	b.set(sh, namesDepartments, 1, "其他单位", b.style.head)
	b.set(sh, namesUnits, 1, "全部单位", b.style.head)
	towns, depts := b.listed()
	for i, u := range towns {
		b.set(sh, namesTownships, 2+i, u.Name, b.style.label)
		b.set(sh, namesUnits, 2+i, u.Name, b.style.label)
	}
	for i, u := range depts {
		b.set(sh, namesDepartments, 2+i, u.Name, b.style.label)
		b.set(sh, namesUnits, 2+len(towns)+i, u.Name, b.style.label)
	}
	b.protect(sh)
}

// listed are the units the drop-down lists offer: those assessed in the
// month, not one merged away before it (units.toml until) or set up after
// it (from), nor a township exempted from it — naming one is an error.
func (b *book) listed() (towns, depts []*site.Unit) {
	for _, u := range b.s.Townships {
		if u.AssessedIn(b.m.Key) {
			towns = append(towns, u)
		}
	}
	for _, u := range b.s.Departments {
		if u.AssessedIn(b.m.Key) {
			depts = append(depts, u)
		}
	}
	return towns, depts
}

// The hidden meta sheet: the scaffold's checksum; each indicator's
// scores in the order the month file wrote them, then its townships
// 不涉及 and 未报送 in theirs, when any is not the sheet's order (the
// order of a tie's members, DESIGN §5.1; of the notApplicable, of the
// unreported); and the
// values the workbook was sent out with, a cell a row (where, its text),
// from the row metaSentRow names. A copy returned to be merged
// (ImportScores) gives only what was typed into it: a value it still
// holds as sent is the file's, which may have changed since.
const (
	metaScaffoldRow = 1 // and, in column D, the department a workbook is for (ExportFor)
	metaOwnerCol    = 4
	metaSentRow     = 2 // the first row of the values sent out, in column B
	metaOrderRow    = 3 // ids; the townships in order below
)

func (b *book) meta(scaffold string) {
	sh := metaSheet
	b.set(sh, 1, metaScaffoldRow, "底稿", b.style.label)
	b.set(sh, 2, metaScaffoldRow, scaffold, b.style.label)
	if b.owner != nil {
		b.set(sh, 3, metaScaffoldRow, "责任单位", b.style.label)
		b.set(sh, metaOwnerCol, metaScaffoldRow, b.owner.Name, b.style.label)
	}
	b.set(sh, 1, metaOrderRow, "得分顺序", b.style.label)
	col := 2
	for _, ind := range b.scored {
		r := b.res[ind]
		if r == nil {
			continue
		}
		order := writtenOrder(r)
		scored, excluded := len(r.Scores), len(r.Scores)+len(r.NotApplicable)
		if inSheetOrder(order[:scored]) && inSheetOrder(order[scored:excluded]) && inSheetOrder(order[excluded:]) {
			continue
		}
		b.set(sh, col, metaOrderRow, ind.ID, b.style.label)
		for i, u := range order {
			b.set(sh, col, metaOrderRow+1+i, u.Name, b.style.label)
		}
		col++
	}
	if len(b.sent) > 0 {
		first := metaOrderRow + len(b.s.Townships) + 2 // below the orders
		b.set(sh, 1, metaSentRow, "发出时的值", b.style.label)
		b.set(sh, 2, metaSentRow, first, b.style.label)
		for i, c := range b.sent {
			b.set(sh, 1, first+i, c[0], b.style.label)
			b.set(sh, 2, first+i, c[1], b.style.label)
		}
	}
	b.protect(sh)
}

// writtenOrder are the townships of r as its month file writes them:
// those scored in the order of its table, then those 不涉及 in the
// order of its notApplicable, then those 未报送 in the order of its
// unreported, which orders them where the circular lists them (its
// appendix, data.json, data.csv; the unreported tied last).
func writtenOrder(r *site.Result) []*site.Unit {
	out := make([]*site.Unit, 0, len(r.Scores)+len(r.NotApplicable)+len(r.Unreported))
	for _, sc := range r.Scores {
		out = append(out, sc.Unit)
	}
	for _, e := range r.NotApplicable {
		out = append(out, e.Unit)
	}
	for _, e := range r.Unreported {
		out = append(out, e.Unit)
	}
	return out
}

// inSheetOrder reports whether units are in units.toml order, the order
// of the scores sheet's rows.
func inSheetOrder(units []*site.Unit) bool {
	return slices.IsSortedFunc(units, func(a, b *site.Unit) int { return cmp.Compare(a.Index, b.Index) })
}

// topValue is a top-level value of m as its cell shows it; nil for none.
func topValue(m *site.Month, key string) any {
	switch key {
	case "period":
		return m.Period
	case "overallCity":
		return rankCell(m.OverallCity)
	}
	panic("sheet: no value for month key " + key)
}

// resultValue is a value of r as its cell shows it; nil for none. A peer
// label and size that are the site's own are left out, as a month file
// leaves them out.
func resultValue(r *site.Result, key string, c site.Config) any {
	switch key {
	case "city":
		return rankCell(r.City)
	case "cityTie":
		return flagCell(r.CityTie)
	case "district":
		return rankCell(r.District)
	case "districtTie":
		return flagCell(r.DistrictTie)
	case "districtLabel":
		if r.DistrictLabel != c.Terms.Peer {
			return r.DistrictLabel
		}
		return nil
	case "districtUnits":
		if r.DistrictUnits != c.Ranking.DistrictUnits {
			return r.DistrictUnits
		}
		return nil
	case "progress":
		return r.Progress
	}
	panic("sheet: no value for result key " + key)
}

// tableValues are the entries of one array of tables of m, each a value
// by key.
func tableValues(m *site.Month, key string) []map[string]any {
	var out []map[string]any
	switch key {
	case "adjustment":
		for _, a := range m.Adjustments {
			out = append(out, map[string]any{"township": a.Unit.Name, "points": a.Points, "reason": a.Reason})
		}
	case "reward":
		for _, r := range m.Rewards {
			out = append(out, map[string]any{"unit": r.Unit.Name, "amount": r.Amount, "reason": r.Reason})
		}
	case "interview":
		for _, iv := range m.Interviews {
			out = append(out, map[string]any{"unit": iv.Unit.Name, "who": iv.Who, "kind": iv.Kind, "reason": iv.Reason})
		}
	case "waiver":
		for _, w := range m.Waivers {
			out = append(out, map[string]any{"unit": w.Unit.Name, "action": w.Action, "reason": w.Reason})
		}
	default:
		panic("sheet: no values for " + key)
	}
	return out
}

func rankCell(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func flagCell(b bool) any {
	if b {
		return yes
	}
	return nil
}

func parseKey(key string) (year, month int, ok bool) {
	if len(key) != 7 || key[4] != '-' {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(key[:4])
	month, err2 := strconv.Atoi(key[5:])
	return year, month, err1 == nil && err2 == nil && month >= 1 && month <= 12
}

func sha256Hex(b []byte) string {
	if b == nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
