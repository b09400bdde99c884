// Package sheet turns a month's data into a fill-in workbook and a filled
// workbook, or a CSV of scores, back into a month file.
//
// An assessment office collects scores in spreadsheets: the 责任单位 fill
// in a sheet of townships × indicators, someone adds the city ranks and the
// progress text. The workbook is laid out that way, and its layout is
// derived from the description of the month file (site.MonthFile): every
// field there is a column or a row here, headed by its label and explained
// by its help. Reading a workbook back makes the month file through the
// same description (site.Writer) and checks it with the loader's own rules
// (Site.ParseMonth), each problem reported at the cell it came from.
package sheet

import (
	"cmp"
	"fmt"
	"strings"
	"unicode/utf16"

	"tongbao/internal/site"
)

// The names of the sheets that are not a field of the format, but the
// overview (layout.overviewSheet), named by the period it is of.
const (
	readmeSheet = "说明"      // how to fill the workbook, every field's help
	listsSheet  = "名单"      // hidden: the names the drop-down lists offer
	metaSheet   = "tongbao" // hidden: what tongbao reads back besides the data
)

// Yes and no as the workbook writes a flag and the 本月通报/本月评分 marks.
const (
	yes = "是"
	no  = "否"
)

// A layout is the workbook of one site: which sheet and column holds each
// field of the month file.
type layout struct {
	s *site.Site
	// unit is what a ranked unit is called, [terms] unit: the heading of
	// the scores sheet's first column and, as Excel allows, the sheet's
	// name (乡镇（街道）得分; see sheetName).
	unit string
	// words puts the office's words and numbers in the fields' help
	// (see help).
	words *strings.Replacer

	top     []*site.Field // the overview sheet's rows: period, overallCity
	result  *site.Field   // the array of tables with one entry per indicator
	columns []*site.Field // the result fields shown as its sheet's columns
	scores  *site.Field   // the result field of township scores
	// notApplicable is the result field of the townships it does not
	// apply to in the month: no column of names, but 不涉及 written in
	// their cells of the scores sheet; unreported, of those that did not
	// report their value, 未报送 written there.
	notApplicable, unreported *site.Field
	lists                     *site.Field // categories
	// hasLists says the workbook has a sheet of the categories: not for
	// an office with no departments (a 督查室 ranking its townships), which
	// has nothing to sort into them and is not to be asked to.
	hasLists bool
	tables   []*site.Field // adjustment, reward, interview: a sheet each

	// shownTop and shown are the top rows and the result columns written:
	// those of the rankings from above the office has (site.Higher) left
	// out when it has none, not to be asked of it every month. A workbook
	// is read by all of top and columns, found by their headings, so that
	// one written before a month showed otherwise is still read whole.
	shownTop, shown []*site.Field

	// this is the period the workbook is of as it names it: 本 and the
	// office's word for one of its periods (site.PeriodKind.Each) — 本月,
	// 本季度 of an office whose files are quarters, 本期 of one whose
	// files are half years — as its pages say 上月, 上季度, 上期: the
	// overview sheet is this+概况 (overviewSheet), the marks this+评分
	// and this+通报. keyLabel heads the overview's row of the file's
	// key: 月份, or 期别代号 where 2024-06 names no month of the office's.
	// period puts this in the fields' help, written of months.
	this, keyLabel string
	period         *strings.Replacer

	overviewSheet, resultSheet, scoreSheet, listSheet string
	sheets                                            []string // every visible sheet, in workbook order
	// oldScoreSheet is what earlier versions of tongbao named the scores
	// sheet: the term cut at its first （, 乡镇得分 for 乡镇（街道）. A
	// workbook they wrote is read by it.
	oldScoreSheet string

	scored []*site.Indicator // the scores sheet's columns: every indicator ranked by township
}

