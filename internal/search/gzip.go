package search

import (
	"encoding/binary"
	"hash/crc32"
	"math/bits"
	"slices"
	"sync"
)

// Gzip compresses a file for servers that send precompressed copies
// (nginx's gzip_static): a gzip member (RFC 1952) of one deflate block
// (RFC 1951) with Huffman codes of its own, the same bytes every time (no
// name, no time). The index's files are written here rather than by
// compress/gzip, which took about 100 µs for a shard of 8 KB at its
// fastest level, most of it in building its Huffman codes; this does
// what the index's files need, greedy matching of four bytes or more and
// a block a file, in a tenth of the time, to about the same size.
func Gzip(data []byte) []byte {
	z := deflaters.Get().(*deflater)
	defer deflaters.Put(z)
	return z.gzip(data)
}

// GzipMin is the size below which a file of the index gets no gzip copy:
// a response that small fits in one packet with its headers whether or
// not it is compressed, and the copy would be one more file to write and
// upload for tens of bytes (the 82 pieces of the table of variants, 36 to
// 700 bytes, compress by 40 bytes each, and the smallest grows). A server
// sends such a file as it is.
const GzipMin = 1 << 10

var deflaters = sync.Pool{New: func() any { return new(deflater) }}

// A deflater compresses one file at a time; its tables are reused.
type deflater struct {
	last   [1 << lzHashBits]uint32 // by the hash of 4 bytes, where they last began, plus base
	base   uint32                  // this file's position 0 in last (see match)
	tokens []uint32                // literals (the byte) and matches (matchBit | (length−3)<<15 | distance−1)
	lit    huffman                 // literals and lengths: 0–255, 256 (the end), 257–285
	dist   huffman                 // distances: 0–29
	codes  huffman                 // the codes of the two codes' lengths: 0–18
	lens   []uint8                 // the two codes' lengths, one after the other
	runs   []uint16                // the same, as codes of code lengths: symbol | extra<<5
	w      bitWriter
}

const (
	lzHashBits = 13
	matchBit   = 1 << 31
	window     = 32 << 10 // the farthest a match may reach back
	maxMatch   = 258
)

func (z *deflater) gzip(data []byte) []byte {
	z.match(data)
	z.w = bitWriter{}
	z.block()
	z.w.flush()
	z.w.b = binary.LittleEndian.AppendUint32(z.w.b, crc32.ChecksumIEEE(data))
	z.w.b = binary.LittleEndian.AppendUint32(z.w.b, uint32(len(data)))
	return z.w.b
}

// match turns data into tokens, greedily: at each byte, the longest match
// with the last place the same four bytes began, if it is within the
// window; else the byte itself. There is a token a byte at most: the
// tokens are written by index into room for them all, and counted
// through locals, where an append and a count through z for each
// literal cost twice as much.
func (z *deflater) match(data []byte) {
	// The table is not cleared: positions are counted on from the last
	// file's, beyond the window (modulo 2³²), so that the last file's
	// come out as too far or after i. Whatever a slot holds, a match is
	// taken only where the bytes are the same.
	z.base += window + 1
	base := z.base
	z.base += uint32(len(data))
	clear(z.lit.freq[:])
	clear(z.dist.freq[:])
	lit := &z.lit.freq
	tokens := slices.Grow(z.tokens[:0], len(data))[:len(data)]
	t := 0 // tokens so far
	i := 0
	misses := 0 // since the last match: after 32, every other byte is looked up, after 64 every third… (as Snappy does)
	// A loop of its own looks up bytes until a match: a miss, most,
	// goes round it without passing by the code of a match, whose call
	// took the loop's registers.
bytes:
	for i+4 <= len(data) {
		at := 0
		for {
			v := load32(data, i)
			h := v * 0x1E35A7BD >> (32 - lzHashBits)
			at = int(z.last[h] - base)
			z.last[h] = uint32(i) + base
			if at < i && i-at <= window && load32(data, at) == v {
				break
			}
			end := min(i+1+misses>>5, len(data))
			for ; i < end; i++ {
				b := data[i]
				tokens[t] = uint32(b)
				t++
				lit[b]++
			}
			misses++
			if i+4 > len(data) {
				break bytes
			}
		}
		misses = 0
		tokens[t] = z.matchAt(data, at, i)
		t++
		i += int(tokens[t-1]>>15&0xFF) + 3
	}
	for ; i < len(data); i++ {
		b := data[i]
		tokens[t] = uint32(b)
		t++
		lit[b]++
	}
	z.tokens = tokens[:t]
}

