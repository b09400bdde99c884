package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
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
// shards and a table of the documents, written as static files that
// search.js fetches a few at a time. A query costs what its
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
//	{"v":11,"docs":N,"shards":"<h><h>…","big":{"<token>":"<h>",…},
//	 "pages":"<h>…","pageDocs":16,
//	 "years":[[2003,12],[2004,24],…],"variants":"<h>","names":"<h>"}
//
// "shards" is the hash of each shard, 8 hex digits each, in order; a shard
// with no token is 00000000 and has no file. The number of shards is a
// power of two, at most 1024. "big" names the postings written out of line
// (see below) by their tokens: a query fetches those at once, not after
// the shard that also names them, which saves it a round trip for its
// commonest tokens (what a token costs the manifest, about 15 bytes,
// is paid once a visit; the round trip, each query). "years" gives, for
// each year with a dated document, the number of its first document.
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
// a word and the Han character right after it (2023年, 3月, 14号; since
// version 6), or "=" and the Key of a title, 文号 or name, which finds its
// document exactly. Since version 9 two Han characters with only joiners
// between them (quotation marks, book-title marks, brackets, middle dots:
// see joins) pair too (实三 and 点工 in 落实“三重点”工作), and a Key's runs
// go on across joiners; white space and all other punctuation part them
// (no 全生 in 安全、生产). (Versions 7 and 8 paired two characters across
// any punctuation or symbol, white space only parting them.) Since
// version 10 a decimal number is one word (17.95, PM2.5: a point between
// two digits is part of it), where it was two. docset(text)
// lists the documents whose text holds the token;
// places and weights are nibbles, two a byte, low nibble first, one for
// each of those documents in order: the place is the sixteenth of the
// document's text (see below) where the token first occurs (search.js
// fetches that stretch for the snippet), the weight (1…15) how much the token counts
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
// p·16 … p·16+15, each as one of
//
//	["c", title, url, date, 文号, at, length]
//	["u", title, url, date, 文号, text]
//
// with the kind (see Kind), the url below the site root, "" for a missing
// date or 文号. A document read from its page's HTML (AnalyseHTML: the
// circulars and the plain pages) has its text in the page itself: the
// fragment read is length bytes from byte at of the page at url (its
// index.html), and the places are sixteenths of that fragment; search.js
// fetches the stretch of the page a place names with an HTTP range
// request, and reads its text as PlainText does. (A length of 0: the
// fragment was not found in the page, which a layout of a site's own may
// cause; the document has no snippet.) A document whose text the index
// was given (Analyse: the unit and indicator pages, a sentence or two)
// carries it, and its places are sixteenths of its UTF-8. Until version
// 10 the texts of all documents were copied into packs of 64 documents,
// search/t/<k>.<h>.txt, a third of the bytes of a site and a fifth of
// the time of building its index, for text that the pages hold already.
//
// search/n/0.<h>.json, the list of names, is the names of each unit's
// and indicator's page (Document.Names: its own and the others), with its
// number:
//
//	[["兴隆街道",12],["区发改局",13],["区发展和改革局",13],…]
//
// the manifest's "names" is its hash ("names" is left out, and the file
// too, on a site without such pages). search.js fetches it only when a
// query finds nothing whole, to offer the name one character away from
// what was typed (兴隆街道 for 兴龙街道, which a pinyin input method gives as
// readily): a misspelt name finds its page among the partial matches, but
// ranks it no higher than every other page holding 街道, since the index
// keeps no positions to tell them apart.
//
// search/v/<k>.<h>.txt is piece k of the table of variants, the same for
// every site: the traditional characters of U+4E00 + 256k … U+4E00 +
// 256k + 255 and their simplified forms, in pairs (see Variants). The 82
// pieces are named by the hash of the whole table, the manifest's
// "variants", not each by its own: search.js knows a character's piece
// from its code point, and the manifest names them all with one hash.
// (Until version 8 the table was one file, 17 KB, which a query typed
// with one wrong character fetched whole.)
type Index struct {
	docs    []*Analysis // by number
	ents    [][]uint64  // each document's entries, by number: read shard by shard, without going through docs
	entries int         // of all documents
	bits    int         // log2 of the number of shards
	big     int         // postings longer than this are written out of line
}

