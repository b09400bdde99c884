package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An indicator whose scores are counts (scoreUnit 件, 次, …) is compared
// and shown as whole numbers when it writes no decimals: 3 件, not 3.00.
// Written decimals win, and a unit that is no count (万元, %) keeps 2. A
// count with a fraction, under the default, is warned of at the score:
// rounded, 80.5 would tie 81 unseen; so is a score with more digits
// than its written decimals (85.46 at decimals = 1 ties 85.45 as 85.5).
func TestCountDecimals(t *testing.T) {
	for _, tc := range []struct {
		keys  string
		score string
		want  int
		warn  string
	}{
		{"scoreUnit = \"件\"\n", "80", 0, ""},
		{"scoreUnit = \"次\"\n", "80", 0, ""},
		{"scoreUnit = \"件\"\ndecimals = 1\n", "80.5", 1, ""},
		{"scoreUnit = \"万元\"\n", "80.5", 2, ""},
		{"", "80.5", 2, ""},
		{"scoreUnit = \"件\"\n", "80.5", 0, "data/2023-02.toml:7:1: 警告：指标“经济”的计量单位是“件”，没有写 decimals，按整数比较和显示，而乙街道的件数 80.5 有小数，会按 81 排名；件数确有小数的，在 data/indicators.toml 中给这一项写 decimals（如 decimals = 2）"},
		// Written decimals exceeded: rounded as DESIGN §5.1 says, and said.
		{"decimals = 1\n", "85.5", 1, ""},
		{"decimals = 1\n", "85.46", 1, "data/2023-02.toml:7:1: 警告：指标“经济”写了 decimals = 1，按1位小数比较和显示，而乙街道的得分 85.46 有2位小数，四舍五入为 85.5 排名，与四舍五入后得分相同的单位并列；得分确需2位小数的，在 data/indicators.toml 中把这一项改为 decimals = 2"},
		{"decimals = 1\n", "85.45", 1, "data/2023-02.toml:7:1: 警告：指标“经济”写了 decimals = 1，按1位小数比较和显示，而乙街道的得分 85.45 有2位小数，四舍五入为 85.5 排名，与四舍五入后得分相同的单位并列；得分确需2位小数的，在 data/indicators.toml 中把这一项改为 decimals = 2"},
		{"scoreUnit = \"件\"\ndecimals = 0\n", "80.5", 0, "data/2023-02.toml:7:1: 警告：指标“经济”写了 decimals = 0，按整数比较和显示，而乙街道的件数 80.5 有1位小数，四舍五入为 81 排名，与四舍五入后件数相同的单位并列；件数确需1位小数的，在 data/indicators.toml 中把这一项改为 decimals = 1"},
		{"decimals = 2\n", "80.125", 2, "data/2023-02.toml:7:1: 警告：指标“经济”写了 decimals = 2，按2位小数比较和显示，而乙街道的得分 80.125 有3位小数，四舍五入为 80.13 排名，与四舍五入后得分相同的单位并列；得分确需3位小数的，在 data/indicators.toml 中把这一项改为 decimals = 3"},
		// The default of 2, not written, is not warned of.
		{"", "80.125", 2, ""},
		// A change's decimals are written too, from its month on.
		{"[[indicator.change]]\nfrom = \"2023-01\"\ndecimals = 1\n", "85.46", 1, "data/2023-02.toml:7:1: 警告：指标“经济”写了 decimals = 1，按1位小数比较和显示，而乙街道的得分 85.46 有2位小数，四舍五入为 85.5 排名，与四舍五入后得分相同的单位并列；得分确需2位小数的，在 data/indicators.toml 中把这一项改为 decimals = 2"},
		{"[[indicator.change]]\nfrom = \"2023-03\"\ndecimals = 1\n", "85.46", 2, ""},
	} {
		files := miniSite()
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\n"+tc.keys, 1)
		files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"乙街道\" = 80", "\"乙街道\" = "+tc.score, 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Indicator("jingji").In("2023-02").Decimals; got != tc.want {
			t.Errorf("%q: decimals %d, want %d", tc.keys, got, tc.want)
		}
		var got []string
		for _, w := range s.Warnings {
			if strings.Contains(w.Msg, "decimals") {
				got = append(got, w.String())
			}
		}
		if tc.warn == "" && len(got) > 0 || tc.warn != "" && !slices.Equal(got, []string{tc.warn}) {
			t.Errorf("%q, score %s: warnings %q, want %q", tc.keys, tc.score, got, tc.warn)
		}
	}
}

