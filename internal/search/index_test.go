package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// tinyDocs are three documents whose postings are worked out by hand below.
//
//	doc 0 title 禁毒通报            → 禁 禁毒 毒 毒通 通 通报 报
//	      text  禁毒工作。禁毒！     → 禁 禁毒 毒 毒工 工 工作 作 禁 禁毒 毒 (10 tokens)
//	doc 1 title About               → about
//	      text  Search the archive, search again. → search the archive search again (5)
//	doc 2 title 工作通报 + 文号 双政办函〔2023〕14号
//	            → 工 工作 作 作通 通 通报 报 双 双政 政 政办 办 办函 函 2023 14 号
//	      text  2023年工作          → 2023 年 年工 工 工作 作 (6)
var tinyDocs = []Document{
	{Title: "禁毒通报", URL: "circulars/2023/1/", Date: "2023-01-05", Text: "禁毒工作。禁毒！"},
	{Title: "About", URL: "about/", Text: "Search the archive, search again."},
	{Title: "工作通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号", Text: "2023年工作"},
}

func TestBuildPostings(t *testing.T) {
	ix := Build(tinyDocs)
	want := map[string][]Posting{
		"禁":       {{0, 2, 1}},
		"禁毒":      {{0, 2, 1}},
		"毒":       {{0, 2, 1}},
		"毒通":      {{0, 0, 1}},
		"毒工":      {{0, 1, 0}},
		"通":       {{0, 0, 1}, {2, 0, 1}},
		"通报":      {{0, 0, 1}, {2, 0, 1}},
		"报":       {{0, 0, 1}, {2, 0, 1}},
		"工":       {{0, 1, 0}, {2, 1, 1}},
		"工作":      {{0, 1, 0}, {2, 1, 1}},
		"作":       {{0, 1, 0}, {2, 1, 1}},
		"作通":      {{2, 0, 1}},
		"about":   {{1, 0, 1}},
		"search":  {{1, 2, 0}},
		"the":     {{1, 1, 0}},
		"archive": {{1, 1, 0}},
		"again":   {{1, 1, 0}},
		"双":       {{2, 0, 1}},
		"双政":      {{2, 0, 1}},
		"政":       {{2, 0, 1}},
		"政办":      {{2, 0, 1}},
		"办":       {{2, 0, 1}},
		"办函":      {{2, 0, 1}},
		"函":       {{2, 0, 1}},
		"2023":    {{2, 1, 1}},
		"14":      {{2, 0, 1}},
		"号":       {{2, 0, 1}},
		"年":       {{2, 1, 0}},
		"年工":      {{2, 1, 0}},
	}
	if !maps.EqualFunc(ix.Postings, want, slices.Equal) {
		for tok, ps := range ix.Postings {
			if !slices.Equal(ps, want[tok]) {
				t.Errorf("postings of %q = %v, want %v", tok, ps, want[tok])
			}
		}
		for tok := range want {
			if _, ok := ix.Postings[tok]; !ok {
				t.Errorf("no postings for %q", tok)
			}
		}
	}
	if !slices.Equal(ix.Lengths, []int{10, 5, 6}) {
		t.Errorf("lengths %v, want [10 5 6]", ix.Lengths)
	}
}

