package site

import (
	"slices"
	"strings"
	"testing"
)

// TestShortNames: an indicator's short names are read as written, trimmed;
// an empty one, one that is its name and one written twice are errors at
// their elements.
func TestShortNames(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `name = "经济"`+"\n", `name = "经济"`+"\n"+`shortNames = ["经济指标", " 经指 "]`+"\n", 1)
	s, err := Load(writeSite(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Indicators[0].ShortNames; !slices.Equal(got, []string{"经济指标", "经指"}) {
		t.Errorf("short names %q, want 经济指标 and 经指", got)
	}
	got := loadErrors(t, "data/indicators.toml", `name = "经济"`+"\n", `name = "经济"`+"\n"+`shortNames = ["经济指标", " ", "经济", "经济指标"]`+"\n")
	want := "data/indicators.toml:4:23: 简称不能为空\n" +
		"data/indicators.toml:4:28: 简称“经济”就是指标名称，不必写\n" +
		"data/indicators.toml:4:34: 简称“经济指标”重复"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestShortNameOfAnother: a short name that is another indicator's name,
// written before it or after (a line copied from the wrong indicator),
// or one of its short names, would lead a search for it to the wrong
// page, or to two: an error at the element, naming the other.
func TestShortNameOfAnother(t *testing.T) {
	got := loadErrors(t, "data/indicators.toml", `name = "经济"`+"\n", `name = "经济"`+"\n"+`shortNames = ["财政收入", "收入"]`+"\n")
	want := "data/indicators.toml:4:15: 简称“财政收入”是另一个指标的名称（caizheng），搜索它应找到那个指标"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	files := miniSite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `name = "经济"`+"\n", `name = "经济"`+"\n"+`shortNames = ["收入"]`+"\n", 1)
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `name = "财政收入"`+"\n", `name = "财政收入"`+"\n"+`shortNames = ["收入"]`+"\n", 1)
	_, err := Load(writeSite(t, files))
	if want := "data/indicators.toml:11:15: 简称“收入”也是指标“经济”（jingji）的简称：一个简称只能属于一个指标"; err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}

// TestShortNameOfAUnit: a short name that is a unit's name (an indicator
// of 区发改局's work called 区发改局) would make a search for the unit
// find the indicator's page as 名称相符 beside the unit's own: an error
// at the element, naming the unit, as for another indicator's name.
func TestShortNameOfAUnit(t *testing.T) {
	got := loadErrors(t, "data/indicators.toml", `name = "经济"`+"\n", `name = "经济"`+"\n"+`shortNames = ["丙镇", "区发改局", "jia"]`+"\n")
	want := "data/indicators.toml:4:15: 简称“丙镇”是乡镇（街道）“丙镇”的名称，搜索它应找到那个单位\n" +
		"data/indicators.toml:4:21: 简称“区发改局”是区直单位“区发改局”的名称，搜索它应找到那个单位"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
