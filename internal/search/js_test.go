package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/theme"
)

// node finds node for the tests of search.js; under CI=true it must exist.
func node(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found: the tests of search.js must run under CI (apt-get install nodejs)")
		}
		t.Skip("node not found: skipping the tests of search.js (apt-get install nodejs)")
	}
	return p
}

// jsPrelude loads search.js as s, the JSON of the test's input as input,
// and, when the test gives a folder of index files, index: an Index
// reading them (ranges cut from the whole file, as a server would; a
// path ending in / is its index.html, a page).
const jsPrelude = `
const s = require(process.argv[1]);
const fs = require("fs"), path = require("path");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const dir = process.argv[2];
const net = {
  bytes: async (p) => new Uint8Array(fs.readFileSync(path.join(dir, p))),
  json: async (p) => JSON.parse(fs.readFileSync(path.join(dir, p), "utf8")),
  range: async (p, a, b) => new Uint8Array(fs.readFileSync(path.join(dir, p.endsWith("/") ? p + "index.html" : p))).subarray(a, b),
};
const index = dir ? new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), net) : null;
const print = (v) => process.stdout.write(JSON.stringify(v));
// plain is decoded postings as Go's postings type reads them.
const plain = (q) => ({Body: Array.from(q.body), Places: Array.from(q.body, (_, k) => q.place(k)), Weights: q.weights ? Array.from(q.weights) : null, Title: Array.from(q.title)});
`

// runJS runs script under node with jsPrelude, the JSON of in as input
// and the index files (if any) in a folder; the script prints JSON to
// stdout, which is decoded into out.
func runJS(t *testing.T, script string, files map[string][]byte, in, out any) {
	t.Helper()
	// The script as a build publishes it (theme.LeanJS: its comments
	// left out), which is what the browser runs.
	abs := filepath.Join(t.TempDir(), "search.js")
	if err := os.WriteFile(abs, theme.LeanJS("assets/js/search.js"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := ""
	if files != nil {
		dir = t.TempDir()
		for p, data := range files {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node(t), "-e", jsPrelude+"(async () => {\n"+script+"\n})().catch(e => { console.error(e); process.exit(1); });", abs, dir)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("node printed %q: %v", stdout, err)
	}
}

// TestJSTokenize runs search.js's tokeniser under node on the hand-checked
// cases and on the tricky strings, which must give Go's tokens; its
// tokenHash and Key must be Go's too.
func TestJSTokenize(t *testing.T) {
	var in []string
	for _, c := range tokenizeCases {
		in = append(in, c.in)
	}
	in = append(in, parityStrings...)
	var got []struct {
		Tokens []string
		Hashes []uint32
		Key    string
	}
	runJS(t, `print(input.map(q => {
  const tokens = s.tokenize(q);
  return {Tokens: tokens, Hashes: tokens.map(s.tokenHash), Key: s.parseQuery(q).key};
}));`, nil, in, &got)
	if len(got) != len(in) {
		t.Fatalf("node returned %d lists for %d strings", len(got), len(in))
	}
	for i, c := range tokenizeCases {
		if !slices.Equal(got[i].Tokens, c.want) && !(len(got[i].Tokens) == 0 && len(c.want) == 0) {
			t.Errorf("search.js tokenize(%q) = %q, want %q", c.in, got[i].Tokens, c.want)
		}
	}
	for i, s := range in {
		js, goToks := got[i].Tokens, Tokenize(s)
		if !slices.Equal(js, goToks) && !(len(js) == 0 && len(goToks) == 0) {
			t.Errorf("tokens of %q:\n search.js %q\n Go        %q", s, js, goToks)
			continue
		}
		for k, tok := range goToks {
			if got[i].Hashes[k] != tokenHash(tok) {
				t.Errorf("tokenHash(%q): search.js %#08x, Go %#08x", tok, got[i].Hashes[k], tokenHash(tok))
			}
		}
		if got[i].Key != Key(s) {
			t.Errorf("key of %q: search.js %q, Go %q", s, got[i].Key, Key(s))
		}
	}
}

// TestJSQueryTerms: a document should hold the words, the pairs of the Han
// runs, the lone Han characters of the query and the pairs of a word and
// the Han character after it.
func TestJSQueryTerms(t *testing.T) {
	queries := []string{"禁毒", "禁毒工作", "禁 毒", "2023年禁毒", "a禁b", "禁毒 禁毒工作", "2022年3月", "双政办函2023 10号", "落实“三重点”工作", "落实 三重点", "安全、生产", "《安全法》（试行）"}
	want := [][]string{
		{"禁毒"},
		{"禁毒", "毒工", "工作"},
		{"禁", "毒"},
		{"2023", "年禁", "禁毒", "2023年"},
		{"a", "禁", "b", "a禁"},
		{"禁毒", "毒工", "工作"},
		// A number and its unit: the month is 3月, not a 3 anywhere.
		{"2022", "年", "3", "月", "2022年", "3月"},
		{"双政", "政办", "办函", "2023", "10", "号", "10号"},
		// Joiners join a run, a space or a 、 parts it.
		{"落实", "实三", "三重", "重点", "点工", "工作"},
		{"落实", "三重", "重点"},
		{"安全", "生产"},
		{"安全", "全法", "法试", "试行"},
	}
	var got [][]string
	runJS(t, `print(input.map(q => s.parseQuery(q).terms));`, nil, queries, &got)
	for i, q := range queries {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("terms of %q = %q, want %q", q, got[i], want[i])
		}
	}
}

// randomIndex is the index of 400 random documents in many small shards,
// with many postings out of line.
func randomIndex(t *testing.T) map[string][]byte {
	t.Helper()
	texts := randomTexts(400)
	var docs []Document
	for i, text := range texts {
		docs = append(docs, Document{Kind: Page, Title: texts[(i+5)%len(texts)], URL: fmt.Sprintf("p/%d/", i), Text: text})
	}
	_, files := buildBig(t, docs, 32, 48)
	return files
}

// TestJSDecode: search.js reads every token's postings in every shard of
// an index of random documents, cut into many shards, many postings out
// of line, as the Go decoder of the format does.
func TestJSDecode(t *testing.T) {
	files := randomIndex(t)
	m := readManifest(t, files)
	var shards []string
	for i := 0; i < len(m.Shards)/8; i++ {
		if h := m.Shards[8*i : 8*i+8]; h != "00000000" {
			shards = append(shards, fmt.Sprintf("search/s/%d.%s.bin", i, h))
		}
	}
	var got []map[string]postings
	runJS(t, `
const out = [];
for (const p of input.shards) {
  const buf = await net.bytes(p);
  const toks = s.parseShard(buf);
  const m = {};
  for (const [tok, at] of toks) {
    const file = at.file ? await net.bytes("search/p/" + at.file + ".bin") : null;
    const q = file ? s.decodePostings(file, 0, file.length, input.n) : s.decodePostings(buf, at[0], at[1], input.n);
    m[tok] = plain(q);
  }
  out.push(m);
}
print(out);`, files, map[string]any{"shards": shards, "n": m.Docs}, &got)
	all := shardsOf(t, files)
	n := 0
	for _, m := range got {
		for tok, p := range m {
			want := all[tok]
			want.File = "" // where the postings lie; the JSON has none
			if want.Weights != nil && len(want.Weights) == 0 {
				want.Weights = []int{}
			}
			if p.Weights != nil && len(p.Weights) == 0 {
				p.Weights = []int{}
			}
			if fmt.Sprint(p) != fmt.Sprint(want) || (p.Weights == nil) != (want.Weights == nil) {
				t.Errorf("postings of %q: search.js %+v, Go %+v", tok, p, want)
			}
			n++
		}
	}
	if n != len(all) || n < 500 {
		t.Errorf("search.js read %d tokens, Go %d", n, len(all))
	}
}

// searchDocs are five documents; TestJSSearch's results are worked out by
// hand from them. Numbered: the unit page 0, then by date 1 … 4.
var searchDocs = []Document{
	{Kind: Unit, Title: "东风路街道历次考核排名", URL: "units/dongfenglu/", Names: []string{"东风路街道"}, Text: "东风路街道历次综合考核排名和各单项指标排名"},
	{Kind: Circular, Title: "关于安全生产工作的通报", URL: "circulars/2021/5/", Date: "2021-05-01", Number: "双政办函〔2021〕5号",
		Text: "安全生产、安全生产、安全生产形势平稳。东风路街道表现突出。"},
	{Kind: Circular, Title: "关于禁毒工作的通报", URL: "circulars/2022/3/", Date: "2022-03-01", Number: "双政办函〔2022〕3号",
		Text: "安全是底线，生产是中心。禁毒工作有序推进。"},
	{Kind: Circular, Title: "关于安全生产和禁毒的通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号",
		Text: "安全生产、禁毒两项工作。兴隆街道排名第一。"},
	{Kind: Page, Title: "关于本站", URL: "about/", Date: "2023-06-01", Text: "本站发布通报。安全。"},
}

// TestJSSearch ranks the five documents with search.js.
func TestJSSearch(t *testing.T) {
	type query struct {
		Q    string `json:"q"`
		Sort string `json:"sort"`
		Year int    `json:"year"`
	}
	type found struct{ Exact, Complete, Partial []int }
	cases := []struct {
		q    query
		want found
	}{
		// 1 and 3 hold 安全, 全生 and 生产, in the title and the text; 1
		// more often. 2 holds 安全 and 生产 apart: two terms of three. 4
		// holds only 安全: one of three is not enough.
		{query{Q: "安全生产"}, found{nil, []int{1, 3}, []int{2}}},
		{query{Q: "安全生产", Sort: "new"}, found{nil, []int{3, 1}, []int{2}}},
		{query{Q: "安全生产", Year: 2023}, found{nil, []int{3}, nil}},
		{query{Q: "安全生产", Year: 2022}, found{nil, nil, []int{2}}},
		// A 文号: its circular first; the others hold 双政, 政办, 办函 and
		// 号, four of its six terms.
		{query{Q: "双政办函〔2022〕3号", Sort: "new"}, found{[]int{2}, []int{2}, []int{3, 1}}},
		{query{Q: "双政办函2022 3号", Sort: "new"}, found{[]int{2}, []int{2}, []int{3, 1}}},
		// A unit's name: its page first, then the circular that names it.
		{query{Q: "东风路街道"}, found{[]int{0}, []int{0, 1}, nil}},
		{query{Q: "街道", Sort: "new"}, found{nil, []int{3, 1, 0}, nil}},
		// Tokens that occur nowhere find nothing, alone or with others.
		{query{Q: "火车站乡行政负责人"}, found{}},
		{query{Q: "xyzzy"}, found{}},
		{query{Q: "constructor"}, found{}},
		{query{Q: "，。"}, found{}},
		{query{Q: "禁毒 xyzzy", Sort: "new"}, found{nil, nil, []int{3, 2}}},
	}
	_, files := build(t, searchDocs, shardTarget)
	var qs []query
	for _, c := range cases {
		qs = append(qs, c.q)
	}
	var got []found
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q.q, {sort: q.sort, year: q.year});
  out.push({Exact: f.exact, Complete: f.complete, Partial: f.partial});
  // Only the first of each list in order, then the rest: the same lists.
  const g = await s.search(index, q.q, {sort: q.sort, year: q.year, first: 1});
  const firsts = [g.complete[g.exact.length], g.partial[0]];
  g.sortRest();
  if (JSON.stringify([g.exact, g.complete, g.partial]) !== JSON.stringify([f.exact, f.complete, f.partial]) ||
      firsts[0] !== f.complete[f.exact.length] || firsts[1] !== f.partial[0]) {
    throw new Error("first: 1 gives " + JSON.stringify(firsts) + " then " + JSON.stringify([g.complete, g.partial]) + " for " + q.q);
  }
}
print(out);`, files, qs, &got)
	for i, c := range cases {
		if fmt.Sprint(got[i]) != fmt.Sprint(c.want) {
			t.Errorf("search(%+v) = %v, want %v", c.q, got[i], c.want)
		}
	}
}

// TestJSPostingsFetched: search.js fetches a token's postings out of line
// at once, without its shard, when the manifest names them, and the shard
// alone otherwise; either way it gets Go's postings.
func TestJSPostingsFetched(t *testing.T) {
	files := randomIndex(t)
	m := readManifest(t, files)
	all := shardsOf(t, files)
	var toks []string
	big := 0
	for tok := range all {
		toks = append(toks, tok)
	}
	slices.Sort(toks)
	for _, tok := range toks {
		if m.Big[tok] != "" {
			big++
		}
	}
	if big < 10 || big == len(toks) {
		t.Fatalf("%d of %d tokens' postings out of line: the test wants some of each", big, len(toks))
	}
	type fetched struct {
		Paths    []string
		Postings postings
	}
	var got []fetched
	runJS(t, `
