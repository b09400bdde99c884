package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"tongbao/internal/build"
	"tongbao/internal/diag"
	"tongbao/internal/render"
	"tongbao/internal/site"
)

// startSite builds a copy of the sample site and serves it.
func startSite(t *testing.T, edit func(dir string)) (*Server, *httptest.Server, string) {
	t.Helper()
	dir := copySite(t)
	if edit != nil {
		edit(dir)
	}
	s := New(Options{Source: dir})
	s.Build()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return s, ts, dir
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, c *http.Client, method, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestContentTypes(t *testing.T) {
	s, ts, _ := startSite(t, nil)
	var css string
	for p := range s.state.Load().snap.files {
		if strings.HasSuffix(p, ".css") {
			css = p
		}
	}
	if css == "" {
		t.Fatal("the sample site has no stylesheet")
	}
	for path, want := range map[string]string{
		"/":                     "text/html; charset=utf-8",
		"/circulars/2023/14/":   "text/html; charset=utf-8",
		"/about/":               "text/html; charset=utf-8",
		"/" + css:               "text/css; charset=utf-8",
		scriptPath:              "text/javascript; charset=utf-8",
		"/circulars/2023/14":    "", // a redirect
		"/no/such/page/":        "text/html; charset=utf-8",
		"/circulars/index.html": "text/html; charset=utf-8",
	} {
		resp, _ := get(t, noRedirect, "GET", ts.URL+path)
		if want == "" {
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("GET %s: Content-Type %q, want %q", path, got, want)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, got)
		}
	}
	for name, want := range map[string]string{
		"data.json":   "application/json; charset=utf-8",
		"feed.xml":    "application/xml; charset=utf-8",
		"sitemap.xml": "application/xml; charset=utf-8",
		"search.js":   "text/javascript; charset=utf-8",
		"robots.txt":  "text/plain; charset=utf-8",
		"data.csv":    "text/csv; charset=utf-8",
		"chart.svg":   "image/svg+xml",
		"logo.png":    "image/png",
		// An attachment's type, whatever the machine's MIME table says.
		"attachment-1.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"attachment-2.DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	} {
		if got := contentType(name, nil); got != want {
			t.Errorf("contentType(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNotFound(t *testing.T) {
	s, ts, _ := startSite(t, nil)
	want := string(s.state.Load().snap.files["404.html"].body())
	for _, p := range []string{"/no/such/page/", "/circulars/2099/1/", "/assets/nothing.css", "/index.htm"} {
		resp, body := get(t, noRedirect, "GET", ts.URL+p)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
		if body != want {
			t.Errorf("GET %s: body is not the site's 404.html", p)
		}
	}
	resp, body := get(t, noRedirect, "HEAD", ts.URL+"/no/such/page/")
	if resp.StatusCode != http.StatusNotFound || body != "" {
		t.Errorf("HEAD of a missing page: status %d, body %q", resp.StatusCode, body)
	}
}

func TestHeadAndETag(t *testing.T) {
	_, ts, _ := startSite(t, nil)
	url := ts.URL + "/circulars/2023/14/"
	resp, body := get(t, http.DefaultClient, "GET", url)
	if resp.StatusCode != 200 || body == "" {
		t.Fatalf("GET: %d", resp.StatusCode)
	}
	etag := resp.Header.Get("Etag")
	if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
		t.Fatalf("ETag %q", etag)
	}
	if resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("Cache-Control %q", resp.Header.Get("Cache-Control"))
	}

	head, hbody := get(t, http.DefaultClient, "HEAD", url)
	if head.StatusCode != 200 || hbody != "" {
		t.Errorf("HEAD: status %d, body of %d bytes", head.StatusCode, len(hbody))
	}
	if head.Header.Get("Etag") != etag || head.Header.Get("Content-Length") != resp.Header.Get("Content-Length") {
		t.Errorf("HEAD headers differ from GET: %v vs %v", head.Header, resp.Header)
	}
	if head.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD Content-Type %q", head.Header.Get("Content-Type"))
	}

	nm, nbody := get(t, http.DefaultClient, "GET", url, "If-None-Match", etag)
	if nm.StatusCode != http.StatusNotModified || nbody != "" {
		t.Errorf("If-None-Match: status %d, want 304", nm.StatusCode)
	}
	other, _ := get(t, http.DefaultClient, "GET", url, "If-None-Match", `"0000"`)
	if other.StatusCode != 200 {
		t.Errorf("If-None-Match with another tag: status %d, want 200", other.StatusCode)
	}

	post, _ := get(t, http.DefaultClient, "POST", url)
	if post.StatusCode != http.StatusMethodNotAllowed || post.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q", post.StatusCode, post.Header.Get("Allow"))
	}
}

