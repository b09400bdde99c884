package search

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// An Index is the search index of a site: an inverted index cut into
// shards, a table of the documents, and their texts, written as static
// files that search.js fetches a few at a time. A query costs what its
// own tokens cost, not what the archive holds. (Files below are paths
// from the site root; <h> is the first 8 hex digits of the SHA-256 of
// the file's bytes, so that every file but the manifest may be cached
// forever.)
//
// Documents are numbered 0…N−1 in the order of Order: those without a
// date first, then the dated ones from the oldest. "Newest first" is the
// order of descending numbers, and a year is a range of them.
//
// search-index.json, the manifest, is the one file with a fixed name:
//
//	{"v":4,"docs":N,"shards":"<h><h>…","pages":"<h>…","pageDocs":16,
//	 "packs":"<h>…","packDocs":64,"years":[[2003,12],[2004,24],…]}
//
// "shards" is the hash of each shard, 8 hex digits each, in order; a shard
// with no token is 00000000 and has no file. The number of shards is a
// power of two, at most 1024. "years" gives, for each year with a dated
// document, the number of its first document.
//
// search/s/<i>.<h>.bin is shard i: every token whose tokenHash's top
// log2(shards) bits are i. It is binary; a varint is an unsigned LEB128:
//
//	shard    = varint(count) token…          tokens in byte order
//	token    = varint(len) utf8 varint(len) postings
//	         | varint(len) utf8 0x00 hash    postings out of line
//	postings = docset(text) places [weights] docset(title)
//
// A token is a Han character or pair, a word (lowercased; see Tokenize),
// or "=" and the Key of a title, 文号 or name, which finds its document
// exactly. docset(text) lists the documents whose text holds the token;
// places and weights are nibbles, two a byte, low nibble first, one for
// each of those documents in order: the place is the sixteenth of the
// text where the token first occurs (search.js fetches that stretch of
// the text for the snippet), the weight (1…15) how much the token counts
// in the document (see weight). A token in more than half of all the
// documents has no weights: it tells little about any one of them, and
// its list would be the longest. docset(title) lists the documents whose
// title, 文号 or names hold the token. Postings longer than 4 KB are a
// file of their own, search/p/<h>.bin, whose 4-byte hash (<h> in 8 hex
// digits) the shard holds: a query fetches the postings of its own tokens
// only, not those of the longest lists that share their shards. A docset
// is one of
//
//	varint(n<<2 | 0) varint(first) varint(gap−1)…  the n members
//	varint(n<<2 | 1) bitmap                        ⌈N/8⌉ bytes, bit d of byte d>>3 (low bit first)
//	varint(n<<2 | 2) varint(first) varint(gap−1)…  the N−n documents that are not members
//
// whichever is shortest (the first on a tie).
//
// search/d/<p>.<h>.json is page p of the documents table: documents
// p·16 … p·16+15, each as
//
//	["c", title, url, date, 文号, offset, length]
//
// with the kind (see Kind), the url below the site root, "" for a missing
// date or 文号, and where the document's text lies in its pack.
//
// search/t/<k>.<h>.txt, pack k, is the plain text of documents k·64 …
// k·64+63, one after the other, as UTF-8 (see Pack). search.js fetches
// a stretch of it with an HTTP range request; a server that ignores
// ranges sends the whole pack, which search.js reads only as far as it
// needs.
type Index struct {
	docs    []*Analysis // by number
	entries int         // of all documents
	bits    int         // log2 of the number of shards
	big     int         // postings longer than this are written out of line
}

// The sizes of the index's parts.
const (
	Version     = 4
	PageDocs    = 16       // documents per page of the documents table
	PackDocs    = 64       // documents per text pack
	shardTarget = 12 << 10 // the mean size a shard is cut for, in entries (about a byte each)
	bigPostings = 4 << 10  // postings longer than this are a file of their own
)

// A Shard is a shard's file and the files of the postings it holds out
// of line.
type Shard struct {
	Data     []byte // nil: no token falls in the shard
	Postings []File
}

// A File is one file of the index.
type File struct {
	Path string // below the site root
	Data []byte
	Sum  [32]byte // SHA-256 of Data, whose first bytes name it (but the manifest's)
}

