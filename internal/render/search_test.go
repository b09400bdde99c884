package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/rank"
	"tongbao/internal/site"
)

// searchIndexFile is search-index.json as search.js reads it.
type searchIndexFile struct {
	V    int `json:"v"`
	Docs []struct {
		Title  string `json:"title"`
		URL    string `json:"url"`
		Date   string `json:"date"`
		Number string `json:"number"`
		Text   string `json:"text"`
	} `json:"docs"`
}

// decodeSearchIndex reads search-index.json and its parts from files and
// returns the documents of all the parts as one.
func decodeSearchIndex(t *testing.T, files map[string][]byte) *searchIndexFile {
	t.Helper()
	var head struct {
		V     int      `json:"v"`
		Parts []string `json:"parts"`
	}
	decode := func(name string, v any) {
		t.Helper()
		data, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	decode("search-index.json", &head)
	if head.V != 3 {
		t.Fatalf("search-index.json: version %d", head.V)
	}
	all := &searchIndexFile{V: 2}
	for _, p := range head.Parts {
		var f searchIndexFile
		decode(p, &f)
		if f.V != 2 {
			t.Fatalf("%s: version %d", p, f.V)
		}
		all.Docs = append(all.Docs, f.Docs...)
	}
	return all
}

func TestSearchIndexSample(t *testing.T) {
	files := renderFiles(t, loadSample(t), "/tongbao/")
	if got := string(files["search-index.json"]); got != "{\"v\":3,\"parts\":[\"search/docs-1.json\"]}\n" {
		t.Errorf("search-index.json is %q", got)
	}
	f := decodeSearchIndex(t, files)
	if len(f.Docs) != 2 {
		t.Fatalf("%d documents; want the circular and 关于本站", len(f.Docs))
	}
	c := f.Docs[0]
	if c.URL != "circulars/2023/14/" || c.Number != "双政办函〔2023〕14号" || c.Date != "2023-04-03" ||
		c.Title != "邵阳市双清区人民政府办公室关于区政府2023年1-2月“三重点”落实情况的通报" {
		t.Errorf("the circular is stored as %+v", c)
	}
	// The text is the rendered body as plain text: the sentences the
	// shortcodes wrote, no markup, no Markdown.
	for _, want := range []string{
		"经区政府研究，现将区政府2023年1-2月“三重点”落实情况通报如下：",
		"排名全区前三的为：桥头街道、石桥街道、爱莲街道",
	} {
		if !strings.Contains(c.Text, want) {
			t.Errorf("the circular's text lacks %q", want)
		}
	}
	if strings.ContainsAny(c.Text, "<>*\n") || strings.Contains(c.Text, "{{<") {
		t.Errorf("the circular's text holds markup: %.300q", c.Text)
	}
	// The plain page, converted once for its page and the index.
	p := f.Docs[1]
	if p.URL != "about/" || p.Title != "关于本站" || p.Date != "2023-04-03" || p.Number != "" ||
		!strings.HasPrefix(p.Text, "本站是邵阳市双清区“三重点”（重点工作、重点项目、重点任务）落实情况通报的网上公开存档") {
		t.Errorf("关于本站 is stored as %+v", p)
	}
	if !bytes.Contains(files["about/index.html"], []byte("<p>本站是邵阳市双清区“三重点”")) {
		t.Error("the plain page lost its content")
	}
}

// The page and every search form honour baseURL's path.
func TestSearchPageBaseURL(t *testing.T) {
	files := renderFiles(t, loadSample(t), "https://portal.example.gov.cn/tongbao/")
	page := string(files["search/index.html"])
	for _, want := range []string{
		`data-index="/tongbao/search-index.json" data-base="/tongbao/"`,
		`<form class="search-form" role="search" action="/tongbao/search/"`,
		`<label for="search-q">搜索词</label>`,
		`<input type="search" id="search-q" name="q"`,
		`role="status" aria-live="polite"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("search/index.html lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`<script src="/tongbao/assets/js/search\.[0-9a-f]{8}\.js" defer></script>`).FindString(page); m == "" {
		t.Error("search/index.html does not load the fingerprinted search.js under /tongbao/")
	}
	// One search form a page: the header's is left out on the search page.
	if strings.Contains(page, `id="site-search-q"`) {
		t.Error("the search page repeats the header's search form")
	}
	for _, name := range []string{"index.html", "circulars/2023/14/index.html", "about/index.html", "404.html"} {
		html := string(files[name])
		if !strings.Contains(html, `<form class="site-search" role="search" action="/tongbao/search/" aria-label="站内搜索">`) ||
			!strings.Contains(html, `<label for="site-search-q" class="visually-hidden">搜索通报和页面</label>`) ||
			!strings.Contains(html, `<input type="search" id="site-search-q" name="q"`) {
			t.Errorf("%s lacks the labelled header search form", name)
		}
	}
}

// The search index is the same bytes on every render.
func TestSearchIndexDeterministic(t *testing.T) {
	s := loadSample(t)
	first := renderFiles(t, s, "/")["search/docs-1.json"]
	for range 3 {
		if again := renderFiles(t, s, "/")["search/docs-1.json"]; !bytes.Equal(first, again) {
			t.Fatal("two renders of the sample give different search indexes")
		}
	}
}

// TestSearchIndexParts: a site of 250 documents has three parts of 100,
// 100 and 50 documents, in order: the circulars first, then the plain
// pages, whatever order the jobs finished in.
func TestSearchIndexParts(t *testing.T) {
	s := loadSample(t)
	about := s.Pages[0]
	s.Pages = nil
	for i := range 249 {
		p := *about
		p.File = fmt.Sprintf("content/p/%03d.md", i)
		p.Path = fmt.Sprintf("p/%03d/", i)
		p.Title = fmt.Sprintf("页面%03d", i)
		s.Pages = append(s.Pages, &p)
	}
	files := renderFiles(t, s, "/")
	want := "{\"v\":3,\"parts\":[\"search/docs-1.json\",\"search/docs-2.json\",\"search/docs-3.json\"]}\n"
	if got := string(files["search-index.json"]); got != want {
		t.Fatalf("search-index.json is %q, want %q", got, want)
	}
	f := decodeSearchIndex(t, files)
	if len(f.Docs) != 250 || f.Docs[0].URL != "circulars/2023/14/" {
		t.Fatalf("%d documents, the first %+v", len(f.Docs), f.Docs[0])
	}
	for i, d := range f.Docs[1:] {
		if want := fmt.Sprintf("p/%03d/", i); d.URL != want || !strings.HasPrefix(d.Text, "本站是") {
			t.Fatalf("document %d is %s (%.20q), want %s", i+1, d.URL, d.Text, want)
		}
	}
	for part, n := range map[string]int{"search/docs-1.json": 100, "search/docs-2.json": 100, "search/docs-3.json": 50} {
		if got := bytes.Count(files[part], []byte(`{"title":`)); got != n {
			t.Errorf("%s holds %d documents, want %d", part, got, n)
		}
	}
}

// BenchmarkSearchIndex builds search-index.json for the 20-year demo
// archive (240 circulars) from bodies converted beforehand: the cost the
// search adds to a build (the plain text of each body and its entry).
func BenchmarkSearchIndex(b *testing.B) {
	sample, err := site.Load("../..")
	if err != nil {
		b.Fatalf("loading the sample site: %v", err)
	}
	dir := filepath.Join(b.TempDir(), "demo")
	if err := demo.Write(dir, sample, 20, 1); err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	c, err := newCore(s, rank.Archive(s), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var size int
	c.emit = func(o Output) { size += len(o.Data) }
	circ := &circulars{core: c}
	x := &searchIndex{core: c, circ: circ}
	circ.search = x
	circ.convertBodies()
	for b.Loop() {
		size = 0
		x.start()
		x.finish()
	}
	if err := c.diags.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size), "bytes")
}
