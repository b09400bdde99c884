package site

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// mergeSite is the mini site's catalogue with a second and a third scored
// indicator.
func mergeSite(t testing.TB) *Site {
	t.Helper()
	files := miniSite()
	s, err := LoadCatalogue(writeSite(t, map[string]string{
		"config.toml":     files["config.toml"],
		"data/units.toml": files["data/units.toml"],
		"data/indicators.toml": files["data/indicators.toml"] + `[[indicator]]
id = "anquan"
name = "安全"
section = "重点工作"
owners = ["区发改局"]
townships = "all"
[[indicator]]
id = "xin"
name = "新指标"
section = "重点工作"
owners = ["区发改局"]
townships = ["甲街道", "丙镇"]
`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func edit(s *Site, ind, unit, value, from string) ScoreEdit {
	u, _ := s.Township(unit)
	return ScoreEdit{Indicator: s.Indicator(ind), Unit: u, Value: value, From: from}
}

// A month file as `tongbao new` writes it, partly filled in.
const scaffold = `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
[result.townships]         # 得分（待填写）
# "甲街道" =               # 上月：90
"乙街道" = 80
# "丙镇" =                 # 上月：70

[[result]]
indicator = "anquan"       # 安全
# [result.townships]       # 上月没有得分；本月如有，去掉本行和下面各行的 #
# "甲街道" =
# "乙街道" =
# "丙镇" =

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`

func TestMergeScoresFillsTheFile(t *testing.T) {
	s := mergeSite(t)
	edits := []ScoreEdit{
		edit(s, "jingji", "甲街道", "90.5", "a.csv:2:2"),
		edit(s, "jingji", "乙街道", "80.0", "a.csv:3:2"), // 80 in the file: the same
		edit(s, "jingji", "丙镇", "70.0", "a.csv:4:2"),
		edit(s, "anquan", "甲街道", "1.0", "a.csv:2:3"),
		edit(s, "anquan", "乙街道", "2.0", "a.csv:3:3"),
		edit(s, "anquan", "丙镇", "3.0", "a.csv:4:3"),
		edit(s, "xin", "丙镇", "5.0", "a.csv:4:4"),
		edit(s, "xin", "甲街道", "4.0", "a.csv:2:4"),
	}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(scaffold), MonthEdits{Scores: edits}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
[result.townships]         # 得分
"甲街道" = 90.5            # 上月：90
"乙街道" = 80
"丙镇" = 70.0              # 上月：70

[[result]]
indicator = "anquan"       # 安全
[result.townships]
"甲街道" = 1.0
"乙街道" = 2.0
"丙镇" = 3.0

[[result]]
indicator = "xin"          # 新指标
[result.townships]
"丙镇" = 5.0
"甲街道" = 4.0

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Filled: 7, Same: 1, Results: 1}) {
		t.Errorf("count %+v", n)
	}
	m, err := s.ParseMonth("data/2023-03.toml", out, nil)
	if err != nil {
		t.Fatalf("merged file: %v", err)
	}
	for id, want := range map[string]string{"jingji": "甲街道 90.5 乙街道 80 丙镇 70", "anquan": "甲街道 1 乙街道 2 丙镇 3", "xin": "丙镇 5 甲街道 4"} {
		var got []string
		for _, sc := range m.Result(id).Scores {
			got = append(got, fmt.Sprint(sc.Unit.Name, " ", sc.Value))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s read back as %q, want %q", id, got, want)
		}
	}
}

// A table of scores some of whose units are still to fill keeps the
// mark of its header; it goes with the last of them (above).
func TestMergeScoresKeepsTheMarkOfATableNotFilled(t *testing.T) {
	s := mergeSite(t)
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(scaffold), MonthEdits{Scores: []ScoreEdit{
		edit(s, "jingji", "甲街道", "90.5", "a.csv:2:2"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
[result.townships]         # 得分（待填写）
"甲街道" = 90.5            # 上月：90
"乙街道" = 80
# "丙镇" =                 # 上月：70

[[result]]
indicator = "anquan"       # 安全
# [result.townships]       # 上月没有得分；本月如有，去掉本行和下面各行的 #
# "甲街道" =
# "乙街道" =
# "丙镇" =

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Filled: 1}) {
		t.Errorf("count %+v", n)
	}

	// The last of them, filled by a second merge: the mark goes. A
	// header whose note is only the mark loses its comment.
	src := strings.Replace(string(out), "# 得分（待填写）", "# （待填写）", 1)
	out, _, err = s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: []ScoreEdit{
		edit(s, "jingji", "丙镇", "70.0", "b.csv:2:2"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want = `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
[result.townships]
"甲街道" = 90.5            # 上月：90
"乙街道" = 80
"丙镇" = 70.0              # 上月：70

[[result]]
indicator = "anquan"       # 安全
# [result.townships]       # 上月没有得分；本月如有，去掉本行和下面各行的 #
# "甲街道" =
# "乙街道" =
# "丙镇" =

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
}

func TestMergeScoresAddsTables(t *testing.T) {
	s := mergeSite(t)
	src := `[[result]]
indicator = "jingji"
city = 3

# 分类
[categories]
"一类" = ["区发改局", "区财政局"]

[[result]]
indicator = "caizheng"
district = 2`
	out, _, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: []ScoreEdit{
		edit(s, "jingji", "甲街道", "1.0", "a.csv:2:2"),
		edit(s, "jingji", "yi", "2.0", "a.csv:3:2"), // by slug: written by name
		edit(s, "jingji", "丙镇", "3.0", "a.csv:4:2"),
		edit(s, "xin", "甲街道", "4.0", "a.csv:2:3"),
		edit(s, "xin", "丙镇", "5.0", "a.csv:4:3"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `[[result]]
indicator = "jingji"
city = 3
[result.townships]
"甲街道" = 1.0
"乙街道" = 2.0
"丙镇" = 3.0

# 分类
[categories]
"一类" = ["区发改局", "区财政局"]

[[result]]
indicator = "caizheng"
district = 2

[[result]]
indicator = "xin"          # 新指标
[result.townships]
"甲街道" = 4.0
"丙镇" = 5.0
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if _, err := s.ParseMonth("data/2023-03.toml", out, nil); err != nil {
		t.Errorf("merged file: %v", err)
	}
}

// A commented-out line right above the next table is the table's own
// when it is a score's.
func TestMergeScoresBeforeANextTable(t *testing.T) {
	s := mergeSite(t)
	src := "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"甲街道\" = 1\n# \"丙镇\" =\n[[result]]\nindicator = \"caizheng\"\n"
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: []ScoreEdit{
		edit(s, "jingji", "甲街道", "1.0", "a.csv:2:2"),
		edit(s, "jingji", "乙街道", "2.0", "a.csv:3:2"),
		edit(s, "jingji", "丙镇", "3.0", "a.csv:4:2"),
	}}, false)
	want := "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"甲街道\" = 1\n\"乙街道\" = 2.0\n\"丙镇\" = 3.0\n[[result]]\nindicator = \"caizheng\"\n"
	if err != nil || string(out) != want || !reflect.DeepEqual(n, MergeCount{Filled: 2, Same: 1}) {
		t.Errorf("merged (%+v, %v):\n%s\nwant:\n%s", n, err, out, want)
	}
}

// TestMergeCountConflicts: a count merged over a different one is told
// as a count's (的件数已是), by hand as TestMergeScoresConflicts's scores.
func TestMergeCountConflicts(t *testing.T) {
	s := mergeSite(t)
	s.Indicator("jingji").ScoreUnit = "件"
	src := "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"甲街道\" = 3\n"
	_, _, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: []ScoreEdit{edit(s, "jingji", "甲街道", "4", "a.csv:2:2")}}, false)
	want := "data/2023-03.toml:4:9: 指标“经济”中乡镇（街道）“甲街道”的件数已是 3，与 a.csv:2:2 的 4 不同"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestMergeScoresConflicts(t *testing.T) {
	s := mergeSite(t)
	src := "\uFEFF[[result]]\r\nindicator = \"jingji\"\r\n[result.townships]\r\n\"甲街道\" = 90   # 复核后\r\nyi = \"80\"\r\n\"丙镇\" = 70\r\n"
	edits := []ScoreEdit{
		edit(s, "jingji", "甲街道", "91.0", "a.csv:2:2"),
		edit(s, "jingji", "乙街道", "80.0", "a.csv:3:2"),
		edit(s, "jingji", "丙镇", "75.5", "a.csv:4:2"),
	}
	_, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: edits}, false)
	want := "data/2023-03.toml:4:9: 指标“经济”中乡镇（街道）“甲街道”的得分已是 90，与 a.csv:2:2 的 91.0 不同\n" +
		"data/2023-03.toml:6:8: 指标“经济”中乡镇（街道）“丙镇”的得分已是 70，与 a.csv:4:2 的 75.5 不同"
	if err == nil || err.Error() != want || n.Conflicts != 2 {
		t.Fatalf("conflicts: %d, %v\nwant:\n%s", n.Conflicts, err, want)
	}
	// Replacing them keeps the rest of each line, the byte order mark and
	// the Windows line ends.
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: edits}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\uFEFF[[result]]\r\nindicator = \"jingji\"\r\n[result.townships]\r\n\"甲街道\" = 91.0   # 复核后\r\nyi = \"80\"\r\n\"丙镇\" = 75.5\r\n"; string(out) != want {
		t.Errorf("replaced:\n%q\nwant:\n%q", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Changed: 2, Same: 1}) {
		t.Errorf("count %+v", n)
	}
}

