package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notApplicableSample is the sample site with what the months of a real
// office bring besides the seed's: 高崇山镇 exempted from 2023-02 with its
// reason (units.toml exempt), 兴隆街道 不涉及 规模工业增加值 with a reason
// long enough to wrap on a phone (the result's notApplicable), and the
// circular showing that indicator's table (the table shortcode); written
// once in a run and shared.
func notApplicableSample(t *testing.T) string {
	t.Helper()
	return sharedSiteDir(t, "notapplicable", writeNotApplicable)
}

// writeNotApplicable writes notApplicableSample's site into dir.
func writeNotApplicable(t *testing.T, dir string) {
	t.Helper()
	copySiteTo(t, sampleSite(t), dir)
	editFile(t, filepath.Join(dir, "data", "units.toml"), "name = \"高崇山镇\"\nslug = \"gaochongshan\"\n",
		"name = \"高崇山镇\"\nslug = \"gaochongshan\"\nexempt = [{month = \"2023-02\", reason = \"辖区行政区划调整，数据报送不全\"}]\n")
	month := filepath.Join(dir, "data", "2023-02.toml")
	b, err := os.ReadFile(month)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, `"高崇山镇"`) {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(month, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	editFile(t, month, "indicator = \"gongye\"\ncity = 10\ndistrict = 3\n[result.townships]   # 综合得分；按名次排列\n\"火车站乡\" = 95.6         # 第1名，原文前三/靠前\n\"兴隆街道\" = 93.2         # 第2名，原文前三/靠前\n",
		"indicator = \"gongye\"\ncity = 10\ndistrict = 3\nnotApplicable = [{township = \"兴隆街道\", reason = \"本月辖区内无规模以上工业企业\"}]\n[result.townships]   # 综合得分；按名次排列\n\"火车站乡\" = 95.6         # 第1名，原文前三/靠前\n")
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), "### （二）重点项目\n", "{{< table \"gongye\" >}}\n\n### （二）重点项目\n")
}

// TestNotApplicablePages opens the pages that 免考 and 不涉及 add words to
// — the two townships' pages, the indicator's, the circular with its
// appendix open and its table, /data/, /rankings/, /units/ — on the
// phones, in the normal display and the 适老模式: nothing is wider than
// the screen (the circular's table, its 不涉及 reason never broken, was
// 501 px wide at 360, 625 in the 适老模式), and axe-core finds nothing.
// The appendix's note on 不涉及 follows the table it explains.
func TestNotApplicablePages(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	axe := axeSource(t)
	srv := serveOutputs(t, renderSite(t, notApplicableSample(t)))
	pages := []string{"units/gaochongshan/", "units/xinglong/", "indicators/gongye/", "circulars/2023/14/", "data/", "rankings/", "units/"}
	for _, p := range phones {
		emulate(t, ctx, p)
		for _, d := range []display{normal, senior} {
			choose(t, ctx, srv.URL, d)
			for _, path := range pages {
				navigate(t, ctx, srv.URL+"/"+path)
				eval[bool](t, ctx, openAll)
				for _, problem := range eval[[]string](t, ctx, fmt.Sprintf(overflowJS, p.w))[1:] {
					t.Errorf("%s, %s, /%s: %s", p, d.name, path, problem)
				}
				if p != phones[0] {
					continue
				}
				eval[bool](t, ctx, axe+";\ntrue")
				for _, v := range eval[[]string](t, ctx, axeRun) {
					t.Errorf("/%s, %s: %s", path, d.name, v)
				}
			}
		}
	}
	navigate(t, ctx, srv.URL+"/circulars/2023/14/")
	eval[bool](t, ctx, openAll)
	if got := eval[string](t, ctx, `(() => { const n = document.querySelector("#appendix-gongye").closest(".table-wrap").nextElementSibling; return n.id + " " + n.textContent; })()`); !strings.HasPrefix(got, "appendix-gongye-note 注：兴隆街道2023年1-2月不涉及规模工业增加值（本月辖区内无规模以上工业企业）") {
		t.Errorf("what follows the appendix's 规模工业增加值 table: %q; want its note on 兴隆街道", got)
	}
}
