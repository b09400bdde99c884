package rank

import (
	"strings"
	"testing"
)

// TestReformedDepartment: a department renamed in a 机构改革 (units.toml
// until, became, from), its indicator written in indicators.toml with the
// name it has now: each month's reward for the indicator's city rank goes
// to the department assessed in that month, the old name before, the new
// after.
func TestReformedDepartment(t *testing.T) {
	units := towns("甲", "乙") + `
[[department]]
name = "市发改委"
slug = "fagaiwei"
until = "2024-01"
became = "市发展改革委"
[[department]]
name = "市发展改革委"
slug = "fagai"
from = "2024-02"
`
	first := func() string {
		return "[[result]]\nindicator = \"x\"\ncity = 1\n[result.townships]\n\"甲\" = 90\n\"乙\" = 80\n"
	}
	s := loadSite(t, `
[[rule]]
on = "city"
select = "first"
action = "奖励"
amount = 1000
`, "", map[string]string{
		"data/units.toml":      units,
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"指标X\"\nsection = \"重点工作\"\nowners = [\"市发展改革委\"]\ntownships = \"all\"\n",
		"data/2024-01.toml":    first(),
		"data/2024-02.toml":    first(),
	})
	if got := s.Indicator("x").Owners; len(got) != 2 {
		t.Fatalf("x is owned by %d departments, want the two names", len(got))
	}
	res := Archive(s)
	for key, want := range map[string]string{"2024-01": "市发改委 奖励 1000", "2024-02": "市发展改革委 奖励 1000"} {
		got := measureList(res.Period(key))
		if len(got) != 1 || !strings.HasPrefix(got[0], want+" ") {
			t.Errorf("%s: measures %q, want one: %s", key, got, want)
		}
	}
}