// newLayout derives the workbook from site.MonthFile and the site's
// catalogue, for the month m (nil for a blank workbook, or one read):
// the ranks from above are those the office is given (site.Higher) and
// those m has.
func newLayout(s *site.Site, m *site.Month) *layout {
	l := &layout{s: s, unit: s.Config.Terms.Unit, words: s.Config.Words()}
	for i := range site.MonthFile.Fields {
		f := &site.MonthFile.Fields[i]
		switch {
		case f.Kind == site.Tables && keyField(f) != nil:
			l.result = f
			for j := range f.Fields {
				switch sub := &f.Fields[j]; sub.Kind {
				case site.IndicatorRef:
				case site.Scores:
					l.scores = sub
				case site.Noted:
					// Each a cell's word, 不涉及 and 未报送 (site.MarkReason),
					// not a column.
					switch sub.Key {
					case "notApplicable":
						l.notApplicable = sub
					case "unreported":
						l.unreported = sub
					}
				default:
					l.columns = append(l.columns, sub)
				}
			}
		case f.Kind == site.Tables:
			l.tables = append(l.tables, f)
		case f.Kind == site.Lists:
			l.lists = f
		default:
			l.top = append(l.top, f)
		}
	}
	if l.result == nil || l.scores == nil || l.notApplicable == nil || l.unreported == nil || l.lists == nil {
		panic("sheet: site.MonthFile has no results with scores, notApplicable and unreported, or no lists")
	}
	higher := s.Higher()
	if m != nil {
		higher = higher.Or(m.Higher())
	}
	for _, f := range l.top {
		if higher.Uses(f.Key) {
			l.shownTop = append(l.shownTop, f)
		}
	}
	for _, f := range l.columns {
		if higher.Uses(f.Key) {
			l.shown = append(l.shown, f)
		}
	}
	kind := s.Assesses()
	l.this, l.keyLabel = thisPeriod(kind), "月份"
	l.period = kind.Reword()
	if kind != site.Monthly {
		l.keyLabel = "期别代号"
	}
	short, _, _ := strings.Cut(l.unit, "（")
	l.overviewSheet = l.this + overviewSuffix
	l.resultSheet, l.scoreSheet, l.listSheet = l.result.Label, sheetName(l.unit, l.scores.Label), l.lists.Label
	l.oldScoreSheet = short + l.scores.Label
	l.sheets = []string{readmeSheet, l.overviewSheet, l.scoreSheet, l.resultSheet}
	if l.hasLists = len(s.Departments) > 0; l.hasLists {
		l.sheets = append(l.sheets, l.listSheet)
	}
	for _, t := range l.tables {
		l.sheets = append(l.sheets, t.Label)
	}
	for _, ind := range s.Indicators {
		// A derived score (扣分制, deduct) is reckoned from its counts'
		// columns: a column of its own would ask for it twice.
		if ind.Townships != nil && ind.Deduct == nil {
			l.scored = append(l.scored, ind)
		}
	}
	return l
}

// sheetName is the name of the sheet of term's suffix (县（市、区）得分):
// the whole term, full-width brackets and 、 as they are, for a term cut
// short would name 县 what is 县、市 and 区. Only what Excel refuses in a
// sheet's name is changed: each of []:*?/\ becomes its full-width form,
// an apostrophe it would start with goes, and the term is shortened to
// keep the name within 31 characters (UTF-16 units, as Excel counts).
func sheetName(term, suffix string) string {
	term = strings.TrimLeft(excelSafe.Replace(term), "'")
	limit := maxSheetName - utf16Len(suffix)
	var b strings.Builder
	n := 0
	for _, r := range term {
		if n += utf16Len(string(r)); n > limit {
			break
		}
		b.WriteRune(r)
	}
	return b.String() + suffix
}

// maxSheetName is how long Excel lets a sheet's name be, in UTF-16 units.
const maxSheetName = 31