// A Manifest is search-index.json (see Index).
type Manifest struct {
	V        int      `json:"v"`
	Docs     int      `json:"docs"`
	Shards   string   `json:"shards"` // 8 hex digits a shard
	Pages    string   `json:"pages"`
	PageDocs int      `json:"pageDocs"`
	Packs    string   `json:"packs"`
	PackDocs int      `json:"packDocs"`
	Years    [][2]int `json:"years"` // each year with a dated document, and the number of its first
}

// hashed is the file of data in folder dir (search/s, …) as item i, named
// by its hash: dir/i.<h>.ext.
func hashed(dir string, i int, ext string, data []byte) File {
	s := sha256.Sum256(data)
	return File{dir + "/" + strconv.Itoa(i) + "." + nameHash(s) + ext, data, s}
}

// nameHash is the hash in a file's name: the first 8 hex digits of its
// SHA-256, never 00000000, which marks an empty shard in the manifest.
func nameHash(sum [32]byte) string {
	if h := hex.EncodeToString(sum[:4]); h != "00000000" {
		return h
	}
	return "00000001"
}

// hashOf is the hash in the name of a file made by hashed.
func hashOf(path string) string {
	base := path[strings.LastIndexByte(path, '/')+1:]
	return strings.Split(base, ".")[1]
}

// Order numbers the documents (see Index): ids[i] is the number of
// docs[i]. It reads their dates and URLs only, so a build can number the
// documents before it renders them.
func Order(docs []Document) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := docs[i], docs[j]
		return cmp.Or(strings.Compare(a.Date, b.Date), strings.Compare(a.URL, b.URL)) // "" sorts first
	})
	ids := make([]int, len(docs))
	for id, i := range order {
		ids[i] = id
	}
	return ids
}

// Pack returns a text pack: the texts of docs, which are the documents of
// one pack in order (at most PackDocs).
func Pack(docs []*Analysis) []byte {
	n := 0
	for _, a := range docs {
		n += len(a.Doc.Text)
	}
	b := make([]byte, 0, n)
	for _, a := range docs {
		b = append(b, a.Doc.Text...)
	}
	return b
}

// PackPath is the path of pack k, whose bytes are data.
func PackPath(k int, data []byte) string {
	return hashed("search/t", k, ".txt", data).Path
}

// NewIndex prepares the index of docs, which are in the order of their
// numbers (see Order).
func NewIndex(docs []*Analysis) *Index {
	return newIndex(docs, shardTarget, bigPostings)
}

// newIndex is NewIndex with shards cut for target entries each, and
// postings longer than big bytes out of line.
func newIndex(docs []*Analysis, target, big int) *Index {
	x := &Index{docs: docs, big: big}
	for _, a := range docs {
		x.entries += len(a.entries)
	}
	for x.bits < shardBits && x.entries>>x.bits > target {
		x.bits++
	}
	return x
}

// Shards is the number of shards.
func (x *Index) Shards() int { return 1 << x.bits }

// eachEntry calls fn with every entry of shards lo … hi−1, document by
// document, each document's entries in the order of their shards.
func (x *Index) eachEntry(lo, hi int, fn func(shard, doc int, e uint64)) {
	from := uint64(lo) << (shardBits - x.bits)
	to := uint64(hi) << (shardBits - x.bits)
	shift := shardShift + shardBits - x.bits
	for d, a := range x.docs {
		k, _ := slices.BinarySearchFunc(a.entries, from, func(e, lo uint64) int { return cmp.Compare(e>>shardShift, lo) })
		for ; k < len(a.entries) && a.entries[k]>>shardShift < to; k++ {
			fn(int(a.entries[k]>>shift), d, a.entries[k])
		}
	}
}

