package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"

	"tongbao/internal/site"
)

// A shown is how a workbook shows a cell's value where that is not the
// number the cell holds, which is what the reader reads: 0.932 formatted
// as a percentage is seen as 93.2%, 45000 formatted as a date as
// 2023-03-15, a logical value TRUE is held as 1. Read as held, such a
// cell would be published other than the clerk saw it, so the reader
// refuses it (shownProblem).
type shown uint8

const (
	asHeld   shown = iota
	percent        // a number format that multiplies by 100 and adds %
	dateTime       // a date or time format, or a date cell (t="d")
	logical        // a logical value (t="b")
	// uncalculated is a formula whose result the file does not hold (a
	// workbook written by a program, or Excel set to calculate by hand):
	// read, it is empty.
	uncalculated
	// numberAsText is a number held as text (t="s", "inlineStr", or a
	// formula's "str"): typed after an apostrophe ('93.2), into a cell
	// formatted as 文本, or pasted as text. It is shown as typed and read
	// as the number, but the workbook's own sums and ranks pass over it.
	numberAsText
)

// The built-in number formats, which a workbook uses by id without
// writing their codes: 9 and 10 are 0% and 0.00% (67 and 68 their Thai
// forms); the rest here are dates and times, in every locale's set
// (27–36 and 50–58 are the Chinese ones, 年月日, 时分秒).
func builtinShown(id int) shown {
	switch {
	case id == 9 || id == 10 || id == 67 || id == 68:
		return percent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
		return dateTime
	}
	return asHeld
}

// codeShown reads a format code: a % outside quotes scales the number,
// as does a date or time part (yyyy, m, h:mm, [h]) turn it into a date;
// a % quoted ("%" or \%) is only text after the number, which is then
// shown as held, and so is a code's text section (the fourth), which
// numbers do not use.
func codeShown(code string) shown {
	kind := asHeld
	parser := nfp.NumberFormatParser()
	for _, sec := range parser.Parse(code) {
		if sec.Type == nfp.TokenSectionText {
			continue
		}
		for _, tk := range sec.Items {
			switch tk.TType {
			case nfp.TokenTypeDateTimes, nfp.TokenTypeElapsedDateTimes:
				return dateTime
			case nfp.TokenTypePercent:
				kind = percent
			}
		}
	}
	return kind
}

// formats are a workbook's styles (cellXfs) read as how each shows a
// number, and where its sheets are in the package.
type formats struct {
	zip    *zip.Reader
	styles []shown           // by style index (a cell's s)
	sheets map[string]string // part name by sheet name
}

// xmlRels is a package's relationships part, as far as it is read.
type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// readFormats reads the number formats and the sheets' parts of the
// workbook data, found as excelize finds them (the workbook through
// _rels/.rels, its sheets through its own relationships, the styles at
// xl/styles.xml), so that the cells read here are the ones it read. The
// styles are read once, whatever the number of cells, and only the few
// parts named are unpacked: the sheets are read as a stream (kinds).
func readFormats(data []byte) (*formats, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	fm := &formats{zip: zr, sheets: map[string]string{}}
	var root xmlRels
	if err := fm.decode("_rels/.rels", &root); err != nil {
		return nil, err
	}
	book := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			// A strict OOXML workbook names the relationship otherwise.
			StrictID string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := fm.decode(book, &wb); err != nil {
		return nil, err
	}
	var rels xmlRels
	if err := fm.decode(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"), &rels); err != nil {
		return nil, err
	}
	for _, sh := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == sh.ID || r.ID == sh.StrictID {
				target := path.Join(path.Dir(book), r.Target)
				if strings.HasPrefix(r.Target, "/") {
					target = path.Clean(r.Target)
				}
				fm.sheets[sh.Name] = strings.TrimPrefix(target, "/")
			}
		}
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := fm.decode("xl/styles.xml", &st); err != nil && !errors.Is(err, errNoPart) {
		return nil, err
	}
	codes := make(map[int]shown, len(st.NumFmts))
	for _, n := range st.NumFmts {
		codes[n.ID] = codeShown(n.Code)
	}
	fm.styles = make([]shown, len(st.Xfs))
	for i, xf := range st.Xfs {
		// A code the workbook writes for an id is the one it shows by,
		// even for a built-in id.
		k, ok := codes[xf.NumFmt]
		if !ok {
			k = builtinShown(xf.NumFmt)
		}
		fm.styles[i] = k
	}
	return fm, nil
}