const out = [];
for (const tok of input) {
  const paths = [];
  const counting = {
    bytes: (p) => { paths.push(p); return net.bytes(p); },
    json: net.json,
    range: net.range,
  };
  const x = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
  const q = await x.postings(tok);
  out.push({Paths: paths, Postings: plain(q)});
}
print(out);`, files, toks, &got)
	for i, tok := range toks {
		want := all[tok]
		var paths []string
		if h := m.Big[tok]; h != "" {
			paths = []string{"search/p/" + h + ".bin"}
		} else {
			sh := tokenHash(tok) >> (32 - bits.Len(uint(len(m.Shards)/8-1)))
			paths = []string{fmt.Sprintf("search/s/%d.%s.bin", sh, m.Shards[8*sh:8*sh+8])}
		}
		if !slices.Equal(got[i].Paths, paths) {
			t.Errorf("postings of %q fetched %q, want %q", tok, got[i].Paths, paths)
		}
		want.File = ""
		p := got[i].Postings
		if len(p.Weights) == 0 && len(want.Weights) == 0 {
			p.Weights, want.Weights = nil, nil
		}
		if fmt.Sprint(p) != fmt.Sprint(want) {
			t.Errorf("postings of %q: search.js %+v, Go %+v", tok, p, want)
		}
	}
}

// TestJSDocumentFrequency: a term's document frequency counts the
// documents holding it in the title or the text, each once. 甲乙 is in
// the titles of twelve documents and the text of one (A); 丙丁 in the text
// of three (B among them). A and B each hold one of the two terms, once,
// in texts of the same length: B's term is the rarer (3 documents against
// 13), so B ranks before A among the partial matches.
func TestJSDocumentFrequency(t *testing.T) {
	filler := strings.Repeat("工作安排。", 8)
	docs := []Document{
		{Kind: Page, Title: "文件甲", URL: "a/", Text: "甲乙" + filler},
		{Kind: Page, Title: "文件乙", URL: "b/", Text: "丙丁" + filler},
		{Kind: Page, Title: "文件丙", URL: "c/", Text: "丙丁" + filler + "其他"},
		{Kind: Page, Title: "文件丁", URL: "d/", Text: "丙丁" + filler + "另外"},
	}
	for i := range 12 {
		docs = append(docs, Document{Kind: Page, Title: fmt.Sprintf("甲乙通知%d", i), URL: fmt.Sprintf("t%d/", i), Text: filler})
	}
	as, files := build(t, docs, shardTarget)
	id := map[string]int{}
	for n, a := range as {
		id[a.Doc.URL] = n
	}
	var got []int
	runJS(t, `const f = await s.search(index, "甲乙 丙丁", {}); print(f.partial);`, files, nil, &got)
	a, b := slices.Index(got, id["a/"]), slices.Index(got, id["b/"])
	if a < 0 || b < 0 || b > a {
		t.Errorf("partial matches %v: want B (%d) before A (%d)", got, id["b/"], id["a/"])
	}
}

// TestJSSearchCommonTerms: terms most documents hold, whose postings
// list the documents that do not (decoded with absent, counted by
// addAllBut), rank as they do counted one document at a time (addTerm,
// the postings given without absent): the same exact, complete and
// partial matches in the same order, by weight and newest first, in a
// year and out of it. Some documents lack a common term, hold it only in
// the title, or are the one whose title is the query.
func TestJSSearchCommonTerms(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	common := []string{"安全生产", "工作", "检查", "督办"}
	rare := []string{"森林防火", "东风路", "禁毒"}
	var docs []Document
	for i := range 300 {
		var text, title []string
		for _, w := range common {
			if rng.IntN(40) > 0 {
				text = append(text, strings.Repeat(w, 1+rng.IntN(3)))
			}
			if rng.IntN(10) == 0 {
				title = append(title, w)
			}
		}
		for _, w := range rare {
			if rng.IntN(5) == 0 {
				text = append(text, w)
			}
		}
		rng.Shuffle(len(text), func(a, b int) { text[a], text[b] = text[b], text[a] })
		d := Document{Kind: Page, Title: "通知" + strings.Join(title, "") + fmt.Sprint(i), URL: fmt.Sprintf("p%d/", i),
			Date: fmt.Sprintf("%d-%02d-01", 2020+i%4, 1+i%12), Text: strings.Join(text, "，") + "。"}
		if i == 7 {
			d.Title = "安全生产工作"
		}
		docs = append(docs, d)
	}
	_, files := build(t, docs, shardTarget)
	type ask struct {
		Q    string `json:"q"`
		Sort string `json:"sort"`
		Year int    `json:"year"`
	}
	var asks []ask
	for _, q := range []string{"安全生产", "安全生产工作", "工作检查", "安全 督办 禁毒", "森林防火 检查", "东风路 安全生产 工作 督办"} {
		for _, sort := range []string{"", "new"} {
			for _, year := range []int{0, 2022} {
				asks = append(asks, ask{q, sort, year})
			}
		}
	}
	var got struct {
		Absent int       `json:"absent"`
		Fast   [][][]int `json:"fast"`
		Slow   [][][]int `json:"slow"`
	}
	runJS(t, `
