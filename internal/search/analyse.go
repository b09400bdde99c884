package search

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// A Kind is what sort of page a document is; search.js labels results by it.
type Kind byte

const (
	Circular  Kind = 'c' // a circular
	Page      Kind = 'p' // a plain page
	Unit      Kind = 'u' // a unit's history (township or department)
	Indicator Kind = 'i' // an indicator's history
)

// A Document is one page as the search sees it.
type Document struct {
	Kind   Kind
	Title  string   // as the page shows it; matched with more weight than the text
	URL    string   // slash path below the site root: "circulars/2023/14/"
	Date   string   // 2023-04-03, or "" (unit and indicator pages have none)
	Number string   // 文号, or "": weighs as the title, and found exactly
	Names  []string // other names that find the page exactly: a circular's short title, a unit's name
	Text   string   // plain text of the body (see PlainText)
}

// An Analysis is what the index keeps of one document: its fields and
// text, and each of its distinct tokens with the weight of its count and
// where it first occurs. It depends on the document alone, so a build
// makes it while the page's body is at hand, and the preview server keeps
// it until the page changes. It is never modified once made.
type Analysis struct {
	Doc Document

	// Len is the length in bytes of what the places of its tokens are
	// sixteenths of (see Index): the HTML fragment AnalyseHTML read,
	// which search.js fetches from the document's page for a snippet
	// (the page's own bytes: the index keeps no copy of them), or the
	// text Analyse read, Doc.Text, which the documents table carries.
	Len int
	// html is whether the analysis is AnalyseHTML's, whose Doc.Text is
	// empty.
	html bool

	// entries are the document's tokens, one uint64 each, in the order
	// of their shards (bits 52–61), so that the index takes each shard's
	// from a run of them (see gatherer.take):
	//
	//	bits  0–42  the token: a Han character (its code point), a pair
	//	            (first<<21 | second), or a word, a word and the Han
	//	            character after it, or an exact key (1<<42 | index in words)
	//	bits 43–50  its body byte: weight<<4 | place, 0 if not in the text
	//	bit  51     it occurs in the title, the 文号 or a name
	//	bits 52–61  the top 10 bits of its hash (tokenHash)
	entries []uint64
	// words are the words, word pairs and exact keys entries refer to,
	// one after the other, word k ending at wordEnds[k]: one string, not a
	// string each, which the collector would scan at every cycle of a
	// build (50,000 in the plain corpus's).
	words    string
	wordEnds []uint32

	// digests are the digests of the document's entries in each shard,
	// for the number of shards last asked (see shardDigests).
	digests atomic.Pointer[shardDigests]
}

// word is the text of word k (see words).
func (a *Analysis) word(k uint64) string {
	start := uint32(0)
	if k > 0 {
		start = a.wordEnds[k-1]
	}
	return a.words[start:a.wordEnds[k]]
}

// shardDigests are, for an index of 1<<bits shards, a digest of a
// document's entries in each shard it has entries in.
type shardDigests struct {
	bits   int
	shards []int32  // the shards, ascending
	sums   []uint64 // the digest of the entries in each
}

// shardDigests digests a's entries shard by shard, once for each number
// of shards.
func (a *Analysis) shardDigests(bits int) *shardDigests {
	if d := a.digests.Load(); d != nil && d.bits == bits {
		return d
	}
	d := &shardDigests{bits: bits}
	shift := shardShift + shardBits - bits
	sums := make([]uint64, 1<<bits)
	seen := make([]bool, 1<<bits)
	for _, e := range a.entries {
		i := int32(e >> shift)
		seen[i] = true
		v := e
		if e&wordBit != 0 {
			// The word's index in its document: its text is digested.
			v = e&^(wordBit-1) ^ digest(0, a.word(e&(wordBit-1)))
		}
		// The entries of a shard are in no particular order: their
		// digests are summed.
		sums[i] += mix64(v)
	}
	for i, ok := range seen {
		if ok {
			d.shards = append(d.shards, int32(i))
			d.sums = append(d.sums, sums[i])
		}
	}
	a.digests.Store(d)
	return d
}