// excelSafe replaces the characters Excel refuses in a sheet's name by
// their full-width forms.
var excelSafe = strings.NewReplacer("[", "［", "]", "］", ":", "：", "*", "＊", "?", "？", "/", "／", `\`, "＼")

// utf16Len is the length of s in UTF-16 units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// keyField is the field that names a table's indicator, when it has one:
// such an array of tables has one entry per indicator, a row each.
func keyField(f *site.Field) *site.Field {
	for i := range f.Fields {
		if f.Fields[i].Kind == site.IndicatorRef {
			return &f.Fields[i]
		}
	}
	return nil
}

// The results sheet's fixed columns, before one per field of l.shown.
const (
	resSection  = 1 // 栏目 ([terms] sections, as indicators.toml names it)
	resName     = 2 // 指标 (number and name)
	resID       = 3 // the indicator's id: hidden, what import reads
	resReported = 4 // 本月通报: 是 when the month has a result for it
	resFirst    = 5 // the first of l.shown
)

// The scores sheet's rows: the indicators' names, their ids (hidden),
// whether each is scored this month, then a row per township.
const (
	scoreHead   = 1
	scoreIDs    = 2
	scoreMarks  = 3
	scoreFirst  = 4
	scoreFirstC = 2 // the first indicator's column
)

// cell names a cell by column and row, both from 1: cell(3, 7) is "C7".
func cell(col, row int) string {
	name := ""
	for c := col; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row)
}

// at is a cell as diagnostics name it: 乡镇得分!C7.
func at(sheet string, col, row int) string { return sheet + "!" + cell(col, row) }

// label is the indicator as the workbook names it: its number and name,
// a child indented under its group.
func label(ind *site.Indicator) string { return labelNamed(ind, ind.Name) }

// labelNamed is label with the indicator called name.
func labelNamed(ind *site.Indicator, name string) string {
	if ind.Parent != nil {
		return "　" + ind.Number() + name
	}
	return ind.Number() + " " + name
}

// lowHigh tells how an indicator's values are ordered in a month (its
// setting then, site.Indicator.In), for its note: 得分越高排名越前, of a
// count 件数越少排名越前.
func lowHigh(ind *site.Indicator, set site.Setting) string {
	return ind.ValueName() + ind.Better(set.HigherBetter) + "排名越前"
}

// countHelp words the help on a count's column as a count's (件数：每个…
// 一个件数；件数相同的并列) where the field's says 得分; a score's is as
// written.
func countHelp(ind *site.Indicator, help string) string {
	if !ind.IsCount() {
		return help
	}
	noun := ind.ValueName()
	return strings.NewReplacer("同分", noun+"相同", "得分", noun).Replace(help)
}

// help is what to write in a field's cells: its Sheet in the office's
// words, else its Help.
func (l *layout) help(f *site.Field) string {
	return l.period.Replace(l.words.Replace(cmp.Or(f.Sheet, f.Help)))
}

// label is a field's heading: its SheetLabel in the office's words, else
// its Label.
func (l *layout) label(f *site.Field) string {
	if f.SheetLabel == "" {
		return f.Label
	}
	return l.words.Replace(f.SheetLabel)
}

// heads reports whether h is f's heading: its label, or the label the
// workbooks of tongbao before the office's words had.
func (l *layout) heads(h string, f *site.Field) bool { return h == l.label(f) || h == f.Label }

// labelHelp is a field's label and help, as a note.
func (l *layout) labelHelp(f *site.Field) string { return l.label(f) + "：" + l.help(f) }

// The overview sheet's name and the marks' after the period's word:
// 本月概况, 本月评分, 本月通报.
const (
	overviewSuffix = "概况"
	scoredSuffix   = "评分"
	reportedSuffix = "通报"
)

// thisPeriod is one period of kind as a workbook names the one it is of:
// 本月, 本季度, 本期 (layout.this).
func thisPeriod(kind site.PeriodKind) string { return "本" + kind.Each() }

// readKinds are the kinds of period whose words a workbook is read by,
// whatever the office's now: one written while its files were months
// (or by a tongbao that said 本月 to every office), or before a file
// made them otherwise, names its sheet and marks so.
var readKinds = []site.PeriodKind{site.Monthly, site.Quarterly, site.HalfYearly, site.Yearly}

// periodNamed reports whether name is a period's word followed by suffix
// (本月评分, 本季度评分, 本期评分) in any of readKinds.
func periodNamed(name, suffix string) bool {
	for _, k := range readKinds {
		if name == thisPeriod(k)+suffix {
			return true
		}
	}
	return false
}
