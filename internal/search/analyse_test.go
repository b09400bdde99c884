package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// An expected entry: what the reference tokeniser says of a token.
type want struct {
	body  byte // weight<<4 | place, 0 if not in the text
	title bool
}

// reference analyses d with Tokenize's rules (scan), the slow and plain
// way: every token's count and first place in the text, and the tokens
// and exact keys of the title, 文号 and names.
func reference(d Document) map[string]want {
	type tally struct{ count, first int }
	counts := map[string]*tally{}
	units := 0
	scan(d.Text, func(tok string, at int) {
		if !IsPair(tok) {
			units++ // a character or a word
		}
		if t := counts[tok]; t != nil {
			t.count++
		} else {
			counts[tok] = &tally{1, at}
		}
	})
	out := map[string]want{}
	for tok, t := range counts {
		out[tok] = want{body: byte(weight(t.count, units)<<4 | t.first*places/len(d.Text))}
	}
	for _, s := range append([]string{d.Title, d.Number}, d.Names...) {
		toks := Tokenize(s)
		if k := Key(s); k != "" {
			toks = append(toks, "="+k)
		}
		for _, tok := range toks {
			w := out[tok]
			w.title = true
			out[tok] = w
		}
	}
	return out
}

// entries decodes an analysis: each token's body byte and title flag. It
// fails the test if a token comes twice or if an entry's shard bits are
// not its token's.
func entries(t *testing.T, a *Analysis) map[string]want {
	t.Helper()
	out := map[string]want{}
	for _, e := range a.entries {
		tok := a.token(e)
		if _, dup := out[tok]; dup {
			t.Fatalf("%q is in the entries twice", tok)
		}
		if shard := e >> shardShift; shard != uint64(tokenHash(tok)>>(32-shardBits)) {
			t.Fatalf("%q has shard bits %d, its hash says %d", tok, shard, tokenHash(tok)>>(32-shardBits))
		}
		out[tok] = want{body: byte(e >> bodyShift), title: e&titleBit != 0}
	}
	return out
}

// TestAnalyseTokens holds the counter to the reference tokeniser: the
// same tokens, each counted as often, first found at the same place, on
// the hand-checked cases, the tricky strings and random mixtures of them.
func TestAnalyseTokens(t *testing.T) {
	texts := slices.Clone(parityStrings)
	for _, c := range tokenizeCases {
		texts = append(texts, c.in)
	}
	// A pair counted both adjacent and apart (a mark between), either first.
	texts = append(texts, "禁毒。禁\u20dd毒禁毒", "禁\u20dd毒。禁毒", "禁\u20dd毒")
	texts = append(texts, randomTexts(500)...)
	for i, text := range texts {
		d := Document{Text: text}
		if i%3 == 0 { // some with titles, 文号 and names
			d.Title, d.Number, d.Names = texts[(i+1)%len(texts)], "双政办函〔2023〕14号", []string{texts[(i+2)%len(texts)]}
		}
		got, exp := entries(t, Analyse(d)), reference(d)
		if !maps.Equal(got, exp) {
			for tok := range mergeKeys(got, exp) {
				if got[tok] != exp[tok] {
					t.Errorf("token %q: analysed %+v, reference %+v", tok, got[tok], exp[tok])
				}
			}
			t.Fatalf("the analysis of %+q differs from the reference", d)
		}
	}
}

