package sheet

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"tongbao/internal/site"
)

// monthFile writes what was read as a month file, through the format's
// Writer in the style `tongbao new` writes, and returns where each TOML
// path's value was typed. A value that cannot be written as its kind is
// reported at its cell and left out.
func (r *reader) monthFile() (text []byte, places map[string]string, results, scores int) {
	w := site.NewWriter(site.MonthFile)
	places = map[string]string{}
	// The months as the workbook's 期别 names them (2024年7-12月 of an
	// office assessing every half year, 2023年1-2月), else the file's.
	// A 期别 typed full-width (１-２月) is written as the title prints it.
	label := fmt.Sprintf("%d年%d月", r.year, r.month)
	for i, t := range r.top {
		if period := site.PeriodText(t.v.text); t.f.Key == "period" && period != "" {
			r.top[i].v.text = period
			label = fmt.Sprintf("%d年%s", r.year, period)
		}
	}
	w.Comment(fmt.Sprintf("%s的考核结果。由 tongbao import 从 %s 导入。", label, r.source))
	if r.fromCSV {
		noun := site.ValuesName(r.scored)
		w.Comment("再次导入 CSV 表时，其" + noun + "并入本文件（与已有" + noun + "不同时加 --force），也可以直接修改本文件。")
	} else {
		w.Comment("可以改好原表后再次导入（--force 覆盖本文件），也可以直接修改本文件。")
	}
	if len(r.top) > 0 {
		w.Line("")
	}
	for _, fv := range r.top {
		r.value(w, places, "", fv, 11)
	}
	for k, rd := range r.results {
		path := fmt.Sprintf("%s.%d", r.result.Key, k)
		places[path] = cmp.Or(rd.at, rd.scoresAt)
		width := 0
		for _, fv := range rd.fields {
			width = max(width, len(fv.f.Key))
		}
		w.Line("")
		w.Tables(r.result.Key)
		w.Value(r.result.Key+".indicator", width, rd.ind.ID, rd.ind.Name)
		results++
		for _, fv := range rd.fields {
			r.value(w, places, path, fv, width)
		}
		if !rd.scored {
			continue
		}
		// Before the table of scores, whose header would take them in,
		// in the format's order: notApplicable, then unreported.
		for _, list := range []struct {
			f     *site.Field
			cells []excludedValue
		}{{r.notApplicable, rd.excluded}, {r.unreported, rd.unreported}} {
			if len(list.cells) == 0 {
				continue
			}
			key := list.f.Key
			notes := make([]site.Note, len(list.cells))
			for i, e := range list.cells {
				notes[i] = site.Note{Value: e.unit.Name, Reason: e.reason}
				places[fmt.Sprintf("%s.%s.%d", path, key, i)] = e.v.at
			}
			places[path+"."+key] = list.cells[0].v.at
			w.Value(r.result.Key+"."+key, width, notes, "")
		}
		spath := r.result.Key + "." + r.scores.Key
		places[path+"."+r.scores.Key] = rd.scoresAt
		w.Table(spath, "")
		for _, sv := range rd.scores {
			v, err := cellNumber(sv.v.text)
			if shownErr := shownProblem(sv.v, nil); shownErr != nil {
				err = shownErr
				r.covered[sv.v.at] = true // the loader's word on the number held would be beside the point
			}
			if err != nil {
				r.problem(sv.v.at, "%v", err) // written as 0: reported once, not as missing too
			}
			w.Entry(spath, sv.unit.Name, decimal(v, rd.ind.In(r.key).Decimals))
			places[path+"."+r.scores.Key+"."+sv.unit.Name] = sv.v.at
			scores++
		}
	}
	if len(r.named) > 0 {
		w.Line("")
		w.Table(r.lists.Key, "")
		places[r.lists.Key] = r.place(r.listSheet, 1, 1)
		for _, l := range r.named {
			names := make([]string, len(l.entries))
			for i, e := range l.entries {
				names[i] = e.text
				places[fmt.Sprintf("%s.%s.%d", r.lists.Key, l.name.text, i)] = e.at
			}
			places[r.lists.Key+"."+l.name.text] = l.name.at
			w.Entry(r.lists.Key, l.name.text, names)
		}
	}
	for _, t := range r.tables {
		for j, row := range r.rows[t.Key] {
			path := fmt.Sprintf("%s.%d", t.Key, j)
			places[path] = row.at
			width := 0
			for _, fv := range row.fields {
				width = max(width, len(fv.f.Key))
			}
			w.Line("")
			w.Tables(t.Key)
			for _, fv := range row.fields {
				r.value(w, places, path, fv, width)
			}
			for _, key := range row.missing {
				places[path+"."+key] = r.missingPlace(path + "." + key)
			}
		}
	}
	return []byte(w.String()), places, results, scores
}