// The sizes of the index's parts.
const (
	Version     = 11
	PageDocs    = 16       // documents per page of the documents table
	shardTarget = 12 << 10 // the mean size a shard is cut for, in entries (about a byte each)
	bigPostings = 4 << 10  // postings longer than this are a file of their own
)

// A Shard is a shard's file and the files of the postings it holds out
// of line.
type Shard struct {
	Data     []byte // nil: no token falls in the shard
	Postings []File
	Tokens   []string // Tokens[k] is the token whose postings Postings[k] holds
}

// A File is one file of the index.
type File struct {
	Path string // below the site root
	Data []byte
	Sum  [32]byte // SHA-256 of Data, whose first bytes name it (but the manifest's)
}

// A Manifest is search-index.json (see Index).
type Manifest struct {
	V        int               `json:"v"`
	Docs     int               `json:"docs"`
	Shards   string            `json:"shards"` // 8 hex digits a shard
	Big      map[string]string `json:"big"`    // token → the hash of its postings out of line
	Pages    string            `json:"pages"`
	PageDocs int               `json:"pageDocs"`
	Years    [][2]int          `json:"years"`           // each year with a dated document, and the number of its first
	Variants string            `json:"variants"`        // the hash of the table of variants, which names its pieces (see Variants)
	Names    string            `json:"names,omitempty"` // the hash of the list of names, if any
}

// Variants are the files of the traditional characters a query may be
// typed in and the simplified ones of the archive (variants.txt, made by
// variants_gen.go from OpenCC's table): pairs of characters, one after
// the other, cut into pieces of 256 code points of the traditional
// character (variantsPiece), all named by the hash of the whole table.
// When a query finds no page that holds it whole, search.js fetches the
// pieces of the characters of its Han terms that no page holds, and
// looks the query up again in simplified characters (營商環境 finds
// 营商环境): a few hundred bytes, where the whole table is 17 KB.
//
// No cheaper way tells search.js whether a character is one the table
// maps: the set of its 2,843 characters among the block's 20,992 takes
// at least 1.5 KB however it is written (log₂ C(20992, 2843) ≈ 12,300
// bits), which every search page would carry.
func Variants() []File { return slices.Clone(variantFiles()) }

var variantFiles = sync.OnceValue(func() []File {
	pieces := make([][]byte, (variantsEnd-variantsStart)/variantsPiece)
	table := []rune(strings.TrimSuffix(string(variants), "\n"))
	for i := 0; i+1 < len(table); i += 2 {
		k := (table[i] - variantsStart) / variantsPiece
		pieces[k] = utf8.AppendRune(utf8.AppendRune(pieces[k], table[i]), table[i+1])
	}
	h := nameHash(sha256.Sum256(variants))
	files := make([]File, len(pieces))
	for k, b := range pieces {
		files[k] = File{"search/v/" + strconv.Itoa(k) + "." + h + ".txt", b, sha256.Sum256(b)}
	}
	return files
})

// The table of variants covers the CJK Unified Ideographs, in pieces of
// variantsPiece code points: piece k holds the traditional characters
// variantsStart + k·variantsPiece … (search.js's VARIANTS_START, VARIANTS_END
// and VARIANTS_SHIFT).
const (
	variantsStart = 0x4E00
	variantsEnd   = 0xA000
	variantsPiece = 256
)

//go:embed variants.txt
var variants []byte

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

// NewIndex prepares the index of docs, which are in the order of their
// numbers (see Order).
func NewIndex(docs []*Analysis) *Index {
	return newIndex(docs, shardTarget, bigPostings)
}

