package site

import (
	"errors"
	"net/url"
	"strings"
	"unicode"

	"tongbao/internal/diag"
)

// ParseBaseURL checks a baseURL, from config.toml or from the command line
// (both are held to this one rule, DESIGN.md §3), and returns it ending in
// a slash. It is an absolute http(s) address of a host, or a path that
// starts with exactly one slash. Everything else is refused: it is written
// into every page's links and the portal's Url tag, so a script address
// (javascript:), an address that a browser reads as another site (//host,
// /\host), a quote or a space that would end the attribute, and control
// characters must not get there. The error says why, in Chinese.
func ParseBaseURL(s string) (string, error) {
	if s == "" {
		return "/", nil
	}
	for _, r := range s {
		switch {
		case r == ' ':
			return "", errors.New("不能含有空格")
		case r == '\u3000':
			return "", errors.New("不能含有全角空格")
		case diag.Visible(string(r)) != string(r), unicode.IsSpace(r):
			return "", errors.New("不能含有" + diag.Visible(string(r)))
		case strings.ContainsRune("\"'`<>\\", r):
			return "", errors.New("不能含有“" + string(r) + "”")
		case r == '?' || r == '#':
			return "", errors.New("不能带查询参数或锚点（? 或 #）")
		}
	}
	if strings.HasPrefix(s, "//") {
		return "", errors.New("不能以 // 开头（浏览器会把它读作另一个网站的地址）")
	}
	if !strings.HasPrefix(s, "/") {
		scheme, _, _ := strings.Cut(s, "://")
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") || scheme == s {
			return "", errors.New("应以 http:// 或 https:// 开头，或为以一个 / 开头的路径")
		}
		u, err := url.Parse(s)
		switch {
		case err != nil:
			return "", errors.New("不是有效的网址")
		case u.User != nil:
			return "", errors.New("不能含有用户名或密码（@ 之前的部分）")
		case u.Host == "" || u.Hostname() == "":
			return "", errors.New("缺少主机名（如 https://portal.example.gov.cn/）")
		}
	}
	if !strings.HasPrefix(s, "/") {
		s = canonicalHost(s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// canonicalHost writes the scheme and the host of the absolute address s
// as browsers show them, in lower case and without the scheme's default
// port (HTTPS://WWW.Example.gov.cn:443/zwgk/ is https://www.example.gov.cn/zwgk/):
// they name the same site however they are spelt, and the sitemap, the
// feed's entry ids and the canonical links should not change with a
// config's spelling. The path is left as written.
func canonicalHost(s string) string {
	scheme, rest, _ := strings.Cut(s, "://")
	host, path, slash := strings.Cut(rest, "/")
	scheme, host = strings.ToLower(scheme), strings.ToLower(host)
	if scheme == "https" {
		host = strings.TrimSuffix(host, ":443")
	} else {
		host = strings.TrimSuffix(host, ":80")
	}
	if slash {
		path = "/" + path
	}
	return scheme + "://" + host + path
}
