package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
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

// runJS runs script under node with search.js loaded as the module s and
// the JSON of in as the variable input; the script prints JSON to stdout,
// which is decoded into out.
func runJS(t *testing.T, script string, in, out any) {
	t.Helper()
	abs, err := filepath.Abs(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	prelude := `const s = require(process.argv[1]); const input = JSON.parse(require("fs").readFileSync(0, "utf8"));` + "\n"
	cmd := exec.Command(node(t), "-e", prelude+script, abs)
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

// parityStrings are tricky inputs beyond tokenizeCases, compared with Go's
// Tokenize.
var parityStrings = []string{
	"邵阳市双清区人民政府办公室关于区政府2023年1-2月“三重点”落实情况的通报",
	"全市综合排名第十，三区第三。规模以上服务业营业收入，排名第十一。（责任单位：区发改局）",
	"１２３４５６７８９０　ＡＢＣａｂｃ！＃＄％＆",
	"ｱｲｳｴｵ半角片假名 ﾊﾟ",
	"【重要】禁毒工作（2023）〔2023〕第14号～〜",
	"👨\u200d👩\u200d👧\u200d👦家庭🇨🇳中国😀2023🎉",
	"«guillemets» „Anführung“ ‘single’ \"double\" 「引号」『书名』《通报》",
	"tab\tnew\nline\r\ncr\u2028ls\u2029ps\u0085nel",
	"x²+y³=z⁴ ½ ⅓ 5㎡",
	"ﬁnancial ﬀ ǅungla ǈ ǲ",
	"Ⅻ月ⅰ Ⅳ",
	"𝐀𝐁𝐂 𝟏𝟐 𝔸",
	"Ꭰꭰ ᏸ",
	"ΣΑΣ ὈΔΥΣΣΕΎΣ",
	"İI ı K Å",
	"\u200b零宽\u200d连接\ufeff字符\u2060",
	"e\u0301\u0302x 禁\u20dd毒 \u0301\u0302",
	"禁\u3000毒 禁\u00a0毒 禁\u202f毒",
	"⺀⼀⿰⿱〆〇々〻㐀䶿龥鿿𪜀𫝀",
	"1️⃣2️⃣#️⃣ ©️®️™️",
	"عربي ١٢٣ हिन्दी ०१ ไทย",
	"\xff禁\xc0\xaf毒\xed\xa0\x80",
}

// TestJSTokenize runs search.js's tokeniser under node on the hand-checked
// cases and on the tricky strings, which must give Go's tokens.
func TestJSTokenize(t *testing.T) {
	var in []string
	for _, c := range tokenizeCases {
		in = append(in, c.in)
	}
	in = append(in, parityStrings...)
	var got [][]string
	runJS(t, `process.stdout.write(JSON.stringify(input.map(s.tokenize)));`, in, &got)
	if len(got) != len(in) {
		t.Fatalf("node returned %d lists for %d strings", len(got), len(in))
	}
	for i, c := range tokenizeCases {
		if !slices.Equal(got[i], c.want) && !(len(got[i]) == 0 && len(c.want) == 0) {
			t.Errorf("search.js tokenize(%q) = %q, want %q", c.in, got[i], c.want)
		}
	}
	for i, s := range parityStrings {
		js, goToks := got[len(tokenizeCases)+i], Tokenize(s)
		if !slices.Equal(js, goToks) && !(len(js) == 0 && len(goToks) == 0) {
			t.Errorf("tokens of %q:\n search.js %q\n Go        %q", s, js, goToks)
		}
	}
}

// tinyDocs are three documents; the counts of TestJSPostings are worked
// out by hand from them.
var tinyDocs = []Document{
	{Title: "禁毒通报", URL: "circulars/2023/1/", Date: "2023-01-05", Text: "禁毒工作。禁毒！"},
	{Title: "About", URL: "about/", Text: "Search the archive, search again."},
	{Title: "工作通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号", Text: "2023年工作"},
}

// tinyIndex is search-index.json of docs.
func tinyIndex(docs []Document) json.RawMessage {
	var entries [][]byte
	for _, d := range docs {
		entries = append(entries, Entry(d))
	}
	return JSON(entries)
}

// TestJSPostings: search.js finds a token in a document where Tokenize
// would give it, and counts it as often: [count in the text, count in the
// title and 文号].
func TestJSPostings(t *testing.T) {
	docs := append(slices.Clone(tinyDocs),
		Document{Title: "全角", URL: "w/", Text: "全年ＧＤＰ增长，Ｇdp与gdp2023不算；GDP算。"},
		Document{Title: "年份", URL: "y/", Number: "测政发〔2014〕140号", Text: "2014年、140号、14号、x14、14。"},
		Document{Title: "记号", URL: "m/", Text: "禁\u20dd毒、禁\uFE00毒、Cafe\u0301 、na\u00ADive、禁禁禁"},
	)
	cases := []struct {
		tok  string
		want map[int][2]int
	}{
		{"禁毒", map[int][2]int{0: {2, 1}, 5: {2, 0}}},
		{"工作", map[int][2]int{0: {1, 0}, 2: {1, 1}}},
		{"通报", map[int][2]int{0: {0, 1}, 2: {0, 1}}},
		{"search", map[int][2]int{1: {2, 0}}}, // Search and search
		{"about", map[int][2]int{1: {0, 1}}},
		{"2023", map[int][2]int{2: {1, 1}}}, // not in gdp2023
		{"14", map[int][2]int{2: {0, 1}, 4: {2, 0}}},
		{"140", map[int][2]int{4: {1, 1}}},
		{"gdp", map[int][2]int{3: {3, 0}}}, // ＧＤＰ, Ｇdp, GDP; not gdp2023
		{"cafe", map[int][2]int{5: {1, 0}}},
		{"naive", map[int][2]int{5: {1, 0}}},
		{"禁禁", map[int][2]int{5: {2, 0}}}, // overlapping
		{"禁", map[int][2]int{0: {2, 1}, 5: {5, 0}}},
		{"constructor", map[int][2]int{}},
	}
	var toks []string
	for _, c := range cases {
		toks = append(toks, c.tok)
	}
	var got []map[string][2]int
	runJS(t, `
const index = new s.Index([input.index]);
process.stdout.write(JSON.stringify(input.toks.map(tok => Object.fromEntries(index.postings(tok)))));`,
		map[string]any{"index": tinyIndex(docs), "toks": toks}, &got)
	for i, c := range cases {
		want := map[string][2]int{}
		for doc, n := range c.want {
			want[strconv.Itoa(doc)] = n
		}
		if !maps.Equal(got[i], want) {
			t.Errorf("postings(%q) = %v, want %v", c.tok, got[i], want)
		}
	}
}

// TestJSSearch ranks the tiny documents with search.js.
func TestJSSearch(t *testing.T) {
	queries := []string{"工作", "通报 14", "Search", "禁毒", "禁", "constructor", "__proto__", "，。", "二〇", "ＳＥＡＲＣＨ"}
	want := [][]int{
		{2, 0}, // both hold the pair 工作; doc 2 also in its title
		{2, 0}, // doc 2 holds 通报 and 14 (title, 文号), doc 0 only 通报
		{1},
		{0},
		{0},
		{}, // not a token of any document: no prototype property leaks in
		{},
		{},
		{},
		{1},
	}
	var got [][]int
	runJS(t, `
const index = new s.Index([input.index]);
process.stdout.write(JSON.stringify(input.queries.map(q => s.search(index, q).results.map(r => r.doc))));`,
		map[string]any{"index": tinyIndex(tinyDocs), "queries": queries}, &got)
	for i, q := range queries {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("search(%q) = %v, want %v", q, got[i], want[i])
		}
	}
}

// TestJSFold: search.js counts every token Tokenize gives for a text as
// often as Tokenize gives it, on the hand-checked cases and the tricky
// strings (full-width forms, case, combining marks, astral characters).
func TestJSFold(t *testing.T) {
	var in []string
	for _, c := range tokenizeCases {
		in = append(in, c.in)
	}
	in = append(in, parityStrings...)
	var got []map[string]int
	runJS(t, `
process.stdout.write(JSON.stringify(input.map(text => {
  const index = new s.Index([{v: 2, docs: [{title: "", url: "", text: text}]}]);
  const counts = {};
  for (const tok of s.tokenize(text)) {
    const p = index.postings(tok).get(0);
    counts[tok] = p ? p[0] : 0;
  }
  return counts;
})));`, in, &got)
	for i, text := range in {
		want := map[string]int{}
		for _, tok := range Tokenize(text) {
			want[tok]++
		}
		if !maps.Equal(got[i], want) {
			t.Errorf("counts in %q:\n search.js %v\n Tokenize  %v", text, got[i], want)
		}
	}
}

// TestJSQueryTerms: a document should hold the words, the pairs of the Han
// runs and the lone Han characters of the query.
func TestJSQueryTerms(t *testing.T) {
	queries := []string{"禁毒", "禁毒工作", "禁 毒", "2023年禁毒", "a禁b"}
	want := [][]string{
		{"禁毒"},
		{"禁毒", "毒工", "工作"},
		{"禁", "毒"},
		{"2023", "年禁", "禁毒"},
		{"a", "禁", "b"},
	}
	var got [][]string
	runJS(t, `process.stdout.write(JSON.stringify(input.map(q => [...s.queryTerms(s.tokenize(q))])));`, queries, &got)
	for i, q := range queries {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("queryTerms(%q) = %q, want %q", q, got[i], want[i])
		}
	}
}

