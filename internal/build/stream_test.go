package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/diag"
)

// TestBuildWritesWhatRenderReturns: the files Build streams to disk are
// exactly the in-memory rendering, its manifest describes the tree, and
// its figures count what is on disk.
func TestBuildWritesWhatRenderReturns(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(t.TempDir(), "out", "public")
	st, err := Build(context.Background(), Options{Source: dir, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckTree(dest); err != nil {
		t.Fatal(err)
	}
	outputs, err := Render(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := treeState(t, dest)
	files, pages, size := 0, 0, int64(0)
	for p, h := range got {
		if h == "dir" || p == ManifestName {
			continue
		}
		files++
		fi, err := os.Stat(filepath.Join(dest, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		size += fi.Size()
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	if files != len(outputs) {
		t.Errorf("%d files on disk, Render returns %d", files, len(outputs))
	}
	for _, o := range outputs {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(o.Path)))
		if err != nil || string(b) != string(o.Data) {
			t.Errorf("%s on disk differs from the rendering (%v)", o.Path, err)
		}
	}
	if st.Files != files || st.Pages != pages || st.Bytes != size || pages < 10 {
		t.Errorf("Stats = %d files, %d pages, %d bytes; on disk %d, %d, %d", st.Files, st.Pages, st.Bytes, files, pages, size)
	}
}

// TestFailedBuildLeavesNoFolders: a render that fails after the staging
// folder was made removes it, and the folders made to hold it, so that
// nothing at all is left where nothing was.
func TestFailedBuildLeavesNoFolders(t *testing.T) {
	dir := sampleCopy(t)
	layout := override(t, dir, "circular.html")
	b, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "{{define \"main\"}}", "{{define \"main\"}}{{.Nope.X}}", 1)
	if broken == string(b) {
		t.Fatal("layouts/circular.html has no {{define \"main\"}}")
	}
	if err := os.WriteFile(layout, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	_, err = Build(context.Background(), Options{Source: dir, Dest: filepath.Join(out, "a", "b", "public")})
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("Build = %v; want the template error", err)
	}
	if _, err := os.Stat(filepath.Join(out, "a")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the failed build left %s/a (%v)", out, err)
	}

	// A folder that was there before is kept, empty or not.
	if err := os.Mkdir(filepath.Join(out, "kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: dir, Dest: filepath.Join(out, "kept", "public")}); err == nil {
		t.Fatal("Build succeeded with a broken layout")
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) != 1 || entries[0].Name() != "kept" {
		t.Errorf("after two failed builds %s holds %v (%v); want only kept", out, entries, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "kept")); len(entries) != 0 {
		t.Errorf("kept/ holds %d entries after a failed build", len(entries))
	}
}
