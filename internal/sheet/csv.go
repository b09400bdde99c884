package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// csv reads a CSV of scores: the scores sheet alone, as a matrix (see
// scoreMatrix). Its text is UTF-8, with or without a byte order mark, or
// else GBK, as Excel and WPS on a Chinese Windows save “CSV (逗号分隔)”:
// text that is valid UTF-8 is taken as UTF-8, anything else as GB18030,
// which GBK is part of. Fields are separated by commas, or by tabs when
// the first line has tabs and no commas, or by semicolons when it has
// semicolons and neither (Excel's CSV where a comma is the decimal point).
func (r *reader) csv(data []byte) {
	r.fromCSV = true
	text := decodeCSV(data)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	first, _, _ := bytes.Cut(text, []byte("\n"))
	switch {
	case bytes.IndexByte(first, ',') >= 0:
	case bytes.IndexByte(first, '\t') >= 0:
		cr.Comma = '\t'
	case bytes.IndexByte(first, ';') >= 0:
		cr.Comma = ';'
	}
	var rows [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			r.problem(r.csvPlace(pe.Line, pe.Column), "CSV 格式错误：%v", pe.Err)
			break
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	if len(rows) == 0 {
		r.problem(r.name, "文件是空的：第一行应为表头（%s, 指标名称…），其下每行一个%s", r.unit, r.unit)
		return
	}
	r.rows = map[string][]rowDraft{}
	r.scoreMatrix(grid{rows: rows, place: func(col, row int) string {
		line := lines[len(lines)-1] + row - len(lines) // a row past the end: as if the lines went on
		if row >= 1 && row <= len(lines) {
			line = lines[row-1]
		}
		return r.csvPlace(line, col)
	}})
}

// csvPlace names a field of a CSV: scores.csv:7:3 is line 7, third field.
func (r *reader) csvPlace(line, field int) string {
	p := fmt.Sprintf("%s:%d:%d", r.name, line, field)
	r.rank[p] = [3]int{0, line, field}
	return p
}

// decodeCSV returns data as UTF-8 without a byte order mark.
func decodeCSV(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return data
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return text
}
