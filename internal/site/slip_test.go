package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSlips: a score a slip of the decimal point explains is found, with
// what divides it into the others' range; a wide spread of growth rates,
// a genuine outlier nothing divides into the range, and fewer than four
// scores are not. (Each line's bulk, by hand, is all the others but in
// the last four cases.)
func TestSlips(t *testing.T) {
	for _, c := range []struct {
		scores []float64
		want   string // index:factor of each slip
	}{
		{[]float64{90, 80, 70, 850}, "3:10"}, // others 70–90, width 20: 850 > 130, 85 within
		{[]float64{90, 80, 70, 9}, "3:0.1"},  // 9 < 30, 90 within
		{[]float64{90, 80, 70, -80}, "3:-1"}, // a sign typed: −80 < 30, 80 within
		{[]float64{95.6, 93.2, 91.8, 88.7, 82.3, -93.2}, "5:-1"},
		{[]float64{90, 80, 70, 0.75}, "3:0.01"}, // 75 within
		{[]float64{90, 90, 90, 900}, "3:10"},    // tied others: width a tenth of 90
		// The month's lowest or highest mistyped: divided, it is near the
		// others' range (within its width), not in it. Bulk all but the
		// last (median 34.9, deviations' median 4.65: within 23.25).
		{[]float64{39.5, 36.7, 33.1, 30.2, 28.7, 284}, "5:10"},   // 28.4 ≥ 28.7 − 10.8; 284 > 39.5 + 21.6
		{[]float64{28.4, 30.2, 33.1, 36.7, 38.9, 395}, "5:10"},   // 39.5 ≤ 38.9 + 10.5
		{[]float64{28.4, 30.2, 33.1, 36.7, 38.9, 3.95}, "5:0.1"}, // 3.95 < 28.4 − 21; 39.5 near
		{[]float64{-5.2, -3.1, 2.4, -42}, "3:10"},                // negatives: −4.2 within −5.2…2.4; −42 < −20.4
		{[]float64{1.2, 3.5, 8, 12}, ""},                         // 12 < 8 + 2·6.8
		{[]float64{90, 80, 70, 300}, ""},                         // 30, 3 and 0.3 are outside 70–90
		{[]float64{90, 80, 850}, ""},                             // two others make no range
		{[]float64{95.6, 93.2, 91.8, 90.5, 88.7, 87.9, 86.4, 85, 82.3, 82.3, 82.3, 82.3}, ""},
		// Two slips: each measured by the bulk (median 91, deviations' median
		// 4.5: within 22.75 of 91), 85–92, not by a range the other widens.
		{[]float64{85, 88, 90, 92, 870, 915}, "4:10 5:10"},
		// Three beyond the bulk are a second level, not slips: each is
		// measured by all the others (5–80), as before the bulk.
		{[]float64{5, 6, 7, 8, 9, 50, 60, 80}, ""},
		// Deductions, mostly none: the bulk is the four zeros (median 0, and
		// so are the deviations'), and nothing divides 0.5 or 5 into 0…0;
		// measured by the others, 5 was 0.5 typed wrong.
		{[]float64{0, 0, 0, 0, 0.5, 5}, ""},
		// A real outlier among them is left out of the bulk, not counted a slip.
		{[]float64{60, 85, 88, 90, 92, 880}, "5:10"},
		// A long tail: the bulk spans tenfold (0–3 petitions, median 2,
		// deviations' median 1: within 5 of 2; growth of 1.2–12.5 %), and
		// anything up to ten times its top divides into it. Measured by
		// the others, 20 is within 0–30 and 30 within 2×20 of it; 35 and
		// 48.2 likewise.
		{[]float64{0, 1, 2, 2, 3, 20, 30}, ""},
		{[]float64{1.2, 3.5, 4.1, 5, 6.3, 12.5, 35, 48.2}, ""},
	} {
		var scores []Score
		for _, v := range c.scores {
			scores = append(scores, Score{Value: v})
		}
		var got []string
		for _, s := range slips(scores) {
			got = append(got, fmt.Sprintf("%d:%g", s.i, s.factor))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%v: slips %q, want %q", c.scores, got, c.want)
		}
	}
}

