package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestBuildLinksUnchangedFiles: a second build links the files whose bytes
// did not change from the first build's tree, writes those that changed,
// and does not take a file that was edited by hand after the build.
func TestBuildLinksUnchangedFiles(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	stat := func(rel string) os.FileInfo {
		t.Helper()
		fi, err := os.Stat(filepath.Join(dest, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	const (
		page     = "circulars/2023/14/index.html" // changes with the circular
		kept     = "about/index.html"             // does not
		tampered = "robots.txt"                   // edited by hand below
	)
	oldPage, oldKept := stat(page), stat(kept)
	later := time.Now().Add(time.Minute)
	// Same size, other bytes: only the time tells.
	orig, err := os.ReadFile(filepath.Join(dest, tampered))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, tampered), bytes.ToUpper(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dest, tampered), later, later)
	want, err := os.ReadFile(filepath.Join(dest, kept))
	if err != nil {
		t.Fatal(err)
	}

	md := filepath.Join(dir, "content", "circulars", "2023-02.md")
	src, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(src, "\n本句为链接测试新增。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(oldKept, stat(kept)) {
		t.Errorf("%s did not change but was written again", kept)
	}
	if os.SameFile(oldPage, stat(page)) {
		t.Errorf("%s changed but is still the old file", page)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, tampered)); !bytes.Equal(got, orig) {
		t.Errorf("%s edited by hand after the build was taken over: %q", tampered, got)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, kept)); !bytes.Equal(got, want) {
		t.Errorf("%s differs after linking", kept)
	}
	// The manifest still describes every file exactly.
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	scanned, err := ScanTree(dest)
	if err != nil {
		t.Fatal(err)
	}
	if d := DiffManifests(m, scanned); len(d) > 0 {
		t.Errorf("the manifest does not match the tree: %v", d)
	}
}
