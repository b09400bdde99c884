package site

import (
	"reflect"
	"strings"
	"testing"
)

// TestMergeUnreported: a cell written 未报送 goes into its result's
// unreported, written above the table of scores after its notApplicable
// (a new result's too), and the township needs no score: the table it
// completes loses its mark. Where names the cell each came from.
func TestMergeUnreported(t *testing.T) {
	s := mergeSite(t)
	edits := MonthEdits{
		Scores: []ScoreEdit{
			edit(s, "jingji", "甲街道", "90.5", "a.csv:2:2"),
			edit(s, "anquan", "甲街道", "1.0", "a.csv:2:3"),
			edit(s, "xin", "甲街道", "4.0", "a.csv:2:4"),
		},
		Excluded: []ExclusionEdit{exclusion(s, "anquan", "乙街道", "", "a.csv:3:3")},
		Unreported: []ExclusionEdit{
			exclusion(s, "jingji", "丙镇", "逾期未报送", "a.csv:4:2"),
			exclusion(s, "anquan", "丙镇", "", "a.csv:4:3"),
			exclusion(s, "xin", "丙镇", "", "a.csv:4:4"),
		},
	}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(scaffold), edits, false)
	if err != nil {
		t.Fatal(err)
	}
	want := `# 2023年3月的考核结果。
period = "3月"

[[result]]
indicator = "jingji"       # 经济
# city     =               # 上月：3
unreported = [{township = "丙镇", reason = "逾期未报送"}]
[result.townships]         # 得分
"甲街道" = 90.5            # 上月：90
"乙街道" = 80
# "丙镇" =                 # 上月：70

[[result]]
indicator = "anquan"       # 安全
notApplicable = ["乙街道"]
unreported = ["丙镇"]
[result.townships]
"甲街道" = 1.0
# "乙街道" =
# "丙镇" =

[[result]]
indicator = "xin"          # 新指标
unreported = ["丙镇"]
[result.townships]
"甲街道" = 4.0

# 分类（沿用上月，如有调整请修改）
[categories]
"一类" = ["区发改局", "区财政局"]
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Filled: 3, Excluded: 1, Unreported: 3, Results: 1}) {
		t.Errorf("count %+v", n)
	}
	where := edits.Where(out)
	for path, from := range map[string]string{
		"result.0.unreported.0":    "a.csv:4:2",
		"result.1.notApplicable.0": "a.csv:3:3",
		"result.1.unreported.0":    "a.csv:4:3",
		"result.2.unreported.0":    "a.csv:4:4",
	} {
		if got := where(path); got != from {
			t.Errorf("Where(%s) = %q, want %q", path, got, from)
		}
	}

	// Merged again, the same cells are the same; another township goes
	// into the array the file has, its score taken out (replace).
	again, n, err := s.MergeMonth("data/2023-03.toml", out, MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "逾期未报送", "b.csv:4:2"),
		exclusion(s, "jingji", "乙街道", "", "b.csv:3:2"),
	}}, true)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(want, `unreported = [{township = "丙镇", reason = "逾期未报送"}]`, `unreported = [{township = "丙镇", reason = "逾期未报送"}, "乙街道"]`, 1)
	want = strings.Replace(want, "\"乙街道\" = 80\n", "", 1)
	if string(again) != want {
		t.Errorf("merged again:\n%s\nwant:\n%s", again, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Same: 1, Changed: 1}) {
		t.Errorf("count again %+v", n)
	}
}

// TestMergeUnreportedConflicts: a township is 不涉及 or 未报送, not both:
// one the file names in notApplicable, merged as 未报送, or in unreported,
// merged as 不涉及, is a conflict told at the file's array, as one the
// file scores is at the score; replaced, it moves from the one array to
// the other, the first going when it is left empty. A reason the file
// lacks is filled in.
func TestMergeUnreportedConflicts(t *testing.T) {
	s := mergeSite(t)
	const city = "# city     =               # 上月：3\n"
	listed := func(lines string) string {
		src := strings.Replace(scaffold, city, city+lines, 1)
		return strings.Replace(src, "\"乙街道\" = 80\n", "", 1)
	}
	both := listed("notApplicable = [\"乙街道\", \"丙镇\"]\n")
	_, n, err := s.MergeMonth("data/2023-03.toml", []byte(both), MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "", "a.csv:4:2"),
	}}, false)
	const conflict = "data/2023-03.toml:7:17: 指标“经济”中乡镇（街道）“丙镇”已写在 notApplicable 中（不涉及），而 a.csv:4:2 为“未报送”"
	if err == nil || err.Error() != conflict || n.Conflicts != 1 {
		t.Errorf("未报送 over 不涉及: %v (%+v), want %s", err, n, conflict)
	}
	out, n, err := s.MergeMonth("data/2023-03.toml", []byte(both), MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "逾期未报送", "a.csv:4:2"),
	}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := listed("notApplicable = [\"乙街道\"]\nunreported = [{township = \"丙镇\", reason = \"逾期未报送\"}]\n"); string(out) != want {
		t.Errorf("replaced:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{Changed: 1}) {
		t.Errorf("count replaced %+v, want 1 changed", n)
	}

	// The only township of notApplicable moved: the key goes.
	alone := strings.Replace(scaffold, city, city+"notApplicable = [\"丙镇\"]\n", 1)
	out, _, err = s.MergeMonth("data/2023-03.toml", []byte(alone), MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "", "a.csv:4:2"),
	}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(alone, "notApplicable = [\"丙镇\"]\n", "unreported = [\"丙镇\"]\n", 1); string(out) != want {
		t.Errorf("the only one moved:\n%s\nwant:\n%s", out, want)
	}

	// The other way: 不涉及 over 未报送.
	unreported := listed("unreported = [\"丙镇\"]\n")
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte(unreported), MonthEdits{Excluded: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "", "b.csv:4:2"),
	}}, false)
	if want := "data/2023-03.toml:7:14: 指标“经济”中乡镇（街道）“丙镇”已写在 unreported 中（未报送），而 b.csv:4:2 为“不涉及”"; err == nil || err.Error() != want {
		t.Errorf("不涉及 over 未报送: %v, want %s", err, want)
	}

	// 未报送 over a score.
	scored := strings.Replace(scaffold, "# \"丙镇\" =                 # 上月：70", "\"丙镇\" = 70", 1)
	_, _, err = s.MergeMonth("data/2023-03.toml", []byte(scored), MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "", "a.csv:4:2"),
	}}, false)
	if want := "data/2023-03.toml:10:8: 指标“经济”中乡镇（街道）“丙镇”的得分已是 70，而 a.csv:4:2 为“未报送”"; err == nil || err.Error() != want {
		t.Errorf("未报送 over a score: %v, want %s", err, want)
	}

	// The same township, with the reason the file lacks.
	out, n, err = s.MergeMonth("data/2023-03.toml", []byte(unreported), MonthEdits{Unreported: []ExclusionEdit{
		exclusion(s, "jingji", "丙镇", "逾期未报送", "c.csv:4:2"),
	}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(unreported, `unreported = ["丙镇"]`, `unreported = [{township = "丙镇", reason = "逾期未报送"}]`, 1); string(out) != want {
		t.Errorf("a reason filled:\n%s\nwant:\n%s", out, want)
	}
	if !reflect.DeepEqual(n, MergeCount{ValuesFilled: 1}) {
		t.Errorf("count of a reason filled %+v", n)
	}
}
