package serve

import (
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestRelevant(t *testing.T) {
	const (
		create = fsnotify.Create
		write  = fsnotify.Write
		remove = fsnotify.Remove
		rename = fsnotify.Rename
		chmod  = fsnotify.Chmod
	)
	tests := []struct {
		rel  string
		op   fsnotify.Op
		want bool
	}{
		{"config.toml", write, true},
		{"config.toml", create, true}, // renamed over: an atomic save
		{"config.toml", remove, true},
		{"config.toml", rename, true},
		{"config.toml", chmod, false},
		{"config.toml", chmod | write, true},
		{"data/2023-02.toml", write, true},
		{"data/2023-03.toml", create, true},
		{"content/circulars/2023-02.md", rename, true},
		{"content/notices", create, true}, // a folder made later
		{"content/notices/2023-05.md", write, true},
		{"layouts/assets/css/site.css", write, true},
		{"data", create, true},
		{"layouts", remove, true},
		{"static", create, true},
		{"static/baidu_verify_abc.html", write, true},
		{"static/.well-known", create, true},
		{"static/.well-known/security.txt", write, true},

		// Junk, in static/ as in content/.
		{"static/.DS_Store", create, false},
		{"static/Thumbs.db", write, false},
		{"static/upload/desktop.ini", write, false},
		{"static/upload/~$通知.docx", create, false},
		{"content/附件/~$通知.docx", create, false},
		{"static/.well-known/.DS_Store", create, false},
		{"static/upload/.well-known/x", write, false}, // only at the root
		{"content/.well-known/x", write, false},

		// Not input.
		{"public/index.html", write, false},
		{"public", create, false},
		{"README.md", write, false},
		{"go.mod", write, false},
		{".git/index", write, false},
		{"tongbao", create, false},
		{"../elsewhere/config.toml", write, false},

		// vim
		{"data/.2023-02.toml.swp", write, false},
		{"data/.2023-02.toml.swx", create, false},
		{"data/2023-02.toml.swp", write, false},
		{"data/4913", create, false},
		{"data/4913", remove, false},
		{"data/5036", create, false},
		{"content/notices/2023", create, true}, // a year folder is no vim probe
		{"content/notices/2023/05.md", write, true},
		{"content/notices/0", create, true},
		{"data/2023-02.toml~", create, false},
		{"data/2023-02.toml~", remove, false},
		// emacs
		{"content/.#about.md", create, false},
		{"content/#about.md#", write, false},
		// JetBrains
		{"data/2023-02.toml___jb_tmp___", write, false},
		{"data/2023-02.toml___jb_old___", rename, false},
		// gedit
		{"layouts/.goutputstream-ABC123", write, false},
		// others
		{"layouts/base.html.tmp", write, false},
		{"content/.hidden/page.md", write, false},
		{".config.toml.swp", write, false},
	}
	for _, tt := range tests {
		if got := relevant(tt.rel, tt.op); got != tt.want {
			t.Errorf("relevant(%q, %v) = %v, want %v", tt.rel, tt.op, got, tt.want)
		}
	}
}

// fakeClock runs timers when the test advances it, not when time passes.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Duration
	timers []*fakeTimer
}

type fakeTimer struct {
	c       *fakeClock
	at      time.Duration
	f       func()
	stopped bool
	fired   bool
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: c, at: c.now + d, f: f}
	c.timers = append(c.timers, t)
	return t
}

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	if t.stopped || t.fired {
		return false
	}
	t.stopped = true
	return true
}

