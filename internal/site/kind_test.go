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
