package render

import (
	"strings"
	"testing"
)

// TestScoredParent: an indicator with children that has scores of its
// own (a 扣分制 office's 信访稳定 over 信访件数) is ranked and printed as
// any other, under the heading its children give it: in the circular
// its number and name head the group, with no full stop, its ranking
// sentence under them, then its children's entries; the appendix has
// its table, then theirs; the composite counts it and each child by its
// own weight. historySite with 安全生产 nested under 经济运行, 2023-01:
// 经济运行 乙90 丙80 甲70, 安全生产 丙90 乙80 甲60 (rank-points).
func TestScoredParent(t *testing.T) {
	for _, c := range []struct {
		weight    string // 安全生产's
		composite string // 2023-01's composite appendix, by hand
	}{
		// 经济运行 alone: 100, 66.67, 33.33 by its ranks 1, 2, 3.
		{"0", "乙街道 100.00|丙镇 66.67|甲街道 33.33"},
		// Both at weight 1: 乙 (100+66.67)/2, 丙 (66.67+100)/2, 甲 33.33.
		{"1", "乙街道 83.33|丙镇 83.33|甲街道 33.33"},
	} {
		files := historySite()
		files["data/indicators.toml"] = strings.Replace(files["data/indicators.toml"], `name = "安全生产"
section = "重点任务"
owners = ["区财政局"]
townships = "all"
better = "higher"
weight = 1`, `name = "安全生产"
parent = "jingji"
owners = ["区财政局"]
townships = "all"
better = "higher"
weight = `+c.weight, 1)
		files["content/circulars/2023-01.md"] += "\n{{< indicators \"重点工作\" >}}\n"
		out := string(renderFiles(t, loadFiles(t, files), "")["circulars/2023/2/index.html"])

		head := strings.Index(out, `<h4 id="entry-jingji">1. 经济运行</h4>`)
		ranking := strings.Index(out[max(head, 0):], `<p class="ranking">`)
		child := strings.Index(out[max(head, 0):], `<p id="entry-anquan"><strong>安全生产。</strong></p>`)
		if head < 0 || ranking < 0 || child < 0 || ranking > child {
			t.Errorf("weight %s: the circular does not head the group with 1. 经济运行, its ranking sentence, then 安全生产 (at %d, +%d, +%d)", c.weight, head, ranking, child)
		}
		if p, k := strings.Index(out, `id="appendix-jingji"`), strings.Index(out, `id="appendix-anquan"`); p < 0 || k < p {
			t.Errorf("weight %s: the appendix's tables of 经济运行 (at %d) and 安全生产 (at %d) are not both there, the parent first", c.weight, p, k)
		}
		var got []string
		for _, r := range tableAfter(t, []byte(out), `id="appendix-composite"`) {
			got = append(got, text(r[1])+" "+r[2])
		}
		if strings.Join(got, "|") != c.composite {
			t.Errorf("weight %s: composite %q, want %s", c.weight, got, c.composite)
		}
	}
}
