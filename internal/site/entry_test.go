package site

import (
	"testing"
)

// A circular's [[entry]] names an indicator its month reports, and says
// what it changes; each mistake is told at its line. miniSite's 2023-02
// reports 经济 (jingji, ranked by township) and 财政收入 (caizheng, a
// peer rank only); the front matter's [[entry]] starts on line 6.
func TestEntryEditDiagnostics(t *testing.T) {
	for _, tc := range []struct{ entries, want string }{
		{"[[entry]]\nindicator = \"jingjj\"\nafter = \"x\"\n", "content/circulars/2023-02.md:7:1: 未知指标“jingjj”，是否为“jingji”？"},
		{"[[entry]]\nindicator = \"caizheng\"\nranking = \"x\"\n", "content/circulars/2023-02.md:7:1: 指标“财政收入”不给乡镇（街道）排名，没有排名句可代替：要在这一项后加一段话，写 after"},
		{"[[entry]]\nindicator = \"jingji\"\nomit = true\nafter = \"x\"\n", "content/circulars/2023-02.md:8:1: omit = true 不列出这一项，after、ranking 就无处可写：删去 omit 或删去 after、ranking"},
		{"[[entry]]\nindicator = \"jingji\"\n", "content/circulars/2023-02.md:6:1: 这个 [[entry]] 没有调整什么"},
		{"[[entry]]\nindicator = \"jingji\"\nafter = \"x\"\n[[entry]]\nindicator = \"jingji\"\nomit = true\n", "content/circulars/2023-02.md:10:1: 指标“jingji”已在第 7 行的 [[entry]] 中调整过"},
	} {
		wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\n"+tc.entries, tc.want)
	}
}

// An indicator the month has no [[result]] for is in no circular of it:
// an [[entry]] copied from last month's for it edits nothing and says so.
func TestEntryOfIndicatorNotReported(t *testing.T) {
	files := miniSite()
	files["data/indicators.toml"] += "[[indicator]]\nid = \"xinfang\"\nname = \"信访\"\nsection = \"重点工作\"\n"
	wantDiagnostic(t, files, "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\n[[entry]]\nindicator = \"xinfang\"\nafter = \"x\"\n",
		"content/circulars/2023-02.md:7:1: 2023年1-2月没有指标“信访”的考核结果（data/2023-02.toml 中没有它的 [[result]]），通报中本来就没有这一项：删去这个 [[entry]]")
}

// A correction is dated: without updated it is an error at it.
func TestCorrectionNeedsUpdated(t *testing.T) {
	wantDiagnostic(t, miniSite(), "content/circulars/2023-02.md", "data = \"2023-02\"\n", "data = \"2023-02\"\ncorrection = \"得分更正\"\n",
		"content/circulars/2023-02.md:6:1: 写了 correction（更正说明）也要写 updated（更正的日期，不加引号）：页面上写明何时更正")
}
