package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// tinyDocs are four documents; the postings of TestIndexTiny are worked
// out by hand from them. Numbered by Order: the unit page (no date) 0,
// then About (2022-06-01) 1, 禁毒通报 2, 工作通报 3.
var tinyDocs = []Document{
	{Kind: Unit, Title: "东风路街道历次考核排名", URL: "units/dongfenglu/", Names: []string{"东风路街道"}, Text: "东风路街道"},
	{Kind: Circular, Title: "禁毒通报", URL: "circulars/2023/1/", Date: "2023-01-05", Number: "双政办函〔2023〕1号", Text: "禁毒工作。禁毒！"},
	{Kind: Page, Title: "About", URL: "about/", Date: "2022-06-01", Text: "Search the archive, search again."},
	{Kind: Circular, Title: "工作通报", URL: "circulars/2023/14/", Date: "2023-04-03", Number: "双政办函〔2023〕14号", Text: "2023年工作"},
}

// build analyses docs and returns the analyses in the order of their
// numbers, and the index's files by path, the shards cut for target
// entries, postings longer than bigPostings out of line.
func build(t testing.TB, docs []Document, target int) ([]*Analysis, map[string][]byte) {
	return buildBig(t, docs, target, bigPostings)
}

// buildBig is build with postings longer than big bytes out of line.
func buildBig(t testing.TB, docs []Document, target, big int) ([]*Analysis, map[string][]byte) {
	t.Helper()
	ids := Order(docs)
	as := make([]*Analysis, len(docs))
	for i, d := range docs {
		as[ids[i]] = Analyse(d)
	}
	files := map[string][]byte{}
	for _, f := range newIndex(as, target, big).Files(nil, nil) {
		if _, dup := files[f.Path]; dup {
			t.Fatalf("two files at %s", f.Path)
		}
		files[f.Path] = f.Data
	}
	return as, files
}

