package site

import (
	"math"
	"strings"
	"testing"
)

// TestUnreported: a result's unreported lists the townships that did not
// report it (未报送), each by name or slug, with its reason or not; they
// have no score, and are not missing one.
func TestUnreported(t *testing.T) {
	files := miniSite()
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "city = 3\n[result.townships]\n", "city = 3\nunreported = [\"jia\", {township = \"丙镇\", reason = \"逾期未报送\"}]\n[result.townships]\n", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"甲街道\" = 90\n", "", 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"丙镇\" = 70\n", "", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	res := s.Months[0].Results[0]
	if len(res.Scores) != 1 || res.Scores[0].Unit.Name != "乙街道" || len(res.Unreported) != 2 ||
		res.Unreported[0].Unit.Name != "甲街道" || res.Unreported[0].Reason != "" ||
		res.Unreported[1].Unit.Name != "丙镇" || res.Unreported[1].Reason != "逾期未报送" {
		t.Fatalf("scores %v, unreported %v; want 乙街道 scored, 甲街道 and 丙镇 (逾期未报送) unreported", res.Scores, res.Unreported)
	}
	if reason, ok := res.Unreports(s.Townships[2]); !ok || reason != "逾期未报送" {
		t.Errorf("Unreports(丙镇) = %q, %v", reason, ok)
	}
	if _, ok := res.Excludes(s.Townships[2]); ok {
		t.Error("丙镇, not reported, is said not applicable")
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings %q, want none", s.Warnings)
	}
}

// TestUnreportedValue: the value a township that did not report is
// ranked at, by the office's rule: NaN (after every number) for "last",
// the default; for "zero" the indicator's min, 0 unwritten, and max of a
// lower-is-better one, which without max has none.
func TestUnreportedValue(t *testing.T) {
	sixty, ten := 60.0, 10.0
	higher := &Indicator{ID: "a", Name: "甲", HigherBetter: true, Decimals: 2}
	floored := &Indicator{ID: "b", Name: "乙", HigherBetter: true, Decimals: 2, Min: &sixty}
	lower := &Indicator{ID: "c", Name: "丙", Decimals: 0, Max: &ten}
	unbounded := &Indicator{ID: "d", Name: "丁", Decimals: 0}
	s := &Site{}
	if v, ok := s.UnreportedValue(higher, "2024-01"); !ok || !math.IsNaN(v) {
		t.Errorf("last: %v, %v; want NaN", v, ok)
	}
	if v, ok := s.UnreportedValue(unbounded, "2024-01"); !ok || !math.IsNaN(v) {
		t.Errorf("last, lower without max: %v, %v; want NaN", v, ok)
	}
	s.Config.Ranking.Zero = true
	for _, c := range []struct {
		ind *Indicator
		v   float64
		ok  bool
	}{{higher, 0, true}, {floored, 60, true}, {lower, 10, true}, {unbounded, 0, false}} {
		if v, ok := s.UnreportedValue(c.ind, "2024-01"); v != c.v || ok != c.ok {
			t.Errorf("zero, %s: %v, %v; want %v, %v", c.ind.Name, v, ok, c.v, c.ok)
		}
	}
}

// TestUnreportedErrors: each thing wrong with an unreported is told at
// it, in Chinese, and the build stops.
func TestUnreportedErrors(t *testing.T) {
	const at = "city = 3\n[result.townships]\n"
	for _, c := range []struct{ name, old, new, want string }{
		{"unknown unit", at, "city = 3\nunreported = [\"丁镇\"]\n[result.townships]\n",
			"data/2023-02.toml:5:15: 未知乡镇（街道）“丁镇”"},
		{"also scored", at, "city = 3\nunreported = [\"丙镇\"]\n[result.townships]\n",
			"data/2023-02.toml:9:1: 乡镇（街道）“丙镇”这个月未报送指标“经济”（第5行 unreported），却又有得分：已报送的就从 unreported 中删去它，未报送的就删去这个得分"},
		{"also not applicable", at + "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "city = 3\nnotApplicable = [\"丙镇\"]\nunreported = [\"丙镇\"]\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n",
			"data/2023-02.toml:6:15: 乡镇（街道）“丙镇”这个月既写在 notApplicable 中（不涉及），又写在 unreported 中（未报送）：不涉及这项工作的删去 unreported 中的它，应报送而未报送的删去 notApplicable 中的它"},
		{"twice", at + "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "city = 3\nunreported = [\"丙镇\", \"bing\"]\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n",
			"data/2023-02.toml:5:21: unreported 中的乡镇（街道）“丙镇”重复"},
		{"no table of scores", at + "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "city = 3\nunreported = [\"丙镇\"]\n",
			"data/2023-02.toml:5:1: 指标“经济”这个月没有得分（没有 [result.townships]），unreported 无从说起：删去它，或写上其余乡镇（街道）的得分"},
		{"not ranked by township", "indicator = \"caizheng\"\n", "indicator = \"caizheng\"\nunreported = [\"丙镇\"]\n",
			"data/2023-02.toml:11:15: 指标“财政收入”不参与乡镇（街道）排名（indicators.toml 中没有 townships），不必写 unreported"},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantDiagnostic(t, miniSite(), "data/2023-02.toml", c.old, c.new, c.want)
		})
	}

	// Exempt from the month: it is in no ranking of it, reported or not.
	files := miniSite()
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], "slug = \"bing\"\n", "slug = \"bing\"\nexempt = [\"2023-02\"]\n", 1)
	wantDiagnostic(t, files, "data/2023-02.toml", at+"\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "city = 3\nunreported = [\"丙镇\"]\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n",
		"data/2023-02.toml:5:15: “丙镇”2023-02 免于考核（units.toml 的 exempt），这个月没有它")

	// Not reported, under "zero", of a lower-is-better indicator without
	// max: no lowest score to give it.
	files = miniSite()
	files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\n", "[ranking]\nunreported = \"zero\"\n", 1)
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nbetter = \"lower\"\nweight = 0\n", 1)
	wantDiagnostic(t, files, "data/2023-02.toml", at+"\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "city = 3\nunreported = [\"丙镇\"]\n[result.townships]\n\"甲街道\" = 90\n\"乙街道\" = 80\n",
		"data/2023-02.toml:5:15: 指标“经济”越低越好，没有 max，未报送的“丙镇”无从按最低分计（[ranking] unreported = \"zero\"）：在 indicators.toml 中给它写 max，或改用 unreported = \"last\"（排在最后）")

	// A rule of another name.
	files = miniSite()
	wantDiagnostic(t, files, "config.toml", "[ranking]\n", "[ranking]\nunreported = \"bottom\"\n",
		"config.toml:5:1: unreported 应为 last 或 zero，而不是“bottom”")
}

// TestVetoLastOfDepartment: last = true (一票否决, 排名列最后) of a unit not
// in the composite ranking, a department, is an error at the key.
func TestVetoLastOfDepartment(t *testing.T) {
	files := miniSite()
	files["config.toml"] += "[[rule]]\non = \"city\"\nselect = \"last\"\naction = \"约谈\"\nwho = \"主要负责人\"\n"
	wantDiagnostic(t, files, "data/2023-02.toml", "[categories]", "[[waiver]]\nunit = \"区发改局\"\naction = \"约谈\"\nreason = \"发生较大生产安全事故\"\nlast = true\n[categories]",
		"data/2023-02.toml:16:1: “区发改局”不参加乡镇（街道）综合考核排名，last = true（一票否决，排名列最后）无从说起：只免予措施的删去 last")
}
