package rank

import (
	"testing"

	"tongbao/internal/site"
)

// BenchmarkMonth ranks the sample's archive of one month (2023年1-2月: every indicator of
// the seed, 12 townships), as a build does once per month of the archive.
func BenchmarkMonth(b *testing.B) {
	s, err := site.Load("../..")
	if err != nil {
		b.Fatalf("loading the sample site: %v", err)
	}
	var res *Results
	for b.Loop() {
		res = Archive(s)
	}
	g := res.Periods[len(res.Periods)-1].Groups[0]
	if len(g.Composite) != len(s.Townships) || len(g.Indicators) == 0 {
		b.Fatalf("ranked %d townships and %d indicators; want %d townships", len(g.Composite), len(g.Indicators), len(s.Townships))
	}
}