const lists = (f) => [f.exact, f.complete, f.partial].map((l) => Array.from(l));
const fast = [], slow = [];
for (const a of input) {
  fast.push(lists(await s.search(index, a.q, {sort: a.sort, year: a.year})));
}
// The same postings, without absent: counted one document at a time.
let absent = 0;
const postings = index.postings.bind(index);
index.postings = (tok) => postings(tok).then((p) => {
  if (!p || !p.absent) return p;
  absent++;
  return {body: p.body, size: p.size, absent: null, rank: p.rank, place: p.place, weights: p.weights, title: p.title};
});
index.postingsOf = new Map();
for (const a of input) {
  slow.push(lists(await s.search(index, a.q, {sort: a.sort, year: a.year})));
}
print({absent, fast, slow});`, files, asks, &got)
	if got.Absent == 0 {
		t.Fatal("no postings listed their absent documents: the test does not reach addAllBut")
	}
	for i, a := range asks {
		if fmt.Sprint(got.Fast[i]) != fmt.Sprint(got.Slow[i]) {
			t.Errorf("search(%+v) = %v, counted one document at a time %v", a, got.Fast[i], got.Slow[i])
		}
		if len(got.Fast[i][1])+len(got.Fast[i][2]) == 0 {
			t.Errorf("search(%+v) found nothing", a)
		}
	}
}

// TestJSMarks: only whole parts of the query are marked: a Han run
// character for character, a word whole, touching ones merged.
func TestJSMarks(t *testing.T) {
	cases := []struct {
		text, q string
		want    []string
	}{
		{"东风路街道和兴隆街道", "东风路街道", []string{"东风路街道"}},
		{"火车站乡的行政负责人", "火车站乡行政负责人", nil},
		{"禁毒工作，禁毒", "禁毒 工作", []string{"禁毒工作", "禁毒"}},
		{"全年ＧＤＰ增长，gdp2023", "gdp", []string{"ＧＤＰ"}},
		{"禁\u20dd毒", "禁毒", []string{"禁\u20dd毒"}},
		{"2023年14号文件", "14号", []string{"14号"}},
		// A number and the characters after it are marked together only:
		// not the 月 of 本月, the 年 of 年度 or 2021年.
		{"本月完成年度任务，2022年3月考核。2021年3月，3 月", "2022年3月", []string{"2022年3月", "3月"}},
		{"第10号，10号，第十号", "第10号", []string{"第10号", "10号", "第"}},
		// A run typed without the page's marks is marked with them; not
		// across a space (a paragraph's end).
		{"全面落实“三重点”工作。", "落实三重点工作", []string{"落实“三重点”工作"}},
		{"落实 三重点工作", "落实三重点工作", nil},
		// Nor across clause punctuation: 安全、生产 is no 安全生产.
		{"安全、生产，落实。", "安全生产", nil},
		{"《安全生产法》（试行）", "安全生产法试行", []string{"安全生产法》（试行"}},
		// A number typed against another part of the query, with no space
		// between (the 1 of 2023年1-2月, the 2023 of 〔2023〕14号, the 5 of
		// PM10-5), is marked only where it stands so in the text: not every
		// list's （1） or every 2023年 of a page. Typed apart, or alone, it is
		// a word of its own, marked wherever it is.
		{"（1）规模工业。现将2023年1-2月情况", "2023年1-2月", []string{"2023年1", "2月"}},
		{"双政办函〔2023〕14号，2023年目标", "〔2023〕14号", []string{"2023", "14号"}},
		{"PM10-5浓度，5月", "PM10-5", []string{"PM10", "5"}},
		// A decimal number is one word: PM2.5 whole, and neither the 95 of
		// 17.95 nor 95分 in 87.95分.
		{"PM2.5浓度，5月", "PM2.5", []string{"PM2.5"}},
		{"增长17.95%，得分87.95分，95分以上", "95分", []string{"95分"}},
		{"增长17.95%，95%", "95%", []string{"95"}},
		{"2022年禁毒", "禁毒 2022", []string{"2022", "禁毒"}},
		{"1-2月，（1）", "1-2", []string{"1", "2", "1"}},
		{"双政办函〔2021〕5号，2021年度", "双政办函2021", []string{"双政办函", "2021", "2021"}},
	}
	// In a partial match, the text of a document that does not hold the
	// query whole, the longest stretches of two or more characters of a
	// run are marked too: what it holds of the query; not one character
	// alone (境 of 营商环境), nor across a mark.
	partial := []struct {
		text, q string
		want    []string
	}{
		{"优化营商环境，推进卫生整治。", "环境卫生整治", []string{"环境", "卫生整治"}},
		{"东风路街道和兴隆街道", "东风路街道办", []string{"东风路街道", "街道"}},
		{"环境、卫生", "环境卫生", []string{"环境", "卫生"}},
		{"困境与环节", "营商环境", nil},
		{"禁毒工作，安全", "禁毒 安全生产", []string{"禁毒", "安全"}},
	}
	var in []any
	for _, c := range cases {
		in = append(in, []any{c.text, c.q, false})
	}
	for _, c := range partial {
		in = append(in, []any{c.text, c.q, true})
	}
	var got [][][2]int
	runJS(t, `print(input.map(([text, q, partial]) => s.marks(text, s.parseQuery(q), partial)));`, nil, in, &got)
	for i, c := range append(cases, partial...) {
		var marked []string
		for _, r := range got[i] {
			marked = append(marked, utf16Slice(c.text, r[0], r[1]))
		}
		if !slices.Equal(marked, c.want) {
			t.Errorf("marks of %q in %q (partial %v): %q, want %q", c.q, c.text, i >= len(cases), marked, c.want)
		}
	}
}

// utf16Slice is s[from:to) in UTF-16 units, as JavaScript counts.
func utf16Slice(s string, from, to int) string {
	var b strings.Builder
	at := 0
	for _, r := range s {
		n := 1
		if r > 0xFFFF {
			n = 2
		}
		if at >= from && at < to {
			b.WriteRune(r)
		}
		at += n
	}
	return b.String()
}

// TestJSSnippet checks the window of text shown and its marks.
func TestJSSnippet(t *testing.T) {
	type piece struct {
		Text string `json:"text"`
		Mark bool   `json:"mark"`
	}
	long := strings.Repeat("甲", 200) + "禁毒工作" + strings.Repeat("乙", 200)
	cases := []struct {
		text, query string
		cut         bool
		want        []piece
	}{
		{"禁毒禁毒，禁毒", "禁毒", false, []piece{{"禁毒禁毒", true}, {"，", false}, {"禁毒", true}}},
		{"全年ＧＤＰ增长", "gdp", false, []piece{{"全年", false}, {"ＧＤＰ", true}, {"增长", false}}},
		{"<script>alert(1)</script>", "alert", false, []piece{{"<script>", false}, {"alert", true}, {"(1)</script>", false}}},
		// 120 characters from 30 before the mark: 30 甲, 禁毒, 工作 and 86 乙.
		{long, "禁毒", false, []piece{{"…", false}, {strings.Repeat("甲", 30), false}, {"禁毒", true}, {"工作" + strings.Repeat("乙", 86), false}, {"…", false}}},
		// A partial match: nothing marked, the window at its first term.
		{long, "禁毒和工作", false, []piece{{"…", false}, {strings.Repeat("甲", 30) + "禁毒工作" + strings.Repeat("乙", 86), false}, {"…", false}}},
		// Nothing of the query in the text (the title matched): its beginning.
		{long, "标题", false, []piece{{strings.Repeat("甲", 120), false}, {"…", false}}},
		// A word or number the window would cut is left out whole: at the
		// start (30 before the mark falls in abcdefghij) and at the end
		// (120 on falls in 12345678).
		{strings.Repeat("甲", 10) + "abcdefghij" + strings.Repeat("乙", 25) + "禁毒" + strings.Repeat("丙", 200), "禁毒", false,
			[]piece{{"…", false}, {strings.Repeat("乙", 25), false}, {"禁毒", true}, {strings.Repeat("丙", 88), false}, {"…", false}}},
		{"禁毒" + strings.Repeat("丙", 115) + "12345678" + strings.Repeat("丁", 50), "禁毒", false,
			[]piece{{"禁毒", true}, {strings.Repeat("丙", 115), false}, {"…", false}}},
		// A stretch of a longer text: cut at both ends.
		{"禁毒", "禁毒", true, []piece{{"…", false}, {"禁毒", true}, {"…", false}}},
		// The window showing the most different words of the query: 禁毒
		// and 宣传 where they stand together, not the first 禁毒, in a list
		// of rankings (by hand: 30 before the second 禁毒 are 23 乙 and
		// 排名第一，二；, then 禁毒宣传 and 86 丙, 120 in all).
		{"禁毒排名第一，二；" + strings.Repeat("乙", 150) + "排名第一，二；禁毒宣传" + strings.Repeat("丙", 100), "禁毒 宣传", false,
			[]piece{{"…", false}, {strings.Repeat("乙", 23) + "排名第一，二；", false}, {"禁毒宣传", true}, {strings.Repeat("丙", 86), false}, {"…", false}}},
	}
	var in []any
	for _, c := range cases {
		in = append(in, []any{c.text, c.query, c.cut})
	}
	var got [][]piece
	runJS(t, `print(input.map(([text, q, cut]) => s.snippet(text, s.parseQuery(q), cut, cut)));`, nil, in, &got)
	for i, c := range cases {
		if !slices.Equal(got[i], c.want) {
			t.Errorf("snippet of %.40q for %q:\n got %+v\nwant %+v", c.text, c.query, got[i], c.want)
		}
	}
}

// TestJSSnippetOf fetches the stretch of a document's text where the
// query first occurs, from the pack, as the index places it.
func TestJSSnippetOf(t *testing.T) {
	text := "表现平稳，" + strings.Repeat("甲乙丙丁，", 199) + "东风路街道表现突出。" + strings.Repeat("戊己庚辛，", 200)
	docs := []Document{
		{Kind: Page, Title: "前", URL: "a/", Text: "前一篇。"},
		{Kind: Page, Title: "长文", URL: "b/", Text: text},
	}
	_, files := build(t, docs, shardTarget)
	var got []string
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  const d = await index.doc(f.complete[0]);
  const pieces = await s.snippetOf(index, d, f);
  out.push(pieces.map(p => p.mark ? "[" + p.text + "]" : p.text).join(""));
}
print(out);`, files, []string{"东风路街道", "长文", "表现突"}, &got)
	want0 := "…" + strings.Repeat("甲乙丙丁，", 6) + "[东风路街道]表现突出。" + strings.Repeat("戊己庚辛，", 16) + "…" // 30 + 10 + 80 characters
	if got[0] != want0 {
		t.Errorf("the snippet for 东风路街道 is\n%s\nwant\n%s", got[0], want0)
	}
	if want1 := "表现平稳，" + strings.Repeat("甲乙丙丁，", 23) + "…"; got[1] != want1 {
		t.Errorf("the snippet for 长文 (a title) is\n%s\nwant\n%s", got[1], want1)
	}
	// 表现 first occurs at the start (表现平稳), 现突 only in 表现突出, at the
	// middle: the snippet is there, not where the first term first occurs.
	if !strings.Contains(got[2], "[表现突]出") {
		t.Errorf("the snippet for 表现突 is\n%s\nwant the middle's 表现突出", got[2])
	}
}