func mergeKeys[V any](a, b map[string]V) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// randomTexts mixes the pieces that make tokenising hard: runs of common
// and rare Han characters, ignored marks between them, full-width and
// cased letters, digits, punctuation and invalid bytes.
func randomTexts(n int) []string {
	pieces := []string{"禁", "毒", "工作", "禁毒", "禁禁禁", "𠀀", "𠀁", "〇", "々", "㐀", "\u20dd", "\uFE00", "\u00ad",
		"ａ", "Ｂ", "A", "z", "1", "２", "ǅ", "İ", "ß", "Σ", "ひ", "，", "。", " ", "\u3000", "\xff", "\xe4\xb8", "😀", "—", "〔", "〕", ".", "．", "9"}
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	for range n {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestAnalyseLong: counts beyond the small ones the counter keeps weights
// for, a text long enough to grow its tables, and places across it.
func TestAnalyseLong(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		// 3,000 distinct pairs and characters from the whole block, and
		// one pair repeated often.
		r := rune(0x4E00 + i*7)
		fmt.Fprintf(&b, "%c%c，禁毒。", r, r+1)
	}
	d := Document{Text: b.String()}
	if got, exp := entries(t, Analyse(d)), reference(d); !maps.Equal(got, exp) {
		t.Fatalf("the analysis of a long text differs from the reference")
	}
}

// TestAnalyseManyPairs: a pair counted more than 0xFFFF times, whose count
// carries past its slot's 16 bits (pairTable.carry), and the characters
// counted from it, in a text long enough that a count short by 65,536
// would weigh less (see TestWeight).
func TestAnalyseManyPairs(t *testing.T) {
	text := strings.Repeat("禁毒", 70000) + "，" + strings.Repeat("毒品 ", 70000) + strings.Repeat(" a", 900000)
	d := Document{Text: text}
	got, exp := entries(t, Analyse(d)), reference(d)
	for _, tok := range []string{"禁毒", "毒禁", "禁", "毒", "毒品"} {
		if got[tok] != exp[tok] {
			t.Errorf("token %q: analysed %+v, reference %+v", tok, got[tok], exp[tok])
		}
	}
	if !maps.Equal(got, exp) {
		t.Fatalf("the analysis of a text with a pair 70,000 times differs from the reference")
	}
	sameAnalysis(t, Document{Title: "禁毒"}, "<p>"+text+"</p>")
}

// TestAnalyseCountsPastSaturation: a token counted more than 65,535
// times in a text of more than 2.5 million characters and words weighs by
// its whole count, as the reference counts it: there a count held at
// 65,535 weighs 14, the whole one 15. A pair (100,000 times), its
// characters, and a word (2,600,000 times), whose counts are known by
// construction.
func TestAnalyseCountsPastSaturation(t *testing.T) {
	const pairs, words = 100000, 2600000
	text := strings.Repeat("禁毒", pairs) + strings.Repeat(" a", words)
	units := 2*pairs + words
	if weight(65535, units) == weight(words, units) || weight(65535, units) == weight(pairs, units) {
		t.Fatal("the text is too short for a count held at 65,535 to weigh less")
	}
	got := entries(t, Analyse(Document{Text: text}))
	for _, c := range []struct {
		tok   string
		count int
	}{{"禁毒", pairs}, {"毒禁", pairs - 1}, {"禁", pairs}, {"毒", pairs}, {"a", words}} {
		if w := int(got[c.tok].body >> 4); w != weight(c.count, units) {
			t.Errorf("%q, %d times in %d characters and words, weighs %d, want %d", c.tok, c.count, units, w, weight(c.count, units))
		}
	}
}

// TestWeight checks weights worked out by hand: s = tf·2.2 / (tf + 1.2·(0.25
// + 0.75·n/1000)), scaled by 15/2.2 and rounded, at least 1.
func TestWeight(t *testing.T) {
	for _, c := range []struct{ tf, n, want int }{
		{1, 1000, 7},    // 2.2/2.2 = 1 → 6.82
		{2, 6, 13},      // 4.4/2.3054 = 1.9086 → 13.01
		{1, 10000, 1},   // 2.2/10.3 = 0.2136 → 1.46
		{1, 100000, 1},  // 0.024 → 0.16, at least 1
		{50, 1000, 15},  // 110/51.2 = 2.148 → 14.65
		{5, 7000, 6},    // 11/11.6 = 0.948 → 6.47
		{1000, 100, 15}, // saturated
	} {
		if got := weight(c.tf, c.n); got != c.want {
			t.Errorf("weight(%d, %d) = %d, want %d", c.tf, c.n, got, c.want)
		}
	}
}

// TestTokenHash: FNV-1a over code points, then MurmurHash3's finaliser,
// computed by hand (in Python) for a few tokens; hashRunes agrees.
func TestTokenHash(t *testing.T) {
	for tok, want := range map[string]uint32{
		"":     0xab3e7c0b,
		"禁":    0xff0459ff,
		"禁毒":   0x83804309,
		"2023": 0x46f0ea29,
		"𠀀":    0x0d9ed115,
	} {
		if got := tokenHash(tok); got != want {
			t.Errorf("tokenHash(%q) = %#08x, want %#08x", tok, got, want)
		}
	}
	if hashRunes(0, '禁') != tokenHash("禁") || hashRunes('禁', '毒') != tokenHash("禁毒") || hashPair('禁', '毒') != tokenHash("禁毒") {
		t.Error("hashRunes or hashPair differs from tokenHash")
	}
}

// sameAnalysis fails the test unless AnalyseHTML of fragment counts what
// Analyse counts in the text PlainText reads, each token first found in
// the same place where the fragment is its text (no markup, white space
// as PlainText leaves it), and keeps no text.
func sameAnalysis(t *testing.T, d Document, fragment string) {
	t.Helper()
	got := AnalyseHTML(d, fragment)
	d.Text = PlainText(fragment)
	exp := Analyse(d)
	if got.Doc.Text != "" || got.Len != len(fragment) || !got.html {
		t.Fatalf("AnalyseHTML(%q) keeps the text %q and the length %d", fragment, got.Doc.Text, got.Len)
	}
	// A place is a sixteenth of the fragment from the reader, of the text
	// from Analyse: the same where the two are the same.
	same := d.Text == fragment
	unplaced := func(es []uint64) []uint64 {
		if same {
			return es
		}
		out := make([]uint64, len(es))
		for i, e := range es {
			out[i] = e &^ ((places - 1) << bodyShift)
		}
		return out
	}
	ge, ee := unplaced(got.entries), unplaced(exp.entries)
	g, e := entryMap(t, got, ge), entryMap(t, exp, ee)
	if !maps.Equal(g, e) {
		for tok := range mergeKeys(g, e) {
			if g[tok] != e[tok] {
				t.Errorf("token %q: read from the HTML %+v, from its text %+v", tok, g[tok], e[tok])
			}
		}
		t.Fatalf("AnalyseHTML(%q) differs from Analyse of its text %q", fragment, d.Text)
	}
	if !slices.Equal(ge, ee) || got.words != exp.words || !slices.Equal(got.wordEnds, exp.wordEnds) {
		t.Fatalf("AnalyseHTML(%q): the same tokens in another order", fragment)
	}
}

// entryMap is entries of a's entries es (a's own, or changed).
func entryMap(t *testing.T, a *Analysis, es []uint64) map[string]want {
	t.Helper()
	return entries(t, &Analysis{entries: es, words: a.words, wordEnds: a.wordEnds})
}

// TestAnalyseHTMLPlaces holds a token's place to where its first
// occurrence's bytes begin in the fragment (see reader), by hand: a
// sixteenth of the fragment, not of its text, which markup makes
// shorter: search.js fetches that stretch of the page.
func TestAnalyseHTMLPlaces(t *testing.T) {
	attr := strings.Repeat("x", 200)
	for _, c := range []struct {
		html string
		tok  string
		at   int // the offset of its first occurrence in html
	}{
		// 甲 at 212 of 229, 乙 at 222 (the text, "甲 乙", puts 乙 at 4 of 7).
		{`<p class="` + attr + `">甲</p><p>乙</p>`, "甲", 212},
		{`<p class="` + attr + `">甲</p><p>乙</p>`, "乙", 222},
		{`<p class="` + attr + `">甲乙丙</p><p>丙丁</p>`, "丙丁", 228},
		{`<p class="` + attr + `">甲</p><p>word 2023年</p>`, "word", 222},
		{`<p class="` + attr + `">甲</p><p>word 2023年</p>`, "2023年", 227},
		// Decoded text is placed from where its first reference begins,
		// a byte of it a byte on; an alt text from where its tag begins.
		{`<p class="` + attr + `">甲</p><p>&amp;&amp;&amp;&#x4E59;</p>`, "乙", 225},
		{`<p class="` + attr + `">甲</p><p><img alt="乙图" src="a.png"></p>`, "乙图", 222},
	} {
		a := AnalyseHTML(Document{}, c.html)
		es := entries(t, a)
		w, ok := es[c.tok]
		if !ok {
			t.Errorf("%q: no %q in %v", c.html, c.tok, es)
			continue
		}
		if got, want := int(w.body&(places-1)), c.at*places/len(c.html); got != want {
			t.Errorf("%q: %q is in sixteenth %d, want %d (offset %d of %d)", c.html, c.tok, got, want, c.at, len(c.html))
		}
	}
}

// TestAnalyseHTML holds the one pass over a fragment (reader) to its two
// definitions, PlainText and Analyse, on markup that joins, separates,
// escapes and skips text, and on random mixtures of text and tags.
func TestAnalyseHTML(t *testing.T) {
	fragments := []string{
		"", "<p>禁毒</p>", "<p>禁毒</p><p>工作</p>", "<p><strong>（8）优化营商环境。</strong>湘易办</p>",
		"<p>禁<em>毒</em>办</p>", "<p>ab<b>CD</b>ef 12<i>34</i></p>", "禁<br>毒", "禁<br/>毒 禁毒",
		"<p>A&amp;B &lt;script&gt; &#x4E2D;&#25991; &ldquo;引号&rdquo;&nbsp;x</p>", "禁&amp;毒", "ab&amp;cd",
		"禁&#27602;办", "禁毒&nbsp;工作", "&lt;p&gt;禁毒", "前<!-- 注释 <p>x</p> -->后", "前<script>var s = '</p>禁毒';</script>后",
		"<style>p{}</style><svg><text>图</text></svg>正文", "1 < 2 <3", "禁<毒", "文<p class=\"x", "<!DOCTYPE html><p>文</p>",
		"<p>甲乙</p>\n<p>丙\xff\xfe丁 \xe4\xb8</p>", "禁\xe4\xb8", "禁\u20dd毒", "禁\u3000毒", "ＧＤＰ增长２０２３年", "𠀀𠀁<b>𠀂</b>",
		"<h3 id=\"x\">一、任务</h3><ol><li>甲</li><li>乙</li></ol>", "<table><tr><td>第一</td><th>桥头街道</th></tr></table>",
		"  a \n\t b　　c  ", "禁\u00ad毒", "禁\u2028毒", "々〇㐀", strings.Repeat("禁毒工作", 500),
		// A point after a number, whose next character a tag or a
		// reference may hide (see reader.point).
		"<p>增长<b>17.</b>95%，PM2.5</p>", "17.&#57;5", "<p>17.</p><p>5</p>", "1.<br>5", "１７．<i>９５</i>", "17．&#65301;",
		`<img alt="v1.">2`, "17.&lt;5", "1.5&amp;", "a 1.", "1.", "<p>得分87.95分，1.5万元</p>", "&amp;1.<b>5</b>",
	}
	pieces := []string{"<p>", "</p>", "<b>", "</b>", "<br>", "<!-- x -->", "&amp;", "&lt;", "&nbsp;", "&#x4E2D;", " ", "\n", "<",
		"<script>禁</script>", "</span>", "<li>", "</LI>", "<strong>", "</strong>", "<td>", "</em>", "<hr>", "<h2>", "<p>>", "&#46;"}
	rng := rand.New(rand.NewPCG(3, 4))
	texts := randomTexts(300)
	for _, text := range texts {
		var b strings.Builder
		for _, r := range text {
			if rng.IntN(4) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			b.WriteRune(r)
		}
		fragments = append(fragments, b.String(), text)
	}
	for i, f := range fragments {
		d := Document{Kind: Page, Title: "禁毒工作", URL: "p/"}
		if i%2 == 0 {
			d.Title, d.Number = texts[i%len(texts)], "双政办函〔2023〕14号"
		}
		sameAnalysis(t, d, f)
	}
}

// TestPairsAcrossMarks: the characters on either side of a joiner
// (quotation marks, brackets, middle dots) pair, those on either side of
// clause or sentence punctuation do not, nor those on either side of a
// block's end (its end is a space in the text) or of a space. The marks
// are of each kind the counter reads: ASCII, three bytes in a run of
// characters (“”、…, full-width （，), two bytes (·), and character
// references.
func TestPairsAcrossMarks(t *testing.T) {
	d := Document{Kind: Page, Title: "甲", URL: "p/"}
	for _, c := range []struct {
		html       string
		has, hasnt []string
	}{
		{"<p>落实“三重点”工作。</p>", []string{"实三", "点工", "落实", "工作"}, nil},
		{"<h2>落实</h2><p>“三重点”工作</p>", []string{"点工", "落实"}, []string{"实三"}},
		{"<p>落实<strong>“三重点”</strong>工作</p>", []string{"实三", "点工"}, nil},
		{"<p>落实 三重点，<br>工作</p>", []string{"三重"}, []string{"实三", "点工"}},
		{"<p>安全、生产，责任。落实；考核…到位——全面</p>", []string{"安全", "生产"}, []string{"全生", "产责", "任落", "实考", "核到", "位全"}},
		{"<p>安全,生产.责任;落实:考核!到位?全面</p>", []string{"安全", "生产"}, []string{"全生", "产责", "任落", "实考", "核到", "位全"}},
		{"<p>《安全法》（试行）、（一）加强</p>", []string{"全法", "法试", "一加"}, []string{"行一"}},
		{"<p>办法(试行)的\"通知\"与[附件]</p>", []string{"法试", "行的", "的通", "知与", "与附"}, nil},
		{"<p>阿卜·买提&middot;甲&ldquo;乙&rdquo;丙&#65292;丁</p>", []string{"卜买", "提甲", "甲乙", "乙丙"}, []string{"丙丁"}},
		{"<p>禁毒”，“反诈</p>", nil, []string{"毒反"}},
	} {
		for _, a := range []*Analysis{AnalyseHTML(d, c.html), Analyse(Document{Kind: Page, Title: "甲", URL: "p/", Text: PlainText(c.html)})} {
			es := entries(t, a)
			for _, tok := range c.has {
				if es[tok].body == 0 {
					t.Errorf("%s: the text has no %s", c.html, tok)
				}
			}
			for _, tok := range c.hasnt {
				if _, ok := es[tok]; ok {
					t.Errorf("%s: the text has %s", c.html, tok)
				}
			}
		}
	}
}

// FuzzAnalyseHTML holds the one pass over a fragment to PlainText and
// Analyse on any input.
func FuzzAnalyseHTML(f *testing.F) {
	f.Add("<p><strong>（8）优化营商环境。</strong>湘易办</p>", "禁毒")
	f.Add("<p>A&amp;B &lt;script&gt; 禁&#27602;&nbsp;x</p>", "")
	f.Add("<p>甲乙</p>\n<p>丙\xff\xfe丁</p>", "甲")
	f.Add(`<p>见<img src=x.png alt="得分&amp;分布">图<IMG ALT='甲\xff'></p>`, "")
	f.Add("<p>落实“三重点”工作、（一）<b>加强</b>&ldquo;甲&rdquo;·乙(丙)，丁”，“戊</p>", "《甲》（乙）")
	f.Add("<p>增长<b>17.</b>95%，PM2.5，１．<i>５</i>&#46;5</p>", "1.5万")
	f.Fuzz(func(t *testing.T, fragment, title string) {
		sameAnalysis(t, Document{Title: title}, fragment)
	})
}

// TestPlace holds the place computed without dividing to at·places/n:
// every offset of texts up to 3,000 bytes, and offsets near the multiples
// of n/places of longer texts up to the length beyond which place divides.
func TestPlace(t *testing.T) {
	check := func(sc *scale, at uint32) {
		if got, want := sc.place(at), min(places-1, int(at)*places/sc.n); got != want {
			t.Fatalf("place(%d) in a text of %d bytes = %d, want %d", at, sc.n, got, want)
		}
	}
	for n := 1; n <= 3000; n++ {
		sc := newScale(1, n)
		for at := range n {
			check(sc, uint32(at))
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		n := 1 + rng.IntN(1<<27+1000)
		sc := newScale(1, n)
		for k := range places + 1 {
			edge := k * n / places
			for at := max(0, edge-2); at <= edge+2 && at < n; at++ {
				check(sc, uint32(at))
			}
		}
		check(sc, uint32(n-1))
	}
}

// token is the text of an entry's token.
func (a *Analysis) token(e uint64) string {
	key := e & keyMask
	if key&wordBit != 0 {
		return a.word(key & (wordBit - 1))
	}
	var buf [8]byte
	return string(appendToken(buf[:0], key))
}

// TestMarkOf holds the table markOf reads to mark, on every three bytes
// that start with a lead byte of three and are followed by any two.
func TestMarkOf(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				b := string([]byte{byte(b0), byte(b1), byte(b2)})
				if got, want := markOf(b[0], b[1], b[2]), mark(b); got != want {
					t.Fatalf("markOf(% x) = %v, mark %v", b, got, want)
				}
			}
		}
	}
}