// digest folds s into h (FNV-1a, 64 bits).
func digest(h uint64, s string) uint64 {
	if h == 0 {
		h = 14695981039346656037
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// mix64 is a 64-bit finaliser (SplitMix64's).
func mix64(v uint64) uint64 {
	v = (v ^ v>>30) * 0xbf58476d1ce4e5b9
	v = (v ^ v>>27) * 0x94d049bb133111eb
	return v ^ v>>31
}

const (
	wordBit    = 1 << 42
	keyMask    = 1<<43 - 1
	bodyShift  = 43
	titleBit   = 1 << 51
	shardShift = 52
	shardBits  = 10 // at most 1<<shardBits shards
)

// Weights. A token's weight in a document is the saturating term
// frequency of BM25, tf·(k1+1) / (tf + k1·(1 − b + b·len/pivot)), scaled
// to 1…15: a few occurrences count, dozens hardly more, and a long
// document needs more of them. The pivot is a constant, not the archive's
// mean length, so that a document's weights depend on it alone.
const (
	bm25K1  = 1.2
	bm25B   = 0.75
	pivot   = 1000 // characters and words
	weights = 15
	places  = 16 // the text is cut in this many equal parts; a token's place is the part it first occurs in
)

// weight is the weight (1…15) of a token occurring tf ≥ 1 times in a text
// of n characters and words.
func weight(tf, n int) int {
	t := float64(tf)
	s := t * (bm25K1 + 1) / (t + bm25K1*(1-bm25B+bm25B*float64(n)/pivot))
	return max(1, min(weights, int(math.Round(s*weights/(bm25K1+1)))))
}

// Analyse analyses d.
func Analyse(d Document) *Analysis {
	c := counters.Get().(*counter)
	defer counters.Put(c)
	return c.analyse(d)
}

// AnalyseHTML analyses d with the text of the HTML fragment html as its
// text (see PlainText), its tokens placed where they are in html (see
// reader). The analysis keeps no text: d.Text is left empty.
func AnalyseHTML(d Document, html string) *Analysis {
	c := counters.Get().(*counter)
	defer counters.Put(c)
	c.begin()
	r := reader{c: c}
	d.Text = ""
	n := len(html)
	if !r.html(html) {
		// Placed in the text, which stands for the fragment as nearly
		// as a place (a sixteenth) can tell on a page of text.
		text := PlainText(html)
		c.begin()
		c.tokens(text, false)
		n = len(text)
	}
	a := c.finish(d, n)
	a.Len, a.html = len(html), true
	return a
}

var counters = sync.Pool{New: func() any { return newCounter() }}

// A counter counts the tokens of one document at a time. The characters
// of the CJK Unified Ideographs, most of every page, are counted in
// arrays indexed by the character, and their pairs in a table of their
// own (pairTable); every other token (words, other Han characters) in a
// general table keyed by the entry's key. A page's tens of thousands of
// tokens cost a few nanoseconds each. The rules are Tokenize's
// (TestAnalyseTokens).
type counter struct {
	gen uint32 // the general table's generation

	// The characters of the block, by character − uniStart (see
	// uniTally); uniUsed lists those the document holds, by which the
	// array is cleared.
	uni     [uniEnd - uniStart]uniTally
	uniUsed []uint16

	pairs pairTable
	other table[uint64] // by the entry's key
	apart []apartPair   // pairs the general table counted apart (moveApart)

	words wordTable // the words, word pairs and exact keys, numbered
	word  []byte    // the word being read
	key   []byte    // the Key of the title being read
	units int       // characters and words of the text
	ents  []uint64

	shardN [1 << shardBits]uint32 // byShard's counts

}

// A uniTally is a character's count in the text, with uniTitle set if
// the title holds it, and the byte offset where it first occurs there:
// one place to read, where three arrays cost a cache miss each.
type uniTally struct {
	count uint32
	first uint32
}

const uniTitle = 1 << 31

// The CJK Unified Ideographs block, whose characters and pairs have
// tables of their own.
const (
	uniStart = 0x4E00
	uniEnd   = 0xA000
)

// A tally is a token's count in the text, the byte offset where it first
// occurs there, and whether the title holds it. The count is whole: one
// held at 65,535 weighed less than the reference's in a text of millions
// of words (TestAnalyseCountsPastSaturation); the slot is no larger.
type tally struct {
	gen   uint32 // the generation it counts for
	count uint32
	first uint32
	title bool
}

func (t *tally) add(gen uint32, at int, title bool) {
	if t.gen != gen {
		*t = tally{gen: gen, first: uint32(at)}
	}
	if title {
		t.title = true
	} else {
		t.count++
	}
}

// A table counts tokens by key, in open addressing; a new generation
// clears it.
type table[K uint32 | uint64] struct {
	bits  uint
	slots []tableSlot[K]
	used  []uint32 // slots in use, in the order they were taken
}

type tableSlot[K uint32 | uint64] struct {
	key K
	tally
}

func newTable[K uint32 | uint64](bits uint) table[K] {
	return table[K]{bits: bits, slots: make([]tableSlot[K], 1<<bits), used: make([]uint32, 0, 1<<(bits-1))}
}

// home is where the probe for key starts.
func (t *table[K]) home(key K) uint32 {
	return uint32(uint64(key) * 0x9E3779B97F4A7C15 >> (64 - t.bits))
}

// slot is where key is, or the free slot where it goes.
func (t *table[K]) slot(key K, gen uint32) uint32 {
	mask := uint32(len(t.slots) - 1)
	i := t.home(key)
	for t.slots[i].gen == gen && t.slots[i].key != key {
		i = (i + 1) & mask
	}
	return i
}

// add counts an occurrence of key at byte offset at of the text, or
// marks it as in the title.
func (t *table[K]) add(key K, at int, title bool, gen uint32) {
	i := t.slot(key, gen)
	if t.slots[i].gen != gen {
		if len(t.used) >= len(t.slots)/2 {
			t.grow(gen)
			i = t.slot(key, gen)
		}
		t.slots[i].key = key
		t.used = append(t.used, i)
	}
	t.slots[i].add(gen, at, title)
}

// grow doubles the table, keeping what it holds.
func (t *table[K]) grow(gen uint32) {
	old, used := t.slots, t.used
	*t = newTable[K](t.bits + 1)
	for _, i := range used {
		j := t.slot(old[i].key, gen)
		t.slots[j] = old[i]
		t.used = append(t.used, j)
	}
}

// A pairTable counts the pairs of adjacent CJK Unified Ideographs, in
// open addressing. Its slots hold a pair's key, the two characters' UTF-8
// bytes as they lie in the text (pairKey: 48 bits, which the counting loop
// takes from the text without decoding either character), above its count
// in the low 16 bits, so that counting a pair reads and writes 8 bytes, in
// a table small enough for the processor's first cache, and that a slot
// less the key shifted in place is the count if the slot is the pair's (see
// count). Counts past 0xFFFF carry into more (a page would need 65,536 of
// one pair). Where the pair first occurs and whether the title holds it lie
// beside, in first and flags. A document's slots are freed by the next
// (reset).
type pairTable struct {
	slots []uint64 // key<<16 | count; 0 is free (a key never is)
	first []uint32
	flags []uint8           // pairTitle, pairApart
	used  []uint32          // slots in use, in the order they were taken
	more  map[uint64]uint32 // by key: what the count carried past 0xFFFF, in units of 1<<16
	// carriedKey is the key whose count count carried last.
	carriedKey uint64
}

const (
	pairCount = 1<<16 - 1 // a slot's count
	pairTitle = 1         // a flag: the title holds the pair
	// pairApart flags a pair also counted apart (see moveApart).
	pairApart = 2
)

func newPairTable(bits uint) pairTable {
	n := 1 << bits
	return pairTable{slots: make([]uint64, n), first: make([]uint32, n), flags: make([]uint8, n), used: make([]uint32, 0, n/2)}
}

// utf8Code is the UTF-8 encoding of the CJK Unified Ideograph r, its three
// bytes in the low 24 bits, the first highest.
func utf8Code(r rune) uint64 {
	return uint64(0xE08080 | r>>12<<16 | r>>6&0x3F<<8 | r&0x3F)
}

// codeRune is the character whose utf8Code is w.
func codeRune(w uint64) rune {
	return rune(w>>4&0xF000 | w>>2&0x0FC0 | w&0x3F)
}

// pairKey is the key of the pair of a and b.
func pairKey(a, b rune) uint64 { return utf8Code(a)<<24 | utf8Code(b) }

// pairHome is where the probe for a key shifted in place (key<<16) starts,
// reduced to the table's size: bits 40 and up of key·2¹⁶·φ. In a table of
// 2ᵇ slots they depend on the second character and the last b bits of the
// first's UTF-8 (b − 2 bits of its code point): two pairs of one second
// character start their probes at one slot when their first characters
// agree in those bits, which is seldom: about 5.0 million probes for 4.5
// million pairs in the plain corpus's build, as when every bit counted.
// (The top bits, by a shift that depends on the table's size, took the
// loop a register it has none for.)
func pairHome(key16 uint64) int { return int(key16 * 0x9E3779B97F4A7C15 >> 40) }

// find is where key is, or the free slot where it goes.
func (t *pairTable) find(key uint64) uint32 {
	mask := uint32(len(t.slots) - 1)
	j := uint32(pairHome(key<<16)) & mask
	for t.slots[j] != 0 && t.slots[j]>>16 != key {
		j = (j + 1) & mask
	}
	return j
}

// add counts an occurrence of the pair key at byte offset at of the
// text, or marks it as in the title.
func (t *pairTable) add(key uint64, at int, title bool) {
	j := t.find(key)
	if t.slots[j] == 0 {
		if 2*len(t.used) >= len(t.slots) {
			t.grow()
			j = t.find(key)
		}
		t.slots[j], t.first[j] = key<<16, uint32(at)
		t.used = append(t.used, j)
	}
	switch {
	case title:
		t.flags[j] |= pairTitle
	case t.slots[j]&pairCount == pairCount:
		t.slots[j] &^= pairCount
		t.carry(key)
	default:
		t.slots[j]++
	}
}

// carry notes that the count of the pair key went past 0xFFFF (and its
// slot's count back to 0).
func (t *pairTable) carry(key uint64) {
	if t.more == nil {
		t.more = map[uint64]uint32{}
	}
	t.more[key]++
}

// countOf is the count of the pair in slot j.
func (t *pairTable) countOf(j uint32) uint32 {
	v := t.slots[j]
	n := uint32(v & pairCount)
	if len(t.more) > 0 {
		n += t.more[v>>16] << 16
	}
	return n
}

// grow doubles the table, keeping what it holds.
func (t *pairTable) grow() {
	old := *t
	*t = newPairTable(uint(bits.Len(uint(len(old.slots)))))
	t.more = old.more
	for _, i := range old.used {
		j := t.find(old.slots[i] >> 16)
		t.slots[j], t.first[j], t.flags[j] = old.slots[i], old.first[i], old.flags[i]
		t.used = append(t.used, j)
	}
}

// reset frees the slots in use. A table grown past keptSlots for a page
// of many pairs is made anew at its first size: the pages after it,
// most, need few, and probing a table of that size from a pooled counter
// cost each of them cache misses.
func (t *pairTable) reset() {
	if len(t.slots) > keptSlots {
		*t = newPairTable(pairTableBits)
		return
	}
	for _, j := range t.used {
		t.slots[j], t.flags[j] = 0, 0
	}
	t.used = t.used[:0]
	clear(t.more)
}

func newCounter() *counter {
	return &counter{words: newWordTable(wordTableBits), gen: 1, pairs: newPairTable(pairTableBits), other: newTable[uint64](8)}
}

// The tables' first sizes (log2), and the most slots a table keeps from
// one page to the next (see pairTable.reset, wordTable.reset).
const (
	pairTableBits = 11
	wordTableBits = 8
	keptSlots     = 1 << 15
)

// addPair counts the pair of two CJK Unified Ideographs.
func (c *counter) addPair(a, b rune, at int, title bool) {
	c.pairs.add(pairKey(a, b), at, title)
}

// add counts the token key (an entry's key) in the general table.
func (c *counter) add(key uint64, at int, title bool) {
	c.other.add(key, at, title, c.gen)
}

// addHan counts the Han character r, at byte offset at, and, if prev
// (the Han character before it, at byte offset prevAt) is not 0, the pair
// of the two. A character of the CJK Unified Ideographs right after
// another is only counted in their pair: it is counted from the pairs
// once the text is read (see derive), which halves the work of most
// characters.
func (c *counter) addHan(prev, r rune, prevAt, at int, title bool) {
	if title {
		if prev == 0 && len(c.key) > 0 {
			c.key = append(c.key, ' ')
		}
		c.key = utf8.AppendRune(c.key, r)
	} else {
		c.units++
	}
	uni := uniStart <= r && r < uniEnd
	if uni && uniStart <= prev && prev < uniEnd && at == prevAt+3 {
		c.addPair(prev, r, prevAt, title)
		return
	}
	if prev != 0 {
		c.add(uint64(prev)<<21|uint64(r), prevAt, title)
	}
	if uni {
		c.addUni(r-uniStart, at, title)
	} else {
		c.add(uint64(r), at, title)
	}
}

// addUni counts the CJK Unified Ideograph uniStart + i.
func (c *counter) addUni(i rune, at int, title bool) {
	u := &c.uni[i]
	if u.count == 0 {
		c.uniUsed = append(c.uniUsed, uint16(i))
		u.first = uint32(at)
	}
	if title {
		u.count |= uniTitle
	} else {
		u.count++
	}
}

// apart moves the pairs of CJK Unified Ideographs the general table
// counted where something ignored lay between the two characters (see
// addHan) to c.apart, when the pairs' table holds the same pair: finish
// adds them to its entry. A pair of them it holds is flagged (pairApart),
// so that finish looks it up.
func (c *counter) moveApart() {
	c.apart = c.apart[:0]
	used := c.other.used[:0]
	for _, i := range c.other.used {
		sl := &c.other.slots[i]
		a, b := rune(sl.key>>21), rune(sl.key&(1<<21-1))
		if sl.key&wordBit != 0 || a < uniStart || a >= uniEnd || b < uniStart || b >= uniEnd {
			used = append(used, i)
			continue
		}
		j := c.pairs.find(pairKey(a, b))
		if c.pairs.slots[j] == 0 {
			used = append(used, i) // no adjacent occurrence: counted here alone
			continue
		}
		c.pairs.flags[j] |= pairApart
		c.apart = append(c.apart, apartPair{j, sl.tally})
	}
	c.other.used = used
	// By slot, for addApart's search: a page may hold tens of thousands.
	slices.SortFunc(c.apart, func(p, q apartPair) int { return cmp.Compare(p.slot, q.slot) })
}

// addApart adds to the tally of the pair in slot i of the pairs' table
// (count n, first at first, title or not) its tally counted apart.
func (c *counter) addApart(i, n, first uint32, title bool) (uint32, uint32, bool) {
	k, ok := slices.BinarySearchFunc(c.apart, i, func(p apartPair, i uint32) int { return cmp.Compare(p.slot, i) })
	if !ok {
		return n, first, title
	}
	p := c.apart[k]
	if p.count > 0 && (n == 0 || p.first < first) {
		first = p.first
	}
	return n + p.count, first, title || p.title
}

// An apartPair is the tally of a pair counted apart, and the slot of the
// same pair in the pairs' table.
type apartPair struct {
	slot uint32
	tally
}

// addWord counts the word in c.word, which started at byte offset at.
func (c *counter) addWord(at int, title bool) {
	if title {
		if len(c.key) > 0 {
			c.key = append(c.key, ' ')
		}
		c.key = append(c.key, c.word...)
	}
	if !title {
		c.units++
	}
	c.addToken(at, title)
}

// addWordPair counts the word in c.word, which started at byte offset at,
// and the pair of it and r, the Han character right after it (see
// Tokenize): the pair is no unit of the page's length, as a pair of Han
// characters is none.
func (c *counter) addWordPair(at int, r rune, title bool) {
	w := c.word
	c.addWord(at, title)
	// addWord emptied c.word but left its bytes, the word, in place.
	c.word = utf8.AppendRune(w, r)
	c.addToken(at, title)
}

// addToken counts the word, pair or key in c.word.
func (c *counter) addToken(at int, title bool) {
	k := c.words.number(c.word)
	c.add(wordBit|uint64(k), at, title)
	c.word = c.word[:0]
}

// pointJoins reports whether a point (. or ．) between the word being
// read and next, the text after the point, is a decimal point, part of
// the word (see Tokenize): the word ends in a digit and next starts with
// one, ASCII or full-width (０ to ９ are EF BC 90 to 99).
func (c *counter) pointJoins(next string) bool {
	return c.endsInDigit() && len(next) > 0 && (next[0]-'0' <= 9 ||
		len(next) > 2 && next[0] == 0xEF && next[1] == 0xBC && next[2]-0x90 <= 9)
}

// endsInDigit reports whether the word being read ends in an ASCII digit
// (a full-width one is folded in c.word).
func (c *counter) endsInDigit() bool {
	n := len(c.word)
	return n > 0 && c.word[n-1]-'0' <= 9
}

// A wordTable numbers the words (and word pairs and exact keys) of a
// document in the order they first occur, in open addressing on a hash of
// their bytes. Their bytes lie one after the other in text, made into the
// analysis's one string of them once the document is read: a map of
// strings made a string of each new word, and hashed each word twice to
// look it up and add it (112,000 words, 50,000 distinct, in the plain
// corpus's pages: 50 M instructions, a fifth of them the map's).
type wordTable struct {
	slots []uint64 // hash<<32 | number+1; 0 is free
	text  []byte
	ends  []uint32 // where each word ends in text, by number
}

func newWordTable(bits uint) wordTable {
	return wordTable{slots: make([]uint64, 1<<bits)}
}

// number is the number of the word w, new or not.
func (t *wordTable) number(w []byte) uint32 {
	h := uint32(2166136261)
	for _, b := range w {
		h = (h ^ uint32(b)) * 16777619
	}
	mask := uint32(len(t.slots) - 1)
	for j := wordHome(h) & mask; ; j = (j + 1) & mask {
		v := t.slots[j]
		if v == 0 {
			if 2*(len(t.ends)+1) > len(t.slots) {
				t.grow()
				return t.number(w)
			}
			t.text = append(t.text, w...)
			t.ends = append(t.ends, uint32(len(t.text)))
			k := uint32(len(t.ends) - 1)
			t.slots[j] = uint64(h)<<32 | uint64(k+1)
			return k
		}
		if uint32(v>>32) == h {
			k := uint32(v) - 1
			if string(t.word(k)) == string(w) {
				return k
			}
		}
	}
}

// wordHome is where the probe for a word of hash h starts, before it is
// reduced to the table's size.
func wordHome(h uint32) uint32 { return uint32(uint64(h) * 0x9E3779B97F4A7C15 >> 32) }

// word is the text of word k.
func (t *wordTable) word(k uint32) []byte {
	start := uint32(0)
	if k > 0 {
		start = t.ends[k-1]
	}
	return t.text[start:t.ends[k]]
}

// grow doubles the table, keeping what it holds.
func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	mask := uint32(len(t.slots) - 1)
	for _, v := range old {
		if v != 0 {
			j := wordHome(uint32(v>>32)) & mask
			for t.slots[j] != 0 {
				j = (j + 1) & mask
			}
			t.slots[j] = v
		}
	}
}

// reset empties the table for the next document: cleared, or made anew
// if a page of many words grew it past keptSlots (as pairTable.reset), which
// every page after it would clear whole.
func (t *wordTable) reset() {
	switch {
	case len(t.slots) > keptSlots:
		t.slots = make([]uint64, 1<<wordTableBits)
	case len(t.ends) > 0:
		clear(t.slots)
	}
	t.text, t.ends = t.text[:0], t.ends[:0]
}

// asciiJoins is classify(b) == joiner for the ASCII bytes ("'()[]).
var asciiJoins = func() (t [utf8.RuneSelf]bool) {
	for b := range rune(utf8.RuneSelf) {
		t[b] = classify(b) == joiner
	}
	return t
}()

// punctClass classifies the General Punctuation block and the CJK Symbols
// and Punctuation block (U+2000–U+206F, U+3000–U+303F), the other
// characters of every Chinese page, without classify's table searches.
var punctClass = func() (t [0x70 + 0x40]charClass) {
	for i := range 0x70 {
		t[i] = classify(rune(0x2000 + i))
	}
	for i := range 0x40 {
		t[0x70+i] = classify(rune(0x3000 + i))
	}
	return t
}()

// classOf is classify, quicker for punctuation.
func classOf(r rune) charClass {
	switch {
	case 0x2000 <= r && r < 0x2070:
		return punctClass[r-0x2000]
	case 0x3000 <= r && r < 0x3040:
		return punctClass[0x70+r-0x3000]
	}
	return classify(r)
}

// tokens counts the tokens of s: in the text, or as the title's.
func (c *counter) tokens(s string, title bool) {
	var prev rune // the Han character before, or 0
	prevAt := 0
	wordAt := -1 // where the word being read starts, or -1
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case 'a' <= b && b <= 'z' || '0' <= b && b <= '9':
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
			default:
				if b == '.' && c.pointJoins(s[i+1:]) {
					c.word = append(c.word, '.')
					i++
					continue
				}
				if wordAt >= 0 {
					c.addWord(wordAt, title)
					wordAt = -1
				}
				if !asciiJoins[b] {
					prev = 0 // a joiner does not part a pair; the rest does
				}
				i++
				continue
			}
			if wordAt < 0 {
				wordAt = i
			}
			c.word = append(c.word, b)
			prev = 0
			i++
			continue
		}
		r, size := rune(0), 3
		if b >= 0xE4 && b <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= uniStart && !title {
				if wordAt >= 0 {
					c.addWordPair(wordAt, r, false)
					wordAt = -1
				}
				c.addHan(prev, r, prevAt, i, false)
				i, prev, prevAt = c.run(s, i+3, r, i, 0)
				continue
			}
		}
		cls := han
		if r < uniStart { // not the common case of a CJK Unified Ideograph
			r, size = utf8.DecodeRuneInString(s[i:])
			cls = separator
			if r != utf8.RuneError || size > 1 {
				r = foldWidth(r)
				cls = classOf(r)
			}
		}
		switch cls {
		case han:
			if wordAt >= 0 {
				c.addWordPair(wordAt, r, title)
				wordAt = -1
			}
			c.addHan(prev, r, prevAt, i, title)
			prev, prevAt = r, i
		case wordChar:
			if wordAt < 0 {
				wordAt = i
			}
			c.word = utf8.AppendRune(c.word, lower(r))
			prev = 0
		case ignored:
		case joiner:
			if wordAt >= 0 {
				c.addWord(wordAt, title)
				wordAt = -1
			}
		default:
			if r == '.' && c.pointJoins(s[i+size:]) { // ．, folded
				c.word = append(c.word, '.')
				i += size
				continue
			}
			if wordAt >= 0 {
				c.addWord(wordAt, title)
				wordAt = -1
			}
			prev = 0
		}
		i += size
	}
	if wordAt >= 0 {
		c.addWord(wordAt, title)
	}
}

