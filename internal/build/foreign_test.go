package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tongbao/internal/diag"
)

// handPlaced are the files of the reviewer's report, put into the output
// by hand after a build, and one more in a folder of tongbao's; by path,
// their bytes.
var handPlaced = map[string]string{
	"baidu_verify_abc.html":    "a1b2c3d4e5\n",
	"我的笔记.docx":                "PK\x03\x04 笔记",
	"upload/a.pdf":             "%PDF-1.4 上传的文件",
	"circulars/2023/14/原件.pdf": "%PDF-1.4 原件",
}

// handPlacedSorted are handPlaced's paths in byte order.
var handPlacedSorted = []string{"baidu_verify_abc.html", "circulars/2023/14/原件.pdf", "upload/a.pdf", "我的笔记.docx"}

// placeByHand writes files into the output at dest, and an empty folder,
// as a person would; each file an hour old, as an upload that compares
// times would have seen it.
func placeByHand(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	hourAgo := time.Now().Add(-time.Hour).Truncate(time.Second)
	for rel, text := range files {
		p := filepath.Join(dest, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dest, "空文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestForeignFilesKept is the reviewer's report: files put into the output
// by hand after a build were deleted by the next, which said nothing had
// changed. They are kept — the very files, with their bytes, times and
// permissions —, left out of the manifest and the changes, and the build
// says so; again at the build after.
func TestForeignFilesKept(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	placeByHand(t, dest, handPlaced)
	before := inodes(t, dest)
	for i := range 2 {
		st, err := Build(context.Background(), Options{Source: dir})
		if err != nil {
			t.Fatal(err)
		}
		after := inodes(t, dest)
		for rel, text := range handPlaced {
			b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
			if err != nil || string(b) != text {
				t.Errorf("build %d: %s: %q, %v; want it kept", i+2, rel, b, err)
				continue
			}
			if !os.SameFile(before[rel], after[rel]) || after[rel].Mode().Perm() != 0o600 || !after[rel].ModTime().Equal(before[rel].ModTime()) {
				t.Errorf("build %d: %s is not the same file, with its permissions and time: %v %v", i+2, rel, after[rel].Mode(), after[rel].ModTime())
			}
		}
		if fi, err := os.Stat(filepath.Join(dest, "空文件夹")); err != nil || !fi.IsDir() {
			t.Errorf("build %d: the empty folder placed by hand is gone: %v", i+2, err)
		}
		if !slices.Equal(st.Foreign, handPlacedSorted) || len(st.Displaced) > 0 {
			t.Errorf("build %d: foreign %q, displaced %q; want %q kept", i+2, st.Foreign, st.Displaced, handPlacedSorted)
		}
		if st.First || !st.Changes.None() {
			t.Errorf("build %d: changes %+v; want none", i+2, st.Changes)
		}
		m, err := ReadManifest(dest)
		if err != nil {
			t.Fatal(err)
		}
		scanned, err := ScanTree(dest)
		if err != nil {
			t.Fatal(err)
		}
		if d := DiffManifests(m, scanned); !slices.Equal(d, handPlacedSorted) {
			t.Errorf("build %d: the tree differs from its manifest in %q; want the files placed by hand, which it does not list", i+2, d)
		}
		want := dest + " 中有 4 个文件不是 tongbao 生成的，已原样保留（不列入清单和改动）：baidu_verify_abc.html、circulars/2023/14/原件.pdf、upload/a.pdf、我的笔记.docx；要随网站发布，请放到站点的 static/ 文件夹"
		if got := st.ForeignNote(dest); got != want {
			t.Errorf("build %d says\n%s\nwant\n%s", i+2, got, want)
		}
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("staging folders left: %v", l)
	}
}

// TestForeignNote: past five files, the line names the first five.
func TestForeignNote(t *testing.T) {
	st := Stats{Foreign: []string{"a.html", "b.html", "c/d.pdf", "e.txt", "f.txt", "g.txt", "h.txt"}}
	want := "pub 中有 7 个文件不是 tongbao 生成的，已原样保留（不列入清单和改动）：a.html、b.html、c/d.pdf、e.txt、f.txt 等；要随网站发布，请放到站点的 static/ 文件夹"
	if got := st.ForeignNote("pub"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := (Stats{}).ForeignNote("pub"); got != "" {
		t.Errorf("with none: %q", got)
	}
}

// TestForeignFilesBothWays: an output updated in place (a mount point)
// and one swapped keep the same files placed by hand, and say the same:
// the two ways of publishing leave the same tree.
func TestForeignFilesBothWays(t *testing.T) {
	var trees [2]map[string]string
	for i, inPlace := range []bool{false, true} {
		dir := sampleCopy(t)
		dest := filepath.Join(dir, "public")
		mustBuild(t, Options{Source: dir})
		placeByHand(t, dest, handPlaced)
		st, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(st.Foreign, handPlacedSorted) || len(st.Displaced) > 0 || !st.Changes.None() {
			t.Errorf("in place %v: foreign %q, displaced %q, changes %+v; want %q kept and no change", inPlace, st.Foreign, st.Displaced, st.Changes, handPlacedSorted)
		}
		trees[i] = treeState(t, dest)
	}
	sameTree(t, trees[0], trees[1])
	for rel := range handPlaced {
		if trees[0][rel] == "" {
			t.Errorf("%s is not in the output", rel)
		}
	}
}

// TestForeignFileDisplaced: a file placed by hand on a path the new build
// writes (here static/'s, the same name) gives way to the build's; the
// build warns of it, in both ways of publishing, unless the two hold the
// same bytes (the file was moved into static/, as the line advises).
func TestForeignFileDisplaced(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		dir := sampleCopy(t)
		dest := filepath.Join(dir, "public")
		mustBuild(t, Options{Source: dir})
		placeByHand(t, dest, map[string]string{"baidu_verify_abc.html": "手放的\n", "googleabc.html": "google-site-verification: googleabc.html", "notes.txt": "留着"})
		writeSite(t, dir, map[string]string{"static/baidu_verify_abc.html": "站点的\n", "static/googleabc.html": "google-site-verification: googleabc.html"})
		var warned []string
		st, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace, Warn: func(d diag.Diagnostic) { warned = append(warned, d.String()) }})
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(dest, "baidu_verify_abc.html")); string(b) != "站点的\n" {
			t.Errorf("in place %v: baidu_verify_abc.html holds %q, want static/'s", inPlace, b)
		}
		if !slices.Equal(st.Displaced, []string{"baidu_verify_abc.html"}) || !slices.Equal(st.Foreign, []string{"notes.txt"}) {
			t.Errorf("in place %v: displaced %q, foreign %q; want baidu_verify_abc.html replaced, notes.txt kept", inPlace, st.Displaced, st.Foreign)
		}
		if !slices.Equal(st.Changes.Added, []string{"baidu_verify_abc.html", "googleabc.html"}) {
			t.Errorf("in place %v: added %q", inPlace, st.Changes.Added)
		}
		want := filepath.Join(dest, "baidu_verify_abc.html") + ": 警告：这个文件不是 tongbao 生成的，而新生成的网站在同一路径有自己的文件，已替换它；它若还要发布，请换个名字放到站点的 static/ 文件夹"
		var mine []string
		for _, w := range warned {
			if strings.HasPrefix(w, dest) {
				mine = append(mine, w)
			}
		}
		if !slices.Equal(mine, []string{want}) {
			t.Errorf("in place %v: warned of the output\n%s\nwant\n%s", inPlace, strings.Join(mine, "\n"), want)
		}
	}
}

