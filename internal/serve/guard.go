package serve

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"tongbao/internal/diag"
)

// A hostPolicy decides which requests the preview answers, by their Host
// header. A web page on another site can make a browser send requests to
// this machine; the same-origin policy keeps their answers from it only as
// long as its own name does not resolve here. After DNS rebinding
// (evil.example → 127.0.0.1) it does, and the page could read the drafts
// and the diagnostics stream. The Host the browser sends is still the
// page's own name, so answering only this server's own names closes that:
// the address listened on, localhost, the loopback addresses, and the
// names staff allow with --allow-host. A Host that is an address cannot
// come from rebinding; a name can only if it is allowed. Ports are not
// compared: rebinding cannot change a name's port, and a proxy may.
type hostPolicy struct {
	listen  net.IP          // the address listened on; nil before Serve
	allowed map[string]bool // --allow-host names, lower case, without a final dot

	// localAddrs lists this machine's addresses, for a server listening on
	// all of them; net.InterfaceAddrs when nil.
	localAddrs func() []net.IP
}

func newHostPolicy(names []string) hostPolicy {
	p := hostPolicy{allowed: map[string]bool{}}
	for _, n := range names {
		p.allowed[canonicalHost(n)] = true
	}
	return p
}

// canonicalHost is a name as compared: lower case, without the final dot.
func canonicalHost(name string) string {
	return strings.TrimSuffix(strings.ToLower(name), ".")
}

// allows reports whether a request with this Host header is answered.
func (p hostPolicy) allows(hostport string) bool {
	host := hostport
	if strings.HasPrefix(host, "[") || strings.Count(host, ":") == 1 {
		h, _, err := net.SplitHostPort(host)
		if err != nil {
			if !strings.HasPrefix(host, "[") || !strings.HasSuffix(host, "]") {
				return false
			}
			h = host[1 : len(host)-1] // [::1] without a port
		}
		host = h
	}
	if host == "" {
		return false
	}
	if i := strings.IndexByte(host, '%'); i >= 0 && strings.Contains(host, ":") {
		host = host[:i] // an IPv6 zone: fe80::1%eth0
	}
	if ip := net.ParseIP(host); ip != nil {
		return p.allowsIP(ip)
	}
	name := canonicalHost(host)
	return name == "localhost" || p.allowed[name]
}

func (p hostPolicy) allowsIP(ip net.IP) bool {
	switch {
	case ip.IsLoopback():
		return true
	case p.listen == nil:
		return false
	case p.listen.IsUnspecified():
		addrs := p.localAddrs
		if addrs == nil {
			addrs = interfaceIPs
		}
		for _, a := range addrs() {
			if a.Equal(ip) {
				return true
			}
		}
		return false
	}
	return p.listen.Equal(ip)
}

// lanURLs are the preview's addresses for other computers, when it
// listens on every address: 127.0.0.1, which it prints first, is no use
// to a colleague. Only IPv4 addresses a network assigns (not loopback, not
// link-local), at most four.
func lanURLs(port int, ips []net.IP, basePath string) []string {
	var out []string
	for _, ip := range ips {
		if v4 := ip.To4(); v4 != nil && v4.IsGlobalUnicast() && len(out) < 4 {
			out = append(out, "http://"+net.JoinHostPort(v4.String(), strconv.Itoa(port))+basePath)
		}
	}
	return out
}

// interfaceIPs are this machine's addresses, looked up at each request
// that names an address other than loopback: on a network that assigns
// addresses they change.
func interfaceIPs() []net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			out = append(out, n.IP)
		}
	}
	return out
}

// guard answers 403 to a request whose Host the policy refuses, with a
// short text that says how to allow it; others go on to next.
func (p *hostPolicy) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.allows(r.Host) {
			next.ServeHTTP(w, r)
			return
		}
		name := r.Host
		if h, _, err := net.SplitHostPort(name); err == nil {
			name = h
		}
		if len(name) > 100 {
			name = name[:100] + "…"
		}
		name = diag.Visible(name)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, "tongbao 预览拒绝了这个请求：主机名“%s”不是本预览服务器的地址。\n"+
			"在本机请用 localhost 或 127.0.0.1 访问；确需以这个名字访问时，请以 --allow-host %s 启动 tongbao serve。\n", name, name)
	})
}

// exposureWarning is what the terminal says about who can reach a server
// listening on addr, or "" when only this machine can.
func exposureWarning(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return ""
	}
	if tcp.IP.IsUnspecified() {
		// Go listens on IPv6 and IPv4 alike for 0.0.0.0 as for ::.
		return fmt.Sprintf("注意：正在本机所有网络地址（IPv4 和 IPv6）的 %d 端口上监听，能连到本机任何一个 IPv4 或 IPv6 地址的计算机都能看到预览，包括尚未发布的内容；"+
			"以地址访问即可，以主机名访问须用 --allow-host 名称 允许", tcp.Port)
	}
	return fmt.Sprintf("注意：正在 %s 上监听，能连到这个地址的其他计算机都能看到预览，包括尚未发布的内容；以主机名访问须用 --allow-host 名称 允许", addr)
}

// allowMethod answers 405 with the Allow header, and returns false, unless
// the request's method is one of methods.
func allowMethod(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	http.Error(w, "405 不支持此请求方法", http.StatusMethodNotAllowed)
	return false
}

// defaultMaxConns is how many connections the preview keeps open at once:
// every open tab holds one for its event stream and a browser opens up to
// six more a host, so this serves dozens of tabs.
const defaultMaxConns = 256

// limit caps the connections open at once on ln at n: past n, Accept waits
// for one to close, and the next ones wait in the system's queue. The
// timeouts close a connection that sends nothing, but only after 10 s:
// within them a client could open enough to run the process out of file
// descriptors, and the preview, rebuilds included, with it.
func limit(ln net.Listener, n int) net.Listener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	slots     chan struct{} // one token a connection open
	done      chan struct{} // closed by Close, which a waiting Accept must see
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, slots: l.slots}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// A limitConn gives its slot back when it is first closed (the server may
// close a connection more than once).
type limitConn struct {
	net.Conn
	slots chan struct{}
	once  sync.Once
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { <-c.slots })
	return err
}