// matchAt is the token of the match of data at i with data at at, whose
// first 4 bytes are the same, and counts its codes. (Called, not inlined,
// it leaves match's loop its registers.)
//
//go:noinline
func (z *deflater) matchAt(data []byte, at, i int) uint32 {
	n := matchLen(data, at, i, min(maxMatch, len(data)-i))
	z.lit.freq[lengthCode[n-3]]++
	z.dist.freq[distCode(uint32(i-at-1))]++
	return matchBit | uint32(n-3)<<15 | uint32(i-at-1)
}

// matchLen is the length of the match of data at a and at b, whose first
// 4 bytes are the same, up to end (b+end ≤ len(data), a < b): eight bytes
// are compared at a time, the first that differ found by their XOR's
// trailing zeros.
func matchLen(data []byte, a, b, end int) int {
	n := 4
	for ; n+8 <= end; n += 8 {
		if x := load64(data, a+n) ^ load64(data, b+n); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
	}
	for n < end && data[a+n] == data[b+n] {
		n++
	}
	return n
}

// load32 and load64 are the 4 and 8 bytes of b at i, little-endian,
// without the slice b[i:] that binary.LittleEndian would take, whose
// pointer is masked lest it point past b.
func load32(b []byte, i int) uint32 {
	b = b[i : i+4 : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func load64(b []byte, i int) uint64 {
	b = b[i : i+8 : i+8]
	return binary.LittleEndian.Uint64(b)
}

// block writes the tokens as one final block with dynamic Huffman codes.
func (z *deflater) block() {
	z.lit.freq[256] = 1 // the end of the block
	z.lit.build(15)
	z.dist.build(15)
	nlit := max(257, z.lit.used())
	ndist := max(1, z.dist.used())
	// The two codes' lengths, run-length coded (RFC 1951 3.2.7).
	z.lens = append(append(z.lens[:0], z.lit.len[:nlit]...), z.dist.len[:ndist]...)
	z.runs = z.runs[:0]
	clear(z.codes.freq[:])
	for i := 0; i < len(z.lens); {
		l := z.lens[i]
		n := 1
		for i+n < len(z.lens) && z.lens[i+n] == l {
			n++
		}
		i += n
		if l != 0 {
			z.run(uint16(l))
			n--
			for ; n >= 3; n -= min(n, 6) {
				z.run(16 | uint16(min(n, 6)-3)<<5)
			}
		} else {
			for ; n >= 11; n -= min(n, 138) {
				z.run(18 | uint16(min(n, 138)-11)<<5)
			}
			if n >= 3 {
				z.run(17 | uint16(n-3)<<5)
				n = 0
			}
		}
		for ; n > 0; n-- {
			z.run(uint16(l))
		}
	}
	z.codes.build(7)
	ncodes := 19
	for ncodes > 4 && z.codes.len[codeOrder[ncodes-1]] == 0 {
		ncodes--
	}
	// The size of it all, in bits: the header, the codes' lengths, the
	// tokens, the end.
	size := 3 + 5 + 5 + 4 + 3*ncodes
	for _, r := range z.runs {
		size += int(z.codes.len[r&31]) + [19]int{16: 2, 17: 3, 18: 7}[r&31]
	}
	for s, f := range z.lit.freq {
		size += int(f) * int(z.lit.len[s])
		if s > 256 {
			size += int(f) * int(lengthExtra[s-257])
		}
	}
	for s, f := range z.dist.freq[:len(distExtra)] {
		size += int(f) * int(z.dist.len[s]+distExtra[s])
	}
	w := &z.w
	w.b = make([]byte, 0, 10+(size+7)/8+8+8)                 // and the header, the trailer and the writer's last 4 bytes
	w.b = append(w.b, 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 0xff) // gzip: deflate, no flags, no time, fastest, OS unknown
	w.put(1|2<<1, 3)                                         // the last block, dynamic codes
	w.put(uint64(nlit-257), 5)
	w.put(uint64(ndist-1), 5)
	w.put(uint64(ncodes-4), 4)
	for _, s := range codeOrder[:ncodes] {
		w.put(uint64(z.codes.len[s]), 3)
	}
	for _, r := range z.runs {
		s := r & 31
		w.put(uint64(z.codes.code[s]), uint(z.codes.len[s]))
		switch s {
		case 16:
			w.put(uint64(r>>5), 2)
		case 17:
			w.put(uint64(r>>5), 3)
		case 18:
			w.put(uint64(r>>5), 7)
		}
	}
	z.tokenBits()
	w.put(uint64(z.lit.code[256]), uint(z.lit.len[256]))
}

// tokenBits writes the tokens, the writer's state kept in registers. n
// is below 64, and so are the codes' lengths: the shifts are by n&63 and
// len&63, which leaves out the code Go makes for a shift by 64 or more.
func (z *deflater) tokenBits() {
	at := len(z.w.b)
	b := z.w.b[:cap(z.w.b)] // room for all, made by block
	acc, n := z.w.acc, z.w.n
	lit, dist := &z.lit, &z.dist
	for _, t := range z.tokens {
		if t&matchBit == 0 {
			acc |= uint64(lit.code[t&0xFF]) << (n & 63)
			n += uint(lit.len[t&0xFF])
		} else {
			l, d := t>>15&0xFF, t&(1<<15-1)
			c := lengthCode[l]
			acc |= (uint64(lit.code[c]) | uint64(l-lengthBase[c-257])<<(lit.len[c]&63)) << (n & 63)
			n += uint(lit.len[c] + lengthExtra[c-257])
			if n >= 32 {
				binary.LittleEndian.PutUint32(b[at:], uint32(acc))
				at, acc, n = at+4, acc>>32, n-32
			}
			dc := distCode(d)
			acc |= (uint64(dist.code[dc]) | uint64(d-distBase[dc])<<(dist.len[dc]&63)) << (n & 63)
			n += uint(dist.len[dc] + distExtra[dc])
		}
		if n >= 32 {
			binary.LittleEndian.PutUint32(b[at:], uint32(acc))
			at, acc, n = at+4, acc>>32, n-32
		}
	}
	z.w.b, z.w.acc, z.w.n = b[:at], acc, n
}

func (z *deflater) run(r uint16) {
	z.runs = append(z.runs, r)
	z.codes.freq[r&31]++
}

// A huffman is a Huffman code of up to 286 symbols: each symbol's count,
// then its code's length and its code, bits reversed as deflate writes
// them.
type huffman struct {
	freq [286]uint32
	len  [286]uint8
	code [286]uint16
	syms []uint64  // the symbols used, by ascending count (count<<9 | symbol)
	lens []uint32  // their counts, then their codes' lengths (see minimumRedundancy)
	n    [16]int32 // codes of each length
}

// used is one more than the last symbol with a code, or 0.
func (h *huffman) used() int {
	n := len(h.len)
	for n > 0 && h.len[n-1] == 0 {
		n--
	}
	return n
}

// build makes the code of the counts in h.freq, no code longer than limit
// bits. A code has two symbols at least, as zlib's do: a symbol alone
// would have a code of no bits, which some decoders refuse.
func (h *huffman) build(limit int) {
	// The symbols used, by count, then by symbol: count<<9 | symbol.
	h.syms = h.syms[:0]
	for s, f := range h.freq {
		if f > 0 {
			h.syms = append(h.syms, uint64(f)<<9|uint64(s))
		}
	}
	for s := 0; len(h.syms) < 2; s++ {
		if h.freq[s] == 0 {
			h.syms = append(h.syms, 1<<9|uint64(s)) // a code never written
		}
	}
	slices.Sort(h.syms)
	h.lens = h.lens[:0]
	for _, s := range h.syms {
		h.lens = append(h.lens, uint32(s>>9))
	}
	minimumRedundancy(h.lens)
	// The number of codes of each length, no longer than limit (as
	// miniz does it): codes longer are made limit bits long, and codes
	// shorter lengthened until the lengths fit (Kraft's inequality).
	clear(h.n[:])
	for _, l := range h.lens {
		h.n[min(int(l), limit)]++
	}
	total := 0
	for l := 1; l <= limit; l++ {
		total += int(h.n[l]) << (limit - l)
	}
	for ; total > 1<<limit; total-- {
		h.n[limit]--
		for l := limit - 1; l > 0; l-- {
			if h.n[l] > 0 {
				h.n[l]--
				h.n[l+1] += 2
				break
			}
		}
	}
	// The shortest codes to the commonest symbols, then the codes
	// themselves, in the canonical order (RFC 1951 3.2.2).
	clear(h.len[:])
	j := len(h.syms)
	for l := 1; l <= limit; l++ {
		for range h.n[l] {
			j--
			h.len[h.syms[j]&(1<<9-1)] = uint8(l)
		}
	}
	var next [16]uint16
	code := uint16(0)
	for l := 1; l <= limit; l++ {
		code = (code + uint16(h.n[l-1])) << 1 // h.n[0] is 0
		next[l] = code
	}
	for s, l := range h.len {
		if l > 0 {
			h.code[s] = bits.Reverse16(next[l]) >> (16 - l)
			next[l]++
		}
	}
}

// minimumRedundancy replaces the counts a, in ascending order, by the
// lengths of a minimum-redundancy code for them, in place (Moffat and
// Katajainen, "In-place calculation of minimum-redundancy codes", 1995).
// len(a) ≥ 2.
func minimumRedundancy(a []uint32) {
	n := len(a)
	a[0] += a[1]
	root, leaf := 0, 2
	for next := 1; next < n-1; next++ {
		if leaf >= n || a[root] < a[leaf] {
			a[next] = a[root]
			a[root] = uint32(next)
			root++
		} else {
			a[next] = a[leaf]
			leaf++
		}
		if leaf >= n || root < next && a[root] < a[leaf] {
			a[next] += a[root]
			a[root] = uint32(next)
			root++
		} else {
			a[next] += a[leaf]
			leaf++
		}
	}
	a[n-2] = 0
	for next := n - 3; next >= 0; next-- {
		a[next] = a[a[next]] + 1
	}
	avail, used, depth := 1, 0, uint32(0)
	root, next := n-2, n-1
	for avail > 0 {
		for root >= 0 && a[root] == depth {
			used++
			root--
		}
		for avail > used {
			a[next] = depth
			next--
			avail--
		}
		avail, depth, used = 2*used, depth+1, 0
	}
}

// A bitWriter writes bits, the first in the lowest bit of a byte.
type bitWriter struct {
	b   []byte
	acc uint64
	n   uint
}

// put writes the n low bits of v (n ≤ 32).
func (w *bitWriter) put(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	if w.n >= 32 {
		w.b = binary.LittleEndian.AppendUint32(w.b, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// flush writes the bits left, padded to a byte.
func (w *bitWriter) flush() {
	for ; w.n > 0; w.n -= min(w.n, 8) {
		w.b = append(w.b, byte(w.acc))
		w.acc >>= 8
	}
}

// The order in which the lengths of the codes of code lengths are written.
var codeOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// The lengths 3–258 (RFC 1951 3.2.5): each length − 3's code, and each
// code's first length − 3 and extra bits.
var (
	lengthBase  = [29]uint32{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	lengthCode  = func() (t [256]uint16) {
		c := 0
		for l := range t {
			for c+1 < len(lengthBase) && uint32(l) >= lengthBase[c+1] {
				c++
			}
			t[l] = uint16(257 + c)
		}
		return t
	}()
)

// The distances 1–32768: each code's first distance − 1 and extra bits.
var (
	distBase  = [30]uint32{0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576}
	distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// distCode is the code of the distance d+1.
func distCode(d uint32) int {
	if d < 4 {
		return int(d)
	}
	l := bits.Len32(d)
	return 2*(l-1) + int(d>>(l-2)&1)
}