// TestJSSnippetOfNumber: the snippet of the circular a 文号 (or its
// title, typed whole) finds is the
// beginning of its text, which says what the circular is about, not the
// stretch where the 文号's words happen to occur (the 14 of 14户 halfway
// down), which a reader would take for nonsense: the 文号 is in no text,
// and nothing there is marked.
func TestJSSnippetOfNumber(t *testing.T) {
	opening := "经区政府研究，现将2023年1-2月情况通报如下："
	text := opening + strings.Repeat("甲乙丙丁，", 200) + "消防评估报告14户，有关工作另行通报。" + strings.Repeat("戊己庚辛，", 200)
	docs := []Document{
		{Kind: Page, Title: "前", URL: "a/", Date: "2023-01-01", Text: "前一篇。"},
		{Kind: Circular, Title: "关于2023年1-2月工作的通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号", Text: text},
	}
	_, files := build(t, docs, shardTarget)
	var got []string
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  const d = await index.doc(f.complete[0]);
  const pieces = await s.snippetOf(index, d, f);
  out.push(pieces.map(p => p.text).join(""));
}
print(out);`, files, []string{"双政办函〔2023〕14号", "〔2023〕14号", "政办函（2023）14号", "关于2023年1-2月工作的通报"}, &got)
	for i, g := range got {
		if !strings.HasPrefix(g, opening) {
			t.Errorf("query %d: the snippet is %.40q…; want the circular's opening, %q", i, g, opening)
		}
	}
}

// TestJSSearchMonth: a month typed as the circulars write it (2022年3月),
// or as readers type it (2022.3, 二〇二二年三月, 22年3月), finds the
// circular of that month first, and only the circulars that name that
// month match completely. Each text names its own month only;
// every text holds a lone 3 (增长3%), and the 文号 of the 2022年12月
// circular is 〔2023〕3号: its title and 文号 hold 2022, 年, 3 and 月, each
// on its own, but not 3月.
func TestJSSearchMonth(t *testing.T) {
	months := []struct{ month, number, date string }{
		{"2022年1月", "双政办函〔2022〕5号", "2022-02-10"},
		{"2022年2月", "双政办函〔2022〕9号", "2022-03-10"},
		{"2022年3月", "双政办函〔2022〕13号", "2022-04-10"},
		{"2022年11月", "双政办函〔2022〕34号", "2022-12-10"},
		{"2022年12月", "双政办函〔2023〕3号", "2023-01-10"},
		{"2023年1月", "双政办函〔2023〕10号", "2023-02-10"},
		{"2023年2月", "双政办函〔2023〕11号", "2023-03-10"},
	}
	var docs []Document
	for i, m := range months {
		docs = append(docs, Document{
			Kind:   Circular,
			Title:  "邵阳市双清区人民政府办公室关于区政府" + m.month + "“三重点”落实情况的通报",
			URL:    fmt.Sprintf("circulars/%d/", i),
			Date:   m.date,
			Number: m.number,
			Text:   "现将" + m.month + "“三重点”工作落实情况通报如下：全区固定资产投资同比增长3%，排名第12名。",
		})
	}
	as, files := build(t, docs, shardTarget)
	url := map[int]string{}
	for n, a := range as {
		url[n] = a.Doc.URL
	}
	// The months as readers type them too: a point, a dash or a slash,
	// a leading zero, Chinese numerals, a two-digit year, full width.
	typed := map[string]int{
		"2022.3": 2, "2022-03": 2, "2022/3": 2, "2022年03月": 2, "2022年三月": 2, "二〇二二年三月": 2,
		"22年3月": 2, "２０２２．３": 2, "２０２２年３月": 2,
		"2022.12": 4, "二〇二二年十二月": 4, "2022年十二月": 4, "2023-01": 5,
	}
	var qs []string
	var want []int
	for i, m := range months {
		qs = append(qs, m.month)
		want = append(want, i)
	}
	for _, q := range slices.Sorted(maps.Keys(typed)) {
		qs = append(qs, q)
		want = append(want, typed[q])
	}
	var got [][]int
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push(f.complete);
}
print(out);`, files, qs, &got)
	for i, q := range qs {
		var urls []string
		for _, n := range got[i] {
			urls = append(urls, url[n])
		}
		if w := []string{fmt.Sprintf("circulars/%d/", want[i])}; !slices.Equal(urls, w) {
			t.Errorf("%s: complete matches %q, want %q (the circular of %s alone)", q, urls, w, months[want[i]].month)
		}
	}
}

