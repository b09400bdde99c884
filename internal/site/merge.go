package site

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"tongbao/internal/diag"
)

// A ScoreEdit is one score to lay over a month file (MergeMonth).
type ScoreEdit struct {
	Indicator *Indicator
	Unit      *Unit
	Value     string // as a month file writes it: "90.50"
	From      string // where it was typed, for messages: "scores.csv:3:2"
}

// A ValueEdit is one value to lay over a month file (MergeMonth): a
// value of an indicator's result — its ranks, its progress — or of the
// month itself (overallCity).
type ValueEdit struct {
	Indicator *Indicator // nil: a value of the month
	Field     *Field     // of MonthFile: its key and kind
	Value     any        // as a Writer takes it for the field's kind: 9, true, "文本"
	From      string     // where it was typed, for messages: "考核结果!E7"
}

// A RowEdit is one entry of a table of the month — an adjustment, a
// reward, an interview — to add to a month file (MergeMonth).
type RowEdit struct {
	Table  *Field      // of MonthFile: adjustment, reward, interview
	Values []ValueEdit // of its fields, each Field one of Table's
	// Was is the entry as it was sent out in a workbook, when the row
	// held one: the file's entry with these values becomes Values.
	Was  []ValueEdit
	From string // where it was typed, for messages: "奖励.xlsx 奖励!A3"
}

// An ExclusionEdit is a township to leave out of an indicator's result
// for the month (notApplicable, 不涉及), or to rank without its value
// (unreported, 未报送), laid over a month file (MergeMonth): a cell of
// scores written 不涉及 or 未报送.
type ExclusionEdit struct {
	Indicator *Indicator
	Unit      *Unit
	Reason    string
	From      string // where it was typed, for messages: "scores.csv:3:2"
}

// MonthEdits are what MergeMonth lays over a month file.
type MonthEdits struct {
	Values   []ValueEdit
	Scores   []ScoreEdit
	Excluded []ExclusionEdit // into the results' notApplicable
	// Unreported go into the results' unreported.
	Unreported []ExclusionEdit
	Rows       []RowEdit
}

// Empty reports whether e holds nothing to merge.
func (e MonthEdits) Empty() bool {
	return len(e.Values)+len(e.Scores)+len(e.Excluded)+len(e.Unreported)+len(e.Rows) == 0
}

// Where returns where the value at a TOML path of src, a month file e was
// merged into (MergeMonth, once or file after file), was typed: the From
// of the edit that gives it there — a later edit's before an earlier
// one's — or "" for a value no edit gives, and for a result or its table
// of scores as a whole. It is the place of ParseMonth and Placed for
// such a file: its problems then name the cells the values came from.
func (e MonthEdits) Where(src []byte) func(path string) string {
	var d diag.List
	text := normalize("", src, &d)
	if text == nil {
		return func(string) string { return "" }
	}
	root, _, ok := decodeTOML("", text, MonthFile, &d)
	if !ok {
		return func(string) string { return "" }
	}
	entry := func(key, n string) map[string]any {
		entries, _ := root.m[key].([]map[string]any)
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(entries) {
			return nil
		}
		return entries[i]
	}
	value := func(ind string, key string) string {
		for _, v := range slices.Backward(e.Values) {
			if (ind == "" && v.Indicator == nil || v.Indicator != nil && v.Indicator.ID == ind) && v.Field.Key == key {
				return v.From
			}
		}
		return ""
	}
	return func(path string) string {
		p := strings.Split(path, ".")
		switch {
		case len(p) == 1:
			return value("", p[0])
		case p[0] == "result" && len(p) >= 3:
			res := entry(p[0], p[1])
			ind, _ := res["indicator"].(string)
			switch {
			case ind == "":
				return ""
			case (p[2] == "notApplicable" || p[2] == "unreported") && len(p) >= 4:
				names := notedNames(res[p[2]])
				i, err := strconv.Atoi(p[3])
				if err != nil || i < 0 || i >= len(names) {
					return ""
				}
				name := strings.TrimSpace(names[i])
				edits := e.Excluded
				if p[2] == "unreported" {
					edits = e.Unreported
				}
				for _, x := range slices.Backward(edits) {
					if x.Indicator.ID == ind && (x.Unit.Name == name || x.Unit.Slug == name) {
						return x.From
					}
				}
			case p[2] != "townships":
				return value(ind, p[2])
			case len(p) == 4:
				for _, sc := range slices.Backward(e.Scores) {
					if sc.Indicator.ID == ind && (sc.Unit.Name == p[3] || sc.Unit.Slug == p[3]) {
						return sc.From
					}
				}
			}
		case p[0] != "result" && len(p) <= 3:
			have := entry(p[0], p[1])
			if have == nil {
				return ""
			}
			for _, r := range slices.Backward(e.Rows) {
				if r.Table.Key != p[0] || !sameEntry(r.Values, have) {
					continue
				}
				if len(p) == 2 {
					return r.From
				}
				for _, v := range r.Values {
					if v.Field.Key == p[2] {
						return v.From
					}
				}
				return ""
			}
		}
		return ""
	}
}

// A MergeCount says what MergeMonth did.
type MergeCount struct {
	Filled  int // scores the file lacked
	Changed int // scores the file had with another value (replace)
	Same    int // scores the file had already
	// Excluded are the townships written into a result's notApplicable
	// (不涉及) that the file did not name there, Unreported those written
	// into its unreported (未报送).
	Excluded, Unreported int
	// ValuesFilled, ValuesChanged and ValuesSame count the other values
	// (ValueEdit) the same way.
	ValuesFilled, ValuesChanged, ValuesSame int
	// RowsAdded are the entries of tables (RowEdit) the file lacked,
	// RowsChanged those that changed one it had, RowsSame those it had
	// already; Added and Altered count the first two by table (its
	// Label), to say which.
	RowsAdded, RowsChanged, RowsSame int
	Added, Altered                   map[string]int
	Results                          int // results the file lacked, added
	// Conflicts are the scores and values the file has with another
	// value, which were not replaced: each is a problem of the error
	// returned.
	Conflicts int
}

