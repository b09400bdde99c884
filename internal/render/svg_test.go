package render

import (
	"slices"
	"testing"
)

// TestChartHeadingLines: a phone's chart (16 characters a line at its
// heading's size: 300 wide less the 名次 label's room on both sides, 36,
// at 14 a character) breaks its heading before a bracketed tail that
// fits the second line, never inside a number, and not at all when it
// fits one line. Lines written by hand.
func TestChartHeadingLines(t *testing.T) {
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"甲镇综合考核排名走势", []string{"甲镇综合考核排名走势"}},
		{"火车站乡综合考核排名走势（最近24期）", []string{"火车站乡综合考核排名走势", "（最近24期）"}},
		{"东风路街道综合考核排名走势（最近24期）", []string{"东风路街道综合考核排名走势", "（最近24期）"}},
		// 2023 would be cut after 20.
		{"城乡居民基本医疗保险参保缴费2023年度全市排名走势", []string{"城乡居民基本医疗保险参保缴费", "2023年度全市排名走势"}},
		// No bracket, no number: at the sixteenth character.
		{"城乡居民基本医疗保险参保缴费情况全市排名走势", []string{"城乡居民基本医疗保险参保缴费情况", "全市排名走势"}},
	} {
		if got := headingLines(c.title, narrowChart); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.title, got, c.want)
		}
	}
}
