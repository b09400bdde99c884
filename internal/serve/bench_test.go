package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures what a user waits for: from saving a
// file to the server sending the browser its "build" event — the watcher,
// the debounce delay (DefaultDelay), the in-memory rebuild, the
// diff against the previous build and the event on the wire. It reports
// the median of the iterations as ms/median.
//
// Each save changes the output: "circular" appends a sentence to the
// newest circular's Markdown; "month" moves a township's score in the
// newest month file, which changes the ranks its circular, the history
// pages, the rankings, the home page and the open data show.
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("sample/circular", func(b *testing.B) {
		benchSaveToReload(b, copySite(b), editCircular)
	})
	b.Run("sample/month", func(b *testing.B) {
		benchSaveToReload(b, copySite(b), editMonth)
	})
	archive := demoSite(b, 20)
	b.Run("archive-240-months/circular", func(b *testing.B) {
		benchSaveToReload(b, archive, editCircular)
	})
	b.Run("archive-240-months/month", func(b *testing.B) {
		benchSaveToReload(b, archive, editMonth)
	})
}

// An edit returns the file to save and its content for save number i,
// and the file's original content to restore.
type edit func(b *testing.B, dir string) (name string, orig []byte, next func(i int) []byte)

func newest(b *testing.B, pattern string) (string, []byte) {
	b.Helper()
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		b.Fatalf("no %s", pattern)
	}
	slices.Sort(files)
	name := files[len(files)-1]
	orig, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return name, orig
}

func editCircular(b *testing.B, dir string) (string, []byte, func(int) []byte) {
	name, orig := newest(b, filepath.Join(dir, "content", "circulars", "*.md"))
	return name, orig, func(i int) []byte {
		return fmt.Appendf(slices.Clone(orig), "\n预览延迟测试第%d次。\n", i)
	}
}

// scoreRE finds a township's score in a month file: "桥头街道" = 98.5.
var scoreRE = regexp.MustCompile(`(?m)^("[^"]+"\s*=\s*)([0-9]+(?:\.[0-9]+)?)\s*(?:#.*)?$`)

func editMonth(b *testing.B, dir string) (string, []byte, func(int) []byte) {
	name, orig := newest(b, filepath.Join(dir, "data", "[0-9]*.toml"))
	loc := scoreRE.FindSubmatchIndex(orig)
	if loc == nil {
		b.Fatalf("%s has no township score", name)
	}
	v, _ := strconv.ParseFloat(string(orig[loc[4]:loc[5]]), 64)
	return name, orig, func(i int) []byte {
		// Alternate between two scores far enough apart to change ranks.
		nv := v - 30
		if i%2 == 0 {
			nv = v
		}
		out := slices.Clone(orig[:loc[4]])
		out = strconv.AppendFloat(out, nv, 'f', 1, 64)
		return append(out, orig[loc[5]:]...)
	}
}

// BenchmarkRebuild is the rebuild alone, without the watcher and the
// delay: after no change, and after each of the edits of
// BenchmarkSaveToReload.
func BenchmarkRebuild(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchRebuild(b, copySite(b), nil) })
	archive := demoSite(b, 20)
	b.Run("archive-240-months", func(b *testing.B) { benchRebuild(b, archive, nil) })
	b.Run("archive-240-months/circular", func(b *testing.B) { benchRebuild(b, archive, editCircular) })
	b.Run("archive-240-months/month", func(b *testing.B) { benchRebuild(b, archive, editMonth) })
}

// demoSite writes a synthetic archive of 12·years months and circulars
// from the sample site (internal/demo).
func demoSite(b *testing.B, years int) string {
	b.Helper()
	dir := writtenDemo(b, years, 1)
	// Files written a moment ago are read again on every load (the
	// loader's guard against a change within the clock's granularity);
	// in a real session they are older.
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	return dir
}

func benchSaveToReload(b *testing.B, dir string, e edit) {
	s := New(Options{Source: dir})
	s.Build()
	if st := s.state.Load(); st.snap.id == "" {
		b.Fatalf("the site does not build: %v", st.errors)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := s.Watch(ctx); err != nil {
		b.Fatal(err)
	}
	c := dialSSE(b, ts.URL+eventsPath)
	c.next(b, 5*time.Second) // hello

	name, orig, next := e(b, dir)
	defer os.WriteFile(name, orig, 0o644)
	var waits []time.Duration
	i := 0
	for b.Loop() {
		i++
		drain(c)
		start := time.Now()
		if err := os.WriteFile(name, next(i), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			ev := c.next(b, 30*time.Second)
			if ev.name == "errors" {
				b.Fatalf("rebuild failed: %s", ev.data)
			}
			if ev.name == "build" {
				break
			}
		}
		waits = append(waits, time.Since(start))
	}
	b.ReportMetric(median(waits), "ms/median")
}

func benchRebuild(b *testing.B, dir string, e edit) {
	s := New(Options{Source: dir})
	s.Build()
	var name string
	var next func(int) []byte
	if e != nil {
		var orig []byte
		name, orig, next = e(b, dir)
		defer os.WriteFile(name, orig, 0o644)
	}
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		if e != nil {
			b.StopTimer()
			if err := os.WriteFile(name, next(i), 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		start := time.Now()
		s.Build()
		times = append(times, time.Since(start))
	}
	if st := s.state.Load(); st.snap.id == "" {
		b.Fatalf("the site does not build: %v", st.errors)
	}
	b.ReportMetric(median(times), "ms/median")
	b.ReportMetric(float64(len(s.state.Load().snap.files)), "files")
}

// drain drops events left over from an earlier iteration.
func drain(c *sseClient) {
	for {
		select {
		case <-c.events:
		default:
			return
		}
	}
}

func median(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return float64(s[len(s)/2].Microseconds()) / 1000
}