// indexFile is search-index.json as search.js reads it.
type indexFile struct {
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

func TestIndexJSON(t *testing.T) {
	data := Build(tinyDocs).JSON()
	var f indexFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("search-index.json does not decode: %v\n%s", err, data)
	}
	if f.V != 1 || len(f.Docs) != 3 {
		t.Fatalf("v %d, %d docs", f.V, len(f.Docs))
	}
	d := f.Docs[2]
	if d.Title != "工作通报" || d.URL != "circulars/2023/14/" || d.Date != "2023-04-03" || d.Number != "双政办函〔2023〕14号" || d.Len != 6 || d.Text != "2023年工作" {
		t.Errorf("doc 2 stored as %+v", d)
	}
	if f.Docs[1].Date != "" || f.Docs[1].Number != "" || f.Docs[1].Len != 5 {
		t.Errorf("doc 1 stored as %+v", f.Docs[1])
	}
	// Pairs of (gap from the previous posting's document, count); tokens
	// without occurrences in a field are not listed in it.
	wantBody := map[string][]int{
		"2023": {2, 1}, "again": {1, 1}, "archive": {1, 1}, "search": {1, 2}, "the": {1, 1},
		"作": {0, 1, 2, 1}, "工": {0, 1, 2, 1}, "工作": {0, 1, 2, 1}, "年": {2, 1}, "年工": {2, 1},
		"毒": {0, 2}, "毒工": {0, 1}, "禁": {0, 2}, "禁毒": {0, 2},
	}
	wantTitle := map[string][]int{
		"14": {2, 1}, "2023": {2, 1}, "about": {1, 1},
		"作": {2, 1}, "作通": {2, 1}, "函": {2, 1}, "办": {2, 1}, "办函": {2, 1}, "双": {2, 1}, "双政": {2, 1},
		"号": {2, 1}, "工": {2, 1}, "工作": {2, 1}, "报": {0, 1, 2, 1}, "政": {2, 1}, "政办": {2, 1},
		"毒": {0, 1}, "毒通": {0, 1}, "禁": {0, 1}, "禁毒": {0, 1}, "通": {0, 1, 2, 1}, "通报": {0, 1, 2, 1},
	}
	if !maps.EqualFunc(f.Body, wantBody, slices.Equal) {
		t.Errorf("body postings\n got %v\nwant %v", f.Body, wantBody)
	}
	if !maps.EqualFunc(f.Title, wantTitle, slices.Equal) {
		t.Errorf("title postings\n got %v\nwant %v", f.Title, wantTitle)
	}
	// Tokens are listed in byte order: 2023 < again < 作 (U+4F5C) < 工 (U+5DE5) < 禁 (U+7981).
	body := string(data[bytes.Index(data, []byte(`"body"`)):])
	last := -1
	for _, tok := range []string{`"2023"`, `"again"`, `"作"`, `"工"`, `"禁"`} {
		i := strings.Index(body, tok)
		if i <= last {
			t.Errorf("%s is out of order in the body postings", tok)
		}
		last = i
	}
}

// Equal input gives equal bytes, whatever the order maps are visited in.
func TestIndexJSONDeterministic(t *testing.T) {
	first := Build(tinyDocs).JSON()
	for range 20 {
		again := Build(tinyDocs).JSON()
		if !bytes.Equal(first, again) {
			t.Fatal("two builds of the same documents differ")
		}
	}
}

// Text is stored as it is, not HTML-escaped: the file is data, never
// markup. What JSON requires is escaped, and the file decodes to the text.
func TestIndexJSONStrings(t *testing.T) {
	doc := Document{
		Title:  "<script>alert(1)</script> & “引号”",
		URL:    "a/",
		Number: "say \"hi\" \\ back\\slash",
		Text:   "tab\tnew\nline\r\x00\x1f\x7f ls\u2028ps\u2029 bad\xffbyte 中文",
	}
	data := Build([]Document{doc}).JSON()
	for _, want := range []string{
		`"title":"<script>alert(1)</script> & “引号”"`,
		`"number":"say \"hi\" \\ back\\slash"`,
		`"text":"tab\tnew\nline\r\u0000\u001f` + "\x7f" + ` ls\u2028ps\u2029 bad\ufffdbyte 中文"`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("search-index.json lacks %s:\n%s", want, data)
		}
	}
	var f indexFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("search-index.json does not decode: %v\n%s", err, data)
	}
	d := f.Docs[0]
	if d.Title != doc.Title || d.Number != doc.Number || d.Text != strings.ToValidUTF8(doc.Text, "\uFFFD") {
		t.Errorf("decoded %+v", d)
	}
}

// TestMergerAnyOrder: documents added in any order, from several
// goroutines, give the index Merge gives in order, byte for byte.
func TestMergerAnyOrder(t *testing.T) {
	docs := []Document{
		{Title: "禁毒工作通报", URL: "a/", Text: "禁毒宣传，禁毒办牵头。Drug 2023"},
		{Title: "信访", URL: "b/", Number: "测政办函〔2023〕5号", Text: "信访工作排名第一；禁毒第二。"},
		{Title: "关于本站", URL: "c/", Text: "本站 drug-free 信息。"},
		{Title: "空白", URL: "d/"},
	}
	as := make([]*Analysis, len(docs))
	for i, d := range docs {
		as[i] = Analyze(d)
	}
	want := Merge(as).JSON()
	m := NewMerger(len(docs))
	var wg sync.WaitGroup
	for _, i := range []int{2, 0, 3, 1} {
		wg.Go(func() { m.Add(i, as[i]) })
	}
	wg.Wait()
	if got := m.Index().JSON(); !bytes.Equal(got, want) {
		t.Errorf("out of order:\n%s\nin order:\n%s", got, want)
	}
}