var errNoPart = errors.New("no such part")

// open opens the part name of the package.
func (fm *formats) open(name string) (io.ReadCloser, error) {
	for _, f := range fm.zip.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("%s: %w", name, errNoPart)
}

func (fm *formats) decode(name string, v any) error {
	rc, err := fm.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// kinds are the cells of sheet name that show their value otherwise than
// as held, by column and row (from 1), among the cells rows holds (as
// sheetRows read them): a number in a percentage or date format, a
// logical value; and those that hold a number as text. The sheet is read
// as a stream, its rows and cells counted as excelize counts them where
// they do not say where they are.
func (fm *formats) kinds(name string, rows [][]string) (map[[2]int]shown, error) {
	part := ""
	for sheet, p := range fm.sheets {
		if strings.EqualFold(sheet, name) {
			part = p
		}
	}
	rc, err := fm.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out := map[[2]int]shown{}
	d := xml.NewDecoder(rc)
	row, col := 0, 0
	formula, held := false, false // of the cell being read: an <f>, a <v>
	for {
		tok, err := d.RawToken() // no namespaces to resolve: a third of the time
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if end, ok := tok.(xml.EndElement); ok && end.Name.Local == "c" {
			if formula && !held {
				out[[2]int{col, row}] = uncalculated
			}
			formula, held = false, false
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "f":
			formula = true
		case "v", "is":
			held = true
		case "row":
			row, col = row+1, 0
			if r, err := strconv.Atoi(attr(el, "r")); err == nil {
				row = r
			}
		case "c":
			col++
			if ref := attr(el, "r"); ref != "" {
				if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
					col, row = c, r
				}
			}
			if row < 1 || row > len(rows) || col < 1 || col > len(rows[row-1]) || rows[row-1][col-1] == "" {
				continue // empty, or past what was read: nothing is read from it
			}
			k := asHeld
			switch attr(el, "t") {
			case "b":
				k = logical
			case "d":
				k = dateTime
			case "s", "inlineStr", "str":
				if _, err := cellNumber(rows[row-1][col-1]); err == nil {
					k = numberAsText
				}
			case "", "n":
				if s, err := strconv.Atoi(attr(el, "s")); err == nil && s >= 0 && s < len(fm.styles) {
					k = fm.styles[s]
				}
			}
			if k != asHeld {
				out[[2]int{col, row}] = k
			}
		}
	}
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// shownProblem is what is wrong with reading v, a cell read as a value of
// f (nil for a score), as it is held, when it is shown otherwise: nil if
// it is not, and for a logical value in a cell of a flag (TRUE is 是).
// A percentage is refused, as "93.2%" typed is (site.ParseScore), the
// message saying what to write: a score is the number shown without %,
// but the sheet does not say whether the clerk meant that or 0.932 (a
// rate kept as a fraction), and only the clerk can. A date or a time is
// no number of the data, whatever it is held as.
func shownProblem(v value, f *site.Field) error {
	held := strings.TrimSpace(v.text)
	textual := f != nil && f.Kind == site.Text
	asText := "导入的将是 " + held + "：请把单元格格式改为“文本”后重新填写"
	switch v.shown {
	case percent:
		x, err := strconv.ParseFloat(held, 64)
		if err != nil {
			return nil // not a number, shown as it is
		}
		held, pct := roundText(x), roundText(x*100)
		if textual {
			return fmt.Errorf("此格的格式是百分比，存的是 %s（即 %s%%），导入的将是 %s：请把单元格格式改为“文本”后重新填写", held, pct, held)
		}
		// “即”, not “显示为”: 0% shows 0.938 as 94%.
		return fmt.Errorf("此格的格式是百分比，存的是 %s（即 %s%%）：只写数，不用百分比；请把单元格格式改为“常规”，填 %s", held, pct, pct)
	case dateTime:
		if textual {
			return fmt.Errorf("此格的格式是日期或时间，%s", asText)
		}
		return fmt.Errorf("此格的格式是日期或时间，存的是 %s（日期存为天数），不是所填的数：请把单元格格式改为“常规”后重新填写", held)
	case logical:
		switch {
		case f != nil && f.Kind == site.Flag:
			return nil
		case textual:
			return fmt.Errorf("此格是逻辑值 %s，%s", logicalText(held), asText)
		}
		return fmt.Errorf("此格是逻辑值 %s（存为 %s），不是数：请填数", logicalText(held), held)
	}
	return nil
}

// cellNumber reads a number from a cell's text as the spreadsheet shows
// it and computes with it: to 15 significant digits. Excel keeps what is
// typed to 15 digits but writes a formula's result with 17, and the two
// differ where the result is a float just off a decimal: =1753/2000*100
// is written 87.649999999999991, which Excel shows, and its ROUND rounds,
// as 87.65. Read as written, the unit would be ranked on 87.6 (one
// decimal) below another that typed 87.65, and =0.1+0.2 would go into
// the month file as 0.30000000000000004.
func cellNumber(text string) (float64, error) {
	v, err := site.ParseScore(text)
	if err != nil {
		return v, err
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v, nil // unreachable: 'g' writes what ParseFloat reads
	}
	return r, nil
}

// roundText writes x to 12 significant digits, as a spreadsheet shows
// it: 0.932×100 is 93.2, not 93.20000000000002.
func roundText(x float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil || math.Abs(r) >= 1e15 {
		return strconv.FormatFloat(x, 'g', 12, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// logicalText is how a spreadsheet shows a logical value held as 1 or 0.
func logicalText(held string) string {
	if held == "0" {
		return "FALSE"
	}
	return "TRUE"
}

// The words a score's cell is written in place of a score, each the
// month file's list of the townships it says so of: notApplicableMark
// one the indicator did not apply to that month (notApplicable),
// unreportedMark one that should have reported its value and did not
// (unreported). A clerk types the word where the score would be, and
// export writes it there, with its reason in brackets when there is one.
const (
	notApplicableMark = "不涉及"
	unreportedMark    = "未报送"
)

// notApplicableCell reads a cell written 不涉及, or 不涉及 with its reason
// in brackets (site.MarkReason). Only the word is taken: a dash or a
// slash, which offices also write, as often means a score not in yet as
// one that does not apply, and a township left out of a ranking, or
// ranked last, by a guess would be published so (dashCell).
func notApplicableCell(text string) (reason string, ok bool) {
	return site.MarkReason(text, notApplicableMark)
}

// unreportedCell reads a cell written 未报送, or 未报送 with its reason
// (site.MarkReason).
func unreportedCell(text string) (reason string, ok bool) {
	return site.MarkReason(text, unreportedMark)
}

// strayMark is the mark a score's cell holds that site.MarkReason does
// not read — 未报送5, 5（未报送）, 不涉及，无企业: a score and a mark, or a
// reason not in brackets, which only the clerk can tell which is meant —
// or the other mark when the cell reads as one with the other in its
// reason, 不涉及（未报送）, which says two things of one township; ""
// when the cell holds no mark, or is one alone.
func strayMark(text string) (mark, other string) {
	for _, m := range [][2]string{{notApplicableMark, unreportedMark}, {unreportedMark, notApplicableMark}} {
		if reason, ok := site.MarkReason(text, m[0]); ok {
			if strings.Contains(reason, m[1]) {
				return m[0], m[1]
			}
			return "", ""
		}
	}
	for _, m := range []string{unreportedMark, notApplicableMark} {
		if strings.Contains(text, m) {
			return m, ""
		}
	}
	return "", ""
}

// dashCell reports whether a score's cell holds only a dash or a slash
// (—, -, /, ／, 无): what a clerk writes for 不涉及 or for a score not
// in yet, which only the clerk can tell apart.
func dashCell(text string) bool {
	switch strings.TrimSpace(text) {
	case "—", "——", "-", "--", "－", "/", "／", "\\", "无", "N/A", "n/a", "NA":
		return true
	}
	return false
}

// markText is what export writes in the cell of a township a result
// names in its notApplicable or unreported (mark), as site.MarkReason reads it
// back.
func markText(mark, reason string) string {
	if reason == "" {
		return mark
	}
	return mark + "（" + reason + "）"
}