func TestMergeScoresRefuses(t *testing.T) {
	s := mergeSite(t)
	for _, c := range []struct {
		name, src string
		edits     []ScoreEdit
		want      string
	}{
		{"an inline table", "[[result]]\nindicator = \"jingji\"\ntownships = { \"甲街道\" = 1 }\n",
			[]ScoreEdit{edit(s, "jingji", "乙街道", "2.0", "a.csv:3:2")},
			"data/2023-03.toml:3:1: 指标“经济”的得分不是以 [result.townships] 表写的"},
		{"a problem the merge would add", "period = \"3月\"\n",
			[]ScoreEdit{{Indicator: s.Indicator("caizheng"), Unit: s.Townships[0], Value: "1.0", From: "a.csv:2:2"}},
			"不参与乡镇（街道）排名（indicators.toml 中没有 townships），不应有得分"},
		{"a file that is no TOML", "[[result]\n", nil, "data/2023-03.toml:1:10: 表头缺少结尾的“]”：写作 [[result]]"},
	} {
		_, _, err := s.MergeMonth("data/2023-03.toml", []byte(c.src), MonthEdits{Scores: c.edits}, true)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// A problem the merge would add at a value an edit gives is said at
	// the cell it was typed in.
	iv := row("interview", "b.xlsx 约谈!A2", "unit", "丁镇", "who", "分管领导", "reason", "排名靠后")
	_, _, err := s.MergeMonth("data/2023-03.toml", []byte("period = \"3月\"\n"), MonthEdits{Rows: []RowEdit{iv}}, false)
	if want := "b.xlsx 约谈!A2: 未知单位“丁镇”，是否为“丙镇”？"; err == nil || err.Error() != want {
		t.Errorf("an interview of an unknown unit: %v, want %q", err, want)
	}
	// A problem the file had before is the office's, not the merge's.
	out, _, err := s.MergeMonth("data/2023-03.toml", []byte("period = 3\n"), MonthEdits{Scores: []ScoreEdit{edit(s, "xin", "甲街道", "1.0", "a.csv:2:2"), edit(s, "xin", "丙镇", "2.0", "a.csv:3:2")}}, false)
	if err != nil || !strings.HasSuffix(string(out), "\"甲街道\" = 1.0\n\"丙镇\" = 2.0\n") {
		t.Errorf("a file with a problem already: %v\n%s", err, out)
	}
}

// FuzzMergeMonth lays the same scores, values and entries over arbitrary
// month files. It must not panic; and a merge that succeeds gives a file
// that TOML reads with every one in place: the result of its indicator
// holding each score (under the unit's name or slug) and value (the one
// given, when replacing), its table the entry.
func FuzzMergeMonth(f *testing.F) {
	s := mergeSite(f)
	edits := []ScoreEdit{
		edit(s, "jingji", "甲街道", "1.0", "a.csv:2:2"),
		edit(s, "jingji", "乙街道", "2.5", "a.csv:3:2"),
		edit(s, "jingji", "丙镇", "3.0", "a.csv:4:2"),
		edit(s, "xin", "丙镇", "5.0", "a.csv:4:3"),
		edit(s, "xin", "甲街道", "4.0", "a.csv:2:3"),
	}
	values := []ValueEdit{
		value(s, "", "overallCity", 5, "b.xlsx 本月概况!B4"),
		value(s, "jingji", "city", 2, "b.xlsx 考核结果!E3"),
		value(s, "xin", "progress", "进展", "b.xlsx 考核结果!K5"),
		value(s, "xin", "cityTie", true, "b.xlsx 考核结果!F5"),
	}
	rows := []RowEdit{row("reward", "b.xlsx 奖励!A2", "unit", "乙街道", "amount", 3000, "reason", "项目建设"),
		row("reward", "b.xlsx 奖励!A3", "unit", "甲街道", "amount", 2, "reason", "a")}
	rows[1].Was = row("reward", "b.xlsx 奖励!A3", "unit", "甲街道", "amount", 1, "reason", "a").Values
	for _, src := range []string{scaffold, "", "period = \"3月\"\n", "[[result]]\nindicator = \"jingji\"\n[result.townships]\n\"甲街道\" = 1\n# \"丙镇\" =\n[[result]]\nindicator = \"xin\"\n# [result.townships]\n# jia =\n",
		"[[result]]\r\nindicator = \"jingji\"\r\n[result.townships]\r\nyi = \"2\"   # 注\r\n",
		"overallCity = 3\n[[result]]\nindicator = \"jingji\"\ncity = 1\n# progress = \"\"\n[[result]]\nindicator = \"xin\"\n# [result.townships]\n# progress = \"\"\n",
		"[[reward]]\nunit = \"甲街道\"\namount = 1\nreason = \"a\"  # 注\n[categories]\n"} {
		f.Add([]byte(src), false)
		f.Add([]byte(src), true)
	}
	f.Fuzz(func(t *testing.T, src []byte, replace bool) {
		rows := rows[:1]
		if bytes.Contains(src, []byte("[[reward]]")) {
			rows = rows[:2] // the change of an entry: refused where the file has none
		}
		out, _, err := s.MergeMonth("data/2023-03.toml", src, MonthEdits{Values: values, Scores: edits, Rows: rows}, replace)
		if err != nil {
			return
		}
		var doc map[string]any
		text := strings.ReplaceAll(strings.TrimPrefix(string(out), "\uFEFF"), "\r\n", "\n") // as the loader reads it
		if _, err := toml.Decode(text, &doc); err != nil {
			t.Fatalf("merged file is not TOML: %v\n%s", err, out)
		}
		results, _ := doc["result"].([]map[string]any)
		for _, e := range edits {
			found := false
			for _, r := range results {
				if r["indicator"] != e.Indicator.ID {
					continue
				}
				table, _ := r["townships"].(map[string]any)
				for k, v := range table {
					if u, _ := s.Township(k); u != e.Unit {
						continue
					}
					got, ok := scoreOf(v)
					want, _ := ParseScore(e.Value)
					found = found || ok && (got == want || !replace)
				}
				break // the first result of the indicator is the one read
			}
			if !found {
				t.Fatalf("score %s %s %s missing from the merged file:\n%s", e.Indicator.ID, e.Unit.Name, e.Value, out)
			}
		}
		for _, e := range values {
			table := doc
			if e.Indicator != nil {
				table = nil
				for _, r := range results {
					if r["indicator"] == e.Indicator.ID {
						table = r
						break
					}
				}
			}
			v, ok := table[e.Field.Key]
			if !ok || replace && !sameValue(e.Field, v, e.Value) {
				t.Fatalf("value %s of %v is %v, want %v:\n%s", e.Field.Key, e.Indicator, v, e.Value, out)
			}
		}
		for _, e := range rows {
			entries, _ := doc[e.Table.Key].([]map[string]any)
			if !slices.ContainsFunc(entries, func(have map[string]any) bool { return sameEntry(e.Values, have) }) {
				t.Fatalf("%s missing from the merged file:\n%s", e.Table.Key, out)
			}
		}
	})
}

func value(s *Site, ind, key string, v any, from string) ValueEdit {
	if ind == "" {
		return ValueEdit{Field: MonthFile.Field(key), Value: v, From: from}
	}
	return ValueEdit{Indicator: s.Indicator(ind), Field: MonthFile.Field("result." + key), Value: v, From: from}
}

// TestMergeMonthValues lays a workbook's other values over the scaffold:
// a placeholder filled with its note, a value the file lacks added before
// the result's table of scores (written or commented out), the month's
// own values, a result the file lacks, and a value it has already. The
// whole output is written here by hand.
func TestMergeMonthValues(t *testing.T) {
	s := mergeSite(t)
	edits := MonthEdits{Values: []ValueEdit{
		value(s, "", "period", "3月", "b.xlsx 本月概况!B3"),
		value(s, "", "overallCity", 5, "b.xlsx 本月概况!B4"),
		value(s, "xin", "city", 4, "b.xlsx 考核结果!E5"),
		value(s, "xin", "cityTie", true, "b.xlsx 考核结果!F5"),
		value(s, "jingji", "city", 2, "b.xlsx 考核结果!E3"),
		value(s, "jingji", "progress", "进展“顺利”", "b.xlsx 考核结果!K3"),
		value(s, "anquan", "progress", "已完成", "b.xlsx 考核结果!K4"),
	}}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(scaffold), edits, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。
period = "3月"
overallCity = 5

[[result]]
indicator = "jingji"       # 经济
city = 2                   # 上月：3
progress = "进展“顺利”"
[result.townships]         # 得分（待填写）
# "甲街道" =               # 上月：90
"乙街道" = 80
# "丙镇" =                 # 上月：70

[[result]]
indicator = "anquan"       # 安全
progress = "已完成"
# [result.townships]       # 上月没有得分；本月如有，去掉本行和下面各行的 #
# "甲街道" =
# "乙街道" =
# "丙镇" =

[[result]]
indicator = "xin"          # 新指标
city    = 4
cityTie = true

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{ValuesFilled: 6, ValuesSame: 1, Results: 1}) {
		t.Errorf("count %+v", n)
	}
}

