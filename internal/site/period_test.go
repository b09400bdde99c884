package site

import "testing"

func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		key, label  string
		kind        PeriodKind
		first, last int
	}{
		{"2023-02", "2023年2月", Monthly, 2, 2},
		{"2024-Q1", "2024年第一季度", Quarterly, 1, 3},
		{"2024-Q4", "2024年第四季度", Quarterly, 10, 12},
		{"2024-H1", "2024年上半年", HalfYearly, 1, 6},
		{"2024-H2", "2024年下半年", HalfYearly, 7, 12},
		{"2024", "2024年度", Yearly, 1, 12},
	} {
		p, ok := ParsePeriod(c.key)
		if !ok || p.Kind != c.kind || p.Key() != c.key || p.Label() != c.label {
			t.Errorf("%s: %+v %v, key %s, label %s", c.key, p, ok, p.Key(), p.Label())
		}
		if first, last := p.Months(); first != c.first || last != c.last {
			t.Errorf("%s: months %d–%d, want %d–%d", c.key, first, last, c.first, c.last)
		}
		if !p.Contains(p.Year, c.first) || !p.Contains(p.Year, c.last) || p.Contains(p.Year+1, c.first) || c.first > 1 && p.Contains(p.Year, c.first-1) {
			t.Errorf("%s: Contains is wrong", c.key)
		}
	}
	for _, bad := range []string{"2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-H3", "24", "2024-1", "2024年", "2024-02-01", ""} {
		if p, ok := ParsePeriod(bad); ok {
			t.Errorf("ParsePeriod(%q) = %+v, want refused", bad, p)
		}
	}
	if Monthly.Counted() != "个月" || Quarterly.Counted() != "个季度" || Yearly.Counted() != "年" {
		t.Error("Counted")
	}
}
