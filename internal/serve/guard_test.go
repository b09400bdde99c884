package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHostAllowed is the rule of DESIGN.md §9: the address listened on,
// localhost and the loopback literals in any port form, and the names given
// with --allow-host; nothing else, so that a page whose name was rebound to
// this machine (DNS rebinding) cannot read the preview.
func TestHostAllowed(t *testing.T) {
	lan := net.ParseIP("192.168.1.5")
	local := func() []net.IP { return []net.IP{net.ParseIP("127.0.0.1"), lan, net.ParseIP("fe80::1")} }
	loopbackOnly := hostPolicy{listen: net.ParseIP("127.0.0.1"), localAddrs: local}
	onLAN := hostPolicy{listen: lan, localAddrs: local}
	everywhere := hostPolicy{listen: net.IPv4zero, localAddrs: local}
	named := newHostPolicy([]string{"Preview.Example.gov.cn", "pc-17"})
	named.listen, named.localAddrs = net.ParseIP("127.0.0.1"), local

	for _, c := range []struct {
		p     hostPolicy
		host  string
		allow bool
	}{
		{loopbackOnly, "127.0.0.1:1313", true},
		{loopbackOnly, "127.0.0.1", true},
		{loopbackOnly, "127.8.9.10:1313", true},
		{loopbackOnly, "localhost:1313", true},
		{loopbackOnly, "localhost", true},
		{loopbackOnly, "LOCALHOST.:8080", true},
		{loopbackOnly, "[::1]:1313", true},
		{loopbackOnly, "[::1]", true},
		{loopbackOnly, "[::ffff:127.0.0.1]:1313", true},
		{loopbackOnly, "evil.example:1313", false},
		{loopbackOnly, "evil.example", false},
		{loopbackOnly, "localhost.evil.example", false},
		{loopbackOnly, "127.0.0.1.nip.io:1313", false},
		{loopbackOnly, "evil.localhost", false},
		{loopbackOnly, "192.168.1.5:1313", false},
		{loopbackOnly, "", false},
		{loopbackOnly, "[::1", false},
		{loopbackOnly, "127.0.0.1:1313:1", false},
		{onLAN, "192.168.1.5:1313", true},
		{onLAN, "192.168.1.5", true},
		{onLAN, "192.168.1.6:1313", false},
		{onLAN, "localhost:1313", true},
		{onLAN, "intranet.example", false},
		{everywhere, "192.168.1.5:1313", true},
		{everywhere, "[fe80::1%25eth0]:1313", true},
		{everywhere, "10.0.0.9:1313", false},
		{everywhere, "evil.example", false},
		{named, "preview.example.gov.cn:1313", true},
		{named, "PREVIEW.EXAMPLE.GOV.CN.", true},
		{named, "pc-17", true},
		{named, "x.preview.example.gov.cn", false},
		{named, "evil.example", false},
	} {
		if got := c.p.allows(c.host); got != c.allow {
			t.Errorf("listening on %v, allowed %v: Host %q allowed = %v, want %v", c.p.listen, c.p.allowed, c.host, got, c.allow)
		}
	}
}