// TestMergeMonthValueConflicts: a value the file has with another one is
// refused at the file's, in the office's words, and replaced when asked;
// a value of another kind than the field's is a conflict too, and a
// multi-line string is not replaced.
func TestMergeMonthValueConflicts(t *testing.T) {
	s := mergeSite(t)
	src := "overallCity = 6\n\n[[result]]\nindicator = \"jingji\"\ncity = \"3\"   # 复核后\nprogress = \"\"\"\n多行\n\"\"\"\n"
	edits := MonthEdits{Values: []ValueEdit{
		value(s, "", "overallCity", 5, "b.xlsx 本月概况!B4"),
		value(s, "jingji", "city", 3, "b.xlsx 考核结果!E3"),
	}}
	_, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), edits, false)
	want := "data/2023-03.toml:1:15: 本月的全市综合排名已是 6，与 b.xlsx 本月概况!B4 的 5 不同\n" +
		"data/2023-03.toml:5:8: 指标“经济”的全市排名已是 \"3\"，与 b.xlsx 考核结果!E3 的 3 不同"
	if err == nil || err.Error() != want || n.Conflicts != 2 {
		t.Fatalf("conflicts: %d, %v\nwant:\n%s", n.Conflicts, err, want)
	}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), edits, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := "overallCity = 5\n\n[[result]]\nindicator = \"jingji\"\ncity = 3   # 复核后\nprogress = \"\"\"\n多行\n\"\"\"\n"; string(out) != want {
		t.Errorf("replaced:\n%q\nwant:\n%q", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{ValuesChanged: 2}) {
		t.Errorf("count %+v", n)
	}
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Values: []ValueEdit{value(s, "jingji", "progress", "一行", "b.xlsx 考核结果!K3")}}, true)
	if want := "data/2023-03.toml:6:12: 指标“经济”的进展情况是多行字符串，无法替换为 b.xlsx 考核结果!K3 的值：请直接在本文件中修改"; err == nil || err.Error() != want {
		t.Errorf("a multi-line string: %v\nwant %s", err, want)
	}
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte("result = [{ indicator = \"jingji\" }]\n"), MonthEdits{Values: []ValueEdit{value(s, "jingji", "city", 3, "b.xlsx 考核结果!E3")}}, true)
	if want := "data/2023-03.toml:1:1: 考核结果不是以 [[result]] 表写的，无法并入"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("an inline result: %v, want %q", err, want)
	}
}

