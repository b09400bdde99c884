package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// BenchmarkSaveToReload measures what a user waits for: from saving a
// file to the server sending the browser its "build" event — the watcher,
// the debounce delay (100 ms, the default), the in-memory rebuild, the
// diff against the previous build and the event on the wire. It reports
// the median of the iterations as ms/median.
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("sample", func(b *testing.B) {
		benchSaveToReload(b, copySite(b))
	})
	b.Run("archive-240-months", func(b *testing.B) {
		benchSaveToReload(b, demoSite(b, 20))
	})
}

// BenchmarkRebuild is the rebuild alone, without the watcher and the delay.
func BenchmarkRebuild(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchRebuild(b, copySite(b)) })
	b.Run("archive-240-months", func(b *testing.B) { benchRebuild(b, demoSite(b, 20)) })
}

// demoSite writes a synthetic archive of 12·years months and circulars
// from the sample site (internal/demo).
func demoSite(b *testing.B, years int) string {
	b.Helper()
	sample, err := site.Load(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "demo")
	if err := demo.Write(dir, sample, years, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchSaveToReload(b *testing.B, dir string) {
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

	// The newest circular: its page changes with every save.
	circulars, _ := filepath.Glob(filepath.Join(dir, "content", "circulars", "*.md"))
	slices.Sort(circulars)
	name := circulars[len(circulars)-1]
	orig, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	var waits []time.Duration
	i := 0
	for b.Loop() {
		i++
		drain(c)
		start := time.Now()
		if err := os.WriteFile(name, fmt.Appendf(slices.Clone(orig), "\n预览延迟测试第%d次。\n", i), 0o644); err != nil {
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

func benchRebuild(b *testing.B, dir string) {
	s := New(Options{Source: dir})
	var times []time.Duration
	for b.Loop() {
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
