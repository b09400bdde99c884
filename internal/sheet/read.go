package sheet

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"tongbao/internal/diag"
	"tongbao/internal/site"
)

// A Month is a month file read from a workbook or a CSV.
type Month struct {
	TOML []byte // data/YYYY-MM.toml, checked by the loader's rules
	// Place names where the value at a TOML path of TOML was typed, as
	// its problems are named (某局.xlsx 乡镇（街道）得分!C7,
	// scores.csv:3:2), or "" (see site.Site.ParseMonth): the site's
	// checks of the month file, beyond the loader's of it alone, report
	// at the cells too.
	Place   func(path string) string
	Results int // [[result]]s written
	Scores  int // township scores written
	// Edits are what ImportScores read, for laying over the month file
	// that exists already (site.MergeMonth); empty from Import.
	Edits site.MonthEdits
	// Unread are the sheets ImportScores did not read that hold something
	// new (考核排类), for the message that says they were not merged.
	Unread []string
	// AsSent counts the cells ImportScores left out because they hold
	// what the workbook was sent out with.
	AsSent int
	// Warnings are of cells read all the same but worth a look, each at
	// its cell: scores held as text (textScores).
	Warnings diag.List
}

// Import reads month key ("2023-03") of s from a filled workbook (.xlsx)
// or a CSV of scores, whichever data is (name, the file's name as the
// user gave it, is used in messages and to tell them apart). Every
// problem is returned at once as a diag.List, each at the cell it is
// about, named with the file: 某局.xlsx 乡镇（街道）得分!C7 in a
// workbook, scores.csv:7:3 (line 7, third field) in a CSV — so that the
// problems of several files can be told apart.
func Import(s *site.Site, key, name string, data []byte) (*Month, error) {
	return importMonth(s, key, name, data, false, nil)
}

// ImportScores reads the scores of a CSV, or what was typed into a
// workbook's cells — the month's values, the results' (ranks, progress),
// the scores and the entries of adjustments, rewards and interviews — as
// Import does, to be merged into the month file that exists already
// (Month.Edits, site.MergeMonth): a workbook sent to each department
// comes back with its own indicators' cells filled. A cell left empty
// gives nothing, nor does one that holds what the workbook was sent out
// with (Month.AsSent), and an entry sent out and changed changes it; a
// column with no score in it gives nothing, whatever its 本月评分 row
// says, but a column with some scores must have them all. The categories
// are not read: Month.Unread names their sheet if it holds other than
// what current, the month as its file holds it now (nil if it cannot be
// read), would export — what the office sent out comes back.
func ImportScores(s *site.Site, key, name string, data []byte, current *site.Month) (*Month, error) {
	return importMonth(s, key, name, data, true, current)
}