// ShardKeys returns a key for each shard that changes whenever the
// shard's bytes may: a hash of the number of documents and shards and of
// the digest of each document's entries in the shard. The preview server
// keeps shards by these keys and encodes again only those a save changed;
// a document's digests are made once (the server keeps its analysis).
func (x *Index) ShardKeys() [][32]byte {
	bufs := make([][]byte, x.Shards())
	for i := range bufs {
		bufs[i] = binary.LittleEndian.AppendUint64(nil, uint64(len(x.docs)))
		bufs[i] = binary.LittleEndian.AppendUint64(bufs[i], uint64(x.bits)<<32|uint64(i))
	}
	for d, a := range x.docs {
		sd := a.shardDigests(x.bits)
		for k, i := range sd.shards {
			bufs[i] = binary.LittleEndian.AppendUint32(bufs[i], uint32(d))
			bufs[i] = binary.LittleEndian.AppendUint64(bufs[i], sd.sums[k])
		}
	}
	keys := make([][32]byte, len(bufs))
	for i, b := range bufs {
		keys[i] = sha256.Sum256(b)
	}
	return keys
}

// PackKey is a key of the pack of docs that changes whenever its bytes
// may, for the preview server's cache. It needs the documents' texts.
func PackKey(docs []*Analysis) [32]byte {
	b := make([]byte, 0, 8*len(docs))
	for _, a := range docs {
		b = binary.LittleEndian.AppendUint64(b, a.digest())
	}
	return sha256.Sum256(b)
}

// A gatherer gathers the postings of one shard at a time, from every
// document's entries for it, and encodes them. Each entry is numbered by
// its token (an open addressing table of Han tokens; a map of words),
// and the entries are then placed token by token (a counting sort). Its
// tables and lists are reused from shard to shard.
type gatherer struct {
	x *Index

	bits  uint
	keys  []uint64 // Han token keys; 0 is free
	index []int32  // the token number of each key
	words map[string]int32

	toks  []string // by number
	count []int32  // entries of each token, then where its entries start
	kds   []uint64 // each entry's token number<<32 | document, in the order added
	es    []uint64 // each entry
	docs  []uint32 // the documents, token by token
	ents  []uint64 // the entries, token by token
	order []int32  // token numbers in the order of their text

	body, title, others []uint32
	places, weights     []byte
	post                []byte
}

// gatherer returns a gatherer ready for shards of about size entries.
func (x *Index) gatherer(size int) *gatherer {
	g := &gatherer{x: x, words: map[string]int32{}, kds: make([]uint64, 0, size), es: make([]uint64, 0, size)}
	g.resize(10)
	return g
}

func (g *gatherer) resize(bits uint) {
	keys, index := g.keys, g.index
	g.bits, g.keys, g.index = bits, make([]uint64, 1<<bits), make([]int32, 1<<bits)
	for i, k := range keys {
		if k != 0 {
			j := g.slot(k)
			g.keys[j], g.index[j] = k, index[i]
		}
	}
}

// slot is where the Han token key is, or the free slot where it goes.
func (g *gatherer) slot(key uint64) uint64 {
	mask := uint64(1)<<g.bits - 1
	i := (key * 0x9E3779B97F4A7C15) >> (64 - g.bits)
	for g.keys[i] != 0 && g.keys[i] != key {
		i = (i + 1) & mask
	}
	return i
}

// add adds document d's entry e.
func (g *gatherer) add(d int, e uint64) {
	key := e & keyMask
	var k int32
	if key&wordBit != 0 {
		w := g.x.docs[d].words[key&(wordBit-1)]
		var ok bool
		if k, ok = g.words[w]; !ok {
			k = g.next(w)
			g.words[w] = k
		}
	} else {
		i := g.slot(key)
		if g.keys[i] == 0 {
			if 2*len(g.toks) >= len(g.keys) {
				g.resize(g.bits + 1)
				i = g.slot(key)
			}
			g.keys[i], g.index[i] = key, g.next(g.x.docs[d].token(e))
		}
		k = g.index[i]
	}
	g.count[k]++
	g.kds = append(g.kds, uint64(k)<<32|uint64(d))
	g.es = append(g.es, e)
}

// next numbers a token new in this shard.
func (g *gatherer) next(tok string) int32 {
	g.toks = append(g.toks, tok)
	g.count = append(g.count, 0)
	return int32(len(g.toks) - 1)
}

