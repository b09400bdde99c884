package rank

import (
	"testing"

	"tongbao/internal/site"
)

// BenchmarkMonth ranks the sample's month (2023年1-2月: every indicator of
// the seed, 12 townships), as a build does once per month of the archive.
func BenchmarkMonth(b *testing.B) {
	s, err := site.Load("../..")
	if err != nil {
		b.Fatalf("loading the sample site: %v", err)
	}
	m := s.Months[len(s.Months)-1]
	var res *MonthResults
	for b.Loop() {
		res = Month(s, m)
	}
	if len(res.Composite) != len(s.Townships) || len(res.Indicators) == 0 {
		b.Fatalf("ranked %d townships and %d indicators; want %d townships", len(res.Composite), len(res.Indicators), len(s.Townships))
	}
}