// run counts the rest of a run of CJK Unified Ideographs in s, from byte
// i, after the character a, whose offset in the text is aAt: most
// characters of a page, each counted in its pair with the one before (see
// addHan). A punctuation mark that separates two runs (，。、“”（）…) is
// passed over here too, and the next run counted, as tokens would: the
// pair across a joiner (“”（）, see joins) counted as addHan counts a
// pair with something between (apart), none across the other marks. The
// offset in the text of a byte of s is its index plus off. It returns
// where the runs end, the last character and that character's offset.
func (c *counter) run(s string, i int, a rune, aAt, off int) (int, rune, int) {
	chars := 0
	for {
		k, stop := c.pairs.count(s[i:], a, i+off)
		if k > 0 {
			// The last character counted (count decodes none).
			i, chars = i+k, chars+k/3
			a, _ = unified(s[i-3 : i])
			aAt = i - 3 + off
		}
		switch stop {
		case full:
			c.pairs.grow()
			continue
		case carried:
			c.pairs.carry(c.pairs.carriedKey)
			continue
		}
		// A mark, then a character that starts a new run.
		if i+6 > len(s) {
			break
		}
		m := markOf(s[i], s[i+1], s[i+2])
		if m == noMark {
			break
		}
		h, ok := unified(s[i+3 : i+6])
		if !ok {
			break
		}
		if m == joiner {
			c.add(uint64(a)<<21|uint64(h), aAt, false)
		}
		c.addUni(h-uniStart, i+3+off, false)
		a, aAt = h, i+3+off
		i += 6
		chars++
	}
	c.units += chars
	return i, a, aAt
}