// TestForeignHostRefused: every path, the event stream and the reload
// script included, answers 403 with a Chinese text to a Host that is not
// this server's, and the usual answer to its own.
func TestForeignHostRefused(t *testing.T) {
	_, ts, _ := startSite(t, nil)
	for _, path := range []string{"/", "/circulars/2023/14/", eventsPath, scriptPath, "/no/such/page", "/search-index.json"} {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Host = "attacker.example:80"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "--allow-host attacker.example") ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("GET %s with Host attacker.example: %d %q %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
	port := ts.URL[strings.LastIndexByte(ts.URL, ':'):]
	for _, host := range []string{"localhost" + port, "127.0.0.1" + port, "[::1]" + port} {
		req, _ := http.NewRequest("GET", ts.URL+"/circulars/2023/14/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("Host %s: %d, want 200", host, resp.StatusCode)
		}
	}
}

// TestEventsMethods: the event stream is read with GET; any other method
// gets 405 and the Allow header, not a stream.
func TestEventsMethods(t *testing.T) {
	_, ts, _ := startSite(t, nil)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"} {
		resp, _ := get(t, http.DefaultClient, m, ts.URL+eventsPath)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET" {
			t.Errorf("%s %s: %d, Allow %q; want 405 and GET", m, eventsPath, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	for _, m := range []string{"POST", "DELETE"} {
		resp, _ := get(t, http.DefaultClient, m, ts.URL+scriptPath)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: %d, Allow %q; want 405 and GET, HEAD", m, scriptPath, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

// TestIdleConnectionsClosed: a keep-alive connection left idle is closed
// by the server, while an event stream, which is a response in progress,
// stays open past the idle time and still gets the next build's event.
func TestIdleConnectionsClosed(t *testing.T) {
	dir := copySite(t)
	s := New(Options{Source: dir})
	s.idleTimeout = 300 * time.Millisecond
	url, cancel, done := serveLoopback(t, s)
	t.Cleanup(func() { cancel(); <-done })
	addr := strings.TrimPrefix(url, "http://")
	events := dialSSE(t, url+eventsPath)
	events.next(t, 5*time.Second)

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /robots.txt HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("an idle keep-alive connection: read %v, want the server to close it", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the idle connection was closed after %v", d)
	}

	// The stream has now been open for well over the idle time.
	time.Sleep(2 * s.idleTimeout)
	// Serve watches the site, so the edit itself brings the rebuild:
	// calling s.Build here as well would overlap the watcher's.
	editFile(t, dir+"/data/2023-02.toml", `"小江湖街道" = 94.1`, `"小江湖街道" = 99.9`)
	if ev := events.next(t, 5*time.Second); ev.name != "build" {
		t.Errorf("after the idle time the stream got %+v, want a build event", ev)
	}
}

// TestExposureWarning: binding to every address warns of IPv4 and IPv6
// alike (Go listens on both for 0.0.0.0 and ::); a single address names
// it; loopback needs no warning.
func TestExposureWarning(t *testing.T) {
	for _, ip := range []string{"0.0.0.0", "::"} {
		w := exposureWarning(&net.TCPAddr{IP: net.ParseIP(ip), Port: 1313})
		if !strings.Contains(w, "IPv4") || !strings.Contains(w, "IPv6") || !strings.Contains(w, "--allow-host") {
			t.Errorf("--bind %s: warning %q must name IPv4, IPv6 and --allow-host", ip, w)
		}
	}
	if w := exposureWarning(&net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 1313}); !strings.Contains(w, "192.168.1.5") {
		t.Errorf("--bind 192.168.1.5: warning %q", w)
	}
	for _, ip := range []string{"127.0.0.1", "::1"} {
		if w := exposureWarning(&net.TCPAddr{IP: net.ParseIP(ip), Port: 1313}); w != "" {
			t.Errorf("--bind %s: warning %q, want none", ip, w)
		}
	}
	// The claim the warning makes: 0.0.0.0 answers on IPv6 too.
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	if c, err := net.Dial("tcp6", net.JoinHostPort("::1", strconv.Itoa(port))); err != nil {
		t.Logf("no IPv6 loopback here (%v): the dual-stack claim is not checked", err)
	} else {
		c.Close()
	}
}

// TestConnectionCap: with its connections all open, the preview accepts
// no more until one closes, then serves the next; and it still shuts down
// promptly while a connection waits to be accepted.
func TestConnectionCap(t *testing.T) {
	s := New(Options{Source: copySite(t)})
	s.maxConns = 2
	url, cancel, done := serveLoopback(t, s)
	// serveLoopback's request left a keep-alive connection in the default
	// client; closing it gives its slot back.
	http.DefaultClient.CloseIdleConnections()
	addr := strings.TrimPrefix(url, "http://")

	// open makes a connection the server has accepted: it answers a
	// request on it, and the connection stays open, idle.
	open := func() net.Conn {
		t.Helper()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(conn, "GET /robots.txt HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("a connection within the cap was not served: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return conn
	}
	// fetch asks on a new connection, waiting at most wait.
	fetch := func(wait time.Duration) error {
		client := &http.Client{Timeout: wait, Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := client.Get(url + "/robots.txt")
		if err == nil {
			resp.Body.Close()
		}
		return err
	}

	first := open()
	open()
	if err := fetch(500 * time.Millisecond); err == nil {
		t.Fatal("a third connection was served while two were open, the cap being 2")
	}
	first.Close()
	if err := fetch(5 * time.Second); err != nil {
		t.Fatalf("once a connection closed, the next was not served: %v", err)
	}

	// Full again, with one more connection waiting: shutting down does not
	// wait for a slot.
	open()
	waiting, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer waiting.Close()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return while a connection waited for a slot")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("shutting down took %v", d)
	}
}

// TestLANURLs: listening on every address, the preview names the
// addresses a colleague can open, IPv4 ones a network assigns only.
func TestLANURLs(t *testing.T) {
	var ips []net.IP
	for _, s := range []string{"127.0.0.1", "::1", "fe80::1", "169.254.3.4", "192.168.1.5", "2001:db8::5", "10.0.0.7"} {
		ips = append(ips, net.ParseIP(s))
	}
	got := lanURLs(1313, ips, "/tongbao/")
	want := []string{"http://192.168.1.5:1313/tongbao/", "http://10.0.0.7:1313/tongbao/"}
	if !slices.Equal(got, want) {
		t.Errorf("lanURLs = %q, want %q", got, want)
	}
}
