package site

import (
	"slices"
	"strings"
	"testing"
)

// An indicator whose scores are counts (scoreUnit 件, 次, …) is compared
// and shown as whole numbers when it writes no decimals: 3 件, not 3.00.
// Written decimals win, and a unit that is no count (万元, %) keeps 2. A
// count with a fraction, under the default, is warned of at the score:
// rounded, 80.5 would tie 81 unseen.
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
		{"scoreUnit = \"件\"\n", "80.5", 0, "data/2023-02.toml:7:1: 警告：指标“经济”的得分单位是“件”，没有写 decimals，按整数比较和显示，而乙街道的得分 80.5 有小数，会按 81 排名；得分确有小数的，在 data/indicators.toml 中给这一项写 decimals（如 decimals = 2）"},
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