// noMark is what mark returns for anything run does not pass over.
const noMark = han

// mark classifies the three bytes of b if they are a punctuation mark
// between runs of characters, a character of the General Punctuation
// block, the CJK Symbols and Punctuation block or the full-width forms
// that separates tokens and is no white space (which the reader must
// see): joiner if two characters pair across it, separator if it parts
// them. It returns noMark for anything else.
func mark(b string) charClass {
	w := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
	if w&0xF0C0C0 != 0xE08080 {
		return noMark
	}
	r := rune(w>>4&0xF000 | w>>2&0x0FC0 | w&0x3F)
	switch {
	case 0x2000 <= r && r < 0x2070:
		return punctMark[r-0x2000]
	case 0x3000 <= r && r < 0x3040:
		return punctMark[0x70+r-0x3000]
	case 0xFF01 <= r && r <= 0xFF5E:
		if cls := classify(r - 0xFEE0); cls == separator || cls == joiner {
			return cls
		}
	}
	return noMark
}

// markOf is mark of the three bytes b0 b1 b2, by a table (markRows) of
// the rows of 64 code points mark may class as a mark: one look-up at each
// of the 260,000 marks between runs of a build of the plain corpus, where
// mark decoded each.
func markOf(b0, b1, b2 byte) charClass {
	if b2&0xC0 != 0x80 {
		return noMark
	}
	var row int
	switch uint16(b0)<<8 | uint16(b1) {
	case 0xE280:
		row = 0
	case 0xE281:
		row = 1
	case 0xE380:
		row = 2
	case 0xEFBC:
		row = 3
	case 0xEFBD:
		row = 4
	default:
		return noMark
	}
	return markRows[row][b2&0x3F]
}

