package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"tongbao/internal/browsertest"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"tongbao/internal/build"
)

const nginxPath = "/usr/sbin/nginx"

// nginxConf serves dir at /tongbao/ on 127.0.0.1:port, with everything
// nginx writes kept in prefix, as a portal's static server would: the
// site's own 404 page, and UTF-8 declared for every text type.
func nginxConf(prefix, dir string, port int) string {
	user := ""
	if os.Geteuid() == 0 {
		// Workers run as nobody by default and could not read the test's
		// private temporary folders.
		user = "user root;\n"
	}
	return fmt.Sprintf(`%sdaemon off;
master_process on;
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log warn;
events { worker_connections 64; }
http {
  types {
    text/html                html;
    text/css                 css;
    text/javascript          js;
    application/json         json;
    application/xml          xml;
    application/atom+xml     atom;
    text/csv                 csv;
    text/plain               txt;
    image/svg+xml            svg;
    image/png                png;
    image/x-icon             ico;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript application/json application/xml text/csv text/plain image/svg+xml;
  access_log %[2]s/access.log;
  client_body_temp_path %[2]s/client_body;
  proxy_temp_path %[2]s/proxy;
  fastcgi_temp_path %[2]s/fastcgi;
  uwsgi_temp_path %[2]s/uwsgi;
  scgi_temp_path %[2]s/scgi;
  server {
    listen 127.0.0.1:%[4]d;
    server_name localhost;
    # As README.md's Search section gives it: the search index's
    # precompressed copies (search/…/*.gz), other text compressed as it
    # is sent (not text/plain: the texts are read by ranges), and the
    # files named by the hash of their bytes cached for a year.
    location /tongbao/ {
      alias %[3]s/;
      index index.html;
      gzip_static on;
      gzip on;
      gzip_types text/css text/javascript application/javascript application/json;
      location ~ ^/tongbao/(assets|search/[dnpsv])/ {
        add_header Cache-Control "public, max-age=31536000, immutable";
      }
    }
    error_page 404 /tongbao/404.html;
  }
}
`, user, prefix, dir, port)
}

// freePort asks the system for a free loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startNginx runs Debian's nginx in the foreground on conf until the test
// ends, and waits until it answers.
func startNginx(t *testing.T, prefix, conf, probe string) {
	t.Helper()
	confFile := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginxPath, "-e", filepath.Join(prefix, "error.log"), "-p", prefix, "-c", confFile)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // fast shutdown (SIGINT)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Logf("nginx error.log:\n%s", log)
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case err := <-done:
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx exited: %v\n%s%s", err, out, log)
		default:
		}
		resp, err := http.Get(probe)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not answer %s (last: %v)", probe, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// requestLog records, from the browser's network events, every response
// and failure and every navigation of the main frame.
type requestLog struct {
	mu          sync.Mutex
	responses   []string // "404 http://…"
	failures    []string
	navigations []string
}

func (l *requestLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventResponseReceived:
		l.responses = append(l.responses, fmt.Sprintf("%d %s", ev.Response.Status, ev.Response.URL))
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			l.failures = append(l.failures, fmt.Sprintf("%s (%s)", ev.ErrorText, ev.Type))
		}
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" {
			l.navigations = append(l.navigations, ev.Frame.URL)
		}
	}
}

// check fails the test for any error response, failed load, or a request
// or navigation outside the site's sub-path, and resets the log.
func (l *requestLog) check(t *testing.T, step, site string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.responses {
		status, u, _ := strings.Cut(r, " ")
		if strings.HasSuffix(u, "//"+host(site)+"/favicon.ico") {
			continue // the browser's own guess at the server's root, not a link of the site
		}
		if !strings.HasPrefix(u, site) && !strings.HasPrefix(u, "data:") {
			t.Errorf("%s: a request left %s: %s", step, site, u)
		}
		if code, _ := strconv.Atoi(status); code >= 400 {
			t.Errorf("%s: HTTP %s for %s", step, status, u)
		}
	}
	for _, f := range l.failures {
		t.Errorf("%s: a request failed: %s", step, f)
	}
	for _, n := range l.navigations {
		if !strings.HasPrefix(n, site) {
			t.Errorf("%s: navigated outside %s: %s", step, site, n)
		}
	}
	if len(l.responses) == 0 {
		t.Errorf("%s: no response seen", step)
	}
	l.responses, l.failures, l.navigations = nil, nil, nil
}