func row(table string, from string, kv ...any) RowEdit {
	e := RowEdit{Table: MonthFile.Field(table), From: from}
	for i := 0; i < len(kv); i += 2 {
		e.Values = append(e.Values, ValueEdit{Field: MonthFile.Field(table + "." + kv[i].(string)), Value: kv[i+1], From: from})
	}
	return e
}

// TestMergeMonthRows adds entries of the month's tables: after the
// table's last entry, before the comment that introduces the next table,
// or at the file's end; an entry the file has already is not added again.
func TestMergeMonthRows(t *testing.T) {
	s := mergeSite(t)
	src := "period = \"3月\"\n\n[[reward]]\nunit = \"甲街道\"\namount = 5000\nreason = \"招商\"\n\n# 分类\n[categories]\n\"一类\" = [\"区发改局\", \"区财政局\"]\n"
	edits := MonthEdits{Rows: []RowEdit{
		row("reward", "b.xlsx 奖励!A3", "unit", "甲街道", "amount", 5000, "reason", "招商"),
		row("reward", "b.xlsx 奖励!A4", "unit", "乙街道", "amount", 3000, "reason", "项目建设"),
		row("interview", "b.xlsx 约谈!A2", "unit", "丙镇", "who", "分管领导", "reason", "连续排名靠后"),
	}}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), edits, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `period = "3月"

[[reward]]
unit = "甲街道"
amount = 5000
reason = "招商"

[[reward]]
unit   = "乙街道"
amount = 3000
reason = "项目建设"

# 分类
[categories]
"一类" = ["区发改局", "区财政局"]

[[interview]]
unit   = "丙镇"
who    = "分管领导"
reason = "连续排名靠后"
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{RowsAdded: 2, RowsSame: 1, Added: map[string]int{"奖励": 1, "约谈": 1}}) {
		t.Errorf("count %+v", n)
	}
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte("reward = [{ unit = \"甲街道\", amount = 1, reason = \"a\" }]\n"), MonthEdits{Rows: edits.Rows[1:2]}, false)
	if want := "data/2023-03.toml:1:1: 奖励不是以 [[reward]] 表写的，无法并入"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("an inline table: %v, want %q", err, want)
	}
}

// TestMergeMonthChangesEntries: a row sent out in a workbook and changed
// there changes the file's entry it was — a value replaced in place, one
// added after the entry's lines, one emptied removed with its line — and
// is refused when the file no longer has that entry.
func TestMergeMonthChangesEntries(t *testing.T) {
	s := mergeSite(t)
	src := "[[interview]]\nunit = \"丙镇\"\nwho = \"分管领导\"\nkind = \"约谈\"\nreason = \"连续排名靠后\"  # 注\n\n[[interview]]\nunit = \"甲街道\"\nwho = \"分管领导\"\nreason = \"未完成\"\n\n# 分类\n[categories]\n\"一类\" = [\"区发改局\", \"区财政局\"]\n"
	was := func(unit string, kv ...any) []ValueEdit {
		return row("interview", "b.xlsx 约谈!A2", append([]any{"unit", unit}, kv...)...).Values
	}
	first := row("interview", "b.xlsx 约谈!A2", "unit", "丙镇", "who", "主要领导", "reason", "连续排名靠后")
	first.Was = was("丙镇", "who", "分管领导", "kind", "约谈", "reason", "连续排名靠后")
	second := row("interview", "b.xlsx 约谈!A3", "unit", "甲街道", "who", "分管领导", "kind", "约谈", "reason", "未完成")
	second.Was = was("甲街道", "who", "分管领导", "reason", "未完成")
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Rows: []RowEdit{first, second}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := "[[interview]]\nunit = \"丙镇\"\nwho = \"主要领导\"\nreason = \"连续排名靠后\"  # 注\n\n[[interview]]\nunit = \"甲街道\"\nwho = \"分管领导\"\nreason = \"未完成\"\nkind = \"约谈\"\n\n# 分类\n[categories]\n\"一类\" = [\"区发改局\", \"区财政局\"]\n"
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{RowsChanged: 2, Altered: map[string]int{"约谈": 2}}) {
		t.Errorf("count %+v", n)
	}
	// The file's entry is no longer the one sent out.
	gone := row("interview", "b.xlsx 约谈!A4", "unit", "乙街道", "who", "主要领导", "reason", "未完成")
	gone.Was = was("乙街道", "who", "分管领导", "reason", "未完成")
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Rows: []RowEdit{gone}}, true)
	if want := "b.xlsx 约谈!A4: 这一项约谈是发出时已有的，data/2023-03.toml 中却已没有它（在其中改动或删去了）：请直接在 data/2023-03.toml 中修改"; err == nil || err.Error() != want {
		t.Errorf("an entry the file no longer has: %v\nwant %s", err, want)
	}
	// A multi-line string is not removed.
	multi := "[[interview]]\nunit = \"丙镇\"\nwho = \"分管领导\"\nkind = \"\"\"\n约谈\"\"\"\nreason = \"连续排名靠后\"\n"
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte(multi), MonthEdits{Rows: []RowEdit{first}}, true)
	if want := "data/2023-03.toml:4:8: “kind”是多行字符串，无法按 b.xlsx 约谈!A2 改动：请直接在本文件中修改"; err == nil || err.Error() != want {
		t.Errorf("a multi-line string: %v\nwant %s", err, want)
	}
}

// TestMonthEditsWhere: where each value of a merged file was typed, by
// its TOML path: the edit that gives it (the later of two), its row's or
// its own cell for an entry of a table; nothing for what no edit gives,
// nor for a result or its table of scores as a whole.
func TestMonthEditsWhere(t *testing.T) {
	s := mergeSite(t)
	src := `period = "3月"