// TestJSSearchMonthRange: months typed as a range with 至 or 到
// (2023年1至2月) find the circular that writes them with a dash
// (2023年1-2月) completely, as the dash typed does: 1至 is in no page.
// By hand: 0 is the circular of 2023年1-2月, 1 that of 2023年3月, whose
// text holds 至 but no range.
func TestJSSearchMonthRange(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "关于2023年1-2月工作的通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号", Text: "现将2023年1-2月情况通报如下。"},
		{Kind: Circular, Title: "关于2023年3月工作的通报", URL: "circulars/2023/20/", Date: "2023-04-20", Number: "双政办函〔2023〕20号", Text: "现将2023年3月情况通报如下，截至3月底。"},
	}
	_, files := build(t, docs, shardTarget)
	qs := []string{"2023年1-2月", "2023年1至2月", "2023年1到2月", "2023年１至２月"}
	var got [][]int
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push(f.complete);
}
print(out);`, files, qs, &got)
	for i, q := range qs {
		if !slices.Equal(got[i], []int{0}) {
			t.Errorf("%s: complete matches %v, want [0], the circular of 2023年1-2月", q, got[i])
		}
	}
}

// TestJSSearchChineseMonth: a month typed in Chinese numerals without a
// year (三月, 十二月份), which no page writes so, is looked up again as the
// circulars write it (3月, 12月份), and readAs says so; a page that does
// write it so is found as typed. By hand: 0 is the circular of 2022年3月
// (禁毒 in its text),
// 1 that of 2022年12月, 2 a page that writes 十一月.
func TestJSSearchChineseMonth(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "关于2022年3月工作的通报", URL: "circulars/2022/13/", Date: "2022-04-10", Number: "双政办函〔2022〕13号", Text: "现将2022年3月情况通报如下。禁毒工作有序推进。"},
		{Kind: Circular, Title: "关于2022年12月工作的通报", URL: "circulars/2023/3/", Date: "2023-01-10", Number: "双政办函〔2023〕3号", Text: "12月份全区综合排名全市第五。"},
		{Kind: Page, Title: "说明", URL: "about/", Date: "2023-02-01", Text: "十一月起施行。"},
	}
	_, files := build(t, docs, shardTarget)
	qs := []string{"三月", "十二月份", "十一月", "禁毒三月"}
	var got []struct {
		Complete []int
		ReadAs   string
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Complete: f.complete, ReadAs: f.readAs || ""});
}
print(out);`, files, qs, &got)
	want := []string{"{[0] 3月}", "{[1] 12月份}", "{[2] }", "{[0] 禁毒3月}"}
	wantEach(t, got, want, qs)
}

// TestJSSearchLoose: a query with one wrong character (安全坐产 for
// 安全生产) holds one of its three pairs, which finds nothing; search.js
// then cuts it where a pair is in no document, 安全 坐 产, and half of
// the pieces match in part. Documents 1, 2 and 3 hold 安全 and 产 (two
// of three), 4 only 安全 (one), 0 none: nothing matches completely, as
// nothing holds 安全坐产, and 安全 is marked. A query without a run of
// three Han characters or more still finds nothing: 安坐 would find
// every page with 安 in it.
func TestJSSearchLoose(t *testing.T) {
	_, files := build(t, searchDocs, shardTarget)
	var got []struct {
		Complete, Partial []int
		Loose             bool
		Marks             [][2]int
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Complete: f.complete, Partial: f.partial, Loose: !!f.loose, Marks: s.marks("安全坐产，安全生产", f.query)});
}
print(out);`, files, []string{"安全坐产", "xyzzy", "安全生产", "安坐", "产全安"}, &got)
	typo := got[0]
	if len(typo.Complete) != 0 || !slices.Equal(slices.Sorted(slices.Values(typo.Partial)), []int{1, 2, 3}) || !typo.Loose {
		t.Errorf("安全坐产: complete %v, partial %v, loose %v; want none, 1, 2 and 3, loose", typo.Complete, typo.Partial, typo.Loose)
	}
	// The pieces where they are in 安全坐产，安全生产: all of 安全坐产 (安全,
	// 坐 and 产 touch), then 安全, not the 产 of 生产: a character of the
	// query alone, what is left of a word cut, says nothing of why the page
	// is listed (the 改 of 整改 for 区发展和改革局), and is marked only
	// against another mark.
	if fmt.Sprint(typo.Marks) != "[[0 4] [5 7]]" {
		t.Errorf("安全坐产 marks %v in 安全坐产，安全生产", typo.Marks)
	}
	if g := got[1]; len(g.Complete)+len(g.Partial) != 0 || g.Loose {
		t.Errorf("xyzzy: %+v, want nothing", g)
	}
	if g := got[2]; g.Loose || len(g.Complete) == 0 {
		t.Errorf("安全生产: %+v, want complete matches, not loose", g)
	}
	if g := got[3]; len(g.Complete)+len(g.Partial) != 0 || g.Loose {
		t.Errorf("安坐: %+v, want nothing", g)
	}
	// Each character in pages, no two of them together: nothing to go on
	// (产, 全 and 安 are in four pages, 产全 and 全安 in none).
	if g := got[4]; len(g.Complete)+len(g.Partial) != 0 || g.Loose {
		t.Errorf("产全安: %+v, want nothing", g)
	}
	// Newest first (documents are numbered by date): 安全底产 is 安全 底 产,
	// all of which 2 holds (安全是底线), and two of which 1 and 3 hold;
	// all three in part, the newest first.
	var newest []int
	runJS(t, `const f = await s.search(index, "安全底产", {sort: "new"}); print(f.partial);`, files, nil, &newest)
	if !slices.Equal(newest, []int{3, 2, 1}) {
		t.Errorf("安全底产, newest first: %v, want [3 2 1]", newest)
	}
}

// TestJSSearchPunctuation: a query typed without the page's quotation
// marks (落实三重点工作 for 落实“三重点”工作) finds it completely, as the
// query typed with them does; a space in the query still parts its words,
// and a 、 in the page its words (安全生产 is in part a match of 安全、生产).
// Worked out by hand: the terms of 落实三重点工作 are 落实, 实三, 三重,
// 重点, 点工 and 工作; 0 holds all six; 1 (落实工作。三重点任务) four, 2,
// whose 落实 ends a heading (a space in the text), five, and 3 four (三重,
// 重点, 点工 and 工作 in its title): these in part. A title written with
// quotation, book-title marks or brackets is found exactly without them.
func TestJSSearchPunctuation(t *testing.T) {
	docs := []Document{
		{Kind: Page, Title: "甲页", URL: "a/", Date: "2023-01-01", Text: "全面落实“三重点”工作。"},
		{Kind: Page, Title: "乙页", URL: "b/", Date: "2023-02-01", Text: "落实工作。三重点任务。"},
		{Kind: Page, Title: "丙页", URL: "c/", Date: "2023-03-01", Text: "落实 三重点工作"},
		{Kind: Circular, Title: "关于做好“三重点”工作的通知", URL: "d/", Date: "2023-04-01", Text: "通知正文。"},
		{Kind: Page, Title: "戊页", URL: "e/", Date: "2023-05-01", Text: "安全、生产，落实。"},
		{Kind: Circular, Title: "关于印发《安全生产办法（试行）》的通知", URL: "f/", Date: "2023-06-01", Text: "正文。"},
	}
	_, files := build(t, docs, shardTarget)
	type found struct {
		Exact, Complete, Partial []int
		Fetched                  []string
	}
	queries := []string{"落实三重点工作", "落实“三重点”工作", "落实 三重点工作", "关于做好三重点工作的通知", "安全生产", "关于印发安全生产办法试行的通知"}
	var got []found
	runJS(t, `