func readManifest(t testing.TB, files map[string][]byte) Manifest {
	t.Helper()
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(files["search-index.json"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("search-index.json: %v\n%s", err, files["search-index.json"])
	}
	return m
}

// postings are one token's postings, decoded.
type postings struct {
	Body    []int
	Places  []int
	Weights []int // nil when the token is in more than half the documents
	Title   []int
	File    string // the hash of the file of postings out of line, else ""
}

// decodeShard decodes a shard, written here from the format's
// description (Index's doc comment) rather than from the encoder; files
// hold the postings out of line.
func decodeShard(data []byte, n int, files map[string][]byte) (out map[string]postings, order []string, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	uvarint := func(r *bytes.Reader) int {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return int(v)
	}
	docset := func(r *bytes.Reader) []int {
		h := uvarint(r)
		count, mode := h>>2, h&3
		var ids []int
		switch mode {
		case 0, 2:
			gaps := count
			if mode == 2 {
				gaps = n - count
			}
			prev := -1
			var list []int
			for range gaps {
				prev += uvarint(r) + 1
				list = append(list, prev)
			}
			if mode == 0 {
				return list
			}
			for d := range n {
				if !slices.Contains(list, d) {
					ids = append(ids, d)
				}
			}
		case 1:
			bitmap := make([]byte, (n+7)/8)
			r.Read(bitmap)
			for d := range n {
				if bitmap[d/8]&(1<<(d%8)) != 0 {
					ids = append(ids, d)
				}
			}
		default:
			panic(fmt.Sprintf("docset mode %d", mode))
		}
		if len(ids) != count {
			panic(fmt.Sprintf("docset of %d members holds %d", count, len(ids)))
		}
		return ids
	}
	nibbles := func(r *bytes.Reader, count int) []int {
		b := make([]byte, (count+1)/2)
		r.Read(b)
		out := []int{}
		for k := range count {
			out = append(out, int(b[k/2]>>(4*(k%2))&15))
		}
		return out
	}
	decode := func(b []byte) postings {
		r := bytes.NewReader(b)
		var p postings
		p.Body = docset(r)
		p.Places = nibbles(r, len(p.Body))
		if 2*len(p.Body) <= n {
			p.Weights = nibbles(r, len(p.Body))
		}
		p.Title = docset(r)
		if r.Len() != 0 {
			panic(fmt.Sprintf("postings of %d bytes, %d left over", len(b), r.Len()))
		}
		return p
	}
	out = map[string]postings{}
	r := bytes.NewReader(data)
	for range uvarint(r) {
		tok := make([]byte, uvarint(r))
		r.Read(tok)
		var b []byte
		file := ""
		if size := uvarint(r); size > 0 {
			b = make([]byte, size)
			r.Read(b)
		} else {
			// Out of line: the file the hash names.
			h := make([]byte, 4)
			r.Read(h)
			name := "search/p/" + hex.EncodeToString(h) + ".bin"
			var ok bool
			if b, ok = files[name]; !ok {
				return nil, nil, fmt.Errorf("%q: no %s", tok, name)
			}
			if s := sha256.Sum256(b); !bytes.Equal(s[:4], h) {
				return nil, nil, fmt.Errorf("%s holds bytes whose hash is %x", name, s[:4])
			}
			file = hex.EncodeToString(h)
		}
		p := decode(b)
		p.File = file
		out[string(tok)] = p
		order = append(order, string(tok))
	}
	if r.Len() != 0 {
		return nil, nil, errors.New("trailing bytes")
	}
	return out, order, nil
}

// shardsOf decodes every shard the manifest lists, checking each file's
// name and that every token is in the shard its hash gives.
func shardsOf(t testing.TB, files map[string][]byte) map[string]postings {
	t.Helper()
	m := readManifest(t, files)
	all := map[string]postings{}
	count := len(m.Shards) / 8
	bits := 0
	for 1<<bits < count {
		bits++
	}
	if 1<<bits != count || count > 1<<shardBits {
		t.Fatalf("%d shards: not a power of two up to %d", count, 1<<shardBits)
	}
	for i := range count {
		h := m.Shards[8*i : 8*i+8]
		name := fmt.Sprintf("search/s/%d.%s.bin", i, h)
		data, ok := files[name]
		if h == "00000000" {
			if ok {
				t.Fatalf("empty shard %d has a file", i)
			}
			continue
		}
		if !ok {
			t.Fatalf("no %s", name)
		}
		if s := sha256.Sum256(data); hex.EncodeToString(s[:4]) != h {
			t.Fatalf("%s holds bytes whose hash is %x", name, s[:4])
		}
		toks, order, err := decodeShard(data, m.Docs, files)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.IsSorted(order) || len(order) == 0 {
			t.Fatalf("%s: tokens %q not in byte order", name, order)
		}
		for tok, p := range toks {
			if want := int(uint64(tokenHash(tok)) >> (32 - bits)); bits > 0 && want != i {
				t.Fatalf("%q is in shard %d; its hash says %d", tok, i, want)
			}
			all[tok] = p
		}
	}
	// The manifest names the postings out of line, and no others.
	big := 0
	for tok, p := range all {
		if p.File != "" {
			big++
			if m.Big[tok] != p.File {
				t.Fatalf("%q: postings out of line in %s, the manifest says %q", tok, p.File, m.Big[tok])
			}
		}
	}
	if big != len(m.Big) {
		t.Fatalf("%d postings out of line, the manifest names %d", big, len(m.Big))
	}
	return all
}

// TestIndexTiny checks the files of the tiny corpus against postings,
// rows and offsets worked out by hand.
func TestIndexTiny(t *testing.T) {
	if got := Order(tinyDocs); !slices.Equal(got, []int{0, 2, 1, 3}) {
		t.Fatalf("Order = %v, want [0 2 1 3]: undated first, then by date", got)
	}
	_, files := build(t, tinyDocs, shardTarget)
	m := readManifest(t, files)
	if m.V != 11 || m.Docs != 4 || len(m.Big) != 0 || len(m.Shards) != 8 || m.PageDocs != 16 ||
		fmt.Sprint(m.Years) != "[[2022 1] [2023 2]]" || len(m.Pages) != 8 {
		t.Fatalf("manifest %+v", m)
	}
	shard := files["search/s/0."+m.Shards+".bin"]
	toks, _, err := decodeShard(shard, 4, files)
	if err != nil {
		t.Fatal(err)
	}
	// Weights by hand: 禁毒 twice in 禁毒工作。禁毒！ (6 characters):
	// 2·2.2/(2 + 1.2·(0.25 + 0.75·6/1000)) = 1.9086 → ·15/2.2 = 13.01 → 13;
	// once: 1.6853 → 11.49 → 11. In 2023年工作 (a word and three
	// characters): once, 1.6876 → 11.51 → 12. search twice among five
	// words: 1.9093 → 13.02 → 13. Places: 工作 starts at byte 6 of 24
	// (6·16/24 = 4) and at byte 7 of 13 (7·16/13 = 8.6 → 8). 2023年, a
	// word and the character after it, is a pair: counted as 2023 is, and
	// no unit of the text's length; 1号 and 14号 are in the 文号s.
	for tok, want := range map[string]postings{
		"禁毒":             {Body: []int{2}, Places: []int{0}, Weights: []int{13}, Title: []int{2}},
		"工作":             {Body: []int{2, 3}, Places: []int{4, 8}, Weights: []int{11, 12}, Title: []int{3}},
		"2023":           {Body: []int{3}, Places: []int{0}, Weights: []int{12}, Title: []int{2, 3}},
		"2023年":          {Body: []int{3}, Places: []int{0}, Weights: []int{12}},
		"1号":             {Title: []int{2}, Weights: []int{}},
		"14号":            {Title: []int{3}, Weights: []int{}},
		"search":         {Body: []int{1}, Places: []int{0}, Weights: []int{13}},
		"about":          {Title: []int{1}, Weights: []int{}},
		"=东风路街道":         {Title: []int{0}, Weights: []int{}},
		"=双政办函 2023 1 号": {Title: []int{2}, Weights: []int{}},
		"=工作通报":          {Title: []int{3}, Weights: []int{}},
		"通报":             {Title: []int{2, 3}, Weights: []int{}},
	} {
		got, ok := toks[tok]
		if !ok {
			t.Errorf("no token %q", tok)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("postings of %q: %+v, want %+v", tok, got, want)
		}
	}
	for _, tok := range []string{"禁毒工", "the archive", "=禁毒", "", "函2023", "2023号"} {
		if _, ok := toks[tok]; ok {
			t.Errorf("%q is a token", tok)
		}
	}
	// The bytes of 禁毒 and 工作, by hand: {2} is sparse (04 02); {2,3} a
	// bitmap (09, bits 2 and 3: 0C); nibbles low first.
	for tok, want := range map[string]string{
		"禁毒": "06" + "0402" + "00" + "0d" + "0402",
		"工作": "06" + "090c" + "84" + "cb" + "0403",
	} {
		enc := fmt.Sprintf("%02x", len(tok)) + hex.EncodeToString([]byte(tok)) + want
		if !strings.Contains(hex.EncodeToString(shard), enc) {
			t.Errorf("the shard does not hold %q as %s:\n%x", tok, enc, shard)
		}
	}
	// The table: rows in number order, each with its text, which the
	// index was given (Analyse).
	page := files["search/d/0."+m.Pages+".json"]
	want := `[["u","东风路街道历次考核排名","units/dongfenglu/","","","东风路街道"],` + "\n" +
		`["p","About","about/","2022-06-01","","Search the archive, search again."],` + "\n" +
		`["c","禁毒通报","circulars/2023/1/","2023-01-05","双政办函〔2023〕1号","禁毒工作。禁毒！"],` + "\n" +
		`["c","工作通报","circulars/2023/14/","2023-04-03","双政办函〔2023〕14号","2023年工作"]]` + "\n"
	if string(page) != want {
		t.Errorf("page 0 of the table is\n%s\nwant\n%s", page, want)
	}
	for path := range files {
		if strings.HasPrefix(path, "search/t/") {
			t.Errorf("%s: a version 11 index has no packs of texts", path)
		}
	}
}

// TestIndexPageRows holds the documents table's rows of documents read
// from their pages' HTML to where the renderer found each fragment in its
// page, by hand: [kind, title, url, date, 文号, at, length], and 0, 0
// where it was not found; a document given its text carries it.
func TestIndexPageRows(t *testing.T) {
	docs := []*Analysis{
		Analyse(Document{Kind: Unit, Title: "甲乡历次考核排名", URL: "units/jia/", Text: "甲乡。也称甲镇"}),
		AnalyseHTML(Document{Kind: Page, Title: "关于", URL: "about/", Date: "2022-06-01"}, "<p>本站\u201c说明\u201d</p>"),
		AnalyseHTML(Document{Kind: Circular, Title: "禁毒通报", URL: "circulars/2023/1/", Date: "2023-01-05", Number: "双政办函〔2023〕1号"}, "<p>禁毒工作。</p>\n<p>禁毒！</p>"),
	}
	files := map[string][]byte{}
	for _, f := range NewIndex(docs).Files([]int{99, 1234, -1}, nil) {
		files[f.Path] = f.Data
	}
	m := readManifest(t, files)
	want := `[["u","甲乡历次考核排名","units/jia/","","","甲乡。也称甲镇"],` + "\n" +
		`["p","关于","about/","2022-06-01","",1234,25],` + "\n" +
		`["c","禁毒通报","circulars/2023/1/","2023-01-05","双政办函〔2023〕1号",0,0]]` + "\n"
	if page := files["search/d/0."+m.Pages+".json"]; string(page) != want {
		t.Errorf("page 0 of the table is\n%s\nwant\n%s", page, want)
	}
}

// TestDocset checks the three forms of a set, each where it is the
// shortest, byte for byte.
func TestDocset(t *testing.T) {
	g := (&Index{}).gatherer(0)
	for _, c := range []struct {
		ids  []uint32
		n    int
		want string
	}{
		{nil, 10, "00"},
		{[]uint32{3}, 10, "0403"},
		{[]uint32{1, 300}, 1000, "08" + "01" + "aa02"},                     // gap 298 = aa 02
		{[]uint32{0, 1, 2, 5, 6, 9}, 10, "19" + "67" + "02"},               // bitmap 1110 0110 01
		{[]uint32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, "2a"},                 // all: no document left out
		{[]uint32{0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12}, 13, "32" + "05"}, // all but 5
		{[]uint32{0, 1}, 2, "0a"},
	} {
		if got := hex.EncodeToString(g.docset(nil, c.ids, c.n)); got != c.want {
			t.Errorf("docset(%v of %d) = %s, want %s", c.ids, c.n, got, c.want)
		}
	}
}

// TestIndexRoundTrip: every token of every document, and nothing else,
// is in the shard its hash gives, with the document's weight, place and
// title flag, for random documents cut into many shards; and each
// document's text is in its pack where its row says.
func TestIndexRoundTrip(t *testing.T) {
	texts := randomTexts(300)
	var docs []Document
	for i, text := range texts {
		d := Document{Kind: Page, Title: texts[(i+7)%len(texts)], URL: fmt.Sprintf("p/%03d/", i), Text: text}
		if i%4 > 0 {
			d.Date = fmt.Sprintf("%04d-%02d-01", 2000+i%9, 1+i%12)
		}
		docs = append(docs, d)
	}
	as, files := buildBig(t, docs, 64, 40)
	all := shardsOf(t, files)
	m := readManifest(t, files)
	if len(m.Shards) < 8*8 {
		t.Fatalf("only %d shards: the test wants many", len(m.Shards)/8)
	}
	outOfLine := 0
	for p := range files {
		if strings.HasPrefix(p, "search/p/") {
			outOfLine++
		}
	}
	if outOfLine < 10 {
		t.Fatalf("%d postings out of line: the test wants many", outOfLine)
	}
	seen := map[string]bool{}
	for id, a := range as {
		for tok, w := range entries(t, a) {
			seen[tok] = true
			p, ok := all[tok]
			if !ok {
				t.Fatalf("%q of document %d is in no shard", tok, id)
			}
			if k, in := slices.BinarySearch(p.Body, id); in != (w.body != 0) {
				t.Fatalf("%q: document %d in the text list %v, its entry says %v", tok, id, in, w.body != 0)
			} else if in && (p.Places[k] != int(w.body&15) || p.Weights != nil && p.Weights[k] != int(w.body>>4)) {
				t.Fatalf("%q in document %d: place %d weight %v, entry %08b", tok, id, p.Places[k], p.Weights, w.body)
			}
			if slices.Contains(p.Title, id) != w.title {
				t.Fatalf("%q: document %d in the title list: %v", tok, id, !w.title)
			}
		}
	}
	for tok, p := range all {
		if !seen[tok] {
			t.Fatalf("%q is in a shard and in no document", tok)
		}
		if dense := 2*len(p.Body) > len(docs); dense != (p.Weights == nil) {
			t.Fatalf("%q is in %d of %d documents, with weights %v", tok, len(p.Body), len(docs), p.Weights)
		}
	}
	// The table, each row with its document's text.
	for id, a := range as {
		p := id / PageDocs
		var rows [][]any
		if err := json.Unmarshal(files[fmt.Sprintf("search/d/%d.%s.json", p, m.Pages[8*p:8*p+8])], &rows); err != nil {
			t.Fatal(err)
		}
		row := rows[id%PageDocs]
		want := strings.ToValidUTF8(a.Doc.Text, "\uFFFD") // as appendString writes it
		if len(row) != 6 || row[2] != a.Doc.URL || row[5] != want {
			t.Fatalf("document %d: row %v, its text %q", id, row, a.Doc.Text)
		}
	}
}

// TestIndexDeterministic: the same documents give the same bytes,
// whatever order they are analysed in, and however many cores do it.
func TestIndexDeterministic(t *testing.T) {
	texts := randomTexts(200)
	var docs []Document
	for i, text := range texts {
		docs = append(docs, Document{Kind: Circular, Title: texts[(i+3)%len(texts)], URL: fmt.Sprintf("c/%d/", i),
			Date: fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), Number: fmt.Sprintf("测发〔2023〕%d号", i), Text: text})
	}
	_, first := buildBig(t, docs, 32, 64)
	ids := Order(docs)
	as := make([]*Analysis, len(docs))
	var wg sync.WaitGroup
	for _, i := range rand.New(rand.NewPCG(3, 4)).Perm(len(docs)) {
		wg.Go(func() { as[ids[i]] = Analyse(docs[i]) })
	}
	wg.Wait()
	x := newIndex(as, 32, 64)
	keys := x.ShardKeys()
	again := x.Files(nil, func(i int) Shard {
		if keys[i] == ([32]byte{}) {
			t.Fatalf("shard %d has no key", i)
		}
		return x.Shard(i)
	})
	for _, f := range again {
		if !bytes.Equal(f.Data, first[f.Path]) {
			t.Fatalf("%s differs between two builds of the same documents", f.Path)
		}
	}
	if len(again) != len(first) {
		t.Fatalf("%d files, then %d", len(first), len(again))
	}
}

