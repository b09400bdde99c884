package render

import (
	"strings"
	"testing"
)

// TestSectionWarningCached: the warning of an indicators shortcode whose
// month reports nothing of its section depends on the months before
// (sectionRun), which the body's own files do not show; through the
// preview's Cache, a change to an earlier month's sections alone tells
// the body again. historySite with an indicator of 重点任务 the townships
// take no part in (党建, of 区发改局, a district rank), in 2022-12 and
// 2023-01 and not in 2023-02, whose circular lists 重点任务: a likely
// slip (every month since its first had it). Taken out of 2023-01, it
// is a section not assessed every month (上一次在2022年12月): the
// townships' ranks do not move, so only the sections tell the body.
func TestSectionWarningCached(t *testing.T) {
	files := historySite()
	files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], "section = \"重点任务\"", "section = \"重点工作\"", 1) +
		"[[indicator]]\nid = \"dangjian\"\nname = \"党建\"\nsection = \"重点任务\"\nowners = [\"区发改局\"]\n"
	const dangjian = "[[result]]\nindicator = \"dangjian\"\ndistrict = 2\n"
	for _, m := range []string{"data/2022-12.toml", "data/2023-01.toml"} {
		files[m] = strings.Replace(files[m], "[categories]", dangjian+"[categories]", 1)
	}
	const circ = "content/circulars/2023-02.md"
	files[circ] = strings.Replace(files[circ], "正文。\n", "正文。\n\n{{< indicators \"重点任务\" >}}\n", 1)
	dir := writeFiles(t, files)
	pv := &preview{dir: dir}
	warnings := func() string {
		t.Helper()
		return strings.Join(pv.warned(t, &pv.rc), "\n")
	}
	if got := warnings(); !strings.Contains(got, "而此前各月（直到2023年1月）每月都有") {
		t.Fatalf("before the edit: %s", got)
	}
	editFile(t, dir, "data/2023-01.toml", dangjian, "")
	if got := warnings(); !strings.Contains(got, "这一栏不是每月都考核（上一次在2022年12月）") {
		t.Errorf("党建 taken out of 2023-01, through the cache: %s", got)
	}
}
