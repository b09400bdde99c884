package render

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tongbao/internal/diag"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// TestSlipsWarned: a slip of a body's Markdown (a heading without its
// blank, a footnote never defined) is told to Options.Warn at its file's
// line, and is no problem: the site renders. A render through a Cache
// that takes the pages from it tells the same again, and a render without
// one too; once a slip is mended, it is not told.
func TestSlipsWarned(t *testing.T) {
	files := historySite()
	const circ, page = "content/circulars/2023-02.md", "content/notes.md"
	files[circ] = strings.Replace(files[circ], "正文。\n", "正文。\n\n##二、问题\n", 1)
	files[page] = "+++\ntitle = \"说明\"\n+++\n说明[^1]。\n"
	dir := writeFiles(t, files)
	var sc site.Cache
	var rc Cache
	var results *rank.Results
	render := func(cache *Cache) []string {
		t.Helper()
		s, err := site.LoadCached(dir, &sc)
		if err != nil {
			t.Fatal(err)
		}
		results = rank.Update(results, s)
		var got []string
		warn := func(d diag.Diagnostic) { got = append(got, d.String()) }
		if _, err := Render(s, results, Options{Cache: cache, Warn: warn}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	heading := circ + ":9:1: 警告：“##”后要有一个空格才是标题（写作“## 二、问题”）"
	footnote := page + ":4:3: 警告：脚注“[^1]”没有定义，会照原样显示：在正文末尾另起一段，写“[^1]: 注释的内容”"
	for _, step := range []struct {
		name  string
		cache *Cache
		want  []string
	}{
		{"first render", &rc, []string{heading, footnote}},
		{"from the cache", &rc, []string{heading, footnote}},
		{"without a cache", nil, []string{heading, footnote}},
	} {
		if got := render(step.cache); !reflect.DeepEqual(got, step.want) {
			t.Errorf("%s: warned\n%q\nwant\n%q", step.name, got, step.want)
		}
	}
	mended := strings.Replace(files[page], "[^1]", "", 1)
	if err := os.WriteFile(filepath.Join(dir, page), []byte(mended), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := render(&rc), []string{heading}; !reflect.DeepEqual(got, want) {
		t.Errorf("mended: warned\n%q\nwant\n%q", got, want)
	}
}
