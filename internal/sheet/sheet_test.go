package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"tongbao/internal/build"
	"tongbao/internal/demo"
	"tongbao/internal/site"
)

// copySite copies the repository's own site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("..", "..", name))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func load(t *testing.T, dir string) *site.Site {
	t.Helper()
	s, err := site.Load(dir)
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	return s
}

// rendered is every output of the site in dir, by path.
func rendered(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	outs, err := build.Render(build.Options{Source: dir})
	if err != nil {
		t.Fatalf("rendering %s: %v", dir, err)
	}
	m := map[string][]byte{}
	for _, o := range outs {
		m[o.Path] = o.Data
	}
	return m
}

// roundTrip exports every month of the site in dir, imports each
// workbook into the month file's place, and checks that the built site is
// the same, file for file, byte for byte: data.json names a hand entry by
// its number in its month file, which the import keeps, not by its line,
// which the import moves.
func roundTrip(t *testing.T, dir string) {
	t.Helper()
	before := rendered(t, dir)
	s := load(t, dir)
	if len(s.Months) == 0 {
		t.Fatal("no months")
	}
	for _, m := range s.Months {
		book, err := Export(s, m)
		if err != nil {
			t.Fatalf("export %s: %v", m.Key, err)
		}
		again, err := Export(s, m)
		if err != nil || !bytes.Equal(book, again) {
			t.Fatalf("exporting %s twice gave different bytes (%v)", m.Key, err)
		}
		got, err := Import(s, m.Key, m.Key+".xlsx", book)
		if err != nil {
			t.Fatalf("import %s: %v", m.Key, err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(m.File)), got.TOML, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := rendered(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d outputs after the round trip, %d before", len(after), len(before))
	}
	differ := 0
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			differ++
			if differ <= 5 {
				t.Errorf("%s differs after the round trip", p)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d outputs differ", differ, len(before))
	}
}

func TestRoundTripSample(t *testing.T) {
	roundTrip(t, copySite(t))
}

func TestRoundTripDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	if err := demo.Write(dir, load(t, filepath.Join("..", "..")), 1, 7); err != nil {
		t.Fatal(err)
	}
	roundTrip(t, dir)
}
