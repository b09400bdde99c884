package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// BenchmarkCircular renders the sample circular (2023年1-2月) alone: its
// Markdown with the data shortcodes, then the circular layout. Ranking
// and template parsing, done once per build, are left out.
func BenchmarkCircular(b *testing.B) {
	s, err := site.Load("../..")
	if err != nil {
		b.Fatalf("loading the sample site: %v", err)
	}
	s.Pages = nil // only the circular's body is converted
	c, err := newCore(s, rank.Archive(s), Options{})
	if err != nil {
		b.Fatal(err)
	}
	circ := &circulars{core: c}
	var page []byte
	for b.Loop() {
		circ.convertBodies()
		if page, err = circ.circularPage(0); err != nil {
			b.Fatal(err)
		}
	}
	if err := c.diags.Err(); err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(string(page), "排名全区前三的为") {
		b.Fatal("the page lacks the ranking sentences")
	}
	b.ReportMetric(float64(len(page)), "bytes/page")
}

// BenchmarkArchive is a full in-memory build of the 20-year demo archive
// (240 months and circulars, written by gen-demo): load, rank and render
// every page, as `tongbao build` does before writing and `tongbao serve`
// does on a cold start. render times Render alone on a loaded site.
func BenchmarkArchive(b *testing.B) {
	sample, err := site.Load("../..")
	if err != nil {
		b.Fatalf("loading the sample site: %v", err)
	}
	dir := filepath.Join(b.TempDir(), "demo")
	if err := demo.Write(dir, sample, 20, 1); err != nil {
		b.Fatal(err)
	}
	b.Run("load+render", func(b *testing.B) {
		var out []Output
		for b.Loop() {
			s, err := site.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			if out, err = Render(s, rank.Archive(s), Options{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out)), "files")
	})
	b.Run("render", func(b *testing.B) {
		s, err := site.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := Render(s, rank.Archive(s), Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPlainCorpusIndex is what the search index adds to rendering
// the plain corpus of bench/corpus (2,000 pages of 8 KB), whose tongbao
// site is the folder $TONGBAO_BENCH_CORPUS (bench/run.sh sets it): the
// render with the index, and without. Besides the wall time it reports
// the CPU time (user and system) per render, which is what the index
// costs on a machine whose other cores are busy:
//
//	TONGBAO_BENCH_CORPUS=DIR go test -run '^$' -bench PlainCorpusIndex -count 6 ./internal/render
//
// With -count, the two alternate, so a change in the machine's load weighs
// on both.
func BenchmarkPlainCorpusIndex(b *testing.B) {
	dir := os.Getenv("TONGBAO_BENCH_CORPUS")
	if dir == "" {
		b.Skip("TONGBAO_BENCH_CORPUS is not set: go run ./bench/corpus OUT and set it to OUT/tongbao")
	}
	s, err := site.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	res := rank.Archive(s)
	for _, c := range []struct {
		name string
		opts Options
	}{{"index", Options{}}, {"none", Options{NoSearchIndex: true}}} {
		b.Run(c.name, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				if _, err := Render(s, res, c.opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}