// TestForeignInTheWay: a folder placed by hand where the new build writes
// a file, or a file where it needs a folder, is not removed: the build
// stops and says so, and the output is as it was — in both ways of
// publishing.
func TestForeignInTheWay(t *testing.T) {
	for _, c := range []struct {
		name    string
		placed  map[string]string
		page    string // a page the site gains, whose output is in the way
		swapped string // what the swapping build says
		inPlace string // and the one in place
	}{
		{"a folder where a file goes", map[string]string{"notes/index.html/草稿.txt": "草稿"}, "content/notes.md",
			"notes/index.html: 这个目录不是 tongbao 生成的，而新生成的网站在这里要写一个文件；请把它移到别处后重试",
			"：新的网站在这里是文件，现有的却是目录；请删除这个目录后重试"},
		{"a file where a folder goes", map[string]string{"notes": "笔记"}, "content/notes.md",
			"notes: 这个文件不是 tongbao 生成的，而新生成的网站在这里要建一个目录；请把它移到别处后重试",
			"notes：新的网站在这里是目录，现有的却是文件；请删除这个文件后重试"},
	} {
		for _, inPlace := range []bool{false, true} {
			dir := sampleCopy(t)
			dest := filepath.Join(dir, "public")
			mustBuild(t, Options{Source: dir})
			placeByHand(t, dest, c.placed)
			writeSite(t, dir, map[string]string{c.page: "+++\ntitle = \"笔记\"\n+++\n正文。\n"})
			before := treeState(t, dest)
			_, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace})
			want := c.swapped
			if inPlace {
				want = c.inPlace
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s, in place %v: %v; want it to say …%s", c.name, inPlace, err, want)
			}
			sameTree(t, before, treeState(t, dest))
			if l := leftovers(t, dest); len(l) > 0 {
				t.Errorf("%s: staging folders left: %v", c.name, l)
			}
		}
	}
}