const out = [];
for (const q of input) {
  const fetched = [];
  const counting = Object.assign({}, net, {bytes: (p) => { if (p.startsWith("search/v/")) fetched.push(p); return net.bytes(p); }});
  const ix = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
  const f = await s.search(ix, q, {sort: "new"});
  out.push({Exact: f.exact, Complete: f.complete, Partial: f.partial, Fetched: fetched});
}
print(out);`, files, queries, &got)
	want := []found{
		{nil, []int{0}, []int{3, 2, 1}, nil},
		{nil, []int{0}, []int{3, 2, 1}, nil},
		// 落实, 三重, 重点, 点工, 工作: 0 and 2 hold all five, 1 and 3 four.
		{nil, []int{2, 0}, []int{3, 1}, nil},
		{[]int{3}, []int{3}, nil, nil},
		// 安全, 全生, 生产: 5's title holds all three; 4's 安全、生产 two,
		// not 全生 (、 parts them).
		{nil, []int{5}, []int{4}, nil},
		{[]int{5}, []int{5}, nil, nil},
	}
	for i, q := range queries {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("%s: %+v, want %+v", q, got[i], want[i])
		}
	}
}

// TestJSSearchBoundNumber: a number typed against a word (the 5 of
// PM10-5) is not enough for a partial match: a page that holds it and
// none of the query's other terms, as any page with a 5 in it does, is
// not listed. Typed alone, the number finds every page holding it, and
// not the 5 of PM2.5, a decimal number, one word. By hand: 0 speaks of
// 5月, 1 of PM2.5, 2 of PM10; no page of PM3.5 or PM10.5.
func TestJSSearchBoundNumber(t *testing.T) {
	docs := []Document{
		{Kind: Page, Title: "五月", URL: "a/", Date: "2023-01-01", Text: "5月考核，5项任务。"},
		{Kind: Page, Title: "空气", URL: "b/", Date: "2023-02-01", Text: "PM2.5浓度下降。"},
		{Kind: Page, Title: "颗粒物", URL: "c/", Date: "2023-03-01", Text: "PM10浓度。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct{ Complete, Partial []int }
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Complete: f.complete.slice().sort(), Partial: f.partial.slice().sort()});
}
print(out);`, files, []string{"PM2.5", "ＰＭ２．５", "PM3.5", "PM10.5", "5", "PM10-5", "PM2"}, &got)
	want := []string{
		"{[1] []}",
		"{[1] []}",
		"{[] []}",
		"{[] []}",
		"{[0] []}",
		"{[] [2]}",
		"{[] []}",
	}
	wantEach(t, got, want, nil)
}

// TestJSSearchNumberOthers: a 文号 found is the one complete match; the
// other documents holding each of its terms — 〔2021〕11号, whose text
// holds 2023 — are partial matches. A 文号 typed in part (the office's
// code cut short) finds the circulars whose 文号 end with it, as if it
// were whole. A 文号 no circular has finds no complete match: what holds
// its words is partial, and missingNumber says which 文号 is missing.
// Typed without its code at all (〔2023〕11号, as a circular cites
// another), it is still a 文号: the circular whose 文号 ends with it is
// the one complete match, and 〔2023〕12号, which no circular has, is
// said to be missing (its words found in part only); so too with its
// opening bracket left out (2023〕11号). Typed in traditional
// characters (雙政辦函〔2023〕11號), it is the 文号 in simplified ones. By hand (documents
// are numbered by date): 0 is 〔2021〕11号 with 2023 in its text, 1 is
// 〔2023〕5号 citing 〔2023〕12号, 2 is 〔2023〕11号; a partial match
// holding more of the terms comes first.
func TestJSSearchNumberOthers(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "关于2021年11月工作的通报", URL: "circulars/2021/11/", Date: "2021-12-01", Number: "双政办函〔2021〕11号", Text: "2023年目标任务。"},
		{Kind: Circular, Title: "关于2023年3月工作的通报", URL: "circulars/2023/5/", Date: "2023-04-01", Number: "双政办函〔2023〕5号", Text: "按照双政办函〔2023〕12号文件要求。"},
		{Kind: Circular, Title: "关于2023年工作的通报", URL: "circulars/2023/11/", Date: "2023-12-01", Number: "双政办函〔2023〕11号", Text: "全年工作。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct {
		Exact, Complete, Partial []int
		Missing                  string
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Exact: f.exact, Complete: f.complete, Partial: f.partial, Missing: f.missingNumber || ""});
}
print(out);`, files, []string{"双政办函〔2023〕11号", "双政办函（二〇二三）第11号", "政办函〔2023〕11号", "双政办函〔2019〕11号", "双政办函〔2023〕12号", "〔2023〕11号", "[2023]11号", "〔2023〕12号", "雙政辦函〔2023〕11號", "雙政辦函〔2023〕12號", "2023〕11号", "2023〕12号", "双政办函2023〕11号", "12023〕11号"}, &got)
	want := []string{
		"{[2] [2] [0 1] }",
		"{[2] [2] [0 1] }",
		"{[] [2] [0 1] }",
		"{[] [] [2 0 1] 双政办函〔2019〕11号}",
		"{[] [] [1 2 0] 双政办函〔2023〕12号}",
		"{[] [2] [0 1] }",
		"{[] [2] [0 1] }",
		"{[] [] [1 2 0] 〔2023〕12号}",
		// In traditional characters, as the simplified 文号.
		"{[2] [2] [0 1] }",
		"{[] [] [1 2 0] 双政办函〔2023〕12号}",
		// Its opening bracket left out, as 〔2023〕11号, and whole.
		"{[] [2] [0 1] }",
		"{[] [] [1 2 0] 〔2023〕12号}",
		"{[2] [2] [0 1] }",
		// Not a year after a digit: no 文号; nothing holds 12023, and
		// the two 11号 hold half the terms.
		"{[] [] [2 0] }",
	}
	wantEach(t, got, want, nil)
}

// TestJSSearchNumberCited: a 文号 typed in part or without its code finds
// its circular newest first too, when more later circulars than a page
// lists cite it in their text (按照双政办函〔2023〕11号执行): it was looked
// for among the first ten complete matches only, all of them citing it,
// and said to be missing. By hand: 0 is 〔2023〕11号, 1…12 cite it.
func TestJSSearchNumberCited(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "关于考核办法的通知", URL: "circulars/2023/11/", Date: "2023-01-10", Number: "双政办函〔2023〕11号", Text: "考核办法。"},
	}
	for i := 1; i <= 12; i++ {
		docs = append(docs, Document{Kind: Circular, Title: fmt.Sprintf("关于2023年%d月工作的通报", i), URL: fmt.Sprintf("circulars/2023/%d/", 20+i),
			Date: fmt.Sprintf("2023-%02d-20", i), Number: fmt.Sprintf("双政办函〔2023〕%d号", 20+i), Text: "按照双政办函〔2023〕11号执行。"})
	}
	_, files := build(t, docs, shardTarget)
	qs := []string{"〔2023〕11号", "政办函〔2023〕11号"}
	var got []struct {
		Complete []int
		Missing  string
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {sort: "new", first: 10});
  out.push({Complete: f.complete, Missing: f.missingNumber || ""});
}
print(out);`, files, qs, &got)
	for i, q := range qs {
		if !slices.Equal(got[i].Complete, []int{0}) || got[i].Missing != "" {
			t.Errorf("%s, newest first: complete %v, missing %q; want [0], its circular", q, got[i].Complete, got[i].Missing)
		}
	}
}