// markRows are mark of U+2000–U+207F, U+3000–U+303F and U+FF00–U+FF7F, by
// their UTF-8: E2 80, E2 81, E3 80, EF BC and EF BD, then 80–BF.
var markRows = func() (t [5][64]charClass) {
	for row, lead := range [][2]byte{{0xE2, 0x80}, {0xE2, 0x81}, {0xE3, 0x80}, {0xEF, 0xBC}, {0xEF, 0xBD}} {
		for k := range 64 {
			t[row][k] = mark(string([]byte{lead[0], lead[1], byte(0x80 + k)}))
		}
	}
	return t
}()

// punctMark is mark for the two punctuation blocks (see punctClass).
var punctMark = func() (t [0x70 + 0x40]charClass) {
	for i, cls := range punctClass {
		r := rune(0x2000 + i)
		if i >= 0x70 {
			r = rune(0x3000 + i - 0x70)
		}
		t[i] = noMark
		if cls == joiner || cls == separator && !isSpace(r) {
			t[i] = cls
		}
	}
	return t
}()

// unified decodes the three bytes of b if they are a CJK Unified
// Ideograph.
func unified(b string) (rune, bool) {
	w := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
	if w&0xC0C0 != 0x8080 || w-0xE4B880 > 0xE9BFBF-0xE4B880 {
		return 0, false
	}
	return rune(w>>4&0xF000 | w>>2&0x0FC0 | w&0x3F), true
}