func TestRedirects(t *testing.T) {
	_, ts, _ := startSite(t, nil)
	for path, want := range map[string]string{
		"/circulars/2023/14": "/circulars/2023/14/",
		"/circulars":         "/circulars/",
		"/about?x=1":         "/about/?x=1",
	} {
		resp, _ := get(t, noRedirect, "GET", ts.URL+path)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
			t.Errorf("GET %s: %d → %q, want 301 → %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	resp, _ := get(t, noRedirect, "GET", ts.URL+"/circulars/index.html")
	if resp.StatusCode != 200 {
		t.Errorf("index.html by name: %d", resp.StatusCode)
	}
}

func TestBaseURLPath(t *testing.T) {
	_, ts, _ := startSite(t, func(dir string) {
		editFile(t, filepath.Join(dir, "config.toml"), `baseURL  = "/"`, `baseURL  = "https://portal.example.gov.cn/tongbao/"`)
	})
	for path, want := range map[string]string{"/": "/tongbao/", "/tongbao": "/tongbao/"} {
		resp, _ := get(t, noRedirect, "GET", ts.URL+path)
		if resp.StatusCode/100 != 3 || resp.Header.Get("Location") != want {
			t.Errorf("GET %s: %d → %q, want a redirect to %s", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	resp, body := get(t, noRedirect, "GET", ts.URL+"/tongbao/circulars/2023/14/")
	if resp.StatusCode != 200 {
		t.Fatalf("page under the base path: %d", resp.StatusCode)
	}
	if !strings.Contains(body, `href="/tongbao/assets/`) {
		t.Error("page does not link its stylesheet under the base path")
	}
	if resp, _ := get(t, noRedirect, "GET", ts.URL+"/circulars/2023/14/"); resp.StatusCode != 404 {
		t.Errorf("page outside the base path: %d, want 404", resp.StatusCode)
	}
}

// rawGet sends a request line exactly as written: clients clean paths.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestTraversal(t *testing.T) {
	_, ts, dir := startSite(t, func(dir string) {
		os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("TOP-SECRET"), 0o644)
		os.Symlink("/etc", filepath.Join(dir, "etc-link"))
		os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(dir, "content", "secret.txt"))
	})
	addr := strings.TrimPrefix(ts.URL, "http://")
	secret, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	for _, target := range []string{
		"/../config.toml",
		"/../../../../etc/passwd",
		"/%2e%2e/config.toml",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/circulars/%2e%2e/%2e%2e/%2e%2e/config.toml",
		"/..%2fconfig.toml",
		"/..%5cconfig.toml",
		"/.%2e/config.toml",
		"//etc/passwd",
		"/config.toml",
		"/data/2023-02.toml",
		"/content/circulars/2023-02.md",
		"/secret.txt",
		"/content/secret.txt",
		"/etc-link/passwd",
		"/./config.toml",
		"/%00/config.toml",
		"http://localhost/../config.toml",
	} {
		code, body := rawGet(t, addr, target)
		if code == 200 || code/100 == 3 {
			t.Errorf("GET %s: status %d, want an error", target, code)
		}
		for _, leak := range []string{string(secret[:40]), "TOP-SECRET", "root:x:0:0"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s: response leaks %q", target, leak)
			}
		}
	}
}

func TestScriptInjected(t *testing.T) {
	s, ts, dir := startSite(t, nil)
	_, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/14/")
	id := s.state.Load().snap.id
	tag := `<script src="/__tongbao/live.js" data-events="/__tongbao/events" data-build="` + id + `" data-page="circulars/2023/14/index.html"></script>`
	if !strings.Contains(body, tag+"\n</body>") {
		t.Errorf("served page lacks the live-reload script before </body>")
	}
	if strings.Count(body, "__tongbao/live.js") != 1 {
		t.Error("script injected more than once")
	}
	// Not into anything else, and never into a build.
	for p, f := range s.state.Load().snap.files {
		if !strings.HasSuffix(p, ".html") && strings.Contains(string(f.body()), "__tongbao") {
			t.Errorf("%s: script injected into a non-HTML file", p)
		}
	}
	outputs, err := build.Render(build.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outputs {
		if strings.Contains(string(o.Data), "__tongbao") {
			t.Errorf("build output %s carries the live-reload script", o.Path)
		}
	}
	if resp, js := get(t, http.DefaultClient, "GET", ts.URL+scriptPath); resp.StatusCode != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("live.js: %d", resp.StatusCode)
	}
	if !strings.Contains(string(liveJS), "textContent") || strings.Contains(string(liveJS), "innerHTML") {
		t.Error("the overlay must write diagnostics with textContent, never innerHTML")
	}
}

func TestInject(t *testing.T) {
	tag := []byte("<s>")
	for in, want := range map[string]string{
		"<html><body>x</body></html>":             "<html><body>x<s></body></html>",
		"<BODY>x</BODY>":                          "<BODY>x<s></BODY>",
		"<body><pre></body></pre>x</body></html>": "<body><pre></body></pre>x<s></body></html>",
		"no body": "no body<s>",
	} {
		f := &file{raw: []byte(in), tag: tag, at: injectAt([]byte(in))}
		if got := string(f.body()); got != want || f.size() != len(want) {
			t.Errorf("%q served as %q (size %d), want %q", in, got, f.size(), want)
		}
		// Every offset a range request may seek to reads the rest.
		for off := range len(want) + 1 {
			r := f.reader()
			if pos, err := r.Seek(int64(off), io.SeekStart); err != nil || pos != int64(off) {
				t.Fatalf("Seek(%d) = %d, %v", off, pos, err)
			}
			if rest, _ := io.ReadAll(r); string(rest) != want[off:] {
				t.Errorf("%q from %d: %q, want %q", in, off, rest, want[off:])
			}
		}
		if end, _ := f.reader().Seek(-1, io.SeekEnd); end != int64(len(want)-1) {
			t.Errorf("Seek(-1, end) = %d", end)
		}
	}
}

func TestDiff(t *testing.T) {
	page := func(css, text string) string {
		return `<link rel="stylesheet" href="/assets/css/` + css + `"><p>` + text + `</p>`
	}
	old := newSnapshot(&snapshot{}, "a", "/", []render.Output{
		{Path: "assets/css/site.00000001.css", Data: []byte("p{}"), Asset: "assets/css/site.css"},
		{Path: "index.html", Data: []byte(page("site.00000001.css", "home"))},
		{Path: "x/index.html", Data: []byte(page("site.00000001.css", "x"))},
		{Path: "gone/index.html", Data: []byte("gone")},
	})
	cssOnly := newSnapshot(old, "b", "/", []render.Output{
		{Path: "assets/css/site.00000002.css", Data: []byte("p{color:red}"), Asset: "assets/css/site.css"},
		{Path: "index.html", Data: []byte(page("site.00000002.css", "home"))},
		{Path: "x/index.html", Data: []byte(page("site.00000002.css", "x changed"))},
		{Path: "new/index.html", Data: []byte("new")},
	})
	c := diff(old, cssOnly)
	if got := strings.Join(c.Changed, " "); got != "gone/index.html new/index.html x/index.html" {
		t.Errorf("changed = %q", got)
	}
	if c.CSS["/assets/css/site.00000001.css"] != "/assets/css/site.00000002.css" || len(c.CSS) != 1 {
		t.Errorf("css = %v", c.CSS)
	}
	if c.All || c.ID != "b" {
		t.Errorf("change = %+v", c)
	}
	if c := diff(&snapshot{basePath: "/"}, cssOnly); !c.All {
		t.Error("a first build must reload everything")
	}
}

// TestEvents follows one browser through a rebuild, a broken input and
// its fix, and a server restart.
func TestEvents(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	s, ts := built(t, Options{Source: dir, Log: &log})
	c := dialSSE(t, ts.URL+eventsPath)

	var hello struct {
		ID     string
		Errors []string
	}
	ev := c.next(t, 5*time.Second)
	json.Unmarshal([]byte(ev.data), &hello)
	first := s.state.Load().snap.id
	if ev.name != "hello" || hello.ID != first || len(hello.Errors) != 0 {
		t.Fatalf("first event %+v", ev)
	}

	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `"小江湖街道" = 94.1`, `"小江湖街道" = 99.9`)
	s.Build()
	ev = c.next(t, 5*time.Second)
	var ch change
	json.Unmarshal([]byte(ev.data), &ch)
	if ev.name != "build" || ch.ID == first || ch.All {
		t.Fatalf("after an edit: %+v", ev)
	}
	if !contains(ch.Changed, "circulars/2023/14/index.html") {
		t.Errorf("changed = %v, want the circular", ch.Changed)
	}

	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `period      = "1-2月"`, `period      = "1-2月`)
	s.Build()
	ev = c.next(t, 5*time.Second)
	if ev.name != "errors" || !strings.Contains(ev.data, "data/2023-02.toml:11:") {
		t.Fatalf("after breaking the TOML: %+v", ev)
	}
	if !strings.Contains(log.String(), "data/2023-02.toml:11:") {
		t.Errorf("terminal lacks the diagnostic:\n%s", log.String())
	}
	// The last good build is still served.
	if resp, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/14/"); resp.StatusCode != 200 || !strings.Contains(body, "小江湖街道") {
		t.Errorf("last good build not served: %d", resp.StatusCode)
	}
	// A browser arriving now hears of the errors at once.
	c2 := dialSSE(t, ts.URL+eventsPath)
	ev = c2.next(t, 5*time.Second)
	json.Unmarshal([]byte(ev.data), &hello)
	if ev.name != "hello" || len(hello.Errors) == 0 || hello.ID != ch.ID {
		t.Errorf("hello while broken: %+v", ev)
	}
	c2.close()

	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `period      = "1-2月`, `period      = "1-2月"`)
	s.Build()
	ev = c.next(t, 5*time.Second)
	json.Unmarshal([]byte(ev.data), &ch)
	if ev.name != "build" || len(ch.Changed) != 0 {
		t.Errorf("after the fix (same output as before): %+v", ev)
	}
	if !strings.Contains(log.String(), "ms") {
		t.Errorf("terminal lacks build times:\n%s", log.String())
	}

	// A restarted server has another id: the browser's reconnect reloads.
	s2 := New(Options{Source: dir})
	s2.Build()
	if s2.state.Load().snap.id == s.state.Load().snap.id {
		t.Error("a restarted server reuses the build id")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestFirstBuildFails(t *testing.T) {
	_, ts, _ := startSite(t, func(dir string) {
		editFile(t, filepath.Join(dir, "config.toml"), `title    = `, `title    = = `)
	})
	resp, body := get(t, noRedirect, "GET", ts.URL+"/circulars/2023/14/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `data-build=""`) {
		t.Errorf("first build failed: status %d, body %q", resp.StatusCode, body)
	}
	c := dialSSE(t, ts.URL+eventsPath)
	ev := c.next(t, 5*time.Second)
	if ev.name != "hello" || !strings.Contains(ev.data, "config.toml:1:") {
		t.Errorf("hello: %+v", ev)
	}
}

// TestMonthBeingGatheredHidesNothing: while a month is being gathered, a
// problem of the rest of the site — a shortcode misspelt in February's
// published circular — is listed with the month's, not hidden behind
// them (the preview served nothing, and said only March's).
func TestMonthBeingGatheredHidesNothing(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-02.md"), `{{< indicators "重点工作" >}}`, `{{< indicator "重点工作" >}}`)
	s, _ := built(t, Options{Source: dir, Log: io.Discard})
	st := s.state.Load()
	if !slices.ContainsFunc(st.errors, func(e string) bool {
		return strings.HasPrefix(e, "content/circulars/2023-02.md:16:") && strings.Contains(e, "indicator")
	}) ||
		!slices.ContainsFunc(st.errors, func(e string) bool { return strings.HasPrefix(e, "data/2023-03.toml:") }) {
		t.Errorf("problems %q; want February's misspelt shortcode with March's", st.errors)
	}
}

// TestMonthBeingGathered: a preview started while the newest month is
// still being gathered (a score to come) shows the site as it was before
// the month was begun, with the month's problems over the pages, and
// every edit elsewhere as it is made; the month complete, the whole
// site; a slip in the month then keeps the last good build, as any other.
func TestMonthBeingGathered(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	march, gathering, complete := gatheringMarch(t, dir)
	s, ts := built(t, Options{Source: dir, Log: &log})

	st := s.state.Load()
	if st.snap.id == "" || !slices.Equal(st.held, []string{"2023-03"}) || len(st.errors) != 2 ||
		!strings.HasPrefix(st.errors[0], "content/circulars/2023-03.md:") || !strings.Contains(st.errors[0], "date") ||
		!strings.HasPrefix(st.errors[1], "data/2023-03.toml:") || !strings.Contains(st.errors[1], "“小江湖街道”的得分") {
		t.Fatalf("started while March is gathered: build %q, held %q, problems %q", st.snap.id, st.held, st.errors)
	}
	if resp, _ := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/14/"); resp.StatusCode != 200 {
		t.Errorf("February's circular: %d", resp.StatusCode)
	}
	// March's circular is there as a draft: only the lists and histories
	// lack the month, and the terminal says so, not that the circular is
	// left out.
	if out := log.String(); !strings.Contains(out, "tongbao: 发现 2 个问题，都在尚未齐全的 2023-03：这个月的通报以草稿显示（不会发布），通报列表、考核排名等页面暂不含这个月的数据，其余页面照常生成\n"+
		"tongbao: 通报草稿（按已填写的内容生成，不会发布）：/circulars/2023/15/\n") || strings.Contains(out, "预览暂不含") {
		t.Errorf("the terminal does not say March's circular is a draft and the rest of March left out:\n%s", out)
	}
	c := dialSSE(t, ts.URL+eventsPath)
	defer c.close()
	var hello struct {
		ID                   string
		Errors, Held, Drafts []string
		These                string // the overlay's words for the month held (site.PeriodKind.These)
	}
	ev := c.next(t, 5*time.Second)
	if json.Unmarshal([]byte(ev.data), &hello); ev.name != "hello" || hello.ID != st.snap.id || len(hello.Errors) != 2 || !slices.Equal(hello.Held, st.held) ||
		!slices.Equal(hello.Drafts, []string{"/circulars/2023/15/"}) || hello.These != "这个月" {
		t.Fatalf("hello: %+v", ev)
	}

	// An edit elsewhere is previewed, March still left out.
	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `"小江湖街道" = 94.1`, `"小江湖街道" = 99.9`)
	s.Build()
	var ch change
	if ev = c.next(t, 5*time.Second); json.Unmarshal([]byte(ev.data), &ch) != nil || ev.name != "build" || ch.ID == st.snap.id ||
		!contains(ch.Changed, "circulars/2023/14/index.html") || len(ch.Errors) != 2 || !slices.Equal(ch.Held, []string{"2023-03"}) ||
		!slices.Equal(ch.Drafts, []string{"/circulars/2023/15/"}) {
		t.Fatalf("an edit of February: %+v", ev)
	}
	if _, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/14/"); !strings.Contains(body, "99.9") {
		t.Error("the edit of February is not previewed")
	}
	// The site as it was before March was begun: what a build writes
	// without March's file and circular.
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	aside := t.TempDir()
	for _, f := range []string{march, circular} {
		if err := os.Rename(f, filepath.Join(aside, filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	sameAsBuild(t, withoutDraft(t, s.state.Load().snap, "circulars/2023/15/"), dir)
	for _, f := range []string{march, circular} {
		if err := os.Rename(filepath.Join(aside, filepath.Base(f)), f); err != nil {
			t.Fatal(err)
		}
	}

	// March complete: the whole site, its circular too.
	complete()
	s.Build()
	ch = change{}
	if ev = c.next(t, 5*time.Second); json.Unmarshal([]byte(ev.data), &ch) != nil || ev.name != "build" || ch.Errors != nil || ch.Held != nil || ch.Drafts != nil {
		t.Fatalf("March complete: %+v", ev)
	}
	if st := s.state.Load(); st.held != nil || st.errors != nil || st.snap.files["circulars/2023/15/index.html"] == nil {
		t.Errorf("March complete: held %q, problems %q, its circular served: %v", st.held, st.errors, st.snap.files["circulars/2023/15/index.html"] != nil)
	}
	// What the preview serves now is what a build of this input writes:
	// nothing of the site without March lingers in its caches.
	full := s.state.Load().snap
	sameAsBuild(t, full, dir)

	// A slip in March now keeps the whole site: its pages are being viewed.
	writeFile(t, march, gathering)
	s.Build()
	if ev = c.next(t, 5*time.Second); ev.name != "errors" || !strings.Contains(ev.data, "data/2023-03.toml:") {
		t.Fatalf("a slip in March after it was whole: %+v", ev)
	}
	if st := s.state.Load(); st.snap != full || st.held != nil {
		t.Errorf("a slip in March after it was whole: build %q (want %q), held %q", st.snap.id, full.id, st.held)
	}
}

// TestHelloAfterFailedBuild: while March is held, a slip elsewhere (in
// February) keeps the last good build; a browser connecting then hears
// of the failed build's problems as those of a failed build — no months
// held, no drafts — as the browsers connected did, not as March's.
func TestHelloAfterFailedBuild(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	s, ts := built(t, Options{Source: dir})
	if st := s.state.Load(); !slices.Equal(st.held, []string{"2023-03"}) || st.drafts == nil {
		t.Fatalf("March gathered: held %q, drafts %q", st.held, st.drafts)
	}
	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `period      = "1-2月"`, `period      = "1-2月`)
	s.Build()
	c := dialSSE(t, ts.URL+eventsPath)
	defer c.close()
	var hello struct {
		Errors, Held, Drafts []string
	}
	ev := c.next(t, 5*time.Second)
	if json.Unmarshal([]byte(ev.data), &hello); ev.name != "hello" || !slices.ContainsFunc(hello.Errors, func(e string) bool { return strings.HasPrefix(e, "data/2023-02.toml:11:") }) || hello.Held != nil || hello.Drafts != nil {
		t.Errorf("hello after a failed build: %+v", ev)
	}
}

// TestMonthBegunWhileServing: with the preview running, `tongbao new`
// begins March; the build served has no March to take away, so the
// preview goes on without it, previewing every other edit, until it is
// complete.
func TestMonthBegunWhileServing(t *testing.T) {
	dir := copySite(t)
	s := New(Options{Source: dir})
	s.Build()
	defer s.Close()
	before := s.state.Load().snap
	_, _, complete := gatheringMarch(t, dir)
	editFile(t, filepath.Join(dir, "data", "2023-02.toml"), `"小江湖街道" = 94.1`, `"小江湖街道" = 99.9`)
	s.Build()
	st := s.state.Load()
	if st.snap == before || !slices.Equal(st.held, []string{"2023-03"}) || len(st.errors) != 2 {
		t.Fatalf("March begun: build %q (before %q), held %q, problems %q", st.snap.id, before.id, st.held, st.errors)
	}
	if f := st.snap.files["circulars/2023/14/index.html"]; f == nil || !strings.Contains(string(f.raw), "99.9") {
		t.Error("the edit of February is not previewed while March is begun")
	}
	complete()
	s.Build()
	if st := s.state.Load(); st.held != nil || st.errors != nil || st.snap.files["circulars/2023/15/index.html"] == nil {
		t.Errorf("March complete: held %q, problems %q", st.held, st.errors)
	}
}

// TestCircularBeingWritten: a preview started while the new circular
// does not render (a shortcode misspelt), its month's data complete,
// holds the month back as one still being gathered, the circular a draft
// at its address meanwhile; the circular mended, the whole site;
// misspelt again, the last good build.
func TestCircularBeingWritten(t *testing.T) {
	dir := copySite(t)
	march, _, complete := gatheringMarch(t, dir)
	complete()
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	good, err := os.ReadFile(circular)
	if err != nil {
		t.Fatal(err)
	}
	misspelt := string(good) + "\n{{< indicator \"重点项目\" >}}\n"
	writeFile(t, circular, misspelt)
	s := New(Options{Source: dir})
	s.Build()
	defer s.Close()
	st := s.state.Load()
	if st.snap.id == "" || !slices.Equal(st.held, []string{"2023-03"}) || len(st.errors) != 1 ||
		!strings.HasPrefix(st.errors[0], "content/circulars/2023-03.md:") || !strings.Contains(st.errors[0], "未知短代码“indicator”") {
		t.Fatalf("started with the circular misspelt: build %q, held %q, problems %q", st.snap.id, st.held, st.errors)
	}
	if !slices.Equal(st.drafts, []string{"/circulars/2023/15/"}) {
		t.Errorf("the circular misspelt: drafts %q, want it at its address", st.drafts)
	}
	aside := t.TempDir()
	for _, f := range []string{march, circular} {
		os.Rename(f, filepath.Join(aside, filepath.Base(f)))
	}
	sameAsBuild(t, withoutDraft(t, st.snap, "circulars/2023/15/"), dir)
	for _, f := range []string{march, circular} {
		os.Rename(filepath.Join(aside, filepath.Base(f)), f)
	}

	writeFile(t, circular, string(good))
	s.Build()
	full := s.state.Load()
	if full.held != nil || full.errors != nil || full.snap.files["circulars/2023/15/index.html"] == nil {
		t.Fatalf("the circular mended: held %q, problems %q", full.held, full.errors)
	}
	sameAsBuild(t, full.snap, dir)

	writeFile(t, circular, misspelt)
	s.Build()
	if st := s.state.Load(); st.snap != full.snap || st.held != nil || len(st.errors) != 1 {
		t.Errorf("misspelt again after the whole site: build %q (want %q), held %q, problems %q", st.snap.id, full.snap.id, st.held, st.errors)
	}
}

// withoutDraft is snap without the draft of a circular held back, at dir
// (TestDraftOfMonthBeingGathered): its page, data.json and data.csv.
func withoutDraft(t *testing.T, snap *snapshot, dir string) *snapshot {
	t.Helper()
	out := &snapshot{id: snap.id, basePath: snap.basePath, files: map[string]*file{}}
	for p, f := range snap.files {
		if !strings.HasPrefix(p, dir) {
			out.files[p] = f
		}
	}
	if len(snap.files)-len(out.files) != 3 || !strings.Contains(string(snap.files[dir+"index.html"].raw), "__tongbao-draft") {
		t.Errorf("%s: not a draft's page and data", dir)
	}
	return out
}

// sameAsBuild checks that snap holds exactly what a build of the site in
// dir writes, byte for byte.
func sameAsBuild(t *testing.T, snap *snapshot, dir string) {
	t.Helper()
	outputs, err := build.Render(build.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(outputs) != len(snap.files) {
		t.Errorf("the preview serves %d files, a build writes %d", len(snap.files), len(outputs))
	}
	for _, o := range outputs {
		f := snap.files[o.Path]
		if f == nil {
			t.Errorf("%s: not in the preview", o.Path)
			continue
		}
		got, want := f.raw, o.Data
		if (f.src == nil) != (o.File == nil) {
			t.Errorf("%s: the preview serves a file from the site %v, the build copies one %v", o.Path, f.src != nil, o.File != nil)
			continue
		}
		if f.src != nil {
			var g, w bytes.Buffer
			err1, err2 := f.src.Copy(&g), o.File.Copy(&w)
			if err1 != nil || err2 != nil {
				t.Errorf("%s: %v, %v", o.Path, err1, err2)
			}
			got, want = g.Bytes(), w.Bytes()
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the preview's differs from the build's", o.Path)
		}
	}
}

// TestShutdown checks that an open event stream does not hold up Ctrl-C.
func TestShutdown(t *testing.T) {
	dir := copySite(t)
	s := New(Options{Source: dir})
	url, cancel, done := serveLoopback(t, s)
	c := dialSSE(t, url+eventsPath)
	c.next(t, 5*time.Second)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return 3 s after cancel with an event stream open")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("shutdown took %v", d)
	}
}

// TestWarnings: what the site may be built with but should be mended (a
// picture without a text alternative) travels with each build to the
// browsers, and to those arriving later, and is said in the terminal
// when it changes, not at every save; mended, the terminal says so.
func TestWarnings(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	s, ts := built(t, Options{Source: dir, Log: &log, ErrLog: &log})
	c := dialSSE(t, ts.URL+eventsPath)
	if ev := c.next(t, 5*time.Second); ev.name != "hello" || strings.Contains(ev.data, "warnings") {
		t.Fatalf("first event %+v", ev)
	}
	about := filepath.Join(dir, "content", "about.md")
	b, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(b, []byte("\n")) + 2
	want := fmt.Sprintf("content/about.md:%d:1: 警告：图片没有说明文字", line)
	writeFile(t, filepath.Join(dir, "content", "图.png"), "\x89PNG") // there, so that its text is the one warning
	writeFile(t, about, string(b)+"\n![](图.png)\n")
	var ch change
	for range 2 { // the same warning, a second save
		s.Build()
		ev := c.next(t, 5*time.Second)
		json.Unmarshal([]byte(ev.data), &ch)
		if ev.name != "build" || len(ch.Warnings) != 1 || !strings.HasPrefix(ch.Warnings[0], want) {
			t.Fatalf("after a picture without its text: %+v", ev)
		}
	}
	if n := strings.Count(log.String(), "1 个提醒"); n != 1 || !strings.Contains(log.String(), want) {
		t.Errorf("the terminal said the warning %d times, want once:\n%s", n, log.String())
	}
	c2 := dialSSE(t, ts.URL+eventsPath)
	if ev := c2.next(t, 5*time.Second); ev.name != "hello" || !strings.Contains(ev.data, want) {
		t.Errorf("hello to a browser arriving now: %+v", ev)
	}
	c2.close()
	writeFile(t, about, string(b)+"\n![示意图](图.png)\n")
	s.Build()
	ev := c.next(t, 5*time.Second)
	ch = change{}
	json.Unmarshal([]byte(ev.data), &ch)
	if ev.name != "build" || len(ch.Warnings) != 0 || !strings.Contains(log.String(), "提醒都已处理") {
		t.Errorf("after the text was written: %+v\n%s", ev, log.String())
	}
}

// TestUnlistedWarnedInPreview: a rule of a new action written into
// config.toml is warned of at the circular that lists it nowhere, while
// staff look at it (render.Unlisted; the sample's last township is
// 火车站乡, as the seed says).
func TestUnlistedWarnedInPreview(t *testing.T) {
	dir := copySite(t)
	s, ts := built(t, Options{Source: dir, Log: io.Discard, ErrLog: io.Discard})
	c := dialSSE(t, ts.URL+eventsPath)
	if ev := c.next(t, 5*time.Second); ev.name != "hello" {
		t.Fatalf("first event %+v", ev)
	}
	config := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, config, strings.Replace(string(b), `"提醒约谈"]`, `"提醒约谈", "书面检查"]`, 1)+
		"\n[[rule]]\non     = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\n")
	s.Build()
	ev := c.next(t, 5*time.Second)
	var ch change
	json.Unmarshal([]byte(ev.data), &ch)
	want := `content/circulars/2023-02.md:58:1: 警告：2023年1-2月有书面检查（火车站乡），通报正文没有列出`
	if ev.name != "build" || !slices.ContainsFunc(ch.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("after a rule of 书面检查: %+v", ev)
	}
}