// host is the host:port of an http URL.
func host(u string) string {
	h, _, _ := strings.Cut(strings.TrimPrefix(u, "http://"), "/")
	return h
}

// TestNginx serves a five-year demo with Debian's nginx under /tongbao/
// and walks it in Chromium, following links as a reader would: home →
// archive → a year → archive → a circular → a unit page → the units'
// index → a search for 禁毒, after an old address of a page that moved,
// which sends the browser on. Every page and every request stays below
// /tongbao/ and nothing is missing.
func TestNginx(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(nginxPath); err != nil {
		browsertest.Missing(t, nginxPath+" (Debian's nginx)")
	}
	start := time.Now()
	var rl requestLog
	ctx := tab(t, chromedp.WithListener(rl.listen))

	port := freePort(t)
	siteURL := fmt.Sprintf("http://127.0.0.1:%d/tongbao/", port)
	prefix := t.TempDir()
	out := filepath.Join(prefix, "public")
	dir := copySite(t, demoSite(t))
	// A page that moved keeps its old address (front matter aliases,
	// percent-encoded as an address bar copies it).
	moved := filepath.Join(dir, "content", "通知", "新.md")
	if err := os.MkdirAll(filepath.Dir(moved), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(moved, []byte("+++\ntitle = \"通知\"\naliases = [\"/%E9%80%9A%E7%9F%A5/%E6%97%A7/\"]\n+++\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Build(context.Background(), build.Options{Source: dir, Dest: out, BaseURL: siteURL}); err != nil {
		t.Fatalf("building the demo for %s:\n%v", siteURL, err)
	}
	startNginx(t, prefix, nginxConf(prefix, out, port), siteURL)

	// The server itself: the site's 404 page for a missing address, UTF-8.
	resp, err := http.Get(siteURL + "no/such/page/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("missing page: %d %q; want 404 text/html; charset=utf-8", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	at := func(step, pathPrefix string) {
		t.Helper()
		browsertest.WaitFor(t, ctx, `location.href.startsWith(`+browsertest.Quote(siteURL+pathPrefix)+`) && document.readyState === "complete"`, step+" at "+siteURL+pathPrefix)
		settle(t, ctx)
		rl.check(t, step, siteURL)
	}
	follow := func(step, selector, pathPrefix string) {
		t.Helper()
		href := eval[string](t, ctx, `(() => { const a = document.querySelector(`+browsertest.Quote(selector)+`); return a ? a.href : ""; })()`)
		if href == "" {
			t.Fatalf("%s: no link %s on %s", step, selector, eval[string](t, ctx, `location.href`))
		}
		run(t, ctx, step, chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
		at(step, pathPrefix)
	}

	// What may be cached: the files named by their hash, for a year; the
	// pages and the search's manifest, which keep their names as they
	// change, as the server decides (not immutable). The stylesheet
	// compressed as it is sent, a shard by its gzip copy.
	for _, c := range []struct {
		glob      string // in the output
		immutable bool
		gzip      bool
	}{
		{"assets/css/site.*.css", true, true},
		{"search/s/*.bin", true, true},
		{"search/index.html", false, true},
		{"search-index.json", false, true},
	} {
		files, _ := filepath.Glob(filepath.Join(out, filepath.FromSlash(c.glob)))
		if len(files) == 0 {
			t.Errorf("no %s in the output", c.glob)
			continue
		}
		rel, _ := filepath.Rel(out, files[0])
		req, _ := http.NewRequest("GET", siteURL+filepath.ToSlash(rel), nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req) // as sent: no transparent decompression
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		cc, enc := resp.Header.Get("Cache-Control"), resp.Header.Get("Content-Encoding")
		if resp.StatusCode != http.StatusOK || strings.Contains(cc, "immutable") != c.immutable || (enc == "gzip") != c.gzip {
			t.Errorf("%s: HTTP %d, Cache-Control %q, Content-Encoding %q; want 200, immutable %v, gzip %v", rel, resp.StatusCode, cc, enc, c.immutable, c.gzip)
		}
	}

	// The addresses a reader types or trims a link to (issue 15 found
	// them 403 and 404 on a real server), and the icon, below the
	// sub-path.
	for _, p := range []string{"units/", "indicators/", "circulars/2023/", "favicon.ico"} {
		resp, err := http.Get(siteURL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s%s: HTTP %d, want 200", siteURL, p, resp.StatusCode)
		}
	}

	// The old address of the page that moved, /通知/旧/: the browser
	// goes on to /通知/新/ by itself.
	navigate(t, ctx, siteURL+"%E9%80%9A%E7%9F%A5/%E6%97%A7/")
	at("an earlier address", "%E9%80%9A%E7%9F%A5/%E6%96%B0/")

	navigate(t, ctx, siteURL)
	at("home", "")
	if icon := eval[string](t, ctx, `document.querySelector("link[rel=icon]").href`); icon != siteURL+"favicon.ico" {
		t.Errorf("the page's icon is %s, want %sfavicon.ico", icon, siteURL)
	}
	follow("archive", `.site-nav a[href="/tongbao/circulars/"]`, "circulars/")
	follow("a year", `.year-nav a[href="/tongbao/circulars/2019/"]`, "circulars/2019/")
	follow("back to the archive", `.breadcrumb a`, "circulars/")
	follow("a circular", `.archive-year .doc-list a`, "circulars/20")
	if layoutExists(t, "unit.html") {
		// A circular links its units from its appendix, folded: a reader
		// opens it first.
		run(t, ctx, "opening the appendix", chromedp.Click(chromedp.CSS(".appendix summary"), chromedp.NodeVisible))
		follow("a unit page", `main a[href*="/tongbao/units/"]`, "units/")
		follow("the units' index", `.breadcrumb a[href^="/tongbao/units/#"]`, "units/")
	} else {
		t.Log("layouts/unit.html does not exist yet: the unit step is skipped")
	}
	if layoutExists(t, "search.html") {
		box := `header input[name="q"], header input[type="search"]`
		run(t, ctx, "focusing the search box", chromedp.Focus(chromedp.CSS(box)))
		run(t, ctx, "typing 禁毒", chromedp.KeyEvent("禁毒"+kb.Enter))
		at("search", "search/")
		if q := eval[string](t, ctx, `new URLSearchParams(location.search).get("q") || ""`); q != "禁毒" {
			t.Errorf("search: the query in the address is %q, want 禁毒", q)
		}
		browsertest.WaitFor(t, ctx, `!!document.querySelector('main a[href^="/tongbao/circulars/20"]') && !!document.querySelector(".search-result-snippet mark")`, "a search result linking a circular, with its snippet")
		// The index came as nginx sends it: the shards' gzip copies, and
		// the snippets stretches of the circulars' pages, by range
		// requests, which nginx answers uncompressed though it compresses
		// the pages (a request with a range asks for no encoding).
		got := eval[string](t, ctx, `performance.getEntriesByType("resource").filter(e => /\/search\/s\//.test(e.name) || e.initiatorType === "fetch" && /\/circulars\/\d{4}\/\d+\/$/.test(e.name)).map(e =>
  (/\/search\/s\//.test(e.name) ? "s/" : "page") + " " + e.responseStatus + " " + (e.encodedBodySize < e.decodedBodySize ? "compressed" : "plain")).join(";")`)
		for _, line := range strings.Split(got, ";") {
			if line != "s/ 200 compressed" && line != "page 206 plain" {
				t.Errorf("search: fetched %s; want the shards compressed (200), stretches of the pages (206)", line)
			}
		}
		if !strings.Contains(got, "s/") || !strings.Contains(got, "page") {
			t.Errorf("search: fetched\n%s\nwant shards and stretches of pages", got)
		}
	} else {
		t.Log("layouts/search.html does not exist yet: the search step is skipped")
	}
	t.Logf("walked the demo through nginx in %v", time.Since(start).Round(time.Millisecond))
}