// newIndex is NewIndex with shards cut for target entries each, and
// postings longer than big bytes out of line.
func newIndex(docs []*Analysis, target, big int) *Index {
	x := &Index{docs: docs, big: big, ents: make([][]uint64, len(docs))}
	for d, a := range docs {
		x.ents[d] = a.entries
		x.entries += len(a.entries)
	}
	for x.bits < shardBits && x.entries>>x.bits > target {
		x.bits++
	}
	return x
}

// Shards is the number of shards.
func (x *Index) Shards() int { return 1 << x.bits }

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

// A gatherer gathers the postings of one shard at a time, from every
// document's entries for it, and encodes them. Each entry's token is
// numbered (an open addressing table of Han tokens; a map of words) and
// its number kept; the entries are then placed token by token (a
// counting sort), each token's in the order of their documents. Its
// tables and lists are reused from shard to shard.
type gatherer struct {
	x *Index

	bits  uint         // log2 of len(slots)
	slots []gatherSlot // Han tokens by key; key 0 is free
	words map[string]int32

	text   []byte   // the tokens' texts, one after the other
	ends   []uint32 // where each token's text ends in text, by number
	count  []int32  // entries of each word (a Han token's are in its slot), then of each token, then where its entries end
	es     []uint64 // the shard's entries (see gather)
	owners []uint32 // their documents

	// The shard's entries as take finds them, and their documents, kept
	// from shard to shard; resume is where take goes on in each
	// document's entries, last the shard it took last.
	shardEnts   []uint64
	shardOwners []uint32
	resume      []uint32
	last        int
	touch       uint64   // the sum of what take read ahead (see takeAhead): used, the reads are not dropped as dead
	toks        []uint32 // their tokens' numbers
	docs        []uint32 // the entries' documents, token by token, each with titleDoc if the title holds the token
	vals        []byte   // their body bytes, in the same order
	mixed       []bool   // by token: some of its entries are not the body's alone (see encode)
	order       []int32  // token numbers in the order of their texts

	body, title []uint32
	nibbles     []byte
	others      []uint32
	post        []byte
}

type gatherSlot struct {
	key uint64
	tok int32
	n   int32 // the token's entries so far: a Han token's count is kept here, not in gatherer.count, until encode
}

// titleDoc is the title flag of a document in gatherer.docs: an entry's
// titleBit shifted right by titleDocShift.
const (
	titleDoc      = 1 << 31
	titleDocShift = 20
)

// titleBit>>titleDocShift is titleDoc.
const (
	_ uint64 = titleBit>>titleDocShift - titleDoc
	_ uint64 = titleDoc - titleBit>>titleDocShift
)

// gatherer returns a gatherer ready for shards of about size entries.
func (x *Index) gatherer(size int) *gatherer {
	g := &gatherer{x: x, words: map[string]int32{}, toks: make([]uint32, 0, size)}
	g.resize(10)
	return g
}

func (g *gatherer) resize(bits uint) {
	old := g.slots
	g.bits, g.slots = bits, make([]gatherSlot, 1<<bits)
	for _, sl := range old {
		if sl.key != 0 {
			g.slots[g.slot(sl.key)] = sl
		}
	}
}

// gatherHome is where the probe for the Han token key starts, before it
// is reduced to the table's size: by a constant shift, which leaves the
// probe loop the register a shift by the table's size took.
func gatherHome(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 32 }

// slot is where the Han token key is, or the free slot where it goes.
func (g *gatherer) slot(key uint64) uint64 {
	mask := uint64(len(g.slots) - 1)
	i := gatherHome(key) & mask
	for g.slots[i].key != 0 && g.slots[i].key != key {
		i = (i + 1) & mask
	}
	return i
}

// gather adds the entries es of one shard, owners[k] being the document
// of es[k], in the order of their documents.
func (g *gatherer) gather(es []uint64, owners []uint32) {
	g.es, g.owners = es, owners[:len(es)]
	g.toks = slices.Grow(g.toks[:0], len(es))[:len(es)]
	for n := 0; n < len(es); n++ {
		// Han tokens the shard has numbered, in a loop without calls;
		// then the entry it stopped at, a word or a new Han token.
		if n = g.addKnown(es, n); n == len(es) {
			break
		}
		e := es[n]
		var k int32
		if key := e & keyMask; key&wordBit == 0 {
			sl := &g.slots[g.newHan(key)]
			sl.n++
			k = sl.tok
		} else {
			k = g.word(g.x.docs[g.owners[n]].word(key & (wordBit - 1)))
			g.count[k]++
		}
		g.toks[n] = uint32(k)
	}
}