// TestUnlistedSectionWarnedInPreview: a section the month reports, taken
// out of a circular that lists the others, is warned of while staff look
// at it, and no more once it is back: the warning is made of the body as
// it stands at each build, not of the fragment the cache kept. The
// seed's 重点任务 (lines 21–24) taken out leaves 重点项目's shortcode, at
// line 20, the section before it, where it goes back.
func TestUnlistedSectionWarnedInPreview(t *testing.T) {
	dir := copySite(t)
	s, _ := built(t, Options{Source: dir, Log: io.Discard, ErrLog: io.Discard})
	const want = "content/circulars/2023-02.md:20:1: 警告：2023年1-2月（data/2023-02.toml）有“重点任务”"
	told := func() []string {
		var out []string
		for _, w := range s.state.Load().warnings {
			if strings.Contains(w, "重点任务") {
				out = append(out, w)
			}
		}
		return out
	}
	if w := told(); len(w) > 0 {
		t.Fatalf("the seed is told: %q", w)
	}
	circ := filepath.Join(dir, "content", "circulars", "2023-02.md")
	const section = "\n### （三）重点任务\n\n{{< indicators \"重点任务\" >}}\n"
	editFile(t, circ, section, "")
	s.Build()
	if w := told(); len(w) != 1 || !strings.HasPrefix(w[0], want) {
		t.Errorf("重点任务 taken out: told %q, want one %s…", w, want)
	}
	editFile(t, circ, "\n## 二、督查发现问题情况", section+"\n## 二、督查发现问题情况")
	s.Build()
	if w := told(); len(w) > 0 {
		t.Errorf("重点任务 back: still told %q", w)
	}
}

