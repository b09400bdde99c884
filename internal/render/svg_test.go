package render

import (
	"fmt"
	"slices"
	"strings"
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

// TestSeniorChartYears: the 适老模式's drawing of two years of months from
// March labels the years begun in the window, each clear of the next at
// the largest size it allows (80 units a year): 2022 at its January,
// 44 + 10 × 242/23 = 149.2, and 2023 at 44 + 22 × 242/23 = 275.5, ending
// there (centred it would pass the right edge, 300); the March of 2021,
// from the plot's left edge at 44 to 124, would meet 2022's from 109.2,
// and gives way. Each hangs 8 below the axis (244 − 48 + 6 = 202). Its
// 名次 stands over the plot's left edge (44, 46 − 10), and it draws no
// heading: the page's text is its heading. Positions by hand.
func TestSeniorChartYears(t *testing.T) {
	c := &rankChart{id: "c", title: "甲镇综合考核排名走势", noun: "综合排名", worst: 12}
	for i := range 24 {
		y, m := 2021+(i+2)/12, (i+2)%12+1
		c.months = append(c.months, MonthRef{Key: fmt.Sprintf("%d-%02d", y, m), Year: y, Label: fmt.Sprintf("%d年%d月", y, m)})
		c.ranks = append(c.ranks, 1+i%12)
	}
	got := string(c.draw(seniorChart))
	for _, want := range []string{
		`<text x="149.2" y="210" dy=".8em" stroke="none">2022</text>`,
		`<text x="275.5" y="210" dy=".8em" stroke="none" text-anchor="end">2023</text>`,
		`<text x="44" y="36" text-anchor="start">名次</text>`,
		`dy=".35em">12</text>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the drawing has no %s:\n%s", want, got)
		}
	}
	for _, not := range []string{">2021</text>", "chart-heading"} {
		if strings.Contains(got, not) {
			t.Errorf("the drawing has %s; want none", not)
		}
	}
}