// TestSortForeignFoldsCase: where file names ignore case (Windows,
// macOS), a file that differs from the build's only in case is the
// build's: About/Index.html is the about/index.html the manifest lists,
// and Notes.html gives way to the build's notes.html. Where they do not
// (Linux), those are files of their own, kept.
func TestSortForeignFoldsCase(t *testing.T) {
	found := []outputEntry{
		{"About", fs.ModeDir}, {"About/Index.html", 0},
		{"Notes.html", 0},
		{"upload", fs.ModeDir}, {"upload/A.pdf", 0},
	}
	listed := []string{"about/index.html"}
	written := []string{"about/index.html", "notes.html"}
	for _, c := range []struct {
		fold            bool
		kept, displaced []string
		keepDirs        []string
	}{
		{true, []string{"upload/A.pdf"}, []string{"Notes.html"}, []string{"upload"}},
		{false, []string{"About/Index.html", "Notes.html", "upload/A.pdf"}, nil, []string{"About", "upload"}},
	} {
		plan, err := sortForeign(found, listed, written, c.fold, "pub")
		if err != nil {
			t.Fatalf("fold %v: %v", c.fold, err)
		}
		var dirs []string
		for _, e := range plan.keep {
			if e.isDir() {
				dirs = append(dirs, e.path)
			}
		}
		if !slices.Equal(plan.kept, c.kept) || !slices.Equal(plan.displaced, c.displaced) || !slices.Equal(dirs, c.keepDirs) {
			t.Errorf("fold %v: kept %q, displaced %q, folders %q; want %q, %q, %q", c.fold, plan.kept, plan.displaced, dirs, c.kept, c.displaced, c.keepDirs)
		}
	}
	// A folder in the way is said once, not again for each file in it.
	_, err := sortForeign([]outputEntry{{"Notes.html", fs.ModeDir}, {"Notes.html/a.txt", 0}, {"Notes.html/b.txt", 0}}, nil, written, true, "pub")
	want := filepath.Join("pub", "Notes.html") + ": 这个目录不是 tongbao 生成的，而新生成的网站在这里要写一个文件；请把它移到别处后重试"
	if err == nil || err.Error() != want {
		t.Errorf("a folder where notes.html goes:\n%v\nwant\n%s", err, want)
	}
}

// TestForeignFilesVerified: build --verify compares the two builds' own
// files; files placed by hand in the output are kept, and are no
// difference between them.
func TestForeignFilesVerified(t *testing.T) {
	exe := tongbaoBinary(t)
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	placeByHand(t, dest, handPlaced)
	st, _, err := BuildVerified(context.Background(), Options{Source: dir}, exe)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Foreign, handPlacedSorted) || !st.Changes.None() {
		t.Errorf("foreign %q, changes %+v; want %q kept and no change", st.Foreign, st.Changes, handPlacedSorted)
	}
	for rel, text := range handPlaced {
		if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel))); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want it kept", rel, b, err)
		}
	}
}

