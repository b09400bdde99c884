package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tongbao/internal/build"
)

func TestGenDemoBuilds(t *testing.T) {
	src := sampleSiteCopy(t)
	dir := filepath.Join(t.TempDir(), "demo")
	// Flags after the folder, as well as before it.
	code, out, errOut := runCmd("gen-demo", dir, "--years", "2", "-s", src)
	if code != 0 {
		t.Fatalf("gen-demo: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "共 24 个月") {
		t.Errorf("gen-demo said %q", out)
	}
	outputs, err := build.Render(build.Options{Source: dir})
	if err != nil {
		t.Fatalf("rendering the demo site: %v", err)
	}
	circularRE := regexp.MustCompile(`^circulars/\d{4}/\d+/index\.html$`)
	circulars, pages := 0, 0
	for _, o := range outputs {
		if circularRE.MatchString(o.Path) {
			circulars++
		}
		if strings.HasSuffix(o.Path, ".html") {
			pages++
			if !bytes.Contains(o.Data, []byte("演示数据")) {
				t.Errorf("%s does not say 演示数据", o.Path)
			}
		}
	}
	// 24 months, the year 2022 and the four quarters of the last twelve
	// months.
	if circulars != 29 {
		t.Errorf("%d circulars, want 29", circulars)
	}
	if code, _, errOut := runCmd("check", "-s", dir); code != 0 {
		t.Errorf("check on the demo: exit %d, %s", code, errOut)
	}
	t.Logf("%d outputs, %d pages", len(outputs), pages)
}

// TestGenDemoFromAnywhere runs gen-demo in an empty folder outside any
// site, with no -s: it takes the sample built into the binary, and the
// demo is the one made from the repository's site.
func TestGenDemoFromAnywhere(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	t.Chdir(empty)
	if code, _, errOut := runCmd("gen-demo", "demo", "--years", "1"); code != 0 {
		t.Fatalf("gen-demo in an empty folder: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runCmd("check", "-s", "demo"); code != 0 {
		t.Errorf("check on the demo: exit %d, %s", code, errOut)
	}
	// Every file the same as the demo made from the checkout's own site.
	fromRepo := filepath.Join(t.TempDir(), "demo")
	if code, _, errOut := runCmd("gen-demo", fromRepo, "--years", "1", "-s", repo); code != 0 {
		t.Fatalf("gen-demo -s %s: %s", repo, errOut)
	}
	n := 0
	err = filepath.WalkDir(fromRepo, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fromRepo, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(empty, "demo", rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from the demo made from the repository's site", rel)
		}
		n++
		return nil
	})
	if err != nil || n < 20 {
		t.Fatalf("walked %d files: %v", n, err)
	}
	// A second run into the now full folder is refused, and says so.
	if code, _, errOut := runCmd("gen-demo", "demo", "--years", "1"); code != 1 || !strings.Contains(errOut, "不为空") {
		t.Errorf("gen-demo into a full folder: exit %d, stderr %q", code, errOut)
	}
}

func TestGenDemoRefusesNonEmpty(t *testing.T) {
	src := sampleSiteCopy(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("gen-demo", "-s", src, "--years", "1", dir)
	if code != 1 || !strings.Contains(errOut, "不为空") {
		t.Fatalf("gen-demo into a non-empty folder: exit %d, stderr %q; want 1 and a message", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("gen-demo wrote into a non-empty folder")
	}
}

func TestGenDemoUsage(t *testing.T) {
	if code, _, _ := runCmd("gen-demo"); code != 2 {
		t.Errorf("gen-demo without a folder: exit %d, want 2", code)
	}
	if code, _, _ := runCmd("gen-demo", t.TempDir(), "--years", "0"); code != 2 {
		t.Errorf("gen-demo --years 0: exit %d, want 2", code)
	}
}

func TestGenDemoDeterministic(t *testing.T) {
	src := sampleSiteCopy(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, d := range []string{a, b} {
		if code, _, errOut := runCmd("gen-demo", "-s", src, "--years", "1", d); code != 0 {
			t.Fatalf("gen-demo: %s", errOut)
		}
	}
	err := filepath.WalkDir(a, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
