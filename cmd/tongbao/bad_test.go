package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"tongbao/internal/build"
)

// badRoot holds the corpus of broken inputs (testdata/bad/README.md): a
// small valid site in _base, and one folder per case with the files that
// replace or join the base's, and expect.txt.
var badRoot = filepath.Join("..", "..", "testdata", "bad")

// generated are the cases whose input is made at run time: a 50 MB file
// does not belong in the repository, and a symlink's target must exist
// outside the site. Each returns the text that stands for {outside} in
// its expect.txt.
var generated = map[string]func(t *testing.T, dir string) string{
	"huge-file": func(t *testing.T, dir string) string {
		f, err := os.Create(filepath.Join(dir, "content", "huge.md"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		line := []byte("+++\ntitle = \"大文件\"\n+++\n")
		f.Write(line)
		para := bytes.Repeat([]byte("这是一段重复的正文。"), 100)
		para = append(para, '\n')
		for n := int64(len(line)); n < 50<<20; n += int64(len(para)) {
			f.Write(para)
		}
		if err := f.Truncate(50 << 20); err != nil {
			t.Fatal(err)
		}
		return ""
	},
	"symlink-outside": func(t *testing.T, dir string) string {
		outside := filepath.Join(t.TempDir(), "secret.md")
		os.WriteFile(outside, []byte("+++\ntitle = \"站外文件\"\n+++\n不应被发布。\n"), 0o644)
		if err := os.Symlink(outside, filepath.Join(dir, "content", "leak.md")); err != nil {
			t.Fatal(err)
		}
		return outside
	},
	"markdown-progress-links": func(t *testing.T, dir string) string {
		// 16,000 link destinations in a progress text (64 KB): each
		// would be read to the end of the line.
		month := filepath.Join(dir, "data", "2023-02.toml")
		b, err := os.ReadFile(month)
		if err != nil {
			t.Fatal(err)
		}
		old := []byte(`progress  = "完成规模工业增加值12亿元。"`)
		if !bytes.Contains(b, old) {
			t.Fatal("the base month file has no progress text to replace")
		}
		b = bytes.Replace(b, old, []byte(`progress  = "`+strings.Repeat("[a](", 16000)+`"`), 1)
		if err := os.WriteFile(month, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return ""
	},
	"symlink-inside-accepted": func(t *testing.T, dir string) string {
		// A page kept once and linked from a second place is fine.
		if err := os.Symlink(filepath.Join(dir, "content", "about.md"), filepath.Join(dir, "content", "about-us.md")); err != nil {
			t.Fatal(err)
		}
		return ""
	},
}

// TestBadInputs builds every case of the corpus over an existing public/
// and holds the result to expect.txt: exactly those diagnostic lines, exit
// 1, no panic, and public/ byte-identical to what it was. An expect.txt
// without diagnostic lines marks input that must be accepted (a BOM, CRLF
// line ends): exit 0 and a complete new public/.
func TestBadInputs(t *testing.T) {
	entries, err := os.ReadDir(badRoot)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), "_") {
			cases = append(cases, e.Name())
		}
	}
	if len(cases) < 40 {
		t.Fatalf("the corpus holds %d cases, want at least 40", len(cases))
	}
	for name := range generated {
		if !slices.Contains(cases, name) {
			t.Errorf("generated case %s has no folder in testdata/bad", name)
		}
	}

	t.Run("_base", func(t *testing.T) {
		dir := badSite(t, "")
		if code, _, errOut := runCmd("build", "-s", dir); code != 0 {
			t.Fatalf("the base site of the corpus does not build:\n%s", errOut)
		}
	})
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			expect, err := os.ReadFile(filepath.Join(badRoot, name, "expect.txt"))
			if err != nil {
				t.Fatal(err)
			}
			dir := badSite(t, name)
			outside := ""
			if gen := generated[name]; gen != nil {
				outside = gen(t, dir)
			}
			public := filepath.Join(dir, "public")
			oldSite(t, public)
			before := treeDigest(t, public)

			code, stdout, stderr := runSafely(t, "build", "-s", dir)
			want := expectedLines(expect, outside)
			n := 0 // the diagnostics; the indented lines below one, and blank ones, are its text, and a warning is not a problem
			for _, line := range strings.Split(want, "\n") {
				if line != "" && !strings.HasPrefix(line, " ") && !strings.Contains(line, ": 警告：") {
					n++
				}
			}
			if n == 0 {
				// Accepted, with exactly the warnings listed, if any.
				if code != 0 || stderr != want {
					t.Fatalf("accepted input: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
				}
				want, err := build.ReadManifest(public)
				if err != nil {
					t.Fatalf("accepted input, but public/ has no manifest: %v", err)
				}
				got, err := build.ScanTree(public)
				if err != nil {
					t.Fatal(err)
				}
				if d := build.DiffManifests(want, got); len(d) > 0 {
					t.Errorf("accepted input, but public/ is not what its manifest lists: %v", d)
				}
				if _, err := os.Stat(filepath.Join(public, "marker.txt")); err == nil {
					t.Error("accepted input, but the old public/ is still there")
				}
				return
			}
			want += fmt.Sprintf("tongbao: 发现 %d 个问题，未写入任何文件\n", n)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout: %q, want nothing", stdout)
			}
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if after := treeDigest(t, public); after != before {
				t.Error("a failed build changed public/")
			}
		})
	}
}

// expectedLines is expect.txt without its comment lines (# …, which say
// why a line is there), with {outside} replaced.
func expectedLines(expect []byte, outside string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(expect), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			b.WriteString(strings.ReplaceAll(line, "{outside}", outside))
		}
	}
	return b.String()
}

// badSite assembles a case's site in a temporary folder: the corpus base,
// then the case's own files over it. Neither has layouts of its own but
// the cases about templates: the built-in theme is the rest.
func badSite(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join(badRoot, "_base"), dir)
	if name != "" {
		copyDir(t, filepath.Join(badRoot, name), dir)
		os.Remove(filepath.Join(dir, "expect.txt"))
	}
	return dir
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// oldSite stands for the published site a broken build must not touch: a
// few files and the manifest a build wrote with them.
func oldSite(t *testing.T, public string) {
	t.Helper()
	for name, body := range map[string]string{
		"index.html":                  "<p>上一次发布的网站</p>\n",
		"marker.txt":                  "旧网站\n",
		"circulars/2023/5/index.html": "<p>旧通报</p>\n",
	} {
		p := filepath.Join(public, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := build.ScanTree(public)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, build.ManifestName), m.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkTree reports whether the tree at root is exactly what its manifest
// says: every listed file present with its size and hash, and no other.
func checkTree(root string) error {
	want, err := build.ReadManifest(root)
	if err != nil {
		return err
	}
	got, err := build.ScanTree(root)
	if err != nil {
		return err
	}
	if d := build.DiffManifests(want, got); len(d) > 0 {
		return fmt.Errorf("%s 与清单不符：%v", root, d)
	}
	return nil
}

// treeDigest hashes the names, kinds and contents of everything under root.
func treeDigest(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s\x00%v\x00", filepath.ToSlash(rel), d.Type())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%d\x00", len(b))
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// runSafely is runCmd that turns a panic into a test failure with its
// stack, so that one crashing case does not hide the others.
func runSafely(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("tongbao %s panicked: %v\n%s", strings.Join(args, " "), r, debug.Stack())
		}
	}()
	return runCmd(args...)
}
