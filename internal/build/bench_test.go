package build

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkBuildArchive is `tongbao build` of the 20-year demo archive
// (240 months and circulars) in one process, each time into a fresh
// output folder, as a cold build from the command line does: load, rank,
// render, write beside the folder, flush to disk, swap in; rebuild does it
// again into the same folder, as a build after a small edit does. write times
// the writing, flushing and swapping alone, on outputs rendered once.
// Both use the system's temporary folder, so they measure its file system.
func BenchmarkBuildArchive(b *testing.B) {
	dir := demoSite(b, 20, 1)
	out := b.TempDir()
	b.Run("build", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			if _, err := Build(context.Background(), Options{Source: dir, Dest: filepath.Join(out, fmt.Sprint("build", i))}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rebuild", func(b *testing.B) {
		// Into the same folder each time: every file is the same as the
		// last build's and is linked from it.
		dest := filepath.Join(out, "rebuild")
		for b.Loop() {
			if _, err := Build(context.Background(), Options{Source: dir, Dest: dest}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		outputs, err := Render(Options{Source: dir})
		if err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			i++
			if err := Write(filepath.Join(out, fmt.Sprint("write", i)), outputs); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(outputs)), "files")
	})
}