// TestJSSearchNumberOtherYear: a 文号 whose circular the year chosen
// leaves out is not said to be missing: the page would tell a reader who
// chose 2023 before typing 双政办函〔2021〕11号 that no such circular
// exists. missingIn says which year lacks it; a 文号 no circular has at
// all has none. By hand, as in TestJSSearchNumberOthers: 0 is
// 〔2021〕11号, 2 is 〔2023〕11号.
func TestJSSearchNumberOtherYear(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "关于2021年11月工作的通报", URL: "circulars/2021/11/", Date: "2021-12-01", Number: "双政办函〔2021〕11号", Text: "2023年目标任务。"},
		{Kind: Circular, Title: "关于2023年3月工作的通报", URL: "circulars/2023/5/", Date: "2023-04-01", Number: "双政办函〔2023〕5号", Text: "按照双政办函〔2023〕12号文件要求。"},
		{Kind: Circular, Title: "关于2023年工作的通报", URL: "circulars/2023/11/", Date: "2023-12-01", Number: "双政办函〔2023〕11号", Text: "全年工作。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct {
		Complete  []int
		Missing   string
		MissingIn int
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {year: 2023, first: 10});
  out.push({Complete: f.complete, Missing: f.missingNumber || "", MissingIn: f.missingIn || 0});
}
print(out);`, files, []string{"双政办函〔2021〕11号", "〔2021〕11号", "双政办函〔2023〕11号", "双政办函〔2023〕12号"}, &got)
	want := []string{
		"{[] 双政办函〔2021〕11号 2023}",
		"{[] 〔2021〕11号 2023}",
		"{[2]  0}",
		"{[] 双政办函〔2023〕12号 0}",
	}
	wantEach(t, got, want, nil)
}

// TestJSSearchOtherYears: a query that finds nothing in the year chosen
// but finds pages of other years says how many (otherYears, with
// emptyIn the year), so that the page does not tell the reader there is
// nothing at all. By hand: 0 (2021) holds 值班值守 whole, 1 (2022) 值班
// and 值守 apart; nothing in 2023 holds either.
func TestJSSearchOtherYears(t *testing.T) {
	docs := []Document{
		{Kind: Page, Title: "甲", URL: "a/", Date: "2021-06-01", Text: "严格值班值守制度。"},
		{Kind: Page, Title: "乙", URL: "b/", Date: "2022-06-01", Text: "值班人员要坚守岗位，值守到位。"},
		{Kind: Page, Title: "丙", URL: "c/", Date: "2023-06-01", Text: "安全生产。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct {
		Complete, Partial []int
		EmptyIn, Others   int
	}
	runJS(t, `
const out = [];
for (const [q, year] of input) {
  const f = await s.search(index, q, {year: year, first: 10});
  out.push({Complete: f.complete, Partial: f.partial, EmptyIn: f.emptyIn || 0, Others: f.otherYears || 0});
}
print(out);`, files, [][]any{{"值班值守", 2023}, {"值班值守", 2022}, {"xyzzy", 2023}}, &got)
	want := []string{"{[] [] 2023 2}", "{[] [1] 0 0}", "{[] [] 0 0}"}
	wantEach(t, got, want, nil)
}

// TestJSSearchNumberForms: a 文号 typed with its year in Chinese numerals,
// with 第, with leading zeros or other brackets, or as it is spoken of
// (3号文, 3号文件), finds its circular
// exactly, as its standard form does (DOMAIN.md: 双政办函〔2022〕3号 is
// the circular of searchDocs[2]).
func TestJSSearchNumberForms(t *testing.T) {
	_, files := build(t, searchDocs, shardTarget)
	queries := []string{
		"双政办函〔2022〕3号",
		"双政办函〔二〇二二〕3号",
		"双政办函〔2022〕第3号",
		"双政办函〔2022〕003号",
		"双政办函（二〇二二）第０３号",
		"双政办函[2022] 3号",
		"双政办函【二零二二】3号",
		"双政办函〔2022〕3号文",
		"双政办函〔2022〕3号文件 ",
	}
	var got []struct{ Exact, Complete []int }
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Exact: f.exact, Complete: f.complete});
}
print(out);`, files, queries, &got)
	for i, q := range queries {
		if !slices.Equal(got[i].Exact, []int{2}) || len(got[i].Complete) == 0 || got[i].Complete[0] != 2 {
			t.Errorf("%s: exact %v, complete %v; want circular 2 exactly, first", q, got[i].Exact, got[i].Complete)
		}
	}
}

// TestJSLongQuery: a paragraph pasted whole (300 characters) looks up its
// first 32 terms and the exact key, not all of its 299 pairs: it fetches
// at most 33 of the index's 512 shards (and no postings out of line, as
// the manifest names none here), and still finds its document first.
func TestJSLongQuery(t *testing.T) {
	var para strings.Builder
	for i := range 300 {
		para.WriteRune(rune(0x4E00 + 7*i))
	}
	docs := []Document{{Kind: Page, Title: "长文", URL: "long/", Text: para.String()}}
	for i, text := range randomTexts(300) {
		docs = append(docs, Document{Kind: Page, Title: fmt.Sprintf("页%d", i), URL: fmt.Sprintf("p/%d/", i), Text: text + para.String()[3*(i%250):3*(i%250+20)]})
	}
	as, files := build(t, docs, 64)
	m := readManifest(t, files)
	if len(m.Shards)/8 < 256 || len(m.Big) != 0 {
		t.Fatalf("%d shards, %d postings out of line; the test wants hundreds and none", len(m.Shards)/8, len(m.Big))
	}
	var got struct {
		Shards []string
		First  int
	}
	runJS(t, `
const fetched = new Set();
const counting = {...net, bytes: (p) => { fetched.add(p); return net.bytes(p); }};
const ix = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
const f = await s.search(ix, input, {});
print({Shards: [...fetched].filter(p => p.startsWith("search/s/")), First: f.complete[0]});`, files, para.String(), &got)
	if len(got.Shards) > 33 {
		t.Errorf("the pasted paragraph fetched %d shards, want at most 33", len(got.Shards))
	}
	if as[got.First].Doc.URL != "long/" {
		t.Errorf("the first result is %s, want long/", as[got.First].Doc.URL)
	}
}