// TestUnlistedWarnedInDraft: a held month's draft is where its parts are
// being written, so the measures its body lists nowhere are said of it
// while the month comes in (the build says so only once it is dated). A
// rule of 书面检查 from March on: the sample's 1-2月 circular is not told
// (the rule is not in force then), March's draft is, until it lists them.
func TestUnlistedWarnedInDraft(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	editFile(t, filepath.Join(dir, "config.toml"), `"提醒约谈"]`, `"提醒约谈", "书面检查"]`)
	editFile(t, filepath.Join(dir, "config.toml"), "\n[[rule]]", "\n[[rule]]\non     = \"composite\"\nselect = \"last\"\naction = \"书面检查\"\nfrom   = \"2023-03\"\n\n[[rule]]")
	s, _ := built(t, Options{Source: dir, Log: io.Discard, ErrLog: io.Discard})
	st := s.state.Load()
	if !slices.Equal(st.held, []string{"2023-03"}) || len(st.drafts) != 1 {
		t.Fatalf("March gathered: held %q, drafts %q", st.held, st.drafts)
	}
	var told []string
	for _, w := range st.warnings {
		if strings.Contains(w, "书面检查") {
			told = append(told, w)
		}
	}
	// At the body's first line (6, after the front matter's five), as it
	// lists no measures yet; 火车站乡 is last of the composite, as in the
	// sample's February, whose file March's is.
	want := "content/circulars/2023-03.md:6:1: 警告：2023年3月有书面检查（火车站乡），通报正文没有列出"
	if len(told) != 1 || !strings.HasPrefix(told[0], want) {
		t.Fatalf("the draft's 书面检查 told as %q; want once, at March's circular", told)
	}
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-03.md"), "通报如下。\n", "通报如下。\n\n{{< measures \"书面检查\" >}}\n")
	s.Build()
	for _, w := range s.state.Load().warnings {
		if strings.Contains(w, "书面检查") {
			t.Errorf("listed, the draft is still told: %s", w)
		}
	}
}

// TestFilesServedFromTheSite: an attachment is served from where it is in
// content/, not held: eight of 40 MB (sparse files, which read as zeros)
// leave the preview's heap far below their 320 MB. It is served as a
// static server would — its type, a range, an entity tag that stays while
// the file does and changes with it, the new bytes as soon as they are
// written; a text file in the Chinese code page Windows saves in is said
// to be so, not UTF-8.
func TestFilesServedFromTheSite(t *testing.T) {
	const n, size = 8, 40 << 20
	s, ts, dir := startSite(t, func(dir string) {
		about := filepath.Join(dir, "content", "about.md")
		b, err := os.ReadFile(about)
		if err != nil {
			t.Fatal(err)
		}
		if err := mkdirAll(filepath.Join(dir, "content", "附件")); err != nil {
			t.Fatal(err)
		}
		var front strings.Builder
		for i := range n {
			name := filepath.Join(dir, "content", "附件", fmt.Sprintf("原件%d.pdf", i+1))
			writeFile(t, name, "%PDF")
			if err := os.Truncate(name, size); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&front, "[[attachment]]\ntitle = \"原件%d\"\nfile = \"附件/原件%d.pdf\"\n", i+1, i+1)
		}
		// Text saved on Windows in its Chinese code page (GBK: 说明 is
		// CB B5 C3 F7), and in UTF-8 with a character cut at 4 KB.
		writeFile(t, filepath.Join(dir, "content", "附件", "说明.txt"), "\xcb\xb5\xc3\xf7")
		writeFile(t, filepath.Join(dir, "content", "附件", "长说明.txt"), strings.Repeat("a", 4095)+"说明")
		front.WriteString("[[attachment]]\ntitle = \"说明\"\nfile = \"附件/说明.txt\"\n[[attachment]]\ntitle = \"长说明\"\nfile = \"附件/长说明.txt\"\n")
		writeFile(t, about, strings.Replace(string(b), "date  = 2023-04-03\n", "date  = 2023-04-03\n"+front.String(), 1))
	})
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("heap in use after the first build: %d MB", m.HeapInuse>>20)
	if m.HeapInuse > 100<<20 {
		t.Errorf("the preview's heap holds %d MB with %d MB of attachments", m.HeapInuse>>20, n*size>>20)
	}
	f := s.state.Load().snap.files["about/attachment-1.pdf"]
	if f == nil {
		t.Fatal("about/attachment-1.pdf is not in the snapshot")
	}
	if f.src == nil || f.raw != nil {
		t.Fatalf("about/attachment-1.pdf: served from the site: %v, holding %d bytes", f.src != nil, len(f.raw))
	}

	url := ts.URL + "/about/attachment-1.pdf"
	resp, body := get(t, http.DefaultClient, "GET", url)
	etag := resp.Header.Get("Etag")
	if resp.StatusCode != 200 || len(body) != size || !strings.HasPrefix(body, "%PDF\x00") || resp.Header.Get("Content-Type") != "application/pdf" || etag == "" {
		t.Fatalf("GET: %d, %d bytes, %q, %q", resp.StatusCode, len(body), resp.Header.Get("Content-Type"), etag)
	}
	if r, part := get(t, http.DefaultClient, "GET", url, "Range", "bytes=0-5"); r.StatusCode != http.StatusPartialContent || part != "%PDF\x00\x00" {
		t.Errorf("a range: %d, %q", r.StatusCode, part)
	}
	s.Build()
	if r, _ := get(t, http.DefaultClient, "GET", url, "If-None-Match", etag); r.StatusCode != http.StatusNotModified {
		t.Errorf("the file unchanged, rebuilt: %d, want 304", r.StatusCode)
	}
	for p, want := range map[string]string{
		"/about/attachment-9.txt":  "text/plain; charset=gb18030",
		"/about/attachment-10.txt": "text/plain; charset=utf-8",
	} {
		if r, _ := get(t, http.DefaultClient, "GET", ts.URL+p); r.Header.Get("Content-Type") != want {
			t.Errorf("%s: %q, want %q", p, r.Header.Get("Content-Type"), want)
		}
	}
	writeFile(t, filepath.Join(dir, "content", "附件", "原件1.pdf"), "%PDF-1.7 重新扫描")
	r, body := get(t, http.DefaultClient, "GET", url, "If-None-Match", etag)
	if r.StatusCode != 200 || body != "%PDF-1.7 重新扫描" || r.Header.Get("Etag") == etag {
		t.Errorf("the file rewritten: %d, %q, tag %s (was %s)", r.StatusCode, body, r.Header.Get("Etag"), etag)
	}
}