// TestCountDiagnostics: check names a count's value as what it counts
// (件数) in the diagnostics about one indicator's values, and its
// max and min as 上限 and 下限, not a score's 满分 and 最低分; the
// messages by hand, 经济 counted in 件 (miniSite's 甲街道 90, 乙街道 80,
// 丙镇 70).
func TestCountDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		keys, from, to, want string
	}{
		{"", `"乙街道" = 80` + "\n", "",
			"data/2023-02.toml:5:1: 指标“经济”缺少乡镇（街道）“乙街道”的件数：请填上它的件数；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"乙街道\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"乙街道\"]"},
		{"", "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "",
			"data/2023-02.toml:5:1: 指标“经济”缺少全部 3 个乡镇（街道）的件数，应由区发改局填报（本月不评分的指标，删去它的 [result.townships] 表）"},
		{"max = 50\n", "", "",
			"data/2023-02.toml:6:1: 指标“经济”中甲街道的件数 90 高于上限 50（indicators.toml 的 max）：是否打错了？"},
		{"min = 75\n", "", "",
			"data/2023-02.toml:8:1: 指标“经济”中丙镇的件数 70 低于下限 75（indicators.toml 的 min）：是否打错了？"},
		// A change that changes nothing says the direction as a count's.
		{"[[indicator.change]]\nfrom = \"2023-03\"\nbetter = \"higher\"\n", "", "",
			"指标“经济”自 2023-03 起的调整没有改变什么：所写的值与这个指标 [[indicator]] 中的相同（权重1，0位小数，件数越多越好）"},
		{"", "city = 3\n", "city = 3\nnotApplicable = [\"乙街道\"]\n",
			"data/2023-02.toml:8:1: 乡镇（街道）“乙街道”这个月不涉及指标“经济”（第5行 notApplicable），却又有件数：不涉及就删去这个件数，涉及就从 notApplicable 中删去它"},
		// The general messages about a table's values say 件数 of a
		// count's too.
		{"", `"乙街道" = 80`, `"乙街道" = "80件"`,
			"data/2023-02.toml:7:1: 乙街道的件数“80件”不是数：请去掉“件”，只写数，如 80"},
		{"", `"丙镇" = 70` + "\n", `"丙镇" = 70` + "\n\"yi\" = 80\n",
			"data/2023-02.toml:9:1: 乡镇（街道）“乙街道”的件数重复（名称和 slug 指同一单位）"},
		{"", "[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "notApplicable = [\"乙街道\"]\n",
			"data/2023-02.toml:5:1: 指标“经济”这个月没有件数（没有 [result.townships]），notApplicable 无从说起：删去它，或写上其余乡镇（街道）的件数"},
	} {
		files := miniSite()
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nscoreUnit = \"件\"\n"+tc.keys, 1)
		if tc.from != "" {
			files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], tc.from, tc.to, 1)
		}
		_, err := Load(writeSite(t, files))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q %q: got\n%v\nwant\n%s", tc.keys, tc.from, err, tc.want)
		}
	}
}

// TestCountSlipWarned: a slip in a count (85 typed 850) is warned of as
// a count's, 件数 among the others' 件数, as TestSlipWarned's score is.
func TestCountSlipWarned(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] += "[[township]]\nname = \"丁镇\"\nslug = \"ding\"\n[[township]]\nname = \"戊镇\"\nslug = \"wu\"\n"
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nscoreUnit = \"起\"\n", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], `"丙镇" = 70`+"\n", `"丙镇" = 70`+"\n\"丁镇\" = 850\n\"戊镇\" = 75\n", 1)
	var got []string
	for _, w := range loadWarnings(t, files) {
		if strings.Contains(w, "远在") {
			got = append(got, w)
		}
	}
	want := []string{"data/2023-02.toml:9:1: 警告：指标“经济”中丁镇的起数 850 远在其他乡镇（街道）的起数（70～90）之外，除以 10 为 85，就在其中：是否漏了小数点，或多打了数字？"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCountDeductHigher: a count a score is deducted by that is written
// higher-is-better is refused in a count's words (件数越多越好), by hand
// from the 扣分制 office with 信访件数's better = "lower" taken out.
func TestCountDeductHigher(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"config.toml", "data/units.toml", "data/indicators.toml", "data/2025-03.toml", "data/2025-04.toml"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/offices/deduct", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "parent    = \"xinfang-df\"\ntownships = \"all\"\nbetter    = \"lower\"\n", "parent    = \"xinfang-df\"\ntownships = \"all\"\n", 1)
	_, err := Load(writeSite(t, files))
	want := "指标“信访稳定”按“信访件数”的件数扣分，而“信访件数”件数越多越好：件数越多扣分越多，件数应越少越好：给它写 better = \"lower\""
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestCountWarnings: the warnings about a count's values say 件数, as
// its errors do (TestCountDiagnostics): a count quoted, a [[result]] of
// a count with nothing in it, a township not applicable to the month's
// only count. By hand, miniSite's 经济 counted in 件.
func TestCountWarnings(t *testing.T) {
	for _, tc := range []struct {
		from, to, want string
	}{
		{`"乙街道" = 80`, `"乙街道" = "80"`,
			"data/2023-02.toml:7:1: 警告：乙街道的件数 \"80\" 带引号，是文字而不是数；已按 80 读取，请去掉引号，写作 \"乙街道\" = 80"},
		{"\"甲街道\" = 90\n\"乙街道\" = 80\n", "\"甲街道\" = \"90\"\n\"乙街道\" = \"80\"\n",
			"data/2023-02.toml:6:1: 警告：这张件数表中有 2 个件数带引号，是文字而不是数（如甲街道的 \"90\"）；已按数读取，请去掉这些引号，如 \"甲街道\" = 90"},
		{"city = 3\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "",
			"data/2023-02.toml:2:1: 警告：指标“经济”这一项什么也没有填写（件数、排名、进展都没有），通报中只会有它的标题；这个月不考核它，就删去这个 [[result]]"},
		{"city = 3\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n", "city = 3\nnotApplicable = [\"乙街道\"]\n[result.townships]\n\"甲街道\" = 90\n",
			"警告：乡镇（街道）“乙街道”这个月不涉及它参与排名的每一项，没有任何件数，也就不参加综合考核排名；这个月它免于考核的，在 data/units.toml 中写 exempt = [\"2023-02\"]"},
	} {
		files := miniSite()
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nscoreUnit = \"件\"\n", 1)
		if !strings.Contains(files["data/2023-02.toml"], tc.from) {
			t.Fatalf("the month lacks %q", tc.from)
		}
		files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], tc.from, tc.to, 1)
		s, err := Load(writeSite(t, files))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Warnings.Error(); !strings.Contains(got, tc.want) {
			t.Errorf("%q: warnings\n%s\nlack\n%s", tc.to, got, tc.want)
		}
	}
}