// TestShardKeys: editing one document changes the keys of the shards
// that hold the tokens it gained or lost or whose weight or place moved,
// and of no other.
func TestShardKeys(t *testing.T) {
	docs := slices.Clone(tinyDocs)
	for i, text := range randomTexts(100) {
		docs = append(docs, Document{Kind: Page, Title: "页", URL: fmt.Sprintf("p/%d/", i), Date: "2020-01-01", Text: text})
	}
	as, _ := build(t, docs, 16)
	before := newIndex(as, 16, bigPostings)
	keys := before.ShardKeys()
	// 禁毒工作。禁毒！ → 禁毒工作。禁毒！禁毒: the same length in characters
	// but one, so 禁毒 and 禁 count once more, 毒 too, and weights of
	// others may move; every token of the old and new text is checked.
	edited := slices.Clone(as)
	id := Order(docs)[1]
	d := docs[1]
	d.Text += "禁毒"
	edited[id] = Analyse(d)
	after := newIndex(edited, 16, bigPostings)
	if after.bits != before.bits {
		t.Fatal("the edit changed the number of shards")
	}
	changed := map[int]bool{}
	old, now := entries(t, as[id]), entries(t, edited[id])
	for tok := range mergeKeys(old, now) {
		if old[tok] != now[tok] {
			changed[int(tokenHash(tok)>>(32-after.bits))] = true
		}
	}
	if len(changed) == 0 || len(changed) == after.Shards() {
		t.Fatalf("%d of %d shards changed: the test proves nothing", len(changed), after.Shards())
	}
	for i, k := range after.ShardKeys() {
		if (k != keys[i]) != changed[i] {
			t.Errorf("shard %d: key changed %v, tokens changed %v", i, k != keys[i], changed[i])
		}
	}
}

