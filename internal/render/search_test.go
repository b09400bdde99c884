package render

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tongbao/internal/demo"
	"tongbao/internal/rank"
	"tongbao/internal/search"
	"tongbao/internal/site"
)

// A searchDoc is one row of the search index's table of documents, with
// its text: the row's own, or the plain text of the stretch of its page
// the row gives.
type searchDoc struct {
	Kind, Title, URL, Date, Number, Text string
}

// searchIndexDocs reads the rendered index's manifest and every page of
// its table, and each document's text where its row says it is (as
// search.js reads them), and returns the documents in the order of their
// numbers. A circular or a plain page must have been found in its page.
func searchIndexDocs(t *testing.T, files map[string][]byte) []searchDoc {
	t.Helper()
	var m search.Manifest
	dec := json.NewDecoder(bytes.NewReader(files["search-index.json"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil || m.V != search.Version {
		t.Fatalf("search-index.json (version %d): %v\n%.300s", m.V, err, files["search-index.json"])
	}
	var docs []searchDoc
	for p := 0; 8*p < len(m.Pages); p++ {
		name := fmt.Sprintf("search/d/%d.%s.json", p, m.Pages[8*p:8*p+8])
		var rows [][]any
		if err := json.Unmarshal(files[name], &rows); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range rows {
			d := searchDoc{r[0].(string), r[1].(string), r[2].(string), r[3].(string), r[4].(string), ""}
			switch {
			case len(r) == 6:
				d.Text = r[5].(string)
			case d.Kind == "u" || d.Kind == "i":
				t.Fatalf("%s: row %v; a unit's or an indicator's page carries its text", name, r)
			default:
				page, ok := files[d.URL+"index.html"]
				at, n := int(r[5].(float64)), int(r[6].(float64))
				if !ok || n == 0 || at >= len(page) || page[at] != '<' {
					t.Fatalf("%s: row %v; its body was not found in its page", name, r)
				}
				d.Text = search.PlainText(string(page[at:min(len(page), at+n)]))
			}
			docs = append(docs, d)
		}
	}
	if len(docs) != m.Docs {
		t.Fatalf("the table holds %d documents, the manifest says %d", len(docs), m.Docs)
	}
	return docs
}

var h1RE = regexp.MustCompile(`<h1[^>]*>([^<]*)</h1>`)

func TestSearchIndexSample(t *testing.T) {
	s := loadSample(t)
	files := renderFiles(t, s, "/tongbao/")
	docs := searchIndexDocs(t, files)
	if want := 2 + len(s.Townships) + len(s.Departments) + len(s.Indicators); len(docs) != want {
		t.Fatalf("%d documents; want the circular, 关于本站 and %d unit and indicator pages", len(docs), want-2)
	}
	// The dated documents come last, oldest first: 关于本站 and the
	// circular share a date; about/ sorts first.
	p, c := docs[len(docs)-2], docs[len(docs)-1]
	if c.Kind != "c" || c.URL != "circulars/2023/14/" || c.Number != "双政办函〔2023〕14号" || c.Date != "2023-04-03" ||
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
	if p.Kind != "p" || p.URL != "about/" || p.Title != "关于本站" || p.Date != "2023-04-03" || p.Number != "" ||
		!strings.HasPrefix(p.Text, "本站是邵阳市双清区“三重点”（重点工作、重点项目、重点任务）落实情况通报的网上公开存档") {
		t.Errorf("关于本站 is stored as %+v", p)
	}
	// Every unit and indicator page, titled as the page itself is.
	pages := 0
	for _, d := range docs[:len(docs)-2] {
		html := files[d.URL+"index.html"]
		m := h1RE.FindSubmatch(html)
		if m == nil || d.Date != "" || (d.Kind != "u" && d.Kind != "i") {
			t.Errorf("%+v: no such unit or indicator page", d)
			continue
		}
		if string(m[1]) != d.Title {
			t.Errorf("%s is titled %q in the index, %q on the page", d.URL, d.Title, m[1])
		}
		pages++
	}
	if pages != len(s.Townships)+len(s.Departments)+len(s.Indicators) {
		t.Errorf("%d unit and indicator pages", pages)
	}
}

// The index's files carry the SHA-256 they are named by, which the build
// takes for its manifest: it must be their bytes' (and the files named by
// it, all of them).
func TestSearchIndexSums(t *testing.T) {
	s := loadSample(t)
	out, err := Render(s, rank.Archive(s), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range out {
		named := strings.HasPrefix(o.Path, "search/") && !strings.HasSuffix(o.Path, ".gz") && o.Path != "search/index.html" || o.Path == "search-index.json"
		switch {
		case o.Sum == nil && named:
			t.Errorf("%s has no sum", o.Path)
		case o.Sum != nil && *o.Sum != sha256.Sum256(o.Data):
			t.Errorf("%s: the sum is not its bytes' SHA-256", o.Path)
		case o.Sum != nil:
			n++
		}
	}
	if n < 4 {
		t.Errorf("%d outputs with a sum", n)
	}
}

// Every file of the index but the files under 1 KB has a gzip copy
// holding the same bytes, for servers that send precompressed files; the
// small files (the pieces of the table of variants, 36 to 700 bytes)
// have none. No packs of texts: snippets are read from the pages.
func TestSearchIndexGzip(t *testing.T) {
	files := renderFiles(t, loadSample(t), "/")
	n, small := 0, 0
	for p, data := range files {
		if !strings.HasPrefix(p, "search") || strings.HasSuffix(p, ".gz") || p == "search/index.html" {
			continue
		}
		gz, ok := files[p+".gz"]
		if strings.HasPrefix(p, "search/t/") {
			t.Errorf("%s: a pack of texts", p)
		}
		if len(data) < 1024 {
			if ok {
				t.Errorf("%s (%d bytes) has a gzip copy", p, len(data))
			}
			if strings.HasPrefix(p, "search/v/") {
				small++
			}
			continue
		}
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if !ok || err != nil {
			t.Errorf("%s: no gzip copy (%v)", p, err)
			continue
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s.gz does not hold %s (%v)", p, p, err)
		}
		n++
	}
	if n < 3 || small != 82 {
		t.Errorf("%d files with a gzip copy, %d pieces of the variants without; want 3 or more, 82", n, small)
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
		`<label for="search-sort">排序</label>`,
		`<label for="search-year">年份</label>`,
		`role="status" aria-live="polite"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("search/index.html lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`<script src="/tongbao/assets/js/search\.[0-9a-f]{8}\.js"></script>`).FindString(page); m == "" {
		t.Error("search/index.html does not load the fingerprinted search.js under /tongbao/")
	}
	// The manifest comes before the script, which reads it as it runs
	// (the query starts before the page is laid out), with the base path.
	manifest := strings.Index(page, `<script type="application/json" id="search-index" data-base="/tongbao/">`)
	if script := strings.Index(page, `/assets/js/search.`); manifest < 0 || manifest > script {
		t.Errorf("search/index.html: the manifest (at %d) is not before search.js (at %d), with data-base", manifest, script)
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
	first := renderFiles(t, s, "/")
	for range 3 {
		again := renderFiles(t, s, "/")
		for p, data := range first {
			if strings.HasPrefix(p, "search") && !bytes.Equal(data, again[p]) {
				t.Fatalf("two renders of the sample give different %s", p)
			}
		}
	}
}

// TestSearchIndexPages: in a site of 250 documents (and the unit and
// indicator pages), each page's row says where its body is in the page
// (searchIndexDocs reads it there), whatever order the jobs finished in,
// and no pack of texts is written.
func TestSearchIndexPages(t *testing.T) {
	s := loadSample(t)
	about := s.Pages[0]
	s.Pages = nil
	for i := range 249 {
		p := *about
		p.File = fmt.Sprintf("content/p/%03d.md", i)
		p.Path = fmt.Sprintf("p/%03d/", i)
		p.Title = fmt.Sprintf("页面%03d", i)
		p.Body = append([]byte("第"+strconv.Itoa(i)+"页。"), p.Body...)
		s.Pages = append(s.Pages, &p)
	}
	files := renderFiles(t, s, "/")
	docs := searchIndexDocs(t, files)
	history := len(s.Townships) + len(s.Departments) + len(s.Indicators)
	if len(docs) != 250+history {
		t.Fatalf("%d documents", len(docs))
	}
	for p := range files {
		if strings.HasPrefix(p, "search/t/") {
			t.Errorf("%s: a pack of texts", p)
		}
	}
	// All 250 share the date: by URL, circulars/2023/14/ before p/….
	for i, d := range docs[history+1:] {
		if want := fmt.Sprintf("p/%03d/", i); d.URL != want || !strings.HasPrefix(d.Text, "第"+strconv.Itoa(i)+"页。本站是") {
			t.Fatalf("document %d is %s (%.20q), want %s", history+1+i, d.URL, d.Text, want)
		}
	}
}

// TestSearchIndexOwnLayout: a layout of a site's own that does not write
// a page's body as it is leaves the page without snippets (its row's
// stretch 0, 0), and the page still found by its words.
func TestSearchIndexOwnLayout(t *testing.T) {
	files := historySite()
	files["content/about.md"] = "+++\ntitle = \"关于本站\"\ndate = 2023-01-01\n+++\n本站公开考核通报。\n"
	files["layouts/page.html"] = "{{define \"main\"}}<h1>{{.Title}}</h1><div>{{.Content | printf \"%s\"}}</div>{{end}}\n"
	out := renderFiles(t, loadFiles(t, files), "/")
	if !strings.Contains(string(out["about/index.html"]), "<div>&lt;p&gt;本站公开考核通报。") {
		t.Fatalf("the layout wrote %s", out["about/index.html"])
	}
	var m search.Manifest
	if err := json.Unmarshal(out["search-index.json"], &m); err != nil {
		t.Fatal(err)
	}
	found := false
	for p := 0; 8*p < len(m.Pages); p++ {
		var rows [][]any
		if err := json.Unmarshal(out[fmt.Sprintf("search/d/%d.%s.json", p, m.Pages[8*p:8*p+8])], &rows); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r[2] == "about/" {
				found = true
				if len(r) != 7 || r[5] != 0.0 || r[6] != 0.0 {
					t.Errorf("about/ has the row %v; want its stretch 0, 0", r)
				}
			}
		}
	}
	if !found {
		t.Error("about/ is not in the documents table")
	}
}

// BenchmarkSearchIndex makes the search index of the 20-year demo
// archive (240 circulars) from bodies converted beforehand: the cost the
// search adds to a build (each body's tokens, the shards, the table and
// their gzip copies), but finding each body in its page.
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

// TestSearchIndexIncremental: in the preview server, a save analyses again
// only the page it changed and encodes again only the shards whose tokens
// moved: a word changed in a circular (研究 → 研讨: the tokens 研究, 究,
// 研讨 and 讨) leaves the other shards as they were, reused from the
// cache (the index still equals a fresh render's:
// TestCacheMatchesFreshRender). An edit that changes the text's length
// moves the weight or the place of tokens all over it, and most shards
// are made again; they are a few milliseconds' work.
func TestSearchIndexIncremental(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, loadSample(t), 5, 1); err != nil {
		t.Fatal(err)
	}
	pv := &preview{dir: dir}
	shards := func() map[string][]byte {
		t.Helper()
		m := map[string][]byte{}
		for _, o := range pv.render(t) {
			if strings.HasPrefix(o.Path, "search/s/") && !strings.HasSuffix(o.Path, ".gz") {
				m[o.Path] = o.Data
			}
		}
		return m
	}
	before := shards()
	circulars, _ := filepath.Glob(filepath.Join(dir, "content", "circulars", "[0-9][0-9][0-9][0-9]-[0-9][0-9].md"))
	name := circulars[len(circulars)/2]
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("推进偏慢")) {
		t.Fatalf("%s lacks 推进偏慢", name)
	}
	if err := os.WriteFile(name, bytes.Replace(src, []byte("推进偏慢"), []byte("推进偏迟"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	after := shards()
	reused := 0
	for p, data := range after {
		if b := before[p]; len(b) > 0 && &b[0] == &data[0] {
			reused++
		}
	}
	t.Logf("%d of %d shards reused", reused, len(after))
	if len(after) < 8 || reused == len(after) || reused < len(after)-4 {
		t.Errorf("%d of %d shards reused after a word was changed; want all but those of its 4 tokens", reused, len(after))
	}
}

// TestSearchIndexFormerName: an indicator renamed by a change (经济运行 to
// 经济运行监测 from 2023-02) is found by the name the circulars before it
// use: its page's text in the index says 曾用名：经济运行.
func TestSearchIndexFormerName(t *testing.T) {
	files := historySite()
	const inds = "data/indicators.toml"
	renamed := strings.Replace(files[inds], "decimals = 1\n[[indicator]]\nid = \"anquan\"",
		"decimals = 1\n[[indicator.change]]\nfrom = \"2023-02\"\nname = \"经济运行监测\"\n[[indicator]]\nid = \"anquan\"", 1)
	if renamed == files[inds] {
		t.Fatal("historySite's jingji is not as this test expects")
	}
	files[inds] = renamed
	s := loadFiles(t, files)
	for _, d := range searchIndexDocs(t, renderFiles(t, s, "/")) {
		if d.URL != "indicators/jingji/" {
			continue
		}
		if d.Title != "经济运行监测历次排名" || !strings.Contains(d.Text, "。曾用名：经济运行。") {
			t.Errorf("the renamed indicator's page is in the index as %q: %q", d.Title, d.Text)
		}
		return
	}
	t.Error("no document indicators/jingji/")
}

// TestCatalogueFormerName: the open data's catalogue names a renamed
// indicator by its newest name and lists the one it had (formerNames),
// by which the data.json and CSV of the months before call it.
func TestCatalogueFormerName(t *testing.T) {
	files := historySite()
	const inds = "data/indicators.toml"
	files[inds] = strings.Replace(files[inds], "decimals = 1\n[[indicator]]\nid = \"anquan\"",
		"decimals = 1\n[[indicator.change]]\nfrom = \"2023-02\"\nname = \"经济运行监测\"\n[[indicator]]\nid = \"anquan\"", 1)
	var cat struct {
		Indicators []struct {
			ID, Name    string
			FormerNames []string
		}
	}
	if err := json.Unmarshal(renderFiles(t, loadFiles(t, files), "/")["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	for _, ind := range cat.Indicators {
		if want := ind.ID == "jingji"; want != (ind.Name == "经济运行监测" && slices.Equal(ind.FormerNames, []string{"经济运行"})) {
			t.Errorf("the catalogue gives %s the name %s and former names %q", ind.ID, ind.Name, ind.FormerNames)
		}
	}
}

// TestSearchIndexUnitOtherNames: a unit's other names (units.toml
// otherNames) are in its page's entry of the index and on the page:
// 区发展和改革局 finds 区发改局.
func TestSearchIndexUnitOtherNames(t *testing.T) {
	files := historySite()
	const units = "data/units.toml"
	fagai := "name = \"区发改局\"\nslug = \"fagai\"\n"
	if !strings.Contains(files[units], fagai) {
		t.Fatal("historySite has no 区发改局")
	}
	files[units] = strings.Replace(files[units], fagai, fagai+"otherNames = [\"区发展和改革局\"]\n", 1)
	out := renderFiles(t, loadFiles(t, files), "/")
	found := false
	for _, d := range searchIndexDocs(t, out) {
		if d.URL == "units/fagai/" {
			found = true
			if !strings.Contains(d.Text, "也称区发展和改革局") {
				t.Errorf("区发改局's entry: %q", d.Text)
			}
		}
	}
	if !found {
		t.Error("no document units/fagai/")
	}
	if page := string(out["units/fagai/index.html"]); !strings.Contains(page, ">也称区发展和改革局</p>") {
		t.Error("区发改局's page does not say 也称区发展和改革局")
	}
	// The open data's catalogue has them too.
	var cat struct {
		Units []struct {
			Slug       string
			OtherNames []string
		}
	}
	if err := json.Unmarshal(out["data/catalogue.json"], &cat); err != nil {
		t.Fatal(err)
	}
	for _, u := range cat.Units {
		if want := u.Slug == "fagai"; want != slices.Equal(u.OtherNames, []string{"区发展和改革局"}) {
			t.Errorf("the catalogue gives %s the other names %q", u.Slug, u.OtherNames)
		}
	}
}

// searchNames reads the rendered index's list of names (search.Index):
// each name with the addresses of the pages it finds exactly, in the
// order of their numbers.
func searchNames(t *testing.T, files map[string][]byte) map[string][]string {
	t.Helper()
	docs := searchIndexDocs(t, files)
	var m search.Manifest
	if err := json.Unmarshal(files["search-index.json"], &m); err != nil {
		t.Fatal(err)
	}
	var rows [][2]any
	if err := json.Unmarshal(files["search/n/0."+m.Names+".json"], &rows); err != nil {
		t.Fatalf("the list of names: %v", err)
	}
	names := map[string][]string{}
	for _, r := range rows {
		name := r[0].(string)
		names[name] = append(names[name], docs[int(r[1].(float64))].URL)
	}
	return names
}

// formerUnitsSite is historySite after 丙镇 was renamed 丁镇 (until,
// became, from; 丙镇 also called 丙镇人民政府) and 乙街道 merged into
// 甲街道, assessed all along, both from 2023-02.
func formerUnitsSite(t *testing.T) map[string]string {
	t.Helper()
	f := historySite()
	const units = "data/units.toml"
	renamed := strings.Replace(f[units], "name = \"丙镇\"\nslug = \"bing\"\n",
		"name = \"丙镇\"\nslug = \"bing\"\nuntil = \"2023-01\"\nbecame = \"丁镇\"\notherNames = [\"丙镇人民政府\"]\n[[township]]\nname = \"丁镇\"\nslug = \"ding\"\nfrom = \"2023-02\"\n", 1)
	merged := strings.Replace(renamed, "name = \"乙街道\"\nslug = \"yi\"\n", "name = \"乙街道\"\nslug = \"yi\"\nuntil = \"2023-01\"\nbecame = \"甲街道\"\n", 1)
	if renamed == f[units] || merged == renamed {
		t.Fatal("historySite's units are not as this test expects")
	}
	f[units] = merged
	f["data/2023-02.toml"] = strings.ReplaceAll(f["data/2023-02.toml"], "丙镇", "丁镇")
	f["data/2023-02.toml"] = regexp.MustCompile(`"乙街道" = [0-9.]+\n`).ReplaceAllString(f["data/2023-02.toml"], "")
	return f
}

// TestSearchIndexFormerUnits: a unit's old name finds the page of the
// unit that continues it as well as its own: 丙镇, renamed 丁镇 (until,
// became, from), finds units/bing/ and units/ding/, whose text says 接续丙镇
// as its page does, and so does 丙镇's other name; 乙街道, merged into
// 甲街道 (assessed all along), finds units/yi/ and units/jia/, whose
// text says 乙街道并入. The new names find their own pages alone.
func TestSearchIndexFormerUnits(t *testing.T) {
	f := formerUnitsSite(t)
	files := renderFiles(t, loadFiles(t, f), "/")
	names := searchNames(t, files)
	for name, want := range map[string][]string{
		"丙镇":     {"units/bing/", "units/ding/"},
		"丙镇人民政府": {"units/bing/", "units/ding/"},
		"丁镇":     {"units/ding/"},
		"乙街道":    {"units/jia/", "units/yi/"},
		"甲街道":    {"units/jia/"},
	} {
		got := slices.Sorted(slices.Values(names[name]))
		if !slices.Equal(got, want) {
			t.Errorf("the name %s finds %q, want %q", name, got, want)
		}
	}
	for _, d := range searchIndexDocs(t, files) {
		want := map[string]string{"units/ding/": "。接续丙镇", "units/jia/": "。乙街道并入"}[d.URL]
		if want != "" && !strings.Contains(d.Text, want) {
			t.Errorf("%s's text %q lacks %s", d.URL, d.Text, want)
		}
	}
}

// groupsSite is an office ranking its villages by 乡镇 ([[group]]s):
// 东关村 and 西关村 of 城关镇, 向阳村 and 胜利村 of 青山镇.
func groupsSite() map[string]string {
	return map[string]string{
		"config.toml": "title = \"某县通报\"\nbaseURL = \"/\"\n[issuer]\nname = \"某县农业农村局\"\n[terms]\nunit = \"行政村\"\nscope = \"全县\"\n",
		"data/units.toml": "[[group]]\nname = \"城关镇\"\n[[group]]\nname = \"青山镇\"\n" +
			township("东关村", "dg", "城关镇") + township("西关村", "xg", "城关镇") + township("向阳村", "xy", "青山镇") + township("胜利村", "sl", "青山镇"),
		"data/indicators.toml": "[[indicator]]\nid = \"x\"\nname = \"村容村貌\"\nsection = \"重点工作\"\ntownships = \"all\"\n",
		"data/2025-01.toml":    "[[result]]\nindicator = \"x\"\n[result.townships]\n\"东关村\" = 90\n\"西关村\" = 80\n\"向阳村\" = 85\n\"胜利村\" = 70\n",
		"content/circulars/2025-01.md": "+++\nnumber = \"某农发〔2025〕1号\"\ntitle = \"关于2025年1月的通报\"\ndate = 2025-02-10\ndata = \"2025-01\"\n+++\n" +
			"{{< indicators \"重点工作\" >}}\n",
	}
}

// TestSearchIndexGroups: a group of units (units.toml [[group]]) is a
// document found exactly by its name, at its section of /rankings/,
// whose heading has that id and name; its text names its units.
func TestSearchIndexGroups(t *testing.T) {
	f := groupsSite()
	files := renderFiles(t, loadFiles(t, f), "/")
	names := searchNames(t, files)
	for name, want := range map[string]string{"城关镇": "rankings/#group-1", "青山镇": "rankings/#group-2"} {
		if got := names[name]; !slices.Equal(got, []string{want}) {
			t.Errorf("the name %s finds %q, want %s", name, got, want)
		}
	}
	found := false
	for _, d := range searchIndexDocs(t, files) {
		if d.URL == "rankings/#group-2" {
			found = true
			if d.Kind != "u" || d.Title != "青山镇各行政村" || !strings.Contains(d.Text, "向阳村、胜利村") {
				t.Errorf("青山镇's entry: %+v", d)
			}
		}
	}
	if !found {
		t.Error("no document rankings/#group-2")
	}
	if page := string(files["rankings/index.html"]); !strings.Contains(page, `<details class="fold" id="group-2" open data-fold="phone">`+"\n"+`        <summary><h3 class="fold-heading">青山镇</h3>`) {
		t.Error("/rankings/ has no section group-2 headed 青山镇")
	}
}