// MergeMonth lays edits over the month file rel, whose bytes are src,
// and returns the file's new bytes. It edits the text rather than writing
// the month again, so that everything else the file holds — other
// indicators, rankings, progress, comments, the hints `tongbao new`
// writes — stays as it was: a score or a value the file lacks takes the
// place of its commented-out line (`# "火车站乡" =  # 上月：95.6`,
// `# city =  # 上月：10`), or follows the lines of its table, and a table
// of scores left with none to fill loses the mark on its header
// (`[result.townships]  # 得分（待填写）`); a township written 不涉及 or
// 未报送 goes into its result's notApplicable or unreported; a result or
// a table of scores the file lacks is added, and so is an entry of the
// month's tables of adjustments, rewards and interviews, unless the file
// has it already (one sent out in a workbook and changed there changes
// the file's). A score or a value the file has with another one is a
// conflict, reported at the file's, unless replace. The file may still
// be incomplete (a month being filled in); the merge must not add a
// problem to it.
//
// This is how the office gathers a month from several sources — each
// department's CSV of its own indicators, or its copy of the workbook
// with its scores, ranks and progress — into one file.
func (s *Site) MergeMonth(rel string, src []byte, edits MonthEdits, replace bool) ([]byte, MergeCount, error) {
	var count MergeCount
	var d diag.List
	bom := bytes.HasPrefix(src, []byte("\uFEFF"))
	crlf := bytes.Contains(src, []byte("\r\n"))
	text := normalize(rel, src, &d)
	if text == nil {
		return nil, count, d.Err()
	}
	root, f, ok := s.decodeMonth(rel, text, &d)
	if !ok {
		return nil, count, d.Err()
	}
	m := &merger{s: s, f: f, src: string(text)}
	if !strings.HasSuffix(m.src, "\n") {
		m.src += "\n" // so that every line, the last too, ends with one
	}
	results, ok := m.entries(root, MonthFile.Field("result"), "每个指标一个", &d)
	if !ok {
		return nil, count, d.Err()
	}
	byIndicator := map[*Indicator]int{}
	for n, res := range results {
		id, _ := res["indicator"].(string)
		if ind := s.Indicator(id); ind != nil {
			if _, dup := byIndicator[ind]; !dup {
				byIndicator[ind] = n
			}
		}
	}
	// The month's own values, then the results indicator by indicator,
	// in the order the indicators are listed.
	var order []*Indicator
	values := map[*Indicator][]ValueEdit{}
	groups := map[*Indicator][]ScoreEdit{}
	for _, e := range edits.Values {
		if e.Indicator == nil {
			m.topValue(root, e, replace, &count, &d)
			continue
		}
		if values[e.Indicator] == nil && groups[e.Indicator] == nil {
			order = append(order, e.Indicator)
		}
		values[e.Indicator] = append(values[e.Indicator], e)
	}
	excluded, unreported := map[*Indicator][]ExclusionEdit{}, map[*Indicator][]ExclusionEdit{}
	for _, e := range edits.Scores {
		if values[e.Indicator] == nil && groups[e.Indicator] == nil {
			order = append(order, e.Indicator)
		}
		groups[e.Indicator] = append(groups[e.Indicator], e)
	}
	for _, x := range []struct {
		edits []ExclusionEdit
		by    map[*Indicator][]ExclusionEdit
	}{{edits.Excluded, excluded}, {edits.Unreported, unreported}} {
		for _, e := range x.edits {
			if !slices.Contains(order, e.Indicator) {
				order = append(order, e.Indicator)
			}
			x.by[e.Indicator] = append(x.by[e.Indicator], e)
		}
	}
	slices.SortStableFunc(order, func(a, b *Indicator) int { return cmp.Compare(a.Index, b.Index) })
	var added []string // results the file lacks, written after its last
	for _, ind := range order {
		n, ok := byIndicator[ind]
		if !ok {
			w := NewWriter(MonthFile)
			width := 0
			for _, e := range values[ind] {
				width = max(width, len(e.Field.Key))
			}
			w.Line("")
			w.Tables("result")
			w.Value("result.indicator", width, ind.ID, ind.Name)
			for _, e := range values[ind] {
				w.Value("result."+e.Field.Key, width, e.Value, "")
				count.ValuesFilled++
			}
			if x := excluded[ind]; len(x) > 0 {
				w.Value("result.notApplicable", width, exclusionNotes(x), "")
				count.Excluded += len(x)
			}
			if x := unreported[ind]; len(x) > 0 {
				w.Value("result.unreported", width, exclusionNotes(x), "")
				count.Unreported += len(x)
			}
			if len(groups[ind])+len(excluded[ind])+len(unreported[ind]) > 0 {
				w.Table("result.townships", "")
			}
			for _, e := range groups[ind] {
				w.Entry("result.townships", e.Unit.Name, e.Value)
				count.Filled++
			}
			added = append(added, w.String())
			count.Results++
			continue
		}
		if len(values[ind]) > 0 {
			m.resultValues(n, results[n], values[ind], replace, &count, &d)
		}
		if len(groups[ind])+len(excluded[ind])+len(unreported[ind]) > 0 {
			m.result(n, results[n], ind, groups[ind], excluded[ind], unreported[ind], replace, &count, &d)
		}
	}
	if len(added) > 0 {
		at := len(m.src)
		if len(results) > 0 {
			at = m.blockEnd(fmt.Sprintf("result.%d", len(results)-1), "result.")
		}
		m.insert(at, strings.Join(added, ""))
	}
	m.rows(root, edits.Rows, &count, &d)
	if err := d.Err(); err != nil {
		return nil, count, err
	}
	out, ok := m.apply()
	if !ok {
		return nil, count, diag.List{{File: rel, Line: 1, Col: 1, Msg: "无法并入：本文件的写法与 tongbao 写的不同，请直接在本文件中填写"}}
	}

	// What the file held wrong before is the office's to mend; what the
	// merge would add is refused.
	before := map[string]int{}
	for _, p := range s.monthProblems(rel, text, nil) {
		before[p.Msg]++
	}
	for _, p := range s.monthProblems(rel, []byte(out), edits.Where([]byte(out))) {
		if before[p.Msg] > 0 {
			before[p.Msg]--
			continue
		}
		d = append(d, p)
	}
	if err := d.Err(); err != nil {
		return nil, count, err
	}
	if crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	if bom {
		out = "\uFEFF" + out
	}
	return []byte(out), count, nil
}

