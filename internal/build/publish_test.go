package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build is Build that fails the test.
func mustBuild(t *testing.T, opts Options) {
	t.Helper()
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
}

// editSource replaces old by new in a file of the site.
func editSource(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkTree fails the test unless root is exactly what its manifest says.
func checkTree(t *testing.T, root string) {
	t.Helper()
	if err := CheckTree(root); err != nil {
		t.Error(err)
	}
}

// TestRestoredFileIsNotReused is issue 11's tar scenario: a file restored
// from an old archive, with its old bytes and its old time, must not be
// taken for this build's. Build; archive public/ with tar; change a score;
// build; restore data.csv from the archive; build: data.csv must say the
// new score, and the manifest must match the bytes.
func TestRestoredFileIsNotReused(t *testing.T) {
	tar, err := exec.LookPath("tar")
	if err != nil {
		t.Skip("no tar here")
	}
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	const csv = "circulars/2023/14/data.csv"
	mustBuild(t, Options{Source: dir})
	// tar keeps times to the second; an hour back stands for the issue's
	// "wait 3 s", so that the restored file is older than any manifest.
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dest, csv), hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	v1, _ := os.ReadFile(filepath.Join(dest, csv))
	if out, err := exec.Command(tar, "-C", dir, "-cf", filepath.Join(dir, "v1.tar"), "public").CombinedOutput(); err != nil {
		t.Fatalf("tar -c: %v\n%s", err, out)
	}

	editSource(t, dir, "data/2023-02.toml", `"爱莲街道" = 98.40`, `"爱莲街道" = 98.30`)
	mustBuild(t, Options{Source: dir})
	v2, _ := os.ReadFile(filepath.Join(dest, csv))
	if bytes.Equal(v1, v2) || len(v1) != len(v2) || !bytes.Contains(v2, []byte("98.3")) {
		t.Fatalf("the score change should change data.csv and keep its size: %d → %d bytes", len(v1), len(v2))
	}

	if out, err := exec.Command(tar, "-C", dir, "-xf", filepath.Join(dir, "v1.tar"), "public/"+csv).CombinedOutput(); err != nil {
		t.Fatalf("tar -x: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, csv)); !bytes.Equal(b, v1) {
		t.Fatal("tar did not restore the old data.csv")
	}
	mustBuild(t, Options{Source: dir})
	if b, _ := os.ReadFile(filepath.Join(dest, csv)); !bytes.Equal(b, v2) {
		t.Errorf("after the restore and a build, data.csv still holds the restored bytes")
	}
	checkTree(t, dest)
}

// TestPermissionsNormalised: whatever was done to the files of the last
// build and whatever the umask, a build's files are 0644 and its folders
// 0755 — `chmod 000 public/robots.txt` does not survive a rebuild.
func TestPermissionsNormalised(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	robots := filepath.Join(dest, "robots.txt")
	want, _ := os.ReadFile(robots)
	if err := os.Chmod(robots, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dest, "about"), 0o700); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Source: dir})
	fi, err := os.Stat(robots)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("robots.txt after chmod 000 and a build: %v, %v; want 0644", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(robots); !bytes.Equal(got, want) {
		t.Error("robots.txt changed")
	}
	checkTree(t, dest)

	// Under umask 077, in a child so that the test's own umask stays.
	exe := tongbaoBinary(t)
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command("/bin/sh", "-c", `umask 077 && exec "$0" "$@"`, exe, "build", "-s", dir, "-d", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build under umask 077: %v\n%s", err, b)
	}
	modes(t, out)
	// In place too.
	cmd = exec.Command("/bin/sh", "-c", `umask 077 && exec "$0" "$@"`, exe, "build", "-s", dir, "-d", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("second build under umask 077: %v\n%s", err, b)
	}
	modes(t, out)
}

// modes fails the test for every file of root that is not 0644 and every
// folder that is not 0755.
func modes(t *testing.T, root string) {
	t.Helper()
	bad := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if fi.Mode().Perm() != want && bad < 5 {
			bad++
			t.Errorf("%s is %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
}

// TestSymlinkedOutput: a public/ that is a symlink to the web root
// publishes into the web root, and stays a symlink.
func TestSymlinkedOutput(t *testing.T) {
	dir := sampleCopy(t)
	www := filepath.Join(t.TempDir(), "www", "html")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	if err := os.Symlink(www, public); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if i == 1 {
			editSource(t, dir, "data/2023-02.toml", `"爱莲街道" = 98.40`, `"爱莲街道" = 98.30`)
		}
		mustBuild(t, Options{Source: dir})
		if fi, err := os.Lstat(public); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("build %d: public is no longer a symlink (%v)", i+1, err)
		}
		checkTree(t, www)
	}
	if b, _ := os.ReadFile(filepath.Join(www, "circulars", "2023", "14", "data.csv")); !bytes.Contains(b, []byte("98.3")) {
		t.Error("the web root does not have the second build")
	}
	entries, _ := os.ReadDir(filepath.Dir(www))
	if len(entries) != 1 {
		t.Errorf("beside the web root: %v, want only html", entries)
	}

	// A symlink to a folder of other files is refused like the folder.
	other := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "report.docx"), []byte("x"), 0o644)
	link := filepath.Join(t.TempDir(), "public")
	os.Symlink(other, link)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: link}); err == nil || !strings.Contains(err.Error(), "不是 tongbao 生成的") {
		t.Errorf("a symlink to a folder of documents: %v", err)
	}
}

