package render

import (
	"strings"
	"testing"
)

// TestNavCurrent: the navigation marks the page itself (首页 on the home
// page) and the section a page is under (通报 for a circular, 排名 for a
// unit's history), and nothing on the 404 page, which stands at any
// address.
func TestNavCurrent(t *testing.T) {
	files := renderFiles(t, loadSample(t), "")
	for page, want := range map[string]string{
		"index.html":                   `<a href="/" aria-current="page">首页</a>`,
		"circulars/index.html":         `<a href="/circulars/" aria-current="page">通报</a>`,
		"circulars/2023/14/index.html": `<a href="/circulars/" aria-current="true">通报</a>`,
		"units/qiaotou/index.html":     `<a href="/rankings/" aria-current="true">排名</a>`,
		"indicators/jindu/index.html":  `<a href="/rankings/" aria-current="true">排名</a>`,
		"rankings/index.html":          `<a href="/rankings/" aria-current="page">排名</a>`,
		"circulars/2023/index.html":    `<a href="/circulars/" aria-current="true">通报</a>`,
		"units/index.html":             `<a href="/rankings/" aria-current="true">排名</a>`,
		"indicators/index.html":        `<a href="/rankings/" aria-current="true">排名</a>`,
	} {
		html := string(files[page])
		if !strings.Contains(html, want) {
			t.Errorf("%s lacks %s", page, want)
		}
		if n := strings.Count(html, "aria-current"); n != 1 {
			t.Errorf("%s has %d aria-current entries, want 1", page, n)
		}
	}
	if strings.Contains(string(files["404.html"]), "aria-current") {
		t.Error("404.html marks a navigation entry")
	}
}