// value writes one field's value as its kind, key padded to width, and
// places it; parent is the TOML path of its table ("" at the top).
func (r *reader) value(w *site.Writer, places map[string]string, parent string, fv fieldValue, width int) {
	v, err := typed(fv.f, fv.v.text)
	if shownErr := shownProblem(fv.v, fv.f); shownErr != nil {
		err = shownErr
		r.covered[fv.v.at] = true // the loader's word on the value held would be beside the point
	}
	if err != nil {
		r.problem(fv.v.at, "%s：%v", r.label(fv.f), err)
	}
	if v == nil {
		return
	}
	formatPath := fv.f.Key
	path := fv.f.Key
	if parent != "" {
		formatPath = parent[:strings.IndexByte(parent, '.')] + "." + fv.f.Key
		path = parent + "." + fv.f.Key
	}
	w.Value(formatPath, width, v, "")
	places[path] = fv.v.at
}

// typed reads a cell's text as the field's kind: nil when it says nothing
// (an empty cell, a flag that is not set). Along with an error it returns
// a stand-in of the kind, so that the value, reported once, is not
// reported missing as well.
func typed(f *site.Field, text string) (any, error) {
	t := strings.TrimFunc(text, unicode.IsSpace)
	switch f.Kind {
	case site.Text:
		return t, nil
	case site.UnitRef, site.IndicatorRef:
		return site.CleanName(text)
	case site.Rank, site.Integer:
		v, err := cellNumber(text)
		if err == nil && (v != math.Trunc(v) || math.Abs(v) > math.MaxInt32) {
			err = fmt.Errorf("应为整数，而不是 %s", strconv.FormatFloat(v, 'f', -1, 64))
		}
		if m := rankWords(err, t); m != nil {
			// 第3名, as a rank is said: the words the TOML route is told
			// of too (上级排名只写数字，去掉“第”“名”).
			var words []string
			for _, w := range []string{m[1], m[3]} {
				if w != "" {
					words = append(words, "“"+w+"”")
				}
			}
			err = fmt.Errorf("“%s”：只写整数，去掉%s，写作 %s", site.Visible(text), strings.Join(words, ""), m[2])
		}
		if err != nil {
			return 1, err
		}
		return int(v), nil
	case site.Number:
		v, err := cellNumber(text)
		return decimal(v, 1), err
	case site.Flag:
		switch strings.ToLower(t) {
		case yes, "true", "1", "√", "✓", "并列":
			return true, nil
		case no, "false", "0", "":
			return nil, nil
		}
		return nil, fmt.Errorf("应为“是”或留空，而不是“%s”", site.Visible(text))
	}
	panic(fmt.Sprintf("sheet: field %s of kind %d in a cell", f.Key, f.Kind))
}

// rankWordsRE is a rank as it is said, 第3名: the words and the number.
var rankWordsRE = regexp.MustCompile(`^(第?)\s*(\d+)\s*(名?)$`)

// rankWords is rankWordsRE's match of t, a rank's text that did not read
// (err), if it has the words; nil otherwise, and for every cell that read.
func rankWords(err error, t string) []string {
	if err == nil {
		return nil
	}
	if m := rankWordsRE.FindStringSubmatch(t); m != nil && (m[1] != "" || m[3] != "") {
		return m
	}
	return nil
}

// decimal writes v with at least decimals places, and more when v has
// them: 98.4 with 2 is "98.40", 95.555 with 2 stays "95.555", and a whole
// score of an indicator compared as a whole number (decimals = 0) is
// written as one, 3, not 3.0 (the loader reads both). Past what TOML's
// integers hold, a whole number keeps its .0: 1e20 would not be read.
func decimal(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	places := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		places = len(s) - i - 1
	}
	if decimals == 0 && math.Abs(v) >= 1<<53 {
		decimals = 1
	}
	if places < decimals {
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	return s
}
