package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"tongbao/internal/build"
	"tongbao/internal/rank"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// BenchmarkPlainCorpus builds the 2,000-page plain corpus in one process,
// stage by stage, for profiling what bench/run.sh times from outside:
//
//	go test -run '^$' -bench PlainCorpus/render -cpuprofile cpu.out ./bench/corpus
//
// load is site.Load (reading and front matter), render is render.Render on
// the loaded site (Markdown and templates), and build is all of it with
// the writing of the files into a fresh folder (files, flush, swap), as
// `tongbao build` runs it. Files go to the system's
// temporary folder (TMPDIR).
func BenchmarkPlainCorpus(b *testing.B) {
	tmp := b.TempDir()
	if err := write(tmp, Files(loadSample(b), 2000, 1)); err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(tmp, "tongbao")
	s, err := site.Load(src)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := site.Load(src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, err := render.Render(s, rank.Archive(s), render.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	i := 0
	dest := func() string { i++; return filepath.Join(tmp, fmt.Sprint("out", i)) }
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			if _, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest()}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