// inPlaceState describes a tree for the in-place tests: each file's
// bytes and whether it is the same file (inode) as before.
func inodes(t *testing.T, root string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			fi, _ := d.Info()
			out[filepath.ToSlash(rel)] = fi
		}
		return err
	})
	return out
}

// TestInPlace updates an output in place, as for a mount point: unchanged
// files stay the same files, changed ones are replaced, stale ones
// removed, files the manifest never listed left alone, and the manifest
// is right; a build that fails leaves the output as it was.
func TestInPlace(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	os.WriteFile(filepath.Join(dest, "foreign.txt"), []byte("网站服务器自己的文件\n"), 0o644)
	before := inodes(t, dest)

	editSource(t, dir, "data/2023-02.toml", `"爱莲街道" = 98.40`, `"爱莲街道" = 98.30`)
	if err := os.Remove(filepath.Join(dir, "content", "about.md")); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Source: dir, inPlace: true})
	after := inodes(t, dest)
	m, err := ReadManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	scanned, _ := ScanTree(dest)
	if d := DiffManifests(m, scanned); !slices.Equal(d, []string{"foreign.txt"}) {
		t.Errorf("the tree differs from its manifest in %v, want only foreign.txt", d)
	}
	if _, ok := after["about/index.html"]; ok {
		t.Error("the stale about/index.html is still there")
	}
	if _, err := os.Stat(filepath.Join(dest, "about")); err == nil {
		t.Error("the folder of the stale page is still there")
	}
	if !os.SameFile(before["foreign.txt"], after["foreign.txt"]) {
		t.Error("foreign.txt was touched")
	}
	kept, replaced := 0, 0
	for p, fi := range after {
		if old, ok := before[p]; ok && p != ManifestName {
			if os.SameFile(old, fi) {
				kept++
			} else {
				replaced++
			}
		}
	}
	if kept < 5 || replaced < 1 || os.SameFile(before["circulars/2023/14/data.csv"], after["circulars/2023/14/data.csv"]) {
		t.Errorf("%d files kept, %d replaced; data.csv must be replaced, most others kept", kept, replaced)
	}
	for p := range after {
		if strings.HasPrefix(p, newName+"/") || p == updatingName {
			t.Errorf("%s left behind", p)
		}
	}

	// A build that fails leaves everything as it was.
	state := treeState(t, dest)
	override(t, dir, "circular.html")
	editSource(t, dir, "layouts/circular.html", `{{define "main"}}`, `{{define "main"}}{{.Nope.X}}`)
	editSource(t, dir, "data/2023-02.toml", `"爱莲街道" = 98.30`, `"爱莲街道" = 98.20`)
	if _, err := Build(context.Background(), Options{Source: dir, inPlace: true}); err == nil {
		t.Fatal("a broken layout built")
	}
	sameTree(t, state, treeState(t, dest))
}

