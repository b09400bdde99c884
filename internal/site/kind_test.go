package site

import (
	"strings"
	"testing"
)

// TestMissingTableNamesKind: a table not begun of an indicator only the
// streets take part in (the mini site's 甲街道 and 乙街道) says it lacks
// the scores of 2个街道, not of 2个乡镇（街道） (zh.Kind), written by hand.
func TestMissingTableNamesKind(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `townships = "all"`, `townships = ["甲街道", "乙街道"]`, 1)
	files["data/2023-02.toml"] = strings.Replace(files["data/2023-02.toml"], "\"甲街道\" = 90\n\"乙街道\" = 80\n\"丙镇\" = 70\n", "# \"甲街道\" =\n# \"乙街道\" =\n", 1)
	_, err := Load(writeSite(t, files))
	want := "data/2023-02.toml:5:1: 指标“经济”缺少全部 2 个街道的得分，应由区发改局填报（本月不评分的指标，删去它的 [result.townships] 表）"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("problems:\n%v\nwant among them:\n%s", err, want)
	}
}

// TestThese: the periods still being gathered, as check and the preview
// say them, written by hand for each kind of office: a half year is 这一期
// (这个半年度 reads oddly, 这个半年 as half of something).
func TestThese(t *testing.T) {
	for _, c := range []struct {
		k     PeriodKind
		n     int
		wants string
	}{
		{Monthly, 1, "这个月"}, {Monthly, 2, "这几个月"},
		{Quarterly, 1, "这个季度"}, {Quarterly, 2, "这几个季度"},
		{HalfYearly, 1, "这一期"}, {HalfYearly, 3, "这几期"},
		{Yearly, 1, "这个年度"}, {Yearly, 2, "这几个年度"},
	} {
		if got := c.k.These(c.n); got != c.wants {
			t.Errorf("%v.These(%d) = %q, want %q", c.k, c.n, got, c.wants)
		}
	}
}
