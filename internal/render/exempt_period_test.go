package render

import (
	"fmt"
	"testing"

	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestExemptSentencePeriod: a township exempted from a file of a quarter,
// a half or a year is said to be out of 本季度, 本期, 本年度 rankings: 本月
// of 2024年1-3月 would read as March's.
func TestExemptSentencePeriod(t *testing.T) {
	u := &site.Unit{Name: "己镇", ExemptReasons: map[string]string{"2024-03": "数据报送不全"}}
	for _, c := range []struct {
		key, period, label, want string
	}{
		{"2024-03", "1-3月", "2024年1-3月", "己镇2024年1-3月免于考核（数据报送不全），不参加本季度各项排名。"},
		{"2024-06", "1-6月", "2024年1-6月", "己镇2024年1-6月免于考核，不参加本期各项排名。"},
		{"2024-12", "全年", "2024年度", "己镇2024年度免于考核，不参加本年度各项排名。"},
		{"2024-02", "1-2月", "2024年1-2月", "己镇2024年1-2月免于考核，不参加本月各项排名。"},
		{"2024-03", "3月", "2024年3月", "己镇2024年3月免于考核（数据报送不全），不参加本月各项排名。"},
	} {
		var y, m int
		if _, err := fmt.Sscanf(c.key, "%d-%d", &y, &m); err != nil {
			t.Fatal(err)
		}
		p := &rank.Period{Label: c.label, Month: &site.Month{Key: c.key, Year: y, Month: m, Period: c.period}}
		if got := exemptSentences([]*site.Unit{u}, p); len(got) != 1 || got[0] != c.want {
			t.Errorf("%s %s: %q, want %q", c.key, c.period, got, c.want)
		}
	}
}