overallCity = 5

[[result]]
indicator = "jingji"
city = 2
[result.townships]
"甲街道" = 90
"yi" = 80

[[interview]]
unit = "丙镇"
who = "分管领导"
reason = "连续排名靠后"

[[interview]]
unit = "甲街道"
who = "主要负责人"
reason = "排名靠后"
`
	iv := row("interview", "b.xlsx 约谈!A3", "unit", "甲街道", "who", "主要负责人", "reason", "排名靠后")
	iv.Values[1].From = "b.xlsx 约谈!B3"
	where := MonthEdits{
		Values: []ValueEdit{
			value(s, "", "overallCity", 6, "a.xlsx 本月概况!B4"),
			value(s, "jingji", "city", 2, "a.xlsx 考核结果!E3"),
			value(s, "", "overallCity", 5, "c.xlsx 本月概况!B4"),
		},
		Scores: []ScoreEdit{
			edit(s, "jingji", "甲街道", "91", "a.xlsx 乡镇得分!B4"),
			edit(s, "jingji", "乙街道", "80", "a.csv:3:2"),
			edit(s, "jingji", "甲街道", "90", "c.xlsx 乡镇得分!B4"),
		},
		Rows: []RowEdit{iv},
	}.Where([]byte(src))
	for path, want := range map[string]string{
		"overallCity":            "c.xlsx 本月概况!B4", // the later edit
		"period":                 "",
		"result.0.city":          "a.xlsx 考核结果!E3",
		"result.0.district":      "",
		"result.0.townships.甲街道": "c.xlsx 乡镇得分!B4", // the later edit
		"result.0.townships.yi":  "a.csv:3:2",      // by its slug
		"result.0.townships":     "",
		"result.0":               "",
		"result.1.city":          "",
		"interview.1":            "b.xlsx 约谈!A3",
		"interview.1.who":        "b.xlsx 约谈!B3",
		"interview.1.kind":       "",
		"interview.0":            "", // the file's own
		"interview.2":            "",
		"categories.一类":          "",
	} {
		if got := where(path); got != want {
			t.Errorf("where(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestMergeScoresNotApplicable: a township the result leaves out this
// month (notApplicable) has no score to fill, so filling the others
// completes the table, and its header's mark goes.
func TestMergeScoresNotApplicable(t *testing.T) {
	s := mergeSite(t)
	src := strings.Replace(scaffold, "# city     =               # 上月：3\n", "# city     =               # 上月：3\nnotApplicable = [{township = \"丙镇\", reason = \"本月无此项工作\"}]\n", 1)
	out, _, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Scores: []ScoreEdit{
		edit(s, "jingji", "甲街道", "90.5", "a.csv:2:2"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, "[result.townships]         # 得分（待填写）\n# \"甲街道\" =               # 上月：90\n",
		"[result.townships]         # 得分\n\"甲街道\" = 90.5            # 上月：90\n", 1)
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	m, err := s.ParseMonth("data/2023-03.toml", out, nil)
	if err != nil {
		t.Fatalf("merged file: %v", err)
	}
	if r := m.Result("jingji"); len(r.Scores) != 2 || len(r.NotApplicable) != 1 || r.NotApplicable[0].Unit.Name != "丙镇" || r.NotApplicable[0].Reason != "本月无此项工作" {
		t.Errorf("read back: scores %v, not applicable %v", r.Scores, r.NotApplicable)
	}
}

func exclusion(s *Site, ind, unit, reason, from string) ExclusionEdit {
	u, _ := s.Township(unit)
	return ExclusionEdit{Indicator: s.Indicator(ind), Unit: u, Reason: reason, From: from}
}

// TestMergeExclusions: a cell written 不涉及 goes into its result's
// notApplicable, written above the table of scores (a new result's too),
// and the township needs no score: the table it completes loses its mark.
func TestMergeExclusions(t *testing.T) {
	s := mergeSite(t)
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(scaffold), MonthEdits{
		Scores: []ScoreEdit{
			edit(s, "jingji", "甲街道", "90.5", "a.csv:2:2"),
			edit(s, "anquan", "甲街道", "1.0", "a.csv:2:3"),
			edit(s, "anquan", "丙镇", "3.0", "a.csv:4:3"),
			edit(s, "xin", "甲街道", "4.0", "a.csv:2:4"),
		},
		Excluded: []ExclusionEdit{
			exclusion(s, "jingji", "丙镇", "本月无此项工作", "a.csv:4:2"),
			exclusion(s, "anquan", "乙街道", "", "a.csv:3:3"),
			exclusion(s, "xin", "丙镇", "", "a.csv:4:4"),
		},
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
notApplicable = [{township = "丙镇", reason = "本月无此项工作"}]
[result.townships]         # 得分
"甲街道" = 90.5            # 上月：90
"乙街道" = 80
# "丙镇" =                 # 上月：70

[[result]]
indicator = "anquan"       # 安全
notApplicable = ["乙街道"]
[result.townships]
"甲街道" = 1.0
# "乙街道" =
"丙镇" = 3.0

[[result]]
indicator = "xin"          # 新指标
notApplicable = ["丙镇"]
[result.townships]
"甲街道" = 4.0

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Filled: 4, Excluded: 3, Results: 1}) {
		t.Errorf("count %+v", n)
	}

	// Merged again into the file it made, the same cells are the same;
	// another township goes into the array the file has.
	again, n, err := s.MergeMonth("data/2023-03.toml", out, MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "本月无此项工作", "b.csv:4:2"),
		exclusion(s, "anquan", "丙镇", "", "b.csv:4:3"),
	}}, true)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(strings.Replace(want, `notApplicable = ["乙街道"]`, `notApplicable = ["乙街道", "丙镇"]`, 1), "\"丙镇\" = 3.0\n", "", 1)
	if string(again) != want {
		t.Errorf("merged again:\n%s\nwant:\n%s", again, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Same: 1, Changed: 1}) {
		t.Errorf("count again %+v", n)
	}
}

// TestMergeExclusionConflict: a township the file scores, merged as 不涉及,
// is a conflict told at the file's score, unless replaced.
func TestMergeExclusionConflict(t *testing.T) {
	s := mergeSite(t)
	src := strings.Replace(scaffold, "# \"丙镇\" =                 # 上月：70", "\"丙镇\" = 70", 1)
	_, _, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "", "a.csv:4:2"),
	}}, false)
	want := "data/2023-03.toml:10:8: 指标“经济”中乡镇（街道）“丙镇”的得分已是 70，而 a.csv:4:2 为“不涉及”"
	if err == nil || err.Error() != want {
		t.Errorf("merging 不涉及 over a score: %v, want %s", err, want)
	}
}

// TestMergeExclusionReason: a township the file names 不涉及 already,
// merged as 不涉及 with a reason, takes the reason when the file gives
// none (a department says why the office's 不涉及 holds), where it was
// counted the same and the reason dropped; merged with another reason
// than the file's, it is a conflict told at the file's notApplicable,
// unless replaced; merged without one, or with the file's, it is the
// same and the file's reason stays. The array is written again in its
// order, each township as the file names it (乙街道 by its name, 丙镇 by
// its slug).
func TestMergeExclusionReason(t *testing.T) {
	s := mergeSite(t)
	src := strings.Replace(scaffold, "# city     =               # 上月：3\n",
		"# city     =               # 上月：3\nnotApplicable = [\"乙街道\", {township = \"bing\", reason = \"本月无此项工作\"}]\n", 1)
	src = strings.Replace(src, "\"乙街道\" = 80\n", "", 1)
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "乙街道", "撤并后无工业企业", "a.csv:3:2"),
		exclusion(s, "jingji", "丙镇", "", "a.csv:4:2"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, `notApplicable = ["乙街道", {township = "bing", reason = "本月无此项工作"}]`,
		`notApplicable = [{township = "乙街道", reason = "撤并后无工业企业"}, {township = "bing", reason = "本月无此项工作"}]`, 1)
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Same: 1, ValuesFilled: 1}) {
		t.Errorf("count %+v, want 1 the same and a reason filled", n)
	}

	_, n, err = s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "撤并过渡期", "b.csv:4:2"),
	}}, false)
	const conflict = "data/2023-03.toml:7:17: 指标“经济”中乡镇（街道）“丙镇”不涉及的原因已是“本月无此项工作”，而 b.csv:4:2 为“撤并过渡期”"
	if err == nil || err.Error() != conflict || n.Conflicts != 1 {
		t.Errorf("merging another reason: %v (%+v), want %s", err, n, conflict)
	}
	out, n, err = s.MergeMonth("data/2023-03.toml", []byte(src), MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "撤并过渡期", "b.csv:4:2"),
		exclusion(s, "jingji", "甲街道", "", "b.csv:2:2"),
	}}, true)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(src, `notApplicable = ["乙街道", {township = "bing", reason = "本月无此项工作"}]`,
		`notApplicable = ["乙街道", {township = "bing", reason = "撤并过渡期"}, "甲街道"]`, 1)
	// Every township 不涉及, the table has none left to fill.
	want = strings.Replace(want, "[result.townships]         # 得分（待填写）", "[result.townships]         # 得分", 1)
	if string(out) != want {
		t.Errorf("replaced:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Excluded: 1, ValuesChanged: 1}) {
		t.Errorf("count replaced %+v, want 1 excluded and a reason changed", n)
	}
}
