package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/demo"
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
		Len    int    `json:"len"`
		Text   string `json:"text"`
	} `json:"docs"`
	Body  map[string][]int `json:"body"`
	Title map[string][]int `json:"title"`
}

func decodeSearchIndex(t *testing.T, data []byte) *searchIndexFile {
	t.Helper()
	var f searchIndexFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("search-index.json: %v", err)
	}
	return &f
}

// docsWith decodes a token's postings (pairs of document gap and count)
// into the URLs of the documents holding it.
func (f *searchIndexFile) docsWith(field map[string][]int, tok string) []string {
	var urls []string
	doc := 0
	list := field[tok]
	for i := 0; i+1 < len(list); i += 2 {
		doc += list[i]
		urls = append(urls, f.Docs[doc].URL)
	}
	return urls
}

func TestSearchIndexSample(t *testing.T) {
	files := renderFiles(t, loadSample(t), "/tongbao/")
	data, ok := files["search-index.json"]
	if !ok {
		t.Fatal("no search-index.json")
	}
	f := decodeSearchIndex(t, data)
	if f.V != 1 || len(f.Docs) != 2 {
		t.Fatalf("v %d, %d documents; want the circular and 关于本站", f.V, len(f.Docs))
	}
	c := f.Docs[0]
	if c.URL != "circulars/2023/14/" || c.Number != "双政办函〔2023〕14号" || c.Date != "2023-04-03" ||
		c.Title != "邵阳市双清区人民政府办公室关于区政府2023年1-2月“三重点”落实情况的通报" {
		t.Errorf("the circular is stored as %+v", c)
	}
	// The query 禁毒 finds the circular: its text holds the pair.
	if got := f.docsWith(f.Body, "禁毒"); len(got) != 1 || got[0] != "circulars/2023/14/" {
		t.Errorf("documents holding 禁毒: %q, want [circulars/2023/14/]", got)
	}
	if got := f.docsWith(f.Title, "14"); len(got) != 1 || got[0] != "circulars/2023/14/" {
		t.Errorf("documents with 14 in the title or 文号: %q", got)
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

// search-index.json is the same bytes on every render.
func TestSearchIndexDeterministic(t *testing.T) {
	s := loadSample(t)
	first := renderFiles(t, s, "/")["search-index.json"]
	for range 3 {
		if again := renderFiles(t, s, "/")["search-index.json"]; !bytes.Equal(first, again) {
			t.Fatal("two renders of the sample give different search indexes")
		}
	}
}

// BenchmarkSearchIndex builds search-index.json for the 20-year demo
// archive (240 circulars) from bodies converted beforehand: the cost the
// search adds to a build.
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
	r, err := newRenderer(s, Options{})
	if err != nil {
		b.Fatal(err)
	}
	r.convertBodies()
	var data []byte
	for b.Loop() {
		if data, err = r.searchIndex(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "bytes")
}