// count is run's loop: it counts the pairs of CJK Unified Ideographs at
// the start of s, after the character a, in the text (not the title); the
// offset in the text of s[0] is at. It returns how far it read and the
// character before; and whether it stopped because the table is half
// full and must grow before a new pair goes in. A new pair is put in here
// too, not by add: one in six characters of a page starts a pair new to
// it, and leaving the loop for each cost more than the loop itself.
// (As few variables as fit in registers: one more cost a third more,
// spilled and reloaded; the table's other fields are read only for a new
// pair.) A pair's key is its characters' bytes as they are (pairKey): each
// character is read as four bytes at once, and decoded only once the run
// ends, which took a third of the loop's instructions (4.5 million pairs
// in the plain corpus's build).
func (t *pairTable) count(s string, a rune, at int) (int, countStop) {
	slots := t.slots
	if len(slots) == 0 {
		return 0, ended
	}
	mask := len(slots) - 1
	prev := utf8Code(a) << 40 // the character before, in place in a key<<16
	i := 0
	// Four bytes a character, the fourth the next character's first: the
	// last character of s, if it is one, is counted after the loop.
	for ; i < len(s)-3; i += 3 {
		w := uint32(s[i])<<24 | uint32(s[i+1])<<16 | uint32(s[i+2])<<8 | uint32(s[i+3])
		// The three bytes of a character from U+4E00 (E4 B8 80) to U+9FFF
		// (E9 BF BF).
		if w&0xC0C000 != 0x808000 || w-0xE4B88000 > 0xE9BFBFFF-0xE4B88000 {
			return i, ended
		}
		key := prev | uint64(w>>8)<<16
		for j := pairHome(key); ; j++ {
			// The slot less the key is the count if the slot is the
			// pair's (the key's bits cancel), and more than any count if
			// it is free or another pair's: one comparison for a pair
			// seen before, most of them.
			n := slots[j&mask] - key
			if n < pairCount {
				slots[j&mask] = key + n + 1
				break
			}
			if n == pairCount {
				slots[j&mask] = key
				t.carriedKey = key >> 16
				return i + 3, carried
			}
			if n+key == 0 {
				u := len(t.used)
				if 2*u > mask {
					return i, full
				}
				// The pair starts at the character before s[i:].
				slots[j&mask] = key | 1
				t.first[j&mask] = uint32(at + i - 3)
				t.used = t.used[:u+1] // within its capacity, half the table's
				t.used[u] = uint32(j & mask)
				break
			}
		}
		prev = key << 24 // the character, in place for the next key
	}
	if len(s)-i == 3 {
		if b, ok := unified(s[i:]); ok {
			key := prev>>40<<24 | utf8Code(b)
			if 2*len(t.used) > mask && t.slots[t.find(key)] == 0 {
				return i, full
			}
			t.add(key, at+i-3, false)
			return i + 3, ended
		}
	}
	return i, ended
}

// A countStop is why count stopped.
type countStop uint8

const (
	ended   countStop = iota // the run ended
	full                     // the table must grow before a new pair goes in
	carried                  // the count of the last pair went past 0xFFFF (see carry)
)

// begin starts a new generation of the tables, for a new document.
func (c *counter) begin() {
	c.gen++
	for _, i := range c.uniUsed {
		c.uni[i] = uniTally{}
	}
	c.pairs.reset()
	c.uniUsed, c.other.used = c.uniUsed[:0], c.other.used[:0]
	c.words.reset()
	c.word = c.word[:0]
	c.units = 0
}

