package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tongbao/internal/render"
)

// TestWriteAll writes outputs with several writers: every file lands with
// its bytes, and of two failing outputs the first in order is reported
// (a NUL byte makes a path that no system accepts).
func TestWriteAll(t *testing.T) {
	root := t.TempDir()
	var outputs []render.Output
	for i := range 40 {
		outputs = append(outputs, render.Output{Path: filepath.ToSlash(filepath.Join("d", string(rune('a'+i%5)), "p"+strings.Repeat("x", i)+".html")), Data: []byte(strings.Repeat("页", i))})
	}
	if err := writeAll(treeWriter(newTree(root)), outputs); err != nil {
		t.Fatal(err)
	}
	for _, o := range outputs {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(o.Path)))
		if err != nil || string(b) != string(o.Data) {
			t.Fatalf("%s = %q, %v; want %q", o.Path, b, err, o.Data)
		}
	}

	bad := []render.Output{{Path: "ok.html"}, {Path: "first\x00.html"}, {Path: "ok2.html"}, {Path: "second\x00.html"}}
	err := writeAll(treeWriter(newTree(t.TempDir())), bad)
	if err == nil || !strings.Contains(err.Error(), "first\x00.html") {
		t.Errorf("writeAll = %v; want the error of first\\x00.html", err)
	}
}

func treeWriter(t *tree) func(render.Output) error {
	return func(o render.Output) error {
		c, err := contentOf(o)
		if err != nil {
			return err
		}
		return t.put(c)
	}
}
