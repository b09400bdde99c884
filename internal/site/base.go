package site

import (
	"fmt"
	"net/url"
	"strings"

	"tongbao/internal/diag"
)

// A Base is the address a site is published under, baseURL, worked out
// once for everything that needs a part of it: the renderer writes links
// below Path, the preview server serves the pages there, and the link
// checker resolves links against it.
type Base struct {
	URL  string // baseURL ending in a slash: "https://portal.example.gov.cn/tongbao/", "/tongbao/"
	Path string // its path with a slash at both ends: "/tongbao/", or "/"
	Host string // its host, "" when baseURL is a bare path
}

// ParseBase works out the Base of a baseURL, after holding it to
// ParseBaseURL's rule.
func ParseBase(baseURL string) (Base, error) {
	baseURL, err := ParseBaseURL(baseURL)
	if err != nil {
		return Base{}, fmt.Errorf("baseURL 无效：%v", err)
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return Base{}, fmt.Errorf("baseURL 无效：%v", err)
	}
	b := Base{URL: baseURL, Path: u.Path, Host: u.Host}
	if !strings.HasPrefix(b.Path, "/") {
		b.Path = "/" + b.Path
	}
	if !strings.HasSuffix(b.Path, "/") {
		b.Path += "/"
	}
	return b, nil
}

// HostWarning warns, when the site built under baseURL can write no
// absolute address — baseURL names no host and [site] no domain —, that
// its sitemap, feed and canonical links are paths (DESIGN.md §7). It is
// the build's (--baseURL may give a host) and the preview's, not the
// load's.
//
// It also warns when baseURL's host and [site] domain are two names: the
// sitemap, the feed and the canonical links take the one, the footer's
// 网站域名 and the portal's SiteDomain tag the other.
func (s *Site) HostWarning(baseURL string) diag.List {
	var w diag.List
	b, err := ParseBase(baseURL)
	if err != nil {
		return w
	}
	domain := s.Config.Site.Domain
	if b.Public(domain).Host == "" {
		line, col := s.Config.place("baseURL")
		w.Add("config.toml", line, col, "警告：baseURL（%s）不含域名，[site] 也没有 domain：网站地图、订阅和规范链接只能写成路径，而网站地图须用完整网址。请在 [site] 中设置 domain，或以 --baseURL https://… 生成", baseURL)
	}
	if host := strings.TrimSuffix(b.Host, ":443"); host != "" && domain != "" && !strings.EqualFold(host, domain) {
		line, col := s.Config.place("site.domain")
		w.Add("config.toml", line, col, "警告：baseURL（%s）的域名与 [site] domain（%s）不同：网站地图、订阅和规范链接用前者，页脚的网站域名和门户网站的元数据用后者；请改为同一个", baseURL, domain)
	}
	return w
}

// Public is where a site under b is read: b itself when baseURL names a
// host, otherwise https://domain with b's path (DESIGN.md §7), or b when
// no domain is known either.
func (b Base) Public(domain string) Base {
	if b.Host != "" || domain == "" {
		return b
	}
	return Base{URL: "https://" + domain + b.Path, Path: b.Path, Host: domain}
}
