package site

import "testing"

func TestParseBaseURL(t *testing.T) {
	ok := map[string]string{
		"":                                       "/",
		"/":                                      "/",
		"/tongbao":                               "/tongbao/",
		"/tongbao/":                              "/tongbao/",
		"/政务公开/通报/":                              "/政务公开/通报/",
		"https://portal.example.gov.cn/tongbao/": "https://portal.example.gov.cn/tongbao/",
		"https://portal.example.gov.cn":          "https://portal.example.gov.cn/",
		"http://127.0.0.1:8080/a/":               "http://127.0.0.1:8080/a/",
		// The scheme and the host as browsers write them, a scheme's
		// default port left out; the path as it is (a server may tell
		// /Zwgk/ from /zwgk/).
		"HTTPS://Portal.example.gov.cn/":          "https://portal.example.gov.cn/",
		"HTTPS://WWW.Example.GOV.cn:443/Zwgk/TB/": "https://www.example.gov.cn/Zwgk/TB/",
		"http://www.example.gov.cn:80":            "http://www.example.gov.cn/",
		"http://www.example.gov.cn:443/":          "http://www.example.gov.cn:443/",
		"https://www.example.gov.cn:8443/a":       "https://www.example.gov.cn:8443/a/",
		"https://[::1]:443/":                      "https://[::1]/",
	}
	for in, want := range ok {
		got, err := ParseBaseURL(in)
		if err != nil || got != want {
			t.Errorf("ParseBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"javascript:alert(1)//",
		"JavaScript:alert(1)",
		"data:text/html,x",
		"portal/tongbao/",
		"//evil.example/",
		"///evil.example/",
		"/\\evil.example/",
		"\\\\evil.example/",
		"https:/evil.example/",
		"https://",
		"https:///path/",
		"https://user:pw@portal.example.gov.cn/",
		"ftp://example.gov.cn/",
		"/a b/",
		" /",
		"/a\t/",
		"/a\n/",
		"/a\x00/",
		"/a\x7f/",
		"/a\u0085/",
		"/a\u202e/",
		"/a\"onload=\"x/",
		"/a'/",
		"/a`/",
		"/a<b>/",
		"/a?x=1",
		"/a#top",
		"https://例子.example/\u200b/",
	} {
		if got, err := ParseBaseURL(in); err == nil {
			t.Errorf("ParseBaseURL(%q) = %q, accepted", in, got)
		}
	}
}