// TestVariants: the index names its table of traditional characters in
// the manifest by the hash of the whole table (variants.txt), and writes
// it in pieces named by that hash: piece k, search/v/<k>.<h>.txt, holds
// the pairs of the traditional characters U+4E00 + 256k … U+4E00 + 256k +
// 255, and the 82 pieces of U+4E00–U+9FFF hold the whole table. The table
// is pairs of CJK Unified Ideographs, each a traditional character and
// another, its simplified form, in the order of the code points, with the
// commonest of a query's (營商環境, 經濟, 關於, 發展) among them.
func TestVariants(t *testing.T) {
	_, files := build(t, searchDocs, shardTarget)
	var m Manifest
	if err := json.Unmarshal(files["search-index.json"], &m); err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(variants); m.Variants != hex.EncodeToString(sum[:4]) {
		t.Fatalf("manifest's variants %q, want the hash of variants.txt %x", m.Variants, sum[:4])
	}
	var pairs []rune
	for k := range 82 {
		piece, ok := files[fmt.Sprintf("search/v/%d.%s.txt", k, m.Variants)]
		if !ok {
			t.Fatalf("piece %d: no such file", k)
		}
		rs := []rune(string(piece))
		if len(rs) == 0 || len(rs)%2 != 0 {
			t.Fatalf("piece %d: %d characters, not pairs", k, len(rs))
		}
		for i := 0; i < len(rs); i += 2 {
			if from := rune(0x4E00 + 256*k); rs[i] < from || rs[i] >= from+256 {
				t.Fatalf("piece %d holds %c (%U)", k, rs[i], rs[i])
			}
		}
		pairs = append(pairs, rs...)
	}
	n := 0
	for p := range files {
		if strings.HasPrefix(p, "search/v/") {
			n++
		}
	}
	if n != 82 {
		t.Errorf("%d files in search/v/, want the 82 pieces", n)
	}
	if string(pairs)+"\n" != string(variants) {
		t.Errorf("the pieces are not the table")
	}
	if len(pairs)%2 != 0 || len(pairs) < 4000 {
		t.Fatalf("%d characters, not pairs of a few thousand", len(pairs))
	}
	to := map[rune]rune{}
	for i := 0; i < len(pairs); i += 2 {
		a, b := pairs[i], pairs[i+1]
		if a == b || a < uniStart || a >= uniEnd || b < uniStart || b >= uniEnd || i > 0 && a <= pairs[i-2] {
			t.Fatalf("pair %d: %c%c", i/2, a, b)
		}
		to[a] = b
	}
	for from, want := range map[string]string{"營商環境": "营商环境", "經濟": "经济", "關於": "关于", "發展": "发展", "東風路": "东风路"} {
		got := []rune(from)
		for i, r := range got {
			if s, ok := to[r]; ok {
				got[i] = s
			}
		}
		if string(got) != want {
			t.Errorf("%s: %s, want %s", from, string(got), want)
		}
	}
}