// addKnown adds the entries from es[n] on whose tokens are Han tokens
// the shard has numbered, and returns where it stopped. It counts them
// in their slots, which it has just read, not in g.count: no bounds
// check, and two registers fewer.
func (g *gatherer) addKnown(es []uint64, n int) int {
	slots, toks := g.slots, g.toks[:len(es)]
	mask := uint64(len(slots) - 1)
	for ; n < len(es); n++ {
		e := es[n]
		key := e & keyMask
		i := gatherHome(key)
		for slots[i&mask].key != key {
			if slots[i&mask].key == 0 || key&wordBit != 0 {
				return n
			}
			i++
		}
		sl := &slots[i&mask]
		sl.n++
		toks[n] = uint32(sl.tok)
	}
	return n
}

// newHan numbers the Han token key, new to the shard, and returns its
// slot.
func (g *gatherer) newHan(key uint64) uint64 {
	if 2*len(g.ends) >= len(g.slots) {
		g.resize(g.bits + 1)
	}
	i := g.slot(key)
	g.text = appendToken(g.text, key)
	g.slots[i] = gatherSlot{key, g.next(), 0}
	return i
}

// word is the number of the word w.
func (g *gatherer) word(w string) int32 {
	k, ok := g.words[w]
	if !ok {
		g.text = append(g.text, w...)
		k = g.next()
		g.words[w] = k
	}
	return k
}

// next numbers the token whose text was just appended to g.text.
func (g *gatherer) next() int32 {
	g.ends = append(g.ends, uint32(len(g.text)))
	g.count = append(g.count, 0)
	return int32(len(g.ends) - 1)
}

// token is the text of token k.
func (g *gatherer) token(k int32) []byte {
	start := uint32(0)
	if k > 0 {
		start = g.ends[k-1]
	}
	return g.text[start:g.ends[k]]
}

