package site_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"unicode/utf8"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// FuzzMonthFile feeds arbitrary bytes to the loader as data/2023-02.toml of
// a site whose config, units and indicators are the sample's, then ranks
// the month when it loads. Whatever the bytes, the loader must not panic;
// it either loads the month or returns diagnostics that all point into the
// month file at a place that exists in it; and a loaded month must rank
// without panicking.
//
// The seeds in testdata/fuzz/FuzzMonthFile are the sample month and broken
// variants of it; `go test` runs them as a regression test.
func FuzzMonthFile(f *testing.F) {
	dir := f.TempDir()
	for _, name := range []string{"config.toml", "data/units.toml", "data/indicators.toml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
		if err != nil {
			f.Fatal(err)
		}
		write(f, filepath.Join(dir, name), b)
	}
	write(f, filepath.Join(dir, "layouts", "base.html"), []byte(`{{template "main" .}}`))
	const rel = "data/2023-02.toml"
	month := filepath.Join(dir, filepath.FromSlash(rel))

	// One site folder, so loads take turns. The cache keeps the sample's
	// catalogue between loads, as the preview server does; the month file
	// differs every time, and a month is cached by its bytes, so it is
	// parsed every time.
	var mu sync.Mutex
	cache := &site.Cache{}
	load := func(t *testing.T, src []byte) (*site.Site, error) {
		mu.Lock()
		defer mu.Unlock()
		write(t, month, src)
		return site.LoadCached(dir, cache)
	}

	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := load(t, src)
		if err == nil {
			m := s.Month("2023-02")
			if m == nil {
				t.Fatal("loaded without error, but the month is missing")
			}
			rank.Archive(s)
			return
		}
		var l diag.List
		if !errors.As(err, &l) || len(l) == 0 {
			t.Fatalf("Load returned %T %v, want diagnostics", err, err)
		}
		lines := textLines(src)
		for _, d := range l {
			if d.File != rel {
				t.Errorf("diagnostic about another file: %s", d)
				continue
			}
			if d.Line == 0 && d.Col == 0 {
				continue // about the file as a whole
			}
			if d.Line < 1 || d.Line > len(lines) || d.Col < 1 || d.Col > utf8.RuneCount(lines[d.Line-1])+1 {
				t.Errorf("diagnostic outside the file (%d lines): %s", len(lines), d)
			}
		}
	})
}

// textLines splits a file the way the loader counts lines: without a BOM,
// CRLF as one line end. A file ending in a newline has an empty last line,
// where an error at the end of the file stands.
func textLines(src []byte) [][]byte {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.Split(src, []byte("\n"))
}

func write(tb testing.TB, name string, data []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
