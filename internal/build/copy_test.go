package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestFilesCopied: an attachment and a picture a body shows are copied
// into the output in pieces (render.Output.File), byte for byte, with
// their SHA-256 in the manifest; a build that finds them unchanged links
// them from the last (the same file, its time kept), in place too; a
// file the output holds under the same manifest entry but with other
// bytes, or a source changed at the same size, is written again.
func TestFilesCopied(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	rng := rand.New(rand.NewPCG(3, 4))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	// Sizes about a read buffer's (64 KB): one short of it, one over it.
	scan, chart := random(3*64<<10+17), random(64<<10-1)
	about := filepath.Join(dir, "content", "about.md")
	editSource(t, dir, "content/about.md", "date  = 2023-04-03\n", "date  = 2023-04-03\n[[attachment]]\ntitle = \"原件\"\nfile = \"附件/原件.pdf\"\n")
	b, _ := os.ReadFile(about)
	os.WriteFile(about, append(b, "\n![得分图](图/得分.png)\n"...), 0o644)
	os.MkdirAll(filepath.Join(dir, "content", "附件"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content", "图"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "附件", "原件.pdf"), scan, 0o644)
	os.WriteFile(filepath.Join(dir, "content", "图", "得分.png"), chart, 0o644)

	mustBuild(t, Options{Source: dir})
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]ManifestEntry{}
	for _, e := range m.Files {
		entries[e.Path] = e
	}
	pdf := "about/attachment-1.pdf"
	var png string
	for p := range entries {
		if filepath.Ext(p) == ".png" && filepath.Dir(p) == "about" {
			png = p
		}
	}
	for p, want := range map[string][]byte{pdf: scan, png: chart} {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p)))
		sum := sha256.Sum256(want)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes (%v), want the source's %d", p, len(got), err, len(want))
		}
		if e := entries[p]; e.Size != int64(len(want)) || e.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s in the manifest: %+v, want size %d, sha256 %x", p, e, len(want), sum)
		}
	}

	before := inodes(t, dest)
	mustBuild(t, Options{Source: dir})
	after := inodes(t, dest)
	for _, p := range []string{pdf, png} {
		if !os.SameFile(before[p], after[p]) {
			t.Errorf("%s unchanged was written again, not linked", p)
		}
	}

	// The output's copy spoilt at its size, the manifest left alone: the
	// bytes are compared, not only the entry.
	spoilt := bytes.Clone(scan)
	spoilt[len(spoilt)-1] ^= 1
	os.WriteFile(filepath.Join(dest, pdf), spoilt, 0o644)
	mustBuild(t, Options{Source: dir})
	if got, _ := os.ReadFile(filepath.Join(dest, pdf)); !bytes.Equal(got, scan) {
		t.Error("a copy spoilt in the output was kept")
	}

	// In place: kept while unchanged, replaced when the source changes.
	before = inodes(t, dest)
	mustBuild(t, Options{Source: dir, inPlace: true})
	after = inodes(t, dest)
	if !os.SameFile(before[pdf], after[pdf]) {
		t.Errorf("%s unchanged was replaced in place", pdf)
	}
	rescanned := random(len(scan))
	os.WriteFile(filepath.Join(dir, "content", "附件", "原件.pdf"), rescanned, 0o644)
	mustBuild(t, Options{Source: dir, inPlace: true})
	if got, _ := os.ReadFile(filepath.Join(dest, pdf)); !bytes.Equal(got, rescanned) {
		t.Error("in place, the rescanned original did not replace the old")
	}
}