// TestSlipWarned: 85 typed 850 is warned of at its line, with the
// others' range and what the slip may have been; the month still loads
// (the file is valid), and 85 is not warned of.
func TestSlipWarned(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] += "[[township]]\nname = \"丁镇\"\nslug = \"ding\"\n[[township]]\nname = \"戊镇\"\nslug = \"wu\"\n"
	month := files["data/2023-02.toml"]
	for score, want := range map[string][]string{
		"85\n\"戊镇\" = 75":  nil,
		"850\n\"戊镇\" = 75": {"data/2023-02.toml:9:1: 警告：指标“经济”中丁镇的得分 850 远在其他乡镇（街道）的得分（70～90）之外，除以 10 为 85，就在其中：是否漏了小数点，或多打了数字？"},
		// The highest mistyped: 95 is beyond 90, within the range's width.
		"950\n\"戊镇\" = 75": {"data/2023-02.toml:9:1: 警告：指标“经济”中丁镇的得分 950 远在其他乡镇（街道）的得分（70～90）之外，除以 10 为 95，与之相近：是否漏了小数点，或多打了数字？"},
		// A sign typed: −85 is 85 with a minus.
		"-85\n\"戊镇\" = 75": {"data/2023-02.toml:9:1: 警告：指标“经济”中丁镇的得分 -85 远在其他乡镇（街道）的得分（70～90）之外，去掉负号为 85，就在其中：是否多打了负号？"},
		// Two slips, each measured by the bulk (70–90) that the other is
		// not in: the most of the others, as the warning says.
		"850\n\"戊镇\" = 880": {
			"data/2023-02.toml:9:1: 警告：指标“经济”中丁镇的得分 850 远在多数乡镇（街道）的得分（70～90）之外，除以 10 为 85，就在其中：是否漏了小数点，或多打了数字？",
			"data/2023-02.toml:10:1: 警告：指标“经济”中戊镇的得分 880 远在多数乡镇（街道）的得分（70～90）之外，除以 10 为 88，就在其中：是否漏了小数点，或多打了数字？",
		},
	} {
		files["data/2023-02.toml"] = strings.Replace(month, `"丙镇" = 70`+"\n", `"丙镇" = 70`+"\n\"丁镇\" = "+score+"\n", 1)
		var got []string
		for _, w := range loadWarnings(t, files) {
			if strings.Contains(w, "远在") {
				got = append(got, w)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("丁镇 = %s: warnings\n%s\nwant\n%s", score, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestSlipWarnedEveryLoad: the slips of each month are warned of by
// every load, in the order of the months — by the preview's second load
// too, which takes the unchanged months from its cache (it had said
// nothing), and by a load reading many months at once, whose readers
// all added to one list (in any order, and a data race).
func TestSlipWarnedEveryLoad(t *testing.T) {
	files := miniSite()
	files["data/units.toml"] += "[[township]]\nname = \"丁镇\"\nslug = \"ding\"\n"
	feb := files["data/2023-02.toml"]
	var want []string
	for i, m := range []string{"2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07"} {
		month := feb
		if i > 0 {
			month = monthAs(feb, i+2)
		}
		files["data/"+m+".toml"] = strings.Replace(month, `"丙镇" = 70`+"\n", `"丙镇" = 70`+"\n\"丁镇\" = "+fmt.Sprint(850+i)+"\n", 1)
		want = append(want, fmt.Sprintf("data/%s.toml:9:1: 警告：指标“经济”中丁镇的得分 %d 远在其他乡镇（街道）的得分（70～90）之外，除以 10 为 %s，就在其中：是否漏了小数点，或多打了数字？", m, 850+i, []string{"85", "85.1", "85.2", "85.3", "85.4", "85.5"}[i]))
	}
	dir := writeSite(t, files)
	var c Cache
	for i := range 2 {
		s, err := LoadCached(dir, &c)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range warningLines(s) {
			if strings.Contains(w, "远在") {
				got = append(got, w)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("load %d: warnings\n%s\nwant\n%s", i+1, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestScoreRange: an indicator's min and max (indicators.toml) refuse a
// score outside them at the score, each once, and nothing of the month is
// warned of as a slip then; within them, nothing is said. A min not below
// the max is refused where the max is written. By hand: miniSite's jingji
// scores are 90 (甲街道, line 6), 80 and 70 (丙镇, line 8).
func TestScoreRange(t *testing.T) {
	for _, c := range []struct {
		keys string
		want []string
	}{
		{"min = 0\nmax = 100\n", nil},
		{"max = 85\n", []string{"data/2023-02.toml:6:1: 指标“经济”中甲街道的得分 90 高于满分 85（indicators.toml 的 max）：是否打错了？"}},
		{"min = 75\nmax = 100\n", []string{"data/2023-02.toml:8:1: 指标“经济”中丙镇的得分 70 低于最低分 75（indicators.toml 的 min）：是否打错了？"}},
		{"min = 40\nmax = 40\n", []string{"data/indicators.toml:8:1: 指标“经济”的满分 max（40）应大于最低分 min（40）"}},
	} {
		files := miniSite()
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "townships = \"all\"\n", "townships = \"all\"\n"+c.keys, 1)
		_, err := Load(writeSite(t, files))
		var got []string
		if err != nil {
			got = diagLines(t, err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: problems\n%s\nwant\n%s", c.keys, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}
