package site

import "testing"

func TestParseBase(t *testing.T) {
	for in, want := range map[string]Base{
		"/":                                      {URL: "/", Path: "/"},
		"/tongbao":                               {URL: "/tongbao/", Path: "/tongbao/"},
		"https://portal.example.gov.cn":          {URL: "https://portal.example.gov.cn/", Path: "/", Host: "portal.example.gov.cn"},
		"https://portal.example.gov.cn/tongbao/": {URL: "https://portal.example.gov.cn/tongbao/", Path: "/tongbao/", Host: "portal.example.gov.cn"},
	} {
		if got, err := ParseBase(in); err != nil || got != want {
			t.Errorf("ParseBase(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	if _, err := ParseBase("http://[::1"); err == nil {
		t.Error("a URL that does not parse was taken")
	}
}