// Advance moves the clock and runs the timers that came due, in order.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now += d
	var due []*fakeTimer
	for _, t := range c.timers {
		if !t.stopped && !t.fired && t.at <= c.now {
			t.fired = true
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	sort.SliceStable(due, func(i, j int) bool { return due[i].at < due[j].at })
	for _, t := range due {
		t.f()
	}
}

const testDelay = DefaultDelay

// feed sends events through the filter to the debouncer, a millisecond
// apart, as the watcher would.
func feed(clk *fakeClock, d *debouncer, events []fsnotify.Event) {
	for _, ev := range events {
		if relevant(ev.Name, ev.Op) {
			d.Trigger()
		}
		clk.Advance(time.Millisecond)
	}
}

func newCounting() (*fakeClock, *debouncer, *atomic.Int32) {
	clk := &fakeClock{}
	var runs atomic.Int32
	return clk, newDebouncer(testDelay, clk, func() { runs.Add(1) }), &runs
}

func TestDebounceBurst(t *testing.T) {
	clk, d, runs := newCounting()
	var burst []fsnotify.Event
	for range 50 {
		burst = append(burst, fsnotify.Event{Name: "data/2023-02.toml", Op: fsnotify.Write})
	}
	feed(clk, d, burst)
	if n := runs.Load(); n != 0 {
		t.Fatalf("rebuilt %d times during the burst, want 0 (the timer trails the last event)", n)
	}
	clk.Advance(testDelay)
	if n := runs.Load(); n != 1 {
		t.Fatalf("burst of 50 writes: %d rebuilds, want 1", n)
	}
	clk.Advance(10 * testDelay)
	if n := runs.Load(); n != 1 {
		t.Fatalf("after the burst: %d rebuilds, want 1", n)
	}
	// A later save is a new burst.
	feed(clk, d, burst[:1])
	clk.Advance(testDelay)
	if n := runs.Load(); n != 2 {
		t.Fatalf("second save: %d rebuilds in all, want 2", n)
	}
}

func TestDebounceTrailing(t *testing.T) {
	clk, d, runs := newCounting()
	// Events closer together than the delay keep pushing the build back.
	for range 10 {
		d.Trigger()
		clk.Advance(testDelay / 2)
	}
	if n := runs.Load(); n != 0 {
		t.Fatalf("rebuilt %d times while events kept coming", n)
	}
	clk.Advance(testDelay)
	if n := runs.Load(); n != 1 {
		t.Fatalf("%d rebuilds, want 1", n)
	}
}

// vimSave is what vim does on :w with its default backupcopy=auto and
// writebackup: probe the folder with 4913, rename the file to file~,
// write a new file, remove the backup; the swap file is written
// throughout.
func vimSave(name string) []fsnotify.Event {
	dir := name[:len(name)-len("2023-02.toml")]
	swp := dir + ".2023-02.toml.swp"
	return []fsnotify.Event{
		{Name: swp, Op: fsnotify.Write},
		{Name: dir + "4913", Op: fsnotify.Create},
		{Name: dir + "4913", Op: fsnotify.Chmod},
		{Name: dir + "4913", Op: fsnotify.Remove},
		{Name: name, Op: fsnotify.Rename},
		{Name: name + "~", Op: fsnotify.Create},
		{Name: name, Op: fsnotify.Create},
		{Name: name, Op: fsnotify.Write},
		{Name: name, Op: fsnotify.Chmod},
		{Name: swp, Op: fsnotify.Write},
		{Name: name + "~", Op: fsnotify.Remove},
		{Name: swp, Op: fsnotify.Write},
	}
}

func TestDebounceVimSave(t *testing.T) {
	clk, d, runs := newCounting()
	feed(clk, d, vimSave("data/2023-02.toml"))
	clk.Advance(testDelay)
	if n := runs.Load(); n != 1 {
		t.Fatalf("vim save: %d rebuilds, want 1", n)
	}
}

func TestDebounceIgnored(t *testing.T) {
	clk, d, runs := newCounting()
	feed(clk, d, []fsnotify.Event{
		{Name: "data/.2023-02.toml.swp", Op: fsnotify.Write},
		{Name: "data/.2023-02.toml.swp", Op: fsnotify.Write},
		{Name: "data/2023-02.toml", Op: fsnotify.Chmod},
		{Name: "content/.#about.md", Op: fsnotify.Create},
		{Name: "public/index.html", Op: fsnotify.Write},
	})
	clk.Advance(10 * testDelay)
	if n := runs.Load(); n != 0 {
		t.Fatalf("swap-file writes and chmod alone: %d rebuilds, want 0", n)
	}
}

// TestDebounceQueue checks that rebuilds never overlap and that changes
// made during a rebuild give exactly one more.
func TestDebounceQueue(t *testing.T) {
	clk := &fakeClock{}
	started := make(chan int, 10)
	release := make(chan bool)
	var running, runs atomic.Int32
	d := newDebouncer(testDelay, clk, func() {
		if running.Add(1) > 1 {
			t.Error("two rebuilds at once")
		}
		started <- int(runs.Add(1))
		<-release
		running.Add(-1)
	})
	d.Trigger()
	done := make(chan bool)
	go func() { clk.Advance(testDelay); done <- true }() // runs the first build, which blocks
	<-started
	// Three more saves while the first build runs: one queued rebuild.
	for range 3 {
		d.Trigger()
		clk.Advance(testDelay)
	}
	release <- true // first build ends; the queued one starts
	if n := <-started; n != 2 {
		t.Fatalf("second run is #%d", n)
	}
	release <- true
	<-done
	clk.Advance(10 * testDelay)
	if n := runs.Load(); n != 2 {
		t.Fatalf("%d rebuilds, want 2 (one running, one queued)", n)
	}
}

func TestDebounceStop(t *testing.T) {
	clk, d, runs := newCounting()
	d.Trigger()
	d.Stop()
	d.Trigger()
	clk.Advance(10 * testDelay)
	if n := runs.Load(); n != 0 {
		t.Fatalf("%d rebuilds after Stop", n)
	}
}

// TestWatchReal drives the real watcher: an in-place write, an atomic
// save, a folder created later with a file in it, and a swap file.
func TestWatchReal(t *testing.T) {
	dir := copySite(t)
	var builds atomic.Int32
	s := New(Options{Source: dir, Delay: 20 * time.Millisecond})
	s.built = func() { builds.Add(1) }
	s.Build()
	ctx := t.Context()
	if err := s.Watch(ctx); err != nil {
		t.Fatal(err)
	}
	wait := func(want int32, what string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for builds.Load() < want {
			if time.Now().After(deadline) {
				t.Fatalf("%s: no rebuild (builds = %d, want %d)", what, builds.Load(), want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	wait(1, "initial build")

	editFile(t, dir+"/data/2023-02.toml", `"小江湖街道" = 94.1`, `"小江湖街道" = 94.2`)
	wait(2, "in-place write")

	b, _ := readFile(dir + "/config.toml")
	atomicWrite(t, dir+"/config.toml", append(b, []byte("\n# saved atomically\n")...))
	wait(3, "atomic save (rename over)")

	if err := mkdirAll(dir + "/content/notices/2023"); err != nil {
		t.Fatal(err)
	}
	wait(4, "new folder")
	time.Sleep(50 * time.Millisecond) // let the watch on the new folders settle
	writeFile(t, dir+"/content/notices/2023/05.md", "+++\ntitle = \"通知\"\ndate = 2023-05-01\n+++\n\n正文。\n")
	// Making two folders may itself take two rebuilds under load, so the
	// count says nothing of the file: wait for its page.
	for deadline := time.Now().Add(5 * time.Second); s.state.Load().snap.files["notices/2023/05/index.html"] == nil; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("page in the new folder not served (builds = %d)", builds.Load())
		}
	}

	n := builds.Load()
	writeFile(t, dir+"/data/.2023-02.toml.swp", "swap")
	time.Sleep(200 * time.Millisecond)
	if builds.Load() != n {
		t.Fatal("a swap file triggered a rebuild")
	}
}

// TestWatchStatic: static/ is watched with its .well-known folder, and
// a file saved there, or in a folder made there later, is served.
func TestWatchStatic(t *testing.T) {
	dir := copySite(t)
	if err := mkdirAll(dir + "/static/.well-known"); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Source: dir, Delay: 20 * time.Millisecond})
	s.Build()
	if err := s.Watch(t.Context()); err != nil {
		t.Fatal(err)
	}
	served := func(what, p string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for s.state.Load().snap.files[p] == nil {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s not served", what, p)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	writeFile(t, dir+"/static/.well-known/security.txt", "Contact: mailto:web@example.gov.cn\n")
	served("a file saved in static/.well-known", ".well-known/security.txt")
	if err := mkdirAll(dir + "/static/upload"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // let the watch on the new folder settle
	writeFile(t, dir+"/static/upload/通知.pdf", "%PDF")
	served("a file saved in a new folder of static/", "upload/通知.pdf")
}