// TestStaticServed: the preview serves static/'s files at their paths, as
// the build publishes them, from where they are (not held in memory),
// .well-known/ too; not what the loader passes over; and a file rewritten
// is served as it is now. A static/robots.txt is served in the place of
// tongbao's, which is back once the file is gone.
func TestStaticServed(t *testing.T) {
	s, ts, dir := startSite(t, func(dir string) {
		if err := mkdirAll(filepath.Join(dir, "static", ".well-known")); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "static", "baidu_verify_abc.html"), "7f2d9c")
		writeFile(t, filepath.Join(dir, "static", ".well-known", "security.txt"), "Contact: mailto:web@example.gov.cn\n")
		writeFile(t, filepath.Join(dir, "static", "Thumbs.db"), "junk")
		writeFile(t, filepath.Join(dir, "static", "robots.txt"), "User-agent: *\nDisallow: /data/\n")
	})
	for p, want := range map[string]string{
		"/baidu_verify_abc.html":    "7f2d9c",
		"/.well-known/security.txt": "Contact: mailto:web@example.gov.cn\n",
		"/robots.txt":               "User-agent: *\nDisallow: /data/\n",
	} {
		f := s.state.Load().snap.files[strings.TrimPrefix(p, "/")]
		if f == nil || f.src == nil || f.raw != nil {
			t.Fatalf("%s: in the snapshot %v, served from the site: %v", p, f != nil, f != nil && f.src != nil)
		}
		if r, body := get(t, http.DefaultClient, "GET", ts.URL+p); r.StatusCode != 200 || body != want {
			t.Errorf("GET %s: %d, %q; want 200, %q", p, r.StatusCode, body, want)
		}
	}
	if r, _ := get(t, http.DefaultClient, "GET", ts.URL+"/Thumbs.db"); r.StatusCode != http.StatusNotFound {
		t.Errorf("GET /Thumbs.db: %d, want 404", r.StatusCode)
	}
	writeFile(t, filepath.Join(dir, "static", "baidu_verify_abc.html"), "8e3c0d")
	if r, body := get(t, http.DefaultClient, "GET", ts.URL+"/baidu_verify_abc.html"); r.StatusCode != 200 || body != "8e3c0d" {
		t.Errorf("rewritten: %d, %q", r.StatusCode, body)
	}
	if err := os.Remove(filepath.Join(dir, "static", "robots.txt")); err != nil {
		t.Fatal(err)
	}
	s.Build()
	if r, body := get(t, http.DefaultClient, "GET", ts.URL+"/robots.txt"); r.StatusCode != 200 || !strings.HasPrefix(body, "User-agent: *\nAllow: /\n") {
		t.Errorf("static/robots.txt gone: %d, %q; want tongbao's", r.StatusCode, body)
	}
}

