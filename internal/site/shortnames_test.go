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