// TestForeignNotBookkeeping: what an update in place killed half-way left
// — its mark, which lists the files it may leave (old/index.html among
// them), and its folder of new files — is tongbao's, not placed by hand:
// a build that swaps, next, removes it, as it does a stale page. A file
// system's lost+found is the system's, left alone and not named.
func TestForeignNotBookkeeping(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		dir := sampleCopy(t)
		dest := filepath.Join(dir, "public")
		mustBuild(t, Options{Source: dir})
		m, _ := ReadManifest(dest)
		var mark Manifest
		for _, e := range m.Files {
			mark.Files = append(mark.Files, ManifestEntry{Path: e.Path})
		}
		mark.Files = append(mark.Files, ManifestEntry{Path: "old/index.html"})
		placeByHand(t, dest, map[string]string{
			"old/index.html":                        "旧页面",
			updatingName:                            string(mark.Bytes()),
			newName + "/circulars/2023/14/data.csv": "半个文件",
			"lost+found/#1234":                      "",
		})
		os.Remove(filepath.Join(dest, ManifestName))
		st, err := Build(context.Background(), Options{Source: dir, inPlace: inPlace})
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Foreign) > 0 || len(st.Displaced) > 0 {
			t.Errorf("in place %v: foreign %q, displaced %q; want none", inPlace, st.Foreign, st.Displaced)
		}
		for _, p := range []string{"old", updatingName, newName} {
			if _, err := os.Stat(filepath.Join(dest, p)); err == nil {
				t.Errorf("in place %v: %s is still there", inPlace, p)
			}
		}
	}
}

// TestKeepFileKinds: a symbolic link placed by hand is made again,
// pointing where it pointed; where a hard link cannot be made, the copy
// has the file's bytes, permissions and time; what is neither a file nor
// a link is not taken, and the build says why.
func TestKeepFileKinds(t *testing.T) {
	old, new := t.TempDir(), t.TempDir()
	if err := os.Symlink("circulars/2023/14/", filepath.Join(old, "latest")); err != nil {
		t.Fatal(err)
	}
	if err := keepFile(filepath.Join(old, "latest"), filepath.Join(new, "latest"), fs.ModeSymlink); err != nil {
		t.Fatal(err)
	}
	if to, err := os.Readlink(filepath.Join(new, "latest")); err != nil || to != "circulars/2023/14/" {
		t.Errorf("the link points to %q, %v", to, err)
	}

	placeByHand(t, old, map[string]string{"a.pdf": "%PDF 原件"})
	if err := copyKept(filepath.Join(old, "a.pdf"), filepath.Join(new, "a.pdf")); err != nil {
		t.Fatal(err)
	}
	was, _ := os.Stat(filepath.Join(old, "a.pdf"))
	is, err := os.Stat(filepath.Join(new, "a.pdf"))
	if b, _ := os.ReadFile(filepath.Join(new, "a.pdf")); err != nil || string(b) != "%PDF 原件" || is.Mode() != was.Mode() || !is.ModTime().Equal(was.ModTime()) || os.SameFile(was, is) {
		t.Errorf("the copy: %q, %v, %v; want the bytes, %v, %v, another file", b, is.Mode(), is.ModTime(), was.Mode(), was.ModTime())
	}
	if err := copyKept(filepath.Join(old, "a.pdf"), filepath.Join(new, "a.pdf")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("copying over a file: %v, want it refused", err)
	}

	err = keepFile(filepath.Join(old, "fifo"), filepath.Join(new, "fifo"), fs.ModeNamedPipe)
	if err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Errorf("a named pipe: %v", err)
	}
}

// TestCarryMeetsTheBuildsFile: where the file system ignores case though
// the system does not (a FAT or NTFS disk on Linux), a file placed by hand
// may turn out to be on the path of one the build wrote: the build's
// stays, and the other is told of as replaced, not kept.
func TestCarryMeetsTheBuildsFile(t *testing.T) {
	old, tmp := t.TempDir(), t.TempDir()
	placeByHand(t, old, map[string]string{"Notes.html": "手放的"})
	if err := os.WriteFile(filepath.Join(tmp, "Notes.html"), []byte("生成的"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &staged{t: &target{given: "pub"}, dest: old, tmp: tmp, tree: newTree(tmp)}
	if err := s.carry(foreignPlan{keep: []outputEntry{{"Notes.html", 0}}, kept: []string{"Notes.html"}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(tmp, "Notes.html")); string(b) != "生成的" {
		t.Errorf("Notes.html holds %q, want the build's", b)
	}
	if f := s.foreignFiles; len(f.kept) > 0 || !slices.Equal(f.displaced, []string{"Notes.html"}) {
		t.Errorf("kept %q, displaced %q; want Notes.html replaced", f.kept, f.displaced)
	}
}