// encode encodes the shard gathered (nothing if it is empty), and starts
// the next.
func (g *gatherer) encode() (sh Shard) {
	defer func() {
		clear(g.keys)
		clear(g.words)
		g.toks, g.count, g.kds, g.es = g.toks[:0], g.count[:0], g.kds[:0], g.es[:0]
	}()
	if len(g.toks) == 0 {
		return sh
	}
	// Place the entries token by token, documents in order.
	sum := int32(0)
	for k, n := range g.count {
		g.count[k] = sum
		sum += n
	}
	g.docs, g.ents = slices.Grow(g.docs[:0], len(g.es))[:len(g.es)], slices.Grow(g.ents[:0], len(g.es))[:len(g.es)]
	for i, kd := range g.kds {
		k := kd >> 32
		at := g.count[k]
		g.docs[at], g.ents[at] = uint32(kd), g.es[i]
		g.count[k]++
	}
	// count[k] is now where token k's entries end.
	g.order = g.order[:0]
	for k := range g.toks {
		g.order = append(g.order, int32(k))
	}
	slices.SortFunc(g.order, func(a, b int32) int { return strings.Compare(g.toks[a], g.toks[b]) })

	n := len(g.x.docs)
	b := binary.AppendUvarint(make([]byte, 0, 2*len(g.es)+16*len(g.toks)), uint64(len(g.toks)))
	for _, k := range g.order {
		start := int32(0)
		if k > 0 {
			start = g.count[k-1]
		}
		g.body, g.title, g.places, g.weights = g.body[:0], g.title[:0], g.places[:0], g.weights[:0]
		for i := start; i < g.count[k]; i++ {
			e := g.ents[i]
			if v := byte(e >> bodyShift); v != 0 {
				g.body = append(g.body, g.docs[i])
				g.places = append(g.places, v&0xF)
				g.weights = append(g.weights, v>>4)
			}
			if e&titleBit != 0 {
				g.title = append(g.title, g.docs[i])
			}
		}
		p := g.docset(g.post[:0], g.body, n)
		p = appendNibbles(p, g.places)
		if 2*len(g.body) <= n {
			p = appendNibbles(p, g.weights)
		}
		p = g.docset(p, g.title, n)
		g.post = p
		tok := g.toks[k]
		b = binary.AppendUvarint(b, uint64(len(tok)))
		b = append(b, tok...)
		if len(p) > g.x.big {
			// Out of line: a query for a token that shares the shard
			// does not fetch these.
			f := postingsFile(slices.Clone(p))
			sh.Postings = append(sh.Postings, f)
			b = append(b, 0)
			b = append(b, f.Sum[:4]...)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	sh.Data = b
	return sh
}

// postingsFile is the file of postings written out of line.
func postingsFile(p []byte) File {
	s := sha256.Sum256(p)
	return File{"search/p/" + hex.EncodeToString(s[:4]) + ".bin", p, s}
}

// Shard encodes shard i.
func (x *Index) Shard(i int) Shard {
	g := x.gatherer(x.entries >> x.bits * 5 / 4)
	x.eachEntry(i, i+1, func(_, d int, e uint64) { g.add(d, e) })
	return g.encode()
}

// shards encodes every shard, in parallel. The shards are taken a few at
// a time; each few is gathered in one pass over the documents, reading
// each document's entries for them in order, which a pass per shard would
// read from thousands of places. A worker reuses its gatherers.
func (x *Index) shards() []Shard {
	out := make([]Shard, x.Shards())
	const few = 8
	workers := make([][]*gatherer, runtime.GOMAXPROCS(0))
	parallelChunks(len(out), few, func(w, lo, hi int) {
		gs := workers[w]
		for len(gs) < hi-lo {
			gs = append(gs, x.gatherer(x.entries>>x.bits*5/4))
		}
		workers[w] = gs
		// As eachEntry does, without a call per entry.
		from, to := uint64(lo)<<(shardBits-x.bits), uint64(hi)<<(shardBits-x.bits)
		shift := shardShift + shardBits - x.bits
		for d, a := range x.docs {
			k, _ := slices.BinarySearchFunc(a.entries, from, func(e, lo uint64) int { return cmp.Compare(e>>shardShift, lo) })
			for ; k < len(a.entries) && a.entries[k]>>shardShift < to; k++ {
				gs[int(a.entries[k]>>shift)-lo].add(d, a.entries[k])
			}
		}
		for i := lo; i < hi; i++ {
			out[i] = gs[i-lo].encode()
		}
	})
	return out
}

// appendNibbles appends values of 0…15, two a byte, the first in the low
// nibble.
func appendNibbles(b, v []byte) []byte {
	for k := 0; k < len(v); k += 2 {
		c := v[k]
		if k+1 < len(v) {
			c |= v[k+1] << 4
		}
		b = append(b, c)
	}
	return b
}

// docset appends the set of documents ids (ascending) among n, in the
// shortest of its three forms.
func (g *gatherer) docset(b []byte, ids []uint32, n int) []byte {
	bitmap := (n + 7) / 8
	sparse := bitmap + 1 // each gap takes a byte at least: no shorter than the bitmap
	if len(ids) <= bitmap {
		sparse = varintsLen(ids)
	}
	others := g.others[:0]
	defer func() { g.others = others }()
	complement := -1
	if 2*len(ids) > n { // the complement can be the shortest only then
		k := 0
		for d := range uint32(n) {
			if k < len(ids) && ids[k] == d {
				k++
			} else {
				others = append(others, d)
			}
		}
		complement = varintsLen(others)
	}
	switch {
	case sparse <= bitmap && (complement < 0 || sparse <= complement):
		b = binary.AppendUvarint(b, uint64(len(ids))<<2)
		return appendGaps(b, ids)
	case complement < 0 || bitmap <= complement:
		b = binary.AppendUvarint(b, uint64(len(ids))<<2|1)
		start := len(b)
		b = append(b, make([]byte, bitmap)...)
		for _, d := range ids {
			b[start+int(d>>3)] |= 1 << (d & 7)
		}
		return b
	}
	b = binary.AppendUvarint(b, uint64(len(ids))<<2|2)
	return appendGaps(b, others)
}

// appendGaps appends ascending ids as the first and then each gap less one.
func appendGaps(b []byte, ids []uint32) []byte {
	prev := uint32(0)
	for k, d := range ids {
		if k == 0 {
			b = binary.AppendUvarint(b, uint64(d))
		} else {
			b = binary.AppendUvarint(b, uint64(d-prev-1))
		}
		prev = d
	}
	return b
}

// varintsLen is the length of appendGaps(nil, ids).
func varintsLen(ids []uint32) int {
	n := 0
	prev := uint32(0)
	for k, d := range ids {
		v := d
		if k > 0 {
			v = d - prev - 1
		}
		n += (bits.Len32(v|1) + 6) / 7
		prev = d
	}
	return n
}

// Page encodes page p of the documents table. offsets are where each
// document's text starts in its pack.
func (x *Index) page(p int, offsets []int) []byte {
	b := []byte{'['}
	for d := p * PageDocs; d < min(len(x.docs), (p+1)*PageDocs); d++ {
		doc := x.docs[d].Doc
		if d > p*PageDocs {
			b = append(b, ',', '\n')
		}
		b = append(b, '[', '"', byte(doc.Kind), '"', ',')
		for _, s := range []string{doc.Title, doc.URL, doc.Date, doc.Number} {
			b = appendString(b, s)
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(offsets[d]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(x.docs[d].TextLen), 10)
		b = append(b, ']')
	}
	return append(b, "]\n"...)
}

// Files returns the manifest, the shards and the documents table; the
// packs, whose paths are given (pack k at packs[k]), are written apart
// (see Pack). shard(i), if not nil, returns shard i's bytes: x.Shard(i),
// or the bytes of an earlier build with the same key (see ShardKeys).
// The shards are made in parallel.
func (x *Index) Files(packs []string, shard func(i int) Shard) []File {
	n := len(x.docs)
	var shards []Shard
	if shard == nil {
		shards = x.shards()
	} else {
		shards = make([]Shard, x.Shards())
		parallelRanges(len(shards), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				shards[i] = shard(i)
			}
		})
	}
	var files []File
	m := Manifest{V: Version, Docs: n, PageDocs: PageDocs, PackDocs: PackDocs, Years: [][2]int{}}
	var hashes []byte
	seen := map[string]bool{} // postings out of line, which two tokens may share
	for i, sh := range shards {
		if sh.Data == nil {
			hashes = append(hashes, "00000000"...)
			continue
		}
		f := hashed("search/s", i, ".bin", sh.Data)
		files = append(files, f)
		hashes = append(hashes, hashOf(f.Path)...)
		for _, p := range sh.Postings {
			if !seen[p.Path] {
				seen[p.Path] = true
				files = append(files, p)
			}
		}
	}
	m.Shards, hashes = string(hashes), hashes[:0]
	offsets := make([]int, n)
	for d := range n {
		if d%PackDocs != 0 {
			offsets[d] = offsets[d-1] + x.docs[d-1].TextLen
		}
	}
	for p := 0; p*PageDocs < n; p++ {
		f := hashed("search/d", p, ".json", x.page(p, offsets))
		files = append(files, f)
		hashes = append(hashes, hashOf(f.Path)...)
	}
	m.Pages, hashes = string(hashes), hashes[:0]
	for _, p := range packs {
		hashes = append(hashes, hashOf(p)...)
	}
	m.Packs = string(hashes)
	year := 0
	for d, a := range x.docs {
		if len(a.Doc.Date) < 4 {
			continue
		}
		if y, _ := strconv.Atoi(a.Doc.Date[:4]); y != year {
			year = y
			m.Years = append(m.Years, [2]int{y, d})
		}
	}
	man, _ := json.Marshal(m)
	man = append(man, '\n')
	return append([]File{{"search-index.json", man, sha256.Sum256(man)}}, files...)
}

// parallelRanges runs fn over n items cut in contiguous ranges, on every
// core.
func parallelRanges(n int, fn func(lo, hi int)) {
	chunks := max(1, min(n, 4*runtime.GOMAXPROCS(0)))
	parallelChunks(n, (n+chunks-1)/chunks, func(_, lo, hi int) { fn(lo, hi) })
}

// parallelChunks runs fn over n items cut in ranges of size items, on
// every core; w numbers the worker (0 … GOMAXPROCS−1) that runs it.
func parallelChunks(n, size int, fn func(w, lo, hi int)) {
	if n == 0 {
		return
	}
	chunks := (n + size - 1) / size
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := range min(chunks, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for c := int(next.Add(1)) - 1; c < chunks; c = int(next.Add(1)) - 1 {
				fn(w, c*size, min(n, (c+1)*size))
			}
		})
	}
	wg.Wait()
}

