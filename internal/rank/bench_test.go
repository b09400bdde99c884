package rank

import (
	"path/filepath"
	"testing"

	"tongbao/internal/demo"
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

// BenchmarkUpdate is what the preview pays in rank after a save that
// changed no month, on a twenty-year demo (240 months, their streak rule,
// twenty years and four quarters): every period's measures made again
// and compared, no month ranked again.
func BenchmarkUpdate(b *testing.B) {
	sample, err := site.Load("../..")
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "demo")
	if err := demo.Write(dir, sample, 20, 1); err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	res := Archive(s)
	b.Run("archive", func(b *testing.B) {
		for b.Loop() {
			Archive(s)
		}
	})
	b.Run("update", func(b *testing.B) {
		for b.Loop() {
			if again := Update(res, s); again.Months()[100] != res.Months()[100] {
				b.Fatal("a period made again")
			}
		}
	})
}
