package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// gunzip decompresses a gzip member with compress/gzip, which checks its
// CRC and length.
func gunzip(t testing.TB, gz []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	r.Multistream(false)
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("corrupt gzip: %v", err)
	}
	return out
}

// gzipInputs are the shapes of data that exercise the encoder: nothing,
// one byte, runs (matches of every length, overlapping their source),
// every byte value, random bytes (no match), text that repeats beyond the
// window, and the files of a real index.
func gzipInputs(t testing.TB) map[string][]byte {
	rng := rand.New(rand.NewPCG(7, 8))
	random := make([]byte, 70000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	var far bytes.Buffer // a block repeated after more than the window
	block := random[:40000]
	far.Write(block)
	far.WriteString("禁毒工作")
	far.Write(block)
	in := map[string][]byte{
		"empty":   {},
		"one":     {'x'},
		"two":     []byte("ab"),
		"run":     bytes.Repeat([]byte{'a'}, 1000),
		"runs":    []byte(strings.Repeat("禁毒工作，", 3000)),
		"all":     all,
		"random":  random,
		"far":     far.Bytes(),
		"lengths": nil,
	}
	var lengths bytes.Buffer // a match of each length 3…258 and more
	for n := 3; n <= 300; n++ {
		s := random[n : n+n]
		lengths.Write(s)
		lengths.WriteByte(0)
		lengths.Write(s)
	}
	in["lengths"] = lengths.Bytes()
	_, files := build(t, []Document{
		{Kind: Page, Title: "禁毒工作", URL: "a/", Text: strings.Repeat("禁毒工作。安全生产！", 50)},
		{Kind: Circular, Title: "通报", URL: "b/", Date: "2023-01-02", Number: "双政办函〔2023〕1号", Text: "禁毒"},
	}, 4)
	for p, data := range files {
		in[p] = data
	}
	return in
}

// TestGzip: every input comes back out of compress/gzip byte for byte, and
// is compressed about as well as compress/gzip compresses it at its
// fastest level.
func TestGzip(t *testing.T) {
	for name, data := range gzipInputs(t) {
		gz := Gzip(data)
		if out := gunzip(t, gz); !bytes.Equal(out, data) {
			t.Errorf("%s: %d bytes come back as %d other bytes", name, len(data), len(out))
		}
		if !bytes.Equal(Gzip(data), gz) {
			t.Errorf("%s: two compressions differ", name)
		}
		var std bytes.Buffer
		w, _ := gzip.NewWriterLevel(&std, gzip.BestSpeed)
		w.Write(data)
		w.Close()
		if len(gz) > std.Len()*11/10+16 {
			t.Errorf("%s: %d bytes, compress/gzip %d", name, len(gz), std.Len())
		}
	}
}

// TestGzipSizes: on the shards of a larger index, the copies are no more
// than 3 % larger than compress/gzip's at its fastest level.
func TestGzipSizes(t *testing.T) {
	var docs []Document
	for i, text := range randomTexts(2000) {
		docs = append(docs, Document{Kind: Page, Title: text, URL: fmt.Sprintf("p/%d/", i), Text: strings.Repeat(text, 5)})
	}
	_, files := build(t, docs, 2000)
	ours, std := 0, 0
	for p, data := range files {
		if !strings.HasPrefix(p, "search/s/") {
			continue
		}
		ours += len(Gzip(data))
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		w.Write(data)
		w.Close()
		std += b.Len()
	}
	if ours > std*103/100 {
		t.Errorf("the shards' copies take %d bytes, compress/gzip's %d", ours, std)
	}
	t.Logf("the shards' copies take %d bytes, compress/gzip's %d", ours, std)
}

// FuzzGzip: anything compressed comes back.
func FuzzGzip(f *testing.F) {
	f.Add([]byte("禁毒工作。禁毒！"))
	f.Add(bytes.Repeat([]byte("ab"), 300))
	f.Fuzz(func(t *testing.T, data []byte) {
		if out := gunzip(t, Gzip(data)); !bytes.Equal(out, data) {
			t.Fatalf("%q comes back as %q", data, out)
		}
	})
}

// TestMinimumRedundancy checks the code lengths of counts worked out by
// hand: a code of two, the textbook example, and equal counts.
func TestMinimumRedundancy(t *testing.T) {
	for _, c := range []struct{ counts, want []uint32 }{
		{[]uint32{1, 1}, []uint32{1, 1}},
		{[]uint32{1, 1, 2, 4}, []uint32{3, 3, 2, 1}},
		{[]uint32{5, 9, 12, 13, 16, 45}, []uint32{4, 4, 3, 3, 3, 1}},
		{[]uint32{1, 1, 1, 1}, []uint32{2, 2, 2, 2}},
	} {
		a := append([]uint32(nil), c.counts...)
		minimumRedundancy(a)
		if fmt.Sprint(a) != fmt.Sprint(c.want) {
			t.Errorf("counts %v: lengths %v, want %v", c.counts, a, c.want)
		}
	}
}
