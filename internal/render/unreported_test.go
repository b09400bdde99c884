package render

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// unreportedSite is five townships ranked on two indicators in 2023-02,
// 戊镇 not having reported the first (未报送, with its reason). rule is
// the [ranking] unreported rule ("" for the default), method the
// [scoring] method, and min 规模工业增加值's min ("" for none).
func unreportedSite(rule, method, min string) map[string]string {
	files := notApplicableSite(method)
	if rule != "" {
		files["config.toml"] = strings.Replace(files["config.toml"], "[ranking]\n", "[ranking]\nunreported = \""+rule+"\"\n", 1)
	}
	files["data/units.toml"] = strings.Replace(files["data/units.toml"], "exempt = [{month = \"2023-02\", reason = \"数据报送不全\"}]\n", "until = \"2023-01\"\n", 1)
	if min != "" {
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\nmin = "+min+"\n", 1)
	}
	files["data/2023-02.toml"] = `[[result]]
indicator = "gongye"
unreported = [{township = "戊镇", reason = "逾期未报送"}]
[result.townships]
"甲镇" = 90
"乙镇" = 80
"丙镇" = 70
"丁镇" = 60
[[result]]
indicator = "anquan"
[result.townships]
"戊镇" = 95
"甲镇" = 88
"乙镇" = 75
"丙镇" = 64
"丁镇" = 51
`
	return files
}

// TestUnreported: 戊镇, which did not report 规模工业增加值 (未报送), is
// ranked on it by the office's rule, said so wherever its score would
// be, and its composite takes the rank (or score) the rule gives it. By
// hand, k = 2 of n = 5 (n ≥ 2k):
//
// last (default): 规模工业增加值 甲90 乙80 丙70 丁60, 戊 after them: ranks
// 甲1 乙2 丙3 丁4 戊5 — 后两名 丁镇、戊镇（未报送）; rank points
// 100·(5−r+1)/5: 甲100 乙80 丙60 丁40 戊20. 安全生产 戊95 甲88 乙75 丙64
// 丁51: 戊100 甲80 乙60 丙40 丁20. Composite (weights 1): 甲90 乙70 丙50
// 丁30 戊60 — 戊 third; as 不涉及 it would have been 100, first.
//
// score, last: the composite counts the value not reported at the
// lowest score, 0: 甲(90+88)/2 = 89, 乙(80+75)/2 = 77.5, 丙(70+64)/2 = 67,
// 丁(60+51)/2 = 55.5, 戊(0+95)/2 = 47.5 — 戊 last.
//
// zero with min = 60: 戊 scored 60, tied with 丁60 for 4th (靠后: a tie),
// rank points both 100·2/5 = 40; composite 丁(40+20)/2 = 30, 戊(40+100)/2
// = 70, tied with 乙 (80+60)/2 = 70 for 2nd, units.toml order: 乙 first.
func TestUnreported(t *testing.T) {
	type township struct {
		Name   string
		Score  *float64
		Rank   int
		Tied   bool
		Status string
		Reason string
	}
	for _, c := range []struct {
		name, rule, method, min string
		sentence, note          string
		wuRank                  int
		wuTied                  bool
		wuScore                 *float64 // in data.json: null when ranked last
		composite               string   // names and scores, best first
	}{
		{"last", "", "rank-points", "", "排名全区前两名的为：甲镇、乙镇；排名全区后两名的为：丁镇、戊镇（未报送）。",
			"戊镇2023年2月未报送规模工业增加值（逾期未报送），该项排名列最后。", 5, false, nil,
			"甲镇90 乙镇70 戊镇60 丙镇50 丁镇30"},
		{"score", "last", "score", "", "排名全区前两名的为：甲镇、乙镇；排名全区后两名的为：丁镇、戊镇（未报送）。",
			"戊镇2023年2月未报送规模工业增加值（逾期未报送），该项排名列最后，综合考核该项按0分计。", 5, false, nil,
			"甲镇89 乙镇77.5 丙镇67 丁镇55.5 戊镇47.5"},
		{"zero", "zero", "rank-points", "60", "排名全区前两名的为：甲镇、乙镇；排名全区靠后的为：丁镇、戊镇（并列，戊镇未报送）。",
			"戊镇2023年2月未报送规模工业增加值（逾期未报送），该项按60分计。", 4, true, ptr(60.0),
			"甲镇90 乙镇70 戊镇70 丙镇50 丁镇30"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := renderFiles(t, loadFiles(t, unreportedSite(c.rule, c.method, c.min)), "/")
			page := string(files["circulars/2023/5/index.html"])
			for _, want := range []string{c.sentence, c.note,
				// Its row in the appendix: its rank, 未报送 for its score.
				`<a href="/units/wu/">戊镇</a></th><td class="num">未报送</td>`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("the circular lacks %q", want)
				}
			}
			var d struct {
				Indicators []struct {
					ID        string
					Townships []township
				}
				Composite []township
			}
			if err := json.Unmarshal(files["circulars/2023/5/data.json"], &d); err != nil {
				t.Fatal(err)
			}
			var wu *township
			for i, tw := range d.Indicators[0].Townships {
				if tw.Name == "戊镇" {
					wu = &d.Indicators[0].Townships[i]
				}
				if tw.Name != "戊镇" && (tw.Status != "" || tw.Reason != "") {
					t.Errorf("data.json: %s, which reported, has status %q, reason %q", tw.Name, tw.Status, tw.Reason)
				}
			}
			switch {
			case wu == nil:
				t.Fatal("data.json: 戊镇 is not among gongye's townships")
			case wu.Rank != c.wuRank || wu.Tied != c.wuTied || wu.Status != "unreported" || wu.Reason != "逾期未报送" ||
				(wu.Score == nil) != (c.wuScore == nil) || wu.Score != nil && *wu.Score != *c.wuScore:
				t.Errorf("data.json: 戊镇 %+v (score %v); want rank %d, tied %v, unreported for 逾期未报送, score %v", *wu, wu.Score, c.wuRank, c.wuTied, c.wuScore)
			}
			var comp []string
			for _, tw := range d.Composite {
				comp = append(comp, tw.Name+strconv.FormatFloat(*tw.Score, 'f', -1, 64))
				if tw.Status != "" {
					t.Errorf("data.json: composite %s has status %q", tw.Name, tw.Status)
				}
			}
			if got := strings.Join(comp, " "); got != c.composite {
				t.Errorf("composite %s, by hand %s", got, c.composite)
			}
			// The CSV: its rank, no score (a number column), 备注 why.
			wantRow := "202302,规模工业增加值,戊镇,," + strconv.Itoa(c.wuRank) + "," + map[bool]string{true: "是", false: "否"}[c.wuTied] + ",越高越好,wu,gongye,2023年2月,未报送（逾期未报送）"
			if csv := string(files["circulars/2023/5/data.csv"]); !strings.Contains(csv, wantRow+"\n") && !strings.Contains(csv, wantRow+"\r\n") {
				t.Errorf("data.csv lacks %s:\n%s", wantRow, csv)
			}
			unit := string(files["units/wu/index.html"])
			for _, want := range []string{"未报送：2023年2月规模工业增加值（逾期未报送）。", `<small>未报送</small>`} {
				if !strings.Contains(unit, want) {
					t.Errorf("units/wu/ lacks %q", want)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v } // a value's address, for a table of cases