// encode encodes the shard gathered (nothing if it is empty), and starts
// the next.
func (g *gatherer) encode() (sh Shard) {
	defer func() {
		clear(g.slots)
		clear(g.words)
		g.text, g.ends, g.count, g.toks = g.text[:0], g.ends[:0], g.count[:0], g.toks[:0]
		g.es, g.owners = nil, nil
	}()
	if len(g.ends) == 0 {
		return sh
	}
	// Place the entries token by token, documents in order.
	for _, sl := range g.slots {
		if sl.key != 0 {
			g.count[sl.tok] = sl.n
		}
	}
	sum := int32(0)
	for k, n := range g.count {
		g.count[k] = sum
		sum += n
	}
	// A token none of whose entries is a title's or lacks a body byte,
	// most, has its documents and body bytes in docs and vals as the
	// postings want them; the others' are picked out (mixed).
	count, toks := g.count, g.toks
	docs := slices.Grow(g.docs[:0], len(toks))[:len(toks)]
	vals := slices.Grow(g.vals[:0], len(toks))[:len(toks)]
	mixed := slices.Grow(g.mixed[:0], len(count))[:len(count)]
	clear(mixed)
	placeEntries(toks, g.es, g.owners, count, docs, vals, mixed)
	g.docs, g.vals, g.mixed = docs, vals, mixed
	// count[k] is now where token k's entries end.
	g.order = g.order[:0]
	for k := range g.ends {
		g.order = append(g.order, int32(k))
	}
	slices.SortFunc(g.order, func(a, b int32) int { return bytes.Compare(g.token(a), g.token(b)) })

	n := len(g.x.docs)
	b := binary.AppendUvarint(make([]byte, 0, 2*len(g.toks)+16*len(g.ends)), uint64(len(g.ends)))
	for _, k := range g.order {
		start := int32(0)
		if k > 0 {
			start = g.count[k-1]
		}
		body, title, nibbles := docs[start:count[k]], []uint32(nil), vals[start:count[k]]
		if mixed[k] {
			ds, vs := body, nibbles
			body, title, nibbles = g.body[:0], g.title[:0], g.nibbles[:0]
			for j, d := range ds {
				if v := vs[j]; v != 0 {
					body = append(body, d&^titleDoc)
					nibbles = append(nibbles, v)
				}
				if d&titleDoc != 0 {
					title = append(title, d&^titleDoc)
				}
			}
			g.body, g.title, g.nibbles = body, title, nibbles
		}
		p := g.docset(g.post[:0], body, n)
		p = appendNibbles(p, nibbles, 2*len(body) <= n)
		p = g.docset(p, title, n)
		g.post = p
		tok := g.token(k)
		b = binary.AppendUvarint(b, uint64(len(tok)))
		b = append(b, tok...)
		if len(p) > g.x.big {
			// Out of line: a query for a token that shares the shard
			// does not fetch these.
			f := postingsFile(slices.Clone(p))
			sh.Postings = append(sh.Postings, f)
			sh.Tokens = append(sh.Tokens, string(tok))
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

// placeEntries is encode's counting sort, in a function of its own, whose few
// variables stay in registers: it puts each entry's document (with
// titleDoc if the title holds the token) and body byte at its token's
// next place, count[k] being where token k's next entry goes, and marks
// the tokens with a title's entry or one without a body byte (mixed).
// toks, es and owners are the shard's entries' (see gatherer); len(docs)
// and len(vals) are len(toks), len(mixed) is len(count). (Inlined in
// encode, its loop spilled and reloaded five of its variables.)
//
//go:noinline
func placeEntries(toks []uint32, es []uint64, owners []uint32, count []int32, docs []uint32, vals []byte, mixed []bool) {
	es, owners = es[:len(toks)], owners[:len(toks)]
	mixed = mixed[:len(count)]
	vals = vals[:len(docs)]
	for n, k := range toks {
		e := es[n]
		at := count[k]
		count[k] = at + 1
		docs[at] = owners[n] | uint32(e>>titleDocShift)&titleDoc
		vals[at] = byte(e >> bodyShift)
		// A title's entry (titleBit) or none in the body (a body byte of
		// 0): the nine bits, less one, wrap around or reach 0xFF.
		if uint32(e>>bodyShift)&0x1FF-1 >= 0xFF {
			mixed[k] = true
		}
	}
}

// postingsFile is the file of postings written out of line.
func postingsFile(p []byte) File {
	s := sha256.Sum256(p)
	return File{"search/p/" + hex.EncodeToString(s[:4]) + ".bin", p, s}
}

// Shard encodes shard i.
func (x *Index) Shard(i int) Shard {
	return x.gatherShard(x.gatherer(x.entries>>x.bits*5/4), i)
}

// gatherShard gathers and encodes shard i with g.
func (x *Index) gatherShard(g *gatherer, i int) Shard {
	g.take(i)
	g.gather(g.shardEnts, g.shardOwners)
	return g.encode()
}

// take puts the entries of shard i of every document in g.shardEnts, in
// the order of their documents, and their documents in g.shardOwners.
// Each document's entries are in the order of their shards (see
// Analysis.entries): shard i's are a run, from where the last shard g
// took ended if i comes after it (a worker takes shards in order; those
// between, another's, are passed over by galloping: steps of 1, 2, 4 …
// entries, then halving the last), else from the start.
func (g *gatherer) take(i int) {
	docs := g.x.ents
	if len(g.resume) != len(docs) || i <= g.last {
		g.resume = slices.Grow(g.resume[:0], len(docs))[:len(docs)]
		clear(g.resume)
	}
	g.last = i
	// The entries of shard i are those from lo up to end: the shards'
	// bits are an entry's highest, the two above them 0.
	shift := uint(shardShift + shardBits - g.x.bits)
	lo, end := uint64(i)<<shift, uint64(i+1)<<shift
	es, owners := g.shardEnts[:0], g.shardOwners[:0]
	resume := g.resume[:len(docs)]
	var touch uint64
	for d, ents := range docs {
		// Read ahead: see takeAhead.
		if a := d + takeAhead; a < len(docs) {
			if f, r := docs[a], resume[a]; int(r) < len(f) {
				touch += f[r]
			}
		}
		k := int(resume[d])
		if k < len(ents) && ents[k] < lo {
			k = gallop(ents, k, lo)
		}
		for ; k < len(ents) && ents[k] < end; k++ {
			es = append(es, ents[k])
			owners = append(owners, uint32(d))
		}
		resume[d] = uint32(k)
	}
	g.shardEnts, g.shardOwners = es, owners
	g.touch = touch
}

// takeAhead is how many documents ahead take reads the first entry it
// will take from a document, before it takes the present one's. In a
// build the documents' entries were made long before, each in memory of
// its own, and a run of a shard is a few entries: take waited on memory
// at nearly every document. A read of one well ahead, whose value nothing
// waits for, has the line on its way by the time take gets there (there
// is no prefetch instruction in Go): about 2 ms less of take's 14 in a
// build of the plain corpus, by perf's samples (ten builds each way).
const takeAhead = 32

// gallop is where the first entry from lo on is in ents, past k, where
// ents[k] is before lo: by steps of 1, 2, 4 … entries, then halving the
// last. Past another worker's shards, the run is a few entries on.
func gallop(ents []uint64, k int, lo uint64) int {
	l, h := k+1, len(ents) // ents[l-1] is before the run, ents[h] (if any) in or after it
	for step := 1; l+step < h; step <<= 1 {
		if ents[l+step-1] >= lo {
			h = l + step - 1
			break
		}
		l += step
	}
	for l < h {
		if m := int(uint(l+h) >> 1); ents[m] < lo {
			l = m + 1
		} else {
			h = m
		}
	}
	return l
}

// shards encodes every shard, in parallel. A worker reuses its gatherer,
// and takes shards a few in a row (about eight chunks a core), so that
// its gatherer goes on in each document's entries from the last shard's
// run, not finding the next by galloping from the start (see take).
func (x *Index) shards() []Shard {
	out := make([]Shard, x.Shards())
	workers := make([]*gatherer, runtime.GOMAXPROCS(0))
	parallelChunks(len(out), max(1, len(out)/(8*len(workers))), func(w, lo, hi int) {
		if workers[w] == nil {
			workers[w] = x.gatherer(x.entries >> x.bits * 5 / 4)
		}
		for i := lo; i < hi; i++ {
			out[i] = x.gatherShard(workers[w], i)
		}
	})
	return out
}

// appendNibbles appends the places (the low nibbles of v, each a body
// byte weight<<4 | place) and, if weights, then the weights (the high
// nibbles): values of 0…15, two a byte, the first in the low nibble.
func appendNibbles(b, v []byte, weights bool) []byte {
	b = packNibbles(b, v, 0)
	if weights {
		b = packNibbles(b, v, 4)
	}
	return b
}

// packNibbles appends the nibbles v[k]>>shift&0xF, two a byte, the first
// in the low nibble: eight at a time, as one word.
func packNibbles(b, v []byte, shift uint) []byte {
	shift &= 7
	k := 0
	for ; k+8 <= len(v); k += 8 {
		x := binary.LittleEndian.Uint64(v[k:]) >> shift & 0x0F0F0F0F0F0F0F0F
		x = (x | x>>4) & 0x00FF00FF00FF00FF // each even byte two nibbles
		x = (x | x>>8) & 0x0000FFFF0000FFFF
		b = binary.LittleEndian.AppendUint32(b, uint32(x|x>>16))
	}
	for ; k+1 < len(v); k += 2 {
		b = append(b, v[k]>>shift&0xF|v[k+1]>>shift<<4)
	}
	if k < len(v) {
		b = append(b, v[k]>>shift&0xF)
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
	complement := -1
	// The complement can be the shortest only if it is shorter than the
	// bitmap, and each document it lists takes a byte at least.
	if n-len(ids) < bitmap {
		g.others = appendComplement(g.others[:0], ids, n)
		complement = varintsLen(g.others)
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
	return appendGaps(b, g.others)
}

// appendComplement appends the documents among n that are not in ids
// (ascending), n−len(ids) of them: those before each member and after
// the last, where a loop over all n documents took two steps a member.
func appendComplement(others, ids []uint32, n int) []uint32 {
	start := len(others)
	others = slices.Grow(others, n-len(ids))[:start+n-len(ids)]
	j := start
	d := uint32(0) // the first document not yet placed
	for k := 0; k < len(ids); {
		// Eight members in a row, most often, are passed over at once:
		// ids ascend, so ids[k+7] is d+7 only if ids[k:k+8] are d…d+7.
		if k+8 <= len(ids) && ids[k+7] == d+7 {
			k, d = k+8, d+8
			continue
		}
		for end := min(k+8, len(ids)); k < end; k++ {
			for ; d < ids[k]; d++ {
				others[j] = d
				j++
			}
			d = ids[k] + 1
		}
	}
	for ; d < uint32(n); d++ {
		others[j] = d
		j++
	}
	return others
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

// Page encodes page p of the documents table. at[d] is where document
// d's fragment begins in its page, or −1 if it was not found (see Files).
func (x *Index) page(p int, at []int) []byte {
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
		switch a := x.docs[d]; {
		case !a.html:
			b = appendString(b, doc.Text)
		case d < len(at) && at[d] >= 0:
			b = strconv.AppendInt(b, int64(at[d]), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(a.Len), 10)
		default:
			b = append(b, "0,0"...)
		}
		b = append(b, ']')
	}
	return append(b, "]\n"...)
}

// names is the list of names (see Index), or nil if no document is a
// unit's or an indicator's page.
func (x *Index) names() []byte {
	var b []byte
	for d, a := range x.docs {
		if a.Doc.Kind != Unit && a.Doc.Kind != Indicator {
			continue
		}
		for _, name := range a.Doc.Names {
			if b == nil {
				b = append(b, '[')
			} else {
				b = append(b, ',', '\n')
			}
			b = append(b, '[')
			b = appendString(b, name)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(d), 10)
			b = append(b, ']')
		}
	}
	if b == nil {
		return nil
	}
	return append(b, "]\n"...)
}

// Files returns the manifest, the shards and the documents table. at[d]
// is where the HTML fragment that document d's analysis read (see
// AnalyseHTML) begins in the document's page, or −1 if the page does not
// hold it whole; at is not read for the others. shard(i), if not nil,
// returns shard i's bytes: x.Shard(i), or the bytes of an earlier build
// with the same key (see ShardKeys). The shards are made in parallel.
func (x *Index) Files(at []int, shard func(i int) Shard) []File {
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
	m := Manifest{V: Version, Docs: n, Big: map[string]string{}, PageDocs: PageDocs, Years: [][2]int{}}
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
		for k, p := range sh.Postings {
			m.Big[sh.Tokens[k]] = hex.EncodeToString(p.Sum[:4])
			if !seen[p.Path] {
				seen[p.Path] = true
				files = append(files, p)
			}
		}
	}
	m.Shards, hashes = string(hashes), hashes[:0]
	for p := 0; p*PageDocs < n; p++ {
		f := hashed("search/d", p, ".json", x.page(p, at))
		files = append(files, f)
		hashes = append(hashes, hashOf(f.Path)...)
	}
	m.Pages = string(hashes)
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
	if names := x.names(); names != nil {
		f := hashed("search/n", 0, ".json", names)
		files = append(files, f)
		m.Names = hashOf(f.Path)
	}
	vs := Variants()
	m.Variants = hashOf(vs[0].Path)
	files = append(files, vs...)
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
