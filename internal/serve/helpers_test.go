package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// repoRoot is the sample site: the repository is a tongbao site itself.
const repoRoot = "../.."

// copySite copies the sample site's input into a fresh folder, so that a
// test may edit it.
func copySite(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"config.toml", "data", "content"} {
		if err := copyTree(filepath.Join(repoRoot, name), filepath.Join(dst, name)); err != nil {
			t.Fatalf("copying the sample site: %v", err)
		}
	}
	return dst
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// editFile replaces old by new in a site file, failing if old is absent.
func editFile(t testing.TB, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// atomicWrite saves like most editors: a temporary file renamed over the
// old one.
func atomicWrite(t testing.TB, name string, data []byte) {
	t.Helper()
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

// sseEvent is one Server-Sent Event as a test reads it.
type sseEvent struct {
	name, data string
}

// sseClient reads an event stream.
type sseClient struct {
	body   io.ReadCloser
	events chan sseEvent
	cancel context.CancelFunc
}

func dialSSE(t testing.TB, url string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type = %q", ct)
	}
	c := &sseClient{body: resp.Body, events: make(chan sseEvent, 64), cancel: cancel}
	go func() {
		defer close(c.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" || ev.data != "" {
					c.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			}
		}
	}()
	t.Cleanup(c.close)
	return c
}

func (c *sseClient) close() {
	c.cancel()
	c.body.Close()
}

// next returns the next event, failing after timeout.
func (c *sseClient) next(t testing.TB, timeout time.Duration) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-c.events:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(timeout):
		t.Fatalf("no event within %v", timeout)
	}
	return sseEvent{}
}

// syncBuffer is a bytes.Buffer safe for a server's log and a test reading it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }

func mkdirAll(name string) error { return os.MkdirAll(name, 0o755) }

func writeFile(t testing.TB, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serveLoopback runs s.Serve on a free loopback port until the test ends
// or cancel is called, and returns once it answers. done receives what
// Serve returned.
func serveLoopback(t testing.TB, s *Server) (url string, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ctx, ln) }()
	t.Cleanup(cancel)
	url = "http://" + ln.Addr().String()
	for i := 0; ; i++ {
		resp, err := http.Get(url + "/")
		if err == nil {
			resp.Body.Close()
			return url, cancel, errc
		}
		if i > 200 {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// gatheringMarch writes March into the copy of the sample in dir, still
// being gathered: data/2023-03.toml, its February as March with one score
// still to come (小江湖街道's in 规模工业增加值), and the draft of its
// circular, without a date. complete writes the score and the date.
func gatheringMarch(t testing.TB, dir string) (march, gathering string, complete func()) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(dir, "data", "2023-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	whole := strings.Replace(string(text), `period      = "1-2月"`, `period      = "3月"`, 1)
	gathering = strings.Replace(whole, "\"小江湖街道\" = 90.5       # 第4名，示例补全\n", "", 1)
	if gathering == whole || whole == string(text) {
		t.Fatal("the sample's month file has changed: the test's edits no longer apply")
	}
	march = filepath.Join(dir, "data", "2023-03.toml")
	writeFile(t, march, gathering)
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	draft := "+++\nnumber = \"双政办函〔2023〕15号\"\ntitle  = \"关于区政府2023年3月“三重点”落实情况的通报\"\ndata   = \"2023-03\"\n+++\n\n经区政府研究，现将三月的情况通报如下。\n"
	writeFile(t, circular, draft)
	return march, gathering, func() {
		writeFile(t, march, whole)
		writeFile(t, circular, strings.Replace(draft, "data   =", "date   = 2023-05-06\ndata   =", 1))
	}
}

// built is a server of opts after its first build, and a test server of
// its handler, both closed when the test ends.
func built(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(opts)
	s.Build()
	t.Cleanup(s.Close)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// writtenDemo writes a demo archive of years from the sample (gen-demo
// with seed) and returns its folder.
func writtenDemo(t testing.TB, years int, seed int64) string {
	t.Helper()
	sample, err := site.Load(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, sample, years, seed); err != nil {
		t.Fatal(err)
	}
	return dir
}