// TestJSSnippet checks the marks and the window of text shown.
func TestJSSnippet(t *testing.T) {
	type piece struct {
		Text string `json:"text"`
		Mark bool   `json:"mark"`
	}
	long := strings.Repeat("甲", 200) + "禁毒工作" + strings.Repeat("乙", 200)
	cases := []struct {
		text, query string
		want        []piece
	}{
		// Touching and overlapping occurrences make one mark.
		{"禁毒禁毒，禁毒", "禁毒", []piece{{"禁毒禁毒", true}, {"，", false}, {"禁毒", true}}},
		// Case and width are matched as the tokens are, the text shown as is.
		{"全年ＧＤＰ增长", "gdp", []piece{{"全年", false}, {"ＧＤＰ", true}, {"增长", false}}},
		{"<script>alert(1)</script>", "alert", []piece{{"<script>", false}, {"alert", true}, {"(1)</script>", false}}},
		// 120 characters from 30 before the mark: 30 甲, 禁毒, 工作 and 86 乙.
		{long, "禁毒", []piece{{"…", false}, {strings.Repeat("甲", 30), false}, {"禁毒", true}, {"工作" + strings.Repeat("乙", 86), false}, {"…", false}}},
		// No mark in the text (the title matched): its beginning.
		{long, "标题", []piece{{strings.Repeat("甲", 120), false}, {"…", false}}},
	}
	var in [][2]string
	for _, c := range cases {
		in = append(in, [2]string{c.text, c.query})
	}
	var got [][]piece
	runJS(t, `process.stdout.write(JSON.stringify(input.map(([text, q]) => s.snippet(text, s.queryTerms(s.tokenize(q))))));`, in, &got)
	for i, c := range cases {
		if !slices.Equal(got[i], c.want) {
			t.Errorf("snippet of %.40q for %q:\n got %+v\nwant %+v", c.text, c.query, got[i], c.want)
		}
	}
}
