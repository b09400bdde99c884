package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/render"
)

// TestManifestBytes holds the manifest's exact form: sorted by path, one
// file per line, SHA-256 as computed by sha256sum.
func TestManifestBytes(t *testing.T) {
	outputs := []render.Output{
		{Path: "b/x.txt", Data: []byte("abc")},
		{Path: "a.html", Data: nil},
		{Path: "b/<&>.txt", Data: []byte("abc")},
	}
	// sha256sum: "" → e3b0…b855, "abc" → ba78…15ad. encoding/json escapes
	// < & > in strings; the manifest is JSON, so that is fine.
	want := `{"files": [
  {"path":"a.html","size":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
  {"path":"b/\u003c\u0026\u003e.txt","size":3,"sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
  {"path":"b/x.txt","size":3,"sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}
]}
`
	manifest := func() Manifest {
		var m Manifest
		for _, o := range outputs {
			m.Files = append(m.Files, entry(o.Path, o.Data, nil))
		}
		m.sort()
		return m
	}
	if got := string(manifest().Bytes()); got != want {
		t.Errorf("manifest:\n%s\nwant:\n%s", got, want)
	}
	slices.Reverse(outputs)
	if got := string(manifest().Bytes()); got != want {
		t.Errorf("the order of the outputs changed the manifest:\n%s", got)
	}
}

func TestWriteWritesManifest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	outputs := []render.Output{
		{Path: "index.html", Data: []byte("<p>首页</p>")},
		{Path: "circulars/2023/14/index.html", Data: []byte("<p>通报</p>")},
	}
	if err := Write(dest, outputs); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range m.Files {
		paths = append(paths, e.Path)
	}
	if want := []string{"circulars/2023/14/index.html", "index.html"}; !slices.Equal(paths, want) {
		t.Errorf("manifest lists %v, want %v", paths, want)
	}
	if m.Files[1].Size != int64(len("<p>首页</p>")) {
		t.Errorf("size of index.html = %d", m.Files[1].Size)
	}
	if err := CheckTree(dest); err != nil {
		t.Fatalf("a fresh tree fails its own manifest: %v", err)
	}

	// Every way of not being the published tree is caught.
	cases := []struct {
		name string
		do   func() error
		want string
	}{
		{"changed", func() error {
			return os.WriteFile(filepath.Join(dest, "index.html"), []byte("<p>首页！</p>"), 0o644)
		}, "index.html"},
		{"missing", func() error { return os.Remove(filepath.Join(dest, "index.html")) }, "index.html"},
		{"extra", func() error { return os.WriteFile(filepath.Join(dest, "extra.html"), nil, 0o644) }, "extra.html"},
	}
	for _, c := range cases {
		if err := Write(dest, outputs); err != nil {
			t.Fatal(err)
		}
		if err := c.do(); err != nil {
			t.Fatal(err)
		}
		err := CheckTree(dest)
		if err == nil || !strings.HasSuffix(err.Error(), "与清单不符："+c.want) {
			t.Errorf("%s: CheckTree = %v, want a complaint about %s", c.name, err, c.want)
		}
	}
}

// TestStaleStagingRemoved: a staging folder a killed build left beside the
// output is removed by the next build; other hidden folders are not.
func TestStaleStagingRemoved(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	for _, name := range []string{".public.new-123", ".public.new-456.old", ".publicity", ".other.new-1"} {
		if err := os.MkdirAll(filepath.Join(parent, name, "circulars"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(dest, []render.Output{{Path: "index.html", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".other.new-1", ".publicity", "public"}; !slices.Equal(names, want) {
		t.Errorf("beside the output: %v, want %v", names, want)
	}
}

func TestWriteRefusesPathsOutsideTheTree(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	for _, p := range []string{"../escape.html", "/abs.html", ManifestName} {
		err := Write(dest, []render.Output{{Path: "index.html"}, {Path: p, Data: []byte("x")}})
		if err == nil {
			t.Errorf("Write accepted the output path %q", p)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 0 {
		t.Errorf("a refused write left %d entries beside the output", len(entries))
	}
}