// TestInPlaceStaysInside: an update in place removes what the last
// build's manifest lists and no longer makes, but not a file outside the
// output that a manifest written by hand lists (../victim.txt), nor one a
// folder of the output that links elsewhere leads to (lnk/keep.txt).
func TestInPlaceStaysInside(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	elsewhere := t.TempDir()
	keep := filepath.Join(elsewhere, "keep.txt")
	os.WriteFile(keep, []byte("keep"), 0o644)
	if err := os.Symlink(elsewhere, filepath.Join(dest, "lnk")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	for _, extra := range []string{"../victim.txt", "lnk/keep.txt"} {
		m, err := ReadManifest(dest)
		if err != nil {
			t.Fatal(err)
		}
		m.Files = append(m.Files, ManifestEntry{Path: extra, Size: 4, SHA256: strings.Repeat("0", 64)})
		m.sort()
		if err := os.WriteFile(filepath.Join(dest, ManifestName), m.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = Build(context.Background(), Options{Source: dir, inPlace: true})
		for _, f := range []string{victim, keep} {
			if _, statErr := os.Stat(f); statErr != nil {
				t.Fatalf("with %s in the manifest, the build (%v) removed %s", extra, err, f)
			}
		}
		if err != nil && !strings.Contains(err.Error(), "指向输出目录之外的符号链接") {
			t.Errorf("with %s in the manifest: %v", extra, err)
		}
		if err != nil {
			// Refused: the output is tongbao's again once the manifest
			// is a build's.
			mustBuild(t, Options{Source: dir})
			os.Symlink(elsewhere, filepath.Join(dest, "lnk"))
		}
	}
}

// TestInPlaceInterrupted: an update in place that was killed after it
// began replacing files — marked as updating, no manifest, a new file
// still under its hidden name — is a folder the next build recognises as
// tongbao's and completes.
func TestInPlaceInterrupted(t *testing.T) {
	dir := sampleCopy(t)
	dest := filepath.Join(dir, "public")
	mustBuild(t, Options{Source: dir})
	m, _ := ReadManifest(dest)
	var mark Manifest
	for _, e := range m.Files {
		mark.Files = append(mark.Files, ManifestEntry{Path: e.Path})
	}
	mark.Files = append(mark.Files, ManifestEntry{Path: "old/index.html"})
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	os.WriteFile(filepath.Join(dest, "old", "index.html"), []byte("旧页面"), 0o644)
	os.WriteFile(filepath.Join(dest, updatingName), mark.Bytes(), 0o644)
	os.Remove(filepath.Join(dest, ManifestName))
	os.MkdirAll(filepath.Join(dest, newName, "circulars", "2023", "14"), 0o755)
	os.WriteFile(filepath.Join(dest, newName, "circulars", "2023", "14", "data.csv"), []byte("半个文件"), 0o644)
	if err := os.WriteFile(filepath.Join(dest, "index.html"), []byte("被中断时写了一半"), 0o644); err != nil {
		t.Fatal(err)
	}

	mustBuild(t, Options{Source: dir, inPlace: true})
	checkTree(t, dest)
	for _, p := range []string{updatingName, "old", newName} {
		if _, err := os.Stat(filepath.Join(dest, p)); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
}

// TestRetryPolicy: a transient failure is tried again after each pause
// until it succeeds or the pauses are used up; a lasting one is not.
func TestRetryPolicy(t *testing.T) {
	busy := &os.LinkError{Op: "rename", Old: "a", New: "b", Err: winSharingViolation}
	var slept []time.Duration
	p := retryPolicy{transient: isSharingViolation, delays: backoff(10*time.Millisecond, 2*time.Second), sleep: func(d time.Duration) { slept = append(slept, d) }}
	if want := []time.Duration{10, 20, 40, 80, 160, 320, 640}; len(p.delays) != len(want) || p.delays[6] != 640*time.Millisecond {
		t.Fatalf("backoff = %v, want %v ms", p.delays, want)
	}
	calls := 0
	err := p.do(func() error {
		calls++
		if calls < 3 {
			return busy
		}
		return nil
	})
	if err != nil || calls != 3 || !slices.Equal(slept, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}) {
		t.Errorf("succeeding on the third try: err %v, %d calls, slept %v", err, calls, slept)
	}
	slept, calls = nil, 0
	err = p.do(func() error { calls++; return busy })
	if !errors.Is(err, winSharingViolation) || calls != 8 || len(slept) != 7 {
		t.Errorf("always busy: err %v, %d calls, %d pauses; want the error after 8 calls", err, calls, len(slept))
	}
	slept, calls = nil, 0
	err = p.do(func() error { calls++; return fs.ErrNotExist })
	if calls != 1 || len(slept) != 0 {
		t.Errorf("a lasting error was retried: %d calls", calls)
	}
}

// TestErrorClassification: which errors Windows returns while another
// program holds a file open, and what the messages say, for errors made
// up here since no Linux call returns them.
func TestErrorClassification(t *testing.T) {
	for _, c := range []struct {
		err     error
		sharing bool
		why     string
	}{
		{&os.LinkError{Op: "rename", Err: syscall.Errno(32)}, true, "文件正被其他程序打开"},
		{&fs.PathError{Op: "remove", Err: syscall.Errno(33)}, true, "文件正被其他程序打开"},
		{&fs.PathError{Op: "remove", Err: syscall.Errno(5)}, true, "没有权限"},
		{&fs.PathError{Op: "open", Err: syscall.Errno(1224)}, true, "文件正被其他程序打开"},
		{&fs.PathError{Op: "write", Err: syscall.Errno(112)}, false, "磁盘空间不足"},
		{&fs.PathError{Op: "rename", Err: syscall.EBUSY}, false, "正被占用：它是一个挂载点"},
		{&fs.PathError{Op: "mkdir", Err: syscall.EACCES}, false, "没有权限（permission denied），请以有写入权限的用户运行"},
		{&fs.PathError{Op: "mkdir", Err: syscall.EROFS}, false, "文件系统是只读的"},
		{&fs.PathError{Op: "write", Err: syscall.ENOSPC}, false, "磁盘空间不足"},
		{errors.New("other"), false, "other"},
	} {
		if got := isSharingViolation(c.err); got != c.sharing {
			t.Errorf("isSharingViolation(%v) = %v", c.err, got)
		}
		if got := why(c.err); !strings.HasPrefix(got, c.why) {
			t.Errorf("why(%v) = %q, want it to start %q", c.err, got, c.why)
		}
	}
}

func TestMountedAt(t *testing.T) {
	const table = `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
36 22 0:31 / /var/www/html rw,nosuid - tmpfs tmpfs rw
37 22 8:1 /srv/site /srv/web\040root rw - ext4 /dev/sda1 rw
`
	for path, want := range map[string]bool{"/var/www/html": true, "/srv/web root": true, "/": true, "/var/www": false, "/var/www/html/x": false, "/srv/web": false} {
		if got := mountedAt(strings.NewReader(table), path); got != want {
			t.Errorf("mountedAt(%q) = %v, want %v", path, got, want)
		}
	}
}