// IsWorkbook reports whether the file name, whose bytes are data, is a
// workbook (.xlsx) rather than a CSV.
func IsWorkbook(name string, data []byte) bool {
	return strings.EqualFold(path.Ext(name), ".xlsx") || bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// Untouched reports whether month, a month file's bytes, is the scaffold
// `tongbao new` wrote beside the workbook book (Blank), as it was written:
// a file nobody has changed since, which importing the workbook may
// replace. It is false for any other workbook, and for a CSV. The
// workbook is read whether or not it would import.
func Untouched(book, month []byte) bool {
	f, err := openBook(book)
	if err != nil {
		return false
	}
	defer f.Close()
	sum, err := f.GetCellValue(metaSheet, cell(2, metaScaffoldRow), excelize.Options{RawCellValue: true})
	return err == nil && strings.TrimSpace(sum) != "" && strings.TrimSpace(sum) == sha256Hex(month)
}

func importMonth(s *site.Site, key, name string, data []byte, merging bool, current *site.Month) (*Month, error) {
	year, month, ok := parseKey(key)
	if !ok {
		return nil, fmt.Errorf("月份“%s”格式不对，应为 YYYY-MM", key)
	}
	r := &reader{layout: newLayout(s, nil), key: key, year: year, month: month, merging: merging, current: current,
		name: name, source: path.Base(strings.ReplaceAll(name, `\`, "/")), rank: map[string][3]int{}, covered: map[string]bool{}}
	ext := strings.ToLower(path.Ext(r.source))
	switch {
	case ext == ".xls" || ext == ".et":
		return nil, fmt.Errorf("%s：不支持旧的 %s 格式，请在 Excel 或 WPS 中另存为 .xlsx 工作簿或 CSV", r.name, ext)
	case IsWorkbook(r.source, data):
		if err := r.workbook(data); err != nil {
			return nil, err
		}
	default:
		r.csv(data)
	}
	m, err := r.finish()
	if err != nil || !r.merging {
		return m, err
	}
	m.Unread = r.unread
	from := r.located
	// A cell that holds what the workbook was sent out with was not typed
	// by whoever returns it: the file's value stands, even if the office
	// changed it since.
	typedHere := func(v value) bool {
		if r.asSent(v) {
			m.AsSent++
			return false
		}
		return true
	}
	value := func(ind *site.Indicator, fv fieldValue) {
		if !typedHere(fv.v) {
			return
		}
		if v, _ := typed(fv.f, fv.v.text); v != nil { // read without a problem by finish
			m.Edits.Values = append(m.Edits.Values, site.ValueEdit{Indicator: ind, Field: fv.f, Value: v, From: from(fv.v.at)})
		}
	}
	for _, fv := range r.top {
		value(nil, fv)
	}
	for _, rd := range r.results {
		for _, fv := range rd.fields {
			value(rd.ind, fv)
		}
		if !rd.scored {
			continue
		}
		for _, sv := range rd.scores {
			if !typedHere(sv.v) {
				continue
			}
			v, _ := cellNumber(sv.v.text)
			m.Edits.Scores = append(m.Edits.Scores, site.ScoreEdit{Indicator: rd.ind, Unit: sv.unit, Value: decimal(v, rd.ind.In(r.key).Decimals), From: from(sv.v.at)})
		}
		for _, e := range rd.excluded {
			if typedHere(e.v) {
				m.Edits.Excluded = append(m.Edits.Excluded, site.ExclusionEdit{Indicator: rd.ind, Unit: e.unit, Reason: e.reason, From: from(e.v.at)})
			}
		}
		for _, e := range rd.unreported {
			if typedHere(e.v) {
				m.Edits.Unreported = append(m.Edits.Unreported, site.ExclusionEdit{Indicator: rd.ind, Unit: e.unit, Reason: e.reason, From: from(e.v.at)})
			}
		}
	}
	// An entry of a table is added, unless it is one sent out: that one,
	// changed, changes the file's entry it was (RowEdit.Was).
	for _, t := range r.tables {
		for _, row := range r.rows[t.Key] {
			if !slices.ContainsFunc(row.fields, func(fv fieldValue) bool { return !r.asSent(fv.v) }) {
				m.AsSent += len(row.fields)
				continue
			}
			e := site.RowEdit{Table: t, From: from(row.at)}
			for _, fv := range row.fields {
				if v, _ := typed(fv.f, fv.v.text); v != nil {
					e.Values = append(e.Values, site.ValueEdit{Field: fv.f, Value: v, From: from(fv.v.at)})
				}
			}
			for i := range t.Fields {
				f := &t.Fields[i]
				if sent, ok := r.sent[row.places[f]]; ok {
					if v, _ := typed(f, sent); v != nil {
						e.Was = append(e.Was, site.ValueEdit{Field: f, Value: v, From: from(row.places[f])})
					}
				}
			}
			m.Edits.Rows = append(m.Edits.Rows, e)
		}
	}
	return m, nil
}

// A reader reads one workbook or CSV into a draft of the month.
type reader struct {
	*layout
	key         string
	year, month int
	name        string // the file's name as the user gave it: what its problems are named by
	source      string // its base name, which the month file records

	top     []fieldValue
	results []*resultDraft
	named   []listDraft           // the lists of the Lists field: categories
	rows    map[string][]rowDraft // by the table's key
	order   map[string][]string   // an indicator's townships in the order the month file had them (meta sheet)

	fromCSV  bool              // a CSV of scores, not a workbook
	merging  bool              // what was typed, to merge into a month file (ImportScores)
	owner    string            // the department a workbook was written for (ExportFor), "" for the office
	current  *site.Month       // the month file a merge goes into, as it is
	sent     map[string]string // the values the workbook was sent out with, by cell (meta sheet)
	unread   []string          // sheets a merge does not read that hold something new
	problems diag.List
	// texts are the scores read from cells that hold them as text.
	texts   []scoreValue
	rank    map[string][3]int // a place's sort key: sheet, row, column
	covered map[string]bool   // places whose cells' problems are reported one by one
}

// A value is the text of one cell and where it is.
type value struct {
	text  string
	at    string
	shown shown // how a workbook shows it, if otherwise than as text holds it
}

func (v value) empty() bool { return strings.TrimFunc(v.text, unicode.IsSpace) == "" }

type fieldValue struct {
	f *site.Field
	v value
}

type resultDraft struct {
	ind      *site.Indicator
	at       string // the indicator's row
	fields   []fieldValue
	scored   bool
	scoresAt string // the indicator's column of scores
	scores   []scoreValue
	// excluded are the townships whose cell says 不涉及: the result's
	// notApplicable, each with the reason the cell gives; unreported
	// those whose cell says 未报送, its unreported.
	excluded, unreported []excludedValue
}

type excludedValue struct {
	unit   *site.Unit
	v      value
	reason string
}

type scoreValue struct {
	unit *site.Unit
	v    value
	ind  *site.Indicator // of texts
}

type listDraft struct {
	name    value
	entries []value
}

type rowDraft struct {
	at     string
	fields []fieldValue
	places map[*site.Field]string // each field's cell, filled or not
	// missing are the keys of the required fields the row leaves empty,
	// which the reader reports at their cells in the workbook's words;
	// the loader's own report of each (in the month file's keys) is
	// dropped (see missingPlace).
	missing []string
}

// place names a cell of a sheet, remembering how it sorts.
func (r *reader) place(sheet string, col, row int) string {
	p := at(sheet, col, row)
	r.rank[p] = [3]int{slices.Index(r.sheets, sheet) + 1, row, col}
	return p
}

func (r *reader) problem(at, format string, args ...any) {
	r.problems.Add(at, 0, 0, format, args...)
}

// A grid is one sheet's text, row by row, with where each cell is.
type grid struct {
	rows  [][]string
	place func(col, row int) string // col and row from 1
	shown map[[2]int]shown          // the cells a workbook shows otherwise than as held (formats.kinds)
}

func (g grid) get(col, row int) value {
	v := value{at: g.place(col, row), shown: g.shown[[2]int{col, row}]}
	if row >= 1 && row <= len(g.rows) && col >= 1 && col <= len(g.rows[row-1]) {
		v.text = g.rows[row-1][col-1]
	}
	return v
}

// oleMagic opens a file of the compound format of Excel 97-2003 (.xls)
// and of WPS's .et.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptedPackage is the name, in the UTF-16 a compound file writes
// names in, of the stream that holds an encrypted .xlsx in one.
var encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// Bounds on what a workbook may unpack to and hold. A file of 50 KB can
// describe sheets of millions of cells (one in the last column, XFD, on
// each of thousands of rows), which read whole took gigabytes; staff's
// workbooks are tens of rows of tens of columns, their units by their
// indicators.
const (
	maxUnzipped   = 256 << 20
	maxSheetRows  = 10_000
	maxSheetCols  = 1_000
	maxSheetCells = 1_000_000
)

// openBook opens a workbook staff give, within maxUnzipped.
func openBook(data []byte) (*excelize.File, error) {
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
}

// sheetRows reads sheet name of f as excelize's GetRows does (each row to
// its last cell, empty rows between kept, none after the last), within
// the bounds above: past them it says where the sheet's used range
// ends, which is most often a cell typed into by mistake far from the
// table.
func sheetRows(f *excelize.File, name string) ([][]string, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	cur, last, cells := 0, 0, 0
	for rows.Next() {
		cur++
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			// The rows after it would be lost, and what they hold
			// missing from the month without a word.
			return nil, unreadable(name, fmt.Sprintf("读到第 %d 行时", cur), err)
		}
		if len(row) == 0 {
			continue
		}
		cells += len(row)
		col, _ := excelize.ColumnNumberToName(len(row))
		switch {
		case len(row) > maxSheetCols:
			return nil, fmt.Errorf("工作表“%s”第 %d 行写到了第 %s 列，超出了 tongbao 读取的 %d 列：多半是远处的某个格子误填了内容（在 Excel 或 WPS 中按 Ctrl+End 可以找到），删去多余的行和列后再导入", name, cur, col, maxSheetCols)
		case cur > maxSheetRows:
			return nil, fmt.Errorf("工作表“%s”写到了第 %d 行，超出了 tongbao 读取的 %d 行：多半是远处的某个格子误填了内容（在 Excel 或 WPS 中按 Ctrl+End 可以找到），删去多余的行和列后再导入", name, cur, maxSheetRows)
		case cells > maxSheetCells:
			return nil, fmt.Errorf("工作表“%s”的格子超过 %d 个，超出了 tongbao 读取的范围；删去多余的行和列后再导入", name, maxSheetCells)
		}
		for ; last < cur-1; last++ {
			out = append(out, nil)
		}
		out = append(out, row)
		last = cur
	}
	if err := rows.Error(); err != nil {
		where := fmt.Sprintf("读完第 %d 行后", cur)
		if cur == 0 {
			where = "读第一行时"
		}
		return nil, unreadable(name, where, err)
	}
	return out, nil
}

// unreadable says that sheet name could not be read on from where: a
// row of it, or the next (excelize reads on into it to end a row).
func unreadable(name, where string, err error) error {
	return fmt.Errorf("工作表“%s”%s出错（%v），其后的内容都没有读到：工作簿可能已损坏，请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入", name, where, err)
}

func (r *reader) workbook(data []byte) error {
	f, err := openBook(data)
	switch {
	case err == nil:
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, encryptedPackage):
		// A workbook with a password to open is kept in the same
		// compound file as an .xls: not one, and saving it as one
		// would not help.
		return fmt.Errorf("%s：工作簿设置了打开密码（已加密），tongbao 无法读取；请在 Excel 或 WPS 中打开它，取消密码后另存为 .xlsx 工作簿或 CSV", r.name)
	case bytes.HasPrefix(data, oleMagic):
		// An .xls (or a WPS .et) renamed: Excel opens it whatever its
		// name says, so staff do not see why tongbao cannot.
		return fmt.Errorf("%s：这是旧的 .xls 格式（Excel 97-2003），只是名字改成了 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx 工作簿或 CSV", r.name)
	case errors.Is(err, zip.ErrFormat):
		return fmt.Errorf("%s：不是 .xlsx 工作簿（文件已损坏，或是别的文件改了名字）；请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿或 CSV", r.name)
	default:
		return fmt.Errorf("%s：无法读取工作簿（%v）；请确认是 .xlsx 文件", r.name, err)
	}
	defer f.Close()
	fm, err := readFormats(data)
	if err != nil {
		return fmt.Errorf("%s：无法读取工作簿中单元格的格式（%v）；请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入", r.name, err)
	}
	r.oldNames(f)
	sheets := map[string]grid{}
	var missing []string
	for _, name := range append(r.sheets[1:], metaSheet) {
		rows, err := sheetRows(f, name)
		if err != nil && !errors.As(err, new(excelize.ErrSheetNotExist)) {
			return fmt.Errorf("%s：%v", r.name, err)
		}
		if err != nil {
			// A merge never reads the categories, which a department's
			// workbook (ExportFor) has no sheet of.
			if name != metaSheet && !(r.merging && name == r.listSheet) {
				missing = append(missing, "“"+name+"”")
			}
			continue
		}
		var shown map[[2]int]shown
		if name != metaSheet && name != r.listSheet { // names only, no values
			if shown, err = fm.kinds(name, rows); err != nil {
				return fmt.Errorf("%s：无法读取工作表“%s”中单元格的格式（%v）；请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入", r.name, name, err)
			}
		}
		sheets[name] = grid{rows: rows, place: func(col, row int) string { return r.place(name, col, row) }, shown: shown}
	}
	if m, ok := sheets[metaSheet]; ok {
		r.meta(m)
	}
	if r.owner != "" && !r.merging {
		return fmt.Errorf("%s 是发给%s的工作簿，只含其负责的指标：请加 --merge，把它并入本月的数据文件", r.name, r.owner)
	}
	if len(missing) > 0 {
		return diag.List{{File: r.name, Msg: fmt.Sprintf("工作簿缺少工作表%s：请用 tongbao new --xlsx 或 tongbao export 生成的工作簿填写", strings.Join(missing, "、"))}}
	}
	if !r.overview(sheets[r.overviewSheet]) {
		// Another month's workbook: its cells are not this month's to
		// check (they would bury the one problem under a hundred).
		return r.sorted()
	}
	r.scoreMatrix(sheets[r.scoreSheet])
	r.resultRows(sheets[r.resultSheet])
	r.rows = map[string][]rowDraft{}
	for _, t := range r.tables {
		r.tableRows(t, sheets[t.Label])
	}
	if !r.hasLists {
		return nil
	}
	if r.merging {
		// The categories are the office's: a copy's lists are no values
		// that fill a cell or conflict with one. Said, unless the copy
		// holds what was sent out.
		name := r.listSheet
		if rows := trimRows(sheets[name].rows); len(rows) > 1 {
			if sent := r.exported(name); sent == nil || !slices.EqualFunc(rows, sent, slices.Equal) {
				r.unread = append(r.unread, name)
			}
		}
		return nil
	}
	r.listColumns(sheets[r.listSheet])
	return nil
}

// oldNames reads the scores sheet of a workbook an earlier tongbao wrote
// by the name it gave it (layout.oldScoreSheet), and the overview by the
// period's word it was written with (本月概况 of every workbook before
// the office's files were quarters or half years, or before tongbao
// named it by them), when f has no sheet of today's name but one of
// that: its cells are named by it, as the workbook shows them and its
// meta sheet records them.
func (r *reader) oldNames(f *excelize.File) {
	has := func(name string) bool { i, _ := f.GetSheetIndex(name); return i >= 0 }
	rename := func(now *string, old string) {
		r.sheets = slices.Clone(r.sheets)
		r.sheets[slices.Index(r.sheets, *now)] = old
		*now = old
	}
	if !has(r.scoreSheet) && r.oldScoreSheet != r.scoreSheet && has(r.oldScoreSheet) {
		rename(&r.scoreSheet, r.oldScoreSheet)
	}
	if !has(r.overviewSheet) {
		for _, k := range readKinds {
			if old := thisPeriod(k) + overviewSuffix; has(old) {
				rename(&r.overviewSheet, old)
				break
			}
		}
	}
}

// exported are the rows of the sheet name in the workbook of the month
// a merge goes into, as its file holds it now: nil if there is none.
func (r *reader) exported(name string) [][]string {
	if r.current == nil {
		return nil
	}
	data, err := Export(r.s, r.current)
	if err != nil {
		return nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	defer f.Close()
	rows, _ := f.GetRows(name, excelize.Options{RawCellValue: true})
	return trimRows(rows)
}

// asSent reports whether the cell v holds what the workbook was sent out
// with there.
func (r *reader) asSent(v value) bool {
	sent, ok := r.sent[v.at]
	return ok && sameCell(sent, v.text)
}

// sameCell reports whether a cell's text b says what a holds: the same
// text, or the same number (a spreadsheet may write 98.4 again as
// 98.400000000000006).
func sameCell(a, b string) bool {
	a, b = strings.TrimFunc(a, unicode.IsSpace), strings.TrimFunc(b, unicode.IsSpace)
	if a == b {
		return true
	}
	x, errA := site.ParseScore(a)
	y, errB := site.ParseScore(b)
	return errA == nil && errB == nil && math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x))
}

// trimRows is rows without the spaces around each cell's text and the
// empty cells and rows at their ends: what a sheet says.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, cells := range rows {
		row := make([]string, len(cells))
		for j, c := range cells {
			row[j] = strings.TrimFunc(c, unicode.IsSpace)
		}
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		out[i] = row
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

func (r *reader) meta(g grid) {
	r.owner = strings.TrimSpace(g.get(metaOwnerCol, metaScaffoldRow).text)
	r.sent = map[string]string{}
	if first, err := strconv.Atoi(strings.TrimSpace(g.get(2, metaSentRow).text)); err == nil && first > metaOrderRow {
		for row := first; row <= len(g.rows); row++ {
			if p := g.get(1, row).text; p != "" {
				r.sent[p] = g.get(2, row).text
			}
		}
	}
	r.order = map[string][]string{}
	for col := 2; ; col++ {
		id := g.get(col, metaOrderRow).text
		if id == "" {
			return
		}
		for row := metaOrderRow + 1; ; row++ {
			name := g.get(col, row).text
			if name == "" {
				break
			}
			r.order[id] = append(r.order[id], name)
		}
	}
}

// overview reads the month and the top-level values, each on the row its
// label heads. It reports false, and reads nothing, if the workbook says
// it is another month's.
func (r *reader) overview(g grid) bool {
	rows := map[string]int{}
	for row := 1; row <= len(g.rows); row++ {
		rows[strings.TrimSpace(g.get(1, row).text)] = row
	}
	row, ok := rows["月份"]
	if !ok {
		row, ok = rows["期别代号"] // of an office whose files are quarters or half years
	}
	if ok {
		if v := g.get(2, row); strings.TrimSpace(v.text) != r.key {
			r.problem(v.at, "本工作簿是 %s 的，不是 %s 的：请核对命令中的月份，或换用该月的工作簿", strings.TrimSpace(v.text), r.key)
			return false
		}
	}
	for _, f := range r.layout.top {
		row, ok := rows[r.label(f)]
		if !ok {
			row, ok = rows[f.Label] // a workbook of an older tongbao
		}
		if ok {
			if v := g.get(2, row); !v.empty() {
				r.top = append(r.top, fieldValue{f, v})
			}
		}
	}
	return true
}

// scoreMatrix reads the townships × indicators scores: a heading row of
// indicator names (or ids), then optionally a row of ids and one of
// 本月评分 marks, then a row per township, named in the first column. The
// workbook's sheet and a CSV are both read here.
func (r *reader) scoreMatrix(g grid) {
	idRow, markRow := 0, 0
	type unitRow struct {
		row  int
		unit *site.Unit
	}
	var units []unitRow
	seen := map[*site.Unit]string{} // where each township's row is
	unknown := 0                    // rows of a name that is no township's
	type unknownRow struct {
		at   string
		name string
		err  error
	}
	var misnamed []unknownRow // told once every row is read: which townships have none
	for row := 2; row <= len(g.rows); row++ {
		v := g.get(1, row)
		name, err := site.CleanName(v.text)
		switch {
		case name == "指标 id" || strings.EqualFold(name, "id"):
			idRow = row
			continue
		case periodNamed(name, scoredSuffix): // 本月评分, or 本季度评分 or 本期评分
			markRow = row
			continue
		case name == "":
			if slices.ContainsFunc(g.rows[row-1], func(s string) bool { return strings.TrimSpace(s) != "" }) {
				r.problem(v.at, "这一行有%s，却没有%s名称", site.ValuesName(r.scored), r.unit)
			}
			continue
		}
		if err != nil {
			r.problem(v.at, "%v", err) // and read on, as the name without them
		}
		u, err := r.s.Township(name)
		if err != nil {
			misnamed = append(misnamed, unknownRow{v.at, name, err})
			unknown++
			continue
		}
		if first, dup := seen[u]; dup {
			r.problem(v.at, "“%s”重复（%s 已有）", u.Name, first)
			continue
		}
		seen[u] = v.at
		if u.ExemptIn(r.key) {
			// Exempt from the month (免考): its row, if it has one, is
			// left empty. Scores typed in it are one problem, at its
			// name, not one each.
			typed := 0
			for col := 2; col <= len(g.rows[row-1]); col++ {
				if !g.get(col, row).empty() {
					typed++
				}
			}
			if typed > 0 {
				noun := site.ValuesName(r.scored)
				r.problem(v.at, "“%s”%s 免于考核（免考，units.toml 的 exempt），这一行的 %d 个%s不予采用：请删去这些%s", u.Name, r.key, typed, noun, noun)
			}
			continue
		}
		units = append(units, unitRow{row, u})
	}
	// The marks are told by the name the sheet gives them, which an
	// older workbook's may not share with this one's (本月评分).
	markName := r.this + scoredSuffix
	if markRow > 0 {
		markName = strings.TrimSpace(g.get(1, markRow).text)
	}
	var absent []*site.Unit
	for _, u := range r.s.Townships {
		if _, ok := seen[u]; !ok && u.AssessedIn(r.key) {
			absent = append(absent, u)
		}
	}
	for _, m := range misnamed {
		r.problem(m.at, "%v", r.s.Misnamed(m.name, m.err, absent, len(misnamed) == 1))
	}
	width := 0
	for _, cells := range g.rows {
		width = max(width, len(cells))
	}
	cols := map[*site.Indicator]string{}
	needed := map[*site.Unit]bool{} // townships a scored column asks for
	// blanks are the empty cells of scored columns, told at the end:
	// a row left empty in every column (the township's data did not come
	// in) is one problem, at its name (unscoredRow).
	type blank struct {
		u      unitRow
		at     string
		ind    string
		noun   string // what the column takes: 得分, 件数 (site.Indicator.ValueName)
		others bool   // the column has scores of other townships
	}
	var blanks []blank
	scoredUnits := map[*site.Unit]bool{}
	for col := 2; col <= width; col++ {
		head := g.get(col, scoreHead)
		key := strings.TrimSpace(head.text)
		if idRow > 0 && strings.TrimSpace(g.get(col, idRow).text) != "" {
			key = strings.TrimSpace(g.get(col, idRow).text)
		}
		var filled []value
		for _, u := range units {
			if v := g.get(col, u.row); !v.empty() {
				filled = append(filled, v)
			}
		}
		if key == "" {
			if len(filled) > 0 {
				r.problem(head.at, "这一列有%s，却没有指标名称", site.ValuesName(r.scored))
			}
			continue
		}
		ind := r.indicator(key)
		if ind == nil {
			r.problem(head.at, "“%s”不是指标的名称或 id%s", site.Visible(key), r.indicatorHint(key))
			continue
		}
		if first, dup := cols[ind]; dup {
			r.problem(head.at, "指标“%s”的%s列重复（%s 已有）", ind.Name, ind.ValueName(), first)
			continue
		}
		cols[ind] = head.at
		if r.merging && len(filled) == 0 {
			continue // not given: the file keeps what it has
		}
		mark := value{at: head.at}
		if markRow > 0 {
			mark = g.get(col, markRow)
		}
		var scored bool
		switch m := strings.TrimSpace(mark.text); m {
		case yes:
			scored = true
		case no:
			for _, v := range filled {
				r.problem(v.at, "“%s”为“否”，此格不应填写；%s要评分请把 %s 改为“是”", markName, r.this, mark.at)
			}
			continue
		case "":
			scored = len(filled) > 0
		default:
			r.problem(mark.at, "“%s”应为“是”或“否”，而不是“%s”", markName, site.Visible(m))
			continue
		}
		if !scored {
			continue
		}
		rd := r.resultFor(ind)
		rd.scored, rd.scoresAt = true, head.at
		applies := map[*site.Unit]bool{}
		for _, u := range ind.Townships {
			if u.AssessedIn(r.key) {
				applies[u] = true
				needed[u] = true
			}
		}
		for _, u := range units {
			v := g.get(col, u.row)
			if v.empty() {
				if applies[u.unit] && v.shown == uncalculated {
					r.problem(v.at, "此格是公式，但文件中没有它的计算结果（%s，%s）：文件由其他程序生成，或 Excel 设为手动计算时会这样；请在 Excel 或 WPS 中打开，重新计算（F9）后保存，再导入", u.unit.Name, ind.Name)
					r.covered[head.at] = true
				} else if applies[u.unit] {
					blanks = append(blanks, blank{u, v.at, ind.Name, ind.ValueName(), len(filled) > 0})
					r.covered[head.at] = true
				}
				continue
			}
			if mark, other := strayMark(v.text); mark != "" {
				r.strayMark(v, mark, other, u.unit, ind)
				r.covered[head.at] = true // not told again as a score missing
				continue
			}
			if reason, ok := notApplicableCell(v.text); ok {
				rd.excluded = append(rd.excluded, excludedValue{u.unit, v, reason})
				continue
			}
			if reason, ok := unreportedCell(v.text); ok {
				rd.unreported = append(rd.unreported, excludedValue{u.unit, v, reason})
				continue
			}
			if dashCell(v.text) {
				r.problem(v.at, "“%s”不是%s（%s，%s）：%s不涉及这项工作的，填“%s”；逾期未报送的，填“%s”；%s还没有的，留空", site.Visible(strings.TrimSpace(v.text)), ind.ValueName(), u.unit.Name, ind.Name, r.this, notApplicableMark, unreportedMark, ind.ValueName())
				r.covered[head.at] = true // not told again as a score missing
				continue
			}
			scoredUnits[u.unit] = true
			rd.scores = append(rd.scores, scoreValue{unit: u.unit, v: v})
			if v.shown == numberAsText {
				r.texts = append(r.texts, scoreValue{u.unit, v, ind})
			}
		}
		for u := range applies {
			if _, ok := seen[u]; !ok {
				// Its row is missing, or its name misspelt: said once,
				// below, not again for every column as a score missing.
				r.covered[head.at] = true
			}
		}
		r.reorder(rd)
	}
	// A row empty in two scored columns or more, every one of which
	// others filled, and with no score anywhere: one problem, at its
	// name, saying how a month the township is not assessed in is
	// written — five 未填写得分 in a row did not.
	empty := map[*site.Unit]int{}
	partly := map[*site.Unit]bool{} // told cell by cell
	for _, b := range blanks {
		empty[b.u.unit]++
		if !b.others || scoredUnits[b.u.unit] {
			partly[b.u.unit] = true
		}
	}
	told := map[*site.Unit]bool{}
	for _, b := range blanks {
		switch n := empty[b.u.unit]; {
		case n < 2 || partly[b.u.unit]:
			// What to do, in the workbook's words: the loader's 缺少 says
			// notApplicable and unreported, which the cell writes 不涉及
			// and 未报送 (site.MarkReason).
			r.problem(b.at, "未填写%s（%s，%s）：请填上；%s这项工作不涉及它的，填“%s”，逾期未报送的，填“%s”，要写明原因的填“%s（原因）”或“%s（原因）”", b.noun, b.u.unit.Name, b.ind, r.this, notApplicableMark, unreportedMark, notApplicableMark, unreportedMark)
		case !told[b.u.unit]:
			told[b.u.unit] = true
			r.problem(g.get(1, b.u.row).at, "“%s”这一行没有填写任何"+site.ValuesName(r.scored)+"（%d 项指标）：请填上；它这个月不参加考核（免于考核、数据报送不全等）的，在 data/units.toml 中它的 [[township]] 写 exempt = [\"%s\"]，这一行就不必填写", b.u.unit.Name, n, r.key)
		}
	}
	var missing []*site.Unit
	for _, u := range r.s.Townships {
		if _, ok := seen[u]; !ok && needed[u] {
			missing = append(missing, u)
		}
	}
	// A row whose name is misspelt is reported with the name; saying the
	// township it was meant for has no row would say it again. Only
	// rows more than the misspelt ones can be are missing for certain.
	if len(missing) <= unknown {
		return
	}
	for _, u := range missing {
		r.problem(g.get(1, scoreHead).at, "缺少“%s”这一行（第一列为%s名称）", u.Name, r.unit)
	}
}

// strayMark reports v, the cell of u's score of ind, which holds mark
// (不涉及, 未报送) with something else (strayMark): with a score, or a
// reason not in brackets, saying how each is written; with other, the
// other mark, in its reason, saying that a township is one or the other.
func (r *reader) strayMark(v value, mark, other string, u *site.Unit, ind *site.Indicator) {
	text := site.Visible(strings.TrimSpace(v.text))
	if other != "" {
		r.problem(v.at, "“%s”说它既%s又%s（%s，%s），只能是其一：%s这项工作不涉及它的，填“%s”；逾期未报送的，填“%s”", text, notApplicableMark, unreportedMark, u.Name, ind.Name, r.this, notApplicableMark, unreportedMark)
		return
	}
	noun := ind.ValueName()
	who, not := "逾期未报送的", "已报送的"
	if mark == notApplicableMark {
		who, not = r.this+"这项工作不涉及它的", "涉及的"
	}
	r.problem(v.at, "“%s”不是%s，也不是“%s”（%s，%s）：%s只填“%s”，要写明原因的填“%s（原因）”；%s只填%s", text, noun, mark, u.Name, ind.Name, who, mark, mark, not, noun)
}

// indicatorHint helps with key, which names no indicator: the name of
// one the scores sheet may have a column of that is near enough to be
// what was meant (site.Suggest), or the one name that holds key or that
// key holds (规模工业 for 规模工业增加值); else every such name.
func (r *reader) indicatorHint(key string) string {
	names := make([]string, len(r.scored))
	var holding []string
	for i, ind := range r.scored {
		names[i] = ind.Name
		if strings.Contains(ind.Name, key) || strings.Contains(key, ind.Name) {
			holding = append(holding, ind.Name)
		}
	}
	if hint := site.Suggest(key, names); hint != "" {
		return hint
	}
	if len(holding) == 1 {
		return fmt.Sprintf("，是否为“%s”？", holding[0])
	}
	return "：应为以下之一：" + strings.Join(names, "、")
}

// indicator finds an indicator by id or by name.
func (r *reader) indicator(key string) *site.Indicator {
	if ind := r.s.Indicator(key); ind != nil {
		return ind
	}
	for _, ind := range r.s.Indicators {
		if ind.Name == key || strings.TrimSpace(label(ind)) == key {
			return ind
		}
	}
	// A workbook made before a change renamed the indicator (exported
	// then, or a copy of an earlier month's) says its name then.
	for _, ind := range r.s.Indicators {
		for _, name := range ind.FormerNames() {
			if name == key || strings.TrimSpace(labelNamed(ind, name)) == key {
				return ind
			}
		}
	}
	return nil
}

// resultFor returns the draft of ind's result, adding it in document order.
func (r *reader) resultFor(ind *site.Indicator) *resultDraft {
	i, found := slices.BinarySearchFunc(r.results, ind.Index, func(rd *resultDraft, n int) int { return cmp.Compare(rd.ind.Index, n) })
	if !found {
		r.results = slices.Insert(r.results, i, &resultDraft{ind: ind})
	}
	return r.results[i]
}

// reorder puts rd's scores, and its townships 不涉及 and 未报送, in the
// order the month file had them, when the workbook recorded one (the
// order of a tie's members, of the notApplicable and the unreported);
// the townships it does not name follow in units.toml's order, as all
// do when it recorded none. Not in the rows' order: a sheet sorted by
// one column to look it over (Excel's 排序, its protection lifted) would
// list another column's ties in that order, in the month file and the
// circular, where the sheet as written had units.toml's.
func (r *reader) reorder(rd *resultDraft) {
	order := r.order[rd.ind.ID]
	pos := func(u *site.Unit) int {
		if i := slices.Index(order, u.Name); i >= 0 {
			return i
		}
		return len(order) + slices.Index(r.s.Townships, u)
	}
	slices.SortStableFunc(rd.scores, func(a, b scoreValue) int { return cmp.Compare(pos(a.unit), pos(b.unit)) })
	byPos := func(a, b excludedValue) int { return cmp.Compare(pos(a.unit), pos(b.unit)) }
	slices.SortStableFunc(rd.excluded, byPos)
	slices.SortStableFunc(rd.unreported, byPos)
}

// resultRows reads a row per indicator: whether the month reports it and
// the values of its result.
func (r *reader) resultRows(g grid) {
	// The columns by their headings: a workbook of an office with no
	// ranks from above has none of theirs (layout.shown).
	cols := map[int]*site.Field{}
	width := 0
	for _, cells := range g.rows {
		width = max(width, len(cells))
	}
	for col := resFirst; col <= width; col++ {
		h := strings.TrimSpace(g.get(col, 1).text)
		for _, f := range r.columns {
			if r.heads(h, f) {
				cols[col] = f
			}
		}
	}
	markName := r.this + reportedSuffix // as the sheet names it: 本月通报 in an older one
	if h := strings.TrimSpace(g.get(resReported, 1).text); periodNamed(h, reportedSuffix) {
		markName = h
	}
	for row := 2; row <= len(g.rows); row++ {
		idv := g.get(resID, row)
		id := strings.TrimSpace(idv.text)
		if id == "" {
			continue
		}
		ind := r.s.Indicator(id)
		if ind == nil {
			r.problem(idv.at, "未知指标 id“%s”", site.Visible(id))
			continue
		}
		markV := g.get(resReported, row)
		var filled []fieldValue
		for col := resFirst; col <= len(g.rows[row-1]); col++ {
			v := g.get(col, row)
			if v.empty() {
				continue
			}
			if f := cols[col]; f != nil {
				filled = append(filled, fieldValue{f, v})
			} else {
				r.problem(v.at, "这一列没有（可识别的）表头，内容无法导入")
			}
		}
		_, scored := r.scoredDraft(ind)
		if r.merging && len(filled) == 0 {
			continue // the mark says nothing to merge
		}
		if ind.Deduct != nil && len(filled) == 0 {
			// A derived score (扣分制) is reported with its counts: a
			// [[result]] of its own holds only what the row gives it.
			continue
		}
		switch mark := strings.TrimSpace(markV.text); {
		case mark == yes || scored:
		case mark == no || mark == "":
			if len(filled) > 0 {
				r.problem(filled[0].v.at, "“%s”不是“是”，本行不应填写；要列入%s通报请把 %s 改为“是”", markName, r.this, markV.at)
			}
			continue
		default:
			r.problem(markV.at, "“%s”应为“是”或“否”，而不是“%s”", markName, site.Visible(mark))
			continue
		}
		rd := r.resultFor(ind)
		rd.at = r.place(r.resultSheet, resName, row)
		rd.fields = filled
	}
}

func (r *reader) scoredDraft(ind *site.Indicator) (*resultDraft, bool) {
	for _, rd := range r.results {
		if rd.ind == ind {
			return rd, rd.scored
		}
	}
	return nil, false
}

// listColumns reads the categories: a name on top of each column and the
// units below it.
func (r *reader) listColumns(g grid) {
	width := 0
	for _, cells := range g.rows {
		width = max(width, len(cells))
	}
	names := map[string]string{}
	for col := 2; col <= width; col++ {
		head := g.get(col, 1)
		name, err := site.CleanName(head.text)
		if err != nil {
			r.problem(head.at, "%v", err)
		}
		var entries []value
		for row := 2; row <= len(g.rows); row++ {
			v := g.get(col, row)
			if v.empty() {
				continue
			}
			n, err := site.CleanName(v.text)
			if err != nil {
				r.problem(v.at, "%v", err)
			}
			entries = append(entries, value{text: n, at: v.at})
		}
		switch first, dup := names[name]; {
		case name == "" && len(entries) > 0:
			r.problem(head.at, "这一列列出了单位，却没有类别名称")
		case name == "":
		case dup:
			r.problem(head.at, "类别“%s”重复（%s 已有）", name, first)
		default:
			names[name] = head.at
			r.named = append(r.named, listDraft{value{text: name, at: head.at}, entries})
		}
	}
}

// tableRows reads an array of tables: a row per entry, its columns found
// by their headings; empty rows are skipped.
func (r *reader) tableRows(t *site.Field, g grid) {
	cols := map[int]*site.Field{}
	colOf := map[*site.Field]int{}
	last := 0 // the last column with a heading
	for col := 1; col <= len(t.Fields)+10; col++ {
		h := strings.TrimSpace(g.get(col, 1).text)
		if h != "" {
			last = col
		}
		for i := range t.Fields {
			if r.heads(h, &t.Fields[i]) {
				cols[col] = &t.Fields[i]
				colOf[&t.Fields[i]] = col
			}
		}
	}
	noColumn := map[*site.Field]bool{} // required, without a column, reported once
	for row := 2; row <= len(g.rows); row++ {
		rd := rowDraft{at: g.get(1, row).at, places: map[*site.Field]string{}}
		for f, col := range colOf {
			rd.places[f] = g.get(col, row).at
		}
		for col := 1; col <= len(g.rows[row-1]); col++ {
			if v := g.get(col, row); !v.empty() {
				f := cols[col]
				if f == nil {
					r.problem(v.at, "这一列没有（可识别的）表头，内容无法导入")
					continue
				}
				rd.fields = append(rd.fields, fieldValue{f, v})
			}
		}
		if len(rd.fields) == 0 {
			continue
		}
		// A required value left empty is reported at its cell, in the
		// sheet's words (“原因”, not the month file's “reason”).
		for i := range t.Fields {
			f := &t.Fields[i]
			if !f.Required || slices.ContainsFunc(rd.fields, func(fv fieldValue) bool { return fv.f == f }) {
				continue
			}
			rd.missing = append(rd.missing, f.Key)
			if col, ok := colOf[f]; ok {
				r.problem(g.get(col, row).at, "未填写“%s”（%s）", r.label(f), r.help(f))
			} else if !noColumn[f] {
				noColumn[f] = true
				last++
				r.problem(g.get(last, 1).at, "缺少“%s”一列（%s）：请在第1行加上表头“%s”", r.label(f), r.help(f), r.label(f))
			}
		}
		r.rows[t.Key] = append(r.rows[t.Key], rd)
	}
}

// missingPlace is where the month file's path of a required value a row
// left empty is placed for the loader: no cell, but a place of its own,
// whose problems (the loader's “缺少”) are dropped, the reader having
// reported them at the cell (tableRows).
func (r *reader) missingPlace(path string) string {
	p := "\x00" + path
	r.covered[p] = true
	return p
}

// finish writes the month file, checks it with the loader's rules and
// returns it, or every problem found.
func (r *reader) finish() (*Month, error) {
	text, places, results, scores := r.monthFile()
	_, err := r.s.ParseMonth(fmt.Sprintf("data/%s.toml", r.key), text, func(path string) string { return places[path] })
	var l diag.List
	if err != nil && !errors.As(err, &l) {
		return nil, err
	}
	for _, d := range l {
		if !r.covered[d.File] {
			r.problems = append(r.problems, d)
		}
	}
	if len(r.problems) > 0 {
		return nil, r.sorted()
	}
	place := func(path string) string {
		if at := places[path]; at != "" && !r.covered[at] {
			return r.located(at)
		}
		return ""
	}
	return &Month{TOML: text, Place: place, Results: results, Scores: scores, Warnings: r.textScores()}, nil
}

// textScores warns of the scores held as text (numberAsText), read as
// numbers as a month file's quoted ones are (site's quotedScores, whose
// words these follow): the workbook's own sums and ranks pass over them,
// and the next one typed so may be no number. One warning for the sheet,
// at its first such cell row by row: a column pasted, or formatted as
// 文本, whole is one slip, not twelve.
func (r *reader) textScores() diag.List {
	if len(r.texts) == 0 {
		return nil
	}
	first := slices.MinFunc(r.texts, func(a, b scoreValue) int {
		ka, kb := r.rank[a.v.at], r.rank[b.v.at]
		return cmp.Or(cmp.Compare(ka[0], kb[0]), cmp.Compare(ka[1], kb[1]), cmp.Compare(ka[2], kb[2]))
	})
	typed := site.Visible(strings.TrimSpace(first.v.text))
	const skipped = "Excel、WPS 的求和、排名会略过"
	var msg string
	if len(r.texts) == 1 {
		v, _ := cellNumber(first.v.text)
		msg = fmt.Sprintf("警告：此格的%s“%s”存为文本，是文字而不是数（%s，%s）：%s它；已按 %s 读取，请把此格的格式改为“常规”后重新输入（不加撇号 '）",
			first.ind.ValueName(), typed, first.unit.Name, first.ind.Name, skipped, roundText(v))
	} else {
		var inds []*site.Indicator
		for _, t := range r.texts {
			inds = append(inds, t.ind)
		}
		msg = fmt.Sprintf("警告：这张表中有 %d 个%s存为文本，是文字而不是数（如此格的“%s”：%s，%s）：%s它们；已按数读取，请把这些格的格式改为“常规”后重新输入（不加撇号 '）",
			len(r.texts), site.ValuesName(inds), typed, first.unit.Name, first.ind.Name, skipped)
	}
	return diag.List{{File: r.located(first.v.at), Msg: msg}}
}

// sorted orders the problems as the workbook shows the cells: sheet by
// sheet, row by row; what has no cell comes last. A cell is then named
// with the file (located).
func (r *reader) sorted() diag.List {
	l := slices.Clone(r.problems)
	slices.SortStableFunc(l, func(a, b diag.Diagnostic) int {
		ka, oka := r.rank[a.File]
		kb, okb := r.rank[b.File]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ka[0], kb[0]), cmp.Compare(ka[1], kb[1]), cmp.Compare(ka[2], kb[2]),
			strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	l = slices.Compact(l)
	for i := range l {
		if _, cell := r.rank[l[i].File]; cell {
			l[i].File = r.located(l[i].File)
		}
	}
	return l
}

// located names the place at, a cell of a workbook or a field of a CSV,
// with the file: 某局.xlsx 乡镇（街道）得分!C7; a CSV's place,
// scores.csv:3:2, names it already.
func (r *reader) located(at string) string {
	if r.fromCSV {
		return at
	}
	return r.name + " " + at
}
