package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildChanges: a build says what it changed in its output since the
// build before: a first build adds every file, a build of the same input
// changes none, and after edits the lists are those of the files' bytes
// on disk, read here before and after.
func TestBuildChanges(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("old.md", "+++\ntitle = \"旧页面\"\n+++\n将要删去的页面。\n")
	st, err := Build(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if c := st.Changes; !st.First || len(c.Added) != st.Files+1 || len(c.Changed)+len(c.Removed) > 0 || !slices.Contains(c.Added, ManifestName) {
		t.Errorf("first build: first %v, %d added of %d files, %d changed, %d removed", st.First, len(c.Added), st.Files, len(c.Changed), len(c.Removed))
	}
	if st, err = Build(context.Background(), Options{Source: dir}); err != nil || st.First || !st.Changes.None() {
		t.Fatalf("the same input again: %v, first %v, changes %+v", err, st.First, st.Changes)
	}

	before := treeState(t, dest)
	if err := os.Remove(filepath.Join(dir, "content", "old.md")); err != nil {
		t.Fatal(err)
	}
	write("new.md", "+++\ntitle = \"新页面\"\n+++\n新增的页面。\n")
	about, err := os.ReadFile(filepath.Join(dir, "content", "about.md"))
	if err != nil {
		t.Fatal(err)
	}
	write("about.md", string(about)+"\n补充一句。\n")
	if st, err = Build(context.Background(), Options{Source: dir}); err != nil {
		t.Fatal(err)
	}
	after := treeState(t, dest)
	var added, changed, removed []string
	for p, b := range after {
		if strings.HasSuffix(p, "/") {
			continue // a folder
		}
		if old, ok := before[p]; !ok {
			added = append(added, p)
		} else if old != b {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok && !strings.HasSuffix(p, "/") {
			removed = append(removed, p)
		}
	}
	slices.Sort(added)
	slices.Sort(changed)
	slices.Sort(removed)
	c := st.Changes
	if st.First || !slices.Equal(c.Added, added) || !slices.Equal(c.Changed, changed) || !slices.Equal(c.Removed, removed) {
		t.Errorf("changes:\nadded   %q\nchanged %q\nremoved %q\nwant\nadded   %q\nchanged %q\nremoved %q", c.Added, c.Changed, c.Removed, added, changed, removed)
	}
	for _, p := range []string{"new/index.html", "about/index.html", "old/index.html", ManifestName} {
		if !slices.Contains(slices.Concat(added, changed, removed), p) {
			t.Errorf("%s is not among the files changed on disk: the test's edits did nothing", p)
		}
	}
}

// TestChangesListManifest: the manifest is among the changes whenever its
// bytes change, in both ways of publishing — added by a first build,
// changed with any file, and not listed when nothing changed — so that
// an upload of the changes carries it.
func TestChangesListManifest(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		dir := sampleCopy(t)
		verify := filepath.Join(dir, "static", "baidu_verify_abc.html")
		if err := os.MkdirAll(filepath.Dir(verify), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "public"), 0o755); err != nil {
			t.Fatal(err) // an existing folder, which an update in place needs
		}
		st, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace})
		if err != nil {
			t.Fatal(err)
		}
		if !st.First || !slices.Contains(st.Changes.Added, ManifestName) {
			t.Errorf("in place %v: first build's added files lack the manifest", inPlace)
		}
		for _, step := range []struct {
			text string // the verification file's; "" removes it
			want Changes
		}{
			{"abc", Changes{Added: []string{"baidu_verify_abc.html"}, Changed: []string{ManifestName}}},
			{"abcd", Changes{Changed: []string{ManifestName, "baidu_verify_abc.html"}}},
			{"abcd", Changes{}},
			{"", Changes{Changed: []string{ManifestName}, Removed: []string{"baidu_verify_abc.html"}}},
		} {
			if step.text != "" {
				err = os.WriteFile(verify, []byte(step.text), 0o644)
			} else {
				err = os.Remove(verify)
			}
			if err != nil {
				t.Fatal(err)
			}
			st, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace})
			if err != nil {
				t.Fatal(err)
			}
			c := st.Changes
			if st.First || !slices.Equal(c.Added, step.want.Added) || !slices.Equal(c.Changed, step.want.Changed) || !slices.Equal(c.Removed, step.want.Removed) {
				t.Errorf("in place %v, file %q: changes %+v; want %+v", inPlace, step.text, *c, step.want)
			}
		}
	}
}