// analyse analyses d.
func (c *counter) analyse(d Document) *Analysis {
	c.begin()
	c.tokens(d.Text, false)
	return c.finish(d, len(d.Text))
}

// finish counts the tokens of d's title, 文号 and names, the text's having
// been counted with its places in n bytes, and makes the analysis.
func (c *counter) finish(d Document, n int) *Analysis {
	for i := -2; i < len(d.Names); i++ {
		s := d.Title
		switch {
		case i == -1:
			s = d.Number
		case i >= 0:
			s = d.Names[i]
		}
		c.key = c.key[:0]
		c.tokens(s, true)
		if len(c.key) > 0 {
			c.word = append(append(c.word[:0], '='), c.key...)
			c.addToken(0, true)
		}
	}

	c.moveApart()
	a := &Analysis{Doc: d, Len: n, words: string(c.words.text), wordEnds: slices.Clone(c.words.ends)}
	sc := newScale(c.units, n)
	// (Each pair may count a character new to the document.)
	most := len(c.uniUsed) + 2*len(c.pairs.used) + len(c.other.used)
	raw := slices.Grow(c.ents[:0], most)[:most]
	// The pairs first: each also counts its second character, which was
	// counted in the pair alone (see addHan).
	k := c.pairEntries(raw[:len(c.pairs.used)], sc)
	uniKeys := uniKeys()
	for _, r := range c.uniUsed {
		e := uniKeys[r]
		u := c.uni[r]
		if u.count&uniTitle != 0 {
			e |= titleBit
		}
		if n := u.count &^ uniTitle; n > 0 {
			if n < uint32(len(sc.w)) {
				e |= sc.w[n]
			} else {
				e |= sc.weight(n)
			}
			e |= uint64(sc.place(u.first)) << bodyShift
		}
		raw[k] = e
		k++
	}
	for _, i := range c.other.used {
		p := &c.other.slots[i]
		var h uint32
		if p.key&wordBit != 0 {
			h = tokenHash(a.word(p.key & (wordBit - 1)))
		} else {
			h = hashRunes(rune(p.key>>21), rune(p.key&(1<<21-1)))
		}
		h >>= 32 - shardBits
		raw[k] = p.key | sc.body(p.count, p.first, p.title) | uint64(h)<<shardShift
		k++
	}
	raw = raw[:k]
	a.entries = c.byShard(raw)
	c.ents = raw
	return a
}

// byShard returns a copy of es in the order of their shards (a counting
// sort). Sorted here, while they are at hand and on every core, each
// document's entries are runs the index takes shard by shard; sorted by
// the index, all of them into arrays of their own (18 MB in the plain
// corpus's build), its first touch of that memory took a fifth of the
// index's time in a build, on one core, for a twenty-fifth of its
// instructions.
func (c *counter) byShard(es []uint64) []uint64 {
	n := &c.shardN
	clear(n[:])
	for _, e := range es {
		n[e>>shardShift&(1<<shardBits-1)]++
	}
	sum := uint32(0)
	for i, k := range n {
		n[i] = sum
		sum += k
	}
	out := make([]uint64, len(es))
	for _, e := range es {
		i := e >> shardShift & (1<<shardBits - 1)
		out[n[i]] = e
		n[i]++
	}
	return out
}

// pairEntries makes the entries of the pairs, in raw (one a pair), and
// counts the second character of each in its tally (see addHan). It
// returns how many it made. Most pairs are made by pairsFast, whose loop
// has no call, so that its variables stay in registers; pairEntry makes
// those it leaves.
func (c *counter) pairEntries(raw []uint64, sc *scale) int {
	used := c.pairs.used[:len(raw)]
	c.uniUsed = slices.Grow(c.uniUsed, len(used))
	for k := 0; k < len(used); k++ {
		if k = c.pairsFast(raw, used, k, sc); k == len(used) {
			break
		}
		raw[k] = c.pairEntry(used[k], sc)
	}
	return len(used)
}

// pairsFast makes the entries of the pairs in slots used[k:] as
// pairEntry does, up to the first one counted more than a scale's small
// counts or also counted apart, or any if a count carried or the text is
// one place cannot multiply for; it returns where it stopped. c.uniUsed
// has room for a character a pair.
func (c *counter) pairsFast(raw []uint64, used []uint32, k int, sc *scale) int {
	pairs := &c.pairs
	if len(pairs.more) > 0 || sc.n >= 1<<27 {
		return k
	}
	slots := pairs.slots
	first, flags := pairs.first[:len(slots)], pairs.flags[:len(slots)]
	uni := &c.uni
	uu, nu := c.uniUsed[:cap(c.uniUsed)], len(c.uniUsed)
	raw = raw[:len(used)]
	for ; k < len(used); k++ {
		i := used[k]
		v := slots[i]
		n := uint32(v & pairCount)
		at, f := first[i], flags[i]
		if f&pairApart != 0 || n >= uint32(len(sc.w)) {
			break
		}
		y := codeRune(v >> 16 & (1<<24 - 1))
		b := uint16(y - uniStart)
		// Whether the character is new to the document, and whether the
		// pair comes before what it was first counted at, are a toss-up
		// from pair to pair: they choose values here (conditional moves),
		// not paths, which the processor guessed wrong about as often as
		// right, at a dozen cycles each time.
		u := &uni[b]
		c, uf, old := u.count, at+3, u.first
		uu[nu] = b // kept only if the character is new
		if c == 0 {
			nu++
		}
		if c&^uniTitle != 0 {
			uf = min(uf, old)
		}
		x := codeRune(v >> 40)
		e := uint64(x)<<21 | uint64(y) | uint64(hashPair(x, y)>>(32-shardBits))<<shardShift
		if n > 0 {
			u.first = uf
			c += n
			e |= sc.w[n] | uint64(min(places-1, uint64(at)*places*sc.inv>>58))<<bodyShift // place(at)
		}
		u.count = c | uint32(f&pairTitle)<<31
		raw[k] = e | uint64(f&pairTitle)<<51
	}
	c.uniUsed = uu[:nu]
	return k
}