// TestJSSearchTraditional: a query typed in traditional characters, which
// no page holds, is looked up again in simplified ones (variant says so).
// The table of variants is cut into pieces of 256 code points (piece k
// holds U+4E00 + 256k …), and only the pieces of the characters of the
// Han terms no page holds are fetched — none for a query found whole, nor
// for one whose every Han term some page holds (禁毒 xyzzy: xyzzy is no
// Han term). The pieces, worked out by hand: 生 U+751F and 產 U+7522 are
// in 39; 東 U+6771 25, 風 U+98A8 74, 路 U+8DEF 63; 全 U+5168 3, 禁 U+7981
// 43; 火 U+706B 34, 車 U+8ECA 64, 站 U+7AD9 44, 鄉 U+9109 67; 坐 U+5750 9,
// 产 U+4EA7 0.
func TestJSSearchTraditional(t *testing.T) {
	_, files := build(t, searchDocs, shardTarget)
	m := readManifest(t, files)
	type found struct {
		Exact, Complete, Partial []int
		Variant                  string
		Fetched                  []string
		Bytes                    int
	}
	queries := []string{"安全生產", "東風路街道", "安全生产", "禁毒 xyzzy", "安全禁毒", "火車站鄉", "安全坐产"}
	var got []found
	runJS(t, `
const out = [];
for (const q of input) {
  const fetched = [];
  let bytes = 0;
  const counting = Object.assign({}, net, {bytes: async (p) => {
    const b = await net.bytes(p);
    if (p.startsWith("search/v/")) { fetched.push(p); bytes += b.length; }
    return b;
  }});
  const ix = new s.Index(JSON.parse(fs.readFileSync(path.join(dir, "search-index.json"), "utf8")), counting);
  const f = await s.search(ix, q, {});
  out.push({Exact: f.exact, Complete: f.complete, Partial: f.partial, Variant: f.variant || "", Fetched: fetched.sort(), Bytes: bytes});
}
print(out);`, files, queries, &got)
	v := func(ks ...int) (paths []string) {
		for _, k := range ks {
			paths = append(paths, fmt.Sprintf("search/v/%d.%s.txt", k, m.Variants))
		}
		return paths
	}
	want := []found{
		// 生產 is in no page; 安全生产 is in 1 and 3 whole, in 2 in part.
		{nil, []int{1, 3}, []int{2}, "安全生产", v(39), 0},
		// 東風 and 風路 are in no page, 路街 and 街道 are.
		{[]int{0}, []int{0, 1}, nil, "东风路街道", v(25, 63, 74), 0},
		{nil, []int{1, 3}, []int{2}, "", nil, 0},
		{nil, nil, []int{3, 2}, "", nil, 0},
		// 全禁 is in no page: its pieces are fetched, and have nothing to
		// change; 3 and 2 hold 安全 and 禁毒, two of the three terms.
		{nil, nil, []int{3, 2}, "", v(3, 43), 0},
		{nil, nil, nil, "火车站乡", v(34, 44, 64, 67), 0},
		// One character wrong, none traditional: 全坐 and 坐产 are in no
		// page; three pieces, not the table, then the pieces' search.
		{nil, nil, []int{1, 2, 3}, "", v(0, 3, 9), 0},
	}
	for i, q := range queries {
		if i == len(queries)-1 {
			slices.Sort(got[i].Partial)
		}
		if want[i].Fetched != nil && (got[i].Bytes == 0 || got[i].Bytes > 1024) {
			t.Errorf("%s: %d bytes of the table fetched, want some, at most 1 KB", q, got[i].Bytes)
		}
		got[i].Bytes = 0
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("%s: %+v, want %+v", q, got[i], want[i])
		}
	}
}

// TestJSSearchUndatedNameAnyYear: a page without a date (a unit's
// history, which spans every year) found by its name is listed whatever
// year is chosen; it was left out, and a reader who had chosen a year did
// not find 兴隆街道's page by its name. The year still narrows the rest.
// By hand: 0 is the unit's page (undated, numbered first), 1 the 2021
// circular, 2 the 2022 one.
func TestJSSearchUndatedNameAnyYear(t *testing.T) {
	docs := []Document{
		{Kind: Unit, Title: "兴隆街道历次考核排名", URL: "units/xinglong/", Names: []string{"兴隆街道"}, Text: "兴隆街道历次综合考核排名和各单项指标排名"},
		{Kind: Circular, Title: "关于2021年工作的通报", URL: "circulars/2021/3/", Date: "2021-03-01", Text: "兴隆街道排名第一。"},
		{Kind: Circular, Title: "关于2022年工作的通报", URL: "circulars/2022/3/", Date: "2022-03-01", Text: "兴隆街道排名第二。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct{ Exact, Complete []int }
	runJS(t, `
const out = [];
for (const year of input) {
  const f = await s.search(index, "兴隆街道", {year: year, first: 10});
  out.push({Exact: f.exact, Complete: f.complete});
}
print(out);`, files, []int{2022, 2021}, &got)
	wantEach(t, got, []string{"{[0] [0 2]}", "{[0] [0 1]}"}, []string{"year 2022", "year 2021"})
}

// TestJSSearchNearName: when nothing holds the query whole, a unit's or
// an indicator's name one character away from it (changed, added, left
// out, two swapped) is offered, and its page comes first of the partial
// matches, ahead of pages that hold more of the query (the circular
// holds 龙街 and 街道 of 兴龙街道, 兴隆街道's page 街道 alone, too little
// to be listed at all without the name). A query found whole, one
// of several words, or of fewer than two characters offers nothing. By
// hand, the numbers (undated by URL, then the circular): 0
// indicators/jindu/ (禁毒), 1 units/longxutang/, 2 units/xinglong/, 3
// units/xinhua/, 4 the circular.
func TestJSSearchNearName(t *testing.T) {
	docs := []Document{
		{Kind: Unit, Title: "兴隆街道历次考核排名", URL: "units/xinglong/", Names: []string{"兴隆街道"}, Text: "兴隆街道历次考核排名"},
		{Kind: Unit, Title: "龙须塘街道历次考核排名", URL: "units/longxutang/", Names: []string{"龙须塘街道", "龙须塘办"}, Text: "龙须塘街道历次考核排名"},
		{Kind: Indicator, Title: "禁毒历次排名", URL: "indicators/jindu/", Names: []string{"禁毒"}, Text: "禁毒历次排名"},
		{Kind: Unit, Title: "新华街道历次考核排名", URL: "units/xinhua/", Names: []string{"新华街道"}, Text: "新华街道历次考核排名"},
		{Kind: Circular, Title: "街道工作通报", URL: "circulars/2023/3/", Date: "2023-03-01", Text: "各街道、黄龙街社区，街道综合执法。"},
	}
	_, files := build(t, docs, shardTarget)
	var got []struct {
		Near    []struct{ Name string }
		First   int
		Partial int
	}
	runJS(t, `
const out = [];
for (const q of input) {
  const f = await s.search(index, q, {});
  out.push({Near: f.near || [], First: f.partial.length ? f.partial[0] : -1, Partial: f.partial.length});
}
print(out);`, files, []string{"兴龙街道", "隆兴街道", "龙须街道", "龙须塘街道办", "禁读", "兴隆街道", "兴龙街道 禁毒", "兴龙", "兴龙镇"}, &got)
	want := []struct {
		near  string
		first int
	}{
		{"[兴隆街道]", 2},
		{"[兴隆街道]", 2},
		{"[龙须塘街道]", 1},
		{"[龙须塘街道]", 1},
		{"[禁毒]", 0},
		{"[]", -1}, // found whole: no partial matches at all
		{"[]", -1},
		{"[]", -1},
		{"[]", -1},
	}
	for i, w := range want {
		var names []string
		for _, n := range got[i].Near {
			names = append(names, n.Name)
		}
		if g := fmt.Sprint(names); g != w.near || (w.first >= 0 && got[i].First != w.first) {
			t.Errorf("%d: near %s, first partial %d; want %s, %d", i, g, got[i].First, w.near, w.first)
		}
	}
}

// wantEach compares each of got, written by fmt.Sprint, with want, the
// results of a run of queries by hand, each named by its label or, with
// no labels, by its number; fewer results than wanted fail the test (a
// script that stopped early) rather than panic.
func wantEach[T any](t *testing.T, got []T, want, labels []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		label := fmt.Sprintf("query %d", i)
		if labels != nil {
			label = labels[i]
		}
		if g := fmt.Sprint(got[i]); g != w {
			t.Errorf("%s: %s, want %s", label, g, w)
		}
	}
}