// TestCounterShrinks: a pooled counter that a page of 100,000 distinct
// words and 60,000 distinct pairs grew does not keep tables of that size
// for the pages after it, which would clear or probe them whole; the next
// page is analysed as the reference analyses it.
func TestCounterShrinks(t *testing.T) {
	var b strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&b, "w%d ", i)
	}
	for i := range 60000 {
		r := rune(0x4E00 + i%20000)
		fmt.Fprintf(&b, "%c%c。", r, rune(0x4E00+(i*7+i/20000)%20000))
	}
	c := newCounter()
	c.analyse(Document{Text: b.String()})
	if len(c.words.slots) <= keptSlots || len(c.pairs.slots) <= keptSlots {
		t.Fatalf("the huge page grew the tables to %d and %d slots only", len(c.words.slots), len(c.pairs.slots))
	}
	d := Document{Title: "关于禁毒工作的通报", Text: "禁毒工作 2023年 GDP 禁毒宣传。"}
	got := c.analyse(d)
	if len(c.words.slots) > keptSlots || len(c.pairs.slots) > keptSlots {
		t.Errorf("after a small page the tables have %d and %d slots", len(c.words.slots), len(c.pairs.slots))
	}
	if g, exp := entries(t, got), reference(d); !maps.Equal(g, exp) {
		t.Errorf("the page after the huge one is analysed as\n%v\nwant\n%v", g, exp)
	}
}
