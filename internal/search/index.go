package search

import (
	"maps"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// A Document is one page as the search sees it.
type Document struct {
	Title  string // indexed with more weight than the text
	URL    string // slash path below the site root: "circulars/2023/14/"
	Date   string // 2023-04-03, or ""
	Number string // 文号, or "": indexed with the title, so 14号 finds it
	Text   string // plain text of the body (see PlainText)
}

// A Posting records that a token occurs in a document, and how often in
// each field.
type Posting struct {
	Doc   int32 // index in Index.Docs
	Body  int32 // occurrences in the text
	Title int32 // occurrences in the title and 文号
}

// An Index is the inverted index of a set of documents.
type Index struct {
	Docs     []Document
	Lengths  []int // tokens in each document's text, for length normalisation
	Postings map[string][]Posting

	docJSON [][]byte // each document's entry in "docs", when Merge had it
}

// appendDoc writes a document's entry in "docs".
func appendDoc(b []byte, d Document, length int) []byte {
	b = append(b, `{"title":`...)
	b = appendString(b, d.Title)
	b = append(b, `,"url":`...)
	b = appendString(b, d.URL)
	if d.Date != "" {
		b = append(b, `,"date":`...)
		b = appendString(b, d.Date)
	}
	if d.Number != "" {
		b = append(b, `,"number":`...)
		b = appendString(b, d.Number)
	}
	b = append(b, `,"len":`...)
	b = strconv.AppendInt(b, int64(length), 10)
	b = append(b, `,"text":`...)
	b = appendString(b, d.Text)
	return append(b, '}')
}

// Build indexes docs, in their order. Build is deterministic: equal
// documents in equal order give equal indexes.
func Build(docs []Document) *Index {
	as := make([]*Analysis, len(docs))
	for i, d := range docs {
		as[i] = Analyze(d)
	}
	return Merge(as)
}

// An Analysis is one document's share of an index: its tokens and their
// counts. A document's analysis does not depend on the others, so a
// caller that rebuilds the index after one document changed (the preview
// server) can keep the analyses of the rest.
type Analysis struct {
	Doc   Document
	Len   int         // tokens in the text
	hans  []hanCount  // Han tokens, in order of first occurrence
	words []wordCount // the others
	json  []byte      // the document's entry in "docs"
}

// A hanCount is a Han token by its hanKey, which spells it (hanToken):
// a page holds thousands, and an archive's index all of them at once, so
// they are kept small.
type hanCount struct {
	key         uint64
	body, title int32
}

type wordCount struct {
	tok         string
	body, title int32
}

// hanToken spells the token of a hanKey.
func hanToken(k uint64) string {
	if k < 1<<21 {
		return string(rune(k))
	}
	return string([]rune{rune(k >> 21), rune(k & (1<<21 - 1))})
}

// Analyze tokenises a document's title, 文号 and text.
func Analyze(d Document) *Analysis {
	t := tables.Get().(*hanTable)
	defer tables.Put(t)
	t.reset()
	// The counts grow in the table's scratch list, which keeps its room
	// from page to page; the analysis gets an exact copy.
	a := &Analysis{Doc: d, hans: t.scratch[:0]}
	var wordAt map[string]int
	count := func(tok string, han uint64) (body, title *int32) {
		if han != 0 {
			i := t.slot(han)
			n := int(t.at[i])
			if t.keys[i] != han {
				n = len(a.hans)
				t.keys[i], t.at[i] = han, int32(n)
				a.hans = append(a.hans, hanCount{key: han})
				t.added()
			}
			c := &a.hans[n]
			return &c.body, &c.title
		}
		n, ok := wordAt[tok]
		if !ok {
			if wordAt == nil {
				wordAt = map[string]int{}
			}
			n = len(a.words)
			wordAt[tok] = n
			a.words = append(a.words, wordCount{tok: tok})
		}
		c := &a.words[n]
		return &c.body, &c.title
	}
	scan(titleText(d), func(tok string, han uint64) {
		_, title := count(tok, han)
		*title++
	})
	scan(d.Text, func(tok string, han uint64) {
		body, _ := count(tok, han)
		*body++
		a.Len++
	})
	// An archive's analyses are all alive at once until the merge: keep
	// exactly the tokens and the text only in its JSON.
	t.scratch = a.hans[:0]
	a.hans = slices.Clone(a.hans)
	a.json = appendDoc(make([]byte, 0, len(d.Text)+len(d.Title)+128), d, a.Len)
	a.Doc.Text = ""
	return a
}

// A hanTable maps the hanKeys of a document to their place in its token
// list: an open-addressing table, since counting the characters and pairs
// of every page is most of the index's work and a Go map spends it on
// generality. A key is never 0, which marks an empty slot.
type hanTable struct {
	keys []uint64
	at   []int32
	n    int

	scratch []hanCount // Analyze's counts, reused
}

var tables = sync.Pool{New: func() any { return &hanTable{} }}

// reset empties t for a new document.
func (t *hanTable) reset() {
	if t.keys == nil {
		t.keys, t.at = make([]uint64, 1<<12), make([]int32, 1<<12)
	}
	clear(t.keys)
	t.n = 0
}

// slot is where k is, or the empty slot where it belongs.
func (t *hanTable) slot(k uint64) int {
	mask := uint64(len(t.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15) >> 32 & mask // Fibonacci hashing
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return int(i)
}

// added records a new key, growing the table past half full.
func (t *hanTable) added() {
	t.n++
	if t.n*2 <= len(t.keys) {
		return
	}
	keys, at := t.keys, t.at
	t.keys, t.at = make([]uint64, 2*len(keys)), make([]int32, 2*len(keys))
	for i, k := range keys {
		if k != 0 {
			j := t.slot(k)
			t.keys[j], t.at[j] = k, at[i]
		}
	}
}

// Merge builds the index of analysed documents, in their order.
func Merge(as []*Analysis) *Index {
	m := NewMerger(len(as))
	for i, a := range as {
		m.Add(i, a)
	}
	return m.Index()
}

// A Merger builds an index from analyses added one by one, in any order
// and from several goroutines: a build adds each page's analysis as soon
// as it is made and drops it, so that the analyses of a large site are
// never all alive at once. Analyses are merged in document order, so that
// every token's postings come out sorted; one that arrives early waits
// in pending (with parallel workers handing out pages in order, a few).
type Merger struct {
	mu       sync.Mutex
	ix       *Index
	toks     []string
	postings [][]Posting // by token number, in order of first occurrence
	hanNum   map[uint64]int
	wordNum  map[string]int
	next     int               // the document to merge next
	pending  map[int]*Analysis // added before their turn
}

// NewMerger starts the index of n documents.
func NewMerger(n int) *Merger {
	return &Merger{
		ix: &Index{
			Docs:    make([]Document, n),
			Lengths: make([]int, n),
			docJSON: make([][]byte, n),
		},
		hanNum:  map[uint64]int{},
		wordNum: map[string]int{},
		pending: map[int]*Analysis{},
	}
}

// Add merges the analysis of document i, once those before it are in.
func (m *Merger) Add(i int, a *Analysis) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending[i] = a
	for {
		a, ok := m.pending[m.next]
		if !ok {
			return
		}
		delete(m.pending, m.next)
		m.merge(m.next, a)
		m.next++
	}
}

// merge merges document i's analysis; the documents before i are in.
func (m *Merger) merge(i int, a *Analysis) {
	ix := m.ix
	ix.Docs[i], ix.Lengths[i], ix.docJSON[i] = a.Doc, a.Len, a.json
	for _, c := range a.hans {
		n := m.number(c.key, "")
		m.postings[n] = append(m.postings[n], Posting{Doc: int32(i), Body: c.body, Title: c.title})
	}
	for _, c := range a.words {
		n := m.number(0, c.tok)
		m.postings[n] = append(m.postings[n], Posting{Doc: int32(i), Body: c.body, Title: c.title})
	}
}

// number is the number of a token, a Han token by its hanKey and a word
// by its text, given in order of first occurrence.
func (m *Merger) number(han uint64, word string) int {
	var n int
	var ok bool
	if han != 0 {
		n, ok = m.hanNum[han]
	} else {
		n, ok = m.wordNum[word]
	}
	if !ok {
		n = len(m.toks)
		if han != 0 {
			m.hanNum[han] = n
			word = hanToken(han)
		} else {
			m.wordNum[word] = n
		}
		m.toks = append(m.toks, word)
		m.postings = append(m.postings, nil)
	}
	return n
}

// Index returns the index of the documents added.
func (m *Merger) Index() *Index {
	m.mu.Lock()
	defer m.mu.Unlock()
	// Documents never added leave gaps; those after a gap are merged now,
	// in order.
	for _, i := range slices.Sorted(maps.Keys(m.pending)) {
		m.merge(i, m.pending[i])
		delete(m.pending, i)
	}
	ix := m.ix
	ix.Postings = make(map[string][]Posting, len(m.toks))
	for n, tok := range m.toks {
		ix.Postings[tok] = m.postings[n]
	}
	return ix
}

// titleText is what the title field indexes: the title and the 文号.
func titleText(d Document) string {
	if d.Number == "" {
		return d.Title
	}
	return d.Title + " " + d.Number
}

// JSON encodes the index as search-index.json, which search.js reads:
//
//	{
//	  "v": 1,
//	  "docs": [{"title": …, "url": …, "date": …, "number": …, "len": 812, "text": …}, …],
//	  "body":  {"禁毒": [0, 3, 2, 1, …], …},
//	  "title": {"禁毒": [5, 1], …}
//	}
//
// "body" and "title" map each token to its postings in that field as a flat
// list of pairs: the gap from the previous posting's document (the first
// pair's gap is the document's index) and the occurrences. Gaps keep the
// numbers small; most common tokens occur in consecutive documents, so
// their gaps are 1. "len" is the number of tokens of the text. Tokens are
// in byte order and the output is deterministic.
//
// Strings are written as they are but for what JSON requires escaped (",
// \ and control characters), U+2028 and U+2029 (for older JavaScript
// parsers); invalid UTF-8 becomes U+FFFD. The file is parsed, never
// inserted into a page, so <, > and & need no escaping.
func (ix *Index) JSON() []byte {
	// The documents' entries, then about half as much again for postings:
	// one allocation for a file of megabytes rather than a dozen doublings.
	size := 64 * len(ix.Docs)
	for i, d := range ix.Docs {
		if i < len(ix.docJSON) && ix.docJSON[i] != nil {
			size += len(ix.docJSON[i])
		} else {
			size += len(d.Text) + len(d.Title)
		}
	}
	b := make([]byte, 0, size+size/2)
	b = append(b, `{"v":1,"docs":[`...)
	for i, d := range ix.Docs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		if i < len(ix.docJSON) && ix.docJSON[i] != nil {
			b = append(b, ix.docJSON[i]...)
		} else {
			b = appendDoc(b, d, ix.Lengths[i])
		}
	}
	toks := make([]string, 0, len(ix.Postings))
	for tok := range ix.Postings {
		toks = append(toks, tok)
	}
	slices.Sort(toks)
	b = append(b, "],\n\"body\":"...)
	b = ix.appendField(b, toks, func(p Posting) int32 { return p.Body })
	b = append(b, ",\n\"title\":"...)
	b = ix.appendField(b, toks, func(p Posting) int32 { return p.Title })
	return append(b, "}\n"...)
}

// appendField appends one field's postings: token → [gap, count, …], for
// the postings with a count in that field, one token a line.
func (ix *Index) appendField(b []byte, toks []string, count func(Posting) int32) []byte {
	b = append(b, '{')
	first := true
	for _, tok := range toks {
		prev, listed := int32(0), false
		for _, p := range ix.Postings[tok] {
			n := count(p)
			if n == 0 {
				continue
			}
			if !listed {
				if !first {
					b = append(b, ',')
				}
				b = append(b, '\n')
				b = appendString(b, tok)
				b = append(b, ":["...)
				first, listed = false, true
			} else {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(p.Doc-prev), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(n), 10)
			prev = p.Doc
		}
		if listed {
			b = append(b, ']')
		}
	}
	return append(b, '}')
}

// appendString appends s as a JSON string (see JSON for what is escaped).
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
