package site

import (
	"slices"
	"testing"
)

// TestRootLinkWarnings holds each kind of link written from the host's
// root to what a server would answer for the files of a site under
// /zwgk/tb/: a folder by its index.html, a file by itself, a folder
// without its slash, the site's root without its slash, a query and a
// fragment left off, %-escapes read; outside the base path, only what
// the site has below it is said (/ never).
func TestRootLinkWarnings(t *testing.T) {
	files := map[string]bool{"index.html": true, "about/index.html": true, "data/ranks.csv": true, "circulars/2023/14/index.html": true}
	links := []RootLink{
		{"/zwgk/tb/about/", 1, 1},                // has
		{"/zwgk/tb/about", 1, 2},                 // has: the server redirects to about/
		{"/zwgk/tb", 1, 3},                       // has: the root
		{"/zwgk/tb/data/ranks.csv?v=2", 1, 4},    // has
		{"/zwgk/tb/circulars/2023/14/#附件", 1, 5}, // has
		{"/zwgk/tb/%E5%85%B3%E4%BA%8E/", 1, 6},   // 关于/: not
		{"/zwgk/tb/circulars/2023/9/", 1, 7},     // not
		{"/about/", 1, 8},                        // outside, the site's
		{"/", 1, 9},                              // the portal's home
		{"/zwgk/other/", 1, 10},                  // the portal's
		{"/data/ranks.csv", 1, 11},               // outside, the site's
	}
	s := &Site{Pages: []*Page{{File: "content/about.md", RootLinks: links}}}
	var got []string
	for _, d := range s.RootLinkWarnings(Base{Path: "/zwgk/tb/"}, files) {
		got = append(got, d.String())
	}
	want := []string{
		"content/about.md:1:6: 警告：本站没有链接的网址 /zwgk/tb/%E5%85%B3%E4%BA%8E/，这个链接会失效",
		"content/about.md:1:7: 警告：本站没有链接的网址 /zwgk/tb/circulars/2023/9/，这个链接会失效",
		"content/about.md:1:8: 警告：链接的 /about/ 在本站的网址 /zwgk/tb/ 之外，指向门户网站的 /about/，不是本站的页面；应写作 /zwgk/tb/about/，或写它的 Markdown 文件",
		"content/about.md:1:11: 警告：链接的 /data/ranks.csv 在本站的网址 /zwgk/tb/ 之外，指向门户网站的 /data/ranks.csv，不是本站的文件；应写作 /zwgk/tb/data/ranks.csv",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
}