// TestHostWarning: a site whose baseURL names no host and whose [site]
// has no domain can write its sitemap and feed with paths only; build
// and check warn of it, and so does the preview, where staff work.
func TestHostWarning(t *testing.T) {
	_, ts, _ := startSite(t, func(dir string) {
		editFile(t, filepath.Join(dir, "config.toml"), `domain   = "www.example.gov.cn"`, `domain   = ""`)
	})
	c := dialSSE(t, ts.URL+eventsPath)
	defer c.close()
	ev := c.next(t, 5*time.Second)
	var ch change
	json.Unmarshal([]byte(ev.data), &ch)
	if ev.name != "hello" || len(ch.Warnings) != 1 || !strings.HasPrefix(ch.Warnings[0], "config.toml:2:1: 警告：baseURL（/）不含域名，[site] 也没有 domain：") {
		t.Errorf("hello: %+v", ev)
	}
}

// Options.Published is asked after each build with the site and its
// outputs, and what it says is among the warnings the pages show.
func TestGoneWarnings(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	var asked []string
	gone := func(st *site.Site, outputs []render.Output) diag.List {
		asked = nil
		for _, o := range outputs {
			asked = append(asked, o.Path)
		}
		paths := asked
		if !slices.Contains(paths, "about/index.html") {
			return diag.List{{File: "content/x.md", Line: 1, Col: 1, Msg: "警告：上次生成的页面 /about/ 这次没有了"}}
		}
		return nil
	}
	s := New(Options{Source: dir, Log: &log, ErrLog: &log, Published: gone})
	s.Build()
	if !slices.Contains(asked, "circulars/2023/14/index.html") || len(s.state.Load().warnings) != 0 {
		t.Fatalf("first build: asked with %d paths, warnings %q", len(asked), s.state.Load().warnings)
	}
	if err := os.Remove(filepath.Join(dir, "content", "about.md")); err != nil {
		t.Fatal(err)
	}
	s.Build()
	if w := s.state.Load().warnings; len(w) != 1 || w[0] != "content/x.md:1:1: 警告：上次生成的页面 /about/ 这次没有了" {
		t.Errorf("about.md removed: warnings %q", w)
	}
}