// monthProblems are the problems of month file rel with the text src,
// each at the place place names for it, if any (see ParseMonth).
func (s *Site) monthProblems(rel string, src []byte, place func(path string) string) diag.List {
	_, err := s.ParseMonth(rel, src, place)
	l, _ := err.(diag.List)
	if err != nil && l == nil {
		l = diag.List{{File: rel, Msg: err.Error()}}
	}
	return l
}

// A merger edits a month file's text.
type merger struct {
	s     *Site
	f     *tomlFile
	src   string
	edits []textEdit
}

// A textEdit replaces src[start:end] with text.
type textEdit struct {
	start, end int
	text       string
}

func (m *merger) insert(at int, text string) { m.edits = append(m.edits, textEdit{at, at, text}) }

// apply makes the edits, which do not overlap: insertions at one place
// keep the order they were made in, and come before a line replaced
// there. It reports false if two overlap, which no file should make them
// do.
func (m *merger) apply() (string, bool) {
	slices.SortStableFunc(m.edits, func(a, b textEdit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	var b strings.Builder
	at := 0
	for _, e := range m.edits {
		if e.start < at {
			return "", false
		}
		b.WriteString(m.src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(m.src[at:])
	return b.String(), true
}

// result lays the scores of one indicator, ind, over the file's result
// n, the townships it leaves out this month (excluded) over its
// notApplicable, and those that did not report (unreported) over its
// unreported.
func (m *merger) result(n int, res map[string]any, ind *Indicator, scores []ScoreEdit, excluded, unreported []ExclusionEdit, replace bool, count *MergeCount, d *diag.List) {
	path := fmt.Sprintf("result.%d", n)
	tpath := path + ".townships"
	table, has := res["townships"].(map[string]any)
	keys := map[*Unit]string{}
	for k := range table {
		if u, err := m.s.Township(k); err == nil {
			keys[u] = k
		}
	}
	if has {
		if off, ok := m.f.pos[tpath]; !ok || m.src[off] != '[' {
			line, col := m.f.position(tpath)
			noun := ind.ValueName()
			d.Add(m.f.name, line, col, "指标“%s”的%s不是以 [result.townships] 表写的，无法并入新的%s：请改为 [result.townships] 表（每行一个%s），或直接在本文件中填写", ind.Name, noun, noun, m.s.Config.Terms.Unit)
			return
		}
	}
	// A new notApplicable or unreported goes right above the table's
	// header, where it is the result's key, not the table's.
	filled := count.Filled + count.Excluded + count.Unreported
	naLine := m.exclude(path, res, keys, [2]*notedList{
		{key: "notApplicable", mark: "不涉及", edits: excluded},
		{key: "unreported", mark: "未报送", edits: unreported},
	}, replace, count, d)
	start, end := 0, 0 // the lines of the table of scores
	if has {
		off := m.f.pos[tpath]
		if naLine != "" {
			m.insert(lineStart(m.src, off), naLine)
		}
		start = lineEnd(m.src, off)
		end = m.nextHeader(start)
	} else {
		// `tongbao new` comments the table out for an indicator that had
		// no scores last month; it is taken back in.
		blockEnd := m.blockEnd(path, path+".")
		at := lineStart(m.src, m.f.pos[path])
		if h := commentedHeader.FindStringIndex(m.src[at:blockEnd]); h != nil {
			if naLine != "" {
				m.insert(at+h[0], naLine)
			}
			m.edits = append(m.edits, textEdit{at + h[0], lineEnd(m.src, at+h[0]) - 1, "[result.townships]"})
			start, end = lineEnd(m.src, at+h[0]), blockEnd
		} else {
			m.insert(blockEnd, naLine+"[result.townships]\n")
			start, end = blockEnd, blockEnd
		}
	}
	var appended strings.Builder
	scored := map[*Unit]bool{}
	for u := range keys {
		scored[u] = true
	}
	// A township the result leaves out this month (notApplicable), or
	// ranks without its value (unreported), has no score to fill: the
	// table is complete without it.
	for _, u := range m.listed(res) {
		scored[u] = true
	}
	for _, e := range slices.Concat(excluded, unreported) {
		scored[e.Unit] = true
	}
	for _, e := range scores {
		scored[e.Unit] = true
		if k, ok := keys[e.Unit]; ok {
			m.existing(tpath+"."+k, table[k], e, replace, count, d)
			continue
		}
		if at, ok := m.placeholder(start, end, e.Unit); ok {
			m.fill(at, e)
		} else {
			appended.WriteString(Quote(e.Unit.Name) + " = " + e.Value + "\n")
		}
		count.Filled++
	}
	if appended.Len() > 0 {
		m.insert(lastLine(m.src, start, end), appended.String())
	}
	// The table's last score to fill filled (or left out) by this
	// merge: its header's mark goes.
	if has && count.Filled+count.Excluded+count.Unreported > filled && m.complete(ind, scored, start, end) {
		m.filledHeader(m.f.pos[tpath])
	}
}

// A notedList is one of a result's arrays of townships that have no
// score — notApplicable (不涉及), unreported (未报送) — as the file has
// it, with the edits to lay over it and what they make of it.
type notedList struct {
	key, mark string // "notApplicable", the word of a cell: "不涉及"
	edits     []ExclusionEdit

	names, reasons []string // as the file writes them
	have           []*Unit  // one to one with names: nil where a name is no township's
	drop           []bool   // the file's taken out, moved to the other list (replace)
	add            []ExclusionEdit
	rewrite        bool // the array to write again: a reason given, one dropped
}

// exclude lays the townships to leave out of the file's result at path
// (res, its scores keys), and to rank without their value, over its
// notApplicable and its unreported (lists): one a list names already is
// the same; one it scores is a conflict, unless replace, which takes the
// score out; and so is one the other list names, a township being either
// 不涉及 or 未报送, not both, replace moving it. The others go into the
// list's array, or, when the result has none, into the lines returned,
// for result to put above the table of scores.
func (m *merger) exclude(path string, res map[string]any, keys map[*Unit]string, lists [2]*notedList, replace bool, count *MergeCount, d *diag.List) string {
	terms := m.s.Config.Terms
	for _, l := range lists {
		l.names, l.reasons = noted(res[l.key])
		l.have, l.drop = make([]*Unit, len(l.names)), make([]bool, len(l.names))
		for i, name := range l.names {
			l.have[i], _ = m.s.Township(strings.TrimSpace(name))
		}
	}
	// index is where l names u, -1 where it does not (or no longer).
	index := func(l *notedList, u *Unit) int {
		for i, h := range l.have {
			if h == u && !l.drop[i] {
				return i
			}
		}
		return -1
	}
	for li, l := range lists {
		other := lists[1-li]
		// A township the file names already may come with its reason:
		// one the file lacks is filled in (the department says why the
		// office's 不涉及 holds), another than the file's is a
		// conflict, as a score is; none says nothing, the file's
		// standing.
		for _, e := range l.edits {
			if i := index(l, e.Unit); i >= 0 {
				switch {
				case e.Reason == "" || e.Reason == l.reasons[i]:
					count.Same++
				case l.reasons[i] == "":
					l.reasons[i], l.rewrite = e.Reason, true
					count.ValuesFilled++
				case replace:
					l.reasons[i], l.rewrite = e.Reason, true
					count.ValuesChanged++
				default:
					count.Conflicts++
					vs, _ := valueSpan(m.src, m.f.pos[path+"."+l.key])
					line, col := m.f.lineCol(vs)
					d.Add(m.f.name, line, col, "指标“%s”中%s“%s”%s的原因已是“%s”，而 %s 为“%s”", e.Indicator.Name, terms.Unit, e.Unit.Name, l.mark, l.reasons[i], e.From, e.Reason)
				}
				continue
			}
			if j := index(other, e.Unit); j >= 0 {
				if !replace {
					count.Conflicts++
					vs, _ := valueSpan(m.src, m.f.pos[path+"."+other.key])
					line, col := m.f.lineCol(vs)
					d.Add(m.f.name, line, col, "指标“%s”中%s“%s”已写在 %s 中（%s），而 %s 为“%s”", e.Indicator.Name, terms.Unit, e.Unit.Name, other.key, other.mark, e.From, l.mark)
					continue
				}
				other.drop[j], other.rewrite = true, true
				count.Changed++
				l.add = append(l.add, e)
				continue
			}
			if k, ok := keys[e.Unit]; ok {
				off, found := m.f.pos[path+".townships."+k]
				if !found {
					line, col := m.f.position(path + ".townships." + k)
					d.Add(m.f.name, line, col, "找不到%s“%s”的%s所在的行，无法并入：请直接在本文件中修改", terms.Unit, e.Unit.Name, e.Indicator.ValueName())
					continue
				}
				if !replace {
					count.Conflicts++
					vs, ve := valueSpan(m.src, off)
					line, col := m.f.lineCol(vs)
					d.Add(m.f.name, line, col, "指标“%s”中%s“%s”的%s已是 %s，而 %s 为“%s”", e.Indicator.Name, terms.Unit, e.Unit.Name, e.Indicator.ValueName(), m.src[vs:ve], e.From, l.mark)
					continue
				}
				m.edits = append(m.edits, textEdit{lineStart(m.src, off), lineEnd(m.src, off), ""})
				count.Changed++
			} else if l.key == "unreported" {
				count.Unreported++
			} else {
				count.Excluded++
			}
			l.add = append(l.add, e)
		}
	}
	var lines strings.Builder
	for _, l := range lists {
		if len(l.add) == 0 && !l.rewrite {
			continue
		}
		f := MonthFile.Field("result." + l.key)
		notes := exclusionNotes(l.add)
		off, ok := m.f.pos[path+"."+l.key]
		if !ok { // and so nothing to rewrite
			lines.WriteString(l.key + " = " + formatValue(f, notes) + "\n")
			continue
		}
		vs, _ := valueSpan(m.src, off)
		closing := arrayEnd(m.src, vs)
		if closing < 0 {
			line, col := m.f.lineCol(vs)
			d.Add(m.f.name, line, col, "%s 的写法与 tongbao 写的不同，无法并入“%s”：请直接在本文件中填写", l.key, l.mark)
			continue
		}
		if l.rewrite {
			// The array again, in its order, each township named as the
			// file names it, a reason given to one, one moved to the
			// other list left out: and any new after them.
			var was []Note
			for i, name := range l.names {
				if !l.drop[i] {
					was = append(was, Note{Value: strings.TrimSpace(name), Reason: l.reasons[i]})
				}
			}
			if all := append(was, notes...); len(all) > 0 {
				m.edits = append(m.edits, textEdit{vs, closing + 1, formatValue(f, all)})
			} else {
				// Every township it named moved to the other list: the
				// key goes, as a file that names none has none.
				m.edits = append(m.edits, textEdit{lineStart(m.src, off), lineEnd(m.src, off), ""})
			}
			continue
		}
		// Into the array the file has: before its closing bracket.
		items := strings.TrimSuffix(strings.TrimPrefix(formatValue(f, notes), "["), "]")
		if strings.TrimSpace(m.src[vs+1:closing]) != "" {
			items = ", " + items
		}
		m.insert(closing, items)
	}
	return lines.String()
}

// exclusionNotes are the townships of excluded as a Writer writes a
// notApplicable or an unreported: each by name, with its reason if it
// has one.
func exclusionNotes(excluded []ExclusionEdit) []Note {
	notes := make([]Note, len(excluded))
	for i, e := range excluded {
		notes[i] = Note{Value: e.Unit.Name, Reason: e.Reason}
	}
	return notes
}

// arrayEnd is where the closing bracket is of the array that starts at
// src[start] ([), quoted strings and inline tables within it skipped; -1
// if it does not start there or does not close on its line (an array
// written over several lines is left to the office to edit).
func arrayEnd(src string, start int) int {
	if start >= len(src) || src[start] != '[' {
		return -1
	}
	depth := 0
	for i := start; i < len(src) && src[i] != '\n'; i++ {
		switch src[i] {
		case '"', '\'':
			i = quoteEnd(src, i) - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// listed are the townships res, a result as the file holds it, names in
// its notApplicable or its unreported, written alone or as a table with
// a reason: those with no score to fill.
func (m *merger) listed(res map[string]any) []*Unit {
	var out []*Unit
	for _, name := range slices.Concat(notedNames(res["notApplicable"]), notedNames(res["unreported"])) {
		if u, err := m.s.Township(strings.TrimSpace(name)); err == nil {
			out = append(out, u)
		}
	}
	return out
}

// notedNames are the townships of a notApplicable or an unreported as
// decoded, v: each item's name, written alone or as a table's township
// ("" for an item that is neither).
func notedNames(v any) []string {
	names, _ := noted(v)
	return names
}

// noted are the townships of a notApplicable or an unreported as
// decoded, v, and one to one with them their reasons ("" for a township
// written alone).
func noted(v any) (names, reasons []string) {
	var arr []any
	switch v := v.(type) {
	case []any:
		arr = v
	case []map[string]any:
		for _, t := range v {
			arr = append(arr, t)
		}
	}
	names, reasons = make([]string, len(arr)), make([]string, len(arr))
	for i, e := range arr {
		names[i], _ = e.(string)
		if t, ok := e.(map[string]any); ok {
			names[i], _ = t["township"].(string)
			reasons[i], _ = t["reason"].(string)
		}
	}
	return names, reasons
}

// complete reports whether ind's table of scores, the lines
// src[start:end], has a score of every unit it assesses in the month once
// the scores of scored are in it, and no commented-out line of a unit
// still to fill.
func (m *merger) complete(ind *Indicator, scored map[*Unit]bool, start, end int) bool {
	key := ""
	if p := monthFileRE.FindStringSubmatch(m.f.name); p != nil {
		key = p[1] + "-" + p[2]
	}
	if key == "" {
		return false
	}
	for _, u := range ind.Townships {
		if u.AssessedIn(key) && !scored[u] {
			return false
		}
	}
	for _, u := range m.s.Townships {
		if _, ok := m.placeholder(start, end, u); ok && !scored[u] {
			return false
		}
	}
	return true
}

// filledHeader takes the mark `tongbao new` puts on a table of scores
// still to fill (`[result.townships]  # 得分（待填写）`) out of the note
// of its header, at off, which becomes `# 得分`; a note that was no more
// than the mark goes with its #.
func (m *merger) filledHeader(off int) {
	end := lineEnd(m.src, off) - 1
	line := m.src[off:end]
	bracket := strings.IndexByte(line, ']')
	if bracket < 0 {
		return
	}
	hash := strings.IndexByte(line[bracket:], '#')
	if hash < 0 {
		return
	}
	hash += bracket
	note := strings.TrimSpace(line[hash+1:])
	now := filledNote.Replace(note)
	if now == note {
		return
	}
	text := strings.TrimRight(line[:hash], " \t")
	if now != "" {
		text = line[:hash] + "# " + now
	}
	m.edits = append(m.edits, textEdit{off, end, text})
}

// existing lays score e over the file's score of the same unit, the
// value v at path.
func (m *merger) existing(path string, v any, e ScoreEdit, replace bool, count *MergeCount, d *diag.List) {
	old, ok := scoreOf(v)
	if now, err := ParseScore(e.Value); ok && err == nil && now == old {
		count.Same++
		return
	}
	off, ok := m.f.pos[path]
	if !ok { // a key the decoder read that the scanner did not find
		line, col := m.f.position(path)
		d.Add(m.f.name, line, col, "找不到%s“%s”的%s所在的行，无法并入：请直接在本文件中修改", m.s.Config.Terms.Unit, e.Unit.Name, e.Indicator.ValueName())
		return
	}
	vs, ve := valueSpan(m.src, off)
	if !replace {
		count.Conflicts++
		line, col := m.f.lineCol(vs)
		d.Add(m.f.name, line, col, "指标“%s”中%s“%s”的%s已是 %s，与 %s 的 %s 不同", e.Indicator.Name, m.s.Config.Terms.Unit, e.Unit.Name, e.Indicator.ValueName(), m.src[vs:ve], e.From, e.Value)
		return
	}
	m.edits = append(m.edits, textEdit{vs, ve, e.Value})
	count.Changed++
}

// tally adds one to m[key], making m if it is nil.
func tally(m map[string]int, key string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[key]++
	return m
}

// rows lays the entries of the month's tables (adjustments, rewards,
// interviews) over the file. An entry the file has already, every value
// the same, is left; one that was sent out (RowEdit.Was) changes the
// file's entry that it was, or is refused if the file has it no more;
// any other is added after the table's last entry, or at the file's end.
func (m *merger) rows(root *table, rows []RowEdit, count *MergeCount, d *diag.List) {
	added := map[string][]string{} // by table, the entries to add
	var order []*Field
	for _, e := range rows {
		key := e.Table.Key
		entries, ok := m.entries(root, e.Table, "每项一个", d)
		if !ok {
			return
		}
		if slices.ContainsFunc(entries, func(have map[string]any) bool { return sameEntry(e.Values, have) }) {
			count.RowsSame++
			continue
		}
		if e.Was != nil {
			k := slices.IndexFunc(entries, func(have map[string]any) bool { return sameEntry(e.Was, have) })
			if k < 0 {
				d.Add(e.From, 0, 0, "这一项%s是发出时已有的，%s 中却已没有它（在其中改动或删去了）：请直接在 %s 中修改", e.Table.Label, m.f.name, m.f.name)
				continue
			}
			if m.changeEntry(fmt.Sprintf("%s.%d", key, k), entries[k], e, d) {
				count.RowsChanged++
				count.Altered = tally(count.Altered, e.Table.Label)
			}
			continue
		}
		width := 0
		for _, v := range e.Values {
			width = max(width, len(v.Field.Key))
		}
		w := NewWriter(MonthFile)
		w.Line("")
		w.Tables(key)
		for _, v := range e.Values {
			w.Value(key+"."+v.Field.Key, width, v.Value, "")
		}
		if added[key] == nil {
			order = append(order, e.Table)
		}
		added[key] = append(added[key], w.String())
		count.RowsAdded++
		count.Added = tally(count.Added, e.Table.Label)
	}
	for _, t := range order {
		at := len(m.src)
		if entries, _ := root.m[t.Key].([]map[string]any); len(entries) > 0 {
			path := fmt.Sprintf("%s.%d", t.Key, len(entries)-1)
			at = m.blockEnd(path, path+".")
		}
		m.insert(at, strings.Join(added[t.Key], ""))
	}
}

// entries are the entries of the array of tables t in the file, each an
// [[t]] table; false, with a problem, if the file writes it otherwise —
// an inline array, `result = [{…}]`, has no lines of its own to edit.
// each says what one entry is, for the message.
func (m *merger) entries(root *table, t *Field, each string, d *diag.List) ([]map[string]any, bool) {
	entries, ok := root.m[t.Key].([]map[string]any)
	if _, has := root.m[t.Key]; has {
		if off, found := m.f.pos[t.Key+".0"]; !ok || found && m.src[off] != '[' {
			line, col := m.f.position(t.Key)
			d.Add(m.f.name, line, col, "%s不是以 [[%s]] 表写的，无法并入：请改为 [[%s]] 表（%s），或直接在本文件中填写", t.Label, t.Key, t.Key, each)
			return nil, false
		}
	}
	return entries, true
}

// changeEntry makes the file's entry at path, whose values are have,
// what e says: a value changed in place, one e adds after the entry's
// last line, one e no longer has removed with its line. It reports
// false, with a problem, if a value is not one it can edit.
func (m *merger) changeEntry(path string, have map[string]any, e RowEdit, d *diag.List) bool {
	var edits []textEdit
	var appended strings.Builder
	place := func(key string) (int, bool) {
		off, ok := m.f.pos[path+"."+key]
		if !ok {
			line, col := m.f.position(path)
			d.Add(m.f.name, line, col, "找不到这一项%s的“%s”所在的行，无法并入 %s 的改动：请直接在本文件中修改", e.Table.Label, key, e.From)
		}
		return off, ok
	}
	editable := func(vs int, key string) bool {
		if multiline(m.src, vs) {
			line, col := m.f.lineCol(vs)
			d.Add(m.f.name, line, col, "“%s”是多行字符串，无法按 %s 改动：请直接在本文件中修改", key, e.From)
			return false
		}
		return true
	}
	for _, v := range e.Values {
		old, ok := have[v.Field.Key]
		switch {
		case ok && sameValue(v.Field, old, v.Value):
		case ok:
			off, found := place(v.Field.Key)
			if !found {
				return false
			}
			vs, ve := valueSpan(m.src, off)
			if !editable(vs, v.Field.Key) {
				return false
			}
			edits = append(edits, textEdit{vs, ve, formatValue(v.Field, v.Value)})
		default:
			appended.WriteString(v.Field.Key + " = " + formatValue(v.Field, v.Value) + "\n")
		}
	}
	for _, key := range slices.Sorted(maps.Keys(have)) {
		if slices.ContainsFunc(e.Values, func(v ValueEdit) bool { return v.Field.Key == key }) {
			continue
		}
		// Emptied in the workbook: its line goes.
		off, found := place(key)
		if !found {
			return false
		}
		// (TOML puts nothing but a comment after a table's key and value
		// on their line.)
		if vs, _ := valueSpan(m.src, off); !editable(vs, key) {
			return false
		}
		edits = append(edits, textEdit{lineStart(m.src, off), lineEnd(m.src, off), ""})
	}
	m.edits = append(m.edits, edits...)
	if appended.Len() > 0 {
		m.insert(m.blockEnd(path, path+"."), appended.String())
	}
	return true
}

// multiline reports whether the value at src[vs:] is a multi-line
// string, whose end valueSpan does not find: a merge does not edit one.
func multiline(src string, vs int) bool {
	return strings.HasPrefix(src[vs:], `"""`) || strings.HasPrefix(src[vs:], `'''`)
}

// sameEntry reports whether an entry of a table holds values and nothing
// else.
func sameEntry(values []ValueEdit, have map[string]any) bool {
	if len(have) != len(values) {
		return false
	}
	for _, v := range values {
		if !sameValue(v.Field, have[v.Field.Key], v.Value) {
			return false
		}
	}
	return true
}

// topValue lays e, a value of the month, over the file's top-level
// table: the lines before its first header.
func (m *merger) topValue(root *table, e ValueEdit, replace bool, count *MergeCount, d *diag.List) {
	if v, ok := root.m[e.Field.Key]; ok {
		m.existingValue(e.Field.Key, v, e, replace, count, d)
		return
	}
	end := m.nextHeader(0)
	if at, ok := m.commented(0, end, e.Field.Key); ok {
		m.fillValue(at, e)
	} else {
		m.insert(lastLine(m.src, 0, end), e.Field.Key+" = "+formatValue(e.Field, e.Value)+"\n")
	}
	count.ValuesFilled++
}

// resultValues lays the values of one indicator's result over the
// file's result n: each takes the place of its commented-out line
// (`# city =  # 上月：10`), or follows the result's own lines, before its
// table of scores.
func (m *merger) resultValues(n int, res map[string]any, values []ValueEdit, replace bool, count *MergeCount, d *diag.List) {
	path := fmt.Sprintf("result.%d", n)
	start := lineEnd(m.src, m.f.pos[path]) // after its [[result]] header (see entries)
	blockEnd := m.blockEnd(path, path+".")
	end := blockEnd // where the result's own lines end: at its first table, even commented out
	for at := start; at < blockEnd; at = lineEnd(m.src, at) {
		line := m.src[at:lineEnd(m.src, at)]
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "[") || commentedHeader.MatchString(line) {
			end = at
			break
		}
	}
	var appended strings.Builder
	for _, e := range values {
		if v, ok := res[e.Field.Key]; ok {
			m.existingValue(path+"."+e.Field.Key, v, e, replace, count, d)
			continue
		}
		if at, ok := m.commented(start, end, e.Field.Key); ok {
			m.fillValue(at, e)
		} else {
			appended.WriteString(e.Field.Key + " = " + formatValue(e.Field, e.Value) + "\n")
		}
		count.ValuesFilled++
	}
	if appended.Len() > 0 {
		m.insert(end, appended.String())
	}
}

// existingValue lays e over the value v the file has at path.
func (m *merger) existingValue(path string, v any, e ValueEdit, replace bool, count *MergeCount, d *diag.List) {
	if sameValue(e.Field, v, e.Value) {
		count.ValuesSame++
		return
	}
	now := formatValue(e.Field, e.Value)
	label := NewOfficeWriter(MonthFile, &m.s.Config).Label(e.Field)
	what := "本月的" + label
	if e.Indicator != nil {
		what = fmt.Sprintf("指标“%s”的%s", e.Indicator.Name, label)
	}
	off, ok := m.f.pos[path]
	if !ok { // a key the decoder read that the scanner did not find
		line, col := m.f.position(path)
		d.Add(m.f.name, line, col, "找不到%s所在的行，无法并入：请直接在本文件中修改", what)
		return
	}
	vs, ve := valueSpan(m.src, off)
	if !replace {
		count.Conflicts++
		line, col := m.f.lineCol(vs)
		d.Add(m.f.name, line, col, "%s已是 %s，与 %s 的 %s 不同", what, oneLine(m.src[vs:ve]), e.From, now)
		return
	}
	if multiline(m.src, vs) {
		line, col := m.f.lineCol(vs)
		d.Add(m.f.name, line, col, "%s是多行字符串，无法替换为 %s 的值：请直接在本文件中修改", what, e.From)
		return
	}
	m.edits = append(m.edits, textEdit{vs, ve, now})
	count.ValuesChanged++
}

// canonical writes v, a value as the file holds it or as an edit gives
// it, so that two equal values of the field's kind read the same (5000
// and int64(5000); 1.5, "1.50" and 1.5 for a number); false if it is not
// of that kind.
func canonical(f *Field, v any) (string, bool) {
	switch f.Kind {
	case Text, UnitRef, IndicatorRef:
		s, ok := v.(string)
		return Quote(s), ok
	case Rank, Integer:
		switch n := v.(type) {
		case int:
			return strconv.Itoa(n), true
		case int64:
			return strconv.FormatInt(n, 10), true
		}
	case Flag:
		b, ok := v.(bool)
		return strconv.FormatBool(b), ok
	case Number:
		switch n := v.(type) {
		case float64:
			return strconv.FormatFloat(n, 'f', -1, 64), true
		case int64:
			return strconv.FormatInt(n, 10), true
		case string:
			if x, err := ParseScore(n); err == nil {
				return strconv.FormatFloat(x, 'f', -1, 64), true
			}
		}
	}
	return "", false
}

// sameValue reports whether the file's value old is the edit's value now.
func sameValue(f *Field, old, now any) bool {
	a, okA := canonical(f, old)
	b, okB := canonical(f, now)
	return okA && okB && a == b
}

// oneLine is s, a value in the file, cut at its first line end, for a
// message.
func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

// fillValue writes e on its commented-out line at, keeping the line's
// note (`# 上月：10`) where it stood.
func (m *merger) fillValue(at int, e ValueEdit) {
	m.fillLine(at, e.Field.Key+" = "+formatValue(e.Field, e.Value))
}

// scoreOf reads a score as the file holds it.
func scoreOf(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case string:
		f, err := ParseScore(v)
		return f, err == nil
	}
	return 0, false
}

// filledNote takes the mark of a value still to fill out of a note.
var filledNote = strings.NewReplacer("（待填写）", "", "（待填写；", "（", "（待填写，", "（")

// commentedHeader is the table of scores `tongbao new` writes commented
// out.
var commentedHeader = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*\[[ \t]*result[ \t]*\.[ \t]*townships[ \t]*\]`)

// commented finds, in the lines src[start:end], a commented-out line of
// one of keys (`# "火车站乡" =`, `# city =`), and returns where it starts.
func (m *merger) commented(start, end int, keys ...string) (int, bool) {
	for at := start; at < end; at = lineEnd(m.src, at) {
		line := strings.TrimLeft(m.src[at:lineEnd(m.src, at)], " \t")
		rest, ok := strings.CutPrefix(line, "#")
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		for _, key := range keys {
			if key == "" || key == `""` {
				continue
			}
			if after, ok := strings.CutPrefix(rest, key); ok && strings.HasPrefix(strings.TrimLeft(after, " \t"), "=") {
				return at, true
			}
		}
	}
	return 0, false
}

// placeholder finds, in the lines src[start:end], the commented-out line
// of unit u's score, by name or slug.
func (m *merger) placeholder(start, end int, u *Unit) (int, bool) {
	return m.commented(start, end, Quote(u.Name), u.Name, Quote(u.Slug), u.Slug)
}

// fill writes score e on its commented-out line at, keeping the line's
// note (`# 上月：95.6`) where it stood.
func (m *merger) fill(at int, e ScoreEdit) {
	m.fillLine(at, Quote(e.Unit.Name)+" = "+e.Value)
}

// fillLine writes text in place of the commented-out line at, followed
// by the note the line had after its = (`# 上月：95.6`), less the mark
// `tongbao new` puts on what is still to fill (全市综合排名（待填写；上月：8）).
func (m *merger) fillLine(at int, text string) {
	end := lineEnd(m.src, at) - 1 // the line end stays (the text ends with one)
	line := m.src[at:end]
	if _, after, ok := strings.Cut(line, "="); ok {
		if i := strings.IndexByte(after, '#'); i >= 0 {
			text = comment(text, filledNote.Replace(strings.TrimSpace(after[i+1:])))
		}
	}
	m.edits = append(m.edits, textEdit{at, end, text})
}

// nextHeader is where the next table's header starts after off: a line
// that starts with [, or the end.
func (m *merger) nextHeader(off int) int {
	for at := off; at < len(m.src); at = lineEnd(m.src, at) {
		if strings.HasPrefix(strings.TrimLeft(m.src[at:lineEnd(m.src, at)], " \t"), "[") {
			return at
		}
	}
	return len(m.src)
}

// blockEnd is where what belongs to the table at path ends: the next
// header of a table whose path does not start with within, less the
// comments and blank lines right before it, which introduce that table.
func (m *merger) blockEnd(path, within string) int {
	at := lineEnd(m.src, m.f.pos[path])
	for {
		h := m.nextHeader(at)
		if h == len(m.src) {
			return lastLine(m.src, at, h)
		}
		if !strings.HasPrefix(m.headerPath(h), within) {
			return lastLine(m.src, at, h)
		}
		at = lineEnd(m.src, h)
	}
}

// headerPath is the path of the table whose header starts at off.
func (m *merger) headerPath(off int) string {
	for p, o := range m.f.pos {
		if o == off {
			return p
		}
	}
	return ""
}

// lastLine is where new lines go at the end of the lines src[start:end]
// of one table: after its last line that holds something, but before the
// comments right above the next table's header (end), which are that
// table's.
func lastLine(src string, start, end int) int {
	at := end
	if end < len(src) {
		for at > start {
			prev := lineStart(src, at-1)
			if !strings.HasPrefix(strings.TrimSpace(src[prev:at]), "#") {
				break
			}
			at = prev
		}
	}
	for at > start {
		prev := lineStart(src, at-1)
		if strings.TrimSpace(src[prev:at]) != "" {
			break
		}
		at = prev
	}
	return at
}

// lineStart is where the line holding byte off starts.
func lineStart(src string, off int) int {
	return strings.LastIndexByte(src[:off], '\n') + 1
}

// lineEnd is where the line after the one holding byte off starts (the
// end of src for the last line).
func lineEnd(src string, off int) int {
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// valueSpan is where the value of the key at off lies: after its =, up to
// a comment, the line's end or the next entry of an inline table.
func valueSpan(src string, off int) (start, end int) {
	i := off
	if i < len(src) && (src[i] == '"' || src[i] == '\'') {
		i = quoteEnd(src, i)
	}
	i += strings.IndexByte(src[i:], '=') + 1
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	start = i
	if i < len(src) && (src[i] == '"' || src[i] == '\'') {
		return start, quoteEnd(src, i)
	}
	for i < len(src) && !strings.ContainsRune(" \t#\n,}", rune(src[i])) {
		i++
	}
	return start, i
}

// quoteEnd is where the string that starts at src[i] (a quote) ends.
func quoteEnd(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src) && src[j] != '\n'; j++ {
		switch {
		case src[j] == '\\' && q == '"':
			j++
		case src[j] == q:
			return j + 1
		}
	}
	return lineEnd(src, i)
}