// Gzip compresses a file for servers that send precompressed copies
// (nginx's gzip_static), the same bytes every time: no name, no time.
func Gzip(data []byte) []byte {
	w := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(w)
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// gzipWriters are reused: a writer's tables are most of the work of
// compressing a small file.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return w
}}

// gzipLevel is the level of compression of the precompressed copies: the
// fastest, whose files are 3–7 % larger than the default level's (and 5 %
// larger than brotli's at level 5, which takes three times as long).
const gzipLevel = gzip.BestSpeed

// appendString appends s as a JSON string (see JSON for what is escaped).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends s escaped for a JSON string, without the quotes.
func appendEscaped(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return appendInvalid(b, s)
	}
	// Valid UTF-8, which is every page's text: only ASCII bytes and the
	// sequences of U+2028 and U+2029 (E2 80 A8 and E2 80 A9) need a look;
	// other multi-byte characters are passed over whole, by the length
	// their first byte gives.
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
		case c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', "89"[s[i+2]-0xA8])
			i += 3
			start = i
		case c >= 0xF0:
			i += 4
		case c >= 0xE0:
			i += 3
		default:
			i += 2
		}
	}
	return append(b, s[start:]...)
}

// appendEscape appends the JSON escape of an ASCII byte.
func appendEscape(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// appendInvalid is appendEscaped for a string that is not valid UTF-8:
// it decodes every sequence, to replace each run of invalid bytes with one
// U+FFFD, as strings.ToValidUTF8 does.
func appendInvalid(b []byte, s string) []byte {
	start := 0
	invalid := false // the byte before i was invalid
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			invalid = false
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			if !invalid {
				b = append(b, "\uFFFD"...)
			}
			invalid = true
		case r == '\u2028' || r == '\u2029':
			invalid = false
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', "89"[r-'\u2028'])
		default:
			invalid = false
			i += n
			continue
		}
		i += n
		start = i
	}
	return append(b, s[start:]...)
}