// TestDraftOfMonthBeingGathered: while March is held back, its circular,
// undated and with two scores of an indicator still to come, is served at
// its address as a draft — the banner saying so, the text as written, the
// date a placeholder, and the indicator ranked on the scores given — while
// the rest of the site stays as it was before March was begun. Completed,
// the circular is the real page, without the banner.
func TestDraftOfMonthBeingGathered(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	march, gathering, complete := gatheringMarch(t, dir)
	// 石桥街道, third of 规模工业增加值 in the complete month, not in yet
	// either (小江湖街道, fourth, is the helper's): the top three of the
	// scores given are 火车站乡 95.6, 兴隆街道 93.2 and 汽车站街道 88.7.
	twoMissing := strings.Replace(gathering, "\"石桥街道\" = 91.8         # 第3名，原文前三/靠前\n", "", 1)
	if twoMissing == gathering {
		t.Fatal("the sample's month file has changed: the test's edits no longer apply")
	}
	writeFile(t, march, twoMissing)
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	editFile(t, circular, "现将三月的情况通报如下。\n", "现将三月的情况通报如下。\n\n## 一、重点工作\n\n{{< indicators \"重点工作\" >}}\n")
	s, ts := built(t, Options{Source: dir, Log: &log})

	st := s.state.Load()
	if !slices.Equal(st.held, []string{"2023-03"}) || len(st.errors) != 3 {
		t.Fatalf("March gathered: held %q, problems %q; want 2023-03, the date and two scores", st.held, st.errors)
	}
	resp, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/")
	if resp.StatusCode != 200 {
		t.Fatalf("March's circular while gathered: %d, want the draft", resp.StatusCode)
	}
	for _, want := range []string{
		`id="__tongbao-draft"`, "草稿预览，不是将要发布的通报。",
		"尚未齐全的 2023-03 目前已填写的数据和通报生成的，还有 3 个问题",
		"排名只计已填写的得分",
		"经区政府研究，现将三月的情况通报如下。",
		"排名全区前三的为：火车站乡、兴隆街道、汽车站街道",
		`<p class="doc-sign-date"><time datetime="待填写">成文日期待填写</time></p>`,
		`data-page="circulars/2023/15/index.html"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if i, j := strings.Index(body, `id="__tongbao-draft"`), strings.Index(body, `class="doc-head"`); i < 0 || j < i {
		t.Error("the banner is not above the circular")
	}
	if !strings.Contains(log.String(), "通报草稿（按已填写的内容生成，不会发布）：/circulars/2023/15/") {
		t.Errorf("the terminal does not name the draft:\n%s", log.String())
	}
	// Nothing else of March: its data and every list are as before it.
	if f := st.snap.files["circulars/index.html"]; f == nil || strings.Contains(string(f.raw), "双政办函〔2023〕15号") {
		t.Error("the archive lists March's draft")
	}
	if st.snap.files["circulars/2023/15/data.csv"] == nil {
		t.Error("the draft's data.csv, which it links to, is not served")
	}
	// 石桥街道's score comes in: third again, in the draft.
	writeFile(t, march, gathering)
	s.Build()
	if _, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/"); !strings.Contains(body, "还有 2 个问题") || !strings.Contains(body, "排名全区前三的为：火车站乡、兴隆街道、石桥街道") {
		t.Error("the draft does not follow the month file")
	}

	complete() // the draft's text as the helper wrote it, dated
	editFile(t, circular, "现将三月的情况通报如下。\n", "现将三月的情况通报如下。\n\n## 一、重点工作\n\n{{< indicators \"重点工作\" >}}\n")
	s.Build()
	st = s.state.Load()
	if st.held != nil || st.errors != nil {
		t.Fatalf("March complete: held %q, problems %q", st.held, st.errors)
	}
	_, body = get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/")
	if strings.Contains(body, "__tongbao-draft") || strings.Contains(body, "待填写") || !strings.Contains(body, "排名全区前三的为：火车站乡、兴隆街道、石桥街道") {
		t.Error("March complete: its circular is not the real one")
	}
	sameAsBuild(t, st.snap, dir)
}

// TestDraftGivesWay: a page the site publishes at the address of a held
// month's circular (February's old address, in its aliases; a circular
// of the same year and serial is told by LoadDraft, TestDraftNumberTaken)
// is what the preview serves there: nothing of the draft — not its
// banner, not its attachment beside that page — and the problem is said
// with the month's, now rather than once the month is in. The alias
// taken away, the circular is a draft at its address.
func TestDraftGivesWay(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	march, _, _ := gatheringMarch(t, dir)
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	mkdirAll(filepath.Join(dir, "content", "附件"))
	writeFile(t, filepath.Join(dir, "content", "附件", "三月.xlsx"), "PK三月")
	february := filepath.Join(dir, "content", "circulars", "2023-02.md")
	editFile(t, february, "\n+++\n", "\naliases = [\"/circulars/2023/15/\"]\n+++\n")
	editFile(t, circular, "\n+++\n\n", "\n[[attachment]]\ntitle = \"三月明细\"\nfile = \"../附件/三月.xlsx\"\n+++\n\n")
	s, ts := built(t, Options{Source: dir, Log: &log})

	st := s.state.Load()
	if !slices.Equal(st.held, []string{"2023-03"}) || st.drafts != nil || len(st.errors) != 3 ||
		st.errors[0] != "content/circulars/2023-03.md:1:1: 前置信息缺少“date”" ||
		st.errors[1] != "content/circulars/2023-03.md:2:1: 这份通报的网址 /circulars/2023/15/ 已由另一个页面使用（另一份通报或页面的 aliases，或 static/ 中的文件），预览不显示它的草稿" {
		t.Fatalf("held %q, drafts %q, problems %q; want the date, the address taken and the score", st.held, st.drafts, st.errors)
	}
	resp, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/")
	if resp.StatusCode != 200 || strings.Contains(body, "__tongbao-draft") || strings.Contains(body, "三月明细") || !strings.Contains(body, "/circulars/2023/14/") {
		t.Errorf("February's old address: %d, not the page sending on to February's alone", resp.StatusCode)
	}
	if out := log.String(); !strings.Contains(out, "预览暂不含这个月的数据和通报") || strings.Contains(out, "通报草稿") {
		t.Errorf("the terminal names a draft:\n%s", out)
	}
	// The site served is what a build writes without March: not a file of
	// the draft is left beside February's page.
	aside := t.TempDir()
	for _, f := range []string{march, circular} {
		if err := os.Rename(f, filepath.Join(aside, filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	sameAsBuild(t, st.snap, dir)
	for _, f := range []string{march, circular} {
		if err := os.Rename(filepath.Join(aside, filepath.Base(f)), f); err != nil {
			t.Fatal(err)
		}
	}

	editFile(t, february, "\naliases = [\"/circulars/2023/15/\"]\n", "\n")
	s.Build()
	st = s.state.Load()
	if !slices.Equal(st.drafts, []string{"/circulars/2023/15/"}) || len(st.errors) != 2 || st.snap.files["circulars/2023/15/attachment-1.xlsx"] == nil {
		t.Errorf("numbered anew: drafts %q, problems %q, its attachment served: %v", st.drafts, st.errors, st.snap.files["circulars/2023/15/attachment-1.xlsx"] != nil)
	}
	if _, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/"); !strings.Contains(body, `id="__tongbao-draft"`) || !strings.Contains(body, "三月明细") {
		t.Error("numbered anew, the circular is not a draft at its address")
	}
}

// TestDraftNumberTaken: the circular of a held month numbered as
// February's — copied and not renumbered — has no draft, and the preview
// says why with the month's problems (its 文号 is checked against the
// others' only as a draft, being undated), each problem once; February's
// page stays its own.
func TestDraftNumberTaken(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-03.md"), "〔2023〕15号", "〔2023〕14号")
	s, ts := built(t, Options{Source: dir})
	st := s.state.Load()
	want := []string{
		"content/circulars/2023-03.md:1:1: 前置信息缺少“date”",
		"content/circulars/2023-03.md:2:1: 文号“双政办函〔2023〕14号”与 content/circulars/2023-02.md 重复",
		"data/2023-03.toml:19:1: 指标“规模工业增加值”缺少乡镇（街道）“小江湖街道”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"小江湖街道\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"小江湖街道\"]",
	}
	if !slices.Equal(st.held, []string{"2023-03"}) || st.drafts != nil || !slices.Equal(st.errors, want) {
		t.Fatalf("held %q, drafts %q, problems %q; want %q", st.held, st.drafts, st.errors, want)
	}
	if _, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/14/"); strings.Contains(body, "__tongbao-draft") || !strings.Contains(body, "1-2月") {
		t.Error("February's address is not February's circular alone")
	}
}

// TestDraftProblemsOnce: the problems of a held month's circular that the
// draft's load finds again are listed once, though two are at one place
// (its front matter lacking both its date and its title: no draft).
func TestDraftProblemsOnce(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	editFile(t, filepath.Join(dir, "content", "circulars", "2023-03.md"), "title  = \"关于区政府2023年3月“三重点”落实情况的通报\"\n", "")
	s := New(Options{Source: dir})
	s.Build()
	defer s.Close()
	st := s.state.Load()
	want := []string{
		"content/circulars/2023-03.md:1:1: 前置信息缺少“title”",
		"content/circulars/2023-03.md:1:1: 前置信息缺少“date”",
		"data/2023-03.toml:19:1: 指标“规模工业增加值”缺少乡镇（街道）“小江湖街道”的得分：请填上它的得分；这个月这项工作不涉及它的，在这一项的 [result.townships] 之前写 notApplicable = [{township = \"小江湖街道\", reason = \"不涉及的原因\"}]，这一项的排名就不含它；它逾期未报送的，在这一项的 [result.townships] 之前写 unreported = [\"小江湖街道\"]",
	}
	if !slices.Equal(st.held, []string{"2023-03"}) || st.drafts != nil || !slices.Equal(st.errors, want) {
		t.Fatalf("held %q, drafts %q, problems %q; want the date, the title and the score, once each", st.held, st.drafts, st.errors)
	}
}

// TestDraftNotReadable: a month that cannot be read even as a draft (a
// township misspelt) has no draft when none was read before: its
// circular's address is the 404 page, as before (TestDraftKeptThroughSlip
// is the slip made in a draft being viewed).
func TestDraftNotReadable(t *testing.T) {
	var log syncBuffer
	dir := copySite(t)
	march, gathering, _ := gatheringMarch(t, dir)
	writeFile(t, march, strings.Replace(gathering, `"兴隆街道" = 93.2`, `"兴龙街道" = 93.2`, 1))
	s, ts := built(t, Options{Source: dir, Log: &log})
	if st := s.state.Load(); !slices.Equal(st.held, []string{"2023-03"}) || st.drafts != nil {
		t.Fatalf("held %q, drafts %q", st.held, st.drafts)
	}
	// Without a draft the circular is left out too, and said to be.
	if out := log.String(); !strings.Contains(out, "都在尚未齐全的 2023-03：预览暂不含这个月的数据和通报，其余页面照常生成\n") || strings.Contains(out, "草稿") {
		t.Errorf("the terminal does not say March and its circular are left out:\n%s", out)
	}
	if resp, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/"); resp.StatusCode != 404 || strings.Contains(body, "__tongbao-draft") {
		t.Errorf("March's circular, its month unreadable: %d", resp.StatusCode)
	}
}

// TestDraftShortcodeReported: a shortcode misspelt in the circular of the
// month held back is among the preview's problems while the circular has
// no date yet, beside the date and the score still to come; the draft
// stays at its address meanwhile — a slip while typing does not send the
// page being written to the 404 page — its text and the shortcodes that
// work shown, the one in error left out and its banner saying that the
// text has a problem. Corrected, the banner no longer says so.
func TestDraftShortcodeReported(t *testing.T) {
	dir := copySite(t)
	gatheringMarch(t, dir)
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	editFile(t, circular, "现将三月的情况通报如下。\n", "现将三月的情况通报如下。\n\n{{< indicator \"重点项目\" >}}\n\n{{< indicators \"重点工作\" >}}\n")
	s, ts := built(t, Options{Source: dir})
	st := s.state.Load()
	if !slices.Equal(st.held, []string{"2023-03"}) || len(st.errors) != 3 ||
		!slices.ContainsFunc(st.errors, func(e string) bool {
			return strings.HasPrefix(e, "content/circulars/2023-03.md:9:1:") && strings.Contains(e, "未知短代码“indicator”")
		}) {
		t.Fatalf("held %q, problems %q; want the date, the score and the shortcode at line 9", st.held, st.errors)
	}
	resp, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/")
	if resp.StatusCode != 200 || !slices.Equal(st.drafts, []string{"/circulars/2023/15/"}) {
		t.Fatalf("a draft whose shortcode is misspelt: %d, drafts %q; want the draft", resp.StatusCode, st.drafts)
	}
	for _, want := range []string{
		`id="__tongbao-draft"`, "还有 3 个问题", "正文有 1 个问题，出错的短代码等暂不显示，其余照常显示。",
		"经区政府研究，现将三月的情况通报如下。",
		"排名全区前三的为：火车站乡、兴隆街道、石桥街道", // 规模工业增加值, from the shortcode that works
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if strings.Contains(body, "{{") || strings.Contains(body, "{{&lt;") || strings.Contains(body, `indicator "重点项目"`) || strings.Contains(body, "indicator &#34;") {
		t.Error("the shortcode in error is shown as written")
	}
	editFile(t, circular, "{{< indicator \"重点项目\" >}}", "{{< indicators \"重点项目\" >}}")
	s.Build()
	if _, body := get(t, http.DefaultClient, "GET", ts.URL+"/circulars/2023/15/"); !strings.Contains(body, "还有 2 个问题") || strings.Contains(body, "正文有") {
		t.Error("the shortcode corrected, the banner still says the text has a problem")
	}
}

// TestShutdownDuringFirstBuild: Ctrl-C while the first build of a long
// archive runs stops the preview at once, not after the build (seconds
// on a 20-year archive): Serve returns before the build says it is done.
func TestShutdownDuringFirstBuild(t *testing.T) {
	dir := writtenDemo(t, 20, 1)
	var log syncBuffer // written by the build left running, after the test too
	s := New(Options{Source: dir, Log: &log, ErrLog: &log})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if out := log.String(); strings.Contains(out, "预览地址") || strings.Contains(out, "已生成") {
		t.Errorf("Serve returned only after the first build: %q", out)
	}
}

// TestProblemsCapped: the terminal is told the first 50 problems of a
// build and how many more there are, not twenty thousand lines a save.
func TestProblemsCapped(t *testing.T) {
	var lines []string
	for i := range 53 {
		lines = append(lines, fmt.Sprintf("data/2024-02.toml:%d:1: 未知乡镇“某%d镇”", i+1, i))
	}
	var b strings.Builder
	printProblems(&b, lines)
	got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(got) != 51 || got[0] != lines[0] || got[49] != lines[49] || got[50] != "tongbao: ……另有 3 个问题未在这里列出（页面上的问题列表有全部）" {
		t.Errorf("%d lines, the last %q", len(got), got[len(got)-1])
	}
	b.Reset()
	printProblems(&b, lines[:50])
	if strings.Count(b.String(), "\n") != 50 || strings.Contains(b.String(), "另有") {
		t.Errorf("fifty problems: %q", b.String())
	}
}

// TestDraftWarnings: what a build would warn of in a held month's
// circular — a link to a file not there, a picture without a text
// alternative — is said while its draft is written, at its line, as it
// is of every other page; adding the file ends that warning.
func TestDraftWarnings(t *testing.T) {
	dir := copySite(t)
	march, gathering, _ := gatheringMarch(t, dir)
	circular := filepath.Join(dir, "content", "circulars", "2023-03.md")
	editFile(t, circular, "通报如下。\n", "通报如下。\n\n详见[附件](files/附件1.xlsx)。\n\n![](files/现场.png)\n")
	// And a score of the month written as text: its file's warning is
	// the draft's too, told while the month is gathered.
	rows := strings.Split(gathering, "\n")
	scoreRE := regexp.MustCompile(`^"([^"]+)" = ([0-9.]+)`)
	at := slices.IndexFunc(rows, scoreRE.MatchString)
	if at < 0 {
		t.Fatal("the sample's month file has no score")
	}
	score := scoreRE.FindStringSubmatch(rows[at])
	rows[at] = scoreRE.ReplaceAllString(rows[at], `"$1" = "$2"`)
	writeFile(t, march, strings.Join(rows, "\n"))
	quoted := fmt.Sprintf(`data/2023-03.toml:%d:1: 警告：%s的得分 "%s" 带引号`, at+1, score[1], score[2])
	s, _ := built(t, Options{Source: dir, Log: io.Discard, ErrLog: io.Discard})
	st := s.state.Load()
	if !slices.Equal(st.held, []string{"2023-03"}) || len(st.drafts) != 1 {
		t.Fatalf("March gathered: held %q, drafts %q", st.held, st.drafts)
	}
	told := func(prefix string) int {
		n := 0
		for _, w := range s.state.Load().warnings {
			if strings.HasPrefix(w, prefix) {
				n++
			}
		}
		return n
	}
	link := "content/circulars/2023-03.md:9:3: 警告：链接的文件 content/circulars/files/附件1.xlsx 不存在"
	picture := "content/circulars/2023-03.md:11:1: 警告：图片"
	if told(link) != 1 || told(picture) == 0 || told(quoted) != 1 {
		t.Fatalf("the draft's warnings: %q; want once the missing 附件1.xlsx at 9:3, the picture at 11:1 and once %s", st.warnings, quoted)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "circulars", "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content", "circulars", "files", "附件1.xlsx"), "PK")
	s.Build()
	if told(link) != 0 {
		t.Errorf("the file added, still told: %q", s.state.Load().warnings)
	}
}

