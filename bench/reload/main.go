// Command reload measures what a person waits for in `tongbao serve`: from
// saving a month file to the server telling the browser to reload. It
// starts the given tongbao binary's preview server on a free loopback port,
// listens to its event stream as the live-reload script does, saves the
// month file -n times (each save changes the first progress text, so every
// rebuild has new pages to announce), and times each save until the
// "build" event. It also collects the rebuild time the server logs, which
// leaves out the watcher and the debounce delay. The file is restored at
// the end.
//
//	go run ./bench/reload -bin tongbao -s SITE [-file data/2023-02.toml] [-n 20]
//
// The last line of output is for scripts:
//
//	median_ms=… min_ms=… max_ms=… rebuild_median_ms=… n=…
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("bin", "tongbao", "tongbao binary")
	src := flag.String("s", ".", "site to serve")
	file := flag.String("file", "data/2023-02.toml", "month file to save, relative to the site")
	n := flag.Int("n", 20, "number of saves")
	flag.Parse()
	if err := run(*bin, *src, filepath.Join(*src, *file), *n); err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

// waitLimit bounds every wait, so that a server that never answers ends
// the measurement instead of hanging it.
const waitLimit = 60 * time.Second

func run(bin, src, file string, n int) error {
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if _, err := edit(orig, 0); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	defer os.WriteFile(file, orig, 0o644)

	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(n+2)*waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "-s", src, "--port", "0")
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGINT)
		cmd.Wait()
	}()
	logs := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			logs <- sc.Text()
		}
		close(logs)
	}()
	addr, err := address(logs)
	if err != nil {
		return err
	}
	events, err := subscribe(ctx, addr)
	if err != nil {
		return err
	}
	if ev, err := next(events); err != nil || ev.name != "hello" {
		return fmt.Errorf("expected the hello event, got %q: %v", ev.name, err)
	}

	var waits, rebuilds []time.Duration
	for i := 1; i <= n; i++ {
		drainLogs(logs)
		b, _ := edit(orig, i)
		start := time.Now()
		if err := os.WriteFile(file, b, 0o644); err != nil {
			return err
		}
		for {
			ev, err := next(events)
			if err != nil {
				return err
			}
			if ev.name == "errors" {
				return fmt.Errorf("the rebuild failed: %s", ev.data)
			}
			if ev.name == "build" {
				break
			}
		}
		waits = append(waits, time.Since(start))
		if d, ok := rebuildTime(logs); ok {
			rebuilds = append(rebuilds, d)
		}
	}
	fmt.Printf("%d saves of %s: median %s ms, min %s ms, max %s ms; server-side rebuild median %s ms\n",
		n, file, ms(median(waits)), ms(slices.Min(waits)), ms(slices.Max(waits)), ms(median(rebuilds)))
	fmt.Printf("median_ms=%s min_ms=%s max_ms=%s rebuild_median_ms=%s n=%d\n",
		ms(median(waits)), ms(slices.Min(waits)), ms(slices.Max(waits)), ms(median(rebuilds)), n)
	return nil
}

var progressRE = regexp.MustCompile(`(?m)^progress\s*=\s*".*"$`)

// edit returns src with save number i written into its first progress
// text: a change every rebuild must carry to the circular's page.
func edit(src []byte, i int) ([]byte, error) {
	loc := progressRE.FindIndex(src)
	if loc == nil {
		return nil, errors.New("no progress text to edit")
	}
	end := loc[1] - 1 // the closing quote
	out := slices.Concat(src[:end], fmt.Appendf(nil, "（第%d次保存）", i), src[end:])
	return out, nil
}

var urlRE = regexp.MustCompile(`http://[^\s（]+`)

// address waits for the server's "预览地址 http://…" line.
func address(logs <-chan string) (string, error) {
	timeout := time.After(waitLimit)
	for {
		select {
		case line, ok := <-logs:
			if !ok {
				return "", errors.New("the server stopped before it was ready")
			}
			if strings.Contains(line, "预览地址") {
				if u := urlRE.FindString(line); u != "" {
					return u, nil
				}
			}
		case <-timeout:
			return "", errors.New("the server did not start")
		}
	}
}

var rebuildRE = regexp.MustCompile(`已重新生成.*用时 (\d+) ms`)

// rebuildTime reads the server's log line of the rebuild just announced.
func rebuildTime(logs <-chan string) (time.Duration, bool) {
	timeout := time.After(time.Second)
	for {
		select {
		case line := <-logs:
			if m := rebuildRE.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				return time.Duration(n) * time.Millisecond, true
			}
		case <-timeout:
			return 0, false
		}
	}
}

func drainLogs(logs <-chan string) {
	for {
		select {
		case <-logs:
		default:
			return
		}
	}
}

type event struct{ name, data string }

// subscribe opens the server's event stream (/__tongbao/events, beside
// any base path) and delivers its events.
func subscribe(ctx context.Context, site string) (<-chan event, error) {
	u, err := url.Parse(site)
	if err != nil {
		return nil, err
	}
	u.Path = "/__tongbao/events"
	req, err := http.NewRequestWithContext(ctx, "GET", u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	ch := make(chan event, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		readEvents(resp.Body, ch)
	}()
	return ch, nil
}

// readEvents parses a Server-Sent Events stream into ch.
func readEvents(r io.Reader, ch chan<- event) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var ev event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if ev.name != "" {
				ch <- ev
			}
			ev = event{}
		case strings.HasPrefix(line, "event:"):
			ev.name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			ev.data += strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		}
	}
}

func next(events <-chan event) (event, error) {
	select {
	case ev, ok := <-events:
		if !ok {
			return event{}, errors.New("the event stream ended")
		}
		return ev, nil
	case <-time.After(waitLimit):
		return event{}, errors.New("no event from the server")
	}
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}