// pairTitle moved in place is uniTitle and titleBit (pairsFast).
const (
	_ uint64 = pairTitle<<31 - uniTitle
	_ uint64 = uniTitle - pairTitle<<31
	_ uint64 = pairTitle<<51 - titleBit
	_ uint64 = titleBit - pairTitle<<51
)

// pairEntry makes the entry of the pair in slot i, and counts its second
// character in its tally.
func (c *counter) pairEntry(i uint32, sc *scale) uint64 {
	pairs := &c.pairs
	v := pairs.slots[i]
	n, at, f := pairs.countOf(i), pairs.first[i], pairs.flags[i]
	title := f&pairTitle != 0
	y := codeRune(v >> 16 & (1<<24 - 1))
	b := uint16(y - uniStart)
	u := &c.uni[b]
	if u.count == 0 {
		c.uniUsed = append(c.uniUsed, b)
	}
	if n > 0 {
		if u.count&^uniTitle == 0 || at+3 < u.first {
			u.first = at + 3
		}
		u.count += n
	}
	if title {
		u.count |= uniTitle
	}
	if f&pairApart != 0 {
		n, at, title = c.addApart(i, n, at, title)
	}
	x := codeRune(v >> 40)
	h := hashRunes(x, y) >> (32 - shardBits)
	e := uint64(x)<<21 | uint64(y) | uint64(h)<<shardShift
	if title {
		e |= titleBit
	}
	if n > 0 {
		if n < uint32(len(sc.w)) {
			e |= sc.w[n]
		} else {
			e |= sc.weight(n)
		}
		e |= uint64(sc.place(at)) << bodyShift
	}
	return e
}

// uniKeys are the token and shard bits of the entry of each CJK Unified
// Ideograph (see Analysis.entries), by character − uniStart: 600,000 of a
// build's entries are characters', each hashed once a document where
// this hashes each once.
var uniKeys = sync.OnceValue(func() *[uniEnd - uniStart]uint64 {
	var t [uniEnd - uniStart]uint64
	for i := range t {
		ch := rune(i) + uniStart
		t[i] = uint64(ch) | uint64(hashRunes(0, ch)>>(32-shardBits))<<shardShift
	}
	return &t
})

// A scale gives the bits of an entry that its tally in one document
// decides (see Analysis.entries): the weight of the token's count, the
// place of its first occurrence, whether the title holds it.
type scale struct {
	w     [32]uint64 // the weight of each small count, in place
	units int        // characters and words of the text
	n     int        // its length in bytes
	inv   uint64     // ⌈2⁵⁸/n⌉, which divides by n (see place)
}

func newScale(units, n int) *scale {
	sc := &scale{units: units, n: n}
	for tf := 1; tf < len(sc.w); tf++ {
		sc.w[tf] = uint64(weight(tf, units)) << (bodyShift + 4)
	}
	if n > 0 {
		sc.inv = (1<<58 + uint64(n) - 1) / uint64(n)
	}
	return sc
}

// body is the entry bits (but the token's and the shard's) of a token
// counted count times in the text, first at byte offset first, and in the
// title or not.
func (sc *scale) body(count, first uint32, title bool) uint64 {
	var e uint64
	if title {
		e = titleBit
	}
	if count == 0 {
		return e
	}
	if count < uint32(len(sc.w)) {
		e |= sc.w[count]
	} else {
		e |= sc.weight(count)
	}
	return e | uint64(sc.place(first))<<bodyShift
}

// weight is the weight bits of a count too large for sc.w.
func (sc *scale) weight(count uint32) uint64 {
	return uint64(weight(int(count), sc.units)) << (bodyShift + 4)
}

// place is the part of the text (0 … places−1) where byte offset at lies,
// at·places/n, computed without dividing: at·places·⌈2⁵⁸/n⌉/2⁵⁸ is exact
// while at·n < 2⁵⁴, whose excess over at·places/n, less than at/2⁵⁴, never
// reaches the next integer (at·places/n being a fraction of denominator n).
// An offset is at most n, so the product, less than places·(2⁵⁸ + n), fits
// in 64 bits, and one multiplication does.
func (sc *scale) place(at uint32) int {
	if sc.n >= 1<<27 {
		return sc.divide(at)
	}
	return min(places-1, int(uint64(at)*places*sc.inv>>58))
}

// divide is place for the longest texts.
func (sc *scale) divide(at uint32) int {
	return min(places-1, int(at)*places/sc.n)
}

// appendToken appends the text of a Han token key.
func appendToken(b []byte, key uint64) []byte {
	if key >= 1<<21 {
		b = utf8.AppendRune(b, rune(key>>21))
	}
	return utf8.AppendRune(b, rune(key&(1<<21-1)))
}

// hashRunes is tokenHash of the Han token of a and b, or of b alone when
// a is 0, without making its text.
func hashRunes(a, b rune) uint32 {
	h := uint32(2166136261)
	if a != 0 {
		h = (h ^ uint32(a)) * 16777619
	}
	return mix((h ^ uint32(b)) * 16777619)
}

// hashPair is hashRunes(a, b) of a pair: a is not 0.
func hashPair(a, b rune) uint32 {
	return mix(((2166136261^uint32(a))*16777619 ^ uint32(b)) * 16777619)
}

// tokenHash is the hash that places a token in its shard: 32-bit FNV-1a
// over its code points (not its bytes), mixed by MurmurHash3's finaliser
// so that its top bits, which choose the shard, depend on every code
// point. search.js computes it too.
func tokenHash(tok string) uint32 {
	h := uint32(2166136261)
	for _, r := range tok {
		h = (h ^ uint32(r)) * 16777619
	}
	return mix(h)
}

// mix is MurmurHash3's 32-bit finaliser.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}