// TestAppendNibbles: the places and weights, two a byte, for every length
// up to a few words.
func TestAppendNibbles(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 40 {
		v := make([]byte, n)
		for k := range v {
			v[k] = byte(rng.IntN(256))
		}
		var want []byte
		for k := 0; k < n; k += 2 {
			c := v[k] & 0xF
			if k+1 < n {
				c |= v[k+1] << 4
			}
			want = append(want, c)
		}
		for k := 0; k < n; k += 2 {
			c := v[k] >> 4
			if k+1 < n {
				c |= v[k+1] & 0xF0
			}
			want = append(want, c)
		}
		if got := appendNibbles([]byte{9}, v, true); !bytes.Equal(got, append([]byte{9}, want...)) {
			t.Fatalf("appendNibbles(%x) = %x, want %x", v, got[1:], want)
		}
		if got := appendNibbles(nil, v, false); !bytes.Equal(got, want[:(n+1)/2]) {
			t.Fatalf("appendNibbles(%x) without weights = %x, want %x", v, got, want[:(n+1)/2])
		}
	}
}

// TestAppendComplement checks the documents left out of sets of every
// density, from none to all, against a loop over every document.
func TestAppendComplement(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 300 {
		n := rng.IntN(100)
		keep := rng.Float64()
		var ids, want []uint32
		for d := range uint32(n) {
			if rng.Float64() < keep {
				ids = append(ids, d)
			} else {
				want = append(want, d)
			}
		}
		if got := appendComplement([]uint32{7}, ids, n); !slices.Equal(got, append([]uint32{7}, want...)) {
			t.Fatalf("appendComplement(%v of %d) = %v, want %v", ids, n, got[1:], want)
		}
	}
}

