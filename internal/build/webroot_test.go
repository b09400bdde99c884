//go:build linux

package build

import (
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests in this file publish where people publish: into a mount point
// and into a web root whose parent the build may not write. Both need
// what only root has (a private mount namespace, another user); without
// it they skip and say so.

// TestInterruptCleansUp: Ctrl+C during a build removes what it wrote and
// leaves the output as it was.
func TestInterruptCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3-year archive several times")
	}
	exe := tongbaoBinary(t)
	src := demoSite(t, 3, 1)
	dest := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if out, err := exec.Command(exe, "build", "-s", src, "-d", dest).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	took := time.Since(start)
	before := treeState(t, dest)
	for i, frac := range []float64{0.5, 0.3, 0.15, 0.05} {
		cmd := exec.Command(exe, "build", "-s", src, "-d", dest)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(float64(took) * frac))
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		if err == nil {
			t.Logf("try %d: the build finished before Ctrl+C", i+1)
			before = treeState(t, dest)
			continue
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || out.String() != "tongbao: "+ErrInterrupted.Error()+"\n" {
			t.Fatalf("interrupted build: %v, output %q", err, out.String())
		}
		sameTree(t, before, treeState(t, dest))
		if l := leftovers(t, dest); len(l) > 0 {
			t.Errorf("staging folders left: %v", l)
		}
		return
	}
	t.Fatal("no build could be interrupted")
}

// TestMountPoint runs mountPointHelper in a private mount namespace, where
// it mounts a file system on the output.
func TestMountPoint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds in a mount namespace")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root for a private mount namespace")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("needs unshare(1) (util-linux)")
	}
	if err := exec.Command(unshare, "-m", "true").Run(); err != nil {
		t.Skipf("cannot make a mount namespace here: %v", err)
	}
	exe := tongbaoBinary(t)
	cmd := exec.Command(unshare, "-m", "--propagation", "private", os.Args[0], "-test.run", "^TestMountPointHelper$", "-test.v")
	cmd.Env = append(os.Environ(), "TONGBAO_MOUNT_HELPER=1", "TONGBAO_EXE="+exe)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestMountPointHelper") {
		t.Fatalf("in the mount namespace: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// TestMountPointHelper is TestMountPoint's body, run only in its namespace.
func TestMountPointHelper(t *testing.T) {
	if os.Getenv("TONGBAO_MOUNT_HELPER") == "" {
		t.Skip("run by TestMountPoint")
	}
	exe := os.Getenv("TONGBAO_EXE")
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tongbao-test", dest, "tmpfs", 0, "size=256m"); err != nil {
		t.Fatalf("mount: %v", err)
	}
	defer syscall.Unmount(dest, syscall.MNT_DETACH)
	if !isMountPoint(dest) {
		t.Fatal("isMountPoint does not see the mount")
	}
	inputs := [2]string{demoSite(t, 2, 1), demoSite(t, 2, 2)}
	var manifests [2]Manifest
	for i, src := range inputs {
		if out, err := exec.Command(exe, "build", "-s", src, "-d", dest).CombinedOutput(); err != nil {
			t.Fatalf("build into a mount point: %v\n%s", err, out)
		}
		checkTree(t, dest)
		manifests[i], _ = ReadManifest(dest)
	}
	if !isMountPoint(dest) {
		t.Fatal("the mount point was replaced")
	}

	// Killed at random moments, an update in place leaves either a
	// complete build, which its manifest describes exactly, or a folder
	// marked as being updated and without a manifest — never a manifest
	// that lies.
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 2))
	t.Logf("random seed %d", seed)
	current, marked := 1, 0
	for i := range 30 {
		next := 1 - current
		cmd := exec.Command(exe, "build", "-s", inputs[next], "-d", dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(400 * time.Millisecond))))
		cmd.Process.Kill()
		cmd.Wait()
		m, err := ReadManifest(dest)
		if err != nil {
			if _, err := os.Stat(filepath.Join(dest, updatingName)); err != nil {
				t.Fatalf("run %d: neither a manifest nor an update's mark", i)
			}
			marked++
			continue
		}
		if err := CheckTree(dest); err != nil {
			t.Fatalf("run %d: the manifest does not describe the tree: %v", i, err)
		}
		for j := range manifests {
			if len(DiffManifests(m, manifests[j])) == 0 {
				current = j
			}
		}
	}
	t.Logf("30 kills: %d left an update half-done", marked)
	if out, err := exec.Command(exe, "build", "-s", inputs[0], "-d", dest).CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, out)
	}
	checkTree(t, dest)
	if m, _ := ReadManifest(dest); len(DiffManifests(m, manifests[0])) != 0 {
		t.Error("the final build is not the one asked for")
	}
}

