package site

import (
	"fmt"
	"net/url"
	"strings"
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
