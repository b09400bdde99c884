package sheet

import (
	"testing"

	"tongbao/internal/site"
)

func benchSite(b *testing.B) *site.Site {
	s, err := site.Load("../..")
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExport and BenchmarkImport time the sample month (40 results,
// 185 scores) written as a workbook and read back into a month file,
// checked: what `tongbao export` and `tongbao import` spend beyond loading
// the site.
func BenchmarkExport(b *testing.B) {
	s := benchSite(b)
	m := s.Month("2023-02")
	for b.Loop() {
		if _, err := Export(s, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport(b *testing.B) {
	s := benchSite(b)
	book, err := Export(s, s.Month("2023-02"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(book)))
	for b.Loop() {
		if _, err := Import(s, "2023-02", "2023-02.xlsx", book); err != nil {
			b.Fatal(err)
		}
	}
}