// TestUnwritableParent builds, as an unprivileged user, into a web root it
// owns inside a folder it may not write (/var/www/html under /var/www).
func TestUnwritableParent(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run the build as another user")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("needs setpriv(1) (util-linux)")
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody")
	}
	exe := tongbaoBinary(t)
	src := sampleCopy(t)
	root := t.TempDir()
	www := filepath.Join(root, "var", "www")
	html := filepath.Join(www, "html")
	if err := os.MkdirAll(html, 0o755); err != nil {
		t.Fatal(err)
	}
	uid, err1 := strconv.Atoi(nobody.Uid)
	gid, err2 := strconv.Atoi(nobody.Gid)
	if err1 != nil || err2 != nil {
		t.Skip("nobody has no numeric ids")
	}
	if err := os.Chown(html, uid, gid); err != nil {
		t.Fatal(err)
	}
	// Everything else readable by all, written by root only.
	for _, p := range []string{exe, src, root} {
		for d := p; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
		filepath.Walk(p, func(p string, fi os.FileInfo, err error) error {
			switch {
			case err != nil || p == html:
			case fi.IsDir():
				os.Chmod(p, 0o755)
			default:
				os.Chmod(p, fi.Mode().Perm()|0o444)
			}
			return nil
		})
	}
	asNobody := func(dest string) (string, error) {
		cmd := exec.Command(setpriv, "--reuid="+nobody.Uid, "--regid="+nobody.Gid, "--clear-groups", exe, "build", "-s", src, "-d", dest)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for i := range 2 {
		if i == 1 {
			editSource(t, src, "data/2023-02.toml", `"爱莲街道" = 98.40`, `"爱莲街道" = 98.30`)
			// A folder of the web server's own that the build may not
			// read: updated in place, the build leaves it alone, unread.
			private := filepath.Join(html, "private")
			if err := os.Mkdir(private, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(private, "x.conf"), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if out, err := asNobody(html); err != nil {
			t.Fatalf("build %d as nobody into %s: %v\n%s", i+1, html, err, out)
		}
		m, _ := ReadManifest(html)
		scanned, err := ScanTree(html)
		if d := DiffManifests(m, scanned); err != nil || i == 0 && len(d) > 0 || i == 1 && !slices.Equal(d, []string{"private/x.conf"}) {
			t.Errorf("build %d: the tree differs from its manifest in %q (%v)", i+1, d, err)
		}
	}
	entries, _ := os.ReadDir(www)
	if len(entries) != 1 {
		t.Errorf("beside the web root: %v", entries)
	}

	// Where it may write nothing at all, it says so in Chinese.
	os.Chown(html, 0, 0)
	out, err := asNobody(html)
	if err == nil || !strings.Contains(out, "没有权限") || strings.Contains(out, "permission denied\n") {
		t.Errorf("building where nothing may be written: %v\n%s", err, out)
	}
	out, err = asNobody(filepath.Join(www, "new"))
	if want := "tongbao: 不能输出到 " + filepath.Join(www, "new") + "：没有权限在上级目录中创建它；"; err == nil || !strings.HasPrefix(out, want) {
		t.Errorf("building into a new folder where none may be made: %v\n%s\nwant %s…", err, out, want)
	}
}
