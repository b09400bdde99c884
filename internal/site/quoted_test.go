package site

import (
	"slices"
	"strings"
	"testing"
)

// TestQuotedScoreWarned: a score written as text in a month file ("80",
// full-width "９０", spaced " 70 ") is read as the number (DESIGN §4) and
// warned of at its key, so that the clerk takes the quotes away: once a
// table, at its first such score, with how many there are. The mini
// site's 2023-02.toml has 甲街道, 乙街道 and 丙镇 on lines 6, 7 and 8.
func TestQuotedScoreWarned(t *testing.T) {
	for _, c := range []struct {
		scores []string // 甲, 乙, 丙 as written
		want   []string
		values []float64 // 甲, 乙, 丙 as read
	}{
		{[]string{"90", "80", "70"}, nil, []float64{90, 80, 70}},
		{[]string{"90", `"80"`, "70"},
			[]string{`data/2023-02.toml:7:1: 警告：乙街道的得分 "80" 带引号，是文字而不是数；已按 80 读取，请去掉引号，写作 "乙街道" = 80`},
			[]float64{90, 80, 70}},
		{[]string{`"９０.５"`, "80", `" 70 "`},
			[]string{`data/2023-02.toml:6:1: 警告：这张得分表中有 2 个得分带引号，是文字而不是数（如甲街道的 "９０.５"）；已按数读取，请去掉这些引号，如 "甲街道" = 90.5`},
			[]float64{90.5, 80, 70}},
	} {
		files := miniSite()
		files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"甲街道" = 90
"乙街道" = 80
"丙镇" = 70`, `"甲街道" = `+c.scores[0]+`
"乙街道" = `+c.scores[1]+`
"丙镇" = `+c.scores[2], 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Fatalf("%q: %v", c.scores, err)
		}
		var got []string
		for _, w := range warningLines(s) {
			if strings.HasPrefix(w, "data/") {
				got = append(got, w)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: warnings\n%s\nwant\n%s", c.scores, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		var values []float64
		for _, sc := range s.Months[0].Result("jingji").Scores {
			values = append(values, sc.Value)
		}
		if !slices.Equal(values, c.values) {
			t.Errorf("%q: scores read %v, want %v", c.scores, values, c.values)
		}
	}
	// "80%" is no number: an error with its hint, and no warning beside it.
	files := miniSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"乙街道" = 80`, `"乙街道" = "80%"`, 1)
	_, err := Load(writeSite(t, files))
	if err == nil || err.Error() != "data/2023-02.toml:7:1: 乙街道的得分“80%”不是数：请去掉“%”，只写数，如 80" {
		t.Errorf("\"80%%\": %v", err)
	}
	// 未报送 and 不涉及, a workbook's words, say where the month file
	// writes them.
	for word, want := range map[string]string{
		`"未报送"`:        "data/2023-02.toml:7:1: 乙街道的得分“未报送”不是数：它逾期未报送的，不写它的得分，在这一项的 [result.townships] 之前写 unreported = [\"乙街道\"]，要写明原因的写 unreported = [{township = \"乙街道\", reason = \"原因\"}]",
		`"不涉及（本月无企业）"`: "data/2023-02.toml:7:1: 乙街道的得分“不涉及（本月无企业）”不是数：本月这项工作不涉及它的，不写它的得分，在这一项的 [result.townships] 之前写 notApplicable = [\"乙街道\"]，要写明原因的写 notApplicable = [{township = \"乙街道\", reason = \"原因\"}]",
		`"未报送5"`:       "data/2023-02.toml:7:1: 乙街道的得分“未报送5”不是数：应为数，如 95 或 87.5",
	} {
		files := miniSite()
		files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"乙街道" = 80`, `"乙街道" = `+word, 1)
		_, err := Load(writeSite(t, files))
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", word, err, want)
		}
	}
}
