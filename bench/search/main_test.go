package main

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/build"
)

// TestServe: the bench's server sends a file's gzip copy when there is one
// and the browser accepts it, compresses text that has none, honours
// ranges (uncompressed), and counts what it sent and what the browser
// reads.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	shard := []byte(strings.Repeat("shard ", 200))
	var gz strings.Builder
	w := gzip.NewWriter(&gz)
	w.Write(shard)
	w.Close()
	for name, data := range map[string]string{
		"search/s/0.ab.bin":    string(shard),
		"search/s/0.ab.bin.gz": gz.String(),
		"search/index.html":    strings.Repeat("<p>页面</p>", 100),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var m meter
	srv, addr, err := serve(dir, &m)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	get := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	res, body := get("/search/s/0.ab.bin")
	if res.Header.Get("Content-Encoding") != "gzip" || string(body) != gz.String() {
		t.Errorf("the shard was sent %q, %d bytes; want its gzip copy", res.Header.Get("Content-Encoding"), len(body))
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("the shard, named by its hash, was sent with Cache-Control %q; want immutable", cc)
	}
	transfer, decoded := m.read()
	if decoded != int64(len(shard)) || transfer <= int64(gz.Len()) || transfer > int64(gz.Len())+300 {
		t.Errorf("counted %d sent, %d read; want the copy and its header, and the shard", transfer, decoded)
	}
	// A snippet's stretch of a page, as search.js asks for it: a range,
	// sent as it is (nginx compresses no range).
	res, body = get("/search/", "Range", "bytes=3-5")
	if res.StatusCode != http.StatusPartialContent || string(body) != "页" || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("a range of the page: %d %q %q", res.StatusCode, body, res.Header.Get("Content-Encoding"))
	}
	res, body = get("/search/")
	if res.Header.Get("Content-Encoding") != "gzip" || len(body) >= 1000 {
		t.Errorf("the page was sent %q, %d bytes; want it compressed", res.Header.Get("Content-Encoding"), len(body))
	}
	if cc := res.Header.Get("Cache-Control"); cc != "" {
		t.Errorf("the page was sent with Cache-Control %q; want none (it keeps its name as it changes)", cc)
	}
}

// TestPagefindPage: the copy of the search page the theme builds (the
// repository's own site, under a path) loads Pagefind's API in place of
// search.js, without the manifest of tongbao's index, and keeps the rest.
func TestPagefindPage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{Source: "../..", Dest: dir, BaseURL: "/tongbao/"}); err != nil {
		t.Fatal(err)
	}
	if err := writePagefindPage(dir); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "pagefind-search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(got)
	if !strings.Contains(string(src), `id="search-index"`) || !searchScriptRE.Match(src) {
		t.Fatalf("the search page lacks the manifest or search.js:\n%s", src)
	}
	if strings.Contains(page, "/assets/js/search.") || strings.Contains(page, `id="search-index"`) ||
		!strings.Contains(page, `import(base + "pagefind/pagefind.js")`) ||
		!strings.Contains(page, `<div class="panel search" id="search" data-index="/tongbao/search-index.json" data-base="/tongbao/">`) ||
		!strings.Contains(page, "/tongbao/assets/js/page.") || !strings.HasSuffix(page, "</html>\n") {
		t.Errorf("the Pagefind page is\n%s", got)
	}
}

// TestQuantile: the quartiles the bench reports, against values worked
// out by hand (QUARTILE.INC's interpolation).
func TestQuantile(t *testing.T) {
	for _, c := range []struct {
		v    []float64
		q    float64
		want float64
	}{
		{[]float64{2, 4, 1, 3}, 0.25, 1.75}, // position 0.75 between 1 and 2
		{[]float64{3, 1, 4, 2}, 0.75, 3.25}, // position 2.25 between 3 and 4
		{[]float64{5, 1, 4, 2, 3}, 0.75, 4}, // position 3 exactly
		{[]float64{7}, 0.25, 7},
		{nil, 0.5, 0},
	} {
		if got := quantile(c.v, c.q); got != c.want {
			t.Errorf("quantile(%v, %v) = %v, want %v", c.v, c.q, got, c.want)
		}
	}
}