// TestTakeInAnyOrder: a gatherer that takes shards out of order, or one
// again, gathers each as a fresh gatherer does (take goes on from the
// last shard's run only for a later shard, and passes over others' by
// galloping).
func TestTakeInAnyOrder(t *testing.T) {
	texts := randomTexts(120)
	as := make([]*Analysis, len(texts))
	for i, text := range texts {
		as[i] = Analyse(Document{Kind: Page, Title: texts[(i+1)%len(texts)], URL: fmt.Sprintf("p/%d/", i), Text: text})
	}
	x := newIndex(as, 32, 64)
	if x.Shards() < 8 {
		t.Fatalf("%d shards: the test wants more", x.Shards())
	}
	g := x.gatherer(64)
	for _, i := range []int{3, 1, 3, 0, x.Shards() - 1, 2, 2, 5, 4} {
		got, want := x.gatherShard(g, i), x.Shard(i)
		if !bytes.Equal(got.Data, want.Data) || len(got.Postings) != len(want.Postings) {
			t.Fatalf("shard %d taken after others differs from a fresh gatherer's", i)
		}
	}
}

// TestIndexNames: the list of names holds each unit's and indicator's
// names, their own first, with the page's number (undated pages first,
// by URL: about/ 0, indicators/jindu/ 1, units/xinglong/ 2; see Order),
// and nothing of a circular's or a plain page's; a site without such pages has no list, and its manifest no
// "names".
func TestIndexNames(t *testing.T) {
	docs := []Document{
		{Kind: Circular, Title: "禁毒通报", URL: "circulars/2023/1/", Date: "2023-01-05", Names: []string{"禁毒通报"}, Text: "禁毒"},
		{Kind: Unit, Title: "兴隆街道历次考核排名", URL: "units/xinglong/", Names: []string{"兴隆街道", "兴隆办"}, Text: "兴隆街道"},
		{Kind: Page, Title: "关于", URL: "about/", Text: "关于本站"},
		{Kind: Indicator, Title: "禁毒历次排名", URL: "indicators/jindu/", Names: []string{"禁毒"}, Text: "禁毒"},
	}
	_, files := build(t, docs, shardTarget)
	m := readManifest(t, files)
	path := "search/n/0." + m.Names + ".json"
	const want = "[[\"禁毒\",1],\n[\"兴隆街道\",2],\n[\"兴隆办\",2]]\n"
	if got := string(files[path]); got != want {
		t.Fatalf("%s = %q, want %q", path, got, want)
	}
	if s := sha256.Sum256([]byte(want)); hex.EncodeToString(s[:4]) != m.Names {
		t.Errorf("manifest names %q, not the list's hash", m.Names)
	}
	_, files = build(t, []Document{docs[0], docs[2]}, shardTarget)
	if m := readManifest(t, files); m.Names != "" || bytes.Contains(files["search-index.json"], []byte(`"names"`)) {
		t.Errorf("a site without unit or indicator pages: manifest %s", files["search-index.json"])
	}
	for p := range files {
		if strings.HasPrefix(p, "search/n/") {
			t.Errorf("a site without unit or indicator pages has %s", p)
		}
	}
}