// TestDraftKeptThroughSlip: a slip typed into the month file of a draft
// being viewed — a full-width digit, a township misspelt — makes the
// month unreadable even as a draft; the page being written stays, its
// last draft, with the banner saying the data cannot be read now, rather
// than going to the 404 page (and the clerk's place in it) at every slip.
// Corrected, the draft follows the file again.
func TestDraftKeptThroughSlip(t *testing.T) {
	dir := copySite(t)
	march, gathering, _ := gatheringMarch(t, dir)
	s, ts := built(t, Options{Source: dir, Log: io.Discard, ErrLog: io.Discard})
	const page = "/circulars/2023/15/"
	if resp, body := get(t, http.DefaultClient, "GET", ts.URL+page); resp.StatusCode != 200 || !strings.Contains(body, "__tongbao-draft") {
		t.Fatalf("March's draft before the slip: %d", resp.StatusCode)
	}
	const stale = "2023-03 的数据现在无法读取"
	// The draft lists none of March's measures: warned of, and still
	// while the slip is there (the terminal said 提醒都已处理).
	const unlisted = "content/circulars/2023-03.md:6:1: 警告：2023年3月有约谈（火车站乡），通报正文没有列出"
	warned := func() bool {
		return slices.ContainsFunc(s.state.Load().warnings, func(w string) bool { return strings.HasPrefix(w, unlisted) })
	}
	if !warned() {
		t.Fatalf("before the slip, the draft's warnings %q lack %q", s.state.Load().warnings, unlisted)
	}
	for _, slip := range []struct{ what, old, new, problem string }{
		{"a full-width digit", `"兴隆街道" = 93.2`, `"兴隆街道" = ９3.2`, "数字要用半角的 0～9"},
		{"a township misspelt", `"兴隆街道" = 93.2`, `"兴龙街道" = 93.2`, "“兴龙街道”，是否为“兴隆街道”"},
	} {
		writeFile(t, march, strings.Replace(gathering, slip.old, slip.new, 1))
		s.Build()
		st := s.state.Load()
		if !slices.ContainsFunc(st.errors, func(e string) bool { return strings.Contains(e, slip.problem) }) {
			t.Errorf("%s: problems %q lack %q", slip.what, st.errors, slip.problem)
		}
		resp, body := get(t, http.DefaultClient, "GET", ts.URL+page)
		if resp.StatusCode != 200 || !strings.Contains(body, "经区政府研究，现将三月的情况通报如下。") || !strings.Contains(body, stale) {
			t.Errorf("%s: the draft being viewed: %d, stale banner %v", slip.what, resp.StatusCode, strings.Contains(body, stale))
		}
		if len(st.drafts) != 1 {
			t.Errorf("%s: drafts %q, want the last one", slip.what, st.drafts)
		}
		if !warned() {
			t.Errorf("%s: the draft's warnings dropped: %q", slip.what, st.warnings)
		}
		writeFile(t, march, gathering)
		s.Build()
		if resp, body := get(t, http.DefaultClient, "GET", ts.URL+page); resp.StatusCode != 200 || strings.Contains(body, stale) || !strings.Contains(body, "__tongbao-draft") {
			t.Errorf("%s corrected: %d, still stale %v", slip.what, resp.StatusCode, strings.Contains(body, stale))
		}
	}
}
