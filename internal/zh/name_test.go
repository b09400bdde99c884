package zh

import (
	"strings"
	"testing"
)

// TestNameParts: the names of offices and units split where a line may
// break — between places and the kinds of office — and never inside
// 人民政府, 办公室 or a word that holds a division's character.
func TestNameParts(t *testing.T) {
	for name, want := range map[string]string{
		"邵阳市双清区人民政府办公室":             "邵阳市|双清区|人民政府|办公室",
		"邵阳市双清区人民政府":                "邵阳市|双清区|人民政府",
		"湖南省邵阳市双清区发展和改革局":           "湖南省|邵阳市|双清区|发展和改革局",
		"邵阳市双清区发展和改革委员会":            "邵阳市|双清区|发展和改革|委员会",
		"中共邵阳市双清区委办公室":              "中共|邵阳市|双清区委|办公室",
		"中共邵阳市双清区委员会":               "中共|邵阳市|双清区|委员会",
		"中共青山县委督查室":                 "中共|青山县委|督查室",
		"中共青山县委宣传部":                 "中共|青山县委|宣传部",
		"青山县委政法委":                   "青山县委|政法委",
		"邵阳市人民代表大会常务委员会办公室":         "邵阳市|人民代表大会|常务委员会|办公室",
		"湘西土家族苗族自治州人民政府":            "湘西土家族苗族自治州|人民政府",
		"双清区东风路街道办事处":               "双清区|东风路|街道办事处",
		"火车站乡人民政府":                  "火车站乡|人民政府",
		"区政府办公室":                    "区政府|办公室",
		"区发改局":                      "区发改局",
		"长沙市市场监督管理局":                "长沙市|市场监督管理局",
		"房地产市场监测中心":                 "房地产市场监测|中心",
		"城市管理和综合执法局":                "城市管理和综合执法局",
		"住房和城乡建设局":                  "住房和城乡建设局",
		"邵阳市双清区政务服务中心":              "邵阳市|双清区|政务服务|中心",
		"办公室":                       "办公室",
		"局":                         "局",
		"":                          "",
		"Shaoyang Municipal Office": "Shaoyang Municipal Office",
	} {
		got := NameParts(name)
		if strings.Join(got, "") != name {
			t.Errorf("NameParts(%q) = %q: joined, not the name", name, got)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("NameParts(%q) = %s, want %s", name, g, want)
		}
	}
}
