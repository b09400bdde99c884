package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestServeUnderLoad has 8 clients request pages over loopback without a
// pause while the month file is edited and the site rebuilt again and
// again through the server's own Build — every fifth edit breaks the file,
// so failed rebuilds are in the mix. It checks that:
//
//   - every response is 200 (no 5xx, nothing missing mid-swap);
//   - no response mixes two builds: the build id injected into a page
//     always goes with the same edit of the content and is the one its
//     ETag header names; other files' ETag is the hash of their body;
//   - no client ever sees an older build after a newer one;
//   - afterwards the goroutines and open files are back to what they were
//     and the heap is bounded.
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a few seconds of load")
	}
	dir := copySite(t)
	month := filepath.Join(dir, "data", "2023-02.toml")
	orig, err := os.ReadFile(month)
	if err != nil {
		t.Fatal(err)
	}
	const progress = `progress  = "完成科技型中小企业6家。技术合同登记额3200万元。"`
	if !strings.Contains(string(orig), progress) {
		t.Fatalf("the sample month lacks %s", progress)
	}
	edit := func(n int) []byte {
		return []byte(strings.Replace(string(orig), progress, fmt.Sprintf(`progress  = "负载测试第%04d次。"`, n), 1))
	}

	runtime.GC()
	goroutines, fds := runtime.NumGoroutine(), openFiles(t)

	s := New(Options{Source: dir})
	if err := os.WriteFile(month, edit(0), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Build()
	ts := httptest.NewServer(s.Handler())
	var heapStart runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&heapStart)

	// The circular and the indicator's history show the progress text;
	// the others change with every build only through the build id.
	pages := []string{"/circulars/2023/14/", "/indicators/xinjingji/", "/", "/circulars/", "/units/dongfenglu/", "/feed.xml", "/circulars/2023/14/data.json"}
	transport := &http.Transport{MaxIdleConnsPerHost: 8}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var (
		mu        sync.Mutex
		markerOf  = map[string]string{} // build id → the edit it shows
		problems  []string
		responses atomic.Int64
		stop      atomic.Bool
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	buildRE := regexp.MustCompile(`data-build="([^"]*)"`)
	markerRE := regexp.MustCompile(`负载测试第(\d{4})次`)

	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			lastSeq := 0
			for i := w; !stop.Load(); i++ {
				url := ts.URL + pages[i%len(pages)]
				resp, err := client.Get(url)
				if err != nil {
					fail("GET %s: %v", url, err)
					return
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				responses.Add(1)
				if err != nil {
					fail("GET %s: reading the body: %v", url, err)
					continue
				}
				if resp.StatusCode != http.StatusOK {
					fail("GET %s: %s", url, resp.Status)
					continue
				}
				etag := resp.Header.Get("Etag")
				m := buildRE.FindSubmatch(body)
				if m == nil { // not a page: the tag is the content's hash
					sum := sha256.Sum256(body)
					if etag != `"`+hex.EncodeToString(sum[:12])+`"` {
						fail("GET %s: ETag %s is not the body's", url, etag)
					}
					continue
				}
				// A page's header names the build of its body.
				id := string(m[1])
				if !strings.HasSuffix(etag, "-"+id+`"`) {
					fail("GET %s: ETag %s, but the page is of build %s", url, etag, id)
				}
				seq, _ := strconv.Atoi(id[strings.LastIndexByte(id, '-')+1:])
				if seq < lastSeq {
					fail("client %d got build %d after build %d", w, seq, lastSeq)
				}
				lastSeq = seq
				if mk := markerRE.FindSubmatch(body); mk != nil {
					mu.Lock()
					prev, seen := markerOf[id]
					if !seen {
						markerOf[id] = string(mk[1])
					}
					mu.Unlock()
					if seen && prev != string(mk[1]) {
						fail("GET %s: build %s carries edit %s, elsewhere edit %s", url, id, mk[1], prev)
					}
				}
			}
		})
	}

	start := time.Now()
	builds, broken := 0, 0
	for n := 1; builds < 30 || time.Since(start) < 3*time.Second; n++ {
		if time.Since(start) > 30*time.Second {
			break
		}
		data := edit(n)
		if n%5 == 0 {
			data = append(data, "\n[[result]\nindicator = \"坏\"\n"...) // a syntax error
			broken++
		}
		atomicWrite(t, month, data)
		s.Build()
		builds++
	}
	elapsed := time.Since(start)
	stop.Store(true)
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
	n := responses.Load()
	t.Logf("%d responses in %v (%.0f/s) during %d rebuilds (%d of broken input); %d builds seen in pages",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), builds, broken, len(markerOf))
	if n < 100 || len(markerOf) < 5 {
		t.Errorf("too little happened to prove anything: %d responses, %d builds seen", n, len(markerOf))
	}

	var heapEnd runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&heapEnd)
	t.Logf("heap in use: %.1f MB after the first build, %.1f MB after the run", mb(heapStart.HeapInuse), mb(heapEnd.HeapInuse))
	if heapEnd.HeapInuse > 2*heapStart.HeapInuse+32<<20 {
		t.Errorf("the heap grew from %.1f MB to %.1f MB", mb(heapStart.HeapInuse), mb(heapEnd.HeapInuse))
	}

	transport.CloseIdleConnections()
	ts.Close()
	s.Close()
	settle(t, "goroutines", goroutines, runtime.NumGoroutine)
	settle(t, "open files", fds, func() int { return openFiles(t) })
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// settle waits up to five seconds for a count to come back to what it was
// (a few goroutines of the runtime and the test framework come and go).
func settle(t *testing.T, what string, before int, now func() int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		n := now()
		if n <= before+2 {
			return
		}
		if time.Now().After(deadline) {
			if what == "goroutines" {
				buf := make([]byte, 1<<16)
				buf = buf[:runtime.Stack(buf, true)]
				t.Logf("goroutines:\n%s", buf)
			}
			t.Errorf("%s: %d before the run, %d after", what, before, n)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// openFiles counts this process's open file descriptors.
func openFiles(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd here:", err)
	}
	return len(entries)
}
